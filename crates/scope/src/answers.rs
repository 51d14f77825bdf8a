//! A customer's answers: for each question, the set of values picked, as a bit mask.
//!
//! A question with no value picked is unanswered. Answers to questions that no longer apply are
//! kept (the customer may switch back) but the engine ignores them. Whether a question is asked
//! is the engine's to say (`engine::applies`): answers hold data, the engine reads it.

use crate::catalog::{Kind, QuestionId, QUESTIONS};
use serde::{Serialize, Serializer};

/// One entry per catalog question, indexed by `QuestionId::index` (always in range: ids come only
/// from the catalog).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answers {
    bits: Vec<u32>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers { bits: vec![0; QUESTIONS.len()] }
    }
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// The picked values of `q` as a bit mask over `q.get().values`.
    pub fn bits(&self, q: QuestionId) -> u32 {
        self.bits[q.index()]
    }

    pub fn is_answered(&self, q: QuestionId) -> bool {
        self.bits[q.index()] != 0
    }

    pub fn has(&self, q: QuestionId, value: usize) -> bool {
        self.bits[q.index()] & (1 << value) != 0
    }

    /// The picked value indexes of `q`, in catalog order.
    pub fn values(&self, q: QuestionId) -> impl Iterator<Item = usize> + '_ {
        let bits = self.bits[q.index()];
        (0..q.get().values.len()).filter(move |v| bits & (1 << v) != 0)
    }

    /// Sets the answer of `q` to `bits`, dropping bits that name no value and, for a
    /// single-choice question, all but the lowest.
    pub fn set_bits(&mut self, q: QuestionId, bits: u32) {
        let question = q.get();
        let mut bits = bits & ((1u32 << question.values.len()) - 1);
        if question.kind == Kind::Single && bits != 0 {
            bits &= bits.wrapping_neg();
        }
        self.bits[q.index()] = bits;
    }

    /// Picks `value`: for a single-choice question it replaces the answer, for a multi-choice
    /// question it toggles the value.
    pub fn pick(&mut self, q: QuestionId, value: usize) {
        let bits = match q.get().kind {
            Kind::Single => 1 << value,
            Kind::Multi => self.bits[q.index()] ^ (1 << value),
        };
        self.set_bits(q, bits);
    }

    pub fn clear(&mut self, q: QuestionId) {
        self.bits[q.index()] = 0;
    }

    /// Sets a question from a comma-joined list of value ids (`intune, aad_premium`), as prefill
    /// links and format-1 records write them; blanks around ids and empty entries are ignored.
    pub fn set_by_joined_ids(&mut self, question: &str, joined: &str) -> Result<(), String> {
        let values: Vec<&str> = joined.split(',').map(str::trim).filter(|v| !v.is_empty()).collect();
        self.set_by_ids(question, &values)
    }

    /// Sets a question by ids, as share links and imports name them. The error is a clause that
    /// says what is wrong whole (callers put it after "could not be read:").
    pub fn set_by_ids(&mut self, question: &str, values: &[&str]) -> Result<(), String> {
        let q = QuestionId::by_id(question)
            .ok_or_else(|| format!("`{question}` is not a question in this version of the wizard"))?;
        let mut bits = 0u32;
        for v in values {
            let i = q
                .get()
                .value_by_id(v)
                .ok_or_else(|| format!("`{v}` is not an answer to `{question}` in this version of the wizard"))?;
            bits |= 1 << i;
        }
        if q.get().kind == Kind::Single && bits.count_ones() > 1 {
            return Err(format!("`{question}` takes one answer, not {}", values.len()));
        }
        self.set_bits(q, bits);
        Ok(())
    }

    /// The ids of the picked values of `q`.
    pub fn value_ids(&self, q: QuestionId) -> Vec<&'static str> {
        self.values(q).map(|v| q.get().values[v].id).collect()
    }

    /// Questions in catalog order that are asked and answered, and those answered but ignored.
    pub fn answered(&self) -> impl Iterator<Item = QuestionId> + '_ {
        QuestionId::all().filter(|&q| self.is_answered(q))
    }
}

/// Documents write answers as `{"services":["intune","aad_premium"],"directory":["single_forest"]}`:
/// questions in catalog order, unanswered ones left out (`progress::answers_from_map` reads it).
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.answered().map(|q| (q.get().id, self.value_ids(q))))
    }
}
