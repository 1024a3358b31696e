//! Words of the optimise panel and its charts.

use super::*;

words! {
    /// A fixed text of the optimise panel and its charts.
    Optimise {
        /// Frontier and tornado axis: cases averted.
        ObjectiveAxisCases => ("避免发案（起）", "Cases averted"),
        /// Axis: loss averted in 万元.
        ObjectiveAxisLossWan => ("减少损失（万元）", "Loss averted (10k yuan)"),
        /// Axis: loss averted in yuan.
        ObjectiveAxisLoss => ("减少损失（元）", "Loss averted (yuan)"),
        /// Axis: a target's measure in percent.
        ObjectiveAxisValue => ("目标口径值（%）", "Target measure (%)"),
        /// Axis: probability of meeting a target in percent.
        ObjectiveAxisProbability => ("达成概率（%）", "Chance of meeting the target (%)"),
        /// Axis: budget in 万元.
        AxisBudgetWanYuan => ("预算（万元）", "Budget (10k yuan)"),
        /// Axis: budget in yuan.
        AxisBudgetYuan => ("预算（元）", "Budget (yuan)"),
        /// Legend: the best result at each budget.
        LegendFrontier => ("各预算下的最优结果", "Best result at each budget"),
        /// Legend: the suggested plan.
        LegendSuggested => ("建议方案", "Suggested plan"),
        /// Legend: outcome with the number at its low value.
        LegendAtLow => ("参数取低值", "Number at its low value"),
        /// Legend: outcome with the number at its high value.
        LegendAtHigh => ("参数取高值", "Number at its high value"),
        /// Heading of the optimise panel.
        OptimiseHeading => ("优化方案：钱怎么花效果最好", "Optimise: the best use of the money"),
        /// What the optimise panel does.
        OptimiseIntro => ("在预算内调整各渠道各阶段的投入量和奖励标准（默认为当前方案的0.5–2倍），每次把下一笔钱投向效果最大的地方，再两两调换微调。结果可一键采用，也可撤销。", "Moves the units of each channel in each phase and the rewards (by default 0.5–2× the current plan) within the budget, each next step of money where it buys the most, then refines by pairwise swaps. Apply the result in one click; undo takes it back."),
        /// Label of the objective selector.
        ObjectiveLabel => ("优化目标", "Objective"),
        /// Objective: most cases averted.
        ObjectiveCasesAverted => ("避免发案最多", "Most cases averted"),
        /// Objective: most loss averted.
        ObjectiveLossAverted => ("减少损失最多", "Most loss averted"),
        /// Objective: a target's measure as high as possible.
        ObjectiveTargetValue => ("目标完成值最高", "Highest value of a target"),
        /// Objective: best odds of meeting a target.
        ObjectiveTargetProbability => ("达成目标的概率最高", "Best odds of meeting a target"),
        /// Objective: least cash that meets a target.
        ObjectiveMinCost => ("达成目标的最低花费", "Least cost to meet a target"),
        /// Label of the objective's target selector.
        ObjectiveTargetLabel => ("针对目标", "For the target"),
        /// Label of the required probability for the minimum cost.
        ObjectiveProbabilityLabel => ("要求的达成概率", "Required chance"),
        /// Hint under the required probability.
        ObjectiveProbabilityHint => ("%，留空表示按确定性推演达标", "%; empty means met in the central run"),
        /// Label of the optimiser's budget box.
        OptimiseBudgetLabel => ("可用预算", "Budget to spend"),
        /// Hint under the optimiser's budget box.
        OptimiseBudgetHint => ("元，留空表示按方案的总预算", "yuan; empty means the plan's total budget"),
        /// Label of the lower bound factor.
        LowFactorLabel => ("每项投入下限", "Lower bound of each item"),
        /// Label of the upper bound factor.
        HighFactorLabel => ("每项投入上限", "Upper bound of each item"),
        /// Hint under the bound factors.
        FactorHint => ("× 当前方案的投入量", "× the current plan's amount"),
        /// Label of the rewards checkbox.
        IncludeRewardsLabel => ("同时优化奖励标准", "Optimise the rewards too"),
        /// Label of the frontier checkbox.
        WithFrontierLabel => ("计算预算—效果曲线（较慢）", "Compute the budget–result curve (slower)"),
        /// The run button.
        RunOptimise => ("开始优化", "Optimise"),
        /// Why the run button is disabled: the job's estimate is over the page's work budget.
        OptimiseTooLong => ("这项计算在浏览器中预计超过 30 秒，已停用：请改用不需要多次模拟的目标，或不同时优化奖励；也可以用命令行 wuzha optimise 运行", "This job would take over 30 s in the browser, so it is disabled: pick an objective without Monte Carlo runs, or do not optimise the rewards too; or run it with the command line (wuzha optimise)"),
        /// The cancel button.
        CancelOptimise => ("取消", "Cancel"),
        /// The apply button.
        ApplyPlan => ("采用建议方案", "Apply the suggested plan"),
        /// Progress: optimising.
        PhaseOptimise => ("正在优化", "Optimising"),
        /// Progress: sensitivity.
        PhaseTornado => ("正在分析参数敏感性", "Testing the parameters"),
        /// Progress: frontier.
        PhaseFrontier => ("正在计算预算—效果曲线", "Computing the budget–result curve"),
        /// Shown when the plan changed since the optimisation.
        OptimiseOutdated => ("方案已修改，以下为修改前方案的优化结果。", "The plan changed; below is the optimisation of the earlier plan."),
        /// Heading of the table of decision variables.
        VariablesHeading => ("各项投入：当前 → 建议", "Each item: current → suggested"),
        /// Column: the item.
        ColumnItem => ("项目", "Item"),
        /// Column: its unit.
        ColumnUnit => ("单位", "Unit"),
        /// Column: the current value.
        ColumnDraft => ("当前", "Current"),
        /// Column: the suggested value.
        ColumnSuggested => ("建议", "Suggested"),
        /// Column: marginal return per 1000 yuan.
        ColumnMarginal => ("每多投1000元的效果", "Gain per next 1 000 yuan"),
        /// Row: the objective's value.
        RowObjective => ("目标值", "Objective"),
        /// Row: the cash.
        RowCost => ("总费用", "Total cost"),
        /// Toggle: show items that do not change.
        ShowUnchanged => ("显示未变化的项目", "Show unchanged items"),
        /// Title of the frontier chart.
        ChartFrontierTitle => ("预算—效果曲线", "Result against budget"),
        /// Accessible description of the frontier chart.
        ChartFrontierAlt => ("折线图：每个预算下能达到的最好结果，红点为当前方案，绿点为建议方案", "Line chart: the best result at each budget; red dot the current plan, green dot the suggestion"),
        /// Title of the tornado chart.
        ChartTornadoTitle => ("哪些假设影响最大", "Which assumptions matter most"),
        /// Accessible description of the tornado chart.
        ChartTornadoAlt => ("龙卷风图：每个不确定参数取低值和高值时结果的变化，按影响大小排序", "Tornado chart: the result with each uncertain number at its low and high value, largest first"),
        /// Shown when the optimisation failed.
        OptimiseFailed => ("优化未能完成：", "The optimisation could not finish:"),
        // Editor and timeline,
    }
}

/// Progress of an optimisation, e.g. `已试算 120 个方案`.
pub fn optimise_progress(lang: Lang, evaluations: usize) -> String {
    match lang {
        Lang::Zh => format!("已试算 {evaluations} 个方案"),
        Lang::En => format!("{evaluations} plans tried"),
    }
}
