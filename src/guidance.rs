//! The guidance list: phase by phase, with counts, done ticks, why each item is there and where it
//! comes from, the revision switch, and a polite live summary of what changed.

use crate::state::use_wizard;
use crate::steps::ClearAnswer;
use leptos::prelude::*;
use scope::catalog::{ItemId, Phase, Revision, SectionId};
use scope::engine::{ItemScope, Outcome, Warning};
use std::collections::BTreeSet;

/// The ids listed as applying (in, out of scope or not supported), for the change summary.
fn applying(items: &[ItemScope]) -> BTreeSet<ItemId> {
    items
        .iter()
        .filter(|s| matches!(s.outcome, Outcome::InScope | Outcome::OutOfScope | Outcome::NotSupported))
        .map(|s| s.item)
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn GuidancePanel() -> impl IntoView {
    view! {
        <section class="guidance" aria-labelledby="guidance-heading">
            <div class="guidance-head">
                <h2 id="guidance-heading">"Your guidance list"</h2>
                <Totals/>
                <RevisionSwitch/>
                <ChangeAnnouncer/>
            </div>
            <PrintHeader/>
            <Warnings/>
            {Phase::ALL.into_iter().map(|phase| view! { <PhaseBlock phase/> }).collect_view()}
            <SetApart/>
        </section>
    }
}

/// In scope, done, set apart and waiting, over the whole list.
#[component]
fn Totals() -> impl IntoView {
    let wizard = use_wizard();
    let totals = move || {
        let c = wizard.scope.with(|s| s.counts(None));
        let done = wizard.progress.with(|p| wizard.scope.with(|s| s.done_count(&p.done, None)));
        let mut text = format!("{} in scope, {} done", c.in_scope, done);
        if c.out_of_scope + c.not_supported > 0 {
            text.push_str(&format!(", {} out of scope or not supported", c.out_of_scope + c.not_supported));
        }
        if c.waiting > 0 {
            text.push_str(&format!(", {} waiting for an answer", c.waiting));
        }
        text
    };
    view! { <p class="totals">{totals}</p> }
}

/// A polite live region that says what changed ("3 items added"), not the whole list. Opening
/// saved progress right after hydration is not a change to announce.
#[component]
fn ChangeAnnouncer() -> impl IntoView {
    let wizard = use_wizard();
    let announcement = RwSignal::new(String::new());
    Effect::new(move |previous: Option<Option<BTreeSet<ItemId>>>| {
        let now = wizard.scope.with(|s| applying(&s.items));
        if !wizard.ready.get() {
            return None;
        }
        // Once ready, compared with the last run; at the first, with what start-up opened (not
        // a change to announce), so early choices applied with it are announced as the person's.
        let before = previous
            .flatten()
            .unwrap_or_else(|| wizard.opened.with_value(|p| applying(&scope::evaluate(&p.answers, p.revision).items)));
        let added = now.difference(&before).count();
        let removed = before.difference(&now).count();
        let mut parts = Vec::new();
        if added > 0 {
            parts.push(format!("{} added", plural(added, "item", "items")));
        }
        if removed > 0 {
            parts.push(format!("{} removed", plural(removed, "item", "items")));
        }
        if !parts.is_empty() {
            announcement.set(format!("Guidance list updated: {}.", parts.join(", ")));
        }
        Some(now)
    });
    view! { <p class="visually-hidden" role="status" aria-live="polite" id="guidance-live">{move || announcement.get()}</p> }
}

/// What the source says Microsoft does not do in this case.
#[component]
fn SetApart() -> impl IntoView {
    let scope = use_wizard().scope;
    let set_apart = move || {
        scope.with(|s| {
            let apart = s.items.iter().filter(|i| matches!(i.outcome, Outcome::OutOfScope | Outcome::NotSupported));
            apart.map(|i| (s.revision, i.clone())).collect::<Vec<_>>()
        })
    };
    view! {
        <section class="set-apart" class:hidden=move || set_apart().is_empty() aria-labelledby="set-apart-heading">
            <h3 id="set-apart-heading">"Out of scope and not supported"</h3>
            <p class="help">"The source says plainly that Microsoft does not do these in your case."</p>
            <ItemList rows=set_apart placed=true/>
        </section>
    }
}

/// One radio button per revision, newest first, each saying what changed on its page since the
/// one before ("3 new, 5 reworded, 1 dropped since the earlier page").
#[component]
fn RevisionSwitch() -> impl IntoView {
    // Each option is a component, listed as the phases are.
    view! {
        <fieldset class="revision-switch" disabled=move || !use_wizard().ready.get()>
            <legend>"Source text"</legend>
            {Revision::all().rev().map(|r| view! { <RevisionOption r/> }).collect_view()}
        </fieldset>
    }
}

/// "Current (10/02/2016)" for the newest revision, "Earlier revision" and the like for the others.
fn revision_label(r: Revision) -> String {
    let doc = r.document();
    if r == Revision::newest() {
        return format!("Current ({})", doc.date);
    }
    let mut label = doc.name.to_string();
    if let Some(first) = label.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    label.push_str(" revision");
    label
}

/// "3 new, 17 reworded, 16 dropped since the earlier page"; `None` for the first revision.
fn revision_changes(r: Revision) -> Option<String> {
    let previous = r.previous()?;
    let c = r.changes();
    let parts: Vec<String> = [(c.new, "new"), (c.reworded, "reworded"), (c.dropped, "dropped")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    let changes = if parts.is_empty() { "no change".to_string() } else { parts.join(", ") };
    Some(format!("{changes} since the {} page", previous.document().name))
}

#[component]
fn RevisionOption(r: Revision) -> impl IntoView {
    let wizard = use_wizard();
    let input_id = format!("rev-{}", r.id());
    let changes_id = format!("rev-{}-changes", r.id());
    let changes = revision_changes(r);
    let describedby = changes.as_ref().map(|_| changes_id.clone());
    view! {
        <span class="revision-option">
            // `checked` for the prerendered page, `prop:checked` to follow the state.
            <input type="radio" id=input_id.clone() name="revision" aria-describedby=describedby
                checked=wizard.progress.with_untracked(|p| p.revision == r)
                prop:checked=move || wizard.progress.with(|p| p.revision == r)
                on:change=move |_| wizard.progress.update(|p| p.revision = r)/>
            <label for=input_id>{revision_label(r)}</label>
            {changes.map(|c| view! { <span class="rev-changes" id=changes_id>{c}</span> })}
        </span>
    }
}

/// Warnings about answers, listed above the guidance as well as beside the questions, each
/// answer kept but ignored with a button to clear it (its step may no longer be shown).
#[component]
fn Warnings() -> impl IntoView {
    let wizard = use_wizard();
    let warnings = move || {
        wizard.scope.with(|s| {
            wizard.progress.with(|p| {
                let shown = scope::wizard::steps(&p.answers);
                s.warnings
                    .iter()
                    .map(|w| {
                        // The step shows its own clear button where it is on screen.
                        let ignored = match w {
                            Warning::Ignored { question } if !shown.contains(&question.get().step.get().id) => {
                                Some(*question)
                            }
                            _ => None,
                        };
                        (w.message(&p.answers), ignored)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="warnings" class:hidden=move || warnings().is_empty()>
            <h3>"Answers to look at"</h3>
            <ul>
                {move || warnings().into_iter().map(|(message, ignored)| view! {
                    <li>
                        {message}
                        {ignored.map(|q| view! { " " <ClearAnswer q/> })}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn PhaseBlock(phase: Phase) -> impl IntoView {
    let wizard = use_wizard();
    let scope = wizard.scope;
    let listed = move |s: &ItemScope| {
        s.item.get().phase() == phase && matches!(s.outcome, Outcome::InScope | Outcome::Waiting(_))
    };
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
    let labelled_by = heading_id.clone();
    view! {
        <section class="phase" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {format!("{} phase", phase.title())}
                <span class="count">{counts}</span>
            </h3>
            <For each=sections key=|s| s.0 let:section>
                <SectionBlock section listed/>
            </For>
        </section>
    }
}

#[component]
fn SectionBlock(
    section: SectionId,
    listed: impl Fn(&ItemScope) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let wizard = use_wizard();
    let sec = section.get();
    let rows = move || {
        wizard.scope.with(|s| {
            s.items
                .iter()
                .filter(|i| i.item.get().section == section && listed(i))
                .map(|i| (s.revision, i.clone()))
                .collect::<Vec<_>>()
        })
    };
    // The phase heading already says the phase; a section heading adds what follows the dash.
    let subtitle = sec.title.split_once(" - ").map(|(_, rest)| rest);
    view! {
        <div class="section">
            {subtitle.map(|t| view! { <h4>{t}</h4> })}
            {sec.lead.map(|l| view! { <p class="lead">{l}</p> })}
            <ItemList rows/>
        </div>
    }
}

/// Item rows, keyed so a row that did not change stays as it is. `placed`: each row says the
/// section it comes from (a list gathered from every phase, where two sections can say the same).
#[component]
fn ItemList(
    rows: impl Fn() -> Vec<(Revision, ItemScope)> + Send + Sync + 'static,
    #[prop(optional)] placed: bool,
) -> impl IntoView {
    view! {
        <ul class="items">
            <For each=rows key=row_key let:row>
                <ItemRow revision=row.0 row=row.1 placed/>
            </For>
        </ul>
    }
}

/// A row is drawn again when anything it shows changes: outcome, reasons or revision.
fn row_key((revision, row): &(Revision, ItemScope)) -> (Revision, ItemScope) {
    (*revision, row.clone())
}

#[component]
fn ItemRow(revision: Revision, row: ItemScope, placed: bool) -> impl IntoView {
    let item = row.item.get();
    let text = item.text_in(revision);
    let (badge, class) = match &row.outcome {
        Outcome::InScope => (None, "item in-scope"),
        Outcome::OutOfScope => (Some("Out of scope".to_string()), "item out-of-scope"),
        Outcome::NotSupported => (Some("Not supported".to_string()), "item not-supported"),
        Outcome::Waiting(qs) => {
            let names: Vec<&str> = qs.iter().map(|q| q.get().short).collect();
            (Some(format!("Waiting for: {}", names.join(", "))), "item waiting")
        }
        Outcome::NotApplicable => (None, "item"),
    };
    let change = row.item.get().change_in(revision);
    // The element holding the item's text, which also names its "Why and where from".
    let text_id = format!("text-{}", row.item.0);
    // Notes inform; only guidance lines are tasks to tick.
    let line = if row.outcome == Outcome::InScope && !item.note {
        view! { <DoneTick id=row.item text text_id=text_id.clone()/> }.into_any()
    } else if placed {
        // Inside the text, so it is also part of the disclosure's name.
        let place = item.section.get().title;
        // The space keeps the two apart in the disclosure's name (the place is a block only on screen).
        view! { <span class="text" id=text_id.clone()>{text}" "<span class="place">{place}</span></span> }.into_any()
    } else {
        view! { <span class="text" id=text_id.clone()>{text}</span> }.into_any()
    };
    view! {
        <li class=class class:nested=item.parent.is_some() class:note=item.note>
            <div class="item-line">
                {line}
                {badge.map(|b| view! { <span class="badge">{b}</span> })}
                {change.as_ref().map(|c| view! { <span class="badge change">{c.0.clone()}</span> })}
            </div>
            <Provenance revision row change=change.map(|c| c.1) text_id/>
        </li>
    }
}

/// The checkbox that ticks an item done, labelled by the item's text.
#[component]
fn DoneTick(id: ItemId, text: &'static str, text_id: String) -> impl IntoView {
    let wizard = use_wizard();
    let input_id = format!("done-{}", id.get().id);
    let toggle = move |_| {
        wizard.progress.update(|p| {
            if !p.done.remove(&id) {
                p.done.insert(id);
            }
        })
    };
    view! {
        <input type="checkbox" id=input_id.clone() disabled=move || !wizard.ready.get()
            prop:checked=move || wizard.progress.with(|p| p.done.contains(&id)) on:change=toggle/>
        <label for=input_id id=text_id>{text}</label>
    }
}

/// "Why and where from": the answers that brought the item in, its condition and source, and
/// what changed between the revisions. Drawn when first opened: closed, it costs nothing to
/// render or hydrate.
#[component]
fn Provenance(revision: Revision, row: ItemScope, change: Option<String>, text_id: String) -> impl IntoView {
    let opened = RwSignal::new(false);
    // Named "Why and where from" and the item's text, by reference: a hidden copy of the text
    // would be 87 more text runs to lay out on the first paint, and an aria-label would not be
    // translated with the page.
    let own_id = format!("why-{}", row.item.0);
    let name_ids = format!("{own_id} {text_id}");
    view! {
        <div class="provenance">
            <button type="button" class="disclosure" aria-labelledby=name_ids
                aria-expanded=move || if opened.get() { "true" } else { "false" }
                on:click=move |_| opened.update(|open| *open = !*open)>
                <span id=own_id>"Why and where from"</span>
            </button>
            {move || opened.get().then(|| view! { <ProvenanceDetails revision row=row.clone() change=change.clone()/> })}
        </div>
    }
}

#[component]
fn ProvenanceDetails(revision: Revision, row: ItemScope, change: Option<String>) -> impl IntoView {
    let item = row.item.get();
    let doc = item.source(revision);
    let reasons: Vec<String> = row.reasons.iter().map(|r| r.describe()).collect();
    let why = if reasons.is_empty() {
        "Part of every onboarding.".to_string()
    } else {
        format!("Because of your answers: {}.", reasons.join("; "))
    };
    let source = format!(
        "{}, revision of {} ({}), section \u{201c}{}\u{201d}",
        doc.title,
        doc.date,
        doc.file,
        item.section.get().title
    );
    view! {
        <dl>
            <dt>"Why it is here"</dt>
            <dd>{why}</dd>
            {item.condition_in(revision).map(|c| view! { <dt>"Condition in the source"</dt><dd>{c}</dd> })}
            <dt>"Source"</dt>
            <dd>{source}</dd>
            {change.map(|c| view! { <dt>"What changed"</dt><dd>{c}</dd> })}
        </dl>
    }
}

/// On paper only: the date and the answers the list is for.
#[component]
fn PrintHeader() -> impl IntoView {
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
    view! {
        <div class="print-only">
            // The date is the browser's: none on the prerendered page.
            <p>
                {move || wizard.ready.get().then(|| {
                    let answers = answers();
                    let answers = if answers.is_empty() { "none yet".to_string() } else { answers };
                    format!("Scope as of {}. Answers: {answers}.", wizard.today.get())
                })}
            </p>
        </div>
    }
}
