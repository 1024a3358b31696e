//! One test per equation of MODEL.md, each on a tiny scenario whose answer can be computed by hand:
//! reach, awareness decay and lift, carry-over, door-to-door capacity, staff rationing, rewards
//! (effort, payouts, gaming), cases and loss, budget run-out, floors, partial months.

use crate::common;

use serde_json::json;
use wuzha::engine::simulate::{daily_carry_over, effort, gaming_ratio, hill};

const TOLERANCE: f64 = 1e-12;

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() <= TOLERANCE * expected.abs().max(1.0), "{what}: {actual} vs {expected}");
}

/// The minimal scenario with no spontaneous adoption.
fn quiet() -> serde_json::Value {
    let mut value = common::minimal();
    value["products"][0]["p0"] = json!(0.0);
    value
}

#[test]
fn reach_accumulates_one_minus_exp_of_exposure() {
    // v2: with an audience of 1 the v1 equation holds; with the catalog's 0.6 for banners, reach saturates at 0.6.
    for (audience, file_audience) in [(1.0, json!({ "all": 1.0 })), (0.6, json!({}))] {
        let mut value = quiet();
        value["channels"] = json!([common::banner()]);
        value["channels"][0]["audience"] = file_audience;
        value["schedule"] = json!([{ "channel": "banner", "phase": "all_year", "units": 1, "per": "day" }]);
        let outcome = common::outcome(&value);
        let exposure = 300.0 / 1000.0;
        for (day_idx, reached) in outcome.daily.reached.iter().enumerate().take(30) {
            let expected = audience * (1.0 - (-exposure / audience * (day_idx + 1) as f64).exp());
            assert_close(*reached, expected, "reached");
        }
    }
}

#[test]
fn awareness_fades_with_its_half_life() {
    let mut value = quiet();
    value["segments"][0]["initial_aware"] = json!(0.5);
    value["behaviour"]["awareness_half_life_days"] = json!(30);
    let outcome = common::outcome(&value);
    let decay = std::f64::consts::LN_2 / 30.0;
    let mut aware = 0.5_f64;
    for simulated in outcome.daily.aware.iter().take(100) {
        aware -= decay * aware;
        assert_close(*simulated, aware, "aware");
    }
}

#[test]
fn awareness_lift_and_adoption_lift_use_saturated_adstock() {
    let mut value = quiet();
    value["channels"] = json!([common::banner()]);
    // One banner on 2022-01-01 only, then its effect carries over.
    value["phases"] = json!([{ "id": "day_one", "name": "首日", "start": "2022-01-01", "end": "2022-01-01" }]);
    value["schedule"] = json!([{ "channel": "banner", "phase": "day_one", "units": 1 }]);
    let outcome = common::outcome(&value);
    let exposure = 0.3;
    let theta = daily_carry_over(0.4);
    let decay = std::f64::consts::LN_2 / 30.0;
    let (mut adstock, mut aware, mut adopted) = (0.0_f64, 0.0_f64, 0.0_f64);
    for day_idx in 0..40 {
        let x = if day_idx == 0 { exposure } else { 0.0 };
        adstock = x + theta * adstock;
        let saturation = hill(adstock, 1.0, 0.5);
        // m0 = 1 in the fixture, so the gate is 1 whatever the awareness.
        adopted += (1.0 - adopted) * (1.0 - (-(0.004 * saturation)).exp());
        aware = aware + (1.0 - aware) * (1.0 - (-(0.05 * saturation)).exp()) - decay * aware;
        assert_close(outcome.daily.aware[day_idx], aware, "aware");
        assert_close(outcome.daily.adopted[0][day_idx], adopted, "adopted");
    }
}

#[test]
fn the_awareness_gate_scales_adoption_by_m0_for_the_unaware() {
    let mut value = quiet();
    value["products"][0]["p0"] = json!(0.01);
    value["behaviour"]["awareness_gate_m0"] = json!(0.25);
    let outcome = common::outcome(&value);
    assert_close(outcome.daily.adopted[0][0], 1.0 - (-0.01_f64 * 0.25).exp(), "gated adoption");
}

