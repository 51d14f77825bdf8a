//! The browser's Back and Forward between the wizard's steps: what the wizard keeps in a history
//! entry, and which step a move onto an entry shows. The answers may have removed an entry's step
//! since it was made; Back onto it must still show a change, never nothing.

use crate::catalog::StepId;
use crate::wizard::{self, SUMMARY};

/// A history entry the wizard made: the step it showed, and how many entries of the wizard's
/// own lie before it in this tab (0: the entry the page opened on, or one the wizard is not sure
/// has any: passing over entries stops there, so Back never leaves the page by surprise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub depth: u32,
    pub step: String,
}

impl Entry {
    /// The entry as kept in `history.state`: `depth:step`.
    pub fn to_state(&self) -> String {
        format!("{}:{}", self.depth, self.step)
    }

    /// Reads a state the wizard wrote. An earlier version wrote the step alone: that entry counts
    /// as the first.
    pub fn from_state(state: &str) -> Entry {
        match state.split_once(':').and_then(|(depth, step)| Some((depth.parse().ok()?, step))) {
            Some((depth, step)) => Entry { depth, step: step.to_string() },
            None => Entry { depth: 0, step: state.to_string() },
        }
    }
}

/// What a move onto a history entry does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Landing {
    /// Shows this step (the entry is marked with it if it named another).
    Show(&'static str),
    /// The entry's step is gone, or is the one already on screen: go on one more entry the same
    /// way.
    PassOver,
}

/// Where a move onto an entry for `entry_step` lands, with `on_screen` the step shown before
/// the move and `further` whether another entry of the wizard's lies beyond it the same way
/// (known only for Back). A step the answers removed is passed over, and so is the step already
/// on screen (the person pressed Back to see something else); with no entry left, the step
/// nearest the entry's place that is not the one on screen.
pub fn landing(answers: &crate::Answers, entry_step: &str, on_screen: &str, further: bool) -> Landing {
    let steps = wizard::steps(answers);
    if let Some(step) = steps.iter().copied().find(|s| *s == entry_step && *s != on_screen) {
        return Landing::Show(step);
    }
    if further {
        return Landing::PassOver;
    }
    Landing::Show(nearest(&steps, entry_step, on_screen))
}

/// The step in `steps` nearest `place` in the wizard's order, other than `on_screen`: the last
/// one before it, else the first after it.
fn nearest(steps: &[&'static str], place: &str, on_screen: &str) -> &'static str {
    let order = |id: &str| StepId::by_id(id).map_or(usize::MAX, StepId::index);
    let place = if place == SUMMARY { usize::MAX } else { order(place) };
    let others = steps.iter().copied().filter(|s| *s != on_screen);
    let before = others.clone().rfind(|s| order(s) < place);
    // `steps` has the summary and at least one step before it, so another is always there.
    before.or_else(|| others.clone().next()).unwrap_or(steps[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse_prefill;

    #[test]
    fn an_entry_keeps_its_depth_and_step() {
        let entry = Entry { depth: 3, step: "intune".into() };
        assert_eq!(entry.to_state(), "3:intune");
        assert_eq!(Entry::from_state("3:intune"), entry);
        // An earlier version's state: the step alone, taken as the first entry.
        assert_eq!(Entry::from_state("intune"), Entry { depth: 0, step: "intune".into() });
        assert_eq!(Entry::from_state("x:intune"), Entry { depth: 0, step: "x:intune".into() });
    }

    #[test]
    fn a_step_that_still_applies_is_shown() {
        let answers = parse_prefill("services=intune").unwrap();
        assert_eq!(landing(&answers, "intune", "services", true), Landing::Show("intune"));
        assert_eq!(landing(&answers, "summary", "intune", false), Landing::Show("summary"));
    }

    #[test]
    fn a_removed_step_is_passed_over_while_an_entry_lies_beyond() {
        // Intune was unticked since the entry was made.
        let answers = parse_prefill("services=azure_rms").unwrap();
        assert_eq!(landing(&answers, "intune", "services", true), Landing::PassOver);
        // The entry beyond shows the step on screen: passed over too, Back must show a change.
        assert_eq!(landing(&answers, "services", "services", true), Landing::PassOver);
        assert_eq!(landing(&answers, "environment", "services", true), Landing::Show("environment"));
    }

    #[test]
    fn with_no_entry_beyond_the_nearest_other_step_is_shown() {
        let answers = parse_prefill("services=azure_rms").unwrap();
        assert_eq!(wizard::steps(&answers), ["services", "environment", "rms", "summary"]);
        // Intune's place: the step before it.
        assert_eq!(landing(&answers, "intune", "rms", false), Landing::Show("environment"));
        assert_eq!(landing(&answers, "intune", "environment", false), Landing::Show("services"));
        // The first step, already on screen: the one after it.
        assert_eq!(landing(&answers, "services", "services", false), Landing::Show("environment"));
        // The summary's place is last.
        assert_eq!(landing(&answers, "summary", "summary", false), Landing::Show("rms"));
        // A step id no version had: the last step before the summary's place.
        assert_eq!(landing(&answers, "gone", "summary", false), Landing::Show("rms"));
        // Also with another step on screen: the summary's place is taken by no step but the summary.
        assert_eq!(landing(&answers, "gone", "services", false), Landing::Show("rms"));
    }
}
