//! Numbers as our users write them: money in 元, 万元 and 亿元 (`3.2万元`), shares as percents (`72.4%`),
//! dates as `6月30日`, and the reverse: reading a number a person typed.
//!
//! Unit words come from `crate::words`, digits from `crate::numbers`; this module only chooses precision and scale.

use crate::numbers::grouped;
pub use crate::numbers::{decimal, input_number, parse_number};
use crate::words::{self, Lang, Text};
use wuzha::Date;

/// Money split into figure and unit, e.g. (`3.2`, `万元`): below 1万 in whole 元, below 100万 with one decimal
/// of 万元, below 1亿 in whole 万元, above in 亿元 with two decimals. English uses plain grouped yuan.
pub fn yuan_parts(lang: Lang, value: f64) -> (String, &'static str) {
    let magnitude = value.abs();
    match lang {
        Lang::En => (grouped(value), words::text(lang, Text::Yuan)),
        Lang::Zh if magnitude < 1e4 => (decimal(value, 0), words::text(lang, Text::Yuan)),
        Lang::Zh if magnitude < 1e6 => (decimal(value / 1e4, 1), words::text(lang, Text::WanYuan)),
        Lang::Zh if magnitude < 1e8 => (decimal(value / 1e4, 0), words::text(lang, Text::WanYuan)),
        Lang::Zh => (decimal(value / 1e8, 2), words::text(lang, Text::YiYuan)),
    }
}

/// Money as one text, e.g. `3.2万元`, `8500元`, `12,345 yuan`.
pub fn yuan(lang: Lang, value: f64) -> String {
    let (figure, unit) = yuan_parts(lang, value);
    join_unit(lang, &figure, unit)
}

/// A small amount with up to two decimals, e.g. `2.35` (cost per install, reward per install).
pub fn yuan_small(value: f64) -> String {
    decimal(value, 2)
}

/// A figure followed by its unit: no space in Chinese (`3.2万元`), a space in English.
pub fn join_unit(lang: Lang, figure: &str, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("{figure}{unit}"),
        Lang::En => format!("{figure} {unit}"),
    }
}

/// One decimal always (`56.0`, not `56` beside `56.1`); no `-0.0`.
fn one_decimal(value: f64) -> String {
    let text = crate::numbers::decimal(value, 1);
    if text.contains('.') || !value.is_finite() {
        text
    } else {
        format!("{text}.0")
    }
}

/// A share in [0, 1] as a percent with one decimal, always, e.g. `72.4%`, `56.0%`.
pub fn percent(share: f64) -> String {
    format!("{}%", one_decimal(share * 100.0))
}

/// A level the planner wrote (a target's share, a threshold), as written: `80%`, `72.5%`.
pub fn percent_level(share: f64) -> String {
    format!("{}%", decimal(share * 100.0, 1))
}

/// A change such as year-on-year, signed, with one decimal, e.g. `+5.2%`, `-12.0%`, `0.0%`.
pub fn percent_change(change: f64) -> String {
    let text = one_decimal(change * 100.0);
    if change * 100.0 >= 0.05 {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// A count of people or installs: whole below 1万, then `1.2万` (Chinese) or grouped (English).
pub fn people(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Zh if value.abs() >= 1e4 => format!("{}{}", decimal(value / 1e4, 1), words::text(lang, Text::Wan)),
        Lang::Zh => decimal(value, 0),
        Lang::En => grouped(value),
    }
}

/// Expected cases, which are fractional: one decimal, e.g. `3.2`.
pub fn cases(value: f64) -> String {
    decimal(value, 1)
}

/// Points of a score: one decimal at most, e.g. `78.5`.
pub fn points(value: f64) -> String {
    decimal(value, 1)
}

/// A date as `6月30日`.
pub fn date(lang: Lang, date: Date) -> String {
    words::month_day(lang, date.month(), date.day())
}
