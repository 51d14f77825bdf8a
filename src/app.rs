//! The top of the wizard: state, its sync to storage, and the page layout.

use crate::dom::{button, el, listen, tag, El};
use crate::{browser, embed, guidance, steps, storage};
use crate::reactive::*;
use scope::engine::{evaluate, Scope};
use scope::link::{self, Fragment};
use scope::{wizard, Progress};
use wasm_bindgen::JsCast;

/// What every component can reach: the progress, the scope derived from it, and messages.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub progress: ReadSignal<Progress>,
    pub set_progress: WriteSignal<Progress>,
    pub scope: Memo<Scope>,
    pub messages: RwSignal<Messages>,
    /// In a partner's iframe (`?embed=1`): no masthead, an "Open the full page" link.
    pub embedded: bool,
}

/// What the wizard has to tell the user besides the guidance. One signal for both parts: each
/// signal type costs wasm code of its own (issue 7).
#[derive(Clone, PartialEq, Default)]
pub struct Messages {
    pub notices: Vec<Notice>,
    /// An incoming scope (share link, prefill, import) waiting for the user to say replace or keep.
    pub incoming: Option<Incoming>,
}

#[derive(Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
    pub tone: Tone,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

#[derive(Clone, PartialEq)]
pub struct Incoming {
    pub progress: Progress,
    pub from: &'static str,
}

impl Wizard {
    pub fn tell(&self, tone: Tone, text: impl Into<String>) {
        let text = text.into();
        self.messages.update(|m| {
            let n = &mut m.notices;
            if !n.iter().any(|x| x.text == text) {
                let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
                n.push(Notice { id, text, tone });
            }
        });
    }

    /// Moves to `step`, or to the first step if it does not apply.
    pub fn go_to(&self, step: &str) {
        self.set_progress.update(|p| p.step = step.to_string());
        browser::focus_by_id("step-heading");
    }

    /// Takes an incoming scope (link, import, portal): at once if there is nothing to lose, else
    /// after asking whether to replace the progress on screen.
    pub fn offer(&self, incoming: Incoming) {
        let differs = self.progress.with_untracked(|p| {
            !p.is_blank() && (p.answers != incoming.progress.answers || p.done != incoming.progress.done)
        });
        if differs {
            self.messages.update(|m| m.incoming = Some(incoming));
            browser::focus_by_id("prompt-title");
        } else {
            self.replace(incoming.progress);
        }
    }

    pub fn replace(&self, mut progress: Progress) {
        if progress.step.is_empty() {
            progress.step = wizard::SUMMARY.into();
        }
        self.set_progress.set(progress);
        self.drop_incoming();
    }

    /// Forgets the incoming scope, if there is one.
    pub fn drop_incoming(&self) {
        if self.messages.with_untracked(|m| m.incoming.is_some()) {
            self.messages.update(|m| m.incoming = None);
        }
    }

    /// Opens what the address's fragment holds (share link or prefill), then clears it from the
    /// address bar so a reload does not open it again.
    pub fn open_fragment(&self) {
        let fragment = browser::hash();
        if fragment.is_empty() {
            return;
        }
        let revision = self.progress.with_untracked(|p| p.revision);
        match link::parse_fragment(&fragment) {
            Ok(Fragment::Shared(p)) => self.offer(Incoming { progress: p, from: "share link" }),
            Ok(Fragment::Prefill(answers)) => self.offer(Incoming { progress: Progress::from_prefill(answers, revision), from: "link" }),
            Ok(Fragment::Empty) => {}
            Err(e) => self.tell(Tone::Error, format!("The link could not be opened: {e}. Your progress is unchanged.")),
        }
        browser::clear_hash();
    }
}

pub fn use_wizard() -> Wizard {
    // Not `expect_context`: its message prints the type name with `Debug`, which links about 2 KB
    // gzip of string-escaping code (issue 7). `app()` provides the wizard before any component runs.
    use_context::<Wizard>().expect("app() provides the wizard context")
}

/// The step on screen: the saved one if it still applies, else the first.
pub fn current_step(progress: &Progress) -> &'static str {
    let steps = wizard::steps(&progress.answers);
    steps.iter().copied().find(|s| *s == progress.step).unwrap_or(steps[0])
}

