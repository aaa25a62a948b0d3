//! Character classes shared by the paragraph, sentence and token scanners.
//!
//! ASCII is classified through a 128-entry table; other characters are
//! decoded from the (always valid) UTF-8 bytes and classified with the
//! standard library's Unicode properties plus a few ranges (combining marks,
//! emoji, quote marks) that the standard library does not expose.

/// The class of one character, as the scanners see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Space,
    /// A letter of a cased or uncased alphabet (Latin, Hebrew, Arabic, ...).
    Letter,
    Digit,
    /// Combining marks, joiners and variation selectors: they attach to the
    /// character before them.
    Mark,
    /// `'` and `’`: apostrophe or single quote.
    Apostrophe,
    /// `-`, `‐` and `‑` (hyphen, non-breaking hyphen): join compounds.
    Hyphen,
    Period,
    Comma,
    Colon,
    Slash,
    Ampersand,
    At,
    Hash,
    Plus,
    /// An ideograph or kana: a word of its own (UAX #29 treats each as a
    /// separate segment).
    Ideograph,
    Emoji,
    RegionalIndicator,
    Punct,
    Symbol,
}

const fn ascii_table() -> [Class; 128] {
    let mut t = [Class::Symbol; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'\'' => Class::Apostrophe,
            b'-' => Class::Hyphen,
            b'.' => Class::Period,
            b',' => Class::Comma,
            b':' => Class::Colon,
            b'/' => Class::Slash,
            b'&' => Class::Ampersand,
            b'@' => Class::At,
            b'#' => Class::Hash,
            b'+' => Class::Plus,
            b'!' | b'"' | b'(' | b')' | b'*' | b';' | b'?' | b'[' | b'\\' | b']' | b'_' | b'{'
            | b'}' => Class::Punct,
            _ => Class::Symbol,
        };
        i += 1;
    }
    t
}

pub(crate) static ASCII: [Class; 128] = ascii_table();

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// True when one of the eight bytes packed in `word` equals `b` (the
/// zero-byte test: no false negatives).
#[inline(always)]
fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (LO * b as u64);
    x.wrapping_sub(LO) & !x & HI != 0
}

/// True when one of the eight bytes packed in `word` is below `n` (n <= 128).
#[inline(always)]
fn has_less(word: u64, n: u8) -> bool {
    word.wrapping_sub(LO * n as u64) & !word & HI != 0
}

/// A set of byte values, as a table.
const fn byte_table(members: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < members.len() {
        t[members[k] as usize] = true;
        k += 1;
    }
    t
}

/// The first position in `from..to` whose byte is in `table`, or `to`.
/// Eight bytes at a time are first tested with `may_contain`, a cheap
/// word-wide test that must be true whenever a member is among them.
#[inline(always)]
fn find_in(
    bytes: &[u8],
    from: usize,
    to: usize,
    table: &[bool; 256],
    may_contain: impl Fn(u64) -> bool,
) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes[i..to].first_chunk::<8>() {
        if may_contain(u64::from_le_bytes(*chunk)) {
            if let Some(p) = chunk.iter().position(|&b| table[b as usize]) {
                return i + p;
            }
        }
        i += 8;
    }
    match bytes[i..to].iter().position(|&b| table[b as usize]) {
        Some(p) => i + p,
        None => to,
    }
}

/// Bytes that can begin a line break: `\n`, `\r`, VT, FF and the lead
/// bytes of U+0085 (0xC2) and U+2028/U+2029 (0xE2).
static LINE_BREAK_LEADS: [bool; 256] = byte_table(&[b'\n', b'\r', 0x0B, 0x0C, 0xC2, 0xE2]);

/// The next byte in `from..to` that can begin a line break.
#[inline]
pub(crate) fn find_line_break_lead(bytes: &[u8], from: usize, to: usize) -> usize {
    find_in(bytes, from, to, &LINE_BREAK_LEADS, |w| {
        has_less(w, 0x0E) || w & HI != 0
    })
}

/// Bytes that can begin a sentence terminator: `.`, `!`, `?`, the lead
/// byte of `…` and `‼`/`⁇`/`⁈`/`⁉` (0xE2), and of the ideographic and
/// full-width stops (0xE3, 0xEF).
static TERMINATOR_LEADS: [bool; 256] = byte_table(&[b'.', b'!', b'?', 0xE2, 0xE3, 0xEF]);

