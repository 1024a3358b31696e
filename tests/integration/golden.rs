//! Golden scenarios: each file in `scenarios/` has checked-in expected results in `scenarios/expected/` and three
//! tests of its own, so a failure names the scenario and the result:
//! - `golden::<name>`: the deterministic run, `<name>.summary.json` and `<name>.daily.csv`;
//! - `golden::montecarlo::<name>`: a Monte Carlo batch of [`MONTE_CARLO_RUNS`] runs with the file's seed and noise
//!   on, `<name>.montecarlo.json` (the compact summary and the fingerprint of the whole summary, daily bands included);
//! - `golden::optimise::<name>`: the optimiser on `cases_averted` at small fixed settings ([`optimise_config`]),
//!   `<name>.optimise.json` (the configuration used and the result).
//!
//! Brittle on purpose: numbers must agree to 1e-9 relative, text and the fingerprint exactly. After an intended
//! change to the model, regenerate with `WUZHA_BLESS=1 cargo test --test integration golden::` and review the diff of
//! `scenarios/expected/` like code.

use std::path::{Path, PathBuf};
use wuzha::planner::{optimise, Objective, OptimiseConfig};
use wuzha::uncertainty::{run_batch, MonteCarloConfig};

/// Runs of the Monte Carlo golden: few enough for every `cargo test`, enough to fill the bands and histograms.
const MONTE_CARLO_RUNS: usize = 32;

/// The command that rewrites every golden file.
const BLESS: &str = "WUZHA_BLESS=1 cargo test --test integration golden::";

/// Relative tolerance when comparing numbers: brittle on purpose, loose only for the last few bits.
const TOLERANCE: f64 = 1e-9;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn numbers_match(expected: f64, actual: f64) -> bool {
    (expected - actual).abs() <= TOLERANCE * expected.abs().max(1.0)
}

/// Compares two JSON values; numbers within [`TOLERANCE`], everything else exactly. Returns the first difference.
fn json_difference(expected: &serde_json::Value, actual: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
            (!numbers_match(e, a)).then(|| format!("{path}: expected {e}, got {a}"))
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            e.iter().zip(a).enumerate().find_map(|(idx, (e, a))| json_difference(e, a, &format!("{path}[{idx}]")))
        }
        (Value::Object(e), Value::Object(a)) if e.len() == a.len() => e.iter().find_map(|(key, e)| match a.get(key) {
            Some(a) => json_difference(e, a, &format!("{path}.{key}")),
            None => Some(format!("{path}.{key}: missing")),
        }),
        _ => (expected != actual).then(|| format!("{path}: expected {expected}, got {actual}")),
    }
}

fn csv_difference(expected: &str, actual: &str) -> Option<String> {
    let (expected_lines, actual_lines): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    if expected_lines.len() != actual_lines.len() {
        return Some(format!("{} rows expected, {} produced", expected_lines.len(), actual_lines.len()));
    }
    for (row_idx, (e_row, a_row)) in expected_lines.iter().zip(&actual_lines).enumerate() {
        let (e_fields, a_fields): (Vec<&str>, Vec<&str>) = (e_row.split(',').collect(), a_row.split(',').collect());
        if e_fields.len() != a_fields.len() {
            return Some(format!("row {row_idx}: {} fields expected, {} produced", e_fields.len(), a_fields.len()));
        }
        for (col_idx, (e, a)) in e_fields.iter().zip(&a_fields).enumerate() {
            let same = match (e.parse::<f64>(), a.parse::<f64>()) {
                (Ok(e), Ok(a)) => numbers_match(e, a),
                _ => e == a,
            };
            if !same {
                return Some(format!(
                    "row {row_idx}, column {}: expected {e}, got {a}",
                    e_fields.get(col_idx).map_or("", |_| e_lines_header(expected, col_idx))
                ));
            }
        }
    }
    None
}

fn e_lines_header(csv: &str, col_idx: usize) -> &str {
    csv.lines().next().and_then(|header| header.split(',').nth(col_idx)).unwrap_or("?")
}

fn blessing() -> bool {
    std::env::var_os("WUZHA_BLESS").is_some()
}

