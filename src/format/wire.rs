//! The scenario file format (JSON): serde wire types, exactly as planners exchange them.
//!
//! Nothing here is trusted. [`crate::model::validate::validate`] turns a [`ScenarioFile`] into a checked
//! [`crate::model::Scenario`] and reports every bad field by its path. Units are in the names:
//! `_yuan` is yuan (元), `_days` is days, `share` is a fraction in [0, 1]. Dates are `YYYY-MM-DD` strings.
//! The format is documented for users in `scenarios/README.md`; keep the two in step.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

pub use crate::vocab::{Basis, ChannelKind, Denominator, Metric, Per};

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole scenario file: one township's campaign plan for one period (normally a calendar year).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioFile {
    /// Version of this format; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Title of the plan, e.g. "2022年度洪林镇电信网络诈骗犯罪精准防范宣传实施方案".
    pub name: String,
    /// The township (乡镇/街道) this plan is for.
    pub township: TownshipFile,
    /// First simulated day, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last simulated day (inclusive), `YYYY-MM-DD`.
    pub end_date: String,
    /// Seed of the random generator (Monte Carlo runs). By default, 1.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Villages and communities (村/社区).
    pub villages: Vec<VillageFile>,
    /// Population segments (人群); their shares of residents sum to 1.
    pub segments: Vec<SegmentFile>,
    /// Products to be adopted: the national anti-fraud app, 金钟罩, account follows.
    pub products: Vec<ProductFile>,
    /// Publicity channels (宣传载体) with their costs and effects.
    pub channels: Vec<ChannelFile>,
    /// Dated phases (阶段); they may overlap and nest.
    pub phases: Vec<PhaseFile>,
    /// How many units of which channel run in which phase and where.
    #[serde(default)]
    pub schedule: Vec<ScheduleEntryFile>,
    /// Minimum units a plan promises, e.g. "≥ 2 banners per village" (checked, reported).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub floors: Vec<FloorFile>,
    /// Rewards (奖励) per verified install, per phase and product.
    #[serde(default)]
    pub rewards: Vec<RewardFile>,
    /// Budget caps.
    #[serde(default)]
    pub budget: BudgetFile,
    /// Coverage and case targets (覆盖目标/两降).
    #[serde(default)]
    pub targets: Vec<TargetFile>,
    /// Last year's cases (去年同期发案), the baseline for cases and the year-on-year check.
    pub last_year: LastYearFile,
    /// Assessment (考核) rules; when absent, seed 004's 100-point scheme is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Vec<AssessmentRuleFile>>,
    /// Township-wide behavioural parameters; every one has a default from MODEL.md.
    #[serde(default)]
    pub behaviour: BehaviourFile,
    /// Free text for the planner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields of the file this build does not know, anywhere in it, kept with their paths so that saving writes
    /// them back ([`to_json`]); [`crate::format::import::import`] fills this and warns about each. Empty by default.
    #[serde(skip)]
    pub unknown_fields: Vec<UnknownField>,
}

/// A field this build does not know, kept as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownField {
    /// Where it is: the keys and list indices from the top of the file down to its own key.
    pub path: Vec<PathSegment>,
    /// Its value, as read.
    pub value: serde_json::Value,
}

/// One step of a path into a JSON file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A key of an object.
    Key(String),
    /// An index into a list.
    Index(usize),
}

fn default_seed() -> u64 {
    1
}

