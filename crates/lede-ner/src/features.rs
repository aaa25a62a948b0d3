//! Feature extraction shared by training and tagging.
//!
//! Features are never built as strings: each token is read once into a
//! [`TokenInfo`] of 64-bit hashes (word form, lower case, shape, prefixes,
//! suffixes) and every feature is a hash of a template number and such
//! values. Training and tagging call the same code, so a model only ever sees
//! features computed the same way.

use crate::clusters::WordClasses;
use crate::gazetteer::{GazMatch, Gazetteer, IdentityMap};

/// Streaming FNV-1a over code points: the same text fed in pieces gives the
/// same hash as fed at once, which lets gazetteer lookups join tokens.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    pub const fn new() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
    /// Goes on from the state a [`Hasher::finish`] returned.
    pub const fn resume(state: u64) -> Hasher {
        Hasher(state)
    }
    #[inline]
    pub fn push(&mut self, c: char) {
        self.0 = (self.0 ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    #[inline]
    pub fn finish(self) -> u64 {
        self.0
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher::new()
    }
}

/// Folds typographic variants to one form so that "Netanyahu’s" and
/// "Netanyahu's" look alike: curly quotes become straight, dashes a hyphen.
#[inline]
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '`' | '\u{00b4}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Lower-cases one normalised char into the hasher (no allocation).
#[inline]
pub fn push_lower(h: &mut Hasher, c: char) {
    if c.is_ascii() {
        h.push(c.to_ascii_lowercase());
    } else {
        for l in c.to_lowercase() {
            h.push(l);
        }
    }
}

/// Hash of a text as gazetteers key it: normalised, lower-cased, with white
/// space removed.
pub fn key_of(text: &str) -> u64 {
    let mut h = Hasher::new();
    push_key(&mut h, text);
    h.finish()
}

/// What [`push_key`] feeds for each ASCII byte: the byte lower-cased, "`"
/// read as "'", and 0 (nothing) for white space (`char::is_whitespace` on
/// ASCII: tab to carriage return, and space).
static ASCII_KEY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'\t'..=b'\r' | b' ' => 0,
            b'`' => b'\'',
            _ => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Feeds `text` to `h` as [`key_of`] reads it (normalised, lower-cased,
/// white space left out); false when nothing was fed. ASCII, almost all of
/// news text, is read a byte at a time without decoding characters; other
/// characters go the general way, so the hash is the same either way.
#[inline]
pub fn push_key(h: &mut Hasher, text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut any = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            let c = ASCII_KEY[usize::from(b)];
            if c != 0 {
                h.push(c as char);
                any = true;
            }
            i += 1;
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if !c.is_whitespace() {
                push_lower(h, normalize_char(c));
                any = true;
            }
            i += c.len_utf8();
        }
    }
    any
}

/// The capitalisation class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CapClass {
    Lower = 0,
    InitCap = 1,
    AllCaps = 2,
    SingleCap = 3,
    Digits = 4,
    HasDigit = 5,
    Punct = 6,
    Mixed = 7,
    Other = 8,
}

impl CapClass {
    pub const COUNT: usize = 9;
    pub const ALL: [CapClass; CapClass::COUNT] = [
        CapClass::Lower,
        CapClass::InitCap,
        CapClass::AllCaps,
        CapClass::SingleCap,
        CapClass::Digits,
        CapClass::HasDigit,
        CapClass::Punct,
        CapClass::Mixed,
        CapClass::Other,
    ];
}

#[inline]
fn is_capitalised_class(class: CapClass) -> bool {
    matches!(
        class,
        CapClass::InitCap | CapClass::AllCaps | CapClass::SingleCap | CapClass::Mixed
    )
}

/// What the tagger knows about one token, computed once per token.
#[derive(Clone, Copy, Debug)]
pub struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub class: CapClass,
    pub len: u8,
    /// Greedy longest gazetteer match covering this token.
    pub gaz: GazMatch,
    /// Word classes learnt from unlabelled news ([`crate::clusters`]), set
    /// with the gazetteer marks; [`WordClasses::NONE`] until then.
    pub classes: WordClasses,
}

const BOS: u64 = 0x1234_5678_9abc_def1;
const EOS: u64 = 0x0fed_cba9_8765_4321;

