//! Words the tagger reads as outside every name without scoring them: a tag
//! dictionary learnt from labelled news.
//!
//! Names are written with capitals. Of the 139,600 tokens of the CoNLL-2003
//! training file without a capital letter or a digit, 548 are inside an
//! entity, and they are few words ("of", "de", "&", "'s", "van"). Every
//! other lower-case word or punctuation token is outside any name: the
//! tagger gives it the tag O without computing its features, and a sentence
//! is decoded as the stretches between such tokens, which is exact for a
//! first-order model (every path passes through O there). Most tokens of a
//! news article are such words, so most of the tagger's work goes.
//!
//! Tokens that carry a gazetteer mark are always scored. A stretch of
//! lower-case words and punctuation alone is O too ("of the", "and"):
//! CoNLL-2003 train has 6 such entities in 23,499 ("interior ministry").
//! A name holds a capital letter or a digit.

use crate::features::{normalize_char, CapClass, TokenInfo};
use crate::gazetteer::{GazMatch, IdentityMap};

/// The words without a capital letter or a digit seen inside entities
/// (`examples/inside_words.rs`, command in README.md).
static INSIDE_WORDS: &str = include_str!("../data/inside_words.txt");

/// The lower-case words and punctuation that may be part of a name.
pub struct InsideWords {
    lowers: IdentityMap<()>,
}

impl InsideWords {
    /// The embedded list.
    pub fn embedded() -> InsideWords {
        InsideWords::parse(INSIDE_WORDS)
    }

    /// One word a line; lines starting with '#' are comments.
    pub fn parse(list: &str) -> InsideWords {
        let lowers = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|w| (TokenInfo::new(w).lower, ()))
            .collect();
        InsideWords { lowers }
    }

    /// Is a token with these infos outside every name: a lower-case word or
    /// punctuation, not in the list, with no gazetteer mark?
    #[inline]
    pub fn is_outside(&self, t: &TokenInfo, gaz: GazMatch) -> bool {
        is_lower(t) && gaz == GazMatch::NONE && !self.lowers.contains_key(&t.lower)
    }
}

/// Is the token a lower-case word or punctuation (no capital letter, no
/// digit)?
#[inline]
pub fn is_lower(t: &TokenInfo) -> bool {
    matches!(t.class, CapClass::Lower | CapClass::Punct)
}

/// The form a training word is listed in, when it has no capital letter or
/// digit: typographic variants folded ("’s" -> "'s").
pub fn normal_form(text: &str) -> Option<String> {
    is_lower(&TokenInfo::new(text)).then(|| text.chars().map(normalize_char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_parts_in_lower_case_are_kept_and_other_words_are_outside() {
        let inside = InsideWords::embedded();
        let outside = |w: &str| inside.is_outside(&TokenInfo::new(w), GazMatch::NONE);
        // "Bank of England", "Ferdinand de Lesseps", "AT & T", "Lloyd's"
        for w in ["of", "de", "&", "'s", "\u{2019}s"] {
            assert!(!outside(w), "{w:?} can be inside a name");
        }
        for w in ["said", "ceasefire", "the-end", ".", "\u{201c}", "yesterday"] {
            assert!(outside(w), "{w:?} is outside every name");
        }
        // Capitalised words and numbers are always scored.
        for w in ["Hamas", "IDF", "1997", "U.S."] {
            assert!(!outside(w), "{w:?} is scored");
        }
    }
}
