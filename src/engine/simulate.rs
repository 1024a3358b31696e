//! The deterministic daily simulation of MODEL.md: channels → exposure → adstock → saturation → reach,
//! awareness and adoption per (village, segment) cell; door-to-door installs bounded by staff hours;
//! rewards, costs, cases and loss by month, the no-campaign counterfactual, targets and the score.
//!
//! Update order (explicit Euler, one day), as MODEL.md fixes it: every flow of day t is computed from the
//! state at the start of day t; today's exposure counts in today's carry-over; adoption uses start-of-day
//! awareness and adoption; uninstalls apply after today's adoptions.
//!
//! Transcendental functions come from the pure-Rust `libm` crate, so native and WebAssembly builds give
//! bit-identical results.

use crate::date::Date;
use crate::engine::noise::Noise;
use crate::engine::outcome::*;
use crate::model::vocab::{Denominator, Metric};
use crate::model::{Basis, ChannelKind, Per, RuleScoring, Scenario, ScheduleEntry, Uncertain};

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

/// Simulates the scenario with the given parameter values and process noise drawn from `rng` (one Monte
/// Carlo run; see [`crate::uncertainty`], which implements [`Noise`] for its generator): binomial installs per cell and day, Poisson cases and extra reports
/// per cell and month, and a log-normal loss per case.
///
/// The noise is drawn in this fixed order: the plan's daily loop (day by day; within a day village by
/// village, segment by segment, product by product), then the counterfactual's daily loop in the same
/// order, then the plan's monthly cases (month by month, cell by cell: cases, extra reports, then one loss
/// per case), then the counterfactual's monthly cases. A draw with a zero count or zero mean reads nothing
/// from `rng`. Uninstalls, dissuasions and alerts stay expected values.
///
/// In the returned outcome the case fields (`cases_expected`, `cases_reported`, `loss_yuan`, the
/// counterfactual's) hold the run's realised counts and loss rather than expectations.
pub fn simulate_with_noise(scenario: &Scenario, params: &Params, noise: &mut dyn Noise) -> Outcome {
    let plan = run(scenario, params, true, Some(&mut *noise));
    let counterfactual = run(scenario, params, false, Some(&mut *noise));
    assemble(scenario, params, &plan, &counterfactual, Some(noise))
}

/// Every behavioural number of a scenario as one plain value each: the model's parameter vector.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Per product: p0, q, uninstall rate, risk cut.
    pub products: Vec<ProductParams>,
    /// Per channel.
    pub channels: Vec<ChannelParams>,
    /// Per segment: loss per case (元).
    pub loss_per_case_yuan: Vec<f64>,
    /// Awareness half-life (days).
    pub awareness_half_life_days: f64,
    /// m0.
    pub awareness_gate_m0: f64,
    /// r_aw.
    pub risk_cut_aware: f64,
    /// Reporting uplift.
    pub reporting_uplift: f64,
    /// Alerts per expected case.
    pub alerts_per_case: f64,
    /// Case trend.
    pub case_trend: f64,
    /// e_max.
    pub effort_max: f64,
    /// r_half (元).
    pub effort_half_yuan: f64,
    /// φ_max.
    pub gaming_max: f64,
    /// r_φ (元).
    pub gaming_half_yuan: f64,
    /// Verification share.
    pub verification_share: f64,
    /// Staff hours per grid worker per day.
    pub staff_hours_per_worker_day: f64,
}

/// One product's parameter values.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductParams {
    /// Spontaneous hazard (per day).
    pub p0: f64,
    /// Word of mouth (per day).
    pub q: f64,
    /// Uninstall rate (per day).
    pub uninstall_rate: f64,
    /// Risk cut for adopters.
    pub risk_cut: f64,
}

/// One channel's parameter values.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelParams {
    /// λ.
    pub awareness_lift: f64,
    /// β per product.
    pub adoption_lift: Vec<f64>,
    /// θ per week.
    pub carry_over_per_week: f64,
    /// α.
    pub hill_alpha: f64,
    /// γ.
    pub hill_gamma: f64,
    /// Households per staff hour (door-to-door).
    pub visits_per_hour: f64,
    /// Conversion per product (door-to-door).
    pub install_conversion: Vec<f64>,
}

impl Params {
    /// Picks one value for every uncertain number of the scenario with `pick` (e.g. the most likely value,
    /// or a random draw in its range), in a fixed order: products, channels, segments, behaviour.
    pub fn from_scenario(scenario: &Scenario, mut pick: impl FnMut(Uncertain) -> f64) -> Params {
        let products = scenario
            .products
            .iter()
            .map(|product| ProductParams {
                p0: pick(product.p0),
                q: pick(product.q),
                uninstall_rate: pick(product.uninstall_rate),
                risk_cut: pick(product.risk_cut),
            })
            .collect();
        let channels = scenario
            .channels
            .iter()
            .map(|channel| ChannelParams {
                awareness_lift: pick(channel.awareness_lift),
                adoption_lift: channel.adoption_lift.iter().map(|lift| pick(*lift)).collect(),
                carry_over_per_week: pick(channel.carry_over_per_week),
                hill_alpha: pick(channel.hill_alpha),
                hill_gamma: pick(channel.hill_gamma),
                visits_per_hour: pick(channel.visits_per_hour),
                install_conversion: channel.install_conversion.iter().map(|conversion| pick(*conversion)).collect(),
            })
            .collect();
        let loss_per_case_yuan = scenario.segments.iter().map(|segment| pick(segment.loss_per_case_yuan)).collect();
        let behaviour = &scenario.behaviour;
        Params {
            products,
            channels,
            loss_per_case_yuan,
            awareness_half_life_days: pick(behaviour.awareness_half_life_days),
            awareness_gate_m0: pick(behaviour.awareness_gate_m0),
            risk_cut_aware: pick(behaviour.risk_cut_aware),
            reporting_uplift: pick(behaviour.reporting_uplift),
            alerts_per_case: pick(behaviour.alerts_per_case),
            case_trend: pick(behaviour.case_trend),
            effort_max: pick(behaviour.effort_max),
            effort_half_yuan: pick(behaviour.effort_half_yuan),
            gaming_max: pick(behaviour.gaming_max),
            gaming_half_yuan: pick(behaviour.gaming_half_yuan),
            verification_share: pick(behaviour.verification_share),
            staff_hours_per_worker_day: pick(behaviour.staff_hours_per_worker_day),
        }
    }
}

