//! Words of the results: key figures, charts, the village table and the score.

use super::*;

words! {
    /// A fixed text of the results: key figures, charts, the village table and the score.
    Results {
        /// KPI: the selected target's value at its deadline.
        KpiRateAtDeadline => ("截止日预计", "At the deadline"),
        /// KPI: total cash.
        KpiTotalCost => ("总费用", "Total cost"),
        /// KPI: cash per real install of the primary product.
        KpiCostPerInstall => ("每个安装的成本", "Cost per install"),
        /// KPI: cases averted against no campaign.
        KpiCasesAverted => ("避免发案", "Cases averted"),
        /// KPI: assessment score.
        KpiScore => ("考核得分", "Assessment score"),
        /// Badge: target met.
        Met => ("达标", "met"),
        /// Badge: target not met.
        NotMet => ("未达标", "not met"),
        /// Badge: spending over the total cap.
        OverBudget => ("超出预算", "over budget"),
        /// Badge: spending within the total cap.
        WithinBudget => ("预算内", "within budget"),
        /// No total cap set.
        NoBudgetCap => ("未设预算上限", "no budget cap"),
        /// A value that cannot be computed (e.g. cost per install with no installs).
        NotAvailable => (crate::numbers::NOT_AVAILABLE, crate::numbers::NOT_AVAILABLE),
        /// Unit after a count of cases.
        CasesUnit => ("起", "cases"),
        /// Unit after a cost per install.
        YuanPerInstall => ("元/人", "yuan/install"),
        /// Unit: yuan.
        Yuan => ("元", "yuan"),
        /// Unit: ten thousand yuan.
        WanYuan => ("万元", "×10k yuan"),
        /// Unit: hundred million yuan.
        YiYuan => ("亿元", "×100m yuan"),
        /// Multiplier word for ten thousand (people, installs).
        Wan => ("万", "×10k"),
        /// Title of the adoption chart.
        ChartAdoptionTitle => ("覆盖率（占常住人口）", "Adoption (share of residents)"),
        /// Title of the cost chart.
        ChartCostTitle => ("累计费用与预算", "Cumulative cost and budget"),
        /// Title of the cases chart.
        ChartCasesTitle => ("每月发案数", "Cases per month"),
        /// Y axis of the adoption chart.
        AxisAdoption => ("覆盖率（%）", "Share of residents (%)"),
        /// Y axis of the cost chart in yuan.
        AxisCostYuan => ("累计费用（元）", "Cumulative cost (yuan)"),
        /// Y axis of the cost chart in ten thousand yuan.
        AxisCostWanYuan => ("累计费用（万元）", "Cumulative cost (10k yuan)"),
        /// Y axis of the cases chart.
        AxisCases => ("发案数（起）", "Cases"),
        /// Legend: cumulative cash.
        LegendCash => ("累计支出（含奖励）", "Cash spent (with rewards)"),
        /// Legend: cumulative rewards.
        LegendRewards => ("其中奖励", "of which rewards"),
        /// Legend: target thresholds on the adoption chart.
        LegendTarget => ("目标值", "Target"),
        /// Legend: the projected value of a target at its deadline.
        LegendProjected => ("截止日预计（按各目标口径）", "Value at deadline (each target's measure)"),
        /// Legend: the daily path of a target measured on another base than the plotted lines.
        LegendTargetPath => ("按目标口径（细线）", "In the target's measure (thin line)"),
        /// Default assessment part: system building.
        RuleSystemBuilding => ("体系建设", "System building"),
        /// Default assessment part: year-on-year cases.
        RuleYoyCases => ("发案同比", "Cases year on year"),
        /// Default assessment part: card-cutting.
        RuleCardCutting => ("断卡行动", "Card-cutting"),
        /// Village table: title.
        VillageTableTitle => ("各村（社区）情况", "Villages"),
        /// Village table: the village column.
        ColVillage => ("村/社区", "Village"),
        /// Village table: residents.
        ColResidents => ("常住人口", "Residents"),
        /// Village table: reached.
        ColReached => ("宣传覆盖", "Reached"),
        /// Village table: aware.
        ColAware => ("知晓率", "Aware"),
        /// Village table: cash.
        ColCost => ("费用", "Cost"),
        /// Village table: expected cases.
        ColCases => ("预计发案", "Expected cases"),
        /// Village table: the note under it.
        VillageTableNote => (
            "覆盖、知晓与安装率为年末值（占常住人口）；目标列为截止日按目标口径的数值：绿色已达标，黄色差距不足10个百分点，红色差距较大。费用含奖励，不含全镇一次性费用。",
            "Reach, awareness and adoption at the end of the period (share of residents); the target column is each village at the deadline in the target's own measure: green met, amber within 10 points, red further. Cost includes rewards, not township-wide one-off costs.",
        ),
        /// Legend: the total budget cap.
        LegendBudget => ("预算上限", "Budget cap"),
        /// Legend: the day the money runs out.
        LegendRunOut => ("预算用完", "Budget runs out"),
        /// Legend: reported cases with the plan.
        LegendPlan => ("本方案（报案）", "This plan (reported)"),
        /// Legend: last year's cases.
        LegendLastYear => ("去年同期", "Last year"),
        /// Legend: expected cases with no campaign.
        LegendNoCampaign => ("不开展宣传", "No campaign"),
        /// Accessible description of the adoption chart.
        ChartAdoptionAlt => (
            "各产品覆盖率随时间变化，含目标线、截止日期和工作阶段",
            "Adoption of each product over time, with targets, deadlines and phases",
        ),
        /// Accessible description of the cost chart.
        ChartCostAlt => ("累计费用与预算上限", "Cumulative cost against the budget cap"),
        /// Accessible description of the cases chart.
        ChartCasesAlt => ("每月发案数：本方案、去年同期、不开展宣传", "Cases per month: this plan, last year, no campaign"),
        /// Heading of the further charts.
        MoreChartsHeading => ("更多图表", "More charts"),
        /// Title of the adoption-by-segment chart.
        ChartSegmentTitle => ("分人群安装率", "Adoption by group"),
        /// Accessible description of the adoption-by-segment chart.
        ChartSegmentAlt => (
            "折线图：主要产品在各人群中的安装率（占该人群常住人口），含人群目标",
            "Line chart: adoption of the main product in each group (share of the group's residents), with group targets",
        ),
        /// Title of the reach and awareness chart.
        ChartReachTitle => ("宣传覆盖与知晓率", "Reach and awareness"),
        /// Accessible description of the reach and awareness chart.
        ChartReachAlt => (
            "折线图：宣传覆盖和知晓率（占常住人口），含覆盖目标",
            "Line chart: reach and awareness (share of residents), with reach targets",
        ),
        /// Title of the stacked cost-by-channel chart.
        ChartChannelCostTitle => ("累计费用（按渠道）", "Cash to date by channel"),
        /// Accessible description of the stacked cost-by-channel chart.
        ChartChannelCostAlt => (
            "堆积面积图：各渠道和奖励的累计支出，虚线为总预算",
            "Stacked areas: cash to date of each channel and of rewards; the dashed line is the budget",
        ),
        /// Title of the cost-by-phase chart.
        ChartPhaseCostTitle => ("各阶段费用", "Cash by phase"),
        /// Accessible description of the cost-by-phase chart.
        ChartPhaseCostAlt => (
            "柱状图：各阶段的渠道支出和奖励，虚线为阶段预算",
            "Bars: channel cash and rewards of each phase; dashed lines are phase caps",
        ),
        /// Title of the loss chart.
        ChartLossTitle => ("每月损失", "Loss per month"),
        /// Accessible description of the loss chart.
        ChartLossAlt => (
            "柱状图：每月损失，本方案、去年同期、不开展宣传",
            "Bars: loss per month: this plan, last year, no campaign",
        ),
        /// Legend: reach (宣传覆盖).
        LegendReached => ("宣传覆盖", "Reached"),
        /// Legend: awareness.
        LegendAware => ("知晓率", "Aware"),
        /// Legend: channel cash of a phase.
        LegendChannelCash => ("渠道支出", "Channel cash"),
        /// Legend: rewards of a phase.
        LegendRewardsPaid => ("奖励", "Rewards"),
        /// Legend: a phase's budget cap.
        LegendPhaseCap => ("阶段预算", "Phase cap"),
        /// Legend: the plan's loss.
        LegendPlanLoss => ("本方案", "This plan"),
        /// Y axis: spending in yuan.
        AxisSpendYuan => ("费用（元）", "Cash (yuan)"),
        /// Y axis: spending in 万元.
        AxisSpendWanYuan => ("费用（万元）", "Cash (10k yuan)"),
        /// Y axis: loss in yuan.
        AxisLossYuan => ("损失（元）", "Loss (yuan)"),
        /// Y axis: loss in 万元.
        AxisLossWanYuan => ("损失（万元）", "Loss (10k yuan)"),
        // Comparing options,
    }
}

