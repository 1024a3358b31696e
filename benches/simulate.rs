//! Criterion benchmark of one deterministic year (placeholder).
fn main() {}
