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
//!
//! This file reads the lines, sentences, title, township and year; each kind of fact has its file (`phases.rs`,
//! `targets.rs`, `rewards.rs`, `floors.rs`, `escalation.rs`), and `assemble.rs` lays what was read over the template.

mod assemble;
pub mod dates;
mod escalation;
mod floors;
pub mod numbers;
mod phases;
mod rewards;
pub mod script;
mod targets;

use assemble::*;
use escalation::*;
use floors::*;
use phases::*;
use rewards::*;
use targets::*;

use crate::date::Date;
use crate::error::Lang;
use crate::format::wire::{
    Denominator, FloorFile, Metric, PhaseFile, RewardFile, ScenarioFile, ScheduleEntryFile, TargetFile,
};
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
            assert!(crate::model::validate::validate(&file).is_ok(), "{year}");
            assert!(file.start_date.starts_with(&year.to_string()));
        }
    }
}
