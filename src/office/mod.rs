//! Office documents: reading a 实施方案 (plan document) back into a scenario ([`read_plan`]), the Excel workbook
//! of a plan and its results ([`workbook`]), and the 实施方案 draft as a .docx ([`plan_document`]).
//!
//! Bytes in, bytes out: nothing here does I/O or reads a clock (the documents carry fixed creation times), so the
//! CLI writes the bytes to a file and the app offers them as a download.

pub mod docx_read;
pub mod plan_text;

pub use docx_read::{docx_text, DocxError};
pub use plan_text::{read_plan, split_plans, Escalation, EscalationAction, FieldSource, PlanDraft, ReviewItem};
pub mod xlsx;

pub use xlsx::workbook;
pub mod docx;

pub use docx::plan_document;
