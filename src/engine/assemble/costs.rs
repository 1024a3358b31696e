//! Money and the village table: cost by channel and phase, the budget check, floors, per-village figures and
//! the period's totals with the derived ratios (cost per install, per person reached, per case averted).

use crate::engine::assemble::monthly::MonthTotals;
use crate::engine::cases::CaseTable;
use crate::engine::layout::{basis_multiplier, share_in_scope, units_per_day, Layout};
use crate::engine::outcome::*;
use crate::engine::params::Params;
use crate::engine::trajectory::Trajectory;
use crate::model::{Denominator, Scenario};

/// Whether the schedule meets every floor (≥ N units of a channel per village, in a phase or overall).
pub(crate) fn floors(scenario: &Scenario) -> Vec<FloorCheck> {
    let units_per_entry = if scenario.floors.is_empty() { Vec::new() } else { units_over_phase(scenario) };
    scenario
        .floors
        .iter()
        .map(|floor| {
            let villages_below: Vec<String> = scenario
                .villages
                .iter()
                .enumerate()
                .filter(|(village_idx, _)| {
                    planned_units(scenario, &units_per_entry, floor.channel, floor.phase, *village_idx) + 1e-9
                        < floor.min_units_per_village
                })
                .map(|(_, village)| village.id.clone())
                .collect();
            FloorCheck {
                channel: scenario.channels[floor.channel].id.clone(),
                phase: floor.phase.map(|phase_idx| scenario.phases[phase_idx].id.clone()),
                min_units_per_village: floor.min_units_per_village,
                met: villages_below.is_empty(),
                villages_below,
            }
        })
        .collect()
}

/// The village table: end-of-period shares, cash, rewards, staff hours and cases per village.
pub(crate) fn villages(
    scenario: &Scenario,
    layout: &Layout,
    plan: &Trajectory,
    plan_cases: &CaseTable,
    counterfactual_cases: &CaseTable,
) -> Vec<VillageOutcome> {
    let n_months = plan.months.len();
    scenario
        .villages
        .iter()
        .enumerate()
        .map(|(village_idx, village)| {
            let share = |state: &[f64]| share_in_scope(layout, state, Some(village_idx), None, Denominator::Residents);
            VillageOutcome {
                id: village.id.clone(),
                reached: share(&plan.final_reached),
                aware: share(&plan.final_aware),
                adopted: (0..layout.n_products)
                    .map(|product_idx| share(&plan.final_adopted[layout.product_cells(product_idx)]))
                    .collect(),
                channel_cash_yuan: plan.village_channel_cash[village_idx],
                rewards_yuan: plan.village_rewards[village_idx],
                staff_hours: plan.village_staff_hours[village_idx],
                cases_expected: village_sum(layout, &plan_cases.expected, village_idx, n_months),
                counterfactual_cases: village_sum(layout, &counterfactual_cases.expected, village_idx, n_months),
            }
        })
        .collect()
}

/// Cases of a village over the first `up_to_month` months of a case table (for the village table).
fn village_sum(layout: &Layout, rows: &[Vec<f64>], village_idx: usize, up_to_month: usize) -> f64 {
    rows.iter()
        .take(up_to_month)
        .map(|row| row[layout.village_cells(village_idx)].iter().fold(0.0, |total, value| total + value))
        .fold(0.0, |total, value| total + value)
}

