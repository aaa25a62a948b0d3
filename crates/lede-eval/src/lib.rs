//! lede-eval: scores predicted documents against gold annotations, layer by
//! layer, with precision, recall and F1 (and accuracies for the attributes
//! of matched numbers and quotes).
//!
//! It compares documents that already exist in memory: it does not read
//! files, run pipelines or print (the `lede eval` command does that). All
//! spans are compared as byte spans, which is equivalent to comparing the
//! code-point offsets of the gold file.
//!
//! What counts as a match, per layer:
//! - **sentences**: exact span match (start and end both equal). This is
//!   stricter than boundary F1; `sentence_ends` is the boundary F1, where each
//!   sentence end offset is one item.
//! - **tokens**: exact span match.
//! - **entities**: exact span and label. Gold `LANGUAGE` entities (outside the
//!   project's label set, see the gold guidelines) and predicted `LANGUAGE`
//!   entities are dropped. With [`LabelMap::Conll`] both sides are mapped to
//!   PER/ORG/LOC/MISC first.
//! - **numbers**: exact span; on matched spans, kind accuracy and value
//!   accuracy (numbers equal within 1e-9 relative, strings exactly).
//! - **quotes**: overlap matching (a shared character is enough), one to one,
//!   over gold quotes of kind direct or partial. Gold `scare` quotes are
//!   don't-care: a prediction overlapping one is neither a hit nor a false
//!   alarm, and missing one costs nothing. Predicted `scare` quotes are
//!   ignored. Speaker accuracy is measured on matched quotes: a speaker is
//!   right when its mention at the cue (or the name mention it resolved to)
//!   overlaps the gold source span, or when the gold names the person it
//!   resolved to; both figures are reported, with the accuracy split by gold
//!   sources that are names and pronouns, the null-speaker rate, and the
//!   number of gold quotes no predicted quote of any kind overlaps, and
//!   the number of quoted stretches of the text (by its marks) that no
//!   predicted quote overlaps.
//!
//! A layer is scored only when at least one gold document carries it, and
//! only on the documents whose gold carries it. A predicted document that
//! lacks the layer counts as predicting nothing.

#![forbid(unsafe_code)]

pub mod cases;
mod stretches;

pub use stretches::quoted_stretches;

use std::collections::BTreeMap;

use lede_core::{Document, Entity, EntityLabel, NumberValue, Quote, QuoteKind, Span, Speaker};
use serde_json::{json, Value};

/// True positives, false positives and false negatives of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 0 when the gold has nothing.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    fn to_json(self) -> Value {
        json!({
            "tp": self.tp, "fp": self.fp, "fn": self.fn_,
            "precision": self.precision(), "recall": self.recall(), "f1": self.f1(),
        })
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// `correct` out of `total`, with `None` for an empty total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> Option<f64> {
        (self.total > 0).then(|| self.correct as f64 / self.total as f64)
    }

    fn add(&mut self, other: Accuracy) {
        self.correct += other.correct;
        self.total += other.total;
    }

    fn to_json(self) -> Value {
        json!({"correct": self.correct, "total": self.total, "accuracy": self.value()})
    }

    /// One item, right or not.
    fn of(right: bool) -> Accuracy {
        Accuracy {
            correct: usize::from(right),
            total: 1,
        }
    }
}

impl QuoteScores {
    fn add(&mut self, other: &QuoteScores) {
        self.spans.add(other.spans);
        self.speaker.add(other.speaker);
        self.speaker_mention.add(other.speaker_mention);
        self.speaker_resolved.add(other.speaker_resolved);
        self.speaker_named.add(other.speaker_named);
        self.speaker_pronoun.add(other.speaker_pronoun);
        self.null_speaker.add(other.null_speaker);
        self.not_emitted += other.not_emitted;
        self.dropped += other.dropped;
    }
}

