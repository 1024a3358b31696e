//! The error box: every input that cannot be read or does not validate, named by its field.

use crate::state::InputError;
use crate::words::{self, Lang, Text};
use yew::prelude::*;

/// Props of [`ErrorList`].
#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The errors to show; nothing is rendered when empty.
    pub errors: Vec<InputError>,
    /// True when a last valid result is on screen (the heading then says so).
    pub has_result: bool,
}

/// The list of current errors, one `data-testid="input-error"` box.
#[function_component(ErrorList)]
pub fn error_list(props: &ErrorListProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    let heading = if props.has_result { Text::StaleNotice } else { Text::ErrorsHeading };
    html! {
        <div class="error-box" data-testid="input-error" role="alert">
            <p class="error-heading">{ words::text(props.lang, heading) }</p>
            <ul>
                { for props.errors.iter().map(|error| html! { <li>{ error.message.clone() }</li> }) }
            </ul>
        </div>
    }
}
