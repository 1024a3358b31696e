//! The optimiser's user-facing sentences in zh-CN and English (the style of `src/error.rs`: one function per
//! message, a `match` on [`Lang`]).

use super::{Objective, OptimiseResult, VariableKind};
use crate::error::Lang;
use crate::model::{Basis, Per, Scenario};
use crate::vocab::Metric;

/// The unit of a schedule line's `units`, e.g. `人·天/周·每名网格员`.
pub(super) fn schedule_unit(unit: &str, per: Per, basis: Basis, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let per = match per {
        Per::Phase => {
            if zh {
                "/阶段"
            } else {
                "/phase"
            }
        }
        Per::Day => {
            if zh {
                "/天"
            } else {
                "/day"
            }
        }
        Per::Week => {
            if zh {
                "/周"
            } else {
                "/week"
            }
        }
        Per::Month => {
            if zh {
                "/月"
            } else {
                "/month"
            }
        }
    };
    let basis = match basis {
        Basis::PerVillage => {
            if zh {
                "·每村"
            } else {
                "·each village"
            }
        }
        Basis::PerGridWorker => {
            if zh {
                "·每名网格员"
            } else {
                "·each grid worker"
            }
        }
        Basis::TownshipTotal => {
            if zh {
                "·全镇"
            } else {
                "·whole township"
            }
        }
    };
    format!("{unit}{per}{basis}")
}

/// How an objective's value reads: its name, whether it is a share (shown in %), and the unit of a gain.
struct ObjectiveWords {
    name: String,
    percent: bool,
    gain_unit: &'static str,
}

fn objective_words(scenario: &Scenario, objective: &Objective, lang: Lang) -> ObjectiveWords {
    let zh = lang == Lang::Zh;
    let target_name = |target_idx: usize| scenario.targets.get(target_idx).map(|t| t.name.clone()).unwrap_or_default();
    let points = if zh { "个百分点" } else { "percentage points" };
    match *objective {
        Objective::CasesAverted => ObjectiveWords {
            name: if zh { "避免发案数" } else { "cases averted" }.to_string(),
            percent: false,
            gain_unit: if zh { "起案件" } else { "cases averted" },
        },
        Objective::LossAverted => ObjectiveWords {
            name: if zh { "避免损失" } else { "loss averted" }.to_string(),
            percent: false,
            gain_unit: if zh { "元损失" } else { "yuan of loss averted" },
        },
        Objective::Adoption { product, date } => {
            let product = scenario.products.get(product).map(|p| p.name.clone()).unwrap_or_default();
            ObjectiveWords {
                name: if zh {
                    format!("{}{}安装率", date.zh_month_day(), product)
                } else {
                    format!("adoption of {product} on {date}")
                },
                percent: true,
                gain_unit: points,
            }
        }
        Objective::TargetValue { target } | Objective::MinCost { target, probability: None } => {
            let yoy =
                scenario.targets.get(target).is_some_and(|t| matches!(t.metric, Metric::YoyCases | Metric::YoyLoss));
            ObjectiveWords {
                name: match (zh, yoy) {
                    (true, false) => format!("“{}”指标值", target_name(target)),
                    (true, true) => format!("“{}”同比降幅", target_name(target)),
                    (false, false) => format!("the measure of “{}”", target_name(target)),
                    (false, true) => format!("the year-on-year decline of “{}”", target_name(target)),
                },
                percent: true,
                gain_unit: points,
            }
        }
        Objective::TargetProbability { target } | Objective::MinCost { target, probability: Some(_) } => {
            ObjectiveWords {
                name: if zh {
                    format!("达成“{}”的概率", target_name(target))
                } else {
                    format!("the probability of meeting “{}”", target_name(target))
                },
                percent: true,
                gain_unit: points,
            }
        }
    }
}

