//! The phase timeline (Gantt): one bar per phase on the scenario's date axis, nested phases indented under
//! their parent, overlaps of unrelated phases shaded, target deadlines as diamonds on the same axis.
//!
//! Bars move by dragging (pointer events; dates snap to whole days) and resize by dragging their ends; the
//! arrow keys move a focused bar or end by a day (Shift: a week); the dates can also be typed beside each
//! bar. A drag shows its preview locally and sends one [`Action::MovePhase`] when released: one undo step.

use super::editor::table::{cell_with_id, Ctx, Input};
use crate::edit;
use crate::state::Action;
use crate::words::{self, Lang, Text};
use std::collections::BTreeMap;
use std::rc::Rc;
use wuzha::{Date, ScenarioFile};
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The scenario as edited.
    pub file: Option<ScenarioFile>,
    /// Raw texts of cells not in the file, by path.
    pub cell_texts: BTreeMap<String, String>,
    /// Messages beside cells, by path.
    pub cell_errors: BTreeMap<String, String>,
    /// Receives the moves.
    pub on_action: Callback<Action>,
}

/// What part of a bar is dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grip {
    /// The whole bar.
    Move,
    /// Its first day.
    Start,
    /// Its last day.
    End,
}

/// A drag in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    index: usize,
    grip: Grip,
    origin_x: f64,
    px_per_day: f64,
    /// Days from the period's start to the phase's first and last day, before the drag.
    start: i32,
    end: i32,
    /// Days moved so far.
    delta: i32,
}

/// A phase's first and last day as offsets from the period's start, after moving `grip` by `delta` days,
/// kept inside the period (`n_days` long) and with the end not before the start.
fn moved(start: i32, end: i32, grip: Grip, delta: i32, n_days: i32) -> (i32, i32) {
    let last = n_days - 1;
    match grip {
        Grip::Move => {
            let delta = delta.clamp(-start, last - end);
            (start + delta, end + delta)
        }
        Grip::Start => ((start + delta).clamp(0, end), end),
        Grip::End => (start, (end + delta).clamp(start, last)),
    }
}

const ROW_PX: f64 = 34.0;
const AXIS_PX: f64 = 30.0;
const COLOURS: [&str; 6] = ["#1c5fbf", "#2b8a3e", "#b3261e", "#8a5a00", "#6741d9", "#0b7285"];

/// The period's date axis: day offsets from its first day, shown as percents of its width.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Axis {
    /// The period's first day.
    start: Date,
    /// Days in the period.
    n_days: i32,
}

impl Axis {
    /// The axis of `file`'s period, if its dates read and it has at least one day.
    fn of(file: &ScenarioFile) -> Option<Axis> {
        let (start, end) = (Date::parse(&file.start_date)?, Date::parse(&file.end_date)?);
        let n_days = end.days_since(start) + 1;
        (n_days > 0).then_some(Axis { start, n_days })
    }

    /// The position of `day` (from the period's start) as a percent of the width, e.g. `12.500%`.
    fn pct(self, day: f64) -> String {
        format!("{:.3}%", 100.0 * day / f64::from(self.n_days))
    }

    /// Days from the period's start to the date in `text`, if it is one.
    fn offset(self, text: &str) -> Option<i32> {
        Date::parse(text).map(|date| date.days_since(self.start))
    }

    /// The date `day` days after the period's start, `YYYY-MM-DD`.
    fn date_at(self, day: i32) -> String {
        self.start.add_days(day).to_string()
    }

    /// The move of phase `index` to days `start`..=`end`.
    fn move_action(self, index: usize, start: i32, end: i32) -> Action {
        Action::MovePhase { index, start: self.date_at(start), end: self.date_at(end) }
    }
}

/// Days dragged from `current`'s origin to the pointer at `client_x`.
fn drag_delta(current: &Drag, client_x: i32) -> i32 {
    ((f64::from(client_x) - current.origin_x) / current.px_per_day).round() as i32
}

/// The pointer handlers of the whole chart (the pointer is captured there while dragging): move, release
/// (one [`Action::MovePhase`]) and cancel.
fn drag_handlers(
    drag: &UseStateHandle<Option<Drag>>,
    on_action: &Callback<Action>,
    axis: Axis,
) -> (Callback<PointerEvent>, Callback<PointerEvent>, Callback<PointerEvent>) {
    let on_move = {
        let drag = drag.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(current) = *drag {
                let delta = drag_delta(&current, event.client_x());
                if delta != current.delta {
                    drag.set(Some(Drag { delta, ..current }));
                }
            }
        })
    };
    let on_up = {
        let (drag, on_action) = (drag.clone(), on_action.clone());
        Callback::from(move |event: PointerEvent| {
            if let Some(current) = *drag {
                drag.set(None);
                // The release point decides, even if the last move has not been drawn yet.
                let delta = drag_delta(&current, event.client_x());
                if delta != 0 {
                    let (start, end) = moved(current.start, current.end, current.grip, delta, axis.n_days);
                    on_action.emit(axis.move_action(current.index, start, end));
                }
            }
        })
    };
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    (on_move, on_up, on_cancel)
}

