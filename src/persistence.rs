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

use crate::browser::SAVED;
use crate::state::{Tone, Wizard};
use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::*;
use scope::notice::{Kind, Notice, STORAGE_BLOCKED};
use scope::progress::ReadError;
pub use scope::storage::Store;
use scope::storage::StoreEvent;
use scope::Progress;
use std::sync::atomic::Ordering;

/// The key of the saved record (public/loader.js names it too).
pub use scope::storage::PROGRESS_KEY as KEY;
/// Unreadable records are copied here (with a time stamp) rather than destroyed.
pub const ASIDE_PREFIX: &str = "ems-scope-wizard/unreadable/";

/// What loading found: where to keep progress, what to start from and what to tell the user.
pub struct Loaded {
    pub store: Store,
    pub progress: Progress,
    pub notice: Option<Notice>,
    /// Storage holds `progress` in this version's format (or nothing, for a fresh start), so
    /// there is nothing to write until it changes.
    pub up_to_date: bool,
}

impl Loaded {
    /// For a version 2 host, which keeps the progress: the wizard's own storage is neither read
    /// nor written. A frame's storage is shared by every customer who uses the portal in this
    /// browser (same-site portals, or browsers that partition third-party storage), so reading
    /// it could show one customer another's answers.
    pub fn kept_by_host() -> Loaded {
        Loaded::fresh(Store::Memory, None)
    }

    fn fresh(store: Store, notice: Option<Notice>) -> Loaded {
        Loaded { store, progress: Progress::default(), notice, up_to_date: true }
    }
}

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
    local().is_some() && LocalStorage::set(KEY, progress).is_ok()
}

/// Reads saved progress. Never fails: a problem becomes a notice and a fresh start.
pub fn load() -> Loaded {
    let loaded = read();
    SAVED.store(loaded.store.keeps(), Ordering::Relaxed);
    loaded
}

fn read() -> Loaded {
    if !storage_works() {
        return Loaded::fresh(Store::Memory, Some(Notice::new(Kind::StorageBlocked, Tone::Info, STORAGE_BLOCKED)));
    }
    // The record's text as stored, not through `LocalStorage::get`: an unreadable one is copied
    // aside exactly as it is.
    let Some(text) = local().and_then(|storage| storage.get_item(KEY).ok().flatten()) else {
        return Loaded::fresh(Store::Local, None);
    };
    match Progress::from_saved(&text) {
        Ok((progress, migrated)) => {
            let notice = migrated.then(|| {
                Notice::new(
                    Kind::RecordMigrated,
                    Tone::Warning,
                    "Your saved progress came from an earlier version of the wizard and was updated to this one.",
                )
            });
            Loaded { store: Store::Local, progress, notice, up_to_date: !migrated }
        }
        Err(ReadError::Newer(format)) => {
            // Copied aside, and also left in place for the newer version; this tab works from
            // memory so as not to overwrite it.
            let copy = keep_aside(&text).map(|aside| format!(" A copy is kept under \"{aside}\".")).unwrap_or_default();
            let notice = format!("Your saved progress was written by a newer version of the wizard (format {format}). It is left untouched for that version; reload the page to get it.{copy} Until then this tab starts fresh and keeps nothing.");
            Loaded::fresh(Store::Memory, Some(Notice::new(Kind::RecordNewer, Tone::Warning, notice)))
        }
        Err(err) => {
            let what = format!("Your saved progress could not be read: {err}.");
            let removed = || local().is_some_and(|storage| storage.remove_item(KEY).is_ok());
            match keep_aside(&text).filter(|_| removed()) {
                Some(aside) => {
                    let notice = format!("{what} It is kept aside in this browser's storage under \"{aside}\", and the wizard starts fresh.");
                    Loaded::fresh(Store::Local, Some(Notice::new(Kind::RecordUnreadable, Tone::Warning, notice)))
                }
                // It could not be copied aside: do not overwrite it either.
                None => Loaded::fresh(
                    Store::Memory,
                    Some(Notice::new(
                        Kind::RecordUnreadable,
                        Tone::Warning,
                        format!("{what} It is left untouched, and this tab starts fresh and keeps nothing."),
                    )),
                ),
            }
        }
    }
}

