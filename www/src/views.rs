//! The views a user moves between (results, editor, comparison, uncertainty, optimiser), each with its own
//! URL fragment (`#/results`, `#/edit`, ...). The current view is app state, not model logic: a small reducer
//! of its own, pure (no web types), fed by the address bar's `hashchange` so that back and forward work.

use crate::words::Text;
use std::rc::Rc;
use yew::Reducible;

/// One view of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Key figures, the charts and the village table.
    #[default]
    Results,
    /// The scenario editor and the phase timeline.
    Edit,
    /// Pinned options side by side.
    Compare,
    /// Monte Carlo runs.
    Uncertainty,
    /// The optimiser.
    Optimise,
}

impl View {
    /// Every view, in the order of the tabs.
    pub const ALL: [View; 5] = [View::Results, View::Edit, View::Compare, View::Uncertainty, View::Optimise];

    /// The view's name in its URL and test ids (`results`, `edit`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Edit => "edit",
            View::Compare => "compare",
            View::Uncertainty => "uncertainty",
            View::Optimise => "optimise",
        }
    }

    /// The view's tab label.
    pub fn label(self) -> Text {
        match self {
            View::Results => Text::ViewResults,
            View::Edit => Text::ViewEdit,
            View::Compare => Text::ViewCompare,
            View::Uncertainty => Text::ViewUncertainty,
            View::Optimise => Text::ViewOptimise,
        }
    }

    /// The fragment that opens this view, with `#` (`#/edit`).
    pub fn fragment(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The view a fragment names (`#/edit`, `#/edit?scenario=...`, `/edit`), if any. A bare share link
    /// (`#scenario=...`) names none.
    pub fn from_fragment(fragment: &str) -> Option<View> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = fragment.strip_prefix('/')?;
        let slug = path.split(['?', '&', '/']).next().unwrap_or_default();
        View::ALL.into_iter().find(|view| view.slug() == slug)
    }
}

/// The share link inside a fragment, without `#`: `scenario=...` from `#scenario=...` or from
/// `#/edit?scenario=...`; `None` when the fragment holds none.
pub fn link_part(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let key = wuzha::format::link::FRAGMENT_KEY;
    if fragment.starts_with(key) {
        return Some(fragment);
    }
    let (_, query) = fragment.strip_prefix('/')?.split_once('?')?;
    query.split('&').find(|part| part.starts_with(key))
}

/// The current view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The view shown.
    pub view: View,
}

/// What changes the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewAction {
    /// Show this view (a tab was chosen).
    Show(View),
    /// The address bar's fragment changed (back, forward, a typed or pasted address): show the view it names,
    /// or the results for a bare share link; any other fragment leaves the view as it is.
    Fragment(String),
}

impl ViewState {
    /// The view the page starts in, from the address bar's fragment (the results when it names none).
    pub fn from_fragment(fragment: &str) -> ViewState {
        ViewState { view: View::from_fragment(fragment).unwrap_or_default() }
    }

    /// The state after `action`.
    pub fn next(self, action: ViewAction) -> ViewState {
        match action {
            ViewAction::Show(view) => ViewState { view },
            ViewAction::Fragment(fragment) => match View::from_fragment(&fragment) {
                Some(view) => ViewState { view },
                None if link_part(&fragment).is_some() => ViewState { view: View::Results },
                None => self,
            },
        }
    }
}

impl Reducible for ViewState {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let next = (*self).next(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
