//! Property runs over random, partial and contradictory answer sets, and over the decoders.
//! CI runs the default case count; `PROPTEST_CASES=100000` gives the long run (see README).

use proptest::prelude::*;
use scope::answers::Answers;
use scope::catalog::{ItemId, ItemSet, QuestionId, Revision, ITEMS, QUESTIONS};
use scope::engine::{evaluate, Outcome};
use scope::progress::Progress;
use scope::{export, link};

fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(any::<u32>(), QUESTIONS.len()).prop_map(|bits| {
        let mut a = Answers::new();
        for (i, b) in bits.into_iter().enumerate() {
            // Leave about a third unanswered so partial sets are common.
            a.set_bits(QuestionId(i), if b % 3 == 0 { 0 } else { b >> 2 });
        }
        a
    })
}

fn any_progress() -> impl Strategy<Value = Progress> {
    (
        any_answers(),
        proptest::collection::btree_set(0..ITEMS.len(), 0..20),
        any::<bool>(),
    )
        .prop_map(|(answers, done, earlier)| Progress {
            answers,
            step: "summary".into(),
            done: done.into_iter().map(ItemId).collect::<ItemSet>(),
            revision: if earlier {
                Revision::Earlier
            } else {
                Revision::Current
            },
        })
}

proptest! {
    #[test]
    fn engine_is_total_and_deterministic(a in any_answers(), earlier in any::<bool>()) {
        let rev = if earlier { Revision::Earlier } else { Revision::Current };
        let one = evaluate(&a, rev);
        prop_assert_eq!(&one, &evaluate(&a, rev));
        // Each item of the revision once, in catalog order: never both in and out of scope.
        let ids: Vec<usize> = one.items.iter().map(|s| s.item.0).collect();
        let mut sorted = ids.clone();
        sorted.dedup();
        prop_assert_eq!(&ids, &sorted);
        for s in &one.items {
            let item = s.item.get();
            match &s.outcome {
                // Waiting only on unanswered questions.
                Outcome::Waiting(qs) => for q in qs { prop_assert!(!a.is_answered(*q) || a.applies(*q) != scope::answers::Applies::Yes) },
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
        let back = Progress::from_json(&p.to_json()).unwrap();
        prop_assert_eq!(&back.answers, &p.answers);
        prop_assert_eq!(&back.done, &p.done);
        let imported = export::from_json(&export::to_json(&p, "2026-11-23")).unwrap();
        prop_assert_eq!(&imported.answers, &p.answers);
        // Done ticks survive for every item the export lists.
        let listed: ItemSet = evaluate(&p.answers, p.revision).items.iter()
            .filter(|s| s.outcome != Outcome::NotApplicable).map(|s| s.item).collect();
        let want: ItemSet = p.done.iter().filter(|d| listed.contains(d)).collect();
        prop_assert_eq!(imported.done, want);
        prop_assert!(export::compare(&p, &p).is_empty());
    }

    #[test]
    fn decoders_never_panic_on_any_text(text in ".{0,300}") {
        let _ = link::parse_fragment(&text);
        let _ = Progress::from_json(&text);
        let _ = export::from_json(&text);
    }

    #[test]
    fn mutated_links_are_rejected_or_read(p in any_progress(), at in any::<usize>(), c in proptest::char::range('-', 'z'), cut in any::<bool>()) {
        let mut fragment = link::encode_share(&p, true);
        let at = 3 + at % (fragment.len() - 3);
        if cut { fragment.truncate(at) } else { fragment.replace_range(at..at + 1, &c.to_string()) }
        if let Err(e) = link::parse_fragment(&fragment) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn mutated_exports_are_rejected_or_read(p in any_progress(), at in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = export::to_json(&p, "2026-11-23").into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Err(e) = export::from_json(&text) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

proptest! {
    /// The small JSON reader agrees with serde_json on what is JSON, and reads back what it writes.
    #[test]
    fn json_reader_agrees_with_serde_json(text in r#"[\[\]{}",:0-9.eE+\-a-z\\ ]{0,40}"#) {
        let ours = scope::json::parse(&text).is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }

    #[test]
    fn json_strings_round_trip(s in any::<String>()) {
        let written = scope::json::Json::String(s.clone()).to_compact();
        prop_assert_eq!(scope::json::parse(&written).unwrap(), scope::json::Json::String(s.clone()));
        prop_assert_eq!(serde_json::from_str::<String>(&written).unwrap(), s);
    }
}
