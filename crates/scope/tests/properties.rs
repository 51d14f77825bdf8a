//! Property runs over random, partial and contradictory answer sets, and over the decoders.
//! CI runs the default case count; `PROPTEST_CASES=100000` gives the long run (see docs/maintaining.md).

use proptest::prelude::*;
use scope::answers::Answers;
use scope::catalog::{ItemId, ItemSet, QuestionId, Revision, ITEMS, QUESTIONS};
use scope::engine::{evaluate, Outcome};
use scope::link::{Fragment, LinkError};
use scope::progress::{Progress, ReadError};
use scope::{compare, export, import, link};

fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(any::<u32>(), QUESTIONS.len()).prop_map(|bits| {
        let mut a = Answers::new();
        for (q, b) in QuestionId::all().zip(bits) {
            // Leave about a third unanswered so partial sets are common.
            a.set_bits(q, if b % 3 == 0 { 0 } else { b >> 2 });
        }
        a
    })
}

fn any_progress() -> impl Strategy<Value = Progress> {
    let steps = proptest::sample::select(vec!["", "services", "environment", "aad", "intune", "rms", "summary"]);
    (any_answers(), proptest::collection::btree_set(0..ITEMS.len(), 0..20), any::<bool>(), steps).prop_map(
        |(answers, done, earlier, step)| Progress {
            answers,
            step: step.into(),
            done: done.into_iter().filter_map(ItemId::at).collect::<ItemSet>(),
            revision: if earlier { Revision::EARLIER } else { Revision::CURRENT },
        },
    )
}

/// The whole number the document's `key` holds, as serde_json reads it.
fn number_of(text: &str, key: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(text).ok()?.get(key)?.as_u64()
}

/// A position to change a byte at: half the time in the head (schema, version, format number),
/// where a change matters most, else anywhere.
fn head_or_anywhere() -> impl Strategy<Value = usize> {
    prop_oneof![0..60usize, any::<usize>()]
}

/// Text shaped like our JSON documents, so that decoders get past the JSON syntax check often.
fn json_like() -> impl Strategy<Value = String> {
    let token = proptest::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"format\"",
        "\"version\"",
        "\"schema\"",
        "\"answers\"",
        "\"items\"",
        "\"id\"",
        "\"done\"",
        "\"step\"",
        "\"revision\"",
        "\"ems-onboarding-scope\"",
        "\"services\"",
        "\"intune\"",
        "\"earlier\"",
        "\"general.remote_support\"",
        "0",
        "1",
        "2",
        "3",
        "-1",
        "1.5",
        "true",
        "null",
        "\"x\"",
    ]);
    proptest::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

