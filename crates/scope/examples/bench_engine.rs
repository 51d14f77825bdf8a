//! Native engine benchmark: the cost of recomputing the whole guidance list after one answer
//! change, over 10,000 changes to varied answers.
//!
//!   cargo run -p scope --release --example bench_engine [-- CHANGES]
//!
//! Each change picks (or, one time in four, clears; one in 200 starts over from no answers) a random question's answer, then times
//! `evaluate(&answers, Revision::CURRENT)`, which is what the wizard runs on every change; a
//! second figure adds `wizard::steps`, which the wizard also recomputes. Plain loop, no harness:
//! `std::time::Instant` around each call, `std::hint::black_box` on inputs and outputs.

use scope::answers::Answers;
use scope::catalog::{QuestionId, QUESTIONS};
use scope::engine::{evaluate, item_count, Outcome};
use scope::{wizard, Revision};
use std::hint::black_box;
use std::time::Instant;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// One answer change: mostly a pick (toggle for multi-choice, replace for single), sometimes a clear.
fn change(rng: &mut Rng, answers: &mut Answers) {
    if rng.below(200) == 0 {
        *answers = Answers::new(); // a new customer now and then: partial answer sets too
    }
    let questions: Vec<QuestionId> = QuestionId::all().collect();
    let q = questions[rng.below(questions.len())];
    if rng.below(4) == 0 {
        answers.clear(q);
    } else {
        answers.pick(q, rng.below(q.get().values.len()));
    }
}

fn stats(name: &str, mut ns: Vec<u64>) {
    ns.sort_unstable();
    let n = ns.len();
    let mean = ns.iter().sum::<u64>() as f64 / n as f64 / 1000.0;
    let at = |p: f64| ns[((n as f64 * p) as usize).min(n - 1)] as f64 / 1000.0;
    println!(
        "{name:<34} mean {mean:>8.2} µs   p50 {:>8.2} µs   p99 {:>8.2} µs   min {:>7.2}   max {:>8.2}",
        at(0.50),
        at(0.99),
        ns[0] as f64 / 1000.0,
        ns[n - 1] as f64 / 1000.0
    );
}

fn main() {
    let changes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut answers = Answers::new();

    // Warm-up: caches, branch predictors, allocator.
    for _ in 0..1_000 {
        change(&mut rng, &mut answers);
        black_box(evaluate(black_box(&answers), Revision::CURRENT));
    }

    let mut eval_ns = Vec::with_capacity(changes);
    let mut full_ns = Vec::with_capacity(changes);
    let (mut answered, mut listed) = (0usize, 0usize);
    for _ in 0..changes {
        change(&mut rng, &mut answers);
        let t = Instant::now();
        let scope = black_box(evaluate(black_box(&answers), Revision::CURRENT));
        eval_ns.push(t.elapsed().as_nanos() as u64);
        answered += answers.answered().count();
        listed += scope.items.iter().filter(|s| s.outcome != Outcome::NotApplicable).count();

        change(&mut rng, &mut answers);
        let t = Instant::now();
        black_box(evaluate(black_box(&answers), Revision::CURRENT));
        black_box(wizard::steps(black_box(&answers)));
        full_ns.push(t.elapsed().as_nanos() as u64);
    }

    println!("engine benchmark (native, release profile): {changes} answer changes per figure");
    println!(
        "catalog: {} questions, {} items; on average {:.1} questions answered, {:.1} items listed",
        QUESTIONS.len(),
        item_count(),
        answered as f64 / changes as f64,
        listed as f64 / changes as f64
    );
    stats("evaluate (whole guidance list)", eval_ns);
    stats("evaluate + wizard::steps", full_ns);
}
