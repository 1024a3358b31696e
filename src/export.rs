//! Plain-text exports of an outcome: the daily series as CSV (one row per day), built in memory.
//!
//! No I/O happens here; the CLI writes the text to stdout and the app offers it as a download.

use crate::outcome::Outcome;
use std::fmt::Write as _;

/// The daily series as CSV with machine-readable headers: `date`, `reached`, `aware`,
/// `adopted_<product id>` for each product (shares of all township residents, 0-1), `cash_cost_cum`,
/// `rewards_paid_cum` (元), `staff_hours_cum`, `cases_expected_cum`, `cases_reported_cum`,
/// `counterfactual_cases_cum`, `last_year_cases_cum`. Lines end with `\n`; numbers use `.` decimals.
pub fn daily_csv(outcome: &Outcome) -> String {
    let mut csv = String::with_capacity(outcome.dates.len() * 160);
    csv.push_str("date,reached,aware");
    for product_id in &outcome.product_ids {
        csv.push_str(",adopted_");
        csv.push_str(&csv_field(product_id));
    }
    csv.push_str(",cash_cost_cum,rewards_paid_cum,staff_hours_cum,cases_expected_cum,cases_reported_cum,counterfactual_cases_cum,last_year_cases_cum\n");
    let daily = &outcome.daily;
    for (day_idx, date) in outcome.dates.iter().enumerate() {
        // Writing to a String cannot fail.
        let _ = write!(csv, "{date},{},{}", daily.reached[day_idx], daily.aware[day_idx]);
        for adopted in &daily.adopted {
            let _ = write!(csv, ",{}", adopted[day_idx]);
        }
        let _ = writeln!(
            csv,
            ",{},{},{},{},{},{},{}",
            daily.cash_cost_cum[day_idx],
            daily.rewards_paid_cum[day_idx],
            daily.staff_hours_cum[day_idx],
            daily.cases_expected_cum[day_idx],
            daily.cases_reported_cum[day_idx],
            daily.counterfactual_cases_cum[day_idx],
            daily.last_year_cases_cum[day_idx],
        );
    }
    csv
}

/// Quotes a field if it contains a comma, quote or line break (RFC 4180).
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(csv_field("national_app"), "national_app");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
