//! Reading whatever a user pastes into "Open or compare a scope", or drops there as a file: a JSON
//! export, a saved record kept aside by the wizard, a share link or a prefill link (whole
//! addresses or just their fragment).

mod json;

pub use json::read_export;

use crate::export;
use crate::link;
use crate::progress::{Progress, ReadError, MAX_BYTES};

/// The scope in `text`, or a sentence for the user saying why there is none. `current` gives the
/// revision a prefill link opens in.
pub fn read_scope(text: &str, current: &Progress) -> Result<Progress, String> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err("There is nothing to read: paste a share link or a JSON export, or choose a file.".into());
    }
    if text.len() > MAX_BYTES {
        return Err(format!("This could not be read: {}.", ReadError::TooLarge(text.len())));
    }
    match Pasted::of(text) {
        Pasted::Json => read_json(text),
        Pasted::Link(fragment) => match link::parse_fragment(fragment).map(|f| f.into_progress(current.revision)) {
            Ok(Some(p)) => Ok(p),
            Ok(None) => Err("This link holds no scope.".into()),
            Err(e) => Err(format!("This could not be read: {e}.")),
        },
        Pasted::AddressOnly => Err("This address holds no scope: a share link goes on after # (#s1. and \
            letters and digits); copy the whole link."
            .into()),
        Pasted::OurMarkdown => Err("This is the wizard's Markdown checklist: it cannot be opened again; paste \
            the share link or the JSON export."
            .into()),
        Pasted::Text => Err("This is text, not a scope: paste the share link or the JSON export the wizard \
            made, or choose the JSON file."
            .into()),
    }
}

/// The text of a file chosen or dropped to be read: refused, with a sentence saying why, when it
/// is not text (an image or any binary file decodes to replacement characters) or when it is
/// empty, so that the box keeps what it had.
pub fn file_text<'a>(name: &str, text: &'a str) -> Result<&'a str, String> {
    if text.contains(['\u{fffd}', '\0']) {
        return Err("This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).".into());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(format!("The file {name} is empty: choose the JSON export the wizard made."));
    }
    Ok(text)
}

/// A JSON export, a saved record kept aside by this wizard, or the record a portal keeps for a
/// customer (embed.js: `{"progress":"s1.…","step":"…"}`).
fn read_json(text: &str) -> Result<Progress, String> {
    if let Some(kept) = portal_record(text) {
        return kept;
    }
    match (read_export(text), Progress::from_json(text)) {
        (Ok(p), _) => Ok(p),
        (Err(ReadError::NotOurs(_)), Ok(p)) => Ok(p),
        // A saved record of a newer format is not an export either, but "newer" is the news.
        (Err(ReadError::NotOurs(_)), Err(newer @ ReadError::Newer(_))) => {
            Err(format!("This could not be read: {newer}."))
        }
        // Pasted or from a file, the same words fit: the app does not say which it was.
        (Err(e), _) => Err(format!("This could not be read: {e}.")),
    }
}

/// The progress a portal's record holds, if `text` is one: an object whose only fields are
/// `progress` (a string) and an optional `step`, read as the wizard reads the portal's restore.
fn portal_record(text: &str) -> Option<Result<Progress, String>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PortalRecord {
        progress: String,
        #[serde(default)]
        step: Option<String>,
    }
    let record: PortalRecord = serde_json::from_str(text).ok()?;
    Some(match crate::portal::restore_progress(Some(&record.progress), record.step.as_deref()) {
        Ok(Some(progress)) => Ok(progress),
        Ok(None) => Err("This portal record holds no progress yet.".into()),
        Err(e) => Err(format!("This portal record could not be read: {e}.")),
    })
}

/// What pasted text is, as far as opening it goes.
#[derive(Debug, PartialEq, Eq)]
enum Pasted<'a> {
    /// JSON: an export or a saved record.
    Json,
    /// A link's fragment (after `#`), or a fragment pasted on its own.
    Link(&'a str),
    /// A web address with nothing after `#`.
    AddressOnly,
    /// The wizard's Markdown summary, which cannot be read back.
    OurMarkdown,
    /// Anything else: a note, a sentence, another document.
    Text,
}

