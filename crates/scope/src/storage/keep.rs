//! This tab's side of the saved record once start-up is done: which changes are written, what a
//! write that worked or failed leads to, and what another tab's change to the record does here.
//! The app writes and listens ([`Keeping`] is what it asks); each decision is made here.

use super::{Loaded, Store, StoreEvent, PROGRESS_KEY};
use crate::notice::Notice;
use crate::progress::ReadError;
use crate::Progress;

/// Where this tab's progress goes, and what storage holds as far as this tab knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keeping {
    store: Store,
    /// What this tab last wrote, or last followed from another tab (on this tab's step: following
    /// is not a change of this tab's to save, and the record keeps the step of the tab that last
    /// changed something). `None` when storage may hold something else.
    stored: Option<Progress>,
}

/// What another tab's change to storage does in this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// Nothing changes on screen.
    Ignore,
    /// Tell the person (this tab stopped saving).
    Say(Notice),
    /// Show this progress: the other tab's answers, ticks and revision, on this tab's step unless
    /// it is gone (`moved`: then on theirs, with focus on its heading).
    Follow { progress: Progress, moved: bool },
}

impl Keeping {
    /// After start-up loaded `loaded`.
    pub fn new(loaded: &Loaded) -> Keeping {
        Keeping { store: loaded.store, stored: loaded.up_to_date.then(|| loaded.progress.clone()) }
    }

    pub fn store(&self) -> Store {
        self.store
    }

    /// Whether `progress` is to be written: the store writes, and storage does not already hold
    /// it (one write per change; none for a change that came from another tab).
    pub fn writes(&self, progress: &Progress) -> bool {
        self.store.writes() && self.stored.as_ref() != Some(progress)
    }

    /// After writing `progress` worked (`ok`) or failed: what to tell the person, if anything.
    /// A failed write leaves `stored` naming the last record written: the next change tries again.
    pub fn wrote(&mut self, progress: &Progress, ok: bool) -> Option<Notice> {
        if ok {
            self.stored = Some(progress.clone());
        }
        self.event(if ok { StoreEvent::Written } else { StoreEvent::WriteFailed })
    }

    fn event(&mut self, event: StoreEvent) -> Option<Notice> {
        let (next, notice) = self.store.after(event);
        self.store = next;
        notice.map(Notice::from)
    }

