//! From a document's sentences and tokens to coarse entity spans: features
//! per token, model scores, Viterbi. Training uses the same extraction.

use lede_core::{Span, Token, TokenKind};

use std::sync::Mutex;

use crate::features::{
    boundary_neighbours_in, has_history, is_cap_inside, is_headline, is_headline_classes,
    neighbour_at, role_features, sparse_context_features, tagging_order, token_features, CapClass,
    ClassKey, DocContext, History, Role, TokenInfo,
};
use crate::gazetteer::{GazMatch, Gazetteer, IdentityMap};
use crate::headings::{headings_keyed, is_title_case, lowered_tokens, CommonWords};
use crate::model::{spans_of, split, tag, Coarse, Model, NUM_TAGS, O};
use crate::scores::{add_row, FormScores, HistoryKey};

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
    /// How sure the tagger is of the span's type: the summed tag scores of
    /// its tokens less the best sum for the same tokens read as outside or
    /// as another type ([`span_margin`]). The rule layer
    /// leaves a span alone above a threshold ([`crate::refine::DEFER_MARGIN`]).
    pub margin: f32,
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
        // The segmenter's tokens are already clean (non-empty, inside the
        // text, sorted, non-overlapping): one pass tells, and they are then
        // read as they are, without a cleaned copy.
        let mut last = 0;
        let clean = tokens.iter().all(|t| {
            let (s, e) = (t.span.start(), t.span.end());
            let ok = s >= last
                && s < e
                && e <= text.len()
                && text.is_char_boundary(s)
                && text.is_char_boundary(e);
            last = e;
            ok
        });
        let cleaned: Vec<Token>;
        let toks: &[Token] = if clean {
            tokens
        } else {
            cleaned = clean_tokens(text, tokens);
            &cleaned
        };
        let mut sents: Vec<Span> = Vec::with_capacity(sentences.len());
        sents.extend(
            sentences
                .iter()
                .copied()
                .filter(|s| text.get(s.start()..s.end()).is_some()),
        );
        if !sents.is_sorted() {
            sents.sort();
        }
        let mut ranges = Vec::with_capacity(sents.len());
        // The tokens inside a sentence, in order.
        let mut kept: Vec<Token> = Vec::with_capacity(toks.len());
        let mut ti = 0;
        let mut last_end = 0;
        for s in sents {
            if s.start() < last_end {
                continue; // overlapping sentences: keep the first
            }
            last_end = s.end();
            ti += toks[ti..].partition_point(|t| t.span.start() < s.start());
            let inside = toks[ti..].partition_point(|t| t.span.end() <= s.end());
            if inside > 0 {
                let first = kept.len();
                kept.extend_from_slice(&toks[ti..ti + inside]);
                ranges.push((first, kept.len()));
                ti += inside;
            }
        }
        kept.shrink_to_fit();
        Layout {
            tokens: kept,
            sentences: ranges,
        }
    }
}

/// Tokens of any layer made clean: those outside the text or empty
/// dropped, sorted, a token overlapping the last one kept dropped.
fn clean_tokens(text: &str, tokens: &[Token]) -> Vec<Token> {
    let mut toks: Vec<Token> = tokens
        .iter()
        .copied()
        .filter(|t| !t.span.is_empty() && text.get(t.span.start()..t.span.end()).is_some())
        .collect();
    if !toks.is_sorted_by_key(|t| (t.span.start(), t.span.end())) {
        toks.sort_by_key(|t| (t.span.start(), t.span.end()));
    }
    toks.dedup_by(|t, p| p.span.end() > t.span.start());
    toks
}

/// What the tagger reads of a document, kept for the rule layer: token
/// texts, the document's distinct word forms and their infos, the form and
/// gazetteer mark of each token, the longest gazetteer entry starting at
/// each token within its sentence, and the Title Case headings.
///
/// Infos are kept per form, not per token: news repeats its words, and a
/// document of ever the same few words (a pathological input) then costs a
/// few bytes per token, not the size of an info.
pub struct Analysis<'t> {
    pub words: Vec<&'t str>,
    /// The infos of each distinct form, without gazetteer marks; the forms
    /// [`Analysis::sentence_case`] adds come after the text's own.
    pub forms: Vec<TokenInfo>,
    /// The text of each of the text's own forms.
    pub form_texts: Vec<&'t str>,
    /// Per token: its form (an index into `forms`).
    pub form_of: Vec<u32>,
    /// Per token: the gazetteer match covering it.
    pub gaz: Vec<GazMatch>,
    /// Per token: the longest gazetteer entry starting there within its
    /// sentence, as (tokens, mask); see [`Analysis::gaz_at`].
    pub gaz_at: Vec<Option<(u8, u16)>>,
    /// Per sentence: is it in Title Case ([`crate::headings::is_title_case`])?
    pub title_case: Vec<bool>,
    /// The Title Case headings and the document's common words, when the
    /// document has a heading ([`crate::headings::headings`]).
    pub headings: Option<(Vec<bool>, CommonWords<'t>)>,
}

