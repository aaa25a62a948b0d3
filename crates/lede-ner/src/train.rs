//! Training from CoNLL-style JSONL (called by `lede train ner`): an averaged
//! structured perceptron over BILOU tags with Viterbi decoding.
//!
//! Deterministic: documents are shuffled with a seeded generator (their
//! sentences read in tagging order, for the history features), features
//! are numbered in the order they are first seen and written sorted by key,
//! so the same data, epochs and seed give the same model bytes.

use std::path::{Path, PathBuf};

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{layer, Document};

use crate::features::{
    all_history_features, has_history, history_features, tagging_order, History, TokenInfo,
};
use crate::gazetteer::{Gazetteer, IdentityMap};
use crate::model::{decode_spans, encode, split, viterbi, Coarse, Model, NUM_TAGS};
use crate::split_mix::SplitMix;
use crate::tagger::{document_features, Layout};

/// Why training refused its input or failed.
#[derive(Debug, Clone, PartialEq)]
pub enum TrainError {
    /// A file could not be read or written.
    Io { path: PathBuf, message: String },
    /// A line is not a document (bad JSON, unknown entity label, bad span).
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A document lacks a layer the tagger learns from.
    MissingLayer {
        path: PathBuf,
        line: usize,
        layer: &'static str,
    },
    /// The file has no document, no token or no entity to learn from.
    Empty { path: PathBuf, what: &'static str },
    /// Gold entities that do not start and end on token boundaries.
    Misaligned {
        path: PathBuf,
        line: usize,
        start: usize,
        end: usize,
    },
    /// The model read back from its own bytes is invalid.
    Model(String),
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            TrainError::Line {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            TrainError::MissingLayer { path, line, layer } => write!(
                f,
                "{}:{line}: the document has no `{layer}` layer (training needs `sentences`, \
                 `tokens` and `entities` on every line)",
                path.display()
            ),
            TrainError::Empty { path, what } => {
                write!(f, "{}: nothing to learn from: {what}", path.display())
            }
            TrainError::Misaligned {
                path,
                line,
                start,
                end,
            } => write!(
                f,
                "{}:{line}: the entity at {start}..{end} does not start and end on token \
                 boundaries inside one sentence",
                path.display()
            ),
            TrainError::Model(m) => write!(f, "model: {m}"),
        }
    }
}

impl std::error::Error for TrainError {}

/// What `lede train ner` passes in.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub train: PathBuf,
    pub dev: PathBuf,
    pub output: PathBuf,
    pub epochs: usize,
    pub seed: u64,
}

/// Epochs and seed of the committed model.
pub const DEFAULT_EPOCHS: usize = 15;
pub const DEFAULT_SEED: u64 = 42;

/// Features seen fewer times than this in the training data are dropped
/// (1 keeps all; pruning after training keeps the model small).
const MIN_COUNT: u32 = 1;
/// Independent training runs (seeds `seed`, `seed + 1`, ...) whose
/// best-epoch averaged weights are averaged into the saved model.
const RUNS: usize = 4;
/// Averaged weights whose largest absolute value is below this are pruned
/// from the saved model.
const PRUNE: f32 = 0.25;

/// One training or dev sentence: feature ids per token and gold tags, and
/// what the history features read of each token.
struct Example {
    ids: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<usize>,
    infos: Vec<TokenInfo>,
}

/// A sentence before features are numbered.
struct RawSentence {
    keys: Vec<u64>,
    offsets: Vec<u32>,
    gold: Vec<usize>,
    infos: Vec<TokenInfo>,
}

/// The sentences of a file in tagging order ([`tagging_order`]) and the
/// range of each document in them.
struct Corpus<T> {
    sentences: Vec<T>,
    docs: Vec<(usize, usize)>,
}

/// The history features of each token of a sentence, as feature ids: what
/// the model predicted for the earlier sentences of the document.
struct HistoryIds {
    ids: IdentityMap<u32>,
    map: IdentityMap<History>,
    keys: Vec<u64>,
    out: Vec<u32>,
    offsets: Vec<u32>,
}

