//! Bounded memory for a Monte Carlo batch: each figure's samples are kept exactly for the first
//! [`EXACT_RUNS`] runs, then folded into a fixed histogram sketch of [`SKETCH_BINS`] bins whose range adapts
//! to the runs, so 100 000 runs hold what 1 000 hold.
//!
//! **Sketch.** A figure's sketch is a range `[low, low + width]` cut into [`SKETCH_BINS`] equal bins with a
//! run count each, plus the exact smallest and largest value. It starts as the spread of the first
//! [`EXACT_RUNS`] runs; a later run outside the range doubles it towards that run (merging bins in pairs)
//! until the run fits, so no count is ever lost or moved to a wrong bin. A quantile is found by rank exactly
//! (the nearest-rank index of [`super::quantile_index`]), then placed inside its bin by linear interpolation
//! and kept within [min, max]. So the reported quantile lies in the same bin as the exact one:
//! **the error is at most one bin width, `width / 256`**. As the range is the first runs' spread, doubled
//! only when a run falls outside, the width stays within a few times the spread (max - min) of all runs
//! (in the tests, within 4×; typically the first 256 runs cover almost all of it, and the error is below
//! 0.4 % of the spread). P10 ≤ P50 ≤ P90 always. Means are exact running sums in run order; counts of targets
//! met are exact; the first-met dates are exact (a count per day).
//!
//! **Exact below.** With at most [`EXACT_RUNS`] runs every quantile is the exact nearest-rank order
//! statistic, as before the sketch existed, so small batches (the goldens' 32, the fingerprint's 16) are
//! unchanged.
//!
//! **Memory.** Per daily or monthly slot (one series, one day): up to `4 × 256` bytes of exact `f32` samples,
//! then `4 × 256` bytes of counts and 32 bytes of range; 8 bytes of sum throughout. Per headline figure
//! `8 × 256` bytes, then `4 × 256 + 32`. Nothing grows beyond [`EXACT_RUNS`] runs.

use super::summary::{quantile_index, Bands, Histogram, Stats};
use super::HISTOGRAM_BINS;

/// Runs whose samples every figure keeps exactly; with more runs, quantiles come from the sketch.
pub const EXACT_RUNS: usize = 256;

/// Bins of each figure's sketch (a power of two, so bins merge in pairs when the range doubles).
pub const SKETCH_BINS: usize = 256;

/// A sketch's range and the exact extremes of the values it counted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BinRange {
    low: f64,
    width: f64,
    min: f64,
    max: f64,
}

impl BinRange {
    /// The range spanning `values` (their finite min and max), with counts of them added to `counts`.
    fn of(values: impl Iterator<Item = f64> + Clone, counts: &mut [u32]) -> BinRange {
        let (min, max) = values
            .clone()
            .filter(|value| value.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(min, max), value| (min.min(value), max.max(value)));
        let (min, max) = if min <= max { (min, max) } else { (0.0, 0.0) };
        let mut range = BinRange { low: min, width: max - min, min, max };
        for value in values {
            range.add(counts, value);
        }
        range
    }

    /// The bin of `value` (values outside the range, NaN included, go to the end bins).
    fn bin(&self, value: f64) -> usize {
        let has_width = self.width > 0.0;
        if !has_width {
            return 0;
        }
        let position = (value - self.low) / self.width * SKETCH_BINS as f64;
        // `as` saturates: below the range (and NaN) gives bin 0.
        (libm::floor(position) as usize).min(SKETCH_BINS - 1)
    }

    /// Counts `value`, first widening the range until it holds the value (finite values only).
    fn add(&mut self, counts: &mut [u32], value: f64) {
        if value.is_finite() {
            self.cover(counts, value);
            self.min = self.min.min(value);
            self.max = self.max.max(value);
        }
        let bin_idx = self.bin(value);
        counts[bin_idx] = counts[bin_idx].saturating_add(1);
    }

