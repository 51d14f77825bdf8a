//! Reading a JSON export (`export::json`) back into the wizard: its answers, done ticks and
//! revision.

use crate::catalog::{ItemId, ItemSet, Revision};
use crate::export::{SCHEMA, SCHEMA_VERSION};
use crate::progress::{answers_from_map, read_object, Progress, ReadError};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fields that say whose document it is, read leniently: any JSON object gets a message
/// saying what it is not.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    schema: Value,
    #[serde(default)]
    version: Value,
}

/// What an import reads of an export: every other field is written for other tools.
#[derive(Deserialize)]
struct ExportIn {
    answers: Option<Map<String, Value>>,
    items: Option<Vec<ItemIn>>,
    revision: Option<String>,
}

#[derive(Deserialize)]
struct ItemIn {
    id: String,
    #[serde(default)]
    done: bool,
}

/// Reads a JSON export back: its answers, done ticks and revision. Anything that is not an export
/// of ours, or not whole, is an error that says what is wrong; nothing is half-read.
pub fn read_export(text: &str) -> Result<Progress, ReadError> {
    let header: Header = read_object(text)?;
    if header.schema.as_str() != Some(SCHEMA) {
        return Err(ReadError::NotOurs(format!("its schema is not \"{SCHEMA}\"")));
    }
    match header.version.as_u64() {
        Some(v) if v > SCHEMA_VERSION => return Err(ReadError::Newer(v)),
        Some(SCHEMA_VERSION) => {}
        _ => return Err(ReadError::NotOurs("its version is missing or unknown".into())),
    }
    let export: ExportIn = read_object(text)?;
    let answers = export.answers.ok_or_else(|| ReadError::NotOurs("it has no answers".into()))?;
    let answers = answers_from_map(&answers)?;
    let mut done = ItemSet::new();
    for item in export.items.ok_or_else(|| ReadError::NotOurs("it has no items".into()))? {
        let known = ItemId::by_id(&item.id).ok_or_else(|| {
            ReadError::Unknown(format!("the guidance item `{}` is not in this version of the wizard", item.id))
        })?;
        if item.done {
            done.insert(known);
        }
    }
    let revision = match export.revision.as_deref() {
        None => Revision::CURRENT,
        Some(id) => Revision::by_id(id)
            .ok_or_else(|| ReadError::Unknown(format!("the revision `{id}` is not in this version of the wizard")))?,
    };
    Ok(Progress { answers, step: crate::wizard::SUMMARY.into(), done, revision })
}
