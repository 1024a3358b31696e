//! The app's state and its reducer: the scenario being edited, the raw text of every cell, the last valid
//! result, the current errors and the selection.
//!
//! The reducer is pure: no web types, no clock, no randomness. Every edit updates the [`ScenarioFile`];
//! when the file changed it is validated with `wuzha::validate` and, if valid, simulated with
//! `wuzha::simulate`. An edit that cannot be read, or a file that does not validate, keeps the last valid
//! result (marked stale by the errors beside it) and keeps the raw text the user typed.
//!
//! There is one editing mechanism, [`Action::Edit`] on a [`Cell`]: an editor cell names a field by its path
//! in the file, and a quick control ([`Field`]) is the editor cell on a fixed path ([`Field::path`]) read as
//! the control shows it. [`State::next`] hands each action to a short handler: `edit.rs` (typing, rows),
//! `files.rs` (templates, opened files, links, plans, undo and redo), `select.rs` (selection, language),
//! `controls.rs` (the quick controls); `errors.rs` words every error.

mod controls;
mod edit;
mod errors;
mod files;
mod select;

pub use crate::model::Computed;
pub use controls::{parse_seed, Field, Inputs, MAX_SEED};

use crate::edit::EditError;
use crate::history::History;
use crate::words::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;
use wuzha::format::wire::ScenarioFile;
use wuzha::FieldError;
use yew::Reducible;

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
    /// The scenario as a file (`wuzha::format::json::to_json`).
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

/// Where typed text goes: one editing mechanism for the editor's cells and the quick controls.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// An editor cell: the field at this path of the file, as the core's errors name it
    /// (`villages[3].residents`), read as the editor's field table says.
    Path(String),
    /// A quick control: the editor cell at [`Field::path`] (`rewards[*].yuan_per_install`, the selected
    /// target's `targets[0].threshold`, ...), read as the control shows it (a threshold in percent).
    Control(Field),
}

impl Action {
    /// Typing `text` into the editor cell at `path` (`commit`: the `change` event).
    pub fn edit(path: impl Into<String>, text: impl Into<String>, commit: bool) -> Action {
        Action::Edit { cell: Cell::Path(path.into()), text: text.into(), commit }
    }

    /// Typing `text` into the quick control `field` (`commit`: the `change` event).
    pub fn control(field: Field, text: impl Into<String>, commit: bool) -> Action {
        Action::Edit { cell: Cell::Control(field), text: text.into(), commit }
    }
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace the scenario with the embedded template at this index.
    LoadTemplate(usize),
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
    /// Open a draft read from a 实施方案 (导入实施方案) as the current plan, like a file: one undo step.
    OpenDraft {
        /// The name it is shown under.
        name: String,
        /// The reader's scenario file (it always validates).
        file: Box<ScenarioFile>,
    },
    /// A file could not be opened before its text was read (too large, unreadable).
    OpenRefused {
        /// The file's name.
        name: String,
        /// Why.
        refusal: OpenRefusal,
    },
    /// The text of a cell changed: an editor cell or a quick control (one editing mechanism). `commit` is
    /// false on `input` events and true on the `change` event, when the user leaves the cell. Keystrokes in
    /// one cell make one undo step. An empty number box while typing is held back until the commit, so that
    /// clearing a box to type a new figure neither flashes an error nor first simulates "no budget cap";
    /// committed empty, it is an error (reward, threshold) or no cap (budget). Text that cannot be read is
    /// kept as typed and named (an editor cell with the field's allowed range), and the file is left as it was.
    Edit {
        /// The cell.
        cell: Cell,
        /// Its whole text.
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

/// A cell whose text is not in the file.
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
    /// The cell being typed into, whose keystrokes make one undo step until it is committed.
    typing: Option<Cell>,
    /// The errors of the last validation of `file`.
    invalid: Vec<FieldError>,
    /// What the reader noted about the last opened file (unknown fields kept, an older version converted).
    pub file_warnings: Vec<wuzha::FieldWarning>,
    /// Cells whose text is not in the file (unreadable, or an emptied number box while typing).
    cells: BTreeMap<Cell, CellText>,
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
    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
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
    pub fn target(&self) -> Option<&wuzha::format::wire::TargetFile> {
        self.file.as_ref()?.targets.get(self.selected_target)
    }

    /// The selected phase of the edited file, if the file has phases.
    pub fn phase(&self) -> Option<&wuzha::format::wire::PhaseFile> {
        self.file.as_ref()?.phases.get(self.selected_phase)
    }

    /// True when the selected target's threshold is a share (shown in percent of the population), false
    /// for a year-on-year change.
    pub fn target_is_share(&self) -> bool {
        self.target().is_none_or(|target| target.metric.is_share())
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

    /// The state after `action`; `self` itself (the same `Rc`) when nothing changed.
    fn next(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::LoadTemplate(idx) => self.template_loaded(idx),
            Action::Undo => self.undone(),
            Action::Redo => self.redone(),
            Action::SelectTarget(idx) => self.target_selected(idx),
            Action::SelectPhase(idx) => self.phase_selected(idx),
            Action::SetLang(lang) => self.lang_set(lang),
            Action::OpenFile { name, text } => self.file_opened(name, text),
            Action::OpenLink { fragment } => self.link_opened(fragment),
            Action::ApplyPlan(file) => self.plan_applied(*file),
            Action::OpenDraft { name, file } => self.draft_opened(name, *file),
            Action::OpenRefused { name, refusal } => self.open_refused(name, refusal),
            Action::Edit { cell, text, commit } => self.edited(cell, text, commit),
            Action::AddRow { table } => self.row_added(table),
            Action::RemoveRow { table, index } => self.row_removed(table, index),
            Action::PasteRows { table, text } => self.rows_pasted(table, text),
            Action::MovePhase { index, start, end } => self.phase_moved(index, start, end),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.next(action)
    }
}
