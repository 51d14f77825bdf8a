//! The catalog carries every revision of the page exactly: every bullet and NOTE of each file in
//! `source/` is an item of that revision (or the condition line heading items), word for word, and
//! every item a revision's page has stands on that page. This replaces ../shared's Python check.

mod common;

use common::page_text;
use scope::catalog::Revision;
use scope::source_page::{coverage_problems, parse_page};

#[test]
fn every_line_of_every_revision_is_in_the_catalog_and_back() {
    let mut problems = Vec::new();
    for revision in Revision::all() {
        let page = parse_page(&page_text(revision));
        assert!(page.sections.len() >= 5, "{}: the page was not read", revision.id());
        for p in coverage_problems(&page, revision) {
            problems.push(format!("{} ({}): {p}", revision.id(), revision.document().file));
        }
    }
    assert!(problems.is_empty(), "the catalog does not carry the source exactly:\n{}", problems.join("\n"));
}

#[test]
fn every_bullet_and_note_is_read() {
    // 85 bullets and 5 notes on the earlier page, 72 and 5 on the later one (as `grep` counts lines
    // starting with `-`, `*` or a `>` with text). seed_coverage.py counted 97 distinct lines of three
    // words or more over both pages; this reads every one, short ones and repeats included.
    let lines = |r: Revision| parse_page(&page_text(r)).sections.iter().map(|s| s.lines.len()).sum::<usize>();
    assert_eq!((lines(Revision::EARLIER), lines(Revision::CURRENT)), (90, 77));
}

/// The check can fail: one word changed on the page is reported, as a line the catalog does not
/// carry and as an item the page no longer has.
#[test]
fn a_changed_line_is_reported_both_ways() {
    let text = page_text(Revision::CURRENT);
    assert!(text.contains("Work with you to begin onboarding."));
    let changed = text.replacen("Work with you to begin onboarding.", "Work with you to start onboarding.", 1);
    let problems = coverage_problems(&parse_page(&changed), Revision::CURRENT);
    assert!(problems.iter().any(|p| p.contains("start onboarding")), "{problems:?}");
    assert!(problems.len() >= 2, "the new line and the item no longer on the page: {problems:?}");
}

/// A condition line counts only as a line of its own or at the start of one: its words inside
/// another line do not head the items.
#[test]
fn a_condition_only_inside_another_line_is_reported() {
    let text = page_text(Revision::CURRENT);
    let heading = "-   For a multiple-forest environment:\n";
    assert_eq!(text.matches(heading).count(), 1);
    let changed =
        text.replacen(heading, "-   Plan it. For a multiple-forest environment: one account in each forest.\n", 1);
    let problems = coverage_problems(&parse_page(&changed), Revision::CURRENT);
    let gone = problems
        .iter()
        .filter(|p| p.contains("its condition is not on the page: \"For a multiple-forest environment:\""))
        .count();
    assert_eq!(gone, 4, "each item the heading headed: {problems:?}");
}
