//! The worker messages on the wire: each variant's `kind` tag and field names, as `static/worker.js` reads
//! and writes them.

#![cfg(not(target_arch = "wasm32"))]

use wuzha_www::messages::WorkerMessage;
use wuzha_www::planning::Phase;

fn wire(message: &WorkerMessage) -> serde_json::Value {
    serde_json::to_value(message).expect("every message serialises")
}

#[test]
fn every_message_is_tagged_by_kind_with_the_worker_scripts_field_names() {
    let check = |message: WorkerMessage, expected: serde_json::Value| {
        assert_eq!(wire(&message), expected);
        let back: WorkerMessage = serde_json::from_value(expected).expect("reads back");
        assert_eq!(back, message);
    };
    check(WorkerMessage::Init, serde_json::json!({ "kind": "init" }));
    check(
        WorkerMessage::Run { id: 3, scenario: "{}".into(), n_runs: 200 },
        serde_json::json!({ "kind": "run", "id": 3, "scenario": "{}", "n_runs": 200 }),
    );
    check(
        WorkerMessage::Plan { id: 4, scenario: "{}".into(), request: "{}".into() },
        serde_json::json!({ "kind": "plan", "id": 4, "scenario": "{}", "request": "{}" }),
    );
    check(
        WorkerMessage::Progress { id: 3, n_done: 20, n_runs: 200 },
        serde_json::json!({ "kind": "progress", "id": 3, "n_done": 20, "n_runs": 200 }),
    );
    check(
        WorkerMessage::Done { id: 3, summary: "{}".into(), elapsed_ms: 1.5, bytes_held: 64.0 },
        serde_json::json!({ "kind": "done", "id": 3, "summary": "{}", "elapsed_ms": 1.5, "bytes_held": 64.0 }),
    );
    check(
        WorkerMessage::PlanProgress {
            id: 4,
            phase: Phase::Frontier,
            progress: None,
            points_done: Some(2),
            points_total: Some(8),
        },
        serde_json::json!({ "kind": "plan-progress", "id": 4, "phase": "frontier", "points_done": 2, "points_total": 8 }),
    );
    check(
        WorkerMessage::PlanDone { id: 4, answer: "null".into(), elapsed_ms: 9.0 },
        serde_json::json!({ "kind": "plan-done", "id": 4, "answer": "null", "elapsed_ms": 9.0 }),
    );
    check(
        WorkerMessage::Failed { id: Some(5), message: "boom".into() },
        serde_json::json!({ "kind": "failed", "id": 5, "message": "boom" }),
    );
}

#[test]
fn a_failure_without_an_id_still_reads() {
    let message: WorkerMessage =
        serde_json::from_value(serde_json::json!({ "kind": "failed", "message": "no module" })).expect("reads");
    assert_eq!(message, WorkerMessage::Failed { id: None, message: "no module".into() });
}
