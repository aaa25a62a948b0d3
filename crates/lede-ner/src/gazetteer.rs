//! Gazetteers: hand-curated name lists embedded from `data/` (see
//! `data/SOURCES.md`). Entries are keyed by their lower-cased text with white
//! space removed, so a match does not depend on how the tokenizer cut the
//! name ("al-Qahera" is one token or three).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher as StdHasher};

use crate::clusters::Clusters;
use crate::features::{key_of, normalize_char, push_key, push_lower, Hasher};

/// Gazetteer categories; each is one bit of a [`GazMatch`] mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Category {
    Country = 0,
    City = 1,
    Region = 2,
    Facility = 3,
    Nationality = 4,
    Organisation = 5,
    Media = 6,
    Group = 7,
    FirstName = 8,
    Title = 9,
    Language = 10,
    Event = 11,
}

impl Category {
    pub fn bit(self) -> u16 {
        1 << self as u8
    }
}

/// The embedded lists, with their category.
const LISTS: &[(Category, &str)] = &[
    (Category::Country, include_str!("../data/countries.txt")),
    (Category::City, include_str!("../data/cities.txt")),
    (Category::Region, include_str!("../data/regions.txt")),
    (Category::Facility, include_str!("../data/facilities.txt")),
    (
        Category::Nationality,
        include_str!("../data/nationalities.txt"),
    ),
    (
        Category::Organisation,
        include_str!("../data/organisations.txt"),
    ),
    (Category::Media, include_str!("../data/media.txt")),
    (Category::Group, include_str!("../data/groups.txt")),
    (Category::FirstName, include_str!("../data/first_names.txt")),
    (Category::Title, include_str!("../data/titles.txt")),
    (Category::Language, include_str!("../data/languages.txt")),
    (Category::Event, include_str!("../data/events.txt")),
];

/// Keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl StdHasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type IdentityMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

#[derive(Clone, Copy, Default)]
struct Entry {
    /// Categories of the entry ending here (0: only a prefix).
    mask: u16,
    /// Some longer entry starts with this text.
    prefix: bool,
}

/// Where a token sits in the gazetteer match covering it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    pub mask: u16,
    /// 0 begin, 1 inside, 2 last, 3 single token.
    pub pos: u8,
    /// Tokens in the match.
    pub len: u8,
}

impl GazMatch {
    pub const NONE: GazMatch = GazMatch {
        mask: 0,
        pos: 0,
        len: 0,
    };
}

/// The longest entry a match may span, in tokens.
const MAX_TOKENS: usize = 8;

pub struct Gazetteer {
    entries: IdentityMap<Entry>,
    /// Keys of words news writes in lower case (`data/common_words.txt`).
    common: IdentityMap<()>,
    /// Word classes learnt from unlabelled news (`data/clusters.txt`), set
    /// on token infos with the list matches.
    pub clusters: Clusters,
}

/// Words news writes in lower case at least 90% of the time, learnt from
/// unlabelled articles by `examples/common_words.rs`.
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

impl Gazetteer {
    /// The embedded lists.
    pub fn embedded() -> Gazetteer {
        let mut g = Gazetteer {
            entries: IdentityMap::default(),
            common: IdentityMap::default(),
            clusters: Clusters::embedded(),
        };
        for line in COMMON_WORDS.lines() {
            let w = line.trim();
            if !w.is_empty() && !w.starts_with('#') {
                g.common.insert(key_of(w), ());
            }
        }
        for (cat, list) in LISTS {
            for line in list.lines() {
                let name = line.trim();
                if name.is_empty() || name.starts_with('#') {
                    continue;
                }
                g.add(name, cat.bit());
            }
        }
        g
    }

    /// Adds one entry (and all its prefixes, so matching can grow a
    /// candidate one token at a time).
    pub fn add(&mut self, name: &str, mask: u16) {
        let mut h = Hasher::new();
        let mut chars = name.chars().filter(|c| !c.is_whitespace()).peekable();
        while let Some(c) = chars.next() {
            push_lower(&mut h, normalize_char(c));
            let e = self.entries.entry(h.finish()).or_default();
            if chars.peek().is_some() {
                e.prefix = true;
            } else {
                e.mask |= mask;
            }
        }
    }

    /// Categories of a text matched whole (0 when it is no entry).
    /// Is `word` (any case) a word news writes in lower case?
    pub fn is_common(&self, word: &str) -> bool {
        self.is_common_key(key_of(word))
    }

