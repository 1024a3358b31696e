//! Process noise as the engine sees it: a trait the engine defines and Monte Carlo implements.
//!
//! The engine never reads a random generator itself. A deterministic run passes no noise; a Monte Carlo run
//! passes its generator (the `uncertainty` part implements [`Noise`] for its ChaCha stream), and the engine
//! asks for draws in the fixed order [`crate::engine::simulate_with_noise`] documents.

/// The random draws of one noisy run. Each method may read from the underlying stream; a draw with a zero
/// count or zero mean reads nothing.
pub trait Noise {
    /// Today's new adopters of one product in one cell, as a share of the cell's residents: a binomial draw of
    /// the cell's not-yet-adopted smartphone holders (`not_adopted_share` of `residents`, in whole people) each
    /// converting with `probability`.
    fn installs_share(&mut self, not_adopted_share: f64, residents: f64, probability: f64) -> f64;

    /// A count around `mean` (a Poisson draw): a cell's cases in a month, or its extra reports.
    fn count(&mut self, mean: f64) -> f64;

    /// The total loss (yuan) of `n_cases` cases, one log-normal draw per case with mean `loss_per_case_yuan`.
    fn total_loss(&mut self, n_cases: f64, loss_per_case_yuan: f64) -> f64;
}