#[test]
fn door_to_door_visits_are_bounded_by_staff_hours_and_households() {
    let mut value = quiet();
    value["channels"] = json!([common::visits()]);
    value["schedule"] =
        json!([{ "channel": "visit", "phase": "all_year", "units": 1, "per": "day", "basis": "per_grid_worker" }]);
    let outcome = common::outcome(&value);
    // 2 workers × 2 hours × 4 visits an hour = 16 of 400 households a day, converting half of them.
    assert_close(outcome.daily.adopted[0][0], 16.0 / 400.0 * 0.5, "first day's installs");
    let visit = &outcome.costs.by_channel[0];
    assert_close(visit.households_visited, 16.0 * 365.0, "households visited");
    assert_close(visit.cash_yuan, 2.0 * 10.0 * 365.0, "cash");
    assert_close(outcome.totals.staff_hours, 4.0 * 365.0, "staff hours");
    assert_close(outcome.costs.staff_hours_short, 0.0, "no shortfall");
}

#[test]
fn staff_hours_are_rationed_when_the_schedule_asks_for_more() {
    let mut value = quiet();
    value["channels"] = json!([common::visits()]);
    // 3 visit days per worker per day = 12 hours asked, 4 available: a third is delivered.
    value["schedule"] =
        json!([{ "channel": "visit", "phase": "all_year", "units": 3, "per": "day", "basis": "per_grid_worker" }]);
    let outcome = common::outcome(&value);
    let visit = &outcome.costs.by_channel[0];
    assert_close(visit.units_planned, 6.0 * 365.0, "planned");
    assert_close(visit.units_delivered, 2.0 * 365.0, "delivered");
    assert_close(outcome.costs.staff_hours_short, 8.0 * 365.0, "shortfall");
}

#[test]
fn rewards_raise_effort_and_pay_for_real_and_unverified_claims() {
    let mut value = quiet();
    value["products"][0]["p0"] = json!(0.01);
    value["rewards"] = json!([{ "phase": "all_year", "product": "national_app", "yuan_per_install": 2 }]);
    let outcome = common::outcome(&value);
    let multiplier = effort(2.0, 1.0, 2.0);
    assert_close(multiplier, 1.5, "E(2)");
    let first_day_share = 1.0 - (-0.01_f64 * multiplier).exp();
    assert_close(outcome.daily.adopted[0][0], first_day_share, "installs with effort");
    let installs = first_day_share * 1000.0;
    let false_claims = installs * gaming_ratio(2.0, 0.3, 5.0);
    let paid = 2.0 * (installs + false_claims * (1.0 - 0.7));
    assert_close(outcome.daily.rewards_paid_cum[0], paid, "rewards paid on day one");
    assert_close(outcome.daily.cash_cost_cum[0], paid, "rewards are cash");
    assert!(outcome.totals.installs_claimed[0] > outcome.totals.installs_real[0]);
}

#[test]
fn cases_follow_last_year_times_risk_cuts() {
    // v2 §1: last year's 12 cases were produced by the start state (half the residents with the app), so with
    // no campaign this year has 12 cases, not 12 × (1 − 0.15 × 0.5) as v1 had.
    let mut value = quiet();
    value["segments"][0]["initial_adopted"] = json!({ "national_app": 0.5 });
    value["segments"][0]["initial_aware"] = json!(0.0);
    let outcome = common::outcome(&value);
    assert_close(outcome.totals.cases_expected, 12.0, "cases");
    assert_close(outcome.totals.loss_yuan, 12.0 * 30000.0, "loss");
    assert_close(outcome.totals.last_year_cases, 12.0, "last year");
    // v2 §4: K = 6 attempts per case by default; those that do not become cases are dissuasions.
    assert_close(outcome.totals.attempts, 6.0 * 12.0, "attempts");
    assert_close(outcome.totals.dissuasions, 5.0 * 12.0, "attempts that did not become cases");
    assert_close(outcome.totals.alerts, 3.0 * outcome.totals.cases_expected, "alerts at the default 3 per case");
    // No campaign: the counterfactual is the plan.
    assert_close(outcome.totals.cases_averted, 0.0, "nothing averted");
    let checkpoint = outcome.checkpoints.last().expect("a year-end checkpoint");
    assert_close(checkpoint.yoy_cases.unwrap_or(f64::NAN), 0.0, "year on year");
    assert!(!checkpoint.double_decline);
    // A last year with nobody having the app: this year's start state is 7.5 % safer, and so is the counterfactual.
    value["last_year"]["adopted"] = json!({ "national_app": 0.0 });
    let outcome = common::outcome(&value);
    assert_close(outcome.totals.cases_expected, 12.0 * (1.0 - 0.15 * 0.5), "cases against a last year without the app");
}

