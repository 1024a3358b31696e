//! Every user-facing string of the app, in zh-CN (the default) and English, in one place.
//!
//! Fixed texts are keys of [`Text`] read with [`text`]; texts with figures in them are the small functions
//! below, which take figures already formatted by `crate::format`. No other module holds a word shown to
//! users: other modules may only join numbers with language-neutral symbols such as `%`, `/` and `·`.
//! Texts taken from the scenario file (village, product, phase and target names) are shown as written.

pub use wuzha::Lang;

/// The key of one fixed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The app's name in the header.
    AppName,
    /// What the app does, under its name.
    AppTagline,
    /// Label of the template selector.
    TemplateLabel,
    /// Heading of the controls column.
    ControlsHeading,
    /// Heading of the reward and budget group.
    MoneyGroup,
    /// Heading of the target group.
    TargetGroup,
    /// Heading of the phase group.
    PhaseGroup,
    /// Label of the reward control (also names it in error messages).
    RewardLabel,
    /// Hint under the reward control.
    RewardHint,
    /// Label of the total budget control.
    BudgetLabel,
    /// Hint under the budget control.
    BudgetHint,
    /// Label of the target selector.
    TargetSelectLabel,
    /// Label of the target threshold control.
    ThresholdLabel,
    /// Hint under the threshold control for share targets.
    ThresholdHintShare,
    /// Hint under the threshold control for year-on-year targets.
    ThresholdHintYoy,
    /// Label of the target deadline control.
    DeadlineLabel,
    /// Label of the phase selector.
    PhaseSelectLabel,
    /// Label of the phase start control.
    PhaseStartLabel,
    /// Label of the phase end control.
    PhaseEndLabel,
    /// Shown instead of a selector when the scenario has no targets.
    NoTargets,
    /// Shown instead of a selector when the scenario has no phases.
    NoPhases,
    /// Heading of the error list.
    ErrorsHeading,
    /// Heading of the error list while the last valid result stays on screen.
    StaleNotice,
    /// Ribbon over the results while they are those of the last valid input.
    StaleRibbon,
    /// Shown when no valid result exists at all.
    NoResult,
    /// KPI: the selected target's value at its deadline.
    KpiRateAtDeadline,
    /// KPI: total cash.
    KpiTotalCost,
    /// KPI: cash per real install of the primary product.
    KpiCostPerInstall,
    /// KPI: cases averted against no campaign.
    KpiCasesAverted,
    /// KPI: assessment score.
    KpiScore,
    /// Badge: target met.
    Met,
    /// Badge: target not met.
    NotMet,
    /// Badge: spending over the total cap.
    OverBudget,
    /// Badge: spending within the total cap.
    WithinBudget,
    /// No total cap set.
    NoBudgetCap,
    /// A value that cannot be computed (e.g. cost per install with no installs).
    NotAvailable,
    /// Unit after a count of cases.
    CasesUnit,
    /// Unit after a cost per install.
    YuanPerInstall,
    /// Unit: yuan.
    Yuan,
    /// Unit: ten thousand yuan.
    WanYuan,
    /// Unit: hundred million yuan.
    YiYuan,
    /// Multiplier word for ten thousand (people, installs).
    Wan,
    /// Title of the adoption chart.
    ChartAdoptionTitle,
    /// Title of the cost chart.
    ChartCostTitle,
    /// Title of the cases chart.
    ChartCasesTitle,
    /// Y axis of the adoption chart.
    AxisAdoption,
    /// Y axis of the cost chart in yuan.
    AxisCostYuan,
    /// Y axis of the cost chart in ten thousand yuan.
    AxisCostWanYuan,
    /// Y axis of the cases chart.
    AxisCases,
    /// Legend: cumulative cash.
    LegendCash,
    /// Legend: cumulative rewards.
    LegendRewards,
    /// Legend: target thresholds on the adoption chart.
    LegendTarget,
    /// Legend: the projected value of a target at its deadline.
    LegendProjected,
    /// Legend: the daily path of a target measured on another base than the plotted lines.
    LegendTargetPath,
    /// Default assessment part: system building.
    RuleSystemBuilding,
    /// Default assessment part: year-on-year cases.
    RuleYoyCases,
    /// Default assessment part: card-cutting.
    RuleCardCutting,
    /// Village table: title.
    VillageTableTitle,
    /// Village table: the village column.
    ColVillage,
    /// Village table: residents.
    ColResidents,
    /// Village table: reached.
    ColReached,
    /// Village table: aware.
    ColAware,
    /// Village table: cash.
    ColCost,
    /// Village table: expected cases.
    ColCases,
    /// Village table: the note under it.
    VillageTableNote,
    /// Shown when the scenario was restored from the autosave of an earlier visit.
    RestoredNotice,
    /// Chart button: download the chart as a PNG image.
    ExportPng,
    /// Print button.
    Print,
    /// Print button's tooltip.
    PrintHelp,
    /// The name an opened share link is shown under.
    SharedLinkName,
    /// Share button.
    ShareLink,
    /// Above the share link: how to use it.
    ShareLinkHelp,
    /// Download the daily series as CSV.
    ExportDailyCsv,
    /// Download the village table as CSV.
    ExportVillageCsv,
    /// File name stem of the daily CSV.
    DailyCsvName,
    /// File name stem of the village CSV.
    VillageCsvName,
    /// Undo button.
    Undo,
    /// Undo button's tooltip.
    UndoHelp,
    /// Redo button.
    Redo,
    /// Redo button's tooltip.
    RedoHelp,
    /// File menu: open.
    FileOpen,
    /// File menu: save.
    FileSave,
    /// File menu: the fingerprint's label.
    FingerprintLabel,
    /// File menu: what the fingerprint is for.
    FingerprintHelp,
    /// The template selector's entry for an opened file.
    OpenedFileOption,
    /// The language button: the name of the other language.
    LangToggle,
    /// The language button's accessible label.
    LangToggleLabel,
    /// Legend: the total budget cap.
    LegendBudget,
    /// Legend: the day the money runs out.
    LegendRunOut,
    /// Legend: reported cases with the plan.
    LegendPlan,
    /// Legend: last year's cases.
    LegendLastYear,
    /// Legend: expected cases with no campaign.
    LegendNoCampaign,
    /// Accessible description of the adoption chart.
    ChartAdoptionAlt,
    /// Accessible description of the cost chart.
    ChartCostAlt,
    /// Accessible description of the cases chart.
    ChartCasesAlt,
    /// Shown by the panic hook before the panic message.
    PanicMessage,
    /// Shown when the page has no `#app` element to mount into.
    NoMountPoint,
    /// Label for the generic template in the selector.
    TemplateGeneric,
    // Uncertainty (Monte Carlo)
    /// Heading of the uncertainty panel.
    UncertaintyHeading,
    /// What the uncertainty panel shows, under its heading.
    UncertaintyIntro,
    /// Label of the number-of-runs selector.
    RunsLabel,
    /// Label of the random seed box (also names it in error messages).
    SeedLabel,
    /// Hint beside the seed box.
    SeedHint,
    /// Accessible label of the progress bar.
    ProgressLabel,
    /// Shown while runs of an older version of the plan are still the latest result.
    UncertaintyOutdated,
    /// Shown before the first runs finish.
    UncertaintyWaiting,
    /// Heading of the target chances list.
    TargetChancesHeading,
    /// Label of a target's probability badge.
    ChanceBadgeLabel,
    /// Heading of the chance-alone box.
    ChanceAloneHeading,
    /// Title of the score histogram.
    ChartScoreTitle,
    /// Accessible description of the score histogram.
    ChartScoreAlt,
    /// X axis of the score histogram.
    AxisScore,
    /// Y axis of the score histogram.
    AxisRuns,
    /// Legend: the deterministic plan's score on the histogram.
    LegendPlanScore,
    /// Shown when the runs failed (with the reason after it).
    UncertaintyFailed,
    /// Label of the distributions table's quantity column.
    DistributionQuantity,
    // Further charts
    /// Heading of the further charts.
    MoreChartsHeading,
    /// Title of the adoption-by-segment chart.
    ChartSegmentTitle,
    /// Accessible description of the adoption-by-segment chart.
    ChartSegmentAlt,
    /// Title of the reach and awareness chart.
    ChartReachTitle,
    /// Accessible description of the reach and awareness chart.
    ChartReachAlt,
    /// Title of the stacked cost-by-channel chart.
    ChartChannelCostTitle,
    /// Accessible description of the stacked cost-by-channel chart.
    ChartChannelCostAlt,
    /// Title of the cost-by-phase chart.
    ChartPhaseCostTitle,
    /// Accessible description of the cost-by-phase chart.
    ChartPhaseCostAlt,
    /// Title of the loss chart.
    ChartLossTitle,
    /// Accessible description of the loss chart.
    ChartLossAlt,
    /// Legend: reach (宣传覆盖).
    LegendReached,
    /// Legend: awareness.
    LegendAware,
    /// Legend: channel cash of a phase.
    LegendChannelCash,
    /// Legend: rewards of a phase.
    LegendRewardsPaid,
    /// Legend: a phase's budget cap.
    LegendPhaseCap,
    /// Legend: the plan's loss.
    LegendPlanLoss,
    /// Y axis: spending in yuan.
    AxisSpendYuan,
    /// Y axis: spending in 万元.
    AxisSpendWanYuan,
    /// Y axis: loss in yuan.
    AxisLossYuan,
    /// Y axis: loss in 万元.
    AxisLossWanYuan,
    // Comparing options
    /// Heading of the comparison panel.
    CompareHeading,
    /// What the comparison panel does, under its heading.
    CompareIntro,
    /// The pin button.
    PinOption,
    /// The pin button when every slot is taken.
    PinFull,
    /// Unpin every option.
    ClearOptions,
    /// Load an option back as the current plan.
    LoadOption,
    /// Remove one option (accessible label prefix).
    UnpinOption,
    /// Column of the current plan.
    CurrentPlan,
    /// Heading of the inputs that differ.
    CompareInputs,
    /// Shown when the plans do not differ.
    CompareNoDifferences,
    /// Heading of the key figures compared.
    CompareFigures,
    /// Row: loss averted.
    CompareLossAverted,
    /// Column of the input or figure names.
    CompareItem,
    /// Shown when more inputs differ than are listed.
    CompareMoreDifferences,
    /// Section names of the file, for the list of inputs that differ.
    SectionTownship,
    /// Villages.
    SectionVillages,
    /// Segments.
    SectionSegments,
    /// Products.
    SectionProducts,
    /// Channels.
    SectionChannels,
    /// Phases.
    SectionPhases,
    /// Schedule.
    SectionSchedule,
    /// Rewards.
    SectionRewards,
    /// Budget.
    SectionBudget,
    /// Targets.
    SectionTargets,
    /// Last year.
    SectionLastYear,
    /// Assessment.
    SectionAssessment,
    /// Behavioural parameters.
    SectionBehaviour,
    /// Floors.
    SectionFloors,
    // Planner
    /// Frontier and tornado axis: cases averted.
    ObjectiveAxisCases,
    /// Axis: loss averted in 万元.
    ObjectiveAxisLossWan,
    /// Axis: loss averted in yuan.
    ObjectiveAxisLoss,
    /// Axis: a target's measure in percent.
    ObjectiveAxisValue,
    /// Axis: probability of meeting a target in percent.
    ObjectiveAxisProbability,
    /// Axis: budget in 万元.
    AxisBudgetWanYuan,
    /// Axis: budget in yuan.
    AxisBudgetYuan,
    /// Legend: the best result at each budget.
    LegendFrontier,
    /// Legend: the suggested plan.
    LegendSuggested,
    /// Legend: outcome with the number at its low value.
    LegendAtLow,
    /// Legend: outcome with the number at its high value.
    LegendAtHigh,
    /// Heading of the optimise panel.
    OptimiseHeading,
    /// What the optimise panel does.
    OptimiseIntro,
    /// Label of the objective selector.
    ObjectiveLabel,
    /// Objective: most cases averted.
    ObjectiveCasesAverted,
    /// Objective: most loss averted.
    ObjectiveLossAverted,
    /// Objective: a target's measure as high as possible.
    ObjectiveTargetValue,
    /// Objective: best odds of meeting a target.
    ObjectiveTargetProbability,
    /// Objective: least cash that meets a target.
    ObjectiveMinCost,
    /// Label of the objective's target selector.
    ObjectiveTargetLabel,
    /// Label of the required probability for the minimum cost.
    ObjectiveProbabilityLabel,
    /// Hint under the required probability.
    ObjectiveProbabilityHint,
    /// Label of the optimiser's budget box.
    OptimiseBudgetLabel,
    /// Hint under the optimiser's budget box.
    OptimiseBudgetHint,
    /// Label of the lower bound factor.
    LowFactorLabel,
    /// Label of the upper bound factor.
    HighFactorLabel,
    /// Hint under the bound factors.
    FactorHint,
    /// Label of the rewards checkbox.
    IncludeRewardsLabel,
    /// Label of the frontier checkbox.
    WithFrontierLabel,
    /// The run button.
    RunOptimise,
    /// The cancel button.
    CancelOptimise,
    /// The apply button.
    ApplyPlan,
    /// Progress: optimising.
    PhaseOptimise,
    /// Progress: sensitivity.
    PhaseTornado,
    /// Progress: frontier.
    PhaseFrontier,
    /// Shown when the plan changed since the optimisation.
    OptimiseOutdated,
    /// Heading of the table of decision variables.
    VariablesHeading,
    /// Column: the item.
    ColumnItem,
    /// Column: its unit.
    ColumnUnit,
    /// Column: the current value.
    ColumnDraft,
    /// Column: the suggested value.
    ColumnSuggested,
    /// Column: marginal return per 1000 yuan.
    ColumnMarginal,
    /// Row: the objective's value.
    RowObjective,
    /// Row: the cash.
    RowCost,
    /// Toggle: show items that do not change.
    ShowUnchanged,
    /// Title of the frontier chart.
    ChartFrontierTitle,
    /// Accessible description of the frontier chart.
    ChartFrontierAlt,
    /// Title of the tornado chart.
    ChartTornadoTitle,
    /// Accessible description of the tornado chart.
    ChartTornadoAlt,
    /// Shown when the optimisation failed.
    OptimiseFailed,
    // Editor and timeline
    /// Heading of the scenario editor.
    EditorHeading,
    /// What the editor does, beside its heading.
    EditorHelp,
    /// Editor tab: township and villages.
    TabTownship,
    /// Editor tab: segments.
    TabSegments,
    /// Editor tab: products.
    TabProducts,
    /// Editor tab: channels and floors.
    TabChannels,
    /// Editor tab: the schedule.
    TabSchedule,
    /// Editor tab: phases.
    TabPhases,
    /// Editor tab: rewards and budget.
    TabRewards,
    /// Editor tab: targets.
    TabTargets,
    /// Editor tab: last year's cases.
    TabLastYear,
    /// Editor tab: assessment rules.
    TabAssessment,
    /// Editor tab: behavioural parameters.
    TabBehaviour,
    /// Button: add a row.
    AddRow,
    /// Button: remove this row (accessible label).
    RemoveRow,
    /// Button: open the paste box.
    PasteRows,
    /// Paste box: what to paste.
    PasteHelp,
    /// Paste box: the button that adds the pasted rows.
    PasteApply,
    /// Paste box: close without pasting.
    PasteCancel,
    /// Table header of the row-number column.
    ColRowNumber,
    /// Option: every village.
    AllVillages,
    /// Option: none (no parent, no segment, no product).
    NoneOption,
    /// Option: the whole scenario period.
    WholePeriod,
    /// Option: the whole township.
    WholeTownship,
    /// Shown when the file relies on the default assessment.
    DefaultAssessmentNote,
    /// Button: write the default assessment out to edit it.
    EditDefaultAssessment,
    /// Heading: the scenario's general fields.
    GeneralHeading,
    /// Heading: the villages table.
    VillagesHeading,
    /// Heading: the floors table.
    FloorsHeading,
    /// Heading: the rewards table.
    RewardsHeading,
    /// Heading: budget caps.
    BudgetHeading,
    /// Heading: the per-phase budget caps.
    PhaseCapsHeading,
    /// Hint under the per-phase caps.
    PhaseCapsHint,
    /// Note under last year's cases.
    LastYearNote,
    /// Column: parameter name.
    ColParameter,
    /// Column: most likely value.
    ColValue,
    /// Column: lowest plausible value.
    ColLow,
    /// Column: highest plausible value.
    ColHigh,
    /// Column: unit.
    ColUnit,
    /// Column: allowed range.
    ColAllowed,
    /// Column: source.
    ColSource,
    /// Hint: a parameter with no source given.
    Assumption,
    /// Hint label: unit.
    HintUnit,
    /// Hint label: range.
    HintRange,
    /// Hint label: allowed values.
    HintAllowed,
    /// Hint label: source.
    HintSource,
    /// Hint: a parameter with no range.
    NoRange,
    /// Side note heading of the parameter hint.
    HintHeading,
    /// Side note when no parameter is focused.
    HintEmpty,
    /// Heading of the phase timeline.
    TimelineHeading,
    /// What the timeline does.
    TimelineHelp,
    /// Label on a bar overlapping another phase.
    TimelineOverlap,
    /// Legend: a target deadline marker.
    TimelineDeadline,
    /// Accessible label of a bar's start handle.
    TimelineStartHandle,
    /// Accessible label of a bar's end handle.
    TimelineEndHandle,
    /// A channel's default unit word in a new row.
    DefaultUnit,
    /// Heading of the monthly cases.
    MonthlyCasesHeading,
    /// Label of the plan's title in the editor.
    PlanTitle,
}

