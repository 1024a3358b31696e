//! Validation of `products[]` and `segments[]`: product rates and the population segments with their shares.

use super::*;

impl Checker {
    /// Checks `products[]` and returns the validated entries.
    pub(super) fn products(&mut self, file: &ScenarioFile) -> Vec<Product> {
        file.products
            .iter()
            .enumerate()
            .map(|(idx, product)| {
                let path = format!("products[{idx}]");
                Product {
                    id: product.id.clone(),
                    name: self.text(&format!("{path}.name"), &product.name),
                    p0: self.param_field(&format!("{path}.p0"), &product.p0, "products[].p0"),
                    q: self.param_field(&format!("{path}.q"), &product.q, "products[].q"),
                    uninstall_rate: self.param_field(
                        &format!("{path}.uninstall_rate"),
                        &product.uninstall_rate,
                        "products[].uninstall_rate",
                    ),
                    risk_cut: self.param_field(&format!("{path}.risk_cut"), &product.risk_cut, "products[].risk_cut"),
                }
            })
            .collect()
    }

    /// Checks `segments[]` and returns the validated entries.
    pub(super) fn segments(&mut self, file: &ScenarioFile, product_ids: &Ids) -> Vec<Segment> {
        let segments: Vec<Segment> = file
            .segments
            .iter()
            .enumerate()
            .map(|(idx, segment)| {
                let path = format!("segments[{idx}]");
                let smartphone_share = self.number_field(
                    &format!("{path}.smartphone_share"),
                    segment.smartphone_share,
                    "segments[].smartphone_share",
                );
                let smartphone_share = self.not_tiny(&format!("{path}.smartphone_share"), smartphone_share);
                let initial_adopted = self.by_index(
                    &format!("{path}.initial_adopted"),
                    &segment.initial_adopted,
                    product_ids,
                    0.0,
                    |check, p, v| {
                        let value = check.share(p, *v);
                        if value > smartphone_share {
                            check.error(
                                p,
                                ErrorKind::OutOfRange { found: value, min: Some(0.0), max: Some(smartphone_share) },
                            );
                        }
                        value
                    },
                );
                Segment {
                    id: segment.id.clone(),
                    name: self.text(&format!("{path}.name"), &segment.name),
                    share: {
                        let share = self.number_field(&format!("{path}.share"), segment.share, "segments[].share");
                        self.not_tiny(&format!("{path}.share"), share)
                    },
                    smartphone_share,
                    victim_share: {
                        let path = format!("{path}.victim_share");
                        let share = self.number_field(&path, segment.victim_share, "segments[].victim_share");
                        self.not_tiny(&path, share)
                    },
                    loss_per_case_yuan: self.param_field(
                        &format!("{path}.loss_per_case_yuan"),
                        &segment.loss_per_case_yuan,
                        "segments[].loss_per_case_yuan",
                    ),
                    priority: segment.priority,
                    initial_aware: self.number_field(
                        &format!("{path}.initial_aware"),
                        segment.initial_aware,
                        "segments[].initial_aware",
                    ),
                    initial_adopted,
                }
            })
            .collect();
        if !segments.is_empty() {
            for (field, sum) in [
                ("share", segments.iter().map(|s| s.share).sum::<f64>()),
                ("victim_share", segments.iter().map(|s| s.victim_share).sum::<f64>()),
            ] {
                if sum.is_finite() && (sum - 1.0).abs() > SHARE_SUM_TOLERANCE {
                    self.error(format!("segments[*].{field}"), ErrorKind::SharesDoNotSum { sum });
                }
            }
        }
        segments
    }
}
