//! The question side: step list, one step's questions, back and next, and the summary step.

use crate::app::{current_step, use_wizard};
use crate::share::SummaryActions;
use leptos::prelude::*;
use scope::answers::Applies;
use scope::catalog::{Kind, QuestionId, StepId};
use scope::engine::Warning;
use scope::wizard::{self, SUMMARY};

fn step_title(id: &str) -> &'static str {
    StepId::by_id(id).map(|s| s.get().title).unwrap_or("Summary and sharing")
}

#[component]
pub fn StepsPanel() -> impl IntoView {
    let wizard = use_wizard();
    let steps = Memo::new(move |_| wizard.progress.with(|p| wizard::steps(&p.answers)));
    let step = Memo::new(move |_| wizard.progress.with(current_step));
    let position = move || steps.with(|s| s.iter().position(|x| *x == step.get()).unwrap_or(0));

    view! {
        <section class="questions" aria-labelledby="step-heading">
            <nav class="step-list" aria-label="Steps">
                <ol>
                    <For each=move || steps.get() key=|s| *s let:id>
                        <li>
                            <button
                                type="button"
                                class="step-link"
                                aria-current=move || (step.get() == id).then_some("step")
                                on:click=move |_| wizard.go_to(id)
                            >
                                {step_title(id)}
                            </button>
                        </li>
                    </For>
                </ol>
            </nav>
            <p class="step-count">{move || format!("Step {} of {}", position() + 1, steps.with(Vec::len))}</p>
            <h2 id="step-heading" tabindex="-1">{move || step_title(step.get())}</h2>
            {move || {
                let id = step.get();
                if id == SUMMARY {
                    view! { <Summary/> }.into_any()
                } else {
                    StepId::by_id(id).map(|s| view! { <StepQuestions step=s/> }.into_any()).unwrap_or_else(|| ().into_any())
                }
            }}
            <div class="step-nav">
                <button
                    type="button"
                    disabled=move || position() == 0
                    on:click=move |_| {
                        let i = position();
                        if i > 0 {
                            wizard.go_to(steps.with_untracked(|s| s[i - 1]));
                        }
                    }
                >"Back"</button>
                <button
                    type="button"
                    class="primary"
                    disabled=move || { position() + 1 >= steps.with(Vec::len) }
                    on:click=move |_| {
                        let i = position();
                        if let Some(next) = steps.with_untracked(|s| s.get(i + 1).copied()) {
                            wizard.go_to(next);
                        }
                    }
                >"Next"</button>
            </div>
        </section>
    }
}

/// The questions of one step that apply, and the warnings that name them or their step.
#[component]
fn StepQuestions(step: StepId) -> impl IntoView {
    let wizard = use_wizard();
    let questions = Memo::new(move |_| wizard.progress.with(|p| wizard::questions(&p.answers, step)));
    // Answers kept but ignored on this step: the question is hidden, so the warning stands here.
    let ignored = move || {
        wizard.scope.with(|s| {
            wizard.progress.with_untracked(|p| {
                s.warnings
                    .iter()
                    .filter_map(|w| match w {
                        Warning::Ignored { question } if question.get().step == step => Some((*question, w.message(&p.answers))),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <For each=move || questions.get() key=|q| q.0 let:q>
            <QuestionField q/>
        </For>
        <For each=ignored key=|w| w.clone() let:w>
            <div class="warning-box" role="note">
                <p>{w.1}</p>
                <ClearAnswer q=w.0/>
            </div>
        </For>
    }
}

/// Clears an answer that is kept but ignored.
#[component]
pub fn ClearAnswer(q: QuestionId) -> impl IntoView {
    let wizard = use_wizard();
    view! {
        <button type="button" class="quiet" on:click=move |_| wizard.set_progress.update(|p| p.answers.clear(q))>
            {format!("Clear the {} answer", q.get().short.to_ascii_lowercase())}
        </button>
    }
}

#[component]
fn QuestionField(q: QuestionId) -> impl IntoView {
    let wizard = use_wizard();
    let question = q.get();
    let name = question.id;
    let help_id = format!("help-{name}");
    let conflicts = move || {
        wizard.scope.with(|s| {
            s.warnings
                .iter()
                .filter(|w| matches!(w, Warning::Conflict { .. }) && w.questions().contains(&q))
                .map(|w| wizard.progress.with_untracked(|p| w.message(&p.answers)))
                .collect::<Vec<_>>()
        })
    };
    let choices = question
        .values
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let input_id = format!("q-{name}-{}", choice.id);
            let checked = move || wizard.progress.with(|p| p.answers.has(q, i));
            view! {
                <li>
                    <input
                        type=if question.kind == Kind::Single { "radio" } else { "checkbox" }
                        id=input_id.clone()
                        name=name
                        value=choice.id
                        prop:checked=checked
                        on:change=move |_| wizard.set_progress.update(|p| p.answers.pick(q, i))
                    />
                    <label for=input_id>{choice.label}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question" id=format!("question-{name}") aria-describedby=question.help.map(|_| help_id.clone())>
            <legend>{question.label}</legend>
            {question.help.map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            {(question.kind == Kind::Multi).then(|| view! { <p class="help">"Choose all that apply."</p> })}
            <ul class="choices">{choices}</ul>
            // A live region that is always there, so a conflict that appears is announced.
            <div aria-live="polite">
                <For each=conflicts key=|m| m.clone() let:message>
                    <p class="warning-box">{message}</p>
                </For>
            </div>
        </fieldset>
    }
}

/// The last step: the answers at a glance, then share, export, import and compare.
#[component]
fn Summary() -> impl IntoView {
    let wizard = use_wizard();
    let rows = move || {
        wizard.progress.with(|p| {
            p.answers
                .answered()
                .filter(|q| p.answers.applies(*q) == Applies::Yes)
                .map(|q| {
                    let question = q.get();
                    let values: Vec<&str> = p.answers.values(q).map(|v| question.values[v].label).collect();
                    (q, question.short, values.join(", "), question.step.get().id)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <dl class="answers">
            <For each=rows key=|r| (r.0 .0, r.2.clone()) let:row>
                <div class="answer-row">
                    <dt>{row.1}</dt>
                    <dd>
                        {row.2.clone()}
                        " "
                        <button type="button" class="link" on:click=move |_| wizard.go_to(row.3)>
                            "Change"<span class="visually-hidden">{format!(" {}", row.1)}</span>
                        </button>
                    </dd>
                </div>
            </For>
        </dl>
        {move || wizard.progress.with(|p| p.answers.answered().next().is_none()).then(|| view! {
            <p class="help">"No answers yet. Go back to the first step to describe your situation."</p>
        })}
        <SummaryActions/>
    }
}
