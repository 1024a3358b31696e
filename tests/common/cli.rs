//! Running the `wuzha` binary from the CLI tests: its own temp files per test, the process output as text.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `bytes` to a file of its own (tests run in parallel threads: no two share a file).
pub fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    static N_FILES: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("wuzha-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    let path = dir.join(format!("{}-{name}", N_FILES.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, bytes).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    path
}

/// Runs `wuzha` with `args`.
pub fn wuzha(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wuzha"))
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run wuzha: {error}"))
}

/// Process output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
