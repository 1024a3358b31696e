//! The app's state and its reducer: the scenario being edited, the raw text of every control, the last
//! valid result, the current errors and the selection.
//!
//! The reducer is pure: no web types, no clock, no randomness. Every edit updates the [`ScenarioFile`];
//! when the file changed it is validated with `wuzha::validate` and, if valid, simulated with
//! `wuzha::simulate`. An edit that cannot be read, or a file that does not validate, keeps the last valid
//! result (marked stale by the errors beside it) and keeps the raw text the user typed.

use crate::edit::{self, EditError};
use crate::format;
use crate::history::History;
use crate::templates::{self, TEMPLATES};
use crate::words::{self, Lang, Text};
use std::collections::BTreeMap;
use std::rc::Rc;
use wuzha::wire::{Metric, RewardFile, ScenarioFile};
use wuzha::{FieldError, Outcome, Scenario};
use yew::Reducible;

/// An editable control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Yuan per verified install, on every reward entry.
    Reward,
    /// The total budget cap in yuan; empty for none.
    Budget,
    /// The selected target's threshold, in percent (share or year-on-year change).
    Threshold,
    /// The selected target's deadline, `YYYY-MM-DD`.
    Deadline,
    /// The selected phase's first day, `YYYY-MM-DD`.
    PhaseStart,
    /// The selected phase's last day, `YYYY-MM-DD`.
    PhaseEnd,
    /// The seed of the Monte Carlo runs, a whole number.
    Seed,
}

impl Field {
    /// Every field, in the order of the controls.
    pub const ALL: [Field; 7] = [
        Field::Reward,
        Field::Budget,
        Field::Threshold,
        Field::Deadline,
        Field::PhaseStart,
        Field::PhaseEnd,
        Field::Seed,
    ];

    /// The label of the control, which also names the field in error messages.
    pub fn label(self) -> Text {
        match self {
            Field::Reward => Text::RewardLabel,
            Field::Budget => Text::BudgetLabel,
            Field::Threshold => Text::ThresholdLabel,
            Field::Deadline => Text::DeadlineLabel,
            Field::PhaseStart => Text::PhaseStartLabel,
            Field::PhaseEnd => Text::PhaseEndLabel,
            Field::Seed => Text::SeedLabel,
        }
    }

    fn slot(self) -> usize {
        match self {
            Field::Reward => 0,
            Field::Budget => 1,
            Field::Threshold => 2,
            Field::Deadline => 3,
            Field::PhaseStart => 4,
            Field::PhaseEnd => 5,
            Field::Seed => 6,
        }
    }

    /// True for fields holding a number (as opposed to a date).
    pub fn is_number(self) -> bool {
        matches!(self, Field::Reward | Field::Budget | Field::Threshold | Field::Seed)
    }
}

/// The raw text of each control, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    texts: [String; 7],
}

impl Inputs {
    /// The text of `field`.
    pub fn get(&self, field: Field) -> &str {
        &self.texts[field.slot()]
    }

    fn set(&mut self, field: Field, text: String) {
        self.texts[field.slot()] = text;
    }
}

/// A validated scenario and its simulated outcome: one consistent result.
#[derive(Debug, PartialEq)]
pub struct Computed {
    /// The validated scenario (names of products, phases, targets and rules).
    pub scenario: Scenario,
    /// What the simulation reports.
    pub outcome: Outcome,
}

/// One error to show: the field it belongs to, if it maps to a control, and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The control it belongs to, if any.
    pub field: Option<Field>,
    /// The full message, naming the field, in the state's language.
    pub message: String,
}

/// Why an opened file was refused; the current scenario is then left as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenRefusal {
    /// The file is larger than [`MAX_OPEN_BYTES`] (its size in bytes).
    TooLarge(f64),
    /// The file could not be read as text.
    Unreadable,
    /// The file is not a valid scenario: every reason, by field.
    Invalid(Vec<FieldError>),
}

/// The largest scenario file the app opens: the core's limit, shared with the CLI (a township's file is
/// normally under 100 KB).
pub const MAX_OPEN_BYTES: f64 = wuzha::MAX_FILE_BYTES as f64;

/// What autosave keeps in the browser: the scenario file and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The scenario as a file (`wuzha::wire::to_json`).
    pub scenario_json: String,
    /// The template it was loaded from.
    pub template_idx: usize,
    /// The name of the opened file it came from, if any.
    pub opened_file: Option<String>,
}