impl TokenInfo {
    fn boundary(h: u64) -> TokenInfo {
        TokenInfo {
            word: h,
            lower: h,
            shape: h,
            prefix: [h; 4],
            suffix: [h; 4],
            class: CapClass::Other,
            len: 0,
            gaz: GazMatch::NONE,
            classes: WordClasses::NONE,
        }
    }

    /// Reads one token's text.
    pub fn new(text: &str) -> TokenInfo {
        let mut word = Hasher::new();
        let mut lower = Hasher::new();
        let mut shape = Hasher::new();
        let mut last_shape = '\0';
        let mut upper = 0usize;
        let mut lowers = 0usize;
        let mut digits = 0usize;
        let mut others = 0usize;
        let mut first_upper = false;
        let mut n = 0usize;
        let mut head = ['\0'; 4];
        let mut tail = ['\0'; 4];
        for c in text.chars() {
            let c = normalize_char(c);
            let (w, s) = if c.is_ascii_digit() {
                digits += 1;
                ('0', 'd')
            } else if c.is_uppercase() {
                upper += 1;
                if n == 0 {
                    first_upper = true;
                }
                (c, 'X')
            } else if c.is_lowercase() {
                lowers += 1;
                (c, 'x')
            } else if c.is_alphabetic() {
                // Scripts without case (Hebrew, Arabic) count as capitalised
                // names would: they are almost always names in English news.
                upper += 1;
                if n == 0 {
                    first_upper = true;
                }
                (c, 'A')
            } else {
                others += 1;
                (c, c)
            };
            word.push(w);
            push_lower(&mut lower, w);
            if s != last_shape {
                shape.push(s);
                last_shape = s;
            }
            let lc = if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase().next().unwrap_or(w)
            };
            if n < 4 {
                head[n] = lc;
            }
            tail = [tail[1], tail[2], tail[3], lc];
            n += 1;
        }
        let mut prefix = [0u64; 4];
        let mut ph = Hasher::new();
        for (k, p) in prefix.iter_mut().enumerate() {
            if k < n {
                ph.push(head[k]);
            }
            *p = ph.finish() ^ (k as u64 + 1);
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let mut sh = Hasher::new();
            let take = (k + 1).min(n);
            for &c in &tail[4 - take..] {
                sh.push(c);
            }
            *s = sh.finish() ^ ((k as u64 + 1) << 8);
        }
        let letters = upper + lowers;
        let class = if n == 0 {
            CapClass::Other
        } else if digits == n {
            CapClass::Digits
        } else if digits > 0 {
            CapClass::HasDigit
        } else if letters == 0 {
            CapClass::Punct
        } else if lowers == 0 {
            if upper == 1 {
                CapClass::SingleCap
            } else {
                CapClass::AllCaps
            }
        } else if first_upper {
            CapClass::InitCap
        } else if upper == 0 {
            CapClass::Lower
        } else if others > 0 || upper > 0 {
            CapClass::Mixed
        } else {
            CapClass::Other
        };
        TokenInfo {
            word: word.finish(),
            lower: lower.finish(),
            shape: shape.finish(),
            prefix,
            suffix,
            class,
            len: n.min(255) as u8,
            gaz: GazMatch::NONE,
            classes: WordClasses::NONE,
        }
    }

    fn is_capitalised(&self) -> bool {
        is_capitalised_class(self.class)
    }
}

/// Document-wide facts used as features: which lower-case forms occur in
/// lower case, and which occur capitalised away from a sentence start.
#[derive(Default)]
pub struct DocContext {
    /// Per lower-case form hash: [`SEEN_LOWER`] and/or [`SEEN_CAP_INSIDE`].
    seen: IdentityMap<u8>,
}

const SEEN_LOWER: u8 = 1;
const SEEN_CAP_INSIDE: u8 = 2;

