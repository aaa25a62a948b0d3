//! Speaker noun phrases in a window of tokens: a name, a pronoun, an
//! unnamed source ("one official", "the union"), a title ("the
//! president"), two names joined by "and"; found ending at a word, after a
//! cue word, or as the nearest person to the left.

use lede_core::{EntityLabel, Span};

use super::{starts_upper, Cand, DocView, Tok, TokKind, COMMON_NP_WORDS, NOT_A_HEAD};
use crate::lexicon::{self, Pronoun};

impl DocView<'_> {
    /// The unnamed-source phrase whose head is `toks[head]`, extended left
    /// over determiners, modifiers, capitalised words and entities.
    pub(super) fn extend_np(&self, toks: &[Tok], head: usize) -> Span {
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
    pub(super) fn cand_ending_at(&self, toks: &[Tok], j: usize) -> Option<Cand> {
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
    pub(super) fn common_np_ending_at(&self, toks: &[Tok], k: usize) -> Option<Cand> {
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

    /// The person a word names, for the walks over a window that look for
    /// a subject: the PERSON entity at `t` (not a possessor — "Netanyahu’s
    /// rhetoric" — unless `possessors`), or a he/she/I outside any entity.
    pub(super) fn person_at(&self, t: &Tok, possessors: bool) -> Option<Cand> {
        match self.entity_at(t.start) {
            Some(i) => {
                let e = self.entities[i];
                let possessive = !possessors && self.is_possessive(e);
                (e.label == EntityLabel::Person && !possessive).then_some(Cand::Entity(i))
            }
            None => match lexicon::pronoun(self.word(t)) {
                Some(p @ Pronoun::Person(_)) => Some(Cand::Pronoun(p, t.start)),
                _ => None,
            },
        }
    }

    /// The nearest person (else organisation or unnamed source) left of
    /// `toks[from]` in the window, outside quotes.
    pub(super) fn nearest_left(&self, toks: &[Tok], from: usize) -> Option<Cand> {
        self.nearest_left_of(toks, from, false)
    }

    /// [`Self::nearest_left`], optionally taking possessors too ("Hamas’s
    /// response was blunt: “…”").
    pub(super) fn nearest_left_of(
        &self,
        toks: &[Tok],
        from: usize,
        possessors: bool,
    ) -> Option<Cand> {
        let mut backup = None;
        for j in (0..from).rev() {
            let t = &toks[j];
            if t.kind != TokKind::Word || t.in_quote {
                continue;
            }
            if let Some(c) = self.person_at(t, possessors) {
                return Some(c);
            }
            // "the minister told reporters": who is told is no speaker.
            let addressee = j > 0 && {
                let p = &toks[j - 1];
                p.kind == TokKind::Word && !p.in_quote && self.lex.is_speech_verb(self.word(p))
            };
            if addressee {
                continue;
            }
            if let Some(i) = self.entity_at(t.start) {
                let possessive = !possessors && self.is_possessive(self.entities[i]);
                if backup.is_none()
                    && !possessive
                    && self.entities[i].label == EntityLabel::Org
                    && self.is_speaker_entity(i)
                {
                    backup = Some(Cand::Entity(i));
                }
                continue;
            }
            let w = self.word(t);
            if lexicon::pronoun(w).is_some() {
                continue;
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
    pub(super) fn np_after(&self, toks: &[Tok], from: usize) -> Option<Cand> {
        let mut org: Option<(usize, Span)> = None;
        let mut unnamed: Option<Cand> = None;
        let mut pron = None;
        let mut words = 0;
        let mut j = from;
        while j < toks.len() && words < 12 {
            let t = &toks[j];
            if t.in_quote {
                break;
            }
            if t.kind != TokKind::Word {
                if j > from && self.joins_phrase(toks, j) {
                    j += 1;
                    continue;
                }
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

    /// A mark inside a speaker's phrase, not ending it: the slash of
    /// "9/11 widow Terry Strada" (no space around it), or the period of a
    /// short title the word list lacks before a name ("Del. Stacey
    /// Plaskett").
    fn joins_phrase(&self, toks: &[Tok], j: usize) -> bool {
        let (Some(prev), Some(next)) = (toks.get(j.wrapping_sub(1)), toks.get(j + 1)) else {
            return false;
        };
        let t = &toks[j];
        if prev.kind != TokKind::Word || next.kind != TokKind::Word || next.in_quote {
            return false;
        }
        match self.word(t) {
            "/" => prev.end == t.start && t.end == next.start,
            "." => {
                let title = self.word(prev);
                prev.end == t.start
                    && title.len() <= 4
                    && starts_upper(title)
                    && self.entity_at(prev.start).is_none()
                    && self.entity_at(next.start).is_some_and(|i| {
                        self.entities[i].label == EntityLabel::Person
                            && self.entities[i].span.start() == next.start
                    })
            }
            _ => false,
        }
    }

    /// Two speaker names joined by "and", the second ending at `toks[k]`
    /// and the first starting at or after `toks[lo]`: their whole span.
    pub(super) fn coordination_ending_at(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Span> {
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
}
