//! Hydration in pieces. Hydrating the whole prerendered page at once is one long task (about
//! 150 ms on a slow phone), in which the page can neither paint nor take a click. Instead the app
//! hydrates its frame, then the guidance list's head, the list of what is set apart and each of
//! the list's sections in a task of their own ([`Later`]), and last the questions together with
//! start-up (`app::start`, through [`queue_last`]). Until start-up the progress stays blank, so
//! every part hydrates against the page as it was prerendered; and until the questions are
//! hydrated, a choice made on them is the browser's own, read as an early choice.

use crate::state::use_wizard;
use leptos::html;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

type Job = Box<dyn FnOnce()>;

/// The jobs waiting, each run in a task of its own: the parts in the order queued, then the
/// last jobs (a part hydrated may queue the parts inside it; they still come before the last).
#[derive(Default)]
struct Jobs {
    parts: VecDeque<Job>,
    last: VecDeque<Job>,
}

thread_local! {
    static JOBS: RefCell<Jobs> = RefCell::default();
    /// Whether a task to run the next job is already asked for.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` (a part's hydration) in a task of its own, after the parts queued before it.
pub fn queue(job: impl FnOnce() + 'static) {
    JOBS.with_borrow_mut(|jobs| jobs.parts.push_back(Box::new(job)));
    ask_for_task();
}

/// Runs `job` in a task of its own once every part is hydrated.
pub fn queue_last(job: impl FnOnce() + 'static) {
    JOBS.with_borrow_mut(|jobs| jobs.last.push_back(Box::new(job)));
    ask_for_task();
}

fn ask_for_task() {
    if !ASKED.replace(true) {
        crate::browser::next_task(run_next);
    }
}

fn run_next() {
    ASKED.set(false);
    // Taken out before it runs: a job may queue another.
    let job = JOBS.with_borrow_mut(|jobs| jobs.parts.pop_front().or_else(|| jobs.last.pop_front()));
    if let Some(job) = job {
        job();
    }
    if JOBS.with_borrow(|jobs| !jobs.parts.is_empty() || !jobs.last.is_empty()) {
        ask_for_task();
    }
}

/// Hydrates `view` into the element `root` (a [`Later`] prerendered with that view inside), under
/// `owner`, the owner of the part's place in the page: it reads the contexts provided above it,
/// and goes with it. The native prerender never gets here: it runs no Effect and no job.
pub fn hydrate<V: IntoView + 'static>(root: NodeRef<html::Div>, owner: Owner, view: impl FnOnce() -> V + 'static) {
    // try_: the element's owner may be gone (a section of a revision switched away meanwhile;
    // the switch is disabled until start-up, so never today).
    let Some(element) = root.try_get_untracked().flatten() else { return };
    #[cfg(feature = "hydrate")]
    owner.with(|| {
        use leptos::tachys::{hydration::Cursor, reactive_graph::OwnedView, view::PositionState};
        // The part's own owner, as a row of a <For> has: its state is kept in `owner` and holds
        // the part's owner, not `owner` itself (a list inside the part holds its owner; held in
        // `owner`'s own arena, that would keep `owner` from ever being cleaned up).
        let part_owner = Owner::new();
        let part = part_owner.with(|| view().into_view());
        let cursor = Cursor::new(element.clone().into());
        let part = OwnedView::new_with_owner(part, part_owner).hydrate::<true>(&cursor, &PositionState::default());
        // Kept as long as `owner`: dropped with it, the part stops following the state.
        StoredValue::new_local(part);
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (owner, view);
    // Marked hydrated, so public/loader.js marks no more clicks in it; a "Why and where from"
    // clicked before the part was up is opened now.
    let _ = element.set_attribute("data-hydrated", "");
    crate::browser::replay_early_clicks(&element);
}

/// A part of the page hydrated in a task of its own, after the parts queued before it; or, given
/// `held`, by whoever holds that reference (with [`hydrate`]). On the prerendered page it is
/// there from the first paint, inert until then (as the whole page was before its hydration).
#[component]
pub fn Later(children: Children, #[prop(optional)] held: Option<NodeRef<html::Div>>) -> impl IntoView {
    // Once the app is up, a part drawn anew (a section that an answer brings) is drawn at once.
    if cfg!(feature = "hydrate") && !use_wizard().ready.get_untracked() {
        let root = held.unwrap_or_default();
        if let (None, Some(owner)) = (held, Owner::current()) {
            queue(move || hydrate(root, owner, children));
        }
        // No children: the part's nodes stay as prerendered until hydrated.
        view! { <div class="later" node_ref=root></div> }.into_any()
    } else {
        view! { <div class="later">{children()}</div> }.into_any()
    }
}