impl DocContext {
    /// Builds the context from every sentence's token infos.
    pub fn new<'a>(sentences: impl Iterator<Item = &'a [TokenInfo]>) -> DocContext {
        let mut ctx = DocContext::default();
        for sent in sentences {
            let headline = is_headline(sent);
            for (i, t) in sent.iter().enumerate() {
                let flags = DocContext::form_flags(t, true, is_cap_inside(t.class, i, headline));
                if flags != 0 {
                    *ctx.seen.entry(t.lower).or_default() |= flags;
                }
            }
        }
        ctx
    }

    /// The flags one word form gives its lower-case form: given whether
    /// some token has it, and whether one has it where [`is_cap_inside`]
    /// holds. [`DocContext::new`] sets them per token; a tagger may set
    /// them per form, in a table of the document's lower-case forms.
    #[inline]
    pub fn form_flags(t: &TokenInfo, occurs: bool, cap_inside: bool) -> u8 {
        if occurs && t.class == CapClass::Lower {
            SEEN_LOWER
        } else if cap_inside {
            SEEN_CAP_INSIDE
        } else {
            0
        }
    }

    /// [`DocContext::seen_of`] a form whose lower-case form has `flags`.
    #[inline]
    pub fn seen_with(t: &TokenInfo, flags: u8) -> u8 {
        if t.is_capitalised() {
            flags
        } else {
            0
        }
    }

    /// The flags of a lower-case form hash.
    #[inline]
    fn seen(&self, lower: u64) -> u8 {
        self.seen.get(&lower).copied().unwrap_or(0)
    }

    /// The flags [`ClassKey`] reads for a token of form `t` (they depend on
    /// the form alone, so a tagger may look them up once per form).
    #[inline]
    pub fn seen_of(&self, t: &TokenInfo) -> u8 {
        if t.is_capitalised() {
            self.seen(t.lower)
        } else {
            0
        }
    }
}

/// Does token `i` of a sentence, of class `class`, show its lower-case form
/// capitalised inside a sentence (away from its start, not in a headline)?
#[inline]
pub fn is_cap_inside(class: CapClass, i: usize, headline: bool) -> bool {
    matches!(class, CapClass::InitCap | CapClass::Mixed) && i > 0 && !headline
}

/// True for sentences written mostly in capitals (headlines, datelines).
pub fn is_headline(sent: &[TokenInfo]) -> bool {
    is_headline_classes(sent.iter().map(|t| t.class))
}

/// [`is_headline`] given the classes of a sentence's tokens.
pub fn is_headline_classes(classes: impl Iterator<Item = CapClass>) -> bool {
    let mut caps = 0;
    let mut words = 0;
    for class in classes {
        match class {
            CapClass::AllCaps => {
                caps += 1;
                words += 1
            }
            CapClass::Lower | CapClass::InitCap | CapClass::Mixed | CapClass::SingleCap => {
                words += 1
            }
            _ => {}
        }
    }
    words > 0 && caps * 5 >= words * 3 && caps >= 2
}

#[inline]
fn mix(template: u64, value: u64) -> u64 {
    let mut x = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    // Key 0 marks an empty slot in the weight table.
    x | 1
}

#[inline]
fn mix2(template: u64, a: u64, b: u64) -> u64 {
    mix(
        template,
        a.rotate_left(17) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd),
    )
}

/// Fills `tokens` with the infos of a sentence's token texts, including
/// gazetteer matches.
pub fn sentence_infos<'a>(
    words: impl Iterator<Item = &'a str>,
    gaz: &Gazetteer,
    out: &mut Vec<TokenInfo>,
    word_buf: &mut Vec<&'a str>,
) {
    out.clear();
    word_buf.clear();
    for w in words {
        out.push(TokenInfo::new(w));
        word_buf.push(w);
    }
    gaz.mark(word_buf, out);
}

/// Appends the feature keys of token `i` of `sent` to `out`: first those
/// that depend on the token's text alone ([`intrinsic_features`]), then
/// those that depend on its context ([`context_features`]).
pub fn token_features(
    sent: &[TokenInfo],
    i: usize,
    headline: bool,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    intrinsic_features(&sent[i], out);
    context_features(sent, i, headline, doc, out);
}

/// Features that are a function of the token's normalised text only (so a
/// tagger may cache their scores per word form).
pub fn intrinsic_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.push(mix(1, t.word));
    out.push(mix(2, t.lower));
    out.push(mix(3, t.shape));
    for k in 0..4 {
        out.push(mix(4 + k as u64, t.prefix[k]));
        out.push(mix(8 + k as u64, t.suffix[k]));
    }
    out.push(mix(27, (t.len.min(12) as u64) | (t.class as u64) << 8));
    // Word classes, coarse to fine.
    for (k, &c) in t.classes.0.iter().enumerate() {
        out.push(mix(33 + k as u64, c as u64));
    }
}