impl<'t> Analysis<'t> {
    pub fn new(gaz: &'t Gazetteer, text: &'t str, layout: &Layout) -> Analysis<'t> {
        Analysis::with_cache(gaz, None, text, layout)
    }

    /// [`Analysis::new`], reading the word forms other documents had from
    /// `cache` (and adding this document's).
    pub fn with_cache(
        gaz: &'t Gazetteer,
        cache: Option<&WordCache>,
        text: &'t str,
        layout: &Layout,
    ) -> Analysis<'t> {
        let n = layout.tokens.len();
        let words: Vec<&str> = layout.tokens.iter().map(|t| t.span.text(text)).collect();
        // News repeats its words: each distinct text is read once (its
        // infos and its gazetteer key).
        let mut index = FormIndex::with_tokens(n);
        let form_of: Vec<u32> = words.iter().map(|w| index.id(w)).collect();
        let FormIndex {
            texts: form_texts,
            hashes,
            ..
        } = index;
        let title_case: Vec<bool> = layout
            .sentences
            .iter()
            .map(|&(s, e)| is_title_case(&words[s..e]))
            .collect();
        // Room for the forms [`Analysis::sentence_case`] may add (one per
        // token of a Title Case line at most), so that adding them does not
        // move the others; and the keys of the lower-case forms only when
        // the headings need them.
        let room: usize = layout
            .sentences
            .iter()
            .zip(&title_case)
            .filter(|(_, &title)| title)
            .map(|(&(s, e), _)| e - s)
            .sum();
        let mut reads = FormReads::new(form_texts.len(), room, room > 0);
        match cache {
            Some(cache) => cache.resolve(gaz, &form_texts, &hashes, &mut reads),
            None => {
                for w in &form_texts {
                    reads.add(&WordCache::read(gaz, w));
                }
            }
        }
        drop(hashes);
        let FormReads {
            forms,
            starts,
            lower_keys,
            ..
        } = reads;
        let mut gaz_at = vec![None; n];
        let mut marks = vec![GazMatch::NONE; n];
        for &(s, e) in &layout.sentences {
            let sentence = &words[s..e];
            let mut any = false;
            // Matches are grown only where some entry starts with the word.
            for (k, (slot, &f)) in gaz_at[s..e].iter_mut().zip(&form_of[s..e]).enumerate() {
                if let Some((key, entry)) = starts[f as usize] {
                    // Entries are at most a few tokens long.
                    *slot = gaz
                        .longest_from_entry(sentence, k, key, entry)
                        .map(|(len, mask)| (len.min(u8::MAX as usize) as u8, mask));
                    any |= slot.is_some();
                }
            }
            if any {
                Gazetteer::mark_matches(&gaz_at[s..e], &mut marks[s..e]);
            }
        }
        let headings = headings_keyed(
            gaz,
            &words,
            move || lower_keys,
            &layout.sentences,
            &title_case,
        );
        Analysis {
            words,
            forms,
            form_texts,
            form_of,
            gaz: marks,
            gaz_at,
            title_case,
            headings,
        }
    }

    /// The longest gazetteer entry starting at token `i` within its
    /// sentence: (tokens, mask).
    #[inline]
    pub fn gaz_at(&self, i: usize) -> Option<(usize, u16)> {
        self.gaz_at[i].map(|(len, mask)| (len as usize, mask))
    }

    /// The infos of token `i`, its gazetteer mark included.
    #[inline]
    pub fn info(&self, i: usize) -> TokenInfo {
        let mut t = self.forms[self.form_of[i] as usize];
        t.gaz = self.gaz[i];
        t
    }

    /// The class of token `i`'s own text, as [`TokenInfo::new`] reads it
    /// (unlike [`Analysis::class`], not the lower-case form
    /// [`Analysis::sentence_case`] may have given it).
    #[inline]
    pub fn own_class(&self, i: usize) -> CapClass {
        match self.form_of.get(i) {
            Some(&f) if (f as usize) < self.form_texts.len() => self.forms[f as usize].class,
            _ => TokenInfo::new(self.words[i]).class,
        }
    }

    /// The class of token `i`.
    #[inline]
    pub fn class(&self, i: usize) -> CapClass {
        self.forms[self.form_of[i] as usize].class
    }

    /// Does the sentence of tokens `s..e` read as a headline
    /// ([`crate::features::is_headline`])?
    pub fn is_headline(&self, s: usize, e: usize) -> bool {
        is_headline_classes(
            self.form_of[s..e]
                .iter()
                .map(|&f| self.forms[f as usize].class),
        )
    }

    /// Shows the tagger each heading in sentence case
    /// ([`crate::headings::sentence_case`]): its capitalised common words
    /// get the form of their lower case.
    pub fn sentence_case(&mut self, gaz: &Gazetteer, sentences: &[(usize, usize)]) {
        let Some((heading, common)) = &self.headings else {
            return;
        };
        let lowered: Vec<usize> = lowered_tokens(heading, common, &self.words, sentences, |k| {
            (k < self.form_of.len()).then(|| self.class(k))
        })
        .collect();
        let mut added: IdentityMap<u32> = IdentityMap::default();
        for k in lowered {
            let mut info = TokenInfo::new(&self.words[k].to_lowercase());
            info.classes = gaz.clusters.of(&info);
            let next = self.forms.len() as u32;
            let id = *added.entry(info.word).or_insert(next);
            if id == next {
                self.forms.push(info);
            }
            self.form_of[k] = id;
        }
    }
}

/// The most word forms a [`WordCache`] keeps, and the longest it keeps
/// (longer ones, rare, are read again): they bound the memory of a stage
/// that reads an endless stream of new words (about 150 bytes a form).
const WORD_CACHE_LIMIT: usize = 1 << 15;
const WORD_CACHE_LONGEST: usize = 64;

/// What [`Analysis`] reads of each word form (its infos, word classes
/// included, and its gazetteer start key), kept across the documents a
/// stage tags. Documents take the lock once, never per token.
pub struct WordCache {
    words: Mutex<WordTable>,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache {
            words: Mutex::new(WordTable {
                slots: Slots::with_room(1 << 10),
                hashes: Vec::new(),
                ends: Vec::new(),
                text: Vec::new(),
                reads: Vec::new(),
            }),
        }
    }
}

