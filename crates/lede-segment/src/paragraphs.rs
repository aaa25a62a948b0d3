//! Paragraphs: news text puts one paragraph on a line, so every non-blank
//! line is a paragraph. Line breaks are `\n`, `\r`, U+0085, U+2028 and
//! U+2029; spans leave out the break and the white space around the line.

use lede_core::Span;

use crate::chars::{decode, find_line_break_lead, space_at};

/// Byte length of the line break starting at `i`, or 0 when there is none.
#[inline]
fn line_break_at(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 | 0xE2 => {
            let (c, len) = decode(bytes, i);
            if matches!(c, '\u{0085}' | '\u{2028}' | '\u{2029}') {
                len
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Trims white space from both ends of `[start, end)`; `None` when nothing
/// is left.
pub(crate) fn trim(text: &str, start: usize, end: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut s = start;
    while s < end {
        let (space, len) = space_at(bytes, s);
        if !space {
            break;
        }
        s += len;
    }
    if s == end {
        return None;
    }
    let mut e = end;
    loop {
        let p = crate::chars::prev_char_start(bytes, e);
        let (space, _) = space_at(bytes, p);
        if !space {
            break;
        }
        e = p;
    }
    Some(Span::from_boundaries(text, s, e))
}

/// The paragraphs of `text`: one span per non-blank line, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 400 + 1);
    for_each_paragraph(text, |span| out.push(span));
    out
}

/// Calls `f` with each paragraph span in order, without allocating.
pub(crate) fn for_each_paragraph(text: &str, mut f: impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut i = 0;
    loop {
        i = find_line_break_lead(bytes, i, bytes.len());
        if i >= bytes.len() {
            break;
        }
        let len = line_break_at(bytes, i);
        if len > 0 {
            if let Some(span) = trim(text, line_start, i) {
                f(span);
            }
            i += len;
            line_start = i;
        } else {
            i += 1;
        }
    }
    if let Some(span) = trim(text, line_start, bytes.len()) {
        f(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "Negotiation Leverage\n  From the outset, talks stalled. \r\n\n\nCredit: Kenny Holston\u{2029}Last";
        assert_eq!(
            texts(text),
            vec![
                "Negotiation Leverage",
                "From the outset, talks stalled.",
                "Credit: Kenny Holston",
                "Last"
            ]
        );
        assert!(paragraphs(" \n\t\n").is_empty());
        assert!(paragraphs("").is_empty());
    }
}
