//! Summaries of a Monte Carlo batch: P10 / P50 / P90 bands of every series, target probabilities, the
//! distributions of the headline figures, the odds of a rise by chance alone, and the [`Accumulator`] that
//! streams runs into them.

use super::sketch::{histogram, DayCounts, ScalarSamples, SeriesSamples};
use super::{MonteCarloConfig, HISTOGRAM_BINS, LOSS_SIGMA};
use crate::date::Date;
use crate::engine::outcome::Outcome;
use crate::model::Scenario;
use crate::vocab::Metric;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The index of quantile `percent` (0-100) among `n` sorted samples by the nearest-rank method:
/// `ceil(percent · n / 100) - 1`, at least 0, in integers so no rounding can move it. Monotone in `percent`.
pub fn quantile_index(percent: usize, n: usize) -> usize {
    ((percent * n).div_ceil(100)).saturating_sub(1).min(n.saturating_sub(1))
}

/// P10, P50, P90 and mean of a daily or monthly series, one value per day or month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    /// 10th percentile (nearest rank).
    pub p10: Vec<f64>,
    /// Median (nearest rank).
    pub p50: Vec<f64>,
    /// 90th percentile (nearest rank).
    pub p90: Vec<f64>,
    /// Mean over runs.
    pub mean: Vec<f64>,
}

/// A histogram: `counts[i]` runs fell in `[edges[i], edges[i + 1])` (the last bin is closed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// `HISTOGRAM_BINS + 1` bin edges, equally spaced.
    pub edges: Vec<f64>,
    /// Runs per bin; they sum to the number of runs measured.
    pub counts: Vec<usize>,
}

/// The distribution of one figure over runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// 10th percentile (nearest rank).
    pub p10: f64,
    /// Median (nearest rank).
    pub p50: f64,
    /// 90th percentile (nearest rank).
    pub p90: f64,
    /// Mean.
    pub mean: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// [`HISTOGRAM_BINS`] equal bins over a fixed range: [0, the score's maximum] for the assessment score,
    /// otherwise [min, max] of the runs. When every run gives the same value all edges equal it and every
    /// run counts in the first bin; values outside the range count in the end bins.
    pub histogram: Histogram,
}

/// When a share target is first met, over runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstMet {
    /// The date by which 10 % of runs had met the target (nearest rank), `None` if more than 90 % never met it.
    pub p10: Option<Date>,
    /// The date by which half the runs had met it, `None` if half or more never met it.
    pub p50: Option<Date>,
    /// The date by which 90 % had met it, `None` if more than 10 % never met it.
    pub p90: Option<Date>,
    /// Share of runs in which the target was never met during the period, in [0, 1].
    pub share_never: f64,
}

/// One target over runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetChance {
    /// Target id.
    pub id: String,
    /// Probability (share of runs) of meeting the target at its deadline, in [0, 1].
    pub probability_met: f64,
    /// What is measured.
    pub metric: Metric,
    /// Threshold.
    pub threshold: f64,
    /// Deadline.
    pub deadline: Date,
    /// When it is first met (share metrics only; `None` for year-on-year targets).
    pub first_met: Option<FirstMet>,
    /// The target's measure at the deadline over the runs where it is defined; `None` if it is undefined
    /// in every run (a year-on-year change against zero cases last year).
    pub value_at_deadline: Option<Stats>,
}

/// How far reported cases move by chance alone.
///
/// When the plan, the township and the fraud pressure are all as last year, this year's reported cases are
/// a Poisson count whose mean is last year's count `L` over the same days (the trend is 1, nothing else
/// changes). So the chance that cases rise year on year although nothing changed is `P(Poisson(L) > L)`,
/// computed exactly here from the Poisson distribution rather than sampled, together with the quantiles of
/// the year-on-year change `Poisson(L) / L - 1`. A township with ~10 cases a year has a 42 % chance of a
/// rise and a one-in-ten chance of a rise of 40 % or more, however good its campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChanceAlone {
    /// Last year's reported cases over the period (the Poisson mean).
    pub last_year_cases: f64,
    /// Probability that cases exceed last year's by chance alone, in [0, 1]; 0 when last year had none.
    pub probability_rise: f64,
    /// 10th percentile of the year-on-year change by chance alone; `None` when last year had no cases.
    pub yoy_change_p10: Option<f64>,
    /// Median year-on-year change by chance alone.
    pub yoy_change_p50: Option<f64>,
    /// 90th percentile of the year-on-year change by chance alone.
    pub yoy_change_p90: Option<f64>,
}