/// The forms of a [`WordCache`], numbered as they were added: their
/// [`text_hash`], their texts one after the other (form `i` ends at
/// `ends[i]`) and what was read of them.
struct WordTable {
    slots: Slots,
    hashes: Vec<u64>,
    ends: Vec<u32>,
    text: Vec<u8>,
    reads: Vec<WordRead>,
}

impl WordTable {
    /// The text of form `id`.
    fn text(&self, id: usize) -> &[u8] {
        let start = id.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.text[start..self.ends[id] as usize]
    }
}

/// What [`WordCache`] keeps of a word form: its infos, its gazetteer key
/// ([`crate::features::key_of`]), when some gazetteer entry starts with it
/// (the key is then its [`Gazetteer::start_key`]) the entry under that key
/// ([`Gazetteer::entry`]), and whether it begins with a lower-case letter.
#[derive(Clone, Copy)]
struct WordRead {
    info: TokenInfo,
    key: u64,
    start: Option<(u16, bool)>,
    lower: bool,
}

/// The reads of a document's forms, in form order: their infos, their
/// start keys and entries, and (when `keep_lower`) the keys of those that
/// begin with a lower-case letter.
struct FormReads {
    forms: Vec<TokenInfo>,
    starts: Vec<Option<(u64, (u16, bool))>>,
    lower_keys: Vec<u64>,
    keep_lower: bool,
}

impl FormReads {
    /// Room for `n` forms, and `room` more infos.
    fn new(n: usize, room: usize, keep_lower: bool) -> FormReads {
        FormReads {
            forms: Vec::with_capacity(n + room),
            starts: Vec::with_capacity(n),
            lower_keys: Vec::with_capacity(if keep_lower { n } else { 0 }),
            keep_lower,
        }
    }

    #[inline]
    fn add(&mut self, read: &WordRead) {
        self.forms.push(read.info);
        self.starts.push(read.start.map(|entry| (read.key, entry)));
        if self.keep_lower && read.lower {
            self.lower_keys.push(read.key);
        }
    }
}

impl WordCache {
    /// The infos and keys of one word form.
    fn read(gaz: &Gazetteer, w: &str) -> WordRead {
        let mut info = TokenInfo::new(w);
        info.classes = gaz.clusters.of(&info);
        // The key ([`crate::features::key_of`]) is the start key when some
        // entry starts with it ([`Gazetteer::start_key`]).
        let mut h = crate::features::Hasher::new();
        let any = crate::features::push_key(&mut h, w);
        let key = h.finish();
        WordRead {
            info,
            key,
            start: if any { gaz.entry(key) } else { None },
            lower: w.chars().next().is_some_and(char::is_lowercase),
        }
    }

    /// Reads each of `texts` (in order, with their [`text_hash`]es) from
    /// the cache, or from the word when the cache does not have it.
    fn resolve(&self, gaz: &Gazetteer, texts: &[&str], hashes: &[u64], out: &mut FormReads) {
        let mut guard = match self.words.lock() {
            Ok(w) => w,
            Err(poisoned) => poisoned.into_inner(),
        };
        let table = &mut *guard;
        for (&w, &h) in texts.iter().zip(hashes) {
            let found = table.slots.find(h, |id| {
                let id = id as usize;
                table.hashes[id] == h && same_text(table.text(id), w.as_bytes())
            });
            match found {
                Ok(id) => out.add(&table.reads[id as usize]),
                Err(at) => {
                    let read = WordCache::read(gaz, w);
                    if table.reads.len() < WORD_CACHE_LIMIT && w.len() <= WORD_CACHE_LONGEST {
                        let id = table.reads.len() as u32;
                        table.hashes.push(h);
                        table.text.extend_from_slice(w.as_bytes());
                        table.ends.push(table.text.len() as u32);
                        table.reads.push(read);
                        table.slots.insert(at, id, &table.hashes);
                    }
                    out.add(&read);
                }
            }
        }
    }
}

/// The distinct texts of a document's tokens, numbered in the order they
/// first occur, with their [`text_hash`]es (a document costs a few bytes
/// per form, a lookup one hash and usually one compare).
struct FormIndex<'t> {
    slots: Slots,
    /// The forms of one-byte texts (punctuation, "a", "I": a sixth of the
    /// tokens of news) by their byte, [`Slots::EMPTY`] where none: they
    /// are found without a hash or a probe.
    one_byte: [u32; 128],
    hashes: Vec<u64>,
    texts: Vec<&'t str>,
}

impl<'t> FormIndex<'t> {
    /// An index sized for a document of `n` tokens (news has about one
    /// form for two tokens).
    fn with_tokens(n: usize) -> FormIndex<'t> {
        FormIndex {
            slots: Slots::with_room((n / 2).min(1 << 15)),
            one_byte: [Slots::EMPTY; 128],
            hashes: Vec::with_capacity(n.min(1 << 15)),
            texts: Vec::with_capacity(n.min(1 << 15)),
        }
    }

    /// The number of form `w`, added when new.
    #[inline]
    fn id(&mut self, w: &'t str) -> u32 {
        // A text of one byte is ASCII: its byte indexes `one_byte`.
        if let [b] = w.as_bytes() {
            if let Some(&id) = self.one_byte.get(usize::from(*b)) {
                if id != Slots::EMPTY {
                    return id;
                }
                let id = self.add(w);
                self.one_byte[usize::from(*b)] = id;
                return id;
            }
        }
        let h = text_hash(w);
        let (hashes, texts) = (&self.hashes, &self.texts);
        let found = self.slots.find(h, |id| {
            let id = id as usize;
            hashes[id] == h && same_text(texts[id].as_bytes(), w.as_bytes())
        });
        match found {
            Ok(id) => id,
            Err(at) => {
                let id = self.texts.len() as u32;
                self.hashes.push(h);
                self.texts.push(w);
                self.slots.insert(at, id, &self.hashes);
                id
            }
        }
    }

    /// Adds form `w` to the list alone (not to the slots: a one-byte text
    /// is looked for in `one_byte`, and in the slots after they grow it
    /// only takes room).
    fn add(&mut self, w: &'t str) -> u32 {
        let id = self.texts.len() as u32;
        self.hashes.push(text_hash(w));
        self.texts.push(w);
        id
    }
}

