//! The cue rules of the sieve: a reporting verb (or "according to", a
//! naming verb, a statement noun) before or right after a quote, and the
//! subject that goes with it.

use lede_core::{EntityLabel, Span};

use super::{
    starts_upper, Attr, Cand, DocView, Lead, Tok, TokKind, APPOSITIVE_WORDS, COMMON_NP_WORDS,
    NAMING_REACH, NOT_A_HEAD,
};

/// Words of a title before a name, or of a name the entity layer missed.
const TITLE_WORDS: usize = 6;
/// Words between a relative pronoun and its clause's verb ("who has in
/// the past described").
const RELATIVE_WORDS: usize = 6;
/// Words after a verb that starts the text after a quote which show the
/// verb is not inverted with its subject (`“…,” said that`).
const NOT_INVERTED: [&str; 20] = [
    "that", "to", "in", "on", "at", "for", "with", "after", "before", "during", "while", "when",
    "as", "by", "of", "from", "and", "but", "it", "so",
];
/// Function words allowed between a relative pronoun and its verb.
const RELATIVE_GAP: [&str; 8] = ["in", "on", "at", "for", "after", "before", "when", "then"];
use crate::lexicon::{self, class, Gender, Pronoun};

impl<'a> DocView<'a> {
    /// The subject of the reporting verb at `toks[vi]`.
    pub(super) fn subject_of_verb(&self, toks: &[Tok], vi: usize) -> Option<Cand> {
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
        if let Some(c) = self.relative_subject(toks, j) {
            return Some(c);
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

    /// `Beck, who has in the past described`, `the Chicago Police
    /// Department, which reported`: a relative pronoun opening the clause
    /// of the verb at `toks[v]` (at most [`RELATIVE_WORDS`] words before
    /// it, no other verb, name or pronoun between). The pronoun is the
    /// mention at the cue; the phrase just before it is what it stands for.
    fn relative_subject(&self, toks: &[Tok], v: usize) -> Option<Cand> {
        let lo = v.saturating_sub(RELATIVE_WORDS + 1);
        let mut r = None;
        for k in (lo..v).rev() {
            let t = &toks[k];
            if t.in_quote || !matches!(t.kind, TokKind::Word | TokKind::Comma) {
                return None;
            }
            if t.kind != TokKind::Word {
                continue;
            }
            let w = self.word(t);
            if w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which") {
                r = Some(k);
                break;
            }
            if self.entity_at(t.start).is_some()
                || lexicon::pronoun(w).is_some()
                || self.lex.classes(w) & (class::SPEECH_VERB | class::NAMING_VERB) != 0
                || NOT_A_HEAD.contains(&w) && !RELATIVE_GAP.contains(&w)
            {
                return None;
            }
        }
        let r = r?;
        // The phrase ends right before the pronoun, or before its comma.
        let mut end = r.checked_sub(1)?;
        if toks[end].kind == TokKind::Comma {
            end = end.checked_sub(1)?;
        }
        let found = match self
            .cand_ending_at(toks, end)
            .or_else(|| self.common_np_ending_at(toks, end))?
        {
            Cand::Entity(i) => (self.entities[i].span, Some(i)),
            Cand::Unnamed(np) | Cand::Title(np, _) => {
                // "McConnell, now the Senate majority leader, who": the
                // name before the appositive.
                let person = (end.saturating_sub(APPOSITIVE_WORDS)..end)
                    .rev()
                    .take_while(|&k| {
                        !toks[k].in_quote
                            && !matches!(
                                toks[k].kind,
                                TokKind::Stop | TokKind::Quote | TokKind::Colon
                            )
                    })
                    .filter(|&k| toks[k].end <= np.start())
                    .find_map(|k| match self.entity_at(toks[k].start) {
                        Some(i)
                            if self.entities[i].label == EntityLabel::Person
                                && self.entities[i].span.end() == toks[k].end
                                && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Comma)
                                && !self.is_possessive(self.entities[i]) =>
                        {
                            Some(i)
                        }
                        _ => None,
                    });
                match person {
                    Some(i) => (self.entities[i].span, Some(i)),
                    None => (np, None),
                }
            }
            _ => return None,
        };
        let rel = Span::from_boundaries(self.text, toks[r].start, toks[r].end);
        Some(Cand::Relative(rel, found.0, found.1))
    }

