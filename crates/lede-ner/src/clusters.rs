//! Word classes learnt from unlabelled news (`data/clusters.txt`, rebuilt by
//! `examples/clusters.rs`): each word form seen at least three times has a
//! coarse, a middle and a fine class. Words of one class are used alike
//! ("Gaza", "Nevada" and "Serbia"; "Monday" and "Tuesday"), so the classes
//! tell the tagger about words its labelled data never had.

use crate::features::TokenInfo;
use crate::gazetteer::IdentityMap;

/// The classes of one word form, coarse to fine; [`WordClasses::NONE`] for a
/// word the file does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordClasses(pub [u16; 3]);

impl WordClasses {
    /// No class known: a value no class number takes.
    pub const NONE: WordClasses = WordClasses([u16::MAX; 3]);
}

const CLUSTERS: &str = include_str!("../data/clusters.txt");

/// Word form hash (the tagger's `TokenInfo::word`) to classes. Built from
/// the embedded file when the gazetteers are (about 18,000 entries).
pub struct Clusters {
    classes: IdentityMap<WordClasses>,
    /// By lower-case form, for words the file lists in another case only
    /// ("GAZA" in a headline reads as "Gaza"): the first form in the file's
    /// order, where capitalised forms come before lower-case ones.
    by_lower: IdentityMap<WordClasses>,
}

impl Clusters {
    /// The embedded classes.
    pub fn embedded() -> Clusters {
        Clusters::parse(CLUSTERS)
    }

    /// Reads lines of `word<TAB>class<TAB>class<TAB>class`; `#` starts a
    /// comment line, and malformed lines are skipped (the file is generated).
    pub fn parse(src: &str) -> Clusters {
        // Sized once for the lines, not grown as they are read.
        let lines = src.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut classes = IdentityMap::with_capacity_and_hasher(lines, Default::default());
        let mut by_lower = IdentityMap::with_capacity_and_hasher(lines, Default::default());
        for line in src.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let Some(word) = parts.next().filter(|w| !w.is_empty()) else {
                continue;
            };
            let mut c = [0u16; 3];
            let mut ok = true;
            for slot in &mut c {
                match parts.next().and_then(|p| p.parse::<u16>().ok()) {
                    Some(v) if v != u16::MAX => *slot = v,
                    _ => ok = false,
                }
            }
            if ok {
                let (word, lower) = TokenInfo::word_keys(word);
                classes.insert(word, WordClasses(c));
                by_lower.entry(lower).or_insert(WordClasses(c));
            }
        }
        Clusters { classes, by_lower }
    }

    /// The classes of a word form: those of the form itself, else those of
    /// the same word in another case.
    #[inline]
    pub fn of(&self, t: &TokenInfo) -> WordClasses {
        match self.classes.get(&t.word) {
            Some(&c) => c,
            None => self
                .by_lower
                .get(&t.lower)
                .copied()
                .unwrap_or(WordClasses::NONE),
        }
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_share_a_fine_class_and_unknown_words_have_none() {
        let c = Clusters::embedded();
        assert!(c.len() > 10_000);
        let of = |w: &str| c.of(&TokenInfo::new(w));
        let monday = of("Monday");
        assert_ne!(monday, WordClasses::NONE);
        assert_eq!(monday.0[2], of("Tuesday").0[2]);
        assert_eq!(of("Xqzzyvk"), WordClasses::NONE);
        // Digits are folded as the tagger folds them, and a word in capitals
        // has the classes of its usual form.
        assert_eq!(of("1996"), of("2025"));
        assert_eq!(of("NETANYAHU"), of("Netanyahu"));
        assert_ne!(of("Netanyahu"), WordClasses::NONE);
    }
}
