//! Measuring the classifier on labelled replies: per-intent precision, recall and F1, macro-F1,
//! and opt-out precision and recall (the figures that matter most).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Intent, classify};

/// One labelled reply (a line of a corpus file).
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    /// The message.
    pub text: String,
    /// The expected intent label.
    pub intent: String,
    /// Whether it is a revocation.
    #[serde(default)]
    pub opt_out: bool,
}

/// Parses a labelled corpus (one JSON object per line, blank lines skipped). A line that is not
/// a labelled reply fails the whole file, with its 1-based number.
pub fn parse_corpus(text: &str) -> Result<Vec<Labelled>, (usize, serde_json::Error)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| (i + 1, e)))
        .collect()
}

/// Scores for one intent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    /// Labelled with this intent.
    pub support: usize,
    /// Correct among those predicted as this intent.
    pub precision: f64,
    /// Found among those labelled with it.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// A whole evaluation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evaluation {
    /// Messages.
    pub messages: usize,
    /// Share with the right intent.
    pub accuracy: f64,
    /// Mean F1 over the intents present in the labels.
    pub macro_f1: f64,
    /// Opt-out detection.
    pub opt_out: Scores,
    /// Per intent.
    pub intents: BTreeMap<String, Scores>,
    /// Up to 20 misclassified messages: `expected → got: text`.
    pub errors: Vec<String>,
    /// Every opt-out mistake, the ones that matter most: `missed: text` for a revocation not
    /// read as one, `false: text ← phrase` for a message wrongly read as one, with what decided.
    pub opt_out_errors: Vec<String>,
}

fn scores(tp: usize, fp: usize, fn_: usize) -> Scores {
    let precision = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let recall = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    Scores { support: tp + fn_, precision: round(precision), recall: round(recall), f1: round(f1) }
}

/// Classifies every message and scores the answers. An unknown label counts as a miss.
pub fn evaluate(corpus: &[Labelled]) -> Evaluation {
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut correct, mut opt) = (0, (0, 0, 0));
    let (mut errors, mut opt_out_errors) = (Vec::new(), Vec::new());
    for item in corpus {
        let got = classify(&item.text);
        let expected = Intent::parse(&item.intent).map_or(item.intent.clone(), |i| i.as_str().to_owned());
        let predicted = got.intent.as_str().to_owned();
        if predicted == expected {
            correct += 1;
            counts.entry(expected).or_default().0 += 1;
        } else {
            counts.entry(predicted.clone()).or_default().1 += 1;
            counts.entry(expected.clone()).or_default().2 += 1;
            if errors.len() < 20 {
                errors.push(format!("{expected} → {predicted}: {}", item.text));
            }
        }
        match (item.opt_out, got.opt_out) {
            (true, true) => opt.0 += 1,
            (false, true) => {
                opt.1 += 1;
                opt_out_errors.push(format!("false: {} ← {}", item.text, got.matched.as_deref().unwrap_or("?")));
            }
            (true, false) => {
                opt.2 += 1;
                opt_out_errors.push(format!("missed: {}", item.text));
            }
            (false, false) => {}
        }
    }
    let intents: BTreeMap<String, Scores> =
        counts.into_iter().map(|(label, (tp, fp, fn_))| (label, scores(tp, fp, fn_))).collect();
    let labelled: Vec<&Scores> = intents.values().filter(|s| s.support > 0).collect();
    let macro_f1 = labelled.iter().map(|s| s.f1).sum::<f64>() / labelled.len().max(1) as f64;
    Evaluation {
        messages: corpus.len(),
        accuracy: (correct as f64 / corpus.len().max(1) as f64 * 1000.0).round() / 1000.0,
        macro_f1: (macro_f1 * 1000.0).round() / 1000.0,
        opt_out: scores(opt.0, opt.1, opt.2),
        intents,
        errors,
        opt_out_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, intent: &str) -> Labelled {
        Labelled { text: text.into(), intent: intent.into(), opt_out: intent == "opt_out" }
    }

    #[test]
    fn scores_count_hits_misses_and_false_alarms() {
        let e = evaluate(&[item("STOP", "opt_out"), item("how much?", "pricing"), item("stop by anytime", "interest")]);
        assert_eq!(e.messages, 3);
        assert_eq!(e.opt_out, Scores { support: 1, precision: 1.0, recall: 1.0, f1: 1.0 });
        assert_eq!(e.intents["pricing"].recall, 1.0);
        assert!(e.accuracy <= 1.0);
        assert!(e.opt_out_errors.is_empty(), "{:?}", e.opt_out_errors);
    }

    #[test]
    fn every_opt_out_mistake_is_listed_with_what_decided() {
        let mut missed = item("STOP", "opt_out");
        missed.text = "the weather is nice".into();
        let wrong = Labelled { text: "stop texting me".into(), intent: "unknown".into(), opt_out: false };
        let e = evaluate(&[missed, wrong]);
        assert_eq!(e.opt_out.support, 1);
        assert_eq!(e.opt_out_errors.len(), 2);
        assert_eq!(e.opt_out_errors[0], "missed: the weather is nice");
        assert!(e.opt_out_errors[1].starts_with("false: stop texting me ← "), "{}", e.opt_out_errors[1]);
    }
}
