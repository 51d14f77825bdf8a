//! Which wizard steps and questions to show for the answers so far.

use crate::answers::Answers;
use crate::catalog::{QuestionId, StepId};
use crate::engine::{applies, Applies, Warning};

/// The id of the last step, which every wizard has: the summary with share and export.
pub const SUMMARY: &str = "summary";

/// The steps to show, in order: those with a question that applies, then the summary. A step
/// whose questions hang on unanswered ones is left out until they are answered.
pub fn steps(answers: &Answers) -> Vec<&'static str> {
    let mut out: Vec<&'static str> =
        StepId::all().filter(|&s| !questions(answers, s).is_empty()).map(|s| s.get().id).collect();
    out.push(SUMMARY);
    out
}

/// The questions of `step` that apply, in catalog order.
pub fn questions(answers: &Answers, step: StepId) -> Vec<QuestionId> {
    QuestionId::all().filter(|&q| q.get().step == step && applies(answers, q) == Applies::Yes).collect()
}

/// The first step with a question still to answer, or the summary: where a prefilled wizard opens.
pub fn first_open_step(answers: &Answers) -> &'static str {
    steps(answers)
        .into_iter()
        .find(|id| StepId::by_id(id).is_some_and(|s| questions(answers, s).iter().any(|q| !answers.is_answered(*q))))
        .unwrap_or(SUMMARY)
}

/// The questions asked for these answers that have no answer yet, step by step: what the
/// summary names before a scope is shared. A question that hangs on one of them is not asked
/// yet, so it comes once that one is answered.
pub fn unanswered(answers: &Answers) -> Vec<QuestionId> {
    StepId::all().flat_map(|s| questions(answers, s)).filter(|q| !answers.is_answered(*q)).collect()
}

/// Where a step stands among the steps shown: its place from 0 and how many steps there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepPlace {
    pub index: usize,
    pub count: usize,
}

impl StepPlace {
    /// Its number as the wizard and the portal say it, from 1 ("Step 2 of 5").
    pub fn number(self) -> usize {
        self.index + 1
    }

    pub fn is_first(self) -> bool {
        self.index == 0
    }

    pub fn is_last(self) -> bool {
        self.number() >= self.count
    }
}

/// Where `step` stands among the steps shown for `answers`; a step not shown counts as the first
/// (the step on screen always is shown: `Progress::current_step`).
pub fn step_place(answers: &Answers, step: &str) -> StepPlace {
    let shown = steps(answers);
    StepPlace { index: shown.iter().position(|s| *s == step).unwrap_or(0), count: shown.len() }
}

/// Where the button that clears an answer kept but ignored stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearAt {
    /// Under the questions of its step, which the wizard shows.
    Step(StepId),
    /// In the warnings above the guidance: its step is not shown, so it has no other place.
    Warnings,
}

/// For a warning about an answer kept but ignored: its question and where its clear button
/// stands. `None` for a conflict, which stands beside the questions it names, with no button.
pub fn clear_button(warning: &Warning, answers: &Answers) -> Option<(QuestionId, ClearAt)> {
    let Warning::Ignored { question } = warning else { return None };
    let step = question.get().step;
    let shown = steps(answers).contains(&step.get().id);
    Some((*question, if shown { ClearAt::Step(step) } else { ClearAt::Warnings }))
}

/// The answers kept but ignored whose clear button stands on `step`, each with its warning in
/// words: the step shows them beside its questions.
pub fn ignored_on_step(warnings: &[Warning], answers: &Answers, step: StepId) -> Vec<(QuestionId, String)> {
    let here = |w: &Warning| match clear_button(w, answers) {
        Some((question, ClearAt::Step(on))) if on == step => Some((question, w.message(answers))),
        _ => None,
    };
    warnings.iter().filter_map(here).collect()
}

/// The conflicts that name `question`, in words: they stand beside it.
pub fn conflicts_with(warnings: &[Warning], answers: &Answers, question: QuestionId) -> Vec<String> {
    let names = |w: &&Warning| matches!(w, Warning::Conflict { .. }) && w.questions().contains(&question);
    warnings.iter().filter(names).map(|w| w.message(answers)).collect()
}

