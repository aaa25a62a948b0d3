//! The scanner behind the handles plugin: finds URLs, email addresses,
//! @handles and #hashtags in text. Pure Rust with no dependencies (the
//! benchmarks compile this file natively to compare with the loaded plugin).
//!
//! It works on bytes: every match starts at an ASCII byte (`h`, `w`, `@`,
//! `#` or an email's local part), so offsets are always char boundaries.

/// What was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Url,
    Email,
    Handle,
    Hashtag,
}

impl Kind {
    /// The label written to the layer.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Url => "url",
            Kind::Email => "email",
            Kind::Handle => "handle",
            Kind::Hashtag => "hashtag",
        }
    }

    /// The name of the attribute holding [`Found::value`].
    pub fn value_name(self) -> &'static str {
        match self {
            Kind::Url => "host",
            Kind::Email => "domain",
            Kind::Handle => "user",
            Kind::Hashtag => "tag",
        }
    }
}

/// What to look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub urls: bool,
    pub emails: bool,
    pub handles: bool,
    pub hashtags: bool,
    /// The fewest characters of a handle's or hashtag's name (after `@`/`#`).
    pub min_length: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            urls: true,
            emails: true,
            handles: true,
            hashtags: true,
            min_length: 1,
        }
    }
}

/// One match: byte offsets into the text, its kind, and the part named by
/// [`Kind::value_name`] (the host of a URL, the domain of an email, the user
/// name of a handle, the tag of a hashtag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: &'t str,
}

/// Calls `found` for each match, left to right, without overlaps.
pub fn scan<'t>(text: &'t str, config: &Config, mut found: impl FnMut(Found<'t>)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // End of the last match: an email's local part may not reach before it.
    let mut last_end = 0;
    while i < bytes.len() {
        let hit = match bytes[i] {
            b'h' | b'H' | b'w' | b'W' if config.urls => url_at(text, i),
            b'@' => (if config.emails {
                email_at(text, i, last_end)
            } else {
                None
            })
            .or_else(|| {
                if config.handles {
                    handle_at(text, i, config.min_length)
                } else {
                    None
                }
            }),
            b'#' if config.hashtags => hashtag_at(text, i, config.min_length),
            _ => None,
        };
        match hit {
            Some(f) => {
                i = f.end;
                last_end = f.end;
                found(f);
            }
            None => i += 1,
        }
    }
}

/// The character ending at byte `i` (`None` at the start).
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte `i`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Characters that end a URL even without white space around them.
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>'
                | '"'
                | '`'
                | '{'
                | '}'
                | '|'
                | '\\'
                | '^'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '…'
        )
}

fn url_at(text: &str, i: usize) -> Option<Found<'_>> {
    if char_before(text, i).is_some_and(is_word) {
        return None;
    }
    let rest = &text.as_bytes()[i..];
    // Where the host starts, and where its name proper starts (after "www.").
    let (host_start, name_start) = if starts_with_ignore_case(rest, b"https://") {
        (i + 8, i + 8)
    } else if starts_with_ignore_case(rest, b"http://") {
        (i + 7, i + 7)
    } else if starts_with_ignore_case(rest, b"www.") {
        (i, i + 4)
    } else {
        return None;
    };
    // The raw extent: up to white space or a character URLs do not contain.
    let mut end = text[host_start..]
        .char_indices()
        .find(|&(_, c)| ends_url(c))
        .map_or(text.len(), |(k, _)| host_start + k);
    // Trailing punctuation belongs to the sentence, and a closing bracket
    // only to a URL that opened one.
    let span = &text[i..end];
    let (mut round_open, mut round_close) = (span.matches('(').count(), span.matches(')').count());
    let (mut square_open, mut square_close) =
        (span.matches('[').count(), span.matches(']').count());
    while end > host_start {
        let Some(last) = char_before(text, end) else {
            break;
        };
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            ')' => round_open < round_close,
            ']' => square_open < square_close,
            '(' => {
                round_open -= 1;
                true
            }
            '[' => {
                square_open -= 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        match last {
            ')' => round_close -= 1,
            ']' => square_close -= 1,
            _ => {}
        }
        end -= last.len_utf8();
    }
    let host_end = text[host_start..end]
        .find(['/', '?', '#', ':'])
        .map_or(end, |k| host_start + k);
    let host = &text[host_start..host_end];
    // A host has a letter or digit after the scheme or "www.".
    let name = text.get(name_start..host_end).unwrap_or("");
    if !name.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Found {
        start: i,
        end,
        kind: Kind::Url,
        value: host,
    })
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn email_at(text: &str, at: usize, last_end: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    let mut start = at;
    while start > last_end && is_local_byte(bytes[start - 1]) {
        start -= 1;
    }
    if start == at || bytes[start] == b'.' || bytes[at - 1] == b'.' {
        return None;
    }
    if char_before(text, start).is_some_and(|c| is_word(c) || c == '@') {
        return None;
    }
    // Domain labels separated by dots; the last is alphabetic (a TLD).
    let mut pos = at + 1;
    let mut labels = 0;
    let mut last_label;
    loop {
        let label_start = pos;
        while pos < bytes.len() && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'-') {
            pos += 1;
        }
        if pos == label_start || bytes[label_start] == b'-' || bytes[pos - 1] == b'-' {
            return None;
        }
        labels += 1;
        last_label = (label_start, pos);
        let continues = bytes.get(pos) == Some(&b'.')
            && bytes
                .get(pos + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        if !continues {
            break;
        }
        pos += 1;
    }
    let tld = &bytes[last_label.0..last_label.1];
    if labels < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if char_at(text, pos).is_some_and(|c| is_word(c) || c == '@') {
        return None;
    }
    Some(Found {
        start,
        end: pos,
        kind: Kind::Email,
        value: &text[at + 1..pos],
    })
}

fn handle_at(text: &str, at: usize, min_length: usize) -> Option<Found<'_>> {
    if char_before(text, at).is_some_and(|c| is_word(c) || matches!(c, '@' | '.' | '/')) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut end = at + 1;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
        end += 1;
    }
    let name_len = end - at - 1;
    if name_len == 0 || name_len < min_length {
        return None;
    }
    // "@josé" is not a handle (names are ASCII), nor is "@home@example".
    if char_at(text, end).is_some_and(|c| is_word(c) || c == '@') {
        return None;
    }
    Some(Found {
        start: at,
        end,
        kind: Kind::Handle,
        value: &text[at + 1..end],
    })
}

/// Combining marks and joiners that occur inside words of scripts such as
/// Hebrew, Arabic and the Indic ones (`char::is_alphanumeric` excludes them).
fn is_word_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0963 | 0x0966..=0x0DFF
        | 0x200C | 0x200D)
}

fn hashtag_at(text: &str, at: usize, min_length: usize) -> Option<Found<'_>> {
    if char_before(text, at).is_some_and(|c| is_word(c) || matches!(c, '&' | '#' | '/')) {
        return None;
    }
    let mut end = at + 1;
    let mut chars = 0;
    let mut has_letter = false;
    for c in text[at + 1..].chars() {
        if is_word(c) || (chars > 0 && is_word_mark(c)) {
            has_letter |= c.is_alphabetic() || c == '_';
            chars += 1;
            end += c.len_utf8();
        } else {
            break;
        }
    }
    // "#1" is a rank, not a hashtag.
    if chars == 0 || chars < min_length || !has_letter {
        return None;
    }
    Some(Found {
        start: at,
        end,
        kind: Kind::Hashtag,
        value: &text[at + 1..end],
    })
}