/// Features of token `i` that depend on its neighbours, its sentence or its
/// document.
pub fn context_features(
    sent: &[TokenInfo],
    i: usize,
    headline: bool,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let ii = i as isize;
    let t = sent[i];
    let p1 = neighbour_at(sent, ii - 1);
    let p2 = neighbour_at(sent, ii - 2);
    let n1 = neighbour_at(sent, ii + 1);
    let n2 = neighbour_at(sent, ii + 2);
    out.push(mix(0, 0));
    out.push(mix(12, p1.lower));
    out.push(mix(13, n1.lower));
    out.push(mix(14, p2.lower));
    out.push(mix(15, n2.lower));
    out.push(mix(16, p1.shape));
    out.push(mix(17, n1.shape));
    class_role_features(&p1, Role::Prev, out);
    class_role_features(&n1, Role::Next, out);
    shared_context_features(t, p1, n1, i, headline, doc, out);
}

/// Where a neighbour sits relative to the token being scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Prev = 0,
    Next = 1,
    Prev2 = 2,
    Next2 = 3,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Prev, Role::Next, Role::Prev2, Role::Next2];
}

/// The features of [`context_features`] that depend on one neighbour's
/// word form alone (its lower case and shape), so a tagger may cache their
/// scores per word form and role.
pub fn role_features(x: &TokenInfo, role: Role, out: &mut Vec<u64>) {
    match role {
        Role::Prev => {
            out.push(mix(12, x.lower));
            out.push(mix(16, x.shape));
        }
        Role::Next => {
            out.push(mix(13, x.lower));
            out.push(mix(17, x.shape));
        }
        Role::Prev2 => out.push(mix(14, x.lower)),
        Role::Next2 => out.push(mix(15, x.lower)),
    }
    class_role_features(x, role, out);
}

/// The middle and fine word classes of the previous and the next word.
fn class_role_features(x: &TokenInfo, role: Role, out: &mut Vec<u64>) {
    let [_, middle, fine] = x.classes.0;
    match role {
        Role::Prev => {
            out.push(mix(37, middle as u64));
            out.push(mix(39, fine as u64));
        }
        Role::Next => {
            out.push(mix(38, middle as u64));
            out.push(mix(40, fine as u64));
        }
        Role::Prev2 | Role::Next2 => {}
    }
}

/// The neighbours of token `i` in `sent` for each [`Role`]: `None` when the
/// neighbour is in the sentence (its role features are cached), else the
/// boundary marker standing in for it.
pub fn boundary_neighbours(sent: &[TokenInfo], i: usize) -> [Option<TokenInfo>; 4] {
    boundary_neighbours_in(sent.len(), i)
}

/// [`boundary_neighbours`] in a sentence of `len` tokens.
pub fn boundary_neighbours_in(len: usize, i: usize) -> [Option<TokenInfo>; 4] {
    let n = len as isize;
    let ii = i as isize;
    let at = |j: isize| -> Option<TokenInfo> {
        if j < 0 {
            Some(TokenInfo::boundary(BOS ^ (j as u64)))
        } else if j >= n {
            Some(TokenInfo::boundary(EOS ^ (j as u64)))
        } else {
            None
        }
    };
    [at(ii - 1), at(ii + 1), at(ii - 2), at(ii + 2)]
}

/// [`context_features`] without those of [`role_features`] for the four
/// neighbours: together they are the same multiset of keys (checked by a
/// test), so cached role scores plus these give the same score.
pub fn pair_features(
    sent: &[TokenInfo],
    i: usize,
    headline: bool,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let t = sent[i];
    let ii = i as isize;
    let p1 = neighbour_at(sent, ii - 1);
    let n1 = neighbour_at(sent, ii + 1);
    out.push(mix(0, 0));
    shared_context_features(t, p1, n1, i, headline, doc, out);
}

/// Token `j` of `sent`, or the boundary marker standing in for a position
/// before or after the sentence.
pub fn neighbour_at(sent: &[TokenInfo], j: isize) -> TokenInfo {
    if j < 0 {
        TokenInfo::boundary(BOS ^ (j as u64))
    } else if j as usize >= sent.len() {
        TokenInfo::boundary(EOS ^ (j as u64))
    } else {
        sent[j as usize]
    }
}

