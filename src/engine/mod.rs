//! The engine: the deterministic daily model of MODEL.md and the outcome it reports.
//!
//! [`simulate`] runs a validated [`crate::model::Scenario`] with every parameter at its most likely value,
//! [`simulate_with`] with given [`Params`], and [`simulate_with_noise`] with process noise from any
//! [`Noise`]. The outcome types are in [`outcome`].
//!
//! **Architecture invariant:** the engine imports neither the file format (`format/`) nor Monte Carlo
//! (`uncertainty/`), nor the planner or exports; randomness comes in only through the [`Noise`] trait
//! defined here, and the model's vocabulary from `model::vocab`.

mod assemble;
pub mod assess;
mod cases;
mod layout;
pub mod noise;
pub mod outcome;
pub mod params;
pub mod simulate;
pub mod step;
mod trajectory;

pub use noise::Noise;
pub use outcome::Outcome;
pub use simulate::{simulate, simulate_with, simulate_with_noise, Params};
