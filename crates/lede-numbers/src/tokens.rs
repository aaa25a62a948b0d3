//! A small byte-level tokenizer for the inside of one sentence: words, digit
//! groups ("35,000", "2.3") and single punctuation characters, each marked
//! with whether white space precedes it. URLs, handles, hashtags, e-mail
//! addresses, version strings and letter-digit identifiers ("G7", "A320")
//! become `Skip` tokens so nothing inside them is read as a number.

use crate::lexicon::{folded_head, Lexicon, MAX_WORD, NO_INFO};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Digits,
    Punct,
    Skip,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte offsets in the text. `u32` like `Span` (texts are below 4 GiB):
    /// a sentence of millions of tokens keeps 16 bytes per token.
    start: u32,
    end: u32,
    /// The lexicon entry of a `Word` that can start a number, or `NO_INFO`
    /// (other words are looked up only when read as context); the
    /// character of a `Punct` token.
    data: u32,
    pub kind: Kind,
    /// No white space between the previous token and this one.
    pub glued: bool,
    /// A word starting with an upper-case letter.
    pub cap: bool,
    /// The matcher starts from this token: a word that can start a number,
    /// digits, "$", "%" and the non-ASCII punctuation (currency signs,
    /// vulgar fractions). Most tokens are none of these.
    pub live: bool,
}

impl Tok {
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// The lexicon entry of a word that can start a number, else `NO_INFO`.
    pub fn info(&self) -> u32 {
        if self.kind == Kind::Word {
            self.data
        } else {
            NO_INFO
        }
    }
    /// The character of a `Punct` token, else `'\0'`.
    pub fn ch(&self) -> char {
        if self.kind == Kind::Punct {
            char::from_u32(self.data).unwrap_or('\0')
        } else {
            '\0'
        }
    }
}

fn word_tok(start: usize, end: usize, glued: bool, cap: bool, info: u32) -> Tok {
    Tok {
        start: off(start),
        end: off(end),
        data: info,
        kind: Kind::Word,
        glued,
        cap,
        live: info != NO_INFO,
    }
}

fn digits(start: usize, end: usize, glued: bool) -> Tok {
    Tok {
        start: off(start),
        end: off(end),
        data: NO_INFO,
        kind: Kind::Digits,
        glued,
        cap: false,
        live: true,
    }
}

/// A byte offset as stored in a token: the tokenizer reads no further
/// than [`MAX_END`], so every offset fits.
fn off(i: usize) -> u32 {
    i as u32
}

/// Where the tokenizer stops at the latest: offsets past the end of a
/// sentence by a few bytes (the rest of a character) still fit a `u32`.
const MAX_END: usize = u32::MAX as usize - 8;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// A currency code written before an amount: capitals ("RM", "USD") or
/// "Rs", "KSh", known to the lexicon as a currency.
fn currency_code(lex: &Lexicon, word: &[u8]) -> bool {
    let caps = word.len() >= 2
        && (word.iter().all(u8::is_ascii_uppercase) || word == b"Rs" || word == b"KSh");
    caps && lex
        .info(lex.lookup(word))
        .is_some_and(|w| w.currency.is_some())
}

/// The end of the run of ASCII letters starting at `j` (before `end`).
/// Eight bytes at a time: a word of up to seven letters is one step.
pub(crate) fn letter_run_end(b: &[u8], mut j: usize, end: usize) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    while let Some(chunk) = b.get(j..j + 8).filter(|_| j + 8 <= end) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = (x | CASE) & LOW7;
        // Per byte, exact (no carries): the high bit is set when the
        // lower-cased byte is at least 'a', resp. past 'z'.
        let from_a = low + 0x1f1f_1f1f_1f1f_1f1f;
        let past_z = low + 0x0505_0505_0505_0505;
        let letters = from_a & !past_z & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return j + (others.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < end && is_word_byte(b[j]) {
        j += 1;
    }
    j
}