/// What a bar needs to start a drag or a nudge.
struct Bars<'a> {
    lang: Lang,
    file: &'a ScenarioFile,
    axis: Axis,
    drag: &'a UseStateHandle<Option<Drag>>,
    svg_ref: &'a NodeRef,
    on_action: &'a Callback<Action>,
    overlaps: &'a [(usize, usize)],
}

impl Bars<'_> {
    /// Pressing on `grip` of phase `index` (days `start`..=`end`) starts a drag.
    fn grab(&self, index: usize, grip: Grip, start: i32, end: i32) -> Callback<PointerEvent> {
        let (drag, svg_ref, n_days) = (self.drag.clone(), self.svg_ref.clone(), self.axis.n_days);
        Callback::from(move |event: PointerEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else { return };
            event.prevent_default();
            event.stop_propagation();
            let width = svg.get_bounding_client_rect().width();
            if width <= 0.0 {
                return;
            }
            let _ = svg.set_pointer_capture(event.pointer_id());
            let origin_x = f64::from(event.client_x());
            drag.set(Some(Drag { index, grip, origin_x, px_per_day: width / f64::from(n_days), start, end, delta: 0 }));
        })
    }

    /// The arrow keys move `grip` of phase `index` by a day (Shift: a week).
    fn nudge(&self, index: usize, grip: Grip, start: i32, end: i32) -> Callback<KeyboardEvent> {
        let (on_action, axis) = (self.on_action.clone(), self.axis);
        Callback::from(move |event: KeyboardEvent| {
            let step = if event.shift_key() { 7 } else { 1 };
            let delta = match event.key().as_str() {
                "ArrowLeft" => -step,
                "ArrowRight" => step,
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            let (new_start, new_end) = moved(start, end, grip, delta, axis.n_days);
            if (new_start, new_end) != (start, end) {
                on_action.emit(axis.move_action(index, new_start, new_end));
            }
        })
    }

    /// The stretches where phase `index`, shown on days `shown_start`..=`shown_end`, overlaps an unrelated phase.
    fn overlaps_of(&self, index: usize, shown_start: i32, shown_end: i32) -> Vec<(i32, i32)> {
        self.overlaps
            .iter()
            .filter_map(|(a, b)| {
                let other = if *a == index {
                    *b
                } else if *b == index {
                    *a
                } else {
                    return None;
                };
                let other = &self.file.phases[other];
                let (other_start, other_end) = (self.axis.offset(&other.start)?, self.axis.offset(&other.end)?);
                Some((shown_start.max(other_start), shown_end.min(other_end)))
            })
            .filter(|(from, to)| from <= to)
            .collect()
    }

    /// The bar of phase `index` in row `row`: the bar, its overlaps, its label and its two end handles.
    fn bar(&self, row: usize, index: usize) -> Html {
        let (lang, axis, n_days) = (self.lang, self.axis, self.axis.n_days);
        let phase = &self.file.phases[index];
        let depth = edit::phase_depth(self.file, index);
        let (Some(start), Some(end)) = (axis.offset(&phase.start), axis.offset(&phase.end)) else {
            return html! {};
        };
        let (start, end) = (start.clamp(0, n_days - 1), end.clamp(0, n_days - 1).max(start.clamp(0, n_days - 1)));
        let dragging = (**self.drag).filter(|current| current.index == index);
        let (shown_start, shown_end) =
            dragging.map_or((start, end), |current| moved(start, end, current.grip, current.delta, n_days));
        let y = AXIS_PX + ROW_PX * row as f64 + 5.0;
        let bar_height = ROW_PX - 10.0;
        let colour = COLOURS[index % COLOURS.len()];
        let x = f64::from(shown_start);
        let width = f64::from(shown_end - shown_start + 1);
        let narrow = width / f64::from(n_days) < 0.14;
        let label_x = if narrow { axis.pct(x + width + 1.0) } else { axis.pct(x + 1.0) };
        let overlap_with = self.overlaps_of(index, shown_start, shown_end);
        let has_overlap = !overlap_with.is_empty();
        let tip = format!(
            "{} · {} – {}{}",
            phase.name,
            crate::format::date(lang, axis.start.add_days(shown_start)),
            crate::format::date(lang, axis.start.add_days(shown_end)),
            if has_overlap { format!(" · {}", words::text(lang, Text::TimelineOverlap)) } else { String::new() }
        );
        let handle_width = 8.0;
        let pct = |day: f64| axis.pct(day);
        html! {
            <g class={classes!("timeline-bar", dragging.is_some().then_some("dragging"), (depth > 0).then_some("nested"))}
                data-testid={format!("timeline-phase-{index}")} data-start={axis.date_at(shown_start)} data-end={axis.date_at(shown_end)}>
                <title>{ tip.clone() }</title>
                <rect class="bar" x={pct(x)} y={y.to_string()} width={pct(width)} height={bar_height.to_string()} rx="4"
                    fill={colour} fill-opacity={if depth > 0 { "0.55" } else { "0.85" }}
                    tabindex="0" role="slider" aria-label={tip}
                    aria-valuetext={format!("{} – {}", axis.date_at(shown_start), axis.date_at(shown_end))}
                    data-testid={format!("timeline-phase-{index}-bar")}
                    onpointerdown={self.grab(index, Grip::Move, start, end)} onkeydown={self.nudge(index, Grip::Move, start, end)} />
                <g class="overlaps">
                    { for overlap_with.iter().map(|(from, to)| html! {
                        <rect class="overlap" x={pct(f64::from(*from))} y={(y - 3.0).to_string()}
                            width={pct(f64::from(to - from + 1))} height="3" />
                    }) }
                </g>
                <text class={classes!("bar-label", narrow.then_some("outside"))} x={label_x} y={(y + bar_height / 2.0 + 4.5).to_string()}>
                    { phase.name.clone() }
                    if has_overlap { { format!(" · {}", words::text(lang, Text::TimelineOverlap)) } }
                </text>
                <rect class="handle" x={pct(x)} y={y.to_string()} width={handle_width.to_string()} height={bar_height.to_string()}
                    tabindex="0" role="slider" aria-label={format!("{} · {}", phase.name, words::text(lang, Text::TimelineStartHandle))}
                    data-testid={format!("timeline-phase-{index}-start-handle")}
                    onpointerdown={self.grab(index, Grip::Start, start, end)} onkeydown={self.nudge(index, Grip::Start, start, end)} />
                <rect class="handle" x={pct(x + width)} y={y.to_string()} width={handle_width.to_string()} height={bar_height.to_string()}
                    transform={format!("translate(-{handle_width} 0)")}
                    tabindex="0" role="slider" aria-label={format!("{} · {}", phase.name, words::text(lang, Text::TimelineEndHandle))}
                    data-testid={format!("timeline-phase-{index}-end-handle")}
                    onpointerdown={self.grab(index, Grip::End, start, end)} onkeydown={self.nudge(index, Grip::End, start, end)} />
            </g>
        }
    }
}

