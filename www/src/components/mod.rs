//! The app's function components, each named after what it shows, and two small shared helpers.

pub mod app;
pub mod chart_canvas;
pub mod chart_set;
pub mod compare_panel;
pub mod controls_panel;
pub mod editor;
pub mod error_list;
pub mod file_menu;
pub mod hooks;
pub mod import_plan;
pub mod kpi_cards;
pub mod optimise_panel;
pub mod scenario_header;
pub mod timeline;
pub mod uncertainty_panel;
pub mod view_tabs;
pub mod village_table;

pub use app::App;

use std::cell::Cell;
use std::ops::Deref;
use std::rc::Rc;
use yew::NodeRef;

/// An `Rc` compared by pointer, so that props holding large results compare in constant time.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Measures one update: from the user's edit (or the app's start) to the last chart redrawn.
///
/// The start is set before each action is dispatched; every chart that draws a new result writes the time
/// elapsed since then, in milliseconds, to the root element's `data-last-update-ms` attribute. The charts
/// draw one after another in the same frame, so the value left is the time until the last one finished.
#[derive(Clone, Debug, Default)]
pub struct UpdateClock {
    inner: Rc<ClockInner>,
}

#[derive(Debug, Default)]
struct ClockInner {
    /// `performance.now()` when the update began, in milliseconds.
    start_ms: Cell<f64>,
    /// The root element that carries the attribute.
    root: NodeRef,
}

impl PartialEq for UpdateClock {
    fn eq(&self, other: &UpdateClock) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl UpdateClock {
    /// A clock started now, writing to `root`.
    pub fn new(root: NodeRef) -> UpdateClock {
        let clock = UpdateClock { inner: Rc::new(ClockInner { start_ms: Cell::new(0.0), root }) };
        clock.start();
        clock
    }

    /// The root element's reference (to attach in `html!`).
    pub fn root(&self) -> NodeRef {
        self.inner.root.clone()
    }

    /// Marks the start of an update.
    pub fn start(&self) {
        self.inner.start_ms.set(now_ms());
    }

    /// Writes the time since the start to the root's `data-last-update-ms`.
    pub fn record(&self) {
        let elapsed = (now_ms() - self.inner.start_ms.get()).max(0.0);
        if let Some(root) = self.inner.root.cast::<web_sys::Element>() {
            // Failing to set an attribute only loses a benchmark figure; there is nothing to tell the user.
            let _ = root.set_attribute("data-last-update-ms", &format!("{elapsed:.2}"));
        }
    }
}

/// `performance.now()` in milliseconds, or 0 outside a browser.
pub fn now_ms() -> f64 {
    if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
    } else {
        0.0
    }
}
