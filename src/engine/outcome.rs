//! What a simulation reports: daily and monthly series, costs, budget check, targets, floors, villages,
//! totals and the assessment score. Every figure the app shows is one field here.
//!
//! These types are serialisable because they cross two boundaries: the CLI's JSON and the JavaScript API.
//! Shares are fractions of residents in [0, 1]; money is in yuan (元); dates are calendar dates.

use crate::date::Date;
use crate::vocab::Metric;
use serde::Serialize;

/// The full result of one deterministic simulation, with its no-campaign counterfactual.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// One date per simulated day.
    pub dates: Vec<Date>,
    /// Product ids, in scenario order (the order of every per-product vector below).
    pub product_ids: Vec<String>,
    /// Daily series (end-of-day values), one entry per date.
    pub daily: DailySeries,
    /// One row per calendar month touched by the period.
    pub monthly: Vec<MonthRow>,
    /// Cash and staff time, split by channel and phase.
    pub costs: Costs,
    /// Budget caps and when the money runs out.
    pub budget: BudgetCheck,
    /// Each target: value at the deadline, first date met, met or not.
    pub targets: Vec<TargetOutcome>,
    /// Each floor: met in every village or not.
    pub floors: Vec<FloorCheck>,
    /// Per-village figures at the end of the period.
    pub villages: Vec<VillageOutcome>,
    /// Year-on-year checkpoints (30 June and 31 December in the period, and its last day).
    pub checkpoints: Vec<Checkpoint>,
    /// Totals over the period and derived ratios.
    pub totals: Totals,
    /// Assessment score by part.
    pub assessment: AssessmentOutcome,
}

/// Township-wide daily series; each vector has one value per day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DailySeries {
    /// Share of residents contacted at least once (宣传覆盖).
    pub reached: Vec<f64>,
    /// Share of residents currently aware of the warnings.
    pub aware: Vec<f64>,
    /// Share of residents with each product: `adopted[product][day]`.
    pub adopted: Vec<Vec<f64>>,
    /// Share of each segment's residents with each product: `adopted_by_segment[product][segment][day]`.
    pub adopted_by_segment: Vec<Vec<Vec<f64>>>,
    /// Cumulative cash (元): channels plus rewards.
    pub cash_cost_cum: Vec<f64>,
    /// Per channel (in the scenario's order), its cash to date at the end of each day (元), fixed costs
    /// included; with the rewards to date, it adds up to `cash_cost_cum`.
    pub channel_cash_cum: Vec<Vec<f64>>,
    /// Cumulative rewards paid (元).
    pub rewards_paid_cum: Vec<f64>,
    /// Deadweight rewards to date (元): paid for installs the counterfactual also has.
    pub rewards_deadweight_cum: Vec<f64>,
    /// Cumulative staff hours.
    pub staff_hours_cum: Vec<f64>,
    /// Cumulative expected cases with the plan.
    pub cases_expected_cum: Vec<f64>,
    /// Cumulative reported cases with the plan (what the assessment counts).
    pub cases_reported_cum: Vec<f64>,
    /// Cumulative expected cases with no campaign.
    pub counterfactual_cases_cum: Vec<f64>,
    /// Cumulative cases last year over the same calendar days.
    pub last_year_cases_cum: Vec<f64>,
}

/// One calendar month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthRow {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Days of this month inside the period.
    pub days_covered: u32,
    /// Last year's cases over the same days.
    pub last_year_cases: f64,
    /// Last year's loss over the same days (元).
    pub last_year_loss_yuan: f64,
    /// Expected cases with the plan.
    pub cases_expected: f64,
    /// Reported cases with the plan.
    pub cases_reported: f64,
    /// Expected loss with the plan (元).
    pub loss_yuan: f64,
    /// Expected cases with no campaign.
    pub counterfactual_cases: f64,
    /// Expected loss with no campaign (元).
    pub counterfactual_loss_yuan: f64,
    /// Fraud alerts to police (警情) with the plan: expected cases × alerts per case.
    pub alerts: f64,
    /// Attempts stopped by product warnings (劝阻) with the plan.
    pub dissuasions: f64,
    /// Cash spent in the month (元).
    pub cash_yuan: f64,
}

/// Costs over the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Costs {
    /// One entry per channel, in scenario order.
    pub by_channel: Vec<ChannelCost>,
    /// One entry per phase, in scenario order.
    pub by_phase: Vec<PhaseCost>,
    /// Staff hours the schedule asked for but grid workers did not have.
    pub staff_hours_short: f64,
}

/// One channel's cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelCost {
    /// Channel id.
    pub id: String,
    /// Units the schedule planned.
    pub units_planned: f64,
    /// Units delivered (fewer when staff hours ran short).
    pub units_delivered: f64,
    /// Cash (元), fixed cost included.
    pub cash_yuan: f64,
    /// Staff hours used.
    pub staff_hours: f64,
    /// Households visited (door-to-door channels; 0 otherwise).
    pub households_visited: f64,
}

