//! The row of view tabs under the header: one button per view, `aria-selected` on the shown one. Choosing a
//! tab sets the address bar's fragment (`#/edit`), so that back and forward move between views.

use crate::views::View;
use crate::words::{self, Lang, Text};
use yew::prelude::*;

/// Properties of [`ViewTabs`].
#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    /// The language of the labels.
    pub lang: Lang,
    /// The view shown.
    pub view: View,
    /// Called with the chosen view.
    pub on_view: Callback<View>,
}

/// The view tabs.
#[function_component(ViewTabs)]
pub fn view_tabs(props: &ViewTabsProps) -> Html {
    let lang = props.lang;
    html! {
        <nav class="view-tabs" role="tablist" aria-label={words::text(lang, Text::ViewsLabel)} data-testid="view-tabs">
            { for View::ALL.into_iter().map(|view| {
                let selected = view == props.view;
                let on_view = props.on_view.clone();
                html! {
                    <button type="button" role="tab" class={classes!("view-tab", selected.then_some("selected"))}
                        data-testid={format!("nav-{}", view.slug())} aria-selected={selected.to_string()}
                        aria-controls={format!("view-{}", view.slug())}
                        onclick={Callback::from(move |_: MouseEvent| on_view.emit(view))}>
                        { words::text(lang, view.label()) }
                    </button>
                }
            }) }
        </nav>
    }
}