#[test]
fn reporting_uplift_raises_reported_but_not_expected_cases() {
    // v2 §1: the uplift applies to the awareness the campaign adds (aware_plan − aware_cf).
    let mut value = quiet();
    value["products"][0]["risk_cut"] = json!(0.0);
    value["channels"] = json!([common::banner()]);
    value["channels"][0]["awareness_lift"] = json!(5.0);
    value["schedule"] = json!([{ "channel": "banner", "phase": "all_year", "units": 10, "per": "day" }]);
    value["behaviour"]["reporting_uplift"] = json!(0.2);
    value["behaviour"]["risk_cut_aware"] = json!(0.0);
    let outcome = common::outcome(&value);
    assert_close(outcome.totals.cases_expected, 12.0, "expected");
    assert!(outcome.totals.cases_reported > 12.0 * 1.15, "{}", outcome.totals.cases_reported);
    assert!(outcome.totals.cases_reported < 12.0 * 1.2, "{}", outcome.totals.cases_reported);
    // With everyone aware from the start and no campaign, nothing is added.
    value["schedule"] = json!([]);
    value["segments"][0]["initial_aware"] = json!(1.0);
    assert_close(common::outcome(&value).totals.cases_reported, 12.0, "reported with no campaign");
}

#[test]
fn the_budget_run_out_date_is_the_first_day_over_the_cap() {
    let mut value = quiet();
    value["channels"] = json!([common::banner()]);
    value["schedule"] = json!([{ "channel": "banner", "phase": "all_year", "units": 1, "per": "day" }]);
    value["budget"] = json!({ "total_yuan": 1000, "per_phase_yuan": { "all_year": 400 } });
    let outcome = common::outcome(&value);
    // 150 元 a day: the phase cap (400) is passed on day 3, the total (1000) on day 7.
    assert_eq!(outcome.budget.phases[0].run_out_date.map(|d| d.to_string()).as_deref(), Some("2022-01-03"));
    assert_eq!(outcome.budget.run_out_date.map(|d| d.to_string()).as_deref(), Some("2022-01-07"));
    assert!(outcome.budget.over_total && outcome.budget.phases[0].over);
    assert_close(outcome.totals.cash_yuan, 150.0 * 365.0, "cash");
}

#[test]
fn floors_report_villages_below_the_promised_units() {
    let mut value = quiet();
    value["villages"] = json!([
        { "id": "v1", "name": "一村", "residents": 1000, "households": 400, "grids": 2, "grid_workers": 2 },
        { "id": "v2", "name": "二村", "residents": 3000, "households": 1000, "grids": 4, "grid_workers": 4 }
    ]);
    value["channels"] = json!([common::banner()]);
    value["schedule"] = json!([
        { "channel": "banner", "phase": "all_year", "units": 2 },
        { "channel": "banner", "phase": "all_year", "units": 1, "village": "v2" }
    ]);
    value["floors"] = json!([
        { "channel": "banner", "phase": "all_year", "min_units_per_village": 3 },
        { "channel": "banner", "min_units_per_village": 2 }
    ]);
    let outcome = common::outcome(&value);
    assert_eq!(outcome.floors[0].villages_below, vec!["v1".to_string()]);
    assert!(!outcome.floors[0].met);
    assert!(outcome.floors[1].met);
}

