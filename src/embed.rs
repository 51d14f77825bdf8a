//! Embed mode for partner portals and the postMessage protocol with the host page.
//!
//! The embed URL is `index.html?embed=1&origin=https://portal.example` (optionally
//! `&accent=0b6e4f&font=Georgia`, and `&protocol=2` for a host that keeps the progress). Messages
//! go only to that origin, never `'*'`; messages from any other origin are ignored. The messages themselves are serde types in `scope::portal`; README,
//! "Embedding in a partner portal", documents the protocol.

use crate::browser::query_param;
use crate::state::{Incoming, Source, Tone, Wizard};
use leptos::ev;
use leptos::prelude::*;
use scope::embed::{accent_properties, embed_requested, valid_colour, valid_font, valid_origin, EMBED_PARAM};
use scope::notice::Notice;
use scope::portal::{self, FromHost, HostKeeping, HostMessage, KeepingEvent, WizardMessage};
use scope::{link, startup, Progress};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Default)]
pub struct Params {
    pub embedded: bool,
    /// The host page's origin, where messages go and the only one they are taken from.
    pub host_origin: Option<String>,
    pub accent: Option<String>,
    pub font: Option<String>,
    /// The protocol version the host asked for (`protocol=2`), else 1.
    pub protocol: u32,
}

impl Params {
    pub fn from_location() -> Params {
        Params {
            embedded: query_param(EMBED_PARAM).is_some_and(|v| embed_requested(&v)),
            host_origin: query_param("origin").filter(|o| valid_origin(o)).and_then(|o| normal_origin(&o)),
            accent: query_param("accent").and_then(|a| valid_colour(&a)),
            font: query_param("font").filter(|f| valid_font(f)),
            protocol: portal::protocol(query_param("protocol").as_deref()),
        }
    }
}

/// The origin as the browser writes it in MessageEvent.origin (lower case, default port dropped).
fn normal_origin(origin: &str) -> Option<String> {
    web_sys::Url::new(origin).ok().map(|u| u.origin()).filter(|o| o != "null")
}

/// The host page, when the wizard is framed by one that named its origin; provided as context
/// so any component can tell it something. Blank on the prerendered page; [`connect`] fills it in
/// after hydration.
#[derive(Clone, Copy)]
pub struct Host {
    origin: StoredValue<Option<String>>,
    /// The protocol version the host speaks.
    version: StoredValue<u32>,
    /// What a version 2 host has said about keeping the progress (`None` for a version 1 host,
    /// or none at all); `scope::portal::Keeper` turns it into what the customer is told.
    pub keeping: RwSignal<Option<HostKeeping>>,
    /// The progress as made only of choices picked before the app was up, until the host's
    /// restore arrives: what the host kept replaces it without asking, as saved progress wins
    /// on the full page (`scope::startup::Startup`).
    pub provisional: StoredValue<Option<Progress>>,
}

impl Host {
    /// No host yet, provided as context.
    pub fn provide() -> Host {
        let host = Host {
            origin: StoredValue::new(None),
            version: StoredValue::new(1),
            keeping: RwSignal::new(None),
            provisional: StoredValue::new(None),
        };
        provide_context(host);
        host
    }

    /// Tells the host that the user exported (format: "link", "markdown" or "json"). Called only
    /// once the copy or download worked.
    pub fn exported(&self, format: &str) {
        self.post(&WizardMessage::Export { format: format.into() });
    }

    /// Whether a version 2 host keeps the progress messages it gets.
    fn keeps_progress(&self) -> bool {
        self.keeping.get_untracked() == Some(HostKeeping::Keeps)
    }

    /// What the host said (or its silence) changes what it is known to keep. Past the time limit
    /// with no restore, choices made before the app was up are the person's: a restore that
    /// comes later asks before it replaces them.
    fn heard(&self, event: KeepingEvent) {
        self.keeping.update(|keeping| *keeping = keeping.map(|k| k.after(event)));
        if event != KeepingEvent::Restore {
            self.provisional.set_value(None);
        }
    }

    /// Posts `message` to the host origin, if there is one.
    pub fn post(&self, message: &WizardMessage) {
        let Some(origin) = self.origin.get_value() else { return };
        let Some(parent) = window().parent().ok().flatten() else {
            return;
        };
        // The serde document, as the JavaScript object the host receives.
        if let Ok(data) = js_sys::JSON::parse(&message.to_json(self.version.get_value())) {
            let _ = parent.post_message(&data, &origin);
        }
    }
}