/// Cost by channel and by phase, and the staff hours short.
pub(crate) fn costs(scenario: &Scenario, plan: &Trajectory) -> Costs {
    Costs {
        by_channel: scenario
            .channels
            .iter()
            .enumerate()
            .map(|(channel_idx, channel)| ChannelCost {
                id: channel.id.clone(),
                units_planned: plan.channel_units_planned[channel_idx],
                units_delivered: plan.channel_units_delivered[channel_idx],
                cash_yuan: plan.channel_cash[channel_idx],
                staff_hours: plan.channel_staff_hours[channel_idx],
                households_visited: plan.channel_households_visited[channel_idx],
            })
            .collect(),
        by_phase: scenario
            .phases
            .iter()
            .enumerate()
            .map(|(phase_idx, phase)| PhaseCost {
                id: phase.id.clone(),
                channel_cash_yuan: plan.phase_channel_cash[phase_idx],
                rewards_yuan: plan.phase_rewards[phase_idx],
                total_yuan: plan.phase_channel_cash[phase_idx] + plan.phase_rewards[phase_idx],
            })
            .collect(),
        staff_hours_short: plan.staff_hours_short,
    }
}

/// The budget check: total and per-phase caps, spending and the day the money ran out.
pub(crate) fn budget(scenario: &Scenario, plan: &Trajectory, costs: &Costs) -> BudgetCheck {
    let cash_yuan = plan.cash_cum.last().copied().unwrap_or(0.0);
    BudgetCheck {
        total_cap_yuan: scenario.budget.total_yuan,
        spent_yuan: cash_yuan,
        over_total: scenario.budget.total_yuan.is_some_and(|cap| cash_yuan > cap),
        run_out_date: plan.total_run_out,
        phases: scenario
            .phases
            .iter()
            .enumerate()
            .map(|(phase_idx, phase)| {
                let cap_yuan = scenario.budget.per_phase_yuan[phase_idx];
                let spent_yuan = costs.by_phase[phase_idx].total_yuan;
                PhaseBudget {
                    id: phase.id.clone(),
                    cap_yuan,
                    spent_yuan,
                    over: cap_yuan.is_some_and(|cap| spent_yuan > cap),
                    run_out_date: plan.phase_run_out[phase_idx],
                }
            })
            .collect(),
    }
}

/// Deadweight rewards to date, per day (MODEL.md v2 §5): per product and day, the reward × min(the plan's new
/// real installs, the counterfactual's), summed over products.
pub(crate) fn deadweight_cum(plan: &Trajectory, counterfactual: &Trajectory) -> Vec<f64> {
    let n_days = plan.cash_cum.len();
    let new_on = |cum: &[f64], day: usize| cum[day] - if day > 0 { cum[day - 1] } else { 0.0 };
    let mut running = 0.0;
    (0..n_days)
        .map(|day| {
            for (product_idx, rewards) in plan.reward_by_day.iter().enumerate() {
                if rewards[day] > 0.0 {
                    let plan_new = new_on(&plan.installs_cum[product_idx], day);
                    let cf_new = new_on(&counterfactual.installs_cum[product_idx], day);
                    running += rewards[day] * plan_new.min(cf_new).max(0.0);
                }
            }
            running
        })
        .collect()
}

/// Each product's share of the cash: its rewards, plus the other cash by its share of all real installs.
fn cost_by_product(plan: &Trajectory, cash_yuan: f64) -> Vec<f64> {
    let n_products = plan.installs_real.len();
    let all_installs: f64 = plan.installs_real.iter().sum();
    let rewards: f64 = plan.product_rewards.iter().sum();
    let shared = cash_yuan - rewards;
    (0..n_products)
        .map(|product_idx| {
            let share = if all_installs > 0.0 {
                plan.installs_real[product_idx] / all_installs
            } else {
                1.0 / n_products as f64
            };
            plan.product_rewards[product_idx] + shared * share
        })
        .collect()
}

