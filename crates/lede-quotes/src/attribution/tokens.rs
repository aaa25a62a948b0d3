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
    let Some(part) = text.get(start..end) else {
        return;
    };
    let mut it = part.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        let pos = start + k;
        if is_alnum(c) {
            let mut wend = pos + c.len_utf8();
            let mut has_dot = false;
            while let Some(&(k2, c2)) = it.peek() {
                if is_alnum(c2) {
                    wend = start + k2 + c2.len_utf8();
                    it.next();
                } else if matches!(c2, '\'' | '’' | '-' | '.' | '\u{2011}') {
                    let after = start + k2 + c2.len_utf8();
                    let joins = text[after..end].chars().next().is_some_and(is_alnum);
                    if !joins {
                        break;
                    }
                    has_dot |= c2 == '.';
                    wend = after;
                    it.next();
                } else {
                    break;
                }
            }
            if let Some(&(k2, '.')) = it.peek() {
                if has_dot || is_abbreviation(&text[pos..wend]) {
                    wend = start + k2 + 1;
                    it.next();
                }
            }
            out.push(Tok {
                start: pos,
                end: wend,
                kind: TokKind::Word,
                in_quote: false,
            });
        } else if !c.is_whitespace() {
            let kind = match c {
                ',' => TokKind::Comma,
                ':' => TokKind::Colon,
                '.' | '!' | '?' | ';' | '…' => TokKind::Stop,
                '—' | '–' | '-' => TokKind::Dash,
                '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' => TokKind::Quote,
                _ => TokKind::Other,
            };
            out.push(Tok {
                start: pos,
                end: pos + c.len_utf8(),
                kind,
                in_quote: false,
            });
        }
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
