//! The tokenizer: UAX #29-style word boundaries plus news rules (see the
//! crate documentation for the conventions).
//!
//! One pass over the bytes. White space separates tokens; at each token
//! start the class of the first character picks a scanner (word or number,
//! URL, e-mail, handle, hashtag, emoji, punctuation, symbol). Scanners only
//! look a bounded distance back, so the whole pass is linear.

use lede_core::{Span, Token, TokenKind};

use crate::chars::{class_at, decode, is_alnum, space_at, Class, ASCII, ASCII_ALNUM};
use crate::lexicon::{Abbrev, Lexicon};

/// Tokenizes `text` (all of it, ignoring paragraphs and sentences, which
/// never cut through a token: both break only at white space).
pub(crate) fn tokens(lex: &Lexicon, text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let scanner = Scanner {
        lex,
        text,
        bytes: text.as_bytes(),
    };
    scanner.run(&mut out);
    out
}

struct Scanner<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    bytes: &'a [u8],
}

impl Scanner<'_> {
    fn run(&self, out: &mut Vec<Token>) {
        let bytes = self.bytes;
        let n = bytes.len();
        let mut i = 0;
        // True until the first token of each line: "1." opening a line is a
        // list marker and keeps its period.
        let mut line_start = true;
        while i < n {
            let b = bytes[i];
            if b == b' ' {
                i += 1;
                continue;
            }
            if ASCII_ALNUM[b as usize] == 1 {
                // The common case, inline: an ASCII word that starts with a
                // letter and ends at a space.
                let end = alnum_run(bytes, i);
                if end < n && bytes[end] == b' ' {
                    out.push(Token {
                        span: Span::from_boundaries(self.text, i, end),
                        kind: TokenKind::Word,
                    });
                    line_start = false;
                    i = end + 1;
                    continue;
                }
                if end + 1 < n && bytes[end] == b',' && bytes[end + 1] == b' ' {
                    // "Doha, Qatar": a word, then its comma.
                    out.push(Token {
                        span: Span::from_boundaries(self.text, i, end),
                        kind: TokenKind::Word,
                    });
                    out.push(Token {
                        span: Span::from_boundaries(self.text, end, end + 1),
                        kind: TokenKind::Punctuation,
                    });
                    line_start = false;
                    i = end + 2;
                    continue;
                }
            }
            let (class, len) = if b < 0x80 {
                (ASCII[b as usize], 1)
            } else {
                class_at(bytes, i)
            };
            if class == Class::Space {
                if matches!(b, b'\n' | b'\r' | 0x0B | 0x0C)
                    || (b >= 0x80
                        && matches!(decode(bytes, i).0, '\u{85}' | '\u{2028}' | '\u{2029}'))
                {
                    line_start = true;
                }
                i += len;
                continue;
            }
            let (end, kind) = self.token_at(i, class, len, line_start);
            debug_assert!(end > i);
            out.push(Token {
                span: Span::from_boundaries(self.text, i, end),
                kind,
            });
            line_start = false;
            i = end;
        }
    }

    /// The token starting at `i`, whose first char has class `class` and
    /// byte length `len`.
    fn token_at(&self, i: usize, class: Class, len: usize, line_start: bool) -> (usize, TokenKind) {
        let bytes = self.bytes;
        let n = bytes.len();
        match class {
            Class::Letter | Class::Digit => {
                let run_end = alnum_run(bytes, i);
                if run_end >= n || ASCII_SPACE[bytes[run_end] as usize] {
                    // The common case: a plain word or number before a space.
                    return (run_end, kind_of(bytes, i, run_end));
                }
                if matches!(bytes[run_end], b':' | b'.') {
                    if let Some(end) = self.url_with_scheme(i) {
                        return (end, TokenKind::Url);
                    }
                }
                let end = self.word_from(i, run_end, line_start);
                if end < n && matches!(bytes[end], b'@' | b'.' | b'-' | b'+' | b'_') {
                    // Only an `@` after more local-part characters makes
                    // an e-mail address worth trying.
                    let at = scan_ascii(bytes, end, is_email_local);
                    if at < n && bytes[at] == b'@' {
                        if let Some(e) = self.email(i) {
                            return (e, TokenKind::Email);
                        }
                    }
                }
                if end < n && bytes[end] == b'/' && looks_like_domain(&bytes[i..end]) {
                    return (self.url_end(i, end), TokenKind::Url);
                }
                if end < n
                    && bytes[end] == b'$'
                    && end - i <= 3
                    && bytes[i..end].iter().all(u8::is_ascii_uppercase)
                {
                    // A currency sign with its country letters: "C$", "US$", "HK$".
                    return (end + 1, TokenKind::Symbol);
                }
                (end, kind_of(bytes, i, end))
            }
            Class::Apostrophe => match clitic_len(bytes, i + len) {
                Some(l) => (i + len + l, TokenKind::Word),
                None => (i + len, TokenKind::Punctuation),
            },
            Class::Period => {
                if i + 1 < n && bytes[i + 1].is_ascii_digit() {
                    // ".496", a batting average.
                    let end = self.word(i + 1, false);
                    return (end, kind_of(bytes, i + 1, end));
                }
                let mut e = i + 1;
                while e < n && bytes[e] == b'.' {
                    e += 1;
                }
                (e, TokenKind::Punctuation)
            }
            Class::Hyphen => {
                let mut e = i + len;
                if bytes[i] == b'-' {
                    while e < n && bytes[e] == b'-' {
                        e += 1;
                    }
                }
                (e, TokenKind::Punctuation)
            }
            Class::Plus if i + 1 < n && bytes[i + 1].is_ascii_digit() => {
                let end = self.word(i + 1, false);
                (end, kind_of(bytes, i + 1, end))
            }
            Class::At => {
                let e = scan_ascii(bytes, i + 1, |b| b.is_ascii_alphanumeric() || b == b'_');
                if e > i + 1 {
                    (e, TokenKind::Handle)
                } else {
                    (i + 1, TokenKind::Symbol)
                }
            }
            Class::Hash => {
                let (e, letters) = self.hashtag_body(i + 1);
                if letters {
                    (e, TokenKind::Hashtag)
                } else {
                    (i + 1, TokenKind::Symbol)
                }
            }
            Class::Emoji => (self.emoji_end(i + len), TokenKind::Emoji),
            Class::RegionalIndicator => {
                let mut e = i + len;
                if e < n {
                    let (c2, l2) = class_at(bytes, e);
                    if c2 == Class::RegionalIndicator {
                        e += l2;
                    }
                }
                (self.marks_end(e).0, TokenKind::Emoji)
            }
            Class::Ideograph => (self.marks_end(i + len).0, TokenKind::Word),
            Class::Punct => (self.marks_end(i + len).0, TokenKind::Punctuation),
            Class::Comma | Class::Colon | Class::Slash => (i + len, TokenKind::Punctuation),
            Class::Mark | Class::Symbol | Class::Ampersand | Class::Plus | Class::Space => {
                let (e, presentation) = self.marks_end(i + len);
                (
                    e,
                    if presentation {
                        TokenKind::Emoji
                    } else {
                        TokenKind::Symbol
                    },
                )
            }
        }
    }

    /// Skips combining marks after `i`; the flag tells whether an emoji
    /// presentation selector (U+FE0F) or keycap mark was among them.
    fn marks_end(&self, mut i: usize) -> (usize, bool) {
        let bytes = self.bytes;
        let mut presentation = false;
        while i < bytes.len() && bytes[i] >= 0x80 {
            let (c, len) = decode(bytes, i);
            if crate::chars::classify(c) != Class::Mark {
                break;
            }
            presentation |= matches!(c, '\u{FE0F}' | '\u{20E3}');
            i += len;
        }
        (i, presentation)
    }

    /// End of an emoji sequence whose first pictograph ends at `i`: marks
    /// (skin tones, selectors, tags) and ZWJ-joined pictographs.
    fn emoji_end(&self, mut i: usize) -> usize {
        let bytes = self.bytes;
        loop {
            let mut joined = false;
            while i < bytes.len() && bytes[i] >= 0x80 {
                let (c, len) = decode(bytes, i);
                if crate::chars::classify(c) != Class::Mark {
                    break;
                }
                joined = c == '\u{200D}';
                i += len;
            }
            if joined && i < bytes.len() && class_at(bytes, i).0 == Class::Emoji {
                i += class_at(bytes, i).1;
                continue;
            }
            return i;
        }
    }

    /// A word or number starting at `i`: letters, digits and marks, joined
    /// across `.` (U.S, 2.3), number commas (35,000), hyphens (60-day),
    /// digit slashes (1/2) and colons (10:30), `&` between capitals (AT&T),
    /// underscores and non-clitic apostrophes (O’Brien). Stops before a
    /// clitic (’s, ’ll, n’t). Keeps the final period of an abbreviation,
    /// and of a list number that opens a line. Returns the end and whether
    /// any letter was seen.
    fn word(&self, i: usize, line_start: bool) -> usize {
        let j = alnum_run(self.bytes, i);
        self.word_from(i, j, line_start)
    }

    /// [`Scanner::word`] after its first run of letters and digits, which
    /// ends at `j`.
    fn word_from(&self, i: usize, mut j: usize, line_start: bool) -> usize {
        let bytes = self.bytes;
        let n = bytes.len();
        loop {
            if j >= n || j == i {
                return j;
            }
            let (class, len) = class_at(bytes, j);
            let next = j + len;
            let next_class = if next < n {
                class_at(bytes, next).0
            } else {
                Class::Space
            };
            let prev_digit = bytes[j - 1].is_ascii_digit();
            match class {
                Class::Period if is_alnum(next_class) => j = next,
                Class::Period => {
                    if next_class == Class::Period {
                        // An ellipsis follows: "wait..." keeps "wait" whole.
                        return j;
                    }
                    let word = &bytes[i..j];
                    let mut abbrev = self.lex.abbrev(word);
                    if abbrev == Abbrev::No {
                        // "aid-U.N.": the part after the last hyphen.
                        if let Some(h) = word.iter().rposition(|&b| b == b'-') {
                            abbrev = self.lex.abbrev(&word[h + 1..]);
                        }
                    }
                    if next_class == Class::Hyphen && abbrev != Abbrev::No {
                        let after = next + class_at(bytes, next).1;
                        if after < n && is_alnum(class_at(bytes, after).0) {
                            // "U.S.-brokered" stays one word.
                            j = after;
                            j = alnum_run(bytes, j);
                            continue;
                        }
                    }
                    if abbrev != Abbrev::No || (line_start && is_list_number(&bytes[i..j])) {
                        return next;
                    }
                    return j;
                }
                Class::Comma if prev_digit && thousands_group_at(bytes, next) => j = next,
                Class::Colon | Class::Slash if prev_digit && next_class == Class::Digit => j = next,
                Class::Hyphen if is_alnum(next_class) => j = next,
                Class::Ampersand
                    if bytes[j - 1].is_ascii_uppercase()
                        && next < n
                        && bytes[next].is_ascii_uppercase() =>
                {
                    j = next
                }
                Class::Punct if bytes[j] == b'_' && is_alnum(next_class) => j = next,
                Class::Apostrophe if next_class == Class::Letter => {
                    match clitic_len(bytes, next) {
                        None => j = next,
                        Some(l) => {
                            let is_not = (l == 1) && matches!(bytes[next], b't' | b'T');
                            if !is_not {
                                // "Hamas" + "’s", "they" + "’ll".
                                return j;
                            }
                            if matches!(bytes[j - 1], b'n' | b'N') {
                                if j - 1 == i {
                                    // A bare "n’t".
                                    return next + l;
                                }
                                // "do" + "n’t", "ca" + "n’t".
                                return j - 1;
                            }
                            // "’t" not after n: an ordinary apostrophe.
                            j = next;
                        }
                    }
                }
                _ => return j,
            }
            j = alnum_run(bytes, j);
        }
    }

    /// A URL starting at `i` with `http://`, `https://`, `ftp://` or
    /// `www.`: runs to the next white space, minus trailing punctuation.
    fn url_with_scheme(&self, i: usize) -> Option<usize> {
        let bytes = self.bytes;
        if !matches!(bytes[i], b'h' | b'H' | b'f' | b'F' | b'w' | b'W') {
            return None;
        }
        let rest = &bytes[i..];
        let prefix = [&b"https://"[..], b"http://", b"ftp://", b"www."]
            .into_iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
        let body = i + prefix.len();
        if bytes[body].is_ascii_whitespace() {
            return None;
        }
        Some(self.url_end(i, body))
    }

    /// End of a URL that starts at `start`, scanning from `from` to white
    /// space and trimming trailing punctuation and unbalanced brackets.
    fn url_end(&self, start: usize, from: usize) -> usize {
        let bytes = self.bytes;
        let mut e = from;
        while e < bytes.len() {
            let (space, len) = space_at(bytes, e);
            if space {
                break;
            }
            e += len;
        }
        // Bracket balance, updated as closing brackets are trimmed.
        let url = &bytes[start..e];
        let mut parens = count(url, b'(') as isize - count(url, b')') as isize;
        let mut squares = count(url, b'[') as isize - count(url, b']') as isize;
        loop {
            let p = crate::chars::prev_char_start(bytes, e);
            if p <= start {
                return e;
            }
            let (c, _) = decode(bytes, p);
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '»' | '…' | '>' => {
                    true
                }
                ')' if parens < 0 => {
                    parens += 1;
                    true
                }
                ']' if squares < 0 => {
                    squares += 1;
                    true
                }
                _ => false,
            };
            if !trim {
                return e;
            }
            e = p;
        }
    }

    /// An e-mail address starting at `i`: local part, `@`, and a domain of
    /// at least two labels whose last is alphabetic.
    fn email(&self, i: usize) -> Option<usize> {
        let bytes = self.bytes;
        let at = scan_ascii(bytes, i, is_email_local);
        if at >= bytes.len() || bytes[at] != b'@' || at == i {
            return None;
        }
        let mut end = scan_ascii(bytes, at + 1, |b| {
            b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
        });
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &bytes[at + 1..end];
        let tld = domain.rsplit(|&b| b == b'.').next().unwrap_or(&[]);
        let labels = domain.split(|&b| b == b'.').count();
        if labels >= 2 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic) {
            Some(end)
        } else {
            None
        }
    }

    /// The body of a hashtag after `#`: letters, digits, marks, underscores.
    fn hashtag_body(&self, mut i: usize) -> (usize, bool) {
        let bytes = self.bytes;
        let mut letters = false;
        while i < bytes.len() {
            let (class, len) = class_at(bytes, i);
            match class {
                Class::Letter => letters = true,
                Class::Digit | Class::Mark => {}
                Class::Punct if bytes[i] == b'_' => {}
                _ => break,
            }
            i += len;
        }
        (i, letters)
    }
}

