//! Escalation rules: 提醒谈话, 约谈, 书面说明, 通报, 问责, with their triggers.

use super::*;

pub(super) fn find_escalations(sentences: &[Sentence]) -> Vec<Escalation> {
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
