//! Validation: turns an untrusted [`ScenarioFile`] into a trusted [`Scenario`], or lists every bad field.
//!
//! Every number is checked to be finite and in range, every id resolved, every date parsed and placed.
//! Limits on list lengths keep a hostile file from making the simulation slow.

use crate::date::Date;
use crate::error::{ErrorKind, FieldError, RefKind};
use crate::format::wire::{self, Metric, Param, RuleKind, ScenarioFile, FORMAT_VERSION};
use crate::model::fields;
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

mod behaviour;
mod channels;
mod last_year;
mod schedule;
mod segments;
mod targets;
mod villages;

/// The most villages a township may have.
pub const MAX_VILLAGES: usize = 500;
/// The most segments.
pub const MAX_SEGMENTS: usize = 20;
/// The most products.
pub const MAX_PRODUCTS: usize = 10;
/// The most channels.
pub const MAX_CHANNELS: usize = 60;
/// The most phases.
pub const MAX_PHASES: usize = 60;
/// The most schedule lines.
pub const MAX_SCHEDULE: usize = 2000;
/// The most targets, floors, rewards or assessment rules (each).
pub const MAX_SMALL_LIST: usize = 200;
/// The longest scenario period in days (two years).
pub const MAX_DAYS: i32 = 731;
/// The largest population of one village.
pub const MAX_RESIDENTS: f64 = 2_000_000.0;
/// Tolerance on shares that must sum to 1.
pub const SHARE_SUM_TOLERANCE: f64 = 1e-6;

/// The smallest share above 0 a file may give (one person in a million): smaller ones mean nothing for a
/// township and, as denormals (5e-324), underflow the engine's divisions into NaN.
pub const MIN_SHARE: f64 = 1e-6;

/// The most cases last year per 1 000 residents (all villages). Reported telecom-fraud case rates are about
/// 0.5-3 per 1 000 residents a year (the shipped scenarios: 0.68-1.08); 50 is beyond any real township, while a
/// million cases a month for 38 000 people (315 000 per 1 000) is refused.
pub const MAX_CASES_PER_THOUSAND: f64 = 50.0;

/// Last year's cases always allowed, whatever the population: a hamlet's figures are noisy (12 cases in a
/// village of 100 people is odd but possible), so the per-1 000 bound applies only above this count.
pub const CASES_ALWAYS_ALLOWED: f64 = 20.0;

/// Reads JSON text with [`crate::format::import::import`] (size limit, strict JSON, migration, unknown fields kept) and
/// validates it. Callers that show warnings call `import` and [`validate`] themselves.
pub fn parse_scenario(text: &str) -> Result<(ScenarioFile, Scenario), Vec<FieldError>> {
    let imported = crate::format::import::import(text)?;
    let scenario = validate(&imported.file)?;
    Ok((imported.file, scenario))
}

/// True for characters that are invisible or change the direction of the text around them: zero-width spaces
/// and joiners, direction marks, embeddings, overrides and isolates (U+202E turns "一村" into a spoof), the
/// byte-order mark, the soft hyphen, and control characters (line breaks, tabs, NUL).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    ) || c.is_control()
}

/// True for characters that show as nothing or as blank space without being whitespace or [`is_invisible`]:
/// Hangul fillers, the braille blank, the combining grapheme joiner, variation selectors, tag characters,
/// Khmer and Mongolian invisible vowels and selectors, musical-symbol formatting. A name made only of these
/// (and whitespace) is refused as empty.
pub fn is_blank_looking(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{FFFC}'
            | '\u{1D159}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// The form in which two ids are compared: NFKC (full-width forms and compatibility characters to their plain
/// forms, NBSP to a space), without whitespace (ids are identifiers: `v 1` and `v1` read as one), lower-cased, and Cyrillic and Greek letters that look like Latin ones
/// mapped to those. `"V1 "`, `"ｖ１"`, `"v\u{00A0}1"` and `"v1"` (with a Cyrillic `v`-lookalike) compare equal.
pub fn id_key(id: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = id.nfkc().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    folded.chars().map(latin_lookalike).collect()
}

/// The Latin letter a Cyrillic or Greek lower-case letter is easily taken for, or the letter itself.
fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' | 'η' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        other => other,
    }
}

