//! The further charts under the main three: adoption by segment, reach and awareness, cash to date by channel
//! (stacked) against the budget, cash by phase against the phase caps, and loss per month.
//!
//! The first two are [`AdoptionChart`]s and the last is a [`CasesChart`], drawn by the same functions; the
//! two cost charts have their own data structs and drawing functions here.

use super::overlay::{self, overlay_legend, Overlay};
use super::{
    category_chart, daily_mesh, legend_row, palette, AdoptionChart, Band, CasesChart, ChartStyle, DailyLine,
    DrawResult, FanBand, KeyedAxis, LegendEntry, LegendMark, MonthlyBars, TargetMark, TimeAxis, INK, MARGIN,
    MARGIN_RIGHT, MUTED, PALETTE, WARNING, X_LABEL_AREA, Y_LABEL_AREA,
};
use crate::format;
use crate::model::Computed;
use crate::words::{self, Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;
use wuzha::format::wire::{Denominator, Metric};
use wuzha::uncertainty::MonteCarloSummary;
use wuzha::Date;

/// The phases of a result as shaded spans.
fn phase_bands(computed: &Computed) -> Vec<Band> {
    let start = computed.scenario.start;
    computed
        .scenario
        .phases
        .iter()
        .map(|phase| Band {
            label: phase.name.clone(),
            start: f64::from(phase.start.days_since(start)),
            end: f64::from(phase.end.days_since(start)) + 1.0,
        })
        .collect()
}

/// The mark of target `target_idx`: on a plotted line when `on_line`, else with its own daily path.
fn target_mark(computed: &Computed, target_idx: usize, color_idx: usize, on_line: bool) -> Option<TargetMark> {
    let target = computed.scenario.targets.get(target_idx)?;
    let result = computed.outcome.targets.get(target_idx)?;
    let day_of = |date: Date| f64::from(date.days_since(computed.scenario.start));
    Some(TargetMark {
        label: target.name.clone(),
        threshold_pct: result.threshold * 100.0,
        deadline: day_of(result.deadline),
        value_pct: result.value_at_deadline.map(|value| value * 100.0),
        met: result.met,
        on_line,
        path: (!on_line).then(|| result.daily.iter().map(|value| value.unwrap_or(0.0) * 100.0).collect()),
        color_idx,
    })
}

fn share_chart(lang: Lang, computed: &Computed, lines: Vec<DailyLine>, targets: Vec<TargetMark>) -> AdoptionChart {
    AdoptionChart {
        axis: TimeAxis::new(lang, &computed.outcome.dates),
        lines,
        targets,
        phases: phase_bands(computed),
        y_title: words::text(lang, Text::AxisAdoption).to_string(),
        target_legend: words::text(lang, Text::LegendTarget).to_string(),
        projected_legend: words::text(lang, Text::LegendProjected).to_string(),
        path_legend: words::text(lang, Text::LegendTargetPath).to_string(),
        band_legend: None,
        overlays: Vec::new(),
    }
}

/// Adoption of the primary product (the first target's) in each segment, in percent of the segment's
/// residents, with the segment targets of that product (on their segment's line, or as their own path when
/// measured among smartphone holders).
pub fn segment_chart(lang: Lang, computed: &Computed) -> AdoptionChart {
    let product_idx = computed.scenario.primary_product_idx();
    let by_segment = computed.outcome.daily.adopted_by_segment.get(product_idx);
    let lines = computed
        .scenario
        .segments
        .iter()
        .enumerate()
        .map(|(segment_idx, segment)| DailyLine {
            label: segment.name.clone(),
            values: by_segment
                .and_then(|series| series.get(segment_idx))
                .map(|shares| shares.iter().map(|share| share * 100.0).collect())
                .unwrap_or_default(),
            color_idx: segment_idx % PALETTE.len(),
            band: None,
        })
        .collect();
    let targets = computed
        .scenario
        .targets
        .iter()
        .enumerate()
        .filter_map(|(target_idx, target)| {
            let segment_idx = target.segment?;
            let of_segment =
                target.metric == Metric::Adoption && target.product == Some(product_idx) && target.village.is_none();
            let on_line = target.denominator == Denominator::Residents;
            of_segment.then(|| target_mark(computed, target_idx, segment_idx % PALETTE.len(), on_line)).flatten()
        })
        .collect();
    share_chart(lang, computed, lines, targets)
}

/// Reach (宣传覆盖) and awareness of the whole township, in percent of residents, with the reach and awareness
/// targets (a segment's or a smartphone-holder target as its own path).
pub fn reach_chart(lang: Lang, computed: &Computed) -> AdoptionChart {
    let daily = &computed.outcome.daily;
    let line = |label: Text, values: &[f64], color_idx: usize| DailyLine {
        label: words::text(lang, label).to_string(),
        values: values.iter().map(|share| share * 100.0).collect(),
        color_idx,
        band: None,
    };
    let lines = vec![line(Text::LegendReached, &daily.reached, 4), line(Text::LegendAware, &daily.aware, 3)];
    let targets = computed
        .scenario
        .targets
        .iter()
        .enumerate()
        .filter_map(|(target_idx, target)| {
            let color_idx = match target.metric {
                Metric::Reach => 4,
                Metric::Awareness => 3,
                _ => return None,
            };
            let on_line =
                target.segment.is_none() && target.village.is_none() && target.denominator == Denominator::Residents;
            target_mark(computed, target_idx, color_idx, on_line)
        })
        .collect();
    share_chart(lang, computed, lines, targets)
}

impl AdoptionChart {
    /// Adds the P10-P90 fan of each segment's adoption of the primary product (for [`segment_chart`]).
    pub fn with_segment_bands(mut self, lang: Lang, computed: &Computed, summary: &MonteCarloSummary) -> AdoptionChart {
        let product_idx = computed.scenario.primary_product_idx();
        if let Some(by_segment) = summary.daily.adopted_by_segment.get(product_idx) {
            for (line, bands) in self.lines.iter_mut().zip(by_segment) {
                line.band = Some(FanBand::of(bands, 100.0));
            }
            self.band_legend = Some(words::band_legend(lang, summary.n_runs));
        }
        self
    }

    /// Adds the P10-P90 fans of reach and awareness (for [`reach_chart`]).
    pub fn with_reach_bands(mut self, lang: Lang, summary: &MonteCarloSummary) -> AdoptionChart {
        for (line, bands) in self.lines.iter_mut().zip([&summary.daily.reached, &summary.daily.aware]) {
            line.band = Some(FanBand::of(bands, 100.0));
        }
        self.band_legend = Some(words::band_legend(lang, summary.n_runs));
        self
    }
}

/// Yuan per unit of y and the axis title: 万元 in Chinese from 10 000 yuan up.
fn money_unit(lang: Lang, largest: f64, yuan: Text, wan_yuan: Text) -> (f64, String) {
    if lang == Lang::Zh && largest >= 1e4 {
        (1e4, words::text(lang, wan_yuan).to_string())
    } else {
        (1.0, words::text(lang, yuan).to_string())
    }
}

/// Cash to date by channel, stacked, with rewards on top, against the total budget.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedCostChart {
    /// The x axis.
    pub axis: TimeAxis,
    /// Each layer's own cash to date, bottom first (channels in the scenario's order, then rewards), in the
    /// y unit; drawn stacked.
    pub layers: Vec<DailyLine>,
    /// The total cap and its legend text, in the y unit.
    pub budget: Option<(String, f64)>,
    /// Yuan per unit of y.
    pub y_unit_yuan: f64,
    /// Y axis title.
    pub y_title: String,
    /// Pinned options: their cash to date, dashed.
    pub overlays: Vec<Overlay>,
}

