//! Scope summaries to share: Markdown for e-mail, tickets and wikis; JSON for other tools; import
//! of a JSON export back into the wizard; and comparison of two scopes.
//!
//! JSON schema `ems-onboarding-scope`, version 1 (README documents every field):
//! `{"schema","version","date","revision","answers":{question:[values]},"counts":{..},
//!   "items":[{"id","phase","section","text","status","reasons":[..],"waiting_for":[..],
//!   "condition","source":{"document","revision","date"},"done"}]}`.
//! Items come in catalog order; items that do not apply are left out.

use crate::catalog::{ItemId, ItemSet, Phase, Revision};
use crate::engine::{evaluate, Outcome, Scope};
use crate::json::{Json, Writer};
use crate::progress::{answers_from_json, read_object, write_answers, Progress, ReadError};
use crate::push;

pub const SCHEMA: &str = "ems-onboarding-scope";
pub const SCHEMA_VERSION: u64 = 1;

fn revision_name(r: Revision) -> &'static str {
    match r {
        Revision::Current => "current",
        Revision::Earlier => "earlier",
    }
}

/// The items to list: those that apply or wait for an answer, in source order.
fn listed(scope: &Scope) -> impl Iterator<Item = &crate::engine::ItemScope> {
    scope
        .items
        .iter()
        .filter(|s| s.outcome != Outcome::NotApplicable)
}

/// The JSON export of `progress`; `date` is the ISO date of the export. Written as it goes
/// (no `Json` tree), indented as `Json::to_pretty` would.
pub fn to_json(progress: &Progress, date: &str) -> String {
    let scope = evaluate(&progress.answers, progress.revision);
    let c = scope.counts(None);
    let mut w = Writer::new(true);
    w.begin('{');
    w.key("schema");
    w.str(SCHEMA);
    w.key("version");
    w.u64(SCHEMA_VERSION);
    w.key("date");
    w.str(date);
    w.key("revision");
    w.str(revision_name(progress.revision));
    w.key("answers");
    write_answers(&mut w, &progress.answers);
    w.key("counts");
    w.begin('{');
    let done = scope.done_count(&progress.done, None);
    let counts = [
        ("in_scope", c.in_scope),
        ("out_of_scope", c.out_of_scope),
        ("not_supported", c.not_supported),
        ("waiting", c.waiting),
        ("done", done),
    ];
    for (key, n) in counts {
        w.key(key);
        w.u64(n as u64);
    }
    w.end('}');
    w.key("items");
    w.begin('[');
    for s in listed(&scope) {
        let item = s.item.get();
        let doc = item.source(scope.revision);
        w.begin('{');
        for (key, value) in [
            ("id", item.id),
            ("phase", item.phase().id()),
            ("section", item.section.get().title),
            ("text", item.text_in(scope.revision)),
            ("status", s.outcome.as_str()),
        ] {
            w.key(key);
            w.str(value);
        }
        w.key("reasons");
        w.begin('[');
        for r in &s.reasons {
            let q = r.question.get();
            w.begin('{');
            w.key("question");
            w.str(q.id);
            w.key("values");
            w.begin('[');
            for (v, choice) in q.values.iter().enumerate() {
                if r.values & (1 << v) != 0 {
                    w.str(choice.id);
                }
            }
            w.end(']');
            w.end('}');
        }
        w.end(']');
        w.key("waiting_for");
        w.begin('[');
        if let Outcome::Waiting(qs) = &s.outcome {
            for q in qs {
                w.str(q.get().id);
            }
        }
        w.end(']');
        w.key("condition");
        w.opt_str(item.condition_in(scope.revision));
        w.key("source");
        w.begin('{');
        for (key, value) in [
            ("document", doc.file),
            ("revision", doc.id),
            ("date", doc.date),
        ] {
            w.key(key);
            w.str(value);
        }
        w.end('}');
        w.key("done");
        w.bool(progress.done.contains(&s.item));
        w.end('}');
    }
    w.end(']');
    w.end('}');
    w.finish()
}