/// The next byte in `from..to` that can begin a sentence terminator.
#[inline]
pub(crate) fn find_terminator_lead(bytes: &[u8], from: usize, to: usize) -> usize {
    find_in(bytes, from, to, &TERMINATOR_LEADS, |w| {
        has_byte(w, b'.') || has_byte(w, b'!') || has_byte(w, b'?') || w & HI != 0
    })
}

/// ASCII letters and digits: 1 for a letter, 2 for a digit, 0 otherwise.
pub(crate) static ASCII_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Decodes the char starting at byte `i` of valid UTF-8 `bytes`; returns the
/// char and its length in bytes. `i` must be a char boundary below `len`.
#[inline]
pub(crate) fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = bytes[i] as u32;
    if b0 < 0x80 {
        return (b0 as u8 as char, 1);
    }
    let (cp, len) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12)
                | ((bytes[i + 1] as u32 & 0x3F) << 6)
                | (bytes[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((bytes[i + 1] as u32 & 0x3F) << 12)
                | ((bytes[i + 2] as u32 & 0x3F) << 6)
                | (bytes[i + 3] as u32 & 0x3F),
            4,
        )
    };
    (char::from_u32(cp).unwrap_or('\u{FFFD}'), len)
}

/// Class and byte length of the char at `i`.
#[inline]
pub(crate) fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let b = bytes[i];
    if b < 0x80 {
        (ASCII[b as usize], 1)
    } else {
        let (c, len) = decode(bytes, i);
        (classify(c), len)
    }
}

/// Class of a non-ASCII char (works for ASCII too).
pub(crate) fn classify(c: char) -> Class {
    let cp = c as u32;
    if cp < 0x80 {
        return ASCII[cp as usize];
    }
    if (0x2000..=0x206F).contains(&cp) {
        // General Punctuation, frequent in news (quotes, dashes, ellipsis):
        // classified here without the slower property lookups below.
        return match cp {
            0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F => Class::Space,
            0x200C | 0x200D => Class::Mark,
            0x2019 => Class::Apostrophe,
            0x2010 | 0x2011 => Class::Hyphen,
            // ONE DOT LEADER is punctuation of its own: the tokenizer's
            // period rules assume the one-byte '.'.
            0x2024 => Class::Punct,
            0x203C | 0x2049 => Class::Emoji,
            0x2010..=0x2027 | 0x2030..=0x2043 | 0x2045..=0x2051 | 0x2053..=0x205E => Class::Punct,
            _ => Class::Symbol,
        };
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    match cp {
        0x2019 => return Class::Apostrophe,
        0x2010 | 0x2011 => return Class::Hyphen,
        0x1F1E6..=0x1F1FF => return Class::RegionalIndicator,
        _ => {}
    }
    if is_mark(cp) {
        return Class::Mark;
    }
    if is_emoji(cp) {
        return Class::Emoji;
    }
    if is_ideograph(cp) {
        return Class::Ideograph;
    }
    if c.is_alphabetic() {
        return Class::Letter;
    }
    if c.is_numeric() {
        return Class::Digit;
    }
    if is_punct(cp) {
        return Class::Punct;
    }
    Class::Symbol
}

/// Combining marks (general categories Mn/Mc/Me in the common blocks),
/// joiners, variation selectors and emoji modifiers that attach to the
/// preceding character. Marks that are also Alphabetic (most Indic vowel
/// signs) are covered by `is_alphabetic` and do not need to be listed.
fn is_mark(cp: u32) -> bool {
    matches!(cp,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7 | 0x06E8
        | 0x06EA..=0x06ED
        | 0x0900..=0x0903
        | 0x093A..=0x094F
        | 0x0951..=0x0957
        | 0x0962 | 0x0963
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF
    )
}

/// Extended pictographic characters that are emoji by default (a practical
/// subset of the Unicode emoji data: the emoji blocks plus the common
/// dingbats and symbols).
fn is_emoji(cp: u32) -> bool {
    matches!(cp,
        0x1F000..=0x1F1E5
        | 0x1F200..=0x1F3FA
        | 0x1F400..=0x1FAFF
        | 0x2600..=0x27BF
        | 0x231A | 0x231B | 0x2328 | 0x23CF
        | 0x23E9..=0x23F3
        | 0x23F8..=0x23FA
        | 0x2B05..=0x2B07
        | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299
    )
}

fn is_ideograph(cp: u32) -> bool {
    matches!(cp,
        0x3040..=0x309F      // Hiragana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x3FFFF  // supplementary ideographic planes
    )
}

/// Punctuation (general category P*) outside ASCII, for the blocks news
/// text uses; everything else that is not a letter, digit or mark is a
/// symbol.
fn is_punct(cp: u32) -> bool {
    matches!(cp,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x037E | 0x0387
        | 0x055A..=0x055F | 0x0589 | 0x058A
        | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3 | 0x05F4
        | 0x060C | 0x060D | 0x061B | 0x061E | 0x061F | 0x066A..=0x066D | 0x06D4
        | 0x0964 | 0x0965 | 0x0970
        | 0x2010..=0x2027
        | 0x2030..=0x2043
        | 0x2045..=0x2051
        | 0x2053..=0x205E
        | 0x207D | 0x207E | 0x208D | 0x208E
        | 0x2308..=0x230B | 0x2329 | 0x232A
        | 0x2768..=0x2775
        | 0x27C5 | 0x27C6 | 0x27E6..=0x27EF
        | 0x2983..=0x2998 | 0x29D8..=0x29DB | 0x29FC | 0x29FD
        | 0x2E00..=0x2E4F
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F
        | 0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFE50..=0xFE6B
        | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F
        | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F
        | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65
    )
}

/// True for letters and digits: the characters words are made of.
#[inline]
pub(crate) fn is_alnum(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit)
}