/// The fixed text for `key` in `lang`.
pub fn text(lang: Lang, key: Text) -> &'static str {
    let (zh, en) = match key {
        Text::AppName => ("无诈推演", "Wuzha"),
        Text::AppTagline => ("乡镇反电诈宣传方案推演", "Township anti-fraud campaign planner"),
        Text::TemplateLabel => ("方案", "Scenario"),
        Text::ControlsHeading => ("调整方案", "Adjust the plan"),
        Text::MoneyGroup => ("奖励与预算", "Rewards and budget"),
        Text::TargetGroup => ("考核目标", "Targets"),
        Text::PhaseGroup => ("工作阶段", "Phases"),
        Text::RewardLabel => ("奖励标准", "Reward"),
        Text::RewardHint => ("元，每个经截图核验的安装奖励给网格", "yuan per verified install, paid to the grid"),
        Text::BudgetLabel => ("总预算", "Total budget"),
        Text::BudgetHint => ("元，留空表示不设上限", "yuan; empty means no cap"),
        Text::TargetSelectLabel => ("目标", "Target"),
        Text::ThresholdLabel => ("目标值", "Threshold"),
        Text::ThresholdHintShare => ("%，如 80 表示 80%", "%, e.g. 80 means 80 %"),
        Text::ThresholdHintYoy => ("%，同比变化，如 -10 表示下降 10%", "%, year-on-year change, e.g. -10 = 10 % fewer"),
        Text::DeadlineLabel => ("截止日期", "Deadline"),
        Text::PhaseSelectLabel => ("阶段", "Phase"),
        Text::PhaseStartLabel => ("开始日期", "Start date"),
        Text::PhaseEndLabel => ("结束日期", "End date"),
        Text::NoTargets => ("本方案未设目标", "This plan has no targets"),
        Text::NoPhases => ("本方案未设阶段", "This plan has no phases"),
        Text::ErrorsHeading => ("请检查以下输入", "Please check these inputs"),
        Text::StaleNotice => ("输入有误，请修改后继续：", "Invalid input; please correct it:"),
        Text::StaleRibbon => {
            ("以下指标和图表显示的是上一次有效的推演结果", "The figures and charts below show the last valid result")
        }
        Text::NoResult => ("暂无有效的推演结果", "No valid result yet"),
        Text::KpiRateAtDeadline => ("截止日预计", "At the deadline"),
        Text::KpiTotalCost => ("总费用", "Total cost"),
        Text::KpiCostPerInstall => ("每个安装的成本", "Cost per install"),
        Text::KpiCasesAverted => ("避免发案", "Cases averted"),
        Text::KpiScore => ("考核得分", "Assessment score"),
        Text::Met => ("达标", "met"),
        Text::NotMet => ("未达标", "not met"),
        Text::OverBudget => ("超出预算", "over budget"),
        Text::WithinBudget => ("预算内", "within budget"),
        Text::NoBudgetCap => ("未设预算上限", "no budget cap"),
        Text::NotAvailable => ("—", "—"),
        Text::CasesUnit => ("起", "cases"),
        Text::YuanPerInstall => ("元/人", "yuan/install"),
        Text::Yuan => ("元", "yuan"),
        Text::WanYuan => ("万元", "×10k yuan"),
        Text::YiYuan => ("亿元", "×100m yuan"),
        Text::Wan => ("万", "×10k"),
        Text::ChartAdoptionTitle => ("覆盖率（占常住人口）", "Adoption (share of residents)"),
        Text::ChartCostTitle => ("累计费用与预算", "Cumulative cost and budget"),
        Text::ChartCasesTitle => ("每月发案数", "Cases per month"),
        Text::AxisAdoption => ("覆盖率（%）", "Share of residents (%)"),
        Text::AxisCostYuan => ("累计费用（元）", "Cumulative cost (yuan)"),
        Text::AxisCostWanYuan => ("累计费用（万元）", "Cumulative cost (10k yuan)"),
        Text::AxisCases => ("发案数（起）", "Cases"),
        Text::LegendCash => ("累计支出（含奖励）", "Cash spent (with rewards)"),
        Text::LegendRewards => ("其中奖励", "of which rewards"),
        Text::LegendTarget => ("目标值", "Target"),
        Text::LegendProjected => ("截止日预计（按各目标口径）", "Value at deadline (each target's measure)"),
        Text::LegendTargetPath => ("按目标口径（细线）", "In the target's measure (thin line)"),
        Text::RuleSystemBuilding => ("体系建设", "System building"),
        Text::RuleYoyCases => ("发案同比", "Cases year on year"),
        Text::RuleCardCutting => ("断卡行动", "Card-cutting"),
        Text::VillageTableTitle => ("各村（社区）情况", "Villages"),
        Text::ColVillage => ("村/社区", "Village"),
        Text::ColResidents => ("常住人口", "Residents"),
        Text::ColReached => ("宣传覆盖", "Reached"),
        Text::ColAware => ("知晓率", "Aware"),
        Text::ColCost => ("费用", "Cost"),
        Text::ColCases => ("预计发案", "Expected cases"),
        Text::VillageTableNote => (
            "覆盖、知晓与安装率为年末值（占常住人口）；目标列为截止日按目标口径的数值：绿色已达标，黄色差距不足10个百分点，红色差距较大。费用含奖励，不含全镇一次性费用。",
            "Reach, awareness and adoption at the end of the period (share of residents); the target column is each village at the deadline in the target's own measure: green met, amber within 10 points, red further. Cost includes rewards, not township-wide one-off costs.",
        ),
        Text::RestoredNotice => ("已恢复上次编辑的方案", "Restored the plan from your last visit"),
        Text::ExportPng => ("导出图片", "Save as PNG"),
        Text::Print => ("打印", "Print"),
        Text::PrintHelp => ("按A4纸打印方案的输入、关键指标和图表", "Print the inputs, key figures and charts on A4"),
        Text::SharedLinkName => ("分享链接", "shared link"),
        Text::ShareLink => ("分享链接", "Share link"),
        Text::ShareLinkHelp => ("复制下面的链接发给他人，打开即得到同一方案：", "Copy this link; opening it gives the same plan:"),
        Text::ExportDailyCsv => ("导出每日数据（CSV）", "Daily data (CSV)"),
        Text::ExportVillageCsv => ("导出表格（CSV）", "Table (CSV)"),
        Text::DailyCsvName => ("每日推演数据", "daily results"),
        Text::VillageCsvName => ("各村情况", "villages"),
        Text::Undo => ("撤销", "Undo"),
        Text::UndoHelp => ("撤销上一步修改（Ctrl+Z）", "Undo the last change (Ctrl+Z)"),
        Text::Redo => ("重做", "Redo"),
        Text::RedoHelp => ("重做撤销的修改（Ctrl+Y）", "Redo the undone change (Ctrl+Y)"),
        Text::FileOpen => ("打开文件", "Open file"),
        Text::FileSave => ("保存文件", "Save file"),
        Text::FingerprintLabel => ("指纹 ", "Fingerprint "),
        Text::FingerprintHelp => (
            "文件内容的简短指纹：两份文件指纹相同，内容即相同",
            "A short fingerprint of the file's content: two files with the same fingerprint hold the same plan",
        ),
        Text::OpenedFileOption => ("已打开的文件", "Opened file"),
        Text::LangToggle => ("English", "中文"),
        Text::LangToggleLabel => ("切换为英文界面", "Switch to Chinese"),
        Text::LegendBudget => ("预算上限", "Budget cap"),
        Text::LegendRunOut => ("预算用完", "Budget runs out"),
        Text::LegendPlan => ("本方案（报案）", "This plan (reported)"),
        Text::LegendLastYear => ("去年同期", "Last year"),
        Text::LegendNoCampaign => ("不开展宣传", "No campaign"),
        Text::ChartAdoptionAlt => (
            "各产品覆盖率随时间变化，含目标线、截止日期和工作阶段",
            "Adoption of each product over time, with targets, deadlines and phases",
        ),
        Text::ChartCostAlt => ("累计费用与预算上限", "Cumulative cost against the budget cap"),
        Text::ChartCasesAlt => {
            ("每月发案数：本方案、去年同期、不开展宣传", "Cases per month: this plan, last year, no campaign")
        }
        Text::PanicMessage => {
            ("程序出错，请刷新页面后重试。错误信息：", "The app failed; please reload the page. Error:")
        }
        Text::NoMountPoint => ("页面缺少 #app 元素，无法启动。", "The page has no #app element to start in."),
        Text::TemplateGeneric => ("通用模板", "Generic template"),
        // Uncertainty (Monte Carlo)
        Text::UncertaintyHeading => ("不确定性：多次模拟", "Uncertainty: many runs"),
        Text::UncertaintyIntro => (
            "每次模拟在参数范围内随机取值，并加入发案的偶然波动；阴影为 P10–P90（10 次中 8 次落在其中）。",
            "Each run draws the parameters from their ranges and adds the chance of cases; shading is P10–P90 \
             (8 runs in 10 fall inside).",
        ),
        Text::RunsLabel => ("模拟次数", "Number of runs"),
        Text::SeedLabel => ("随机种子", "Random seed"),
        Text::SeedHint => ("相同种子得到相同结果", "the same seed gives the same result"),
        Text::ProgressLabel => ("模拟进度", "Progress of the runs"),
        Text::UncertaintyOutdated => ("方案已修改，正在重新模拟；下面是上一版方案的结果。", "The plan changed and is being run again; below are the results of the previous version."),
        Text::UncertaintyWaiting => ("正在模拟，请稍候……", "Running, please wait…"),
        Text::TargetChancesHeading => ("达成目标的可能性", "Chance of meeting each target"),
        Text::ChanceBadgeLabel => ("达成概率", "chance met"),
        Text::ChanceAloneHeading => ("偶然因素有多大", "How much is chance"),
        Text::ChartScoreTitle => ("考核得分分布", "Assessment score across runs"),
        Text::ChartScoreAlt => (
            "直方图：各次模拟的考核得分；虚线为本方案的确定性推演得分",
            "Histogram of the assessment score over the runs; the dashed line is the plan's central run",
        ),
        Text::AxisScore => ("考核得分（分）", "Assessment score (points)"),
        Text::AxisRuns => ("模拟次数", "Runs"),
        Text::LegendPlanScore => ("本方案（确定性推演）", "This plan (central run)"),
        Text::UncertaintyFailed => ("模拟未能完成：", "The runs could not finish:"),
        Text::DistributionQuantity => ("指标", "Quantity"),
        // Further charts
        Text::MoreChartsHeading => ("更多图表", "More charts"),
        Text::ChartSegmentTitle => ("分人群安装率", "Adoption by group"),
        Text::ChartSegmentAlt => (
            "折线图：主要产品在各人群中的安装率（占该人群常住人口），含人群目标",
            "Line chart: adoption of the main product in each group (share of the group's residents), with group targets",
        ),
        Text::ChartReachTitle => ("宣传覆盖与知晓率", "Reach and awareness"),
        Text::ChartReachAlt => (
            "折线图：宣传覆盖和知晓率（占常住人口），含覆盖目标",
            "Line chart: reach and awareness (share of residents), with reach targets",
        ),
        Text::ChartChannelCostTitle => ("累计费用（按渠道）", "Cash to date by channel"),
        Text::ChartChannelCostAlt => (
            "堆积面积图：各渠道和奖励的累计支出，虚线为总预算",
            "Stacked areas: cash to date of each channel and of rewards; the dashed line is the budget",
        ),
        Text::ChartPhaseCostTitle => ("各阶段费用", "Cash by phase"),
        Text::ChartPhaseCostAlt => (
            "柱状图：各阶段的渠道支出和奖励，虚线为阶段预算",
            "Bars: channel cash and rewards of each phase; dashed lines are phase caps",
        ),
        Text::ChartLossTitle => ("每月损失", "Loss per month"),
        Text::ChartLossAlt => (
            "柱状图：每月损失，本方案、去年同期、不开展宣传",
            "Bars: loss per month: this plan, last year, no campaign",
        ),
        Text::LegendReached => ("宣传覆盖", "Reached"),
        Text::LegendAware => ("知晓率", "Aware"),
        Text::LegendChannelCash => ("渠道支出", "Channel cash"),
        Text::LegendRewardsPaid => ("奖励", "Rewards"),
        Text::LegendPhaseCap => ("阶段预算", "Phase cap"),
        Text::LegendPlanLoss => ("本方案", "This plan"),
        Text::AxisSpendYuan => ("费用（元）", "Cash (yuan)"),
        Text::AxisSpendWanYuan => ("费用（万元）", "Cash (10k yuan)"),
        Text::AxisLossYuan => ("损失（元）", "Loss (yuan)"),
        Text::AxisLossWanYuan => ("损失（万元）", "Loss (10k yuan)"),
        // Comparing options
        Text::CompareHeading => ("方案比较", "Compare options"),
        Text::CompareIntro => (
            "把当前方案固定为方案A，修改后再固定为方案B、C……各图中以虚线叠加显示，下表列出不同的输入和主要结果。",
            "Pin the current plan as option A, change it and pin B, C, …; every chart overlays them as dashed lines, and \
             the tables list the inputs that differ and the key figures.",
        ),
        Text::PinOption => ("固定为比较方案", "Pin as an option"),
        Text::PinFull => ("最多固定4个方案", "At most 4 options"),
        Text::ClearOptions => ("全部取消", "Unpin all"),
        Text::LoadOption => ("载入", "Load"),
        Text::UnpinOption => ("取消固定", "Unpin"),
        Text::CurrentPlan => ("当前方案", "Current plan"),
        Text::CompareInputs => ("不同的输入", "Inputs that differ"),
        Text::CompareNoDifferences => ("各方案的输入完全相同", "The plans have the same inputs"),
        Text::CompareFigures => ("主要结果（括号内为与方案A之差）", "Key figures (change from option A in brackets)"),
        Text::CompareLossAverted => ("减少损失", "Loss averted"),
        Text::CompareItem => ("项目", "Item"),
        Text::CompareMoreDifferences => ("还有更多不同之处未列出", "More inputs differ than are listed"),
        Text::SectionTownship => ("乡镇", "Township"),
        Text::SectionVillages => ("村（社区）", "Villages"),
        Text::SectionSegments => ("人群", "Groups"),
        Text::SectionProducts => ("产品", "Products"),
        Text::SectionChannels => ("渠道", "Channels"),
        Text::SectionPhases => ("阶段", "Phases"),
        Text::SectionSchedule => ("投放计划", "Schedule"),
        Text::SectionRewards => ("奖励", "Rewards"),
        Text::SectionBudget => ("预算", "Budget"),
        Text::SectionTargets => ("目标", "Targets"),
        Text::SectionLastYear => ("去年情况", "Last year"),
        Text::SectionAssessment => ("考核", "Assessment"),
        Text::SectionBehaviour => ("行为参数", "Behaviour"),
        Text::SectionFloors => ("底线要求", "Floors"),
        // Planner
        Text::ObjectiveAxisCases => ("避免发案（起）", "Cases averted"),
        Text::ObjectiveAxisLossWan => ("减少损失（万元）", "Loss averted (10k yuan)"),
        Text::ObjectiveAxisLoss => ("减少损失（元）", "Loss averted (yuan)"),
        Text::ObjectiveAxisValue => ("目标口径值（%）", "Target measure (%)"),
        Text::ObjectiveAxisProbability => ("达成概率（%）", "Chance of meeting the target (%)"),
        Text::AxisBudgetWanYuan => ("预算（万元）", "Budget (10k yuan)"),
        Text::AxisBudgetYuan => ("预算（元）", "Budget (yuan)"),
        Text::LegendFrontier => ("各预算下的最优结果", "Best result at each budget"),
        Text::LegendSuggested => ("建议方案", "Suggested plan"),
        Text::LegendAtLow => ("参数取低值", "Number at its low value"),
        Text::LegendAtHigh => ("参数取高值", "Number at its high value"),
        Text::OptimiseHeading => ("优化方案：钱怎么花效果最好", "Optimise: the best use of the money"),
        Text::OptimiseIntro => ("在预算内调整各渠道各阶段的投入量和奖励标准（默认为当前方案的0.5–2倍），每次把下一笔钱投向效果最大的地方，再两两调换微调。结果可一键采用，也可撤销。", "Moves the units of each channel in each phase and the rewards (by default 0.5–2× the current plan) within the budget, each next step of money where it buys the most, then refines by pairwise swaps. Apply the result in one click; undo takes it back."),
        Text::ObjectiveLabel => ("优化目标", "Objective"),
        Text::ObjectiveCasesAverted => ("避免发案最多", "Most cases averted"),
        Text::ObjectiveLossAverted => ("减少损失最多", "Most loss averted"),
        Text::ObjectiveTargetValue => ("目标完成值最高", "Highest value of a target"),
        Text::ObjectiveTargetProbability => ("达成目标的概率最高", "Best odds of meeting a target"),
        Text::ObjectiveMinCost => ("达成目标的最低花费", "Least cost to meet a target"),
        Text::ObjectiveTargetLabel => ("针对目标", "For the target"),
        Text::ObjectiveProbabilityLabel => ("要求的达成概率", "Required chance"),
        Text::ObjectiveProbabilityHint => ("%，留空表示按确定性推演达标", "%; empty means met in the central run"),
        Text::OptimiseBudgetLabel => ("可用预算", "Budget to spend"),
        Text::OptimiseBudgetHint => ("元，留空表示按方案的总预算", "yuan; empty means the plan's total budget"),
        Text::LowFactorLabel => ("每项投入下限", "Lower bound of each item"),
        Text::HighFactorLabel => ("每项投入上限", "Upper bound of each item"),
        Text::FactorHint => ("× 当前方案的投入量", "× the current plan's amount"),
        Text::IncludeRewardsLabel => ("同时优化奖励标准", "Optimise the rewards too"),
        Text::WithFrontierLabel => ("计算预算—效果曲线（较慢）", "Compute the budget–result curve (slower)"),
        Text::RunOptimise => ("开始优化", "Optimise"),
        Text::CancelOptimise => ("取消", "Cancel"),
        Text::ApplyPlan => ("采用建议方案", "Apply the suggested plan"),
        Text::PhaseOptimise => ("正在优化", "Optimising"),
        Text::PhaseTornado => ("正在分析参数敏感性", "Testing the parameters"),
        Text::PhaseFrontier => ("正在计算预算—效果曲线", "Computing the budget–result curve"),
        Text::OptimiseOutdated => ("方案已修改，以下为修改前方案的优化结果。", "The plan changed; below is the optimisation of the earlier plan."),
        Text::VariablesHeading => ("各项投入：当前 → 建议", "Each item: current → suggested"),
        Text::ColumnItem => ("项目", "Item"),
        Text::ColumnUnit => ("单位", "Unit"),
        Text::ColumnDraft => ("当前", "Current"),
        Text::ColumnSuggested => ("建议", "Suggested"),
        Text::ColumnMarginal => ("每多投1000元的效果", "Gain per next 1 000 yuan"),
        Text::RowObjective => ("目标值", "Objective"),
        Text::RowCost => ("总费用", "Total cost"),
        Text::ShowUnchanged => ("显示未变化的项目", "Show unchanged items"),
        Text::ChartFrontierTitle => ("预算—效果曲线", "Result against budget"),
        Text::ChartFrontierAlt => ("折线图：每个预算下能达到的最好结果，红点为当前方案，绿点为建议方案", "Line chart: the best result at each budget; red dot the current plan, green dot the suggestion"),
        Text::ChartTornadoTitle => ("哪些假设影响最大", "Which assumptions matter most"),
        Text::ChartTornadoAlt => ("龙卷风图：每个不确定参数取低值和高值时结果的变化，按影响大小排序", "Tornado chart: the result with each uncertain number at its low and high value, largest first"),
        Text::OptimiseFailed => ("优化未能完成：", "The optimisation could not finish:"),
        // Editor and timeline
        Text::EditorHeading => ("方案编辑", "Edit scenario"),
        Text::EditorHelp => (
            "逐项修改方案文件：每次修改立即重新推演；输入有误时显示原因，结果保持上一次有效值。",
            "Edit every part of the file: each change re-runs the simulation; a wrong value is explained and the last valid results stay.",
        ),
        Text::TabTownship => ("乡镇与村", "Township"),
        Text::TabSegments => ("人群", "Segments"),
        Text::TabProducts => ("产品", "Products"),
        Text::TabChannels => ("宣传载体", "Channels"),
        Text::TabSchedule => ("宣传安排", "Schedule"),
        Text::TabPhases => ("阶段", "Phases"),
        Text::TabRewards => ("奖励与预算", "Rewards & budget"),
        Text::TabTargets => ("目标", "Targets"),
        Text::TabLastYear => ("上年发案", "Last year"),
        Text::TabAssessment => ("考核", "Assessment"),
        Text::TabBehaviour => ("行为参数", "Behaviour"),
        Text::AddRow => ("＋ 添加一行", "+ Add row"),
        Text::RemoveRow => ("删除此行", "Remove this row"),
        Text::PasteRows => ("粘贴行（Excel/WPS）", "Paste rows (Excel/WPS)"),
        Text::PasteHelp => (
            "从 Excel 或 WPS 复制若干行粘贴到下面（制表符分隔），每行依次为：",
            "Copy rows from Excel or WPS and paste them below (tab-separated); each row holds, in order:",
        ),
        Text::PasteApply => ("添加这些行", "Add these rows"),
        Text::PasteCancel => ("取消", "Cancel"),
        Text::ColRowNumber => ("#", "#"),
        Text::AllVillages => ("全部村", "All villages"),
        Text::NoneOption => ("（无）", "(none)"),
        Text::WholePeriod => ("整个方案期", "Whole period"),
        Text::WholeTownship => ("全镇", "Whole township"),
        Text::DefaultAssessmentNote => (
            "本方案使用默认考核规则（seed 004 百分制）。",
            "This plan uses the default assessment (seed 004's 100-point scheme).",
        ),
        Text::EditDefaultAssessment => ("写出默认规则以便修改", "Write out the default rules to edit them"),
        Text::GeneralHeading => ("方案概况", "General"),
        Text::VillagesHeading => ("村/社区", "Villages"),
        Text::FloorsHeading => ("最低数量（如“每村横幅 ≥ 2 幅”）", "Floors (e.g. \"≥ 2 banners per village\")"),
        Text::RewardsHeading => ("奖励（每个核实安装）", "Rewards (per verified install)"),
        Text::BudgetHeading => ("预算上限", "Budget caps"),
        Text::PhaseCapsHeading => ("各阶段预算上限", "Budget cap per phase"),
        Text::PhaseCapsHint => ("元，留空表示不设上限", "yuan; empty means no cap"),
        Text::LastYearNote => (
            "上年发案是同比的基数；可填 12 个月的发案数，或全年总数（按春节高峰分布摊到各月）。",
            "Last year's cases are the year-on-year baseline: twelve monthly counts, or an annual total spread with the Spring Festival peak.",
        ),
        Text::ColParameter => ("参数", "Parameter"),
        Text::ColValue => ("取值", "Value"),
        Text::ColLow => ("最低", "Low"),
        Text::ColHigh => ("最高", "High"),
        Text::ColUnit => ("单位", "Unit"),
        Text::ColAllowed => ("允许范围", "Allowed"),
        Text::ColSource => ("来源", "Source"),
        Text::Assumption => ("假设", "assumption"),
        Text::HintUnit => ("单位", "Unit"),
        Text::HintRange => ("合理范围", "Range"),
        Text::HintAllowed => ("允许", "Allowed"),
        Text::HintSource => ("来源", "Source"),
        Text::NoRange => ("未给范围", "no range given"),
        Text::HintHeading => ("参数说明", "About this parameter"),
        Text::HintEmpty => (
            "把光标放到某个参数上，这里显示它的单位、范围和来源。",
            "Put the cursor on a parameter to see its unit, range and source here.",
        ),
        Text::TimelineHeading => ("阶段时间轴", "Phase timeline"),
        Text::TimelineHelp => (
            "拖动色条移动阶段，拖动两端改变起止日期，也可直接输入日期；菱形为目标截止日。",
            "Drag a bar to move a phase, drag its ends to resize it, or type the dates; diamonds mark target deadlines.",
        ),
        Text::TimelineOverlap => ("重叠", "overlaps"),
        Text::TimelineDeadline => ("目标截止日", "Target deadline"),
        Text::TimelineStartHandle => ("拖动改变开始日期", "Drag to change the start date"),
        Text::TimelineEndHandle => ("拖动改变结束日期", "Drag to change the end date"),
        Text::DefaultUnit => ("个", "unit"),
        Text::MonthlyCasesHeading => ("上年各月发案数（起）", "Last year's cases per month"),
        Text::PlanTitle => ("方案名称", "Plan title"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A month on a chart axis, e.g. `6月`.
pub fn month(lang: Lang, month: u32) -> String {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::Zh => format!("{month}月"),
        Lang::En => EN.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?").to_string(),
    }
}

/// A day of the year, e.g. `6月30日`.
pub fn month_day(lang: Lang, month_number: u32, day: u32) -> String {
    match lang {
        Lang::Zh => format!("{month_number}月{day}日"),
        Lang::En => format!("{day} {}", month(lang, month_number)),
    }
}

/// A template in the selector, e.g. `洪林镇 · 2022年`.
pub fn template_option(lang: Lang, township: &str, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{township} · {year}年"),
        Lang::En => format!("{township} · {year}"),
    }
}

