//! Headlines in Title Case ("Can Trump Lead Us?", "Negotiation Leverage
//! Kills Dozens in Gaza"): every word is capitalised, so capitals are no
//! evidence of names there. Such a line is found by its words (most of its
//! capitalised words are common words), and its common words are shown to the
//! tagger in lower case, as the line would be written in sentence case; the
//! names in it ("Trump", "Gaza") keep their capitals.

use crate::features::{key_of, CapClass, TokenInfo};
use crate::gazetteer::{Gazetteer, IdentityMap};
use crate::packed::{packed_list, packed_lower};

/// Short words a Title Case heading capitalises or not ("Talks in Cairo").
pub const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "is", "vs", "vs.", "via", "into", "over",
];

fn is_small_word(w: &str) -> bool {
    packed_lower(w.as_bytes()).is_some_and(|code| SMALL_CODES.contains(&code))
}

/// The [`packed_lower`] codes of [`SMALL_WORDS`].
const SMALL_CODES: [u64; SMALL_WORDS.len()] = packed_list(SMALL_WORDS);

/// A line in Title Case: at least two capitalised words with lower-case
/// letters, every word of letters but the small ones capitalised, no
/// sentence-final period. Running text has a lower-case word early, where
/// the answer is known.
pub fn is_title_case(words: &[&str]) -> bool {
    let mut long = 0;
    for w in words {
        let Some(c) = w.chars().next() else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        if !c.is_uppercase() {
            if is_small_word(w) {
                continue;
            }
            return false;
        }
        if !is_small_word(w) && w.chars().any(char::is_lowercase) {
            long += 1;
        }
    }
    long >= 2 && words.last().is_none_or(|w| *w != ".")
}

/// Common words of one document: the learnt list (words news writes in
/// lower case) and the words this document writes in lower case.
pub struct CommonWords<'g> {
    gaz: &'g Gazetteer,
    /// The keys of the words the document writes in lower case.
    doc_lower: IdentityMap<()>,
}

impl<'g> CommonWords<'g> {
    /// From the document's words, or only its distinct words (the same set).
    pub fn new<'w>(
        gaz: &'g Gazetteer,
        words: impl IntoIterator<Item = &'w str>,
    ) -> CommonWords<'g> {
        CommonWords::from_keys(
            gaz,
            words
                .into_iter()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .map(key_of)
                .collect(),
        )
    }

    /// From the [`key_of`] of the document's words that begin with a
    /// lower-case letter (in any order, repeats allowed).
    pub fn from_keys(gaz: &'g Gazetteer, keys: Vec<u64>) -> CommonWords<'g> {
        let mut doc_lower = IdentityMap::with_capacity_and_hasher(keys.len(), Default::default());
        doc_lower.extend(keys.into_iter().map(|k| (k, ())));
        CommonWords { gaz, doc_lower }
    }

    /// Is `w` a common word? Words of one or two letters not all in
    /// capitals ("Us", "It", "Be", unlike "US" or "UN") are.
    pub fn is_common(&self, w: &str) -> bool {
        let mut n = 0;
        let short = w.chars().all(|c| {
            n += 1;
            c.is_alphabetic() && (n == 1 || c.is_lowercase())
        }) && n <= 2;
        if short {
            return true;
        }
        let key = key_of(w);
        self.gaz.is_common_key(key) || self.doc_lower.contains_key(&key)
    }
}

/// Which sentences are headings in Title Case: in Title Case, with at least
/// two capitalised common words that make up a third or more of its
/// capitalised words ("Hostages and Regional Triumph", "Biden Speaks at the
/// United Nations"), unlike a list of names. `None`
/// when the document has none (the usual case, found without building the
/// document's common words).
pub fn headings<'g>(
    gaz: &'g Gazetteer,
    words: &[&str],
    sentences: &[(usize, usize)],
) -> Option<(Vec<bool>, CommonWords<'g>)> {
    let title_case: Vec<bool> = sentences
        .iter()
        .map(|&(s, e)| is_title_case(&words[s..e]))
        .collect();
    headings_of(gaz, words, words.iter().copied(), sentences, &title_case)
}

/// [`headings`] given which sentences are in Title Case and the document's
/// distinct words (its words would do, at more cost).
pub fn headings_of<'g, 'w>(
    gaz: &'g Gazetteer,
    words: &[&str],
    distinct: impl IntoIterator<Item = &'w str>,
    sentences: &[(usize, usize)],
    title_case: &[bool],
) -> Option<(Vec<bool>, CommonWords<'g>)> {
    headings_with(
        words,
        || CommonWords::new(gaz, distinct),
        sentences,
        title_case,
    )
}

