//! Validation of `channels[]`: costs, reach, affinity, lifts, carry-over, saturation and staff hours.

use super::*;

impl Checker {
    /// Checks `channels[]` and returns the validated entries.
    pub(super) fn channels(&mut self, file: &ScenarioFile, segment_ids: &Ids, product_ids: &Ids) -> Vec<Channel> {
        file.channels
            .iter()
            .enumerate()
            .map(|(idx, channel)| {
                let path = format!("channels[{idx}]");
                let affinity =
                    self.by_index(&format!("{path}.affinity"), &channel.affinity, segment_ids, 1.0, |check, p, v| {
                        check.number_field(p, *v, "channels[].affinity.*")
                    });
                if !affinity.is_empty() && affinity.iter().all(|weight| *weight == 0.0) {
                    self.error(format!("{path}.affinity"), ErrorKind::NotAbove { found: 0.0, min: 0.0 });
                }
                let audience = self.audience(&path, channel, segment_ids);
                let door_to_door = channel.kind == wire::ChannelKind::DoorToDoor;
                let visits_per_hour = match (&channel.visits_per_hour, door_to_door) {
                    (Some(param), true) => {
                        self.param_field(&format!("{path}.visits_per_hour"), param, "channels[].visits_per_hour")
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
                    cost_per_unit_yuan: self.number_field(
                        &format!("{path}.cost_per_unit_yuan"),
                        channel.cost_per_unit_yuan,
                        "channels[].cost_per_unit_yuan",
                    ),
                    fixed_cost_yuan: self.number_field(
                        &format!("{path}.fixed_cost_yuan"),
                        channel.fixed_cost_yuan,
                        "channels[].fixed_cost_yuan",
                    ),
                    reach_per_unit: self.number_field(
                        &format!("{path}.reach_per_unit"),
                        channel.reach_per_unit,
                        "channels[].reach_per_unit",
                    ),
                    affinity,
                    audience,
                    awareness_lift: self.param_field(
                        &format!("{path}.awareness_lift"),
                        &channel.awareness_lift,
                        "channels[].awareness_lift",
                    ),
                    adoption_lift: self.by_index(
                        &format!("{path}.adoption_lift"),
                        &channel.adoption_lift,
                        product_ids,
                        Uncertain::point(0.0),
                        |check, p, v| check.param_field(p, v, "channels[].adoption_lift.*"),
                    ),
                    carry_over_per_week: self.param_field(
                        &format!("{path}.carry_over_per_week"),
                        &channel.carry_over_per_week,
                        "channels[].carry_over_per_week",
                    ),
                    hill_alpha: self.param_field(
                        &format!("{path}.hill_alpha"),
                        &channel.hill_alpha,
                        "channels[].hill_alpha",
                    ),
                    hill_gamma: self.param_field(
                        &format!("{path}.hill_gamma"),
                        &channel.hill_gamma,
                        "channels[].hill_gamma",
                    ),
                    staff_hours_per_unit: self.number_field(
                        &format!("{path}.staff_hours_per_unit"),
                        channel.staff_hours_per_unit,
                        "channels[].staff_hours_per_unit",
                    ),
                    visits_per_hour,
                    install_conversion: self.by_index(
                        &format!("{path}.install_conversion"),
                        &channel.install_conversion,
                        product_ids,
                        Uncertain::point(0.0),
                        |check, p, v| check.param_field(p, v, "channels[].install_conversion.*"),
                    ),
                }
            })
            .collect()
    }

    /// A channel's potential audience per segment: the file's, in (0, 1], else the catalog default.
    fn audience(&mut self, path: &str, channel: &wire::ChannelFile, segment_ids: &Ids) -> Vec<f64> {
        let default = crate::model::audience::default_audience(channel.kind, &channel.id, &channel.name);
        self.by_index(&format!("{path}.audience"), &channel.audience, segment_ids, default, |check, p, v| {
            if *v <= 0.0 {
                check.error(p, ErrorKind::OutOfRange { found: *v, min: Some(0.0), max: Some(1.0) });
                return default;
            }
            check.number_field(p, *v, "channels[].audience.*")
        })
    }
}
