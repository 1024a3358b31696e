//! Native golden-style tests of the charts: each is drawn to SVG from the embedded 洪林镇 2022 outcome and
//! checked for the elements a reader relies on (lines, bars, Chinese labels, months).

#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use std::rc::Rc;
use wuzha_www::charts::{self, ChartStyle, LegendMark};
use wuzha_www::state::{Computed, State};
use wuzha_www::words::Lang;

/// The default state's result (洪林镇 2022, simulated once per call).
fn honglin() -> Rc<Computed> {
    let state = State::new(Lang::Zh);
    state.result.clone().expect("the embedded 洪林镇 2022 scenario is valid")
}

/// Draws with `draw` on an 800×300 SVG and returns the SVG text.
fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>)) -> String {
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, (800, 300)).into_drawing_area();
        draw(&area);
    }
    text
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every month label of a calendar year, 1月 … 12月.
fn assert_has_months(svg: &str) {
    for month in 1..=12 {
        assert!(svg.contains(&format!("\n{month}月\n")), "no {month}月 label");
    }
}

#[test]
fn adoption_chart_draws_a_line_per_product_targets_and_phases() {
    let computed = honglin();
    let data = charts::adoption_chart(Lang::Zh, &computed);
    assert_eq!(data.lines.len(), computed.scenario.products.len());
    assert_eq!(data.lines[0].values.len(), 365);
    assert_eq!(data.axis.month_starts.len(), 12);
    assert_eq!(data.axis.month_starts[5], (151.0, "6月".to_string()), "1 June 2022 is day 151");
    // 洪林镇 has two adoption targets, both on smartphone holders: each has its own path, ending on its dot.
    assert_eq!(data.targets.len(), 2);
    assert!(data.targets.iter().all(|mark| mark.deadline == 180.0 && !mark.on_line && mark.threshold_pct == 80.0));
    for mark in &data.targets {
        let path = mark.path.as_ref().expect("off-line targets carry their own path");
        assert_eq!(path.len(), 365);
        assert_eq!(Some(path[180]), mark.value_pct, "the dot sits on the path at the deadline");
    }
    assert_eq!(data.phases.len(), computed.scenario.phases.len());
    let legend = data.legend();
    assert_eq!(
        legend.iter().map(|entry| entry.mark).collect::<Vec<_>>(),
        [LegendMark::Line, LegendMark::Dashed, LegendMark::Dot, LegendMark::Line]
    );

    let text =
        svg(|area| charts::draw_adoption(area, &data, &ChartStyle::default()).expect("drawing on SVG cannot fail"));
    assert_has_months(&text);
    assert!(text.contains("覆盖率（%）"), "y axis title");
    assert!(text.contains("\n80%\n") && text.contains("\n0%\n"), "percent ticks");
    assert!(text.contains("国家反诈中心App"), "product in the legend");
    assert!(text.contains("谋划动员") && text.contains("重点人群精准防范"), "phase names");
    // One polyline per product line and per target path; each dashed target line is many short segments.
    assert!(count(&text, "<polyline") >= data.lines.len() + 3 * data.targets.len(), "{}", count(&text, "<polyline"));
    assert_eq!(count(&text, "<circle"), 2 + 1, "one dot per target, one in the legend");
}

#[test]
fn cost_chart_draws_cash_rewards_and_the_budget_in_wan_yuan() {
    let computed = honglin();
    let data = charts::cost_chart(Lang::Zh, &computed);
    assert_eq!(data.y_unit_yuan, 1e4, "洪林镇 spends tens of thousands of yuan: the axis is in 万元");
    assert_eq!(data.budget.as_ref().map(|(_, cap)| *cap), Some(8.0), "budget 80 000 元 = 8 万元");
    let last_cash = data.cash.values.last().copied().unwrap_or_default();
    assert!((last_cash * 1e4 - computed.outcome.totals.cash_yuan).abs() < 1e-6);

    let text = svg(|area| charts::draw_cost(area, &data, &ChartStyle::default()).expect("drawing on SVG cannot fail"));
    assert_has_months(&text);
    assert!(text.contains("累计费用（万元）"));
    assert!(text.contains("预算上限") && text.contains("其中奖励"), "legend");
    assert!(count(&text, "<polygon") >= 1, "the area under cumulative cash");
    assert!(count(&text, "<polyline") >= 2, "cash and rewards lines");
}

