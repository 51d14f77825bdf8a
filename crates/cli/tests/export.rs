//! `ems-scope export` as a partner runs it: every fixture export and share link of the engine
//! (crates/scope/tests/fixtures) gives the Markdown and JSON in tests/expected/, the same files the
//! browser test tests/browser/cli-export.test.mjs compares the wizard's downloads with; bad input
//! gives the wizard's message, exit status 2, and no output.
//!
//! `BLESS=1 cargo test -p ems-scope-cli --test export` rewrites the expected files from the tool.

use scope::import::read_scope;
use scope::progress::MAX_BYTES;
use scope::Progress;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The date the expected files carry (the date the fixture exports were written on).
const DATE: &str = "2026-11-23";

/// The fixture inputs: JSON exports and share links written by earlier builds.
const INPUTS: [&str; 6] = [
    "export_current.json",
    "export_earlier.json",
    "export_several_forests.json",
    "share_earlier.txt",
    "share_with_done.txt",
    "share_without_done.txt",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scope/tests/fixtures").join(name)
}

/// The expected file for a fixture input: `share_earlier.txt` -> `expected/share_earlier.md`.
fn expected(input: &str, extension: &str) -> PathBuf {
    let stem = input.rsplit_once('.').map_or(input, |(stem, _)| stem);
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected").join(format!("{stem}.{extension}"))
}

fn ems_scope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ems-scope")).args(args).output().unwrap()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ems-scope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The tool may refuse before reading everything; a closed pipe is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A folder of its own for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ems-scope-export-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_fixture_export_and_link_gives_the_expected_markdown_and_json() {
    let bless = std::env::var_os("BLESS").is_some();
    for input in INPUTS {
        let path = fixture(input);
        for (format, extension) in [("markdown", "md"), ("json", "json")] {
            let out = ems_scope(&["export", "--format", format, "--date", DATE, path.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(0), "{input} {format}: {}", text(&out.stderr));
            assert!(out.stderr.is_empty(), "{input} {format}: {}", text(&out.stderr));
            let want = expected(input, extension);
            if bless {
                std::fs::write(&want, &out.stdout).unwrap();
            }
            let want = std::fs::read_to_string(&want).unwrap_or_else(|e| panic!("{}: {e}", want.display()));
            assert_eq!(text(&out.stdout), want, "{input} as {format}");
        }
    }
}

/// The JSON export of a fixture export on its own date is the fixture itself: the tool writes what
/// the wizard wrote.
#[test]
fn an_export_exported_again_on_its_date_is_the_same_file() {
    for input in ["export_current.json", "export_earlier.json", "export_several_forests.json"] {
        let out = ems_scope(&["export", "--format", "json", "--date", DATE, fixture(input).to_str().unwrap()]);
        assert_eq!(text(&out.stdout), std::fs::read_to_string(fixture(input)).unwrap(), "{input}");
    }
}

/// A share link as its bare progress string, its fragment, the whole address, in a file or on
/// standard input: the same document.
#[test]
fn a_link_reads_the_same_in_every_form() {
    let link = std::fs::read_to_string(fixture("share_with_done.txt")).unwrap();
    let link = link.trim();
    let want = std::fs::read_to_string(expected("share_with_done.txt", "md")).unwrap();
    let forms = [link.to_string(), format!("#{link}"), format!("https://partner.example/wizard/?embed=1#{link}")];
    for form in &forms {
        let out = ems_scope(&["export", "--format", "markdown", "--date", DATE, form]);
        assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), want.clone()), "{form}");
        let piped =
            with_stdin(&["export", "--format", "markdown", "--date", DATE, "-"], format!("{form}\n").as_bytes());
        assert_eq!((piped.status.code(), text(&piped.stdout)), (Some(0), want.clone()), "{form} on standard input");
    }
}

/// A prefill opens in the newest revision with no ticks, as in a new browser.
#[test]
fn a_prefill_opens_in_the_newest_revision() {
    let prefill = "services=intune,aad_premium&tenant=new&directory=single_forest";
    let answers = scope::link::parse_prefill(prefill).unwrap();
    let progress = Progress::from_prefill(answers, scope::Revision::newest());
    for (format, want) in
        [("markdown", scope::export::to_markdown(&progress, DATE)), ("json", scope::export::to_json(&progress, DATE))]
    {
        for form in [prefill.to_string(), format!("#{prefill}"), format!("https://wizard.example/#{prefill}")] {
            let out = ems_scope(&["export", "--format", format, "--date", DATE, &form]);
            assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), want.clone()), "{form} as {format}");
        }
    }
}

