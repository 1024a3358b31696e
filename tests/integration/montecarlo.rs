//! Monte Carlo: reproducible runs and batches, the deterministic limit, ordered quantiles, probabilities in
//! [0, 1], the checked-in fingerprint native and WebAssembly builds must share, and the noise samplers'
//! means and variances.

use crate::common;

use wuzha::model::Uncertain;
use wuzha::uncertainty::rng::run_rng;
use wuzha::uncertainty::{self as montecarlo, sample, Accumulator, Bands, MonteCarloConfig, MonteCarloSummary, Stats};
use wuzha::Scenario;

/// FNV-1a fingerprint of `run_batch` on `scenarios/template.json` with seed 7, 16 runs, noise on. The
/// WebAssembly browser test asserts the same constant (native = wasm, bit for bit). After an intended
/// change to the model, the samplers or the summary, update both and say why in the commit.
/// The fingerprint of a 16-run batch of `scenarios/template.json` with seed 7, checked in once and asserted
/// both here (native) and in `www/tests/web.rs` (WebAssembly in Chromium): the two builds must agree bit for bit.
const TEMPLATE_SEED_7_16_RUNS_FILE: &str = include_str!("../reference/montecarlo-template-seed7-16runs.fingerprint");

fn reference_fingerprint() -> u64 {
    u64::from_str_radix(&TEMPLATE_SEED_7_16_RUNS_FILE.trim().replace('_', ""), 16).unwrap_or_default()
}

fn scenario_file(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    match wuzha::parse_scenario(&text) {
        Ok((_file, scenario)) => scenario,
        Err(errors) => panic!("{name}: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")),
    }
}

/// The test fixture with a banner and door-to-door visits, so every mechanism (and every sampler regime)
/// is exercised.
fn fixture() -> Scenario {
    let mut value = common::minimal();
    value["channels"] = serde_json::json!([common::banner(), common::visits()]);
    value["products"][0]["p0"] = serde_json::json!({ "value": 0.0005, "low": 0.0001, "high": 0.002 });
    value["schedule"] = serde_json::json!([
        { "channel": "banner", "phase": "all_year", "units": 2, "per": "phase", "basis": "per_village" },
        { "channel": "visit", "phase": "all_year", "units": 1, "per": "week", "basis": "per_grid_worker" }
    ]);
    value["targets"] = serde_json::json!([
        { "id": "app", "name": "安装率", "metric": "adoption", "product": "national_app", "threshold": 0.3, "deadline": "2022-06-30" },
        { "id": "down", "name": "发案下降", "metric": "yoy_cases", "threshold": 0.0, "deadline": "2022-12-31" }
    ]);
    common::scenario(&value)
}

fn config(n_runs: usize, seed: u64, noise: bool) -> MonteCarloConfig {
    MonteCarloConfig { n_runs, seed, noise }
}

fn batch(scenario: &Scenario, config: &MonteCarloConfig) -> MonteCarloSummary {
    montecarlo::run_batch(scenario, config, |_| {})
}

/// Every uncertain number of the scenario collapsed to its most likely value.
fn collapsed(scenario: &Scenario) -> Scenario {
    let point = |uncertain: &mut Uncertain| *uncertain = Uncertain::point(uncertain.value);
    let mut scenario = scenario.clone();
    for segment in &mut scenario.segments {
        point(&mut segment.loss_per_case_yuan);
    }
    for product in &mut scenario.products {
        for uncertain in [&mut product.p0, &mut product.q, &mut product.uninstall_rate, &mut product.risk_cut] {
            point(uncertain);
        }
    }
    for channel in &mut scenario.channels {
        for uncertain in [
            &mut channel.awareness_lift,
            &mut channel.carry_over_per_week,
            &mut channel.hill_alpha,
            &mut channel.hill_gamma,
            &mut channel.visits_per_hour,
        ] {
            point(uncertain);
        }
        channel.adoption_lift.iter_mut().chain(channel.install_conversion.iter_mut()).for_each(point);
    }
    let behaviour = &mut scenario.behaviour;
    for uncertain in [
        &mut behaviour.awareness_half_life_days,
        &mut behaviour.awareness_gate_m0,
        &mut behaviour.risk_cut_aware,
        &mut behaviour.reporting_uplift,
        &mut behaviour.alerts_per_case,
        &mut behaviour.case_trend,
        &mut behaviour.attempts_per_case,
        &mut behaviour.effort_max,
        &mut behaviour.effort_half_yuan,
        &mut behaviour.gaming_max,
        &mut behaviour.gaming_half_yuan,
        &mut behaviour.verification_share,
        &mut behaviour.staff_hours_per_worker_day,
    ] {
        point(uncertain);
    }
    scenario
}

