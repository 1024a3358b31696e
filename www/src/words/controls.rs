//! Words of the quick controls (reward, budget, target, phase).

use super::*;

words! {
    /// A fixed text of the quick controls (reward, budget, target, phase).
    Controls {
        /// Heading of the controls column.
        ControlsHeading => ("调整方案", "Adjust the plan"),
        /// Heading of the reward and budget group.
        MoneyGroup => ("奖励与预算", "Rewards and budget"),
        /// Heading of the target group.
        TargetGroup => ("考核目标", "Targets"),
        /// Heading of the phase group.
        PhaseGroup => ("工作阶段", "Phases"),
        /// Label of the reward control (also names it in error messages).
        RewardLabel => ("奖励标准", "Reward"),
        /// Hint under the reward control.
        RewardHint => ("元，每个经截图核验的安装奖励给网格", "yuan per verified install, paid to the grid"),
        /// Label of the total budget control.
        BudgetLabel => ("总预算", "Total budget"),
        /// Hint under the budget control.
        BudgetHint => ("元，留空表示不设上限", "yuan; empty means no cap"),
        /// Label of the target selector.
        TargetSelectLabel => ("目标", "Target"),
        /// Label of the target threshold control.
        ThresholdLabel => ("目标值", "Threshold"),
        /// Hint under the threshold control for share targets.
        ThresholdHintShare => ("%，如 80 表示 80%", "%, e.g. 80 means 80 %"),
        /// Hint under the threshold control for year-on-year targets.
        ThresholdHintYoy => ("%，同比变化，如 -10 表示下降 10%", "%, year-on-year change, e.g. -10 = 10 % fewer"),
        /// Label of the target deadline control.
        DeadlineLabel => ("截止日期", "Deadline"),
        /// Label of the phase selector.
        PhaseSelectLabel => ("阶段", "Phase"),
        /// Label of the phase start control.
        PhaseStartLabel => ("开始日期", "Start date"),
        /// Label of the phase end control.
        PhaseEndLabel => ("结束日期", "End date"),
        /// Shown instead of a selector when the scenario has no targets.
        NoTargets => ("本方案未设目标", "This plan has no targets"),
        /// Shown instead of a selector when the scenario has no phases.
        NoPhases => ("本方案未设阶段", "This plan has no phases"),
    }
}
