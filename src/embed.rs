//! Embed mode for partner portals and the postMessage protocol with the host page.
//!
//! The embed URL is `index.html?embed=1&origin=https://portal.example` (optionally
//! `&accent=0b6e4f&font=Georgia`). Messages go only to that origin, never `'*'`; messages from any
//! other origin are ignored. README, "Embedding in a portal", documents the protocol (version 1).

use crate::app::{current_step, Incoming, Wizard};
use crate::browser::{self, window};
use crate::reactive::*;
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
            parent_origin: browser::query_param("origin").filter(|o| valid_origin(o)).and_then(|o| normal_origin(&o)),
            accent: browser::query_param("accent").and_then(|a| valid_colour(&a)),
            font: browser::query_param("font").filter(|f| valid_font(f)),
        }
    }
}

/// `https://host[:port]` or `http://…`, nothing else (no path, no wildcard).
fn valid_origin(o: &str) -> bool {
    let rest = o.strip_prefix("https://").or_else(|| o.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')))
}

/// The origin as the browser writes it in MessageEvent.origin (lower case, default port dropped).
fn normal_origin(o: &str) -> Option<String> {
    web_sys::Url::new(o).ok().map(|u| u.origin()).filter(|o| o != "null")
}

/// A hex colour, with or without `#`.
fn valid_colour(c: &str) -> Option<String> {
    let hex = c.trim_start_matches('#');
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| format!("#{hex}"))
}

/// A font family list of plain names: nothing that could close the declaration.
fn valid_font(f: &str) -> bool {
    f.len() <= 80 && f.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '-' | '_' | '\''))
}

/// The full page's address (no embed parameters, no fragment), for "open full page" and links.
pub fn full_page_base() -> String {
    let location = window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    format!("{origin}{path}")
}

/// The full page's address with `progress` as a share link.
pub fn share_url(progress: &scope::Progress, with_done: bool) -> String {
    format!("{}#{}", full_page_base(), link::encode_share(progress, with_done))
}

/// The full page with the current answers as a share link, so nothing is lost when leaving the
/// iframe (whose storage is usually blocked).
pub fn full_page_url() -> impl Fn() -> Option<String> {
    let wizard = crate::app::use_wizard();
    move || Some(wizard.progress.with(|p| share_url(p, true)))
}

type Rgb = (f64, f64, f64);
const WHITE: Rgb = (1.0, 1.0, 1.0);
/// The page background in the light and dark schemes (styles.css: --surface).
const LIGHT_SURFACE: Rgb = WHITE;
const DARK_SURFACE: Rgb = (0x1b as f64 / 255.0, 0x20 as f64 / 255.0, 0x26 as f64 / 255.0);

fn parse_hex(colour: &str) -> Option<Rgb> {
    let hex = colour.trim_start_matches('#');
    let digits: Vec<u32> = hex.chars().map(|c| c.to_digit(16)).collect::<Option<_>>()?;
    let channel = |i: usize| -> f64 {
        match digits.len() {
            3 => (digits[i] * 17) as f64 / 255.0,
            _ => (digits[2 * i] * 16 + digits[2 * i + 1]) as f64 / 255.0,
        }
    };
    (digits.len() == 3 || digits.len() == 6).then(|| (channel(0), channel(1), channel(2)))
}

/// x^2.4 for x in (0, 1], as the fifth root of x^12 by Newton's method: `powf` would link libm's
/// pow into the wasm for this one use.
fn pow_2_4(x: f64) -> f64 {
    let x12 = (x * x * x).powi(4);
    let mut y = x * x;
    for _ in 0..24 {
        y -= (y.powi(5) - x12) / (5.0 * y.powi(4));
    }
    y
}