    /// The cue before a quote, searched right to left in `toks` (which end
    /// at the opening mark).
    pub(super) fn leading(&self, toks: &[Tok]) -> Lead<'a> {
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
                    let cue = &self.text[toks[j - 1].start..t.end];
                    return Lead::Found(Attr {
                        speaker: self.resolve(c),
                        cue: Some(cue),
                    });
                }
                continue;
            }
            // One look-up for the three lists a cue word may be in.
            let bits = self.lex.classes(w);
            let speech = bits & class::SPEECH_VERB != 0;
            let naming =
                !speech && words_after <= NAMING_REACH + 1 && bits & class::NAMING_VERB != 0;
            if speech || naming {
                let speaker = self.subject_of_verb(toks, j).and_then(|c| self.resolve(c));
                return Lead::Found(Attr {
                    speaker,
                    cue: Some(w),
                });
            }
            if bits & class::CUE_NOUN != 0 {
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
                        cue: Some(self.word(&toks[v])),
                    });
                }
                // "In a White House statement, President Obama condemned
                // …": the statement opens the sentence; its subject, after
                // the comma, is the speaker, not the office that issued it.
                let opens_with_in = (j.saturating_sub(5)..j).any(|k| self.is(&toks[k], "in"));
                let comma_after = toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Comma);
                if opens_with_in && comma_after {
                    let subject = toks[j + 2..]
                        .iter()
                        .take_while(|t| !t.in_quote && t.kind != TokKind::Stop)
                        .filter(|t| t.kind == TokKind::Word)
                        .find_map(|t| self.person_at(t, false));
                    if let Some(c) = subject {
                        return Lead::Found(Attr {
                            speaker: self.resolve(c),
                            cue: Some(w),
                        });
                    }
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
                    cue: Some(w),
                });
            }
        }
        Lead::Nothing
    }

    /// `Name, an appositive, said`: a person or organisation at `toks[j]`,
    /// a comma after it, and within [`APPOSITIVE_WORDS`] words a comma
    /// followed (across adverbs) by a reporting verb.
    pub(super) fn appositive_then_verb(&self, toks: &[Tok], j: usize) -> Option<Attr<'a>> {
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
            // "R-Ky.,": the period of a state's abbreviation, not a stop.
            let abbreviation = t.kind == TokKind::Stop
                && self.word(t) == "."
                && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Comma);
            let blocks = matches!(t.kind, TokKind::Stop | TokKind::Quote | TokKind::Colon);
            if t.in_quote || (blocks && !abbreviation) {
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
                        cue: Some(self.word(verb)),
                    });
                }
            }
            k += 1;
        }
        None
    }

    /// `“…,” said the ruling.`: a determiner and up to
    /// [`COMMON_NP_WORDS`] lower-case words ending the clause, a source the
    /// lists do not know.
    fn determiner_np_after(&self, toks: &[Tok], from: usize) -> Option<Cand> {
        let first = toks.get(from)?;
        if first.kind != TokKind::Word
            || first.in_quote
            || !self.lex.is_determiner(self.word(first))
        {
            return None;
        }
        let mut last = None;
        for t in toks[from + 1..].iter().take(COMMON_NP_WORDS + 1) {
            if t.in_quote {
                return None;
            }
            if t.kind != TokKind::Word {
                if !matches!(t.kind, TokKind::Stop | TokKind::Comma) {
                    return None;
                }
                break;
            }
            let w = self.word(t);
            // "the 46-year-old"
            let plain = w
                .chars()
                .all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit())
                && w.chars().any(char::is_lowercase)
                && self.lex.classes(w) & (class::SPEECH_VERB | class::ADVERB) == 0
                && lexicon::pronoun(w).is_none()
                && !NOT_A_HEAD.contains(&w);
            if !plain {
                return None;
            }
            last = Some(t.end);
        }
        let end = last?;
        Some(Cand::Unnamed(Span::from_boundaries(
            self.text,
            first.start,
            end,
        )))
    }

    /// `“…,” PolitiFact says`: words `toks[j..end]`, all capitalised (a
    /// name the entity layer missed, "The Hill"), as the speaker.
    fn capitalised_run(&self, toks: &[Tok], j: usize, end: usize) -> Option<Cand> {
        if end <= j || end - j > TITLE_WORDS {
            return None;
        }
        let names = toks[j..end]
            .iter()
            .all(|t| t.kind == TokKind::Word && !t.in_quote && starts_upper(self.word(t)));
        let head = self.word(&toks[end - 1]);
        if !names || lexicon::pronoun(head).is_some() || self.lex.is_determiner(head) {
            return None;
        }
        Some(Cand::Unnamed(Span::from_boundaries(
            self.text,
            toks[j].start,
            toks[end - 1].end,
        )))
    }

    /// A cue right after the closing mark, in `toks` (which start there).
    pub(super) fn trailing(&self, toks: &[Tok]) -> Option<Attr<'a>> {
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
            let cue = &self.text[first.start..toks[j + 1].end];
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
            let inverted =
                next.is_some_and(|n| !NOT_INVERTED.iter().any(|w| n.eq_ignore_ascii_case(w)));
            if inverted {
                let speaker = self
                    .np_after(toks, j + 1)
                    .or_else(|| self.determiner_np_after(toks, j + 1))
                    .and_then(|c| self.resolve(c));
                if speaker.is_some() {
                    return Some(Attr {
                        speaker,
                        cue: Some(w),
                    });
                }
            }
            return None;
        }
        // “…,” Ana Ruiz, head of research at Banco Norte, said
        if let Some(attr) = self.appositive_then_verb(toks, j) {
            return Some(attr);
        }
        // “…,” Senate Majority Leader Ann Lee, R-Ky., said: the name after
        // the title words, with its appositive.
        for m in j + 1..(j + TITLE_WORDS).min(toks.len()) {
            let t = &toks[m - 1];
            let w = self.word(t);
            if t.kind != TokKind::Word || !(starts_upper(w) || self.lex.is_title_noun(w)) {
                break;
            }
            let person = self
                .entity_at(toks[m].start)
                .is_some_and(|i| self.entities[i].label == EntityLabel::Person);
            if person {
                if let Some(attr) = self.appositive_then_verb(toks, m) {
                    return Some(attr);
                }
                break;
            }
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
                        cue: Some(w),
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
                    })
                    .or_else(|| self.capitalised_run(toks, j, end));
                let speaker = cand.and_then(|c| self.resolve(c));
                return speaker.is_some().then_some(Attr {
                    speaker,
                    cue: Some(w),
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