/// Every band of the summary with its name.
fn all_bands(summary: &MonteCarloSummary) -> Vec<(String, &Bands)> {
    let daily = &summary.daily;
    let n_products = daily.adopted.len();
    let mut bands: Vec<(String, &Bands)> = wuzha::export::DailyColumn::all(n_products)
        .into_iter()
        .filter_map(|column| Some((format!("{column:?}"), daily.band(column)?)))
        .collect();
    bands.extend([
        ("monthly.cases_expected".to_string(), &summary.monthly.cases_expected),
        ("monthly.cases_reported".to_string(), &summary.monthly.cases_reported),
        ("monthly.loss_yuan".to_string(), &summary.monthly.loss_yuan),
        ("monthly.counterfactual_cases".to_string(), &summary.monthly.counterfactual_cases),
        ("monthly.counterfactual_loss_yuan".to_string(), &summary.monthly.counterfactual_loss_yuan),
    ]);
    for product_idx in 0..n_products {
        for (segment_idx, by_segment) in daily.adopted_by_segment[product_idx].iter().enumerate() {
            bands.push((format!("adopted_by_segment[{product_idx}][{segment_idx}]"), by_segment));
        }
    }
    bands
}

fn check_stats_ordered(name: &str, stats: &Stats, n_runs: usize) {
    assert!(
        stats.min <= stats.p10 && stats.p10 <= stats.p50 && stats.p50 <= stats.p90 && stats.p90 <= stats.max,
        "{name}: {stats:?}"
    );
    assert!(stats.min <= stats.mean && stats.mean <= stats.max, "{name}: mean {stats:?}");
    assert_eq!(stats.histogram.counts.iter().sum::<usize>(), n_runs, "{name}: histogram counts");
    assert_eq!(stats.histogram.edges.len(), montecarlo::HISTOGRAM_BINS + 1, "{name}");
    assert!(stats.histogram.edges.windows(2).all(|pair| pair[0] <= pair[1]), "{name}: edges {stats:?}");
}

/// Bands ordered and of the right length, probabilities in [0, 1], distributions ordered.
fn check_summary_is_coherent(name: &str, scenario: &Scenario, summary: &MonteCarloSummary) {
    let n_days = scenario.n_days();
    assert_eq!(summary.dates.len(), n_days, "{name}");
    for (series, bands) in all_bands(summary) {
        let width = if series.starts_with("monthly.") { summary.monthly.months.len() } else { n_days };
        for values in [&bands.p10, &bands.p50, &bands.p90, &bands.mean] {
            assert_eq!(values.len(), width, "{name} {series}");
        }
        for slot in 0..width {
            let (p10, p50, p90) = (bands.p10[slot], bands.p50[slot], bands.p90[slot]);
            assert!(p10 <= p50 && p50 <= p90, "{name} {series}[{slot}]: {p10} {p50} {p90}");
            assert!(bands.mean[slot].is_finite(), "{name} {series}[{slot}]");
        }
    }
    assert_eq!(summary.targets.len(), scenario.targets.len(), "{name}");
    for target in &summary.targets {
        assert!((0.0..=1.0).contains(&target.probability_met), "{name} {}", target.id);
        if let Some(first_met) = &target.first_met {
            assert!((0.0..=1.0).contains(&first_met.share_never), "{name} {}", target.id);
            let dates = [first_met.p10, first_met.p50, first_met.p90];
            // Ordered, with "never" (None) after every date.
            assert!(
                dates.windows(2).all(|pair| match pair {
                    [Some(earlier), Some(later)] => earlier <= later,
                    [None, Some(_)] => false,
                    _ => true,
                }),
                "{name} {}: {dates:?}",
                target.id
            );
        }
        if let Some(stats) = &target.value_at_deadline {
            check_stats_ordered(&format!("{name} {}", target.id), stats, summary.n_runs);
        }
    }
    let distributions = &summary.distributions;
    for (figure, stats) in [
        ("cash", &distributions.cash_yuan),
        ("cases_reported", &distributions.cases_reported),
        ("cases_averted", &distributions.cases_averted),
        ("loss", &distributions.loss_yuan),
        ("score", &distributions.score),
    ] {
        check_stats_ordered(&format!("{name} {figure}"), stats, summary.n_runs);
    }
    for probability in [
        distributions.probability_cases_rise,
        distributions.probability_double_decline,
        summary.chance_alone.probability_rise,
    ] {
        assert!((0.0..=1.0).contains(&probability), "{name}: {probability}");
    }
}

