//! The guidance list: phase by phase, with counts, done ticks, why each item is there and where it
//! comes from, the revision switch, and a polite live summary of what changed.

use crate::later::Later;
use crate::state::use_wizard;
use crate::steps::ClearAnswer;
use leptos::prelude::*;
use scope::catalog::{Item, ItemId, Phase, Revision, SectionId, Verdict};
use scope::engine::{Counts, ItemScope, Outcome};
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

/// "2 in scope, 1 done", then the other counts that are not zero, named by `others`.
fn count_line(c: Counts, others: &[(usize, &str)]) -> String {
    let first = [format!("{} in scope", c.in_scope), format!("{} done", c.done)];
    let rest = others.iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("{n} {what}"));
    first.into_iter().chain(rest).collect::<Vec<_>>().join(", ")
}

/// Whether a phase list shows an item with this outcome.
fn in_phase_list(outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::InScope | Outcome::Waiting(_))
}

/// Whether the list of what Microsoft does not do shows an item with this outcome.
fn set_apart(outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::OutOfScope | Outcome::NotSupported)
}

/// The items of the revision on screen that `keep` picks, in catalog order. A list draws a row
/// for each once and an answer only shows or hides it, so this changes only with the revision.
fn rows_of(keep: impl Fn(&Item) -> bool + Send + Sync + 'static) -> Memo<Vec<ItemId>> {
    let revision = use_wizard().revision;
    Memo::new(move |_| {
        let r = revision.get();
        ItemId::all().filter(|id| id.get().in_revision(r) && keep(id.get())).collect()
    })
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
            <Later><SetApart/></Later>
        </section>
    }
}

