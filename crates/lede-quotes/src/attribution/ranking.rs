//! Choosing a quote's speaker among candidates with a learned linear model.
//!
//! Each candidate speaker (the sieve's answer, a sign-off, a transcript
//! label, the subject of a nearby reporting verb, the previous quote's
//! speaker, ...) and the option of crediting nobody gets a score: the sum of
//! the weights of its features (which rule or pattern proposed it, the kind
//! of mention, the cue word, the distance to the quote, the shape of the
//! quote). The highest score wins; on a tie the earlier candidate, so with
//! no weights at all the sieve's answer stands. The weights are an averaged
//! perceptron trained on attributed quotations
//! (`examples/train_ranker.rs`, `data/speaker_weights.txt`).

use lede_core::{EntityLabel, Span};

pub(super) use super::features::Source;
use super::features::{self as f, Dense};
use super::{Attr, DocView};
use crate::lexicon::{self, MAX_WORD};

/// Features are looked up by a 64-bit FNV-1a hash of their name, computed
/// over the name's parts without building the string: scoring allocates
/// nothing per feature.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

pub(crate) fn fnv(parts: &[&[u8]]) -> u64 {
    fnv_from(FNV_OFFSET, parts)
}

/// Goes on hashing from `h`, the hash of a prefix: the hash of the prefix
/// followed by `parts`.
fn fnv_from(mut h: u64, parts: &[&[u8]]) -> u64 {
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// One weight of the table; `used` false for an empty slot.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    weight: f32,
    used: bool,
}

/// Feature weights, read from `name<TAB>weight` lines, in an
/// open-addressing table over a power-of-two array probed linearly from
/// the top bits of the (already hashed) key, mixed once.
#[derive(Debug)]
pub(crate) struct Weights {
    slots: Vec<Slot>,
    /// 64 less the bits of a slot index.
    shift: u32,
    /// The weights of the features made of fixed words, by index.
    dense: Dense,
}

impl Default for Weights {
    /// No weights: every feature weighs nothing.
    fn default() -> Weights {
        Weights::parse("")
    }
}

impl Weights {
    pub(crate) fn parse(data: &str) -> Weights {
        let pairs: Vec<(u64, f32)> = data
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, w) = l.rsplit_once('\t')?;
                Some((fnv(&[name.as_bytes()]), w.trim().parse().ok()?))
            })
            .collect();
        let size = (pairs.len() * 2).next_power_of_two().max(16);
        let mut weights = Weights {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
            dense: Dense::default(),
        };
        // A name given twice keeps its last weight.
        for (key, weight) in pairs {
            let k = weights.find(key);
            weights.slots[k] = Slot {
                key,
                weight,
                used: true,
            };
        }
        weights.dense = Dense::build(|key| weights.get(key));
        weights
    }

    /// The slot holding `key`, or the empty one where it would go.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while self.slots[i].used && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        i
    }

    /// The weight of feature `key` (0 when it has none).
    #[inline]
    pub(crate) fn get(&self, key: u64) -> f32 {
        if self.slots.is_empty() {
            return 0.0;
        }
        let slot = self.slots[self.find(key)];
        if slot.used {
            slot.weight
        } else {
            0.0
        }
    }
}

/// Where a candidate's features go: the weights they are scored with, and
/// whether their names are kept (training only).
#[derive(Clone, Copy)]
struct Sink<'w> {
    weights: &'w Weights,
    named: bool,
}

/// One candidate: its attribution (`None` for "nobody") and its score.
pub(crate) struct Candidate<'a> {
    pub attr: Option<Attr<'a>>,
    /// The sum of its features' weights, added in the order the features
    /// come (as a sum over a list of them would): a feature is looked up
    /// once, when it is given, and never stored.
    score: f32,
    /// The features' names, kept only when recording training material.
    pub names: Vec<String>,
    /// How many sources proposed it.
    sources: usize,
    /// The mention, the first source that proposed it and its kind.
    mention: Option<(Span, Source, usize)>,
}

