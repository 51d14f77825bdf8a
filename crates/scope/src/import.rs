//! Reading whatever a user pastes into "Open or compare a scope", or drops there as a file: a JSON
//! export, a saved record kept aside by the wizard, a share link or a prefill link (whole
//! addresses or just their fragment).

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
    if text.starts_with('{') || text.starts_with('[') {
        // A JSON export, or a saved record kept aside by this wizard.
        return match (export::from_json(text), Progress::from_json(text)) {
            (Ok(p), _) => Ok(p),
            (Err(ReadError::NotOurs(_)), Ok(p)) => Ok(p),
            // A saved record of a newer format is not an export either, but "newer" is the news.
            (Err(ReadError::NotOurs(_)), Err(newer @ ReadError::Newer(_))) => {
                Err(format!("This could not be read: {newer}."))
            }
            // Pasted or from a file, the same words fit: the app does not say which it was.
            (Err(e), _) => Err(format!("This could not be read: {e}.")),
        };
    }
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    match link::parse_fragment(fragment).map(|f| f.into_progress(current.revision)) {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err("This link holds no scope.".into()),
        Err(e) => Err(format!("This could not be read: {e}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ItemId, Revision};

    fn progress() -> Progress {
        let mut p =
            Progress::from_prefill(link::parse_prefill("services=intune&tenant=new").unwrap(), Revision::CURRENT);
        p.done.insert(ItemId(0));
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