#[test]
fn every_scenario_gives_a_coherent_summary() {
    for name in ["template", "honglin-2022", "binzhou-2021", "qiaojiang-2021"] {
        let scenario = scenario_file(name);
        for noise in [true, false] {
            let summary = batch(&scenario, &config(5, scenario.seed, noise));
            assert_eq!(summary.n_runs, 5, "{name}");
            check_summary_is_coherent(&format!("{name} noise={noise}"), &scenario, &summary);
        }
    }
    let scenario = fixture();
    check_summary_is_coherent("fixture", &scenario, &batch(&scenario, &config(40, 3, true)));
}

#[test]
fn the_same_seed_gives_the_same_summary_and_different_seeds_differ() {
    let scenario = fixture();
    let first = batch(&scenario, &config(12, 11, true));
    let again = batch(&scenario, &config(12, 11, true));
    assert_eq!(first, again);
    assert_eq!(first.fingerprint(), again.fingerprint());
    for other_config in [config(12, 12, true), config(12, 11, false), config(13, 11, true)] {
        let other = batch(&scenario, &other_config);
        assert_ne!(first.fingerprint(), other.fingerprint(), "{other_config:?}");
        assert!(first.daily.adopted[0].p50 != other.daily.adopted[0].p50, "{other_config:?}");
    }
}

#[test]
fn run_one_reproduces_run_i_of_a_batch() {
    let scenario = fixture();
    let config = config(6, 5, true);
    let in_order: Vec<_> = (0..config.n_runs).map(|run_idx| montecarlo::run_one(&scenario, &config, run_idx)).collect();
    // Alone and in reverse order: no state is shared between runs.
    for run_idx in (0..config.n_runs).rev() {
        assert_eq!(montecarlo::run_one(&scenario, &config, run_idx), in_order[run_idx], "run {run_idx}");
    }
    assert_ne!(in_order[0], in_order[1]);
    // The batch is exactly these runs, in this order.
    let mut accumulator = Accumulator::new(&scenario, &config, config.n_runs);
    for outcome in &in_order {
        accumulator.push(outcome);
    }
    assert_eq!(accumulator.n_runs(), config.n_runs);
    assert_eq!(accumulator.finish(), batch(&scenario, &config));
}

#[test]
fn with_point_ranges_and_no_noise_every_run_is_the_deterministic_simulation() {
    for scenario in [fixture(), scenario_file("template"), scenario_file("qiaojiang-2021")] {
        let scenario = collapsed(&scenario);
        let deterministic = wuzha::simulate(&scenario);
        let config = config(3, 99, false);
        for run_idx in 0..config.n_runs {
            assert_eq!(
                montecarlo::run_one(&scenario, &config, run_idx),
                deterministic,
                "{} run {run_idx}",
                scenario.name
            );
        }
        let summary = batch(&scenario, &config);
        assert_eq!(summary.daily.reached.p10, summary.daily.reached.p90, "{}", scenario.name);
        let expected_p50: Vec<f64> =
            deterministic.daily.cash_cost_cum.iter().map(|value| f64::from(*value as f32)).collect();
        assert_eq!(summary.daily.cash_cost_cum.p50, expected_p50, "{}", scenario.name);
    }
}

