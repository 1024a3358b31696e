//! The planner's commands as a user runs them: `wuzha optimise`, `frontier`, `sensitivity`; exit codes,
//! messages naming the flag in zh and en, JSON and text output, `--out` writing a valid optimised file.

use crate::common;

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Output;

use crate::common::cli::{text, write_temp, wuzha};

/// One village, a banner and door-to-door visits, a floor, a reward, a budget and a target.
fn plan_file() -> PathBuf {
    let mut value = common::minimal();
    value["channels"] = json!([common::banner(), common::visits()]);
    value["schedule"] = json!([
        { "channel": "banner", "phase": "all_year", "units": 4 },
        { "channel": "visit", "phase": "all_year", "units": 1, "per": "week", "basis": "per_grid_worker" }
    ]);
    value["floors"] = json!([{ "channel": "banner", "min_units_per_village": 3 }]);
    value["rewards"] = json!([{ "phase": "all_year", "product": "national_app", "yuan_per_install": 2 }]);
    value["budget"] = json!({ "total_yuan": 2000 });
    value["targets"] = json!([
        { "id": "app", "name": "安装率", "metric": "adoption", "product": "national_app", "threshold": 0.5, "deadline": "2022-06-30" }
    ]);
    write_temp("plan.json", value.to_string().as_bytes())
}

fn json_of(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| panic!("{error}: {}", text(&output.stdout)))
}

#[test]
fn optimise_prints_the_allocation_outcome_marginal_returns_and_summary() {
    let path = plan_file();
    let path = path.to_str().unwrap_or_default();
    let result = json_of(&wuzha(&["optimise", path, "--budget", "2800", "--format", "json"]));
    assert_eq!(result["objective"]["kind"], "cases_averted");
    assert_eq!(result["budget_yuan"], 2800.0);
    let variables = result["variables"].as_array().cloned().unwrap_or_default();
    assert_eq!(variables.len(), 3, "two schedule lines and the reward");
    for variable in &variables {
        for field in ["kind", "label", "draft", "suggested", "low", "high", "step"] {
            assert!(!variable[field].is_null(), "{field}: {variable}");
        }
        assert!(variable.get("marginal_per_1000_yuan").is_some());
    }
    assert!(result["suggested"]["cost_yuan"].as_f64().is_some_and(|cost| cost <= 2800.0 + 1e-6), "{result}");
    assert!(result["evaluations"].as_u64().is_some_and(|n| n > 3));
    assert!(result["summary_zh"].as_str().is_some_and(|s| s.contains("预算 2800 元")), "{result}");
    assert!(result["summary_en"].as_str().is_some_and(|s| s.contains("Budget 2800 yuan")), "{result}");

    let zh = wuzha(&["optimise", path, "--budget", "2800"]);
    assert_eq!(zh.status.code(), Some(0), "{}", text(&zh.stderr));
    let zh = text(&zh.stdout);
    assert!(zh.contains("决策变量") && zh.contains("边际收益/千元") && zh.contains("预算 2800 元"), "{zh}");
    let en = text(&wuzha(&["optimise", path, "--budget", "2800", "--lang", "en"]).stdout);
    assert!(en.contains("next/1000 yuan") && en.contains("Budget 2800 yuan"), "{en}");
    // Deterministic: the same command, the same bytes.
    assert_eq!(text(&wuzha(&["optimise", path, "--budget", "2800", "--lang", "en"]).stdout), en);
}

