//! 导入实施方案: paste a plan's text or open a .txt/.docx, give the year, and open the reader's draft as the
//! current plan (one undo step), with the reader's review list (what it could not read) and its sources.

use crate::state::{Action, MAX_OPEN_BYTES};
use crate::words::{self, Lang, Text};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use wuzha::office::PlanDraft;
use yew::prelude::*;

/// Props of [`ImportPlan`].
#[derive(Properties, PartialEq)]
pub struct ImportPlanProps {
    /// Language of the texts and of the reader's messages.
    pub lang: Lang,
    /// Receives [`Action::OpenDraft`].
    pub on_action: Callback<Action>,
}

/// The year the reader finds in `text`, if it states one (the reader reports a year it had to assume).
pub fn stated_year(text: &str) -> Option<i32> {
    let draft = wuzha::office::read_plan(text, None, wuzha::Lang::Zh);
    let assumed = draft.review.iter().any(|item| item.path.as_deref() == Some("start_date"));
    (!assumed).then_some(draft.year)
}

/// The year typed in the year box, if it is one.
fn typed_year(text: &str) -> Option<i32> {
    text.trim().parse::<i32>().ok().filter(|year| (2000..=2100).contains(year))
}

fn core_lang(lang: Lang) -> wuzha::Lang {
    match lang {
        Lang::Zh => wuzha::Lang::Zh,
        Lang::En => wuzha::Lang::En,
    }
}

/// The import button and its dialog.
#[function_component(ImportPlan)]
pub fn import_plan(props: &ImportPlanProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let text = use_state(String::new);
    let year = use_state(String::new);
    let year_typed = use_state(|| false);
    let draft = use_state(|| None::<PlanDraft>);
    let file_note = use_state(|| None::<String>);
    // A new text: the year box follows the text's year until the user types one.
    let take_text = {
        let (text, year, year_typed) = (text.clone(), year.clone(), year_typed.clone());
        Callback::from(move |value: String| {
            if !*year_typed {
                year.set(stated_year(&value).map(|year| year.to_string()).unwrap_or_default());
            }
            text.set(value);
        })
    };
    let on_text = {
        let take_text = take_text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                take_text.emit(area.value());
            }
        })
    };
    let on_year = {
        let (year, year_typed) = (year.clone(), year_typed.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                year_typed.set(!input.value().trim().is_empty());
                year.set(input.value());
            }
        })
    };
    let on_pick = {
        let (take_text, file_note) = (take_text.clone(), file_note.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_OPEN_BYTES {
                file_note.set(Some(words::file_unreadable(lang, &name)));
                return;
            }
            let (take_text, file_note) = (take_text.clone(), file_note.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = if name.to_lowercase().ends_with(".docx") {
                    match JsFuture::from(file.array_buffer()).await {
                        Ok(buffer) => wuzha::office::docx_text(&js_sys::Uint8Array::new(&buffer).to_vec()).ok(),
                        Err(_) => None,
                    }
                } else {
                    JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string())
                };
                match read {
                    Some(text) => {
                        file_note.set(None);
                        take_text.emit(text);
                    }
                    None => file_note.set(Some(words::file_unreadable(lang, &name))),
                }
            });
        })
    };
    let on_open = {
        let (text, year, draft, on_action) = (text.clone(), year.clone(), draft.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            if text.trim().is_empty() {
                return;
            }
            let read = wuzha::office::read_plan(&text, typed_year(&year), core_lang(lang));
            let name = format!("{}（{}）", read.file.name, words::text(lang, Text::ImportPlanDraftName));
            on_action.emit(Action::OpenDraft { name, file: Box::new(read.file.clone()) });
            draft.set(Some(read));
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let review = draft.as_ref().map(|draft| {
        html! {
            <div class="import-plan-review" data-testid="import-plan-review">
                <h3>{ words::text(lang, Text::ImportPlanReview) }</h3>
                <ul>
                    { for draft.review.iter().map(|item| html! {
                        <li>
                            { item.path.as_ref().map(|path| format!("[{path}] ")).unwrap_or_default() }
                            { item.message.clone() }
                        </li>
                    }) }
                </ul>
                <h3>{ words::text(lang, Text::ImportPlanSources) }</h3>
                <ul class="import-plan-sources" data-testid="import-plan-sources">
                    { for draft.sources.iter().map(|source| html! {
                        <li><code>{ source.path.clone() }</code>{ "：" }{ source.quote.clone() }</li>
                    }) }
                </ul>
            </div>
        }
    });
    html! {
        <>
            <button type="button" class="button" data-testid="import-plan" onclick={toggle}
                aria-expanded={(*open).to_string()} title={words::text(lang, Text::ImportPlanHelp)}>
                { words::text(lang, Text::ImportPlan) }
            </button>
            if *open {
                <div class="import-plan-dialog" role="dialog" aria-label={words::text(lang, Text::ImportPlan)}
                    data-testid="import-plan-dialog">
                    <label for="import-plan-text">{ words::text(lang, Text::ImportPlanTextLabel) }</label>
                    <textarea id="import-plan-text" data-testid="import-plan-text" rows="8" value={(*text).clone()}
                        oninput={on_text} />
                    <label class="button" for="import-plan-file">{ words::text(lang, Text::ImportPlanFile) }</label>
                    <input id="import-plan-file" class="visually-hidden" type="file" data-testid="import-plan-file"
                        accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        onchange={on_pick} />
                    if let Some(note) = &*file_note {
                        <p role="alert">{ note.clone() }</p>
                    }
                    <label for="import-plan-year">{ words::text(lang, Text::ImportPlanYear) }</label>
                    <input id="import-plan-year" data-testid="import-plan-year" type="text" inputmode="numeric"
                        size="6" value={(*year).clone()} oninput={on_year}
                        placeholder={words::text(lang, Text::ImportPlanYearAsk)} />
                    <button type="button" class="button" data-testid="import-plan-open" onclick={on_open}
                        disabled={text.trim().is_empty()}>
                        { words::text(lang, Text::ImportPlanOpen) }
                    </button>
                    { for review }
                </div>
            }
        </>
    }
}
