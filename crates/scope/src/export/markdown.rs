//! The Markdown summary: a checklist per phase with its source cited, for e-mail, tickets and
//! wikis. It cannot be read back (`import::read_scope` says so when one is pasted).

use super::listed;
use crate::catalog::Phase;
use crate::engine::{evaluate, ItemScope, Outcome, Scope};
use crate::progress::Progress;
use std::fmt::Write;

/// How the Markdown summary starts (then a comma and the date): what tells it apart when it is
/// pasted to be opened, which it cannot be.
pub const MARKDOWN_TITLE: &str = "# EMS onboarding scope";

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
