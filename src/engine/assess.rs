//! The assessment (考核): the score of a plan under the scenario's rules, e.g. seed 004's 100-point scheme
//! (year-on-year cases 50 points, targets met, points entered by hand).

use crate::engine::outcome::{AssessmentOutcome, AssessmentPart, Checkpoint, TargetOutcome};
use crate::model::{RuleScoring, Scenario};

/// The score of every assessment rule, from the period's last checkpoint and the targets' outcomes.
pub(crate) fn assess(scenario: &Scenario, checkpoints: &[Checkpoint], targets: &[TargetOutcome]) -> AssessmentOutcome {
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
    AssessmentOutcome {
        total: parts.iter().map(|part| part.points).fold(0.0, |total, value| total + value),
        total_max: parts.iter().map(|part| part.points_max).fold(0.0, |total, value| total + value),
        parts,
    }
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
