//! How many Monte Carlo runs fit in a time budget: a cost estimate from the scenario's size, made before any
//! run starts, so the CLI (`simulate --runs N`) and the app's run selector offer only what fits.
//!
//! **Estimate.** One run simulates the plan and the counterfactual day by day; each day touches every cell
//! (village × segment) and, per product, every active channel, with one binomial draw per cell and product;
//! then the accumulator takes every daily series' value. So a run costs about
//! `days × (2 × cells × products × (2 + channels) + series)` work units, where `series` is the daily series
//! the summary keeps (`9 + products × (1 + segments)`). [`SECONDS_PER_UNIT`] was measured on 洪林镇
//! (12 villages × 5 segments, 1 product, 6 channels, 365 days: 355 875 units, about 21 ms a run) with a
//! release build on the development machine while other builds shared its 2 cores, so it is pessimistic
//! for an idle PC; a batch runs on one thread. The estimate does not depend on last year's case
//! counts: the samplers' cost does not grow with counts ([`super::sample`]). Memory is bounded separately:
//! it stops growing at [`super::EXACT_RUNS`] runs ([`super::sketch`]).
//!
//! The limits helper's general work budget (deterministic runs, the optimiser) lives in the core; the lead
//! will join the two.

use super::MAX_RUNS;
use crate::error::Lang;
use crate::model::Scenario;

/// Seconds per work unit of [`run_work_units`] (measured on a busy 2-core machine; see the module docs).
pub const SECONDS_PER_UNIT: f64 = 6.0e-8;

/// The time a Monte Carlo batch may take, in seconds, on one core of a 2-core office PC.
pub const RUNS_BUDGET_SECONDS: f64 = 30.0;

/// Work units of one Monte Carlo run of `scenario` (see the module docs).
pub fn run_work_units(scenario: &Scenario) -> f64 {
    let days = scenario.n_days() as f64;
    let cells = (scenario.villages.len() * scenario.segments.len()) as f64;
    let products = scenario.products.len() as f64;
    let channels = scenario.channels.len() as f64;
    let series = 9.0 + products * (1.0 + scenario.segments.len() as f64);
    days * (2.0 * cells * products.max(1.0) * (2.0 + channels) + series)
}

/// Estimated seconds of one Monte Carlo run of `scenario`.
pub fn seconds_per_run(scenario: &Scenario) -> f64 {
    run_work_units(scenario) * SECONDS_PER_UNIT
}

/// The most runs of `scenario` that fit in `seconds` by the estimate, at most [`MAX_RUNS`]; 0 when not even
/// one does.
pub fn max_runs_within(scenario: &Scenario, seconds: f64) -> usize {
    let per_run = seconds_per_run(scenario);
    let fits = seconds / per_run;
    if fits.is_finite() && fits >= 0.0 {
        (libm::floor(fits) as usize).min(MAX_RUNS)
    } else if per_run > 0.0 {
        0
    } else {
        MAX_RUNS
    }
}

/// A duration in short words: "约 40 秒" / "about 40 s", minutes above 2 minutes, hours above 2 hours.
pub fn duration_words(seconds: f64, lang: Lang) -> String {
    let (value, zh_unit, en_unit) = if seconds >= 7_200.0 {
        (seconds / 3_600.0, "小时", "h")
    } else if seconds >= 120.0 {
        (seconds / 60.0, "分钟", "min")
    } else {
        (seconds, "秒", "s")
    };
    let shown = if value >= 10.0 { format!("{value:.0}") } else { format!("{value:.1}") };
    match lang {
        Lang::Zh => format!("约 {shown} {zh_unit}"),
        Lang::En => format!("about {shown} {en_unit}"),
    }
}

/// Why `n_runs` runs of `scenario` are refused (naming `flag`, e.g. `--runs`, and the estimate), or `None`
/// when they fit in [`RUNS_BUDGET_SECONDS`].
pub fn runs_refusal(scenario: &Scenario, n_runs: usize, flag: &str, lang: Lang) -> Option<String> {
    let max_runs = max_runs_within(scenario, RUNS_BUDGET_SECONDS);
    if n_runs <= max_runs {
        return None;
    }
    let estimate = duration_words(seconds_per_run(scenario) * n_runs as f64, lang);
    let budget = duration_words(RUNS_BUDGET_SECONDS, lang);
    Some(match lang {
        Lang::Zh => format!(
            "{flag} {n_runs}：{estimate}，超过 {budget} 的上限；此方案最多 {max_runs} 次模拟（{flag} {max_runs}）"
        ),
        Lang::En => format!(
            "{flag} {n_runs}: {estimate}, over the limit of {budget}; this plan allows at most {max_runs} runs ({flag} {max_runs})"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_short() {
        assert_eq!(duration_words(30.0, Lang::Zh), "约 30 秒");
        assert_eq!(duration_words(2_400.0, Lang::Zh), "约 40 分钟");
        assert_eq!(duration_words(4.25, Lang::En), "about 4.2 s");
        assert_eq!(duration_words(36_000.0, Lang::En), "about 10 h");
    }
}
