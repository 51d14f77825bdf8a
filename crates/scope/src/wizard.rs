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
}