    /// [`Gazetteer::is_common`] of a word whose [`key_of`] is known.
    pub fn is_common_key(&self, key: u64) -> bool {
        self.common.contains_key(&key)
    }

    pub fn lookup(&self, text: &str) -> u16 {
        self.lookup_key(key_of(text))
    }

    /// The entry under `key` (a key grown as [`key_of`] reads a text): its
    /// categories (0: only a prefix) and whether a longer entry starts with
    /// that text. `None` when no entry starts with it.
    pub fn entry(&self, key: u64) -> Option<(u16, bool)> {
        self.entries.get(&key).map(|e| (e.mask, e.prefix))
    }

    /// [`Gazetteer::lookup`] of a text whose [`key_of`] is known.
    pub fn lookup_key(&self, key: u64) -> u16 {
        self.entries.get(&key).map_or(0, |e| e.mask)
    }

    /// Categories of a token sequence matched whole (0 when it is no entry).
    pub fn lookup_words(&self, words: &[&str]) -> u16 {
        let mut h = Hasher::new();
        for w in words {
            push_key(&mut h, w);
        }
        self.entries.get(&h.finish()).map_or(0, |e| e.mask)
    }

    /// True when `text` is an entry of `cat`.
    pub fn is(&self, text: &str, cat: Category) -> bool {
        self.lookup(text) & cat.bit() != 0
    }

    /// Longest entry starting at token `start` of `words`: (tokens, mask).
    pub fn longest_at(&self, words: &[&str], start: usize) -> Option<(usize, u16)> {
        let first = words.get(start).and_then(|w| self.start_key(w));
        self.longest_from(words, start, first)
    }

    /// The key of one word as a match starting with it begins (its
    /// normalised, lower-cased characters without white space), when some
    /// entry starts with that word; `None` otherwise, as for most words. A
    /// tagger computes it once per word form.
    pub fn start_key(&self, w: &str) -> Option<u64> {
        let mut h = Hasher::new();
        let any = push_key(&mut h, w);
        let key = h.finish();
        (any && self.entries.contains_key(&key)).then_some(key)
    }

    /// [`Gazetteer::longest_at`] given the [`Gazetteer::start_key`] of every
    /// word (`keys[i]` for `words[i]`).
    pub fn longest_at_keyed(
        &self,
        words: &[&str],
        keys: &[Option<u64>],
        start: usize,
    ) -> Option<(usize, u16)> {
        self.longest_from(words, start, keys.get(start).copied().flatten())
    }

    /// [`Gazetteer::longest_at_keyed`] given the start key of
    /// `words[start]` and the entry under it ([`Gazetteer::entry`]), as a
    /// tagger keeps them per word form.
    #[inline]
    pub fn longest_from_entry(
        &self,
        words: &[&str],
        start: usize,
        key: u64,
        (mask, prefix): (u16, bool),
    ) -> Option<(usize, u16)> {
        if start >= words.len() {
            return None;
        }
        let mut best = (mask != 0).then_some((1, mask));
        if !prefix {
            return best;
        }
        let mut key = key;
        for (j, w) in words
            .iter()
            .enumerate()
            .skip(start + 1)
            .take(MAX_TOKENS - 1)
        {
            if !self.goes_on(key, w) {
                break;
            }
            let mut h = Hasher::resume(key);
            if !push_key(&mut h, w) {
                break;
            }
            key = h.finish();
            match self.entries.get(&key) {
                Some(e) => {
                    if e.mask != 0 {
                        best = Some((j + 1 - start, e.mask));
                    }
                    if !e.prefix {
                        break;
                    }
                }
                None => break,
            }
        }
        best
    }

    /// Can an entry going on from `key` go on with word `w`? False when
    /// none goes on with its first char: [`Gazetteer::add`] keys an entry's
    /// text after each of its chars, so an entry that goes on with the
    /// whole word is found after its first char too. Most words that
    /// follow the start of an entry are told so without reading them whole.
    #[inline]
    fn goes_on(&self, key: u64, w: &str) -> bool {
        let mut chars = w.chars();
        match chars.next() {
            // The first char read as [`Gazetteer::add`] reads it; a word of
            // one char, or one that starts with white space, is read whole.
            Some(c) if !c.is_whitespace() && !chars.as_str().is_empty() => {
                let mut h = Hasher::resume(key);
                push_lower(&mut h, normalize_char(c));
                self.entries.contains_key(&h.finish())
            }
            _ => true,
        }
    }

