//! From the tagger's coarse spans to the final entities:
//!
//! 1. span clean-up: titles ("Prime Minister", "Mr.") and determiners move
//!    out of the span, a possessive ’s is cut off, hyphenated compounds keep
//!    only their name parts (`[Trump]-led`, `[Israeli]-[Palestinian]`);
//! 2. fine types: LOC becomes GPE, LOC or FAC, MISC becomes NORP, EVENT, LAW
//!    or LANGUAGE, from the gazetteers and the head word;
//! 3. names the tagger missed but a gazetteer knows are added;
//! 4. document consistency: once "Benjamin Netanyahu" is a PERSON, every
//!    "Netanyahu" is that PERSON; the same text gets the same label; every
//!    PERSON and ORG carries its canonical (fullest) name.
//!
//! This file holds the driver and the helpers the passes share; the passes
//! live in `spans` (grow, merge, split, drop), `labels` (fine labels),
//! `consistency`, `checks` (last checks, Title Case headings) and
//! `canonical` (canonical names).

use std::cell::Cell;

use lede_core::{Entity, EntityLabel, Span};

use crate::features::{key_of, normalize_char, push_key, CapClass, Hasher};
use crate::gazetteer::{Category, Gazetteer, IdentityMap};
use crate::headings::CommonWords;
use crate::model::Coarse;
use crate::tagger::{Analysis, CoarseEntity, Layout};
use crate::{MAX_ENTITY_BYTES, MAX_ENTITY_TOKENS};

mod canonical;
mod checks;
mod consistency;
mod context;
mod labels;
mod spans;

use canonical::*;
use checks::*;
use consistency::*;
use context::*;
use labels::*;
use spans::*;

/// A user-supplied name with a fixed label (the `gazetteer` option).
#[derive(Clone, Debug)]
pub struct Addition {
    pub words: Vec<String>,
    pub label: EntityLabel,
}

impl Addition {
    /// Parses `"LABEL:Name"`.
    pub fn parse(s: &str) -> Result<Addition, String> {
        let (label, name) = s
            .split_once(':')
            .ok_or_else(|| format!("{s:?}: expected \"LABEL:Name\""))?;
        let label: EntityLabel = label.trim().parse()?;
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Err(format!("{s:?}: the name is empty"));
        }
        Ok(Addition { words, label })
    }
}

/// An entity being built: byte span, token range and label.
#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    label: EntityLabel,
    /// The byte range of the title before the name ("Prime Minister").
    title: Option<(usize, usize)>,
    /// Label decided by an explicit rule or list (not open to majority vote).
    sure: bool,
    /// From the `gazetteer` option (never overruled).
    user: bool,
    /// Decided by cues the tagger does not weigh: the words around the
    /// span ("a White House official", "in English"), a law's or a
    /// street's head word ("Patriot Act", "Downing St."), a run of listed
    /// places ("U.S." + "Middle East"). Kept whatever the tagger's margin.
    by_context: bool,
    /// The key of the span's text, once some rule asked for it.
    text_key: Cell<Option<TextKey>>,
}

/// Gazetteer categories that name entities on their own (for the sweep).
const SWEEP: u16 = (1 << Category::Country as u8)
    | (1 << Category::City as u8)
    | (1 << Category::Nationality as u8)
    | (1 << Category::Group as u8);

/// The tagger's margin ([`CoarseEntity::margin`]) from which the rule
/// layer leaves its span and type alone: a span the rules dropped, cut or
/// retyped is put back as the tagger read it. Tuned on a held-out part of
/// the CoNLL-2003 training file with a model trained on the rest
/// (`examples/defer.rs`, command in the README).
pub const DEFER_MARGIN: f32 = 48.0;

