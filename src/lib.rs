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
//!
//! The parts, one folder each (dependencies point one way: the leaves date, error and vocab ← format ← model ←
//! engine ← uncertainty ← planner; the engine never imports the file format):
//! - [`vocab`]: the small enums a file names (channel kinds, metrics, denominators), shared by format and model;
//! - [`format`]: the scenario file (wire types, JSON, import and migration, share links, fingerprint);
//! - [`model`]: the validated [`Scenario`], its vocabulary, the field table and validation by section;
//! - [`engine`]: [`simulate`], the daily step, the [`Outcome`] and the assessment;
//! - [`uncertainty`]: Monte Carlo (RNG streams, samplers, runs, summaries);
//! - [`planner`]: the optimiser, frontier and tornado;
//! - [`export`]: CSV of an outcome;
//! - [`office`]: reading a 实施方案 back into a scenario draft; with the feature `office-writers` (on by default)
//!   also the Excel workbook and the 实施方案 draft (.docx).

pub mod date;
pub mod engine;
pub mod error;
pub mod export;
pub mod format;
pub mod model;
pub mod office;
pub mod planner;
pub mod uncertainty;
pub mod vocab;

pub use date::Date;
pub use engine::simulate::simulate;
pub use engine::Outcome;
pub use error::{EncodingGuess, ErrorKind, FieldError, FieldWarning, Lang, WarningKind};
pub use format::import::{import, Imported, MAX_FILE_BYTES};
pub use format::wire::{ScenarioFile, FORMAT_VERSION};
pub use model::validate::{parse_scenario, validate};
pub use model::Scenario;
