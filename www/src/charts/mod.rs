//! The charts, drawn with plotters on any `DrawingBackend` in one look ([`style`]): a `CanvasBackend` in the
//! browser, an `SVGBackend` in native tests. Charts take plain data ([`crate::model::Computed`], the core's
//! outcome and summaries), never the app's state.
//!
//! Each chart has a plain data struct ([`AdoptionChart`], [`CostChart`], [`CasesChart`], [`ScoreHistogram`])
//! built from a simulated outcome by a pure function, and a drawing function that only draws what the struct
//! holds ([`more`] has the further charts: segments, reach, cost by channel and phase, loss). A Monte Carlo summary of the same scenario adds P10-P90 bands (`with_bands`): a shaded fan around
//! each daily line and a whisker on each monthly bar.
//! Coordinates: x is the day index from the scenario's first day (0 = first day) or the month index;
//! y is in the unit the struct names. Every size is in CSS pixels times [`ChartStyle::scale`].

use crate::format;
use crate::model::Computed;
use crate::words::{self, Lang, Text};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::Text as TextElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use wuzha::engine::outcome::MonthRow;
use wuzha::format::wire::{Denominator, Metric};
use wuzha::uncertainty::{Bands, MonteCarloSummary};
use wuzha::Date;

pub mod more;
pub mod overlay;
pub mod plan;
pub mod style;
pub use more::{
    channel_cost_chart, draw_phase_cost, draw_stacked_cost, loss_chart, phase_cost_chart, reach_chart, segment_chart,
    PhaseCostChart, StackedCostChart,
};
pub use overlay::{overlay_legend, Overlay, OPTION_COLORS};
pub use plan::{
    draw_frontier, draw_tornado, frontier_chart, objective_axis, tornado_chart, FrontierChart, TornadoChart,
    TORNADO_BARS,
};
use style::{
    legend_row, BAND_OPACITY, BAND_SWATCH, INK, MARGIN, MARGIN_RIGHT, MUTED, PHASE_FILLS, PHASE_ROW, WARNING,
    X_LABEL_AREA, Y_LABEL_AREA,
};
pub use style::{ChartStyle, DrawResult, LegendEntry, LegendMark, FONT_FAMILY, PALETTE};

/// A time axis over the scenario's days, labelled by month.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    /// Number of days; x runs from 0 to this.
    pub n_days: usize,
    /// Day index of the first day of each month in the period, with its label (`1月`).
    pub month_starts: Vec<(f64, String)>,
}

impl TimeAxis {
    /// The axis of `dates` (one per simulated day). A period starting mid-month also labels its first
    /// month at day 0 when at least ten days of it are simulated.
    pub fn new(lang: Lang, dates: &[Date]) -> TimeAxis {
        let month_starts = dates
            .iter()
            .enumerate()
            .filter(|(day_idx, date)| date.day() == 1 || (*day_idx == 0 && date.days_in_month() - date.day() >= 9))
            .map(|(day_idx, date)| (day_idx as f64, words::month(lang, date.month())))
            .collect();
        TimeAxis { n_days: dates.len().max(1), month_starts }
    }

    /// The month label at `x`, keeping only every `step`-th month (1 = all) so narrow charts stay legible.
    fn label(&self, x: f64, step: usize) -> String {
        self.month_starts
            .iter()
            .enumerate()
            .find(|(_, (start, _))| (start - x).abs() < 0.5)
            .filter(|(month_idx, _)| month_idx % step.max(1) == 0)
            .map(|(_, (_, label))| label.clone())
            .unwrap_or_default()
    }

    fn key_points(&self) -> Vec<f64> {
        self.month_starts.iter().map(|(start, _)| *start).collect()
    }
}

/// A named line over the days.
#[derive(Clone, Debug, PartialEq)]
pub struct DailyLine {
    /// Legend text.
    pub label: String,
    /// One value per day, in the chart's y unit.
    pub values: Vec<f64>,
    /// Index into [`PALETTE`].
    pub color_idx: usize,
    /// The P10-P90 fan of Monte Carlo runs around the line, in the same unit, if any.
    pub band: Option<FanBand>,
}

/// The range between two quantiles of Monte Carlo runs, one pair per day or month.
#[derive(Clone, Debug, PartialEq)]
pub struct FanBand {
    /// The low quantile (P10).
    pub low: Vec<f64>,
    /// The high quantile (P90).
    pub high: Vec<f64>,
}

