//! The catalog of default potential audiences (MODEL.md v2 §2): the share of a segment a channel can reach at
//! all, by the channel's kind and the words in its id or name. Every number here is a guess (假设), used only
//! where a file gives no `audience` for a channel and segment; the file format doc lists them.

use crate::vocab::ChannelKind;

/// One catalog row: words that name the channel (in its id or name) and the default audience.
struct AudienceRow {
    words: &'static [&'static str],
    audience: f64,
    basis: &'static str,
}

/// Rows in the order they are tried; the first whose word appears in the id or name wins.
const CATALOG: &[AudienceRow] = &[
    AudienceRow {
        words: &["sms", "wechat", "短信", "微信", "推送", "群"], audience: 0.8, basis: "有手机、在群里的人"
    },
    AudienceRow { words: &["letter", "家长", "学生"], audience: 0.3, basis: "有在校学生的家庭" },
    AudienceRow {
        words: &["lecture", "training", "讲座", "培训", "课"], audience: 0.2, basis: "到场听讲的人"
    },
    AudienceRow { words: &["market", "stall", "赶集", "摊"], audience: 0.3, basis: "赶集的人" },
    AudienceRow { words: &["led", "screen", "屏"], audience: 0.3, basis: "经过屏幕的人" },
    AudienceRow {
        words: &["loudspeaker", "broadcast", "村村响", "喇叭", "广播"],
        audience: 0.5,
        basis: "白天在家的人",
    },
    AudienceRow { words: &["van", "car", "宣传车"], audience: 0.5, basis: "车经过时在路边或在家的人" },
    AudienceRow {
        words: &["banner", "slogan", "poster", "横幅", "标语", "海报"],
        audience: 0.6,
        basis: "经过村部、院落的人",
    },
    AudienceRow {
        words: &["leaflet", "booklet", "宣传单", "传单", "手册", "册"],
        audience: 0.5,
        basis: "收到并翻看的人",
    },
    AudienceRow { words: &["pledge", "commitment", "承诺书"], audience: 0.5, basis: "签承诺书的户" },
    AudienceRow {
        words: &["douyin", "live", "vr", "抖音", "直播"], audience: 0.4, basis: "看直播、体验的人"
    },
];

/// A broadcast channel the catalog does not name.
const OTHER_BROADCAST: f64 = 0.5;

/// The default audience of a channel for every segment: 1 for door-to-door (the visits themselves decide who is
/// reached), else the first catalog row whose word is in the id or name (case-insensitive), else 0.5.
pub fn default_audience(kind: ChannelKind, id: &str, name: &str) -> f64 {
    if kind == ChannelKind::DoorToDoor {
        return 1.0;
    }
    let text = format!("{} {}", id.to_lowercase(), name.to_lowercase());
    CATALOG
        .iter()
        .find(|row| row.words.iter().any(|word| text.contains(word)))
        .map_or(OTHER_BROADCAST, |row| row.audience)
}

/// The catalog as `(words, audience, basis)` rows, for docs and the editor's hints.
pub fn catalog() -> impl Iterator<Item = (&'static [&'static str], f64, &'static str)> {
    CATALOG.iter().map(|row| (row.words, row.audience, row.basis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_names_pick_their_rows() {
        assert_eq!(default_audience(ChannelKind::DoorToDoor, "visit", "入户走访"), 1.0);
        assert_eq!(default_audience(ChannelKind::Broadcast, "banner", "横幅"), 0.6);
        assert_eq!(default_audience(ChannelKind::Broadcast, "x", "致家长的一封信"), 0.3);
        assert_eq!(default_audience(ChannelKind::Broadcast, "SMS", "push"), 0.8);
        assert_eq!(default_audience(ChannelKind::Broadcast, "zz", "其他"), OTHER_BROADCAST);
        assert!(catalog().all(|(_, audience, _)| audience > 0.0 && audience <= 1.0));
    }
}
