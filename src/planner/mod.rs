//! The planner (MODEL.md, "Planning"): the best use of a budget, the cheapest plan that meets a target, the
//! objective-vs-budget frontier ([`frontier`]) and the tornado of uncertain parameters ([`sensitivity`]).
//!
//! **Decision variables.** Each schedule line's `units` (a channel in a phase, for every village or one), in
//! whole units, and each reward's yuan per install (in steps of [`OptimiseConfig::reward_step_yuan`]). Each has
//! bounds, by default 0.5×–2× the draft plan ([`Bounds`]); a floor of the scenario outranks a bound (a line is
//! raised above its upper bound when a floor needs it).
//!
//! **Constraints.** Cash (from the simulation: channels, fixed costs and rewards paid) within the total budget
//! and every per-phase cap; every floor the variables can meet stays met; staff hours are rationed by the
//! engine itself, so a plan asking for more hours than grid workers have simply delivers (and pays for) fewer.
//!
//! **Algorithm.** Meridian-style greedy marginal-return allocation on a spend grid: every variable moves in
//! steps worth about `budget / grid_steps` yuan; starting from the lower bounds, each round tries one more step
//! of every variable and takes the one that buys the most objective per yuan, until no step that fits the
//! budget helps. If the draft plan (rounded to whole units, within the bounds) fits and beats that point, the
//! greedy goes on from the draft instead. Then local refinement for interactions: single steps up and down
//! and pairwise swaps (one step less of one variable, one more of another; and one more step of a variable
//! paid for by the cheapest cuts elsewhere), first improvement, until a sweep
//! finds nothing (or [`OptimiseConfig::refine_sweeps`] sweeps). For the
//! minimum-cost objective the greedy climbs until the target is met, the refinement lowers cost while it
//! stays met, and a trim tries ever smaller cuts down to one unit. Everything is deterministic: the
//! variables are tried in a fixed order, ties go to the first, and Monte Carlo objectives use the same seed
//! for every evaluation (common random numbers).
//!
//! **Incremental use.** [`Optimiser::step`] does at most a given number of simulations and reports
//! [`Progress`], so a Web Worker can run it in slices, report progress and stop when asked;
//! [`Optimiser::finish`] turns the state into an [`OptimiseResult`] (serialisable for JavaScript).
//! [`optimise`] loops to the end. [`apply_to_file`] writes the suggested plan into the draft file.

pub mod frontier;
pub mod job;
pub mod sensitivity;
mod text;

pub use frontier::{frontier, Frontier, FrontierPoint};
pub use job::{PlanJob, PlanRequest};
pub use sensitivity::{sensitivity, Tornado, TornadoBar};

use crate::engine::outcome::Outcome;
use crate::engine::simulate::simulate;
use crate::error::{ErrorKind, FieldError, Lang};
use crate::format::wire::ScenarioFile;
use crate::model::{Basis, Per, Scenario};
use crate::uncertainty::{run_one, MonteCarloConfig, MAX_RUNS};
use crate::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the optimiser maximises (or, for [`Objective::MinCost`], minimises).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Objective {
    /// Cases averted over the period (counterfactual minus plan, expected cases).
    CasesAverted,
    /// Loss averted over the period (元).
    LossAverted,
    /// Share of residents with product `product` (index) at the end of `date`.
    Adoption {
        /// Product index.
        product: usize,
        /// The day measured.
        date: Date,
    },
    /// A target's own measure at its deadline (a share, or minus a year-on-year change, so larger is better).
    TargetValue {
        /// Target index.
        target: usize,
    },
    /// The probability of meeting a target at its deadline, from [`OptimiseConfig::n_runs`] Monte Carlo runs
    /// with seed [`OptimiseConfig::seed`] (the same parameter draws for every plan evaluated; see
    /// [`OptimiseConfig::noise`]).
    TargetProbability {
        /// Target index.
        target: usize,
    },
    /// The lowest cash that meets a target: deterministically (`probability: None`) or in at least that share
    /// of the Monte Carlo runs.
    MinCost {
        /// Target index.
        target: usize,
        /// Required probability in (0, 1], or `None` for the deterministic run.
        probability: Option<f64>,
    },
}

impl Objective {
    /// The code name used by the CLI: `cases_averted`, `loss_averted`, `adoption`, `target_value`,
    /// `target_probability`, `min_cost`.
    pub fn code_name(&self) -> &'static str {
        match self {
            Objective::CasesAverted => "cases_averted",
            Objective::LossAverted => "loss_averted",
            Objective::Adoption { .. } => "adoption",
            Objective::TargetValue { .. } => "target_value",
            Objective::TargetProbability { .. } => "target_probability",
            Objective::MinCost { .. } => "min_cost",
        }
    }

    /// The target index, for the objectives that name one.
    pub fn target(&self) -> Option<usize> {
        match self {
            Objective::TargetValue { target }
            | Objective::TargetProbability { target }
            | Objective::MinCost { target, .. } => Some(*target),
            _ => None,
        }
    }

    /// True when the objective needs Monte Carlo runs.
    pub fn uses_monte_carlo(&self) -> bool {
        matches!(self, Objective::TargetProbability { .. } | Objective::MinCost { probability: Some(_), .. })
    }
}

/// Bounds on the decision variables, relative to the draft plan unless overridden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// Lower bound as a multiple of the draft value. By default, 0.5.
    pub low_factor: f64,
    /// Upper bound as a multiple of the draft value. By default, 2.
    pub high_factor: f64,
    /// Explicit bounds for single variables (by index in [`Optimiser::variables`]).
    pub overrides: Vec<BoundOverride>,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds { low_factor: 0.5, high_factor: 2.0, overrides: Vec::new() }
    }
}

/// Explicit bounds for one decision variable, in its own unit (schedule units or yuan per install).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoundOverride {
    /// Variable index.
    pub variable: usize,
    /// Lowest value allowed (≥ 0).
    pub low: f64,
    /// Highest value allowed (≥ low).
    pub high: f64,
}