impl<'a> Pasted<'a> {
    /// `text` is trimmed and not empty. A web address anywhere in it is taken (a link pasted with
    /// the sentence around it); else text that is a link or fragment as a whole: its first word
    /// holds `#` (an address without `https://`, or `#s1.…`), or it starts a share link (`s1.`,
    /// maybe wrapped over lines), or it is one word with `=` (a prefill).
    fn of(text: &'a str) -> Pasted<'a> {
        if text.starts_with(['{', '[']) {
            return Pasted::Json;
        }
        if text.starts_with(export::MARKDOWN_TITLE) {
            return Pasted::OurMarkdown;
        }
        if let Some(start) = text.find("https://").or_else(|| text.find("http://")) {
            return text[start..].split_once('#').map_or(Pasted::AddressOnly, |(_, f)| Pasted::Link(f));
        }
        let text = text.strip_prefix('<').unwrap_or(text);
        let first_word = text.split_whitespace().next().unwrap_or_default();
        let heading = text.starts_with("# ") || text.starts_with("##");
        if let Some((_, fragment)) = text.split_once('#').filter(|_| first_word.contains('#') && !heading) {
            return Pasted::Link(fragment);
        }
        let share = text
            .strip_prefix('s')
            .and_then(|rest| rest.split_once('.'))
            .is_some_and(|(version, _)| !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()));
        if share || (first_word == text && text.contains('=')) {
            return Pasted::Link(text);
        }
        Pasted::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ItemId, Revision};

    fn progress() -> Progress {
        let mut p =
            Progress::from_prefill(link::parse_prefill("services=intune&tenant=new").unwrap(), Revision::CURRENT);
        p.done.insert(ItemId::at(0).unwrap());
        p
    }

    #[test]
    fn reads_an_export_a_saved_record_and_links() {
        let p = progress();
        let blank = Progress::default();
        let export = export::to_json(&p, "2026-12-01");
        let read = read_scope(&format!("\u{feff}  {export}\n"), &blank).unwrap();
        assert_eq!((read.answers, read.done, read.step.as_str()), (p.answers.clone(), p.done, "summary"));
        let saved = read_scope(&p.to_json(), &blank).unwrap();
        assert_eq!(saved, p);
        let share = link::encode_share(&p, true);
        let from_address = read_scope(&format!("https://wizard.example/?embed=1#{share}"), &blank).unwrap();
        assert_eq!((from_address.answers, from_address.done), (p.answers.clone(), p.done));
        let earlier = Progress { revision: Revision::EARLIER, ..Progress::default() };
        let prefill = read_scope("#services=intune&tenant=new", &earlier).unwrap();
        assert_eq!(prefill, Progress::from_prefill(p.answers.clone(), Revision::EARLIER));
        assert!(prefill.done.is_empty());
    }

