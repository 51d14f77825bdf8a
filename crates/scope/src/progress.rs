//! The customer's progress (answers, current step, done ticks) and its saved JSON record.
//!
//! The record carries a format number. Format 2 is current; format 1 (the first, pre-release
//! record: answers as comma-joined strings, the step as a number) is migrated on load. A record
//! from a newer format, or one that is not ours, is refused with a message, so the caller can keep
//! it aside and start fresh.

use crate::answers::Answers;
use crate::catalog::{ItemId, ItemSet, QuestionId, Revision, STEPS};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The saved-record format this build writes.
pub const FORMAT: u64 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    pub answers: Answers,
    /// The wizard step on screen: a step id from the catalog, or [`crate::wizard::SUMMARY`].
    pub step: String,
    pub done: ItemSet,
    pub revision: Revision,
}

/// Why a saved record or an imported file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or JSON of another shape.
    NotOurs(String),
    /// Written by a newer version of the wizard.
    Newer(u64),
    /// Ours, but it names something this catalog does not have, or answers a one-answer question
    /// twice: a whole clause saying which (`` `x` is not a question in this version of the wizard``).
    Unknown(String),
    /// Larger than any record of ours can be.
    TooLarge(usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotOurs(why) => write!(f, "this is not a scope saved by this wizard ({why})"),
            ReadError::Newer(v) => {
                write!(f, "it was written by a newer version of the wizard (format {v}); update the page and try again")
            }
            ReadError::Unknown(why) => f.write_str(why),
            ReadError::TooLarge(n) => write!(f, "it is {n} bytes, far more than a scope can be"),
        }
    }
}

/// No record or export of ours comes near this size; anything larger is refused unread.
pub const MAX_BYTES: usize = 256 * 1024;

impl Progress {
    /// The step on screen: the saved one if it still applies, else the first.
    pub fn current_step(&self) -> &'static str {
        let steps = crate::wizard::steps(&self.answers);
        steps.iter().copied().find(|s| *s == self.step).unwrap_or(steps[0])
    }

    /// This tab's progress once another tab has saved `theirs` over the same record: their
    /// answers, ticks and revision (the tabs follow each other), on this tab's own step while it
    /// is still shown, else on theirs (where the change that took this step away was made). The
    /// bool says the step moved.
    pub fn follow(&self, theirs: Progress) -> (Progress, bool) {
        let mine = self.current_step();
        if !crate::wizard::steps(&theirs.answers).contains(&mine) {
            return (theirs, true);
        }
        let mut followed = Progress { step: self.step.clone(), ..theirs };
        // This tab's step as it is written here (blank for the first step), unless that would
        // now name another step: a step left stale by an earlier change that applies again.
        if followed.current_step() != mine {
            followed.step = mine.into();
        }
        (followed, false)
    }

    /// Nothing to lose: no answer and no tick.
    pub fn is_blank(&self) -> bool {
        self.answers.answered().next().is_none() && self.done.is_empty()
    }

    /// The progress a prefill (link or portal message) opens: its answers, on the first step with a
    /// question left, no ticks; the revision shown stays as it was.
    pub fn from_prefill(answers: Answers, revision: Revision) -> Progress {
        let step = crate::wizard::first_open_step(&answers).to_string();
        Progress { answers, step, done: ItemSet::new(), revision }
    }

    /// The saved record, as compact JSON.
    pub fn to_json(&self) -> String {
        // Plain structs with string keys cannot fail to serialize; no panic path either way.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved record of any known format. Unknown question, value or item ids (from a
    /// catalog that has since changed) are dropped rather than failing the whole record.
    pub fn from_json(text: &str) -> Result<Progress, ReadError> {
        Progress::from_saved(text).map(|saved| saved.progress)
    }

    /// Like [`Progress::from_json`], and also says whether the record was in an earlier format
    /// (and so was migrated) and which of its parts were of the wrong shape and left out, for
    /// the app to tell the user.
    pub fn from_saved(text: &str) -> Result<Saved, ReadError> {
        let record: SavedIn = read_object(text)?;
        match (record.format, record.version) {
            (Some(v), _) if v > FORMAT => Err(ReadError::Newer(v)),
            (Some(FORMAT), _) => Ok(record.format_2()),
            // A JSON export also says `"version":1`; its `schema` tells it apart from a format-1 record.
            (None, Some(1)) if record.schema.is_none() => Ok(record.format_1()),
            _ => Err(ReadError::NotOurs("no format number".into())),
        }
    }
}