/// A number with about three significant digits, no exponent.
fn show(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let magnitude = value.abs();
    let decimals = if magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else if magnitude >= 0.01 {
        3
    } else {
        5
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn show_value(value: f64, percent: bool) -> String {
    if percent {
        format!("{}%", show(value * 100.0))
    } else {
        show(value)
    }
}

fn yuan(value: f64) -> String {
    format!("{value:.0}")
}

/// Where the next money buys most, e.g. `整体推进（3月21日—12月31日）的网格员入户宣传、手把手安装APP`.
fn variable_place(scenario: &Scenario, kind: &VariableKind, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match kind {
        VariableKind::Schedule { line, village, .. } => {
            let Some(entry) = scenario.schedule.get(*line) else { return String::new() };
            let channel = &scenario.channels[entry.channel].name;
            let phase = &scenario.phases[entry.phase];
            let village =
                village.as_ref().and_then(|id| scenario.villages.iter().find(|v| &v.id == id)).map(|v| v.name.clone());
            match (zh, village) {
                (true, None) => format!(
                    "{}（{}—{}）的{}",
                    phase.name,
                    phase.start.zh_month_day(),
                    phase.end.zh_month_day(),
                    channel
                ),
                (true, Some(village)) => format!(
                    "{}（{}—{}）{}的{}",
                    phase.name,
                    phase.start.zh_month_day(),
                    phase.end.zh_month_day(),
                    village,
                    channel
                ),
                (false, None) => format!("{channel} in {} ({} to {})", phase.name, phase.start, phase.end),
                (false, Some(village)) => {
                    format!("{channel} in {village} in {} ({} to {})", phase.name, phase.start, phase.end)
                }
            }
        }
        VariableKind::Reward { reward, .. } => {
            let Some(reward) = scenario.rewards.get(*reward) else { return String::new() };
            let phase = &scenario.phases[reward.phase].name;
            let product = &scenario.products[reward.product].name;
            if zh {
                format!("提高{phase}阶段{product}的每户奖励")
            } else {
                format!("a higher reward per install of {product} in {phase}")
            }
        }
    }
}

/// The plain-language summary of a result.
/// The rewards of a plan and their deadweight (paid for installs that happen without the campaign too), or
/// nothing when the plan pays no rewards.
fn deadweight_words(plan: &super::PlanFigures, lang: Lang) -> String {
    if plan.rewards_yuan <= 0.0 {
        return String::new();
    }
    let rewards = yuan(plan.rewards_yuan);
    let deadweight = yuan(plan.rewards_deadweight_yuan);
    if lang == Lang::Zh {
        format!("其中奖励 {rewards} 元，约 {deadweight} 元付给了不开展宣传也会发生的安装（无效奖励）。")
    } else {
        format!(
            "Of this, rewards are {rewards} yuan, about {deadweight} of them paid for installs that would happen without the campaign (deadweight). "
        )
    }
}

pub(super) fn summary(scenario: &Scenario, result: &OptimiseResult, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let words = objective_words(scenario, &result.objective, lang);
    let draft = show_value(result.draft.objective, words.percent);
    let suggested = show_value(result.suggested.objective, words.percent);
    let mut text = String::new();
    if !result.complete {
        text.push_str(if zh {
            "（已中止，以下为目前最好的方案）"
        } else {
            "(Stopped early: the best plan so far.) "
        });
    }
    if let Objective::MinCost { target, probability } = result.objective {
        let name = scenario.targets.get(target).map(|t| t.name.clone()).unwrap_or_default();
        let odds = match (probability, zh) {
            (Some(p), true) => format!("（概率不低于{}%）", show(p * 100.0)),
            (Some(p), false) => format!(" with probability at least {}%", show(p * 100.0)),
            (None, _) => String::new(),
        };
        let met = result.suggested.target_met == Some(true) && result.suggested.within_constraints;
        text.push_str(&match (met, zh) {
            (true, true) => format!(
                "达成目标“{name}”{odds}的最低费用约 {} 元（原方案 {} 元；{}：{draft} → {suggested}）。",
                yuan(result.suggested.cost_yuan),
                yuan(result.draft.cost_yuan),
                words.name
            ),
            (true, false) => format!(
                "The cheapest plan found that meets “{name}”{odds} costs about {} yuan (draft: {} yuan; {}: {draft} → {suggested}).",
                yuan(result.suggested.cost_yuan),
                yuan(result.draft.cost_yuan),
                words.name
            ),
            (false, true) => format!(
                "在各项上限内未能达成目标“{name}”{odds}：最好可达 {suggested}，费用 {} 元。请放宽上限或调整目标。",
                yuan(result.suggested.cost_yuan)
            ),
            (false, false) => format!(
                "No plan within the bounds meets “{name}”{odds}: the best reaches {suggested} at {} yuan. Widen the bounds or change the target.",
                yuan(result.suggested.cost_yuan)
            ),
        });
        return text;
    }
    let budget = result.budget_yuan.unwrap_or(result.suggested.cost_yuan);
    if !result.suggested.within_constraints {
        text.push_str(&if zh {
            format!(
                "预算 {} 元（或阶段上限）不足以支付各项下限与底线要求的方案（{} 元）。请增加预算或放宽下限。",
                yuan(budget),
                yuan(result.suggested.cost_yuan)
            )
        } else {
            format!(
                "A budget of {} yuan (or a phase cap) cannot pay for the plan at the lower bounds and floors ({} yuan). Raise the budget or lower the bounds.",
                yuan(budget),
                yuan(result.suggested.cost_yuan)
            )
        });
        return text;
    }
    text.push_str(&if zh {
        format!(
            "预算 {} 元：建议方案使{}从 {draft} 变为 {suggested}，费用 {} 元（原方案 {} 元）。",
            yuan(budget),
            words.name,
            yuan(result.suggested.cost_yuan),
            yuan(result.draft.cost_yuan)
        )
    } else {
        format!(
            "Budget {} yuan: the suggested plan takes {} from {draft} to {suggested} at a cost of {} yuan (draft: {} yuan). ",
            yuan(budget),
            words.name,
            yuan(result.suggested.cost_yuan),
            yuan(result.draft.cost_yuan)
        )
    });
    text.push_str(&deadweight_words(&result.suggested, lang));
    let best = result.best_next.and_then(|idx| result.variables.get(idx));
    match best {
        Some(variable) => {
            let place = variable_place(scenario, &variable.variable.kind, lang);
            let gain = variable.marginal_per_1000_yuan.unwrap_or(0.0) * if words.percent { 100.0 } else { 1.0 };
            text.push_str(&if zh {
                format!("下一个1万元用于{place}收益最大：每1000元约增加{}{}。", show(gain), words.gain_unit)
            } else {
                format!(
                    "The next 10 000 yuan buys most as {place}: about {} {} per 1 000 yuan.",
                    show(gain),
                    words.gain_unit
                )
            });
        }
        None if result.complete => text.push_str(&if zh {
            format!("在各项上限内，再增加投入已不能提高{}。", words.name)
        } else {
            format!("Within the bounds, more money no longer improves {}.", words.name)
        }),
        None => {}
    }
    // A bound that holds back more than the best step within the bounds is worth naming.
    let best_gain = best.and_then(|variable| variable.marginal_per_1000_yuan).unwrap_or(0.0);
    let held_back = result
        .variables
        .iter()
        .filter_map(|variable| variable.beyond_bound_per_1000_yuan.map(|gain| (variable, gain)))
        .filter(|(_, gain)| *gain > best_gain)
        .fold(None, |best: Option<(&super::VariableResult, f64)>, (variable, gain)| match best {
            Some((_, best_gain)) if best_gain >= gain => best,
            _ => Some((variable, gain)),
        });
    if let Some((variable, gain)) = held_back {
        let place = variable_place(scenario, &variable.variable.kind, lang);
        let gain = gain * if words.percent { 100.0 } else { 1.0 };
        let high = show(variable.variable.high);
        let unit = if zh { &variable.variable.unit } else { &variable.variable.unit_en };
        text.push_str(&if zh {
            format!(
                "另：{place}已达上限（{high} {unit}）；放宽上限后每1000元约可增加{}{}。",
                show(gain),
                words.gain_unit
            )
        } else {
            format!(
                " Note: {place} is at its upper bound ({high} {unit}); beyond it, about {} {} per 1 000 yuan.",
                show(gain),
                words.gain_unit
            )
        });
    }
    text
}
