//! What the wizard does about its own storage as writes succeed or fail: where progress goes
//! next, what the person is told, and whether the progress on screen is kept. The app only
//! carries these decisions out (`persistence.rs`): it calls the browser, which may refuse any
//! write at any time (storage full, or `localStorage` taken away in the middle of a session).

/// The key of the saved record in `localStorage`. public/loader.js names it too (to hold the
/// first step back while a record waits): tests/loader.rs checks the two agree.
pub const PROGRESS_KEY: &str = "ems-scope-wizard/progress";

mod keep;
mod load;

use crate::notice::{Kind, Notice, Tone};
pub use keep::{Keeping, OtherTab};
pub use load::{aside_key, read, Found, Loaded, Reading, Unusable, ASIDE_PREFIX, STORAGE_BLOCKED};

/// Where progress goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// Written at every change, and the last write worked.
    Local,
    /// The last write failed (storage full, or no longer available): the progress on screen is
    /// not kept, and the next change tries again.
    Failing,
    /// Never written until the page is reloaded: storage is blocked, holds a record this tab must
    /// not overwrite (from a newer version, or unreadable and not copied aside), or a portal
    /// keeps the progress.
    Memory,
}

/// Something that happened to storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreEvent {
    /// The progress on screen was written.
    Written,
    /// A write was refused, or storage could not even be reached.
    WriteFailed,
    /// Another tab saved a record in a newer version's format.
    NewerElsewhere,
}

/// What to tell the person about a change of [`Store`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// Saving stopped: said once, when it stops, not at every change that fails again.
    SavingStopped,
    /// Saving works again, the changes made meanwhile included (in place of `SavingStopped`).
    SavingWorksAgain,
    /// A newer version of the wizard saved in another tab: this one no longer saves.
    NewerElsewhere,
}

impl StoreNotice {
    pub fn text(self) -> &'static str {
        match self {
            StoreNotice::SavingStopped => "Saving stopped: this browser's storage is full or no longer available, so your latest changes will not be kept after this tab closes. They stay on screen, and the wizard tries again at your next change. Use a share link or an export to keep them.",
            StoreNotice::SavingWorksAgain => "Saving works again: your progress is saved in this browser, including the changes made while it could not be saved.",
            StoreNotice::NewerElsewhere => "A newer version of the wizard saved in another tab. Reload this one: it no longer saves.",
        }
    }
}

impl From<StoreNotice> for Notice {
    fn from(notice: StoreNotice) -> Notice {
        let (kind, tone) = match notice {
            StoreNotice::SavingStopped => (Kind::SavingStopped, Tone::Warning),
            StoreNotice::SavingWorksAgain => (Kind::SavingWorksAgain, Tone::Info),
            StoreNotice::NewerElsewhere => (Kind::NewerElsewhere, Tone::Warning),
        };
        Notice::new(kind, tone, notice.text())
    }
}

impl Store {
    /// Whether a change is written (or tried again).
    pub fn writes(self) -> bool {
        self != Store::Memory
    }

    /// Whether the progress on screen is kept in storage, as far as this tab's writes go.
    pub fn keeps(self) -> bool {
        self == Store::Local
    }

    /// Whether another tab's record is taken. Not while this tab holds changes it could not
    /// save (taking the other record would throw them away), nor from memory.
    pub fn follows_other_tabs(self) -> bool {
        self == Store::Local
    }

    /// The store after `event`, and what to tell the person, if anything.
    pub fn after(self, event: StoreEvent) -> (Store, Option<StoreNotice>) {
        match (self, event) {
            // Nothing is written from memory, and it is already said why.
            (Store::Memory, _) => (Store::Memory, None),
            (_, StoreEvent::NewerElsewhere) => (Store::Memory, Some(StoreNotice::NewerElsewhere)),
            (Store::Local, StoreEvent::Written) => (Store::Local, None),
            (Store::Failing, StoreEvent::Written) => (Store::Local, Some(StoreNotice::SavingWorksAgain)),
            (Store::Local, StoreEvent::WriteFailed) => (Store::Failing, Some(StoreNotice::SavingStopped)),
            (Store::Failing, StoreEvent::WriteFailed) => (Store::Failing, None),
        }
    }
}

/// The error page's line on the answers: that they are saved only when they are kept
/// (`portal::Keeper::keeps`: this browser's store keeps them, the last write worked or the record
/// loaded is what is on screen, or a version 2 host keeps them).
pub fn error_page_line(kept: bool) -> &'static str {
    if kept {
        "Something went wrong; your answers are saved. Reload the page to carry on where you were."
    } else {
        "Something went wrong, and your latest answers are not saved in this browser: answers since the last share link or export may be lost."
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Store::*;
    use StoreEvent::*;

    #[test]
    fn a_failed_write_is_said_once_and_tried_again() {
        assert_eq!(Local.after(WriteFailed), (Failing, Some(StoreNotice::SavingStopped)));
        assert!(Failing.writes(), "the next change tries again");
        assert_eq!(Failing.after(WriteFailed), (Failing, None), "not said at every change");
        assert_eq!(Failing.after(Written), (Local, Some(StoreNotice::SavingWorksAgain)));
        assert_eq!(Local.after(Written), (Local, None));
    }

    #[test]
    fn only_a_working_store_keeps_the_progress_on_screen() {
        assert!(Local.keeps());
        assert!(!Failing.keeps());
        assert!(!Memory.keeps());
        assert!(error_page_line(true).contains("your answers are saved"));
        assert!(!error_page_line(false).contains("are saved"));
    }

    #[test]
    fn memory_is_never_written_and_never_left() {
        assert!(!Memory.writes());
        for event in [Written, WriteFailed, NewerElsewhere] {
            assert_eq!(Memory.after(event), (Memory, None));
        }
    }

    #[test]
    fn a_newer_record_elsewhere_stops_writing_even_a_failing_store() {
        for store in [Local, Failing] {
            assert_eq!(store.after(NewerElsewhere), (Memory, Some(StoreNotice::NewerElsewhere)));
        }
    }

    #[test]
    fn other_tabs_are_followed_only_while_this_one_keeps_its_progress() {
        assert!(Local.follows_other_tabs());
        assert!(!Failing.follows_other_tabs());
        assert!(!Memory.follows_other_tabs());
    }

    #[test]
    fn storage_notices_have_their_kinds() {
        assert_eq!(Notice::from(StoreNotice::SavingStopped).kind, Kind::SavingStopped);
        assert_eq!(Notice::from(StoreNotice::SavingWorksAgain).kind, Kind::SavingWorksAgain);
        assert_eq!(Notice::from(StoreNotice::SavingWorksAgain).tone, Tone::Info);
        assert_eq!(Notice::from(StoreNotice::NewerElsewhere).kind, Kind::NewerElsewhere);
        assert_eq!(Notice::from(StoreNotice::SavingStopped).tone, Tone::Warning);
        assert_eq!(Notice::from(StoreNotice::NewerElsewhere).tone, Tone::Warning);
    }
}