impl StackedCostChart {
    /// The legend row: a box per layer, then the cap.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let mut entries: Vec<LegendEntry> = self
            .layers
            .iter()
            .map(|layer| LegendEntry {
                label: layer.label.clone(),
                mark: LegendMark::Box,
                color: palette(layer.color_idx),
            })
            .collect();
        if let Some((label, _)) = &self.budget {
            entries.push(LegendEntry { label: label.clone(), mark: LegendMark::Dashed, color: WARNING });
        }
        entries.extend(overlay_legend(&self.overlays));
        entries
    }

    /// The top of the stack each day.
    fn totals(&self) -> Vec<f64> {
        let n_days = self.layers.first().map_or(0, |layer| layer.values.len());
        (0..n_days)
            .map(|day_idx| self.layers.iter().map(|layer| layer.values.get(day_idx).copied().unwrap_or(0.0)).sum())
            .collect()
    }
}

/// The stacked cost chart of a result. Channels that spend nothing are left out.
pub fn channel_cost_chart(lang: Lang, computed: &Computed) -> StackedCostChart {
    let Computed { scenario, outcome } = computed;
    let cap = outcome.budget.total_cap_yuan;
    let largest = outcome.daily.cash_cost_cum.last().copied().unwrap_or(0.0).max(cap.unwrap_or(0.0));
    let (y_unit_yuan, y_title) = money_unit(lang, largest, Text::AxisCostYuan, Text::AxisCostWanYuan);
    let scaled = |values: &[f64]| values.iter().map(|value| value / y_unit_yuan).collect::<Vec<f64>>();
    let mut layers: Vec<DailyLine> = scenario
        .channels
        .iter()
        .zip(&outcome.daily.channel_cash_cum)
        .enumerate()
        .filter(|(_, (_, series))| series.last().is_some_and(|cash| *cash > 0.0))
        .map(|(channel_idx, (channel, series))| DailyLine {
            label: channel.name.clone(),
            values: scaled(series),
            color_idx: channel_idx,
            band: None,
        })
        .collect();
    if outcome.daily.rewards_paid_cum.last().is_some_and(|rewards| *rewards > 0.0) {
        layers.push(DailyLine {
            label: words::text(lang, Text::LegendRewards).to_string(),
            values: scaled(&outcome.daily.rewards_paid_cum),
            color_idx: layers.len(),
            band: None,
        });
    }
    // Colours follow the order of the layers drawn, so neighbours never share one.
    for (layer_idx, layer) in layers.iter_mut().enumerate() {
        layer.color_idx = layer_idx;
    }
    StackedCostChart {
        axis: TimeAxis::new(lang, &outcome.dates),
        layers,
        budget: cap.map(|cap| (words::text(lang, Text::LegendBudget).to_string(), cap / y_unit_yuan)),
        y_unit_yuan,
        y_title,
        overlays: Vec::new(),
    }
}

