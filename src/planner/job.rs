//! The planner as a job stepped in slices ([`PlanJob`]): optimise, then the tornado, then (if asked) the
//! frontier, so a Web Worker can report progress in between and drop a job when a newer one is asked for.
//! What is asked ([`PlanRequest`]) and what is found ([`PlanAnswer`]) cross the worker boundary as JSON.

use super::{apply_to_file, frontier, sensitivity, Frontier, Objective, OptimiseConfig, OptimiseResult, Optimiser};
use super::{Progress, Tornado};
use crate::error::FieldError;
use crate::format::wire::ScenarioFile;
use crate::model::validate::parse_scenario;
use crate::model::Scenario;
use serde::{Deserialize, Serialize};

/// Budgets on the frontier.
pub const FRONTIER_POINTS: usize = 20;

/// The objectives a planning request can name (the app offers these; the CLI has `adoption` by date too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveChoice {
    /// Most cases averted.
    CasesAverted,
    /// Most loss averted.
    LossAverted,
    /// The chosen target's measure as high as possible at its deadline.
    TargetValue,
    /// The best odds of meeting the chosen target (Monte Carlo).
    TargetProbability,
    /// The least cash that meets the chosen target (deterministically, or with a probability).
    MinCost,
}

impl ObjectiveChoice {
    /// Every choice, in the order of the selector.
    pub const ALL: [ObjectiveChoice; 5] = [
        ObjectiveChoice::CasesAverted,
        ObjectiveChoice::LossAverted,
        ObjectiveChoice::TargetValue,
        ObjectiveChoice::TargetProbability,
        ObjectiveChoice::MinCost,
    ];

    /// Its code name (the CLI's `--objective`).
    pub fn code(self) -> &'static str {
        match self {
            ObjectiveChoice::CasesAverted => "cases_averted",
            ObjectiveChoice::LossAverted => "loss_averted",
            ObjectiveChoice::TargetValue => "target_value",
            ObjectiveChoice::TargetProbability => "target_probability",
            ObjectiveChoice::MinCost => "min_cost",
        }
    }

    /// The choice with this code name.
    pub fn from_code(code: &str) -> Option<ObjectiveChoice> {
        ObjectiveChoice::ALL.into_iter().find(|choice| choice.code() == code)
    }

    /// True when the choice needs a target.
    pub fn needs_target(self) -> bool {
        matches!(self, ObjectiveChoice::TargetValue | ObjectiveChoice::TargetProbability | ObjectiveChoice::MinCost)
    }
}

/// What the user asks of the planner (the app's optimise panel sends it to its worker as JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRequest {
    /// The objective.
    pub objective: ObjectiveChoice,
    /// The target (index) for objectives that need one.
    pub target: usize,
    /// For [`ObjectiveChoice::MinCost`]: the required probability, or `None` for the deterministic run.
    pub probability: Option<f64>,
    /// The cash cap (元); `None` for the scenario's budget (or, without one, the draft's cash).
    pub budget_yuan: Option<f64>,
    /// Lower bound of each variable as a multiple of the draft plan.
    pub low_factor: f64,
    /// Upper bound of each variable as a multiple of the draft plan.
    pub high_factor: f64,
    /// True to optimise rewards too.
    pub include_rewards: bool,
    /// True to compute the frontier (20 optimisations) after the plan.
    pub with_frontier: bool,
}

impl Default for PlanRequest {
    fn default() -> PlanRequest {
        PlanRequest {
            objective: ObjectiveChoice::CasesAverted,
            target: 0,
            probability: None,
            budget_yuan: None,
            low_factor: 0.5,
            high_factor: 2.0,
            include_rewards: true,
            with_frontier: true,
        }
    }
}

impl PlanRequest {
    /// The core's objective for `scenario`.
    pub fn objective(&self) -> Objective {
        let target = self.target;
        match self.objective {
            ObjectiveChoice::CasesAverted => Objective::CasesAverted,
            ObjectiveChoice::LossAverted => Objective::LossAverted,
            ObjectiveChoice::TargetValue => Objective::TargetValue { target },
            ObjectiveChoice::TargetProbability => Objective::TargetProbability { target },
            ObjectiveChoice::MinCost => Objective::MinCost { target, probability: self.probability },
        }
    }

    /// The core's configuration for `scenario`, or every reason it cannot be used (naming the field).
    pub fn config(&self, scenario: &Scenario) -> Result<OptimiseConfig, Vec<FieldError>> {
        let mut config = OptimiseConfig::new(scenario, self.objective());
        config.budget_yuan = self.budget_yuan;
        config.bounds.low_factor = self.low_factor;
        config.bounds.high_factor = self.high_factor;
        config.include_rewards = self.include_rewards;
        config.validate(scenario)?;
        Ok(config)
    }
}

/// Where a plan job is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Optimising.
    Optimise,
    /// Moving each uncertain number to its low and high value.
    Tornado,
    /// Optimising at each budget of the frontier.
    Frontier,
    /// Finished.
    Done,
}