/// `Word` when the token `[i, end)` has a letter, else `Number`.
#[inline]
fn kind_of(bytes: &[u8], i: usize, end: usize) -> TokenKind {
    if bytes[i].is_ascii_alphabetic() || has_letter(&bytes[i..end]) {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

fn has_letter(token: &[u8]) -> bool {
    let mut k = 0;
    while k < token.len() {
        let (class, len) = class_at(token, k);
        if class == Class::Letter {
            return true;
        }
        k += len;
    }
    false
}

/// ASCII white space, by byte value.
static ASCII_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(ASCII[b], Class::Space);
        b += 1;
    }
    t
};

/// End of the run of letters, digits and marks from `i`.
#[inline]
fn alnum_run(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
    loop {
        i = ascii_alnum_end(bytes, i);
        if i >= n || bytes[i] < 0x80 {
            return i;
        }
        let (class, len) = class_at(bytes, i);
        if !matches!(class, Class::Letter | Class::Digit | Class::Mark) {
            return i;
        }
        i += len;
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte lane of `w` that is not an ASCII letter or
/// digit. Exact for every lane up to and including the lowest flagged one,
/// which is all the caller reads: ASCII lanes never carry into the next
/// lane, and a non-ASCII lane is flagged on its own.
#[inline(always)]
fn non_alnum_lanes(w: u64) -> u64 {
    let non_ascii = w & HI;
    let digit =
        w.wrapping_add(LO * (0x80 - b'0' as u64)) & !w.wrapping_add(LO * (0x7F - b'9' as u64));
    let folded = w | (LO * 0x20);
    let letter = folded.wrapping_add(LO * (0x80 - b'a' as u64))
        & !folded.wrapping_add(LO * (0x7F - b'z' as u64));
    (!(digit | letter) & HI) | non_ascii
}

/// End of the run of ASCII letters and digits from `i`, eight bytes at a
/// time.
#[inline]
fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes[i..].first_chunk::<8>() {
        let stop = non_alnum_lanes(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    match bytes[i..]
        .iter()
        .position(|&b| ASCII_ALNUM[b as usize] == 0)
    {
        Some(p) => i + p,
        None => bytes.len(),
    }
}

/// Length of a clitic ("s", "ll", "re", "ve", "d", "m", "t", any case)
/// starting at `i` and ending at a word boundary, if there is one.
fn clitic_len(bytes: &[u8], i: usize) -> Option<usize> {
    let e = scan_ascii(bytes, i, |b| b.is_ascii_alphabetic());
    if e == i || e - i > 2 {
        return None;
    }
    if e < bytes.len() {
        let (class, _) = class_at(bytes, e);
        if matches!(class, Class::Letter | Class::Digit | Class::Mark) {
            return None;
        }
    }
    let mut lower = [0u8; 2];
    for (k, b) in bytes[i..e].iter().enumerate() {
        lower[k] = b.to_ascii_lowercase();
    }
    match &lower[..e - i] {
        b"s" | b"d" | b"m" | b"t" | b"ll" | b"re" | b"ve" => Some(e - i),
        _ => None,
    }
}

/// A character of the local part of an e-mail address.
fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// "1" or "12": a list item number.
fn is_list_number(word: &[u8]) -> bool {
    word.len() <= 2 && word.iter().all(u8::is_ascii_digit)
}

/// Three digits at `i` not followed by a fourth: a thousands group.
fn thousands_group_at(bytes: &[u8], i: usize) -> bool {
    i + 3 <= bytes.len()
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && !matches!(bytes.get(i + 3), Some(b) if b.is_ascii_digit())
}

/// "t.co", "nytimes.com": a word with a period whose last label is 2 to 6
/// letters, which before a `/` reads as a URL without scheme.
fn looks_like_domain(word: &[u8]) -> bool {
    match word.iter().rposition(|&b| b == b'.') {
        Some(p) if p > 0 => {
            let tld = &word[p + 1..];
            (2..=6).contains(&tld.len()) && tld.iter().all(u8::is_ascii_alphabetic)
        }
        _ => false,
    }
}

fn scan_ascii(bytes: &[u8], mut i: usize, ok: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && ok(bytes[i]) {
        i += 1;
    }
    i
}

fn count(bytes: &[u8], b: u8) -> usize {
    bytes.iter().filter(|&&x| x == b).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_wide_alnum_scan_matches_the_byte_table() {
        let samples: [&[u8]; 7] = [
            b"Hamas agreed",
            b"abcdefghXYZ09@",
            b"0123456789:",
            b"`{[@/",
            b"al-Hayya",
            "n\u{e9}gociation".as_bytes(),
            &[
                0x7F, 0x80, 0xFF, b'a', b'Z', b'z', b'0', b'9', b'/', b':', b'@', b'[', b'`', b'{',
            ],
        ];
        for s in samples {
            for start in 0..s.len() {
                let slow = start
                    + s[start..]
                        .iter()
                        .position(|&b| ASCII_ALNUM[b as usize] == 0)
                        .unwrap_or(s.len() - start);
                assert_eq!(ascii_alnum_end(s, start), slow, "{s:?} from {start}");
            }
        }
        for b in 0..=255u8 {
            let mut chunk = [b'a'; 8];
            chunk[3] = b;
            let stop = non_alnum_lanes(u64::from_le_bytes(chunk));
            let expect_stop = ASCII_ALNUM[b as usize] == 0;
            assert_eq!(
                stop != 0 && stop.trailing_zeros() / 8 == 3,
                expect_stop,
                "byte {b:#x}"
            );
        }
    }
}
