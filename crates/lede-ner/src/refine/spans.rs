//! Rules that grow, merge, split or drop the tagger's spans: surnames after
//! first names, organisations joined by "of", name particles, longer
//! gazetteer names, named patterns, facility heads and non-names.

use super::*;
use crate::packed::{packed_list, packed_lower};

/// Months that are also last names ("Theresa May"): the tagger, which
/// learnt them as dates, tags the first name alone.
pub(super) fn is_month_name(w: &str) -> bool {
    Cue::of(w) == Some(Cue::Month)
}

/// "Theresa" + "May": a one-word PERSON takes the capitalised word after it
/// when that word is a month not followed by a day (a date does not follow a
/// bare name), or when the PERSON is a known first name and the word is one
/// news does not write in lower case.
pub(super) fn surname_after_first_name(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut taken = vec![false; ctx.toks.len()];
    for c in cands.iter() {
        taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
    }
    // A known first name the tagger left out, before a month ("Theresa May
    // met ..."), is a one-word PERSON to extend.
    for month in ctx.cue_tokens(Cue::Month) {
        let Some(i) = month.checked_sub(1) else {
            continue;
        };
        if !taken[i]
            && !taken[month]
            && ctx.same_sentence(i, month)
            && ctx.class(i) == CapClass::InitCap
            && ctx.word_mask(i) & Category::FirstName.bit() != 0
        {
            cands.push(ctx.cand(i, i, EntityLabel::Person, false));
        }
    }
    sort_by_first(cands);
    for c in cands.iter_mut() {
        let next = c.last + 1;
        if c.label != EntityLabel::Person
            || c.first != c.last
            || c.end != ctx.toks[c.last].span.end()
            || next >= ctx.toks.len()
            || taken[next]
            || !ctx.same_sentence(c.last, next)
        {
            continue;
        }
        let w = ctx.words[next];
        let init_cap = ctx.class(next) == CapClass::InitCap;
        let first_name = ctx.word_mask(c.last) & Category::FirstName.bit() != 0;
        // "Theresa May met", not "Netanyahu May 5".
        let month = is_month_name(w)
            && ctx
                .words
                .get(next + 1)
                .is_none_or(|n| !n.starts_with(|d: char| d.is_ascii_digit()));
        if init_cap
            && (month || first_name && !ctx.is_common(next))
            && (month || ctx.word_mask(next) == 0)
        {
            taken[next] = true;
            c.last = next;
            c.end = ctx.toks[next].span.end();
        }
    }
}

/// "Popular Front" + "for the" + "Liberation of Palestine" is one ORG.
pub(super) fn merge_connected(ctx: &Ctx, cands: &mut Vec<Cand>) {
    sort_by_first(cands);
    // `b` joins the candidate kept before it, `a`, in place.
    cands.dedup_by(|b, a| {
        let gap = &ctx.words[(a.last + 1).min(b.first)..b.first];
        let is = |w: &str, e: &str| w.eq_ignore_ascii_case(e);
        let joins = match gap {
            [w] => ["for", "of", "on"].iter().any(|e| is(w, e)),
            [w, the] => ["for", "of", "on"].iter().any(|e| is(w, e)) && is(the, "the"),
            _ => false,
        };
        if joins
            && a.label == EntityLabel::Org
            && b.last - a.first < MAX_ENTITY_TOKENS
            && matches!(
                b.label,
                EntityLabel::Org
                    | EntityLabel::Gpe
                    | EntityLabel::Loc
                    | EntityLabel::Misc
                    | EntityLabel::Norp
            )
            && ctx.same_sentence(a.first, b.last)
            && ctx.mask(a) & SWEEP == 0
            && (b.label == EntityLabel::Org || institution_head(ctx, a.last))
        {
            a.end = b.end;
            a.last = b.last;
            a.sure = true;
            true
        } else {
            false
        }
    });
}

/// Does the ORG ending at token `last` name an institution by a common
/// noun ("Bank", "Ministry", "University") that a place can complete ("Bank
/// of England")? A company or team ("Kia Motor Corp", "Benetton") followed
/// by "of" and a place is located, not named, by it.
pub(super) fn institution_head(ctx: &Ctx, last: usize) -> bool {
    lower_in(INSTITUTION_HEADS, ctx.words[last])
}

pub(super) const INSTITUTION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "chamber",
    "church",
    "club",
    "college",
    "command",
    "commission",
    "committee",
    "corps",
    "council",
    "court",
    "department",
    "exchange",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "house",
    "institute",
    "league",
    "ministry",
    "movement",
    "museum",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "republic",
    "school",
    "secretariat",
    "senate",
    "service",
    "society",
    "tribunal",
    "union",
    "university",
];