#[test]
fn parameter_draws_differ_from_the_deterministic_run_but_noise_needs_no_ranges() {
    let scenario = fixture();
    let deterministic = wuzha::simulate(&scenario);
    // Ranges drawn, no noise: the most likely run is not what run 0 gives.
    assert_ne!(montecarlo::run_one(&scenario, &config(1, 1, false), 0), deterministic);
    // Point ranges with noise: whole-number cases every month.
    let noisy = montecarlo::run_one(&collapsed(&scenario), &config(1, 1, true), 0);
    assert_ne!(noisy, deterministic);
    for row in &noisy.monthly {
        for count in [row.cases_expected, row.cases_reported, row.counterfactual_cases] {
            assert_eq!(count, count.floor(), "{}-{}: {count}", row.year, row.month);
        }
    }
}

#[test]
fn progress_is_reported_after_every_run_and_zero_runs_make_one() {
    let scenario = fixture();
    let mut reported = Vec::new();
    let summary = montecarlo::run_batch(&scenario, &config(4, 1, true), |n_done| reported.push(n_done));
    assert_eq!(reported, vec![1, 2, 3, 4]);
    assert_eq!(summary.n_runs, 4);
    assert_eq!(batch(&scenario, &config(0, 1, true)).n_runs, 1);
}

#[test]
fn the_template_fingerprint_is_checked_in() {
    let scenario = scenario_file("template");
    let summary = batch(&scenario, &config(16, 7, true));
    assert_eq!(
        summary.fingerprint(),
        reference_fingerprint(),
        "the fingerprint changed: {:#018x}; update tests/reference/montecarlo-template-seed7-16runs.fingerprint only for an intended change",
        summary.fingerprint()
    );
}

#[test]
fn quantile_indices_use_the_nearest_rank() {
    for (percent, n, expected) in [
        (10, 1, 0),
        (50, 1, 0),
        (90, 1, 0),
        (10, 10, 0),
        (50, 10, 4),
        (90, 10, 8),
        (10, 16, 1),
        (50, 16, 7),
        (90, 16, 14),
        (10, 30, 2),
        (90, 1000, 899),
        (100, 7, 6),
        (0, 7, 0),
    ] {
        assert_eq!(montecarlo::quantile_index(percent, n), expected, "P{percent} of {n}");
    }
}

#[test]
fn stats_have_fixed_bins() {
    let stats = Stats::of(&mut [3.0, 1.0, 2.0, 4.0, 5.0], Some((0.0, 10.0))).expect("values");
    assert_eq!((stats.p10, stats.p50, stats.p90, stats.mean, stats.min, stats.max), (1.0, 3.0, 5.0, 3.0, 1.0, 5.0));
    assert_eq!(stats.histogram.edges[1], 0.5);
    assert_eq!(stats.histogram.edges[20], 10.0);
    assert_eq!(stats.histogram.counts.iter().sum::<usize>(), 5);
    assert_eq!(stats.histogram.counts[2], 1, "1.0 falls in [1.0, 1.5)");
    let flat = Stats::of(&mut [2.5, 2.5], None).expect("values");
    assert_eq!(flat.histogram.counts[0], 2);
    assert!(Stats::of(&mut [], None).is_none());
}

#[test]
fn chance_alone_is_the_exact_poisson_tail() {
    // P(Poisson(10) > 10) = 1 - 0.5830397501929852.
    let ten = montecarlo::chance_alone(10.0);
    assert!((ten.probability_rise - 0.4169602498070148).abs() < 1e-12, "{ten:?}");
    assert_eq!(ten.yoy_change_p50, Some(0.0));
    // P10 and P90 of Poisson(10) are 6 and 14.
    assert_eq!((ten.yoy_change_p10, ten.yoy_change_p90), (Some(-0.4), Some(0.4)));
    // A large township: a rise by chance alone is still almost a coin toss.
    let thousand = montecarlo::chance_alone(1000.0);
    assert!((thousand.probability_rise - 0.4916).abs() < 0.002, "{thousand:?}");
    let none = montecarlo::chance_alone(0.0);
    assert_eq!((none.probability_rise, none.yoy_change_p50), (0.0, None));
}