/// Which entity labels are compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelMap {
    /// The OntoNotes labels as written.
    #[default]
    OntoNotes,
    /// Both sides mapped to CoNLL PER/ORG/LOC/MISC ([`EntityLabel::conll`]).
    Conll,
}

impl LabelMap {
    fn label(self, label: EntityLabel) -> &'static str {
        match self {
            LabelMap::OntoNotes => label.as_str(),
            LabelMap::Conll => label.conll(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LabelMap::OntoNotes => "ontonotes",
            LabelMap::Conll => "conll",
        }
    }
}

/// Entity scores: micro-averaged over all labels, and per label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityScores {
    pub micro: Counts,
    pub per_label: BTreeMap<String, Counts>,
}

/// Number scores: span F1, and kind/value accuracy on matched spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumberScores {
    pub spans: Counts,
    pub kind: Accuracy,
    pub value: Accuracy,
}

/// Quote scores: span F1 with overlap matching, and speaker accuracy on
/// matched quotes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteScores {
    pub spans: Counts,
    /// Right by either rule below (see [`same_speaker`]).
    pub speaker: Accuracy,
    /// Right because the predicted mention overlaps the gold source span
    /// (the words at the cue).
    pub speaker_mention: Accuracy,
    /// Right because the gold names the person the prediction resolved to.
    pub speaker_resolved: Accuracy,
    /// [`QuoteScores::speaker`] on quotes whose gold source is a name or
    /// noun phrase, and on those whose gold source is a pronoun.
    pub speaker_named: Accuracy,
    pub speaker_pronoun: Accuracy,
    /// Matched quotes whose gold has a speaker but the prediction none.
    pub null_speaker: Accuracy,
    /// Gold quotes (any kind) that no predicted quote of any kind
    /// overlaps: quoted stretches the pipeline did not emit.
    pub not_emitted: usize,
    /// Quoted stretches of the text (as its marks draw them, see
    /// [`quoted_stretches`]) that no predicted quote of any kind overlaps.
    pub dropped: usize,
}

/// The scores of a whole gold set. A field is `None` when no gold document
/// carries that layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub documents: usize,
    pub label_map: LabelMap,
    pub sentences: Option<Counts>,
    pub sentence_ends: Option<Counts>,
    pub tokens: Option<Counts>,
    pub entities: Option<EntityScores>,
    pub numbers: Option<NumberScores>,
    pub quotes: Option<QuoteScores>,
    /// Layers the gold carries that no predicted document has (the pipeline
    /// does not produce them), so their recall is 0 by construction.
    pub not_predicted: Vec<String>,
}

/// Why two sets of documents cannot be scored against each other.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    #[error("{gold} gold documents but {predicted} predicted ones")]
    CountMismatch { gold: usize, predicted: usize },
    #[error("document {id:?}: predicted text differs from the gold text")]
    TextDiffers { id: String },
}

