//! Sensitivity (the tornado chart): each uncertain number of the scenario moved alone to its low and then
//! its high value, every other number at its most likely value, ranked by how far it moves the outcome.

use super::{measure, Objective};
use crate::engine::simulate::{simulate_with, Params};
use crate::model::{Scenario, Uncertain};
use serde::{Deserialize, Serialize};

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// Path of the number in the scenario file, e.g. `products[0].q` or `behaviour.risk_cut_aware`.
    pub path: String,
    /// Label for people, e.g. `国家反诈中心App · q`.
    pub label: String,
    /// Most likely value.
    pub value: f64,
    /// Low value.
    pub low: f64,
    /// High value.
    pub high: f64,
    /// The outcome with this number at its low value.
    pub outcome_at_low: f64,
    /// The outcome with this number at its high value.
    pub outcome_at_high: f64,
    /// `|outcome_at_high - outcome_at_low|`: the length of the bar.
    pub swing: f64,
}

/// The tornado: bars from the largest swing down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// The outcome measured (probability objectives are measured by their target's deterministic measure).
    pub objective: Objective,
    /// The outcome with every number at its most likely value.
    pub base: f64,
    /// One bar per number with a range (low < high), largest swing first (ties in file order).
    pub bars: Vec<TornadoBar>,
}

/// Every uncertain number in the order [`Params::from_scenario`] picks them, with its file path and label.
pub fn uncertain_numbers(scenario: &Scenario) -> Vec<(String, String, Uncertain)> {
    let mut numbers = Vec::new();
    for (idx, product) in scenario.products.iter().enumerate() {
        for (field, uncertain) in [
            ("p0", product.p0),
            ("q", product.q),
            ("uninstall_rate", product.uninstall_rate),
            ("risk_cut", product.risk_cut),
        ] {
            numbers.push((format!("products[{idx}].{field}"), format!("{} · {field}", product.name), uncertain));
        }
    }
    for (idx, channel) in scenario.channels.iter().enumerate() {
        let mut push = |field: String, uncertain: Uncertain| {
            numbers.push((format!("channels[{idx}].{field}"), format!("{} · {field}", channel.name), uncertain));
        };
        push("awareness_lift".into(), channel.awareness_lift);
        for (product, lift) in scenario.products.iter().zip(&channel.adoption_lift) {
            push(format!("adoption_lift.{}", product.id), *lift);
        }
        push("carry_over_per_week".into(), channel.carry_over_per_week);
        push("hill_alpha".into(), channel.hill_alpha);
        push("hill_gamma".into(), channel.hill_gamma);
        push("visits_per_hour".into(), channel.visits_per_hour);
        for (product, conversion) in scenario.products.iter().zip(&channel.install_conversion) {
            push(format!("install_conversion.{}", product.id), *conversion);
        }
    }
    for (idx, segment) in scenario.segments.iter().enumerate() {
        numbers.push((
            format!("segments[{idx}].loss_per_case_yuan"),
            format!("{} · loss_per_case_yuan", segment.name),
            segment.loss_per_case_yuan,
        ));
    }
    let behaviour = &scenario.behaviour;
    for (field, uncertain) in [
        ("awareness_half_life_days", behaviour.awareness_half_life_days),
        ("awareness_gate_m0", behaviour.awareness_gate_m0),
        ("risk_cut_aware", behaviour.risk_cut_aware),
        ("reporting_uplift", behaviour.reporting_uplift),
        ("alerts_per_case", behaviour.alerts_per_case),
        ("case_trend", behaviour.case_trend),
        ("attempts_per_case", behaviour.attempts_per_case),
        ("effort_max", behaviour.effort_max),
        ("effort_half_yuan", behaviour.effort_half_yuan),
        ("gaming_max", behaviour.gaming_max),
        ("gaming_half_yuan", behaviour.gaming_half_yuan),
        ("verification_share", behaviour.verification_share),
        ("staff_hours_per_worker_day", behaviour.staff_hours_per_worker_day),
    ] {
        numbers.push((format!("behaviour.{field}"), format!("行为参数 · {field}"), uncertain));
    }
    numbers
}

/// The tornado of `objective` for the plan in `scenario` (2 simulations per ranged number, plus one).
pub fn sensitivity(scenario: &Scenario, objective: &Objective) -> Tornado {
    let base_params = Params::from_scenario(scenario, |uncertain| uncertain.value);
    let base = measure(scenario, objective, &simulate_with(scenario, &base_params));
    let mut bars: Vec<TornadoBar> = Vec::new();
    for (number_idx, (path, label, uncertain)) in uncertain_numbers(scenario).into_iter().enumerate() {
        if uncertain.low >= uncertain.high {
            continue;
        }
        let outcome_at = |moved: f64| {
            let mut pick_idx = 0;
            let params = Params::from_scenario(scenario, |other| {
                let picked = if pick_idx == number_idx { moved } else { other.value };
                pick_idx += 1;
                picked
            });
            measure(scenario, objective, &simulate_with(scenario, &params))
        };
        let outcome_at_low = outcome_at(uncertain.low);
        let outcome_at_high = outcome_at(uncertain.high);
        bars.push(TornadoBar {
            path,
            label,
            value: uncertain.value,
            low: uncertain.low,
            high: uncertain.high,
            outcome_at_low,
            outcome_at_high,
            swing: (outcome_at_high - outcome_at_low).abs(),
        });
    }
    // A stable sort keeps file order among equal swings.
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Tornado { objective: *objective, base, bars }
}
