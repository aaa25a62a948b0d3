//! The document as the rules see it: the entities (sorted, one per
//! position), the quotes, and what can be read off a name — its canonical
//! form, its title, its gender, whether it is a possessor.

use std::cell::{Cell, OnceCell};

use lede_core::{Entity, EntityLabel, Span};

use super::{
    ceil_boundary, is_word_suffix, starts_upper, DocView, NameMap, Spk, Tok, TokKind, ENTITY_SCAN,
};
use crate::lexicon::{self, DocLexicon, Gender, Lexicon};
use crate::marks::RawQuote;

impl<'a> DocView<'a> {
    pub(crate) fn new(
        text: &'a str,
        sentences: &'a [Span],
        paragraphs: &'a [Span],
        entities: &'a [Entity],
        quotes: &'a [RawQuote],
        lex: &'a Lexicon,
    ) -> DocView<'a> {
        // The entity layer is most often sorted, valid and without
        // overlaps already: then it is taken as it is, without a sort.
        let mut last_end = 0;
        let clean = entities.iter().all(|e| {
            let ok = !e.span.is_empty()
                && e.span.start() >= last_end
                && Span::new(text, e.span.start(), e.span.end()).is_ok();
            last_end = e.span.end();
            ok
        });
        let ents: Vec<&Entity> = if clean {
            entities.iter().collect()
        } else {
            let mut ents: Vec<&Entity> = entities
                .iter()
                .filter(|e| {
                    !e.span.is_empty() && Span::new(text, e.span.start(), e.span.end()).is_ok()
                })
                .collect();
            ents.sort_by_key(|e| (e.span.start(), e.span.end()));
            let mut last_end = 0;
            ents.retain(|e| {
                if e.span.start() < last_end {
                    return false;
                }
                last_end = e.span.end();
                true
            });
            ents
        };
        DocView {
            text,
            sentences,
            paragraphs,
            genders: vec![Cell::new(0); ents.len()].into_boxed_slice(),
            entities: ents,
            quotes,
            lex: DocLexicon::new(lex, text),
            fullest: OnceCell::new(),
        }
    }

    /// Last word of a PERSON name -> the fullest PERSON name ending in it;
    /// built the first time a name without a canonical form asks for it
    /// (most entity layers give every person one).
    pub(super) fn fullest(&self) -> &NameMap<'a> {
        self.fullest.get_or_init(|| {
            let mut fullest = NameMap::default();
            for e in &self.entities {
                if e.label != EntityLabel::Person {
                    continue;
                }
                let name = e.span.text(self.text);
                let Some(last) = name.split_whitespace().next_back() else {
                    continue;
                };
                // Most names are met again as written before: no word count.
                match fullest.get_mut(last) {
                    None => {
                        fullest.insert(last, name);
                    }
                    Some(old) => {
                        if *old != name
                            && name.split_whitespace().count() > old.split_whitespace().count()
                        {
                            *old = name;
                        }
                    }
                }
            }
            fullest
        })
    }

    pub(super) fn word(&self, t: &Tok) -> &'a str {
        &self.text[t.start..t.end]
    }

    pub(super) fn is(&self, t: &Tok, w: &str) -> bool {
        t.kind == TokKind::Word && self.word(t).eq_ignore_ascii_case(w)
    }

    // ----- entities and quotes ------------------------------------------

    /// The entity containing byte `pos`.
    pub(super) fn entity_at(&self, pos: usize) -> Option<usize> {
        let k = self.entities.partition_point(|e| e.span.start() <= pos);
        let i = k.checked_sub(1)?;
        (self.entities[i].span.end() > pos).then_some(i)
    }

    /// True when `pos` lies inside a quotation (marks included).
    pub(super) fn in_quote(&self, pos: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.open() <= pos);
        k.checked_sub(1)
            .is_some_and(|i| self.quotes[i].close_end() > pos)
    }

    pub(super) fn mark_quotes(&self, toks: &mut [Tok]) {
        let Some(first) = toks.first() else {
            return;
        };
        let mut qi = self
            .quotes
            .partition_point(|q| q.close_end() <= first.start);
        for t in toks.iter_mut() {
            while qi < self.quotes.len() && self.quotes[qi].close_end() <= t.start {
                qi += 1;
            }
            if let Some(q) = self.quotes.get(qi) {
                t.in_quote = q.open() <= t.start && t.start < q.close_end();
            }
        }
    }

    /// True when the entity is followed by a possessive ’s (or ’ after s).
    pub(super) fn is_possessive(&self, e: &Entity) -> bool {
        let rest = &self.text[e.span.end()..];
        let rest = rest.get(..rest.len().min(8)).unwrap_or(rest);
        let mut cs = rest.chars();
        match cs.next() {
            Some('’' | '\'') => match cs.next() {
                Some('s') => !cs.next().is_some_and(char::is_alphanumeric),
                Some(c) if !c.is_alphanumeric() => e.span.text(self.text).ends_with('s'),
                None => e.span.text(self.text).ends_with('s'),
                _ => false,
            },
            _ => false,
        }
    }

    pub(super) fn canonical(&self, e: &'a Entity) -> &'a str {
        if let Some(c) = &e.canonical {
            return c;
        }
        let name = e.span.text(self.text);
        if e.label == EntityLabel::Person {
            if let Some(full) = name
                .split_whitespace()
                .next_back()
                .and_then(|l| self.fullest().get(l))
            {
                if is_word_suffix(full, name) {
                    return full;
                }
            }
        }
        name
    }

    pub(super) fn entity_speaker(&self, i: usize) -> Spk<'a> {
        let e = self.entities[i];
        Spk {
            span: Some(e.span),
            text: e.span.text(self.text),
            canonical: Some(self.canonical(e)),
            entity: None,
        }
    }

    /// True when `test` holds for a word of the entity's title or of the
    /// up to four capitalised words written before it ("Secretary of
    /// State", "Mr.").
    pub(super) fn any_title_word(&self, e: &'a Entity, mut test: impl FnMut(&str) -> bool) -> bool {
        let start = e.span.start();
        let lo = ceil_boundary(self.text, start.saturating_sub(60)).min(start);
        let before = &self.text[lo..start];
        let written = before
            .rsplit(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .take(4)
            .take_while(|w| starts_upper(w) || *w == "of");
        for w in written {
            if test(w) {
                return true;
            }
        }
        e.title
            .as_deref()
            .is_some_and(|t| t.split_whitespace().any(test))
    }

    /// The gender of entity `i` as its title and first name tell it;
    /// worked out once per entity of the document (a pronoun's search
    /// meets the same people again and again).
    pub(super) fn entity_gender(&self, i: usize) -> Gender {
        let Some(memo) = self.genders.get(i) else {
            return self.read_gender(i);
        };
        match memo.get() {
            1 => Gender::Male,
            2 => Gender::Female,
            3 => Gender::Unknown,
            _ => {
                let g = self.read_gender(i);
                memo.set(match g {
                    Gender::Male => 1,
                    Gender::Female => 2,
                    Gender::Unknown => 3,
                });
                g
            }
        }
    }

    fn read_gender(&self, i: usize) -> Gender {
        let e = self.entities[i];
        let mut gender = Gender::Unknown;
        self.any_title_word(e, |w| {
            gender = lexicon::title_gender(w);
            gender != Gender::Unknown
        });
        if gender != Gender::Unknown {
            return gender;
        }
        match self.canonical(e).split_whitespace().next() {
            Some(first) => self.lex.first_name_gender(first),
            None => Gender::Unknown,
        }
    }

    pub(super) fn has_title(&self, i: usize, noun: &str) -> bool {
        self.any_title_word(self.entities[i], |w| {
            w.trim_end_matches('.').eq_ignore_ascii_case(noun)
        })
    }

    /// Entities starting in `[lo, hi)`, outside quotes, at most
    /// [`ENTITY_SCAN`] of them.
    pub(super) fn entities_in(
        &self,
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = usize> + use<'_, 'a> {
        let k = self.entities.partition_point(|e| e.span.start() < lo);
        (k..self.entities.len())
            .take(ENTITY_SCAN)
            .take_while(move |&i| self.entities[i].span.start() < hi)
            .filter(move |&i| !self.in_quote(self.entities[i].span.start()))
    }

    pub(super) fn is_speaker_entity(&self, i: usize) -> bool {
        let e = self.entities[i];
        match e.label {
            EntityLabel::Person | EntityLabel::Gpe => true,
            EntityLabel::Org => !self.lex.is_platform(e.span.text(self.text)),
            _ => false,
        }
    }
}
