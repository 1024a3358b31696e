//! The planner's charts: the frontier (the best objective at each budget, with the current and the suggested
//! plan marked) and the tornado (each uncertain number at its low and high value, largest swing first).

use super::{
    legend_row, style, ChartStyle, DrawResult, LegendEntry, LegendMark, INK, MARGIN, MARGIN_RIGHT, PALETTE, WARNING,
};
use crate::format;
use crate::words::{self, Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use wuzha::planner::{Frontier, Objective, OptimiseResult, Tornado};

/// Bars shown on the tornado.
pub const TORNADO_BARS: usize = 10;

/// How an objective is shown: its axis title and the factor from its value to the axis (e.g. 100 for a share
/// in percent).
pub fn objective_axis(lang: Lang, objective: &Objective) -> (String, f64) {
    let (text, scale) = match objective {
        Objective::CasesAverted => (Text::ObjectiveAxisCases, 1.0),
        Objective::LossAverted if lang == Lang::Zh => (Text::ObjectiveAxisLossWan, 1e-4),
        Objective::LossAverted => (Text::ObjectiveAxisLoss, 1.0),
        Objective::Adoption { .. } | Objective::TargetValue { .. } | Objective::MinCost { probability: None, .. } => {
            (Text::ObjectiveAxisValue, 100.0)
        }
        Objective::TargetProbability { .. } | Objective::MinCost { probability: Some(_), .. } => {
            (Text::ObjectiveAxisProbability, 100.0)
        }
    };
    (words::text(lang, text).to_string(), scale)
}

/// The frontier: objective against budget.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontierChart {
    /// (budget, best objective) in axis units (万元 or yuan; the objective's unit), feasible budgets only.
    pub points: Vec<(f64, f64)>,
    /// The current plan: (cash, objective).
    pub current: (f64, f64),
    /// The suggested plan, if the optimisation's objective is the frontier's: (cash, objective).
    pub suggested: Option<(f64, f64)>,
    /// X axis title.
    pub x_title: String,
    /// Y axis title.
    pub y_title: String,
    /// Legend texts: the frontier, the current plan, the suggested plan.
    pub legend_texts: [String; 3],
}

/// The frontier chart of `frontier`; `result` marks the suggested plan when it optimised the same objective.
pub fn frontier_chart(lang: Lang, frontier: &Frontier, result: Option<&OptimiseResult>) -> FrontierChart {
    let largest = frontier.points.iter().map(|point| point.budget_yuan).fold(frontier.current_cost_yuan, f64::max);
    let (money, x_title) = if lang == Lang::Zh && largest >= 1e4 {
        (1e-4, words::text(lang, Text::AxisBudgetWanYuan))
    } else {
        (1.0, words::text(lang, Text::AxisBudgetYuan))
    };
    let (y_title, scale) = objective_axis(lang, &frontier.objective);
    let suggested = result
        .filter(|result| result.objective == frontier.objective)
        .map(|result| (result.suggested.cost_yuan * money, result.suggested.objective * scale));
    FrontierChart {
        points: frontier
            .points
            .iter()
            .filter_map(|point| Some((point.budget_yuan * money, point.objective? * scale)))
            .collect(),
        current: (frontier.current_cost_yuan * money, frontier.current_objective * scale),
        suggested,
        x_title: x_title.to_string(),
        y_title,
        legend_texts: [
            words::text(lang, Text::LegendFrontier).to_string(),
            words::text(lang, Text::CurrentPlan).to_string(),
            words::text(lang, Text::LegendSuggested).to_string(),
        ],
    }
}

/// Draws the frontier on `area`.
pub fn draw_frontier<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &FrontierChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let [line_text, current_text, suggested_text] = data.legend_texts.clone();
    let mut legend = vec![
        LegendEntry { label: line_text, mark: LegendMark::Line, color: PALETTE[0] },
        LegendEntry { label: current_text, mark: LegendMark::Dot, color: WARNING },
    ];
    if data.suggested.is_some() {
        legend.push(LegendEntry { label: suggested_text, mark: LegendMark::Dot, color: PALETTE[2] });
    }
    let rest = legend_row(area, &legend, style)?;
    let xs = data.points.iter().map(|point| point.0).chain([data.current.0]).chain(data.suggested.map(|s| s.0));
    let ys = data.points.iter().map(|point| point.1).chain([data.current.1]).chain(data.suggested.map(|s| s.1));
    let x_max = xs.fold(0.0f64, f64::max).max(1e-9) * 1.05;
    let (y_min, y_max) = ys.fold((0.0f64, 0.0f64), |(low, high), y| (low.min(y), high.max(y)));
    let y_span = (y_max - y_min).max(1e-9);
    let mut chart = ChartBuilder::on(&rest)
        .margin(style.px(MARGIN))
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(0f64..x_max, (y_min - y_span * 0.05)..(y_max + y_span * 0.1))?;
    style::mesh(&mut chart.configure_mesh(), style)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| format::decimal(*x, 1))
        .y_label_formatter(&|y| format::decimal(*y, 1))
        .x_desc(data.x_title.as_str())
        .y_desc(data.y_title.as_str())
        .draw()?;
    chart.draw_series(LineSeries::new(data.points.iter().copied(), PALETTE[0].stroke_width(style.px(2.5))))?;
    chart.draw_series(data.points.iter().map(|point| Circle::new(*point, style.px(3.0), PALETTE[0].filled())))?;
    chart.draw_series(std::iter::once(Circle::new(data.current, style.px(6.0), WARNING.filled())))?;
    if let Some(suggested) = data.suggested {
        chart.draw_series(std::iter::once(Circle::new(suggested, style.px(6.0), PALETTE[2].filled())))?;
    }
    area.present()
}

