//! The Wuzha web app (placeholder).
