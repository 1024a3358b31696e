//! Monthly totals of a run pair (plan and counterfactual) and the cumulative daily case series built from them.

use crate::engine::cases::CaseTable;
use crate::engine::outcome::MonthRow;
use crate::engine::params::Params;
use crate::engine::trajectory::{MonthAccumulator, Trajectory};
use crate::model::Scenario;

/// Per month of the period: the township's cases, loss and last year's figures (prorated to covered days).
pub(crate) struct MonthTotals {
    /// Expected (or, with noise, realised) cases of the plan.
    pub expected: Vec<f64>,
    /// Reported cases of the plan.
    pub reported: Vec<f64>,
    /// Loss of the plan (yuan).
    pub loss: Vec<f64>,
    /// Cases of the counterfactual.
    pub counterfactual: Vec<f64>,
    /// Loss of the counterfactual (yuan).
    pub counterfactual_loss: Vec<f64>,
    /// Dissuasions of the plan.
    pub dissuaded: Vec<f64>,
    /// Fraud attempts.
    pub attempts: Vec<f64>,
    /// Last year's cases over the same days.
    pub last_year_cases: Vec<f64>,
    /// Last year's loss over the same days (yuan).
    pub last_year_loss: Vec<f64>,
}

/// Row sums of a per-month, per-cell table.
fn sum_rows(rows: &[Vec<f64>]) -> Vec<f64> {
    rows.iter().map(|row| row.iter().fold(0.0, |total, value| total + value)).collect()
}

impl MonthTotals {
    /// Sums the case tables per month and prorates last year's monthly figures to the days covered.
    pub fn new(
        scenario: &Scenario,
        plan: &Trajectory,
        plan_cases: &CaseTable,
        counterfactual_cases: &CaseTable,
    ) -> Self {
        let month_coverage = |month: &MonthAccumulator| {
            f64::from(month.days_covered) / f64::from(crate::date::days_in_month(month.year, month.month))
        };
        let last_year = &scenario.last_year;
        MonthTotals {
            expected: sum_rows(&plan_cases.expected),
            reported: sum_rows(&plan_cases.reported),
            loss: sum_rows(&plan_cases.loss),
            counterfactual: sum_rows(&counterfactual_cases.expected),
            counterfactual_loss: sum_rows(&counterfactual_cases.loss),
            dissuaded: sum_rows(&plan_cases.dissuaded),
            attempts: sum_rows(&plan_cases.attempts),
            last_year_cases: plan
                .months
                .iter()
                .map(|month| last_year.cases_monthly[month.month as usize - 1] * month_coverage(month))
                .collect(),
            last_year_loss: plan
                .months
                .iter()
                .map(|month| last_year.loss_monthly_yuan[month.month as usize - 1] * month_coverage(month))
                .collect(),
        }
    }

    /// The outcome's month rows.
    pub fn rows(&self, plan: &Trajectory, params: &Params) -> Vec<MonthRow> {
        plan.months
            .iter()
            .enumerate()
            .map(|(month_idx, month)| MonthRow {
                year: month.year,
                month: month.month,
                days_covered: month.days_covered,
                last_year_cases: self.last_year_cases[month_idx],
                last_year_loss_yuan: self.last_year_loss[month_idx],
                cases_expected: self.expected[month_idx],
                cases_reported: self.reported[month_idx],
                loss_yuan: self.loss[month_idx],
                counterfactual_cases: self.counterfactual[month_idx],
                counterfactual_loss_yuan: self.counterfactual_loss[month_idx],
                alerts: self.expected[month_idx] * params.alerts_per_case,
                dissuasions: self.dissuaded[month_idx],
                cash_yuan: month.cash,
            })
            .collect()
    }
}

/// Cumulative daily series of cases and loss: each month's total spread evenly over its covered days.
pub(crate) struct CumulativeSeries {
    /// The plan's expected cases to date.
    pub cases_expected: Vec<f64>,
    /// The plan's reported cases to date.
    pub cases_reported: Vec<f64>,
    /// The plan's loss to date (yuan).
    pub loss: Vec<f64>,
    /// The counterfactual's cases to date.
    pub counterfactual_cases: Vec<f64>,
    /// Last year's cases to date.
    pub last_year_cases: Vec<f64>,
    /// Last year's loss to date (yuan).
    pub last_year_loss: Vec<f64>,
}

impl CumulativeSeries {
    /// The series of `totals` over the `n_days` of the plan's months.
    pub fn new(plan: &Trajectory, n_days: usize, totals: &MonthTotals) -> Self {
        CumulativeSeries {
            cases_expected: cumulative_daily(plan, n_days, &totals.expected),
            cases_reported: cumulative_daily(plan, n_days, &totals.reported),
            loss: cumulative_daily(plan, n_days, &totals.loss),
            counterfactual_cases: cumulative_daily(plan, n_days, &totals.counterfactual),
            last_year_cases: cumulative_daily(plan, n_days, &totals.last_year_cases),
            last_year_loss: cumulative_daily(plan, n_days, &totals.last_year_loss),
        }
    }
}

/// Spreads monthly totals evenly over each month's covered days and accumulates them.
fn cumulative_daily(trajectory: &Trajectory, n_days: usize, monthly_totals: &[f64]) -> Vec<f64> {
    let mut daily = vec![0.0; n_days];
    for (month, total) in trajectory.months.iter().zip(monthly_totals) {
        let per_day = total / f64::from(month.days_covered);
        for value in daily.iter_mut().skip(month.first_day).take(month.days_covered as usize) {
            *value = per_day;
        }
    }
    let mut running = 0.0;
    daily
        .into_iter()
        .map(|value| {
            running += value;
            running
        })
        .collect()
}
