//! cargo-fuzz target: any bytes through the file path of Wuzha — import (size limit, strict JSON, versions,
//! unknown fields), save → open round trip, validate, and for small scenarios a deterministic simulation whose
//! figures must be finite. A panic or a failed assertion here is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// Villages × segments × products × (channels + 1) × days above which simulation is skipped, so each run stays
/// in milliseconds (the same bound as tests/fuzz_stable.rs).
const MAX_WORK: usize = 400_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = wuzha::import(text) else { return };
    let file = imported.file;
    // Save → open gives the same file (unknown fields may move to the end of their object).
    let reopened = match wuzha::import(&wuzha::wire::to_json(&file)) {
        Ok(reopened) => reopened.file,
        Err(errors) => panic!("a saved file does not open again: {errors:?}"),
    };
    assert_eq!(sorted(reopened), sorted(file.clone()), "save → open changed the file");
    let Ok(scenario) = wuzha::validate(&file) else { return };
    let work = scenario.villages.len()
        * scenario.segments.len()
        * scenario.products.len()
        * (scenario.channels.len() + 1)
        * scenario.n_days();
    if work > MAX_WORK {
        return;
    }
    let outcome = wuzha::simulate(&scenario);
    let totals = &outcome.totals;
    for figure in [totals.cash_yuan, totals.cases_expected, totals.loss_yuan, outcome.assessment.total] {
        assert!(figure.is_finite(), "a non-finite figure: {figure}");
    }
});

fn sorted(mut file: wuzha::ScenarioFile) -> wuzha::ScenarioFile {
    file.unknown_fields.sort_by_key(|field| wuzha::import::display_path(&field.path));
    file
}
