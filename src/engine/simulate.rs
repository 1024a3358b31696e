//! The deterministic daily simulation of MODEL.md: channels → exposure → adstock → saturation → reach,
//! awareness and adoption per (village, segment) cell; door-to-door installs bounded by staff hours;
//! rewards, costs, cases and loss by month, the no-campaign counterfactual, targets and the score.
//!
//! Update order (explicit Euler, one day), as MODEL.md fixes it: every flow of day t is computed from the
//! state at the start of day t; today's exposure counts in today's carry-over; adoption uses start-of-day
//! awareness and adoption; uninstalls apply after today's adoptions.
//!
//! The day's steps are in [`crate::engine::step`], the outcome's parts in `engine/assemble/`.
//!
//! Transcendental functions come from the pure-Rust `libm` crate, so native and WebAssembly builds give
//! bit-identical results.

use crate::engine::assemble::assemble;
use crate::engine::noise::Noise;
use crate::engine::outcome::Outcome;
use crate::engine::step::RunState;
use crate::engine::trajectory::Trajectory;
use crate::model::Scenario;

pub use crate::engine::assess::yoy_points;
pub use crate::engine::params::*;

/// Simulates the scenario with every parameter at its most likely value, and its counterfactual.
pub fn simulate(scenario: &Scenario) -> Outcome {
    let params = Params::from_scenario(scenario, |uncertain| uncertain.value);
    simulate_with(scenario, &params)
}

/// Simulates the scenario with the given parameter values (one Monte Carlo draw, or the most likely).
pub fn simulate_with(scenario: &Scenario, params: &Params) -> Outcome {
    let plan = run(scenario, params, true, None);
    let counterfactual = run(scenario, params, false, None);
    assemble(scenario, params, &plan, &counterfactual, None)
}

/// Simulates the scenario with the given parameter values and process noise drawn from `noise` (one Monte
/// Carlo run; the `uncertainty` part implements [`Noise`] for its generator): binomial installs per cell and
/// day, Poisson cases and extra reports per cell and month, and a log-normal loss per case.
///
/// The noise is drawn in this fixed order: the plan's daily loop (day by day; within a day village by
/// village, segment by segment, product by product), then the counterfactual's daily loop in the same
/// order, then the plan's monthly cases (month by month, cell by cell: cases, extra reports, then one loss
/// per case), then the counterfactual's monthly cases. A draw with a zero count or zero mean reads nothing
/// from `noise`. Uninstalls, dissuasions and alerts stay expected values.
///
/// In the returned outcome the case fields (`cases_expected`, `cases_reported`, `loss_yuan`, the
/// counterfactual's) hold the run's realised counts and loss rather than expectations.
pub fn simulate_with_noise(scenario: &Scenario, params: &Params, noise: &mut dyn Noise) -> Outcome {
    let plan = run(scenario, params, true, Some(&mut *noise));
    let counterfactual = run(scenario, params, false, Some(&mut *noise));
    assemble(scenario, params, &plan, &counterfactual, Some(noise))
}

/// Runs the daily loop; `with_campaign = false` gives the counterfactual (no schedule, no rewards). With
/// `noise`, each day's installs per cell are a binomial draw (see [`simulate_with_noise`]); with `None`
/// the arithmetic is the deterministic model's, unchanged.
fn run(
    scenario: &Scenario,
    params: &Params,
    with_campaign: bool,
    mut noise: Option<&mut (dyn Noise + '_)>,
) -> Trajectory {
    let mut state = RunState::new(scenario, params, with_campaign);
    for day_idx in 0..scenario.n_days() {
        state.step_day(day_idx, noise.as_deref_mut());
    }
    state.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_yoy(change: Option<f64>, expected: f64) {
        // Seed 004: flat 45, -1 per point of rise, 0 at +20 %, 50 at a 20 % decline.
        let points = yoy_points(change, 50.0, 45.0, 1.0, 20.0, 20.0);
        assert!((points - expected).abs() < 1e-9, "{change:?}: {points} vs {expected}");
    }

    #[test]
    fn yoy_points_follow_seed_004() {
        check_yoy(Some(0.0), 45.0);
        check_yoy(Some(0.05), 40.0);
        check_yoy(Some(0.199), 25.1);
        check_yoy(Some(0.20), 0.0);
        check_yoy(Some(0.50), 0.0);
        check_yoy(Some(-0.10), 47.5);
        check_yoy(Some(-0.20), 50.0);
        check_yoy(Some(-0.60), 50.0);
        check_yoy(None, 45.0);
    }

    #[test]
    fn hill_is_a_saturating_curve() {
        assert_eq!(hill(0.0, 2.0, 0.5), 0.0);
        assert!((hill(0.5, 1.0, 0.5) - 0.5).abs() < 1e-15);
        assert!((hill(0.5, 3.0, 0.5) - 0.5).abs() < 1e-15);
        assert!((hill(1.0, 2.0, 0.5) - 0.8).abs() < 1e-15);
        assert!(hill(1e9, 1.0, 0.5) < 1.0);
    }

    #[test]
    fn effort_and_gaming_have_diminishing_returns() {
        assert_eq!(effort(0.0, 1.0, 2.0), 1.0);
        assert!((effort(2.0, 1.0, 2.0) - 1.5).abs() < 1e-15);
        assert!(effort(10.0, 1.0, 2.0) - effort(8.0, 1.0, 2.0) < effort(4.0, 1.0, 2.0) - effort(2.0, 1.0, 2.0));
        assert_eq!(gaming_ratio(0.0, 0.3, 5.0), 0.0);
        assert!((gaming_ratio(5.0, 0.3, 5.0) - 0.15).abs() < 1e-15);
    }

    #[test]
    fn carry_over_per_week_becomes_daily() {
        assert_eq!(daily_carry_over(0.0), 0.0);
        assert!((daily_carry_over(0.4).powi(7) - 0.4).abs() < 1e-12);
        assert!((awareness_decay(30.0) * 30.0 - std::f64::consts::LN_2).abs() < 1e-15);
    }
}