/// One phase's cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseCost {
    /// Phase id.
    pub id: String,
    /// Channel cash (元).
    pub channel_cash_yuan: f64,
    /// Rewards paid (元).
    pub rewards_yuan: f64,
    /// Channel cash plus rewards (元).
    pub total_yuan: f64,
}

/// Budget caps against spending.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetCheck {
    /// The total cap, if any (元).
    pub total_cap_yuan: Option<f64>,
    /// All cash spent (元).
    pub spent_yuan: f64,
    /// True if spending exceeds the total cap.
    pub over_total: bool,
    /// First day on which cumulative cash exceeded the total cap.
    pub run_out_date: Option<Date>,
    /// One entry per phase, in scenario order.
    pub phases: Vec<PhaseBudget>,
}

/// One phase's cap against its spending.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseBudget {
    /// Phase id.
    pub id: String,
    /// Cap (元), if any.
    pub cap_yuan: Option<f64>,
    /// Cash attributed to the phase (元).
    pub spent_yuan: f64,
    /// True if spending exceeds the cap.
    pub over: bool,
    /// First day on which the phase's cumulative cash exceeded its cap.
    pub run_out_date: Option<Date>,
}

/// One target's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetOutcome {
    /// Target id.
    pub id: String,
    /// What is measured.
    pub metric: Metric,
    /// Threshold from the scenario.
    pub threshold: f64,
    /// Deadline.
    pub deadline: Date,
    /// Value at the end of the deadline day (share, or year-on-year change; `None` if undefined:
    /// a year-on-year change against zero cases last year).
    pub value_at_deadline: Option<f64>,
    /// First date on which the threshold was met (share metrics only).
    pub first_met: Option<Date>,
    /// True if met at the deadline.
    pub met: bool,
    /// The same measure in each village at the deadline (scenario order).
    pub by_village: Vec<Option<f64>>,
    /// The target's own measure at the end of every day (share in its scope and denominator, or the
    /// cumulative year-on-year change from the start), one entry per date. Not in the CLI summary.
    pub daily: Vec<Option<f64>>,
}

/// One floor's check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FloorCheck {
    /// Channel id.
    pub channel: String,
    /// Phase id, or the whole period.
    pub phase: Option<String>,
    /// Minimum units per village.
    pub min_units_per_village: f64,
    /// Ids of villages whose planned units fall short.
    pub villages_below: Vec<String>,
    /// True if every village meets the floor.
    pub met: bool,
}

/// One village at the end of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VillageOutcome {
    /// Village id.
    pub id: String,
    /// Share of residents reached.
    pub reached: f64,
    /// Share of residents aware.
    pub aware: f64,
    /// Share of residents with each product (scenario order).
    pub adopted: Vec<f64>,
    /// Channel cash spent in the village (元), fixed costs excluded (they are township-wide).
    pub channel_cash_yuan: f64,
    /// Rewards paid for installs in the village (元).
    pub rewards_yuan: f64,
    /// Staff hours used in the village.
    pub staff_hours: f64,
    /// Expected cases with the plan.
    pub cases_expected: f64,
    /// Expected cases with no campaign.
    pub counterfactual_cases: f64,
}

impl VillageOutcome {
    /// The village's cash (元): channel cash spent in it plus rewards paid for its installs (fixed costs are
    /// township-wide and not included).
    pub fn cash_yuan(&self) -> f64 {
        self.channel_cash_yuan + self.rewards_yuan
    }
}

/// A year-on-year checkpoint (同比): cumulative figures from the start of the period to `date`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checkpoint {
    /// The checkpoint date.
    pub date: Date,
    /// Reported cases with the plan.
    pub cases_reported: f64,
    /// Last year's cases over the same days.
    pub last_year_cases: f64,
    /// Change of reported cases against last year (-0.1 = 10 % fewer), `None` if last year had none.
    pub yoy_cases: Option<f64>,
    /// Expected loss with the plan (元).
    pub loss_yuan: f64,
    /// Last year's loss over the same days (元).
    pub last_year_loss_yuan: f64,
    /// Change of loss against last year, `None` if last year had none.
    pub yoy_loss: Option<f64>,
    /// True if both cases and loss fell (两降).
    pub double_decline: bool,
}

