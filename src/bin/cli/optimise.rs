//! The planner's commands of the `wuzha` CLI: `optimise`, `frontier` and `sensitivity` (argument parsing,
//! output as text or JSON, `--out`). The work itself is `wuzha::optimise`.

use std::fmt::Write as _;
use wuzha::planner::{self as optimise, Objective, OptimiseConfig, OptimiseResult};
use wuzha::{Date, Lang, Scenario};

/// The planner commands, for the main usage text.
pub const USAGE: &str = "\
    wuzha optimise FILE [--objective NAME] [--budget B] [--target ID] [--probability P]
                   [--product ID] [--date YYYY-MM-DD] [--runs N] [--seed S] [--low F] [--high F]
                   [--phase-cap PHASE=YUAN]...
                   [--format text|json] [--out FILE] [--lang zh|en]
    wuzha frontier FILE [--objective NAME] [--points N] [--max-budget B] [same options as optimise]
    wuzha sensitivity FILE [--objective NAME] [--target ID] [--format text|json] [--lang zh|en]

PLANNER:
    optimise    Split the budget (--budget B yuan; by default the file's budget.total_yuan, else the draft's
                cash) across schedule lines and rewards to maximise --objective: cases_averted (default),
                loss_averted, adoption (--product ID, --date D; by default the first product on the last
                day), target_value (--target ID: the target's measure at its deadline), target_probability
                (--target ID; Monte Carlo with --runs N, default 20, and --seed S), or min_cost (--target ID:
                the cheapest plan meeting it; with --probability P in (0, 1], met in at least that share of
                the runs). Each line moves between --low and --high times its draft units (default 0.5
                and 2). --phase-cap PHASE=YUAN (repeatable) sets or replaces a phase's cap. Prints each variable (draft, suggested, marginal return per 1000 yuan), both plans'
                objective and cost, and a summary; --out FILE writes the optimised scenario file.
    frontier    The best objective at --points budgets (default 20) from 0 to --max-budget (default twice
                the draft's cash); lines may go down to --low (default 0 here). Never goes down.
    sensitivity Each uncertain number moved to its low and high value, ranked by its effect on the
                objective (probability objectives use their target's measure).";

/// Which planner command.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanCommand {
    Optimise,
    Frontier,
    Sensitivity,
}

impl PlanCommand {
    /// The command of this name, if it is a planner command.
    pub fn from_name(name: &str) -> Option<PlanCommand> {
        match name {
            "optimise" | "optimize" => Some(PlanCommand::Optimise),
            "frontier" => Some(PlanCommand::Frontier),
            "sensitivity" => Some(PlanCommand::Sensitivity),
            _ => None,
        }
    }
}

/// The arguments as given (checked for form; ids are checked against the file later).
#[derive(Debug, PartialEq)]
pub struct PlanArgs {
    pub command: PlanCommand,
    pub path: String,
    pub lang: Lang,
    pub objective: String,
    pub budget_yuan: Option<f64>,
    pub phase_caps: Vec<(String, f64)>,
    pub target: Option<String>,
    pub probability: Option<f64>,
    pub product: Option<String>,
    pub date: Option<Date>,
    pub n_runs: Option<usize>,
    pub seed: Option<u64>,
    pub low_factor: Option<f64>,
    pub high_factor: Option<f64>,
    pub json: bool,
    pub out: Option<String>,
    pub n_points: usize,
    pub max_budget_yuan: Option<f64>,
}

/// The most Monte Carlo runs per evaluation the optimiser accepts (each plan tried costs that many runs).
const MAX_OPTIMISE_RUNS: usize = 1000;
/// The most frontier points.
const MAX_POINTS: usize = 200;

fn message(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `--flag`'s value is wrong: a message naming the flag.
fn bad_value(lang: Lang, flag: &str, value: &str, zh_expected: &str, en_expected: &str) -> String {
    message(
        lang,
        format!("{flag} 的取值“{value}”无效：应为{zh_expected}"),
        format!("{flag} takes {en_expected}, not {value}"),
    )
}

fn number(lang: Lang, flag: &str, value: &str, min: f64, max: f64) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(number) if number.is_finite() && number >= min && number <= max => Ok(number),
        _ => Err(bad_value(
            lang,
            flag,
            value,
            &format!("{min} 至 {max} 之间的数"),
            &format!("a number from {min} to {max}"),
        )),
    }
}

fn whole(lang: Lang, flag: &str, value: &str, min: usize, max: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(bad_value(
            lang,
            flag,
            value,
            &format!("{min} 至 {max} 之间的整数"),
            &format!("a whole number from {min} to {max}"),
        )),
    }
}

