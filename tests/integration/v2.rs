//! Model version 2 (MODEL.md "Version 2"): cases relative to the counterfactual (no campaign = last year × trend,
//! in every month, village and segment, for every shipped file and generated scenarios), reach within channel
//! audiences and their union, the peers' trajectories with audiences 1, money split so that it sums to the cash,
//! deadweight rewards, and year-on-year targets counted once in the default assessment.

use crate::common;

use proptest::prelude::*;
use serde_json::json;
use wuzha::model::{Metric, Scenario, Target};

const SHIPPED: [(&str, &str); 4] = [
    ("honglin-2022", include_str!("../../scenarios/honglin-2022.json")),
    ("qiaojiang-2021", include_str!("../../scenarios/qiaojiang-2021.json")),
    ("binzhou-2021", include_str!("../../scenarios/binzhou-2021.json")),
    ("template", include_str!("../../scenarios/template.json")),
];

fn parse(text: &str) -> Scenario {
    wuzha::parse_scenario(text).unwrap_or_else(|errors| panic!("{errors:?}")).1
}

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance * expected.abs().max(1.0)
}

/// With no schedule and no rewards, reported cases are last year × trend in every month, and the year-on-year
/// change of every segment and village at the period's end is trend − 1. `Err` names what differs.
fn no_campaign_is_last_year_times_trend(scenario: &Scenario) -> Result<(), String> {
    let mut quiet = scenario.without_campaign();
    let trend = quiet.behaviour.case_trend.value;
    quiet.targets = (0..quiet.segments.len())
        .map(|segment_idx| Target {
            id: format!("yoy_{segment_idx}"),
            name: "同比".into(),
            metric: Metric::YoyCases,
            product: None,
            segment: Some(segment_idx),
            village: None,
            denominator: wuzha::model::Denominator::Residents,
            threshold: 0.0,
            deadline: quiet.end,
        })
        .collect();
    let outcome = wuzha::simulate(&quiet);
    for row in &outcome.monthly {
        for (what, value) in [
            ("reported", row.cases_reported),
            ("expected", row.cases_expected),
            ("no campaign", row.counterfactual_cases),
        ] {
            if !close(value, row.last_year_cases * trend, 1e-12) {
                return Err(format!("{}-{}: {what} {value} vs {}", row.year, row.month, row.last_year_cases * trend));
            }
        }
    }
    for target in &outcome.targets {
        let values = target.by_village.iter().copied().chain([target.value_at_deadline]);
        for value in values {
            let change = value.ok_or("no year-on-year value")?;
            if !close(change, trend - 1.0, 1e-12) {
                return Err(format!("{}: {change} vs {}", target.id, trend - 1.0));
            }
        }
    }
    let checkpoint = outcome.checkpoints.last().ok_or("no checkpoint")?;
    match checkpoint.yoy_cases {
        Some(change) if close(change, trend - 1.0, 1e-12) => Ok(()),
        other => Err(format!("period YoY {other:?} vs {}", trend - 1.0)),
    }
}

