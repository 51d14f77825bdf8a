//! Share, export, import and compare, on the summary step; and start over.

use crate::app::{use_wizard, Incoming, Tone};
use crate::dom::{button, el, listener_element, tag, El};
use crate::{browser, embed};
use crate::reactive::*;
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

/// The blocks under the answers on the summary step.
pub fn summary_actions() -> [El; 4] {
    [share_block(), export_block(), import_block(), start_over()]
}

/// A block of the summary step: `<section>` with its heading and a line of help.
fn block(id: &str, title: &str, help: &str) -> El {
    el("section")
        .class("block")
        .attr("aria-labelledby", &format!("{id}-heading"))
        .child(tag("h3", "", title).id(&format!("{id}-heading")))
        .child_if((!help.is_empty()).then(|| tag("p", "help", help)))
}

/// A polite status line that follows `status`.
fn status_line(status: RwSignal<String>) -> El {
    el("p").class("status").attr("role", "status").text_with(move || status.get())
}

fn share_block() -> El {
    let wizard = use_wizard();
    let with_done = RwSignal::new(true);
    let status = RwSignal::new(String::new());
    let url = move || wizard.progress.with(|p| embed::share_url(p, with_done.get()));
    block("share", "Share this scope", "The link holds your answers in its last part (after #), which browsers never send to a server. Anyone who opens it sees the same scope.")
        .child(
            el("p").class("check").children([
                el("input")
                    .attr("type", "checkbox")
                    .id("share-done")
                    .checked_with(move || with_done.get())
                    .on("change", move |_| with_done.update(|v| *v = !*v)),
                tag("label", "", "Include my done ticks").attr("for", "share-done"),
            ]),
        )
        .child(tag("label", "field-label", "Share link").attr("for", "share-url"))
        .child(
            el("input")
                .id("share-url")
                .class("share-url")
                .attr("type", "text")
                .attr("readonly", "")
                .value_with(url)
                .on("focus", |ev| {
                    if let Some(input) = listener_element::<web_sys::HtmlInputElement>(&ev) {
                        input.select();
                    }
                }),
        )
        .child(el("div").class("actions").child(
            button("Copy share link", move |_| {
                let link = url();
                browser::copy(&link, move |ok| status.set(if ok { "Share link copied.".into() } else { "Copying was refused by the browser; select the link above and copy it.".into() }));
                embed::notify_export("link");
            })
            .class("primary"),
        ))
        .child(status_line(status))
}

fn export_block() -> El {
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
    block("export", "Export", "Markdown reads well in an e-mail, a ticket or a wiki. JSON is for other tools, and this wizard can open it again.")
        .child(el("div").class("actions").children([
            button("Download Markdown", move |_| save("md", "text/markdown", markdown(), "markdown")),
            button("Copy Markdown", move |_| {
                browser::copy(&markdown(), move |ok| status.set(if ok { "Markdown copied.".into() } else { "Copying was refused by the browser; use the download instead.".into() }));
                embed::notify_export("markdown");
            }),
            button("Download JSON", move |_| save("json", "application/json", json(), "json")),
            button("Print or save as PDF", |_| {
                if let Some(w) = browser::window() {
                    w.print().ok();
                }
            }),
        ]))
        .child(status_line(status))
}

