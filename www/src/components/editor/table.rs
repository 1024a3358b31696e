//! The editor's generic pieces: one cell (text, number, date, choice, check box) addressed by its path in the
//! file, a spreadsheet-like table of rows with add, remove and paste, and a labelled form field.
//!
//! Every cell shows the file's value (or the raw text the state holds for it), reports `input` and `change`
//! events as [`Action::Edit`] on a [`crate::state::Cell::Path`], and shows the message the state gives for its path right beneath it.

use crate::edit::{self, Kind};
use crate::state::Action;
use crate::words::{self, Lang, Text};
use serde_json::Value;
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What every cell needs: the file as JSON, the state's raw texts and messages, and where edits go.
#[derive(Clone)]
pub struct Ctx {
    /// Language of labels and messages.
    pub lang: Lang,
    /// The scenario file as JSON.
    pub root: Rc<Value>,
    /// Raw texts of cells not in the file, by path.
    pub texts: Rc<BTreeMap<String, String>>,
    /// Messages beside cells, by path.
    pub errors: Rc<BTreeMap<String, String>>,
    /// The last refused row operation: table and message.
    pub row_error: Option<(String, String)>,
    /// Receives every edit.
    pub on_action: Callback<Action>,
    /// Receives the path of a focused parameter cell (for the side note).
    pub on_focus: Callback<String>,
    /// The table whose paste box is open, if any.
    pub paste_open: UseStateHandle<Option<String>>,
}

/// How a column's cells are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A text box (numbers, names, dates).
    Text,
    /// A drop-down of (code, label) pairs; `optional` adds an empty first entry with this label.
    Select { options: Vec<(String, String)>, empty: Option<String> },
    /// A check box.
    Check,
    /// Text shown, not edited (e.g. a parameter's name in the behaviour table).
    Label,
}

/// One column of a table: the field under each row, its header and how it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Path below the row, e.g. `residents` or `adoption_lift.national_app`.
    pub field: String,
    /// Header text.
    pub label: String,
    /// Unit under the header (may be empty).
    pub unit: String,
    /// How cells are drawn.
    pub input: Input,
    /// CSS width class: `w-id`, `w-name`, `w-num`, `w-date`, `w-wide`.
    pub width: &'static str,
}

impl Column {
    /// A text-box column for `field`, labelled from `crate::words` by the field's key.
    pub fn text(lang: Lang, field: &str) -> Column {
        let key = edit::spec(field).key;
        let width = match edit::spec(field).kind {
            Kind::Date => "w-date",
            Kind::Text | Kind::OptText if key == "id" => "w-id",
            Kind::OptText if key == "note" => "w-wide",
            Kind::Text | Kind::OptText | Kind::IdList => "w-name",
            _ => "w-num",
        };
        Column {
            field: field.to_string(),
            label: words::editor_field(lang, key).to_string(),
            unit: words::editor_unit(lang, key).to_string(),
            input: Input::Text,
            width,
        }
    }

    /// A column with another header (e.g. a product's name over its adoption lift).
    pub fn titled(mut self, label: &str) -> Column {
        self.label = label.to_string();
        self
    }

    /// A drop-down column of code values of `field` (`per`, `basis`, `metric`, ...).
    pub fn choice(lang: Lang, field: &str, codes: &[&str]) -> Column {
        let options = codes.iter().map(|code| (code.to_string(), words::choice_label(lang, field, code))).collect();
        Column { input: Input::Select { options, empty: None }, width: "w-choice", ..Column::text(lang, field) }
    }

    /// A drop-down column of the ids of another list, shown by name; `empty` labels the "none" entry.
    pub fn reference(lang: Lang, field: &str, root: &Value, list: &str, empty: Option<Text>) -> Column {
        Column {
            input: Input::Select {
                options: id_options(root, list),
                empty: empty.map(|t| words::text(lang, t).to_string()),
            },
            width: "w-choice",
            ..Column::text(lang, field)
        }
    }

    /// A check-box column.
    pub fn check(lang: Lang, field: &str) -> Column {
        Column { input: Input::Check, width: "w-check", ..Column::text(lang, field) }
    }
}

/// (id, name) of every row of `list`.
pub fn id_options(root: &Value, list: &str) -> Vec<(String, String)> {
    rows_of(root, list)
        .iter()
        .map(|row| {
            let id = row.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
            let name = row.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
            let label = if name.is_empty() { id.clone() } else { name };
            (id, label)
        })
        .collect()
}