/// A field of another target or phase than the selected one, e.g. `目标“6月底注册率80%”的截止日期`.
pub fn field_of(lang: Lang, owner: Text, owner_name: &str, field: Text) -> String {
    match lang {
        Lang::Zh => format!("{}“{owner_name}”的{}", text(lang, owner), text(lang, field)),
        Lang::En => format!("{} of {} \"{owner_name}\"", text(lang, field), text(lang, owner).to_lowercase()),
    }
}

/// An error message: the field's name, then why.
pub fn field_error(lang: Lang, field: &str, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("{field}：{reason}"),
        Lang::En => format!("{field}: {reason}"),
    }
}

/// A header of the daily CSV for people (Excel, WPS), with its unit.
pub fn daily_column(lang: Lang, column: wuzha::export::DailyColumn, product_names: &[String]) -> String {
    use wuzha::export::DailyColumn as Column;
    let zh = lang == Lang::Zh;
    let pick = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    match column {
        Column::Date => pick("日期", "Date"),
        Column::Reached => pick("宣传覆盖（占常住人口）", "Reached (share of residents)"),
        Column::Aware => pick("知晓率（占常住人口）", "Aware (share of residents)"),
        Column::Adopted(product_idx) => {
            let name = product_names.get(product_idx).map_or("", String::as_str);
            if zh {
                format!("{name}安装率（占常住人口）")
            } else {
                format!("{name} adoption (share of residents)")
            }
        }
        Column::CashCostCum => pick("累计费用（元）", "Cash to date (yuan)"),
        Column::RewardsPaidCum => pick("累计奖励（元）", "Rewards to date (yuan)"),
        Column::StaffHoursCum => pick("累计工时（小时）", "Staff hours to date"),
        Column::CasesExpectedCum => pick("累计预计发案（起）", "Expected cases to date"),
        Column::CasesReportedCum => pick("累计报案（起）", "Reported cases to date"),
        Column::CounterfactualCasesCum => pick("不开展宣传累计发案（起）", "Cases to date with no campaign"),
        Column::LastYearCasesCum => pick("去年同期累计发案（起）", "Cases to date last year"),
    }
}

