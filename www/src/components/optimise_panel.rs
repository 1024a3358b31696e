//! The optimise panel: objective, budget and bounds; a run in a Web Worker with progress and cancel; the
//! suggested plan as a diff against the current one with marginal returns and a plain-language summary;
//! "apply" (one undo step); the frontier and tornado charts.

use super::chart_canvas::{ChartCanvas, ChartData};
use super::{Shared, UpdateClock};
use crate::charts::{self, objective_axis};
use crate::format;
use crate::planning::{self, ObjectiveChoice, Phase, PlanAction, PlanAnswer, PlanRequest, PlanState, Running};
use crate::runner::PlanRunner;
use crate::state::{Action, Computed};
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`OptimisePanel`].
#[derive(Properties, PartialEq)]
pub struct OptimisePanelProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The current plan's result, when the plan is valid.
    pub result: Option<Shared<Computed>>,
    /// The current plan's compact JSON and fingerprint, when the plan is valid.
    pub plan: Option<(AttrValue, AttrValue)>,
    /// Applies a suggested plan.
    pub on_action: Callback<Action>,
}

/// The raw text of the panel's number boxes.
#[derive(Clone, Debug, PartialEq)]
struct Form {
    budget: String,
    probability: String,
    low: String,
    high: String,
}

impl Default for Form {
    fn default() -> Form {
        Form { budget: String::new(), probability: String::new(), low: "0.5".into(), high: "2".into() }
    }
}

fn objective_text(choice: ObjectiveChoice) -> Text {
    match choice {
        ObjectiveChoice::CasesAverted => Text::ObjectiveCasesAverted,
        ObjectiveChoice::LossAverted => Text::ObjectiveLossAverted,
        ObjectiveChoice::TargetValue => Text::ObjectiveTargetValue,
        ObjectiveChoice::TargetProbability => Text::ObjectiveTargetProbability,
        ObjectiveChoice::MinCost => Text::ObjectiveMinCost,
    }
}

/// The request the form describes, or the messages of the boxes that cannot be read.
fn read_form(lang: Lang, base: &PlanRequest, form: &Form) -> Result<PlanRequest, Vec<String>> {
    let mut errors = Vec::new();
    let mut number = |text: &str, label: Text, min: f64, max: f64| -> Option<f64> {
        if text.trim().is_empty() {
            return None;
        }
        match format::parse_number(text).filter(|value| (min..=max).contains(value)) {
            Some(value) => Some(value),
            None => {
                let reason = words::not_in_range(lang, text, &format::input_number(min), &format::input_number(max));
                errors.push(words::field_error(lang, words::text(lang, label), &reason));
                None
            }
        }
    };
    let budget_yuan = number(&form.budget, Text::OptimiseBudgetLabel, 0.0, 1e9);
    let probability =
        number(&form.probability, Text::ObjectiveProbabilityLabel, 1.0, 100.0).map(|percent| percent / 100.0);
    let low_factor = number(&form.low, Text::LowFactorLabel, 0.0, 10.0).unwrap_or(base.low_factor);
    let high_factor = number(&form.high, Text::HighFactorLabel, 0.0, 10.0).unwrap_or(base.high_factor);
    if high_factor < low_factor {
        let reason = words::not_in_range(lang, &form.high, &format::input_number(low_factor), "10");
        errors.push(words::field_error(lang, words::text(lang, Text::HighFactorLabel), &reason));
    }
    if errors.is_empty() {
        Ok(PlanRequest { budget_yuan, probability, low_factor, high_factor, ..base.clone() })
    } else {
        Err(errors)
    }
}

/// Where the run under way is: its phase, a bar (of frontier budgets, when known) and a detail.
fn progress_view(lang: Lang, running: &Running) -> Html {
    let phase = match running.phase {
        Phase::Optimise | Phase::Done => Text::PhaseOptimise,
        Phase::Tornado => Text::PhaseTornado,
        Phase::Frontier => Text::PhaseFrontier,
    };
    let detail = match (running.phase, running.points, &running.progress) {
        (Phase::Frontier, Some((done, total)), _) => format!("{done} / {total}"),
        (_, _, Some(progress)) => words::optimise_progress(lang, progress.evaluations),
        _ => String::new(),
    };
    let (value, max) = match (running.phase, running.points) {
        (Phase::Frontier, Some((done, total))) => (done, total),
        _ => (0, 0),
    };
    html! {
        <div class="mc-progress" data-testid="optimise-progress">
            if max > 0 {
                <progress max={max.to_string()} value={value.to_string()} aria-label={words::text(lang, phase)} />
            } else {
                <progress aria-label={words::text(lang, phase)} />
            }
            <span>{ format!("{} {detail}", words::text(lang, phase)) }</span>
        </div>
    }
}

