//! The scope engine of the EMS onboarding wizard: answers in, guidance out.
//!
//! Nothing here knows about a browser. The wizard (the Leptos app at the repository root), the
//! exports and the embedding all build on these modules:
//!
//! - [`catalog`]: the questions and guidance items, generated at build time from `catalog.toml`.
//! - [`answers`]: a customer's answers, one bit set per question.
//! - [`engine`]: decides, for each item, whether it is in scope, out of scope, not supported,
//!   waiting for an answer or not applicable, and why.
//! - [`progress`]: the saved record (answers, step, done ticks) and its versioned JSON form.
//! - [`link`]: share links and readable prefill in the URL fragment.
//! - [`export`]: the Markdown and JSON summaries.
//! - [`import`]: reading whatever a user pastes or drops (JSON export, saved record, link).
//! - [`compare`]: what differs, item by item, between two scopes.
//! - [`embed`]: the checks and colour maths of embed mode's parameters.
//! - [`portal`]: the messages exchanged with a partner's page.
//! - [`source_page`]: reading a revision of Microsoft's page (`source/`) and checking that the
//!   catalog carries it exactly; the maintainers' `ems-scope revision-diff` (crates/cli) reports
//!   on a new revision with it.
//! - [`storage`]: what the wizard does as writes to its storage succeed or fail.
//! - [`history`]: the browser's Back and Forward between steps.
//! - [`startup`]: which source of progress wins at start, and replace-or-keep for an incoming
//!   scope.
//! - [`notice`]: the kinds of notices and which give way when another comes.
//!
//! The JSON documents (saved record, export, portal messages) are read and written with serde and
//! serde_json.

pub mod answers;
pub mod catalog;
pub mod compare;
pub mod embed;
pub mod engine;
pub mod export;
pub mod history;
pub mod import;
pub mod link;
pub mod notice;
pub mod portal;
pub mod progress;
pub mod source_page;
pub mod startup;
pub mod storage;
pub mod wizard;

pub use answers::Answers;
pub use catalog::{ItemId, ItemSet, QuestionId, Revision};
pub use engine::{evaluate, Outcome, Scope};
pub use progress::Progress;