/// `char::is_alphabetic`, answered at once for the General Punctuation
/// block (curly quotes, dashes, no-break spaces), the non-ASCII characters
/// news text is full of and none of which is a letter.
pub(crate) fn is_letter(ch: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&ch) && ch.is_alphabetic()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Appends the tokens of `text[start..end]` to `out`.
#[inline(never)]
pub(crate) fn tokenize(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Tok>) {
    tokenize_with::<true>(text, start, end, lex, out);
}

/// Bytes that end a plain word after its run of ASCII letters: all but
/// what the full word reader looks at there (an apostrophe, the first byte
/// of a non-ASCII letter, and the ':', '.', '@' and digits of URLs, e-mail
/// addresses and identifiers).
pub(crate) static PLAIN_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut d = 0;
    while d < 0x80 {
        table[d] = !matches!(d as u8, b'\'' | b':' | b'.' | b'@' | b'0'..=b'9');
        d += 1;
    }
    table
};

/// The high bit of every byte of `x` that is not an ASCII letter.
#[inline]
pub(crate) fn non_letters(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    let low = (x | CASE) & LOW7;
    // Per byte, exact (no carries): the high bit is set when the
    // lower-cased byte is at least 'a', resp. past 'z'.
    let from_a = low + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = low + 0x0505_0505_0505_0505;
    let letters = from_a & !past_z & !x & HIGH;
    !letters & HIGH
}

/// The end of the run of ASCII letters at `i` (before `end`) and its
/// [`folded_head`]: one eight-byte load gives both for a word of up to
/// seven letters.
#[inline(always)]
pub(crate) fn letter_word(b: &[u8], i: usize, end: usize) -> (usize, u64) {
    const CASE: u64 = 0x2020_2020_2020_2020;
    match b.get(i..i + 8).filter(|_| i + 8 <= end) {
        Some(chunk) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let others = non_letters(x);
            if others == 0 {
                (letter_run_end(b, i + 8, end), x | CASE)
            } else {
                let len = (others.trailing_zeros() / 8) as usize;
                (i + len, (x | CASE) & ((1u64 << (8 * len)) - 1))
            }
        }
        None => {
            let j = letter_run_end(b, i, end);
            (j, folded_head(&b[i..j]))
        }
    }
}

/// Reads plain words from `i`, an ASCII letter before `end`: runs of ASCII
/// letters that end before a space, plain punctuation or the end of the
/// text, as the full reader in [`tokenize_with`] would make them (no
/// apostrophe, possessive, URL or identifier to look for). Goes on over
/// single spaces; returns where it stopped and whether that byte is glued:
/// before a byte that starts no word, or before a word that is not plain
/// (left to the full reader).
///
/// Most words of news text have at most seven letters: one eight-byte
/// load gives such a word's end, its [`folded_head`] and the byte after
/// it, and whether the next round starts on a letter; longer words and
/// the last bytes of a sentence take [`plain_word`].
#[inline]
fn plain_words(
    b: &[u8],
    mut i: usize,
    end: usize,
    mut glued: bool,
    lex: &Lexicon,
    out: &mut Vec<Tok>,
) -> (usize, bool) {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let s = b.get(..end).unwrap_or(b);
    loop {
        let Some(&chunk) = s.get(i..).and_then(<[u8]>::first_chunk::<8>) else {
            match tail_word(b, i, end, glued, lex, out) {
                After::Next(next) => {
                    i = next;
                    glued = false;
                    continue;
                }
                After::Stop(at, at_glued) => return (at, at_glued),
            }
        };
        let x = u64::from_le_bytes(chunk);
        let others = non_letters(x);
        let next = if others != 0 {
            // The high bit of the first byte that is not a letter.
            let stop = others.trailing_zeros();
            let len = (stop / 8) as usize;
            if len == 0 {
                // No word here (after a space: a digit, a quote...).
                return (i, glued);
            }
            let d = (x >> (stop - 7)) as u8;
            let class = AFTER_WORD[usize::from(d)];
            let head = (x | CASE) & ((others ^ (others - 1)) >> 8);
            if class == STOP || (class == URL_MARK && starts_url(head, d)) {
                return (i, glued);
            }
            let j = i + len;
            let info = if lex.may_start(head, len) {
                lex.starter_letters(head)
            } else {
                NO_INFO
            };
            out.push(word_tok(i, j, glued, x & 0x20 == 0, info));
            after_plain(s, j, d, class, out)
        } else {
            // Eight letters or more: never "www" or "http".
            let j = letter_run_end(s, i + 8, end);
            let Some(&d) = s.get(j) else {
                match plain_word(b, i, end, glued, lex, out) {
                    After::Next(next) => {
                        i = next;
                        glued = false;
                        continue;
                    }
                    After::Stop(at, at_glued) => return (at, at_glued),
                }
            };
            let class = AFTER_WORD[usize::from(d)];
            if class == STOP {
                return (i, glued);
            }
            let len = j - i;
            let info = if len <= MAX_WORD && lex.may_start(x | CASE, len) {
                lex.starter_id(&s[i..j])
            } else {
                NO_INFO
            };
            out.push(word_tok(i, j, glued, x & 0x20 == 0, info));
            after_plain(s, j, d, class, out)
        };
        match next {
            Ok(next) => {
                i = next;
                glued = false;
            }
            Err(at) => return (at, true),
        }
    }
}

