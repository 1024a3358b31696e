//! Office documents: reading a 实施方案 (plan document) back into a scenario ([`read_plan`]), the Excel workbook
//! of a plan and its results ([`workbook`]), and the 实施方案 draft as a .docx ([`plan_document`]).
//!
//! Bytes in, bytes out: nothing here does I/O, and the documents carry fixed creation times (the scenario's start
//! date), so the same plan gives the same bytes; the CLI writes them to a file and the app offers them as a
//! download. The reader needs no crate beyond the core's; the two writers (rust_xlsxwriter, docx-rs) come with the
//! feature `office-writers` (on by default; the web app leaves it off until it offers the downloads, so its
//! WebAssembly does not carry them).

pub mod docx_read;
pub mod plan_text;

pub use docx_read::{docx_text, DocxError};
pub use plan_text::{read_plan, split_plans, Escalation, EscalationAction, FieldSource, PlanDraft, ReviewItem};

#[cfg(feature = "office-writers")]
pub mod docx;
#[cfg(feature = "office-writers")]
pub mod xlsx;

#[cfg(feature = "office-writers")]
pub use docx::plan_document;
#[cfg(feature = "office-writers")]
pub use xlsx::workbook;
