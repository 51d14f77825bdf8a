//! Scope summaries to share: Markdown for e-mail, tickets and wikis; JSON for other tools; import
//! of a JSON export back into the wizard; and comparison of two scopes.
//!
//! JSON schema `ems-onboarding-scope`, version 1 (README documents every field):
//! `{"schema","version","date","revision","answers":{question:[values]},"counts":{..},
//!   "items":[{"id","phase","section","text","status","reasons":[..],"waiting_for":[..],
//!   "condition","source":{"document","revision","date"},"done"}]}`.
//! Items come in catalog order; items that do not apply are left out.

use crate::answers::Answers;
use crate::catalog::{ItemId, ItemSet, Phase, Revision};
use crate::engine::{evaluate, Counts, ItemScope, Outcome, Scope};
use crate::progress::{answers_from_map, read_object, Progress, ReadError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt::Write;

pub const SCHEMA: &str = "ems-onboarding-scope";
pub const SCHEMA_VERSION: u64 = 1;
/// How the Markdown summary starts (then a comma and the date): what tells it apart when it is
/// pasted to be opened, which it cannot be.
pub const MARKDOWN_TITLE: &str = "# EMS onboarding scope";

/// The items to list: those that apply or wait for an answer, in source order.
fn listed(scope: &Scope) -> impl Iterator<Item = &ItemScope> {
    scope.items.iter().filter(|s| s.outcome != Outcome::NotApplicable)
}

/// The export, as written.
#[derive(Serialize)]
struct ExportOut<'a> {
    schema: &'static str,
    version: u64,
    date: &'a str,
    revision: Revision,
    answers: &'a Answers,
    counts: Counts,
    items: Vec<ItemOut>,
}

#[derive(Serialize)]
struct ItemOut {
    id: &'static str,
    phase: &'static str,
    section: &'static str,
    text: &'static str,
    status: &'static str,
    reasons: Vec<ReasonOut>,
    waiting_for: Vec<&'static str>,
    condition: Option<&'static str>,
    source: SourceOut,
    done: bool,
}

#[derive(Serialize)]
struct ReasonOut {
    question: &'static str,
    values: Vec<&'static str>,
}

#[derive(Serialize)]
struct SourceOut {
    document: &'static str,
    revision: &'static str,
    date: &'static str,
}

impl ItemOut {
    fn new(s: &ItemScope, revision: Revision, done: &ItemSet) -> ItemOut {
        let item = s.item.get();
        let doc = item.source(revision);
        // The export's reasons are those of items that apply; a waiting item's so far are not listed.
        let applies = !matches!(s.outcome, Outcome::Waiting(_));
        let reasons = s.reasons.iter().filter(|_| applies).map(|r| {
            let q = r.question.get();
            let values = q.values.iter().enumerate().filter(|(v, _)| r.values & (1 << v) != 0);
            ReasonOut { question: q.id, values: values.map(|(_, choice)| choice.id).collect() }
        });
        let waiting_for = match &s.outcome {
            Outcome::Waiting(qs) => qs.iter().map(|q| q.get().id).collect(),
            _ => Vec::new(),
        };
        ItemOut {
            id: item.id,
            phase: item.phase().id(),
            section: item.section.get().title,
            text: item.text_in(revision),
            status: s.outcome.as_str(),
            reasons: reasons.collect(),
            waiting_for,
            condition: item.condition_in(revision),
            source: SourceOut { document: doc.file, revision: doc.id, date: doc.date },
            done: done.contains(&s.item),
        }
    }
}

/// The JSON export of `progress`; `date` is the ISO date of the export. Indented two spaces a
/// level, as `serde_json::to_string_pretty` writes.
pub fn to_json(progress: &Progress, date: &str) -> String {
    let scope = evaluate(&progress.answers, progress.revision);
    let export = ExportOut {
        schema: SCHEMA,
        version: SCHEMA_VERSION,
        date,
        revision: progress.revision,
        answers: &progress.answers,
        counts: scope.totals(&progress.done),
        items: listed(&scope).map(|s| ItemOut::new(s, scope.revision, &progress.done)).collect(),
    };
    // Plain structs with string keys cannot fail to serialize; no panic path either way.
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// The fields that say whose document it is, read leniently: any JSON object gets a message
/// saying what it is not.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    schema: Value,
    #[serde(default)]
    version: Value,
}

/// What an import reads of an export: every other field is written for other tools.
#[derive(Deserialize)]
struct ExportIn {
    answers: Option<Map<String, Value>>,
    items: Option<Vec<ItemIn>>,
    revision: Option<String>,
}

#[derive(Deserialize)]
struct ItemIn {
    id: String,
    #[serde(default)]
    done: bool,
}

