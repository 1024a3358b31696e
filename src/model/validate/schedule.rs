//! Validation of `phases[]`, `schedule[]`, `floors[]`, `rewards[]` and `budget`: when, where and how much.

use super::*;

impl Checker {
    /// Checks `phases[]` and returns the validated entries.
    pub(super) fn phases(
        &mut self,
        file: &ScenarioFile,
        phase_ids: &Ids,
        period: Option<(Date, Date)>,
    ) -> Option<Vec<Phase>> {
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
        if !self.no_nesting_cycle(&phases) {
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

    /// Refuses phases whose parents lead round in a cycle (`a` inside `b` inside `a`), one error per cycle at
    /// the `parent` of its first phase in file order; true when there is none. (A phase that is its own parent
    /// is reported where the parent is resolved.)
    fn no_nesting_cycle(&mut self, phases: &[Phase]) -> bool {
        let mut in_reported_cycle = vec![false; phases.len()];
        let mut acyclic = true;
        for start in 0..phases.len() {
            let mut chain = vec![start];
            let mut at = start;
            // A path longer than the list must repeat a phase.
            while let Some(parent) = phases[at].parent.filter(|_| chain.len() <= phases.len()) {
                if parent == start && parent != at && !in_reported_cycle[start] {
                    chain.push(start);
                    for &idx in &chain {
                        in_reported_cycle[idx] = true;
                    }
                    let ids: Vec<&str> = chain.iter().map(|&idx| phases[idx].id.as_str()).collect();
                    self.error(format!("phases[{start}].parent"), ErrorKind::NestingCycle { chain: ids.join(" → ") });
                    acyclic = false;
                    break;
                }
                if chain.contains(&parent) {
                    // A cycle that does not pass through `start`: reported from its own first phase.
                    break;
                }
                chain.push(parent);
                at = parent;
            }
        }
        acyclic
    }

    /// Checks `schedule[]` and returns the validated entries.
    pub(super) fn schedule(
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
                let units = self.number_field(&format!("{path}.units"), entry.units, "schedule[].units");
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

    /// Checks `floors[]` and returns the validated entries.
    pub(super) fn floors(&mut self, file: &ScenarioFile, channel_ids: &Ids, phase_ids: &Ids) -> Vec<Floor> {
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
                let min_units_per_village = self.number_field(
                    &format!("{path}.min_units_per_village"),
                    floor.min_units_per_village,
                    "floors[].min_units_per_village",
                );
                Some(Floor { channel: channel?, phase, min_units_per_village })
            })
            .collect()
    }

    /// Checks `rewards[]` and returns the validated entries.
    pub(super) fn rewards(&mut self, file: &ScenarioFile, phase_ids: &Ids, product_ids: &Ids) -> Vec<Reward> {
        file.rewards
            .iter()
            .enumerate()
            .filter_map(|(idx, reward)| {
                let path = format!("rewards[{idx}]");
                let phase = phase_ids.resolve(self, &format!("{path}.phase"), &reward.phase);
                let product = product_ids.resolve(self, &format!("{path}.product"), &reward.product);
                let yuan_per_install = self.number_field(
                    &format!("{path}.yuan_per_install"),
                    reward.yuan_per_install,
                    "rewards[].yuan_per_install",
                );
                Some(Reward { phase: phase?, product: product?, yuan_per_install })
            })
            .collect()
    }

    /// Checks `budget` and returns the validated entries.
    pub(super) fn budget(&mut self, file: &ScenarioFile, phase_ids: &Ids) -> Budget {
        let total_yuan =
            file.budget.total_yuan.map(|total| self.number_field("budget.total_yuan", total, "budget.total_yuan"));
        let per_phase_yuan =
            self.by_index("budget.per_phase_yuan", &file.budget.per_phase_yuan, phase_ids, None, |check, p, v| {
                Some(check.number_field(p, *v, "budget.per_phase_yuan.*"))
            });
        Budget { total_yuan, per_phase_yuan }
    }
}
