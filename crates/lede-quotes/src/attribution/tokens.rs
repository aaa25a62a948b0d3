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

/// ASCII letters and digits, by byte (every byte from 0x80 up is false:
/// it starts or continues a char that needs decoding).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The ASCII bytes `char::is_whitespace` holds for (U+000B included).
#[inline]
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// True when the char at byte `i` (a char boundary before `end`) is a
/// letter or digit; ASCII without decoding.
#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b if b < 0x80 => ASCII_ALNUM[usize::from(b)],
        _ => is_alnum(char_at(text, i).0),
    }
}

/// The kind of a one-char token.
#[inline]
fn punct_kind(c: char) -> TokKind {
    match c {
        ',' => TokKind::Comma,
        ':' => TokKind::Colon,
        '.' | '!' | '?' | ';' | '…' => TokKind::Stop,
        '—' | '–' | '-' => TokKind::Dash,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' => TokKind::Quote,
        _ => TokKind::Other,
    }
}

/// Splits `text[start..end]` (char boundaries) into words and punctuation.
/// Words keep inner apostrophes, hyphens and abbreviation dots (U.S., Mr.).
/// ASCII bytes are classified without decoding a char.
pub(super) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    // The window's bytes: a byte read past them is none.
    let bytes = &text.as_bytes()[..end];
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let len = if b < 0x80 {
            if ascii_space(b) {
                i += 1;
                continue;
            }
            if !ASCII_ALNUM[usize::from(b)] {
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: punct_kind(char::from(b)),
                    in_quote: false,
                });
                i += 1;
                continue;
            }
            1
        } else {
            let (c, len) = char_at(text, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_alnum(c) {
                out.push(Tok {
                    start: i,
                    end: i + len,
                    kind: punct_kind(c),
                    in_quote: false,
                });
                i += len;
                continue;
            }
            len
        };
        let pos = i;
        let mut wend = i + len;
        let mut has_dot = false;
        loop {
            // The run of ASCII letters and digits, most of a word.
            while bytes
                .get(wend)
                .is_some_and(|&y| ASCII_ALNUM[usize::from(y)])
            {
                wend += 1;
            }
            let Some(&y) = bytes.get(wend) else {
                break;
            };
            let joiner_len = if y < 0x80 {
                if !matches!(y, b'\'' | b'-' | b'.') {
                    break;
                }
                1
            } else {
                let (c2, len2) = char_at(text, wend);
                if is_alnum(c2) {
                    wend += len2;
                    continue;
                }
                if !matches!(c2, '’' | '\u{2011}') {
                    break;
                }
                len2
            };
            let after = wend + joiner_len;
            if !(after < end && alnum_at(text, after)) {
                break;
            }
            has_dot |= y == b'.';
            wend = after;
        }
        if wend < end && bytes[wend] == b'.' && (has_dot || is_abbreviation(&text[pos..wend])) {
            wend += 1;
        }
        out.push(Tok {
            start: pos,
            end: wend,
            kind: TokKind::Word,
            in_quote: false,
        });
        i = wend;
    }
}

/// Where the last `n` runs of non-white-space chars of `text[lo..end]`
/// begin, if each of them follows white space there (else `lo`). Tokens
/// never hold white space, so [`tokenize`] from that point gives the last
/// tokens of the window, at least `n` of them, as from `lo`.
pub(super) fn last_runs_start(text: &str, lo: usize, end: usize, n: usize) -> usize {
    let Some(part) = text.get(lo..end) else {
        return lo;
    };
    let mut runs = 0;
    let mut after_run = false;
    for (k, c) in part.char_indices().rev() {
        if c.is_whitespace() {
            if after_run {
                runs += 1;
                if runs == n {
                    return lo + k + c.len_utf8();
                }
            }
            after_run = false;
        } else {
            after_run = true;
        }
    }
    lo
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, one decoded char at a time: what
    /// the byte-classifying one must agree with.
    fn tokenize_by_chars(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
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
                out.push(Tok {
                    start: i,
                    end: i + len,
                    kind: punct_kind(c),
                    in_quote: false,
                });
            }
            i += len;
        }
    }

    proptest::proptest! {
        #[test]
        fn the_last_runs_tokenize_as_the_end_of_the_window(
            picks in proptest::collection::vec(0usize..PIECES.len(), 0..60),
            from in 0usize..200,
            n in 1usize..8,
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let lo = (from.min(text.len())..=text.len())
                .find(|&b| text.is_char_boundary(b))
                .unwrap_or(text.len());
            let start = last_runs_start(&text, lo, text.len(), n);
            proptest::prop_assert!(start >= lo && text.is_char_boundary(start));
            let (mut all, mut tail) = (Vec::new(), Vec::new());
            tokenize(&text, lo, text.len(), &mut all);
            tokenize(&text, start, text.len(), &mut tail);
            proptest::prop_assert!(tail.len() >= n.min(all.len()));
            proptest::prop_assert_eq!(spans(&all[all.len() - tail.len()..]), spans(&tail));
        }
    }

    fn spans(toks: &[Tok]) -> Vec<(usize, usize, TokKind)> {
        toks.iter().map(|t| (t.start, t.end, t.kind)).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_abbreviation_dots() {
        let text = "Mr. Smith’s U.S.-based co-op said: “don't”\u{a0}— 10 p.m.";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Mr.",
                "Smith’s",
                "U.S.",
                "-",
                "based",
                "co-op",
                "said",
                ":",
                "“",
                "don't",
                "”",
                "—",
                "10",
                "p.m."
            ]
        );
    }

    /// Pieces that meet every branch: joiners between and after words, all
    /// quote marks, ASCII and Unicode white space (U+000B, U+00A0, U+2009),
    /// non-ASCII letters, digits and symbols.
    const PIECES: &[&str] = &[
        "a", "Zé", "9", "U", "Mr", "No", ".", "'", "’", "-", "\u{2011}", "‘", "“", "”", "\"", "«",
        "»", "„", ",", ":", ";", "!", "?", "…", "—", "–", " ", "\n", "\u{b}", "\u{a0}", "\u{2009}",
        "ß", "Ω", "中", "👍", "(", ")", "#", "٣",
    ];

    proptest::proptest! {
        #[test]
        fn bytes_classified_as_chars_would_be(
            picks in proptest::collection::vec(0usize..PIECES.len(), 0..60),
            from in 0usize..200,
            to in 0usize..200,
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            // Any cut, on a char boundary or not (then nothing comes out).
            let (lo, hi) = (from.min(text.len()), to.min(text.len()));
            tokenize(&text, lo, hi, &mut fast);
            tokenize_by_chars(&text, lo, hi, &mut slow);
            proptest::prop_assert_eq!(spans(&fast), spans(&slow));
            tokenize(&text, 0, text.len(), &mut fast);
            tokenize_by_chars(&text, 0, text.len(), &mut slow);
            proptest::prop_assert_eq!(spans(&fast), spans(&slow));
        }
    }
}
