//! Validation of `behaviour`: the township-wide behavioural parameters.

use super::*;

impl Checker {
    /// Checks `behaviour` and returns the validated entries.
    pub(super) fn behaviour(&mut self, behaviour: &wire::BehaviourFile) -> Behaviour {
        let path = |field: &str| format!("behaviour.{field}");
        Behaviour {
            awareness_half_life_days: self.param_field(
                &path("awareness_half_life_days"),
                &behaviour.awareness_half_life_days,
                "behaviour.awareness_half_life_days",
            ),
            awareness_gate_m0: self.param_field(
                &path("awareness_gate_m0"),
                &behaviour.awareness_gate_m0,
                "behaviour.awareness_gate_m0",
            ),
            risk_cut_aware: self.param_field(
                &path("risk_cut_aware"),
                &behaviour.risk_cut_aware,
                "behaviour.risk_cut_aware",
            ),
            reporting_uplift: self.param_field(
                &path("reporting_uplift"),
                &behaviour.reporting_uplift,
                "behaviour.reporting_uplift",
            ),
            alerts_per_case: self.param_field(
                &path("alerts_per_case"),
                &behaviour.alerts_per_case,
                "behaviour.alerts_per_case",
            ),
            case_trend: self.param_field(&path("case_trend"), &behaviour.case_trend, "behaviour.case_trend"),
            attempts_per_case: self.param_field(
                &path("attempts_per_case"),
                &behaviour.attempts_per_case,
                "behaviour.attempts_per_case",
            ),
            effort_max: self.param_field(&path("effort_max"), &behaviour.effort_max, "behaviour.effort_max"),
            effort_half_yuan: self.param_field(
                &path("effort_half_yuan"),
                &behaviour.effort_half_yuan,
                "behaviour.effort_half_yuan",
            ),
            gaming_max: self.param_field(&path("gaming_max"), &behaviour.gaming_max, "behaviour.gaming_max"),
            gaming_half_yuan: self.param_field(
                &path("gaming_half_yuan"),
                &behaviour.gaming_half_yuan,
                "behaviour.gaming_half_yuan",
            ),
            verification_share: self.param_field(
                &path("verification_share"),
                &behaviour.verification_share,
                "behaviour.verification_share",
            ),
            staff_hours_per_worker_day: self.param_field(
                &path("staff_hours_per_worker_day"),
                &behaviour.staff_hours_per_worker_day,
                "behaviour.staff_hours_per_worker_day",
            ),
        }
    }
}
