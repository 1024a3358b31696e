//! The whole page: header, controls column, error box, KPI cards, the three charts, the phase timeline and the
//! scenario editor.

use super::chart_canvas::{ChartCanvas, ChartData};
use super::controls_panel::{ControlsPanel, ControlsView};
use super::editor::ScenarioEditor;
use super::error_list::ErrorList;
use super::file_menu::{open_file, FileMenu};
use super::kpi_cards::KpiCards;
use super::scenario_header::ScenarioHeader;
use super::timeline::Timeline;
use super::village_table::VillageTable;
use super::{Shared, UpdateClock};
use crate::charts;
use crate::i18n::{self, Lang, Text};
use crate::state::{Action, Computed, Session, State};
use crate::storage;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The chart data of one result, built once per result.
struct ChartSet {
    adoption: ChartData,
    cost: ChartData,
    cases: ChartData,
}

impl ChartSet {
    fn new(lang: Lang, computed: &Computed) -> ChartSet {
        ChartSet {
            adoption: ChartData::Adoption(Rc::new(charts::adoption_chart(lang, computed))),
            cost: ChartData::Cost(Rc::new(charts::cost_chart(lang, computed))),
            cases: ChartData::Cases(Rc::new(charts::cases_chart(lang, computed))),
        }
    }
}

/// The page's URL fragment (`#...`), if any.
fn location_fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok().filter(|hash| !hash.is_empty())
}

/// Removes a `#scenario=...` fragment from the address bar without reloading or adding a history entry.
fn clear_scenario_fragment() {
    let Some(window) = web_sys::window() else { return };
    if location_fragment().is_some_and(|fragment| fragment.contains(wuzha::link::FRAGMENT_KEY)) {
        let path = window.location().pathname().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// The undo or redo a key press asks for, if any.
fn shortcut(event: &KeyboardEvent) -> Option<Action> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return None;
    }
    match (event.key().to_lowercase().as_str(), event.shift_key()) {
        ("z", false) => Some(Action::Undo),
        ("y", _) | ("z", true) => Some(Action::Redo),
        _ => None,
    }
}

