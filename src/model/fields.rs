//! The field table: every number, text and date of the scenario file with its path pattern, kind, unit,
//! range, default and label key, written once. Validation ([`crate::model::validate`]) reads its ranges from
//! here, and the app's editor and the file-format docs (`scenarios/README.md`) can read the same facts.
//!
//! A path pattern names a field in every entry of a list (`villages[].residents`) and in every key of a map
//! keyed by ids (`channels[].affinity.*`). [`field`] finds the spec of a concrete path such as
//! `villages[3].residents` or `channels[0].affinity.adults`.
//!
//! Ranges are the widest the field may take anywhere; a few checks are tighter in context and stay in
//! validation: a door-to-door channel's `staff_hours_per_unit` must lie in [0.01, 24]; a share target's
//! `threshold` in [0, 1]; a segment's `initial_adopted` at most its `smartphone_share`; an assessment rule's
//! `flat_points` and `points` at most its `points_max` (the table gives them `points_max`'s widest range, and
//! no single default: `flat_points` defaults to 0.9 × `points_max`); last year's cases at most
//! [`crate::model::validate::MAX_CASES_PER_THOUSAND`] per 1 000 residents; a share above 0 at least
//! [`crate::model::validate::MIN_SHARE`].
//!
//! Daily rates are bounded so that a daily hazard means something (the shipped scenarios use about 0.0003 for
//! `p0`, 0.003 for `q`, 0.0005 for `uninstall_rate`): `p0` ≤ 0.1 a day (a tenth of the not yet adopted every
//! day without any campaign), `q` ≤ 0.5, `uninstall_rate` ≤ 0.05 (half of the installs gone in two weeks). Higher
//! values turned a year into dozens of re-installs per person through daily churn.

/// What kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A name shown to users (must show something once invisible characters are taken out).
    Text,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// A share in [0, 1].
    Share,
    /// An uncertain parameter: `value` with an optional range `low`, `high` (`{"value": .., "low": .., "high": ..}`).
    Param,
}

/// The unit of a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// No unit (a name, a date, a pure number).
    None,
    /// People (residents, grid workers, people reached per unit).
    People,
    /// Households.
    Households,
    /// A count of things (grids).
    Count,
    /// A share of a population, in [0, 1].
    Share,
    /// Yuan (元).
    Yuan,
    /// Per day (a daily rate or hazard).
    PerDay,
    /// Days.
    Days,
    /// Staff hours.
    Hours,
    /// Households visited per staff hour.
    HouseholdsPerHour,
    /// Contacts per person (a channel's half-saturation point).
    ContactsPerPerson,
    /// Units of a channel (banners, visit days, ...).
    Units,
    /// Cases (发案数).
    Cases,
    /// Assessment points.
    Points,
    /// Percentage points.
    Percent,
    /// A relative weight.
    Weight,
}

/// One end of a field's range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// The bound's value.
    pub value: f64,
    /// True if the value itself is allowed.
    pub inclusive: bool,
}

impl Bound {
    /// A bound that allows its value.
    pub const fn inclusive(value: f64) -> Bound {
        Bound { value, inclusive: true }
    }
}

/// The value a field takes when the file leaves it out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldDefault {
    /// A plain number.
    Number(f64),
    /// An uncertain parameter's value and range.
    Param {
        /// Most likely value.
        value: f64,
        /// Low end of the range.
        low: f64,
        /// High end of the range.
        high: f64,
    },
}

/// What the scenario file format says about one field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    /// The path pattern, e.g. `villages[].residents` or `behaviour.q`.
    pub path: &'static str,
    /// The kind of value.
    pub kind: FieldKind,
    /// The unit of the value.
    pub unit: Unit,
    /// The smallest value allowed, if any (for a [`FieldKind::Param`], of `value`, `low` and `high`).
    pub min: Option<Bound>,
    /// The largest value allowed, if any.
    pub max: Option<Bound>,
    /// The value when the field is left out; `None` when it is required (or has no single default).
    pub default: Option<FieldDefault>,
    /// The key of the field's label in the app's words (`field.` and the path without `[]` or `.*`).
    pub label_key: &'static str,
}

impl FieldSpec {
    /// The range as validation checks it: `(min, max)`, each inclusive and optional.
    pub fn limits(&self) -> (Option<f64>, Option<f64>) {
        (self.min.map(|bound| bound.value), self.max.map(|bound| bound.value))
    }
}

/// Every field of the scenario file, in file order.
pub fn fields() -> &'static [FieldSpec] {
    FIELDS
}

