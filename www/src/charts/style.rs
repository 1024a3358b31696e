//! The one look of every chart: fonts, colours, the plot's margins, the grid and axes (the mesh) and the
//! legend row above the plot. Every chart in this folder draws its axes with [`mesh`] and its legend with
//! [`legend_row`], so they read alike on a projector and in print.

use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::element::Text as TextElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Fonts of chart text, the same list as the page's CSS (no quotes: SVG attributes hold it as written).
pub const FONT_FAMILY: &str = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

/// Colours of products and series, in order; chosen to stay apart on a washed-out projector.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1c, 0x5f, 0xbf),
    RGBColor(0xd9, 0x48, 0x0f),
    RGBColor(0x2b, 0x8a, 0x3e),
    RGBColor(0x86, 0x2e, 0x9c),
    RGBColor(0x0b, 0x72, 0x85),
    RGBColor(0xc2, 0x25, 0x5c),
];

pub const INK: RGBColor = RGBColor(0x22, 0x2b, 0x36);
pub const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xec);
pub const MUTED: RGBColor = RGBColor(0x8a, 0x94, 0xa0);
pub const WARNING: RGBColor = RGBColor(0xc9, 0x2a, 0x2a);
pub const PHASE_FILLS: [RGBColor; 2] = [RGBColor(0x4c, 0x8b, 0xd6), RGBColor(0xe0, 0x9a, 0x3a)];
/// The legend swatch of a fan: the palette's first colour, washed out as the fans are.
pub const BAND_SWATCH: RGBColor = RGBColor(0xb9, 0xcd, 0xea);
/// Opacity of a fan's fill.
pub const BAND_OPACITY: f64 = 0.22;

/// How big to draw: device pixels per CSS pixel (the screen's devicePixelRatio; 1 in tests).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel, > 0.
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> ChartStyle {
        ChartStyle { scale: 1.0 }
    }
}

impl ChartStyle {
    /// `css_px` CSS pixels in device pixels.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round().max(1.0) as u32
    }

    /// Chart text of `css_px` CSS pixels in the ink colour.
    pub fn font(&self, css_px: f64) -> TextStyle<'static> {
        (FONT_FAMILY, css_px * self.scale).into_font().color(&INK)
    }
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendMark {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A filled box (bars, areas).
    Box,
    /// A filled dot.
    Dot,
    /// A vertical whisker (a range).
    Whisker,
}

/// One entry of a chart's legend row.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Text.
    pub label: String,
    /// Swatch shape.
    pub mark: LegendMark,
    /// Swatch colour.
    pub color: RGBColor,
}

/// The result type of drawing on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Outer margin of the plot (CSS px).
pub const MARGIN: f64 = 8.0;
/// Right margin, wider so the last month label fits (CSS px).
pub const MARGIN_RIGHT: f64 = 16.0;
/// Width of the y label area: tick labels and the rotated axis title (CSS px).
pub const Y_LABEL_AREA: f64 = 56.0;
/// Height of the x label area (CSS px).
pub const X_LABEL_AREA: f64 = 24.0;
/// Height of one legend row (CSS px).
pub const LEGEND_ROW: f64 = 20.0;
/// Height of one row of the phase strip (CSS px).
pub const PHASE_ROW: f64 = 15.0;

/// Draws `entries` in rows across the top of `area` (aligned with the plot's left edge) and returns the
/// area below them.
pub fn legend_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let font = style.font(13.0);
    let (width, _) = area.dim_in_pixel();
    let left = style.px(MARGIN + Y_LABEL_AREA) as i32;
    let swatch = style.px(18.0) as i32;
    let gap = style.px(5.0) as i32;
    let spacing = style.px(16.0) as i32;
    let row_height = style.px(LEGEND_ROW) as i32;
    let right = width as i32 - style.px(MARGIN_RIGHT) as i32;
    // Lay out first: (row, x) of each entry.
    let mut placed = Vec::with_capacity(entries.len());
    let (mut row, mut x) = (0i32, left);
    for entry in entries {
        let (text_width, _) = area.estimate_text_size(&entry.label, &font)?;
        let entry_width = swatch + gap + text_width as i32;
        if x > left && x + entry_width > right {
            row += 1;
            x = left;
        }
        placed.push((row, x));
        x += entry_width + spacing;
    }
    let n_rows = if entries.is_empty() { 0 } else { row + 1 };
    let height = n_rows * row_height + style.px(6.0) as i32;
    let (top, rest) = area.split_vertically(height);
    for (entry, (row, x)) in entries.iter().zip(placed) {
        let y = style.px(4.0) as i32 + row * row_height + row_height / 2;
        let stroke = entry.color.stroke_width(style.px(3.0));
        match entry.mark {
            LegendMark::Line => top.draw(&PathElement::new([(x, y), (x + swatch, y)], stroke))?,
            LegendMark::Dashed => {
                let dash = swatch / 3;
                top.draw(&PathElement::new([(x, y), (x + dash, y)], stroke))?;
                top.draw(&PathElement::new([(x + 2 * dash, y), (x + swatch, y)], stroke))?;
            }
            LegendMark::Box => {
                let half = style.px(6.0) as i32;
                top.draw(&Rectangle::new([(x + 2, y - half), (x + swatch - 2, y + half)], entry.color.filled()))?;
            }
            LegendMark::Dot => top.draw(&Circle::new((x + swatch / 2, y), style.px(5.0), entry.color.filled()))?,
            LegendMark::Whisker => {
                let half = style.px(7.0) as i32;
                let mid = x + swatch / 2;
                let thin = entry.color.stroke_width(style.px(1.5));
                top.draw(&PathElement::new([(mid, y - half), (mid, y + half)], thin))?;
                top.draw(&PathElement::new([(mid - 4, y - half), (mid + 4, y - half)], thin))?;
                top.draw(&PathElement::new([(mid - 4, y + half), (mid + 4, y + half)], thin))?;
            }
        }
        let text_style = font.clone().pos(Pos::new(HPos::Left, VPos::Center));
        top.draw(&TextElement::new(entry.label.clone(), (x + swatch + gap, y), text_style))?;
    }
    Ok(rest)
}

/// The grid and axes of every chart: light grid lines, muted axes, tick labels and axis titles in the chart
/// font. Callers add what differs (which grid lines, how many labels, their formatters, the titles).
pub fn mesh<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    style: &ChartStyle,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.bold_line_style(GRID.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(MUTED.stroke_width(style.px(1.0)))
        .x_label_style(style.font(12.0))
        .y_label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
}