/// Distributions of the period's headline figures over runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distributions {
    /// All cash (元).
    pub cash_yuan: Stats,
    /// Reported cases with the plan.
    pub cases_reported: Stats,
    /// Cases averted: counterfactual minus plan.
    pub cases_averted: Stats,
    /// Loss with the plan (元).
    pub loss_yuan: Stats,
    /// Assessment score (total points).
    pub score: Stats,
    /// Year-on-year change of reported cases at the period's end; `None` when last year had no cases.
    pub yoy_cases: Option<Stats>,
    /// Share of runs in which reported cases rise year on year at the period's end, in [0, 1].
    pub probability_cases_rise: f64,
    /// Share of runs with both cases and loss down year on year at the period's end (两降), in [0, 1].
    pub probability_double_decline: f64,
}

/// A calendar month of the monthly bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthId {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
}

/// Monthly bands, one value per calendar month touched by the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyBands {
    /// The months, in order.
    pub months: Vec<MonthId>,
    /// Cases with the plan (realised counts with noise, expectations without).
    pub cases_expected: Bands,
    /// Reported cases with the plan.
    pub cases_reported: Bands,
    /// Loss with the plan (元).
    pub loss_yuan: Bands,
    /// Cases with no campaign.
    pub counterfactual_cases: Bands,
    /// Loss with no campaign (元).
    pub counterfactual_loss_yuan: Bands,
}

/// Bands of every series of [`crate::engine::outcome::DailySeries`], with the same names and shapes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DailyBands {
    /// Share of residents reached.
    pub reached: Bands,
    /// Share of residents aware.
    pub aware: Bands,
    /// Share of residents with each product, by product.
    pub adopted: Vec<Bands>,
    /// Share of each segment with each product: `adopted_by_segment[product][segment]`.
    pub adopted_by_segment: Vec<Vec<Bands>>,
    /// Cumulative cash (元).
    pub cash_cost_cum: Bands,
    /// Cumulative rewards paid (元).
    pub rewards_paid_cum: Bands,
    /// Cumulative staff hours.
    pub staff_hours_cum: Bands,
    /// Cumulative cases with the plan.
    pub cases_expected_cum: Bands,
    /// Cumulative reported cases with the plan.
    pub cases_reported_cum: Bands,
    /// Cumulative cases with no campaign.
    pub counterfactual_cases_cum: Bands,
    /// Cumulative cases last year (the same in every run).
    pub last_year_cases_cum: Bands,
}

impl DailyBands {
    /// The bands of a column of the daily CSV (`None` for the date).
    pub fn band(&self, column: crate::export::DailyColumn) -> Option<&Bands> {
        use crate::export::DailyColumn;
        Some(match column {
            DailyColumn::Date => return None,
            DailyColumn::Reached => &self.reached,
            DailyColumn::Aware => &self.aware,
            DailyColumn::Adopted(product_idx) => self.adopted.get(product_idx)?,
            DailyColumn::CashCostCum => &self.cash_cost_cum,
            DailyColumn::RewardsPaidCum => &self.rewards_paid_cum,
            // Monte Carlo keeps no band of the deadweight; the column is left out of its CSV.
            DailyColumn::RewardsDeadweightCum => return None,
            DailyColumn::StaffHoursCum => &self.staff_hours_cum,
            DailyColumn::CasesExpectedCum => &self.cases_expected_cum,
            DailyColumn::CasesReportedCum => &self.cases_reported_cum,
            DailyColumn::CounterfactualCasesCum => &self.counterfactual_cases_cum,
            DailyColumn::LastYearCasesCum => &self.last_year_cases_cum,
        })
    }
}

