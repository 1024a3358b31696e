//! Every message between the page and its Web Workers (`static/worker.js`), as one typed enum.
//!
//! The page builds its requests ([`WorkerMessage::Run`], [`WorkerMessage::Plan`]) here and reads the worker's
//! reports back here ([`crate::runner`]); the worker builds its reports with the same enum through the
//! JavaScript API ([`crate::api::MonteCarloJob`] and [`crate::api::PlanJob`]), so both sides agree on every
//! field by construction. On the wire a message is a plain object tagged by `kind` (`{ kind: 'run', id, ... }`);
//! large payloads (scenario, summary, answer) travel as JSON text, which the worker does not need to read.
//!
//! The first message to a worker, `{ kind: 'init', module }`, carries the page's compiled WebAssembly module,
//! which is not data: [`WorkerMessage::Init`] is serialised without it and the module is set beside `kind`.

use crate::planning::Phase;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// One message between the page and a worker, tagged by `kind` on the wire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum WorkerMessage {
    /// Page → worker: load the WebAssembly module (set beside `kind` as `module`, when the page has one).
    Init,
    /// Page → worker: run Monte Carlo batch `id`; a newer `run` supersedes an older one.
    Run {
        /// The request.
        id: u32,
        /// The scenario file as JSON text.
        scenario: String,
        /// Runs asked for.
        n_runs: u32,
    },
    /// Page → worker: optimise; the page runs each plan in a worker of its own and cancels by terminating it.
    Plan {
        /// The request.
        id: u32,
        /// The scenario file as JSON text.
        scenario: String,
        /// The [`crate::planning::PlanRequest`] as JSON text.
        request: String,
    },
    /// Worker → page: runs done so far of batch `id`.
    Progress {
        /// The request.
        id: u32,
        /// Runs done.
        n_done: u32,
        /// Runs asked for.
        n_runs: u32,
    },
    /// Worker → page: batch `id` is done.
    Done {
        /// The request.
        id: u32,
        /// The `MonteCarloSummary` as JSON text.
        summary: String,
        /// Wall time in milliseconds.
        elapsed_ms: f64,
        /// Bytes held by the samples of the runs.
        bytes_held: f64,
    },
    /// Worker → page: where plan `id` is.
    PlanProgress {
        /// The request.
        id: u32,
        /// Its phase.
        phase: Phase,
        /// The optimiser's progress as JSON text (`null` before the first slice), when reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        progress: Option<String>,
        /// Frontier budgets done, when reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        points_done: Option<u32>,
        /// Frontier budgets in all, when reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        points_total: Option<u32>,
    },
    /// Worker → page: plan `id` is done.
    PlanDone {
        /// The request.
        id: u32,
        /// The [`crate::planning::PlanAnswer`] as JSON text.
        answer: String,
        /// Wall time in milliseconds.
        elapsed_ms: f64,
    },
    /// Worker → page: request `id` failed (posted by `worker.js` itself, which may have no module to call).
    Failed {
        /// The request, if the failing message had one.
        #[serde(default)]
        id: Option<u32>,
        /// Why.
        #[serde(default)]
        message: String,
    },
}

impl WorkerMessage {
    /// The message as a plain JavaScript object (`undefined` if it cannot be converted, which does not happen
    /// for these types).
    pub fn to_js(&self) -> JsValue {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        self.serialize(&serializer).unwrap_or(JsValue::UNDEFINED)
    }

    /// The message in a worker event's `data`, or `None` when it is not one of ours.
    pub fn from_js(data: JsValue) -> Option<WorkerMessage> {
        serde_wasm_bindgen::from_value(data).ok()
    }
}