/// Does a word read as `head` (its lower-cased letters, up to 8, packed
/// little-endian) followed by byte `d` start a URL? Only "www." and
/// "http:"/"https:" do.
#[inline]
fn starts_url(head: u64, d: u8) -> bool {
    head == u64::from_le_bytes(*b"www\0\0\0\0\0") && d == b'.'
        || (head == u64::from_le_bytes(*b"http\0\0\0\0")
            || head == u64::from_le_bytes(*b"https\0\0\0"))
            && d == b':'
}

/// A plain word in the last seven bytes of a sentence, for
/// [`plain_words`]: read from one eight-byte load like the others when the
/// text goes on after the sentence (the bytes past its end standing for
/// no letter), else by [`plain_word`].
#[inline(never)]
fn tail_word(
    b: &[u8],
    i: usize,
    end: usize,
    glued: bool,
    lex: &Lexicon,
    out: &mut Vec<Tok>,
) -> After {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let Some(&chunk) = b
        .get(i..)
        .and_then(<[u8]>::first_chunk::<8>)
        .filter(|_| i < end && end - i < 8)
    else {
        return plain_word(b, i, end, glued, lex, out);
    };
    let x = u64::from_le_bytes(chunk);
    let others = non_letters(x) | 0x8080_8080_8080_8080 << (8 * (end - i));
    let stop = others.trailing_zeros();
    let len = (stop / 8) as usize;
    if len == 0 {
        return After::Stop(i, glued);
    }
    // The byte after the word, inside the sentence or not.
    let d = (x >> (8 * len)) as u8;
    let class = AFTER_WORD[usize::from(d)];
    let head = (x | CASE) & ((1u64 << (8 * len)) - 1);
    if class == STOP || (class == URL_MARK && starts_url(head, d)) {
        return After::Stop(i, glued);
    }
    let j = i + len;
    let info = if lex.may_start(head, len) {
        lex.starter_letters(head)
    } else {
        NO_INFO
    };
    out.push(word_tok(i, j, glued, x & 0x20 == 0, info));
    if j == end {
        // The sentence ends with the word.
        return After::Stop(j, true);
    }
    let s = b.get(..end).unwrap_or(b);
    match after_plain(s, j, d, class, out) {
        Ok(next) => After::Next(next),
        Err(at) => After::Stop(at, true),
    }
}

/// After a plain word pushed by [`plain_words`], ending at `j` before the
/// byte `d` of class `class` (`j` inside the sentence `s`): most words are
/// followed by one space, or by a comma or a full stop and one space, and
/// another word. `Ok` with where the next word may start after one space,
/// else `Err` with where the full reader goes on (glued).
#[inline(always)]
fn after_plain(s: &[u8], j: usize, d: u8, class: u8, out: &mut Vec<Tok>) -> Result<usize, usize> {
    match class {
        SPACE => Ok(j + 1),
        BLANK => Err(j),
        _ => {
            out.push(punct(j, j + 1, char::from(d), true));
            if s.get(j + 1) == Some(&b' ') {
                Ok(j + 2)
            } else {
                Err(j + 1)
            }
        }
    }
}

