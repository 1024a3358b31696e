//! The one way a scenario file comes in: [`import`] reads JSON text from a file, a share link, autosave or the
//! JavaScript API into a [`ScenarioFile`], with every warning, or refuses it with errors that name the field.
//!
//! In order: the size limit (before anything is parsed), a byte-order mark, strict JSON (no duplicate keys, no
//! NaN or 1e400, nesting at most 128 deep, nothing after the value), the format version (a newer file is refused
//! whole; an older one is migrated by [`crate::format::migrate`]), then the typed wire types. Fields this build does not
//! know are kept in [`ScenarioFile::unknown_fields`] (so saving writes them back) and reported as warnings.
//! Values are checked afterwards by [`crate::model::validate::validate`].

use crate::error::{EncodingGuess, ErrorKind, FieldError, FieldWarning, WarningKind};
use crate::format::migrate;
use crate::format::wire::{PathSegment, ScenarioFile, UnknownField, FORMAT_VERSION};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The largest file (bytes of UTF-8 text) this build reads, in the CLI and in the app alike. Real scenario files
/// are well under 1 MB (the limits of `validate` allow about 1.5 MB of sensible content); larger input is
/// refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The bytes of a file as text: UTF-8 (a byte-order mark is left for [`import`] to strip), or an error that
/// says what the bytes look like instead ([`EncodingGuess`]: UTF-16, GBK, or not text), so the message can say
/// how to save the file as UTF-8. Bytes over [`MAX_FILE_BYTES`] are refused as too large first.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, FieldError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FieldError::new(
            ".",
            ErrorKind::FileTooLarge { bytes: bytes.len() as u64, max: MAX_FILE_BYTES as u64 },
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let guess = guess_encoding(error.as_bytes());
        FieldError::new(".", ErrorKind::NotUtf8 { at: at as u64, guess })
    })
}

/// What bytes that are not UTF-8 most likely are: UTF-16 by its byte-order mark or by NUL bytes (a JSON file in
/// UTF-16 has a NUL beside every ASCII character), GBK when every byte above 0x7F pairs into a GBK character.
pub fn guess_encoding(bytes: &[u8]) -> EncodingGuess {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return EncodingGuess::Utf16;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&byte| byte == 0).count();
    if nuls * 4 >= head.len() && nuls > 0 {
        return EncodingGuess::Utf16;
    }
    let (mut idx, mut pairs) = (0, 0usize);
    while idx < bytes.len() {
        match bytes[idx] {
            0 => return EncodingGuess::Unknown,
            0x01..=0x7F => idx += 1,
            0x81..=0xFE => match bytes.get(idx + 1) {
                Some(0x40..=0x7E | 0x80..=0xFE) => {
                    pairs += 1;
                    idx += 2;
                }
                _ => return EncodingGuess::Unknown,
            },
            _ => return EncodingGuess::Unknown,
        }
    }
    if pairs > 0 {
        EncodingGuess::Gbk
    } else {
        EncodingGuess::Unknown
    }
}

/// A file that was read, with what its reader should know.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The file in wire types (not yet validated), migrated to [`FORMAT_VERSION`].
    pub file: ScenarioFile,
    /// Warnings in file order: the migration, if any, then each unknown field (kept in `file`).
    pub warnings: Vec<FieldWarning>,
    /// The `format_version` the file was written in.
    pub from_version: u32,
}

/// Reads `text` as a scenario file: see the module docs for the order of the checks. Errors name the field;
/// a refused file yields nothing, so it is never half-loaded.
pub fn import(text: &str) -> Result<Imported, Vec<FieldError>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![FieldError::new(
            ".",
            ErrorKind::FileTooLarge { bytes: text.len() as u64, max: MAX_FILE_BYTES as u64 },
        )]);
    }
    // Files saved by Windows tools (Notepad, WPS) often start with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value = read_strict(text).map_err(|error| vec![error])?;

    let mut warnings = Vec::new();
    let mut from_version = FORMAT_VERSION;
    // A missing or non-integer version is left to the typed reader below, which names it.
    if let Some(found) = value.get("format_version").and_then(Value::as_u64) {
        if found > u64::from(FORMAT_VERSION) {
            return Err(vec![FieldError::new(
                "format_version",
                ErrorKind::NewerVersion { found, newest: FORMAT_VERSION },
            )]);
        }
        if found < u64::from(migrate::OLDEST_VERSION) {
            return Err(vec![FieldError::new(
                "format_version",
                ErrorKind::UnsupportedVersion { found, supported: FORMAT_VERSION },
            )]);
        }
        // In range 1..=FORMAT_VERSION, so it fits in u32.
        from_version = found as u32;
        let passed = migrate::migrate(&mut value, from_version).map_err(|error| vec![error])?;
        if !passed.is_empty() {
            warnings.push(FieldWarning {
                path: "format_version".into(),
                kind: WarningKind::Migrated { from: from_version, to: FORMAT_VERSION },
            });
        }
    }

    let mut unknown_paths: Vec<Vec<PathSegment>> = Vec::new();
    let read: Result<ScenarioFile, _> = {
        let mut note_unknown = |path: serde_ignored::Path| unknown_paths.push(segments(&path));
        let with_unknowns = serde_ignored::Deserializer::new(&value, &mut note_unknown);
        serde_path_to_error::deserialize(with_unknowns)
    };
    let mut file = read.map_err(|error| {
        let path = error.path().to_string();
        vec![FieldError::from_serde(&path, &error.into_inner().to_string())]
    })?;
    for path in unknown_paths {
        if let Some(found) = lookup(&value, &path) {
            warnings.push(FieldWarning { path: display_path(&path), kind: WarningKind::UnknownField });
            file.unknown_fields.push(UnknownField { value: found.clone(), path });
        }
    }
    // A loss with no cases to spread it over is not used: say so rather than drop it silently.
    let last_year = &file.last_year;
    let cases: f64 = match (&last_year.cases_monthly, last_year.cases_total) {
        (Some(monthly), _) => monthly.iter().sum(),
        (None, Some(total)) => total,
        (None, None) => f64::NAN,
    };
    if last_year.loss_total_yuan.is_some_and(|loss| loss > 0.0) && cases == 0.0 {
        warnings.push(FieldWarning { path: "last_year.loss_total_yuan".into(), kind: WarningKind::LossWithoutCases });
    }
    Ok(Imported { file, warnings, from_version })
}

