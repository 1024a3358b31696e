//! The file menu: open a scenario file (picker or drag-and-drop onto the page), save the edited scenario as a
//! `.json` download with a readable name, and the file's fingerprint so two planners can compare versions.

use super::import_plan::ImportPlan;
use super::Shared;
use crate::state::{Action, Computed, OpenRefusal, MAX_OPEN_BYTES};
use crate::words::{self, Lang, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, HtmlInputElement, Url};
use yew::prelude::*;

/// Props of [`FileMenu`].
#[derive(Properties, PartialEq)]
pub struct FileMenuProps {
    /// Language of the texts.
    pub lang: Lang,
    /// The scenario in compact JSON (`wuzha::format::json::to_compact_json`), or `None` when there is nothing to save.
    pub json: Option<AttrValue>,
    /// The name to save under, without `.json`.
    pub file_stem: AttrValue,
    /// The fingerprint of the scenario (`wuzha::format::fingerprint::fingerprint`).
    pub fingerprint: AttrValue,
    /// The last valid result, for the daily CSV.
    pub result: Option<Shared<Computed>>,
    /// True when the scenario was restored from an earlier visit's autosave.
    pub restored: bool,
    /// True when there is a step to undo.
    pub can_undo: bool,
    /// True when there is a step to redo.
    pub can_redo: bool,
    /// Receives [`Action::OpenFile`], [`Action::OpenRefused`], [`Action::OpenDraft`], [`Action::Undo`] and
    /// [`Action::Redo`].
    pub on_action: Callback<Action>,
}

/// Reads `file` and sends [`Action::OpenFile`], or [`Action::OpenRefused`] if it is too large or not text.
pub fn open_file(file: File, on_action: Callback<Action>) {
    let name = file.name();
    if file.size() > MAX_OPEN_BYTES {
        on_action.emit(Action::OpenRefused { name, refusal: OpenRefusal::TooLarge(file.size()) });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
            Some(text) => on_action.emit(Action::OpenFile { name, text }),
            None => on_action.emit(Action::OpenRefused { name, refusal: OpenRefusal::Unreadable }),
        }
    });
}

/// Offers `text` as a download named `file_name`. Returns `None` if the browser refused (nothing to do then).
pub fn download(text: &str, mime_type: &str, file_name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    download_url(&url, file_name);
    Url::revoke_object_url(&url).ok()
}

/// Offers the resource at `url` (an object or data URL) as a download named `file_name`.
pub fn download_url(url: &str, file_name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Some(())
}

/// A file name from a plan title and an extension (`json`, `csv`, `png`): characters that Windows forbids
/// become `_`, and the stem is kept short.
pub fn file_name(stem: &str, extension: &str) -> String {
    let cleaned: String = stem
        .trim()
        .chars()
        .map(|ch| if "\\/:*?\"<>|".contains(ch) || ch.is_control() { '_' } else { ch })
        .take(80)
        .collect();
    let cleaned = cleaned.trim();
    format!("{}.{extension}", if cleaned.is_empty() { "wuzha" } else { cleaned })
}

/// What the share button last produced.
#[derive(Clone, Debug, PartialEq)]
enum ShareResult {
    /// The link to copy.
    Link(String),
    /// The plan is too large for a link: its length in characters.
    TooLong(usize),
}

/// The link to the current page with `fragment`, e.g. `http://127.0.0.1:8080/#scenario=1.…`.
fn link_to(fragment: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = location.href().ok()?;
    let base = base.split('#').next().unwrap_or_default().to_string();
    Some(format!("{base}#{fragment}"))
}

