//! Path-addressed edits of a scenario file for the editor: set a field, add, remove or paste rows, move a phase.
//!
//! Paths are the core's own error paths (`villages[3].residents`, `channels[0].adoption_lift.national_app`,
//! `budget.per_phase_yuan.mobilise`). An edit turns the file into a `serde_json::Value`, changes it at the
//! path and reads it back through the core's reader (`wuzha::format::json::parse_json`), so every type is checked
//! there; the values themselves are then checked by `wuzha::validate` in the reducer. This module is pure and
//! holds no words shown to users: errors are [`EditError`] values that `crate::words` words.

use serde_json::{Map, Value};
use wuzha::model::fields::{self, FieldDefault, FieldKind, FieldSpec, Unit};
use wuzha::{Date, ScenarioFile};

/// How a field's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text; empty is kept (the core says when it must not be empty).
    Text,
    /// Free text; empty removes the field.
    OptText,
    /// A whole number (people, households).
    Int,
    /// A number.
    Number,
    /// A number; empty removes the field (no cap, no entry, the default).
    OptNumber,
    /// A date `YYYY-MM-DD`.
    Date,
    /// One of fixed code values (a `<select>`).
    Choice,
    /// An id of another list; empty removes the field (all villages, the whole township).
    OptRef,
    /// A yes/no flag.
    Bool,
    /// A behavioural parameter's most likely value (a bare number or `{value, low, high, source}`).
    Param,
    /// An optional parameter (a map entry such as `adoption_lift.national_app`, or `visits_per_hour`): its value;
    /// empty removes it.
    OptParam,
    /// A parameter's `low` or `high`; empty removes it.
    ParamBound,
    /// A parameter's `source`; empty removes it.
    ParamSource,
    /// A list of ids separated by commas.
    IdList,
}

/// What the editor knows about a field: how to read its text (the editor's own [`Kind`]), and the core's facts
/// from its field table (`wuzha::model::fields`): the allowed range as `wuzha::validate` checks it, the unit
/// and the default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// The field's key in the file (for its label and unit in `crate::words`), e.g. `residents`.
    pub key: &'static str,
    /// How its text is read.
    pub kind: Kind,
    /// Smallest allowed value, if any (from the core's field table).
    pub min: Option<f64>,
    /// Largest allowed value, if any (from the core's field table).
    pub max: Option<f64>,
    /// The unit of the value (from the core's field table; `Unit::None` for fields it does not describe).
    pub unit: Unit,
    /// The value when the file leaves the field out (from the core's field table).
    pub default: Option<FieldDefault>,
}

impl Spec {
    fn read(key: &'static str, kind: Kind) -> Spec {
        Spec { key, kind, min: None, max: None, unit: Unit::None, default: None }
    }
}

/// Why an edit was not made. The file is then left as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// The text is not a number (the raw text).
    NotANumber(String),
    /// The text is a number but must be whole (the raw text).
    NotWhole(String),
    /// The text is not a date `YYYY-MM-DD`.
    BadDate(String),
    /// The text is not a seed: a whole number from 0 to `crate::state::MAX_SEED` (the raw text).
    NotASeed(String),
    /// The path does not name a field of the file.
    BadPath(String),
    /// The list is full (its limit).
    TooMany(usize),
    /// A pasted cell could not be read: row (from 1), column (from 1), the column's key and why.
    PasteCell {
        /// Row number in the pasted text, from 1.
        row: usize,
        /// Column number in the pasted text, from 1.
        column: usize,
        /// The column's field key.
        key: &'static str,
        /// Why.
        reason: Box<EditError>,
    },
    /// The pasted text has no rows.
    NothingToPaste,
    /// The core's reader refused the result (its message in zh-CN and English).
    Rejected(wuzha::FieldError),
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An object key.
    Key(String),
    /// A list index.
    Index(usize),
}

