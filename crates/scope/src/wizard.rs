//! Which wizard steps and questions to show for the answers so far.

use crate::answers::Answers;
use crate::catalog::{QuestionId, StepId};
use crate::engine::{applies, Applies};

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
}