/// An open-addressing table of entry numbers over the entries' hashes,
/// at most half full so that a probe ends soon.
struct Slots {
    /// Entry numbers, [`Slots::EMPTY`] where none.
    slots: Vec<u32>,
}

impl Slots {
    const EMPTY: u32 = u32::MAX;

    /// A table for `n` entries before it grows.
    fn with_room(n: usize) -> Slots {
        Slots {
            slots: vec![Slots::EMPTY; (2 * n).max(16).next_power_of_two()],
        }
    }

    /// The first slot a hash looks at (the product's high bits are the
    /// well-mixed ones).
    #[inline]
    fn home(h: u64, mask: usize) -> usize {
        (h >> 32) as usize & mask
    }

    /// The entry with hash `h` that `same` accepts, or the empty slot where
    /// it goes.
    #[inline]
    fn find(&self, h: u64, same: impl Fn(u32) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut at = Slots::home(h, mask);
        loop {
            let id = self.slots[at];
            if id == Slots::EMPTY {
                return Err(at);
            }
            if same(id) {
                return Ok(id);
            }
            at = (at + 1) & mask;
        }
    }

    /// Puts entry `id` in the empty slot `at` that [`Slots::find`] gave;
    /// `hashes` holds the hash of every entry, `id` the last.
    #[inline]
    fn insert(&mut self, at: usize, id: u32, hashes: &[u64]) {
        self.slots[at] = id;
        if hashes.len() * 2 > self.slots.len() {
            self.grow(hashes);
        }
    }

    fn grow(&mut self, hashes: &[u64]) {
        let size = self.slots.len() * 2;
        self.slots.clear();
        self.slots.resize(size, Slots::EMPTY);
        let mask = size - 1;
        for (id, &h) in hashes.iter().enumerate() {
            let mut at = Slots::home(h, mask);
            while self.slots[at] != Slots::EMPTY {
                at = (at + 1) & mask;
            }
            self.slots[at] = id as u32;
        }
    }
}

/// A hash of a token text, cheap for the short texts news is made of: a
/// text of at most 8 bytes is read whole into one word, so that among
/// texts of one length the hash is one-to-one; a longer text is read 8
/// bytes at a time.
#[inline]
fn text_hash(w: &str) -> u64 {
    let b = w.as_bytes();
    let n = b.len();
    let v = match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        // The first and the last 4 bytes hold every byte.
        (Some(head), Some(tail)) if n <= 8 => {
            u32::from_le_bytes(*head) as u64 | (u32::from_le_bytes(*tail) as u64) << 32
        }
        (Some(_), Some(_)) => long_hash(b),
        // The first, middle and last byte hold every byte.
        _ => match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => {
                first as u64 | (b[n / 2] as u64) << 8 | (last as u64) << 16
            }
            _ => 0,
        },
    };
    // One-to-one for a given length: an xor and an odd multiplier.
    (v ^ (n as u64).wrapping_mul(TEXT_LEN_K)).wrapping_mul(TEXT_K)
}

/// The words of a text of more than 8 bytes, multiplied and rotated in;
/// the last one ends with the text's last byte (overlapping the one
/// before when the length is no multiple of 8).
fn long_hash(b: &[u8]) -> u64 {
    let mut h = 0u64;
    let mut rest = b;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(TEXT_K);
        rest = tail;
    }
    if !rest.is_empty() {
        if let Some(last) = b.last_chunk::<8>() {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(*last)).wrapping_mul(TEXT_K);
        }
    }
    h
}

/// Do two texts of equal [`text_hash`] have the same bytes? Texts of equal
/// length up to 8 bytes do; longer ones are compared.
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && (a.len() <= 8 || a == b)
}

const TEXT_K: u64 = 0x517c_c1b7_2722_0a95;
const TEXT_LEN_K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Reusable buffers for one call.
#[derive(Default)]
struct Scratch {
    back: Vec<u8>,
    tags: Vec<usize>,
    /// The tag scores of each token of the sentence decoded.
    rows: Vec<[f32; NUM_TAGS]>,
    /// [`CoarseEntity::margin`] of each token tagged inside a span.
    margins: Vec<f32>,
    /// The tags of one stretch of scored tokens.
    stretch: Vec<usize>,
}

