//! The random samplers of the process noise, on IEEE basic operations and the pure-Rust `libm` crate only,
//! so that native and WebAssembly builds draw bit-identical numbers. Each is exact in distribution up to
//! floating-point rounding (documented per sampler) except [`total_loss`] above [`EXACT_LOSS_CASES`] cases
//! (moment-matched); counts are returned as whole `f64`s.
//!
//! **Cost.** No sampler's cost grows with its count: a Poisson draw reads about `mean + 1` steps of one
//! uniform below a mean of 10 and about 2.4 uniforms (PTRS) above; a binomial draw about `n·p + 1` uniforms
//! below `n·p = 10` and about 2.3 (BTRS) above; a total loss 2 uniforms per case up to 30 cases and 2 above.
//! A uniform is one `u64` of the stream (two 32-bit ChaCha words), so the words a draw consumed can be
//! counted with the generator's word position (the tests do).
//!
//! **Order.** Each sampler reads its uniforms in the order its code shows, and rejection loops read a fixed
//! pair per attempt (`u`, then `v`), so a run's draws depend only on its stream and the engine's order of
//! calls ([`crate::engine::simulate_with_noise`]).

use super::LOSS_SIGMA;
use crate::uncertainty::rng::Rng;
use rand_core::Rng as _;

/// A uniform number in [0, 1): the top 53 bits of one `u64` times 2⁻⁵³ (exact).
pub fn uniform(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// A standard normal number by the Box–Muller transform (two uniforms; the second normal is dropped).
pub fn standard_normal(rng: &mut Rng) -> f64 {
    let u1 = 1.0 - uniform(rng); // in (0, 1], so the logarithm is finite
    let u2 = uniform(rng);
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2)
}

/// A log-normal number with mean `mean` (≥ 0) and log-scale σ `sigma`: `mean · exp(σ Z - σ²/2)`.
pub fn lognormal(rng: &mut Rng, mean: f64, sigma: f64) -> f64 {
    mean * libm::exp(sigma * standard_normal(rng) - 0.5 * sigma * sigma)
}

/// Above this many cases, [`total_loss`] draws the sum of the cases' losses as one moment-matched log-normal
/// instead of one log-normal per case.
pub const EXACT_LOSS_CASES: f64 = 30.0;

/// The total loss of `n_cases` cases (a whole number), each log-normal with mean `loss_per_case` and
/// σ = [`LOSS_SIGMA`]; reads nothing when there are no cases or the mean is 0.
///
/// Up to [`EXACT_LOSS_CASES`] cases: exact, the sum of one [`lognormal`] per case (two uniforms each, in case
/// order). Above: one log-normal with the sum's mean and variance (two uniforms), so the cost does not grow with
/// the count. The sum of `N` such cases has mean `N·m` and variance `N·m²·(e^{σ²} - 1)`; the log-normal with
/// that mean and variance has `σ_N² = ln(1 + (e^{σ²} - 1)/N)` (σ_N ≈ 0.24 at N = 31 for σ = 1). The match
/// is exact in the first two moments (Fenton–Wilkinson); the shapes differ a little in the tails: at N = 31
/// the matched P10 is about 2 % below the exact sum's, P50 and P90 within 1 % (tests/integration/montecarlo.rs),
/// and the difference shrinks as N grows.
pub fn total_loss(rng: &mut Rng, n_cases: f64, loss_per_case: f64) -> f64 {
    let has_loss = loss_per_case > 0.0 && n_cases >= 1.0;
    if !has_loss {
        return 0.0;
    }
    if n_cases > EXACT_LOSS_CASES {
        let excess_variance = libm::expm1(LOSS_SIGMA * LOSS_SIGMA);
        let sigma_of_sum = libm::sqrt(libm::log1p(excess_variance / n_cases));
        return lognormal(rng, n_cases * loss_per_case, sigma_of_sum);
    }
    let mut total = 0.0;
    let mut case = 0.0;
    while case < n_cases {
        total += lognormal(rng, loss_per_case, LOSS_SIGMA);
        case += 1.0;
    }
    total
}

/// A Poisson count with mean `mean`; 0 without reading `rng` when the mean is not positive and finite.
/// Means below 10: inversion by sequential search (about `mean + 1` steps). Larger means: Hörmann's
/// PTRS transformed rejection with squeeze (1993), exact, about 1.2 pairs of uniforms per count.
pub fn poisson(rng: &mut Rng, mean: f64) -> f64 {
    let positive = mean > 0.0 && mean.is_finite();
    if !positive {
        return 0.0;
    }
    if mean < 10.0 {
        let u = uniform(rng);
        let mut k = 0.0;
        let mut probability = libm::exp(-mean);
        let mut cdf = probability;
        // Stops when the terms underflow (a tail of mass below 1e-300).
        while u > cdf && probability > 0.0 {
            k += 1.0;
            probability *= mean / k;
            cdf += probability;
        }
        return k;
    }
    let sqrt_mean = libm::sqrt(mean);
    let log_mean = libm::log(mean);
    let b = 0.931 + 2.53 * sqrt_mean;
    let a = -0.059 + 0.02483 * b;
    let log_inv_alpha = libm::log(1.1239 + 1.1328 / (b - 3.4));
    let v_r = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = uniform(rng) - 0.5;
        let v = uniform(rng);
        let us = 0.5 - u.abs();
        let k = libm::floor((2.0 * a / us + b) * u + mean + 0.43);
        if us >= 0.07 && v <= v_r {
            return k;
        }
        if k < 0.0 || (us < 0.013 && v > us) {
            continue;
        }
        let log_hat = libm::log(v) + log_inv_alpha - libm::log(a / (us * us) + b);
        if log_hat <= -mean + k * log_mean - libm::lgamma(k + 1.0) {
            return k;
        }
    }
}

