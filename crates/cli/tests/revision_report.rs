//! What `ems-scope revision-diff` reports for a new revision of the page, made here from the newest page the
//! catalog has, edited the way Microsoft edits it: a bullet reworded, added or dropped, a condition
//! line reworded or added, lines moved or repeated, front matter changed. (A dropped section:
//! revisions.rs.) Runs with default features, so cargo-mutants runs it, and with `third-revision`,
//! where the newest page is crates/scope/tests/fixtures/revision-3.md: every line edited here is on both pages.

mod common;

use common::page_text;
use ems_scope_cli::revision_diff::{diff, Report, SectionReport};
use scope::catalog::Revision;
use scope::source_page::parse_page;

/// The newest page with each `(from, to)` applied in turn; `from` must stand once on the page, so
/// that an edit never lands in another section than meant.
fn edited_page(edits: &[(&str, &str)]) -> String {
    let mut text = page_text(Revision::newest());
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "not once on the page: {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn section<'a>(report: &'a Report, title: &str) -> &'a SectionReport {
    report.sections.iter().find(|s| s.title == title).unwrap_or_else(|| panic!("no section {title:?}"))
}

/// Lines reworded, condition lines reworded, new lines, gone items and gone condition lines over
/// the whole report: what the catalog has to take in. (Moves are left out: the newest page may
/// have some already.)
fn catalog_changes(report: &Report) -> [usize; 5] {
    let sum = |f: fn(&SectionReport) -> usize| report.sections.iter().map(f).sum();
    [
        sum(|s| s.reworded.len()),
        sum(|s| s.reworded_conditions.len()),
        sum(|s| s.new.len()),
        sum(|s| s.gone.len()),
        sum(|s| s.gone_conditions.len()),
    ]
}

#[test]
fn front_matter_is_not_guidance() {
    // Front matter of Microsoft's pages has `#` comments and may have YAML lists, which read as a
    // heading and bullets if the front matter is not skipped to its closing `---`.
    let text = page_text(Revision::newest());
    let with_list = edited_page(&[("ms.suite: ems\n", "ms.suite: ems\nms.collection:\n- M365-security-compliance\n")]);
    let body = text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).expect("front matter").1;
    let page = parse_page(&text);
    assert_eq!(parse_page(&with_list), page);
    assert_eq!(parse_page(body), page, "a page pasted without its front matter reads the same");
    assert!(diff(&parse_page(&with_list)).covered());
}

#[test]
fn any_one_change_the_catalog_must_take_in_is_reported() {
    let cases: [(&str, &str, &str, [usize; 5]); 5] = [
        (
            "a bullet reworded",
            "-   Configuring TCP/IP protocols and firewall ports.",
            "-   Configuring TCP/IP protocols and the firewall ports.",
            [1, 0, 0, 0, 0],
        ),
        (
            "a condition line reworded",
            "-   For a multiple-forest environment:",
            "-   For a multi-forest environment:",
            [0, 1, 0, 0, 0],
        ),
        (
            "a bullet added",
            "-   Work with you to begin onboarding.\n",
            "-   Work with you to begin onboarding.\n\n-   Agree with you on an onboarding schedule.\n",
            [0, 0, 1, 0, 0],
        ),
        ("a bullet dropped", "-   Define which eligible services you want to onboard.\n", "", [0, 0, 0, 1, 0]),
        // The bullets under it stay, now for every environment: the items' conditions must go.
        ("a condition line dropped", "-   For a multiple-forest environment:\n", "", [0, 0, 0, 0, 1]),
    ];
    for (what, from, to, changes) in cases {
        let report = diff(&parse_page(&edited_page(&[(from, to)])));
        assert_eq!(catalog_changes(&report), changes, "{what}");
        assert!(!report.covered(), "{what}: {}", report.to_markdown("new.md"));
    }
}

#[test]
fn a_condition_line_gone_is_reported_for_the_items_that_stay() {
    let condition = ("-   For a multiple-forest environment:\n", "");
    let configure = (
        "-   Configure synchronization between on-premises Active Directory forests and Microsoft Azure Active Directory Premium directory (Azure Active Directory).\n",
        "",
    );
    // The condition line and one bullet under it go; the other bullet and the note stay.
    let report = diff(&parse_page(&edited_page(&[condition, configure])));
    let aad = section(&report, "Enable phase - Azure Active Directory Premium");
    let staying = ["connect_sync", "writeback_note", "custom_rules_note"].map(|i| format!("aad.multi_forest.{i}"));
    let staying: Vec<&str> = staying.iter().map(String::as_str).collect();
    assert_eq!(aad.gone_conditions, [(staying.clone(), "For a multiple-forest environment:".to_string())]);
    assert_eq!(aad.gone.iter().map(|g| g.0).collect::<Vec<_>>(), ["aad.multi_forest.configure_sync"]);
    assert_eq!(catalog_changes(&report), [0, 0, 0, 1, 1]);
    let md = report.to_markdown("new.md");
    let told = format!(
        "- Gone conditions (condition lines not on the new page; the items they head are):\n  - condition of {}: For a multiple-forest environment:\n",
        staying.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
    );
    assert!(md.contains(&told), "{md}");

    // With every line under it gone too, the condition goes with its items: nothing apart.
    let mut text = edited_page(&[]);
    let start = text.find(condition.0).expect("the condition line on the page");
    let end = start + text[start..].find("-   For a single forest").expect("the next group");
    text.replace_range(start..end, "");
    let report = diff(&parse_page(&text));
    let aad = section(&report, "Enable phase - Azure Active Directory Premium");
    assert!(aad.gone_conditions.is_empty(), "{:?}", aad.gone_conditions);
    assert_eq!(aad.gone.len(), 4);
}