/// Mean and variance of `n_samples` draws.
fn moments(n_samples: usize, mut draw: impl FnMut() -> f64) -> (f64, f64) {
    let samples: Vec<f64> = (0..n_samples).map(|_| draw()).collect();
    let mean = samples.iter().sum::<f64>() / n_samples as f64;
    let variance = samples.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n_samples as f64 - 1.0);
    (mean, variance)
}

/// Checks a sample mean within 5 standard errors and a sample variance within 6 % of the truth.
fn check_moments(label: &str, (mean, variance): (f64, f64), true_mean: f64, true_variance: f64, n_samples: usize) {
    let standard_error = (true_variance / n_samples as f64).sqrt();
    assert!((mean - true_mean).abs() <= 5.0 * standard_error + 1e-12, "{label}: mean {mean} vs {true_mean}");
    assert!(
        (variance - true_variance).abs() <= 0.06 * true_variance + 1e-12,
        "{label}: variance {variance} vs {true_variance}"
    );
}

#[test]
fn binomial_draws_have_the_right_mean_and_variance() {
    let mut rng = run_rng(2024, 0);
    // Both regimes (n·p below and above 10) and the p > 1/2 mirror.
    for (n, p) in [(20.0, 0.05), (500.0, 0.001), (80.0, 0.1), (1000.0, 0.03), (60.0, 0.5), (300.0, 0.9), (5000.0, 0.2)]
    {
        let n_samples = 40_000;
        let draws = moments(n_samples, || {
            let k = sample::binomial(&mut rng, n, p);
            assert!(k >= 0.0 && k <= n && k == k.floor(), "Binomial({n}, {p}) gave {k}");
            k
        });
        check_moments(&format!("Binomial({n}, {p})"), draws, n * p, n * p * (1.0 - p), n_samples);
    }
    for (n, p, expected) in [(0.0, 0.3, 0.0), (10.0, 0.0, 0.0), (10.0, 1.0, 10.0)] {
        assert_eq!(sample::binomial(&mut rng, n, p), expected);
    }
    // P(Binomial(4, 0.5) = 0) = 1/16.
    let n_zero = (0..64_000).filter(|_| sample::binomial(&mut rng, 4.0, 0.5) == 0.0).count();
    assert!((n_zero as f64 / 64_000.0 - 0.0625).abs() < 0.005, "{n_zero}");
}

#[test]
fn poisson_draws_have_the_right_mean_and_variance() {
    let mut rng = run_rng(2024, 1);
    for mean in [0.05, 1.0, 3.5, 9.9, 10.0, 26.0, 300.0, 12_000.0] {
        let n_samples = 40_000;
        let draws = moments(n_samples, || {
            let k = sample::poisson(&mut rng, mean);
            assert!(k >= 0.0 && k == k.floor(), "Poisson({mean}) gave {k}");
            k
        });
        check_moments(&format!("Poisson({mean})"), draws, mean, mean, n_samples);
    }
    assert_eq!(sample::poisson(&mut rng, 0.0), 0.0);
    // P(Poisson(3) = 0) = e^-3 = 0.0498.
    let n_zero = (0..100_000).filter(|_| sample::poisson(&mut rng, 3.0) == 0.0).count();
    assert!((n_zero as f64 / 100_000.0 - 0.049_787).abs() < 0.003, "{n_zero}");
}

#[test]
fn normal_and_lognormal_draws_have_the_right_moments() {
    let mut rng = run_rng(2024, 2);
    let n_samples = 200_000;
    check_moments("N(0, 1)", moments(n_samples, || sample::standard_normal(&mut rng)), 0.0, 1.0, n_samples);
    let sigma = montecarlo::LOSS_SIGMA;
    let mean = 30_000.0;
    let variance = mean * mean * ((sigma * sigma).exp() - 1.0);
    let (sample_mean, _) = moments(n_samples, || sample::lognormal(&mut rng, mean, sigma));
    let standard_error = (variance / n_samples as f64).sqrt();
    assert!((sample_mean - mean).abs() < 5.0 * standard_error, "{sample_mean}");
    // The median is mean · e^(-σ²/2).
    let mut draws: Vec<f64> = (0..20_001).map(|_| sample::lognormal(&mut rng, mean, sigma)).collect();
    draws.sort_by(f64::total_cmp);
    let median = mean * (-0.5 * sigma * sigma).exp();
    assert!((draws[10_000] / median - 1.0).abs() < 0.03, "{}", draws[10_000]);
    assert_eq!(sample::total_loss(&mut rng, 0.0, mean), 0.0);
    assert_eq!(sample::total_loss(&mut rng, 5.0, 0.0), 0.0);
}

