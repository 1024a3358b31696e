//! Editing: text typed into a cell (an editor cell or a quick control, one mechanism), and the row
//! operations of the editor's tables (add, remove, paste, move a phase on the timeline).

use super::{Cell, CellText, State};
use crate::edit::{self, EditError};
use crate::history::History;
use crate::words::{self, Text};
use std::rc::Rc;
use wuzha::format::wire::ScenarioFile;

impl State {
    /// The text `cell` shows now: the text held for it, else (controls: the last text typed) the file's.
    fn shown_text(&self, cell: &Cell, file: &ScenarioFile) -> String {
        match cell {
            Cell::Control(field) => self.inputs.get(*field).to_string(),
            Cell::Path(path) => match self.cells.get(cell) {
                Some(held) => held.text.clone(),
                None => edit::cell_text(&edit::to_value(file), path),
            },
        }
    }

    /// True when an empty `cell` is held back while typing (a number box: empty is no number yet).
    fn needs_number(cell: &Cell) -> bool {
        match cell {
            Cell::Control(field) => field.is_number(),
            Cell::Path(path) => {
                matches!(edit::spec(path).kind, edit::Kind::Int | edit::Kind::Number | edit::Kind::Param)
            }
        }
    }

    /// The file with `text` in `cell`, or why the text cannot be read.
    fn read_cell(&self, file: &ScenarioFile, cell: &Cell, text: &str) -> Result<ScenarioFile, EditError> {
        match cell {
            Cell::Control(field) => self.read_control(file, *field, text),
            Cell::Path(path) => edit::apply_text(file, path, text),
        }
    }

    /// Keeps `text` in `cell` (not in the file), with why it cannot be read (`None`: held while typing).
    fn hold(&mut self, cell: Cell, text: String, error: Option<EditError>) {
        match cell {
            Cell::Control(field) => self.hold_control(field, text, error),
            Cell::Path(_) => {
                self.cells.insert(cell, CellText { text, error });
            }
        }
    }

    /// The state after typing `text` into `cell` (`commit`: the `change` event, when the user leaves it).
    ///
    /// Keystrokes in one cell make one undo step; an emptied number box is held back until committed; text
    /// that cannot be read is kept as typed with the reason, and the file is left as it was.
    pub(super) fn edited(self: Rc<Self>, cell: Cell, text: String, commit: bool) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let held = self.cells.get(&cell);
        if self.shown_text(&cell, file) == text && held.is_none_or(|held| held.error.is_some() || !commit) {
            // Leaving the box ends its undo step.
            if commit && self.typing.as_ref() == Some(&cell) {
                let mut state = (*self).clone();
                state.typing = None;
                return Rc::new(state);
            }
            return self;
        }
        let mut state = (*self).clone();
        state.refused_file = None;
        state.row_refusal = None;
        state.cells.remove(&cell);
        if State::needs_number(&cell) && text.trim().is_empty() && !commit {
            // Held back until committed; the undo step starts with the first figure typed.
            state.hold(cell, text, None);
            state.refresh_errors();
            return Rc::new(state);
        }
        match self.read_cell(file, &cell, &text) {
            Ok(new_file) => {
                if state.file.as_ref() != Some(&new_file) {
                    if self.typing.as_ref() != Some(&cell) {
                        state.undo = self.undo.push(self.snapshot());
                    }
                    state.restored = false;
                    state.redo = History::default();
                    state.file = Some(new_file);
                    state.after_file_change();
                }
                state.keep_typed(&cell, text, commit);
            }
            Err(error) => state.hold(cell.clone(), text, Some(error)),
        }
        state.typing = if commit { None } else { Some(cell) };
        state.refresh_errors();
        Rc::new(state)
    }

    /// After `text` in `cell` was read into the file: a control keeps the text as typed (`5.0` stays `5.0`);
    /// an editor cell keeps it only while typing and only when the file reads back otherwise (`0.`, `2,`).
    fn keep_typed(&mut self, cell: &Cell, text: String, commit: bool) {
        match cell {
            Cell::Control(field) => self.inputs.set(*field, text),
            Cell::Path(path) => {
                let file = self.file.as_ref().map(edit::to_value);
                if !commit && file.is_some_and(|root| edit::cell_text(&root, path) != text) {
                    self.cells.insert(cell.clone(), CellText { text, error: None });
                }
            }
        }
    }

    /// The name a new row of `table` gets and the unit word of a new channel.
    fn new_row_words(&self, file: &ScenarioFile, table: &str) -> (String, &'static str) {
        let n_rows = edit::to_value(file).get(table).and_then(|rows| rows.as_array().map(Vec::len));
        let name = words::new_row_name(self.lang, table, n_rows.unwrap_or(0) + 1);
        (name, words::text(self.lang, Text::DefaultUnit))
    }

    /// The state after adding a row with valid defaults at the end of `table`.
    pub(super) fn row_added(self: Rc<Self>, table: String) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let (name, unit) = self.new_row_words(file, &table);
        let result = edit::add_row(file, &table, &name, unit);
        self.clone().after_edit(result, &table)
    }

    /// The state after removing row `index` of `table`.
    pub(super) fn row_removed(self: Rc<Self>, table: String, index: usize) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let result = edit::remove_row(file, &table, index);
        self.clone().after_edit(result, &table)
    }

    /// The state after pasting `text` (tab-separated rows) at the end of `table`.
    pub(super) fn rows_pasted(self: Rc<Self>, table: String, text: String) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let (name, unit) = self.new_row_words(file, &table);
        let result = edit::paste_rows(file, &table, &text, &name, unit);
        self.clone().after_edit(result, &table)
    }

    /// The state after moving or resizing phase `index` on the timeline.
    pub(super) fn phase_moved(self: Rc<Self>, index: usize, start: String, end: String) -> Rc<Self> {
        let Some(file) = &self.file else { return self };
        let result = edit::move_phase(file, index, &start, &end);
        self.clone().after_edit(result, "phases")
    }

    /// The state after a row operation on `table` that produced `result` (a new file, or why not).
    fn after_edit(self: Rc<Self>, result: Result<ScenarioFile, EditError>, table: &str) -> Rc<Self> {
        let mut state = (*self).clone();
        state.refused_file = None;
        state.typing = None;
        match result {
            Ok(file) => {
                if state.file.as_ref() == Some(&file) {
                    return self;
                }
                state.row_refusal = None;
                state.undo = self.undo.push(self.snapshot());
                state.redo = History::default();
                state.restored = false;
                state.cells.retain(|cell, _| matches!(cell, Cell::Control(_)));
                state.file = Some(file);
                state.after_file_change();
            }
            Err(error) => state.row_refusal = Some((table.to_string(), error)),
        }
        state.refresh_errors();
        Rc::new(state)
    }

    /// After the file changed: keep the selections in range, refresh the controls' text (those the user is
    /// not fixing), and simulate.
    pub(super) fn after_file_change(&mut self) {
        let (n_targets, n_phases) = self.file.as_ref().map_or((0, 0), |file| (file.targets.len(), file.phases.len()));
        self.selected_target = self.selected_target.min(n_targets.saturating_sub(1));
        self.selected_phase = self.selected_phase.min(n_phases.saturating_sub(1));
        self.refresh_clean_inputs();
        self.typing = None;
        self.recompute();
    }
}
