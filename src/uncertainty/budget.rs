//! How many Monte Carlo runs fit in the work budget, and the message when a request asks for more: the CLI
//! (`simulate --runs N`) refuses such a job before any run, and the app's run selector offers only what fits.
//!
//! The cost model is the core's one work budget ([`crate::model::budget`]: cells × days × (1 + products +
//! channels) units, a Monte Carlo run counting [`crate::model::budget::MONTE_CARLO_RUN_FACTOR`] deterministic
//! runs). The estimate does not depend on last year's case counts, because the samplers' cost does not grow with
//! counts ([`super::sample`]); memory is bounded separately: it stops growing at [`super::EXACT_RUNS`] runs
//! ([`super::sketch`]).

use super::MAX_RUNS;
use crate::error::Lang;
use crate::model::budget::{self, describe_seconds, Job, DEFAULT_BUDGET_SECONDS};

use crate::model::Scenario;

/// The time a Monte Carlo batch may take, in seconds, natively on a 2-core office PC (the core's default work
/// budget).
pub const RUNS_BUDGET_SECONDS: f64 = DEFAULT_BUDGET_SECONDS;

/// Estimated seconds of one Monte Carlo run of `scenario`.
pub fn seconds_per_run(scenario: &Scenario) -> f64 {
    budget::estimate(scenario, Job::MonteCarlo { runs: 1 }).seconds
}

/// The most runs of `scenario` that fit in `seconds` by the estimate, at most [`MAX_RUNS`]; 0 when not even
/// one does.
pub fn max_runs_within(scenario: &Scenario, seconds: f64) -> usize {
    let fits = seconds / seconds_per_run(scenario);
    if fits.is_finite() && fits >= 0.0 {
        (libm::floor(fits) as usize).min(MAX_RUNS)
    } else if fits.is_infinite() && fits > 0.0 {
        MAX_RUNS
    } else {
        0
    }
}

/// Why `n_runs` runs of `scenario` are refused (naming `flag`, e.g. `--runs`, the estimate and the most that
/// fit), or `None` when they fit in [`RUNS_BUDGET_SECONDS`].
pub fn runs_refusal(scenario: &Scenario, n_runs: usize, flag: &str, lang: Lang) -> Option<String> {
    let max_runs = max_runs_within(scenario, RUNS_BUDGET_SECONDS);
    if n_runs <= max_runs {
        return None;
    }
    let zh = lang == Lang::Zh;
    let estimate = describe_seconds(budget::estimate(scenario, Job::MonteCarlo { runs: n_runs }).seconds, zh);
    let limit = describe_seconds(RUNS_BUDGET_SECONDS, zh);
    Some(match lang {
        Lang::Zh => format!("{flag} {n_runs}：{estimate}，超过上限{limit}；此方案最多 {max_runs} 次模拟（{flag} {max_runs}）"),
        Lang::En => format!(
            "{flag} {n_runs}: {estimate}, over the limit of {limit}; this scenario allows at most {max_runs} runs ({flag} {max_runs})"
        ),
    })
}