/// The open and save buttons and the fingerprint.
#[function_component(FileMenu)]
pub fn file_menu(props: &FileMenuProps) -> Html {
    let lang = props.lang;
    let on_pick = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else { return };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file(file, on_action.clone());
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_save = {
        let json = props.json.clone();
        let name = file_name(&props.file_stem, "json");
        Callback::from(move |_: MouseEvent| {
            // Saved files are pretty-printed for people; the compact text is read back once, on click.
            if let Some(file) = json.as_ref().and_then(|json| wuzha::format::json::parse_json(json).ok()) {
                let _ = download(&wuzha::format::json::to_json(&file), "application/json;charset=utf-8", &name);
            }
        })
    };
    let on_export_csv = {
        let result = props.result.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(result) = &result else { return };
            let names: Vec<String> = result.scenario.products.iter().map(|product| product.name.clone()).collect();
            let csv =
                wuzha::export::daily_csv_with(&result.outcome, |column| words::daily_column(lang, column, &names));
            let stem = format!("{}-{}", result.scenario.township_name, words::text(lang, Text::DailyCsvName));
            let name = file_name(&stem, "csv");
            let _ = download(&wuzha::export::for_spreadsheets(&csv), "text/csv;charset=utf-8", &name);
        })
    };
    let shared = use_state(|| None::<ShareResult>);
    let on_share = {
        let json = props.json.clone();
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(file) = json.as_ref().and_then(|json| wuzha::format::json::parse_json(json).ok()) else { return };
            let fragment = wuzha::format::link::encode_fragment(&file);
            let outcome = match link_to(&fragment) {
                Some(link) if link.chars().count() <= wuzha::format::link::MAX_LINK_CHARS => ShareResult::Link(link),
                Some(link) => ShareResult::TooLong(link.chars().count()),
                None => return,
            };
            shared.set(Some(outcome));
        })
    };
    // A changed plan makes an old link stale: hide it.
    {
        let shared = shared.clone();
        use_effect_with(props.json.clone(), move |_| {
            if shared.is_some() {
                shared.set(None);
            }
        });
    }
    let share_view = match &*shared {
        Some(ShareResult::Link(link)) => html! {
            <div class="share-box" data-testid="share-box">
                <label for="share-link-text">{ words::text(lang, Text::ShareLinkHelp) }</label>
                <input id="share-link-text" data-testid="share-link-text" type="text" readonly=true value={link.clone()}
                    onfocus={Callback::from(|event: FocusEvent| {
                        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                            input.select();
                        }
                    })} />
            </div>
        },
        Some(ShareResult::TooLong(n_chars)) => html! {
            <p class="share-box share-too-long" data-testid="share-too-long" role="alert">
                { words::link_too_long(lang, *n_chars, wuzha::format::link::MAX_LINK_CHARS) }
            </p>
        },
        None => html! {},
    };
    let step = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    html! {
        <div class="file-menu">
            if props.restored {
                <span class="restored-notice" data-testid="restored-notice">{ words::text(lang, Text::RestoredNotice) }</span>
            }
            <button type="button" class="button" data-testid="undo" onclick={step(Action::Undo)}
                disabled={!props.can_undo} title={words::text(lang, Text::UndoHelp)}>
                { words::text(lang, Text::Undo) }
            </button>
            <button type="button" class="button" data-testid="redo" onclick={step(Action::Redo)}
                disabled={!props.can_redo} title={words::text(lang, Text::RedoHelp)}>
                { words::text(lang, Text::Redo) }
            </button>
            <input id="file-open" class="visually-hidden" type="file" accept=".json,application/json"
                data-testid="file-open" onchange={on_pick} />
            <label class="button" for="file-open">{ words::text(lang, Text::FileOpen) }</label>
            <ImportPlan lang={lang} on_action={props.on_action.clone()} />
            <button type="button" class="button" data-testid="file-save" onclick={on_save}
                disabled={props.json.is_none()}>
                { words::text(lang, Text::FileSave) }
            </button>
            <button type="button" class="button" data-testid="export-csv" onclick={on_export_csv}
                disabled={props.result.is_none()}>
                { words::text(lang, Text::ExportDailyCsv) }
            </button>
            <button type="button" class="button" data-testid="print" title={words::text(lang, Text::PrintHelp)}
                onclick={Callback::from(|_: MouseEvent| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                })}>
                { words::text(lang, Text::Print) }
            </button>
            <button type="button" class="button" data-testid="share-link" onclick={on_share}
                disabled={props.json.is_none()}>
                { words::text(lang, Text::ShareLink) }
            </button>
            <span class="fingerprint" data-testid="file-fingerprint" title={words::text(lang, Text::FingerprintHelp)}>
                { words::text(lang, Text::FingerprintLabel) }{ props.fingerprint.clone() }
            </span>
            { share_view }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_and_readable() {
        assert_eq!(file_name("2022年度洪林镇实施方案", "json"), "2022年度洪林镇实施方案.json");
        assert_eq!(file_name("a/b:c*?", "csv"), "a_b_c__.csv");
        assert_eq!(file_name("   ", "png"), "wuzha.png");
    }
}
