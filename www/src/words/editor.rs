//! Words of the scenario editor and the phase timeline: sections, columns, field labels and units.

use super::*;

words! {
    /// A fixed text of the scenario editor and the phase timeline: sections, columns, field labels and units.
    Editor {
        /// Section names of the file, for the list of inputs that differ.
        SectionTownship => ("乡镇", "Township"),
        /// Villages.
        SectionVillages => ("村（社区）", "Villages"),
        /// Segments.
        SectionSegments => ("人群", "Groups"),
        /// Products.
        SectionProducts => ("产品", "Products"),
        /// Channels.
        SectionChannels => ("渠道", "Channels"),
        /// Phases.
        SectionPhases => ("阶段", "Phases"),
        /// Schedule.
        SectionSchedule => ("投放计划", "Schedule"),
        /// Rewards.
        SectionRewards => ("奖励", "Rewards"),
        /// Budget.
        SectionBudget => ("预算", "Budget"),
        /// Targets.
        SectionTargets => ("目标", "Targets"),
        /// Last year.
        SectionLastYear => ("去年情况", "Last year"),
        /// Assessment.
        SectionAssessment => ("考核", "Assessment"),
        /// Behavioural parameters.
        SectionBehaviour => ("行为参数", "Behaviour"),
        /// Floors.
        SectionFloors => ("底线要求", "Floors"),
        // Planner,
        /// Heading of the scenario editor.
        EditorHeading => ("方案编辑", "Edit scenario"),
        /// What the editor does, beside its heading.
        EditorHelp => (
            "逐项修改方案文件：每次修改立即重新推演；输入有误时显示原因，结果保持上一次有效值。",
            "Edit every part of the file: each change re-runs the simulation; a wrong value is explained and the last valid results stay.",
        ),
        /// Editor tab: township and villages.
        TabTownship => ("乡镇与村", "Township"),
        /// Editor tab: segments.
        TabSegments => ("人群", "Segments"),
        /// Editor tab: products.
        TabProducts => ("产品", "Products"),
        /// Editor tab: channels and floors.
        TabChannels => ("宣传载体", "Channels"),
        /// Editor tab: the schedule.
        TabSchedule => ("宣传安排", "Schedule"),
        /// Editor tab: phases.
        TabPhases => ("阶段", "Phases"),
        /// Editor tab: rewards and budget.
        TabRewards => ("奖励与预算", "Rewards & budget"),
        /// Editor tab: targets.
        TabTargets => ("目标", "Targets"),
        /// Editor tab: last year's cases.
        TabLastYear => ("上年发案", "Last year"),
        /// Editor tab: assessment rules.
        TabAssessment => ("考核", "Assessment"),
        /// Editor tab: behavioural parameters.
        TabBehaviour => ("行为参数", "Behaviour"),
        /// Button: add a row.
        AddRow => ("＋ 添加一行", "+ Add row"),
        /// Button: remove this row (accessible label).
        RemoveRow => ("删除此行", "Remove this row"),
        /// Button: open the paste box.
        PasteRows => ("粘贴行（Excel/WPS）", "Paste rows (Excel/WPS)"),
        /// Paste box: what to paste.
        PasteHelp => (
            "从 Excel 或 WPS 复制若干行粘贴到下面（制表符分隔），每行依次为：",
            "Copy rows from Excel or WPS and paste them below (tab-separated); each row holds, in order:",
        ),
        /// Paste box: the button that adds the pasted rows.
        PasteApply => ("添加这些行", "Add these rows"),
        /// Paste box: close without pasting.
        PasteCancel => ("取消", "Cancel"),
        /// Table header of the row-number column.
        ColRowNumber => ("#", "#"),
        /// Option: every village.
        AllVillages => ("全部村", "All villages"),
        /// Option: none (no parent, no segment, no product).
        NoneOption => ("（无）", "(none)"),
        /// Option: the whole scenario period.
        WholePeriod => ("整个方案期", "Whole period"),
        /// Option: the whole township.
        WholeTownship => ("全镇", "Whole township"),
        /// Shown when the file relies on the default assessment.
        DefaultAssessmentNote => (
            "本方案使用默认考核规则（seed 004 百分制）。",
            "This plan uses the default assessment (seed 004's 100-point scheme).",
        ),
        /// Button: write the default assessment out to edit it.
        EditDefaultAssessment => ("写出默认规则以便修改", "Write out the default rules to edit them"),
        /// Heading: the scenario's general fields.
        GeneralHeading => ("方案概况", "General"),
        /// Heading: the villages table.
        VillagesHeading => ("村/社区", "Villages"),
        /// Heading: the floors table.
        FloorsHeading => ("最低数量（如“每村横幅 ≥ 2 幅”）", "Floors (e.g. \"≥ 2 banners per village\")"),
        /// Heading: the rewards table.
        RewardsHeading => ("奖励（每个核实安装）", "Rewards (per verified install)"),
        /// Heading: budget caps.
        BudgetHeading => ("预算上限", "Budget caps"),
        /// Heading: the per-phase budget caps.
        PhaseCapsHeading => ("各阶段预算上限", "Budget cap per phase"),
        /// Hint under the per-phase caps.
        PhaseCapsHint => ("元，留空表示不设上限", "yuan; empty means no cap"),
        /// Note under last year's cases.
        LastYearNote => (
            "上年发案是同比的基数；可填 12 个月的发案数，或全年总数（按春节高峰分布摊到各月）。",
            "Last year's cases are the year-on-year baseline: twelve monthly counts, or an annual total spread with the Spring Festival peak.",
        ),
        /// Column: parameter name.
        ColParameter => ("参数", "Parameter"),
        /// Column: most likely value.
        ColValue => ("取值", "Value"),
        /// Column: lowest plausible value.
        ColLow => ("最低", "Low"),
        /// Column: highest plausible value.
        ColHigh => ("最高", "High"),
        /// Column: unit.
        ColUnit => ("单位", "Unit"),
        /// Column: allowed range.
        ColAllowed => ("允许范围", "Allowed"),
        /// Column: source.
        ColSource => ("来源", "Source"),
        /// Hint: a parameter with no source given.
        Assumption => ("假设", "assumption"),
        /// Hint label: unit.
        HintUnit => ("单位", "Unit"),
        /// Hint label: range.
        HintRange => ("合理范围", "Range"),
        /// Hint label: allowed values.
        HintAllowed => ("允许", "Allowed"),
        /// Hint label: source.
        HintSource => ("来源", "Source"),
        /// Hint: a parameter with no range.
        NoRange => ("未给范围", "no range given"),
        /// Side note heading of the parameter hint.
        HintHeading => ("参数说明", "About this parameter"),
        /// Side note when no parameter is focused.
        HintEmpty => (
            "把光标放到某个参数上，这里显示它的单位、范围和来源。",
            "Put the cursor on a parameter to see its unit, range and source here.",
        ),
        /// Heading of the phase timeline.
        TimelineHeading => ("阶段时间轴", "Phase timeline"),
        /// What the timeline does.
        TimelineHelp => (
            "拖动色条移动阶段，拖动两端改变起止日期，也可直接输入日期；菱形为目标截止日。",
            "Drag a bar to move a phase, drag its ends to resize it, or type the dates; diamonds mark target deadlines.",
        ),
        /// Label on a bar overlapping another phase.
        TimelineOverlap => ("重叠", "overlaps"),
        /// Legend: a target deadline marker.
        TimelineDeadline => ("目标截止日", "Target deadline"),
        /// Accessible label of a bar's start handle.
        TimelineStartHandle => ("拖动改变开始日期", "Drag to change the start date"),
        /// Accessible label of a bar's end handle.
        TimelineEndHandle => ("拖动改变结束日期", "Drag to change the end date"),
        /// A channel's default unit word in a new row.
        DefaultUnit => ("个", "unit"),
        /// Heading of the monthly cases.
        MonthlyCasesHeading => ("上年各月发案数（起）", "Last year's cases per month"),
        /// Label of the plan's title in the editor.
        PlanTitle => ("方案名称", "Plan title"),
    }
}

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
        "audience" => ("潜在受众（可触达比例，假设）", "Potential audience (share reachable, a guess)"),
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
        "attempts_per_case" => ("每案诈骗企图数 K", "Fraud attempts per case K"),
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
        | "install_conversion" | "audience" | "awareness_gate_m0" | "risk_cut_aware" | "verification_share"
        | "threshold" => ("0-1 的比例", "share 0-1"),
        "carry_over_per_week" => ("每周留存比例 0-1", "share kept per week, 0-1"),
        "loss_per_case_yuan" | "cost_per_unit_yuan" | "fixed_cost_yuan" | "total_yuan" | "per_phase_yuan"
        | "loss_total_yuan" => ("元", "yuan"),
        "yuan_per_install" => ("元/个", "yuan per install"),
        "effort_half_yuan" | "gaming_half_yuan" => ("元/个", "yuan per install"),
        "p0" | "q" | "uninstall_rate" | "awareness_lift" | "adoption_lift" => ("每天", "per day"),
        "reach_per_unit" => ("人次/单位", "contacts per unit"),
        "hill_gamma" => ("人均接触次数", "contacts per person"),
        "hill_alpha" | "effort_max" | "gaming_max" | "reporting_uplift" => ("倍数", "factor"),
        "case_trend" | "alerts_per_case" | "attempts_per_case" => ("倍", "times"),
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
