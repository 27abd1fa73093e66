//! The length signal: how likely two stretches of text are translations of
//! each other given only their lengths in characters (Gale & Church 1993).

/// Target length per source character and its variance, for one document pair.
#[derive(Debug, Clone, Copy)]
pub struct LengthModel {
    pub ratio: f64,
    pub variance: f64,
}

impl LengthModel {
    /// The ratio is read off the documents themselves (total target characters
    /// over total source characters), clamped to a plausible range so that a
    /// document with a large omission cannot skew it far.
    pub fn estimate(src_chars: f64, tgt_chars: f64, variance: f64) -> LengthModel {
        let ratio = if src_chars > 0.0 && tgt_chars > 0.0 {
            (tgt_chars / src_chars).clamp(0.5, 2.0)
        } else {
            1.0
        };
        LengthModel { ratio, variance }
    }

    /// The model refitted to (source, target) lengths of sentence pairs
    /// known to be translations, or `self` with too few pairs to trust.
    /// The variance is kept within [4, 20] (Gale & Church found 6.8): pairs
    /// picked for being confident fit their lengths better than the rest,
    /// so the raw estimate runs low. A handful of pairs is too few for a
    /// variance but enough to overrule a document ratio a run of omissions
    /// skewed (an English summary of half the length: 0.57 against 0.97).
    pub fn refit(self, pairs: &[(f64, f64)]) -> LengthModel {
        const MIN_PAIRS: usize = 10;
        const MIN_RATIO_PAIRS: usize = 5;
        const SKEWED: f64 = 1.25;
        let (src, tgt) = pairs
            .iter()
            .fold((0.0, 0.0), |(s, t), &(a, b)| (s + a, t + b));
        if pairs.len() < MIN_RATIO_PAIRS || src <= 0.0 || tgt <= 0.0 {
            return self;
        }
        let ratio = (tgt / src).clamp(0.5, 2.0);
        if pairs.len() < MIN_PAIRS {
            let skew = (ratio / self.ratio).max(self.ratio / ratio);
            return if skew > SKEWED {
                LengthModel { ratio, ..self }
            } else {
                self
            };
        }
        let spread: f64 = pairs.iter().map(|&(s, t)| (t - s * ratio).powi(2)).sum();
        let scale: f64 = pairs.iter().map(|&(s, t)| (s + t / ratio) / 2.0).sum();
        let variance = (spread / scale).clamp(4.0, 20.0);
        LengthModel { ratio, variance }
    }

    /// −ln P(lengths | translation): two-sided tail of the normalised length
    /// difference. Zero for a perfect fit, growing roughly as δ²/2.
    pub fn cost(&self, src: f64, tgt: f64) -> f64 {
        let mean = (src + tgt / self.ratio) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let delta = (tgt - src * self.ratio) / (mean * self.variance).sqrt();
        tail_cost(delta.abs() / std::f64::consts::SQRT_2)
    }
}

/// −ln erfc(x) for x ≥ 0, read off a table below `TABLE_END` (linear
/// interpolation, error under 1e-6): the search prices millions of beads,
/// and this is the only transcendental function in a bead's cost.
fn tail_cost(x: f64) -> f64 {
    const STEPS: f64 = 1024.0;
    const TABLE_END: usize = 12;
    static TABLE: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    if x >= TABLE_END as f64 {
        return neg_ln_erfc(x);
    }
    let table = TABLE.get_or_init(|| {
        (0..=TABLE_END * 1024 + 1)
            .map(|k| neg_ln_erfc(k as f64 / STEPS))
            .collect()
    });
    let at = x * STEPS;
    let k = at as usize;
    let frac = at - k as f64;
    table[k] + (table[k + 1] - table[k]) * frac
}

/// −ln erfc(x) for x ≥ 0, without underflow for large x.
pub fn neg_ln_erfc(x: f64) -> f64 {
    if x < 4.0 {
        // erfc(x) = t·e^poly (below), so −ln erfc(x) = −ln t − poly: one
        // logarithm and no exponential, on the search's hottest path.
        let t = 1.0 / (1.0 + 0.5 * x);
        (0.5 * x).ln_1p() - erfc_exponent(x, t)
    } else {
        // Asymptotic expansion: erfc(x) ≈ e^{-x²} / (x √π) (1 − 1/(2x²)).
        x * x + (x * std::f64::consts::PI.sqrt()).ln() - (1.0 - 0.5 / (x * x)).ln()
    }
}

/// Complementary error function (Numerical Recipes' Chebyshev fit, |ε| < 1.2e-7).
#[cfg(test)]
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t * erfc_exponent(z, t).exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// The exponent of the Chebyshev fit: erfc(z) = t·e^(this), t = 1/(1 + z/2).
fn erfc_exponent(z: f64, t: f64) -> f64 {
    -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        // Both sides of the switch to the asymptotic form agree with −ln erfc.
        assert!((neg_ln_erfc(3.99) - 17.9055).abs() < 0.01);
        assert!((neg_ln_erfc(4.01) - 18.0702).abs() < 0.01);
        assert!((neg_ln_erfc(6.0) - 38.3776).abs() < 0.01);
    }

    #[test]
    fn the_table_follows_the_function() {
        // Away from the switch to the asymptotic form at 4 (the two forms
        // differ by 0.01 there).
        for k in (0..2900).chain(2930..8700) {
            let x = k as f64 * 0.001_37;
            assert!((tail_cost(x) - neg_ln_erfc(x)).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn refit_reads_ratio_and_spread() {
        let pairs: Vec<(f64, f64)> = (1..=20)
            .map(|k| (10.0 * k as f64, 12.0 * k as f64))
            .collect();
        let doc = LengthModel {
            ratio: 0.6,
            variance: 6.8,
        };
        let m = doc.refit(&pairs);
        assert!((m.ratio - 1.2).abs() < 1e-9);
        assert_eq!(m.variance, 4.0, "a perfect fit hits the floor");
        let few = doc.refit(&pairs[..6]);
        assert!(
            (few.ratio - 1.2).abs() < 1e-9,
            "a skewed ratio is overruled"
        );
        assert_eq!(few.variance, 6.8, "but six pairs tell no variance");
        let near = LengthModel { ratio: 1.1, ..doc };
        assert_eq!(near.refit(&pairs[..6]).ratio, 1.1, "a near one stands");
        assert_eq!(doc.refit(&pairs[..3]).ratio, 0.6);
    }

    #[test]
    fn good_fit_is_cheap_bad_fit_is_dear() {
        let m = LengthModel {
            ratio: 1.1,
            variance: 6.8,
        };
        assert!(m.cost(100.0, 110.0) < 0.01);
        assert!(m.cost(100.0, 50.0) > m.cost(100.0, 90.0) + 3.0);
        assert!(m.cost(100.0, 500.0).is_finite());
    }
}
