//! The field table: every number and text of the scenario file with its path, kind, unit, range and default.