pub(super) const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "ben", "abu", "al", "el", "van", "von", "de", "da", "der", "du", "la",
    "le",
];

/// "Abdel Fattah el-Sisi", "Mohammed bin Abdulrahman Al Thani": lower-case
/// particles inside Arabic and European names.
pub(super) fn extend_name_particles(ctx: &Ctx, cands: &mut Vec<Cand>) {
    sort_by_first(cands);
    // End of the last extended name: candidates inside it are dropped.
    let mut extended_to: Option<usize> = None;
    cands.retain_mut(|c| {
        if extended_to.is_some_and(|e| c.first <= e) {
            return false;
        }
        if c.label != EntityLabel::Person {
            return true;
        }
        let first = c.first;
        let room = |last: usize| last + 1 - first <= MAX_ENTITY_TOKENS;
        let mut last = c.last;
        loop {
            let next = last + 1;
            if next >= ctx.toks.len() || !ctx.same_sentence(next, last) || !room(next) {
                break;
            }
            let w = ctx.words[next];
            // el-Sisi, al-Hayya: a particle glued by a hyphen to a capital.
            let glued = w.split_once('-').is_some_and(|(p, rest)| {
                PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
            });
            if glued {
                last = next;
                continue;
            }
            if PARTICLES.contains(&w)
                && ctx.capitalised(next + 1)
                && ctx.same_sentence(next, next + 1)
                && room(next + 1)
            {
                last = next + 1;
                // Take the capitalised words that follow ("Al Thani").
                while room(last + 1)
                    && ctx.capitalised(last + 1)
                    && ctx.same_sentence(last, last + 1)
                    && !is_possessive(ctx.words[last + 1])
                    && ctx.word_mask(last + 1) & SWEEP == 0
                {
                    last += 1;
                }
                continue;
            }
            break;
        }
        if last != c.last {
            c.last = last;
            c.end = ctx.toks[last].span.end();
            c.sure = true;
            extended_to = Some(last);
        }
        true
    });
}

/// Countries, cities and regions: a span made only of these is split.
pub(super) const PLACES: u16 =
    (1 << Category::Country as u8) | (1 << Category::City as u8) | (1 << Category::Region as u8);

/// Lower-case words that may sit inside a name.
pub(super) const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "on", "de", "el", "al", "bin", "ibn", "la", "le",
];

