//! The app's own hooks: one for every listener on the window or the document (keyboard, storage,
//! hashchange), added when the component mounts and removed when it unmounts.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where a listener listens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenOn {
    /// `window` (`hashchange`, `storage`).
    Window,
    /// `document` (`keydown`, wherever the focus is).
    Document,
}

/// The event target `on` names, if the page has one.
fn target(on: ListenOn) -> Option<web_sys::EventTarget> {
    let window = web_sys::window()?;
    match on {
        ListenOn::Window => Some(window.into()),
        ListenOn::Document => window.document().map(Into::into),
    }
}

/// Calls `handler` with every `event` (e.g. `"keydown"`) on the window or the document while the component
/// is mounted. The handler is the one given at the first render (give it callbacks, not values).
#[hook]
pub fn use_listener<E, F>(on: ListenOn, event: &'static str, handler: F)
where
    E: JsCast + 'static,
    F: Fn(E) + 'static,
{
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Ok(event) = event.dyn_into::<E>() {
                handler(event);
            }
        });
        let target = target(on);
        if let Some(target) = &target {
            let _ = target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(target) = &target {
                let _ = target.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}
