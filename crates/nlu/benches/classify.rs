//! The hot paths of the SMS understanding, over the dev corpus texts: `classify` (run by the
//! agent on every message), `normalise` + `opt_out_phrase` (the rules alone), `normalise` +
//! `revocation` (the rules and the learned reader: what every inbound webhook runs) and the
//! learned reader alone.
//! Each iteration reads every dev text once; divide by the element count for a per-message
//! figure (`cargo bench -p throughline-nlu --bench classify -- --quick`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nlu::normalise::{normalise, opt_out_phrase};

fn dev_texts() -> Vec<String> {
    include_str!("../corpus/dev.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line");
            v["text"].as_str().expect("text").to_owned()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = dev_texts();
    let mut group = c.benchmark_group("dev_corpus");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("classify", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(nlu::classify(black_box(t)));
            }
        })
    });
    group.bench_function("normalise+opt_out_phrase", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(opt_out_phrase(&normalise(black_box(t))));
            }
        })
    });
    // What the inbound webhook runs: the rules, then the learned reader where they found none.
    group.bench_function("normalise+revocation", |b| {
        nlu::learned::warm();
        b.iter(|| {
            for t in &texts {
                black_box(nlu::revocation(&normalise(black_box(t))));
            }
        })
    });
    group.bench_function("learned_reader", |b| {
        let norms: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
        nlu::learned::warm();
        b.iter(|| {
            for n in &norms {
                black_box(nlu::learned::opt_out_probability(black_box(n)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