impl FanBand {
    /// The P10-P90 range of `bands`, each value multiplied by `scale`.
    pub fn of(bands: &Bands, scale: f64) -> FanBand {
        FanBand {
            low: bands.p10.iter().map(|value| value * scale).collect(),
            high: bands.p90.iter().map(|value| value * scale).collect(),
        }
    }

    fn largest(&self) -> f64 {
        self.high.iter().fold(0.0f64, |acc, value| acc.max(*value))
    }
}

/// A shaded span of days, e.g. a phase.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Its name, written in the strip above the plot.
    pub label: String,
    /// First day index.
    pub start: f64,
    /// Day index after the last day.
    pub end: f64,
}

/// A target drawn on the adoption chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    /// The target's name.
    pub label: String,
    /// Threshold in percent.
    pub threshold_pct: f64,
    /// Day index of the deadline.
    pub deadline: f64,
    /// Projected value at the deadline in percent, in the target's own measure, if defined.
    pub value_pct: Option<f64>,
    /// True if met at the deadline.
    pub met: bool,
    /// True when the target measures exactly the plotted line (whole township, share of residents).
    /// Otherwise (a segment, a village, or smartphone holders as denominator) `path` is drawn too.
    pub on_line: bool,
    /// The target's own measure every day, in percent, for targets not on the plotted line.
    pub path: Option<Vec<f64>>,
    /// Index into [`PALETTE`] (the product's colour).
    pub color_idx: usize,
}

/// Adoption of each product over the period, in percent of residents, with targets and phases.
#[derive(Clone, Debug, PartialEq)]
pub struct AdoptionChart {
    /// The x axis.
    pub axis: TimeAxis,
    /// One line per product.
    pub lines: Vec<DailyLine>,
    /// Adoption targets.
    pub targets: Vec<TargetMark>,
    /// Phases, shaded, with their names in a strip above the plot.
    pub phases: Vec<Band>,
    /// Y axis title.
    pub y_title: String,
    /// Legend text of the threshold lines.
    pub target_legend: String,
    /// Legend text of the deadline dots.
    pub projected_legend: String,
    /// Legend text of the targets' own paths.
    pub path_legend: String,
    /// Legend text of the Monte Carlo fans, when there are any.
    pub band_legend: Option<String>,
    /// Pinned options drawn over the chart as dashed lines.
    pub overlays: Vec<Overlay>,
}

impl AdoptionChart {
    /// The legend row: products, then threshold and deadline dot if there are targets.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let mut entries: Vec<LegendEntry> = self
            .lines
            .iter()
            .map(|line| LegendEntry {
                label: line.label.clone(),
                mark: LegendMark::Line,
                color: palette(line.color_idx),
            })
            .collect();
        if !self.targets.is_empty() {
            entries.push(LegendEntry { label: self.target_legend.clone(), mark: LegendMark::Dashed, color: INK });
            entries.push(LegendEntry { label: self.projected_legend.clone(), mark: LegendMark::Dot, color: INK });
        }
        if self.targets.iter().any(|target| target.path.is_some()) {
            entries.push(LegendEntry { label: self.path_legend.clone(), mark: LegendMark::Line, color: INK });
        }
        if let Some(label) = &self.band_legend {
            entries.push(LegendEntry { label: label.clone(), mark: LegendMark::Box, color: BAND_SWATCH });
        }
        entries.extend(overlay_legend(&self.overlays));
        entries
    }

    /// Adds the P10-P90 fan of each product's adoption from `summary` (runs of the same scenario).
    pub fn with_bands(mut self, lang: Lang, summary: &MonteCarloSummary) -> AdoptionChart {
        for (line, bands) in self.lines.iter_mut().zip(&summary.daily.adopted) {
            line.band = Some(FanBand::of(bands, 100.0));
        }
        self.band_legend = Some(band_legend(lang, summary.n_runs));
        self
    }
}

/// The legend text of a fan: "P10-P90 (200 次模拟)".
fn band_legend(lang: Lang, n_runs: usize) -> String {
    words::band_legend(lang, n_runs)
}

