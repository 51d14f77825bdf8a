//! Progress in the browser's local storage (gloo-storage), with a memory fallback when the
//! browser blocks or fills it, and two tabs following each other.
//!
//! `window.localStorage` throws (SecurityError) in a cross-site iframe with third-party storage
//! blocked, and can start throwing in the middle of a session (the person changes a site
//! setting, a privacy extension steps in); gloo-storage's `LocalStorage::raw()` then throws a
//! JavaScript exception through the wasm. So every call reaches storage through [`local`], a probe
//! of `Window::local_storage()` (a `Result`) made each time, and gloo-storage only after it. What
//! each outcome means (which store next, what to tell the person) is decided in
//! `scope::storage`; this module carries it out.

use crate::state::Wizard;
use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::*;
use scope::notice::Notice;
use scope::storage::{aside_key, read, Found, Keeping, Loaded, OtherTab, Reading, PROGRESS_KEY};
use scope::Progress;

/// The browser's local storage, asked for afresh: `None` when the browser refuses it now, which
/// it may do at any time.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether local storage can be used: present, and taking a write (some browsers hand out a
/// storage object that refuses every write).
fn storage_works() -> bool {
    let Some(storage) = local() else { return false };
    let probe = "ems-scope-wizard/probe";
    storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok()
}

/// Writes `progress` as the saved record: through gloo-storage (Progress serializes as its
/// record) once a probe has found storage there, so gloo's `raw()` cannot throw.
fn write(progress: &Progress) -> bool {
    local().is_some() && LocalStorage::set(PROGRESS_KEY, progress).is_ok()
}

/// Reads saved progress (`scope::storage::read` decides what it means). Never fails: a problem
/// becomes a notice and a fresh start.
pub fn load() -> Loaded {
    // The record's text as stored, not through `LocalStorage::get`: an unreadable one is copied
    // aside exactly as it is.
    let text = storage_works().then(|| local().and_then(|storage| storage.get_item(PROGRESS_KEY).ok().flatten()));
    let found = match &text {
        None => Found::Blocked,
        Some(None) => Found::Nothing,
        Some(Some(record)) => Found::Record(record),
    };
    match read(found) {
        Reading::Ready(loaded) => loaded,
        Reading::Unusable(unusable) => {
            let record = text.flatten().unwrap_or_default();
            let aside = aside_key(js_sys::Date::now());
            let copied = local().is_some_and(|storage| storage.set_item(&aside, &record).is_ok());
            let removed = unusable.removes(copied) && local().is_some_and(|s| s.remove_item(PROGRESS_KEY).is_ok());
            unusable.loaded(copied.then_some(aside.as_str()), removed)
        }
    }
}

/// Keeps the progress in storage: one write per change, none for a change that came from another
/// tab or left the record as it was; and follows another tab's changes to the same record
/// (`scope::storage::Keeping` decides each). `saved` says whether the progress on screen is kept
/// (false while writes fail, and from memory).
pub fn keep(wizard: Wizard, loaded: &Loaded, saved: RwSignal<bool>) {
    let keeping = StoredValue::new(Keeping::new(loaded));
    Effect::new(move |_| {
        let progress = wizard.progress.get();
        if keeping.with_value(|k| k.writes(&progress)) {
            let ok = write(&progress);
            let notice = keeping.try_update_value(|k| k.wrote(&progress, ok)).flatten();
            show_store(wizard, keeping, saved, notice);
        }
    });
    if !loaded.store.writes() {
        return;
    }
    // Another tab changed the same record: follow it.
    let listener = window_event_listener(ev::storage, move |event| {
        let (key, record) = (event.key(), event.new_value());
        let decided = wizard
            .progress
            .with_untracked(|mine| keeping.try_update_value(|k| k.other_tab(key.as_deref(), record.as_deref(), mine)));
        match decided {
            Some(OtherTab::Say(notice)) => show_store(wizard, keeping, saved, Some(notice)),
            Some(OtherTab::Follow { progress, moved }) => follow(wizard, progress, moved),
            Some(OtherTab::Ignore) | None => {}
        }
    });
    on_cleanup(move || listener.remove());
}

/// Says where the progress is kept now, and what changed.
fn show_store(wizard: Wizard, keeping: StoredValue<Keeping>, saved: RwSignal<bool>, notice: Option<Notice>) {
    let keeps = keeping.with_value(|k| k.store().keeps());
    if saved.get_untracked() != keeps {
        saved.set(keeps);
    }
    // Saving that works again is said, not only the warning taken away: it told the person
    // their latest changes would be lost, and a notice that silently goes (unheard by a screen
    // reader) leaves them unsure whether those changes are kept now. They are: the whole
    // progress was just written (scope::notice::Kind::SavingWorksAgain).
    if let Some(notice) = notice {
        wizard.notify(notice);
    }
}

/// Shows another tab's saved progress (on this tab's own step, unless it is gone with the other
/// tab's change: then on the other's, with focus on the new heading as for Next, not dropped to
/// `<body>`).
fn follow(wizard: Wizard, progress: Progress, moved: bool) {
    let step = progress.current_step();
    wizard.progress.set(progress);
    if moved {
        // The history entry shows the step now on screen (its own is gone); not in a frame,
        // whose page owns the history.
        if !wizard.embedded.get_untracked() {
            crate::browser::mark_step(step);
        }
        wizard.focus_step_heading();
    }
}
