//! The app's integration tests in one harness, so they compile and link as one binary (natively and for wasm32).
//! Each module is the former file of its name; all but `web` are native (`#![cfg(not(target_arch = "wasm32"))]`),
//! `web` runs in headless Chromium (`cargo test -p wuzha-www --target wasm32-unknown-unknown`).

mod api;
mod charts;
mod compare;
mod edit;
mod format;
mod messages;
mod planning;
mod state;
mod uncertainty;
mod web;
