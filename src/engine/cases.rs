//! Cases, reports, loss and dissuasions per month and cell (MODEL.md, "Cases and losses"), from the month
//! means of start-of-day awareness and adoption; with noise, realised counts and losses instead.

use crate::engine::layout::Layout;
use crate::engine::noise::Noise;
use crate::engine::params::Params;
use crate::engine::trajectory::Trajectory;
use crate::model::Scenario;

/// Monthly cases of one run, per cell: `(expected, reported, loss)` for month `month_idx` of the trajectory.
pub(crate) struct CaseTable {
    /// Per month: expected cases per cell.
    pub expected: Vec<Vec<f64>>,
    /// Per month: reported cases per cell.
    pub reported: Vec<Vec<f64>>,
    /// Per month: loss per cell (元).
    pub loss: Vec<Vec<f64>>,
    /// Per month: attempts stopped by product warnings per cell (劝阻).
    pub dissuaded: Vec<Vec<f64>>,
}

/// Cases and loss per month and cell from the month means of awareness and adoption (MODEL.md). With
/// `noise`, cases are a Poisson draw around the expectation, reports add a Poisson draw of the extra
/// reports, and the loss is one log-normal draw per case (see [`crate::engine::simulate_with_noise`]).
pub(crate) fn cases(
    scenario: &Scenario,
    params: &Params,
    layout: &Layout,
    trajectory: &Trajectory,
    mut noise: Option<&mut (dyn Noise + '_)>,
) -> CaseTable {
    let total_residents = scenario.total_residents();
    let mut table = CaseTable { expected: Vec::new(), reported: Vec::new(), loss: Vec::new(), dissuaded: Vec::new() };
    for month in &trajectory.months {
        let days = f64::from(month.days_covered);
        let coverage = days / f64::from(crate::date::days_in_month(month.year, month.month));
        let baseline = scenario.last_year.cases_monthly[month.month as usize - 1] * coverage * params.case_trend;
        let mut expected = vec![0.0; layout.n_cells];
        let mut reported = vec![0.0; layout.n_cells];
        let mut loss = vec![0.0; layout.n_cells];
        let mut dissuaded = vec![0.0; layout.n_cells];
        for (village_idx, village) in scenario.villages.iter().enumerate() {
            for (segment_idx, segment) in scenario.segments.iter().enumerate() {
                let cell = layout.cell(village_idx, segment_idx);
                let aware_mean = month.aware_sum[cell] / days;
                let risk_after_awareness = 1.0 - params.risk_cut_aware * aware_mean;
                let mut risk_after_warnings = 1.0;
                for (product_idx, product) in params.products.iter().enumerate() {
                    let warned_mean = month.adopted_sum[layout.cell_product(product_idx, cell)] / days;
                    risk_after_warnings *= 1.0 - product.risk_cut * warned_mean;
                }
                let cell_baseline = baseline * segment.victim_share * (village.residents / total_residents);
                let cell_cases = cell_baseline * risk_after_awareness * risk_after_warnings;
                // Attempts that reached an aware-adjusted victim but were stopped by a product's warning.
                dissuaded[cell] = cell_baseline * risk_after_awareness * (1.0 - risk_after_warnings);
                expected[cell] = cell_cases;
                reported[cell] = cell_cases * (1.0 + params.reporting_uplift * aware_mean);
                loss[cell] = cell_cases * params.loss_per_case_yuan[segment_idx];
                if let Some(rng) = noise.as_deref_mut() {
                    let n_cases = rng.count(cell_cases);
                    let extra_reports = rng.count(cell_cases * (params.reporting_uplift * aware_mean));
                    expected[cell] = n_cases;
                    reported[cell] = n_cases + extra_reports;
                    loss[cell] = rng.total_loss(n_cases, params.loss_per_case_yuan[segment_idx]);
                }
            }
        }
        table.expected.push(expected);
        table.reported.push(reported);
        table.loss.push(loss);
        table.dissuaded.push(dissuaded);
    }
    table
}
