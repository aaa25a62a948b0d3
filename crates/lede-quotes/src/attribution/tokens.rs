//! Cutting a window of text into words and punctuation for the rules:
//! words keep inner apostrophes, hyphens and abbreviation dots ("U.S.",
//! "Mr."), and every token knows whether it lies inside a quotation.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Comma,
    Colon,
    Stop,
    Dash,
    Quote,
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
    /// Inside some quotation (its words are never a speaker or a cue).
    pub(super) in_quote: bool,
}

pub(super) const ABBREVIATIONS: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof",
    "Jr", "Sr", "Rev", "Adm", "Maj", "Cpl", "Pres", "Amb", "Hon", "No",
];

pub(super) fn is_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase()) || ABBREVIATIONS.contains(&word)
}

/// `char::is_alphanumeric` without the Unicode table look-up for the
/// punctuation news text is full of (quote marks, dashes, ellipses).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{2000}'..='\u{206F}' | '\u{00A0}' | '«' | '»' | '·') {
        return false;
    }
    c.is_alphanumeric()
}

/// Splits `text[start..end]` (char boundaries) into words and punctuation.
/// Words keep inner apostrophes, hyphens and abbreviation dots (U.S., Mr.).
pub(super) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    let mut i = start;
    while i < end {
        let (c, len) = char_at(text, i);
        if is_alnum(c) {
            let pos = i;
            let mut wend = i + len;
            let mut has_dot = false;
            while wend < end {
                let (c2, len2) = char_at(text, wend);
                if is_alnum(c2) {
                    wend += len2;
                } else if matches!(c2, '\'' | '’' | '-' | '.' | '\u{2011}') {
                    let after = wend + len2;
                    let joins = after < end && is_alnum(char_at(text, after).0);
                    if !joins {
                        break;
                    }
                    has_dot |= c2 == '.';
                    wend = after;
                } else {
                    break;
                }
            }
            if wend < end
                && text.as_bytes()[wend] == b'.'
                && (has_dot || is_abbreviation(&text[pos..wend]))
            {
                wend += 1;
            }
            out.push(Tok {
                start: pos,
                end: wend,
                kind: TokKind::Word,
                in_quote: false,
            });
            i = wend;
            continue;
        }
        if !c.is_whitespace() {
            let kind = match c {
                ',' => TokKind::Comma,
                ':' => TokKind::Colon,
                '.' | '!' | '?' | ';' | '…' => TokKind::Stop,
                '—' | '–' | '-' => TokKind::Dash,
                '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' => TokKind::Quote,
                _ => TokKind::Other,
            };
            out.push(Tok {
                start: i,
                end: i + len,
                kind,
                in_quote: false,
            });
        }
        i += len;
    }
}

/// The char starting at byte `i` (a char boundary before the end of
/// `text`) and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
