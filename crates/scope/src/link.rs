//! Share links and prefill, both in the URL fragment (never sent to a server).
//!
//! - A share link is `#s1.<base64url>`: a compact, versioned, checksummed encoding of the whole
//!   scope (answers, and done ticks if the user wants). Version 1 numbers questions, values and
//!   items by their position in catalog.toml, which is why that file only ever appends questions
//!   and values; a catalog change that reorders them must add version 2 and keep reading 1.
//! - Prefill is readable: `#services=intune,aad_premium&directory=single_forest`, question ids and
//!   value ids as catalog.toml names them (README lists them all). Partners write these by hand.

use crate::answers::Answers;
use crate::catalog::{ItemId, ItemSet, QuestionId, Revision, ITEMS, QUESTIONS};
use crate::progress::Progress;

/// Why a link could not be read. Every variant tells the user what is wrong in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The link is cut short or characters were changed.
    Damaged(&'static str),
    /// Made by a newer version of the wizard.
    Newer(u8),
    /// A prefill names a question or value the wizard does not have.
    Unknown(String),
    /// A prefill answers this question twice (`tenant=new&tenant=existing`): which one was meant
    /// is not ours to guess.
    Repeated(&'static str),
    TooLong(usize),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Damaged(why) => write!(f, "the link is damaged ({why}); ask for it again, copied whole"),
            LinkError::Newer(v) => write!(f, "the link was made by a newer version of the wizard (link version {v})"),
            LinkError::Unknown(what) => write!(f, "its answers do not fit this wizard: {what}"),
            LinkError::Repeated(q) => {
                write!(f, "it answers `{q}` twice; give all its answers once, separated by commas")
            }
            LinkError::TooLong(n) => write!(f, "the link is {n} characters long, far longer than any scope"),
        }
    }
}

/// What a URL fragment holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fragment {
    /// Nothing for the wizard.
    Empty,
    /// A whole scope from a share link.
    Shared(Progress),
    /// Answers given by a portal.
    Prefill(Answers),
}

impl Fragment {
    /// The progress a fragment opens: a share link's whole scope, or a prefill's answers on the
    /// first step with a question left (the revision shown stays `revision`). `None` when empty.
    pub fn into_progress(self, revision: Revision) -> Option<Progress> {
        match self {
            Fragment::Empty => None,
            Fragment::Shared(progress) => Some(progress),
            Fragment::Prefill(answers) => Some(Progress::from_prefill(answers, revision)),
        }
    }
}

const PREFIX: &str = "s1.";
const MAX_FRAGMENT: usize = 4096;

/// Reads a URL fragment (with or without its leading `#`), as people paste links: a share link
/// may be wrapped over lines, and end in the `>` of `<https://…>` or a sentence's full stop
/// ([`share_payload`]); a prefill that ends so is read without that end when it would otherwise
/// be refused.
pub fn parse_fragment(fragment: &str) -> Result<Fragment, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong(fragment.len()));
    }
    if fragment.is_empty() {
        return Ok(Fragment::Empty);
    }
    if let Some(rest) = fragment.strip_prefix(PREFIX) {
        let cleaned = share_payload(rest);
        let (payload, step) = split_step(&cleaned);
        return decode_share(payload).map(|mut progress| {
            if let Some(step) = step {
                progress.step = step.into();
            }
            Fragment::Shared(progress)
        });
    }
    if let Some(rest) = fragment.strip_prefix('s') {
        if let Some((v, _)) = rest.split_once('.') {
            match v.parse::<u8>().ok() {
                Some(0) => return Err(LinkError::Damaged("it names link version 0, which never existed")),
                Some(v) => return Err(LinkError::Newer(v)),
                None => {}
            }
        }
    }
    parse_prefill(fragment).or_else(|refused| prefill_without_closers(fragment, refused)).map(Fragment::Prefill)
}

