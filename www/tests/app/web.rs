//! Browser tests (wasm32 only, headless Chromium): the JavaScript API through `JsValue`, and a chart drawn
//! on a real `<canvas>` with plotters' `CanvasBackend`.
//!
//! Run with `cargo test -p wuzha-www --target wasm32-unknown-unknown`.

#![cfg(target_arch = "wasm32")]

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use wuzha_www::api::{check, simulate_js};
use wuzha_www::charts::{self, ChartStyle};
use wuzha_www::state::State;
use wuzha_www::templates::TEMPLATES;
use wuzha_www::words::Lang;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("reading a property of a plain object")
}

/// 洪林镇 2022 as a JS object (what `JSON.parse` gives a page).
fn honglin_object() -> JsValue {
    js_sys::JSON::parse(TEMPLATES[0].json).expect("the embedded scenario is JSON")
}

/// The `errors` array of a failed check, as (path, message_zh) pairs.
fn errors_of(report: &JsValue) -> Vec<(String, String)> {
    let errors: js_sys::Array = get(report, "errors").dyn_into().expect("errors is an array");
    errors
        .iter()
        .map(|error| {
            let path = get(&error, "path").as_string().expect("path is a string");
            let message = get(&error, "message_zh").as_string().expect("message_zh is a string");
            assert!(get(&error, "message_en").as_string().is_some(), "message_en is a string");
            (path, message)
        })
        .collect()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
}

#[wasm_bindgen_test]
fn check_accepts_the_scenario_as_text_and_as_an_object() {
    for input in [JsValue::from_str(TEMPLATES[0].json), honglin_object()] {
        let report = check(input).expect("check returns a report");
        assert_eq!(get(&report, "ok").as_bool(), Some(true));
        let summary = get(&report, "summary").as_string().expect("summary is a string");
        assert!(summary.contains("洪林镇"), "{summary}");
        assert!(!report.is_instance_of::<js_sys::Map>(), "a plain object, not a Map");
    }
}

