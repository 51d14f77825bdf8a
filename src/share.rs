//! Share, export, import and compare, on the summary step; and start over.

use crate::app::{use_wizard, Incoming, Tone};
use crate::{browser, embed};
use leptos::prelude::*;
use scope::export::{self, Difference};
use scope::link::{self, Fragment};
use scope::progress::{ReadError, MAX_BYTES};
use scope::Progress;
use wasm_bindgen::JsCast;

/// Reads what a user pasted or dropped: a JSON export, a share link or a prefill link.
pub fn read_scope(text: &str, current: &Progress) -> Result<Progress, String> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err("There is nothing to read: paste a share link or a JSON export, or choose a file.".into());
    }
    if text.len() > MAX_BYTES {
        return Err(format!("This could not be read: {}.", ReadError::TooLarge(text.len())));
    }
    if text.starts_with('{') || text.starts_with('[') {
        // A JSON export, or a saved record kept aside by this wizard.
        return match (export::from_json(text), Progress::from_json(text)) {
            (Ok(p), _) => Ok(p),
            (Err(ReadError::NotOurs(_)), Ok(p)) => Ok(p),
            (Err(e), _) => Err(format!("This file could not be read: {e}.")),
        };
    }
    let fragment = text.split_once('#').map(|(_, f)| f).unwrap_or(text);
    match link::parse_fragment(fragment) {
        Ok(Fragment::Shared(p)) => Ok(p),
        Ok(Fragment::Prefill(answers)) => Ok(Progress::from_prefill(answers, current.revision)),
        Ok(Fragment::Empty) => Err("This link holds no scope.".into()),
        Err(e) => Err(format!("This could not be read: {e}.")),
    }
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
    let status = RwSignal::new(String::new());
    let url = move || wizard.progress.with(|p| embed::share_url(p, with_done.get()));
    view! {
        <section class="block" aria-labelledby="share-heading">
            <h3 id="share-heading">"Share this scope"</h3>
            <p class="help">"The link holds your answers in its last part (after #), which browsers never send to a server. Anyone who opens it sees the same scope."</p>
            <p class="check">
                <input type="checkbox" id="share-done" prop:checked=move || with_done.get() on:change=move |_| with_done.update(|v| *v = !*v)/>
                <label for="share-done">"Include my done ticks"</label>
            </p>
            <label for="share-url" class="field-label">"Share link"</label>
            <input id="share-url" class="share-url" type="text" readonly prop:value=url on:focus=move |ev| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            }/>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| {
                    let link = url();
                    browser::copy(&link, move |ok| status.set(if ok { "Share link copied.".into() } else { "Copying was refused by the browser; select the link above and copy it.".into() }));
                    embed::notify_export("link");
                }>"Copy share link"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn ExportBlock() -> impl IntoView {
    let wizard = use_wizard();
    let status = RwSignal::new(String::new());
    let markdown = move || wizard.progress.with_untracked(|p| export::to_markdown(p, &browser::today()));
    let json = move || wizard.progress.with_untracked(|p| export::to_json(p, &browser::today()));
    let save = move |name: &'static str, mime: &'static str, text: String, format: &'static str| {
        let file = format!("ems-onboarding-scope-{}.{name}", browser::today());
        match browser::download(&file, mime, &text) {
            Ok(()) => status.set(format!("Downloaded {file}.")),
            Err(e) => status.set(format!("The download failed: {e}.")),
        }
        embed::notify_export(format);
    };
    view! {
        <section class="block" aria-labelledby="export-heading">
            <h3 id="export-heading">"Export"</h3>
            <p class="help">"Markdown reads well in an e-mail, a ticket or a wiki. JSON is for other tools, and this wizard can open it again."</p>
            <div class="actions">
                <button type="button" on:click=move |_| save("md", "text/markdown", markdown(), "markdown")>"Download Markdown"</button>
                <button type="button" on:click=move |_| {
                    browser::copy(&markdown(), move |ok| status.set(if ok { "Markdown copied.".into() } else { "Copying was refused by the browser; use the download instead.".into() }));
                    embed::notify_export("markdown");
                }>"Copy Markdown"</button>
                <button type="button" on:click=move |_| save("json", "application/json", json(), "json")>"Download JSON"</button>
                <button type="button" on:click=move |_| {
                    if let Some(w) = browser::window() {
                        w.print().ok();
                    }
                }>"Print or save as PDF"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn ImportBlock() -> impl IntoView {
    let wizard = use_wizard();
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let differences = RwSignal::new(None::<Vec<(scope::ItemId, Difference)>>);

    let read = move |text: &str| -> Option<Progress> {
        match wizard.progress.with_untracked(|p| read_scope(text, p)) {
            Ok(p) => {
                error.set(String::new());
                Some(p)
            }
            Err(e) => {
                error.set(e);
                differences.set(None);
                None
            }
        }
    };
    let open = move |text: String| {
        if let Some(p) = read(&text) {
            wizard.offer(Incoming { progress: p, from: "import" });
        }
    };
    let compare = move |text: String| {
        if let Some(theirs) = read(&text) {
            differences.set(Some(wizard.progress.with_untracked(|ours| export::compare(ours, &theirs))));
        }
    };
    let read_file = move |file: web_sys::File| {
        if file.size() > MAX_BYTES as f64 {
            error.set(format!("This file could not be read: {}.", ReadError::TooLarge(file.size() as usize)));
            return;
        }
        let promise = file.text();
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()) {
                Some(text) => pasted.set(text),
                None => error.set("This file could not be read as text.".into()),
            }
        });
    };

    view! {
        <section class="block" aria-labelledby="import-heading">
            <h3 id="import-heading">"Open or compare a scope"</h3>
            <p class="help">"Paste a share link or a JSON export that someone sent you, or choose or drop the file. Open it to carry on from it, or compare it item by item with the scope on screen."</p>
            <div
                class="drop-zone"
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                        read_file(file);
                    }
                }
            >
                <label for="import-text" class="field-label">"Share link or JSON export"</label>
                <textarea id="import-text" rows="4" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <label for="import-file" class="field-label">"Or a file (JSON export)"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=move |ev| {
                    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                        read_file(file);
                    }
                }/>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| open(pasted.get_untracked())>"Open this scope"</button>
                <button type="button" on:click=move |_| compare(pasted.get_untracked())>"Compare with mine"</button>
            </div>
            <p class="error-text" role="alert">{move || error.get()}</p>
            {move || differences.get().map(|diffs| view! { <Comparison diffs/> })}
        </section>
    }
}

