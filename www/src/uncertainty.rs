//! Monte Carlo in the app, without web types: the batch job a Web Worker steps through ([`BatchJob`], the
//! core's `wuzha::uncertainty::job`, re-exported here), the
//! small reducer saying which runs are wanted, under way and shown ([`McState`]), and the sentences and
//! badges read off a summary ([`target_chances`], [`chance_alone`], [`distribution_rows`]).
//!
//! Latest input wins: every change of the plan asks for runs of the new plan ([`McAction::Want`]); the
//! worker drops a batch as soon as a newer one is asked for, and a finished batch of an older request is
//! ignored. Finished summaries are cached by the file's fingerprint (which covers the seed) and the number
//! of runs, so undoing to an earlier plan shows its runs at once instead of running them again.

use crate::format;
use crate::words::{self, Distribution, Goal, Lang};
use std::rc::Rc;
pub use wuzha::uncertainty::BatchJob;
use wuzha::uncertainty::{MonteCarloSummary, Stats};
use wuzha::Scenario;

/// The numbers of runs the user can choose.
pub const RUN_CHOICES: [usize; 5] = [100, 200, 500, 1000, 2000];

/// Runs per batch when the user has not chosen: enough for steady P10/P90, quick on an old office PC.
pub const DEFAULT_RUNS: usize = 200;

/// Finished summaries kept for plans seen earlier.
pub const CACHE_SIZE: usize = 6;

/// What identifies a batch: the plan (its file's fingerprint, which covers the seed) and the number of runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunKey {
    /// `wuzha::format::fingerprint::fingerprint` of the scenario file.
    pub fingerprint: String,
    /// Runs asked for.
    pub n_runs: usize,
}

/// A batch asked of the worker and not yet finished.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// Increases with every request; messages about older requests are ignored.
    pub id: u32,
    /// What is being run.
    pub key: RunKey,
    /// The scenario file, as compact JSON.
    pub scenario_json: Rc<str>,
    /// Runs done so far.
    pub n_done: usize,
}

/// A finished batch.
#[derive(Debug, PartialEq)]
pub struct Finished {
    /// What was run.
    pub key: RunKey,
    /// Its summary.
    pub summary: MonteCarloSummary,
    /// Wall time from the request to the summary, in milliseconds (as the worker measured it).
    pub elapsed_ms: f64,
}

/// The app's Monte Carlo state.
#[derive(Clone, Debug, PartialEq)]
pub struct McState {
    /// Runs per batch, one of [`RUN_CHOICES`].
    pub n_runs: usize,
    /// The current valid plan: its fingerprint and compact JSON.
    pub plan: Option<(String, Rc<str>)>,
    /// The batch under way, if any.
    pub job: Option<Job>,
    /// The batch shown: of the current plan, or of an earlier one while the current one runs.
    pub shown: Option<Rc<Finished>>,
    /// Why the last batch failed, if it did.
    pub failure: Option<String>,
    cache: Vec<Rc<Finished>>,
    next_id: u32,
}

impl Default for McState {
    fn default() -> McState {
        McState::new(DEFAULT_RUNS)
    }
}

/// What happens to the Monte Carlo state.
#[derive(Clone, Debug, PartialEq)]
pub enum McAction {
    /// The number of runs per batch changed.
    SetRuns(usize),
    /// The current plan is valid and is this file: show its runs (from the cache, or run them).
    Want {
        /// `wuzha::format::fingerprint::fingerprint` of the file.
        fingerprint: String,
        /// The file as compact JSON.
        scenario_json: Rc<str>,
    },
    /// The worker finished `n_done` runs of request `id`.
    Progress {
        /// The request.
        id: u32,
        /// Runs done.
        n_done: usize,
    },
    /// The worker finished request `id`.
    Finished {
        /// The request.
        id: u32,
        /// Its summary.
        summary: Rc<MonteCarloSummary>,
        /// Wall time in milliseconds.
        elapsed_ms: f64,
    },
    /// Request `id` failed.
    Failed {
        /// The request.
        id: u32,
        /// Why, as the worker said it.
        message: String,
    },
}