/// Draws the stacked cost chart on `area`.
pub fn draw_stacked_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StackedCostChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let rest = legend_row(area, &data.legend(), style)?;
    let totals = data.totals();
    let largest = totals
        .iter()
        .chain(data.budget.iter().map(|(_, cap)| cap))
        .fold(0.0f64, |acc, value| acc.max(*value))
        .max(overlay::largest(&data.overlays));
    let y_max = if largest > 0.0 { largest * 1.12 } else { 1.0 };
    let n_days = data.axis.n_days as f64;
    let x_range = KeyedAxis { start: 0.0, end: n_days, key_points: data.axis.key_points() };
    let mut chart = ChartBuilder::on(&rest)
        .margin(style.px(MARGIN))
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(X_LABEL_AREA))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(x_range, 0f64..y_max)?;
    daily_mesh(&mut chart, &data.axis, &data.y_title, style, &|y| format::decimal(*y, 1))?;

    let mut base = vec![0.0; totals.len()];
    for layer in &data.layers {
        let top: Vec<f64> = base.iter().zip(&layer.values).map(|(below, value)| below + value).collect();
        let upper = top.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
        let lower = base.iter().enumerate().rev().map(|(day_idx, value)| (day_idx as f64, *value));
        let color = palette(layer.color_idx);
        chart.draw_series(std::iter::once(Polygon::new(
            upper.chain(lower).collect::<Vec<_>>(),
            color.mix(0.75).filled(),
        )))?;
        base = top;
    }
    let outline = totals.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
    chart.draw_series(LineSeries::new(outline, INK.stroke_width(style.px(1.5))))?;
    if let Some((_, cap)) = &data.budget {
        chart.draw_series(DashedLineSeries::new(
            [(0.0, *cap), (n_days, *cap)],
            style.px(8.0),
            style.px(5.0),
            WARNING.stroke_width(style.px(2.0)),
        ))?;
    }
    overlay::draw_daily(&mut chart, &data.overlays, style)?;
    area.present()
}

