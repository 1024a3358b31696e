//! Format migrations: each change of the scenario file format adds one step that turns a file of version `n`
//! into version `n + 1`, on the raw JSON (`serde_json::Value`), before the typed reader sees it.
//!
//! [`crate::format::import::import`] runs the steps from the file's `format_version` up to [`FORMAT_VERSION`], so a
//! file from any released version opens in this build. A step works on JSON, never on today's wire types, so it
//! keeps working when those types change again. To change the format:
//!
//! 1. add a [`Step`] with `from` = the old version to the end of [`STEPS`] and raise [`FORMAT_VERSION`];
//! 2. add at least one old file under `tests/fixtures/format-v<old>/` (`tests/migrate.rs` fails until a
//!    fixture exercises every step, and until every released version has a fixture directory);
//! 3. update `scenarios/*.json` and the format doc (`scenarios/README.md`).
//!
//! Version 1 is the only released version so far, so [`STEPS`] is empty; [`run_steps`] is tested with a
//! made-up chain of steps in `tests/migrate.rs`.

use crate::error::{ErrorKind, FieldError};
use crate::format::wire::FORMAT_VERSION;
use serde_json::Value;

/// The oldest format version this build reads: every version from here to [`FORMAT_VERSION`] opens.
pub const OLDEST_VERSION: u32 = 1;

/// One migration: a file of version `from` becomes a file of version `from + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// The version this step reads.
    pub from: u32,
    /// What changed, in one English sentence (for the code reader; users see [`crate::error::WarningKind`]).
    pub change: &'static str,
    /// Rewrites the whole file in place. It must leave `format_version` alone ([`run_steps`] sets it), and may
    /// refuse a file it cannot convert with an error naming the field.
    pub apply: fn(&mut Value) -> Result<(), FieldError>,
}

/// Every released step, oldest first: `STEPS[k].from == OLDEST_VERSION + k`.
pub const STEPS: &[Step] = &[];

/// Runs the released steps on `file` (a JSON object whose `format_version` is `from`), bringing it to
/// [`FORMAT_VERSION`]. Returns the versions passed through, e.g. `[1, 2]` for a version-1 file in a version-3
/// build (empty when the file is current).
pub fn migrate(file: &mut Value, from: u32) -> Result<Vec<u32>, FieldError> {
    run_steps(file, from, FORMAT_VERSION, STEPS)
}

/// Runs `steps` from version `from` up to version `to`; the generic form of [`migrate`] (tests give it their
/// own steps). Each step's `from` must be its version, in order; after each step `format_version` is set to the
/// next version. A version without a step is refused as unsupported, so a file is never half-migrated.
pub fn run_steps(file: &mut Value, from: u32, to: u32, steps: &[Step]) -> Result<Vec<u32>, FieldError> {
    let mut passed = Vec::new();
    let mut version = from;
    while version < to {
        let step = steps.iter().find(|step| step.from == version).ok_or_else(|| {
            FieldError::new("format_version", ErrorKind::UnsupportedVersion { found: u64::from(from), supported: to })
        })?;
        (step.apply)(file)?;
        passed.push(version);
        version += 1;
        if let Some(object) = file.as_object_mut() {
            object.insert("format_version".to_string(), Value::from(version));
        }
    }
    Ok(passed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_released_steps_form_one_chain_to_the_current_version() {
        assert_eq!(STEPS.len() as u32, FORMAT_VERSION - OLDEST_VERSION, "one step per version change");
        for (idx, step) in STEPS.iter().enumerate() {
            assert_eq!(step.from, OLDEST_VERSION + idx as u32, "step {idx} reads the wrong version");
            assert!(!step.change.is_empty());
        }
    }
}
