//! A learned second reader of revocations: logistic regression over hashed words, word pairs
//! and letter n-grams, trained on the shipped corpus when first used.
//!
//! The rule detector ([`crate::normalise::opt_out_phrase`]) knows the phrasings someone wrote
//! down; on each new blind set it missed about one revocation in ten, nearly all rarer wordings
//! of known classes ("párenle ya con los mensajes", "lose my number"). Letter n-grams carry
//! what those share with the known ones across typos, inflections and languages. The model
//! only ever adds a revocation the rules missed, and only when it is very sure
//! ([`THRESHOLD`]); it never overrules a rule that found one, its verdict does not count when
//! the message limits the contact instead of ending it ("stop calling, text me"), and it does
//! not read a message of one word (see [`crate::revocation`]).
//!
//! Pure and deterministic: the same corpus gives the same weights on every machine (fixed
//! example order, no randomness), so a decision can be reproduced for an audit.

use std::sync::LazyLock;

/// Hashed feature space: 2^18 weights (1 MiB of `f32`).
const BITS: u32 = 18;
const DIM: usize = 1 << BITS;

/// Probability at or above which the model's reading counts as a revocation. Chosen high: a
/// false revocation loses a lead, so the model speaks only where it is nearly certain.
pub const THRESHOLD: f32 = 0.85;

/// Passes over the corpus, learning rate (AdaGrad) and L2 penalty.
const EPOCHS: usize = 12;
const RATE: f32 = 0.5;
const L2: f32 = 1e-6;

