//! Validation of `targets[]` and `assessment[]`: what is measured, by when, and how it is scored.

use super::*;

impl Checker {
    /// Checks `targets[]` and returns the validated entries.
    pub(super) fn targets(
        &mut self,
        file: &ScenarioFile,
        product_ids: &Ids,
        segment_ids: &Ids,
        village_ids: &Ids,
        period: Option<(Date, Date)>,
    ) -> Option<Vec<Target>> {
        let mut complete = true;
        let mut targets = Vec::with_capacity(file.targets.len());
        for (idx, target) in file.targets.iter().enumerate() {
            let path = format!("targets[{idx}]");
            let name = self.text(&format!("{path}.name"), &target.name);
            let product = match (&target.product, target.metric) {
                (Some(id), Metric::Adoption) => product_ids.resolve(self, &format!("{path}.product"), id),
                (None, Metric::Adoption) => {
                    self.error(format!("{path}.product"), ErrorKind::Missing);
                    None
                }
                (Some(_), _) => {
                    self.error(format!("{path}.product"), ErrorKind::NotApplicable);
                    None
                }
                (None, _) => None,
            };
            let segment =
                target.segment.as_ref().and_then(|id| segment_ids.resolve(self, &format!("{path}.segment"), id));
            let village =
                target.village.as_ref().and_then(|id| village_ids.resolve(self, &format!("{path}.village"), id));
            let is_share = target.metric.is_share();
            // Only adoption is a share of smartphone holders; reach, awareness and cases concern everyone.
            if target.metric != Metric::Adoption && target.denominator == wire::Denominator::SmartphoneHolders {
                self.error(format!("{path}.denominator"), ErrorKind::NotApplicable);
            }
            let threshold = if is_share {
                self.share(&format!("{path}.threshold"), target.threshold)
            } else {
                self.number_field(&format!("{path}.threshold"), target.threshold, "targets[].threshold")
            };
            let deadline = self.date_in(&format!("{path}.deadline"), &target.deadline, period);
            match deadline {
                Some(deadline) if target.metric != Metric::Adoption || product.is_some() => targets.push(Target {
                    id: target.id.clone(),
                    name,
                    metric: target.metric,
                    product,
                    segment,
                    village,
                    denominator: target.denominator,
                    threshold,
                    deadline,
                }),
                _ => complete = false,
            }
        }
        complete.then_some(targets)
    }

    /// Checks `assessment[]` and returns the validated entries.
    pub(super) fn assessment(&mut self, file: &ScenarioFile, target_ids: &Ids) -> Vec<AssessmentRule> {
        let Some(rules) = &file.assessment else {
            let metrics: Vec<Metric> = file.targets.iter().map(|target| target.metric).collect();
            return default_assessment_for(&metrics);
        };
        self.list_len("assessment", rules.len(), MAX_SMALL_LIST, true);
        self.ids("assessment", rules.iter().map(|rule| rule.id.as_str()), RefKind::Rule);
        rules
            .iter()
            .enumerate()
            .map(|(idx, rule)| {
                let path = format!("assessment[{idx}]");
                let points_max =
                    self.number_field(&format!("{path}.points_max"), rule.points_max, "assessment[].points_max");
                let optional =
                    |check: &mut Checker, field: &str, value: Option<f64>, fallback: f64, min: f64, max: f64| {
                        check.number(&format!("{path}.{field}"), value.unwrap_or(fallback), Some(min), Some(max))
                    };
                // Fields whose range and default (when left out) are the field table's.
                let from_table = |check: &mut Checker, field: &str, value: Option<f64>| {
                    let spec = fields::field(&format!("assessment[].{field}"));
                    let (min, max) = spec.map_or((None, None), fields::FieldSpec::limits);
                    let fallback = match spec.and_then(|spec| spec.default) {
                        Some(fields::FieldDefault::Number(default)) => default,
                        _ => 0.0,
                    };
                    check.number(&format!("{path}.{field}"), value.unwrap_or(fallback), min, max)
                };
                let scoring = match rule.kind {
                    RuleKind::YoyCases => RuleScoring::YoyCases {
                        flat_points: optional(self, "flat_points", rule.flat_points, points_max * 0.9, 0.0, points_max),
                        points_per_pct_rise: from_table(self, "points_per_pct_rise", rule.points_per_pct_rise),
                        zero_at_rise_pct: from_table(self, "zero_at_rise_pct", rule.zero_at_rise_pct),
                        full_decline_pct: from_table(self, "full_decline_pct", rule.full_decline_pct),
                    },
                    RuleKind::TargetsMet => {
                        let ids = rule.targets.clone().unwrap_or_default();
                        if rule.targets.is_none() {
                            self.error(format!("{path}.targets"), ErrorKind::Missing);
                        }
                        let targets = ids
                            .iter()
                            .enumerate()
                            .filter_map(|(id_idx, id)| {
                                target_ids.resolve(self, &format!("{path}.targets[{id_idx}]"), id)
                            })
                            .collect();
                        RuleScoring::TargetsMet { targets }
                    }
                    RuleKind::Manual => {
                        if rule.points.is_none() {
                            self.error(format!("{path}.points"), ErrorKind::Missing);
                        }
                        RuleScoring::Manual { points: optional(self, "points", rule.points, 0.0, 0.0, points_max) }
                    }
                };
                AssessmentRule {
                    id: rule.id.clone(),
                    name: self.text(&format!("{path}.name"), &rule.name),
                    points_max,
                    scoring,
                }
            })
            .collect()
    }
}