/// The township (乡镇/街道).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TownshipFile {
    /// Name, e.g. "洪林镇".
    pub name: String,
    /// County or district, e.g. "溆浦县".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// Free text (sources, assumptions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A village or community (村/社区).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VillageFile {
    /// Short identifier used elsewhere in the file, e.g. "v01".
    pub id: String,
    /// Name shown to users, e.g. "黄潭村".
    pub name: String,
    /// Resident population (people), ≥ 1.
    pub residents: i64,
    /// Households (户), ≥ 1 and ≤ residents.
    pub households: i64,
    /// Grids (网格), ≥ 0.
    pub grids: i64,
    /// Grid workers (网格员), ≥ 0; they supply the staff hours of visits and lectures.
    pub grid_workers: i64,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A population segment (人群) with its own rates; the same split applies in every village.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentFile {
    /// Identifier, e.g. "adults_19_45".
    pub id: String,
    /// Name shown to users, e.g. "19-45岁".
    pub name: String,
    /// Share of residents in this segment, in [0, 1]; shares of all segments sum to 1.
    pub share: f64,
    /// Share of the segment holding a smartphone, in [0, 1]; only they can adopt products.
    pub smartphone_share: f64,
    /// Share of last year's cases whose victim was in this segment, in [0, 1]; all sum to 1.
    pub victim_share: f64,
    /// Mean money lost per case (元).
    pub loss_per_case_yuan: Param,
    /// True for the priority group (重点人群), e.g. ages 19-45 in seed 000.
    #[serde(default, skip_serializing_if = "is_false")]
    pub priority: bool,
    /// Share already aware of the warnings on the first day, in [0, 1]. By default, 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub initial_aware: f64,
    /// Share of residents (not of smartphone holders) already having each product on the first day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub initial_adopted: BTreeMap<String, f64>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A product to adopt (国家反诈中心App, 金钟罩, 关注公众号).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductFile {
    /// Identifier: "national_app", "jinzhongzhao", "follow", or any other.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Spontaneous adoption hazard p0 with no campaign (per day). By default, 0.0003 (0.0001-0.002).
    #[serde(default = "default_p0")]
    pub p0: Param,
    /// Word-of-mouth coefficient q (per day). By default, 0.001 (0.0003-0.01).
    #[serde(default = "default_q")]
    pub q: Param,
    /// Uninstall rate μ (share of adopters per day). By default, 0.0005 (0-0.003).
    #[serde(default = "default_uninstall")]
    pub uninstall_rate: Param,
    /// Cut in fraud risk for an adopter (r_app), in [0, 1]. By default, 0.
    #[serde(default = "default_zero_param")]
    pub risk_cut: Param,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A publicity channel (宣传载体).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelFile {
    /// Identifier, e.g. "banner".
    pub id: String,
    /// Name shown to users, e.g. "横幅".
    pub name: String,
    /// The unit counted in the schedule, e.g. "幅", "场", "人·天".
    pub unit: String,
    /// How the channel works. By default, broadcast.
    #[serde(default = "default_kind")]
    pub kind: ChannelKind,
    /// Cash cost per unit (元).
    pub cost_per_unit_yuan: f64,
    /// One-off cost when the channel is used at all (元). By default, 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fixed_cost_yuan: f64,
    /// People contacted by one unit on the day it runs (broadcast channels).
    #[serde(default)]
    pub reach_per_unit: f64,
    /// Relative weight of each segment among the contacts; segments not named weigh 1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub affinity: BTreeMap<String, f64>,
    /// Potential audience A per segment, in (0, 1]: the share of the segment the channel can reach at all
    /// (MODEL.md v2 §2). Segments not named take the catalog default of the channel's kind and name (a guess).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub audience: BTreeMap<String, f64>,
    /// Awareness lift λ at full saturation (per day).
    pub awareness_lift: Param,
    /// Adoption lift β per product at full saturation (per day).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub adoption_lift: BTreeMap<String, Param>,
    /// Carry-over θ per week, in [0, 1): the share of this week's effect still felt next week.
    pub carry_over_per_week: Param,
    /// Hill shape α (> 0). By default, 1.
    #[serde(default = "default_hill_alpha")]
    pub hill_alpha: Param,
    /// Hill half-saturation γ (> 0), in contacts per person. By default, 0.5.
    #[serde(default = "default_hill_gamma")]
    pub hill_gamma: Param,
    /// Staff hours (grid workers') needed per unit. By default, 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub staff_hours_per_unit: f64,
    /// Door-to-door only: households visited per staff hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits_per_hour: Option<Param>,
    /// Door-to-door only: share of a visited household's not-yet-adopted smartphone holders who adopt, per product.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub install_conversion: BTreeMap<String, Param>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated phase (阶段) of the plan; `end` is inclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseFile {
    /// Identifier, e.g. "mobilise".
    pub id: String,
    /// Name shown to users, e.g. "谋划动员".
    pub name: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub end: String,
    /// The phase this one is nested in, if any (e.g. the priority-group push inside roll-out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One line of the schedule: units of a channel in a phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleEntryFile {
    /// Channel id.
    pub channel: String,
    /// Phase id.
    pub phase: String,
    /// Units (≥ 0), counted per `per` and `basis`.
    pub units: f64,
    /// The period `units` are counted over. By default, the whole phase.
    #[serde(default = "default_per")]
    pub per: Per,
    /// Who gets the units. By default, each village.
    #[serde(default = "default_basis")]
    pub basis: Basis,
    /// Restrict the entry to one village (its id). By default, all villages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A floor the plan promises, e.g. "≥ 2 banners per village in mobilisation" (seed 001).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FloorFile {
    /// Channel id.
    pub channel: String,
    /// Phase id; when absent, the whole scenario period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Minimum units in every village.
    pub min_units_per_village: f64,
    /// Free text, e.g. the sentence of the plan document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A reward (奖励) in yuan per verified install of a product, during a phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RewardFile {
    /// Phase id.
    pub phase: String,
    /// Product id.
    pub product: String,
    /// Yuan paid to the responsible grid per verified install (≥ 0).
    pub yuan_per_install: f64,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Budget caps (元). Both are optional; spending beyond a cap is reported, not prevented.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetFile {
    /// Cap on all cash: channels plus rewards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_yuan: Option<f64>,
    /// Cap per phase id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_phase_yuan: BTreeMap<String, f64>,
}

/// A target (覆盖目标 or 两降): metric × scope × threshold × deadline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetFile {
    /// Identifier, e.g. "app_80_by_june".
    pub id: String,
    /// Name shown to users, e.g. "6月底注册率80%".
    pub name: String,
    /// What is measured.
    pub metric: Metric,
    /// Product id (adoption targets only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Restrict to one segment (its id). By default, the whole township.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Restrict to one village (its id). By default, the whole township.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    /// Share denominator (share metrics only). By default, residents.
    #[serde(default = "default_denominator")]
    pub denominator: Denominator,
    /// Share in [0, 1] to reach, or the largest allowed year-on-year change (e.g. 0 or -0.1).
    pub threshold: f64,
    /// Date by which it must hold, `YYYY-MM-DD`.
    pub deadline: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Last year's reported cases: either twelve monthly counts or an annual total spread by a seasonal profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LastYearFile {
    /// Cases in January..December of last year (12 numbers ≥ 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases_monthly: Option<Vec<f64>>,
    /// Cases in the whole of last year (used when `cases_monthly` is absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases_total: Option<f64>,
    /// Relative weight of each month (12 numbers ≥ 0) for spreading `cases_total`.
    /// By default, a profile with the Spring Festival peak (January-February).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasonal_profile: Option<Vec<f64>>,
    /// Money lost last year (元); by default, cases × each segment's loss per case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_total_yuan: Option<f64>,
    /// Township share of residents aware during last year, when it differed from `initial_aware` (MODEL.md v2 §1).
    /// By default, last year's state is the file's start state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aware: Option<f64>,
    /// Township share of residents with each product during last year, when it differed from `initial_adopted`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub adopted: BTreeMap<String, f64>,
    /// Free text (source of the figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The kind of an assessment rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Year-on-year change of reported cases over the scenario (seed 004's 发案同比).
    YoyCases,
    /// Points in proportion to the listed targets met.
    TargetsMet,
    /// Points entered by the assessor (not simulated).
    Manual,
}

/// One part of the assessment (考核), e.g. "发案同比 50分".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentRuleFile {
    /// Identifier.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// How the points are earned.
    pub kind: RuleKind,
    /// The most points this part gives.
    pub points_max: f64,
    /// `yoy_cases`: points when cases are flat (同比平稳). Seed 004: 45.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_points: Option<f64>,
    /// `yoy_cases`: points lost per percentage point of rise. Seed 004: 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_per_pct_rise: Option<f64>,
    /// `yoy_cases`: a rise of this many percent or more scores 0. Seed 004: 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_at_rise_pct: Option<f64>,
    /// `yoy_cases`: a decline of this many percent earns `points_max` (linear from `flat_points`).
    /// Seed 004 gives full marks to the largest decline among units; for one township this is an assumption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_decline_pct: Option<f64>,
    /// `targets_met`: the target ids that count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    /// `manual`: the points given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Township-wide behavioural parameters. Every field has a default from MODEL.md.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BehaviourFile {
    /// Awareness half-life (days). By default, 30 (14-90).
    #[serde(default = "default_half_life")]
    pub awareness_half_life_days: Param,
    /// Adoption gate m0: adoption propensity of the unaware relative to the aware, in [0, 1]. By default, 0.5.
    #[serde(default = "default_m0")]
    pub awareness_gate_m0: Param,
    /// Cut in fraud risk for an aware person (r_aw), in [0, 1]. By default, 0.2 (0.05-0.5).
    #[serde(default = "default_risk_cut_aware")]
    pub risk_cut_aware: Param,
    /// Extra reporting by aware people (cases reported per case, minus 1). By default, 0 (0-0.3).
    #[serde(default = "default_reporting_uplift")]
    pub reporting_uplift: Param,
    /// Fraud alerts to police (警情) per expected case; alerts outnumber cases. By default, 3 (1.5-6).
    #[serde(default = "default_alerts_per_case")]
    pub alerts_per_case: Param,
    /// This year's baseline relative to last year (1 = same level). By default, 1 (0.8-1.2).
    #[serde(default = "default_case_trend")]
    pub case_trend: Param,
    /// Fraud attempts per case with no campaign (K, MODEL.md v2 §4); attempts that do not become cases are
    /// dissuasions. By default, 6 (3-30).
    #[serde(default = "default_attempts_per_case")]
    pub attempts_per_case: Param,
    /// Reward effort: the most a reward raises effort (e_max in E(r) = 1 + e_max·r/(r+r_half)). By default, 1.
    #[serde(default = "default_effort_max")]
    pub effort_max: Param,
    /// Reward effort: reward giving half of `effort_max` (r_half, 元). By default, 2.
    #[serde(default = "default_effort_half")]
    pub effort_half_yuan: Param,
    /// Gaming: the most unverified claims per real install (φ_max). By default, 0.3.
    #[serde(default = "default_gaming_max")]
    pub gaming_max: Param,
    /// Gaming: reward giving half of `gaming_max` (r_φ, 元). By default, 5.
    #[serde(default = "default_gaming_half")]
    pub gaming_half_yuan: Param,
    /// Share of false claims caught by verification (screenshots), in [0, 1]. By default, 0.7.
    #[serde(default = "default_verification")]
    pub verification_share: Param,
    /// Staff hours each grid worker gives to the campaign per day. By default, 2.
    #[serde(default = "default_staff_hours")]
    pub staff_hours_per_worker_day: Param,
}