/// The spec of a field by its pattern (`villages[].residents`) or by a concrete path (`villages[3].residents`,
/// `channels[0].affinity.adults`); `None` for a path the table does not describe.
pub fn field(path: &str) -> Option<&'static FieldSpec> {
    let pattern = pattern_of(path);
    FIELDS.iter().find(|spec| spec.path == pattern).or_else(|| {
        // A key of a map keyed by ids: `....affinity.adults` → `....affinity.*`.
        let (parent, _key) = pattern.rsplit_once('.')?;
        let wildcard = format!("{parent}.*");
        FIELDS.iter().find(|spec| spec.path == wildcard)
    })
}

/// The range of the field `pattern` names, for validation. Every pattern validation uses is in the table
/// (a unit test checks it); an unknown one has no bounds.
pub(crate) fn limits(pattern: &str) -> (Option<f64>, Option<f64>) {
    let spec = FIELDS.iter().find(|spec| spec.path == pattern);
    debug_assert!(spec.is_some(), "no field spec for {pattern}");
    spec.map_or((None, None), FieldSpec::limits)
}

/// `villages[3].residents` → `villages[].residents` (list indices taken out).
fn pattern_of(path: &str) -> String {
    let mut pattern = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                pattern.push('[');
            }
            ']' => {
                in_index = false;
                pattern.push(']');
            }
            _ if in_index => {}
            _ => pattern.push(c),
        }
    }
    pattern
}