#[test]
fn no_campaign_is_last_year_times_trend_in_every_shipped_file() {
    for (name, text) in SHIPPED {
        let scenario = parse(text);
        no_campaign_is_last_year_times_trend(&scenario).unwrap_or_else(|error| panic!("{name}: {error}"));
        // The plan's own counterfactual is the same.
        let outcome = wuzha::simulate(&scenario);
        let trend = scenario.behaviour.case_trend.value;
        assert!(close(outcome.totals.counterfactual_cases, outcome.totals.last_year_cases * trend, 1e-12), "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_campaign_is_last_year_times_trend_in_generated_scenarios(
        value in crate::properties::scenario_strategy(),
        trend in 0.5f64..1.5,
        initial_aware in 0.0f64..1.0,
    ) {
        let mut value = value;
        value["behaviour"]["case_trend"] = json!(trend);
        value["segments"][0]["initial_aware"] = json!(initial_aware);
        let result = no_campaign_is_last_year_times_trend(&common::scenario(&value));
        prop_assert!(result.is_ok(), "{:?}", result);
    }
}

/// The minimal scenario with a banner of the given audience (segment `all`) running `units` a day all year.
fn banner_scenario(audience: f64, units: f64) -> serde_json::Value {
    let mut value = common::minimal();
    value["channels"] = json!([common::banner()]);
    value["channels"][0]["audience"] = json!({ "all": audience });
    value["schedule"] = json!([{ "channel": "banner", "phase": "all_year", "units": units, "per": "day" }]);
    value
}

#[test]
fn one_channels_reach_saturates_at_its_audience() {
    for audience in [0.05, 0.4, 0.9] {
        let outcome = common::outcome(&banner_scenario(audience, 20.0));
        assert!(outcome.daily.reached.iter().all(|reached| *reached <= audience + 1e-15), "{audience}");
        assert!(close(*outcome.daily.reached.last().unwrap_or(&0.0), audience, 1e-9), "{audience}");
    }
}

#[test]
fn reach_never_exceeds_the_union_of_audiences() {
    let mut value = banner_scenario(0.3, 5.0);
    let mut sms = common::banner();
    sms["id"] = json!("sms");
    sms["audience"] = json!({ "all": 0.5 });
    value["channels"] = json!([value["channels"][0].clone(), sms]);
    value["schedule"] = json!([
        { "channel": "banner", "phase": "all_year", "units": 5, "per": "day" },
        { "channel": "sms", "phase": "all_year", "units": 1, "per": "day" }
    ]);
    let outcome = common::outcome(&value);
    let union = 1.0 - (1.0 - 0.3) * (1.0 - 0.5);
    assert!(outcome.daily.reached.iter().all(|reached| *reached <= union + 1e-15));
    assert!(close(*outcome.daily.reached.last().unwrap_or(&0.0), union, 1e-9));
    // The counterfactual reaches nobody.
    let quiet = wuzha::simulate(&common::scenario(&value).without_campaign());
    assert!(quiet.daily.reached.iter().all(|reached| *reached == 0.0));
}

/// The peer model (`tests/fixtures/peers/`, from `../shared/peers/`): with every audience 1 Wuzha's day i (end of
/// day i + 1) matches the peers' trajectory on day i + 1 to 1e-12.
#[test]
fn audiences_of_one_reproduce_the_peers() {
    let mut scenario = parse(include_str!("../fixtures/peers/peer-scenario.json"));
    for channel in &mut scenario.channels {
        channel.audience.iter_mut().for_each(|audience| *audience = 1.0);
    }
    let outcome = wuzha::simulate(&scenario);
    let reference = include_str!("../fixtures/peers/reference.csv");
    let mut rows = 0;
    for line in reference.lines().skip(2) {
        let fields: Vec<f64> = line.split(',').take(5).map(|field| field.parse().unwrap_or(f64::NAN)).collect();
        let day_idx = fields[0] as usize - 1;
        let simulated = [
            outcome.daily.reached[day_idx],
            outcome.daily.aware[day_idx],
            outcome.daily.adopted[0][day_idx],
            outcome.daily.cash_cost_cum[day_idx],
        ];
        for (what, (value, peer)) in
            ["reached", "aware", "adopted", "cost"].iter().zip(simulated.iter().zip(&fields[1..]))
        {
            assert!(close(*value, *peer, 1e-12), "day {}: {what} {value} vs {peer}", day_idx + 1);
        }
        rows += 1;
    }
    assert_eq!(rows, 365);
    // With the catalog's audiences instead, reach stays below the peers'.
    let catalog = wuzha::simulate(&parse(include_str!("../fixtures/peers/peer-scenario.json")));
    assert!(catalog.daily.reached[14] < outcome.daily.reached[14]);
}

#[test]
fn cash_per_install_times_installs_sums_to_the_cash() {
    for (name, text) in SHIPPED {
        let outcome = wuzha::simulate(&parse(text));
        let totals = &outcome.totals;
        let attributed: f64 = totals
            .cost_per_install_yuan
            .iter()
            .zip(&totals.installs_real)
            .map(|(cost, installs)| cost.unwrap_or(0.0) * installs)
            .sum();
        assert!(close(attributed, totals.cash_yuan, 1e-9), "{name}: {attributed} vs {}", totals.cash_yuan);
        assert!(close(totals.cost_by_product_yuan.iter().sum(), totals.cash_yuan, 1e-9), "{name}");
        let all_installs: f64 = totals.installs_real.iter().sum();
        assert!(close(totals.cash_per_install_yuan.unwrap_or(f64::NAN) * all_installs, totals.cash_yuan, 1e-9));
        assert!(totals.rewards_deadweight_yuan >= 0.0 && totals.rewards_deadweight_yuan <= totals.rewards_paid_yuan);
    }
}

#[test]
fn rewards_paid_for_installs_the_counterfactual_has_are_deadweight() {
    let outcome = wuzha::simulate(&parse(SHIPPED[0].1));
    let totals = &outcome.totals;
    assert!(totals.rewards_paid_yuan > 0.0);
    assert!(totals.rewards_deadweight_yuan > 0.0 && totals.rewards_deadweight_yuan < totals.rewards_paid_yuan);
    assert_eq!(outcome.daily.rewards_deadweight_cum.last().copied(), Some(totals.rewards_deadweight_yuan));
    assert!(wuzha::export::daily_csv(&outcome)
        .lines()
        .next()
        .is_some_and(|header| header.contains("rewards_deadweight_cum")));
}

#[test]
fn the_default_assessment_counts_year_on_year_targets_once() {
    for (name, text) in SHIPPED {
        let (file, scenario) = wuzha::parse_scenario(text).unwrap_or_else(|errors| panic!("{errors:?}"));
        if file.assessment.is_some() {
            continue;
        }
        for rule in &scenario.assessment {
            if let wuzha::model::RuleScoring::TargetsMet { targets } = &rule.scoring {
                assert!(
                    targets
                        .iter()
                        .all(|idx| !matches!(scenario.targets[*idx].metric, Metric::YoyCases | Metric::YoyLoss)),
                    "{name}: {}",
                    rule.id
                );
            }
        }
    }
}
