//! Share, export, import and compare, on the summary step; and start over.

use crate::browser;
use crate::embed;
use crate::state::{focus_soon, use_wizard, Incoming, Source, Tone};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use scope::compare::Comparison;
use scope::export;
use scope::import::{file_text, read_scope};
use scope::notice::Notice;
use scope::progress::{ReadError, MAX_BYTES};
use scope::{link, Progress};
use wasm_bindgen::JsCast;

/// The full page's address (`base`, `Wizard::page_base`) with `progress` as a share link.
pub fn share_link_url(base: &str, progress: &Progress, with_done: bool) -> String {
    format!("{base}#{}", link::encode_share(progress, with_done))
}

#[component]
pub fn SummaryActions() -> impl IntoView {
    view! {
        <ShareBlock/>
        <ExportBlock/>
        <ImportBlock/>
        <StartOver/>
    }
}

#[component]
fn ShareBlock() -> impl IntoView {
    let wizard = use_wizard();
    let with_done = RwSignal::new(true);
    let (status, refused) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let url = move || wizard.progress.with(|p| share_link_url(&wizard.page_base.get(), p, with_done.get()));
    // Taken here: the clipboard's answer comes back outside any component.
    let host = expect_context::<embed::Host>();
    let copy = move |_| {
        browser::copy(&url(), move |ok| {
            if ok {
                host.exported("link");
            }
            let text = if ok {
                "Share link copied."
            } else {
                "Copying was refused by the browser; select the link above and copy it."
            };
            say(status, refused, ok, text);
        });
    };
    let select_all = |ev: web_sys::FocusEvent| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        }
    };
    view! {
        <section class="block" aria-labelledby="share-heading">
            <h3 id="share-heading">"Share this scope"</h3>
            <p class="help">"The link holds your answers in its last part (after #), which browsers never send to a server. Anyone who opens it sees the same scope."</p>
            <p class="check">
                <input type="checkbox" id="share-done" prop:checked=move || with_done.get() on:change=move |_| with_done.update(|v| *v = !*v)/>
                <label for="share-done">"Include my done ticks"</label>
            </p>
            <label for="share-url" class="field-label">"Share link"</label>
            <input id="share-url" class="share-url" type="text" readonly prop:value=url on:focus=select_all/>
            <div class="actions">
                <button type="button" class="primary" on:click=copy>"Copy share link"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
            <ActionError refused/>
        </section>
    }
}

#[component]
fn ExportBlock() -> impl IntoView {
    let wizard = use_wizard();
    let host = expect_context::<embed::Host>();
    let (status, refused) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let download_link = NodeRef::<html::A>::new();
    let markdown = move || wizard.progress.with_untracked(|p| export::to_markdown(p, &browser::today()));
    let json = move || wizard.progress.with_untracked(|p| export::to_json(p, &browser::today()));
    let save = move |extension: &str, mime: &str, text: String, format: &str| {
        let file = format!("ems-onboarding-scope-{}.{extension}", browser::today());
        let saved = download_link.get_untracked().ok_or_else(|| "the page is not ready".to_string());
        match saved.and_then(|link| browser::download(&link, &file, mime, &text)) {
            Ok(()) => {
                say(status, refused, true, format!("Downloaded {file}."));
                host.exported(format);
            }
            Err(e) => say(status, refused, false, format!("The download failed: {e}.")),
        }
    };
    let copy_markdown = move |_| {
        browser::copy(&markdown(), move |ok| {
            if ok {
                host.exported("markdown");
            }
            let text =
                if ok { "Markdown copied." } else { "Copying was refused by the browser; use the download instead." };
            say(status, refused, ok, text);
        });
    };
    view! {
        <section class="block" aria-labelledby="export-heading">
            <h3 id="export-heading">"Export"</h3>
            <p class="help">"Markdown reads well in an e-mail, a ticket or a wiki. JSON is for other tools, and this wizard can open it again."</p>
            <div class="actions">
                <button type="button" on:click=move |_| save("md", "text/markdown", markdown(), "markdown")>"Download Markdown"</button>
                <button type="button" on:click=copy_markdown>"Copy Markdown"</button>
                <button type="button" on:click=move |_| save("json", "application/json", json(), "json")>"Download JSON"</button>
                <button type="button" on:click=move |_| drop(window().print())>"Print or save as PDF"</button>
            </div>
            // Downloads go through this link; it is never shown.
            <a hidden node_ref=download_link></a>
            <p class="status" role="status">{move || status.get()}</p>
            <ActionError refused/>
        </section>
    }
}

/// A failed copy or download, in the error style: an alert added with its text (announced as it
/// comes), and none on the page while nothing failed.
#[component]
fn ActionError(refused: RwSignal<String>) -> impl IntoView {
    move || {
        refused
            .with(|text| (!text.is_empty()).then(|| view! { <p class="action-error" role="alert">{text.clone()}</p> }))
    }
}

/// An action's outcome: a success in the status line, a failure (a refused copy, a failed
/// download) as an alert in the error style; the other line is emptied.
fn say(status: RwSignal<String>, refused: RwSignal<String>, ok: bool, text: impl Into<String>) {
    let (shown, emptied) = if ok { (status, refused) } else { (refused, status) };
    emptied.set(String::new());
    shown.set(text.into());
}

