//! The tag set, the compact model (feature hash -> quantised weights per tag,
//! tag transitions) and Viterbi decoding that only ever follows valid BILOU
//! transitions.

use std::fmt::Write as _;

use crate::outside::InsideWords;
use crate::scores::{ContextTables, FormCache};

/// The coarse CoNLL types the tagger predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coarse {
    Per = 0,
    Org = 1,
    Loc = 2,
    Misc = 3,
}

impl Coarse {
    pub const ALL: [Coarse; 4] = [Coarse::Per, Coarse::Org, Coarse::Loc, Coarse::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Coarse::Per => "PER",
            Coarse::Org => "ORG",
            Coarse::Loc => "LOC",
            Coarse::Misc => "MISC",
        }
    }

    pub fn from_index(i: usize) -> Coarse {
        Coarse::ALL[i.min(3)]
    }
}

/// BILOU tags: 0 is O, then for each type B, I, L, U.
pub const NUM_TAGS: usize = 17;

/// Tag scores as the tagger sums them: quantised weights, one lane per tag.
/// Not padded to a whole number of vector registers: the sums take as many
/// instructions either way, and unpadded rows (weights, form scores) miss
/// the cache less.
pub const LANES: usize = NUM_TAGS;
pub type Acc = [i32; LANES];
pub const O: usize = 0;
pub const B: usize = 0;
pub const I: usize = 1;
pub const L: usize = 2;
pub const U: usize = 3;

#[inline]
pub fn tag(kind: Coarse, part: usize) -> usize {
    1 + kind as usize * 4 + part
}

/// (type, part) of a non-O tag.
#[inline]
pub fn split(tag: usize) -> Option<(Coarse, usize)> {
    if tag == O || tag >= NUM_TAGS {
        None
    } else {
        Some((Coarse::from_index((tag - 1) / 4), (tag - 1) % 4))
    }
}

/// May `next` follow `prev`? `None` stands for the sentence boundary.
pub fn allowed(prev: Option<usize>, next: Option<usize>) -> bool {
    let open = |t: usize| matches!(split(t), Some((_, p)) if p == B || p == I);
    match (prev, next) {
        (None, None) => true,
        (None, Some(n)) => !matches!(split(n), Some((_, p)) if p == I || p == L),
        (Some(p), None) => !open(p),
        (Some(p), Some(n)) => {
            if open(p) {
                match (split(p), split(n)) {
                    (Some((kp, _)), Some((kn, pn))) => kp == kn && (pn == I || pn == L),
                    _ => false,
                }
            } else {
                !matches!(split(n), Some((_, q)) if q == I || q == L)
            }
        }
    }
}

/// Tags of gold spans (token index ranges) over `n` tokens.
pub fn encode(n: usize, spans: &[(usize, usize, Coarse)]) -> Vec<usize> {
    let mut tags = vec![O; n];
    for &(s, e, k) in spans {
        if s >= e || e > n {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(k, U);
        } else {
            tags[s] = tag(k, B);
            for t in tags.iter_mut().take(e - 1).skip(s + 1) {
                *t = tag(k, I);
            }
            tags[e - 1] = tag(k, L);
        }
    }
    tags
}

/// Spans (token ranges) read back from a valid tag sequence.
pub fn decode_spans(tags: &[usize]) -> Vec<(usize, usize, Coarse)> {
    spans_of(tags.iter().copied()).collect()
}

/// [`decode_spans`] as they are read, for a tagger that needs no list.
pub fn spans_of(tags: impl Iterator<Item = usize>) -> impl Iterator<Item = (usize, usize, Coarse)> {
    let mut start = None;
    tags.enumerate().filter_map(move |(i, t)| match split(t) {
        Some((k, U)) => Some((i, i + 1, k)),
        Some((_, B)) => {
            start = Some(i);
            None
        }
        Some((k, L)) => start.take().map(|s| (s, i + 1, k)),
        Some(_) => None,
        None => {
            start = None;
            None
        }
    })
}

