//! `ems-scope revision-diff` as a maintainer runs it: the report on stdout, and the exit code a
//! pull request's check reads (0 covered, 1 not yet covered, 2 nothing to compare).

mod common;

use common::page_text;
use scope::catalog::Revision;
use std::path::PathBuf;
use std::process::{Command, Output};

/// `ems-scope revision-diff` run on `text`, written to a file of its own under the system's temp folder.
fn run_on(name: &str, text: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("revision-diff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = revision_diff().arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    out
}

fn revision_diff() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ems-scope"));
    command.arg("revision-diff");
    command
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_newest_page_is_covered_and_a_changed_one_is_not() {
    let page = page_text(Revision::newest());
    let same = run_on("same.md", &page);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).starts_with("# Revision diff: `same.md` against the catalog"), "{}", stdout(&same));

    let from = "Work with you to begin onboarding.";
    assert!(page.contains(from));
    let changed = run_on("changed.md", &page.replacen(from, "Work with you to start onboarding.", 1));
    assert_eq!(changed.status.code(), Some(1), "{}", stdout(&changed));
    assert!(stdout(&changed).contains("Work with you to start onboarding."), "{}", stdout(&changed));
}

#[test]
fn nothing_to_compare_exits_2_with_a_reason() {
    let none = revision_diff().output().unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("Usage: ems-scope revision-diff <PAGE>"));

    let missing = revision_diff().arg("no/such/page.md").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/page.md"));

    let prose = run_on("prose.md", "Just a paragraph, no headings and no bullets.\n");
    assert_eq!(prose.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&prose.stderr).contains("has no section with bullets or notes"));
    assert!(prose.stdout.is_empty());
}