/// The whole page. Sets up the state, its storage and the listeners, then builds the layout.
pub fn app() -> El {
    let params = embed::Params::from_location();
    let loaded = storage::load();
    // Plain cells, not StoredValues: only these two closures use them, and each StoredValue type
    // costs the wasm code of its own.
    let store = std::rc::Rc::new(std::cell::RefCell::new(loaded.store.clone()));
    let (progress, set_progress) = signal(loaded.progress);
    let scope = Memo::new(move |_| progress.with(|p| evaluate(&p.answers, p.revision)));
    let wizard = Wizard {
        progress,
        set_progress,
        scope,
        messages: RwSignal::new(Messages::default()),
        embedded: params.embedded,
    };
    provide_context(wizard);
    if let Some(text) = loaded.notice {
        let tone = if matches!(loaded.store, storage::Store::Memory) { Tone::Info } else { Tone::Warning };
        // After the first paint, into a live region that is already there, so screen readers say it.
        request_animation_frame(move || wizard.tell(tone, text));
    }

    // A share link or prefill in the address, at start or pasted into the address bar later:
    // never a silent overwrite of saved progress.
    wizard.open_fragment();
    if let Some(window) = browser::window() {
        listen(&window, "hashchange", Box::new(move |_| wizard.open_fragment()));
    }

    // One write per change: the effect runs once for each change of the progress signal.
    // What storage holds already: a fresh start or an unchanged record is not written again.
    let stored = if loaded.stored.is_empty() { Progress::default().to_json() } else { loaded.stored };
    let last_written = std::rc::Rc::new(std::cell::RefCell::new(stored));
    let last_seen = last_written.clone();
    crate::dom::effect(Box::new(move || {
        let json = progress.with(|p| p.to_json());
        if *last_written.borrow() == json {
            return;
        }
        let saved = storage::save(&store.borrow(), &json);
        last_written.replace(json);
        if let Err(message) = saved {
            store.replace(storage::Store::Memory);
            wizard.tell(Tone::Warning, message);
        }
    }));

    // Another tab changed the same progress: follow it.
    if let Some(window) = browser::window() {
        listen(
            &window,
            "storage",
            Box::new(move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
                if ev.key().as_deref() != Some(storage::KEY) {
                    return;
                }
                match ev.new_value() {
                    Some(json) => {
                        if let Ok(p) = Progress::from_json(&json) {
                            last_seen.replace(json);
                            if progress.with_untracked(|cur| *cur != p) {
                                set_progress.set(p);
                            }
                        }
                    }
                    None => set_progress.set(Progress::default()),
                }
            }),
        );
    }

    embed::connect(wizard, params);
    match browser::query_param("debug").as_deref() {
        Some("panic") => request_animation_frame(|| panic!("panic requested by ?debug=panic (a test of the error page)")),
        Some("engine") => request_animation_frame(|| browser::time_engine(1000)),
        _ => {}
    }

    // The first paint needs only the questions: the guidance list is built right after it.
    let guidance_ready = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || guidance_ready.set(true), std::time::Duration::ZERO);
    });

    let embedded = wizard.embedded;
    let top = if embedded {
        tag("p", "embed-bar", "").child(
            el("a")
                .attr_with("href", embed::full_page_url())
                .attr("target", "_blank")
                .attr("rel", "noopener")
                .text("Open the full page"),
        )
    } else {
        el("header").class("masthead").children([
            tag("p", "eyebrow", "FastTrack onboarding for Enterprise Mobility Suite"),
            tag("h1", "", "What Microsoft will help you with"),
            tag("p", "lede", "Answer a few questions about your situation. The guidance list follows your answers, phase by phase, and says plainly what is out of scope."),
        ])
    };
    let colophon = format!(
        "Every guidance line is quoted from Microsoft's page on its responsibilities during FastTrack onboarding (revision of {}, and the earlier revision for Azure Rights Management). Nothing you enter leaves this browser unless you share or export it.",
        scope::catalog::Document::later().date
    );
    el("div")
        .class(if embedded { "page embedded" } else { "page" })
        .child(top)
        .child(notices(wizard))
        .child_with(move || wizard.messages.with(|m| m.incoming.clone()), move |incoming| incoming.clone().map(|i| incoming_prompt(wizard, i)))
        .child(el("div").class("layout").child(steps::steps_panel()).child_with(
            move || guidance_ready.get(),
            |ready| {
                Some(if *ready {
                    guidance::guidance_panel()
                } else {
                    el("section").class("guidance").attr("aria-busy", "true").child(tag("h2", "", "Your guidance list"))
                })
            },
        ))
        .child(el("footer").class("colophon").child(tag("p", "", &colophon)))
}

/// Messages for the user, in a live region that is always there.
fn notices(wizard: Wizard) -> El {
    el("div").class("notices").attr("role", "status").attr("aria-live", "polite").list(
        move || wizard.messages.with(|m| m.notices.clone()),
        move |notice| {
            let class = match notice.tone {
                Tone::Info => "notice info",
                Tone::Warning => "notice warning",
                Tone::Error => "notice error",
            };
            let row = el("div").class(class);
            let row = if notice.tone == Tone::Error { row.attr("role", "alert") } else { row };
            let id = notice.id;
            row.child(tag("p", "", &notice.text))
                .child(button("Dismiss", move |_| wizard.messages.update(|m| m.notices.retain(|x| x.id != id))).class("quiet"))
        },
    )
}

/// "You opened a link while progress is saved here: replace it or keep yours?"
fn incoming_prompt(wizard: Wizard, incoming: Incoming) -> El {
    let count = evaluate(&incoming.progress.answers, incoming.progress.revision).counts(None).in_scope;
    let from = incoming.from;
    let progress = incoming.progress;
    el("section")
        .class("prompt")
        .attr("role", "alertdialog")
        .attr("aria-labelledby", "prompt-title")
        .attr("aria-describedby", "prompt-text")
        .child(tag("h2", "", &format!("Open the scope from this {from}?")).id("prompt-title").attr("tabindex", "-1"))
        .child(tag("p", "", &format!("The {from} holds a scope with {count} items in scope. You also have progress saved in this browser. Replacing it overwrites your saved answers and ticks.")).id("prompt-text"))
        .child(el("div").class("actions").children([
            button(&format!("Replace with the {from}"), move |_| {
                wizard.replace(progress.clone());
                wizard.tell(Tone::Info, format!("The scope from the {from} is open."));
                browser::focus_by_id("step-heading");
            })
            .class("primary"),
            button("Keep my progress", move |_| {
                wizard.drop_incoming();
                wizard.tell(Tone::Info, format!("Kept your saved progress; the {from} was not opened."));
                browser::focus_by_id("step-heading");
            }),
        ]))
}
