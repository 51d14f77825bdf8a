//! Small wrappers over browser APIs that can fail, so the components never unwrap.

use leptos::prelude::*;
use scope::history::Entry;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Whether the progress on screen is kept, by this browser's storage (the last write worked, or
/// the record loaded is what is on screen) or by a version 2 host: the panic page says so. Set
/// by `app::App` only, from `scope::portal::Keeper`, as the embed bar's line is: false until the
/// app is ready (a panic during start-up says the latest answers may not be saved).
pub static SAVED: AtomicBool = AtomicBool::new(false);

/// The page shown instead of a blank one after a panic. Static markup: the reactive system may
/// be in the middle of an update when a panic happens, and the module is dead once the hook
/// returns (`panic = "abort"`), so this page is written once, without Leptos.
const PANIC_PAGE: &str = r#"<main class="panic-page" role="alert"><h1>Something went wrong</h1><p id="panic-saved"></p><a id="panic-reload" class="button primary">Reload the wizard</a><p>If it happens again, send these details to whoever gave you this page:</p><pre id="panic-details"></pre></main>"#;

/// Instead of a blank page: what happened, whether answers are safe, a reload link and the details.
pub fn show_panic_page(info: &std::panic::PanicHookInfo) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    body.set_inner_html(PANIC_PAGE);
    let saved = scope::storage::error_page_line(SAVED.load(Ordering::Relaxed));
    // Text and attribute values only: nothing from the panic is read as markup.
    if let Some(p) = document.get_element_by_id("panic-saved") {
        p.set_text_content(Some(saved));
    }
    if let Some(a) = document.get_element_by_id("panic-reload") {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let _ = a.set_attribute("href", &href);
    }
    if let Some(pre) = document.get_element_by_id("panic-details") {
        pre.set_text_content(Some(&info.to_string()));
    }
}

/// Runs `f` before the next repaint, whichever reactive owner is current. Leptos 0.9's
/// `request_animation_frame` cancels the request when that owner is cleaned up, and a button's
/// owner often goes with the change it makes (Change on the summary, Start over, the link
/// prompt), taking the focus move with it.
pub fn next_frame(f: impl FnOnce() + 'static) {
    // `once_into_js` frees the closure once it has run.
    let _ = window().request_animation_frame(Closure::once_into_js(f).unchecked_ref());
}

/// Runs `f` in a task of its own, after what the browser has waiting (input, a paint). A message
/// on a channel of the app's own, as schedulers do, not a timer: from the fifth timer in a chain
/// each waits at least 4 ms, and a tab in the background or a frame out of sight runs timers
/// about once a second.
pub fn next_task(f: impl FnOnce() + 'static) {
    let posted = TASKS.with(|tasks| tasks.as_ref().is_some_and(|t| t.port2().post_message(&JsValue::NULL).is_ok()));
    if posted {
        WAITING.with_borrow_mut(|waiting| waiting.push_back(Box::new(f)));
    } else {
        let _ = window().set_timeout_with_callback(Closure::once_into_js(f).unchecked_ref());
    }
}

thread_local! {
    /// The channel of `next_task`: a message to its second port runs the oldest task waiting.
    static TASKS: Option<web_sys::MessageChannel> = task_channel();
    static WAITING: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::default();
}

fn task_channel() -> Option<web_sys::MessageChannel> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let run_oldest = Closure::<dyn FnMut()>::new(|| {
        // Taken out before it runs: a task may ask for another.
        if let Some(task) = WAITING.with_borrow_mut(VecDeque::pop_front) {
            task();
        }
    });
    channel.port1().set_onmessage(Some(run_oldest.as_ref().unchecked_ref()));
    // Kept for the page's life, as the channel is.
    run_oldest.forget();
    Some(channel)
}

/// The choices made on the prerendered questions before the app was hydrated, as
/// (question id, value id): the browser checks them natively, and hydration sets every input
/// back to the blank state, so they are read first (app.rs, in the task that hydrates them) and
/// applied by the app. None unless public/loader.js saw a `change` event: inputs a browser
/// checks when it restores a form on reload or Back fire none, and are not the person's choices
/// now.
pub fn checked_choices() -> Vec<(String, String)> {
    let chosen = document().document_element().is_some_and(|root| root.has_attribute("data-early-choice"));
    if !chosen {
        return Vec::new();
    }
    let Ok(inputs) = document().query_selector_all("fieldset.question input:checked") else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|i| inputs.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| (input.name(), input.value()))
        .collect()
}

/// Today's date as YYYY-MM-DD, in the user's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The URL fragment without its `#`, or "".
pub fn hash() -> String {
    location().hash().ok().map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// The page address without the fragment.
pub fn address_without_hash() -> String {
    let href = location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Drops the fragment from the address bar without reloading, so a reload does not reopen it.
/// The entry keeps its step (see `push_step`).
pub fn clear_hash() {
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&address_without_hash()));
    }
}

