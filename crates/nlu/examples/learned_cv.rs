//! Leave-one-file-out scores of the learned revocation reader: for each corpus file, a model
//! trained on the other files reads it, alone and as the rules' second reader (rules, or the
//! model at or above a threshold). The rules were written against every file here, so only
//! the model-alone figures are out-of-sample; `--score FILE` scores an unseen file with the
//! model trained on all of them.
//!
//! `--intents` does the same for the intent model (`nlu::learned::IntentModel`, not yet used by
//! `classify`): macro-F1 of the rules, the model, and three ways of combining them.
//!
//! `cargo run --release -p throughline-nlu --example learned_cv [-- [--intents] --score FILE]`

use nlu::learned::Model;
use nlu::normalise::{normalise, opt_out_phrase};

const FILES: [&str; 200] = [
    "dev", "test", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
    "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19",
    "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29",
    "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39",
    "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49",
    "blind50", "blind51", "blind52", "blind53", "blind54", "blind55", "blind56", "blind57", "blind58", "blind59",
    "blind60", "blind61", "blind62", "blind63", "blind64", "blind65", "blind66", "blind67", "blind68", "blind69",
    "blind70", "blind71", "blind72", "blind73", "blind74", "blind75", "blind76", "blind77", "blind78", "blind79",
    "blind80", "blind81", "blind82", "blind83", "blind84", "blind85", "blind86", "blind87", "blind88", "blind89",
    "blind90", "blind91", "blind92", "blind93", "blind94", "blind95", "blind96", "blind97", "blind98", "blind99",
    "blind100", "blind101", "blind102", "blind103", "blind104", "blind105", "blind106", "blind107", "blind108",
    "blind109", "blind110", "blind111", "blind112", "blind113", "blind114", "blind115", "blind116", "blind117",
    "blind118", "blind119", "blind120", "blind121", "blind122", "blind123", "blind124", "blind125", "blind126",
    "blind127", "blind128", "blind129", "blind130", "blind131", "blind132", "blind133", "blind134", "blind135",
    "blind136", "blind137", "blind138", "blind139", "blind140", "blind141", "blind142", "blind143", "blind144",
    "blind145", "blind146", "blind147", "blind148", "blind149", "blind150", "blind151", "blind152", "blind153",
    "blind154", "blind155", "blind156", "blind157", "blind158", "blind159", "blind160", "blind161", "blind162",
    "blind163", "blind164", "blind165", "blind166", "blind167", "blind168", "blind169", "blind170", "blind171",
    "blind172", "blind173", "blind174", "blind175", "blind176", "blind177", "blind178", "blind179", "blind180",
    "blind181", "blind182", "blind183", "blind184", "blind185", "blind186", "blind187", "blind188", "blind189",
    "blind190", "blind191", "blind192", "blind193", "blind194", "blind195", "blind196", "blind197",
];
const THRESHOLDS: [f32; 5] = [0.5, 0.7, 0.8, 0.85, 0.9];

/// (text, normalised text, intent) per line.
type Rows = Vec<(String, String, nlu::Intent)>;

/// The labelled lines of a corpus file.
fn labelled(path: &str) -> Vec<nlu::Labelled> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    nlu::parse_corpus(&text).unwrap_or_else(|(line, e)| panic!("{path}: line {line}: {e}"))
}

fn load_intents(path: &str) -> Rows {
    labelled(path)
        .into_iter()
        .map(|l| {
            let intent = nlu::Intent::parse(&l.intent).unwrap_or(nlu::Intent::Unknown);
            let norm = normalise(&l.text);
            (l.text, norm, intent)
        })
        .collect()
}

/// Macro-F1 over the intents present (as `nlu::evaluate` counts it).
fn macro_f1(pairs: &[(nlu::Intent, nlu::Intent)]) -> f64 {
    let mut f1s = Vec::new();
    for intent in nlu::Intent::ALL {
        let tp = pairs.iter().filter(|(g, p)| *g == intent && *p == intent).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != intent && *p == intent).count() as f64;
        let fn_ = pairs.iter().filter(|(g, p)| *g == intent && *p != intent).count() as f64;
        if tp + fp + fn_ == 0.0 {
            continue;
        }
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        f1s.push(if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 });
    }
    f1s.iter().sum::<f64>() / f1s.len().max(1) as f64
}

/// Intent macro-F1 of the rules, the model, and the rules with the model where the rules
/// found nothing or were unsure, on `held` with a model trained on `train`.
#[allow(clippy::print_stdout)]
fn intents(name: &str, train: &[(String, String, nlu::Intent)], held: &[(String, String, nlu::Intent)]) {
    let pairs: Vec<(String, nlu::Intent)> = train.iter().map(|(_, n, i)| (n.clone(), *i)).collect();
    let model = nlu::learned::IntentModel::train(&pairs);
    let mut rules = Vec::new();
    let mut learned = Vec::new();
    let mut fallback = Vec::new();
    let mut unsure = Vec::new();
    let mut model_first = Vec::new();
    let mut sure_model = Vec::new();
    for (text, norm, gold) in held {
        let c = nlu::classify_by_rules(text);
        let excluded: &[nlu::Intent] = if c.opt_out { &[] } else { &[nlu::Intent::OptOut] };
        let (best, p) = model.best(norm, excluded);
        let m = if c.opt_out { nlu::Intent::OptOut } else { best };
        rules.push((*gold, c.intent));
        learned.push((*gold, m));
        let filled = if c.intent == nlu::Intent::Unknown && p >= 0.4 { m } else { c.intent };
        fallback.push((*gold, filled));
        let swapped = if !c.opt_out && (c.intent == nlu::Intent::Unknown || c.confidence < 0.7) && p >= 0.5 {
            m
        } else {
            c.intent
        };
        unsure.push((*gold, swapped));
        model_first.push((*gold, if c.opt_out || p >= 0.5 || c.intent == nlu::Intent::Unknown { m } else { c.intent }));
        // What `nlu::classify` does: the model wherever it is sure enough and at least as sure
        // as the rule that read the message, else the rules.
        let bar = nlu::learned::INTENT_THRESHOLD.max(c.confidence);
        sure_model.push((*gold, if c.opt_out || p < bar { c.intent } else { m }));
    }
    println!(
        "{name:10} rules {:.3} model {:.3} +unknown {:.3} +unsure {:.3} model-first {:.3} sure-model {:.3}",
        macro_f1(&rules),
        macro_f1(&learned),
        macro_f1(&fallback),
        macro_f1(&unsure),
        macro_f1(&model_first),
        macro_f1(&sure_model)
    );
}

fn load(path: &str) -> Vec<(String, bool)> {
    labelled(path).into_iter().map(|l| (normalise(&l.text), l.opt_out)).collect()
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
    if args.iter().any(|a| a == "--intents") {
        let all: Vec<(&str, Rows)> =
            FILES.iter().map(|name| (*name, load_intents(&format!("{dir}/{name}.jsonl")))).collect();
        if let Some(at) = args.iter().position(|a| a == "--score") {
            let train: Vec<_> = all.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
            intents("unseen", &train, &load_intents(&args[at + 1]));
            return;
        }
        for (held, data) in &all {
            let train: Vec<_> = all.iter().filter(|(n, _)| n != held).flat_map(|(_, d)| d.iter().cloned()).collect();
            intents(held, &train, data);
        }
        return;
    }
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
