//! Golden scenarios: each file in `scenarios/` has checked-in expected results in `scenarios/expected/`
//! (the JSON summary and the daily CSV) and its own test, so a failure names the scenario.
//!
//! After an intended change to the model, regenerate with `WUZHA_BLESS=1 cargo test --test golden`
//! and review the diff of `scenarios/expected/` like code.

use std::path::{Path, PathBuf};

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

fn check_golden(name: &str) {
    let scenario_path = root().join("scenarios").join(format!("{name}.json"));
    let (_file, scenario) = wuzha::parse_scenario(&read(&scenario_path)).unwrap_or_else(|errors| {
        panic!("{name}: invalid: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
    });
    let outcome = wuzha::simulate(&scenario);
    let summary = serde_json::to_string_pretty(&outcome.summary()).unwrap_or_default() + "\n";
    let csv = wuzha::export::daily_csv(&outcome);

    let expected_dir = root().join("scenarios").join("expected");
    let summary_path = expected_dir.join(format!("{name}.summary.json"));
    let csv_path = expected_dir.join(format!("{name}.daily.csv"));
    if std::env::var_os("WUZHA_BLESS").is_some() {
        std::fs::create_dir_all(&expected_dir).unwrap_or_else(|error| panic!("{}: {error}", expected_dir.display()));
        std::fs::write(&summary_path, &summary).unwrap_or_else(|error| panic!("{}: {error}", summary_path.display()));
        std::fs::write(&csv_path, &csv).unwrap_or_else(|error| panic!("{}: {error}", csv_path.display()));
        return;
    }
    assert!(
        summary_path.exists(),
        "{name}: no expected results; run WUZHA_BLESS=1 cargo test --test golden and review them"
    );
    let expected_summary: serde_json::Value = serde_json::from_str(&read(&summary_path)).unwrap_or_default();
    let actual_summary: serde_json::Value = serde_json::from_str(&summary).unwrap_or_default();
    if let Some(difference) = json_difference(&expected_summary, &actual_summary, "summary") {
        panic!("{name}: {difference}");
    }
    if let Some(difference) = csv_difference(&read(&csv_path), &csv) {
        panic!("{name}: daily.csv: {difference}");
    }
}

macro_rules! golden_tests {
    ($($test:ident => $name:literal),* $(,)?) => {
        $( #[test] fn $test() { check_golden($name); } )*

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
                    assert!(known.contains(&stem.as_str()), "scenarios/{stem}.json has no golden test in tests/golden.rs");
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
