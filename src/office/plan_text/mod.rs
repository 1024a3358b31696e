//! Reading a 实施方案 (a township's plan document) back into a scenario draft, by rules: no network, no model.
//!
//! The text goes through, in order: script and form normalisation ([`script`]: traditional → simplified,
//! full-width → ASCII, pinyin glosses dropped); page junk removed (site headers and footers, 来源/编辑 lines,
//! page numbers, links, 上一篇/下一篇); lines classed as headings (一、 / （一） / 1. / （1）) or body; Chinese
//! numerals before units written as digits ([`numbers`]); then each kind of fact is read where plans write it:
//! phases from the 阶段 headings (or the 时间/步骤 section, or "自…起…开展"), with their dates ([`dates`]) and
//! nested items; targets from percentages with a rate word (安装率, 注册率, 关注率, 覆盖率) and from 两降 /
//! 同比下降; rewards from "每…N元" with 奖励; floors from "每村…不少于N幅"; the priority age group; the
//! escalation rules (提醒谈话, 约谈, 书面说明, 通报). Everything else comes from `scenarios/template.json`.
//!
//! Every filled phase, target, reward and floor carries "原文：…" (the sentence it came from) in its `note` (these
//! wire types have no `source` field; `Param.source` is not filled by the reader) and in
//! [`PlanDraft::sources`]. What could not be read goes to [`PlanDraft::review`]. The draft always validates:
//! a refused value is dropped back to the template's and reported.

pub mod dates;
pub mod numbers;
pub mod script;

use crate::date::Date;
use crate::error::Lang;
use crate::wire::{Denominator, FloorFile, Metric, PhaseFile, RewardFile, ScenarioFile, ScheduleEntryFile, TargetFile};
use dates::{find_spans, DateContext, Span, SpanKind};
use serde::Serialize;

/// The template every draft starts from.
const TEMPLATE: &str = include_str!("../../../scenarios/template.json");
/// The year the template's dates are written in.
const TEMPLATE_YEAR: i32 = 2025;

/// A scenario read from a plan's text, with what a person must check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanDraft {
    /// The scenario file: read facts over the template. It always passes `validate`.
    pub file: ScenarioFile,
    /// What could not be read, or was taken from the template, in reading order.
    pub review: Vec<ReviewItem>,
    /// The escalation rules the text states (the scenario format has no place for them yet).
    pub escalations: Vec<Escalation>,
    /// For each filled field, the sentence it came from.
    pub sources: Vec<FieldSource>,
    /// The year used for dates written without one.
    pub year: i32,
    /// Plans found in the text (a page may hold several; only the first is read).
    pub plans_in_text: usize,
    /// Share of the text's ideographs that were traditional forms (0 for simplified text).
    pub traditional_share: f64,
}

/// One thing for a person to check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewItem {
    /// The field concerned, e.g. `phases[2].start`, if any.
    pub path: Option<String>,
    /// What to check, in the language asked for.
    pub message: String,
    /// The sentence concerned, if any.
    pub quote: Option<String>,
}

/// Where a filled field came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldSource {
    /// Path of the field, e.g. `targets[0]`.
    pub path: String,
    /// The sentence, as read (simplified script).
    pub quote: String,
}

/// What an escalation rule does to a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationAction {
    /// 提醒谈话: a reminder talk.
    ReminderTalk,
    /// 约谈: an interview of the official in charge.
    Interview,
    /// 书面说明: a written explanation.
    WrittenExplanation,
    /// 通报 / 通报批评: a notice (criticism) to all units.
    Notice,
    /// 问责 / 追责: accountability.
    Accountability,
}

/// A county's (or township's) escalation rule, e.g. "连续两期排名前两名的，约谈分管领导".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Escalation {
    /// What happens.
    pub action: EscalationAction,
    /// The condition, as written (the clause before the action).
    pub trigger: String,
    /// "连续N期": periods running, if stated.
    pub consecutive_periods: Option<u32>,
    /// "前N名": the top N by alerts or cases, if stated.
    pub rank_top: Option<u32>,
    /// True when the trigger is a missed target (未完成, 未实现, 未达到).
    pub missed_target: bool,
    /// The sentence.
    pub source: String,
}

fn say(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// One line of the cleaned text.
#[derive(Clone, Debug)]
struct Line {
    /// The line as read (simplified script), trimmed.
    text: String,
    /// 0 body, 1 "一、", 2 "(一)", 3 "1.", 4 "(1)".
    level: u8,
    /// The heading's title: the line without its marker, up to the first 。 (headings only).
    title: String,
    /// Heading lines above this one (indices), outermost first.
    parents: Vec<usize>,
}

/// A sentence with its Arabic-digit form for matching.
#[derive(Clone, Debug)]
struct Sentence {
    text: String,
    norm: String,
    line: usize,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// The heading level and marker length (chars) of a line.
fn heading(text: &str) -> (u8, usize) {
    let chars: Vec<char> = text.chars().collect();
    let mut idx = 0;
    while idx < chars.len() && CN_DIGITS.contains(chars[idx]) {
        idx += 1;
    }
    if idx > 0 && idx <= 3 && matches!(chars.get(idx), Some('、' | '.' | '．' | '，')) {
        return (1, idx + 1);
    }
    if chars.first() == Some(&'第') {
        let mut at = 1;
        while at < chars.len() && CN_DIGITS.contains(chars[at]) {
            at += 1;
        }
        if at > 1 && matches!(chars.get(at), Some('阶' | '部' | '步')) {
            return (2, 0);
        }
    }
    if chars.first() == Some(&'(') {
        let mut at = 1;
        while at < chars.len() && CN_DIGITS.contains(chars[at]) {
            at += 1;
        }
        if at > 1 && chars.get(at) == Some(&')') {
            return (2, at + 1);
        }
        let mut at = 1;
        while at < chars.len() && chars[at].is_ascii_digit() {
            at += 1;
        }
        if at > 1 && at <= 3 && chars.get(at) == Some(&')') {
            return (4, at + 1);
        }
    }
    let mut at = 0;
    while at < chars.len() && chars[at].is_ascii_digit() {
        at += 1;
    }
    if at > 0 && at <= 2 {
        match chars.get(at) {
            Some('、' | '．') => return (3, at + 1),
            Some('.') if !chars.get(at + 1).is_some_and(|ch| ch.is_ascii_digit()) => return (3, at + 1),
            Some(')') => return (4, at + 1),
            _ => {}
        }
    }
    if matches!(chars.first(), Some('①'..='⑳')) {
        return (4, 1);
    }
    (0, 0)
}

/// True for lines of page furniture, not of the plan.
fn is_junk(text: &str) -> bool {
    const STARTS: [&str; 37] = [
        "上一篇",
        "下一篇",
        "上一条",
        "下一条",
        "责任编辑",
        "编辑:",
        "编辑：",
        "来源:",
        "来源：",
        "文章来源",
        "发布时间",
        "发布日期",
        "作者:",
        "浏览次数",
        "点击数",
        "分享到",
        "【打印",
        "打印本页",
        "关闭窗口",
        "网友评论",
        "热门文章",
        "相关推荐",
        "相关阅读",
        "当前位置",
        "扫一扫",
        "版权所有",
        "TOP ARTICLES",
        "时间:",
        "(来源",
        "【来源",
        "阅读次数",
        "阅读量",
        "字体:",
        "字体：",
        "【大 中 小】",
        "收藏",
        "分享",
    ];
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return true;
    }
    if STARTS.iter().any(|start| trimmed.starts_with(start)) {
        return true;
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") || lower.contains("icp备") {
        return true;
    }
    if trimmed.contains("我要投稿") || trimmed.contains("【字体") || trimmed.contains("字号:") {
        return true;
    }
    // Page numbers: "- 3 -", "第3页", "第 3 页 共 5 页", "3/5".
    let compact: String = trimmed.chars().filter(|ch| !ch.is_whitespace()).collect();
    let stripped = compact.trim_matches(|ch: char| matches!(ch, '-' | '—' | '第' | '页' | '共' | '/'));
    if !stripped.is_empty() && stripped.chars().all(|ch| ch.is_ascii_digit() || "第页共/".contains(ch)) {
        return true;
    }
    // A bullet of related articles: "• 相关推荐".
    trimmed.starts_with('•') && trimmed.chars().count() < 20
}

/// The plans in a text that holds several ("反电诈工作实施方案 1", "… 2", …), each as its own text; a text
/// with one plan gives itself.
pub fn split_plans(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let numbered = |line: &str| -> Option<(String, u32)> {
        let trimmed = line.trim();
        let digits_start = trimmed.trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ');
        let number = trimmed[digits_start.len()..].trim();
        let stem = digits_start.trim();
        if number.is_empty() || stem.chars().count() > 40 || !(stem.ends_with("方案") || stem.ends_with("计划")) {
            return None;
        }
        number.parse().ok().map(|number| (stem.to_string(), number))
    };
    let mut starts: Vec<usize> = Vec::new();
    let mut expected = 1;
    let mut stem_seen: Option<String> = None;
    for (idx, line) in lines.iter().enumerate() {
        if let Some((stem, number)) = numbered(line) {
            if number == expected && stem_seen.as_ref().is_none_or(|seen| *seen == stem) {
                stem_seen = Some(stem);
                starts.push(idx);
                expected += 1;
            }
        }
    }
    if starts.len() < 2 {
        return vec![text.to_string()];
    }
    starts
        .iter()
        .enumerate()
        .map(|(idx, start)| {
            let end = starts.get(idx + 1).copied().unwrap_or(lines.len());
            lines[*start..end].join("\n")
        })
        .collect()
}

/// Text pasted from a web page may run several headings into one line ("…如下：一、工作目标 …。二、组织领导…"):
/// a heading marker after a sentence's end (。；：) or a space starts a new line.
fn unfold_headings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 64);
    for (idx, ch) in chars.iter().enumerate() {
        let after_end = idx > 0 && matches!(chars[idx - 1], '。' | '；' | ';' | '：' | ':' | ' ' | '　');
        if after_end {
            let rest: String = chars[idx..chars.len().min(idx + 8)].iter().collect();
            let (level, _) = heading(&rest);
            // "1." after a colon is often an inline list; after a sentence's end or a space it is an item.
            let item = level == 3 && !matches!(chars[idx - 1], '：' | ':');
            if level == 1 || (level == 2 && !rest.starts_with('第')) || item {
                out.push('\n');
            }
        }
        out.push(*ch);
    }
    out
}

