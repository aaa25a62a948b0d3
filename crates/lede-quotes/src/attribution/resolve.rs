//! Resolving a speaker mention to a name: he/she to the first fitting
//! person of the sentence or of a few sentences back, "they" to the last
//! organisation or country, "it" to whoever handed over the last note,
//! "the president" to the last person titled so.

use lede_core::{EntityLabel, Span};

use super::{
    is_alnum, tokenize, Cand, DocView, Spk, TokKind, ENTITY_SCAN, LEAD_CAP, PRONOUN_SENTENCES,
    SUBJECT_REACH,
};
use crate::lexicon::{self, Gender, Pronoun};
use crate::spans;

impl<'a> DocView<'a> {
    pub(super) fn sentence_index(&self, pos: usize) -> Option<usize> {
        spans::at_or_before(self.sentences, pos)
    }

    /// The first he/she matching `gender` in `[lo, hi)`, outside quotes.
    /// Words are the runs between chars that are not letters or digits;
    /// ASCII bytes are read without decoding a char, and only runs of two
    /// or three bytes can be "he" or "she".
    pub(super) fn first_pronoun(&self, lo: usize, hi: usize, gender: Gender) -> Option<usize> {
        let part = self.text.get(lo..hi)?;
        let bytes = part.as_bytes();
        let is_it = |from: usize, to: usize| {
            matches!(to - from, 2 | 3)
                && matches!(
                    lexicon::pronoun(&part[from..to]),
                    Some(Pronoun::Person(g)) if g == gender
                )
                && !self.in_quote(lo + from)
        };
        let mut from = 0;
        let mut k = 0;
        while k < bytes.len() {
            let (alnum, len) = match bytes[k] {
                b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
                _ => match part[k..].chars().next() {
                    Some(c) => (is_alnum(c), c.len_utf8()),
                    None => (false, 1),
                },
            };
            if !alnum {
                if is_it(from, k) {
                    return Some(lo + from);
                }
                from = k + len;
            }
            k += len;
        }
        is_it(from, bytes.len()).then_some(lo + from)
    }

    /// The PERSON a he/she at `pos` refers to: the first fitting person of
    /// the sentence so far, else of each earlier sentence in turn (the first
    /// person of a sentence is most often its subject).
    pub(super) fn resolve_person(&self, pos: usize, gender: Gender, depth: u8) -> Option<usize> {
        let si = self.sentence_index(pos)?;
        for back in 0..=PRONOUN_SENTENCES {
            let Some(k) = si.checked_sub(back) else {
                break;
            };
            let s = self.sentences[k];
            let lo = s.start();
            let hi = if back == 0 { pos.min(s.end()) } else { s.end() };
            if lo >= hi {
                continue;
            }
            let first = self.entities_in(lo, hi).find(|&i| {
                self.entities[i].label == EntityLabel::Person && gender.fits(self.entity_gender(i))
            });
            if depth < 3 && gender != Gender::Unknown {
                let limit = first
                    .map_or(hi, |i| self.entities[i].span.start())
                    .min(lo + SUBJECT_REACH);
                let limit = (limit..=hi)
                    .find(|&b| self.text.is_char_boundary(b))
                    .unwrap_or(hi);
                if let Some(p) = self.first_pronoun(lo, limit, gender) {
                    if let Some(found) = self.resolve_person(p, gender, depth + 1) {
                        return Some(found);
                    }
                }
            }
            if first.is_some() {
                return first;
            }
        }
        None
    }

    /// The ORG or country a "they" at `pos` refers to: the last one in this
    /// or the previous sentence.
    pub(super) fn resolve_group(&self, pos: usize) -> Option<usize> {
        let si = self.sentence_index(pos)?;
        let lo = self.sentences[si.saturating_sub(1)].start().min(pos);
        let lo = lo.max(pos.saturating_sub(2 * LEAD_CAP));
        self.entities_in(lo, pos)
            .filter(|&i| matches!(self.entities[i].label, EntityLabel::Org | EntityLabel::Gpe))
            .filter(|&i| self.is_speaker_entity(i))
            .last()
    }

    /// "It read, “…”": whoever is named before the last written thing (a
    /// note, a statement) of this or the two sentences before; else the last
    /// organisation.
    pub(super) fn resolve_it(&self, pos: usize) -> Option<usize> {
        let si = self.sentence_index(pos)?;
        let lo = self.sentences[si.saturating_sub(2)].start().min(pos);
        let lo = lo.max(pos.saturating_sub(3 * LEAD_CAP));
        let lo = (lo..=pos)
            .find(|&b| self.text.is_char_boundary(b))
            .unwrap_or(pos);
        let mut toks = Vec::new();
        tokenize(self.text, lo, pos, &mut toks);
        self.mark_quotes(&mut toks);
        let noun = toks.iter().rposition(|t| {
            t.kind == TokKind::Word && !t.in_quote && self.lex.is_document_noun(self.word(t))
        });
        if let Some(n) = noun {
            let ns = toks[n].start;
            let s_lo = self
                .sentence_index(ns)
                .map_or(lo, |k| self.sentences[k].start())
                .max(lo);
            let person = self
                .entities_in(s_lo, ns)
                .filter(|&i| self.entities[i].label == EntityLabel::Person)
                .last();
            if person.is_some() {
                return person;
            }
        }
        self.resolve_group(pos)
    }