/// Reads a JSON export back: its answers, done ticks and revision. Anything that is not an export
/// of ours, or not whole, is an error that says what is wrong; nothing is half-read.
pub fn from_json(text: &str) -> Result<Progress, ReadError> {
    let root = read_object(text)?;
    if root.get("schema").and_then(Json::as_str) != Some(SCHEMA) {
        return Err(ReadError::NotOurs(format!(
            "its schema is not \"{SCHEMA}\""
        )));
    }
    match root.get("version").and_then(Json::as_u64) {
        Some(SCHEMA_VERSION) => {}
        Some(v) if v > SCHEMA_VERSION => return Err(ReadError::Newer(v)),
        _ => {
            return Err(ReadError::NotOurs(
                "its version is missing or unknown".into(),
            ))
        }
    }
    let answers = answers_from_json(
        root.get("answers")
            .ok_or_else(|| ReadError::NotOurs("it has no answers".into()))?,
        true,
    )?;
    let mut done = ItemSet::new();
    let items = root
        .get("items")
        .and_then(Json::as_array)
        .ok_or_else(|| ReadError::NotOurs("it has no items".into()))?;
    for item in items {
        if item.as_object().is_none() {
            return Err(ReadError::NotOurs("an item is not an object".into()));
        }
        let id = item
            .get("id")
            .and_then(Json::as_str)
            .ok_or_else(|| ReadError::NotOurs("an item has no id".into()))?;
        let known = ItemId::by_id(id)
            .ok_or_else(|| ReadError::Unknown(format!("the guidance item `{id}`")))?;
        if item.get("done").and_then(Json::as_bool).unwrap_or(false) {
            done.insert(known);
        }
    }
    let revision = match root.get("revision").and_then(Json::as_str) {
        Some("earlier") => Revision::Earlier,
        Some("current") | None => Revision::Current,
        Some(other) => return Err(ReadError::Unknown(format!("the revision `{other}`"))),
    };
    Ok(Progress {
        answers,
        step: crate::wizard::SUMMARY.into(),
        done,
        revision,
    })
}

fn status_label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::InScope => "in scope",
        Outcome::OutOfScope => "out of scope",
        Outcome::NotSupported => "not supported",
        Outcome::Waiting(_) => "waiting for an answer",
        Outcome::NotApplicable => "not applicable",
    }
}

/// The Markdown summary: the answers, then each phase as a checklist with its source cited, then
/// what is out of scope or not supported, then what still waits for an answer.
pub fn to_markdown(progress: &Progress, date: &str) -> String {
    let scope = evaluate(&progress.answers, progress.revision);
    let mut md = String::new();
    push(&mut md, &["# EMS onboarding scope, ", date, "\n\n"]);
    md.push_str("What Microsoft helps with during FastTrack onboarding for Enterprise Mobility Suite, for these answers.\n\n## Answers\n\n");
    let mut any = false;
    for q in progress.answers.answered() {
        let r = crate::engine::Reason {
            question: q,
            values: progress.answers.bits(q),
        };
        push(&mut md, &["- ", &r.describe(), "\n"]);
        any = true;
    }
    if !any {
        md.push_str("- No answers yet.\n");
    }
    for w in &scope.warnings {
        push(
            &mut md,
            &["- Warning: ", &w.message(&progress.answers), "\n"],
        );
    }
    for phase in Phase::ALL {
        let in_phase: Vec<_> = listed(&scope)
            .filter(|s| s.item.get().phase() == phase && s.outcome == Outcome::InScope)
            .collect();
        if in_phase.is_empty() {
            continue;
        }
        let done = in_phase
            .iter()
            .filter(|s| progress.done.contains(&s.item))
            .count();
        let (count, done) = (in_phase.len().to_string(), done.to_string());
        push(
            &mut md,
            &[
                "\n## ",
                phase.title(),
                " phase (",
                &count,
                " items, ",
                &done,
                " done)\n\n",
            ],
        );
        for s in in_phase {
            markdown_line(&mut md, progress, &scope, s, true);
        }
    }
    for (title, waiting) in [
        ("Out of scope and not supported", false),
        ("Waiting for an answer", true),
    ] {
        let list: Vec<_> = listed(&scope)
            .filter(|s| {
                s.outcome != Outcome::InScope && matches!(s.outcome, Outcome::Waiting(_)) == waiting
            })
            .collect();
        if !list.is_empty() {
            push(&mut md, &["\n## ", title, "\n\n"]);
            for s in list {
                markdown_line(&mut md, progress, &scope, s, false);
            }
        }
    }
    match scope.revision {
        Revision::Current => push(&mut md, &[
            "\nSource: Microsoft's page on its responsibilities during FastTrack onboarding, revision of ",
            crate::catalog::Document::later().date,
            "; the Azure Rights Management section from the earlier revision.\n",
        ]),
        Revision::Earlier => push(&mut md, &[
            "\nSource: the earlier revision of Microsoft's page on its responsibilities during FastTrack onboarding (\"",
            crate::catalog::Document::earlier().title,
            "\").\n",
        ]),
    }
    md
}