#[test]
fn partial_months_scale_last_years_cases() {
    let mut value = quiet();
    value["start_date"] = json!("2022-03-10");
    value["phases"][0]["start"] = json!("2022-03-10");
    value["last_year"] = json!({ "cases_monthly": [1, 1, 31, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    let outcome = common::outcome(&value);
    assert_eq!(outcome.monthly[0].days_covered, 22);
    assert_close(outcome.monthly[0].last_year_cases, 22.0, "March, 22 of 31 days");
    assert_close(outcome.totals.last_year_cases, 22.0 + 9.0, "rest of the year");
}

#[test]
fn township_total_units_split_by_residents() {
    let mut value = quiet();
    value["villages"] = json!([
        { "id": "v1", "name": "一村", "residents": 1000, "households": 400, "grids": 2, "grid_workers": 2 },
        { "id": "v2", "name": "二村", "residents": 3000, "households": 1000, "grids": 4, "grid_workers": 4 }
    ]);
    value["channels"] = json!([common::banner()]);
    value["schedule"] =
        json!([{ "channel": "banner", "phase": "all_year", "units": 4, "per": "day", "basis": "township_total" }]);
    let outcome = common::outcome(&value);
    assert_close(outcome.villages[0].channel_cash_yuan, 150.0 * 365.0, "a quarter");
    assert_close(outcome.villages[1].channel_cash_yuan, 3.0 * 150.0 * 365.0, "three quarters");
}

#[test]
fn year_on_year_targets_respect_their_scope() {
    let mut value = quiet();
    value["villages"] = json!([
        { "id": "v1", "name": "一村", "residents": 1000, "households": 400, "grids": 2, "grid_workers": 2 },
        { "id": "v2", "name": "二村", "residents": 1000, "households": 400, "grids": 2, "grid_workers": 2 }
    ]);
    value["channels"] = json!([common::visits()]);
    // Only 一村 gets visits, so only 一村's cases fall.
    value["schedule"] = json!([{ "channel": "visit", "phase": "all_year", "units": 1, "per": "day", "basis": "per_grid_worker", "village": "v1" }]);
    value["targets"] = json!([
        { "id": "township", "name": "全镇两降", "metric": "yoy_cases", "threshold": 0.0, "deadline": "2022-12-31" },
        { "id": "v2_only", "name": "二村两降", "metric": "yoy_cases", "village": "v2", "threshold": 0.0, "deadline": "2022-12-31" },
        { "id": "v1_h1", "name": "一村上半年", "metric": "yoy_loss", "village": "v1", "threshold": 0.0, "deadline": "2022-06-30" }
    ]);
    let outcome = common::outcome(&value);
    let township = outcome.targets[0].value_at_deadline.unwrap_or(f64::NAN);
    let second = outcome.targets[1].value_at_deadline.unwrap_or(f64::NAN);
    let first = outcome.targets[0].by_village[0].unwrap_or(f64::NAN);
    assert!(first < township && township < 0.0, "{first} {township}");
    assert_close(second, 0.0, "an untouched village stays at last year's level");
    assert_close(outcome.targets[0].by_village[1].unwrap_or(f64::NAN), 0.0, "by village");
    assert!((township - (first + second) / 2.0).abs() < 1e-12, "equal villages average to the township");
    assert!(outcome.targets[2].value_at_deadline.is_some_and(|change| change < 0.0));
}

#[test]
fn each_target_reports_its_own_daily_measure() {
    let mut value = quiet();
    value["products"][0]["p0"] = json!(0.01);
    value["segments"][0]["smartphone_share"] = json!(0.5);
    value["targets"] = json!([
        { "id": "holders", "name": "持机人群安装率", "metric": "adoption", "product": "national_app",
          "denominator": "smartphone_holders", "threshold": 0.5, "deadline": "2022-06-30" },
        { "id": "yoy", "name": "两降", "metric": "yoy_cases", "threshold": 0.0, "deadline": "2022-12-31" }
    ]);
    let outcome = common::outcome(&value);
    let holders = &outcome.targets[0];
    assert_eq!(holders.daily.len(), 365);
    for (day_idx, share) in holders.daily.iter().enumerate() {
        assert_close(share.unwrap_or(f64::NAN), outcome.daily.adopted[0][day_idx] / 0.5, "share of holders");
    }
    assert_eq!(holders.daily[180], holders.value_at_deadline);
    let yoy = &outcome.targets[1];
    assert_eq!(yoy.daily.len(), 365);
    assert_eq!(yoy.daily[364], yoy.value_at_deadline);
    // v2 §1: organic adoption is part of the trend, so with no campaign cases are flat.
    assert!(yoy.daily[364].is_some_and(|change| change.abs() < 1e-12));
}

#[test]
fn cash_by_channel_plus_rewards_adds_up_to_the_cash_to_date() {
    for text in [include_str!("../../scenarios/honglin-2022.json"), include_str!("../../scenarios/binzhou-2021.json")] {
        let (_, scenario) = wuzha::parse_scenario(text).expect("valid scenario");
        let outcome = wuzha::simulate(&scenario);
        let daily = &outcome.daily;
        assert_eq!(daily.channel_cash_cum.len(), scenario.channels.len());
        for (day_idx, cash) in daily.cash_cost_cum.iter().enumerate() {
            let by_channel: f64 = daily.channel_cash_cum.iter().map(|series| series[day_idx]).sum();
            let total = by_channel + daily.rewards_paid_cum[day_idx];
            assert!((total - cash).abs() <= 1e-6 * cash.max(1.0), "day {day_idx}: {total} vs {cash}");
        }
        for (series, cost) in daily.channel_cash_cum.iter().zip(&outcome.costs.by_channel) {
            assert_close(series.last().copied().unwrap_or(0.0), cost.cash_yuan, &cost.id);
        }
    }
}