/// The caption of the target KPI, e.g. `目标 80% · 6月30日`.
pub fn target_caption(lang: Lang, threshold: &str, deadline: &str) -> String {
    match lang {
        Lang::Zh => format!("目标 {threshold} · {deadline}"),
        Lang::En => format!("target {threshold} by {deadline}"),
    }
}

/// When a share target was first met, e.g. `6月12日达到`.
pub fn first_met(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Zh => format!("{date}达到"),
        Lang::En => format!("reached on {date}"),
    }
}

/// The budget line of the cost KPI, e.g. `预算 5万元`.
pub fn budget_cap(lang: Lang, cap: &str) -> String {
    match lang {
        Lang::Zh => format!("预算 {cap}"),
        Lang::En => format!("budget {cap}"),
    }
}

/// The day the money runs out, e.g. `6月3日用完`.
pub fn run_out(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Zh => format!("{date}用完"),
        Lang::En => format!("runs out on {date}"),
    }
}

/// The split of the total cost, e.g. `宣传 2.1万元 · 奖励 1.1万元`.
pub fn cost_split(lang: Lang, channels: &str, rewards: &str) -> String {
    match lang {
        Lang::Zh => format!("宣传 {channels} · 奖励 {rewards}"),
        Lang::En => format!("publicity {channels} · rewards {rewards}"),
    }
}

