//! The work budget: how long a job on a scenario will take, estimated before it starts, so that the CLI and the
//! app can refuse (or cap) a job that would run for minutes or hours on an office PC.
//!
//! A pure function of the [`Scenario`] and the [`Job`]: the daily step's work is about
//! `cells × days × (1 + products + channels)` (a cell is a village × segment; every cell updates awareness,
//! each product's adoption and each channel's contribution every day), and a job is a number of such
//! simulations: one, `runs` Monte Carlo runs (each about [`MONTE_CARLO_RUN_FACTOR`] deterministic runs), or an
//! optimiser's evaluations (each a simulation, or a batch of runs for a probability objective).
//!
//! Calibration ([`SECONDS_PER_UNIT`]): native release builds on the 2-core development machine (shared with
//! other jobs) took 5.6-12 ms per deterministic run of the shipped scenarios, 33-78 ns per unit of work; an
//! unloaded 2-core office PC is about twice as fast. 40 ns per unit keeps the estimate honest within a factor of
//! about two either way. The optimiser's evaluations are bounded by [`optimiser_evaluations`], an estimate
//! above what the shipped scenarios used (224, 863 and 4 446 evaluations for 12, 29 and 36 variables).

use crate::model::Scenario;

/// Seconds per unit of work (`cells × days × (1 + products + channels)`) of one deterministic run.
pub const SECONDS_PER_UNIT: f64 = 40e-9;

/// One Monte Carlo run costs about this many deterministic runs (parameter draws and process noise; 2.8
/// measured for 洪林镇).
pub const MONTE_CARLO_RUN_FACTOR: f64 = 3.0;

/// The default budget of one job in seconds: about 30 s natively on a 2-core PC.
pub const DEFAULT_BUDGET_SECONDS: f64 = 30.0;

/// A job to be estimated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Job {
    /// One deterministic simulation.
    Simulate,
    /// `runs` Monte Carlo runs.
    MonteCarlo {
        /// Runs.
        runs: usize,
    },
    /// An optimisation of `variables` decision variables; `runs` Monte Carlo runs per evaluation for a
    /// probability objective (0 for a deterministic one).
    Optimise {
        /// Decision variables (schedule lines, and rewards when they are optimised).
        variables: usize,
        /// Monte Carlo runs per evaluation, 0 when deterministic.
        runs: usize,
    },
    /// A frontier of `points` optimisations.
    Frontier {
        /// Decision variables.
        variables: usize,
        /// Monte Carlo runs per evaluation, 0 when deterministic.
        runs: usize,
        /// Budgets on the curve.
        points: usize,
    },
}

/// The estimate of a job, before it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Deterministic-run equivalents (a Monte Carlo run counts [`MONTE_CARLO_RUN_FACTOR`]).
    pub simulations: f64,
    /// Simulations or Monte Carlo batches the job evaluates (1 for a simulation; runs for Monte Carlo).
    pub evaluations: u64,
    /// Estimated seconds natively on a 2-core PC.
    pub seconds: f64,
}

/// Units of work of one deterministic run of `scenario` (see the module docs).
pub fn work_units(scenario: &Scenario) -> f64 {
    let cells = (scenario.villages.len() * scenario.segments.len()).max(1) as f64;
    let days = f64::from(scenario.end.days_since(scenario.start).max(0) + 1);
    let per_cell = 1.0 + scenario.products.len() as f64 + scenario.channels.len() as f64;
    cells * days * per_cell
}

/// Seconds of one deterministic run of `scenario`.
pub fn seconds_per_simulation(scenario: &Scenario) -> f64 {
    work_units(scenario) * SECONDS_PER_UNIT
}

/// An upper estimate of the evaluations of one optimisation of `variables` variables: a coordinate search
/// over a grid tries every variable up and down per round, for up to about `4 × variables` rounds.
pub fn optimiser_evaluations(variables: usize) -> u64 {
    let variables = variables as u64;
    4 * variables * variables + 8 * variables + 10
}

/// The estimate of `job` on `scenario`.
pub fn estimate(scenario: &Scenario, job: Job) -> Estimate {
    let per_batch = |runs: usize| if runs == 0 { 1.0 } else { runs as f64 * MONTE_CARLO_RUN_FACTOR };
    let (evaluations, simulations) = match job {
        Job::Simulate => (1, 1.0),
        Job::MonteCarlo { runs } => (runs as u64, per_batch(runs)),
        Job::Optimise { variables, runs } => {
            let evaluations = optimiser_evaluations(variables);
            (evaluations, evaluations as f64 * per_batch(runs))
        }
        Job::Frontier { variables, runs, points } => {
            let evaluations = optimiser_evaluations(variables).saturating_mul(points as u64).saturating_add(1);
            (evaluations, evaluations as f64 * per_batch(runs))
        }
    };
    Estimate { simulations, evaluations, seconds: simulations * seconds_per_simulation(scenario) }
}

/// The most Monte Carlo runs of `scenario` that fit in `budget_seconds` (at least 1).
pub fn max_monte_carlo_runs(scenario: &Scenario, budget_seconds: f64) -> usize {
    let per_run = seconds_per_simulation(scenario) * MONTE_CARLO_RUN_FACTOR;
    if per_run <= 0.0 {
        return usize::MAX;
    }
    ((budget_seconds / per_run).floor() as usize).max(1)
}

/// Seconds as a person would say them: "约 40 秒" / "about 40 s", minutes and hours for longer.
pub fn describe_seconds(seconds: f64, zh: bool) -> String {
    let (value, zh_unit, en_unit) = if seconds < 90.0 {
        (seconds.max(1.0), "秒", "s")
    } else if seconds < 5400.0 {
        (seconds / 60.0, "分钟", "min")
    } else if seconds < 48.0 * 3600.0 {
        (seconds / 3600.0, "小时", "h")
    } else {
        (seconds / 86400.0, "天", "days")
    };
    let value = if value < 10.0 { format!("{value:.1}") } else { format!("{value:.0}") };
    if zh {
        format!("约 {value} {zh_unit}")
    } else {
        format!("about {value} {en_unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_read_naturally() {
        assert_eq!(describe_seconds(40.0, false), "about 40 s");
        assert_eq!(describe_seconds(2400.0, true), "约 40 分钟");
        assert_eq!(describe_seconds(7200.0, false), "about 2.0 h");
        assert_eq!(describe_seconds(3.0 * 86400.0, true), "约 3.0 天");
    }

    #[test]
    fn evaluations_grow_with_variables_and_cover_the_shipped_counts() {
        assert!(optimiser_evaluations(12) >= 224);
        assert!(optimiser_evaluations(29) >= 863);
        assert!(optimiser_evaluations(36) >= 4446);
    }
}
