//! The controls column: reward, budget, the selected target and the selected phase.
//!
//! Every control shows the raw text held in the state and reports each `input` and `change` event as an
//! [`Action::Edit`] on its [`crate::state::Cell::Control`]; nothing here interprets the text.

use crate::state::{Action, Field, Inputs, State};
use crate::words::{self, Lang, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the controls show, taken from the state.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlsView {
    /// The raw text of every control.
    pub inputs: Inputs,
    /// Names of the file's targets.
    pub target_names: Vec<String>,
    /// Names of the file's phases.
    pub phase_names: Vec<String>,
    /// Index of the selected target.
    pub selected_target: usize,
    /// Index of the selected phase.
    pub selected_phase: usize,
    /// True when the selected target's threshold is a share (false: year-on-year change).
    pub target_is_share: bool,
    /// Fields with an error (marked `aria-invalid`).
    pub invalid: Vec<Field>,
    /// True when a file is loaded (false only if an embedded template failed to parse).
    pub has_file: bool,
    /// The loaded template: the selectors are rebuilt when it changes, so that they show its first entry.
    pub template_idx: usize,
}

impl ControlsView {
    /// The view of `state`.
    pub fn of(state: &State) -> ControlsView {
        let file = state.file.as_ref();
        ControlsView {
            inputs: state.inputs.clone(),
            target_names: file
                .map(|file| file.targets.iter().map(|target| target.name.clone()).collect())
                .unwrap_or_default(),
            phase_names: file
                .map(|file| file.phases.iter().map(|phase| phase.name.clone()).collect())
                .unwrap_or_default(),
            selected_target: state.selected_target,
            selected_phase: state.selected_phase,
            target_is_share: state.target_is_share(),
            invalid: state.errors.iter().filter_map(|error| error.field).collect(),
            has_file: state.file.is_some(),
            template_idx: state.template_idx,
        }
    }
}

/// Props of [`ControlsPanel`].
#[derive(Properties, PartialEq)]
pub struct ControlsPanelProps {
    /// Language of the texts.
    pub lang: Lang,
    /// What to show.
    pub view: ControlsView,
    /// Receives every edit and selection.
    pub on_action: Callback<Action>,
}

/// One text control: label, input and hint. `id` is also its `data-testid`.
fn text_input(
    props: &ControlsPanelProps,
    field: Field,
    id: &'static str,
    kind: &'static str,
    hint: Option<Text>,
    disabled: bool,
) -> Html {
    let lang = props.lang;
    let emit = |commit: bool| {
        let on_action = props.on_action.clone();
        move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                on_action.emit(Action::control(field, input.value(), commit));
            }
        }
    };
    let on_change = Callback::from(emit(true));
    let on_input = {
        let emit = emit(false);
        Callback::from(move |event: InputEvent| emit(event.into()))
    };
    let invalid = props.view.invalid.contains(&field);
    let hint_id = format!("{id}-hint");
    let inputmode = if kind == "text" { Some("decimal") } else { None };
    // Dates are text in the file's form (YYYY-MM-DD), not `<input type=date>`, whose display follows the
    // browser's locale rather than the app's language.
    let (kind, placeholder) = if kind == "date" { ("text", Some("YYYY-MM-DD")) } else { (kind, None) };
    html! {
        <div class={classes!("control", invalid.then_some("invalid"))}>
            <label for={id}>{ words::text(lang, field.label()) }</label>
            <input {id} data-testid={id} type={kind} inputmode={inputmode} {placeholder} autocomplete="off"
                value={props.view.inputs.get(field).to_string()}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={hint.map(|_| hint_id.clone())}
                {disabled} oninput={on_input} onchange={on_change} />
            if let Some(hint) = hint {
                <span class="hint" id={hint_id}>{ words::text(lang, hint) }</span>
            }
        </div>
    }
}

/// A selector of names. `id` is also its `data-testid`.
fn name_select(
    props: &ControlsPanelProps,
    id: &'static str,
    label: Text,
    names: &[String],
    selected: usize,
    to_action: fn(usize) -> Action,
) -> Html {
    let on_action = props.on_action.clone();
    let on_change = Callback::from(move |event: Event| {
        let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else { return };
        if let Ok(idx) = select.value().parse::<usize>() {
            on_action.emit(to_action(idx));
        }
    });
    html! {
        <div class="control">
            <label for={id}>{ words::text(props.lang, label) }</label>
            <select {id} key={format!("{id}-{}", props.view.template_idx)} data-testid={id} onchange={on_change}
                disabled={names.is_empty()}>
                { for names.iter().enumerate().map(|(idx, name)| html! {
                    <option value={idx.to_string()} selected={idx == selected}>{ name.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// The controls column.
#[function_component(ControlsPanel)]
pub fn controls_panel(props: &ControlsPanelProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let no_targets = view.target_names.is_empty();
    let no_phases = view.phase_names.is_empty();
    let no_file = !view.has_file;
    let threshold_hint = if view.target_is_share { Text::ThresholdHintShare } else { Text::ThresholdHintYoy };
    html! {
        <aside class="controls" aria-labelledby="controls-heading">
            <h2 id="controls-heading">{ words::text(lang, Text::ControlsHeading) }</h2>
            <fieldset>
                <legend>{ words::text(lang, Text::MoneyGroup) }</legend>
                { text_input(props, Field::Reward, "reward-per-install", "text", Some(Text::RewardHint), no_file) }
                { text_input(props, Field::Budget, "budget-total", "text", Some(Text::BudgetHint), no_file) }
            </fieldset>
            <fieldset>
                <legend>{ words::text(lang, Text::TargetGroup) }</legend>
                { name_select(props, "target-select", Text::TargetSelectLabel, &view.target_names,
                    view.selected_target, Action::SelectTarget) }
                if no_targets {
                    <p class="hint">{ words::text(lang, Text::NoTargets) }</p>
                }
                { text_input(props, Field::Threshold, "target-threshold", "text", Some(threshold_hint), no_targets) }
                { text_input(props, Field::Deadline, "target-deadline", "date", None, no_targets) }
            </fieldset>
            <fieldset>
                <legend>{ words::text(lang, Text::PhaseGroup) }</legend>
                { name_select(props, "phase-select", Text::PhaseSelectLabel, &view.phase_names,
                    view.selected_phase, Action::SelectPhase) }
                if no_phases {
                    <p class="hint">{ words::text(lang, Text::NoPhases) }</p>
                }
                { text_input(props, Field::PhaseStart, "phase-start", "date", None, no_phases) }
                { text_input(props, Field::PhaseEnd, "phase-end", "date", None, no_phases) }
            </fieldset>
        </aside>
    }
}