    fn longest_from(
        &self,
        words: &[&str],
        start: usize,
        first: Option<u64>,
    ) -> Option<(usize, u16)> {
        let key = first?;
        self.longest_from_entry(words, start, key, self.entry(key)?)
    }

    /// Marks greedy longest matches on the infos of a sentence's tokens.
    pub fn mark(&self, words: &[&str], infos: &mut [crate::features::TokenInfo]) {
        let longest: Vec<Option<(usize, u16)>> = (0..words.len())
            .map(|i| self.longest_at(words, i))
            .collect();
        Gazetteer::mark_from(&longest, infos);
        for info in infos.iter_mut() {
            info.classes = self.clusters.of(info);
        }
    }

    /// [`Gazetteer::mark`] from the longest match at each token of the
    /// sentence, computed beforehand.
    pub fn mark_from(longest: &[Option<(usize, u16)>], infos: &mut [crate::features::TokenInfo]) {
        let n = longest.len().min(infos.len());
        Gazetteer::mark_with(|i| longest[i], n, |i, m| infos[i].gaz = m);
    }

    /// [`Gazetteer::mark_from`] onto the marks alone, from the matches as
    /// (tokens, mask) in a byte and a mask.
    pub fn mark_matches(longest: &[Option<(u8, u16)>], marks: &mut [GazMatch]) {
        let n = longest.len().min(marks.len());
        Gazetteer::mark_with(
            |i| longest[i].map(|(len, mask)| (len as usize, mask)),
            n,
            |i, m| marks[i] = m,
        );
    }

    /// Marks the matches `longest(i)` of tokens `0..n`.
    fn mark_with(
        longest: impl Fn(usize) -> Option<(usize, u16)>,
        n: usize,
        mut set: impl FnMut(usize, GazMatch),
    ) {
        let mut i = 0;
        while i < n {
            match longest(i) {
                Some((len, mask)) => {
                    for k in 0..len {
                        let pos = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        set(
                            i + k,
                            GazMatch {
                                mask,
                                pos,
                                len: len as u8,
                            },
                        );
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multi_token_names_whatever_the_tokenization() {
        let g = Gazetteer::embedded();
        let words = ["talks", "in", "Sharm", "el", "-", "Sheikh", "ended"];
        assert_eq!(
            g.longest_at(&words, 2).map(|m| m.0),
            Some(4),
            "Sharm el-Sheikh"
        );
        let words = ["the", "Gaza", "Strip"];
        let (len, mask) = g.longest_at(&words, 1).unwrap();
        assert_eq!(len, 2);
        assert!(mask & Category::City.bit() != 0 || mask & Category::Country.bit() != 0);
        assert!(g.is("Qatari", Category::Nationality));
        assert!(g.is("Hezbollah", Category::Group));
        assert!(g.is("Reuters", Category::Media));
        assert!(g.lookup("ceasefire") == 0);
    }

    #[test]
    fn a_word_an_entry_goes_on_with_passes_the_first_char_test() {
        let g = Gazetteer::embedded();
        let names = [
            ["New", "York"],
            ["Sharm", "el"],
            ["el", "-"],
            ["Gaza", "Strip"],
            ["United", "Nations"],
            ["the", "Hague"],
            ["al", "Qahera"],
        ];
        for [first, next] in names {
            let Some(key) = g.start_key(first) else {
                continue;
            };
            let mut h = Hasher::resume(key);
            push_key(&mut h, next);
            if g.entry(h.finish()).is_some() {
                assert!(g.goes_on(key, next), "{first} {next}");
            }
        }
        let key = g.start_key("New").expect("an entry starts with New");
        assert!(!g.goes_on(key, "qqq"));
    }

    #[test]
    fn a_match_grown_from_a_kept_entry_is_the_match_found_afresh() {
        let g = Gazetteer::embedded();
        let words = [
            "talks", "in", "Sharm", "el", "-", "Sheikh", "and", "the", "Gaza", "Strip", "with",
            "the", "New", "York", "Times", "and", "Hamas", ".",
        ];
        for i in 0..words.len() {
            let grown = g
                .start_key(words[i])
                .and_then(|k| g.entry(k).map(|e| g.longest_from_entry(&words, i, k, e)))
                .flatten();
            assert_eq!(grown, g.longest_at(&words, i), "at {:?}", words[i]);
        }
    }
}
