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
//!
//! This file runs the sieve over a document's quotes and decides their
//! kinds; the parts live beside it: [`tokens`] (words and punctuation of a
//! window), [`view`] (the entities and what a name tells), [`phrases`]
//! (speaker noun phrases), [`resolve`] (pronouns and titles to names),
//! [`cues`] (the sieve's rules), [`candidates`] (looser readings) and
//! [`ranking`] (the learned choice among them).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use lede_core::{Entity, EntityLabel, Quote, QuoteKind, Span, Speaker};

use crate::lexicon::{DocLexicon, FnvHasher, Pronoun};
use crate::marks::RawQuote;
use crate::{spans, SpeakerChoice, SpeakerOption};

mod candidates;
mod cues;
mod features;
mod phrases;
mod ranking;
mod resolve;
mod subjects;
mod tokens;
mod view;

use candidates::Reach;
use ranking::Source;

/// A source of candidates named by a literal, found in the ranker's list
/// at compile time.
macro_rules! source {
    ($name:literal) => {
        const { Source::of($name) }
    };
}
pub(crate) use tokens::is_alnum;
use tokens::{ceil_boundary, floor_boundary, is_abbreviation, tokenize, Tok, TokKind};

#[cfg(test)]
pub(crate) use ranking::fnv;
pub(crate) use ranking::Weights;

/// Bytes of a sentence searched before a quote for its cue.
const LEAD_CAP: usize = 360;
/// Bytes searched after a quote for a trailing cue.
const TRAIL_CAP: usize = 240;
/// Tokens a window of [`LEAD_CAP`] bytes of news text most often holds.
const TOKENS_PER_WINDOW: usize = 96;
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
    /// "Beck, who has in the past described": the relative pronoun, the
    /// phrase it stands for and that phrase's entity, if any.
    Relative(Span, Span, Option<usize>),
}

/// A speaker as the rules find it: every text is borrowed from the
/// document (or its entity layer) and copied out once, for the quotes
/// emitted ([`to_quote`]).
#[derive(Clone, Copy, Debug, Default)]
struct Spk<'a> {
    /// The mention at the cue.
    span: Option<Span>,
    /// The mention's text.
    text: &'a str,
    /// The resolved name.
    canonical: Option<&'a str>,
    /// The name mention resolved to, when it is not the mention itself.
    entity: Option<Span>,
}

/// Who said a quote and how we know.
#[derive(Clone, Copy, Debug, Default)]
struct Attr<'a> {
    speaker: Option<Spk<'a>>,
    cue: Option<&'a str>,
}

enum Lead<'a> {
    Found(Attr<'a>),
    /// The search reached an earlier quote of the same sentence first.
    HitPrevious,
    Nothing,
}

/// Last word of a name -> a name.
type NameMap<'a> = HashMap<&'a str, &'a str, BuildHasherDefault<FnvHasher>>;

