//! What the saved record found at start means: the progress to start from, where progress goes
//! next and what the person is told. The app reads storage and, for a record it cannot use,
//! copies it aside and removes it as [`Unusable`] says; every decision is made here.

use super::Store;
use crate::notice::{Kind, Notice, Tone};
use crate::progress::{ReadError, Saved};
use crate::Progress;

/// Records this tab cannot use are copied under this prefix and a time stamp, never destroyed.
pub const ASIDE_PREFIX: &str = "ems-scope-wizard/unreadable/";

/// The browser's storage refuses the wizard: said once at start.
pub const STORAGE_BLOCKED: &str =
    "This browser does not let the wizard save here, so your progress will not be kept after this tab closes. Use a share link or an export to keep it.";

const MIGRATED: &str = "Your saved progress came from an earlier version of the wizard and was updated to this one.";

/// The key a record is copied aside under at `now_ms` (milliseconds since 1970, as `Date.now()`).
pub fn aside_key(now_ms: f64) -> String {
    format!("{ASIDE_PREFIX}{}", now_ms as u64)
}

/// What the browser's storage held at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found<'a> {
    /// Storage refuses the wizard: not there, or refusing every write.
    Blocked,
    /// No saved record.
    Nothing,
    /// The saved record's text, as stored.
    Record(&'a str),
}

/// What loading found: where to keep progress, what to start from and what to tell the person.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// What start-up does with what it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Start from this.
    Ready(Loaded),
    /// The record cannot be used: copy it aside (its text exactly as stored, under
    /// [`aside_key`]), remove it when [`Unusable::removes`] says so, then start from
    /// [`Unusable::loaded`].
    Unusable(Unusable),
}

/// Why the saved record cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Written by a newer version (this format): left in place for it, and not overwritten.
    Newer(u64),
    /// Not readable (why, in words).
    Unreadable(String),
    /// Readable only in part: `progress` is what could be read, `why` names what could not.
    Damaged { progress: Progress, why: String },
}

/// Decides what the record found at start means.
pub fn read(found: Found) -> Reading {
    let text = match found {
        Found::Blocked => {
            let notice = Notice::new(Kind::StorageBlocked, Tone::Info, STORAGE_BLOCKED);
            return Reading::Ready(Loaded::fresh(Store::Memory, Some(notice)));
        }
        Found::Nothing => return Reading::Ready(Loaded::fresh(Store::Local, None)),
        Found::Record(text) => text,
    };
    match Progress::from_saved(text) {
        Ok(Saved { progress, skipped, .. }) if !skipped.is_empty() => {
            Reading::Unusable(Unusable::Damaged { progress, why: skipped.join(", ") })
        }
        Ok(Saved { progress, migrated, .. }) => {
            let notice = migrated.then(|| Notice::new(Kind::RecordMigrated, Tone::Warning, MIGRATED));
            Reading::Ready(Loaded { store: Store::Local, progress, notice, up_to_date: !migrated })
        }
        Err(ReadError::Newer(format)) => Reading::Unusable(Unusable::Newer(format)),
        Err(err) => Reading::Unusable(Unusable::Unreadable(err.to_string())),
    }
}

impl Unusable {
    /// Whether the record is removed once copied: an unreadable one is, so that the wizard can
    /// start afresh in its place; never one that was not copied, nor a newer version's. A damaged
    /// one is not: what could be read of it is written in its place.
    pub fn removes(&self, copied: bool) -> bool {
        copied && matches!(self, Unusable::Unreadable(_))
    }

    /// Where start-up goes on from: `aside` is the key the record was copied under (if the copy
    /// was written), `removed` whether it was then removed. A record left in place is never
    /// overwritten: this tab then keeps nothing.
    pub fn loaded(self, aside: Option<&str>, removed: bool) -> Loaded {
        let (store, kind, text) = match self {
            Unusable::Newer(format) => {
                let copy = aside.map(|key| format!(" A copy is kept under \"{key}\".")).unwrap_or_default();
                let text = format!("Your saved progress was written by a newer version of the wizard (format {format}). It is left untouched for that version; reload the page to get it.{copy} Until then this tab starts fresh and keeps nothing.");
                (Store::Memory, Kind::RecordNewer, text)
            }
            Unusable::Unreadable(why) => {
                let what = format!("Your saved progress could not be read: {why}.");
                match aside.filter(|_| removed) {
                    Some(key) => (Store::Local, Kind::RecordUnreadable, format!("{what} It is kept aside in this browser's storage under \"{key}\", and the wizard starts fresh.")),
                    None => (Store::Memory, Kind::RecordUnreadable, format!("{what} It is left untouched, and this tab starts fresh and keeps nothing.")),
                }
            }
            Unusable::Damaged { progress, why } => return damaged(progress, &why, aside),
        };
        Loaded::fresh(store, Some(Notice::new(kind, Tone::Warning, text)))
    }
}