/// What undo and redo restore: the scenario and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    file: Option<ScenarioFile>,
    template_idx: usize,
    opened_file: Option<String>,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace the scenario with the embedded template at this index.
    LoadTemplate(usize),
    /// The text of a control changed: on `input` events (`commit` false) and on `change` events (`commit`
    /// true, when the user leaves the control). An empty number box while typing is held back until the
    /// commit, so that clearing a box to type a new figure neither flashes an error nor first simulates
    /// "no budget cap"; committed empty, it is an error (reward, threshold) or no cap (budget).
    Set {
        /// The control.
        field: Field,
        /// Its whole text.
        text: String,
        /// True for a `change` event.
        commit: bool,
    },
    /// Select the target at this index for the target controls and the target KPI.
    SelectTarget(usize),
    /// Select the phase at this index for the phase controls.
    SelectPhase(usize),
    /// Show every text in this language (errors already shown are worded again).
    SetLang(Lang),
    /// Open a scenario file (picker or drag-and-drop): its name and its text. A valid file replaces the
    /// scenario; an invalid one is refused with every reason and the scenario is left untouched.
    OpenFile {
        /// The file's name, e.g. `洪林镇2023.json`.
        name: String,
        /// Its text.
        text: String,
    },
    /// Go back one step (Ctrl+Z): every change of the scenario is a step; typing in one box is one step.
    Undo,
    /// Go forward one step again (Ctrl+Y, Ctrl+Shift+Z).
    Redo,
    /// Open the scenario in a share link's fragment (`#scenario=...`), like a file named after the link.
    OpenLink {
        /// The URL fragment, with or without `#`.
        fragment: String,
    },
    /// Replace the scenario with a plan the planner suggested (one undo step); where it came from stays.
    ApplyPlan(Box<ScenarioFile>),
    /// A file could not be opened before its text was read (too large, unreadable).
    OpenRefused {
        /// The file's name.
        name: String,
        /// Why.
        refusal: OpenRefusal,
    },
    /// The text of an editor cell changed: the field at `path` (`villages[3].residents`). Like [`Action::Set`]:
    /// `commit` is true on the `change` event; keystrokes in one cell make one undo step; text that cannot be
    /// read is kept as typed and named with the field's allowed range, and the file is left as it was.
    Edit {
        /// The field's path in the file, as the core's errors name it.
        path: String,
        /// The cell's whole text.
        text: String,
        /// True for a `change` event.
        commit: bool,
    },
    /// Add a row with valid defaults at the end of a table (`villages`, `schedule`, ... see [`edit::TABLES`]).
    AddRow {
        /// The table's key in the file.
        table: String,
    },
    /// Remove row `index` of a table.
    RemoveRow {
        /// The table's key in the file.
        table: String,
        /// The row.
        index: usize,
    },
    /// Append rows pasted from Excel/WPS (tab-separated) to a table; refused whole if a cell cannot be read.
    PasteRows {
        /// The table's key in the file.
        table: String,
        /// The pasted text.
        text: String,
    },
    /// Move or resize phase `index` (a timeline drag, one undo step): its new first and last day.
    MovePhase {
        /// The phase.
        index: usize,
        /// First day, `YYYY-MM-DD`.
        start: String,
        /// Last day (inclusive), `YYYY-MM-DD`.
        end: String,
    },
}

/// An editor cell whose text is not in the file.
#[derive(Clone, Debug, PartialEq)]
struct CellText {
    /// The text as typed.
    text: String,
    /// Why it cannot be read; `None` while an emptied number box is held back until committed.
    error: Option<EditError>,
}

/// The whole state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Language of messages.
    pub lang: Lang,
    /// Selector labels of the embedded templates.
    pub template_labels: Rc<[String]>,
    /// The template the scenario was loaded from.
    pub template_idx: usize,
    /// The name of the opened file the scenario came from, when it did not come from a template.
    pub opened_file: Option<String>,
    /// The last refused file and why; cleared by the next edit or load.
    pub refused_file: Option<(String, OpenRefusal)>,
    /// True when the scenario was restored from the autosave of an earlier visit (until the next change).
    pub restored: bool,
    /// The scenario as edited; `None` only if the embedded template itself could not be read.
    pub file: Option<ScenarioFile>,
    /// The raw text of every control.
    pub inputs: Inputs,
    /// The last valid result, if any was ever computed.
    pub result: Option<Rc<Computed>>,
    /// The errors to show now (input that cannot be read, then validation errors), deduplicated.
    pub errors: Vec<InputError>,
    /// Index of the selected target.
    pub selected_target: usize,
    /// Index of the selected phase.
    pub selected_phase: usize,
    /// How many simulations this state has run since the app started (for tests and benchmarks).
    pub n_simulations: u64,
    /// Earlier scenarios, newest on top.
    undo: History<Snapshot>,
    /// Scenarios undone, newest on top; cleared by a new change.
    redo: History<Snapshot>,
    /// The control being typed into, whose keystrokes make one undo step until it is committed.
    typing: Option<Field>,
    /// Controls whose text cannot be read, with the reason.
    unreadable: Vec<(Field, String)>,
    /// Controls whose text is held back until committed (an empty number box while typing).
    pending: Vec<Field>,
    /// The errors of the last validation of `file`.
    invalid: Vec<FieldError>,
    /// What the reader noted about the last opened file (unknown fields kept, an older version converted).
    pub file_warnings: Vec<wuzha::FieldWarning>,
    /// Editor cells whose text is not in the file, by path.
    cells: BTreeMap<String, CellText>,
    /// The editor cell being typed into, whose keystrokes make one undo step until it is committed.
    editing: Option<String>,
    /// The last row operation refused (the table and why), until the next edit.
    row_refusal: Option<(String, EditError)>,
    /// The raw text of editor cells not in the file (unreadable, or emptied while typing), by path.
    pub cell_texts: BTreeMap<String, String>,
    /// The message to show beside each editor cell with an error, by path, in the state's language.
    pub cell_errors: BTreeMap<String, String>,
    /// The message about the last refused row operation, by table.
    pub row_error: Option<(String, String)>,
}

