//! The wizard's state, shared with every component through context: the progress, the scope the
//! engine derives from it, the notices for the user, and an incoming scope waiting for the user
//! to say replace or keep.

use crate::browser;
use leptos::html;
use leptos::prelude::*;
use scope::catalog::{ItemId, ItemSet, Revision};
use scope::engine::{evaluate, ItemScope, Scope};
use scope::notice;
pub use scope::notice::Tone;
use scope::startup::{self, Arrival, Opening};
pub use scope::startup::{Incoming, Source};
use scope::Progress;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Wizard {
    pub progress: RwSignal<Progress>,
    pub scope: Memo<Scope>,
    /// The revision the scope on screen is quoted from: what every guidance row's words follow.
    /// Set when it changes, not derived: what reads it is not woken by every answer.
    pub revision: ReadSignal<Revision>,
    /// Each guidance item's state in the scope on screen, and its tick.
    pub items: ItemSignals,
    pub notices: RwSignal<Vec<Notice>>,
    /// Notices given so far: each new one's id, never reused, so the list draws a notice that
    /// replaces another rather than taking it for the same one.
    notices_given: StoredValue<u32>,
    pub incoming: RwSignal<Option<Incoming>>,
    /// The progress start-up opened (saved progress, a link): the guidance list's announcement
    /// compares with it, so opening it is not announced and early choices applied with it are.
    pub opened: StoredValue<Progress>,
    /// In a partner's iframe (`?embed=1`): no masthead, an "Open the full page" link.
    pub embedded: RwSignal<bool>,
    /// The browser's state (saved progress, the address, the host page) has been applied after
    /// hydration. Until then the ticks and the revision switch are disabled: a tick on the
    /// prerendered page would be lost. The questions are not: choices made on them before
    /// hydration are read and applied (`scope::startup::Startup`).
    pub ready: RwSignal<bool>,
    /// The heading of the step on screen: where focus goes when the step changes.
    pub step_heading: NodeRef<html::H2>,
    /// The full page's address (no query, no fragment), for share links; and today's date
    /// (YYYY-MM-DD, the browser's time zone). Read from the browser once, in `app::start`, so
    /// that no view reaches a browser API: empty on the prerendered page.
    pub page_base: RwSignal<String>,
    pub today: RwSignal<String>,
}

/// A notice on screen: its kind decides which notices it replaces (`scope::notice`), its id
/// which node draws it.
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: notice::Kind,
    pub text: String,
    pub tone: Tone,
}

impl Wizard {
    /// Creates the state, blank as on the prerendered page, and provides it as context.
    pub fn provide() -> Wizard {
        let progress = RwSignal::new(Progress::default());
        let scope = Memo::new(move |_| progress.with(|p| evaluate(&p.answers, p.revision)));
        let revision = RwSignal::new(scope.with_untracked(|s| s.revision));
        let items = scope.with_untracked(|s| progress.with_untracked(|p| ItemSignals::new(s, &p.done)));
        // Effects do not run on the prerender, which stays blank as the signals start.
        Effect::new(move |_| {
            scope.with(|s| {
                set_if_changed(revision, s.revision);
                items.follow_scope(s);
            })
        });
        Effect::new(move |_| progress.with(|p| items.follow_ticks(&p.done)));
        let wizard = Wizard {
            progress,
            scope,
            revision: revision.read_only(),
            items,
            notices: RwSignal::new(Vec::new()),
            notices_given: StoredValue::new(0),
            incoming: RwSignal::new(None),
            opened: StoredValue::new(Progress::default()),
            embedded: RwSignal::new(false),
            ready: RwSignal::new(false),
            step_heading: NodeRef::new(),
            page_base: RwSignal::new(String::new()),
            today: RwSignal::new(String::new()),
        };
        provide_context(wizard);
        wizard
    }

