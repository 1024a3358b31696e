//! Autosave in the browser's local storage: the edited scenario and the language, written after every change
//! and read when the app starts, so closing the tab or a crash never loses a plan.
//!
//! Storage may be missing, full or blocked (private mode, locked-down office browsers): every function here
//! then quietly does nothing, and the app works as before.

use crate::i18n::Lang;
use crate::state::Session;
use web_sys::Storage;

const SCENARIO_KEY: &str = "wuzha.v1.scenario";
const TEMPLATE_KEY: &str = "wuzha.v1.template";
const OPENED_KEY: &str = "wuzha.v1.opened_file";
const LANG_KEY: &str = "wuzha.v1.lang";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The autosaved session, if there is one.
pub fn load_session() -> Option<Session> {
    let storage = storage()?;
    let scenario_json = storage.get_item(SCENARIO_KEY).ok()??;
    let template_idx = storage.get_item(TEMPLATE_KEY).ok()?.and_then(|text| text.parse().ok()).unwrap_or(0);
    let opened_file = storage.get_item(OPENED_KEY).ok()?;
    Some(Session { scenario_json, template_idx, opened_file })
}

/// Saves `session`; returns false if the browser refused (storage blocked or full).
pub fn save_session(session: &Session) -> bool {
    let Some(storage) = storage() else { return false };
    let opened = match &session.opened_file {
        Some(name) => storage.set_item(OPENED_KEY, name),
        None => storage.remove_item(OPENED_KEY),
    };
    storage.set_item(SCENARIO_KEY, &session.scenario_json).is_ok()
        && storage.set_item(TEMPLATE_KEY, &session.template_idx.to_string()).is_ok()
        && opened.is_ok()
}

/// The language chosen on an earlier visit.
pub fn load_lang() -> Option<Lang> {
    match storage()?.get_item(LANG_KEY).ok()??.as_str() {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, if lang == Lang::Zh { "zh" } else { "en" });
    }
}

const RUNS_KEY: &str = "wuzha.v1.mc_runs";

/// The number of Monte Carlo runs chosen on an earlier visit.
pub fn load_runs() -> Option<usize> {
    storage()?.get_item(RUNS_KEY).ok()??.parse().ok()
}

/// Remembers the number of Monte Carlo runs.
pub fn save_runs(n_runs: usize) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(RUNS_KEY, &n_runs.to_string());
    }
}