/// Splits `villages[3].residents` into `[Key(villages), Index(3), Key(residents)]`, or `None` if malformed.
pub fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if key.is_empty() && steps.is_empty() {
            return None;
        }
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let (idx, after) = inner.split_once(']')?;
            steps.push(Step::Index(idx.parse().ok()?));
            rest = after;
        }
        if !rest.is_empty() {
            return None;
        }
    }
    (!steps.is_empty()).then_some(steps)
}

/// Fields whose entries are keyed by an id (`adoption_lift.national_app`).
const MAPS: [&str; 6] =
    ["adoption_lift", "install_conversion", "affinity", "audience", "initial_adopted", "per_phase_yuan"];

/// The spec of the field at `path` (the last known key wins; `.low`/`.high`/`.source` of a parameter and
/// entries of id-keyed maps take their parent's range).
pub fn spec(path: &str) -> Spec {
    let keys: Vec<&str> = path.split(['.', '[']).filter(|part| !part.is_empty() && !part.ends_with(']')).collect();
    let last = keys.last().copied().unwrap_or_default();
    let bound = matches!(last, "low" | "high");
    let source = last == "source";
    let field = keys.iter().rev().find_map(|key| base_spec(key)).unwrap_or(Spec::read("", Kind::Text));
    let field = if field.kind == Kind::Param && bound {
        Spec { kind: Kind::ParamBound, ..field }
    } else if field.kind == Kind::Param && source {
        Spec { kind: Kind::ParamSource, ..field }
    } else {
        field
    };
    // A map's own entries (`affinity.students`, `adoption_lift.national_app`) and `visits_per_hour` may be removed
    // when emptied.
    let entry = MAPS.contains(&field.key) && last != field.key;
    match field.kind {
        Kind::Number if entry => Spec { kind: Kind::OptNumber, ..field },
        Kind::Param if entry || last == "visits_per_hour" => Spec { kind: Kind::OptParam, ..field },
        _ => field,
    }
}

/// The spec of a field by its key: the editor's reading of the fields the core's table does not describe
/// (ids, free text, choices, references, flags, id lists), else the table's kind, range, unit and default.
fn base_spec(key: &str) -> Option<Spec> {
    use Kind::*;
    let read = |key: &'static str, kind: Kind| Some(Spec::read(key, kind));
    match key {
        "id" => read("id", Text),
        "unit" => read("unit", Text),
        "county" => read("county", OptText),
        "note" => read("note", OptText),
        "priority" => read("priority", Bool),
        "kind" => read("kind", Choice),
        "parent" => read("parent", OptRef),
        "channel" => read("channel", Choice),
        "phase" => read("phase", Choice),
        "per" => read("per", Choice),
        "basis" => read("basis", Choice),
        "village" => read("village", OptRef),
        "product" => read("product", OptRef),
        "metric" => read("metric", Choice),
        "segment" => read("segment", OptRef),
        "denominator" => read("denominator", Choice),
        "targets" => read("targets", IdList),
        _ => table_spec(key),
    }
}

/// Numbers the file may leave out, so that an emptied cell removes them (no cap, the default).
const OPTIONAL_NUMBERS: [&str; 9] = [
    "total_yuan",
    "per_phase_yuan",
    "cases_total",
    "loss_total_yuan",
    "flat_points",
    "points_per_pct_rise",
    "zero_at_rise_pct",
    "full_decline_pct",
    "points",
];

/// The spec of the field the core's table names `key` (the last name of its path: `residents` for
/// `villages[].residents`, `affinity` for `channels[].affinity.*`).
fn table_spec(key: &str) -> Option<Spec> {
    let (name, field) =
        fields::fields().iter().find_map(|field| Some((last_name(field), field)).filter(|(name, _)| *name == key))?;
    let kind = match field.kind {
        FieldKind::Text => Kind::Text,
        FieldKind::Date => Kind::Date,
        FieldKind::Integer => Kind::Int,
        FieldKind::Number | FieldKind::Share if OPTIONAL_NUMBERS.contains(&name) => Kind::OptNumber,
        FieldKind::Number | FieldKind::Share => Kind::Number,
        FieldKind::Param => Kind::Param,
    };
    let (min, max) = field.limits();
    Some(Spec { key: name, kind, min, max, unit: field.unit, default: field.default })
}

