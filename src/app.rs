//! The top of the wizard: the state and what keeps it (storage, links, the host page), and the
//! page layout.

use crate::browser;
use crate::embed::{self, full_page_url, Params};
use crate::guidance::GuidancePanel;
use crate::later::{self, Later};
use crate::persistence;
use crate::state::{focus_soon, use_wizard, Incoming, Tone, Wizard};
use crate::steps::{focus_next_or_heading, StepsPanel};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use scope::engine::evaluate;
use scope::history::{landing, Landing};
use scope::notice::Notice;
use scope::portal::Keeper;
use scope::startup::{self, Arrival, Found, Startup};

#[component]
pub fn App() -> impl IntoView {
    let wizard = Wizard::provide();
    let host = embed::Host::provide();
    // Whether the browser's storage holds the progress on screen: false from memory, and while
    // writes fail (persistence::keep). With what a version 2 host said (embed::Host::keeping),
    // it decides what the embed bar and the replace-or-keep question say (portal::Keeper).
    let stored = RwSignal::new(true);
    // What the error page would say of the answers, from what the embed bar says too.
    Effect::new(move |_| {
        let kept = wizard.ready.get() && Keeper::new(host.keeping.get(), stored.get()).keeps();
        browser::SAVED.store(kept, std::sync::atomic::Ordering::Relaxed);
    });
    // The first render is the blank one prerendered into index.html, so hydration matches it; the
    // browser's state is read after the last part is hydrated (Effects never run in the native
    // prerender), in the same task as the questions (src/later.rs).
    let questions = NodeRef::<html::Div>::new();
    let owner = Owner::current().unwrap_or_default();
    Effect::new(move |_| {
        let owner = owner.clone();
        later::queue_last(move || {
            // Before their hydration sets every input back to the prerendered blank.
            let early_choices = browser::checked_choices();
            later::hydrate(questions, owner.clone(), || view! { <StepsPanel/> });
            // Under App's owner, as if run by its Effect: what start sets up goes with it.
            owner.with(|| start(wizard, host, stored, early_choices));
        })
    });
    let embedded = wizard.embedded;
    view! {
        <div class="page">
            // Shown until the page has JavaScript (public/loader.js marks it) and stays hidden after.
            <p class="needs-js">"Answering these questions needs JavaScript. Without it, this page shows the first questions and the whole guidance list."</p>
            {move || if embedded.get() { view! { <EmbedBar stored/> }.into_any() } else { view! { <Masthead/> }.into_any() }}
            <Notices/>
            // Drawn again for each incoming scope, so a second link replaces the first question.
            {move || wizard.incoming.get().map(|incoming| view! { <IncomingPrompt incoming stored/> })}
            // The page's one main landmark, in a portal's frame too (the frame's main content).
            <main class="layout">
                <Later held=questions><StepsPanel/></Later>
                <Later><GuidancePanel/></Later>
            </main>
            <footer class="colophon">
                // On paper too: which revision the lines on it are quoted from.
                <p>{move || colophon(wizard.revision.get())}</p>
            </footer>
        </div>
    }
}

/// Once every part of the page is hydrated (src/later.rs): applies the saved progress, the
/// address, the early choices and the host page to the state (`scope::startup::Startup` decides
/// which wins), sets up what keeps and follows it, then lets the page show and take answers.
fn start(wizard: Wizard, host: embed::Host, stored: RwSignal<bool>, early_choices: Vec<(String, String)>) {
    let params = Params::from_location();
    read_page(wizard);
    // Set only when it changes: setting a signal always notifies, and the masthead would be
    // rebuilt for nothing.
    if params.embedded {
        wizard.embedded.set(true);
    }
    let host_keeps =
        params.embedded && params.host_origin.is_some() && params.protocol >= scope::portal::LATEST && embed::framed();
    let loaded = if host_keeps { scope::storage::Loaded::kept_by_host() } else { persistence::load() };
    stored.set(loaded.store.keeps());
    let fragment = browser::hash();
    let startup = Startup::decide(Found {
        saved: loaded.progress.clone(),
        storage_notice: loaded.notice.clone(),
        fragment: &fragment,
        embedded: params.embedded,
        host_keeps,
        early_choices: &early_choices,
    });
    open(wizard, host, startup, !fragment.is_empty());
    persistence::keep(wizard, &loaded, stored);
    follow_address(wizard);
    follow_history(wizard);
    embed::connect(wizard, host, &params);
    // The guidance list's live region compares with `Wizard::opened` from here on, so it
    // announces the early choices as the person's change and not the progress opened.
    wizard.ready.set(true);
    // The loader held the step back for a saved record or a link (no wrong step flashes): it
    // shows from the frame after these changes are drawn.
    browser::next_frame(browser::mark_ready);
    match browser::query_param("debug").as_deref() {
        Some("panic") => browser::next_frame(|| panic!("panic requested by ?debug=panic (a test of the error page)")),
        Some("engine") => browser::next_frame(|| browser::time_engine(1000)),
        _ => {}
    }
}