/// The rows of the list at `path` (empty when absent).
pub fn rows_of<'a>(root: &'a Value, path: &str) -> &'a [Value] {
    edit::get(root, path).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// A stable test id for the field at `path`: `villages[3].residents` → `villages-row-3-residents`.
pub fn test_id(path: &str) -> String {
    path.replace('[', "-row-").replace("].", "-").replace(']', "").replace('.', "-")
}

/// A short name of row `idx` of `table` for labels: its name, else its id, else its number.
pub fn row_name(root: &Value, table: &str, idx: usize) -> String {
    let row = rows_of(root, table).get(idx);
    let field = |key: &str| row.and_then(|row| row.get(key)).and_then(Value::as_str).unwrap_or_default().to_string();
    [field("name"), field("id")].into_iter().find(|text| !text.is_empty()).unwrap_or_else(|| (idx + 1).to_string())
}

/// The hover text of a parameter at `path`: unit, its range (low – high), allowed values and its source.
pub fn param_hint(ctx: &Ctx, path: &str) -> String {
    let lang = ctx.lang;
    let spec = edit::spec(path);
    let base = ["low", "high", "source", "value"]
        .iter()
        .find_map(|suffix| path.strip_suffix(&format!(".{suffix}")))
        .unwrap_or(path);
    let param = edit::get(&ctx.root, base);
    let number = |key: &str| param.and_then(|p| p.get(key)).and_then(Value::as_f64);
    let range = match (number("low"), number("high")) {
        (Some(low), Some(high)) => {
            format!("{} – {}", crate::format::input_number(low), crate::format::input_number(high))
        }
        (Some(low), None) => format!("≥ {}", crate::format::input_number(low)),
        (None, Some(high)) => format!("≤ {}", crate::format::input_number(high)),
        (None, None) => words::text(lang, Text::NoRange).to_string(),
    };
    let source = param
        .and_then(|p| p.get("source"))
        .and_then(Value::as_str)
        .map_or_else(|| words::text(lang, Text::Assumption).to_string(), str::to_string);
    let allowed = words::allowed_range(lang, spec.min, spec.max, false);
    words::param_hint(lang, words::editor_unit(lang, spec.key), &range, &allowed, &source)
}

/// One editable cell for the field at `path`, labelled `label` for screen readers.
pub fn cell(ctx: &Ctx, path: &str, input: &Input, label: &str) -> Html {
    cell_with_id(ctx, path, input, label, test_id(path))
}

/// [`cell`] with another test id (when the same field appears twice on the page).
pub fn cell_with_id(ctx: &Ctx, path: &str, input: &Input, label: &str, id: String) -> Html {
    let error = ctx.errors.get(path).cloned();
    let invalid = error.is_some();
    let text = ctx.texts.get(path).cloned().unwrap_or_else(|| edit::cell_text(&ctx.root, path));
    let kind = edit::spec(path).kind;
    let is_param = matches!(kind, Kind::Param | Kind::OptParam | Kind::ParamBound);
    let title = is_param.then(|| param_hint(ctx, path));
    let on_focus = {
        let on_focus = ctx.on_focus.clone();
        let path = path.to_string();
        Callback::from(move |_: FocusEvent| on_focus.emit(path.clone()))
    };
    let field = match input {
        Input::Label => html! { <span class="cell-label">{ text }</span> },
        Input::Text => {
            let emit = |commit: bool| {
                let on_action = ctx.on_action.clone();
                let path = path.to_string();
                move |event: Event| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        on_action.emit(Action::edit(path.clone(), input.value(), commit));
                    }
                }
            };
            let on_change = Callback::from(emit(true));
            let on_input = {
                let emit = emit(false);
                Callback::from(move |event: InputEvent| emit(event.into()))
            };
            let numeric = !matches!(kind, Kind::Text | Kind::OptText | Kind::Date | Kind::IdList | Kind::ParamSource);
            html! {
                <input type="text" data-testid={id.clone()} aria-label={label.to_string()} value={text}
                    class={classes!(numeric.then_some("num"), is_param.then_some("param"))}
                    inputmode={numeric.then_some("decimal")} placeholder={placeholder(path)}
                    autocomplete="off" spellcheck="false" title={title}
                    aria-invalid={if invalid { "true" } else { "false" }}
                    oninput={on_input} onchange={on_change} onfocus={on_focus} />
            }
        }
        Input::Select { options, empty } => {
            let on_change = {
                let on_action = ctx.on_action.clone();
                let path = path.to_string();
                Callback::from(move |event: Event| {
                    if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                        on_action.emit(Action::edit(path.clone(), select.value(), true));
                    }
                })
            };
            let known = options.iter().any(|(code, _)| *code == text) || (text.is_empty() && empty.is_some());
            html! {
                <select data-testid={id.clone()} aria-label={label.to_string()} onchange={on_change}
                    aria-invalid={if invalid { "true" } else { "false" }}>
                    if let Some(empty) = empty {
                        <option value="" selected={text.is_empty()}>{ empty.clone() }</option>
                    }
                    { for options.iter().map(|(code, name)| html! {
                        <option value={code.clone()} selected={*code == text}>{ name.clone() }</option>
                    }) }
                    if !known {
                        <option value={text.clone()} selected=true>{ text.clone() }</option>
                    }
                </select>
            }
        }
        Input::Check => {
            let on_change = {
                let on_action = ctx.on_action.clone();
                let path = path.to_string();
                Callback::from(move |event: Event| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        let text = if input.checked() { "true" } else { "false" };
                        on_action.emit(Action::edit(path.clone(), text.to_string(), true));
                    }
                })
            };
            html! {
                <input type="checkbox" data-testid={id.clone()} aria-label={label.to_string()}
                    checked={text == "true"} onchange={on_change} />
            }
        }
    };
    html! {
        <>
            { field }
            if let Some(message) = error {
                <div class="cell-error" role="alert" data-testid={format!("{id}-error")}>{ message }</div>
            }
        </>
    }
}

