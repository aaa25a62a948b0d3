//! The word lists the splitter and tokenizer consult: abbreviations that
//! never end a sentence (titles), abbreviations that may, abbreviations only
//! the splitter knows, and common sentence openers. The lists are data files
//! embedded in the crate; two of them (learned_*.txt) are learned from
//! unlabelled news text by `examples/learn_lexicon.rs`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const TITLES: &str = include_str!("../data/titles.txt");
const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const STARTERS: &str = include_str!("../data/sentence_starters.txt");
const SENTENCE_ABBREVIATIONS: &str = include_str!("../data/sentence_abbreviations.txt");
/// Learned from unlabelled news text by `examples/learn_lexicon.rs`.
const LEARNED_ABBREVIATIONS: &str = include_str!("../data/learned_abbreviations.txt");
const LEARNED_STARTERS: &str = include_str!("../data/learned_starters.txt");

/// FNV-1a: the keys are short words, for which it beats SipHash by far, and
/// the lists are fixed data, not attacker-chosen keys.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordSet = HashSet<Box<[u8]>, BuildHasherDefault<Fnv>>;

/// What kind of abbreviation a word before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Not an abbreviation: the period is punctuation.
    No,
    /// A title or similar ("Mr.", "Gen.", "vs."): never ends a sentence.
    Title,
    /// May end a sentence ("U.S.", "p.m.", "Inc.", "Jan.", "J.", "J.D.").
    Ambiguous,
}

/// Multiplicative hashing of a word packed into a `u64` (see [`pack`]):
/// one multiply per lookup.
#[derive(Default)]
pub(crate) struct PackedHash(u64);

impl Hasher for PackedHash {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A word of one to eight bytes, none of them zero, packed little-endian
/// into a `u64` (distinct words give distinct keys).
#[inline]
fn pack(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || word.contains(&0) {
        return None;
    }
    let mut b = [0u8; 8];
    b[..word.len()].copy_from_slice(word);
    Some(u64::from_le_bytes(b))
}

#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Listed abbreviations of up to eight bytes, by packed key.
    short: HashMap<u64, Abbrev, BuildHasherDefault<PackedHash>>,
    /// Longer listed abbreviations.
    long: HashMap<Box<[u8]>, Abbrev, BuildHasherDefault<Fnv>>,
    /// Length of the longest listed abbreviation: longer words skip the
    /// lookup.
    max_len: usize,
    starters: WordSet,
    /// Abbreviations only the sentence splitter knows ("c. 1818", "p. 12",
    /// "Op. 46"): the tokenizer splits their period off as before.
    sentence_abbrevs: HashSet<u64, BuildHasherDefault<PackedHash>>,
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The built-in lists plus `extra` abbreviations (written with or
    /// without their final period), which are treated as ambiguous.
    pub(crate) fn new(extra: &[String]) -> Lexicon {
        let mut lex = Lexicon {
            short: HashMap::default(),
            long: HashMap::default(),
            max_len: 0,
            starters: entries(STARTERS)
                .chain(entries(LEARNED_STARTERS))
                .map(|w| w.as_bytes().to_vec().into_boxed_slice())
                .collect(),
            // Packed keys: forms longer than eight bytes are not kept.
            sentence_abbrevs: entries(SENTENCE_ABBREVIATIONS)
                .chain(entries(LEARNED_ABBREVIATIONS))
                .filter_map(|w| pack(w.trim_end_matches('.').as_bytes()))
                .collect(),
        };
        // Titles last, so that a word on both lists is a title.
        let ambiguous = entries(ABBREVIATIONS).chain(extra.iter().map(|s| s.trim()));
        for word in ambiguous {
            lex.insert(word, Abbrev::Ambiguous);
        }
        for word in entries(TITLES) {
            lex.insert(word, Abbrev::Title);
        }
        lex
    }

    fn insert(&mut self, word: &str, kind: Abbrev) {
        let word = word.trim_end_matches('.').as_bytes();
        if word.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(word.len());
        match pack(word) {
            Some(key) => {
                self.short.insert(key, kind);
            }
            None => {
                self.long.insert(word.to_vec().into_boxed_slice(), kind);
            }
        }
    }

    /// Classifies `word`, the characters directly before a period (without
    /// the period). Dotted forms ("U.S", "p.m", "J.D", "e.g") and single
    /// capital letters ("W" in "George W. Bush") are recognised by shape.
    pub(crate) fn abbrev(&self, word: &[u8]) -> Abbrev {
        if word.is_empty() || word.len() > 24 {
            return Abbrev::No;
        }
        if word.len() <= self.max_len {
            let listed = match pack(word) {
                Some(key) => self.short.get(&key),
                None => self.long.get(word),
            };
            if let Some(&kind) = listed {
                return kind;
            }
        }
        if is_dotted_or_initial(word) {
            Abbrev::Ambiguous
        } else {
            Abbrev::No
        }
    }

    /// True when `word` (before its period) is an abbreviation that the
    /// tokenizer leaves alone but that ends a sentence only before a
    /// sentence opener ("c" in "c. 1818", "Op" in "Op. 46").
    pub(crate) fn is_sentence_abbrev(&self, word: &[u8]) -> bool {
        pack(word).is_some_and(|key| self.sentence_abbrevs.contains(&key))
    }

    /// True when `word` commonly opens a sentence.
    pub(crate) fn is_starter(&self, word: &[u8]) -> bool {
        self.starters.contains(word)
    }
}

/// "U.S", "p.m", "J.D", "e.g", "Ph.D" (segments of one to three letters
/// joined by periods, at least one period) or a single capital letter.
fn is_dotted_or_initial(word: &[u8]) -> bool {
    if word.len() == 1 {
        return word[0].is_ascii_uppercase();
    }
    let mut segments = 0;
    for seg in word.split(|&b| b == b'.') {
        if seg.is_empty() || seg.len() > 3 || !seg.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_news_abbreviations() {
        let lex = Lexicon::new(&["Gov.".to_string(), "Kt".to_string()]);
        assert_eq!(lex.abbrev(b"Mr"), Abbrev::Title);
        assert_eq!(lex.abbrev(b"Gen"), Abbrev::Title);
        assert_eq!(lex.abbrev(b"U.S"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"p.m"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"J.D"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"W"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"Inc"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"Kt"), Abbrev::Ambiguous);
        assert_eq!(lex.abbrev(b"Hamas"), Abbrev::No);
        assert_eq!(lex.abbrev(b"nytimes.com"), Abbrev::No);
        assert_eq!(lex.abbrev(b"2019"), Abbrev::No);
        assert!(lex.is_starter(b"The"));
        assert!(!lex.is_starter(b"Vance"));
        // Learned from news text: an opener, and abbreviations.
        assert!(lex.is_starter(b"Perhaps"));
        assert!(lex.is_sentence_abbrev(b"C.I.A"));
        assert!(lex.is_sentence_abbrev(b"c"));
        assert!(!lex.is_sentence_abbrev(b"said"));
    }
}