/// The first day of each month on the axis (and the period's first day), with its label.
fn month_marks(lang: Lang, axis: Axis) -> Vec<(i32, String)> {
    let mut months = Vec::new();
    let mut day = 0;
    while day < axis.n_days {
        let date = axis.start.add_days(day);
        let first = date.day() == 1 || day == 0;
        if first {
            let label = if date.month() == 1 || day == 0 {
                format!("{} {}", date.year(), words::month(lang, date.month()))
            } else {
                words::month(lang, date.month())
            };
            months.push((day, label));
        }
        day += if first { i32::try_from(date.days_in_month() - date.day() + 1).unwrap_or(1) } else { 1 };
    }
    months
}

/// The targets' deadlines inside the period, with their tips.
fn deadline_marks(lang: Lang, file: &ScenarioFile, axis: Axis) -> Vec<(i32, String)> {
    file.targets
        .iter()
        .filter_map(|target| {
            let day = axis.offset(&target.deadline).filter(|day| (0..axis.n_days).contains(day))?;
            let date = axis.start.add_days(day);
            Some((day, format!("{} · {}", target.name, crate::format::date(lang, date))))
        })
        .collect()
}

/// The label column: each phase's name (indented under its parent) and its two date cells.
fn label_column(ctx: &Ctx, file: &ScenarioFile, order: &[usize]) -> Html {
    let lang = ctx.lang;
    let labels = order.iter().map(|&index| {
        let phase = &file.phases[index];
        let depth = edit::phase_depth(file, index);
        let start_label = format!("{} · {}", phase.name, words::editor_field(lang, "start"));
        let end_label = format!("{} · {}", phase.name, words::editor_field(lang, "end"));
        let start_path = format!("phases[{index}].start");
        let end_path = format!("phases[{index}].end");
        html! {
            <div class="timeline-row" style={format!("height:{ROW_PX}px")}>
                <span class="timeline-name" style={format!("padding-left:{}em", depth as f64 * 1.1)} title={phase.name.clone()}>
                    if depth > 0 { <span class="nest-mark" aria-hidden="true">{ "└ " }</span> }
                    { phase.name.clone() }
                </span>
                <span class="timeline-date">{ cell_with_id(ctx, &start_path, &Input::Text, &start_label, format!("timeline-phase-{index}-start")) }</span>
                <span class="timeline-date">{ cell_with_id(ctx, &end_path, &Input::Text, &end_label, format!("timeline-phase-{index}-end")) }</span>
            </div>
        }
    });
    html! {
        <div class="timeline-labels">
            <div class="timeline-row timeline-head" style={format!("height:{AXIS_PX}px")}>
                <span class="timeline-name">{ words::text(lang, Text::TabPhases) }</span>
                <span class="timeline-date">{ words::editor_field(lang, "start") }</span>
                <span class="timeline-date">{ words::editor_field(lang, "end") }</span>
            </div>
            { for labels }
        </div>
    }
}