/// A binomial count of `n` trials (a whole number ≥ 0) with success probability `p`; 0 or `n` without
/// reading `rng` when `n < 1`, `p ≤ 0` or `p ≥ 1`. For `p > 1/2` it returns `n - Binomial(n, 1 - p)`.
/// With `n · p < 10`: the geometric waiting-time method (sum geometric gaps until they pass `n`; about
/// `n · p + 1` uniforms), exact. Otherwise Hörmann's BTRS transformed rejection (1993), exact, with the
/// acceptance test on `libm::lgamma` (absolute error about 1e-16 · n · ln n, immaterial).
pub fn binomial(rng: &mut Rng, n: f64, p: f64) -> f64 {
    let any_chance = n >= 1.0 && n.is_finite() && p > 0.0;
    if !any_chance {
        return 0.0;
    }
    if p >= 1.0 {
        return n;
    }
    if p > 0.5 {
        return n - binomial_at_most_half(rng, n, 1.0 - p);
    }
    binomial_at_most_half(rng, n, p)
}

fn binomial_at_most_half(rng: &mut Rng, n: f64, p: f64) -> f64 {
    if n * p < 10.0 {
        let log_q = libm::log1p(-p);
        let mut trials = 0.0;
        let mut successes = 0.0;
        loop {
            let u = 1.0 - uniform(rng); // in (0, 1]
                                        // Trials up to and including the next success: Geometric(p) ≥ 1.
            trials += libm::ceil(libm::log(u) / log_q).max(1.0);
            if trials > n {
                return successes;
            }
            successes += 1.0;
        }
    }
    let q = 1.0 - p;
    let spq = libm::sqrt(n * p * q);
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = n * p + 0.5;
    let alpha = (2.83 + 5.1 / b) * spq;
    let v_r = 0.92 - 4.2 / b;
    let mode = libm::floor((n + 1.0) * p);
    let log_ratio = libm::log(p / q);
    let log_mode_terms = libm::lgamma(mode + 1.0) + libm::lgamma(n - mode + 1.0);
    loop {
        let u = uniform(rng) - 0.5;
        let v = uniform(rng);
        let us = 0.5 - u.abs();
        let k = libm::floor((2.0 * a / us + b) * u + c);
        if k < 0.0 || k > n {
            continue;
        }
        if us >= 0.07 && v <= v_r {
            return k;
        }
        let log_hat = libm::log(v * alpha / (a / (us * us) + b));
        // log f(k) - log f(mode) of the binomial probabilities.
        let log_ratio_f = log_mode_terms - libm::lgamma(k + 1.0) - libm::lgamma(n - k + 1.0) + (k - mode) * log_ratio;
        if log_hat <= log_ratio_f {
            return k;
        }
    }
}

/// One day's new installs in a cell as a share of its residents: Binomial(smartphone holders not yet
/// adopted, rounded to whole people; `probability`) / residents, at most `not_adopted_share`.
pub fn installs_share(rng: &mut Rng, not_adopted_share: f64, residents: f64, probability: f64) -> f64 {
    let has_residents = residents > 0.0;
    if !has_residents {
        return 0.0;
    }
    let n_people = libm::floor(not_adopted_share * residents + 0.5);
    let installs = binomial(rng, n_people, probability);
    (installs / residents).min(not_adopted_share)
}

/// A triangular number on [`min`, `max`] with mode `mode`, by inverting its distribution function at one
/// [`uniform`]: `min + √(u·range·(mode - min))` below the mode, `max - √((range - u·range)·(max - mode))` above.
/// This is rand_distr 0.6's `Triangular` operation for operation (its uniform is the same 53-bit one and
/// `sqrt` is correctly rounded in both), so the draws have the same bits. A range that is not ordered
/// (`min ≤ mode ≤ max` fails, e.g. with NaN) still reads the one uniform, so the order of draws stays fixed,
/// and gives `None`.
pub fn triangular(rng: &mut Rng, min: f64, max: f64, mode: f64) -> Option<f64> {
    let ordered = max >= min && mode >= min && max >= mode;
    let f = uniform(rng);
    if !ordered {
        return None;
    }
    let diff_mode_min = mode - min;
    let range = max - min;
    let f_range = f * range;
    if f_range < diff_mode_min {
        Some(min + libm::sqrt(f_range * diff_mode_min))
    } else {
        Some(max - libm::sqrt((range - f_range) * (max - mode)))
    }
}
