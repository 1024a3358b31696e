//! Each target's outcome: its measure at the deadline, per village and per day, the date first met, and
//! whether it is met. Share targets come from the daily tracks; year-on-year targets from the case tables.

use crate::engine::assemble::checkpoints::relative_change;
use crate::engine::assemble::monthly::CumulativeSeries;
use crate::engine::cases::CaseTable;
use crate::engine::layout::{entry_villages, Layout};
use crate::engine::outcome::TargetOutcome;
use crate::engine::trajectory::{MonthAccumulator, TargetTrack, Trajectory};
use crate::model::{Metric, Scenario, Target};

/// The outcome of every target of the scenario, in file order.
pub(crate) fn targets(
    scenario: &Scenario,
    layout: &Layout,
    plan: &Trajectory,
    plan_cases: &CaseTable,
    series: &CumulativeSeries,
) -> Vec<TargetOutcome> {
    scenario
        .targets
        .iter()
        .zip(&plan.target_values)
        .map(|(target, track)| {
            let (value_at_deadline, by_village, first_met, daily) = match target.metric {
                Metric::YoyCases | Metric::YoyLoss => {
                    let (change, by_village, daily) = yoy_target(scenario, layout, plan, plan_cases, series, target);
                    (change, by_village, None, daily)
                }
                _ => share_target(track),
            };
            let met = match value_at_deadline {
                Some(value) => target.is_met_by(value),
                None => false,
            };
            TargetOutcome {
                id: target.id.clone(),
                metric: target.metric,
                threshold: target.threshold,
                deadline: target.deadline,
                value_at_deadline,
                first_met,
                met,
                by_village,
                daily,
            }
        })
        .collect()
}

/// The value at the deadline, per village, the date first met and the daily values of a share target.
#[allow(clippy::type_complexity)]
fn share_target(track: &TargetTrack) -> (Option<f64>, Vec<Option<f64>>, Option<crate::date::Date>, Vec<Option<f64>>) {
    (
        Some(track.value_at_deadline),
        track.by_village.iter().map(|value| Some(*value)).collect(),
        track.first_met,
        track.daily.iter().map(|value| Some(*value)).collect(),
    )
}

/// The change at the deadline, per village and per day of a year-on-year target.
#[allow(clippy::type_complexity)]
fn yoy_target(
    scenario: &Scenario,
    layout: &Layout,
    plan: &Trajectory,
    plan_cases: &CaseTable,
    series: &CumulativeSeries,
    target: &Target,
) -> (Option<f64>, Vec<Option<f64>>, Vec<Option<f64>>) {
    let n_days = scenario.n_days();
    let day_idx = target.deadline.days_since(scenario.start) as usize;
    let is_cases = target.metric == Metric::YoyCases;
    let (plan_cum, last_year_cum) = if is_cases {
        (&series.cases_reported, &series.last_year_cases)
    } else {
        (&series.loss, &series.last_year_loss)
    };
    let rows = if is_cases { &plan_cases.reported } else { &plan_cases.loss };
    // The change from the start to `day_idx` in a village (or the whole township) and the target's segment;
    // the township-wide figure comes straight from the daily series.
    let change_at = |day_idx: usize, village: Option<usize>| {
        if village.is_none() && target.segment.is_none() {
            return relative_change(plan_cum[day_idx], last_year_cum[day_idx]);
        }
        let scope = Scope { village, segment: target.segment, is_cases };
        let (plan_value, last_year_share) = scoped_change(scenario, layout, &plan.months, rows, scope, day_idx);
        relative_change(plan_value, last_year_cum[day_idx] * last_year_share)
    };
    let daily: Vec<Option<f64>> = (0..n_days).map(|day| change_at(day, target.village)).collect();
    let change = daily[day_idx];
    let by_village = (0..layout.n_villages).map(|village_idx| change_at(day_idx, Some(village_idx))).collect();
    (change, by_village, daily)
}

/// The cells a year-on-year change is taken over, and whether it counts cases (or loss).
#[derive(Clone, Copy)]
struct Scope {
    village: Option<usize>,
    segment: Option<usize>,
    is_cases: bool,
}

/// For the cells of a village and/or segment: the plan's cumulative value from the start to `day_idx`
/// (whole months, then the deadline's month prorated by days) and the scope's share of last year's figure.
fn scoped_change(
    scenario: &Scenario,
    layout: &Layout,
    months: &[MonthAccumulator],
    rows: &[Vec<f64>],
    scope: Scope,
    day_idx: usize,
) -> (f64, f64) {
    let Scope { village, segment, is_cases } = scope;
    let total_residents = scenario.total_residents();
    let loss_weight_total: f64 =
        scenario.segments.iter().map(|segment| segment.victim_share * segment.loss_per_case_yuan.value).sum();
    let mut plan_value = 0.0;
    let mut last_year_share = 0.0;
    for village_idx in entry_villages(village, layout.n_villages) {
        let village_share = scenario.villages[village_idx].residents / total_residents;
        for segment_idx in entry_villages(segment, layout.n_segments) {
            let cell = layout.cell(village_idx, segment_idx);
            let segment = &scenario.segments[segment_idx];
            let segment_share = if is_cases {
                segment.victim_share
            } else if loss_weight_total > 0.0 {
                segment.victim_share * segment.loss_per_case_yuan.value / loss_weight_total
            } else {
                0.0
            };
            last_year_share += village_share * segment_share;
            for (month, row) in months.iter().zip(rows) {
                if day_idx >= month.first_day + month.days_covered as usize {
                    plan_value += row[cell];
                } else if day_idx >= month.first_day {
                    plan_value += row[cell] * (day_idx - month.first_day + 1) as f64 / f64::from(month.days_covered);
                }
            }
        }
    }
    (plan_value, last_year_share)
}