/// [`headings_of`] given the [`key_of`] of the document's words that begin
/// with a lower-case letter ([`CommonWords::from_keys`]), asked for only
/// when some sentence is in Title Case.
pub fn headings_keyed<'g>(
    gaz: &'g Gazetteer,
    words: &[&str],
    lower_keys: impl FnOnce() -> Vec<u64>,
    sentences: &[(usize, usize)],
    title_case: &[bool],
) -> Option<(Vec<bool>, CommonWords<'g>)> {
    headings_with(
        words,
        || CommonWords::from_keys(gaz, lower_keys()),
        sentences,
        title_case,
    )
}

fn headings_with<'g>(
    words: &[&str],
    common: impl FnOnce() -> CommonWords<'g>,
    sentences: &[(usize, usize)],
    title_case: &[bool],
) -> Option<(Vec<bool>, CommonWords<'g>)> {
    if !title_case.iter().any(|&t| t) {
        return None;
    }
    let common = common();
    let heading: Vec<bool> = sentences
        .iter()
        .zip(title_case)
        .map(|(&(s, e), &title)| {
            if !title {
                return false;
            }
            let mut caps = 0;
            let mut commons = 0;
            for w in &words[s..e] {
                if w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                {
                    caps += 1;
                    commons += common.is_common(w) as usize;
                }
            }
            commons >= 2 && commons * 3 >= caps
        })
        .collect();
    heading.iter().any(|&h| h).then_some((heading, common))
}

/// Shows the tagger each heading as it would be written in sentence case:
/// the capitalised common words after the first word get the infos of their
/// lower-case form (gazetteer marks kept), so "Can Trump Lead Us?" reads
/// "Can Trump lead us?".
pub fn sentence_case(
    gaz: &Gazetteer,
    words: &[&str],
    sentences: &[(usize, usize)],
    infos: &mut [TokenInfo],
) {
    let Some((heading, common)) = headings(gaz, words, sentences) else {
        return;
    };
    let lowered: Vec<usize> = lowered_tokens(&heading, &common, words, sentences, |k| {
        infos.get(k).map(|t| t.class)
    })
    .collect();
    for k in lowered {
        let mark = infos[k].gaz;
        infos[k] = TokenInfo::new(&words[k].to_lowercase());
        infos[k].gaz = mark;
        infos[k].classes = gaz.clusters.of(&infos[k]);
    }
}

/// The tokens [`sentence_case`] shows in lower case, given the headings,
/// the words and each token's class (`None` past the end).
pub fn lowered_tokens<'a>(
    heading: &'a [bool],
    common: &'a CommonWords,
    words: &'a [&str],
    sentences: &'a [(usize, usize)],
    class_of: impl Fn(usize) -> Option<CapClass> + 'a,
) -> impl Iterator<Item = usize> + 'a {
    sentences
        .iter()
        .zip(heading)
        .filter(|(_, &h)| h)
        .flat_map(|(&(s, e), _)| s + 1..e)
        .filter(move |&k| class_of(k) == Some(CapClass::InitCap) && common.is_common(words[k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_words_in_any_case() {
        for w in SMALL_WORDS {
            assert!(is_small_word(w) && is_small_word(&w.to_ascii_uppercase()));
        }
        for w in ["", "thes", "a\0", "\0", "ofof", "Über", "ın"] {
            assert!(!is_small_word(w), "{w:?}");
        }
    }

    #[test]
    fn title_case_lines() {
        assert!(is_title_case(&["Can", "Trump", "Lead", "Us", "?"]));
        assert!(is_title_case(&["Talks", "in", "Cairo", "Stall"]));
        assert!(!is_title_case(&["Talks", "in", "Cairo", "stall", "."]));
        assert!(!is_title_case(&["Talks", "In", "Cairo", "."]));
    }

    #[test]
    fn a_heading_reads_in_sentence_case_and_keeps_its_names() {
        let gaz = Gazetteer::embedded();
        let words = ["Can", "Trump", "Lead", "Us", "?", "He", "spoke", "."];
        let sentences = [(0, 5), (5, 8)];
        let mut infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
        sentence_case(&gaz, &words, &sentences, &mut infos);
        assert_eq!(infos[0].class, CapClass::InitCap, "first word");
        assert_eq!(infos[1].class, CapClass::InitCap, "Trump");
        assert_eq!(infos[2].word, TokenInfo::new("lead").word);
        assert_eq!(infos[3].word, TokenInfo::new("us").word);
        assert_eq!(infos[5].class, CapClass::InitCap, "not a heading");
    }
}
