//! The shipped corpus, scored: opt-out must be found every time and never invented; intent
//! quality must not regress. `dev.jsonl` is what the rules were written against; `test.jsonl`
//! was written separately and held out for intents (its opt-out misses did shape the opt-out
//! patterns), so its intent figures are the honest ones.

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
        assert!(e.opt_out.recall >= 0.99, "{name}: {:?}", e.opt_out);
        assert!(e.opt_out.precision >= 0.97, "{name}: {:?}", e.opt_out);
    }
}

#[test]
fn intent_quality_does_not_regress() {
    let dev = evaluate(&corpus("dev.jsonl"));
    assert!(dev.messages >= 220 && dev.macro_f1 >= 0.95, "dev: {} {:?}", dev.macro_f1, dev.errors);
    let test = evaluate(&corpus("test.jsonl"));
    // Held out: 0.821 when written; the target is 0.85.
    assert!(test.messages >= 130 && test.macro_f1 >= 0.80, "test: {} {:?}", test.macro_f1, test.errors);
}
