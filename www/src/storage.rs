//! Autosave in the browser's local storage: the edited scenario and the language, written after every change
//! and read when the app starts, so closing the tab or a crash never loses a plan.
//!
//! Storage may be missing, full or blocked (private mode, disabled site data, locked-down office browsers):
//! [`save_session`] then says so, and the app shows a banner with a "download backup" button instead of failing.
//! The last autosaved text is also kept in memory ([`last_saved_json`]), so a crash can still offer it for download
//! when storage refused it. [`keep_snapshot`] keeps the plans of the last few visits.

use crate::state::Session;
use crate::words::Lang;
use std::cell::RefCell;
use web_sys::Storage;

const SCENARIO_KEY: &str = "wuzha.v1.scenario";
const TEMPLATE_KEY: &str = "wuzha.v1.template";
const OPENED_KEY: &str = "wuzha.v1.opened_file";
const LANG_KEY: &str = "wuzha.v1.lang";
/// Snapshots are `wuzha.v1.snapshot.0` (newest) to `.2`.
const SNAPSHOT_PREFIX: &str = "wuzha.v1.snapshot.";
/// How many earlier plans are kept, one per visit.
pub const N_SNAPSHOTS: usize = 3;

/// Why autosave did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no local storage here (blocked site data, some private modes).
    Unavailable,
    /// The browser refused the write (storage full, or quota zero).
    Refused,
}

thread_local! {
    /// The last scenario JSON autosave was asked to keep, whether or not storage accepted it.
    static LAST_JSON: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The key autosave writes the scenario under (for the `storage` event of other tabs).
pub fn scenario_key() -> &'static str {
    SCENARIO_KEY
}

/// The autosaved session, if there is one.
pub fn load_session() -> Option<Session> {
    let storage = storage()?;
    let scenario_json = storage.get_item(SCENARIO_KEY).ok()??;
    let template_idx = storage.get_item(TEMPLATE_KEY).ok()?.and_then(|text| text.parse().ok()).unwrap_or(0);
    let opened_file = storage.get_item(OPENED_KEY).ok()?;
    Some(Session { scenario_json, template_idx, opened_file })
}

/// Saves `session`, or says why the browser would not.
pub fn save_session(session: &Session) -> Result<(), StorageError> {
    LAST_JSON.with(|last| *last.borrow_mut() = Some(session.scenario_json.clone()));
    let storage = storage().ok_or(StorageError::Unavailable)?;
    let opened = match &session.opened_file {
        Some(name) => storage.set_item(OPENED_KEY, name),
        None => storage.remove_item(OPENED_KEY),
    };
    let saved = storage.set_item(SCENARIO_KEY, &session.scenario_json).is_ok()
        && storage.set_item(TEMPLATE_KEY, &session.template_idx.to_string()).is_ok()
        && opened.is_ok();
    if saved {
        Ok(())
    } else {
        Err(StorageError::Refused)
    }
}

/// The last scenario JSON autosave was given in this tab (even if storage refused it), for a crash download.
pub fn last_saved_json() -> Option<String> {
    LAST_JSON.with(|last| last.borrow().clone()).or_else(|| load_session().map(|session| session.scenario_json))
}

/// Keeps `scenario_json` (the plan a visit started with) as the newest of [`N_SNAPSHOTS`] snapshots, shifting the
/// older ones down. Does nothing when storage is unavailable or the plan equals the newest snapshot.
pub fn keep_snapshot(scenario_json: &str) {
    let Some(storage) = storage() else { return };
    let key = |idx: usize| format!("{SNAPSHOT_PREFIX}{idx}");
    if storage.get_item(&key(0)).ok().flatten().as_deref() == Some(scenario_json) {
        return;
    }
    for idx in (1..N_SNAPSHOTS).rev() {
        if let Ok(Some(older)) = storage.get_item(&key(idx - 1)) {
            let _ = storage.set_item(&key(idx), &older);
        }
    }
    let _ = storage.set_item(&key(0), scenario_json);
}

/// The kept snapshots, newest first.
pub fn snapshots() -> Vec<String> {
    let Some(storage) = storage() else { return Vec::new() };
    (0..N_SNAPSHOTS).filter_map(|idx| storage.get_item(&format!("{SNAPSHOT_PREFIX}{idx}")).ok().flatten()).collect()
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
