//! The catalog with a third revision appended, as a maintainer would append one: a test build
//! (`cargo test -p scope --features third-revision --test three_revisions --test fixtures --test
//! coverage`) where build.rs appends tests/fixtures/revision-3.toml to catalog.toml. The made-up
//! page is tests/fixtures/revision-3.md; coverage.rs checks the catalog carries it exactly, and
//! fixtures.rs that records, exports and links made with two revisions still open the same.
#![cfg(feature = "third-revision")]

use scope::catalog::{Changes, ItemId, Revision};
use scope::engine::Outcome;
use scope::link::{self, Fragment};
use scope::{evaluate, export, import, Progress};

/// The made-up third revision.
fn third() -> Revision {
    Revision::at(2).expect("the third revision")
}

fn item(id: &str) -> ItemId {
    ItemId::by_id(id).unwrap_or_else(|| panic!("{id}"))
}

fn answers() -> scope::Answers {
    link::parse_prefill(
        "services=aad_premium,intune,azure_rms&tenant=new&directory=cloud_only&aad_features=identity_protection,pim&intune_scope=pc&mdm_authority=intune&third_party_mdm=no&exchange_onprem=no&sharepoint_onprem=no&rms_workloads=sharing_app",
    )
    .unwrap()
}

#[test]
fn three_revisions_the_newest_is_the_default() {
    let ids: Vec<&str> = Revision::all().map(|r| r.id()).collect();
    assert_eq!(ids, ["earlier", "current", "2017-03"]);
    assert_eq!((Revision::newest(), Revision::default(), Progress::default().revision), (third(), third(), third()));
    assert_eq!(Revision::by_id("2017-03"), Some(third()));
    assert_eq!(third().changes(), Changes { new: 3, reworded: 1, dropped: 1 });
    assert_eq!(Revision::CURRENT.changes(), Changes { new: 3, reworded: 17, dropped: 16 }, "unchanged");
}

#[test]
fn the_engine_shows_each_revision_as_its_page_has_it() {
    let a = answers();
    let outcome = |r, id: &str| evaluate(&a, r).get(item(id)).map(|s| s.outcome.clone());
    // Dropped on the third page, still on the second.
    assert_eq!(outcome(third(), "aad_cap.identity_protection"), None);
    assert_eq!(outcome(Revision::CURRENT, "aad_cap.identity_protection"), Some(Outcome::InScope));
    // New on the third page, and the section added.
    for id in ["intune.pc.enroll_windows", "aip.activate_tenant", "aip.policy"] {
        assert_eq!(outcome(third(), id), Some(Outcome::InScope), "{id}");
        assert_eq!(outcome(Revision::CURRENT, id), None, "{id}");
        assert_eq!(outcome(Revision::EARLIER, id), None, "{id}");
    }
    // Still carried from the earlier page.
    assert_eq!(outcome(third(), "rms.sharing_app"), Some(Outcome::InScope));
    assert_eq!(item("rms.sharing_app").get().quoted_from(third()), Some(Revision::EARLIER));
    // Reworded on the third page only; a rewording of the second page holds on the third.
    let reports = item("intune.pc.reports").get();
    assert_eq!(
        reports.text_in(third()),
        "Using the software and hardware reports available in the Intune admin console."
    );
    assert_eq!(reports.text_in(Revision::CURRENT), "Using the software and hardware reports available in Intune.");
    let client = item("intune.pc.client_software").get();
    assert_eq!(client.text_in(third()), client.text_in(Revision::CURRENT));
    assert_ne!(client.text_in(third()), client.text_in(Revision::EARLIER));
    // The two-revision views are as before: the new items are not in them.
    let current = evaluate(&a, Revision::CURRENT);
    assert!(current.items.iter().all(|s| !s.item.get().id.starts_with("aip.")));
}