/// A longer gazetteer name wins over the tagger's shorter guess ("Channel
/// 13" over "Channel", "Rafah crossing" over "Rafah"), and a tagged span that
/// is just several listed names in a row is split ("U.S. Middle East").
pub(super) fn gazetteer_wins(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let strong = SWEEP
        | Category::Organisation.bit()
        | Category::Media.bit()
        | Category::Region.bit()
        | Category::Facility.bit();
    let mut new = Vec::new();
    // The longest match at each token where one starts, left to right. A
    // match ends inside its sentence ([`Ctx::gaz_at`]) and the sentences
    // come in order, so one pass over all the starts reads each sentence's.
    let mut next = 0;
    for &i in &ctx.gaz_starts {
        if i < next {
            continue;
        }
        let Some((len, mask)) = ctx.gaz_at(i) else {
            continue;
        };
        let last = i + len - 1;
        next = last + 1;
        let cased = || {
            mask & Category::Facility.bit() != 0
                || (i..=last).all(|k| {
                    ctx.capitalised(k)
                        || !ctx.words[k].chars().next().is_some_and(char::is_alphabetic)
                        || CONNECTORS.contains(&ctx.words[k])
                })
        };
        let ends_in_word = || {
            ctx.words[last]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        if mask & strong != 0
            && mask & Category::Title.bit() == 0
            && ctx.capitalised(i)
            && cased()
            && ends_in_word()
        {
            new.push((i, last, mask));
        }
    }
    sort_by_first(cands);
    let mut replacements = Vec::new();
    for &(first, last, mask) in &new {
        if last == first {
            continue;
        }
        let mut any = false;
        let mut inside = true;
        let mut longer = true;
        for c in overlapping(cands, first, last) {
            any = true;
            inside &= c.first >= first && c.last <= last;
            longer &= c.last - c.first < last - first;
        }
        if any && inside && longer {
            let label = label_of_mask(mask, ctx.words, first);
            replacements.push(Replacement {
                first,
                last,
                cand: ctx.cand(first, last, label, true),
            });
        }
    }
    replace_all(cands, replacements, ctx.toks.len());
    // Split a candidate made of listed names only: two places or more
    // among the matches inside it that cover it. Candidates come by first
    // token, so the first match at or after each one only moves on.
    let places = |from: usize, last: usize| {
        new[from..]
            .iter()
            .take_while(move |(f, _, _)| *f <= last)
            .filter(move |(_, l, m)| *l <= last && m & PLACES != 0)
    };
    // (candidate, its first match): few documents have one, and the others
    // keep their list as it is.
    let mut splits: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for (k, c) in cands.iter().enumerate() {
        while from < new.len() && new[from].0 < c.first {
            from += 1;
        }
        let (count, covered) = places(from, c.last).fold((0, 0), |(n, covered), (f, l, _)| {
            (n + 1, covered + l - f + 1)
        });
        if count >= 2 && covered == c.last - c.first + 1 {
            splits.push((k, from));
        }
    }
    if splits.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(cands.len() + splits.len());
    let mut splits = splits.into_iter().peekable();
    for (k, c) in cands.drain(..).enumerate() {
        let Some(&(_, from)) = splits.peek().filter(|s| s.0 == k) else {
            out.push(c);
            continue;
        };
        splits.next();
        for &(f, l, mask) in places(from, c.last) {
            out.push(Cand {
                by_context: true,
                ..ctx.cand(f, l, label_of_mask(mask, ctx.words, f), true)
            });
        }
    }
    *cands = out;
    sort_by_first(cands);
}

/// Hyphenated compounds keep the name parts of their one token
/// ("U.S.-brokered", "pro-Israeli", "Israeli-Palestinian"), and "Trump-led"
/// its leading name.
pub(super) fn split_compounds(ctx: &Ctx, cands: Vec<Cand>) -> Vec<Cand> {
    let (words, gaz) = (ctx.words, ctx.gaz);
    let sent_start = |i: usize| ctx.sentence_range(i).0;
    let mut split_cands: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if c.first == c.last && has_hyphen(words[c.first]) {
            let parts = hyphen_parts(words[c.first]);
            let named: Vec<(usize, usize)> = parts
                .iter()
                .copied()
                .filter(|&(a, b)| {
                    let p = &words[c.first][a..b];
                    p.chars().next().is_some_and(char::is_uppercase) && gaz.lookup(p) & SWEEP != 0
                })
                .collect();
            let lower_parts = parts.iter().any(|&(a, b)| {
                words[c.first][a..b]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            });
            let whole_known = ctx.word_mask(c.first) != 0;
            if !whole_known && (named.len() >= 2 || (lower_parts && !named.is_empty())) {
                for (a, b) in named {
                    let p = &words[c.first][a..b];
                    let mut nc = c.clone();
                    nc.start = c.start + a;
                    nc.end = c.start + b;
                    nc.label = label_of_mask(gaz.lookup(p), words, c.first);
                    nc.sure = true;
                    split_cands.push(nc);
                }
                continue;
            }
            // "Ata-ur-Rehman", "Inzamam-ul-Haq": a name with lower-case
            // particles, kept whole.
            let later_capital = parts.iter().skip(1).any(|&(a, b)| {
                words[c.first][a..b]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            });
            if lower_parts && named.is_empty() && !later_capital {
                // "Trump-led": keep the leading capitalised part.
                if let Some(&(a, b)) = parts.first() {
                    let p = &words[c.first][a..b];
                    if p.chars().next().is_some_and(char::is_uppercase) && parts.len() > 1 {
                        // "T-bills", "Post-mortem examinations": a letter, or
                        // a common word opening the sentence, is no name.
                        let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                        let opener_word = c.first == sent_start(c.first) && gaz.is_common(p);
                        if letters < 2 || opener_word {
                            continue;
                        }
                        let mut nc = c.clone();
                        nc.end = c.start + b;
                        // The compound as a whole was read as MISC; its name
                        // part is a person unless it reads as a nationality
                        // or is written in capitals ("KDP-controlled": an
                        // organisation). "Boston-based", "Amman-bound": a place.
                        let rest =
                            words[c.first][b..].trim_start_matches(|c| normalize_char(c) == '-');
                        if PLACE_SUFFIXES.iter().any(|s| rest.eq_ignore_ascii_case(s)) {
                            nc.label = EntityLabel::Gpe;
                        } else if matches!(c.label, EntityLabel::Misc | EntityLabel::Norp)
                            && !p.chars().any(char::is_lowercase)
                        {
                            nc.label = EntityLabel::Org;
                        } else if matches!(c.label, EntityLabel::Misc | EntityLabel::Norp)
                            && !looks_like_demonym(p)
                        {
                            nc.label = EntityLabel::Person;
                        }
                        split_cands.push(nc);
                        continue;
                    }
                }
            }
        }
        split_cands.push(c);
    }
    split_cands
}

