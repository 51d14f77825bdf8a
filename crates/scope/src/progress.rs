//! The customer's progress (answers, current step, done ticks) and its saved JSON record.
//!
//! The record carries a format number. Format 2 is current; format 1 (the first, pre-release
//! record: answers as comma-joined strings, the step as a number) is migrated on load. A record
//! from a newer format, or one that is not ours, is refused with a message, so the caller can keep
//! it aside and start fresh.

use crate::answers::Answers;
use crate::catalog::{ItemId, ItemSet, Revision, STEPS};
use crate::json::{self, Json, Writer};

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
    /// Ours, but it names something this catalog does not have.
    Unknown(String),
    /// Larger than any record of ours can be.
    TooLarge(usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotOurs(why) => write!(f, "this is not a scope saved by this wizard ({why})"),
            ReadError::Newer(v) => write!(f, "it was written by a newer version of the wizard (format {v}); update the page and try again"),
            ReadError::Unknown(what) => write!(f, "it names {what}, which this version of the wizard does not know"),
            ReadError::TooLarge(n) => write!(f, "it is {n} bytes, far more than a scope can be"),
        }
    }
}

/// No record or export of ours comes near this size; anything larger is refused unread.
pub const MAX_BYTES: usize = 256 * 1024;

impl Progress {
    /// Nothing to lose: no answer and no tick.
    pub fn is_blank(&self) -> bool {
        self.answers.answered().next().is_none() && self.done.is_empty()
    }

    /// The progress a prefill (link or portal message) opens: its answers, on the first step with a
    /// question left, no ticks; the revision shown stays as it was.
    pub fn from_prefill(answers: Answers, revision: Revision) -> Progress {
        let step = crate::wizard::first_open_step(&answers).to_string();
        Progress {
            answers,
            step,
            done: ItemSet::new(),
            revision,
        }
    }

    /// The saved record, as compact JSON.
    pub fn to_json(&self) -> String {
        let mut w = Writer::new(false);
        w.begin('{');
        w.key("format");
        w.u64(FORMAT);
        w.key("answers");
        write_answers(&mut w, &self.answers);
        w.key("step");
        w.str(&self.step);
        w.key("done");
        w.begin('[');
        for d in self.done.iter() {
            w.str(d.get().id);
        }
        w.end(']');
        if self.revision == Revision::Earlier {
            w.key("revision");
            w.str("earlier");
        }
        w.end('}');
        w.finish()
    }

    /// Reads a saved record of any known format. Unknown question, value or item ids (from a
    /// catalog that has since changed) are dropped rather than failing the whole record.
    pub fn from_json(text: &str) -> Result<Progress, ReadError> {
        Progress::from_saved(text).map(|(progress, _)| progress)
    }

    /// Like [`Progress::from_json`], and also says whether the record was in an earlier format
    /// (and so was migrated), for the app to tell the user.
    pub fn from_saved(text: &str) -> Result<(Progress, bool), ReadError> {
        let root = read_object(text)?;
        match (
            root.get("format").and_then(Json::as_u64),
            root.get("version").and_then(Json::as_u64),
        ) {
            (Some(FORMAT), _) => Ok((read_format_2(&root), false)),
            (Some(v), _) if v > FORMAT => Err(ReadError::Newer(v)),
            (None, Some(1)) => Ok((migrate_format_1(&root), true)),
            _ => Err(ReadError::NotOurs("no format number".into())),
        }
    }
}

/// A JSON object from outside (storage, a file), within the size cap.
pub(crate) fn read_object(text: &str) -> Result<Json, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(text.len()));
    }
    let root = json::parse(text).map_err(|e| ReadError::NotOurs(format!("not JSON: {e}")))?;
    if root.as_object().is_none() {
        return Err(ReadError::NotOurs("not a JSON object".into()));
    }
    Ok(root)
}

fn read_format_2(root: &Json) -> Progress {
    let answers = root
        .get("answers")
        .map(|a| answers_from_json(a, false).unwrap_or_default())
        .unwrap_or_default();
    let step = root
        .get("step")
        .and_then(Json::as_str)
        .filter(|s| is_step(s))
        .unwrap_or("")
        .to_string();
    let done = root
        .get("done")
        .and_then(Json::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Json::as_str)
                .filter_map(ItemId::by_id)
                .collect()
        })
        .unwrap_or_default();
    let revision = match root.get("revision").and_then(Json::as_str) {
        Some("earlier") => Revision::Earlier,
        _ => Revision::Current,
    };
    Progress {
        answers,
        step,
        done,
        revision,
    }
}

/// Format 1: `{"version":1,"answers":{"services":"intune,aad_premium"},"step":2}`: answers as
/// comma-joined strings, the step as an index into the step list, no done ticks.
fn migrate_format_1(root: &Json) -> Progress {
    let mut answers = Answers::new();
    if let Some(map) = root.get("answers").and_then(Json::as_object) {
        for (question, joined) in map {
            if let Some(joined) = joined.as_str() {
                let _ = answers.set_by_joined_ids(question, joined);
            }
        }
    }
    let step = root
        .get("step")
        .and_then(Json::as_u64)
        .and_then(|n| STEPS.get(n as usize))
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    Progress {
        answers,
        step,
        done: ItemSet::new(),
        revision: Revision::Current,
    }
}

fn is_step(s: &str) -> bool {
    s == crate::wizard::SUMMARY || STEPS.iter().any(|st| st.id == s)
}

/// Writes the answers as `{"services":["intune","aad_premium"],"directory":["single_forest"]}`,
/// questions in catalog order, unanswered ones left out ([`answers_from_json`] reads it back).
pub(crate) fn write_answers(w: &mut Writer, answers: &Answers) {
    w.begin('{');
    for q in answers.answered() {
        w.key(q.get().id);
        w.begin('[');
        for v in answers.values(q) {
            w.str(q.get().values[v].id);
        }
        w.end(']');
    }
    w.end('}');
}

/// Reads answers as the saved record and exports write them (`{"question":["value",…]}`). With `strict`, an unknown question or value, or an
/// answer of the wrong shape, is an error; without, that one answer is skipped and the rest kept.
pub fn answers_from_json(value: &Json, strict: bool) -> Result<Answers, ReadError> {
    let map = value
        .as_object()
        .ok_or_else(|| ReadError::NotOurs("answers are not an object".into()))?;
    let mut answers = Answers::new();
    for (question, values) in map {
        let read = read_answer(&mut answers, question, values);
        if strict {
            read?;
        }
    }
    Ok(answers)
}

/// One answer; with an error, `answers` is left as it was for that question.
fn read_answer(answers: &mut Answers, question: &str, values: &Json) -> Result<(), ReadError> {
    {
        let list = values
            .as_array()
            .ok_or_else(|| ReadError::NotOurs(format!("answer `{question}` is not a list")))?;
        let ids: Vec<&str> = list.iter().filter_map(Json::as_str).collect();
        if ids.len() != list.len() {
            return Err(ReadError::NotOurs(format!(
                "answer `{question}` holds something other than text"
            )));
        }
        answers
            .set_by_ids(question, &ids)
            .map_err(ReadError::Unknown)
    }
}

/// The saved record as a serde document, so storage can write it with a typed `set`.
impl serde::Serialize for Progress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let record: serde_json::Value =
            serde_json::from_str(&self.to_json()).map_err(serde::ser::Error::custom)?;
        record.serialize(serializer)
    }
}