#[test]
fn the_switch_marks_what_changed_since_the_page_before() {
    let change = |id: &str, r| item(id).get().change_in(r);
    let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(change("intune.pc.enroll_windows", third()), pair("New on 03/15/2017", "Not on the 10/02/2016 page."));
    assert_eq!(
        change("intune.pc.reports", third()),
        pair(
            "Reworded",
            "The 10/02/2016 page said: \u{201c}Using the software and hardware reports available in Intune.\u{201d}"
        )
    );
    assert_eq!(
        change("intune.pc.reports", Revision::CURRENT),
        pair(
            "Reworded later",
            "The 03/15/2017 page says: \u{201c}Using the software and hardware reports available in the Intune admin console.\u{201d}"
        )
    );
    // New on the second page and dropped on the third: in the second view the badge says both,
    // what it is since the page before and on the page after.
    assert_eq!(
        change("aad_cap.identity_protection", Revision::CURRENT),
        pair("New on 10/02/2016, dropped later", "Not on the earlier page. The 03/15/2017 page no longer lists this.")
    );
    assert_eq!(change("aad_cap.identity_protection", Revision::EARLIER), None, "not in the first view");
    assert_eq!(change("aad_cap.identity_protection", third()), None, "not in the third view");
    assert_eq!(
        change("rms.connector", third()),
        pair(
            "From the earlier page",
            "The 03/15/2017 page has no Azure Rights Management section; this line is from the earlier page."
        )
    );
    // What the second revision's view said before, it still says.
    assert_eq!(change("aad_cap.pim", Revision::CURRENT), pair("New on 10/02/2016", "Not on the earlier page."));
    assert_eq!(change("aad_cap.pim", third()), None);
    assert_eq!(
        change("rms.connector", Revision::CURRENT),
        pair(
            "From the earlier page",
            "The later page has no Azure Rights Management section; this line is from the earlier page."
        )
    );
}

#[test]
fn each_view_names_the_revision_it_quotes_in_words() {
    assert_eq!(third().in_words(), "the current revision (03/15/2017)");
    assert_eq!(Revision::CURRENT.in_words(), "the 10/02/2016 revision");
    assert_eq!(Revision::EARLIER.in_words(), "the earlier revision");
    assert_eq!(
        item("aip.policy").get().source_line(third()),
        "Microsoft responsibilities (Enterprise Mobility + Security), the current revision (03/15/2017), section \u{201c}Enable phase - Azure Information Protection\u{201d}"
    );
    assert!(item("rms.connector").get().source_line(third()).contains(", the earlier revision, section"));
    assert_eq!(
        third().quoted_page(),
        "Microsoft's page on its responsibilities during FastTrack onboarding, revision of 03/15/2017; the Azure Rights Management section from the earlier revision"
    );
}

#[test]
fn exports_records_and_links_carry_the_third_revision() {
    let mut p = Progress { answers: answers(), step: "summary".into(), revision: third(), ..Progress::default() };
    p.done.insert(item("aip.policy"));
    p.done.insert(item("general.remote_support"));
    // Export and import.
    let json = export::to_json(&p, "2026-12-01");
    assert!(json.contains("\"revision\": \"2017-03\""));
    assert!(json.contains("\"id\": \"aip.policy\""));
    assert!(!json.contains("aad_cap.identity_protection"));
    assert_eq!(import::read_export(&json), Ok(p.clone()));
    let md = export::to_markdown(&p, "2026-12-01");
    assert!(md.contains("- [x] Configuring one Azure Information Protection policy with labels for your organization. _(Enable phase - Azure Information Protection, 03/15/2017 revision)_"));
    assert!(md.ends_with("revision of 03/15/2017; the Azure Rights Management section from the earlier revision.\n"));
    // The saved record names the revision; one naming none is the current one, as before.
    let record = p.to_json();
    assert!(record.ends_with(",\"revision\":\"2017-03\"}"), "{record}");
    assert_eq!(Progress::from_json(&record), Ok(p.clone()));
    assert_eq!(Progress::from_json(r#"{"format":2}"#).unwrap().revision, Revision::CURRENT);
    assert_eq!(Progress::from_json(r#"{"format":2,"revision":"2099"}"#).unwrap().revision, Revision::CURRENT);
    // The share link: flags byte 2 for the third revision; 0 and 1 still read as before.
    let fragment = link::encode_share(&p, true);
    assert_eq!(link::parse_fragment(&fragment), Ok(Fragment::Shared(p.clone())));
    for (revision, flags) in [(Revision::CURRENT, "current"), (Revision::EARLIER, "earlier")] {
        let q = Progress { revision, ..p.clone() };
        let Ok(Fragment::Shared(back)) = link::parse_fragment(&link::encode_share(&q, false)) else { panic!() };
        assert_eq!(back.revision.id(), flags);
    }
    const LINK_V1: &str = include_str!("link_v1.txt");
    let Ok(Fragment::Shared(old)) = link::parse_fragment(LINK_V1.trim()) else { panic!("link v1 no longer opens") };
    assert_eq!(old.revision, Revision::CURRENT);
    let done: Vec<&str> = old.done.iter().map(|d| d.get().id).collect();
    assert_eq!(done, ["general.remote_support", "intune.mdm.exchange_connector", "rms.connector.exchange"]);
}