/// Copies a record's text under a new key; the key, if the copy was written.
fn keep_aside(text: &str) -> Option<String> {
    let aside = format!("{ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
    local()?.set_item(&aside, text).ok().map(|()| aside)
}

/// Keeps the progress in storage: one write per change, none for a change that came from another
/// tab or left the record as it was; and follows another tab's changes to the same record.
/// `saved` says whether the progress on screen is kept (false while writes fail, and from memory).
pub fn keep(wizard: Wizard, loaded: &Loaded, saved: RwSignal<bool>) {
    let store = StoredValue::new(loaded.store);
    // What storage holds as far as this tab's writes go: what it last wrote, or last followed
    // from another tab (on this tab's step: following is not a change of this tab's to save, and
    // the record keeps the step of the tab that last changed something).
    let stored = StoredValue::new(loaded.up_to_date.then(|| loaded.progress.clone()));
    Effect::new(move |_| {
        let progress = wizard.progress.get();
        if store.get_value().writes() && stored.with_value(|s| s.as_ref() != Some(&progress)) {
            let event = if write(&progress) {
                stored.set_value(Some(progress));
                StoreEvent::Written
            } else {
                // This tab works on from memory; `stored` still names the last record written.
                StoreEvent::WriteFailed
            };
            carry_out(wizard, store, saved, event);
        }
    });
    if loaded.store == Store::Memory {
        return;
    }
    // Another tab changed the same record: follow it.
    let listener = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() != Some(KEY) || !store.get_value().writes() {
            return;
        }
        let theirs = match event.new_value() {
            Some(text) => match Progress::from_json(&text) {
                Ok(progress) => progress,
                // A newer version wrote it in another tab: this tab must not overwrite it.
                Err(ReadError::Newer(_)) => return carry_out(wizard, store, saved, StoreEvent::NewerElsewhere),
                Err(_) => return,
            },
            None => Progress::default(),
        };
        if !store.get_value().follows_other_tabs() {
            // This tab holds changes it could not save; taking the other tab's record would throw
            // them away. Its next change writes them (and the other tab follows it then), even
            // one that brings back what this tab last wrote: storage no longer holds that.
            stored.set_value(None);
            return;
        }
        follow(wizard, theirs, stored);
    });
    on_cleanup(move || listener.remove());
}

/// Moves the store on after `event` (the decision is `Store::after`'s), and says what changed.
fn carry_out(wizard: Wizard, store: StoredValue<Store>, saved: RwSignal<bool>, event: StoreEvent) {
    let (next, notice) = store.get_value().after(event);
    store.set_value(next);
    SAVED.store(next.keeps(), Ordering::Relaxed);
    if saved.get_untracked() != next.keeps() {
        saved.set(next.keeps());
    }
    // Saving that works again is said, not only the warning taken away: it told the person
    // their latest changes would be lost, and a notice that silently goes (unheard by a screen
    // reader) leaves them unsure whether those changes are kept now. They are: the whole
    // progress was just written (scope::notice::Kind::SavingWorksAgain).
    if let Some(notice) = notice {
        wizard.notify(notice.into());
    }
}

/// Takes another tab's saved progress: its answers, ticks and revision, on this tab's own step.
/// Only when that step is gone with the other tab's change does this tab move (to the other's
/// step), with focus on the new heading as for Next, not dropped to `<body>`.
fn follow(wizard: Wizard, theirs: Progress, stored: StoredValue<Option<Progress>>) {
    let (progress, moved) = wizard.progress.with_untracked(|mine| mine.follow(theirs));
    // Not a change of this tab's: nothing to write.
    stored.set_value(Some(progress.clone()));
    if wizard.progress.with_untracked(|current| *current == progress) {
        return;
    }
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
