//! The JSON export: schema `ems-onboarding-scope`, version 1 (README documents every field):
//! `{"schema","version","date","revision","answers":{question:[values]},"counts":{..},
//!   "items":[{"id","phase","section","text","status","reasons":[..],"waiting_for":[..],
//!   "condition","source":{"document","revision","date"},"done"}]}`.
//! Items come in catalog order; items that do not apply are left out. `import::read_export`
//! reads it back.

use super::listed;
use crate::answers::Answers;
use crate::catalog::{ItemSet, Revision};
use crate::engine::{evaluate, Counts, ItemScope, Outcome};
use crate::progress::Progress;
use serde::Serialize;

pub const SCHEMA: &str = "ems-onboarding-scope";
pub const SCHEMA_VERSION: u64 = 1;

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