/// The rest of a hyphenated compound whose name part is a place.
const PLACE_SUFFIXES: &[&str] = &[
    "based",
    "born",
    "bound",
    "registered",
    "headquartered",
    "listed",
];

/// "Kurdish", "Israeli", "Egyptian": adjective endings of nationalities.
fn looks_like_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    ["an", "ans", "ian", "ians", "ish", "ese", "i", "is", "ic"]
        .iter()
        .any(|s| l.ends_with(s))
}

/// Byte ranges of the parts of a token split at hyphens and dashes.
fn hyphen_parts(w: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in w.char_indices() {
        if normalize_char(c) == '-' {
            if i > start {
                parts.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < w.len() {
        parts.push((start, w.len()));
    }
    parts
}

pub(super) fn is_open_quote(w: &str) -> bool {
    matches!(w, "“" | "‘" | "\"" | "'" | "«")
}

pub(super) fn is_close_quote(w: &str) -> bool {
    matches!(w, "”" | "’" | "\"" | "'" | "»")
}

/// Patterns that name things: `Operation “Name”` (EVENT, the name only) and
/// `Resolution 2735` (LAW).
pub(super) fn named_patterns(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut replacements = Vec::new();
    for i in ctx.cue_tokens(Cue::Pattern) {
        let w = ctx.words[i];
        let (_, end) = ctx.sentence_range(i);
        if w == "Operation" && i + 1 < end {
            let mut first = i + 1;
            let quoted = is_open_quote(ctx.words[first]);
            if quoted {
                first += 1;
            }
            let mut last = first;
            if quoted {
                while last < end && last < first + 6 && !is_close_quote(ctx.words[last]) {
                    last += 1;
                }
                if last >= end || !is_close_quote(ctx.words[last]) || last == first {
                    continue;
                }
                last -= 1;
            } else {
                if first >= end || !ctx.capitalised(first) {
                    continue;
                }
                while last + 1 < end
                    && last + 1 - first < MAX_ENTITY_TOKENS
                    && ctx.capitalised(last + 1)
                {
                    last += 1;
                }
            }
            replacements.push(Replacement {
                first: i,
                last,
                cand: ctx.cand(first, last, EntityLabel::Event, true),
            });
        }
        if (w == "Resolution" || w == "resolution")
            && i + 1 < end
            && ctx.words[i + 1].bytes().all(|b| b.is_ascii_digit())
        {
            replacements.push(Replacement {
                first: i,
                last: i + 1,
                cand: ctx.cand(i, i + 1, EntityLabel::Law, true),
            });
        }
    }
    replace_all(cands, replacements, ctx.toks.len());
    sort_by_first(cands);
}

/// "Rafah crossing" and "Philadelphi axis" are facilities with their
/// lower-case head; "Four Seasons resort" is a facility without it.
pub(super) fn facility_heads(ctx: &Ctx, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let next = c.last + 1;
        if next >= ctx.toks.len()
            || !ctx.same_sentence(c.last, next)
            || c.end != ctx.toks[c.last].span.end()
        {
            continue;
        }
        let head = ctx.words[next];
        if matches!(head, "crossing" | "corridor" | "axis") {
            c.last = next;
            c.end = ctx.toks[next].span.end();
            c.label = EntityLabel::Fac;
            c.sure = true;
        } else if matches!(
            head,
            "resort" | "hotel" | "airport" | "compound" | "palace" | "mosque" | "stadium"
        ) && matches!(
            c.label,
            EntityLabel::Misc
                | EntityLabel::Org
                | EntityLabel::Norp
                | EntityLabel::Fac
                | EntityLabel::Loc
        ) {
            c.label = EntityLabel::Fac;
            c.sure = true;
        }
    }
}

pub(super) const NOT_NAMES: &[&str] = &[
    "us", "we", "i", "he", "she", "it", "they", "them", "this", "that", "these", "those", "our",
    "your", "my", "his", "her", "their", "who", "what", "where", "when", "why", "how",
];

/// Ordinal words, never a name on their own.
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

const NOT_NAME_CODES: [u64; NOT_NAMES.len()] = packed_list(NOT_NAMES);
const ORDINAL_CODES: [u64; ORDINALS.len()] = packed_list(ORDINALS);

/// The letters a list's words begin with (`last` false) or end with, as
/// bits (`a` is bit 0), for lists of lower-case ASCII words.
const fn letters_of(list: &[&str], last: bool) -> u32 {
    let mut bits = 0u32;
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        let b = if last { w[w.len() - 1] } else { w[0] };
        assert!(b.is_ascii_lowercase(), "word lists hold lower-case words");
        bits |= 1 << (b - b'a');
        i += 1;
    }
    bits
}

/// Is byte `b`, lower-cased, a letter of `letters` ([`letters_of`])?
fn is_letter_of(letters: u32, b: u8) -> bool {
    let l = b.to_ascii_lowercase();
    l.is_ascii_lowercase() && letters & (1 << (l - b'a')) != 0
}

const NOT_NAME_FIRSTS: u32 = letters_of(NOT_NAMES, false);
const ORDINAL_LASTS: u32 = letters_of(ORDINALS, true);

/// Is `t`, in any case, one of [`NOT_NAMES`]? Most texts are told apart by
/// their first letter before they are read whole.
pub(super) fn is_not_name(t: &str) -> bool {
    t.as_bytes()
        .first()
        .is_some_and(|&b| is_letter_of(NOT_NAME_FIRSTS, b))
        && packed_lower(t.as_bytes()).is_some_and(|code| NOT_NAME_CODES.contains(&code))
}

/// Is `t`, in any case, one of [`ORDINALS`]? Most texts are told apart by
/// their last letter before they are read whole.
fn is_ordinal(t: &str) -> bool {
    t.as_bytes()
        .last()
        .is_some_and(|&b| is_letter_of(ORDINAL_LASTS, b))
        && packed_lower(t.as_bytes()).is_some_and(|code| ORDINAL_CODES.contains(&code))
}

/// Titles, pronouns and ordinals the tagger took for names ("PM", "Us", "Staff" in
/// "Chief of Staff").
pub(super) fn drop_non_names(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut title_tokens = vec![false; ctx.toks.len()];
    for &i in &ctx.gaz_starts {
        if let Some((len, mask)) = ctx.gaz_at(i) {
            if mask & Category::Title.bit() != 0 && len > 1 && mask & SWEEP == 0 {
                for t in title_tokens.iter_mut().skip(i).take(len) {
                    *t = true;
                }
            }
        }
    }
    cands.retain(|c| {
        let t = &ctx.text[c.start..c.end];
        let mask = ctx.mask(c);
        let only_title = mask & Category::Title.bit() != 0
            && mask & !Category::Title.bit() & !Category::FirstName.bit() == 0;
        let in_title = (c.first..=c.last).all(|k| title_tokens[k]);
        // The words of both lists are short.
        let pronoun = t.len() <= 5 && is_not_name(t);
        // "July 24-28 Fourth test": an ordinal alone names nothing.
        let ordinal = c.first == c.last && t.len() <= 8 && is_ordinal(t);
        !(only_title || in_title || pronoun || ordinal)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_short_lower_case_ascii() {
        // The checks read pronouns and ordinals only in texts this short,
        // and compare words with the lists without lower-casing them.
        assert!(NOT_NAMES.iter().all(|w| w.len() <= 5));
        assert!(ORDINALS.iter().all(|w| w.len() <= 8));
        for list in [
            NOT_NAMES,
            ORDINALS,
            INSTITUTION_HEADS,
            ORG_HEADS,
            FAC_HEADS,
            LOC_HEADS,
            EVENT_WORDS,
            LAW_WORDS,
            LAW_HEADS,
            STREET_HEADS,
            WORK_CUES,
        ] {
            assert!(list
                .iter()
                .all(|w| w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase())));
        }
        assert!(lower_in(ORG_HEADS, "Institute"));
        for w in NOT_NAMES.iter().chain(ORDINALS) {
            let upper = w.to_ascii_uppercase();
            assert!(is_not_name(w) || is_ordinal(w));
            assert!(is_not_name(&upper) == NOT_NAMES.contains(w));
            assert!(is_ordinal(&upper) == ORDINALS.contains(w));
        }
        for t in ["usa", "u", "", "thes", "she\0", "firsts", "ﬁrst", "Ünited"] {
            assert!(!is_not_name(t) && !is_ordinal(t), "{t:?}");
        }
        assert!(!lower_in(ORG_HEADS, "Gaza"));
    }
}
