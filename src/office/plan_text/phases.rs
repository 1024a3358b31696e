//! Phases: from the 阶段 headings, else a 时间/步骤 section, else "自…起…开展"; nested items; dates inferred between neighbours; ids by role.

use super::*;

/// The role id of a phase name.
pub(super) fn phase_role(name: &str) -> &'static str {
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
pub(super) fn best_span(spans: &[Span]) -> Option<Span> {
    spans
        .iter()
        .find(|span| span.kind == SpanKind::Range)
        .or_else(|| spans.iter().find(|span| span.kind != SpanKind::Single || span.start != span.end))
        .or_else(|| spans.first())
        .copied()
}

/// A phase name from a heading title: no marker, no dates, no "阶段" and what follows, no 组织开展.
pub(super) fn clean_phase_name(title: &str) -> String {
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

pub(super) fn find_phases(
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
pub(super) fn phases_from_headings(lines: &[Line], context: &DateContext) -> Vec<PhaseDraft> {
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
pub(super) fn phases_from_time_section(
    lines: &[Line],
    sentences: &[Sentence],
    context: &DateContext,
) -> Vec<PhaseDraft> {
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
pub(super) fn phase_from_since(
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
pub(super) fn add_nested_items(phases: &mut Vec<PhaseDraft>, lines: &[Line], context: &DateContext) {
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
pub(super) fn fill_missing_dates(phases: &mut [PhaseDraft], top_level: usize, context: &DateContext) {
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
pub(super) fn note_guessed_phases(phases: &[PhaseDraft], lang: Lang, review: &mut Vec<ReviewItem>) {
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
pub(super) fn assign_phase_ids(phases: &mut [PhaseDraft]) {
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
pub(super) fn activity_name(norm: &str) -> String {
    for word in ["集中宣传", "宣传周", "宣传月", "专项行动", "专项整治", "宣传活动"] {
        if norm.contains(word) {
            return word.to_string();
        }
    }
    "宣传活动".to_string()
}

/// The deepest phase whose heading is above (or is) `line`.
pub(super) fn phase_of_line(phases: &[PhaseDraft], lines: &[Line], line: usize) -> Option<usize> {
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
