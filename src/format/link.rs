//! Share links: a scenario compressed into the URL fragment, `#scenario=<format version>.<base64url(deflate(json))>`,
//! so a plan can travel as one link. Decoding is bounded, so a crafted link cannot exhaust memory.

use crate::error::{ErrorKind, FieldError};
use crate::format::json;
use crate::format::wire::{ScenarioFile, FORMAT_VERSION};

/// The fragment key: `#scenario=...`.
pub const FRAGMENT_KEY: &str = "scenario=";

/// Links longer than this many characters are unreliable in chat apps and older browsers; offer the file instead.
pub const MAX_LINK_CHARS: usize = 8000;

/// The most bytes a link may inflate to (a scenario file is normally well under 100 KB; files are limited to
/// [`crate::format::import::MAX_FILE_BYTES`], links to less).
pub const MAX_INFLATED_BYTES: usize = 2 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The fragment for `file` (without `#`): `scenario=1.<payload>`.
pub fn encode_fragment(file: &ScenarioFile) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(json::to_compact_json(file).as_bytes(), 9);
    format!("{FRAGMENT_KEY}{FORMAT_VERSION}.{}", base64url_encode(&compressed))
}

/// Reads a scenario file from a fragment (with or without `#`). Errors name the link (`path` = `#scenario`)
/// or, once the JSON is read, the bad field. Returns `None` when the fragment holds no scenario at all.
pub fn decode_fragment(fragment: &str) -> Option<Result<ScenarioFile, FieldError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(decode_payload(rest))
}

fn link_error(detail: &str) -> FieldError {
    FieldError::new("#scenario", ErrorKind::Syntax { detail: detail.to_string() })
}

fn decode_payload(rest: &str) -> Result<ScenarioFile, FieldError> {
    let (version, payload) = rest.split_once('.').ok_or_else(|| link_error("no format version"))?;
    let version: u64 = version.parse().map_err(|_| link_error("the format version is not a number"))?;
    // Links from older versions open (the JSON inside carries its own version and is migrated); a link from a
    // newer Wuzha is refused before anything is inflated.
    if version > u64::from(FORMAT_VERSION) {
        return Err(FieldError::new("#scenario", ErrorKind::NewerVersion { found: version, newest: FORMAT_VERSION }));
    }
    if version < u64::from(crate::format::migrate::OLDEST_VERSION) {
        return Err(FieldError::new(
            "#scenario",
            ErrorKind::UnsupportedVersion { found: version, supported: FORMAT_VERSION },
        ));
    }
    let compressed =
        base64url_decode(payload).ok_or_else(|| link_error("not base64url text (the link may be cut off)"))?;
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES)
        .map_err(|_| link_error("the compressed data is damaged or too large (the link may be cut off)"))?;
    let text = String::from_utf8(inflated).map_err(|_| link_error("not UTF-8 text"))?;
    json::parse_json(&text)
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        let n_chars = chunk.len() + 1;
        for char_idx in 0..n_chars {
            text.push(char::from(ALPHABET[((group >> (18 - 6 * char_idx)) & 0x3f) as usize]));
        }
    }
    text
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let values: Vec<u32> = text
        .bytes()
        .map(|byte| ALPHABET.iter().position(|candidate| *candidate == byte).map(|value| value as u32))
        .collect::<Option<_>>()?;
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let group = chunk.iter().enumerate().fold(0u32, |group, (idx, value)| group | (value << (18 - 6 * idx)));
        for byte_idx in 0..chunk.len() - 1 {
            bytes.push((group >> (16 - 8 * byte_idx)) as u8);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40usize {
            let bytes: Vec<u8> = (0..len).map(|idx| (idx * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).as_deref(), Some(bytes.as_slice()));
        }
        assert_eq!(base64url_encode(b"Man"), "TWFu");
        assert_eq!(base64url_decode("a*b"), None);
    }

    #[test]
    fn a_scenario_survives_the_link_and_broken_links_are_refused() {
        let file = json::parse_json(include_str!("../../scenarios/honglin-2022.json")).expect("valid");
        let fragment = encode_fragment(&file);
        assert!(fragment.starts_with("scenario=1."), "{}", &fragment[..20]);
        assert!(fragment.len() < MAX_LINK_CHARS, "洪林镇 fits in a link: {} characters", fragment.len());
        assert_eq!(decode_fragment(&format!("#{fragment}")).and_then(Result::ok), Some(file));
        assert!(decode_fragment("#section-2").is_none(), "an ordinary fragment is not a scenario");
        let cut = &fragment[..fragment.len() / 2];
        assert!(matches!(decode_fragment(cut), Some(Err(error)) if error.path == "#scenario"));
        let future = fragment.replacen("scenario=1.", "scenario=9.", 1);
        assert!(matches!(
            decode_fragment(&future),
            Some(Err(FieldError { kind: ErrorKind::NewerVersion { found: 9, .. }, .. }))
        ));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_INFLATED_BYTES + 1], 9);
        let fragment = format!("{FRAGMENT_KEY}{FORMAT_VERSION}.{}", base64url_encode(&bomb));
        assert!(matches!(decode_fragment(&fragment), Some(Err(error)) if error.path == "#scenario"));
    }
}