    /// The last person titled `noun` ("president") before `pos`.
    pub(super) fn resolve_title(&self, pos: usize, noun: &str) -> Option<usize> {
        let k = self.entities.partition_point(|e| e.span.start() < pos);
        (0..k)
            .rev()
            .take(4 * ENTITY_SCAN)
            .filter(|&i| self.entities[i].label == EntityLabel::Person)
            .filter(|&i| !self.in_quote(self.entities[i].span.start()))
            .find(|&i| self.has_title(i, noun))
    }

    /// The speaker for a candidate: the mention as written at the cue, with
    /// the name it resolves to (canonical) and that name's mention (entity)
    /// when the mention is not itself the name. A pronoun or title that
    /// resolves to nobody stays a speaker of its own ("he", "the
    /// president"): the text names a speaker even when we cannot.
    pub(super) fn resolve(&self, cand: Cand) -> Option<Spk<'a>> {
        match cand {
            Cand::Entity(i) => Some(self.entity_speaker(i)),
            Cand::Pronoun(p, pos) => {
                let found = match p {
                    Pronoun::Person(g) => self.resolve_person(pos, g, 0),
                    Pronoun::They => self.resolve_group(pos),
                    Pronoun::It => self.resolve_it(pos),
                    Pronoun::Reporter => return None,
                };
                let len = self.text[pos..]
                    .find(|c: char| !is_alnum(c))
                    .unwrap_or(self.text.len() - pos);
                let mention = Span::from_boundaries(self.text, pos, pos + len);
                Some(self.mention_speaker(mention, found))
            }
            Cand::Unnamed(span) => Some(self.mention_speaker(span, None)),
            Cand::Relative(rel, phrase, found) => {
                let mut speaker = self.mention_speaker(rel, found);
                speaker.entity = Some(phrase);
                Some(speaker)
            }
            Cand::Title(np, title) => {
                let found = self.resolve_title(np.start(), title.text(self.text));
                Some(self.mention_speaker(np, found))
            }
        }
    }

    /// A speaker written as `mention`, resolved to entity `found` if any.
    pub(super) fn mention_speaker(&self, mention: Span, found: Option<usize>) -> Spk<'a> {
        let e = found.map(|i| self.entities[i]);
        Spk {
            span: Some(mention),
            text: mention.text(self.text),
            canonical: e.map(|e| self.canonical(e)),
            entity: e.map(|e| e.span),
        }
    }
}

#[cfg(test)]
mod tests {
    use lede_core::Span;
    use proptest::prelude::*;

    use super::*;
    use crate::lexicon::Lexicon;

    /// [`DocView::first_pronoun`] as first written, over `str::split`.
    fn first_pronoun_by_split(
        view: &DocView,
        lo: usize,
        hi: usize,
        gender: Gender,
    ) -> Option<usize> {
        let part = view.text.get(lo..hi)?;
        let mut offset = 0;
        for w in part.split(|c: char| !is_alnum(c)) {
            let pos = lo + offset;
            offset += w.len()
                + part[offset + w.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            if let Some(Pronoun::Person(g)) = lexicon::pronoun(w) {
                if g == gender && !view.in_quote(pos) {
                    return Some(pos);
                }
            }
        }
        None
    }

    const PIECES: &[&str] = &[
        "he", "He", "HE", "she", "She", "sHe", "they", "it", "her", "the", "h", "e", "s", " ", ",",
        "’", "'", "-", "é", "ß", "中", "\u{a0}", "“", "”", "\n", "Trump", "said", "7",
    ];

    proptest! {
        #[test]
        fn the_byte_scan_finds_the_pronoun_the_split_finds(
            picks in prop::collection::vec(0usize..PIECES.len(), 0..40),
            from in 0usize..120,
            to in 0usize..120,
            female in any::<bool>(),
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let lex = Lexicon::new(&[]);
            let whole = [Span::new(&text, 0, text.len()).unwrap()];
            let quotes = crate::marks::find_quotes(&text, &whole);
            let view = DocView::new(&text, &whole, &whole, &[], &quotes, &lex);
            let gender = if female { Gender::Female } else { Gender::Male };
            let (lo, hi) = (from.min(text.len()), to.min(text.len()));
            prop_assert_eq!(
                view.first_pronoun(lo, hi, gender),
                first_pronoun_by_split(&view, lo, hi, gender)
            );
        }
    }
}