/// A saved record as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub progress: Progress,
    /// The record was in an earlier format.
    pub migrated: bool,
    /// Parts of the record of the wrong shape, left out, each named for the person ("your answer
    /// to Tenant", "some of your done ticks"). Ids this catalog does not know are not among them:
    /// a catalog change drops those quietly.
    pub skipped: Vec<String>,
}

/// The saved record as this build writes it (format 2):
/// `{"format":2,"answers":{"services":["intune"]},"step":"aad","done":["general.remote_support"]}`,
/// with `"revision":"earlier"` (or a later revision's id) at the end when another revision than
/// `current` is shown.
#[derive(Serialize)]
struct SavedOut<'a> {
    format: u64,
    answers: &'a Answers,
    step: &'a str,
    done: &'a ItemSet,
    #[serde(skip_serializing_if = "is_current")]
    revision: Revision,
}

fn is_current(revision: &Revision) -> bool {
    *revision == Revision::CURRENT
}

/// A record's revision: one it names and this build knows, else the one a record naming none
/// means (records written before revisions were a list left out the current one).
fn saved_revision<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Revision, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(Revision::deserialize(value).unwrap_or(Revision::CURRENT))
}

fn unnamed_revision() -> Revision {
    Revision::CURRENT
}

/// A progress serializes as its saved record (so storage can write it with a typed `set`).
impl Serialize for Progress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let record = SavedOut {
            format: FORMAT,
            answers: &self.answers,
            step: &self.step,
            done: &self.done,
            revision: self.revision,
        };
        record.serialize(serializer)
    }
}

/// A saved record of any format, read leniently: a part of the wrong shape is left out, and
/// named in [`Saved::skipped`]. Format 1 (`{"version":1,"answers":{"services":"intune,aad_premium"},"step":2}`)
/// has answers as comma-joined strings, the step as an index into the step list, and no done ticks.
#[derive(Deserialize)]
struct SavedIn {
    #[serde(default, deserialize_with = "lenient")]
    format: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    version: Option<u64>,
    /// Only exports carry one (`"schema":"ems-onboarding-scope"`).
    #[serde(default)]
    schema: Option<Value>,
    #[serde(default)]
    answers: Option<Value>,
    /// A step id (format 2) or index (format 1).
    #[serde(default)]
    step: Value,
    #[serde(default)]
    done: Option<Value>,
    #[serde(default = "unnamed_revision", deserialize_with = "saved_revision")]
    revision: Revision,
}

impl SavedIn {
    fn format_2(self) -> Saved {
        let mut skipped = Vec::new();
        let mut answers = Answers::new();
        for (question, values) in &answers_or_skip(self.answers, &mut skipped) {
            if let Err(ReadError::NotOurs(_)) = read_answer(&mut answers, question, values) {
                skip_answer(question, &mut skipped);
            }
        }
        let step = self.step.as_str().filter(|s| is_step(s)).unwrap_or("").to_string();
        let done = match self.done {
            None => Vec::new(),
            Some(Value::Array(ticks)) => ticks,
            Some(_) => {
                skipped.push("your done ticks".into());
                Vec::new()
            }
        };
        if done.iter().any(|tick| !tick.is_string()) {
            skipped.push("some of your done ticks".into());
        }
        let done = done.iter().filter_map(Value::as_str).filter_map(ItemId::by_id).collect();
        let progress = Progress { answers, step, done, revision: self.revision };
        Saved { progress, migrated: false, skipped }
    }

    fn format_1(self) -> Saved {
        let mut skipped = Vec::new();
        let mut answers = Answers::new();
        for (question, joined) in &answers_or_skip(self.answers, &mut skipped) {
            match joined.as_str() {
                Some(joined) => {
                    let _ = answers.set_by_joined_ids(question, joined);
                }
                None => skip_answer(question, &mut skipped),
            }
        }
        let step = self.step.as_u64().and_then(|n| STEPS.get(n as usize)).map(|s| s.id.to_string());
        let progress =
            Progress { answers, step: step.unwrap_or_default(), done: ItemSet::new(), revision: Revision::CURRENT };
        Saved { progress, migrated: true, skipped }
    }
}

/// A record's `answers`, which should be a JSON object: its entries, or none (and `skipped` says
/// so) when it is something else. A record with no answers has none.
fn answers_or_skip(answers: Option<Value>, skipped: &mut Vec<String>) -> Map<String, Value> {
    match answers {
        None => Map::new(),
        Some(Value::Object(map)) => map,
        Some(_) => {
            skipped.push("your answers".into());
            Map::new()
        }
    }
}

