//! The JavaScript API: `check(scenario)` and `simulate(scenario)`. Thin: convert, call the core, convert.
//!
//! `scenario` is a JS object or its JSON text. An object is turned into JSON text with `JSON.stringify`, so both
//! go through the core's one file reader, `wuzha::format::json::parse_json` (errors name the field path), and then
//! `wuzha::validate`.
//! Nothing here panics on any input: every failure becomes a list of `{ path, message_zh, message_en }`.

use crate::messages::WorkerMessage;
use crate::words::{self, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wuzha::error::ErrorKind;
use wuzha::planner::job::Phase;
use wuzha::{FieldError, Scenario, ScenarioFile};

/// One error as JavaScript sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    /// Path of the field, e.g. `villages[3].residents`.
    pub path: String,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
}

impl From<&FieldError> for ErrorReport {
    fn from(error: &FieldError) -> ErrorReport {
        ErrorReport {
            path: error.path.clone(),
            message_zh: error.message(Lang::Zh),
            message_en: error.message(Lang::En),
        }
    }
}

/// What `check` returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CheckReport {
    /// A valid scenario: `{ ok: true, summary }`.
    Valid {
        /// Always true.
        ok: bool,
        /// One sentence in Chinese describing the scenario.
        summary: String,
    },
    /// An invalid scenario: `{ ok: false, errors }`.
    Invalid {
        /// Always false.
        ok: bool,
        /// Every error found.
        errors: Vec<ErrorReport>,
    },
}

/// The validated scenario, or every error found, from a JS value (object or JSON text).
pub fn read_scenario(value: JsValue) -> Result<(ScenarioFile, Scenario), Vec<FieldError>> {
    let file = read_file(value).map_err(|error| vec![error])?;
    let scenario = wuzha::validate(&file)?;
    Ok((file, scenario))
}

fn read_file(value: JsValue) -> Result<ScenarioFile, FieldError> {
    if let Some(text) = value.as_string() {
        return wuzha::format::json::parse_json(&text);
    }
    if !value.is_object() {
        let found_type =
            if value.is_null() { "null".to_string() } else { value.js_typeof().as_string().unwrap_or_default() };
        let detail = words::not_a_scenario(&found_type);
        return Err(FieldError::new(".", ErrorKind::Syntax { detail }));
    }
    // JSON.stringify would write NaN and infinities as `null`, which reads as "absent" (e.g. no budget cap):
    // the replacer writes them as strings instead, so they are refused at their path like any bad number.
    let replacer =
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| match value.as_f64() {
            Some(number) if !number.is_finite() => JsValue::from_str(&number.to_string()),
            _ => value,
        });
    let replacer_fn: &js_sys::Function = replacer.as_ref().unchecked_ref();
    match js_sys::JSON::stringify_with_replacer(&value, replacer_fn) {
        Ok(text) => wuzha::format::json::parse_json(&String::from(text)),
        Err(_) => {
            let detail = words::not_a_scenario("an object JSON.stringify cannot write (a cycle or a BigInt)");
            Err(FieldError::new(".", ErrorKind::Syntax { detail }))
        }
    }
}