#[test]
fn output_goes_to_the_file_named() {
    let dir = scratch("output");
    let file = dir.join("checklist.md");
    std::fs::write(&file, "an older checklist").unwrap();
    let input = fixture("export_current.json");
    let out = ems_scope(&[
        "export",
        "--format",
        "markdown",
        "--date",
        DATE,
        "-o",
        file.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        std::fs::read_to_string(expected("export_current.json", "md")).unwrap()
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "nothing left beside it");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An output that cannot be written: status 1, and no half-written file left beside it.
#[test]
fn an_output_that_cannot_be_written_exits_1_and_leaves_nothing() {
    let dir = scratch("unwritable");
    let folder = dir.join("a-folder.md");
    std::fs::create_dir(&folder).unwrap();
    let input = fixture("share_earlier.txt");
    for output in [folder.clone(), dir.join("no/such/folder/scope.md")] {
        let out =
            ems_scope(&["export", "--format", "markdown", "-o", output.to_str().unwrap(), input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", output.display());
        assert!(text(&out.stderr).starts_with(&format!("ems-scope: cannot write {}: ", output.display())));
        assert!(out.stdout.is_empty());
    }
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("a-folder.md")]);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The date is today's in the local time zone: ten hours ahead of the westernmost zone's date at
/// least (UTC+14 and UTC-12 are 26 hours apart), the UTC date between them.
#[test]
fn the_date_is_local_today_by_default() {
    let link = std::fs::read_to_string(fixture("share_earlier.txt")).unwrap();
    let date_in = |tz: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_ems-scope"))
            .args(["export", "--format", "json", link.trim()])
            .env("TZ", tz)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
        let json = text(&out.stdout);
        let line = json.lines().find(|l| l.trim_start().starts_with("\"date\"")).unwrap().to_string();
        line.trim().trim_start_matches("\"date\": \"").trim_end_matches("\",").to_string()
    };
    // POSIX TZ strings: `EAST-14` is fourteen hours east of UTC.
    let (east, utc, west) = (date_in("EAST-14"), date_in("UTC0"), date_in("WEST+12"));
    assert_eq!(east.len(), 10, "{east}");
    assert!(west < east && west <= utc && utc <= east, "{west} {utc} {east}");
}

/// Bad input of every kind: the browser's message, status 2, nothing on standard output, no
/// output file (and one already there left as it was).
#[test]
fn bad_input_says_why_exits_2_and_writes_nothing() {
    let dir = scratch("bad");
    let kept = dir.join("kept.md");
    std::fs::write(&kept, "the checklist of yesterday").unwrap();
    let message = |text: &str| read_scope(text, &Progress::default()).unwrap_err();
    let link = std::fs::read_to_string(fixture("share_with_done.txt")).unwrap();
    let damaged = link.trim().replacen('A', "B", 1);
    let newer_export = r#"{"schema":"ems-onboarding-scope","version":9,"answers":{},"items":[]}"#;
    let newer_record = r#"{"format":99,"answers":{"services":["intune"]},"step":"intune","done":[]}"#;
    let foreign = r#"{"name":"a calendar","events":[]}"#;
    let cases: Vec<(&str, String, String)> = vec![
        ("damaged link", damaged.clone(), message(&damaged)),
        ("foreign JSON", foreign.to_string(), message(foreign)),
        ("foreign text", "hello".to_string(), message("hello")),
        ("newer export", newer_export.to_string(), message(newer_export)),
        ("newer record", newer_record.to_string(), message(newer_record)),
        ("nothing", " ".to_string(), message(" ")),
    ];
    assert!(message(&damaged).starts_with("This could not be read: the link is damaged"), "{}", message(&damaged));
    assert!(message(newer_export).contains("written by a newer version of the wizard"));
    for (what, input, want) in &cases {
        for output in [dir.join("new.md"), kept.clone()] {
            let args = ["export", "--format", "markdown", "--output", output.to_str().unwrap(), input];
            let out = ems_scope(&args);
            assert_eq!((out.status.code(), text(&out.stderr)), (Some(2), format!("{want}\n")), "{what}");
            assert!(out.stdout.is_empty(), "{what}");
        }
        // The same text in a file, and on standard input.
        let file = dir.join("input.txt");
        std::fs::write(&file, input).unwrap();
        let out = ems_scope(&["export", "--format", "json", file.to_str().unwrap()]);
        assert_eq!((out.status.code(), text(&out.stderr)), (Some(2), format!("{want}\n")), "{what} in a file");
        let out = with_stdin(&["export", "--format", "json", "-"], input.as_bytes());
        assert_eq!((out.status.code(), text(&out.stderr)), (Some(2), format!("{want}\n")), "{what} on stdin");
        assert!(out.stdout.is_empty(), "{what}");
    }
    assert!(!dir.join("new.md").exists());
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "the checklist of yesterday");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Larger than a scope can be, or not text: the browser's words for a dropped file, read no further.
#[test]
fn oversized_and_binary_files_are_refused() {
    let dir = scratch("oversized");
    let big = dir.join("big.json");
    let size = MAX_BYTES + 10;
    let mut content = String::from("{\"a\":\"");
    content.push_str(&"x".repeat(size - content.len() - 2));
    content.push_str("\"}");
    std::fs::write(&big, &content).unwrap();
    let want = format!("This file could not be read: it is {size} bytes, far more than a scope can be.\n");
    let output = dir.join("out.json");
    let out = ems_scope(&["export", "--format", "json", "-o", output.to_str().unwrap(), big.to_str().unwrap()]);
    assert_eq!((out.status.code(), text(&out.stderr)), (Some(2), want.clone()));
    let out = with_stdin(&["export", "--format", "json", "-o", output.to_str().unwrap(), "-"], content.as_bytes());
    assert_eq!((out.status.code(), text(&out.stderr)), (Some(2), want));
    assert!(!output.exists());

    // At the cap exactly, a file is read whole: its last byte closes the export.
    let export = std::fs::read_to_string(fixture("export_current.json")).unwrap();
    let export = export.trim_end();
    let at_cap = format!("{}{export}", " ".repeat(MAX_BYTES - export.len()));
    assert_eq!(at_cap.len(), MAX_BYTES);
    let file = dir.join("at-cap.json");
    std::fs::write(&file, &at_cap).unwrap();
    let out = ems_scope(&["export", "--format", "json", "--date", DATE, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), std::fs::read_to_string(fixture("export_current.json")).unwrap());

    let image = dir.join("logo.png");
    std::fs::write(&image, [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).unwrap();
    let out = ems_scope(&["export", "--format", "markdown", image.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_is_said_to_be_missing() {
    let out = ems_scope(&["export", "--format", "markdown", "exports/customer-42.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(&message_of("exports/customer-42.json")), "{stderr}");
    assert!(stderr.contains("No file is named `exports/customer-42.json`, so it was read as a link."), "{stderr}");
}

fn message_of(text: &str) -> String {
    read_scope(text, &Progress::default()).unwrap_err()
}

#[test]
fn wrong_arguments_exit_2_with_usage() {
    for args in [
        vec!["export", "s1.AAAA"],
        vec!["export", "--format", "pdf", "s1.AAAA"],
        vec!["export", "--format", "json", "--date", "2026-02-30", "s1.AAAA"],
        vec!["export", "--format", "json"],
        vec!["frobnicate"],
    ] {
        let out = ems_scope(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("error: "), "{args:?}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty());
    }
    let date = ems_scope(&["export", "--format", "json", "--date", "2026-02-30", "s1.AAAA"]);
    assert!(text(&date.stderr).contains("`2026-02-30` is not a date written YYYY-MM-DD"), "{}", text(&date.stderr));
}

#[test]
fn help_reads_like_a_manual() {
    let top = text(&ems_scope(&["--help"]).stdout);
    for part in ["export", "revision-diff", "EXAMPLES:", "ems-scope export --format markdown"] {
        assert!(top.contains(part), "{part} in:\n{top}");
    }
    let export = ems_scope(&["export", "--help"]);
    assert_eq!(export.status.code(), Some(0));
    let export = text(&export.stdout);
    for part in [
        "--format <FORMAT>",
        "--date <YYYY-MM-DD>",
        "--output <FILE>",
        "<INPUT>",
        "EXIT STATUS:",
        "EXAMPLES:",
        "standard input",
    ] {
        assert!(export.contains(part), "{part} in:\n{export}");
    }
    let diff = text(&ems_scope(&["help", "revision-diff"]).stdout);
    assert!(diff.contains("EXIT STATUS:") && diff.contains("<PAGE>"), "{diff}");
}