#[test]
fn triangular_draws_stay_in_range_and_points_are_exact() {
    let mut rng = run_rng(2024, 3);
    for value in [0.0, 0.0005, 1.0, 30_000.0] {
        assert_eq!(montecarlo::draw(Uncertain::point(value), &mut rng), value);
    }
    for (low, value, high) in [(0.0001, 0.0005, 0.002), (0.0, 0.0, 1.0), (14.0, 90.0, 90.0)] {
        let uncertain = Uncertain { value, low, high };
        let n_samples = 50_000;
        let (mean, variance) = moments(n_samples, || {
            let drawn = montecarlo::draw(uncertain, &mut rng);
            assert!((low..=high).contains(&drawn), "{drawn} outside [{low}, {high}]");
            drawn
        });
        let true_mean = (low + value + high) / 3.0;
        let true_variance = (low * low + value * value + high * high - low * value - low * high - value * high) / 18.0;
        check_moments(
            &format!("Triangular({low}, {value}, {high})"),
            (mean, variance),
            true_mean,
            true_variance,
            n_samples,
        );
    }
}

#[test]
fn installs_are_whole_people_and_never_exceed_the_not_yet_adopted() {
    let mut rng = run_rng(2024, 4);
    for (not_adopted, residents, probability) in
        [(0.5, 1000.0, 0.01), (0.0004, 1000.0, 1.0), (0.8, 333.0, 0.7), (0.3, 0.0, 0.5)]
    {
        let share = sample::installs_share(&mut rng, not_adopted, residents, probability);
        assert!(share >= 0.0 && share <= not_adopted, "{share}");
        let people = share * residents;
        assert!((people - people.round()).abs() < 1e-9 || share == not_adopted, "{people}");
    }
}

/// The average number of 32-bit words of the stream one call of `draw` consumes, over `n_draws` calls.
fn words_per_draw(
    rng: &mut wuzha::uncertainty::rng::Rng,
    n_draws: usize,
    mut draw: impl FnMut(&mut wuzha::uncertainty::rng::Rng),
) -> f64 {
    let start = rng.get_word_pos();
    for _ in 0..n_draws {
        draw(rng);
    }
    (rng.get_word_pos() - start) as f64 / n_draws as f64
}

#[test]
fn sampler_cost_does_not_grow_with_the_count() {
    let mut rng = run_rng(2024, 5);
    let n_draws = 4_000;
    // Counted in uniforms read, not time: a uniform is one u64, two words.
    let poisson_small = words_per_draw(&mut rng, n_draws, |rng| {
        sample::poisson(rng, 1e2);
    });
    let poisson_large = words_per_draw(&mut rng, n_draws, |rng| {
        sample::poisson(rng, 1e6);
    });
    assert!(poisson_small <= 6.0 && poisson_large <= 1.1 * poisson_small, "{poisson_small} {poisson_large}");
    for p in [0.3, 0.001] {
        let binomial_small = words_per_draw(&mut rng, n_draws, |rng| {
            sample::binomial(rng, 1e4, p);
        });
        let binomial_large = words_per_draw(&mut rng, n_draws, |rng| {
            sample::binomial(rng, 1e9, p);
        });
        assert!(
            binomial_large <= 6.0 && binomial_large <= 1.1 * binomial_small.max(4.0),
            "{binomial_small} {binomial_large}"
        );
    }
    for n_cases in [31.0, 1e2, 1e6, 1e12] {
        let words = words_per_draw(&mut rng, n_draws, |rng| {
            sample::total_loss(rng, n_cases, 30_000.0);
        });
        assert_eq!(words, 4.0, "{n_cases} cases: one normal (two uniforms)");
    }
    let exact = words_per_draw(&mut rng, n_draws, |rng| {
        sample::total_loss(rng, sample::EXACT_LOSS_CASES, 30_000.0);
    });
    assert_eq!(exact, 4.0 * sample::EXACT_LOSS_CASES, "exact up to the threshold: one normal per case");
    // And the large draws have the right centre.
    let (mean, _) = moments(4_000, || sample::poisson(&mut rng, 1e6));
    assert!((mean - 1e6).abs() < 5.0 * (1e6_f64 / 4_000.0).sqrt(), "{mean}");
    let (mean, _) = moments(4_000, || sample::binomial(&mut rng, 1e9, 0.3));
    assert!((mean - 3e8).abs() < 5.0 * (1e9 * 0.21 / 4_000.0_f64).sqrt(), "{mean}");
}