#[test]
fn a_condition_line_gone_is_reported_though_its_words_stand_inside_another_line() {
    // The heading goes; a new line mentions it among other words (too few shared to be its
    // rewording). Only a line of its own, or one it begins, still heads items.
    let mention = "-   Plan the order of the forests. For a multiple-forest environment: the synchronization server needs an account in each forest and a way to reach every domain controller.\n";
    let report = diff(&parse_page(&edited_page(&[("-   For a multiple-forest environment:\n", mention)])));
    let aad = section(&report, "Enable phase - Azure Active Directory Premium");
    assert_eq!(aad.gone_conditions.len(), 1, "{:?}", aad.gone_conditions);
    assert_eq!(aad.gone_conditions[0].1, "For a multiple-forest environment:");
    assert_eq!(aad.gone_conditions[0].0.len(), 4, "every item it headed stays");
    assert_eq!(catalog_changes(&report), [0, 0, 1, 0, 1]);
}

#[test]
fn new_lines_reworded_lines_and_reworded_conditions_are_told_apart() {
    let hybrid = "Configuring Azure Active Directory Domain Services for a hybrid environment.";
    let forests = "Installing Azure Active Directory Connect for multiple forests.";
    let enable_sso = "-   Testing single sign-on (SSO) functionality if deployed.";
    let text = edited_page(&[
        // A new bullet before a reworded condition line: new, though the reworded condition is the
        // only catalog line left it shares words with.
        ("-   For a multiple-forest environment:", &format!("-   {hybrid}\n\n-   For a multi-forest environment:")),
        // The line loses the words its item's condition is ("if deployed"): a rewording of the item.
        ("functionality, if deployed.", "functionality, where deployed."),
        // A condition line added beside one that stays: new, not a rewording of the one that stays.
        (enable_sso, &format!("-   For a multiple-forest environment:\n\n    -   {forests}\n\n{enable_sso}")),
    ]);
    let report = diff(&parse_page(&text));

    let aad = section(&report, "Enable phase - Azure Active Directory Premium");
    assert_eq!(aad.new, [hybrid]);
    let multi_forest = ["connect_sync", "writeback_note", "configure_sync", "custom_rules_note"]
        .map(|i| format!("aad.multi_forest.{i}"));
    assert_eq!(
        aad.reworded_conditions,
        [(
            multi_forest.iter().map(String::as_str).collect(),
            "For a multiple-forest environment:".to_string(),
            "For a multi-forest environment:".to_string()
        )]
    );
    assert_eq!(
        aad.reworded,
        [(
            "aad.test_sso",
            "Testing single sign-on (SSO) functionality, if deployed.".to_string(),
            "Testing single sign-on (SSO) functionality, where deployed.".to_string()
        )]
    );
    let enable = section(&report, "Enable phase");
    assert_eq!(enable.new, ["For a multiple-forest environment:", forests]);
    assert_eq!(catalog_changes(&report), [1, 1, 3, 0, 0], "nothing else changed");
}

#[test]
fn lines_that_only_moved_need_no_catalog_change() {
    let contact = "-   Contact you within 30 days of the purchase of eligible licenses for a new tenant.\n";
    let begin = "-   Work with you to begin onboarding.\n";
    let checklist = "-   Provide a remediation checklist.\n";
    let text = edited_page(&[
        (&format!("{contact}\n{begin}"), &format!("{begin}\n{contact}")),
        (checklist, &format!("{checklist}\n{checklist}")),
    ]);
    let report = diff(&parse_page(&text));
    assert!(report.covered(), "{}", report.to_markdown("new.md"));

    // Of two neighbours swapped, one is reported moved. Either would do; the report names the one
    // that went down, pinned here so that which one changes only on purpose.
    let initiate = section(&report, "Initiate phase");
    assert_eq!(initiate.moved.iter().map(|m| m.0).collect::<Vec<_>>(), ["initiate.contact_new_tenant"]);
    assert_eq!(initiate.unchanged, 2);
    // A bullet repeated: the catalog's one item carries both lines, and the copy is reported rather
    // than counted unchanged twice, so that the repeat does not go unnoticed.
    let assess = section(&report, "Assess phase");
    assert_eq!(assess.moved, [("assess.remediation_checklist", "Provide a remediation checklist.".to_string())]);
    assert_eq!(assess.unchanged, 8);
}
