//! Numbers in plan texts: Chinese numerals before a unit ("十二月", "三十一日", "二〇二二年", "两条") become
//! Arabic digits, so that the date, percent and amount readers see one form; and small helpers to read a
//! number at a position.

/// The value of one Chinese digit.
fn digit_value(ch: char) -> Option<u64> {
    Some(match ch {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_numeral(ch: char) -> bool {
    digit_value(ch).is_some() || matches!(ch, '十' | '百' | '千' | '万')
}

/// The value of a run of Chinese numerals: "十二" = 12, "三十一" = 31, "二〇二二" = 2022, "一百" = 100,
/// "十万" = 100 000. `None` for a malformed run.
pub fn chinese_number(run: &str) -> Option<u64> {
    if run.is_empty() {
        return None;
    }
    // Digit by digit (years: 二〇二二) when there is no unit character.
    if !run.chars().any(|ch| matches!(ch, '十' | '百' | '千' | '万')) {
        let mut value: u64 = 0;
        for ch in run.chars() {
            value = value.checked_mul(10)?.checked_add(digit_value(ch)?)?;
        }
        return Some(value);
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    for ch in run.chars() {
        match ch {
            '十' | '百' | '千' => {
                let unit = match ch {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section += digit.unwrap_or(1) * unit;
                digit = None;
            }
            '万' => {
                total += (section + digit.unwrap_or(0)) * 10_000;
                section = 0;
                digit = None;
            }
            _ => digit = Some(digit_value(ch)?),
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// Units after which a run of Chinese numerals is a number (dates, ages, counts of banners, yuan, shares).
const UNITS: &str = "年月日号岁条幅台辆场次份期个名户元周天块轮批万%";

/// `text` with every run of Chinese numerals that stands before a unit written in Arabic digits. "两" counts
/// only before a measure word ("两幅" but not "两降"); "一" alone before "个/次/场" stays a number too.
pub fn arabize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut idx = 0;
    while idx < chars.len() {
        if is_numeral(chars[idx]) {
            let mut end = idx;
            while end < chars.len() && is_numeral(chars[end]) {
                end += 1;
            }
            let run: String = chars[idx..end].iter().collect();
            let next = chars.get(end).copied();
            // "第一阶段", "一把手": only before a unit; "万" inside the run is a unit of the number itself.
            let before_unit = next.is_some_and(|next| UNITS.contains(next));
            let only_liang = run == "两" && !next.is_some_and(|next| "条幅台辆场次份期个名户周天块轮批".contains(next));
            if before_unit && !only_liang {
                if let Some(value) = chinese_number(&run) {
                    out.push_str(&value.to_string());
                    idx = end;
                    continue;
                }
            }
            out.push_str(&run);
            idx = end;
            continue;
        }
        out.push(chars[idx]);
        idx += 1;
    }
    expand_month_ranges(&out)
}

/// "3—5月" written as "3月—5月", so that both ends of a range of months are dates.
fn expand_month_ranges(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut idx = 0;
    while idx < chars.len() {
        let starts_number = chars[idx].is_ascii_digit() && (idx == 0 || !chars[idx - 1].is_ascii_digit());
        if starts_number && !(idx > 0 && matches!(chars[idx - 1], '月' | '.')) {
            let mut end = idx;
            while end < chars.len() && chars[end].is_ascii_digit() && end - idx < 2 {
                end += 1;
            }
            let connector = chars.get(end).is_some_and(|ch| matches!(ch, '-' | '—' | '–' | '~' | '至' | '到'));
            let mut second = end + 1;
            while chars.get(second) == Some(&'—') {
                second += 1;
            }
            let mut second_end = second;
            while second_end < chars.len() && chars[second_end].is_ascii_digit() && second_end - second < 2 {
                second_end += 1;
            }
            let is_month_range = connector
                && end < chars.len()
                && !chars.get(end).is_some_and(|ch| ch.is_ascii_digit())
                && second_end > second
                && chars.get(second_end) == Some(&'月')
                && chars.get(end).is_none_or(|ch| *ch != '月');
            if is_month_range {
                out.extend(&chars[idx..end]);
                out.push('月');
                idx = end;
                continue;
            }
        }
        out.push(chars[idx]);
        idx += 1;
    }
    out
}

/// The number (ASCII digits, optionally with a decimal part) that ends just before char index `end` of
/// `chars`, with the index it starts at.
pub fn number_before(chars: &[char], end: usize) -> Option<(f64, usize)> {
    let mut start = end;
    while start > 0 && (chars[start - 1].is_ascii_digit() || chars[start - 1] == '.') {
        start -= 1;
    }
    while start < end && chars[start] == '.' {
        start += 1;
    }
    if start == end {
        return None;
    }
    let text: String = chars[start..end].iter().collect();
    text.parse::<f64>().ok().map(|value| (value, start))
}

/// The whole number of ASCII digits starting at char index `start`, with the index after it.
pub fn integer_at(chars: &[char], start: usize) -> Option<(u64, usize)> {
    let mut end = start;
    while end < chars.len() && chars[end].is_ascii_digit() && end - start < 9 {
        end += 1;
    }
    if end == start {
        return None;
    }
    let text: String = chars[start..end].iter().collect();
    text.parse().ok().map(|value| (value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (run, value) in
            [("十二", 12), ("三十一", 31), ("二〇二二", 2022), ("十", 10), ("一百", 100), ("十万", 100_000)]
        {
            assert_eq!(chinese_number(run), Some(value), "{run}");
        }
        assert_eq!(arabize("二〇二二年三月十日至十二月底"), "2022年3月10日至12月底");
        assert_eq!(arabize("两降、两幅、第一阶段、一户不漏"), "两降、2幅、第一阶段、1户不漏");
        assert_eq!(arabize("连续两期排名前两名"), "连续2期排名前2名");
        assert_eq!(arabize("2023年3—5月"), "2023年3月—5月");
        assert_eq!(arabize("3月10日-13日，1-2名"), "3月10日-13日，1-2名");
    }
}
