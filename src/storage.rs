//! Progress in local storage, with a memory fallback when the browser blocks or fills it.
//!
//! Storage is reached through `window.localStorage`, whose getter throws (SecurityError) in a
//! cross-site iframe with third-party storage blocked; gloo-storage's `raw()` panics there, so it
//! is not used. Every failure turns into a message for the user and memory-only operation.

use crate::browser::{window, SAVED};
use scope::progress::ReadError;
use scope::Progress;
use std::sync::atomic::Ordering;

/// The key of the saved record.
pub const KEY: &str = "ems-scope-wizard/progress";
/// Unreadable records are moved here (with a time stamp) rather than destroyed.
pub const ASIDE_PREFIX: &str = "ems-scope-wizard/unreadable/";

/// Where progress goes.
#[derive(Clone)]
pub enum Store {
    Local(web_sys::Storage),
    /// Storage is blocked or full: progress lives only as long as the tab.
    Memory,
}

/// What loading found: the progress to start from and what to tell the user.
pub struct Loaded {
    pub store: Store,
    pub progress: Progress,
    pub notice: Option<String>,
    /// The record now under [`KEY`] as stored ("" if none), so an unchanged one is not rewritten.
    pub stored: String,
}

pub const MEMORY_NOTICE: &str =
    "This browser does not let the wizard save here, so your progress will not be kept after this tab closes. Use a share link or an export to keep it.";

fn local_storage() -> Option<web_sys::Storage> {
    let storage = window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that refuses every write; probe once.
    let probe = "ems-scope-wizard/probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(storage)
}

/// Reads saved progress. Never fails: a problem becomes a notice and a fresh start.
pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded { store: Store::Memory, progress: Progress::default(), notice: Some(MEMORY_NOTICE.into()), stored: String::new() };
    };
    let text = match storage.get_item(KEY) {
        Ok(Some(text)) => text,
        _ => return Loaded { store: Store::Local(storage), progress: Progress::default(), notice: None, stored: String::new() },
    };
    SAVED.store(true, Ordering::Relaxed);
    match Progress::from_saved(&text) {
        Ok((progress, migrated)) => {
            let notice = migrated.then(|| "Your saved progress came from an earlier version of the wizard and was updated to this one.".to_string());
            Loaded { store: Store::Local(storage), progress, notice, stored: text }
        }
        Err(ReadError::Newer(format)) => {
            // Copied aside under another key, and also left where it is for the newer version to
            // find; this tab works from memory so as not to overwrite it.
            let aside = format!("{ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
            let copy = if storage.set_item(&aside, &text).is_ok() { format!(" A copy is kept under \"{aside}\".") } else { String::new() };
            let notice = format!("Your saved progress was written by a newer version of the wizard (format {format}). It is left untouched for that version; reload the page to get it.{copy} Until then this tab starts fresh and keeps nothing.");
            Loaded { store: Store::Memory, progress: Progress::default(), notice: Some(notice), stored: String::new() }
        }
        Err(err) => {
            let aside = format!("{ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
            let kept = storage.set_item(&aside, &text).is_ok() && storage.remove_item(KEY).is_ok();
            let what = format!("Your saved progress could not be read: {err}.");
            if kept {
                let notice = format!("{what} It is kept aside in this browser's storage under \"{aside}\", and the wizard starts fresh.");
                Loaded { store: Store::Local(storage), progress: Progress::default(), notice: Some(notice), stored: String::new() }
            } else {
                // It could not be copied aside: do not overwrite it either.
                let notice = format!("{what} It is left untouched, and this tab starts fresh and keeps nothing.");
                Loaded { store: Store::Memory, progress: Progress::default(), notice: Some(notice), stored: String::new() }
            }
        }
    }
}

/// Writes the record. An error (quota reached, storage revoked) comes back as a message.
pub fn save(store: &Store, json: &str) -> Result<(), String> {
    match store {
        Store::Memory => Ok(()),
        Store::Local(storage) => match storage.set_item(KEY, json) {
            Ok(()) => {
                SAVED.store(true, Ordering::Relaxed);
                Ok(())
            }
            Err(_) => {
                SAVED.store(false, Ordering::Relaxed);
                Err("This browser's storage is full or no longer available, so your latest changes will not be kept after this tab closes. Use a share link or an export to keep them.".into())
            }
        },
    }
}
