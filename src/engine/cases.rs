//! Cases, reports, loss and dissuasions per month and cell (MODEL.md v2 §1 and §4), relative to the
//! counterfactual: the no-campaign run is last year × trend, and the plan's cases are the counterfactual's times
//! the ratio of the two runs' risks, from month means of start-of-day awareness and adoption. With noise,
//! realised counts and losses instead.

use crate::engine::layout::Layout;
use crate::engine::noise::Noise;
use crate::engine::params::Params;
use crate::engine::trajectory::{MonthAccumulator, Trajectory};
use crate::model::Scenario;

/// Monthly cases of one run, per cell.
pub(crate) struct CaseTable {
    /// Per month: expected cases per cell.
    pub expected: Vec<Vec<f64>>,
    /// Per month: reported cases per cell.
    pub reported: Vec<Vec<f64>>,
    /// Per month: loss per cell (元).
    pub loss: Vec<Vec<f64>>,
    /// Per month: fraud attempts that did not become cases, per cell (劝阻).
    pub dissuaded: Vec<Vec<f64>>,
    /// Per month: fraud attempts per cell (K × the counterfactual's cases).
    pub attempts: Vec<Vec<f64>>,
}

impl CaseTable {
    fn new() -> CaseTable {
        CaseTable {
            expected: Vec::new(),
            reported: Vec::new(),
            loss: Vec::new(),
            dissuaded: Vec::new(),
            attempts: Vec::new(),
        }
    }
}

/// The month's risk factor `R = (1 - r_aw · aware) · Π_k (1 - r_app_k · adopted_k)` of a cell and its mean
/// awareness, from a run's month accumulator.
fn month_risk(params: &Params, layout: &Layout, month: &MonthAccumulator, cell: usize) -> (f64, f64) {
    let days = f64::from(month.days_covered);
    let aware_mean = month.aware_sum[cell] / days;
    let mut risk = 1.0 - params.risk_cut_aware * aware_mean;
    for (product_idx, product) in params.products.iter().enumerate() {
        risk *= 1.0 - product.risk_cut * month.adopted_sum[layout.cell_product(product_idx, cell)] / days;
    }
    (risk, aware_mean)
}

/// Township risk factor of a state given by its shares of residents aware and with each product.
fn township_risk(params: &Params, aware: f64, adopted: impl Iterator<Item = f64>) -> f64 {
    let mut risk = 1.0 - params.risk_cut_aware * aware;
    for (product, share) in params.products.iter().zip(adopted) {
        risk *= 1.0 - product.risk_cut * share;
    }
    risk
}

/// `R_start / R_last_year`: how much riskier the start state is than last year's when the file says last year's
/// awareness or installs differed from the start state (`last_year.aware`, `last_year.adopted`); 1 otherwise.
fn last_year_factor(scenario: &Scenario, params: &Params, layout: &Layout) -> f64 {
    let last_year = &scenario.last_year;
    if last_year.aware.is_none() && last_year.adopted.iter().all(Option::is_none) {
        return 1.0;
    }
    let total = scenario.total_residents();
    let share_of = |state: &dyn Fn(usize) -> f64| {
        (0..layout.n_cells).map(|cell| layout.cell_residents[cell] * state(cell)).sum::<f64>() / total
    };
    let segment = |cell: usize| &scenario.segments[layout.segment_of(cell)];
    let aware_start = share_of(&|cell| segment(cell).initial_aware);
    let adopted_start: Vec<f64> = (0..layout.n_products)
        .map(|k| share_of(&|cell| segment(cell).initial_adopted[k].min(segment(cell).smartphone_share)))
        .collect();
    let start = township_risk(params, aware_start, adopted_start.iter().copied());
    let before = township_risk(
        params,
        last_year.aware.unwrap_or(aware_start),
        adopted_start.iter().zip(&last_year.adopted).map(|(start, before)| before.unwrap_or(*start)),
    );
    if before > 0.0 {
        start / before
    } else {
        1.0
    }
}

