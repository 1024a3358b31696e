//! The 实施方案 draft as a .docx (docx-rs), in the 公文 layout of GB/T 9704: A4, margins top 37 mm, bottom
//! 35 mm, left 28 mm, right 26 mm; the title in 方正小标宋简体 二号 (22 pt), the body in 仿宋_GB2312 三号
//! (16 pt) on a fixed 28 pt line, first-level headings (一、) in 黑体, second-level ones (（一）) in
//! 楷体_GB2312. Each font is named with the Windows font offices fall back to (宋体, 仿宋, 楷体, 黑体) as its
//! Latin face, so a PC without the GB2312 fonts still shows the right family.
//!
//! Sections: 一、工作目标 (the targets), 二、组织领导, 三、工作安排 (each phase with its dates and what the
//! schedule plans in it), 四、宣传载体与要求 (channels and floors), 五、奖励与经费, 六、考核, 七、工作要求, and an
//! annex with the projected results. It is marked 草稿 on every page: a draft for a leader to finish in WPS.
//! The sentences are written so that [`crate::office::read_plan`] reads the same phases, targets, rewards and
//! floors back (the annex is not read). The creation time is the scenario's start date.

use crate::date::Date;
use crate::engine::outcome::Outcome;
use crate::error::Lang;
use crate::format::wire::{Denominator, Metric, PhaseFile, ScenarioFile};
use crate::uncertainty::MonteCarloSummary;
use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run, RunFonts,
    Table, TableCell, TableRow,
};

/// Millimetres in twentieths of a point.
fn mm(value: f64) -> i32 {
    (value / 25.4 * 1440.0).round() as i32
}

/// A4 in twips.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;

/// Type sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
const SIZE_TITLE: usize = 44;
const SIZE_BODY: usize = 32;
const SIZE_TABLE: usize = 24;

fn fonts(east_asia: &str, fallback: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii(fallback).hi_ansi(fallback).cs(fallback)
}

fn body_fonts() -> RunFonts {
    fonts("仿宋_GB2312", "仿宋")
}

fn fixed_line() -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(560)
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(SIZE_BODY).fonts(body_fonts()))
        .first_line_chars(200)
        .line_spacing(fixed_line())
        .align(AlignmentType::Both)
}

fn heading1(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(SIZE_BODY).fonts(fonts("黑体", "黑体")))
        .first_line_chars(200)
        .line_spacing(fixed_line())
        .keep_next(true)
}

fn heading2(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(SIZE_BODY).fonts(fonts("楷体_GB2312", "楷体")))
        .first_line_chars(200)
        .line_spacing(fixed_line())
        .keep_next(true)
}

fn centred(text: &str, size: usize, run_fonts: RunFonts) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).size(size).fonts(run_fonts)).align(AlignmentType::Center)
}

fn table(rows: &[Vec<String>]) -> Table {
    let rows: Vec<TableRow> = rows
        .iter()
        .enumerate()
        .map(|(row_idx, cells)| {
            TableRow::new(
                cells
                    .iter()
                    .map(|cell| {
                        let mut run = Run::new().add_text(cell).size(SIZE_TABLE).fonts(body_fonts());
                        if row_idx == 0 {
                            run = run.bold();
                        }
                        TableCell::new().add_paragraph(Paragraph::new().add_run(run).align(AlignmentType::Center))
                    })
                    .collect(),
            )
        })
        .collect();
    Table::new(rows)
}

const CN_NUMBERS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
    "十八", "十九", "二十",
];

fn cn(idx: usize) -> String {
    CN_NUMBERS.get(idx).map_or_else(|| (idx + 1).to_string(), |text| text.to_string())
}

/// "3月10日", or "2023年1月5日" when the year differs from the plan's first year.
fn day_text(text: &str, base_year: i32) -> String {
    match Date::parse(text) {
        Some(date) if date.year() == base_year => date.zh_month_day(),
        Some(date) => format!("{}年{}", date.year(), date.zh_month_day()),
        None => text.to_string(),
    }
}

fn percent(share: f64) -> String {
    let value = share * 100.0;
    if (value - value.round()).abs() < 1e-9 {
        format!("{}%", value.round() as i64)
    } else {
        format!("{value:.1}%")
    }
}

fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn yuan_text(value: f64) -> String {
    if value >= 10_000.0 {
        format!("{:.2}万元", value / 10_000.0)
    } else {
        format!("{}元", value.round() as i64)
    }
}

fn phase_heading_name(phase: &PhaseFile) -> String {
    let name = phase.name.trim();
    if name.ends_with("阶段") {
        name.to_string()
    } else {
        format!("{name}阶段")
    }
}

/// The sentence of a target, written as plans write them (and as the reader reads them).
fn target_sentence(file: &ScenarioFile, target_idx: usize, base_year: i32) -> String {
    let target = &file.targets[target_idx];
    let deadline = day_text(&target.deadline, base_year);
    let segment = target.segment.as_deref().and_then(|id| file.segments.iter().find(|segment| segment.id == id));
    let scope = segment.map(|segment| format!("{}（重点人群）", segment.name.replace('-', "至"))).unwrap_or_default();
    let scope = if segment.is_some_and(|segment| !segment.priority) {
        segment.map(|segment| segment.name.clone()).unwrap_or_default()
    } else {
        scope
    };
    let village = target
        .village
        .as_deref()
        .and_then(|id| file.villages.iter().find(|village| village.id == id))
        .map(|village| village.name.clone())
        .unwrap_or_default();
    match target.metric {
        Metric::Adoption => {
            let product = target.product.as_deref().unwrap_or("national_app");
            let (name, rate) = match product {
                "jinzhongzhao" => ("反诈“金钟罩”", "注册率"),
                "follow" => ("反诈公众号", "关注率"),
                "national_app" => ("国家反诈中心App", "安装率"),
                other => (
                    file.products.iter().find(|item| item.id == other).map_or(other, |item| item.name.as_str()),
                    "安装率",
                ),
            };
            let denominator = match target.denominator {
                Denominator::Residents => "（占常住人口）",
                Denominator::SmartphoneHolders => "（以智能手机持有者计）",
            };
            format!("{deadline}前，{village}{scope}{name}{rate}达到{}{denominator}。", percent(target.threshold))
        }
        Metric::Reach => format!("{deadline}前，{village}{scope}宣传覆盖率达到{}。", percent(target.threshold)),
        Metric::Awareness => format!("{deadline}前，{village}{scope}防骗知晓率达到{}。", percent(target.threshold)),
        Metric::YoyCases | Metric::YoyLoss => {
            let what = if target.metric == Metric::YoyCases {
                "电信网络诈骗发案数"
            } else {
                "群众被骗经济损失"
            };
            if target.threshold < 0.0 {
                format!("截至{deadline}，{what}同比下降{}。", percent(-target.threshold))
            } else if target.threshold == 0.0 {
                format!("截至{deadline}，{what}同比下降。")
            } else {
                format!("截至{deadline}，{what}同比上升幅度控制在{}以内。", percent(target.threshold))
            }
        }
    }
}

/// What every section of the document reads: the file and the words made from it.
struct Context<'a> {
    file: &'a ScenarioFile,
    /// The year of the plan's start, for dates written without one.
    base_year: i32,
    township: &'a str,
    /// 镇, 乡, 街道 or 辖区.
    unit: &'static str,
}

impl Context<'_> {
    fn channel_name(&self, id: &str) -> String {
        self.file
            .channels
            .iter()
            .find(|channel| channel.id == id)
            .map_or(id.to_string(), |channel| channel.name.clone())
    }

    fn channel_unit(&self, id: &str) -> String {
        self.file.channels.iter().find(|channel| channel.id == id).map_or(String::new(), |channel| channel.unit.clone())
    }

    fn phase_of(&self, id: &str) -> Option<&PhaseFile> {
        self.file.phases.iter().find(|phase| phase.id == id)
    }
}

fn add(docx: Docx, paragraph: Paragraph) -> Docx {
    docx.add_paragraph(paragraph)
}

