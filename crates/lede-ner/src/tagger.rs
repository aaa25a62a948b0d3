//! From a document's sentences and tokens to coarse entity spans: features
//! per token, model scores, Viterbi. Training uses the same extraction.

use lede_core::{Span, Token, TokenKind};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher as StdHasher};

use crate::features::{
    boundary_neighbours, has_history, history_features, is_headline, neighbour_at, role_features,
    sparse_context_features, tagging_order, token_features, ClassKey, DocContext, History, Role,
    TokenInfo,
};
use crate::gazetteer::{Gazetteer, IdentityMap};
use crate::model::{decode_spans, split, Coarse, Model, NUM_TAGS};
use crate::scores::{add_row, FormScores};

/// The features of one sentence, flat: token `i` owns
/// `features[offsets[i]..offsets[i + 1]]`.
#[derive(Default, Clone)]
pub struct SentenceFeatures {
    pub features: Vec<u64>,
    pub offsets: Vec<u32>,
    /// The token infos the features were computed from.
    pub infos: Vec<TokenInfo>,
    pub headline: bool,
}

impl SentenceFeatures {
    pub fn token(&self, i: usize) -> &[u64] {
        let s = self.offsets[i] as usize;
        let e = self.offsets[i + 1] as usize;
        &self.features[s..e]
    }
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Features of every sentence of a document, given each sentence's token
/// texts.
pub fn document_features(sentences: &[Vec<&str>], gaz: &Gazetteer) -> Vec<SentenceFeatures> {
    let infos: Vec<Vec<TokenInfo>> = sentences
        .iter()
        .map(|words| {
            let mut infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
            gaz.mark(words, &mut infos);
            infos
        })
        .collect();
    let ctx = DocContext::new(infos.iter().map(Vec::as_slice));
    infos
        .iter()
        .map(|sent| {
            let headline = is_headline(sent);
            let mut sf = SentenceFeatures {
                features: Vec::with_capacity(sent.len() * 40),
                offsets: Vec::with_capacity(sent.len() + 1),
                infos: sent.clone(),
                headline,
            };
            sf.offsets.push(0);
            for i in 0..sent.len() {
                token_features(sent, i, headline, &ctx, &mut sf.features);
                sf.offsets.push(sf.features.len() as u32);
            }
            sf
        })
        .collect()
}

/// A coarse entity found by the tagger: token range within the document's
/// clean token list, and its byte span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoarseEntity {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub kind: Coarse,
}

/// The document's tokens cleaned for tagging: sorted, inside the text,
/// non-overlapping, grouped by the sentence that contains them.
pub struct Layout {
    pub tokens: Vec<Token>,
    /// Token index ranges, one per sentence.
    pub sentences: Vec<(usize, usize)>,
}

impl Layout {
    /// Tolerates any layers: tokens outside the text or overlapping an
    /// earlier token are dropped; tokens not inside one sentence are left out.
    pub fn new(text: &str, sentences: &[Span], tokens: &[Token]) -> Layout {
        let mut toks: Vec<Token> = tokens
            .iter()
            .copied()
            .filter(|t| !t.span.is_empty() && text.get(t.span.start()..t.span.end()).is_some())
            .collect();
        toks.sort_by_key(|t| (t.span.start(), t.span.end()));
        let mut clean: Vec<Token> = Vec::with_capacity(toks.len());
        for t in toks {
            if clean.last().is_none_or(|p| p.span.end() <= t.span.start()) {
                clean.push(t);
            }
        }
        let mut sents: Vec<Span> = sentences
            .iter()
            .copied()
            .filter(|s| text.get(s.start()..s.end()).is_some())
            .collect();
        sents.sort();
        let mut ranges = Vec::with_capacity(sents.len());
        let mut kept = Vec::with_capacity(clean.len());
        let mut ti = 0;
        let mut last_end = 0;
        for s in sents {
            if s.start() < last_end {
                continue; // overlapping sentences: keep the first
            }
            last_end = s.end();
            while ti < clean.len() && clean[ti].span.start() < s.start() {
                ti += 1;
            }
            let first = kept.len();
            while ti < clean.len() && clean[ti].span.end() <= s.end() {
                kept.push(clean[ti]);
                ti += 1;
            }
            if kept.len() > first {
                ranges.push((first, kept.len()));
            }
        }
        Layout {
            tokens: kept,
            sentences: ranges,
        }
    }
}

/// What the tagger reads of a document, kept for the rule layer: token
/// texts, token infos (gazetteer marks included) and the longest gazetteer
/// entry starting at each token within its sentence.
pub struct Analysis<'t> {
    pub words: Vec<&'t str>,
    pub infos: Vec<TokenInfo>,
    pub gaz_at: Vec<Option<(usize, u16)>>,
}

