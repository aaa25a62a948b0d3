//! Word lists the attribution rules consult, embedded from `data/`. All
//! lookups are by lower-cased ASCII bytes; a word longer than
//! [`MAX_WORD`] bytes is in no list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Longest word any list holds (longer words are looked up as absent).
pub(crate) const MAX_WORD: usize = 40;

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

/// A small multiplicative hash for short lower-case words (the table is
/// built from our own lists, so no flooding defence is needed).
/// The table's keys are already hashes ([`word_key`]).
#[derive(Clone, Copy, Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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

/// The 64-bit FNV-1a hash of `word` lower-cased (ASCII): a word's key in
/// the table, computed in one pass with no buffer. Words are looked up by
/// key alone; among a few thousand listed words a 64-bit collision with a
/// word of the text is too unlikely to matter.
fn word_key(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

type WordTable = HashMap<u64, u16, BuildHasherDefault<KeyHasher>>;

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

impl Lexicon {
    /// The built-in lists plus `extra_verbs` (each added with its regular
    /// inflections: -s, -ed, -ing).
    pub(crate) fn new(extra_verbs: &[String]) -> Lexicon {
        let mut classes = WordTable::default();
        let mut add = |word: &str, bit: u16| {
            *classes.entry(word_key(word.as_bytes())).or_insert(0) |= bit;
        };
        for (data, bit) in [
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
        ] {
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
            classes,
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
    pub(crate) fn classes(&self, word: &str) -> u16 {
        let w = word.as_bytes();
        if w.len() > MAX_WORD {
            return 0;
        }
        let mut bits = self.classes.get(&word_key(w)).copied().unwrap_or(0);
        if w.len() > 3 && matches!(w[w.len() - 2..], [b'l' | b'L', b'y' | b'Y']) {
            bits |= class::ADVERB;
        }
        bits
    }

    pub(crate) fn is_speech_verb(&self, w: &str) -> bool {
        self.classes(w) & class::SPEECH_VERB != 0
    }
    pub(crate) fn is_naming_verb(&self, w: &str) -> bool {
        self.classes(w) & class::NAMING_VERB != 0
    }
    pub(crate) fn is_source_noun(&self, w: &str) -> bool {
        self.classes(w) & class::SOURCE_NOUN != 0
    }
    pub(crate) fn is_document_noun(&self, w: &str) -> bool {
        self.classes(w) & class::DOCUMENT_NOUN != 0
    }
    pub(crate) fn is_title_noun(&self, w: &str) -> bool {
        self.classes(w) & class::TITLE_NOUN != 0
    }
    pub(crate) fn is_modifier(&self, w: &str) -> bool {
        self.classes(w) & class::MODIFIER != 0
    }
    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        self.classes(w) & class::DETERMINER != 0
    }
    /// Adverbs and auxiliaries that may stand between a speaker and its verb.
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        self.classes(w) & class::ADVERB != 0
    }
    /// Heads of vague collectives ("experts", "analysts").
    pub(crate) fn is_vague_collective(&self, w: &str) -> bool {
        self.classes(w) & class::VAGUE_COLLECTIVE != 0
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

    /// Gender of a first name, if the lists know it.
    pub(crate) fn first_name_gender(&self, first: &str) -> Gender {
        let bits = self.classes(first);
        if bits & class::MALE_NAME != 0 {
            Gender::Male
        } else if bits & class::FEMALE_NAME != 0 {
            Gender::Female
        } else {
            Gender::Unknown
        }
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
    let mut buf = [0u8; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        b"he" => Pronoun::Person(Gender::Male),
        b"she" => Pronoun::Person(Gender::Female),
        b"they" => Pronoun::They,
        b"it" => Pronoun::It,
        b"i" | b"we" => Pronoun::Reporter,
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
        let lex = Lexicon::new(&["quip".to_string(), "intone".to_string()]);
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
    }
}