/// The tag scores of a token that is outside every name.
const OUTSIDE_ROW: [f32; NUM_TAGS] = {
    let mut row = [-1e9f32; NUM_TAGS];
    row[O] = 0.0;
    row
};

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
    let forms = &analysis.forms;
    let form_of = &analysis.form_of;
    let headlines: Vec<bool> = layout
        .sentences
        .iter()
        .map(|&(first, end)| analysis.is_headline(first, end))
        .collect();
    let context = FormContext::new(analysis, layout, &headlines);
    // Scores of the features that depend on one word form alone, per form
    // (from the model's cache, shared by documents): the token's own and,
    // for each neighbour role, those it gives the token next to it. Each
    // token then needs only the lookups of the features of word pairs; the
    // class and gazetteer features come from tables.
    // Only the forms of the tokens decoded and of their neighbours are
    // scored.
    let decoded = decoded_tokens(model, layout, analysis);
    let mut needed = vec![false; forms.len()];
    for &(first, end) in &layout.sentences {
        for i in first..end {
            if decoded[i] {
                for f in &form_of[i.saturating_sub(2).max(first)..(i + 3).min(end)] {
                    needed[*f as usize] = true;
                }
            }
        }
    }
    let mut wanted: Vec<TokenInfo> = Vec::with_capacity(forms.len());
    let wanted_at: Vec<u32> = forms
        .iter()
        .zip(&needed)
        .map(|(info, &needed)| {
            if !needed {
                return UNSCORED;
            }
            wanted.push(*info);
            wanted.len() as u32 - 1
        })
        .collect();
    drop(needed);
    let cached = model.forms.document(model, &wanted);
    drop(wanted);
    // The forms not needed point at zero scores, which nothing reads.
    let scores: Vec<&FormScores> = wanted_at
        .iter()
        .map(|&w| {
            if w == UNSCORED {
                &FormScores::ZERO
            } else {
                cached.get(w as usize)
            }
        })
        .collect();
    drop(wanted_at);
    // The history of a token is that of its lower-case form, for the forms
    // [`has_history`] accepts; read per token in both passes, so listed per
    // token.
    let history_of: Vec<u32> = forms
        .iter()
        .zip(&context.lower_of)
        .map(|(t, &l)| if has_history(t) { l } else { NO_HISTORY })
        .collect();
    let token_history: Vec<u32> = form_of.iter().map(|&f| history_of[f as usize]).collect();
    drop(history_of);
    let mut history = vec![History::default(); context.lowers];
    // The key of each history, kept up to date as it grows.
    let mut history_keys = vec![HistoryKey::NONE; context.lowers];
    let seen = context.seen;
    let decoder = SentenceDecoder {
        model,
        layout,
        analysis,
        scores: &scores,
        seen: &seen,
        headlines: &headlines,
        decoded: &decoded,
    };
    let mut feats = Vec::with_capacity(64);
    let mut scratch = Scratch::default();
    let mut keys: Vec<HistoryKey> = Vec::new();
    // Tags of the whole document, a byte each (there are 17).
    let mut tags = vec![0u8; form_of.len()];
    // Margin of each token's tag (see [`CoarseEntity::margin`]).
    let mut margins = vec![0f32; form_of.len()];
    // Pass 1, in tagging order: each sentence sees what was predicted for
    // its word forms in the sentences before it.
    for si in tagging_order(&headlines) {
        let (first, end) = layout.sentences[si];
        let sent_history = histories(&token_history[first..end]);
        keys.clear();
        keys.extend(sent_history.clone().map(|h| match h {
            Some(h) => history_keys[h],
            None => HistoryKey::NONE,
        }));
        decoder.decode(si, &keys, &mut feats, &mut scratch);
        for (h, &tag) in sent_history.zip(&scratch.tags) {
            if let Some(h) = h {
                history[h].add(history_type(tag));
                history_keys[h] = HistoryKey::of(&history[h]);
            }
        }
        for (t, &tag) in tags[first..end].iter_mut().zip(&scratch.tags) {
            *t = tag as u8;
        }
        margins[first..end].copy_from_slice(&scratch.margins);
    }
    // Pass 2: a sentence where a word form got another type than most of
    // its other occurrences in the document is decoded again, seeing all of
    // them (those after it too).
    for (si, &(first, end)) in layout.sentences.iter().enumerate() {
        let mut differs = false;
        keys.clear();
        let sent_history = histories(&token_history[first..end]);
        for (h, &tag) in sent_history.zip(&tags[first..end]) {
            let Some(h) = h else {
                keys.push(HistoryKey::NONE);
                continue;
            };
            let mut own = history[h];
            let k = history_type(tag as usize);
            own.counts[k] = own.counts[k].saturating_sub(1);
            differs |= own.majority().is_some_and(|(m, _)| m != k);
            keys.push(HistoryKey::of(&own));
        }
        if differs {
            decoder.decode(si, &keys, &mut feats, &mut scratch);
            for (t, &tag) in tags[first..end].iter_mut().zip(&scratch.tags) {
                *t = tag as u8;
            }
            margins[first..end].copy_from_slice(&scratch.margins);
        }
    }
    let mut out = Vec::new();
    for &(first, end) in &layout.sentences {
        for (s, e, kind) in spans_of(tags[first..end].iter().map(|&t| t as usize)) {
            if e - s > crate::MAX_ENTITY_TOKENS {
                continue; // a heading or a list, not a name
            }
            let a = layout.tokens[first + s].span;
            let b = layout.tokens[first + e - 1].span;
            let margin = margins[first + s..first + e]
                .iter()
                .copied()
                .fold(f32::INFINITY, f32::min);
            out.push(CoarseEntity {
                first: first + s,
                last: first + e - 1,
                span: Span::from_boundaries(text, a.start(), b.end()),
                kind,
                margin,
            });
        }
    }
    out
}

/// The margin of a span's type: the tag scores of its tokens summed, less
/// the best sum of the same tokens read as outside or as another type with
/// the same BILOU parts (transitions left out).
fn span_margin(kind: Coarse, tags: &[usize], rows: &[[f32; NUM_TAGS]]) -> f32 {
    let mut sums = [0f32; 5];
    for (&t, row) in tags.iter().zip(rows) {
        let part = split(t).map_or(0, |(_, p)| p);
        sums[0] += row[O];
        for k in Coarse::ALL {
            sums[1 + k as usize] += row[tag(k, part)];
        }
    }
    let own = sums[1 + kind as usize];
    let other = (0..5)
        .filter(|&k| k != 1 + kind as usize)
        .map(|k| sums[k])
        .fold(f32::NEG_INFINITY, f32::max);
    own - other
}

/// The score index of a form no decoded token needs, until it is set.
const UNSCORED: u32 = u32::MAX;