/// The frontier and tornado of `answer`, built once per answer and language, not per render.
#[hook]
fn use_answer_charts(answer: Option<Shared<PlanAnswer>>, lang: Lang) -> Rc<(Option<ChartData>, Option<ChartData>)> {
    use_memo((answer, lang), |(answer, lang)| match answer {
        Some(answer) => (
            answer.frontier.as_ref().map(|frontier| {
                ChartData::Frontier(Rc::new(charts::frontier_chart(*lang, frontier, Some(&answer.result))))
            }),
            (!answer.tornado.bars.is_empty())
                .then(|| ChartData::Tornado(Rc::new(charts::tornado_chart(*lang, &answer.tornado)))),
        ),
        None => (None, None),
    })
}

/// A selector's `change` handler: `edit` reads the chosen option's value into the request.
fn choose(request: &UseStateHandle<PlanRequest>, edit: fn(&mut PlanRequest, &str)) -> Callback<Event> {
    let request = request.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let mut next = (*request).clone();
        edit(&mut next, &select.value());
        request.set(next);
    })
}

/// The run button's handler (start the request on the plan, when both can be read) and the cancel button's.
fn run_handlers(
    plan_state: &UseReducerHandle<PlanState>,
    runner: &Rc<PlanRunner>,
    plan: Option<(AttrValue, AttrValue)>,
    read: Result<PlanRequest, Vec<String>>,
) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let on_run = {
        let (plan_state, runner) = (plan_state.clone(), runner.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some((json, fingerprint)), Ok(request)) = (&plan, &read) else { return };
            let id = plan_state.next_id();
            plan_state.dispatch(PlanAction::Start { request: request.clone(), fingerprint: fingerprint.to_string() });
            runner.request(id, Rc::from(json.as_str()), request);
        })
    };
    let on_cancel = {
        let (plan_state, runner) = (plan_state.clone(), runner.clone());
        Callback::from(move |_: MouseEvent| {
            runner.cancel();
            plan_state.dispatch(PlanAction::Cancel);
        })
    };
    (on_run, on_cancel)
}