fn scenario(name: &str) -> wuzha::Scenario {
    let scenario_path = root().join("scenarios").join(format!("{name}.json"));
    match wuzha::parse_scenario(&read(&scenario_path)) {
        Ok((_file, scenario)) => scenario,
        Err(errors) => {
            panic!("{name}: invalid: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
        }
    }
}

fn expected_path(file_name: &str) -> PathBuf {
    root().join("scenarios").join("expected").join(file_name)
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}

/// Compares `actual` (pretty JSON) with the golden file `file_name`, or writes it when blessing.
fn check_json_golden(name: &str, file_name: &str, actual: &serde_json::Value) {
    let path = expected_path(file_name);
    let text = serde_json::to_string_pretty(actual).unwrap_or_default() + "\n";
    if blessing() {
        write(&path, &text);
        return;
    }
    assert!(path.exists(), "{name}: no scenarios/expected/{file_name}; run {BLESS} and review it");
    let expected: serde_json::Value = serde_json::from_str(&read(&path)).unwrap_or_default();
    if let Some(difference) = json_difference(&expected, actual, file_name) {
        panic!("{name}: {difference}\n(after an intended change: {BLESS}, then review the diff)");
    }
}

fn check_golden(name: &str) {
    let scenario = scenario(name);
    let outcome = wuzha::simulate(&scenario);
    let summary = serde_json::to_string_pretty(&outcome.summary()).unwrap_or_default() + "\n";
    let csv = wuzha::export::daily_csv(&outcome);

    let summary_path = expected_path(&format!("{name}.summary.json"));
    let csv_path = expected_path(&format!("{name}.daily.csv"));
    if blessing() {
        write(&summary_path, &summary);
        write(&csv_path, &csv);
        return;
    }
    assert!(summary_path.exists(), "{name}: no expected results; run {BLESS} and review them");
    let expected_summary: serde_json::Value = serde_json::from_str(&read(&summary_path)).unwrap_or_default();
    let actual_summary: serde_json::Value = serde_json::from_str(&summary).unwrap_or_default();
    if let Some(difference) = json_difference(&expected_summary, &actual_summary, "summary") {
        panic!("{name}: {difference}");
    }
    if let Some(difference) = csv_difference(&read(&csv_path), &csv) {
        panic!("{name}: daily.csv: {difference}");
    }
}

/// The Monte Carlo golden: [`MONTE_CARLO_RUNS`] runs, the file's seed, process noise on.
fn check_montecarlo_golden(name: &str) {
    let scenario = scenario(name);
    let config = MonteCarloConfig::for_scenario(&scenario, MONTE_CARLO_RUNS);
    let summary = run_batch(&scenario, &config, |_| {});
    let actual = serde_json::json!({
        "n_runs": config.n_runs,
        "seed": config.seed,
        "noise": config.noise,
        // FNV-1a of the whole summary's JSON (daily bands and dates included): equal bits or a failure.
        "fingerprint": format!("{:016x}", summary.fingerprint()),
        "summary": summary.compact(),
    });
    check_json_golden(name, &format!("{name}.montecarlo.json"), &actual);
}

/// The optimiser's settings for the goldens: the defaults for `cases_averted` on a coarse grid with one refinement
/// sweep, so the four scenarios take seconds.
fn optimise_config(scenario: &wuzha::Scenario) -> OptimiseConfig {
    let mut config = OptimiseConfig::new(scenario, Objective::CasesAverted);
    config.grid_steps = 4;
    config.refine_sweeps = 0;
    config
}

/// The optimiser golden: [`optimise_config`] and the result (plans, variables, marginals, summaries, evaluations).
fn check_optimise_golden(name: &str) {
    let scenario = scenario(name);
    let config = optimise_config(&scenario);
    let result = optimise(&scenario, &config);
    let actual = serde_json::json!({ "config": config, "result": result });
    check_json_golden(name, &format!("{name}.optimise.json"), &actual);
}

macro_rules! golden_tests {
    ($($test:ident => $name:literal),* $(,)?) => {
        $( #[test] fn $test() { check_golden($name); } )*

        /// One Monte Carlo golden per scenario file.
        mod montecarlo {
            $( #[test] fn $test() { super::check_montecarlo_golden($name); } )*
        }

        /// One optimiser golden per scenario file.
        mod optimise {
            $( #[test] fn $test() { super::check_optimise_golden($name); } )*
        }

        /// Every scenario file must have a golden test above, so none can be added without expected results.
        #[test]
        fn every_scenario_file_has_a_golden_test() {
            let known = [$($name),*];
            let dir = root().join("scenarios");
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
            let mut n_files = 0;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|ext| ext == "json") {
                    let stem = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_string();
                    assert!(known.contains(&stem.as_str()), "scenarios/{stem}.json has no golden test in tests/integration/golden.rs");
                    n_files += 1;
                }
            }
            assert_eq!(n_files, known.len(), "a golden test names a scenario file that does not exist");
        }
    };
}

golden_tests! {
    honglin_2022 => "honglin-2022",
    qiaojiang_2021 => "qiaojiang-2021",
    binzhou_2021 => "binzhou-2021",
    template => "template",
}
