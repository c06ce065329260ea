//! Leave-one-file-out scores of the learned revocation reader: for each corpus file, a model
//! trained on the other files reads it, alone and as the rules' second reader (rules, or the
//! model at or above a threshold). The rules were written against every file here, so only
//! the model-alone figures are out-of-sample; `--score FILE` scores an unseen file with the
//! model trained on all of them.
//!
//! `cargo run --release -p throughline-nlu --example learned_cv [-- --score blind4.jsonl]`

use nlu::learned::Model;
use nlu::normalise::{normalise, opt_out_phrase};

const FILES: [&str; 7] = ["dev", "test", "holdout", "blind", "blind2", "blind3", "blind4"];
const THRESHOLDS: [f32; 5] = [0.5, 0.7, 0.8, 0.85, 0.9];

fn load(path: &str) -> Vec<(String, bool)> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let labelled: nlu::Labelled = serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}"));
            (normalise(&labelled.text), labelled.opt_out)
        })
        .collect()
}

/// (recall, precision, missed, false) of `decide` on `data`.
fn score(data: &[(String, bool)], decide: impl Fn(&str) -> bool) -> (f64, f64, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (text, label) in data {
        match (decide(text), *label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            (false, false) => {}
        }
    }
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    (recall, precision, fneg, fp)
}

#[allow(clippy::print_stdout)]
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let files: Vec<(&str, Vec<(String, bool)>)> =
        FILES.iter().map(|name| (*name, load(&format!("{dir}/{name}.jsonl")))).collect();
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--score") {
        let unseen = load(&args[at + 1]);
        let all: Vec<(String, bool)> = files.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
        let model = Model::train(&all);
        report("unseen (rules)", &unseen, |t| opt_out_phrase(t).is_some());
        for t in THRESHOLDS {
            report(&format!("unseen (model ≥ {t})"), &unseen, |x| model.probability(x) >= t);
            report(&format!("unseen (rules + model ≥ {t})"), &unseen, |x| {
                opt_out_phrase(x).is_some() || model.probability(x) >= t
            });
        }
        return;
    }
    for (held, data) in &files {
        let train: Vec<(String, bool)> =
            files.iter().filter(|(n, _)| n != held).flat_map(|(_, d)| d.iter().cloned()).collect();
        let model = Model::train(&train);
        for t in THRESHOLDS {
            report(&format!("{held} (model ≥ {t})"), data, |x| model.probability(x) >= t);
        }
    }
}

#[allow(clippy::print_stdout)]
fn report(name: &str, data: &[(String, bool)], decide: impl Fn(&str) -> bool) {
    let (recall, precision, missed, false_) = score(data, decide);
    println!("{name:32} recall {recall:.3} precision {precision:.3} missed {missed:3} false {false_:3}");
}
