//! The report on whole pages: the catalog's own pages, the made-up third revision
//! (crates/scope/tests/fixtures/revision-3.md: the later page with one bullet reworded, one added,
//! one dropped, a NOTE moved and a section added) against the catalog's two revisions, and, in the
//! engine's test build with that revision appended (`--features third-revision`), against it.

mod common;

use common::page_text;
use ems_scope_cli::revision_diff::diff;
use scope::catalog::Revision;
use scope::source_page::parse_page;

#[cfg(not(feature = "third-revision"))]
#[test]
fn the_later_page_against_the_catalog_is_fully_covered() {
    let report = diff(&parse_page(&page_text(Revision::CURRENT)));
    assert!(report.covered(), "{}", report.to_markdown("001"));
    assert_eq!(report.sections.len(), 8);
    assert_eq!(report.sections.iter().map(|s| s.unchanged).sum::<usize>(), 77);
    assert!(report.sections.iter().all(|s| s.moved.is_empty()));
}

#[cfg(not(feature = "third-revision"))]
#[test]
fn the_diff_of_a_made_up_third_revision_says_exactly_what_changed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../scope/tests/fixtures/");
    let page = parse_page(&std::fs::read_to_string(format!("{dir}revision-3.md")).unwrap());
    let report = diff(&page);
    assert!(!report.covered());
    use ems_scope_cli::revision_diff::SectionReport;
    let changed: Vec<&SectionReport> = report
        .sections
        .iter()
        .filter(|s| {
            s.added
                || s.removed
                || !(s.moved.is_empty()
                    && s.reworded.is_empty()
                    && s.reworded_conditions.is_empty()
                    && s.new.is_empty()
                    && s.gone.is_empty())
        })
        .collect();
    let titles: Vec<&str> = changed.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Enable phase - Azure Active Directory Premium--with Azure Active Directory Connect and Active Directory Federation Services (AD FS)",
            "Enable phase - Microsoft Intune",
            "Enable phase - Azure Information Protection"
        ]
    );
    let (aad, intune, aip) = (changed[0], changed[1], changed[2]);
    assert_eq!(aad.gone, [("aad_cap.identity_protection", "Identity Protection.".to_string())]);
    assert!(aad.new.is_empty() && aad.reworded.is_empty() && aad.moved.is_empty());
    assert_eq!(
        intune.reworded,
        [(
            "intune.pc.reports",
            "Using the software and hardware reports available in Intune.".to_string(),
            "Using the software and hardware reports available in the Intune admin console.".to_string()
        )]
    );
    assert_eq!(intune.new, ["Enrolling Windows 10 PCs in Microsoft Intune."]);
    assert_eq!(intune.moved.iter().map(|m| m.0).collect::<Vec<_>>(), ["intune.mdm_authority.mam_only_note"]);
    assert!(intune.gone.is_empty());
    assert!(aip.added && !aip.removed);
    assert_eq!(
        aip.new,
        [
            "Activating your Azure Information Protection tenant.",
            "Configuring one Azure Information Protection policy with labels for your organization."
        ]
    );
    assert!(report.sections.iter().all(|s| !s.removed));
    // The whole report, as the command prints it.
    let want =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected/revision-3.diff.md")).unwrap();
    assert_eq!(report.to_markdown("revision-3.md"), want);
}

#[cfg(not(feature = "third-revision"))]
#[test]
fn a_reworded_condition_line_is_reported_with_the_items_it_heads() {
    // The earlier page against the catalog's newest revision: it says "multiple forest" where the
    // later page says "multiple-forest".
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../source/000_70fb7c6a69ffa0f0.txt")).unwrap();
    let report = diff(&parse_page(&text));
    let aad = report.sections.iter().find(|s| s.title == "Enable phase - Azure Active Directory Premium").unwrap();
    assert_eq!(
        aad.reworded_conditions,
        [(
            vec![
                "aad.multi_forest.connect_sync",
                "aad.multi_forest.writeback_note",
                "aad.multi_forest.configure_sync",
                "aad.multi_forest.custom_rules_note"
            ],
            "For a multiple-forest environment:".to_string(),
            "For a multiple forest environment:".to_string()
        )]
    );
    assert!(aad.new.is_empty(), "{:?}", aad.new);
    assert_eq!(aad.reworded.iter().map(|r| r.0).collect::<Vec<_>>(), ["aad.adfs_single_forest"]);
}

#[cfg(not(feature = "third-revision"))]
#[test]
fn a_removed_section_is_reported_with_its_items() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../source/001_06cfb5ea52683897.txt")).unwrap();
    let cut = text.split("## Remediate phase").next().unwrap().to_string()
        + "## Enable phase\n-   Configuring DNS for eligible services.\n";
    let report = diff(&parse_page(&cut));
    let removed: Vec<&str> = report.sections.iter().filter(|s| s.removed).map(|s| s.title.as_str()).collect();
    assert_eq!(removed.len(), 4, "{removed:?}");
    assert_eq!(removed[0], "Remediate phase");
    // A removed section lists its items as gone: what the catalog would drop with it.
    let remediate = report.sections.iter().find(|s| s.removed).unwrap();
    assert_eq!(
        remediate.gone.iter().map(|g| g.0).collect::<Vec<_>>(),
        ["remediate.conference_calls", "remediate.run_tools"]
    );
    let md = report.to_markdown("cut.md");
    let listed = concat!(
        "## Section removed: Remediate phase\n\n",
        "- Gone (items whose line is not on the new page):\n",
        "  - `remediate.conference_calls`: Hold conference calls"
    );
    assert!(md.contains(listed), "{md}");
    let enable = report.sections.iter().find(|s| s.title == "Enable phase").unwrap();
    assert_eq!((enable.unchanged, enable.gone.len()), (1, 9));
}

#[cfg(feature = "third-revision")]
#[test]
fn the_made_up_page_is_covered_once_it_is_in_the_catalog() {
    // The newest page is now the made-up one (its file name points into crates/scope/tests/fixtures).
    let report = diff(&parse_page(&page_text(Revision::newest())));
    assert_eq!(report.against.id(), "2017-03");
    assert!(report.covered(), "{}", report.to_markdown("revision-3.md"));
    // The moved NOTE needs no catalog change (the catalog keeps one order), so it stays reported.
    let moved: Vec<&str> = report.sections.iter().flat_map(|s| s.moved.iter().map(|m| m.0)).collect();
    assert_eq!(moved, ["intune.mdm_authority.mam_only_note"]);
}