/// How an optimisation runs. Build one with [`OptimiseConfig::new`] and change fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptimiseConfig {
    /// What to optimise.
    pub objective: Objective,
    /// Cap on all cash (元). By default (`None`): the scenario's `budget.total_yuan`, else the draft plan's
    /// cash; for [`Objective::MinCost`], no cap.
    pub budget_yuan: Option<f64>,
    /// Cap per phase index (元), replacing the scenario's `budget.per_phase_yuan`; `None` keeps the
    /// scenario's. By default, `None`.
    pub phase_caps_yuan: Option<Vec<Option<f64>>>,
    /// Bounds on the variables.
    pub bounds: Bounds,
    /// True to optimise the rewards too. By default, true.
    pub include_rewards: bool,
    /// Steps of the spend grid across the budget: a step of a schedule line is worth about
    /// `budget / grid_steps` yuan (at least one whole unit). By default, 40.
    pub grid_steps: usize,
    /// Step of a reward (元 per install). By default, 0.5.
    pub reward_step_yuan: f64,
    /// Most refinement sweeps. By default, 3.
    pub refine_sweeps: usize,
    /// Monte Carlo runs per evaluation for probability objectives. By default, 20.
    pub n_runs: usize,
    /// Seed of those runs. By default, the scenario's seed.
    pub seed: u64,
    /// True to add process noise (binomial installs, Poisson cases) to those runs. By default, false: each
    /// run is one parameter draw simulated deterministically, so every plan is judged on the same draws
    /// (common random numbers). With noise, how many random numbers a run reads depends on the plan, so two
    /// plans see different luck and the search would chase it.
    pub noise: bool,
    /// Start from these variable values instead of the lower bounds (a warm start, e.g. the previous budget's
    /// plan on the frontier); values are clamped to the bounds. By default, `None`.
    pub start: Option<Vec<f64>>,
}

impl OptimiseConfig {
    /// Checks a configuration that came from a user (the app, JavaScript) against `scenario`: every index
    /// names something, numbers are finite and in range. Each error names the field, e.g.
    /// `objective.target` or `bounds.high_factor`. The optimiser never fails on a bad configuration (it falls
    /// back to defaults and reads nothing out of range); this says what it would have ignored.
    pub fn validate(&self, scenario: &Scenario) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let check = |errors: &mut Vec<FieldError>, path: &str, found: f64, min: f64, max: Option<f64>| {
            if !found.is_finite() || found < min || max.is_some_and(|max| found > max) {
                errors.push(FieldError::new(path, ErrorKind::OutOfRange { found, min: Some(min), max }));
            }
        };
        let last_index = |n: usize| Some(n as f64 - 1.0);
        match self.objective {
            Objective::Adoption { product, date } => {
                check(&mut errors, "objective.product", product as f64, 0.0, last_index(scenario.products.len()));
                if date < scenario.start || date > scenario.end {
                    let (found, start, end) = (date.to_string(), scenario.start.to_string(), scenario.end.to_string());
                    errors.push(FieldError::new("objective.date", ErrorKind::OutsidePeriod { found, start, end }));
                }
            }
            Objective::TargetValue { target } | Objective::TargetProbability { target } => {
                check(&mut errors, "objective.target", target as f64, 0.0, last_index(scenario.targets.len()));
            }
            Objective::MinCost { target, probability } => {
                check(&mut errors, "objective.target", target as f64, 0.0, last_index(scenario.targets.len()));
                if let Some(probability) = probability {
                    check(&mut errors, "objective.probability", probability, 1e-9, Some(1.0));
                }
            }
            Objective::CasesAverted | Objective::LossAverted => {}
        }
        if let Some(budget) = self.budget_yuan {
            check(&mut errors, "budget_yuan", budget, 0.0, Some(1e11));
        }
        for (phase_idx, cap) in self.phase_caps_yuan.iter().flatten().enumerate() {
            if let Some(cap) = cap {
                check(&mut errors, &format!("phase_caps_yuan[{phase_idx}]"), *cap, 0.0, Some(1e11));
            }
        }
        check(&mut errors, "bounds.low_factor", self.bounds.low_factor, 0.0, Some(100.0));
        check(&mut errors, "bounds.high_factor", self.bounds.high_factor, self.bounds.low_factor.max(0.0), Some(100.0));
        check(&mut errors, "grid_steps", self.grid_steps as f64, 1.0, Some(10_000.0));
        check(&mut errors, "reward_step_yuan", self.reward_step_yuan, 0.1, Some(100.0));
        check(&mut errors, "n_runs", self.n_runs as f64, 1.0, Some(MAX_RUNS as f64));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The defaults for `objective` on `scenario` (see each field).
    pub fn new(scenario: &Scenario, objective: Objective) -> OptimiseConfig {
        OptimiseConfig {
            objective,
            budget_yuan: None,
            phase_caps_yuan: None,
            bounds: Bounds::default(),
            include_rewards: true,
            grid_steps: 40,
            reward_step_yuan: 0.5,
            refine_sweeps: 3,
            n_runs: 20,
            seed: scenario.seed,
            noise: false,
            start: None,
        }
    }
}

/// What a decision variable is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VariableKind {
    /// The `units` of schedule line `line` (index in the file's `schedule`).
    Schedule {
        /// Schedule line index.
        line: usize,
        /// Channel id.
        channel: String,
        /// Phase id.
        phase: String,
        /// Village id when the line is restricted to one village.
        village: Option<String>,
    },
    /// The yuan per install of reward `reward` (index in the file's `rewards`).
    Reward {
        /// Reward index.
        reward: usize,
        /// Phase id.
        phase: String,
        /// Product id.
        product: String,
    },
}

/// One decision variable: what it is, its bounds and grid step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variable {
    /// What it is.
    #[serde(flatten)]
    pub kind: VariableKind,
    /// Short label for people, e.g. `整体推进 · 网格员入户宣传、手把手安装APP`.
    pub label: String,
    /// The label in English words (names from the file stay as written), e.g. `整体推进 · 国家反诈中心App reward`.
    pub label_en: String,
    /// Unit of the value: the channel's unit (per the line's `per` and `basis`), or `元/户`.
    pub unit: String,
    /// The unit in English words, e.g. `场/phase·each village`, `yuan per household`.
    pub unit_en: String,
    /// Value in the draft plan.
    pub draft: f64,
    /// Lowest value allowed.
    pub low: f64,
    /// Highest value allowed.
    pub high: f64,
    /// Grid step.
    pub step: f64,
    /// Nominal cash of one unit of the value (元) if every unit is delivered; 0 for rewards (their cash
    /// follows installs).
    pub cash_per_unit_yuan: f64,
}

/// A plan's figures as the optimiser sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFigures {
    /// The objective's value: cases, yuan, a share, or a probability (for [`Objective::MinCost`], the target's
    /// measure or probability).
    pub objective: f64,
    /// All cash (元) of the deterministic simulation.
    pub cost_yuan: f64,
    /// Cash per phase (元), in scenario order.
    pub phase_cost_yuan: Vec<f64>,
    /// Rewards paid (元), part of `cost_yuan`.
    #[serde(default)]
    pub rewards_yuan: f64,
    /// Rewards paid for installs the no-campaign run also has (元; deadweight, MODEL.md v2 §5).
    #[serde(default)]
    pub rewards_deadweight_yuan: f64,
    /// For objectives with a target: met (deterministically, or with the required probability).
    pub target_met: Option<bool>,
    /// True if the plan keeps within the budget and every cap and meets every floor it can.
    pub within_constraints: bool,
}