/// One list line: `- [x] condition text _(section, date revision; needs: …)_`.
fn markdown_line(
    md: &mut String,
    progress: &Progress,
    scope: &Scope,
    s: &crate::engine::ItemScope,
    checkbox: bool,
) {
    let item = s.item.get();
    let text = item.text_in(scope.revision);
    let doc = item.source(scope.revision);
    push(md, &[if item.parent.is_some() { "  " } else { "" }, "- "]);
    if checkbox {
        md.push_str(if progress.done.contains(&s.item) {
            "[x] "
        } else {
            "[ ] "
        });
    } else {
        push(md, &["**", status_label(&s.outcome), "**: "]);
    }
    // The condition line, unless the item's text already says it.
    if let Some(c) = item
        .condition_in(scope.revision)
        .filter(|c| !contains_ignore_ascii_case(text, c))
    {
        push(md, &[c, " "]);
    }
    let revision = if doc.id == "later" {
        doc.date
    } else {
        "earlier"
    };
    push(
        md,
        &[
            text,
            " _(",
            item.section.get().title,
            ", ",
            revision,
            " revision",
        ],
    );
    if let Outcome::Waiting(qs) = &s.outcome {
        md.push_str("; needs: ");
        for (i, q) in qs.iter().enumerate() {
            push(md, &[if i > 0 { ", " } else { "" }, q.get().short]);
        }
    }
    md.push_str(")_\n");
}

/// Whether `needle` occurs in `text`, ASCII letters compared without case. A byte search: the
/// library's `str::contains` brings its two-way searcher and slicing panics into the wasm.
fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    // `windows(0)` would panic; the empty string is in every text.
    needle.is_empty()
        || text
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// How one item differs between the scope on screen ("ours") and a loaded one ("theirs").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// In their scope, not in ours.
    OnlyTheirs,
    /// In our scope, not in theirs.
    OnlyOurs,
    /// In both, with another outcome (for example in scope against out of scope).
    Outcome {
        ours: &'static str,
        theirs: &'static str,
    },
    /// In both, ticked done in one only.
    Done { ours: bool, theirs: bool },
}

/// Item by item, what differs between two scopes, in catalog order.
pub fn compare(ours: &Progress, theirs: &Progress) -> Vec<(ItemId, Difference)> {
    let a = evaluate(&ours.answers, ours.revision);
    let b = evaluate(&theirs.answers, theirs.revision);
    let listed = |s: &Scope, id: ItemId| {
        s.get(id)
            .map(|x| x.outcome.clone())
            .filter(|o| *o != Outcome::NotApplicable)
    };
    let mut out = Vec::new();
    for id in ItemId::all() {
        let diff = match (listed(&a, id), listed(&b, id)) {
            (None, None) => None,
            (Some(_), None) => Some(Difference::OnlyOurs),
            (None, Some(_)) => Some(Difference::OnlyTheirs),
            (Some(x), Some(y)) if x.as_str() != y.as_str() => Some(Difference::Outcome {
                ours: x.as_str(),
                theirs: y.as_str(),
            }),
            (Some(_), Some(_)) => {
                let (d1, d2) = (ours.done.contains(&id), theirs.done.contains(&id));
                (d1 != d2).then_some(Difference::Done {
                    ours: d1,
                    theirs: d2,
                })
            }
        };
        out.extend(diff.map(|d| (id, d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::contains_ignore_ascii_case;

    #[test]
    fn byte_search_agrees_with_lowercased_contains() {
        let words = [
            "",
            "a",
            "A",
            "ab",
            "For a single forest:",
            "FOR A SINGLE",
            "single forest",
            "é",
            "É",
            "éa",
            "we’ll",
            "WE’LL",
            "x y",
            " ",
        ];
        for text in words {
            for needle in words {
                let before = text
                    .to_ascii_lowercase()
                    .contains(&needle.to_ascii_lowercase());
                assert_eq!(
                    contains_ignore_ascii_case(text, needle),
                    before,
                    "{text:?} {needle:?}"
                );
            }
        }
        for item in crate::catalog::ITEMS {
            for rev in [crate::Revision::Current, crate::Revision::Earlier] {
                let (text, c) = (item.text_in(rev), item.condition_in(rev).unwrap_or(""));
                assert_eq!(
                    contains_ignore_ascii_case(text, c),
                    text.to_ascii_lowercase().contains(&c.to_ascii_lowercase())
                );
            }
        }
    }
}
