//! The core's integration tests in one harness, so they compile and link as one binary (each file under `tests/`
//! used to be a binary of its own). One module per subject; `common` holds the shared fixtures.
//!
//! Run one subject with `cargo test --test integration golden::` (a module name as the filter). Bless the goldens
//! after an intended change with `WUZHA_BLESS=1 cargo test --test integration golden::` and review the diff.

#[path = "../common/mod.rs"]
mod common;

mod closed_form;
mod equations;
mod fields_doc;
mod fuzz;
mod golden;
mod hostile;
mod migrate;
mod montecarlo;
mod optimise;
mod properties;
mod tidy;
mod v2;
