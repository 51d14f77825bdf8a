//! The scope engine: for each catalog item, whether it applies to the customer's case, and why.

use crate::answers::Answers;
use crate::catalog::{Clause, ItemId, ItemSet, Phase, QuestionId, Revision, Verdict, CONFLICTS, ITEMS};
use std::borrow::Cow;

/// What the engine says of one item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Outcome {
    InScope,
    /// Applies to the case, and the source says Microsoft does not do it.
    OutOfScope,
    /// Applies to the case, and the source says it is not supported.
    NotSupported,
    /// Depends on these questions, not yet answered.
    Waiting(Vec<QuestionId>),
    /// Does not apply to the case.
    NotApplicable,
}

impl Outcome {
    /// A stable name, used in exports.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::InScope => "in_scope",
            Outcome::OutOfScope => "out_of_scope",
            Outcome::NotSupported => "not_supported",
            Outcome::Waiting(_) => "waiting",
            Outcome::NotApplicable => "not_applicable",
        }
    }

    /// The outcome in words, as the Markdown summary and a comparison name it.
    pub fn words(&self) -> &'static str {
        match self {
            Outcome::InScope => "in scope",
            Outcome::OutOfScope => "out of scope",
            Outcome::NotSupported => "not supported",
            Outcome::Waiting(_) => "waiting for an answer",
            Outcome::NotApplicable => "not applicable",
        }
    }
}

/// An answer that brought an item in: question `question` has (some of) the values in `values`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reason {
    pub question: QuestionId,
    pub values: u32,
}

