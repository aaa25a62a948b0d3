//! The word lists the splitter and tokenizer consult: abbreviations that
//! never end a sentence (titles), abbreviations that may, and common
//! sentence openers. The lists are data files embedded in the crate.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

const TITLES: &str = include_str!("../data/titles.txt");
const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const STARTERS: &str = include_str!("../data/sentence_starters.txt");

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

#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    titles: WordSet,
    abbreviations: WordSet,
    starters: WordSet,
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set_of<'a>(items: impl Iterator<Item = &'a str>) -> WordSet {
    items
        .map(|w| {
            w.trim_end_matches('.')
                .as_bytes()
                .to_vec()
                .into_boxed_slice()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

impl Lexicon {
    /// The built-in lists plus `extra` abbreviations (written with or
    /// without their final period), which are treated as ambiguous.
    pub(crate) fn new(extra: &[String]) -> Lexicon {
        let mut abbreviations = set_of(entries(ABBREVIATIONS));
        abbreviations.extend(set_of(extra.iter().map(|s| s.trim())));
        Lexicon {
            titles: set_of(entries(TITLES)),
            abbreviations,
            starters: entries(STARTERS)
                .map(|w| w.as_bytes().to_vec().into_boxed_slice())
                .collect(),
        }
    }

    /// Classifies `word`, the characters directly before a period (without
    /// the period). Dotted forms ("U.S", "p.m", "J.D", "e.g") and single
    /// capital letters ("W" in "George W. Bush") are recognised by shape.
    pub(crate) fn abbrev(&self, word: &[u8]) -> Abbrev {
        if word.is_empty() || word.len() > 24 {
            return Abbrev::No;
        }
        if self.titles.contains(word) {
            return Abbrev::Title;
        }
        if self.abbreviations.contains(word) || is_dotted_or_initial(word) {
            return Abbrev::Ambiguous;
        }
        Abbrev::No
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
    }
}
