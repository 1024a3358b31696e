//! Monte Carlo runs: the batch configuration, one run's parameter draw and process noise ([`run_one`]), and a
//! batch streamed into a summary ([`run_batch`]).

use super::rng::{run_rng, Rng};
use super::sample;
use super::summary::{Accumulator, MonteCarloSummary};
use crate::engine::noise::Noise;
use crate::engine::outcome::Outcome;
use crate::engine::simulate::{simulate_with, simulate_with_noise, Params};
use crate::model::{Scenario, Uncertain};

/// How a Monte Carlo batch runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonteCarloConfig {
    /// Number of runs (at least one is made).
    pub n_runs: usize,
    /// Seed of every run's generator; by default, the scenario's seed.
    pub seed: u64,
    /// True to add process noise (binomial installs, Poisson cases, log-normal losses) to the parameter
    /// draws; false draws the parameters only and runs the deterministic model with them.
    pub noise: bool,
}

impl MonteCarloConfig {
    /// `n_runs` runs with the scenario's own seed and process noise on.
    pub fn for_scenario(scenario: &Scenario, n_runs: usize) -> MonteCarloConfig {
        MonteCarloConfig { n_runs, seed: scenario.seed, noise: true }
    }
}

/// Draws one value of an uncertain number from the triangular distribution (low, mode = value, high),
/// reading exactly one uniform from `rng`; a point range gives `value` exactly. The result lies in
/// [low, high].
pub fn draw(uncertain: Uncertain, rng: &mut Rng) -> f64 {
    match sample::triangular(rng, uncertain.low, uncertain.high, uncertain.value) {
        Some(drawn) => drawn.max(uncertain.low).min(uncertain.high),
        // Unreachable for a validated scenario; the one uniform is still read, so the order stays fixed.
        None => uncertain.value,
    }
}

/// The engine's process noise from a Monte Carlo run's generator, with the samplers of [`sample`].
impl Noise for Rng {
    fn installs_share(&mut self, not_adopted_share: f64, residents: f64, probability: f64) -> f64 {
        sample::installs_share(self, not_adopted_share, residents, probability)
    }

    fn count(&mut self, mean: f64) -> f64 {
        sample::poisson(self, mean)
    }

    fn total_loss(&mut self, n_cases: f64, loss_per_case_yuan: f64) -> f64 {
        sample::total_loss(self, n_cases, loss_per_case_yuan)
    }
}

/// Runs Monte Carlo run `run_idx` alone: its parameter draw, then (with `config.noise`) its process noise,
/// all from [`run_rng`]`(config.seed, run_idx)`. Equal to run `run_idx` of [`run_batch`].
pub fn run_one(scenario: &Scenario, config: &MonteCarloConfig, run_idx: usize) -> Outcome {
    let mut rng = run_rng(config.seed, run_idx as u64);
    let params = Params::from_scenario(scenario, |uncertain| draw(uncertain, &mut rng));
    if config.noise {
        simulate_with_noise(scenario, &params, &mut rng)
    } else {
        simulate_with(scenario, &params)
    }
}

/// Runs `config.n_runs` runs (at least one) one after another on this thread and summarises them; calls
/// `progress(n_done)` after each run (1, 2, …, n_runs) so a Web Worker can report progress.
pub fn run_batch(scenario: &Scenario, config: &MonteCarloConfig, mut progress: impl FnMut(usize)) -> MonteCarloSummary {
    let n_runs = config.n_runs.max(1);
    let mut accumulator = Accumulator::new(scenario, config, n_runs);
    for run_idx in 0..n_runs {
        accumulator.push(&run_one(scenario, config, run_idx));
        progress(run_idx + 1);
    }
    accumulator.finish()
}
