//! Selection and language: which target and phase the quick controls show, and the language of every text.

use super::{Field, State};
use crate::templates;
use crate::words::Lang;
use std::rc::Rc;

impl State {
    /// The state after [`super::Action::SelectTarget`]: the target controls show target `idx`.
    pub(super) fn target_selected(self: Rc<Self>, idx: usize) -> Rc<Self> {
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

    /// The state after [`super::Action::SelectPhase`]: the phase controls show phase `idx`.
    pub(super) fn phase_selected(self: Rc<Self>, idx: usize) -> Rc<Self> {
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

    /// The state after [`super::Action::SetLang`]: every text, errors already shown too, in `lang`.
    pub(super) fn lang_set(self: Rc<Self>, lang: Lang) -> Rc<Self> {
        if lang == self.lang {
            return self;
        }
        let mut state = (*self).clone();
        state.lang = lang;
        state.template_labels = templates::labels(lang).into();
        // Held texts keep why they cannot be read, not the words: worded again in `lang`.
        state.refresh_errors();
        Rc::new(state)
    }
}
