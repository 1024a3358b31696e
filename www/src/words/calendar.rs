//! Month and day names, as planners write them on chart axes and in sentences.

use super::*;

/// A month on a chart axis, e.g. `6月`.
pub fn month(lang: Lang, month: u32) -> String {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::Zh => format!("{month}月"),
        Lang::En => EN.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?").to_string(),
    }
}

/// A day of the year, e.g. `6月30日`.
pub fn month_day(lang: Lang, month_number: u32, day: u32) -> String {
    match lang {
        Lang::Zh => format!("{month_number}月{day}日"),
        Lang::En => format!("{day} {}", month(lang, month_number)),
    }
}