impl HistoryIds {
    fn new(ids: IdentityMap<u32>) -> HistoryIds {
        HistoryIds {
            ids,
            map: IdentityMap::default(),
            keys: Vec::new(),
            out: Vec::new(),
            offsets: Vec::new(),
        }
    }

    /// Starts a document.
    fn clear(&mut self) {
        self.map.clear();
    }

    /// Fills `out`/`offsets` for the tokens of `ex`.
    fn compute(&mut self, ex: &Example) {
        self.out.clear();
        self.offsets.clear();
        self.offsets.push(0);
        let hist: Vec<History> = ex
            .infos
            .iter()
            .map(|t| {
                if has_history(t) {
                    self.map.get(&t.lower).copied().unwrap_or_default()
                } else {
                    History::default()
                }
            })
            .collect();
        for (i, t) in ex.infos.iter().enumerate() {
            self.keys.clear();
            history_features(&hist, i, t, &mut self.keys);
            for k in &self.keys {
                if let Some(&id) = self.ids.get(k) {
                    self.out.push(id);
                }
            }
            self.offsets.push(self.out.len() as u32);
        }
    }

    fn token(&self, i: usize) -> &[u32] {
        &self.out[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Records the predicted tags of a decoded sentence.
    fn record(&mut self, ex: &Example, tags: &[usize]) {
        for (t, &tag) in ex.infos.iter().zip(tags) {
            if has_history(t) {
                self.map
                    .entry(t.lower)
                    .or_default()
                    .add(split(tag).map_or(0, |(kind, _)| 1 + kind as usize));
            }
        }
    }
}

/// Trains a model, writing progress lines (per epoch: loss/accuracy, dev
/// F1) through `log`, and saves the best epoch's model to `config.output`.
pub fn train(config: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), TrainError> {
    let gaz = Gazetteer::embedded();
    let train_raw = read_sentences(&config.train, &gaz)?;
    let dev_raw = read_sentences(&config.dev, &gaz)?;
    log(&format!(
        "read {} training and {} dev sentences",
        train_raw.sentences.len(),
        dev_raw.sentences.len()
    ));

    // Number the features that occur often enough, in first-seen order.
    let mut counts: IdentityMap<u32> = IdentityMap::default();
    for s in &train_raw.sentences {
        for &k in &s.keys {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let mut ids: IdentityMap<u32> = IdentityMap::default();
    let mut keys: Vec<u64> = Vec::new();
    for s in &train_raw.sentences {
        for &k in &s.keys {
            if counts.get(&k).copied().unwrap_or(0) >= MIN_COUNT && !ids.contains_key(&k) {
                ids.insert(k, keys.len() as u32);
                keys.push(k);
            }
        }
    }
    drop(counts);
    // The history features depend on predictions, not on the data: all of
    // them are numbered, after the others.
    let mut history_ids: IdentityMap<u32> = IdentityMap::default();
    for k in all_history_features() {
        if let std::collections::hash_map::Entry::Vacant(slot) = ids.entry(k) {
            slot.insert(keys.len() as u32);
            history_ids.insert(k, keys.len() as u32);
            keys.push(k);
        }
    }
    log(&format!(
        "{} features kept (seen at least {MIN_COUNT} times)",
        keys.len()
    ));
    let to_example = |s: RawSentence| -> Example {
        let mut out_ids = Vec::with_capacity(s.keys.len());
        let mut offsets = Vec::with_capacity(s.offsets.len());
        offsets.push(0);
        for w in s.offsets.windows(2) {
            for &k in &s.keys[w[0] as usize..w[1] as usize] {
                if let Some(&id) = ids.get(&k) {
                    out_ids.push(id);
                }
            }
            offsets.push(out_ids.len() as u32);
        }
        Example {
            ids: out_ids,
            offsets,
            gold: s.gold,
            infos: s.infos,
        }
    };
    let train_set = Corpus {
        sentences: train_raw.sentences.into_iter().map(to_example).collect(),
        docs: train_raw.docs,
    };
    let dev_set = Corpus {
        sentences: dev_raw.sentences.into_iter().map(to_example).collect(),
        docs: dev_raw.docs,
    };
    let mut history = HistoryIds::new(history_ids);

    let nf = keys.len();
    let mut scores = Vec::new();
    let mut pred = Vec::new();
    let mut back = Vec::new();
    let mut mixed = Weights::new(nf);
    for run in 0..RUNS {
        let mut w = Weights::new(nf);
        let mut sum = Weights::new(nf); // sum of c * update, for averaging
        let mut c: f32 = 1.0;
        let mut order: Vec<usize> = (0..train_set.docs.len()).collect();
        let mut rng = SplitMix(config.seed.wrapping_add(run as u64));
        let mut best: Option<(f64, usize, Weights)> = None;
        for epoch in 1..=config.epochs.max(1) {
            shuffle(&mut order, &mut rng);
            let mut wrong_tokens = 0usize;
            let mut tokens = 0usize;
            for &di in &order {
                let (ds, de) = train_set.docs[di];
                history.clear();
                for ex in &train_set.sentences[ds..de] {
                    history.compute(ex);
                    w.decode(ex, &history, &mut scores, &mut pred, &mut back);
                    tokens += ex.gold.len();
                    let wrong = pred.iter().zip(&ex.gold).filter(|(p, g)| p != g).count();
                    wrong_tokens += wrong;
                    if wrong > 0 {
                        update(&mut w, &mut sum, ex, &history, &pred, c);
                    }
                    history.record(ex, &pred);
                    c += 1.0;
                }
            }
            let avg = w.averaged(&sum, c);
            let (p, r, f) = evaluate(&avg, &dev_set, &mut history);
            log(&format!(
            "epoch {epoch}: train token errors {wrong_tokens}/{tokens} ({:.2}%), dev P {:.2} R {:.2} F1 {:.2}",
            100.0 * wrong_tokens as f64 / tokens.max(1) as f64,
            100.0 * p,
            100.0 * r,
            100.0 * f
        ));
            if best.as_ref().is_none_or(|(bf, _, _)| f > *bf) {
                best = Some((f, epoch, avg));
            }
        }
        let Some((best_f, best_epoch, avg)) = best else {
            return Err(TrainError::Empty {
                path: config.train.clone(),
                what: "no epoch was run",
            });
        };
        log(&format!(
            "run {}: best epoch {best_epoch} (dev F1 {:.2})",
            run + 1,
            100.0 * best_f
        ));
        mixed.add(&avg);
    }
    let avg = mixed.scaled(1.0 / RUNS as f32);
    if RUNS > 1 {
        let (p, r, f) = evaluate(&avg, &dev_set, &mut history);
        log(&format!(
            "mean of {RUNS} runs: dev P {:.2} R {:.2} F1 {:.2}",
            100.0 * p,
            100.0 * r,
            100.0 * f
        ));
    }

    let mut rows: Vec<(u64, [f32; NUM_TAGS])> = Vec::new();
    for (i, &k) in keys.iter().enumerate() {
        let row = avg.row(i as u32);
        if row.iter().any(|x| x.abs() >= PRUNE) {
            let mut r = [0f32; NUM_TAGS];
            r.copy_from_slice(row);
            rows.push((k, r));
        }
    }
    rows.sort_by_key(|(k, _)| *k);
    let bytes = Model::write(&rows, &avg.trans, &avg.start, &avg.end);
    if let Some(dir) = config.output.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| TrainError::Io {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?;
        }
    }
    std::fs::write(&config.output, &bytes).map_err(|e| TrainError::Io {
        path: config.output.clone(),
        message: e.to_string(),
    })?;
    log(&format!(
        "wrote {} ({} features after pruning, {:.1} MB)",
        config.output.display(),
        rows.len(),
        bytes.len() as f64 / 1e6
    ));
    // Check the saved, quantised model through the tagging path itself.
    let model = Model::read(&bytes).map_err(TrainError::Model)?;
    let (p, r, f) = evaluate_model(&model, &gaz, &config.dev)?;
    log(&format!(
        "saved model on dev: P {:.2} R {:.2} F1 {:.2}",
        100.0 * p,
        100.0 * r,
        100.0 * f
    ));
    Ok(())
}

/// Reads a training or dev file: JSONL, one document a line, each with the
/// `sentences`, `tokens` and `entities` layers (offsets in code points, as
/// `lede` writes them). Refuses a file it cannot learn from: no document, a
/// document without one of those layers, no token, no entity at all, an
/// unknown label or an entity off the token boundaries.
pub fn read_documents(path: &Path) -> Result<Vec<Document>, TrainError> {
    Ok(read_numbered_documents(path)?
        .into_iter()
        .map(|(_, d)| d)
        .collect())
}

/// [`read_documents`] with each document's line number.
fn read_numbered_documents(path: &Path) -> Result<Vec<(usize, Document)>, TrainError> {
    let src = std::fs::read_to_string(path).map_err(|e| TrainError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut docs = Vec::new();
    let (mut tokens, mut entities) = (0usize, 0usize);
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = n + 1;
        let doc = from_json(line, OffsetUnit::CodePoints).map_err(|e| TrainError::Line {
            path: path.to_path_buf(),
            line: line_no,
            message: e.to_string(),
        })?;
        let missing = |layer| TrainError::MissingLayer {
            path: path.to_path_buf(),
            line: line_no,
            layer,
        };
        let sentences = doc
            .layers
            .sentences
            .as_deref()
            .ok_or(missing(layer::SENTENCES.as_str()))?;
        let toks = doc
            .layers
            .tokens
            .as_deref()
            .ok_or(missing(layer::TOKENS.as_str()))?;
        let ents = doc
            .layers
            .entities
            .as_deref()
            .ok_or(missing(layer::ENTITIES.as_str()))?;
        let layout = Layout::new(&doc.text, sentences, toks);
        if let Some(e) = ents.iter().find(|e| !aligned(&layout, e.span)) {
            return Err(TrainError::Misaligned {
                path: path.to_path_buf(),
                line: line_no,
                start: e.span.start(),
                end: e.span.end(),
            });
        }
        tokens += layout.tokens.len();
        entities += ents.len();
        docs.push((line_no, doc));
    }
    let empty = |what| TrainError::Empty {
        path: path.to_path_buf(),
        what,
    };
    if docs.is_empty() {
        return Err(empty("no document"));
    }
    if tokens == 0 {
        return Err(empty("no token inside a sentence"));
    }
    if entities == 0 {
        return Err(empty("no entity"));
    }
    Ok(docs)
}

/// Does `span` start and end on tokens of one sentence of the layout?
fn aligned(layout: &Layout, span: lede_core::Span) -> bool {
    let toks = &layout.tokens;
    let a = toks.partition_point(|t| t.span.start() < span.start());
    let b = toks.partition_point(|t| t.span.end() < span.end());
    let (Some(first), Some(last)) = (toks.get(a), toks.get(b)) else {
        return false;
    };
    first.span.start() == span.start()
        && last.span.end() == span.end()
        && a <= b
        && layout
            .sentences
            .get(layout.sentences.partition_point(|&(_, e)| e <= a))
            .is_some_and(|&(s, e)| s <= a && b < e)
}

/// Gold entities of a document as token ranges per sentence of its layout.
fn gold_tags(doc: &Document, layout: &Layout) -> Vec<Vec<usize>> {
    let entities = doc.layers.entities.as_deref().unwrap_or(&[]);
    layout
        .sentences
        .iter()
        .map(|&(s, e)| {
            let toks = &layout.tokens[s..e];
            let mut spans = Vec::new();
            for ent in entities {
                let a = toks.iter().position(|t| t.span.start() == ent.span.start());
                let b = toks.iter().position(|t| t.span.end() == ent.span.end());
                if let (Some(a), Some(b)) = (a, b) {
                    if a <= b {
                        spans.push((a, b + 1, coarse_of(ent.label)));
                    }
                }
            }
            encode(e - s, &spans)
        })
        .collect()
}

/// The coarse type of a (CoNLL or fine) label.
pub fn coarse_of(label: lede_core::EntityLabel) -> Coarse {
    match label.conll() {
        "PER" => Coarse::Per,
        "ORG" => Coarse::Org,
        "LOC" => Coarse::Loc,
        _ => Coarse::Misc,
    }
}

fn read_sentences(path: &Path, gaz: &Gazetteer) -> Result<Corpus<RawSentence>, TrainError> {
    let docs = read_documents(path)?;
    let mut out = Vec::new();
    let mut ranges = Vec::with_capacity(docs.len());
    for doc in &docs {
        let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
        let tokens = doc.layers.tokens.as_deref().unwrap_or(&[]);
        let layout = Layout::new(&doc.text, sentences, tokens);
        let words: Vec<Vec<&str>> = layout
            .sentences
            .iter()
            .map(|&(s, e)| {
                layout.tokens[s..e]
                    .iter()
                    .map(|t| doc.slice(t.span))
                    .collect()
            })
            .collect();
        let feats = document_features(&words, gaz);
        let mut golds = gold_tags(doc, &layout);
        let headlines: Vec<bool> = feats.iter().map(|sf| sf.headline).collect();
        let mut feats: Vec<Option<crate::tagger::SentenceFeatures>> =
            feats.into_iter().map(Some).collect();
        let start = out.len();
        for si in tagging_order(&headlines) {
            if let Some(sf) = feats[si].take() {
                out.push(RawSentence {
                    keys: sf.features,
                    offsets: sf.offsets,
                    gold: std::mem::take(&mut golds[si]),
                    infos: sf.infos,
                });
            }
        }
        ranges.push((start, out.len()));
    }
    Ok(Corpus {
        sentences: out,
        docs: ranges,
    })
}

/// Dense weights: `NUM_TAGS` per feature id, plus transitions.
#[derive(Clone)]
struct Weights {
    w: Vec<f32>,
    trans: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
}

impl Weights {
    fn new(n: usize) -> Weights {
        Weights {
            w: vec![0.0; n * NUM_TAGS],
            trans: vec![0.0; NUM_TAGS * NUM_TAGS],
            start: vec![0.0; NUM_TAGS],
            end: vec![0.0; NUM_TAGS],
        }
    }

    fn row(&self, id: u32) -> &[f32] {
        let s = id as usize * NUM_TAGS;
        &self.w[s..s + NUM_TAGS]
    }

    fn decode(
        &self,
        ex: &Example,
        history: &HistoryIds,
        scores: &mut Vec<f32>,
        out: &mut Vec<usize>,
        back: &mut Vec<u8>,
    ) {
        let n = ex.gold.len();
        scores.clear();
        scores.resize(n * NUM_TAGS, 0.0);
        for i in 0..n {
            let row_out = &mut scores[i * NUM_TAGS..(i + 1) * NUM_TAGS];
            let own = &ex.ids[ex.offsets[i] as usize..ex.offsets[i + 1] as usize];
            for &id in own.iter().chain(history.token(i)) {
                for (o, x) in row_out.iter_mut().zip(self.row(id)) {
                    *o += x;
                }
            }
        }
        viterbi(scores, &self.trans, &self.start, &self.end, out, back);
    }

    /// Adds `other` to these weights.
    fn add(&mut self, other: &Weights) {
        let pairs = [
            (&mut self.w, &other.w),
            (&mut self.trans, &other.trans),
            (&mut self.start, &other.start),
            (&mut self.end, &other.end),
        ];
        for (a, b) in pairs {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
    }

    /// These weights times `k`.
    fn scaled(&self, k: f32) -> Weights {
        let s = |a: &[f32]| a.iter().map(|x| x * k).collect();
        Weights {
            w: s(&self.w),
            trans: s(&self.trans),
            start: s(&self.start),
            end: s(&self.end),
        }
    }

    fn averaged(&self, sum: &Weights, c: f32) -> Weights {
        let avg = |a: &[f32], s: &[f32]| -> Vec<f32> {
            a.iter().zip(s).map(|(w, u)| w - u / c).collect()
        };
        Weights {
            w: avg(&self.w, &sum.w),
            trans: avg(&self.trans, &sum.trans),
            start: avg(&self.start, &sum.start),
            end: avg(&self.end, &sum.end),
        }
    }
}

fn update(
    w: &mut Weights,
    sum: &mut Weights,
    ex: &Example,
    history: &HistoryIds,
    pred: &[usize],
    c: f32,
) {
    let n = ex.gold.len();
    for i in 0..n {
        let (g, p) = (ex.gold[i], pred[i]);
        if g != p {
            let own = &ex.ids[ex.offsets[i] as usize..ex.offsets[i + 1] as usize];
            for &id in own.iter().chain(history.token(i)) {
                let base = id as usize * NUM_TAGS;
                w.w[base + g] += 1.0;
                w.w[base + p] -= 1.0;
                sum.w[base + g] += c;
                sum.w[base + p] -= c;
            }
        }
        if i == 0 {
            if g != p {
                w.start[g] += 1.0;
                w.start[p] -= 1.0;
                sum.start[g] += c;
                sum.start[p] -= c;
            }
        } else {
            let gp = ex.gold[i - 1] * NUM_TAGS + g;
            let pp = pred[i - 1] * NUM_TAGS + p;
            if gp != pp {
                w.trans[gp] += 1.0;
                w.trans[pp] -= 1.0;
                sum.trans[gp] += c;
                sum.trans[pp] -= c;
            }
        }
        if i + 1 == n && g != p {
            w.end[g] += 1.0;
            w.end[p] -= 1.0;
            sum.end[g] += c;
            sum.end[p] -= c;
        }
    }
}

/// Exact-span micro P/R/F1 of the weights on examples.
fn evaluate(w: &Weights, set: &Corpus<Example>, history: &mut HistoryIds) -> (f64, f64, f64) {
    let (mut scores, mut pred, mut back) = (Vec::new(), Vec::new(), Vec::new());
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for &(ds, de) in &set.docs {
        history.clear();
        for ex in &set.sentences[ds..de] {
            history.compute(ex);
            w.decode(ex, history, &mut scores, &mut pred, &mut back);
            history.record(ex, &pred);
            let p = decode_spans(&pred);
            let g = decode_spans(&ex.gold);
            np += p.len();
            ng += g.len();
            tp += p.iter().filter(|s| g.contains(s)).count();
        }
    }
    prf(tp, np, ng)
}

fn prf(tp: usize, np: usize, ng: usize) -> (f64, f64, f64) {
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let r = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Exact-span micro P/R/F1 of a saved model's raw tagger output on a
/// CoNLL-style file, with per-type counts.
pub fn evaluate_model(
    model: &Model,
    gaz: &Gazetteer,
    path: &Path,
) -> Result<(f64, f64, f64), TrainError> {
    let docs = read_documents(path)?;
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for doc in &docs {
        let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
        let tokens = doc.layers.tokens.as_deref().unwrap_or(&[]);
        let layout = Layout::new(&doc.text, sentences, tokens);
        let found = crate::tagger::tag_layout(model, gaz, &doc.text, &layout);
        let gold: Vec<(usize, usize, Coarse)> = doc
            .layers
            .entities
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(|e| (e.span.start(), e.span.end(), coarse_of(e.label)))
            .collect();
        np += found.len();
        ng += gold.len();
        tp += found
            .iter()
            .filter(|e| gold.contains(&(e.span.start(), e.span.end(), e.kind)))
            .count();
    }
    Ok(prf(tp, np, ng))
}

fn shuffle(v: &mut [usize], rng: &mut SplitMix) {
    for i in (1..v.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}
