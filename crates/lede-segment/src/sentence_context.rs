//! Context tests around a candidate sentence boundary that look past the
//! terminator itself: citations and source notes that belong to the
//! sentence before them ("… in 2014. [4]", "… “We will win.” (Reuters
//! 2023)."), footnote numbers ("… a fee. 8 Yet …"), list-item markers
//! ("1. Preheat the oven 2. Mix the flour"), bullets, and a clock time
//! fronted before the subject ("By 9 a.m. Dr. Patel had left.").
//!
//! Every test reads a bounded number of bytes, so the splitter stays linear.

use crate::chars::{decode, space_at};

/// Longest citation in square brackets we accept ("[citation needed]",
/// "[1 – 3]", "[better source needed]").
const MAX_SQUARE_CITATION: usize = 40;
/// Longest parenthesised source note ("(Reuters 2023)", "(credit: Library of
/// Congress)").
const MAX_SOURCE_NOTE: usize = 64;

/// The end of a citation starting at byte `p`: a run of square-bracket
/// citations separated by spaces ("[12]", "[3] [4]", "[1 - 3]",
/// "[citation needed]"), or a parenthesised source note closed by a period
/// or by the end of the paragraph ("(Reuters 2023).", "(credit: AP)").
/// Returns the byte after the citation (after the note's period).
#[inline]
pub(crate) fn citation_end(bytes: &[u8], p: usize, end: usize) -> Option<usize> {
    match bytes.get(p) {
        Some(b'[' | b'(') => bracket_citation_end(bytes, p, end),
        _ => None,
    }
}

fn bracket_citation_end(bytes: &[u8], p: usize, end: usize) -> Option<usize> {
    match bytes.get(p) {
        Some(b'[') => {
            let mut last = square_citation_end(bytes, p, end)?;
            loop {
                let mut q = last;
                while q < end && bytes[q] == b' ' {
                    q += 1;
                }
                match square_citation_end(bytes, q, end) {
                    Some(e) if q > last => last = e,
                    _ => return Some(last),
                }
            }
        }
        Some(b'(') => source_note_end(bytes, p, end),
        _ => None,
    }
}

/// "[12]", "[3 – 5]", "[citation needed]": digits or lowercase words, with
/// commas, hyphens, dashes and spaces; the first character a digit or a
/// lowercase letter (so "[The minister] said" is no citation).
fn square_citation_end(bytes: &[u8], p: usize, end: usize) -> Option<usize> {
    if bytes.get(p) != Some(&b'[') {
        return None;
    }
    // "[...]" and "[…]": an omission marker set after a sentence.
    if bytes[p..end].starts_with(b"[...]") {
        return Some(p + 5);
    }
    if bytes[p..end].starts_with("[…]".as_bytes()) {
        return Some(p + "[…]".len());
    }
    let first = *bytes.get(p + 1)?;
    if !(first.is_ascii_digit() || first.is_ascii_lowercase()) {
        return None;
    }
    let limit = end.min(p + 1 + MAX_SQUARE_CITATION);
    let mut q = p + 1;
    while q < limit {
        match bytes[q] {
            b']' => return Some(q + 1),
            b'0'..=b'9' | b'a'..=b'z' | b' ' | b',' | b'-' | b';' => q += 1,
            // en dash
            0xE2 if bytes.get(q + 1) == Some(&0x80) && bytes.get(q + 2) == Some(&0x93) => q += 3,
            _ => return None,
        }
    }
    None
}

/// "(Reuters 2023)." or "(credit: Library of Congress)" at the end of the
/// paragraph: a short parenthesis without sentence punctuation inside,
/// followed by a period and white space, or by the end of the paragraph.
fn source_note_end(bytes: &[u8], p: usize, end: usize) -> Option<usize> {
    let limit = end.min(p + 1 + MAX_SOURCE_NOTE);
    let mut q = p + 1;
    while q < limit {
        match bytes[q] {
            b')' => break,
            b'(' | b'.' | b'!' | b'?' | b'\n' | b'\r' => return None,
            _ => q += 1,
        }
    }
    if q >= limit || q == p + 1 {
        return None;
    }
    let close = q + 1;
    let mut r = close;
    while r < end && space_at(bytes, r).0 {
        r += space_at(bytes, r).1;
    }
    if r >= end {
        return Some(close);
    }
    if bytes[close] == b'.' && (close + 1 == end || space_at(bytes, close + 1).0) {
        return Some(close + 1);
    }
    None
}