/// What the byte after a plain word's letters makes of it, in
/// [`plain_words`]: `STOP` for what the full reader looks at (an
/// apostrophe, the first byte of a non-ASCII letter, the "@" and digits of
/// e-mail addresses and identifiers); else the word ends there and the
/// byte is a `SPACE`, other white space or "#" (`BLANK`), punctuation of
/// its own (`PUNCT`) or the "." or ":" that may follow the start of a URL
/// (`URL_MARK`).
static AFTER_WORD: [u8; 256] = {
    let mut table = [STOP; 256];
    let mut d = 0;
    while d < 0x80 {
        let c = d as u8;
        table[d] = if c == b' ' {
            SPACE
        } else if c == b'.' || c == b':' {
            URL_MARK
        } else if !PLAIN_END[d] {
            STOP
        } else if SIMPLE_PUNCT[d] {
            PUNCT
        } else {
            BLANK
        };
        d += 1;
    }
    table
};
const STOP: u8 = 0;
const SPACE: u8 = 1;
const BLANK: u8 = 2;
const PUNCT: u8 = 3;
const URL_MARK: u8 = 4;

/// One plain word at `i` for [`plain_words`], read byte by byte where the
/// eight-byte step does not fit (a word of eight letters or more, the end
/// of the sentence): pushes it and returns where the next word may start,
/// after one space; `None` when there is no plain word at `i` or no space
/// after it (nothing pushed then, or the caller goes on at the byte after
/// the word, glued).
#[inline(never)]
fn plain_word(
    b: &[u8],
    i: usize,
    end: usize,
    glued: bool,
    lex: &Lexicon,
    out: &mut Vec<Tok>,
) -> After {
    let (j, head) = letter_word(b, i, end);
    let next = b.get(j).copied();
    let plain = match next {
        None => true,
        Some(d) if PLAIN_END[usize::from(d)] => true,
        // Only "www." and "http:" start URLs.
        Some(b'.') => !b[i..j].eq_ignore_ascii_case(b"www"),
        Some(b':') => {
            !(b[i..j].eq_ignore_ascii_case(b"http") || b[i..j].eq_ignore_ascii_case(b"https"))
        }
        _ => false,
    };
    if j == i || !plain {
        return After::Stop(i, glued);
    }
    let info = lex.lookup_starter_head(&b[i..j], head);
    out.push(word_tok(i, j, glued, b[i].is_ascii_uppercase(), info));
    let mut k = j;
    if let Some(d) = next.filter(|&d| j < end && SIMPLE_PUNCT[usize::from(d)]) {
        out.push(punct(j, j + 1, char::from(d), true));
        k = j + 1;
    }
    if !(k < end && b[k] == b' ') {
        return After::Stop(k, true);
    }
    After::Next(k + 1)
}

/// Where [`plain_word`] leaves the reader.
enum After {
    /// After one space: the next word may start here (not glued).
    Next(usize),
    /// Stop here, with whether this byte is glued.
    Stop(usize, bool),
}

/// ASCII punctuation that is always a token of its own after a word: all
/// but letters, digits, white space and the "@" and "#" of handles.
static SIMPLE_PUNCT: [bool; 256] = {
    let mut table = [false; 256];
    let mut d = 0;
    while d < 0x80 {
        let c = d as u8;
        table[d] =
            !(c.is_ascii_alphanumeric() || c.is_ascii_whitespace() || c == b'@' || c == b'#');
        d += 1;
    }
    table
};

