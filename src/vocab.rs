//! The vocabulary of the model: the small enums that a scenario file names (channel kinds, target metrics,
//! denominators, how schedule units are counted and who gets them). A leaf: the file format
//! ([`crate::format::wire`]) and the model both use them, so the engine never needs the wire types and the
//! format never needs the model.

use serde::{Deserialize, Serialize};

/// How a channel works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Mass publicity (banners, vans, loudspeakers, SMS, lectures, letters): effects through adstock and saturation.
    Broadcast,
    /// Door-to-door and on-site installs (入户走访, 手把手安装): bounded by staff hours and households.
    DoorToDoor,
}

/// The period over which a schedule entry's `units` are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Units over the whole phase, spread evenly over its days.
    Phase,
    /// Units every day of the phase.
    Day,
    /// Units every week of the phase (spread evenly over its days).
    Week,
    /// Units every calendar month of the phase (spread evenly over the month's days).
    Month,
}

/// Who gets a schedule entry's `units`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Each village gets `units` (e.g. 2 banners per village).
    PerVillage,
    /// Each village gets `units` times its grid workers (e.g. visit days per grid worker).
    PerGridWorker,
    /// `units` for the whole township, split among villages by residents.
    TownshipTotal,
}

/// What a target measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Share with a product (install/registration/follow rate); needs `product`.
    Adoption,
    /// Share contacted at least once (宣传覆盖).
    Reach,
    /// Share currently aware of the warnings.
    Awareness,
    /// Year-on-year change of reported cases from the start to the deadline; met when ≤ threshold.
    YoyCases,
    /// Year-on-year change of loss from the start to the deadline; met when ≤ threshold.
    YoyLoss,
}

impl Metric {
    /// True for metrics whose threshold is a share of a population in [0, 1] (adoption, reach, awareness);
    /// false for the year-on-year changes of cases and loss, whose threshold is a change (-0.1 = 10 % fewer).
    pub fn is_share(self) -> bool {
        !matches!(self, Metric::YoyCases | Metric::YoyLoss)
    }
}

/// The population a share is taken of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// All residents in scope.
    Residents,
    /// Residents in scope holding a smartphone.
    SmartphoneHolders,
}

#[cfg(test)]
mod tests {
    use super::Metric;

    #[test]
    fn shares_are_the_population_metrics() {
        assert!(Metric::Adoption.is_share());
        assert!(Metric::Reach.is_share());
        assert!(Metric::Awareness.is_share());
        assert!(!Metric::YoyCases.is_share());
        assert!(!Metric::YoyLoss.is_share());
    }
}
