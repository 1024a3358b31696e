//! One result as plain core data (a validated scenario and its simulated outcome), and the few model rules
//! the app still holds until they move to the core: which thresholds are shares, and the primary product.
//! Views (charts, tables, cards) read these; none of them reads the app's state.

use wuzha::wire::Metric;
use wuzha::{Outcome, Scenario};

/// A validated scenario and its simulated outcome: one consistent result.
#[derive(Debug, PartialEq)]
pub struct Computed {
    /// The validated scenario (names of products, phases, targets and rules).
    pub scenario: Scenario,
    /// What the simulation reports.
    pub outcome: Outcome,
}

/// True for metrics whose threshold is a share of the population.
pub fn is_share(metric: Metric) -> bool {
    !matches!(metric, Metric::YoyCases | Metric::YoyLoss)
}

/// The index of the primary product of a validated scenario, by the same rule as `crate::state::primary_product`.
pub fn primary_product_idx(scenario: &Scenario) -> usize {
    scenario.targets.iter().find_map(|target| target.product).unwrap_or(0)
}
