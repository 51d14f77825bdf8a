//! The question side: step list, one step's questions, back and next, and the summary step.

use crate::app::{current_step, use_wizard};
use crate::dom::{button, el, tag, El};
use crate::share;
use crate::reactive::*;
use scope::answers::Applies;
use scope::catalog::{Kind, QuestionId, StepId};
use scope::engine::Warning;
use scope::wizard::{self, SUMMARY};

fn step_title(id: &str) -> &'static str {
    StepId::by_id(id).map(|s| s.get().title).unwrap_or("Summary and sharing")
}

/// The question side of the page: the step list, the step on screen, Back and Next.
pub fn steps_panel() -> El {
    let wizard = use_wizard();
    // Plain closures, not memos: each is cheap, and every memo type costs the wasm about 0.4 KB.
    let steps = move || wizard.progress.with(|p| wizard::steps(&p.answers));
    let step = move || wizard.progress.with(current_step);
    let position = move || steps().iter().position(|x| *x == step()).unwrap_or(0);

    let step_list = el("ol").list(
        steps,
        move |&id| {
            el("li").child(
                button(step_title(id), move |_| wizard.go_to(id))
                    .class("step-link")
                    .attr_with("aria-current", move || (step() == id).then(|| "step".to_string())),
            )
        },
    );
    el("section")
        .class("questions")
        .attr("aria-labelledby", "step-heading")
        .child(el("nav").class("step-list").attr("aria-label", "Steps").child(step_list))
        .child(el("p").class("step-count").text_with(move || format!("Step {} of {}", position() + 1, steps().len())))
        .child(el("h2").id("step-heading").attr("tabindex", "-1").text_with(move || step_title(step()).to_string()))
        .child_with(
            step,
            |id| {
                if *id == SUMMARY {
                    Some(summary())
                } else {
                    StepId::by_id(id).map(step_questions)
                }
            },
        )
        .child(el("div").class("step-nav").children([
            button("Back", move |_| {
                let i = position();
                if i > 0 {
                    wizard.go_to(steps()[i - 1]);
                }
            })
            .flag_with("disabled", move || position() == 0),
            button("Next", move |_| {
                let i = position();
                if let Some(next) = steps().get(i + 1).copied() {
                    wizard.go_to(next);
                }
            })
            .class("primary")
            .flag_with("disabled", move || position() + 1 >= steps().len()),
        ]))
}

/// The questions of one step that apply, and the warnings that name them or their step.
fn step_questions(step: StepId) -> El {
    let wizard = use_wizard();
    let questions = move || wizard.progress.with(|p| wizard::questions(&p.answers, step));
    // Answers kept but ignored on this step: the question is hidden, so the warning stands here.
    let ignored = move || {
        wizard.scope.with(|s| {
            wizard.progress.with_untracked(|p| {
                s.warnings
                    .iter()
                    .filter_map(|w| match w {
                        Warning::Ignored { question } if question.get().step == step => {
                            Some((*question, w.message(&p.answers)))
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    el("div")
        .class("step-questions")
        .list(questions, |&q| question_field(q))
        .list(ignored, |(q, message)| el("div").class("warning-box").attr("role", "note").child(tag("p", "", &message)).child(clear_answer(*q)))
}

/// Clears an answer that is kept but ignored.
pub fn clear_answer(q: QuestionId) -> El {
    let wizard = use_wizard();
    button(&format!("Clear the {} answer", q.get().short.to_ascii_lowercase()), move |_| wizard.set_progress.update(|p| p.answers.clear(q))).class("quiet")
}

/// One question: its choices as radio buttons or checkboxes, its help, and its conflicts.
fn question_field(q: QuestionId) -> El {
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
    let choices = question.values.iter().enumerate().map(|(i, choice)| {
        let input_id = format!("q-{name}-{}", choice.id);
        el("li")
            .child(
                el("input")
                    .attr("type", if question.kind == Kind::Single { "radio" } else { "checkbox" })
                    .id(&input_id)
                    .attr("name", name)
                    .attr("value", choice.id)
                    .checked_with(move || wizard.progress.with(|p| p.answers.has(q, i)))
                    .on("change", move |_| wizard.set_progress.update(|p| p.answers.pick(q, i))),
            )
            .child(tag("label", "", choice.label).attr("for", &input_id))
    });
    let field = el("fieldset").class("question").id(&format!("question-{name}"));
    let field = if question.help.is_some() { field.attr("aria-describedby", &help_id) } else { field };
    field
        .child(tag("legend", "", question.label))
        .child_if(question.help.map(|h| tag("p", "help", h).id(&help_id)))
        .child_if((question.kind == Kind::Multi).then(|| tag("p", "help", "Choose all that apply.")))
        .child(el("ul").class("choices").children(choices))
        // A live region that is always there, so a conflict that appears is announced.
        .child(el("div").attr("aria-live", "polite").list(conflicts, |message| tag("p", "warning-box", message)))
}

/// The last step: the answers at a glance, then share, export, import and compare.
fn summary() -> El {
    let wizard = use_wizard();
    let rows = move || {
        wizard.progress.with(|p| {
            p.answers
                .answered()
                .filter(|q| p.answers.applies(*q) == Applies::Yes)
                .map(|q| {
                    let question = q.get();
                    let values: Vec<&str> = p.answers.values(q).map(|v| question.values[v].label).collect();
                    let values = values.join(", ");
                    (question.short, values, question.step.get().id)
                })
                .collect::<Vec<_>>()
        })
    };
    let answers = el("dl").class("answers").list(rows, move |&(short, ref values, step)| {
        el("div").class("answer-row").child(tag("dt", "", short)).child(
            tag("dd", "", values).text(" ").child(
                button("Change", move |_| wizard.go_to(step))
                    .class("link")
                    .child(tag("span", "visually-hidden", &format!(" {short}"))),
            ),
        )
    });
    el("div")
        .class("summary")
        .child(answers)
        .child_with(
            move || wizard.progress.with(|p| p.answers.answered().next().is_none()),
            |none| none.then(|| tag("p", "help", "No answers yet. Go back to the first step to describe your situation.")),
        )
        .children(share::summary_actions())
}