/// Reward effort multiplier E(r) = 1 + e_max · r / (r + r_half).
pub fn effort(reward_yuan: f64, effort_max: f64, effort_half_yuan: f64) -> f64 {
    if reward_yuan <= 0.0 {
        1.0
    } else {
        1.0 + effort_max * reward_yuan / (reward_yuan + effort_half_yuan)
    }
}

/// Unverified claims per real install: φ_max · r / (r + r_φ).
pub fn gaming_ratio(reward_yuan: f64, gaming_max: f64, gaming_half_yuan: f64) -> f64 {
    if reward_yuan <= 0.0 {
        0.0
    } else {
        gaming_max * reward_yuan / (reward_yuan + gaming_half_yuan)
    }
}

/// Hill saturation s = a^α / (a^α + γ^α), in [0, 1).
pub fn hill(adstock: f64, alpha: f64, gamma: f64) -> f64 {
    hill_with_gamma_pow(adstock, alpha, gamma, libm::pow(gamma, alpha))
}

/// [`hill`] with `gamma_pow = γ^α` computed once per run (the same bits, half the `pow` calls).
fn hill_with_gamma_pow(adstock: f64, alpha: f64, gamma: f64, gamma_pow: f64) -> f64 {
    if adstock <= 0.0 {
        return 0.0;
    }
    if alpha == 1.0 {
        return adstock / (adstock + gamma);
    }
    let a_pow = libm::pow(adstock, alpha);
    a_pow / (a_pow + gamma_pow)
}

/// Daily carry-over from a weekly one: θ_day = θ_week^(1/7).
pub fn daily_carry_over(carry_over_per_week: f64) -> f64 {
    if carry_over_per_week <= 0.0 {
        0.0
    } else {
        libm::pow(carry_over_per_week, 1.0 / 7.0)
    }
}

/// Awareness decay δ = ln 2 / half-life.
pub fn awareness_decay(half_life_days: f64) -> f64 {
    std::f64::consts::LN_2 / half_life_days
}

/// The raw trajectory of one run (plan or counterfactual), before it is turned into an [`Outcome`].
struct Trajectory {
    /// Township shares per day.
    reached: Vec<f64>,
    aware: Vec<f64>,
    /// `[product][day]`.
    adopted: Vec<Vec<f64>>,
    /// `[product][segment][day]`.
    adopted_by_segment: Vec<Vec<Vec<f64>>>,
    cash_cum: Vec<f64>,
    /// Per channel, cash to date at the end of each day.
    channel_cash_cum: Vec<Vec<f64>>,
    rewards_cum: Vec<f64>,
    staff_hours_cum: Vec<f64>,
    /// Month accumulators: per month, per cell, the sum of start-of-day awareness and adoption.
    months: Vec<MonthAccumulator>,
    /// End-of-period state per cell.
    final_reached: Vec<f64>,
    final_aware: Vec<f64>,
    /// `[product * n_cells + cell]`.
    final_adopted: Vec<f64>,
    /// Per target: `(value at deadline per cell-scope, first date met)`; filled for share targets.
    target_values: Vec<TargetTrack>,
    channel_units_planned: Vec<f64>,
    channel_units_delivered: Vec<f64>,
    channel_cash: Vec<f64>,
    channel_staff_hours: Vec<f64>,
    channel_households_visited: Vec<f64>,
    phase_channel_cash: Vec<f64>,
    phase_rewards: Vec<f64>,
    phase_run_out: Vec<Option<Date>>,
    total_run_out: Option<Date>,
    village_channel_cash: Vec<f64>,
    village_rewards: Vec<f64>,
    village_staff_hours: Vec<f64>,
    installs_real: Vec<f64>,
    installs_claimed: Vec<f64>,
    installs_paid: Vec<f64>,
    staff_hours_short: f64,
}

struct MonthAccumulator {
    year: i32,
    month: u32,
    days_covered: u32,
    /// Sum over days of start-of-day awareness, per cell.
    aware_sum: Vec<f64>,
    /// Sum over days of start-of-day adoption, `[product * n_cells + cell]`.
    adopted_sum: Vec<f64>,
    /// First day index of the month inside the period.
    first_day: usize,
    cash: f64,
}

#[derive(Clone, Default)]
struct TargetTrack {
    /// The target's measure at the end of every day.
    daily: Vec<f64>,
    value_at_deadline: f64,
    by_village: Vec<f64>,
    first_met: Option<Date>,
}

/// Static per-scenario quantities the daily loop reads.
struct Layout {
    n_villages: usize,
    n_segments: usize,
    n_products: usize,
    n_channels: usize,
    n_cells: usize,
    /// Residents per cell.
    cell_residents: Vec<f64>,
    /// Smartphone share per cell (= its segment's).
    cell_smartphone: Vec<f64>,
    /// Σ_g affinity_g · N[v,g] per `[channel * n_villages + village]`.
    affinity_denominator: Vec<f64>,
}

impl Layout {
    fn new(scenario: &Scenario) -> Layout {
        let n_villages = scenario.villages.len();
        let n_segments = scenario.segments.len();
        let n_cells = n_villages * n_segments;
        let mut cell_residents = vec![0.0; n_cells];
        let mut cell_smartphone = vec![0.0; n_cells];
        for (village_idx, village) in scenario.villages.iter().enumerate() {
            for (segment_idx, segment) in scenario.segments.iter().enumerate() {
                let cell = village_idx * n_segments + segment_idx;
                cell_residents[cell] = village.residents * segment.share;
                cell_smartphone[cell] = segment.smartphone_share;
            }
        }
        let n_channels = scenario.channels.len();
        let mut affinity_denominator = vec![0.0; n_channels * n_villages];
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            for village_idx in 0..n_villages {
                affinity_denominator[channel_idx * n_villages + village_idx] = (0..n_segments)
                    .map(|segment_idx| {
                        channel.affinity[segment_idx] * cell_residents[village_idx * n_segments + segment_idx]
                    })
                    .fold(0.0, |total, value| total + value);
            }
        }
        Layout {
            n_villages,
            n_segments,
            n_products: scenario.products.len(),
            n_channels,
            n_cells,
            cell_residents,
            cell_smartphone,
            affinity_denominator,
        }
    }
}

