//! The raw record of one run (plan or counterfactual) before it becomes an outcome: township shares per
//! day, month accumulators of start-of-day state, costs by channel, phase and village, installs, and the
//! tracks of share targets.

use crate::date::Date;
use crate::engine::layout::{share_in_scope, Layout};
use crate::model::{Denominator, Metric, Scenario};

/// The raw trajectory of one run (plan or counterfactual), before it is turned into an [`Outcome`].
pub(crate) struct Trajectory {
    /// Township share reached, per day.
    pub reached: Vec<f64>,
    /// Township share aware, per day.
    pub aware: Vec<f64>,
    /// `[product][day]`.
    pub adopted: Vec<Vec<f64>>,
    /// `[product][segment][day]`.
    pub adopted_by_segment: Vec<Vec<Vec<f64>>>,
    /// Cash spent to date (yuan), per day.
    pub cash_cum: Vec<f64>,
    /// Per channel, cash to date at the end of each day.
    pub channel_cash_cum: Vec<Vec<f64>>,
    /// Rewards paid to date (yuan), per day.
    pub rewards_cum: Vec<f64>,
    /// Staff hours to date, per day.
    pub staff_hours_cum: Vec<f64>,
    /// Month accumulators: per month, per cell, the sum of start-of-day awareness and adoption.
    pub months: Vec<MonthAccumulator>,
    /// End-of-period state per cell.
    pub final_reached: Vec<f64>,
    /// Awareness per cell at the end of the period.
    pub final_aware: Vec<f64>,
    /// `[product * n_cells + cell]`.
    pub final_adopted: Vec<f64>,
    /// Per target: `(value at deadline per cell-scope, first date met)`; filled for share targets.
    pub target_values: Vec<TargetTrack>,
    /// Per channel: units planned over the period.
    pub channel_units_planned: Vec<f64>,
    /// Per channel: units delivered after staff rationing.
    pub channel_units_delivered: Vec<f64>,
    /// Per channel: cash (yuan), fixed cost included.
    pub channel_cash: Vec<f64>,
    /// Per channel: staff hours used.
    pub channel_staff_hours: Vec<f64>,
    /// Per channel: households visited (door-to-door).
    pub channel_households_visited: Vec<f64>,
    /// Per phase: channel cash (yuan).
    pub phase_channel_cash: Vec<f64>,
    /// Per phase: rewards paid (yuan).
    pub phase_rewards: Vec<f64>,
    /// Per phase: the first day its cap was passed.
    pub phase_run_out: Vec<Option<Date>>,
    /// The first day the total cap was passed.
    pub total_run_out: Option<Date>,
    /// Per village: channel cash (yuan).
    pub village_channel_cash: Vec<f64>,
    /// Per village: rewards paid (yuan).
    pub village_rewards: Vec<f64>,
    /// Per village: staff hours used.
    pub village_staff_hours: Vec<f64>,
    /// Per product: real installs (people).
    pub installs_real: Vec<f64>,
    /// Per product: installs claimed for rewards, gamed ones included.
    pub installs_claimed: Vec<f64>,
    /// Per product: installs paid for.
    pub installs_paid: Vec<f64>,
    /// Per product: rewards paid (元).
    pub product_rewards: Vec<f64>,
    /// `[product][day]`: real installs to date (people).
    pub installs_cum: Vec<Vec<f64>>,
    /// `[product][day]`: the reward per verified install that day (元; 0 without one).
    pub reward_by_day: Vec<Vec<f64>>,
    /// Staff hours asked for beyond capacity, summed over villages and days.
    pub staff_hours_short: f64,
}

/// One calendar month of a run: sums of start-of-day state for the month means, and its cash.
pub(crate) struct MonthAccumulator {
    /// Calendar year.
    pub year: i32,
    /// Calendar month (1-12).
    pub month: u32,
    /// Days of the month inside the period.
    pub days_covered: u32,
    /// Sum over days of start-of-day awareness, per cell.
    pub aware_sum: Vec<f64>,
    /// Sum over days of start-of-day adoption, `[product * n_cells + cell]`.
    pub adopted_sum: Vec<f64>,
    /// First day index of the month inside the period.
    pub first_day: usize,
    /// Cash spent in the month (yuan).
    pub cash: f64,
}

/// A share target over a run.
#[derive(Clone, Default)]
pub(crate) struct TargetTrack {
    /// The target's measure at the end of every day.
    pub daily: Vec<f64>,
    /// The measure at the deadline.
    pub value_at_deadline: f64,
    /// The measure at the deadline per village.
    pub by_village: Vec<f64>,
    /// The first date the target was met.
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
