//! Numbers without words: printing a figure with a given precision and reading a number a person typed.
//!
//! A leaf: it imports nothing from the app, so the editor (`crate::edit`), the words (`crate::words`) and the
//! formatting with units (`crate::format`) can all use it without an import cycle.

/// Shown for a figure that cannot be computed (the same dash in every language).
pub const NOT_AVAILABLE: &str = "—";

/// `value` with at most `max_decimals` decimals, trailing zeros removed; never `-0`.
pub fn decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return NOT_AVAILABLE.to_string();
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
pub fn grouped(value: f64) -> String {
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
