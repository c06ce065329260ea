//! The SMS agent's turn (`agent::respond`) on bursts of 1, 10 and 100 texts, the shapes the
//! webhook load run produces (`cargo bench -p throughline-nlu --bench respond -- --quick`).
//! A turn's cost should grow with the burst no faster than linearly. `respond_burst` is the
//! server's case (each text already read for a revocation when it arrived);
//! `respond_burst_unscreened` reads every text in full.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nlu::agent::{AgentConfig, Input, Memory, respond};

const TEXTS: [&str; 4] = [
    "how much would this cost for a 3 bedroom house?",
    "yes still interested, my roof is about 10 years old",
    "can you call me tomorrow after 5?",
    "we pay like $200 a month for power lol",
];

fn bench(c: &mut Criterion) {
    let config = AgentConfig::default();
    let memory = Memory::default();
    let now = NaiveDate::from_ymd_opt(2026, 11, 24).and_then(|d| d.and_hms_opt(10, 0, 0)).expect("date");
    for (name, screened) in [("respond_burst", true), ("respond_burst_unscreened", false)] {
        let mut group = c.benchmark_group(name);
        for n in [1usize, 10, 100] {
            let messages: Vec<String> = (0..n).map(|i| TEXTS[i % TEXTS.len()].to_owned()).collect();
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &messages, |b, messages| {
                b.iter(|| {
                    let input = Input { first_name: "Maria", now, messages, memory: &memory, screened };
                    black_box(respond(&config, black_box(&input)))
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
