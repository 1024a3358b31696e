//! The page's side of the Monte Carlo Web Worker (`static/worker.js`): starts it, asks it for batches and
//! turns its messages into [`McAction`]s. Where a worker cannot start (a locked-down browser, a page opened
//! from disk), the same batches run on the page itself in slices of a few milliseconds, yielding between
//! slices so typing still works.
//!
//! The worker gets the page's compiled WebAssembly module (`globalThis.__wuzhaModule`, set by boot.js) in
//! its first message, so the wasm file is fetched and compiled once. Its script is `globalThis.__wuzhaWorkerUrl`
//! when a build sets it (the single-file build: a blob: URL run as a classic worker, `__wuzhaWorkerType`), else
//! `worker.js` beside the page, as a module worker.

use crate::messages::WorkerMessage;
use crate::planning::PlanAction;
use crate::uncertainty::McAction;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use wuzha::planner::job::{Phase, PlanAnswer, PlanJob, PlanRequest};
use wuzha::uncertainty::BatchJob;
use yew::Callback;

/// Milliseconds of runs between two yields when the batch runs on the page.
const INLINE_SLICE_MS: f64 = 12.0;

struct WorkerHandle {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

struct Inner {
    on_action: Callback<McAction>,
    worker: RefCell<Option<WorkerHandle>>,
    /// The latest request; an inline batch of an older one stops at its next slice.
    latest: Cell<u32>,
    /// The latest request, to run again on the page if the worker fails to start.
    last_request: RefCell<Option<(u32, Rc<str>, usize)>>,
}

/// Runs Monte Carlo batches off the page's thread when it can.
#[derive(Clone)]
pub struct Runner {
    inner: Rc<Inner>,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Runner) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

fn global(name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name)).ok().filter(|value| !value.is_undefined())
}

impl Runner {
    /// A runner reporting to `on_action`; it starts the worker now (or notes that it runs batches inline).
    pub fn new(on_action: Callback<McAction>) -> Runner {
        let inner = Rc::new(Inner {
            on_action,
            worker: RefCell::new(None),
            latest: Cell::new(0),
            last_request: RefCell::new(None),
        });
        let handle = start_worker(&inner);
        *inner.worker.borrow_mut() = handle;
        Runner { inner }
    }

    /// True when batches run in a Web Worker (false: on the page).
    pub fn uses_worker(&self) -> bool {
        self.inner.worker.borrow().is_some()
    }

