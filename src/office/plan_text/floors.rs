//! Floors: "每村…不少于N幅", per village and phase, in the channel they name.

use super::*;

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

/// The channel a word names, longest words first.
pub(super) fn channel_of(text: &str) -> Option<&'static str> {
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

pub(super) fn find_floors(
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
