//! Documents written by the wizard before the move to serde (commit 8821aea): saved records of
//! both formats, JSON exports and share links, in tests/fixtures/. Each must still open to the
//! exact progress it was made from, and what today's code writes for that progress must be the
//! same text, byte for byte: the formats are kept, not just readable.

use scope::catalog::{ItemId, ItemSet, Revision};
use scope::link::{self, parse_prefill, Fragment};
use scope::progress::{ReadError, Saved};
use scope::{export, import, Progress};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The date every fixture export carries.
pub const DATE: &str = "2026-11-23";

fn done(ids: &[&str]) -> ItemSet {
    ids.iter().map(|id| ItemId::by_id(id).unwrap_or_else(|| panic!("no item {id}"))).collect()
}

/// Current revision, on the `aad` step, with ticks on items in scope.
pub fn current() -> Progress {
    Progress {
        answers: parse_prefill("services=intune,aad_premium&tenant=new&directory=single_forest&signin=federated&custom_sync_rules=no&aad_features=mfa,sspr").unwrap(),
        step: "aad".into(),
        done: done(&["general.remote_support", "enable.single_forest.sync_server", "aad_cap.mfa", "enable.test_sso"]),
        revision: Revision::CURRENT,
    }
}

/// Earlier revision, on the `rms` step, some questions left open (waiting items), and one tick on
/// an item that does not apply to these answers (kept in the record, left out of exports).
pub fn earlier() -> Progress {
    Progress {
        answers: parse_prefill("services=azure_rms,intune&tenant=existing&directory=cloud_only&exchange_onprem=yes&intune_scope=mdm,mam&rms_workloads=exchange_onprem,sharing_app").unwrap(),
        step: "rms".into(),
        done: done(&["general.remote_support", "rms.connector", "rms.connector.exchange", "aad_cap.mfa"]),
        revision: Revision::EARLIER,
    }
}

/// Several forests, federated, custom rules: items out of scope and not supported; no step yet.
pub fn several_forests() -> Progress {
    Progress {
        answers: parse_prefill(
            "services=aad_premium&tenant=existing&directory=multi_forest&signin=federated&custom_sync_rules=yes",
        )
        .unwrap(),
        step: "environment".into(),
        done: done(&["aad.multi_forest.connect_sync", "aad.multi_forest.custom_rules_note"]),
        revision: Revision::CURRENT,
    }
}

/// Answers that conflict, and one kept but ignored (an Intune scope without Intune): warnings.
pub fn conflicting() -> Progress {
    Progress {
        answers: parse_prefill("services=aad_premium,azure_rms&directory=cloud_only&aad_features=connect_sync&exchange_onprem=no&rms_workloads=exchange_onprem&intune_scope=mam").unwrap(),
        step: "summary".into(),
        done: done(&["general.remote_support"]),
        revision: Revision::CURRENT,
    }
}

/// What the format-1 fixture migrates to: its answers, step 2 (`aad`), no ticks.
pub fn format_1() -> Progress {
    Progress {
        answers: parse_prefill("services=intune,aad_premium&tenant=new&directory=single_forest").unwrap(),
        step: "aad".into(),
        done: ItemSet::new(),
        revision: Revision::CURRENT,
    }
}

/// The saved records of format 2, each with the progress it was written from.
/// A record read whole, nothing skipped.
fn saved(progress: Progress, migrated: bool) -> Saved {
    Saved { progress, migrated, skipped: Vec::new() }
}

fn saved_records() -> [(&'static str, Progress); 4] {
    [
        ("saved_v2.json", current()),
        ("saved_v2_earlier.json", earlier()),
        ("saved_v2_several_forests.json", several_forests()),
        ("saved_v2_blank.json", blank()),
    ]
}

#[test]
fn saved_records_of_format_2_open_to_the_same_progress() {
    for (name, want) in saved_records() {
        let text = fixture(name);
        assert_eq!(Progress::from_saved(&text), Ok(saved(want.clone(), false)), "{name}");
        assert_eq!(Progress::from_json(&text), Ok(want), "{name}");
    }
}

#[test]
fn saved_records_are_written_byte_for_byte_as_before() {
    for (name, progress) in saved_records() {
        assert_eq!(progress.to_json(), fixture(name), "{name}");
    }
}

#[test]
fn a_format_1_record_is_migrated() {
    let text = fixture("saved_v1.json");
    assert_eq!(Progress::from_saved(&text), Ok(saved(format_1(), true)));
    // Written back in today's format, it reads as the same progress without migrating.
    let again = format_1().to_json();
    assert!(again.starts_with(r#"{"format":2,"#), "{again}");
    assert_eq!(Progress::from_saved(&again), Ok(saved(format_1(), false)));
}

/// The exports, with the progress each was made from and the ticks an import gives back: those
/// on items the export lists (ticks on items that do not apply are not exported).
fn exports() -> [(&'static str, Progress, ItemSet); 3] {
    [
        ("export_current.json", current(), current().done),
        (
            "export_earlier.json",
            earlier(),
            done(&["general.remote_support", "rms.connector", "rms.connector.exchange"]),
        ),
        ("export_several_forests.json", several_forests(), several_forests().done),
    ]
}

#[test]
fn exports_are_written_byte_for_byte_as_before() {
    for (name, progress, _) in exports() {
        assert_eq!(export::to_json(&progress, DATE), fixture(name), "{name}");
    }
}

#[test]
fn exports_import_to_the_same_scope() {
    for (name, progress, done) in exports() {
        let want = Progress { step: "summary".into(), done, ..progress };
        assert_eq!(import::read_export(&fixture(name)), Ok(want), "{name}");
    }
}

#[test]
fn a_saved_record_is_not_an_export() {
    let e = import::read_export(&fixture("saved_v2.json"));
    assert!(matches!(e, Err(ReadError::NotOurs(_))), "{e:?}");
}

/// The share links, with the progress each was made from, whether with ticks, and what opens.
fn share_links() -> [(&'static str, Progress, bool, ItemSet); 3] {
    [
        ("share_with_done.txt", current(), true, current().done),
        ("share_without_done.txt", current(), false, ItemSet::new()),
        ("share_earlier.txt", earlier(), true, earlier().done),
    ]
}

#[test]
fn share_links_open_to_the_same_scope_and_are_made_as_before() {
    for (name, progress, with_done, done) in share_links() {
        let text = fixture(name);
        assert_eq!(link::encode_share(&progress, with_done), text, "{name}");
        let want = Progress { step: "summary".into(), done, ..progress };
        assert_eq!(link::parse_fragment(&text), Ok(Fragment::Shared(want.clone())), "{name}");
        assert_eq!(link::parse_fragment(&format!("#{text}")), Ok(Fragment::Shared(want)), "{name} with #");
    }
}

/// The Markdown summaries, each with the progress it was made from.
fn markdown() -> [(&'static str, Progress); 5] {
    [
        ("markdown_current.md", current()),
        ("markdown_earlier.md", earlier()),
        ("markdown_several_forests.md", several_forests()),
        ("markdown_conflicting.md", conflicting()),
        ("markdown_blank.md", blank()),
    ]
}

#[test]
fn markdown_is_written_byte_for_byte_as_before() {
    for (name, progress) in markdown() {
        assert_eq!(export::to_markdown(&progress, DATE), fixture(name), "{name}");
    }
}

/// A blank progress as the two-revision wizard made it: on the current revision (a new one shows
/// the newest, which a test build with a third revision makes another).
fn blank() -> Progress {
    Progress { revision: Revision::CURRENT, ..Progress::default() }
}