/// The last name of a field's path pattern: `villages[].residents` → `residents`, `channels[].affinity.*` →
/// `affinity`, `last_year.cases_monthly[]` → `cases_monthly`.
fn last_name(field: &FieldSpec) -> &'static str {
    let path = field.path.trim_end_matches(".*").trim_end_matches("[]");
    path.rsplit('.').next().unwrap_or(path)
}

/// The behavioural parameters of `behaviour`, in the order the editor lists them (their ranges, units and
/// defaults are the core's field table's: see [`spec`]).
pub const BEHAVIOUR: [&str; 13] = [
    "awareness_half_life_days",
    "awareness_gate_m0",
    "risk_cut_aware",
    "reporting_uplift",
    "case_trend",
    "attempts_per_case",
    "effort_max",
    "effort_half_yuan",
    "gaming_max",
    "gaming_half_yuan",
    "verification_share",
    "staff_hours_per_worker_day",
    "alerts_per_case",
];

/// The file as a JSON value (with every default written out, as `wuzha::format::json::to_json` writes it).
pub fn to_value(file: &ScenarioFile) -> Value {
    serde_json::to_value(file).unwrap_or(Value::Null)
}

/// Reads a JSON value back through the core's reader, so that its types are checked exactly as a file's.
pub fn from_value(value: &Value) -> Result<ScenarioFile, EditError> {
    let text = serde_json::to_string(value).map_err(|_| EditError::BadPath(String::new()))?;
    wuzha::format::json::parse_json(&text).map_err(EditError::Rejected)
}

/// The value at `path`, if there is one.
pub fn get<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let steps = parse_path(path)?;
    let mut node = root;
    for step in &steps {
        node = match step {
            Step::Key(key) => node.get(key)?,
            Step::Index(idx) => node.get(*idx)?,
        };
    }
    Some(node)
}

/// The text a cell shows for the value at `path`: numbers as short as possible, a parameter's value, ids of
/// an id list joined by commas, empty for an absent field.
pub fn cell_text(root: &Value, path: &str) -> String {
    match get(root, path) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.as_f64().map(crate::numbers::input_number).unwrap_or_default(),
        Some(Value::Bool(flag)) => flag.to_string(),
        Some(Value::Object(map)) => match map.get("value") {
            Some(Value::Number(number)) => number.as_f64().map(crate::numbers::input_number).unwrap_or_default(),
            _ => String::new(),
        },
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
    }
}

/// The JSON value for `text` in a field of this kind; `None` removes the field.
pub fn read_text(kind: Kind, text: &str) -> Result<Option<Value>, EditError> {
    let trimmed = text.trim();
    let number = || crate::numbers::parse_number(trimmed).ok_or_else(|| EditError::NotANumber(trimmed.to_string()));
    Ok(match kind {
        Kind::Text => Some(Value::String(text.to_string())),
        Kind::OptText | Kind::OptRef | Kind::ParamSource | Kind::Choice if trimmed.is_empty() => None,
        Kind::OptText | Kind::ParamSource => Some(Value::String(text.to_string())),
        Kind::OptRef | Kind::Choice => Some(Value::String(trimmed.to_string())),
        Kind::Date => {
            if Date::parse(trimmed).is_none() {
                return Err(EditError::BadDate(trimmed.to_string()));
            }
            Some(Value::String(trimmed.to_string()))
        }
        Kind::Int => {
            let value = number()?;
            if value.fract() != 0.0 || value.abs() > 9.0e15 {
                return Err(EditError::NotWhole(trimmed.to_string()));
            }
            Some(Value::from(value as i64))
        }
        Kind::OptNumber | Kind::OptParam | Kind::ParamBound if trimmed.is_empty() => None,
        Kind::Number | Kind::OptNumber | Kind::Param | Kind::OptParam | Kind::ParamBound => Some(
            serde_json::Number::from_f64(number()?)
                .map(Value::Number)
                .ok_or(EditError::NotANumber(trimmed.to_string()))?,
        ),
        Kind::Bool => Some(Value::Bool(matches!(trimmed, "true" | "1" | "是" | "yes"))),
        Kind::IdList => Some(Value::Array(
            trimmed
                .split([',', '，', '、', ' '])
                .filter(|id| !id.is_empty())
                .map(|id| Value::String(id.to_string()))
                .collect(),
        )),
    })
}

