//! The frontier: the best objective the optimiser finds at each of a row of budgets (by default 20 budgets
//! from 0 to 2× the draft plan's cash), with the draft plan marked.
//!
//! It never goes down as the budget rises, by construction: each budget starts from the previous budget's
//! plan (a warm start, feasible at the larger budget too), and the optimiser only ever accepts improvements.

use super::{evaluate_plan, Objective, OptimiseConfig, Optimiser};
use crate::model::Scenario;
use serde::{Deserialize, Serialize};

/// One budget on the frontier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrontierPoint {
    /// The budget (元).
    pub budget_yuan: f64,
    /// False when no plan within the bounds and floors fits this budget.
    pub feasible: bool,
    /// The objective of the best plan found; `None` when infeasible.
    pub objective: Option<f64>,
    /// Cash of that plan (元); `None` when infeasible.
    pub cost_yuan: Option<f64>,
    /// Its variable values (see [`super::Optimiser::variables`]); empty when infeasible.
    pub allocation: Vec<f64>,
}

/// The objective-vs-budget curve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frontier {
    /// The objective along the curve (a minimum-cost objective becomes its target's measure or probability).
    pub objective: Objective,
    /// Points in increasing budget.
    pub points: Vec<FrontierPoint>,
    /// The draft plan's cash (元): where the current plan sits.
    pub current_cost_yuan: f64,
    /// The draft plan's objective.
    pub current_objective: f64,
    /// Simulations (or Monte Carlo batches) evaluated in all.
    pub evaluations: usize,
    /// False if `keep_going` stopped it early (the points so far).
    pub complete: bool,
}

/// The frontier of `config.objective` over `n_points` budgets (at least 2) from 0 to `max_budget_yuan`
/// (by default, twice the draft plan's cash). `config.budget_yuan` and `config.start` are set per point.
/// `keep_going(points_done, n_points)` is called before each point; returning false stops (a cancel).
pub fn frontier(
    scenario: &Scenario,
    config: &OptimiseConfig,
    n_points: usize,
    max_budget_yuan: Option<f64>,
    mut keep_going: impl FnMut(usize, usize) -> bool,
) -> Frontier {
    let n_points = n_points.max(2);
    let objective = match config.objective {
        Objective::MinCost { target, probability: None } => Objective::TargetValue { target },
        Objective::MinCost { target, probability: Some(_) } => Objective::TargetProbability { target },
        other => other,
    };
    let mut config = OptimiseConfig { objective, ..config.clone() };
    let draft = evaluate_plan(scenario, &config);
    let max_budget = match max_budget_yuan {
        Some(budget) if budget.is_finite() && budget > 0.0 => budget,
        _ => 2.0 * draft.cost_yuan,
    };
    let mut points: Vec<FrontierPoint> = Vec::with_capacity(n_points);
    let mut evaluations = 1;
    let mut previous: Option<(f64, Vec<f64>)> = None;
    let mut complete = true;
    for point_idx in 0..n_points {
        if !keep_going(point_idx, n_points) {
            complete = false;
            break;
        }
        let budget_yuan = max_budget * point_idx as f64 / (n_points - 1) as f64;
        config.budget_yuan = Some(budget_yuan);
        config.start = previous.as_ref().map(|(_, allocation)| allocation.clone());
        let mut optimiser = Optimiser::new(scenario, config.clone());
        while !optimiser.step(usize::MAX).done {}
        let result = optimiser.finish();
        evaluations += result.evaluations;
        let point = if result.suggested.within_constraints {
            let found = (result.suggested.objective, result.allocation(), result.suggested.cost_yuan);
            // Never below the previous budget's plan (it fits this budget too).
            let (objective, allocation, cost) = match &previous {
                Some((best, allocation)) if *best > found.0 => {
                    (*best, allocation.clone(), points.last().and_then(|p| p.cost_yuan).unwrap_or(found.2))
                }
                _ => found,
            };
            previous = Some((objective, allocation.clone()));
            FrontierPoint { budget_yuan, feasible: true, objective: Some(objective), cost_yuan: Some(cost), allocation }
        } else {
            FrontierPoint { budget_yuan, feasible: false, objective: None, cost_yuan: None, allocation: Vec::new() }
        };
        points.push(point);
    }
    Frontier {
        objective,
        points,
        current_cost_yuan: draft.cost_yuan,
        current_objective: draft.value,
        evaluations,
        complete,
    }
}