/// Village table: the adoption column for a product.
pub fn adopted_column(lang: Lang, product: &str) -> String {
    match lang {
        Lang::Zh => format!("{product}安装率"),
        Lang::En => format!("{product} adoption"),
    }
}

/// Village table: the selected target's column.
pub fn village_target_column(lang: Lang, target: &str, deadline: &str) -> String {
    match lang {
        Lang::Zh => format!("{target}（{deadline}）"),
        Lang::En => format!("{target} ({deadline})"),
    }
}

/// The message when a plan is too large for a link.
pub fn link_too_long(lang: Lang, n_chars: usize, limit: usize) -> String {
    match lang {
        Lang::Zh => format!("方案过大，链接有 {n_chars} 个字符（上限 {limit}），在微信等聊天工具中可能被截断。请用“保存文件”发送文件。"),
        Lang::En => format!(
            "The plan is too large for a link ({n_chars} characters, limit {limit}); chat apps may cut it. Use Save file and send the file."
        ),
    }
}

/// The heading above the reasons a file was refused.
pub fn file_refused_heading(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("文件“{name}”未打开，当前方案保持不变："),
        Lang::En => format!("The file \"{name}\" was not opened; the current plan is unchanged:"),
    }
}

/// The heading of the notes about a file that was opened with warnings (unknown fields kept, version converted).
pub fn file_warnings_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "文件已打开，请注意：",
        Lang::En => "The file was opened; please note:",
    }
}

