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
