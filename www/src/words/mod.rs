//! Every user-facing string of the app, in zh-CN (the default) and English, in one place, by area.
//!
//! Fixed texts are keys of [`Text`] read with [`text`]. Each area file declares its keys once with the
//! [`words!`] macro, one row per key with both languages side by side (`AppName => ("无诈推演", "Wuzha")`), so
//! a key without its English (or its Chinese) does not compile. The macro makes one enum per area
//! ([`Header`], [`Editor`], ...), wraps it in [`Text`], and names every key on [`Text`] too, so callers write
//! `Text::AppName` whatever its area.
//!
//! Texts with figures in them are the small functions of each area, which take figures already formatted by
//! `crate::format` (or digits from `crate::numbers`). No other module holds a word shown to users: other
//! modules may only join numbers with language-neutral symbols such as `%`, `/` and `·`. Texts taken from the
//! scenario file (village, product, phase and target names) are shown as written.

pub use wuzha::Lang;

/// Declares one area's fixed texts: an enum of keys and, for each key, its Chinese and English.
///
/// ```text
/// words! {
///     /// A fixed text of the page header.
///     Header {
///         /// The app's name in the header.
///         AppName => ("无诈推演", "Wuzha"),
///     }
/// }
/// ```
/// makes `enum Header { AppName }`, `Header::zh_en`, `From<Header> for Text` and the constant `Text::AppName`.
macro_rules! words {
    (
        $(#[$area_meta:meta])*
        $area:ident {
            $( $(#[$meta:meta])* $key:ident => ($zh:expr, $en:expr $(,)?), )*
        }
    ) => {
        $(#[$area_meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $area {
            $( $(#[$meta])* $key, )*
        }

        impl $area {
            /// The text in Chinese and in English.
            pub fn zh_en(self) -> (&'static str, &'static str) {
                match self {
                    $( $area::$key => ($zh, $en), )*
                }
            }
        }

        impl From<$area> for Text {
            fn from(key: $area) -> Text {
                Text::$area(key)
            }
        }

        #[allow(non_upper_case_globals)]
        impl Text {
            $( $(#[$meta])* pub const $key: Text = Text::$area($area::$key); )*
        }
    };
}

mod calendar;
mod compare;
mod controls;
mod editor;
mod errors;
mod header;
mod optimise;
mod results;
mod uncertainty;

pub use calendar::*;
pub use compare::*;
pub use controls::*;
pub use editor::*;
pub use errors::*;
pub use header::*;
pub use optimise::*;
pub use results::*;
pub use uncertainty::*;

/// The key of one fixed text, by area; every key is also a constant of this type (`Text::AppName`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The page header, the file menu, saving, sharing and exports.
    Header(Header),
    /// The quick controls.
    Controls(Controls),
    /// The error list.
    Errors(Errors),
    /// Key figures, charts, the village table and the score.
    Results(Results),
    /// The uncertainty panel.
    Uncertainty(Uncertainty),
    /// The comparison of pinned options.
    Compare(Compare),
    /// The optimise panel.
    Optimise(Optimise),
    /// The scenario editor and the phase timeline.
    Editor(Editor),
}

/// The fixed text for `key` in `lang`.
pub fn text(lang: Lang, key: Text) -> &'static str {
    let (zh, en) = match key {
        Text::Header(key) => key.zh_en(),
        Text::Controls(key) => key.zh_en(),
        Text::Errors(key) => key.zh_en(),
        Text::Results(key) => key.zh_en(),
        Text::Uncertainty(key) => key.zh_en(),
        Text::Compare(key) => key.zh_en(),
        Text::Optimise(key) => key.zh_en(),
        Text::Editor(key) => key.zh_en(),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_read_as_planners_write_them() {
        assert_eq!(month(Lang::Zh, 6), "6月");
        assert_eq!(month(Lang::En, 12), "Dec");
        assert_eq!(month(Lang::En, 13), "?");
        assert_eq!(month_day(Lang::Zh, 6, 30), "6月30日");
        assert_eq!(
            field_error(Lang::Zh, text(Lang::Zh, Text::RewardLabel), "数值 -3 超出允许范围（0 – 1000）"),
            "奖励标准：数值 -3 超出允许范围（0 – 1000）"
        );
    }
}