/// A record read in part: the wizard goes on from what could be read. With the record copied
/// aside, that part is written in its place at once (so the next visit does not copy it again);
/// without a copy the record is left as it is and this tab keeps nothing.
fn damaged(progress: Progress, why: &str, aside: Option<&str>) -> Loaded {
    let what = format!("Part of your saved progress could not be read and was left out: {why}. The rest is loaded.");
    let (store, text) = match aside {
        Some(key) => (
            Store::Local,
            format!("{what} The record as it was is kept aside in this browser's storage under \"{key}\"."),
        ),
        None => (Store::Memory, format!("{what} The record is left untouched, and this tab keeps nothing.")),
    };
    let notice = Notice::new(Kind::RecordUnreadable, Tone::Warning, text);
    Loaded { store, progress, notice: Some(notice), up_to_date: store == Store::Memory }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED_V1: &str = include_str!("../../tests/fixtures/saved_v1.json");
    const SAVED_V2: &str = include_str!("../../tests/fixtures/saved_v2.json");
    const NEWER: &str = r#"{"format":99,"answers":{}}"#;

    fn ready(found: Found) -> Loaded {
        match read(found) {
            Reading::Ready(loaded) => loaded,
            other => panic!("expected a start, got {other:?}"),
        }
    }

    fn unusable(text: &str) -> Unusable {
        match read(Found::Record(text)) {
            Reading::Unusable(unusable) => unusable,
            other => panic!("expected an unusable record, got {other:?}"),
        }
    }

    fn kind_and_text(loaded: &Loaded) -> (Kind, &str) {
        let notice = loaded.notice.as_ref().expect("a notice");
        (notice.kind, notice.text.as_str())
    }

    #[test]
    fn blocked_storage_keeps_nothing_and_says_so() {
        let loaded = ready(Found::Blocked);
        assert_eq!(loaded.store, Store::Memory);
        assert!(loaded.progress.is_blank());
        assert_eq!(kind_and_text(&loaded), (Kind::StorageBlocked, STORAGE_BLOCKED));
        assert_eq!(loaded.notice.unwrap().tone, Tone::Info);
    }

    #[test]
    fn a_first_visit_writes_nothing_until_a_change() {
        let loaded = ready(Found::Nothing);
        assert_eq!(
            loaded,
            Loaded { store: Store::Local, progress: Progress::default(), notice: None, up_to_date: true }
        );
    }

    #[test]
    fn a_record_of_this_version_is_taken_as_it_is() {
        let loaded = ready(Found::Record(SAVED_V2));
        assert_eq!(loaded.store, Store::Local);
        assert_eq!(loaded.progress, Progress::from_json(SAVED_V2).unwrap());
        assert_eq!(loaded.progress.step, "aad");
        assert_eq!(loaded.notice, None);
        assert!(loaded.up_to_date, "storage already holds it");
    }

    #[test]
    fn an_earlier_format_is_updated_said_and_written_again() {
        let loaded = ready(Found::Record(SAVED_V1));
        assert_eq!(loaded.store, Store::Local);
        assert!(!loaded.progress.is_blank());
        assert_eq!(kind_and_text(&loaded), (Kind::RecordMigrated, MIGRATED));
        assert!(!loaded.up_to_date, "written in this version's format at the first chance");
    }

    #[test]
    fn a_newer_version_s_record_stays_for_it_and_is_never_overwritten() {
        let newer = unusable(NEWER);
        assert_eq!(newer, Unusable::Newer(99));
        assert!(!newer.removes(true), "left in place for the newer version");
        let loaded = newer.clone().loaded(Some("ems-scope-wizard/unreadable/7"), false);
        assert_eq!(loaded.store, Store::Memory, "this tab must not overwrite it");
        assert!(loaded.progress.is_blank());
        let (kind, text) = kind_and_text(&loaded);
        assert_eq!(kind, Kind::RecordNewer);
        assert!(text.contains("(format 99)"), "{text}");
        assert!(text.contains(r#"A copy is kept under "ems-scope-wizard/unreadable/7"."#), "{text}");
        let not_copied = newer.loaded(None, false);
        assert_eq!(not_copied.store, Store::Memory);
        assert!(!kind_and_text(&not_copied).1.contains("copy"), "no copy is claimed when none was written");
    }

    #[test]
    fn an_unreadable_record_is_kept_aside_before_the_wizard_starts_afresh() {
        for text in ["not json", "[]", r#"{"answers":{}}"#, r#"{"format":"two"}"#] {
            let unreadable = unusable(text);
            assert!(matches!(unreadable, Unusable::Unreadable(_)), "{text}");
            assert!(unreadable.removes(true), "removed once copied: {text}");
            assert!(!unreadable.removes(false), "never removed without a copy: {text}");
        }
        let why = Progress::from_json("not json").unwrap_err().to_string();
        assert_eq!(unusable("not json"), Unusable::Unreadable(why.clone()));
        let aside = Unusable::Unreadable(why.clone()).loaded(Some("ems-scope-wizard/unreadable/7"), true);
        assert_eq!(aside.store, Store::Local, "the record is safe aside: saving goes on");
        assert!(aside.up_to_date, "nothing to write until a change");
        let (kind, text) = kind_and_text(&aside);
        assert_eq!(kind, Kind::RecordUnreadable);
        assert!(text.starts_with(&format!("Your saved progress could not be read: {why}.")), "{text}");
        assert!(text.contains(r#"kept aside in this browser's storage under "ems-scope-wizard/unreadable/7""#));
    }

    #[test]
    fn an_unreadable_record_not_copied_or_not_removed_is_left_untouched() {
        let why = || Unusable::Unreadable("why".into());
        for (aside, removed) in [(None, false), (None, true), (Some("ems-scope-wizard/unreadable/7"), false)] {
            let loaded = why().loaded(aside, removed);
            assert_eq!(loaded.store, Store::Memory, "{aside:?} {removed}: never overwritten");
            let (kind, text) = kind_and_text(&loaded);
            assert_eq!(kind, Kind::RecordUnreadable);
            assert!(text.contains("left untouched"), "{text}");
        }
    }

    #[test]
    fn a_record_read_in_part_says_what_was_left_out_and_keeps_the_whole_aside() {
        let text = r#"{"format":2,"answers":"x","step":"aad","done":["general.remote_support"]}"#;
        let damaged = unusable(text);
        let Unusable::Damaged { progress, why } = damaged.clone() else { panic!("{damaged:?}") };
        assert_eq!(why, "your answers");
        assert!(progress.answers.answered().next().is_none());
        assert_eq!((progress.step.as_str(), progress.done.len()), ("aad", 1), "the rest is read");
        assert!(!damaged.removes(true), "what could be read is written in its place");
        let aside = damaged.clone().loaded(Some("ems-scope-wizard/unreadable/7"), false);
        assert_eq!((aside.store, &aside.progress), (Store::Local, &progress));
        assert!(!aside.up_to_date, "written at once, so the next visit does not copy it again");
        let (kind, said) = kind_and_text(&aside);
        assert_eq!(kind, Kind::RecordUnreadable);
        assert!(
            said.starts_with(
                "Part of your saved progress could not be read and was left out: your answers. The rest is loaded."
            ),
            "{said}"
        );
        assert!(
            said.contains(r#"kept aside in this browser's storage under "ems-scope-wizard/unreadable/7""#),
            "{said}"
        );
        let not_copied = damaged.loaded(None, false);
        assert_eq!((not_copied.store, &not_copied.progress), (Store::Memory, &progress), "never overwritten");
        assert!(kind_and_text(&not_copied).1.contains("left untouched"));
    }

    #[test]
    fn a_keeping_host_s_frame_reads_and_writes_no_storage() {
        let loaded = Loaded::kept_by_host();
        assert_eq!((loaded.store, loaded.notice, loaded.up_to_date), (Store::Memory, None, true));
        assert!(loaded.progress.is_blank());
    }

    #[test]
    fn records_go_aside_under_a_time_stamp() {
        assert_eq!(aside_key(1_765_000_000_123.7), "ems-scope-wizard/unreadable/1765000000123");
        assert!(aside_key(1.0).starts_with(ASIDE_PREFIX));
    }
}
