//! The validated scenario: what the simulation trusts. Ids are resolved to indices, dates parsed,
//! numbers range-checked, and every default filled in.
//!
//! Build one with [`crate::model::validate::validate`]; there is no other way to get a [`Scenario`] from a file,
//! so code that takes a `&Scenario` never re-checks its input.

use crate::date::Date;
use crate::error::Lang;
pub mod audience;
pub mod budget;
pub mod fields;
pub mod validate;
pub use crate::vocab;

pub use vocab::{Basis, ChannelKind, Denominator, Metric, Per};

/// A behavioural number: the most likely value and its plausible range (low ≤ value ≤ high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Uncertain {
    /// Most likely value; the deterministic run uses it.
    pub value: f64,
    /// Lowest plausible value.
    pub low: f64,
    /// Highest plausible value.
    pub high: f64,
}

impl Uncertain {
    /// A value with no uncertainty.
    pub fn point(value: f64) -> Uncertain {
        Uncertain { value, low: value, high: value }
    }
}

/// A checked scenario: one township, one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Title of the plan.
    pub name: String,
    /// Township name.
    pub township_name: String,
    /// First simulated day.
    pub start: Date,
    /// Last simulated day (inclusive).
    pub end: Date,
    /// Seed of the random generator.
    pub seed: u64,
    /// Villages, in file order.
    pub villages: Vec<Village>,
    /// Segments, in file order; shares sum to 1.
    pub segments: Vec<Segment>,
    /// Products, in file order.
    pub products: Vec<Product>,
    /// Channels, in file order.
    pub channels: Vec<Channel>,
    /// Phases, in file order.
    pub phases: Vec<Phase>,
    /// Schedule lines.
    pub schedule: Vec<ScheduleEntry>,
    /// Floors the plan promises.
    pub floors: Vec<Floor>,
    /// Rewards per phase and product.
    pub rewards: Vec<Reward>,
    /// Budget caps.
    pub budget: Budget,
    /// Targets.
    pub targets: Vec<Target>,
    /// Last year's cases and loss.
    pub last_year: LastYear,
    /// Assessment rules.
    pub assessment: Vec<AssessmentRule>,
    /// Township-wide behavioural parameters.
    pub behaviour: Behaviour,
}

impl Scenario {
    /// Number of simulated days (end inclusive), ≥ 1.
    pub fn n_days(&self) -> usize {
        self.end.days_since(self.start) as usize + 1
    }

    /// The date of simulated day `day_idx` (0 = start).
    pub fn date_of(&self, day_idx: usize) -> Date {
        self.start.add_days(day_idx as i32)
    }

    /// Total residents of the township.
    pub fn total_residents(&self) -> f64 {
        self.villages.iter().map(|village| village.residents).sum()
    }

    /// A one-line description for `wuzha check` and the JavaScript `check`, e.g.
    /// `洪林镇 · 2022-01-01 至 2022-12-31 · 12 个村/社区 · 38520 人 · …`.
    pub fn summary_line(&self, lang: Lang) -> String {
        let residents = self.total_residents().round();
        let counts = [
            self.villages.len(),
            self.segments.len(),
            self.products.len(),
            self.channels.len(),
            self.phases.len(),
            self.targets.len(),
        ];
        let [villages, segments, products, channels, phases, targets] = counts;
        match lang {
            Lang::Zh => format!(
                "{} · {} 至 {} · {villages} 个村/社区 · {residents} 人 · {segments} 个人群 · {products} 个产品 · {channels} 种宣传载体 · {phases} 个阶段 · {targets} 个目标",
                self.township_name, self.start, self.end
            ),
            Lang::En => format!(
                "{} · {} to {} · {villages} villages · {residents} residents · {segments} segments · {products} products · {channels} channels · {phases} phases · {targets} targets",
                self.township_name, self.start, self.end
            ),
        }
    }

    /// The index of the primary product: the product of the first target that has one, else 0 (the first
    /// product). The same rule as [`crate::format::wire::ScenarioFile::primary_product`] on a valid file.
    pub fn primary_product_idx(&self) -> usize {
        self.targets.iter().find_map(|target| target.product).unwrap_or(0)
    }