/// The path of a field as errors write it: `villages[3].residents`, `.` for the whole file.
pub fn display_path(path: &[PathSegment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            PathSegment::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            PathSegment::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    if text.is_empty() {
        text.push('.');
    }
    text
}

fn segments(path: &serde_ignored::Path) -> Vec<PathSegment> {
    let mut reversed = Vec::new();
    let mut current = path;
    loop {
        match current {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                reversed.push(PathSegment::Index(*index));
                current = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                reversed.push(PathSegment::Key(key.clone()));
                current = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => current = parent,
        }
    }
    reversed.reverse();
    reversed
}

fn lookup<'a>(value: &'a Value, path: &[PathSegment]) -> Option<&'a Value> {
    path.iter().try_fold(value, |value, segment| match segment {
        PathSegment::Key(key) => value.get(key.as_str()),
        PathSegment::Index(index) => value.get(*index),
    })
}

/// Puts each kept field back at its path, where its parent object still exists and has no such key.
pub(crate) fn restore_unknown_fields(value: &mut Value, fields: &[UnknownField]) {
    for field in fields {
        let Some((PathSegment::Key(key), parent_path)) = field.path.split_last() else { continue };
        let parent = parent_path.iter().try_fold(&mut *value, |value, segment| match segment {
            PathSegment::Key(key) => value.get_mut(key.as_str()),
            PathSegment::Index(index) => value.get_mut(*index),
        });
        match parent {
            Some(Value::Object(object)) => {
                object.entry(key.clone()).or_insert_with(|| field.value.clone());
            }
            // A parameter read as `{"value": …, "extra": …}` is written as a bare number when it has no range:
            // write it as an object again so the kept field has a place.
            Some(parent @ Value::Number(_)) => {
                let mut object = Map::new();
                object.insert("value".into(), parent.take());
                object.insert(key.clone(), field.value.clone());
                *parent = Value::Object(object);
            }
            _ => {}
        }
    }
}

/// Parses JSON text into a value, refusing what `serde_json::Value` would let through: a key twice in one
/// object (the second would silently win), and anything after the value.
fn read_strict(text: &str) -> Result<Value, FieldError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let StrictValue(value) = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        // serde_json reports a lone surrogate escape (`"\ud800"`) as "unexpected end of hex escape" or as a
        // "lone leading surrogate" even for a trailing one: name it truthfully.
        let detail = inner.to_string();
        match (detail.contains("hex escape"), lone_surrogate(text)) {
            (true, Some(code_point)) => FieldError::new(
                if path.is_empty() { "." } else { &path },
                ErrorKind::LoneSurrogate { code_point, line: inner.line() as u64 },
            ),
            _ => FieldError::from_serde(&path, &detail),
        }
    })?;
    deserializer.end().map_err(|error| FieldError::from_serde(".", &error.to_string()))?;
    Ok(value)
}

/// The first `\uD800`-`\uDFFF` escape in `text` that is not half of a surrogate pair, if any.
fn lone_surrogate(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let hex_at = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let mut idx = 0;
    while idx + 1 < bytes.len() {
        if bytes[idx] != b'\\' {
            idx += 1;
            continue;
        }
        if bytes[idx + 1] != b'u' {
            idx += 2;
            continue;
        }
        match hex_at(idx + 2) {
            Some(high @ 0xD800..=0xDBFF) => {
                let paired = bytes.get(idx + 6..idx + 8) == Some(b"\\u")
                    && hex_at(idx + 8).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low));
                if !paired {
                    return Some(high);
                }
                idx += 12;
            }
            Some(low @ 0xDC00..=0xDFFF) => return Some(low),
            _ => idx += 6,
        }
    }
    None
}

/// A JSON value read with duplicate keys refused.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StrictValue, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        // JSON text cannot hold NaN or infinities (serde_json refuses 1e400), so this is always a number.
        serde_json::Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("{value} is not a finite number")))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
            let StrictValue(item) = map.next_value()?;
            object.insert(key, item);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_errors_write_them() {
        let path = vec![PathSegment::Key("villages".into()), PathSegment::Index(3), PathSegment::Key("x".into())];
        assert_eq!(display_path(&path), "villages[3].x");
        assert_eq!(display_path(&[]), ".");
    }

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        let error = read_strict(r#"{"a": {"b": 1, "b": 2}}"#).err().map(|error| error.path);
        assert_eq!(error.as_deref(), Some("a"));
        assert!(read_strict(r#"{"a": [1, 2, {"c": null}]}"#).is_ok());
    }
}