/// Every warning in words, as listed above the guidance, with the question whose clear button
/// stands there (an answer ignored on a step that is not shown; a shown step has its own).
pub fn listed_warnings(warnings: &[Warning], answers: &Answers) -> Vec<(String, Option<QuestionId>)> {
    let listed = |w: &Warning| {
        let clear_here = match clear_button(w, answers) {
            Some((question, ClearAt::Warnings)) => Some(question),
            _ => None,
        };
        (w.message(answers), clear_here)
    };
    warnings.iter().map(listed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse_prefill;

    #[test]
    fn steps_follow_the_services() {
        assert_eq!(steps(&Answers::new()), ["services", "environment", "summary"]);
        let a = parse_prefill("services=intune,azure_rms").unwrap();
        assert_eq!(steps(&a), ["services", "environment", "intune", "rms", "summary"]);
        let a = parse_prefill("services=aad_premium&directory=single_forest").unwrap();
        assert_eq!(steps(&a), ["services", "environment", "aad", "summary"]);
        let env = StepId::by_id("environment").unwrap();
        let ids: Vec<&str> = questions(&a, env).iter().map(|q| q.get().id).collect();
        assert_eq!(ids, ["directory", "signin", "custom_sync_rules"]);
        assert_eq!(first_open_step(&a), "services");
        let a = parse_prefill("services=aad_premium&tenant=new&directory=cloud_only").unwrap();
        assert_eq!(first_open_step(&a), "aad");
    }

    #[test]
    fn unanswered_names_the_questions_asked_and_not_answered() {
        let ids = |a: &Answers| unanswered(a).iter().map(|q| q.get().id).collect::<Vec<_>>();
        assert_eq!(ids(&Answers::new()), ["services", "tenant", "directory"]);
        // Intune only: Exchange and its step's questions too; sign-in waits for the accounts.
        let a = parse_prefill("services=intune").unwrap();
        let intune = ["mdm_authority", "intune_scope", "third_party_mdm"];
        assert_eq!(ids(&a), [&["tenant", "directory", "exchange_onprem"][..], &intune[..]].concat());
        // The items these answers leave waiting (the summary says how many).
        assert_eq!(
            crate::engine::evaluate(&a, crate::catalog::Revision::CURRENT)
                .totals(&crate::catalog::ItemSet::new())
                .waiting,
            25
        );
        let a = parse_prefill("services=intune&directory=single_forest&tenant=new").unwrap();
        let want = ["signin", "custom_sync_rules", "exchange_onprem"];
        assert_eq!(ids(&a), [&want[..], &intune[..]].concat());
        // Each of them is on a step the wizard shows.
        for q in unanswered(&a) {
            assert!(steps(&a).contains(&q.get().step.get().id), "{}", q.get().id);
        }
        let all = "services=intune&tenant=new&directory=cloud_only&exchange_onprem=no&mdm_authority=intune\
            &intune_scope=mdm&third_party_mdm=no";
        assert_eq!(ids(&parse_prefill(all).unwrap()), Vec::<&str>::new());
    }

    #[test]
    fn a_step_has_its_place_among_the_steps_shown() {
        let a = parse_prefill("services=intune,azure_rms").unwrap();
        // services, environment, intune, rms, summary
        let place = |step| step_place(&a, step);
        assert_eq!(place("services"), StepPlace { index: 0, count: 5 });
        assert_eq!(place("intune"), StepPlace { index: 2, count: 5 });
        assert_eq!(place(SUMMARY), StepPlace { index: 4, count: 5 });
        assert_eq!(place("aad"), StepPlace { index: 0, count: 5 }, "a step not shown");
        assert_eq!([place("services").number(), place("intune").number(), place(SUMMARY).number()], [1, 3, 5]);
        let ends = |step| (place(step).is_first(), place(step).is_last());
        assert_eq!(
            [ends("services"), ends("environment"), ends("rms"), ends(SUMMARY)],
            [(true, false), (false, false), (false, false), (false, true)]
        );
        assert_eq!(step_place(&Answers::new(), "environment"), StepPlace { index: 1, count: 3 });
    }

    #[test]
    fn an_ignored_answer_is_cleared_on_its_step_while_that_step_is_shown() {
        let warnings = |a: &Answers| crate::engine::evaluate(a, crate::catalog::Revision::CURRENT).warnings;
        let step = |id| StepId::by_id(id).unwrap();
        // Intune's MDM authority answered, then Intune unticked: its step goes, the answer stays.
        let a = parse_prefill("services=aad_premium&mdm_authority=intune&tenant=new").unwrap();
        let mdm = QuestionId::by_id("mdm_authority").unwrap();
        let clear: Vec<_> = warnings(&a).iter().filter_map(|w| clear_button(w, &a)).collect();
        assert_eq!(clear, [(mdm, ClearAt::Warnings)]);
        // The sign-in answer is ignored for a cloud-only directory; its step, environment, is shown.
        let a = parse_prefill("services=aad_premium&directory=cloud_only&signin=federated").unwrap();
        let signin = QuestionId::by_id("signin").unwrap();
        let clear: Vec<_> = warnings(&a).iter().filter_map(|w| clear_button(w, &a)).collect();
        assert_eq!(clear, [(signin, ClearAt::Step(step("environment")))]);
        // A conflict has no clear button.
        let a = parse_prefill("services=intune&mdm_authority=intune&third_party_mdm=yes").unwrap();
        let w = warnings(&a);
        assert!(w.iter().any(|w| matches!(w, Warning::Conflict { .. })), "{w:?}");
        assert!(w.iter().all(|w| clear_button(w, &a).is_none()), "{w:?}");
    }

    #[test]
    fn each_warning_stands_where_its_answer_can_be_changed() {
        let situation = |prefill| {
            let a = parse_prefill(prefill).unwrap();
            (crate::engine::evaluate(&a, crate::catalog::Revision::CURRENT).warnings, a)
        };
        let step = |id| StepId::by_id(id).unwrap();
        let q = |id| QuestionId::by_id(id).unwrap();
        // Ignored on a shown step: on that step, and listed above the guidance with no button.
        let (w, a) = situation("services=aad_premium&directory=cloud_only&signin=federated");
        let on_step = ignored_on_step(&w, &a, step("environment"));
        assert_eq!(on_step.iter().map(|(q, _)| *q).collect::<Vec<_>>(), [q("signin")]);
        assert_eq!(on_step[0].1, w[0].message(&a));
        assert!(ignored_on_step(&w, &a, step("services")).is_empty());
        assert_eq!(listed_warnings(&w, &a), [(w[0].message(&a), None)]);
        assert!(conflicts_with(&w, &a, q("signin")).is_empty(), "not a conflict");
        // Ignored on a step not shown: listed with its button, on no step.
        let (w, a) = situation("services=aad_premium&mdm_authority=intune&tenant=new");
        assert_eq!(listed_warnings(&w, &a), [(w[0].message(&a), Some(q("mdm_authority")))]);
        assert!(ignored_on_step(&w, &a, step("intune")).is_empty());
        // A conflict: beside each question it names, listed with no button, on no step's list.
        let (w, a) = situation("services=intune&mdm_authority=intune&third_party_mdm=yes");
        let conflict = w.iter().find(|w| matches!(w, Warning::Conflict { .. })).unwrap().message(&a);
        for named in ["mdm_authority", "third_party_mdm"] {
            assert_eq!(conflicts_with(&w, &a, q(named)), [conflict.as_str()], "{named}");
        }
        assert!(conflicts_with(&w, &a, q("intune_scope")).is_empty());
        assert!(listed_warnings(&w, &a).contains(&(conflict, None)));
        assert!(ignored_on_step(&w, &a, step("intune")).is_empty());
    }
}