/// WCAG 2.1 contrast ratio of two colours.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let lin = |c: f64| if c <= 0.03928 { c / 12.92 } else { pow_2_4((c + 0.055) / 1.055) };
    let lum = |(r, g, b): Rgb| 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
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
pub fn connect(wizard: Wizard, params: Params) {
    // <html> of our own page, so an HtmlElement.
    let root = window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root.map(|r| r.unchecked_into::<web_sys::HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a strict style-src.
        if let Some(accent) = &params.accent {
            // The partner's colour where it keeps 4.5:1 contrast, light and dark apart.
            for (scheme, surface) in [("light", LIGHT_SURFACE), ("dark", DARK_SURFACE)] {
                if let Some(rgb) = parse_hex(accent).filter(|&rgb| contrast(rgb, surface) >= 4.5) {
                    let text = if contrast(rgb, WHITE) >= 4.5 { "#ffffff" } else { "#111111" };
                    root.style().set_property(&format!("--partner-accent-{scheme}"), accent).ok();
                    root.style().set_property(&format!("--partner-accent-text-{scheme}"), text).ok();
                }
            }
        }
        if let Some(font) = &params.font {
            root.style().set_property("--font", font).ok();
        }
    }
    let framed = window().is_some_and(|w| w.parent().ok().flatten().is_some_and(|p| !js_sys::Object::is(&p, &w)));
    let Some(origin) = params.parent_origin.filter(|_| framed) else { return };
    TARGET.with(|t| *t.borrow_mut() = Some(origin.clone()));

    // Prefill from the host: {type: "ems-scope:prefill", answers: "services=intune&..."}.
    let Some(host_window) = window() else { return };
    crate::dom::listen(&host_window, "message", Box::new(move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else { return };
        if ev.origin() != origin {
            return;
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type")).ok().and_then(|v| v.as_string());
        if kind.as_deref() != Some("ems-scope:prefill") {
            return;
        }
        let answers = js_sys::Reflect::get(&data, &JsValue::from_str("answers")).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let revision = wizard.progress.with_untracked(|p| p.revision);
        let incoming = match link::parse_fragment(&answers) {
            Ok(Fragment::Prefill(a)) => Ok(Some(scope::Progress::from_prefill(a, revision))),
            Ok(Fragment::Shared(p)) => Ok(Some(p)),
            Ok(Fragment::Empty) => Ok(None),
            Err(e) => Err(e),
        };
        match incoming {
            // ok: the answers were read; the user may still be asked before they replace theirs.
            Ok(Some(progress)) => {
                wizard.offer(Incoming { progress, from: "portal" });
                post("prefill-result", &[("ok", JsValue::TRUE)]);
            }
            Ok(_) => post("prefill-result", &[("ok", JsValue::FALSE), ("error", JsValue::from_str("no answers given"))]),
            Err(e) => post("prefill-result", &[("ok", JsValue::FALSE), ("error", JsValue::from_str(&e.to_string()))]),
        }
    }));

    post("ready", &[]);

    // A message goes out only when what it says has changed.
    let mut last_step = None;
    crate::dom::effect(Box::new(move || {
        let now = wizard.progress.with(|p| {
            let (step, steps) = (current_step(p), wizard::steps(&p.answers));
            (step, steps.iter().position(|s| *s == step).unwrap_or(0) as u32 + 1, steps.len() as u32)
        });
        if last_step != Some(now) {
            last_step = Some(now);
            let (step, index, count) = now;
            post("step", &[("step", JsValue::from_str(step)), ("index", JsValue::from(index)), ("count", JsValue::from(count))]);
        }
    }));
    let mut last_counts = None;
    crate::dom::effect(Box::new(move || {
        let now = wizard.progress.with(|p| wizard.scope.with(|s| (s.counts(None), s.done_count(&p.done, None))));
        if last_counts == Some(now) {
            return;
        }
        last_counts = Some(now);
        let (c, done) = now;
        let counts = js_sys::Object::new();
        for (k, v) in [("in_scope", c.in_scope), ("out_of_scope", c.out_of_scope), ("not_supported", c.not_supported), ("waiting", c.waiting), ("done", done)] {
            js_sys::Reflect::set(&counts, &JsValue::from_str(k), &JsValue::from(v as u32)).ok();
        }
        post("scope", &[("counts", counts.into())]);
    }));

    // The content height, so the host sizes the iframe with no scroll bar.
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        // The body's own height: the document's scrollHeight never drops below the iframe's.
        let height = window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(|b| b.get_bounding_client_rect().height().ceil() as i32)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag() {
        for x in [0.05, 0.2, 0.5, 0.9, 1.0] {
            assert!((pow_2_4(x) - f64::powf(x, 2.4)).abs() < 1e-9, "{x}");
        }
        assert!((contrast(WHITE, (0.0, 0.0, 0.0)) - 21.0).abs() < 1e-6);
        assert!(contrast(parse_hex("0b6e4f").unwrap(), LIGHT_SURFACE) >= 4.5);
        assert!(contrast(parse_hex("#0b6e4f").unwrap(), DARK_SURFACE) < 4.5);
        assert_eq!(parse_hex("fff"), Some(WHITE));
        assert_eq!(parse_hex("ggg"), None);
    }
}