/// One variable at the optimum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariableResult {
    /// The variable.
    #[serde(flatten)]
    pub variable: Variable,
    /// Suggested value.
    pub suggested: f64,
    /// Objective gained per 1 000 yuan by one more step from the suggested plan (whether or not the budget
    /// allows it): the marginal return of the next money. `None` at the upper bound or when the step costs
    /// nothing more.
    pub marginal_per_1000_yuan: Option<f64>,
    /// Objective lost per 1 000 yuan saved by one step less: the return of the last money spent here.
    /// `None` at the lower bound or when the step saves nothing.
    pub last_step_per_1000_yuan: Option<f64>,
    /// At the upper bound only: what one step beyond it would buy per 1 000 yuan (the value of widening the
    /// bound). `None` below the bound.
    pub beyond_bound_per_1000_yuan: Option<f64>,
}

/// Where an optimisation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Evaluating the draft and the start.
    Start,
    /// Raising lines until every floor they feed is met.
    Floors,
    /// Greedy marginal-return allocation.
    Greedy,
    /// Single steps and pairwise swaps.
    Refine,
    /// Minimum cost only: ever smaller cuts while the target stays met.
    Trim,
    /// Measuring each variable's marginal return at the optimum.
    Marginals,
    /// Finished.
    Done,
}

/// What [`Optimiser::step`] reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The current stage.
    pub stage: Stage,
    /// Simulations (or Monte Carlo batches) evaluated so far.
    pub evaluations: usize,
    /// Objective of the best plan so far.
    pub objective: f64,
    /// Cash of the best plan so far (元).
    pub cost_yuan: f64,
    /// True when finished.
    pub done: bool,
}

/// The optimiser's answer. Serialisable, so it can cross to JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptimiseResult {
    /// The objective.
    pub objective: Objective,
    /// Target id, for objectives with a target.
    pub target_id: Option<String>,
    /// The cash cap used (元); `None` for an uncapped minimum-cost search.
    pub budget_yuan: Option<f64>,
    /// The draft plan.
    pub draft: PlanFigures,
    /// The suggested plan.
    pub suggested: PlanFigures,
    /// Every decision variable: draft, suggested, bounds, marginal returns.
    pub variables: Vec<VariableResult>,
    /// Index in `variables` of the variable whose next step buys the most, if any buys anything.
    pub best_next: Option<usize>,
    /// Floors no decision variable can meet (`channel` or `channel@phase`), reported, not enforced.
    pub floors_unreachable: Vec<String>,
    /// True if the optimiser ran to the end (false after a cancel: the best plan so far, no marginals).
    pub complete: bool,
    /// Plain-language summary in zh-CN.
    pub summary_zh: String,
    /// Plain-language summary in English.
    pub summary_en: String,
    /// Simulations (or Monte Carlo batches) evaluated.
    pub evaluations: usize,
}

impl OptimiseResult {
    /// The summary in `lang`.
    pub fn summary(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.summary_zh,
            Lang::En => &self.summary_en,
        }
    }

    /// The suggested values, one per variable (e.g. a warm start for another run).
    pub fn allocation(&self) -> Vec<f64> {
        self.variables.iter().map(|variable| variable.suggested).collect()
    }
}

/// Runs an optimisation to the end.
pub fn optimise(scenario: &Scenario, config: &OptimiseConfig) -> OptimiseResult {
    let mut optimiser = Optimiser::new(scenario, config.clone());
    while !optimiser.step(usize::MAX).done {}
    optimiser.finish()
}

/// The suggested plan of `result` written into the draft `file` (the file `result`'s scenario was validated
/// from): each schedule line's `units`, each reward's `yuan_per_install`, and, when the objective had a budget,
/// `budget.total_yuan`. Everything else is kept as it was. The app's "apply" and the CLI's `--out` both use it.
pub fn apply_to_file(file: &ScenarioFile, result: &OptimiseResult) -> ScenarioFile {
    let mut applied = file.clone();
    for variable in &result.variables {
        match variable.variable.kind {
            VariableKind::Schedule { line, .. } => {
                if let Some(entry) = applied.schedule.get_mut(line) {
                    entry.units = variable.suggested;
                }
            }
            VariableKind::Reward { reward, .. } => {
                if let Some(entry) = applied.rewards.get_mut(reward) {
                    entry.yuan_per_install = variable.suggested;
                }
            }
        }
    }
    if !matches!(result.objective, Objective::MinCost { .. }) {
        if let Some(budget) = result.budget_yuan {
            applied.budget.total_yuan = Some(budget);
        }
    }
    applied
}

/// The largest value a decision variable may take: the field table's maximum of `schedule[].units` or
/// `rewards[].yuan_per_install`, so that an optimised file always passes validation.
fn variable_max(kind: &VariableKind) -> f64 {
    let pattern = match kind {
        VariableKind::Schedule { .. } => "schedule[].units",
        VariableKind::Reward { .. } => "rewards[].yuan_per_install",
    };
    crate::model::fields::limits(pattern).1.unwrap_or(f64::MAX)
}