/// Totals over the whole period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// All cash: channels plus rewards (元).
    pub cash_yuan: f64,
    /// Channel cash (元).
    pub channel_cash_yuan: f64,
    /// Rewards paid, including those paid for unverified false claims (元).
    pub rewards_paid_yuan: f64,
    /// Staff hours used.
    pub staff_hours: f64,
    /// Real installs per product (people; gross, before uninstalls).
    pub installs_real: Vec<f64>,
    /// Installs claimed for rewards per product (real plus false claims).
    pub installs_claimed: Vec<f64>,
    /// Installs rewards were paid for, per product.
    pub installs_paid: Vec<f64>,
    /// People reached at least once by the end.
    pub people_reached: f64,
    /// Expected cases with the plan.
    pub cases_expected: f64,
    /// Reported cases with the plan.
    pub cases_reported: f64,
    /// Fraud alerts to police (警情) with the plan.
    pub alerts: f64,
    /// Attempts stopped by product warnings (劝阻) with the plan.
    pub dissuasions: f64,
    /// Expected loss with the plan (元).
    pub loss_yuan: f64,
    /// Expected cases with no campaign.
    pub counterfactual_cases: f64,
    /// Expected loss with no campaign (元).
    pub counterfactual_loss_yuan: f64,
    /// Counterfactual minus plan cases.
    pub cases_averted: f64,
    /// Counterfactual minus plan loss (元).
    pub loss_averted_yuan: f64,
    /// Last year's cases over the same calendar days.
    pub last_year_cases: f64,
    /// Last year's loss over the same calendar days (元).
    pub last_year_loss_yuan: f64,
    /// Each product's share of the cash (元; MODEL.md v2 §5): its own rewards plus the rest of the cash split by
    /// its share of all products' real installs (evenly with no installs). Sums to `cash_yuan`.
    pub cost_by_product_yuan: Vec<f64>,
    /// Each product's `cost_by_product_yuan` per real install of it (元), `None` with no installs; so
    /// Σ cost per install × installs = the cash.
    pub cost_per_install_yuan: Vec<Option<f64>>,
    /// All the cash per real install of any product (元), `None` with no installs.
    pub cash_per_install_yuan: Option<f64>,
    /// Rewards paid for installs the counterfactual also has on the same days (元; deadweight, MODEL.md v2 §5):
    /// per product and day, the reward × min(plan's new installs, counterfactual's new installs).
    pub rewards_deadweight_yuan: f64,
    /// Fraud attempts (K × the counterfactual's expected cases); dissuasions are the attempts that did not
    /// become the plan's cases.
    pub attempts: f64,
    /// Cash per person reached (元), `None` if nobody was reached.
    pub cost_per_person_reached_yuan: Option<f64>,
    /// Cash per case averted (元), `None` if no case was averted.
    pub cost_per_case_averted_yuan: Option<f64>,
    /// Loss averted per yuan spent, `None` with no spending.
    pub loss_averted_per_yuan: Option<f64>,
}

/// The assessment score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssessmentOutcome {
    /// One entry per rule, in scenario order.
    pub parts: Vec<AssessmentPart>,
    /// Sum of the parts.
    pub total: f64,
    /// Sum of the parts' maxima.
    pub total_max: f64,
}

/// One part of the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssessmentPart {
    /// Rule id.
    pub id: String,
    /// Points earned.
    pub points: f64,
    /// Most points possible.
    pub points_max: f64,
}

/// The compact result the CLI prints with `--format json`: everything but the series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary<'a> {
    /// Targets, without their daily series.
    pub targets: Vec<TargetSummary<'a>>,
    /// Totals.
    pub totals: &'a Totals,
    /// Assessment.
    pub assessment: &'a AssessmentOutcome,
    /// Budget check.
    pub budget: &'a BudgetCheck,
    /// Checkpoints.
    pub checkpoints: &'a [Checkpoint],
    /// Floors.
    pub floors: &'a [FloorCheck],
    /// Costs.
    pub costs: &'a Costs,
}

/// A target's result without its daily series (for [`Summary`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetSummary<'a> {
    /// Target id.
    pub id: &'a str,
    /// What is measured.
    pub metric: Metric,
    /// Threshold.
    pub threshold: f64,
    /// Deadline.
    pub deadline: Date,
    /// Value at the deadline.
    pub value_at_deadline: Option<f64>,
    /// First date met (share metrics).
    pub first_met: Option<Date>,
    /// Met at the deadline.
    pub met: bool,
    /// Per village at the deadline.
    pub by_village: &'a [Option<f64>],
}

impl Outcome {
    /// The compact summary of this outcome.
    pub fn summary(&self) -> Summary<'_> {
        Summary {
            targets: self
                .targets
                .iter()
                .map(|target| TargetSummary {
                    id: &target.id,
                    metric: target.metric,
                    threshold: target.threshold,
                    deadline: target.deadline,
                    value_at_deadline: target.value_at_deadline,
                    first_met: target.first_met,
                    met: target.met,
                    by_village: &target.by_village,
                })
                .collect(),
            totals: &self.totals,
            assessment: &self.assessment,
            budget: &self.budget,
            checkpoints: &self.checkpoints,
            floors: &self.floors,
            costs: &self.costs,
        }
    }
}
