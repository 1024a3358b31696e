//! Criterion benchmark of the planner on 洪林镇 2022: one optimisation with the default objective (cases
//! averted within the file's 80 000-yuan budget, default bounds and grid), one incremental slice of 25
//! simulations, and it prints what exhaustive search of the same grid would
//! cost (grid points × the measured time of one simulation). Run with `cargo bench --bench optimise`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Instant;
use wuzha::planner::{optimise, Objective, OptimiseConfig, Optimiser};

const HONGLIN: &str = include_str!("../scenarios/honglin-2022.json");

fn benches(c: &mut Criterion) {
    let (_file, honglin) =
        wuzha::parse_scenario(HONGLIN).unwrap_or_else(|errors| panic!("honglin invalid: {errors:?}"));
    let config = OptimiseConfig::new(&honglin, Objective::CasesAverted);

    // What exhaustive search of the optimiser's own grid would take.
    let variables = Optimiser::new(&honglin, config.clone()).variables().to_vec();
    let grid_points: f64 =
        variables.iter().map(|variable| ((variable.high - variable.low) / variable.step).ceil() + 1.0).product();
    let n_timed = 50;
    let started = Instant::now();
    for _ in 0..n_timed {
        black_box(wuzha::simulate(black_box(&honglin)));
    }
    let one_simulation = started.elapsed().as_secs_f64() / f64::from(n_timed);
    let result = optimise(&honglin, &config);
    println!(
        "洪林镇: {} decision variables, {grid_points:.3e} grid points; one simulation {:.2} ms; exhaustive search \
         ≈ {:.1} hours on one thread; the optimiser uses {} simulations (cases averted {:.4} → {:.4})",
        variables.len(),
        one_simulation * 1e3,
        grid_points * one_simulation / 3600.0,
        result.evaluations,
        result.draft.objective,
        result.suggested.objective
    );

    c.bench_function("optimise/honglin-2022 cases averted (default config)", |b| {
        b.iter(|| optimise(black_box(&honglin), &config))
    });
    c.bench_function("optimise/honglin-2022 one step(25) slice", |b| {
        b.iter(|| {
            let mut optimiser = Optimiser::new(black_box(&honglin), config.clone());
            optimiser.step(25)
        })
    });
}

criterion_group! {
    name = optimise_benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10));
    targets = benches
}
criterion_main!(optimise_benches);