/// Parses the arguments after the command name. `lang` is known before (a pre-scan of `--lang`).
pub fn parse(command: PlanCommand, args: &[String], lang: Lang) -> Result<PlanArgs, String> {
    let mut parsed = PlanArgs {
        command,
        path: String::new(),
        lang,
        objective: "cases_averted".to_string(),
        budget_yuan: None,
        phase_caps: Vec::new(),
        target: None,
        probability: None,
        product: None,
        date: None,
        n_runs: None,
        seed: None,
        low_factor: None,
        high_factor: None,
        json: false,
        out: None,
        n_points: 20,
        max_budget_yuan: None,
    };
    let mut path = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let flag = arg.as_str();
        if !flag.starts_with("--") {
            if path.is_some() {
                return Err(message(lang, format!("多余的参数 {flag}"), format!("unexpected argument {flag}")));
            }
            path = Some(flag.to_string());
            continue;
        }
        let value = match iter.next() {
            Some(value) => value.as_str(),
            None if is_known_flag(flag) => {
                return Err(message(lang, format!("{flag} 缺少取值"), format!("{flag} needs a value")))
            }
            None => return Err(message(lang, format!("未知选项 {flag}"), format!("unknown option {flag}"))),
        };
        match flag {
            "--objective" => {
                const NAMES: [&str; 6] =
                    ["cases_averted", "loss_averted", "adoption", "target_value", "target_probability", "min_cost"];
                if !NAMES.contains(&value) {
                    let names = NAMES.join("、");
                    return Err(bad_value(lang, flag, value, &names, &NAMES.join(", ")));
                }
                parsed.objective = value.to_string();
            }
            "--budget" => parsed.budget_yuan = Some(number(lang, flag, value, 0.0, 1e11)?),
            "--phase-cap" => {
                let parsed_cap = value.split_once('=').and_then(|(phase, cap)| {
                    let cap = cap.parse::<f64>().ok().filter(|cap| cap.is_finite() && *cap >= 0.0 && *cap <= 1e11)?;
                    (!phase.is_empty()).then(|| (phase.to_string(), cap))
                });
                match parsed_cap {
                    Some(cap) => parsed.phase_caps.push(cap),
                    None => {
                        return Err(bad_value(
                            lang,
                            flag,
                            value,
                            "“阶段id=元”，如 rollout=30000",
                            "PHASE=YUAN, e.g. rollout=30000",
                        ))
                    }
                }
            }
            "--max-budget" => parsed.max_budget_yuan = Some(number(lang, flag, value, 1.0, 1e11)?),
            "--target" => parsed.target = Some(value.to_string()),
            "--probability" => {
                let probability = number(lang, flag, value, 0.0, 1.0)?;
                if probability <= 0.0 {
                    return Err(bad_value(lang, flag, value, "大于 0、不超过 1 的数", "a number in (0, 1]"));
                }
                parsed.probability = Some(probability);
            }
            "--product" => parsed.product = Some(value.to_string()),
            "--date" => {
                parsed.date = Some(
                    Date::parse(value)
                        .ok_or_else(|| bad_value(lang, flag, value, "YYYY-MM-DD 格式的日期", "a date YYYY-MM-DD"))?,
                )
            }
            "--runs" => parsed.n_runs = Some(whole(lang, flag, value, 1, MAX_OPTIMISE_RUNS)?),
            "--seed" => {
                parsed.seed = Some(value.parse::<u64>().map_err(|_| {
                    bad_value(lang, flag, value, "0 至 2^64-1 之间的整数", "a whole number from 0 to 2^64-1")
                })?)
            }
            "--low" => parsed.low_factor = Some(number(lang, flag, value, 0.0, 100.0)?),
            "--high" => parsed.high_factor = Some(number(lang, flag, value, 0.0, 100.0)?),
            "--points" => parsed.n_points = whole(lang, flag, value, 2, MAX_POINTS)?,
            "--format" => {
                parsed.json = match value {
                    "json" => true,
                    "text" => false,
                    _ => return Err(bad_value(lang, flag, value, "text 或 json", "text or json")),
                }
            }
            "--out" => parsed.out = Some(value.to_string()),
            "--lang" => {
                if value != "zh" && value != "en" {
                    return Err(bad_value(lang, flag, value, "zh 或 en", "zh or en"));
                }
            }
            _ => return Err(message(lang, format!("未知选项 {flag}"), format!("unknown option {flag}"))),
        }
    }
    parsed.path = path.ok_or_else(|| message(lang, "缺少文件 FILE".into(), "missing FILE".into()))?;
    if let (Some(low), Some(high)) = (parsed.low_factor, parsed.high_factor) {
        if low > high {
            return Err(message(
                lang,
                format!("--low（{low}）不能大于 --high（{high}）"),
                format!("--low ({low}) must not exceed --high ({high})"),
            ));
        }
    }
    let needs_target = matches!(parsed.objective.as_str(), "target_value" | "target_probability" | "min_cost");
    if needs_target && parsed.target.is_none() {
        return Err(message(
            lang,
            format!("--objective {} 需要 --target ID", parsed.objective),
            format!("--objective {} needs --target ID", parsed.objective),
        ));
    }
    if parsed.probability.is_some() && parsed.objective != "min_cost" {
        return Err(message(
            lang,
            "--probability 只用于 --objective min_cost".into(),
            "--probability applies to --objective min_cost only".into(),
        ));
    }
    if parsed.out.is_some() && command != PlanCommand::Optimise {
        return Err(message(lang, "--out 只用于 optimise".into(), "--out applies to optimise only".into()));
    }
    Ok(parsed)
}