/// Sets (or with `None` removes) the value at `path`, creating objects on the way (map entries, a parameter
/// turned from a bare number into an object when its range is given).
pub fn set_at(root: &mut Value, path: &str, new: Option<Value>) -> Result<(), EditError> {
    let bad = || EditError::BadPath(path.to_string());
    let steps = parse_path(path).ok_or_else(bad)?;
    let (last, parents) = steps.split_last().ok_or_else(bad)?;
    let mut node = root;
    for step in parents {
        node = match step {
            Step::Key(key) => {
                let map = as_object(node).ok_or_else(bad)?;
                map.entry(key.clone()).or_insert_with(|| Value::Object(Map::new()))
            }
            Step::Index(idx) => node.get_mut(*idx).ok_or_else(bad)?,
        };
    }
    match (last, new) {
        (Step::Key(key), Some(value)) => {
            let map = as_object(node).ok_or_else(bad)?;
            // A parameter written as an object keeps its range and source when its value changes.
            match (map.get_mut(key), &value) {
                (Some(Value::Object(param)), Value::Number(_)) if param.contains_key("value") => {
                    param.insert("value".to_string(), value);
                }
                _ => {
                    map.insert(key.clone(), value);
                }
            }
        }
        (Step::Key(key), None) => {
            let map = as_object(node).ok_or_else(bad)?;
            map.remove(key);
        }
        (Step::Index(idx), Some(value)) => *node.get_mut(*idx).ok_or_else(bad)? = value,
        (Step::Index(_), None) => return Err(bad()),
    }
    Ok(())
}

/// `node` as an object: a bare number (a parameter) becomes `{"value": number}` first.
fn as_object(node: &mut Value) -> Option<&mut Map<String, Value>> {
    if let Value::Number(number) = node {
        let mut map = Map::new();
        map.insert("value".to_string(), Value::Number(number.clone()));
        *node = Value::Object(map);
    }
    node.as_object_mut()
}

/// The file with the text of the field at `path` applied.
pub fn apply_text(file: &ScenarioFile, path: &str, text: &str) -> Result<ScenarioFile, EditError> {
    let mut root = to_value(file);
    let new = read_text(spec(path).kind, text)?;
    set_at(&mut root, path, new)?;
    from_value(&root)
}

/// The lists the editor can add rows to, remove rows from and paste rows into, with their limits.
pub const TABLES: [(&str, usize); 10] = [
    ("villages", wuzha::model::validate::MAX_VILLAGES),
    ("segments", wuzha::model::validate::MAX_SEGMENTS),
    ("products", wuzha::model::validate::MAX_PRODUCTS),
    ("channels", wuzha::model::validate::MAX_CHANNELS),
    ("phases", wuzha::model::validate::MAX_PHASES),
    ("schedule", wuzha::model::validate::MAX_SCHEDULE),
    ("floors", wuzha::model::validate::MAX_SMALL_LIST),
    ("rewards", wuzha::model::validate::MAX_SMALL_LIST),
    ("targets", wuzha::model::validate::MAX_SMALL_LIST),
    ("assessment", wuzha::model::validate::MAX_SMALL_LIST),
];

/// The columns a pasted row fills, in order (the id is made up when a row has one cell fewer).
pub fn paste_columns(table: &str) -> &'static [&'static str] {
    match table {
        "villages" => &["id", "name", "residents", "households", "grids", "grid_workers"],
        "segments" => &["id", "name", "share", "smartphone_share", "victim_share", "loss_per_case_yuan"],
        "schedule" => &["channel", "phase", "units", "per", "basis", "village"],
        "rewards" => &["phase", "product", "yuan_per_install"],
        "targets" => &["id", "name", "metric", "product", "threshold", "deadline"],
        _ => &[],
    }
}