/// The `check` report of a read result.
pub fn check_report(read: &Result<(ScenarioFile, Scenario), Vec<FieldError>>) -> CheckReport {
    match read {
        Ok((_, scenario)) => CheckReport::Valid { ok: true, summary: scenario.summary_line(Lang::Zh) },
        Err(errors) => CheckReport::Invalid { ok: false, errors: errors.iter().map(ErrorReport::from).collect() },
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(JsValue::from)
}

/// Checks a scenario (object or JSON text): `{ ok: true, summary }` or `{ ok: false, errors: [...] }`.
#[wasm_bindgen]
pub fn check(scenario: JsValue) -> Result<JsValue, JsValue> {
    to_js(&check_report(&read_scenario(scenario)))
}

/// Simulates a scenario (object or JSON text) and returns the outcome as a plain object; throws an `Error`
/// whose message lists the errors in Chinese and whose `errors` property holds them as `check` does.
#[wasm_bindgen(js_name = simulate)]
pub fn simulate_js(scenario: JsValue) -> Result<JsValue, JsValue> {
    match read_scenario(scenario) {
        Ok((_, scenario)) => to_js(&wuzha::simulate(&scenario)),
        Err(errors) => {
            let message = errors.iter().map(|error| error.message(Lang::Zh)).collect::<Vec<_>>().join("\n");
            let exception = js_sys::Error::new(&message);
            let reports: Vec<ErrorReport> = errors.iter().map(ErrorReport::from).collect();
            js_sys::Reflect::set(&exception, &JsValue::from_str("errors"), &to_js(&reports)?)?;
            Err(exception.into())
        }
    }
}

/// A batch of Monte Carlo runs for JavaScript (the app's Web Worker uses it), run a few at a time:
///
/// ```js
/// const job = new MonteCarloJob(scenarioJson, 1000);   // throws, listing the errors, if the file is invalid
/// while (!job.is_done()) { job.step(10); report(job.n_done(), job.n_runs()); }
/// const summary = JSON.parse(job.finish());              // P10/P50/P90 bands, target probabilities, ...
/// ```
#[wasm_bindgen]
pub struct MonteCarloJob {
    job: Option<wuzha::uncertainty::BatchJob>,
}

#[wasm_bindgen]
impl MonteCarloJob {
    /// A batch of `n_runs` runs (1 to 100 000) of the scenario in `scenario_json`, with its own seed.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario_json: &str, n_runs: u32) -> Result<MonteCarloJob, JsValue> {
        match wuzha::uncertainty::BatchJob::new(scenario_json, n_runs as usize) {
            Ok(job) => Ok(MonteCarloJob { job: Some(job) }),
            Err(errors) => {
                let message = errors.iter().map(|error| error.message(Lang::Zh)).collect::<Vec<_>>().join("\n");
                Err(js_sys::Error::new(&message).into())
            }
        }
    }

    /// Runs up to `max_runs` more runs; returns the number done so far.
    pub fn step(&mut self, max_runs: u32) -> u32 {
        self.job.as_mut().map_or(0, |job| job.step(max_runs as usize) as u32)
    }

    /// Runs done so far.
    pub fn n_done(&self) -> u32 {
        self.job.as_ref().map_or(0, |job| job.n_done() as u32)
    }

    /// Runs asked for.
    pub fn n_runs(&self) -> u32 {
        self.job.as_ref().map_or(0, |job| job.n_runs() as u32)
    }

    /// True when every run is done (or the summary was already taken).
    pub fn is_done(&self) -> bool {
        self.job.as_ref().is_none_or(wuzha::uncertainty::BatchJob::is_done)
    }

    /// Bytes held by the samples of the runs so far.
    pub fn bytes_held(&self) -> f64 {
        self.job.as_ref().map_or(0.0, |job| job.bytes_held() as f64)
    }

    /// The summary of the runs done, as JSON text; the job is spent afterwards (a second call throws).
    pub fn finish(&mut self) -> Result<String, JsValue> {
        let job = self.job.take().ok_or_else(|| js_sys::Error::new("MonteCarloJob.finish was already called"))?;
        serde_json::to_string(&job.finish()).map_err(|error| js_sys::Error::new(&error.to_string()).into())
    }

    /// The worker's report of the runs done so far of batch `id` (a `progress` [`WorkerMessage`]).
    pub fn progress_message(&self, id: u32) -> JsValue {
        WorkerMessage::Progress { id, n_done: self.n_done(), n_runs: self.n_runs() }.to_js()
    }

    /// The worker's report that batch `id` is done, with its summary (a `done` [`WorkerMessage`]); spends the
    /// job like [`MonteCarloJob::finish`].
    pub fn done_message(&mut self, id: u32, elapsed_ms: f64) -> Result<JsValue, JsValue> {
        let bytes_held = self.bytes_held();
        let summary = self.finish()?;
        Ok(WorkerMessage::Done { id, summary, elapsed_ms, bytes_held }.to_js())
    }
}