/// Month lines and labels, and the deadlines' diamonds, over a chart `height` pixels high.
fn axis_marks(lang: Lang, file: &ScenarioFile, axis: Axis, height: f64) -> (Html, Html) {
    let months = month_marks(lang, axis).into_iter().map(|(day, label)| html! {
        <>
            <line class="month-line" x1={axis.pct(f64::from(day))} x2={axis.pct(f64::from(day))} y1="0" y2={height.to_string()} />
            <text class="month-label" x={axis.pct(f64::from(day) + 1.5)} y="14">{ label }</text>
        </>
    });
    let deadlines = deadline_marks(lang, file, axis).into_iter().enumerate().map(|(idx, (day, tip))| {
        let x = axis.pct(f64::from(day) + 0.5);
        html! {
            <g class="deadline" data-testid={format!("timeline-deadline-{idx}")}>
                <title>{ format!("{} · {tip}", words::text(lang, Text::TimelineDeadline)) }</title>
                <line x1={x.clone()} x2={x.clone()} y1={(AXIS_PX - 8.0).to_string()} y2={height.to_string()} />
                <svg x={x} y={(AXIS_PX - 14.0).to_string()} width="12" height="12" overflow="visible">
                    <path d="M0 -6 L6 0 L0 6 L-6 0 Z" transform="translate(0 6)" />
                </svg>
            </g>
        }
    });
    (html! { <>{ for months }</> }, html! { <>{ for deadlines }</> })
}

/// The timeline.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let drag = use_state(|| None::<Drag>);
    let svg_ref = use_node_ref();
    let paste_open = use_state(|| None::<String>);
    let root = use_memo(props.file.clone(), |file| file.as_ref().map(edit::to_value));
    let texts = use_memo(props.cell_texts.clone(), |texts| Rc::new(texts.clone()));
    let errors = use_memo(props.cell_errors.clone(), |errors| Rc::new(errors.clone()));
    let (Some(file), Some(root)) = (props.file.as_ref(), root.as_ref().clone()) else { return html! {} };
    let Some(axis) = Axis::of(file) else { return html! {} };
    let ctx = Ctx {
        lang,
        root: Rc::new(root),
        texts: (*texts).clone(),
        errors: (*errors).clone(),
        row_error: None,
        on_action: props.on_action.clone(),
        on_focus: Callback::noop(),
        paste_open,
    };
    let order = edit::phase_order(file);
    let overlaps = edit::overlaps(file);
    let height = AXIS_PX + ROW_PX * order.len().max(1) as f64 + 6.0;
    let (on_move, on_up, on_cancel) = drag_handlers(&drag, &props.on_action, axis);
    let bars =
        Bars { lang, file, axis, drag: &drag, svg_ref: &svg_ref, on_action: &props.on_action, overlaps: &overlaps };
    let rows = order.iter().enumerate().map(|(row, &index)| bars.bar(row, index));
    let (months, deadlines) = axis_marks(lang, file, axis, height);
    html! {
        <section class="card timeline" data-testid="timeline" aria-labelledby="timeline-heading">
            <div class="card-head">
                <h2 class="card-title" id="timeline-heading">{ words::text(lang, Text::TimelineHeading) }</h2>
                <span class="hint">{ words::text(lang, Text::TimelineHelp) }</span>
            </div>
            <div class="timeline-grid">
                { label_column(&ctx, file, &order) }
                <svg ref={svg_ref.clone()} class={classes!("timeline-svg", drag.is_some().then_some("dragging"))} width="100%" height={height.to_string()}
                    onpointermove={on_move} onpointerup={on_up} onpointercancel={on_cancel} data-testid="timeline-chart">
                    { months }
                    <g class="bars">{ for rows }</g>
                    { deadlines }
                </svg>
            </div>
            <p class="timeline-legend"><span class="diamond" aria-hidden="true">{ "◆" }</span>{ " " }{ words::text(lang, Text::TimelineDeadline) }
                <span class="overlap-key" aria-hidden="true"></span>{ words::text(lang, Text::TimelineOverlap) }</p>
        </section>
    }
}
