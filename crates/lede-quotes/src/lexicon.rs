//! Word lists the attribution rules consult, embedded from `data/`. All
//! lookups are by lower-cased ASCII bytes; a word longer than
//! [`MAX_WORD`] bytes is in no list.

use std::hash::Hasher;

/// Longest word any list holds (longer words are looked up as absent).
pub(crate) const MAX_WORD: usize = 40;

mod doc;

pub(crate) use doc::DocLexicon;

const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.txt");
/// Learned from attributed quotations by `examples/train_speakers.rs`.
const LEARNED_CUE_VERBS: &str = include_str!("../data/learned_cue_verbs.txt");
/// Learned from attributed quotations by `examples/train_speakers.rs`.
const LEARNED_SOURCE_NOUNS: &str = include_str!("../data/learned_source_nouns.txt");
const NAMING_VERBS: &str = include_str!("../data/naming_verbs.txt");
const CUE_NOUNS: &str = include_str!("../data/cue_nouns.txt");
const DOCUMENT_NOUNS: &str = include_str!("../data/document_nouns.txt");
const SOURCE_NOUNS: &str = include_str!("../data/source_nouns.txt");
const TITLE_NOUNS: &str = include_str!("../data/title_nouns.txt");
const MODIFIERS: &str = include_str!("../data/modifiers.txt");
const DETERMINERS: &str = include_str!("../data/determiners.txt");
const ADVERBS: &str = include_str!("../data/adverbs.txt");
const VAGUE_COLLECTIVES: &str = include_str!("../data/vague_collectives.txt");
const PLATFORMS: &str = include_str!("../data/platforms.txt");
const MALE_NAMES: &str = include_str!("../data/male_names.txt");
const FEMALE_NAMES: &str = include_str!("../data/female_names.txt");

/// Grammatical gender as far as the rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// True when a pronoun of gender `self` may refer to someone of `other`.
    pub(crate) fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Word classes, as bits of one table entry per word.
pub(crate) mod class {
    pub const SPEECH_VERB: u16 = 1;
    pub const NAMING_VERB: u16 = 1 << 1;
    pub const CUE_NOUN: u16 = 1 << 2;
    pub const DOCUMENT_NOUN: u16 = 1 << 3;
    pub const SOURCE_NOUN: u16 = 1 << 4;
    pub const TITLE_NOUN: u16 = 1 << 5;
    pub const MODIFIER: u16 = 1 << 6;
    pub const DETERMINER: u16 = 1 << 7;
    pub const ADVERB: u16 = 1 << 8;
    pub const VAGUE_COLLECTIVE: u16 = 1 << 9;
    pub const MALE_NAME: u16 = 1 << 10;
    pub const FEMALE_NAME: u16 = 1 << 11;
}

/// FNV-1a over whatever is hashed: quick on the short names and words the
/// stage keys its per-document maps by.
#[derive(Clone, Copy)]
pub(crate) struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// `x` with its ASCII capitals lower-cased, eight bytes at once (other
/// bytes, non-ASCII ones included, are left as they are).
#[inline]
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // With the high bits cleared no byte carries into the next one.
    let low = x & !HIGHS;
    let at_least_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let past_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let capitals = at_least_a & !past_z & !x & HIGHS;
    x | (capitals >> 2)
}

/// The little-endian value of `b` (at most eight bytes).
#[inline]
fn load(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(w)
}

/// The bytes of a short word (at most eight), as one value that, with the
/// length, gives them back: two four-byte loads that overlap for five to
/// seven bytes, or the first, middle and last byte of up to three.
#[inline]
fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    }
}

/// The key of `word` lower-cased (ASCII): no two words of at most eight
/// bytes that differ other than in case share a key with the same length
/// (every step is one-to-one), so for them a key and a length match is a
/// word match; longer words go eight bytes a step (the last step overlaps
/// the one before) and are compared byte for byte on a match.
#[inline]
fn word_key(word: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, v: u64| (h.rotate_left(23) ^ lower8(v)).wrapping_mul(K);
    let n = word.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n <= 8 {
        h = mix(h, short_word(word));
    } else {
        let mut chunks = word.chunks_exact(8);
        for c in &mut chunks {
            h = mix(h, load(c));
        }
        if !chunks.remainder().is_empty() {
            h = mix(h, load(&word[n - 8..]));
        }
    }
    h ^ (h >> 29)
}

/// One word of the table: its key, its class bits and where its
/// lower-cased text lies in [`WordTable::text`] (`len` 0: an empty slot).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    at: u32,
    len: u8,
    bits: u16,
}

