//! Turning a plan and its counterfactual trajectory into the reported [`Outcome`]: cases per month and cell,
//! then monthly rows ([`monthly`]), the year-on-year checkpoints ([`checkpoints`]), targets ([`targets`]),
//! costs, budget, floors, villages and totals ([`costs`]) and the score ([`crate::engine::assess`]).

mod checkpoints;
mod costs;
mod monthly;
mod targets;

use crate::date::Date;
use crate::engine::assess::assess;
use crate::engine::cases::cases;
use crate::engine::layout::Layout;
use crate::engine::noise::Noise;
use crate::engine::outcome::{DailySeries, Outcome};
use crate::engine::params::Params;
use crate::engine::trajectory::Trajectory;
use crate::model::Scenario;
use monthly::{CumulativeSeries, MonthTotals};

/// The outcome of a plan and its counterfactual; with `noise`, the cases are drawn (plan first, then the
/// counterfactual) instead of expected.
pub(crate) fn assemble(
    scenario: &Scenario,
    params: &Params,
    plan: &Trajectory,
    counterfactual: &Trajectory,
    noise: Option<&mut (dyn Noise + '_)>,
) -> Outcome {
    let layout = Layout::new(scenario);
    let n_days = scenario.n_days();
    let dates: Vec<Date> = (0..n_days).map(|day_idx| scenario.date_of(day_idx)).collect();
    let (plan_cases, counterfactual_cases) = cases(scenario, params, &layout, plan, counterfactual, noise);
    let months = MonthTotals::new(scenario, plan, &plan_cases, &counterfactual_cases);
    let series = CumulativeSeries::new(plan, n_days, &months);
    let checkpoints = checkpoints::checkpoints(scenario, &series);
    let targets = targets::targets(scenario, &layout, plan, &plan_cases, &series);
    let costs = costs::costs(scenario, plan);
    let budget = costs::budget(scenario, plan, &costs);
    let assessment = assess(scenario, &checkpoints, &targets);
    let deadweight_cum = costs::deadweight_cum(plan, counterfactual);
    let totals = costs::totals(scenario, params, plan, &months, &deadweight_cum);
    Outcome {
        dates,
        product_ids: scenario.products.iter().map(|product| product.id.clone()).collect(),
        daily: daily_series(plan, series, deadweight_cum),
        monthly: months.rows(plan, params),
        costs,
        budget,
        targets,
        floors: costs::floors(scenario),
        villages: costs::villages(scenario, &layout, plan, &plan_cases, &counterfactual_cases),
        checkpoints,
        totals,
        assessment,
    }
}

/// The outcome's daily series: the plan's shares and cash to date, and the cumulative case series.
fn daily_series(plan: &Trajectory, series: CumulativeSeries, rewards_deadweight_cum: Vec<f64>) -> DailySeries {
    DailySeries {
        reached: plan.reached.clone(),
        aware: plan.aware.clone(),
        adopted: plan.adopted.clone(),
        adopted_by_segment: plan.adopted_by_segment.clone(),
        cash_cost_cum: plan.cash_cum.clone(),
        channel_cash_cum: plan.channel_cash_cum.clone(),
        rewards_paid_cum: plan.rewards_cum.clone(),
        rewards_deadweight_cum,
        staff_hours_cum: plan.staff_hours_cum.clone(),
        cases_expected_cum: series.cases_expected,
        cases_reported_cum: series.cases_reported,
        counterfactual_cases_cum: series.counterfactual_cases,
        last_year_cases_cum: series.last_year_cases,
    }
}
