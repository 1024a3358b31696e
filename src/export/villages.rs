//! The per-village table as CSV for Excel and WPS: the same columns and the same outcome fields as the
//! app's village table, with headers in the caller's words.

use super::{csv_field, for_spreadsheets};
use crate::engine::outcome::Outcome;
use crate::model::Scenario;

/// The headers of the village CSV, written by the caller (the app passes its words, with units).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VillageHeaders {
    /// The village name column.
    pub village: String,
    /// Residents.
    pub residents: String,
    /// Share reached, in percent.
    pub reached: String,
    /// Share aware, in percent.
    pub aware: String,
    /// Share with the primary product, in percent.
    pub adopted: String,
    /// The selected target's value at its deadline, in percent (used only when there is a selected target).
    pub target: String,
    /// Cash (元): channel cash plus rewards.
    pub cost: String,
    /// Expected cases.
    pub cases: String,
}

/// The village table as CSV text for spreadsheets (see [`for_spreadsheets`]): one row per village with its
/// name, residents (whole), reached, aware and adopted (the primary product) in percent with one decimal,
/// the target at `target_idx` in percent (a column only when that target exists; empty where undefined),
/// cash in whole yuan ([`crate::engine::outcome::VillageOutcome::cash_yuan`]) and expected cases with two
/// decimals.
pub fn village_csv(scenario: &Scenario, outcome: &Outcome, target_idx: usize, headers: &VillageHeaders) -> String {
    let product_idx = scenario.primary_product_idx();
    let target = scenario.targets.get(target_idx).zip(outcome.targets.get(target_idx));
    let mut columns = vec![&headers.village, &headers.residents, &headers.reached, &headers.aware, &headers.adopted];
    if target.is_some() {
        columns.push(&headers.target);
    }
    columns.extend([&headers.cost, &headers.cases]);
    let mut csv = columns.iter().map(|header| csv_field(header)).collect::<Vec<_>>().join(",") + "\n";
    let pct = |share: f64| format!("{:.1}", share * 100.0);
    for (village_idx, (village, result)) in scenario.villages.iter().zip(&outcome.villages).enumerate() {
        let mut cells = vec![
            csv_field(&village.name),
            format!("{:.0}", village.residents),
            pct(result.reached),
            pct(result.aware),
            pct(result.adopted.get(product_idx).copied().unwrap_or(0.0)),
        ];
        if let Some((_, result)) = target {
            cells.push(result.by_village.get(village_idx).copied().flatten().map(pct).unwrap_or_default());
        }
        cells.push(format!("{:.0}", result.cash_yuan()));
        cells.push(format!("{:.2}", result.cases_expected));
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    for_spreadsheets(&csv)
}

#[cfg(test)]
mod tests {
    use super::{village_csv, VillageHeaders};

    fn headers() -> VillageHeaders {
        VillageHeaders {
            village: "村".into(),
            residents: "人口".into(),
            reached: "覆盖（%）".into(),
            aware: "知晓（%）".into(),
            adopted: "安装, 注册（%）".into(),
            target: "目标（%）".into(),
            cost: "花费（元）".into(),
            cases: "案件".into(),
        }
    }

    #[test]
    fn one_row_per_village_with_the_target_column_only_when_it_exists() {
        let text = include_str!("../../scenarios/template.json");
        let (_, scenario) = crate::parse_scenario(text).expect("the template is valid");
        let outcome = crate::simulate(&scenario);
        let csv = village_csv(&scenario, &outcome, 0, &headers());
        assert!(
            csv.starts_with("\u{feff}村,人口,覆盖（%）,知晓（%）,\"安装, 注册（%）\",目标（%）,花费（元）,案件\r\n")
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), scenario.villages.len() + 1);
        let first = &outcome.villages[0];
        let row: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(row.len(), 8);
        assert_eq!(row[7], format!("{:.2}", first.cases_expected));
        assert_eq!(row[6], format!("{:.0}", first.channel_cash_yuan + first.rewards_yuan));
        assert_eq!(row[2], format!("{:.1}", first.reached * 100.0));
        let without_target = village_csv(&scenario, &outcome, scenario.targets.len(), &headers());
        assert!(
            without_target.starts_with("\u{feff}村,人口,覆盖（%）,知晓（%）,\"安装, 注册（%）\",花费（元）,案件\r\n")
        );
        assert_eq!(without_target.lines().nth(1).map(|line| line.split(',').count()), Some(7));
    }
}
