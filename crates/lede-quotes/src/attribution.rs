//! Crediting quotations: a sieve of rules from the most to the least certain.
//!
//! 1. a trailing cue right after the quote (`“…,” said X`, `“…,” X said`,
//!    `“…,” according to X`);
//! 2. a leading cue before it in the sentence (`X said: “…”`, `X stated
//!    that … “…”`, `According to X, … “…”`, `what X called “…”`), whose
//!    subject is found next to the verb, across an appositive, or as the
//!    nearest person to the left;
//! 3. the attribution of an earlier quote in the same sentence;
//! 4. a quote with no cue of its own that follows an attributed one in the
//!    same or the next paragraph keeps that speaker.
//!
//! Pronouns ("she told me") resolve to the first fitting PERSON of the
//! current or a recent sentence (first ~ subject position), using the gender
//! of first names and titles; "the president" resolves to the last person
//! titled so; unnamed sources ("one official") are their own noun phrase.
//! When no rule fires the speaker is `None`.
//!
//! Every search is bounded (a few hundred bytes, a few sentences, a few
//! dozen entities), so the work per quote is constant and the stage is
//! linear in the document.

use std::collections::HashMap;

use lede_core::{Entity, EntityLabel, Quote, QuoteKind, Span, Speaker};

use crate::lexicon::{self, Gender, Lexicon, Pronoun};
use crate::marks::RawQuote;
use crate::{spans, SpeakerChoice, SpeakerOption};

mod candidates;
mod ranking;

use candidates::Reach;

pub(crate) use ranking::Weights;

/// Bytes of a sentence searched before a quote for its cue.
const LEAD_CAP: usize = 360;
/// Bytes searched after a quote for a trailing cue.
const TRAIL_CAP: usize = 240;
/// Words a naming verb ("called") may stand before its quote.
const NAMING_REACH: usize = 5;
/// Sentences looked back through to resolve a pronoun.
const PRONOUN_SENTENCES: usize = 4;
/// Entities examined by one look-up.
const ENTITY_SCAN: usize = 64;
/// Words of an appositive between a speaker and its verb.
const APPOSITIVE_WORDS: usize = 24;
/// Function words that never end a speaker's noun phrase.
const NOT_A_HEAD: [&str; 36] = [
    "that", "which", "who", "whom", "whose", "what", "this", "these", "those", "there", "here",
    "and", "or", "but", "as", "than", "then", "so", "if", "when", "while", "because", "of", "to",
    "by", "in", "on", "at", "for", "with", "from", "into", "after", "before", "about", "against",
];
/// Words of a common-noun speaker ("the three senators") after its determiner.
const COMMON_NP_WORDS: usize = 5;
/// Bytes at the start of a sentence searched for a subject pronoun.
const SUBJECT_REACH: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word,
    Comma,
    Colon,
    Stop,
    Dash,
    Quote,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
    /// Inside some quotation (its words are never a speaker or a cue).
    in_quote: bool,
}

const ABBREVIATIONS: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof",
    "Jr", "Sr", "Rev", "Adm", "Maj", "Cpl", "Pres", "Amb", "Hon", "No",
];

fn is_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase()) || ABBREVIATIONS.contains(&word)
}

/// `char::is_alphanumeric` without the Unicode table look-up for the
/// punctuation news text is full of (quote marks, dashes, ellipses).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{2000}'..='\u{206F}' | '\u{00A0}' | '«' | '»' | '·') {
        return false;
    }
    c.is_alphanumeric()
}

/// Splits `text[start..end]` (char boundaries) into words and punctuation.
/// Words keep inner apostrophes, hyphens and abbreviation dots (U.S., Mr.).
fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let Some(part) = text.get(start..end) else {
        return;
    };
    let mut it = part.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        let pos = start + k;
        if is_alnum(c) {
            let mut wend = pos + c.len_utf8();
            let mut has_dot = false;
            while let Some(&(k2, c2)) = it.peek() {
                if is_alnum(c2) {
                    wend = start + k2 + c2.len_utf8();
                    it.next();
                } else if matches!(c2, '\'' | '’' | '-' | '.' | '\u{2011}') {
                    let after = start + k2 + c2.len_utf8();
                    let joins = text[after..end].chars().next().is_some_and(is_alnum);
                    if !joins {
                        break;
                    }
                    has_dot |= c2 == '.';
                    wend = after;
                    it.next();
                } else {
                    break;
                }
            }
            if let Some(&(k2, '.')) = it.peek() {
                if has_dot || is_abbreviation(&text[pos..wend]) {
                    wend = start + k2 + 1;
                    it.next();
                }
            }
            out.push(Tok {
                start: pos,
                end: wend,
                kind: TokKind::Word,
                in_quote: false,
            });
        } else if !c.is_whitespace() {
            let kind = match c {
                ',' => TokKind::Comma,
                ':' => TokKind::Colon,
                '.' | '!' | '?' | ';' | '…' => TokKind::Stop,
                '—' | '–' | '-' => TokKind::Dash,
                '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' => TokKind::Quote,
                _ => TokKind::Other,
            };
            out.push(Tok {
                start: pos,
                end: pos + c.len_utf8(),
                kind,
                in_quote: false,
            });
        }
    }
}

/// A possible speaker mention, before resolution.
#[derive(Clone, Copy, Debug)]
enum Cand {
    /// Index into the view's entities.
    Entity(usize),
    /// A subject pronoun at this offset.
    Pronoun(Pronoun, usize),
    /// An unnamed source ("one official"), its noun phrase.
    Unnamed(Span),
    /// "the president": the phrase and the title word.
    Title(Span, Span),
}

/// Who said a quote and how we know.
#[derive(Clone, Debug, Default)]
struct Attr {
    speaker: Option<Speaker>,
    cue: Option<String>,
}

enum Lead {
    Found(Attr),
    /// The search reached an earlier quote of the same sentence first.
    HitPrevious,
    Nothing,
}

/// The document as the rules see it.
pub(crate) struct DocView<'a> {
    text: &'a str,
    sentences: &'a [Span],
    paragraphs: &'a [Span],
    entities: Vec<&'a Entity>,
    quotes: &'a [RawQuote],
    lex: &'a Lexicon,
    /// Last word of a PERSON name -> the fullest PERSON name ending in it.
    fullest: HashMap<&'a str, &'a str>,
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when `short` is `long` or a whole-word suffix of it.
fn is_word_suffix(long: &str, short: &str) -> bool {
    long == short
        || (long.len() > short.len()
            && long.ends_with(short)
            && long[..long.len() - short.len()].ends_with(' '))
}