/// Cumulative cash against the budget, in yuan or 万元 ([`CostChart::y_unit_yuan`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CostChart {
    /// The x axis.
    pub axis: TimeAxis,
    /// Cumulative cash (channels and rewards).
    pub cash: DailyLine,
    /// Cumulative rewards.
    pub rewards: DailyLine,
    /// The total cap and its legend text, in the y unit.
    pub budget: Option<(String, f64)>,
    /// Day index on which the money runs out, with its text.
    pub run_out: Option<(String, f64)>,
    /// Yuan per unit of y (1 or 10 000).
    pub y_unit_yuan: f64,
    /// Y axis title.
    pub y_title: String,
    /// Legend text of the Monte Carlo fan, when there is one.
    pub band_legend: Option<String>,
    /// Pinned options drawn over the chart as dashed lines.
    pub overlays: Vec<Overlay>,
}

impl CostChart {
    /// The legend row: cash, rewards, and the cap if any.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let mut entries = vec![
            LegendEntry { label: self.cash.label.clone(), mark: LegendMark::Line, color: palette(self.cash.color_idx) },
            LegendEntry {
                label: self.rewards.label.clone(),
                mark: LegendMark::Line,
                color: palette(self.rewards.color_idx),
            },
        ];
        if let Some((label, _)) = &self.budget {
            entries.push(LegendEntry { label: label.clone(), mark: LegendMark::Dashed, color: WARNING });
        }
        if let Some(label) = &self.band_legend {
            entries.push(LegendEntry { label: label.clone(), mark: LegendMark::Box, color: BAND_SWATCH });
        }
        entries.extend(overlay_legend(&self.overlays));
        entries
    }

    /// Adds the P10-P90 fan of cumulative cash from `summary` (runs of the same scenario).
    pub fn with_bands(mut self, lang: Lang, summary: &MonteCarloSummary) -> CostChart {
        self.cash.band = Some(FanBand::of(&summary.daily.cash_cost_cum, 1.0 / self.y_unit_yuan));
        self.band_legend = Some(band_legend(lang, summary.n_runs));
        self
    }
}

/// A named series of monthly bars.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyBars {
    /// Legend text.
    pub label: String,
    /// One value per month.
    pub values: Vec<f64>,
    /// Colour.
    pub color: RGBColor,
    /// The P10-P90 range of Monte Carlo runs in each month, drawn as a whisker, if any.
    pub band: Option<FanBand>,
}

/// Cases per month: the plan, last year and no campaign, as grouped bars.
#[derive(Clone, Debug, PartialEq)]
pub struct CasesChart {
    /// Month labels (`1月`), one per month of the period.
    pub months: Vec<String>,
    /// The bar series, drawn left to right in each month.
    pub bars: Vec<MonthlyBars>,
    /// Y axis title.
    pub y_title: String,
    /// What one unit of y is (1 for cases; 1 or 10 000 yuan for loss).
    pub y_unit: f64,
    /// Legend text of the whiskers, when there are any.
    pub band_legend: Option<String>,
    /// Pinned options drawn over the chart as dashed lines.
    pub overlays: Vec<Overlay>,
}

impl CasesChart {
    /// The legend row: one box per series, then the whisker.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let mut entries: Vec<LegendEntry> = self
            .bars
            .iter()
            .map(|bars| LegendEntry { label: bars.label.clone(), mark: LegendMark::Box, color: bars.color })
            .collect();
        if let Some(label) = &self.band_legend {
            entries.push(LegendEntry { label: label.clone(), mark: LegendMark::Whisker, color: INK });
        }
        entries.extend(overlay_legend(&self.overlays));
        entries
    }

    /// Adds the P10-P90 range of the plan's reported cases from `summary` (one whisker a month keeps the
    /// chart legible; the no-campaign range is as wide).
    pub fn with_bands(mut self, lang: Lang, summary: &MonteCarloSummary) -> CasesChart {
        let monthly = &summary.monthly;
        if let Some(bars) = self.bars.get_mut(2) {
            bars.band = Some(FanBand::of(&monthly.cases_reported, 1.0));
        }
        self.band_legend = Some(band_legend(lang, summary.n_runs));
        self
    }
}

