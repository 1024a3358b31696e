//! Wuzha (无诈推演): the pure core of a planner and simulator for township anti-telecom-fraud campaigns.
//!
//! The core reads a scenario (the JSON file planners exchange), validates it once, and simulates the
//! campaign day by day as `MODEL.md` specifies: reach, awareness, adoption of the anti-fraud products,
//! door-to-door installs, rewards, costs, cases and loss against last year, targets and the assessment score.
//!
//! It has no web dependency, does no I/O, reads no clock and uses no global random generator, so once a
//! scenario is validated, simulation cannot fail. The entry points:
//!
//! ```
//! let text = include_str!("../scenarios/template.json");
//! let (_file, scenario) = wuzha::parse_scenario(text).expect("the template is valid");
//! let outcome = wuzha::simulate(&scenario);
//! assert_eq!(outcome.dates.len(), scenario.n_days());
//! ```

pub mod date;
pub mod error;
pub mod export;
pub mod import;
pub mod link;
pub mod migrate;
pub mod model;
pub mod montecarlo;
pub mod office;
pub mod optimise;
pub mod outcome;
pub mod rng;
pub mod simulate;
pub mod validate;
pub mod wire;

pub use date::Date;
pub use error::{ErrorKind, FieldError, FieldWarning, Lang, WarningKind};
pub use import::{import, Imported, MAX_FILE_BYTES};
pub use model::Scenario;
pub use outcome::Outcome;
pub use simulate::simulate;
pub use validate::{parse_scenario, validate};
pub use wire::{ScenarioFile, FORMAT_VERSION};
