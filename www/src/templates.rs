//! The scenarios built into the app: the three township plans of the seeds and the generic template.
//!
//! They are embedded at compile time, so the app works offline from a single folder.

use crate::words::{self, Lang, Text};
use wuzha::{Date, ScenarioFile};

/// One embedded scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// File stem in `scenarios/`, e.g. `honglin-2022`.
    pub id: &'static str,
    /// The JSON text.
    pub json: &'static str,
}

/// Every embedded scenario, in selector order; the first is loaded on start.
pub const TEMPLATES: [Template; 4] = [
    Template { id: "honglin-2022", json: include_str!("../../scenarios/honglin-2022.json") },
    Template { id: "qiaojiang-2021", json: include_str!("../../scenarios/qiaojiang-2021.json") },
    Template { id: "binzhou-2021", json: include_str!("../../scenarios/binzhou-2021.json") },
    Template { id: "template", json: include_str!("../../scenarios/template.json") },
];

/// The template loaded when the app starts: 洪林镇 2022 (seed 000).
pub const DEFAULT_TEMPLATE: usize = 0;

/// The id of the generic template (labelled as such rather than by its township).
const GENERIC_ID: &str = "template";

/// The selector label of a template, e.g. `洪林镇 · 2022年`: township and first year from the file,
/// or the template id if the file cannot be read.
pub fn label(lang: Lang, template: &Template) -> String {
    if template.id == GENERIC_ID {
        return words::text(lang, Text::TemplateGeneric).to_string();
    }
    match wuzha::format::json::parse_json(template.json) {
        Ok(file) => label_of_file(lang, &file).unwrap_or_else(|| template.id.to_string()),
        Err(_) => template.id.to_string(),
    }
}

/// Township and first year of a file, if its start date is valid.
fn label_of_file(lang: Lang, file: &ScenarioFile) -> Option<String> {
    let start = Date::parse(&file.start_date)?;
    Some(words::template_option(lang, &file.township.name, start.year()))
}

/// The labels of all templates, in selector order.
pub fn labels(lang: Lang) -> Vec<String> {
    TEMPLATES.iter().map(|template| label(lang, template)).collect()
}
