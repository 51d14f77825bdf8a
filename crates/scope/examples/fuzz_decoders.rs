//! A dependency-free fuzz run over the three decoders that read outside input:
//! `link::parse_fragment` (share links and prefill), `Progress::from_json` (the saved record) and
//! `import::read_export` (an imported export).
//!
//!   CARGO_PROFILE_RELEASE_PANIC=unwind cargo run -p scope --release --example fuzz_decoders -- 100000
//!
//! Each decoder gets N inputs: random bytes, random strings over the characters its format uses,
//! and mutations (bit flips, inserts, deletes, duplicated or spliced ranges, truncation, dictionary
//! tokens) of valid outputs of `link::encode_share`, `Progress::to_json` and `export::to_json`.
//! Every call runs under `std::panic::catch_unwind`; every rejection's Display text must be
//! non-empty; valid outputs must decode back to their answers. Exits non-zero on any failure.
//!
//! The workspace's release profile has `panic = "abort"` (for the wasm app), under which
//! catch_unwind cannot catch: set `CARGO_PROFILE_RELEASE_PANIC=unwind` as above (scripts/bench.sh
//! does). Built with abort, a panic is still reported, with its input, and the run exits non-zero
//! at the first one.

use scope::catalog::{ItemId, ItemSet, QuestionId, Revision, ITEMS, STEPS};
use scope::link::{self, Fragment};
use scope::progress::Progress;
use scope::{export, import, Answers};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn random_progress(rng: &mut Rng) -> Progress {
    let mut answers = Answers::new();
    for q in QuestionId::all() {
        if !rng.chance(3) {
            for _ in 0..=rng.below(3) {
                answers.pick(q, rng.below(q.get().values.len()));
            }
        }
    }
    let done: ItemSet = (0..rng.below(12)).filter_map(|_| ItemId::at(rng.below(ITEMS.len()))).collect();
    let step = if rng.chance(2) { "summary".to_string() } else { STEPS[rng.below(STEPS.len())].id.to_string() };
    let revision = if rng.chance(4) { Revision::EARLIER } else { Revision::CURRENT };
    Progress { answers, step, done, revision }
}

/// Pieces that matter to the parsers, spliced into inputs.
const TOKENS: &[&str] = &[
    "s1.",
    "s2.",
    "s9.",
    "#",
    "&",
    "=",
    ",",
    "%",
    "%2",
    "%zz",
    "%C3%A9",
    "%FF",
    "+",
    "services=",
    "intune",
    "aad_premium",
    "directory=",
    "single_forest",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "2",
    "3",
    "18446744073709551616",
    "1e400",
    "\"format\":2",
    "\"format\":3",
    "\"version\":1",
    "\"version\":2",
    "\"schema\":\"ems-onboarding-scope\"",
    "\"answers\":{}",
    "\"items\":[]",
    "\"done\":true",
    "\"revision\":\"earlier\"",
    "\"revision\":\"later\"",
    "\\u0000",
    "\\ud800",
    "é",
    "\u{202e}",
    "\0",
    "AAAA",
    "____",
    "----",
];

const ALPHABET_LINK: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#&=,%+s1 ";
const ALPHABET_JSON: &[u8] = b"{}[]\":,0123456789.-+eEtruefalsn \n\\abcdxyz_";

