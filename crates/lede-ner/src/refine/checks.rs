//! Checks on the finished candidates: capitalised common words opening a
//! sentence or a title-case line, pronouns, party-state tags, laws and
//! streets named by their head word, and Title Case headings.

use super::*;

pub(super) const LAW_HEADS: &[&str] = &[
    "act",
    "treaty",
    "accords",
    "accord",
    "amendment",
    "charter",
    "law",
];
pub(super) const STREET_HEADS: &[&str] =
    &["st.", "st", "street", "avenue", "ave.", "road", "boulevard"];

/// Checks on the finished candidates, for errors seen in news off the
/// training data: capitalised common words at a sentence start or in a
/// title-case line ("Analysis", "Very", "Negotiation Leverage Kills
/// Dozens"), pronouns ("Us"), party-state tags ("D-Mass."), laws named by
/// their head ("Inflation Reduction Act"), streets ("Downing St.") and
/// organisations whose head noun the tagger left out ("Middle East" +
/// "Institute").
pub(super) fn last_checks(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let title_case = ctx.title_case;
    sort_by_first(cands);
    let mut taken = vec![false; ctx.toks.len()];
    for c in cands.iter() {
        taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
    }
    let opens_at = |c: &Cand| {
        let (s, _) = ctx.sentence_range(c.first);
        c.first == s || (c.first == s + 1 && !ctx.words[s].chars().any(char::is_alphanumeric))
    };
    let in_title_case_at = |c: &Cand| {
        ctx.sentence_of
            .get(c.first)
            .is_some_and(|&k| title_case[k as usize])
    };
    // Each test is made only when the ones before leave the answer open,
    // cheapest first. A candidate opening a sentence, made of common words
    // and not listed is kept only if the article also names its text
    // inside running text ("Reading" the club in "beat Reading 2-1"): its
    // verdict waits (`None`) for those texts, which are keyed only in the
    // documents that have such a candidate.
    let verdicts: Vec<Option<bool>> = cands
        .iter()
        .map(|c| {
            let t = &ctx.text[c.start..c.end];
            // Headlines in capitals are left to the tagger, which learnt them.
            let all_caps = || !t.chars().any(char::is_lowercase);
            // The pronouns are ASCII, so an ASCII case fold finds them.
            let pronoun = t.len() <= 5 && is_not_name(t) && !all_caps();
            if pronoun || is_party_state(t) {
                return Some(false);
            }
            let at_opening = opens_at(c);
            let in_title_case = in_title_case_at(c);
            if !(at_opening || in_title_case) || all_caps() {
                return Some(true);
            }
            let all_common = (c.first..=c.last).all(|k| {
                ctx.is_common(k) || !ctx.words[k].chars().next().is_some_and(char::is_alphabetic)
            });
            if !all_common || ctx.mask(c) != 0 {
                return Some(true);
            }
            if in_title_case {
                return Some(false);
            }
            None
        })
        .collect();
    let mut named_inside: Vec<u64> = Vec::new();
    if verdicts.iter().any(Option::is_none) {
        named_inside = cands
            .iter()
            .filter(|c| !opens_at(c) && !in_title_case_at(c))
            .map(|c| ctx.keyed(c).0)
            .collect();
        named_inside.sort_unstable();
    }
    let mut verdict = verdicts.iter();
    cands.retain(|c| match verdict.next() {
        Some(&Some(keep)) => keep,
        _ => named_inside.binary_search(&ctx.keyed(c).0).is_ok(),
    });
    for c in cands.iter_mut() {
        let multi = c.last > c.first;
        if multi
            && matches!(
                c.label,
                EntityLabel::Org | EntityLabel::Misc | EntityLabel::Event
            )
            && ctx.capitalised(c.last)
            && ctx.lower_in(c.last, LAW_HEADS)
        {
            c.label = EntityLabel::Law;
            c.sure = true;
            c.by_context = true;
        }
        if multi
            && matches!(
                c.label,
                EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Loc
            )
            && ctx.lower_in(c.last, STREET_HEADS)
        {
            c.label = EntityLabel::Fac;
            c.sure = true;
            c.by_context = true;
        }
        // "Middle East" + "Institute": a capitalised head noun of an
        // organisation right after the span, in its sentence. A head noun
        // in capitals is not one: an all-caps line says nothing of case
        // ("SCOTTISH LEAGUE STANDINGS" are the Scottish league's).
        let next = c.last + 1;
        if c.end == ctx.toks[c.last].span.end()
            && next < ctx.toks.len()
            && !taken[next]
            && ctx.same_sentence(c.last, next)
            && ctx.capitalised(next)
            && !is_all_caps_word(ctx.words[next])
            && c.last + 1 - c.first < MAX_ENTITY_TOKENS
            && matches!(
                c.label,
                EntityLabel::Loc | EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Org
            )
            && ctx.lower_in(next, ORG_HEADS)
        {
            taken[next] = true;
            c.last = next;
            c.end = ctx.toks[next].span.end();
            c.label = EntityLabel::Org;
            c.sure = true;
        }
    }
    laws_by_head(ctx, &taken, cands);
}