#[test]
fn total_loss_has_the_mean_and_variance_of_the_sum_of_its_cases() {
    let mut rng = run_rng(2024, 6);
    let loss_per_case = 30_000.0;
    let excess = montecarlo::LOSS_SIGMA.powi(2).exp_m1();
    let n_samples = 100_000;
    for n_cases in [1.0, 5.0, 30.0, 31.0, 200.0, 1e6] {
        let draws = moments(n_samples, || sample::total_loss(&mut rng, n_cases, loss_per_case));
        let true_mean = n_cases * loss_per_case;
        let true_variance = n_cases * loss_per_case * loss_per_case * excess;
        let label = format!("total loss of {n_cases} cases");
        // The variance of a heavy-tailed sample variance: 10 % for one case (kurtosis 114), 6 % above.
        let (mean, variance) = draws;
        let standard_error = (true_variance / n_samples as f64).sqrt();
        assert!((mean - true_mean).abs() <= 5.0 * standard_error, "{label}: mean {mean} vs {true_mean}");
        let tolerance = if n_cases < 5.0 { 0.15 } else { 0.06 };
        assert!((variance / true_variance - 1.0).abs() <= tolerance, "{label}: variance {variance} vs {true_variance}");
    }
    // Just above the threshold the moment-matched draw's quantiles are those of the exact sum within 3 %
    // (measured: P10 2 % low, P50 and P90 within 0.6 %, sampling noise included).
    let quantiles = |draws: &mut Vec<f64>| {
        draws.sort_by(f64::total_cmp);
        [draws[draws.len() / 10], draws[draws.len() / 2], draws[draws.len() * 9 / 10]]
    };
    let n_cases = sample::EXACT_LOSS_CASES + 1.0;
    let mut matched: Vec<f64> = (0..40_000).map(|_| sample::total_loss(&mut rng, n_cases, 1.0)).collect();
    let mut exact: Vec<f64> = (0..40_000)
        .map(|_| (0..n_cases as usize).map(|_| sample::lognormal(&mut rng, 1.0, montecarlo::LOSS_SIGMA)).sum())
        .collect();
    let (matched, exact) = (quantiles(&mut matched), quantiles(&mut exact));
    for (m, e) in matched.iter().zip(&exact) {
        assert!((m / e - 1.0).abs() < 0.03, "matched {matched:?} vs exact {exact:?}");
    }
}

