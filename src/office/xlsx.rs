//! The Excel workbook of a plan and its results (rust_xlsxwriter): the plan's inputs (villages, segments,
//! channels, phases, schedule, floors, rewards, targets), the daily series, the months against last year, the
//! per-village table, costs by phase and by channel, and the Monte Carlo bands when they have run.
//!
//! Cells hold real numbers with number formats (元, %, dates as dates), headers are Chinese (English with
//! [`Lang::En`]), every sheet has a frozen header row and set widths. The file's creation time is the scenario's
//! start date, so the same plan gives the same bytes on every machine.

use crate::date::Date;
use crate::engine::outcome::Outcome;
use crate::error::Lang;
use crate::format::wire::{Basis, ChannelKind, Metric, Per, ScenarioFile};
use crate::uncertainty::{Bands, MonteCarloSummary, Stats};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// How a number cell is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Yuan, no decimals: "12,345 元".
    Yuan,
    /// A share as a percentage with one decimal.
    Percent,
    /// A whole count with thousands separators.
    Count,
    /// A number with two decimals.
    Decimal,
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Text(String),
    Number(f64, Kind),
    Date(Date),
    /// The first day of a month, shown as "2022-03".
    Month(i32, u32),
    Empty,
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn yuan(value: f64) -> Cell {
    Cell::Number(value, Kind::Yuan)
}

fn pct(value: f64) -> Cell {
    Cell::Number(value, Kind::Percent)
}

fn count(value: f64) -> Cell {
    Cell::Number(value, Kind::Count)
}

fn decimal(value: f64) -> Cell {
    Cell::Number(value, Kind::Decimal)
}

fn maybe(value: Option<f64>, make: fn(f64) -> Cell) -> Cell {
    value.map_or(Cell::Empty, make)
}

fn date_cell(text: &str) -> Cell {
    Date::parse(text).map_or_else(|| Cell::Text(text.to_string()), Cell::Date)
}

/// A column: its header in both languages and its width (characters).
struct Column {
    zh: String,
    en: String,
    width: f64,
}

fn col(zh: &str, en: &str, width: f64) -> Column {
    Column { zh: zh.to_string(), en: en.to_string(), width }
}

struct Styles {
    header: Format,
    yuan: Format,
    percent: Format,
    count: Format,
    decimal: Format,
    date: Format,
    month: Format,
    text: Format,
}

impl Styles {
    fn new() -> Styles {
        let font = |format: Format| format.set_font_name("宋体").set_font_size(11);
        Styles {
            header: font(Format::new())
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            yuan: font(Format::new()).set_num_format("#,##0\" 元\""),
            percent: font(Format::new()).set_num_format("0.0%"),
            count: font(Format::new()).set_num_format("#,##0"),
            decimal: font(Format::new()).set_num_format("#,##0.00"),
            date: font(Format::new()).set_num_format("yyyy-mm-dd"),
            month: font(Format::new()).set_num_format("yyyy-mm"),
            text: font(Format::new()),
        }
    }
}

/// Adds a sheet with a frozen header row, the columns' widths, and the rows.
fn table(
    workbook: &mut Workbook,
    styles: &Styles,
    lang: Lang,
    name: (&str, &str),
    columns: &[Column],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(if lang == Lang::Zh { name.0 } else { name.1 })?;
    for (col_idx, column) in columns.iter().enumerate() {
        let col_idx = col_idx as u16;
        let header = if lang == Lang::Zh { &column.zh } else { &column.en };
        sheet.write_string_with_format(0, col_idx, header, &styles.header)?;
        sheet.set_column_width(col_idx, column.width)?;
    }
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 0)?;
    for (row_idx, row) in rows.iter().enumerate() {
        let row_idx = row_idx as u32 + 1;
        for (col_idx, cell) in row.iter().enumerate() {
            let col_idx = col_idx as u16;
            match cell {
                Cell::Text(value) => {
                    sheet.write_string_with_format(row_idx, col_idx, value, &styles.text)?;
                }
                Cell::Number(value, kind) if value.is_finite() => {
                    let format = match kind {
                        Kind::Yuan => &styles.yuan,
                        Kind::Percent => &styles.percent,
                        Kind::Count => &styles.count,
                        Kind::Decimal => &styles.decimal,
                    };
                    sheet.write_number_with_format(row_idx, col_idx, *value, format)?;
                }
                Cell::Number(..) | Cell::Empty => {}
                Cell::Date(date) => {
                    let value = excel_date(date.year(), date.month(), date.day())?;
                    sheet.write_datetime_with_format(row_idx, col_idx, &value, &styles.date)?;
                }
                Cell::Month(year, month) => {
                    let value = excel_date(*year, *month, 1)?;
                    sheet.write_datetime_with_format(row_idx, col_idx, &value, &styles.month)?;
                }
            }
        }
    }
    Ok(())
}