/// "The Inflation Reduction Act was signed": capitalised words ending in
/// "Act" or "Treaty" that the tagger left out are a LAW.
pub(super) fn laws_by_head(ctx: &Ctx, taken: &[bool], cands: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for i in ctx.cue_tokens(Cue::LawHead) {
        if i == 0 || taken[i] {
            continue;
        }
        let (s, _) = ctx.sentence_range(i);
        let mut first = i;
        while first > s
            && i - first + 1 < MAX_ENTITY_TOKENS
            && !taken[first - 1]
            && ctx.capitalised(first - 1)
            && !ctx.words[first - 1].eq_ignore_ascii_case("the")
        {
            first -= 1;
        }
        if first < i {
            added.push(ctx.cand(first, i, EntityLabel::Law, true));
        }
    }
    if !added.is_empty() {
        cands.extend(added);
        sort_by_first(cands);
    }
}

/// "D-Mass.", "R-Texas": a US legislator's party and state.
pub(super) fn is_party_state(t: &str) -> bool {
    let mut it = t.chars();
    matches!(it.next(), Some('D' | 'R' | 'I'))
        && it.next().is_some_and(|c| normalize_char(c) == '-')
        && it.next().is_some_and(char::is_uppercase)
        && it.all(|c| c.is_alphabetic() || c == '.')
}

/// In Title Case headings every word is capitalised, so the tagger's
/// capital-letter clues mislead: keep only names known from the lists or
/// from the rest of the document, and the known names inside longer spans.
pub(super) fn title_case_headings(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let Some((heading, common)) = ctx.headings else {
        return;
    };
    let in_heading = |c: &Cand| {
        ctx.sentence_of
            .get(c.first)
            .is_some_and(|&s| heading[s as usize])
    };
    // Names outside the headings are keyed only when some name is in one.
    if !cands.iter().any(in_heading) {
        return;
    }
    // Which texts of the names in the headings, and of their capitalised
    // words, the names outside the headings have, as a whole or as their
    // last word. Only those few keys are asked for, so they are the ones
    // looked for (`asked`, sorted, with `known` alongside) instead of
    // putting every key outside the headings in a set.
    let mut asked: Vec<u64> = Vec::new();
    for c in cands.iter().filter(|c| in_heading(c)) {
        asked.push(ctx.bare_key(c));
        for k in (c.first..=c.last).filter(|&k| ctx.capitalised(k)) {
            asked.push(ctx.bare_word_key(k));
        }
    }
    asked.sort_unstable();
    asked.dedup();
    let mut known = vec![false; asked.len()];
    for c in cands.iter().filter(|c| !in_heading(c)) {
        for key in [ctx.bare_key(c), ctx.bare_word_key(c.last)] {
            if let Ok(at) = asked.binary_search(&key) {
                known[at] = true;
            }
        }
    }
    let is_known = |key: &u64| asked.binary_search(key).is_ok_and(|at| known[at]);
    let strong =
        SWEEP | Category::Organisation.bit() | Category::Media.bit() | Category::Region.bit();
    let kept = |c: &Cand| {
        let key = ctx.bare_key(c);
        is_known(&key) || ctx.gaz.lookup_key(key) & strong != 0
    };
    // Most documents keep the names in their headings: their list stays.
    if cands.iter().all(|c| !in_heading(c) || kept(c)) {
        return;
    }
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if !in_heading(&c) {
            out.push(c);
            continue;
        }
        if kept(&c) {
            out.push(c);
            continue;
        }
        // Known names inside a longer span ("Lies Behind Trump’s"), with
        // their keys.
        let known_parts: Vec<(usize, u64)> = (c.first..=c.last)
            .filter(|&k| ctx.capitalised(k))
            .map(|k| (k, ctx.bare_word_key(k)))
            .filter(|(_, key)| is_known(key))
            .collect();
        if !known_parts.is_empty() {
            for (k, key) in known_parts {
                let w = strip_possessive(ctx.words[k]);
                let mask = ctx.gaz.lookup_key(key);
                let label = if mask & strong != 0 {
                    label_of_mask(mask, ctx.words, k)
                } else {
                    EntityLabel::Person
                };
                let mut nc = ctx.cand(k, k, label, true);
                nc.end = nc.start + w.len();
                out.push(nc);
            }
            continue;
        }
        // Names made of words the document never writes in lower case
        // ("Credit: Kenny Holston") stay.
        let uncommon =
            (c.first..=c.last).all(|k| !ctx.capitalised(k) || !common.is_common(ctx.words[k]));
        if uncommon {
            out.push(c);
            continue;
        }
        for k in c.first..=c.last {
            let mask = ctx.word_mask(k);
            if mask & SWEEP != 0 && ctx.capitalised(k) {
                out.push(ctx.cand(k, k, label_of_mask(mask, ctx.words, k), true));
            }
        }
    }
    *cands = out;
}

/// A word of two letters or more, all in capitals ("LEAGUE").
fn is_all_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}