const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        path: "name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.name",
    },
    FieldSpec {
        path: "township.name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.township.name",
    },
    FieldSpec {
        path: "start_date",
        kind: FieldKind::Date,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.start_date",
    },
    FieldSpec {
        path: "end_date",
        kind: FieldKind::Date,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.end_date",
    },
    FieldSpec {
        path: "seed",
        kind: FieldKind::Integer,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(9007199254740992.0)),
        default: Some(FieldDefault::Number(1.0)),
        label_key: "field.seed",
    },
    FieldSpec {
        path: "villages[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.villages.name",
    },
    FieldSpec {
        path: "villages[].residents",
        kind: FieldKind::Integer,
        unit: Unit::People,
        min: Some(Bound::inclusive(1.0)),
        max: Some(Bound::inclusive(2000000.0)),
        default: None,
        label_key: "field.villages.residents",
    },
    FieldSpec {
        path: "villages[].households",
        kind: FieldKind::Integer,
        unit: Unit::Households,
        min: Some(Bound::inclusive(1.0)),
        max: Some(Bound::inclusive(2000000.0)),
        default: None,
        label_key: "field.villages.households",
    },
    FieldSpec {
        path: "villages[].grids",
        kind: FieldKind::Integer,
        unit: Unit::Count,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100000.0)),
        default: None,
        label_key: "field.villages.grids",
    },
    FieldSpec {
        path: "villages[].grid_workers",
        kind: FieldKind::Integer,
        unit: Unit::People,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100000.0)),
        default: None,
        label_key: "field.villages.grid_workers",
    },
    FieldSpec {
        path: "segments[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.segments.name",
    },
    FieldSpec {
        path: "segments[].share",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.segments.share",
    },
    FieldSpec {
        path: "segments[].smartphone_share",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.segments.smartphone_share",
    },
    FieldSpec {
        path: "segments[].victim_share",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.segments.victim_share",
    },
    FieldSpec {
        path: "segments[].loss_per_case_yuan",
        kind: FieldKind::Param,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000000000.0)),
        default: None,
        label_key: "field.segments.loss_per_case_yuan",
    },
    FieldSpec {
        path: "segments[].initial_aware",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Number(0.0)),
        label_key: "field.segments.initial_aware",
    },
    FieldSpec {
        path: "segments[].initial_adopted.*",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Number(0.0)),
        label_key: "field.segments.initial_adopted",
    },
    FieldSpec {
        path: "products[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.products.name",
    },
    FieldSpec {
        path: "products[].p0",
        kind: FieldKind::Param,
        unit: Unit::PerDay,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(0.1)),
        default: Some(FieldDefault::Param { value: 0.0003, low: 0.0001, high: 0.002 }),
        label_key: "field.products.p0",
    },
    FieldSpec {
        path: "products[].q",
        kind: FieldKind::Param,
        unit: Unit::PerDay,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(0.5)),
        default: Some(FieldDefault::Param { value: 0.001, low: 0.0003, high: 0.01 }),
        label_key: "field.products.q",
    },
    FieldSpec {
        path: "products[].uninstall_rate",
        kind: FieldKind::Param,
        unit: Unit::PerDay,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(0.05)),
        default: Some(FieldDefault::Param { value: 0.0005, low: 0.0, high: 0.003 }),
        label_key: "field.products.uninstall_rate",
    },
    FieldSpec {
        path: "products[].risk_cut",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Param { value: 0.0, low: 0.0, high: 0.0 }),
        label_key: "field.products.risk_cut",
    },
    FieldSpec {
        path: "channels[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.channels.name",
    },
    FieldSpec {
        path: "channels[].cost_per_unit_yuan",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100000000.0)),
        default: None,
        label_key: "field.channels.cost_per_unit_yuan",
    },
    FieldSpec {
        path: "channels[].fixed_cost_yuan",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000000000.0)),
        default: Some(FieldDefault::Number(0.0)),
        label_key: "field.channels.fixed_cost_yuan",
    },
    FieldSpec {
        path: "channels[].reach_per_unit",
        kind: FieldKind::Number,
        unit: Unit::People,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10000000.0)),
        default: Some(FieldDefault::Number(0.0)),
        label_key: "field.channels.reach_per_unit",
    },
    FieldSpec {
        path: "channels[].affinity.*",
        kind: FieldKind::Number,
        unit: Unit::Weight,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Number(1.0)),
        label_key: "field.channels.affinity",
    },
    FieldSpec {
        path: "channels[].audience.*",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound { value: 0.0, inclusive: false }),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.channels.audience",
    },
    FieldSpec {
        path: "channels[].awareness_lift",
        kind: FieldKind::Param,
        unit: Unit::PerDay,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10.0)),
        default: None,
        label_key: "field.channels.awareness_lift",
    },
    FieldSpec {
        path: "channels[].adoption_lift.*",
        kind: FieldKind::Param,
        unit: Unit::PerDay,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10.0)),
        default: Some(FieldDefault::Param { value: 0.0, low: 0.0, high: 0.0 }),
        label_key: "field.channels.adoption_lift",
    },
    FieldSpec {
        path: "channels[].carry_over_per_week",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(0.99)),
        default: None,
        label_key: "field.channels.carry_over_per_week",
    },
    FieldSpec {
        path: "channels[].hill_alpha",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.1)),
        max: Some(Bound::inclusive(10.0)),
        default: Some(FieldDefault::Param { value: 1.0, low: 0.5, high: 3.0 }),
        label_key: "field.channels.hill_alpha",
    },
    FieldSpec {
        path: "channels[].hill_gamma",
        kind: FieldKind::Param,
        unit: Unit::ContactsPerPerson,
        min: Some(Bound::inclusive(0.001)),
        max: Some(Bound::inclusive(100.0)),
        default: Some(FieldDefault::Param { value: 0.5, low: 0.3, high: 1.0 }),
        label_key: "field.channels.hill_gamma",
    },
    FieldSpec {
        path: "channels[].staff_hours_per_unit",
        kind: FieldKind::Number,
        unit: Unit::Hours,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Number(0.0)),
        label_key: "field.channels.staff_hours_per_unit",
    },
    FieldSpec {
        path: "channels[].visits_per_hour",
        kind: FieldKind::Param,
        unit: Unit::HouseholdsPerHour,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100.0)),
        default: None,
        label_key: "field.channels.visits_per_hour",
    },
    FieldSpec {
        path: "channels[].install_conversion.*",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Param { value: 0.0, low: 0.0, high: 0.0 }),
        label_key: "field.channels.install_conversion",
    },
    FieldSpec {
        path: "phases[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.phases.name",
    },
    FieldSpec {
        path: "phases[].start",
        kind: FieldKind::Date,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.phases.start",
    },
    FieldSpec {
        path: "phases[].end",
        kind: FieldKind::Date,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.phases.end",
    },
    FieldSpec {
        path: "schedule[].units",
        kind: FieldKind::Number,
        unit: Unit::Units,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10000000.0)),
        default: None,
        label_key: "field.schedule.units",
    },
    FieldSpec {
        path: "floors[].min_units_per_village",
        kind: FieldKind::Number,
        unit: Unit::Units,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10000000.0)),
        default: None,
        label_key: "field.floors.min_units_per_village",
    },
    FieldSpec {
        path: "rewards[].yuan_per_install",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: None,
        label_key: "field.rewards.yuan_per_install",
    },
    FieldSpec {
        path: "budget.total_yuan",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100000000000.0)),
        default: None,
        label_key: "field.budget.total_yuan",
    },
    FieldSpec {
        path: "budget.per_phase_yuan.*",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100000000000.0)),
        default: None,
        label_key: "field.budget.per_phase_yuan",
    },
    FieldSpec {
        path: "targets[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.targets.name",
    },
    FieldSpec {
        path: "targets[].threshold",
        kind: FieldKind::Number,
        unit: Unit::None,
        min: Some(Bound::inclusive(-1.0)),
        max: Some(Bound::inclusive(10.0)),
        default: None,
        label_key: "field.targets.threshold",
    },
    FieldSpec {
        path: "targets[].deadline",
        kind: FieldKind::Date,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.targets.deadline",
    },
    FieldSpec {
        path: "last_year.cases_monthly[]",
        kind: FieldKind::Number,
        unit: Unit::Cases,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000000.0)),
        default: None,
        label_key: "field.last_year.cases_monthly",
    },
    FieldSpec {
        path: "last_year.cases_total",
        kind: FieldKind::Number,
        unit: Unit::Cases,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10000000.0)),
        default: None,
        label_key: "field.last_year.cases_total",
    },
    FieldSpec {
        path: "last_year.seasonal_profile[]",
        kind: FieldKind::Number,
        unit: Unit::Weight,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000000.0)),
        default: None,
        label_key: "field.last_year.seasonal_profile",
    },
    FieldSpec {
        path: "last_year.loss_total_yuan",
        kind: FieldKind::Number,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000000000000.0)),
        default: None,
        label_key: "field.last_year.loss_total_yuan",
    },
    FieldSpec {
        path: "last_year.aware",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.last_year.aware",
    },
    FieldSpec {
        path: "last_year.adopted.*",
        kind: FieldKind::Share,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: None,
        label_key: "field.last_year.adopted",
    },
    FieldSpec {
        path: "assessment[].name",
        kind: FieldKind::Text,
        unit: Unit::None,
        min: None,
        max: None,
        default: None,
        label_key: "field.assessment.name",
    },
    FieldSpec {
        path: "assessment[].points_max",
        kind: FieldKind::Number,
        unit: Unit::Points,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: None,
        label_key: "field.assessment.points_max",
    },
    FieldSpec {
        path: "assessment[].flat_points",
        kind: FieldKind::Number,
        unit: Unit::Points,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: None,
        label_key: "field.assessment.flat_points",
    },
    FieldSpec {
        path: "assessment[].points_per_pct_rise",
        kind: FieldKind::Number,
        unit: Unit::Points,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Number(1.0)),
        label_key: "field.assessment.points_per_pct_rise",
    },
    FieldSpec {
        path: "assessment[].zero_at_rise_pct",
        kind: FieldKind::Number,
        unit: Unit::Percent,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Number(20.0)),
        label_key: "field.assessment.zero_at_rise_pct",
    },
    FieldSpec {
        path: "assessment[].full_decline_pct",
        kind: FieldKind::Number,
        unit: Unit::Percent,
        min: Some(Bound::inclusive(0.1)),
        max: Some(Bound::inclusive(100.0)),
        default: Some(FieldDefault::Number(20.0)),
        label_key: "field.assessment.full_decline_pct",
    },
    FieldSpec {
        path: "assessment[].points",
        kind: FieldKind::Number,
        unit: Unit::Points,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: None,
        label_key: "field.assessment.points",
    },
    FieldSpec {
        path: "behaviour.awareness_half_life_days",
        kind: FieldKind::Param,
        unit: Unit::Days,
        min: Some(Bound::inclusive(1.0)),
        max: Some(Bound::inclusive(3650.0)),
        default: Some(FieldDefault::Param { value: 30.0, low: 14.0, high: 90.0 }),
        label_key: "field.behaviour.awareness_half_life_days",
    },
    FieldSpec {
        path: "behaviour.awareness_gate_m0",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Param { value: 0.5, low: 0.2, high: 1.0 }),
        label_key: "field.behaviour.awareness_gate_m0",
    },
    FieldSpec {
        path: "behaviour.risk_cut_aware",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Param { value: 0.2, low: 0.05, high: 0.5 }),
        label_key: "field.behaviour.risk_cut_aware",
    },
    FieldSpec {
        path: "behaviour.reporting_uplift",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10.0)),
        default: Some(FieldDefault::Param { value: 0.0, low: 0.0, high: 0.3 }),
        label_key: "field.behaviour.reporting_uplift",
    },
    FieldSpec {
        path: "behaviour.alerts_per_case",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(1.0)),
        max: Some(Bound::inclusive(100.0)),
        default: Some(FieldDefault::Param { value: 3.0, low: 1.5, high: 6.0 }),
        label_key: "field.behaviour.alerts_per_case",
    },
    FieldSpec {
        path: "behaviour.case_trend",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10.0)),
        default: Some(FieldDefault::Param { value: 1.0, low: 0.8, high: 1.2 }),
        label_key: "field.behaviour.case_trend",
    },
    FieldSpec {
        path: "behaviour.attempts_per_case",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(1.0)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Param { value: 6.0, low: 3.0, high: 30.0 }),
        label_key: "field.behaviour.attempts_per_case",
    },
    FieldSpec {
        path: "behaviour.effort_max",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(100.0)),
        default: Some(FieldDefault::Param { value: 1.0, low: 0.3, high: 2.0 }),
        label_key: "field.behaviour.effort_max",
    },
    FieldSpec {
        path: "behaviour.effort_half_yuan",
        kind: FieldKind::Param,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.001)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Param { value: 2.0, low: 0.5, high: 5.0 }),
        label_key: "field.behaviour.effort_half_yuan",
    },
    FieldSpec {
        path: "behaviour.gaming_max",
        kind: FieldKind::Param,
        unit: Unit::None,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(10.0)),
        default: Some(FieldDefault::Param { value: 0.3, low: 0.0, high: 0.6 }),
        label_key: "field.behaviour.gaming_max",
    },
    FieldSpec {
        path: "behaviour.gaming_half_yuan",
        kind: FieldKind::Param,
        unit: Unit::Yuan,
        min: Some(Bound::inclusive(0.001)),
        max: Some(Bound::inclusive(1000.0)),
        default: Some(FieldDefault::Param { value: 5.0, low: 2.0, high: 10.0 }),
        label_key: "field.behaviour.gaming_half_yuan",
    },
    FieldSpec {
        path: "behaviour.verification_share",
        kind: FieldKind::Param,
        unit: Unit::Share,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(1.0)),
        default: Some(FieldDefault::Param { value: 0.7, low: 0.4, high: 0.95 }),
        label_key: "field.behaviour.verification_share",
    },
    FieldSpec {
        path: "behaviour.staff_hours_per_worker_day",
        kind: FieldKind::Param,
        unit: Unit::Hours,
        min: Some(Bound::inclusive(0.0)),
        max: Some(Bound::inclusive(24.0)),
        default: Some(FieldDefault::Param { value: 2.0, low: 1.0, high: 4.0 }),
        label_key: "field.behaviour.staff_hours_per_worker_day",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concrete_paths_find_their_pattern() {
        assert_eq!(field("villages[3].residents").map(|spec| spec.path), Some("villages[].residents"));
        assert_eq!(field("channels[0].affinity.adults").map(|spec| spec.path), Some("channels[].affinity.*"));
        assert_eq!(field("behaviour.case_trend").map(|spec| spec.unit), Some(Unit::None));
        assert_eq!(field("villages[0].nickname"), None);
    }

    #[test]
    fn paths_are_unique_and_ranges_ordered() {
        for (idx, spec) in FIELDS.iter().enumerate() {
            assert!(FIELDS[..idx].iter().all(|other| other.path != spec.path), "{} twice", spec.path);
            if let (Some(min), Some(max)) = spec.limits() {
                assert!(min <= max, "{}", spec.path);
            }
        }
    }

    #[test]
    fn parameter_defaults_match_the_file_format() {
        let behaviour = crate::format::wire::BehaviourFile::default();
        let check = |path: &str, param: &crate::format::wire::Param| {
            let expected = FieldDefault::Param {
                value: param.value,
                low: param.low.unwrap_or(param.value),
                high: param.high.unwrap_or(param.value),
            };
            assert_eq!(field(path).and_then(|spec| spec.default), Some(expected), "{path}");
        };
        check("behaviour.awareness_half_life_days", &behaviour.awareness_half_life_days);
        check("behaviour.awareness_gate_m0", &behaviour.awareness_gate_m0);
        check("behaviour.risk_cut_aware", &behaviour.risk_cut_aware);
        check("behaviour.reporting_uplift", &behaviour.reporting_uplift);
        check("behaviour.alerts_per_case", &behaviour.alerts_per_case);
        check("behaviour.case_trend", &behaviour.case_trend);
        check("behaviour.attempts_per_case", &behaviour.attempts_per_case);
        check("behaviour.effort_max", &behaviour.effort_max);
        check("behaviour.effort_half_yuan", &behaviour.effort_half_yuan);
        check("behaviour.gaming_max", &behaviour.gaming_max);
        check("behaviour.gaming_half_yuan", &behaviour.gaming_half_yuan);
        check("behaviour.verification_share", &behaviour.verification_share);
        check("behaviour.staff_hours_per_worker_day", &behaviour.staff_hours_per_worker_day);
    }
}
