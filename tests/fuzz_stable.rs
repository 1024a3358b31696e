//! The bounded, stable-toolchain counterpart of the cargo-fuzz target (`fuzz/`): deterministic, seeded mutations of
//! the seed corpus (`fuzz/seeds/`) — byte edits, splices and hostile values put into the JSON tree — plus every
//! past crash in `tests/fixtures/fuzz-crashes/`, each through import → save/open → validate → simulate. A panic
//! or a failed check is a bug. It runs in a few seconds on every `cargo test`.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::path::Path;

/// The same checks as fuzz/fuzz_targets/import_validate_simulate.rs, with a smaller bound on simulation work
/// because this runs unoptimised.
fn check_input(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = wuzha::import(text) else { return };
    let file = imported.file;
    let reopened = match wuzha::import(&wuzha::wire::to_json(&file)) {
        Ok(reopened) => reopened.file,
        Err(errors) => panic!("a saved file does not open again: {errors:?}\n{text}"),
    };
    assert_eq!(sorted(reopened), sorted(file.clone()), "save → open changed the file:\n{text}");
    let Ok(scenario) = wuzha::validate(&file) else { return };
    let work = scenario.villages.len()
        * scenario.segments.len()
        * scenario.products.len()
        * (scenario.channels.len() + 1)
        * scenario.n_days();
    if work > 20_000 {
        return;
    }
    let outcome = wuzha::simulate(&scenario);
    let totals = &outcome.totals;
    for figure in [totals.cash_yuan, totals.cases_expected, totals.loss_yuan, outcome.assessment.total] {
        assert!(figure.is_finite(), "a non-finite figure {figure} from:\n{text}");
    }
}

fn sorted(mut file: wuzha::ScenarioFile) -> wuzha::ScenarioFile {
    file.unknown_fields.sort_by_key(|field| wuzha::import::display_path(&field.path));
    file
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
        if children == 0 || rng.next_u32() % 4 == 0 {
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