impl State {
    /// The app's first state: the default template, validated and simulated.
    pub fn new(lang: Lang) -> State {
        let labels: Rc<[String]> = templates::labels(lang).into();
        State::load(lang, labels, templates::DEFAULT_TEMPLATE, 0)
    }

    /// The app's first state when the browser kept an autosaved session: that scenario, as it was left
    /// (even if it did not validate then). A session that cannot be read gives the default state.
    pub fn restore(lang: Lang, session: &Session) -> State {
        let Ok(file) = wuzha::wire::parse_json(&session.scenario_json) else { return State::new(lang) };
        let labels: Rc<[String]> = templates::labels(lang).into();
        let template_idx = session.template_idx.min(TEMPLATES.len() - 1);
        let mut state = State::with_file(lang, labels, template_idx, file, 0);
        state.opened_file = session.opened_file.clone();
        state.restored = true;
        state
    }

    /// What autosave keeps of this state, or `None` when there is no scenario.
    pub fn session(&self) -> Option<Session> {
        Some(Session {
            scenario_json: wuzha::wire::to_json(self.file.as_ref()?),
            template_idx: self.template_idx,
            opened_file: self.opened_file.clone(),
        })
    }

    /// The state after loading template `template_idx` (clamped to the list).
    fn load(lang: Lang, template_labels: Rc<[String]>, template_idx: usize, n_simulations: u64) -> State {
        let template_idx = template_idx.min(TEMPLATES.len() - 1);
        match wuzha::wire::parse_json(TEMPLATES[template_idx].json) {
            Ok(file) => State::with_file(lang, template_labels, template_idx, file, n_simulations),
            Err(error) => {
                let mut state = State::empty(lang, template_labels, template_idx, n_simulations);
                state.invalid = vec![error];
                state.refresh_errors();
                state
            }
        }
    }

    /// The state editing `file`, validated and simulated.
    fn with_file(
        lang: Lang,
        template_labels: Rc<[String]>,
        template_idx: usize,
        file: ScenarioFile,
        n_simulations: u64,
    ) -> State {
        let mut state = State::empty(lang, template_labels, template_idx, n_simulations);
        state.file = Some(file);
        state.reset_inputs(&Field::ALL);
        state.recompute();
        state.refresh_errors();
        state
    }

    fn empty(lang: Lang, template_labels: Rc<[String]>, template_idx: usize, n_simulations: u64) -> State {
        State {
            lang,
            template_labels,
            template_idx,
            opened_file: None,
            refused_file: None,
            restored: false,
            undo: History::default(),
            redo: History::default(),
            typing: None,
            file: None,
            inputs: Inputs::default(),
            result: None,
            errors: Vec::new(),
            selected_target: 0,
            selected_phase: 0,
            n_simulations,
            unreadable: Vec::new(),
            pending: Vec::new(),
            invalid: Vec::new(),
            file_warnings: Vec::new(),
            cells: BTreeMap::new(),
            editing: None,
            row_refusal: None,
            cell_texts: BTreeMap::new(),
            cell_errors: BTreeMap::new(),
            row_error: None,
        }
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot { file: self.file.clone(), template_idx: self.template_idx, opened_file: self.opened_file.clone() }
    }

    /// `next`, a state with a new scenario, given this state's history plus this state as the newest step.
    fn after_change(&self, mut next: State) -> State {
        next.restored = false;
        next.undo = self.undo.push(self.snapshot());
        next.redo = History::default();
        next
    }

    /// The state showing `snapshot`, keeping language, selection (where it still exists) and counters.
    fn restored(&self, snapshot: Snapshot, undo: History<Snapshot>, redo: History<Snapshot>) -> State {
        let labels = self.template_labels.clone();
        let mut state = match snapshot.file {
            Some(file) => State::with_file(self.lang, labels, snapshot.template_idx, file, self.n_simulations),
            None => State::load(self.lang, labels, snapshot.template_idx, self.n_simulations),
        };
        state.opened_file = snapshot.opened_file;
        let (n_targets, n_phases) = state.file.as_ref().map_or((0, 0), |file| (file.targets.len(), file.phases.len()));
        state.selected_target = self.selected_target.min(n_targets.saturating_sub(1));
        state.selected_phase = self.selected_phase.min(n_phases.saturating_sub(1));
        state.reset_inputs(&Field::ALL);
        state.refresh_errors();
        state.undo = undo;
        state.redo = redo;
        state
    }

