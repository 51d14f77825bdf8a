//! The question side: step list, one step's questions, back and next, and the summary step.

use crate::browser;
use crate::share::SummaryActions;
use crate::state::{use_wizard, Wizard};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use scope::catalog::{Kind, QuestionId, StepId};
use scope::engine::{applies, Applies};
use scope::wizard::{self, SUMMARY};
use wasm_bindgen::JsCast;

fn step_title(id: &str) -> &'static str {
    StepId::by_id(id).map_or("Summary and sharing", |s| s.get().title)
}

#[component]
pub fn StepsPanel() -> impl IntoView {
    let wizard = use_wizard();
    let steps = Memo::new(move |_| wizard.progress.with(|p| wizard::steps(&p.answers)));
    let step = Memo::new(move |_| wizard.step());
    let place = Memo::new(move |_| wizard.progress.with(|p| wizard::step_place(&p.answers, step.get())));
    let go_back = move |_| {
        let index = place.get_untracked().index;
        if let Some(previous) = index.checked_sub(1).and_then(|i| steps.with_untracked(|s| s.get(i).copied())) {
            wizard.go_to(previous);
        }
    };
    let go_next = move |_| {
        if let Some(next) = steps.with_untracked(|s| s.get(place.get_untracked().index + 1).copied()) {
            wizard.go_to(next);
        }
    };
    // Until the app is up a click on these would be lost: they wait, disabled, as the ticks do.
    let waiting = move || !wizard.ready.get();
    let list = NodeRef::<html::Ol>::new();
    // After every step change (and on opening progress), once the list is drawn.
    Effect::new(move |_| {
        step.track();
        browser::next_frame(move || reveal_current_step(list));
    });
    view! {
        <section class="questions" aria-labelledby="step-heading">
            <nav class="step-list" aria-label="Steps">
                <ol node_ref=list>
                    <For each=move || steps.get() key=|id| *id let:id>
                        <li>
                            <button type="button" class="step-link" aria-current=move || (step.get() == id).then_some("step") disabled=waiting on:click=move |_| wizard.go_to(id)>
                                {step_title(id)}
                            </button>
                        </li>
                    </For>
                </ol>
            </nav>
            <p class="step-count">{move || format!("Step {} of {}", place.get().number(), place.get().count)}</p>
            <h2 id="step-heading" tabindex="-1" node_ref=wizard.step_heading>{move || step_title(step.get())}</h2>
            {move || match step.get() {
                SUMMARY => view! { <Summary/> }.into_any(),
                id => StepId::by_id(id).map(|step| view! { <StepQuestions step/> }).into_any(),
            }}
            <div class="step-nav">
                <button type="button" disabled=move || waiting() || place.get().is_first() on:click=go_back>"Back"</button>
                <button type="button" class="primary" disabled=move || waiting() || place.get().is_last() on:click=go_next>"Next"</button>
            </div>
        </section>
    }
}

/// On a phone the steps are one row that scrolls sideways: brings the current step's button
/// into it. Only the row scrolls; `scrollIntoView` would also move the page up or down.
fn reveal_current_step(list: NodeRef<html::Ol>) {
    // try_: the list's owner may be gone by the next frame.
    let Some(list) = list.try_get_untracked().flatten() else { return };
    let Ok(Some(current)) = list.query_selector("[aria-current]") else { return };
    let (row, button) = (list.get_bounding_client_rect(), current.get_bounding_client_rect());
    let shift =
        if button.left() < row.left() { button.left() - row.left() } else { (button.right() - row.right()).max(0.0) };
    if shift != 0.0 {
        list.set_scroll_left(list.scroll_left() + shift.round() as i32);
    }
}

/// The questions of one step that apply, and the answers kept but ignored on it (their question
/// is hidden, so the warning stands here, with a button to clear the answer).
#[component]
fn StepQuestions(step: StepId) -> impl IntoView {
    let wizard = use_wizard();
    let questions = Memo::new(move |_| wizard.progress.with(|p| wizard::questions(&p.answers, step)));
    let ignored = Memo::new(move |_| {
        wizard.scope.with(|s| wizard.progress.with(|p| wizard::ignored_on_step(&s.warnings, &p.answers, step)))
    });
    view! {
        <div class="step-questions">
            <For each=move || questions.get() key=|q| *q let:q>
                <QuestionField q/>
            </For>
            <For each=move || ignored.get() key=|warning| warning.clone() let:warning>
                <div class="warning-box" role="note">
                    <p>{warning.1}</p>
                    <ClearAnswer q=warning.0/>
                </div>
            </For>
        </div>
    }
}

/// Clears an answer that is kept but ignored.
#[component]
pub fn ClearAnswer(q: QuestionId) -> impl IntoView {
    let wizard = use_wizard();
    view! {
        // The button goes with the warning it clears: focus moves on to the next warning's.
        <button type="button" class="quiet clear-answer" on:click=move |e| {
            focus_next_or_heading(wizard, &e, ".warnings, .step-questions", "button.clear-answer");
            wizard.progress.update(|p| p.answers.clear(q));
        }>
            // As written: a short name may start with a product's name ("Azure AD Premium …").
            {format!("Clear the {} answer", q.get().short)}
        </button>
    }
}