/// The summary of a Monte Carlo batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonteCarloSummary {
    /// Runs summarised.
    pub n_runs: usize,
    /// Seed of the runs' generators.
    pub seed: u64,
    /// True if the runs had process noise.
    pub noise: bool,
    /// σ of the log-normal loss per case ([`LOSS_SIGMA`]; used only with noise).
    pub loss_sigma: f64,
    /// Each target's probability of being met, in scenario order.
    pub targets: Vec<TargetChance>,
    /// How far reported cases move year on year by chance alone.
    pub chance_alone: ChanceAlone,
    /// Distributions of cash, cases, loss, the score and the year-on-year change.
    pub distributions: Distributions,
    /// Monthly bands of cases and loss.
    pub monthly: MonthlyBands,
    /// One date per simulated day.
    pub dates: Vec<Date>,
    /// Product ids, in scenario order.
    pub product_ids: Vec<String>,
    /// Daily bands.
    pub daily: DailyBands,
    /// Bytes the accumulator's sample buffers held at the end of the batch ([`Accumulator::bytes_held`]).
    pub sample_bytes: usize,
}

/// The summary without the daily bands (what the CLI prints with `--format json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompactSummary<'a> {
    /// Runs summarised.
    pub n_runs: usize,
    /// Seed.
    pub seed: u64,
    /// Process noise on or off.
    pub noise: bool,
    /// σ of the log-normal loss per case.
    pub loss_sigma: f64,
    /// Targets.
    pub targets: &'a [TargetChance],
    /// Chance alone.
    pub chance_alone: &'a ChanceAlone,
    /// Distributions.
    pub distributions: &'a Distributions,
    /// Monthly bands.
    pub monthly: &'a MonthlyBands,
    /// Bytes the sample buffers held.
    pub sample_bytes: usize,
}

impl MonteCarloSummary {
    /// The summary without its daily bands and dates.
    pub fn compact(&self) -> CompactSummary<'_> {
        CompactSummary {
            n_runs: self.n_runs,
            seed: self.seed,
            noise: self.noise,
            loss_sigma: self.loss_sigma,
            targets: &self.targets,
            chance_alone: &self.chance_alone,
            distributions: &self.distributions,
            monthly: &self.monthly,
            sample_bytes: self.sample_bytes,
        }
    }

    /// The daily bands as CSV, one row per day: `date`, then `<series>_p10,<series>_p50,<series>_p90,
    /// <series>_mean` for `reached`, `aware`, `adopted_<product id>` for each product, `cash_cost_cum`,
    /// `rewards_paid_cum`, `staff_hours_cum`, `cases_expected_cum`, `cases_reported_cum` and
    /// `counterfactual_cases_cum`, and last `last_year_cases_cum` (one column: the same in every run).
    /// Lines end with `\n`.
    pub fn daily_csv(&self) -> String {
        use crate::export::DailyColumn;
        let daily = &self.daily;
        // The same columns and names as the deterministic CSV, last year's (one column) written last.
        let columns: Vec<(String, &Bands)> = DailyColumn::all(self.product_ids.len())
            .into_iter()
            .filter(|column| !matches!(column, DailyColumn::Date | DailyColumn::LastYearCasesCum))
            .filter_map(|column| Some((column.code_name(&self.product_ids), daily.band(column)?)))
            .collect();
        let mut csv = String::with_capacity(self.dates.len() * (32 + columns.len() * 80));
        csv.push_str("date");
        for (name, _) in &columns {
            for suffix in ["p10", "p50", "p90", "mean"] {
                csv.push(',');
                csv.push_str(&crate::export::csv_field(&format!("{name}_{suffix}")));
            }
        }
        csv.push_str(",last_year_cases_cum\n");
        for (day_idx, date) in self.dates.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = write!(csv, "{date}");
            for (_, bands) in &columns {
                let _ = write!(
                    csv,
                    ",{},{},{},{}",
                    bands.p10[day_idx], bands.p50[day_idx], bands.p90[day_idx], bands.mean[day_idx]
                );
            }
            let _ = writeln!(csv, ",{}", daily.last_year_cases_cum.mean[day_idx]);
        }
        csv
    }

    /// A 64-bit FNV-1a hash of the summary's compact JSON (float_roundtrip, so equal text means equal
    /// bits): the native build and the WebAssembly build must give the same value for the same batch.
    pub fn fingerprint(&self) -> u64 {
        let json = serde_json::to_string(self).unwrap_or_default();
        fnv1a(json.as_bytes())
    }
}