#[test]
fn out_writes_a_valid_optimised_scenario_file() {
    let path = plan_file();
    let out = write_temp("optimised.json", b"");
    let result = json_of(&wuzha(&[
        "optimise",
        path.to_str().unwrap_or_default(),
        "--budget",
        "2600",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap_or_default(),
    ]));
    let check = wuzha(&["check", out.to_str().unwrap_or_default()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let summary = json_of(&wuzha(&["simulate", out.to_str().unwrap_or_default()]));
    assert_eq!(summary["totals"]["cash_yuan"], result["suggested"]["cost_yuan"]);
    assert_eq!(summary["budget"]["total_cap_yuan"], 2600.0);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_default()).unwrap_or_default();
    let suggested: Vec<Value> = result["variables"]
        .as_array()
        .map(|variables| variables.iter().map(|variable| variable["suggested"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(written["schedule"][0]["units"], suggested[0]);
    assert_eq!(written["schedule"][1]["units"], suggested[1]);
    assert_eq!(written["rewards"][0]["yuan_per_install"], suggested[2]);
}

#[test]
fn a_phase_cap_from_the_command_line_is_kept() {
    let path = plan_file();
    let result = json_of(&wuzha(&[
        "optimise",
        path.to_str().unwrap_or_default(),
        "--budget",
        "5000",
        "--phase-cap",
        "all_year=2500",
        "--format",
        "json",
    ]));
    assert_eq!(result["suggested"]["within_constraints"], true, "{result}");
    assert!(result["suggested"]["phase_cost_yuan"][0].as_f64().is_some_and(|cost| cost <= 2500.0 + 1e-6), "{result}");
}

#[test]
fn min_cost_meets_the_target_and_says_so() {
    let path = plan_file();
    let path = path.to_str().unwrap_or_default();
    let result = json_of(&wuzha(&[
        "optimise",
        path,
        "--objective",
        "min_cost",
        "--target",
        "app",
        "--low",
        "0",
        "--high",
        "4",
        "--format",
        "json",
    ]));
    assert_eq!(result["suggested"]["target_met"], true, "{result}");
    assert_eq!(result["target_id"], "app");
    assert!(result["summary_zh"].as_str().is_some_and(|s| s.contains("最低费用")), "{result}");
    let with_odds = json_of(&wuzha(&[
        "optimise",
        path,
        "--objective",
        "min_cost",
        "--target",
        "app",
        "--probability",
        "0.8",
        "--runs",
        "8",
        "--low",
        "0",
        "--high",
        "4",
        "--format",
        "json",
    ]));
    assert_eq!(with_odds["objective"]["probability"], 0.8);
    assert!(with_odds["suggested"]["objective"].as_f64().is_some_and(|p| p >= 0.8), "{with_odds}");
}

#[test]
fn frontier_and_sensitivity_print_json_and_text() {
    let path = plan_file();
    let path = path.to_str().unwrap_or_default();
    let frontier = json_of(&wuzha(&["frontier", path, "--points", "6", "--format", "json"]));
    let points = frontier["points"].as_array().cloned().unwrap_or_default();
    assert_eq!(points.len(), 6);
    let objectives: Vec<f64> = points.iter().filter_map(|point| point["objective"].as_f64()).collect();
    assert!(!objectives.is_empty());
    assert!(objectives.windows(2).all(|pair| pair[1] >= pair[0]), "{objectives:?}");
    assert!(frontier["current_cost_yuan"].as_f64().is_some_and(|cost| cost > 0.0));
    let table = text(&wuzha(&["frontier", path, "--points", "3", "--lang", "en"]).stdout);
    assert!(table.starts_with("budget (yuan)") && table.contains("current plan"), "{table}");

    let tornado = json_of(&wuzha(&["sensitivity", path, "--format", "json"]));
    let swings: Vec<f64> = tornado["bars"]
        .as_array()
        .map(|bars| bars.iter().filter_map(|bar| bar["swing"].as_f64()).collect())
        .unwrap_or_default();
    assert!(swings.len() >= 3, "{tornado}");
    assert!(swings.windows(2).all(|pair| pair[0] >= pair[1]), "{swings:?}");
    let table = text(&wuzha(&["sensitivity", path]).stdout);
    assert!(table.starts_with("基准值") && table.contains("摆幅"), "{table}");
}

#[test]
fn bad_flags_exit_1_naming_the_flag_in_zh_or_en() {
    let path = plan_file();
    let path = path.to_str().unwrap_or_default();
    for (args, zh, en) in [
        (vec!["optimise", path, "--budget", "lots"], "--budget 的取值“lots”无效", "--budget takes a number"),
        (vec!["optimise", path, "--objective", "fastest"], "--objective 的取值“fastest”无效", "--objective takes"),
        (
            vec!["optimise", path, "--objective", "min_cost"],
            "--objective min_cost 需要 --target ID",
            "needs --target ID",
        ),
        (
            vec!["optimise", path, "--target", "nope", "--objective", "target_value"],
            "--target：没有 id 为“nope”的目标",
            "--target: there is no target with id \"nope\"",
        ),
        (vec!["optimise", path, "--runs", "0"], "--runs 的取值“0”无效", "--runs takes a whole number"),
        (vec!["optimise", path, "--probability", "0.9"], "--probability 只用于", "--probability applies to"),
        (
            vec!["optimise", path, "--phase-cap", "h9=100"],
            "--phase-cap：没有 id 为“h9”的阶段",
            "--phase-cap: there is no phase with id \"h9\"",
        ),
        (vec!["frontier", path, "--out", "x.json"], "--out 只用于 optimise", "--out applies to optimise only"),
        (
            vec!["optimise", path, "--date", "2023-01-01", "--objective", "adoption"],
            "--date：日期 2023-01-01 不在方案期间",
            "--date: date 2023-01-01 is outside",
        ),
    ] {
        let output = wuzha(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", text(&output.stderr));
        let stderr = text(&output.stderr);
        assert!(stderr.contains(zh), "{args:?}: {stderr}");
        let mut english = args.clone();
        english.extend(["--lang", "en"]);
        let stderr = text(&wuzha(&english).stderr);
        assert!(stderr.contains(en), "{english:?}: {stderr}");
    }
}

#[test]
fn unreadable_or_invalid_files_exit_2() {
    let mut value = common::minimal();
    value["villages"][0]["residents"] = json!(-5);
    let invalid = write_temp("invalid.json", value.to_string().as_bytes());
    for command in ["optimise", "frontier", "sensitivity"] {
        let output = wuzha(&[command, invalid.to_str().unwrap_or_default()]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(
            text(&output.stderr).contains("villages[0].residents: 数值 -5 超出允许范围"),
            "{}",
            text(&output.stderr)
        );
        let output = wuzha(&[command, "/nonexistent/wuzha.json", "--lang", "en"]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(text(&output.stderr).contains("cannot read"), "{}", text(&output.stderr));
    }
}

#[test]
fn optimising_honglin_beats_its_draft_within_budget() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/honglin-2022.json");
    let result = json_of(&wuzha(&["optimise", path.to_str().unwrap_or_default(), "--format", "json"]));
    assert_eq!(result["budget_yuan"], 80000.0);
    let draft = result["draft"]["objective"].as_f64().unwrap_or(f64::NAN);
    let suggested = result["suggested"]["objective"].as_f64().unwrap_or(f64::NAN);
    assert!(suggested > draft, "{suggested} vs {draft}");
    assert!(result["suggested"]["cost_yuan"].as_f64().is_some_and(|cost| cost <= 80000.0));
    assert_eq!(result["suggested"]["within_constraints"], true);
    assert!(result["summary_zh"].as_str().is_some_and(|s| s.contains("下一个1万元用于")), "{result}");
}

#[test]
fn out_never_writes_a_reward_or_units_above_the_field_maxima() {
    let mut value = common::minimal();
    value["channels"] = json!([common::banner()]);
    value["schedule"] = json!([{ "channel": "banner", "phase": "all_year", "units": 9_000_000 }]);
    value["rewards"] = json!([{ "phase": "all_year", "product": "national_app", "yuan_per_install": 900 }]);
    let path = write_temp("near-maxima.json", value.to_string().as_bytes());
    let out = write_temp("near-maxima-out.json", b"");
    let result = json_of(&wuzha(&[
        "optimise",
        path.to_str().unwrap_or_default(),
        "--budget",
        "100000000000",
        "--high",
        "3",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap_or_default(),
    ]));
    for variable in result["variables"].as_array().cloned().unwrap_or_default() {
        let high = variable["high"].as_f64().unwrap_or(f64::MAX);
        assert!(high <= 10_000_000.0, "{variable}");
        if variable["kind"]["kind"] == "reward" || variable["unit_en"] == "yuan per household" {
            assert!(high <= 1000.0, "{variable}");
        }
    }
    let check = wuzha(&["check", out.to_str().unwrap_or_default()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn jobs_over_the_work_budget_are_refused_before_they_start_naming_the_flag() {
    let honglin = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/honglin-2022.json");
    let output = wuzha(&["simulate", honglin, "--runs", "100000", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("--runs 100000: about ") && stderr.contains("allows at most "), "{stderr}");
    let zh = text(&wuzha(&["simulate", honglin, "--runs", "100000"]).stderr);
    assert!(zh.contains("分钟，超过上限约 30 秒；此方案最多 ") && zh.contains(" 次模拟"), "{zh}");
    // The most the message allows is accepted (it fits the budget by the same estimate).
    let scenario = wuzha::parse_scenario(&std::fs::read_to_string(honglin).unwrap_or_default())
        .unwrap_or_else(|errors| panic!("{errors:?}"))
        .1;
    let most = wuzha::model::budget::max_monte_carlo_runs(&scenario, wuzha::model::budget::DEFAULT_BUDGET_SECONDS);
    let estimate = wuzha::model::budget::estimate(&scenario, wuzha::model::budget::Job::MonteCarlo { runs: most });
    assert!(estimate.seconds <= 30.0 && most >= 1000, "{most}: {estimate:?}");

    let target = "app_80_by_june";
    let output = wuzha(&[
        "optimise",
        honglin,
        "--objective",
        "target_probability",
        "--target",
        target,
        "--runs",
        "1000",
        "--lang",
        "en",
    ]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("--runs: this job would take about ") && stderr.contains("--runs can be at most"),
        "{stderr}"
    );
    let output = wuzha(&["frontier", honglin, "--points", "200", "--objective", "cases_averted"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("超过上限约 30 秒"), "{}", text(&output.stderr));
}

#[test]
fn the_optimiser_states_its_evaluations_before_it_starts() {
    let path = plan_file();
    let output = wuzha(&["optimise", path.to_str().unwrap_or_default(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("at most about ") && stderr.contains(" evaluations expected (about "), "{stderr}");
    let zh = text(&wuzha(&["optimise", path.to_str().unwrap_or_default()]).stderr);
    assert!(zh.contains("预计最多约 ") && zh.contains(" 次模拟"), "{zh}");
}