#[component]
fn ImportBlock() -> impl IntoView {
    let wizard = use_wizard();
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    // Numbered, so that comparing again draws (and announces) the result again.
    let comparison = RwSignal::new(None::<(u32, Comparison)>);
    let read = move || match wizard.progress.with_untracked(|p| read_scope(&pasted.get_untracked(), p)) {
        Ok(p) => {
            error.set(String::new());
            Some(p)
        }
        Err(e) => {
            error.set(e);
            comparison.set(None);
            None
        }
    };
    let open = move |_| {
        // Taken at once (nothing to lose) it is said here; else the question says it.
        if read().is_some_and(|progress| wizard.receive(Incoming { progress, from: Source::Import })) {
            wizard.notify(Source::Import.opened());
        }
    };
    let compare = move |_| {
        if let Some(theirs) = read() {
            let made = wizard.progress.with_untracked(|ours| Comparison::new(ours, &theirs));
            comparison.update(|c| *c = Some((c.as_ref().map_or(0, |(n, _)| n + 1), made)));
        }
    };
    // A comparison is shown only while the scope on screen is the one it was made with.
    let holds = move || comparison.with(|c| c.as_ref().map(|(_, c)| wizard.progress.with(|p| c.holds_for(p))));
    view! {
        <section class="block" aria-labelledby="import-heading">
            <h3 id="import-heading">"Open or compare a scope"</h3>
            <p class="help">"Paste a share link or a JSON export that someone sent you, or choose or drop the file. Open it to carry on from it, or compare it item by item with the scope on screen."</p>
            <DropZone pasted error/>
            <div class="actions">
                <button type="button" on:click=open>"Open this scope"</button>
                <button type="button" on:click=compare>"Compare with mine"</button>
            </div>
            <p class="error-text" role="alert">{move || error.get()}</p>
            <For each=move || comparison.get().filter(|_| holds() == Some(true)) key=|(n, _)| *n let:((_, comparison))>
                <ComparisonTable comparison/>
            </For>
            <Show when=move || holds() == Some(false)>
                <p class="status" role="status">"Your scope has changed since the comparison: compare again to see how the two differ now."</p>
            </Show>
        </section>
    }
}

/// The text box, the file input and the drop target: each puts the text to read in `pasted`.
#[component]
fn DropZone(pasted: RwSignal<String>, error: RwSignal<String>) -> impl IntoView {
    let read_file = move |file: web_sys::File| {
        if file.size() > MAX_BYTES as f64 {
            error.set(format!("This file could not be read: {}.", ReadError::TooLarge(file.size() as usize)));
            return;
        }
        let (promise, name) = (file.text(), file.name());
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string());
            // A file that is not text, or empty, is said, and the box keeps what it had.
            match text.as_deref().map(|text| file_text(&name, text)) {
                Some(Ok(text)) => {
                    error.set(String::new());
                    pasted.set(text.to_string())
                }
                Some(Err(refusal)) => error.set(refusal),
                None => error.set("This file could not be read as text.".into()),
            }
        });
    };
    let dropped = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read_file(file);
        }
    };
    let chosen = move |ev: web_sys::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            read_file(file);
        }
    };
    view! {
        <div class="drop-zone" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=dropped>
            <label for="import-text" class="field-label">"Share link or JSON export"</label>
            <textarea id="import-text" rows="4" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <label for="import-file" class="field-label">"Or a file (JSON export)"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=chosen/>
        </div>
    }
}

/// Item by item, how the loaded scope differs from the one on screen.
#[component]
fn ComparisonTable(comparison: Comparison) -> impl IntoView {
    if comparison.rows.is_empty() {
        return view! { <p class="status" role="status">"The two scopes are the same, item by item, done ticks included."</p> }.into_any();
    }
    let count = comparison.rows.len();
    let rows = comparison
        .rows
        .into_iter()
        .map(|(text, difference)| view! { <tr><td>{text}</td><td>{difference}</td></tr> })
        .collect_view();
    let differences = if count == 1 { "difference" } else { "differences" };
    view! {
        <div class="comparison" role="status">
            <p>{format!("{count} {differences} between your scope and theirs:")}</p>
            <table>
                <thead><tr><th scope="col">"Guidance item"</th><th scope="col">"Difference"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Erases everything, after asking. Focus follows: to Cancel when asked, back to the button on
/// Cancel, to the first step's heading once erased.
#[component]
fn StartOver() -> impl IntoView {
    let wizard = use_wizard();
    let asking = RwSignal::new(false);
    let start_button = NodeRef::<html::Button>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    let ask = move |_| {
        asking.set(true);
        focus_soon(cancel_button);
    };
    let erase = move |_| {
        wizard.progress.set(Progress::default());
        asking.set(false);
        wizard.notify(Notice::outcome(Tone::Info, "Started over: all answers and ticks are erased."));
        wizard.focus_step_heading();
    };
    let cancel = move || {
        asking.set(false);
        focus_soon(start_button);
    };
    view! {
        <section class="block" aria-labelledby="restart-heading">
            <h3 id="restart-heading">"Start over"</h3>
            <button type="button" id="restart" hidden=move || asking.get() node_ref=start_button on:click=ask>"Start over…"</button>
            <Show when=move || asking.get()>
                // Escape is the safe answer: Cancel.
                <div class="confirm" role="alertdialog" aria-labelledby="restart-q"
                    on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Escape" { cancel() }>
                    <p id="restart-q">"Erase all answers and done ticks in this browser? This cannot be undone; a share link or export made before keeps them."</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=erase>"Yes, erase everything"</button>
                        <button type="button" id="restart-cancel" node_ref=cancel_button on:click=move |_| cancel()>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