impl Default for BehaviourFile {
    fn default() -> BehaviourFile {
        BehaviourFile {
            awareness_half_life_days: default_half_life(),
            awareness_gate_m0: default_m0(),
            risk_cut_aware: default_risk_cut_aware(),
            reporting_uplift: default_reporting_uplift(),
            alerts_per_case: default_alerts_per_case(),
            case_trend: default_case_trend(),
            attempts_per_case: default_attempts_per_case(),
            effort_max: default_effort_max(),
            effort_half_yuan: default_effort_half(),
            gaming_max: default_gaming_max(),
            gaming_half_yuan: default_gaming_half(),
            verification_share: default_verification(),
            staff_hours_per_worker_day: default_staff_hours(),
        }
    }
}

/// A behavioural number with its uncertainty range and where it comes from.
///
/// In a file it is either a bare number (`0.01`) or an object
/// `{"value": 0.01, "low": 0.002, "high": 0.03, "source": "假设 assumption"}`.
/// A bare number has no range (low = high = value).
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The most likely value, used by the deterministic run.
    pub value: f64,
    /// Lowest plausible value (Monte Carlo). By default, `value`.
    pub low: Option<f64>,
    /// Highest plausible value (Monte Carlo). By default, `value`.
    pub high: Option<f64>,
    /// Where the number comes from, or "假设"/"assumption".
    pub source: Option<String>,
}

