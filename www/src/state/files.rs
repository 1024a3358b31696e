//! Whole scenarios: the first state, templates, opened files and share links, a plan from the planner,
//! autosave sessions, and undo and redo (every change of the scenario is a step).

use super::{Field, OpenRefusal, Session, Snapshot, State, MAX_OPEN_BYTES};
use crate::history::History;
use crate::templates::{self, TEMPLATES};
use crate::words::{self, Lang, Text};
use std::collections::BTreeMap;
use std::rc::Rc;
use wuzha::format::wire::ScenarioFile;
use wuzha::FieldError;

impl State {
    /// The app's first state: the default template, validated and simulated.
    pub fn new(lang: Lang) -> State {
        let labels: Rc<[String]> = templates::labels(lang).into();
        State::load(lang, labels, templates::DEFAULT_TEMPLATE, 0)
    }

    /// The app's first state when the browser kept an autosaved session: that scenario, as it was left
    /// (even if it did not validate then). A session that cannot be read gives the default state.
    pub fn restore(lang: Lang, session: &Session) -> State {
        let Ok(file) = wuzha::format::json::parse_json(&session.scenario_json) else { return State::new(lang) };
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
            scenario_json: wuzha::format::json::to_json(self.file.as_ref()?),
            template_idx: self.template_idx,
            opened_file: self.opened_file.clone(),
        })
    }

    /// The state after loading template `template_idx` (clamped to the list).
    fn load(lang: Lang, template_labels: Rc<[String]>, template_idx: usize, n_simulations: u64) -> State {
        let template_idx = template_idx.min(TEMPLATES.len() - 1);
        match wuzha::format::json::parse_json(TEMPLATES[template_idx].json) {
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
            inputs: Default::default(),
            result: None,
            errors: Vec::new(),
            selected_target: 0,
            selected_phase: 0,
            n_simulations,
            invalid: Vec::new(),
            file_warnings: Vec::new(),
            cells: BTreeMap::new(),
            row_refusal: None,
            cell_texts: BTreeMap::new(),
            cell_errors: BTreeMap::new(),
            row_error: None,
        }
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot { file: self.file.clone(), template_idx: self.template_idx, opened_file: self.opened_file.clone() }
    }

    /// `next`, a state with a new scenario, given this state's history plus this state as the newest step.
    fn after_change(&self, mut next: State) -> State {
        next.restored = false;
        next.undo = self.undo.push(self.snapshot());
        next.redo = History::default();
        next
    }

    /// Keeps the selections of `self` in `state` where they still exist, and shows the file in the controls.
    fn keep_selection(&self, state: &mut State) {
        let (n_targets, n_phases) = state.file.as_ref().map_or((0, 0), |file| (file.targets.len(), file.phases.len()));
        state.selected_target = self.selected_target.min(n_targets.saturating_sub(1));
        state.selected_phase = self.selected_phase.min(n_phases.saturating_sub(1));
        state.reset_inputs(&Field::ALL);
        state.refresh_errors();
    }

    /// The state showing `snapshot`, keeping language, selection (where it still exists) and counters.
    fn restored(&self, snapshot: Snapshot, undo: History<Snapshot>, redo: History<Snapshot>) -> State {
        let labels = self.template_labels.clone();
        let mut state = match snapshot.file {
            Some(file) => State::with_file(self.lang, labels, snapshot.template_idx, file, self.n_simulations),
            None => State::load(self.lang, labels, snapshot.template_idx, self.n_simulations),
        };
        state.opened_file = snapshot.opened_file;
        self.keep_selection(&mut state);
        state.undo = undo;
        state.redo = redo;
        state
    }

    /// The state after [`super::Action::LoadTemplate`].
    pub(super) fn template_loaded(self: Rc<Self>, idx: usize) -> Rc<Self> {
        let loaded = State::load(self.lang, self.template_labels.clone(), idx, self.n_simulations);
        Rc::new(self.after_change(loaded))
    }

    /// The state after [`super::Action::Undo`]: the newest earlier step, if any.
    pub(super) fn undone(self: Rc<Self>) -> Rc<Self> {
        match self.undo.pop() {
            Some((snapshot, undo)) => {
                let redo = self.redo.push(self.snapshot());
                Rc::new(self.restored(snapshot, undo, redo))
            }
            None => self,
        }
    }

    /// The state after [`super::Action::Redo`]: the newest step undone, if any.
    pub(super) fn redone(self: Rc<Self>) -> Rc<Self> {
        match self.redo.pop() {
            Some((snapshot, redo)) => {
                let undo = self.undo.push(self.snapshot());
                Rc::new(self.restored(snapshot, undo, redo))
            }
            None => self,
        }
    }

    /// The state after [`super::Action::OpenFile`]: the file if it reads and validates (with what the reader
    /// noted about it), else this state with every reason.
    pub(super) fn file_opened(self: Rc<Self>, name: String, text: String) -> Rc<Self> {
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

    /// The state after [`super::Action::OpenLink`]: the link's scenario, like a file named after the link.
    pub(super) fn link_opened(self: Rc<Self>, fragment: String) -> Rc<Self> {
        let Some(read) = wuzha::format::link::decode_fragment(&fragment) else { return self };
        let name = words::text(self.lang, Text::SharedLinkName).to_string();
        let checked = read.map_err(|error| vec![error]).and_then(|file| {
            wuzha::validate(&file)?;
            Ok(file)
        });
        self.opened(name, checked)
    }

    /// The state after [`super::Action::ApplyPlan`]: the planner's file, one undo step; where it came from stays.
    pub(super) fn plan_applied(self: Rc<Self>, file: ScenarioFile) -> Rc<Self> {
        if self.file.as_ref() == Some(&file) {
            return self;
        }
        let labels = self.template_labels.clone();
        let mut state = State::with_file(self.lang, labels, self.template_idx, file, self.n_simulations);
        state.opened_file = self.opened_file.clone();
        self.keep_selection(&mut state);
        Rc::new(self.after_change(state))
    }

    /// The state after [`super::Action::OpenDraft`]: the draft, like an opened file named `name`.
    pub(super) fn draft_opened(self: Rc<Self>, name: String, file: ScenarioFile) -> Rc<Self> {
        let checked = wuzha::validate(&file).map(|_| file);
        self.opened(name, checked)
    }

    /// The state after [`super::Action::OpenRefused`].
    pub(super) fn open_refused(self: Rc<Self>, name: String, refusal: OpenRefusal) -> Rc<Self> {
        let mut state = (*self).clone();
        state.refused_file = Some((name, refusal));
        Rc::new(state)
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
            Err(errors) => self.open_refused(name, OpenRefusal::Invalid(errors)),
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
}