/// The document as the rules see it.
pub(crate) struct DocView<'a> {
    text: &'a str,
    sentences: &'a [Span],
    paragraphs: &'a [Span],
    entities: Vec<&'a Entity>,
    /// Each entity's gender once worked out (0: not yet; see
    /// [`DocView::entity_gender`]).
    genders: Box<[std::cell::Cell<u8>]>,
    quotes: &'a [RawQuote],
    lex: DocLexicon<'a>,
    /// Last word of a PERSON name -> the fullest PERSON name ending in it
    /// ([`DocView::fullest`] builds it when first asked).
    fullest: std::cell::OnceCell<NameMap<'a>>,
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
struct Analysed<'a> {
    /// The quoted words (without a transcript label).
    inner: Span,
    kind: QuoteKind,
    attr: Attr<'a>,
    /// The quote has a cue of its own (not inherited).
    own_cue: bool,
    /// The cue follows the quote (`“…,” said X`): a quotation resumed
    /// right after that cue shares it.
    trailing: bool,
    sentence: Option<usize>,
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
    // Room for the tokens of a window from the start: no regrowth.
    let mut para_toks = Vec::with_capacity(TOKENS_PER_WINDOW);
    let raw = view.quotes;
    // Only the quote before is ever read back, so memory holds the quotes
    // emitted, not every quoted stretch analysed.
    let mut before: Option<Analysed> = None;
    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    // Output slots of the speakerless parts of the quotation running on
    // (over paragraphs) into the current quote.
    let mut pending: Vec<Option<usize>> = Vec::new();
    let mut lead_toks = Vec::with_capacity(TOKENS_PER_WINDOW);
    let mut trail_toks = Vec::with_capacity(TOKENS_PER_WINDOW);
    // The candidates' list, kept from one quote to the next.
    let mut cand_list = Vec::new();
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
                                attr = Some(prev.attr);
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
        let mut context = [""; 5];
        context[..3].copy_from_slice(&[
            if standalone { "std" } else { "frag" },
            rule,
            match words {
                0..=1 => "w1",
                2..=3 => "w3",
                4..=8 => "w8",
                _ => "w9",
            },
        ]);
        let mut context_len = 3;
        if q.continues_previous {
            context[context_len] = "cont";
            context_len += 1;
        }
        if lead_toks.is_empty() {
            context[context_len] = "opens";
            context_len += 1;
        }
        let context = &context[..context_len];
        let mut cands = ranking::Candidates::new(
            q.inner,
            context,
            weights,
            choices.is_some(),
            std::mem::take(&mut cand_list),
        );
        // Outside training the ranker's choice replaces a sieve answer with a
        // speaker, so that answer moves into the candidates uncopied.
        let rule_had = attr.as_ref().is_some_and(|a| a.speaker.is_some());
        let sieve = if rule_had && choices.is_none() {
            attr.take()
        } else {
            attr
        };
        if let Some(a) = sieve {
            cands.add(view, q.inner, a, Source::of(rule));
        }
        let sieve_found = cands.list.len() > 1;
        if let Some(a) = view.sign_off(q, para) {
            cands.add(view, q.inner, a, source!("signoff"));
        }
        let mut inner = q.inner;
        if let Some((a, said)) = view.transcript_label(q) {
            inner = said;
            cands.add(view, said, a, source!("label"));
        }
        if lead_toks.is_empty() {
            if let Some(a) = view.paragraph_cue(q, &mut para_toks) {
                cands.add(view, q.inner, a, source!("paracue"));
            }
            if let Some(a) = view.sentence_cue(q, para, &mut para_toks) {
                cands.add(view, q.inner, a, source!("sentcue"));
            }
        }
        if q.closed {
            let found = view.trailing_subject(&trail_toks);
            let source = match found.as_ref().map(|f| f.1) {
                Some(Reach::Adjacent) => Some(source!("trailsubj")),
                // A short fragment with the reporter's words after it is
                // most often a term or a slogan the sentence talks about.
                Some(Reach::AfterWords) if standalone || words > 3 => {
                    Some(source!("trailsubj_gap"))
                }
                // Another clause's verb only speaks for a quotation that
                // stands as its own sentence.
                Some(Reach::OtherClause) if standalone => Some(source!("trailsubj_far")),
                _ => None,
            };
            if let (Some((a, _, alt)), Some(source)) = (found, source) {
                cands.add(view, q.inner, a, source);
                if let Some(alt) = alt {
                    cands.add(view, q.inner, alt, source!("trailverb"));
                }
            }
            if let Some(a) = view.by_agent(&trail_toks) {
                cands.add(view, q.inner, a, source!("by"));
            }
        }
        if let Some((a, verb)) = view.leading_subject(&lead_toks) {
            let source = if verb {
                source!("leadsubj_v")
            } else {
                source!("leadsubj")
            };
            cands.add(view, q.inner, a, source);
        }
        if let Some(a) = view.first_verb_subject(&lead_toks) {
            cands.add(view, q.inner, a, source!("firstverb"));
        }
        // The leading cue's reading when the quotation resumed first
        // (`said Mr. Ekovich, who noted that … had “cratered”`); the other
        // rules after the trailing one have read it already.
        if rule == "resumed" {
            if let Lead::Found(a) = view.leading(&lead_toks) {
                cands.add(view, q.inner, a, source!("leadcue"));
            }
        }
        if let Some(a) = view.sentence_subject(&lead_toks) {
            cands.add(view, q.inner, a, source!("sentsubj"));
        }
        if let Some(a) = view.sentence_np(&lead_toks) {
            cands.add(view, q.inner, a, source!("sentnp"));
        }
        if lead_toks.is_empty() {
            if let Some(a) = view.previous_sentence_subject(q, &mut para_toks) {
                cands.add(view, q.inner, a, source!("prevsubj"));
            }
        }
        if rule != "colon" {
            if let Some(a) = view.colon_phrase(&lead_toks) {
                cands.add(view, q.inner, a, source!("colonnp"));
            }
        }
        if let Some(a) = view.according_to(&lead_toks, true) {
            cands.add(view, q.inner, a, source!("according_l"));
        }
        if q.closed {
            if let Some(a) = view.according_to(&trail_toks, false) {
                cands.add(view, q.inner, a, source!("according_r"));
            }
        }
        if let Some(j) = i.checked_sub(1) {
            let prev = before.as_ref().filter(|d| d.attr.speaker.is_some());
            if let Some(prev) = prev.filter(|_| raw[i].paragraph() <= raw[j].paragraph() + 1) {
                cands.add(view, q.inner, prev.attr, source!("prev"));
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
                let best = cands.best(sieve_found);
                let chosen = cands.list.swap_remove(best).attr;
                cand_list = cands.into_list();
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
        .filter(|sp| !sp.span.is_some_and(|s| s.overlaps(inner)))
        .map(|sp| Speaker {
            span: sp.span,
            text: sp.text.to_string(),
            canonical: sp.canonical.map(str::to_string),
            entity: sp.entity,
        });
    Quote {
        span: inner,
        kind,
        speaker,
        cue: attr.cue.map(str::to_string),
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
fn resumes_after_cue<'a>(
    view: &DocView,
    raw: &[RawQuote],
    prev: Option<&Analysed<'a>>,
    i: usize,
) -> Option<Attr<'a>> {
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
    Some(prev.attr)
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
        // The space before the word may be wider than a byte (U+00A0).
        let word_start = s[..k]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(w, c)| w + c.len_utf8());
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
fn inherit_from<'a>(
    view: &DocView,
    raw: &[RawQuote],
    prev: Option<&Analysed<'a>>,
    i: usize,
) -> Option<Attr<'a>> {
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
        let same = speaker.canonical == Some(view.canonical(ent))
            || speaker.span == Some(ent.span)
            || speaker.entity == Some(ent.span);
        if !same {
            return None;
        }
    }
    Some(prev.attr)
}
