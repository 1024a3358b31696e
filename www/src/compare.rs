//! Comparing budget options: plans pinned as options A, B, C, D beside the current plan, the inputs that
//! differ between them, and their key figures side by side with the change from option A.
//!
//! Pure: no web types. The options are held by a small reducer ([`CompareState`]) apart from the editing
//! state, so pinning never enters the undo history and undoing never unpins.

use crate::format;
use crate::model::Computed;
use crate::words::{self, Lang, Text};
use serde_json::Value;
use std::rc::Rc;
use wuzha::ScenarioFile;

/// The most options that can be pinned at once.
pub const MAX_OPTIONS: usize = 4;

/// Letters of the options, in order of the slots.
pub const LETTERS: [char; MAX_OPTIONS] = ['A', 'B', 'C', 'D'];

/// A plan pinned for comparison.
#[derive(Debug)]
pub struct PinnedOption {
    /// Its letter (A-D).
    pub letter: char,
    /// The plan as a file.
    pub file: ScenarioFile,
    /// Its validated scenario and outcome.
    pub result: Rc<Computed>,
}

impl PartialEq for PinnedOption {
    fn eq(&self, other: &PinnedOption) -> bool {
        self.letter == other.letter && Rc::ptr_eq(&self.result, &other.result)
    }
}

/// The pinned options, in the order of their letters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareState {
    /// At most [`MAX_OPTIONS`].
    pub options: Vec<Rc<PinnedOption>>,
}

/// What can happen to the options.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    /// Pin this plan (the current one) under the first free letter; ignored when all letters are taken or when
    /// an option already holds exactly this file.
    Pin {
        /// The plan as a file.
        file: Box<ScenarioFile>,
        /// Its result.
        result: Rc<Computed>,
    },
    /// Unpin the option with this letter.
    Unpin(char),
    /// Unpin every option.
    Clear,
}

impl CompareState {
    /// The state after `action`.
    pub fn next(&self, action: CompareAction) -> CompareState {
        let mut options = self.options.clone();
        match action {
            CompareAction::Pin { file, result } => {
                let free = LETTERS.iter().find(|letter| options.iter().all(|option| option.letter != **letter));
                let duplicate = options.iter().any(|option| option.file == *file);
                if let (Some(letter), false) = (free, duplicate) {
                    options.push(Rc::new(PinnedOption { letter: *letter, file: *file, result }));
                    options.sort_by_key(|option| option.letter);
                }
            }
            CompareAction::Unpin(letter) => options.retain(|option| option.letter != letter),
            CompareAction::Clear => options.clear(),
        }
        CompareState { options }
    }

    /// True when another option can be pinned.
    pub fn has_room(&self) -> bool {
        self.options.len() < MAX_OPTIONS
    }
}

impl yew::Reducible for CompareState {
    type Action = CompareAction;

    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        Rc::new(self.next(action))
    }
}

/// One input that differs between the plans: where it is, and its value in each option and in the current
/// plan (empty where a plan does not have it).
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// A readable name, e.g. `奖励 · 谋划动员 · yuan_per_install`.
    pub label: String,
    /// The field path in the file, e.g. `rewards[0].yuan_per_install`.
    pub path: String,
    /// The value in each option, then in the current plan.
    pub values: Vec<String>,
}

/// The section of the file a top-level key names, in words.
fn section_name(lang: Lang, key: &str) -> String {
    let text = match key {
        "township" => Text::SectionTownship,
        "villages" => Text::SectionVillages,
        "segments" => Text::SectionSegments,
        "products" => Text::SectionProducts,
        "channels" => Text::SectionChannels,
        "phases" => Text::SectionPhases,
        "schedule" => Text::SectionSchedule,
        "rewards" => Text::SectionRewards,
        "budget" => Text::SectionBudget,
        "targets" => Text::SectionTargets,
        "last_year" => Text::SectionLastYear,
        "assessment" => Text::SectionAssessment,
        "behaviour" => Text::SectionBehaviour,
        "floors" => Text::SectionFloors,
        _ => return key.to_string(),
    };
    words::text(lang, text).to_string()
}

/// Every leaf of `value` by path (`a.b[2].c`), in file order.
fn leaves(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                leaves(child, &child_path, out);
            }
        }
        Value::Array(items) => {
            for (idx, child) in items.iter().enumerate() {
                leaves(child, &format!("{path}[{idx}]"), out);
            }
        }
        leaf => out.push((path.to_string(), leaf.clone())),
    }
}

/// A readable name for `path` in `file`: the section, the item's name (or id, or phase and channel of a
/// schedule line) when the path is inside a list, then the field.
fn path_label(lang: Lang, file: &Value, path: &str) -> String {
    let (top, rest) = path.split_once(['.', '[']).unwrap_or((path, ""));
    let mut parts = vec![section_name(lang, top)];
    if let Some(index_text) = path.strip_prefix(top).and_then(|tail| tail.strip_prefix('[')) {
        if let Some((index, _)) = index_text.split_once(']') {
            let item = index.parse::<usize>().ok().and_then(|idx| file.get(top)?.get(idx));
            let name = item.and_then(|item| {
                let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
                text("name").or_else(|| {
                    let joined: Vec<String> =
                        ["phase", "channel", "product", "village", "id"].iter().filter_map(|key| text(key)).collect();
                    (!joined.is_empty()).then(|| joined.join(" × "))
                })
            });
            parts.push(name.unwrap_or_else(|| format!("#{}", index.parse::<usize>().map_or(0, |idx| idx + 1))));
        }
    }
    let field = rest.rsplit(['.', ']']).next().unwrap_or_default();
    if !field.is_empty() && field != top {
        parts.push(field.to_string());
    }
    parts.join(" · ")
}

