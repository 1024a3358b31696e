//! The daily step of MODEL.md over flat arrays: one [`RunState`] holds a run's cell state and its scratch
//! buffers, and [`RunState::step_day`] advances it one day in the model's update order.
//!
//! Update order (explicit Euler, one day), as MODEL.md fixes it: every flow of day t is computed from the
//! state at the start of day t; today's exposure counts in today's carry-over; adoption uses start-of-day
//! awareness and adoption; uninstalls apply after today's adoptions. The steps of one day:
//! planned units → staff rationing → cash → rewards and effort → door-to-door visits → month means of the
//! start-of-day state → per cell: exposure, carry-over, saturation, reach per channel within its audience and
//! their union (MODEL.md v2 §2), awareness, adoption (with
//! door-to-door conversions), uninstalls, rewards paid → budget run-out → record.
//!
//! Apart from reach (v2: per channel, then the union), floating-point operations happen in the same order as in
//! the single loop this replaced.

use crate::date::Date;
use crate::engine::layout::{basis_multiplier, entry_villages, units_per_day, Layout};
use crate::engine::noise::Noise;
use crate::engine::params::{awareness_decay, daily_carry_over, effort, gaming_ratio, hill_with_gamma_pow, Params};
use crate::engine::trajectory::{record_day, track_targets, MonthAccumulator, TargetTrack, Trajectory};
use crate::model::{ChannelKind, Reward, Scenario, ScheduleEntry};

/// One run's state: the cell state (shares of residents), the run's constants and the day's scratch buffers.
pub(crate) struct RunState<'s> {
    scenario: &'s Scenario,
    params: &'s Params,
    layout: Layout,
    with_campaign: bool,
    total_residents: f64,
    schedule: &'s [ScheduleEntry],
    rewards: &'s [Reward],
    /// θ_day per channel.
    carry_over: Vec<f64>,
    /// γ^α per channel.
    gamma_pow: Vec<f64>,
    /// Per channel, the last adstock whose saturation was computed and that saturation: the same input gives the
    /// same bits, so an adstock equal to the last one (the same exposure history in another segment of the
    /// village, or a fixed point) reuses it instead of another `pow`.
    last_saturation: Vec<(f64, f64)>,
    /// δ.
    decay: f64,
    /// m0.
    m0: f64,
    // State per cell.
    reached: Vec<f64>,
    aware: Vec<f64>,
    /// [`Layout::cell_product`] slots.
    adopted: Vec<f64>,
    /// [`Layout::channel_cell`] slots.
    adstock: Vec<f64>,
    /// Share of the cell reached by each channel, within its audience ([`Layout::channel_cell`] slots).
    channel_reached: Vec<f64>,
    /// Households visited in the current round, per village.
    visited_this_round: Vec<f64>,
    fixed_cost_charged: Vec<bool>,
    cash_cum: f64,
    rewards_cum: f64,
    staff_hours_cum: f64,
    // Scratch buffers reused every day ([`Layout::channel_village`] slots where per channel and village).
    planned: Vec<f64>,
    delivered: Vec<f64>,
    /// Each active schedule line's units per village today: `(entry, village_idx, units)`.
    entry_units: Vec<(&'s ScheduleEntry, usize, f64)>,
    staff_ratio: Vec<f64>,
    visit_fraction: Vec<f64>,
    /// Per channel, today's saturation in the cell being updated.
    saturation: Vec<f64>,
    /// Per channel, today's exposure `x` in the cell being updated (0 for channels without effect).
    exposure: Vec<f64>,
    /// Channels with some effect in the cell being updated, in channel order.
    active: Vec<usize>,
    reward_today: Vec<f64>,
    reward_phase: Vec<Option<usize>>,
    effort_today: Vec<f64>,
    trajectory: Trajectory,
}

