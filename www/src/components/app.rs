//! The whole page: header, the view tabs, controls column, error box, the KPI strip in every view, and the
//! view shown (results: charts and the village table; edit: the phase timeline and the scenario editor;
//! compare; uncertainty; optimise). Only the shown view's components render. The `App` component only wires: the hooks below own the state, the Monte Carlo runs,
//! autosave and the window's listeners; the children receive plain values and report [`Action`]s.

use super::chart_set::{charts_view, ChartSet};
use super::compare_panel::ComparePanel;
use super::controls_panel::{ControlsPanel, ControlsView};
use super::editor::ScenarioEditor;
use super::error_list::ErrorList;
use super::file_menu::{open_file, FileMenu};
use super::hooks::{use_listener, ListenOn};
use super::kpi_cards::KpiCards;
use super::optimise_panel::OptimisePanel;
use super::scenario_header::ScenarioHeader;
use super::timeline::Timeline;
use super::uncertainty_panel::UncertaintyPanel;
use super::view_tabs::ViewTabs;
use super::village_table::VillageTable;
use super::{Shared, UpdateClock};
use crate::compare::CompareState;
use crate::runner::Runner;
use crate::state::{Action, Field, Session, State};
use crate::storage;
use crate::uncertainty::{McAction, McState};
use crate::views::{self, View, ViewAction, ViewState};
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use yew::prelude::*;

/// The page's URL fragment (`#...`), if any.
fn location_fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok().filter(|hash| !hash.is_empty())
}

/// The share link's fragment in the address bar (`#scenario=...` or `#/edit?scenario=...`), as the link
/// reader takes it (`scenario=...`), if there is one.
fn scenario_fragment() -> Option<String> {
    location_fragment().and_then(|fragment| views::link_part(&fragment).map(str::to_string))
}

