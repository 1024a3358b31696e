//! The year-on-year checkpoints (30 June, 31 December and the period's end): reported cases and loss to date
//! against last year's, and whether both declined (两降).

use crate::date::Date;
use crate::engine::assemble::monthly::CumulativeSeries;
use crate::engine::outcome::Checkpoint;
use crate::model::Scenario;

/// The checkpoints of the period, from the cumulative series.
pub(crate) fn checkpoints(scenario: &Scenario, series: &CumulativeSeries) -> Vec<Checkpoint> {
    checkpoint_dates(scenario)
        .into_iter()
        .map(|date| {
            let day_idx = date.days_since(scenario.start) as usize;
            let yoy_cases = relative_change(series.cases_reported[day_idx], series.last_year_cases[day_idx]);
            let yoy_loss = relative_change(series.loss[day_idx], series.last_year_loss[day_idx]);
            Checkpoint {
                date,
                cases_reported: series.cases_reported[day_idx],
                last_year_cases: series.last_year_cases[day_idx],
                yoy_cases,
                loss_yuan: series.loss[day_idx],
                last_year_loss_yuan: series.last_year_loss[day_idx],
                yoy_loss,
                double_decline: yoy_cases.is_some_and(|change| change < 0.0)
                    && yoy_loss.is_some_and(|change| change < 0.0),
            }
        })
        .collect()
}

/// Relative change `now / before - 1`, or `None` when `before` is zero.
pub(crate) fn relative_change(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| now / before - 1.0)
}

/// 30 June and 31 December of every year in the period, and the period's last day.
fn checkpoint_dates(scenario: &Scenario) -> Vec<Date> {
    let mut dates = Vec::new();
    for year in scenario.start.year()..=scenario.end.year() {
        for (month, day) in [(6, 30), (12, 31)] {
            if let Some(date) = Date::from_ymd(year, month, day) {
                if scenario.start <= date && date <= scenario.end {
                    dates.push(date);
                }
            }
        }
    }
    if dates.last() != Some(&scenario.end) {
        dates.push(scenario.end);
    }
    dates
}
