//! The Monte Carlo batch as a job stepped a few runs at a time ([`BatchJob`]), so a Web Worker can report
//! progress in between and drop a batch when a newer one is asked for. Run `run_idx` of a job is
//! [`run_one`]`(scenario, config, run_idx)`, so a finished job's summary equals [`super::run_batch`]'s.

use super::{run_one, Accumulator, MonteCarloConfig, MonteCarloSummary, MAX_RUNS};
use crate::error::FieldError;
use crate::model::validate::parse_scenario;
use crate::model::Scenario;

/// A batch of Monte Carlo runs of one scenario, run a few at a time: the worker calls [`BatchJob::step`]
/// until [`BatchJob::is_done`], reporting progress in between, then [`BatchJob::finish`].
pub struct BatchJob {
    scenario: Scenario,
    config: MonteCarloConfig,
    accumulator: Accumulator,
    n_done: usize,
}

impl BatchJob {
    /// A batch of `n_runs` runs (clamped to 1..=[`MAX_RUNS`]) of the scenario in `scenario_json`, with the
    /// scenario's own seed and process noise; or every reason the file is not a valid scenario.
    pub fn new(scenario_json: &str, n_runs: usize) -> Result<BatchJob, Vec<FieldError>> {
        let (_, scenario) = parse_scenario(scenario_json)?;
        let n_runs = n_runs.clamp(1, MAX_RUNS);
        let config = MonteCarloConfig::for_scenario(&scenario, n_runs);
        let accumulator = Accumulator::new(&scenario, &config, n_runs);
        Ok(BatchJob { scenario, config, accumulator, n_done: 0 })
    }

    /// Runs up to `max_runs` more runs (at least one unless done); returns the number done so far.
    pub fn step(&mut self, max_runs: usize) -> usize {
        let end = (self.n_done + max_runs.max(1)).min(self.config.n_runs);
        for run_idx in self.n_done..end {
            self.accumulator.push(&run_one(&self.scenario, &self.config, run_idx));
        }
        self.n_done = end;
        self.n_done
    }

    /// Runs done so far.
    pub fn n_done(&self) -> usize {
        self.n_done
    }

    /// Runs asked for.
    pub fn n_runs(&self) -> usize {
        self.config.n_runs
    }

    /// True when every run is done.
    pub fn is_done(&self) -> bool {
        self.n_done >= self.config.n_runs
    }

    /// Bytes held by the runs' samples so far.
    pub fn bytes_held(&self) -> usize {
        self.accumulator.bytes_held()
    }

    /// The summary of the runs done (equal to [`super::run_batch`] when all are done).
    pub fn finish(self) -> MonteCarloSummary {
        self.accumulator.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::BatchJob;
    use crate::uncertainty::{run_batch, MonteCarloConfig};

    const TEMPLATE: &str = include_str!("../../scenarios/template.json");

    #[test]
    fn stepping_gives_the_batch_summary() {
        let mut job = BatchJob::new(TEMPLATE, 7).expect("the template is valid");
        assert_eq!((job.n_done(), job.n_runs(), job.is_done()), (0, 7, false));
        assert_eq!(job.step(3), 3);
        assert_eq!(job.step(0), 4);
        assert_eq!(job.step(100), 7);
        assert!(job.is_done());
        assert!(job.bytes_held() > 0);
        let (_, scenario) = crate::parse_scenario(TEMPLATE).expect("the template is valid");
        let batch = run_batch(&scenario, &MonteCarloConfig::for_scenario(&scenario, 7), |_| {});
        assert_eq!(job.finish(), batch);
    }

    #[test]
    fn runs_are_clamped_and_bad_files_refused() {
        assert_eq!(BatchJob::new(TEMPLATE, 0).expect("the template is valid").n_runs(), 1);
        assert!(BatchJob::new("not json", 10).is_err());
    }
}
