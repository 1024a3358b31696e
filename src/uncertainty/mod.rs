//! Monte Carlo uncertainty (MODEL.md, "Uncertainty"): many runs of the daily model, each with its own
//! parameter draw and process noise, summarised as P10 / P50 / P90 bands, target probabilities and
//! distributions of cash, cases averted and the assessment score.
//!
//! **Draws.** Run `run_idx` reads only its own generator, [`run_rng`]`(seed, run_idx)`, so any run can be
//! reproduced alone ([`run_one`]) and equals run `run_idx` of a batch. It first draws one value per uncertain
//! number, in the fixed order of [`Params::from_scenario`] (products, channels, segments, behaviour), each
//! from a triangular distribution (low, most likely = value, high); every number reads exactly one uniform,
//! and a point range (low = high) gives its value exactly. It then simulates with process noise drawn from the
//! same generator in the order [`simulate_with_noise`] documents: plan installs, counterfactual installs,
//! plan cases, counterfactual cases.
//!
//! **Noise.** Installs per cell and day ~ Binomial(smartphone holders not yet adopted, in whole people; the
//! deterministic day's conversion probability); cases per cell and month ~ Poisson(expected), extra reports
//! ~ Poisson(expected × uplift × awareness); loss per case ~ log-normal with the segment's mean loss and
//! σ = [`LOSS_SIGMA`]. The samplers ([`sample`]) are our own on the pure-Rust `libm` crate and IEEE basic
//! operations only, so native and WebAssembly builds give bit-identical runs (rand_distr's binomial, Poisson
//! and normal samplers call std's platform maths, or do so whenever any crate in the build enables
//! `num-traits/std`, as the dev-dependencies do).
//!
//! **Summary.** [`run_batch`] streams each run into an [`Accumulator`] and drops the run: per series and day
//! it keeps an `f64` running sum (means) and, for quantiles, one `f32` sample per run for the first
//! [`EXACT_RUNS`] runs, then a histogram sketch of [`SKETCH_BINS`] bins with an adaptive range ([`sketch`]),
//! so memory stops growing at [`EXACT_RUNS`] runs; see [`Accumulator::bytes_held`]. Up to [`EXACT_RUNS`]
//! runs, quantiles are nearest-rank order statistics ([`quantile_index`]), each a value some run produced
//! (rounded to `f32` for the daily and monthly bands; exact for the scalar distributions); above, they are
//! within one sketch bin (the range / 256) of those. P10 ≤ P50 ≤ P90 always.

pub mod budget;
pub mod rng;
pub mod sample;

pub use budget::{max_runs_within, runs_refusal, RUNS_BUDGET_SECONDS};
pub use rng::{run_rng, Rng};

pub mod job;
mod runs;
pub mod sketch;
mod summary;

pub use job::BatchJob;
pub use runs::*;
pub use sketch::{EXACT_RUNS, SKETCH_BINS};
pub use summary::*;

/// σ of the log-normal loss per case (of the logarithm of the loss), an assumption: with σ = 1 the median
/// case loses 61 % of the mean, one case in ten loses more than 2.2 × the mean, and the coefficient of
/// variation is 1.31 (a few large losses dominate, as in fraud statistics). The mean stays the segment's
/// `loss_per_case_yuan`.
pub const LOSS_SIGMA: f64 = 1.0;

/// The largest number of runs the CLI accepts; more is a usage error.
pub const MAX_RUNS: usize = 100_000;

/// Bins of every histogram in [`Stats`].
pub const HISTOGRAM_BINS: usize = 20;
