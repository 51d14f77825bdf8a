//! Progress in the browser's local storage (gloo-storage), with a memory fallback when the
//! browser blocks or fills it, and two tabs following each other.
//!
//! `window.localStorage` throws (SecurityError) in a cross-site iframe with third-party storage
//! blocked, and gloo-storage's `LocalStorage::raw()` panics there. So storage is probed once
//! through `Window::local_storage()`, which returns a `Result`; only after a good probe does
//! anything call gloo-storage. Every failure becomes a message and memory-only operation.

use crate::browser::SAVED;
use crate::state::{Tone, Wizard};
use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::*;
use scope::progress::ReadError;
use scope::Progress;
use std::sync::atomic::Ordering;

/// The key of the saved record.
pub const KEY: &str = "ems-scope-wizard/progress";
/// Unreadable records are copied here (with a time stamp) rather than destroyed.
pub const ASIDE_PREFIX: &str = "ems-scope-wizard/unreadable/";

pub const MEMORY_NOTICE: &str =
    "This browser does not let the wizard save here, so your progress will not be kept after this tab closes. Use a share link or an export to keep it.";
const NEWER_IN_OTHER_TAB: &str =
    "A newer version of the wizard saved in another tab. Reload this one: it no longer saves.";
const FULL_NOTICE: &str =
    "This browser's storage is full or no longer available, so your latest changes will not be kept after this tab closes. Use a share link or an export to keep them.";

/// Where progress goes.
#[derive(Clone, Copy, PartialEq)]
pub enum Store {
    Local,
    /// Storage is blocked, full, or holds a record this tab must not overwrite.
    Memory,
}

/// What loading found: where to keep progress, what to start from and what to tell the user.
pub struct Loaded {
    pub store: Store,
    pub progress: Progress,
    pub notice: Option<(Tone, String)>,
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

    fn fresh(store: Store, notice: Option<(Tone, String)>) -> Loaded {
        Loaded { store, progress: Progress::default(), notice, up_to_date: true }
    }
}

/// Whether local storage can be used: present, and taking a write (some browsers hand out a
/// storage object that refuses every write).
fn storage_works() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let probe = "ems-scope-wizard/probe";
    storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok()
}

/// Reads saved progress. Never fails: a problem becomes a notice and a fresh start.
pub fn load() -> Loaded {
    if !storage_works() {
        return Loaded::fresh(Store::Memory, Some((Tone::Info, MEMORY_NOTICE.into())));
    }
    // The record's text as stored, not through `LocalStorage::get`: an unreadable one is copied
    // aside exactly as it is.
    let Ok(Some(text)) = LocalStorage::raw().get_item(KEY) else {
        return Loaded::fresh(Store::Local, None);
    };
    match Progress::from_saved(&text) {
        Ok((progress, migrated)) => {
            SAVED.store(true, Ordering::Relaxed);
            let notice = migrated.then(|| {
                (
                    Tone::Warning,
                    "Your saved progress came from an earlier version of the wizard and was updated to this one."
                        .to_string(),
                )
            });
            Loaded { store: Store::Local, progress, notice, up_to_date: !migrated }
        }
        Err(ReadError::Newer(format)) => {
            // Copied aside, and also left in place for the newer version; this tab works from
            // memory so as not to overwrite it.
            let copy = keep_aside(&text).map(|aside| format!(" A copy is kept under \"{aside}\".")).unwrap_or_default();
            let notice = format!("Your saved progress was written by a newer version of the wizard (format {format}). It is left untouched for that version; reload the page to get it.{copy} Until then this tab starts fresh and keeps nothing.");
            Loaded::fresh(Store::Memory, Some((Tone::Warning, notice)))
        }
        Err(err) => {
            let what = format!("Your saved progress could not be read: {err}.");
            match keep_aside(&text).filter(|_| LocalStorage::raw().remove_item(KEY).is_ok()) {
                Some(aside) => {
                    let notice = format!("{what} It is kept aside in this browser's storage under \"{aside}\", and the wizard starts fresh.");
                    Loaded::fresh(Store::Local, Some((Tone::Warning, notice)))
                }
                // It could not be copied aside: do not overwrite it either.
                None => Loaded::fresh(
                    Store::Memory,
                    Some((
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
    LocalStorage::raw().set_item(&aside, text).ok().map(|()| aside)
}

/// Keeps the progress in storage: one write per change, none for a change that came from another
/// tab or left the record as it was; and follows another tab's changes to the same record.
pub fn keep(wizard: Wizard, loaded: &Loaded) {
    let store = StoredValue::new(loaded.store);
    // What storage holds now, as far as this tab knows.
    let stored = StoredValue::new(loaded.up_to_date.then(|| loaded.progress.clone()));
    Effect::new(move |_| {
        let progress = wizard.progress.get();
        if store.get_value() == Store::Memory || stored.with_value(|s| s.as_ref() == Some(&progress)) {
            return;
        }
        stored.set_value(Some(progress.clone()));
        match LocalStorage::set(KEY, &progress) {
            Ok(()) => SAVED.store(true, Ordering::Relaxed),
            Err(_) => {
                SAVED.store(false, Ordering::Relaxed);
                store.set_value(Store::Memory);
                wizard.tell(Tone::Warning, FULL_NOTICE);
            }
        }
    });
    if loaded.store == Store::Memory {
        return;
    }
    // Another tab changed the same record: follow it.
    let listener = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() != Some(KEY) || store.get_value() == Store::Memory {
            return;
        }
        let progress = match event.new_value() {
            Some(text) => match Progress::from_json(&text) {
                Ok(progress) => progress,
                // A newer version wrote it in another tab: this tab must not overwrite it.
                Err(ReadError::Newer(_)) => {
                    store.set_value(Store::Memory);
                    wizard.tell(Tone::Warning, NEWER_IN_OTHER_TAB);
                    return;
                }
                Err(_) => return,
            },
            None => Progress::default(),
        };
        stored.set_value(Some(progress.clone()));
        if wizard.progress.with_untracked(|current| *current != progress) {
            wizard.progress.set(progress);
        }
    });
    on_cleanup(move || listener.remove());
}