/// The context features that [`context_features`] and [`pair_features`]
/// share: those of the token with its direct neighbours, its sentence and its
/// document (everything but the single-neighbour role features). The keys
/// are pushed in a fixed order (training sums their weights in that order);
/// a tagger gets the same multiset from [`sparse_context_features`] and the
/// small-domain groups ([`class_features`], [`class_triple_feature`],
/// [`gaz_feature`]), which it may tabulate.
fn shared_context_features(
    t: TokenInfo,
    p1: TokenInfo,
    n1: TokenInfo,
    i: usize,
    headline: bool,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let key = ClassKey::new(&t, i, headline, doc);
    out.extend_from_slice(&pair_keys(&t, &p1, &n1));
    class_features_before(key, out);
    if headline {
        out.push(headline_word_feature(&t));
    }
    class_features_after(key, out);
    out.push(class_triple_feature(p1.class, t.class, n1.class));
    out.push(suffix_shape_feature(&t, &p1));
    push_gaz(29, t.gaz, out);
    push_gaz(30, p1.gaz, out);
    push_gaz(31, n1.gaz, out);
    if t.gaz.mask != 0 {
        out.push(gaz_class_feature(&t));
    }
}

/// The features of [`shared_context_features`] whose values range over word
/// forms (word and shape pairs, headline words, gazetteer masks): these need
/// a lookup per token; the others ([`ClassKey`], class triples, gazetteer
/// positions) take few values and can be tabulated.
pub fn sparse_context_features(
    t: &TokenInfo,
    p1: &TokenInfo,
    n1: &TokenInfo,
    headline: bool,
    out: &mut Vec<u64>,
) {
    out.extend_from_slice(&pair_keys(t, p1, n1));
    if headline {
        out.push(headline_word_feature(t));
    }
    out.push(suffix_shape_feature(t, p1));
    if t.gaz.mask != 0 {
        out.push(gaz_class_feature(t));
    }
}

#[inline]
fn pair_keys(t: &TokenInfo, p1: &TokenInfo, n1: &TokenInfo) -> [u64; 4] {
    [
        mix2(18, p1.shape, t.shape),
        mix2(19, t.shape, n1.shape),
        mix2(20, p1.lower, t.lower),
        mix2(21, t.lower, n1.lower),
    ]
}

#[inline]
fn headline_word_feature(t: &TokenInfo) -> u64 {
    mix(24, t.lower)
}

#[inline]
fn suffix_shape_feature(t: &TokenInfo, p1: &TokenInfo) -> u64 {
    mix2(28, p1.suffix[2], t.shape)
}

#[inline]
fn gaz_class_feature(t: &TokenInfo) -> u64 {
    mix(32, (t.gaz.mask as u64) << 8 | t.class as u64)
}

/// The facts about a token that the class features read: its
/// capitalisation class, sentence position, headline flag and whether its
/// lower case form occurs in the document in lower case or capitalised
/// inside a sentence. [`ClassKey::COUNT`] values in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassKey {
    pub class: CapClass,
    pub first: bool,
    pub headline: bool,
    pub lower_seen: bool,
    pub cap_seen: bool,
}

impl ClassKey {
    pub const COUNT: usize = CapClass::COUNT * 16;

    /// The key of token `i` of a sentence.
    #[inline]
    pub fn new(t: &TokenInfo, i: usize, headline: bool, doc: &DocContext) -> ClassKey {
        ClassKey::with_seen(t.class, i, headline, doc.seen_of(t))
    }

    /// [`ClassKey::new`] given the token's class and
    /// [`DocContext::seen_of`] its form.
    #[inline]
    pub fn with_seen(class: CapClass, i: usize, headline: bool, seen: u8) -> ClassKey {
        ClassKey {
            class,
            first: i == 0,
            headline,
            lower_seen: seen & SEEN_LOWER != 0,
            cap_seen: seen & SEEN_CAP_INSIDE != 0,
        }
    }

    /// A dense number below [`ClassKey::COUNT`].
    #[inline]
    pub fn index(self) -> usize {
        (self.class as usize) << 4
            | (self.first as usize) << 3
            | (self.headline as usize) << 2
            | (self.lower_seen as usize) << 1
            | self.cap_seen as usize
    }

