//! The catalog itself: unique ids, every item reachable, nesting consistent.

use scope::answers::Answers;
use scope::catalog::{ItemId, QuestionId, Revision, ITEMS, QUESTIONS};
use scope::engine::{evaluate, Outcome};
use std::collections::HashSet;

#[test]
fn ids_are_unique() {
    let items: HashSet<&str> = ITEMS.iter().map(|i| i.id).collect();
    assert_eq!(items.len(), ITEMS.len());
    let questions: HashSet<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(questions.len(), QUESTIONS.len());
}

/// A small deterministic generator, so the search below needs no extra crate and never flakes.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn every_item_is_reachable_by_some_answer_set() {
    let mut rng = XorShift(0x5eed);
    let mut reached: HashSet<(ItemId, bool)> = HashSet::new();
    for _ in 0..20_000 {
        let mut a = Answers::new();
        for q in QuestionId::all() {
            a.set_bits(q, rng.next() as u32);
        }
        for (rev, flag) in [(Revision::CURRENT, true), (Revision::EARLIER, false)] {
            for s in evaluate(&a, rev).items {
                if !matches!(s.outcome, Outcome::NotApplicable | Outcome::Waiting(_)) {
                    reached.insert((s.item, flag));
                }
            }
        }
    }
    for id in ItemId::all() {
        let item = id.get();
        for (rev, flag) in [(Revision::CURRENT, true), (Revision::EARLIER, false)] {
            if item.in_revision(rev) {
                assert!(reached.contains(&(id, flag)), "item {} is never reached in {rev:?}", item.id);
            }
        }
    }
}

#[test]
fn the_catalog_carries_both_revisions() {
    assert!(ITEMS.len() >= 85, "{} items", ITEMS.len());
    assert!(ITEMS.iter().any(|i| !i.wording.is_empty()));
    assert!(ITEMS.iter().all(|i| i.text.len() > 5));
}

/// Partners write prefill links by hand from the table in docs/formats.md: it must name every id.
#[test]
fn formats_doc_names_every_question_and_value_id() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/formats.md")).unwrap();
    for q in QUESTIONS {
        let row = readme.lines().find(|l| l.starts_with(&format!("| `{}` |", q.id)));
        let row = row.unwrap_or_else(|| panic!("docs/formats.md has no row for question `{}`", q.id));
        for v in q.values {
            assert!(row.contains(&format!("`{}`", v.id)), "docs/formats.md row for `{}` lacks value `{}`", q.id, v.id);
        }
    }
}

#[test]
fn phase_ids_are_lowercased_titles() {
    for phase in scope::catalog::Phase::ALL {
        assert_eq!(phase.id(), phase.title().to_ascii_lowercase());
    }
}