/// The transitions [`Model::decode_stretch`] reads, in the forms it reads
/// them: the full table, its [`OpenTransitions`], and the start and end
/// scores of a stretch ([`stretch_bounds`]) indexed by whether an O token
/// comes before it and after it.
struct StretchTransitions {
    trans: [f32; NUM_TAGS * NUM_TAGS],
    open: OpenTransitions,
    start: [[f32; NUM_TAGS]; 2],
    end: [[f32; NUM_TAGS]; 2],
}

impl StretchTransitions {
    /// From a model's transitions; a table of another size (which `read`
    /// never makes) stands for all zeros.
    fn new(trans: &[f32], start: &[f32], end: &[f32]) -> StretchTransitions {
        let trans: [f32; NUM_TAGS * NUM_TAGS] =
            trans.try_into().unwrap_or([0.0; NUM_TAGS * NUM_TAGS]);
        let mut bounds = [[[0f32; NUM_TAGS]; 2]; 2];
        for after_outside in [false, true] {
            for before_outside in [false, true] {
                let (s, e) = stretch_bounds(&trans, start, end, after_outside, before_outside);
                bounds[0][after_outside as usize] = s;
                bounds[1][before_outside as usize] = e;
            }
        }
        StretchTransitions {
            trans,
            open: open_transitions(&trans),
            start: bounds[0],
            end: bounds[1],
        }
    }
}

/// The start and end scores of a stretch of a sentence (see
/// [`Model::decode_stretch`]): those of the sentence, or the transitions
/// from and into O where an O token is next to the stretch.
fn stretch_bounds(
    trans: &[f32; NUM_TAGS * NUM_TAGS],
    sentence_start: &[f32],
    sentence_end: &[f32],
    after_outside: bool,
    before_outside: bool,
) -> ([f32; NUM_TAGS], [f32; NUM_TAGS]) {
    let mut start = [0f32; NUM_TAGS];
    let mut end = [0f32; NUM_TAGS];
    for t in 0..NUM_TAGS {
        start[t] = if after_outside {
            trans[O * NUM_TAGS + t]
        } else {
            sentence_start.get(t).copied().unwrap_or(0.0)
        };
        end[t] = if before_outside {
            trans[t * NUM_TAGS + O]
        } else {
            sentence_end.get(t).copied().unwrap_or(0.0)
        };
    }
    (start, end)
}

/// Viterbi over per-token scores (`scores[i * NUM_TAGS + t]`) and transition
/// scores (`trans[prev * NUM_TAGS + next]`, `start`, `end`). Invalid
/// transitions are never taken, so the result always decodes to whole spans.
pub fn viterbi(
    scores: &[f32],
    trans: &[f32],
    start: &[f32],
    end: &[f32],
    out: &mut Vec<usize>,
    back: &mut Vec<u8>,
) {
    let n = scores.len() / NUM_TAGS;
    match trans.try_into() {
        Ok(trans) => viterbi_rows(
            n,
            |i, row| row.copy_from_slice(&scores[i * NUM_TAGS..(i + 1) * NUM_TAGS]),
            trans,
            &open_transitions(trans),
            start,
            end,
            out,
            back,
        ),
        Err(_) => {
            out.clear();
            if n == 0 {
                return;
            }
            back.clear();
            back.resize(n * NUM_TAGS, 0);
            viterbi_generic(scores, trans, start, end, out, back)
        }
    }
}

/// Width of a row of [`OpenTransitions`]: the nine targets padded to whole
/// vectors.
const OPEN_WIDTH: usize = 12;

/// The transitions of the first shape [`viterbi_rows`] handles: from each
/// closed tag (O, L-*, U-*) to each tag that may follow one (O, B-*, U-*),
/// a 9 x 9 max-plus product laid out densely, one row per predecessor, so
/// that all nine targets are updated at once.
pub type OpenTransitions = [[f32; OPEN_WIDTH]; 9];

