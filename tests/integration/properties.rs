//! Property tests over generated scenarios: shares stay in [0, 1], adoption never exceeds the smartphone
//! share, costs are non-negative and never fall, more units of a channel never give fewer installs,
//! and a scenario file survives save → open unchanged, fields this build does not know included.

use crate::common;

use proptest::prelude::*;
use serde_json::{json, Value};

/// A generated scenario: 1-3 villages, 2 segments, 2 products, a banner and a visit channel,
/// two overlapping phases, a reward and behavioural parameters drawn from their ranges.
pub(crate) fn scenario_strategy() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((100i64..20_000, 1.5f64..4.0, 0i64..12), 1..4),
        (0.05f64..0.95, 0.0f64..1.0, 0.0f64..1.0),
        (0.0f64..0.003, 0.0f64..0.03, 0.0f64..0.003),
        (0.0f64..20.0, 0.0f64..3.0, 0.0f64..0.9),
        (0.0f64..10.0, 0.5f64..3.0, 0.1f64..1.0, 0.0f64..1.0),
        (14.0f64..90.0, 0.0f64..1.0),
    )
        .prop_map(|(villages, segments, product, schedule, channel, behaviour)| {
            let (share, smartphone_a, smartphone_b) = segments;
            let (p0, q, uninstall_rate) = product;
            let (banner_units, visit_units, carry_over) = schedule;
            let (reward, hill_alpha, hill_gamma, conversion) = channel;
            let (half_life, m0) = behaviour;
            let villages: Vec<Value> = villages
                .iter()
                .enumerate()
                .map(|(idx, (residents, people_per_household, grid_workers))| {
                    let households = ((*residents as f64) / people_per_household).max(1.0) as i64;
                    json!({ "id": format!("v{idx}"), "name": format!("村{idx}"), "residents": residents,
                            "households": households, "grids": grid_workers, "grid_workers": grid_workers })
                })
                .collect();
            let mut value = common::minimal();
            value["villages"] = json!(villages);
            value["segments"] = json!([
                { "id": "young", "name": "青年", "share": share, "smartphone_share": smartphone_a, "victim_share": 0.6, "loss_per_case_yuan": 20000 },
                { "id": "old", "name": "老年", "share": 1.0 - share, "smartphone_share": smartphone_b, "victim_share": 0.4, "loss_per_case_yuan": 50000,
                  "initial_adopted": { "app": 0.0 } }
            ]);
            value["products"] = json!([
                { "id": "app", "name": "App", "p0": p0, "q": q, "uninstall_rate": uninstall_rate, "risk_cut": 0.15 },
                { "id": "jzz", "name": "金钟罩", "p0": p0 / 2.0, "q": q, "uninstall_rate": 0.0, "risk_cut": 0.1 }
            ]);
            let mut banner = common::banner();
            banner["carry_over_per_week"] = json!(carry_over);
            banner["hill_alpha"] = json!(hill_alpha);
            banner["hill_gamma"] = json!(hill_gamma);
            banner["adoption_lift"] = json!({ "app": 0.01, "jzz": 0.005 });
            banner["affinity"] = json!({ "young": 2.0 });
            let mut visit = common::visits();
            visit["install_conversion"] = json!({ "app": conversion, "jzz": conversion / 2.0 });
            value["channels"] = json!([banner, visit]);
            value["phases"] = json!([
                { "id": "push", "name": "集中宣传", "start": "2022-03-01", "end": "2022-06-30" },
                { "id": "all_year", "name": "全年", "start": "2022-01-01", "end": "2022-12-31" }
            ]);
            value["schedule"] = json!([
                { "channel": "banner", "phase": "push", "units": banner_units },
                { "channel": "visit", "phase": "push", "units": visit_units, "per": "week", "basis": "per_grid_worker" }
            ]);
            value["rewards"] = json!([{ "phase": "push", "product": "app", "yuan_per_install": reward }]);
            value["targets"] = json!([{ "id": "t", "name": "目标", "metric": "adoption", "product": "app", "threshold": 0.5, "deadline": "2022-06-30" }]);
            value["behaviour"] = json!({ "awareness_half_life_days": half_life, "awareness_gate_m0": m0 });
            value
        })
}

fn within_unit_interval(values: &[f64]) -> bool {
    values.iter().all(|value| (0.0..=1.0).contains(value))
}

