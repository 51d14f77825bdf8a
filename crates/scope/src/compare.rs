//! Comparing two scopes item by item: the scope on screen ("ours") with one opened beside it
//! ("theirs"), as the summary step's compare table shows it.

use crate::catalog::ItemId;
use crate::engine::{evaluate, Outcome, Scope};
use crate::progress::Progress;

/// How one item differs between the scope on screen ("ours") and a loaded one ("theirs").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// In their scope, not listed in ours.
    OnlyTheirs,
    /// In our scope, not listed in theirs.
    OnlyOurs,
    /// Another outcome on each side (for example in scope against out of scope). An item listed
    /// on one side only but not in scope there (waiting for an answer, out of scope) is this,
    /// against `NotApplicable`: "only in yours" would say it is in your scope.
    Outcome { ours: Outcome, theirs: Outcome },
    /// In both, ticked done in one only.
    Done { ours: bool, theirs: bool },
}

impl Difference {
    /// The difference in words, as a compare row says it ("Yours: in scope; theirs: out of scope").
    pub fn words(&self) -> String {
        match self {
            Difference::OnlyTheirs => "Only in theirs".into(),
            Difference::OnlyOurs => "Only in yours".into(),
            Difference::Outcome { ours, theirs } => format!("Yours: {}; theirs: {}", ours.words(), theirs.words()),
            Difference::Done { ours, .. } => format!("Done in {} only", if *ours { "yours" } else { "theirs" }),
        }
    }
}

/// The outcome a compare row gives an item its scope does not list.
const NOT_LISTED: Outcome = Outcome::NotApplicable;

/// Item by item, what differs between two scopes, in catalog order. Two outcomes of one kind
/// are no difference (waiting for other questions on each side, say).
pub fn differences(ours: &Progress, theirs: &Progress) -> Vec<(ItemId, Difference)> {
    let a = evaluate(&ours.answers, ours.revision);
    let b = evaluate(&theirs.answers, theirs.revision);
    let listed = |s: &Scope, id: ItemId| s.get(id).map(|x| x.outcome.clone()).filter(|o| *o != Outcome::NotApplicable);
    let mut out = Vec::new();
    for id in ItemId::all() {
        let diff = match (listed(&a, id), listed(&b, id)) {
            (None, None) => None,
            (Some(Outcome::InScope), None) => Some(Difference::OnlyOurs),
            (None, Some(Outcome::InScope)) => Some(Difference::OnlyTheirs),
            (Some(x), None) => Some(Difference::Outcome { ours: x, theirs: NOT_LISTED }),
            (None, Some(y)) => Some(Difference::Outcome { ours: NOT_LISTED, theirs: y }),
            (Some(x), Some(y)) if x.as_str() != y.as_str() => Some(Difference::Outcome { ours: x, theirs: y }),
            (Some(_), Some(_)) => {
                let (d1, d2) = (ours.done.contains(&id), theirs.done.contains(&id));
                (d1 != d2).then_some(Difference::Done { ours: d1, theirs: d2 })
            }
        };
        out.extend(diff.map(|d| (id, d)));
    }
    out
}

/// A comparison of the scope on screen with a loaded one, as the summary step shows it: its rows
/// hold for the answers, ticks and revision it was made with, and no longer once they change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The item text and the difference in words, in catalog order.
    pub rows: Vec<(&'static str, String)>,
    made_with: Progress,
}

impl Comparison {
    /// Compares `ours` (on screen) with `theirs`. Each row words its item as the revision on
    /// screen does, or as theirs does for an item the revision on screen does not show.
    pub fn new(ours: &Progress, theirs: &Progress) -> Comparison {
        let wording = |id: ItemId| {
            let item = id.get();
            let revision = if item.in_revision(ours.revision) { ours.revision } else { theirs.revision };
            item.text_in(revision)
        };
        let rows = differences(ours, theirs).into_iter().map(|(id, d)| (wording(id), d.words())).collect();
        Comparison { rows, made_with: Progress { step: String::new(), ..ours.clone() } }
    }

    /// Whether the rows still hold for `ours`: the same answers, ticks and revision (the step on
    /// screen does not count).
    pub fn holds_for(&self, ours: &Progress) -> bool {
        let made = &self.made_with;
        made.answers == ours.answers && made.done == ours.done && made.revision == ours.revision
    }
}