/// For a button that goes away with its row (a notice's Dismiss, a warning's Clear), called by
/// its click before the change: once the change is drawn, focus goes to the button that took its
/// place among the `buttons` of its `container` (the next row's), or to the step's heading when
/// there is none. Never to <body>.
pub fn focus_next_or_heading(wizard: Wizard, click: &ev::MouseEvent, container: &str, buttons: &'static str) {
    let pressed = click.current_target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    let place = pressed.and_then(|pressed| {
        let list = pressed.closest(container).ok().flatten()?;
        let all = list.query_selector_all(buttons).ok()?;
        let index = (0..all.length()).find(|&i| all.item(i).is_some_and(|b| b.is_same_node(Some(&*pressed))))?;
        Some((list, index))
    });
    browser::next_frame(move || {
        let next = place.and_then(|(list, index)| list.query_selector_all(buttons).ok()?.item(index));
        match next.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(button) => {
                let _ = button.focus();
            }
            None => wizard.focus_step_heading(),
        }
    });
}

/// A question's choices share its id and its answer through context, and each choice reads them:
/// a click re-runs only the choices of the question it answers.
#[derive(Clone, Copy)]
struct ChoiceGroup {
    question: QuestionId,
    /// The picked values as a bit mask over the question's values.
    bits: Memo<u32>,
}

/// One question: its choices as radio buttons or checkboxes, its help, and its conflicts.
#[component]
fn QuestionField(q: QuestionId) -> impl IntoView {
    let wizard = use_wizard();
    let question = q.get();
    let help_id = format!("help-{}", question.id);
    let conflicts = Memo::new(move |_| {
        wizard.scope.with(|s| wizard.progress.with(|p| wizard::conflicts_with(&s.warnings, &p.answers, q)))
    });
    let bits = Memo::new(move |_| wizard.progress.with(|p| p.answers.bits(q)));
    provide_context(ChoiceGroup { question: q, bits });
    view! {
        <fieldset class="question" id=format!("question-{}", question.id) aria-describedby=question.help.map(|_| help_id.clone())>
            <legend>{question.label}</legend>
            {question.help.map(|help| view! { <p class="help" id=help_id.clone()>{help}</p> })}
            {(question.kind == Kind::Multi).then(|| view! { <p class="help">"Choose all that apply."</p> })}
            <ul class="choices">
                {(0..question.values.len()).map(|value| view! { <Choice value/> }).collect_view()}
            </ul>
            // A live region that is always there, so a conflict that appears is announced.
            <div aria-live="polite">
                <For each=move || conflicts.get() key=|message| message.clone() let:message>
                    <p class="warning-box">{message}</p>
                </For>
            </div>
        </fieldset>
    }
}

/// One choice of the question its [`ChoiceGroup`] names.
#[component]
fn Choice(value: usize) -> impl IntoView {
    let wizard = use_wizard();
    let ChoiceGroup { question: q, bits } = expect_context::<ChoiceGroup>();
    let question = q.get();
    let choice = &question.values[value];
    let input_id = format!("q-{}-{}", question.id, choice.id);
    view! {
        <li>
            // `name` and `value` are the catalog's ids: browser::checked_choices reads them back.
            <input
                type=if question.kind == Kind::Single { "radio" } else { "checkbox" }
                id=input_id.clone()
                name=question.id
                value=choice.id
                prop:checked=move || bits.get() & (1 << value) != 0
                on:change=move |_| wizard.progress.update(|p| p.answers.pick(q, value))
            />
            <label for=input_id>{choice.label}</label>
        </li>
    }
}

/// The last step: the answers at a glance, then share, export, import and compare.
#[component]
fn Summary() -> impl IntoView {
    let wizard = use_wizard();
    let rows = move || {
        wizard.progress.with(|p| {
            let applying = p.answers.answered().filter(|q| applies(&p.answers, *q) == Applies::Yes);
            applying
                .map(|q| {
                    let question = q.get();
                    let values: Vec<&str> = p.answers.values(q).map(|v| question.values[v].label).collect();
                    (question.short, values.join(", "), question.step.get().id)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="summary">
            <dl class="answers">
                <For each=rows key=|row| row.clone() let:row>
                    <div class="answer-row">
                        <dt>{row.0}</dt>
                        <dd>
                            {row.1.clone()}
                            " "
                            <button type="button" class="link" on:click=move |_| wizard.go_to(row.2)>
                                "Change"<span class="visually-hidden">{format!(" {}", row.0)}</span>
                            </button>
                        </dd>
                    </div>
                </For>
            </dl>
            <Show when=move || wizard.progress.with(|p| p.answers.answered().next().is_none())>
                <p class="help">"No answers yet. Go back to the first step to describe your situation."</p>
            </Show>
            <Unanswered/>
            <SummaryActions/>
        </div>
    }
}

/// The questions asked and not answered yet, each with a way to its step, and how many guidance
/// items wait for them: said before the scope is shared.
#[component]
fn Unanswered() -> impl IntoView {
    let wizard = use_wizard();
    let questions = Memo::new(move |_| wizard.progress.with(|p| wizard::unanswered(&p.answers)));
    let waiting = move || match wizard.scope.with(|s| s.totals(&scope::catalog::ItemSet::new()).waiting) {
        0 => None,
        1 => Some("1 guidance item waits for these answers.".to_string()),
        n => Some(format!("{n} guidance items wait for these answers.")),
    };
    view! {
        <Show when=move || questions.with(|q| !q.is_empty())>
            <section class="unanswered warning-box" aria-labelledby="unanswered-heading">
                <h3 id="unanswered-heading">"Not answered yet"</h3>
                {move || waiting().map(|line| view! { <p>{line}</p> })}
                <ul>
                    <For each=move || questions.get() key=|q| *q let:q>
                        <li>
                            {q.get().label}
                            " "
                            <button type="button" class="link" on:click=move |_| wizard.go_to(q.get().step.get().id)>
                                "Answer"<span class="visually-hidden">{format!(" the {} question", q.get().short)}</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