/// 64-bit FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// One target's per-run results.
struct TargetSamples {
    n_met: usize,
    /// When first met (share metrics only).
    first_met: DayCounts,
    /// Value at the deadline, where defined.
    values: ScalarSamples,
}

/// Collects runs one at a time and turns them into a [`MonteCarloSummary`], in memory bounded whatever the
/// number of runs ([`super::sketch`]): per daily series and day (and monthly series and month) at most
/// `4 × EXACT_RUNS` bytes of exact samples or `4 × SKETCH_BINS + 32` of sketch, plus an `f64` sum; per
/// headline figure and target at most `8 × EXACT_RUNS` bytes; per share target a count per day. Never whole
/// outcomes.
pub struct Accumulator {
    config: MonteCarloConfig,
    start: Date,
    dates: Vec<Date>,
    product_ids: Vec<String>,
    n_products: usize,
    n_segments: usize,
    n_runs: usize,
    /// reached, aware, adopted by product, adopted by product and segment, cash, rewards, staff hours,
    /// cases expected, cases reported, counterfactual cases, last year's cases.
    daily: Vec<SeriesSamples>,
    /// cases expected, cases reported, loss, counterfactual cases, counterfactual loss.
    monthly: Vec<SeriesSamples>,
    months: Vec<MonthId>,
    targets: Vec<TargetSamples>,
    target_defs: Vec<(String, Metric, f64, Date)>,
    cash_yuan: ScalarSamples,
    cases_reported: ScalarSamples,
    cases_averted: ScalarSamples,
    loss_yuan: ScalarSamples,
    score: ScalarSamples,
    score_max: f64,
    yoy_cases: ScalarSamples,
    n_cases_rise: usize,
    n_double_decline: usize,
    last_year_cases: f64,
}

impl Accumulator {
    /// An empty accumulator for runs of `scenario` under `config`; `n_runs_hint` sizes the buffers.
    pub fn new(scenario: &Scenario, config: &MonteCarloConfig, n_runs_hint: usize) -> Accumulator {
        let n_days = scenario.n_days();
        let n_products = scenario.products.len();
        let n_segments = scenario.segments.len();
        let n_daily = 2 + n_products + n_products * n_segments + 7;
        let dates: Vec<Date> = (0..n_days).map(|day_idx| scenario.date_of(day_idx)).collect();
        let mut months: Vec<MonthId> = Vec::new();
        for date in &dates {
            let month = MonthId { year: date.year(), month: date.month() };
            if months.last() != Some(&month) {
                months.push(month);
            }
        }
        let n_months = months.len();
        Accumulator {
            config: *config,
            start: scenario.start,
            dates,
            product_ids: scenario.products.iter().map(|product| product.id.clone()).collect(),
            n_products,
            n_segments,
            n_runs: 0,
            daily: (0..n_daily).map(|_| SeriesSamples::new(n_days, n_runs_hint)).collect(),
            monthly: (0..5).map(|_| SeriesSamples::new(n_months, n_runs_hint)).collect(),
            months,
            targets: scenario
                .targets
                .iter()
                .map(|_| TargetSamples {
                    n_met: 0,
                    first_met: DayCounts::new(n_days),
                    values: ScalarSamples::new(n_runs_hint),
                })
                .collect(),
            target_defs: scenario
                .targets
                .iter()
                .map(|target| (target.id.clone(), target.metric, target.threshold, target.deadline))
                .collect(),
            cash_yuan: ScalarSamples::new(n_runs_hint),
            cases_reported: ScalarSamples::new(n_runs_hint),
            cases_averted: ScalarSamples::new(n_runs_hint),
            loss_yuan: ScalarSamples::new(n_runs_hint),
            score: ScalarSamples::new(n_runs_hint),
            score_max: scenario.assessment.iter().map(|rule| rule.points_max).fold(0.0, |total, value| total + value),
            yoy_cases: ScalarSamples::new(n_runs_hint),
            n_cases_rise: 0,
            n_double_decline: 0,
            last_year_cases: 0.0,
        }
    }

