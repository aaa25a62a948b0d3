//! More candidate speakers for a quote, beyond the sieve's answer: the
//! patterns news uses without a cue in the quote's own sentence, and looser
//! readings of the sentence around it. None of them decides alone; the
//! ranker ([`super::ranking`]) weighs them against the sieve's answer and
//! against crediting nobody.
//!
//! Every search here reads a bounded window (a paragraph tail, the first
//! words of a quote, the tokens the sieve already cut), so the work per
//! quote stays constant.

use lede_core::{EntityLabel, Span};

use super::tokens::last_runs_start;
use super::{
    ceil_boundary, floor_boundary, starts_upper, tokenize, Attr, Cand, DocView, Tok, TokKind,
};
use crate::lexicon::class;
use crate::marks::RawQuote;

/// Bytes after a closing mark read for a sign-off ("― Ana Ruiz").
const SIGN_OFF_CAP: usize = 80;
/// Words of a sign-off name.
const SIGN_OFF_WORDS: usize = 6;
/// Bytes at the start of a quote read for a transcript label ("WALLACE:").
const LABEL_CAP: usize = 40;
/// Bytes at the end of the previous paragraph read for "He said:".
const PARAGRAPH_CUE_CAP: usize = 240;
/// Last words of a sentence searched for the reporting verb of the quote
/// after it.
const SENTENCE_CUE_WORDS: usize = 4;
/// Tokens after a quote searched for a reporting verb.
const TRAIL_VERB_TOKENS: usize = 40;

/// Words that open another clause between a quote and a verb.
const CLAUSE_WORDS: [&str; 14] = [
    "while", "but", "and", "as", "because", "when", "after", "before", "which", "who", "that",
    "whereas", "although", "though",
];

/// Tokens of an opening phrase before the subject ("In August,").
const SUBJECT_OPENER_TOKENS: usize = 12;
/// Capitalised words that open a phrase before the subject.
const OPENERS: [&str; 16] = [
    "in",
    "at",
    "on",
    "after",
    "before",
    "during",
    "when",
    "while",
    "since",
    "as",
    "for",
    "with",
    "despite",
    "following",
    "last",
    "earlier",
];

/// Lower-case words allowed inside a written name ("Carla de la Cruz").
const NAME_PARTICLES: [&str; 8] = ["de", "la", "del", "van", "von", "da", "di", "y"];

/// Where the subject of a reporting verb after a quote stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// Right after the closing mark (`“…,” Rep. Ann Lee (D-Ore.) said`).
    Adjacent,
    /// After other words of the sentence (`“…” for fraud, she said`).
    AfterWords,
    /// After a clause word (`“…,” while Hamas insisted`): most often the
    /// verb of another clause.
    OtherClause,
}

impl<'a> DocView<'a> {
    /// `“…” ― Ana Ruiz`: a dash after the closing mark and a short name
    /// that ends the paragraph or its line (readers' letters listed one to
    /// a line).
    pub(super) fn sign_off(&self, q: &RawQuote, para: Span) -> Option<Attr<'a>> {
        let cap = floor_boundary(self.text, para.end().min(q.close_end() + SIGN_OFF_CAP));
        // Most quotes have no dash after them on their line: say so before
        // looking for the line's end.
        let dash_next = self
            .text
            .get(q.close_end()..cap.max(q.close_end()))?
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .starts_with(['―', '—', '–', '-']);
        if !dash_next {
            return None;
        }
        let line_end = self
            .text
            .get(q.close_end()..cap)
            .and_then(|w| w.find('\n'))
            .map(|k| q.close_end() + k);
        let hi = match line_end {
            Some(e) => e,
            None if para.end() <= cap => cap,
            None => return None,
        };
        if hi <= q.close_end() {
            return None;
        }
        let after = self.text.get(q.close_end()..hi)?;
        let rest = after.trim_start();
        let rest = rest
            .strip_prefix('―')
            .or_else(|| rest.strip_prefix('—'))
            .or_else(|| rest.strip_prefix('–'))
            .or_else(|| rest.strip_prefix("--"))
            .or_else(|| rest.strip_prefix('-'))?;
        let name = rest.trim().trim_end_matches('.').trim_end();
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > SIGN_OFF_WORDS || !starts_upper(words[0]) {
            return None;
        }
        let wordlike = words.iter().all(|w| {
            (starts_upper(w) || NAME_PARTICLES.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        });
        if !wordlike {
            return None;
        }
        let start = hi - rest.trim_start().len();
        let span = Span::from_boundaries(self.text, start, start + name.len());
        Some(Attr {
            speaker: Some(self.named_span_speaker(span)),
            cue: None,
        })
    }

