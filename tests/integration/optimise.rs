//! The planner (`wuzha::optimise`): against exhaustive search on small grids, budgets, bounds and floors
//! always respected, a frontier that never goes down, the cheapest plan to a target, applying a result to
//! the file, determinism and incremental (Web Worker) use, and the tornado.

use crate::common;

use proptest::prelude::*;
use serde_json::{json, Value};
use wuzha::planner::{
    self, apply_to_file, optimise, Objective, OptimiseConfig, OptimiseResult, Optimiser, Variable, VariableKind,
};
use wuzha::Scenario;

/// One village, two half-year phases, a banner-like channel and door-to-door visits, a floor of 3 banners in
/// the first half, a reward in the first half, a budget cap, and an adoption target.
fn two_channels() -> Value {
    let mut value = common::minimal();
    value["phases"] = json!([
        { "id": "h1", "name": "上半年", "start": "2022-01-01", "end": "2022-06-30" },
        { "id": "h2", "name": "下半年", "start": "2022-07-01", "end": "2022-12-31" }
    ]);
    value["channels"] = json!([common::banner(), common::visits()]);
    value["schedule"] = json!([
        { "channel": "banner", "phase": "h1", "units": 4 },
        { "channel": "banner", "phase": "h2", "units": 4 },
        { "channel": "visit", "phase": "h1", "units": 2, "per": "week", "basis": "per_grid_worker" },
        { "channel": "visit", "phase": "h2", "units": 2, "per": "week", "basis": "per_grid_worker" }
    ]);
    value["floors"] = json!([{ "channel": "banner", "phase": "h1", "min_units_per_village": 3 }]);
    value["rewards"] = json!([{ "phase": "h1", "product": "national_app", "yuan_per_install": 2 }]);
    value["budget"] = json!({ "total_yuan": 3000 });
    value["targets"] = json!([
        { "id": "app_june", "name": "6月底安装率", "metric": "adoption", "product": "national_app",
          "threshold": 0.5, "deadline": "2022-06-30" }
    ]);
    value
}

fn scenario_of(value: &Value) -> Scenario {
    common::scenario(value)
}

/// Every grid point of a variable: low, low + step, …, and high.
fn levels(variable: &Variable) -> Vec<f64> {
    let mut levels = Vec::new();
    let mut value = variable.low;
    while value < variable.high - 1e-9 {
        levels.push(value);
        value += variable.step;
    }
    levels.push(variable.high);
    levels
}

/// A plan's values written into a scenario.
fn with_values(scenario: &Scenario, variables: &[Variable], values: &[f64]) -> Scenario {
    let mut planned = scenario.clone();
    for (variable, value) in variables.iter().zip(values) {
        match variable.kind {
            VariableKind::Schedule { line, .. } => planned.schedule[line].units = *value,
            VariableKind::Reward { reward, .. } => planned.rewards[reward].yuan_per_install = *value,
        }
    }
    planned
}

/// One grid point evaluated: objective, cash, floors met.
struct Point {
    objective: f64,
    cost: f64,
    floors_met: bool,
}

/// Every grid point of the optimiser's own variables, simulated once.
fn exhaustive(scenario: &Scenario, config: &OptimiseConfig) -> Vec<Point> {
    let variables = Optimiser::new(scenario, config.clone()).variables().to_vec();
    let grids: Vec<Vec<f64>> = variables.iter().map(levels).collect();
    let n_points: usize = grids.iter().map(Vec::len).product();
    let mut points = Vec::with_capacity(n_points);
    for mut code in 0..n_points {
        let values: Vec<f64> = grids
            .iter()
            .map(|grid| {
                let value = grid[code % grid.len()];
                code /= grid.len();
                value
            })
            .collect();
        let planned = with_values(scenario, &variables, &values);
        let outcome = wuzha::simulate(&planned);
        points.push(Point {
            objective: planner::measure(&planned, &config.objective, &outcome),
            cost: outcome.totals.cash_yuan,
            floors_met: outcome.floors.iter().all(|floor| floor.met),
        });
    }
    points
}