#[test]
fn cases_chart_draws_three_bars_a_month() {
    let computed = honglin();
    let data = charts::cases_chart(Lang::Zh, &computed);
    assert_eq!(data.months.len(), 12);
    assert_eq!(data.bars.len(), 3);
    let plan: f64 = data.bars[2].values.iter().sum();
    assert!((plan - computed.outcome.totals.cases_reported).abs() < 1e-6, "the plan's bars are reported cases");

    let text = svg(|area| charts::draw_cases(area, &data, &ChartStyle::default()).expect("drawing on SVG cannot fail"));
    assert_has_months(&text);
    assert!(text.contains("发案数（起）"));
    assert!(text.contains("去年同期") && text.contains("不开展宣传") && text.contains("本方案"), "legend");
    // Background, 36 bars and 3 legend boxes at least.
    assert!(count(&text, "<rect") >= 36 + 3, "{}", count(&text, "<rect"));
}

/// The font sizes used in an SVG, largest first.
fn font_sizes(svg: &str) -> Vec<f64> {
    let mut sizes: Vec<f64> =
        svg.split("font-size=\"").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes
}

#[test]
fn charts_scale_with_the_device_pixel_ratio() {
    let computed = honglin();
    let data = charts::cases_chart(Lang::Zh, &computed);
    let normal =
        svg(|area| charts::draw_cases(area, &data, &ChartStyle::default()).expect("drawing on SVG cannot fail"));
    let sharp =
        svg(|area| charts::draw_cases(area, &data, &ChartStyle { scale: 2.0 }).expect("drawing on SVG cannot fail"));
    let (normal, sharp) = (font_sizes(&normal), font_sizes(&sharp));
    assert!(!normal.is_empty());
    assert!(
        (sharp[0] / normal[0] - 2.0).abs() < 1e-9,
        "text at scale 2 is twice as large: {} vs {}",
        sharp[0],
        normal[0]
    );
}

#[test]
fn every_template_draws_without_error() {
    for template_idx in 0..wuzha_www::templates::TEMPLATES.len() {
        let state = std::rc::Rc::new(State::new(Lang::Zh));
        let state = yew::Reducible::reduce(state, wuzha_www::state::Action::LoadTemplate(template_idx));
        let computed = state.result.clone().expect("every embedded template is valid");
        let style = ChartStyle::default();
        svg(|area| {
            charts::draw_adoption(area, &charts::adoption_chart(Lang::Zh, &computed), &style).expect("adoption")
        });
        svg(|area| charts::draw_cost(area, &charts::cost_chart(Lang::Zh, &computed), &style).expect("cost"));
        svg(|area| charts::draw_cases(area, &charts::cases_chart(Lang::Zh, &computed), &style).expect("cases"));
        svg(|area| charts::draw_adoption(area, &charts::segment_chart(Lang::Zh, &computed), &style).expect("segments"));
        svg(|area| charts::draw_adoption(area, &charts::reach_chart(Lang::Zh, &computed), &style).expect("reach"));
        let stacked = charts::channel_cost_chart(Lang::Zh, &computed);
        svg(|area| charts::draw_stacked_cost(area, &stacked, &style).expect("stacked cost"));
        let phases = charts::phase_cost_chart(Lang::Zh, &computed);
        svg(|area| charts::draw_phase_cost(area, &phases, &style).expect("phase cost"));
        svg(|area| charts::draw_cases(area, &charts::loss_chart(Lang::Zh, &computed), &style).expect("loss"));
    }
}