impl<'s> RunState<'s> {
    /// The state at the start of the first day: initial awareness and adoption per cell, nothing reached.
    pub fn new(scenario: &'s Scenario, params: &'s Params, with_campaign: bool) -> RunState<'s> {
        let layout = Layout::new(scenario);
        let Layout { n_villages, n_products, n_channels, n_cells, .. } = layout;
        let n_phases = scenario.phases.len();
        let mut aware = vec![0.0; n_cells];
        let mut adopted = vec![0.0; n_products * n_cells];
        for cell in 0..n_cells {
            let segment = &scenario.segments[layout.segment_of(cell)];
            aware[cell] = segment.initial_aware;
            for product_idx in 0..n_products {
                adopted[layout.cell_product(product_idx, cell)] =
                    segment.initial_adopted[product_idx].min(segment.smartphone_share);
            }
        }
        let trajectory = new_trajectory(scenario, &layout, n_phases);
        RunState {
            scenario,
            params,
            with_campaign,
            total_residents: scenario.total_residents(),
            schedule: if with_campaign { scenario.schedule.as_slice() } else { &[] },
            rewards: if with_campaign { scenario.rewards.as_slice() } else { &[] },
            carry_over: params.channels.iter().map(|channel| daily_carry_over(channel.carry_over_per_week)).collect(),
            gamma_pow: params
                .channels
                .iter()
                .map(|channel| libm::pow(channel.hill_gamma, channel.hill_alpha))
                .collect(),
            last_saturation: vec![(f64::NAN, 0.0); n_channels],
            decay: awareness_decay(params.awareness_half_life_days),
            m0: params.awareness_gate_m0,
            reached: vec![0.0; n_cells],
            aware,
            adopted,
            adstock: vec![0.0; n_channels * n_cells],
            channel_reached: vec![0.0; n_channels * n_cells],
            visited_this_round: vec![0.0; n_villages],
            fixed_cost_charged: vec![false; n_channels],
            cash_cum: 0.0,
            rewards_cum: 0.0,
            staff_hours_cum: 0.0,
            planned: vec![0.0; n_channels * n_villages],
            delivered: vec![0.0; n_channels * n_villages],
            entry_units: Vec::new(),
            staff_ratio: vec![1.0; n_villages],
            visit_fraction: vec![0.0; n_channels * n_villages],
            saturation: vec![0.0; n_channels],
            exposure: vec![0.0; n_channels],
            active: Vec::with_capacity(n_channels),
            reward_today: vec![0.0; n_products],
            reward_phase: vec![None; n_products],
            effort_today: vec![1.0; n_products],
            trajectory,
            layout,
        }
    }

    /// Advances the state by day `day_idx`, drawing installs from `noise` when given.
    pub fn step_day(&mut self, day_idx: usize, mut noise: Option<&mut (dyn Noise + '_)>) {
        let date = self.scenario.date_of(day_idx);
        self.open_month(date, day_idx);
        self.plan_units(date);
        self.ration_staff_hours();
        let mut cash_today = 0.0;
        cash_today += self.charge_delivered_units();
        self.set_rewards(date);
        self.visit_door_to_door();
        self.add_month_means();
        let mut rewards_today_cash = 0.0;
        for village_idx in 0..self.layout.n_villages {
            for segment_idx in 0..self.layout.n_segments {
                self.update_cell(village_idx, segment_idx, &mut rewards_today_cash, noise.as_deref_mut());
            }
        }
        cash_today += rewards_today_cash;
        self.rewards_cum += rewards_today_cash;
        self.cash_cum += cash_today;
        if let Some(month) = self.trajectory.months.last_mut() {
            month.cash += cash_today;
        }
        self.check_budget(date);
        self.record(date);
    }

    /// The record of the run once every day has been stepped, with the final cell state.
    pub fn finish(mut self) -> Trajectory {
        self.trajectory.final_reached = self.reached;
        self.trajectory.final_aware = self.aware;
        self.trajectory.final_adopted = self.adopted;
        self.trajectory
    }

    /// Starts a month accumulator on the first day of each calendar month (and on the first day).
    fn open_month(&mut self, date: Date, day_idx: usize) {
        let months = &mut self.trajectory.months;
        let month_is_new = months.last().is_none_or(|month| month.month != date.month() || month.year != date.year());
        if month_is_new {
            months.push(MonthAccumulator {
                year: date.year(),
                month: date.month(),
                days_covered: 0,
                aware_sum: vec![0.0; self.layout.n_cells],
                adopted_sum: vec![0.0; self.layout.n_products * self.layout.n_cells],
                first_day: day_idx,
                cash: 0.0,
            });
        }
    }

    /// Step 1: planned units per channel and village, and each active line's units per village (priced in
    /// step 3 after rationing).
    fn plan_units(&mut self, date: Date) {
        let scenario = self.scenario;
        self.planned.iter_mut().for_each(|units| *units = 0.0);
        self.entry_units.clear();
        for entry in self.schedule.iter().filter(|entry| scenario.phases[entry.phase].contains(date)) {
            let per_day = entry.units * units_per_day(entry.per, scenario.phases[entry.phase].n_days(), date);
            for village_idx in entry_villages(entry.village, self.layout.n_villages) {
                let multiplier =
                    basis_multiplier(scenario, entry.basis, entry.village.is_some(), village_idx, self.total_residents);
                let units = per_day * multiplier;
                self.planned[self.layout.channel_village(entry.channel, village_idx)] += units;
                self.entry_units.push((entry, village_idx, units));
            }
        }
    }

    /// Step 2: staff hours are shared by all staff-using channels in a village; ration them proportionally.
    fn ration_staff_hours(&mut self) {
        let scenario = self.scenario;
        let layout = &self.layout;
        for (village_idx, village) in scenario.villages.iter().enumerate() {
            let demand: f64 = (0..layout.n_channels)
                .map(|channel_idx| {
                    self.planned[layout.channel_village(channel_idx, village_idx)]
                        * scenario.channels[channel_idx].staff_hours_per_unit
                })
                .fold(0.0, |total, value| total + value);
            let capacity = village.grid_workers * self.params.staff_hours_per_worker_day;
            self.staff_ratio[village_idx] = if demand > capacity { capacity / demand } else { 1.0 };
            self.trajectory.staff_hours_short += (demand - capacity).max(0.0);
        }
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            let slots = layout.channel_villages(channel_idx);
            let rows = self.delivered[slots.clone()].iter_mut().zip(&self.planned[slots]).zip(&self.staff_ratio);
            for ((delivered_units, planned_units), ratio) in rows {
                let ratio = if channel.staff_hours_per_unit > 0.0 { *ratio } else { 1.0 };
                *delivered_units = planned_units * ratio;
            }
        }
    }

    /// Step 3: cash and staff hours of delivered units, attributed to each entry's phase; returns today's cash
    /// so far (units and fixed costs, in the order they are charged).
    fn charge_delivered_units(&mut self) -> f64 {
        let mut cash_today = 0.0;
        let trajectory = &mut self.trajectory;
        for &(entry, village_idx, units_planned) in &self.entry_units {
            let channel = &self.scenario.channels[entry.channel];
            let ratio = if channel.staff_hours_per_unit > 0.0 { self.staff_ratio[village_idx] } else { 1.0 };
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
            self.staff_hours_cum += hours;
            if units_delivered > 0.0 && !self.fixed_cost_charged[entry.channel] {
                self.fixed_cost_charged[entry.channel] = true;
                trajectory.channel_cash[entry.channel] += channel.fixed_cost_yuan;
                trajectory.phase_channel_cash[entry.phase] += channel.fixed_cost_yuan;
                cash_today += channel.fixed_cost_yuan;
            }
        }
        cash_today
    }

    /// Step 4: today's reward per product (the highest among active phases; the first listed wins ties) and
    /// the effort it buys.
    fn set_rewards(&mut self, date: Date) {
        self.reward_today.iter_mut().for_each(|reward| *reward = 0.0);
        self.reward_phase.iter_mut().for_each(|phase| *phase = None);
        for reward in self.rewards.iter().filter(|reward| self.scenario.phases[reward.phase].contains(date)) {
            if reward.yuan_per_install > self.reward_today[reward.product] {
                self.reward_today[reward.product] = reward.yuan_per_install;
                self.reward_phase[reward.product] = Some(reward.phase);
            }
        }
        for product_idx in 0..self.layout.n_products {
            self.effort_today[product_idx] =
                effort(self.reward_today[product_idx], self.params.effort_max, self.params.effort_half_yuan);
        }
    }

    /// Step 5: door-to-door visits, capacity-bound, each household once per round.
    fn visit_door_to_door(&mut self) {
        let visit_effort = self.effort_today.iter().copied().fold(1.0, f64::max);
        self.visit_fraction.iter_mut().for_each(|fraction| *fraction = 0.0);
        let scenario = self.scenario;
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            if channel.kind != ChannelKind::DoorToDoor {
                continue;
            }
            for (village_idx, village) in scenario.villages.iter().enumerate() {
                let slot = self.layout.channel_village(channel_idx, village_idx);
                // Door-to-door channels always use staff hours (validation), so this is the rationed number.
                let units = self.delivered[slot];
                if units <= 0.0 {
                    continue;
                }
                let hours = units * channel.staff_hours_per_unit;
                let capacity = hours * self.params.channels[channel_idx].visits_per_hour * visit_effort;
                let visited = &mut self.visited_this_round[village_idx];
                let not_yet_visited = (village.households - *visited).max(0.0);
                let visits = capacity.min(not_yet_visited);
                *visited += visits;
                if *visited >= village.households - 1e-9 {
                    *visited = 0.0; // the round is complete; the next starts tomorrow
                }
                self.visit_fraction[slot] = visits / village.households;
                self.trajectory.channel_households_visited[channel_idx] += visits;
            }
        }
    }

    /// Step 6: month means use start-of-day state (MODEL.md: cases use the month's mean awareness and coverage).
    fn add_month_means(&mut self) {
        if let Some(month) = self.trajectory.months.last_mut() {
            month.days_covered += 1;
            for (sum, value) in month.aware_sum.iter_mut().zip(&self.aware) {
                *sum += value;
            }
            for (sum, value) in month.adopted_sum.iter_mut().zip(&self.adopted) {
                *sum += value;
            }
        }
    }

    /// Step 7, one cell: exposure, carry-over and saturation, then reach, awareness and adoption from the
    /// start-of-day state; adds the rewards paid in the cell to `rewards_today_cash`.
    fn update_cell(
        &mut self,
        village_idx: usize,
        segment_idx: usize,
        rewards_today_cash: &mut f64,
        noise: Option<&mut (dyn Noise + '_)>,
    ) {
        let cell = self.layout.cell(village_idx, segment_idx);
        let awareness_hazard = self.expose_cell(village_idx, segment_idx);
        let aware_start = self.aware[cell];
        self.update_reach(cell, segment_idx);
        self.update_awareness(cell, awareness_hazard);
        let gate = self.m0 + (1.0 - self.m0) * aware_start;
        self.adopt_products(village_idx, cell, gate, rewards_today_cash, noise);
    }

    /// Exposure `x` of each channel in the cell (into `exposure`), its carry-over (adstock) and saturation; fills
    /// `active` with the channels that have some effect today and returns the awareness hazard Σ_c λ_c s_c.
    /// Skipping channels whose terms are exactly zero leaves every sum bit-identical. The counterfactual has no
    /// channels.
    fn expose_cell(&mut self, village_idx: usize, segment_idx: usize) -> f64 {
        let scenario = self.scenario;
        let village = &scenario.villages[village_idx];
        let people_per_household = village.residents / village.households;
        let cell = self.layout.cell(village_idx, segment_idx);
        let mut awareness_hazard = 0.0;
        self.active.clear();
        self.exposure.iter_mut().for_each(|x| *x = 0.0);
        let channels = if self.with_campaign { scenario.channels.as_slice() } else { &[] };
        for (channel_idx, channel) in channels.iter().enumerate() {
            let slot = self.layout.channel_village(channel_idx, village_idx);
            let denominator = self.layout.affinity_denominator[slot];
            let contacts = match channel.kind {
                ChannelKind::Broadcast => self.delivered[slot] * channel.reach_per_unit,
                ChannelKind::DoorToDoor => self.visit_fraction[slot] * village.households * people_per_household,
            };
            let x = if contacts > 0.0 && denominator > 0.0 {
                contacts * channel.affinity[segment_idx] / denominator
            } else {
                0.0
            };
            let stock = &mut self.adstock[self.layout.channel_cell(channel_idx, cell)];
            if x == 0.0 && *stock == 0.0 {
                continue;
            }
            *stock = x + self.carry_over[channel_idx] * *stock;
            let channel_params = &self.params.channels[channel_idx];
            let (last_stock, last_saturation) = &mut self.last_saturation[channel_idx];
            if last_stock.to_bits() != stock.to_bits() {
                *last_stock = *stock;
                *last_saturation = hill_with_gamma_pow(
                    *stock,
                    channel_params.hill_alpha,
                    channel_params.hill_gamma,
                    self.gamma_pow[channel_idx],
                );
            }
            self.saturation[channel_idx] = *last_saturation;
            self.exposure[channel_idx] = x;
            awareness_hazard += channel_params.awareness_lift * self.saturation[channel_idx];
            self.active.push(channel_idx);
        }
        awareness_hazard
    }

    /// Reach (MODEL.md v2 §2): per channel within its audience A, `r_c += (A - r_c) · (1 - exp(-x_c / A))`; the
    /// cell's reached share is the union `1 - Π_c (1 - r_c)` (independent channels). With every A = 1 this is
    /// v1's `reached += (1 - reached) · (1 - exp(-Σ_c x_c))`.
    fn update_reach(&mut self, cell: usize, segment_idx: usize) {
        let mut unreached = 1.0;
        for channel_idx in 0..self.layout.n_channels {
            let reached = &mut self.channel_reached[self.layout.channel_cell(channel_idx, cell)];
            let x = self.exposure[channel_idx];
            if x > 0.0 {
                let audience = self.layout.channel_audience[self.layout.channel_segment(channel_idx, segment_idx)];
                *reached += (audience - *reached) * (1.0 - libm::exp(-x / audience));
            }
            unreached *= 1.0 - *reached;
        }
        self.reached[cell] = 1.0 - unreached;
    }

    /// Awareness: `aware += (1 - aware) · (1 - exp(-Σ_c λ_c s_c)) - δ · aware`, clamped to [0, 1].
    fn update_awareness(&mut self, cell: usize, awareness_hazard: f64) {
        let aware_start = self.aware[cell];
        self.aware[cell] = (aware_start + (1.0 - aware_start) * (1.0 - libm::exp(-awareness_hazard))
            - self.decay * aware_start)
            .clamp(0.0, 1.0);
    }

    /// Adoption of every product in the cell (hazard with effort and the awareness gate, door-to-door
    /// conversions, word of mouth), then uninstalls, then rewards (added to `rewards_today_cash`).
    fn adopt_products(
        &mut self,
        village_idx: usize,
        cell: usize,
        gate: f64,
        rewards_today_cash: &mut f64,
        mut noise: Option<&mut (dyn Noise + '_)>,
    ) {
        let residents = self.layout.cell_residents[cell];
        let smartphone = self.layout.cell_smartphone[cell];
        for product_idx in 0..self.layout.n_products {
            let slot = self.layout.cell_product(product_idx, cell);
            let adopted_start = self.adopted[slot];
            let product = &self.params.products[product_idx];
            let (lift, keep_after_visits) = self.campaign_lift(village_idx, product_idx);
            let word_of_mouth = if smartphone > 0.0 { product.q * adopted_start / smartphone } else { 0.0 };
            let hazard = lift * self.effort_today[product_idx] * gate + word_of_mouth;
            let not_adopted = (smartphone - adopted_start).max(0.0);
            let new_share = match noise.as_deref_mut() {
                None => not_adopted * (1.0 - libm::exp(-hazard) * keep_after_visits),
                Some(noise) => {
                    let probability = 1.0 - libm::exp(-hazard) * keep_after_visits;
                    noise.installs_share(not_adopted, residents, probability)
                }
            };
            let after_adoption = adopted_start + new_share;
            // Uninstalls apply after today's adoptions.
            self.adopted[slot] = after_adoption - product.uninstall_rate * after_adoption;
            self.pay_rewards(village_idx, product_idx, new_share * residents, rewards_today_cash);
        }
    }

    /// The product's lift `p0 + Σ_c β_{c,k} s_c` over today's active channels, and the share of the not yet
    /// adopted that today's door-to-door visits leave unconverted.
    fn campaign_lift(&self, village_idx: usize, product_idx: usize) -> (f64, f64) {
        let mut lift = self.params.products[product_idx].p0;
        let mut keep_after_visits = 1.0;
        for &channel_idx in &self.active {
            let channel_params = &self.params.channels[channel_idx];
            lift += channel_params.adoption_lift[product_idx] * self.saturation[channel_idx];
            let fraction = self.visit_fraction[self.layout.channel_village(channel_idx, village_idx)];
            if fraction > 0.0 {
                keep_after_visits *= 1.0 - fraction * channel_params.install_conversion[product_idx];
            }
        }
        (lift, keep_after_visits)
    }

    /// Counts today's `installs` (people) of a product in a village and pays its reward, with gamed claims
    /// of which the verification share is caught; adds the yuan paid to `rewards_today_cash`.
    fn pay_rewards(&mut self, village_idx: usize, product_idx: usize, installs: f64, rewards_today_cash: &mut f64) {
        let params = self.params;
        let trajectory = &mut self.trajectory;
        trajectory.installs_real[product_idx] += installs;
        let reward = self.reward_today[product_idx];
        if reward > 0.0 && installs > 0.0 {
            let false_claims = installs * gaming_ratio(reward, params.gaming_max, params.gaming_half_yuan);
            let paid_installs = installs + false_claims * (1.0 - params.verification_share);
            let paid = reward * paid_installs;
            trajectory.installs_claimed[product_idx] += installs + false_claims;
            trajectory.installs_paid[product_idx] += paid_installs;
            trajectory.village_rewards[village_idx] += paid;
            trajectory.product_rewards[product_idx] += paid;
            if let Some(phase_idx) = self.reward_phase[product_idx] {
                trajectory.phase_rewards[phase_idx] += paid;
            }
            *rewards_today_cash += paid;
        } else {
            trajectory.installs_claimed[product_idx] += installs;
        }
    }

    /// Budget run-out dates: the first day the cash to date passes the total cap or a phase's cap.
    fn check_budget(&mut self, date: Date) {
        let budget = &self.scenario.budget;
        let trajectory = &mut self.trajectory;
        if let Some(cap) = budget.total_yuan {
            if trajectory.total_run_out.is_none() && self.cash_cum > cap {
                trajectory.total_run_out = Some(date);
            }
        }
        for (phase_idx, cap) in budget.per_phase_yuan.iter().enumerate() {
            let spent = trajectory.phase_channel_cash[phase_idx] + trajectory.phase_rewards[phase_idx];
            if let Some(cap) = cap {
                if trajectory.phase_run_out[phase_idx].is_none() && spent > *cap {
                    trajectory.phase_run_out[phase_idx] = Some(date);
                }
            }
        }
    }

    /// Record: the township's end-of-day shares, cash to date and the tracks of share targets.
    fn record(&mut self, date: Date) {
        let trajectory = &mut self.trajectory;
        record_day(trajectory, &self.layout, &self.reached, &self.aware, &self.adopted);
        trajectory.cash_cum.push(self.cash_cum);
        for (series, cash) in trajectory.channel_cash_cum.iter_mut().zip(&trajectory.channel_cash) {
            series.push(*cash);
        }
        trajectory.rewards_cum.push(self.rewards_cum);
        for product_idx in 0..self.layout.n_products {
            trajectory.installs_cum[product_idx].push(trajectory.installs_real[product_idx]);
            trajectory.reward_by_day[product_idx].push(self.reward_today[product_idx]);
        }
        trajectory.staff_hours_cum.push(self.staff_hours_cum);
        track_targets(
            self.scenario,
            &self.layout,
            &mut trajectory.target_values,
            date,
            &self.reached,
            &self.aware,
            &self.adopted,
        );
    }
}

/// An empty trajectory with room for every day of the scenario.
fn new_trajectory(scenario: &Scenario, layout: &Layout, n_phases: usize) -> Trajectory {
    let n_days = scenario.n_days();
    let Layout { n_villages, n_segments, n_products, n_channels, .. } = *layout;
    Trajectory {
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
        product_rewards: vec![0.0; n_products],
        installs_cum: vec![Vec::with_capacity(n_days); n_products],
        reward_by_day: vec![Vec::with_capacity(n_days); n_products],
        staff_hours_short: 0.0,
    }
}