fn import_block() -> El {
    let wizard = use_wizard();
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    // Where a comparison goes. Replaced by hand, not through a signal: it has no bindings, and
    // comparing again draws (and announces) the result again.
    let result = el("div").class("comparison-slot");
    let show = {
        let slot = result.0.clone();
        move |content: Option<El>| {
            slot.set_text_content(None);
            if let Some(c) = content {
                slot.append_child(&c.0).ok();
            }
        }
    };
    let show_none = show.clone();

    let read = move |text: &str| -> Option<Progress> {
        match wizard.progress.with_untracked(|p| read_scope(text, p)) {
            Ok(p) => {
                error.set(String::new());
                Some(p)
            }
            Err(e) => {
                error.set(e);
                show_none(None);
                None
            }
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

    let drop_zone = el("div")
        .class("drop-zone")
        .on("dragover", |ev| ev.prevent_default())
        .on("drop", move |ev| {
            ev.prevent_default();
            // Only the browser fires `drop`, always as a DragEvent; data_transfer() may still be null.
            let files = ev.unchecked_ref::<web_sys::DragEvent>().data_transfer().and_then(|d| d.files());
            if let Some(file) = files.and_then(|f| f.get(0)) {
                read_file(file);
            }
        })
        .child(tag("label", "field-label", "Share link or JSON export").attr("for", "import-text"))
        .child(
            el("textarea")
                .id("import-text")
                .attr("rows", "4")
                .value_with(move || pasted.get())
                .on("input", move |ev| {
                    if let Some(area) = listener_element::<web_sys::HtmlTextAreaElement>(&ev) {
                        pasted.set(area.value());
                    }
                }),
        )
        .child(tag("label", "field-label", "Or a file (JSON export)").attr("for", "import-file"))
        .child(el("input").id("import-file").attr("type", "file").attr("accept", ".json,application/json").on("change", move |ev| {
            let input = listener_element::<web_sys::HtmlInputElement>(&ev);
            if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                read_file(file);
            }
        }));

    block("import", "Open or compare a scope", "Paste a share link or a JSON export that someone sent you, or choose or drop the file. Open it to carry on from it, or compare it item by item with the scope on screen.")
        .child(drop_zone)
        .child(el("div").class("actions").children([
            button("Open this scope", {
                let read = read.clone();
                move |_| {
                    if let Some(p) = read(&pasted.get_untracked()) {
                        wizard.offer(Incoming { progress: p, from: "import" });
                    }
                }
            }),
            button("Compare with mine", move |_| {
                if let Some(theirs) = read(&pasted.get_untracked()) {
                    let diffs = wizard.progress.with_untracked(|ours| export::compare(ours, &theirs));
                    show(Some(comparison(&diffs)));
                }
            }),
        ]))
        .child(el("p").class("error-text").attr("role", "alert").text_with(move || error.get()))
        .child(result)
}

fn comparison(diffs: &[(scope::ItemId, Difference)]) -> El {
    if diffs.is_empty() {
        return tag("p", "status", "The two scopes are the same, item by item, done ticks included.").attr("role", "status");
    }
    let rows = diffs.iter().map(|(id, d)| {
        let what = match d {
            Difference::OnlyTheirs => "Only in theirs".to_string(),
            Difference::OnlyOurs => "Only in yours".to_string(),
            Difference::Outcome { ours, theirs } => format!("Yours: {}; theirs: {}", ours.replace('_', " "), theirs.replace('_', " ")),
            Difference::Done { ours, theirs } => format!("Done in {} only", if *ours && !*theirs { "yours" } else { "theirs" }),
        };
        el("tr").child(tag("td", "", id.get().text)).child(tag("td", "", &what))
    });
    let head = el("tr").children([tag("th", "", "Guidance item").attr("scope", "col"), tag("th", "", "Difference").attr("scope", "col")]);
    el("div")
        .class("comparison")
        .attr("role", "status")
        .child(tag("p", "", &format!("{} differences between your scope and theirs:", diffs.len())))
        .child(el("table").child(el("thead").child(head)).child(el("tbody").children(rows)))
}

fn start_over() -> El {
    let wizard = use_wizard();
    let asking = RwSignal::new(false);
    block("restart", "Start over", "").child_with(
        move || asking.get(),
        move |asking_now| {
            Some(if *asking_now {
                el("div")
                    .class("confirm")
                    .attr("role", "alertdialog")
                    .attr("aria-labelledby", "restart-q")
                    .child(tag("p", "", "Erase all answers and done ticks in this browser? This cannot be undone; a share link or export made before keeps them.").id("restart-q"))
                    .child(el("div").class("actions").children([
                        button("Yes, erase everything", move |_| {
                            wizard.set_progress.set(Progress::default());
                            asking.set(false);
                            wizard.tell(Tone::Info, "Started over: all answers and ticks are erased.");
                            browser::focus_by_id("step-heading");
                        })
                        .class("danger"),
                        button("Cancel", move |_| {
                            asking.set(false);
                            browser::focus_by_id("restart");
                        })
                        .id("restart-cancel"),
                    ]))
            } else {
                button("Start over…", move |_| {
                    asking.set(true);
                    browser::focus_by_id("restart-cancel");
                })
                .id("restart")
            })
        },
    )
}
