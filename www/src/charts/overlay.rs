//! Pinned options drawn over the charts: each option's lines dashed in the option's own colour, so options
//! A, B, C, D and the current plan can be read off one chart.

use super::{
    AdoptionChart, CasesChart, ChartStyle, CostChart, DrawResult, KeyedAxis, LegendEntry, LegendMark, PhaseCostChart,
    StackedCostChart,
};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use wuzha::Outcome;

/// Colours of options A, B, C, D: dark and apart from the palette of the current plan.
pub const OPTION_COLORS: [RGBColor; 4] =
    [RGBColor(0x3d, 0x3d, 0x3d), RGBColor(0x9c, 0x5b, 0x00), RGBColor(0x5f, 0x7f, 0x14), RGBColor(0x7a, 0x1f, 0x5c)];

/// One pinned option on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// Legend text, e.g. `方案A`.
    pub label: String,
    /// Its series in the chart's unit: days for daily charts, months or phases for bar charts.
    pub lines: Vec<Vec<f64>>,
    /// Its colour.
    pub color: RGBColor,
}

/// Legend entries of the overlays: a dashed swatch per option.
pub fn overlay_legend(overlays: &[Overlay]) -> Vec<LegendEntry> {
    overlays
        .iter()
        .map(|overlay| LegendEntry { label: overlay.label.clone(), mark: LegendMark::Dashed, color: overlay.color })
        .collect()
}

fn overlay(label: &str, color: RGBColor, lines: Vec<Vec<f64>>) -> Overlay {
    Overlay { label: label.to_string(), lines, color }
}

impl AdoptionChart {
    /// Adds an option: the lines of `other`, the same chart built from the option's result.
    pub fn add_overlay(&mut self, label: &str, color: RGBColor, other: &AdoptionChart) {
        let lines = other.lines.iter().map(|line| line.values.clone()).collect();
        self.overlays.push(overlay(label, color, lines));
    }
}

impl CostChart {
    /// Adds an option: its cash to date, in this chart's unit.
    pub fn add_overlay(&mut self, label: &str, color: RGBColor, other: &Outcome) {
        let cash = other.daily.cash_cost_cum.iter().map(|value| value / self.y_unit_yuan).collect();
        self.overlays.push(overlay(label, color, vec![cash]));
    }
}

impl StackedCostChart {
    /// Adds an option: its cash to date (the top of its stack), in this chart's unit.
    pub fn add_overlay(&mut self, label: &str, color: RGBColor, other: &Outcome) {
        let cash = other.daily.cash_cost_cum.iter().map(|value| value / self.y_unit_yuan).collect();
        self.overlays.push(overlay(label, color, vec![cash]));
    }
}

impl CasesChart {
    /// Adds an option: one value per month in yuan or cases (divided by this chart's unit here).
    pub fn add_overlay(&mut self, label: &str, color: RGBColor, values: &[f64]) {
        let scaled = values.iter().map(|value| value / self.y_unit).collect();
        self.overlays.push(overlay(label, color, vec![scaled]));
    }
}

impl PhaseCostChart {
    /// Adds an option: its total cash per phase in yuan, matched to this chart's phases by name (a phase the
    /// option does not have is left at zero).
    pub fn add_overlay(&mut self, label: &str, color: RGBColor, phases: &[(String, f64)]) {
        let totals = self
            .phases
            .iter()
            .map(|name| phases.iter().find(|(other, _)| other == name).map_or(0.0, |(_, yuan)| yuan / self.y_unit_yuan))
            .collect();
        self.overlays.push(overlay(label, color, vec![totals]));
    }
}

/// Draws daily overlays (x = day index) as dashed lines.
pub(super) fn draw_daily<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<KeyedAxis, RangedCoordf64>>,
    overlays: &[Overlay],
    style: &ChartStyle,
) -> DrawResult<DB> {
    for option in overlays {
        for line in &option.lines {
            let points = line.iter().enumerate().map(|(day_idx, value)| (day_idx as f64, *value));
            chart.draw_series(DashedLineSeries::new(
                points,
                style.px(7.0),
                style.px(4.0),
                option.color.stroke_width(style.px(2.0)),
            ))?;
        }
    }
    Ok(())
}

/// Draws overlays over categories (x = index + 0.5: months, phases) as dashed lines with a dot per category.
pub(super) fn draw_categories<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<KeyedAxis, RangedCoordf64>>,
    overlays: &[Overlay],
    style: &ChartStyle,
) -> DrawResult<DB> {
    for option in overlays {
        for line in &option.lines {
            let points: Vec<(f64, f64)> =
                line.iter().enumerate().map(|(idx, value)| (idx as f64 + 0.5, *value)).collect();
            chart.draw_series(DashedLineSeries::new(
                points.clone(),
                style.px(6.0),
                style.px(4.0),
                option.color.stroke_width(style.px(2.0)),
            ))?;
            chart.draw_series(
                points.into_iter().map(|point| Circle::new(point, style.px(3.5), option.color.filled())),
            )?;
        }
    }
    Ok(())
}

/// The largest value of any overlay (for the y range).
pub(super) fn largest(overlays: &[Overlay]) -> f64 {
    overlays.iter().flat_map(|option| option.lines.iter().flatten()).fold(0.0f64, |acc, value| acc.max(*value))
}