/// Characters that end a link in text but never belong to one of ours: the `>` of
/// `<https://…>` (which mail clients write), a sentence's full stop or comma, a closing bracket
/// or quote. None is in the base64url alphabet of a share link, nor in a question or value id.
const CLOSERS: &[char] = &['>', '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '\u{201d}', '\u{2019}'];

/// The base64url text of a share link as pasted: %-escapes read (an address bar writes a space
/// as `%20` and `>` as `%3E`), blanks and line breaks dropped (e-mail wraps a long link, and
/// none of them is in the alphabet), then the [`CLOSERS`] at its end dropped. Anything else that
/// is not in the alphabet stays, and the decoder says the link is damaged.
fn share_payload(payload: &str) -> String {
    let unescaped = if payload.contains('%') { percent_decode(payload, false) } else { None };
    let text = unescaped.as_deref().unwrap_or(payload);
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    joined.trim_end_matches(CLOSERS).to_string()
}

/// A prefill that was refused, read again without what ends it in text (see [`CLOSERS`]; as
/// %-escapes too, as an address bar writes them). The first refusal stands if that fails too.
fn prefill_without_closers(fragment: &str, refused: LinkError) -> Result<Answers, LinkError> {
    let mut text = fragment;
    loop {
        let shorter = text.trim_end_matches(CLOSERS).trim_end();
        let shorter = ["%3E", "%3e", "%20"].iter().find_map(|e| shorter.strip_suffix(e)).unwrap_or(shorter);
        if shorter == text {
            break;
        }
        text = shorter;
    }
    if text == fragment {
        return Err(refused);
    }
    parse_prefill(text).map_err(|_| refused)
}

/// `#services=intune,aad_premium&directory=single_forest`. Each question at most once.
pub fn parse_prefill(text: &str) -> Result<Answers, LinkError> {
    let mut answers = Answers::new();
    let mut answered = Vec::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let pair = percent_decode(pair, true).ok_or(LinkError::Damaged("a %-escape is broken"))?;
        let (question, values) =
            pair.split_once('=').ok_or_else(|| LinkError::Unknown(format!("`{pair}` is not question=answer")))?;
        answers.set_by_joined_ids(question.trim(), values).map_err(LinkError::Unknown)?;
        // Known, or set_by_joined_ids would have refused it.
        if let Some(q) = QuestionId::by_id(question.trim()) {
            if answered.contains(&q) {
                return Err(LinkError::Repeated(q.get().id));
            }
            answered.push(q);
        }
    }
    Ok(answers)
}

/// The readable prefill form of `answers` (what a portal would write).
pub fn prefill_string(answers: &Answers) -> String {
    answers
        .answered()
        .map(|q| format!("{}={}", q.get().id, answers.value_ids(q).join(",")))
        .collect::<Vec<_>>()
        .join("&")
}

/// The fragment of a share link for `progress`, with its done ticks if `with_done`.
pub fn encode_share(progress: &Progress, with_done: bool) -> String {
    let mut bytes = vec![QUESTIONS.len() as u8];
    for q in QuestionId::all() {
        bytes.extend_from_slice(&(progress.answers.bits(q) as u16).to_le_bytes());
    }
    bytes.push(revision_flags(progress.revision));
    if with_done && !progress.done.is_empty() {
        let mut bitmap = vec![0u8; ITEMS.len().div_ceil(8)];
        for d in progress.done.iter() {
            bitmap[d.index() / 8] |= 1 << (d.index() % 8);
        }
        while bitmap.last() == Some(&0) {
            bitmap.pop();
        }
        bytes.extend_from_slice(&bitmap);
    }
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    format!("{PREFIX}{}", base64url_encode(&bytes))
}

/// What follows a share link's payload to name the step to open on: "Open the full page" from a
/// portal's frame writes it (`s1.…&step=intune`); share links never carry it.
const STEP_PARAM: &str = "&step=";

/// The fragment for `progress` that opens on its step: its share link with the done ticks, and
/// the step on screen unless that is the summary (where a share link opens anyway).
pub fn encode_with_step(progress: &Progress) -> String {
    let shared = encode_share(progress, true);
    match progress.current_step() {
        crate::wizard::SUMMARY => shared,
        step => format!("{shared}{STEP_PARAM}{step}"),
    }
}

/// A share link's payload and the step it names, if any. A step this wizard does not have (a
/// newer build's, or mistyped) is passed over: the scope opens on the summary, as a share link.
fn split_step(rest: &str) -> (&str, Option<&'static str>) {
    let Some((payload, step)) = rest.split_once(STEP_PARAM) else { return (rest, None) };
    (payload, crate::catalog::StepId::by_id(step).map(|s| s.get().id))
}