/// The [`OpenTransitions`] of a transition table.
pub fn open_transitions(trans: &[f32; NUM_TAGS * NUM_TAGS]) -> OpenTransitions {
    let mut open = [[0f32; OPEN_WIDTH]; 9];
    for (row, &p) in open.iter_mut().zip(&CLOSED) {
        for (x, &t) in row.iter_mut().zip(&AFTER_CLOSED) {
            *x = trans[p * NUM_TAGS + t];
        }
    }
    open
}

/// [`viterbi`] over `n` tokens whose scores `row(i, ..)` writes, asked for
/// in token order: a tagger scores each token as the decoder reaches it and
/// keeps no table of scores. `open_trans` is [`open_transitions`]`(trans)`.
#[allow(clippy::too_many_arguments)]
pub fn viterbi_rows(
    n: usize,
    mut row_of: impl FnMut(usize, &mut [f32; NUM_TAGS]),
    trans: &[f32; NUM_TAGS * NUM_TAGS],
    open_trans: &OpenTransitions,
    start: &[f32],
    end: &[f32],
    out: &mut Vec<usize>,
    back: &mut Vec<u8>,
) {
    out.clear();
    if n == 0 {
        return;
    }
    // Every back pointer of tokens 1.. is written before it is read (token
    // 0 has none): the table only needs to be long enough.
    if back.len() < n * NUM_TAGS {
        back.resize(n * NUM_TAGS, 0);
    }
    let mut row = [0f32; NUM_TAGS];
    row_of(0, &mut row);
    let mut prev = [f32::NEG_INFINITY; NUM_TAGS];
    for (t, p) in prev.iter_mut().enumerate() {
        if VALID.start[t] {
            *p = start[t] + row[t];
        }
    }
    // The valid transitions have two shapes: O, B-x and U-x follow any
    // closed tag (O, L-*, U-*), through `open_trans`; I-x and L-x follow
    // only B-x or I-x.
    const W: usize = OPEN_WIDTH;
    let mut cur = [f32::NEG_INFINITY; NUM_TAGS];
    for i in 1..n {
        row_of(i, &mut row);
        let back_row = &mut back[i * NUM_TAGS..(i + 1) * NUM_TAGS];
        let mut from = [f32::NEG_INFINITY; 9];
        for (f, &p) in from.iter_mut().zip(&CLOSED) {
            *f = prev[p];
        }
        let mut best = [f32::NEG_INFINITY; W];
        for (&f, tr) in from.iter().zip(open_trans) {
            for k in 0..W {
                let s = f + tr[k];
                best[k] = if s > best[k] { s } else { best[k] };
            }
        }
        for (k, &t) in AFTER_CLOSED.iter().enumerate() {
            // The first predecessor reaching the best score: the choice of
            // a scan in tag order with a strict comparison, as in
            // `viterbi_generic`, so ties break alike.
            let j = (0..9)
                .position(|j| from[j] + open_trans[j][k] == best[k])
                .unwrap_or(0);
            cur[t] = best[k] + row[t];
            back_row[t] = CLOSED[j] as u8;
        }
        for kind in 0..4 {
            let b = 1 + 4 * kind;
            for t in [b + I, b + L] {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in [b + B, b + I] {
                    let s = prev[p] + trans[p * NUM_TAGS + t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                cur[t] = best + row[t];
                back_row[t] = arg;
            }
        }
        prev = cur;
    }
    finish_viterbi(&prev, end, n, out, back);
}

/// Tags that may close a span before the next token: O, L-x, U-x.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Tags that may follow a closed tag: O, B-x, U-x.
const AFTER_CLOSED: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The same decoding over the table of allowed predecessors, for
/// transition tables of an unexpected size.
fn viterbi_generic(
    scores: &[f32],
    trans: &[f32],
    start: &[f32],
    end: &[f32],
    out: &mut Vec<usize>,
    back: &mut [u8],
) {
    let n = scores.len() / NUM_TAGS;
    let mut prev = [f32::NEG_INFINITY; NUM_TAGS];
    for (t, p) in prev.iter_mut().enumerate() {
        if VALID.start[t] {
            *p = start[t] + scores[t];
        }
    }
    let mut cur = [f32::NEG_INFINITY; NUM_TAGS];
    for i in 1..n {
        let row = &scores[i * NUM_TAGS..(i + 1) * NUM_TAGS];
        for t in 0..NUM_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            let prevs = &PREVS.list[t][..PREVS.len[t]];
            for &p in prevs {
                let p = p as usize;
                let s = prev[p] + trans[p * NUM_TAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[t] = best + row[t];
            back[i * NUM_TAGS + t] = arg;
        }
        prev = cur;
    }
    finish_viterbi(&prev, end, n, out, back);
}

/// Picks the best final tag and follows the back pointers.
fn finish_viterbi(
    prev: &[f32; NUM_TAGS],
    end: &[f32],
    n: usize,
    out: &mut Vec<usize>,
    back: &[u8],
) {
    let mut best = f32::NEG_INFINITY;
    let mut arg = O;
    for t in 0..NUM_TAGS {
        if VALID.end[t] {
            let s = prev[t] + end[t];
            if s > best {
                best = s;
                arg = t;
            }
        }
    }
    out.resize(n, O);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        arg = back[i * NUM_TAGS + arg] as usize;
        out[i - 1] = arg;
    }
}

struct Valid {
    start: [bool; NUM_TAGS],
    end: [bool; NUM_TAGS],
    pair: [[bool; NUM_TAGS]; NUM_TAGS],
}

const fn build_valid() -> Valid {
    // Mirrors `allowed`, in a form usable in a const.
    let mut v = Valid {
        start: [false; NUM_TAGS],
        end: [false; NUM_TAGS],
        pair: [[false; NUM_TAGS]; NUM_TAGS],
    };
    let mut t = 0;
    while t < NUM_TAGS {
        let part = if t == 0 { 9 } else { (t - 1) % 4 };
        v.start[t] = !(part == I || part == L);
        v.end[t] = !(part == B || part == I);
        let mut n = 0;
        while n < NUM_TAGS {
            let npart = if n == 0 { 9 } else { (n - 1) % 4 };
            v.pair[t][n] = if part == B || part == I {
                n != 0 && (t - 1) / 4 == (n - 1) / 4 && (npart == I || npart == L)
            } else {
                !(npart == I || npart == L)
            };
            n += 1;
        }
        t += 1;
    }
    v
}

static VALID: Valid = build_valid();

/// For each tag, the tags allowed before it (the Viterbi inner loop).
struct Prevs {
    list: [[u8; NUM_TAGS]; NUM_TAGS],
    len: [usize; NUM_TAGS],
}

const fn build_prevs() -> Prevs {
    let valid = build_valid();
    let mut p = Prevs {
        list: [[0; NUM_TAGS]; NUM_TAGS],
        len: [0; NUM_TAGS],
    };
    let mut t = 0;
    while t < NUM_TAGS {
        let mut q = 0;
        while q < NUM_TAGS {
            if valid.pair[q][t] {
                p.list[t][p.len[t]] = q as u8;
                p.len[t] += 1;
            }
            q += 1;
        }
        t += 1;
    }
    p
}

static PREVS: Prevs = build_prevs();

/// A trained model: weights per feature hash, quantised to i16, in an
/// open-addressing table built at load time.
pub struct Model {
    scale: f32,
    trans: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
    /// What decoding a stretch of a sentence reads of the transitions,
    /// worked out once at load.
    stretch: StretchTransitions,
    /// Open addressing with linear probing over the full 64-bit keys, at
    /// most half full: a lookup is one multiply, and a hit costs one
    /// compare in the slot the key's hash names, most of the time.
    slots: Vec<Slot>,
    /// Weight rows, dense; the last row is all zeros and stands for
    /// "feature not in the model", so scoring needs no branch.
    weights: Vec<[i16; LANES]>,
    mask: usize,
    /// `64 - log2(slots.len())`: the slot of a key is the top bits of its
    /// product with an odd constant.
    shift: u32,
    /// Scores of the context features with few values, tabulated at load.
    pub(crate) tables: ContextTables,
    /// Scores of the word forms met so far, shared by all documents.
    pub(crate) forms: FormCache,
    /// The lower-case words that may be inside a name; the tagger does not
    /// score the others. Part of the model as it decides what the model is
    /// asked.
    pub(crate) inside: InsideWords,
}

/// A key (0 for an empty slot; stored keys are odd) and its weight row.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    row: u32,
}

const MAGIC: &[u8; 8] = b"LEDENER1";

impl Model {
    /// Serialises a model given as sorted (key, weights) rows.
    pub fn write(
        rows: &[(u64, [f32; NUM_TAGS])],
        trans: &[f32],
        start: &[f32],
        end: &[f32],
    ) -> Vec<u8> {
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(16 + rows.len() * (8 + 2 * NUM_TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for x in trans.iter().chain(start).chain(end) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, _) in rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, w) in rows {
            for x in w {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a lede-ner model (bad magic)".to_string());
        }
        let tags = r.u32()? as usize;
        if tags != NUM_TAGS {
            return Err(format!("model has {tags} tags, expected {NUM_TAGS}"));
        }
        let scale = r.f32()?;
        let mut read_vec =
            |n: usize| -> Result<Vec<f32>, String> { (0..n).map(|_| r.f32()).collect() };
        let trans = read_vec(NUM_TAGS * NUM_TAGS)?;
        let start = read_vec(NUM_TAGS)?;
        let end = read_vec(NUM_TAGS)?;
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return Err("model is truncated".to_string());
        }
        // At most half full, so that a probe meets an empty slot soon.
        let size = (n.max(1) * 2).next_power_of_two().max(8);
        let mask = size - 1;
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size];
        let mut weights = vec![[0i16; LANES]; n + 1];
        let key_bytes = r.take(n * 8)?;
        let weight_bytes = r.take(n * NUM_TAGS * 2)?;
        for i in 0..n {
            let mut kb = [0u8; 8];
            kb.copy_from_slice(&key_bytes[i * 8..i * 8 + 8]);
            let key = u64::from_le_bytes(kb) | 1;
            let mut b = home_slot(key, shift);
            // There is always an empty slot: the table is at most half full.
            // A key written twice keeps its last row.
            while slots[b].key != 0 && slots[b].key != key {
                b = (b + 1) & mask;
            }
            slots[b] = Slot { key, row: i as u32 };
            let row = &weight_bytes[i * NUM_TAGS * 2..(i + 1) * NUM_TAGS * 2];
            for (t, w) in weights[i].iter_mut().take(NUM_TAGS).enumerate() {
                *w = i16::from_le_bytes([row[2 * t], row[2 * t + 1]]);
            }
        }
        let stretch = StretchTransitions::new(&trans, &start, &end);
        let mut model = Model {
            scale,
            trans,
            start,
            end,
            stretch,
            slots,
            weights,
            mask,
            shift,
            tables: ContextTables::default(),
            forms: FormCache::default(),
            inside: InsideWords::embedded(),
        };
        model.tables = ContextTables::new(&model);
        Ok(model)
    }

    /// Number of features stored.
    pub fn len(&self) -> usize {
        self.weights.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row number of a feature key (the zero row when absent).
    #[inline]
    fn row_of(&self, key: u64) -> u32 {
        let mut b = home_slot(key, self.shift);
        // Ends at an empty slot; the table is never full.
        for _ in 0..self.slots.len() {
            let slot = &self.slots[b & self.mask];
            if slot.key == key {
                return slot.row;
            }
            if slot.key == 0 {
                break;
            }
            b = (b + 1) & self.mask;
        }
        (self.weights.len() - 1) as u32
    }

    /// Writes the scores of one token's features to `out` (NUM_TAGS values).
    #[inline]
    pub fn score_token(&self, features: &[u64], out: &mut [f32]) {
        let mut acc = [0i32; LANES];
        self.add_scores(features, &mut acc);
        self.to_scores(&acc, out);
    }

    /// Turns summed quantised weights into scores.
    #[inline]
    pub fn to_scores(&self, acc: &Acc, out: &mut [f32]) {
        for (o, &a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.scale;
        }
    }

    /// Adds the quantised weights of `features` to `acc`.
    #[inline]
    pub fn add_scores(&self, features: &[u64], acc: &mut Acc) {
        const CHUNK: usize = 32;
        let mut rows = [0u32; CHUNK];
        let mut sum = *acc;
        for chunk in features.chunks(CHUNK) {
            // Ask for every slot first, then look the rows up, so the
            // memory reads overlap instead of waiting one after another.
            let mut touched = 0u64;
            for &f in chunk {
                touched ^= self.slots[home_slot(f, self.shift) & self.mask].key;
            }
            std::hint::black_box(touched);
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.row_of(f);
            }
            for &r in &rows[..chunk.len()] {
                if let Some(w) = self.weights.get(r as usize) {
                    for t in 0..LANES {
                        sum[t] += w[t] as i32;
                    }
                }
            }
        }
        *acc = sum;
    }

    /// Best valid tag sequence for per-token scores (`NUM_TAGS` per token).
    pub fn decode(&self, scores: &[f32], out: &mut Vec<usize>, back: &mut Vec<u8>) {
        viterbi(scores, &self.trans, &self.start, &self.end, out, back);
    }

    /// [`Model::decode`] over a stretch of `n` tokens scored on demand
    /// ([`viterbi_rows`]), in a sentence whose tokens
    /// before (`after_outside`) and after (`before_outside`) are O: the
    /// stretch then starts with the transition from O, or ends with the one
    /// into O, instead of the sentence's start or end. Decoding a sentence
    /// as its stretches between O tokens gives the tags decoding it whole
    /// would, with those tokens' scores fixed to O.
    pub fn decode_stretch(
        &self,
        n: usize,
        row_of: impl FnMut(usize, &mut [f32; NUM_TAGS]),
        after_outside: bool,
        before_outside: bool,
        out: &mut Vec<usize>,
        back: &mut Vec<u8>,
    ) {
        let st = &self.stretch;
        viterbi_rows(
            n,
            row_of,
            &st.trans,
            &st.open,
            &st.start[after_outside as usize],
            &st.end[before_outside as usize],
            out,
            back,
        );
    }

    /// A one-line summary.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        let _ = write!(s, "{} features, {} tags", self.len(), NUM_TAGS);
        s
    }
}