/// The labelled corpus files the shipped model learns from (`{"text", "opt_out", …}` lines).
const CORPUS: [&str; 200] = [
    include_str!("../corpus/dev.jsonl"),
    include_str!("../corpus/test.jsonl"),
    include_str!("../corpus/holdout.jsonl"),
    include_str!("../corpus/blind.jsonl"),
    include_str!("../corpus/blind2.jsonl"),
    include_str!("../corpus/blind3.jsonl"),
    include_str!("../corpus/blind4.jsonl"),
    include_str!("../corpus/blind5.jsonl"),
    include_str!("../corpus/blind6.jsonl"),
    include_str!("../corpus/blind7.jsonl"),
    include_str!("../corpus/blind8.jsonl"),
    include_str!("../corpus/blind9.jsonl"),
    include_str!("../corpus/blind10.jsonl"),
    include_str!("../corpus/blind11.jsonl"),
    include_str!("../corpus/blind12.jsonl"),
    include_str!("../corpus/blind13.jsonl"),
    include_str!("../corpus/blind14.jsonl"),
    include_str!("../corpus/blind15.jsonl"),
    include_str!("../corpus/blind16.jsonl"),
    include_str!("../corpus/blind17.jsonl"),
    include_str!("../corpus/blind18.jsonl"),
    include_str!("../corpus/blind19.jsonl"),
    include_str!("../corpus/blind20.jsonl"),
    include_str!("../corpus/blind21.jsonl"),
    include_str!("../corpus/blind22.jsonl"),
    include_str!("../corpus/blind23.jsonl"),
    include_str!("../corpus/blind24.jsonl"),
    include_str!("../corpus/blind25.jsonl"),
    include_str!("../corpus/blind26.jsonl"),
    include_str!("../corpus/blind27.jsonl"),
    include_str!("../corpus/blind28.jsonl"),
    include_str!("../corpus/blind29.jsonl"),
    include_str!("../corpus/blind30.jsonl"),
    include_str!("../corpus/blind31.jsonl"),
    include_str!("../corpus/blind32.jsonl"),
    include_str!("../corpus/blind33.jsonl"),
    include_str!("../corpus/blind34.jsonl"),
    include_str!("../corpus/blind35.jsonl"),
    include_str!("../corpus/blind36.jsonl"),
    include_str!("../corpus/blind37.jsonl"),
    include_str!("../corpus/blind38.jsonl"),
    include_str!("../corpus/blind39.jsonl"),
    include_str!("../corpus/blind40.jsonl"),
    include_str!("../corpus/blind41.jsonl"),
    include_str!("../corpus/blind42.jsonl"),
    include_str!("../corpus/blind43.jsonl"),
    include_str!("../corpus/blind44.jsonl"),
    include_str!("../corpus/blind45.jsonl"),
    include_str!("../corpus/blind46.jsonl"),
    include_str!("../corpus/blind47.jsonl"),
    include_str!("../corpus/blind48.jsonl"),
    include_str!("../corpus/blind49.jsonl"),
    include_str!("../corpus/blind50.jsonl"),
    include_str!("../corpus/blind51.jsonl"),
    include_str!("../corpus/blind52.jsonl"),
    include_str!("../corpus/blind53.jsonl"),
    include_str!("../corpus/blind54.jsonl"),
    include_str!("../corpus/blind55.jsonl"),
    include_str!("../corpus/blind56.jsonl"),
    include_str!("../corpus/blind57.jsonl"),
    include_str!("../corpus/blind58.jsonl"),
    include_str!("../corpus/blind59.jsonl"),
    include_str!("../corpus/blind60.jsonl"),
    include_str!("../corpus/blind61.jsonl"),
    include_str!("../corpus/blind62.jsonl"),
    include_str!("../corpus/blind63.jsonl"),
    include_str!("../corpus/blind64.jsonl"),
    include_str!("../corpus/blind65.jsonl"),
    include_str!("../corpus/blind66.jsonl"),
    include_str!("../corpus/blind67.jsonl"),
    include_str!("../corpus/blind68.jsonl"),
    include_str!("../corpus/blind69.jsonl"),
    include_str!("../corpus/blind70.jsonl"),
    include_str!("../corpus/blind71.jsonl"),
    include_str!("../corpus/blind72.jsonl"),
    include_str!("../corpus/blind73.jsonl"),
    include_str!("../corpus/blind74.jsonl"),
    include_str!("../corpus/blind75.jsonl"),
    include_str!("../corpus/blind76.jsonl"),
    include_str!("../corpus/blind77.jsonl"),
    include_str!("../corpus/blind78.jsonl"),
    include_str!("../corpus/blind79.jsonl"),
    include_str!("../corpus/blind80.jsonl"),
    include_str!("../corpus/blind81.jsonl"),
    include_str!("../corpus/blind82.jsonl"),
    include_str!("../corpus/blind83.jsonl"),
    include_str!("../corpus/blind84.jsonl"),
    include_str!("../corpus/blind85.jsonl"),
    include_str!("../corpus/blind86.jsonl"),
    include_str!("../corpus/blind87.jsonl"),
    include_str!("../corpus/blind88.jsonl"),
    include_str!("../corpus/blind89.jsonl"),
    include_str!("../corpus/blind90.jsonl"),
    include_str!("../corpus/blind91.jsonl"),
    include_str!("../corpus/blind92.jsonl"),
    include_str!("../corpus/blind93.jsonl"),
    include_str!("../corpus/blind94.jsonl"),
    include_str!("../corpus/blind95.jsonl"),
    include_str!("../corpus/blind96.jsonl"),
    include_str!("../corpus/blind97.jsonl"),
    include_str!("../corpus/blind98.jsonl"),
    include_str!("../corpus/blind99.jsonl"),
    include_str!("../corpus/blind100.jsonl"),
    include_str!("../corpus/blind101.jsonl"),
    include_str!("../corpus/blind102.jsonl"),
    include_str!("../corpus/blind103.jsonl"),
    include_str!("../corpus/blind104.jsonl"),
    include_str!("../corpus/blind105.jsonl"),
    include_str!("../corpus/blind106.jsonl"),
    include_str!("../corpus/blind107.jsonl"),
    include_str!("../corpus/blind108.jsonl"),
    include_str!("../corpus/blind109.jsonl"),
    include_str!("../corpus/blind110.jsonl"),
    include_str!("../corpus/blind111.jsonl"),
    include_str!("../corpus/blind112.jsonl"),
    include_str!("../corpus/blind113.jsonl"),
    include_str!("../corpus/blind114.jsonl"),
    include_str!("../corpus/blind115.jsonl"),
    include_str!("../corpus/blind116.jsonl"),
    include_str!("../corpus/blind117.jsonl"),
    include_str!("../corpus/blind118.jsonl"),
    include_str!("../corpus/blind119.jsonl"),
    include_str!("../corpus/blind120.jsonl"),
    include_str!("../corpus/blind121.jsonl"),
    include_str!("../corpus/blind122.jsonl"),
    include_str!("../corpus/blind123.jsonl"),
    include_str!("../corpus/blind124.jsonl"),
    include_str!("../corpus/blind125.jsonl"),
    include_str!("../corpus/blind126.jsonl"),
    include_str!("../corpus/blind127.jsonl"),
    include_str!("../corpus/blind128.jsonl"),
    include_str!("../corpus/blind129.jsonl"),
    include_str!("../corpus/blind130.jsonl"),
    include_str!("../corpus/blind131.jsonl"),
    include_str!("../corpus/blind132.jsonl"),
    include_str!("../corpus/blind133.jsonl"),
    include_str!("../corpus/blind134.jsonl"),
    include_str!("../corpus/blind135.jsonl"),
    include_str!("../corpus/blind136.jsonl"),
    include_str!("../corpus/blind137.jsonl"),
    include_str!("../corpus/blind138.jsonl"),
    include_str!("../corpus/blind139.jsonl"),
    include_str!("../corpus/blind140.jsonl"),
    include_str!("../corpus/blind141.jsonl"),
    include_str!("../corpus/blind142.jsonl"),
    include_str!("../corpus/blind143.jsonl"),
    include_str!("../corpus/blind144.jsonl"),
    include_str!("../corpus/blind145.jsonl"),
    include_str!("../corpus/blind146.jsonl"),
    include_str!("../corpus/blind147.jsonl"),
    include_str!("../corpus/blind148.jsonl"),
    include_str!("../corpus/blind149.jsonl"),
    include_str!("../corpus/blind150.jsonl"),
    include_str!("../corpus/blind151.jsonl"),
    include_str!("../corpus/blind152.jsonl"),
    include_str!("../corpus/blind153.jsonl"),
    include_str!("../corpus/blind154.jsonl"),
    include_str!("../corpus/blind155.jsonl"),
    include_str!("../corpus/blind156.jsonl"),
    include_str!("../corpus/blind157.jsonl"),
    include_str!("../corpus/blind158.jsonl"),
    include_str!("../corpus/blind159.jsonl"),
    include_str!("../corpus/blind160.jsonl"),
    include_str!("../corpus/blind161.jsonl"),
    include_str!("../corpus/blind162.jsonl"),
    include_str!("../corpus/blind163.jsonl"),
    include_str!("../corpus/blind164.jsonl"),
    include_str!("../corpus/blind165.jsonl"),
    include_str!("../corpus/blind166.jsonl"),
    include_str!("../corpus/blind167.jsonl"),
    include_str!("../corpus/blind168.jsonl"),
    include_str!("../corpus/blind169.jsonl"),
    include_str!("../corpus/blind170.jsonl"),
    include_str!("../corpus/blind171.jsonl"),
    include_str!("../corpus/blind172.jsonl"),
    include_str!("../corpus/blind173.jsonl"),
    include_str!("../corpus/blind174.jsonl"),
    include_str!("../corpus/blind175.jsonl"),
    include_str!("../corpus/blind176.jsonl"),
    include_str!("../corpus/blind177.jsonl"),
    include_str!("../corpus/blind178.jsonl"),
    include_str!("../corpus/blind179.jsonl"),
    include_str!("../corpus/blind180.jsonl"),
    include_str!("../corpus/blind181.jsonl"),
    include_str!("../corpus/blind182.jsonl"),
    include_str!("../corpus/blind183.jsonl"),
    include_str!("../corpus/blind184.jsonl"),
    include_str!("../corpus/blind185.jsonl"),
    include_str!("../corpus/blind186.jsonl"),
    include_str!("../corpus/blind187.jsonl"),
    include_str!("../corpus/blind188.jsonl"),
    include_str!("../corpus/blind189.jsonl"),
    include_str!("../corpus/blind190.jsonl"),
    include_str!("../corpus/blind191.jsonl"),
    include_str!("../corpus/blind192.jsonl"),
    include_str!("../corpus/blind193.jsonl"),
    include_str!("../corpus/blind194.jsonl"),
    include_str!("../corpus/blind195.jsonl"),
    include_str!("../corpus/blind196.jsonl"),
    include_str!("../corpus/blind197.jsonl"),
];