/// Carries out what start-up decided: the progress on screen, the question about a link, the
/// early choices kept provisional for a version 2 host (see embed::restore), the address, and
/// the notices.
fn open(wizard: Wizard, host: embed::Host, startup: Startup, had_fragment: bool) {
    wizard.opened.set_value(startup.opened);
    // A first visit finds the blank progress already on screen: setting it again would only
    // run every binding that reads it once more.
    if wizard.progress.with_untracked(|p| *p != startup.progress) {
        wizard.progress.set(startup.progress);
    }
    if startup.question.is_some() {
        wizard.incoming.set(startup.question);
    }
    host.provisional.set_value(startup.provisional);
    // A link taken or refused is settled: a reload does not open it again.
    if had_fragment && !startup.keeps_fragment {
        browser::clear_hash();
    }
    if !startup.notices.is_empty() {
        // After the first paint, into a live region that is already there, so screen readers say it.
        let notices = startup.notices;
        browser::next_frame(move || notices.into_iter().for_each(|notice| wizard.notify(notice)));
    }
}

/// The page's address and today's date, into the state: read here, once, so that no view calls
/// a browser API (the prerender, which draws the views natively, could not).
fn read_page(wizard: Wizard) {
    wizard.page_base.set(embed::full_page_base());
    wizard.today.set(browser::today());
    // A page left open overnight prints today's date, not the day it was opened.
    let before_print = window_event_listener(ev::beforeprint, move |_| {
        let today = browser::today();
        if wizard.today.with_untracked(|t| *t != today) {
            wizard.today.set(today);
        }
    });
    on_cleanup(move || before_print.remove());
}

/// A share link or prefill in the address, at start or pasted into the address bar later: never
/// a silent overwrite of saved progress. The fragment is cleared once settled, so a reload does
/// not open it again; while its replace-or-keep question waits it stays, so a reload asks again
/// rather than losing the link.
fn follow_address(wizard: Wizard) {
    // The fragment found at start is opened by `start` (scope::startup::Startup). A fragment
    // pasted in makes an entry of its own; one met again on an entry the app made for a step
    // (Back, after the link's question was answered there) is old and not reopened.
    let listener = window_event_listener(ev::hashchange, move |_| {
        let fragment = browser::hash();
        if browser::history_entry().is_none() && !fragment.is_empty() && !wizard.open_fragment(&fragment) {
            browser::clear_hash();
        }
    });
    on_cleanup(move || listener.remove());
    // The link's question answered (either way), or replaced by another scope's: settled.
    Effect::new(move |_| {
        let link_waits = wizard.incoming.with(|i| i.as_ref().is_some_and(|i| i.from.is_address()));
        if !link_waits && !browser::hash().is_empty() {
            browser::clear_hash();
        }
    });
}