/// Cash of each phase: channels and rewards stacked, against the phase's cap.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseCostChart {
    /// Phase names.
    pub phases: Vec<String>,
    /// Channel cash per phase, in the y unit.
    pub channel_cash: Vec<f64>,
    /// Rewards per phase, in the y unit.
    pub rewards: Vec<f64>,
    /// The phase's cap, in the y unit, if any.
    pub caps: Vec<Option<f64>>,
    /// Yuan per unit of y.
    pub y_unit_yuan: f64,
    /// Y axis title.
    pub y_title: String,
    /// Legend texts: channel cash, rewards, cap.
    pub legend_texts: [String; 3],
    /// Pinned options: their total per phase, dashed with dots.
    pub overlays: Vec<Overlay>,
}

impl PhaseCostChart {
    /// The legend row: channel cash, rewards, and the cap if any phase has one.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let [cash, rewards, cap] = self.legend_texts.clone();
        let mut entries = vec![
            LegendEntry { label: cash, mark: LegendMark::Box, color: PALETTE[0] },
            LegendEntry { label: rewards, mark: LegendMark::Box, color: PALETTE[2] },
        ];
        if self.caps.iter().any(Option::is_some) {
            entries.push(LegendEntry { label: cap, mark: LegendMark::Dashed, color: WARNING });
        }
        entries.extend(overlay_legend(&self.overlays));
        entries
    }
}

/// The phase cost chart of a result.
pub fn phase_cost_chart(lang: Lang, computed: &Computed) -> PhaseCostChart {
    let Computed { scenario, outcome } = computed;
    let caps: Vec<Option<f64>> = scenario
        .phases
        .iter()
        .map(|phase| {
            outcome.budget.phases.iter().find(|budget| budget.id == phase.id).and_then(|budget| budget.cap_yuan)
        })
        .collect();
    let by_phase: Vec<(f64, f64)> = scenario
        .phases
        .iter()
        .map(|phase| {
            outcome
                .costs
                .by_phase
                .iter()
                .find(|cost| cost.id == phase.id)
                .map_or((0.0, 0.0), |cost| (cost.channel_cash_yuan, cost.rewards_yuan))
        })
        .collect();
    let largest = by_phase
        .iter()
        .map(|(cash, rewards)| cash + rewards)
        .chain(caps.iter().flatten().copied())
        .fold(0.0f64, f64::max);
    let (y_unit_yuan, y_title) = money_unit(lang, largest, Text::AxisSpendYuan, Text::AxisSpendWanYuan);
    PhaseCostChart {
        phases: scenario.phases.iter().map(|phase| phase.name.clone()).collect(),
        channel_cash: by_phase.iter().map(|(cash, _)| cash / y_unit_yuan).collect(),
        rewards: by_phase.iter().map(|(_, rewards)| rewards / y_unit_yuan).collect(),
        caps: caps.iter().map(|cap| cap.map(|cap| cap / y_unit_yuan)).collect(),
        y_unit_yuan,
        y_title,
        legend_texts: [
            words::text(lang, Text::LegendChannelCash).to_string(),
            words::text(lang, Text::LegendRewardsPaid).to_string(),
            words::text(lang, Text::LegendPhaseCap).to_string(),
        ],
        overlays: Vec::new(),
    }
}