fn excel_date(year: i32, month: u32, day: u32) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(year.clamp(1900, 9999) as u16, month as u8, day as u8)
}

fn yes_no(value: bool, lang: Lang) -> Cell {
    text(match (value, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    })
}

fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match (metric, lang) {
        (Metric::Adoption, Lang::Zh) => "安装/注册/关注率",
        (Metric::Reach, Lang::Zh) => "宣传覆盖率",
        (Metric::Awareness, Lang::Zh) => "知晓率",
        (Metric::YoyCases, Lang::Zh) => "发案数同比",
        (Metric::YoyLoss, Lang::Zh) => "损失同比",
        (Metric::Adoption, Lang::En) => "adoption",
        (Metric::Reach, Lang::En) => "reach",
        (Metric::Awareness, Lang::En) => "awareness",
        (Metric::YoyCases, Lang::En) => "cases year on year",
        (Metric::YoyLoss, Lang::En) => "loss year on year",
    }
}

/// The workbook of `file` (the scenario as written) and `outcome` (its deterministic simulation), with the
/// Monte Carlo bands of `monte_carlo` when given; headers in `lang`. Returns the .xlsx bytes.
pub fn workbook(
    file: &ScenarioFile,
    outcome: &Outcome,
    monte_carlo: Option<&MonteCarloSummary>,
    lang: Lang,
) -> Vec<u8> {
    // Building a workbook in memory fails only on impossible input (a sheet name too long, a bad date); the
    // names here are fixed and dates are clamped, so an error would be a bug: it gives an empty result.
    build(file, outcome, monte_carlo, lang).unwrap_or_default()
}

/// What every sheet reads.
struct Sheets<'a> {
    file: &'a ScenarioFile,
    outcome: &'a Outcome,
    monte_carlo: Option<&'a MonteCarloSummary>,
    lang: Lang,
    styles: Styles,
}

impl Sheets<'_> {
    fn product_name(&self, product_idx: usize) -> String {
        let id = self.outcome.product_ids.get(product_idx).map_or("", String::as_str);
        self.file
            .products
            .iter()
            .find(|product| product.id == id)
            .map_or(id.to_string(), |product| product.name.clone())
    }

    fn phase_name(&self, id: &str) -> String {
        self.file.phases.iter().find(|phase| phase.id == id).map_or(id.to_string(), |phase| phase.name.clone())
    }

    fn channel_name(&self, id: &str) -> String {
        self.file
            .channels
            .iter()
            .find(|channel| channel.id == id)
            .map_or(id.to_string(), |channel| channel.name.clone())
    }
}