impl Param {
    /// A bare value with no range and no source.
    pub fn value(value: f64) -> Param {
        Param { value, low: None, high: None, source: None }
    }

    /// A value with a range and a source.
    pub fn ranged(value: f64, low: f64, high: f64, source: &str) -> Param {
        Param { value, low: Some(low), high: Some(high), source: Some(source.to_string()) }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.low.is_none() && self.high.is_none() && self.source.is_none() {
            return serializer.serialize_f64(self.value);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("value", &self.value)?;
        if let Some(low) = self.low {
            map.serialize_entry("low", &low)?;
        }
        if let Some(high) = self.high {
            map.serialize_entry("high", &high)?;
        }
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Param, D::Error> {
        deserializer.deserialize_any(ParamVisitor)
    }
}

struct ParamVisitor;

impl<'de> Visitor<'de> for ParamVisitor {
    type Value = Param;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or an object {\"value\", \"low\", \"high\", \"source\"}")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Param, E> {
        Ok(Param::value(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Param, E> {
        Ok(Param::value(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Param, E> {
        Ok(Param::value(value as f64))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Param, A::Error> {
        let mut value = None;
        let mut low = None;
        let mut high = None;
        let mut source = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" if value.is_none() => value = Some(map.next_value::<f64>()?),
                "low" if low.is_none() => low = Some(map.next_value::<f64>()?),
                "high" if high.is_none() => high = Some(map.next_value::<f64>()?),
                "source" if source.is_none() => source = Some(map.next_value::<String>()?),
                "value" | "low" | "high" | "source" => {
                    return Err(de::Error::custom(format!("duplicate field `{key}`")))
                }
                // An unknown key is skipped here; the importer sees it skipped, keeps it and warns.
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Param { value, low, high, source })
    }
}

const ASSUMPTION: &str = "假设 assumption (MODEL.md)";

fn default_p0() -> Param {
    Param::ranged(0.0003, 0.0001, 0.002, ASSUMPTION)
}
fn default_q() -> Param {
    Param::ranged(0.001, 0.0003, 0.01, "假设; Bass 元分析约 0.38/年 assumption (MODEL.md v2)")
}
fn default_uninstall() -> Param {
    Param::ranged(0.0005, 0.0, 0.003, ASSUMPTION)
}
fn default_zero_param() -> Param {
    Param::value(0.0)
}
fn default_hill_alpha() -> Param {
    Param::ranged(1.0, 0.5, 3.0, "Robyn / Meridian priors")
}
fn default_hill_gamma() -> Param {
    Param::ranged(0.5, 0.3, 1.0, "Robyn / Meridian priors")
}
fn default_half_life() -> Param {
    Param::ranged(30.0, 14.0, 90.0, "Scheibe et al. 2014: forewarning fades in 2-4 weeks")
}
fn default_m0() -> Param {
    Param::ranged(0.5, 0.2, 1.0, ASSUMPTION)
}
fn default_risk_cut_aware() -> Param {
    Param::ranged(0.2, 0.05, 0.5, "AARP forewarning; 2026 RCT -22% repeat victimisation")
}
fn default_reporting_uplift() -> Param {
    Param::ranged(0.0, 0.0, 0.3, "Australian 2007 campaign raised reports")
}
fn default_alerts_per_case() -> Param {
    Param::ranged(3.0, 1.5, 6.0, ASSUMPTION)
}
fn default_attempts_per_case() -> Param {
    Param::ranged(6.0, 3.0, 30.0, "假设; seed 004: 296 起劝阻 by 27 May against ~130 cases a year (MODEL.md v2)")
}
fn default_case_trend() -> Param {
    Param::ranged(1.0, 0.8, 1.2, ASSUMPTION)
}
fn default_effort_max() -> Param {
    Param::ranged(1.0, 0.3, 2.0, ASSUMPTION)
}
fn default_effort_half() -> Param {
    Param::ranged(2.0, 0.5, 5.0, ASSUMPTION)
}
fn default_gaming_max() -> Param {
    Param::ranged(0.3, 0.0, 0.6, ASSUMPTION)
}
fn default_gaming_half() -> Param {
    Param::ranged(5.0, 2.0, 10.0, ASSUMPTION)
}
fn default_verification() -> Param {
    Param::ranged(0.7, 0.4, 0.95, "假设: 截图核验 assumption (seed 000 screenshots)")
}
fn default_staff_hours() -> Param {
    Param::ranged(2.0, 1.0, 4.0, ASSUMPTION)
}
fn default_kind() -> ChannelKind {
    ChannelKind::Broadcast
}
fn default_per() -> Per {
    Per::Phase
}
fn default_basis() -> Basis {
    Basis::PerVillage
}
fn default_denominator() -> Denominator {
    Denominator::Residents
}
fn is_false(value: &bool) -> bool {
    !*value
}
fn is_zero(value: &f64) -> bool {
    *value == 0.0
}
