//! Validation: turns an untrusted [`ScenarioFile`] into a trusted [`Scenario`], or lists every bad field.
//!
//! Every number is checked to be finite and in range, every id resolved, every date parsed and placed.
//! Limits on list lengths keep a hostile file from making the simulation slow.

use crate::date::Date;
use crate::error::{ErrorKind, FieldError, RefKind};
use crate::format::wire::{self, Metric, Param, RuleKind, ScenarioFile, FORMAT_VERSION};
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

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

    fn share(&mut self, path: &str, value: f64) -> f64 {
        self.number(path, value, Some(0.0), Some(1.0))
    }

    fn count(&mut self, path: &str, value: i64, min: i64, max: f64) -> f64 {
        let value = value as f64;
        self.number(path, value, Some(min as f64), Some(max))
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
        if shown.trim().is_empty() {
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
        let mut n_entries = 0;
        for (idx, id) in ids.enumerate() {
            n_entries = idx + 1;
            let path = format!("{list}[{idx}].id");
            if id.trim().is_empty() {
                self.error(&path, ErrorKind::Empty);
            } else if let Some(c) = id.chars().find(|c| is_invisible(*c)) {
                self.error(&path, ErrorKind::InvisibleCharacter { code_point: u32::from(c) });
            } else if index.contains_key(id) {
                self.error(&path, ErrorKind::DuplicateId { id: id.to_string() });
            } else {
                index.insert(id.to_string(), idx);
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
        let last_year = self.last_year(file, &segments);
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

    fn villages(&mut self, file: &ScenarioFile) -> Vec<Village> {
        file.villages
            .iter()
            .enumerate()
            .map(|(idx, village)| {
                let path = format!("villages[{idx}]");
                let name = self.text(&format!("{path}.name"), &village.name);
                let residents = self.count(&format!("{path}.residents"), village.residents, 1, MAX_RESIDENTS);
                let households = self.count(&format!("{path}.households"), village.households, 1, MAX_RESIDENTS);
                if village.households > village.residents && village.residents >= 1 {
                    self.error(
                        format!("{path}.households"),
                        ErrorKind::Conflict { other: format!("{path}.residents") },
                    );
                }
                let grids = self.count(&format!("{path}.grids"), village.grids, 0, 100_000.0);
                let grid_workers = self.count(&format!("{path}.grid_workers"), village.grid_workers, 0, 100_000.0);
                Village { id: village.id.clone(), name, residents, households, grids, grid_workers }
            })
            .collect()
    }

    fn products(&mut self, file: &ScenarioFile) -> Vec<Product> {
        file.products
            .iter()
            .enumerate()
            .map(|(idx, product)| {
                let path = format!("products[{idx}]");
                Product {
                    id: product.id.clone(),
                    name: self.text(&format!("{path}.name"), &product.name),
                    p0: self.param(&format!("{path}.p0"), &product.p0, Some(0.0), Some(1.0)),
                    q: self.param(&format!("{path}.q"), &product.q, Some(0.0), Some(1.0)),
                    uninstall_rate: self.param(
                        &format!("{path}.uninstall_rate"),
                        &product.uninstall_rate,
                        Some(0.0),
                        Some(1.0),
                    ),
                    risk_cut: self.param(&format!("{path}.risk_cut"), &product.risk_cut, Some(0.0), Some(1.0)),
                }
            })
            .collect()
    }

    fn segments(&mut self, file: &ScenarioFile, product_ids: &Ids) -> Vec<Segment> {
        let segments: Vec<Segment> = file
            .segments
            .iter()
            .enumerate()
            .map(|(idx, segment)| {
                let path = format!("segments[{idx}]");
                let smartphone_share = self.share(&format!("{path}.smartphone_share"), segment.smartphone_share);
                let initial_adopted = self.by_index(
                    &format!("{path}.initial_adopted"),
                    &segment.initial_adopted,
                    product_ids,
                    0.0,
                    |check, p, v| {
                        let value = check.share(p, *v);
                        if value > smartphone_share {
                            check.error(
                                p,
                                ErrorKind::OutOfRange { found: value, min: Some(0.0), max: Some(smartphone_share) },
                            );
                        }
                        value
                    },
                );
                Segment {
                    id: segment.id.clone(),
                    name: self.text(&format!("{path}.name"), &segment.name),
                    share: self.share(&format!("{path}.share"), segment.share),
                    smartphone_share,
                    victim_share: self.share(&format!("{path}.victim_share"), segment.victim_share),
                    loss_per_case_yuan: self.param(
                        &format!("{path}.loss_per_case_yuan"),
                        &segment.loss_per_case_yuan,
                        Some(0.0),
                        Some(1e9),
                    ),
                    priority: segment.priority,
                    initial_aware: self.share(&format!("{path}.initial_aware"), segment.initial_aware),
                    initial_adopted,
                }
            })
            .collect();
        if !segments.is_empty() {
            for (field, sum) in [
                ("share", segments.iter().map(|s| s.share).sum::<f64>()),
                ("victim_share", segments.iter().map(|s| s.victim_share).sum::<f64>()),
            ] {
                if sum.is_finite() && (sum - 1.0).abs() > SHARE_SUM_TOLERANCE {
                    self.error(format!("segments[*].{field}"), ErrorKind::SharesDoNotSum { sum });
                }
            }
        }
        segments
    }

    fn channels(&mut self, file: &ScenarioFile, segment_ids: &Ids, product_ids: &Ids) -> Vec<Channel> {
        file.channels
            .iter()
            .enumerate()
            .map(|(idx, channel)| {
                let path = format!("channels[{idx}]");
                let affinity =
                    self.by_index(&format!("{path}.affinity"), &channel.affinity, segment_ids, 1.0, |check, p, v| {
                        check.number(p, *v, Some(0.0), Some(1000.0))
                    });
                if !affinity.is_empty() && affinity.iter().all(|weight| *weight == 0.0) {
                    self.error(
                        format!("{path}.affinity"),
                        ErrorKind::OutOfRange { found: 0.0, min: Some(0.0), max: None },
                    );
                }
                let door_to_door = channel.kind == wire::ChannelKind::DoorToDoor;
                let visits_per_hour = match (&channel.visits_per_hour, door_to_door) {
                    (Some(param), true) => {
                        self.param(&format!("{path}.visits_per_hour"), param, Some(0.0), Some(100.0))
                    }
                    (None, true) => {
                        self.error(format!("{path}.visits_per_hour"), ErrorKind::Missing);
                        Uncertain::point(0.0)
                    }
                    (Some(_), false) => {
                        self.error(format!("{path}.visits_per_hour"), ErrorKind::NotApplicable);
                        Uncertain::point(0.0)
                    }
                    (None, false) => Uncertain::point(0.0),
                };
                if !door_to_door && !channel.install_conversion.is_empty() {
                    self.error(format!("{path}.install_conversion"), ErrorKind::NotApplicable);
                }
                if door_to_door && channel.staff_hours_per_unit <= 0.0 {
                    self.error(
                        format!("{path}.staff_hours_per_unit"),
                        ErrorKind::OutOfRange { found: channel.staff_hours_per_unit, min: Some(0.01), max: Some(24.0) },
                    );
                }
                Channel {
                    id: channel.id.clone(),
                    name: self.text(&format!("{path}.name"), &channel.name),
                    unit: display_text(&channel.unit),
                    kind: channel.kind,
                    cost_per_unit_yuan: self.number(
                        &format!("{path}.cost_per_unit_yuan"),
                        channel.cost_per_unit_yuan,
                        Some(0.0),
                        Some(1e8),
                    ),
                    fixed_cost_yuan: self.number(
                        &format!("{path}.fixed_cost_yuan"),
                        channel.fixed_cost_yuan,
                        Some(0.0),
                        Some(1e9),
                    ),
                    reach_per_unit: self.number(
                        &format!("{path}.reach_per_unit"),
                        channel.reach_per_unit,
                        Some(0.0),
                        Some(1e7),
                    ),
                    affinity,
                    awareness_lift: self.param(
                        &format!("{path}.awareness_lift"),
                        &channel.awareness_lift,
                        Some(0.0),
                        Some(10.0),
                    ),
                    adoption_lift: self.by_index(
                        &format!("{path}.adoption_lift"),
                        &channel.adoption_lift,
                        product_ids,
                        Uncertain::point(0.0),
                        |check, p, v| check.param(p, v, Some(0.0), Some(10.0)),
                    ),
                    carry_over_per_week: self.param(
                        &format!("{path}.carry_over_per_week"),
                        &channel.carry_over_per_week,
                        Some(0.0),
                        Some(0.99),
                    ),
                    hill_alpha: self.param(&format!("{path}.hill_alpha"), &channel.hill_alpha, Some(0.1), Some(10.0)),
                    hill_gamma: self.param(
                        &format!("{path}.hill_gamma"),
                        &channel.hill_gamma,
                        Some(0.001),
                        Some(100.0),
                    ),
                    staff_hours_per_unit: self.number(
                        &format!("{path}.staff_hours_per_unit"),
                        channel.staff_hours_per_unit,
                        Some(0.0),
                        Some(1000.0),
                    ),
                    visits_per_hour,
                    install_conversion: self.by_index(
                        &format!("{path}.install_conversion"),
                        &channel.install_conversion,
                        product_ids,
                        Uncertain::point(0.0),
                        |check, p, v| check.param(p, v, Some(0.0), Some(1.0)),
                    ),
                }
            })
            .collect()
    }

    fn phases(&mut self, file: &ScenarioFile, phase_ids: &Ids, period: Option<(Date, Date)>) -> Option<Vec<Phase>> {
        let mut complete = true;
        let mut phases = Vec::with_capacity(file.phases.len());
        for (idx, phase) in file.phases.iter().enumerate() {
            let path = format!("phases[{idx}]");
            let name = self.text(&format!("{path}.name"), &phase.name);
            let start = self.date_in(&format!("{path}.start"), &phase.start, period);
            let end = self.date_in(&format!("{path}.end"), &phase.end, period);
            let parent =
                phase.parent.as_ref().and_then(|parent| phase_ids.resolve(self, &format!("{path}.parent"), parent));
            if parent == Some(idx) {
                self.error(format!("{path}.parent"), ErrorKind::Conflict { other: format!("{path}.id") });
            }
            match (start, end) {
                (Some(start), Some(end)) if end >= start => {
                    phases.push(Phase { id: phase.id.clone(), name, start, end, parent })
                }
                (Some(start), Some(end)) => {
                    self.error(
                        format!("{path}.end"),
                        ErrorKind::EndBeforeStart { start: start.to_string(), end: end.to_string() },
                    );
                    complete = false;
                }
                _ => complete = false,
            }
        }
        if !complete {
            return None;
        }
        // A nested phase must lie inside its parent.
        for (idx, phase) in phases.iter().enumerate() {
            if let Some(parent) = phase.parent.and_then(|parent| phases.get(parent)) {
                if phase.start < parent.start || phase.end > parent.end {
                    let parent_idx = phase.parent.unwrap_or(idx);
                    self.error(
                        format!("phases[{idx}].start"),
                        ErrorKind::Conflict { other: format!("phases[{parent_idx}]") },
                    );
                }
            }
        }
        Some(phases)
    }

    fn schedule(
        &mut self,
        file: &ScenarioFile,
        channel_ids: &Ids,
        phase_ids: &Ids,
        village_ids: &Ids,
    ) -> Vec<ScheduleEntry> {
        file.schedule
            .iter()
            .enumerate()
            .filter_map(|(idx, entry)| {
                let path = format!("schedule[{idx}]");
                let channel = channel_ids.resolve(self, &format!("{path}.channel"), &entry.channel);
                let phase = phase_ids.resolve(self, &format!("{path}.phase"), &entry.phase);
                let village = match &entry.village {
                    Some(id) => Some(village_ids.resolve(self, &format!("{path}.village"), id)?),
                    None => None,
                };
                let units = self.number(&format!("{path}.units"), entry.units, Some(0.0), Some(1e7));
                Some(ScheduleEntry {
                    channel: channel?,
                    phase: phase?,
                    units,
                    per: entry.per,
                    basis: entry.basis,
                    village,
                })
            })
            .collect()
    }

    fn floors(&mut self, file: &ScenarioFile, channel_ids: &Ids, phase_ids: &Ids) -> Vec<Floor> {
        file.floors
            .iter()
            .enumerate()
            .filter_map(|(idx, floor)| {
                let path = format!("floors[{idx}]");
                let channel = channel_ids.resolve(self, &format!("{path}.channel"), &floor.channel);
                let phase = match &floor.phase {
                    Some(id) => Some(phase_ids.resolve(self, &format!("{path}.phase"), id)?),
                    None => None,
                };
                let min_units_per_village = self.number(
                    &format!("{path}.min_units_per_village"),
                    floor.min_units_per_village,
                    Some(0.0),
                    Some(1e7),
                );
                Some(Floor { channel: channel?, phase, min_units_per_village })
            })
            .collect()
    }

    fn rewards(&mut self, file: &ScenarioFile, phase_ids: &Ids, product_ids: &Ids) -> Vec<Reward> {
        file.rewards
            .iter()
            .enumerate()
            .filter_map(|(idx, reward)| {
                let path = format!("rewards[{idx}]");
                let phase = phase_ids.resolve(self, &format!("{path}.phase"), &reward.phase);
                let product = product_ids.resolve(self, &format!("{path}.product"), &reward.product);
                let yuan_per_install =
                    self.number(&format!("{path}.yuan_per_install"), reward.yuan_per_install, Some(0.0), Some(1000.0));
                Some(Reward { phase: phase?, product: product?, yuan_per_install })
            })
            .collect()
    }

    fn budget(&mut self, file: &ScenarioFile, phase_ids: &Ids) -> Budget {
        let total_yuan =
            file.budget.total_yuan.map(|total| self.number("budget.total_yuan", total, Some(0.0), Some(1e11)));
        let per_phase_yuan =
            self.by_index("budget.per_phase_yuan", &file.budget.per_phase_yuan, phase_ids, None, |check, p, v| {
                Some(check.number(p, *v, Some(0.0), Some(1e11)))
            });
        Budget { total_yuan, per_phase_yuan }
    }

    fn targets(
        &mut self,
        file: &ScenarioFile,
        product_ids: &Ids,
        segment_ids: &Ids,
        village_ids: &Ids,
        period: Option<(Date, Date)>,
    ) -> Option<Vec<Target>> {
        let mut complete = true;
        let mut targets = Vec::with_capacity(file.targets.len());
        for (idx, target) in file.targets.iter().enumerate() {
            let path = format!("targets[{idx}]");
            let name = self.text(&format!("{path}.name"), &target.name);
            let product = match (&target.product, target.metric) {
                (Some(id), Metric::Adoption) => product_ids.resolve(self, &format!("{path}.product"), id),
                (None, Metric::Adoption) => {
                    self.error(format!("{path}.product"), ErrorKind::Missing);
                    None
                }
                (Some(_), _) => {
                    self.error(format!("{path}.product"), ErrorKind::NotApplicable);
                    None
                }
                (None, _) => None,
            };
            let segment =
                target.segment.as_ref().and_then(|id| segment_ids.resolve(self, &format!("{path}.segment"), id));
            let village =
                target.village.as_ref().and_then(|id| village_ids.resolve(self, &format!("{path}.village"), id));
            let is_share = !matches!(target.metric, Metric::YoyCases | Metric::YoyLoss);
            // Only adoption is a share of smartphone holders; reach, awareness and cases concern everyone.
            if target.metric != Metric::Adoption && target.denominator == wire::Denominator::SmartphoneHolders {
                self.error(format!("{path}.denominator"), ErrorKind::NotApplicable);
            }
            let threshold = if is_share {
                self.share(&format!("{path}.threshold"), target.threshold)
            } else {
                self.number(&format!("{path}.threshold"), target.threshold, Some(-1.0), Some(10.0))
            };
            let deadline = self.date_in(&format!("{path}.deadline"), &target.deadline, period);
            match deadline {
                Some(deadline) if target.metric != Metric::Adoption || product.is_some() => targets.push(Target {
                    id: target.id.clone(),
                    name,
                    metric: target.metric,
                    product,
                    segment,
                    village,
                    denominator: target.denominator,
                    threshold,
                    deadline,
                }),
                _ => complete = false,
            }
        }
        complete.then_some(targets)
    }

    fn last_year(&mut self, file: &ScenarioFile, segments: &[Segment]) -> LastYear {
        let last_year = &file.last_year;
        let mut cases_monthly = [0.0; 12];
        match (&last_year.cases_monthly, last_year.cases_total) {
            (Some(monthly), None) => {
                if monthly.len() != 12 {
                    self.error(
                        "last_year.cases_monthly",
                        ErrorKind::WrongLength { expected: 12, found: monthly.len() },
                    );
                }
                for (month_idx, cases) in monthly.iter().take(12).enumerate() {
                    cases_monthly[month_idx] =
                        self.number(&format!("last_year.cases_monthly[{month_idx}]"), *cases, Some(0.0), Some(1e6));
                }
                if last_year.seasonal_profile.is_some() {
                    self.error("last_year.seasonal_profile", ErrorKind::NotApplicable);
                }
            }
            (None, Some(total)) => {
                let total = self.number("last_year.cases_total", total, Some(0.0), Some(1e7));
                let profile = match &last_year.seasonal_profile {
                    Some(profile) if profile.len() != 12 => {
                        self.error(
                            "last_year.seasonal_profile",
                            ErrorKind::WrongLength { expected: 12, found: profile.len() },
                        );
                        DEFAULT_SEASONAL_PROFILE
                    }
                    Some(profile) => {
                        let mut weights = [0.0; 12];
                        for (month_idx, weight) in profile.iter().enumerate() {
                            weights[month_idx] = self.number(
                                &format!("last_year.seasonal_profile[{month_idx}]"),
                                *weight,
                                Some(0.0),
                                Some(1e6),
                            );
                        }
                        if weights.iter().sum::<f64>() <= 0.0 {
                            self.error(
                                "last_year.seasonal_profile",
                                ErrorKind::OutOfRange { found: 0.0, min: Some(0.0), max: None },
                            );
                        }
                        weights
                    }
                    None => DEFAULT_SEASONAL_PROFILE,
                };
                let weight_sum: f64 = profile.iter().sum();
                if weight_sum > 0.0 {
                    for month_idx in 0..12 {
                        cases_monthly[month_idx] = total * profile[month_idx] / weight_sum;
                    }
                }
            }
            (Some(_), Some(_)) => {
                self.error("last_year.cases_total", ErrorKind::Conflict { other: "last_year.cases_monthly".into() })
            }
            (None, None) => self.error("last_year.cases_monthly", ErrorKind::Missing),
        }
        let mean_loss_per_case: f64 = segments.iter().map(|s| s.victim_share * s.loss_per_case_yuan.value).sum();
        let cases_total: f64 = cases_monthly.iter().sum();
        let mut loss_monthly_yuan = [0.0; 12];
        let loss_total = match last_year.loss_total_yuan {
            Some(loss) => self.number("last_year.loss_total_yuan", loss, Some(0.0), Some(1e12)),
            None => cases_total * mean_loss_per_case,
        };
        if cases_total > 0.0 {
            for month_idx in 0..12 {
                loss_monthly_yuan[month_idx] = loss_total * cases_monthly[month_idx] / cases_total;
            }
        }
        LastYear { cases_monthly, loss_monthly_yuan }
    }

    fn assessment(&mut self, file: &ScenarioFile, target_ids: &Ids) -> Vec<AssessmentRule> {
        let Some(rules) = &file.assessment else {
            return default_assessment(file.targets.len());
        };
        self.list_len("assessment", rules.len(), MAX_SMALL_LIST, true);
        self.ids("assessment", rules.iter().map(|rule| rule.id.as_str()), RefKind::Rule);
        rules
            .iter()
            .enumerate()
            .map(|(idx, rule)| {
                let path = format!("assessment[{idx}]");
                let points_max = self.number(&format!("{path}.points_max"), rule.points_max, Some(0.0), Some(1000.0));
                let optional =
                    |check: &mut Checker, field: &str, value: Option<f64>, fallback: f64, min: f64, max: f64| {
                        check.number(&format!("{path}.{field}"), value.unwrap_or(fallback), Some(min), Some(max))
                    };
                let scoring = match rule.kind {
                    RuleKind::YoyCases => RuleScoring::YoyCases {
                        flat_points: optional(self, "flat_points", rule.flat_points, points_max * 0.9, 0.0, points_max),
                        points_per_pct_rise: optional(
                            self,
                            "points_per_pct_rise",
                            rule.points_per_pct_rise,
                            1.0,
                            0.0,
                            1000.0,
                        ),
                        zero_at_rise_pct: optional(self, "zero_at_rise_pct", rule.zero_at_rise_pct, 20.0, 0.0, 1000.0),
                        full_decline_pct: optional(self, "full_decline_pct", rule.full_decline_pct, 20.0, 0.1, 100.0),
                    },
                    RuleKind::TargetsMet => {
                        let ids = rule.targets.clone().unwrap_or_default();
                        if rule.targets.is_none() {
                            self.error(format!("{path}.targets"), ErrorKind::Missing);
                        }
                        let targets = ids
                            .iter()
                            .enumerate()
                            .filter_map(|(id_idx, id)| {
                                target_ids.resolve(self, &format!("{path}.targets[{id_idx}]"), id)
                            })
                            .collect();
                        RuleScoring::TargetsMet { targets }
                    }
                    RuleKind::Manual => {
                        if rule.points.is_none() {
                            self.error(format!("{path}.points"), ErrorKind::Missing);
                        }
                        RuleScoring::Manual { points: optional(self, "points", rule.points, 0.0, 0.0, points_max) }
                    }
                };
                AssessmentRule {
                    id: rule.id.clone(),
                    name: self.text(&format!("{path}.name"), &rule.name),
                    points_max,
                    scoring,
                }
            })
            .collect()
    }

    fn behaviour(&mut self, behaviour: &wire::BehaviourFile) -> Behaviour {
        let path = |field: &str| format!("behaviour.{field}");
        Behaviour {
            awareness_half_life_days: self.param(
                &path("awareness_half_life_days"),
                &behaviour.awareness_half_life_days,
                Some(1.0),
                Some(3650.0),
            ),
            awareness_gate_m0: self.param(
                &path("awareness_gate_m0"),
                &behaviour.awareness_gate_m0,
                Some(0.0),
                Some(1.0),
            ),
            risk_cut_aware: self.param(&path("risk_cut_aware"), &behaviour.risk_cut_aware, Some(0.0), Some(1.0)),
            reporting_uplift: self.param(&path("reporting_uplift"), &behaviour.reporting_uplift, Some(0.0), Some(10.0)),
            alerts_per_case: self.param(&path("alerts_per_case"), &behaviour.alerts_per_case, Some(1.0), Some(100.0)),
            case_trend: self.param(&path("case_trend"), &behaviour.case_trend, Some(0.0), Some(10.0)),
            effort_max: self.param(&path("effort_max"), &behaviour.effort_max, Some(0.0), Some(100.0)),
            effort_half_yuan: self.param(
                &path("effort_half_yuan"),
                &behaviour.effort_half_yuan,
                Some(0.001),
                Some(1000.0),
            ),
            gaming_max: self.param(&path("gaming_max"), &behaviour.gaming_max, Some(0.0), Some(10.0)),
            gaming_half_yuan: self.param(
                &path("gaming_half_yuan"),
                &behaviour.gaming_half_yuan,
                Some(0.001),
                Some(1000.0),
            ),
            verification_share: self.param(
                &path("verification_share"),
                &behaviour.verification_share,
                Some(0.0),
                Some(1.0),
            ),
            staff_hours_per_worker_day: self.param(
                &path("staff_hours_per_worker_day"),
                &behaviour.staff_hours_per_worker_day,
                Some(0.0),
                Some(24.0),
            ),
        }
    }
}

/// Relative cases per month (January..December) used to spread an annual total: the Spring Festival window
/// (late January to late February) is the named high-risk peak (seed 003 plan 3). An assumption.
pub const DEFAULT_SEASONAL_PROFILE: [f64; 12] = [1.2, 1.3, 1.0, 0.9, 0.9, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05];

/// Seed 004's 100-point scheme: system building 40 (here: the share of all targets met), year-on-year
/// cases 50 (flat 45, -1 per point of rise, 0 at +20 %, 50 at a 20 % decline), card-cutting 10 (manual, 5 assumed).
pub fn default_assessment(n_targets: usize) -> Vec<AssessmentRule> {
    let all_targets: Vec<usize> = (0..n_targets).collect();
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