/// A name as the app and reports show it: the file's text without invisible or direction-changing
/// characters ([`is_invisible`]). Markup such as `<script>` stays as literal text: names are never interpreted.
pub fn display_text(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).collect()
}

/// Validates wire types, returning the trusted scenario or every error found (in file order).
pub fn validate(file: &ScenarioFile) -> Result<Scenario, Vec<FieldError>> {
    let mut check = Checker::default();
    let scenario = check.scenario(file);
    if check.errors.is_empty() {
        // `scenario` is only None when an error was recorded, so this branch always has a value.
        scenario.ok_or_else(Vec::new)
    } else {
        Err(check.errors)
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
}

/// Id → index for one list, built while checking for duplicates (a duplicate id resolves to its first entry).
struct Ids {
    index: HashMap<String, usize>,
    /// Entries in the list, duplicates included: the length of vectors indexed by this list.
    n_entries: usize,
    refers_to: RefKind,
}

impl Ids {
    fn resolve(&self, check: &mut Checker, path: &str, id: &str) -> Option<usize> {
        let found = self.index.get(id).copied();
        if found.is_none() {
            check.error(path, ErrorKind::UnknownId { refers_to: self.refers_to, id: id.to_string() });
        }
        found
    }

    fn len(&self) -> usize {
        self.n_entries
    }
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, kind: ErrorKind) {
        self.errors.push(FieldError::new(path, kind));
    }

    /// Checks `min ≤ value ≤ max` (bounds optional) and finiteness; returns the value either way.
    fn number(&mut self, path: &str, value: f64, min: Option<f64>, max: Option<f64>) -> f64 {
        let below = min.is_some_and(|min| value < min);
        let above = max.is_some_and(|max| value > max);
        if !value.is_finite() || below || above {
            self.error(path, ErrorKind::OutOfRange { found: value, min, max });
        }
        value
    }

    /// [`Checker::number`] with the range of the field table's entry `pattern` ([`fields::limits`]).
    fn number_field(&mut self, path: &str, value: f64, pattern: &str) -> f64 {
        let (min, max) = fields::limits(pattern);
        self.number(path, value, min, max)
    }

    /// [`Checker::count`] with the range of the field table's entry `pattern`.
    fn count_field(&mut self, path: &str, value: i64, pattern: &str) -> f64 {
        let (min, max) = fields::limits(pattern);
        self.number(path, value as f64, min, max)
    }

    /// [`Checker::param`] with the range of the field table's entry `pattern`.
    fn param_field(&mut self, path: &str, param: &Param, pattern: &str) -> Uncertain {
        let (min, max) = fields::limits(pattern);
        self.param(path, param, min, max)
    }

    fn share(&mut self, path: &str, value: f64) -> f64 {
        let value = self.number(path, value, Some(0.0), Some(1.0));
        self.not_tiny(path, value)
    }

    /// Refuses a share above 0 but below [`MIN_SHARE`] (a denormal such as 5e-324 would underflow the
    /// engine's divisions); returns the value either way.
    fn not_tiny(&mut self, path: &str, value: f64) -> f64 {
        if value > 0.0 && value < MIN_SHARE {
            self.error(path, ErrorKind::TooSmallShare { found: value, min: MIN_SHARE });
        }
        value
    }

    /// Checks a parameter's value and range (low ≤ value ≤ high, all within [min, max]).
    fn param(&mut self, path: &str, param: &Param, min: Option<f64>, max: Option<f64>) -> Uncertain {
        let value = self.number(&format!("{path}.value"), param.value, min, max);
        let low = match param.low {
            Some(low) => self.number(&format!("{path}.low"), low, min, Some(value)),
            None => value,
        };
        let high = match param.high {
            Some(high) => self.number(&format!("{path}.high"), high, Some(value), max),
            None => value,
        };
        Uncertain { value, low, high }
    }

    /// A name: must show something once invisible characters are taken out ([`display_text`]).
    fn text(&mut self, path: &str, text: &str) -> String {
        let shown = display_text(text);
        if shown.chars().all(|c| c.is_whitespace() || is_blank_looking(c)) {
            self.error(path, ErrorKind::Empty);
        }
        shown
    }

    fn date(&mut self, path: &str, text: &str) -> Option<Date> {
        let date = Date::parse(text);
        if date.is_none() {
            self.error(path, ErrorKind::BadDate { found: text.to_string() });
        }
        date
    }

    fn date_in(&mut self, path: &str, text: &str, period: Option<(Date, Date)>) -> Option<Date> {
        let date = self.date(path, text)?;
        if let Some((start, end)) = period {
            if date < start || date > end {
                self.error(
                    path,
                    ErrorKind::OutsidePeriod {
                        found: date.to_string(),
                        start: start.to_string(),
                        end: end.to_string(),
                    },
                );
            }
        }
        Some(date)
    }

    fn list_len(&mut self, path: &str, len: usize, max: usize, allow_empty: bool) {
        if len > max {
            self.error(path, ErrorKind::TooMany { max, found: len });
        } else if len == 0 && !allow_empty {
            self.error(path, ErrorKind::Empty);
        }
    }

    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>, refers_to: RefKind) -> Ids {
        let mut index = HashMap::new();
        // Each id's normal form ([`id_key`]) → its index and the id as written.
        let mut keys: HashMap<String, (usize, &str)> = HashMap::new();
        let mut n_entries = 0;
        for (idx, id) in ids.enumerate() {
            n_entries = idx + 1;
            let path = format!("{list}[{idx}].id");
            let key = id_key(id);
            if key.chars().all(|c| c.is_whitespace() || is_blank_looking(c)) {
                self.error(&path, ErrorKind::Empty);
            } else if let Some(c) = id.chars().find(|c| is_invisible(*c)) {
                self.error(&path, ErrorKind::InvisibleCharacter { code_point: u32::from(c) });
            } else if index.contains_key(id) {
                self.error(&path, ErrorKind::DuplicateId { id: id.to_string() });
            } else if let Some(&(other_idx, other_id)) = keys.get(&key) {
                self.error(
                    &path,
                    ErrorKind::LookalikeId {
                        id: id.to_string(),
                        other_id: other_id.to_string(),
                        other_path: format!("{list}[{other_idx}].id"),
                    },
                );
            } else {
                index.insert(id.to_string(), idx);
                keys.insert(key, (idx, id));
            }
        }
        Ids { index, n_entries, refers_to }
    }

    /// Resolves a map keyed by ids into a dense vector by index, with `default` for missing keys.
    fn by_index<T: Clone, V>(
        &mut self,
        path: &str,
        map: &BTreeMap<String, V>,
        ids: &Ids,
        default: T,
        mut convert: impl FnMut(&mut Checker, &str, &V) -> T,
    ) -> Vec<T> {
        let mut dense = vec![default; ids.len()];
        for (key, value) in map {
            let entry_path = format!("{path}.{key}");
            if let Some(idx) = ids.resolve(self, &entry_path, key) {
                dense[idx] = convert(self, &entry_path, value);
            }
        }
        dense
    }

    fn scenario(&mut self, file: &ScenarioFile) -> Option<Scenario> {
        if file.format_version != FORMAT_VERSION {
            // A file of another version is never half-loaded: stop here.
            self.error(
                "format_version",
                ErrorKind::UnsupportedVersion { found: u64::from(file.format_version), supported: FORMAT_VERSION },
            );
            return None;
        }
        let name = self.text("name", &file.name);
        let township_name = self.text("township.name", &file.township.name);
        let start = self.date("start_date", &file.start_date);
        let end = self.date("end_date", &file.end_date);
        let period = match (start, end) {
            (Some(start), Some(end)) if end < start => {
                self.error("end_date", ErrorKind::EndBeforeStart { start: start.to_string(), end: end.to_string() });
                None
            }
            (Some(start), Some(end)) if end.days_since(start) >= MAX_DAYS => {
                self.error(
                    "end_date",
                    ErrorKind::OutOfRange {
                        found: f64::from(end.days_since(start) + 1),
                        min: Some(1.0),
                        max: Some(f64::from(MAX_DAYS)),
                    },
                );
                None
            }
            (Some(start), Some(end)) => Some((start, end)),
            _ => None,
        };
        if file.seed > (1u64 << 53) {
            self.error(
                "seed",
                ErrorKind::OutOfRange { found: file.seed as f64, min: Some(0.0), max: Some(9.007_199_254_740_992e15) },
            );
        }

        self.list_len("villages", file.villages.len(), MAX_VILLAGES, false);
        self.list_len("segments", file.segments.len(), MAX_SEGMENTS, false);
        self.list_len("products", file.products.len(), MAX_PRODUCTS, false);
        self.list_len("channels", file.channels.len(), MAX_CHANNELS, true);
        self.list_len("phases", file.phases.len(), MAX_PHASES, true);
        self.list_len("schedule", file.schedule.len(), MAX_SCHEDULE, true);
        self.list_len("floors", file.floors.len(), MAX_SMALL_LIST, true);
        self.list_len("rewards", file.rewards.len(), MAX_SMALL_LIST, true);
        self.list_len("targets", file.targets.len(), MAX_SMALL_LIST, true);
        if self.errors.iter().any(|error| matches!(error.kind, ErrorKind::TooMany { .. })) {
            // Too-long lists are refused before any per-entry work.
            return None;
        }

        let village_ids = self.ids("villages", file.villages.iter().map(|v| v.id.as_str()), RefKind::Village);
        let segment_ids = self.ids("segments", file.segments.iter().map(|s| s.id.as_str()), RefKind::Segment);
        let product_ids = self.ids("products", file.products.iter().map(|p| p.id.as_str()), RefKind::Product);
        let channel_ids = self.ids("channels", file.channels.iter().map(|c| c.id.as_str()), RefKind::Channel);
        let phase_ids = self.ids("phases", file.phases.iter().map(|p| p.id.as_str()), RefKind::Phase);
        let target_ids = self.ids("targets", file.targets.iter().map(|t| t.id.as_str()), RefKind::Target);

        let villages = self.villages(file);
        let products = self.products(file);
        let segments = self.segments(file, &product_ids);
        let channels = self.channels(file, &segment_ids, &product_ids);
        let phases = self.phases(file, &phase_ids, period);
        let schedule = self.schedule(file, &channel_ids, &phase_ids, &village_ids);
        let floors = self.floors(file, &channel_ids, &phase_ids);
        let rewards = self.rewards(file, &phase_ids, &product_ids);
        let budget = self.budget(file, &phase_ids);
        let targets = self.targets(file, &product_ids, &segment_ids, &village_ids, period);
        let last_year = self.last_year(file, &segments, &product_ids);
        let assessment = self.assessment(file, &target_ids);
        let behaviour = self.behaviour(&file.behaviour);

        let (start, end) = period?;
        Some(Scenario {
            name,
            township_name,
            start,
            end,
            seed: file.seed,
            villages,
            segments,
            products,
            channels,
            phases: phases?,
            schedule,
            floors,
            rewards,
            budget,
            targets: targets?,
            last_year,
            assessment,
            behaviour,
        })
    }
}

