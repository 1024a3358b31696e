//! The editor's sections, one function per tab: township and villages, segments, products, channels and
//! floors, schedule, phases, rewards and budget, targets, last year's cases, assessment and behaviour.

use super::table::{
    cell, form_field, form_field_labelled, id_options, rows_of, table, table_of, Column, Ctx, Input, TableOptions,
};
use crate::edit;
use crate::state::Action;
use crate::words::{self, Text};
use serde_json::Value;
use yew::prelude::*;

const ROWS: TableOptions = TableOptions { editable_rows: true, paste: false };
const ROWS_PASTE: TableOptions = TableOptions { editable_rows: true, paste: true };
const FIXED: TableOptions = TableOptions { editable_rows: false, paste: false };

fn heading(ctx: &Ctx, text: Text) -> Html {
    html! { <h3 class="editor-subheading">{ words::text(ctx.lang, text) }</h3> }
}

fn text_cols(ctx: &Ctx, fields: &[&str]) -> Vec<Column> {
    fields.iter().map(|field| Column::text(ctx.lang, field)).collect()
}

/// Township, period and villages (a table with paste from Excel/WPS).
pub fn township(ctx: &Ctx) -> Html {
    let columns = text_cols(ctx, &["id", "name", "residents", "households", "grids", "grid_workers", "note"]);
    html! {
        <>
            { heading(ctx, Text::GeneralHeading) }
            <div class="editor-form">
                { form_field_labelled(ctx, "name", Input::Text, words::text(ctx.lang, Text::PlanTitle)) }
                { form_field_labelled(ctx, "township.name", Input::Text, words::editor_field(ctx.lang, "township")) }
                { form_field(ctx, "township.county", Input::Text) }
                { form_field(ctx, "start_date", Input::Text) }
                { form_field(ctx, "end_date", Input::Text) }
                { form_field(ctx, "seed", Input::Text) }
            </div>
            { heading(ctx, Text::VillagesHeading) }
            { table(ctx, "villages", &columns, ROWS_PASTE) }
        </>
    }
}

/// Segments, with each product's share adopted on day one.
pub fn segments(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let mut columns =
        text_cols(ctx, &["id", "name", "share", "smartphone_share", "victim_share", "loss_per_case_yuan"]);
    columns.push(Column::check(lang, "priority"));
    columns.push(Column::text(lang, "initial_aware"));
    for (id, name) in id_options(&ctx.root, "products") {
        let label = format!("{} · {name}", words::editor_field(lang, "initial_adopted"));
        columns.push(Column::text(lang, &format!("initial_adopted.{id}")).titled(&label));
    }
    table(ctx, "segments", &columns, ROWS_PASTE)
}

/// Products and their adoption parameters.
pub fn products(ctx: &Ctx) -> Html {
    let columns = text_cols(ctx, &["id", "name", "p0", "q", "uninstall_rate", "risk_cut", "note"]);
    table(ctx, "products", &columns, ROWS)
}

/// The channel catalog (costs, reach, lifts), segment weights, and floors.
pub fn channels(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let mut columns = text_cols(ctx, &["id", "name", "unit"]);
    columns.push(Column::choice(lang, "kind", &["broadcast", "door_to_door"]));
    columns.extend(text_cols(
        ctx,
        &[
            "cost_per_unit_yuan",
            "fixed_cost_yuan",
            "reach_per_unit",
            "staff_hours_per_unit",
            "awareness_lift",
            "carry_over_per_week",
            "hill_alpha",
            "hill_gamma",
            "visits_per_hour",
        ],
    ));
    let products = id_options(&ctx.root, "products");
    for (id, name) in &products {
        let label = format!("β · {name}");
        columns.push(Column::text(lang, &format!("adoption_lift.{id}")).titled(&label));
    }
    for (id, name) in &products {
        let label = format!("{} · {name}", words::editor_field(lang, "install_conversion"));
        columns.push(Column::text(lang, &format!("install_conversion.{id}")).titled(&label));
    }
    let weights: Vec<Column> = id_options(&ctx.root, "segments")
        .into_iter()
        .map(|(id, name)| Column::text(lang, &format!("affinity.{id}")).titled(&name))
        .collect();
    let floor_columns = vec![
        Column::reference(lang, "channel", &ctx.root, "channels", None),
        Column::reference(lang, "phase", &ctx.root, "phases", Some(Text::WholePeriod)),
        Column::text(lang, "min_units_per_village"),
        Column::text(lang, "note"),
    ];
    let n_channels = rows_of(&ctx.root, "channels").len();
    html! {
        <>
            { table(ctx, "channels", &columns, ROWS) }
            <h3 class="editor-subheading">{ words::editor_field(lang, "affinity") }</h3>
            { table_of(ctx, "channels", n_channels, &|idx| format!("channels[{idx}]"),
                &[vec![Column { input: Input::Label, width: "w-name", ..Column::text(lang, "name") }], weights].concat(), FIXED) }
            { heading(ctx, Text::FloorsHeading) }
            { table(ctx, "floors", &floor_columns, ROWS) }
        </>
    }
}