    /// Asks for batch `id`: `n_runs` runs of the scenario in `scenario_json`. Any earlier batch is dropped.
    pub fn request(&self, id: u32, scenario_json: Rc<str>, n_runs: usize) {
        self.inner.latest.set(id);
        *self.inner.last_request.borrow_mut() = Some((id, scenario_json.clone(), n_runs));
        let message = WorkerMessage::Run { id, scenario: scenario_json.to_string(), n_runs: n_runs as u32 };
        let posted = self.inner.worker.borrow().as_ref().is_some_and(|handle| post(&handle.worker, &message));
        if !posted {
            run_inline(self.inner.clone(), id, scenario_json, n_runs);
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(handle) = self.worker.borrow_mut().take() {
            handle.worker.terminate();
        }
    }
}

/// Starts a worker, sends it the compiled module, and hands every message it posts to `on_data`; when the
/// worker cannot load its script or module, it is terminated and `on_failure` is told why. `None` if the
/// browser refuses to start one.
fn spawn_worker(
    mut on_data: impl FnMut(&JsValue) + 'static,
    mut on_failure: impl FnMut(String) + 'static,
) -> Option<WorkerHandle> {
    let url = global("__wuzhaWorkerUrl").and_then(|url| url.as_string()).unwrap_or_else(|| "worker.js".to_string());
    let options = WorkerOptions::new();
    let classic = global("__wuzhaWorkerType").and_then(|kind| kind.as_string()).is_some_and(|kind| kind == "classic");
    options.set_type(if classic { WorkerType::Classic } else { WorkerType::Module });
    let worker = Worker::new_with_options(&url, &options).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| on_data(&event.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let detail = event.dyn_ref::<web_sys::ErrorEvent>().map(web_sys::ErrorEvent::message).unwrap_or_default();
        web_sys::console::warn_1(&JsValue::from_str(&format!("worker failed, running on the page: {detail}")));
        on_failure(detail);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = WorkerMessage::Init.to_js();
    if let Some(module) = global("__wuzhaModule") {
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str("module"), &module);
    }
    worker.post_message(&init).ok()?;
    Some(WorkerHandle { worker, _on_message: on_message, _on_error: on_error })
}

/// Starts the Monte Carlo worker; if it fails later, the latest batch runs on the page.
fn start_worker(inner: &Rc<Inner>) -> Option<WorkerHandle> {
    let on_action = inner.on_action.clone();
    let weak = Rc::downgrade(inner);
    spawn_worker(
        move |data| {
            if let Some(action) = read_message(data) {
                on_action.emit(action);
            }
        },
        move |_| {
            let Some(inner) = weak.upgrade() else { return };
            if let Some(handle) = inner.worker.borrow_mut().take() {
                handle.worker.terminate();
            }
            let last = inner.last_request.borrow().clone();
            if let Some((id, scenario_json, n_runs)) = last {
                run_inline(inner.clone(), id, scenario_json, n_runs);
            }
        },
    )
}

/// The action a worker message reports, if it is one the app knows.
fn read_message(data: &JsValue) -> Option<McAction> {
    match WorkerMessage::from_js(data.clone())? {
        WorkerMessage::Progress { id, n_done, .. } => Some(McAction::Progress { id, n_done: n_done as usize }),
        WorkerMessage::Done { id, summary, elapsed_ms, .. } => Some(match serde_json::from_str(&summary) {
            Ok(summary) => McAction::Finished { id, summary: Rc::new(summary), elapsed_ms },
            Err(error) => McAction::Failed { id, message: error.to_string() },
        }),
        WorkerMessage::Failed { id: Some(id), message } => Some(McAction::Failed { id, message }),
        _ => None,
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

/// Lets the browser handle input and paint before the next slice.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs batch `id` on the page, in slices, until done or superseded.
fn run_inline(inner: Rc<Inner>, id: u32, scenario_json: Rc<str>, n_runs: usize) {
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_browser().await;
        let started = now_ms();
        let mut job = match BatchJob::new(&scenario_json, n_runs) {
            Ok(job) => job,
            Err(errors) => {
                let message = errors.iter().map(|error| error.message(wuzha::Lang::Zh)).collect::<Vec<_>>().join("\n");
                inner.on_action.emit(McAction::Failed { id, message });
                return;
            }
        };
        while !job.is_done() {
            if inner.latest.get() != id {
                return;
            }
            let slice_start = now_ms();
            while !job.is_done() && now_ms() - slice_start < INLINE_SLICE_MS {
                job.step(1);
            }
            inner.on_action.emit(McAction::Progress { id, n_done: job.n_done() });
            yield_to_browser().await;
        }
        if inner.latest.get() == id {
            let elapsed_ms = now_ms() - started;
            inner.on_action.emit(McAction::Finished { id, summary: Rc::new(job.finish()), elapsed_ms });
        }
    });
}

/// Posts `message` to `worker`; false if it could not be sent.
fn post(worker: &Worker, message: &WorkerMessage) -> bool {
    worker.post_message(&message.to_js()).is_ok()
}

struct PlanInner {
    on_action: Callback<PlanAction>,
    worker: RefCell<Option<WorkerHandle>>,
    latest: Cell<u32>,
}

impl Drop for PlanInner {
    fn drop(&mut self) {
        if let Some(handle) = self.worker.borrow_mut().take() {
            handle.worker.terminate();
        }
    }
}

/// Runs planner jobs, each in a worker of its own: a new request or a cancel terminates the one under way.
#[derive(Clone)]
pub struct PlanRunner {
    inner: Rc<PlanInner>,
}

impl PartialEq for PlanRunner {
    fn eq(&self, other: &PlanRunner) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl PlanRunner {
    /// A runner reporting to `on_action`; no worker runs until the first request.
    pub fn new(on_action: Callback<PlanAction>) -> PlanRunner {
        PlanRunner { inner: Rc::new(PlanInner { on_action, worker: RefCell::new(None), latest: Cell::new(0) }) }
    }

    /// Stops the job under way, if any.
    pub fn cancel(&self) {
        self.inner.latest.set(0);
        if let Some(handle) = self.inner.worker.borrow_mut().take() {
            handle.worker.terminate();
        }
    }

    /// Runs request `id` on the scenario in `scenario_json`, stopping any earlier one.
    pub fn request(&self, id: u32, scenario_json: Rc<str>, request: &PlanRequest) {
        self.cancel();
        self.inner.latest.set(id);
        let request_json = serde_json::to_string(request).unwrap_or_default();
        let on_action = self.inner.on_action.clone();
        let weak = Rc::downgrade(&self.inner);
        let (fallback_json, fallback_request) = (scenario_json.clone(), request.clone());
        let handle = spawn_worker(
            move |data| {
                if let Some(action) = read_plan_message(data) {
                    on_action.emit(action);
                }
            },
            move |_| {
                let Some(inner) = weak.upgrade() else { return };
                if let Some(handle) = inner.worker.borrow_mut().take() {
                    handle.worker.terminate();
                }
                plan_inline(inner, id, fallback_json.clone(), fallback_request.clone());
            },
        );
        let message = WorkerMessage::Plan { id, scenario: scenario_json.to_string(), request: request_json };
        let posted = handle.as_ref().is_some_and(|handle| post(&handle.worker, &message));
        *self.inner.worker.borrow_mut() = handle;
        if !posted {
            plan_inline(self.inner.clone(), id, scenario_json, request.clone());
        }
    }
}

/// The planner action a worker message reports, if any.
fn read_plan_message(data: &JsValue) -> Option<PlanAction> {
    match WorkerMessage::from_js(data.clone())? {
        WorkerMessage::PlanProgress { id, phase, progress, points_done, points_total } => {
            let progress = progress.and_then(|text| serde_json::from_str(&text).ok());
            let points = match (points_done, points_total) {
                (Some(done), Some(total)) => Some((done as usize, total as usize)),
                _ => None,
            };
            Some(PlanAction::Progress { id, phase, progress, points })
        }
        WorkerMessage::PlanDone { id, answer, .. } => Some(match serde_json::from_str::<PlanAnswer>(&answer) {
            Ok(answer) => PlanAction::Finished { id, answer: Rc::new(answer) },
            Err(error) => PlanAction::Failed { id, message: error.to_string() },
        }),
        WorkerMessage::Failed { id: Some(id), message } => Some(PlanAction::Failed { id, message }),
        _ => None,
    }
}

/// Runs planner request `id` on the page, in slices, until done or superseded.
fn plan_inline(inner: Rc<PlanInner>, id: u32, scenario_json: Rc<str>, request: PlanRequest) {
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_browser().await;
        let mut job = match PlanJob::new(&scenario_json, &request) {
            Ok(job) => job,
            Err(errors) => {
                let message = errors.iter().map(|error| error.message(wuzha::Lang::Zh)).collect::<Vec<_>>().join("\n");
                inner.on_action.emit(PlanAction::Failed { id, message });
                return;
            }
        };
        loop {
            if inner.latest.get() != id {
                return;
            }
            let phase = job.step(10, |_, _| true);
            inner.on_action.emit(PlanAction::Progress { id, phase, progress: job.progress().cloned(), points: None });
            if phase == Phase::Done {
                break;
            }
            yield_to_browser().await;
        }
        if let Some(answer) = job.answer() {
            inner.on_action.emit(PlanAction::Finished { id, answer: Rc::new(answer) });
        }
    });
}
