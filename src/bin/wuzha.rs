//! The `wuzha` command-line tool (placeholder while the CLI is written).
fn main() {}
