//! `import::read_scope` at the size cap: the cap counts the text without the blanks around it.

use scope::import::read_scope;
use scope::progress::{ReadError, MAX_BYTES};
use scope::{export, Progress};

#[test]
fn the_size_cap_of_a_pasted_scope_is_exact() {
    let p = Progress { step: "summary".into(), ..Progress::default() };
    let text = export::to_json(&p, "2026-12-01");
    // Blanks inside the object pad the export to the cap; those around it are trimmed first.
    let padded = |n: usize| format!("{{{}{}", " ".repeat(n - text.len()), &text[1..]);
    assert_eq!(read_scope(&format!("\n {} \n", padded(MAX_BYTES)), &p), Ok(p.clone()));
    let over = padded(MAX_BYTES + 1);
    assert_eq!(read_scope(&over, &p), Err(format!("This could not be read: {}.", ReadError::TooLarge(MAX_BYTES + 1))));
}

/// An export that is refused (here: a newer schema version) must not open as a blank format-1
/// record: it also says `"version":1`-like things, but it carries a schema.
#[test]
fn a_damaged_export_is_refused_not_opened_blank() {
    let blank = Progress::default();
    let export = r#"{"schema":"ems-onboarding-scope","version":1,"answers":"broken","items":[]}"#;
    let err = read_scope(export, &blank).unwrap_err();
    assert!(err.starts_with("This could not be read: "), "{err}");
    let other_schema = r#"{"schema":"someone-else","version":1,"answers":{}}"#;
    assert!(read_scope(other_schema, &blank).is_err());
    assert!(Progress::from_json(other_schema).is_err());
    // A real format-1 record still opens.
    assert!(read_scope(r#"{"version":1,"answers":{"services":"intune"},"step":1}"#, &blank).is_ok());
}