    /// Widens the range to hold the finite `value`: from a single point to the two values, else by doubling
    /// towards the value with bins merged in pairs (each old bin lies inside one new bin).
    fn cover(&mut self, counts: &mut [u32], value: f64) {
        let half = SKETCH_BINS / 2;
        if self.width == 0.0 {
            // Every count so far is at `low`, in bin 0.
            if value > self.low {
                self.width = value - self.low;
            } else if value < self.low {
                self.width = self.low - value;
                self.low = value;
                counts[SKETCH_BINS - 1] = counts[0];
                counts[0] = 0;
            }
            return;
        }
        while value > self.low + self.width && self.width.is_finite() {
            for bin_idx in 0..half {
                counts[bin_idx] = counts[2 * bin_idx] + counts[2 * bin_idx + 1];
            }
            counts[half..].fill(0);
            self.width *= 2.0;
        }
        while value < self.low && self.width.is_finite() {
            for bin_idx in (0..half).rev() {
                counts[half + bin_idx] = counts[2 * bin_idx] + counts[2 * bin_idx + 1];
            }
            counts[..half].fill(0);
            self.low -= self.width;
            self.width *= 2.0;
        }
    }

    /// Quantile `percent` of the `n` values counted in `counts` (nearest rank, interpolated in its bin).
    fn quantile(&self, counts: &[u32], n: usize, percent: usize) -> f64 {
        let rank = quantile_index(percent, n);
        let bin_width = self.width / SKETCH_BINS as f64;
        let mut before = 0;
        for (bin_idx, count) in counts.iter().enumerate() {
            let count = *count as usize;
            if rank < before + count {
                let within = ((rank - before) as f64 + 0.5) / count as f64;
                let value = self.low + (bin_idx as f64 + within) * bin_width;
                return value.max(self.min).min(self.max);
            }
            before += count;
        }
        self.max
    }

    /// The midpoint of bin `bin_idx`, kept within [min, max].
    fn midpoint(&self, bin_idx: usize) -> f64 {
        let value = self.low + (bin_idx as f64 + 0.5) * self.width / SKETCH_BINS as f64;
        value.max(self.min).min(self.max)
    }
}

/// One series' samples, one slot per day or month: exact `f32` values `exact[run_idx * width + slot]` for the
/// first [`EXACT_RUNS`] runs, then a sketch per slot; exact `f64` running sums throughout. Values are
/// rounded to `f32` before they are kept or counted, as the bands always were.
pub(crate) struct SeriesSamples {
    width: usize,
    n_runs: usize,
    exact: Vec<f32>,
    ranges: Vec<BinRange>,
    counts: Vec<u32>,
    sums: Vec<f64>,
}

impl SeriesSamples {
    /// Samples of a series of `width` slots; `n_runs_hint` sizes the exact buffer (at most [`EXACT_RUNS`]).
    pub(crate) fn new(width: usize, n_runs_hint: usize) -> SeriesSamples {
        SeriesSamples {
            width,
            n_runs: 0,
            exact: Vec::with_capacity(width * n_runs_hint.min(EXACT_RUNS)),
            ranges: Vec::new(),
            counts: Vec::new(),
            sums: vec![0.0; width],
        }
    }

    /// Adds one run's series (a shorter one is padded with zeros, so every run has `width` slots).
    pub(crate) fn push(&mut self, series: &[f64]) {
        if self.n_runs == EXACT_RUNS {
            self.start_sketch();
        }
        for slot in 0..self.width {
            let value = series.get(slot).copied().unwrap_or(0.0);
            let rounded = value as f32;
            if self.ranges.is_empty() {
                self.exact.push(rounded);
            } else {
                let counts = &mut self.counts[slot * SKETCH_BINS..(slot + 1) * SKETCH_BINS];
                self.ranges[slot].add(counts, f64::from(rounded));
            }
            if slot < series.len() {
                self.sums[slot] += value;
            }
        }
        self.n_runs += 1;
    }