/// Splits a line into sentences (at 。；;！？), keeping the delimiters.
fn sentences_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for ch in text.chars() {
        current.push(ch);
        if matches!(ch, '。' | '；' | ';' | '！' | '!' | '？' | '?') {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// Splits a sentence into clauses (at ，,：: and the sentence delimiters), in char-index ranges of `norm`.
fn clauses_of(norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for ch in norm.chars() {
        if matches!(ch, '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?') {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
        } else {
            current.push(ch);
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// At most `max` chars of `text`, with "…" when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The part of a long sentence worth quoting: clause `clause_idx` and the one before it (the whole sentence
/// when it is short).
fn focus(sentence: &str, clause_idx: usize) -> String {
    if sentence.chars().count() <= 80 {
        return sentence.to_string();
    }
    let clauses = clauses_of(sentence);
    let from = clause_idx.saturating_sub(1);
    let picked: Vec<&str> = clauses.iter().skip(from).take(clause_idx + 1 - from).map(String::as_str).collect();
    if picked.is_empty() {
        sentence.to_string()
    } else {
        picked.join("，")
    }
}

/// The index of the clause holding char `char_idx` of `text`.
fn clause_index(text: &str, char_idx: usize) -> usize {
    let mut clause = 0;
    let mut started = false;
    for (idx, ch) in text.chars().enumerate() {
        if idx >= char_idx {
            break;
        }
        if matches!(ch, '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?') {
            if started {
                clause += 1;
            }
            started = false;
        } else if !ch.is_whitespace() {
            started = true;
        }
    }
    clause
}

fn quote_note(quote: &str) -> String {
    format!("原文：{}", clip(quote, 160))
}

/// What the reader found, before it is turned into a scenario.
struct Reading {
    title: Option<String>,
    township: Option<(String, String)>,
    county: Option<String>,
    year: i32,
    year_known: bool,
    phases: Vec<PhaseDraft>,
    targets: Vec<(TargetFile, String)>,
    rewards: Vec<(RewardFile, String)>,
    floors: Vec<(FloorFile, String)>,
    priority_ages: Option<(u32, u32, String)>,
    escalations: Vec<Escalation>,
    review: Vec<ReviewItem>,
}

#[derive(Clone, Debug)]
struct PhaseDraft {
    id: String,
    name: String,
    start: Option<Date>,
    end: Option<Date>,
    parent: Option<usize>,
    /// The heading line it was read from.
    line: Option<usize>,
    quote: String,
    guessed: bool,
}

/// Reads a plan's text (simplified or traditional script; .txt content or [`crate::office::docx_text`] output)
/// into a scenario draft. `year` is the year of dates written without one and of "20xx"; when `None`, the year
/// the text states (its title, issue date or most-used year) is used, else the template's, with a review item.
/// Messages are in `lang`. Never fails: what cannot be read is reported in [`PlanDraft::review`].
pub fn read_plan(text: &str, year: Option<i32>, lang: Lang) -> PlanDraft {
    let converter = script::Converter::new();
    let traditional = converter.count_traditional(text);
    let ideographs = text.chars().filter(|ch| script::is_cjk(*ch)).count().max(1);
    let normalised = script::normalise(text, &converter);
    let plans = split_plans(&normalised);
    let plans_in_text = plans.len();
    let first = plans.into_iter().next().unwrap_or_default();
    let mut reading = read(&first, year, lang);
    if plans_in_text > 1 {
        reading.review.insert(
            0,
            ReviewItem {
                path: None,
                message: match lang {
                    Lang::Zh => format!("文本中有 {plans_in_text} 篇方案，只读取了第 1 篇；其余请分别导入"),
                    Lang::En => format!("the text holds {plans_in_text} plans; only the first was read"),
                },
                quote: None,
            },
        );
    }
    let mut draft = assemble(reading, lang);
    draft.plans_in_text = plans_in_text;
    draft.traditional_share = traditional as f64 / ideographs as f64;
    draft
}

fn read(text: &str, year_arg: Option<i32>, lang: Lang) -> Reading {
    let mut review = Vec::new();
    let (raw_lines, page_year) = clean_lines(text);
    let lines = class_lines(raw_lines);
    let sentences = sentences_in(&lines);

    // The title and the township.
    let title = find_title(&lines);
    let township = find_township(title.as_deref(), &lines);
    let county = find_county(&lines, township.as_ref().map(|(name, _)| name.as_str()));

    // The year and the issue date.
    let issued_line = find_issue_date(&lines);
    let (year, year_known) =
        choose_year(year_arg, title.as_deref(), issued_line, &sentences, page_year, lang, &mut review);
    let context = DateContext { year, issued: issued_line.filter(|date| date.year() == year) };

    let phases = find_phases(&lines, &sentences, &context, lang, &mut review);
    let targets = find_targets(&sentences, &lines, &context, &phases, lang, &mut review);
    let rewards = find_rewards(&sentences, &lines, &phases, &context);
    let floors = find_floors(&sentences, &lines, &phases, &context, lang, &mut review);
    let priority_ages = find_priority_ages(&sentences);
    let escalations = find_escalations(&sentences);
    note_unread_goals(&sentences, lang, &mut review);
    Reading {
        title,
        township,
        county,
        year,
        year_known,
        phases,
        targets,
        rewards,
        floors,
        priority_ages,
        escalations,
        review,
    }
}

/// The text's lines, junk dropped, a lone "实施方案" joined to the line above (a title set on two lines), up to
/// an annex; with the page's own date's year ("发布时间:2021-05-27"), the last resort for the year.
fn clean_lines(text: &str) -> (Vec<String>, Option<i32>) {
    let mut raw_lines: Vec<String> = Vec::new();
    // The page's own date ("发布时间:2021-05-27"), the last resort for the year.
    let mut page_year: Option<i32> = None;
    let unfolded = unfold_headings(text);
    for line in unfolded.lines() {
        let trimmed = line.trim().trim_start_matches(['•', '·']).trim();
        if is_junk(trimmed) {
            if page_year.is_none() && (trimmed.contains("时间") || trimmed.contains("日期")) {
                let chars: Vec<char> = trimmed.chars().collect();
                page_year = (0..chars.len()).find_map(|idx| {
                    let (value, end) = numbers::integer_at(&chars, idx)?;
                    (end - idx == 4
                        && (2000..=2100).contains(&value)
                        && matches!(chars.get(end), Some('-' | '年' | '/')))
                    .then_some(value as i32)
                });
            }
            continue;
        }
        // An annex (forms, tables of figures) is not the plan: reading stops at "附件" on a line of its own.
        let bare_annex = trimmed.trim_end_matches(|ch: char| ch.is_ascii_digit() || matches!(ch, ':' | '：' | ' '));
        if bare_annex == "附件" && !raw_lines.is_empty() {
            break;
        }
        let is_tail = ["实施方案", "工作方案", "活动方案", "方案"].contains(&trimmed);
        match raw_lines.last_mut() {
            Some(previous) if is_tail && previous.chars().count() < 40 => previous.push_str(trimmed),
            _ => raw_lines.push(trimmed.to_string()),
        }
    }
    (raw_lines, page_year)
}

/// Classes each line as a heading (with its title and parent headings) or body.
fn class_lines(raw_lines: Vec<String>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for text in raw_lines {
        let (level, marker) = heading(&text);
        let title = if level > 0 {
            let rest: String = text.chars().skip(marker).collect();
            let rest = rest.trim_start_matches([':', '：', ' ']).to_string();
            match rest.find('。') {
                Some(end) => rest[..end].to_string(),
                None => rest,
            }
        } else {
            String::new()
        };
        let idx = lines.len();
        if level > 0 {
            while stack.last().is_some_and(|(top, _)| *top >= level) {
                stack.pop();
            }
        }
        let parents = stack.iter().map(|(_, idx)| *idx).collect();
        if level > 0 {
            stack.push((level, idx));
        }
        lines.push(Line { text, level, title, parents });
    }
    lines
}

/// The sentences of the lines, each with its Arabic-digit form.
fn sentences_in(lines: &[Line]) -> Vec<Sentence> {
    lines
        .iter()
        .enumerate()
        .flat_map(|(line_idx, line)| {
            sentences_of(&line.text).into_iter().map(move |text| Sentence {
                norm: numbers::arabize(&text),
                text,
                line: line_idx,
            })
        })
        .collect()
}

/// The issue date: a line that is only a full date.
fn find_issue_date(lines: &[Line]) -> Option<Date> {
    lines.iter().find_map(|line| {
        let norm = numbers::arabize(&line.text);
        let spans = find_spans(&norm, &DateContext { year: TEMPLATE_YEAR, issued: None });
        match spans.first() {
            Some(span) if spans.len() == 1 && span.from == 0 && span.to + 1 >= norm.chars().count() => {
                let chars: Vec<char> = norm.chars().collect();
                let has_year = chars.iter().take(4).all(|ch| ch.is_ascii_digit());
                (has_year && span.start == span.end).then_some(span.start).flatten()
            }
            _ => None,
        }
    })
}

/// The year of dates written without one: `--year`, else the text's, else the page's, else the template's.
fn choose_year(
    year_arg: Option<i32>,
    title: Option<&str>,
    issued_line: Option<Date>,
    sentences: &[Sentence],
    page_year: Option<i32>,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> (i32, bool) {
    match year_arg {
        Some(year) => (year, true),
        None => match infer_year(title, issued_line, sentences) {
            Some(year) => (year, true),
            None if page_year.is_some() => {
                let year = page_year.unwrap_or(TEMPLATE_YEAR);
                review.push(ReviewItem {
                    path: Some("start_date".into()),
                    message: match lang {
                        Lang::Zh => format!("方案正文未写年份：按网页发布日期取 {year} 年，请核对（或用 --year 指定）"),
                        Lang::En => format!(
                            "the plan states no year: {year} is taken from the page's date; check it (or give --year)"
                        ),
                    },
                    quote: None,
                });
                (year, false)
            }
            None => {
                review.push(ReviewItem {
                    path: Some("start_date".into()),
                    message: match lang {
                        Lang::Zh => {
                            format!("方案未写明年份（如“20xx年”）：按 {TEMPLATE_YEAR} 年读取，请用 --year 指定")
                        }
                        Lang::En => format!("the plan states no year (\"20xx\"): read as {TEMPLATE_YEAR}; give --year"),
                    },
                    quote: None,
                });
                (TEMPLATE_YEAR, false)
            }
        },
    }
}

/// Review items for goals the format has no place for (全员安装, 零发案, 环比).
fn note_unread_goals(sentences: &[Sentence], lang: Lang, review: &mut Vec<ReviewItem>) {
    for sentence in sentences {
        for (word, zh, en) in [
            (
                "全员安装",
                "“全员安装”没有比例，未设为目标；可按需要增加安装率目标",
                "\"全员安装\" (everyone installs) has no number: no target set",
            ),
            (
                "零发案",
                "“零发案”（无诈单位）为单位目标，方案文件暂无此类目标",
                "\"零发案\" (zero cases) is a unit-level goal the format has no place for",
            ),
            (
                "环比",
                "“环比”目标方案文件暂不支持，只读取了同比",
                "month-on-month targets are not supported; only year-on-year ones were read",
            ),
        ] {
            if sentence.norm.contains(word) && !review.iter().any(|item| item.message.contains(word)) {
                review.push(ReviewItem {
                    path: Some("targets".into()),
                    message: say(lang, zh, en),
                    quote: Some(clip(&sentence.text, 160)),
                });
            }
        }
    }
}

fn find_title(lines: &[Line]) -> Option<String> {
    for line in lines.iter().take(60) {
        // "反电诈工作实施方案 3": the title of one plan of several.
        let text = line.text.trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ');
        let text = text.trim_end_matches(['。', ':', '：']);
        let count = text.chars().count();
        // "…实施方案(2021)" or "…实施方案（试行）": a bracket after the word.
        let stem = match text.rfind('(') {
            Some(idx) if text.ends_with(')') => &text[..idx],
            _ => text,
        };
        if (6..=60).contains(&count)
            && (stem.ends_with("方案") || stem.ends_with("计划"))
            && !text.starts_with("关于")
            && line.level == 0
        {
            return Some(text.replace('(', "（").replace(')', "）"));
        }
    }
    for line in lines.iter().take(60) {
        if !line.text.contains("印发") {
            continue;
        }
        if let (Some(open), Some(close)) = (line.text.find('《'), line.text.find('》')) {
            let inner = &line.text[open + '《'.len_utf8()..close.max(open + '《'.len_utf8())];
            if inner.ends_with("方案") && inner.chars().count() <= 60 {
                return Some(inner.to_string());
            }
        }
    }
    None
}

/// A township name before `镇`, `乡`, `街道`, `开发区`: the ideographs before the suffix, back to a stop.
fn find_township(title: Option<&str>, lines: &[Line]) -> Option<(String, String)> {
    const SUFFIXES: [&str; 6] = ["经济技术开发区", "开发区", "街道办事处", "街道", "镇", "乡"];
    const STOP: &str = "年度的在全我本各该于省市县区和与及、《》“”\"(),，。:：;；为对将从由向把被是等个份月日号村这其此两每点城乡镇下返家进回送含";
    let candidates = |text: &str| -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let mut idx = 0;
        while idx < chars.len() {
            let Some(suffix) = SUFFIXES.iter().find(|suffix| {
                let suffix_chars: Vec<char> = suffix.chars().collect();
                chars[idx..].starts_with(&suffix_chars)
            }) else {
                idx += 1;
                continue;
            };
            let mut start = idx;
            while start > 0 && idx - start < 8 && script::is_cjk(chars[start - 1]) && !STOP.contains(chars[start - 1]) {
                start -= 1;
            }
            let mut stem: String = chars[start..idx].iter().collect();
            // "结合示例镇实际": a verb before the name is not part of it.
            for verb in ["结合", "根据", "按照", "坚持", "做到", "实现", "组织", "推进", "印发", "关于", "成立"]
            {
                if let Some(rest) = stem.strip_prefix(verb) {
                    stem = rest.to_string();
                }
            }
            let suffix_len = suffix.chars().count();
            // "乡镇", "下乡", "城乡": not names.
            let generic = *suffix == "乡" && chars.get(idx + 1).is_some_and(|next| "镇村下亲土里".contains(*next));
            if (2..=8).contains(&stem.chars().count()) && !generic {
                let suffix = if *suffix == "经济技术开发区" { "开发区" } else { suffix };
                let stem = if suffix == "开发区"
                    && chars[start..idx + suffix_len].iter().collect::<String>().contains("经济技术")
                {
                    format!("{stem}经济技术")
                } else {
                    stem
                };
                found.push((format!("{stem}{suffix}"), suffix.to_string()));
            }
            idx += suffix_len;
        }
        found
    };
    if let Some(title) = title {
        if let Some(found) = candidates(title).into_iter().next() {
            return Some(found);
        }
    }
    let mut counts: Vec<((String, String), usize)> = Vec::new();
    for line in lines.iter().take(200) {
        for candidate in candidates(&line.text) {
            match counts.iter_mut().find(|(seen, _)| *seen == candidate) {
                Some((_, count)) => *count += 1,
                None => counts.push((candidate, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(candidate, _)| candidate)
}

fn find_county(lines: &[Line], township: Option<&str>) -> Option<String> {
    for line in lines.iter().take(80) {
        let chars: Vec<char> = line.text.chars().collect();
        for (idx, ch) in chars.iter().enumerate() {
            if *ch != '县' || idx < 2 {
                continue;
            }
            let stem: String = chars[idx - 2..idx].iter().collect();
            let before = if idx >= 3 { chars[idx - 3] } else { '《' };
            if stem.chars().all(script::is_cjk)
                && !script::is_cjk(before) | "《市、".contains(before)
                && !stem.contains('全')
                && !stem.contains('本')
                && township.is_none_or(|township| !township.contains(&stem))
            {
                return Some(format!("{stem}县"));
            }
        }
    }
    None
}

fn infer_year(title: Option<&str>, issued: Option<Date>, sentences: &[Sentence]) -> Option<i32> {
    let years_in = |text: &str| -> Vec<i32> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        for idx in 0..chars.len() {
            if idx > 0 && chars[idx - 1].is_ascii_digit() {
                continue;
            }
            if let Some((value, end)) = numbers::integer_at(&chars, idx) {
                if end - idx == 4 && (2000..=2100).contains(&value) && matches!(chars.get(end), Some('年')) {
                    found.push(value as i32);
                }
            }
        }
        found
    };
    if let Some(year) = title.and_then(|title| years_in(&numbers::arabize(title)).into_iter().next()) {
        return Some(year);
    }
    if let Some(issued) = issued {
        return Some(issued.year());
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for sentence in sentences {
        for year in years_in(&sentence.norm) {
            match counts.iter_mut().find(|(seen, _)| *seen == year) {
                Some((_, count)) => *count += 1,
                None => counts.push((year, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(year, count)| (*count, *year)).map(|(year, _)| year)
}

/// The role id of a phase name.
fn phase_role(name: &str) -> &'static str {
    if ["准备", "筹备", "摸底", "摸排"].iter().any(|word| name.contains(word)) {
        "prepare"
    } else if ["动员", "部署", "启动", "谋划", "发动"].iter().any(|word| name.contains(word)) {
        "mobilise"
    } else if ["总结", "巩固", "提升", "验收", "评估", "常态", "收尾"].iter().any(|word| name.contains(word))
    {
        "consolidate"
    } else if ["宣传", "推进", "实施", "整治", "攻坚", "集中", "开展", "推广"].iter().any(|word| name.contains(word))
    {
        "campaign"
    } else {
        "phase"
    }
}

/// The first span of a kind worth a phase (ranges first), if any.
fn best_span(spans: &[Span]) -> Option<Span> {
    spans
        .iter()
        .find(|span| span.kind == SpanKind::Range)
        .or_else(|| spans.iter().find(|span| span.kind != SpanKind::Single || span.start != span.end))
        .or_else(|| spans.first())
        .copied()
}

/// A phase name from a heading title: no marker, no dates, no "阶段" and what follows, no 组织开展.
fn clean_phase_name(title: &str) -> String {
    // "第一阶段：宣传发动阶段(…)": the ordinal goes first.
    let mut name = title.to_string();
    if let Some(rest) = name.strip_prefix('第') {
        let rest = rest.trim_start_matches(|ch: char| CN_DIGITS.contains(ch));
        if let Some(rest) = rest.strip_prefix("阶段") {
            let rest = rest.trim_start_matches([':', '：', ' ', '，', ',']);
            if !rest.is_empty() {
                name = rest.to_string();
            }
        }
    }
    if let Some(idx) = name.find("阶段") {
        let before = name[..idx].to_string();
        if before.chars().count() >= 2 {
            name = before;
        } else {
            // "第一阶段：动员部署": the words after it.
            name = name[idx + "阶段".len()..].to_string();
        }
    }
    // A bracket holding dates ("(3月10日——3月13日)") ends the name; one of words ("(横幅、宣传车)") is part of it.
    let mut search_from = 0;
    while let Some(offset) = name[search_from..].find('(') {
        let idx = search_from + offset;
        let holds_digits = name[idx..].split(')').next().is_some_and(|inside| {
            inside.chars().any(|ch| matches!(ch, '月' | '日' | '年' | '旬'))
                || inside.contains("XX")
                || inside.contains("xx")
        });
        if holds_digits && idx > 0 {
            name.truncate(idx);
            break;
        }
        // "第一阶段(4月1日至4月10日):动员部署": the dates come first; the name is what follows them.
        if holds_digits {
            if let Some(close) = name.find(')') {
                name = name[close + 1..].trim_start_matches([':', '：', ' ']).to_string();
                search_from = 0;
                continue;
            }
        }
        search_from = idx + 1;
    }
    let name = match name.strip_prefix('第') {
        Some(rest) => rest.trim_start_matches(|ch: char| CN_DIGITS.contains(ch)),
        None => name.as_str(),
    };
    let mut name = name.trim_matches([':', '：', ' ', '。', '，', ',']).to_string();
    if name.starts_with('(') && name.ends_with(')') {
        name = name[1..name.len() - 1].to_string();
    }
    for prefix in ["组织开展", "集中开展", "开展", "组织"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                name = rest.to_string();
                break;
            }
        }
    }
    // Names are shown in Chinese: full-width brackets again.
    let name = name.replace('(', "（").replace(')', "）");
    clip(&name, 30).trim_end_matches('…').to_string()
}

fn find_phases(
    lines: &[Line],
    sentences: &[Sentence],
    context: &DateContext,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> Vec<PhaseDraft> {
    let mut phases = phases_from_headings(lines, context);
    if phases.is_empty() {
        phases = phases_from_time_section(lines, sentences, context);
    }
    if phases.is_empty() {
        phases = phase_from_since(sentences, context, lang, review);
    }
    let top_level = phases.len();
    add_nested_items(&mut phases, lines, context);
    fill_missing_dates(&mut phases, top_level, context);
    note_guessed_phases(&phases, lang, review);
    assign_phase_ids(&mut phases);
    phases
}

/// A. Headings with 阶段.
fn phases_from_headings(lines: &[Line], context: &DateContext) -> Vec<PhaseDraft> {
    let mut phases: Vec<PhaseDraft> = Vec::new();
    let spans_of = |text: &str| find_spans(&numbers::arabize(text), context);
    for (idx, line) in lines.iter().enumerate() {
        if line.level == 0 || !line.title.contains("阶段") || line.title.contains("阶段性") {
            continue;
        }
        // A heading listing the phases ("分为…三个阶段") is not one, nor "阶段目标" or "分阶段推进".
        if line.title.contains("分为") || line.title.contains("个阶段") {
            continue;
        }
        let after_word = line.title.split("阶段").nth(1).and_then(|rest| rest.chars().next());
        if after_word
            .is_some_and(|ch| !matches!(ch, '(' | ':' | '：' | ' ' | '，' | ',' | '—' | '-') && !ch.is_ascii_digit())
        {
            continue;
        }
        let mut spans = spans_of(&line.title);
        if spans.is_empty() {
            if let Some(next) = lines.get(idx + 1).filter(|next| next.level == 0) {
                spans = spans_of(sentences_of(&next.text).first().map_or("", String::as_str));
            }
        }
        let span = best_span(&spans);
        let name = clean_phase_name(&line.title);
        if name.is_empty() {
            continue;
        }
        phases.push(PhaseDraft {
            id: String::new(),
            name,
            start: span.and_then(|span| span.start),
            end: span.and_then(|span| span.end),
            parent: None,
            line: Some(idx),
            quote: line.text.clone(),
            guessed: span.is_none_or(|span| span.unreadable),
        });
    }
    phases
}

/// B. Without 阶段 headings: a 时间 / 步骤 / 安排 section.
fn phases_from_time_section(lines: &[Line], sentences: &[Sentence], context: &DateContext) -> Vec<PhaseDraft> {
    let mut phases: Vec<PhaseDraft> = Vec::new();
    let spans_of = |text: &str| find_spans(&numbers::arabize(text), context);
    for (idx, line) in lines.iter().enumerate() {
        let is_time_section = line.level > 0
            && ["时间", "步骤", "日程", "安排", "之间", "进度", "节点"].iter().any(|word| line.title.contains(word));
        if !is_time_section {
            continue;
        }
        // Sub-headings with dates, else the first range in the section.
        let children: Vec<usize> =
            (idx + 1..lines.len()).take_while(|child| lines[*child].parents.contains(&idx)).collect();
        let mut found = false;
        for child in &children {
            let line = &lines[*child];
            if line.level == 0 {
                continue;
            }
            let dated =
                |span: &Span| span.kind == SpanKind::Range || (span.kind == SpanKind::Single && span.start != span.end);
            if let Some(span) = best_span(&spans_of(&line.title)).filter(dated) {
                phases.push(PhaseDraft {
                    id: String::new(),
                    name: clean_phase_name(&line.title),
                    start: span.start,
                    end: span.end,
                    parent: None,
                    line: Some(*child),
                    quote: line.text.clone(),
                    guessed: span.unreadable,
                });
                found = true;
            }
        }
        if found {
            break;
        }
        let section_sentences =
            sentences.iter().filter(|sentence| sentence.line == idx || children.contains(&sentence.line));
        for sentence in section_sentences {
            let spans = find_spans(&sentence.norm, context);
            if let Some(span) = spans.iter().find(|span| span.kind == SpanKind::Range) {
                phases.push(PhaseDraft {
                    id: String::new(),
                    name: activity_name(&sentence.norm),
                    start: span.start,
                    end: span.end,
                    parent: None,
                    line: Some(sentence.line),
                    quote: sentence.text.clone(),
                    guessed: span.unreadable,
                });
                found = true;
                break;
            }
        }
        if found {
            break;
        }
    }
    phases
}

/// C. "自…起…开展…活动": one phase, to the latest deadline in the text.
fn phase_from_since(
    sentences: &[Sentence],
    context: &DateContext,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> Vec<PhaseDraft> {
    let period_end = Date::from_ymd(context.year, 12, 31);
    let mut phases: Vec<PhaseDraft> = Vec::new();
    let latest = sentences
        .iter()
        .flat_map(|sentence| find_spans(&sentence.norm, context))
        .filter(|span| !span.unreadable && span.end.is_some_and(|end| end.year() == context.year))
        .filter_map(|span| span.end)
        .filter(|end| Some(*end) != period_end)
        .max();
    for sentence in sentences {
        if !(sentence.norm.contains("开展") || sentence.norm.contains("活动")) {
            continue;
        }
        let spans = find_spans(&sentence.norm, context);
        let Some(span) =
            spans.iter().find(|span| matches!(span.kind, SpanKind::Since | SpanKind::Range) && !span.unreadable)
        else {
            continue;
        };
        if span.start.is_some_and(|start| start.year() != context.year) {
            continue;
        }
        let end = span.end.or(latest.filter(|latest| span.start.is_none_or(|start| *latest > start)));
        phases.push(PhaseDraft {
            id: String::new(),
            name: activity_name(&sentence.norm),
            start: span.start,
            end: end.or(period_end),
            parent: None,
            line: Some(sentence.line),
            quote: sentence.text.clone(),
            guessed: false,
        });
        if span.end.is_none() {
            review.push(ReviewItem {
                path: Some("phases[0].end".into()),
                message: say(
                    lang,
                    "方案只写了开始日期：结束日期取文中最晚的期限（或年底），请核对",
                    "the plan gives only a start date: the end is the latest deadline in the text (or the year's end)",
                ),
                quote: Some(clip(&sentence.text, 160)),
            });
        }
        break;
    }
    phases
}

/// Nested items with their own dates under a phase heading: "1.组织开展重点人群…。(3月21—6月21日)".
fn add_nested_items(phases: &mut Vec<PhaseDraft>, lines: &[Line], context: &DateContext) {
    let top_level = phases.len();
    for phase_idx in 0..top_level {
        let Some(heading_line) = phases[phase_idx].line else { continue };
        let level = lines[heading_line].level;
        for (idx, line) in lines.iter().enumerate().skip(heading_line + 1) {
            if !line.parents.contains(&heading_line) {
                if line.level > 0 && line.level <= level {
                    break;
                }
                continue;
            }
            if line.level <= level || line.level == 0 {
                continue;
            }
            let norm = numbers::arabize(&line.text);
            let spans = find_spans(&norm, context);
            let Some(span) = spans.iter().find(|span| {
                !span.unreadable
                    && (span.kind == SpanKind::Range || (span.kind == SpanKind::Single && span.start != span.end))
            }) else {
                continue;
            };
            // Only a date set apart in brackets or at the end counts as the item's own dates.
            let chars: Vec<char> = norm.chars().collect();
            let bracketed = span.from > 0 && chars[span.from - 1] == '(';
            if !bracketed {
                continue;
            }
            let (Some(start), Some(end)) = (span.start, span.end) else { continue };
            let (parent_start, parent_end) = (phases[phase_idx].start, phases[phase_idx].end);
            let start = parent_start.map_or(start, |parent| start.max(parent));
            let end = parent_end.map_or(end, |parent| end.min(parent));
            if start > end {
                continue;
            }
            phases.push(PhaseDraft {
                id: String::new(),
                name: clean_phase_name(&line.title),
                start: Some(start),
                end: Some(end),
                parent: Some(phase_idx),
                line: Some(idx),
                quote: line.text.clone(),
                guessed: false,
            });
        }
    }
}

/// Dates that could not be read: the gap between the known neighbours, split evenly.
fn fill_missing_dates(phases: &mut [PhaseDraft], top_level: usize, context: &DateContext) {
    let period_start = Date::from_ymd(context.year, 1, 1);
    let period_end = Date::from_ymd(context.year, 12, 31);
    let mut idx = 0;
    while idx < top_level {
        if phases[idx].start.is_some() && phases[idx].end.is_some() {
            idx += 1;
            continue;
        }
        let run_start = idx;
        let mut run_end = idx;
        while run_end < top_level && (phases[run_end].start.is_none() || phases[run_end].end.is_none()) {
            run_end += 1;
        }
        let gap_start = phases[run_start]
            .start
            .or_else(|| (run_start > 0).then(|| phases[run_start - 1].end.map(|end| end.add_days(1))).flatten())
            .or(period_start);
        let gap_end = phases[run_end - 1]
            .end
            .or_else(|| {
                phases
                    .get(run_end)
                    .filter(|_| run_end < top_level)
                    .and_then(|next| next.start.map(|start| start.add_days(-1)))
            })
            .or(period_end);
        if let (Some(gap_start), Some(gap_end)) = (gap_start, gap_end) {
            let n = (run_end - run_start) as i32;
            let days = gap_end.days_since(gap_start).max(n - 1) + 1;
            for (offset, phase) in phases[run_start..run_end].iter_mut().enumerate() {
                let offset = offset as i32;
                let start = phase.start.unwrap_or(gap_start.add_days(days * offset / n));
                let end = phase.end.unwrap_or(gap_start.add_days(days * (offset + 1) / n - 1));
                phase.start = Some(start);
                phase.end = Some(end.max(start));
                phase.guessed = true;
            }
        }
        idx = run_end;
    }
}

/// A review item for each phase whose dates were inferred.
fn note_guessed_phases(phases: &[PhaseDraft], lang: Lang, review: &mut Vec<ReviewItem>) {
    for (idx, phase) in phases.iter().enumerate() {
        if phase.guessed {
            review.push(ReviewItem {
                path: Some(format!("phases[{idx}]")),
                message: match lang {
                    Lang::Zh => format!("阶段“{}”的日期未能完整读出，已按前后阶段推算，请核对", phase.name),
                    Lang::En => format!(
                        "the dates of phase \"{}\" could not be read in full: inferred from its neighbours",
                        phase.name
                    ),
                },
                quote: Some(clip(&phase.quote, 160)),
            });
        }
    }
}

/// Ids by role.
fn assign_phase_ids(phases: &mut [PhaseDraft]) {
    let mut used: Vec<String> = Vec::new();
    for phase in phases.iter_mut() {
        let role = phase_role(&phase.name);
        let base = if phase.parent.is_some() && role != "phase" { format!("{role}_item") } else { role.to_string() };
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        used.push(id.clone());
        phase.id = id;
    }
}

/// A name for a phase read from a sentence ("集中宣传", "宣传周", ...).
fn activity_name(norm: &str) -> String {
    for word in ["集中宣传", "宣传周", "宣传月", "专项行动", "专项整治", "宣传活动"] {
        if norm.contains(word) {
            return word.to_string();
        }
    }
    "宣传活动".to_string()
}

/// The deepest phase whose heading is above (or is) `line`.
fn phase_of_line(phases: &[PhaseDraft], lines: &[Line], line: usize) -> Option<usize> {
    let mut found = None;
    for (idx, phase) in phases.iter().enumerate() {
        let Some(heading) = phase.line else { continue };
        if heading == line || lines.get(line).is_some_and(|line| line.parents.contains(&heading)) {
            let deeper =
                found.is_none_or(|found: usize| lines[phases[found].line.unwrap_or(0)].level < lines[heading].level);
            if deeper {
                found = Some(idx);
            }
        }
    }
    found
}

/// The product a clause speaks of: 金钟罩, 国家反诈中心 App, or follows of an account.
fn products_in(text: &str) -> Vec<&'static str> {
    let mut products = Vec::new();
    if text.contains("国家反诈中心") || text.contains("反诈APP") || text.contains("反诈App") || text.contains("反诈app")
    {
        products.push("national_app");
    }
    if text.contains("金钟罩") {
        products.push("jinzhongzhao");
    }
    if text.contains("关注")
        && (text.contains("公众号") || text.contains("快手") || text.contains("抖音") || text.contains("关注率"))
    {
        products.push("follow");
    }
    products
}

fn product_name(product: &str) -> &'static str {
    match product {
        "national_app" => "国家反诈中心App",
        "jinzhongzhao" => "“金钟罩”",
        "follow" => "反诈公众号",
        _ => "产品",
    }
}

fn mmdd(date: Date) -> String {
    format!("{:02}{:02}", date.month(), date.day())
}

#[allow(clippy::too_many_arguments)]
fn push_target(
    targets: &mut Vec<(TargetFile, String)>,
    metric: Metric,
    product: Option<&str>,
    segment: Option<&str>,
    denominator: Denominator,
    threshold: f64,
    deadline: Date,
    quote: &str,
) {
    let duplicate = targets.iter().any(|(target, _)| {
        target.metric == metric
            && target.product.as_deref() == product
            && target.segment.as_deref() == segment
            && target.deadline == deadline.to_string()
            && (target.threshold - threshold).abs() < 1e-9
    });
    if duplicate {
        return;
    }
    let pct = (threshold * 100.0).round() as i64;
    let segment_label = match segment {
        Some("adults_19_45") => "重点人群",
        Some("students") => "学生",
        Some("elderly_60plus") => "老年人",
        _ => "",
    };
    let (id, name) = match metric {
        Metric::Adoption => {
            let product = product.unwrap_or("national_app");
            let rate = if product == "follow" {
                "关注率"
            } else if quote.contains("注册") && !quote.contains("安装") || product == "jinzhongzhao" {
                "注册率"
            } else {
                "安装率"
            };
            (
                format!("{product}_{pct}_by_{}", mmdd(deadline)),
                format!("{segment_label}{}{rate}{}前达{pct}%", product_name(product), deadline.zh_month_day()),
            )
        }
        Metric::Reach => (
            format!("reach_{pct}_by_{}", mmdd(deadline)),
            format!("{segment_label}宣传覆盖率{}前达{pct}%", deadline.zh_month_day()),
        ),
        Metric::Awareness => (
            format!("aware_{pct}_by_{}", mmdd(deadline)),
            format!("{segment_label}知晓率{}前达{pct}%", deadline.zh_month_day()),
        ),
        Metric::YoyCases => (
            format!("cases_down_by_{}", mmdd(deadline)),
            if pct == 0 {
                format!("截至{}发案数同比下降", deadline.zh_month_day())
            } else {
                format!("截至{}发案数同比下降{}%", deadline.zh_month_day(), -pct)
            },
        ),
        Metric::YoyLoss => (
            format!("loss_down_by_{}", mmdd(deadline)),
            if pct == 0 {
                format!("截至{}损失同比下降", deadline.zh_month_day())
            } else {
                format!("截至{}损失同比下降{}%", deadline.zh_month_day(), -pct)
            },
        ),
    };
    let mut unique = id.clone();
    let mut n = 2;
    while targets.iter().any(|(target, _)| target.id == unique) {
        unique = format!("{id}_{n}");
        n += 1;
    }
    let target = TargetFile {
        id: unique,
        name,
        metric,
        product: product.map(str::to_string),
        segment: segment.map(str::to_string),
        village: None,
        denominator,
        threshold,
        deadline: deadline.to_string(),
        note: Some(quote_note(quote)),
    };
    targets.push((target, quote.to_string()));
}

/// The deadline a clause states (the end of its last date), if any.
fn deadline_in(spans: &[Span], year: i32) -> Option<Date> {
    spans.iter().rev().filter(|span| !span.unreadable).find_map(|span| span.end.filter(|end| end.year() == year))
}

fn segment_in(text: &str) -> Option<&'static str> {
    if text.contains("19") && text.contains("45岁") || text.contains("重点人群") {
        Some("adults_19_45")
    } else if text.contains("学生") {
        Some("students")
    } else if text.contains("老年人") || text.contains("老人") {
        Some("elderly_60plus")
    } else {
        None
    }
}

fn find_targets(
    sentences: &[Sentence],
    lines: &[Line],
    context: &DateContext,
    phases: &[PhaseDraft],
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> Vec<(TargetFile, String)> {
    let year_end = Date::from_ymd(context.year, 12, 31);
    let mut targets = Vec::new();
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        let norm = &sentence.norm;
        // Assessment scales ("上升20%以上的不得分") are not targets.
        let scoring =
            ["得分", "记分", "扣分", "减分", "不得分", "满分", "加分", "百分点"].iter().any(|word| norm.contains(word))
                || has_points(norm);
        let past = ["截至目前", "截止目前", "已累计", "累计"].iter().any(|word| norm.contains(word));
        // Products named in this sentence or the one before it (same line).
        let mut context_products = products_in(norm);
        if context_products.is_empty() && sentence_idx > 0 && sentences[sentence_idx - 1].line == sentence.line {
            context_products = products_in(&sentences[sentence_idx - 1].norm);
        }
        let mut carried_metric: Option<(Metric, Vec<&str>)> = None;
        let mut carried_deadline: Option<Date> = None;
        for (clause_idx, clause) in clauses_of(norm).into_iter().enumerate() {
            let quote = focus(&sentence.text, clause_idx);
            let spans = find_spans(&clause, context);
            if let Some(deadline) = deadline_in(&spans, context.year) {
                carried_deadline = Some(deadline);
            }
            let chars: Vec<char> = clause.chars().collect();
            // Shares: "80%".
            for (idx, ch) in chars.iter().enumerate() {
                if *ch != '%' || scoring || past {
                    continue;
                }
                let Some((value, number_start)) = numbers::number_before(&chars, idx) else { continue };
                let before: String = chars[..number_start].iter().collect();
                let after: String = chars[idx + 1..].iter().collect();
                let around = format!("{before}{after}");
                let metric = share_metric(&around, &context_products, &carried_metric);
                let Some((metric, products)) = metric else { continue };
                if !states_goal(&around) {
                    continue;
                }
                carried_metric = Some((metric, products.clone()));
                // No date in the sentence: the end of the phase it is written under, else the year's end.
                let phase_end = phase_of_line(phases, lines, sentence.line).and_then(|idx| phases[idx].end);
                let deadline = carried_deadline.or(phase_end).or(year_end);
                let Some(deadline) = deadline else { continue };
                if carried_deadline.is_none() && phase_end.is_none() {
                    review.push(ReviewItem {
                        path: Some("targets".into()),
                        message: say(
                            lang,
                            "目标未写期限：按年底（12月31日）设定，请核对",
                            "a target with no deadline: set at 31 December",
                        ),
                        quote: Some(clip(&sentence.text, 160)),
                    });
                }
                let share = (value / 100.0).clamp(0.0, 1.0);
                let segment = segment_in(&clause);
                if segment.is_none() && (clause.contains("干部") || clause.contains("职工")) {
                    review.push(ReviewItem {
                        path: Some("targets".into()),
                        message: say(
                            lang,
                            "目标针对干部职工：模板没有这一人群，目标按全镇设定，请增加人群后改正",
                            "a target on cadres: the template has no such segment, so it is township-wide",
                        ),
                        quote: Some(clip(&sentence.text, 160)),
                    });
                }
                let residents = ["人口", "群众", "居民", "户籍"].iter().any(|word| around.contains(word));
                match metric {
                    Metric::Adoption => {
                        let denominator =
                            if residents { Denominator::Residents } else { Denominator::SmartphoneHolders };
                        for product in products {
                            push_target(
                                &mut targets,
                                metric,
                                Some(product),
                                segment,
                                denominator,
                                share,
                                deadline,
                                &quote,
                            );
                        }
                    }
                    Metric::Reach | Metric::Awareness => push_target(
                        &mut targets,
                        metric,
                        None,
                        segment,
                        Denominator::Residents,
                        share,
                        deadline,
                        &quote,
                    ),
                    Metric::YoyCases | Metric::YoyLoss => {
                        push_target(&mut targets, metric, None, None, Denominator::Residents, -share, deadline, &quote)
                    }
                }
            }
        }
        // 两降 and 同比下降 without a number.
        if scoring || past {
            continue;
        }
        decline_targets(sentence, context, lang, review, &mut targets);
    }
    targets
}

/// The metric a share ("80%") is about, from the words around it; "达到" alone carries the clause before's.
fn share_metric(
    around: &str,
    context_products: &[&'static str],
    carried_metric: &Option<(Metric, Vec<&'static str>)>,
) -> Option<(Metric, Vec<&'static str>)> {
    let declining = around.contains("下降") || around.contains("减少");
    if (around.contains("发案") || around.contains("案件") || around.contains("警情")) && declining {
        Some((Metric::YoyCases, Vec::new()))
    } else if around.contains("损失") && declining {
        Some((Metric::YoyLoss, Vec::new()))
    } else if around.contains("关注") {
        Some((Metric::Adoption, vec!["follow"]))
    } else if around.contains("注册") || around.contains("安装") || around.contains("下载") {
        let mut products = products_in(around);
        if products.is_empty() {
            products = context_products.iter().copied().filter(|product| *product != "follow").collect();
        }
        if products.is_empty() {
            products.push(if around.contains("注册") && !around.contains("App") {
                "jinzhongzhao"
            } else {
                "national_app"
            });
        }
        Some((Metric::Adoption, products))
    } else if around.contains("知晓率") || around.contains("知晓") {
        Some((Metric::Awareness, Vec::new()))
    } else if around.contains("覆盖") {
        Some((Metric::Reach, Vec::new()))
    } else if around.contains("达到") || around.contains("达") {
        carried_metric.clone()
    } else {
        None
    }
}

/// True when the words around a share state a goal: "占比30%" of a description is not one, nor "已安装".
fn states_goal(around: &str) -> bool {
    // A target needs a goal word; "占比30%" of a description is not one.
    let goal = [
        "达到",
        "达",
        "确保",
        "力争",
        "不低于",
        "以上",
        "至少",
        "实现",
        "提高",
        "超过",
        "下降",
        "减少",
        "率",
        "下载",
        "注册",
        "安装",
        "关注",
    ]
    .iter()
    .any(|word| around.contains(word));
    // "已安装" describes, it does not aim.
    goal && !around.contains("已安装") && !around.contains("已注册") && !around.contains("已关注")
}

/// 两降 and 同比下降 without a number; a registration task without a share; 警情 targets.
fn decline_targets(
    sentence: &Sentence,
    context: &DateContext,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
    targets: &mut Vec<(TargetFile, String)>,
) {
    let norm = &sentence.norm;
    let year_end = Date::from_ymd(context.year, 12, 31);
    let task_without_share = (norm.contains("完成注册")
        || norm.contains("完成安装")
        || norm.contains("人人注册")
        || norm.contains("全部注册"))
        && !norm.contains('%');
    if task_without_share {
        review.push(ReviewItem {
            path: Some("targets".into()),
            message: say(
                lang,
                "注册/安装任务没有比例：未设为目标，请按需要增加（如有智能手机者的95%）",
                "a registration/install task with no share: no target set",
            ),
            quote: Some(clip(&sentence.text, 160)),
        });
    }
    let both = norm.contains("两降")
        || norm.contains("双降")
        || (norm.contains("发案") && (norm.contains("损失") || norm.contains("受损")) && norm.contains("下降"));
    let cases_only = !both
        && (norm.contains("发案") || norm.contains("案件数") || norm.contains("警情"))
        && norm.contains("同比下降");
    let loss_only = !both && norm.contains("损失") && norm.contains("同比下降");
    if !(both || cases_only || loss_only) || norm.contains("%") {
        return;
    }
    let spans = find_spans(norm, context);
    let deadlines: Vec<Date> = {
        let mut found: Vec<Date> = spans
            .iter()
            .filter(|span| !span.unreadable && matches!(span.kind, SpanKind::Until | SpanKind::Single))
            .filter_map(|span| span.end.filter(|end| end.year() == context.year))
            .collect();
        found.dedup();
        if found.is_empty() {
            year_end.into_iter().collect()
        } else {
            found
        }
    };
    for deadline in deadlines {
        if both || cases_only {
            push_target(targets, Metric::YoyCases, None, None, Denominator::Residents, 0.0, deadline, &sentence.text);
        }
        if both || loss_only {
            push_target(targets, Metric::YoyLoss, None, None, Denominator::Residents, 0.0, deadline, &sentence.text);
        }
    }
    if norm.contains("警情") {
        review.push(ReviewItem {
            path: Some("targets".into()),
            message: say(
                lang,
                "警情目标按发案数（yoy_cases）设定：模型中警情与发案成比例",
                "an alerts (警情) target was set on cases: alerts are proportional to cases in the model",
            ),
            quote: Some(clip(&sentence.text, 160)),
        });
    }
}

/// True when the text gives points ("记45分"): a digit before 分 that is not 分钟 or 分之.
fn has_points(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|window| window[0].is_ascii_digit() && window[1] == '分' && !matches!(window[2], '钟' | '之' | '别'))
        || chars.ends_with(&['分']) && chars.len() >= 2 && chars[chars.len() - 2].is_ascii_digit()
}

/// The channel a word names, longest words first.
fn channel_of(text: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 22] = [
        ("红纸标语", "red_paper"),
        ("宣传车", "van"),
        ("村村响", "loudspeaker"),
        ("大喇叭", "loudspeaker"),
        ("LED", "led_screen"),
        ("电子屏", "led_screen"),
        ("显示屏", "led_screen"),
        ("横幅", "banner"),
        ("条幅", "banner"),
        ("标语", "banner"),
        ("承诺书", "commitment_letter"),
        ("一封信", "school_letter"),
        ("宣传册", "leaflet"),
        ("宣传单", "leaflet"),
        ("海报", "leaflet"),
        ("折页", "leaflet"),
        ("讲座", "lecture"),
        ("宣讲", "lecture"),
        ("法制教育课", "lecture"),
        ("赶集", "market_stall"),
        ("入户", "door_visit"),
        ("短信", "sms_wechat"),
    ];
    let mut best: Option<(usize, &str)> = None;
    for (word, channel) in WORDS {
        if let Some(idx) = text.find(word) {
            if best.is_none_or(|(best_idx, _)| idx < best_idx) {
                best = Some((idx, channel));
            }
        }
    }
    best.map(|(_, channel)| channel)
}

fn find_rewards(
    sentences: &[Sentence],
    lines: &[Line],
    phases: &[PhaseDraft],
    context: &DateContext,
) -> Vec<(RewardFile, String)> {
    let mut rewards: Vec<(RewardFile, String)> = Vec::new();
    for sentence in sentences {
        let norm = &sentence.norm;
        if !(norm.contains("奖励") || norm.contains("奖补") || norm.contains("补贴") || norm.contains("激励")) {
            continue;
        }
        let chars: Vec<char> = norm.chars().collect();
        for (idx, ch) in chars.iter().enumerate() {
            if *ch != '元' {
                continue;
            }
            let Some((yuan, start)) = numbers::number_before(&chars, idx) else { continue };
            let before: String = chars[..start].iter().collect();
            // "每户2元", "每安装一户…2元", "按每人5元".
            // "每户2元", "每发动一户安装…2元", "每推广1名群众注册…1元": paid per install, not per village or month.
            let after_each = before.rfind('每').map(|at| &before[at..]).unwrap_or("");
            let per_install =
                ["户", "人", "名", "安装", "注册", "下载", "关注"].iter().any(|word| after_each.contains(word))
                    || before.contains("一户")
                    || before.contains("1户");
            let lump_sum = ["每个村", "每村", "每个单位", "每个网格", "每月", "每季度", "每年"]
                .iter()
                .any(|word| after_each.starts_with(word));
            if !per_install || lump_sum || yuan > 1000.0 {
                continue;
            }
            let products = products_in(norm);
            let product = products.first().copied().unwrap_or("national_app");
            let phase = phase_of_line(phases, lines, sentence.line)
                .or_else(|| {
                    // The phase whose dates the sentence gives, else the shortest holding its date.
                    let spans = find_spans(norm, context);
                    let exact = spans.iter().find_map(|span| {
                        phases.iter().position(|phase| {
                            span.start.is_some() && phase.start == span.start && phase.end == span.end
                        })
                    });
                    exact.or_else(|| {
                        let date = spans.iter().find_map(|span| span.end)?;
                        phases
                            .iter()
                            .enumerate()
                            .filter(|(_, phase)| {
                                phase.start.is_some_and(|start| start <= date)
                                    && phase.end.is_some_and(|end| end >= date)
                            })
                            .min_by_key(|(_, phase)| match (phase.start, phase.end) {
                                (Some(start), Some(end)) => end.days_since(start),
                                _ => i32::MAX,
                            })
                            .map(|(idx, _)| idx)
                    })
                })
                .or_else(|| main_phase(phases));
            let phase_id = phase.map(|idx| phases[idx].id.clone()).unwrap_or_default();
            if rewards.iter().any(|(reward, _)| reward.phase == phase_id && reward.product == product) {
                continue;
            }
            let quote = focus(&sentence.text, clause_index(norm, idx));
            rewards.push((
                RewardFile {
                    phase: phase_id,
                    product: product.to_string(),
                    yuan_per_install: yuan,
                    note: Some(quote_note(&quote)),
                },
                quote,
            ));
        }
    }
    rewards
}

/// The longest top-level phase.
fn main_phase(phases: &[PhaseDraft]) -> Option<usize> {
    phases
        .iter()
        .enumerate()
        .filter(|(_, phase)| phase.parent.is_none())
        .max_by_key(|(_, phase)| match (phase.start, phase.end) {
            (Some(start), Some(end)) => end.days_since(start),
            _ => -1,
        })
        .map(|(idx, _)| idx)
}

/// Words that put a count on a unit other than a village (院落, 单位, 场所...).
const OTHER_SCOPES: [&str; 16] = [
    "院落",
    "小区",
    "单位",
    "场所",
    "企业",
    "学校",
    "窗口",
    "医院",
    "卫生室",
    "网点",
    "机构",
    "乡(镇)",
    "各乡",
    "各镇",
    "工地",
    "商超",
];
const VILLAGE_SCOPES: [&str; 8] = ["每个村", "每村", "各村", "村(社区)", "村(居)", "村居", "行政村", "每个社区"];

fn find_floors(
    sentences: &[Sentence],
    lines: &[Line],
    phases: &[PhaseDraft],
    context: &DateContext,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> Vec<(FloorFile, String)> {
    let mut floors: Vec<(FloorFile, String)> = Vec::new();
    for sentence in sentences {
        let mut village_scope = false;
        for (clause_idx, clause) in clauses_of(&sentence.norm).into_iter().enumerate() {
            let quote = focus(&sentence.text, clause_idx);
            // The unit named first is the one counted: "每个村(社区)要在人口密集场所…2幅以上" is per village,
            // "红纸标语每个集中院落不少于5幅" per compound.
            let first_of = |words: &[&str]| words.iter().filter_map(|word| clause.find(word)).min();
            let village_at = first_of(&VILLAGE_SCOPES);
            let other_at = first_of(&OTHER_SCOPES);
            let other_scope = match (village_at, other_at) {
                (Some(village), Some(other)) => other < village,
                (None, Some(_)) => true,
                _ => false,
            };
            if village_at.is_some() && !other_scope {
                village_scope = true;
            } else if other_scope {
                village_scope = false;
            }
            let chars: Vec<char> = clause.chars().collect();
            let Some(channel) = channel_of(&clause) else { continue };
            // A count: "2幅以上", "不少于5幅", "至少3条", "1台".
            let mut count: Option<f64> = None;
            for (idx, ch) in chars.iter().enumerate() {
                if !"条幅台辆场次份块张个".contains(*ch) {
                    continue;
                }
                if let Some((value, start)) = numbers::number_before(&chars, idx) {
                    let before: String = chars[..start].iter().collect();
                    let after: String = chars[idx + 1..].iter().collect();
                    let floor_word = ["不少于", "至少", "不低于", "最少", "安排", "要有", "配备"]
                        .iter()
                        .any(|word| before.contains(word))
                        || after.starts_with("以上")
                        || after.starts_with("及以上");
                    if floor_word {
                        count = Some(value);
                        break;
                    }
                }
            }
            let Some(count) = count else { continue };
            if chars.iter().collect::<String>().contains("每周") || clause.contains("每月") || clause.contains("每天")
            {
                review.push(ReviewItem {
                    path: Some("floors".into()),
                    message: say(
                        lang,
                        "按周/月计的频次要求（如每周推送2次）未设为下限，请在宣传安排中体现",
                        "a frequency (per week/month) was not set as a floor: put it in the schedule",
                    ),
                    quote: Some(clip(&sentence.text, 160)),
                });
                continue;
            }
            if !village_scope {
                if other_scope {
                    review.push(ReviewItem {
                        path: Some("floors".into()),
                        message: say(
                            lang,
                            "该下限按院落、单位或场所计，不是按村（社区）计：未设下限，请按本镇院落/场所数折算",
                            "a floor per compound, unit or site (not per village): not set; convert with the local counts",
                        ),
                        quote: Some(clip(&sentence.text, 160)),
                    });
                }
                continue;
            }
            let phase = phase_of_line(phases, lines, sentence.line).or_else(|| {
                let spans = find_spans(&clause, context);
                let date = deadline_in(&spans, context.year)?;
                phases
                    .iter()
                    .enumerate()
                    .filter(|(_, phase)| {
                        phase.start.is_some_and(|start| start <= date) && phase.end.is_some_and(|end| end >= date)
                    })
                    .min_by_key(|(_, phase)| match (phase.start, phase.end) {
                        (Some(start), Some(end)) => end.days_since(start),
                        _ => i32::MAX,
                    })
                    .map(|(idx, _)| idx)
            });
            let phase_id = phase.map(|idx| phases[idx].id.clone());
            // A period-wide floor below one already read for the same channel adds nothing.
            if phase_id.is_none()
                && floors.iter().any(|(floor, _)| floor.channel == channel && floor.min_units_per_village >= count)
            {
                continue;
            }
            match floors.iter_mut().find(|(floor, _)| floor.channel == channel && floor.phase == phase_id) {
                Some((floor, kept)) => {
                    if count > floor.min_units_per_village {
                        floor.min_units_per_village = count;
                        floor.note = Some(quote_note(&quote));
                        *kept = quote.clone();
                    }
                }
                None => floors.push((
                    FloorFile {
                        channel: channel.to_string(),
                        phase: phase_id,
                        min_units_per_village: count,
                        note: Some(quote_note(&quote)),
                    },
                    quote.clone(),
                )),
            }
        }
    }
    floors
}

fn find_priority_ages(sentences: &[Sentence]) -> Option<(u32, u32, String)> {
    for sentence in sentences {
        let chars: Vec<char> = sentence.norm.chars().collect();
        for idx in 0..chars.len() {
            if idx > 0 && chars[idx - 1].is_ascii_digit() {
                continue;
            }
            let Some((low, after_low)) = numbers::integer_at(&chars, idx) else { continue };
            let mut at = after_low;
            if chars.get(at) == Some(&'周') {
                at += 1;
            }
            if chars.get(at) == Some(&'岁') {
                at += 1;
            }
            let connector_len = ["至", "到", "-", "—", "~", "－"]
                .iter()
                .find(|word| chars.get(at).is_some_and(|ch| word.starts_with(*ch)))
                .map(|_| 1);
            let Some(connector_len) = connector_len else { continue };
            at += connector_len;
            let Some((high, after_high)) = numbers::integer_at(&chars, at) else { continue };
            let ends_in_age = chars.get(after_high) == Some(&'岁')
                || (chars.get(after_high) == Some(&'周') && chars.get(after_high + 1) == Some(&'岁'));
            // An age band of adults named as the group at risk (students' or pupils' ages are not the priority).
            let at_risk =
                ["重点", "易被骗", "易受骗", "高危", "年龄段", "易骗"].iter().any(|word| sentence.norm.contains(word));
            let adult_band = (15..=65).contains(&low) && low < high && high <= 80;
            if !(ends_in_age && at_risk && adult_band) {
                continue;
            }
            return Some((low as u32, high as u32, sentence.text.clone()));
        }
    }
    None
}

fn find_escalations(sentences: &[Sentence]) -> Vec<Escalation> {
    const ACTIONS: [(&str, EscalationAction); 8] = [
        ("提醒谈话", EscalationAction::ReminderTalk),
        ("约谈", EscalationAction::Interview),
        ("书面说明", EscalationAction::WrittenExplanation),
        ("书面报告", EscalationAction::WrittenExplanation),
        ("通报批评", EscalationAction::Notice),
        ("通报", EscalationAction::Notice),
        ("问责", EscalationAction::Accountability),
        ("追责", EscalationAction::Accountability),
    ];
    let mut found = Vec::new();
    for sentence in sentences {
        let mut trigger_text = String::new();
        for clause in clauses_of(&sentence.norm) {
            let action = ACTIONS.iter().find_map(|(word, action)| clause.find(word).map(|at| (at, *action)));
            let Some((action_at, action)) = action else {
                trigger_text = clause;
                continue;
            };
            // "发生1起电诈案件的单位进行全镇通报": the condition is in the clause itself.
            let head = &clause[..action_at];
            if head.contains('的') && head.chars().count() >= 4 {
                trigger_text = head.to_string();
            }
            // A plain report of results ("并予以通报" after checks) is an escalation only with a condition.
            let condition = format!("{trigger_text}{clause}");
            let conditional =
                ["的", "连续", "前", "未", "不力", "排名", "高发"].iter().any(|word| condition.contains(word));
            if !conditional {
                continue;
            }
            let chars: Vec<char> = condition.chars().collect();
            let number_after = |word: &str, units: &str| -> Option<u32> {
                let idx = condition.find(word)?;
                let char_idx = condition[..idx].chars().count() + word.chars().count();
                let (value, end) = numbers::integer_at(&chars, char_idx)?;
                chars.get(end).filter(|ch| units.contains(**ch))?;
                u32::try_from(value).ok()
            };
            let consecutive_periods = number_after("连续", "期次周月个轮");
            let rank_top = number_after("前", "名位");
            let missed_target = ["未完成", "未实现", "未达到", "未达"].iter().any(|word| condition.contains(word));
            if found.iter().any(|rule: &Escalation| rule.action == action && rule.source == sentence.text) {
                continue;
            }
            found.push(Escalation {
                action,
                trigger: clip(trigger_text.trim(), 80),
                consecutive_periods,
                rank_top,
                missed_target,
                source: sentence.text.clone(),
            });
        }
    }
    found
}

/// The template with its dates moved to `year`.
fn template_for(year: i32) -> ScenarioFile {
    let text = TEMPLATE.replace(&format!("\"{TEMPLATE_YEAR}-"), &format!("\"{year}-"));
    // The template is part of the build and is tested to parse; an empty fallback would never validate.
    crate::wire::parse_json(&text)
        .unwrap_or_else(|_| crate::wire::parse_json(TEMPLATE).unwrap_or_else(|_| empty_file()))
}

fn empty_file() -> ScenarioFile {
    ScenarioFile {
        format_version: crate::wire::FORMAT_VERSION,
        name: String::new(),
        township: crate::wire::TownshipFile { name: String::new(), county: None, note: None },
        start_date: String::new(),
        end_date: String::new(),
        seed: 1,
        villages: Vec::new(),
        segments: Vec::new(),
        products: Vec::new(),
        channels: Vec::new(),
        phases: Vec::new(),
        schedule: Vec::new(),
        floors: Vec::new(),
        rewards: Vec::new(),
        budget: Default::default(),
        targets: Vec::new(),
        last_year: crate::wire::LastYearFile {
            cases_monthly: None,
            cases_total: None,
            seasonal_profile: None,
            loss_total_yuan: None,
            note: None,
        },
        assessment: None,
        behaviour: Default::default(),
        note: None,
        unknown_fields: Vec::new(),
    }
}

/// Maps the template's schedule (mobilise / campaign / consolidate) onto the phases read.
fn remap_schedule(schedule: &[ScheduleEntryFile], phases: &[PhaseFile]) -> Vec<ScheduleEntryFile> {
    let top: Vec<&PhaseFile> = phases.iter().filter(|phase| phase.parent.is_none()).collect();
    let length = |phase: &PhaseFile| match (Date::parse(&phase.start), Date::parse(&phase.end)) {
        (Some(start), Some(end)) => end.days_since(start),
        _ => 0,
    };
    let first = top.first().map(|phase| phase.id.clone());
    let last = top.last().map(|phase| phase.id.clone());
    let longest = top.iter().max_by_key(|phase| length(phase)).map(|phase| phase.id.clone());
    let by_role = |role: &str| top.iter().find(|phase| phase.id == role).map(|phase| phase.id.clone());
    let target_of = |template_phase: &str| -> Option<String> {
        match template_phase {
            "mobilise" => by_role("mobilise").or_else(|| first.clone()),
            "consolidate" => {
                by_role("consolidate").or_else(|| if top.len() >= 3 { last.clone() } else { longest.clone() })
            }
            _ => by_role("campaign").or_else(|| longest.clone()),
        }
    };
    schedule
        .iter()
        .filter_map(|entry| {
            let phase = target_of(&entry.phase)?;
            let mut entry = entry.clone();
            entry.phase = phase;
            Some(entry)
        })
        .collect()
}

fn assemble(mut reading: Reading, lang: Lang) -> PlanDraft {
    let template = template_for(reading.year);
    let mut file = template.clone();
    let mut review = std::mem::take(&mut reading.review);
    let _ = reading.year_known;
    let mut sources = Vec::new();
    assemble_names(&reading, lang, &mut file, &mut review, &mut sources);
    assemble_phases(&reading, lang, &template, &mut file, &mut review, &mut sources);
    let main = assemble_facts(&reading, lang, &mut file, &mut review, &mut sources);
    plan_floors(&mut file, main.as_deref());
    assemble_priority_ages(&reading, &mut file, &mut sources);
    note_template_parts(lang, &mut file, &mut review);

    let (file, fixes) = make_valid(file, &template, lang);
    review.extend(fixes);
    PlanDraft {
        file,
        review,
        escalations: reading.escalations,
        sources,
        year: reading.year,
        plans_in_text: 1,
        traditional_share: 0.0,
    }
}

/// The plan's title, the township and the county.
fn assemble_names(
    reading: &Reading,
    lang: Lang,
    file: &mut ScenarioFile,
    review: &mut Vec<ReviewItem>,
    sources: &mut Vec<FieldSource>,
) {
    if let Some(title) = &reading.title {
        file.name = title.clone();
        sources.push(FieldSource { path: "name".into(), quote: title.clone() });
    } else {
        if let Some((name, _)) = &reading.township {
            file.name = format!("{}{}年防范电信网络诈骗宣传实施方案（导入）", name, reading.year);
        }
        review.push(ReviewItem {
            path: Some("name".into()),
            message: say(
                lang,
                "未找到方案标题：按乡镇名与年份拟定，请修改",
                "no title found: one was made from the township and year",
            ),
            quote: None,
        });
    }
    match &reading.township {
        Some((name, _)) => {
            file.township.name = name.clone();
            file.township.note = Some(format!(
                "由实施方案导入（原文读取），村（社区）、人口、网格与上年发案沿用模板示例，请替换为本{}数据",
                if name.ends_with('镇') { "镇" } else { "地" }
            ));
            sources.push(FieldSource {
                path: "township.name".into(),
                quote: reading.title.clone().unwrap_or_else(|| name.clone()),
            });
        }
        None => review.push(ReviewItem {
            path: Some("township.name".into()),
            message: say(
                lang,
                "未读出乡镇（街道）名称，沿用模板“示例镇”",
                "no township name found: the template's is kept",
            ),
            quote: None,
        }),
    }
    if let Some(county) = &reading.county {
        file.township.county = Some(county.clone());
    }
}

/// The phases read (the period widened to cover them, the template's schedule moved onto them), or the template's.
fn assemble_phases(
    reading: &Reading,
    lang: Lang,
    template: &ScenarioFile,
    file: &mut ScenarioFile,
    review: &mut Vec<ReviewItem>,
    sources: &mut Vec<FieldSource>,
) {
    let read_phases: Vec<PhaseFile> = reading
        .phases
        .iter()
        .filter_map(|phase| {
            Some(PhaseFile {
                id: phase.id.clone(),
                name: phase.name.clone(),
                start: phase.start?.to_string(),
                end: phase.end?.to_string(),
                parent: phase.parent.map(|parent| reading.phases[parent].id.clone()),
                note: Some(quote_note(&phase.quote)),
            })
        })
        .collect();
    if read_phases.is_empty() {
        review.push(ReviewItem {
            path: Some("phases".into()),
            message: say(
                lang,
                "未读出工作阶段及日期：沿用模板的三个阶段（动员部署、集中宣传、总结巩固），请按方案修改",
                "no dated phases found: the template's three phases are kept",
            ),
            quote: None,
        });
    } else {
        // The period covers every phase.
        let mut start = Date::parse(&file.start_date);
        let mut end = Date::parse(&file.end_date);
        for phase in &read_phases {
            start = start.min(Date::parse(&phase.start)).or(start);
            end = end.max(Date::parse(&phase.end));
        }
        if let (Some(start), Some(end)) = (start, end) {
            file.start_date = start.to_string();
            file.end_date = end.to_string();
        }
        file.schedule = remap_schedule(&template.schedule, &read_phases);
        for (idx, phase) in reading.phases.iter().enumerate() {
            sources.push(FieldSource { path: format!("phases[{idx}]"), quote: phase.quote.clone() });
        }
        file.phases = read_phases;
        review.push(ReviewItem {
            path: Some("schedule".into()),
            message: say(
                lang,
                "宣传安排（各载体数量）沿用模板并挂到读出的阶段：方案正文一般不写数量，请按计划填写",
                "the schedule (units of each channel) is the template's, moved onto the phases read",
            ),
            quote: None,
        });
    }
}

/// Targets, rewards and floors, each on a phase of the draft; returns the main (first top-level) phase's id.
fn assemble_facts(
    reading: &Reading,
    lang: Lang,
    file: &mut ScenarioFile,
    review: &mut Vec<ReviewItem>,
    sources: &mut Vec<FieldSource>,
) -> Option<String> {
    let phase_ids: Vec<String> = file.phases.iter().map(|phase| phase.id.clone()).collect();

    file.targets = reading.targets.iter().map(|(target, _)| target.clone()).collect();
    for (idx, (_, quote)) in reading.targets.iter().enumerate() {
        sources.push(FieldSource { path: format!("targets[{idx}]"), quote: quote.clone() });
    }
    if file.targets.is_empty() {
        review.push(ReviewItem {
            path: Some("targets".into()),
            message: say(
                lang,
                "未读出可量化的目标（安装率、注册率、关注率、两降等）：目标为空，请补充",
                "no measurable target found: the list is empty",
            ),
            quote: None,
        });
    }
    let main = file.phases.iter().filter(|phase| phase.parent.is_none()).map(|phase| phase.id.clone()).next();
    file.rewards = reading
        .rewards
        .iter()
        .map(|(reward, _)| {
            let mut reward = reward.clone();
            if !phase_ids.contains(&reward.phase) {
                reward.phase = main.clone().unwrap_or_default();
            }
            reward
        })
        .collect();
    for (idx, (_, quote)) in reading.rewards.iter().enumerate() {
        sources.push(FieldSource { path: format!("rewards[{idx}]"), quote: quote.clone() });
    }
    file.floors = reading
        .floors
        .iter()
        .map(|(floor, _)| {
            let mut floor = floor.clone();
            if floor.phase.as_ref().is_some_and(|phase| !phase_ids.contains(phase)) {
                floor.phase = None;
            }
            floor
        })
        .collect();
    for (idx, (_, quote)) in reading.floors.iter().enumerate() {
        sources.push(FieldSource { path: format!("floors[{idx}]"), quote: quote.clone() });
    }
    main
}

/// A floor the schedule does not meet: plan at least the floor.
fn plan_floors(file: &mut ScenarioFile, main: Option<&str>) {
    for floor in &file.floors {
        let phase = floor.phase.clone().or_else(|| main.map(str::to_string));
        let Some(phase) = phase else { continue };
        let planned: f64 = file
            .schedule
            .iter()
            .filter(|entry| {
                entry.channel == floor.channel
                    && entry.phase == phase
                    && entry.per == crate::wire::Per::Phase
                    && entry.basis == crate::wire::Basis::PerVillage
                    && entry.village.is_none()
            })
            .map(|entry| entry.units)
            .sum();
        if planned < floor.min_units_per_village {
            file.schedule.push(ScheduleEntryFile {
                channel: floor.channel.clone(),
                phase: phase.clone(),
                units: floor.min_units_per_village - planned,
                per: crate::wire::Per::Phase,
                basis: crate::wire::Basis::PerVillage,
                village: None,
                note: Some("按方案下限安排（导入）".into()),
            });
        }
    }
}

/// The priority age group.
fn assemble_priority_ages(reading: &Reading, file: &mut ScenarioFile, sources: &mut Vec<FieldSource>) {
    if let Some((low, high, quote)) = &reading.priority_ages {
        let new_id = format!("adults_{low}_{high}");
        if let Some(segment) = file.segments.iter_mut().find(|segment| segment.id == "adults_19_45") {
            segment.name = format!("{low}-{high}岁");
            segment.priority = true;
            segment.note = Some(format!("{}；份额等沿用模板，请按本地人口结构填写", quote_note(quote)));
        }
        if new_id != "adults_19_45" {
            rename_segment(file, "adults_19_45", &new_id);
        }
        let idx = file.segments.iter().position(|segment| segment.id == new_id).unwrap_or(0);
        sources.push(FieldSource { path: format!("segments[{idx}]"), quote: quote.clone() });
    }
}

/// Review items for what always comes from the template, and the draft's note.
fn note_template_parts(lang: Lang, file: &mut ScenarioFile, review: &mut Vec<ReviewItem>) {
    review.push(ReviewItem {
        path: Some("villages".into()),
        message: say(
            lang,
            "村（社区）名单、人口、户数、网格与网格员沿用模板示例：方案正文不含这些数字，请填写",
            "villages, residents, households and grids are the template's examples: fill them in",
        ),
        quote: None,
    });
    review.push(ReviewItem {
        path: Some("last_year".into()),
        message: say(
            lang,
            "上年发案数与损失沿用模板（6起）：请按派出所数据填写",
            "last year's cases are the template's (6): fill in the police figures",
        ),
        quote: None,
    });
    review.push(ReviewItem {
        path: Some("budget".into()),
        message: say(
            lang,
            "预算上限、各载体单价与行为参数沿用模板假设",
            "the budget cap, channel costs and behaviour parameters are the template's assumptions",
        ),
        quote: None,
    });
    file.note = Some(say(
        lang,
        "由实施方案文本导入（规则读取）：阶段、目标、奖励、下限的 note 中有“原文”；其余沿用模板，请逐项核对。",
        "Imported from a plan's text by rules: phases, targets, rewards and floors quote their sentence in `note`; the rest is the template's.",
    ));
}

fn rename_segment(file: &mut ScenarioFile, old: &str, new: &str) {
    for segment in &mut file.segments {
        if segment.id == old {
            segment.id = new.to_string();
        }
    }
    for channel in &mut file.channels {
        if let Some(value) = channel.affinity.remove(old) {
            channel.affinity.insert(new.to_string(), value);
        }
    }
    for target in &mut file.targets {
        if target.segment.as_deref() == Some(old) {
            target.segment = Some(new.to_string());
        }
    }
}

/// Validates the draft; every section a refused value sits in goes back to the template's, with a review item.
fn make_valid(mut file: ScenarioFile, template: &ScenarioFile, lang: Lang) -> (ScenarioFile, Vec<ReviewItem>) {
    let mut review = Vec::new();
    for _round in 0..6 {
        let errors = match crate::validate::validate(&file) {
            Ok(_) => return (file, review),
            Err(errors) => errors,
        };
        let mut sections: Vec<String> = Vec::new();
        for error in &errors {
            let section = error.path.split(['.', '[']).next().unwrap_or("").to_string();
            review.push(ReviewItem {
                path: Some(error.path.clone()),
                message: match lang {
                    Lang::Zh => format!("读出的值未通过检查，已改回模板值：{}", error.message(lang)),
                    Lang::En => format!("a value read was refused and the template's is used: {}", error.message(lang)),
                },
                quote: None,
            });
            if !sections.contains(&section) {
                sections.push(section);
            }
        }
        for section in sections {
            match section.as_str() {
                "targets" => {
                    // Drop only the refused targets.
                    let bad: Vec<usize> = errors
                        .iter()
                        .filter_map(|error| error.path.strip_prefix("targets[")?.split(']').next()?.parse().ok())
                        .collect();
                    let mut idx = 0;
                    file.targets.retain(|_| {
                        idx += 1;
                        !bad.contains(&(idx - 1))
                    });
                    if bad.is_empty() {
                        file.targets.clear();
                    }
                }
                "rewards" => file.rewards.clear(),
                "floors" => file.floors.clear(),
                "name" => file.name = template.name.clone(),
                "township" => file.township = template.township.clone(),
                "segments" | "channels" => {
                    file.segments = template.segments.clone();
                    file.channels = template.channels.clone();
                }
                _ => {
                    // Phases, schedule or the period: the template's calendar.
                    file.start_date = template.start_date.clone();
                    file.end_date = template.end_date.clone();
                    file.phases = template.phases.clone();
                    file.schedule = template.schedule.clone();
                    file.budget = template.budget.clone();
                    let phase_ids: Vec<String> = file.phases.iter().map(|phase| phase.id.clone()).collect();
                    let main = phase_ids.get(1).cloned().unwrap_or_default();
                    for reward in &mut file.rewards {
                        if !phase_ids.contains(&reward.phase) {
                            reward.phase = main.clone();
                        }
                    }
                    for floor in &mut file.floors {
                        if floor.phase.as_ref().is_some_and(|phase| !phase_ids.contains(phase)) {
                            floor.phase = None;
                        }
                    }
                }
            }
        }
    }
    // Still refused: the template itself, which is valid.
    if crate::validate::validate(&file).is_err() {
        review.push(ReviewItem {
            path: None,
            message: say(
                lang,
                "读出的内容无法组成有效方案，返回模板",
                "what was read does not make a valid plan: the template is returned",
            ),
            quote: None,
        });
        return (template.clone(), review);
    }
    (file, review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_classed() {
        assert_eq!(heading("一、工作目标").0, 1);
        assert_eq!(heading("(一)谋划动员阶段").0, 2);
        assert_eq!(heading("1.摸清重点人群底数。").0, 3);
        assert_eq!(heading("1.5万人").0, 0);
        assert_eq!(heading("(1)看已排查").0, 4);
        assert_eq!(heading("洪林镇人民政府").0, 0);
    }

    #[test]
    fn junk_lines_are_dropped() {
        for junk in [
            "责任编辑:徐明月",
            "上一篇：关于…",
            "- 2 -",
            "第3页 共5页",
            "http://example.org/a",
            "网友评论",
            "发布时间:2021-05-27",
        ] {
            assert!(is_junk(junk), "{junk}");
        }
        assert!(!is_junk("一、工作目标"));
    }

    #[test]
    fn the_template_moves_to_any_year() {
        for year in [2021, 2024, 2030] {
            let file = template_for(year);
            assert!(crate::validate::validate(&file).is_ok(), "{year}");
            assert!(file.start_date.starts_with(&year.to_string()));
        }
    }
}
