//! The whole page: header, controls column, error box, KPI cards, the three charts, the phase timeline and the
//! scenario editor.

use super::chart_canvas::{ChartCanvas, ChartData};
use super::compare_panel::ComparePanel;
use super::controls_panel::{ControlsPanel, ControlsView};
use super::editor::ScenarioEditor;
use super::error_list::ErrorList;
use super::file_menu::{open_file, FileMenu};
use super::kpi_cards::KpiCards;
use super::optimise_panel::OptimisePanel;
use super::scenario_header::ScenarioHeader;
use super::timeline::Timeline;
use super::uncertainty_panel::UncertaintyPanel;
use super::village_table::VillageTable;
use super::{Shared, UpdateClock};
use crate::charts::{self, OPTION_COLORS};
use crate::compare::{CompareState, PinnedOption};
use crate::runner::Runner;
use crate::state::{Action, Computed, Field, Session, State};
use crate::storage;
use crate::uncertainty::{Finished, McAction, McState};
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The chart data of one result, built once per result.
struct ChartSet {
    adoption: ChartData,
    cost: ChartData,
    cases: ChartData,
    segments: ChartData,
    reach: ChartData,
    channel_cost: ChartData,
    phase_cost: ChartData,
    loss: ChartData,
}

impl ChartSet {
    /// The charts of `computed`, with the P10-P90 bands of `runs` (runs of the same plan) if given, and the
    /// pinned `options` drawn over them.
    fn new(lang: Lang, computed: &Computed, runs: Option<&Finished>, options: &[Rc<PinnedOption>]) -> ChartSet {
        let mut adoption = charts::adoption_chart(lang, computed);
        let mut cost = charts::cost_chart(lang, computed);
        let mut cases = charts::cases_chart(lang, computed);
        let mut segments = charts::segment_chart(lang, computed);
        let mut reach = charts::reach_chart(lang, computed);
        let mut loss = charts::loss_chart(lang, computed);
        let mut channel_cost = charts::channel_cost_chart(lang, computed);
        let mut phase_cost = charts::phase_cost_chart(lang, computed);
        for option in options {
            let label = words::option_name(lang, option.letter);
            let slot = crate::compare::LETTERS.iter().position(|letter| *letter == option.letter).unwrap_or(0);
            let color = OPTION_COLORS[slot % OPTION_COLORS.len()];
            let other = option.result.as_ref();
            adoption.add_overlay(&label, color, &charts::adoption_chart(lang, other));
            segments.add_overlay(&label, color, &charts::segment_chart(lang, other));
            reach.add_overlay(&label, color, &charts::reach_chart(lang, other));
            cost.add_overlay(&label, color, &other.outcome);
            channel_cost.add_overlay(&label, color, &other.outcome);
            let monthly = &other.outcome.monthly;
            cases.add_overlay(&label, color, &monthly.iter().map(|row| row.cases_reported).collect::<Vec<_>>());
            loss.add_overlay(&label, color, &monthly.iter().map(|row| row.loss_yuan).collect::<Vec<_>>());
            let phase_totals: Vec<(String, f64)> = other
                .scenario
                .phases
                .iter()
                .zip(&other.outcome.costs.by_phase)
                .map(|(phase, cost)| (phase.name.clone(), cost.total_yuan))
                .collect();
            phase_cost.add_overlay(&label, color, &phase_totals);
        }
        let (adoption, cost, cases, segments, reach, loss) = match runs {
            Some(runs) => (
                adoption.with_bands(lang, &runs.summary),
                cost.with_bands(lang, &runs.summary),
                cases.with_bands(lang, &runs.summary),
                segments.with_segment_bands(lang, computed, &runs.summary),
                reach.with_reach_bands(lang, &runs.summary),
                loss.with_loss_bands(lang, &runs.summary),
            ),
            None => (adoption, cost, cases, segments, reach, loss),
        };
        ChartSet {
            adoption: ChartData::Adoption(Rc::new(adoption)),
            cost: ChartData::Cost(Rc::new(cost)),
            cases: ChartData::Cases(Rc::new(cases)),
            segments: ChartData::Adoption(Rc::new(segments)),
            reach: ChartData::Adoption(Rc::new(reach)),
            channel_cost: ChartData::StackedCost(Rc::new(channel_cost)),
            phase_cost: ChartData::PhaseCost(Rc::new(phase_cost)),
            loss: ChartData::Cases(Rc::new(loss)),
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
            Some(session) => {
                // The plan this visit starts with is kept as a snapshot before any edit overwrites it.
                storage::keep_snapshot(&session.scenario_json);
                State::restore(lang, &session)
            }
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

    // Monte Carlo: a batch of runs for every valid plan, in a Web Worker; the reducer says which runs are
    // wanted, under way and shown.
    let mc = use_reducer(|| McState::new(storage::load_runs().unwrap_or(crate::uncertainty::DEFAULT_RUNS)));
    let on_mc = {
        let dispatcher = mc.dispatcher();
        Callback::from(move |action: McAction| dispatcher.dispatch(action))
    };
    let runner = use_memo((), {
        let on_mc = on_mc.clone();
        move |_| Runner::new(on_mc)
    });
    {
        let runner = runner.clone();
        let job = mc.job.as_ref().map(|job| (job.id, job.scenario_json.clone(), job.key.n_runs));
        use_effect_with(job.as_ref().map(|(id, _, _)| *id), move |_| {
            if let Some((id, scenario_json, n_runs)) = job {
                runner.request(id, scenario_json, n_runs);
            }
        });
    }
    use_effect_with(mc.n_runs, |n_runs| storage::save_runs(*n_runs));
    let runs = mc.current().cloned().map(Shared);

    // Options pinned for comparison, outside the undo history.
    let compare = use_reducer(CompareState::default);
    let result = state.result.clone().map(Shared);
    let options = compare.options.clone();
    let chart_set = use_memo((result.clone(), runs.clone(), lang, options), move |(result, runs, lang, options)| {
        result.as_ref().map(|computed| ChartSet::new(*lang, computed, runs.as_deref(), options))
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
    // The file in compact JSON (autosave, and the save button), its fingerprint and a shared copy (to pin it as
    // an option): made once per edit of the file, not per render.
    let saved = use_memo(state.file.clone(), |file| {
        file.as_ref().map(|file| {
            let json = wuzha::wire::to_compact_json(file);
            let fingerprint = wuzha::wire::fingerprint_of_compact_json(&json);
            (AttrValue::from(json), AttrValue::from(fingerprint), Shared(Rc::new(file.clone())))
        })
    });
    let (json, fingerprint) = match saved.as_ref() {
        Some((json, fingerprint, _)) => (Some(json.clone()), fingerprint.clone()),
        None => (None, AttrValue::default()),
    };
    let valid_file = saved.as_ref().as_ref().map(|(_, _, file)| file.clone()).filter(|_| state.file_is_valid());
    // Every valid plan asks for its runs (the reducer answers from its cache when it can).
    {
        let on_mc = on_mc.clone();
        let valid_json = json.clone().filter(|_| state.file_is_valid());
        use_effect_with((valid_json, fingerprint.clone()), move |(json, fingerprint)| {
            if let Some(json) = json {
                on_mc.emit(McAction::Want {
                    fingerprint: fingerprint.to_string(),
                    scenario_json: Rc::from(json.as_str()),
                });
            }
        });
    }
    // Autosave: the scenario after every change of the file, and the language when it changes. A refusal
    // (blocked or full storage) shows a banner with a backup download; it is never an error of the app.
    let storage_problem = use_state(|| None::<storage::StorageError>);
    {
        let storage_problem = storage_problem.clone();
        use_effect_with(
            (json.clone(), state.template_idx, state.opened_file.clone()),
            move |(json, template_idx, opened_file)| {
                if let Some(json) = json {
                    let session = Session {
                        scenario_json: json.to_string(),
                        template_idx: *template_idx,
                        opened_file: opened_file.clone(),
                    };
                    let problem = storage::save_session(&session).err();
                    if *storage_problem != problem {
                        storage_problem.set(problem);
                    }
                }
            },
        );
    }
    // Another tab of the app saving a different plan: say so, so the two do not overwrite each other silently.
    let other_tab = use_state(|| false);
    {
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                let ours = storage::last_saved_json();
                if event.key().as_deref() == Some(storage::scenario_key()) && event.new_value() != ours {
                    other_tab.set(true);
                }
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let on_backup = {
        let json = json.clone();
        let name = super::file_menu::file_name(
            &format!("{}-backup", state.file.as_ref().map_or("wuzha", |f| f.name.as_str())),
            "json",
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(file) = json.as_ref().and_then(|json| wuzha::wire::parse_json(json).ok()) {
                let _ =
                    super::file_menu::download(&wuzha::wire::to_json(&file), "application/json;charset=utf-8", &name);
            }
        })
    };
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
            <>
            <div class="charts">
                <ChartCanvas test_id="chart-adoption" title={words::text(lang, Text::ChartAdoptionTitle)}
                    alt={words::text(lang, Text::ChartAdoptionAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.adoption.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-cost" title={words::text(lang, Text::ChartCostTitle)}
                    alt={words::text(lang, Text::ChartCostAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.cost.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-cases" title={words::text(lang, Text::ChartCasesTitle)}
                    alt={words::text(lang, Text::ChartCasesAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.cases.clone()} clock={clock.clone()} />
            </div>
            <section class="more-charts" data-testid="more-charts" aria-label={words::text(lang, Text::MoreChartsHeading)}>
                <ChartCanvas test_id="chart-segments" title={words::text(lang, Text::ChartSegmentTitle)}
                    alt={words::text(lang, Text::ChartSegmentAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.segments.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-reach" title={words::text(lang, Text::ChartReachTitle)}
                    alt={words::text(lang, Text::ChartReachAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.reach.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-channel-cost" title={words::text(lang, Text::ChartChannelCostTitle)}
                    alt={words::text(lang, Text::ChartChannelCostAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.channel_cost.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-phase-cost" title={words::text(lang, Text::ChartPhaseCostTitle)}
                    alt={words::text(lang, Text::ChartPhaseCostAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.phase_cost.clone()} clock={clock.clone()} />
                <ChartCanvas test_id="chart-loss" title={words::text(lang, Text::ChartLossTitle)}
                    alt={words::text(lang, Text::ChartLossAlt)} export_label={words::text(lang, Text::ExportPng)} chart={set.loss.clone()} clock={clock.clone()} />
            </section>
            </>
        },
        None => html! { <p class="no-result">{ words::text(lang, Text::NoResult) }</p> },
    };

    html! {
        <div class="app" data-testid="app" ref={clock.root()} ondragover={on_drag_over} ondrop={on_drop}>
            <ScenarioHeader {lang} name={scenario_name.clone()} {township} labels={state.template_labels.clone()}
                selected={state.template_idx} opened_file={state.opened_file.clone().map(AttrValue::from)}
                on_action={on_action.clone()} />
            <FileMenu {lang} json={json.clone()} file_stem={scenario_name} fingerprint={fingerprint.clone()} can_undo={state.can_undo()}
                can_redo={state.can_redo()} restored={state.restored} result={result.clone()} on_action={on_action.clone()} />
            if let Some((heading, messages)) = refused {
                <div class="error-box file-error" data-testid="file-error" role="alert">
                    <p class="error-heading">{ heading }</p>
                    <ul>{ for messages.iter().map(|message| html! { <li>{ message.clone() }</li> }) }</ul>
                </div>
            }
            if let Some(problem) = *storage_problem {
                <div class="error-box storage-banner" data-testid="storage-banner" role="alert">
                    <p class="error-heading">{ words::storage_refused(lang, problem == storage::StorageError::Unavailable) }</p>
                    <button data-testid="storage-backup" onclick={on_backup.clone()}>{ words::download_backup(lang) }</button>
                </div>
            }
            if *other_tab {
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
            <div class="layout">
                <ControlsPanel {lang} view={ControlsView::of(&state)} on_action={on_action.clone()} />
                <main class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                    <ErrorList {lang} errors={state.errors.clone()} has_result={result.is_some()} />
                    if stale {
                        <p class="stale-ribbon" data-testid="stale-notice">{ words::text(lang, Text::StaleRibbon) }</p>
                    }
                    <KpiCards {lang} result={result.clone()} selected_target={state.selected_target} runs={runs.clone()} />
                    <ComparePanel {lang} compare={compare.clone()} file={valid_file}
                        result={result.clone().filter(|_| state.file_is_valid())} on_action={on_action.clone()} />
                    { charts_html }
                    <UncertaintyPanel {lang} mc={mc.clone()} result={result.clone()}
                        seed_text={AttrValue::from(state.inputs.get(Field::Seed).to_string())}
                        seed_error={state.errors.iter().find(|error| error.field == Some(Field::Seed))
                            .map(|error| AttrValue::from(error.message.clone()))}
                        on_action={on_action.clone()} on_mc={on_mc.clone()} />
                    <OptimisePanel {lang} result={result.clone().filter(|_| state.file_is_valid())}
                        plan={json.clone().filter(|_| state.file_is_valid()).map(|json| (json, fingerprint.clone()))}
                        on_action={on_action.clone()} />
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
