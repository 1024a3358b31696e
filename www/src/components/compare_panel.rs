//! The comparison panel: pin the current plan as option A, B, C or D, load or unpin an option, and read the
//! key figures of every option beside the current plan and the inputs that differ.

use super::Shared;
use crate::compare::{self, CompareAction, CompareState, PinnedOption};
use crate::state::{Action, Computed};
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use wuzha::ScenarioFile;
use yew::prelude::*;

/// The most inputs that differ listed in the table.
const MAX_DIFFERENCES: usize = 40;

/// Props of [`ComparePanel`].
#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The pinned options (compared by pointer).
    pub compare: UseReducerHandle<CompareState>,
    /// The current plan's file, when it is valid (so it can be pinned).
    pub file: Option<Shared<ScenarioFile>>,
    /// The current plan's result.
    pub result: Option<Shared<Computed>>,
    /// Loads an option back as the current plan (an undoable step).
    pub on_action: Callback<Action>,
}

fn letter_class(letter: char) -> String {
    format!("option-{}", letter.to_ascii_lowercase())
}

/// The chip of one pinned option: its name and colour, a button to load it and one to unpin it.
fn option_chip(props: &ComparePanelProps, option: &Rc<PinnedOption>) -> Html {
    let lang = props.lang;
    let letter = option.letter;
    let name = words::option_name(lang, letter);
    let on_unpin = {
        let compare = props.compare.clone();
        Callback::from(move |_: MouseEvent| compare.dispatch(CompareAction::Unpin(letter)))
    };
    let on_load = {
        let on_action = props.on_action.clone();
        let option: Rc<PinnedOption> = option.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            let text = wuzha::format::json::to_json(&option.file);
            on_action.emit(Action::OpenFile { name: name.clone(), text });
        })
    };
    html! {
        <li class={classes!("option-chip", letter_class(letter))} data-testid={format!("option-{letter}")}>
            <span class="option-swatch" aria-hidden="true"></span>
            <span class="option-name">{ name.clone() }</span>
            <button type="button" class="button small" data-testid={format!("load-option-{letter}")}
                onclick={on_load}>{ words::text(lang, Text::LoadOption) }</button>
            <button type="button" class="button small" data-testid={format!("unpin-option-{letter}")}
                aria-label={format!("{} {name}", words::text(lang, Text::UnpinOption))} onclick={on_unpin}>{ "×" }</button>
        </li>
    }
}

/// The panel above the charts.
#[function_component(ComparePanel)]
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    let lang = props.lang;
    let options = &props.compare.options;
    let on_pin = {
        let compare = props.compare.clone();
        let file = props.file.clone();
        let result = props.result.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(file), Some(result)) = (&file, &result) {
                compare.dispatch(CompareAction::Pin { file: Box::new((*file.0).clone()), result: result.0.clone() });
            }
        })
    };
    let on_clear = {
        let compare = props.compare.clone();
        Callback::from(move |_: MouseEvent| compare.dispatch(CompareAction::Clear))
    };
    let can_pin = props.file.is_some() && props.result.is_some() && props.compare.has_room();
    let pin_label = if props.compare.has_room() { Text::PinOption } else { Text::PinFull };

    let chips = options.iter().map(|option| option_chip(props, option));

    // The two tables are worked out once per change of the options, the plan or the language, not per render.
    let rows =
        use_memo((options.clone(), props.file.clone(), props.result.clone(), lang), |(options, file, result, lang)| {
            match (file, result) {
                (Some(file), Some(result)) if !options.is_empty() => Some((
                    compare::figure_rows(*lang, options, result),
                    compare::differences(*lang, options, file, MAX_DIFFERENCES + 1),
                )),
                _ => None,
            }
        });
    let tables = match rows.as_ref() {
        Some((figures, differences)) => {
            let (figures, differences) = (figures.clone(), differences.clone());
            let mut columns: Vec<(String, String)> = options
                .iter()
                .map(|option| (words::option_name(lang, option.letter), letter_class(option.letter)))
                .collect();
            columns.push((words::text(lang, Text::CurrentPlan).to_string(), "current".to_string()));
            let more = differences.len() > MAX_DIFFERENCES;
            let head = html! {
                <thead><tr>
                    <th scope="col">{ words::text(lang, Text::CompareItem) }</th>
                    { for columns.iter().map(|(name, class)| html! { <th scope="col" class={class.clone()}>{ name.clone() }</th> }) }
                </tr></thead>
            };
            html! {
                <div class="compare-tables">
                    <div class="compare-block">
                        <h3>{ words::text(lang, Text::CompareFigures) }</h3>
                        <div class="table-scroll">
                            <table class="compare-table" data-testid="compare-figures">
                                { head.clone() }
                                <tbody>
                                    { for figures.into_iter().map(|row| html! {
                                        <tr>
                                            <th scope="row">{ row.name }</th>
                                            { for row.values.into_iter().enumerate().map(|(idx, value)| {
                                                let delta = idx.checked_sub(1).and_then(|delta_idx| row.deltas.get(delta_idx).cloned());
                                                html! {
                                                    <td class="num">
                                                        { value }
                                                        if let Some(delta) = delta {
                                                            <span class="delta">{ format!("（{delta}）") }</span>
                                                        }
                                                    </td>
                                                }
                                            }) }
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </div>
                    <div class="compare-block">
                        <h3>{ words::text(lang, Text::CompareInputs) }</h3>
                        if differences.is_empty() {
                            <p class="hint" data-testid="compare-inputs-same">{ words::text(lang, Text::CompareNoDifferences) }</p>
                        } else {
                            <div class="table-scroll">
                                <table class="compare-table" data-testid="compare-inputs">
                                    { head }
                                    <tbody>
                                        { for differences.into_iter().take(MAX_DIFFERENCES).map(|difference| html! {
                                            <tr title={difference.path.clone()}>
                                                <th scope="row">{ difference.label }</th>
                                                { for difference.values.into_iter().map(|value| html! { <td class="num">{ value }</td> }) }
                                            </tr>
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                            if more {
                                <p class="table-note">{ words::text(lang, Text::CompareMoreDifferences) }</p>
                            }
                        }
                    </div>
                </div>
            }
        }
        None => html! {},
    };

    html! {
        <section class="panel compare" data-testid="compare" aria-label={words::text(lang, Text::CompareHeading)}>
            <div class="compare-head">
                <h2>{ words::text(lang, Text::CompareHeading) }</h2>
                <button type="button" class="button" data-testid="pin-option" disabled={!can_pin} onclick={on_pin}>
                    { words::text(lang, pin_label) }
                </button>
                if !options.is_empty() {
                    <ul class="option-chips">{ for chips }</ul>
                    <button type="button" class="button small" data-testid="clear-options" onclick={on_clear}>
                        { words::text(lang, Text::ClearOptions) }
                    </button>
                }
            </div>
            if options.is_empty() {
                <p class="hint">{ words::text(lang, Text::CompareIntro) }</p>
            }
            { tables }
        </section>
    }
}