thread_local! {
    /// The depth of the history entry on screen, when it is one of the app's (`history_entry`).
    static DEPTH: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// A new entry in the browser's history for `step`, at the same address, so Back returns to
/// `from`, the step before it. The entry being left gets its step now if it has none (the one the
/// page opened on, or one a link added): marking it at start cost every load a `replaceState`
/// (0.6 to 8 ms measured) before the page answered its first click. Such an entry counts as the
/// first (depth 0): whether any entry of the app's lies before it is not known.
pub fn push_step(from: &str, step: &str) {
    let Ok(history) = window().history() else { return };
    let here = history_entry().unwrap_or_else(|| {
        let first = Entry { depth: 0, step: from.to_string() };
        let _ = history.replace_state(&JsValue::from_str(&first.to_state()), "");
        first
    });
    let next = Entry { depth: here.depth + 1, step: step.to_string() };
    if history.push_state(&JsValue::from_str(&next.to_state()), "").is_ok() {
        DEPTH.set(Some(next.depth));
    }
}

/// The current history entry, if the app made it (`push_step`, `mark_step`).
pub fn history_entry() -> Option<Entry> {
    entry_of(&window().history().ok()?.state().ok()?)
}

/// The entry a `popstate` event moved to, if the app made it; and whether the move was back (to
/// an entry before the one on screen), also noting it as the one on screen now.
pub fn moved_to(state: &JsValue) -> Option<(Entry, bool)> {
    let entry = entry_of(state);
    let from = DEPTH.replace(entry.as_ref().map(|e| e.depth));
    let entry = entry?;
    Some((entry.clone(), from.is_some_and(|from| entry.depth < from)))
}

fn entry_of(state: &JsValue) -> Option<Entry> {
    state.as_string().map(|state| Entry::from_state(&state))
}

/// Marks the current history entry as showing `step` (its depth as it was, else the first).
pub fn mark_step(step: &str) {
    if let Ok(history) = window().history() {
        let depth = history_entry().map_or(0, |e| e.depth);
        let entry = Entry { depth, step: step.to_string() };
        if history.replace_state(&JsValue::from_str(&entry.to_state()), "").is_ok() {
            DEPTH.set(Some(depth));
        }
    }
}

/// Notes the entry on screen at start (a reload keeps its state), for the next `popstate`.
pub fn note_history_entry() {
    DEPTH.set(history_entry().map(|e| e.depth));
}

/// One entry back in the browser's history.
pub fn history_back() {
    if let Ok(history) = window().history() {
        let _ = history.back();
    }
}

/// A query parameter of the page address.
pub fn query_param(name: &str) -> Option<String> {
    let search = location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Offers `text` as a file download through `link`, a hidden anchor of the page.
pub fn download(link: &web_sys::HtmlAnchorElement, name: &str, mime: &str, text: &str) -> Result<(), String> {
    let refused = |_| "the browser refused to make the file".to_string();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked a little later: some browsers cancel a download whose URL is revoked at once.
    // Not Leptos's set_timeout: it would be cleared if the calling view went within the 30 s.
    let revoke = Closure::once_into_js(move || drop(web_sys::Url::revoke_object_url(&url)));
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    Ok(())
}

/// Copies `text` to the clipboard; whether it worked comes back through `done`.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    // navigator.clipboard is undefined on plain-HTTP pages, and calling through it would throw.
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let promise = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// `?debug=engine`: times `scope::evaluate` over `changes` answer changes in this browser and
/// puts the mean per change, in nanoseconds, in `<html data-engine-ns>` for scripts/bench.mjs.
pub fn time_engine(changes: u32) {
    let Some(performance) = window().performance() else {
        return;
    };
    let questions: Vec<scope::QuestionId> = scope::QuestionId::all().collect();
    let mut answers = scope::Answers::new();
    let start = performance.now();
    let mut listed = 0;
    for n in 0..changes as usize {
        // Walk through every value of every question: a mix of picks, toggles and switches.
        let q = questions[n % questions.len()];
        answers.pick(q, (n / questions.len()) % q.get().values.len());
        listed += scope::evaluate(&answers, scope::Revision::newest()).items.len();
    }
    let per_change = (performance.now() - start) / f64::from(changes);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-engine-ns", &((per_change * 1e6) as u64).to_string());
        let _ = root.set_attribute("data-engine-items", &listed.to_string());
    }
}

/// Ends public/loader.js's hold on the page (the `restoring` class on `<html>`) and marks it
/// `ready`: hydrated, with the browser's state applied (tests and scripts/bench.mjs wait for it).
pub fn mark_ready() {
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        let _ = classes.remove_1("restoring");
        let _ = classes.add_1("ready");
    }
}

/// The "Why and where from" buttons of `part` (not of the parts inside it, still to come)
/// clicked before it was hydrated (public/loader.js marks them) are clicked now that it listens:
/// the click is taken late rather than lost.
pub fn replay_early_clicks(part: &web_sys::Element) {
    let Ok(clicked) = part.query_selector_all("button[data-early-click]") else { return };
    let own = |button: &web_sys::HtmlElement| button.closest(".later").ok().flatten().is_some_and(|p| p == *part);
    for button in
        (0..clicked.length()).filter_map(|i| clicked.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).filter(own)
    {
        let _ = button.remove_attribute("data-early-click");
        button.click();
    }
}