    /// The state after opening `name`: the file if it is valid, else this state with the file's errors shown.
    fn opened(self: Rc<Self>, name: String, read: Result<ScenarioFile, Vec<FieldError>>) -> Rc<Self> {
        match read {
            Ok(file) => {
                let labels = self.template_labels.clone();
                let mut state = State::with_file(self.lang, labels, self.template_idx, file, self.n_simulations);
                state.opened_file = Some(name);
                Rc::new(self.after_change(state))
            }
            Err(errors) => {
                let mut state = (*self).clone();
                state.refused_file = Some((name, OpenRefusal::Invalid(errors)));
                Rc::new(state)
            }
        }
    }

    /// The heading and messages about the last refused file, in the state's language.
    pub fn refused_file_notice(&self) -> Option<(String, Vec<String>)> {
        let (name, _) = self.refused_file.as_ref()?;
        Some((words::file_refused_heading(self.lang, name), self.refused_file_messages()))
    }

    /// The messages about the last refused file, in the state's language (empty when none was refused).
    pub fn refused_file_messages(&self) -> Vec<String> {
        let Some((name, refusal)) = &self.refused_file else { return Vec::new() };
        match refusal {
            OpenRefusal::TooLarge(bytes) => vec![words::file_too_large(self.lang, name, *bytes, MAX_OPEN_BYTES)],
            OpenRefusal::Unreadable => vec![words::file_unreadable(self.lang, name)],
            OpenRefusal::Invalid(errors) => errors.iter().map(|error| error.message(self.lang)).collect(),
        }
    }

    /// True when the scenario as edited is valid, so the result on screen is of exactly this file.
    pub fn file_is_valid(&self) -> bool {
        self.file.is_some() && self.invalid.is_empty() && self.result.is_some()
    }

    /// True when the results on screen are not those of the controls' current text.
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The selected target of the edited file, if the file has targets.
    pub fn target(&self) -> Option<&wuzha::wire::TargetFile> {
        self.file.as_ref()?.targets.get(self.selected_target)
    }

    /// The selected phase of the edited file, if the file has phases.
    pub fn phase(&self) -> Option<&wuzha::wire::PhaseFile> {
        self.file.as_ref()?.phases.get(self.selected_phase)
    }

    /// True when the selected target's threshold is a share (shown in percent of the population), false
    /// for a year-on-year change.
    pub fn target_is_share(&self) -> bool {
        self.target().is_none_or(|target| is_share(target.metric))
    }

    /// Sets the text of `fields` from the file, and forgets that they could not be read.
    fn reset_inputs(&mut self, fields: &[Field]) {
        for &field in fields {
            let text = self.file.as_ref().map(|file| self.text_from_file(file, field)).unwrap_or_default();
            self.inputs.set(field, text);
            self.unreadable.retain(|(other, _)| *other != field);
            self.pending.retain(|other| *other != field);
        }
    }

    fn text_from_file(&self, file: &ScenarioFile, field: Field) -> String {
        let target = file.targets.get(self.selected_target);
        let phase = file.phases.get(self.selected_phase);
        match field {
            Field::Reward => format::input_number(file.rewards.first().map_or(0.0, |reward| reward.yuan_per_install)),
            Field::Budget => file.budget.total_yuan.map(format::input_number).unwrap_or_default(),
            Field::Threshold => target.map(|target| format::input_number(target.threshold * 100.0)).unwrap_or_default(),
            Field::Deadline => target.map(|target| target.deadline.clone()).unwrap_or_default(),
            Field::PhaseStart => phase.map(|phase| phase.start.clone()).unwrap_or_default(),
            Field::PhaseEnd => phase.map(|phase| phase.end.clone()).unwrap_or_default(),
            Field::Seed => file.seed.to_string(),
        }
    }

    /// Validates the file and, if valid, simulates it.
    fn recompute(&mut self) {
        let Some(file) = &self.file else { return };
        match wuzha::validate(file) {
            Ok(scenario) => {
                let outcome = wuzha::simulate(&scenario);
                self.n_simulations += 1;
                self.result = Some(Rc::new(Computed { scenario, outcome }));
                self.invalid.clear();
            }
            Err(errors) => self.invalid = errors,
        }
    }

    /// Rebuilds the shown errors from unreadable controls and validation errors.
    fn refresh_errors(&mut self) {
        let mut errors: Vec<InputError> = Vec::new();
        let mut push = |error: InputError| {
            if !errors.contains(&error) {
                errors.push(error);
            }
        };
        for field in Field::ALL {
            if let Some((_, reason)) = self.unreadable.iter().find(|(other, _)| *other == field) {
                let label = words::text(self.lang, field.label());
                push(InputError { field: Some(field), message: words::field_error(self.lang, label, reason) });
            }
        }
        for (path, cell) in &self.cells {
            if let Some(error) = &cell.error {
                push(InputError { field: None, message: self.cell_message(path, error) });
            }
        }
        for error in &self.invalid {
            push(self.describe(error));
        }
        // Errors of controls first, in the order of the controls; the rest after them, in file order.
        errors.sort_by_key(|error| error.field.map_or(Field::ALL.len(), Field::slot));
        self.errors = errors;
        self.refresh_cells();
    }