fn show(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.as_f64().map_or_else(|| number.to_string(), format::input_number),
        Some(other) => other.to_string(),
    }
}

/// The inputs that differ between the options and the current plan, in the order of the current file
/// (then fields only the options have), at most `limit` of them.
pub fn differences(lang: Lang, options: &[Rc<PinnedOption>], current: &ScenarioFile, limit: usize) -> Vec<Difference> {
    let as_value = |file: &ScenarioFile| serde_json::to_value(file).unwrap_or(Value::Null);
    let current_value = as_value(current);
    let mut plans: Vec<Vec<(String, Value)>> = options
        .iter()
        .map(|option| {
            let mut out = Vec::new();
            leaves(&as_value(&option.file), "", &mut out);
            out
        })
        .collect();
    let mut current_leaves = Vec::new();
    leaves(&current_value, "", &mut current_leaves);
    plans.push(current_leaves);
    let lookup: Vec<std::collections::HashMap<&str, &Value>> =
        plans.iter().map(|leaves| leaves.iter().map(|(path, value)| (path.as_str(), value)).collect()).collect();
    let mut paths: Vec<&str> = Vec::new();
    for plan in plans.iter().rev() {
        for (path, _) in plan {
            if !paths.contains(&path.as_str()) {
                paths.push(path);
            }
        }
    }
    paths
        .into_iter()
        .filter(|path| {
            let first = lookup.first().and_then(|plan| plan.get(path));
            lookup.iter().any(|plan| plan.get(path) != first)
        })
        .take(limit)
        .map(|path| Difference {
            label: path_label(lang, &current_value, path),
            path: path.to_string(),
            values: lookup.iter().map(|plan| show(plan.get(path).copied())).collect(),
        })
        .collect()
}

/// A key figure compared across plans.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// Its name.
    pub name: String,
    /// The figure in each option, then in the current plan.
    pub values: Vec<String>,
    /// The change from option A for each later option and the current plan (empty for A itself).
    pub deltas: Vec<String>,
}

/// The figures compared: the first target at its deadline, total cost, cost per install, cases averted, loss
/// averted and the score.
pub fn figure_rows(lang: Lang, options: &[Rc<PinnedOption>], current: &Computed) -> Vec<FigureRow> {
    let plans: Vec<&Computed> = options.iter().map(|option| option.result.as_ref()).chain([current]).collect();
    type Figure = (Text, fn(&Computed) -> Option<f64>, fn(Lang, f64) -> String, fn(Lang, f64) -> String);
    let first_target =
        |computed: &Computed| computed.outcome.targets.first().and_then(|target| target.value_at_deadline);
    let figures: [Figure; 6] = [
        (
            Text::KpiRateAtDeadline,
            first_target,
            |_, value| format::percent(value),
            |_, delta| format::percent_change(delta),
        ),
        (Text::KpiTotalCost, |computed| Some(computed.outcome.totals.cash_yuan), format::yuan, signed_yuan),
        (
            Text::KpiCostPerInstall,
            |computed| {
                let product_idx = computed.scenario.primary_product_idx();
                computed.outcome.totals.cost_per_install_yuan.get(product_idx).copied().flatten()
            },
            |_, value| format::yuan_small(value),
            |_, delta| signed(delta, format::yuan_small(delta.abs())),
        ),
        (
            Text::KpiCasesAverted,
            |computed| Some(computed.outcome.totals.cases_averted),
            |_, value| format::cases(value),
            |_, delta| signed(delta, format::cases(delta.abs())),
        ),
        (
            Text::CompareLossAverted,
            |computed| Some(computed.outcome.totals.loss_averted_yuan),
            format::yuan,
            signed_yuan,
        ),
        (
            Text::KpiScore,
            |computed| Some(computed.outcome.assessment.total),
            |_, value| format::points(value),
            |_, delta| signed(delta, format::points(delta.abs())),
        ),
    ];
    let share_target = current.scenario.targets.first().is_none_or(|target| target.metric.is_share());
    figures
        .iter()
        .map(|(name, read, write, write_delta)| {
            let values: Vec<Option<f64>> = plans.iter().map(|computed| read(computed)).collect();
            let first = values.first().copied().flatten();
            let write_value = |value: f64| {
                if *name == Text::KpiRateAtDeadline && !share_target {
                    format::percent_change(value)
                } else {
                    write(lang, value)
                }
            };
            FigureRow {
                name: words::text(lang, *name).to_string(),
                values: values.iter().map(|value| value.map_or_else(|| "—".to_string(), write_value)).collect(),
                deltas: values
                    .iter()
                    .skip(1)
                    .map(|value| match (first, value) {
                        (Some(first), Some(value)) => write_delta(lang, value - first),
                        _ => "—".to_string(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `+text` or `-text` by the sign of `delta` (`±0` for none).
fn signed(delta: f64, magnitude: String) -> String {
    if magnitude.trim_start_matches(['0', '.', '%']).is_empty() || magnitude.starts_with("0%") {
        "±0".to_string()
    } else if delta > 0.0 {
        format!("+{magnitude}")
    } else if delta < 0.0 {
        format!("-{magnitude}")
    } else {
        "±0".to_string()
    }
}

fn signed_yuan(lang: Lang, delta: f64) -> String {
    signed(delta, format::yuan(lang, delta.abs()))
}
