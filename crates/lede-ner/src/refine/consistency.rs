//! Document consistency: once a full name is a PERSON its last name alone
//! is that PERSON, and the other mentions of one text share the label most
//! of them got.

use super::*;

/// Once a full name is a PERSON, its last name alone is that PERSON; other
/// mentions of one text share the label most of them got.
pub(super) fn consistency(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let (toks, words, gaz) = (ctx.toks, ctx.words, ctx.gaz);
    // Last names of multi-word PERSON mentions, with how often the document
    // has each as a PERSON (full name or alone) and as something else alone.
    // A name written in capitals ("LEBED CHECHNYA" in a headline) is weak
    // evidence and gives no last name.
    let people = cands
        .iter()
        .filter(|c| c.label == EntityLabel::Person && c.last > c.first)
        .count();
    let mut support: IdentityMap<(usize, usize)> =
        IdentityMap::with_capacity_and_hasher(people, Default::default());
    for c in cands.iter() {
        if c.label == EntityLabel::Person && c.last > c.first {
            let mut l = c.last;
            if is_generational(words[l]) && l > c.first + 1 {
                l -= 1;
            }
            let w = strip_possessive(words[l]);
            let capitals = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if w.chars().next().is_some_and(char::is_uppercase) && !capitals {
                let key = ctx.bare_word_key(l);
                if gaz.lookup_key(key) & SWEEP == 0 {
                    support.entry(key).or_default().0 += 1;
                }
            }
        }
    }
    if support.is_empty() {
        return;
    }
    // The keys of the one-token candidates (0 for the others), read once
    // for the count and the relabelling below.
    let single_keys: Vec<u64> = cands
        .iter()
        .map(|c| {
            if c.first == c.last {
                ctx.bare_key(c)
            } else {
                0
            }
        })
        .collect();
    for (c, key) in cands.iter().zip(&single_keys) {
        if c.first != c.last {
            continue;
        }
        if let Some(n) = support.get_mut(key) {
            if c.label == EntityLabel::Person {
                n.0 += 1;
            } else {
                n.1 += 1;
            }
        }
    }
    // A text the document mostly gives another label ("Chechnya" once in a
    // mistaken "Lebed Chechnya") is not a last name.
    let mut surnames: Vec<u64> = support
        .iter()
        .filter(|(_, &(person, other))| person >= other)
        .map(|(&k, _)| k)
        .collect();
    surnames.sort_unstable();
    if !surnames.is_empty() {
        for (c, key) in cands.iter_mut().zip(&single_keys) {
            if c.label != EntityLabel::Person
                && c.first == c.last
                && surnames.binary_search(key).is_ok()
            {
                c.label = EntityLabel::Person;
                c.sure = true;
            }
        }
        // "US Trump": a place or nationality glued to a known person.
        let mut split = Vec::new();
        cands.retain(|c| {
            if c.label == EntityLabel::Person || c.last == c.first {
                return true;
            }
            let mask = ctx.word_mask(c.first);
            let rest_known = || {
                (c.first + 1..=c.last)
                    .all(|k| surnames.binary_search(&ctx.bare_word_key(k)).is_ok())
            };
            if mask & SWEEP != 0 && rest_known() && c.end == toks[c.last].span.end() {
                let place = Cand {
                    end: toks[c.first].span.end(),
                    last: c.first,
                    label: label_of_mask(mask, words, c.first),
                    sure: true,
                    ..c.clone()
                };
                let person = Cand {
                    start: toks[c.first + 1].span.start(),
                    first: c.first + 1,
                    label: EntityLabel::Person,
                    sure: true,
                    ..c.clone()
                };
                split.push(place);
                split.push(person);
                false
            } else {
                true
            }
        });
        cands.extend(split);
        // Untagged mentions of a known last name.
        let mut covered = vec![false; toks.len()];
        for c in cands.iter() {
            for x in covered.iter_mut().take(c.last + 1).skip(c.first) {
                *x = true;
            }
        }
        // Whether a word is a known last name depends on its form alone:
        // each of the text's own forms is read once (0 no last name, 1
        // capitalised and not read yet, 2 a last name), as news repeats
        // its words. Most forms are in lower case, ruled out in one pass
        // over the forms instead of one over the tokens.
        let mut form_state: Vec<u8> = ctx
            .analysis
            .form_texts
            .iter()
            .map(|w| u8::from(starts_upper(w)))
            .collect();
        for (i, &f) in ctx.analysis.form_of.iter().enumerate() {
            let state = form_state.get(f as usize).copied();
            if state == Some(0) || covered[i] {
                continue;
            }
            let w = words[i];
            let surname = match state {
                Some(2) => true,
                // A form of its own (lower case in a heading) is read as it is.
                None if !starts_upper(w) => false,
                _ => {
                    let surname = surnames.binary_search(&ctx.bare_word_key(i)).is_ok();
                    if let Some(slot) = form_state.get_mut(f as usize) {
                        *slot = if surname { 2 } else { 0 };
                    }
                    surname
                }
            };
            if surname {
                let bare = strip_possessive(w);
                let start = toks[i].span.start();
                cands.push(Cand {
                    start,
                    end: start + bare.len(),
                    first: i,
                    last: i,
                    label: EntityLabel::Person,
                    title: None,
                    sure: true,
                    user: false,
                    by_context: false,
                    text_key: Cell::new(None),
                });
            }
        }
    }
    // The other labels of a text are not put to a vote here: the tagger
    // reads what it predicted for the word form elsewhere in the document
    // (its history features), which a vote over the spans would only undo
    // where the context forced another reading ("MILWAUKEE" the city in a
    // table of results and the team in a fixture line).
}

/// Does `w` begin with a capital? An ASCII first byte that is no capital
/// rules the word out without decoding it. Asked once per word form, so
/// inlined into the pass over the forms.
#[inline]
fn starts_upper(w: &str) -> bool {
    let ascii_lower = w
        .as_bytes()
        .first()
        .is_some_and(|&b| b < 0x80 && !b.is_ascii_uppercase());
    !ascii_lower && w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_generational(w: &str) -> bool {
    matches!(w, "II" | "III" | "IV" | "Jr." | "Jr" | "Sr." | "Sr")
}

pub(super) fn strip_possessive(w: &str) -> &str {
    // Each ending ends in 's', '\'' or '’' (whose last byte is 0x99).
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    w
}
