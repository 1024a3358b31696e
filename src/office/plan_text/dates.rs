//! Dates as plans write them, read from text already folded to ASCII digits (see `numbers::arabize`):
//! "3月10日——3月13日", "3月10日-13日", "3月21—6月21日", "即日起至12月31日", "10月下旬到11月下旬", "12月底",
//! "6月底前", "20xx年7月1日至9月30日前", "2022全年", "上半年", "年底前". A placeholder ("XX月") is recognised
//! as a date that cannot be read.

use crate::date::{days_in_month, Date};

/// What the reader knows when it resolves a date: the plan's year and the day it was issued.
#[derive(Clone, Copy, Debug)]
pub struct DateContext {
    /// The year of dates written without one (and of "20xx").
    pub year: i32,
    /// The day the plan was issued ("即日起" starts then), if known.
    pub issued: Option<Date>,
}

/// How a date expression bounds time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// "A—B": from A to B.
    Range,
    /// "自A起": from A on.
    Since,
    /// "A前", "至A": by A.
    Until,
    /// A lone date or period ("12月底", "6月中旬", "全年").
    Single,
}

/// A date expression found in text: char indices `from..to`, and its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First char index of the expression.
    pub from: usize,
    /// Char index after the expression.
    pub to: usize,
    /// How it bounds time.
    pub kind: SpanKind,
    /// First day covered (`None` for `Until`, or when it could not be read).
    pub start: Option<Date>,
    /// Last day covered (`None` for `Since`, or when it could not be read).
    pub end: Option<Date>,
    /// True when the text holds a placeholder ("XX月") or an impossible date.
    pub unreadable: bool,
}

/// A part of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Day(u32),
    Whole,
    Early,
    Mid,
    Late,
    Begin,
    End,
}

/// One date point before resolution.
#[derive(Clone, Copy, Debug)]
struct Point {
    from: usize,
    to: usize,
    /// `Some(None)`: a year placeholder (20xx); `None`: no year written.
    year: Option<Option<i32>>,
    /// `Some(None)`: a month placeholder (XX月).
    month: Option<Option<u32>>,
    part: Part,
    /// A whole-year or half-year point with no month: (first month, last month).
    months: Option<(u32, u32)>,
    /// "即日": the issue date.
    today: bool,
}

fn is_placeholder(chars: &[char], idx: usize) -> usize {
    let mut end = idx;
    while end < chars.len() && matches!(chars[end], 'x' | 'X' | '×' | '*') && end - idx < 4 {
        end += 1;
    }
    end - idx
}

fn starts_with(chars: &[char], idx: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(offset, ch)| chars.get(idx + offset) == Some(&ch))
}

fn digits_at(chars: &[char], idx: usize, max: usize) -> Option<(u32, usize)> {
    let mut end = idx;
    while end < chars.len() && chars[end].is_ascii_digit() && end - idx < max {
        end += 1;
    }
    if end == idx || (end < chars.len() && chars[end].is_ascii_digit()) {
        return None;
    }
    let text: String = chars[idx..end].iter().collect();
    text.parse().ok().map(|value| (value, end))
}

/// Reads a month part (after "M月"): "10日", "10", "上旬", "底", ... Returns the part and the index after it.
fn month_part(chars: &[char], idx: usize) -> (Part, usize) {
    if let Some((day, end)) = digits_at(chars, idx, 2) {
        if matches!(chars.get(end), Some('日' | '号')) {
            return (Part::Day(day), end + 1);
        }
        // "3月21—6月21日": a day without 日 before a range connector.
        if chars.get(end).is_some_and(|ch| is_dash(*ch) || matches!(ch, '至' | '到')) {
            return (Part::Day(day), end);
        }
    }
    let placeholder = is_placeholder(chars, idx);
    if placeholder > 0 && matches!(chars.get(idx + placeholder), Some('日' | '号')) {
        return (Part::Day(0), idx + placeholder + 1);
    }
    for (word, part) in [
        ("上旬", Part::Early),
        ("中旬", Part::Mid),
        ("下旬", Part::Late),
        ("初", Part::Begin),
        ("底", Part::End),
        ("末", Part::End),
        ("中", Part::Mid),
        ("份", Part::Whole),
    ] {
        if starts_with(chars, idx, word) {
            return (part, idx + word.chars().count());
        }
    }
    (Part::Whole, idx)
}