    /// Every key, in [`ClassKey::index`] order.
    pub fn all() -> impl Iterator<Item = ClassKey> {
        CapClass::ALL.into_iter().flat_map(|class| {
            (0..16usize).map(move |bits| ClassKey {
                class,
                first: bits & 8 != 0,
                headline: bits & 4 != 0,
                lower_seen: bits & 2 != 0,
                cap_seen: bits & 1 != 0,
            })
        })
    }
}

/// The bias and the features of a [`ClassKey`], in any order (a tagger
/// sums them once per key).
pub fn class_features(key: ClassKey, out: &mut Vec<u64>) {
    out.push(bias_feature());
    class_features_before(key, out);
    class_features_after(key, out);
}

/// The feature every token has.
#[inline]
pub fn bias_feature() -> u64 {
    mix(0, 0)
}

fn class_features_before(key: ClassKey, out: &mut Vec<u64>) {
    let class = key.class as u64;
    let first = key.first as u64;
    out.push(mix(22, class | first << 8));
    out.push(mix(23, class | (key.headline as u64) << 8));
}

fn class_features_after(key: ClassKey, out: &mut Vec<u64>) {
    if is_capitalised_class(key.class) {
        let class = key.class as u64;
        let first = key.first as u64;
        out.push(mix(
            25,
            class | (key.lower_seen as u64) << 8 | (key.cap_seen as u64) << 9 | first << 10,
        ));
    }
}

/// The classes of the previous token, the token and the next one.
#[inline]
pub fn class_triple_feature(p1: CapClass, t: CapClass, n1: CapClass) -> u64 {
    mix(26, (p1 as u64) | (t as u64) << 8 | (n1 as u64) << 16)
}

/// Where a token of a gazetteer match sits, for one category bit: template
/// [`GAZ_SELF`], [`GAZ_PREV`] or [`GAZ_NEXT`] (the token's own match, the
/// previous token's, the next token's).
#[inline]
pub fn gaz_feature(template: u64, bit: u64, pos: u8, len: u8) -> u64 {
    mix(template, bit << 4 | pos as u64 | (len.min(4) as u64) << 8)
}

pub const GAZ_SELF: u64 = 29;
pub const GAZ_PREV: u64 = 30;
pub const GAZ_NEXT: u64 = 31;

fn push_gaz(template: u64, g: GazMatch, out: &mut Vec<u64>) {
    let mut mask = g.mask;
    while mask != 0 {
        let bit = mask.trailing_zeros() as u64;
        mask &= mask - 1;
        out.push(gaz_feature(template, bit, g.pos, g.len));
    }
}

/// What the tagger predicted for earlier occurrences of a word form in the
/// document ("extended prediction history"): how many of them were outside
/// any entity and how many inside a PER, ORG, LOC or MISC span. A name is
/// usually written out in full, in running text, before it is shortened or
/// put in a headline, so the label it got there decides the harder mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct History {
    /// Index 0: outside; 1 + [`crate::model::Coarse`] otherwise.
    pub counts: [u16; HISTORY_TYPES],
}

/// Outside plus the four coarse types.
pub const HISTORY_TYPES: usize = 5;

impl History {
    /// Counts one more occurrence with type index `k` (0 = outside).
    #[inline]
    pub fn add(&mut self, k: usize) {
        if let Some(c) = self.counts.get_mut(k) {
            *c = c.saturating_add(1);
        }
    }

    /// The most frequent type (the lowest index on ties) and whether every
    /// occurrence had it, or `None` before the first occurrence.
    #[inline]
    pub fn majority(&self) -> Option<(usize, bool)> {
        let total: u32 = self.counts.iter().map(|&c| c as u32).sum();
        if total == 0 {
            return None;
        }
        let mut best = 0;
        for k in 1..HISTORY_TYPES {
            if self.counts[k] > self.counts[best] {
                best = k;
            }
        }
        Some((best, self.counts[best] as u32 == total))
    }
}

/// Whether a token's earlier occurrences are counted and read: capitalised
/// words only (lower-case words are almost never names, and the feature
/// would only cost time there).
#[inline]
pub fn has_history(t: &TokenInfo) -> bool {
    t.is_capitalised()
}