#[allow(clippy::too_many_arguments)]
pub fn refine(
    text: &str,
    layout: &Layout,
    coarse: Vec<CoarseEntity>,
    gaz: &Gazetteer,
    additions: &[Addition],
    analysis: &Analysis,
    defer_margin: f32,
) -> Vec<Entity> {
    let toks = &layout.tokens;
    let words = &analysis.words;
    let mut sentence_of = vec![0u32; toks.len()];
    for (si, &(s, e)) in layout.sentences.iter().enumerate() {
        for x in sentence_of.iter_mut().take(e).skip(s) {
            *x = si as u32;
        }
    }
    let sent_start = |i: usize| {
        layout
            .sentences
            .get(sentence_of[i] as usize)
            .map_or(0, |r| r.0)
    };

    let (cues, gaz_starts) = Cue::find(analysis);
    let ctx = Ctx {
        text,
        toks,
        words,
        gaz,
        sentence_of: &sentence_of,
        sentences: &layout.sentences,
        gaz_at: &analysis.gaz_at,
        title_case: &analysis.title_case,
        headings: analysis.headings.as_ref(),
        analysis,
        word_keys: vec![Cell::new(0); analysis.form_texts.len()],
        cues,
        gaz_starts,
    };

    let mut cands: Vec<Cand> = Vec::with_capacity(coarse.len());
    for ce in &coarse {
        let mut first = ce.first;
        let mut last = ce.last;
        // Determiners and lower-case words at the edges are not part of names
        // ("the United States"), except in "The New York Times".
        while first < last && is_lower_word(words[first]) {
            first += 1;
        }
        // "Can Trump": a question or conjunction opening the sentence.
        if first < last && first == sent_start(first) && OPENERS.contains(&words[first]) {
            first += 1;
        }
        // A capitalised "The" inside a sentence belongs to a place name the
        // tagger took whole ("at The Oval", "at The Curragh").
        let place_the = ce.kind == Coarse::Loc
            && first > sent_start(first)
            && text.get(toks[first].span.start()..toks[first].span.end()) == Some("The");
        if first < last
            && words[first].eq_ignore_ascii_case("the")
            && !place_the
            && !starts_with_words(&words[first..=last], &["the", "new", "york", "times"])
        {
            first += 1;
        }
        // Titles written inside the span ("President Trump").
        let mut title = None;
        if ce.kind == Coarse::Per {
            if let Some((len, _)) = ctx.title_at(first, last + 1) {
                if first + len <= last {
                    title = Some(byte_range(toks, first, first + len - 1));
                    first += len;
                }
            }
        }
        // A possessive token at the end.
        while last > first && is_possessive(words[last]) {
            last -= 1;
        }
        let start = toks[first].span.start();
        let end = toks[last].span.end();
        let text_key = ctx.read_key(start, end, first, last);
        let (label, sure) = fine_label(ce.kind, &words[first..=last], text_key.mask, first, words);
        cands.push(Cand {
            start,
            end,
            first,
            last,
            label,
            title,
            sure,
            user: false,
            by_context: false,
            text_key: Cell::new(Some(text_key)),
        });
    }

    surname_after_first_name(&ctx, &mut cands);
    merge_connected(&ctx, &mut cands);
    extend_name_particles(&ctx, &mut cands);
    gazetteer_wins(&ctx, &mut cands);
    named_patterns(&ctx, &mut cands);
    facility_heads(&ctx, &mut cands);
    drop_non_names(&ctx, &mut cands);
    context_labels(&ctx, &mut cands);

    // Names the gazetteers know but the tagger missed.
    // Whether each sentence reads as a headline, read when first asked
    // (few sentences have a name to add).
    let mut headline_sentences: Vec<Option<bool>> = vec![None; layout.sentences.len()];
    let mut in_headline = |i: usize| {
        let s = sentence_of[i] as usize;
        *headline_sentences[s].get_or_insert_with(|| {
            let (a, b) = layout.sentences[s];
            analysis.is_headline(a, b)
        })
    };
    let mut covered = vec![false; toks.len()];
    for c in &cands {
        for x in covered.iter_mut().take(c.last + 1).skip(c.first) {
            *x = true;
        }
    }
    // Tokens before `next` are taken by the last name added.
    let mut next = 0;
    for &i in &ctx.gaz_starts {
        if i < next || covered[i] {
            continue;
        }
        if let Some((len, mask)) = analysis.gaz_at(i) {
            let last = i + len - 1;
            let free = (i..=last).all(|k| !covered[k]);
            let class = analysis.own_class(i);
            let capital = matches!(
                class,
                CapClass::InitCap | CapClass::AllCaps | CapClass::Mixed
            );
            let strong = mask & SWEEP != 0
                || (len > 1
                    && mask
                        & (Category::Organisation.bit()
                            | Category::Media.bit()
                            | Category::Region.bit()
                            | Category::Facility.bit())
                        != 0)
                || (class == CapClass::AllCaps
                    && words[i].chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && mask & (Category::Organisation.bit() | Category::Media.bit()) != 0);
            if free && capital && strong && mask & Category::Title.bit() == 0 && !in_headline(i) {
                let start = toks[i].span.start();
                let end = toks[last].span.end();
                let label = label_of_mask(mask, words, i);
                cands.push(Cand {
                    start,
                    end,
                    first: i,
                    last,
                    label,
                    title: None,
                    sure: true,
                    user: false,
                    by_context: false,
                    text_key: Cell::new(None),
                });
                for x in covered.iter_mut().take(last + 1).skip(i) {
                    *x = true;
                }
                next = last + 1;
            }
        }
    }

    // Hyphenated compounds: keep the name parts of one token
    // ("U.S.-brokered", "pro-Israeli", "Israeli-Palestinian"). Few
    // documents have one: the others keep their list as it is.
    let mut cands = if cands
        .iter()
        .any(|c| c.first == c.last && has_hyphen(words[c.first]))
    {
        split_compounds(&ctx, cands)
    } else {
        cands
    };

    // Possessives glued to the token ("Netanyahu’s").
    for c in &mut cands {
        let t = &text[c.start..c.end];
        for suffix in ["’s", "'s", "’S", "'S"] {
            if t.len() > suffix.len() + 1 && t.ends_with(suffix) {
                c.end -= suffix.len();
                break;
            }
        }
    }

    // User additions win over anything they overlap.
    let mut replacements = Vec::new();
    for add in additions {
        let n = add.words.len();
        for &(s, e) in &layout.sentences {
            let mut i = s;
            while i + n <= e {
                if (0..n).all(|k| words[i + k] == add.words[k]) {
                    replacements.push(Replacement {
                        first: i,
                        last: i + n - 1,
                        cand: Cand {
                            user: true,
                            ..ctx.cand(i, i + n - 1, add.label, true)
                        },
                    });
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
    }
    replace_all(&mut cands, replacements, toks.len());

    consistency(&ctx, &mut cands);

    title_case_headings(&ctx, &mut cands);

    // "Mr. al-Hayya": a name right after an honorific is a person, whatever
    // the tagger read in it.
    for c in &mut cands {
        if c.label != EntityLabel::Person
            && c.first > sent_start(c.first)
            && HONORIFICS.contains(&words[c.first - 1])
            && c.start == toks[c.first].span.start()
        {
            c.label = EntityLabel::Person;
        }
    }

    last_checks(&ctx, &mut cands);

    let user_tokens = (!additions.is_empty()).then(|| {
        let mut marked = vec![false; toks.len()];
        for c in cands.iter().filter(|c| c.user) {
            marked[c.first..=c.last].iter_mut().for_each(|m| *m = true);
        }
        marked
    });
    defer_to_tagger(
        &ctx,
        &mut cands,
        &coarse,
        defer_margin,
        user_tokens.as_deref(),
    );

    // Titles before PERSON mentions ("Prime Minister Benjamin Netanyahu").
    for c in &mut cands {
        if c.label != EntityLabel::Person
            || c.title.is_some()
            || c.start != toks[c.first].span.start()
        {
            continue;
        }
        let s = sent_start(c.first);
        let mut best: Option<usize> = None;
        for back in 1..=4usize {
            if c.first < s + back {
                break;
            }
            let j = c.first - back;
            if let Some((len, _)) = ctx.title_at(j, c.first) {
                if j + len == c.first {
                    best = Some(j);
                }
            }
        }
        if let Some(j) = best {
            c.title = Some(byte_range(toks, j, c.first - 1));
        }
    }

    // Canonical names and the final, non-overlapping layer.
    for c in &mut cands {
        trim_space(text, c);
    }
    cands.retain(|c| {
        c.start < c.end
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
            && c.last - c.first < MAX_ENTITY_TOKENS
            && c.end - c.start <= MAX_ENTITY_BYTES
    });
    sort_unless_sorted(&mut cands, |c| (c.start, std::cmp::Reverse(c.end)));
    let mut out: Vec<Entity> = Vec::with_capacity(cands.len());
    let mut last_end = 0;
    for c in &cands {
        if c.start < last_end {
            continue;
        }
        last_end = c.end;
        out.push(Entity {
            span: Span::from_boundaries(text, c.start, c.end),
            label: c.label,
            canonical: None,
            title: c
                .title
                .map(|(a, b)| text.get(a..b).unwrap_or("").to_string()),
        });
    }
    canonical_names(text, &mut out);
    out
}

/// Puts back, as the tagger read them, the spans it was sure of
/// ([`CoarseEntity::margin`] at least `min_margin`) that the rules dropped,
/// cut or gave another coarse type, replacing whatever now overlaps them;
/// spans the rules grew, hyphenated compounds, spans decided by cues the
/// tagger does not weigh (`by_context`) and spans from the `gazetteer`
/// option (`user`) stay as the rules left them.
fn defer_to_tagger(
    ctx: &Ctx,
    cands: &mut Vec<Cand>,
    coarse: &[CoarseEntity],
    min_margin: f32,
    user: Option<&[bool]>,
) {
    sort_by_first(cands);
    let mut back = Vec::new();
    // The first candidate that may overlap the tagger's span: the spans
    // come in reading order, so it only moves on.
    let mut from = 0;
    for ce in coarse {
        if ce.margin < min_margin {
            continue;
        }
        if user.is_some_and(|u| u[ce.first..=ce.last].iter().any(|&m| m)) {
            continue;
        }
        // Hyphenated compounds keep their name parts: the scheme of the
        // output, where CoNLL tags "ex-England" MISC whole.
        if ce.first == ce.last && has_hyphen(ctx.words[ce.first]) {
            continue;
        }
        let (start, end) = (ce.span.start(), ce.span.end());
        let kind = ce.kind.as_str();
        let mut by_context = false;
        let mut kept = false;
        from = first_overlapping(cands, from, ce.first);
        for c in overlapping_from(&cands[from..], ce.first, ce.last) {
            by_context |= c.by_context;
            // Kept, or grown by a rule ("Abdel Fattah" + "el-Sisi", "Middle
            // East" + "Institute"): the tagger's margin says nothing of
            // where a span ends.
            let same = c.start == start && c.end == end;
            let grown = c.start <= start && c.end >= end && !same;
            kept |= (same && c.label.conll() == kind) || grown;
        }
        if by_context || kept {
            continue;
        }
        let words = ctx.words;
        let mask = ctx.gaz.lookup(&ctx.text[start..end]);
        let (fine, _) = fine_label(ce.kind, &words[ce.first..=ce.last], mask, ce.first, words);
        let label = if fine.conll() == kind {
            fine
        } else {
            match ce.kind {
                Coarse::Per => EntityLabel::Person,
                Coarse::Org => EntityLabel::Org,
                Coarse::Loc => EntityLabel::Gpe,
                Coarse::Misc if ce.first == ce.last => EntityLabel::Norp,
                Coarse::Misc => EntityLabel::Misc,
            }
        };
        back.push(Replacement {
            first: ce.first,
            last: ce.last,
            cand: ctx.cand(ce.first, ce.last, label, true),
        });
    }
    replace_all(cands, back, ctx.toks.len());
}

/// Honorifics only ever written before a person's name.
const HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Miss"];

/// Moves the span's edges inside any white space (an entity never starts or
/// ends with it, whatever the tokens were).
fn trim_space(text: &str, c: &mut Cand) {
    let Some(t) = text.get(c.start..c.end) else {
        return;
    };
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail >= t.len() {
        c.end = c.start;
    } else {
        c.start += lead;
        c.end -= trail;
    }
}

/// Is `w` in lower case one of `list` (words in lower-case ASCII)? An
/// ASCII word is compared as it is, without lower-casing it into a new
/// string.
fn lower_in(list: &[&str], w: &str) -> bool {
    if w.is_ascii() {
        list.iter().any(|e| w.eq_ignore_ascii_case(e))
    } else {
        let l = w.to_lowercase();
        list.contains(&l.as_str())
    }
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn starts_with_words(words: &[&str], expected: &[&str]) -> bool {
    words.len() >= expected.len()
        && words
            .iter()
            .zip(expected)
            .all(|(w, e)| w.eq_ignore_ascii_case(e))
}

fn is_possessive(w: &str) -> bool {
    let mut it = w.chars().map(normalize_char);
    matches!(
        (it.next(), it.next(), it.next()),
        (Some('\''), None, None) | (Some('\''), Some('s' | 'S'), None)
    )
}

fn has_hyphen(w: &str) -> bool {
    // In ASCII only '-' itself reads as a hyphen: a word with neither '-'
    // nor a byte beyond ASCII has none, found in one pass over its bytes.
    if !w.bytes().any(|b| b == b'-' || !b.is_ascii()) {
        return false;
    }
    if w.is_ascii() {
        return w.len() > 2;
    }
    w.chars().any(|c| normalize_char(c) == '-') && w.chars().count() > 2
}

/// The bytes from token `a` to token `b`.
fn byte_range(toks: &[lede_core::Token], a: usize, b: usize) -> (usize, usize) {
    (toks[a].span.start(), toks[b].span.end())
}

/// Sorts by `key`, as the stable sort does. Most passes leave their list
/// in order, and checking that is cheaper than the sort, which sets up a
/// scratch buffer (on the heap for more than a few dozen items) before it
/// finds the order already made.
fn sort_unless_sorted<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if !items.is_sorted_by_key(&key) {
        items.sort_by_key(key);
    }
}

/// Sorts candidates by first token ([`sort_unless_sorted`]).
fn sort_by_first(cands: &mut [Cand]) {
    sort_unless_sorted(cands, |c| c.first);
}

/// A candidate that replaces whatever overlaps tokens `first..=last`.
struct Replacement {
    first: usize,
    last: usize,
    cand: Cand,
}

/// Applies replacements in one pass (linear, unlike replacing one at a
/// time): of overlapping replacements the first wins; the result is sorted
/// by first token.
fn replace_all(cands: &mut Vec<Cand>, mut news: Vec<Replacement>, n_tokens: usize) {
    if news.is_empty() {
        return;
    }
    sort_unless_sorted(&mut news, |r| r.first);
    let mut taken = vec![false; n_tokens];
    let mut kept = Vec::with_capacity(news.len());
    for r in news {
        let range = r.first..=r.last.min(n_tokens.saturating_sub(1));
        if taken[range.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[range].iter_mut().for_each(|t| *t = true);
        kept.push(r.cand);
    }
    cands.retain(|c| !taken[c.first..=c.last].iter().any(|&t| t));
    cands.extend(kept);
    sort_by_first(cands);
}

/// Where the candidates that may overlap token `first` begin, in a list
/// sorted by first token whose spans are at most [`MAX_ENTITY_TOKENS`]
/// long, given where they began for an earlier token (`from`): the
/// cursor moves on for a later token and is searched for otherwise.
fn first_overlapping(cands: &[Cand], from: usize, first: usize) -> usize {
    let behind = |c: &Cand| c.first + MAX_ENTITY_TOKENS < first;
    if from > 0 && cands.get(from - 1).is_none_or(|c| !behind(c)) {
        return cands.partition_point(behind);
    }
    let mut lo = from.min(cands.len());
    while lo < cands.len() && behind(&cands[lo]) {
        lo += 1;
    }
    lo
}

/// Candidates overlapping tokens `first..=last`, from a list sorted by
/// first token whose spans are at most [`MAX_ENTITY_TOKENS`] long.
fn overlapping(cands: &[Cand], first: usize, last: usize) -> impl Iterator<Item = &Cand> {
    let lo = cands.partition_point(|c| c.first + MAX_ENTITY_TOKENS < first);
    overlapping_from(&cands[lo..], first, last)
}

/// [`overlapping`], given the candidates from the first that may overlap
/// ([`first_overlapping`]).
fn overlapping_from(cands: &[Cand], first: usize, last: usize) -> impl Iterator<Item = &Cand> {
    cands
        .iter()
        .take_while(move |c| c.first <= last)
        .filter(move |c| c.last >= first)
}

/// Capitalised words that open questions and clauses, never a name's first
/// word at the start of a sentence ("Can Trump Lead Us?", "Will Hamas
/// agree?").
const OPENERS: &[&str] = &[
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Must",
    "Shall",
    "Does",
    "Did",
    "Do",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Why",
    "How",
    "What",
    "When",
    "Where",
    "Who",
    "Which",
    "While",
    "If",
    "Although",
    "Though",
    "Because",
    "Since",
    "Unless",
    "After",
    "Before",
    "As",
    "And",
    "But",
    "So",
    "Yet",
    "Then",
    "Meanwhile",
    "However",
    "Still",
    "Even",
    "Only",
    "Now",
    "Here",
    "There",
    "Inside",
    "Outside",
    "Without",
    "Under",
    "Amid",
    "Despite",
];