/// The banner when autosave is refused: `unavailable` when the browser offers no storage, else it is full.
pub fn storage_refused(lang: Lang, unavailable: bool) -> &'static str {
    match (lang, unavailable) {
        (Lang::Zh, true) => "浏览器不允许本页保存数据（隐私模式或已禁用网站数据），关闭页面后修改将丢失。请下载备份文件。",
        (Lang::Zh, false) => "浏览器存储空间已满，最近的修改未能自动保存。请下载备份文件。",
        (Lang::En, true) => {
            "This browser does not let the page keep data (private mode or site data disabled): edits are lost when the page closes. Download a backup."
        }
        (Lang::En, false) => "The browser's storage is full: the latest edits were not autosaved. Download a backup.",
    }
}

/// The label of the button that downloads the current plan as a file.
pub fn download_backup(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "下载备份文件",
        Lang::En => "Download backup",
    }
}

/// The notice when another tab of the app saved a different plan.
pub fn other_tab_saved(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "另一个标签页中的无诈推演保存了不同的方案。两个标签页会互相覆盖自动保存：请只在一个标签页中编辑，或先下载本页的备份。",
        Lang::En => {
            "Another tab of Wuzha saved a different plan. The two tabs overwrite each other's autosave: edit in one tab only, or download this tab's backup first."
        }
    }
}

