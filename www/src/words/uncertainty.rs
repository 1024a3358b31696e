//! Words of the uncertainty panel (Monte Carlo runs) and its sentences.

use super::*;

words! {
    /// A fixed text of the uncertainty panel (Monte Carlo runs) and its sentences.
    Uncertainty {
        /// Heading of the uncertainty panel.
        UncertaintyHeading => ("不确定性：多次模拟", "Uncertainty: many runs"),
        /// What the uncertainty panel shows, under its heading.
        UncertaintyIntro => (
            "每次模拟在参数范围内随机取值，并加入发案的偶然波动；阴影为 P10–P90（10 次中 8 次落在其中）。",
            "Each run draws the parameters from their ranges and adds the chance of cases; shading is P10–P90 \
             (8 runs in 10 fall inside).",
        ),
        /// Label of the number-of-runs selector.
        RunsLabel => ("模拟次数", "Number of runs"),
        /// Label of the random seed box (also names it in error messages).
        SeedLabel => ("随机种子", "Random seed"),
        /// Hint beside the seed box.
        SeedHint => ("相同种子得到相同结果", "the same seed gives the same result"),
        /// Accessible label of the progress bar.
        ProgressLabel => ("模拟进度", "Progress of the runs"),
        /// Shown while runs of an older version of the plan are still the latest result.
        UncertaintyOutdated => ("方案已修改，正在重新模拟；下面是上一版方案的结果。", "The plan changed and is being run again; below are the results of the previous version."),
        /// Shown before the first runs finish.
        UncertaintyWaiting => ("正在模拟，请稍候……", "Running, please wait…"),
        /// Heading of the target chances list.
        TargetChancesHeading => ("达成目标的可能性", "Chance of meeting each target"),
        /// Label of a target's probability badge.
        ChanceBadgeLabel => ("达成概率", "chance met"),
        /// Heading of the chance-alone box.
        ChanceAloneHeading => ("偶然因素有多大", "How much is chance"),
        /// Title of the score histogram.
        ChartScoreTitle => ("考核得分分布", "Assessment score across runs"),
        /// Accessible description of the score histogram.
        ChartScoreAlt => (
            "直方图：各次模拟的考核得分；虚线为本方案的确定性推演得分",
            "Histogram of the assessment score over the runs; the dashed line is the plan's central run",
        ),
        /// X axis of the score histogram.
        AxisScore => ("考核得分（分）", "Assessment score (points)"),
        /// Y axis of the score histogram.
        AxisRuns => ("模拟次数", "Runs"),
        /// Legend: the deterministic plan's score on the histogram.
        LegendPlanScore => ("本方案（确定性推演）", "This plan (central run)"),
        /// Shown when the runs failed (with the reason after it).
        UncertaintyFailed => ("模拟未能完成：", "The runs could not finish:"),
        /// Label of the distributions table's quantity column.
        DistributionQuantity => ("指标", "Quantity"),
        // Further charts,
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
