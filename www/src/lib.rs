//! The Wuzha (无诈推演) web app and JavaScript API, compiled to WebAssembly.
//!
//! The app edits a scenario file, calls `wuzha::validate` and `wuzha::simulate`, and shows the outcome; it
//! holds no model logic. Codemap:
//! - [`state`]: the reducer (pure: no web types, no clock, no randomness);
//! - [`edit`]: path-addressed edits of the scenario file (set a field, add/remove/paste rows, move a phase);
//! - [`charts`]: chart data built from an outcome, and drawing on any plotters backend;
//! - [`components`]: the Yew function components of the page;
//! - [`api`]: `check` and `simulate` for JavaScript;
//! - [`i18n`]: every user-facing string; [`format`]: numbers, money and dates as planners write them;
//! - [`templates`]: the embedded scenario files.

pub mod api;
pub mod charts;
pub mod components;
pub mod edit;
pub mod format;
pub mod history;
pub mod i18n;
pub mod state;
pub mod storage;
pub mod templates;

use i18n::{Lang, Text};
use wasm_bindgen::prelude::*;

/// Renders the app into the page's `#app` element (replacing its loading message).
#[wasm_bindgen]
pub fn mount_app() -> Result<(), JsValue> {
    install_panic_hook();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
        .ok_or_else(|| js_sys::Error::new(i18n::text(Lang::Zh, Text::NoMountPoint)))?;
    root.set_text_content(None);
    yew::Renderer::<components::App>::with_root(root).render();
    Ok(())
}

/// Makes a panic visible: a message on the page (not a blank page) and the details in the console.
fn install_panic_hook() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let details = info.to_string();
            web_sys::console::error_1(&JsValue::from_str(&details));
            show_fatal(&format!("{} {details}", i18n::text(Lang::Zh, Text::PanicMessage)));
        }));
    });
}

/// Puts `message` at the top of the page in a box that cannot be missed.
fn show_fatal(message: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) else { return };
    banner.set_class_name("fatal");
    // Setting attributes on a fresh element cannot fail in practice; the banner shows without them too.
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "fatal-error");
    banner.set_text_content(Some(message));
    let _ = body.prepend_with_node_1(&banner);
}