/// Expected cases of the plan and the counterfactual per month and cell (MODEL.md v2 §1):
/// `C_cf = last year × coverage × trend × victim share × village share` (× the last-year factor), `C_plan =
/// C_cf · R_plan / R_cf`, reports `C_plan · (1 + uplift · (aware_plan - aware_cf))`; attempts `K · C_cf`, of
/// which those that do not become cases are dissuasions. With `noise`, cases are Poisson draws, reports add a
/// draw of the extra reports and the loss is one log-normal draw per case: the plan's months first, then the
/// counterfactual's (see [`crate::engine::simulate_with_noise`]).
pub(crate) fn cases(
    scenario: &Scenario,
    params: &Params,
    layout: &Layout,
    plan: &Trajectory,
    counterfactual: &Trajectory,
    noise: Option<&mut (dyn Noise + '_)>,
) -> (CaseTable, CaseTable) {
    let total_residents = scenario.total_residents();
    let factor = last_year_factor(scenario, params, layout);
    let mut plan_table = CaseTable::new();
    let mut cf_table = CaseTable::new();
    let mut extra_reports = Vec::with_capacity(plan.months.len());
    for (month, cf_month) in plan.months.iter().zip(&counterfactual.months) {
        let coverage = f64::from(month.days_covered) / f64::from(crate::date::days_in_month(month.year, month.month));
        let baseline = scenario.last_year.cases_monthly[month.month as usize - 1] * coverage * params.case_trend;
        let mut rows = [(); 9].map(|_| vec![0.0; layout.n_cells]);
        for cell in 0..layout.n_cells {
            let village = &scenario.villages[cell / layout.n_segments];
            let segment_idx = layout.segment_of(cell);
            let victim_share = scenario.segments[segment_idx].victim_share;
            let cf_cases = baseline * victim_share * (village.residents / total_residents) * factor;
            let (risk_cf, aware_cf) = month_risk(params, layout, cf_month, cell);
            let (risk_plan, aware_plan) = month_risk(params, layout, month, cell);
            let plan_cases = if risk_cf > 0.0 { cf_cases * risk_plan / risk_cf } else { cf_cases };
            let extra = plan_cases * params.reporting_uplift * (aware_plan - aware_cf).max(0.0);
            let attempts = params.attempts_per_case * cf_cases;
            let loss_per_case = params.loss_per_case_yuan[segment_idx];
            let values = [plan_cases, plan_cases + extra, plan_cases * loss_per_case, attempts - plan_cases, attempts];
            let cf_values = [cf_cases, cf_cases * loss_per_case, attempts - cf_cases, extra];
            for (row, value) in rows.iter_mut().zip(values.iter().chain(&cf_values)) {
                row[cell] = *value;
            }
        }
        let [expected, reported, loss, dissuaded, attempts, cf_expected, cf_loss, cf_dissuaded, extra] = rows;
        plan_table.expected.push(expected);
        plan_table.reported.push(reported);
        plan_table.loss.push(loss);
        plan_table.dissuaded.push(dissuaded);
        plan_table.attempts.push(attempts.clone());
        cf_table.reported.push(cf_expected.clone());
        cf_table.expected.push(cf_expected);
        cf_table.loss.push(cf_loss);
        cf_table.dissuaded.push(cf_dissuaded);
        cf_table.attempts.push(attempts);
        extra_reports.push(extra);
    }
    if let Some(rng) = noise {
        draw(&mut plan_table, Some(&extra_reports), params, layout, rng);
        draw(&mut cf_table, None, params, layout, rng);
    }
    (plan_table, cf_table)
}

/// Replaces a table's expected cases, reports and loss by draws: per month and cell, the cases, the extra
/// reports (plan only), then one loss per case. Dissuasions and attempts stay expected values.
fn draw(
    table: &mut CaseTable,
    extra_reports: Option<&[Vec<f64>]>,
    params: &Params,
    layout: &Layout,
    rng: &mut dyn Noise,
) {
    for month_idx in 0..table.expected.len() {
        for cell in 0..layout.n_cells {
            let n_cases = rng.count(table.expected[month_idx][cell]);
            let extra = extra_reports.map_or(0.0, |extra| rng.count(extra[month_idx][cell]));
            table.expected[month_idx][cell] = n_cases;
            table.reported[month_idx][cell] = n_cases + extra;
            table.loss[month_idx][cell] = rng.total_loss(n_cases, params.loss_per_case_yuan[layout.segment_of(cell)]);
        }
    }
}