/// The schedule: units of a channel in a phase, per village or for one village.
pub fn schedule(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let columns = vec![
        Column::reference(lang, "channel", &ctx.root, "channels", None),
        Column::reference(lang, "phase", &ctx.root, "phases", None),
        Column::text(lang, "units"),
        Column::choice(lang, "per", &["phase", "day", "week", "month"]),
        Column::choice(lang, "basis", &["per_village", "per_grid_worker", "township_total"]),
        Column::reference(lang, "village", &ctx.root, "villages", Some(Text::AllVillages)),
        Column::text(lang, "note"),
    ];
    table(ctx, "schedule", &columns, ROWS_PASTE)
}

/// Phases: names, dates and nesting (the timeline above edits the dates too).
pub fn phases(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let mut columns = text_cols(ctx, &["id", "name", "start", "end"]);
    columns.push(Column::reference(lang, "parent", &ctx.root, "phases", Some(Text::NoneOption)));
    columns.push(Column::text(lang, "note"));
    table(ctx, "phases", &columns, ROWS)
}

/// Rewards per phase and product, the total budget cap and the caps per phase.
pub fn rewards(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let columns = vec![
        Column::reference(lang, "phase", &ctx.root, "phases", None),
        Column::reference(lang, "product", &ctx.root, "products", None),
        Column::text(lang, "yuan_per_install"),
        Column::text(lang, "note"),
    ];
    let phases = id_options(&ctx.root, "phases");
    html! {
        <>
            { heading(ctx, Text::RewardsHeading) }
            { table(ctx, "rewards", &columns, ROWS_PASTE) }
            { heading(ctx, Text::BudgetHeading) }
            <div class="editor-form">{ form_field(ctx, "budget.total_yuan", Input::Text) }</div>
            <h3 class="editor-subheading">{ words::text(lang, Text::PhaseCapsHeading) }
                <span class="unit">{ format!(" {}", words::text(lang, Text::PhaseCapsHint)) }</span></h3>
            <div class="editor-form">
                { for phases.iter().map(|(id, name)| {
                    let path = format!("budget.per_phase_yuan.{id}");
                    html! {
                        <div class="editor-field">
                            <span class="editor-field-label">{ name.clone() }</span>
                            { cell(ctx, &path, &Input::Text, &format!("{} · {name}", words::editor_field(lang, "per_phase_yuan"))) }
                        </div>
                    }
                }) }
            </div>
        </>
    }
}

/// Targets: metric, scope, threshold and deadline.
pub fn targets(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let columns = vec![
        Column::text(lang, "id"),
        Column::text(lang, "name"),
        Column::choice(lang, "metric", &["adoption", "reach", "awareness", "yoy_cases", "yoy_loss"]),
        Column::reference(lang, "product", &ctx.root, "products", Some(Text::NoneOption)),
        Column::reference(lang, "segment", &ctx.root, "segments", Some(Text::NoneOption)),
        Column::reference(lang, "village", &ctx.root, "villages", Some(Text::WholeTownship)),
        Column::choice(lang, "denominator", &["residents", "smartphone_holders"]),
        Column::text(lang, "threshold"),
        Column::text(lang, "deadline"),
    ];
    table(ctx, "targets", &columns, ROWS_PASTE)
}