/// The distribution of the assessment score over Monte Carlo runs.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreHistogram {
    /// Bin edges (one more than the counts), in points.
    pub edges: Vec<f64>,
    /// Runs per bin.
    pub counts: Vec<usize>,
    /// The score of the deterministic plan, marked as a line, if known.
    pub plan_score: Option<f64>,
    /// The P10, P50 and P90 scores, marked under the bars.
    pub quantiles: [f64; 3],
    /// X axis title.
    pub x_title: String,
    /// Y axis title.
    pub y_title: String,
    /// Legend text of the plan's line.
    pub plan_legend: String,
}

/// The score histogram of a Monte Carlo summary; `plan_score` is the deterministic run's score.
pub fn score_histogram(lang: Lang, summary: &MonteCarloSummary, plan_score: Option<f64>) -> ScoreHistogram {
    let score = &summary.distributions.score;
    ScoreHistogram {
        edges: score.histogram.edges.clone(),
        counts: score.histogram.counts.clone(),
        plan_score,
        quantiles: [score.p10, score.p50, score.p90],
        x_title: words::text(lang, Text::AxisScore).to_string(),
        y_title: words::text(lang, Text::AxisRuns).to_string(),
        plan_legend: words::text(lang, Text::LegendPlanScore).to_string(),
    }
}

fn palette(color_idx: usize) -> RGBColor {
    PALETTE[color_idx % PALETTE.len()]
}

/// The adoption chart of a result.
pub fn adoption_chart(lang: Lang, computed: &Computed) -> AdoptionChart {
    let Computed { scenario, outcome } = computed;
    let axis = TimeAxis::new(lang, &outcome.dates);
    let day_of = |date: Date| f64::from(date.days_since(scenario.start));
    let lines = outcome
        .daily
        .adopted
        .iter()
        .enumerate()
        .map(|(product_idx, shares)| DailyLine {
            label: scenario.products.get(product_idx).map(|p| p.name.clone()).unwrap_or_default(),
            values: shares.iter().map(|share| share * 100.0).collect(),
            color_idx: product_idx % PALETTE.len(),
            band: None,
        })
        .collect();
    let targets = scenario
        .targets
        .iter()
        .zip(&outcome.targets)
        .filter(|(target, _)| target.metric == Metric::Adoption)
        .map(|(target, result)| {
            let on_line =
                target.segment.is_none() && target.village.is_none() && target.denominator == Denominator::Residents;
            TargetMark {
                label: target.name.clone(),
                threshold_pct: result.threshold * 100.0,
                deadline: day_of(result.deadline),
                value_pct: result.value_at_deadline.map(|value| value * 100.0),
                met: result.met,
                on_line,
                path: (!on_line).then(|| result.daily.iter().map(|value| value.unwrap_or(0.0) * 100.0).collect()),
                color_idx: target.product.unwrap_or(0) % PALETTE.len(),
            }
        })
        .collect();
    let phases = scenario
        .phases
        .iter()
        .map(|phase| Band { label: phase.name.clone(), start: day_of(phase.start), end: day_of(phase.end) + 1.0 })
        .collect();
    AdoptionChart {
        axis,
        lines,
        targets,
        phases,
        y_title: words::text(lang, Text::AxisAdoption).to_string(),
        target_legend: words::text(lang, Text::LegendTarget).to_string(),
        projected_legend: words::text(lang, Text::LegendProjected).to_string(),
        path_legend: words::text(lang, Text::LegendTargetPath).to_string(),
        band_legend: None,
        overlays: Vec::new(),
    }
}

/// The cost chart of a result.
pub fn cost_chart(lang: Lang, computed: &Computed) -> CostChart {
    let Computed { scenario, outcome } = computed;
    let cap = outcome.budget.total_cap_yuan;
    let largest = outcome.daily.cash_cost_cum.last().copied().unwrap_or(0.0).max(cap.unwrap_or(0.0));
    let (y_unit_yuan, y_title) =
        if lang == Lang::Zh && largest >= 1e4 { (1e4, Text::AxisCostWanYuan) } else { (1.0, Text::AxisCostYuan) };
    let scaled = |values: &[f64]| values.iter().map(|value| value / y_unit_yuan).collect::<Vec<f64>>();
    CostChart {
        axis: TimeAxis::new(lang, &outcome.dates),
        cash: DailyLine {
            label: words::text(lang, Text::LegendCash).to_string(),
            values: scaled(&outcome.daily.cash_cost_cum),
            color_idx: 0,
            band: None,
        },
        rewards: DailyLine {
            label: words::text(lang, Text::LegendRewards).to_string(),
            values: scaled(&outcome.daily.rewards_paid_cum),
            color_idx: 2,
            band: None,
        },
        budget: cap.map(|cap| (words::text(lang, Text::LegendBudget).to_string(), cap / y_unit_yuan)),
        run_out: outcome.budget.run_out_date.map(|date| {
            let label = format!("{} {}", words::text(lang, Text::LegendRunOut), format::date(lang, date));
            (label, f64::from(date.days_since(scenario.start)))
        }),
        y_unit_yuan,
        y_title: words::text(lang, y_title).to_string(),
        band_legend: None,
        overlays: Vec::new(),
    }
}

