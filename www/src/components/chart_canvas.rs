//! A chart on a `<canvas>`: sized to its box, sharp at the screen's devicePixelRatio, drawn with plotters'
//! `CanvasBackend` in an effect that draws only when the chart data or the canvas size changed.

use super::file_menu::{download_url, file_name};
use super::UpdateClock;
use crate::charts::{
    self, AdoptionChart, CasesChart, ChartStyle, CostChart, FrontierChart, PhaseCostChart, ScoreHistogram,
    StackedCostChart, TornadoChart,
};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// The data of one chart; compared by pointer, so a chart redraws only for a new result.
#[derive(Clone, Debug)]
pub enum ChartData {
    /// Adoption per product.
    Adoption(Rc<AdoptionChart>),
    /// Cumulative cost against the budget.
    Cost(Rc<CostChart>),
    /// Cases per month.
    Cases(Rc<CasesChart>),
    /// The assessment score over Monte Carlo runs.
    Score(Rc<ScoreHistogram>),
    /// Cash to date by channel, stacked.
    StackedCost(Rc<StackedCostChart>),
    /// Cash by phase.
    PhaseCost(Rc<PhaseCostChart>),
    /// The planner's frontier.
    Frontier(Rc<FrontierChart>),
    /// The planner's tornado.
    Tornado(Rc<TornadoChart>),
}

impl PartialEq for ChartData {
    fn eq(&self, other: &ChartData) -> bool {
        match (self, other) {
            (ChartData::Adoption(a), ChartData::Adoption(b)) => Rc::ptr_eq(a, b),
            (ChartData::Cost(a), ChartData::Cost(b)) => Rc::ptr_eq(a, b),
            (ChartData::Cases(a), ChartData::Cases(b)) => Rc::ptr_eq(a, b),
            (ChartData::Score(a), ChartData::Score(b)) => Rc::ptr_eq(a, b),
            (ChartData::StackedCost(a), ChartData::StackedCost(b)) => Rc::ptr_eq(a, b),
            (ChartData::PhaseCost(a), ChartData::PhaseCost(b)) => Rc::ptr_eq(a, b),
            (ChartData::Frontier(a), ChartData::Frontier(b)) => Rc::ptr_eq(a, b),
            (ChartData::Tornado(a), ChartData::Tornado(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// `data-testid` of the canvas.
    pub test_id: AttrValue,
    /// Title above the chart.
    pub title: AttrValue,
    /// Accessible description of the chart.
    pub alt: AttrValue,
    /// Text of the export button.
    pub export_label: AttrValue,
    /// What to draw.
    pub chart: ChartData,
    /// Told when a new result has been drawn.
    pub clock: UpdateClock,
}

/// The canvas size in CSS pixels and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CanvasSize {
    css_width: u32,
    css_height: u32,
    device_pixel_ratio: f64,
}

fn measure(canvas: &HtmlCanvasElement) -> Option<CanvasSize> {
    let device_pixel_ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
    let css_width = u32::try_from(canvas.client_width()).ok().filter(|width| *width > 0)?;
    let css_height = u32::try_from(canvas.client_height()).ok().filter(|height| *height > 0)?;
    let device_pixel_ratio =
        if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 { device_pixel_ratio } else { 1.0 };
    Some(CanvasSize { css_width, css_height, device_pixel_ratio })
}

/// Sizes the canvas's pixel buffer to `size` and draws the chart; returns false if nothing could be drawn.
fn draw(canvas: &HtmlCanvasElement, chart: &ChartData, size: CanvasSize) -> bool {
    canvas.set_width((f64::from(size.css_width) * size.device_pixel_ratio).round() as u32);
    canvas.set_height((f64::from(size.css_height) * size.device_pixel_ratio).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return false };
    let area = backend.into_drawing_area();
    let style = ChartStyle { scale: size.device_pixel_ratio };
    let drawn = match chart {
        ChartData::Adoption(data) => charts::draw_adoption(&area, data, &style),
        ChartData::Cost(data) => charts::draw_cost(&area, data, &style),
        ChartData::Cases(data) => charts::draw_cases(&area, data, &style),
        ChartData::Score(data) => charts::draw_score_histogram(&area, data, &style),
        ChartData::StackedCost(data) => charts::draw_stacked_cost(&area, data, &style),
        ChartData::PhaseCost(data) => charts::draw_phase_cost(&area, data, &style),
        ChartData::Frontier(data) => charts::draw_frontier(&area, data, &style),
        ChartData::Tornado(data) => charts::draw_tornado(&area, data, &style),
    };
    match drawn {
        Ok(()) => true,
        Err(error) => {
            web_sys::console::error_1(&format!("chart: {error}").into());
            false
        }
    }
}

/// One chart with its title.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let size = use_state_eq(|| None::<CanvasSize>);
    let last_drawn = use_mut_ref(|| None::<(ChartData, CanvasSize)>);

    // A ResizeObserver re-measures the canvas whenever its box changes (window resize, zoom, layout);
    // a changed size redraws.
    {
        let canvas_ref = canvas_ref.clone();
        let size = size.setter();
        use_effect_with((), move |_| {
            let observed = canvas_ref.clone();
            let on_resize = Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(move |_, _| {
                if let Some(canvas) = observed.cast::<HtmlCanvasElement>() {
                    size.set(measure(&canvas));
                }
            });
            // Without an observer the chart still draws; it only will not follow size changes.
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(canvas)) = (&observer, canvas_ref.cast::<HtmlCanvasElement>()) {
                observer.observe(&canvas);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }

    {
        let canvas_ref = canvas_ref.clone();
        let clock = props.clock.clone();
        use_effect_with((props.chart.clone(), *size), move |(chart, _)| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else { return };
            let Some(measured) = measure(&canvas) else { return };
            let (is_new_chart, is_same) = match &*last_drawn.borrow() {
                Some((drawn, drawn_size)) => (drawn != chart, drawn == chart && *drawn_size == measured),
                None => (true, false),
            };
            if is_same || !draw(&canvas, chart, measured) {
                return;
            }
            if is_new_chart {
                clock.record();
            }
            *last_drawn.borrow_mut() = Some((chart.clone(), measured));
        });
    }

    let on_export = {
        let canvas_ref = canvas_ref.clone();
        let file_name = file_name(&props.title, "png");
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| canvas.to_data_url().ok()) {
                let _ = download_url(&url, &file_name);
            }
        })
    };
    html! {
        <figure class="chart">
            <figcaption>
                { props.title.clone() }
                <button type="button" class="button small no-print" data-testid={format!("export-png-{}", props.test_id)}
                    onclick={on_export}>{ props.export_label.clone() }</button>
            </figcaption>
            <div class="chart-box">
                <canvas ref={canvas_ref} data-testid={props.test_id.clone()} role="img"
                    aria-label={props.alt.clone()} />
            </div>
        </figure>
    }
}