/// Units of a schedule entry on `date` for one unit of `units`, before the basis multiplier.
fn units_per_day(per: Per, phase_days: usize, date: Date) -> f64 {
    match per {
        Per::Phase => 1.0 / phase_days as f64,
        Per::Day => 1.0,
        Per::Week => 1.0 / 7.0,
        Per::Month => 1.0 / f64::from(date.days_in_month()),
    }
}

/// The multiplier of an entry's units for one village.
fn basis_multiplier(
    scenario: &Scenario,
    basis: Basis,
    restricted: bool,
    village_idx: usize,
    total_residents: f64,
) -> f64 {
    let village = &scenario.villages[village_idx];
    match basis {
        Basis::PerVillage => 1.0,
        Basis::PerGridWorker => village.grid_workers,
        Basis::TownshipTotal if restricted => 1.0,
        Basis::TownshipTotal => village.residents / total_residents,
    }
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
    let layout = Layout::new(scenario);
    let Layout { n_villages, n_segments, n_products, n_channels, n_cells, .. } = layout;
    let n_days = scenario.n_days();
    let n_phases = scenario.phases.len();
    let total_residents = scenario.total_residents();

    // State per cell.
    let mut reached = vec![0.0; n_cells];
    let mut aware = vec![0.0; n_cells];
    let mut adopted = vec![0.0; n_products * n_cells];
    let mut adstock = vec![0.0; n_channels * n_cells];
    let mut visited_this_round = vec![0.0; n_villages];
    for cell in 0..n_cells {
        let segment = &scenario.segments[cell % n_segments];
        aware[cell] = segment.initial_aware;
        for product_idx in 0..n_products {
            adopted[product_idx * n_cells + cell] = segment.initial_adopted[product_idx].min(segment.smartphone_share);
        }
    }

    let carry_over: Vec<f64> =
        params.channels.iter().map(|channel| daily_carry_over(channel.carry_over_per_week)).collect();
    let gamma_pow: Vec<f64> =
        params.channels.iter().map(|channel| libm::pow(channel.hill_gamma, channel.hill_alpha)).collect();
    let decay = awareness_decay(params.awareness_half_life_days);
    let m0 = params.awareness_gate_m0;

    let mut trajectory = Trajectory {
        reached: Vec::with_capacity(n_days),
        aware: Vec::with_capacity(n_days),
        adopted: vec![Vec::with_capacity(n_days); n_products],
        adopted_by_segment: vec![vec![Vec::with_capacity(n_days); n_segments]; n_products],
        cash_cum: Vec::with_capacity(n_days),
        channel_cash_cum: vec![Vec::with_capacity(n_days); n_channels],
        rewards_cum: Vec::with_capacity(n_days),
        staff_hours_cum: Vec::with_capacity(n_days),
        months: Vec::new(),
        final_reached: Vec::new(),
        final_aware: Vec::new(),
        final_adopted: Vec::new(),
        target_values: vec![TargetTrack::default(); scenario.targets.len()],
        channel_units_planned: vec![0.0; n_channels],
        channel_units_delivered: vec![0.0; n_channels],
        channel_cash: vec![0.0; n_channels],
        channel_staff_hours: vec![0.0; n_channels],
        channel_households_visited: vec![0.0; n_channels],
        phase_channel_cash: vec![0.0; n_phases],
        phase_rewards: vec![0.0; n_phases],
        phase_run_out: vec![None; n_phases],
        total_run_out: None,
        village_channel_cash: vec![0.0; n_villages],
        village_rewards: vec![0.0; n_villages],
        village_staff_hours: vec![0.0; n_villages],
        installs_real: vec![0.0; n_products],
        installs_claimed: vec![0.0; n_products],
        installs_paid: vec![0.0; n_products],
        staff_hours_short: 0.0,
    };

    let schedule = if with_campaign { scenario.schedule.as_slice() } else { &[] };
    let rewards = if with_campaign { scenario.rewards.as_slice() } else { &[] };
    let mut fixed_cost_charged = vec![false; n_channels];
    let mut cash_cum = 0.0;
    let mut rewards_cum = 0.0;
    let mut staff_hours_cum = 0.0;

    // Scratch buffers reused every day.
    let mut planned = vec![0.0; n_channels * n_villages];
    let mut delivered = vec![0.0; n_channels * n_villages];
    let mut entry_units: Vec<(&ScheduleEntry, usize, f64)> = Vec::new();
    let mut staff_ratio = vec![1.0; n_villages];
    let mut visit_fraction = vec![0.0; n_channels * n_villages];
    let mut saturation = vec![0.0; n_channels];
    let mut active: Vec<usize> = Vec::with_capacity(n_channels);
    let mut reward_today = vec![0.0; n_products];
    let mut reward_phase = vec![None; n_products];
    let mut effort_today = vec![1.0; n_products];

    for day_idx in 0..n_days {
        let date = scenario.date_of(day_idx);
        let month_is_new =
            trajectory.months.last().is_none_or(|month| month.month != date.month() || month.year != date.year());
        if month_is_new {
            trajectory.months.push(MonthAccumulator {
                year: date.year(),
                month: date.month(),
                days_covered: 0,
                aware_sum: vec![0.0; n_cells],
                adopted_sum: vec![0.0; n_products * n_cells],
                first_day: day_idx,
                cash: 0.0,
            });
        }
        let mut cash_today = 0.0;

        // 1. Planned units per channel and village.
        planned.iter_mut().for_each(|units| *units = 0.0);
        // Each active line's units per village, computed once: step 3 prices them after rationing.
        entry_units.clear();
        for entry in schedule.iter().filter(|entry| scenario.phases[entry.phase].contains(date)) {
            let per_day = entry.units * units_per_day(entry.per, scenario.phases[entry.phase].n_days(), date);
            for village_idx in entry_villages(entry.village, n_villages) {
                let multiplier =
                    basis_multiplier(scenario, entry.basis, entry.village.is_some(), village_idx, total_residents);
                let units = per_day * multiplier;
                planned[entry.channel * n_villages + village_idx] += units;
                entry_units.push((entry, village_idx, units));
            }
        }

        // 2. Staff hours are shared by all staff-using channels in a village: ration proportionally.
        for (village_idx, village) in scenario.villages.iter().enumerate() {
            let demand: f64 = (0..n_channels)
                .map(|channel_idx| {
                    planned[channel_idx * n_villages + village_idx]
                        * scenario.channels[channel_idx].staff_hours_per_unit
                })
                .fold(0.0, |total, value| total + value);
            let capacity = village.grid_workers * params.staff_hours_per_worker_day;
            staff_ratio[village_idx] = if demand > capacity { capacity / demand } else { 1.0 };
            trajectory.staff_hours_short += (demand - capacity).max(0.0);
        }
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            let slots = channel_idx * n_villages..(channel_idx + 1) * n_villages;
            let rows = delivered[slots.clone()].iter_mut().zip(&planned[slots]).zip(&staff_ratio);
            for ((delivered_units, planned_units), ratio) in rows {
                let ratio = if channel.staff_hours_per_unit > 0.0 { *ratio } else { 1.0 };
                *delivered_units = planned_units * ratio;
            }
        }

        // 3. Cash and staff hours of delivered units, attributed to each entry's phase.
        for &(entry, village_idx, units_planned) in &entry_units {
            let channel = &scenario.channels[entry.channel];
            let ratio = if channel.staff_hours_per_unit > 0.0 { staff_ratio[village_idx] } else { 1.0 };
            let units_delivered = units_planned * ratio;
            let cash = units_delivered * channel.cost_per_unit_yuan;
            let hours = units_delivered * channel.staff_hours_per_unit;
            trajectory.channel_units_planned[entry.channel] += units_planned;
            trajectory.channel_units_delivered[entry.channel] += units_delivered;
            trajectory.channel_cash[entry.channel] += cash;
            trajectory.channel_staff_hours[entry.channel] += hours;
            trajectory.phase_channel_cash[entry.phase] += cash;
            trajectory.village_channel_cash[village_idx] += cash;
            trajectory.village_staff_hours[village_idx] += hours;
            cash_today += cash;
            staff_hours_cum += hours;
            if units_delivered > 0.0 && !fixed_cost_charged[entry.channel] {
                fixed_cost_charged[entry.channel] = true;
                trajectory.channel_cash[entry.channel] += channel.fixed_cost_yuan;
                trajectory.phase_channel_cash[entry.phase] += channel.fixed_cost_yuan;
                cash_today += channel.fixed_cost_yuan;
            }
        }

        // 4. Today's reward per product: the highest among active phases (the first listed reward wins ties).
        reward_today.iter_mut().for_each(|reward| *reward = 0.0);
        reward_phase.iter_mut().for_each(|phase| *phase = None);
        for reward in rewards.iter().filter(|reward| scenario.phases[reward.phase].contains(date)) {
            if reward.yuan_per_install > reward_today[reward.product] {
                reward_today[reward.product] = reward.yuan_per_install;
                reward_phase[reward.product] = Some(reward.phase);
            }
        }
        for product_idx in 0..n_products {
            effort_today[product_idx] = effort(reward_today[product_idx], params.effort_max, params.effort_half_yuan);
        }
        let visit_effort = effort_today.iter().copied().fold(1.0, f64::max);

        // 5. Door-to-door visits: capacity-bound, each household once per round.
        visit_fraction.iter_mut().for_each(|fraction| *fraction = 0.0);
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            if channel.kind != ChannelKind::DoorToDoor {
                continue;
            }
            for (village_idx, village) in scenario.villages.iter().enumerate() {
                // Door-to-door channels always use staff hours (validation), so this is the rationed number.
                let units = delivered[channel_idx * n_villages + village_idx];
                if units <= 0.0 {
                    continue;
                }
                let hours = units * channel.staff_hours_per_unit;
                let capacity = hours * params.channels[channel_idx].visits_per_hour * visit_effort;
                let not_yet_visited = (village.households - visited_this_round[village_idx]).max(0.0);
                let visits = capacity.min(not_yet_visited);
                visited_this_round[village_idx] += visits;
                if visited_this_round[village_idx] >= village.households - 1e-9 {
                    visited_this_round[village_idx] = 0.0; // the round is complete; the next starts tomorrow
                }
                visit_fraction[channel_idx * n_villages + village_idx] = visits / village.households;
                trajectory.channel_households_visited[channel_idx] += visits;
            }
        }

        // 6. Month means use start-of-day state (MODEL.md: cases use the month's mean awareness and coverage).
        if let Some(month) = trajectory.months.last_mut() {
            month.days_covered += 1;
            for (sum, value) in month.aware_sum.iter_mut().zip(&aware) {
                *sum += value;
            }
            for (sum, value) in month.adopted_sum.iter_mut().zip(&adopted) {
                *sum += value;
            }
        }

        // 7. Per cell: exposure, adstock, saturation, then the flows from start-of-day state.
        let mut rewards_today_cash = 0.0;
        for village_idx in 0..n_villages {
            let village = &scenario.villages[village_idx];
            let people_per_household = village.residents / village.households;
            for segment_idx in 0..n_segments {
                let cell = village_idx * n_segments + segment_idx;
                let residents = layout.cell_residents[cell];
                let smartphone = layout.cell_smartphone[cell];

                let mut total_exposure = 0.0;
                let mut awareness_hazard = 0.0;
                // Only channels with some effect in this cell today enter the adoption sums below: skipping
                // terms that are exactly zero leaves every sum bit-identical. The counterfactual has none.
                active.clear();
                let channels = if with_campaign { scenario.channels.as_slice() } else { &[] };
                for (channel_idx, channel) in channels.iter().enumerate() {
                    let slot = channel_idx * n_villages + village_idx;
                    let denominator = layout.affinity_denominator[slot];
                    let contacts = match channel.kind {
                        ChannelKind::Broadcast => delivered[slot] * channel.reach_per_unit,
                        ChannelKind::DoorToDoor => visit_fraction[slot] * village.households * people_per_household,
                    };
                    let x = if contacts > 0.0 && denominator > 0.0 {
                        contacts * channel.affinity[segment_idx] / denominator
                    } else {
                        0.0
                    };
                    let stock = &mut adstock[channel_idx * n_cells + cell];
                    if x == 0.0 && *stock == 0.0 {
                        continue;
                    }
                    *stock = x + carry_over[channel_idx] * *stock;
                    let channel_params = &params.channels[channel_idx];
                    saturation[channel_idx] = hill_with_gamma_pow(
                        *stock,
                        channel_params.hill_alpha,
                        channel_params.hill_gamma,
                        gamma_pow[channel_idx],
                    );
                    total_exposure += x;
                    awareness_hazard += channel_params.awareness_lift * saturation[channel_idx];
                    active.push(channel_idx);
                }

                let reached_start = reached[cell];
                let aware_start = aware[cell];
                reached[cell] = reached_start + (1.0 - reached_start) * (1.0 - libm::exp(-total_exposure));
                aware[cell] = (aware_start + (1.0 - aware_start) * (1.0 - libm::exp(-awareness_hazard))
                    - decay * aware_start)
                    .clamp(0.0, 1.0);

                let gate = m0 + (1.0 - m0) * aware_start;
                for product_idx in 0..n_products {
                    let slot = product_idx * n_cells + cell;
                    let adopted_start = adopted[slot];
                    let product = &params.products[product_idx];
                    let mut lift = product.p0;
                    let mut keep_after_visits = 1.0;
                    for &channel_idx in &active {
                        let channel_params = &params.channels[channel_idx];
                        lift += channel_params.adoption_lift[product_idx] * saturation[channel_idx];
                        let fraction = visit_fraction[channel_idx * n_villages + village_idx];
                        if fraction > 0.0 {
                            keep_after_visits *= 1.0 - fraction * channel_params.install_conversion[product_idx];
                        }
                    }
                    let word_of_mouth = if smartphone > 0.0 { product.q * adopted_start / smartphone } else { 0.0 };
                    let hazard = lift * effort_today[product_idx] * gate + word_of_mouth;
                    let not_adopted = (smartphone - adopted_start).max(0.0);
                    let new_share = match noise.as_deref_mut() {
                        None => not_adopted * (1.0 - libm::exp(-hazard) * keep_after_visits),
                        Some(rng) => {
                            let probability = 1.0 - libm::exp(-hazard) * keep_after_visits;
                            rng.installs_share(not_adopted, residents, probability)
                        }
                    };
                    let after_adoption = adopted_start + new_share;
                    // Uninstalls apply after today's adoptions.
                    adopted[slot] = after_adoption - product.uninstall_rate * after_adoption;

                    let installs = new_share * residents;
                    trajectory.installs_real[product_idx] += installs;
                    let reward = reward_today[product_idx];
                    if reward > 0.0 && installs > 0.0 {
                        let false_claims = installs * gaming_ratio(reward, params.gaming_max, params.gaming_half_yuan);
                        let paid_installs = installs + false_claims * (1.0 - params.verification_share);
                        let paid = reward * paid_installs;
                        trajectory.installs_claimed[product_idx] += installs + false_claims;
                        trajectory.installs_paid[product_idx] += paid_installs;
                        trajectory.village_rewards[village_idx] += paid;
                        if let Some(phase_idx) = reward_phase[product_idx] {
                            trajectory.phase_rewards[phase_idx] += paid;
                        }
                        rewards_today_cash += paid;
                    } else {
                        trajectory.installs_claimed[product_idx] += installs;
                    }
                }
            }
        }
        cash_today += rewards_today_cash;
        rewards_cum += rewards_today_cash;
        cash_cum += cash_today;
        if let Some(month) = trajectory.months.last_mut() {
            month.cash += cash_today;
        }

        // Budget run-out dates.
        if let Some(cap) = scenario.budget.total_yuan {
            if trajectory.total_run_out.is_none() && cash_cum > cap {
                trajectory.total_run_out = Some(date);
            }
        }
        for (phase_idx, cap) in scenario.budget.per_phase_yuan.iter().enumerate() {
            let spent = trajectory.phase_channel_cash[phase_idx] + trajectory.phase_rewards[phase_idx];
            if let Some(cap) = cap {
                if trajectory.phase_run_out[phase_idx].is_none() && spent > *cap {
                    trajectory.phase_run_out[phase_idx] = Some(date);
                }
            }
        }

        // Township aggregates (end of day).
        record_day(&mut trajectory, &layout, &reached, &aware, &adopted);
        trajectory.cash_cum.push(cash_cum);
        for (series, cash) in trajectory.channel_cash_cum.iter_mut().zip(&trajectory.channel_cash) {
            series.push(*cash);
        }
        trajectory.rewards_cum.push(rewards_cum);
        trajectory.staff_hours_cum.push(staff_hours_cum);
        track_targets(scenario, &layout, &mut trajectory.target_values, date, &reached, &aware, &adopted);
    }
    trajectory.final_reached = reached;
    trajectory.final_aware = aware;
    trajectory.final_adopted = adopted;
    trajectory
}