/// Draws the phase cost chart on `area`.
pub fn draw_phase_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PhaseCostChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let rest = legend_row(area, &data.legend(), style)?;
    let largest = data
        .channel_cash
        .iter()
        .zip(&data.rewards)
        .map(|(cash, rewards)| cash + rewards)
        .chain(data.caps.iter().flatten().copied())
        .fold(0.0f64, f64::max)
        .max(overlay::largest(&data.overlays));
    let y_max = if largest > 0.0 { largest * 1.15 } else { 1.0 };
    let mut chart = category_chart(&rest, &data.phases, y_max, &data.y_title, style)?;
    for (phase_idx, (cash, rewards)) in data.channel_cash.iter().zip(&data.rewards).enumerate() {
        let (x0, x1) = (phase_idx as f64 + 0.25, phase_idx as f64 + 0.75);
        chart.draw_series([
            Rectangle::new([(x0, 0.0), (x1, *cash)], PALETTE[0].filled()),
            Rectangle::new([(x0, *cash), (x1, cash + rewards)], PALETTE[2].filled()),
        ])?;
        if let Some(Some(cap)) = data.caps.get(phase_idx) {
            chart.draw_series(DashedLineSeries::new(
                [(x0 - 0.1, *cap), (x1 + 0.1, *cap)],
                style.px(5.0),
                style.px(3.0),
                WARNING.stroke_width(style.px(2.0)),
            ))?;
        }
    }
    overlay::draw_categories(&mut chart, &data.overlays, style)?;
    area.present()
}

/// Loss per month: last year, no campaign and the plan, as grouped bars (万元 in Chinese from 10 000 yuan up).
pub fn loss_chart(lang: Lang, computed: &Computed) -> CasesChart {
    let monthly = &computed.outcome.monthly;
    let largest = monthly
        .iter()
        .flat_map(|row| [row.last_year_loss_yuan, row.counterfactual_loss_yuan, row.loss_yuan])
        .fold(0.0f64, f64::max);
    let (y_unit_yuan, y_title) = money_unit(lang, largest, Text::AxisLossYuan, Text::AxisLossWanYuan);
    let series = |label: Text, color: RGBColor, pick: fn(&wuzha::engine::outcome::MonthRow) -> f64| MonthlyBars {
        label: words::text(lang, label).to_string(),
        values: monthly.iter().map(|row| pick(row) / y_unit_yuan).collect(),
        color,
        band: None,
    };
    CasesChart {
        months: monthly.iter().map(|row| words::month(lang, row.month)).collect(),
        bars: vec![
            series(Text::LegendLastYear, MUTED, |row| row.last_year_loss_yuan),
            series(Text::LegendNoCampaign, PALETTE[1], |row| row.counterfactual_loss_yuan),
            series(Text::LegendPlanLoss, PALETTE[0], |row| row.loss_yuan),
        ],
        y_title,
        y_unit: y_unit_yuan,
        band_legend: None,
        overlays: Vec::new(),
    }
}

impl CasesChart {
    /// Adds the P10-P90 range of the plan's loss from `summary` (for [`loss_chart`]), in the chart's unit.
    pub fn with_loss_bands(mut self, lang: Lang, summary: &MonteCarloSummary) -> CasesChart {
        if let Some(bars) = self.bars.get_mut(2) {
            bars.band = Some(FanBand::of(&summary.monthly.loss_yuan, 1.0 / self.y_unit));
        }
        self.band_legend = Some(words::band_legend(lang, summary.n_runs));
        self
    }
}