fn decode_share(payload: &str) -> Result<Progress, LinkError> {
    let bytes = base64url_decode(payload).ok_or(LinkError::Damaged("it holds characters a link of ours never has"))?;
    let (body, sum) =
        bytes.split_at_checked(bytes.len().wrapping_sub(2)).ok_or(LinkError::Damaged("it is too short"))?;
    if sum != checksum(body).to_le_bytes() {
        return Err(LinkError::Damaged("its checksum does not match"));
    }
    let (&count, rest) = body.split_first().ok_or(LinkError::Damaged("it is too short"))?;
    let count = count as usize;
    if count > QUESTIONS.len() {
        return Err(LinkError::Unknown(format!(
            "it has {count} questions; this version of the wizard has {}",
            QUESTIONS.len()
        )));
    }
    let (answer_bytes, rest) = rest.split_at_checked(count * 2).ok_or(LinkError::Damaged("it is too short"))?;
    let mut answers = Answers::new();
    // `count` is at most the catalog's: each pair has its question.
    for (q, pair) in QuestionId::all().zip(answer_bytes.chunks_exact(2)) {
        let bits = u16::from_le_bytes([pair[0], pair[1]]) as u32;
        if bits >> q.get().values.len() != 0 {
            return Err(LinkError::Unknown(format!("an answer to `{}` that this version does not have", q.get().id)));
        }
        answers.set_bits(q, bits);
        if answers.bits(q) != bits {
            return Err(LinkError::Damaged("a one-answer question has several"));
        }
    }
    let (&flags, bitmap) = rest.split_first().ok_or(LinkError::Damaged("it is too short"))?;
    let revision = flags_revision(flags).ok_or(LinkError::Damaged("unknown flags"))?;
    let mut done = ItemSet::new();
    for (byte_index, byte) in bitmap.iter().enumerate() {
        for bit in 0..8 {
            if byte & (1 << bit) != 0 {
                let item = ItemId::at(byte_index * 8 + bit)
                    .ok_or_else(|| LinkError::Unknown("a guidance item that this version does not have".into()))?;
                done.insert(item);
            }
        }
    }
    Ok(Progress { answers, step: crate::wizard::SUMMARY.into(), done, revision })
}

/// The flags byte names the revision: 0 the current one (10/02/2016), 1 the earlier one (the
/// first two revisions' bit, as version 1 has always written it), and from 2 on the revision of
/// that index in catalog.toml (revisions are only appended). A wizard that does not know the
/// revision reads the link as damaged ("unknown flags").
fn revision_flags(revision: Revision) -> u8 {
    match revision {
        Revision::CURRENT => 0,
        Revision::EARLIER => 1,
        later => later.index() as u8,
    }
}

fn flags_revision(flags: u8) -> Option<Revision> {
    match flags {
        0 => Some(Revision::CURRENT),
        1 => Some(Revision::EARLIER),
        n => Revision::at(usize::from(n)),
    }
}

/// A 16-bit FNV-1a fold: catches a truncated or edited link, not a determined forger (a link
/// carries nothing secret, so nothing more is needed).
fn checksum(bytes: &[u8]) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    ((h >> 16) ^ (h & 0xffff)) as u16
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding, or the text was not made by the encoder.
    (acc == 0 && bits < 6).then_some(out)
}

