//! `ems-scope`, the wizard's documents on the command line, over the same engine (`crates/scope`):
//!
//! - [`export`]: a customer's scope, from whatever the wizard or a partner's portal keeps
//!   (progress string, share or prefill link, JSON export), as the Markdown checklist or the JSON
//!   export the browser's downloads hold.
//! - [`revision_diff`]: a new revision of Microsoft's page against the catalog, for maintainers.
//!
//! `src/main.rs` parses the arguments (clap) and calls these.

pub mod export;
pub mod revision_diff;
