//! The shape of a run's flat arrays and the one place their indices are worked out.
//!
//! State lives per (village, segment) cell in flat `Vec<f64>`s: a cell is `village_idx * n_segments +
//! segment_idx`; per-product state is product-major (`product_idx * n_cells + cell`), per-channel adstock
//! channel-major (`channel_idx * n_cells + cell`; also each channel's reached share), audiences
//! `channel_idx * n_segments + segment_idx`, and per channel and village quantities (planned units,
//! visits) are `channel_idx * n_villages + village_idx`. Every index in the engine comes from a method here.

use crate::date::Date;
use crate::model::{Basis, Denominator, Per, Scenario};
use std::ops::Range;

/// Static per-scenario quantities the daily loop reads, and the index helpers of the flat arrays.
pub(crate) struct Layout {
    /// Villages in the scenario.
    pub n_villages: usize,
    /// Segments in the scenario.
    pub n_segments: usize,
    /// Products in the scenario.
    pub n_products: usize,
    /// Channels in the scenario.
    pub n_channels: usize,
    /// Cells: villages × segments.
    pub n_cells: usize,
    /// Residents per cell.
    pub cell_residents: Vec<f64>,
    /// Smartphone share per cell (= its segment's).
    pub cell_smartphone: Vec<f64>,
    /// Σ_g affinity_g · N[v,g] per [`Layout::channel_village`] slot.
    pub affinity_denominator: Vec<f64>,
    /// Potential audience A[c,g] per [`Layout::channel_segment`] slot.
    pub channel_audience: Vec<f64>,
}

impl Layout {
    /// The layout of `scenario`'s cells, with residents, smartphone shares and affinity denominators.
    pub fn new(scenario: &Scenario) -> Layout {
        let n_villages = scenario.villages.len();
        let n_segments = scenario.segments.len();
        let n_cells = n_villages * n_segments;
        let n_channels = scenario.channels.len();
        let mut layout = Layout {
            n_villages,
            n_segments,
            n_products: scenario.products.len(),
            n_channels,
            n_cells,
            cell_residents: vec![0.0; n_cells],
            cell_smartphone: vec![0.0; n_cells],
            affinity_denominator: vec![0.0; n_channels * n_villages],
            channel_audience: scenario.channels.iter().flat_map(|channel| channel.audience.iter().copied()).collect(),
        };
        for (village_idx, village) in scenario.villages.iter().enumerate() {
            for (segment_idx, segment) in scenario.segments.iter().enumerate() {
                let cell = layout.cell(village_idx, segment_idx);
                layout.cell_residents[cell] = village.residents * segment.share;
                layout.cell_smartphone[cell] = segment.smartphone_share;
            }
        }
        for (channel_idx, channel) in scenario.channels.iter().enumerate() {
            for village_idx in 0..n_villages {
                let denominator = (0..n_segments)
                    .map(|segment_idx| {
                        channel.affinity[segment_idx] * layout.cell_residents[layout.cell(village_idx, segment_idx)]
                    })
                    .fold(0.0, |total, value| total + value);
                let slot = layout.channel_village(channel_idx, village_idx);
                layout.affinity_denominator[slot] = denominator;
            }
        }
        layout
    }

    /// The cell of village `village_idx` and segment `segment_idx`.
    pub fn cell(&self, village_idx: usize, segment_idx: usize) -> usize {
        village_idx * self.n_segments + segment_idx
    }

    /// The segment of `cell`.
    pub fn segment_of(&self, cell: usize) -> usize {
        cell % self.n_segments
    }

    /// The slot of product `product_idx` in `cell` in product-major state (`adopted`).
    pub fn cell_product(&self, product_idx: usize, cell: usize) -> usize {
        product_idx * self.n_cells + cell
    }

    /// The cells of product `product_idx` in product-major state.
    pub fn product_cells(&self, product_idx: usize) -> Range<usize> {
        product_idx * self.n_cells..(product_idx + 1) * self.n_cells
    }

    /// The slot of channel `channel_idx` in `cell` in channel-major state (adstock).
    pub fn channel_cell(&self, channel_idx: usize, cell: usize) -> usize {
        channel_idx * self.n_cells + cell
    }

    /// The slot of channel `channel_idx` and segment `segment_idx` (audiences).
    pub fn channel_segment(&self, channel_idx: usize, segment_idx: usize) -> usize {
        channel_idx * self.n_segments + segment_idx
    }

    /// The slot of channel `channel_idx` in village `village_idx` (planned units, visits, denominators).
    pub fn channel_village(&self, channel_idx: usize, village_idx: usize) -> usize {
        channel_idx * self.n_villages + village_idx
    }

    /// The slots of channel `channel_idx` in every village.
    pub fn channel_villages(&self, channel_idx: usize) -> Range<usize> {
        channel_idx * self.n_villages..(channel_idx + 1) * self.n_villages
    }

    /// The cells of village `village_idx` (all its segments).
    pub fn village_cells(&self, village_idx: usize) -> Range<usize> {
        village_idx * self.n_segments..(village_idx + 1) * self.n_segments
    }

    /// The cells in scope: one village or all, one segment or all (village-major, as the state is laid out).
    pub fn cells_in_scope(&self, village: Option<usize>, segment: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        entry_villages(village, self.n_villages).flat_map(move |village_idx| {
            entry_villages(segment, self.n_segments).map(move |segment_idx| self.cell(village_idx, segment_idx))
        })
    }
}

/// Units of a schedule entry on `date` for one unit of `units`, before the basis multiplier.
pub(crate) fn units_per_day(per: Per, phase_days: usize, date: Date) -> f64 {
    match per {
        Per::Phase => 1.0 / phase_days as f64,
        Per::Day => 1.0,
        Per::Week => 1.0 / 7.0,
        Per::Month => 1.0 / f64::from(date.days_in_month()),
    }
}

/// The multiplier of an entry's units for one village.
pub(crate) fn basis_multiplier(
    scenario: &Scenario,
    basis: Basis,
    restricted: bool,
    village_idx: usize,
    total_residents: f64,
) -> f64 {
    let village = &scenario.villages[village_idx];
    match basis {
        Basis::PerVillage => 1.0,
        Basis::PerGridWorker => village.grid_workers,
        Basis::TownshipTotal if restricted => 1.0,
        Basis::TownshipTotal => village.residents / total_residents,
    }
}

/// The indices `restricted` names (one), or all `0..n`.
pub(crate) fn entry_villages(restricted: Option<usize>, n: usize) -> Range<usize> {
    match restricted {
        Some(idx) => idx..idx + 1,
        None => 0..n,
    }
}

/// Share of the residents (or smartphone holders) of the cells in scope that `state` holds.
pub(crate) fn share_in_scope(
    layout: &Layout,
    state: &[f64],
    village: Option<usize>,
    segment: Option<usize>,
    denominator: Denominator,
) -> f64 {
    let weight_of = |cell: usize| -> f64 {
        let residents = layout.cell_residents[cell];
        match denominator {
            Denominator::Residents => residents,
            Denominator::SmartphoneHolders => residents * layout.cell_smartphone[cell],
        }
    };
    let denominator_sum: f64 =
        layout.cells_in_scope(village, segment).map(weight_of).fold(0.0, |total, value| total + value);
    if denominator_sum <= 0.0 {
        return 0.0;
    }
    // Weights first, so a scope of one cell reports that cell's share exactly.
    layout
        .cells_in_scope(village, segment)
        .map(|cell| layout.cell_residents[cell] / denominator_sum * state[cell])
        .fold(0.0, |total, value| total + value)
}