/// A footnote number set after a sentence end ("… a fee. 8 Yet some …"):
/// one to three digits, one space, then a word for which `opens` holds.
/// Returns the byte after the digits.
#[inline]
pub(crate) fn footnote_number_end(
    bytes: &[u8],
    n: usize,
    end: usize,
    opens: impl Fn(&[u8]) -> bool,
) -> Option<usize> {
    if !bytes[n].is_ascii_digit() {
        return None;
    }
    let digits = bytes[n..end.min(n + 4)]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits > 3 {
        return None;
    }
    let w = n + digits;
    if w + 1 >= end || bytes[w] != b' ' || !bytes[w + 1].is_ascii_uppercase() {
        return None;
    }
    let mut e = w + 1;
    while e < end && bytes[e].is_ascii_alphabetic() {
        e += 1;
    }
    opens(&bytes[w + 1..e]).then_some(w)
}

/// A list-item marker: "1." "12)" "a." "b)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ListMarker {
    /// The number, or the letter's place in the alphabet (a = 1).
    value: u32,
    letter: bool,
    /// `.` or `)`.
    style: u8,
}

impl ListMarker {
    fn follows(self, prev: ListMarker) -> bool {
        self.letter == prev.letter && self.style == prev.style && self.value == prev.value + 1
    }
}

/// A list marker at byte `p` followed by white space: one or two digits,
/// or one lowercase letter, then `.` or `)`. Returns it and its length.
#[inline]
pub(crate) fn list_marker_at(bytes: &[u8], p: usize, end: usize) -> Option<(ListMarker, usize)> {
    match bytes.get(p) {
        Some(b) if b.is_ascii_digit() || b.is_ascii_lowercase() => marker_at(bytes, p, end),
        _ => None,
    }
}

fn marker_at(bytes: &[u8], p: usize, end: usize) -> Option<(ListMarker, usize)> {
    let digits = bytes[p..end.min(p + 3)]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let (value, letter, len) = match digits {
        1 | 2 => {
            let v = bytes[p..p + digits]
                .iter()
                .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
            (v, false, digits)
        }
        0 if bytes.get(p).is_some_and(u8::is_ascii_lowercase) => {
            (u32::from(bytes[p] - b'a') + 1, true, 1)
        }
        _ => return None,
    };
    let style = *bytes.get(p + len)?;
    if !matches!(style, b'.' | b')') || p + len + 1 >= end || !space_at(bytes, p + len + 1).0 {
        return None;
    }
    Some((
        ListMarker {
            value,
            letter,
            style,
        },
        len + 1,
    ))
}

/// The first position in `from..to` after a space where the marker that
/// follows `prev` begins ("2." after "1.", "c)" after "b)").
pub(crate) fn find_next_marker(
    bytes: &[u8],
    from: usize,
    to: usize,
    end: usize,
    prev: ListMarker,
) -> Option<usize> {
    let first = if prev.letter {
        b'a' + (prev.value as u8)
    } else {
        // The first digit of prev.value + 1.
        let next = prev.value + 1;
        let mut d = next;
        while d >= 10 {
            d /= 10;
        }
        b'0' + d as u8
    };
    let mut p = from.max(1);
    while p < to {
        if bytes[p] == first && bytes[p - 1] == b' ' {
            if let Some((m, _)) = list_marker_at(bytes, p, end) {
                if m.follows(prev) {
                    return Some(p);
                }
            }
        }
        p += 1;
    }
    None
}

/// Whether `c` is a bullet that opens a list item.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '◦' | '▪' | '●' | '■' | '►')
}

/// A bullet at `i` between white space ("oven • Mix"): an item starts here.
pub(crate) fn inline_bullet(bytes: &[u8], i: usize, len: usize, end: usize) -> bool {
    i > 0 && bytes[i - 1].is_ascii_whitespace() && i + len < end && space_at(bytes, i + len).0 && {
        let (c, _) = decode(bytes, i);
        is_bullet(c)
    }
}

/// Prepositions that front a clock time before the subject ("By 9 a.m. Dr.
/// Patel had left", "At 5 p.m. Hamas replied").
const TIME_PREPOSITIONS: [&[u8]; 10] = [
    b"By", b"At", b"Until", b"Till", b"Before", b"After", b"Since", b"From", b"Around", b"Shortly",
];

/// The sentence so far, `sent_start..word_start`, is a fronted time phrase
/// of at most four words opened by a time preposition ("By 9 ", "Shortly
/// after 10 "): the clock abbreviation that follows does not end it.
pub(crate) fn fronted_time_phrase(bytes: &[u8], sent_start: usize, word_start: usize) -> bool {
    let prefix = &bytes[sent_start..word_start];
    let first_len = prefix
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if !TIME_PREPOSITIONS.contains(&&prefix[..first_len]) {
        return false;
    }
    let words = prefix
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .count();
    words <= 4 && !prefix.contains(&b',')
}
