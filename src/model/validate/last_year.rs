//! Validation of `last_year`: last year's cases and loss by month, or a total spread by a seasonal profile.

use super::*;

impl Checker {
    /// Checks `last_year` and returns the validated entries.
    pub(super) fn last_year(&mut self, file: &ScenarioFile, segments: &[Segment], product_ids: &Ids) -> LastYear {
        let last_year = &file.last_year;
        let mut cases_monthly = [0.0; 12];
        match (&last_year.cases_monthly, last_year.cases_total) {
            (Some(monthly), None) => {
                if monthly.len() != 12 {
                    self.error(
                        "last_year.cases_monthly",
                        ErrorKind::WrongLength { expected: 12, found: monthly.len() },
                    );
                }
                for (month_idx, cases) in monthly.iter().take(12).enumerate() {
                    cases_monthly[month_idx] = self.number_field(
                        &format!("last_year.cases_monthly[{month_idx}]"),
                        *cases,
                        "last_year.cases_monthly[]",
                    );
                }
                if last_year.seasonal_profile.is_some() {
                    self.error("last_year.seasonal_profile", ErrorKind::NotApplicable);
                }
            }
            (None, Some(total)) => {
                let total = self.number_field("last_year.cases_total", total, "last_year.cases_total");
                let profile = match &last_year.seasonal_profile {
                    Some(profile) if profile.len() != 12 => {
                        self.error(
                            "last_year.seasonal_profile",
                            ErrorKind::WrongLength { expected: 12, found: profile.len() },
                        );
                        DEFAULT_SEASONAL_PROFILE
                    }
                    Some(profile) => {
                        let mut weights = [0.0; 12];
                        for (month_idx, weight) in profile.iter().enumerate() {
                            weights[month_idx] = self.number_field(
                                &format!("last_year.seasonal_profile[{month_idx}]"),
                                *weight,
                                "last_year.seasonal_profile[]",
                            );
                        }
                        if weights.iter().sum::<f64>() <= 0.0 {
                            self.error("last_year.seasonal_profile", ErrorKind::NotAbove { found: 0.0, min: 0.0 });
                        }
                        weights
                    }
                    None => DEFAULT_SEASONAL_PROFILE,
                };
                let weight_sum: f64 = profile.iter().sum();
                if weight_sum > 0.0 {
                    for month_idx in 0..12 {
                        cases_monthly[month_idx] = total * profile[month_idx] / weight_sum;
                    }
                }
            }
            (Some(_), Some(_)) => {
                self.error("last_year.cases_total", ErrorKind::Conflict { other: "last_year.cases_monthly".into() })
            }
            (None, None) => self.error("last_year.cases_monthly", ErrorKind::Missing),
        }
        let cases_year: f64 = cases_monthly.iter().sum();
        let residents: f64 = file.villages.iter().map(|village| village.residents.max(0) as f64).sum();
        let absurd = cases_year > CASES_ALWAYS_ALLOWED && cases_year * 1000.0 > MAX_CASES_PER_THOUSAND * residents;
        if residents > 0.0 && cases_year.is_finite() && absurd {
            let path =
                if last_year.cases_monthly.is_some() { "last_year.cases_monthly" } else { "last_year.cases_total" };
            self.error(
                path,
                ErrorKind::TooManyCases {
                    cases: cases_year,
                    residents,
                    per_thousand: cases_year * 1000.0 / residents,
                    max: MAX_CASES_PER_THOUSAND,
                },
            );
        }
        let mean_loss_per_case: f64 = segments.iter().map(|s| s.victim_share * s.loss_per_case_yuan.value).sum();
        let cases_total: f64 = cases_monthly.iter().sum();
        let mut loss_monthly_yuan = [0.0; 12];
        let loss_total = match last_year.loss_total_yuan {
            Some(loss) => self.number_field("last_year.loss_total_yuan", loss, "last_year.loss_total_yuan"),
            None => cases_total * mean_loss_per_case,
        };
        if cases_total > 0.0 {
            for month_idx in 0..12 {
                loss_monthly_yuan[month_idx] = loss_total * cases_monthly[month_idx] / cases_total;
            }
        }
        let aware = last_year.aware.map(|aware| self.number_field("last_year.aware", aware, "last_year.aware"));
        let adopted = self.by_index("last_year.adopted", &last_year.adopted, product_ids, None, |check, p, v| {
            Some(check.number_field(p, *v, "last_year.adopted.*"))
        });
        LastYear { cases_monthly, loss_monthly_yuan, aware, adopted }
    }
}