    /// Folds the exact samples into one sketch per slot and frees them.
    fn start_sketch(&mut self) {
        let (width, n_runs) = (self.width, self.n_runs);
        self.counts = vec![0; width * SKETCH_BINS];
        let exact = std::mem::take(&mut self.exact);
        self.ranges = (0..width)
            .map(|slot| {
                let column = (0..n_runs).map(|run_idx| f64::from(exact[run_idx * width + slot]));
                BinRange::of(column, &mut self.counts[slot * SKETCH_BINS..(slot + 1) * SKETCH_BINS])
            })
            .collect();
    }

    /// Bytes held (lengths, not capacities).
    pub(crate) fn bytes(&self) -> usize {
        self.exact.len() * std::mem::size_of::<f32>()
            + self.ranges.len() * std::mem::size_of::<BinRange>()
            + self.counts.len() * std::mem::size_of::<u32>()
            + self.sums.len() * std::mem::size_of::<f64>()
    }

    /// P10, P50, P90 and mean per slot of the runs added.
    pub(crate) fn bands(&self) -> Bands {
        let n_runs = self.n_runs.max(1);
        let mut bands = Bands {
            p10: Vec::with_capacity(self.width),
            p50: Vec::with_capacity(self.width),
            p90: Vec::with_capacity(self.width),
            mean: Vec::with_capacity(self.width),
        };
        let mut column = Vec::with_capacity(if self.ranges.is_empty() { self.n_runs } else { 0 });
        for slot in 0..self.width {
            if self.ranges.is_empty() {
                column.clear();
                column.extend((0..self.n_runs).map(|run_idx| self.exact[run_idx * self.width + slot]));
                column.sort_unstable_by(f32::total_cmp);
                let at = |percent| column.get(quantile_index(percent, self.n_runs)).map_or(0.0, |v| f64::from(*v));
                bands.p10.push(at(10));
                bands.p50.push(at(50));
                bands.p90.push(at(90));
            } else {
                let counts = &self.counts[slot * SKETCH_BINS..(slot + 1) * SKETCH_BINS];
                let range = &self.ranges[slot];
                for (values, percent) in [(&mut bands.p10, 10), (&mut bands.p50, 50), (&mut bands.p90, 90)] {
                    values.push(range.quantile(counts, self.n_runs, percent));
                }
            }
            bands.mean.push(self.sums[slot] / n_runs as f64);
        }
        bands
    }
}

/// One headline figure's samples over runs: exact for the first [`EXACT_RUNS`], then a sketch; the sum in
/// run order throughout.
pub(crate) struct ScalarSamples {
    n: usize,
    sum: f64,
    exact: Vec<f64>,
    range: Option<BinRange>,
    counts: Vec<u32>,
}

impl ScalarSamples {
    /// No samples yet; `n_runs_hint` sizes the exact buffer (at most [`EXACT_RUNS`]).
    pub(crate) fn new(n_runs_hint: usize) -> ScalarSamples {
        ScalarSamples {
            n: 0,
            sum: 0.0,
            exact: Vec::with_capacity(n_runs_hint.min(EXACT_RUNS)),
            range: None,
            counts: Vec::new(),
        }
    }

    /// Adds one value.
    pub(crate) fn push(&mut self, value: f64) {
        self.sum += value;
        if self.n == EXACT_RUNS && self.range.is_none() {
            self.counts = vec![0; SKETCH_BINS];
            let exact = std::mem::take(&mut self.exact);
            self.range = Some(BinRange::of(exact.into_iter(), &mut self.counts));
        }
        match &mut self.range {
            None => self.exact.push(value),
            Some(range) => range.add(&mut self.counts, value),
        }
        self.n += 1;
    }