fn build(
    file: &ScenarioFile,
    outcome: &Outcome,
    monte_carlo: Option<&MonteCarloSummary>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let zh = lang == Lang::Zh;
    let mut workbook = Workbook::new();
    let (year, month, day) =
        Date::parse(&file.start_date).map_or((2000, 1, 1), |date| (date.year(), date.month(), date.day()));
    let properties = DocProperties::new()
        .set_title(&file.name)
        .set_subject(if zh { "无诈推演：方案与推演结果" } else { "Wuzha: plan and projected results" })
        .set_author("无诈推演 Wuzha")
        .set_creation_datetime(&excel_date(year, month, day)?);
    workbook.set_properties(&properties);
    let ctx = Sheets { file, outcome, monte_carlo, lang, styles: Styles::new() };
    summary_sheet(&mut workbook, &ctx)?;
    villages_sheet(&mut workbook, &ctx)?;
    segments_sheet(&mut workbook, &ctx)?;
    channels_sheet(&mut workbook, &ctx)?;
    phases_sheet(&mut workbook, &ctx)?;
    schedule_sheet(&mut workbook, &ctx)?;
    floors_sheet(&mut workbook, &ctx)?;
    rewards_sheet(&mut workbook, &ctx)?;
    targets_sheet(&mut workbook, &ctx)?;
    daily_sheet(&mut workbook, &ctx)?;
    monthly_sheet(&mut workbook, &ctx)?;
    villages_result_sheet(&mut workbook, &ctx)?;
    phase_costs_sheet(&mut workbook, &ctx)?;
    channel_costs_sheet(&mut workbook, &ctx)?;

    if let Some(monte_carlo) = monte_carlo {
        monte_carlo_sheets(&mut workbook, &ctx.styles, lang, monte_carlo, &|product_idx| {
            ctx.product_name(product_idx)
        })?;
    }
    workbook.save_to_buffer()
}

/// 概要: the key figures.
fn summary_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let outcome = ctx.outcome;
    let monte_carlo = ctx.monte_carlo;
    let lang = ctx.lang;
    let zh = ctx.lang == Lang::Zh;
    let styles = &ctx.styles;
    let product_name = |product_idx: usize| ctx.product_name(product_idx);
    let totals = &outcome.totals;
    let key = |zh_label: &str, en_label: &str, value: Cell| vec![text(if zh { zh_label } else { en_label }), value];
    let targets_met = outcome.targets.iter().filter(|target| target.met).count() as f64;
    let mut summary = vec![
        key("方案", "plan", text(&file.name)),
        key("乡镇（街道）", "township", text(&file.township.name)),
        key("开始日期", "start", date_cell(&file.start_date)),
        key("结束日期", "end", date_cell(&file.end_date)),
        key("总费用", "cash, total", yuan(totals.cash_yuan)),
        key("其中宣传载体", "of which channels", yuan(totals.channel_cash_yuan)),
        key("其中奖励", "of which rewards", yuan(totals.rewards_paid_yuan)),
        key("网格员工时（小时）", "staff hours", count(totals.staff_hours)),
        key("覆盖人数", "people reached", count(totals.people_reached)),
        key("预计发案（起）", "cases expected", decimal(totals.cases_expected)),
        key("预计报案（起）", "cases reported", decimal(totals.cases_reported)),
        key("上年同期发案（起）", "cases last year", decimal(totals.last_year_cases)),
        key("无宣传对照发案（起）", "cases with no campaign", decimal(totals.counterfactual_cases)),
        key("少发案（起）", "cases averted", decimal(totals.cases_averted)),
        key("预计损失", "loss expected", yuan(totals.loss_yuan)),
        key("上年同期损失", "loss last year", yuan(totals.last_year_loss_yuan)),
        key("挽回损失", "loss averted", yuan(totals.loss_averted_yuan)),
        key("考核得分", "assessment score", decimal(outcome.assessment.total)),
        key("考核满分", "assessment maximum", decimal(outcome.assessment.total_max)),
        key("达成目标数", "targets met", count(targets_met)),
        key("目标数", "targets", count(outcome.targets.len() as f64)),
    ];
    for (product_idx, cost) in totals.cost_per_install_yuan.iter().enumerate() {
        let label =
            format!("{}{}", product_name(product_idx), if zh { "：每个安装费用" } else { ": cash per install" });
        summary.push(vec![text(label), maybe(*cost, yuan)]);
    }
    if let Some(monte_carlo) = monte_carlo {
        summary.push(key("不确定性推演次数", "Monte Carlo runs", count(monte_carlo.n_runs as f64)));
        summary.push(key(
            "同比下降（两降）概率",
            "probability of double decline",
            pct(monte_carlo.distributions.probability_double_decline),
        ));
    }
    table(
        workbook,
        styles,
        lang,
        ("概要", "Summary"),
        &[col("项目", "item", 28.0), col("数值", "value", 40.0)],
        &summary,
    )?;

    Ok(())
}