/// Last year's cases: twelve months or an annual total, and the loss.
pub fn last_year(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let monthly = edit::get(&ctx.root, "last_year.cases_monthly").and_then(Value::as_array).map(Vec::len);
    html! {
        <>
            <p class="hint">{ words::text(lang, Text::LastYearNote) }</p>
            if let Some(n_months) = monthly {
                { heading(ctx, Text::MonthlyCasesHeading) }
                <div class="month-grid">
                    { for (0..n_months.min(12)).map(|month_idx| {
                        let path = format!("last_year.cases_monthly[{month_idx}]");
                        let month = words::month(lang, month_idx as u32 + 1);
                        html! {
                            <div class="editor-field">
                                <span class="editor-field-label">{ month.clone() }</span>
                                { cell(ctx, &path, &Input::Text, &format!("{} · {month}", words::editor_field(lang, "cases_monthly"))) }
                            </div>
                        }
                    }) }
                </div>
            } else {
                <div class="editor-form">{ form_field(ctx, "last_year.cases_total", Input::Text) }</div>
            }
            <div class="editor-form">
                { form_field(ctx, "last_year.loss_total_yuan", Input::Text) }
                { form_field(ctx, "last_year.note", Input::Text) }
            </div>
        </>
    }
}

/// Assessment rules (or the note that the default applies, with a button to write it out).
pub fn assessment(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let is_default = edit::get(&ctx.root, "assessment").is_none_or(Value::is_null);
    if is_default {
        let on_action = ctx.on_action.clone();
        let write_out =
            Callback::from(move |_: MouseEvent| on_action.emit(Action::AddRow { table: "assessment".into() }));
        return html! {
            <div class="editor-form">
                <p class="hint">{ words::text(lang, Text::DefaultAssessmentNote) }</p>
                <button type="button" class="button small" data-testid="assessment-add-row" onclick={write_out}>
                    { words::text(lang, Text::EditDefaultAssessment) }
                </button>
            </div>
        };
    }
    let mut columns = text_cols(ctx, &["id", "name"]);
    columns.push(Column::choice(lang, "kind", &["yoy_cases", "targets_met", "manual"]));
    columns.extend(text_cols(
        ctx,
        &[
            "points_max",
            "flat_points",
            "points_per_pct_rise",
            "zero_at_rise_pct",
            "full_decline_pct",
            "points",
            "targets",
        ],
    ));
    table(ctx, "assessment", &columns, ROWS)
}

/// The township-wide behavioural parameters: value, range, unit, allowed values and source, side by side.
pub fn behaviour(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let header = [
        Text::ColParameter,
        Text::ColValue,
        Text::ColLow,
        Text::ColHigh,
        Text::ColUnit,
        Text::ColAllowed,
        Text::ColSource,
    ];
    html! {
        <div class="table-scroll">
            <table class="sheet full-width" data-testid="behaviour-table">
                <thead><tr>{ for header.iter().map(|key| html! { <th scope="col">{ words::text(lang, *key) }</th> }) }</tr></thead>
                <tbody>
                    { for edit::BEHAVIOUR.iter().map(|key| {
                        let path = format!("behaviour.{key}");
                        let spec = edit::spec(&path);
                        let name = words::editor_field(lang, key);
                        let unit = words::editor_unit(lang, key);
                        let cell_at = |suffix: &str, column: Text| {
                            let full = if suffix.is_empty() { path.clone() } else { format!("{path}.{suffix}") };
                            let invalid = ctx.errors.contains_key(&full);
                            html! {
                                <td class={classes!(if suffix == "source" { "w-wide" } else { "w-num" }, invalid.then_some("invalid"))}>
                                    { cell(ctx, &full, &Input::Text, &format!("{name} · {}", words::text(lang, column))) }
                                </td>
                            }
                        };
                        html! {
                            <tr title={super::table::param_hint(ctx, &path)}>
                                <th scope="row" class="param-name">{ name }</th>
                                { cell_at("", Text::ColValue) }
                                { cell_at("low", Text::ColLow) }
                                { cell_at("high", Text::ColHigh) }
                                <td class="unit-cell">{ unit }</td>
                                <td class="unit-cell">{ words::allowed_range(lang, spec.min, spec.max, false) }</td>
                                { cell_at("source", Text::ColSource) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