fn entry_villages(restricted: Option<usize>, n_villages: usize) -> std::ops::Range<usize> {
    match restricted {
        Some(village_idx) => village_idx..village_idx + 1,
        None => 0..n_villages,
    }
}

/// Share of the residents (or smartphone holders) of the cells in scope that `state` holds.
fn share_in_scope(
    layout: &Layout,
    state: &[f64],
    village: Option<usize>,
    segment: Option<usize>,
    denominator: Denominator,
) -> f64 {
    let weight_of = |cell: usize| -> f64 {
        let residents = layout.cell_residents[cell];
        match denominator {
            Denominator::Residents => residents,
            Denominator::SmartphoneHolders => residents * layout.cell_smartphone[cell],
        }
    };
    let cells = || {
        entry_villages(village, layout.n_villages).flat_map(move |village_idx| {
            entry_villages(segment, layout.n_segments)
                .map(move |segment_idx| village_idx * layout.n_segments + segment_idx)
        })
    };
    let denominator_sum: f64 = cells().map(weight_of).fold(0.0, |total, value| total + value);
    if denominator_sum <= 0.0 {
        return 0.0;
    }
    // Weights first, so a scope of one cell reports that cell's share exactly.
    cells()
        .map(|cell| layout.cell_residents[cell] / denominator_sum * state[cell])
        .fold(0.0, |total, value| total + value)
}

