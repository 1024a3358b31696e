//! Closed-form checks of the adoption equation (MODEL.md "Checks"): with no channels, no rewards and the
//! awareness gate off, adoption follows 1 - e^{-pt} (q = 0), the daily Bass recursion exactly (q > 0),
//! and stays within a daily step's error (0.01) of the continuous Bass solution.

use crate::common;

use serde_json::json;

fn closed_form_scenario(p: f64, q: f64) -> serde_json::Value {
    let mut value = common::minimal();
    value["products"][0]["p0"] = json!(p);
    value["products"][0]["q"] = json!(q);
    value
}

#[test]
fn no_word_of_mouth_gives_one_minus_exp_minus_pt() {
    let p = 0.0005;
    let outcome = common::outcome(&closed_form_scenario(p, 0.0));
    for (day_idx, adopted) in outcome.daily.adopted[0].iter().enumerate() {
        let elapsed_days = (day_idx + 1) as f64;
        let expected = 1.0 - (-p * elapsed_days).exp();
        assert!((adopted - expected).abs() < 1e-9, "day {day_idx}: {adopted} vs {expected}");
    }
}

#[test]
fn word_of_mouth_equals_the_daily_recursion_exactly() {
    let (p, q) = (0.0005, 0.01);
    let outcome = common::outcome(&closed_form_scenario(p, q));
    let mut adopted = 0.0_f64;
    for (day_idx, simulated) in outcome.daily.adopted[0].iter().enumerate() {
        adopted += (1.0 - adopted) * (1.0 - libm::exp(-(p + q * adopted)));
        assert_eq!(*simulated, adopted, "day {day_idx}");
    }
}

#[test]
fn word_of_mouth_stays_within_a_daily_step_of_continuous_bass() {
    let (p, q) = (0.0005, 0.01);
    let outcome = common::outcome(&closed_form_scenario(p, q));
    let mut largest_gap = 0.0_f64;
    for (day_idx, simulated) in outcome.daily.adopted[0].iter().enumerate() {
        let t = (day_idx + 1) as f64;
        let decay = (-(p + q) * t).exp();
        let bass = (1.0 - decay) / (1.0 + (q / p) * decay);
        largest_gap = largest_gap.max((simulated - bass).abs());
    }
    assert!(largest_gap < 0.01, "largest gap {largest_gap}");
    assert!(largest_gap > 1e-6, "the daily recursion is expected to differ from the continuous solution");
}

#[test]
fn uninstalls_apply_after_adoption() {
    let (p, mu) = (0.002, 0.001);
    let mut value = closed_form_scenario(p, 0.0);
    value["products"][0]["uninstall_rate"] = json!(mu);
    let outcome = common::outcome(&value);
    let mut adopted = 0.0_f64;
    for simulated in &outcome.daily.adopted[0] {
        let after = adopted + (1.0 - adopted) * (1.0 - libm::exp(-p));
        adopted = after - mu * after;
        assert_eq!(*simulated, adopted);
    }
}

#[test]
fn smartphone_share_caps_adoption() {
    let mut value = closed_form_scenario(0.05, 0.05);
    value["segments"][0]["smartphone_share"] = json!(0.6);
    let outcome = common::outcome(&value);
    let last = outcome.daily.adopted[0].last().copied().unwrap_or_default();
    assert!(last <= 0.6 + 1e-12 && last > 0.59, "{last}");
}
