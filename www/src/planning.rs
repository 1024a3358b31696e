//! The planner in the app, without web types: what the user asks ([`PlanRequest`]), the job a Web Worker runs
//! in slices ([`PlanJob`]: optimise, then the tornado, then the frontier), and the small reducer of the
//! optimise panel ([`PlanState`]). The optimisation itself is `wuzha::optimise`; this only converts and calls.

use serde::{Deserialize, Serialize};
use std::rc::Rc;
use wuzha::optimise::{self, Frontier, Objective, OptimiseConfig, OptimiseResult, Optimiser, Progress, Tornado};
use wuzha::{FieldError, Lang, Scenario, ScenarioFile};

/// Budgets on the frontier.
pub const FRONTIER_POINTS: usize = 20;

/// The objectives offered in the app (the CLI has `adoption` by date too).
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

/// What the user asks of the planner.
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
        let (file, scenario) = wuzha::parse_scenario(scenario_json)?;
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
            Phase::Tornado => self.tornado = Some(optimise::sensitivity(&self.scenario, &self.config.objective)),
            Phase::Frontier => {
                self.frontier = Some(optimise::frontier(&self.scenario, &self.config, FRONTIER_POINTS, None, on_point));
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
            applied: optimise::apply_to_file(&self.file, &result),
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

/// A request under way.
#[derive(Clone, Debug, PartialEq)]
pub struct Running {
    /// Its id.
    pub id: u32,
    /// What it is doing.
    pub phase: Phase,
    /// The optimiser's last progress.
    pub progress: Option<Progress>,
    /// Frontier budgets done and in all, once the frontier runs.
    pub points: Option<(usize, usize)>,
}

/// The optimise panel's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanState {
    /// The request being run or last run.
    pub request: PlanRequest,
    /// The request under way.
    pub running: Option<Running>,
    /// The last answer and the fingerprint of the plan it was computed for.
    pub answer: Option<(Rc<PlanAnswer>, String)>,
    /// Why the last request failed.
    pub failure: Option<String>,
    next_id: u32,
    pending_fingerprint: Option<String>,
}

/// What happens in the optimise panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// Run `request` on the current plan (its fingerprint).
    Start {
        /// What to run.
        request: PlanRequest,
        /// Fingerprint of the plan it runs on.
        fingerprint: String,
    },
    /// The worker reports progress of request `id`.
    Progress {
        /// The request.
        id: u32,
        /// Its phase.
        phase: Phase,
        /// The optimiser's progress, if reported.
        progress: Option<Progress>,
        /// Frontier budgets done and in all, if reported.
        points: Option<(usize, usize)>,
    },
    /// Request `id` finished.
    Finished {
        /// The request.
        id: u32,
        /// What it found.
        answer: Rc<PlanAnswer>,
    },
    /// Request `id` failed.
    Failed {
        /// The request.
        id: u32,
        /// Why.
        message: String,
    },
    /// Stop the request under way.
    Cancel,
}

impl PlanState {
    /// The id the next request gets.
    pub fn next_id(&self) -> u32 {
        self.next_id + 1
    }

    /// The state after `action`.
    pub fn next(&self, action: PlanAction) -> PlanState {
        let mut state = self.clone();
        match action {
            PlanAction::Start { request, fingerprint } => {
                state.next_id += 1;
                state.request = request;
                state.running =
                    Some(Running { id: state.next_id, phase: Phase::Optimise, progress: None, points: None });
                state.failure = None;
                state.pending_fingerprint = Some(fingerprint);
            }
            PlanAction::Progress { id, phase, progress, points } => {
                if let Some(running) = state.running.as_mut().filter(|running| running.id == id) {
                    running.phase = phase;
                    if progress.is_some() {
                        running.progress = progress;
                    }
                    if points.is_some() {
                        running.points = points;
                    }
                }
            }
            PlanAction::Finished { id, answer } => {
                if state.running.as_ref().is_some_and(|running| running.id == id) {
                    state.running = None;
                    state.answer = Some((answer, state.pending_fingerprint.take().unwrap_or_default()));
                }
            }
            PlanAction::Failed { id, message } => {
                if state.running.as_ref().is_some_and(|running| running.id == id) {
                    state.running = None;
                    state.failure = Some(message);
                }
            }
            PlanAction::Cancel => state.running = None,
        }
        state
    }
}

impl yew::Reducible for PlanState {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        Rc::new(self.next(action))
    }
}

/// The summary of an answer in `lang`.
pub fn summary(answer: &PlanAnswer, lang: Lang) -> &str {
    answer.result.summary(lang)
}