/// Per token of the document: is it decoded? Tokens outside every name
/// ([`crate::outside`]) are O and are not, nor are the stretches between
/// them made of lower-case words and punctuation alone
/// ([`crate::outside::is_lower`]): they hold no name. A run of decoded
/// tokens is then bounded by O tokens or by its sentence's ends.
fn decoded_tokens(model: &Model, layout: &Layout, analysis: &Analysis) -> Vec<bool> {
    let forms = &analysis.forms;
    let form_of = &analysis.form_of;
    // Whether a token is outside depends on its form, and on its gazetteer
    // mark only when the form is one that can be: looked up once per form.
    let outside_form: Vec<bool> = forms
        .iter()
        .map(|t| model.inside.is_outside(t, GazMatch::NONE))
        .collect();
    let mut decoded: Vec<bool> = form_of
        .iter()
        .zip(&analysis.gaz)
        .map(|(&f, &g)| !(outside_form[f as usize] && g == GazMatch::NONE))
        .collect();
    for &(first, end) in &layout.sentences {
        let mut a = first;
        while a < end {
            if !decoded[a] {
                a += 1;
                continue;
            }
            let b = decoded[a..end]
                .iter()
                .position(|&d| !d)
                .map_or(end, |k| a + k);
            if form_of[a..b]
                .iter()
                .all(|&f| crate::outside::is_lower(&forms[f as usize]))
            {
                decoded[a..b].iter_mut().for_each(|d| *d = false);
            }
            a = b;
        }
    }
    decoded
}

/// A form without a history (see [`has_history`]).
const NO_HISTORY: u32 = u32::MAX;

/// The history number of each token of a sentence, given their numbers
/// or [`NO_HISTORY`].
fn histories(numbers: &[u32]) -> impl Iterator<Item = Option<usize>> + Clone + '_ {
    numbers
        .iter()
        .map(|&h| (h != NO_HISTORY).then_some(h as usize))
}

/// The [`History`] index of a tag: 0 outside, 1 + the type inside a span.
#[inline]
fn history_type(tag: usize) -> usize {
    split(tag).map_or(0, |(kind, _)| 1 + kind as usize)
}

/// The document context ([`DocContext`]) of each word form, built per form
/// with the document's lower-case forms numbered densely, so that one hash
/// lookup per form serves both the context and the histories.
struct FormContext {
    /// The number of each form's lower-case form.
    lower_of: Vec<u32>,
    /// How many lower-case forms the document has.
    lowers: usize,
    /// [`DocContext::seen_of`] each form.
    seen: Vec<u8>,
}

impl FormContext {
    fn new(analysis: &Analysis, layout: &Layout, headlines: &[bool]) -> FormContext {
        let forms = &analysis.forms;
        let form_of = &analysis.form_of;
        // Per form: does some token have it, and does one show it
        // capitalised inside a sentence?
        // (The classes are read per token: from a byte per form rather
        // than from the forms' whole infos.)
        let classes: Vec<CapClass> = forms.iter().map(|t| t.class).collect();
        let mut occurs = vec![false; forms.len()];
        let mut cap_inside = vec![false; forms.len()];
        for (&(first, end), &headline) in layout.sentences.iter().zip(headlines) {
            for (i, &f) in form_of[first..end].iter().enumerate() {
                let f = f as usize;
                occurs[f] = true;
                cap_inside[f] |= is_cap_inside(classes[f], i, headline);
            }
        }
        drop(classes);
        let mut numbers: IdentityMap<u32> =
            IdentityMap::with_capacity_and_hasher(forms.len(), Default::default());
        let lower_of: Vec<u32> = forms
            .iter()
            .map(|t| {
                let next = numbers.len() as u32;
                *numbers.entry(t.lower).or_insert(next)
            })
            .collect();
        let lowers = numbers.len();
        drop(numbers);
        let mut flags = vec![0u8; lowers];
        for (f, t) in forms.iter().enumerate() {
            flags[lower_of[f] as usize] |= DocContext::form_flags(t, occurs[f], cap_inside[f]);
        }
        let seen = forms
            .iter()
            .zip(&lower_of)
            .map(|(t, &l)| DocContext::seen_with(t, flags[l as usize]))
            .collect();
        FormContext {
            lower_of,
            lowers,
            seen,
        }
    }
}

/// What decoding one sentence of a document reads.
struct SentenceDecoder<'a> {
    model: &'a Model,
    layout: &'a Layout,
    analysis: &'a Analysis<'a>,
    /// The scores of each form (zero for the forms no decoded token
    /// reads).
    scores: &'a [&'a FormScores],
    /// [`DocContext::seen_of`] each form.
    seen: &'a [u8],
    headlines: &'a [bool],
    /// Per token of the document: is it decoded ([`decoded_tokens`])?
    decoded: &'a [bool],
}

