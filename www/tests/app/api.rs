//! Native tests of the JavaScript API's pure parts: the `check` report and its summary.
//! (The conversions from `JsValue` run only in a browser; see `web.rs`.)

#![cfg(not(target_arch = "wasm32"))]

use wuzha_www::api::{check_report, CheckReport};
use wuzha_www::templates::TEMPLATES;

#[test]
fn a_valid_scenario_gets_a_chinese_summary() {
    let report = check_report(&wuzha::parse_scenario(TEMPLATES[0].json));
    let CheckReport::Valid { ok, summary } = report else { panic!("洪林镇 2022 is valid: {report:?}") };
    assert!(ok);
    // The same line as `wuzha check` prints.
    assert!(summary.starts_with("洪林镇 · 2022-01-01 至 2022-12-31 · 12 个村/社区"), "{summary}");
    assert!(summary.contains("个阶段") && summary.contains("个目标"), "{summary}");
}

#[test]
fn an_invalid_scenario_lists_every_error_with_path_and_both_languages() {
    let mut file = wuzha::format::json::parse_json(TEMPLATES[0].json).expect("the embedded scenario parses");
    file.villages[2].residents = -5;
    file.rewards[0].yuan_per_install = -3.0;
    let report = check_report(&wuzha::validate(&file).map(|scenario| (file.clone(), scenario)));
    let CheckReport::Invalid { ok, errors } = report else { panic!("the edited scenario is invalid") };
    assert!(!ok);
    let paths: Vec<&str> = errors.iter().map(|error| error.path.as_str()).collect();
    assert!(paths.contains(&"villages[2].residents") && paths.contains(&"rewards[0].yuan_per_install"), "{paths:?}");
    let reward = errors.iter().find(|error| error.path == "rewards[0].yuan_per_install").expect("reported above");
    assert_eq!(reward.message_zh, "rewards[0].yuan_per_install: 数值 -3 超出允许范围（0 – 1000）");
    assert_eq!(reward.message_en, "rewards[0].yuan_per_install: value -3 is out of range (0 – 1000)");
}

#[test]
fn malformed_json_is_reported_at_its_path() {
    let report = check_report(&wuzha::parse_scenario(r#"{"format_version": 1, "name": 5}"#));
    let CheckReport::Invalid { errors, .. } = report else { panic!("not a scenario") };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "name");
    assert!(errors[0].message_zh.contains("格式或类型错误"), "{}", errors[0].message_zh);
}