/// The install line of the cost-per-install KPI, e.g. `国家反诈中心App 实际安装 1.2万人`.
pub fn installs(lang: Lang, product: &str, count: &str) -> String {
    match lang {
        Lang::Zh => format!("{product} 实际安装 {count}人"),
        Lang::En => format!("{product}: {count} real installs"),
    }
}

/// Rewards paid per install, e.g. `其中奖励 2元/户`.
pub fn reward_share(lang: Lang, reward: &str) -> String {
    match lang {
        Lang::Zh => format!("奖励标准 {reward}"),
        Lang::En => format!("reward {reward}"),
    }
}

/// The counterfactual line of the cases KPI, e.g. `不宣传 25.1 起 → 本方案 21.9 起`.
pub fn cases_compare(lang: Lang, without: &str, with_plan: &str) -> String {
    match lang {
        Lang::Zh => format!("不宣传 {without} 起 → 本方案 {with_plan} 起"),
        Lang::En => format!("no campaign {without} → this plan {with_plan}"),
    }
}

/// The loss line of the cases KPI, e.g. `减少损失 12.3万元`.
pub fn loss_averted(lang: Lang, loss: &str) -> String {
    match lang {
        Lang::Zh => format!("减少损失 {loss}"),
        Lang::En => format!("loss averted {loss}"),
    }
}

/// The year-on-year line of the cases KPI, e.g. `同比 -12.0%`.
pub fn year_on_year(lang: Lang, change: &str) -> String {
    match lang {
        Lang::Zh => format!("同比 {change}"),
        Lang::En => format!("year on year {change}"),
    }
}

/// One part of the score, e.g. `发案同比 45/50`.
pub fn score_part(name: &str, points: &str, points_max: &str) -> String {
    format!("{name} {points}/{points_max}")
}

/// The maximum after a score, e.g. `/100分`.
pub fn score_out_of(lang: Lang, points_max: &str) -> String {
    match lang {
        Lang::Zh => format!("/{points_max}分"),
        Lang::En => format!("/{points_max}"),
    }
}

/// The name of a part of the core's default (seed 004) assessment in `lang`, or `None` for a rule written
/// in the scenario file, whose name is the planner's own text.
pub fn default_rule_name(lang: Lang, rule: &wuzha::model::AssessmentRule) -> Option<&'static str> {
    let is_default = wuzha::model::validate::default_assessment(0)
        .iter()
        .any(|default| default.id == rule.id && default.name == rule.name);
    if !is_default {
        return None;
    }
    let key = match rule.id.as_str() {
        "system_building" => Text::RuleSystemBuilding,
        "yoy_cases" => Text::RuleYoyCases,
        "card_cutting" => Text::RuleCardCutting,
        _ => return None,
    };
    Some(text(lang, key))
}