/// Every labelled line of the compiled-in corpus, file by file. A file that did not parse would
/// be skipped here, so `tests/corpus.rs` parses every one.
fn shipped_corpus() -> impl Iterator<Item = crate::Labelled> {
    CORPUS.iter().flat_map(|file| crate::eval::parse_corpus(file).unwrap_or_default())
}

static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    let examples: Vec<(String, bool)> =
        shipped_corpus().map(|labelled| (crate::normalise::normalise(&labelled.text), labelled.opt_out)).collect();
    Model::train(&examples)
});

static SHIPPED_INTENTS: LazyLock<IntentModel> = LazyLock::new(|| {
    let examples: Vec<(String, crate::Intent)> = shipped_corpus()
        .map(|labelled| {
            let intent = crate::Intent::parse(&labelled.intent).unwrap_or(crate::Intent::Unknown);
            (crate::normalise::normalise(&labelled.text), intent)
        })
        .collect();
    IntentModel::train(&examples)
});

/// Probability at or above which the intent model's reading replaces the rules'. Below it a
/// short answer ("the second one") would get whatever intent was likeliest at 0.3, and the
/// agent would act on it. Chosen by leave-one-file-out over the corpus
/// (`examples/learned_cv.rs --intents`, the `sure-model` column).
pub const INTENT_THRESHOLD: f32 = 0.6;

