//! `throughline nlu classify` and `throughline nlu eval FILE`: the built-in SMS understanding
//! from the command line.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

/// What `throughline nlu` does.
#[derive(Debug, Subcommand)]
pub enum NluCommand {
    /// One message per stdin line → one JSON line: intent, confidence, slots, opt_out.
    Classify,
    /// Scores a labelled JSONL file (`{"text","intent","opt_out"}` per line): per-intent
    /// precision, recall and F1, macro-F1, opt-out precision and recall, and every opt-out mistake.
    Eval {
        /// The corpus, e.g. crates/nlu/corpus/test.jsonl.
        file: PathBuf,
    },
}

/// Runs a subcommand, writing to `out`.
pub fn run(command: &NluCommand, input: impl BufRead, mut out: impl Write) -> anyhow::Result<()> {
    match command {
        NluCommand::Classify => {
            for line in input.lines() {
                let line = line.context("reading stdin")?;
                let c = nlu::classify(&line);
                let answer = json!({
                    "intent": c.intent,
                    "confidence": c.confidence,
                    "slots": c.slots,
                    "opt_out": c.opt_out,
                    "matched": c.matched,
                });
                writeln!(out, "{answer}")?;
            }
            Ok(())
        }
        NluCommand::Eval { file } => {
            let corpus = read_corpus(file)?;
            let evaluation = nlu::evaluate(&corpus);
            writeln!(out, "{}", serde_json::to_string_pretty(&evaluation)?)?;
            Ok(())
        }
    }
}

/// Reads a labelled JSONL file; a bad line is an error naming its number.
pub fn read_corpus(file: &Path) -> anyhow::Result<Vec<nlu::Labelled>> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    nlu::parse_corpus(&text).map_err(|(line, e)| {
        anyhow::Error::new(e).context(format!("{}: line {line} is not a labelled reply", file.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_answers_one_json_line_per_message() {
        let mut out = Vec::new();
        run(&NluCommand::Classify, "STOP\ncan you call me tomorrow morning?\n".as_bytes(), &mut out).unwrap();
        let lines: Vec<serde_json::Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0]["intent"].as_str(), lines[0]["opt_out"].as_bool()), (Some("opt_out"), Some(true)));
        assert_eq!(lines[1]["intent"], "schedule");
        assert_eq!(lines[1]["slots"]["callback_time"], "tomorrow morning");
    }

    #[test]
    fn eval_scores_a_corpus_and_names_a_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("c.jsonl");
        std::fs::write(&good, "{\"text\":\"STOP\",\"intent\":\"opt_out\",\"opt_out\":true}\n").unwrap();
        let mut out = Vec::new();
        run(&NluCommand::Eval { file: good }, "".as_bytes(), &mut out).unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(report["opt_out"]["recall"], 1.0);
        let bad = dir.path().join("bad.jsonl");
        std::fs::write(&bad, "{\"text\":\"hi\"}\nnot json\n").unwrap();
        let err = run(&NluCommand::Eval { file: bad }, "".as_bytes(), Vec::new()).unwrap_err();
        assert!(format!("{err:#}").contains("line 1"), "{err:#}");
    }
}