fn best_within(points: &[Point], budget: f64) -> Option<f64> {
    points
        .iter()
        .filter(|point| point.floors_met && point.cost <= budget + 1e-6)
        .map(|point| point.objective)
        .fold(None, |best: Option<f64>, objective| Some(best.map_or(objective, |best| best.max(objective))))
}

fn check_against_exhaustive(value: &Value, objective: Objective, include_rewards: bool, budgets: &[f64]) {
    let scenario = scenario_of(value);
    let mut config = OptimiseConfig::new(&scenario, objective);
    config.include_rewards = include_rewards;
    // One grid for every budget: the steps follow the reference budget, so fix it.
    config.budget_yuan = Some(3000.0);
    let points = exhaustive(&scenario, &config);
    let mut n_compared = 0;
    assert!(points.len() >= 100, "a real grid: {} points", points.len());
    for &budget in budgets {
        config.budget_yuan = Some(budget);
        config.grid_steps = (40.0 * budget / 3000.0).round() as usize; // the same spend step as above
        let result = optimise(&scenario, &config);
        let Some(best) = best_within(&points, budget) else {
            assert!(!result.suggested.within_constraints, "budget {budget}: nothing fits, yet {result:?}");
            println!("{objective:?} budget {budget}: no grid plan fits, and the optimiser says so");
            continue;
        };
        n_compared += 1;
        assert!(result.suggested.within_constraints, "budget {budget}: {}", result.summary_en);
        assert!(
            result.suggested.objective >= 0.99 * best,
            "budget {budget}: optimiser {} < 99 % of the exhaustive optimum {best} over {} points",
            result.suggested.objective,
            points.len()
        );
        println!(
            "{objective:?} budget {budget}: optimiser {:.6} / exhaustive {best:.6} = {:.4} ({} evaluations vs {} points)",
            result.suggested.objective,
            result.suggested.objective / best,
            result.evaluations,
            points.len()
        );
    }
    assert!(n_compared >= 2, "at least two budgets with a feasible plan");
}

#[test]
fn reaches_99_percent_of_the_exhaustive_optimum_for_cases_averted() {
    check_against_exhaustive(
        &two_channels(),
        Objective::CasesAverted,
        false,
        &[3000.0, 3600.0, 4000.0, 4500.0, 6000.0],
    );
}

#[test]
fn reaches_99_percent_of_the_exhaustive_optimum_for_adoption_with_a_reward() {
    let mut value = two_channels();
    // Two lines and the reward: banner and visits in the first half only.
    value["schedule"] = json!([
        { "channel": "banner", "phase": "h1", "units": 4 },
        { "channel": "visit", "phase": "h1", "units": 2, "per": "week", "basis": "per_grid_worker" },
        { "channel": "banner", "phase": "h2", "units": 0 }
    ]);
    check_against_exhaustive(
        &value,
        Objective::TargetValue { target: 0 },
        true,
        &[1500.0, 2000.0, 2500.0, 3000.0, 4000.0],
    );
}

#[test]
fn reaches_99_percent_of_the_exhaustive_optimum_with_three_channels_sharing_staff_hours() {
    // Lectures and visits both draw on the two grid workers' hours, so the channels interact.
    let mut value = two_channels();
    if let Some(channels) = value["channels"].as_array_mut() {
        channels.push(json!({
            "id": "lecture", "name": "讲座", "unit": "场", "cost_per_unit_yuan": 200, "reach_per_unit": 120,
            "staff_hours_per_unit": 3, "awareness_lift": 0.3, "adoption_lift": { "national_app": 0.02 },
            "carry_over_per_week": 0.1
        }));
    }
    value["schedule"] = json!([
        { "channel": "banner", "phase": "h1", "units": 4 },
        { "channel": "visit", "phase": "h1", "units": 2, "per": "week", "basis": "per_grid_worker" },
        { "channel": "lecture", "phase": "h1", "units": 3, "per": "month" }
    ]);
    check_against_exhaustive(&value, Objective::LossAverted, true, &[4500.0, 5000.0, 5500.0, 6000.0, 7000.0, 9000.0]);
}