fn is_known_flag(flag: &str) -> bool {
    [
        "--objective",
        "--budget",
        "--max-budget",
        "--phase-cap",
        "--target",
        "--probability",
        "--product",
        "--date",
        "--runs",
        "--seed",
        "--low",
        "--high",
        "--points",
        "--format",
        "--out",
        "--lang",
    ]
    .contains(&flag)
}

/// An error in the arguments found only once the file is read (an id it does not have): exit 1.
pub struct UsageError(pub String);

/// The objective and the optimiser's configuration from the arguments and the scenario.
pub fn config(args: &PlanArgs, scenario: &Scenario) -> Result<OptimiseConfig, UsageError> {
    let lang = args.lang;
    let target = match &args.target {
        None => None,
        Some(id) => Some(scenario.targets.iter().position(|target| &target.id == id).ok_or_else(|| {
            UsageError(message(
                lang,
                format!("--target：没有 id 为“{id}”的目标"),
                format!("--target: there is no target with id \"{id}\""),
            ))
        })?),
    };
    let product = match &args.product {
        None => 0,
        Some(id) => scenario.products.iter().position(|product| &product.id == id).ok_or_else(|| {
            UsageError(message(
                lang,
                format!("--product：没有 id 为“{id}”的产品"),
                format!("--product: there is no product with id \"{id}\""),
            ))
        })?,
    };
    if let Some(date) = args.date {
        if date < scenario.start || date > scenario.end {
            return Err(UsageError(message(
                lang,
                format!("--date：日期 {date} 不在方案期间 {} 至 {} 内", scenario.start, scenario.end),
                format!("--date: date {date} is outside the scenario period {} to {}", scenario.start, scenario.end),
            )));
        }
    }
    // `parse` guarantees a target for the objectives that need one.
    let target = target.unwrap_or(0);
    let objective = match args.objective.as_str() {
        "loss_averted" => Objective::LossAverted,
        "adoption" => {
            if scenario.products.is_empty() {
                return Err(UsageError(message(
                    lang,
                    "--objective adoption：方案中没有产品".into(),
                    "--objective adoption: the scenario has no products".into(),
                )));
            }
            Objective::Adoption { product, date: args.date.unwrap_or(scenario.end) }
        }
        "target_value" => Objective::TargetValue { target },
        "target_probability" => Objective::TargetProbability { target },
        "min_cost" => Objective::MinCost { target, probability: args.probability },
        _ => Objective::CasesAverted,
    };
    let mut config = OptimiseConfig::new(scenario, objective);
    config.budget_yuan = args.budget_yuan;
    if !args.phase_caps.is_empty() {
        let mut caps = scenario.budget.per_phase_yuan.clone();
        for (id, cap) in &args.phase_caps {
            let phase_idx = scenario.phases.iter().position(|phase| &phase.id == id).ok_or_else(|| {
                UsageError(message(
                    lang,
                    format!("--phase-cap：没有 id 为“{id}”的阶段"),
                    format!("--phase-cap: there is no phase with id \"{id}\""),
                ))
            })?;
            caps[phase_idx] = Some(*cap);
        }
        config.phase_caps_yuan = Some(caps);
    }
    if let Some(n_runs) = args.n_runs {
        config.n_runs = n_runs;
    }
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    let default_low = if args.command == PlanCommand::Frontier { 0.0 } else { config.bounds.low_factor };
    config.bounds.low_factor = args.low_factor.unwrap_or(default_low);
    if let Some(high) = args.high_factor {
        config.bounds.high_factor = high;
    }
    if config.bounds.low_factor > config.bounds.high_factor {
        config.bounds.high_factor = config.bounds.low_factor;
    }
    if args.command == PlanCommand::Frontier {
        config.refine_sweeps = 1;
    }
    Ok(config)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map(|json| json + "\n").map_err(|error| format!("internal error: {error}"))
}