impl<'t> Analysis<'t> {
    pub fn new(gaz: &Gazetteer, text: &'t str, layout: &Layout) -> Analysis<'t> {
        let n = layout.tokens.len();
        let mut words: Vec<&str> = Vec::with_capacity(n);
        let mut infos: Vec<TokenInfo> = Vec::with_capacity(n);
        let mut forms: Vec<(TokenInfo, Option<u64>)> = Vec::with_capacity(n / 2);
        let mut keys: Vec<Option<u64>> = Vec::with_capacity(n);
        // News repeats its words: each distinct text is read once (its
        // infos and its gazetteer key).
        let mut index: HashMap<&str, u32, BuildHasherDefault<TextHasher>> =
            HashMap::with_capacity_and_hasher(n / 2, Default::default());
        for t in &layout.tokens {
            let w = t.span.text(text);
            words.push(w);
            let next = forms.len() as u32;
            let id = *index.entry(w).or_insert(next);
            if id == next {
                let mut info = TokenInfo::new(w);
                info.classes = gaz.clusters.of(&info);
                forms.push((info, gaz.start_key(w)));
            }
            let (info, key) = forms[id as usize];
            infos.push(info);
            keys.push(key);
        }
        let mut gaz_at = vec![None; n];
        for &(s, e) in &layout.sentences {
            for (i, slot) in gaz_at.iter_mut().enumerate().take(e).skip(s) {
                *slot = gaz.longest_at_keyed(&words[s..e], &keys[s..e], i - s);
            }
            Gazetteer::mark_from(&gaz_at[s..e], &mut infos[s..e]);
        }
        Analysis {
            words,
            infos,
            gaz_at,
        }
    }
}

/// A fast hash for token texts (multiply-rotate over 8-byte words): a
/// keyed hash per token would cost more than reading the token.
#[derive(Default)]
struct TextHasher(u64);

const TEXT_K: u64 = 0x517c_c1b7_2722_0a95;

impl StdHasher for TextHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // The well-mixed high bits to where the table looks first.
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(TEXT_K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = 0u64;
            for &b in rest {
                w = w << 8 | b as u64;
            }
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(TEXT_K);
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(TEXT_K);
    }
}

/// Reusable buffers for one call.
#[derive(Default)]
struct Scratch {
    back: Vec<u8>,
    tags: Vec<usize>,
}

/// Runs the model over a laid-out document.
pub fn tag_layout(
    model: &Model,
    gaz: &Gazetteer,
    text: &str,
    layout: &Layout,
) -> Vec<CoarseEntity> {
    let analysis = Analysis::new(gaz, text, layout);
    tag_analysis(model, text, layout, &analysis)
}

/// Runs the model over an analysed document.
pub fn tag_analysis(
    model: &Model,
    text: &str,
    layout: &Layout,
    analysis: &Analysis,
) -> Vec<CoarseEntity> {
    let infos = &analysis.infos;
    let ctx = DocContext::new(layout.sentences.iter().map(|&(s, e)| &infos[s..e]));
    // Scores of the features that depend on one word form alone, per form
    // (from the model's cache, shared by documents): the token's own and,
    // for each neighbour role, those it gives the token next to it. Each
    // token then needs only the lookups of the features of word pairs; the
    // class and gazetteer features come from tables. Forms are told apart
    // by the infos the tagger is given, which a caller may have edited.
    let mut index: IdentityMap<u32> =
        IdentityMap::with_capacity_and_hasher(infos.len() / 2, Default::default());
    let mut distinct: Vec<TokenInfo> = Vec::with_capacity(infos.len() / 2);
    let mut form_of: Vec<u32> = Vec::with_capacity(infos.len());
    for info in infos {
        let next = distinct.len() as u32;
        let id = *index.entry(info.word).or_insert(next);
        if id == next {
            distinct.push(*info);
        }
        form_of.push(id);
    }
    drop(index);
    let mut forms: Vec<FormScores> = Vec::with_capacity(distinct.len());
    model.forms.resolve(model, &distinct, &mut forms);
    drop(distinct);
    let headlines: Vec<bool> = layout
        .sentences
        .iter()
        .map(|&(s, e)| is_headline(&infos[s..e]))
        .collect();
    let decoder = SentenceDecoder {
        model,
        layout,
        infos,
        form_of: &form_of,
        forms: &forms,
        ctx: &ctx,
        headlines: &headlines,
    };
    let mut feats = Vec::with_capacity(64);
    let mut scratch = Scratch::default();
    // Pass 1, in tagging order: each sentence sees what was predicted for
    // its word forms in the sentences before it.
    let mut history: IdentityMap<History> = IdentityMap::default();
    let mut hist: Vec<History> = Vec::new();
    let mut tags = vec![0usize; infos.len()];
    for si in tagging_order(&headlines) {
        let (first, end) = layout.sentences[si];
        let sent = &infos[first..end];
        hist.clear();
        hist.extend(sent.iter().map(|t| {
            if has_history(t) {
                history.get(&t.lower).copied().unwrap_or_default()
            } else {
                History::default()
            }
        }));
        decoder.decode(si, &hist, &mut feats, &mut scratch);
        for (t, &tag) in sent.iter().zip(&scratch.tags) {
            if has_history(t) {
                history.entry(t.lower).or_default().add(history_type(tag));
            }
        }
        tags[first..end].copy_from_slice(&scratch.tags);
    }
    // Pass 2: a sentence where a word form got another type than most of
    // its other occurrences in the document is decoded again, seeing all of
    // them (those after it too).
    for (si, &(first, end)) in layout.sentences.iter().enumerate() {
        let sent = &infos[first..end];
        let mut differs = false;
        hist.clear();
        for (t, &tag) in sent.iter().zip(&tags[first..end]) {
            let mut h = History::default();
            if has_history(t) {
                if let Some(all) = history.get(&t.lower) {
                    h = *all;
                    let k = history_type(tag);
                    h.counts[k] = h.counts[k].saturating_sub(1);
                    differs |= h.majority().is_some_and(|(m, _)| m != k);
                }
            }
            hist.push(h);
        }
        if differs {
            decoder.decode(si, &hist, &mut feats, &mut scratch);
            tags[first..end].copy_from_slice(&scratch.tags);
        }
    }
    let mut out = Vec::new();
    for &(first, end) in &layout.sentences {
        for (s, e, kind) in decode_spans(&tags[first..end]) {
            if e - s > crate::MAX_ENTITY_TOKENS {
                continue; // a heading or a list, not a name
            }
            let a = layout.tokens[first + s].span;
            let b = layout.tokens[first + e - 1].span;
            out.push(CoarseEntity {
                first: first + s,
                last: first + e - 1,
                span: Span::from_boundaries(text, a.start(), b.end()),
                kind,
            });
        }
    }
    out
}

