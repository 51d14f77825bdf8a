//! The guidance list: phase by phase, with counts, done ticks, why each item is there and where it
//! comes from, the revision switch, and a polite live summary of what changed.

use crate::app::use_wizard;
use crate::dom::{el, tag, El};
use crate::steps::clear_answer;
use crate::reactive::*;
use scope::catalog::{Document, ItemId, Phase, Rev, Revision, SectionId};
use scope::engine::{ItemScope, Outcome, Warning};

/// The ids listed as applying (in, out of scope or not supported), for the change summary.
fn applying(items: &[ItemScope]) -> Vec<ItemId> {
    items
        .iter()
        .filter(|s| matches!(s.outcome, Outcome::InScope | Outcome::OutOfScope | Outcome::NotSupported))
        .map(|s| s.item)
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The right-hand side: totals, revision switch, warnings, the phases and what is set apart.
pub fn guidance_panel() -> El {
    let wizard = use_wizard();
    let scope = wizard.scope;

    // The live region says what changed, not the whole list.
    let announcement = RwSignal::new(String::new());
    let mut previous = None::<Vec<ItemId>>;
    crate::dom::effect(Box::new(move || {
        let now = scope.with(|s| applying(&s.items));
        if let Some(before) = &previous {
            let added = now.iter().filter(|i| !before.contains(i)).count();
            let removed = before.iter().filter(|i| !now.contains(i)).count();
            if added + removed > 0 {
                let mut parts = Vec::new();
                if added > 0 {
                    parts.push(format!("{} added", plural(added, "item", "items")));
                }
                if removed > 0 {
                    parts.push(format!("{} removed", plural(removed, "item", "items")));
                }
                announcement.set(format!("Guidance list updated: {}.", parts.join(", ")));
            }
        }
        previous = Some(now);
    }));

    let totals = move || {
        let c = scope.with(|s| s.counts(None));
        let done = wizard.progress.with(|p| scope.with(|s| s.done_count(&p.done, None)));
        let mut text = format!("{} in scope, {} done", c.in_scope, done);
        if c.out_of_scope + c.not_supported > 0 {
            text.push_str(&format!(", {} out of scope or not supported", c.out_of_scope + c.not_supported));
        }
        if c.waiting > 0 {
            text.push_str(&format!(", {} waiting for an answer", c.waiting));
        }
        text
    };
    let set_apart = move || {
        scope.with(|s| {
            s.items
                .iter()
                .filter(|i| matches!(i.outcome, Outcome::OutOfScope | Outcome::NotSupported))
                .map(|i| (s.revision, i.clone()))
                .collect::<Vec<_>>()
        })
    };

    el("section")
        .class("guidance")
        .attr("aria-labelledby", "guidance-heading")
        .child(
            el("div")
                .class("guidance-head")
                .child(tag("h2", "", "Your guidance list").id("guidance-heading"))
                .child(el("p").class("totals").text_with(totals))
                .child(revision_switch())
                .child(
                    el("p")
                        .class("visually-hidden")
                        .attr("role", "status")
                        .attr("aria-live", "polite")
                        .id("guidance-live")
                        .text_with(move || announcement.get()),
                ),
        )
        .child(print_header())
        .child(warnings())
        .children(Phase::ALL.into_iter().map(phase_block))
        .child(
            el("section")
                .class("set-apart")
                .class_with("hidden", move || set_apart().is_empty())
                .attr("aria-labelledby", "set-apart-heading")
                .child(tag("h3", "", "Out of scope and not supported").id("set-apart-heading"))
                .child(tag("p", "help", "The source says plainly that Microsoft does not do these in your case."))
                .child(el("ul").class("items").list(set_apart, item_row)),
        )
}

fn revision_switch() -> El {
    let wizard = use_wizard();
    let radio = |id: &str, revision: Revision, label: &str| {
        [
            el("input")
                .attr("type", "radio")
                .id(id)
                .attr("name", "revision")
                .checked_with(move || wizard.progress.with(|p| p.revision == revision))
                .on("change", move |_| wizard.set_progress.update(|p| p.revision = revision)),
            tag("label", "", label).attr("for", id),
        ]
    };
    el("fieldset")
        .class("revision-switch")
        .child(tag("legend", "", "Source text"))
        .children(radio("rev-current", Revision::Current, &format!("Current ({})", Document::later().date)))
        .children(radio("rev-earlier", Revision::Earlier, "Earlier revision"))
}

/// Warnings about answers, listed above the guidance as well as beside the questions, each
/// answer kept but ignored with a button to clear it (its step may no longer be shown).
fn warnings() -> El {
    let wizard = use_wizard();
    let warnings = move || {
        wizard.scope.with(|s| {
            wizard.progress.with_untracked(|p| {
                let shown = scope::wizard::steps(&p.answers);
                s.warnings
                    .iter()
                    .map(|w| {
                        // The step shows its own clear button where it is on screen.
                        let ignored = match w {
                            Warning::Ignored { question } if !shown.contains(&question.get().step.get().id) => Some(*question),
                            _ => None,
                        };
                        (w.message(&p.answers), ignored)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    el("div")
        .class("warnings")
        .class_with("hidden", move || warnings().is_empty())
        .child(tag("h3", "", "Answers to look at"))
        .child(el("ul").list(
            warnings,
            |(message, ignored)| {
                let item = tag("li", "", message);
                match ignored {
                    Some(q) => item.text(" ").child(clear_answer(*q)),
                    None => item,
                }
            },
        ))
}

fn phase_block(phase: Phase) -> El {
    let wizard = use_wizard();
    let scope = wizard.scope;
    let listed = move |s: &ItemScope| s.item.get().phase() == phase && matches!(s.outcome, Outcome::InScope | Outcome::Waiting(_));
    let sections = move || {
        scope.with(|s| {
            let mut out: Vec<SectionId> = Vec::new();
            for i in s.items.iter().filter(|i| listed(i)) {
                let sec = i.item.get().section;
                if !out.contains(&sec) {
                    out.push(sec);
                }
            }
            out
        })
    };
    let counts = move || {
        let c = scope.with(|s| s.counts(Some(phase)));
        let done = wizard.progress.with(|p| scope.with(|s| s.done_count(&p.done, Some(phase))));
        let mut text = format!("{} in scope, {} done", c.in_scope, done);
        if c.waiting > 0 {
            text.push_str(&format!(", {} waiting", c.waiting));
        }
        text
    };
    let heading_id = format!("phase-{}", phase.title().to_ascii_lowercase());
    el("section")
        .class("phase")
        .attr("aria-labelledby", &heading_id)
        .child(tag("h3", "", &format!("{} phase", phase.title())).id(&heading_id).child(el("span").class("count").text_with(counts)))
        .list(sections, move |section| section_block(*section, listed))
}

fn section_block(section: SectionId, listed: impl Fn(&ItemScope) -> bool + Copy + 'static) -> El {
    let wizard = use_wizard();
    let sec = section.get();
    let rows = move || {
        wizard.scope.with(|s| {
            s.items.iter().filter(|i| i.item.get().section == section && listed(i)).map(|i| (s.revision, i.clone())).collect::<Vec<_>>()
        })
    };
    // The phase heading already says the phase; a section heading adds what follows the dash.
    // Found bytewise: a `&str` pattern would link core's two-way string search (issue 7).
    let subtitle = sec.title.as_bytes().windows(3).position(|w| w == b" - ").and_then(|p| sec.title.get(p + 3..));
    el("div")
        .class("section")
        .child_if(subtitle.map(|t| tag("h4", "", t)))
        .child_if(sec.lead.map(|l| tag("p", "lead", l)))
        .child(el("ul").class("items").list(rows, item_row))
}

/// A row is drawn again when anything it shows changes (outcome, reasons or revision): the
/// list's items are the whole (revision, item scope) pairs.
fn item_row((revision, row): &(Revision, ItemScope)) -> El {
    let revision = *revision;
    let wizard = use_wizard();
    let id = row.item;
    let item = id.get();
    let text = item.text_in(revision);
    let input_id = format!("done-{}", item.id);
    let (badge, class) = match &row.outcome {
        Outcome::InScope => (None, "item in-scope"),
        Outcome::OutOfScope => (Some("Out of scope".to_string()), "item out-of-scope"),
        Outcome::NotSupported => (Some("Not supported".to_string()), "item not-supported"),
        Outcome::Waiting(qs) => (
            Some(format!("Waiting for: {}", qs.iter().map(|q| q.get().short).collect::<Vec<_>>().join(", "))),
            "item waiting",
        ),
        Outcome::NotApplicable => (None, "item"),
    };
    let change = revision_change(id, revision);
    let doc = item.source(revision);
    let reasons: Vec<String> = row.reasons.iter().map(|r| r.describe()).collect();
    let condition = item.condition_in(revision);
    let mut class = class.to_string();
    if item.parent.is_some() {
        class.push_str(" nested");
    }
    if item.note {
        class.push_str(" note");
    }
    let line = el("div").class("item-line");
    // Notes inform; only guidance lines are tasks to tick.
    let line = if row.outcome == Outcome::InScope && !item.note {
        line.child(
            el("input")
                .attr("type", "checkbox")
                .id(&input_id)
                .checked_with(move || wizard.progress.with(|p| p.done.contains(&id)))
                .on("change", move |_| {
                    wizard.set_progress.update(|p| {
                        if !p.done.remove(&id) {
                            p.done.insert(id);
                        }
                    })
                }),
        )
        .child(tag("label", "", text).attr("for", &input_id))
    } else {
        line.child(tag("span", "text", text))
    };
    let why = if reasons.is_empty() { "Part of every onboarding.".to_string() } else { format!("Because of your answers: {}.", reasons.join("; ")) };
    let source = format!("{}, revision of {} ({}), section \u{201c}{}\u{201d}", doc.title, doc.date, doc.file, item.section.get().title);
    let mut facts = vec![("Why it is here", why)];
    if let Some(c) = condition {
        facts.push(("Condition in the source", c.to_string()));
    }
    facts.push(("Source", source));
    if let Some(c) = &change {
        facts.push(("What changed", c.1.clone()));
    }
    el("li")
        .class(&class)
        .child(
            line.child_if(badge.map(|b| tag("span", "badge", &b)))
                .child_if(change.map(|c| tag("span", "badge change", &c.0))),
        )
        .child(
            el("details")
                .class("provenance")
                .child(tag("summary", "", "Why and where from").child(tag("span", "visually-hidden", &format!(": {text}"))))
                .child(el("dl").children(facts.into_iter().flat_map(|(term, detail)| [tag("dt", "", term), tag("dd", "", &detail)]))),
        )
}

/// A short badge and a sentence on how the item differs between the two revisions.
fn revision_change(id: ItemId, revision: Revision) -> Option<(String, String)> {
    let item = id.get();
    let later = Document::later().date;
    let quote = |text: Option<&str>, condition: Option<&str>| {
        [condition, text].into_iter().flatten().map(|t| format!("\u{201c}{t}\u{201d}")).collect::<Vec<_>>().join(" ")
    };
    match (revision, item.rev, item.carried) {
        (Revision::Current, Rev::EarlierOnly, true) => Some((
            "From the earlier page".into(),
            "The later page has no Azure Rights Management section; this line is from the earlier page.".into(),
        )),
        (Revision::Current, Rev::LaterOnly, _) => Some((format!("New on {later}"), "Not on the earlier page.".into())),
        (Revision::Earlier, Rev::EarlierOnly, false) => Some(("Dropped later".into(), format!("The {later} page no longer lists this."))),
        (_, Rev::Both, _) if item.reworded() => Some(match revision {
            Revision::Current => ("Reworded".into(), format!("The earlier page said: {}", quote(item.earlier, item.condition_earlier))),
            Revision::Earlier => (
                "Reworded later".into(),
                format!("The {later} page says: {}", quote(item.earlier.map(|_| item.text), item.condition_earlier.and(item.condition))),
            ),
        }),
        _ => None,
    }
}

/// On paper only: the date and the answers the list is for.
fn print_header() -> El {
    let wizard = use_wizard();
    let answers = move || {
        wizard.progress.with(|p| {
            p.answers
                .answered()
                .map(|q| scope::engine::Reason { question: q, values: p.answers.bits(q) }.describe())
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    el("div")
        .class("print-only")
        .child(el("p").text_with(move || {
            let answers = answers();
            let answers = if answers.is_empty() { "none yet" } else { &answers };
            format!("Scope as of {}. Answers: {answers}.", crate::browser::today())
        }))
}