    /// Adds one run's outcome (an outcome of the scenario the accumulator was made for).
    pub fn push(&mut self, outcome: &Outcome) {
        let daily = &outcome.daily;
        let mut series: Vec<&[f64]> = vec![&daily.reached, &daily.aware];
        series.extend(daily.adopted.iter().map(Vec::as_slice));
        for by_segment in &daily.adopted_by_segment {
            series.extend(by_segment.iter().map(Vec::as_slice));
        }
        series.extend([
            daily.cash_cost_cum.as_slice(),
            &daily.rewards_paid_cum,
            &daily.staff_hours_cum,
            &daily.cases_expected_cum,
            &daily.cases_reported_cum,
            &daily.counterfactual_cases_cum,
            &daily.last_year_cases_cum,
        ]);
        for (samples, values) in self.daily.iter_mut().zip(series) {
            samples.push(values);
        }
        let month_column = |field: fn(&crate::engine::outcome::MonthRow) -> f64| -> Vec<f64> {
            outcome.monthly.iter().map(field).collect()
        };
        let monthly = [
            month_column(|row| row.cases_expected),
            month_column(|row| row.cases_reported),
            month_column(|row| row.loss_yuan),
            month_column(|row| row.counterfactual_cases),
            month_column(|row| row.counterfactual_loss_yuan),
        ];
        for (samples, values) in self.monthly.iter_mut().zip(&monthly) {
            samples.push(values);
        }
        for (samples, target) in self.targets.iter_mut().zip(&outcome.targets) {
            if target.met {
                samples.n_met += 1;
            }
            let first_met_day = target.first_met.map(|date| date.days_since(self.start).max(0) as usize);
            samples.first_met.push(first_met_day);
            if let Some(value) = target.value_at_deadline {
                samples.values.push(value);
            }
        }
        let totals = &outcome.totals;
        self.cash_yuan.push(totals.cash_yuan);
        self.cases_reported.push(totals.cases_reported);
        self.cases_averted.push(totals.cases_averted);
        self.loss_yuan.push(totals.loss_yuan);
        self.score.push(outcome.assessment.total);
        self.last_year_cases = totals.last_year_cases;
        if let Some(checkpoint) = outcome.checkpoints.last() {
            if let Some(change) = checkpoint.yoy_cases {
                self.yoy_cases.push(change);
                if change > 0.0 {
                    self.n_cases_rise += 1;
                }
            }
            if checkpoint.double_decline {
                self.n_double_decline += 1;
            }
        }
        self.n_runs += 1;
    }

    /// Runs added so far.
    pub fn n_runs(&self) -> usize {
        self.n_runs
    }

    /// Bytes held by the sample buffers and sketches (lengths, not capacities): the memory that depends on the
    /// runs, bounded from [`super::EXACT_RUNS`] runs on.
    pub fn bytes_held(&self) -> usize {
        let series: usize = self.daily.iter().chain(&self.monthly).map(SeriesSamples::bytes).sum();
        let targets: usize = self.targets.iter().map(|target| target.first_met.bytes() + target.values.bytes()).sum();
        let scalars: usize =
            [&self.cash_yuan, &self.cases_reported, &self.cases_averted, &self.loss_yuan, &self.score, &self.yoy_cases]
                .into_iter()
                .map(ScalarSamples::bytes)
                .sum();
        series + targets + scalars
    }