#[wasm_bindgen_test]
fn check_reports_bad_input_by_path_in_chinese_and_never_panics() {
    let junk = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(42.0),
        JsValue::TRUE,
        JsValue::from_str(""),
        JsValue::from_str("{not json"),
        js_sys::JSON::parse(r#"{"format_version": 1}"#).expect("JSON"),
        js_sys::JSON::parse(r#"[1, 2, 3]"#).expect("JSON"),
        js_sys::JSON::parse(r#"{"a": {"b": [null, {"c": NaN}]}}"#).unwrap_or(JsValue::NULL),
    ];
    for input in junk {
        let shown = format!("{input:?}");
        let report = check(input).expect("check returns a report for any input");
        assert_eq!(get(&report, "ok").as_bool(), Some(false), "{shown}");
        let errors = errors_of(&report);
        assert!(!errors.is_empty(), "{shown}");
        for (path, message) in errors {
            assert!(!path.is_empty(), "{shown}");
            assert!(has_chinese(&message), "{shown}: {message}");
        }
    }
}

#[wasm_bindgen_test]
fn a_bad_field_in_an_object_is_reported_at_its_path() {
    let scenario = honglin_object();
    let villages = get(&scenario, "villages");
    let village = js_sys::Reflect::get_u32(&villages, 3).expect("a village");
    js_sys::Reflect::set(&village, &"residents".into(), &"many".into()).expect("set");
    let errors = errors_of(&check(scenario).expect("a report"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "villages[3].residents");

    // NaN is a JS number: it reaches validation, which rejects it by path.
    let scenario = honglin_object();
    js_sys::Reflect::set(&get(&scenario, "budget"), &"total_yuan".into(), &JsValue::from_f64(f64::NAN)).expect("set");
    let errors = errors_of(&check(scenario).expect("a report"));
    assert_eq!(errors.iter().map(|(path, _)| path.as_str()).collect::<Vec<_>>(), ["budget.total_yuan"]);
}

#[wasm_bindgen_test]
fn simulate_returns_the_outcome_as_a_plain_object() {
    let outcome = simulate_js(honglin_object()).expect("洪林镇 2022 simulates");
    let dates: js_sys::Array = get(&outcome, "dates").dyn_into().expect("dates is an array");
    assert_eq!(dates.length(), 365);
    assert_eq!(dates.get(0).as_string().as_deref(), Some("2022-01-01"));
    assert_eq!(dates.get(364).as_string().as_deref(), Some("2022-12-31"));
    let totals = get(&outcome, "totals");
    assert!(get(&totals, "cash_yuan").as_f64().is_some_and(|cash| cash > 0.0));
    let targets: js_sys::Array = get(&outcome, "targets").dyn_into().expect("targets is an array");
    assert_eq!(targets.length(), 7);
    // JSON-compatible: Options are null, not undefined, and the whole thing round-trips through JSON.
    let text = js_sys::JSON::stringify(&outcome).expect("stringify").as_string().expect("a string");
    assert!(text.contains("\"value_at_deadline\""));
}

#[wasm_bindgen_test]
fn simulate_throws_an_error_with_the_errors_attached() {
    let thrown = simulate_js(js_sys::JSON::parse(r#"{"format_version": 1}"#).expect("JSON")).expect_err("invalid");
    let error: js_sys::Error = thrown.clone().dyn_into().expect("an Error");
    let message = error.message().as_string().expect("a message");
    assert!(has_chinese(&message), "{message}");
    assert!(!errors_of(&thrown).is_empty());
    assert!(simulate_js(JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn a_chart_draws_pixels_on_a_real_canvas() {
    let document = web_sys::window().and_then(|window| window.document()).expect("a document");
    let canvas: HtmlCanvasElement = document.create_element("canvas").expect("canvas").dyn_into().expect("a canvas");
    canvas.set_width(600);
    canvas.set_height(300);
    document.body().expect("a body").append_child(&canvas).expect("append");

    let state = State::new(Lang::Zh);
    let computed = state.result.clone().expect("the default scenario is valid");
    for draw in 0..3 {
        let backend = CanvasBackend::with_canvas_object(canvas.clone()).expect("a 2d context");
        let area = backend.into_drawing_area();
        let style = ChartStyle::default();
        match draw {
            0 => charts::draw_adoption(&area, &charts::adoption_chart(Lang::Zh, &computed), &style),
            1 => charts::draw_cost(&area, &charts::cost_chart(Lang::Zh, &computed), &style),
            _ => charts::draw_cases(&area, &charts::cases_chart(Lang::Zh, &computed), &style),
        }
        .expect("drawing succeeds");

        let context: CanvasRenderingContext2d =
            canvas.get_context("2d").expect("context").expect("2d").dyn_into().expect("a 2d context");
        let pixels = context.get_image_data(0.0, 0.0, 600.0, 300.0).expect("pixels").data();
        let n_pixels = pixels.len() / 4;
        let non_white = pixels.chunks(4).filter(|rgba| rgba[0] < 240 || rgba[1] < 240 || rgba[2] < 240).count();
        let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
        assert!(non_white * 100 > n_pixels, "chart {draw}: only {non_white} of {n_pixels} pixels drawn");
        assert!(distinct.len() > 10, "chart {draw}: only {} colours", distinct.len());
    }
    canvas.remove();
}

/// The same Monte Carlo batch as `tests/integration/montecarlo.rs` runs natively must give the same bits here, in
/// WebAssembly: both compare against one checked-in fingerprint.
#[wasm_bindgen_test]
fn monte_carlo_runs_are_bit_identical_to_the_native_build() {
    let text = include_str!("../../../tests/reference/montecarlo-template-seed7-16runs.fingerprint");
    let expected = u64::from_str_radix(&text.trim().replace('_', ""), 16).expect("a hex fingerprint");
    let (_, template) =
        wuzha::parse_scenario(include_str!("../../../scenarios/template.json")).expect("valid template");
    let config = wuzha::uncertainty::MonteCarloConfig { n_runs: 16, seed: 7, noise: true };
    let summary = wuzha::uncertainty::run_batch(&template, &config, |_| {});
    assert_eq!(summary.fingerprint(), expected, "wasm differs from native: {:#018x}", summary.fingerprint());
}

/// The worker's job, stepped in slices and handed over as JSON text (as `static/worker.js` does), gives the
/// same batch: the summary read back on the page has the checked-in fingerprint.
#[wasm_bindgen_test]
fn the_worker_job_hands_over_the_same_batch_as_json() {
    let text = include_str!("../../../tests/reference/montecarlo-template-seed7-16runs.fingerprint");
    let expected = u64::from_str_radix(&text.trim().replace('_', ""), 16).expect("a hex fingerprint");
    let mut file = wuzha::format::json::parse_json(include_str!("../../../scenarios/template.json")).expect("template");
    file.seed = 7;
    let json = wuzha::format::json::to_compact_json(&file);
    let mut job = wuzha_www::api::MonteCarloJob::new(&json, 16).expect("a valid scenario");
    assert_eq!(job.step(5), 5);
    while !job.is_done() {
        job.step(3);
    }
    assert_eq!(job.n_done(), 16);
    let handed_over = job.finish().expect("the first finish gives the summary");
    assert!(job.finish().is_err(), "a job is finished once");
    let summary: wuzha::uncertainty::MonteCarloSummary = serde_json::from_str(&handed_over).expect("summary JSON");
    assert_eq!(summary.fingerprint(), expected, "a different batch: {:#018x}", summary.fingerprint());
    assert!(wuzha_www::api::MonteCarloJob::new("{}", 10).is_err(), "an invalid file is refused");
}