/// The [`History`] index of a tag: 0 outside, 1 + the type inside a span.
#[inline]
fn history_type(tag: usize) -> usize {
    split(tag).map_or(0, |(kind, _)| 1 + kind as usize)
}

/// What decoding one sentence of a document reads.
struct SentenceDecoder<'a> {
    model: &'a Model,
    layout: &'a Layout,
    infos: &'a [TokenInfo],
    form_of: &'a [u32],
    forms: &'a [FormScores],
    ctx: &'a DocContext,
    headlines: &'a [bool],
}

impl SentenceDecoder<'_> {
    /// Decodes sentence `si` into `scratch.tags`, token `i` seeing the
    /// history `hist[i]`.
    fn decode(&self, si: usize, hist: &[History], feats: &mut Vec<u64>, scratch: &mut Scratch) {
        let model = self.model;
        let forms = self.forms;
        let (first, end) = self.layout.sentences[si];
        let sent = &self.infos[first..end];
        let sent_forms = &self.form_of[first..end];
        let headline = self.headlines[si];
        let n = sent.len();
        let before = neighbour_at(sent, -1);
        let after = neighbour_at(sent, n as isize);
        // Each token is scored when the decoder reaches it.
        let score = |i: usize, row: &mut [f32; NUM_TAGS]| {
            let t = &sent[i];
            let mut acc = forms[sent_forms[i] as usize].own;
            feats.clear();
            if i >= 2 && i + 2 < n {
                for (role, j) in Role::ALL.into_iter().zip([i - 1, i + 1, i - 2, i + 2]) {
                    add_row(
                        &mut acc,
                        &forms[sent_forms[j] as usize].roles[role as usize],
                    );
                }
            } else {
                // Near a sentence end some neighbours are boundary markers,
                // whose role features are looked up.
                let boundary = boundary_neighbours(sent, i);
                let offsets = [-1isize, 1, -2, 2];
                for ((role, b), d) in Role::ALL.into_iter().zip(boundary).zip(offsets) {
                    match b {
                        None => {
                            let j = (i as isize + d) as usize;
                            add_row(
                                &mut acc,
                                &forms[sent_forms[j] as usize].roles[role as usize],
                            );
                        }
                        Some(marker) => role_features(&marker, role, feats),
                    }
                }
            }
            let p1 = if i > 0 { &sent[i - 1] } else { &before };
            let n1 = if i + 1 < n { &sent[i + 1] } else { &after };
            sparse_context_features(t, p1, n1, headline, feats);
            history_features(hist, i, t, feats);
            model.add_scores(feats, &mut acc);
            model.tables.add(
                model,
                ClassKey::new(t, i, headline, self.ctx),
                [p1.class, t.class, n1.class],
                [t.gaz, p1.gaz, n1.gaz],
                &mut acc,
            );
            model.to_scores(&acc, row);
            // Tokens that cannot be names (URLs, handles, e-mail) are O.
            let kind = self.layout.tokens[first + i].kind;
            if matches!(kind, TokenKind::Url | TokenKind::Email | TokenKind::Handle) {
                for v in row.iter_mut().skip(1) {
                    *v = -1e9;
                }
            }
        };
        model.decode_rows(n, score, &mut scratch.tags, &mut scratch.back);
    }
}
