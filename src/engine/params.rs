//! The model's parameter vector ([`Params`]: one plain value per behavioural number) and the small response
//! functions of MODEL.md: reward effort, gaming, Hill saturation, daily carry-over and awareness decay.

use crate::model::{Scenario, Uncertain};

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
    /// Fraud attempts per case with no campaign (K).
    pub attempts_per_case: f64,
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
            attempts_per_case: pick(behaviour.attempts_per_case),
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
pub(crate) fn hill_with_gamma_pow(adstock: f64, alpha: f64, gamma: f64, gamma_pow: f64) -> f64 {
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