/// Open addressing over a power-of-two array, probed linearly from the
/// key's top bits; a hit is confirmed on the word itself, so a word in no
/// list is never taken for one that is.
#[derive(Debug)]
struct WordTable {
    slots: Vec<Slot>,
    /// Bits of the key that pick the first slot.
    shift: u32,
    text: String,
    /// One bit per (length, first byte, last byte) a listed word has, the
    /// bytes folded to five bits ([`shape`]): most words of a text are in
    /// no list, and most of those are told so by this bit alone.
    shapes: Box<[u64; 256]>,
}

/// A word's place in [`WordTable::shapes`]: its length (mod 16) and its
/// first and last bytes, each ASCII-lower-cased and cut to five bits.
/// `word` is not empty.
#[inline]
fn shape(word: &[u8]) -> usize {
    let fold = |b: u8| usize::from(b.to_ascii_lowercase() & 0x1F);
    let (first, last) = (word[0], word[word.len() - 1]);
    ((word.len() & 15) << 10) | (fold(first) << 5) | fold(last)
}

impl WordTable {
    /// The table of `entries` (lower-cased words, each at most
    /// [`MAX_WORD`] bytes, with their bits; repeated words are merged).
    fn new(entries: &[(String, u16)]) -> WordTable {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
            text: String::new(),
            shapes: Box::new([0; 256]),
        };
        for (word, bits) in entries {
            table.insert(word, *bits);
        }
        table
    }

    fn insert(&mut self, word: &str, bits: u16) {
        let Ok(len) = u8::try_from(word.len()) else {
            return;
        };
        if len == 0 {
            return;
        }
        let key = word_key(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot.len == 0 {
                let at = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
                self.text.push_str(word);
                let k = shape(word.as_bytes());
                self.shapes[k / 64] |= 1 << (k % 64);
                self.slots[i] = Slot { key, at, len, bits };
                return;
            }
            if slot.key == key && self.word(slot) == word {
                self.slots[i].bits |= bits;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn word(&self, slot: Slot) -> &str {
        let at = slot.at as usize;
        self.text.get(at..at + usize::from(slot.len)).unwrap_or("")
    }

    /// The bits of `word`, looked up lower-cased (0 when absent).
    #[inline]
    fn get(&self, word: &[u8]) -> u16 {
        if word.is_empty() {
            return 0;
        }
        let k = shape(word);
        if self.shapes[k / 64] & (1 << (k % 64)) == 0 {
            return 0;
        }
        let key = word_key(word);
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot.len == 0 {
                return 0;
            }
            if slot.key == key
                && usize::from(slot.len) == word.len()
                && (word.len() <= 8 || self.word(slot).as_bytes().eq_ignore_ascii_case(word))
            {
                return slot.bits;
            }
            i = (i + 1) & mask;
        }
    }
}

/// All word lists, built once when the stage is built: one table from a
/// lower-cased word to the bits of its classes.
#[derive(Debug)]
pub(crate) struct Lexicon {
    classes: WordTable,
    /// Whole platform names, lower-cased, words joined by one space.
    platforms: Vec<String>,
}

/// The words of a list file: `#` starts a comment, words are separated by
/// white space.
fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// Writes the ASCII-lower-cased `word` into `buf`; `None` when too long.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

/// Every built-in word list with the class bit its words carry.
const WORD_LISTS: [(&str, u16); 14] = [
    (SPEECH_VERBS, class::SPEECH_VERB),
    (LEARNED_CUE_VERBS, class::SPEECH_VERB),
    (LEARNED_SOURCE_NOUNS, class::SOURCE_NOUN),
    (NAMING_VERBS, class::NAMING_VERB),
    (CUE_NOUNS, class::CUE_NOUN),
    (DOCUMENT_NOUNS, class::DOCUMENT_NOUN),
    (SOURCE_NOUNS, class::SOURCE_NOUN),
    (TITLE_NOUNS, class::TITLE_NOUN),
    (MODIFIERS, class::MODIFIER),
    (DETERMINERS, class::DETERMINER),
    (ADVERBS, class::ADVERB),
    (VAGUE_COLLECTIVES, class::VAGUE_COLLECTIVE),
    (MALE_NAMES, class::MALE_NAME),
    (FEMALE_NAMES, class::FEMALE_NAME),
];

impl Lexicon {
    /// The built-in lists plus `extra_verbs` (each added with its regular
    /// inflections: -s, -ed, -ing).
    pub(crate) fn new(extra_verbs: &[String]) -> Lexicon {
        let mut entries: Vec<(String, u16)> = Vec::new();
        let mut add = |word: &str, bit: u16| {
            if word.len() <= MAX_WORD {
                entries.push((word.to_ascii_lowercase(), bit));
            }
        };
        for (data, bit) in WORD_LISTS {
            for w in words(data) {
                add(w, bit);
            }
        }
        for verb in extra_verbs {
            let base = verb.trim().to_ascii_lowercase();
            if base.is_empty() {
                continue;
            }
            let stem = base.strip_suffix('e').unwrap_or(&base).to_string();
            for form in [
                base.clone(),
                format!("{base}s"),
                format!("{stem}ed"),
                format!("{stem}ing"),
            ] {
                add(&form, class::SPEECH_VERB);
            }
        }
        Lexicon {
            classes: WordTable::new(&entries),
            platforms: PLATFORMS
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(|l| {
                    l.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
                .collect(),
        }
    }

    /// The class bits of `word` (0 for a word in no list). Words ending in
    /// -ly count as adverbs.
    #[inline]
    pub(crate) fn classes(&self, word: &str) -> u16 {
        let w = word.as_bytes();
        if w.len() > MAX_WORD {
            return 0;
        }
        let mut bits = self.classes.get(w);
        if w.len() > 3 && matches!(w[w.len() - 2..], [b'l' | b'L', b'y' | b'Y']) {
            bits |= class::ADVERB;
        }
        bits
    }

    /// True for a social platform name ("Truth Social"), which carries words
    /// but never speaks them.
    pub(crate) fn is_platform(&self, name: &str) -> bool {
        self.platforms.iter().any(|p| {
            p.len() == name.len()
                && p.split(' ')
                    .zip(name.split(' '))
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
    }
}

/// Gender implied by a title or honorific ("Mr.", "Queen").
pub(crate) fn title_gender(title: &str) -> Gender {
    let mut buf = [0u8; MAX_WORD];
    let Some(t) = lower(title.trim_end_matches('.'), &mut buf) else {
        return Gender::Unknown;
    };
    match t {
        b"mr" | b"king" | b"prince" | b"sheikh" | b"emir" | b"sir" | b"lord" | b"sultan" => {
            Gender::Male
        }
        b"mrs" | b"ms" | b"miss" | b"queen" | b"princess" | b"lady" | b"dame" | b"madam" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// Gender of a personal pronoun; `None` for words that are not one.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    // At most four bytes ("they"), folded to lower case, and the length,
    // in one value.
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    let mut v = (b.len() as u64) << 32;
    for (k, &c) in b.iter().enumerate() {
        v |= u64::from(c.to_ascii_lowercase()) << (8 * k);
    }
    const fn key(w: &[u8]) -> u64 {
        let mut v = (w.len() as u64) << 32;
        let mut k = 0;
        while k < w.len() {
            v |= (w[k] as u64) << (8 * k);
            k += 1;
        }
        v
    }
    const HE: u64 = key(b"he");
    const SHE: u64 = key(b"she");
    const THEY: u64 = key(b"they");
    const IT: u64 = key(b"it");
    const I: u64 = key(b"i");
    const WE: u64 = key(b"we");
    Some(match v {
        HE => Pronoun::Person(Gender::Male),
        SHE => Pronoun::Person(Gender::Female),
        THEY => Pronoun::They,
        IT => Pronoun::It,
        I | WE => Pronoun::Reporter,
        _ => return None,
    })
}

/// The subject pronouns the rules tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    Person(Gender),
    They,
    It,
    /// "I" and "we" outside a quote are the writer, never a reported speaker.
    Reporter,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_extra_verbs_inflect() {
        let stage_lex = Lexicon::new(&["quip".to_string(), "intone".to_string()]);
        let lex = DocLexicon::new(&stage_lex, "");
        assert!(lex.is_speech_verb("Said"));
        assert!(lex.is_speech_verb("notes"));
        assert!(lex.is_speech_verb("quipped") || lex.is_speech_verb("quiped"));
        assert!(lex.is_speech_verb("intoned"));
        assert!(lex.is_speech_verb("intoning"));
        assert!(!lex.is_speech_verb("agreed"));
        assert!(lex.is_naming_verb("called"));
        assert!(lex.classes("reportedly") & class::ADVERB != 0);
        assert!(lex.is_source_noun("officials"));
        assert!(lex.is_platform("Truth Social"));
        assert!(!lex.is_platform("Hamas"));
        assert_eq!(lex.first_name_gender("Fatima"), Gender::Female);
        assert_eq!(lex.first_name_gender("Donald"), Gender::Male);
        assert_eq!(title_gender("Mr."), Gender::Male);
        assert_eq!(pronoun("She"), Some(Pronoun::Person(Gender::Female)));
        assert_eq!(pronoun("THEY"), Some(Pronoun::They));
        assert_eq!(pronoun("theys"), None);
        for (w, p) in [
            ("he", Some(Pronoun::Person(Gender::Male))),
            ("sHE", Some(Pronoun::Person(Gender::Female))),
            ("It", Some(Pronoun::It)),
            ("I", Some(Pronoun::Reporter)),
            ("We", Some(Pronoun::Reporter)),
            ("", None),
            ("h", None),
            ("he\0", None),
            ("\0he", None),
            ("hé", None),
            ("her", None),
            ("the", None),
            ("shes", None),
            ("İ", None),
        ] {
            assert_eq!(pronoun(w), p, "{w:?}");
        }
    }

    #[test]
    fn eight_bytes_lower_case_as_one_byte_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a', b'Z', 0xC3, b'@', b'[', b'`', b'{', 0xFF];
                bytes[at] = b;
                let folded = lower8(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(
                    folded,
                    bytes.map(|c| c.to_ascii_lowercase()),
                    "{b:#x} at {at}"
                );
            }
        }
    }

    /// The lists as a plain map of lower-cased words, and the bits it
    /// gives `w` (with the -ly rule and the length limit of the table).
    fn reference() -> impl Fn(&str) -> u16 {
        use std::collections::HashMap;
        let mut map: HashMap<String, u16> = HashMap::new();
        for (data, bit) in WORD_LISTS {
            for w in words(data) {
                *map.entry(w.to_ascii_lowercase()).or_insert(0) |= bit;
            }
        }
        for w in ["quip", "quips", "quiped", "quiping"] {
            *map.entry(w.to_string()).or_insert(0) |= class::SPEECH_VERB;
        }
        move |w: &str| {
            let mut bits = if w.len() > MAX_WORD {
                0
            } else {
                map.get(&w.to_ascii_lowercase()).copied().unwrap_or(0)
            };
            let b = w.as_bytes();
            if b.len() > 3 && matches!(b[b.len() - 2..], [b'l' | b'L', b'y' | b'Y']) {
                bits |= class::ADVERB;
            }
            bits
        }
    }

    /// Every listed word, in the case it is written in the text or not,
    /// with its neighbours in spelling (a letter more, a letter less, a
    /// non-ASCII letter): the table answers as a map of lower-cased words.
    #[test]
    fn the_table_answers_as_a_map_of_lower_cased_words() {
        let lex = Lexicon::new(&["quip".to_string()]);
        let expected = reference();
        let mut listed: Vec<String> = Vec::new();
        for data in [
            SPEECH_VERBS,
            LEARNED_CUE_VERBS,
            SOURCE_NOUNS,
            MALE_NAMES,
            ADVERBS,
        ] {
            listed.extend(words(data).map(str::to_ascii_lowercase));
        }
        let mut probes: Vec<String> = Vec::new();
        for w in &listed {
            probes.push(w.clone());
            probes.push(w.to_ascii_uppercase());
            let mut cap = w.clone();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            probes.push(cap);
            probes.push(format!("{w}s"));
            probes.push(format!("{w}é"));
            let mut shorter = w.clone();
            shorter.pop();
            probes.push(shorter);
            probes.push(format!("x{w}"));
            probes.push(w.chars().rev().collect());
        }
        probes.extend(
            [
                "",
                "’s",
                "Ünal",
                "ÜNAL",
                "naïve",
                "a",
                "I",
                "unusually",
                "x".repeat(41).as_str(),
            ]
            .map(String::from),
        );
        for p in &probes {
            assert_eq!(lex.classes(p), expected(p), "{p:?}");
        }
    }

    proptest::proptest! {
        /// Short words over few letters meet listed words and near misses
        /// often ("sad", "said", "aid", "Saids").
        #[test]
        fn any_word_is_looked_up_as_a_map_would(
            w in "[sSaAiIdDtTeEhHnNoO’'é\\-]{0,10}|[a-zA-Z]{0,16}"
        ) {
            let lex = Lexicon::new(&["quip".to_string()]);
            proptest::prop_assert_eq!(lex.classes(&w), reference()(&w));
        }
    }
}