/// What an empty cell stands for: the format of a date, or the value the core uses when the field is absent.
fn placeholder(path: &str) -> Option<&'static str> {
    let spec = edit::spec(path);
    match spec.key {
        _ if spec.kind == Kind::Date => Some("YYYY-MM-DD"),
        "affinity" => Some("1"),
        "adoption_lift"
        | "install_conversion"
        | "fixed_cost_yuan"
        | "staff_hours_per_unit"
        | "initial_aware"
        | "initial_adopted" => Some("0"),
        _ => None,
    }
}

/// A labelled form field (outside tables) for the field at `path`.
pub fn form_field(ctx: &Ctx, path: &str, input: Input) -> Html {
    form_field_labelled(ctx, path, input, words::editor_field(ctx.lang, edit::spec(path).key))
}

/// [`form_field`] with another label (where the field's own, e.g. "名称", would be ambiguous).
pub fn form_field_labelled(ctx: &Ctx, path: &str, input: Input, label: &str) -> Html {
    let key = edit::spec(path).key;
    let unit = words::editor_unit(ctx.lang, key);
    html! {
        <div class="editor-field">
            <span class="editor-field-label">{ label }
                if !unit.is_empty() { <span class="unit">{ format!(" ({unit})") }</span> }
            </span>
            { cell(ctx, path, &input, label) }
        </div>
    }
}

/// Options of a table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// Rows can be added and removed.
    pub editable_rows: bool,
    /// Rows can be pasted from Excel/WPS.
    pub paste: bool,
}

/// A spreadsheet-like table of the rows of the list `table` (or of `n_rows` fixed rows whose paths are
/// `row_path(idx)`), one column per field.
pub fn table(ctx: &Ctx, table: &str, columns: &[Column], options: TableOptions) -> Html {
    let n_rows = rows_of(&ctx.root, table).len();
    table_of(ctx, table, n_rows, &|idx| format!("{table}[{idx}]"), columns, options)
}