/// Removes a share link from the address bar without reloading or adding a history entry: `#scenario=...`
/// leaves no fragment, `#/edit?scenario=...` leaves the view's (`#/edit`).
fn clear_scenario_fragment() {
    let Some(window) = web_sys::window() else { return };
    if scenario_fragment().is_some() {
        let view = location_fragment().and_then(|fragment| View::from_fragment(&fragment));
        let path = window.location().pathname().unwrap_or_default() + &view.map(View::fragment).unwrap_or_default();
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

/// The state the page starts with: a share link in the address wins over the autosave; either wins over the
/// default plan.
fn first_state() -> State {
    let lang = storage::load_lang().unwrap_or(Lang::Zh);
    let start = match storage::load_session() {
        Some(session) => {
            // The plan this visit starts with is kept as a snapshot before any edit overwrites it.
            storage::keep_snapshot(&session.scenario_json);
            State::restore(lang, &session)
        }
        None => State::new(lang),
    };
    match scenario_fragment() {
        Some(fragment) => (*Rc::new(start).reduce(Action::OpenLink { fragment })).clone(),
        None => start,
    }
}

/// The address bar: the view it names (back and forward move between views), and share links: once read,
/// the link leaves the address bar (a reload then shows the autosaved plan, with later edits), and a link
/// pasted into this tab later is opened too.
#[hook]
fn use_address(on_action: Callback<Action>, on_view: Callback<ViewAction>) {
    use_effect_with((), |_| clear_scenario_fragment());
    use_listener(ListenOn::Window, "hashchange", move |_: web_sys::Event| {
        if let Some(fragment) = location_fragment() {
            on_view.emit(ViewAction::Fragment(fragment));
        }
        if let Some(fragment) = scenario_fragment() {
            on_action.emit(Action::OpenLink { fragment });
            clear_scenario_fragment();
        }
    });
}

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, wherever the focus is (⌘ on a Mac).
#[hook]
fn use_undo_keys(on_action: Callback<Action>) {
    use_listener(ListenOn::Document, "keydown", move |event: KeyboardEvent| {
        if let Some(action) = shortcut(&event) {
            event.prevent_default();
            on_action.emit(action);
        }
    });
}

/// True once another tab of the app saved a different plan, so the two do not overwrite each other silently.
#[hook]
fn use_other_tab() -> bool {
    let other_tab = use_state(|| false);
    let setter = other_tab.setter();
    use_listener(ListenOn::Window, "storage", move |event: web_sys::StorageEvent| {
        let ours = storage::last_saved_json();
        if event.key().as_deref() == Some(storage::scenario_key()) && event.new_value() != ours {
            setter.set(true);
        }
    });
    *other_tab
}

/// Monte Carlo: a batch of runs for every valid plan (`valid_json` with its fingerprint), in a Web Worker; the
/// reducer says which runs are wanted, under way and shown.
#[hook]
fn use_monte_carlo(
    valid_json: Option<AttrValue>,
    fingerprint: AttrValue,
) -> (UseReducerHandle<McState>, Callback<McAction>) {
    let mc = use_reducer(|| McState::new(storage::load_runs().unwrap_or(crate::uncertainty::DEFAULT_RUNS)));
    let on_mc = {
        let dispatcher = mc.dispatcher();
        Callback::from(move |action: McAction| dispatcher.dispatch(action))
    };
    let runner = use_memo((), {
        let on_mc = on_mc.clone();
        move |_| Runner::new(on_mc)
    });
    let job = mc.job.as_ref().map(|job| (job.id, job.scenario_json.clone(), job.key.n_runs));
    use_effect_with(job.as_ref().map(|(id, _, _)| *id), move |_| {
        if let Some((id, scenario_json, n_runs)) = job {
            runner.request(id, scenario_json, n_runs);
        }
    });
    use_effect_with(mc.n_runs, |n_runs| storage::save_runs(*n_runs));
    // Every valid plan asks for its runs (the reducer answers from its cache when it can).
    let want = on_mc.clone();
    use_effect_with((valid_json, fingerprint), move |(json, fingerprint)| {
        if let Some(json) = json {
            want.emit(McAction::Want { fingerprint: fingerprint.to_string(), scenario_json: Rc::from(json.as_str()) });
        }
    });
    (mc, on_mc)
}

/// Autosave: the scenario after every change of the file, and the language when it changes. Returns the last
/// refusal (blocked or full storage), shown as a banner with a backup download; it is never an error of the app.
#[hook]
fn use_autosave(
    json: Option<AttrValue>,
    template_idx: usize,
    opened_file: Option<String>,
    lang: Lang,
) -> Option<storage::StorageError> {
    let problem = use_state(|| None::<storage::StorageError>);
    {
        let problem = problem.clone();
        use_effect_with((json, template_idx, opened_file), move |(json, template_idx, opened_file)| {
            if let Some(json) = json {
                let session = Session {
                    scenario_json: json.to_string(),
                    template_idx: *template_idx,
                    opened_file: opened_file.clone(),
                };
                let refusal = storage::save_session(&session).err();
                if *problem != refusal {
                    problem.set(refusal);
                }
            }
        });
    }
    use_effect_with(lang, |lang| storage::save_lang(*lang));
    // The document's language follows the app's, for screen readers and fonts.
    use_effect_with(lang, |lang| {
        let code = if *lang == Lang::Zh { "zh-CN" } else { "en" };
        if let Some(root) =
            web_sys::window().and_then(|window| window.document()).and_then(|doc| doc.document_element())
        {
            root.set_attribute("lang", code).ok();
        }
    });
    *problem
}

/// The banners above the results: a refused file, storage refusing the autosave, another tab's save, and what
/// the reader noted about the opened file.
fn notices(
    state: &State,
    storage_problem: Option<storage::StorageError>,
    other_tab: bool,
    on_backup: &Callback<MouseEvent>,
) -> Html {
    let lang = state.lang;
    html! {
        <>
        if let Some((heading, messages)) = state.refused_file_notice() {
            <div class="error-box file-error" data-testid="file-error" role="alert">
                <p class="error-heading">{ heading }</p>
                <ul>{ for messages.iter().map(|message| html! { <li>{ message.clone() }</li> }) }</ul>
            </div>
        }
        if let Some(problem) = storage_problem {
            <div class="error-box storage-banner" data-testid="storage-banner" role="alert">
                <p class="error-heading">{ words::storage_refused(lang, problem == storage::StorageError::Unavailable) }</p>
                <button data-testid="storage-backup" onclick={on_backup.clone()}>{ words::download_backup(lang) }</button>
            </div>
        }
        if other_tab {
            <div class="error-box other-tab" data-testid="other-tab-notice" role="status">
                <p class="error-heading">{ words::other_tab_saved(lang) }</p>
                <button data-testid="other-tab-backup" onclick={on_backup.clone()}>{ words::download_backup(lang) }</button>
            </div>
        }
        if !state.file_warnings.is_empty() {
            <div class="error-box file-warnings" data-testid="file-warnings" role="status">
                <p class="error-heading">{ words::file_warnings_heading(lang) }</p>
                <ul>{ for state.file_warnings.iter().map(|warning| html! { <li>{ warning.message(lang) }</li> }) }</ul>
            </div>
        }
        </>
    }
}

/// The "download a backup" button's handler: the file as last saved, named after the plan.
fn backup_handler(state: &State, json: Option<AttrValue>) -> Callback<MouseEvent> {
    let stem = format!("{}-backup", state.file.as_ref().map_or("wuzha", |f| f.name.as_str()));
    let name = super::file_menu::file_name(&stem, "json");
    Callback::from(move |_: MouseEvent| {
        if let Some(file) = json.as_ref().and_then(|json| wuzha::format::json::parse_json(json).ok()) {
            let _ = super::file_menu::download(
                &wuzha::format::json::to_json(&file),
                "application/json;charset=utf-8",
                &name,
            );
        }
    })
}

/// Dropping a file anywhere on the page opens it.
fn drop_handler(on_action: Callback<Action>) -> Callback<DragEvent> {
    Callback::from(move |event: DragEvent| {
        event.prevent_default();
        if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
            open_file(file, on_action.clone());
        }
    })
}

/// The app. It owns the state; every child receives plain values and reports edits as [`Action`]s.
#[function_component(App)]
pub fn app() -> Html {
    let root = use_node_ref();
    // Created before the reducer so that the first measurement includes the first simulation.
    let clock = (*use_memo((), |_| UpdateClock::new(root.clone()))).clone();
    let state = use_reducer(first_state);
    let lang = state.lang;
    let on_action = {
        let (state, clock) = (state.clone(), clock.clone());
        Callback::from(move |action: Action| {
            clock.start();
            state.dispatch(action);
        })
    };
    let view_state = use_reducer(|| ViewState::from_fragment(&location_fragment().unwrap_or_default()));
    let view = view_state.view;
    let on_view_action = {
        let dispatcher = view_state.dispatcher();
        Callback::from(move |action: ViewAction| dispatcher.dispatch(action))
    };
    use_address(on_action.clone(), on_view_action.clone());
    let on_view = Callback::from(move |view: View| {
        on_view_action.emit(ViewAction::Show(view));
        // A new history entry, so that back returns to the view before.
        if let Some(window) = web_sys::window() {
            if location_fragment() != Some(view.fragment()) {
                let _ = window.location().set_hash(&view.fragment());
            }
        }
    });
    use_undo_keys(on_action.clone());
    let other_tab = use_other_tab();
    // The file in compact JSON (autosave, and the save button), its fingerprint and a shared copy (to pin it as
    // an option): made once per edit of the file, not per render.
    let saved = use_memo(state.file.clone(), |file| {
        file.as_ref().map(|file| {
            let json = wuzha::format::json::to_compact_json(file);
            let fingerprint = wuzha::format::fingerprint::fingerprint_of_compact_json(&json);
            (AttrValue::from(json), AttrValue::from(fingerprint), Shared(Rc::new(file.clone())))
        })
    });
    let (json, fingerprint) = match saved.as_ref() {
        Some((json, fingerprint, _)) => (Some(json.clone()), fingerprint.clone()),
        None => (None, AttrValue::default()),
    };
    let valid = state.file_is_valid();
    let valid_file = saved.as_ref().as_ref().map(|(_, _, file)| file.clone()).filter(|_| valid);
    let valid_json = json.clone().filter(|_| valid);
    let (mc, on_mc) = use_monte_carlo(valid_json.clone(), fingerprint.clone());
    let runs = mc.current().cloned().map(Shared);
    let storage_problem = use_autosave(json.clone(), state.template_idx, state.opened_file.clone(), lang);
    // Options pinned for comparison, outside the undo history.
    let compare = use_reducer(CompareState::default);
    let result = state.result.clone().map(Shared);
    // The charts' data is made only while the results view shows them: an edit in another view draws nothing.
    let charts_shown = view == View::Results;
    let chart_set = use_memo(
        (result.clone(), runs.clone(), lang, compare.options.clone(), charts_shown),
        |(result, runs, lang, options, shown)| {
            result.as_ref().filter(|_| *shown).map(|computed| ChartSet::new(*lang, computed, runs.as_deref(), options))
        },
    );
    let on_backup = backup_handler(&state, json.clone());
    let stale = state.is_stale() && result.is_some();
    let scenario_name = state.file.as_ref().map(|file| file.name.clone()).unwrap_or_default();
    let township = state.file.as_ref().map(|file| file.township.name.clone()).unwrap_or_default();
    let seed_error = state.errors.iter().find(|error| error.field == Some(Field::Seed));
    let seed_error = seed_error.map(|error| AttrValue::from(error.message.clone()));
    let valid_result = result.clone().filter(|_| valid);
    html! {
        <div class="app" data-testid="app" ref={clock.root()} ondragover={Callback::from(|event: DragEvent| event.prevent_default())}
            ondrop={drop_handler(on_action.clone())}>
            <ScenarioHeader {lang} name={scenario_name.clone()} {township} labels={state.template_labels.clone()}
                selected={state.template_idx} opened_file={state.opened_file.clone().map(AttrValue::from)}
                on_action={on_action.clone()} />
            <FileMenu {lang} json={json.clone()} file_stem={scenario_name} fingerprint={fingerprint.clone()} can_undo={state.can_undo()}
                can_redo={state.can_redo()} restored={state.restored} result={result.clone()} on_action={on_action.clone()} />
            { notices(&state, storage_problem, other_tab, &on_backup) }
            <ViewTabs {lang} {view} on_view={on_view} />
            <div class={classes!("layout", (view == View::Edit).then_some("layout-wide"))}>
                if view != View::Edit {
                    <ControlsPanel {lang} view={ControlsView::of(&state)} on_action={on_action.clone()} />
                }
                <main class={classes!("results", stale.then_some("stale"))}>
                    <ErrorList {lang} errors={state.errors.clone()} has_result={result.is_some()} />
                    if stale {
                        <p class="stale-ribbon" data-testid="stale-notice">{ words::text(lang, Text::StaleRibbon) }</p>
                    }
                    <div class="kpi-strip" aria-live="polite">
                        <KpiCards {lang} result={result.clone()} selected_target={state.selected_target} runs={runs.clone()} />
                    </div>
                    <div class={classes!("view", format!("view-{}", view.slug()))} id={format!("view-{}", view.slug())}
                        role="tabpanel" data-testid={format!("view-{}", view.slug())}>
                    { match view {
                        View::Results => html! {
                            <>
                            { charts_view(lang, chart_set.as_ref().as_ref(), &clock) }
                            if let Some(result) = result.clone() {
                                <VillageTable {lang} {result} selected_target={state.selected_target} />
                            }
                            </>
                        },
                        View::Edit => html! {
                            <div class="editing">
                                <Timeline {lang} file={state.file.clone()} cell_texts={state.cell_texts.clone()}
                                    cell_errors={state.cell_errors.clone()} on_action={on_action.clone()} />
                                <ScenarioEditor {lang} file={state.file.clone()} cell_texts={state.cell_texts.clone()}
                                    cell_errors={state.cell_errors.clone()} row_error={state.row_error.clone()} on_action={on_action.clone()} />
                            </div>
                        },
                        View::Compare => html! {
                            <ComparePanel {lang} compare={compare.clone()} file={valid_file} result={valid_result.clone()} on_action={on_action.clone()} />
                        },
                        View::Uncertainty => html! {
                            <UncertaintyPanel {lang} mc={mc.clone()} result={result.clone()}
                                seed_text={AttrValue::from(state.inputs.get(Field::Seed).to_string())} {seed_error}
                                on_action={on_action.clone()} on_mc={on_mc.clone()} />
                        },
                        View::Optimise => html! {
                            <OptimisePanel {lang} result={valid_result} plan={valid_json.map(|json| (json, fingerprint.clone()))}
                                on_action={on_action.clone()} />
                        },
                    } }
                    </div>
                </main>
            </div>
        </div>
    }
}
