//! The errors to show: text that cannot be read (controls and editor cells) and the core's validation
//! errors, each named as the user sees the field (the control's label, or the row and column of the editor).

use super::{Cell, Field, InputError, State};
use crate::edit::{self, EditError};
use crate::words::{self, Lang, Text};
use std::collections::BTreeMap;
use wuzha::FieldError;

impl State {
    /// Rebuilds the shown errors from held texts that cannot be read and from validation errors.
    pub(super) fn refresh_errors(&mut self) {
        let mut errors: Vec<InputError> = Vec::new();
        let mut push = |error: InputError| {
            if !errors.contains(&error) {
                errors.push(error);
            }
        };
        for field in Field::ALL {
            if let Some(error) = self.cells.get(&Cell::Control(field)).and_then(|held| held.error.as_ref()) {
                let label = words::text(self.lang, field.label());
                let message = words::field_error(self.lang, label, &control_reason(self.lang, error));
                push(InputError { field: Some(field), message });
            }
        }
        for (cell, held) in &self.cells {
            if let (Cell::Path(path), Some(error)) = (cell, &held.error) {
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
        let paths = self.cells.iter().filter_map(|(cell, held)| match cell {
            Cell::Path(path) => Some((path, held)),
            Cell::Control(_) => None,
        });
        self.cell_texts = paths.clone().map(|(path, held)| (path.clone(), held.text.clone())).collect();
        let mut messages = BTreeMap::new();
        for (path, held) in paths {
            if let Some(error) = &held.error {
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

    /// A core error as a message naming the control it came from, where there is one.
    fn describe(&self, error: &FieldError) -> InputError {
        let lang = self.lang;
        let Some(file) = &self.file else {
            return InputError { field: None, message: error.message(lang) };
        };
        let Some((field, idx)) = Field::of_path(&error.path) else { return self.labelled(error) };
        let reason = error.reason(lang);
        let named = InputError {
            field: Some(field),
            message: words::field_error(lang, words::text(lang, field.label()), &reason),
        };
        let Some(idx) = idx else { return named };
        let (owner, name, selected) = if matches!(field, Field::Threshold | Field::Deadline) {
            (Text::TargetSelectLabel, file.targets.get(idx).map(|t| &t.name), self.selected_target)
        } else {
            (Text::PhaseSelectLabel, file.phases.get(idx).map(|p| &p.name), self.selected_phase)
        };
        let Some(name) = name else {
            return InputError { field: None, message: error.message(lang) };
        };
        if idx == selected {
            return named;
        }
        let label = words::field_of(lang, owner, name, field.label());
        InputError { field: None, message: words::field_error(lang, &label, &reason) }
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
}

/// Why a quick control's text cannot be read, in `lang`: the reason alone, without a range (the control's
/// hint gives it).
fn control_reason(lang: Lang, error: &EditError) -> String {
    match error {
        EditError::NotANumber(raw) => words::not_a_number(lang, raw),
        EditError::NotASeed(raw) => words::not_a_seed(lang, raw),
        other => words::edit_error(lang, "", other, ""),
    }
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