    /// Shows `notice`: an outcome in place of the last one, a condition once, saving that works
    /// again in place of the notice that it stopped (`scope::notice::Kind`).
    pub fn notify(&self, notice: notice::Notice) {
        let notice::Notice { kind, tone, text } = notice;
        self.notices.update(|notices| {
            notice::arrive(
                notices,
                kind,
                |n| n.kind,
                || {
                    self.notices_given.update_value(|given| *given += 1);
                    Notice { id: self.notices_given.get_value(), kind, text, tone }
                },
            );
        });
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
    /// whether to replace the progress on screen (false); `scope::startup::arrive` decides.
    pub fn receive(&self, incoming: Incoming) -> bool {
        let arrival = self.progress.with_untracked(|p| startup::arrive(p, incoming));
        self.carry_out(arrival)
    }

    /// Shows a scope taken (true), or asks about it (false). A scope taken leaves a question still
    /// open about another scope, and what an earlier action led to ("could not be opened") no
    /// longer stands beside it.
    pub fn carry_out(&self, arrival: Arrival) -> bool {
        match arrival {
            Arrival::Take(progress) => {
                self.progress.set(progress);
                if self.notices.with_untracked(|n| n.iter().any(|n| n.kind.is_outcome())) {
                    self.notices.update(|n| n.retain(|n| !n.kind.is_outcome()));
                }
                true
            }
            Arrival::Ask(incoming) => {
                self.incoming.set(Some(incoming));
                false
            }
        }
    }

    /// Opens what a URL fragment holds (share link or prefill); a damaged one is reported and
    /// changes nothing. True when it waits for the replace-or-keep question.
    pub fn open_fragment(&self, fragment: &str) -> bool {
        match self.progress.with_untracked(|p| startup::open_fragment(p, fragment)) {
            Opening::Nothing => false,
            Opening::Arrives(arrival) => !self.carry_out(arrival),
            Opening::Refused(notice) => {
                self.notify(notice);
                false
            }
        }
    }

    /// The step on screen, tracked.
    pub fn step(&self) -> &'static str {
        self.progress.with(|p| p.current_step())
    }
}

/// Each catalog item's state in the scope on screen and its tick, a signal per item (the catalog
/// is fixed). The wizard's effects set only those an answer or a tick changed, so a click wakes
/// the rows it changes, not every row to look through the whole scope again.
#[derive(Clone, Copy)]
pub struct ItemSignals(StoredValue<Vec<ItemSignal>>);

#[derive(Clone, Copy)]
struct ItemSignal {
    state: RwSignal<ItemScope>,
    done: RwSignal<bool>,
}

impl ItemSignals {
    fn new(scope: &Scope, done: &ItemSet) -> ItemSignals {
        let signal = |id| ItemSignal {
            state: RwSignal::new(scope.state_of(id).into_owned()),
            done: RwSignal::new(done.contains(&id)),
        };
        ItemSignals(StoredValue::new(ItemId::all().map(signal).collect()))
    }

    fn signal(&self, id: ItemId) -> ItemSignal {
        // Made for every id of the catalog.
        self.0.with_value(|all| all[id.index()])
    }

    /// The item's state in the scope on screen (not applicable if its revision is not on screen).
    pub fn state(&self, id: ItemId) -> ReadSignal<ItemScope> {
        self.signal(id).state.read_only()
    }

    /// Whether the item is ticked done.
    pub fn done(&self, id: ItemId) -> ReadSignal<bool> {
        self.signal(id).done.read_only()
    }

    fn follow_scope(&self, scope: &Scope) {
        for id in ItemId::all() {
            let (state, now) = (self.signal(id).state, scope.state_of(id));
            // Compared where it stands; copied only when it changed.
            if state.with_untracked(|old| *old != *now) {
                state.set(now.into_owned());
            }
        }
    }

    fn follow_ticks(&self, done: &ItemSet) {
        for id in ItemId::all() {
            set_if_changed(self.signal(id).done, done.contains(&id));
        }
    }
}

/// Sets `signal` only when `value` differs, so that what reads it is woken only by a change.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.maybe_update(|old| {
        let changed = *old != value;
        if changed {
            *old = value;
        }
        changed
    });
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
