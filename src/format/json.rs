//! Scenario files as JSON text: [`parse_json`] reads one through [`crate::format::import::import`] (without its
//! warnings), [`to_json`] and [`to_compact_json`] write one back with its unknown fields in place.

use crate::format::import;
use crate::format::wire::ScenarioFile;

/// Parses the JSON text of a scenario file into wire types, with the path of the first bad field.
///
/// This is [`import::import`] without its warnings (unknown fields are still kept in the file); it
/// checks JSON syntax and types only, and [`crate::model::validate::validate`] checks the values.
pub fn parse_json(text: &str) -> Result<ScenarioFile, crate::error::FieldError> {
    match import::import(text) {
        Ok(imported) => Ok(imported.file),
        // `import` reports at least one error; the fallback keeps this total.
        Err(errors) => Err(errors.into_iter().next().unwrap_or_else(|| crate::error::FieldError::from_serde(".", ""))),
    }
}

/// Writes a scenario file as pretty JSON (UTF-8), the form planners save and exchange, with any unknown fields
/// it was read with back in place.
pub fn to_json(file: &ScenarioFile) -> String {
    // Serialising plain data to a String cannot fail: no map keys are non-strings and no I/O is involved.
    if file.unknown_fields.is_empty() {
        return serde_json::to_string_pretty(file).unwrap_or_default();
    }
    serde_json::to_string_pretty(&with_unknown_fields(file)).unwrap_or_default()
}

/// Writes a scenario file as compact JSON (one line): the form autosave keeps and [`crate::format::fingerprint::fingerprint`] hashes.
pub fn to_compact_json(file: &ScenarioFile) -> String {
    // As in `to_json`: serialising plain data to a String cannot fail.
    if file.unknown_fields.is_empty() {
        return serde_json::to_string(file).unwrap_or_default();
    }
    serde_json::to_string(&with_unknown_fields(file)).unwrap_or_default()
}

fn with_unknown_fields(file: &ScenarioFile) -> serde_json::Value {
    let mut value = serde_json::to_value(file).unwrap_or_default();
    import::restore_unknown_fields(&mut value, &file.unknown_fields);
    value
}
