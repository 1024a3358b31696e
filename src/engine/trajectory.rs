//! The raw record of one run (plan or counterfactual) before it becomes an outcome: township shares per
//! day, month accumulators of start-of-day state, costs by channel, phase and village, installs, and the
//! tracks of share targets.

use crate::date::Date;
use crate::engine::layout::{share_in_scope, Layout};
use crate::model::{Denominator, Metric, Scenario};

/// The raw trajectory of one run (plan or counterfactual), before it is turned into an [`Outcome`].
pub(crate) struct Trajectory {
    /// Township shares per day.
    pub reached: Vec<f64>,
    pub aware: Vec<f64>,
    /// `[product][day]`.
    pub adopted: Vec<Vec<f64>>,
    /// `[product][segment][day]`.
    pub adopted_by_segment: Vec<Vec<Vec<f64>>>,
    pub cash_cum: Vec<f64>,
    /// Per channel, cash to date at the end of each day.
    pub channel_cash_cum: Vec<Vec<f64>>,
    pub rewards_cum: Vec<f64>,
    pub staff_hours_cum: Vec<f64>,
    /// Month accumulators: per month, per cell, the sum of start-of-day awareness and adoption.
    pub months: Vec<MonthAccumulator>,
    /// End-of-period state per cell.
    pub final_reached: Vec<f64>,
    pub final_aware: Vec<f64>,
    /// `[product * n_cells + cell]`.
    pub final_adopted: Vec<f64>,
    /// Per target: `(value at deadline per cell-scope, first date met)`; filled for share targets.
    pub target_values: Vec<TargetTrack>,
    pub channel_units_planned: Vec<f64>,
    pub channel_units_delivered: Vec<f64>,
    pub channel_cash: Vec<f64>,
    pub channel_staff_hours: Vec<f64>,
    pub channel_households_visited: Vec<f64>,
    pub phase_channel_cash: Vec<f64>,
    pub phase_rewards: Vec<f64>,
    pub phase_run_out: Vec<Option<Date>>,
    pub total_run_out: Option<Date>,
    pub village_channel_cash: Vec<f64>,
    pub village_rewards: Vec<f64>,
    pub village_staff_hours: Vec<f64>,
    pub installs_real: Vec<f64>,
    pub installs_claimed: Vec<f64>,
    pub installs_paid: Vec<f64>,
    pub staff_hours_short: f64,
}

pub(crate) struct MonthAccumulator {
    pub year: i32,
    pub month: u32,
    pub days_covered: u32,
    /// Sum over days of start-of-day awareness, per cell.
    pub aware_sum: Vec<f64>,
    /// Sum over days of start-of-day adoption, `[product * n_cells + cell]`.
    pub adopted_sum: Vec<f64>,
    /// First day index of the month inside the period.
    pub first_day: usize,
    pub cash: f64,
}

#[derive(Clone, Default)]
pub(crate) struct TargetTrack {
    /// The target's measure at the end of every day.
    pub daily: Vec<f64>,
    pub value_at_deadline: f64,
    pub by_village: Vec<f64>,
    pub first_met: Option<Date>,
}

/// Appends the township's end-of-day shares to the trajectory.
pub(crate) fn record_day(
    trajectory: &mut Trajectory,
    layout: &Layout,
    reached: &[f64],
    aware: &[f64],
    adopted: &[f64],
) {
    let residents = Denominator::Residents;
    trajectory.reached.push(share_in_scope(layout, reached, None, None, residents));
    trajectory.aware.push(share_in_scope(layout, aware, None, None, residents));
    for product_idx in 0..layout.n_products {
        let state = &adopted[layout.product_cells(product_idx)];
        trajectory.adopted[product_idx].push(share_in_scope(layout, state, None, None, residents));
        for segment_idx in 0..layout.n_segments {
            trajectory.adopted_by_segment[product_idx][segment_idx].push(share_in_scope(
                layout,
                state,
                None,
                Some(segment_idx),
                residents,
            ));
        }
    }
}

/// The state slice a share target measures, or `None` for year-on-year targets.
fn target_state<'a>(
    metric: Metric,
    product: Option<usize>,
    layout: &Layout,
    reached: &'a [f64],
    aware: &'a [f64],
    adopted: &'a [f64],
) -> Option<&'a [f64]> {
    match metric {
        Metric::Adoption => product.map(|product_idx| &adopted[layout.product_cells(product_idx)]),
        Metric::Reach => Some(reached),
        Metric::Awareness => Some(aware),
        Metric::YoyCases | Metric::YoyLoss => None,
    }
}

/// Records, for share targets, the first date met and the value (township and per village) at the deadline.
pub(crate) fn track_targets(
    scenario: &Scenario,
    layout: &Layout,
    tracks: &mut [TargetTrack],
    date: Date,
    reached: &[f64],
    aware: &[f64],
    adopted: &[f64],
) {
    for (target, track) in scenario.targets.iter().zip(tracks.iter_mut()) {
        let Some(state) = target_state(target.metric, target.product, layout, reached, aware, adopted) else {
            continue;
        };
        let value = share_in_scope(layout, state, target.village, target.segment, target.denominator);
        track.daily.push(value);
        if track.first_met.is_none() && target.is_met_by(value) {
            track.first_met = Some(date);
        }
        if date == target.deadline {
            track.value_at_deadline = value;
            track.by_village = (0..layout.n_villages)
                .map(|village_idx| share_in_scope(layout, state, Some(village_idx), target.segment, target.denominator))
                .collect();
        }
    }
}