/// Reads one date point starting at `idx`, if there is one.
fn point_at(chars: &[char], idx: usize) -> Option<Point> {
    let blank = Point { from: idx, to: idx, year: None, month: None, part: Part::Whole, months: None, today: false };
    if starts_with(chars, idx, "即日") {
        return Some(Point { to: idx + 2, today: true, ..blank });
    }
    for (word, months, part) in [
        ("全年", (1, 12), Part::Whole),
        ("上半年", (1, 6), Part::Whole),
        ("下半年", (7, 12), Part::Whole),
        ("年底", (12, 12), Part::End),
        ("年末", (12, 12), Part::End),
        ("年初", (1, 1), Part::Begin),
    ] {
        if starts_with(chars, idx, word) {
            return Some(Point { to: idx + word.chars().count(), months: Some(months), part, ..blank });
        }
    }
    let mut at = idx;
    let mut year = None;
    // A year: 2022年, 20xx年, 2022全年, 2022年度.
    if let Some((value, end)) = digits_at(chars, at, 4) {
        if end - at == 4 && (matches!(chars.get(end), Some('年')) || starts_with(chars, end, "全年")) {
            year = Some(Some(value as i32));
            at = end;
        }
    } else if starts_with(chars, at, "20") && is_placeholder(chars, at + 2) == 2 && chars.get(at + 4) == Some(&'年') {
        year = Some(None);
        at += 4;
    }
    if year.is_some() {
        if starts_with(chars, at, "全年") {
            return Some(Point { to: at + 2, year, months: Some((1, 12)), ..blank });
        }
        // at points at 年.
        at += 1;
        if starts_with(chars, at, "度") {
            at += 1;
        }
        for (word, months, part) in [
            ("上半年", (1, 6), Part::Whole),
            ("下半年", (7, 12), Part::Whole),
            ("全年", (1, 12), Part::Whole),
            ("底", (12, 12), Part::End),
            ("末", (12, 12), Part::End),
        ] {
            if starts_with(chars, at, word) {
                return Some(Point { to: at + word.chars().count(), year, months: Some(months), part, ..blank });
            }
        }
    }
    // A month: 3月, XX月.
    let month_start = at;
    let month = if let Some((value, end)) = digits_at(chars, at, 2) {
        if chars.get(end) == Some(&'月') {
            at = end + 1;
            Some(Some(value))
        } else {
            None
        }
    } else {
        let placeholder = is_placeholder(chars, at);
        if placeholder > 0 && chars.get(at + placeholder) == Some(&'月') {
            at += placeholder + 1;
            Some(None)
        } else {
            None
        }
    };
    match month {
        Some(month) => {
            let (part, end) = month_part(chars, at);
            Some(Point { to: end, year, month: Some(month), part, ..blank })
        }
        None if year.is_some() => {
            // "2022年" alone: the whole year.
            Some(Point { to: month_start, year, months: Some((1, 12)), ..blank })
        }
        None => {
            // A day alone ("13日"), meaningful only as the end of a range.
            let (day, end) = digits_at(chars, at, 2)?;
            if matches!(chars.get(end), Some('日' | '号')) {
                Some(Point { to: end + 1, part: Part::Day(day), ..blank })
            } else {
                None
            }
        }
    }
}

fn is_dash(ch: char) -> bool {
    matches!(ch, '-' | '—' | '–' | '―' | '~' | '－' | '─' | '‒')
}

/// The first and last day of a point, given the context and the point it continues (a range's start).
fn resolve(point: &Point, context: &DateContext, previous: Option<&Point>) -> (Option<Date>, Option<Date>, bool) {
    if point.today {
        return (context.issued, context.issued, context.issued.is_none());
    }
    let year = match point.year {
        Some(Some(year)) => year,
        Some(None) => context.year,
        None => match previous.and_then(|previous| previous.year) {
            Some(Some(year)) => year,
            _ => context.year,
        },
    };
    if let Some((first, last)) = point.months {
        let start = match point.part {
            Part::End => Date::from_ymd(year, last, 21),
            _ => Date::from_ymd(year, first, 1),
        };
        let end = Date::from_ymd(year, last, days_in_month(year, last));
        return (start, end, start.is_none());
    }
    let month = match point.month {
        Some(Some(month)) => month,
        Some(None) => return (None, None, true),
        // A day alone takes the month of the range's start.
        None => match previous.and_then(|previous| previous.month) {
            Some(Some(month)) => month,
            _ => return (None, None, true),
        },
    };
    if !(1..=12).contains(&month) {
        return (None, None, true);
    }
    let last = days_in_month(year, month);
    let (first_day, last_day) = match point.part {
        Part::Day(0) => return (None, None, true),
        Part::Day(day) => (day, day),
        Part::Whole => (1, last),
        Part::Early | Part::Begin => (1, 10),
        Part::Mid => (11, 20),
        Part::Late => (21, last),
        Part::End => (last, last),
    };
    let start = Date::from_ymd(year, month, first_day);
    let end = Date::from_ymd(year, month, last_day);
    (start, end, start.is_none() || end.is_none())
}