    #[test]
    fn reads_the_record_a_portal_keeps() {
        let p = progress();
        let blank = Progress::default();
        let share = link::encode_share(&p, true);
        let kept = read_scope(&format!(r#"{{"progress":"{share}","step":"intune"}}"#), &blank).unwrap();
        assert_eq!((kept.answers, kept.done, kept.step.as_str()), (p.answers.clone(), p.done, "intune"));
        let no_step = read_scope(&format!(r#"{{"progress":"{share}"}}"#), &blank).unwrap();
        assert_eq!(no_step.step, "summary", "where a share link opens");
        assert_eq!(
            read_scope(r#"{"progress":"","step":""}"#, &blank),
            Err("This portal record holds no progress yet.".into())
        );
        let damaged = read_scope(r#"{"progress":"s1.AAAA","step":"intune"}"#, &blank).unwrap_err();
        assert!(
            damaged.starts_with("This portal record could not be read: the progress could not be read"),
            "{damaged}"
        );
        let unknown_step = read_scope(&format!(r#"{{"progress":"{share}","step":"nowhere"}}"#), &blank).unwrap_err();
        assert!(unknown_step.contains("`nowhere` is not a step"), "{unknown_step}");
        // An object with other fields is not a portal's record: read as an export or saved record.
        let other = read_scope(&format!(r#"{{"progress":"{share}","schema":"x"}}"#), &blank).unwrap_err();
        assert!(!other.contains("portal record"), "{other}");
    }

    #[test]
    fn says_why_nothing_was_read() {
        let blank = Progress::default();
        let err = |text: &str| read_scope(text, &blank).unwrap_err();
        assert_eq!(err("  \n"), "There is nothing to read: paste a share link or a JSON export, or choose a file.");
        assert_eq!(err("https://wizard.example/#"), "This link holds no scope.");
        let huge = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_BYTES));
        assert_eq!(err(&huge), format!("This could not be read: {}.", ReadError::TooLarge(huge.len())));
        assert!(
            err("{\"schema\":\"other\"}")
                .starts_with("This could not be read: this is not a scope saved by this wizard"),
            "{}",
            err("{\"schema\":\"other\"}")
        );
        assert!(err("[1,2]").starts_with("This could not be read: "));
        let newer = "{\"schema\":\"ems-onboarding-scope\",\"version\":9}";
        assert_eq!(err(newer), format!("This could not be read: {}.", ReadError::Newer(9)));
        assert!(err("#services=nothing").starts_with("This could not be read: its answers do not fit this wizard"));
        assert!(err("s1.AAAA").starts_with("This could not be read: the link is damaged"));
    }

    /// A share link as people paste it into the box: in angle brackets, in a sentence ending in
    /// a full stop, wrapped over lines (also before its `#`), or bare.
    #[test]
    fn reads_a_share_link_as_people_paste_it() {
        let p = progress();
        let blank = Progress::default();
        let share = link::encode_share(&p, true);
        let (head, tail) = share.split_at(share.len() / 2);
        for pasted in [
            format!("<https://wizard.example/#{share}>"),
            format!("Here is our scope: https://wizard.example/#{share}."),
            format!("Our scope (<https://wizard.example/#{share}>)."),
            format!("https://wizard.example/#{head}\n{tail}"),
            format!("> https://wizard.example/#{head}\r\n  {tail}."),
            format!("<https://wizard.example/\n#{head}\n{tail}>"),
            format!("wizard.example/#{share}"),
            format!("<#{share}>"),
            format!("{head}\n{tail}."),
        ] {
            let read = read_scope(&pasted, &blank).map(|r| (r.answers, r.done));
            assert_eq!(read, Ok((p.answers.clone(), p.done)), "{pasted:?}");
        }
        assert_eq!(
            read_scope("<https://wizard.example/#services=intune&tenant=new>", &blank).map(|r| r.answers),
            Ok(p.answers)
        );
    }

    /// What is not a scope is named: the wizard's own Markdown, an address without a scope, or
    /// text; not "question=answer", which it never was.
    #[test]
    fn says_what_was_pasted_when_it_is_not_a_scope() {
        let blank = Progress::default();
        let err = |text: &str| read_scope(text, &blank).unwrap_err();
        let markdown = export::to_markdown(&progress(), "2026-12-01");
        let ours = "This is the wizard's Markdown checklist: it cannot be opened again; paste the share link or the JSON export.";
        assert_eq!(err(&markdown), ours);
        let text = "This is text, not a scope: paste the share link or the JSON export the wizard made, or choose the JSON file.";
        for pasted in [
            "this is not a scope %%%",
            "Hello",
            "Please find our scope below:",
            "# Notes\n\nwhat = that",
            "## Answers\n\n- Services: Microsoft Intune",
            "- [ ] Provide an administrative overview.",
            // Starts with s and has a dot, as a share link does, but no version number before it.
            "see the notes.",
            "s.",
        ] {
            assert_eq!(err(pasted), text, "{pasted:?}");
        }
        let address = "This address holds no scope: a share link goes on after # (#s1. and letters and digits); copy the whole link.";
        assert_eq!(err("https://wizard.example/"), address);
        assert_eq!(err("See <https://wizard.example/?embed=1>."), address);
    }

    #[test]
    fn a_file_that_is_empty_or_not_text_is_refused_by_name() {
        assert_eq!(file_text("scope.json", "{}"), Ok("{}"));
        assert_eq!(
            file_text("scope.json", "\u{feff} \n"),
            Err("The file scope.json is empty: choose the JSON export the wizard made.".into())
        );
        assert_eq!(
            file_text("empty.json", ""),
            Err("The file empty.json is empty: choose the JSON export the wizard made.".into())
        );
        let binary = "This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).";
        assert_eq!(file_text("photo.png", "\u{fffd}PNG"), Err(binary.into()));
        assert_eq!(file_text("a.bin", "a\0b"), Err(binary.into()));
    }

    /// An export whose answers do not fit: one sentence saying what is wrong, not a clause
    /// wrapped in another.
    #[test]
    fn says_which_answer_does_not_fit_in_one_sentence() {
        let blank = Progress::default();
        let export = |answers: &str| {
            let text =
                format!("{{\"schema\":\"ems-onboarding-scope\",\"version\":1,\"answers\":{{{answers}}},\"items\":[]}}");
            read_scope(&text, &blank).unwrap_err()
        };
        assert_eq!(
            export("\"services\":[\"foo\"]"),
            "This could not be read: `foo` is not an answer to `services` in this version of the wizard."
        );
        assert_eq!(
            export("\"tenant\":[\"new\",\"existing\"]"),
            "This could not be read: `tenant` takes one answer, not 2."
        );
        assert_eq!(
            export("\"colour\":[\"blue\"]"),
            "This could not be read: `colour` is not a question in this version of the wizard."
        );
        let item = "{\"schema\":\"ems-onboarding-scope\",\"version\":1,\"answers\":{},\"items\":[{\"id\":\"x\"}]}";
        assert_eq!(
            read_scope(item, &blank).unwrap_err(),
            "This could not be read: the guidance item `x` is not in this version of the wizard."
        );
    }

    /// A saved record of a newer format says so, as an export of a newer version does.
    #[test]
    fn a_saved_record_from_a_newer_version_says_so() {
        let record = r#"{"format":99,"answers":{"services":["intune"]},"step":"intune","done":[]}"#;
        let err = read_scope(record, &Progress::default()).unwrap_err();
        assert_eq!(err, format!("This could not be read: {}.", ReadError::Newer(99)));
        assert!(err.contains("written by a newer version of the wizard"), "{err}");
    }
}
