//! The one fuzz check of Wuzha: what must hold for ANY bytes fed to the file path. Shared, word for word, by the
//! cargo-fuzz target (`fuzz/fuzz_targets/import_validate_simulate.rs`, coverage-guided, nightly, run by hand) and by
//! the bounded stable pass in the test suite (`tests/integration/fuzz.rs`, seeded mutations, every `cargo test`).
//!
//! The checks: import never panics (size limit, strict JSON, versions, unknown fields); a file that opens saves
//! and opens again to the same file; validation never panics; a small valid scenario simulates deterministically
//! to finite figures. A panic or a failed assertion is a bug.

/// Runs `data` through import → save/open → validate → simulate. Simulation is skipped when villages × segments ×
/// products × (channels + 1) × days exceeds `max_work`, so each input stays in milliseconds.
pub fn check_input(data: &[u8], max_work: usize) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = wuzha::import(text) else { return };
    let file = imported.file;
    // Save → open gives the same file (unknown fields may move to the end of their object).
    let reopened = match wuzha::import(&wuzha::format::json::to_json(&file)) {
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
    if work > max_work {
        return;
    }
    let outcome = wuzha::simulate(&scenario);
    let totals = &outcome.totals;
    for figure in [totals.cash_yuan, totals.cases_expected, totals.loss_yuan, outcome.assessment.total] {
        assert!(figure.is_finite(), "a non-finite figure {figure} from:\n{text}");
    }
}

/// The file with its unknown fields in path order, so two files that differ only in where unknown fields sit
/// compare equal.
fn sorted(mut file: wuzha::ScenarioFile) -> wuzha::ScenarioFile {
    file.unknown_fields.sort_by_key(|field| wuzha::format::import::display_path(&field.path));
    file
}
