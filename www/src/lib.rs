//! The Wuzha (无诈推演) web app and JavaScript API, compiled to WebAssembly.
//!
//! The app edits a scenario file, calls `wuzha::validate` and `wuzha::simulate`, and shows the outcome; it
//! holds no model logic. Codemap:
//! - [`state`]: the reducer (pure: no web types, no clock, no randomness), one editing mechanism for the
//!   editor's cells and the quick controls;
//! - [`edit`]: path-addressed edits of the scenario file (set a field, add/remove/paste rows, move a phase);
//! - [`model`]: one result as plain core data ([`model::Computed`]) and the model rules the app still holds;
//! - [`charts`]: chart data built from a result, and drawing on any plotters backend in one [`charts::style`];
//! - [`planning`]: the optimiser in the app (request, worker job, panel state);
//! - [`compare`]: options pinned for comparison, the inputs that differ and the key figures side by side;
//! - [`components`]: the Yew function components of the page;
//! - [`api`]: `check`, `simulate`, `MonteCarloJob` and `PlanJob` for JavaScript; [`messages`]: every message
//!   between the page and its workers;
//! - [`uncertainty`]: Monte Carlo batches, which are wanted and shown, and their sentences; [`runner`]: the
//!   Web Worker (`static/worker.js`) that runs them off the page's thread;
//! - [`words`]: every user-facing string, by area; [`format`]: numbers, money and dates as planners write them,
//!   on [`numbers`] (digits only, a leaf);
//! - [`templates`]: the embedded scenario files; [`views`]: the views a user moves between and their URLs.

pub mod api;
pub mod charts;
pub mod compare;
pub mod components;
pub mod edit;
pub mod format;
pub mod history;
pub mod messages;
pub mod model;
pub mod numbers;
pub mod planning;
pub mod runner;
pub mod state;
pub mod storage;
pub mod templates;
pub mod uncertainty;
pub mod views;
pub mod words;

use wasm_bindgen::prelude::*;
use words::{Lang, Text};

/// Renders the app into the page's `#app` element (replacing its loading message).
#[wasm_bindgen]
pub fn mount_app() -> Result<(), JsValue> {
    install_panic_hook();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
        .ok_or_else(|| js_sys::Error::new(words::text(Lang::Zh, Text::NoMountPoint)))?;
    root.set_text_content(None);
    yew::Renderer::<components::App>::with_root(root).render();
    Ok(())
}

/// Makes a panic visible: a message on the page (not a blank page) with a "download my data" button for the last
/// autosaved plan, and the details in the console.
fn install_panic_hook() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let details = info.to_string();
            web_sys::console::error_1(&JsValue::from_str(&details));
            show_fatal(&format!("{} {details}", words::text(Lang::Zh, Text::PanicMessage)));
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
    // The plan as last autosaved (kept in memory too, in case storage refused it), offered as a file.
    if let Some(json) = storage::last_saved_json() {
        if let Some(link) = backup_link(&document, &json) {
            let _ = banner.append_child(&link);
        }
    }
    let _ = body.prepend_with_node_1(&banner);
}

/// A download link for `json` as `wuzha-backup.json` (a blob: URL, which the CSP allows for downloads).
fn backup_link(document: &web_sys::Document, json: &str) -> Option<web_sys::Element> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", "wuzha-backup.json").ok()?;
    link.set_attribute("data-testid", "fatal-download").ok()?;
    link.set_attribute("class", "fatal-download").ok()?;
    link.set_text_content(Some(words::DOWNLOAD_MY_DATA));
    Some(link)
}