/// Relative cases per month (January..December) used to spread an annual total: the Spring Festival window
/// (late January to late February) is the named high-risk peak (seed 003 plan 3). An assumption.
pub const DEFAULT_SEASONAL_PROFILE: [f64; 12] = [1.2, 1.3, 1.0, 0.9, 0.9, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05];

/// Seed 004's 100-point scheme for `n_targets` targets, each counted under system building (the v1 rules; the
/// validated default is [`default_assessment_for`], which leaves year-on-year targets out of system building).
pub fn default_assessment(n_targets: usize) -> Vec<AssessmentRule> {
    rules_counting((0..n_targets).collect())
}

/// Seed 004's 100-point scheme for targets of these metrics: system building 40 (a proxy: the share of the
/// coverage targets — adoption, reach, awareness — met; year-on-year targets are scored once, in the 50-point
/// part), year-on-year cases 50 (flat 45, -1 per point of rise, 0 at +20 %, 50 at a 20 % decline), card-cutting
/// 10 (manual, 5 assumed).
pub fn default_assessment_for(metrics: &[Metric]) -> Vec<AssessmentRule> {
    let coverage =
        metrics.iter().enumerate().filter(|(_, metric)| !matches!(metric, Metric::YoyCases | Metric::YoyLoss));
    rules_counting(coverage.map(|(target_idx, _)| target_idx).collect())
}