/// Closing quote marks and brackets that may follow a sentence's final
/// punctuation and belong to that sentence.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

/// Opening quote marks and brackets that may start a sentence.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '"'
            | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '„'
            | '「'
            | '『'
            | '（'
            | '¿'
            | '¡'
    )
}

/// Byte offset of the start of the char that ends at `i` (exclusive), for
/// valid UTF-8; `i` must be > 0.
#[inline]
pub(crate) fn prev_char_start(bytes: &[u8], i: usize) -> usize {
    let mut j = i - 1;
    while j > 0 && (bytes[j] & 0xC0) == 0x80 {
        j -= 1;
    }
    j
}

/// Whether `b` can start a Unicode white-space character that is not ASCII
/// (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000); used to skip decoding for all other lead bytes.
#[inline]
pub(crate) fn may_start_unicode_space(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// True when the char at `i` is white space; returns its byte length too.
#[inline]
pub(crate) fn space_at(bytes: &[u8], i: usize) -> (bool, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (ASCII[b as usize] == Class::Space, 1);
    }
    let len = utf8_len(b);
    if may_start_unicode_space(b) {
        let (c, _) = decode(bytes, i);
        (c.is_whitespace(), len)
    } else {
        (false, len)
    }
}

#[inline]
pub(crate) fn utf8_len(lead: u8) -> usize {
    if lead < 0x80 {
        1
    } else if lead < 0xE0 {
        2
    } else if lead < 0xF0 {
        3
    } else {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_news_characters() {
        assert_eq!(classify('a'), Class::Letter);
        assert_eq!(classify('é'), Class::Letter);
        assert_eq!(classify('נ'), Class::Letter);
        assert_eq!(classify('\u{0301}'), Class::Mark);
        assert_eq!(classify('’'), Class::Apostrophe);
        assert_eq!(classify('‑'), Class::Hyphen);
        assert_eq!(classify('—'), Class::Punct);
        assert_eq!(classify('“'), Class::Punct);
        assert_eq!(classify('…'), Class::Punct);
        assert_eq!(classify('€'), Class::Symbol);
        assert_eq!(classify('😀'), Class::Emoji);
        assert_eq!(classify('中'), Class::Ideograph);
        assert_eq!(classify('\u{00A0}'), Class::Space);
        assert_eq!(classify('\u{2029}'), Class::Space);
        assert_eq!(classify('٣'), Class::Digit);
    }

    #[test]
    fn decodes_every_width() {
        for s in ["a", "é", "’", "😀"] {
            let (c, len) = decode(s.as_bytes(), 0);
            assert_eq!(Some(c), s.chars().next());
            assert_eq!(len, s.len());
        }
    }
}