/// The decision variables of `scenario` under `config` (schedule lines in file order, then rewards).
pub fn variables(scenario: &Scenario, config: &OptimiseConfig, reference_budget_yuan: f64) -> Vec<Variable> {
    let spend_step = reference_budget_yuan.max(0.0) / config.grid_steps.max(1) as f64;
    let defaults = Bounds::default();
    let factor = |value: f64, default: f64| if value.is_finite() && value >= 0.0 { value } else { default };
    let low_factor = factor(config.bounds.low_factor, defaults.low_factor);
    let high_factor = factor(config.bounds.high_factor, defaults.high_factor).max(low_factor);
    let mut variables = Vec::new();
    for (line, entry) in scenario.schedule.iter().enumerate() {
        let channel = &scenario.channels[entry.channel];
        let phase = &scenario.phases[entry.phase];
        let cash_per_unit_yuan = channel.cost_per_unit_yuan * line_volume(scenario, line);
        // Never beyond the field table's maximum, so that the optimised file passes `check`.
        let max_units = crate::model::fields::limits("schedule[].units").1.unwrap_or(f64::MAX);
        let low = (entry.units * low_factor).ceil().max(0.0).min(max_units);
        let high = (entry.units * high_factor).floor().max(low).min(max_units);
        let step = if cash_per_unit_yuan > 0.0 && spend_step > 0.0 {
            (spend_step / cash_per_unit_yuan).round().max(1.0)
        } else {
            ((high - low) / 8.0).round().max(1.0)
        };
        let village = entry.village.map(|village_idx| scenario.villages[village_idx].id.clone());
        let mut label = format!("{} · {}", phase.name, channel.name);
        if let Some(village_idx) = entry.village {
            label = format!("{label} · {}", scenario.villages[village_idx].name);
        }
        variables.push(Variable {
            kind: VariableKind::Schedule { line, channel: channel.id.clone(), phase: phase.id.clone(), village },
            label_en: label.clone(),
            label,
            unit: text::schedule_unit(&channel.unit, entry.per, entry.basis, Lang::Zh),
            unit_en: text::schedule_unit(&channel.unit, entry.per, entry.basis, Lang::En),
            draft: entry.units,
            low,
            high,
            step,
            cash_per_unit_yuan,
        });
    }
    if config.include_rewards {
        let step = if config.reward_step_yuan.is_finite() && config.reward_step_yuan >= 0.1 {
            config.reward_step_yuan
        } else {
            0.5
        };
        for (reward_idx, reward) in scenario.rewards.iter().enumerate() {
            let phase = &scenario.phases[reward.phase];
            let product = &scenario.products[reward.product];
            let max_yuan = crate::model::fields::limits("rewards[].yuan_per_install").1.unwrap_or(f64::MAX);
            let low = round_to(reward.yuan_per_install * low_factor, 0.1).max(0.0).min(max_yuan);
            let high = round_to(reward.yuan_per_install * high_factor, 0.1).max(low).min(max_yuan);
            variables.push(Variable {
                kind: VariableKind::Reward { reward: reward_idx, phase: phase.id.clone(), product: product.id.clone() },
                label: format!("{} · {} 奖励", phase.name, product.name),
                label_en: format!("{} · {} reward", phase.name, product.name),
                unit: "元/户".to_string(),
                unit_en: "yuan per household".to_string(),
                draft: reward.yuan_per_install,
                low,
                high,
                step,
                cash_per_unit_yuan: 0.0,
            });
        }
    }
    for bound in &config.bounds.overrides {
        if let Some(variable) = variables.get_mut(bound.variable) {
            if bound.low.is_finite() && bound.high.is_finite() && bound.low >= 0.0 && bound.high >= bound.low {
                let max = variable_max(&variable.kind);
                variable.low = bound.low.min(max);
                variable.high = bound.high.min(max);
            }
        }
    }
    variables
}

fn round_to(value: f64, quantum: f64) -> f64 {
    (value / quantum).round() * quantum
}

/// Units a line delivers over its phase, summed over villages, per unit of its `units` (before rationing).
fn line_volume(scenario: &Scenario, line: usize) -> f64 {
    let entry = &scenario.schedule[line];
    let phase = &scenario.phases[entry.phase];
    let n_days = phase.n_days();
    let days: f64 = (0..n_days)
        .map(|offset| match entry.per {
            Per::Phase => 1.0 / n_days as f64,
            Per::Day => 1.0,
            Per::Week => 1.0 / 7.0,
            Per::Month => 1.0 / f64::from(phase.start.add_days(offset as i32).days_in_month()),
        })
        .sum();
    let villages: f64 = match (entry.basis, entry.village) {
        (Basis::PerVillage, Some(_)) | (Basis::TownshipTotal, _) => 1.0,
        (Basis::PerVillage, None) => scenario.villages.len() as f64,
        (Basis::PerGridWorker, Some(village_idx)) => scenario.villages[village_idx].grid_workers,
        (Basis::PerGridWorker, None) => scenario.villages.iter().map(|village| village.grid_workers).sum(),
    };
    days * villages
}

/// The figures of one evaluated plan.
#[derive(Clone, Debug)]
struct Evaluation {
    /// What the search maximises: the objective (budget mode) or progress towards the target (min cost),
    /// with a small tie-break for probabilities.
    score: f64,
    /// The objective as reported.
    value: f64,
    cost_yuan: f64,
    phase_cost_yuan: Vec<f64>,
    rewards_yuan: f64,
    rewards_deadweight_yuan: f64,
    floors_met: Vec<bool>,
    /// Target met (objectives with a target).
    met: Option<bool>,
}

/// A move: steps (±) of some variables, or a value change (trim).
#[derive(Clone, Debug)]
enum Move {
    Steps(Vec<(usize, i32)>),
    Cut {
        variable: usize,
        amount: f64,
    },
    /// One more step of `variable`, then, while the plan breaks the budget or a cap, one step less of whichever
    /// other variable loses the least objective per yuan saved (a swap of one step against several).
    AddAndRepair {
        variable: usize,
    },
}

/// An optimisation in progress, for incremental use (a Web Worker calls [`Optimiser::step`] in slices).
///
/// ```
/// use wuzha::planner::{Objective, OptimiseConfig, Optimiser};
/// let (_file, scenario) = wuzha::parse_scenario(include_str!("../../scenarios/honglin-2022.json"))
///     .expect("the file is valid");
/// let mut config = OptimiseConfig::new(&scenario, Objective::CasesAverted);
/// config.refine_sweeps = 0; // quick, for the example
/// let mut optimiser = Optimiser::new(&scenario, config);
/// loop {
///     let progress = optimiser.step(25); // at most 25 simulations, then report
///     if progress.done { break; } // a worker would post `progress` and check for a cancel here
/// }
/// let result = optimiser.finish();
/// assert!(result.suggested.cost_yuan <= result.budget_yuan.unwrap_or(0.0) + 1e-6);
/// ```
pub struct Optimiser {
    scenario: Scenario,
    trial: Scenario,
    config: OptimiseConfig,
    variables: Vec<Variable>,
    budget_yuan: Option<f64>,
    phase_caps_yuan: Vec<Option<f64>>,
    /// Floors the search must keep met.
    floors_required: Vec<bool>,
    floors_unreachable: Vec<String>,
    cache: HashMap<Vec<u64>, Evaluation>,
    evaluations: usize,
    stage: Stage,
    draft: Option<Evaluation>,
    current: Vec<f64>,
    current_eval: Option<Evaluation>,
    /// Greedy: next variable to try this round, and the best step found so far (ratio, score gain, variable).
    greedy_next: usize,
    greedy_best: Option<(f64, f64, usize)>,
    /// True once the rounded draft has been compared with the greedy plan.
    draft_tried: bool,
    /// Refine and trim: the moves of this sweep, the cursor, and whether the sweep improved anything.
    moves: Vec<Move>,
    cursor: usize,
    improved: bool,
    sweeps: usize,
    floor_rounds: usize,
    /// Marginals: per variable, the returns one step up, one step down, and one step beyond the upper bound.
    marginals: Vec<(Option<f64>, Option<f64>, Option<f64>)>,
    marginal_next: usize,
}