    /// The summary of the runs added (if none were, every band and distribution is of one all-zero run).
    pub fn finish(mut self) -> MonteCarloSummary {
        let sample_bytes = self.bytes_held();
        if self.n_runs == 0 {
            self.push_zero_run();
        }
        let n_runs = self.n_runs;
        let share = |count: usize| count as f64 / n_runs as f64;
        let mut daily_bands = self.daily.iter().map(SeriesSamples::bands);
        let mut next =
            || daily_bands.next().unwrap_or_else(|| Bands { p10: vec![], p50: vec![], p90: vec![], mean: vec![] });
        let reached = next();
        let aware = next();
        let adopted: Vec<Bands> = (0..self.n_products).map(|_| next()).collect();
        let adopted_by_segment: Vec<Vec<Bands>> =
            (0..self.n_products).map(|_| (0..self.n_segments).map(|_| next()).collect()).collect();
        let daily = DailyBands {
            reached,
            aware,
            adopted,
            adopted_by_segment,
            cash_cost_cum: next(),
            rewards_paid_cum: next(),
            staff_hours_cum: next(),
            cases_expected_cum: next(),
            cases_reported_cum: next(),
            counterfactual_cases_cum: next(),
            last_year_cases_cum: next(),
        };
        let mut monthly_bands = self.monthly.iter().map(SeriesSamples::bands);
        let mut next_month =
            || monthly_bands.next().unwrap_or_else(|| Bands { p10: vec![], p50: vec![], p90: vec![], mean: vec![] });
        let monthly = MonthlyBands {
            months: self.months.clone(),
            cases_expected: next_month(),
            cases_reported: next_month(),
            loss_yuan: next_month(),
            counterfactual_cases: next_month(),
            counterfactual_loss_yuan: next_month(),
        };

        let dates = &self.dates;
        let targets = self
            .targets
            .iter_mut()
            .zip(&self.target_defs)
            .map(|(samples, (id, metric, threshold, deadline))| {
                let is_share = metric.is_share();
                let first_met = is_share.then(|| {
                    let date_at =
                        |percent: usize| samples.first_met.day_at(percent).and_then(|day| dates.get(day).copied());
                    FirstMet {
                        p10: date_at(10),
                        p50: date_at(50),
                        p90: date_at(90),
                        share_never: samples.first_met.share_never(),
                    }
                });
                TargetChance {
                    id: id.clone(),
                    probability_met: share(samples.n_met),
                    metric: *metric,
                    threshold: *threshold,
                    deadline: *deadline,
                    first_met,
                    value_at_deadline: samples.values.stats(None),
                }
            })
            .collect();

        let score_range = (self.score_max > 0.0).then_some((0.0, self.score_max));
        let distributions = Distributions {
            cash_yuan: self.cash_yuan.stats(None).unwrap_or_else(Stats::zero),
            cases_reported: self.cases_reported.stats(None).unwrap_or_else(Stats::zero),
            cases_averted: self.cases_averted.stats(None).unwrap_or_else(Stats::zero),
            loss_yuan: self.loss_yuan.stats(None).unwrap_or_else(Stats::zero),
            score: self.score.stats(score_range).unwrap_or_else(Stats::zero),
            yoy_cases: self.yoy_cases.stats(None),
            probability_cases_rise: share(self.n_cases_rise),
            probability_double_decline: share(self.n_double_decline),
        };

        MonteCarloSummary {
            n_runs,
            seed: self.config.seed,
            noise: self.config.noise,
            loss_sigma: LOSS_SIGMA,
            targets,
            chance_alone: chance_alone(self.last_year_cases),
            distributions,
            monthly,
            dates: self.dates.clone(),
            product_ids: self.product_ids.clone(),
            daily,
            sample_bytes,
        }
    }