/// 村（社区）: the villages as written.
fn villages_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let villages: Vec<Vec<Cell>> = file
        .villages
        .iter()
        .map(|village| {
            vec![
                text(&village.id),
                text(&village.name),
                count(village.residents as f64),
                count(village.households as f64),
                count(village.grids as f64),
                count(village.grid_workers as f64),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("村（社区）", "Villages"),
        &[
            col("编号", "id", 10.0),
            col("名称", "name", 24.0),
            col("常住人口", "residents", 12.0),
            col("户数", "households", 10.0),
            col("网格数", "grids", 10.0),
            col("网格员数", "grid workers", 12.0),
        ],
        &villages,
    )?;
    Ok(())
}

/// 人群: the segments.
fn segments_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let segments: Vec<Vec<Cell>> = file
        .segments
        .iter()
        .map(|segment| {
            vec![
                text(&segment.id),
                text(&segment.name),
                pct(segment.share),
                pct(segment.smartphone_share),
                pct(segment.victim_share),
                yuan(segment.loss_per_case_yuan.value),
                yes_no(segment.priority, lang),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("人群", "Segments"),
        &[
            col("编号", "id", 16.0),
            col("名称", "name", 28.0),
            col("人口占比", "share", 10.0),
            col("智能手机持有率", "smartphone share", 14.0),
            col("受害占比", "victim share", 10.0),
            col("单案损失", "loss per case", 14.0),
            col("重点人群", "priority", 10.0),
        ],
        &segments,
    )?;
    Ok(())
}

/// 宣传载体: the channels.
fn channels_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let zh = ctx.lang == Lang::Zh;
    let styles = &ctx.styles;
    let channels: Vec<Vec<Cell>> = file
        .channels
        .iter()
        .map(|channel| {
            let kind = match (channel.kind, zh) {
                (ChannelKind::Broadcast, true) => "大众宣传",
                (ChannelKind::DoorToDoor, true) => "入户",
                (ChannelKind::Broadcast, false) => "broadcast",
                (ChannelKind::DoorToDoor, false) => "door to door",
            };
            vec![
                text(&channel.id),
                text(&channel.name),
                text(&channel.unit),
                text(kind),
                yuan(channel.cost_per_unit_yuan),
                yuan(channel.fixed_cost_yuan),
                count(channel.reach_per_unit),
                decimal(channel.staff_hours_per_unit),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("宣传载体", "Channels"),
        &[
            col("编号", "id", 16.0),
            col("名称", "name", 30.0),
            col("单位", "unit", 8.0),
            col("方式", "kind", 10.0),
            col("单价", "cost per unit", 12.0),
            col("一次性费用", "fixed cost", 12.0),
            col("每单位接触人次", "reach per unit", 14.0),
            col("每单位工时", "staff hours per unit", 12.0),
        ],
        &channels,
    )?;
    Ok(())
}

/// 阶段: the phases with their days.
fn phases_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let phase_name = |id: &str| ctx.phase_name(id);
    let phases: Vec<Vec<Cell>> = file
        .phases
        .iter()
        .map(|phase| {
            let days = match (Date::parse(&phase.start), Date::parse(&phase.end)) {
                (Some(start), Some(end)) => count(f64::from(end.days_since(start) + 1)),
                _ => Cell::Empty,
            };
            vec![
                text(&phase.id),
                text(&phase.name),
                date_cell(&phase.start),
                date_cell(&phase.end),
                days,
                text(phase.parent.as_deref().map(&phase_name).unwrap_or_default()),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("阶段", "Phases"),
        &[
            col("编号", "id", 16.0),
            col("名称", "name", 28.0),
            col("开始", "start", 12.0),
            col("结束", "end", 12.0),
            col("天数", "days", 8.0),
            col("所属阶段", "inside", 20.0),
        ],
        &phases,
    )?;
    Ok(())
}

/// 宣传安排: the schedule.
fn schedule_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let zh = ctx.lang == Lang::Zh;
    let styles = &ctx.styles;
    let phase_name = |id: &str| ctx.phase_name(id);
    let channel_name = |id: &str| ctx.channel_name(id);
    let schedule: Vec<Vec<Cell>> = file
        .schedule
        .iter()
        .map(|entry| {
            let per = match (entry.per, zh) {
                (Per::Phase, true) => "整个阶段",
                (Per::Day, true) => "每天",
                (Per::Week, true) => "每周",
                (Per::Month, true) => "每月",
                (Per::Phase, false) => "phase",
                (Per::Day, false) => "day",
                (Per::Week, false) => "week",
                (Per::Month, false) => "month",
            };
            let basis = match (entry.basis, zh) {
                (Basis::PerVillage, true) => "每村",
                (Basis::PerGridWorker, true) => "每名网格员",
                (Basis::TownshipTotal, true) => "全镇合计",
                (Basis::PerVillage, false) => "per village",
                (Basis::PerGridWorker, false) => "per grid worker",
                (Basis::TownshipTotal, false) => "township total",
            };
            vec![
                text(channel_name(&entry.channel)),
                text(phase_name(&entry.phase)),
                decimal(entry.units),
                text(per),
                text(basis),
                text(entry.village.clone().unwrap_or_default()),
                text(entry.note.clone().unwrap_or_default()),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("宣传安排", "Schedule"),
        &[
            col("载体", "channel", 28.0),
            col("阶段", "phase", 20.0),
            col("数量", "units", 10.0),
            col("周期", "per", 10.0),
            col("对象", "basis", 12.0),
            col("村", "village", 8.0),
            col("说明", "note", 30.0),
        ],
        &schedule,
    )?;
    Ok(())
}

/// 下限: the floors and whether each is met.
fn floors_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let zh = ctx.lang == Lang::Zh;
    let styles = &ctx.styles;
    let phase_name = |id: &str| ctx.phase_name(id);
    let channel_name = |id: &str| ctx.channel_name(id);
    let floors: Vec<Vec<Cell>> = outcome
        .floors
        .iter()
        .map(|floor| {
            vec![
                text(channel_name(&floor.channel)),
                text(floor.phase.as_deref().map(&phase_name).unwrap_or_else(|| {
                    if zh {
                        "全期".into()
                    } else {
                        "whole period".into()
                    }
                })),
                decimal(floor.min_units_per_village),
                yes_no(floor.met, lang),
                text(floor.villages_below.join("、")),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("下限", "Floors"),
        &[
            col("载体", "channel", 28.0),
            col("阶段", "phase", 20.0),
            col("每村不少于", "minimum per village", 12.0),
            col("达到", "met", 8.0),
            col("未达到的村", "villages below", 30.0),
        ],
        &floors,
    )?;
    Ok(())
}

/// 奖励: the rewards.
fn rewards_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let phase_name = |id: &str| ctx.phase_name(id);
    let rewards: Vec<Vec<Cell>> = file
        .rewards
        .iter()
        .map(|reward| {
            let product = file
                .products
                .iter()
                .find(|product| product.id == reward.product)
                .map_or(reward.product.clone(), |product| product.name.clone());
            vec![
                text(phase_name(&reward.phase)),
                text(product),
                yuan(reward.yuan_per_install),
                text(reward.note.clone().unwrap_or_default()),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("奖励", "Rewards"),
        &[
            col("阶段", "phase", 20.0),
            col("产品", "product", 24.0),
            col("每个安装奖励", "per install", 14.0),
            col("说明", "note", 50.0),
        ],
        &rewards,
    )?;
    Ok(())
}

/// 目标: the targets, projected and (when Monte Carlo ran) their chances.
fn targets_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let outcome = ctx.outcome;
    let monte_carlo = ctx.monte_carlo;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let targets: Vec<Vec<Cell>> = file
        .targets
        .iter()
        .zip(&outcome.targets)
        .map(|(target, result)| {
            // Shares and year-on-year changes are both percentages.
            let as_cell = pct;
            let probability = monte_carlo
                .and_then(|monte_carlo| monte_carlo.targets.iter().find(|chance| chance.id == target.id))
                .map_or(Cell::Empty, |chance| pct(chance.probability_met));
            vec![
                text(&target.id),
                text(&target.name),
                text(metric_name(target.metric, lang)),
                as_cell(target.threshold),
                date_cell(&target.deadline),
                maybe(result.value_at_deadline, as_cell),
                yes_no(result.met, lang),
                result.first_met.map_or(Cell::Empty, Cell::Date),
                probability,
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("目标", "Targets"),
        &[
            col("编号", "id", 20.0),
            col("名称", "name", 36.0),
            col("指标", "metric", 16.0),
            col("目标值", "threshold", 10.0),
            col("期限", "deadline", 12.0),
            col("期限时预计", "projected at deadline", 14.0),
            col("达成", "met", 8.0),
            col("首次达到", "first met", 12.0),
            col("达成概率", "probability met", 12.0),
        ],
        &targets,
    )?;

    Ok(())
}

/// 每日: the daily series.
fn daily_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let product_name = |product_idx: usize| ctx.product_name(product_idx);
    let mut daily_columns =
        vec![col("日期", "date", 12.0), col("覆盖率", "reached", 10.0), col("知晓率", "aware", 10.0)];
    for product_idx in 0..outcome.product_ids.len() {
        let name = product_name(product_idx);
        daily_columns.push(Column { zh: format!("{name}安装率"), en: format!("{name} adoption"), width: 14.0 });
    }
    daily_columns.extend([
        col("累计费用", "cash to date", 14.0),
        col("累计奖励", "rewards to date", 14.0),
        col("累计工时", "staff hours to date", 12.0),
        col("累计预计发案", "cases expected to date", 12.0),
        col("累计报案", "cases reported to date", 12.0),
        col("无宣传对照累计发案", "no-campaign cases to date", 14.0),
        col("上年同期累计发案", "last year's cases to date", 14.0),
    ]);
    let daily = &outcome.daily;
    let at = |series: &[f64], idx: usize| series.get(idx).copied().unwrap_or(0.0);
    let daily_rows: Vec<Vec<Cell>> = outcome
        .dates
        .iter()
        .enumerate()
        .map(|(idx, date)| {
            let mut row = vec![Cell::Date(*date), pct(at(&daily.reached, idx)), pct(at(&daily.aware, idx))];
            for series in &daily.adopted {
                row.push(pct(at(series, idx)));
            }
            row.extend([
                yuan(at(&daily.cash_cost_cum, idx)),
                yuan(at(&daily.rewards_paid_cum, idx)),
                count(at(&daily.staff_hours_cum, idx)),
                decimal(at(&daily.cases_expected_cum, idx)),
                decimal(at(&daily.cases_reported_cum, idx)),
                decimal(at(&daily.counterfactual_cases_cum, idx)),
                decimal(at(&daily.last_year_cases_cum, idx)),
            ]);
            row
        })
        .collect();
    table(workbook, styles, lang, ("每日", "Daily"), &daily_columns, &daily_rows)?;

    Ok(())
}

/// 月度发案与损失: months against last year.
fn monthly_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let monthly: Vec<Vec<Cell>> = outcome
        .monthly
        .iter()
        .map(|month| {
            let change = |now: f64, before: f64| if before > 0.0 { pct(now / before - 1.0) } else { Cell::Empty };
            vec![
                Cell::Month(month.year, month.month),
                count(f64::from(month.days_covered)),
                decimal(month.last_year_cases),
                decimal(month.cases_expected),
                decimal(month.cases_reported),
                change(month.cases_reported, month.last_year_cases),
                decimal(month.counterfactual_cases),
                yuan(month.last_year_loss_yuan),
                yuan(month.loss_yuan),
                change(month.loss_yuan, month.last_year_loss_yuan),
                decimal(month.alerts),
                decimal(month.dissuasions),
                yuan(month.cash_yuan),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("月度发案与损失", "Monthly"),
        &[
            col("月份", "month", 10.0),
            col("天数", "days", 6.0),
            col("上年同期发案", "cases last year", 12.0),
            col("预计发案", "cases expected", 10.0),
            col("预计报案", "cases reported", 10.0),
            col("报案同比", "cases year on year", 10.0),
            col("无宣传对照发案", "no-campaign cases", 12.0),
            col("上年同期损失", "loss last year", 14.0),
            col("预计损失", "loss expected", 14.0),
            col("损失同比", "loss year on year", 10.0),
            col("警情", "alerts", 8.0),
            col("劝阻", "dissuasions", 8.0),
            col("当月费用", "cash", 12.0),
        ],
        &monthly,
    )?;

    Ok(())
}

/// 各村结果: the results per village.
fn villages_result_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let file = ctx.file;
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let product_name = |product_idx: usize| ctx.product_name(product_idx);
    let mut village_columns = vec![
        col("编号", "id", 10.0),
        col("名称", "name", 24.0),
        col("覆盖率", "reached", 10.0),
        col("知晓率", "aware", 10.0),
    ];
    for product_idx in 0..outcome.product_ids.len() {
        let name = product_name(product_idx);
        village_columns.push(Column { zh: format!("{name}安装率"), en: format!("{name} adoption"), width: 14.0 });
    }
    village_columns.extend([
        col("载体费用", "channel cash", 12.0),
        col("奖励", "rewards", 12.0),
        col("工时", "staff hours", 10.0),
        col("预计发案", "cases expected", 10.0),
        col("无宣传对照发案", "no-campaign cases", 12.0),
    ]);
    let village_rows: Vec<Vec<Cell>> = outcome
        .villages
        .iter()
        .map(|village| {
            let name =
                file.villages.iter().find(|input| input.id == village.id).map_or("", |input| input.name.as_str());
            let mut row = vec![text(&village.id), text(name), pct(village.reached), pct(village.aware)];
            row.extend(village.adopted.iter().map(|share| pct(*share)));
            row.extend([
                yuan(village.channel_cash_yuan),
                yuan(village.rewards_yuan),
                count(village.staff_hours),
                decimal(village.cases_expected),
                decimal(village.counterfactual_cases),
            ]);
            row
        })
        .collect();
    table(workbook, styles, lang, ("各村结果", "By village"), &village_columns, &village_rows)?;

    Ok(())
}

/// 阶段费用: costs by phase against their caps.
fn phase_costs_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let phase_name = |id: &str| ctx.phase_name(id);
    let by_phase: Vec<Vec<Cell>> = outcome
        .costs
        .by_phase
        .iter()
        .map(|phase| {
            let cap =
                outcome.budget.phases.iter().find(|budget| budget.id == phase.id).and_then(|budget| budget.cap_yuan);
            vec![
                text(phase_name(&phase.id)),
                yuan(phase.channel_cash_yuan),
                yuan(phase.rewards_yuan),
                yuan(phase.total_yuan),
                maybe(cap, yuan),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("阶段费用", "Costs by phase"),
        &[
            col("阶段", "phase", 24.0),
            col("载体费用", "channel cash", 14.0),
            col("奖励", "rewards", 14.0),
            col("合计", "total", 14.0),
            col("预算上限", "cap", 14.0),
        ],
        &by_phase,
    )?;
    Ok(())
}

/// 载体费用: costs by channel.
fn channel_costs_sheet(workbook: &mut Workbook, ctx: &Sheets) -> Result<(), XlsxError> {
    let outcome = ctx.outcome;
    let lang = ctx.lang;
    let styles = &ctx.styles;
    let channel_name = |id: &str| ctx.channel_name(id);
    let by_channel: Vec<Vec<Cell>> = outcome
        .costs
        .by_channel
        .iter()
        .map(|channel| {
            vec![
                text(channel_name(&channel.id)),
                decimal(channel.units_planned),
                decimal(channel.units_delivered),
                yuan(channel.cash_yuan),
                count(channel.staff_hours),
                count(channel.households_visited),
            ]
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("载体费用", "Costs by channel"),
        &[
            col("载体", "channel", 30.0),
            col("计划数量", "units planned", 12.0),
            col("完成数量", "units delivered", 12.0),
            col("费用", "cash", 14.0),
            col("工时", "staff hours", 10.0),
            col("走访户数", "households visited", 12.0),
        ],
        &by_channel,
    )?;

    Ok(())
}

fn monte_carlo_sheets(
    workbook: &mut Workbook,
    styles: &Styles,
    lang: Lang,
    monte_carlo: &MonteCarloSummary,
    product_name: &dyn Fn(usize) -> String,
) -> Result<(), XlsxError> {
    let zh = lang == Lang::Zh;
    let stats_row = |zh_label: &str, en_label: &str, stats: &Stats, make: fn(f64) -> Cell| {
        vec![
            text(if zh { zh_label } else { en_label }),
            make(stats.p10),
            make(stats.p50),
            make(stats.p90),
            make(stats.mean),
            make(stats.min),
            make(stats.max),
        ]
    };
    let distributions = &monte_carlo.distributions;
    let mut rows = vec![
        stats_row("总费用", "cash", &distributions.cash_yuan, yuan),
        stats_row("报案数", "cases reported", &distributions.cases_reported, decimal),
        stats_row("少发案", "cases averted", &distributions.cases_averted, decimal),
        stats_row("损失", "loss", &distributions.loss_yuan, yuan),
        stats_row("考核得分", "score", &distributions.score, decimal),
    ];
    if let Some(yoy) = &distributions.yoy_cases {
        rows.push(stats_row("报案同比", "cases year on year", yoy, pct));
    }
    table(
        workbook,
        styles,
        lang,
        ("不确定性分布", "Monte Carlo"),
        &[
            col("指标", "measure", 16.0),
            col("P10", "P10", 14.0),
            col("P50", "P50", 14.0),
            col("P90", "P90", 14.0),
            col("平均", "mean", 14.0),
            col("最小", "min", 14.0),
            col("最大", "max", 14.0),
        ],
        &rows,
    )?;
    let band_at = |bands: &Bands, idx: usize, make: fn(f64) -> Cell| -> [Cell; 3] {
        let at = |series: &[f64]| series.get(idx).copied().map_or(Cell::Empty, make);
        [at(&bands.p10), at(&bands.p50), at(&bands.p90)]
    };
    let monthly = &monte_carlo.monthly;
    let month_rows: Vec<Vec<Cell>> = monthly
        .months
        .iter()
        .enumerate()
        .map(|(idx, month)| {
            let mut row = vec![Cell::Month(month.year, month.month)];
            row.extend(band_at(&monthly.cases_reported, idx, decimal));
            row.extend(band_at(&monthly.loss_yuan, idx, yuan));
            row
        })
        .collect();
    table(
        workbook,
        styles,
        lang,
        ("月度区间", "Monthly bands"),
        &[
            col("月份", "month", 10.0),
            col("报案P10", "cases P10", 10.0),
            col("报案P50", "cases P50", 10.0),
            col("报案P90", "cases P90", 10.0),
            col("损失P10", "loss P10", 14.0),
            col("损失P50", "loss P50", 14.0),
            col("损失P90", "loss P90", 14.0),
        ],
        &month_rows,
    )?;
    let mut columns = vec![col("日期", "date", 12.0)];
    for (product_idx, _) in monte_carlo.daily.adopted.iter().enumerate() {
        let name = product_name(product_idx);
        for band in ["P10", "P50", "P90"] {
            columns.push(Column {
                zh: format!("{name}安装率{band}"),
                en: format!("{name} adoption {band}"),
                width: 14.0,
            });
        }
    }
    for band in ["P10", "P50", "P90"] {
        columns.push(Column { zh: format!("累计报案{band}"), en: format!("cases to date {band}"), width: 12.0 });
    }
    let day_rows: Vec<Vec<Cell>> = monte_carlo
        .dates
        .iter()
        .enumerate()
        .map(|(idx, date)| {
            let mut row = vec![Cell::Date(*date)];
            for bands in &monte_carlo.daily.adopted {
                row.extend(band_at(bands, idx, pct));
            }
            row.extend(band_at(&monte_carlo.daily.cases_reported_cum, idx, decimal));
            row
        })
        .collect();
    table(workbook, styles, lang, ("每日区间", "Daily bands"), &columns, &day_rows)
}