impl<'a> DocView<'a> {
    pub(crate) fn new(
        text: &'a str,
        sentences: &'a [Span],
        paragraphs: &'a [Span],
        entities: &'a [Entity],
        quotes: &'a [RawQuote],
        lex: &'a Lexicon,
    ) -> DocView<'a> {
        let mut ents: Vec<&Entity> = entities
            .iter()
            .filter(|e| !e.span.is_empty() && Span::new(text, e.span.start(), e.span.end()).is_ok())
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
        let mut fullest: HashMap<&str, &str> = HashMap::new();
        for e in &ents {
            if e.label != EntityLabel::Person {
                continue;
            }
            let name = e.span.text(text);
            let Some(last) = name.split_whitespace().next_back() else {
                continue;
            };
            let longer = fullest
                .get(last)
                .is_none_or(|old| name.split_whitespace().count() > old.split_whitespace().count());
            if longer {
                fullest.insert(last, name);
            }
        }
        DocView {
            text,
            sentences,
            paragraphs,
            entities: ents,
            quotes,
            lex,
            fullest,
        }
    }

    fn word(&self, t: &Tok) -> &'a str {
        &self.text[t.start..t.end]
    }

    fn is(&self, t: &Tok, w: &str) -> bool {
        t.kind == TokKind::Word && self.word(t).eq_ignore_ascii_case(w)
    }

    // ----- entities and quotes ------------------------------------------

    /// The entity containing byte `pos`.
    fn entity_at(&self, pos: usize) -> Option<usize> {
        let k = self.entities.partition_point(|e| e.span.start() <= pos);
        let i = k.checked_sub(1)?;
        (self.entities[i].span.end() > pos).then_some(i)
    }

    /// True when `pos` lies inside a quotation (marks included).
    fn in_quote(&self, pos: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.open() <= pos);
        k.checked_sub(1)
            .is_some_and(|i| self.quotes[i].close_end() > pos)
    }

    fn mark_quotes(&self, toks: &mut [Tok]) {
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
    fn is_possessive(&self, e: &Entity) -> bool {
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

    fn canonical(&self, e: &'a Entity) -> &'a str {
        if let Some(c) = &e.canonical {
            return c;
        }
        let name = e.span.text(self.text);
        if e.label == EntityLabel::Person {
            if let Some(full) = name
                .split_whitespace()
                .next_back()
                .and_then(|l| self.fullest.get(l))
            {
                if is_word_suffix(full, name) {
                    return full;
                }
            }
        }
        name
    }

    fn entity_speaker(&self, i: usize) -> Speaker {
        let e = self.entities[i];
        Speaker {
            span: Some(e.span),
            text: e.span.text(self.text).to_string(),
            canonical: Some(self.canonical(e).to_string()),
            entity: None,
        }
    }

    /// True when `test` holds for a word of the entity's title or of the
    /// up to four capitalised words written before it ("Secretary of
    /// State", "Mr.").
    fn any_title_word(&self, e: &'a Entity, mut test: impl FnMut(&str) -> bool) -> bool {
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

    fn entity_gender(&self, i: usize) -> Gender {
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

    fn has_title(&self, i: usize, noun: &str) -> bool {
        self.any_title_word(self.entities[i], |w| {
            w.trim_end_matches('.').eq_ignore_ascii_case(noun)
        })
    }

    /// Entities starting in `[lo, hi)`, outside quotes, at most
    /// [`ENTITY_SCAN`] of them.
    fn entities_in(&self, lo: usize, hi: usize) -> impl Iterator<Item = usize> + '_ {
        let k = self.entities.partition_point(|e| e.span.start() < lo);
        (k..self.entities.len())
            .take(ENTITY_SCAN)
            .take_while(move |&i| self.entities[i].span.start() < hi)
            .filter(move |&i| !self.in_quote(self.entities[i].span.start()))
    }

    fn is_speaker_entity(&self, i: usize) -> bool {
        let e = self.entities[i];
        match e.label {
            EntityLabel::Person | EntityLabel::Gpe => true,
            EntityLabel::Org => !self.lex.is_platform(e.span.text(self.text)),
            _ => false,
        }
    }

    // ----- resolution ----------------------------------------------------

    fn sentence_index(&self, pos: usize) -> Option<usize> {
        spans::at_or_before(self.sentences, pos)
    }

    /// The first he/she matching `gender` in `[lo, hi)`, outside quotes.
    fn first_pronoun(&self, lo: usize, hi: usize, gender: Gender) -> Option<usize> {
        let part = self.text.get(lo..hi)?;
        let mut offset = 0;
        for w in part.split(|c: char| !is_alnum(c)) {
            let pos = lo + offset;
            offset += w.len()
                + part[offset + w.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            if let Some(Pronoun::Person(g)) = lexicon::pronoun(w) {
                if g == gender && !self.in_quote(pos) {
                    return Some(pos);
                }
            }
        }
        None
    }

    /// The PERSON a he/she at `pos` refers to: the first fitting person of
    /// the sentence so far, else of each earlier sentence in turn (the first
    /// person of a sentence is most often its subject).
    fn resolve_person(&self, pos: usize, gender: Gender, depth: u8) -> Option<usize> {
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
    fn resolve_group(&self, pos: usize) -> Option<usize> {
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
    fn resolve_it(&self, pos: usize) -> Option<usize> {
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
    fn resolve_title(&self, pos: usize, noun: &str) -> Option<usize> {
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
    fn resolve(&self, cand: Cand) -> Option<Speaker> {
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
            Cand::Title(np, title) => {
                let found = self.resolve_title(np.start(), title.text(self.text));
                Some(self.mention_speaker(np, found))
            }
        }
    }

    /// A speaker written as `mention`, resolved to entity `found` if any.
    fn mention_speaker(&self, mention: Span, found: Option<usize>) -> Speaker {
        let e = found.map(|i| self.entities[i]);
        Speaker {
            span: Some(mention),
            text: mention.text(self.text).to_string(),
            canonical: e.map(|e| self.canonical(e).to_string()),
            entity: e.map(|e| e.span),
        }
    }

    // ----- noun phrases --------------------------------------------------

    /// The unnamed-source phrase whose head is `toks[head]`, extended left
    /// over determiners, modifiers, capitalised words and entities.
    fn extend_np(&self, toks: &[Tok], head: usize) -> Span {
        let mut k = head;
        while k > 0 {
            let prev = &toks[k - 1];
            if prev.kind != TokKind::Word || prev.in_quote {
                break;
            }
            let w = self.word(prev);
            if self.lex.is_determiner(w) {
                k -= 1;
                // "the three senators": a quantifier after its article.
                if k > 0
                    && toks[k - 1].kind == TokKind::Word
                    && !toks[k - 1].in_quote
                    && self.lex.is_determiner(self.word(&toks[k - 1]))
                {
                    k -= 1;
                }
                break;
            }
            if self.entity_at(prev.start).is_some()
                || starts_upper(w)
                || self.lex.is_modifier(w)
                || w.contains('-')
            {
                k -= 1;
                continue;
            }
            break;
        }
        Span::from_boundaries(self.text, toks[k].start, toks[head].end)
    }

    /// A speaker mention ending at word `toks[j]`.
    fn cand_ending_at(&self, toks: &[Tok], j: usize) -> Option<Cand> {
        let t = &toks[j];
        if t.kind != TokKind::Word || t.in_quote {
            return None;
        }
        if let Some(i) = self.entity_at(t.start) {
            let e = self.entities[i];
            if e.span.end() < t.end {
                // "Jordan’s": a possessor.
                return None;
            }
            if e.span.end() == t.end {
                if self.is_speaker_entity(i) {
                    return Some(Cand::Entity(i));
                }
                if e.label == EntityLabel::Norp {
                    return Some(Cand::Unnamed(e.span));
                }
                return None;
            }
        }
        let w = self.word(t);
        if let Some(p) = lexicon::pronoun(w) {
            return Some(Cand::Pronoun(p, t.start));
        }
        if self.lex.is_title_noun(w) {
            // "the president", "the prime minister": refers back to a name.
            let np = self.extend_np(toks, j);
            let first = np.text(self.text).split_whitespace().next().unwrap_or("");
            let plain = np
                .text(self.text)
                .split_whitespace()
                .skip(1)
                .all(|x| !starts_upper(x));
            if first.eq_ignore_ascii_case("the") && plain {
                return Some(Cand::Title(
                    np,
                    Span::from_boundaries(self.text, t.start, t.end),
                ));
            }
            return Some(Cand::Unnamed(np));
        }
        if self.lex.is_source_noun(w) {
            return Some(Cand::Unnamed(self.extend_np(toks, j)));
        }
        None
    }

    /// A common-noun phrase opened by a determiner and ending at word
    /// `toks[k]`: "the union", "the hospital", "a joint letter from the
    /// three senators" (its last part), "the campaign ad". At most
    /// [`COMMON_NP_WORDS`] words, all outside quotes.
    fn common_np_ending_at(&self, toks: &[Tok], k: usize) -> Option<Cand> {
        let head = toks.get(k)?;
        if head.kind != TokKind::Word || head.in_quote {
            return None;
        }
        let hw = self.word(head);
        let plain_head = hw.chars().all(|c| c.is_lowercase() || c == '-')
            && lexicon::pronoun(hw).is_none()
            && !self.lex.is_adverb(hw)
            && !self.lex.is_determiner(hw)
            && !self.lex.is_speech_verb(hw)
            && !NOT_A_HEAD.contains(&hw);
        if !plain_head {
            return None;
        }
        for m in (k.saturating_sub(COMMON_NP_WORDS)..k).rev() {
            let t = &toks[m];
            if t.kind != TokKind::Word || t.in_quote {
                return None;
            }
            let w = self.word(t);
            if self.lex.is_determiner(w) {
                // "the three senators": a quantifier after its article.
                let start = match m.checked_sub(1).map(|p| &toks[p]) {
                    Some(p)
                        if p.kind == TokKind::Word
                            && !p.in_quote
                            && self.lex.is_determiner(self.word(p)) =>
                    {
                        p.start
                    }
                    _ => t.start,
                };
                return Some(Cand::Unnamed(Span::from_boundaries(
                    self.text, start, head.end,
                )));
            }
            if self.lex.is_speech_verb(w) || self.lex.is_adverb(w) {
                return None;
            }
        }
        None
    }

    /// The nearest person (else organisation or unnamed source) left of
    /// `toks[from]` in the window, outside quotes.
    fn nearest_left(&self, toks: &[Tok], from: usize) -> Option<Cand> {
        self.nearest_left_of(toks, from, false)
    }

    /// [`Self::nearest_left`], optionally taking possessors too ("Hamas’s
    /// response was blunt: “…”").
    fn nearest_left_of(&self, toks: &[Tok], from: usize, possessors: bool) -> Option<Cand> {
        let mut backup = None;
        for j in (0..from).rev() {
            let t = &toks[j];
            if t.kind != TokKind::Word || t.in_quote {
                continue;
            }
            if let Some(i) = self.entity_at(t.start) {
                let e = self.entities[i];
                // "Netanyahu’s rhetoric": a possessor is not a subject.
                let possessive = !possessors && self.is_possessive(e);
                if e.label == EntityLabel::Person && !possessive {
                    return Some(Cand::Entity(i));
                }
                if backup.is_none()
                    && !possessive
                    && e.label == EntityLabel::Org
                    && self.is_speaker_entity(i)
                {
                    backup = Some(Cand::Entity(i));
                }
                continue;
            }
            let w = self.word(t);
            match lexicon::pronoun(w) {
                Some(p @ Pronoun::Person(_)) => return Some(Cand::Pronoun(p, t.start)),
                Some(_) => continue,
                None => {}
            }
            if backup.is_none() && self.lex.is_source_noun(w) {
                backup = Some(Cand::Unnamed(self.extend_np(toks, j)));
            }
        }
        backup
    }

    /// The speaker named in the phrase starting at `toks[from]` ("according
    /// to X", "said X"): a person (not a possessor), else the first
    /// organisation, country or unnamed source ("a spokesman for the UN"
    /// ends at its head), else a pronoun. Stops at a comma or a stop.
    fn np_after(&self, toks: &[Tok], from: usize) -> Option<Cand> {
        let mut org: Option<(usize, Span)> = None;
        let mut unnamed: Option<Cand> = None;
        let mut pron = None;
        let mut words = 0;
        let mut j = from;
        while j < toks.len() && words < 12 {
            let t = &toks[j];
            if t.in_quote || t.kind != TokKind::Word {
                break;
            }
            words += 1;
            if let Some(i) = self.entity_at(t.start) {
                let e = self.entities[i];
                let possessive = self.is_possessive(e);
                if e.label == EntityLabel::Person && !possessive {
                    return Some(Cand::Entity(i));
                }
                if org.is_none() && unnamed.is_none() && !possessive && self.is_speaker_entity(i) {
                    org = Some((i, e.span));
                }
                j += 1;
                continue;
            }
            let w = self.word(t);
            let is_head = |x: &Tok| {
                x.kind == TokKind::Word && {
                    let xw = self.word(x);
                    self.lex.is_source_noun(xw) || self.lex.is_title_noun(xw)
                }
            };
            // "government spokesman": the head is the last noun of the run.
            if is_head(t) && toks.get(j + 1).is_some_and(|n| !n.in_quote && is_head(n)) {
                j += 1;
                continue;
            }
            if unnamed.is_none() && is_head(t) {
                let mut cand = self.cand_ending_at(toks, j);
                let np = match cand {
                    Some(Cand::Unnamed(np)) | Some(Cand::Title(np, _)) => Some(np),
                    _ => None,
                };
                if let Some(np) = np {
                    // Keep the phrase inside this window.
                    if np.start() < toks[from].start {
                        let clamped = Span::from_boundaries(self.text, toks[from].start, np.end());
                        cand = Some(Cand::Unnamed(clamped));
                    }
                    // "a U.S. official": the country only modifies the head.
                    if org.is_some_and(|(_, os)| np.contains(os) || os.start() >= np.start()) {
                        org = None;
                    }
                }
                if org.is_none() {
                    let next = toks.get(j + 1);
                    let title_goes_on = next.is_some_and(|n| {
                        n.kind == TokKind::Word
                            && (starts_upper(self.word(n))
                                || (self.is(n, "of")
                                    && toks.get(j + 2).is_some_and(|m| starts_upper(self.word(m)))))
                    });
                    if next.is_some_and(|n| n.kind == TokKind::Comma) {
                        // "said the foreign minister, Israel Katz"
                        if let Some(n2) = toks.get(j + 2) {
                            if let Some(i) = self.entity_at(n2.start) {
                                if self.entities[i].label == EntityLabel::Person && !n2.in_quote {
                                    return Some(Cand::Entity(i));
                                }
                            }
                        }
                    }
                    if !title_goes_on {
                        return cand;
                    }
                    unnamed = cand;
                }
            }
            if pron.is_none() {
                if let Some(p @ Pronoun::Person(_)) = lexicon::pronoun(w) {
                    pron = Some(Cand::Pronoun(p, t.start));
                }
            }
            j += 1;
        }
        org.map(|(i, _)| Cand::Entity(i)).or(unnamed).or(pron)
    }

    // ----- the rules -----------------------------------------------------

    /// The subject of the reporting verb at `toks[vi]`.
    fn subject_of_verb(&self, toks: &[Tok], vi: usize) -> Option<Cand> {
        let naming = self.lex.is_naming_verb(self.word(&toks[vi]));
        let mut j = vi;
        while j > 0
            && toks[j - 1].kind == TokKind::Word
            && !toks[j - 1].in_quote
            && self.lex.is_adverb(self.word(&toks[j - 1]))
        {
            let w = self.word(&toks[j - 1]);
            // "the plan was dubbed “…”": a passive names no speaker.
            let be = ["was", "were", "is", "are", "been", "being", "be"];
            if naming && be.iter().any(|b| w.eq_ignore_ascii_case(b)) {
                return None;
            }
            j -= 1;
        }
        if j == 0 {
            return self.np_after(toks, vi + 1);
        }
        let t = &toks[j - 1];
        if t.kind == TokKind::Word && !t.in_quote {
            // "quoted an unnamed official as saying"
            if self.word(t).eq_ignore_ascii_case("as")
                && self.word(&toks[vi]).eq_ignore_ascii_case("saying")
            {
                let lo = (j - 1).saturating_sub(10);
                if let Some(q) = (lo..j - 1).rev().find(|&k| {
                    let w = self.word(&toks[k]);
                    w.eq_ignore_ascii_case("quoted") || w.eq_ignore_ascii_case("cited")
                }) {
                    if let Some(c) = (q + 1..j - 1)
                        .rev()
                        .find_map(|k| self.cand_ending_at(toks, k))
                    {
                        return Some(c);
                    }
                }
            }
            if let Some(c) = self
                .cand_ending_at(toks, j - 1)
                .or_else(|| self.common_np_ending_at(toks, j - 1))
            {
                return Some(c);
            }
        } else if t.kind == TokKind::Comma && !t.in_quote {
            // "Mona El-Ghobashy, senior fellow at …, explains"
            let lo = (j - 1).saturating_sub(30);
            for k in (lo..j - 1).rev() {
                let tk = &toks[k];
                if tk.in_quote || matches!(tk.kind, TokKind::Colon | TokKind::Stop | TokKind::Quote)
                {
                    break;
                }
                if tk.kind == TokKind::Comma {
                    if k > 0 {
                        if let Some(c) = self.cand_ending_at(toks, k - 1) {
                            return Some(c);
                        }
                    }
                    break;
                }
            }
        }
        self.nearest_left(toks, vi)
    }

    /// The cue before a quote, searched right to left in `toks` (which end
    /// at the opening mark).
    fn leading(&self, toks: &[Tok]) -> Lead {
        let mut words_after = 0;
        for j in (0..toks.len()).rev() {
            let t = &toks[j];
            if t.in_quote {
                return Lead::HitPrevious;
            }
            if t.kind != TokKind::Word {
                continue;
            }
            words_after += 1;
            let w = self.word(t);
            if w.eq_ignore_ascii_case("to") && j > 0 && self.is(&toks[j - 1], "according") {
                if let Some(c) = self.np_after(toks, j + 1) {
                    let cue = self.text[toks[j - 1].start..t.end].to_string();
                    return Lead::Found(Attr {
                        speaker: self.resolve(c),
                        cue: Some(cue),
                    });
                }
                continue;
            }
            let speech = self.lex.is_speech_verb(w);
            let naming = !speech && words_after <= NAMING_REACH + 1 && self.lex.is_naming_verb(w);
            if speech || naming {
                let speaker = self.subject_of_verb(toks, j).and_then(|c| self.resolve(c));
                return Lead::Found(Attr {
                    speaker,
                    cue: Some(w.to_string()),
                });
            }
            if self.lex.is_cue_noun(w) {
                // "Hamas said in a statement": the verb is the better cue.
                let verb = (j.saturating_sub(5)..j).rev().find(|&k| {
                    toks[k].kind == TokKind::Word
                        && !toks[k].in_quote
                        && self.lex.is_speech_verb(self.word(&toks[k]))
                });
                if let Some(v) = verb {
                    let speaker = self.subject_of_verb(toks, v).and_then(|c| self.resolve(c));
                    return Lead::Found(Attr {
                        speaker,
                        cue: Some(self.word(&toks[v]).to_string()),
                    });
                }
                let cand = (j > 0)
                    .then(|| self.cand_ending_at(toks, j - 1))
                    .flatten()
                    .filter(|c| matches!(c, Cand::Entity(_)))
                    .or_else(|| {
                        // "his statement"
                        let prev = j.checked_sub(1).map(|k| self.word(&toks[k]))?;
                        if prev.eq_ignore_ascii_case("his") {
                            Some(Cand::Pronoun(
                                Pronoun::Person(Gender::Male),
                                toks[j - 1].start,
                            ))
                        } else if prev.eq_ignore_ascii_case("her") {
                            Some(Cand::Pronoun(
                                Pronoun::Person(Gender::Female),
                                toks[j - 1].start,
                            ))
                        } else {
                            None
                        }
                    })
                    .or_else(|| self.nearest_left(toks, j));
                let speaker = cand.and_then(|c| self.resolve(c));
                return Lead::Found(Attr {
                    speaker,
                    cue: Some(w.to_string()),
                });
            }
        }
        Lead::Nothing
    }

    /// Two speaker names joined by "and", the second ending at `toks[k]`
    /// and the first starting at or after `toks[lo]`: their whole span.
    fn coordination_ending_at(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Span> {
        let second = self.entity_at(toks.get(k)?.start)?;
        let e2 = self.entities[second];
        if e2.label != EntityLabel::Person || e2.span.end() != toks[k].end {
            return None;
        }
        let and = (lo..k).rev().find(|&m| toks[m].end <= e2.span.start())?;
        if !self.is(&toks[and], "and") || and == lo {
            return None;
        }
        let first = self.entity_at(toks[and - 1].start)?;
        let e1 = self.entities[first];
        if e1.label != EntityLabel::Person || e1.span.start() < toks[lo].start {
            return None;
        }
        Some(Span::from_boundaries(
            self.text,
            e1.span.start(),
            e2.span.end(),
        ))
    }

    /// `Name, an appositive, said`: a person or organisation at `toks[j]`,
    /// a comma after it, and within [`APPOSITIVE_WORDS`] words a comma
    /// followed (across adverbs) by a reporting verb.
    fn appositive_then_verb(&self, toks: &[Tok], j: usize) -> Option<Attr> {
        let first = toks.get(j)?;
        let i = self.entity_at(first.start)?;
        if !self.is_speaker_entity(i) {
            return None;
        }
        let end = self.entities[i].span.end();
        let mut k = toks[j..].iter().position(|t| t.start >= end)? + j;
        if toks.get(k)?.kind != TokKind::Comma {
            return None;
        }
        k += 1;
        let limit = (k + APPOSITIVE_WORDS).min(toks.len());
        while k < limit {
            let t = &toks[k];
            if t.in_quote || matches!(t.kind, TokKind::Stop | TokKind::Quote | TokKind::Colon) {
                return None;
            }
            if t.kind == TokKind::Comma {
                let mut v = k + 1;
                while v < toks.len()
                    && toks[v].kind == TokKind::Word
                    && self.lex.is_adverb(self.word(&toks[v]))
                {
                    v += 1;
                }
                let verb = toks.get(v)?;
                if verb.kind == TokKind::Word && self.lex.is_speech_verb(self.word(verb)) {
                    return Some(Attr {
                        speaker: self.resolve(Cand::Entity(i)),
                        cue: Some(self.word(verb).to_string()),
                    });
                }
            }
            k += 1;
        }
        None
    }

    /// A cue right after the closing mark, in `toks` (which start there).
    fn trailing(&self, toks: &[Tok]) -> Option<Attr> {
        let mut j = 0;
        while j < toks.len() && matches!(toks[j].kind, TokKind::Comma | TokKind::Dash) {
            j += 1;
        }
        let first = toks.get(j)?;
        if first.kind != TokKind::Word || first.in_quote {
            return None;
        }
        let w = self.word(first);
        if w.eq_ignore_ascii_case("according") && toks.get(j + 1).is_some_and(|t| self.is(t, "to"))
        {
            let cue = self.text[first.start..toks[j + 1].end].to_string();
            let speaker = self.np_after(toks, j + 2).and_then(|c| self.resolve(c));
            return speaker.is_some().then_some(Attr {
                speaker,
                cue: Some(cue),
            });
        }
        // “…,” said X
        if self.lex.is_speech_verb(w) && !w.ends_with("ing") {
            let next = toks
                .get(j + 1)
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| self.word(t));
            let inverted = next.is_some_and(|n| {
                !matches!(
                    n.to_ascii_lowercase().as_str(),
                    "that"
                        | "to"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "after"
                        | "before"
                        | "during"
                        | "while"
                        | "when"
                        | "as"
                        | "by"
                        | "of"
                        | "from"
                        | "and"
                        | "but"
                        | "it"
                        | "so"
                )
            });
            if inverted {
                let speaker = self.np_after(toks, j + 1).and_then(|c| self.resolve(c));
                if speaker.is_some() {
                    return Some(Attr {
                        speaker,
                        cue: Some(w.to_string()),
                    });
                }
            }
            return None;
        }
        // “…,” Ana Ruiz, head of research at Banco Norte, said
        if let Some(attr) = self.appositive_then_verb(toks, j) {
            return Some(attr);
        }
        // “…,” X said
        let mut k = j;
        let mut words = 0;
        let mut head: Option<usize> = None;
        // Still inside the opening noun phrase.
        let mut run = true;
        while k < toks.len() && words < 9 {
            let t = &toks[k];
            if t.kind != TokKind::Word || t.in_quote {
                return None;
            }
            let w = self.word(t);
            if k > j && self.lex.is_speech_verb(w) {
                let mut end = k;
                while end > j && self.lex.is_adverb(self.word(&toks[end - 1])) {
                    end -= 1;
                }
                if end == j {
                    return None;
                }
                // "two people familiar with the negotiations said": the head.
                let from_head = head
                    .filter(|&h| h + 1 < end)
                    .and_then(|h| self.cand_ending_at(toks, h));
                // "economist Lars Berg says": the name, not the title before it.
                // "Smith and Patel wrote": the coordination is the speaker.
                if let Some(span) = self.coordination_ending_at(toks, j, end - 1) {
                    return Some(Attr {
                        speaker: Some(self.mention_speaker(span, None)),
                        cue: Some(w.to_string()),
                    });
                }
                let named = self
                    .cand_ending_at(toks, end - 1)
                    .filter(|c| matches!(c, Cand::Entity(_)));
                let cand = named
                    .or(from_head)
                    .or_else(|| self.cand_ending_at(toks, end - 1))
                    .or_else(|| self.common_np_ending_at(toks, end - 1))
                    .or_else(|| {
                        (j..end)
                            .filter_map(|m| self.entity_at(toks[m].start))
                            .find(|&i| self.entities[i].label == EntityLabel::Person)
                            .map(Cand::Entity)
                    });
                let speaker = cand.and_then(|c| self.resolve(c));
                return speaker.is_some().then_some(Attr {
                    speaker,
                    cue: Some(w.to_string()),
                });
            }
            let np_like = self.entity_at(t.start).is_some()
                || starts_upper(w)
                || self.lex.is_determiner(w)
                || self.lex.is_modifier(w)
                || self.lex.is_source_noun(w)
                || self.lex.is_title_noun(w)
                || lexicon::pronoun(w).is_some()
                || self.lex.is_adverb(w)
                || (k > j && w == "and");
            // "the union wrote": any noun phrase opened by a determiner.
            let det_first = self.lex.is_determiner(self.word(&toks[j]));
            if !np_like && head.is_none() && !det_first {
                return None;
            }
            run &= np_like;
            if run && self.lex.is_source_noun(w) {
                head = Some(k);
            }
            words += 1;
            k += 1;
        }
        None
    }
}

/// Words of a quote's text: how many (up to 8), and whether every one is
/// capitalised like a name or title.
fn word_shape(s: &str) -> (usize, bool) {
    let mut count = 0;
    let mut all_caps_initial = true;
    for w in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(is_alnum))
    {
        count += 1;
        let first = w.chars().find(|&c| is_alnum(c));
        if !first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            all_caps_initial = false;
        }
        if count > 8 {
            break;
        }
    }
    (count, all_caps_initial)
}

/// One quote with its kind and attribution, before kinds are filtered.
struct Analysed {
    /// The quoted words (without a transcript label).
    inner: Span,
    kind: QuoteKind,
    attr: Attr,
    /// The quote has a cue of its own (not inherited).
    own_cue: bool,
    /// The cue follows the quote (`“…,” said X`): a quotation resumed
    /// right after that cue shares it.
    trailing: bool,
    sentence: Option<usize>,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Kinds and speakers for every quote found by the marks.
///
/// With `choices`, the ranker is left out (the sieve's answer stands) and
/// every quote's candidates with their features are recorded there instead:
/// the material the ranker is trained on.
pub(crate) fn attribute(
    view: &DocView,
    weights: &Weights,
    mut choices: Option<&mut Vec<SpeakerChoice>>,
    emit: impl Fn(QuoteKind) -> bool,
) -> Vec<Quote> {
    let text = view.text;
    let mut para_toks = Vec::new();
    let raw = view.quotes;
    // Only the quote before is ever read back, so memory holds the quotes
    // emitted, not every quoted stretch analysed.
    let mut before: Option<Analysed> = None;
    let mut out: Vec<Quote> = Vec::new();
    // Output slots of the speakerless parts of the quotation running on
    // (over paragraphs) into the current quote.
    let mut pending: Vec<Option<usize>> = Vec::new();
    let mut lead_toks = Vec::new();
    let mut trail_toks = Vec::new();
    for (i, q) in raw.iter().enumerate() {
        let para = view
            .paragraphs
            .get(q.paragraph())
            .copied()
            .unwrap_or_default();
        let s_open = spans::at_or_after(view.sentences, q.open());
        let sent_lo = s_open
            .map(|k| view.sentences[k].start())
            .filter(|&s| s <= q.open())
            .unwrap_or(q.open())
            .max(para.start());
        // The window holds at most one earlier quote: enough to reach a cue
        // or subject across it, and bounded work where quotes are dense.
        let two_back = i.checked_sub(2).map_or(0, |k| raw[k].close_end());
        let lead_lo = ceil_boundary(
            text,
            sent_lo.max(q.open().saturating_sub(LEAD_CAP)).max(two_back),
        )
        .min(q.open());
        tokenize(text, lead_lo, q.open(), &mut lead_toks);
        view.mark_quotes(&mut lead_toks);

        let close_sentence = spans::at_or_before(view.sentences, q.close_end().saturating_sub(1));
        let mut trail_hi = close_sentence
            .map(|k| view.sentences[k].end())
            .unwrap_or(q.close_end())
            .max(q.close_end())
            .min(para.end().max(q.close_end()))
            .min(floor_boundary(text, q.close_end() + TRAIL_CAP).max(q.close_end()));
        // “Where do we go?” The segmenter ends a sentence after ?/! and a
        // closing mark even when the attribution follows ("… again!” Trump
        // posted"), so look into the next sentence then; after a period only
        // for a quote that is a sentence of its own (“We will win.” Netanyahu
        // said.). The trailing rule still needs "X said" right at its start.
        let inner_text = q.inner.text(text);
        let ends_sentence = inner_text.ends_with(['?', '!', '…'])
            || (inner_text.ends_with('.') && lead_toks.is_empty());
        if q.closed && ends_sentence && trail_hi <= q.close_end() + 1 {
            if let Some(next_sentence) = spans::at_or_after(view.sentences, q.close_end()) {
                let ns = view.sentences[next_sentence];
                if ns.start() >= q.close_end() && ns.end() <= para.end() {
                    trail_hi = floor_boundary(text, ns.end().min(q.close_end() + TRAIL_CAP))
                        .max(q.close_end());
                }
            }
        }
        if let Some(next) = raw.get(i + 1) {
            trail_hi = trail_hi.min(next.open().max(q.close_end()));
        }
        tokenize(text, q.close_end(), trail_hi, &mut trail_toks);

        let last = lead_toks.last();
        let standalone = match last {
            None => true,
            Some(t) if t.kind == TokKind::Colon => true,
            Some(t) if t.kind == TokKind::Comma && !t.in_quote => lead_toks
                .len()
                .checked_sub(2)
                .map(|k| &lead_toks[k])
                .is_some_and(|v| {
                    v.kind == TokKind::Word && !v.in_quote && view.lex.is_speech_verb(view.word(v))
                }),
            Some(t) if t.kind == TokKind::Dash => lead_toks.len() == 1,
            _ => false,
        };

        let inner = q.inner.text(text);
        let (words, capitalised) = word_shape(inner);
        let before_word = lead_toks
            .iter()
            .rev()
            .find(|t| t.kind == TokKind::Word && !t.in_quote);
        let named_thing = before_word.is_some_and(|t| {
            let w = view.word(t);
            w.eq_ignore_ascii_case("so-called") || w.eq_ignore_ascii_case("operation")
        }) && before_word.is_some_and(|t| std::ptr::eq(t, last.unwrap_or(t)));
        let title_like =
            !standalone && capitalised && words <= 6 && !inner.contains(['.', '!', '?', ',']);
        let forced_scare = words <= 1 || named_thing || title_like;

        // The sieve.
        let mut attr = None;
        let mut own_cue = false;
        let mut trailing = false;
        let mut rule = "norule";
        if q.closed {
            attr = view.trailing(&trail_toks);
            own_cue = attr.is_some();
            trailing = own_cue;
            if own_cue {
                rule = "trailing";
            }
        }
        // “I think,” said Maria Lopez, “that the cuts will hold.”: the
        // second half resumes the quotation its cue ended.
        let mut resumed = false;
        if attr.is_none() {
            if let Some(prev) = resumes_after_cue(view, raw, before.as_ref(), i) {
                attr = Some(prev);
                own_cue = true;
                resumed = true;
                rule = "resumed";
            }
        }
        if attr.is_none() {
            match view.leading(&lead_toks) {
                Lead::Found(a) => {
                    attr = Some(a);
                    own_cue = true;
                    rule = "leading";
                }
                Lead::HitPrevious => {
                    let same_sentence = before
                        .as_ref()
                        .is_some_and(|d| d.sentence.is_some() && d.sentence == s_open);
                    if same_sentence {
                        if let Some(prev) = before.as_ref() {
                            if prev.attr.speaker.is_some() && prev.own_cue {
                                attr = Some(prev.attr.clone());
                                own_cue = true;
                                rule = "same_sentence";
                            }
                        }
                    }
                }
                Lead::Nothing => {
                    if last.is_some_and(|t| t.kind == TokKind::Colon) {
                        let speaker = view
                            .nearest_left_of(&lead_toks, lead_toks.len(), true)
                            .and_then(|c| view.resolve(c));
                        if speaker.is_some() {
                            attr = Some(Attr { speaker, cue: None });
                            own_cue = true;
                            rule = "colon";
                        }
                    }
                }
            }
        }
        if attr.as_ref().is_none_or(|a| a.speaker.is_none()) && (standalone || q.continues_previous)
        {
            if let Some(prev) = inherit_from(view, raw, before.as_ref(), i) {
                attr = Some(prev);
                rule = "inherit";
            }
        }

        // The ranker weighs the sieve's answer against the other readings.
        let mut context = vec![
            if standalone { "std" } else { "frag" },
            rule,
            match words {
                0..=1 => "w1",
                2..=3 => "w3",
                4..=8 => "w8",
                _ => "w9",
            },
        ];
        if q.continues_previous {
            context.push("cont");
        }
        if lead_toks.is_empty() {
            context.push("opens");
        }
        let mut cands = ranking::Candidates::new(context, choices.is_some());
        if let Some(a) = attr.clone() {
            cands.add(view, q.inner, a, rule);
        }
        let sieve_found = cands.list.len() > 1;
        if let Some(a) = view.sign_off(q, para) {
            cands.add(view, q.inner, a, "signoff");
        }
        let mut inner = q.inner;
        if let Some((a, said)) = view.transcript_label(q) {
            inner = said;
            cands.add(view, said, a, "label");
        }
        if lead_toks.is_empty() {
            if let Some(a) = view.paragraph_cue(q, &mut para_toks) {
                cands.add(view, q.inner, a, "paracue");
            }
        }
        if q.closed {
            let found = view.trailing_subject(&trail_toks);
            let source = match found.as_ref().map(|f| f.1) {
                Some(Reach::Adjacent) => Some("trailsubj"),
                // A short fragment with the reporter's words after it is
                // most often a term or a slogan the sentence talks about.
                Some(Reach::AfterWords) if standalone || words > 3 => Some("trailsubj_gap"),
                // Another clause's verb only speaks for a quotation that
                // stands as its own sentence.
                Some(Reach::OtherClause) if standalone => Some("trailsubj_far"),
                _ => None,
            };
            if let (Some((a, _)), Some(source)) = (found, source) {
                cands.add(view, q.inner, a, source);
            }
        }
        if let Some((a, verb)) = view.leading_subject(&lead_toks) {
            cands.add(
                view,
                q.inner,
                a,
                if verb { "leadsubj_v" } else { "leadsubj" },
            );
        }
        if let Some(j) = i.checked_sub(1) {
            let prev = before.as_ref().filter(|d| d.attr.speaker.is_some());
            if let Some(prev) = prev.filter(|_| raw[i].paragraph() <= raw[j].paragraph() + 1) {
                cands.add(view, q.inner, prev.attr.clone(), "prev");
            }
        }
        cands.finish();
        match choices.as_deref_mut() {
            Some(out) => out.push(SpeakerChoice {
                quote: q.inner,
                options: cands
                    .list
                    .iter()
                    .map(|c| {
                        let sp = c.attr.as_ref().and_then(|a| a.speaker.as_ref());
                        SpeakerOption {
                            mention: sp.and_then(|s| s.span),
                            entity: sp.and_then(|s| s.entity),
                            features: c.names.clone(),
                        }
                    })
                    .collect(),
            }),
            None => {
                let best = cands.best(weights, sieve_found);
                let rule_had = attr.as_ref().is_some_and(|a| a.speaker.is_some());
                let chosen = cands.list.swap_remove(best).attr;
                if chosen.is_some() || rule_had {
                    attr = Some(chosen.unwrap_or_default());
                }
            }
        }

        let has_speaker = attr.as_ref().is_some_and(|a| a.speaker.is_some());
        // A phrase credited only to "experts" or "analysts" is a label.
        let vague = attr
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .is_some_and(|sp| {
                sp.canonical.is_none()
                    && sp.text.split_whitespace().count() <= 3
                    && sp
                        .text
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|h| view.lex.is_vague_collective(h))
            });
        let kind = if resumed {
            // The same quotation as the one before (its kind too), unless
            // the reporter's own words lead into it ("adding that talks
            // would resume “within days.”").
            let after_cue_phrase = last
                .is_some_and(|t| matches!(t.kind, TokKind::Comma | TokKind::Colon | TokKind::Stop));
            if standalone || after_cue_phrase {
                before.as_ref().map_or(QuoteKind::Direct, |d| d.kind)
            } else {
                QuoteKind::Partial
            }
        } else if own_cue && has_speaker && !vague && !named_thing && !title_like && words <= 1 {
            // “sick”, with a cue naming who called it that: a partial quote.
            QuoteKind::Partial
        } else if forced_scare || (vague && !standalone) {
            QuoteKind::Scare
        } else if standalone || q.continues_previous {
            QuoteKind::Direct
        } else if has_speaker {
            QuoteKind::Partial
        } else {
            QuoteKind::Scare
        };
        let d = Analysed {
            inner,
            kind,
            attr: attr.unwrap_or_default(),
            own_cue,
            trailing,
            sentence: s_open,
        };
        if !q.continues_previous {
            pending.clear();
        }
        let slot = emit(kind).then(|| {
            out.push(to_quote(d.inner, d.kind, &d.attr));
            out.len() - 1
        });
        if d.attr.speaker.is_some() {
            // A quotation running over paragraphs has one speaker: parts
            // before the attributed one take it too.
            if q.continues_previous {
                for k in pending.drain(..).flatten() {
                    out[k] = to_quote(out[k].span, out[k].kind, &d.attr);
                }
            }
        } else {
            pending.push(slot);
        }
        before = Some(d);
    }
    out
}

/// The output form of an analysed quote. An entity layer may hold a span
/// running over the quote itself; its words are never their own speaker.
fn to_quote(inner: Span, kind: QuoteKind, attr: &Attr) -> Quote {
    let speaker = attr
        .speaker
        .clone()
        .filter(|sp| !sp.span.is_some_and(|s| s.overlaps(inner)));
    Quote {
        span: inner,
        kind,
        speaker,
        cue: attr.cue.clone(),
    }
}

/// Bytes between a cue and the quotation it resumes.
const RESUME_GAP: usize = 300;

/// The attribution quote `i` shares with the quote before it when it
/// resumes that quotation right after its trailing cue: the earlier quote
/// is in the same paragraph, was credited by a cue that follows it, and
/// between the two stands only that cue and its phrase (no full stop
/// before the last word, no further quote).
/// `“I think,” said Maria Lopez, the bank's chief economist, “that …”`,
/// `“…,” said Jane Doe, chief economist at Acme Corp. “Consumers …”`,
/// `“…,” the minister told reporters, adding that talks would resume
/// “within days.”`
fn resumes_after_cue(
    view: &DocView,
    raw: &[RawQuote],
    prev: Option<&Analysed>,
    i: usize,
) -> Option<Attr> {
    let j = i.checked_sub(1)?;
    let prev = prev?;
    if !prev.trailing || prev.kind == QuoteKind::Scare || prev.attr.speaker.is_none() {
        return None;
    }
    if raw[i].paragraph() != raw[j].paragraph() {
        return None;
    }
    let (lo, hi) = (raw[j].close_end(), raw[i].open());
    if hi < lo || hi - lo > RESUME_GAP {
        return None;
    }
    let gap = view.text.get(lo..hi)?;
    // A stop is allowed only after the last word of the cue phrase.
    let body = gap.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '—' | '–' | '-')
    });
    if body.contains(['!', '?', ';', '(', ')']) || has_full_stop(body) {
        return None;
    }
    Some(prev.attr.clone())
}

/// True when `s` holds a period ending a sentence (not one inside "U.S." or
/// after "Mr" or a single capital).
fn has_full_stop(s: &str) -> bool {
    let b = s.as_bytes();
    for (k, _) in s.match_indices('.') {
        let next_space = b.get(k + 1).is_none_or(|c| c.is_ascii_whitespace());
        if !next_space {
            continue;
        }
        let word_start = s[..k]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |w| w + 1);
        let word = &s[word_start..k];
        if is_abbreviation(word) || word.contains('.') {
            continue;
        }
        return true;
    }
    false
}

/// The attribution quote `i` keeps from the quote before it: that quote is
/// in the same or the previous paragraph (or this one continues it), has a
/// speaker, and no other person is named between them.
fn inherit_from(
    view: &DocView,
    raw: &[RawQuote],
    prev: Option<&Analysed>,
    i: usize,
) -> Option<Attr> {
    let j = i.checked_sub(1)?;
    let prev = prev?;
    let speaker = prev.attr.speaker.as_ref()?;
    let (p, pp) = (raw[i].paragraph(), raw[j].paragraph());
    if !(raw[i].continues_previous || p == pp || p == pp + 1) {
        return None;
    }
    let lo = raw[j].close_end();
    let hi = raw[i].open();
    let mut seen = 0;
    for e in view.entities_in(lo, hi) {
        seen += 1;
        if seen >= ENTITY_SCAN {
            return None;
        }
        let ent = view.entities[e];
        if ent.label != EntityLabel::Person {
            continue;
        }
        let same = speaker.canonical.as_deref() == Some(view.canonical(ent))
            || speaker.span == Some(ent.span)
            || speaker.entity == Some(ent.span);
        if !same {
            return None;
        }
    }
    Some(prev.attr.clone())
}
