//! Short lower-case ASCII words as numbers, so that the rules and the Title
//! Case check look a word up in a short list by comparing numbers instead
//! of strings.

/// A short ASCII word in lower case as a number (its bytes in order), so
/// that a text is looked for in a word list by comparing numbers; `None`
/// for a text longer than eight bytes, not ASCII or holding a NUL byte,
/// which is in no such list.
pub(crate) const fn packed_lower(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    let mut code = 0u64;
    let mut i = 0;
    while i < w.len() {
        if w[i] == 0 || !w[i].is_ascii() {
            return None;
        }
        code |= (w[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    Some(code)
}

/// The [`packed_lower`] codes of a list of short ASCII words.
pub(crate) const fn packed_list<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut codes = [0u64; N];
    let mut i = 0;
    while i < N {
        codes[i] = match packed_lower(list[i].as_bytes()) {
            Some(code) => code,
            None => panic!("word lists hold short ASCII words"),
        };
        i += 1;
    }
    codes
}