impl Reason {
    /// "Accounts: One on-premises Active Directory forest".
    pub fn describe(&self) -> String {
        let q = self.question.get();
        let values = q.values.iter().enumerate().filter(|(v, _)| self.values & (1 << v) != 0);
        let labels: Vec<&str> = values.map(|(_, choice)| choice.label).collect();
        format!("{}: {}", q.short, labels.join(", "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemScope {
    pub item: ItemId,
    pub outcome: Outcome,
    /// The answers that satisfied parts of the item's condition: for an item that applies, those
    /// that brought it in; for one waiting, those known so far (empty for items that always
    /// apply, and for items that do not apply).
    pub reasons: Vec<Reason>,
}

impl ItemScope {
    /// "Why it is here", in words: the answers the item depends on so far and what it still
    /// waits for, or that it is part of every onboarding (an item with no condition).
    pub fn why(&self) -> String {
        if self.item.get().when.is_empty() {
            return "Part of every onboarding.".to_string();
        }
        let reasons = self.reasons.iter().map(Reason::describe).collect::<Vec<_>>().join("; ");
        let waiting = match &self.outcome {
            Outcome::Waiting(qs) => qs.iter().map(|q| q.get().short).collect::<Vec<_>>().join(", "),
            _ => String::new(),
        };
        match (reasons.is_empty(), waiting.is_empty()) {
            (false, false) => format!("Because of your answers: {reasons}; waiting for: {waiting}."),
            (false, true) => format!("Because of your answers: {reasons}."),
            (true, false) => format!("Waiting for: {waiting}."),
            (true, true) => "Not part of your scope: your answers do not meet its condition.".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Answers that make no sense together.
    Conflict { conflict: &'static str, message: &'static str, questions: Vec<QuestionId> },
    /// An answer to a question that no longer applies: kept, but ignored.
    Ignored { question: QuestionId },
}

impl Warning {
    /// The questions the warning names, so the UI can show it beside them.
    pub fn questions(&self) -> Vec<QuestionId> {
        match self {
            Warning::Conflict { questions, .. } => questions.clone(),
            Warning::Ignored { question } => vec![*question],
        }
    }

    pub fn message(&self, answers: &Answers) -> String {
        let describe = |q: QuestionId, values: u32| Reason { question: q, values }.describe();
        match self {
            Warning::Conflict { message, questions, .. } => {
                let answers: Vec<String> = questions.iter().map(|&q| describe(q, answers.bits(q))).collect();
                format!("{message} ({})", answers.join("; "))
            }
            Warning::Ignored { question } => {
                // Clauses are joined by "and", the atoms of a clause by "or".
                let clauses: Vec<String> = question
                    .get()
                    .applies_when
                    .iter()
                    .map(|clause| {
                        clause.0.iter().map(|a| describe(a.question, a.values)).collect::<Vec<_>>().join(" or ")
                    })
                    .collect();
                let answer = describe(*question, answers.bits(*question));
                format!("{answer} is kept but ignored: it applies only with {}.", clauses.join(" and "))
            }
        }
    }
}

/// The guidance for one answer set, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub revision: Revision,
    /// Every item of the revision, in catalog (source) order.
    pub items: Vec<ItemScope>,
    pub warnings: Vec<Warning>,
}

/// Counts of one phase or of the whole list, with `done` the ticks on items in scope: the whole
/// list's are what the JSON export and the portal messages report (serialized in this field order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub in_scope: usize,
    pub out_of_scope: usize,
    pub not_supported: usize,
    pub waiting: usize,
    pub done: usize,
}

impl Scope {
    /// [`Counts`] of the whole list.
    pub fn totals(&self, done: &ItemSet) -> Counts {
        self.counts(done, None)
    }

    pub fn get(&self, item: ItemId) -> Option<&ItemScope> {
        // `items` is in catalog order, the order of the ids.
        self.items.binary_search_by_key(&item, |s| s.item).ok().map(|at| &self.items[at])
    }

    /// The state of `item` here: an item the revision does not have does not apply. Borrowed
    /// where the scope lists it, so a caller that only compares copies nothing.
    pub fn state_of(&self, item: ItemId) -> Cow<'_, ItemScope> {
        match self.get(item) {
            Some(listed) => Cow::Borrowed(listed),
            None => Cow::Owned(ItemScope { item, outcome: Outcome::NotApplicable, reasons: Vec::new() }),
        }
    }

    /// Counts of one phase, or of all. Ticks on items that no longer apply are kept but not counted.
    pub fn counts(&self, done: &ItemSet, phase: Option<Phase>) -> Counts {
        let mut c = Counts::default();
        for s in self.items.iter().filter(|s| phase.is_none_or(|p| s.item.get().phase() == p)) {
            match s.outcome {
                Outcome::InScope => {
                    c.in_scope += 1;
                    c.done += usize::from(done.contains(&s.item));
                }
                Outcome::OutOfScope => c.out_of_scope += 1,
                Outcome::NotSupported => c.not_supported += 1,
                Outcome::Waiting(_) => c.waiting += 1,
                Outcome::NotApplicable => {}
            }
        }
        c
    }
}

/// Whether a question is asked, given the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    Yes,
    No,
    /// Not known until these questions are answered.
    Unknown(Vec<QuestionId>),
}

/// Whether `q` is asked. Gating questions come earlier in the catalog (build.rs checks it), so
/// this recursion ends.
pub fn applies(answers: &Answers, q: QuestionId) -> Applies {
    eval_clauses(answers, q.get().applies_when).0.into()
}

/// Three-valued truth: a condition may hang on a question not yet answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Truth {
    True,
    False,
    Unknown(Vec<QuestionId>),
}

impl From<Truth> for Applies {
    fn from(t: Truth) -> Applies {
        match t {
            Truth::True => Applies::Yes,
            Truth::False => Applies::No,
            Truth::Unknown(q) => Applies::Unknown(q),
        }
    }
}

/// Adds `q` unless it is there already.
fn push_unique(into: &mut Vec<QuestionId>, q: QuestionId) {
    if !into.contains(&q) {
        into.push(q);
    }
}

fn merge(into: &mut Vec<QuestionId>, more: Vec<QuestionId>) {
    for q in more {
        push_unique(into, q);
    }
}

/// Evaluates clauses joined by "and", each of atoms joined by "or". Returns the truth and the
/// answers that satisfied clauses: when true, those that made it so; when unknown, those known so
/// far; none when false.
pub(crate) fn eval_clauses(answers: &Answers, clauses: &[Clause]) -> (Truth, Vec<Reason>) {
    let mut waiting = Vec::new();
    let mut reasons = Vec::new();
    for clause in clauses {
        let mut clause_waiting = Vec::new();
        let mut hit = false;
        for atom in clause.0 {
            match applies(answers, atom.question) {
                Applies::No => continue,
                Applies::Unknown(qs) => {
                    merge(&mut clause_waiting, qs);
                    push_unique(&mut clause_waiting, atom.question);
                }
                Applies::Yes => {
                    let picked = answers.bits(atom.question);
                    if picked & atom.values != 0 {
                        hit = true;
                        reasons.push(Reason { question: atom.question, values: picked & atom.values });
                    } else if picked == 0 {
                        push_unique(&mut clause_waiting, atom.question);
                    }
                }
            }
        }
        if !hit {
            if clause_waiting.is_empty() {
                return (Truth::False, Vec::new());
            }
            merge(&mut waiting, clause_waiting);
        }
    }
    if waiting.is_empty() {
        (Truth::True, reasons)
    } else {
        waiting.sort_unstable();
        (Truth::Unknown(waiting), reasons)
    }
}

/// Answers in, guidance out: every item of `revision` with its outcome and reasons, and the
/// warnings for answers that conflict or no longer apply.
pub fn evaluate(answers: &Answers, revision: Revision) -> Scope {
    let items = ItemId::all()
        .filter(|id| id.get().in_revision(revision))
        .map(|id| {
            let item = id.get();
            let (truth, reasons) = eval_clauses(answers, item.when);
            let outcome = match truth {
                Truth::False => Outcome::NotApplicable,
                Truth::Unknown(q) => Outcome::Waiting(q),
                Truth::True => match item.verdict {
                    Verdict::InScope => Outcome::InScope,
                    Verdict::OutOfScope => Outcome::OutOfScope,
                    Verdict::NotSupported => Outcome::NotSupported,
                },
            };
            ItemScope { item: id, outcome, reasons }
        })
        .collect();
    Scope { revision, items, warnings: warnings(answers) }
}

/// Conflicting answers, then answers kept but ignored, in catalog order.
pub fn warnings(answers: &Answers) -> Vec<Warning> {
    let mut out = Vec::new();
    for conflict in CONFLICTS {
        if let (Truth::True, reasons) = eval_clauses(answers, conflict.when) {
            let questions = reasons.iter().map(|r| r.question).collect();
            out.push(Warning::Conflict { conflict: conflict.id, message: conflict.message, questions });
        }
    }
    for q in answers.answered() {
        if applies(answers, q) == Applies::No {
            out.push(Warning::Ignored { question: q });
        }
    }
    out
}

/// How many items the catalog has, for tests and sizing.
pub fn item_count() -> usize {
    ITEMS.len()
}