/// Scores `predicted` against `gold`, pairing documents by position (they
/// must be the same texts in the same order; a pair whose texts differ is
/// reported as an error).
pub fn evaluate(
    gold: &[Document],
    predicted: &[Document],
    map: LabelMap,
) -> Result<Report, EvalError> {
    if gold.len() != predicted.len() {
        return Err(EvalError::CountMismatch {
            gold: gold.len(),
            predicted: predicted.len(),
        });
    }
    let mut report = Report {
        documents: gold.len(),
        label_map: map,
        ..Report::default()
    };
    for (g, p) in gold.iter().zip(predicted) {
        if g.text != p.text {
            return Err(EvalError::TextDiffers { id: g.id.clone() });
        }
        let gl = &g.layers;
        let pl = &p.layers;
        if let Some(gold_sentences) = &gl.sentences {
            let pred = pl.sentences.as_deref().unwrap_or(&[]);
            add_to(&mut report.sentences, exact_spans(gold_sentences, pred));
            let gold_ends: Vec<usize> = gold_sentences.iter().map(Span::end).collect();
            let pred_ends: Vec<usize> = pred.iter().map(Span::end).collect();
            add_to(&mut report.sentence_ends, exact_items(gold_ends, pred_ends));
        }
        if let Some(gold_tokens) = &gl.tokens {
            let g_spans: Vec<Span> = gold_tokens.iter().map(|t| t.span).collect();
            let p_spans: Vec<Span> = pl.tokens.iter().flatten().map(|t| t.span).collect();
            add_to(&mut report.tokens, exact_spans(&g_spans, &p_spans));
        }
        if let Some(gold_entities) = &gl.entities {
            let pred = pl.entities.as_deref().unwrap_or(&[]);
            let scores = score_entities(gold_entities, pred, map);
            let total = report.entities.get_or_insert_with(EntityScores::default);
            total.micro.add(scores.micro);
            for (label, counts) in scores.per_label {
                total.per_label.entry(label).or_default().add(counts);
            }
        }
        if let Some(gold_numbers) = &gl.numbers {
            let pred = pl.numbers.as_deref().unwrap_or(&[]);
            let scores = score_numbers(gold_numbers, pred);
            let total = report.numbers.get_or_insert_with(NumberScores::default);
            total.spans.add(scores.spans);
            total.kind.add(scores.kind);
            total.value.add(scores.value);
        }
        if let Some(gold_quotes) = &gl.quotes {
            let pred = pl.quotes.as_deref().unwrap_or(&[]);
            let scores = score_quotes(g, gold_quotes, p, pred);
            let total = report.quotes.get_or_insert_with(QuoteScores::default);
            total.add(&scores);
        }
    }
    for name in lede_core::layer::BUILT_IN {
        let in_gold = gold.iter().any(|d| d.layers.has(name));
        let in_pred = predicted.iter().any(|d| d.layers.has(name));
        if in_gold && !in_pred {
            report.not_predicted.push(name.to_string());
        }
    }
    Ok(report)
}

fn add_to(total: &mut Option<Counts>, counts: Counts) {
    total.get_or_insert_with(Counts::default).add(counts);
}