    /// `“WALLACE: Let’s start …”`: a transcript label in capitals (one to
    /// three words) followed by a colon at the start of the quote.
    /// Also returns the quoted words after the label (the label is the
    /// speaker's name, not part of what was said).
    pub(super) fn transcript_label(&self, q: &RawQuote) -> Option<(Attr<'a>, Span)> {
        let start = q.inner.start();
        let hi = floor_boundary(self.text, q.inner.end().min(start + LABEL_CAP));
        let head = self.text.get(start..hi)?;
        // The label's first word is in capitals: most quotes' is not.
        let first_word_caps = head
            .chars()
            .take_while(|&c| !c.is_whitespace() && c != ':')
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'));
        if !first_word_caps {
            return None;
        }
        let colon = head.find(':')?;
        let label = &head[..colon];
        let words: Vec<&str> = label.split_whitespace().collect();
        if words.is_empty() || words.len() > 3 {
            return None;
        }
        let caps = words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        });
        if !caps {
            return None;
        }
        let span = Span::from_boundaries(self.text, start, start + label.trim_end().len());
        let mut speaker = self.named_span_speaker(span);
        // "WALLACE" is the Chris Wallace named elsewhere in the article.
        if speaker.canonical.is_none() {
            if let Some(last) = words.last() {
                let mut titled = String::with_capacity(last.len());
                for (k, c) in last.chars().enumerate() {
                    if k == 0 {
                        titled.push(c);
                    } else {
                        titled.extend(c.to_lowercase());
                    }
                }
                if let Some(full) = self.fullest().get(titled.as_str()) {
                    speaker.canonical = Some(*full);
                }
            }
        }
        let after = start + colon + 1;
        let rest = self.text.get(after..q.inner.end())?;
        let words_start = after + (rest.len() - rest.trim_start().len());
        if words_start >= q.inner.end() {
            return None;
        }
        let said = Span::from_boundaries(self.text, words_start, q.inner.end());
        Some((
            Attr {
                speaker: Some(speaker),
                cue: None,
            },
            said,
        ))
    }

    /// `He said:` or `The Times reports:` ending the paragraph before a
    /// quote that opens its own paragraph.
    pub(super) fn paragraph_cue(&self, q: &RawQuote, toks: &mut Vec<Tok>) -> Option<Attr<'a>> {
        let prev = self.paragraphs.get(q.paragraph().checked_sub(1)?)?;
        let body = prev.text(self.text).trim_end();
        if !body.ends_with(':') {
            return None;
        }
        let end = prev.start() + body.len() - 1;
        let lo = ceil_boundary(
            self.text,
            end.saturating_sub(PARAGRAPH_CUE_CAP).max(prev.start()),
        );
        tokenize(self.text, lo.min(end), end, toks);
        self.mark_quotes(toks);
        // The verb is among the last few words ("Caddell continued:",
        // "the statement said in part:").
        let vi = (toks.len().saturating_sub(5)..toks.len()).rev().find(|&k| {
            let t = &toks[k];
            t.kind == TokKind::Word && !t.in_quote && self.lex.is_speech_verb(self.word(t))
        });
        let (cand, cue) = match vi {
            Some(v) => (self.subject_of_verb(toks, v), Some(self.word(&toks[v]))),
            None => (self.nearest_left_of(toks, toks.len(), true), None),
        };
        let speaker = self.resolve(cand?)?;
        Some(Attr {
            speaker: Some(speaker),
            cue,
        })
    }

    /// `Hernandez said. “We cannot …”`: the sentence before a quote that
    /// opens a sentence of the same paragraph ends with a reporting verb
    /// (and perhaps a few words: "said Tuesday", "told reporters").
    pub(super) fn sentence_cue(
        &self,
        q: &RawQuote,
        para: Span,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr<'a>> {
        let end = q.open();
        if end <= para.start() {
            return None;
        }
        let lo = ceil_boundary(
            self.text,
            end.saturating_sub(PARAGRAPH_CUE_CAP).max(para.start()),
        )
        .min(end);
        // The reporting verb among the last words before a full stop.
        let verb = |toks: &[Tok]| {
            let (last, body) = toks.split_last()?;
            if last.kind != TokKind::Stop || last.in_quote || self.word(last) != "." {
                return None;
            }
            let from = body.len().saturating_sub(SENTENCE_CUE_WORDS);
            for k in (from..body.len()).rev() {
                let t = &body[k];
                if t.in_quote || t.kind != TokKind::Word {
                    return None;
                }
                if self.lex.is_speech_verb(self.word(t)) {
                    return Some(k);
                }
            }
            None
        };
        // Most sentences end otherwise: read their last words alone first.
        let tail = last_runs_start(self.text, lo, end, SENTENCE_CUE_WORDS + 1);
        if tail > lo {
            tokenize(self.text, tail, end, toks);
            self.mark_quotes(toks);
            verb(toks)?;
        }
        tokenize(self.text, lo, end, toks);
        self.mark_quotes(toks);
        let v = verb(toks)?;
        let body = &toks[..toks.len() - 1];
        let cand = self.subject_of_verb(body, v)?;
        let speaker = self.resolve(cand)?;
        Some(Attr {
            speaker: Some(speaker),
            cue: Some(self.word(&body[v])),
        })
    }

    /// The subject of the first reporting verb after the quote, read
    /// loosely: across parentheses ("Rep. Ann Lee (D-Ore.) said") and long
    /// appositives, up to the end of the sentence.
    /// Also tells how far the subject is from the quote.
    /// Also the subject found next to the verb when it differs from the
    /// first person (`“…” of the Clinton proposals, Mr. Holtz-Eakin said`).
    pub(super) fn trailing_subject(
        &self,
        toks: &[Tok],
    ) -> Option<(Attr<'a>, Reach, Option<Attr<'a>>)> {
        let limit = toks.len().min(TRAIL_VERB_TOKENS);
        let mut vi = None;
        // Inside parentheses a period is an abbreviation's ("(D-Ore.)").
        let mut depth = 0usize;
        for (k, t) in toks[..limit].iter().enumerate() {
            if t.kind == TokKind::Other {
                match self.word(t) {
                    "(" => depth += 1,
                    ")" => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            let stop = t.kind == TokKind::Stop && depth == 0;
            if t.in_quote || stop || t.kind == TokKind::Quote {
                break;
            }
            if k > 0 && t.kind == TokKind::Word && self.lex.is_speech_verb(self.word(t)) {
                vi = Some(k);
                break;
            }
        }
        let v = vi?;
        let first_person = (0..v)
            .filter_map(|k| self.entity_at(toks[k].start))
            .find(|&i| {
                self.entities[i].label == EntityLabel::Person
                    && !self.is_possessive(self.entities[i])
            })
            .map(Cand::Entity);
        let by_verb = self.subject_of_verb(toks, v);
        let alt = match (first_person, by_verb) {
            (Some(Cand::Entity(a)), Some(Cand::Entity(b))) if a == b => None,
            (Some(_), Some(b)) => self.resolve(b),
            _ => None,
        };
        let cand = first_person.or(by_verb)?;
        let far = toks[..v].iter().any(|t| {
            t.kind == TokKind::Word
                && CLAUSE_WORDS
                    .iter()
                    .any(|c| self.word(t).eq_ignore_ascii_case(c))
        });
        let speaker = self.resolve(cand)?;
        let mention_start = speaker.span.map_or(0, |s| s.start());
        // Words of the speaker's phrase ("Rep.", "Trump adviser") are no gap.
        let gap = toks
            .iter()
            .take_while(|t| t.start < mention_start)
            .filter(|t| t.kind == TokKind::Word)
            .any(|t| {
                let w = self.word(t);
                !starts_upper(w) && !self.lex.is_title_noun(w)
            });
        let reach = if far {
            Reach::OtherClause
        } else if gap {
            Reach::AfterWords
        } else {
            Reach::Adjacent
        };
        let cue = self.word(&toks[v]);
        Some((
            Attr {
                speaker: Some(speaker),
                cue: Some(cue),
            },
            reach,
            alt.map(|sp| Attr {
                speaker: Some(sp),
                cue: Some(cue),
            }),
        ))
    }

    /// `a paper titled “…” by Neera Tanden and Blair Effron`: the agent
    /// of a passive right after the quote.
    pub(super) fn by_agent(&self, toks: &[Tok]) -> Option<Attr<'a>> {
        let k = toks
            .iter()
            .position(|t| t.kind != TokKind::Comma)
            .filter(|&k| k <= 1)?;
        if !self.is(&toks[k], "by") || toks[k].in_quote {
            return None;
        }
        let speaker = self.resolve(self.np_after(toks, k + 1)?)?;
        Some(Attr {
            speaker: Some(speaker),
            cue: None,
        })
    }

    /// The subject opening the quote's sentence, after an opening phrase
    /// and its comma (`In August, several environmental groups granted …,
    /// saying …`; `PolitiFact rated 32% of Republican claims as “false”`):
    /// a person, organisation, country or group named there.
    pub(super) fn sentence_subject(&self, toks: &[Tok]) -> Option<Attr<'a>> {
        let p = self.subject_start(toks)?;
        let t = toks.get(p)?;
        let cand = match self.entity_at(t.start) {
            Some(i) => {
                let e = self.entities[i];
                // "Palestinian Authority President Mahmoud Abbas": the
                // name modifies the next one; "Haaretz quoted an official
                // as saying": the object speaks.
                let next = toks[p..]
                    .iter()
                    .find(|n| n.start >= e.span.end())
                    .filter(|n| n.kind == TokKind::Word);
                let modifies = next.is_some_and(|n| {
                    let w = self.word(n);
                    starts_upper(w)
                        || w.eq_ignore_ascii_case("quoted")
                        || w.eq_ignore_ascii_case("cited")
                });
                if self.is_possessive(e) || modifies {
                    return None;
                }
                if self.is_speaker_entity(i) {
                    Cand::Entity(i)
                } else if e.label == EntityLabel::Norp {
                    Cand::Unnamed(e.span)
                } else {
                    return None;
                }
            }
            None => return None,
        };
        Some(Attr {
            speaker: Some(self.resolve(cand)?),
            cue: None,
        })
    }

    /// Where the subject of the sentence in `toks` stands: its first word,
    /// or the first after an opening phrase and its comma ("In August,").
    pub(super) fn subject_start(&self, toks: &[Tok]) -> Option<usize> {
        let first = toks
            .iter()
            .position(|t| t.kind == TokKind::Word && !t.in_quote)?;
        if toks[..first]
            .iter()
            .any(|t| t.in_quote || t.kind == TokKind::Quote)
        {
            return None;
        }
        let opener = toks[first..]
            .iter()
            .take(SUBJECT_OPENER_TOKENS)
            .position(|t| t.kind == TokKind::Comma || t.in_quote)
            .filter(|&c| {
                let w = self.word(&toks[first]);
                !starts_upper(w)
                    || self.entity_at(toks[first].start).is_none()
                        && (OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)) || w.ends_with("ing"))
                        && !toks[first + c].in_quote
            });
        let p = match opener {
            Some(c) => first + c + 1,
            None => first,
        };
        let t = toks.get(p)?;
        (t.kind == TokKind::Word && !t.in_quote).then_some(p)
    }

    /// `exemplified by this finding: “…”`: the noun phrase ending right
    /// before the colon that opens the quote.
    pub(super) fn colon_phrase(&self, toks: &[Tok]) -> Option<Attr<'a>> {
        let (last, body) = toks.split_last()?;
        if last.kind != TokKind::Colon || body.is_empty() {
            return None;
        }
        let k = body.len() - 1;
        let cand = self
            .cand_ending_at(body, k)
            .or_else(|| self.common_np_ending_at(body, k))?;
        Some(Attr {
            speaker: Some(self.resolve(cand)?),
            cue: None,
        })
    }

    /// The first person (or he/she) of the quote's sentence before it, most
    /// often the sentence's subject: `Clinton spoke out Tuesday, arguing
    /// that the killings were “intolerable.”` Also reports whether a
    /// reporting verb stands between it and the quote.
    pub(super) fn leading_subject(&self, toks: &[Tok]) -> Option<(Attr<'a>, bool)> {
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word || t.in_quote {
                continue;
            }
            let Some(cand) = self.person_at(t, false) else {
                continue;
            };
            let verb = toks[k + 1..].iter().any(|u| {
                u.kind == TokKind::Word && !u.in_quote && self.lex.is_speech_verb(self.word(u))
            });
            let speaker = self.resolve(cand)?;
            return Some((
                Attr {
                    speaker: Some(speaker),
                    cue: None,
                },
                verb,
            ));
        }
        None
    }

    /// The subject of the first reporting or naming verb of the quote's
    /// sentence before it, most often the main clause's: `the mayor also
    /// said that it was too early to tell whether …, and there was “no
    /// evidence”`; `At a fundraiser with Barbra Streisand, Clinton called
    /// half of his supporters “deplorables.”`
    pub(super) fn first_verb_subject(&self, toks: &[Tok]) -> Option<Attr<'a>> {
        let verbs = class::SPEECH_VERB | class::NAMING_VERB;
        // "Haaretz quoted an official as saying": the object of "quoted"
        // or "cited" speaks, found from the verb after it.
        let v = toks.iter().position(|t| {
            let w = self.word(t);
            t.kind == TokKind::Word
                && !t.in_quote
                && self.lex.classes(w) & verbs != 0
                && !w.eq_ignore_ascii_case("quoted")
                && !w.eq_ignore_ascii_case("cited")
        })?;
        // With one verb only, the sieve's leading rule has read it already.
        let later = toks[v + 1..].iter().any(|t| {
            t.kind == TokKind::Word && !t.in_quote && self.lex.classes(self.word(t)) & verbs != 0
        });
        if v == 0 || !later {
            return None;
        }
        let speaker = self.resolve(self.subject_of_verb(toks, v)?)?;
        Some(Attr {
            speaker: Some(speaker),
            cue: Some(self.word(&toks[v])),
        })
    }

    /// `According to Yahoo News, Clinton spokesman Jesse Lehrich said`,
    /// `“…,” Sanders said, according to CNN`: the source an "according to"
    /// of the quote's sentence names, which often stands above the
    /// speaker. `before` reads the words before the quote (the phrase
    /// nearest to it), else those after it up to the end of the sentence.
    pub(super) fn according_to(&self, toks: &[Tok], before: bool) -> Option<Attr<'a>> {
        let at = |k: usize| {
            let t = &toks[k];
            t.kind == TokKind::Word
                && t.end - t.start == "according".len()
                && !t.in_quote
                && self.is(t, "according")
                && toks.get(k + 1).is_some_and(|n| self.is(n, "to"))
        };
        let k = if before {
            (0..toks.len()).rev().find(|&k| at(k))?
        } else {
            let end = toks
                .iter()
                .position(|t| t.kind == TokKind::Stop || t.in_quote)
                .unwrap_or(toks.len());
            (0..end).find(|&k| at(k))?
        };
        let speaker = self.resolve(self.np_after(toks, k + 2)?)?;
        Some(Attr {
            speaker: Some(speaker),
            cue: Some(&self.text[toks[k].start..toks[k + 1].end]),
        })
    }

    /// A speaker written as `span`: the entity there when the entity layer
    /// has one, else the words themselves.
    fn named_span_speaker(&self, span: Span) -> super::Spk<'a> {
        match self.entity_at(span.start()) {
            Some(i) if self.entities[i].span == span => self.entity_speaker(i),
            _ => self.mention_speaker(span, None),
        }
    }
}