/// A new id for `table` not used yet, e.g. `v13`.
fn fresh_id(root: &Value, table: &str) -> String {
    let prefix = match table {
        "villages" => "v",
        "segments" => "seg",
        "products" => "product",
        "channels" => "channel",
        "phases" => "phase",
        "targets" => "target",
        _ => "rule",
    };
    let used: Vec<&str> = root
        .get(table)
        .and_then(Value::as_array)
        .map(|rows| rows.iter().filter_map(|row| row.get("id").and_then(Value::as_str)).collect())
        .unwrap_or_default();
    (1..).map(|n| format!("{prefix}{n:02}")).find(|id| !used.contains(&id.as_str())).unwrap_or_default()
}

/// The first id of `table`, or an empty text.
fn first_id(root: &Value, table: &str) -> String {
    root.get(table)
        .and_then(|rows| rows.get(0))
        .and_then(|row| row.get("id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A new row of `table` with valid defaults; `name` is its name (worded by the caller, in the UI language).
fn new_row(root: &Value, table: &str, name: &str, unit: &str) -> Value {
    let id = fresh_id(root, table);
    let text = |key: &str| root.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    match table {
        "villages" => {
            serde_json::json!({"id": id, "name": name, "residents": 1000, "households": 300, "grids": 1, "grid_workers": 1})
        }
        "segments" => {
            serde_json::json!({"id": id, "name": name, "share": 0.0, "smartphone_share": 0.8, "victim_share": 0.0, "loss_per_case_yuan": 30000.0})
        }
        "products" => serde_json::json!({"id": id, "name": name}),
        "channels" => {
            serde_json::json!({"id": id, "name": name, "unit": unit, "cost_per_unit_yuan": 0.0, "awareness_lift": 0.0, "carry_over_per_week": 0.0})
        }
        "phases" => serde_json::json!({"id": id, "name": name, "start": text("start_date"), "end": text("end_date")}),
        "schedule" => {
            serde_json::json!({"channel": first_id(root, "channels"), "phase": first_id(root, "phases"), "units": 0.0})
        }
        "floors" => serde_json::json!({"channel": first_id(root, "channels"), "min_units_per_village": 0.0}),
        "rewards" => {
            serde_json::json!({"phase": first_id(root, "phases"), "product": first_id(root, "products"), "yuan_per_install": 0.0})
        }
        "targets" => {
            serde_json::json!({"id": id, "name": name, "metric": "reach", "threshold": 0.5, "deadline": text("end_date")})
        }
        _ => serde_json::json!({"id": id, "name": name, "kind": "manual", "points_max": 10.0, "points": 0.0}),
    }
}

/// The rows of `table` in `root`, made a list first (an absent `assessment` becomes the default rules).
fn rows_mut<'a>(root: &'a mut Value, file: &ScenarioFile, table: &str) -> Result<&'a mut Vec<Value>, EditError> {
    let bad = || EditError::BadPath(table.to_string());
    if !TABLES.iter().any(|(name, _)| *name == table) {
        return Err(bad());
    }
    let map = root.as_object_mut().ok_or_else(bad)?;
    let slot = map.entry(table.to_string()).or_insert(Value::Null);
    if slot.is_null() {
        *slot = if table == "assessment" {
            serde_json::to_value(wuzha::model::validate::default_assessment_file(file)).map_err(|_| bad())?
        } else {
            Value::Array(Vec::new())
        };
    }
    slot.as_array_mut().ok_or_else(bad)
}

fn limit(table: &str) -> usize {
    TABLES.iter().find(|(name, _)| *name == table).map_or(0, |(_, max)| *max)
}

/// The file with one new row at the end of `table` (named `name`; a new channel counts in `unit`).
pub fn add_row(file: &ScenarioFile, table: &str, name: &str, unit: &str) -> Result<ScenarioFile, EditError> {
    let mut root = to_value(file);
    // A file relying on the default assessment gets the default rules written out first, to edit them.
    if table == "assessment" && file.assessment.is_none() {
        rows_mut(&mut root, file, table)?;
        return from_value(&root);
    }
    let row = new_row(&root, table, name, unit);
    let rows = rows_mut(&mut root, file, table)?;
    if rows.len() >= limit(table) {
        return Err(EditError::TooMany(limit(table)));
    }
    rows.push(row);
    from_value(&root)
}

/// The file without row `index` of `table`. Ids that referred to it are left for validation to name.
pub fn remove_row(file: &ScenarioFile, table: &str, index: usize) -> Result<ScenarioFile, EditError> {
    let mut root = to_value(file);
    let rows = rows_mut(&mut root, file, table)?;
    if index >= rows.len() {
        return Err(EditError::BadPath(format!("{table}[{index}]")));
    }
    rows.remove(index);
    from_value(&root)
}

/// Rows of tab-separated text as Excel and WPS copy them (CRLF or LF, a trailing newline, blank lines skipped;
/// quoted cells with tabs or newlines inside are unquoted).
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            '\t' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            other => cell.push(other),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows.into_iter().filter(|row| row.iter().any(|cell| !cell.trim().is_empty())).collect()
}

