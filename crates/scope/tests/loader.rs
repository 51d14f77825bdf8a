//! public/loader.js runs before the wasm app, so it cannot read the Rust constants: it writes the
//! storage key and the embed parameter out itself. These tests read it and check that it names
//! the same ones as the app (`scope::storage`, `scope::embed`), so neither can change alone.

use scope::embed::{embed_requested, EMBED_PARAM, EMBED_VALUES};
use scope::storage::PROGRESS_KEY;

const LOADER: &str = include_str!("../../../public/loader.js");

/// Each single-quoted string that follows `marker` in loader.js, in order.
fn quoted_after(marker: &str) -> Vec<&'static str> {
    LOADER.split(marker).skip(1).filter_map(|rest| rest.split_once('\'')).map(|(quoted, _)| quoted).collect()
}

#[test]
fn the_loader_looks_for_saved_progress_under_the_apps_key() {
    assert_eq!(quoted_after("localStorage.getItem('"), [PROGRESS_KEY]);
}

#[test]
fn the_loader_reads_the_embed_parameter_as_the_app_does() {
    let params = quoted_after("query.get('");
    assert!(!params.is_empty(), "loader.js reads no query parameter");
    assert!(params.iter().all(|p| *p == EMBED_PARAM), "{params:?}");
    let values = quoted_after("') === '");
    assert_eq!(values, EMBED_VALUES);
    assert!(values.iter().all(|v| embed_requested(v)));
}