    /// Rebuilds what editor cells show: raw texts, and the message beside each cell with an error.
    fn refresh_cells(&mut self) {
        let lang = self.lang;
        self.cell_texts = self.cells.iter().map(|(path, cell)| (path.clone(), cell.text.clone())).collect();
        let mut messages = BTreeMap::new();
        for (path, cell) in &self.cells {
            if let Some(error) = &cell.error {
                let label = words::editor_field(lang, edit::spec(path).key);
                messages.insert(path.clone(), words::edit_error(lang, label, error, &allowed(lang, path)));
            }
        }
        for error in &self.invalid {
            let label = words::editor_field(lang, edit::spec(&error.path).key);
            let message = words::field_error(lang, label, &reason(lang, error));
            // A parameter's `value` is edited in the parameter's own cell.
            let path = error.path.strip_suffix(".value").unwrap_or(&error.path).to_string();
            messages.entry(path).or_insert(message);
        }
        self.cell_errors = messages;
        self.row_error = self.row_refusal.as_ref().map(|(table, error)| {
            let label = words::editor_field(lang, table.trim_end_matches('s'));
            (table.clone(), words::edit_error(lang, label, error, ""))
        });
    }

    /// The message for an editor cell's text that cannot be read, naming the row and field, with the range.
    fn cell_message(&self, path: &str, error: &EditError) -> String {
        let lang = self.lang;
        let field = words::editor_field(lang, edit::spec(path).key);
        let label = match split_path(path) {
            Some((table, idx, _)) if !table.contains('.') => self.row_label(table, idx, field),
            _ => field.to_string(),
        };
        words::edit_error(lang, &label, error, &allowed(lang, path))
    }

    /// The state after an editor action that produced `result` (a new file, or why not).
    fn after_edit(self: Rc<Self>, result: Result<ScenarioFile, EditError>, table: Option<&str>) -> Rc<Self> {
        let mut state = (*self).clone();
        state.refused_file = None;
        state.editing = None;
        match result {
            Ok(file) => {
                if state.file.as_ref() == Some(&file) {
                    return self;
                }
                state.row_refusal = None;
                state.undo = self.undo.push(self.snapshot());
                state.redo = History::default();
                state.restored = false;
                state.cells.clear();
                state.file = Some(file);
                state.after_file_change();
            }
            Err(error) => state.row_refusal = Some((table.unwrap_or_default().to_string(), error)),
        }
        state.refresh_errors();
        Rc::new(state)
    }