    /// The same scenario with no campaign: no schedule, no rewards (the counterfactual, 无宣传对照).
    pub fn without_campaign(&self) -> Scenario {
        Scenario { schedule: Vec::new(), rewards: Vec::new(), ..self.clone() }
    }
}

/// A village (村/社区).
#[derive(Clone, Debug, PartialEq)]
pub struct Village {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Residents (people), ≥ 1.
    pub residents: f64,
    /// Households, in 1..=residents.
    pub households: f64,
    /// Grids (网格).
    pub grids: f64,
    /// Grid workers (网格员).
    pub grid_workers: f64,
}

/// A population segment (人群).
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Share of residents, in [0, 1].
    pub share: f64,
    /// Share holding a smartphone, in [0, 1].
    pub smartphone_share: f64,
    /// Share of last year's cases, in [0, 1].
    pub victim_share: f64,
    /// Mean loss per case (元).
    pub loss_per_case_yuan: Uncertain,
    /// True for the priority group.
    pub priority: bool,
    /// Share aware on the first day.
    pub initial_aware: f64,
    /// Share of residents with each product on the first day, by product index; ≤ `smartphone_share`.
    pub initial_adopted: Vec<f64>,
}

/// A product to adopt.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Spontaneous adoption hazard (per day).
    pub p0: Uncertain,
    /// Word-of-mouth coefficient (per day).
    pub q: Uncertain,
    /// Uninstall rate (per day).
    pub uninstall_rate: Uncertain,
    /// Risk cut for an adopter, in [0, 1].
    pub risk_cut: Uncertain,
}

/// A publicity channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// The unit counted in the schedule.
    pub unit: String,
    /// How the channel works.
    pub kind: ChannelKind,
    /// Cash per unit (元).
    pub cost_per_unit_yuan: f64,
    /// One-off cash when used at all (元).
    pub fixed_cost_yuan: f64,
    /// People contacted per unit (broadcast).
    pub reach_per_unit: f64,
    /// Weight of each segment among contacts, by segment index (≥ 0, not all 0).
    pub affinity: Vec<f64>,
    /// Potential audience A per segment, in (0, 1] (MODEL.md v2 §2): the file's, else the catalog default.
    pub audience: Vec<f64>,
    /// Awareness lift λ (per day at full saturation).
    pub awareness_lift: Uncertain,
    /// Adoption lift β by product index (per day at full saturation).
    pub adoption_lift: Vec<Uncertain>,
    /// Carry-over per week, in [0, 1).
    pub carry_over_per_week: Uncertain,
    /// Hill shape α.
    pub hill_alpha: Uncertain,
    /// Hill half-saturation γ (contacts per person).
    pub hill_gamma: Uncertain,
    /// Staff hours per unit.
    pub staff_hours_per_unit: f64,
    /// Households visited per staff hour (door-to-door; 0 for broadcast).
    pub visits_per_hour: Uncertain,
    /// Share of a visited household's non-adopted smartphone holders who adopt, by product index.
    pub install_conversion: Vec<Uncertain>,
}

/// A dated phase.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// Index of the enclosing phase, if nested.
    pub parent: Option<usize>,
}

impl Phase {
    /// Days in the phase (end inclusive).
    pub fn n_days(&self) -> usize {
        self.end.days_since(self.start) as usize + 1
    }

    /// True if `date` falls in the phase.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A resolved schedule line.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduleEntry {
    /// Channel index.
    pub channel: usize,
    /// Phase index.
    pub phase: usize,
    /// Units (≥ 0) per `per` and `basis`.
    pub units: f64,
    /// The period `units` are counted over.
    pub per: Per,
    /// Who gets the units.
    pub basis: Basis,
    /// Restrict to one village index.
    pub village: Option<usize>,
}

/// A resolved floor.
#[derive(Clone, Debug, PartialEq)]
pub struct Floor {
    /// Channel index.
    pub channel: usize,
    /// Phase index, or the whole period.
    pub phase: Option<usize>,
    /// Minimum units in every village.
    pub min_units_per_village: f64,
}

/// A resolved reward.
#[derive(Clone, Debug, PartialEq)]
pub struct Reward {
    /// Phase index.
    pub phase: usize,
    /// Product index.
    pub product: usize,
    /// Yuan per verified install (≥ 0).
    pub yuan_per_install: f64,
}