/// The tokenizer; `FAST` takes plain ASCII words (most words of news text)
/// through a short path, which the tests compare with the full one.
fn tokenize_with<const FAST: bool>(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    out: &mut Vec<Tok>,
) {
    let b = text.as_bytes();
    let end = end.min(b.len()).min(MAX_END);
    let mut i = start;
    let mut glued = false;
    while i < end {
        let c = b[i];
        if FAST && c.is_ascii_alphabetic() {
            let (next, next_glued) = plain_words(b, i, end, glued, lex, out);
            if next != i {
                i = next;
                glued = next_glued;
                continue;
            }
        }
        if c.is_ascii_whitespace() {
            i += 1;
            glued = false;
            continue;
        }
        let tok_start = i;
        if c.is_ascii_alphabetic() || c >= 0x80 {
            let ch = if c >= 0x80 {
                char_at(text, i)
            } else {
                Some(c as char)
            };
            let Some(ch) = ch else {
                i += 1;
                continue;
            };
            if c >= 0x80 && !is_letter(ch) {
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    i += len;
                    glued = false;
                    continue;
                }
                out.push(punct(i, i + len, ch, glued));
                i += len;
                glued = true;
                continue;
            }
            let mut j = i;
            // Whether the word holds an apostrophe: only then can it end
            // in a possessive "’s" or "'s" (the first character is a letter).
            let mut apostrophe = false;
            while j < end {
                // Most words are plain ASCII letters: run over them in a
                // tight loop before looking at anything else.
                j = letter_run_end(b, j, end);
                if j >= end {
                    break;
                }
                let d = b[j];
                if d >= 0x80 {
                    match char_at(text, j) {
                        Some(ch) if is_letter(ch) => j += ch.len_utf8(),
                        // An apostrophe inside a word: "can't", "Israel’s".
                        Some('’') if j + 3 < end && is_word_byte(b[j + 3]) => {
                            j += 3;
                            apostrophe = true;
                        }
                        _ => break,
                    }
                } else if d == b'\'' && j + 1 < end && is_word_byte(b[j + 1]) {
                    j += 1;
                    apostrophe = true;
                } else {
                    break;
                }
            }
            let word = &b[i..j];
            // Most words end before a space or a comma: the checks below
            // for URLs ("https:", "www."), handles ("name@") and letters
            // glued to digits all need one of these bytes right after the
            // word, so the common case skips them.
            let special_next = b
                .get(j)
                .is_some_and(|&d| matches!(d, b':' | b'.' | b'@' | b'0'..=b'9'));
            if special_next {
                let url = (word.eq_ignore_ascii_case(b"http")
                    || word.eq_ignore_ascii_case(b"https"))
                    && b[j..end].starts_with(b"://")
                    || word.eq_ignore_ascii_case(b"www") && b.get(j) == Some(&b'.');
                if url || b.get(j) == Some(&b'@') && j < end {
                    i = skip_to_space(b, i, end);
                    out.push(skip(tok_start, i, glued));
                    glued = true;
                    continue;
                }
                // Letters glued to digits after them: "G7", "A320", "B52s"; but
                // a currency code in capitals before an amount is a word of its
                // own ("RM100,000", "USD500", "KSh2,000").
                if j < end && b[j].is_ascii_digit() && !currency_code(lex, word) {
                    i = skip_alnum(b, j, end);
                    out.push(skip(tok_start, i, glued));
                    glued = true;
                    continue;
                }
            }
            // A possessive "’s" is a token of its own, so "January’s" is a
            // month and "Israel’s" still reads as a possessive.
            let suffix = if !apostrophe {
                0
            } else if word.ends_with("’s".as_bytes()) {
                4
            } else if word.ends_with(b"'s") {
                2
            } else {
                0
            };
            let stem_end = if word.len() > suffix { j - suffix } else { j };
            // `ch` is the word's first character.
            let cap = c.is_ascii_uppercase() || (c >= 0x80 && ch.is_uppercase());
            let info = lex.lookup_starter(&b[i..stem_end]);
            out.push(word_tok(i, stem_end, glued, cap, info));
            if stem_end < j {
                out.push(word_tok(stem_end, j, true, false, NO_INFO));
            }
            i = j;
            // Most words are followed by one space: pass over it here
            // rather than by a round of the main loop.
            glued = !(i < end && b[i] == b' ');
            if !glued {
                i += 1;
            }
            continue;
        }
        // ".25": a decimal point not glued to a word or a number before it.
        let leading_dot = c == b'.'
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && i + 1 < end
            && (!glued
                || out
                    .last()
                    .is_some_and(|t| t.kind == Kind::Punct && t.ch() != '.'));
        if c.is_ascii_digit() || leading_dot {
            let mut j = i;
            let mut dots = 0;
            let mut version = false;
            // Digits before the first separator, and whether the groups so far
            // were separated by spaces ("25 000") or Indian style ("4,50,000").
            let mut head = 0;
            let mut grouped = false;
            let mut spaced = false;
            // Where the first space separator was: a digit group after the
            // last spaced group means a phone number, not thousands.
            let mut first_space = None;
            let after_number = out.last().is_some_and(|t| {
                t.kind == Kind::Digits || (t.kind == Kind::Punct && t.ch() == '+')
            });
            while j < end {
                if b[j].is_ascii_digit() {
                    j += 1;
                    if !grouped {
                        head += 1;
                    }
                    continue;
                }
                // Only after the digits: most bytes of a number are digits.
                let sep = group_separator(b, j, end);
                if b[j] == b','
                    && j + 4 <= end
                    && b.get(j + 1..j + 4)
                        .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
                    && dots == 0
                    && !spaced
                {
                    j += 4;
                    grouped = true;
                } else if b[j] == b','
                    && dots == 0
                    && !spaced
                    && (head <= 2 || grouped)
                    && indian_groups(b, j, end)
                {
                    // "4,50,000": two-digit groups before the last three.
                    j += 3;
                    grouped = true;
                } else if sep > 0
                    && dots == 0
                    && head <= 3
                    && !after_number
                    && b[i] != b'0'
                    && (spaced || !grouped)
                    && j + sep + 3 <= end
                    && b[j + sep..j + sep + 3].iter().all(u8::is_ascii_digit)
                    && !b
                        .get(j + sep + 3)
                        .is_some_and(|&d| d.is_ascii_digit() || d == b',')
                {
                    // "25 000", "1 250 000" (also with no-break spaces).
                    first_space.get_or_insert(j);
                    j += sep + 3;
                    grouped = true;
                    spaced = true;
                } else if b[j] == b'.'
                    && b.get(j + 1).is_some_and(u8::is_ascii_digit)
                    && j + 1 < end
                {
                    dots += 1;
                    if dots > 1 {
                        version = true;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            if let Some(first) = first_space {
                let sep = group_separator(b, j, end.min(b.len()));
                if sep > 0 && b.get(j + sep).is_some_and(u8::is_ascii_digit) && j + sep < end {
                    j = first;
                }
            }
            // Digits glued after letters are handled above; digits glued to a
            // previous identifier belong to it.
            let after_skip = glued && out.last().is_some_and(|t| t.kind == Kind::Skip);
            if version || after_skip {
                i = skip_alnum(b, j, end);
                out.push(skip(tok_start, i, glued));
            } else {
                out.push(digits(i, j, glued));
                i = j;
            }
            glued = true;
            continue;
        }
        if c == b'@' || c == b'#' {
            // Handles, hashtags, and the local part of an e-mail address.
            while glued && out.last().is_some_and(|t| t.kind != Kind::Punct) {
                out.pop();
            }
            i = skip_to_space(b, i, end);
            out.push(skip(tok_start, i, false));
            glued = true;
            continue;
        }
        out.push(punct(i, i + 1, c as char, glued));
        i += 1;
        // A comma or a full stop is mostly followed by one space.
        glued = !(i < end && b[i] == b' ');
        if !glued {
            i += 1;
        }
    }
}

/// The byte length of a thousands separator made of space at `j` (a space,
/// a no-break space, a narrow no-break space or a thin space), or 0.
fn group_separator(b: &[u8], j: usize, end: usize) -> usize {
    let rest = &b[j..end];
    if rest.first() == Some(&b' ') {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        0
    }
}

/// At the comma `j`: Indian grouping goes on, two-digit groups followed by
/// a last group of three ("4,50,000", "1,00,00,000").
fn indian_groups(b: &[u8], mut j: usize, end: usize) -> bool {
    let digit = |k: usize| k < end && b[k].is_ascii_digit();
    loop {
        if j >= end || b[j] != b',' {
            return false;
        }
        if digit(j + 1) && digit(j + 2) && digit(j + 3) {
            return !digit(j + 4);
        }
        if !(digit(j + 1) && digit(j + 2)) {
            return false;
        }
        j += 3;
    }
}

fn punct(start: usize, end: usize, ch: char, glued: bool) -> Tok {
    Tok {
        start: off(start),
        end: off(end),
        data: u32::from(ch),
        kind: Kind::Punct,
        glued,
        cap: false,
        live: !ch.is_ascii() || ch == '$' || ch == '%',
    }
}

fn skip(start: usize, end: usize, glued: bool) -> Tok {
    Tok {
        start: off(start),
        end: off(end),
        data: NO_INFO,
        kind: Kind::Skip,
        glued,
        cap: false,
        live: false,
    }
}

/// The end of the run of non-white-space bytes starting at `i` (always a char
/// boundary: white space is ASCII or a whole multi-byte character).
fn skip_to_space(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    // Stop before a UTF-8 continuation byte sequence is split: move back to
    // a char start if `end` cut a character (it never does for sentence ends).
    while i < b.len() && i > 0 && (b[i] & 0xC0) == 0x80 {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters, digits, dots and hyphens at `i`.
fn skip_alnum(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end
        && (b[i].is_ascii_alphanumeric()
            || (matches!(b[i], b'.' | b'-' | b'/' | b',')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                && i + 1 < end))
    {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// start, end, info, ch, kind, glued, cap, live
    type Fields = (usize, usize, u32, char, Kind, bool, bool, bool);

    /// Every field of every token, from the short path or the full one.
    fn all_fields<const FAST: bool>(
        lex: &Lexicon,
        text: &str,
        start: usize,
        end: usize,
    ) -> Vec<Fields> {
        let mut out = Vec::new();
        tokenize_with::<FAST>(text, start, end, lex, &mut out);
        out.iter()
            .map(|t| {
                (
                    t.start(),
                    t.end(),
                    t.info(),
                    t.ch(),
                    t.kind,
                    t.glued,
                    t.cap,
                    t.live,
                )
            })
            .collect()
    }

    /// Pieces of news text that put every branch of both word readers to
    /// work: number words in any case, hyphens, apostrophes, possessives,
    /// non-ASCII letters and punctuation, URLs, handles, identifiers and
    /// currency codes glued to digits.
    const PIECES: [&str; 54] = [
        "twenty",
        "Twenty",
        "MILLION",
        "million",
        "a",
        "A",
        "an",
        "one",
        "First",
        "may",
        "May",
        "percent",
        "per",
        "cent",
        "the",
        "said",
        "ceasefire",
        "hostages",
        "over",
        "twenty-five",
        "mid-2000s",
        "$",
        "€",
        "%",
        "£5",
        "35,000",
        "2.3",
        "1990s",
        "’s",
        "Israel’s",
        "can't",
        "o'clock",
        "Wrocław",
        "naïve",
        "“",
        "”",
        "—",
        "-",
        "‑",
        ".",
        ",",
        ":",
        "www.lede.news",
        "https://t.co/x1",
        "@user9",
        "G7",
        "RM100",
        "USD500",
        "www",
        "HTTP",
        "https",
        "Mr.",
        "U.S.",
        "#",
    ];
    const GLUE: [&str; 8] = [" ", " ", " ", "", "  ", "\n", "\u{a0}", ", "];

    proptest! {
        #[test]
        fn short_path_makes_the_tokens_of_the_full_reader(
            parts in proptest::collection::vec((0..PIECES.len(), 0..GLUE.len()), 0..40),
            cut in 0usize..8,
        ) {
            let lex = Lexicon::load().expect("lexicon");
            let mut text = String::new();
            for (p, g) in parts {
                text.push_str(PIECES[p]);
                text.push_str(GLUE[g]);
            }
            // Sentences that end inside the text, before what follows.
            let end = text.floor_char_boundary(text.len().saturating_sub(cut));
            prop_assert_eq!(
                all_fields::<true>(&lex, &text, 0, end),
                all_fields::<false>(&lex, &text, 0, end)
            );
        }

        #[test]
        fn short_path_agrees_on_any_text(text in "\\PC{0,80}", cut in 0usize..8) {
            let lex = Lexicon::load().expect("lexicon");
            let end = text.floor_char_boundary(text.len().saturating_sub(cut));
            prop_assert_eq!(
                all_fields::<true>(&lex, &text, 0, end),
                all_fields::<false>(&lex, &text, 0, end)
            );
        }
    }

    #[test]
    fn the_folded_head_of_a_load_is_that_of_the_word() {
        for text in [
            "ceasefire negotiations",
            "Two",
            "a",
            "MILLIONS of",
            "thirteen",
        ] {
            let b = text.as_bytes();
            let j = letter_run_end(b, 0, b.len());
            assert_eq!(
                letter_word(b, 0, b.len()),
                (j, folded_head(&b[..j])),
                "{text}"
            );
        }
    }

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let lex = Lexicon::load().expect("lexicon");
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &lex, &mut out);
        out.iter()
            .map(|t| (text[t.start()..t.end()].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn digit_groups_and_identifiers() {
        let toks = kinds("Over 35,000 died; 2.3 million in G7 v1.2.3 at https://t.co/x1 @user9.");
        let words: Vec<&str> = toks.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "Over",
                "35,000",
                "died",
                ";",
                "2.3",
                "million",
                "in",
                "G7",
                "v1.2.3",
                "at",
                "https://t.co/x1",
                "@user9."
            ]
        );
        assert_eq!(toks[1].1, Kind::Digits);
        assert_eq!(toks[7].1, Kind::Skip);
        assert_eq!(toks[8].1, Kind::Skip);
    }

    #[test]
    fn letter_runs_stop_at_the_first_other_byte() {
        let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        assert_eq!(letter_run_end(text.as_bytes(), 0, text.len()), text.len());
        // Every byte that is not an ASCII letter ends a run, wherever it
        // falls in an eight-byte step.
        for stop in 0u8..=255 {
            if stop.is_ascii_alphabetic() {
                continue;
            }
            for at in 0..12 {
                let mut bytes = b"ministerialxyzq".to_vec();
                bytes[at] = stop;
                assert_eq!(letter_run_end(&bytes, 0, bytes.len()), at, "{stop} at {at}");
            }
        }
        // The run never passes `end`.
        assert_eq!(letter_run_end(b"ceasefires", 0, 4), 4);
        assert_eq!(letter_run_end(b"ceasefires", 2, 9), 9);
    }

    #[test]
    fn bytes_after_a_word_that_make_it_a_skip() {
        let toks = kinds("Mail desk@paper.com or www.lede.news, the A320 by RM100,000 at 10:30.");
        let words: Vec<(&str, Kind)> = toks.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert_eq!(
            words,
            [
                ("Mail", Kind::Word),
                ("desk@paper.com", Kind::Skip),
                ("or", Kind::Word),
                ("www.lede.news,", Kind::Skip),
                ("the", Kind::Word),
                ("A320", Kind::Skip),
                ("by", Kind::Word),
                ("RM", Kind::Word),
                ("100,000", Kind::Digits),
                ("at", Kind::Word),
                ("10", Kind::Digits),
                (":", Kind::Punct),
                ("30", Kind::Digits),
                (".", Kind::Punct),
            ]
        );
    }

    #[test]
    fn apostrophes_and_hyphens() {
        let toks = kinds("Israel’s pre‑March 2 lines, can't.");
        let words: Vec<&str> = toks.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            ["Israel", "’s", "pre", "‑", "March", "2", "lines", ",", "can't", "."]
        );
    }
}
