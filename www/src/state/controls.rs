//! The quick controls (reward, budget, the selected target and phase, the seed): editor cells on fixed paths
//! of the file, read as each control shows its figure (a threshold in percent, an empty budget as no cap).

use super::{Cell, CellText, State};
use crate::edit::EditError;
use crate::format;
use crate::words::Text;
use wuzha::format::wire::ScenarioFile;

/// A quick control: a name for the editor cell at [`Field::path`] with its own label and reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Yuan per verified install, on every reward entry (`rewards[*].yuan_per_install`).
    Reward,
    /// The total budget cap in yuan; empty for none (`budget.total_yuan`).
    Budget,
    /// The selected target's threshold, in percent (share or year-on-year change) (`targets[i].threshold`).
    Threshold,
    /// The selected target's deadline, `YYYY-MM-DD` (`targets[i].deadline`).
    Deadline,
    /// The selected phase's first day, `YYYY-MM-DD` (`phases[i].start`).
    PhaseStart,
    /// The selected phase's last day, `YYYY-MM-DD` (`phases[i].end`).
    PhaseEnd,
    /// The seed of the Monte Carlo runs, a whole number (`seed`).
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

    /// The path of the file's field this control edits, given the selected target and phase; `[*]` is every
    /// row (the reward is set on every reward entry).
    pub fn path(self, selected_target: usize, selected_phase: usize) -> String {
        match self {
            Field::Reward => "rewards[*].yuan_per_install".to_string(),
            Field::Budget => "budget.total_yuan".to_string(),
            Field::Threshold => format!("targets[{selected_target}].threshold"),
            Field::Deadline => format!("targets[{selected_target}].deadline"),
            Field::PhaseStart => format!("phases[{selected_phase}].start"),
            Field::PhaseEnd => format!("phases[{selected_phase}].end"),
            Field::Seed => "seed".to_string(),
        }
    }

    /// The control that edits the file's field at `path` (as the core's errors name it), and the row it is on
    /// for the per-target and per-phase controls (which show it only when that row is selected).
    pub fn of_path(path: &str) -> Option<(Field, Option<usize>)> {
        let row = |list: &str| {
            let rest = path.strip_prefix(list)?.strip_prefix('[')?;
            let (idx, leaf) = rest.split_once("].")?;
            Some((idx.parse::<usize>().ok()?, leaf))
        };
        match path {
            "budget.total_yuan" => return Some((Field::Budget, None)),
            "seed" => return Some((Field::Seed, None)),
            _ => {}
        }
        // Any reward row, or `[*]`: the reward control sets every reward.
        let reward = path.strip_prefix("rewards[").and_then(|rest| rest.split_once("]."));
        if reward.is_some_and(|(idx, leaf)| leaf == "yuan_per_install" && (idx == "*" || idx.parse::<usize>().is_ok()))
        {
            return Some((Field::Reward, None));
        }
        let (field, idx) = match (row("targets"), row("phases")) {
            (Some((idx, "threshold")), _) => (Field::Threshold, idx),
            (Some((idx, "deadline")), _) => (Field::Deadline, idx),
            (_, Some((idx, "start"))) => (Field::PhaseStart, idx),
            (_, Some((idx, "end"))) => (Field::PhaseEnd, idx),
            _ => return None,
        };
        Some((field, Some(idx)))
    }

    /// The control's position among the controls.
    pub(super) fn slot(self) -> usize {
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

    pub(super) fn set(&mut self, field: Field, text: String) {
        self.texts[field.slot()] = text;
    }
}

impl State {
    /// Sets the text of `fields` from the file, and forgets that they could not be read.
    pub(super) fn reset_inputs(&mut self, fields: &[Field]) {
        for &field in fields {
            let text = self.file.as_ref().map(|file| self.text_from_file(file, field)).unwrap_or_default();
            self.inputs.set(field, text);
            self.cells.remove(&Cell::Control(field));
        }
    }

    /// The text of `field` as the file holds it.
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

    /// Controls whose text is held (unreadable, or emptied while typing) keep it; the others show the file.
    pub(super) fn refresh_clean_inputs(&mut self) {
        let clean: Vec<Field> =
            Field::ALL.into_iter().filter(|field| !self.cells.contains_key(&Cell::Control(*field))).collect();
        self.reset_inputs(&clean);
    }

    /// Keeps `text` in `field`'s box, with why it cannot be read (`None`: emptied while typing).
    pub(super) fn hold_control(&mut self, field: Field, text: String, error: Option<EditError>) {
        self.cells.insert(Cell::Control(field), CellText { text: text.clone(), error });
        self.inputs.set(field, text);
    }

    /// Applies the text of `field` to a copy of the file, or says why the text cannot be read.
    pub(super) fn read_control(
        &self,
        file: &ScenarioFile,
        field: Field,
        text: &str,
    ) -> Result<ScenarioFile, EditError> {
        let mut file = file.clone();
        let number = || format::parse_number(text).ok_or_else(|| EditError::NotANumber(text.to_string()));
        match field {
            Field::Reward => file.set_reward_yuan_per_install(number()?),
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
            Field::Seed => file.seed = parse_seed(text).ok_or_else(|| EditError::NotASeed(text.to_string()))?,
        }
        Ok(file)
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

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn every_control_is_the_cell_at_its_path() {
        for field in Field::ALL {
            let (target, phase) = (2, 5);
            let row = match field {
                Field::Threshold | Field::Deadline => Some(target),
                Field::PhaseStart | Field::PhaseEnd => Some(phase),
                _ => None,
            };
            assert_eq!(Field::of_path(&field.path(target, phase)), Some((field, row)), "{field:?}");
        }
        assert_eq!(Field::of_path("rewards[3].yuan_per_install"), Some((Field::Reward, None)));
        assert_eq!(Field::of_path("targets[1].name"), None);
        assert_eq!(Field::of_path("villages[0].residents"), None);
    }
}