    /// After the file changed in the editor: keep the selections in range, refresh the controls' text (those
    /// the user is not fixing), and simulate.
    fn after_file_change(&mut self) {
        let (n_targets, n_phases) = self.file.as_ref().map_or((0, 0), |file| (file.targets.len(), file.phases.len()));
        self.selected_target = self.selected_target.min(n_targets.saturating_sub(1));
        self.selected_phase = self.selected_phase.min(n_phases.saturating_sub(1));
        let clean: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|field| !self.unreadable.iter().any(|(other, _)| other == field) && !self.pending.contains(field))
            .collect();
        self.reset_inputs(&clean);
        self.typing = None;
        self.recompute();
    }

    /// The state after typing `text` into the editor cell at `path`.
    fn edited(self: Rc<Self>, path: String, text: String, commit: bool) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let current = edit::cell_text(&edit::to_value(file), &path);
        let held = self.cells.get(&path);
        if held.is_none() && current == text {
            if commit && self.editing.as_deref() == Some(path.as_str()) {
                let mut state = (*self).clone();
                state.editing = None;
                return Rc::new(state);
            }
            return self;
        }
        if held.is_some_and(|cell| cell.text == text && (cell.error.is_some() || !commit)) {
            return self;
        }
        let mut state = (*self).clone();
        state.refused_file = None;
        state.row_refusal = None;
        state.cells.remove(&path);
        let kind = edit::spec(&path).kind;
        let must_have_number = matches!(kind, edit::Kind::Int | edit::Kind::Number | edit::Kind::Param);
        if must_have_number && text.trim().is_empty() && !commit {
            // Held back until committed; the undo step starts with the first figure typed.
            state.cells.insert(path, CellText { text, error: None });
            state.refresh_errors();
            return Rc::new(state);
        }
        match edit::apply_text(file, &path, &text) {
            Ok(new_file) => {
                // While typing, "0." or "2," read as a number already in the file: keep the text as typed.
                if !commit && edit::cell_text(&edit::to_value(&new_file), &path) != text {
                    state.cells.insert(path.clone(), CellText { text: text.clone(), error: None });
                }
                if state.file.as_ref() != Some(&new_file) {
                    if self.editing.as_deref() != Some(path.as_str()) {
                        state.undo = self.undo.push(self.snapshot());
                    }
                    state.restored = false;
                    state.redo = History::default();
                    state.file = Some(new_file);
                    state.after_file_change();
                }
            }
            Err(error) => {
                state.cells.insert(path.clone(), CellText { text, error: Some(error) });
            }
        }
        state.editing = if commit { None } else { Some(path) };
        state.refresh_errors();
        Rc::new(state)
    }

    /// A core error as a message naming the control it came from, where there is one.
    fn describe(&self, error: &FieldError) -> InputError {
        let lang = self.lang;
        let reason = error.reason(lang);
        let Some(file) = &self.file else {
            return InputError { field: None, message: error.message(lang) };
        };
        let named = |field: Field| InputError {
            field: Some(field),
            message: words::field_error(lang, words::text(lang, field.label()), &reason),
        };
        let path = error.path.as_str();
        if path == "budget.total_yuan" {
            return named(Field::Budget);
        }
        if path == "seed" {
            return named(Field::Seed);
        }
        if let Some(("rewards", _, "yuan_per_install")) = split_path(path) {
            return named(Field::Reward);
        }
        if let Some((list @ ("targets" | "phases"), idx, leaf)) = split_path(path) {
            let (field, owner, name, selected) = match (list, leaf) {
                ("targets", "threshold") => (
                    Field::Threshold,
                    Text::TargetSelectLabel,
                    file.targets.get(idx).map(|t| &t.name),
                    self.selected_target,
                ),
                ("targets", "deadline") => (
                    Field::Deadline,
                    Text::TargetSelectLabel,
                    file.targets.get(idx).map(|t| &t.name),
                    self.selected_target,
                ),
                ("phases", "start") => (
                    Field::PhaseStart,
                    Text::PhaseSelectLabel,
                    file.phases.get(idx).map(|p| &p.name),
                    self.selected_phase,
                ),
                ("phases", "end") => (
                    Field::PhaseEnd,
                    Text::PhaseSelectLabel,
                    file.phases.get(idx).map(|p| &p.name),
                    self.selected_phase,
                ),
                _ => return self.labelled(error),
            };
            let Some(name) = name else {
                return InputError { field: None, message: error.message(lang) };
            };
            if idx == selected {
                return named(field);
            }
            let label = words::field_of(lang, owner, name, field.label());
            return InputError { field: None, message: words::field_error(lang, &label, &reason) };
        }
        self.labelled(error)
    }

    /// A core error about a field without a control of its own, named as the editor names it (`村/社区“大塘村”的
    /// 户数：...`), or by its path when the editor does not know the field.
    fn labelled(&self, error: &FieldError) -> InputError {
        let lang = self.lang;
        let path = error.path.strip_suffix(".value").unwrap_or(&error.path);
        let spec = edit::spec(path);
        let message = match (&self.file, split_path(path)) {
            _ if spec.key.is_empty() => error.message(lang),
            (Some(_), Some((table, idx, _))) if !table.contains('.') => {
                let label = self.row_label(table, idx, words::editor_field(lang, spec.key));
                words::field_error(lang, &label, &reason(lang, error))
            }
            _ => words::field_error(lang, words::editor_field(lang, spec.key), &reason(lang, error)),
        };
        InputError { field: None, message }
    }

    /// `field` of row `idx` of `table`, named by the row's name (or id, or number).
    fn row_label(&self, table: &str, idx: usize, field: &str) -> String {
        let Some(file) = &self.file else { return field.to_string() };
        let root = edit::to_value(file);
        let row = format!("{table}[{idx}]");
        let name = ["name", "id"]
            .iter()
            .map(|key| edit::cell_text(&root, &format!("{row}.{key}")))
            .find(|text| !text.is_empty())
            .unwrap_or_else(|| (idx + 1).to_string());
        let table_label = words::editor_field(self.lang, table.trim_end_matches('s'));
        words::row_field(self.lang, table_label, &name, field)
    }

    /// Applies the text of `field` to a copy of the file, or says why the text cannot be read.
    fn apply(&self, file: &ScenarioFile, field: Field, text: &str) -> Result<ScenarioFile, String> {
        let mut file = file.clone();
        let number = || format::parse_number(text).ok_or_else(|| words::not_a_number(self.lang, text));
        match field {
            Field::Reward => set_reward(&mut file, number()?),
            Field::Budget => file.budget.total_yuan = if text.trim().is_empty() { None } else { Some(number()?) },
            Field::Threshold => {
                let percent = number()?;
                if let Some(target) = file.targets.get_mut(self.selected_target) {
                    target.threshold = percent / 100.0;
                }
            }
            Field::Deadline => {
                if let Some(target) = file.targets.get_mut(self.selected_target) {
                    target.deadline = text.trim().to_string();
                }
            }
            Field::PhaseStart => {
                if let Some(phase) = file.phases.get_mut(self.selected_phase) {
                    phase.start = text.trim().to_string();
                }
            }
            Field::PhaseEnd => {
                if let Some(phase) = file.phases.get_mut(self.selected_phase) {
                    phase.end = text.trim().to_string();
                }
            }
            Field::Seed => file.seed = parse_seed(text).ok_or_else(|| words::not_a_seed(self.lang, text))?,
        }
        Ok(file)
    }

    /// The state after `action`; `self` itself (the same `Rc`) when nothing changed.
    fn next(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::LoadTemplate(idx) => {
                let loaded = State::load(self.lang, self.template_labels.clone(), idx, self.n_simulations);
                Rc::new(self.after_change(loaded))
            }
            Action::Undo => match self.undo.pop() {
                Some((snapshot, undo)) => {
                    let redo = self.redo.push(self.snapshot());
                    Rc::new(self.restored(snapshot, undo, redo))
                }
                None => self,
            },
            Action::Redo => match self.redo.pop() {
                Some((snapshot, redo)) => {
                    let undo = self.undo.push(self.snapshot());
                    Rc::new(self.restored(snapshot, undo, redo))
                }
                None => self,
            },
            Action::SelectTarget(idx) => {
                let n_targets = self.file.as_ref().map_or(0, |file| file.targets.len());
                if idx == self.selected_target || idx >= n_targets {
                    return self;
                }
                let mut state = (*self).clone();
                state.selected_target = idx;
                state.typing = None;
                state.reset_inputs(&[Field::Threshold, Field::Deadline]);
                state.refresh_errors();
                Rc::new(state)
            }
            Action::SelectPhase(idx) => {
                let n_phases = self.file.as_ref().map_or(0, |file| file.phases.len());
                if idx == self.selected_phase || idx >= n_phases {
                    return self;
                }
                let mut state = (*self).clone();
                state.selected_phase = idx;
                state.typing = None;
                state.reset_inputs(&[Field::PhaseStart, Field::PhaseEnd]);
                state.refresh_errors();
                Rc::new(state)
            }
            Action::OpenFile { name, text } => {
                let read = wuzha::import(&text).and_then(|imported| {
                    wuzha::validate(&imported.file)?;
                    Ok(imported)
                });
                let warnings = read.as_ref().map(|imported| imported.warnings.clone()).unwrap_or_default();
                let opened = self.opened(name, read.map(|imported| imported.file));
                if warnings.is_empty() {
                    return opened;
                }
                let mut state = (*opened).clone();
                state.file_warnings = warnings;
                Rc::new(state)
            }
            Action::OpenLink { fragment } => match wuzha::link::decode_fragment(&fragment) {
                Some(read) => {
                    let name = words::text(self.lang, Text::SharedLinkName).to_string();
                    let checked = read.map_err(|error| vec![error]).and_then(|file| {
                        wuzha::validate(&file)?;
                        Ok(file)
                    });
                    self.opened(name, checked)
                }
                None => self,
            },
            Action::ApplyPlan(file) => {
                if self.file.as_ref() == Some(&*file) {
                    return self;
                }
                let labels = self.template_labels.clone();
                let mut state = State::with_file(self.lang, labels, self.template_idx, *file, self.n_simulations);
                state.opened_file = self.opened_file.clone();
                let (n_targets, n_phases) =
                    state.file.as_ref().map_or((0, 0), |file| (file.targets.len(), file.phases.len()));
                state.selected_target = self.selected_target.min(n_targets.saturating_sub(1));
                state.selected_phase = self.selected_phase.min(n_phases.saturating_sub(1));
                state.reset_inputs(&Field::ALL);
                state.refresh_errors();
                Rc::new(self.after_change(state))
            }
            Action::OpenRefused { name, refusal } => {
                let mut state = (*self).clone();
                state.refused_file = Some((name, refusal));
                Rc::new(state)
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                let mut state = (*self).clone();
                state.lang = lang;
                state.template_labels = templates::labels(lang).into();
                // The reasons of unreadable controls were worded in the old language: read their text again.
                if let Some(file) = &self.file {
                    let fields: Vec<Field> = state.unreadable.drain(..).map(|(field, _)| field).collect();
                    for field in fields {
                        let text = state.inputs.get(field).to_string();
                        if let Err(reason) = state.apply(file, field, &text) {
                            state.unreadable.push((field, reason));
                        }
                    }
                }
                state.refresh_errors();
                Rc::new(state)
            }
            Action::Edit { path, text, commit } => self.edited(path, text, commit),
            Action::AddRow { table } => {
                let Some(file) = &self.file else { return self };
                let n_rows = edit::to_value(file).get(&table).and_then(|rows| rows.as_array().map(Vec::len));
                let name = words::new_row_name(self.lang, &table, n_rows.unwrap_or(0) + 1);
                let unit = words::text(self.lang, Text::DefaultUnit);
                let result = edit::add_row(file, &table, &name, unit);
                self.clone().after_edit(result, Some(&table))
            }
            Action::RemoveRow { table, index } => {
                let Some(file) = &self.file else { return self };
                let result = edit::remove_row(file, &table, index);
                self.clone().after_edit(result, Some(&table))
            }
            Action::PasteRows { table, text } => {
                let Some(file) = &self.file else { return self };
                let n_rows = edit::to_value(file).get(&table).and_then(|rows| rows.as_array().map(Vec::len));
                let name = words::new_row_name(self.lang, &table, n_rows.unwrap_or(0) + 1);
                let unit = words::text(self.lang, Text::DefaultUnit);
                let result = edit::paste_rows(file, &table, &text, &name, unit);
                self.clone().after_edit(result, Some(&table))
            }
            Action::MovePhase { index, start, end } => {
                let Some(file) = &self.file else { return self };
                let result = edit::move_phase(file, index, &start, &end);
                self.clone().after_edit(result, Some("phases"))
            }
            Action::Set { field, text, commit } => {
                let is_pending = self.pending.contains(&field);
                if self.inputs.get(field) == text && !(commit && is_pending) {
                    // Leaving the box ends its undo step.
                    if commit && self.typing == Some(field) {
                        let mut state = (*self).clone();
                        state.typing = None;
                        return Rc::new(state);
                    }
                    return self;
                }
                let Some(file) = &self.file else { return self };
                let mut state = (*self).clone();
                state.refused_file = None;
                state.editing = None;
                state.unreadable.retain(|(other, _)| *other != field);
                state.pending.retain(|other| *other != field);
                if field.is_number() && text.trim().is_empty() && !commit {
                    state.inputs.set(field, text);
                    state.pending.push(field);
                    state.refresh_errors();
                    return Rc::new(state);
                }
                let applied = self.apply(file, field, &text);
                state.inputs.set(field, text);
                match applied {
                    Ok(new_file) => {
                        if state.file.as_ref() != Some(&new_file) {
                            // Keystrokes in the same box make one step; a new box or a committed edit starts another.
                            if self.typing != Some(field) {
                                state.undo = self.undo.push(self.snapshot());
                            }
                            state.restored = false;
                            state.redo = History::default();
                            state.file = Some(new_file);
                            state.recompute();
                        }
                    }
                    Err(reason) => state.unreadable.push((field, reason)),
                }
                state.typing = if commit { None } else { Some(field) };
                state.refresh_errors();
                Rc::new(state)
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.next(action)
    }
}