impl Optimiser {
    /// Prepares an optimisation of `scenario` under `config`. It simulates at most once (the draft's cash,
    /// to size the spend grid when neither `config` nor the scenario gives a budget); the search itself
    /// starts with [`Optimiser::step`].
    pub fn new(scenario: &Scenario, config: OptimiseConfig) -> Optimiser {
        // A budget that is not a number ≥ 0 (from JavaScript, say) counts as none given; see `validate`.
        let given = config.budget_yuan.filter(|budget| budget.is_finite() && *budget >= 0.0);
        let budget_yuan = match config.objective {
            Objective::MinCost { .. } => given,
            _ => Some(given.or(scenario.budget.total_yuan).unwrap_or_else(|| draft_cash(scenario))),
        };
        let reference = match budget_yuan {
            Some(budget) if budget > 0.0 => budget,
            _ => draft_cash(scenario),
        };
        let variables = variables(scenario, &config, reference);
        let current = match &config.start {
            Some(start) if start.len() == variables.len() => start
                .iter()
                .zip(&variables)
                .map(
                    |(value, variable)| {
                        if value.is_finite() {
                            value.max(variable.low).min(variable.high)
                        } else {
                            variable.low
                        }
                    },
                )
                .collect(),
            _ => variables.iter().map(|variable| variable.low).collect(),
        };
        let phase_caps_yuan = match &config.phase_caps_yuan {
            Some(caps) => (0..scenario.phases.len())
                .map(|phase_idx| caps.get(phase_idx).copied().flatten().filter(|cap| cap.is_finite() && *cap >= 0.0))
                .collect(),
            None => scenario.budget.per_phase_yuan.clone(),
        };
        Optimiser {
            scenario: scenario.clone(),
            trial: scenario.clone(),
            floors_required: vec![true; scenario.floors.len()],
            floors_unreachable: Vec::new(),
            marginals: vec![(None, None, None); variables.len()],
            config,
            variables,
            budget_yuan,
            phase_caps_yuan,
            cache: HashMap::new(),
            evaluations: 0,
            stage: Stage::Start,
            draft: None,
            current,
            current_eval: None,
            greedy_next: 0,
            greedy_best: None,
            draft_tried: false,
            moves: Vec::new(),
            cursor: 0,
            improved: false,
            sweeps: 0,
            floor_rounds: 0,
            marginal_next: 0,
        }
    }