/// The label of the crash banner's download button.
pub const DOWNLOAD_MY_DATA: &str = "下载我的数据 Download my data";

/// A file refused for its size.
pub fn file_too_large(lang: Lang, name: &str, bytes: f64, limit: f64) -> String {
    let (mb, limit_mb) = (bytes / 1_048_576.0, limit / 1_048_576.0);
    match lang {
        Lang::Zh => format!("{name}：文件过大（{mb:.1} MB，上限 {limit_mb:.0} MB），未打开"),
        Lang::En => format!("{name}: file too large ({mb:.1} MB, limit {limit_mb:.0} MB); not opened"),
    }
}

/// A file whose text could not be read.
pub fn file_unreadable(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}：无法读取该文件的文本，未打开"),
        Lang::En => format!("{name}: the file's text cannot be read; not opened"),
    }
}

/// Why an entry is not a number.
pub fn not_a_number(lang: Lang, raw: &str) -> String {
    match (lang, raw.trim().is_empty()) {
        (Lang::Zh, true) => "请输入数值".to_string(),
        (Lang::En, true) => "please enter a number".to_string(),
        (Lang::Zh, false) => format!("“{}”不是有效的数值", raw.trim()),
        (Lang::En, false) => format!("\"{}\" is not a number", raw.trim()),
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
    let is_default =
        wuzha::validate::default_assessment(0).iter().any(|default| default.id == rule.id && default.name == rule.name);
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

/// The parser-style detail (English, like serde's) when the JS API gets neither an object nor JSON text;
/// it appears inside the core's localised "malformed" message.
pub fn not_a_scenario(found_type: &str) -> String {
    format!("expected a scenario object or its JSON text, found {found_type}")
}

// Editor and timeline

/// The label of a field of the scenario file in the editor, by its key (e.g. `residents` → `常住人口`).
pub fn editor_field(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "id" => ("编号", "Id"),
        "name" => ("名称", "Name"),
        "unit" => ("计量单位", "Unit"),
        "county" => ("县/区", "County"),
        "note" => ("说明", "Note"),
        "township" => ("乡镇/街道", "Township"),
        "start_date" => ("方案开始", "Plan starts"),
        "end_date" => ("方案结束", "Plan ends"),
        "start" => ("开始日期", "Start"),
        "end" => ("结束日期", "End"),
        "deadline" => ("截止日期", "Deadline"),
        "seed" => ("随机种子", "Random seed"),
        "residents" => ("常住人口", "Residents"),
        "households" => ("户数", "Households"),
        "grids" => ("网格数", "Grids"),
        "grid_workers" => ("网格员", "Grid workers"),
        "share" => ("人口占比", "Share of residents"),
        "smartphone_share" => ("手机持有率", "Smartphone share"),
        "victim_share" => ("受害占比", "Share of victims"),
        "initial_aware" => ("初始知晓率", "Aware on day one"),
        "initial_adopted" => ("初始安装率", "Adopted on day one"),
        "priority" => ("重点人群", "Priority group"),
        "loss_per_case_yuan" => ("每案损失", "Loss per case"),
        "p0" => ("自发安装率 p0", "Spontaneous adoption p0"),
        "q" => ("口碑系数 q", "Word of mouth q"),
        "uninstall_rate" => ("卸载率 μ", "Uninstall rate μ"),
        "risk_cut" => ("风险降低 r_app", "Risk cut r_app"),
        "kind" => ("方式", "Kind"),
        "cost_per_unit_yuan" => ("单位成本", "Cost per unit"),
        "fixed_cost_yuan" => ("一次性成本", "One-off cost"),
        "reach_per_unit" => ("每单位接触", "Reach per unit"),
        "affinity" => ("人群权重", "Segment weight"),
        "awareness_lift" => ("意识提升 λ", "Awareness lift λ"),
        "adoption_lift" => ("安装带动 β", "Adoption lift β"),
        "carry_over_per_week" => ("每周延续 θ", "Carry-over θ per week"),
        "hill_alpha" => ("饱和形状 α", "Hill shape α"),
        "hill_gamma" => ("半饱和点 γ", "Half-saturation γ"),
        "staff_hours_per_unit" => ("每单位工时", "Staff hours per unit"),
        "visits_per_hour" => ("每小时走访户数", "Visits per hour"),
        "install_conversion" => ("走访安装比例", "Install conversion"),
        "parent" => ("所属阶段", "Nested in"),
        "channel" => ("宣传载体", "Channel"),
        "phase" => ("阶段", "Phase"),
        "units" => ("数量", "Units"),
        "per" => ("计数周期", "Per"),
        "basis" => ("分配对象", "Basis"),
        "village" => ("村/社区", "Village"),
        "schedule" => ("宣传安排", "Schedule line"),
        "floor" => ("最低数量", "Floor"),
        "reward" => ("奖励", "Reward"),
        "target" => ("目标", "Target"),
        "assessment" => ("考核项", "Assessment rule"),
        "min_units_per_village" => ("每村最低数量", "Minimum per village"),
        "product" => ("产品", "Product"),
        "yuan_per_install" => ("每个安装奖励", "Reward per install"),
        "total_yuan" => ("总预算", "Total budget"),
        "per_phase_yuan" => ("阶段预算", "Phase budget"),
        "metric" => ("指标", "Metric"),
        "segment" => ("人群", "Segment"),
        "denominator" => ("分母", "Denominator"),
        "threshold" => ("目标值", "Threshold"),
        "cases_monthly" => ("月发案数", "Cases in the month"),
        "cases_total" => ("全年发案数", "Cases in the year"),
        "loss_total_yuan" => ("全年损失", "Loss in the year"),
        "points_max" => ("满分", "Most points"),
        "flat_points" => ("持平得分", "Points when flat"),
        "points_per_pct_rise" => ("每升1点扣分", "Points lost per point of rise"),
        "zero_at_rise_pct" => ("上升到此%得0分", "Zero at a rise of (%)"),
        "full_decline_pct" => ("下降此%得满分", "Full marks at a decline of (%)"),
        "points" => ("人工得分", "Points given"),
        "targets" => ("计入的目标", "Targets counted"),
        "awareness_half_life_days" => ("防骗意识半衰期", "Awareness half-life"),
        "awareness_gate_m0" => ("无意识者安装倾向 m0", "Adoption gate of the unaware m0"),
        "risk_cut_aware" => ("有意识者风险降低 r_aw", "Risk cut when aware r_aw"),
        "reporting_uplift" => ("报案增加", "Reporting uplift"),
        "case_trend" => ("发案趋势", "Case trend"),
        "effort_max" => ("奖励最大增效 e_max", "Most reward effort e_max"),
        "effort_half_yuan" => ("半增效奖励额 r_half", "Reward for half effort r_half"),
        "gaming_max" => ("最大虚报 φ_max", "Most false claims φ_max"),
        "gaming_half_yuan" => ("半虚报奖励额 r_φ", "Reward for half gaming r_φ"),
        "verification_share" => ("核验查出比例", "Share of false claims caught"),
        "staff_hours_per_worker_day" => ("每名网格员每天工时", "Hours per grid worker a day"),
        "alerts_per_case" => ("每案警情数", "Alerts per case"),
        _ => ("字段", "Field"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The unit of a field, by its key (empty when it has none).
pub fn editor_unit(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "residents" | "grid_workers" => ("人", "people"),
        "households" => ("户", "households"),
        "grids" => ("个", "grids"),
        "share" | "smartphone_share" | "victim_share" | "initial_aware" | "initial_adopted" | "risk_cut"
        | "install_conversion" | "awareness_gate_m0" | "risk_cut_aware" | "verification_share" | "threshold" => {
            ("0-1 的比例", "share 0-1")
        }
        "carry_over_per_week" => ("每周留存比例 0-1", "share kept per week, 0-1"),
        "loss_per_case_yuan" | "cost_per_unit_yuan" | "fixed_cost_yuan" | "total_yuan" | "per_phase_yuan"
        | "loss_total_yuan" => ("元", "yuan"),
        "yuan_per_install" => ("元/个", "yuan per install"),
        "effort_half_yuan" | "gaming_half_yuan" => ("元/个", "yuan per install"),
        "p0" | "q" | "uninstall_rate" | "awareness_lift" | "adoption_lift" => ("每天", "per day"),
        "reach_per_unit" => ("人次/单位", "contacts per unit"),
        "hill_gamma" => ("人均接触次数", "contacts per person"),
        "hill_alpha" | "effort_max" | "gaming_max" | "reporting_uplift" => ("倍数", "factor"),
        "case_trend" | "alerts_per_case" => ("倍", "times"),
        "staff_hours_per_unit" | "staff_hours_per_worker_day" => ("小时", "hours"),
        "visits_per_hour" => ("户/小时", "households per hour"),
        "units" | "min_units_per_village" => ("单位", "units"),
        "awareness_half_life_days" => ("天", "days"),
        "cases_monthly" | "cases_total" => ("起", "cases"),
        "points_max" | "flat_points" | "points_per_pct_rise" | "points" => ("分", "points"),
        "zero_at_rise_pct" | "full_decline_pct" => ("%", "%"),
        "affinity" => ("相对权重", "relative weight"),
        _ => ("", ""),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The name of a code value of a choice field (`per: week` → `每周`), or the code itself when unknown.
pub fn choice_label(lang: Lang, key: &str, code: &str) -> String {
    let pair = match (key, code) {
        ("kind", "broadcast") => ("大众宣传", "broadcast"),
        ("kind", "door_to_door") => ("入户走访", "door to door"),
        ("kind", "yoy_cases") => ("发案同比", "cases year on year"),
        ("kind", "targets_met") => ("目标达成", "targets met"),
        ("kind", "manual") => ("人工评分", "manual"),
        ("per", "phase") => ("整个阶段", "whole phase"),
        ("per", "day") => ("每天", "per day"),
        ("per", "week") => ("每周", "per week"),
        ("per", "month") => ("每月", "per month"),
        ("basis", "per_village") => ("每个村", "each village"),
        ("basis", "per_grid_worker") => ("每名网格员", "each grid worker"),
        ("basis", "township_total") => ("全镇合计", "township total"),
        ("metric", "adoption") => ("安装/注册率", "adoption"),
        ("metric", "reach") => ("宣传覆盖", "reach"),
        ("metric", "awareness") => ("知晓率", "awareness"),
        ("metric", "yoy_cases") => ("发案同比", "cases year on year"),
        ("metric", "yoy_loss") => ("损失同比", "loss year on year"),
        ("denominator", "residents") => ("常住人口", "residents"),
        ("denominator", "smartphone_holders") => ("手机持有人", "smartphone holders"),
        _ => return code.to_string(),
    };
    match lang {
        Lang::Zh => pair.0.to_string(),
        Lang::En => pair.1.to_string(),
    }
}

/// The name of a new row, e.g. `新村 13`.
pub fn new_row_name(lang: Lang, table: &str, number: usize) -> String {
    let (zh, en) = match table {
        "villages" => ("新村", "New village"),
        "segments" => ("新人群", "New segment"),
        "products" => ("新产品", "New product"),
        "channels" => ("新载体", "New channel"),
        "phases" => ("新阶段", "New phase"),
        "targets" => ("新目标", "New target"),
        _ => ("新考核项", "New rule"),
    };
    match lang {
        Lang::Zh => format!("{zh}{number}"),
        Lang::En => format!("{en} {number}"),
    }
}

/// An allowed range, e.g. `允许 1 – 2000000 的整数`; empty when the field has no range.
pub fn allowed_range(lang: Lang, min: Option<f64>, max: Option<f64>, whole: bool) -> String {
    let show = |value: f64| crate::format::decimal(value, 6);
    let range = match (min, max) {
        (Some(min), Some(max)) => format!("{} – {}", show(min), show(max)),
        (Some(min), None) => format!("≥ {}", show(min)),
        (None, Some(max)) => format!("≤ {}", show(max)),
        (None, None) => return String::new(),
    };
    match (lang, whole) {
        (Lang::Zh, true) => format!("允许 {range} 的整数"),
        (Lang::Zh, false) => format!("允许 {range}"),
        (Lang::En, true) => format!("a whole number in {range}"),
        (Lang::En, false) => format!("allowed {range}"),
    }
}

/// Why a typed value was not used, with the field's allowed range, e.g.
/// `常住人口：“abc”不是有效的数值（允许 1 – 2000000 的整数）`.
pub fn edit_error(lang: Lang, label: &str, error: &crate::edit::EditError, range: &str) -> String {
    use crate::edit::EditError;
    let with_range = |reason: String| {
        if range.is_empty() {
            reason
        } else if lang == Lang::Zh {
            format!("{reason}（{range}）")
        } else {
            format!("{reason} ({range})")
        }
    };
    let reason = match error {
        EditError::NotANumber(raw) => with_range(not_a_number(lang, raw)),
        EditError::NotWhole(raw) => with_range(match lang {
            Lang::Zh => format!("“{raw}”不是整数"),
            Lang::En => format!("\"{raw}\" is not a whole number"),
        }),
        EditError::BadDate(raw) => match lang {
            Lang::Zh => format!("“{raw}”不是有效日期（格式 YYYY-MM-DD）"),
            Lang::En => format!("\"{raw}\" is not a date (YYYY-MM-DD)"),
        },
        EditError::BadPath(path) => match lang {
            Lang::Zh => format!("方案中没有字段 {path}"),
            Lang::En => format!("the plan has no field {path}"),
        },
        EditError::TooMany(max) => match lang {
            Lang::Zh => format!("最多 {max} 行"),
            Lang::En => format!("at most {max} rows"),
        },
        EditError::PasteCell { row, column, key, reason } => {
            let inner = edit_error(lang, editor_field(lang, key), reason, "");
            match lang {
                Lang::Zh => format!("粘贴的第 {row} 行第 {column} 列 {inner}；未添加任何行"),
                Lang::En => format!("pasted row {row}, column {column}: {inner}; no rows were added"),
            }
        }
        EditError::NothingToPaste => match lang {
            Lang::Zh => "没有可粘贴的行".to_string(),
            Lang::En => "there are no rows to paste".to_string(),
        },
        EditError::Rejected(error) => error.reason(lang),
    };
    field_error(lang, label, &reason)
}

/// A field of a row, e.g. `村/社区“桃园村”的常住人口` or `Residents of village "桃园村"`.
pub fn row_field(lang: Lang, table_label: &str, row_name: &str, field: &str) -> String {
    match lang {
        Lang::Zh => format!("{table_label}“{row_name}”的{field}"),
        Lang::En => format!("{field} of {} \"{row_name}\"", table_label.to_lowercase()),
    }
}

/// Two fields that contradict each other, e.g. `与“常住人口”矛盾` (more households than residents).
pub fn conflicts_with(lang: Lang, other: &str) -> String {
    match lang {
        Lang::Zh => format!("与“{other}”矛盾"),
        Lang::En => format!("contradicts {other}"),
    }
}

/// The hover text of a behavioural parameter: unit, range, allowed values and source, one per line.
pub fn param_hint(lang: Lang, unit: &str, range: &str, allowed: &str, source: &str) -> String {
    let line = |key: Text, value: &str| field_error(lang, text(lang, key), value);
    let mut lines = Vec::new();
    if !unit.is_empty() {
        lines.push(line(Text::HintUnit, unit));
    }
    lines.push(line(Text::HintRange, range));
    if !allowed.is_empty() {
        lines.push(line(Text::HintAllowed, allowed));
    }
    lines.push(line(Text::HintSource, source));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_read_as_planners_write_them() {
        assert_eq!(month(Lang::Zh, 6), "6月");
        assert_eq!(month(Lang::En, 12), "Dec");
        assert_eq!(month(Lang::En, 13), "?");
        assert_eq!(month_day(Lang::Zh, 6, 30), "6月30日");
        assert_eq!(
            field_error(Lang::Zh, text(Lang::Zh, Text::RewardLabel), "数值 -3 超出允许范围（0 – 1000）"),
            "奖励标准：数值 -3 超出允许范围（0 – 1000）"
        );
    }
}

/// Why a seed cannot be read.
pub fn not_a_seed(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("“{text}”不是有效的种子，应为 0 到 9007199254740991 之间的整数"),
        Lang::En => format!("\"{text}\" is not a valid seed: use a whole number from 0 to 9007199254740991"),
    }
}

/// Legend of a Monte Carlo fan, e.g. `P10–P90（200次模拟）`.
pub fn band_legend(lang: Lang, n_runs: usize) -> String {
    match lang {
        Lang::Zh => format!("P10–P90（{n_runs}次模拟）"),
        Lang::En => format!("P10–P90 ({n_runs} runs)"),
    }
}

/// How often a target is met, in words: "约10次中有7次" / "about 7 in 10 runs"; near 0 and 1 in hundreds,
/// and "every run" ("all runs") or "no run" only when that is exactly so.
pub fn how_often(lang: Lang, probability: f64) -> String {
    let probability = probability.clamp(0.0, 1.0);
    let zh = lang == Lang::Zh;
    if probability >= 1.0 {
        return if zh { "每次模拟都".to_string() } else { "all runs".to_string() };
    }
    if probability <= 0.0 {
        return if zh { "没有一次模拟".to_string() } else { "no runs".to_string() };
    }
    let (count, out_of) = if (0.05..=0.95).contains(&probability) {
        ((probability * 10.0).round(), 10)
    } else {
        ((probability * 100.0).round().clamp(1.0, 99.0), 100)
    };
    match lang {
        Lang::Zh => format!("约{out_of}次中有{count}次"),
        Lang::En => format!("about {count} in {out_of} runs"),
    }
}

/// What a target asks, in words: a share to reach, or a year-on-year change.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// Reach this share, e.g. `80%`.
    Share(String),
    /// No year-on-year rise (threshold 0).
    NoRise,
    /// A fall of at least this much, e.g. `10%`.
    FallAtLeast(String),
    /// A rise of at most this much, e.g. `5%`.
    RiseAtMost(String),
}

/// The sentence for one target, e.g. `约10次中有7次在6月30日前达到80%（6月底注册率80%）`; `deadline` is the
/// formatted date.
pub fn target_sentence(lang: Lang, how_often: &str, goal: &Goal, deadline: &str, name: &str) -> String {
    match lang {
        Lang::Zh => {
            let goal = match goal {
                Goal::Share(share) => return format!("{how_often}在{deadline}前达到{share}（{name}）"),
                Goal::NoRise => "同比不上升".to_string(),
                Goal::FallAtLeast(change) => format!("同比下降至少{change}"),
                Goal::RiseAtMost(change) => format!("同比上升不超过{change}"),
            };
            format!("{how_often}截至{deadline}{goal}（{name}）")
        }
        Lang::En => {
            let goal = match goal {
                Goal::Share(share) => return format!("{how_often} reach {share} by {deadline} ({name})"),
                Goal::NoRise => "no rise year on year".to_string(),
                Goal::FallAtLeast(change) => format!("a fall of at least {change} year on year"),
                Goal::RiseAtMost(change) => format!("a rise of at most {change} year on year"),
            };
            format!("{how_often} show {goal} by {deadline} ({name})")
        }
    }
}

/// When a target is first met across runs, e.g. `中位数6月12日，10%的模拟到期仍未达到`.
pub fn first_met_line(lang: Lang, median: Option<&str>, share_never: &str) -> String {
    match (lang, median) {
        (Lang::Zh, Some(median)) => format!("首次达到日期中位数：{median}；{share_never}的模拟到期末仍未达到"),
        (Lang::Zh, None) => format!("多数模拟到期末仍未达到（{share_never}）"),
        (Lang::En, Some(median)) => format!("median date first met: {median}; {share_never} of runs never meet it"),
        (Lang::En, None) => format!("most runs never meet it ({share_never})"),
    }
}

/// The chance-alone sentence: with last year's plan unchanged, the chance that reported cases still rise.
pub fn chance_alone_sentence(lang: Lang, probability: &str, last_year_cases: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "即使工作与去年完全相同，仅因偶然波动，全年报案数高于去年（{last_year_cases}起）的概率也约有{probability}。案件数少时，同比升降不全由工作决定。"
        ),
        Lang::En => format!(
            "Even with everything as last year, chance alone makes reported cases exceed last year's \
             ({last_year_cases}) with a probability of about {probability}. With few cases, a rise or fall is not \
             all the plan's doing."
        ),
    }
}

/// The plan's own chance of more reported cases than last year.
pub fn plan_rise_sentence(lang: Lang, probability: &str) -> String {
    match lang {
        Lang::Zh => format!("按本方案，全年报案数同比上升的概率约为{probability}。"),
        Lang::En => {
            format!("With this plan, the probability that reported cases rise year on year is about {probability}.")
        }
    }
}

/// Progress of the runs, e.g. `已完成 120 / 1000 次`.
pub fn runs_progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("已完成 {done} / {total} 次"),
        Lang::En => format!("{done} / {total} runs done"),
    }
}

