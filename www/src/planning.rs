//! The planner in the app, without web types: the small reducer of the optimise panel ([`PlanState`]). What
//! the user asks ([`PlanRequest`]) and the job a Web Worker runs in slices ([`PlanJob`]: optimise, then the
//! tornado, then the frontier) are the core's (`wuzha::planner::job`), re-exported here.

use std::rc::Rc;
use wuzha::model::budget::{self, Job, DEFAULT_BUDGET_SECONDS};
pub use wuzha::planner::job::{ObjectiveChoice, Phase, PlanAnswer, PlanJob, PlanRequest, FRONTIER_POINTS};
use wuzha::planner::{OptimiseConfig, Progress};
use wuzha::{Lang, Scenario};

/// The engine compiled to WebAssembly runs at about 0.7× its native speed in Chromium and Firefox (the
/// core's estimates are native), so a job's seconds in the page are its native estimate / 0.7.
pub const BROWSER_SPEED: f64 = 0.7;

/// The most seconds a plan job may be estimated to take in the page: the core's default budget
/// ([`DEFAULT_BUDGET_SECONDS`], 30 s natively), i.e. a native estimate of at most 30 × 0.7 = 21 s.
pub const BROWSER_BUDGET_SECONDS: f64 = DEFAULT_BUDGET_SECONDS;

/// A plan job's estimate in the page, before it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanEstimate {
    /// Estimated seconds in the browser (the native estimate / [`BROWSER_SPEED`]).
    pub seconds: f64,
    /// At most this many evaluations of the optimisation.
    pub evaluations: u64,
    /// True when the job fits [`BROWSER_BUDGET_SECONDS`]; the run button is disabled otherwise.
    pub fits: bool,
}

/// The estimate of `request` on `scenario` by the core's work budget ([`budget::estimate`] of
/// `Job::Optimise`): the optimisation, whose evaluations a probability objective multiplies by its Monte Carlo
/// runs. The frontier, when asked for, is not counted: each of its points starts from the plan before it (a
/// warm start), so `Job::Frontier`'s bound (every point a cold optimisation, 143 s for 洪林镇 in the page against
/// the seconds the browser test measures) would refuse the panel's default; a job whose optimisation fits
/// runs its frontier too, and can be cancelled.
pub fn plan_estimate(scenario: &Scenario, request: &PlanRequest) -> PlanEstimate {
    let config = request.config(scenario).unwrap_or_else(|_| OptimiseConfig::new(scenario, request.objective()));
    let variables = scenario.schedule.len() + if request.include_rewards { scenario.rewards.len() } else { 0 };
    let runs = if config.objective.uses_monte_carlo() { config.n_runs } else { 0 };
    let estimate = budget::estimate(scenario, Job::Optimise { variables, runs });
    let seconds = estimate.seconds / BROWSER_SPEED;
    PlanEstimate { seconds, evaluations: estimate.evaluations, fits: seconds <= BROWSER_BUDGET_SECONDS }
}

/// "预计约 N 秒" / "about N s expected" for `estimate`.
pub fn estimate_text(lang: Lang, estimate: &PlanEstimate) -> String {
    let time = budget::describe_seconds(estimate.seconds, lang == Lang::Zh);
    match lang {
        Lang::Zh => format!("预计{time}"),
        Lang::En => format!("{time} expected"),
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