/// Skips a range connector ("——", "-", "至", "到", "起至", "—至") at `idx`; the index after it, if any.
fn connector(chars: &[char], idx: usize) -> Option<usize> {
    let mut at = idx;
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    if chars.get(at) == Some(&'起') {
        at += 1;
    }
    let start = at;
    while chars.get(at).is_some_and(|ch| is_dash(*ch)) {
        at += 1;
    }
    if matches!(chars.get(at), Some('至' | '到')) {
        at += 1;
    }
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    (at > start).then_some(at)
}

/// Every date expression in `text` (char indices), in order.
pub fn find_spans(text: &str, context: &DateContext) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut idx = 0;
    while idx < chars.len() {
        // Do not start inside a number ("12月" read from "2"), nor on a day that is really part of a count.
        let inside_number = idx > 0 && chars[idx - 1].is_ascii_digit();
        let Some(first) = (!inside_number).then(|| point_at(&chars, idx)).flatten() else {
            idx += 1;
            continue;
        };
        // A lone day ("13日") not closing a range is not a date worth reporting.
        let lone_day = first.month.is_none() && first.months.is_none() && !first.today;
        let (start, end, unreadable) = resolve(&first, context, None);
        let mut span = Span { from: first.from, to: first.to, kind: SpanKind::Single, start, end, unreadable };
        if let Some(after) = connector(&chars, first.to) {
            if let Some(second) = point_at(&chars, after) {
                let (_, end, second_unreadable) = resolve(&second, context, Some(&first));
                span = Span {
                    from: first.from,
                    to: second.to,
                    kind: SpanKind::Range,
                    start,
                    end,
                    unreadable: unreadable || second_unreadable,
                };
            }
        }
        if span.kind == SpanKind::Single {
            if lone_day {
                idx = first.to.max(idx + 1);
                continue;
            }
            let before = |word: &str| {
                let n = word.chars().count();
                span.from >= n && chars[span.from - n..span.from].iter().copied().eq(word.chars())
            };
            let after = |word: &str| starts_with(&chars, span.to, word);
            if (before("自") || before("从") || before("于")) && (after("起") || after("开始")) || after("起") {
                span.kind = SpanKind::Since;
                span.end = None;
                span.to += 1;
            } else if after("前") || after("之前") || after("以前") || before("至") || before("到") || before("截至")
            {
                span.kind = SpanKind::Until;
                span.start = None;
            }
        }
        // "至…前" after a range: still the range; skip a trailing 前.
        idx = span.to.max(idx + 1);
        spans.push(span);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> Option<Date> {
        Date::parse(text)
    }

    fn check(text: &str, kind: SpanKind, start: Option<&str>, end: Option<&str>) {
        let context = DateContext { year: 2022, issued: Date::from_ymd(2022, 3, 10) };
        let spans = find_spans(text, &context);
        let span = spans.first().unwrap_or_else(|| panic!("no date in {text}"));
        assert_eq!(span.kind, kind, "{text}");
        assert_eq!(span.start, start.and_then(ymd), "{text}");
        assert_eq!(span.end, end.and_then(ymd), "{text}");
    }

    #[test]
    fn the_forms_plans_use() {
        use SpanKind::*;
        check("(3月10日——3月13日)", Range, Some("2022-03-10"), Some("2022-03-13"));
        check("3月10日-13日", Range, Some("2022-03-10"), Some("2022-03-13"));
        check("(3月21—6月21日)", Range, Some("2022-03-21"), Some("2022-06-21"));
        check("即日起至12月31日", Range, Some("2022-03-10"), Some("2022-12-31"));
        check("10月下旬到11月下旬", Range, Some("2022-10-21"), Some("2022-11-30"));
        check("12月底", Single, Some("2022-12-31"), Some("2022-12-31"));
        check("在6月底前必须完成", Until, None, Some("2022-06-30"));
        check("20xx年7月1日至9月30日前", Range, Some("2022-07-01"), Some("2022-09-30"));
        check("(2022全年)", Single, Some("2022-01-01"), Some("2022-12-31"));
        check("自2021年5月10日起", Since, Some("2021-05-10"), None);
        check("20xx年1月下旬至2月下旬", Range, Some("2022-01-21"), Some("2022-02-28"));
        check("(4月22日—26日)", Range, Some("2022-04-22"), Some("2022-04-26"));
        check("上半年", Single, Some("2022-01-01"), Some("2022-06-30"));
        check("6月中旬", Single, Some("2022-06-11"), Some("2022-06-20"));
        let context = DateContext { year: 2022, issued: None };
        let spans = find_spans("(20XX年XX月—XX月中旬)", &context);
        assert!(spans[0].unreadable);
        assert!(find_spans("推1-2名骨干,2名以上", &context).is_empty());
    }
}
