//! The one fuzz check, bounded and on stable: the checks of `fuzz/check.rs` (shared with the cargo-fuzz target in
//! `fuzz/`, which is for long manual runs) on every past crash in `tests/fixtures/fuzz-crashes/`, on deterministic,
//! seeded mutations of the seed corpus (`fuzz/seeds/`) — byte edits, splices and hostile values put into the JSON
//! tree — and on proptest's random byte edits of the minimal fixture. A panic or a failed check is a bug. It runs
//! in a few seconds on every `cargo test`.

use crate::common;

use proptest::prelude::*;
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::path::Path;

#[path = "../../fuzz/check.rs"]
mod check;

/// Villages × segments × products × (channels + 1) × days above which an input is not simulated: smaller than the
/// cargo-fuzz target's bound, because this pass runs hundreds of inputs inside every `cargo test`.
const MAX_WORK: usize = 20_000;

fn check_input(data: &[u8]) {
    check::check_input(data, MAX_WORK);
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().filter_map(|path| std::fs::read(path).ok()).collect();
    assert!(seeds.len() >= 4, "the seed corpus in {} is missing", dir.display());
    seeds
}

/// Values that have broken parsers and models before.
fn hostile_value(rng: &mut ChaCha8Rng) -> Value {
    match rng.next_u32() % 16 {
        0 => Value::Null,
        1 => json!(-1e308),
        2 => json!(1e308),
        3 => json!(-1),
        4 => json!(0),
        5 => json!(i64::MAX),
        6 => json!(u64::MAX),
        7 => json!(5e-324),
        8 => json!("\u{202e}\u{200b}"),
        9 => json!("<script>alert(1)</script>"),
        10 => json!("9999-12-31"),
        11 => json!([]),
        12 => json!({}),
        13 => json!(true),
        14 => json!([[[[[[1]]]]]]),
        _ => json!(rng.next_u32() as f64 / 1000.0),
    }
}

/// Replaces, removes or duplicates one random node of the JSON tree.
fn mutate_tree(value: &mut Value, rng: &mut ChaCha8Rng) {
    let mut node = value;
    loop {
        let children = match node {
            Value::Object(object) => object.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        // Descend with probability 3/4 while there is somewhere to go.
        if children == 0 || rng.next_u32().is_multiple_of(4) {
            break;
        }
        let pick = rng.next_u32() as usize % children;
        node = match node {
            Value::Object(object) => match object.values_mut().nth(pick) {
                Some(child) => child,
                None => return,
            },
            Value::Array(items) => &mut items[pick],
            _ => return,
        };
    }
    match (rng.next_u32() % 4, &mut *node) {
        (0, Value::Object(object)) if !object.is_empty() => {
            let key = object.keys().nth(rng.next_u32() as usize % object.len()).cloned().unwrap_or_default();
            object.shift_remove(&key);
        }
        (1, Value::Object(object)) => {
            object.insert("unknown_extra".into(), json!({ "kept": [1, 2] }));
        }
        (2, Value::Array(items)) if !items.is_empty() => {
            let copy = items[rng.next_u32() as usize % items.len()].clone();
            items.push(copy);
        }
        _ => *node = hostile_value(rng),
    }
}

/// Overwrites, inserts or deletes a few bytes, or splices in a JSON token.
fn mutate_bytes(bytes: &mut Vec<u8>, rng: &mut ChaCha8Rng) {
    const TOKENS: [&[u8]; 10] = [b"{", b"}", b"[", b"]", b"\"", b",", b":", b"null", b"-1e308", b"\xEF\xBB\xBF"];
    for _ in 0..1 + rng.next_u32() % 4 {
        if bytes.is_empty() {
            bytes.push(b'{');
        }
        let at = rng.next_u32() as usize % bytes.len();
        match rng.next_u32() % 4 {
            0 => bytes[at] = rng.next_u32() as u8,
            1 => {
                bytes.remove(at);
            }
            2 => {
                let token = TOKENS[rng.next_u32() as usize % TOKENS.len()];
                bytes.splice(at..at, token.iter().copied());
            }
            _ => bytes.truncate(at),
        }
    }
}

#[test]
fn past_fuzz_crashes_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-crashes");
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    assert!(dir.join("README.md").exists(), "{} is missing", dir.display());
    for path in entries.iter().filter(|path| path.extension().is_some_and(|ext| ext == "bin")) {
        check_input(&std::fs::read(path).unwrap_or_default());
    }
}

#[test]
fn seeded_mutations_of_the_seed_corpus_never_panic() {
    let seeds = seeds();
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_124);
    let (mut n_inputs, mut n_opened) = (0usize, 0usize);
    for round in 0..300 {
        let seed = &seeds[round % seeds.len()];
        check_input(seed);
        // Tree mutations keep the JSON well-formed, so they reach validation and simulation.
        if let Ok(mut value) = serde_json::from_slice::<Value>(seed.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(seed)) {
            for _ in 0..1 + rng.next_u32() % 3 {
                mutate_tree(&mut value, &mut rng);
            }
            let text = value.to_string();
            n_opened += usize::from(wuzha::import(&text).is_ok());
            check_input(text.as_bytes());
            n_inputs += 1;
        }
        let mut bytes = seed.clone();
        mutate_bytes(&mut bytes, &mut rng);
        check_input(&bytes);
        n_inputs += 1;
    }
    eprintln!("fuzz_stable: {n_inputs} mutated inputs, {n_opened} tree mutations still opened");
    assert!(n_opened > 25, "the tree mutations should mostly keep files readable: {n_opened}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random byte edits of a valid file: an error or a valid scenario that simulates to finite numbers (and the
    /// shared checks of `fuzz/check.rs` hold).
    #[test]
    fn mutated_files_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = serde_json::to_string_pretty(&common::minimal()).unwrap_or_default().into_bytes();
        for (index, byte) in edits {
            let position = index.index(bytes.len());
            bytes[position] = byte;
        }
        check_input(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok((_, scenario)) = wuzha::parse_scenario(&text) {
            let outcome = wuzha::simulate(&scenario);
            prop_assert!(outcome.totals.cash_yuan.is_finite());
            prop_assert!(outcome.daily.adopted.iter().flatten().all(|share| share.is_finite()));
        }
    }
}
