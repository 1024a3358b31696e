//! Office documents: every seed plan (`tests/fixtures/office/`, copies of `shared/seeds/`) read back with its
//! facts checked by hand-written expectations; the reader's rules on forms the seeds do not hold; the workbook
//! and the 实施方案 draft read back by readers; the round trip plan → .docx → plan.
//!
//! Run with `--nocapture` to see the measurements: import time per seed, the share of each seed's facts read
//! right, the workbook's and document's sizes.

use crate::common::cli::{text, write_temp, wuzha};
use std::time::Instant;
use wuzha::format::wire::{Metric, ScenarioFile};
use wuzha::office::{read_plan, split_plans, EscalationAction, PlanDraft};
use wuzha::Lang;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/office/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A fact a person reads in a plan, checked against the draft.
enum Fact {
    /// A phase: name, start, end (`YYYY-MM-DD`), and whether it is nested.
    Phase(&'static str, &'static str, &'static str, bool),
    /// A phase whose name is read (its dates are placeholders in the text).
    PhaseName(&'static str),
    /// A target: metric, product, threshold, deadline.
    Target(Metric, Option<&'static str>, f64, &'static str),
    /// A reward: product, yuan per install, the start of its phase.
    Reward(&'static str, f64, &'static str),
    /// A floor: channel, minimum per village.
    Floor(&'static str, f64),
    /// The priority age group, e.g. "19-45岁".
    Priority(&'static str),
    /// An escalation rule.
    Escalation(EscalationAction),
    /// The township's name.
    Township(&'static str),
}

fn holds(fact: &Fact, file: &ScenarioFile, draft: &PlanDraft) -> bool {
    match fact {
        Fact::Phase(name, start, end, nested) => file.phases.iter().any(|phase| {
            phase.name == *name && phase.start == *start && phase.end == *end && phase.parent.is_some() == *nested
        }),
        Fact::PhaseName(name) => file.phases.iter().any(|phase| phase.name == *name),
        Fact::Target(metric, product, threshold, deadline) => file.targets.iter().any(|target| {
            target.metric == *metric
                && target.product.as_deref() == *product
                && (target.threshold - threshold).abs() < 1e-9
                && target.deadline == *deadline
                && target.note.as_deref().is_some_and(|note| note.starts_with("原文："))
        }),
        Fact::Reward(product, yuan, phase_start) => file.rewards.iter().any(|reward| {
            reward.product == *product
                && (reward.yuan_per_install - yuan).abs() < 1e-9
                && file.phases.iter().any(|phase| phase.id == reward.phase && phase.start == *phase_start)
                && reward.note.as_deref().is_some_and(|note| note.starts_with("原文："))
        }),
        Fact::Floor(channel, min) => file
            .floors
            .iter()
            .any(|floor| floor.channel == *channel && (floor.min_units_per_village - min).abs() < 1e-9),
        Fact::Priority(name) => file.segments.iter().any(|segment| segment.priority && segment.name == *name),
        Fact::Escalation(action) => draft.escalations.iter().any(|rule| rule.action == *action),
        Fact::Township(name) => file.township.name == *name,
    }
}

/// Reads `text`, checks that the draft validates, and returns (draft, facts held, facts expected, the misses).
fn score(label: &str, text: &str, year: Option<i32>, facts: &[Fact]) -> (PlanDraft, usize, usize) {
    let started = Instant::now();
    let draft = read_plan(text, year, Lang::Zh);
    let elapsed = started.elapsed();
    assert!(wuzha::model::validate::validate(&draft.file).is_ok(), "{label}: the draft must pass check");
    let held = facts.iter().filter(|fact| holds(fact, &draft.file, &draft)).count();
    println!(
        "{label}: {held}/{} facts, {} phases, {} targets, {} rewards, {} floors, {} review items, {:.1} ms",
        facts.len(),
        draft.file.phases.len(),
        draft.file.targets.len(),
        draft.file.rewards.len(),
        draft.file.floors.len(),
        draft.review.len(),
        elapsed.as_secs_f64() * 1000.0
    );
    (draft, held, facts.len())
}

fn check_all(label: &str, text: &str, year: Option<i32>, facts: &[Fact]) -> PlanDraft {
    let (draft, held, total) = score(label, text, year, facts);
    for fact in facts {
        assert!(holds(fact, &draft.file, &draft), "{label}: a fact was not read: {}", describe(fact));
    }
    assert_eq!(held, total);
    draft
}

fn describe(fact: &Fact) -> String {
    match fact {
        Fact::Phase(name, start, end, nested) => format!("phase {name} {start}..{end} nested={nested}"),
        Fact::PhaseName(name) => format!("phase named {name}"),
        Fact::Target(metric, product, threshold, deadline) => {
            format!("target {metric:?} {product:?} {threshold} {deadline}")
        }
        Fact::Reward(product, yuan, start) => format!("reward {product} {yuan} in the phase from {start}"),
        Fact::Floor(channel, min) => format!("floor {channel} ≥ {min}"),
        Fact::Priority(name) => format!("priority {name}"),
        Fact::Escalation(action) => format!("escalation {action:?}"),
        Fact::Township(name) => format!("township {name}"),
    }
}

#[test]
fn seed_000_honglin_traditional_script_with_pinyin_glosses() {
    use Fact::*;
    let draft = check_all(
        "seed 000",
        &fixture("000_a150d3aa45f5cca6.txt"),
        None,
        &[
            Township("洪林镇"),
            Phase("谋划动员", "2022-03-10", "2022-03-13", false),
            Phase("工作准备", "2022-03-13", "2022-03-21", false),
            Phase("整体推进", "2022-03-21", "2022-12-31", false),
            Phase("重点人群精准防范宣传活动", "2022-03-21", "2022-06-21", true),
            Target(Metric::YoyCases, None, 0.0, "2022-12-31"),
            Target(Metric::YoyLoss, None, 0.0, "2022-12-31"),
            Reward("national_app", 2.0, "2022-03-21"),
            Priority("19-45岁"),
        ],
    );
    assert_eq!(draft.year, 2022);
    assert!(draft.traditional_share > 0.3, "seed 000 is in traditional script");
    assert_eq!(draft.file.name, "2022年度洪林镇电信网络诈骗犯罪精准防范宣传实施方案");
    // The reward sits in the nested priority push, as the text has it.
    let reward = &draft.file.rewards[0];
    let phase = draft.file.phases.iter().find(|phase| phase.id == reward.phase).expect("its phase");
    assert_eq!(phase.end, "2022-06-21");
    // No pinyin gloss survives in any quote.
    assert!(draft.sources.iter().all(|source| !source.quote.contains("(zhèn)") && !source.quote.contains("(hào)")));
    // 全员安装 and 零发案 have no place as targets: they are in the review list.
    assert!(draft.review.iter().any(|item| item.message.contains("全员安装")));
    assert!(draft.review.iter().any(|item| item.message.contains("零发案")));
}

#[test]
fn seed_001_qiaojiang_floors_and_accountability() {
    use Fact::*;
    let draft = check_all(
        "seed 001",
        &fixture("001_859f813bdd779a68.txt"),
        None,
        &[
            Township("桥江镇"),
            Phase("集中宣传", "2021-05-10", "2021-06-30", false),
            Floor("banner", 2.0),
            Floor("van", 1.0),
            Escalation(EscalationAction::Accountability),
        ],
    );
    assert_eq!(draft.year, 2021);
    assert_eq!(draft.file.township.county.as_deref(), Some("溆浦县"));
    assert!(draft.file.rewards.is_empty(), "seed 001 pays no reward");
    // Red-paper slogans are counted per compound, not per village: reviewed, not guessed.
    assert!(draft.review.iter().any(|item| item.quote.as_deref().is_some_and(|quote| quote.contains("院落"))));
    // The cadres' 金钟罩 registration has no share: reviewed.
    assert!(draft.review.iter().any(|item| item.message.contains("没有比例")));
}

#[test]
fn seed_004_binzhou_news_article_targets() {
    use Fact::*;
    let draft = check_all(
        "seed 004",
        &fixture("004_8a10ad927a35af18.txt"),
        None,
        &[
            Township("滨州经济技术开发区"),
            Target(Metric::Adoption, Some("jinzhongzhao"), 0.8, "2021-06-30"),
            Target(Metric::Adoption, Some("national_app"), 0.8, "2021-06-30"),
            Target(Metric::Adoption, Some("jinzhongzhao"), 1.0, "2021-07-31"),
            Target(Metric::Adoption, Some("national_app"), 1.0, "2021-07-31"),
        ],
    );
    // The year comes from the page's date, and says so; the assessment's "20%" is no target.
    assert_eq!(draft.year, 2021);
    assert!(draft.review.iter().any(|item| item.message.contains("发布日期")));
    assert_eq!(draft.file.targets.len(), 4, "{:?}", draft.file.targets);
    // Page junk is gone from every quote.
    assert!(draft
        .sources
        .iter()
        .all(|source| !source.quote.contains("责任编辑") && !source.quote.contains("发布时间")));
}

#[test]
fn seed_003_eight_plans_on_one_page() {
    use Fact::*;
    let page = fixture("003_e0689d202bf2df07_plans_1-8.txt");
    let plans = split_plans(&page);
    assert_eq!(plans.len(), 8);
    // Read whole, the page says it holds eight plans.
    let whole = read_plan(&page, Some(2023), Lang::Zh);
    assert_eq!(whole.plans_in_text, 8);
    let expectations: Vec<Vec<Fact>> = vec![
        vec![
            Target(Metric::YoyCases, None, 0.0, "2023-12-31"),
            Target(Metric::YoyLoss, None, 0.0, "2023-12-31"),
            Escalation(EscalationAction::Interview),
            Escalation(EscalationAction::Notice),
        ],
        vec![
            Phase("实施", "2023-07-01", "2023-09-30", false),
            Phase("总结", "2023-10-01", "2023-10-15", false),
            PhaseName("筹备"),
        ],
        vec![Phase("集中宣传", "2023-01-21", "2023-02-28", false)],
        vec![Phase("宣传周", "2023-04-22", "2023-04-26", false)],
        vec![Phase("宣传活动", "2023-10-12", "2023-10-30", false)],
        vec![PhaseName("宣传发动"), PhaseName("打击整治"), PhaseName("总结提升")],
        vec![],
        vec![],
    ];
    for (idx, (plan, facts)) in plans.iter().zip(&expectations).enumerate() {
        let draft = check_all(&format!("seed 003 plan {}", idx + 1), plan, Some(2023), facts);
        assert_eq!(draft.year, 2023);
        // Plans that set no measurable target get none invented.
        if idx >= 1 {
            assert!(draft.file.targets.is_empty(), "plan {}: {:?}", idx + 1, draft.file.targets);
        }
    }
    // Without --year, "20xx" is reported.
    let draft = read_plan(&plans[1], None, Lang::Zh);
    assert!(draft.review.iter().any(|item| item.path.as_deref() == Some("start_date")));
}

/// The forms of the genre the seeds do not hold: simplified script, full-width digits, Chinese numerals, the
/// county's escalation ladder, a follow target over the registered population, a half-year case target.
#[test]
fn a_county_plan_in_simplified_script() {
    use Fact::*;
    let text = "\
××县2024年防范电信网络诈骗“两降”攻坚实施方案
来源：县平安办  编辑：张三
一、工作目标
6月30日前，全县电信网络诈骗发案数同比下降；12月31日前，全年警情、发案数同比下降。确保至少达到户籍人口８０％的关注率。
二、工作安排
（一）动员部署阶段（２月１日—２月１０日）
（二）集中宣传阶段（二月十一日至六月底）
每个行政村悬挂横幅不少于３条，每村至少安排宣传车2台次。国家反诈中心App安装率达到75%以上。
（三）总结巩固阶段（7月1日-12月31日）
三、考核问责
每期警情排名前两名的镇（街道），由县平安办对分管领导进行提醒谈话；连续两期排名前两名的，约谈分管领导；连续三期排名前两名的，由主要负责人向县领导小组作出书面说明。
上一篇：关于开展反诈宣传月的通知
- 2 -";
    let draft = check_all(
        "county plan",
        text,
        None,
        &[
            Phase("动员部署", "2024-02-01", "2024-02-10", false),
            Phase("集中宣传", "2024-02-11", "2024-06-30", false),
            Phase("总结巩固", "2024-07-01", "2024-12-31", false),
            Target(Metric::YoyCases, None, 0.0, "2024-06-30"),
            Target(Metric::YoyCases, None, 0.0, "2024-12-31"),
            Target(Metric::Adoption, Some("follow"), 0.8, "2024-12-31"),
            Target(Metric::Adoption, Some("national_app"), 0.75, "2024-06-30"),
            Floor("banner", 3.0),
            Floor("van", 2.0),
            Escalation(EscalationAction::ReminderTalk),
            Escalation(EscalationAction::Interview),
            Escalation(EscalationAction::WrittenExplanation),
        ],
    );
    let interview = draft.escalations.iter().find(|rule| rule.action == EscalationAction::Interview).expect("约谈");
    assert_eq!(interview.consecutive_periods, Some(2));
    assert_eq!(interview.rank_top, Some(2));
    let written =
        draft.escalations.iter().find(|rule| rule.action == EscalationAction::WrittenExplanation).expect("书面说明");
    assert_eq!(written.consecutive_periods, Some(3));
    // The follow target is of the registered population.
    let follow = draft.file.targets.iter().find(|target| target.product.as_deref() == Some("follow")).expect("follow");
    assert_eq!(follow.denominator, wuzha::format::wire::Denominator::Residents);
    assert!(draft.sources.iter().all(|source| !source.quote.contains("上一篇")));
}

#[test]
fn dates_in_words_and_rewards_per_household() {
    use Fact::*;
    let text = "\
二〇二三年某镇反诈宣传工作方案
一、时间安排
即日起至十二月三十一日。
二、奖励办法
网格员每发动一户安装国家反诈中心App，奖励5元，以截图为准。";
    let draft = read_plan(text, Some(2023), Lang::En);
    assert!(wuzha::model::validate::validate(&draft.file).is_ok());
    // "即日起" without an issue date cannot be resolved: the phase is reviewed, never invented silently.
    assert!(!draft.review.is_empty());
    assert!(holds(&Reward("national_app", 5.0, &draft.file.phases[0].start.clone().leak()[..]), &draft.file, &draft));
    // English messages when asked.
    assert!(draft.review.iter().all(|item| item.message.is_ascii() || item.message.contains('"')));
}

#[test]
fn anything_gives_a_valid_draft() {
    for text in [
        "",
        "\u{feff}",
        "一、",
        "（一）阶段（XX月XX日—XX月XX日）",
        "每村不少于999999条横幅",
        "100%",
        "3月40日—2月1日阶段",
    ] {
        let draft = read_plan(text, None, Lang::Zh);
        assert!(wuzha::model::validate::validate(&draft.file).is_ok(), "{text:?}");
    }
}

fn scenario(name: &str) -> (ScenarioFile, wuzha::Scenario) {
    let path = format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    wuzha::model::validate::parse_scenario(&text).unwrap_or_else(|errors| panic!("{path}: {errors:?}"))
}

const SCENARIOS: [&str; 4] = ["honglin-2022.json", "qiaojiang-2021.json", "binzhou-2021.json", "template.json"];

/// Phases as (name, start, end, nested), targets as (metric, product, segment, threshold ×1000, deadline), rewards
/// as (product, yuan ×100, phase start, phase end): what a round trip must keep.
type Facts = (
    Vec<(String, String, String, bool)>,
    Vec<(String, String, String, i64, String)>,
    Vec<(String, i64, String, String)>,
);

const TEMPLATE_SEGMENTS: [&str; 4] = ["adults_19_45", "elderly_60plus", "students", "others"];

fn facts_of(file: &ScenarioFile) -> Facts {
    let mut phases: Vec<_> = file
        .phases
        .iter()
        .map(|phase| (phase.name.clone(), phase.start.clone(), phase.end.clone(), phase.parent.is_some()))
        .collect();
    let mut targets: Vec<_> = file
        .targets
        .iter()
        .map(|target| {
            (
                format!("{:?}", target.metric),
                target.product.clone().unwrap_or_default(),
                // A segment the template lacks (cadres) cannot survive: the draft's segments are the template's.
                target
                    .segment
                    .clone()
                    .filter(|segment| TEMPLATE_SEGMENTS.contains(&segment.as_str()))
                    .unwrap_or_default(),
                (target.threshold * 1000.0).round() as i64,
                target.deadline.clone(),
            )
        })
        .collect();
    let mut rewards: Vec<_> = file
        .rewards
        .iter()
        .map(|reward| {
            let phase = file.phases.iter().find(|phase| phase.id == reward.phase);
            (
                reward.product.clone(),
                (reward.yuan_per_install * 100.0).round() as i64,
                phase.map(|phase| phase.start.clone()).unwrap_or_default(),
                phase.map(|phase| phase.end.clone()).unwrap_or_default(),
            )
        })
        .collect();
    phases.sort();
    targets.sort();
    targets.dedup();
    rewards.sort();
    (phases, targets, rewards)
}

#[test]
fn a_plan_exported_as_docx_reads_back_with_the_same_phases_targets_and_rewards() {
    for name in SCENARIOS {
        let (file, scenario) = scenario(name);
        let outcome = wuzha::simulate(&scenario);
        let started = Instant::now();
        let bytes = wuzha::office::plan_document(&file, &outcome, None, Lang::Zh);
        let built = started.elapsed();
        let text = wuzha::office::docx_text(&bytes).expect("our own .docx reads");
        let draft = read_plan(&text, None, Lang::Zh);
        assert!(wuzha::model::validate::validate(&draft.file).is_ok(), "{name}");
        let (phases, targets, rewards) = facts_of(&file);
        let (phases_back, targets_back, rewards_back) = facts_of(&draft.file);
        println!("{name}: document {} bytes in {:.1} ms", bytes.len(), built.as_secs_f64() * 1000.0);
        assert_eq!(phases_back, phases, "{name}: phases");
        assert_eq!(targets_back, targets, "{name}: targets");
        assert_eq!(rewards_back, rewards, "{name}: rewards");
        assert_eq!(draft.file.township.name, file.township.name, "{name}");
        // A name without "方案" gets "实施方案" as the document's title.
        assert!(
            draft.file.name == file.name || draft.file.name == format!("{}实施方案", file.name),
            "{name}: {}",
            draft.file.name
        );
    }
}

/// The part of `xml` inside the first `<tag .../>`.
fn first_tag<'a>(xml: &'a str, tag: &str) -> &'a str {
    let start = xml.find(&format!("<{tag} ")).unwrap_or_else(|| panic!("no <{tag}>"));
    let end = xml[start..].find('>').map_or(xml.len(), |end| start + end);
    &xml[start..end]
}

#[test]
fn the_draft_is_a4_in_the_official_layout_and_says_it_is_a_draft() {
    let (file, scenario) = scenario("honglin-2022.json");
    let outcome = wuzha::simulate(&scenario);
    let bytes = wuzha::office::plan_document(&file, &outcome, None, Lang::Zh);
    let xml = wuzha::office::docx_read::zip_entry(&bytes, "word/document.xml").expect("document.xml");
    let xml = String::from_utf8(xml).expect("UTF-8");
    let size = first_tag(&xml, "w:pgSz");
    assert!(size.contains("w:w=\"11906\"") && size.contains("w:h=\"16838\""), "A4: {size}");
    let margins = first_tag(&xml, "w:pgMar");
    // 37, 35, 28 and 26 mm in twips.
    for (side, twips) in [("top", 2098), ("bottom", 1984), ("left", 1587), ("right", 1474)] {
        assert!(margins.contains(&format!("w:{side}=\"{twips}\"")), "{side}: {margins}");
    }
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] {
        assert!(xml.contains(font), "{font}");
    }
    // 二号 title (44 half-points) and 三号 body (32).
    assert!(xml.contains("w:val=\"44\"") && xml.contains("w:val=\"32\""));
    let text = wuzha::office::docx_text(&bytes).expect("text");
    for heading in [
        "一、工作目标",
        "二、组织领导",
        "三、工作安排",
        "四、宣传载体与要求",
        "五、奖励与经费",
        "六、考核",
        "七、工作要求",
        "附件",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(text.contains("（一）谋划动员阶段（3月10日—3月13日）"));
    assert!(text.contains("（草稿）"));
    let header = wuzha::office::docx_read::zip_entry(&bytes, "word/header1.xml").expect("a header");
    assert!(String::from_utf8_lossy(&header).contains("草稿"));
    // The same plan gives the same bytes (no clock).
    assert_eq!(bytes, wuzha::office::plan_document(&file, &outcome, None, Lang::Zh));
}

#[test]
fn the_workbook_reads_back_with_numbers_dates_every_village_and_phase() {
    use calamine::{Data, Reader, Xlsx};
    for name in SCENARIOS {
        let (file, scenario) = scenario(name);
        let outcome = wuzha::simulate(&scenario);
        let started = Instant::now();
        let bytes = wuzha::office::workbook(&file, &outcome, None, Lang::Zh);
        println!("{name}: workbook {} bytes in {:.1} ms", bytes.len(), started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(bytes, wuzha::office::workbook(&file, &outcome, None, Lang::Zh), "no clock in the bytes");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an .xlsx");
        let names = book.sheet_names();
        for sheet in [
            "概要",
            "村（社区）",
            "人群",
            "宣传载体",
            "阶段",
            "宣传安排",
            "下限",
            "奖励",
            "目标",
            "每日",
            "月度发案与损失",
            "各村结果",
            "阶段费用",
            "载体费用",
        ] {
            assert!(names.iter().any(|name| name == sheet), "{name}: sheet {sheet} in {names:?}");
        }
        let villages = book.worksheet_range("村（社区）").expect("villages");
        assert_eq!(villages.height(), file.villages.len() + 1, "{name}: a row per village");
        for (row, village) in villages.rows().skip(1).zip(&file.villages) {
            assert_eq!(row[1], Data::String(village.name.clone()));
            assert_eq!(row[2], Data::Float(village.residents as f64), "{name}: residents are numbers");
        }
        let phases = book.worksheet_range("阶段").expect("phases");
        assert_eq!(phases.height(), file.phases.len() + 1);
        for (row, phase) in phases.rows().skip(1).zip(&file.phases) {
            assert_eq!(row[1], Data::String(phase.name.clone()));
            assert!(matches!(row[2], Data::DateTime(_)), "{name}: dates are dates: {:?}", row[2]);
        }
        let daily = book.worksheet_range("每日").expect("daily");
        assert_eq!(daily.height(), outcome.dates.len() + 1);
        let last = daily.rows().next_back().expect("a last day");
        assert!(matches!(last[0], Data::DateTime(_)));
        match &last[1] {
            Data::Float(reached) => assert!((reached - outcome.daily.reached[outcome.dates.len() - 1]).abs() < 1e-12),
            other => panic!("{name}: reach is a number, not {other:?}"),
        }
        let by_village = book.worksheet_range("各村结果").expect("by village");
        assert_eq!(by_village.height(), file.villages.len() + 1);
        let monthly = book.worksheet_range("月度发案与损失").expect("monthly");
        assert_eq!(monthly.height(), outcome.monthly.len() + 1);
    }
}

#[test]
fn the_workbook_carries_the_monte_carlo_bands_when_they_have_run() {
    use calamine::{Reader, Xlsx};
    let (file, scenario) = scenario("template.json");
    let outcome = wuzha::simulate(&scenario);
    let config = wuzha::uncertainty::MonteCarloConfig { n_runs: 20, seed: 7, noise: true };
    let summary = wuzha::uncertainty::run_batch(&scenario, &config, |_| {});
    let bytes = wuzha::office::workbook(&file, &outcome, Some(&summary), Lang::En);
    println!("template with 20 Monte Carlo runs: workbook {} bytes", bytes.len());
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an .xlsx");
    let names = book.sheet_names();
    for sheet in ["Summary", "Monte Carlo", "Monthly bands", "Daily bands", "Targets"] {
        assert!(names.iter().any(|name| name == sheet), "{sheet} in {names:?}");
    }
    let bands = book.worksheet_range("Daily bands").expect("daily bands");
    assert_eq!(bands.height(), outcome.dates.len() + 1);
}

#[test]
fn the_office_commands_write_files_that_read_back() {
    let plan = write_temp("plan.txt", fixture("000_a150d3aa45f5cca6.txt").as_bytes());
    let plan = plan.to_string_lossy();
    let json_out = write_temp("draft.json", b"");
    let json_out = json_out.to_string_lossy();
    let output = wuzha(&["import-plan", &plan, "--out", &json_out, "--format", "json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let draft: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the draft as JSON");
    assert!(draft["review"].as_array().is_some_and(|review| !review.is_empty()));
    // The scenario written passes `check`.
    let check = wuzha(&["check", &json_out]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    let summary = wuzha(&["import-plan", &plan, "--lang", "en"]);
    assert!(text(&summary.stdout).contains("谋划动员 2022-03-10 – 2022-03-13"), "{}", text(&summary.stdout));

    let scenario_path = format!("{}/scenarios/honglin-2022.json", env!("CARGO_MANIFEST_DIR"));
    let xlsx = write_temp("plan.xlsx", b"");
    let xlsx = xlsx.to_string_lossy();
    let output = wuzha(&["export", &scenario_path, "--format", "xlsx", "--out", &xlsx]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(std::fs::read(&*xlsx).expect("the workbook").starts_with(b"PK"));
    let docx = write_temp("plan.docx", b"");
    let docx = docx.to_string_lossy();
    let output = wuzha(&["report", &scenario_path, "--out", &docx]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    // The draft reads back through import-plan.
    let output = wuzha(&["import-plan", &docx, "--format", "json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let draft: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(draft["file"]["rewards"][0]["yuan_per_install"], serde_json::json!(2.0));
    // Usage errors exit 1; a missing file exits 2.
    assert_eq!(wuzha(&["export", &scenario_path, "--out", &xlsx]).status.code(), Some(1));
    assert_eq!(wuzha(&["import-plan", &plan, "--year", "1999"]).status.code(), Some(1));
    assert_eq!(wuzha(&["import-plan", "/nonexistent/plan.txt"]).status.code(), Some(2));
}

/// A seed's label, text, `--year`, the facts a person notes, and how many of them the reader gets today.
type SeedFacts = (&'static str, String, Option<i32>, Vec<Fact>, usize);

/// The share of each seed's phases, targets and rewards read right, over the facts a person notes in the text
/// (including those the reader misses on purpose or not): printed with --nocapture, held at today's level.
#[test]
fn the_share_of_each_seeds_facts_read_right() {
    use Fact::*;
    let page = fixture("003_e0689d202bf2df07_plans_1-8.txt");
    let plans = split_plans(&page);
    let seeds: Vec<SeedFacts> = vec![
        (
            "000",
            fixture("000_a150d3aa45f5cca6.txt"),
            None,
            vec![
                Phase("谋划动员", "2022-03-10", "2022-03-13", false),
                Phase("工作准备", "2022-03-13", "2022-03-21", false),
                Phase("整体推进", "2022-03-21", "2022-12-31", false),
                Phase("重点人群精准防范宣传活动", "2022-03-21", "2022-06-21", true),
                Target(Metric::YoyCases, None, 0.0, "2022-12-31"),
                Target(Metric::YoyLoss, None, 0.0, "2022-12-31"),
                Reward("national_app", 2.0, "2022-03-21"),
            ],
            7,
        ),
        (
            "001",
            fixture("001_859f813bdd779a68.txt"),
            None,
            vec![
                Phase("集中宣传", "2021-05-10", "2021-06-30", false),
                // 干部及家属6月底前完成“金钟罩”注册: a target with no share, reviewed instead.
                Target(Metric::Adoption, Some("jinzhongzhao"), 1.0, "2021-06-30"),
                Floor("banner", 2.0),
                Floor("van", 1.0),
            ],
            3,
        ),
        (
            "004",
            fixture("004_8a10ad927a35af18.txt"),
            None,
            vec![
                Target(Metric::Adoption, Some("jinzhongzhao"), 0.8, "2021-06-30"),
                Target(Metric::Adoption, Some("national_app"), 0.8, "2021-06-30"),
                Target(Metric::Adoption, Some("jinzhongzhao"), 1.0, "2021-07-31"),
                Target(Metric::Adoption, Some("national_app"), 1.0, "2021-07-31"),
            ],
            4,
        ),
        (
            "003.1",
            plans[0].clone(),
            Some(2023),
            vec![Target(Metric::YoyCases, None, 0.0, "2023-12-31"), Target(Metric::YoyLoss, None, 0.0, "2023-12-31")],
            2,
        ),
        (
            "003.2",
            plans[1].clone(),
            Some(2023),
            vec![
                Phase("筹备", "2023-01-01", "2023-06-30", false),
                Phase("实施", "2023-07-01", "2023-09-30", false),
                Phase("总结", "2023-10-01", "2023-10-15", false),
            ],
            3,
        ),
        ("003.3", plans[2].clone(), Some(2023), vec![Phase("集中宣传", "2023-01-21", "2023-02-28", false)], 1),
        ("003.4", plans[3].clone(), Some(2023), vec![Phase("宣传周", "2023-04-22", "2023-04-26", false)], 1),
        ("003.5", plans[4].clone(), Some(2023), vec![Phase("宣传活动", "2023-10-12", "2023-10-30", false)], 1),
        // Plan 6's dates are all "XX": the names are read, the dates cannot be.
        (
            "003.6",
            plans[5].clone(),
            Some(2023),
            vec![PhaseName("宣传发动"), PhaseName("打击整治"), PhaseName("总结提升")],
            3,
        ),
    ];
    let mut total_held = 0;
    let mut total = 0;
    for (label, text, year, facts, expected_held) in seeds {
        let (_, held, n_facts) = score(&format!("seed {label}"), &text, year, &facts);
        println!(
            "seed {label}: {held}/{n_facts} = {:.0} % of phases, targets, rewards and floors read right",
            100.0 * held as f64 / n_facts as f64
        );
        assert_eq!(held, expected_held, "seed {label}: the share read right changed");
        total_held += held;
        total += n_facts;
    }
    println!("all seeds: {total_held}/{total} = {:.0} %", 100.0 * total_held as f64 / total as f64);
}

/// More of the genre: ordinal phase headings, a 步骤 section without the word 阶段, month ranges, 周岁, a lump
/// sum per village that is no per-install reward, a share of people who download.
#[test]
fn ordinal_phases_month_ranges_and_lump_sums() {
    use Fact::*;
    let text = "\
某某镇2023年打击治理电信网络诈骗宣传工作方案
一、工作目标
力争80%的群众下载注册国家反诈中心APP。重点宣传对象为18周岁至60周岁易受骗年龄段人群。
二、工作步骤
第一阶段：宣传发动阶段（3月1日至3月15日）
第二阶段：集中攻坚（3—5月）
第三阶段：总结提升（12月）
三、保障措施
镇财政对每个村奖励1000元工作经费；网格员每推广1名群众注册奖励1元。
（来源：某某镇人民政府）";
    let draft = check_all(
        "ordinal phases",
        text,
        None,
        &[
            Township("某某镇"),
            Phase("宣传发动", "2023-03-01", "2023-03-15", false),
            Phase("集中攻坚", "2023-03-01", "2023-05-31", false),
            Phase("总结提升", "2023-12-01", "2023-12-31", false),
            Target(Metric::Adoption, Some("national_app"), 0.8, "2023-12-31"),
            Priority("18-60岁"),
        ],
    );
    assert_eq!(draft.file.rewards.len(), 1, "{:?}", draft.file.rewards);
    assert!((draft.file.rewards[0].yuan_per_install - 1.0).abs() < 1e-9);
    assert!(draft.file.segments.iter().any(|segment| segment.id == "adults_18_60"));
}

/// Any prefix or suffix of any seed (cut at every 97th character) still gives a draft that passes `check`.
#[test]
fn cut_seeds_still_give_valid_drafts() {
    for name in [
        "000_a150d3aa45f5cca6.txt",
        "001_859f813bdd779a68.txt",
        "003_e0689d202bf2df07_plans_1-8.txt",
        "004_8a10ad927a35af18.txt",
    ] {
        let text = fixture(name);
        let cuts: Vec<usize> = text.char_indices().map(|(idx, _)| idx).step_by(97).collect();
        for cut in cuts {
            for part in [&text[..cut], &text[cut..]] {
                let draft = read_plan(part, None, Lang::Zh);
                assert!(wuzha::model::validate::validate(&draft.file).is_ok(), "{name} cut at byte {cut}");
            }
        }
    }
}

/// A plan pasted as one long line (as some pages give it) reads as the same plan.
#[test]
fn a_plan_pasted_as_one_line_reads_the_same() {
    let text = fixture("000_a150d3aa45f5cca6.txt");
    let one_line: String = text.lines().collect::<Vec<_>>().join(" ");
    let lines = read_plan(&text, None, Lang::Zh);
    let flat = read_plan(&one_line, None, Lang::Zh);
    assert_eq!(facts_of(&flat.file), facts_of(&lines.file));
}
