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
    let (Some(period_start), Some(period_end)) = (Date::parse(&file.start_date), Date::parse(&file.end_date)) else {
        return html! {};
    };
    let n_days = period_end.days_since(period_start) + 1;
    if n_days <= 0 {
        return html! {};
    }
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
    let pct = |day: f64| format!("{:.3}%", 100.0 * day / f64::from(n_days));
    let offset = |text: &str| Date::parse(text).map(|date| date.days_since(period_start));
    let date_at = |day: i32| period_start.add_days(day).to_string();
    let order = edit::phase_order(file);
    let overlaps = edit::overlaps(file);
    let height = AXIS_PX + ROW_PX * order.len().max(1) as f64 + 6.0;

    // Pointer handlers on the whole chart (the pointer is captured there while dragging).
    let on_move = {
        let drag = drag.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(current) = *drag {
                let delta = ((f64::from(event.client_x()) - current.origin_x) / current.px_per_day).round() as i32;
                if delta != current.delta {
                    drag.set(Some(Drag { delta, ..current }));
                }
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(current) = *drag {
                drag.set(None);
                // The release point decides, even if the last move has not been drawn yet.
                let delta = ((f64::from(event.client_x()) - current.origin_x) / current.px_per_day).round() as i32;
                if delta != 0 {
                    let (start, end) = moved(current.start, current.end, current.grip, delta, n_days);
                    on_action.emit(Action::MovePhase {
                        index: current.index,
                        start: period_start.add_days(start).to_string(),
                        end: period_start.add_days(end).to_string(),
                    });
                }
            }
        })
    };
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let grab = |index: usize, grip: Grip, start: i32, end: i32| {
        let drag = drag.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else { return };
            event.prevent_default();
            event.stop_propagation();
            let width = svg.get_bounding_client_rect().width();
            if width <= 0.0 {
                return;
            }
            let _ = svg.set_pointer_capture(event.pointer_id());
            drag.set(Some(Drag {
                index,
                grip,
                origin_x: f64::from(event.client_x()),
                px_per_day: width / f64::from(n_days),
                start,
                end,
                delta: 0,
            }));
        })
    };
    let nudge = |index: usize, grip: Grip, start: i32, end: i32| {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            let step = if event.shift_key() { 7 } else { 1 };
            let delta = match event.key().as_str() {
                "ArrowLeft" => -step,
                "ArrowRight" => step,
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            let (new_start, new_end) = moved(start, end, grip, delta, n_days);
            if (new_start, new_end) != (start, end) {
                on_action.emit(Action::MovePhase {
                    index,
                    start: period_start.add_days(new_start).to_string(),
                    end: period_start.add_days(new_end).to_string(),
                });
            }
        })
    };

    // Month lines and labels.
    let mut months = Vec::new();
    let mut day = 0;
    while day < n_days {
        let date = period_start.add_days(day);
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
    let deadlines: Vec<(i32, String)> = file
        .targets
        .iter()
        .filter_map(|target| {
            let day = offset(&target.deadline).filter(|day| (0..n_days).contains(day))?;
            let date = period_start.add_days(day);
            Some((day, format!("{} · {}", target.name, crate::format::date(lang, date))))
        })
        .collect();

    let rows = order.iter().enumerate().map(|(row, &index)| {
        let phase = &file.phases[index];
        let depth = edit::phase_depth(file, index);
        let (Some(start), Some(end)) = (offset(&phase.start), offset(&phase.end)) else {
            return html! {};
        };
        let (start, end) = (start.clamp(0, n_days - 1), end.clamp(0, n_days - 1).max(start.clamp(0, n_days - 1)));
        let dragging = (*drag).filter(|current| current.index == index);
        let (shown_start, shown_end) =
            dragging.map_or((start, end), |current| moved(start, end, current.grip, current.delta, n_days));
        let y = AXIS_PX + ROW_PX * row as f64 + 5.0;
        let bar_height = ROW_PX - 10.0;
        let colour = COLOURS[index % COLOURS.len()];
        let x = f64::from(shown_start);
        let width = f64::from(shown_end - shown_start + 1);
        let narrow = width / f64::from(n_days) < 0.14;
        let label_x = if narrow { pct(x + width + 1.0) } else { pct(x + 1.0) };
        let overlap_with: Vec<(i32, i32)> = overlaps
            .iter()
            .filter_map(|(a, b)| {
                let other = if *a == index { *b } else if *b == index { *a } else { return None };
                let other = &file.phases[other];
                let (other_start, other_end) = (offset(&other.start)?, offset(&other.end)?);
                Some((shown_start.max(other_start), shown_end.min(other_end)))
            })
            .filter(|(from, to)| from <= to)
            .collect();
        let has_overlap = !overlap_with.is_empty();
        let tip = format!(
            "{} · {} – {}{}",
            phase.name,
            crate::format::date(lang, period_start.add_days(shown_start)),
            crate::format::date(lang, period_start.add_days(shown_end)),
            if has_overlap { format!(" · {}", words::text(lang, Text::TimelineOverlap)) } else { String::new() }
        );
        let handle_width = 8.0;
        html! {
            <g class={classes!("timeline-bar", dragging.is_some().then_some("dragging"), (depth > 0).then_some("nested"))}
                data-testid={format!("timeline-phase-{index}")} data-start={date_at(shown_start)} data-end={date_at(shown_end)}>
                <title>{ tip.clone() }</title>
                <rect class="bar" x={pct(x)} y={y.to_string()} width={pct(width)} height={bar_height.to_string()} rx="4"
                    fill={colour} fill-opacity={if depth > 0 { "0.55" } else { "0.85" }}
                    tabindex="0" role="slider" aria-label={tip}
                    aria-valuetext={format!("{} – {}", date_at(shown_start), date_at(shown_end))}
                    data-testid={format!("timeline-phase-{index}-bar")}
                    onpointerdown={grab(index, Grip::Move, start, end)} onkeydown={nudge(index, Grip::Move, start, end)} />
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
                    onpointerdown={grab(index, Grip::Start, start, end)} onkeydown={nudge(index, Grip::Start, start, end)} />
                <rect class="handle" x={pct(x + width)} y={y.to_string()} width={handle_width.to_string()} height={bar_height.to_string()}
                    transform={format!("translate(-{handle_width} 0)")}
                    tabindex="0" role="slider" aria-label={format!("{} · {}", phase.name, words::text(lang, Text::TimelineEndHandle))}
                    data-testid={format!("timeline-phase-{index}-end-handle")}
                    onpointerdown={grab(index, Grip::End, start, end)} onkeydown={nudge(index, Grip::End, start, end)} />
            </g>
        }
    });

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
                <span class="timeline-date">{ cell_with_id(&ctx, &start_path, &Input::Text, &start_label, format!("timeline-phase-{index}-start")) }</span>
                <span class="timeline-date">{ cell_with_id(&ctx, &end_path, &Input::Text, &end_label, format!("timeline-phase-{index}-end")) }</span>
            </div>
        }
    });

    html! {
        <section class="card timeline" data-testid="timeline" aria-labelledby="timeline-heading">
            <div class="card-head">
                <h2 class="card-title" id="timeline-heading">{ words::text(lang, Text::TimelineHeading) }</h2>
                <span class="hint">{ words::text(lang, Text::TimelineHelp) }</span>
            </div>
            <div class="timeline-grid">
                <div class="timeline-labels">
                    <div class="timeline-row timeline-head" style={format!("height:{AXIS_PX}px")}>
                        <span class="timeline-name">{ words::text(lang, Text::TabPhases) }</span>
                        <span class="timeline-date">{ words::editor_field(lang, "start") }</span>
                        <span class="timeline-date">{ words::editor_field(lang, "end") }</span>
                    </div>
                    { for labels }
                </div>
                <svg ref={svg_ref.clone()} class={classes!("timeline-svg", drag.is_some().then_some("dragging"))} width="100%" height={height.to_string()}
                    onpointermove={on_move} onpointerup={on_up} onpointercancel={on_cancel} data-testid="timeline-chart">
                    { for months.iter().map(|(day, label)| html! {
                        <>
                            <line class="month-line" x1={pct(f64::from(*day))} x2={pct(f64::from(*day))} y1="0" y2={height.to_string()} />
                            <text class="month-label" x={pct(f64::from(*day) + 1.5)} y="14">{ label.clone() }</text>
                        </>
                    }) }
                    <g class="bars">{ for rows }</g>
                    { for deadlines.iter().enumerate().map(|(idx, (day, tip))| {
                        let x = pct(f64::from(*day) + 0.5);
                        html! {
                            <g class="deadline" data-testid={format!("timeline-deadline-{idx}")}>
                                <title>{ format!("{} · {tip}", words::text(lang, Text::TimelineDeadline)) }</title>
                                <line x1={x.clone()} x2={x.clone()} y1={(AXIS_PX - 8.0).to_string()} y2={height.to_string()} />
                                <svg x={x} y={(AXIS_PX - 14.0).to_string()} width="12" height="12" overflow="visible">
                                    <path d="M0 -6 L6 0 L0 6 L-6 0 Z" transform="translate(0 6)" />
                                </svg>
                            </g>
                        }
                    }) }
                </svg>
            </div>
            <p class="timeline-legend"><span class="diamond" aria-hidden="true">{ "◆" }</span>{ " " }{ words::text(lang, Text::TimelineDeadline) }
                <span class="overlap-key" aria-hidden="true"></span>{ words::text(lang, Text::TimelineOverlap) }</p>
        </section>
    }
}