/// The 实施方案 draft of `file` with the projected results of `outcome` (and the Monte Carlo chances when given)
/// in an annex. Chinese is the document's language; `lang` only changes the annex's captions to English.
/// Returns the .docx bytes.
pub fn plan_document(
    file: &ScenarioFile,
    outcome: &Outcome,
    monte_carlo: Option<&MonteCarloSummary>,
    lang: Lang,
) -> Vec<u8> {
    let base_year = Date::parse(&file.start_date).map_or(2000, Date::year);
    let township = file.township.name.as_str();
    let unit = if township.ends_with('镇') {
        "镇"
    } else if township.ends_with('乡') {
        "乡"
    } else if township.ends_with("街道") {
        "街道"
    } else {
        "辖区"
    };
    let ctx = Context { file, base_year, township, unit };
    let mut docx = page_setup(file);
    docx = opening(docx, &ctx);
    docx = targets_section(docx, &ctx);
    docx = leadership_section(docx, &ctx);
    docx = schedule_section(docx, &ctx);
    docx = channels_section(docx, &ctx);
    docx = rewards_section(docx, &ctx, outcome);
    docx = assessment_section(docx, &ctx);
    docx = requirements_section(docx);
    docx = annex_key_figures(docx, outcome, lang);
    docx = annex_targets(docx, &ctx, outcome, monte_carlo, lang);
    docx = annex_tables(docx, &ctx, outcome, lang);

    let mut cursor = std::io::Cursor::new(Vec::new());
    // Packing into memory fails only on an I/O error of the buffer, which cannot happen.
    match docx.build().pack(&mut cursor) {
        Ok(()) => cursor.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// A4, the 公文 margins, the body type, the draft's header and the page numbers.
fn page_setup(file: &ScenarioFile) -> Docx {
    Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(PageMargin {
            top: mm(37.0),
            bottom: mm(35.0),
            left: mm(28.0),
            right: mm(26.0),
            header: mm(15.0),
            footer: mm(25.0),
            gutter: 0,
        })
        .default_fonts(body_fonts())
        .default_size(SIZE_BODY)
        .created_at(&format!("{}T00:00:00Z", file.start_date))
        .updated_at(&format!("{}T00:00:00Z", file.start_date))
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_run(
                        Run::new()
                            .add_text("草稿 · 由无诈推演生成，请在 WPS/Word 中修改完善后印发")
                            .size(SIZE_TABLE)
                            .color("C00000")
                            .fonts(body_fonts()),
                    )
                    .align(AlignmentType::Right),
            ),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("— ").size(28))
                    .add_page_num(PageNum::new())
                    .add_run(Run::new().add_text(" —").size(28))
                    .align(AlignmentType::Center),
            ),
        )
}

/// The draft mark, the title and the opening paragraphs.
fn opening(mut docx: Docx, ctx: &Context) -> Docx {
    let file = ctx.file;
    let base_year = ctx.base_year;
    let township = ctx.township;
    docx = add(docx, centred("（草稿）", SIZE_BODY, fonts("黑体", "黑体")));
    let title = if file.name.contains("方案") { file.name.clone() } else { format!("{}实施方案", file.name) };
    docx = add(
        docx,
        centred(&title, SIZE_TITLE, fonts("方正小标宋简体", "宋体"))
            .line_spacing(LineSpacing::new().before(240).after(480)),
    );
    docx = add(
        docx,
        body(&format!(
            "为进一步提高群众防范电信网络诈骗的意识和能力，有效遏制电信网络诈骗案件高发态势，结合{township}实际，制定本方案。"
        )),
    );

    docx = add(
        docx,
        body(&format!(
            "本方案实施期间为{}年{}至{}年{}。",
            base_year,
            Date::parse(&file.start_date).map_or(String::new(), Date::zh_month_day),
            Date::parse(&file.end_date).map_or(base_year, Date::year),
            Date::parse(&file.end_date).map_or(String::new(), Date::zh_month_day)
        )),
    );

    docx
}

/// 一、工作目标.
fn targets_section(mut docx: Docx, ctx: &Context) -> Docx {
    let file = ctx.file;
    let base_year = ctx.base_year;
    docx = add(docx, heading1("一、工作目标"));
    if file.targets.is_empty() {
        docx = add(docx, body("（请填写本方案的工作目标。）"));
    }
    for target_idx in 0..file.targets.len() {
        docx = add(docx, body(&target_sentence(file, target_idx, base_year)));
    }

    docx
}

/// 二、组织领导.
fn leadership_section(mut docx: Docx, ctx: &Context) -> Docx {
    let township = ctx.township;
    let unit = ctx.unit;
    docx = add(docx, heading1("二、组织领导"));
    docx = add(
        docx,
        body(&format!(
            "成立{township}防范电信网络诈骗工作领导小组，由（请填写）任组长，（请填写）任副组长，派出所、综治中心及各村（社区）负责人为成员。领导小组下设办公室，办公室设在{unit}综治中心，负责统筹协调、督导推进日常工作。各村（社区）明确专人负责，压实网格员责任，做到乡镇、村（社区）、网格三级联动。"
        )),
    );

    docx
}

