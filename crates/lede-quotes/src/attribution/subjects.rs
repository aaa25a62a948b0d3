//! Clause subjects written as noun phrases, as candidate speakers: the
//! phrase opening the quote's sentence (`Nurses striking outside the
//! hospital want “safe staffing, not slogans”`, `On Monday, two tenant
//! groups sued the landlord, arguing that the rent rise was “unlawful”`,
//! `A memo prepared for the board … concluded that …`) and the subject of
//! the sentence before a quote that opens its own sentence (`The coroner
//! looked up from her notes. “Was anyone else in the room?”`).
//!
//! A phrase is read left to right from where a subject stands: a
//! determiner or quantifier, modifiers, names (a possessor too: `Lee’s
//! memo`, `the council’s report`), nouns; it ends before the verb — an
//! auxiliary or adverb, a reporting verb, a function word, or a
//! participle right after its head (`Nurses striking`, `a memo
//! prepared`). Its head must be a name or a noun that speaks (`the
//! union`, `nurses`, not `the process`). Each search reads a few tokens
//! of a window already cut.

use lede_core::Span;

use super::{starts_upper, tokenize, Attr, Cand, DocView, Tok, TokKind, NOT_A_HEAD};
use crate::lexicon::{self, class};
use crate::marks::RawQuote;

/// Words of a subject phrase read.
const SUBJECT_NP_WORDS: usize = 6;
/// Bytes of the sentence before a quote read for its subject.
const PREVIOUS_SENTENCE_CAP: usize = 160;

/// Words that open a subject phrase besides the determiner list.
const QUANTIFIERS: [&str; 12] = [
    "these", "those", "this", "each", "every", "all", "most", "multiple", "other", "no", "any",
    "more",
];

impl<'a> DocView<'a> {
    /// The subject phrase starting at `toks[p]`, and the index of the
    /// token after it. None when the phrase is a lone pronoun or
    /// determiner, or does not end before a word (its verb).
    pub(super) fn subject_np(&self, toks: &[Tok], p: usize) -> Option<(Cand, usize)> {
        let mut k = p;
        let mut words = 0;
        let mut end: Option<usize> = None;
        // The last word read was a determiner (what follows it is a
        // modifier or the head, never the verb).
        let mut after_det = false;
        // The phrase is one speaker entity (with its article, if any).
        let mut only_entity: Option<usize> = None;
        let mut content = 0;
        // A lower-case word (not an article) came before.
        let mut lower_before = false;
        while k < toks.len() && words < SUBJECT_NP_WORDS {
            let t = &toks[k];
            if t.kind != TokKind::Word || t.in_quote {
                break;
            }
            if let Some(i) = self.entity_at(t.start) {
                let e = self.entities[i];
                while k < toks.len() && toks[k].start < e.span.end() {
                    k += 1;
                }
                end = Some(toks[k - 1].end);
                words += 1;
                content += 1;
                after_det = false;
                if self.is_possessive(e) {
                    // "Lee’s memo": the possessor opens the phrase.
                    only_entity = None;
                    after_det = true;
                    continue;
                }
                // "President Joe Biden", "The State Department": titles and
                // articles before a name are the name's.
                only_entity = (!lower_before && self.is_speaker_entity(i)).then_some(i);
                // A name ends the phrase ("The State Department less than
                // two weeks ago said").
                break;
            }
            let w = self.word(t);
            let lower = !starts_upper(w);
            if self.lex.is_determiner(w) || QUANTIFIERS.iter().any(|q| w.eq_ignore_ascii_case(q)) {
                if content > 0 {
                    break;
                }
                after_det = true;
                words += 1;
                k += 1;
                continue;
            }
            // "it’s prohibited": a pronoun with its verb.
            let stem = w.split(['’', '\'']).next().unwrap_or(w);
            // A capitalised word the entity layer did not take opens no
            // subject ("Following Monday’s debate", "Preys on our fears")
            // unless an article stands before it or it is a noun that
            // speaks ("Nurses striking …").
            let bare_capital = !lower && content == 0 && !after_det && !self.speaks(w);
            let stops = lexicon::pronoun(stem).is_some()
                || bare_capital
                || NOT_A_HEAD.iter().any(|n| w.eq_ignore_ascii_case(n))
                || self.lex.is_adverb(w)
                || self.lex.classes(w) & (class::SPEECH_VERB | class::NAMING_VERB) != 0
                || (lower
                    && content > 0
                    && !after_det
                    && (w.ends_with("ed") || w.ends_with("ing")));
            if stops {
                break;
            }
            lower_before |= lower;
            // A possessive common noun ("the council’s report").
            let possessive = w.ends_with("’s") || w.ends_with("'s");
            end = Some(t.end);
            words += 1;
            content += 1;
            only_entity = None;
            after_det = possessive || (lower && self.lex.is_modifier(w));
            k += 1;
        }
        let end = end?;
        if content == 0 || after_det {
            return None;
        }
        // The verb follows.
        let next = toks.get(k)?;
        if next.kind != TokKind::Word || next.in_quote || starts_upper(self.word(next)) {
            return None;
        }
        let cand = match only_entity {
            Some(i) => Cand::Entity(i),
            None => {
                let span = Span::from_boundaries(self.text, toks[p].start, end);
                if !self.head_speaks(span) {
                    return None;
                }
                Cand::Unnamed(span)
            }
        };
        Some((cand, k))
    }