/// The browser's Back and Forward between steps (`Wizard::go_to` adds an entry per step). An
/// entry whose step the answers have removed since is passed over, so Back always shows a change
/// (`scope::history::landing` decides).
fn follow_history(wizard: Wizard) {
    if wizard.embedded.get_untracked() {
        return;
    }
    // The entry the page opened on gets its step when it is left (`browser::push_step`).
    browser::note_history_entry();
    let listener = window_event_listener(ev::popstate, move |event| {
        // An entry without a step (one a fragment added) is not a step change.
        let Some((entry, back)) = browser::moved_to(&event.state()) else { return };
        let on_screen = wizard.progress.with_untracked(|p| p.current_step());
        // Passing over goes on only Back, where the entry's depth tells whether another of the
        // app's lies beyond (Forward's end is not known): Back never leaves the page by surprise.
        let further = back && entry.depth > 0;
        let landing = wizard.progress.with_untracked(|p| landing(&p.answers, &entry.step, on_screen, further));
        match landing {
            Landing::PassOver => browser::history_back(),
            Landing::Show(step) => {
                // The entry names what it shows now, so Forward and Back find it again.
                if step != entry.step {
                    browser::mark_step(step);
                }
                wizard.progress.update(|p| p.step = step.to_string());
                wizard.focus_step_heading();
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// Where the lines of the view of `revision` are quoted from, in the Markdown export's words.
fn colophon(revision: scope::catalog::Revision) -> String {
    format!(
        "Every guidance line is quoted from {}. Nothing you enter leaves this browser unless you share or export it.",
        revision.quoted_page()
    )
}

#[component]
fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead">
            <p class="eyebrow">"FastTrack onboarding for Enterprise Mobility Suite"</p>
            <h1>"What Microsoft will help you with"</h1>
            <p class="lede">"Answer a few questions about your situation. The guidance list follows your answers, phase by phase, and says plainly what is out of scope."</p>
        </header>
    }
}

/// In a partner's frame: where the progress is kept (by the portal, or nowhere once the page
/// closes: the portal keeps none, or the browser blocks the wizard's storage), and a way out to
/// the full page that carries the answers and the step, so nothing is lost when leaving the iframe.
#[component]
fn EmbedBar(stored: RwSignal<bool>) -> impl IntoView {
    let wizard = use_wizard();
    let host = expect_context::<embed::Host>();
    let status = move || Keeper::new(host.keeping.get(), stored.get()).status();
    view! {
        <div class="embed-bar">
            {move || status().map(|status| view! { <p class="keep-status" class:at-risk=status.at_risk>{status.text}</p> })}
            <a href=move || wizard.progress.with(|p| full_page_url(&wizard.page_base.get(), p)) target="_blank" rel="noopener">"Open the full page"</a>
        </div>
    }
}

/// Messages for the user, in a live region that is always there.
#[component]
fn Notices() -> impl IntoView {
    let wizard = use_wizard();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || wizard.notices.get() key=|notice| notice.id let:notice>
                <div
                    class="notice"
                    class:info=notice.tone == Tone::Info
                    class:warning=notice.tone == Tone::Warning
                    class:error=notice.tone == Tone::Error
                    role=(notice.tone == Tone::Error).then_some("alert")
                >
                    <p>{notice.text}</p>
                    <button type="button" class="quiet" on:click=move |e| {
                        // The button goes with its notice: focus moves on to the next notice's.
                        focus_next_or_heading(wizard, &e, ".notices", ".notice button");
                        wizard.dismiss(notice.id);
                    }>"Dismiss"</button>
                </div>
            </For>
        </div>
    }
}

/// "You opened a link while you have progress here: replace it or keep yours?" It says who keeps
/// that progress (`portal::Keeper`): this browser only when `stored` (storage blocked or full
/// keeps nothing), a portal only when it said it keeps it.
#[component]
fn IncomingPrompt(incoming: Incoming, stored: RwSignal<bool>) -> impl IntoView {
    let wizard = use_wizard();
    let Incoming { progress, from } = incoming;
    let count = evaluate(&progress.answers, progress.revision).totals(&progress.done).in_scope;
    let title = NodeRef::<html::H2>::new();
    focus_soon(title);
    let replace = move |_| {
        wizard.carry_out(Arrival::Take(startup::shown(progress.clone())));
        wizard.incoming.set(None);
        wizard.notify(from.opened());
        wizard.focus_step_heading();
    };
    let host = expect_context::<embed::Host>();
    let keeper = move || Keeper::new(host.keeping.get(), stored.get());
    let keep = move || {
        wizard.incoming.set(None);
        // A portal that keeps progress still holds what it offered: it gets the kept one.
        embed::send_progress(wizard, &host);
        wizard.notify(Notice::outcome(Tone::Info, untrack(keeper).kept(from)));
        wizard.focus_step_heading();
    };
    view! {
        // Escape is the safe answer: keep what is saved here.
        <section class="prompt" role="alertdialog" aria-labelledby="prompt-title" aria-describedby="prompt-text"
            on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Escape" { keep() }>
            <h2 id="prompt-title" tabindex="-1" node_ref=title>{format!("Open the scope from this {}?", from.words())}</h2>
            <p id="prompt-text">{move || keeper().question(from, count)}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=replace>{format!("Replace with the {}", from.words())}</button>
                <button type="button" on:click=move |_| keep()>"Keep my progress"</button>
            </div>
        </section>
    }
}

/// Natively with the prerender's features, where Effects do not run as in the prerender:
/// `cargo test -p ems-scope-wizard --no-default-features --features ssr`.
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// Views read what comes from the browser (the page's address, today's date) from `Wizard`,
    /// never from the browser itself: rendered natively, where any browser call aborts, with
    /// every part that shows them drawn (a partner's frame, the summary's share link, the
    /// printed header), nothing reaches one.
    #[test]
    fn no_view_calls_the_browser() {
        Owner::new().with(|| {
            let wizard = Wizard::provide();
            embed::Host::provide();
            wizard.page_base.set("https://example.test/wizard/".into());
            wizard.today.set("2026-12-06".into());
            wizard.progress.update(|p| {
                p.answers.set_by_ids("services", &["intune"]).unwrap();
                p.step = scope::wizard::SUMMARY.into();
            });
            wizard.embedded.set(true);
            wizard.ready.set(true);
            let stored = RwSignal::new(true);
            // The list's rows draw the blank scope's state (their signals are set by Effects,
            // which do not run here): every row and tick box is drawn all the same.
            let html = view! { <EmbedBar stored/><StepsPanel/><GuidancePanel/> }.to_html();
            assert!(html.contains(r#"href="https://example.test/wizard/#s1."#), "the full page's link");
            assert!(html.contains("Share this scope"), "the summary, with its share link");
            assert!(html.contains("Scope as of 2026-12-06."), "the printed date");
        });
    }
}
