//! Canonical names: each PERSON and ORG mention gets the fullest name of
//! the same entity in the document, found by hashing name parts.

use super::*;

/// Sets `canonical` on PERSON and ORG entities: the fullest name of the
/// same entity in the document.
///
/// Linear in the number of entities: every name is indexed by hashes of its
/// parts, so a mention looks up the few names that may contain it instead of
/// comparing itself with every other entity. A PERSON mention belongs to the
/// longest name with the same last word (the word before "II", "Jr." counts
/// as the last) that holds its words in order; an ORG mention to the longest
/// name that holds its words in a row or whose initials it is.
pub(super) fn canonical_names(text: &str, entities: &mut [Entity]) {
    /// Keys of the name index; one table keyed by hashes of the parts.
    const LAST: u64 = 1;
    const PAIR: u64 = 2;
    const WINDOW: u64 = 3;
    const INITIALS: u64 = 4;
    // A key starts from the kind and the label, then takes each word's
    // hash ([`word_hash`]): a word is hashed once, not once per key it is
    // part of.
    let begin = |kind: u64, label: EntityLabel| {
        let mut h = crate::features::Hasher::new();
        h.push(char::from(b'0' + kind as u8));
        h.push(char::from(b'a' + label as u8));
        h
    };
    let key = |kind: u64, label: EntityLabel, words: &[u64]| -> u64 {
        words
            .iter()
            .fold(begin(kind, label).finish(), |h, &w| add_word(h, w))
    };
    // The words of each PERSON and ORG name, split once: `spans[i]` is the
    // range of entity `i`'s words in `all_words` (empty for other labels),
    // and `hashes` holds each word's hash.
    let mut all_words: Vec<&str> = Vec::with_capacity(4 * entities.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(entities.len());
    // How many keys the names are offered under, to size the index.
    let mut offers = 0;
    for e in entities.iter() {
        let from = all_words.len();
        if matches!(e.label, EntityLabel::Person | EntityLabel::Org) {
            split_words(e.span.text(text), &mut all_words, usize::MAX);
        }
        let n = (all_words.len() - from).min(MAX_ENTITY_TOKENS);
        offers += match e.label {
            EntityLabel::Person => 2 * (n + 1),
            EntityLabel::Org => n * (n + 1) / 2 + 1,
            _ => 0,
        };
        spans.push((from, all_words.len()));
    }
    let hashes: Vec<u64> = all_words.iter().map(|w| word_hash(w)).collect();
    // The first `MAX_ENTITY_TOKENS` words of entity `i`, and their hashes.
    let range_of = |i: usize| {
        let (from, to) = spans[i];
        from..to.min(from + MAX_ENTITY_TOKENS)
    };
    let words_of = |i: usize| &all_words[range_of(i)];
    // Index: key -> index of the longest entity text under it (first seen
    // wins a tie, as the reading order does).
    let mut best: IdentityMap<usize> =
        IdentityMap::with_capacity_and_hasher(offers, Default::default());
    let mut offer = |k: u64, i: usize, entities: &[Entity]| {
        let len = entities[i].span.len();
        best.entry(k)
            .and_modify(|b| {
                if entities[*b].span.len() < len {
                    *b = i;
                }
            })
            .or_insert(i);
    };
    for i in 0..entities.len() {
        let label = entities[i].label;
        let words = words_of(i);
        let hs = &hashes[range_of(i)];
        let (Some(&last), Some(&h_last)) = (words.last(), hs.last()) else {
            continue;
        };
        match label {
            EntityLabel::Person => {
                let before_suffix =
                    (hs.len() >= 2 && is_generational(last)).then(|| hs[hs.len() - 2]);
                for l in std::iter::once(h_last).chain(before_suffix) {
                    offer(key(LAST, label, &[l]), i, entities);
                    for &w in hs {
                        offer(key(PAIR, label, &[w, l]), i, entities);
                    }
                }
            }
            EntityLabel::Org => {
                // The key of `words[a..=b]` grows a word at a time.
                for a in 0..hs.len() {
                    let mut h = begin(WINDOW, label).finish();
                    for &w in &hs[a..] {
                        h = add_word(h, w);
                        offer(h, i, entities);
                    }
                }
                // The key of the capital initials as one word, hashed
                // without building them.
                let mut h = begin(INITIALS, label);
                let mut n = 0;
                for c in words.iter().filter_map(|w| w.chars().next()) {
                    if c.is_uppercase() {
                        h.push(c);
                        n += 1;
                    }
                }
                h.push(' ');
                if n >= 2 {
                    offer(h.finish(), i, entities);
                }
            }
            _ => {}
        }
    }
    for i in 0..entities.len() {
        let e = &entities[i];
        let own = e.span.text(text);
        let words = words_of(i);
        let hs = &hashes[range_of(i)];
        let (Some(&first), Some(&last)) = (hs.first(), hs.last()) else {
            if matches!(e.label, EntityLabel::Person | EntityLabel::Org) {
                entities[i].canonical = Some(own.to_string());
            }
            continue;
        };
        let found = match e.label {
            EntityLabel::Person => {
                // "Netanyahu" is "Benjamin Netanyahu"; "Abdullah" is
                // "Abdullah II".
                let k = if hs.len() == 1 {
                    key(LAST, e.label, &[last])
                } else {
                    key(PAIR, e.label, &[first, last])
                };
                best.get(&k).copied().filter(|&j| {
                    let (from, to) = spans[j];
                    is_subsequence(&all_words[from..to], words)
                })
            }
            EntityLabel::Org => {
                let by_words = best.get(&key(WINDOW, e.label, hs)).copied();
                // A name of two capital letters or more may be initials:
                // the key of its letters as one word.
                let mut h = begin(INITIALS, e.label);
                let mut n = 0;
                let mut capitals = true;
                for c in own.chars().filter(|c| c.is_alphabetic()) {
                    if !c.is_uppercase() {
                        capitals = false;
                        break;
                    }
                    h.push(c);
                    n += 1;
                }
                h.push(' ');
                let by_initials = if capitals && n >= 2 {
                    best.get(&h.finish()).copied()
                } else {
                    None
                };
                match (by_words, by_initials) {
                    (Some(a), Some(b)) => {
                        Some(if entities[b].span.len() > entities[a].span.len() {
                            b
                        } else {
                            a
                        })
                    }
                    (a, b) => a.or(b),
                }
            }
            _ => continue,
        };
        let name = match found {
            Some(j) if entities[j].span.len() > own.len() => entities[j].span.text(text),
            _ => own,
        };
        entities[i].canonical = Some(name.to_string());
    }
}

/// The hash of one word of a name, over its bytes: names match as written.
fn word_hash(w: &str) -> u64 {
    let mut h = crate::features::Hasher::new();
    for b in w.bytes() {
        h.push(char::from(b));
    }
    h.finish()
}

/// A name key taking one more word (its [`word_hash`]); a word is mixed in
/// whole, so the key depends on where each word ends.
fn add_word(key: u64, word: u64) -> u64 {
    (key ^ word).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Appends the first `max` words of `s` split at white space to `out`, as
/// `split_whitespace` does; an ASCII text is read a byte at a time.
fn split_words<'a>(s: &'a str, out: &mut Vec<&'a str>, max: usize) {
    if !s.is_ascii() {
        out.extend(s.split_whitespace().take(max));
        return;
    }
    // `char::is_whitespace` on ASCII: tab to carriage return, space.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while n < max {
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
        n += 1;
    }
}

/// True when `needle`'s words appear in `hay` in order ("Mohammed Al
/// Thani" in "Mohammed bin Abdulrahman Al Thani").
pub(super) fn is_subsequence(hay: &[&str], needle: &[&str]) -> bool {
    let mut it = hay.iter();
    !needle.is_empty() && needle.iter().all(|n| it.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_words_as_split_whitespace_does() {
        for name in [
            "Benjamin Netanyahu",
            "  Mohammed bin\tAbdulrahman Al\nThani ",
            "Abdel Fattah el\u{2011}Sisi",
            "Sheikh\u{a0}Tamim",
            "",
            "   ",
        ] {
            let mut words = Vec::new();
            split_words(name, &mut words, usize::MAX);
            let expected: Vec<&str> = name.split_whitespace().collect();
            assert_eq!(words, expected, "{name:?}");
            words.clear();
            split_words(name, &mut words, 2);
            assert_eq!(words, expected.iter().copied().take(2).collect::<Vec<_>>());
        }
    }
}