impl<'a> Candidate<'a> {
    fn new(attr: Option<Attr<'a>>) -> Candidate<'a> {
        Candidate {
            attr,
            // What a sum of no `f32` is.
            score: -0.0,
            names: Vec::new(),
            sources: 0,
            mention: None,
        }
    }

    fn push(&mut self, sink: Sink, parts: &[&[u8]]) {
        self.push_after(sink, &Prefix::EMPTY, parts);
    }

    /// A feature whose weight `w` is known already (from the dense
    /// tables); without it the name is hashed. The name is built only when
    /// recording training material.
    #[inline]
    fn known(&mut self, sink: Sink, w: Option<f32>, prefix: &Prefix, parts: &[&[u8]]) {
        match w {
            Some(w) if !sink.named => self.score += w,
            _ => self.push_after(sink, prefix, parts),
        }
    }

    /// The feature named `prefix` then `parts`, hashed from the prefix's
    /// hash: features sharing a prefix hash it once.
    #[inline(never)]
    fn push_after(&mut self, sink: Sink, prefix: &Prefix, parts: &[&[u8]]) {
        self.score += sink.weights.get(fnv_from(prefix.hash, parts));
        if sink.named {
            self.push_name(prefix, parts);
        }
    }

    /// The name of the feature just pushed (training only).
    #[cold]
    fn push_name(&mut self, prefix: &Prefix, parts: &[&[u8]]) {
        let mut name: Vec<u8> = prefix.parts.concat();
        name.extend(parts.concat());
        self.names.push(String::from_utf8_lossy(&name).into_owned());
    }
}

/// The start of several features' names, and its hash.
struct Prefix<'p> {
    parts: &'p [&'p [u8]],
    hash: u64,
}

impl<'p> Prefix<'p> {
    const EMPTY: Prefix<'static> = Prefix {
        parts: &[],
        hash: FNV_OFFSET,
    };

    fn new(parts: &'p [&'p [u8]]) -> Prefix<'p> {
        Prefix {
            parts,
            hash: fnv(parts),
        }
    }
}

/// Words of a quote's context that most quotes stay within.
const CONTEXT_ROOM: usize = 5;

/// The candidates of one quote, with the facts about the quote every
/// feature is crossed with.
pub(crate) struct Candidates<'w, 'a> {
    pub list: Vec<Candidate<'a>>,
    /// The words of the quote's context, with their indices in the dense
    /// tables; `context_len` of them are set.
    context: [(&'static str, Option<usize>); CONTEXT_ROOM],
    context_len: usize,
    /// The weights, and whether to record feature names (for training).
    sink: Sink<'w>,
    /// The quoted words.
    quote: Span,
}

/// Candidates of a quote (with "nobody") that most quotes stay within.
const LIST_ROOM: usize = 8;

impl<'a> Candidates<'_, 'a> {
    /// The list, emptied, to hold the next quote's candidates.
    pub(crate) fn into_list(self) -> Vec<Candidate<'a>> {
        let mut list = self.list;
        list.clear();
        list
    }
}

/// A log-scale bucket of a distance in bytes (an index of
/// [`f::BUCKETS`]).
fn bucket(d: usize) -> usize {
    match d {
        0..=2 => 0,
        3..=20 => 1,
        21..=60 => 2,
        61..=150 => 3,
        151..=400 => 4,
        _ => 5,
    }
}

