//! The page's side of the Monte Carlo Web Worker (`static/worker.js`): starts it, asks it for batches and
//! turns its messages into [`McAction`]s. Where a worker cannot start (a locked-down browser, a page opened
//! from disk), the same batches run on the page itself in slices of a few milliseconds, yielding between
//! slices so typing still works.
//!
//! The worker gets the page's compiled WebAssembly module (`globalThis.__wuzhaModule`, set by boot.js) in
//! its first message, so the wasm file is fetched and compiled once. Its script is `globalThis.__wuzhaWorkerUrl`
//! when a build sets it (the single-file build), else `worker.js` beside the page.

use crate::uncertainty::{BatchJob, McAction};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
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

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
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
        let posted = self.inner.worker.borrow().as_ref().is_some_and(|handle| {
            let message = js_sys::Object::new();
            let set = |key: &str, value: JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
            set("kind", JsValue::from_str("run")).is_ok()
                && set("id", JsValue::from(id)).is_ok()
                && set("scenario", JsValue::from_str(&scenario_json)).is_ok()
                && set("n_runs", JsValue::from(n_runs as u32)).is_ok()
                && handle.worker.post_message(&message).is_ok()
        });
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

/// Starts the worker and sends it the compiled module; `None` if the browser refuses.
fn start_worker(inner: &Rc<Inner>) -> Option<WorkerHandle> {
    let url = global("__wuzhaWorkerUrl").and_then(|url| url.as_string()).unwrap_or_else(|| "worker.js".to_string());
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options).ok()?;
    let on_action = inner.on_action.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(action) = read_message(&event.data()) {
            on_action.emit(action);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that cannot load its script or module: stop using it and run the latest batch on the page.
    let weak = Rc::downgrade(inner);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let Some(inner) = weak.upgrade() else { return };
        if let Some(handle) = inner.worker.borrow_mut().take() {
            handle.worker.terminate();
        }
        let detail = event.dyn_ref::<web_sys::ErrorEvent>().map(web_sys::ErrorEvent::message).unwrap_or_default();
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "Monte Carlo worker failed, running on the page: {detail}"
        )));
        let last = inner.last_request.borrow().clone();
        if let Some((id, scenario_json, n_runs)) = last {
            run_inline(inner.clone(), id, scenario_json, n_runs);
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("kind"), &JsValue::from_str("init"));
    if let Some(module) = global("__wuzhaModule") {
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str("module"), &module);
    }
    worker.post_message(&init).ok()?;
    Some(WorkerHandle { worker, _on_message: on_message, _on_error: on_error })
}

/// The action a worker message reports, if it is one the app knows.
fn read_message(data: &JsValue) -> Option<McAction> {
    let id = field(data, "id").as_f64()? as u32;
    match field(data, "kind").as_string()?.as_str() {
        "progress" => Some(McAction::Progress { id, n_done: field(data, "n_done").as_f64()? as usize }),
        "done" => {
            let text = field(data, "summary").as_string()?;
            let elapsed_ms = field(data, "elapsed_ms").as_f64().unwrap_or(0.0);
            Some(match serde_json::from_str(&text) {
                Ok(summary) => McAction::Finished { id, summary: Rc::new(summary), elapsed_ms },
                Err(error) => McAction::Failed { id, message: error.to_string() },
            })
        }
        "failed" => Some(McAction::Failed { id, message: field(data, "message").as_string().unwrap_or_default() }),
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