/// 三、工作安排: each top-level phase with its dates, its schedule and its items.
fn schedule_section(mut docx: Docx, ctx: &Context) -> Docx {
    let file = ctx.file;
    let base_year = ctx.base_year;
    let channel_name = |id: &str| ctx.channel_name(id);
    let channel_unit = |id: &str| ctx.channel_unit(id);
    docx = add(docx, heading1("三、工作安排"));
    let top: Vec<&PhaseFile> = file.phases.iter().filter(|phase| phase.parent.is_none()).collect();
    for (idx, phase) in top.iter().enumerate() {
        docx = add(
            docx,
            heading2(&format!(
                "（{}）{}（{}—{}）",
                cn(idx),
                phase_heading_name(phase),
                day_text(&phase.start, base_year),
                day_text(&phase.end, base_year)
            )),
        );
        let plans: Vec<String> = file
            .schedule
            .iter()
            .filter(|entry| entry.phase == phase.id)
            .map(|entry| {
                let per = match entry.per {
                    crate::format::wire::Per::Phase => "本阶段",
                    crate::format::wire::Per::Day => "每天",
                    crate::format::wire::Per::Week => "每周",
                    crate::format::wire::Per::Month => "每月",
                };
                let basis = match entry.basis {
                    crate::format::wire::Basis::PerVillage => "各村（社区）",
                    crate::format::wire::Basis::PerGridWorker => "每名网格员",
                    crate::format::wire::Basis::TownshipTotal => "全域合计",
                };
                format!(
                    "{}{}{}计划{}{}",
                    channel_name(&entry.channel),
                    basis,
                    per,
                    number(entry.units),
                    channel_unit(&entry.channel)
                )
            })
            .collect();
        if plans.is_empty() {
            docx = add(docx, body("（请填写本阶段的工作内容。）"));
        } else {
            docx = add(docx, body(&format!("本阶段主要工作：{}。", plans.join("；"))));
        }
        for (child_idx, child) in
            file.phases.iter().filter(|child| child.parent.as_deref() == Some(&phase.id)).enumerate()
        {
            docx = add(
                docx,
                body(&format!(
                    "{}.{}。（{}—{}）",
                    child_idx + 1,
                    child.name,
                    day_text(&child.start, base_year),
                    day_text(&child.end, base_year)
                )),
            );
        }
    }

    docx
}

/// 四、宣传载体与要求: the channels used and the floors.
fn channels_section(mut docx: Docx, ctx: &Context) -> Docx {
    let file = ctx.file;
    let base_year = ctx.base_year;
    let channel_name = |id: &str| ctx.channel_name(id);
    let channel_unit = |id: &str| ctx.channel_unit(id);
    let phase_of = |id: &str| ctx.phase_of(id);
    docx = add(docx, heading1("四、宣传载体与要求"));
    let used: Vec<&str> = {
        let mut used: Vec<&str> = Vec::new();
        for entry in &file.schedule {
            if !used.contains(&entry.channel.as_str()) {
                used.push(&entry.channel);
            }
        }
        used
    };
    let names: Vec<String> = used.iter().map(|id| channel_name(id)).collect();
    docx = add(
        docx,
        body(&format!(
            "综合运用{}等宣传载体，做到宣传进村入户、覆盖重点人群。",
            if names.is_empty() { "各类".to_string() } else { names.join("、") }
        )),
    );
    for floor in &file.floors {
        let when = match floor.phase.as_deref().and_then(phase_of) {
            Some(phase) => format!("{}期间至{}前", phase.name, day_text(&phase.end, base_year)),
            None => "全期".to_string(),
        };
        let unit_text = channel_unit(&floor.channel);
        let measure = if unit_text.chars().next().is_some_and(|ch| "条幅台辆场次份块张个".contains(ch)) {
            unit_text
        } else {
            format!("次（{unit_text}）")
        };
        docx = add(
            docx,
            body(&format!(
                "{when}每村（社区）{}不少于{}{measure}。",
                channel_name(&floor.channel),
                number(floor.min_units_per_village)
            )),
        );
    }

    docx
}