/// True for metrics whose threshold is a share of the population.
pub fn is_share(metric: Metric) -> bool {
    !matches!(metric, Metric::YoyCases | Metric::YoyLoss)
}

/// The product rewards are added for when a file has none: the first target's product, else the first product.
pub fn primary_product(file: &ScenarioFile) -> Option<&str> {
    file.targets
        .iter()
        .find_map(|target| target.product.as_deref())
        .filter(|id| file.products.iter().any(|product| product.id == *id))
        .or_else(|| file.products.first().map(|product| product.id.as_str()))
}

/// The index of the primary product of a validated scenario, by the same rule as [`primary_product`].
pub fn primary_product_idx(scenario: &Scenario) -> usize {
    scenario.targets.iter().find_map(|target| target.product).unwrap_or(0)
}

/// Sets `yuan_per_install` on every reward; with none, adds one for the primary product in every phase.
pub fn set_reward(file: &mut ScenarioFile, yuan_per_install: f64) {
    if file.rewards.is_empty() {
        let Some(product) = primary_product(file).map(str::to_string) else { return };
        file.rewards = file
            .phases
            .iter()
            .map(|phase| RewardFile { phase: phase.id.clone(), product: product.clone(), yuan_per_install, note: None })
            .collect();
    } else {
        for reward in &mut file.rewards {
            reward.yuan_per_install = yuan_per_install;
        }
    }
}