/// The app. It owns the state; every child receives plain values and reports edits as [`Action`]s.
#[function_component(App)]
pub fn app() -> Html {
    let root = use_node_ref();
    // Created before the reducer so that the first measurement includes the first simulation.
    let clock = (*use_memo((), |_| UpdateClock::new(root.clone()))).clone();
    // A share link in the address wins over the autosave; either wins over the default plan.
    let state = use_reducer(|| {
        let lang = storage::load_lang().unwrap_or(Lang::Zh);
        let start = match storage::load_session() {
            Some(session) => State::restore(lang, &session),
            None => State::new(lang),
        };
        match location_fragment() {
            Some(fragment) if fragment.contains(wuzha::link::FRAGMENT_KEY) => {
                (*Rc::new(start).reduce(Action::OpenLink { fragment })).clone()
            }
            _ => start,
        }
    });
    let lang = state.lang;

    let on_action = {
        let state = state.clone();
        let clock = clock.clone();
        Callback::from(move |action: Action| {
            clock.start();
            state.dispatch(action);
        })
    };
    // Once read, the link leaves the address bar (a reload then shows the autosaved plan, with later edits),
    // and a link pasted into this tab later is opened too.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            clear_scenario_fragment();
            let listener = Closure::<dyn Fn()>::new(move || {
                if let Some(fragment) = location_fragment().filter(|f| f.contains(wuzha::link::FRAGMENT_KEY)) {
                    on_action.emit(Action::OpenLink { fragment });
                    clear_scenario_fragment();
                }
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let result = state.result.clone().map(Shared);
    let chart_set = use_memo((result.clone(), lang), move |(result, lang)| {
        result.as_ref().map(|computed| ChartSet::new(*lang, computed))
    });
    // The document's language follows the app's, for screen readers and fonts.
    use_effect_with(lang, |lang| {
        let code = if *lang == Lang::Zh { "zh-CN" } else { "en" };
        if let Some(root) =
            web_sys::window().and_then(|window| window.document()).and_then(|doc| doc.document_element())
        {
            root.set_attribute("lang", code).ok();
        }
    });
    // The file in compact JSON (autosave, and the save button) and its fingerprint: serialised once per edit of
    // the file, not per render.
    let saved = use_memo(state.file.clone(), |file| {
        file.as_ref().map(|file| {
            let json = wuzha::wire::to_compact_json(file);
            let fingerprint = wuzha::wire::fingerprint_of_compact_json(&json);
            (AttrValue::from(json), AttrValue::from(fingerprint))
        })
    });
    let (json, fingerprint) = match saved.as_ref() {
        Some((json, fingerprint)) => (Some(json.clone()), fingerprint.clone()),
        None => (None, AttrValue::default()),
    };
    // Autosave: the scenario after every change of the file, and the language when it changes.
    use_effect_with(
        (json.clone(), state.template_idx, state.opened_file.clone()),
        |(json, template_idx, opened_file)| {
            if let Some(json) = json {
                let session = Session {
                    scenario_json: json.to_string(),
                    template_idx: *template_idx,
                    opened_file: opened_file.clone(),
                };
                storage::save_session(&session);
            }
        },
    );
    use_effect_with(lang, |lang| storage::save_lang(*lang));
    // Dropping a file anywhere on the page opens it.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let on_action = on_action.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
                open_file(file, on_action.clone());
            }
        })
    };
    let refused = state.refused_file_notice();
    // Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, wherever the focus is (⌘ on a Mac).
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                if let Some(action) = shortcut(&event) {
                    event.prevent_default();
                    on_action.emit(action);
                }
            });
            let document = web_sys::window().and_then(|window| window.document());
            if let Some(document) = &document {
                let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(document) = &document {
                    let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let stale = state.is_stale() && result.is_some();
    let scenario_name = state.file.as_ref().map(|file| file.name.clone()).unwrap_or_default();
    let township = state.file.as_ref().map(|file| file.township.name.clone()).unwrap_or_default();

    let charts_html = match chart_set.as_ref() {
        Some(set) => html! {
            <div class="charts">
                <ChartCanvas test_id="chart-adoption" title={i18n::text(lang, Text::ChartAdoptionTitle)}
                    alt={i18n::text(lang, Text::ChartAdoptionAlt)} export_label={i18n::text(lang, Text::ExportPng)} chart={set.adoption.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-cost" title={i18n::text(lang, Text::ChartCostTitle)}
                    alt={i18n::text(lang, Text::ChartCostAlt)} export_label={i18n::text(lang, Text::ExportPng)} chart={set.cost.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-cases" title={i18n::text(lang, Text::ChartCasesTitle)}
                    alt={i18n::text(lang, Text::ChartCasesAlt)} export_label={i18n::text(lang, Text::ExportPng)} chart={set.cases.clone()} clock={clock.clone()} />
            </div>
        },
        None => html! { <p class="no-result">{ i18n::text(lang, Text::NoResult) }</p> },
    };

    html! {
        <div class="app" data-testid="app" ref={clock.root()} ondragover={on_drag_over} ondrop={on_drop}>
            <ScenarioHeader {lang} name={scenario_name.clone()} {township} labels={state.template_labels.clone()}
                selected={state.template_idx} opened_file={state.opened_file.clone().map(AttrValue::from)}
                on_action={on_action.clone()} />
            <FileMenu {lang} {json} file_stem={scenario_name} {fingerprint} can_undo={state.can_undo()}
                can_redo={state.can_redo()} restored={state.restored} result={result.clone()} on_action={on_action.clone()} />
            if let Some((heading, messages)) = refused {
                <div class="error-box file-error" data-testid="file-error" role="alert">
                    <p class="error-heading">{ heading }</p>
                    <ul>{ for messages.iter().map(|message| html! { <li>{ message.clone() }</li> }) }</ul>
                </div>
            }
            <div class="layout">
                <ControlsPanel {lang} view={ControlsView::of(&state)} on_action={on_action.clone()} />
                <main class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                    <ErrorList {lang} errors={state.errors.clone()} has_result={result.is_some()} />
                    if stale {
                        <p class="stale-ribbon" data-testid="stale-notice">{ i18n::text(lang, Text::StaleRibbon) }</p>
                    }
                    <KpiCards {lang} result={result.clone()} selected_target={state.selected_target} />
                    { charts_html }
                    if let Some(result) = result.clone() {
                        <VillageTable {lang} {result} selected_target={state.selected_target} />
                    }
                </main>
            </div>
            <div class="editing">
                <Timeline {lang} file={state.file.clone()} cell_texts={state.cell_texts.clone()}
                    cell_errors={state.cell_errors.clone()} on_action={on_action.clone()} />
                <ScenarioEditor {lang} file={state.file.clone()} cell_texts={state.cell_texts.clone()}
                    cell_errors={state.cell_errors.clone()} row_error={state.row_error.clone()} on_action={on_action.clone()} />
            </div>
        </div>
    }
}