impl<'w, 'a> Candidates<'w, 'a> {
    /// The candidates of `quote`, scored with `weights`; with `named` the
    /// features' names are kept. The context holds at most
    /// [`CONTEXT_ROOM`] words (any more are left out).
    pub(crate) fn new(
        quote: Span,
        context: &[&'static str],
        weights: &'w Weights,
        named: bool,
        mut list: Vec<Candidate<'a>>,
    ) -> Candidates<'w, 'a> {
        let sink = Sink { weights, named };
        let d = &weights.dense;
        let mut ctx = [("", None); CONTEXT_ROOM];
        let context_len = context.len().min(CONTEXT_ROOM);
        for (slot, c) in ctx.iter_mut().zip(context) {
            *slot = (*c, f::context_id(c));
        }
        let mut none = Candidate::new(None);
        none.known(sink, Some(d.none), &Prefix::EMPTY, &[b"none"]);
        let prefix = Prefix::new(&[b"none|"]);
        for &(c, id) in &ctx[..context_len] {
            none.known(sink, id.map(|k| d.none_ctx(k)), &prefix, &[c.as_bytes()]);
        }
        // Room for the candidates most quotes get: no regrowth.
        list.clear();
        list.reserve(LIST_ROOM);
        list.push(none);
        Candidates {
            list,
            context: ctx,
            context_len,
            sink,
            quote,
        }
    }

    /// Adds `attr` as proposed by `source`; a speaker already proposed by
    /// another source gets this source's features too (agreement counts).
    pub(crate) fn add(&mut self, view: &DocView, quote: Span, attr: Attr<'a>, source: Source) {
        let Some(speaker) = attr.speaker.as_ref() else {
            return;
        };
        let Some(span) = speaker.span else {
            return;
        };
        if span.overlaps(quote) {
            return;
        }
        let sink = self.sink;
        let d = &sink.weights.dense;
        let context = &self.context[..self.context_len];
        let m = mention_type(view, span);
        let mention = f::MENTIONS[m].as_bytes();
        let s = source.id;
        let existing = self.list.iter().position(|c| {
            c.attr
                .as_ref()
                .and_then(|a| a.speaker.as_ref())
                .is_some_and(|s| s.span == Some(span))
        });
        let index = match existing {
            Some(k) => k,
            None => {
                let mut c = Candidate::new(None);
                c.mention = Some((span, source, m));
                c.known(sink, Some(d.mt(m)), &Prefix::EMPTY, &[b"mt=", mention]);
                let parts: &[&[u8]] = &[b"mt=", mention, b"|"];
                let prefix = Prefix::new(parts);
                for &(ctx, id) in context {
                    c.known(sink, id.map(|k| d.mt_ctx(m, k)), &prefix, &[ctx.as_bytes()]);
                }
                if m == f::MT_COMMON {
                    if let Some(head) = span.text(view.text).split_whitespace().next_back() {
                        let mut buf = [0u8; MAX_WORD];
                        if let Some(h) = lexicon::lower(head, &mut buf) {
                            c.push(sink, &[b"head=", h]);
                        }
                    }
                }
                if speaker.canonical.is_some() && speaker.entity.is_some() {
                    c.known(sink, Some(d.resolved), &Prefix::EMPTY, &[b"resolved"]);
                }
                // Where the mention stands in its clause: after a
                // preposition ("with celebrity Barbra Streisand"), a verb
                // ("to support Rand Paul"), opening the sentence; before a
                // reporting verb, a comma, a relative pronoun.
                let b = word_before(view, span.start());
                let a = word_after(view, span.end());
                let (before, after) = (f::CLASSES[b].as_bytes(), f::CLASSES[a].as_bytes());
                let e = &Prefix::EMPTY;
                c.known(sink, Some(d.pw(b)), e, &[b"pw=", before]);
                c.known(sink, Some(d.nw(a)), e, &[b"nw=", after]);
                c.known(
                    sink,
                    Some(d.pw_nw(b, a)),
                    e,
                    &[b"pw=", before, b"|nw=", after],
                );
                c.known(
                    sink,
                    Some(d.mt_pw(m, b)),
                    e,
                    &[b"mt=", mention, b"|pw=", before],
                );
                self.list.push(c);
                self.list.len() - 1
            }
        };
        let side = usize::from(span.start() >= quote.start());
        let distance = if span.end() <= quote.start() {
            quote.start() - span.end()
        } else {
            span.start().saturating_sub(quote.end())
        };
        let dist = bucket(distance);
        let mut buf = [0u8; MAX_WORD];
        let cue = attr.cue.and_then(|c| lexicon::lower(c, &mut buf));
        let src = source.name.as_bytes();
        let c = &mut self.list[index];
        c.sources += 1;
        let parts: &[&[u8]] = &[b"src=", src];
        let prefix = Prefix::new(parts);
        c.known(sink, s.map(|s| d.src(s)), &Prefix::EMPTY, parts);
        c.known(
            sink,
            s.map(|s| d.src_mt(s, m)),
            &prefix,
            &[b"|mt=", mention],
        );
        c.known(
            sink,
            s.map(|s| d.src_side_d(s, side, dist)),
            &prefix,
            &[
                b"|",
                f::SIDES[side].as_bytes(),
                b"|d=",
                f::BUCKETS[dist].as_bytes(),
            ],
        );
        let ctx_parts: &[&[u8]] = &[b"src=", src, b"|"];
        let ctx_prefix = Prefix {
            parts: ctx_parts,
            hash: fnv_from(prefix.hash, &[b"|"]),
        };
        for &(ctx, id) in context {
            let w = s.zip(id).map(|(s, k)| d.src_ctx(s, k));
            c.known(sink, w, &ctx_prefix, &[ctx.as_bytes()]);
        }
        match cue {
            Some(cue) => {
                c.push_after(sink, &prefix, &[b"|cue=", cue]);
                c.push(sink, &[b"cue=", cue]);
            }
            None => c.known(sink, s.map(|s| d.src_nocue(s)), &prefix, &[b"|nocue"]),
        }
        match c.attr.as_mut() {
            // A candidate's cue may come from another source than the one
            // that found it first: keep the first cue (the sieve's).
            Some(a) => {
                if a.cue.is_none() {
                    a.cue = attr.cue;
                }
            }
            None => c.attr = Some(attr),
        }
    }

    /// Records how many sources agree on each candidate, and which have
    /// another candidate between them and the quote (`At a fundraiser with
    /// Matt Damon, Warren called them “crooks.”`: the person nearer the
    /// quote is most often its speaker).
    pub(crate) fn finish(&mut self) {
        let sink = self.sink;
        let d = &sink.weights.dense;
        let quote = self.quote;
        let e = &Prefix::EMPTY;
        for k in 1..self.list.len() {
            let Some((span, source, m)) = self.list[k].mention else {
                continue;
            };
            // Whether another candidate stands between this one and the
            // quote.
            let left = span.end() <= quote.start();
            let nearer = self.list.iter().filter_map(|c| c.mention).any(|(o, ..)| {
                o != span
                    && if left {
                        o.start() >= span.end() && o.end() <= quote.start()
                    } else {
                        o.start() >= quote.end() && o.end() <= span.start()
                    }
            });
            if nearer {
                let c = &mut self.list[k];
                c.known(sink, Some(d.between), e, &[b"between"]);
                let w = source.id.map(|s| d.between_src(s));
                c.known(sink, w, e, &[b"between|src=", source.name.as_bytes()]);
                let kind = f::MENTIONS[m].as_bytes();
                c.known(sink, Some(d.between_mt(m)), e, &[b"between|mt=", kind]);
            }
        }
        for c in self.list.iter_mut().skip(1) {
            let n = match c.sources {
                0 | 1 => 0,
                2 => 1,
                _ => 2,
            };
            c.known(sink, Some(d.nsrc(n)), e, &[b"nsrc=", f::NSRC[n].as_bytes()]);
        }
    }

    /// The index of the best candidate (the earliest on a tie). With no
    /// weights the sieve's answer (the first candidate after "nobody", when
    /// the sieve found one) stands.
    pub(crate) fn best(&self, sieve_found: bool) -> usize {
        let mut best = if sieve_found && self.list.len() > 1 {
            1
        } else {
            0
        };
        let first = best;
        let mut best_score = self.list[best].score;
        for (k, c) in self.list.iter().enumerate() {
            // Scored already: it wins over no later candidate of equal score.
            if k == first {
                continue;
            }
            if c.score > best_score {
                best = k;
                best_score = c.score;
            }
        }
        best
    }
}

/// Prepositions that govern a noun phrase (its head is no subject).
const PREPOSITIONS: [&str; 26] = [
    "with", "to", "for", "from", "about", "against", "on", "at", "in", "like", "than", "between",
    "over", "toward", "into", "through", "across", "under", "during", "without", "within", "among",
    "around", "behind", "upon", "via",
];

/// What stands right before the mention at `pos`: the start of a
/// sentence, a punctuation mark, a preposition, "of", "and", a reporting
/// verb, another word.
fn word_before(view: &DocView, pos: usize) -> usize {
    let head = view.text.get(..pos).unwrap_or("").trim_end();
    let Some(last) = head.chars().next_back() else {
        return f::W_START;
    };
    if !super::is_alnum(last) {
        return match last {
            '.' | '!' | '?' | '\n' => f::W_START,
            _ => mark_class(last),
        };
    }
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(super::is_alnum(c) || matches!(c, '-' | '\'' | '’')))
        .map_or(0, |(k, c)| k + c.len_utf8());
    word_class(view, &head[from..])
}

