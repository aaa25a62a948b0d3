//! The read-only views the rule passes share ([`Ctx`]) and the keys they
//! read of candidates and words, each computed once.

use super::*;

/// The key ([`key_of`]) of a candidate's text and its gazetteer
/// categories, with the bounds they were read for. Most rules leave a
/// span's edges alone, so its text is hashed once instead of by every rule
/// that asks; a rule that moves an edge leaves a memo of other bounds,
/// which is then read afresh.
#[derive(Clone, Copy, Debug)]
pub(super) struct TextKey {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) key: u64,
    pub(super) mask: u16,
}

/// Words some rule looks for wherever they stand, found in one pass over
/// the text instead of one pass per rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// A month that is also a last name ("Theresa May").
    Month,
    /// A head word that ends a law's name and nothing else.
    LawHead,
    /// "Operation" or "Resolution", which open a named pattern.
    Pattern,
}

impl Cue {
    pub(super) fn of(w: &str) -> Option<Cue> {
        // Every token is asked: most are told apart by their length and
        // first letter before any comparison.
        let b = w.as_bytes();
        if !(3..=10).contains(&b.len())
            || !matches!(b[0], b'M' | b'J' | b'A' | b'T' | b'O' | b'R' | b'r')
        {
            return None;
        }
        match w {
            "May" | "June" | "April" | "August" => Some(Cue::Month),
            "Act" | "Treaty" | "Accords" | "Amendment" => Some(Cue::LawHead),
            "Operation" | "Resolution" | "resolution" => Some(Cue::Pattern),
            _ => None,
        }
    }

    /// The cues among the analysed words and the tokens where a
    /// gazetteer entry starts, in order, found in one pass over the
    /// tokens. A word form is read once ([`Analysis::form_texts`]): news
    /// repeats its words; a token whose form is not one of the text's own
    /// (shown in lower case in a heading) reads its word.
    pub(super) fn find(analysis: &Analysis) -> (Vec<(usize, Cue)>, Vec<usize>) {
        let form_cues: Vec<Option<Cue>> = analysis.form_texts.iter().map(|w| Cue::of(w)).collect();
        let mut cues = Vec::new();
        let mut gaz_starts = Vec::new();
        for (i, (&f, gaz)) in analysis.form_of.iter().zip(&analysis.gaz_at).enumerate() {
            if gaz.is_some() {
                gaz_starts.push(i);
            }
            let cue = match form_cues.get(f as usize) {
                Some(&cue) => cue,
                None => Cue::of(analysis.words[i]),
            };
            if let Some(cue) = cue {
                cues.push((i, cue));
            }
        }
        (cues, gaz_starts)
    }
}

/// Read-only views shared by the rule passes.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [lede_core::Token],
    pub(super) words: &'a [&'a str],
    pub(super) gaz: &'a Gazetteer,
    pub(super) sentence_of: &'a [u32],
    pub(super) sentences: &'a [(usize, usize)],
    pub(super) gaz_at: &'a [Option<(u8, u16)>],
    /// Per sentence: in Title Case?
    pub(super) title_case: &'a [bool],
    /// The Title Case headings and the document's common words.
    pub(super) headings: Option<&'a (Vec<bool>, CommonWords<'a>)>,
    pub(super) analysis: &'a Analysis<'a>,
    /// Per distinct word form of the text ([`Analysis::form_texts`]): its
    /// key ([`key_of`]) once some rule asked for it (0 until then).
    pub(super) word_keys: Vec<Cell<u64>>,
    /// The tokens that are [`Cue`]s, in order.
    pub(super) cues: Vec<(usize, Cue)>,
    /// The tokens where some gazetteer entry starts ([`Ctx::gaz_at`]), in
    /// order: few tokens, which the passes over matches visit alone.
    pub(super) gaz_starts: Vec<usize>,
}