fn non_decreasing(values: &[f64]) -> bool {
    values.windows(2).all(|pair| pair[1] >= pair[0]) && values.iter().all(|value| *value >= 0.0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn shares_stay_in_range_and_costs_only_grow(value in scenario_strategy()) {
        let scenario = common::scenario(&value);
        let outcome = wuzha::simulate(&scenario);
        prop_assert!(within_unit_interval(&outcome.daily.reached));
        prop_assert!(within_unit_interval(&outcome.daily.aware));
        for (product_idx, adopted) in outcome.daily.adopted.iter().enumerate() {
            prop_assert!(within_unit_interval(adopted));
            for (segment_idx, series) in outcome.daily.adopted_by_segment[product_idx].iter().enumerate() {
                let cap = scenario.segments[segment_idx].smartphone_share + 1e-12;
                prop_assert!(series.iter().all(|share| *share <= cap && *share >= 0.0));
            }
        }
        prop_assert!(non_decreasing(&outcome.daily.cash_cost_cum));
        prop_assert!(non_decreasing(&outcome.daily.rewards_paid_cum));
        prop_assert!(non_decreasing(&outcome.daily.staff_hours_cum));
        prop_assert!(non_decreasing(&outcome.daily.cases_expected_cum));
        prop_assert!(outcome.totals.cases_expected <= outcome.totals.counterfactual_cases + 1e-9);
        prop_assert!(outcome.assessment.total >= 0.0 && outcome.assessment.total <= outcome.assessment.total_max);
        let totals = &outcome.totals;
        for figure in [totals.cash_yuan, totals.rewards_paid_yuan, totals.staff_hours, totals.cases_expected, totals.loss_yuan, totals.counterfactual_cases] {
            prop_assert!(figure.is_finite() && figure >= 0.0, "{}", figure);
        }
    }

    #[test]
    fn more_units_of_a_channel_never_give_fewer_installs(value in scenario_strategy(), extra in 0.5f64..10.0, channel_idx in 0usize..2) {
        let base = wuzha::simulate(&common::scenario(&value));
        let mut more = value.clone();
        let units = more["schedule"][channel_idx]["units"].as_f64().unwrap_or(0.0);
        more["schedule"][channel_idx]["units"] = json!(units + extra);
        let richer = wuzha::simulate(&common::scenario(&more));
        for product_idx in 0..2 {
            let before = base.daily.adopted[product_idx].last().copied().unwrap_or(0.0);
            let after = richer.daily.adopted[product_idx].last().copied().unwrap_or(0.0);
            prop_assert!(after >= before - 1e-12, "product {}: {} < {}", product_idx, after, before);
        }
    }

    #[test]
    fn save_then_open_gives_the_same_scenario(value in scenario_strategy()) {
        let file: wuzha::ScenarioFile = serde_json::from_value(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = wuzha::format::json::to_json(&file);
        let (reopened, scenario) = wuzha::parse_scenario(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&reopened, &file);
        prop_assert_eq!(scenario, wuzha::validate(&file).map_err(|e| TestCaseError::fail(format!("{e:?}")))?);
    }

    #[test]
    fn save_then_open_keeps_unknown_fields(value in scenario_strategy(), place in 0usize..5, extra in -1e6f64..1e6) {
        let mut value = value;
        let slot = match place {
            0 => &mut value,
            1 => &mut value["villages"][0],
            2 => &mut value["channels"][0],
            3 => &mut value["behaviour"],
            _ => &mut value["products"][1],
        };
        if let Some(object) = slot.as_object_mut() {
            object.insert("x_extra".into(), json!({ "kept": extra, "list": [1, "二"] }));
        }
        let imported = wuzha::import(&value.to_string()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(imported.warnings.len(), 1);
        prop_assert!(imported.warnings[0].path.ends_with("x_extra"));
        let reopened = wuzha::import(&wuzha::format::json::to_json(&imported.file)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&reopened.warnings, &imported.warnings);
        prop_assert_eq!(reopened.file, imported.file);
    }
}

/// A scenario near the field table's limits: a village of 1 or 2 000 000 residents (households from 1 to all
/// of them), a segment as small as the smallest share allowed, daily rates at their bounds, rewards up to
/// 1 000 yuan, millions of units, the most cases last year the population allows, losses at their maximum.
fn near_limits_strategy() -> impl Strategy<Value = Value> {
    (
        (prop_oneof![Just(1i64), Just(100i64), Just(2_000_000i64)], 0.0f64..=1.0),
        (prop_oneof![Just(1e-6), Just(0.5), Just(1.0 - 1e-6)], prop_oneof![Just(1e-6), Just(1.0)]),
        (prop_oneof![Just(0.0), Just(0.1)], prop_oneof![Just(0.0), Just(0.5)], prop_oneof![Just(0.0), Just(0.05)]),
        (prop_oneof![Just(0.0), Just(1000.0)], prop_oneof![Just(0.0), Just(1.0), Just(10_000_000.0)]),
        (prop_oneof![Just(0.0), Just(1.0)], prop_oneof![Just(1.0), Just(1e9)]),
    )
        .prop_map(|(village, segment, rates, plan, last_year)| {
            let (residents, household_fraction) = village;
            let households = ((residents as f64 * household_fraction).round() as i64).clamp(1, residents);
            let (small_share, smartphone) = segment;
            let (p0, q, uninstall_rate) = rates;
            let (reward, units): (f64, f64) = plan;
            let (cases_fraction, loss_per_case) = last_year;
            let most_cases = (residents as f64 * 0.05).max(20.0).floor();
            let mut value = common::minimal();
            value["villages"] = json!([{ "id": "v", "name": "村", "residents": residents, "households": households,
                                         "grids": 1, "grid_workers": 1 }]);
            value["segments"] = json!([
                { "id": "small", "name": "小", "share": small_share, "smartphone_share": smartphone, "victim_share": small_share,
                  "loss_per_case_yuan": loss_per_case },
                { "id": "rest", "name": "余", "share": 1.0 - small_share, "smartphone_share": 1.0, "victim_share": 1.0 - small_share,
                  "loss_per_case_yuan": loss_per_case }
            ]);
            value["products"] = json!([
                { "id": "app", "name": "App", "p0": p0, "q": q, "uninstall_rate": uninstall_rate, "risk_cut": 1.0 }
            ]);
            value["channels"] = json!([common::banner(), common::visits()]);
            value["channels"][0]["adoption_lift"] = json!({ "app": 1.0 });
            value["channels"][1]["install_conversion"] = json!({ "app": 1.0 });
            value["schedule"] = json!([
                { "channel": "banner", "phase": "all_year", "units": units },
                { "channel": "visit", "phase": "all_year", "units": units.min(1000.0), "per": "week", "basis": "per_grid_worker" }
            ]);
            value["rewards"] = json!([{ "phase": "all_year", "product": "app", "yuan_per_install": reward }]);
            value["last_year"] = json!({ "cases_total": (most_cases * cases_fraction).floor() });
            value["targets"] = json!([{ "id": "t", "name": "目标", "metric": "adoption", "product": "app", "threshold": 0.5, "deadline": "2022-06-30" }]);
            value
        })
}

/// True if `text` holds `NaN` or `inf` as a token (Debug and CSV print non-finite numbers so).
fn has_non_finite(text: &str) -> bool {
    let bytes = text.as_bytes();
    ["NaN", "inf"].iter().any(|token| {
        text.match_indices(token).any(|(at, _)| {
            let before = at.checked_sub(1).map(|idx| bytes[idx]);
            let after = bytes.get(at + token.len()).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn no_output_holds_nan_or_infinity_near_the_bounds(value in near_limits_strategy()) {
        let scenario = match wuzha::parse_scenario(&value.to_string()) {
            Ok((_, scenario)) => scenario,
            Err(errors) => return Err(TestCaseError::fail(format!("near-limit scenario refused: {errors:?}"))),
        };
        let outcome = wuzha::simulate(&scenario);
        // Debug prints every number of the Outcome as it is (JSON would turn NaN into null).
        prop_assert!(!has_non_finite(&format!("{outcome:?}")), "non-finite number in the Outcome of {}", value);
        let csv = wuzha::export::daily_csv(&outcome);
        prop_assert!(!has_non_finite(&csv), "non-finite number in the CSV of {}", value);
        let json = serde_json::to_value(outcome.summary()).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let json_debug = format!("{json:?}");
        prop_assert!(!has_non_finite(&json_debug));
    }
}

/// The Debug text of `value` and of its JSON (as a `serde_json::Value`, whose Debug shows the numbers JSON kept).
fn debug_and_json<T: std::fmt::Debug + serde::Serialize>(value: &T) -> Result<String, TestCaseError> {
    let json = serde_json::to_value(value).map_err(|error| TestCaseError::fail(error.to_string()))?;
    Ok(format!("{value:?}\n{json:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// A Monte Carlo summary (a few runs, with process noise) and an optimiser result (a tiny grid, for the cases
    /// averted and for the chance of meeting the target) hold no NaN or infinity near the bounds either.
    #[test]
    fn monte_carlo_and_optimiser_results_hold_no_nan_or_infinity_near_the_bounds(value in near_limits_strategy()) {
        use wuzha::planner::{optimise, Objective, OptimiseConfig};
        let scenario = match wuzha::parse_scenario(&value.to_string()) {
            Ok((_, scenario)) => scenario,
            Err(errors) => return Err(TestCaseError::fail(format!("near-limit scenario refused: {errors:?}"))),
        };
        let config = wuzha::uncertainty::MonteCarloConfig { n_runs: 3, seed: scenario.seed, noise: true };
        let summary = wuzha::uncertainty::run_batch(&scenario, &config, |_| {});
        prop_assert!(!has_non_finite(&debug_and_json(&summary)?), "non-finite number in the Monte Carlo summary of {}", value);
        for objective in [Objective::CasesAverted, Objective::TargetProbability { target: 0 }] {
            let mut config = OptimiseConfig::new(&scenario, objective);
            config.grid_steps = 4;
            config.refine_sweeps = 1;
            config.n_runs = 2;
            let result = optimise(&scenario, &config);
            prop_assert!(!has_non_finite(&debug_and_json(&result)?), "non-finite number in the optimiser's result of {}", value);
        }
    }
}

#[test]
fn the_non_finite_detector_finds_nan_and_inf_tokens_only() {
    assert!(has_non_finite("cash: NaN,") && has_non_finite("[1.0, inf]") && has_non_finite("-inf\n"));
    assert!(!has_non_finite("info, infinite_loop, NaNa, 1.5"));
}