/// The full page's address (no embed parameters, no fragment).
pub fn full_page_base() -> String {
    let location = location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The full page's address (`base`, `Wizard::page_base`) opening `progress` on the step on
/// screen ("Open the full page" from a frame), not on the summary as a share link does.
pub fn full_page_url(base: &str, progress: &Progress) -> String {
    format!("{base}#{}", link::encode_with_step(progress))
}

/// Whether the page is inside another page's frame.
pub fn framed() -> bool {
    window().parent().ok().flatten().is_some_and(|parent| !js_sys::Object::is(&parent, &window()))
}

/// Applies the partner's styling and, inside a frame with a named host origin, starts the
/// protocol: ready, step, scope and height messages out; prefills in.
pub fn connect(wizard: Wizard, host: Host, params: &Params) {
    apply_style(params);
    let Some(origin) = params.host_origin.clone().filter(|_| framed()) else {
        return;
    };
    host.origin.set_value(Some(origin.clone()));
    host.version.set_value(params.protocol);

    let listener = window_event_listener(ev::message, {
        move |event| {
            // The host page itself: its origin, and the window that framed us (not another frame
            // or a popup of the same origin).
            let from_parent = event.source().is_some_and(|source| {
                window().parent().ok().flatten().is_some_and(|parent| js_sys::Object::is(&source, &parent))
            });
            if event.origin() == origin && from_parent {
                answer_host(wizard, &host, &event.data());
            }
        }
    });
    on_cleanup(move || listener.remove());
    if params.protocol >= portal::LATEST {
        host.keeping.set(Some(HostKeeping::Awaited));
        // A host that never answers (its store hangs, a script failed) must not leave the customer
        // believing their progress is kept. (Only a window without timers fails to set one.)
        let _ = set_timeout(
            move || {
                if host.keeping.get_untracked() == Some(HostKeeping::Awaited) {
                    host.heard(KeepingEvent::TimeLimit);
                }
            },
            std::time::Duration::from_millis(portal::RESTORE_WAIT_MS.into()),
        );
    }
    host.post(&WizardMessage::Ready);
    follow_progress(wizard, host);
    follow_height(host);
}

/// The accent colour where it keeps its contrast, and the font, through CSSOM custom properties
/// (a style attribute would break a strict `style-src`).
fn apply_style(params: &Params) {
    let Some(root) = document().document_element().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = root.style();
    for property in params.accent.as_deref().map(accent_properties).unwrap_or_default() {
        let _ = style.set_property(property.name, &property.value);
    }
    if let Some(font) = &params.font {
        let _ = style.set_property("--font", font);
    }
}

/// Reads a message from the host's origin and answers it.
fn answer_host(wizard: Wizard, host: &Host, data: &JsValue) {
    let Some(json) = js_sys::JSON::stringify(data).ok().and_then(|s| s.as_string()) else {
        return;
    };
    let result = match portal::read_host_message(&json, host.version.get_value()) {
        FromHost::Unrelated => return,
        FromHost::Malformed(why) => Err(why),
        FromHost::MalformedRestore(why) => {
            // The restore has come, unreadable: early choices are the person's from now on.
            host.heard(KeepingEvent::MalformedRestore);
            host.post(&WizardMessage::RestoreResult { ok: false, error: Some(why) });
            return;
        }
        FromHost::Message(HostMessage::Restore { unavailable: true, .. }) => {
            // The host has nothing it can offer and keeps nothing: the early choices stay, and
            // the customer reads that their progress is not kept.
            host.heard(KeepingEvent::Unavailable);
            host.post(&WizardMessage::RestoreResult { ok: true, error: None });
            return;
        }
        FromHost::Message(HostMessage::Restore { progress, step, .. }) => {
            return restore(wizard, host, progress.as_deref(), step.as_deref());
        }
        FromHost::Message(HostMessage::SummaryRequest { format, id }) => {
            // Only the named origin gets here (connect's listener): nothing is sent unasked.
            let message =
                wizard.progress.with_untracked(|p| portal::summary_message(p, format, id, &crate::browser::today()));
            host.post(&message);
            return;
        }
        FromHost::Message(HostMessage::Prefill { answers }) => {
            let revision = wizard.progress.with_untracked(|p| p.revision);
            portal::prefill_progress(&answers, revision).map(|progress| {
                wizard.receive(Incoming { progress, from: Source::Portal });
            })
        }
    };
    let (ok, error) = match result {
        Ok(()) => (true, None),
        Err(error) => (false, Some(error)),
    };
    host.post(&WizardMessage::PrefillResult { ok, error });
}

/// Opens the progress the host kept: without asking when the wizard has nothing of its own (or
/// only early choices, untouched since), else after the replace-or-keep question. A malformed
/// one changes nothing and is refused.
fn restore(wizard: Wizard, host: &Host, progress: Option<&str>, step: Option<&str>) {
    // The early choices, if the person has not changed anything since (scope::startup::restore).
    let provisional = host.provisional.try_update_value(Option::take).flatten();
    // Ok(whether the host had progress for this customer).
    let result = portal::restore_progress(progress, step).map(|restored| {
        let had_progress = restored.is_some();
        if let Some(kept) = restored {
            let question_waits = wizard.incoming.with_untracked(Option::is_some);
            let arrival =
                wizard.progress.with_untracked(|p| startup::restore(p, provisional.as_ref(), question_waits, kept));
            wizard.carry_out(arrival);
        }
        had_progress
    });
    host.heard(if result.is_ok() { KeepingEvent::Restore } else { KeepingEvent::MalformedRestore });
    if let Err(error) = &result {
        wizard.notify(Notice::outcome(
            Tone::Error,
            format!("The progress this portal kept could not be opened: {error}. Your progress is unchanged."),
        ));
    }
    // Only when the host said it has nothing: a record it sent that this wizard cannot read (a
    // newer build's, say) is left for the host to keep until the person changes something.
    let kept_nothing = matches!(result, Ok(false));
    let (ok, error) = match result {
        Ok(_) => (true, None),
        Err(error) => (false, Some(error)),
    };
    host.post(&WizardMessage::RestoreResult { ok, error });
    // The host keeps progress messages only from its restore's result on: what the wizard has
    // before it (early choices, a quick click, a link opened in the frame) goes again, or it
    // would be kept only on the person's next change.
    if kept_nothing && wizard.progress.with_untracked(|p| !p.is_blank()) {
        send_progress(wizard, host);
    }
}

/// Sends the progress on screen to a host that keeps it, though it has not changed: after a
/// restore, or when the person keeps theirs over what the host offered.
pub fn send_progress(wizard: Wizard, host: &Host) {
    if host.keeps_progress() {
        let progress = wizard.progress.get_untracked();
        let counts = wizard.scope.with_untracked(|s| s.totals(&progress.done));
        host.post(&portal::progress_message(&progress, counts));
    }
}

/// Step and counts go to the host, each only when what it says has changed; for a version 2
/// host, the whole progress too.
fn follow_progress(wizard: Wizard, host: Host) {
    let step = Memo::new(move |_| {
        wizard.progress.with(|p| {
            let step = p.current_step();
            let place = scope::wizard::step_place(&p.answers, step);
            (step, place.number() as u32, place.count as u32)
        })
    });
    let counts = Memo::new(move |_| wizard.progress.with(|p| wizard.scope.with(|s| s.totals(&p.done))));
    Effect::new(move |_| {
        let (step, index, count) = step.get();
        host.post(&WizardMessage::Step { step: step.into(), index, count });
    });
    if host.version.get_value() >= portal::LATEST {
        // A memo, so a change that leaves the progress message as it was sends nothing.
        let message = Memo::new(move |_| {
            let counts = counts.get();
            wizard.progress.with(|p| portal::progress_message(p, counts))
        });
        Effect::new(move |_| message.with(|m| host.post(m)));
    }
    Effect::new(move |_| host.post(&WizardMessage::Scope { counts: counts.get() }));
}

/// The content height, so the host sizes the iframe with no scroll bar.
fn follow_height(host: Host) {
    let Some(body) = document().body() else {
        return;
    };
    let last = std::cell::Cell::new(0);
    let measured = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        // The body's own height: the document's scrollHeight never drops below the iframe's.
        let height = measured.get_bounding_client_rect().height().ceil() as i32;
        if height != last.replace(height) {
            host.post(&WizardMessage::Height { height });
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    let observer = send_wrapper::SendWrapper::new((observer, on_resize));
    on_cleanup(move || observer.take().0.disconnect());
}