/// 五、奖励与经费.
fn rewards_section(mut docx: Docx, ctx: &Context, outcome: &Outcome) -> Docx {
    let file = ctx.file;
    let base_year = ctx.base_year;
    let unit = ctx.unit;
    let phase_of = |id: &str| ctx.phase_of(id);
    docx = add(docx, heading1("五、奖励与经费"));
    for reward in &file.rewards {
        let product = match reward.product.as_str() {
            "national_app" => "国家反诈中心App".to_string(),
            "jinzhongzhao" => "反诈“金钟罩”".to_string(),
            "follow" => "关注反诈公众号".to_string(),
            other => {
                file.products.iter().find(|item| item.id == other).map_or(other.to_string(), |item| item.name.clone())
            }
        };
        let when = match phase_of(&reward.phase) {
            Some(phase) => {
                format!("{}（{}—{}）", phase.name, day_text(&phase.start, base_year), day_text(&phase.end, base_year))
            }
            None => String::new(),
        };
        docx = add(
            docx,
            body(&format!(
                "{when}，责任网格每发动一户安装{product}奖励{}元，以截图核验后发放。",
                number(reward.yuan_per_install)
            )),
        );
    }
    if file.rewards.is_empty() {
        docx = add(docx, body("本方案不设安装奖励。"));
    }
    let total = outcome.totals.cash_yuan;
    let cap = file.budget.total_yuan.map(|cap| format!("，经费上限{}", yuan_text(cap))).unwrap_or_default();
    docx = add(
        docx,
        body(&format!(
            "工作经费预计{}（宣传载体{}，奖励支出{}）{cap}，由{unit}统筹保障。",
            yuan_text(total),
            yuan_text(outcome.totals.channel_cash_yuan),
            yuan_text(outcome.totals.rewards_paid_yuan)
        )),
    );

    docx
}

/// 六、考核.
fn assessment_section(mut docx: Docx, ctx: &Context) -> Docx {
    let file = ctx.file;
    docx = add(docx, heading1("六、考核"));
    match &file.assessment {
        Some(rules) if !rules.is_empty() => {
            let parts: Vec<String> =
                rules.iter().map(|rule| format!("{}{}分", rule.name, number(rule.points_max))).collect();
            docx = add(docx, body(&format!("实行百分制考核：{}。考核结果纳入年度平安建设考核。", parts.join("，"))));
        }
        _ => {
            docx = add(docx, body("实行百分制考核：体系建设40分，发案同比50分（同比持平记45分，每上升1个百分点减1分，上升20%及以上不得分），“断卡”行动10分。考核结果纳入年度平安建设考核。"));
        }
    }

    docx
}

/// 七、工作要求.
fn requirements_section(mut docx: Docx) -> Docx {
    docx = add(docx, heading1("七、工作要求"));
    for text in [
        "（一）提高思想认识。各村（社区）和相关单位要充分认识防范电信网络诈骗工作的重要性，主要负责同志亲自抓、负总责。",
        "（二）压实工作责任。坚持乡镇、村（社区）、网格三级联动，把宣传任务落实到人、到户，确保宣传不留死角。",
        "（三）加强督导检查。领导小组办公室每月开展督导，对进度滞后的单位及时提醒，确保各项目标如期完成。",
    ] {
        docx = add(docx, body(text));
    }

    docx
}

