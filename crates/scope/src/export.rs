//! Scope summaries to share, one module per format: [`markdown`] for e-mail, tickets and wikis;
//! [`json`] for other tools (and for opening again: `import::read_export`). Both list the items
//! that apply or wait for an answer, in catalog order.

pub mod json;
pub mod markdown;

pub use json::{to_json, SCHEMA, SCHEMA_VERSION};
pub use markdown::{to_markdown, MARKDOWN_TITLE};

use crate::engine::{ItemScope, Outcome, Scope};

/// The items to list: those that apply or wait for an answer, in source order.
fn listed(scope: &Scope) -> impl Iterator<Item = &ItemScope> {
    scope.items.iter().filter(|s| s.outcome != Outcome::NotApplicable)
}
