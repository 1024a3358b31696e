//! The row of KPI cards: the selected target at its deadline, total cost, cost per install, cases averted
//! and the assessment score. Every figure is one field of the outcome, formatted.

use super::Shared;
use crate::format;
use crate::model::Computed;
use crate::uncertainty::{self, Finished, Tone};
use crate::words::{self, Lang, Text};
use yew::prelude::*;

/// Props of [`KpiCards`].
#[derive(Properties, PartialEq)]
pub struct KpiCardsProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The last valid result, if any.
    pub result: Option<Shared<Computed>>,
    /// Index of the selected target.
    pub selected_target: usize,
    /// Monte Carlo runs of the same plan, when they have finished.
    #[prop_or_default]
    pub runs: Option<Shared<Finished>>,
}

/// A probability badge under a card's caption: the chance a target is met, or a P10-P90 range.
struct Chance {
    badge: String,
    tone: Option<Tone>,
    label: String,
}

/// A badge after a caption: good (green) or bad (red).
struct Badge {
    text: &'static str,
    good: bool,
}

/// What one card shows.
struct Card {
    test_id: &'static str,
    title: String,
    figure: String,
    unit: String,
    caption: String,
    badge: Option<Badge>,
    details: Vec<String>,
    chance: Option<Chance>,
}

fn card(card: Card) -> Html {
    let Card { test_id, title, figure, unit, caption, badge, details, chance } = card;
    html! {
        <section class="kpi" data-testid={test_id}>
            <h3 class="kpi-title">{ title }</h3>
            <p class="kpi-value"><span class="kpi-figure">{ figure }</span><span class="kpi-unit">{ unit }</span></p>
            <p class="kpi-caption">
                { caption }
                if let Some(badge) = badge {
                    <span class={classes!("badge", if badge.good { "good" } else { "bad" })}>{ badge.text }</span>
                }
            </p>
            { for details.into_iter().map(|detail| html! {
                <p class="kpi-detail" title={detail.clone()}>{ detail }</p>
            }) }
            if let Some(chance) = chance {
                <p class="kpi-chance" data-testid={format!("{test_id}-chance")}>
                    <span class={classes!("chance-badge", chance.tone.map(Tone::class))}>{ chance.badge }</span>
                    { chance.label }
                </p>
            }
        </section>
    }
}

fn rate_card(lang: Lang, computed: &Computed, selected: usize, runs: Option<&Finished>) -> Card {
    let title = words::text(lang, Text::KpiRateAtDeadline).to_string();
    let (Some(target), Some(result)) =
        (computed.scenario.targets.get(selected), computed.outcome.targets.get(selected))
    else {
        return Card {
            test_id: "kpi-rate-at-deadline",
            title,
            figure: words::text(lang, Text::NotAvailable).to_string(),
            unit: String::new(),
            caption: words::text(lang, Text::NoTargets).to_string(),
            badge: None,
            details: Vec::new(),
            chance: None,
        };
    };
    let share = target.metric.is_share();
    let show = |value: f64| if share { format::percent(value) } else { format::percent_change(value) };
    // The target's level as the planner wrote it (`80%`, `-10%`), beside figures with one decimal.
    let level = |value: f64| {
        if share || value <= 0.0 {
            format::percent_level(value)
        } else {
            format!("+{}", format::percent_level(value))
        }
    };
    let (figure, unit) = match result.value_at_deadline {
        Some(value) => {
            let text = show(value);
            let figure = text.trim_end_matches('%').to_string();
            (figure, "%".to_string())
        }
        None => (words::text(lang, Text::NotAvailable).to_string(), String::new()),
    };
    let mut details = vec![target.name.clone()];
    if let Some(date) = result.first_met {
        details.push(words::first_met(lang, &format::date(lang, date)));
    }
    Card {
        test_id: "kpi-rate-at-deadline",
        title,
        figure,
        unit,
        caption: words::target_caption(lang, &level(result.threshold), &format::date(lang, result.deadline)),
        badge: Some(Badge {
            text: words::text(lang, if result.met { Text::Met } else { Text::NotMet }),
            good: result.met,
        }),
        details,
        chance: runs.and_then(|runs| runs.summary.targets.iter().find(|chance| chance.id == target.id)).map(|chance| {
            Chance {
                badge: uncertainty::probability(chance.probability_met),
                tone: Some(Tone::of(chance.probability_met)),
                label: words::text(lang, Text::ChanceBadgeLabel).to_string(),
            }
        }),
    }
}

/// The P10-P90 range of a distribution as a card's chance line, e.g. `P10–P90 61.2–78.5`; a unit both ends
/// share is written once (`7.7–8.6万元`).
fn range_chance(low: String, high: String) -> Chance {
    let unit_len = high.chars().rev().take_while(|c| !c.is_ascii_digit()).count();
    let unit: String = high.chars().skip(high.chars().count() - unit_len).collect();
    let low = match low.strip_suffix(unit.as_str()) {
        Some(figure) if !unit.is_empty() && figure.ends_with(|c: char| c.is_ascii_digit()) => {
            figure.trim_end().to_string()
        }
        _ => low,
    };
    Chance { badge: format!("{low}–{high}"), tone: None, label: "P10–P90".to_string() }
}