/// The cases chart of a result.
pub fn cases_chart(lang: Lang, computed: &Computed) -> CasesChart {
    let monthly = &computed.outcome.monthly;
    let series = |label: Text, color: RGBColor, pick: fn(&MonthRow) -> f64| MonthlyBars {
        label: words::text(lang, label).to_string(),
        values: monthly.iter().map(pick).collect(),
        color,
        band: None,
    };
    CasesChart {
        months: monthly.iter().map(|row| words::month(lang, row.month)).collect(),
        bars: vec![
            series(Text::LegendLastYear, MUTED, |row| row.last_year_cases),
            series(Text::LegendNoCampaign, PALETTE[1], |row| row.counterfactual_cases),
            series(Text::LegendPlan, PALETTE[0], |row| row.cases_reported),
        ],
        y_title: words::text(lang, Text::AxisCases).to_string(),
        y_unit: 1.0,
        band_legend: None,
        overlays: Vec::new(),
    }
}

/// A linear axis from `start` to `end` whose labels and grid lines sit exactly at `key_points`
/// (month starts, month centres) rather than at round numbers.
#[derive(Clone, Debug, PartialEq)]
struct KeyedAxis {
    start: f64,
    end: f64,
    key_points: Vec<f64>,
}

impl Ranged for KeyedAxis {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.end - self.start;
        let fraction = if span > 0.0 { (value - self.start) / span } else { 0.0 };
        limit.0 + (fraction * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: plotters::coord::ranged1d::KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        self.key_points.clone()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.start..self.end
    }
}

/// Rows for band labels so that no two labels (or a label and a band) overlap on one row: each band goes
/// in the first row free at its start. `extents` gives each band's horizontal extent in pixels, label
/// included.
fn stack_rows(extents: &[(i32, i32)]) -> Vec<usize> {
    let mut rows: Vec<i32> = Vec::new();
    extents
        .iter()
        .map(|(start, end)| match rows.iter().position(|row_end| *row_end < *start) {
            Some(row) => {
                rows[row] = *end;
                row
            }
            None => {
                rows.push(*end);
                rows.len() - 1
            }
        })
        .collect()
}