proptest! {
    #[test]
    fn engine_is_total_and_deterministic(a in any_answers(), earlier in any::<bool>()) {
        let rev = if earlier { Revision::EARLIER } else { Revision::CURRENT };
        let one = evaluate(&a, rev);
        prop_assert_eq!(&one, &evaluate(&a, rev));
        // Each item of the revision once, in catalog order: never both in and out of scope.
        let ids: Vec<usize> = one.items.iter().map(|s| s.item.index()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        prop_assert_eq!(&ids, &sorted, "not in catalog order");
        prop_assert!(ids.windows(2).all(|w| w[0] < w[1]), "an item twice: {:?}", ids);
        let of_revision: Vec<usize> = ItemId::all().filter(|id| id.get().in_revision(rev)).map(ItemId::index).collect();
        prop_assert_eq!(&ids, &of_revision, "not every item of the revision");
        for s in &one.items {
            let item = s.item.get();
            match &s.outcome {
                // Waiting only on unanswered questions (or answered ones that do not apply), each
                // named once, in catalog order.
                Outcome::Waiting(qs) => {
                    prop_assert!(!qs.is_empty());
                    prop_assert!(qs.windows(2).all(|w| w[0] < w[1]), "{:?}", qs);
                    for q in qs {
                        prop_assert!(!a.is_answered(*q) || scope::engine::applies(&a, *q) != scope::engine::Applies::Yes);
                    }
                }
                Outcome::InScope | Outcome::OutOfScope | Outcome::NotSupported => {
                    // A nested item is listed only under a listed parent.
                    if let Some(p) = item.parent {
                        let parent = one.get(p).map(|x| x.outcome.clone());
                        prop_assert!(matches!(parent, Some(Outcome::InScope)), "{} without its parent", item.id);
                    }
                }
                Outcome::NotApplicable => {}
            }
        }
    }

    #[test]
    fn state_of_every_item_is_the_listed_one_or_not_applicable(a in any_answers(), earlier in any::<bool>()) {
        let rev = if earlier { Revision::EARLIER } else { Revision::CURRENT };
        let scope = evaluate(&a, rev);
        for id in ItemId::all() {
            let listed = scope.items.iter().find(|s| s.item == id);
            prop_assert_eq!(scope.get(id), listed);
            let state = scope.state_of(id).into_owned();
            prop_assert_eq!(state.item, id);
            match listed {
                Some(listed) => prop_assert_eq!(&state, listed),
                // Not in the revision: a row of the other revision shows nothing.
                None => prop_assert!(state.outcome == Outcome::NotApplicable && state.reasons.is_empty()),
            }
        }
    }

    #[test]
    fn share_links_round_trip(p in any_progress()) {
        let fragment = link::encode_share(&p, true);
        prop_assert!(fragment.len() < 120, "{} chars", fragment.len());
        match link::parse_fragment(&fragment) {
            Ok(link::Fragment::Shared(back)) => {
                prop_assert_eq!(back.answers, p.answers);
                prop_assert_eq!(back.done, p.done);
                prop_assert_eq!(back.revision, p.revision);
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn prefill_round_trips(a in any_answers()) {
        let text = link::prefill_string(&a);
        prop_assert_eq!(link::parse_prefill(&text).unwrap(), a);
    }

    #[test]
    fn saved_records_and_exports_round_trip(p in any_progress()) {
        // The saved record keeps everything: answers, step, ticks and revision.
        prop_assert_eq!(Progress::from_json(&p.to_json()), Ok(p.clone()));
        let imported = import::read_export(&export::to_json(&p, "2026-11-23")).unwrap();
        prop_assert_eq!(&imported.answers, &p.answers);
        prop_assert_eq!(imported.revision, p.revision);
        prop_assert_eq!(&imported.step, "summary");
        // Done ticks survive for every item the export lists.
        let listed: ItemSet = evaluate(&p.answers, p.revision).items.iter()
            .filter(|s| s.outcome != Outcome::NotApplicable).map(|s| s.item).collect();
        let want: ItemSet = p.done.iter().filter(|d| listed.contains(d)).collect();
        prop_assert_eq!(imported.done, want);
        prop_assert!(compare::differences(&p, &p).is_empty());
        prop_assert!(compare::differences(&p, &imported).is_empty(), "an import compares equal to its scope");
    }

    #[test]
    fn decoders_never_panic_on_any_text(text in ".{0,300}") {
        // Short text is never too long; a saved record or export is refused as not ours, or read.
        prop_assert!(!matches!(link::parse_fragment(&text), Err(LinkError::TooLong(_))));
        for read in [Progress::from_json(&text), import::read_export(&text)] {
            prop_assert!(matches!(read, Ok(_) | Err(ReadError::NotOurs(_) | ReadError::Unknown(_) | ReadError::Newer(_))), "{:?}", read);
        }
    }

    #[test]
    fn decoders_refuse_json_like_text_by_kind(text in json_like()) {
        for read in [Progress::from_json(&text), import::read_export(&text)] {
            prop_assert!(matches!(read, Ok(_) | Err(ReadError::NotOurs(_) | ReadError::Unknown(_) | ReadError::Newer(_))), "{:?}", read);
        }
        if let Err(ReadError::Newer(v)) = Progress::from_json(&text) {
            prop_assert!(v > 2, "newer {}", v);
        }
        if let Err(ReadError::Newer(v)) = import::read_export(&text) {
            prop_assert!(v > 1, "newer {}", v);
        }
    }

    /// A share link with a character changed or cut short: refused as damaged (or naming what this
    /// version does not have), never half-read; what is read is a whole scope that the encoder
    /// writes back the same.
    #[test]
    fn mutated_links_are_rejected_or_read(p in any_progress(), at in any::<usize>(), c in proptest::char::range('-', 'z'), cut in any::<bool>()) {
        let mut fragment = link::encode_share(&p, true);
        let at = 3 + at % (fragment.len() - 3);
        if cut { fragment.truncate(at) } else { fragment.replace_range(at..at + 1, &c.to_string()) }
        match link::parse_fragment(&fragment) {
            Ok(Fragment::Shared(back)) => {
                prop_assert_eq!(&back.step, "summary");
                let again = link::encode_share(&back, true);
                prop_assert_eq!(link::parse_fragment(&again), Ok(Fragment::Shared(back)));
            }
            Ok(other) => prop_assert!(false, "a share link read as {:?}", other),
            Err(LinkError::Damaged(_) | LinkError::Unknown(_)) => {}
            Err(e) => prop_assert!(false, "{:?} for {}", e, fragment),
        }
    }

    /// An export with one byte changed: refused (not ours, unknown, or newer when the version
    /// changed) or read as a whole scope that exports back to the same.
    #[test]
    fn mutated_exports_are_rejected_or_read(p in any_progress(), at in head_or_anywhere(), byte in any::<u8>()) {
        let mut bytes = export::to_json(&p, "2026-11-23").into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            match import::read_export(&text) {
                Ok(back) => {
                    prop_assert_eq!(&back.step, "summary");
                    let again = export::to_json(&back, "2026-11-23");
                    prop_assert_eq!(import::read_export(&again), Ok(back));
                }
                Err(ReadError::Newer(v)) => {
                    let named = number_of(&text, "version") == Some(v);
                    prop_assert!(v > 1 && named, "newer {}", v);
                }
                Err(ReadError::NotOurs(_) | ReadError::Unknown(_)) => {}
                Err(e) => prop_assert!(false, "{:?}", e),
            }
        }
    }

    /// A saved record with one byte changed: refused as not ours (or newer when the format number
    /// changed), or read leniently as a whole progress that saves back to the same.
    #[test]
    fn mutated_saved_records_are_rejected_or_read(p in any_progress(), at in head_or_anywhere(), byte in any::<u8>()) {
        let mut bytes = p.to_json().into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            match Progress::from_json(&text) {
                Ok(back) => prop_assert_eq!(Progress::from_json(&back.to_json()), Ok(back)),
                Err(ReadError::Newer(v)) => {
                    let named = number_of(&text, "format") == Some(v);
                    prop_assert!(v > 2 && named, "newer {}", v);
                }
                Err(ReadError::NotOurs(_)) => {}
                Err(e) => prop_assert!(false, "{:?}", e),
            }
        }
    }
}