/// The file with the rows of pasted `text` appended to `table`. Each row fills [`paste_columns`] in order;
/// a row one cell short has no id (one is made up). A first row whose numbers cannot be read is taken as a
/// header and skipped. Any other cell that cannot be read refuses the whole paste, naming row and column.
pub fn paste_rows(
    file: &ScenarioFile,
    table: &str,
    text: &str,
    name: &str,
    unit: &str,
) -> Result<ScenarioFile, EditError> {
    let columns = paste_columns(table);
    if columns.is_empty() {
        return Err(EditError::BadPath(table.to_string()));
    }
    let rows = parse_tsv(text);
    let mut root = to_value(file);
    let mut added = 0;
    for (row_idx, cells) in rows.iter().enumerate() {
        let has_id = columns[0] == "id";
        let skip_id = has_id && cells.len() < columns.len();
        let used: Vec<&'static str> = columns.iter().copied().skip(usize::from(skip_id)).collect();
        let mut row = new_row(&root, table, name, unit);
        let mut failure = None;
        for (col_idx, (key, cell)) in used.iter().zip(cells).enumerate() {
            let kind = spec(key).kind;
            match read_text(kind, cell) {
                Ok(Some(value)) => {
                    if let Some(map) = row.as_object_mut() {
                        map.insert(key.to_string(), value);
                    }
                }
                Ok(None) => {
                    if let Some(map) = row.as_object_mut() {
                        map.remove(*key);
                    }
                }
                Err(reason) => {
                    failure = Some(EditError::PasteCell {
                        row: row_idx + 1,
                        column: col_idx + 1,
                        key,
                        reason: Box::new(reason),
                    });
                    break;
                }
            }
        }
        match failure {
            Some(_) if row_idx == 0 && added == 0 => continue,
            Some(error) => return Err(error),
            None => {}
        }
        let rows = rows_mut(&mut root, file, table)?;
        if rows.len() >= limit(table) {
            return Err(EditError::TooMany(limit(table)));
        }
        rows.push(row);
        added += 1;
    }
    if added == 0 {
        return Err(EditError::NothingToPaste);
    }
    from_value(&root)
}

/// The file with phase `index` running from `start` to `end`. A move that keeps the phase's length also
/// moves the phases nested in it (children, grandchildren) by the same number of days, so they stay inside.
pub fn move_phase(file: &ScenarioFile, index: usize, start: &str, end: &str) -> Result<ScenarioFile, EditError> {
    let phase = file.phases.get(index).ok_or_else(|| EditError::BadPath(format!("phases[{index}]")))?;
    let new_start = Date::parse(start).ok_or_else(|| EditError::BadDate(start.to_string()))?;
    let new_end = Date::parse(end).ok_or_else(|| EditError::BadDate(end.to_string()))?;
    let mut out = file.clone();
    if let (Some(old_start), Some(old_end)) = (Date::parse(&phase.start), Date::parse(&phase.end)) {
        let shift = new_start.days_since(old_start);
        if shift != 0 && new_end.days_since(old_end) == shift {
            for child in descendants(file, &phase.id) {
                let moved = &mut out.phases[child];
                if let (Some(s), Some(e)) = (Date::parse(&moved.start), Date::parse(&moved.end)) {
                    moved.start = s.add_days(shift).to_string();
                    moved.end = e.add_days(shift).to_string();
                }
            }
        }
    }
    out.phases[index].start = new_start.to_string();
    out.phases[index].end = new_end.to_string();
    Ok(out)
}