/// The largest seed the app accepts: every whole number up to it is exact in a JavaScript number.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// A seed typed by the user: a whole number from 0 to [`MAX_SEED`], digits only (spaces around allowed).
pub fn parse_seed(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().filter(|seed| *seed <= MAX_SEED)
}

/// Why a core error is an error, in `lang`; the other field of a conflict is named by its label (`与“常住人口”矛盾`)
/// rather than its path.
fn reason(lang: Lang, error: &FieldError) -> String {
    match &error.kind {
        wuzha::ErrorKind::Conflict { other } => {
            words::conflicts_with(lang, words::editor_field(lang, edit::spec(other).key))
        }
        _ => error.reason(lang),
    }
}

/// The allowed range of the field at `path`, worded for its message (empty when it has none).
fn allowed(lang: Lang, path: &str) -> String {
    let spec = edit::spec(path);
    words::allowed_range(lang, spec.min, spec.max, spec.kind == edit::Kind::Int)
}

/// Splits `list[idx].leaf` (e.g. `targets[2].deadline`) into its parts.
fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (idx, rest) = rest.split_once(']')?;
    let leaf = rest.strip_prefix('.')?;
    Some((list, idx.parse().ok()?, leaf))
}

#[cfg(test)]
mod tests {
    use super::split_path;

    #[test]
    fn paths_split_into_list_index_and_leaf() {
        assert_eq!(split_path("targets[2].deadline"), Some(("targets", 2, "deadline")));
        assert_eq!(split_path("rewards[10].yuan_per_install"), Some(("rewards", 10, "yuan_per_install")));
        assert_eq!(split_path("budget.total_yuan"), None);
        assert_eq!(split_path("segments[*].share"), None);
    }
}
