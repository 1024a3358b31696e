//! cargo-fuzz target: any bytes through the file path of Wuzha, with the checks of `fuzz/check.rs` (the same checks
//! the bounded stable pass `tests/integration/fuzz.rs` runs on every `cargo test`). A panic or a failed assertion
//! here is a bug: copy the input from `fuzz/artifacts/` to `tests/fixtures/fuzz-crashes/` with its fix.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../check.rs"]
mod check;

/// Villages × segments × products × (channels + 1) × days above which simulation is skipped, so each run stays
/// in milliseconds (the stable pass uses a smaller bound: it runs hundreds of inputs inside the test suite).
const MAX_WORK: usize = 400_000;

fuzz_target!(|data: &[u8]| check::check_input(data, MAX_WORK));