impl Ctx<'_> {
    pub(super) fn cand(&self, first: usize, last: usize, label: EntityLabel, sure: bool) -> Cand {
        Cand {
            start: self.toks[first].span.start(),
            end: self.toks[last].span.end(),
            first,
            last,
            label,
            title: None,
            sure,
            user: false,
            by_context: false,
            text_key: Cell::new(None),
        }
    }
    /// The key and gazetteer categories of the candidate's text.
    pub(super) fn keyed(&self, c: &Cand) -> (u64, u16) {
        let memo = c
            .text_key
            .get()
            .filter(|m| m.start == c.start && m.end == c.end)
            .unwrap_or_else(|| {
                let m = self.read_key(c.start, c.end, c.first, c.last);
                c.text_key.set(Some(m));
                m
            });
        (memo.key, memo.mask)
    }
    /// The [`TextKey`] of bytes `start..end`, which lie in tokens
    /// `first..=last`: a span that is one whole token has its word's key.
    pub(super) fn read_key(&self, start: usize, end: usize, first: usize, last: usize) -> TextKey {
        let whole_token = first == last
            && self
                .toks
                .get(first)
                .is_some_and(|t| t.span.start() == start && t.span.end() == end);
        let key = if whole_token {
            self.word_key(first)
        } else {
            key_of(&self.text[start..end])
        };
        TextKey {
            start,
            end,
            key,
            mask: self.gaz.lookup_key(key),
        }
    }
    /// The key ([`key_of`]) of token `i`'s word, read once per word form.
    pub(super) fn word_key(&self, i: usize) -> u64 {
        let w = self.words[i];
        // Tokens shown in lower case in a heading have a form of their
        // own, beyond the text's forms: their word is read as it is.
        let Some(cell) = self
            .analysis
            .form_of
            .get(i)
            .and_then(|&f| self.word_keys.get(f as usize))
        else {
            return key_of(w);
        };
        if cell.get() == 0 {
            cell.set(key_of(w));
        }
        cell.get()
    }
    /// The key of token `i`'s word without a possessive ending
    /// ([`strip_possessive`]).
    pub(super) fn bare_word_key(&self, i: usize) -> u64 {
        let w = self.words[i];
        let bare = strip_possessive(w);
        if bare.len() == w.len() {
            self.word_key(i)
        } else {
            key_of(bare)
        }
    }
    /// Is token `i`'s word a word news writes in lower case
    /// ([`Gazetteer::is_common`])?
    pub(super) fn is_common(&self, i: usize) -> bool {
        self.gaz.is_common_key(self.word_key(i))
    }
    /// The gazetteer categories of token `i`'s word ([`Gazetteer::lookup`]).
    pub(super) fn word_mask(&self, i: usize) -> u16 {
        self.gaz.lookup_key(self.word_key(i))
    }
    /// The gazetteer categories of the candidate's text ([`Gazetteer::lookup`]).
    pub(super) fn mask(&self, c: &Cand) -> u16 {
        self.keyed(c).1
    }
    /// The key of the candidate's text without a possessive ending
    /// ([`strip_possessive`]).
    pub(super) fn bare_key(&self, c: &Cand) -> u64 {
        let t = &self.text[c.start..c.end];
        let bare = strip_possessive(t);
        if bare.len() == t.len() {
            self.keyed(c).0
        } else {
            key_of(bare)
        }
    }
    /// A title at tokens `first..end`: (tokens, mask).
    pub(super) fn title_at(&self, first: usize, end: usize) -> Option<(usize, u16)> {
        let words = self.words.get(first..end)?;
        // Titles are capitalised when they precede a name.
        if !words
            .first()?
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        // The key of `words[..len]` grows a word at a time from the first
        // word's, and no longer entry starts with words that are no
        // entry's start.
        let mut best = None;
        let mut key = self.word_key(first);
        for len in 1..=4.min(words.len()) {
            if len > 1 {
                let mut h = Hasher::resume(key);
                push_key(&mut h, words[len - 1]);
                key = h.finish();
            }
            let Some((mask, prefix)) = self.gaz.entry(key) else {
                break;
            };
            if mask & Category::Title.bit() != 0 {
                best = Some((len, mask));
            }
            if !prefix {
                break;
            }
        }
        best
    }
    /// The tokens that are `cue`, in order.
    pub(super) fn cue_tokens(&self, cue: Cue) -> impl Iterator<Item = usize> + '_ {
        self.cues.iter().filter(move |c| c.1 == cue).map(|c| c.0)
    }
    /// The longest gazetteer entry starting at token `i` in its sentence:
    /// (tokens, mask).
    pub(super) fn gaz_at(&self, i: usize) -> Option<(usize, u16)> {
        self.gaz_at[i].map(|(len, mask)| (len as usize, mask))
    }
    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence_of.get(a) == self.sentence_of.get(b)
    }
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }
    /// Is token `i` in lower case one of `list` (false past the end)?
    pub(super) fn lower_in(&self, i: usize, list: &[&str]) -> bool {
        self.words.get(i).is_some_and(|w| lower_in(list, w))
    }
    /// The class of token `i`'s own text ([`Analysis::own_class`]).
    pub(super) fn class(&self, i: usize) -> CapClass {
        self.analysis.own_class(i)
    }
    pub(super) fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s as usize))
            .copied()
            .unwrap_or((0, self.toks.len()))
    }
}
