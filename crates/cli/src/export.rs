//! `ems-scope export`: what a partner keeps (a progress string, a share or prefill link, a JSON
//! export, or a file holding one) as the document the wizard's "Download Markdown" and "Download
//! JSON" give for the same scope. Reading goes through `scope::import::read_scope`, so a bad input
//! gets the browser's own message; a file is read under the browser's rules for a dropped file.

use scope::progress::{ReadError, MAX_BYTES};
use scope::Progress;
use std::io::{Read, Write};
use std::path::Path;

/// The document to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The checklist of "Download Markdown".
    Markdown,
    /// The export of "Download JSON" (it opens again in the wizard).
    Json,
}

/// The scope `input` holds: `-` is standard input, an existing path a file, anything else the
/// text itself. A prefill opens in the newest revision, as in a new browser.
pub fn read_input(input: &str) -> Result<Progress, String> {
    let text = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("The standard input could not be read ({e})."))?;
        file_text(bytes)?
    } else if Path::new(input).exists() {
        read_file(Path::new(input))?
    } else {
        return scope::import::read_scope(input, &Progress::default()).map_err(|e| e + &missing_file_hint(input));
    };
    scope::import::read_scope(&text, &Progress::default())
}

/// A file's text, refused unread when it is larger than any scope can be, as the browser refuses
/// a dropped file.
fn read_file(path: &Path) -> Result<String, String> {
    let unreadable = |e: std::io::Error| format!("This file could not be read as text ({e}).");
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_BYTES as u64 {
        return Err(format!("This file could not be read: {}.", ReadError::TooLarge(size as usize)));
    }
    // Read no further than the cap, in case the file grows meanwhile.
    let mut bytes = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes)).map_err(unreadable)?;
    file_text(bytes)
}

/// The text of a file's bytes under the browser's rules: not larger than a scope can be, and text
/// (an image or any binary file decodes to replacement characters, which are refused).
fn file_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!("This file could not be read: {}.", ReadError::TooLarge(bytes.len())));
    }
    let text = String::from_utf8_lossy(&bytes);
    if text.contains(['\u{fffd}', '\0']) {
        return Err("This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).".into());
    }
    Ok(text.into_owned())
}

/// A second sentence when text that was not read looks like a file name: no such file exists,
/// so it was read as a link.
fn missing_file_hint(input: &str) -> String {
    let looks_like_a_path = !input.contains(['#', '=', '{'])
        && (input.contains(std::path::MAIN_SEPARATOR) || [".json", ".txt", ".md"].iter().any(|e| input.ends_with(e)));
    if looks_like_a_path {
        format!(" (No file is named `{input}`, so it was read as a link.)")
    } else {
        String::new()
    }
}

/// The document the browser's download holds for `progress` on `date` (YYYY-MM-DD).
pub fn document(progress: &Progress, format: Format, date: &str) -> String {
    match format {
        Format::Markdown => scope::export::to_markdown(progress, date),
        Format::Json => scope::export::to_json(progress, date),
    }
}

/// `--date`: a day of the calendar written YYYY-MM-DD, returned as written.
pub fn parse_date(text: &str) -> Result<String, String> {
    let invalid = || format!("`{text}` is not a date written YYYY-MM-DD (as 2026-12-31)");
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else { return Err(invalid()) };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return Err(invalid());
    }
    let number = |s: &str| s.parse::<u8>().ok();
    let month = number(month).and_then(|m| time::Month::try_from(m).ok()).ok_or_else(invalid)?;
    let year: i32 = year.parse().map_err(|_| invalid())?;
    let day = number(day).ok_or_else(invalid)?;
    time::Date::from_calendar_date(year, month, day).map_err(|_| invalid())?;
    Ok(text.to_string())
}

/// Today in the local time zone, YYYY-MM-DD, as the browser dates its downloads; `None` when the
/// local time zone cannot be read (the `time` crate refuses once the process has threads).
pub fn local_today() -> Option<String> {
    time::OffsetDateTime::now_local().ok().map(|now| format_date(now.date()))
}

/// Today in UTC, for when the local time zone cannot be read.
pub fn utc_today() -> String {
    format_date(time::OffsetDateTime::now_utc().date())
}

fn format_date(date: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Writes `text` to `output`, or to standard output. A file is written whole or not at all: into
/// a new file beside it first, then renamed over it, so a failed write leaves no half document.
pub fn write_output(text: &str, output: Option<&Path>) -> Result<(), String> {
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        return out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| format!("cannot write: {e}"));
    };
    let name = path.file_name().ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(name);
    partial_name.push(format!(".{}.partial", std::process::id()));
    let partial = path.with_file_name(partial_name);
    let written = std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_a_real_day_written_yyyy_mm_dd() {
        assert_eq!(parse_date("2026-12-31"), Ok("2026-12-31".to_string()));
        assert_eq!(parse_date("2024-02-29"), Ok("2024-02-29".to_string()));
        for bad in ["2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-01-01-", "today", ""] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_date("2026-12-32").unwrap_err(),
            "`2026-12-32` is not a date written YYYY-MM-DD (as 2026-12-31)"
        );
    }

    #[test]
    fn binary_and_oversized_files_are_refused_as_the_browser_does() {
        let binary = file_text(vec![0x89, b'P', b'N', b'G', 0xff]).unwrap_err();
        assert!(binary.starts_with("This file is not text the wizard can read"), "{binary}");
        assert_eq!(file_text(b"a\0b".to_vec()).unwrap_err(), binary);
        let size = MAX_BYTES + 1;
        assert_eq!(
            file_text(vec![b' '; size]).unwrap_err(),
            format!("This file could not be read: it is {size} bytes, far more than a scope can be.")
        );
        assert_eq!(file_text(vec![b' '; MAX_BYTES]).map(|t| t.len()), Ok(MAX_BYTES));
    }

    /// A file longer than its size said when it was looked at (it grew meanwhile) is still
    /// refused whole, not cut at the cap and read: a named pipe says size 0 and gives more.
    #[cfg(unix)]
    #[test]
    fn a_file_that_grows_past_the_cap_while_read_is_refused() {
        let dir = std::env::temp_dir().join(format!("ems-scope-grows-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let pipe = dir.join("grows.json");
        assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
        // The writer ends when the reader stops reading (a broken pipe); not waited for, so a
        // reader that never opens the pipe fails the test rather than hanging it.
        let writer = pipe.clone();
        std::thread::spawn(move || std::fs::write(writer, vec![b' '; MAX_BYTES + 10]));
        let read = read_file(&pipe);
        std::fs::remove_dir_all(&dir).unwrap();
        let size = MAX_BYTES + 1;
        let want = format!("This file could not be read: it is {size} bytes, far more than a scope can be.");
        assert_eq!(read.map(|text| text.len()), Err(want));
    }

    #[test]
    fn utc_today_is_the_date_in_utc() {
        let today = utc_today();
        assert_eq!(today, format_date(time::OffsetDateTime::now_utc().date()), "(unless midnight passed)");
        assert_eq!(parse_date(&today), Ok(today.clone()));
    }

    #[test]
    fn a_missing_file_is_hinted_at_only_for_what_looks_like_one() {
        assert!(missing_file_hint("exports/customer.json").contains("No file is named `exports/customer.json`"));
        assert!(missing_file_hint("customer.txt").contains("No file is named"));
        for link in ["s1.AAAA", "services=intune", "https://wizard.example/#s1.AAAA", "{\"a\":1}", "nothing"] {
            assert_eq!(missing_file_hint(link), "", "{link}");
        }
    }
}
