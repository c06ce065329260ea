//! The shipped corpus, scored: opt-out must be found every time and never invented; intent
//! quality must not regress. `dev.jsonl` and `test.jsonl` are both tuning data now: the rules
//! were written against them (as phrase families, never as their sentences), so their figures
//! are a regression guard, not an estimate. The honest, held-out figure comes from
//! `holdout.jsonl`, which the rules are never tuned on.

use nlu::{Labelled, evaluate};

fn corpus(name: &str) -> Vec<Labelled> {
    let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

#[test]
fn opt_outs_are_never_missed_and_never_invented() {
    for name in ["dev.jsonl", "test.jsonl"] {
        let e = evaluate(&corpus(name));
        assert!(e.opt_out.recall >= 1.0, "{name}: {:?}", e.opt_out);
        assert!(e.opt_out.precision >= 0.99, "{name}: {:?}", e.opt_out);
    }
}

#[test]
fn intent_quality_does_not_regress() {
    // Both 1.0 when the thresholds were set.
    let dev = evaluate(&corpus("dev.jsonl"));
    assert!(dev.messages >= 220 && dev.macro_f1 >= 0.99, "dev: {} {:?}", dev.macro_f1, dev.errors);
    let test = evaluate(&corpus("test.jsonl"));
    assert!(test.messages >= 130 && test.macro_f1 >= 0.99, "test: {} {:?}", test.macro_f1, test.errors);
}

/// The held-out figure: `holdout.jsonl` (180 replies) was written by someone who never saw the
/// rules, after they were tuned, and the rules were never changed to fit it. Measured when it
/// was first scored: macro-F1 0.921 (target 0.85 met); opt-out precision 0.962 and recall
/// 0.962 (one revocation missed, one false revocation: the 0.99 / 0.97 target is NOT met on
/// held-out text; see docs/sms.md). This keeps those figures from getting worse.
#[test]
fn held_out_figures_do_not_regress() {
    at_least("holdout.jsonl", 180, 0.92, 0.96, 0.96);
}

/// `name` has `messages` lines and scores at least these figures.
fn at_least(name: &str, messages: usize, macro_f1: f64, recall: f64, precision: f64) {
    let e = evaluate(&corpus(name));
    assert_eq!(e.messages, messages, "{name}");
    assert!(e.macro_f1 >= macro_f1, "{name}: {} {:?}", e.macro_f1, e.errors);
    assert!(e.opt_out.recall >= recall, "{name}: {:?}", e.opt_out);
    assert!(e.opt_out.precision >= precision, "{name}: {:?}", e.opt_out);
}

/// The second held-out set: `blind.jsonl` (400 replies, 130 revocations) was written on
/// 2026-11-22 by a helper who was not shown the rules or any earlier corpus, and asked to
/// weight it towards the hard cases (indirect or foreign-language revocations, "stop" in other
/// senses, channel limits such as "stop calling, text me"). Measured when first scored:
/// macro-F1 0.747, opt-out precision 0.833, recall 0.808 (21 false revocations, 25 missed).
/// This is the least flattering and most honest estimate; it only keeps them from getting
/// worse. The rules have not been tuned on it.
#[test]
fn blind_figures_do_not_regress() {
    at_least("blind.jsonl", 400, 0.745, 0.80, 0.83);
}
