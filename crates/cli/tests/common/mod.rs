//! What several integration tests share: reading a revision's page.

use scope::catalog::Revision;
use std::path::PathBuf;

/// A revision's page: `source/<file>` at the repository root (the made-up third revision's file
/// name points into tests/fixtures).
pub fn page_text(revision: Revision) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../source").join(revision.document().file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