    /// Bytes held (lengths, not capacities).
    pub(crate) fn bytes(&self) -> usize {
        std::mem::size_of::<f64>() * (self.exact.len() + 1)
            + self.range.map_or(0, |_| std::mem::size_of::<BinRange>())
            + self.counts.len() * std::mem::size_of::<u32>()
    }

    /// The distribution of the values added, with histogram bins over `range` or, by default, over [min, max]
    /// ([`Stats::of`] while exact; above [`EXACT_RUNS`], each sketch bin counts at its midpoint); `None` if
    /// there are no values.
    pub(crate) fn stats(&mut self, histogram_range: Option<(f64, f64)>) -> Option<Stats> {
        let Some(range) = self.range else {
            return Stats::of(&mut self.exact, histogram_range);
        };
        let n = self.n;
        let (min, max) = (range.min, range.max);
        let bins = self.counts.iter().enumerate().map(|(bin_idx, count)| (range.midpoint(bin_idx), *count as usize));
        Some(Stats {
            p10: range.quantile(&self.counts, n, 10),
            p50: range.quantile(&self.counts, n, 50),
            p90: range.quantile(&self.counts, n, 90),
            mean: (self.sum / n as f64).max(min).min(max),
            min,
            max,
            histogram: histogram(histogram_range.unwrap_or((min, max)), bins),
        })
    }
}

/// [`HISTOGRAM_BINS`] equal bins over `(low, high)` of values with multiplicities (the last bin is closed;
/// values outside count in the end bins).
pub(crate) fn histogram((low, high): (f64, f64), values: impl Iterator<Item = (f64, usize)>) -> Histogram {
    let width = high - low;
    let edges = (0..=HISTOGRAM_BINS)
        .map(
            |bin_idx| {
                if bin_idx == HISTOGRAM_BINS {
                    high
                } else {
                    low + width * bin_idx as f64 / HISTOGRAM_BINS as f64
                }
            },
        )
        .collect();
    let mut counts = vec![0; HISTOGRAM_BINS];
    for (value, count) in values {
        let position = if width > 0.0 { (value - low) / width * HISTOGRAM_BINS as f64 } else { 0.0 };
        // `as` saturates: below the range (and NaN) gives bin 0.
        let bin_idx = (libm::floor(position) as usize).min(HISTOGRAM_BINS - 1);
        counts[bin_idx] += count;
    }
    Histogram { edges, counts }
}

/// When a target was first met, as a count of runs per day of the period and one for "never" (exact, and
/// bounded by the period's days whatever the runs).
pub(crate) struct DayCounts {
    counts: Vec<u32>,
    n: usize,
}

impl DayCounts {
    /// Counts for a period of `n_days` days.
    pub(crate) fn new(n_days: usize) -> DayCounts {
        DayCounts { counts: vec![0; n_days + 1], n: 0 }
    }

    /// Adds a run that first met the target on day `day_idx` (`None`, or a day past the period: never).
    pub(crate) fn push(&mut self, day_idx: Option<usize>) {
        let never = self.counts.len() - 1;
        let slot = day_idx.map_or(never, |day_idx| day_idx.min(never));
        self.counts[slot] = self.counts[slot].saturating_add(1);
        self.n += 1;
    }

    /// The day by which `percent` % of runs had met the target (nearest rank), `None` for never.
    pub(crate) fn day_at(&self, percent: usize) -> Option<usize> {
        let rank = quantile_index(percent, self.n);
        let mut before = 0;
        for (day_idx, count) in self.counts.iter().enumerate() {
            before += *count as usize;
            if rank < before {
                return (day_idx + 1 < self.counts.len()).then_some(day_idx);
            }
        }
        None
    }

    /// Share of runs that never met the target.
    pub(crate) fn share_never(&self) -> f64 {
        let never = self.counts.last().copied().unwrap_or(0) as f64;
        never / self.n.max(1) as f64
    }

    /// Bytes held.
    pub(crate) fn bytes(&self) -> usize {
        self.counts.len() * std::mem::size_of::<u32>()
    }
}