/// An answer of the wrong shape, named for the person by its question's short name. An unknown
/// question is dropped quietly, as a catalog change drops it.
fn skip_answer(question: &str, skipped: &mut Vec<String>) {
    if let Some(q) = QuestionId::by_id(question) {
        skipped.push(format!("your answer to {}", q.get().short));
    }
}

/// For `deserialize_with`: the field as `T` if it has that shape, else `T`'s default, so that one
/// odd field of a saved record costs only itself.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(deserializer: D) -> Result<T, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// A JSON object from outside (storage, a file), within the size cap, read as `T`. The text is
/// read as a JSON value first, so that anything but an object is refused as such (a derived
/// struct would also take an array), and of duplicate keys the last wins. serde_json refuses
/// nesting deeper than 128 levels with an error, so deep nesting cannot overflow the stack.
pub(crate) fn read_object<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::NotOurs(format!("not JSON: {e}")))?;
    if !value.is_object() {
        return Err(ReadError::NotOurs("not a JSON object".into()));
    }
    T::deserialize(value).map_err(|e| ReadError::NotOurs(format!("not laid out as ours: {e}")))
}

fn is_step(s: &str) -> bool {
    s == crate::wizard::SUMMARY || STEPS.iter().any(|st| st.id == s)
}

/// Reads answers as exports write them (`{"question":["value",…]}`): an unknown question or
/// value, or an answer of the wrong shape, is an error. (A saved record is read answer by answer,
/// in `SavedIn::format_2`.)
pub(crate) fn answers_from_map(map: &Map<String, Value>) -> Result<Answers, ReadError> {
    let mut answers = Answers::new();
    for (question, values) in map {
        read_answer(&mut answers, question, values)?;
    }
    Ok(answers)
}

/// One answer; with an error, `answers` is left as it was for that question.
fn read_answer(answers: &mut Answers, question: &str, values: &Value) -> Result<(), ReadError> {
    let list = values.as_array().ok_or_else(|| ReadError::NotOurs(format!("answer `{question}` is not a list")))?;
    let ids: Option<Vec<&str>> = list.iter().map(Value::as_str).collect();
    let ids = ids.ok_or_else(|| ReadError::NotOurs(format!("answer `{question}` holds something other than text")))?;
    answers.set_by_ids(question, &ids).map_err(ReadError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_step_is_the_saved_one_while_it_applies() {
        let mut p = Progress::default();
        p.answers.set_by_ids("services", &["intune"]).unwrap();
        p.step = "intune".into();
        assert_eq!(p.current_step(), "intune");
        p.step = "summary".into();
        assert_eq!(p.current_step(), "summary");
        // The Rights Management step is not shown without that service: back to the first.
        p.step = "rms".into();
        assert_eq!(p.current_step(), "services");
        p.step = String::new();
        assert_eq!(p.current_step(), "services");
    }

    fn progress(services: &[&str], step: &str) -> Progress {
        let mut p = Progress { step: step.into(), ..Progress::default() };
        p.answers.set_by_ids("services", services).unwrap();
        p
    }

    #[test]
    fn a_tab_follows_another_on_its_own_step_while_that_step_is_shown() {
        // The other tab moved to the summary and ticked an item: this one stays on its step.
        let mine = progress(&["intune"], "intune");
        let mut theirs = progress(&["intune", "azure_rms"], "summary");
        theirs.done.insert(ItemId::by_id("general.remote_support").unwrap());
        theirs.revision = Revision::EARLIER;
        let (followed, moved) = mine.follow(theirs.clone());
        assert!(!moved);
        assert_eq!(followed, Progress { step: "intune".into(), ..theirs.clone() });
        // A blank step (the first) stays blank: nothing changes here when only their step did.
        let fresh = progress(&[], "");
        let (followed, moved) = fresh.follow(progress(&[], "environment"));
        assert_eq!((followed, moved), (progress(&[], ""), false));
        // A step name left stale (not shown, so the first step is on screen) must not come back.
        let stale = progress(&[], "intune");
        let (followed, moved) = stale.follow(progress(&["intune"], "summary"));
        assert_eq!((followed.step.as_str(), followed.current_step(), moved), ("services", "services", false));
    }

    #[test]
    fn a_tab_whose_step_is_gone_moves_to_the_other_tabs_step() {
        let mine = progress(&["intune", "azure_rms"], "rms");
        let theirs = progress(&["intune"], "services");
        assert_eq!(mine.follow(theirs.clone()), (theirs, true));
    }
}