    /// True when the head of the phrase `span` is a name (capitalised) or
    /// a noun that speaks in news (the source and title lists, the heads
    /// learned from attributed quotations; a plural by its singular):
    /// `the crowd`, `nurses`, `a memo`, not `the negotiation process`.
    fn head_speaks(&self, span: Span) -> bool {
        let Some(head) = span.text(self.text).split_whitespace().next_back() else {
            return false;
        };
        starts_upper(head) || self.speaks(head)
    }

    /// A noun of the source and title lists, or the plural of one.
    fn speaks(&self, w: &str) -> bool {
        let known = |w: &str| self.lex.is_source_noun(w) || self.lex.is_title_noun(w);
        known(w) || w.strip_suffix('s').is_some_and(known)
    }

    /// The noun phrase opening the quote's sentence (after an opening
    /// phrase and its comma), when it is no single name (those are
    /// [`Self::sentence_subject`]'s).
    pub(super) fn sentence_np(&self, toks: &[Tok]) -> Option<Attr<'a>> {
        let p = self.subject_start(toks)?;
        let (cand, _) = self.subject_np(toks, p)?;
        if matches!(cand, Cand::Entity(_)) {
            return None;
        }
        Some(Attr {
            speaker: Some(self.resolve(cand)?),
            cue: None,
        })
    }

    /// The subject of the sentence before a quote that opens its own
    /// sentence: a name or a noun phrase opening it (`The judge turned to
    /// the jury. “Have you reached a verdict?”`), in the same paragraph or
    /// ending the one before.
    pub(super) fn previous_sentence_subject(
        &self,
        q: &RawQuote,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr<'a>> {
        let k = self
            .sentences
            .partition_point(|s| s.end() <= q.open())
            .checked_sub(1)?;
        let s = self.sentences[k];
        let para = self.paragraphs.get(q.paragraph())?;
        let prev_para_start = q
            .paragraph()
            .checked_sub(1)
            .and_then(|p| self.paragraphs.get(p))
            .map_or(para.start(), |p| p.start());
        if s.start() < prev_para_start || s.end() > q.open() {
            return None;
        }
        let hi = super::floor_boundary(self.text, s.end().min(s.start() + PREVIOUS_SENTENCE_CAP));
        tokenize(self.text, s.start(), hi, toks);
        self.mark_quotes(toks);
        // A sentence holding a quote has a speaker of its own (the previous
        // quote's candidate); one opened by a dash is a sign-off line
        // (`― Ana Ruiz`), whose name signs the quote before it.
        let plain = toks.first().is_some_and(|t| t.kind == TokKind::Word)
            && !toks.iter().any(|t| t.in_quote || t.kind == TokKind::Quote);
        if !plain {
            return None;
        }
        if let Some(a) = self.sentence_subject(toks) {
            return Some(a);
        }
        let p = self.subject_start(toks)?;
        let (cand, _) = self.subject_np(toks, p)?;
        Some(Attr {
            speaker: Some(self.resolve(cand)?),
            cue: None,
        })
    }
}