/// Decodes `%XX` escapes, and `+` as a space if `plus_is_space` (as forms and portals write
/// prefills); `None` for a broken escape or text that is not UTF-8 once decoded.
fn percent_decode(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(if plus_is_space && bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_writes_and_reads_the_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        // The URL-safe alphabet: `-` and `_` for `+` and `/`.
        assert_eq!(base64url_encode(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(base64url_decode("-_-_").as_deref(), Some(&[0xfb, 0xff, 0xbf][..]));
        // Bits left over that are not zero padding, a lone character, padding and other alphabets.
        for bad in ["Zh", "Zm9", "A", "Zm9vY", "Zg==", "Zm9v+", "Zm9v/", "Zm 9v"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
        assert_eq!(base64url_decode("Zm8").as_deref(), Some(&b"fo"[..]));
    }

    #[test]
    fn the_checksum_is_fnv_1a_folded_to_16_bits() {
        assert_eq!(checksum(b""), 0x811c ^ 0x9dc5);
        // FNV-1a of "a" is 0xe40c292c.
        assert_eq!(checksum(b"a"), 0xe40c ^ 0x292c);
        // FNV-1a of "foobar" is 0xbf9cf968.
        assert_eq!(checksum(b"foobar"), 0xbf9c ^ 0xf968);
    }

    /// A share link over `body` with a right checksum.
    fn link(body: &[u8]) -> String {
        let mut bytes = body.to_vec();
        bytes.extend_from_slice(&checksum(body).to_le_bytes());
        format!("s1.{}", base64url_encode(&bytes))
    }

    fn with_answers(answers: &[u16], rest: &[u8]) -> Vec<u8> {
        let mut body = vec![answers.len() as u8];
        for a in answers {
            body.extend_from_slice(&a.to_le_bytes());
        }
        body.extend_from_slice(rest);
        body
    }

    #[test]
    fn a_share_link_is_read_field_by_field() {
        let n = QUESTIONS.len();
        let none = vec![0u16; n];
        let read = |body: &[u8]| parse_fragment(&link(body));
        let shared = |answers: Answers, done: ItemSet, revision| {
            Ok(Fragment::Shared(Progress { answers, step: "summary".into(), done, revision }))
        };
        assert_eq!(read(&with_answers(&none, &[0])), shared(Answers::new(), ItemSet::new(), Revision::CURRENT));
        assert_eq!(read(&with_answers(&none, &[1])), shared(Answers::new(), ItemSet::new(), Revision::EARLIER));
        // The first flags byte past this build's revisions (2 with two revisions).
        let unknown = Revision::all().count() as u8;
        assert_eq!(read(&with_answers(&none, &[unknown])), Err(LinkError::Damaged("unknown flags")));
        assert_eq!(read(&with_answers(&none, &[])), Err(LinkError::Damaged("it is too short")));
        // A link from a catalog with fewer questions leaves the later ones unanswered.
        let services = QuestionId::by_id("services").unwrap();
        let mut answers = Answers::new();
        answers.set_bits(services, 0b101);
        assert_eq!(read(&with_answers(&[0b101], &[0])), shared(answers, ItemSet::new(), Revision::CURRENT));
        assert_eq!(read(&with_answers(&[0b101], &[])), Err(LinkError::Damaged("it is too short")));
        assert_eq!(read(&[1, 5]), Err(LinkError::Damaged("it is too short")));
        assert_eq!(read(&[]), Err(LinkError::Damaged("it is too short")));
        // More questions than this catalog has.
        let more = vec![0u16; n + 1];
        let want = format!("it has {} questions; this version of the wizard has {n}", n + 1);
        assert_eq!(read(&with_answers(&more, &[0])), Err(LinkError::Unknown(want)));
        // A value bit past the question's values; two values of a one-answer question.
        let tenant = QuestionId::by_id("tenant").unwrap();
        assert_eq!(tenant.get().values.len(), 2);
        let mut bad = none.clone();
        bad[tenant.index()] = 0b100;
        let want = "an answer to `tenant` that this version does not have".to_string();
        assert_eq!(read(&with_answers(&bad, &[0])), Err(LinkError::Unknown(want)));
        bad[tenant.index()] = 0b11;
        assert_eq!(read(&with_answers(&bad, &[0])), Err(LinkError::Damaged("a one-answer question has several")));
        bad[tenant.index()] = 0b10;
        let mut answers = Answers::new();
        answers.set_bits(tenant, 0b10);
        assert_eq!(read(&with_answers(&bad, &[0])), shared(answers, ItemSet::new(), Revision::CURRENT));
    }

    #[test]
    fn done_ticks_are_a_bitmap_over_the_items() {
        let n = QUESTIONS.len();
        let none = vec![0u16; n];
        let read = |bitmap: &[u8]| match parse_fragment(&link(&with_answers(&none, &[&[0], bitmap].concat()))) {
            Ok(Fragment::Shared(p)) => Ok(p.done.iter().map(|d| d.index()).collect::<Vec<_>>()),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        assert_eq!(read(&[0b1000_0001, 0, 0b10]), Ok(vec![0, 7, 17]));
        let last = ITEMS.len() - 1;
        let mut bitmap = vec![0u8; ITEMS.len().div_ceil(8)];
        bitmap[last / 8] = 1 << (last % 8);
        assert_eq!(read(&bitmap), Ok(vec![last]));
        let past = ITEMS.len();
        let mut bitmap = vec![0u8; (past + 1).div_ceil(8)];
        bitmap[past / 8] = 1 << (past % 8);
        let want = LinkError::Unknown("a guidance item that this version does not have".into());
        assert_eq!(read(&bitmap), Err(want));
    }

    #[test]
    fn a_share_link_is_written_byte_by_byte() {
        let tenant = QuestionId::by_id("tenant").unwrap();
        // Flags byte 0: the current revision (the default is the newest, a later one in a build
        // with the made-up third revision).
        let mut p = Progress { revision: Revision::CURRENT, ..Progress::default() };
        p.answers.set_bits(tenant, 0b10);
        p.done.insert(ItemId::at(0).unwrap());
        p.done.insert(ItemId::at(9).unwrap());
        let mut body = vec![0u8; 1 + 2 * QUESTIONS.len()];
        body[0] = QUESTIONS.len() as u8;
        body[1 + 2 * tenant.index()] = 0b10;
        let without = [&body[..], &[0]].concat();
        assert_eq!(encode_share(&p, false), link(&without));
        // Ticks as a bitmap, trailing zero bytes left out.
        assert_eq!(encode_share(&p, true), link(&[&without[..], &[0b1, 0b10]].concat()));
        p.revision = Revision::EARLIER;
        p.done.clear();
        assert_eq!(encode_share(&p, true), link(&[&body[..], &[1]].concat()));
        // Every answer bit of a many-valued question fits in its two bytes.
        let features = QuestionId::by_id("aad_features").unwrap();
        let all = (1u32 << features.get().values.len()) - 1;
        assert!(all > 0xff);
        p.answers.set_bits(features, all);
        body[1 + 2 * features.index()..3 + 2 * features.index()].copy_from_slice(&(all as u16).to_le_bytes());
        assert_eq!(encode_share(&p, true), link(&[&body[..], &[1]].concat()));
    }

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..40u8 {
            let data: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64url_decode(&base64url_encode(&data)).as_deref(), Some(&data[..]));
        }
    }

    #[test]
    fn a_link_with_a_step_opens_on_that_step_and_share_links_stay_as_they_were() {
        let mut p = Progress::default();
        p.answers.set_by_ids("services", &["intune"]).unwrap();
        p.done.insert(ItemId::at(3).unwrap());
        let shared = encode_share(&p, true);
        for step in ["services", "environment", "intune"] {
            p.step = step.into();
            // The share link is unchanged by the step on screen.
            assert_eq!(encode_share(&p, true), shared);
            let with_step = encode_with_step(&p);
            assert_eq!(with_step, format!("{shared}&step={step}"));
            let Ok(Fragment::Shared(opened)) = parse_fragment(&format!("#{with_step}")) else { panic!("{with_step}") };
            assert_eq!(opened, p, "{step}");
        }
        // On the summary, or on a step the answers no longer have: the share link itself.
        p.step = "summary".into();
        assert_eq!(encode_with_step(&p), shared);
        p.step = "rms".into();
        assert_eq!(encode_with_step(&p), format!("{shared}&step=services"));
        // A step this wizard does not have: the summary, as a share link opens.
        for unknown in ["nowhere", "", "summary", "intune&step=rms"] {
            let Ok(Fragment::Shared(opened)) = parse_fragment(&format!("{shared}&step={unknown}")) else {
                panic!("{unknown}")
            };
            assert_eq!(opened.step, "summary", "{unknown}");
            assert_eq!(opened.answers, p.answers);
        }
        // Anything else after the payload is a damaged link, as before.
        assert!(matches!(parse_fragment(&format!("{shared}&done=1")), Err(LinkError::Damaged(_))));
    }
}