/// [`table`] with the rows' paths given by `row_path`.
pub fn table_of(
    ctx: &Ctx,
    table: &str,
    n_rows: usize,
    row_path: &dyn Fn(usize) -> String,
    columns: &[Column],
    options: TableOptions,
) -> Html {
    let lang = ctx.lang;
    let remove = |idx: usize| {
        let on_action = ctx.on_action.clone();
        let table = table.to_string();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::RemoveRow { table: table.clone(), index: idx }))
    };
    let add = {
        let on_action = ctx.on_action.clone();
        let table = table.to_string();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::AddRow { table: table.clone() }))
    };
    let toggle_paste = {
        let open = ctx.paste_open.clone();
        let table = table.to_string();
        Callback::from(move |_: MouseEvent| {
            let next = if open.as_deref() == Some(table.as_str()) { None } else { Some(table.clone()) };
            open.set(next);
        })
    };
    let paste_open = ctx.paste_open.as_deref() == Some(table);
    let row_error = ctx.row_error.as_ref().filter(|(other, _)| other == table).map(|(_, message)| message.clone());
    // Errors about the whole list (its length, shares that must sum to 1 over its rows).
    let list_errors: Vec<String> = ctx
        .errors
        .iter()
        .filter(|(path, _)| path.as_str() == table || path.starts_with(&format!("{table}[*]")))
        .map(|(_, message)| message.clone())
        .collect();
    html! {
        <div class="editor-table-block">
            <div class="table-scroll">
                <table class="sheet" data-testid={format!("{table}-table")}>
                    <thead>
                        <tr>
                            <th class="row-number" scope="col">{ words::text(lang, Text::ColRowNumber) }</th>
                            { for columns.iter().map(|column| html! {
                                <th scope="col" class={column.width}>
                                    { column.label.clone() }
                                    if !column.unit.is_empty() { <span class="unit">{ column.unit.clone() }</span> }
                                </th>
                            }) }
                            if options.editable_rows { <th class="w-action" scope="col"></th> }
                        </tr>
                    </thead>
                    <tbody>
                        { for (0..n_rows).map(|idx| {
                            let row = row_path(idx);
                            let name = if table.contains('.') || !table.ends_with('s') { (idx + 1).to_string() } else { row_name(&ctx.root, table, idx) };
                            html! {
                                <tr key={idx}>
                                    <th class="row-number" scope="row">{ idx + 1 }</th>
                                    { for columns.iter().map(|column| {
                                        let path = if column.field.is_empty() { row.clone() } else { format!("{row}.{}", column.field) };
                                        let label = format!("{} · {name}", column.label);
                                        let invalid = ctx.errors.contains_key(&path);
                                        html! {
                                            <td class={classes!(column.width, invalid.then_some("invalid"))}>
                                                { cell(ctx, &path, &column.input, &label) }
                                            </td>
                                        }
                                    }) }
                                    if options.editable_rows {
                                        <td class="w-action">
                                            <button type="button" class="row-remove" data-testid={format!("{}-remove", test_id(&row))}
                                                aria-label={format!("{} {}", words::text(lang, Text::RemoveRow), idx + 1)}
                                                title={words::text(lang, Text::RemoveRow)} onclick={remove(idx)}>{ "×" }</button>
                                        </td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if options.editable_rows {
                <div class="table-actions">
                    <button type="button" class="button small" data-testid={format!("{table}-add-row")} onclick={add}>
                        { words::text(lang, Text::AddRow) }
                    </button>
                    if options.paste {
                        <button type="button" class="button small" data-testid={format!("{table}-paste")}
                            aria-expanded={if paste_open { "true" } else { "false" }} onclick={toggle_paste}>
                            { words::text(lang, Text::PasteRows) }
                        </button>
                    }
                </div>
            }
            if paste_open { { paste_box(ctx, table) } }
            // In a wrapper of its own: a list of changing length among siblings would make Yew rebuild the
            // table (and lose the focused cell) when an error appears.
            <div class="list-errors">
                { for list_errors.into_iter().map(|message| html! {
                    <div class="cell-error row-error" role="alert" data-testid={format!("{table}-table-error")}>{ message }</div>
                }) }
            </div>
            if let Some(message) = row_error {
                <div class="cell-error row-error" role="alert" data-testid={format!("{table}-row-error")}>{ message }</div>
            }
        </div>
    }
}

/// The paste box of `table`: the columns to paste, a text area and the button that adds the rows.
fn paste_box(ctx: &Ctx, table: &str) -> Html {
    let lang = ctx.lang;
    let area = NodeRef::default();
    let columns: Vec<&str> = edit::paste_columns(table).iter().map(|key| words::editor_field(lang, key)).collect();
    let apply = {
        let area = area.clone();
        let on_action = ctx.on_action.clone();
        let open = ctx.paste_open.clone();
        let table = table.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                on_action.emit(Action::PasteRows { table: table.clone(), text: area.value() });
                open.set(None);
            }
        })
    };
    let cancel = {
        let open = ctx.paste_open.clone();
        Callback::from(move |_: MouseEvent| open.set(None))
    };
    let help_id = format!("{table}-paste-help");
    html! {
        <div class="paste-box">
            <p id={help_id.clone()} class="hint">{ words::text(lang, Text::PasteHelp) }{ " " }<strong>{ columns.join(" ⇥ ") }</strong></p>
            <textarea ref={area} rows="4" data-testid={format!("{table}-paste-text")} aria-describedby={help_id}
                aria-label={words::text(lang, Text::PasteRows)} spellcheck="false" />
            <div class="table-actions">
                <button type="button" class="button small" data-testid={format!("{table}-paste-apply")} onclick={apply}>
                    { words::text(lang, Text::PasteApply) }
                </button>
                <button type="button" class="button small" onclick={cancel}>{ words::text(lang, Text::PasteCancel) }</button>
            </div>
        </div>
    }
}
