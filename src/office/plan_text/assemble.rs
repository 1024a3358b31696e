//! The draft: what was read over the template, every filled field with its source, then made valid.

use super::*;

/// The template with its dates moved to `year`.
pub(super) fn template_for(year: i32) -> ScenarioFile {
    let text = TEMPLATE.replace(&format!("\"{TEMPLATE_YEAR}-"), &format!("\"{year}-"));
    // The template is part of the build and is tested to parse; an empty fallback would never validate.
    crate::format::json::parse_json(&text)
        .unwrap_or_else(|_| crate::format::json::parse_json(TEMPLATE).unwrap_or_else(|_| empty_file()))
}

pub(super) fn empty_file() -> ScenarioFile {
    ScenarioFile {
        format_version: crate::format::wire::FORMAT_VERSION,
        name: String::new(),
        township: crate::format::wire::TownshipFile { name: String::new(), county: None, note: None },
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
        last_year: crate::format::wire::LastYearFile {
            cases_monthly: None,
            cases_total: None,
            seasonal_profile: None,
            loss_total_yuan: None,
            aware: None,
            adopted: Default::default(),
            note: None,
        },
        assessment: None,
        behaviour: Default::default(),
        note: None,
        unknown_fields: Vec::new(),
    }
}

/// Maps the template's schedule (mobilise / campaign / consolidate) onto the phases read.
pub(super) fn remap_schedule(schedule: &[ScheduleEntryFile], phases: &[PhaseFile]) -> Vec<ScheduleEntryFile> {
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

pub(super) fn assemble(mut reading: Reading, lang: Lang) -> PlanDraft {
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
pub(super) fn assemble_names(
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
pub(super) fn assemble_phases(
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
pub(super) fn assemble_facts(
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
pub(super) fn plan_floors(file: &mut ScenarioFile, main: Option<&str>) {
    for floor in &file.floors {
        let phase = floor.phase.clone().or_else(|| main.map(str::to_string));
        let Some(phase) = phase else { continue };
        let planned: f64 = file
            .schedule
            .iter()
            .filter(|entry| {
                entry.channel == floor.channel
                    && entry.phase == phase
                    && entry.per == crate::format::wire::Per::Phase
                    && entry.basis == crate::format::wire::Basis::PerVillage
                    && entry.village.is_none()
            })
            .map(|entry| entry.units)
            .sum();
        if planned < floor.min_units_per_village {
            file.schedule.push(ScheduleEntryFile {
                channel: floor.channel.clone(),
                phase: phase.clone(),
                units: floor.min_units_per_village - planned,
                per: crate::format::wire::Per::Phase,
                basis: crate::format::wire::Basis::PerVillage,
                village: None,
                note: Some("按方案下限安排（导入）".into()),
            });
        }
    }
}

/// The priority age group.
pub(super) fn assemble_priority_ages(reading: &Reading, file: &mut ScenarioFile, sources: &mut Vec<FieldSource>) {
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
pub(super) fn note_template_parts(lang: Lang, file: &mut ScenarioFile, review: &mut Vec<ReviewItem>) {
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

pub(super) fn rename_segment(file: &mut ScenarioFile, old: &str, new: &str) {
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
pub(super) fn make_valid(
    mut file: ScenarioFile,
    template: &ScenarioFile,
    lang: Lang,
) -> (ScenarioFile, Vec<ReviewItem>) {
    let mut review = Vec::new();
    for _round in 0..6 {
        let errors = match crate::model::validate::validate(&file) {
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
    if crate::model::validate::validate(&file).is_err() {
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