impl McState {
    /// An empty state with `n_runs` runs per batch.
    pub fn new(n_runs: usize) -> McState {
        McState {
            n_runs: choose_runs(n_runs),
            plan: None,
            job: None,
            shown: None,
            failure: None,
            cache: Vec::new(),
            next_id: 1,
        }
    }

    /// The key of the current plan's batch, if there is a valid plan.
    pub fn wanted(&self) -> Option<RunKey> {
        let (fingerprint, _) = self.plan.as_ref()?;
        Some(RunKey { fingerprint: fingerprint.clone(), n_runs: self.n_runs })
    }

    /// The shown summary if it is of the current plan (so its bands match the plan's lines).
    pub fn current(&self) -> Option<&Rc<Finished>> {
        let wanted = self.wanted()?;
        self.shown.as_ref().filter(|finished| finished.key == wanted)
    }

    /// True while a batch runs and what is shown is of an earlier plan or number of runs.
    pub fn is_outdated(&self) -> bool {
        self.shown.is_some() && self.current().is_none()
    }

    /// Shows the wanted batch from what is shown or cached, or starts running it.
    fn settle(&mut self) {
        let Some(wanted) = self.wanted() else {
            self.job = None;
            return;
        };
        if self.current().is_some() {
            self.job = None;
            return;
        }
        if let Some(cached) = self.cache.iter().find(|finished| finished.key == wanted) {
            self.shown = Some(cached.clone());
            self.job = None;
            return;
        }
        if self.job.as_ref().is_some_and(|job| job.key == wanted) {
            return;
        }
        let scenario_json = self.plan.as_ref().map(|(_, json)| json.clone()).unwrap_or_else(|| Rc::from(""));
        self.job = Some(Job { id: self.next_id, key: wanted, scenario_json, n_done: 0 });
        self.next_id += 1;
        self.failure = None;
    }

    /// The state after `action`.
    pub fn next(&self, action: McAction) -> McState {
        let mut state = self.clone();
        match action {
            McAction::SetRuns(n_runs) => {
                state.n_runs = choose_runs(n_runs);
                state.settle();
            }
            McAction::Want { fingerprint, scenario_json } => {
                state.plan = Some((fingerprint, scenario_json));
                state.settle();
            }
            McAction::Progress { id, n_done } => match &mut state.job {
                Some(job) if job.id == id => job.n_done = n_done,
                _ => return state,
            },
            McAction::Finished { id, summary, elapsed_ms } => {
                let Some(job) = state.job.take_if(|job| job.id == id) else { return state };
                let summary = Rc::unwrap_or_clone(summary);
                let finished = Rc::new(Finished { key: job.key, summary, elapsed_ms });
                state.cache.retain(|cached| cached.key != finished.key);
                state.cache.push(finished.clone());
                if state.cache.len() > CACHE_SIZE {
                    state.cache.remove(0);
                }
                state.shown = Some(finished);
            }
            McAction::Failed { id, message } => {
                if state.job.take_if(|job| job.id == id).is_some() {
                    state.failure = Some(message);
                }
            }
        }
        state
    }
}

impl yew::Reducible for McState {
    type Action = McAction;

    fn reduce(self: Rc<Self>, action: McAction) -> Rc<Self> {
        Rc::new(self.next(action))
    }
}

/// `n_runs` if it is one of [`RUN_CHOICES`], else [`DEFAULT_RUNS`].
pub fn choose_runs(n_runs: usize) -> usize {
    if RUN_CHOICES.contains(&n_runs) {
        n_runs
    } else {
        DEFAULT_RUNS
    }
}

/// How a target's chance reads at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// At least 8 runs in 10 meet it.
    Likely,
    /// Between 4 and 8 in 10.
    Uncertain,
    /// Fewer than 4 in 10.
    Unlikely,
}

impl Tone {
    /// The tone of `probability`.
    pub fn of(probability: f64) -> Tone {
        if probability >= 0.8 {
            Tone::Likely
        } else if probability >= 0.4 {
            Tone::Uncertain
        } else {
            Tone::Unlikely
        }
    }

    /// Its CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Likely => "likely",
            Tone::Uncertain => "uncertain",
            Tone::Unlikely => "unlikely",
        }
    }
}