/// The features of the [`History`] of token `i` of a sentence (`hist` has
/// one per token, empty for tokens without one): the majority type, alone
/// and with whether it was unanimous, with the token's capitalisation class
/// and sentence position, and each type seen at all; and the majority type
/// of the words before and after it ("Dynamo" before a word the article
/// reads as a city).
pub fn history_features(hist: &[History], i: usize, t: &TokenInfo, out: &mut Vec<u64>) {
    let first = i == 0;
    if let Some((m, all)) = hist[i].majority() {
        out.push(history_majority_feature(m, all));
        out.push(history_class_feature(m, t.class, first));
        for (k, &c) in hist[i].counts.iter().enumerate() {
            if c > 0 {
                out.push(history_seen_feature(k));
            }
        }
    }
    if let Some((m, _)) = i.checked_sub(1).and_then(|j| hist[j].majority()) {
        out.push(history_neighbour_feature(44, m));
    }
    if let Some((m, _)) = hist.get(i + 1).and_then(History::majority) {
        out.push(history_neighbour_feature(45, m));
    }
}

#[inline]
pub(crate) fn history_neighbour_feature(template: u64, m: usize) -> u64 {
    mix(template, m as u64)
}

#[inline]
pub(crate) fn history_majority_feature(m: usize, all: bool) -> u64 {
    mix(41, m as u64 | (all as u64) << 4)
}

#[inline]
pub(crate) fn history_class_feature(m: usize, class: CapClass, first: bool) -> u64 {
    mix(42, m as u64 | (first as u64) << 4 | (class as u64) << 8)
}

#[inline]
pub(crate) fn history_seen_feature(k: usize) -> u64 {
    mix(43, k as u64)
}

/// Every key [`history_features`] can produce (training numbers them before
/// it sees any prediction).
pub fn all_history_features() -> Vec<u64> {
    let mut out = Vec::new();
    for m in 0..HISTORY_TYPES {
        for all in [false, true] {
            out.push(history_majority_feature(m, all));
        }
        for class in CapClass::ALL {
            for first in [false, true] {
                out.push(history_class_feature(m, class, first));
            }
        }
        out.push(history_seen_feature(m));
        out.push(history_neighbour_feature(44, m));
        out.push(history_neighbour_feature(45, m));
    }
    out
}