fn cost_card(lang: Lang, computed: &Computed, runs: Option<&Finished>) -> Card {
    let totals = &computed.outcome.totals;
    let budget = &computed.outcome.budget;
    let (figure, unit) = format::yuan_parts(lang, totals.cash_yuan);
    let (caption, badge) = match budget.total_cap_yuan {
        Some(cap) => {
            let over = budget.over_total;
            let text = words::text(lang, if over { Text::OverBudget } else { Text::WithinBudget });
            (words::budget_cap(lang, &format::yuan(lang, cap)), Some(Badge { text, good: !over }))
        }
        None => (words::text(lang, Text::NoBudgetCap).to_string(), None),
    };
    let mut details = vec![words::cost_split(
        lang,
        &format::yuan(lang, totals.channel_cash_yuan),
        &format::yuan(lang, totals.rewards_paid_yuan),
    )];
    if let Some(date) = budget.run_out_date {
        details.push(words::run_out(lang, &format::date(lang, date)));
    }
    Card {
        test_id: "kpi-total-cost",
        title: words::text(lang, Text::KpiTotalCost).to_string(),
        figure,
        unit: unit.to_string(),
        caption,
        badge,
        details,
        chance: runs.map(|runs| {
            let cash = &runs.summary.distributions.cash_yuan;
            range_chance(format::yuan(lang, cash.p10), format::yuan(lang, cash.p90))
        }),
    }
}

fn cost_per_install_card(lang: Lang, computed: &Computed) -> Card {
    let product_idx = computed.scenario.primary_product_idx();
    let totals = &computed.outcome.totals;
    let product_name =
        computed.scenario.products.get(product_idx).map(|product| product.name.as_str()).unwrap_or_default();
    let (figure, unit) = match totals.cost_per_install_yuan.get(product_idx).copied().flatten() {
        Some(cost) => (format::yuan_small(cost), words::text(lang, Text::YuanPerInstall).to_string()),
        None => (words::text(lang, Text::NotAvailable).to_string(), String::new()),
    };
    let installs = totals.installs_real.get(product_idx).copied().unwrap_or(0.0);
    Card {
        test_id: "kpi-cost-per-install",
        title: words::text(lang, Text::KpiCostPerInstall).to_string(),
        figure,
        unit,
        caption: words::installs(lang, product_name, &format::people(lang, installs)),
        badge: None,
        details: Vec::new(),
        chance: None,
    }
}

fn cases_card(lang: Lang, computed: &Computed, runs: Option<&Finished>) -> Card {
    let totals = &computed.outcome.totals;
    let mut details = vec![words::loss_averted(lang, &format::yuan(lang, totals.loss_averted_yuan))];
    if let Some(change) = computed.outcome.checkpoints.last().and_then(|checkpoint| checkpoint.yoy_cases) {
        details.push(words::year_on_year(lang, &format::percent_change(change)));
    }
    Card {
        test_id: "kpi-cases-averted",
        title: words::text(lang, Text::KpiCasesAverted).to_string(),
        figure: format::cases(totals.cases_averted),
        unit: words::text(lang, Text::CasesUnit).to_string(),
        caption: words::cases_compare(
            lang,
            &format::cases(totals.counterfactual_cases),
            &format::cases(totals.cases_expected),
        ),
        badge: None,
        details,
        chance: runs.map(|runs| {
            let averted = &runs.summary.distributions.cases_averted;
            range_chance(format::cases(averted.p10), format::cases(averted.p90))
        }),
    }
}

fn score_card(lang: Lang, computed: &Computed, runs: Option<&Finished>) -> Card {
    let assessment = &computed.outcome.assessment;
    let details = assessment
        .parts
        .iter()
        .enumerate()
        .map(|(part_idx, part)| {
            let name =
                computed.scenario.assessment.get(part_idx).map_or(part.id.as_str(), |rule| {
                    words::default_rule_name(lang, rule).unwrap_or(rule.name.as_str())
                });
            words::score_part(name, &format::points(part.points), &format::points(part.points_max))
        })
        .collect();
    Card {
        test_id: "kpi-score",
        title: words::text(lang, Text::KpiScore).to_string(),
        figure: format::points(assessment.total),
        unit: words::score_out_of(lang, &format::points(assessment.total_max)),
        caption: String::new(),
        badge: None,
        details,
        chance: runs.map(|runs| {
            let score = &runs.summary.distributions.score;
            range_chance(format::points(score.p10), format::points(score.p90))
        }),
    }
}

/// The KPI row; empty when there is no valid result yet.
#[function_component(KpiCards)]
pub fn kpi_cards(props: &KpiCardsProps) -> Html {
    let Some(computed) = props.result.as_ref() else { return html! {} };
    let lang = props.lang;
    let runs = props.runs.as_deref();
    html! {
        <div class="kpis">
            { card(rate_card(lang, computed, props.selected_target, runs)) }
            { card(cost_card(lang, computed, runs)) }
            { card(cost_per_install_card(lang, computed)) }
            { card(cases_card(lang, computed, runs)) }
            { card(score_card(lang, computed, runs)) }
        </div>
    }
}