#[test]
fn narrow_charts_label_every_other_month() {
    let computed = honglin();
    let data = charts::cost_chart(Lang::Zh, &computed);
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, (360, 300)).into_drawing_area();
        charts::draw_cost(&area, &data, &ChartStyle::default()).expect("drawing on SVG cannot fail");
    }
    for month in [1, 3, 5, 7, 9, 11] {
        assert!(text.contains(&format!("\n{month}月\n")), "no {month}月 label");
    }
    for month in [2, 4, 6, 8, 10, 12] {
        assert!(!text.contains(&format!("\n{month}月\n")), "{month}月 should be left out on a narrow chart");
    }
}

/// 40 Monte Carlo runs of 洪林镇 2022 (the same plan as [`honglin`]).
fn honglin_runs() -> wuzha::uncertainty::MonteCarloSummary {
    let computed = honglin();
    let config = wuzha::uncertainty::MonteCarloConfig::for_scenario(&computed.scenario, 40);
    wuzha::uncertainty::run_batch(&computed.scenario, &config, |_| {})
}

#[test]
fn monte_carlo_runs_add_a_fan_per_line_and_a_whisker_per_month() {
    let computed = honglin();
    let runs = honglin_runs();
    let style = ChartStyle::default();

    let plain = charts::adoption_chart(Lang::Zh, &computed);
    let banded = plain.clone().with_bands(Lang::Zh, &runs);
    assert!(plain.lines.iter().all(|line| line.band.is_none()));
    for line in &banded.lines {
        let band = line.band.as_ref().expect("every product has a fan");
        assert_eq!(band.low.len(), line.values.len());
        assert!(band.low.iter().zip(&band.high).all(|(low, high)| low <= high), "P10 ≤ P90 every day");
    }
    assert!(banded.legend().iter().any(|entry| entry.label == "P10–P90（40次模拟）"));
    let fan_svg = svg(|area| charts::draw_adoption(area, &banded, &style).expect("adoption with fans"));
    let plain_svg = svg(|area| charts::draw_adoption(area, &plain, &style).expect("adoption"));
    assert!(count(&fan_svg, "<polygon") > count(&plain_svg, "<polygon"), "the fans are drawn as polygons");

    let cost = charts::cost_chart(Lang::Zh, &computed).with_bands(Lang::Zh, &runs);
    let cash_band = cost.cash.band.as_ref().expect("cash has a fan");
    // The fan is in the chart's unit (万元 for 洪林镇), like the line.
    let last = cash_band.high.len() - 1;
    assert!(cash_band.high[last] >= cash_band.low[last] && cash_band.high[last] < 100.0);
    svg(|area| charts::draw_cost(area, &cost, &style).expect("cost with a fan"));

    let cases = charts::cases_chart(Lang::Zh, &computed).with_bands(Lang::Zh, &runs);
    let plan = cases.bars.last().expect("the plan's bars");
    assert_eq!(plan.band.as_ref().map(|band| band.high.len()), Some(plan.values.len()));
    assert!(cases.legend().iter().any(|entry| entry.mark == LegendMark::Whisker));
    let plain_cases =
        svg(|area| charts::draw_cases(area, &charts::cases_chart(Lang::Zh, &computed), &style).expect("cases"));
    let whiskered = svg(|area| charts::draw_cases(area, &cases, &style).expect("cases with whiskers"));
    assert!(count(&whiskered, "<polyline") >= count(&plain_cases, "<polyline") + 3 * plan.values.len());
}

#[test]
fn the_score_histogram_draws_a_bar_per_bin_and_the_plans_score() {
    let computed = honglin();
    let runs = honglin_runs();
    let data = charts::score_histogram(Lang::Zh, &runs, Some(computed.outcome.assessment.total));
    assert_eq!(data.counts.iter().sum::<usize>(), 40, "every run is in one bin");
    assert_eq!(data.edges.len(), data.counts.len() + 1);
    assert!(data.quantiles[0] <= data.quantiles[1] && data.quantiles[1] <= data.quantiles[2]);
    let text = svg(|area| charts::draw_score_histogram(area, &data, &ChartStyle::default()).expect("histogram"));
    assert!(count(&text, "<rect") >= data.counts.len(), "a bar per bin");
    assert!(text.contains("考核得分（分）") && text.contains("本方案（确定性推演）"));
    let english = charts::score_histogram(Lang::En, &runs, None);
    let text = svg(|area| charts::draw_score_histogram(area, &english, &ChartStyle::default()).expect("histogram"));
    assert!(text.contains("Assessment score (points)") && !text.contains("本方案"));
}

