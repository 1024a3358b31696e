//! The file format: what a scenario file looks like on disk and in a share link, and how it is read.
//!
//! [`wire`] holds the serde types (untrusted; a leaf except for the model's vocabulary enums), [`json`] reads
//! and writes them as JSON text, [`import`] adds the size limit, strict JSON, migration ([`migrate`]) and the
//! warnings about unknown fields, [`link`] packs a file into a URL fragment and [`fingerprint`] names a
//! file's content in 8 hex digits; [`rewards`] holds the file-level editing rules (the primary product,
//! one reward per install).
//!
//! **Architecture invariant:** the file format never depends on the engine; it knows the model only
//! through [`crate::vocab`] (and validation, in [`crate::model::validate`], is where a file becomes a
//! trusted [`crate::model::Scenario`]).

pub mod fingerprint;
pub mod import;
pub mod json;
pub mod link;
pub mod migrate;
pub mod rewards;
pub mod wire;