/// The period's totals and derived ratios.
pub(crate) fn totals(
    scenario: &Scenario,
    params: &Params,
    plan: &Trajectory,
    months: &MonthTotals,
    deadweight_cum: &[f64],
) -> Totals {
    let total_residents = scenario.total_residents();
    let channel_cash_yuan: f64 = plan.channel_cash.iter().fold(0.0, |total, value| total + value);
    let rewards_paid_yuan = plan.rewards_cum.last().copied().unwrap_or(0.0);
    let cash_yuan = plan.cash_cum.last().copied().unwrap_or(0.0);
    let staff_hours = plan.staff_hours_cum.last().copied().unwrap_or(0.0);
    let cases_expected: f64 = months.expected.iter().fold(0.0, |total, value| total + value);
    let counterfactual_total: f64 = months.counterfactual.iter().fold(0.0, |total, value| total + value);
    let loss_yuan: f64 = months.loss.iter().fold(0.0, |total, value| total + value);
    let counterfactual_loss_yuan: f64 = months.counterfactual_loss.iter().fold(0.0, |total, value| total + value);
    let cases_averted = counterfactual_total - cases_expected;
    let loss_averted_yuan = counterfactual_loss_yuan - loss_yuan;
    let people_reached = plan.reached.last().copied().unwrap_or(0.0) * total_residents;
    let cost_by_product_yuan = cost_by_product(plan, cash_yuan);
    let all_installs: f64 = plan.installs_real.iter().sum();
    Totals {
        cash_yuan,
        channel_cash_yuan,
        rewards_paid_yuan,
        staff_hours,
        installs_real: plan.installs_real.clone(),
        installs_claimed: plan.installs_claimed.clone(),
        installs_paid: plan.installs_paid.clone(),
        people_reached,
        cases_expected,
        alerts: cases_expected * params.alerts_per_case,
        dissuasions: months.dissuaded.iter().fold(0.0, |total, value| total + value),
        cases_reported: months.reported.iter().fold(0.0, |total, value| total + value),
        loss_yuan,
        counterfactual_cases: counterfactual_total,
        counterfactual_loss_yuan,
        cases_averted,
        loss_averted_yuan,
        last_year_cases: months.last_year_cases.iter().fold(0.0, |total, value| total + value),
        last_year_loss_yuan: months.last_year_loss.iter().fold(0.0, |total, value| total + value),
        cost_per_install_yuan: cost_by_product_yuan
            .iter()
            .zip(&plan.installs_real)
            .map(|(cost, installs)| option_ratio(*cost, *installs))
            .collect(),
        cost_by_product_yuan,
        cash_per_install_yuan: option_ratio(cash_yuan, all_installs),
        rewards_deadweight_yuan: deadweight_cum.last().copied().unwrap_or(0.0),
        attempts: months.attempts.iter().fold(0.0, |total, value| total + value),
        cost_per_person_reached_yuan: option_ratio(cash_yuan, people_reached),
        cost_per_case_averted_yuan: option_ratio(cash_yuan, cases_averted),
        loss_averted_per_yuan: option_ratio(loss_averted_yuan, cash_yuan),
    }
}

/// Planned units of `channel_idx` in `village_idx` over `phase` (or the whole period).
fn planned_units(
    scenario: &Scenario,
    units_per_entry: &[f64],
    channel_idx: usize,
    phase: Option<usize>,
    village_idx: usize,
) -> f64 {
    let total_residents = scenario.total_residents();
    scenario
        .schedule
        .iter()
        .zip(units_per_entry)
        .filter(|(entry, _)| entry.channel == channel_idx && phase.is_none_or(|phase_idx| entry.phase == phase_idx))
        .filter(|(entry, _)| entry.village.is_none_or(|restricted| restricted == village_idx))
        .map(|(entry, units)| {
            units * basis_multiplier(scenario, entry.basis, entry.village.is_some(), village_idx, total_residents)
        })
        .fold(0.0, |total, value| total + value)
}

/// Each schedule line's units over its whole phase, before the basis multiplier.
fn units_over_phase(scenario: &Scenario) -> Vec<f64> {
    scenario
        .schedule
        .iter()
        .map(|entry| {
            let phase = &scenario.phases[entry.phase];
            let per_unit = (0..phase.n_days())
                .map(|offset| units_per_day(entry.per, phase.n_days(), phase.start.add_days(offset as i32)))
                .fold(0.0, |total, value| total + value);
            entry.units * per_unit
        })
        .collect()
}

fn option_ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}
