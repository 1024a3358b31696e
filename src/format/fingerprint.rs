//! The short fingerprint of a scenario file that two planners compare to tell they hold the same version.

use crate::format::json::to_compact_json;
use crate::format::wire::ScenarioFile;

/// A short fingerprint of a scenario file (8 hex digits, e.g. `3f2a-9c01`), so two planners can tell that they
/// hold the same version. It is FNV-1a (64-bit) of the file's content as [`to_compact_json`] writes it, folded to
/// 32 bits: the same content gives the same fingerprint on every machine whatever the file's layout, and any
/// changed value changes it (with odds of a coincidence of one in four billion).
pub fn fingerprint(file: &ScenarioFile) -> String {
    fingerprint_of_compact_json(&to_compact_json(file))
}

/// [`fingerprint`] from the text [`to_compact_json`] already wrote (to serialise only once).
pub fn fingerprint_of_compact_json(compact_json: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in compact_json.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let folded = (hash >> 32) as u32 ^ hash as u32;
    format!("{:04x}-{:04x}", folded >> 16, folded & 0xffff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::json::{parse_json, to_json};

    #[test]
    fn a_fingerprint_follows_the_content() {
        let text = include_str!("../../scenarios/template.json");
        let file = parse_json(text).expect("the template parses");
        let again = parse_json(&to_json(&file)).expect("its own output parses");
        assert_eq!(fingerprint(&file), fingerprint(&again), "the same content, the same fingerprint");
        assert_eq!(fingerprint(&file).len(), 9);
        let mut changed = file.clone();
        changed.villages[0].residents += 1;
        assert_ne!(fingerprint(&file), fingerprint(&changed));
    }
}