    /// Another tab changed storage: `key` is the key it changed (none when it cleared all),
    /// `record` the record's new text (none when removed), `mine` the progress on screen here.
    pub fn other_tab(&mut self, key: Option<&str>, record: Option<&str>, mine: &Progress) -> OtherTab {
        if key != Some(PROGRESS_KEY) || !self.store.writes() {
            return OtherTab::Ignore;
        }
        let theirs = match record.map(Progress::from_json) {
            Some(Ok(progress)) => progress,
            // A newer version wrote it: this tab must not overwrite it.
            Some(Err(ReadError::Newer(_))) => {
                return self.event(StoreEvent::NewerElsewhere).map_or(OtherTab::Ignore, OtherTab::Say)
            }
            Some(Err(_)) => return OtherTab::Ignore,
            None => Progress::default(),
        };
        if !self.store.follows_other_tabs() {
            // This tab holds changes it could not save; taking the other tab's record would throw
            // them away. Its next change writes them (and the other tab follows it then), even one
            // that brings back what this tab last wrote: storage no longer holds that.
            self.stored = None;
            return OtherTab::Ignore;
        }
        let (progress, moved) = mine.follow(theirs);
        // Not a change of this tab's: nothing to write.
        self.stored = Some(progress.clone());
        if progress == *mine {
            OtherTab::Ignore
        } else {
            OtherTab::Follow { progress, moved }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Kind;
    use crate::storage::{read, Found, Reading};

    const SAVED_V2: &str = include_str!("../../tests/fixtures/saved_v2.json");

    fn keeping(found: Found) -> (Keeping, Progress) {
        let Reading::Ready(loaded) = read(found) else { panic!("a start") };
        (Keeping::new(&loaded), loaded.progress)
    }

    fn answered(services: &[&str]) -> Progress {
        let mut progress = Progress::default();
        progress.answers.set_by_ids("services", services).unwrap();
        progress
    }

    #[test]
    fn each_change_is_written_once_and_nothing_before_it() {
        let (mut keeping, blank) = keeping(Found::Nothing);
        assert!(!keeping.writes(&blank), "a first visit writes nothing");
        let changed = answered(&["intune"]);
        assert!(keeping.writes(&changed));
        assert_eq!(keeping.wrote(&changed, true), None);
        assert!(!keeping.writes(&changed), "not twice");
        assert!(keeping.writes(&blank), "a change back is a change");
    }

    #[test]
    fn a_record_loaded_from_an_earlier_format_is_written_at_once() {
        let Reading::Ready(loaded) = read(Found::Record(include_str!("../../tests/fixtures/saved_v1.json"))) else {
            panic!("a start")
        };
        assert!(Keeping::new(&loaded).writes(&loaded.progress));
        let (up_to_date, progress) = keeping(Found::Record(SAVED_V2));
        assert!(!up_to_date.writes(&progress));
    }

    #[test]
    fn a_failed_write_is_said_once_and_tried_again_at_the_next_change() {
        let (mut keeping, _) = keeping(Found::Nothing);
        let first = answered(&["intune"]);
        let notice = keeping.wrote(&first, false).expect("said");
        assert_eq!(notice.kind, Kind::SavingStopped);
        assert_eq!(keeping.store(), Store::Failing);
        assert!(keeping.writes(&first), "still not in storage");
        let second = answered(&["intune", "aad_premium"]);
        assert_eq!(keeping.wrote(&second, false), None, "not said at every change");
        let notice = keeping.wrote(&second, true).expect("said");
        assert_eq!(notice.kind, Kind::SavingWorksAgain);
        assert_eq!(keeping.store(), Store::Local);
        assert!(!keeping.writes(&second));
    }

    #[test]
    fn memory_writes_nothing_and_follows_no_tab() {
        let (mut keeping, blank) = keeping(Found::Blocked);
        assert!(!keeping.writes(&answered(&["intune"])));
        assert_eq!(keeping.other_tab(Some(PROGRESS_KEY), Some(SAVED_V2), &blank), OtherTab::Ignore);
        assert_eq!(keeping.other_tab(Some(PROGRESS_KEY), Some(r#"{"format":99}"#), &blank), OtherTab::Ignore);
    }

    #[test]
    fn another_tab_s_record_is_followed_on_this_tab_s_step_and_not_written_back() {
        let (mut keeping, _) = keeping(Found::Nothing);
        let mine = Progress { step: "aad".into(), ..Progress::from_json(SAVED_V2).unwrap() };
        keeping.wrote(&mine, true);
        let theirs = Progress { step: "services".into(), ..answered(&["aad_premium", "intune"]) };
        let record = theirs.to_json();
        let OtherTab::Follow { progress, moved } = keeping.other_tab(Some(PROGRESS_KEY), Some(&record), &mine) else {
            panic!("followed")
        };
        assert!(!moved, "this tab's step is still there");
        assert_eq!(progress.step, "aad");
        assert_eq!(progress.answers, theirs.answers);
        assert!(!keeping.writes(&progress), "following is not a change of this tab's");
        // Their record again, now that this tab shows it: nothing changes.
        assert_eq!(keeping.other_tab(Some(PROGRESS_KEY), Some(&record), &progress), OtherTab::Ignore);
    }

    #[test]
    fn a_tab_whose_step_went_away_moves_to_the_other_tab_s() {
        let (mut keeping, _) = keeping(Found::Nothing);
        let mine = Progress::from_json(SAVED_V2).unwrap();
        let theirs = Progress { step: "services".into(), ..answered(&["intune"]) };
        let followed = keeping.other_tab(Some(PROGRESS_KEY), Some(&theirs.to_json()), &mine);
        assert_eq!(followed, OtherTab::Follow { progress: theirs, moved: true });
    }

    #[test]
    fn a_record_removed_elsewhere_is_followed_as_a_fresh_start() {
        let (mut keeping, _) = keeping(Found::Record(SAVED_V2));
        let mine = Progress::from_json(SAVED_V2).unwrap();
        let OtherTab::Follow { progress, .. } = keeping.other_tab(Some(PROGRESS_KEY), None, &mine) else {
            panic!("followed")
        };
        assert!(progress.is_blank());
    }

    #[test]
    fn other_keys_and_unreadable_records_change_nothing() {
        let (mut keeping, mine) = keeping(Found::Nothing);
        assert_eq!(keeping.other_tab(Some("another/key"), Some(SAVED_V2), &mine), OtherTab::Ignore);
        assert_eq!(keeping.other_tab(None, None, &mine), OtherTab::Ignore, "storage cleared as a whole");
        assert_eq!(keeping.other_tab(Some(PROGRESS_KEY), Some("not json"), &mine), OtherTab::Ignore);
        assert_eq!(keeping.store(), Store::Local);
        assert!(!keeping.writes(&mine), "still what storage holds");
    }

    #[test]
    fn a_newer_version_in_another_tab_stops_this_one_saving() {
        for failing in [false, true] {
            let (mut keeping, mine) = keeping(Found::Nothing);
            if failing {
                keeping.wrote(&answered(&["intune"]), false);
            }
            let OtherTab::Say(notice) = keeping.other_tab(Some(PROGRESS_KEY), Some(r#"{"format":99}"#), &mine) else {
                panic!("said")
            };
            assert_eq!(notice.kind, Kind::NewerElsewhere);
            assert_eq!(keeping.store(), Store::Memory);
            assert!(!keeping.writes(&answered(&["aad_premium"])), "never written again");
        }
    }

    #[test]
    fn a_tab_that_could_not_save_keeps_its_changes_over_another_tab_s() {
        let (mut keeping, _) = keeping(Found::Nothing);
        let written = answered(&["intune"]);
        keeping.wrote(&written, true);
        let unsaved = answered(&["intune", "aad_premium"]);
        keeping.wrote(&unsaved, false);
        let theirs = answered(&["azure_rms"]).to_json();
        assert_eq!(keeping.other_tab(Some(PROGRESS_KEY), Some(&theirs), &unsaved), OtherTab::Ignore);
        assert!(keeping.writes(&written), "storage no longer holds what this tab last wrote");
    }
}