/// One target's chance, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChanceView {
    /// The target's id.
    pub id: String,
    /// The probability of meeting it by its deadline, e.g. `72%`.
    pub badge: String,
    /// The probability itself, in [0, 1].
    pub probability: f64,
    /// How it reads.
    pub tone: Tone,
    /// E.g. `约10次中有7次在6月30日前达到80%（6月底注册率80%）`.
    pub sentence: String,
    /// When it is first met across runs, if the core reports it.
    pub first_met: Option<String>,
}

/// A probability as a whole percent, e.g. `72%` (`<1%` and `>99%` at the ends, so 0 and 100 mean exactly that).
pub fn probability(probability: f64) -> String {
    let percent = probability.clamp(0.0, 1.0) * 100.0;
    if percent > 0.0 && percent < 1.0 {
        "<1%".to_string()
    } else if percent > 99.0 && percent < 100.0 {
        ">99%".to_string()
    } else {
        format!("{}%", percent.round())
    }
}

/// The chance of each target of `scenario` in `summary` (matched by id; a target the summary lacks is left
/// out), in `lang`.
pub fn target_chances(lang: Lang, scenario: &Scenario, summary: &MonteCarloSummary) -> Vec<TargetChanceView> {
    summary
        .targets
        .iter()
        .map(|chance| {
            let name = scenario
                .targets
                .iter()
                .find(|target| target.id == chance.id)
                .map_or(chance.id.as_str(), |target| target.name.as_str());
            let goal = if chance.metric.is_share() {
                Goal::Share(format::percent_level(chance.threshold))
            } else if chance.threshold == 0.0 {
                Goal::NoRise
            } else if chance.threshold < 0.0 {
                Goal::FallAtLeast(format::percent_level(-chance.threshold))
            } else {
                Goal::RiseAtMost(format::percent_level(chance.threshold))
            };
            let deadline = format::date(lang, chance.deadline);
            let how_often = words::how_often(lang, chance.probability_met);
            let sentence = words::target_sentence(lang, &how_often, &goal, &deadline, name);
            let first_met = chance.first_met.as_ref().map(|first_met| {
                let median = first_met.p50.map(|date| format::date(lang, date));
                words::first_met_line(lang, median.as_deref(), &probability(first_met.share_never))
            });
            TargetChanceView {
                id: chance.id.clone(),
                badge: probability(chance.probability_met),
                probability: chance.probability_met,
                tone: Tone::of(chance.probability_met),
                sentence,
                first_met,
            }
        })
        .collect()
}

/// The chance-alone sentences: what chance does with last year's plan, and the plan's own chance of a rise.
pub fn chance_alone(lang: Lang, summary: &MonteCarloSummary) -> Vec<String> {
    let alone = &summary.chance_alone;
    vec![
        words::chance_alone_sentence(lang, &probability(alone.probability_rise), &format::cases(alone.last_year_cases)),
        words::plan_rise_sentence(lang, &probability(summary.distributions.probability_cases_rise)),
    ]
}

/// One row of the distributions table: its name and P10 / P50 / P90, formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct DistributionRow {
    /// Which quantity.
    pub quantity: Distribution,
    /// Its name.
    pub name: String,
    /// P10, P50 and P90 as text.
    pub quantiles: [String; 3],
}

/// Writes one figure of a distribution in a language.
type WriteFigure = fn(Lang, f64) -> String;

/// The rows of the distributions table.
pub fn distribution_rows(lang: Lang, summary: &MonteCarloSummary) -> Vec<DistributionRow> {
    let distributions = &summary.distributions;
    let rows: [(Distribution, &Stats, WriteFigure); 5] = [
        (Distribution::Cash, &distributions.cash_yuan, format::yuan),
        (Distribution::CasesReported, &distributions.cases_reported, |_, value| format::cases(value)),
        (Distribution::CasesAverted, &distributions.cases_averted, |_, value| format::cases(value)),
        (Distribution::Loss, &distributions.loss_yuan, format::yuan),
        (Distribution::Score, &distributions.score, |_, value| format::points(value)),
    ];
    rows.into_iter()
        .map(|(quantity, stats, write)| DistributionRow {
            quantity,
            name: words::distribution_name(lang, quantity).to_string(),
            quantiles: [write(lang, stats.p10), write(lang, stats.p50), write(lang, stats.p90)],
        })
        .collect()
}
