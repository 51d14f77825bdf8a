//! The wizard's notices to the person: what each one is (its [`Kind`]), and which notices give way
//! when another comes. Behaviour hangs on the kind, never on the words, so rewording a message
//! changes nothing else. The app keeps the list and draws it (`Wizard::notify`).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// What a notice is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The browser does not let the wizard save: progress lives in the tab only.
    StorageBlocked,
    /// The saved record was written in an earlier format and was updated.
    RecordMigrated,
    /// The saved record was written by a newer version: left untouched, this tab keeps nothing.
    RecordNewer,
    /// The saved record could not be read (kept aside, or left untouched).
    RecordUnreadable,
    /// Writes fail (storage full or taken away); the next change tries again.
    SavingStopped,
    /// A newer version saved in another tab: this one no longer saves.
    NewerElsewhere,
    /// Writes work again after [`Kind::SavingStopped`]: said in its place.
    SavingWorksAgain,
    /// What the person's latest action led to: a link or import opened, kept or refused, a
    /// restart.
    Outcome,
}

impl Kind {
    /// An outcome is replaced by the next one; any other notice is a standing condition, shown
    /// until dismissed.
    pub fn is_outcome(self) -> bool {
        matches!(self, Kind::Outcome | Kind::SavingWorksAgain)
    }

    /// Whether a notice of kind `shown` stays when one of this kind arrives. An outcome replaces
    /// the outcomes before it ("kept yours" and then "opened" must not stand side by side).
    /// Saving working again ends the condition it settles, and leaves the outcomes shown: it is
    /// not what the person's latest action led to, only something that happened with it.
    pub fn keeps(self, shown: Kind) -> bool {
        match self {
            Kind::Outcome => !shown.is_outcome(),
            Kind::SavingWorksAgain => shown != Kind::SavingStopped,
            _ => true,
        }
    }

    /// Whether a notice of this kind is added where notices of `shown` kinds are: a kind is shown
    /// once (a condition met again is not said twice).
    pub fn adds(self, mut shown: impl Iterator<Item = Kind>) -> bool {
        !shown.any(|kind| kind == self)
    }

    /// Whether this notice is said in a partner's frame, where the embed bar says where progress
    /// is kept in place of the blocked-storage notice.
    pub fn said_in_frame(self) -> bool {
        self != Kind::StorageBlocked
    }
}

/// A notice to show: its kind, its tone and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: Kind,
    pub tone: Tone,
    pub text: String,
}

impl Notice {
    pub fn new(kind: Kind, tone: Tone, text: impl Into<String>) -> Notice {
        Notice { kind, tone, text: text.into() }
    }

    /// An outcome of the person's action.
    pub fn outcome(tone: Tone, text: impl Into<String>) -> Notice {
        Notice::new(Kind::Outcome, tone, text)
    }
}

/// Adds `notice` to `shown` as the rules above say; true when it was added. The app's list
/// carries an id per notice, so this works on any list that can name each notice's kind.
pub fn arrive<T>(shown: &mut Vec<T>, kind: Kind, kind_of: impl Fn(&T) -> Kind, make: impl FnOnce() -> T) -> bool {
    shown.retain(|n| kind.keeps(kind_of(n)));
    let added = kind.adds(shown.iter().map(&kind_of));
    if added {
        shown.push(make());
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use Kind::*;

    /// The kinds of the list after `kinds` arrive one by one.
    fn after(kinds: &[Kind]) -> Vec<Kind> {
        let mut shown = Vec::new();
        for &kind in kinds {
            arrive(&mut shown, kind, |k| *k, || kind);
        }
        shown
    }

    #[test]
    fn an_outcome_replaces_the_last_outcome_and_leaves_conditions() {
        assert_eq!(after(&[StorageBlocked, Outcome, Outcome]), [StorageBlocked, Outcome]);
        assert_eq!(after(&[SavingWorksAgain, Outcome]), [Outcome], "saving works again is an outcome too");
        assert_eq!(after(&[Outcome, SavingStopped]), [Outcome, SavingStopped], "a condition replaces no outcome");
    }

    #[test]
    fn a_condition_is_said_once() {
        assert_eq!(after(&[SavingStopped, SavingStopped]), [SavingStopped]);
        assert_eq!(after(&[RecordMigrated, NewerElsewhere, RecordMigrated]), [RecordMigrated, NewerElsewhere]);
    }

    #[test]
    fn saving_works_again_settles_saving_stopped_and_keeps_the_outcomes() {
        assert_eq!(after(&[Outcome, SavingStopped, SavingWorksAgain]), [Outcome, SavingWorksAgain]);
        assert_eq!(after(&[SavingStopped, SavingWorksAgain, SavingWorksAgain]), [SavingWorksAgain]);
        assert_eq!(after(&[StorageBlocked, SavingWorksAgain]), [StorageBlocked, SavingWorksAgain]);
    }

    #[test]
    fn the_words_decide_nothing() {
        let mut shown = vec![Notice::new(SavingStopped, Tone::Warning, "same words")];
        assert!(arrive(&mut shown, Outcome, |n| n.kind, || Notice::outcome(Tone::Info, "same words")));
        assert_eq!(shown.len(), 2, "an outcome worded as a condition is still added");
        assert!(!arrive(
            &mut shown,
            SavingStopped,
            |n| n.kind,
            || Notice::new(SavingStopped, Tone::Warning, "new words")
        ));
        assert_eq!(shown[0].text, "same words", "a condition reworded is still the one shown");
    }

    #[test]
    fn only_the_blocked_storage_notice_is_left_to_a_frame_bar() {
        assert!(!StorageBlocked.said_in_frame());
        for kind in
            [RecordMigrated, RecordNewer, RecordUnreadable, SavingStopped, NewerElsewhere, SavingWorksAgain, Outcome]
        {
            assert!(kind.said_in_frame(), "{kind:?}");
        }
    }
}