/// Reads a JSON export back: its answers, done ticks and revision. Anything that is not an export
/// of ours, or not whole, is an error that says what is wrong; nothing is half-read.
pub fn from_json(text: &str) -> Result<Progress, ReadError> {
    let header: Header = read_object(text)?;
    if header.schema.as_str() != Some(SCHEMA) {
        return Err(ReadError::NotOurs(format!("its schema is not \"{SCHEMA}\"")));
    }
    match header.version.as_u64() {
        Some(v) if v > SCHEMA_VERSION => return Err(ReadError::Newer(v)),
        Some(SCHEMA_VERSION) => {}
        _ => return Err(ReadError::NotOurs("its version is missing or unknown".into())),
    }
    let export: ExportIn = read_object(text)?;
    let answers = export.answers.ok_or_else(|| ReadError::NotOurs("it has no answers".into()))?;
    let answers = answers_from_map(&answers, true)?;
    let mut done = ItemSet::new();
    for item in export.items.ok_or_else(|| ReadError::NotOurs("it has no items".into()))? {
        let known = ItemId::by_id(&item.id).ok_or_else(|| {
            ReadError::Unknown(format!("the guidance item `{}` is not in this version of the wizard", item.id))
        })?;
        if item.done {
            done.insert(known);
        }
    }
    let revision = match export.revision.as_deref() {
        None => Revision::CURRENT,
        Some(id) => Revision::by_id(id)
            .ok_or_else(|| ReadError::Unknown(format!("the revision `{id}` is not in this version of the wizard")))?,
    };
    Ok(Progress { answers, step: crate::wizard::SUMMARY.into(), done, revision })
}

/// The Markdown summary: the answers, then each phase as a checklist with its source cited, then
/// what is out of scope or not supported, then what still waits for an answer.
pub fn to_markdown(progress: &Progress, date: &str) -> String {
    let scope = evaluate(&progress.answers, progress.revision);
    let mut md = format!("{MARKDOWN_TITLE}, {date}\n\n");
    md.push_str("What Microsoft helps with during FastTrack onboarding for Enterprise Mobility Suite, for these answers.\n\n## Answers\n\n");
    for q in progress.answers.answered() {
        let r = crate::engine::Reason { question: q, values: progress.answers.bits(q) };
        let _ = writeln!(md, "- {}", r.describe());
    }
    if progress.answers.answered().next().is_none() {
        md.push_str("- No answers yet.\n");
    }
    for w in &scope.warnings {
        let _ = writeln!(md, "- Warning: {}", w.message(&progress.answers));
    }
    for phase in Phase::ALL {
        let in_phase: Vec<_> =
            listed(&scope).filter(|s| s.item.get().phase() == phase && s.outcome == Outcome::InScope).collect();
        if in_phase.is_empty() {
            continue;
        }
        let done = in_phase.iter().filter(|s| progress.done.contains(&s.item)).count();
        let _ = write!(md, "\n## {} phase ({} items, {done} done)\n\n", phase.title(), in_phase.len());
        for s in in_phase {
            markdown_line(&mut md, progress, &scope, s, true);
        }
    }
    for (title, waiting) in [("Out of scope and not supported", false), ("Waiting for an answer", true)] {
        let list: Vec<_> = listed(&scope)
            .filter(|s| s.outcome != Outcome::InScope && matches!(s.outcome, Outcome::Waiting(_)) == waiting)
            .collect();
        if !list.is_empty() {
            let _ = write!(md, "\n## {title}\n\n");
            for s in list {
                markdown_line(&mut md, progress, &scope, s, false);
            }
        }
    }
    let _ = write!(md, "\nSource: {}.\n", scope.revision.quoted_page());
    md
}

/// One list line: `- [x] condition text _(section, date revision; needs: …)_`.
fn markdown_line(md: &mut String, progress: &Progress, scope: &Scope, s: &ItemScope, checkbox: bool) {
    let item = s.item.get();
    let text = item.text_in(scope.revision);
    let doc = item.source(scope.revision);
    md.push_str(if item.parent.is_some() { "  - " } else { "- " });
    if checkbox {
        md.push_str(if progress.done.contains(&s.item) { "[x] " } else { "[ ] " });
    } else {
        let _ = write!(md, "**{}**: ", s.outcome.words());
    }
    // The condition line, unless the item's text already says it.
    let says = |c: &str| text.to_ascii_lowercase().contains(&c.to_ascii_lowercase());
    if let Some(c) = item.condition_in(scope.revision).filter(|c| !says(c)) {
        let _ = write!(md, "{c} ");
    }
    let _ = write!(md, "{text} _({}, {} revision", item.section.get().title, doc.name);
    if let Outcome::Waiting(qs) = &s.outcome {
        let needs: Vec<&str> = qs.iter().map(|q| q.get().short).collect();
        let _ = write!(md, "; needs: {}", needs.join(", "));
    }
    md.push_str(")_\n");
}

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
pub fn compare(ours: &Progress, theirs: &Progress) -> Vec<(ItemId, Difference)> {
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
        let rows = compare(ours, theirs).into_iter().map(|(id, d)| (wording(id), d.words())).collect();
        Comparison { rows, made_with: Progress { step: String::new(), ..ours.clone() } }
    }

    /// Whether the rows still hold for `ours`: the same answers, ticks and revision (the step on
    /// screen does not count).
    pub fn holds_for(&self, ours: &Progress) -> bool {
        let made = &self.made_with;
        made.answers == ours.answers && made.done == ours.done && made.revision == ours.revision
    }
}