#[component]
fn Comparison(diffs: Vec<(scope::ItemId, Difference)>) -> impl IntoView {
    if diffs.is_empty() {
        return view! { <p class="status" role="status">"The two scopes are the same, item by item, done ticks included."</p> }.into_any();
    }
    let count = diffs.len();
    let rows = diffs
        .into_iter()
        .map(|(id, d)| {
            let what = match d {
                Difference::OnlyTheirs => "Only in theirs".to_string(),
                Difference::OnlyOurs => "Only in yours".to_string(),
                Difference::Outcome { ours, theirs } => format!("Yours: {}; theirs: {}", ours.replace('_', " "), theirs.replace('_', " ")),
                Difference::Done { ours, theirs } => format!("Done in {} only", if ours && !theirs { "yours" } else { "theirs" }),
            };
            view! { <tr><td>{id.get().text}</td><td>{what}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="comparison" role="status">
            <p>{format!("{count} differences between your scope and theirs:")}</p>
            <table>
                <thead><tr><th scope="col">"Guidance item"</th><th scope="col">"Difference"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn StartOver() -> impl IntoView {
    let wizard = use_wizard();
    let asking = RwSignal::new(false);
    view! {
        <section class="block" aria-labelledby="restart-heading">
            <h3 id="restart-heading">"Start over"</h3>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="restart-q">
                        <p id="restart-q">"Erase all answers and done ticks in this browser? This cannot be undone; a share link or export made before keeps them."</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=move |_| {
                                wizard.set_progress.set(Progress::default());
                                asking.set(false);
                                wizard.tell(Tone::Info, "Started over: all answers and ticks are erased.");
                                browser::focus_by_id("step-heading");
                            }>"Yes, erase everything"</button>
                            <button type="button" id="restart-cancel" on:click=move |_| {
                                asking.set(false);
                                browser::focus_by_id("restart");
                            }>"Cancel"</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" id="restart" on:click=move |_| {
                        asking.set(true);
                        browser::focus_by_id("restart-cancel");
                    }>"Start over…"</button>
                }.into_any()
            }}
        </section>
    }
}