/// Indices of the phases nested (at any depth) in the phase with id `id`.
pub fn descendants(file: &ScenarioFile, id: &str) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    let mut frontier = vec![id.to_string()];
    while let Some(parent) = frontier.pop() {
        for (idx, phase) in file.phases.iter().enumerate() {
            if phase.parent.as_deref() == Some(parent.as_str()) && !found.contains(&idx) && phase.id != id {
                found.push(idx);
                frontier.push(phase.id.clone());
            }
        }
    }
    found.sort_unstable();
    found
}

/// How deep phase `index` is nested (0 for a top-level phase); cycles stop at the list's length.
pub fn phase_depth(file: &ScenarioFile, index: usize) -> usize {
    let mut depth = 0;
    let mut current = file.phases.get(index).and_then(|phase| phase.parent.clone());
    while let Some(parent) = current {
        if depth >= file.phases.len() {
            break;
        }
        depth += 1;
        current = file.phases.iter().find(|phase| phase.id == parent).and_then(|phase| phase.parent.clone());
    }
    depth
}

/// The phases in timeline order: each top-level phase (by start date) followed by the phases nested in it.
pub fn phase_order(file: &ScenarioFile) -> Vec<usize> {
    let by_start = |indices: &mut Vec<usize>| {
        indices.sort_by(|a, b| file.phases[*a].start.cmp(&file.phases[*b].start).then(a.cmp(b)));
    };
    let known = |id: &str| file.phases.iter().any(|phase| phase.id == id);
    let mut roots: Vec<usize> = (0..file.phases.len())
        .filter(|idx| file.phases[*idx].parent.as_deref().is_none_or(|parent| !known(parent)))
        .collect();
    by_start(&mut roots);
    let mut order = Vec::with_capacity(file.phases.len());
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(idx) = stack.pop() {
        if order.contains(&idx) {
            continue;
        }
        order.push(idx);
        let mut children: Vec<usize> = (0..file.phases.len())
            .filter(|child| file.phases[*child].parent.as_deref() == Some(file.phases[idx].id.as_str()))
            .collect();
        by_start(&mut children);
        stack.extend(children.into_iter().rev());
    }
    // Phases caught in a parent cycle are listed last rather than lost.
    order.extend((0..file.phases.len()).filter(|idx| !order.contains(idx)).collect::<Vec<_>>());
    order
}

/// Pairs of phases (by index) whose days overlap though neither is nested in the other. Sharing a single
/// boundary day (one ends on the day the next starts) is not an overlap: it is how planners write phases.
pub fn overlaps(file: &ScenarioFile) -> Vec<(usize, usize)> {
    let dates: Vec<Option<(Date, Date)>> =
        file.phases.iter().map(|phase| Date::parse(&phase.start).zip(Date::parse(&phase.end))).collect();
    let mut pairs = Vec::new();
    for a in 0..file.phases.len() {
        for b in a + 1..file.phases.len() {
            let (Some((a_start, a_end)), Some((b_start, b_end))) = (dates[a], dates[b]) else { continue };
            let nested = descendants(file, &file.phases[a].id).contains(&b)
                || descendants(file, &file.phases[b].id).contains(&a);
            // Consecutive phases that share only their boundary day (3/10-3/13 then 3/13-3/21) do not overlap.
            let boundary = (a_end == b_start && a_start < b_start) || (b_end == a_start && b_start < a_start);
            if !nested && !boundary && a_start <= b_end && b_start <= a_end {
                pairs.push((a, b));
            }
        }
    }
    pairs
}