fn show(value: Option<f64>) -> String {
    match value {
        Some(value) if value.abs() >= 100.0 => format!("{value:.0}"),
        Some(value) => format!("{value:.4}"),
        None => "—".to_string(),
    }
}

/// The optimiser's result as a table and the summary.
pub fn optimise_text(result: &OptimiseResult, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let header = if zh {
        ["决策变量", "单位", "原方案", "建议", "下限", "上限", "边际收益/千元", "末步收益/千元"]
    } else {
        ["variable", "unit", "draft", "suggested", "low", "high", "next/1000 yuan", "last/1000 yuan"]
    };
    let _ = writeln!(out, "{}", header.join("\t"));
    for variable in &result.variables {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            variable.variable.label,
            variable.variable.unit,
            show(Some(variable.variable.draft)),
            show(Some(variable.suggested)),
            show(Some(variable.variable.low)),
            show(Some(variable.variable.high)),
            show(variable.marginal_per_1000_yuan),
            show(variable.last_step_per_1000_yuan),
        );
    }
    let plans = [
        (if zh { "原方案" } else { "draft" }, &result.draft),
        (if zh { "建议" } else { "suggested" }, &result.suggested),
    ];
    for (name, plan) in plans {
        let _ = writeln!(
            out,
            "{name}: {} = {:.6}, {} = {:.0}{}",
            if zh { "目标值" } else { "objective" },
            plan.objective,
            if zh { "费用（元）" } else { "cost (yuan)" },
            plan.cost_yuan,
            match plan.target_met {
                Some(true) =>
                    if zh {
                        "，达标"
                    } else {
                        ", target met"
                    },
                Some(false) =>
                    if zh {
                        "，未达标"
                    } else {
                        ", target not met"
                    },
                None => "",
            }
        );
    }
    if !result.floors_unreachable.is_empty() {
        let _ = writeln!(
            out,
            "{}{}",
            if zh { "无法由决策变量满足的底线：" } else { "floors no variable can meet: " },
            result.floors_unreachable.join(", ")
        );
    }
    let _ = writeln!(out, "{}", result.summary(lang));
    let _ = writeln!(out, "{}{}", if zh { "模拟次数：" } else { "evaluations: " }, result.evaluations);
    out
}