/// Draws the adoption chart on `area`.
pub fn draw_adoption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &AdoptionChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let rest = legend_row(area, &data.legend(), style)?;

    // The phase strip: each phase's name above a bar spanning its dates, stacked so that none overlap.
    let phase_font = style.font(11.0).color(&INK);
    let (rest_width, _) = rest.dim_in_pixel();
    let plot_left = f64::from(style.px(MARGIN + Y_LABEL_AREA));
    let plot_right = f64::from(rest_width) - f64::from(style.px(MARGIN_RIGHT));
    let n_days = data.axis.n_days as f64;
    let to_px = |day: f64| (plot_left + (plot_right - plot_left) * day / n_days).round() as i32;
    let mut extents = Vec::with_capacity(data.phases.len());
    for band in &data.phases {
        let (text_width, _) = rest.estimate_text_size(&band.label, &phase_font)?;
        let (x0, x1) = (to_px(band.start), to_px(band.end));
        extents.push((x0, x1.max(x0 + text_width as i32 + style.px(8.0) as i32)));
    }
    let rows = stack_rows(&extents);
    let n_rows = rows.iter().map(|row| row + 1).max().unwrap_or(0);
    let row_height = style.px(PHASE_ROW) as i32;
    let strip_height = n_rows as i32 * row_height;

    let x_range = KeyedAxis { start: 0.0, end: n_days, key_points: data.axis.key_points() };
    let mut chart = ChartBuilder::on(&rest)
        .margin(style.px(MARGIN))
        .margin_top(style.px(MARGIN) as i32 + strip_height)
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(X_LABEL_AREA))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(x_range, 0f64..100f64)?;
    daily_mesh(&mut chart, &data.axis, &data.y_title, style, &|y| format!("{}%", format::decimal(*y, 0)))?;

    // Phase bands in the plot, and their strip above it.
    let origin = rest.get_pixel_range();
    let plot_top = chart.backend_coord(&(0.0, 100.0)).1 - origin.1.start;
    for ((band_idx, band), row) in data.phases.iter().enumerate().zip(&rows) {
        let color = PHASE_FILLS[band_idx % PHASE_FILLS.len()];
        chart.draw_series(std::iter::once(Rectangle::new(
            [(band.start, 0.0), (band.end, 100.0)],
            color.mix(0.08).filled(),
        )))?;
        let x0 = chart.backend_coord(&(band.start, 0.0)).0 - origin.0.start;
        let x1 = chart.backend_coord(&(band.end, 0.0)).0 - origin.0.start;
        let row_top = plot_top - strip_height + *row as i32 * row_height;
        let bar_top = row_top + row_height - style.px(5.0) as i32;
        rest.draw(&Rectangle::new(
            [(x0, bar_top), (x1.max(x0 + 2), bar_top + style.px(3.0) as i32)],
            color.mix(0.8).filled(),
        ))?;
        let text_style = phase_font.clone().pos(Pos::new(HPos::Left, VPos::Bottom));
        rest.draw(&TextElement::new(band.label.clone(), (x0, bar_top - 1), text_style))?;
    }

    for line in &data.lines {
        if let Some(band) = &line.band {
            draw_fan(&mut chart, band, palette(line.color_idx))?;
        }
    }
    for line in &data.lines {
        let color = palette(line.color_idx);
        let points = line.values.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
        chart.draw_series(LineSeries::new(points, color.stroke_width(style.px(2.5))))?;
    }
    overlay::draw_daily(&mut chart, &data.overlays, style)?;

    // Targets: the deadline as a thin vertical line, the threshold as a dashed line up to the deadline, the
    // target's own path as a thin line when it is not measured on a plotted line, and the projected value as
    // a dot: filled when met, a red ring when not.
    for mark in &data.targets {
        let color = palette(mark.color_idx);
        if let Some(path) = &mark.path {
            let points = path.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
            chart.draw_series(LineSeries::new(points, color.mix(0.75).stroke_width(style.px(1.25))))?;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            [(mark.deadline, 0.0), (mark.deadline, 100.0)],
            color.mix(0.35).stroke_width(style.px(1.0)),
        )))?;
        chart.draw_series(DashedLineSeries::new(
            [(0.0, mark.threshold_pct), (mark.deadline, mark.threshold_pct)],
            style.px(6.0),
            style.px(4.0),
            color.stroke_width(style.px(2.0)),
        ))?;
        if let Some(value) = mark.value_pct {
            let radius = style.px(5.0);
            let dot = if mark.met {
                Circle::new((mark.deadline, value), radius, color.filled())
            } else {
                Circle::new((mark.deadline, value), radius, WARNING.stroke_width(style.px(2.5)))
            };
            chart.draw_series(std::iter::once(dot))?;
        }
    }
    area.present()
}

/// A chart whose x axis is a [`KeyedAxis`] (days, months or phases) and whose y axis is linear.
type DayChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<KeyedAxis, RangedCoordf64>>;

/// A plot over categories (months, phases) centred at x = 0.5, 1.5, …, each labelled below it, with y from 0 to
/// `y_max`: the grid, axes and titles drawn.
fn category_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    labels: &[String],
    y_max: f64,
    y_title: &str,
    style: &ChartStyle,
) -> Result<DayChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let n_categories = labels.len().max(1);
    let centres: Vec<f64> = (0..n_categories).map(|idx| idx as f64 + 0.5).collect();
    let x_range = KeyedAxis { start: 0.0, end: n_categories as f64, key_points: centres };
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(MARGIN))
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(X_LABEL_AREA))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(x_range, 0f64..y_max)?;
    let label = |x: &f64| labels.get(x.floor().max(0.0) as usize).cloned().unwrap_or_default();
    style::mesh(&mut chart.configure_mesh(), style)
        .disable_x_mesh()
        .y_labels(6)
        .x_label_formatter(&label)
        .y_label_formatter(&|y| format::decimal(*y, 1))
        .y_desc(y_title)
        .draw()?;
    Ok(chart)
}