    /// Stands in for a run when none was added, so the summary's shapes stay the scenario's.
    fn push_zero_run(&mut self) {
        for samples in self.daily.iter_mut().chain(self.monthly.iter_mut()) {
            samples.push(&[]);
        }
        for samples in &mut self.targets {
            samples.first_met.push(None);
        }
        for values in [
            &mut self.cash_yuan,
            &mut self.cases_reported,
            &mut self.cases_averted,
            &mut self.loss_yuan,
            &mut self.score,
        ] {
            values.push(0.0);
        }
        self.n_runs = 1;
    }
}

impl Stats {
    /// The distribution of `values` (reordered: sorted on return), with histogram bins over `range` or,
    /// by default, over [min, max] of the values; `None` if there are no values.
    pub fn of(values: &mut [f64], range: Option<(f64, f64)>) -> Option<Stats> {
        if values.is_empty() {
            return None;
        }
        let n = values.len();
        // The mean sums in run order, before sorting.
        let sum = values.iter().fold(0.0, |total, value| total + value);
        values.sort_unstable_by(f64::total_cmp);
        let (min, max) = (values[0], values[n - 1]);
        // Rounding can put the mean of equal values an ulp outside them; keep min ≤ mean ≤ max.
        let mean = (sum / n as f64).max(min).min(max);
        let histogram = histogram(range.unwrap_or((min, max)), values.iter().map(|value| (*value, 1)));
        Some(Stats {
            p10: values[quantile_index(10, n)],
            p50: values[quantile_index(50, n)],
            p90: values[quantile_index(90, n)],
            mean,
            min,
            max,
            histogram,
        })
    }

    /// The distribution of a single zero.
    fn zero() -> Stats {
        Stats::of(&mut [0.0], None).unwrap_or(Stats {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
            mean: 0.0,
            min: 0.0,
            max: 0.0,
            histogram: Histogram { edges: vec![0.0; HISTOGRAM_BINS + 1], counts: vec![0; HISTOGRAM_BINS] },
        })
    }
}

/// The exact chance-alone figures for last year's count `last_year_cases` (see [`ChanceAlone`]).
pub fn chance_alone(last_year_cases: f64) -> ChanceAlone {
    let mean = last_year_cases;
    let has_cases = mean > 0.0 && mean.is_finite();
    if !has_cases {
        return ChanceAlone {
            last_year_cases,
            probability_rise: 0.0,
            yoy_change_p10: None,
            yoy_change_p50: None,
            yoy_change_p90: None,
        };
    }
    // Sum the Poisson probabilities in log space (no underflow of e^-mean for large means) over mean ± 40
    // standard deviations (+ 40); the mass outside is below 1e-300, so `cdf` is P(X ≤ k) to rounding and the
    // cost grows with √mean, not the mean (0 is the start for means below about 1 700).
    let log_mean = libm::log(mean);
    let reach = 40.0 * libm::sqrt(mean) + 40.0;
    let k_max = libm::ceil(mean + reach);
    let mut cdf = 0.0;
    let mut at_most_mean = 0.0;
    let mut quantiles = [None; 3];
    let mut k = libm::floor(mean - reach).max(0.0);
    while k <= k_max {
        cdf += libm::exp(k * log_mean - mean - libm::lgamma(k + 1.0));
        if k <= mean {
            at_most_mean = cdf;
        }
        for (slot, percent) in quantiles.iter_mut().zip([0.1, 0.5, 0.9]) {
            if slot.is_none() && cdf >= percent {
                *slot = Some((k - mean) / mean);
            }
        }
        k += 1.0;
    }
    let [yoy_change_p10, yoy_change_p50, yoy_change_p90] = quantiles;
    ChanceAlone {
        last_year_cases,
        probability_rise: (1.0 - at_most_mean).clamp(0.0, 1.0),
        yoy_change_p10,
        yoy_change_p50,
        yoy_change_p90,
    }
}