/// Trains the shipped models now (about 0.2 s together in a release build) rather than on the
/// first message: the server calls this at start.
pub fn warm() {
    LazyLock::force(&SHIPPED);
    LazyLock::force(&SHIPPED_INTENTS);
}

/// The shipped intent model's likeliest intent for `norm` (normalised text) other than an
/// opt-out (that is [`crate::revocation`]'s decision alone), with its probability.
pub fn intent_of(norm: &str) -> (crate::Intent, f32) {
    SHIPPED_INTENTS.best(norm, &[crate::Intent::OptOut])
}

/// The shipped model's probability that `norm` (normalised text) revokes consent.
pub fn opt_out_probability(norm: &str) -> f32 {
    SHIPPED.probability(norm)
}

/// A trained model.
#[derive(Clone)]
pub struct Model {
    weights: Vec<f32>,
    bias: f32,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self.weights.iter().filter(|w| **w != 0.0).count();
        f.debug_struct("Model").field("weights_used", &used).field("bias", &self.bias).finish()
    }
}

impl Model {
    /// Trains on `(normalised text, is a revocation)` pairs, in the order given.
    pub fn train(examples: &[(String, bool)]) -> Self {
        let featurised: Vec<(Vec<u32>, f32)> =
            examples.iter().map(|(text, label)| (features(text), if *label { 1.0 } else { 0.0 })).collect();
        let mut weights = vec![0.0f32; DIM];
        let mut squares = vec![1e-8f32; DIM];
        let (mut bias, mut bias_square) = (0.0f32, 1e-8f32);
        // A fixed interleaving instead of a shuffle: deterministic, and no long runs of one
        // file (and so of one style) in a row.
        let order = spread(featurised.len());
        for _ in 0..EPOCHS {
            for &i in &order {
                let (features, label) = &featurised[i];
                let x = scale(features.len());
                let z = bias + features.iter().map(|&f| weights[f as usize]).sum::<f32>() * x;
                let error = sigmoid(z) - label;
                for &f in features {
                    let f = f as usize;
                    let gradient = error * x + L2 * weights[f];
                    step(&mut weights[f], &mut squares[f], gradient);
                }
                step(&mut bias, &mut bias_square, error);
            }
        }
        Self { weights, bias }
    }

    /// The probability that `norm` (normalised text) revokes consent.
    pub fn probability(&self, norm: &str) -> f32 {
        let features = features(norm);
        let x = scale(features.len());
        sigmoid(self.bias + features.iter().map(|&f| self.weights[f as usize]).sum::<f32>() * x)
    }
}

/// Intent features are folded to 2^16 buckets: 13 classes × 65,536 weights (3.4 MiB).
const INTENT_BITS: u32 = 16;
const INTENT_DIM: usize = 1 << INTENT_BITS;

/// A multinomial (softmax) model of the intents, over the same features as [`Model`].
///
/// [`crate::classify`] takes its reading where it is sure (see [`intent_of`]);
/// `examples/learned_cv.rs --intents` scores it leave-one-file-out against the rules.
#[derive(Clone)]
pub struct IntentModel {
    /// `INTENT_DIM` rows of `Intent::ALL.len()` weights: a feature's weights for every class
    /// side by side, so reading a message touches one cache line per feature, not thirteen.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl std::fmt::Debug for IntentModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IntentModel").field("classes", &self.bias.len()).finish_non_exhaustive()
    }
}