/// The slot a key is looked for first (before masking).
#[inline]
fn home_slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).ok_or("model is truncated")?;
        let s = self.bytes.get(self.pos..end).ok_or("model is truncated")?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_table_matches_rule() {
        for p in 0..NUM_TAGS {
            assert_eq!(VALID.start[p], allowed(None, Some(p)));
            assert_eq!(VALID.end[p], allowed(Some(p), None));
            for n in 0..NUM_TAGS {
                assert_eq!(VALID.pair[p][n], allowed(Some(p), Some(n)), "{p} {n}");
            }
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![
            (0, 2, Coarse::Per),
            (3, 4, Coarse::Loc),
            (5, 8, Coarse::Org),
        ];
        let tags = encode(9, &spans);
        assert_eq!(decode_spans(&tags), spans);
    }

    #[test]
    fn unrolled_viterbi_matches_table_viterbi() {
        // Scores from a small generator, rounded so that ties are common:
        // both decoders must pick the same sequence, ties included.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ((state % 7) as f32) - 3.0
        };
        let trans: Vec<f32> = (0..NUM_TAGS * NUM_TAGS).map(|_| next()).collect();
        let start: Vec<f32> = (0..NUM_TAGS).map(|_| next()).collect();
        let end: Vec<f32> = (0..NUM_TAGS).map(|_| next()).collect();
        for n in [1, 2, 3, 7, 20] {
            for _ in 0..20 {
                let scores: Vec<f32> = (0..n * NUM_TAGS).map(|_| next()).collect();
                let (mut fast, mut back) = (Vec::new(), Vec::new());
                viterbi(&scores, &trans, &start, &end, &mut fast, &mut back);
                let (mut slow, mut back2) = (Vec::new(), vec![0u8; n * NUM_TAGS]);
                viterbi_generic(&scores, &trans, &start, &end, &mut slow, &mut back2);
                assert_eq!(fast, slow);
            }
        }
    }

    #[test]
    fn decoding_stretches_between_outside_tokens_matches_decoding_the_whole() {
        // Integer scores, so that sums are exact and ties break alike.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        fn small(r: u64) -> f32 {
            ((r % 9) as f32) - 4.0
        }
        let trans: Vec<f32> = (0..NUM_TAGS * NUM_TAGS).map(|_| small(next())).collect();
        let start: Vec<f32> = (0..NUM_TAGS).map(|_| small(next())).collect();
        let end: Vec<f32> = (0..NUM_TAGS).map(|_| small(next())).collect();
        let trans: [f32; NUM_TAGS * NUM_TAGS] = trans.try_into().unwrap();
        for n in [1, 2, 5, 12, 30] {
            for _ in 0..30 {
                let outside: Vec<bool> = (0..n).map(|_| next() % 3 == 0).collect();
                let rows: Vec<[f32; NUM_TAGS]> = outside
                    .iter()
                    .map(|&o| {
                        let mut row = [0f32; NUM_TAGS];
                        for (t, v) in row.iter_mut().enumerate() {
                            *v = if o && t != O { -1e9 } else { small(next()) };
                        }
                        row
                    })
                    .collect();
                let (mut whole, mut back) = (Vec::new(), Vec::new());
                viterbi_rows(
                    n,
                    |i, r| *r = rows[i],
                    &trans,
                    &open_transitions(&trans),
                    &start,
                    &end,
                    &mut whole,
                    &mut back,
                );
                let mut parts = vec![O; n];
                let mut a = 0;
                while a < n {
                    if outside[a] {
                        a += 1;
                        continue;
                    }
                    let b = outside[a..].iter().position(|&o| o).map_or(n, |k| a + k);
                    let (s, e) = stretch_bounds(&trans, &start, &end, a > 0, b < n);
                    let mut part = Vec::new();
                    viterbi_rows(
                        b - a,
                        |k, r| *r = rows[a + k],
                        &trans,
                        &open_transitions(&trans),
                        &s,
                        &e,
                        &mut part,
                        &mut back,
                    );
                    parts[a..b].copy_from_slice(&part);
                    a = b;
                }
                assert_eq!(whole, parts, "outside {outside:?}");
            }
        }
    }

    #[test]
    fn viterbi_never_emits_invalid_sequences() {
        // Scores that favour an I tag everywhere still decode to valid tags.
        let n = 5;
        let mut scores = vec![0.0; n * NUM_TAGS];
        for i in 0..n {
            scores[i * NUM_TAGS + tag(Coarse::Org, I)] = 10.0;
        }
        let zeros = vec![0.0; NUM_TAGS * NUM_TAGS];
        let z = vec![0.0; NUM_TAGS];
        let (mut out, mut back) = (Vec::new(), Vec::new());
        viterbi(&scores, &zeros, &z, &z, &mut out, &mut back);
        assert!(allowed(None, Some(out[0])));
        for w in out.windows(2) {
            assert!(allowed(Some(w[0]), Some(w[1])));
        }
        assert!(allowed(Some(out[n - 1]), None));
    }
}