/// The three default rules, system building counting `all_targets`.
fn rules_counting(all_targets: Vec<usize>) -> Vec<AssessmentRule> {
    vec![
        AssessmentRule {
            id: "system_building".into(),
            name: "体系建设".into(),
            points_max: 40.0,
            scoring: RuleScoring::TargetsMet { targets: all_targets },
        },
        AssessmentRule {
            id: "yoy_cases".into(),
            name: "发案同比".into(),
            points_max: 50.0,
            scoring: RuleScoring::YoyCases {
                flat_points: 45.0,
                points_per_pct_rise: 1.0,
                zero_at_rise_pct: 20.0,
                full_decline_pct: 20.0,
            },
        },
        AssessmentRule {
            id: "card_cutting".into(),
            name: "断卡行动".into(),
            points_max: 10.0,
            scoring: RuleScoring::Manual { points: 5.0 },
        },
    ]
}

/// [`default_assessment`] for `file` written back in file form (`assessment[]`), so an editor can show the
/// default rules as rows and the file means the same with them as without: targets are named by id.
pub fn default_assessment_file(file: &ScenarioFile) -> Vec<wire::AssessmentRuleFile> {
    default_assessment(file.targets.len())
        .into_iter()
        .map(|rule| {
            let mut out = wire::AssessmentRuleFile {
                id: rule.id,
                name: rule.name,
                kind: RuleKind::Manual,
                points_max: rule.points_max,
                flat_points: None,
                points_per_pct_rise: None,
                zero_at_rise_pct: None,
                full_decline_pct: None,
                targets: None,
                points: None,
                note: None,
            };
            match rule.scoring {
                RuleScoring::YoyCases { flat_points, points_per_pct_rise, zero_at_rise_pct, full_decline_pct } => {
                    out.kind = RuleKind::YoyCases;
                    out.flat_points = Some(flat_points);
                    out.points_per_pct_rise = Some(points_per_pct_rise);
                    out.zero_at_rise_pct = Some(zero_at_rise_pct);
                    out.full_decline_pct = Some(full_decline_pct);
                }
                RuleScoring::TargetsMet { targets } => {
                    out.kind = RuleKind::TargetsMet;
                    let ids = targets.iter().filter_map(|idx| file.targets.get(*idx)).map(|target| target.id.clone());
                    out.targets = Some(ids.collect());
                }
                RuleScoring::Manual { points } => out.points = Some(points),
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_rules_in_file_form_mean_the_same_as_none() {
        let text = include_str!("../../../scenarios/template.json");
        let (mut file, _) = super::parse_scenario(text).expect("the template is valid");
        file.assessment = None;
        let defaults = super::validate(&file).expect("valid without rules").assessment;
        let rules = super::default_assessment_file(&file);
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[0].targets.as_ref().map(Vec::len), Some(file.targets.len()));
        file.assessment = Some(rules);
        assert_eq!(super::validate(&file).expect("valid with the rules written out").assessment, defaults);
    }
}
