//! The charts of one result, built once per result, and the grid that shows them.

use super::chart_canvas::{ChartCanvas, ChartData};
use super::UpdateClock;
use crate::charts::{self, OPTION_COLORS};
use crate::compare::PinnedOption;
use crate::state::Computed;
use crate::uncertainty::Finished;
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use yew::prelude::*;

/// The chart data of one result, built once per result.
pub struct ChartSet {
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
    pub fn new(lang: Lang, computed: &Computed, runs: Option<&Finished>, options: &[Rc<PinnedOption>]) -> ChartSet {
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

/// The three main charts and the further ones, or a note when there is no valid result yet.
pub fn charts_view(lang: Lang, chart_set: Option<&ChartSet>, clock: &UpdateClock) -> Html {
    match chart_set {
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
    }
}