impl IntentModel {
    /// Trains on `(normalised text, intent)` pairs, in the order given.
    pub fn train(examples: &[(String, crate::Intent)]) -> Self {
        let classes = crate::Intent::ALL.len();
        let featurised: Vec<(Vec<u32>, usize)> =
            examples.iter().map(|(text, intent)| (intent_features(text), intent_index(*intent))).collect();
        let mut weights = vec![0.0f32; classes * INTENT_DIM];
        let mut squares = vec![1e-8f32; classes * INTENT_DIM];
        let mut bias = vec![0.0f32; classes];
        let mut bias_squares = vec![1e-8f32; classes];
        let mut probabilities = vec![0.0f32; classes];
        let order = spread(featurised.len());
        for _ in 0..EPOCHS {
            for &i in &order {
                let (features, label) = &featurised[i];
                let x = scale(features.len());
                softmax(&weights, &bias, features, x, &mut probabilities);
                for (class, p) in probabilities.iter().enumerate() {
                    let error = p - if class == *label { 1.0 } else { 0.0 };
                    for &f in features {
                        let at = f as usize * classes + class;
                        let gradient = error * x + L2 * weights[at];
                        step(&mut weights[at], &mut squares[at], gradient);
                    }
                    step(&mut bias[class], &mut bias_squares[class], error);
                }
            }
        }
        Self { weights, bias }
    }

    /// Each intent's probability for `norm` (normalised text), in [`crate::Intent::ALL`] order.
    pub fn probabilities(&self, norm: &str) -> Vec<f32> {
        let features = intent_features(norm);
        let mut out = vec![0.0f32; self.bias.len()];
        softmax(&self.weights, &self.bias, &features, scale(features.len()), &mut out);
        out
    }

    /// The likeliest intent other than those `excluded`, with its probability.
    pub fn best(&self, norm: &str, excluded: &[crate::Intent]) -> (crate::Intent, f32) {
        let probabilities = self.probabilities(norm);
        crate::Intent::ALL
            .into_iter()
            .zip(probabilities)
            .filter(|(intent, _)| !excluded.contains(intent))
            .fold((crate::Intent::Unknown, 0.0), |best, (intent, p)| if p > best.1 { (intent, p) } else { best })
    }
}

fn intent_index(intent: crate::Intent) -> usize {
    crate::Intent::ALL.iter().position(|i| *i == intent).unwrap_or(crate::Intent::ALL.len() - 1)
}