/// Budget caps (元).
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    /// Cap on all cash.
    pub total_yuan: Option<f64>,
    /// Cap per phase index.
    pub per_phase_yuan: Vec<Option<f64>>,
}

/// A resolved target.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Identifier from the file.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// What is measured.
    pub metric: Metric,
    /// Product index (adoption only).
    pub product: Option<usize>,
    /// Segment index, or all segments.
    pub segment: Option<usize>,
    /// Village index, or all villages.
    pub village: Option<usize>,
    /// Share denominator.
    pub denominator: Denominator,
    /// Threshold (share to reach, or largest allowed year-on-year change).
    pub threshold: f64,
    /// Deadline, inside the scenario period.
    pub deadline: Date,
}

impl Target {
    /// True when larger values are better (shares); false for year-on-year changes.
    pub fn higher_is_better(&self) -> bool {
        !matches!(self.metric, Metric::YoyCases | Metric::YoyLoss)
    }

    /// True if `value` meets the threshold.
    pub fn is_met_by(&self, value: f64) -> bool {
        if self.higher_is_better() {
            value >= self.threshold
        } else {
            value <= self.threshold
        }
    }
}

/// Last year's figures, by calendar month.
#[derive(Clone, Debug, PartialEq)]
pub struct LastYear {
    /// Reported cases in January..December.
    pub cases_monthly: [f64; 12],
    /// Loss (元) in January..December.
    pub loss_monthly_yuan: [f64; 12],
    /// Township share aware during last year, when the file says it differed from the start state.
    pub aware: Option<f64>,
    /// Per product: township share of residents with it during last year, when the file says so.
    pub adopted: Vec<Option<f64>>,
}

/// How an assessment rule scores.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleScoring {
    /// Seed 004's 发案同比: `flat_points` at no change, minus `points_per_pct_rise` per point of rise,
    /// 0 at `zero_at_rise_pct` or more, up to `points_max` at a decline of `full_decline_pct`.
    YoyCases { flat_points: f64, points_per_pct_rise: f64, zero_at_rise_pct: f64, full_decline_pct: f64 },
    /// `points_max` × share of these target indices met.
    TargetsMet { targets: Vec<usize> },
    /// Points entered by the assessor.
    Manual { points: f64 },
}

/// One part of the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentRule {
    /// Identifier.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// The most points this part gives.
    pub points_max: f64,
    /// How points are earned.
    pub scoring: RuleScoring,
}

/// Township-wide behavioural parameters (see MODEL.md for each symbol).
#[derive(Clone, Debug, PartialEq)]
pub struct Behaviour {
    /// Awareness half-life (days).
    pub awareness_half_life_days: Uncertain,
    /// Adoption gate m0, in [0, 1].
    pub awareness_gate_m0: Uncertain,
    /// Risk cut when aware (r_aw), in [0, 1].
    pub risk_cut_aware: Uncertain,
    /// Reporting uplift, ≥ 0.
    pub reporting_uplift: Uncertain,
    /// Alerts (警情) per expected case, ≥ 1.
    pub alerts_per_case: Uncertain,
    /// Case trend factor, > 0.
    pub case_trend: Uncertain,
    /// Fraud attempts per case with no campaign (K, MODEL.md v2 §4).
    pub attempts_per_case: Uncertain,
    /// e_max.
    pub effort_max: Uncertain,
    /// r_half (元).
    pub effort_half_yuan: Uncertain,
    /// φ_max.
    pub gaming_max: Uncertain,
    /// r_φ (元).
    pub gaming_half_yuan: Uncertain,
    /// Share of false claims caught.
    pub verification_share: Uncertain,
    /// Staff hours per grid worker per day.
    pub staff_hours_per_worker_day: Uncertain,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_primary_product_is_the_first_targets() {
        let text = include_str!("../../scenarios/template.json");
        let (file, mut scenario) = crate::model::validate::parse_scenario(text).expect("the template is valid");
        let file_primary = file.primary_product().expect("the template has products");
        assert_eq!(scenario.products[scenario.primary_product_idx()].id, file_primary);
        for target in &mut scenario.targets {
            target.product = None;
        }
        assert_eq!(scenario.primary_product_idx(), 0);
    }
}