/// The class of a punctuation mark beside a mention, for the marks that
/// read the same on either side of it.
fn mark_class(mark: char) -> usize {
    match mark {
        ',' => f::W_COMMA,
        '(' => f::W_PAREN,
        ':' => f::W_COLON,
        '"' | '“' | '”' | '‘' | '’' | '\'' => f::W_QUOTE,
        '—' | '–' | '-' => f::W_DASH,
        _ => f::W_PUNCT,
    }
}

/// What stands right after the mention ending at `pos`.
fn word_after(view: &DocView, pos: usize) -> usize {
    let tail = view.text.get(pos..).unwrap_or("").trim_start();
    let Some(first) = tail.chars().next() else {
        return f::W_END;
    };
    if !super::is_alnum(first) {
        return match first {
            '.' | '!' | '?' | ';' => f::W_STOP,
            _ => mark_class(first),
        };
    }
    let to = tail
        .char_indices()
        .find(|&(_, c)| !(super::is_alnum(c) || matches!(c, '-' | '\'' | '’')))
        .map_or(tail.len(), |(k, _)| k);
    word_class(view, &tail[..to])
}

fn word_class(view: &DocView, w: &str) -> usize {
    if w.eq_ignore_ascii_case("of") {
        f::W_OF
    } else if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") {
        f::W_AND
    } else if w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which") {
        f::W_REL
    } else if w.eq_ignore_ascii_case("quoted") || w.eq_ignore_ascii_case("cited") {
        // Their object is a source, not what a source talks about.
        f::W_CITES
    } else if w.eq_ignore_ascii_case("as") {
        // "quoted an official as saying"
        f::W_AS
    } else if w.eq_ignore_ascii_case("by") {
        // The agent of a passive ("was written by Springsteen").
        f::W_BY
    } else if PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p)) {
        f::W_PREP
    } else if view.lex.is_speech_verb(w) {
        f::W_VERB
    } else if view.lex.is_determiner(w) {
        f::W_DET
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        f::W_CAP
    } else {
        f::W_WORD
    }
}

/// The kind of a speaker mention: a pronoun, an entity label, a capitalised
/// name the entity layer missed, or a common-noun phrase.
fn mention_type(view: &DocView, span: Span) -> usize {
    let text = span.text(view.text);
    if lexicon::pronoun(text).is_some() {
        return f::MT_PRON;
    }
    if text.eq_ignore_ascii_case("who") || text.eq_ignore_ascii_case("which") {
        return f::MT_REL;
    }
    if let Some(i) = view.entity_at(span.start()) {
        if view.entities[i].span == span {
            return match view.entities[i].label {
                EntityLabel::Person => f::MT_PERSON,
                EntityLabel::Org => f::MT_ORG,
                EntityLabel::Gpe => f::MT_GPE,
                EntityLabel::Norp => f::MT_NORP,
                _ => f::MT_ENT,
            };
        }
    }
    // A byte-window test: `str::contains` with a string brings a large
    // searcher into this hot function.
    if text.as_bytes().windows(5).any(|w| w == b" and ") {
        return f::MT_COORD;
    }
    if text.chars().next().is_some_and(char::is_uppercase) {
        return f::MT_CAP;
    }
    f::MT_COMMON
}
