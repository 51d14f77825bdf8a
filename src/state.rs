//! The wizard's state, shared with every component through context: the progress, the scope the
//! engine derives from it, the notices for the user, and an incoming scope waiting for the user
//! to say replace or keep.

use crate::browser;
use leptos::html;
use leptos::prelude::*;
use scope::engine::{evaluate, Scope};
use scope::link;
use scope::{wizard, Progress};
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Wizard {
    pub progress: RwSignal<Progress>,
    pub scope: Memo<Scope>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Notices given so far: each new one's id, never reused, so the list draws a notice that
    /// replaces another rather than taking it for the same one.
    notices_given: StoredValue<u32>,
    pub incoming: RwSignal<Option<Incoming>>,
    /// In a partner's iframe (`?embed=1`): no masthead, an "Open the full page" link.
    pub embedded: RwSignal<bool>,
    /// The browser's state (saved progress, the address, the host page) has been applied after
    /// hydration. Until then the ticks and the revision switch are disabled: a tick on the
    /// prerendered page would be lost. The questions are not: choices made on them before
    /// hydration are read and applied (`app::apply_early_choices`).
    pub ready: RwSignal<bool>,
    /// The heading of the step on screen: where focus goes when the step changes.
    pub step_heading: NodeRef<html::H2>,
    /// The full page's address (no query, no fragment), for share links; and today's date
    /// (YYYY-MM-DD, the browser's time zone). Read from the browser once, in `app::start`, so
    /// that no view reaches a browser API: empty on the prerendered page.
    pub page_base: RwSignal<String>,
    pub today: RwSignal<String>,
}

#[derive(Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
    pub tone: Tone,
    /// The outcome of something the person did (a link opened or kept, a restart): the next
    /// outcome replaces it. Otherwise a standing condition (storage blocked or full), kept until
    /// dismissed.
    pub outcome: bool,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A scope from outside (share link, prefill, import, portal) and what it came from, in words.
#[derive(Clone, PartialEq)]
pub struct Incoming {
    pub progress: Progress,
    pub from: &'static str,
}

impl Incoming {
    /// It came from the page's address (a share link or a prefill link).
    pub fn is_from_address(&self) -> bool {
        matches!(self.from, "share link" | "link")
    }
}

impl Wizard {
    /// Creates the state, blank as on the prerendered page, and provides it as context.
    pub fn provide() -> Wizard {
        let progress = RwSignal::new(Progress::default());
        let wizard = Wizard {
            progress,
            scope: Memo::new(move |_| progress.with(|p| evaluate(&p.answers, p.revision))),
            notices: RwSignal::new(Vec::new()),
            notices_given: StoredValue::new(0),
            incoming: RwSignal::new(None),
            embedded: RwSignal::new(false),
            ready: RwSignal::new(false),
            step_heading: NodeRef::new(),
            page_base: RwSignal::new(String::new()),
            today: RwSignal::new(String::new()),
        };
        provide_context(wizard);
        wizard
    }

    /// Adds a notice of a standing condition, unless the same text is already shown.
    pub fn tell(&self, tone: Tone, text: impl Into<String>) {
        self.add_notice(tone, text.into(), false);
    }

    /// Says how something the person did turned out, in place of the last such notice: "kept
    /// yours" and then "opened" must not stand side by side.
    pub fn report(&self, tone: Tone, text: impl Into<String>) {
        self.clear_outcomes();
        self.add_notice(tone, text.into(), true);
    }

    /// A standing condition has ended: its notice, if still shown, gives way to `text`, an
    /// outcome the next one replaces. The outcomes shown stay: this one is not what the person's
    /// latest action led to, only something that happened with it.
    pub fn settle(&self, condition: &str, tone: Tone, text: impl Into<String>) {
        if self.notices.with_untracked(|n| n.iter().any(|n| n.text == condition)) {
            self.notices.update(|n| n.retain(|n| n.text != condition));
        }
        self.add_notice(tone, text.into(), true);
    }

