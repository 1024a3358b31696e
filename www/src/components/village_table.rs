//! The per-village table: reach, awareness, adoption, the selected target at its deadline with the gap to
//! its threshold (coloured: met, near, far), cost and expected cases. Every figure is one outcome field.

use super::file_menu::{download, file_name};
use super::Shared;
use crate::format;
use crate::model::Computed;
use crate::words::{self, Lang, Text};
use wuzha::export::VillageHeaders;
use yew::prelude::*;

/// Props of [`VillageTable`].
#[derive(Properties, PartialEq)]
pub struct VillageTableProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The last valid result.
    pub result: Shared<Computed>,
    /// Index of the selected target.
    pub selected_target: usize,
}

/// How close a village is to the selected target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Met at the deadline.
    Met,
    /// Short by less than 10 percentage points.
    Near,
    /// Short by 10 points or more, or undefined.
    Far,
}

/// The gap class of `value` against `threshold` (shares: higher is better; year-on-year: lower is better).
pub fn gap(value: Option<f64>, threshold: f64, higher_is_better: bool) -> Gap {
    let Some(value) = value else { return Gap::Far };
    let shortfall = if higher_is_better { threshold - value } else { value - threshold };
    if shortfall <= 0.0 {
        Gap::Met
    } else if shortfall < 0.10 {
        Gap::Near
    } else {
        Gap::Far
    }
}

/// The village table as CSV for Excel and WPS (numbers as numbers: percents with one decimal, yuan whole),
/// with the same columns and the same outcome fields as the table on screen; the core builds it
/// ([`wuzha::export::village_csv`]) with the headers in `lang`.
pub fn village_csv(lang: Lang, computed: &Computed, selected_target: usize) -> String {
    let Computed { scenario, outcome } = computed;
    let product_name =
        scenario.products.get(scenario.primary_product_idx()).map(|product| product.name.as_str()).unwrap_or_default();
    let percent_header = |text: &str| format!("{text}（%）");
    let target = scenario.targets.get(selected_target).zip(outcome.targets.get(selected_target));
    let headers = VillageHeaders {
        village: words::text(lang, Text::ColVillage).to_string(),
        residents: words::text(lang, Text::ColResidents).to_string(),
        reached: percent_header(words::text(lang, Text::ColReached)),
        aware: percent_header(words::text(lang, Text::ColAware)),
        adopted: percent_header(&words::adopted_column(lang, product_name)),
        target: target
            .map(|(target, result)| {
                percent_header(&words::village_target_column(lang, &target.name, &format::date(lang, result.deadline)))
            })
            .unwrap_or_default(),
        cost: format!("{}（{}）", words::text(lang, Text::ColCost), words::text(lang, Text::Yuan)),
        cases: words::text(lang, Text::ColCases).to_string(),
    };
    wuzha::export::village_csv(scenario, outcome, selected_target, &headers)
}

/// The table of villages.
#[function_component(VillageTable)]
pub fn village_table(props: &VillageTableProps) -> Html {
    let lang = props.lang;
    let Computed { scenario, outcome } = &*props.result;
    let product_idx = scenario.primary_product_idx();
    let product_name = scenario.products.get(product_idx).map(|product| product.name.as_str()).unwrap_or_default();
    let target = scenario.targets.get(props.selected_target).zip(outcome.targets.get(props.selected_target));
    let target_header = target
        .map(|(target, result)| words::village_target_column(lang, &target.name, &format::date(lang, result.deadline)));
    let on_export = {
        let result = props.result.clone();
        let selected = props.selected_target;
        Callback::from(move |_: MouseEvent| {
            let name = file_name(
                &format!("{}-{}", result.scenario.township_name, words::text(lang, Text::VillageCsvName)),
                "csv",
            );
            let _ = download(&village_csv(lang, &result, selected), "text/csv;charset=utf-8", &name);
        })
    };
    html! {
        <section class="card village-table-card">
            <div class="card-head">
                <h2 class="card-title">{ words::text(lang, Text::VillageTableTitle) }</h2>
                <button type="button" class="button small no-print" data-testid="export-village-csv" onclick={on_export}>
                    { words::text(lang, Text::ExportVillageCsv) }
                </button>
            </div>
            <div class="table-scroll">
                <table class="village-table" data-testid="village-table">
                    <thead>
                        <tr>
                            <th scope="col">{ words::text(lang, Text::ColVillage) }</th>
                            <th scope="col" class="num">{ words::text(lang, Text::ColResidents) }</th>
                            <th scope="col" class="num">{ words::text(lang, Text::ColReached) }</th>
                            <th scope="col" class="num">{ words::text(lang, Text::ColAware) }</th>
                            <th scope="col" class="num">{ words::adopted_column(lang, product_name) }</th>
                            if let Some(header) = &target_header {
                                <th scope="col" class="num">{ header.clone() }</th>
                            }
                            <th scope="col" class="num">{ words::text(lang, Text::ColCost) }</th>
                            <th scope="col" class="num">{ words::text(lang, Text::ColCases) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for scenario.villages.iter().zip(&outcome.villages).enumerate().map(|(village_idx, (village, result))| {
                            let target_cell = target.map(|(target, target_result)| {
                                let value = target_result.by_village.get(village_idx).copied().flatten();
                                let class = match gap(value, target_result.threshold, target.higher_is_better()) {
                                    Gap::Met => "gap-met",
                                    Gap::Near => "gap-near",
                                    Gap::Far => "gap-far",
                                };
                                let shown = match (value, target.metric.is_share()) {
                                    (Some(value), true) => format::percent(value),
                                    (Some(value), false) => format::percent_change(value),
                                    (None, _) => words::text(lang, Text::NotAvailable).to_string(),
                                };
                                html! { <td class={classes!("num", class)}>{ shown }</td> }
                            });
                            html! {
                                <tr data-testid="village-row">
                                    <th scope="row">{ village.name.clone() }</th>
                                    <td class="num">{ format::people(lang, village.residents) }</td>
                                    <td class="num">{ format::percent(result.reached) }</td>
                                    <td class="num">{ format::percent(result.aware) }</td>
                                    <td class="num">{ format::percent(result.adopted.get(product_idx).copied().unwrap_or(0.0)) }</td>
                                    { for target_cell }
                                    <td class="num">{ format::yuan(lang, result.cash_yuan()) }</td>
                                    <td class="num">{ format::cases(result.cases_expected) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="table-note">{ words::text(lang, Text::VillageTableNote) }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{gap, Gap};

    #[test]
    fn gaps_are_classed_by_percentage_points() {
        assert_eq!(gap(Some(0.81), 0.8, true), Gap::Met);
        assert_eq!(gap(Some(0.75), 0.8, true), Gap::Near);
        assert_eq!(gap(Some(0.6), 0.8, true), Gap::Far);
        assert_eq!(gap(Some(-0.05), 0.0, false), Gap::Met);
        assert_eq!(gap(Some(0.05), 0.0, false), Gap::Near);
        assert_eq!(gap(None, 0.8, true), Gap::Far);
    }
}