/// Multiset comparison of two lists of items: an item is a hit as many times
/// as it occurs on both sides.
fn exact_items<T: Ord>(mut gold: Vec<T>, mut pred: Vec<T>) -> Counts {
    gold.sort();
    pred.sort();
    let (mut i, mut j, mut tp) = (0, 0, 0);
    while i < gold.len() && j < pred.len() {
        match gold[i].cmp(&pred[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Counts {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Exact span F1 counts.
pub fn exact_spans(gold: &[Span], pred: &[Span]) -> Counts {
    exact_items(gold.to_vec(), pred.to_vec())
}

/// Entity counts for one document: exact span and label, micro and per
/// label (a predicted entity with the right span but the wrong label is a
/// false positive of its label and a miss of the gold label).
pub fn score_entities(gold: &[Entity], pred: &[Entity], map: LabelMap) -> EntityScores {
    let keep = |e: &&Entity| e.label != EntityLabel::Language;
    let key = |e: &Entity| (e.span, map.label(e.label));
    let gold: Vec<(Span, &str)> = gold.iter().filter(keep).map(key).collect();
    let pred: Vec<(Span, &str)> = pred.iter().filter(keep).map(key).collect();
    let mut labels: Vec<&str> = gold.iter().chain(&pred).map(|(_, l)| *l).collect();
    labels.sort_unstable();
    labels.dedup();
    let mut per_label = BTreeMap::new();
    for label in labels {
        let g: Vec<Span> = gold
            .iter()
            .filter(|(_, l)| *l == label)
            .map(|(s, _)| *s)
            .collect();
        let p: Vec<Span> = pred
            .iter()
            .filter(|(_, l)| *l == label)
            .map(|(s, _)| *s)
            .collect();
        per_label.insert(label.to_string(), exact_spans(&g, &p));
    }
    EntityScores {
        micro: exact_items(gold, pred),
        per_label,
    }
}

/// True when two normalised values are the same: numbers within 1e-9
/// relative difference, strings exactly, and two unstated amounts (`null`).
pub fn same_value(a: &NumberValue, b: &NumberValue) -> bool {
    if a.is_unstated() || b.is_unstated() {
        return a.is_unstated() && b.is_unstated();
    }
    match (a, b) {
        (NumberValue::Number(x), NumberValue::Number(y)) => {
            x == y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs())
        }
        (NumberValue::Text(x), NumberValue::Text(y)) => x == y,
        _ => false,
    }
}

/// Number counts for one document: exact span F1, and on each matched span
/// whether kind and value agree.
pub fn score_numbers(
    gold: &[lede_core::NumberAnnotation],
    pred: &[lede_core::NumberAnnotation],
) -> NumberScores {
    let g_spans: Vec<Span> = gold.iter().map(|n| n.span).collect();
    let p_spans: Vec<Span> = pred.iter().map(|n| n.span).collect();
    let mut scores = NumberScores {
        spans: exact_spans(&g_spans, &p_spans),
        ..NumberScores::default()
    };
    let mut used = vec![false; pred.len()];
    for g in gold {
        let found = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.span == g.span);
        if let Some((i, p)) = found {
            used[i] = true;
            scores.kind.total += 1;
            scores.value.total += 1;
            scores.kind.correct += usize::from(p.kind == g.kind);
            scores.value.correct += usize::from(same_value(&p.value, &g.value));
        }
    }
    scores
}

fn overlap(a: Span, b: Span) -> usize {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

/// Quote counts for one document (see the crate docs for the rules). The
/// documents are needed to read speaker texts.
pub fn score_quotes(
    gold_doc: &Document,
    gold: &[Quote],
    pred_doc: &Document,
    pred: &[Quote],
) -> QuoteScores {
    let scored: Vec<&Quote> = gold.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
    let dont_care: Vec<Span> = gold
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .map(|q| q.span)
        .collect();
    let mut scores = QuoteScores {
        not_emitted: gold
            .iter()
            .filter(|g| !pred.iter().any(|p| overlap(g.span, p.span) > 0))
            .count(),
        dropped: quoted_stretches(&pred_doc.text)
            .into_iter()
            .filter(|s| !pred.iter().any(|p| overlap(*s, p.span) > 0))
            .count(),
        ..QuoteScores::default()
    };
    let pred: Vec<&Quote> = pred.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
    let mut used = vec![false; pred.len()];
    for g in &scored {
        // The unused prediction that overlaps this gold quote the most
        // (the earliest on a tie).
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in pred.iter().enumerate() {
            let shared = overlap(g.span, p.span);
            let better = match best {
                None => true,
                Some((_, b)) => shared > b,
            };
            if !used[i] && shared > 0 && better {
                best = Some((i, shared));
            }
        }
        match best {
            Some((i, _)) => {
                used[i] = true;
                scores.spans.tp += 1;
                scores.speaker.total += 1;
                let right = same_speaker(
                    gold_doc,
                    g.speaker.as_ref(),
                    pred_doc,
                    pred[i].speaker.as_ref(),
                );
                scores.speaker.correct += usize::from(right);
                let (gs, ps) = (g.speaker.as_ref(), pred[i].speaker.as_ref());
                let mention = mention_right(gs, ps);
                let resolved = names_right(gold_doc, gs, pred_doc, ps);
                scores
                    .speaker_mention
                    .add(Accuracy::of(mention || (gs, ps) == (None, None)));
                scores
                    .speaker_resolved
                    .add(Accuracy::of(resolved || (gs, ps) == (None, None)));
                let by_pronoun = gs.is_some_and(|sp| is_pronoun(&sp.text));
                if by_pronoun {
                    scores.speaker_pronoun.add(Accuracy::of(right));
                } else {
                    scores.speaker_named.add(Accuracy::of(right));
                }
                if gs.is_some() {
                    scores.null_speaker.add(Accuracy::of(ps.is_none()));
                }
            }
            None => scores.spans.fn_ += 1,
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] && !dont_care.iter().any(|s| overlap(*s, p.span) > 0) {
            scores.spans.fp += 1;
        }
    }
    scores
}

/// Whether a predicted speaker agrees with the gold one: both absent; or the
/// speaker mentions overlap; or the predicted text or canonical name equals
/// the gold name (ignoring case); or one of them ends with the other as whole
/// words ("Witkoff" / "Steve Witkoff").
pub fn same_speaker(
    gold_doc: &Document,
    gold: Option<&Speaker>,
    pred_doc: &Document,
    pred: Option<&Speaker>,
) -> bool {
    let (g, p) = match (gold, pred) {
        (None, None) => return true,
        (Some(g), Some(p)) => (g, p),
        _ => return false,
    };
    mention_right(Some(g), Some(p)) || names_right(gold_doc, Some(g), pred_doc, Some(p))
}

/// The predicted mention (or the name mention it resolved to) overlaps the
/// gold source span.
fn mention_right(gold: Option<&Speaker>, pred: Option<&Speaker>) -> bool {
    let (Some(g), Some(p)) = (gold, pred) else {
        return false;
    };
    let Some(gs) = g.span else {
        return false;
    };
    [p.span, p.entity]
        .into_iter()
        .flatten()
        .any(|ps| overlap(gs, ps) > 0)
}

/// The gold name and a name the prediction is known by (its text, its
/// resolved name, the text of its span) agree, ignoring case, or one ends
/// with the other as whole words ("Witkoff" / "Steve Witkoff").
fn names_right(
    gold_doc: &Document,
    gold: Option<&Speaker>,
    pred_doc: &Document,
    pred: Option<&Speaker>,
) -> bool {
    let (Some(g), Some(p)) = (gold, pred) else {
        return false;
    };
    let gold_names = speaker_names(gold_doc, g);
    let pred_names = speaker_names(pred_doc, p);
    gold_names.iter().any(|gn| {
        pred_names
            .iter()
            .any(|pn| whole_word_suffix(gn, pn) || whole_word_suffix(pn, gn))
    })
}

/// A gold source written as a personal pronoun ("he", "They").
pub fn is_pronoun(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "i"
            | "we"
            | "you"
            | "him"
            | "her"
            | "them"
            | "his"
            | "their"
            | "its"
    )
}

/// The non-empty, lower-cased names a speaker is known by: its text, its
/// canonical name, and the text its span covers.
fn speaker_names(doc: &Document, speaker: &Speaker) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let span_text = speaker.span.map(|s| doc.slice(s));
    for name in [
        Some(speaker.text.as_str()),
        speaker.canonical.as_deref(),
        span_text,
    ]
    .into_iter()
    .flatten()
    {
        let name = name.trim().to_lowercase();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// True when `long` equals `short`, or ends with it right after white space.
fn whole_word_suffix(long: &str, short: &str) -> bool {
    if short.is_empty() {
        return false;
    }
    match long.strip_suffix(short) {
        Some("") => true,
        Some(head) => head.ends_with(char::is_whitespace),
        None => false,
    }
}

impl Report {
    /// The machine-readable form printed by `lede eval --json`.
    pub fn to_json(&self) -> Value {
        let mut layers = serde_json::Map::new();
        if let Some(c) = self.sentences {
            layers.insert("sentences".into(), c.to_json());
        }
        if let Some(c) = self.sentence_ends {
            layers.insert("sentence_ends".into(), c.to_json());
        }
        if let Some(c) = self.tokens {
            layers.insert("tokens".into(), c.to_json());
        }
        if let Some(e) = &self.entities {
            let mut v = e.micro.to_json();
            let per_label: serde_json::Map<String, Value> = e
                .per_label
                .iter()
                .map(|(label, c)| (label.clone(), c.to_json()))
                .collect();
            v["per_label"] = Value::Object(per_label);
            layers.insert("entities".into(), v);
        }
        if let Some(n) = &self.numbers {
            let mut v = n.spans.to_json();
            v["kind"] = n.kind.to_json();
            v["value"] = n.value.to_json();
            layers.insert("numbers".into(), v);
        }
        if let Some(q) = &self.quotes {
            let mut v = q.spans.to_json();
            v["speaker"] = q.speaker.to_json();
            v["speaker_mention"] = q.speaker_mention.to_json();
            v["speaker_resolved"] = q.speaker_resolved.to_json();
            v["speaker_named"] = q.speaker_named.to_json();
            v["speaker_pronoun"] = q.speaker_pronoun.to_json();
            v["null_speaker"] = q.null_speaker.to_json();
            v["not_emitted"] = json!(q.not_emitted);
            v["dropped"] = json!(q.dropped);
            layers.insert("quotes".into(), v);
        }
        json!({
            "documents": self.documents,
            "label_map": self.label_map.as_str(),
            "layers": layers,
            "not_predicted": self.not_predicted,
        })
    }

    /// The table printed by `lede eval`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{} documents, entity labels: {}\n\n",
            self.documents,
            self.label_map.as_str()
        ));
        out.push_str(&format!(
            "{:<22} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
            "layer", "tp", "fp", "fn", "P", "R", "F1"
        ));
        let mut row = |name: &str, c: Counts| {
            out.push_str(&format!(
                "{:<22} {:>6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}\n",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            ));
        };
        if let Some(c) = self.sentences {
            row("sentences (exact)", c);
        }
        if let Some(c) = self.sentence_ends {
            row("sentence ends", c);
        }
        if let Some(c) = self.tokens {
            row("tokens", c);
        }
        if let Some(e) = &self.entities {
            row("entities (micro)", e.micro);
            for (label, c) in &e.per_label {
                row(&format!("  {label}"), *c);
            }
        }
        if let Some(n) = &self.numbers {
            row("numbers", n.spans);
        }
        if let Some(q) = &self.quotes {
            row("quotes (overlap)", q.spans);
        }
        let mut extra = Vec::new();
        let fmt_acc = |a: Accuracy| match a.value() {
            Some(v) => format!("{v:.3} ({}/{})", a.correct, a.total),
            None => "- (no matches)".to_string(),
        };
        if let Some(n) = &self.numbers {
            extra.push(format!("numbers: kind accuracy {}", fmt_acc(n.kind)));
            extra.push(format!("numbers: value accuracy {}", fmt_acc(n.value)));
        }
        if let Some(q) = &self.quotes {
            extra.push(format!("quotes: speaker accuracy {}", fmt_acc(q.speaker)));
            extra.push(format!(
                "quotes: speaker mention at the cue {}",
                fmt_acc(q.speaker_mention)
            ));
            extra.push(format!(
                "quotes: speaker resolved name {}",
                fmt_acc(q.speaker_resolved)
            ));
            extra.push(format!(
                "quotes: speaker, named sources {}",
                fmt_acc(q.speaker_named)
            ));
            extra.push(format!(
                "quotes: speaker, pronoun sources {}",
                fmt_acc(q.speaker_pronoun)
            ));
            extra.push(format!(
                "quotes: null speaker rate {}",
                fmt_acc(q.null_speaker)
            ));
            extra.push(format!(
                "quotes: gold quoted stretches not emitted {}",
                q.not_emitted
            ));
            extra.push(format!("quotes: quoted stretches dropped {}", q.dropped));
        }
        if !extra.is_empty() {
            out.push('\n');
            for line in extra {
                out.push_str(&line);
                out.push('\n');
            }
        }
        if !self.not_predicted.is_empty() {
            out.push_str(&format!(
                "\nnot produced by the pipeline: {}\n",
                self.not_predicted.join(", ")
            ));
        }
        out
    }
}
