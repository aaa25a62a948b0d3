//! From a document's sentences and tokens to coarse entity spans: features
//! per token, model scores, Viterbi. Training uses the same extraction.

use lede_core::{Span, Token, TokenKind};

use crate::features::{
    context_features, intrinsic_features, is_headline, token_features, DocContext, TokenInfo,
};
use crate::gazetteer::{Gazetteer, IdentityMap};
use crate::model::{decode_spans, Coarse, Model, NUM_TAGS};

/// The features of one sentence, flat: token `i` owns
/// `features[offsets[i]..offsets[i + 1]]`.
#[derive(Default, Clone)]
pub struct SentenceFeatures {
    pub features: Vec<u64>,
    pub offsets: Vec<u32>,
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

/// Reusable buffers for one call.
#[derive(Default)]
struct Scratch {
    scores: Vec<f32>,
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
    let mut words: Vec<&str> = Vec::with_capacity(layout.tokens.len());
    let mut infos: Vec<TokenInfo> = Vec::with_capacity(layout.tokens.len());
    for t in &layout.tokens {
        let w = t.span.text(text);
        words.push(w);
        infos.push(TokenInfo::new(w));
    }
    for &(s, e) in &layout.sentences {
        gaz.mark(&words[s..e], &mut infos[s..e]);
    }
    let ctx = DocContext::new(layout.sentences.iter().map(|&(s, e)| &infos[s..e]));
    // Scores of the features that depend on a word form alone, per form:
    // news repeats its words, so this saves a third of the lookups.
    let mut intrinsic: IdentityMap<[i32; NUM_TAGS]> = IdentityMap::default();
    let mut feats = Vec::with_capacity(64);
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for &(first, end) in &layout.sentences {
        let sent = &infos[first..end];
        let headline = is_headline(sent);
        let n = sent.len();
        scratch.scores.clear();
        scratch.scores.resize(n * NUM_TAGS, 0.0);
        for i in 0..n {
            let mut acc = *intrinsic.entry(sent[i].word).or_insert_with(|| {
                feats.clear();
                intrinsic_features(&sent[i], &mut feats);
                let mut acc = [0i32; NUM_TAGS];
                model.add_scores(&feats, &mut acc);
                acc
            });
            feats.clear();
            context_features(sent, i, headline, &ctx, &mut feats);
            model.add_scores(&feats, &mut acc);
            let row = &mut scratch.scores[i * NUM_TAGS..(i + 1) * NUM_TAGS];
            model.to_scores(&acc, row);
            // Tokens that cannot be names (URLs, handles, e-mail) are O.
            let kind = layout.tokens[first + i].kind;
            if matches!(kind, TokenKind::Url | TokenKind::Email | TokenKind::Handle) {
                for v in row.iter_mut().skip(1) {
                    *v = -1e9;
                }
            }
        }
        model.decode(&scratch.scores, &mut scratch.tags, &mut scratch.back);
        for (s, e, kind) in decode_spans(&scratch.tags) {
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
