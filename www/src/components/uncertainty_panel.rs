//! The uncertainty panel: number of runs and seed, a progress bar while runs are under way, each target's
//! chance as a badge and a sentence, what chance alone does, the score histogram and the P10/P50/P90 table.

use super::chart_canvas::{ChartCanvas, ChartData};
use super::{Shared, UpdateClock};
use crate::charts;
use crate::format;
use crate::state::{Action, Computed, Field};
use crate::uncertainty::{self, Finished, McAction, McState, Tone, RUN_CHOICES};
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`UncertaintyPanel`].
#[derive(Properties, PartialEq)]
pub struct UncertaintyPanelProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The Monte Carlo state (compared by pointer).
    pub mc: UseReducerHandle<McState>,
    /// The deterministic result of the current plan (for target names and the plan's score).
    pub result: Option<Shared<Computed>>,
    /// The text of the seed box.
    pub seed_text: AttrValue,
    /// Why the seed box's text cannot be used, if it cannot.
    #[prop_or_default]
    pub seed_error: Option<AttrValue>,
    /// Reports edits of the seed.
    pub on_action: Callback<Action>,
    /// Reports a new number of runs.
    pub on_mc: Callback<McAction>,
}

/// The panel under the charts.
#[function_component(UncertaintyPanel)]
pub fn uncertainty_panel(props: &UncertaintyPanelProps) -> Html {
    let lang = props.lang;
    let mc = &props.mc;
    let shown = mc.shown.clone().map(Shared);
    // The histogram redraws when runs finish, not in answer to an edit: it does not report to the edit clock.
    let clock = use_memo((), |_| UpdateClock::default());
    let plan_score = props.result.as_ref().map(|computed| computed.outcome.assessment.total);
    let histogram = use_memo((shown.clone(), lang, plan_score.map(f64::to_bits)), move |(shown, lang, _)| {
        shown
            .as_ref()
            .map(|finished| ChartData::Score(Rc::new(charts::score_histogram(*lang, &finished.summary, plan_score))))
    });

    let on_runs = {
        let on_mc = props.on_mc.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(n_runs) = select.value().parse::<usize>() {
                on_mc.emit(McAction::SetRuns(n_runs));
            }
        })
    };
    let on_seed_input = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(Action::control(Field::Seed, input.value(), false));
        })
    };
    let on_seed_change = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(Action::control(Field::Seed, input.value(), true));
        })
    };

    // The progress bar keeps its place in the page when hidden, so that showing it never moves (and so
    // never blurs) the seed box being typed into.
    let (n_done, n_total) = mc.job.as_ref().map_or((0, 0), |job| (job.n_done, job.key.n_runs));
    let progress = html! {
        <div class="mc-progress" data-testid={mc.job.is_some().then_some("mc-progress")} hidden={mc.job.is_none()}>
            <progress max={n_total.max(1).to_string()} value={n_done.to_string()}
                aria-label={words::text(lang, Text::ProgressLabel)} />
            <span>{ words::runs_progress(lang, n_done, n_total) }</span>
        </div>
    };
    let outdated = mc.is_outdated() && mc.job.is_some();
    let body = match (&shown, &props.result) {
        (Some(finished), Some(computed)) => results(lang, finished, computed, histogram.as_ref().clone(), &clock),
        _ if mc.failure.is_none() => html! {
            <p class="mc-waiting">{ words::text(lang, Text::UncertaintyWaiting) }</p>
        },
        _ => html! {},
    };

    html! {
        <section class="panel uncertainty" data-testid="uncertainty" aria-busy={mc.job.is_some().to_string()}
            data-runs-done={shown.as_ref().map(|finished| finished.summary.n_runs.to_string())}
            data-elapsed-ms={shown.as_ref().map(|finished| format!("{:.1}", finished.elapsed_ms))}
            data-sample-bytes={shown.as_ref().map(|finished| finished.summary.sample_bytes.to_string())}
            data-current={(mc.current().is_some()).to_string()}>
            <h2>{ words::text(lang, Text::UncertaintyHeading) }</h2>
            <p class="hint">{ words::text(lang, Text::UncertaintyIntro) }</p>
            <div class="mc-settings no-print">
                <label>
                    <span>{ words::text(lang, Text::RunsLabel) }</span>
                    <select data-testid="mc-runs" onchange={on_runs}>
                        { for RUN_CHOICES.iter().map(|n_runs| {
                            // Choices over the core's time budget for this plan are offered disabled, saying why.
                            let refusal = props.result.as_ref().and_then(|computed| {
                                let flag = words::text(lang, Text::RunsLabel);
                                wuzha::uncertainty::runs_refusal(&computed.scenario, *n_runs, flag, lang)
                            });
                            let too_long = refusal.is_some();
                            html! {
                                <option value={n_runs.to_string()} selected={*n_runs == mc.n_runs}
                                    disabled={too_long} title={refusal}>{ n_runs.to_string() }</option>
                            }
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ words::text(lang, Text::SeedLabel) }</span>
                    <input type="text" inputmode="numeric" class="seed" data-testid="mc-seed"
                        value={props.seed_text.clone()} oninput={on_seed_input} onchange={on_seed_change}
                        title={words::text(lang, Text::SeedHint)} aria-invalid={props.seed_error.is_some().to_string()}
                        aria-describedby="mc-seed-hint" />
                    <span class="hint" id="mc-seed-hint">{ words::text(lang, Text::SeedHint) }</span>
                </label>
                { progress }
            </div>
            if let Some(error) = &props.seed_error {
                <p class="field-error" role="alert" data-testid="mc-seed-error">{ error.clone() }</p>
            }
            if let Some(message) = &mc.failure {
                <p class="error-box" role="alert" data-testid="mc-failed">
                    { format!("{} {message}", words::text(lang, Text::UncertaintyFailed)) }
                </p>
            }
            if outdated {
                <p class="mc-outdated" data-testid="mc-outdated">{ words::text(lang, Text::UncertaintyOutdated) }</p>
            }
            <div class={classes!("mc-body", outdated.then_some("stale"))}>{ body }</div>
        </section>
    }
}

fn results(
    lang: Lang,
    finished: &Finished,
    computed: &Computed,
    histogram: Option<ChartData>,
    clock: &UpdateClock,
) -> Html {
    let summary = &finished.summary;
    let chances = uncertainty::target_chances(lang, &computed.scenario, summary);
    let seconds = format::decimal(finished.elapsed_ms / 1000.0, 1);
    let status = words::runs_done(lang, summary.n_runs, &seconds, summary.seed);
    let rows = uncertainty::distribution_rows(lang, summary);
    html! {
        <>
            <p class="mc-status" data-testid="mc-status">{ status }</p>
            <div class="mc-grid">
                <div class="mc-text">
                    <h3>{ words::text(lang, Text::TargetChancesHeading) }</h3>
                    <ul class="mc-targets">
                        { for chances.iter().map(|chance| html! {
                            <li data-testid={format!("mc-target-{}", chance.id)}>
                                <span class={classes!("chance-badge", Tone::class(chance.tone))} data-testid="mc-badge"
                                    title={words::text(lang, Text::ChanceBadgeLabel)}>{ chance.badge.clone() }</span>
                                <span class="mc-sentence">{ chance.sentence.clone() }</span>
                                if let Some(first_met) = &chance.first_met {
                                    <span class="mc-first-met">{ first_met.clone() }</span>
                                }
                            </li>
                        }) }
                    </ul>
                    <h3>{ words::text(lang, Text::ChanceAloneHeading) }</h3>
                    <div class="mc-chance-alone" data-testid="mc-chance-alone">
                        { for uncertainty::chance_alone(lang, summary).into_iter().map(|sentence| html! { <p>{ sentence }</p> }) }
                    </div>
                    <table class="mc-distributions" data-testid="mc-distributions">
                        <thead><tr>
                            <th scope="col">{ words::text(lang, Text::DistributionQuantity) }</th>
                            <th scope="col">{ "P10" }</th><th scope="col">{ "P50" }</th><th scope="col">{ "P90" }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.into_iter().map(|row| html! {
                                <tr>
                                    <th scope="row">{ row.name }</th>
                                    { for row.quantiles.into_iter().map(|value| html! { <td>{ value }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if let Some(histogram) = histogram {
                    <div class="mc-histogram">
                        <ChartCanvas test_id="chart-score" title={words::text(lang, Text::ChartScoreTitle)}
                            alt={words::text(lang, Text::ChartScoreAlt)} export_label={words::text(lang, Text::ExportPng)}
                            chart={histogram} clock={clock.clone()} />
                    </div>
                }
            </div>
        </>
    }
}