/// Draws a fan: the area between the low and high quantiles of each day, washed out in `color`.
fn draw_fan<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<KeyedAxis, RangedCoordf64>>,
    band: &FanBand,
    color: RGBColor,
) -> DrawResult<DB> {
    let upper = band.high.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
    let lower = band.low.iter().enumerate().rev().map(|(day_idx, value)| (day_idx as f64, *value));
    let outline: Vec<(f64, f64)> = upper.chain(lower).collect();
    chart.draw_series(std::iter::once(Polygon::new(outline, color.mix(BAND_OPACITY).filled())))?;
    Ok(())
}

/// The grid, axes, month labels and y axis title shared by the two daily charts.
fn daily_mesh<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<KeyedAxis, RangedCoordf64>>,
    axis: &TimeAxis,
    y_title: &str,
    style: &ChartStyle,
    y_format: &dyn Fn(&f64) -> String,
) -> DrawResult<DB> {
    // A month label ("10月") needs about 34 CSS pixels; on narrow charts label every other month.
    let plot_width = f64::from(chart.plotting_area().dim_in_pixel().0);
    let per_month = plot_width / axis.month_starts.len().max(1) as f64;
    let step = if per_month < f64::from(style.px(34.0)) { 2 } else { 1 };
    style::mesh(&mut chart.configure_mesh(), style)
        .y_labels(6)
        .x_label_formatter(&|x| axis.label(*x, step))
        .y_label_formatter(y_format)
        .y_desc(y_title)
        .draw()
}

/// Draws the cost chart on `area`.
pub fn draw_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CostChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let rest = legend_row(area, &data.legend(), style)?;
    let largest = data
        .cash
        .values
        .iter()
        .chain(data.budget.iter().map(|(_, cap)| cap))
        .fold(0.0f64, |acc, value| acc.max(*value))
        .max(data.cash.band.as_ref().map_or(0.0, FanBand::largest))
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

    let cash_color = palette(data.cash.color_idx);
    let cash_points: Vec<(f64, f64)> =
        data.cash.values.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value)).collect();
    let last_day = cash_points.last().map_or(0.0, |point| point.0);
    match &data.cash.band {
        Some(band) => draw_fan(&mut chart, band, cash_color)?,
        None => {
            let outline: Vec<(f64, f64)> = cash_points.iter().copied().chain([(last_day, 0.0), (0.0, 0.0)]).collect();
            chart.draw_series(std::iter::once(Polygon::new(outline, cash_color.mix(0.12).filled())))?;
        }
    }
    chart.draw_series(LineSeries::new(cash_points, cash_color.stroke_width(style.px(2.5))))?;

    let rewards_color = palette(data.rewards.color_idx);
    let reward_points = data.rewards.values.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
    chart.draw_series(LineSeries::new(reward_points, rewards_color.stroke_width(style.px(2.0))))?;
    overlay::draw_daily(&mut chart, &data.overlays, style)?;

    if let Some((_, cap)) = &data.budget {
        chart.draw_series(DashedLineSeries::new(
            [(0.0, *cap), (n_days, *cap)],
            style.px(8.0),
            style.px(5.0),
            WARNING.stroke_width(style.px(2.0)),
        ))?;
    }
    if let Some((label, day)) = &data.run_out {
        chart.draw_series(std::iter::once(PathElement::new(
            [(*day, 0.0), (*day, y_max)],
            WARNING.mix(0.7).stroke_width(style.px(1.5)),
        )))?;
        // The label goes on the side of the marker with more room.
        let (anchor, x) = if *day < n_days * 0.6 {
            (HPos::Left, *day + n_days / 120.0)
        } else {
            (HPos::Right, *day - n_days / 120.0)
        };
        let text_style = style.font(12.0).color(&WARNING).pos(Pos::new(anchor, VPos::Top));
        chart.draw_series(std::iter::once(TextElement::new(label.clone(), (x, y_max * 0.97), text_style)))?;
    }
    area.present()
}