/// In scope, done, set apart and waiting, over the whole list.
#[component]
fn Totals() -> impl IntoView {
    let wizard = use_wizard();
    let totals = move || {
        let c = wizard.progress.with(|p| wizard.scope.with(|s| s.totals(&p.done)));
        count_line(
            c,
            &[
                (c.out_of_scope + c.not_supported, "out of scope or not supported"),
                (c.waiting, "waiting for an answer"),
            ],
        )
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
    // Every item that can be set apart has a row, shown while it is.
    let rows = rows_of(|i| i.verdict != Verdict::InScope);
    let none = Memo::new(move |_| scope.with(|s| !s.items.iter().any(|i| set_apart(&i.outcome))));
    view! {
        <section class="set-apart" class:hidden=move || none.get() aria-labelledby="set-apart-heading">
            <h3 id="set-apart-heading">"Out of scope and not supported"</h3>
            <p class="help">"The source says plainly that Microsoft does not do these in your case."</p>
            <ItemList rows listed=set_apart placed=true/>
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
    let (first, rest) = doc.name.split_at(doc.name.chars().next().map_or(0, char::len_utf8));
    format!("{}{rest} revision", first.to_ascii_uppercase())
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
                prop:checked=move || wizard.revision.get() == r
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
    let warnings = Memo::new(move |_| {
        wizard.scope.with(|s| wizard.progress.with(|p| scope::wizard::listed_warnings(&s.warnings, &p.answers)))
    });
    view! {
        <div class="warnings" class:hidden=move || warnings.with(Vec::is_empty)>
            <h3>"Answers to look at"</h3>
            <ul>
                {move || warnings.get().into_iter().map(|(message, ignored)| view! {
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
    // Every section with items in the revision is drawn; those with no row shown hide.
    let drawn = Memo::new(move |_| {
        let r = wizard.revision.get();
        sections_of(ItemId::all().filter(|id| id.get().in_revision(r)), phase)
    });
    let shown = Memo::new(move |_| {
        scope.with(|s| sections_of(s.items.iter().filter(|i| in_phase_list(&i.outcome)).map(|i| i.item), phase))
    });
    let counts = Memo::new(move |_| {
        let c = wizard.progress.with(|p| scope.with(|s| s.counts(&p.done, Some(phase))));
        count_line(c, &[(c.waiting, "waiting")])
    });
    let heading_id = format!("phase-{}", phase.title().to_ascii_lowercase());
    let labelled_by = heading_id.clone();
    view! {
        // Hidden when none of its sections shows (a class, not a :has() rule the browser would
        // check again at every row shown or hidden).
        <section class="phase" class:hidden=move || shown.with(Vec::is_empty) aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {format!("{} phase", phase.title())}
                <span class="count">{move || counts.get()}</span>
            </h3>
            // The rows are most of the page: hydrated a section per task (src/later.rs).
            <For each=move || drawn.get() key=|s| *s let:section>
                <Later><SectionBlock section shown/></Later>
            </For>
        </section>
    }
}

/// The sections of `phase` that `items` come from, in the order of their first item.
fn sections_of(items: impl Iterator<Item = ItemId>, phase: Phase) -> Vec<SectionId> {
    let mut out: Vec<SectionId> = Vec::new();
    for sec in items.map(|id| id.get().section).filter(|sec| sec.get().phase == phase) {
        if !out.contains(&sec) {
            out.push(sec);
        }
    }
    out
}

/// A section of a phase, hidden while `shown` (the phase's sections with a row shown) lacks it.
#[component]
fn SectionBlock(section: SectionId, shown: Memo<Vec<SectionId>>) -> impl IntoView {
    let sec = section.get();
    let rows = rows_of(move |i| i.section == section);
    let hidden = Memo::new(move |_| !shown.with(|s| s.contains(&section)));
    // The phase heading already says the phase; a section heading adds what follows the dash.
    let subtitle = sec.title.split_once(" - ").map(|(_, rest)| rest);
    view! {
        <div class="section" class:hidden=move || hidden.get()>
            {subtitle.map(|t| view! { <h4>{t}</h4> })}
            {sec.lead.map(|l| view! { <p class="lead">{l}</p> })}
            <ItemList rows listed=in_phase_list/>
        </div>
    }
}

/// Item rows, keyed by the item: a row is drawn once for the revision on screen and stays (an
/// open "Why and where from" stays open); it shows while `listed` holds for its item's outcome.
/// `placed`: each row says the section it comes from (a list gathered from every phase, where
/// two sections can say the same).
#[component]
fn ItemList(rows: Memo<Vec<ItemId>>, listed: fn(&Outcome) -> bool, #[prop(optional)] placed: bool) -> impl IntoView {
    view! {
        <ul class="items">
            <For each=move || rows.get() key=|id| *id let:id>
                <ItemRow id listed placed/>
            </For>
        </ul>
    }
}

/// The badge of an outcome ("Out of scope", "Waiting for: Tenant") and the row's class.
fn outcome_look(outcome: &Outcome) -> (Option<String>, &'static str) {
    match outcome {
        Outcome::InScope => (None, "item in-scope"),
        Outcome::OutOfScope => (Some("Out of scope".to_string()), "item out-of-scope"),
        Outcome::NotSupported => (Some("Not supported".to_string()), "item not-supported"),
        Outcome::Waiting(qs) => {
            let names: Vec<&str> = qs.iter().map(|q| q.get().short).collect();
            (Some(format!("Waiting for: {}", names.join(", "))), "item waiting")
        }
        Outcome::NotApplicable => (None, "item"),
    }
}

/// What a row draws: its item's state while the row shows. A hidden row keeps what it drew last,
/// so hiding it and showing it again in the same state changes only its class.
fn drawn_state(state: ReadSignal<ItemScope>, shown: Memo<bool>) -> Memo<ItemScope> {
    Memo::new(move |last: Option<&ItemScope>| match last {
        Some(last) if !shown.get() => last.clone(),
        _ => state.get(),
    })
}

#[component]
fn ItemRow(id: ItemId, listed: fn(&Outcome) -> bool, placed: bool) -> impl IntoView {
    let wizard = use_wizard();
    let revision = wizard.revision;
    let item = id.get();
    let state = wizard.items.state(id);
    let shown = Memo::new(move |_| state.with(|s| listed(&s.outcome)));
    let state = drawn_state(state, shown);
    let look = Memo::new(move |_| state.with(|s| outcome_look(&s.outcome)));
    // An item set apart has a row in its phase's list too: each row's ids are its own.
    let dom_key = if placed { format!("apart-{}", id.index()) } else { id.index().to_string() };
    // The element holding the item's text, which also names its "Why and where from".
    let text_id = format!("text-{dom_key}");
    // Notes inform; only guidance lines are tasks to tick, and only while in scope.
    let tickable = Memo::new(move |_| state.with(|s| s.outcome == Outcome::InScope));
    // Drawn once: a line that can be ticked has its tick box from the start, shown while in
    // scope, so an answer never builds or drops a row's elements.
    let line = if item.note || item.verdict != Verdict::InScope {
        let text = move || item.text_in(revision.get());
        // Inside the text, so it is also part of the disclosure's name; the space keeps the two
        // apart in that name (the place is a block only on screen).
        let place = placed.then(|| view! { " "<span class="place">{item.section.get().title}</span> });
        view! { <span class="text" id=text_id>{text}{place}</span> }.into_any()
    } else {
        view! { <DoneTick id text_id tickable/> }.into_any()
    };
    // One class attribute: `class:` toggles beside a changing `class` would be overwritten by it.
    let class = move || {
        let nested = if item.parent.is_some() { " nested" } else { "" };
        let note = if item.note { " note" } else { "" };
        let hidden = if shown.get() { "" } else { " hidden" };
        look.with(|l| format!("{}{nested}{note}{hidden}", l.1))
    };
    let change = move || item.change_in(revision.get()).map(|c| view! { <span class="badge change">{c.0}</span> });
    view! {
        <li class=class>
            <div class="item-line">
                {line}
                {move || look.with(|l| l.0.clone()).map(|b| view! { <span class="badge">{b}</span> })}
                {change}
            </div>
            <Provenance id state dom_key/>
        </li>
    }
}

/// The checkbox that ticks an item done, labelled by the item's text; hidden, and its text no
/// label, while the item is not `tickable` (waiting for an answer).
#[component]
fn DoneTick(id: ItemId, text_id: String, tickable: Memo<bool>) -> impl IntoView {
    let wizard = use_wizard();
    let revision = wizard.revision;
    let item = id.get();
    let input_id = format!("done-{}", item.id);
    let done = wizard.items.done(id);
    let toggle = move |_| {
        wizard.progress.update(|p| {
            if !p.done.remove(&id) {
                p.done.insert(id);
            }
        })
    };
    let label_for = input_id.clone();
    view! {
        <input type="checkbox" id=input_id hidden=move || !tickable.get() disabled=move || !wizard.ready.get()
            prop:checked=move || done.get() on:change=toggle/>
        // Without `for` while hidden: a click on a waiting item's text ticks nothing.
        <label class="text" for=move || tickable.get().then(|| label_for.clone()) id=text_id>
            {move || item.text_in(revision.get())}
        </label>
    }
}

/// "Why and where from": the answers that brought the item in, its condition and source, and
/// what changed between the revisions. Drawn when first opened: closed, it costs nothing to
/// render or hydrate. Open, it follows the item's state.
#[component]
fn Provenance(id: ItemId, state: Memo<ItemScope>, dom_key: String) -> impl IntoView {
    let opened = RwSignal::new(false);
    // Named "Why and where from" and the item's text, by reference: a hidden copy of the text
    // would be 87 more text runs to lay out on the first paint, and an aria-label would not be
    // translated with the page.
    let own_id = format!("why-{dom_key}");
    let name_ids = format!("{own_id} text-{dom_key}");
    view! {
        <div class="provenance">
            <button type="button" class="disclosure" aria-labelledby=name_ids
                aria-expanded=move || if opened.get() { "true" } else { "false" }
                on:click=move |_| opened.update(|open| *open = !*open)>
                <span id=own_id>"Why and where from"</span>
            </button>
            {move || opened.get().then(|| view! { <ProvenanceDetails id state/> })}
        </div>
    }
}

#[component]
fn ProvenanceDetails(id: ItemId, state: Memo<ItemScope>) -> impl IntoView {
    let revision = use_wizard().revision;
    let item = id.get();
    let why = move || state.with(ItemScope::why);
    let condition = Memo::new(move |_| item.condition_in(revision.get()));
    let what_changed = Memo::new(move |_| item.change_in(revision.get()).map(|c| c.1));
    view! {
        <dl>
            <dt>"Why it is here"</dt>
            <dd>{why}</dd>
            {move || condition.get().map(|c| view! { <dt>"Condition in the source"</dt><dd>{c}</dd> })}
            <dt>"Source"</dt>
            <dd>{move || item.source_line(revision.get())}</dd>
            {move || what_changed.get().map(|c| view! { <dt>"What changed"</dt><dd>{c}</dd> })}
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