fn intent_features(norm: &str) -> Vec<u32> {
    let mut out: Vec<u32> = features(norm).into_iter().map(|f| f & (INTENT_DIM as u32 - 1)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One AdaGrad step of `weight` along `gradient`, `square` its running sum of squares.
fn step(weight: &mut f32, square: &mut f32, gradient: f32) {
    *square += gradient * gradient;
    *weight -= RATE * gradient / square.sqrt();
}

fn softmax(weights: &[f32], bias: &[f32], features: &[u32], x: f32, out: &mut [f32]) {
    out.fill(0.0);
    let classes = out.len();
    for &f in features {
        let row = &weights[f as usize * classes..(f as usize + 1) * classes];
        for (z, w) in out.iter_mut().zip(row) {
            *z += w;
        }
    }
    for (z, b) in out.iter_mut().zip(bias) {
        *z = b + *z * x;
    }
    let max = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut total = 0.0;
    for z in out.iter_mut() {
        *z = (*z - max).exp();
        total += *z;
    }
    for z in out.iter_mut() {
        *z /= total;
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Each feature's value: 1/√n, so long messages do not outvote short ones.
fn scale(n: usize) -> f32 {
    if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() }
}

/// 0..n visited with a stride coprime to n: every index once, neighbours far apart.
fn spread(n: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let mut stride = (n as f64 * 0.618) as usize | 1;
    while gcd(stride, n) != 1 {
        stride += 2;
    }
    (0..n).map(|i| i * stride % n).collect()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The hashed features of normalised text: words, word pairs, and the 3- to 5-letter
/// n-grams of each word with its boundaries marked. Sorted, without repeats.
fn features(norm: &str) -> Vec<u32> {
    let words: Vec<&str> =
        norm.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len() * 12);
    let mut padded_bytes = Vec::with_capacity(32);
    let c = Fnv::new().bytes(b"c");
    for (i, word) in words.iter().enumerate() {
        out.push(hash(&[b"w", word.as_bytes()]));
        if let Some(next) = words.get(i + 1) {
            out.push(hash(&[b"b", word.as_bytes(), b" ", next.as_bytes()]));
        }
        if word.is_ascii() {
            // One byte per letter: each n-gram is a slice of "<word>" (the common case, read
            // without decoding; the hashes are the same as the letters' below).
            padded_bytes.clear();
            padded_bytes.push(b'<');
            padded_bytes.extend_from_slice(word.as_bytes());
            padded_bytes.push(b'>');
            for n in 3..=5 {
                out.extend(padded_bytes.windows(n).map(|gram| c.bytes(gram).fold()));
            }
            continue;
        }
        let padded: Vec<char> = std::iter::once('<').chain(word.chars()).chain(std::iter::once('>')).collect();
        for n in 3..=5 {
            for window in padded.windows(n) {
                // `hash(&[b"c", gram])` without building the gram.
                let mut h = c;
                for ch in window {
                    let mut buf = [0u8; 4];
                    h = h.bytes(ch.encode_utf8(&mut buf).as_bytes());
                }
                out.push(h.fold());
            }
        }
    }
    // Emoji and signs carry meaning too ("🛑", "🚫"): each one a feature.
    for c in norm.chars().filter(|c| !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii_punctuation()) {
        let mut buf = [0u8; 4];
        out.push(hash(&[b"s", c.encode_utf8(&mut buf).as_bytes()]));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a over the parts, folded to [`BITS`].
fn hash(parts: &[&[u8]]) -> u32 {
    parts.iter().fold(Fnv::new(), |h, part| h.bytes(part)).fold()
}

/// FNV-1a, 64-bit, fed piece by piece.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    fn fold(self) -> u32 {
        ((self.0 >> 32) ^ self.0) as u32 & (DIM as u32 - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples(lines: &[(&str, bool)]) -> Vec<(String, bool)> {
        lines.iter().map(|(t, l)| (crate::normalise::normalise(t), *l)).collect()
    }

    #[test]
    fn it_learns_what_it_is_shown_and_is_deterministic() {
        let data = examples(&[
            ("stop texting me", true),
            ("please remove me from your list", true),
            ("no more messages", true),
            ("yes I'm interested", false),
            ("what does it cost", false),
            ("can you call me tomorrow", false),
        ]);
        let a = Model::train(&data);
        let b = Model::train(&data);
        for (text, label) in &data {
            let p = a.probability(text);
            assert_eq!(p.to_bits(), b.probability(text).to_bits(), "same corpus, same weights");
            assert_eq!(p >= 0.5, *label, "{text}: {p}");
        }
    }

    #[test]
    fn the_intent_model_learns_its_classes() {
        use crate::Intent;
        let data: Vec<(String, Intent)> = [
            ("how much is it", Intent::Pricing),
            ("what does it cost per month", Intent::Pricing),
            ("call me tomorrow at 5", Intent::Schedule),
            ("friday morning works", Intent::Schedule),
            ("is this a bot", Intent::BotQuestion),
            ("am i talking to a robot", Intent::BotQuestion),
        ]
        .iter()
        .map(|(t, i)| (crate::normalise::normalise(t), *i))
        .collect();
        let model = IntentModel::train(&data);
        for (text, intent) in &data {
            assert_eq!(model.best(text, &[]).0, *intent, "{text}");
            let total: f32 = model.probabilities(text).iter().sum();
            assert!((total - 1.0).abs() < 1e-4);
        }
        assert_ne!(model.best(&data[0].0, &[Intent::Pricing]).0, Intent::Pricing, "an excluded intent is never chosen");
    }

    #[test]
    fn features_are_sorted_unique_and_in_range() {
        let f = features("stop stop texting 🛑");
        assert!(f.windows(2).all(|w| w[0] < w[1]));
        assert!(f.iter().all(|&x| (x as usize) < DIM));
        assert!(features("").is_empty());
    }

    #[test]
    fn letter_grams_hash_the_same_in_any_script() {
        // ASCII words are sliced as bytes, others decoded letter by letter: both must hash
        // "c" then the gram, or the shipped model would read the two differently.
        for word in ["texting", "écrire", "не"] {
            let f = features(word);
            let padded: Vec<char> = std::iter::once('<').chain(word.chars()).chain(std::iter::once('>')).collect();
            for n in 3..=5 {
                for window in padded.windows(n) {
                    let gram: String = window.iter().collect();
                    assert!(f.contains(&hash(&[b"c", gram.as_bytes()])), "{word}: {gram}");
                }
            }
        }
    }

    #[test]
    fn spread_visits_every_example_once() {
        for n in [1, 2, 7, 100, 1797] {
            let mut order = spread(n);
            order.sort_unstable();
            assert_eq!(order, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_shipped_model_reads_plain_revocations() {
        assert!(opt_out_probability(&crate::normalise::normalise("please stop texting me")) > THRESHOLD);
        assert!(opt_out_probability(&crate::normalise::normalise("yes, tuesday at 10 works")) < 0.2);
    }
}
