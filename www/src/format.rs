//! Numbers as our users write them: money in 元, 万元 and 亿元 (`3.2万元`), shares as percents (`72.4%`),
//! dates as `6月30日`, and the reverse: reading a number a person typed.
//!
//! Unit words come from `crate::i18n`; this module only chooses precision and scale.

use crate::i18n::{self, Lang, Text};
use wuzha::Date;

/// `value` with at most `max_decimals` decimals, trailing zeros removed; never `-0`.
pub fn decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return i18n::text(Lang::Zh, Text::NotAvailable).to_string();
    }
    let text = format!("{value:.max_decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// A whole number with thousands separators, e.g. `12,345` (English texts).
fn grouped(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0.0 && digits != "0" {
        out.insert(0, '-');
    }
    out
}

/// Money split into figure and unit, e.g. (`3.2`, `万元`): below 1万 in whole 元, below 100万 with one decimal
/// of 万元, below 1亿 in whole 万元, above in 亿元 with two decimals. English uses plain grouped yuan.
pub fn yuan_parts(lang: Lang, value: f64) -> (String, &'static str) {
    let magnitude = value.abs();
    match lang {
        Lang::En => (grouped(value), i18n::text(lang, Text::Yuan)),
        Lang::Zh if magnitude < 1e4 => (decimal(value, 0), i18n::text(lang, Text::Yuan)),
        Lang::Zh if magnitude < 1e6 => (decimal(value / 1e4, 1), i18n::text(lang, Text::WanYuan)),
        Lang::Zh if magnitude < 1e8 => (decimal(value / 1e4, 0), i18n::text(lang, Text::WanYuan)),
        Lang::Zh => (decimal(value / 1e8, 2), i18n::text(lang, Text::YiYuan)),
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

/// A share in [0, 1] as a percent with one decimal, e.g. `72.4%`.
pub fn percent(share: f64) -> String {
    format!("{}%", decimal(share * 100.0, 1))
}

/// A change such as year-on-year, signed, e.g. `+5.2%`, `-12%`, `0%`.
pub fn percent_change(change: f64) -> String {
    let text = decimal(change * 100.0, 1);
    if change * 100.0 >= 0.05 {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// A count of people or installs: whole below 1万, then `1.2万` (Chinese) or grouped (English).
pub fn people(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Zh if value.abs() >= 1e4 => format!("{}{}", decimal(value / 1e4, 1), i18n::text(lang, Text::Wan)),
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
    i18n::month_day(lang, date.month(), date.day())
}

/// A number to put into an input box: as short as possible, up to six decimals, e.g. `80`, `2.5`.
pub fn input_number(value: f64) -> String {
    decimal(value, 6)
}

/// Reads a number a person typed, or `None`.
///
/// Accepted: optional sign, digits, one decimal point, an exponent; full-width digits and signs (from Chinese
/// input methods); thousands separators `,` and `，`; a trailing `%` or `元`; a trailing `万` multiplies by
/// 10 000. Rejected: empty text, `NaN`, infinities and anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut normal = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        let ch = match ch {
            '０'..='９' => char::from_u32(u32::from(ch) - u32::from('０') + u32::from('0'))?,
            '．' | '。' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            ',' | '，' | ' ' | '\u{3000}' => continue,
            other => other,
        };
        normal.push(ch);
    }
    let mut body = normal.as_str();
    body = body.strip_suffix('元').unwrap_or(body);
    body = body.strip_suffix('%').unwrap_or(body);
    let (body, scale) = match body.strip_suffix('万') {
        Some(rest) => (rest, 1e4),
        None => (body, 1.0),
    };
    let starts_well = body.chars().next().is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, '-' | '+' | '.'));
    let all_numeric = body.chars().all(|ch| ch.is_ascii_digit() || matches!(ch, '-' | '+' | '.' | 'e' | 'E'));
    if !starts_well || !all_numeric || !body.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let value = body.parse::<f64>().ok()? * scale;
    value.is_finite().then_some(value)
}