#[test]
fn the_further_charts_draw_segments_reach_costs_and_loss() {
    let computed = honglin();
    let runs = honglin_runs();
    let style = ChartStyle::default();

    let segments = charts::segment_chart(Lang::Zh, &computed).with_segment_bands(Lang::Zh, &computed, &runs);
    assert_eq!(segments.lines.len(), computed.scenario.segments.len(), "a line per segment");
    assert!(segments.lines.iter().all(|line| line.band.is_some() && line.values.len() == computed.outcome.dates.len()));
    assert_eq!(segments.targets.len(), 1, "洪林镇's 19-45岁 app target");
    assert!(segments.targets[0].path.is_some(), "measured among smartphone holders: drawn as its own path");
    let text = svg(|area| charts::draw_adoption(area, &segments, &style).expect("segments"));
    assert!(text.contains(&computed.scenario.segments[0].name));

    let reach = charts::reach_chart(Lang::Zh, &computed).with_reach_bands(Lang::Zh, &runs);
    assert_eq!(reach.targets.len(), 1, "洪林镇's reach target for 19-45岁");
    assert_eq!(reach.lines.iter().map(|line| line.label.as_str()).collect::<Vec<_>>(), ["宣传覆盖", "知晓率"]);
    let text = svg(|area| charts::draw_adoption(area, &reach, &style).expect("reach"));
    assert_has_months(&text);

    let stacked = charts::channel_cost_chart(Lang::Zh, &computed);
    let cost = charts::cost_chart(Lang::Zh, &computed);
    let last = cost.cash.values.len() - 1;
    let top: f64 = stacked.layers.iter().map(|layer| layer.values[last]).sum();
    assert!((top - cost.cash.values[last]).abs() < 1e-6, "the stack adds up to the cash line: {top}");
    assert_eq!(stacked.layers.last().map(|layer| layer.label.as_str()), Some("其中奖励"));
    assert!(stacked.budget.is_some());
    let text = svg(|area| charts::draw_stacked_cost(area, &stacked, &style).expect("stacked cost"));
    assert!(count(&text, "<polygon") >= stacked.layers.len());

    let phases = charts::phase_cost_chart(Lang::Zh, &computed);
    assert_eq!(phases.phases.len(), computed.scenario.phases.len());
    let phase_total: f64 = phases.channel_cash.iter().chain(&phases.rewards).sum::<f64>() * phases.y_unit_yuan;
    let by_phase: f64 = computed.outcome.costs.by_phase.iter().map(|cost| cost.total_yuan).sum();
    assert!((phase_total - by_phase).abs() < 1e-6 * by_phase.max(1.0));
    let text = svg(|area| charts::draw_phase_cost(area, &phases, &style).expect("phase cost"));
    assert!(text.contains(&computed.scenario.phases[0].name));

    let loss = charts::loss_chart(Lang::Zh, &computed).with_loss_bands(Lang::Zh, &runs);
    assert_eq!(loss.y_title, "损失（万元）");
    assert_eq!(loss.y_unit, 1e4);
    let plan = loss.bars.last().expect("the plan's bars");
    let first_month = computed.outcome.monthly[0].loss_yuan / 1e4;
    assert!((plan.values[0] - first_month).abs() < 1e-9);
    svg(|area| charts::draw_cases(area, &loss, &style).expect("loss"));

    let english = charts::loss_chart(Lang::En, &computed);
    assert_eq!((english.y_title.as_str(), english.y_unit), ("Loss (yuan)", 1.0));
}