/// A planner job for JavaScript (the app's Web Worker uses it): the optimisation a few simulations at a time,
/// then the tornado, then (if asked) the frontier.
///
/// ```js
/// const job = new PlanJob(scenarioJson, JSON.stringify({ objective: 'cases_averted', target: 0, probability: null,
///   budget_yuan: 80000, low_factor: 0.5, high_factor: 2, include_rewards: true, with_frontier: true }));
/// while (job.step(25, (done, total) => true) !== 'done') { report(job.progress_json()); }
/// const answer = JSON.parse(job.answer());   // { result, applied, tornado, frontier }
/// ```
#[wasm_bindgen]
pub struct PlanJob {
    job: wuzha::planner::PlanJob,
}

#[wasm_bindgen]
impl PlanJob {
    /// A job for the scenario in `scenario_json` and the request in `request_json`; throws, listing the errors
    /// in Chinese, if either cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario_json: &str, request_json: &str) -> Result<PlanJob, JsValue> {
        let request: wuzha::planner::PlanRequest =
            serde_json::from_str(request_json).map_err(|error| js_sys::Error::new(&error.to_string()))?;
        match wuzha::planner::PlanJob::new(scenario_json, &request) {
            Ok(job) => Ok(PlanJob { job }),
            Err(errors) => {
                let message = errors.iter().map(|error| error.message(Lang::Zh)).collect::<Vec<_>>().join("\n");
                Err(js_sys::Error::new(&message).into())
            }
        }
    }

    /// One slice of work (see `planning::PlanJob::step`); `on_point(done, total)` is called before each budget
    /// of the frontier and may return false to stop it. Returns the phase after it: `optimise`, `tornado`,
    /// `frontier` or `done`.
    pub fn step(&mut self, max_evaluations: u32, on_point: &js_sys::Function) -> String {
        let phase = self.job.step(max_evaluations as usize, |done, total| {
            on_point
                .call2(&JsValue::NULL, &JsValue::from(done as u32), &JsValue::from(total as u32))
                .map_or(true, |keep_going| keep_going.as_bool() != Some(false))
        });
        serde_json::to_value(phase).ok().and_then(|value| value.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// The optimiser's last progress as JSON (`null` before the first slice).
    pub fn progress_json(&self) -> String {
        serde_json::to_string(&self.job.progress()).unwrap_or_else(|_| "null".to_string())
    }

    /// Everything found so far as JSON, or `null` before the optimisation is done.
    pub fn answer(&self) -> String {
        serde_json::to_string(&self.job.answer()).unwrap_or_else(|_| "null".to_string())
    }

    /// The worker's report of where plan `id` is after a slice (a `plan-progress` [`WorkerMessage`]).
    pub fn progress_message(&self, id: u32) -> JsValue {
        let progress = Some(self.progress_json());
        WorkerMessage::PlanProgress { id, phase: self.job.phase(), progress, points_done: None, points_total: None }
            .to_js()
    }

    /// The worker's report that plan `id` reached frontier budget `points_done` of `points_total`.
    pub fn frontier_message(id: u32, points_done: u32, points_total: u32) -> JsValue {
        let (points_done, points_total) = (Some(points_done), Some(points_total));
        WorkerMessage::PlanProgress { id, phase: Phase::Frontier, progress: None, points_done, points_total }.to_js()
    }

    /// The worker's report that plan `id` is done, with everything found (a `plan-done` [`WorkerMessage`]).
    pub fn done_message(&self, id: u32, elapsed_ms: f64) -> JsValue {
        WorkerMessage::PlanDone { id, answer: self.answer(), elapsed_ms }.to_js()
    }
}
