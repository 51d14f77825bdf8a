//! The top of the wizard: the state and what keeps it (storage, links, the host page), and the
//! page layout.

use crate::browser;
use crate::embed::{self, Params};
use crate::guidance::GuidancePanel;
use crate::persistence;
use crate::share::share_link_url;
use crate::state::{focus_soon, use_wizard, Incoming, Tone, Wizard};
use crate::steps::StepsPanel;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use scope::engine::evaluate;

#[component]
pub fn App() -> impl IntoView {
    let params = Params::from_location();
    let (wizard, stored) = start(&params);
    view! {
        <div class="page" class:embedded=wizard.embedded>
            {if wizard.embedded { view! { <EmbedBar stored/> }.into_any() } else { view! { <Masthead/> }.into_any() }}
            <Notices/>
            // Drawn again for each incoming scope, so a second link replaces the first question.
            {move || wizard.incoming.get().map(|incoming| view! { <IncomingPrompt incoming/> })}
            <div class="layout">
                <StepsPanel/>
                <DeferredGuidance/>
            </div>
            <footer class="colophon">
                <p>{colophon()}</p>
            </footer>
        </div>
    }
}

/// Sets up the state and everything that feeds or follows it; also says whether the browser's
/// storage keeps the progress.
fn start(params: &Params) -> (Wizard, bool) {
    let loaded = persistence::load();
    let wizard = Wizard::provide(loaded.progress.clone(), params.embedded);
    // In a frame the embed bar says where progress is kept, in place of the storage notice.
    let notice = loaded.notice.clone().filter(|(_, text)| !(params.embedded && text == persistence::MEMORY_NOTICE));
    if let Some((tone, text)) = notice {
        // After the first paint, into a live region that is already there, so screen readers say it.
        request_animation_frame(move || wizard.tell(tone, text));
    }
    persistence::keep(wizard, &loaded);
    follow_address(wizard);
    embed::connect(wizard, params);
    match browser::query_param("debug").as_deref() {
        Some("panic") => {
            request_animation_frame(|| panic!("panic requested by ?debug=panic (a test of the error page)"))
        }
        Some("engine") => request_animation_frame(|| browser::time_engine(1000)),
        _ => {}
    }
    (wizard, loaded.store == persistence::Store::Local)
}

/// A share link or prefill in the address, at start or pasted into the address bar later: never
/// a silent overwrite of saved progress. The fragment is then cleared so a reload does not open it
/// again.
fn follow_address(wizard: Wizard) {
    let open = move || {
        let fragment = browser::hash();
        if !fragment.is_empty() {
            wizard.open_fragment(&fragment);
            browser::clear_hash();
        }
    };
    open();
    let listener = window_event_listener(ev::hashchange, move |_| open());
    on_cleanup(move || listener.remove());
}

fn colophon() -> String {
    format!(
        "Every guidance line is quoted from Microsoft's page on its responsibilities during FastTrack onboarding (revision of {}, and the earlier revision for Azure Rights Management). Nothing you enter leaves this browser unless you share or export it.",
        scope::catalog::Revision::newest().document().date
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
/// closes when the browser blocks the wizard's storage), and a way out to the full page that
/// carries the answers, so nothing is lost when leaving the iframe.
#[component]
fn EmbedBar(stored: bool) -> impl IntoView {
    let wizard = use_wizard();
    let host = use_context::<embed::Host>();
    let status = move || {
        if host.as_ref().is_some_and(|h| h.keeps_progress.get()) {
            Some(("Your progress is kept by this portal.", false))
        } else if !stored {
            Some(("Your progress is not kept after this page closes: use a share link or an export.", true))
        } else {
            None
        }
    };
    view! {
        <div class="embed-bar">
            {move || status().map(|(text, at_risk)| view! { <p class="keep-status" class:at-risk=at_risk>{text}</p> })}
            <a href=move || wizard.progress.with(|p| share_link_url(p, true)) target="_blank" rel="noopener">"Open the full page"</a>
        </div>
    }
}

/// The first paint needs only the questions: the guidance list is built right after it.
#[component]
fn DeferredGuidance() -> impl IntoView {
    let ready = RwSignal::new(false);
    request_animation_frame(move || set_timeout(move || ready.set(true), std::time::Duration::ZERO));
    view! {
        <Show
            when=move || ready.get()
            fallback=|| view! { <section class="guidance" aria-busy="true"><h2>"Your guidance list"</h2></section> }
        >
            <GuidancePanel/>
        </Show>
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
                    <button type="button" class="quiet" on:click=move |_| wizard.dismiss(notice.id)>"Dismiss"</button>
                </div>
            </For>
        </div>
    }
}

/// "You opened a link while progress is saved here: replace it or keep yours?"
#[component]
fn IncomingPrompt(incoming: Incoming) -> impl IntoView {
    let wizard = use_wizard();
    let Incoming { progress, from } = incoming;
    let count = evaluate(&progress.answers, progress.revision).counts(None).in_scope;
    let title = NodeRef::<html::H2>::new();
    focus_soon(title);
    let replace = move |_| {
        wizard.replace(progress.clone());
        wizard.tell(Tone::Info, format!("The scope from the {from} is open."));
        wizard.focus_step_heading();
    };
    let keep = move |_| {
        wizard.incoming.set(None);
        wizard.tell(Tone::Info, format!("Kept your saved progress; the {from} was not opened."));
        wizard.focus_step_heading();
    };
    view! {
        <section class="prompt" role="alertdialog" aria-labelledby="prompt-title" aria-describedby="prompt-text">
            <h2 id="prompt-title" tabindex="-1" node_ref=title>{format!("Open the scope from this {from}?")}</h2>
            <p id="prompt-text">
                {format!("The {from} holds a scope with {count} items in scope. You also have progress saved in this browser. Replacing it overwrites your saved answers and ticks.")}
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=replace>{format!("Replace with the {from}")}</button>
                <button type="button" on:click=keep>"Keep my progress"</button>
            </div>
        </section>
    }
}
