//! The `wuzha` command line as a user runs it, in one harness (one binary): `commands` covers `check`, `simulate`
//! and `montecarlo`; `optimise` covers `optimise`, `frontier` and `sensitivity`; `office` covers `import-plan`,
//! `export` and `report` (and the office documents' library calls they rest on). Each test runs the built
//! binary (`CARGO_BIN_EXE_wuzha`) on temp files of its own.

#[path = "../common/mod.rs"]
mod common;

mod commands;
mod office;
mod optimise;