/// The order in which a document's sentences are tagged, so that the
/// [`History`] of a word form holds the body's predictions before the
/// harder sentences are decoded: running text first, in document order,
/// then the headlines (all caps, where capitals tell nothing).
pub fn tagging_order(headlines: &[bool]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..headlines.len()).filter(|&s| !headlines[s]).collect();
    order.extend((0..headlines.len()).filter(|&s| headlines[s]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_variants_share_features() {
        let a = TokenInfo::new("Netanyahu’s");
        let b = TokenInfo::new("Netanyahu's");
        assert_eq!(a.word, b.word);
        assert_eq!(a.shape, b.shape);
        assert_eq!(TokenInfo::new("Gaza").lower, TokenInfo::new("GAZA").lower);
    }

    #[test]
    fn capitalisation_classes() {
        assert_eq!(TokenInfo::new("Hamas").class, CapClass::InitCap);
        assert_eq!(TokenInfo::new("IAEA").class, CapClass::AllCaps);
        assert_eq!(TokenInfo::new("ceasefire").class, CapClass::Lower);
        assert_eq!(TokenInfo::new("35,000").class, CapClass::HasDigit);
        assert_eq!(TokenInfo::new("2025").class, CapClass::Digits);
        assert_eq!(TokenInfo::new("—").class, CapClass::Punct);
        assert_eq!(TokenInfo::new("iPhone").class, CapClass::Mixed);
    }

    #[test]
    fn role_and_pair_features_make_up_the_context_features() {
        let words = ["Prime", "Minister", "Benjamin", "Netanyahu", "said", "."];
        let gaz = Gazetteer::embedded();
        let mut infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
        gaz.mark(&words, &mut infos);
        let ctx = DocContext::new(std::iter::once(infos.as_slice()));
        for headline in [false, true] {
            for i in 0..infos.len() {
                let mut whole = Vec::new();
                context_features(&infos, i, headline, &ctx, &mut whole);
                let mut parts = Vec::new();
                pair_features(&infos, i, headline, &ctx, &mut parts);
                let boundary = boundary_neighbours(&infos, i);
                let offsets = [-1isize, 1, -2, 2];
                for ((role, b), d) in Role::ALL.iter().zip(boundary).zip(offsets) {
                    let x = b.unwrap_or_else(|| infos[(i as isize + d) as usize]);
                    role_features(&x, *role, &mut parts);
                }
                whole.sort_unstable();
                parts.sort_unstable();
                assert_eq!(whole, parts, "token {i}");
            }
        }
    }

    #[test]
    fn sparse_and_tabulated_features_make_up_the_pair_features() {
        // The tagger scores pair features as the sparse ones plus the
        // tabulated groups: together they must be the same multiset.
        let words = [
            "Prime",
            "Minister",
            "Benjamin",
            "Netanyahu",
            "told",
            "CNN",
            "in",
            "Gaza",
        ];
        let gaz = Gazetteer::embedded();
        let mut infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
        gaz.mark(&words, &mut infos);
        let lower = [TokenInfo::new("told"), TokenInfo::new("gaza")];
        let ctx = DocContext::new([infos.as_slice(), lower.as_slice()].into_iter());
        for headline in [false, true] {
            for i in 0..infos.len() {
                let mut whole = Vec::new();
                pair_features(&infos, i, headline, &ctx, &mut whole);
                let t = infos[i];
                let p1 = neighbour_at(&infos, i as isize - 1);
                let n1 = neighbour_at(&infos, i as isize + 1);
                let mut parts = Vec::new();
                sparse_context_features(&t, &p1, &n1, headline, &mut parts);
                class_features(ClassKey::new(&t, i, headline, &ctx), &mut parts);
                parts.push(class_triple_feature(p1.class, t.class, n1.class));
                for (template, g) in [(GAZ_SELF, t.gaz), (GAZ_PREV, p1.gaz), (GAZ_NEXT, n1.gaz)] {
                    let mut mask = g.mask;
                    while mask != 0 {
                        let bit = mask.trailing_zeros() as u64;
                        mask &= mask - 1;
                        parts.push(gaz_feature(template, bit, g.pos, g.len));
                    }
                }
                whole.sort_unstable();
                parts.sort_unstable();
                assert_eq!(whole, parts, "token {i}, headline {headline}");
            }
        }
    }

    #[test]
    fn class_keys_are_numbered_densely() {
        for (n, k) in ClassKey::all().enumerate() {
            assert_eq!(k.index(), n);
        }
        assert_eq!(ClassKey::all().count(), ClassKey::COUNT);
    }

    #[test]
    fn headlines_are_tagged_after_the_running_text() {
        assert_eq!(
            tagging_order(&[true, false, false, true, false]),
            [1, 2, 4, 0, 3]
        );
        assert!(tagging_order(&[]).is_empty());
    }

    #[test]
    fn history_gives_the_majority_type_and_every_type_seen() {
        let mut h = History::default();
        assert_eq!(h.majority(), None);
        h.add(2);
        h.add(2);
        h.add(0);
        assert_eq!(h.majority(), Some((2, false)));
        let t = TokenInfo::new("Rotor");
        let mut out = Vec::new();
        history_features(&[History::default(), h], 1, &t, &mut out);
        assert_eq!(out.len(), 4, "majority, with class, two types seen");
        let all = all_history_features();
        assert!(out.iter().all(|k| all.contains(k)));
        // Ties go to the lowest index (outside before a type).
        let mut tie = History::default();
        tie.add(3);
        tie.add(0);
        assert_eq!(tie.majority(), Some((0, false)));
    }

    #[test]
    fn key_ignores_case_and_spaces() {
        assert_eq!(key_of("Sharm el-Sheikh"), key_of("sharm  el‑sheikh"));
        // The ASCII path and the general one agree.
        for text in [
            "Gaza `Strip`\t",
            "Ça\u{2019}s  Ünïon\u{a0}X",
            "",
            " \n",
            "É",
        ] {
            let mut h = Hasher::new();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                push_lower(&mut h, normalize_char(c));
            }
            assert_eq!(key_of(text), h.finish(), "{text:?}");
        }
        assert_ne!(key_of("Gaza"), key_of("Gazan"));
    }
}
