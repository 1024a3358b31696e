//! The header: app name, the scenario's name and township, and the template selector.

use crate::state::Action;
use crate::words::{self, Lang, Text};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ScenarioHeader`].
#[derive(Properties, PartialEq)]
pub struct ScenarioHeaderProps {
    /// Language of the texts.
    pub lang: Lang,
    /// Title of the plan being edited.
    pub name: AttrValue,
    /// Township of the plan.
    pub township: AttrValue,
    /// Labels of the embedded templates.
    pub labels: Rc<[String]>,
    /// Index of the loaded template.
    pub selected: usize,
    /// The name of an opened file, when the scenario came from one rather than a template.
    pub opened_file: Option<AttrValue>,
    /// Receives [`Action::LoadTemplate`] and [`Action::SetLang`].
    pub on_action: Callback<Action>,
}

/// The page header with the template selector.
#[function_component(ScenarioHeader)]
pub fn scenario_header(props: &ScenarioHeaderProps) -> Html {
    let lang = props.lang;
    let on_change = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else { return };
            if let Ok(idx) = select.value().parse::<usize>() {
                on_action.emit(Action::LoadTemplate(idx));
            }
        })
    };
    let on_toggle = {
        let on_action = props.on_action.clone();
        let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_: MouseEvent| on_action.emit(Action::SetLang(other)))
    };
    html! {
        <header class="header">
            <div class="brand">
                <span class="brand-name">{ words::text(lang, Text::AppName) }</span>
                <span class="brand-tagline">{ words::text(lang, Text::AppTagline) }</span>
            </div>
            <div class="scenario-title">
                <h1 data-testid="scenario-name">{ props.name.clone() }</h1>
                <span class="township">{ props.township.clone() }</span>
            </div>
            <div class="template-picker">
                <label for="template-select">{ words::text(lang, Text::TemplateLabel) }</label>
                <select id="template-select" data-testid="template-select" onchange={on_change}>
                    if let Some(name) = &props.opened_file {
                        <option value="opened" selected=true disabled=true>
                            { format!("{}：{}", words::text(lang, Text::OpenedFileOption), name) }
                        </option>
                    }
                    { for props.labels.iter().enumerate().map(|(idx, label)| html! {
                        <option value={idx.to_string()} selected={props.opened_file.is_none() && idx == props.selected}>
                            { label.clone() }
                        </option>
                    }) }
                </select>
                <button type="button" class="button" data-testid="lang-toggle" onclick={on_toggle}
                    aria-label={ words::text(lang, Text::LangToggleLabel) }>
                    { words::text(lang, Text::LangToggle) }
                </button>
            </div>
        </header>
    }
}
