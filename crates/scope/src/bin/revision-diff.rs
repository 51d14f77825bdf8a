//! `cargo run -p scope --bin revision-diff -- NEW.md`: a new revision of Microsoft's page against
//! the catalog's newest revision, as Markdown for a pull request. Exits 1 while the catalog does
//! not cover the page, 2 when the page cannot be read.

use scope::revision_diff::{diff, parse_page};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: revision-diff NEW.md");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("revision-diff: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let page = parse_page(&text);
    if page.sections.is_empty() {
        eprintln!("revision-diff: {path} has no section with bullets or notes; is it the page's Markdown?");
        std::process::exit(2);
    }
    let name = std::path::Path::new(&path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
    let report = diff(&page);
    print!("{}", report.to_markdown(&name));
    std::process::exit(if report.covered() { 0 } else { 1 });
}