    /// The decision variables, in the order of the result's `variables`.
    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    /// Evaluations so far.
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }

    /// Works until `max_evaluations` more plans have been simulated (cached plans are free) or the end.
    pub fn step(&mut self, max_evaluations: usize) -> Progress {
        let limit = self.evaluations.saturating_add(max_evaluations.max(1));
        while self.stage != Stage::Done && self.evaluations < limit {
            self.advance();
        }
        self.progress()
    }

    /// The progress so far.
    pub fn progress(&self) -> Progress {
        let (objective, cost_yuan) =
            self.current_eval.as_ref().map(|eval| (eval.value, eval.cost_yuan)).unwrap_or((0.0, 0.0));
        Progress {
            stage: self.stage,
            evaluations: self.evaluations,
            objective,
            cost_yuan,
            done: self.stage == Stage::Done,
        }
    }

    /// The result: complete after [`Optimiser::step`] reported `done`; before that (a cancel), the best plan
    /// so far without marginal returns. May simulate the draft and the start once if `step` never ran.
    pub fn finish(mut self) -> OptimiseResult {
        let draft_values: Vec<f64> = self.variables.iter().map(|variable| variable.draft).collect();
        let draft = self.draft.clone().unwrap_or_else(|| self.evaluate(&draft_values));
        let current_values = self.current.clone();
        let suggested = self.current_eval.clone().unwrap_or_else(|| self.evaluate(&current_values));
        let complete = self.stage == Stage::Done;
        let variables: Vec<VariableResult> = self
            .variables
            .iter()
            .zip(&self.current)
            .zip(&self.marginals)
            .map(|((variable, suggested), (up, down, beyond))| VariableResult {
                variable: variable.clone(),
                suggested: *suggested,
                marginal_per_1000_yuan: if complete { *up } else { None },
                last_step_per_1000_yuan: if complete { *down } else { None },
                beyond_bound_per_1000_yuan: if complete { *beyond } else { None },
            })
            .collect();
        let best_next = variables
            .iter()
            .enumerate()
            .filter_map(|(idx, variable)| variable.marginal_per_1000_yuan.map(|gain| (idx, gain)))
            .filter(|(_, gain)| *gain > 0.0)
            .fold(None, |best: Option<(usize, f64)>, (idx, gain)| match best {
                Some((_, best_gain)) if best_gain >= gain => best,
                _ => Some((idx, gain)),
            })
            .map(|(idx, _)| idx);
        let mut result = OptimiseResult {
            objective: self.config.objective,
            target_id: self
                .config
                .objective
                .target()
                .and_then(|target_idx| self.scenario.targets.get(target_idx))
                .map(|target| target.id.clone()),
            budget_yuan: self.budget_yuan,
            draft: self.figures(&draft),
            suggested: self.figures(&suggested),
            variables,
            best_next,
            floors_unreachable: self.floors_unreachable.clone(),
            complete,
            summary_zh: String::new(),
            summary_en: String::new(),
            evaluations: self.evaluations,
        };
        result.summary_zh = text::summary(&self.scenario, &result, Lang::Zh);
        result.summary_en = text::summary(&self.scenario, &result, Lang::En);
        result
    }

    fn figures(&self, eval: &Evaluation) -> PlanFigures {
        PlanFigures {
            objective: eval.value,
            cost_yuan: eval.cost_yuan,
            phase_cost_yuan: eval.phase_cost_yuan.clone(),
            rewards_yuan: eval.rewards_yuan,
            rewards_deadweight_yuan: eval.rewards_deadweight_yuan,
            target_met: eval.met,
            within_constraints: self.feasible(eval),
        }
    }

    fn is_min_cost(&self) -> bool {
        matches!(self.config.objective, Objective::MinCost { .. })
    }

    /// One unit of work (at most a few evaluations).
    fn advance(&mut self) {
        match self.stage {
            Stage::Start => {
                let draft_values: Vec<f64> = self.variables.iter().map(|variable| variable.draft).collect();
                let draft = self.evaluate(&draft_values);
                self.draft = Some(draft);
                let current = self.current.clone();
                self.current_eval = Some(self.evaluate(&current));
                self.stage = Stage::Floors;
            }
            Stage::Floors => self.advance_floors(),
            Stage::Greedy => self.advance_greedy(),
            Stage::Refine | Stage::Trim => self.advance_moves(),
            Stage::Marginals => self.advance_marginals(),
            Stage::Done => {}
        }
    }

    /// Raises every line feeding an unmet floor by one step; floors no line can meet are set aside.
    fn advance_floors(&mut self) {
        let Some(eval) = self.current_eval.clone() else {
            self.stage = Stage::Greedy;
            return;
        };
        let unmet: Vec<usize> = (0..self.scenario.floors.len())
            .filter(|floor_idx| self.floors_required[*floor_idx] && !eval.floors_met[*floor_idx])
            .collect();
        if unmet.is_empty() || self.floor_rounds >= 200 {
            for floor_idx in unmet {
                self.set_floor_aside(floor_idx);
            }
            self.stage = Stage::Greedy;
            return;
        }
        self.floor_rounds += 1;
        let mut raised = false;
        for floor_idx in unmet {
            let floor = &self.scenario.floors[floor_idx];
            let feeding: Vec<usize> = self
                .variables
                .iter()
                .enumerate()
                .filter_map(|(var_idx, variable)| match variable.kind {
                    VariableKind::Schedule { line, .. } => {
                        let entry = &self.scenario.schedule[line];
                        let feeds = entry.channel == floor.channel
                            && floor.phase.is_none_or(|phase_idx| phase_idx == entry.phase);
                        feeds.then_some(var_idx)
                    }
                    VariableKind::Reward { .. } => None,
                })
                .collect();
            if feeding.is_empty() {
                self.set_floor_aside(floor_idx);
                continue;
            }
            for var_idx in feeding {
                // A floor outranks a bound: the upper bound rises with the line.
                let variable = &mut self.variables[var_idx];
                let raised_value = (self.current[var_idx] + variable.step).min(variable_max(&variable.kind));
                variable.high = variable.high.max(raised_value);
                self.current[var_idx] = raised_value;
                raised = true;
            }
        }
        if raised {
            let current = self.current.clone();
            self.current_eval = Some(self.evaluate(&current));
        }
    }

    fn set_floor_aside(&mut self, floor_idx: usize) {
        if !self.floors_required[floor_idx] {
            return;
        }
        self.floors_required[floor_idx] = false;
        let floor = &self.scenario.floors[floor_idx];
        let channel = &self.scenario.channels[floor.channel].id;
        self.floors_unreachable.push(match floor.phase {
            Some(phase_idx) => format!("{channel}@{}", self.scenario.phases[phase_idx].id),
            None => channel.clone(),
        });
    }

    /// Greedy: tries one more step of the next variable; at the end of a round, takes the best.
    fn advance_greedy(&mut self) {
        let Some(current_eval) = self.current_eval.clone() else {
            self.stage = Stage::Done;
            return;
        };
        if self.is_min_cost() && current_eval.met == Some(true) {
            if !self.draft_tried {
                self.try_draft();
            }
            self.start_refine();
            return;
        }
        if self.greedy_next < self.variables.len() {
            let var_idx = self.greedy_next;
            self.greedy_next += 1;
            let Some(values) = self.moved(&self.current, &Move::Steps(vec![(var_idx, 1)])) else {
                return;
            };
            let eval = self.evaluate(&values);
            if !self.feasible(&eval) {
                return;
            }
            let gain = eval.score - current_eval.score;
            if gain <= tolerance(current_eval.score) {
                return;
            }
            let extra_cost = eval.cost_yuan - current_eval.cost_yuan;
            let ratio = if extra_cost > 1e-9 { gain / extra_cost } else { f64::INFINITY };
            let better = match self.greedy_best {
                None => true,
                Some((best_ratio, best_gain, _)) => {
                    ratio > best_ratio || (ratio == best_ratio && ratio.is_infinite() && gain > best_gain)
                }
            };
            if better {
                self.greedy_best = Some((ratio, gain, var_idx));
            }
            return;
        }
        // The round is over.
        self.greedy_next = 0;
        match self.greedy_best.take() {
            Some((_, _, var_idx)) => {
                if let Some(values) = self.moved(&self.current, &Move::Steps(vec![(var_idx, 1)])) {
                    let eval = self.evaluate(&values);
                    self.current = values;
                    self.current_eval = Some(eval);
                }
            }
            // When the draft beats where the greedy stopped, the greedy goes on from the draft.
            None if !self.draft_tried && self.try_draft() => {}
            None => self.start_refine(),
        }
    }

    /// Greedy search can stop short of a plan it never walked through: if the draft, rounded to whole units
    /// (0.1 yuan for rewards) within the bounds, keeps the constraints and beats the greedy plan, refinement
    /// starts from it instead. So the suggestion is never worse than a draft that fits. True if it moved.
    fn try_draft(&mut self) -> bool {
        self.draft_tried = true;
        let Some(current_eval) = self.current_eval.clone() else { return false };
        let draft: Vec<f64> = self
            .variables
            .iter()
            .map(|variable| {
                let quantum = match variable.kind {
                    VariableKind::Schedule { .. } => 1.0,
                    VariableKind::Reward { .. } => 0.1,
                };
                round_to(variable.draft, quantum).max(variable.low).min(variable.high)
            })
            .collect();
        if draft == self.current {
            return false;
        }
        let eval = self.evaluate(&draft);
        let better = self.feasible(&eval)
            && if self.is_min_cost() {
                eval.met == Some(true) && (current_eval.met != Some(true) || eval.cost_yuan < current_eval.cost_yuan)
            } else {
                eval.score > current_eval.score + tolerance(current_eval.score)
            };
        if better {
            self.current = draft;
            self.current_eval = Some(eval);
        }
        better
    }

    fn start_refine(&mut self) {
        self.sweeps = 0;
        self.begin_sweep();
    }

    fn begin_sweep(&mut self) {
        if self.sweeps >= self.config.refine_sweeps {
            self.start_trim();
            return;
        }
        self.sweeps += 1;
        self.stage = Stage::Refine;
        self.cursor = 0;
        self.improved = false;
        let n = self.variables.len();
        let mut moves = Vec::new();
        for var_idx in 0..n {
            moves.push(Move::Steps(vec![(var_idx, 1)]));
            moves.push(Move::Steps(vec![(var_idx, -1)]));
        }
        for from in 0..n {
            for to in 0..n {
                if from != to {
                    moves.push(Move::Steps(vec![(from, -1), (to, 1)]));
                }
            }
        }
        if !self.is_min_cost() {
            moves.extend((0..n).map(|variable| Move::AddAndRepair { variable }));
        }
        self.moves = moves;
    }

    fn start_trim(&mut self) {
        if !self.is_min_cost() || self.current_eval.as_ref().and_then(|eval| eval.met) != Some(true) {
            self.start_marginals();
            return;
        }
        self.stage = Stage::Trim;
        self.cursor = 0;
        self.improved = false;
        let mut moves = Vec::new();
        for (var_idx, variable) in self.variables.iter().enumerate() {
            let quantum = match variable.kind {
                VariableKind::Schedule { .. } => 1.0,
                VariableKind::Reward { .. } => 0.1,
            };
            let mut amount = variable.step / 2.0;
            while amount >= quantum {
                moves.push(Move::Cut { variable: var_idx, amount: round_to(amount, quantum) });
                amount /= 2.0;
            }
            moves.push(Move::Cut { variable: var_idx, amount: quantum });
        }
        self.moves = moves;
    }

    fn start_marginals(&mut self) {
        self.stage = Stage::Marginals;
        self.marginal_next = 0;
    }

    /// Refine or trim: tries the next move; keeps it if it improves (a trim cut is retried until it fails).
    fn advance_moves(&mut self) {
        let Some(current_eval) = self.current_eval.clone() else {
            self.stage = Stage::Done;
            return;
        };
        if self.cursor >= self.moves.len() {
            if self.stage == Stage::Refine && self.improved {
                self.begin_sweep();
            } else if self.stage == Stage::Refine {
                self.start_trim();
            } else {
                self.start_marginals();
            }
            return;
        }
        let the_move = self.moves[self.cursor].clone();
        let candidate = match the_move {
            Move::AddAndRepair { variable } => self.add_and_repair(variable),
            _ => self.moved(&self.current, &the_move).map(|values| {
                let eval = self.evaluate(&values);
                (values, eval)
            }),
        };
        let Some((values, eval)) = candidate else {
            self.cursor += 1;
            return;
        };
        let accept = self.feasible(&eval)
            && if self.is_min_cost() {
                eval.met == Some(true) && eval.cost_yuan < current_eval.cost_yuan - 1e-6
            } else {
                eval.score > current_eval.score + tolerance(current_eval.score)
            };
        if accept {
            self.current = values;
            self.current_eval = Some(eval);
            self.improved = true;
        }
        if !(accept && self.stage == Stage::Trim) {
            self.cursor += 1;
        }
    }

    /// [`Move::AddAndRepair`]: the repaired plan, or `None` if no repair keeps the floors. Takes up to
    /// `n_variables` evaluations per repair step, so a [`Optimiser::step`] slice may run over by that much.
    fn add_and_repair(&mut self, added: usize) -> Option<(Vec<f64>, Evaluation)> {
        let mut values = self.moved(&self.current, &Move::Steps(vec![(added, 1)]))?;
        let mut eval = self.evaluate(&values);
        for _ in 0..4 * self.variables.len() + 8 {
            if self.feasible(&eval) {
                return Some((values, eval));
            }
            let mut best: Option<(f64, Vec<f64>, Evaluation)> = None;
            for var_idx in 0..self.variables.len() {
                if var_idx == added {
                    continue;
                }
                let Some(reduced) = self.moved(&values, &Move::Steps(vec![(var_idx, -1)])) else { continue };
                let reduced_eval = self.evaluate(&reduced);
                let saved = eval.cost_yuan - reduced_eval.cost_yuan;
                let floors_kept =
                    self.floors_required.iter().zip(&reduced_eval.floors_met).all(|(required, met)| !required || *met);
                if saved <= 1e-9 || !floors_kept {
                    continue;
                }
                let loss_per_yuan = (eval.score - reduced_eval.score) / saved;
                if best.as_ref().is_none_or(|(best_loss, _, _)| loss_per_yuan < *best_loss) {
                    best = Some((loss_per_yuan, reduced, reduced_eval));
                }
            }
            let (_, reduced, reduced_eval) = best?;
            values = reduced;
            eval = reduced_eval;
        }
        self.feasible(&eval).then_some((values, eval))
    }

    /// Marginal returns: one step up and one step down of the next variable, from the optimum.
    fn advance_marginals(&mut self) {
        let Some(current_eval) = self.current_eval.clone() else {
            self.stage = Stage::Done;
            return;
        };
        if self.marginal_next >= self.variables.len() {
            self.stage = Stage::Done;
            return;
        }
        let var_idx = self.marginal_next;
        self.marginal_next += 1;
        let up = self.moved(&self.current, &Move::Steps(vec![(var_idx, 1)])).and_then(|values| {
            let eval = self.evaluate(&values);
            per_1000(eval.value - current_eval.value, eval.cost_yuan - current_eval.cost_yuan)
        });
        let down = self.moved(&self.current, &Move::Steps(vec![(var_idx, -1)])).and_then(|values| {
            let eval = self.evaluate(&values);
            per_1000(current_eval.value - eval.value, current_eval.cost_yuan - eval.cost_yuan)
        });
        let beyond = if self.current[var_idx] >= self.variables[var_idx].high {
            let mut values = self.current.clone();
            values[var_idx] += self.variables[var_idx].step;
            let eval = self.evaluate(&values);
            per_1000(eval.value - current_eval.value, eval.cost_yuan - current_eval.cost_yuan)
        } else {
            None
        };
        self.marginals[var_idx] = (up, down, beyond);
    }

    /// The values after a move, or `None` if it changes nothing (every variable already at its bound).
    fn moved(&self, values: &[f64], the_move: &Move) -> Option<Vec<f64>> {
        let mut moved = values.to_vec();
        let mut changed = false;
        match the_move {
            Move::Steps(steps) => {
                for &(var_idx, n_steps) in steps {
                    let variable = &self.variables[var_idx];
                    let old = moved[var_idx];
                    let new = (old + f64::from(n_steps) * variable.step).max(variable.low).min(variable.high);
                    if new == old {
                        return None;
                    }
                    moved[var_idx] = new;
                    changed = true;
                }
            }
            Move::AddAndRepair { variable } => return self.moved(values, &Move::Steps(vec![(*variable, 1)])),
            Move::Cut { variable: var_idx, amount } => {
                let variable = &self.variables[*var_idx];
                let old = moved[*var_idx];
                let new = (old - amount).max(variable.low);
                if new < old {
                    moved[*var_idx] = new;
                    changed = true;
                }
            }
        }
        changed.then_some(moved)
    }

    fn feasible(&self, eval: &Evaluation) -> bool {
        let slack = |cap: f64| cap * (1.0 + 1e-12) + 1e-6;
        if self.budget_yuan.is_some_and(|budget| eval.cost_yuan > slack(budget)) {
            return false;
        }
        let phases_ok = self
            .phase_caps_yuan
            .iter()
            .zip(&eval.phase_cost_yuan)
            .all(|(cap, spent)| cap.is_none_or(|cap| *spent <= slack(cap)));
        let floors_ok = self.floors_required.iter().zip(&eval.floors_met).all(|(required, met)| !required || *met);
        phases_ok && floors_ok
    }

    /// Simulates the plan with `values` (from the cache when already seen).
    fn evaluate(&mut self, values: &[f64]) -> Evaluation {
        let key: Vec<u64> = values.iter().map(|value| value.to_bits()).collect();
        if let Some(eval) = self.cache.get(&key) {
            return eval.clone();
        }
        self.evaluations += 1;
        set_values(&mut self.trial, &self.variables, values);
        let eval = evaluate_plan(&self.trial, &self.config);
        self.cache.insert(key, eval.clone());
        eval
    }
}