fn random_bytes(rng: &mut Rng) -> String {
    let max = if rng.chance(50) { 5000 } else { 200 };
    let len = rng.below(max);
    let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn random_text(rng: &mut Rng, alphabet: &[u8]) -> String {
    let len = rng.below(120);
    let mut s = String::new();
    while s.len() < len {
        if rng.chance(6) {
            s.push_str(TOKENS[rng.below(TOKENS.len())]);
        } else {
            s.push(alphabet[rng.below(alphabet.len())] as char);
        }
    }
    s
}

/// One to four byte-level mutations of `seed`; `other` is another valid output to splice from.
fn mutate(rng: &mut Rng, seed: &str, other: &str) -> String {
    let mut b = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let len = b.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                b.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(16));
                b.drain(i..i + n);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                let piece = b[i..i + n].to_vec();
                let at = rng.below(len + 1);
                b.splice(at..at, piece);
            }
            4 => b.truncate(rng.below(len + 1)),
            5 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                b.splice(at..at, t.iter().copied());
            }
            6 if len > 0 => {
                // Replace a range by a token: hits keys and values in the JSON.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(12));
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(i..i + n, t.iter().copied());
            }
            7 => {
                // Splice: our head, the other's tail.
                let o = other.as_bytes();
                let cut = rng.below(len + 1);
                b.truncate(cut);
                b.extend_from_slice(&o[rng.below(o.len() + 1)..]);
            }
            _ if len > 0 => {
                let i = rng.below(len);
                b[i] = ALPHABET_LINK[rng.below(ALPHABET_LINK.len())];
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[derive(Clone, Copy, PartialEq)]
enum Decoder {
    Fragment,
    Progress,
    Export,
}

impl Decoder {
    fn name(self) -> &'static str {
        match self {
            Decoder::Fragment => "link::parse_fragment",
            Decoder::Progress => "Progress::from_json",
            Decoder::Export => "import::read_export",
        }
    }

    /// Ok(true) accepted, Ok(false) rejected with a non-empty message, Err(why) a failure.
    fn run(self, input: &str) -> Result<bool, String> {
        let message = match self {
            Decoder::Fragment => link::parse_fragment(input).err().map(|e| e.to_string()),
            Decoder::Progress => Progress::from_json(input).err().map(|e| e.to_string()),
            Decoder::Export => import::read_export(input).err().map(|e| e.to_string()),
        };
        match message {
            None => Ok(true),
            Some(m) if m.trim().is_empty() => Err("rejected with an empty message".into()),
            Some(_) => Ok(false),
        }
    }
}

#[derive(Default)]
struct Counts {
    inputs: u64,
    accepted: u64,
    rejected: u64,
    panics: u64,
    empty_messages: u64,
    by_source: [(u64, u64); 3], // (accepted, rejected) for random bytes, random text, mutated
}