/// The tornado: one bar per uncertain number, its outcome at low and at high, largest swing first.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoChart {
    /// (label, outcome at low, outcome at high) in axis units, at most [`TORNADO_BARS`].
    pub bars: Vec<(String, f64, f64)>,
    /// The outcome with every number at its most likely value.
    pub base: f64,
    /// X axis title.
    pub x_title: String,
    /// Legend texts: at the low value, at the high value.
    pub legend_texts: [String; 2],
}

/// The tornado chart of `tornado`.
pub fn tornado_chart(lang: Lang, tornado: &Tornado) -> TornadoChart {
    let (x_title, scale) = objective_axis(lang, &tornado.objective);
    TornadoChart {
        bars: tornado
            .bars
            .iter()
            .take(TORNADO_BARS)
            .map(|bar| (bar.label.clone(), bar.outcome_at_low * scale, bar.outcome_at_high * scale))
            .collect(),
        base: tornado.base * scale,
        x_title,
        legend_texts: [
            words::text(lang, Text::LegendAtLow).to_string(),
            words::text(lang, Text::LegendAtHigh).to_string(),
        ],
    }
}

/// Width of the tornado's label column (CSS px).
const TORNADO_LABELS: f64 = 190.0;

/// Draws the tornado on `area`.
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TornadoChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let [low_text, high_text] = data.legend_texts.clone();
    let legend = [
        LegendEntry { label: low_text, mark: LegendMark::Box, color: PALETTE[1] },
        LegendEntry { label: high_text, mark: LegendMark::Box, color: PALETTE[0] },
    ];
    let rest = legend_row(area, &legend, style)?;
    let n_bars = data.bars.len().max(1);
    let (low, high) = data
        .bars
        .iter()
        .flat_map(|(_, at_low, at_high)| [*at_low, *at_high])
        .chain([data.base])
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| (low.min(value), high.max(value)));
    let span = (high - low).max(1e-9);
    let mut chart = ChartBuilder::on(&rest)
        .margin(style.px(MARGIN))
        .margin_right(style.px(MARGIN_RIGHT))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(TORNADO_LABELS))
        .build_cartesian_2d((low - span * 0.08)..(high + span * 0.08), 0f64..n_bars as f64)?;
    let label_of = |y: &f64| {
        let idx = n_bars as f64 - y.floor() - 1.0;
        data.bars.get(idx.max(0.0) as usize).map(|(label, _, _)| shorten(label, 18)).unwrap_or_default()
    };
    style::mesh(&mut chart.configure_mesh(), style)
        .disable_y_mesh()
        .y_label_style(style.font(11.0))
        .x_labels(6)
        .y_labels(n_bars * 2 + 1)
        .y_label_formatter(&|y| if (y.fract() - 0.5).abs() < 0.01 { label_of(y) } else { String::new() })
        .x_label_formatter(&|x| format::decimal(*x, 2))
        .x_desc(data.x_title.as_str())
        .draw()?;
    for (bar_idx, (_, at_low, at_high)) in data.bars.iter().enumerate() {
        let y_top = n_bars as f64 - bar_idx as f64 - 0.15;
        let y_bottom = y_top - 0.7;
        chart.draw_series([
            Rectangle::new([(data.base, y_bottom), (*at_low, y_top)], PALETTE[1].mix(0.85).filled()),
            Rectangle::new([(data.base, y_bottom), (*at_high, y_top)], PALETTE[0].mix(0.85).filled()),
        ])?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        [(data.base, 0.0), (data.base, n_bars as f64)],
        INK.stroke_width(style.px(1.5)),
    )))?;
    let text_style = style.font(11.0).color(&INK).pos(Pos::new(HPos::Left, VPos::Bottom));
    chart.draw_series(std::iter::once(plotters::element::Text::new(
        format::decimal(data.base, 2),
        (data.base, n_bars as f64),
        text_style,
    )))?;
    area.present()
}

/// `text` cut to `max_chars` characters with an ellipsis.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max_chars - 1).collect::<String>())
    }
}