/// The constraints a suggested plan must keep; `value` is the file the scenario was validated from.
fn check_constraints(value: &Value, result: &OptimiseResult, budget: f64) {
    assert!(result.suggested.within_constraints, "{}", result.summary_en);
    assert!(result.suggested.cost_yuan <= budget + 1e-6, "{} > {budget}", result.suggested.cost_yuan);
    for variable in &result.variables {
        let v = &variable.variable;
        assert!(
            variable.suggested >= v.low - 1e-9 && variable.suggested <= v.high + 1e-9,
            "{}: {} outside [{}, {}]",
            v.label,
            variable.suggested,
            v.low,
            v.high
        );
        if let VariableKind::Schedule { .. } = v.kind {
            assert_eq!(variable.suggested, variable.suggested.round(), "{}: whole units", v.label);
        }
    }
    let file: wuzha::ScenarioFile = serde_json::from_value(value.clone()).unwrap_or_else(|error| panic!("{error}"));
    let applied = apply_to_file(&file, result);
    let applied = wuzha::validate(&applied).unwrap_or_else(|errors| panic!("applied plan invalid: {errors:?}"));
    let outcome = wuzha::simulate(&applied);
    assert!(outcome.floors.iter().all(|floor| floor.met), "floors: {:?}", outcome.floors);
    assert_eq!(outcome.totals.cash_yuan, result.suggested.cost_yuan, "the applied file costs what was reported");
    for (phase, cap) in outcome.costs.by_phase.iter().zip(&applied.budget.per_phase_yuan) {
        assert!(cap.is_none_or(|cap| phase.total_yuan <= cap + 1e-6), "{}: {} > {cap:?}", phase.id, phase.total_yuan);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn budget_floors_bounds_and_caps_are_always_respected(
        budget in 1200.0f64..6000.0,
        floor in 0.0f64..6.0,
        low_factor in 0.0f64..0.9,
        high_factor in 1.0f64..3.0,
        phase_cap in proptest::option::of(800.0f64..3000.0),
        cases in any::<bool>(),
    ) {
        let mut value = two_channels();
        value["floors"][0]["min_units_per_village"] = json!(floor.round());
        if let Some(cap) = phase_cap {
            value["budget"]["per_phase_yuan"] = json!({ "h1": cap.round() });
        }
        let scenario = scenario_of(&value);
        let objective = if cases { Objective::CasesAverted } else { Objective::TargetValue { target: 0 } };
        let mut config = OptimiseConfig::new(&scenario, objective);
        config.budget_yuan = Some(budget);
        config.bounds.low_factor = low_factor;
        config.bounds.high_factor = high_factor;
        config.refine_sweeps = 1;
        let result = optimise(&scenario, &config);
        if result.suggested.within_constraints {
            check_constraints(&value, &result, budget);
        } else {
            // Only when even the plan at the lower bounds and floors does not fit the money.
            let over_cap = phase_cap.is_some_and(|cap| result.suggested.phase_cost_yuan[0] > cap.round() + 1e-6);
            prop_assert!(result.suggested.cost_yuan > budget + 1e-6 || over_cap, "{}", result.summary_en);
            prop_assert!(result.summary_en.contains("cannot pay"), "{}", result.summary_en);
        }
    }
}

#[test]
fn the_frontier_never_goes_down_as_the_budget_rises() {
    for objective in [Objective::CasesAverted, Objective::TargetValue { target: 0 }] {
        let scenario = scenario_of(&two_channels());
        let mut config = OptimiseConfig::new(&scenario, objective);
        config.bounds.low_factor = 0.0;
        config.refine_sweeps = 1;
        let frontier = planner::frontier(&scenario, &config, 12, None, |_, _| true);
        assert!(frontier.complete);
        assert_eq!(frontier.points.len(), 12);
        assert_eq!(frontier.points[0].budget_yuan, 0.0);
        let last = frontier.points[11].budget_yuan;
        assert!((last - 2.0 * frontier.current_cost_yuan).abs() < 1e-6, "{last} vs {}", frontier.current_cost_yuan);
        let mut previous: Option<f64> = None;
        let mut seen_feasible = false;
        for point in &frontier.points {
            if seen_feasible {
                assert!(point.feasible, "once feasible, a larger budget stays feasible: {point:?}");
            }
            if let Some(objective) = point.objective {
                seen_feasible = true;
                assert!(point.cost_yuan.is_some_and(|cost| cost <= point.budget_yuan + 1e-6), "{point:?}");
                if let Some(previous) = previous {
                    assert!(objective >= previous, "{objective} < {previous} at {}", point.budget_yuan);
                }
                previous = Some(objective);
            }
        }
        assert!(seen_feasible);
        let top = previous.unwrap_or(f64::NAN);
        assert!(top >= frontier.current_objective, "at twice the draft's cash: {top} < {}", frontier.current_objective);
    }
}

/// The allocation scaled by `factor`: schedule units and rewards.
fn scaled(scenario: &Scenario, result: &OptimiseResult, factor: f64) -> Scenario {
    let variables: Vec<Variable> = result.variables.iter().map(|variable| variable.variable.clone()).collect();
    let values: Vec<f64> = result.allocation().iter().map(|value| value * factor).collect();
    with_values(scenario, &variables, &values)
}

/// [`two_channels`] with finely divisible lines (township totals of cheap units), so that 95 % of a plan is
/// a real cut and not a rounding: 1 500 banner-days at 1 yuan, 400 visit days in the first half.
fn fine_grained() -> Value {
    let mut value = two_channels();
    value["channels"][0]["cost_per_unit_yuan"] = json!(1);
    value["channels"][0]["reach_per_unit"] = json!(20);
    value["schedule"] = json!([
        { "channel": "banner", "phase": "h1", "units": 1500, "basis": "township_total" },
        { "channel": "banner", "phase": "h2", "units": 1500, "basis": "township_total" },
        { "channel": "visit", "phase": "h1", "units": 200, "basis": "township_total" },
        { "channel": "visit", "phase": "h2", "units": 200, "basis": "township_total" }
    ]);
    value["floors"] = json!([]);
    value
}

#[test]
fn the_cheapest_plan_meets_its_target_and_95_percent_of_it_does_not() {
    for threshold in [0.3, 0.4, 0.5, 0.6] {
        let mut value = fine_grained();
        value["targets"][0]["threshold"] = json!(threshold);
        let scenario = scenario_of(&value);
        let mut config = OptimiseConfig::new(&scenario, Objective::MinCost { target: 0, probability: None });
        config.bounds.low_factor = 0.0;
        let result = optimise(&scenario, &config);
        assert_eq!(result.suggested.target_met, Some(true), "{threshold}: {}", result.summary_en);
        assert!(result.summary_zh.contains("最低费用"), "{}", result.summary_zh);
        let outcome = wuzha::simulate(&scaled(&scenario, &result, 1.0));
        assert!(outcome.targets[0].met);
        let outcome = wuzha::simulate(&scaled(&scenario, &result, 0.95));
        assert!(
            !outcome.targets[0].met,
            "{threshold}: at 95 % ({} yuan vs {}) the target is still met: {:?}",
            outcome.totals.cash_yuan, result.suggested.cost_yuan, outcome.targets[0].value_at_deadline
        );
        println!(
            "min cost to {threshold}: {:.0} yuan ({} evaluations); at 95 %: {:.4}",
            result.suggested.cost_yuan,
            result.evaluations,
            outcome.targets[0].value_at_deadline.unwrap_or(f64::NAN)
        );
    }
}

#[test]
fn no_whole_unit_plan_under_95_percent_of_the_cheapest_meets_the_target() {
    // Coarse lines (whole banners, whole visit days per grid worker and week): check every plan of the grid.
    for (threshold, floor) in [(0.35, 0.0), (0.45, 0.0), (0.55, 3.0)] {
        let mut value = two_channels();
        value["schedule"] = json!([
            { "channel": "banner", "phase": "h1", "units": 4 },
            { "channel": "visit", "phase": "h1", "units": 2, "per": "week", "basis": "per_grid_worker" }
        ]);
        value["targets"][0]["threshold"] = json!(threshold);
        value["floors"][0]["min_units_per_village"] = json!(floor);
        let scenario = scenario_of(&value);
        let mut config = OptimiseConfig::new(&scenario, Objective::MinCost { target: 0, probability: None });
        config.bounds.low_factor = 0.0;
        config.bounds.high_factor = 4.0;
        config.include_rewards = false;
        let result = optimise(&scenario, &config);
        assert_eq!(result.suggested.target_met, Some(true), "{threshold}: {}", result.summary_en);
        let variables: Vec<Variable> = result.variables.iter().map(|variable| variable.variable.clone()).collect();
        let mut n_plans = 0;
        for banners in 0..=16 {
            for visit_days in 0..=8 {
                let planned = with_values(&scenario, &variables, &[f64::from(banners), f64::from(visit_days)]);
                let outcome = wuzha::simulate(&planned);
                let meets = outcome.targets[0].met && outcome.floors.iter().all(|floor| floor.met);
                if meets {
                    assert!(
                        outcome.totals.cash_yuan > 0.95 * result.suggested.cost_yuan,
                        "{threshold}: {banners} banners and {visit_days} visit days cost {} and meet it; the optimiser's plan costs {}",
                        outcome.totals.cash_yuan,
                        result.suggested.cost_yuan
                    );
                }
                n_plans += 1;
            }
        }
        assert_eq!(n_plans, 153);
    }
}

#[test]
fn the_cheapest_plan_with_a_probability_meets_it_in_that_share_of_runs() {
    let scenario = scenario_of(&two_channels());
    let mut config = OptimiseConfig::new(&scenario, Objective::MinCost { target: 0, probability: Some(0.8) });
    config.bounds.low_factor = 0.0;
    config.bounds.high_factor = 4.0;
    config.n_runs = 10;
    let result = optimise(&scenario, &config);
    assert_eq!(result.suggested.target_met, Some(true), "{}", result.summary_en);
    assert!(result.suggested.objective >= 0.8, "{}", result.suggested.objective);
    // The same runs of the suggested plan, counted here.
    let planned = scaled(&scenario, &result, 1.0);
    let mc = wuzha::uncertainty::MonteCarloConfig { n_runs: 10, seed: scenario.seed, noise: false };
    let n_met = (0..10).filter(|run| wuzha::uncertainty::run_one(&planned, &mc, *run).targets[0].met).count();
    assert!(n_met >= 8, "{n_met} of 10");
}

#[test]
fn applying_a_result_gives_a_valid_file_that_simulates_to_the_suggested_plan() {
    let value = two_channels();
    let file: wuzha::ScenarioFile = serde_json::from_value(value.clone()).unwrap_or_else(|error| panic!("{error}"));
    let scenario = scenario_of(&value);
    let mut config = OptimiseConfig::new(&scenario, Objective::CasesAverted);
    config.budget_yuan = Some(2500.0);
    let result = optimise(&scenario, &config);
    let applied = apply_to_file(&file, &result);
    let text = wuzha::format::json::to_json(&applied);
    let (_, reparsed) = wuzha::parse_scenario(&text).unwrap_or_else(|errors| panic!("{errors:?}"));
    let outcome = wuzha::simulate(&reparsed);
    assert_eq!(outcome.totals.cases_averted, result.suggested.objective);
    assert_eq!(outcome.totals.cash_yuan, result.suggested.cost_yuan);
    assert_eq!(applied.budget.total_yuan, Some(2500.0));
    // Everything but the decision variables and the budget is untouched.
    let mut restored = applied.clone();
    for (entry, original) in restored.schedule.iter_mut().zip(&file.schedule) {
        entry.units = original.units;
    }
    for (reward, original) in restored.rewards.iter_mut().zip(&file.rewards) {
        reward.yuan_per_install = original.yuan_per_install;
    }
    restored.budget = file.budget.clone();
    assert_eq!(restored, file);
}

#[test]
fn the_same_seed_gives_the_same_result_and_slices_change_nothing() {
    let scenario = scenario_of(&two_channels());
    for objective in [Objective::CasesAverted, Objective::TargetProbability { target: 0 }] {
        let mut config = OptimiseConfig::new(&scenario, objective);
        config.n_runs = 6;
        config.refine_sweeps = 1;
        let once = optimise(&scenario, &config);
        let again = optimise(&scenario, &config);
        assert_eq!(once, again);
        assert_eq!(serde_json::to_string(&once).ok(), serde_json::to_string(&again).ok());
        // The Web Worker way: small slices, progress in between.
        let mut optimiser = Optimiser::new(&scenario, config.clone());
        let mut last_evaluations = 0;
        loop {
            let progress = optimiser.step(7);
            assert!(progress.evaluations >= last_evaluations);
            last_evaluations = progress.evaluations;
            if progress.done {
                break;
            }
        }
        assert_eq!(optimiser.finish(), once);
    }
}

#[test]
fn a_cancelled_run_returns_the_best_plan_so_far() {
    let scenario = scenario_of(&two_channels());
    let config = OptimiseConfig::new(&scenario, Objective::CasesAverted);
    let mut optimiser = Optimiser::new(&scenario, config);
    let progress = optimiser.step(5);
    assert!(!progress.done);
    let result = optimiser.finish();
    assert!(!result.complete);
    assert!(result.suggested.within_constraints);
    assert!(result.variables.iter().all(|variable| variable.marginal_per_1000_yuan.is_none()));
    assert!(result.summary_zh.starts_with("（已中止"), "{}", result.summary_zh);
}

#[test]
fn marginal_returns_explain_the_optimum() {
    let scenario = scenario_of(&two_channels());
    let mut config = OptimiseConfig::new(&scenario, Objective::CasesAverted);
    config.budget_yuan = Some(2500.0);
    let result = optimise(&scenario, &config);
    let best = result.best_next.map(|idx| &result.variables[idx]);
    let best_gain = best.and_then(|variable| variable.marginal_per_1000_yuan).unwrap_or(f64::NAN);
    assert!(best_gain > 0.0, "{result:?}");
    for variable in &result.variables {
        if let Some(gain) = variable.marginal_per_1000_yuan {
            assert!(gain <= best_gain, "{}: {gain} > {best_gain}", variable.variable.label);
        }
        if variable.suggested >= variable.variable.high {
            assert_eq!(variable.marginal_per_1000_yuan, None, "{}", variable.variable.label);
        }
    }
    let label = best.map(|variable| variable.variable.label.clone()).unwrap_or_default();
    let place = label.split(" · ").nth(1).unwrap_or_default().to_string();
    assert!(result.summary_zh.contains(&place) && result.summary_en.contains(&place), "{place}: {}", result.summary_en);
}

#[test]
fn the_tornado_ranks_every_ranged_number_by_its_swing() {
    let text = include_str!("../../scenarios/honglin-2022.json");
    let (_, scenario) = wuzha::parse_scenario(text).unwrap_or_else(|errors| panic!("{errors:?}"));
    // The list follows the order in which the parameter vector is built.
    let mut picked = Vec::new();
    wuzha::engine::simulate::Params::from_scenario(&scenario, |uncertain| {
        picked.push(uncertain);
        uncertain.value
    });
    let numbers = planner::sensitivity::uncertain_numbers(&scenario);
    assert_eq!(numbers.iter().map(|(_, _, uncertain)| *uncertain).collect::<Vec<_>>(), picked);
    let tornado = planner::sensitivity(&scenario, &Objective::CasesAverted);
    let n_ranged = picked.iter().filter(|uncertain| uncertain.low < uncertain.high).count();
    assert_eq!(tornado.bars.len(), n_ranged);
    assert!((tornado.base - wuzha::simulate(&scenario).totals.cases_averted).abs() < 1e-12);
    assert!(tornado.bars.windows(2).all(|pair| pair[0].swing >= pair[1].swing));
    let top = &tornado.bars[0];
    assert!(top.swing > 0.0 && top.low < top.high, "{top:?}");
    // The awareness risk cut drives cases averted directly: it must rank high.
    let rank = tornado.bars.iter().position(|bar| bar.path == "behaviour.risk_cut_aware").unwrap_or(usize::MAX);
    assert!(
        rank < 5,
        "risk_cut_aware ranks {rank}: {:?}",
        tornado.bars.iter().take(5).map(|b| &b.path).collect::<Vec<_>>()
    );
}

#[test]
fn a_bad_configuration_is_named_and_never_panics() {
    let scenario = scenario_of(&two_channels());
    assert_eq!(OptimiseConfig::new(&scenario, Objective::CasesAverted).validate(&scenario), Ok(()));
    let mut config = OptimiseConfig::new(&scenario, Objective::TargetValue { target: 7 });
    config.budget_yuan = Some(f64::NAN);
    config.bounds.high_factor = -1.0;
    config.n_runs = 0;
    config.start = Some(vec![f64::INFINITY; 2]);
    let paths: Vec<String> =
        config.validate(&scenario).err().unwrap_or_default().into_iter().map(|error| error.path).collect();
    assert_eq!(paths, ["objective.target", "budget_yuan", "bounds.high_factor", "n_runs"]);
    let result = optimise(&scenario, &config);
    assert_eq!(result.target_id, None);
    assert!(result.suggested.within_constraints, "{}", result.summary_en);
    let adoption = Objective::Adoption { product: 3, date: wuzha::Date::from_ymd(2030, 1, 1).unwrap_or(scenario.end) };
    let paths: Vec<String> = OptimiseConfig::new(&scenario, adoption)
        .validate(&scenario)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|error| error.path)
        .collect();
    assert_eq!(paths, ["objective.product", "objective.date"]);
}