    fn add_notice(&self, tone: Tone, text: String, outcome: bool) {
        self.notices.update(|notices| {
            if !notices.iter().any(|n| n.text == text) {
                self.notices_given.update_value(|given| *given += 1);
                let id = self.notices_given.get_value();
                notices.push(Notice { id, text, tone, outcome });
            }
        });
    }

    /// Drops the notices of outcomes (kept, refused, opened); storage notices stay.
    fn clear_outcomes(&self) {
        if self.notices.with_untracked(|n| n.iter().any(|n| n.outcome)) {
            self.notices.update(|n| n.retain(|n| !n.outcome));
        }
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|notices| notices.retain(|n| n.id != id));
    }

    /// Moves to `step` and puts focus on its heading.
    pub fn go_to(&self, step: &str) {
        if self.progress.with_untracked(|p| p.step == step) {
            return self.focus_step_heading();
        }
        let from = self.progress.with_untracked(|p| p.current_step());
        self.progress.update(|p| p.step = step.to_string());
        // Back and Forward walk the steps; not in a partner's frame, whose page owns them.
        if !self.embedded.get_untracked() {
            browser::push_step(from, step);
        }
        self.focus_step_heading();
    }

    /// Focuses the step heading once the new step is drawn. When the question side's top is
    /// above the window (Next pressed at the foot of a long step), it is scrolled back into view,
    /// step list included, as a new page would open.
    pub fn focus_step_heading(&self) {
        let heading = self.step_heading;
        browser::next_frame(move || {
            // try_: the element's owner may be gone by the next frame.
            let Some(heading) = heading.try_get_untracked().flatten() else { return };
            let _ = heading.focus();
            if let Some(side) = heading.closest("section").ok().flatten() {
                if side.get_bounding_client_rect().top() < 0.0 {
                    side.scroll_into_view();
                }
            }
        });
    }

    /// Takes an incoming scope: at once if there is nothing to lose (true), else after asking
    /// whether to replace the progress on screen (false).
    pub fn offer(&self, incoming: Incoming) -> bool {
        let differs = self.progress.with_untracked(|p| {
            !p.is_blank() && (p.answers != incoming.progress.answers || p.done != incoming.progress.done)
        });
        if differs {
            self.incoming.set(Some(incoming));
        } else {
            // Nothing to lose: taken at once, and a question still open about another scope stays.
            self.show(incoming.progress);
            // What an earlier action led to ("could not be opened") no longer stands beside it.
            self.clear_outcomes();
        }
        !differs
    }

    /// Puts `progress` on screen (on the summary if it names no step) and forgets any question.
    pub fn replace(&self, progress: Progress) {
        self.show(progress);
        self.incoming.set(None);
    }

    fn show(&self, mut progress: Progress) {
        if progress.step.is_empty() {
            progress.step = wizard::SUMMARY.into();
        }
        self.progress.set(progress);
    }

    /// Opens what a URL fragment holds (share link or prefill); a damaged one is reported and
    /// changes nothing. True when it waits for the replace-or-keep question.
    pub fn open_fragment(&self, fragment: &str) -> bool {
        let revision = self.progress.with_untracked(|p| p.revision);
        match link::parse_fragment(fragment) {
            Ok(fragment) => {
                let from = if matches!(fragment, link::Fragment::Shared(_)) { "share link" } else { "link" };
                fragment.into_progress(revision).is_some_and(|progress| !self.offer(Incoming { progress, from }))
            }
            Err(e) => {
                self.report(Tone::Error, format!("The link could not be opened: {e}. Your progress is unchanged."));
                false
            }
        }
    }

    /// The step on screen, tracked.
    pub fn step(&self) -> &'static str {
        self.progress.with(|p| p.current_step())
    }
}

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}

/// Focuses the element once the DOM has caught up with the change that called for it (the
/// element may be about to appear or to lose its `hidden`).
pub fn focus_soon<E>(target: NodeRef<E>)
where
    E: html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    browser::next_frame(move || {
        // try_: the element may be gone by the next frame (a prompt replaced or answered).
        if let Some(element) = target.try_get_untracked().flatten() {
            // Every element we focus is an HTML element.
            let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}