/// Draws the cases chart on `area`.
pub fn draw_cases<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CasesChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let rest = legend_row(area, &data.legend(), style)?;
    let largest = data
        .bars
        .iter()
        .flat_map(|bars| bars.values.iter().chain(bars.band.iter().flat_map(|band| band.high.iter())))
        .fold(0.0f64, |acc, value| acc.max(*value))
        .max(overlay::largest(&data.overlays));
    let y_max = if largest > 0.0 { largest * 1.1 } else { 1.0 };
    let mut chart = category_chart(&rest, &data.months, y_max, &data.y_title, style)?;

    let n_series = data.bars.len().max(1) as f64;
    let group_width = 0.8;
    let bar_width = group_width / n_series;
    for (series_idx, bars) in data.bars.iter().enumerate() {
        let color = bars.color;
        let left_in_group = 0.5 - group_width / 2.0 + bar_width * series_idx as f64;
        let rectangles = bars.values.iter().enumerate().map(move |(month_idx, value)| {
            let x0 = month_idx as f64 + left_in_group;
            Rectangle::new([(x0, 0.0), (x0 + bar_width * 0.88, *value)], color.filled())
        });
        chart.draw_series(rectangles)?;
    }
    // Whiskers: the P10-P90 range of each month, centred on its bar.
    for (series_idx, bars) in data.bars.iter().enumerate() {
        let Some(band) = &bars.band else { continue };
        let centre_in_group = 0.5 - group_width / 2.0 + bar_width * (series_idx as f64 + 0.44);
        let cap = bar_width * 0.25;
        let stroke = INK.stroke_width(style.px(1.5));
        for (month_idx, (low, high)) in band.low.iter().zip(&band.high).enumerate() {
            let x = month_idx as f64 + centre_in_group;
            chart.draw_series([
                PathElement::new([(x, *low), (x, *high)], stroke),
                PathElement::new([(x - cap, *low), (x + cap, *low)], stroke),
                PathElement::new([(x - cap, *high), (x + cap, *high)], stroke),
            ])?;
        }
    }
    overlay::draw_categories(&mut chart, &data.overlays, style)?;
    area.present()
}

/// Draws the score histogram on `area`: a bar per bin, the plan's score as a dashed line, P10/P50/P90 as
/// ticks.
pub fn draw_score_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ScoreHistogram,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let legend = match data.plan_score {
        Some(_) => vec![LegendEntry { label: data.plan_legend.clone(), mark: LegendMark::Dashed, color: WARNING }],
        None => Vec::new(),
    };
    let rest = legend_row(area, &legend, style)?;
    let x_start = data.edges.first().copied().unwrap_or(0.0);
    let mut x_end = data.edges.last().copied().unwrap_or(1.0);
    if x_end <= x_start {
        x_end = x_start + 1.0;
    }
    let x_start = x_start.min(data.plan_score.unwrap_or(x_start));
    let x_end = x_end.max(data.plan_score.unwrap_or(x_end));
    let largest = data.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut chart = ChartBuilder::on(&rest)
        .margin(style.px(MARGIN))
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(X_LABEL_AREA + 16.0))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(x_start..x_end, 0f64..largest * 1.1)?;
    style::mesh(&mut chart.configure_mesh(), style)
        .disable_x_mesh()
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|x| format::decimal(*x, 1))
        .y_label_formatter(&|y| format::decimal(*y, 0))
        .x_desc(data.x_title.as_str())
        .y_desc(data.y_title.as_str())
        .draw()?;
    let color = PALETTE[0];
    let rectangles = data.edges.windows(2).zip(&data.counts).map(|(edge, count)| {
        let gap = (edge[1] - edge[0]) * 0.06;
        Rectangle::new([(edge[0] + gap, 0.0), (edge[1] - gap, *count as f64)], color.mix(0.85).filled())
    });
    chart.draw_series(rectangles)?;
    if let Some(plan) = data.plan_score {
        chart.draw_series(DashedLineSeries::new(
            [(plan, 0.0), (plan, largest * 1.1)],
            style.px(6.0),
            style.px(4.0),
            WARNING.stroke_width(style.px(2.0)),
        ))?;
    }
    // P10, P50 and P90 as short ticks on the axis (their values are written beside the chart).
    for value in data.quantiles {
        chart.draw_series([PathElement::new(
            [(value, 0.0), (value, largest * 0.08)],
            INK.stroke_width(style.px(2.5)),
        )])?;
    }
    area.present()
}