fn tolerance(score: f64) -> f64 {
    1e-12 * score.abs().max(1.0)
}

fn per_1000(gain: f64, extra_cost: f64) -> Option<f64> {
    (extra_cost > 1e-6).then(|| gain / extra_cost * 1000.0)
}

/// Writes variable values into a scenario's schedule lines and rewards.
fn set_values(scenario: &mut Scenario, variables: &[Variable], values: &[f64]) {
    for (variable, value) in variables.iter().zip(values) {
        match variable.kind {
            VariableKind::Schedule { line, .. } => {
                if let Some(entry) = scenario.schedule.get_mut(line) {
                    entry.units = *value;
                }
            }
            VariableKind::Reward { reward, .. } => {
                if let Some(entry) = scenario.rewards.get_mut(reward) {
                    entry.yuan_per_install = *value;
                }
            }
        }
    }
}

/// Cash of the draft plan (one simulation).
fn draft_cash(scenario: &Scenario) -> f64 {
    simulate(scenario).totals.cash_yuan
}

/// A target's measure at its deadline, signed so that larger is better (a missing year-on-year change
/// counts as no change).
fn signed_target_value(scenario: &Scenario, outcome: &Outcome, target_idx: usize) -> f64 {
    let Some(target) = scenario.targets.get(target_idx) else { return 0.0 };
    let value = outcome.targets.get(target_idx).and_then(|result| result.value_at_deadline).unwrap_or(0.0);
    if target.higher_is_better() {
        value
    } else {
        -value
    }
}

