//! Embed mode for partner portals and the postMessage protocol with the host page.
//!
//! The embed URL is `index.html?embed=1&origin=https://portal.example` (optionally
//! `&accent=0b6e4f&font=Georgia`). Messages go only to that origin, never `'*'`; messages from any
//! other origin are ignored. README, "Embedding in a portal", documents the protocol (version 1).

use crate::app::{current_step, Incoming, Wizard};
use crate::browser::{self, window};
use leptos::prelude::*;
use scope::link::{self, Fragment};
use scope::wizard;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const PROTOCOL: u32 = 1;

#[derive(Clone, Default)]
pub struct Params {
    pub embedded: bool,
    /// The host page's origin, where messages go and the only one they are taken from.
    pub parent_origin: Option<String>,
    pub accent: Option<String>,
    pub font: Option<String>,
}

impl Params {
    pub fn from_location() -> Params {
        let embedded = browser::query_param("embed").is_some_and(|v| v == "1" || v == "true");
        Params {
            embedded,
            parent_origin: browser::query_param("origin").filter(|o| valid_origin(o)),
            accent: browser::query_param("accent").and_then(|a| valid_colour(&a)),
            font: browser::query_param("font").filter(|f| valid_font(f)),
        }
    }
}

/// `https://host[:port]` or `http://…`, nothing else (no path, no wildcard).
fn valid_origin(o: &str) -> bool {
    let rest = o.strip_prefix("https://").or_else(|| o.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)))
}

/// A hex colour, with or without `#`.
fn valid_colour(c: &str) -> Option<String> {
    let hex = c.trim_start_matches('#');
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| format!("#{hex}"))
}

/// A font family list of plain names: nothing that could close the declaration.
fn valid_font(f: &str) -> bool {
    f.len() <= 80 && f.chars().all(|c| c.is_ascii_alphanumeric() || " ,-_'".contains(c))
}

/// The full page's address (no embed parameters, no fragment), for "open full page" and links.
pub fn full_page_base() -> String {
    let location = window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    format!("{origin}{path}")
}

/// The full page with the current answers as a share link, so nothing is lost when leaving the
/// iframe (whose storage is usually blocked).
pub fn full_page_url() -> impl Fn() -> String {
    let wizard = crate::app::use_wizard();
    move || format!("{}#{}", full_page_base(), wizard.progress.with(|p| link::encode_share(p, true)))
}

thread_local! {
    static TARGET: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Posts `{type: "ems-scope:<kind>", version, ...fields}` to the host origin, if there is one.
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(target) = TARGET.with(|t| t.borrow().clone()) else { return };
    let Some(parent) = window().and_then(|w| w.parent().ok().flatten()) else { return };
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        js_sys::Reflect::set(&message, &JsValue::from_str(k), v).ok();
    };
    set("type", &JsValue::from_str(&format!("ems-scope:{kind}")));
    set("version", &JsValue::from(PROTOCOL));
    for (k, v) in fields {
        set(k, v);
    }
    parent.post_message(&message, &target).ok();
}

/// Tells the host that the user exported (format: "link", "markdown" or "json").
pub fn notify_export(format: &str) {
    post("export", &[("format", JsValue::from_str(format))]);
}

/// Applies embed styling and, inside a frame with a named host origin, starts the protocol.
pub fn connect(wizard: Wizard) {
    let params = wizard.embed.get_value();
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
            // CSSOM, not a style attribute: allowed under a strict style-src.
            if let Some(accent) = &params.accent {
                root.style().set_property("--accent", accent).ok();
            }
            if let Some(font) = &params.font {
                root.style().set_property("--font", font).ok();
            }
        }
    }
    let framed = window().is_some_and(|w| w.parent().ok().flatten().is_some_and(|p| !js_sys::Object::is(&p, &w)));
    let Some(origin) = params.parent_origin.filter(|_| framed) else { return };
    TARGET.with(|t| *t.borrow_mut() = Some(origin.clone()));

    // Prefill from the host: {type: "ems-scope:prefill", answers: "services=intune&..."}.
    let _ = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        if ev.origin() != origin {
            return;
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type")).ok().and_then(|v| v.as_string());
        if kind.as_deref() != Some("ems-scope:prefill") {
            return;
        }
        let answers = js_sys::Reflect::get(&data, &JsValue::from_str("answers")).ok().and_then(|v| v.as_string()).unwrap_or_default();
        match link::parse_fragment(&answers) {
            Ok(Fragment::Prefill(a)) => {
                let mut p = wizard.progress.get_untracked();
                p.step = scope::wizard::first_open_step(&a).to_string();
                p.answers = a;
                let has_own = wizard.progress.with_untracked(|p| p.answers.answered().next().is_some());
                wizard.offer(Incoming { progress: p, from: "portal" }, has_own);
                post("prefill-result", &[("ok", JsValue::TRUE)]);
            }
            Ok(_) => post("prefill-result", &[("ok", JsValue::FALSE), ("error", JsValue::from_str("no answers given"))]),
            Err(e) => post("prefill-result", &[("ok", JsValue::FALSE), ("error", JsValue::from_str(&e.to_string()))]),
        }
    });

    post("ready", &[]);

    Effect::new(move |_| {
        let (step, steps) = wizard.progress.with(|p| (current_step(p), wizard::steps(&p.answers)));
        let index = steps.iter().position(|s| *s == step).unwrap_or(0);
        post("step", &[("step", JsValue::from_str(step)), ("index", JsValue::from(index as u32 + 1)), ("count", JsValue::from(steps.len() as u32))]);
    });
    Effect::new(move |_| {
        let c = wizard.scope.with(|s| s.counts(None));
        let done = wizard.progress.with(|p| p.done.len());
        let counts = js_sys::Object::new();
        for (k, v) in [("in_scope", c.in_scope), ("out_of_scope", c.out_of_scope), ("not_supported", c.not_supported), ("waiting", c.waiting), ("done", done)] {
            js_sys::Reflect::set(&counts, &JsValue::from_str(k), &JsValue::from(v as u32)).ok();
        }
        post("scope", &[("counts", counts.into())]);
    });

    // The content height, so the host sizes the iframe with no scroll bar.
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        if height != last.get() {
            last.set(height);
            post("height", &[("height", JsValue::from(height))]);
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        window().and_then(|w| w.document()).and_then(|d| d.body()),
    ) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    on_resize.forget();
}
