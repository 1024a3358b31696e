//! The `wuzha` command line as a user runs it: exit codes, messages naming fields, CSV columns, JSON summary.

use crate::common;

use std::path::PathBuf;

use crate::common::cli::{text, write_temp, wuzha};

fn valid_file() -> PathBuf {
    let mut value = common::minimal();
    value["targets"] = serde_json::json!([
        { "id": "app", "name": "安装率", "metric": "adoption", "product": "national_app", "threshold": 0.08, "deadline": "2022-06-30" }
    ]);
    write_temp("valid.json", value.to_string().as_bytes())
}

#[test]
fn check_prints_one_line_for_a_valid_file() {
    let output = wuzha(&["check", valid_file().to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("测试镇") && stdout.contains("1 个村/社区"), "{stdout}");
}

#[test]
fn check_names_every_bad_field_and_exits_2() {
    let mut value = common::minimal();
    value["villages"][0]["residents"] = serde_json::json!(-5);
    value["end_date"] = serde_json::json!("2021-01-01");
    let path = write_temp("invalid.json", value.to_string().as_bytes());
    let output = wuzha(&["check", path.to_str().unwrap_or_default(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("villages[0].residents: value -5 is out of range"), "{stderr}");
    assert!(stderr.contains("end_date: end date 2021-01-01 is before start date 2022-01-01"), "{stderr}");
    let zh = text(&wuzha(&["check", path.to_str().unwrap_or_default()]).stderr);
    assert!(zh.contains("villages[0].residents: 数值 -5 超出允许范围"), "{zh}");
}

#[test]
fn unreadable_and_binary_files_exit_2_without_a_panic() {
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    for path in
        [write_temp("garbage.json", &garbage), PathBuf::from("/nonexistent/wuzha.json"), write_temp("empty.json", b"")]
    {
        let output = wuzha(&["check", path.to_str().unwrap_or_default()]);
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let stderr = text(&output.stderr);
        assert!(!stderr.contains("panicked") && !stderr.is_empty(), "{stderr}");
    }
}

#[test]
fn usage_errors_exit_1() {
    assert_eq!(wuzha(&[]).status.code(), Some(1));
    assert_eq!(wuzha(&["simulate", "x.json", "--format", "xml"]).status.code(), Some(1));
    assert_eq!(wuzha(&["--help"]).status.code(), Some(0));
}

#[test]
fn simulate_csv_has_one_row_per_day_and_the_documented_columns() {
    let output = wuzha(&["simulate", valid_file().to_str().unwrap_or_default(), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    for column in
        ["date", "reached", "aware", "adopted_national_app", "cash_cost_cum", "rewards_paid_cum", "cases_expected_cum"]
    {
        assert!(header.contains(&column), "missing column {column}: {header:?}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 365);
    assert!(rows[0].starts_with("2022-01-01,") && rows[364].starts_with("2022-12-31,"));
    let adopted_idx = header.iter().position(|c| *c == "adopted_national_app").unwrap_or(0);
    let adopted: f64 = rows[364].split(',').nth(adopted_idx).and_then(|v| v.parse().ok()).unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&adopted) && adopted > 0.1, "{adopted}");
}

#[test]
fn simulate_json_summarises_targets_totals_and_score() {
    let output = wuzha(&["simulate", valid_file().to_str().unwrap_or_default(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    let target = &summary["targets"][0];
    assert_eq!(target["id"], "app");
    assert_eq!(target["met"], true);
    assert_eq!(target["first_met"].as_str().map(|date| date < "2022-06-30"), Some(true));
    assert!(target["value_at_deadline"].as_f64().is_some_and(|value| value > 0.08));
    for field in [
        "cash_yuan",
        "rewards_paid_yuan",
        "staff_hours",
        "cases_expected",
        "counterfactual_cases",
        "cases_averted",
        "loss_yuan",
    ] {
        assert!(summary["totals"][field].is_number(), "totals.{field}");
    }
    let parts = summary["assessment"]["parts"].as_array().map(Vec::len);
    assert_eq!(parts, Some(3), "the default seed-004 scheme has three parts");
    assert_eq!(summary["assessment"]["total_max"].as_f64(), Some(100.0));
}

#[test]
fn monte_carlo_json_puts_target_probabilities_first_and_is_reproducible() {
    let path = valid_file();
    let path = path.to_str().unwrap_or_default();
    let output = wuzha(&["simulate", path, "--runs", "20", "--seed", "3"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let targets_at = stdout.find("\"targets\"").unwrap_or(usize::MAX);
    let daily_at = stdout.find("\"distributions\"").unwrap_or(0);
    assert!(targets_at < daily_at, "targets come before the distributions:\n{stdout}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    assert_eq!(summary["n_runs"], 20);
    assert_eq!(summary["seed"], 3);
    let target = &summary["targets"][0];
    assert_eq!(target["id"], "app");
    assert!(target["probability_met"].as_f64().is_some_and(|p| (0.0..=1.0).contains(&p)), "{target}");
    for figure in ["cash_yuan", "cases_averted", "score"] {
        let stats = &summary["distributions"][figure];
        let quantiles: Vec<f64> = ["p10", "p50", "p90"].iter().filter_map(|key| stats[key].as_f64()).collect();
        assert!(
            quantiles.len() == 3 && quantiles[0] <= quantiles[1] && quantiles[1] <= quantiles[2],
            "{figure}: {stats}"
        );
    }
    assert!(summary["chance_alone"]["probability_rise"].as_f64().is_some_and(|p| p > 0.3 && p < 0.5));
    assert!(summary.get("daily").is_none(), "the daily bands are for --format csv");
    assert_eq!(wuzha(&["simulate", path, "--runs", "20", "--seed", "3"]).stdout, output.stdout);
    assert_ne!(wuzha(&["simulate", path, "--runs", "20", "--seed", "4"]).stdout, output.stdout);
    // The scenario's own seed by default.
    let default_seed: serde_json::Value =
        serde_json::from_slice(&wuzha(&["simulate", path, "--runs", "2"]).stdout).unwrap_or_default();
    assert_eq!(default_seed["seed"], 1);
}

#[test]
fn monte_carlo_csv_has_bands_for_every_day() {
    let output = wuzha(&["simulate", valid_file().to_str().unwrap_or_default(), "--runs", "12", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    assert_eq!(header[0], "date");
    for series in ["reached", "aware", "adopted_national_app", "cash_cost_cum", "cases_expected_cum"] {
        for suffix in ["p10", "p50", "p90", "mean"] {
            assert!(header.contains(&format!("{series}_{suffix}").as_str()), "missing {series}_{suffix}: {header:?}");
        }
    }
    let rows: Vec<Vec<f64>> =
        lines.map(|line| line.split(',').skip(1).map(|value| value.parse().unwrap_or(f64::NAN)).collect()).collect();
    assert_eq!(rows.len(), 365);
    let p10_idx = header.iter().position(|column| *column == "adopted_national_app_p10").unwrap_or(0) - 1;
    for row in &rows {
        assert_eq!(row.len(), header.len() - 1);
        let (p10, p50, p90) = (row[p10_idx], row[p10_idx + 1], row[p10_idx + 2]);
        assert!(p10 <= p50 && p50 <= p90, "{p10} {p50} {p90}");
    }
    assert!(rows[364][p10_idx + 1] > 0.1, "adoption grows over the year");
}

#[test]
fn monte_carlo_usage_errors_exit_1_with_a_clear_message() {
    let path = valid_file();
    let path = path.to_str().unwrap_or_default();
    for (args, message) in [
        (vec!["simulate", path, "--seed", "7"], "--seed needs --runs"),
        (vec!["simulate", path, "--runs", "0"], "--runs must be at least 1"),
        (vec!["simulate", path, "--runs", "100001"], "--runs takes at most 100000 runs, not 100001"),
        (vec!["simulate", path, "--runs", "many"], "--runs takes a whole number of runs (1-100000), not many"),
        (vec!["simulate", path, "--runs", "5", "--seed", "-1"], "--seed takes a whole number from 0 to 2^64-1, not -1"),
        (vec!["check", path, "--runs", "5"], "check takes no --runs or --seed"),
    ] {
        let output = wuzha(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn unknown_fields_are_warned_about_on_stderr_and_a_newer_file_is_refused() {
    let mut value = common::minimal();
    value["county_code"] = serde_json::json!("431224");
    let path = write_temp("extra.json", value.to_string().as_bytes());
    let output = wuzha(&["check", path.to_str().unwrap_or_default(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("warning: county_code: unknown field: kept"), "{stderr}");
    let zh = text(&wuzha(&["check", path.to_str().unwrap_or_default()]).stderr);
    assert!(zh.contains("提示: county_code: 本程序不认识此字段"), "{zh}");

    value["format_version"] = serde_json::json!(wuzha::FORMAT_VERSION + 1);
    let path = write_temp("newer.json", value.to_string().as_bytes());
    let output = wuzha(&["check", path.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("format_version: 此文件由更新版本的无诈推演保存"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_file_over_the_shared_size_limit_is_refused_before_reading() {
    let path = write_temp("big.json", &vec![b' '; wuzha::MAX_FILE_BYTES + 1]);
    let output = wuzha(&["check", path.to_str().unwrap_or_default(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("file too large"), "{}", text(&output.stderr));
}

#[cfg(unix)]
#[test]
fn a_device_or_pipe_without_a_size_is_cut_at_the_limit_not_read_forever() {
    // /dev/zero reports size 0: the limit must be on the stream, not on the reported size.
    let output = wuzha(&["check", "/dev/zero", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("/dev/zero: file too large (more than 5242880 bytes"),
        "{}",
        text(&output.stderr)
    );

    // Standard input (`-`) fed without end through a pipe: the tool stops after the limit and says so.
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_wuzha"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run wuzha: {error}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let writer = std::thread::spawn(move || {
        let block = vec![b' '; 64 * 1024];
        // The tool closes the pipe after the limit: writing then fails, which ends this loop.
        for _ in 0..1_000 {
            if stdin.write_all(&block).is_err() {
                return true;
            }
        }
        false
    });
    let output = child.wait_with_output().unwrap_or_else(|error| panic!("wuzha: {error}"));
    assert!(writer.join().unwrap_or(false), "the tool read more than 64 MB from a pipe");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("-: 文件过大（超过 5242880 字节"), "{}", text(&output.stderr));
}

#[test]
fn a_valid_file_can_come_through_standard_input() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let bytes = std::fs::read(valid_file()).unwrap_or_default();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wuzha"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run wuzha: {error}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&bytes).unwrap_or_else(|error| panic!("{error}"));
    }
    let output = child.wait_with_output().unwrap_or_else(|error| panic!("wuzha: {error}"));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("测试镇"));
}

#[test]
fn utf16_and_gbk_files_get_a_hint_to_save_as_utf8() {
    let json = common::minimal().to_string();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(json.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16_no_bom: Vec<u8> = json.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // "测试镇" in GBK.
    let gbk = b"{\"name\": \"\xb2\xe2\xca\xd4\xd5\xf2\"}".to_vec();
    for (bytes, en, zh) in [
        (utf16, "it looks like UTF-16", "看起来是 UTF-16 编码"),
        (utf16_no_bom, "it looks like UTF-16", "看起来是 UTF-16 编码"),
        (gbk, "it looks like GBK/ANSI", "看起来是 GBK/ANSI 编码"),
    ] {
        let path = write_temp("encoded.json", &bytes);
        let output = wuzha(&["check", path.to_str().unwrap_or_default(), "--lang", "en"]);
        assert_eq!(output.status.code(), Some(2));
        let stderr = text(&output.stderr);
        assert!(stderr.contains(en) && stderr.contains("Save As") && stderr.contains("WPS"), "{stderr}");
        let stderr = text(&wuzha(&["check", path.to_str().unwrap_or_default()]).stderr);
        assert!(stderr.contains(zh) && stderr.contains("另存为"), "{stderr}");
    }
}

#[test]
fn unknown_field_warnings_are_capped_at_twenty_and_a_count() {
    let mut value = common::minimal();
    for idx in 0..5_000 {
        value[format!("extra_{idx}")] = serde_json::json!(idx);
    }
    let path = write_temp("many-extra.json", value.to_string().as_bytes());
    let output = wuzha(&["check", path.to_str().unwrap_or_default(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 21, "{stderr}");
    assert!(stderr.contains("warning: … and 4980 more warnings not shown (5000 in all)"), "{stderr}");
}

#[test]
fn monte_carlo_runs_over_the_time_budget_are_refused_naming_the_flag_and_the_estimate() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios").join("honglin-2022.json");
    let path = path.to_str().unwrap_or_default();
    for (lang, words) in [("zh", ["--runs 100000：约", "此方案最多"]), ("en", ["--runs 100000: about", "at most"])]
    {
        let output = wuzha(&["simulate", path, "--runs", "100000", "--lang", lang]);
        assert_eq!(output.status.code(), Some(1), "{lang}");
        let stderr = text(&output.stderr);
        for word in words {
            assert!(stderr.contains(word), "{lang}: {stderr}");
        }
        assert!(output.stdout.is_empty(), "{lang}: refused before any run");
    }
}