/// States the optimiser's evaluations before it starts (stderr), and refuses a job over the work budget
/// ([`wuzha::model::budget`]) with a message naming the flag and the estimate (exit 1).
fn work_budget(args: &PlanArgs, config: &OptimiseConfig, scenario: &Scenario) -> Result<(), (u8, String)> {
    use wuzha::model::budget::{self, Job, DEFAULT_BUDGET_SECONDS};
    let zh = args.lang == Lang::Zh;
    let variables = scenario.schedule.len() + if config.include_rewards { scenario.rewards.len() } else { 0 };
    let runs = if config.objective.uses_monte_carlo() { config.n_runs } else { 0 };
    let job = match args.command {
        PlanCommand::Optimise => Job::Optimise { variables, runs },
        PlanCommand::Frontier => Job::Frontier { variables, runs, points: args.n_points },
        PlanCommand::Sensitivity => return Ok(()),
    };
    let estimate = budget::estimate(scenario, job);
    let time = budget::describe_seconds(estimate.seconds, zh);
    if estimate.seconds <= DEFAULT_BUDGET_SECONDS {
        eprintln!(
            "{}",
            message(
                args.lang,
                format!("预计最多约 {} 次模拟（{time}）", estimate.evaluations),
                format!("at most about {} evaluations expected ({time})", estimate.evaluations),
            )
        );
        return Ok(());
    }
    let limit = budget::describe_seconds(DEFAULT_BUDGET_SECONDS, zh);
    // What fits: the runs per evaluation, else the frontier's points, else nothing (the file's plan is too big).
    let fits = DEFAULT_BUDGET_SECONDS / estimate.seconds;
    let runs_that_fit = (runs as f64 * fits).floor() as usize;
    let points_that_fit = (args.n_points as f64 * fits).floor() as usize;
    let (flag, most) = match args.command {
        _ if runs > 1 && runs_that_fit >= 1 => ("--runs", runs_that_fit.to_string()),
        PlanCommand::Frontier if points_that_fit >= 2 => ("--points", points_that_fit.to_string()),
        _ => ("schedule", "0".to_string()),
    };
    let zh_text = if flag == "schedule" {
        format!(
            "此任务{time}（约 {} 次模拟），超过上限{limit}；请减少方案中的宣传安排（schedule）或奖励再优化",
            estimate.evaluations
        )
    } else {
        format!(
            "{flag}：此任务{time}（约 {} 次模拟），超过上限{limit}；此方案 {flag} 最多 {most}",
            estimate.evaluations
        )
    };
    let en_text = if flag == "schedule" {
        format!(
            "this job would take {time} ({} evaluations), over the limit of {limit}; optimise fewer schedule lines \
             or rewards",
            estimate.evaluations
        )
    } else {
        format!(
            "{flag}: this job would take {time} ({} evaluations), over the limit of {limit}; for this scenario \
             {flag} can be at most {most}",
            estimate.evaluations
        )
    };
    Err((1, message(args.lang, zh_text, en_text)))
}

