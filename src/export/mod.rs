//! Plain-text exports of an outcome: the daily series as CSV (one row per day) and the village table
//! ([`villages`]), built in memory.
//!
//! No I/O happens here; the CLI writes the text to stdout and the app offers it as a download.

use crate::engine::outcome::Outcome;
use std::fmt::Write as _;

pub mod villages;
pub use villages::{village_csv, VillageHeaders};

/// A column of the daily CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DailyColumn {
    /// The date, `YYYY-MM-DD`.
    Date,
    /// Share of residents reached.
    Reached,
    /// Share of residents aware.
    Aware,
    /// Share of residents with the product at this index.
    Adopted(usize),
    /// Cumulative cash (元).
    CashCostCum,
    /// Cumulative rewards (元).
    RewardsPaidCum,
    /// Cumulative deadweight rewards (元): paid for installs the counterfactual also has.
    RewardsDeadweightCum,
    /// Cumulative staff hours.
    StaffHoursCum,
    /// Cumulative expected cases.
    CasesExpectedCum,
    /// Cumulative reported cases.
    CasesReportedCum,
    /// Cumulative cases with no campaign.
    CounterfactualCasesCum,
    /// Cumulative cases last year.
    LastYearCasesCum,
}

impl DailyColumn {
    /// Every column in order, for `n_products` products.
    pub fn all(n_products: usize) -> Vec<DailyColumn> {
        let mut columns = vec![DailyColumn::Date, DailyColumn::Reached, DailyColumn::Aware];
        columns.extend((0..n_products).map(DailyColumn::Adopted));
        columns.extend([
            DailyColumn::CashCostCum,
            DailyColumn::RewardsPaidCum,
            DailyColumn::RewardsDeadweightCum,
            DailyColumn::StaffHoursCum,
            DailyColumn::CasesExpectedCum,
            DailyColumn::CasesReportedCum,
            DailyColumn::CounterfactualCasesCum,
            DailyColumn::LastYearCasesCum,
        ]);
        columns
    }

    /// The machine-readable header: `date`, `reached`, `adopted_<product id>`, `cash_cost_cum`, ...
    pub fn code_name(self, product_ids: &[String]) -> String {
        match self {
            DailyColumn::Date => "date".into(),
            DailyColumn::Reached => "reached".into(),
            DailyColumn::Aware => "aware".into(),
            DailyColumn::Adopted(product_idx) => {
                format!("adopted_{}", product_ids.get(product_idx).map_or("", String::as_str))
            }
            DailyColumn::CashCostCum => "cash_cost_cum".into(),
            DailyColumn::RewardsPaidCum => "rewards_paid_cum".into(),
            DailyColumn::RewardsDeadweightCum => "rewards_deadweight_cum".into(),
            DailyColumn::StaffHoursCum => "staff_hours_cum".into(),
            DailyColumn::CasesExpectedCum => "cases_expected_cum".into(),
            DailyColumn::CasesReportedCum => "cases_reported_cum".into(),
            DailyColumn::CounterfactualCasesCum => "counterfactual_cases_cum".into(),
            DailyColumn::LastYearCasesCum => "last_year_cases_cum".into(),
        }
    }

    fn value(self, outcome: &Outcome, day_idx: usize) -> Option<f64> {
        let daily = &outcome.daily;
        let series = match self {
            DailyColumn::Date => return None,
            DailyColumn::Reached => &daily.reached,
            DailyColumn::Aware => &daily.aware,
            DailyColumn::Adopted(product_idx) => daily.adopted.get(product_idx)?,
            DailyColumn::CashCostCum => &daily.cash_cost_cum,
            DailyColumn::RewardsPaidCum => &daily.rewards_paid_cum,
            DailyColumn::RewardsDeadweightCum => &daily.rewards_deadweight_cum,
            DailyColumn::StaffHoursCum => &daily.staff_hours_cum,
            DailyColumn::CasesExpectedCum => &daily.cases_expected_cum,
            DailyColumn::CasesReportedCum => &daily.cases_reported_cum,
            DailyColumn::CounterfactualCasesCum => &daily.counterfactual_cases_cum,
            DailyColumn::LastYearCasesCum => &daily.last_year_cases_cum,
        };
        series.get(day_idx).copied()
    }
}

/// The daily series as CSV with machine-readable headers: `date`, `reached`, `aware`,
/// `adopted_<product id>` for each product (shares of all township residents, 0-1), `cash_cost_cum`,
/// `rewards_paid_cum`, `rewards_deadweight_cum` (元), `staff_hours_cum`, `cases_expected_cum`, `cases_reported_cum`,
/// `counterfactual_cases_cum`, `last_year_cases_cum`. Lines end with `\n`; numbers use `.` decimals.
pub fn daily_csv(outcome: &Outcome) -> String {
    daily_csv_with(outcome, |column| column.code_name(&outcome.product_ids))
}

/// The daily series as CSV with the headers `header` gives (e.g. Chinese ones for people), the same rows as
/// [`daily_csv`]. Header text is quoted where needed.
pub fn daily_csv_with(outcome: &Outcome, header: impl Fn(DailyColumn) -> String) -> String {
    let columns = DailyColumn::all(outcome.product_ids.len());
    let mut csv = String::with_capacity(outcome.dates.len() * 160);
    let headers: Vec<String> = columns.iter().map(|column| csv_field(&header(*column))).collect();
    csv.push_str(&headers.join(","));
    csv.push('\n');
    for (day_idx, date) in outcome.dates.iter().enumerate() {
        // Writing to a String cannot fail.
        let _ = write!(csv, "{date}");
        for column in &columns[1..] {
            let _ = write!(csv, ",{}", column.value(outcome, day_idx).unwrap_or(0.0));
        }
        csv.push('\n');
    }
    csv
}

/// Text for Excel and WPS: a UTF-8 byte-order mark (so Chinese opens correctly) and CRLF line ends.
pub fn for_spreadsheets(csv: &str) -> String {
    let mut text = String::with_capacity(csv.len() + csv.len() / 40 + 3);
    text.push('\u{feff}');
    for line in csv.lines() {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text
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
    fn spreadsheet_text_has_a_bom_and_crlf() {
        assert_eq!(
            super::for_spreadsheets("日期,安装率\n2022-01-01,0.5\n"),
            "\u{feff}日期,安装率\r\n2022-01-01,0.5\r\n"
        );
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(csv_field("national_app"), "national_app");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