static CURRENT: Mutex<Option<(&'static str, String)>> = Mutex::new(None);

fn preview(s: &str) -> String {
    let p: String = s.chars().take(160).collect();
    format!("{p:?}{}", if p.len() < s.len() { "…" } else { "" })
}

/// With `panic = "abort"` nothing can be caught: the hook reports the input that panicked.
fn install_panic_hook(abort: bool) {
    panic::set_hook(Box::new(move |info| {
        if abort {
            let cur = CURRENT.lock().ok().and_then(|c| c.clone());
            if let Some((decoder, input)) = cur {
                eprintln!("PANIC in {decoder} on input {}: {info}", preview(&input));
            }
            eprintln!("panics: 1 (built with panic=abort: the run stops here; set CARGO_PROFILE_RELEASE_PANIC=unwind to count them all)");
        }
    }));
}

/// Valid outputs to mutate, refreshed as the run goes. Each must decode back.
#[derive(Default)]
struct Seeds {
    pool: Vec<[String; 3]>,
    made: u64,
    roundtrip_failures: u64,
}

impl Seeds {
    fn add(&mut self, rng: &mut Rng) {
        let p = random_progress(rng);
        let with_done = rng.chance(2);
        let share = format!("{}{}", if rng.chance(2) { "#" } else { "" }, link::encode_share(&p, with_done));
        let saved = p.to_json();
        let exported = export::to_json(&p, "2026-11-23");
        // A panic here counts as a failed round trip (caught, so the run goes on).
        let ok = |f: &dyn Fn() -> bool| panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or(false);
        let ok_share = ok(
            &|| matches!(link::parse_fragment(&share), Ok(Fragment::Shared(ref q)) if q.answers == p.answers && q.revision == p.revision),
        );
        let ok_saved =
            ok(&|| matches!(Progress::from_json(&saved), Ok(ref q) if q.answers == p.answers && q.done == p.done));
        let ok_export = ok(
            &|| matches!(import::read_export(&exported), Ok(ref q) if q.answers == p.answers && q.revision == p.revision),
        );
        for (ok, what, text) in
            [(ok_share, "share link", &share), (ok_saved, "saved record", &saved), (ok_export, "export", &exported)]
        {
            if !ok {
                self.roundtrip_failures += 1;
                if self.roundtrip_failures <= 5 {
                    eprintln!("ROUND TRIP FAILED for a valid {what}: {}", preview(text));
                }
            }
        }
        self.made += 1;
        self.pool.push([share, saved, exported]);
    }
}

/// One input for decoder `d`: from random bytes, random text, or a mutated valid output (source
/// 0, 1 or 2, returned with it).
fn input_for(rng: &mut Rng, seeds: &Seeds, d: usize, decoder: Decoder) -> (usize, String) {
    let source = rng.below(3);
    let input = match source {
        0 => random_bytes(rng),
        1 => random_text(rng, if decoder == Decoder::Fragment { ALPHABET_LINK } else { ALPHABET_JSON }),
        _ => {
            // Mostly the decoder's own format, sometimes another's.
            let pool = &seeds.pool;
            let kind = if rng.chance(5) { rng.below(3) } else { d };
            let seed = &pool[rng.below(pool.len())][kind];
            let other = &pool[rng.below(pool.len())][if rng.chance(3) { rng.below(3) } else { kind }];
            mutate(rng, seed, other)
        }
    };
    (source, input)
}

/// Runs `decoder` on `input` and counts the outcome; returns whether it failed.
fn check(decoder: Decoder, input: &str, source: usize, c: &mut Counts, failures: u64) -> bool {
    c.inputs += 1;
    match panic::catch_unwind(AssertUnwindSafe(|| decoder.run(input))) {
        Ok(Ok(true)) => {
            c.accepted += 1;
            c.by_source[source].0 += 1;
            false
        }
        Ok(Ok(false)) => {
            c.rejected += 1;
            c.by_source[source].1 += 1;
            false
        }
        Ok(Err(why)) => {
            c.rejected += 1;
            c.empty_messages += 1;
            if failures < 10 {
                eprintln!("FAIL {}: {why}; input {}", decoder.name(), preview(input));
            }
            true
        }
        Err(payload) => {
            c.panics += 1;
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if failures < 10 {
                eprintln!("PANIC {}: {msg}; input {}", decoder.name(), preview(input));
            }
            true
        }
    }
}

/// The table of counts.
fn report(n: u64, secs: f64, decoders: &[Decoder], counts: &[Counts], seeds: &Seeds) {
    println!("decoder fuzz: {n} inputs per decoder (random bytes / random text / mutated valid outputs), {secs:.1} s");
    println!(
        "{:<22}{:>9}{:>10}{:>10}{:>8}{:>16}   accepted/rejected by source: bytes | text | mutated",
        "decoder", "inputs", "accepted", "rejected", "panics", "empty messages"
    );
    let mut panics = 0;
    for (d, c) in decoders.iter().zip(counts) {
        panics += c.panics;
        let src = |i: usize| format!("{}/{}", c.by_source[i].0, c.by_source[i].1);
        println!(
            "{:<22}{:>9}{:>10}{:>10}{:>8}{:>16}   {} | {} | {}",
            d.name(),
            c.inputs,
            c.accepted,
            c.rejected,
            c.panics,
            c.empty_messages,
            src(0),
            src(1),
            src(2)
        );
    }
    println!("valid outputs decoded back: {} (round-trip failures: {})", 3 * seeds.made, seeds.roundtrip_failures);
    println!("panics: {panics}");
}

fn main() -> ExitCode {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let abort = cfg!(panic = "abort");
    install_panic_hook(abort);

    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ n);
    let mut failures = 0u64;
    let mut seeds = Seeds::default();
    for _ in 0..64 {
        seeds.add(&mut rng);
    }

    let decoders = [Decoder::Fragment, Decoder::Progress, Decoder::Export];
    let mut counts: Vec<Counts> = decoders.iter().map(|_| Counts::default()).collect();
    let started = std::time::Instant::now();
    for i in 0..n {
        if i % 256 == 255 {
            let slot = rng.below(seeds.pool.len());
            seeds.add(&mut rng);
            seeds.pool.swap_remove(slot);
        }
        for (d, &decoder) in decoders.iter().enumerate() {
            let (source, input) = input_for(&mut rng, &seeds, d, decoder);
            if abort {
                if let Ok(mut c) = CURRENT.lock() {
                    *c = Some((decoder.name(), input.clone()));
                }
            }
            if check(decoder, &input, source, &mut counts[d], failures) {
                failures += 1;
            }
        }
    }
    report(n, started.elapsed().as_secs_f64(), &decoders, &counts, &seeds);
    if abort {
        println!("note: built with panic=abort; a panic would have stopped the run (none did)");
    }
    if failures > 0 || seeds.roundtrip_failures > 0 {
        println!("FAILED: {failures} decoder failures, {} round-trip failures", seeds.roundtrip_failures);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
