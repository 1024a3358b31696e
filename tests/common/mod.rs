//! Shared fixtures for the integration tests: a minimal scenario as JSON, edited per test.

#![allow(dead_code)]

pub mod cli;

use serde_json::{json, Value};
use wuzha::{Outcome, Scenario};

/// One village of 1000 residents, one segment, one product, no channels, no rewards, a calendar year.
pub fn minimal() -> Value {
    json!({
        "format_version": 1,
        "name": "测试方案",
        "township": { "name": "测试镇" },
        "start_date": "2022-01-01",
        "end_date": "2022-12-31",
        "villages": [ { "id": "v1", "name": "一村", "residents": 1000, "households": 400, "grids": 2, "grid_workers": 2 } ],
        "segments": [ { "id": "all", "name": "全体", "share": 1.0, "smartphone_share": 1.0, "victim_share": 1.0, "loss_per_case_yuan": 30000 } ],
        "products": [ { "id": "national_app", "name": "国家反诈中心App", "p0": 0.0005, "q": 0.0, "uninstall_rate": 0.0, "risk_cut": 0.15 } ],
        "channels": [],
        "phases": [ { "id": "all_year", "name": "全年", "start": "2022-01-01", "end": "2022-12-31" } ],
        "last_year": { "cases_total": 12 },
        "behaviour": { "awareness_gate_m0": 1.0 }
    })
}

/// A broadcast channel (banner-like) to push into `channels`.
pub fn banner() -> Value {
    json!({
        "id": "banner", "name": "横幅", "unit": "幅", "cost_per_unit_yuan": 150, "reach_per_unit": 300,
        "awareness_lift": 0.05, "adoption_lift": { "national_app": 0.004 }, "carry_over_per_week": 0.4
    })
}

/// A door-to-door channel: one unit is one grid-worker day of 2 hours.
pub fn visits() -> Value {
    json!({
        "id": "visit", "name": "入户走访", "unit": "人·天", "kind": "door_to_door", "cost_per_unit_yuan": 10,
        "staff_hours_per_unit": 2, "visits_per_hour": 4, "awareness_lift": 0.1,
        "install_conversion": { "national_app": 0.5 }, "carry_over_per_week": 0.0
    })
}

/// Validates a JSON scenario, panicking with every error message if it is invalid (tests only).
pub fn scenario(value: &Value) -> Scenario {
    let file: wuzha::ScenarioFile = serde_json::from_value(value.clone()).expect("fixture has the wire shape");
    match wuzha::validate(&file) {
        Ok(scenario) => scenario,
        Err(errors) => {
            panic!("fixture invalid: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
        }
    }
}

/// Validates and simulates.
pub fn outcome(value: &Value) -> Outcome {
    wuzha::simulate(&scenario(value))
}

/// The error paths `wuzha::model::validate::parse_scenario` reports for JSON text.
pub fn error_paths(text: &str) -> Vec<String> {
    match wuzha::parse_scenario(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|error| error.path).collect(),
    }
}