#[test]
fn every_shipped_scenario_optimises_within_its_constraints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let (file, scenario) = wuzha::parse_scenario(&text).unwrap_or_else(|errors| panic!("{errors:?}"));
        let mut config = OptimiseConfig::new(&scenario, Objective::CasesAverted);
        // A coarse grid and no refinement: this test is about constraints, not about the best plan.
        config.grid_steps = 10;
        config.refine_sweeps = 0;
        // 洪林镇 to the end; the others (slow in a debug build) stopped after 40 simulations, as a cancel
        // would: a result stopped early keeps the constraints too.
        let honglin = path.ends_with("honglin-2022.json");
        let mut optimiser = Optimiser::new(&scenario, config);
        while !optimiser.step(40).done && honglin {}
        let result = optimiser.finish();
        assert_eq!(result.complete, honglin);
        let budget = result.budget_yuan.unwrap_or(f64::NAN);
        if result.suggested.within_constraints {
            check_constraints(&serde_json::to_value(&file).unwrap_or_default(), &result, budget);
            let draft_fits = result.draft.within_constraints;
            assert!(!result.complete || !draft_fits || result.suggested.objective >= result.draft.objective);
        } else {
            assert!(result.summary_en.contains("cannot pay"), "{}: {}", path.display(), result.summary_en);
        }
        if honglin {
            assert_eq!(result.budget_yuan, Some(80_000.0));
            assert!(result.suggested.objective > result.draft.objective, "{}", result.summary_en);
            assert!(result.summary_zh.contains("下一个1万元用于"), "{}", result.summary_zh);
            assert!(result.summary_en.contains("The next 10 000 yuan buys most as"), "{}", result.summary_en);
        }
        println!("{}: {} ({} evaluations)", path.display(), result.summary_en, result.evaluations);
    }
}