/// Runs a planner command on a validated scenario; returns stdout, or `Err((exit code, message))`.
pub fn run(args: &PlanArgs, file: &wuzha::ScenarioFile, scenario: &Scenario) -> Result<String, (u8, String)> {
    let lang = args.lang;
    let zh = lang == Lang::Zh;
    let config = config(args, scenario).map_err(|UsageError(message)| (1, message))?;
    work_budget(args, &config, scenario)?;
    match args.command {
        PlanCommand::Optimise => {
            let result = optimise::optimise(scenario, &config);
            if let Some(out) = &args.out {
                let applied = optimise::apply_to_file(file, &result);
                // Only a file that `check` accepts is written.
                if let Err(errors) = wuzha::validate(&applied) {
                    let lines: Vec<String> = errors.iter().map(|error| error.message(lang)).collect();
                    return Err((
                        2,
                        message(
                            lang,
                            format!("{out}: 优化后的方案未通过检查，未写入：\n{}", lines.join("\n")),
                            format!(
                                "{out}: the optimised scenario does not pass check; not written:\n{}",
                                lines.join("\n")
                            ),
                        ),
                    ));
                }
                std::fs::write(out, wuzha::format::json::to_json(&applied) + "\n").map_err(|error| {
                    (
                        2,
                        message(
                            lang,
                            format!("{out}: 无法写入文件（{error}）"),
                            format!("{out}: cannot write ({error})"),
                        ),
                    )
                })?;
            }
            if args.json {
                json(&result).map_err(|error| (2, error))
            } else {
                Ok(optimise_text(&result, lang))
            }
        }
        PlanCommand::Frontier => {
            let frontier = optimise::frontier(scenario, &config, args.n_points, args.max_budget_yuan, |_, _| true);
            if args.json {
                return json(&frontier).map_err(|error| (2, error));
            }
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{}",
                if zh {
                    "预算（元）\t目标值\t费用（元）"
                } else {
                    "budget (yuan)\tobjective\tcost (yuan)"
                }
            );
            for point in &frontier.points {
                let _ = writeln!(out, "{:.0}\t{}\t{}", point.budget_yuan, show(point.objective), show(point.cost_yuan));
            }
            let _ = writeln!(
                out,
                "{}\t{}\t{:.0}",
                if zh { "当前方案" } else { "current plan" },
                show(Some(frontier.current_objective)),
                frontier.current_cost_yuan
            );
            Ok(out)
        }
        PlanCommand::Sensitivity => {
            let tornado = optimise::sensitivity(scenario, &config.objective);
            if args.json {
                return json(&tornado).map_err(|error| (2, error));
            }
            let mut out = String::new();
            let _ = writeln!(out, "{}\t{}", if zh { "基准值" } else { "base" }, show(Some(tornado.base)));
            let _ = writeln!(
                out,
                "{}",
                if zh {
                    "参数\t低值\t高值\t低值时\t高值时\t摆幅"
                } else {
                    "parameter\tlow\thigh\tat low\tat high\tswing"
                }
            );
            for bar in &tornado.bars {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    bar.path,
                    show(Some(bar.low)),
                    show(Some(bar.high)),
                    show(Some(bar.outcome_at_low)),
                    show(Some(bar.outcome_at_high)),
                    show(Some(bar.swing))
                );
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str, lang: Lang) -> Result<PlanArgs, String> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(PlanCommand::Optimise, &args, lang)
    }

    #[test]
    fn parses_options_and_names_the_bad_flag() {
        let args = parse_line("a.json --budget 60000 --objective min_cost --target t --probability 0.9", Lang::En)
            .expect("valid");
        assert_eq!(args.budget_yuan, Some(60000.0));
        assert_eq!(args.objective, "min_cost");
        assert_eq!(args.probability, Some(0.9));
        for (bad, flag) in [
            ("a.json --budget -5", "--budget"),
            ("a.json --objective fastest", "--objective"),
            ("a.json --objective min_cost", "--objective"),
            ("a.json --probability 0.9", "--probability"),
            ("a.json --probability 0 --objective min_cost --target t", "--probability"),
            ("a.json --runs 0", "--runs"),
            ("a.json --low 3 --high 2", "--low"),
            ("a.json --date 2022-13-01", "--date"),
            ("a.json --budget", "--budget"),
            ("a.json --phase-cap rollout", "--phase-cap"),
            ("a.json --phase-cap =5", "--phase-cap"),
            ("a.json --frobnicate 1", "--frobnicate"),
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let error = parse_line(bad, lang).err().unwrap_or_default();
                assert!(error.contains(flag), "{bad}: {error}");
            }
        }
        let zh = parse_line("a.json --budget lots", Lang::Zh).err().unwrap_or_default();
        assert!(zh.contains("取值“lots”无效"), "{zh}");
    }
}