/// What finished runs were, e.g. `1000 次模拟，用时 12.3 秒，种子 7`.
pub fn runs_done(lang: Lang, n_runs: usize, seconds: &str, seed: u64) -> String {
    match lang {
        Lang::Zh => format!("{n_runs} 次模拟，用时 {seconds} 秒，种子 {seed}"),
        Lang::En => format!("{n_runs} runs in {seconds} s, seed {seed}"),
    }
}

/// A distribution's quantiles in one line, e.g. `P10 3.2 · P50 4.1 · P90 5.0`.
pub fn quantiles_line(p10: &str, p50: &str, p90: &str) -> String {
    format!("P10 {p10} · P50 {p50} · P90 {p90}")
}

/// The name of a distribution in the uncertainty panel.
pub fn distribution_name(lang: Lang, quantity: Distribution) -> &'static str {
    let (zh, en) = match quantity {
        Distribution::Cash => ("总费用", "Total cost"),
        Distribution::CasesReported => ("全年报案（起）", "Reported cases in the year"),
        Distribution::CasesAverted => ("避免发案（起）", "Cases averted"),
        Distribution::Loss => ("损失", "Loss"),
        Distribution::Score => ("考核得分", "Assessment score"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A scalar distribution of the Monte Carlo summary, shown as a row of quantiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distribution {
    /// Cash spent in yuan.
    Cash,
    /// Reported cases.
    CasesReported,
    /// Cases averted against no campaign.
    CasesAverted,
    /// Loss in yuan.
    Loss,
    /// The assessment score.
    Score,
}

/// The name of a pinned option, e.g. `方案A`.
pub fn option_name(lang: Lang, letter: char) -> String {
    match lang {
        Lang::Zh => format!("方案{letter}"),
        Lang::En => format!("Option {letter}"),
    }
}

/// Why a number box's text cannot be used: not a number, or outside `[min, max]`.
pub fn not_in_range(lang: Lang, text: &str, min: &str, max: &str) -> String {
    match lang {
        Lang::Zh => format!("“{}”无效，应为 {min} 到 {max} 之间的数", text.trim()),
        Lang::En => format!("\"{}\" cannot be used: enter a number from {min} to {max}", text.trim()),
    }
}

/// Progress of an optimisation, e.g. `已试算 120 个方案`.
pub fn optimise_progress(lang: Lang, evaluations: usize) -> String {
    match lang {
        Lang::Zh => format!("已试算 {evaluations} 个方案"),
        Lang::En => format!("{evaluations} plans tried"),
    }
}