/// The objective's deterministic measure of one outcome (for probability objectives: the target's measure).
pub fn measure(scenario: &Scenario, objective: &Objective, outcome: &Outcome) -> f64 {
    match *objective {
        Objective::CasesAverted => outcome.totals.cases_averted,
        Objective::LossAverted => outcome.totals.loss_averted_yuan,
        Objective::Adoption { product, date } => {
            let day_idx = date.days_since(scenario.start).max(0) as usize;
            outcome
                .daily
                .adopted
                .get(product)
                .and_then(|series| series.get(day_idx.min(series.len().saturating_sub(1))))
                .copied()
                .unwrap_or(0.0)
        }
        Objective::TargetValue { target }
        | Objective::TargetProbability { target }
        | Objective::MinCost { target, .. } => signed_target_value(scenario, outcome, target),
    }
}

/// Weight of the mean target measure added to a probability so that the search can tell plans with the same
/// probability apart (a probability moves in steps of 1 / n_runs).
const PROBABILITY_TIE_BREAK: f64 = 1e-3;

fn evaluate_plan(scenario: &Scenario, config: &OptimiseConfig) -> Evaluation {
    let outcome = simulate(scenario);
    let cost_yuan = outcome.totals.cash_yuan;
    let phase_cost_yuan = outcome.costs.by_phase.iter().map(|phase| phase.total_yuan).collect();
    let floors_met = outcome.floors.iter().map(|floor| floor.met).collect();
    let objective = config.objective;
    let deterministic = measure(scenario, &objective, &outcome);
    let (score, value, met) = match objective {
        Objective::TargetProbability { target } | Objective::MinCost { target, probability: Some(_) } => {
            let (probability, mean) = probability_met(scenario, config, target);
            let met = match objective {
                Objective::MinCost { probability: Some(required), .. } => Some(probability >= required - 1e-12),
                _ => None,
            };
            (probability + PROBABILITY_TIE_BREAK * mean, probability, met)
        }
        Objective::TargetValue { target } => {
            let met = outcome.targets.get(target).map(|result| result.met);
            (deterministic, deterministic, met)
        }
        Objective::MinCost { target, probability: None } => {
            let met = outcome.targets.get(target).map(|result| result.met);
            (deterministic, deterministic, met)
        }
        _ => (deterministic, deterministic, None),
    };
    let rewards_yuan = outcome.totals.rewards_paid_yuan;
    let rewards_deadweight_yuan = outcome.totals.rewards_deadweight_yuan;
    Evaluation { score, value, cost_yuan, phase_cost_yuan, rewards_yuan, rewards_deadweight_yuan, floors_met, met }
}

/// Share of `config.n_runs` Monte Carlo runs meeting the target, and the mean signed measure over them.
fn probability_met(scenario: &Scenario, config: &OptimiseConfig, target_idx: usize) -> (f64, f64) {
    let n_runs = config.n_runs.clamp(1, MAX_RUNS);
    let mc = MonteCarloConfig { n_runs, seed: config.seed, noise: config.noise };
    let mut n_met = 0usize;
    let mut sum = 0.0;
    for run_idx in 0..n_runs {
        let outcome = run_one(scenario, &mc, run_idx);
        if outcome.targets.get(target_idx).is_some_and(|result| result.met) {
            n_met += 1;
        }
        sum += signed_target_value(scenario, &outcome, target_idx);
    }
    (n_met as f64 / n_runs as f64, sum / n_runs as f64)
}
