//! The scenario editor ("方案编辑"): every part of the scenario file in tabs of spreadsheet-like tables, with
//! inline messages beside bad cells and a side note on the focused behavioural parameter.

pub mod sections;
pub mod table;

use crate::edit::Kind;
use crate::state::Action;
use crate::words::{self, Lang, Text};
use std::collections::BTreeMap;
use std::rc::Rc;
use table::Ctx;
use wuzha::ScenarioFile;
use yew::prelude::*;

/// Props of [`ScenarioEditor`].
#[derive(Properties, PartialEq)]
pub struct ScenarioEditorProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The scenario as edited.
    pub file: Option<ScenarioFile>,
    /// Raw texts of cells not in the file, by path (`State::cell_texts`).
    pub cell_texts: BTreeMap<String, String>,
    /// Messages beside cells, by path (`State::cell_errors`).
    pub cell_errors: BTreeMap<String, String>,
    /// The last refused row operation (`State::row_error`).
    pub row_error: Option<(String, String)>,
    /// Receives every edit.
    pub on_action: Callback<Action>,
}

/// The editor's tabs: test-id key and title.
const TABS: [(&str, Text); 11] = [
    ("township", Text::TabTownship),
    ("segments", Text::TabSegments),
    ("products", Text::TabProducts),
    ("channels", Text::TabChannels),
    ("schedule", Text::TabSchedule),
    ("phases", Text::TabPhases),
    ("rewards", Text::TabRewards),
    ("targets", Text::TabTargets),
    ("last_year", Text::TabLastYear),
    ("assessment", Text::TabAssessment),
    ("behaviour", Text::TabBehaviour),
];

/// True when an error path belongs to the tab `tab`.
fn belongs(tab: &str, path: &str) -> bool {
    let list = path.split(['.', '[']).next().unwrap_or_default();
    match tab {
        "township" => matches!(list, "villages" | "name" | "township" | "start_date" | "end_date" | "seed"),
        "channels" => matches!(list, "channels" | "floors"),
        "rewards" => matches!(list, "rewards" | "budget"),
        other => list == other,
    }
}

/// The editor.
#[function_component(ScenarioEditor)]
pub fn scenario_editor(props: &ScenarioEditorProps) -> Html {
    let lang = props.lang;
    let tab = use_state(|| "township");
    let focused = use_state(|| None::<String>);
    let paste_open = use_state(|| None::<String>);
    let root = use_memo(props.file.clone(), |file| file.as_ref().map(crate::edit::to_value));
    let texts = use_memo(props.cell_texts.clone(), |texts| Rc::new(texts.clone()));
    let errors = use_memo(props.cell_errors.clone(), |errors| Rc::new(errors.clone()));
    let Some(root) = root.as_ref().clone().map(Rc::new) else { return html! {} };
    let on_focus = {
        let focused = focused.clone();
        Callback::from(move |path: String| focused.set(Some(path)))
    };
    let ctx = Ctx {
        lang,
        root,
        texts: (*texts).clone(),
        errors: (*errors).clone(),
        row_error: props.row_error.clone(),
        on_action: props.on_action.clone(),
        on_focus,
        paste_open,
    };
    let body = match *tab {
        "segments" => sections::segments(&ctx),
        "products" => sections::products(&ctx),
        "channels" => sections::channels(&ctx),
        "schedule" => sections::schedule(&ctx),
        "phases" => sections::phases(&ctx),
        "rewards" => sections::rewards(&ctx),
        "targets" => sections::targets(&ctx),
        "last_year" => sections::last_year(&ctx),
        "assessment" => sections::assessment(&ctx),
        "behaviour" => sections::behaviour(&ctx),
        _ => sections::township(&ctx),
    };
    let hint =
        focused.as_ref().filter(|path| crate::edit::get(&ctx.root, path).is_some() || path.starts_with("behaviour"));
    let hint_lines: Vec<String> = hint
        .map(|path| {
            let spec = crate::edit::spec(path);
            if matches!(spec.kind, Kind::Param | Kind::OptParam | Kind::ParamBound | Kind::ParamSource) {
                table::param_hint(&ctx, path).lines().map(str::to_string).collect()
            } else {
                let unit = words::editor_unit(lang, spec.key);
                let allowed = words::allowed_range(lang, spec.min, spec.max, spec.kind == Kind::Int);
                [(Text::HintUnit, unit.to_string()), (Text::HintAllowed, allowed)]
                    .into_iter()
                    .filter(|(_, value)| !value.is_empty())
                    .map(|(key, value)| words::field_error(lang, words::text(lang, key), &value))
                    .collect()
            }
        })
        .unwrap_or_default();
    let hint_title = hint.map(|path| words::editor_field(lang, crate::edit::spec(path).key));
    // Arrow keys move between tabs, as in every tab list.
    let on_key = {
        let tab = tab.clone();
        Callback::from(move |event: KeyboardEvent| {
            let current = TABS.iter().position(|(key, _)| *key == *tab).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" => (current + 1) % TABS.len(),
                "ArrowLeft" => (current + TABS.len() - 1) % TABS.len(),
                _ => return,
            };
            event.prevent_default();
            tab.set(TABS[next].0);
            let id = format!("editor-tab-{}", TABS[next].0);
            if let Some(button) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id(&id))
                .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
            {
                let _ = button.focus();
            }
        })
    };
    html! {
        <details class="card editor" data-testid="editor" open=true>
            <summary class="card-title editor-summary">
                <span class="editor-heading">{ words::text(lang, Text::EditorHeading) }</span>
                <span class="hint">{ words::text(lang, Text::EditorHelp) }</span>
            </summary>
            <div class="editor-tabs" role="tablist" aria-label={words::text(lang, Text::EditorHeading)} onkeydown={on_key}>
                { for TABS.iter().map(|(key, title)| {
                    let selected = *tab == *key;
                    let n_errors = props.cell_errors.keys().filter(|path| belongs(key, path)).count();
                    let onclick = {
                        let tab = tab.clone();
                        let key = *key;
                        Callback::from(move |_: MouseEvent| tab.set(key))
                    };
                    html! {
                        <button type="button" role="tab" id={format!("editor-tab-{key}")} data-testid={format!("editor-tab-{key}")}
                            class={classes!("editor-tab", selected.then_some("selected"))}
                            aria-selected={if selected { "true" } else { "false" }} aria-controls="editor-panel"
                            tabindex={if selected { "0" } else { "-1" }} {onclick}>
                            { words::text(lang, *title) }
                            if n_errors > 0 { <span class="tab-errors">{ n_errors }</span> }
                        </button>
                    }
                }) }
            </div>
            <div class="editor-body">
                <div class="editor-panel" id="editor-panel" role="tabpanel" aria-labelledby={format!("editor-tab-{}", *tab)}
                    data-testid={format!("editor-panel-{}", *tab)}>
                    { body }
                </div>
                <aside class="param-hint" data-testid="param-hint" aria-live="polite">
                    <p class="param-hint-heading">{ words::text(lang, Text::HintHeading) }</p>
                    if let Some(title) = hint_title {
                        <p class="param-hint-name">{ title }</p>
                        <ul>{ for hint_lines.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    } else {
                        <p class="hint">{ words::text(lang, Text::HintEmpty) }</p>
                    }
                </aside>
            </div>
        </details>
    }
}
