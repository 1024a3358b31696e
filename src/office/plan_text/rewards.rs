//! Rewards: "每…N元" with 奖励, per install, on the phase they are written under.

use super::*;

pub(super) fn find_rewards(
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
pub(super) fn main_phase(phases: &[PhaseDraft]) -> Option<usize> {
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