/// The annex's heading and its table of key figures.
fn annex_key_figures(mut docx: Docx, outcome: &Outcome, lang: Lang) -> Docx {
    let zh = lang == Lang::Zh;
    docx = add(
        docx,
        Paragraph::new()
            .add_run(Run::new().add_text("附件").size(SIZE_BODY).fonts(fonts("黑体", "黑体")))
            .page_break_before(true),
    );
    docx = add(
        docx,
        centred(
            if zh {
                "预计推演结果（由无诈推演按方案文件计算，供参考）"
            } else {
                "Projected results (computed by Wuzha from the scenario file)"
            },
            SIZE_BODY,
            fonts("方正小标宋简体", "宋体"),
        ),
    );
    let totals = &outcome.totals;
    let key_rows = vec![
        vec![if zh { "项目" } else { "item" }.to_string(), if zh { "预计" } else { "projected" }.to_string()],
        vec![if zh { "总费用" } else { "cash" }.into(), yuan_text(totals.cash_yuan)],
        vec![if zh { "覆盖人数" } else { "people reached" }.into(), format!("{:.0}", totals.people_reached)],
        vec![if zh { "预计发案（起）" } else { "cases expected" }.into(), format!("{:.1}", totals.cases_expected)],
        vec![
            if zh { "上年同期发案（起）" } else { "cases last year" }.into(),
            format!("{:.1}", totals.last_year_cases),
        ],
        vec![if zh { "少发案（起）" } else { "cases averted" }.into(), format!("{:.1}", totals.cases_averted)],
        vec![if zh { "预计损失" } else { "loss expected" }.into(), yuan_text(totals.loss_yuan)],
        vec![
            if zh { "考核得分" } else { "score" }.into(),
            format!("{:.1} / {:.0}", outcome.assessment.total, outcome.assessment.total_max),
        ],
    ];
    docx = docx.add_table(table(&key_rows));
    docx = add(docx, Paragraph::new());
    docx
}

/// The annex's table of targets: the value at each deadline, met or not, and the chance when Monte Carlo ran.
fn annex_targets(
    mut docx: Docx,
    ctx: &Context,
    outcome: &Outcome,
    monte_carlo: Option<&MonteCarloSummary>,
    lang: Lang,
) -> Docx {
    let file = ctx.file;
    let zh = lang == Lang::Zh;
    let mut target_rows = vec![vec![
        if zh { "目标" } else { "target" }.to_string(),
        if zh { "期限时预计" } else { "at deadline" }.to_string(),
        if zh { "是否达成" } else { "met" }.to_string(),
        if zh { "达成概率" } else { "chance" }.to_string(),
    ]];
    for (target, result) in file.targets.iter().zip(&outcome.targets) {
        let chance = monte_carlo
            .and_then(|monte_carlo| monte_carlo.targets.iter().find(|chance| chance.id == target.id))
            .map_or("—".to_string(), |chance| format!("{:.0}", chance.probability_met * 100.0) + " 成");
        target_rows.push(vec![
            target.id.clone(),
            result.value_at_deadline.map_or("—".into(), |value| format!("{:.1}", value * 100.0)),
            if result.met { "是" } else { "否" }.to_string(),
            chance.replace(" 成", "/100"),
        ]);
    }
    docx = docx.add_table(table(&target_rows));
    docx = add(docx, Paragraph::new());
    docx
}

/// The annex's tables of months and of costs by phase.
fn annex_tables(mut docx: Docx, ctx: &Context, outcome: &Outcome, lang: Lang) -> Docx {
    let phase_of = |id: &str| ctx.phase_of(id);
    let zh = lang == Lang::Zh;
    let mut month_rows = vec![vec![
        if zh { "月份" } else { "month" }.to_string(),
        if zh { "上年同期发案" } else { "last year" }.to_string(),
        if zh { "预计报案" } else { "reported" }.to_string(),
        if zh { "预计损失（元）" } else { "loss (yuan)" }.to_string(),
        if zh { "当月费用（元）" } else { "cash (yuan)" }.to_string(),
    ]];
    for month in &outcome.monthly {
        month_rows.push(vec![
            format!("{}-{:02}", month.year, month.month),
            format!("{:.1}", month.last_year_cases),
            format!("{:.1}", month.cases_reported),
            format!("{:.0}", month.loss_yuan),
            format!("{:.0}", month.cash_yuan),
        ]);
    }
    docx = docx.add_table(table(&month_rows));
    let mut phase_rows = vec![vec![
        if zh { "阶段" } else { "phase" }.to_string(),
        if zh { "载体费用（元）" } else { "channels (yuan)" }.to_string(),
        if zh { "奖励（元）" } else { "rewards (yuan)" }.to_string(),
        if zh { "合计（元）" } else { "total (yuan)" }.to_string(),
    ]];
    for phase in &outcome.costs.by_phase {
        let name = phase_of(&phase.id).map_or(phase.id.clone(), |phase| phase.name.clone());
        phase_rows.push(vec![
            name,
            format!("{:.0}", phase.channel_cash_yuan),
            format!("{:.0}", phase.rewards_yuan),
            format!("{:.0}", phase.total_yuan),
        ]);
    }
    docx = add(docx, Paragraph::new());
    docx = docx.add_table(table(&phase_rows));

    docx
}