/// Everything a plan job found, as it crosses from the worker to the page (JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanAnswer {
    /// The suggested plan, marginal returns and summary.
    pub result: OptimiseResult,
    /// The suggested plan written into the draft file.
    pub applied: ScenarioFile,
    /// The tornado of the objective's outcome.
    pub tornado: Tornado,
    /// The frontier, when asked for.
    pub frontier: Option<Frontier>,
}

/// A plan job: the optimisation in slices, then the tornado, then (if asked) the frontier.
pub struct PlanJob {
    file: ScenarioFile,
    scenario: Scenario,
    config: OptimiseConfig,
    with_frontier: bool,
    optimiser: Option<Optimiser>,
    result: Option<OptimiseResult>,
    tornado: Option<Tornado>,
    frontier: Option<Frontier>,
    progress: Option<Progress>,
}

impl PlanJob {
    /// A job for the scenario in `scenario_json` and `request`; or every reason either cannot be used.
    pub fn new(scenario_json: &str, request: &PlanRequest) -> Result<PlanJob, Vec<FieldError>> {
        let (file, scenario) = parse_scenario(scenario_json)?;
        let config = request.config(&scenario)?;
        let optimiser = Optimiser::new(&scenario, config.clone());
        Ok(PlanJob {
            file,
            scenario,
            config,
            with_frontier: request.with_frontier,
            optimiser: Some(optimiser),
            result: None,
            tornado: None,
            frontier: None,
            progress: None,
        })
    }

    /// What the job is doing now.
    pub fn phase(&self) -> Phase {
        if self.optimiser.is_some() {
            Phase::Optimise
        } else if self.tornado.is_none() {
            Phase::Tornado
        } else if self.with_frontier && self.frontier.is_none() {
            Phase::Frontier
        } else {
            Phase::Done
        }
    }

    /// Does up to `max_evaluations` simulations of the optimisation, or the whole tornado, or the whole
    /// frontier (calling `on_point(done, total)` before each of its budgets; returning false stops it);
    /// returns the phase it is in afterwards.
    pub fn step(&mut self, max_evaluations: usize, on_point: impl FnMut(usize, usize) -> bool) -> Phase {
        match self.phase() {
            Phase::Optimise => {
                if let Some(optimiser) = self.optimiser.as_mut() {
                    let progress = optimiser.step(max_evaluations);
                    let done = progress.done;
                    self.progress = Some(progress);
                    if done {
                        self.result = self.optimiser.take().map(Optimiser::finish);
                    }
                }
            }
            Phase::Tornado => self.tornado = Some(sensitivity(&self.scenario, &self.config.objective)),
            Phase::Frontier => {
                self.frontier = Some(frontier(&self.scenario, &self.config, FRONTIER_POINTS, None, on_point));
            }
            Phase::Done => {}
        }
        self.phase()
    }

    /// The optimiser's last progress report.
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// Everything found, once the optimisation is done (the tornado and frontier as far as they got).
    pub fn answer(&self) -> Option<PlanAnswer> {
        let result = self.result.clone()?;
        Some(PlanAnswer {
            applied: apply_to_file(&self.file, &result),
            result,
            tornado: self.tornado.clone().unwrap_or(Tornado {
                objective: self.config.objective,
                base: 0.0,
                bars: Vec::new(),
            }),
            frontier: self.frontier.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{ObjectiveChoice, Phase, PlanJob, PlanRequest};

    const TEMPLATE: &str = include_str!("../../scenarios/template.json");

    #[test]
    fn a_job_without_frontier_optimises_then_tests_the_numbers() {
        let request = PlanRequest { with_frontier: false, ..PlanRequest::default() };
        let mut job = PlanJob::new(TEMPLATE, &request).expect("valid scenario and request");
        assert_eq!(job.phase(), Phase::Optimise);
        assert!(job.answer().is_none(), "no answer before the optimisation is done");
        let mut phases = vec![job.phase()];
        while job.phase() != Phase::Done {
            let phase = job.step(200, |_, _| true);
            if phases.last() != Some(&phase) {
                phases.push(phase);
            }
            assert!(phases.len() < 5, "the job moves forward");
        }
        assert_eq!(phases, [Phase::Optimise, Phase::Tornado, Phase::Done]);
        assert!(job.progress().is_some_and(|progress| progress.done));
        let answer = job.answer().expect("an answer once done");
        assert!(answer.result.suggested.objective >= answer.result.draft.objective, "never worse than the draft");
        assert!(answer.frontier.is_none());
    }

    #[test]
    fn a_request_naming_no_target_is_refused_by_field() {
        let bad = PlanRequest { objective: ObjectiveChoice::MinCost, target: 99, ..PlanRequest::default() };
        let errors = PlanJob::new(TEMPLATE, &bad).err().expect("target 99 does not exist");
        assert!(errors.iter().any(|error| error.path.contains("target")), "{errors:?}");
        assert_eq!(ObjectiveChoice::from_code("min_cost"), Some(ObjectiveChoice::MinCost));
        assert!(ObjectiveChoice::MinCost.needs_target() && !ObjectiveChoice::CasesAverted.needs_target());
    }
}
