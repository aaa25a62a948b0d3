//! The word lists as the rules of one document consult them: the class
//! bits of a word of the document's text are remembered by where the word
//! stands, so the rules that read the same window one after another (a
//! cue, a subject, the first verb) look each word up once.

use std::cell::Cell;

use super::{class, Gender, Lexicon, MAX_WORD};

/// Remembered words; a power of two.
const MEMO: usize = 256;

/// An empty memo slot (no word of a text has this key).
const EMPTY: (u64, u16) = (u64::MAX, 0);

/// [`Lexicon`] for one document, with a memo of the words of its text.
/// The memo is keyed by a word's offset and length in the text, which the
/// text (borrowed, so unchanged) ties to its bytes: a remembered answer is
/// the one the lexicon gives. Words from elsewhere (a title, a canonical
/// name) go to the lexicon every time.
pub(crate) struct DocLexicon<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    /// (offset << 8 | length, class bits), in the slot of the offset.
    memo: Box<[Cell<(u64, u16)>]>,
}

impl<'a> DocLexicon<'a> {
    pub(crate) fn new(lex: &'a Lexicon, text: &'a str) -> DocLexicon<'a> {
        DocLexicon {
            lex,
            text,
            memo: (0..MEMO).map(|_| Cell::new(EMPTY)).collect(),
        }
    }

    /// The class bits of `word` ([`Lexicon::classes`]). One copy serves
    /// the many rules that ask (inlined, each would carry the memo's code).
    #[inline(never)]
    pub(crate) fn classes(&self, word: &str) -> u16 {
        // A `&str` starting inside the text's bytes is part of the text.
        let offset = (word.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if offset >= self.text.len() || word.len() > MAX_WORD {
            return self.lex.classes(word);
        }
        let key = ((offset as u64) << 8) | word.len() as u64;
        let slot = &self.memo[offset & (MEMO - 1)];
        let (k, bits) = slot.get();
        if k == key {
            return bits;
        }
        let bits = self.lex.classes(word);
        slot.set((key, bits));
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

    /// True for a social platform name ([`Lexicon::is_platform`]).
    pub(crate) fn is_platform(&self, name: &str) -> bool {
        self.lex.is_platform(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of a text looked up again and again, in any order, and words
    /// from elsewhere with the same bytes or the same offsets: every answer
    /// is the lexicon's.
    #[test]
    fn remembered_answers_are_the_lexicons() {
        let lex = Lexicon::new(&[]);
        let text = "Officials said Tuesday, “we will not” — Fatima Abdelrahman told \
                    reporters, according to the ministry’s spokesman. "
            .repeat(12);
        let doc = DocLexicon::new(&lex, &text);
        let mut words: Vec<&str> = Vec::new();
        let mut at = 0;
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            words.push(&text[at..at + w.len()]);
            at += w.len();
            at += text[at..].chars().next().map_or(0, char::len_utf8);
        }
        // Prefixes share an offset with the word: the length tells them apart.
        for w in &words {
            for cut in (1..w.len()).filter(|&k| w.is_char_boundary(k)) {
                assert_eq!(doc.classes(&w[..cut]), lex.classes(&w[..cut]), "{w:?}");
            }
        }
        for round in 0..3 {
            for (k, w) in words.iter().enumerate() {
                let w = if round == 1 {
                    words[words.len() - 1 - k]
                } else {
                    w
                };
                assert_eq!(doc.classes(w), lex.classes(w), "{w:?}");
                let copy = w.to_uppercase();
                assert_eq!(doc.classes(&copy), lex.classes(&copy), "{copy:?}");
            }
        }
        assert!(doc.is_speech_verb("said") && doc.is_source_noun(&text[0..9]));
    }
}