/// The panel under the uncertainty panel.
#[function_component(OptimisePanel)]
pub fn optimise_panel(props: &OptimisePanelProps) -> Html {
    let lang = props.lang;
    let plan_state = use_reducer(PlanState::default);
    let request = use_state(PlanRequest::default);
    let form = use_state(Form::default);
    let runner = use_memo((), {
        let dispatcher = plan_state.dispatcher();
        move |_| PlanRunner::new(Callback::from(move |action: PlanAction| dispatcher.dispatch(action)))
    });
    let clock = use_memo((), |_| UpdateClock::default());
    let read = read_form(lang, &request, &form);

    let set_form = |edit: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*form).clone();
            edit(&mut next, input.value());
            form.set(next);
        })
    };
    let on_objective = choose(&request, |request, code| {
        if let Some(objective) = ObjectiveChoice::from_code(code) {
            request.objective = objective;
        }
    });
    let on_target = choose(&request, |request, code| {
        if let Ok(target) = code.parse::<usize>() {
            request.target = target;
        }
    });
    let on_check = |edit: fn(&mut PlanRequest, bool)| {
        let request = request.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*request).clone();
            edit(&mut next, input.checked());
            request.set(next);
        })
    };
    let (on_run, on_cancel) = run_handlers(&plan_state, &runner, props.plan.clone(), read.clone());

    let targets: Vec<String> = props
        .result
        .as_ref()
        .map(|computed| computed.scenario.targets.iter().map(|t| t.name.clone()).collect())
        .unwrap_or_default();
    let needs_target = request.objective.needs_target();
    let running = plan_state.running.clone();
    let estimate = match (&props.result, &read) {
        (Some(computed), Ok(request)) => Some(planning::plan_estimate(&computed.scenario, request)),
        _ => None,
    };
    let fits = estimate.is_none_or(|estimate| estimate.fits);
    let can_run =
        props.plan.is_some() && read.is_ok() && running.is_none() && (!needs_target || !targets.is_empty()) && fits;
    let current_fingerprint = props.plan.as_ref().map(|(_, fingerprint)| fingerprint.to_string());

    let progress = running.as_ref().map(|running| progress_view(lang, running));

    let answer_charts = use_answer_charts(plan_state.answer.as_ref().map(|(answer, _)| Shared(answer.clone())), lang);
    let answer_html = match (&plan_state.answer, &props.result) {
        (Some((answer, fingerprint)), Some(_)) => {
            let outdated = current_fingerprint.as_deref() != Some(fingerprint.as_str());
            let (frontier, tornado) = (*answer_charts).clone();
            answer_view(lang, answer, outdated, &props.on_action, &clock, frontier, tornado)
        }
        _ => html! {},
    };

    html! {
        <section class="panel optimise" data-testid="optimise" aria-busy={running.is_some().to_string()}>
            <h2>{ words::text(lang, Text::OptimiseHeading) }</h2>
            <p class="hint">{ words::text(lang, Text::OptimiseIntro) }</p>
            <div class="optimise-form">
                <label>
                    <span>{ words::text(lang, Text::ObjectiveLabel) }</span>
                    <select data-testid="optimise-objective" onchange={on_objective}>
                        { for ObjectiveChoice::ALL.iter().map(|choice| html! {
                            <option value={choice.code()} selected={*choice == request.objective}>
                                { words::text(lang, objective_text(*choice)) }
                            </option>
                        }) }
                    </select>
                </label>
                <label hidden={!needs_target}>
                    <span>{ words::text(lang, Text::ObjectiveTargetLabel) }</span>
                    <select data-testid="optimise-target" onchange={on_target}>
                        { for targets.iter().enumerate().map(|(idx, name)| html! {
                            <option value={idx.to_string()} selected={idx == request.target}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label hidden={request.objective != ObjectiveChoice::MinCost}>
                    <span>{ words::text(lang, Text::ObjectiveProbabilityLabel) }</span>
                    <input type="text" inputmode="decimal" data-testid="optimise-probability" value={form.probability.clone()}
                        oninput={set_form(|form, text| form.probability = text)}
                        title={words::text(lang, Text::ObjectiveProbabilityHint)} />
                </label>
                <label>
                    <span>{ words::text(lang, Text::OptimiseBudgetLabel) }</span>
                    <input type="text" inputmode="decimal" data-testid="optimise-budget" value={form.budget.clone()}
                        placeholder={words::text(lang, Text::OptimiseBudgetHint)}
                        oninput={set_form(|form, text| form.budget = text)} />
                </label>
                <label>
                    <span>{ words::text(lang, Text::LowFactorLabel) }</span>
                    <input type="text" inputmode="decimal" class="factor" data-testid="optimise-low" value={form.low.clone()}
                        oninput={set_form(|form, text| form.low = text)} title={words::text(lang, Text::FactorHint)} />
                </label>
                <label>
                    <span>{ words::text(lang, Text::HighFactorLabel) }</span>
                    <input type="text" inputmode="decimal" class="factor" data-testid="optimise-high" value={form.high.clone()}
                        oninput={set_form(|form, text| form.high = text)} title={words::text(lang, Text::FactorHint)} />
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="optimise-rewards" checked={request.include_rewards}
                        onchange={on_check(|request, checked| request.include_rewards = checked)} />
                    <span>{ words::text(lang, Text::IncludeRewardsLabel) }</span>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="optimise-frontier" checked={request.with_frontier}
                        onchange={on_check(|request, checked| request.with_frontier = checked)} />
                    <span>{ words::text(lang, Text::WithFrontierLabel) }</span>
                </label>
                <button type="button" class="button primary" data-testid="optimise-run" disabled={!can_run} onclick={on_run}>
                    { words::text(lang, Text::RunOptimise) }
                </button>
                if let Some(estimate) = &estimate {
                    <span class="hint" data-testid="optimise-estimate">{ planning::estimate_text(lang, estimate) }</span>
                }
                if running.is_some() {
                    <button type="button" class="button" data-testid="optimise-cancel" onclick={on_cancel}>
                        { words::text(lang, Text::CancelOptimise) }
                    </button>
                }
            </div>
            { refusals(lang, fits, read.as_ref().err().map(Vec::as_slice)) }
            { for progress }
            if let Some(message) = &plan_state.failure {
                <p class="error-box" role="alert" data-testid="optimise-failed">
                    { format!("{} {message}", words::text(lang, Text::OptimiseFailed)) }
                </p>
            }
            { answer_html }
        </section>
    }
}

/// Why the run cannot start: a job over the browser's work budget, and the settings that cannot be read.
fn refusals(lang: Lang, fits: bool, errors: Option<&[String]>) -> Html {
    html! {
        <>
            if !fits {
                <p class="field-errors" role="alert" data-testid="optimise-too-long">
                    { words::text(lang, Text::OptimiseTooLong) }
                </p>
            }
            if let Some(errors) = errors {
                <ul class="field-errors" role="alert" data-testid="optimise-errors">
                    { for errors.iter().map(|error| html! { <li>{ error.clone() }</li> }) }
                </ul>
            }
        </>
    }
}

fn answer_view(
    lang: Lang,
    answer: &Rc<PlanAnswer>,
    outdated: bool,
    on_action: &Callback<Action>,
    clock: &UpdateClock,
    frontier: Option<ChartData>,
    tornado: Option<ChartData>,
) -> Html {
    let result = &answer.result;
    let (axis_title, scale) = objective_axis(lang, &result.objective);
    let objective = |value: f64| format::decimal(value * scale, 2);
    let on_apply = {
        let on_action = on_action.clone();
        let applied = answer.applied.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ApplyPlan(Box::new(applied.clone()))))
    };
    let changed: Vec<_> = result
        .variables
        .iter()
        .enumerate()
        .filter(|(idx, variable)| variable.suggested != variable.variable.draft || result.best_next == Some(*idx))
        .collect();
    html! {
        <div class={classes!("optimise-answer", outdated.then_some("stale"))} data-testid="optimise-answer">
            if outdated {
                <p class="mc-outdated" data-testid="optimise-outdated">{ words::text(lang, Text::OptimiseOutdated) }</p>
            }
            <p class="optimise-summary" data-testid="optimise-summary">{ result.summary(lang).to_string() }</p>
            <div class="optimise-figures">
                <table class="compare-table" data-testid="optimise-figures">
                    <thead><tr>
                        <th scope="col">{ words::text(lang, Text::ColumnItem) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnDraft) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnSuggested) }</th>
                    </tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ axis_title.clone() }</th>
                            <td class="num">{ objective(result.draft.objective) }</td>
                            <td class="num">{ objective(result.suggested.objective) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ words::text(lang, Text::RowCost) }</th>
                            <td class="num">{ format::yuan(lang, result.draft.cost_yuan) }</td>
                            <td class="num">{ format::yuan(lang, result.suggested.cost_yuan) }</td>
                        </tr>
                    </tbody>
                </table>
                <button type="button" class="button primary" data-testid="optimise-apply" disabled={outdated} onclick={on_apply}>
                    { words::text(lang, Text::ApplyPlan) }
                </button>
            </div>
            <h3>{ words::text(lang, Text::VariablesHeading) }</h3>
            <div class="table-scroll">
                <table class="compare-table" data-testid="optimise-variables">
                    <thead><tr>
                        <th scope="col">{ words::text(lang, Text::ColumnItem) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnUnit) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnDraft) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnSuggested) }</th>
                        <th scope="col">{ words::text(lang, Text::ColumnMarginal) }</th>
                    </tr></thead>
                    <tbody>
                        { for changed.into_iter().map(|(idx, variable)| html! {
                            <tr class={classes!((result.best_next == Some(idx)).then_some("best-next"))}>
                                <th scope="row">{ if lang == Lang::Zh { variable.variable.label.clone() } else { variable.variable.label_en.clone() } }</th>
                                <td>{ if lang == Lang::Zh { variable.variable.unit.clone() } else { variable.variable.unit_en.clone() } }</td>
                                <td class="num">{ format::input_number(variable.variable.draft) }</td>
                                <td class="num">{ format::input_number(variable.suggested) }</td>
                                <td class="num">{ variable.marginal_per_1000_yuan.map(|gain| format::decimal(gain * scale, 3)).unwrap_or_else(|| "—".to_string()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="mc-grid">
                if let Some(chart) = frontier {
                    <div class="mc-histogram">
                        <ChartCanvas test_id="chart-frontier" title={words::text(lang, Text::ChartFrontierTitle)}
                            alt={words::text(lang, Text::ChartFrontierAlt)} export_label={words::text(lang, Text::ExportPng)}
                            chart={chart} clock={clock.clone()} />
                    </div>
                }
                if let Some(chart) = tornado {
                    <div class="mc-histogram">
                        <ChartCanvas test_id="chart-tornado" title={words::text(lang, Text::ChartTornadoTitle)}
                            alt={words::text(lang, Text::ChartTornadoAlt)} export_label={words::text(lang, Text::ExportPng)}
                            chart={chart} clock={clock.clone()} />
                    </div>
                }
            </div>
        </div>
    }
}