impl SentenceDecoder<'_> {
    /// Decodes sentence `si` into `scratch.tags`, token `i` seeing the
    /// history key `keys[i]`.
    fn decode(&self, si: usize, keys: &[HistoryKey], feats: &mut Vec<u64>, scratch: &mut Scratch) {
        let model = self.model;
        let forms = &self.analysis.forms;
        let scores = self.scores;
        let (first, end) = self.layout.sentences[si];
        let sent_forms = &self.analysis.form_of[first..end];
        let sent_marks = &self.analysis.gaz[first..end];
        let headline = self.headlines[si];
        let n = end - first;
        let before = neighbour_at(&[], -1);
        let after = neighbour_at(&[], n as isize);
        let decoded = &self.decoded[first..end];
        let rows = &mut scratch.rows;
        // Only the rows of decoded tokens are read (for the margins of the
        // spans, which are made of decoded tokens), and each is written
        // before: the table only needs to be long enough.
        if rows.len() < n {
            rows.resize(n, OUTSIDE_ROW);
        }
        // Each token is scored when the decoder reaches it.
        let mut score = |i: usize, row: &mut [f32; NUM_TAGS]| {
            let f = sent_forms[i] as usize;
            let mut t = forms[f];
            t.gaz = sent_marks[i];
            let mut acc = scores[f].own;
            feats.clear();
            if i >= 2 && i + 2 < n {
                for (role, j) in Role::ALL.into_iter().zip([i - 1, i + 1, i - 2, i + 2]) {
                    add_row(
                        &mut acc,
                        &scores[sent_forms[j] as usize].roles[role as usize],
                    );
                }
            } else {
                // Near a sentence end some neighbours are boundary markers,
                // whose role features are looked up.
                let boundary = boundary_neighbours_in(n, i);
                let offsets = [-1isize, 1, -2, 2];
                for ((role, b), d) in Role::ALL.into_iter().zip(boundary).zip(offsets) {
                    match b {
                        None => {
                            let j = (i as isize + d) as usize;
                            add_row(
                                &mut acc,
                                &scores[sent_forms[j] as usize].roles[role as usize],
                            );
                        }
                        Some(marker) => role_features(&marker, role, feats),
                    }
                }
            }
            let (p1, p1_gaz) = if i > 0 {
                (&forms[sent_forms[i - 1] as usize], sent_marks[i - 1])
            } else {
                (&before, before.gaz)
            };
            let (n1, n1_gaz) = if i + 1 < n {
                (&forms[sent_forms[i + 1] as usize], sent_marks[i + 1])
            } else {
                (&after, after.gaz)
            };
            sparse_context_features(&t, p1, n1, headline, feats);
            model.add_scores(feats, &mut acc);
            model.tables.add_history(
                keys[i],
                i.checked_sub(1).map_or(HistoryKey::NONE, |j| keys[j]),
                keys.get(i + 1).copied().unwrap_or(HistoryKey::NONE),
                t.class,
                i == 0,
                &mut acc,
            );
            model.tables.add(
                model,
                ClassKey::with_seen(t.class, i, headline, self.seen[f]),
                [p1.class, t.class, n1.class],
                [t.gaz, p1_gaz, n1_gaz],
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
            rows[i] = *row;
        };
        let tags = &mut scratch.tags;
        tags.clear();
        tags.resize(n, O);
        let mut a = 0;
        while a < n {
            if !decoded[a] {
                a += 1;
                continue;
            }
            let b = decoded[a..].iter().position(|&d| !d).map_or(n, |k| a + k);
            let stretch = &mut scratch.stretch;
            model.decode_stretch(
                b - a,
                |k, row| score(a + k, row),
                a > 0,
                b < n,
                stretch,
                &mut scratch.back,
            );
            tags[a..b].copy_from_slice(stretch);
            a = b;
        }
        scratch.margins.clear();
        scratch.margins.resize(n, 0.0);
        for (s, e, kind) in spans_of(scratch.tags.iter().copied()) {
            let m = span_margin(kind, &scratch.tags[s..e], &scratch.rows[s..e]);
            scratch.margins[s..e].iter_mut().for_each(|x| *x = m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::headings::sentence_case;
    use lede_core::Document;

    /// A short article with a Title Case heading, repeated words and a
    /// gazetteer name.
    const ARTICLE: &str = "Ceasefire Talks Stall as Hamas Weighs Offer\n\n\
        Negotiators met in Cairo on Monday. Hamas said the offer from \
        Israel was not enough, and Egypt’s foreign minister said talks \
        would go on. The Gaza Strip saw more strikes overnight.";

    fn document() -> Document {
        let mut doc = Document::new("a", ARTICLE);
        let seg = lede_segment::segment(&doc.text);
        doc.layers.sentences = Some(seg.sentences);
        doc.layers.tokens = Some(seg.tokens);
        doc
    }

    #[test]
    fn per_form_infos_are_the_per_token_infos() {
        let doc = document();
        let gaz = Gazetteer::embedded();
        let layout = Layout::new(
            &doc.text,
            doc.layers.sentences.as_deref().unwrap_or(&[]),
            doc.layers.tokens.as_deref().unwrap_or(&[]),
        );
        let cache = WordCache::default();
        // Twice through the cache: filled, then read.
        for _ in 0..2 {
            let mut analysis = Analysis::with_cache(&gaz, Some(&cache), &doc.text, &layout);
            analysis.sentence_case(&gaz, &layout.sentences);
            // The same infos, token by token, as reading every token.
            let mut infos: Vec<TokenInfo> = Vec::new();
            for &(s, e) in &layout.sentences {
                let words = &analysis.words[s..e];
                let mut sent: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
                gaz.mark(words, &mut sent);
                infos.extend(sent);
            }
            sentence_case(&gaz, &analysis.words, &layout.sentences, &mut infos);
            assert!(analysis.headings.is_some(), "the first line is a heading");
            let lowered = (0..infos.len())
                .filter(|&i| analysis.info(i).word != TokenInfo::new(analysis.words[i]).word)
                .count();
            assert!(lowered >= 2, "\"Talks\", \"Stall\", ... read in lower case");
            for (i, t) in infos.iter().enumerate() {
                let a = analysis.info(i);
                assert_eq!(
                    (a.word, a.lower, a.shape, a.prefix, a.suffix, a.class, a.len),
                    (t.word, t.lower, t.shape, t.prefix, t.suffix, t.class, t.len),
                    "token {i} {:?}",
                    analysis.words[i]
                );
                assert_eq!((a.gaz, a.classes), (t.gaz, t.classes), "token {i}");
            }
            // The document context built per form is the one built per token.
            let whole = DocContext::new(layout.sentences.iter().map(|&(s, e)| &infos[s..e]));
            let headlines: Vec<bool> = layout
                .sentences
                .iter()
                .map(|&(s, e)| {
                    let headline = analysis.is_headline(s, e);
                    assert_eq!(headline, is_headline(&infos[s..e]));
                    headline
                })
                .collect();
            let per_form = FormContext::new(&analysis, &layout, &headlines);
            for (i, t) in infos.iter().enumerate() {
                let f = analysis.form_of[i] as usize;
                assert_eq!(whole.seen_of(t), per_form.seen[f], "token {i}");
            }
        }
    }

    #[test]
    fn clean_tokens_are_laid_out_as_cleaned_ones() {
        // The segmenter's tokens, read as they are, and the same tokens
        // shuffled, with a duplicate, read through the cleaning path.
        let doc = document();
        let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
        let tokens = doc.layers.tokens.as_deref().unwrap_or(&[]);
        let direct = Layout::new(&doc.text, sentences, tokens);
        let mut messy: Vec<Token> = tokens.iter().rev().copied().collect();
        messy.push(tokens[3]);
        let cleaned = Layout::new(&doc.text, sentences, &messy);
        assert_eq!(direct.tokens, cleaned.tokens);
        assert_eq!(direct.sentences, cleaned.sentences);
        assert_eq!(
            direct.tokens.len(),
            tokens.len(),
            "every token is inside a sentence"
        );
        // "Hamas" is one form wherever it occurs.
        let gaz = Gazetteer::embedded();
        let analysis = Analysis::new(&gaz, &doc.text, &direct);
        let hamas: Vec<u32> = (0..analysis.words.len())
            .filter(|&i| analysis.words[i] == "Hamas")
            .map(|i| analysis.form_of[i])
            .collect();
        assert_eq!(hamas.len(), 2);
        assert_eq!(hamas[0], hamas[1]);
    }

    #[test]
    fn form_index_numbers_distinct_texts_in_order_as_it_grows() {
        // Far more forms than the smallest table holds, each seen twice.
        let texts: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let mut index = FormIndex::with_tokens(2);
        for round in 0..2 {
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(index.id(t), i as u32, "{t} in round {round}");
            }
        }
        assert_eq!(index.texts.len(), texts.len());
        assert!(index.texts.iter().zip(&texts).all(|(f, t)| f == t));
    }

    #[test]
    fn form_index_tells_apart_texts_that_differ_in_one_byte() {
        let long = "x".repeat(WORD_CACHE_LONGEST + 1);
        let texts = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "acc",
            "abd",
            "abcd",
            "abce",
            "abcde",
            "abXde",
            "abcdefgh",
            "abcdXfgh",
            "abcdefgi",
            "Xbcdefgh",
            "abcdefghi",
            "abcdefghj",
            "Xbcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghiXklmnop",
            "Gaza",
            "Gaza’s",
            long.as_str(),
        ];
        let mut index = FormIndex::with_tokens(texts.len());
        for round in 0..2 {
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(index.id(t), i as u32, "{t:?} in round {round}");
            }
        }
        // A document read through the cache, twice (filled, then read), reads
        // as one read without it, long words (not kept) included.
        let text = format!("{} Gaza {} Gaza.", long, long);
        let seg = lede_segment::segment(&text);
        let layout = Layout::new(&text, &seg.sentences, &seg.tokens);
        let gaz = Gazetteer::embedded();
        let plain = Analysis::new(&gaz, &text, &layout);
        let cache = WordCache::default();
        for _ in 0..2 {
            let cached = Analysis::with_cache(&gaz, Some(&cache), &text, &layout);
            assert_eq!(cached.form_of, plain.form_of);
            for (a, b) in cached.forms.iter().zip(&plain.forms) {
                assert_eq!((a.word, a.lower, a.classes), (b.word, b.lower, b.classes));
            }
            assert_eq!(cached.gaz, plain.gaz);
        }
    }

    #[test]
    fn layout_keeps_sorted_non_overlapping_tokens_inside_sentences() {
        let text = "Hamas said no. Israel agreed.";
        let tok = |s: usize, e: usize| Token {
            span: Span::from_boundaries(text, s, e),
            kind: TokenKind::Word,
        };
        // Out of order, one overlapping, one outside any sentence.
        let tokens = [tok(6, 10), tok(0, 5), tok(2, 4), tok(11, 13), tok(15, 21)];
        let sentences = [Span::from_boundaries(text, 0, 14)];
        let layout = Layout::new(text, &sentences, &tokens);
        let spans: Vec<(usize, usize)> = layout
            .tokens
            .iter()
            .map(|t| (t.span.start(), t.span.end()))
            .collect();
        assert_eq!(spans, [(0, 5), (6, 10), (11, 13)]);
        assert_eq!(layout.sentences, [(0, 3)]);
        // Clean tokens, one outside every sentence: the same layout.
        let sorted = [tok(0, 5), tok(6, 10), tok(11, 13), tok(15, 21)];
        let direct = Layout::new(text, &sentences, &sorted);
        assert_eq!(direct.tokens, layout.tokens);
        assert_eq!(direct.sentences, layout.sentences);
        // Two sentences with a token between them left out.
        let both = [
            Span::from_boundaries(text, 0, 10),
            Span::from_boundaries(text, 15, 22),
        ];
        let layout = Layout::new(text, &both, &sorted);
        assert_eq!(layout.tokens, [tok(0, 5), tok(6, 10), tok(15, 21)]);
        assert_eq!(layout.sentences, [(0, 2), (2, 3)]);
    }
}