/// Appends the township's end-of-day shares to the trajectory.
fn record_day(trajectory: &mut Trajectory, layout: &Layout, reached: &[f64], aware: &[f64], adopted: &[f64]) {
    let residents = Denominator::Residents;
    trajectory.reached.push(share_in_scope(layout, reached, None, None, residents));
    trajectory.aware.push(share_in_scope(layout, aware, None, None, residents));
    for product_idx in 0..layout.n_products {
        let state = &adopted[product_idx * layout.n_cells..(product_idx + 1) * layout.n_cells];
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
    n_cells: usize,
    reached: &'a [f64],
    aware: &'a [f64],
    adopted: &'a [f64],
) -> Option<&'a [f64]> {
    match metric {
        Metric::Adoption => product.map(|product_idx| &adopted[product_idx * n_cells..(product_idx + 1) * n_cells]),
        Metric::Reach => Some(reached),
        Metric::Awareness => Some(aware),
        Metric::YoyCases | Metric::YoyLoss => None,
    }
}

/// Records, for share targets, the first date met and the value (township and per village) at the deadline.
fn track_targets(
    scenario: &Scenario,
    layout: &Layout,
    tracks: &mut [TargetTrack],
    date: Date,
    reached: &[f64],
    aware: &[f64],
    adopted: &[f64],
) {
    for (target, track) in scenario.targets.iter().zip(tracks.iter_mut()) {
        let Some(state) = target_state(target.metric, target.product, layout.n_cells, reached, aware, adopted) else {
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

/// Monthly cases of one run, per cell: `(expected, reported, loss)` for month `month_idx` of the trajectory.
struct CaseTable {
    /// Per month: expected cases per cell.
    expected: Vec<Vec<f64>>,
    /// Per month: reported cases per cell.
    reported: Vec<Vec<f64>>,
    /// Per month: loss per cell (元).
    loss: Vec<Vec<f64>>,
    /// Per month: attempts stopped by product warnings per cell (劝阻).
    dissuaded: Vec<Vec<f64>>,
}

/// Cases and loss per month and cell from the month means of awareness and adoption (MODEL.md). With
/// `noise`, cases are a Poisson draw around the expectation, reports add a Poisson draw of the extra
/// reports, and the loss is one log-normal draw per case (see [`simulate_with_noise`]).
fn cases(
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
                let cell = village_idx * layout.n_segments + segment_idx;
                let aware_mean = month.aware_sum[cell] / days;
                let risk_after_awareness = 1.0 - params.risk_cut_aware * aware_mean;
                let mut risk_after_warnings = 1.0;
                for (product_idx, product) in params.products.iter().enumerate() {
                    let warned_mean = month.adopted_sum[product_idx * layout.n_cells + cell] / days;
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

/// For the cells of a village and/or segment: the plan's cumulative value from the start to `day_idx`
/// (whole months, then the deadline's month prorated by days) and the scope's share of last year's figure.
#[allow(clippy::too_many_arguments)]
fn scoped_change(
    scenario: &Scenario,
    layout: &Layout,
    months: &[MonthAccumulator],
    rows: &[Vec<f64>],
    is_cases: bool,
    day_idx: usize,
    village: Option<usize>,
    segment: Option<usize>,
) -> (f64, f64) {
    let total_residents = scenario.total_residents();
    let loss_weight_total: f64 =
        scenario.segments.iter().map(|segment| segment.victim_share * segment.loss_per_case_yuan.value).sum();
    let mut plan_value = 0.0;
    let mut last_year_share = 0.0;
    for village_idx in entry_villages(village, layout.n_villages) {
        let village_share = scenario.villages[village_idx].residents / total_residents;
        for segment_idx in entry_villages(segment, layout.n_segments) {
            let cell = village_idx * layout.n_segments + segment_idx;
            let segment = &scenario.segments[segment_idx];
            let segment_share = if is_cases {
                segment.victim_share
            } else if loss_weight_total > 0.0 {
                segment.victim_share * segment.loss_per_case_yuan.value / loss_weight_total
            } else {
                0.0
            };
            last_year_share += village_share * segment_share;
            for (month, row) in months.iter().zip(rows) {
                if day_idx >= month.first_day + month.days_covered as usize {
                    plan_value += row[cell];
                } else if day_idx >= month.first_day {
                    plan_value += row[cell] * (day_idx - month.first_day + 1) as f64 / f64::from(month.days_covered);
                }
            }
        }
    }
    (plan_value, last_year_share)
}

/// Relative change `now / before - 1`, or `None` when `before` is zero.
fn relative_change(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| now / before - 1.0)
}

/// Seed 004's year-on-year points: `flat` at no change; each point of rise costs `per_pct`; a rise of
/// `zero_at` % or more scores 0; a decline earns linearly up to `max` at `full_decline` %.
pub fn yoy_points(
    change: Option<f64>,
    points_max: f64,
    flat: f64,
    per_pct: f64,
    zero_at: f64,
    full_decline: f64,
) -> f64 {
    let change_pct = change.unwrap_or(0.0) * 100.0;
    if change_pct >= zero_at {
        0.0
    } else if change_pct > 0.0 {
        (flat - per_pct * change_pct).max(0.0)
    } else {
        flat + (points_max - flat) * (-change_pct / full_decline).min(1.0)
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

fn option_ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// Turns the plan and counterfactual trajectories into the reported [`Outcome`].
fn assemble(
    scenario: &Scenario,
    params: &Params,
    plan: &Trajectory,
    counterfactual: &Trajectory,
    mut noise: Option<&mut (dyn Noise + '_)>,
) -> Outcome {
    let layout = Layout::new(scenario);
    let n_days = scenario.n_days();
    let dates: Vec<Date> = (0..n_days).map(|day_idx| scenario.date_of(day_idx)).collect();
    let total_residents = scenario.total_residents();

    let plan_cases = cases(scenario, params, &layout, plan, noise.as_deref_mut());
    let counterfactual_cases = cases(scenario, params, &layout, counterfactual, noise);
    let sum = |rows: &Vec<Vec<f64>>| -> Vec<f64> {
        rows.iter().map(|row| row.iter().fold(0.0, |total, value| total + value)).collect()
    };
    let expected_by_month = sum(&plan_cases.expected);
    let reported_by_month = sum(&plan_cases.reported);
    let loss_by_month = sum(&plan_cases.loss);
    let counterfactual_by_month = sum(&counterfactual_cases.expected);
    let counterfactual_loss_by_month = sum(&counterfactual_cases.loss);
    let dissuaded_by_month = sum(&plan_cases.dissuaded);

    let month_coverage = |month: &MonthAccumulator| {
        f64::from(month.days_covered) / f64::from(crate::date::days_in_month(month.year, month.month))
    };
    let last_year_cases_by_month: Vec<f64> = plan
        .months
        .iter()
        .map(|month| scenario.last_year.cases_monthly[month.month as usize - 1] * month_coverage(month))
        .collect();
    let last_year_loss_by_month: Vec<f64> = plan
        .months
        .iter()
        .map(|month| scenario.last_year.loss_monthly_yuan[month.month as usize - 1] * month_coverage(month))
        .collect();

    let monthly: Vec<MonthRow> = plan
        .months
        .iter()
        .enumerate()
        .map(|(month_idx, month)| MonthRow {
            year: month.year,
            month: month.month,
            days_covered: month.days_covered,
            last_year_cases: last_year_cases_by_month[month_idx],
            last_year_loss_yuan: last_year_loss_by_month[month_idx],
            cases_expected: expected_by_month[month_idx],
            cases_reported: reported_by_month[month_idx],
            loss_yuan: loss_by_month[month_idx],
            counterfactual_cases: counterfactual_by_month[month_idx],
            counterfactual_loss_yuan: counterfactual_loss_by_month[month_idx],
            alerts: expected_by_month[month_idx] * params.alerts_per_case,
            dissuasions: dissuaded_by_month[month_idx],
            cash_yuan: month.cash,
        })
        .collect();

    let cases_expected_cum = cumulative_daily(plan, n_days, &expected_by_month);
    let cases_reported_cum = cumulative_daily(plan, n_days, &reported_by_month);
    let loss_cum = cumulative_daily(plan, n_days, &loss_by_month);
    let counterfactual_cases_cum = cumulative_daily(plan, n_days, &counterfactual_by_month);
    let last_year_cases_cum = cumulative_daily(plan, n_days, &last_year_cases_by_month);
    let last_year_loss_cum = cumulative_daily(plan, n_days, &last_year_loss_by_month);
    let day_of = |date: Date| date.days_since(scenario.start) as usize;

    let checkpoints: Vec<Checkpoint> = checkpoint_dates(scenario)
        .into_iter()
        .map(|date| {
            let day_idx = day_of(date);
            let yoy_cases = relative_change(cases_reported_cum[day_idx], last_year_cases_cum[day_idx]);
            let yoy_loss = relative_change(loss_cum[day_idx], last_year_loss_cum[day_idx]);
            Checkpoint {
                date,
                cases_reported: cases_reported_cum[day_idx],
                last_year_cases: last_year_cases_cum[day_idx],
                yoy_cases,
                loss_yuan: loss_cum[day_idx],
                last_year_loss_yuan: last_year_loss_cum[day_idx],
                yoy_loss,
                double_decline: yoy_cases.is_some_and(|change| change < 0.0)
                    && yoy_loss.is_some_and(|change| change < 0.0),
            }
        })
        .collect();

    // Cases per village over the period (for the village table and village-scoped year-on-year targets).
    let village_sum = |rows: &Vec<Vec<f64>>, village_idx: usize, up_to_month: usize| -> f64 {
        rows.iter()
            .take(up_to_month)
            .map(|row| {
                row[village_idx * layout.n_segments..(village_idx + 1) * layout.n_segments]
                    .iter()
                    .fold(0.0, |total, value| total + value)
            })
            .fold(0.0, |total, value| total + value)
    };
    let n_months = plan.months.len();

    let targets: Vec<TargetOutcome> = scenario
        .targets
        .iter()
        .zip(&plan.target_values)
        .map(|(target, track)| {
            let (value_at_deadline, by_village, first_met, daily) = match target.metric {
                Metric::YoyCases | Metric::YoyLoss => {
                    let day_idx = day_of(target.deadline);
                    let is_cases = target.metric == Metric::YoyCases;
                    let (plan_cum, last_year_cum) = if is_cases {
                        (&cases_reported_cum, &last_year_cases_cum)
                    } else {
                        (&loss_cum, &last_year_loss_cum)
                    };
                    let rows = if is_cases { &plan_cases.reported } else { &plan_cases.loss };
                    // The change from the start to `day_idx` in a village (or the whole township) and the
                    // target's segment; the township-wide figure comes straight from the daily series.
                    let change_at = |day_idx: usize, village: Option<usize>| {
                        if village.is_none() && target.segment.is_none() {
                            return relative_change(plan_cum[day_idx], last_year_cum[day_idx]);
                        }
                        let (plan_value, last_year_share) = scoped_change(
                            scenario,
                            &layout,
                            &plan.months,
                            rows,
                            is_cases,
                            day_idx,
                            village,
                            target.segment,
                        );
                        relative_change(plan_value, last_year_cum[day_idx] * last_year_share)
                    };
                    let daily: Vec<Option<f64>> = (0..n_days).map(|day| change_at(day, target.village)).collect();
                    let change = daily[day_idx];
                    let by_village =
                        (0..layout.n_villages).map(|village_idx| change_at(day_idx, Some(village_idx))).collect();
                    (change, by_village, None, daily)
                }
                _ => (
                    Some(track.value_at_deadline),
                    track.by_village.iter().map(|value| Some(*value)).collect(),
                    track.first_met,
                    track.daily.iter().map(|value| Some(*value)).collect(),
                ),
            };
            let met = match value_at_deadline {
                Some(value) => target.is_met_by(value),
                None => false,
            };
            TargetOutcome {
                id: target.id.clone(),
                metric: target.metric,
                threshold: target.threshold,
                deadline: target.deadline,
                value_at_deadline,
                first_met,
                met,
                by_village,
                daily,
            }
        })
        .collect();

    let units_per_entry = if scenario.floors.is_empty() { Vec::new() } else { units_over_phase(scenario) };
    let floors: Vec<FloorCheck> = scenario
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
        .collect();

    let villages: Vec<VillageOutcome> = scenario
        .villages
        .iter()
        .enumerate()
        .map(|(village_idx, village)| {
            let share = |state: &[f64]| share_in_scope(&layout, state, Some(village_idx), None, Denominator::Residents);
            VillageOutcome {
                id: village.id.clone(),
                reached: share(&plan.final_reached),
                aware: share(&plan.final_aware),
                adopted: (0..layout.n_products)
                    .map(|product_idx| {
                        share(&plan.final_adopted[product_idx * layout.n_cells..(product_idx + 1) * layout.n_cells])
                    })
                    .collect(),
                channel_cash_yuan: plan.village_channel_cash[village_idx],
                rewards_yuan: plan.village_rewards[village_idx],
                staff_hours: plan.village_staff_hours[village_idx],
                cases_expected: village_sum(&plan_cases.expected, village_idx, n_months),
                counterfactual_cases: village_sum(&counterfactual_cases.expected, village_idx, n_months),
            }
        })
        .collect();

    let channel_cash_yuan: f64 = plan.channel_cash.iter().fold(0.0, |total, value| total + value);
    let rewards_paid_yuan = plan.rewards_cum.last().copied().unwrap_or(0.0);
    let cash_yuan = plan.cash_cum.last().copied().unwrap_or(0.0);
    let staff_hours = plan.staff_hours_cum.last().copied().unwrap_or(0.0);

    let costs = Costs {
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
    };

    let budget = BudgetCheck {
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
    };

    let cases_expected: f64 = expected_by_month.iter().fold(0.0, |total, value| total + value);
    let counterfactual_total: f64 = counterfactual_by_month.iter().fold(0.0, |total, value| total + value);
    let loss_yuan: f64 = loss_by_month.iter().fold(0.0, |total, value| total + value);
    let counterfactual_loss_yuan: f64 = counterfactual_loss_by_month.iter().fold(0.0, |total, value| total + value);
    let cases_averted = counterfactual_total - cases_expected;
    let loss_averted_yuan = counterfactual_loss_yuan - loss_yuan;
    let people_reached = plan.reached.last().copied().unwrap_or(0.0) * total_residents;
    let totals = Totals {
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
        dissuasions: dissuaded_by_month.iter().fold(0.0, |total, value| total + value),
        cases_reported: reported_by_month.iter().fold(0.0, |total, value| total + value),
        loss_yuan,
        counterfactual_cases: counterfactual_total,
        counterfactual_loss_yuan,
        cases_averted,
        loss_averted_yuan,
        last_year_cases: last_year_cases_by_month.iter().fold(0.0, |total, value| total + value),
        last_year_loss_yuan: last_year_loss_by_month.iter().fold(0.0, |total, value| total + value),
        cost_per_install_yuan: plan.installs_real.iter().map(|installs| option_ratio(cash_yuan, *installs)).collect(),
        cost_per_person_reached_yuan: option_ratio(cash_yuan, people_reached),
        cost_per_case_averted_yuan: option_ratio(cash_yuan, cases_averted),
        loss_averted_per_yuan: option_ratio(loss_averted_yuan, cash_yuan),
    };

    let period_yoy = checkpoints.last().and_then(|checkpoint| checkpoint.yoy_cases);
    let parts: Vec<AssessmentPart> = scenario
        .assessment
        .iter()
        .map(|rule| {
            let points = match &rule.scoring {
                RuleScoring::YoyCases { flat_points, points_per_pct_rise, zero_at_rise_pct, full_decline_pct } => {
                    yoy_points(
                        period_yoy,
                        rule.points_max,
                        *flat_points,
                        *points_per_pct_rise,
                        *zero_at_rise_pct,
                        *full_decline_pct,
                    )
                }
                RuleScoring::TargetsMet { targets: listed } => {
                    let n_met = listed.iter().filter(|target_idx| targets[**target_idx].met).count();
                    if listed.is_empty() {
                        0.0
                    } else {
                        rule.points_max * n_met as f64 / listed.len() as f64
                    }
                }
                RuleScoring::Manual { points } => *points,
            };
            AssessmentPart { id: rule.id.clone(), points, points_max: rule.points_max }
        })
        .collect();
    let assessment = AssessmentOutcome {
        total: parts.iter().map(|part| part.points).fold(0.0, |total, value| total + value),
        total_max: parts.iter().map(|part| part.points_max).fold(0.0, |total, value| total + value),
        parts,
    };

    Outcome {
        dates,
        product_ids: scenario.products.iter().map(|product| product.id.clone()).collect(),
        daily: DailySeries {
            reached: plan.reached.clone(),
            aware: plan.aware.clone(),
            adopted: plan.adopted.clone(),
            adopted_by_segment: plan.adopted_by_segment.clone(),
            cash_cost_cum: plan.cash_cum.clone(),
            channel_cash_cum: plan.channel_cash_cum.clone(),
            rewards_paid_cum: plan.rewards_cum.clone(),
            staff_hours_cum: plan.staff_hours_cum.clone(),
            cases_expected_cum,
            cases_reported_cum,
            counterfactual_cases_cum,
            last_year_cases_cum,
        },
        monthly,
        costs,
        budget,
        targets,
        floors,
        villages,
        checkpoints,
        totals,
        assessment,
    }
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
