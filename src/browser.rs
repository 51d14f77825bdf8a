//! Small wrappers over browser APIs that can fail, so the components never unwrap.

use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;

/// Whether the last write of progress to local storage succeeded; the panic page says so.
pub static SAVED: AtomicBool = AtomicBool::new(false);

/// Instead of a blank page: what happened, whether answers are safe, a reload link and the details.
/// Built with plain DOM calls and no wasm callbacks, since the module is dead once this returns.
pub fn show_panic_page(info: &std::panic::PanicHookInfo) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let saved = SAVED.load(Ordering::Relaxed);
    let el = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    body.set_text_content(None);
    let Some(main) = document.create_element("main").ok() else { return };
    main.set_class_name("panic-page");
    main.set_attribute("role", "alert").ok();
    let lines = [
        el("h1", "Something went wrong"),
        el(
            "p",
            if saved {
                "Something went wrong; your answers are saved. Reload the page to carry on where you were."
            } else {
                "Something went wrong. This browser does not let the wizard save, so answers since the last share link or export may be lost."
            },
        ),
        el("a", "Reload the wizard").inspect(|a| {
            let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            a.set_attribute("href", &href).ok();
            a.set_class_name("button primary");
        }),
        el("p", "If it happens again, send these details to whoever gave you this page:"),
        el("pre", &info.to_string()),
    ];
    for line in lines.into_iter().flatten() {
        main.append_child(&line).ok();
    }
    body.append_child(&main).ok();
}

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Today's date as YYYY-MM-DD, in the user's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The URL fragment without its `#`, or "".
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// The page address without the fragment.
pub fn address_without_hash() -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Drops the fragment from the address bar without reloading, so a reload does not reopen it.
pub fn clear_hash() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let url = address_without_hash();
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).ok();
    }
}

/// A query parameter of the page address.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Offers `text` as a file download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "the browser refused to make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused to make the file")?;
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no link")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a little later: some browsers cancel a download whose URL is revoked at once.
    crate::reactive::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Ok(())
}

/// Copies `text` to the clipboard; the promise's outcome comes back through `done`.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    // navigator.clipboard is undefined on plain-HTTP pages, and calling through it would throw.
    let clipboard = window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Moves keyboard focus to the element with `id`, after the DOM has caught up.
pub fn focus_by_id(id: &'static str) {
    crate::reactive::request_animation_frame(move || {
        if let Some(el) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .map(|e| e.unchecked_into::<web_sys::HtmlElement>()) // our ids are on HTML elements
        {
            el.focus().ok();
        }
    });
}

/// `?debug=engine`: times `scope::evaluate` over `changes` answer changes in this browser and
/// puts the mean per change, in nanoseconds, in `<html data-engine-ns>` for scripts/bench.mjs.
pub fn time_engine(changes: u32) {
    use scope::catalog::{QuestionId, QUESTIONS};
    let Some(performance) = window().and_then(|w| w.performance()) else { return };
    let mut answers = scope::Answers::new();
    let start = performance.now();
    let mut listed = 0;
    for n in 0..changes as usize {
        // Walk through every value of every question: a mix of picks, toggles and switches.
        let q = QuestionId(n % QUESTIONS.len());
        answers.pick(q, (n / QUESTIONS.len()) % q.get().values.len());
        listed += scope::evaluate(&answers, scope::Revision::Current).items.len();
    }
    let per_change = (performance.now() - start) / changes as f64;
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        root.set_attribute("data-engine-ns", &((per_change * 1e6) as u64).to_string()).ok();
        root.set_attribute("data-engine-items", &listed.to_string()).ok();
    }
}