#[test]
fn memory_stops_growing_with_runs_and_bands_stay_within_one_sketch_bin() {
    let scenario = fixture();
    let config = config(3_000, 8, true);
    let mut accumulator = Accumulator::new(&scenario, &config, config.n_runs);
    let mut cash: Vec<Vec<f32>> = vec![Vec::new(); scenario.n_days()];
    let mut adopted: Vec<Vec<f32>> = vec![Vec::new(); scenario.n_days()];
    let mut loss: Vec<f64> = Vec::new();
    let mut bytes_at = Vec::new();
    for run_idx in 0..config.n_runs {
        let outcome = montecarlo::run_one(&scenario, &config, run_idx);
        for day_idx in 0..scenario.n_days() {
            cash[day_idx].push(outcome.daily.cash_cost_cum[day_idx] as f32);
            adopted[day_idx].push(outcome.daily.adopted[0][day_idx] as f32);
        }
        loss.push(outcome.totals.loss_yuan);
        accumulator.push(&outcome);
        if [100, montecarlo::EXACT_RUNS, 1_000, 3_000].contains(&(run_idx + 1)) {
            bytes_at.push(accumulator.bytes_held());
        }
    }
    // 3 000 runs hold what 1 000 hold, and no more than the exact samples of 256 runs (+ 4 %).
    assert_eq!(bytes_at[2], bytes_at[3], "{bytes_at:?}");
    assert!(bytes_at[3] as f64 <= 1.04 * bytes_at[1] as f64 && bytes_at[0] < bytes_at[1], "{bytes_at:?}");
    let summary = accumulator.finish();
    assert_eq!(summary.sample_bytes, bytes_at[3]);
    let exact = |values: &mut Vec<f32>, percent: usize| {
        values.sort_by(f32::total_cmp);
        f64::from(values[montecarlo::quantile_index(percent, values.len())])
    };
    for (name, samples, bands) in
        [("cash", &mut cash, &summary.daily.cash_cost_cum), ("adopted", &mut adopted, &summary.daily.adopted[0])]
    {
        for (day_idx, values) in samples.iter_mut().enumerate() {
            let spread = f64::from(values.iter().copied().fold(f32::NEG_INFINITY, f32::max))
                - f64::from(values.iter().copied().fold(f32::INFINITY, f32::min));
            // The documented bound: one bin of a range within 4 × the spread.
            let tolerance = 4.0 * spread / montecarlo::SKETCH_BINS as f64 + 1e-12;
            for (percent, band) in [(10, &bands.p10), (50, &bands.p50), (90, &bands.p90)] {
                let truth = exact(values, percent);
                assert!(
                    (band[day_idx] - truth).abs() <= tolerance,
                    "{name} day {day_idx} P{percent}: {} vs exact {truth} (spread {spread})",
                    band[day_idx]
                );
            }
        }
    }
    let stats = &summary.distributions.loss_yuan;
    let mean = loss.iter().sum::<f64>() / loss.len() as f64;
    assert!((stats.mean - mean).abs() <= 1e-9 * mean, "the mean stays exact");
    loss.sort_by(f64::total_cmp);
    let spread = loss[loss.len() - 1] - loss[0];
    assert_eq!((stats.min, stats.max), (loss[0], loss[loss.len() - 1]));
    for (percent, value) in [(10, stats.p10), (50, stats.p50), (90, stats.p90)] {
        let truth = loss[montecarlo::quantile_index(percent, loss.len())];
        assert!(
            (value - truth).abs() <= 4.0 * spread / montecarlo::SKETCH_BINS as f64,
            "P{percent} {value} vs {truth}"
        );
    }
    check_summary_is_coherent("3000 runs", &scenario, &summary);
}

#[test]
fn the_runs_budget_fits_the_app_default_and_refuses_what_would_take_too_long() {
    use wuzha::uncertainty::budget;
    let honglin = scenario_file("honglin-2022");
    let max_runs = montecarlo::max_runs_within(&honglin, montecarlo::RUNS_BUDGET_SECONDS);
    assert!((500..montecarlo::MAX_RUNS).contains(&max_runs), "{max_runs}");
    assert_eq!(montecarlo::runs_refusal(&honglin, max_runs, "--runs", wuzha::Lang::En), None);
    let refusal = montecarlo::runs_refusal(&honglin, max_runs + 1, "--runs", wuzha::Lang::En).unwrap_or_default();
    assert!(refusal.contains(&format!("at most {max_runs} runs (--runs {max_runs})")), "{refusal}");
    // Twice the work, about half the runs; and the estimate ignores last year's counts.
    let mut doubled = honglin.clone();
    doubled.segments.extend(honglin.segments.clone());
    let doubled_max = montecarlo::max_runs_within(&doubled, montecarlo::RUNS_BUDGET_SECONDS);
    assert!(doubled_max < max_runs * 6 / 10 && doubled_max > max_runs * 4 / 10, "{doubled_max} vs {max_runs}");
    assert!(budget::seconds_per_run(&honglin) > 0.0);
    assert_eq!(montecarlo::max_runs_within(&honglin, 0.0), 0);
}
