//! One result as plain core data (a validated scenario and its simulated outcome). The model rules the views
//! need live in the core (`Metric::is_share`, `Scenario::primary_product_idx`, `VillageOutcome::cash_yuan`).
//! Views (charts, tables, cards) read these; none of them reads the app's state.

use wuzha::{Outcome, Scenario};

/// A validated scenario and its simulated outcome: one consistent result.
#[derive(Debug, PartialEq)]
pub struct Computed {
    /// The validated scenario (names of products, phases, targets and rules).
    pub scenario: Scenario,
    /// What the simulation reports.
    pub outcome: Outcome,
}
