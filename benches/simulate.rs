//! Criterion benchmarks of the core: one deterministic year (plan + counterfactual) of 洪林镇 2022, and of
//! the same township widened to 20 and 50 villages; also parse + validate of the file, and Monte Carlo
//! batches of 洪林镇 on one thread (100 runs, with and without process noise; runs/s = 100 / time) and one
//! Monte Carlo run alone (to compare with one deterministic run).
//! Run with `cargo bench --bench simulate`; not part of the tests.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const HONGLIN: &str = include_str!("../scenarios/honglin-2022.json");

/// 洪林镇 with its village list repeated until it has `n_villages` villages (ids made unique).
fn widened(n_villages: usize) -> wuzha::Scenario {
    let mut file =
        wuzha::format::json::parse_json(HONGLIN).unwrap_or_else(|error| panic!("honglin-2022.json: {error}"));
    let originals = file.villages.clone();
    file.villages = (0..n_villages)
        .map(|idx| {
            let mut village = originals[idx % originals.len()].clone();
            village.id = format!("{}_{idx}", village.id);
            village
        })
        .collect();
    // Village-restricted schedule lines and targets keep pointing at the first copies.
    file.targets.retain(|target| target.village.is_none());
    file.schedule.retain(|entry| entry.village.is_none());
    wuzha::validate(&file).unwrap_or_else(|errors| panic!("widened honglin invalid: {errors:?}"))
}

fn benches(c: &mut Criterion) {
    let (_file, honglin) =
        wuzha::parse_scenario(HONGLIN).unwrap_or_else(|errors| panic!("honglin invalid: {errors:?}"));
    c.bench_function("parse_and_validate/honglin-2022", |b| b.iter(|| wuzha::parse_scenario(black_box(HONGLIN))));
    c.bench_function(&format!("simulate/honglin-2022 ({} villages)", honglin.villages.len()), |b| {
        b.iter(|| wuzha::simulate(black_box(&honglin)))
    });
    // One Monte Carlo run against one deterministic run (the ratio issue 12 reports).
    let one_run = wuzha::uncertainty::MonteCarloConfig::for_scenario(&honglin, 1);
    c.bench_function("montecarlo/honglin-2022 one run with noise", |b| {
        b.iter(|| wuzha::uncertainty::run_one(black_box(&honglin), &one_run, 0))
    });
    for noise in [true, false] {
        let config = wuzha::uncertainty::MonteCarloConfig { n_runs: 100, seed: honglin.seed, noise };
        let label = if noise { "with noise" } else { "parameter draws only" };
        c.bench_function(&format!("montecarlo/honglin-2022 100 runs, {label}, 1 thread"), |b| {
            b.iter(|| wuzha::uncertainty::run_batch(black_box(&honglin), &config, |_| {}))
        });
    }
    for n_villages in [20, 50] {
        let scenario = widened(n_villages);
        c.bench_function(&format!("simulate/honglin-2022 widened to {n_villages} villages"), |b| {
            b.iter(|| wuzha::simulate(black_box(&scenario)))
        });
    }
}

criterion_group! {
    name = simulate;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(simulate);
