//! Finding quotations: quote marks are paired by position and direction in
//! one left-to-right pass per paragraph (linear in the text), so an unclosed
//! quote can never run past its paragraph. Apostrophes (Hamas’s, don’t,
//! al-Shara’a, ’90s) are told apart from closing single quotes by their
//! neighbours and by whether a single quote is open at all.

use lede_core::Span;

/// A quotation found by the marks alone, before anyone is credited with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// Offsets are stored as `u32` (texts fit, as for [`Span`]): a document of
/// nothing but short quotes holds one of these per few bytes of text.
pub(crate) struct RawQuote {
    /// Byte offset of the opening mark.
    open: u32,
    /// The quoted words, white space trimmed, marks left out.
    pub inner: Span,
    /// Byte offset just after the closing mark (the paragraph end when the
    /// quote is unclosed).
    close_end: u32,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Index of the paragraph holding the quote.
    paragraph: u32,
    /// The quote reopens one left open at the end of the previous paragraph
    /// (news style for a quotation running over several paragraphs).
    pub continues_previous: bool,
    /// Made of single marks (‘…’ or '…') at the top level.
    pub single: bool,
}

/// Offsets and indices below `Span::MAX_TEXT_BYTES` always fit.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl RawQuote {
    /// Byte offset of the opening mark.
    pub fn open(&self) -> usize {
        self.open as usize
    }

    /// Byte offset just after the closing mark (the paragraph end when the
    /// quote is unclosed).
    pub fn close_end(&self) -> usize {
        self.close_end as usize
    }

    /// Index of the paragraph holding the quote.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// “
    DoubleLeft,
    /// ”
    DoubleRight,
    /// „ (closed by “ or ”)
    DoubleLow,
    /// "
    DoubleStraight,
    /// «
    GuillemetLeft,
    /// »
    GuillemetRight,
    /// ‘
    SingleLeft,
    /// ’
    SingleRight,
    /// '
    SingleStraight,
}

/// Bytes that can start a quote mark: " ' and the lead bytes of “”„‘’ (E2)
/// and «» (C2).
const MAY_START_MARK: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The offset of the first byte of `bytes` that may start a quote mark.
/// Sixteen bytes at a time: a block is looked into only when one of its
/// bytes is non-ASCII (the lead bytes of “”„‘’«» are) or one of `"#&'`
/// (one test finds all four), which keeps the scan over plain text to
/// about one operation a byte.
fn next_candidate(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    /// `"` is 0x22 and `'` 0x27: a byte is one of 0x22, 0x23, 0x26, 0x27
    /// exactly when its bits outside 0x05 are those of 0x22.
    const STRAIGHT: u64 = ONES * 0x22;
    const KEEP: u64 = ONES * 0xFA;
    /// High bit set in (at least the first) byte of `x` that is zero.
    #[inline]
    fn zeros(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x
    }
    #[inline]
    fn word(b: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(b);
        u64::from_le_bytes(w)
    }
    let mut blocks = bytes.chunks_exact(16);
    let mut base = 0;
    for block in &mut blocks {
        let (a, b) = block.split_at(8);
        let (a, b) = (word(a), word(b));
        let hits = (a | b | zeros((a ^ STRAIGHT) & KEEP) | zeros((b ^ STRAIGHT) & KEEP)) & HIGHS;
        if hits != 0 {
            if let Some(k) = block.iter().position(|&c| MAY_START_MARK[c as usize]) {
                return Some(base + k);
            }
        }
        base += 16;
    }
    blocks
        .remainder()
        .iter()
        .position(|&b| MAY_START_MARK[b as usize])
        .map(|k| base + k)
}

/// The length of the char whose first byte is `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The mark starting at byte `i`, with its length in bytes.
#[inline]
fn mark_at(bytes: &[u8], i: usize) -> Option<(Mark, usize)> {
    match bytes[i] {
        b'"' => Some((Mark::DoubleStraight, 1)),
        // '' typed for " (two apostrophes, as some newspapers print it).
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => Some((Mark::DoubleStraight, 2)),
        b'\'' => Some((Mark::SingleStraight, 1)),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0x9C) => Some((Mark::DoubleLeft, 3)),
            Some(0x9D) => Some((Mark::DoubleRight, 3)),
            Some(0x9E) => Some((Mark::DoubleLow, 3)),
            Some(0x98) => Some((Mark::SingleLeft, 3)),
            Some(0x99) => Some((Mark::SingleRight, 3)),
            _ => None,
        },
        0xC2 => match bytes.get(i + 1) {
            Some(0xAB) => Some((Mark::GuillemetLeft, 2)),
            Some(0xBB) => Some((Mark::GuillemetRight, 2)),
            _ => None,
        },
        _ => None,
    }
}

/// What stands next to a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Paragraph edge.
    Edge,
    Space,
    /// Letter or digit.
    Alnum,
    Digit,
    /// Opening bracket or dash: a quote may open after it.
    Opener,
    Other,
}

fn classify(c: char) -> Side {
    if c.is_ascii_digit() {
        Side::Digit
    } else if crate::attribution::is_alnum(c) {
        Side::Alnum
    } else if c.is_whitespace() {
        Side::Space
    } else if matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/') {
        Side::Opener
    } else {
        Side::Other
    }
}

fn is_word(s: Side) -> bool {
    matches!(s, Side::Alnum | Side::Digit)
}

fn before(text: &str, lo: usize, i: usize) -> Side {
    if i <= lo {
        return Side::Edge;
    }
    text[lo..i].chars().next_back().map_or(Side::Edge, classify)
}

fn after(text: &str, i: usize, hi: usize) -> Side {
    if i >= hi {
        return Side::Edge;
    }
    text[i..hi].chars().next().map_or(Side::Edge, classify)
}

/// ’90s, '70s: an apostrophe standing for the century.
fn is_decade(bytes: &[u8], i: usize, hi: usize) -> bool {
    let d = |k: usize| k < hi && bytes[k].is_ascii_digit();
    d(i) && d(i + 1)
        && (i + 2 >= hi || bytes[i + 2] == b's' || !bytes[i + 2].is_ascii_alphanumeric())
}

/// Trims white space off `[start, end)`; `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let part = text.get(start..end)?;
    let inner = part.trim();
    if inner.is_empty() {
        return None;
    }
    let s = start + (part.len() - part.trim_start().len());
    Some(Span::from_boundaries(text, s, s + inner.len()))
}

#[derive(Clone, Copy)]
struct Open {
    /// Offset of the mark.
    at: usize,
    /// Offset just after it.
    after: usize,
    mark: Mark,
}

/// Every top-level quotation in `paragraphs` (sorted, non-overlapping spans
/// of `text`), in text order.
pub(crate) fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut previous_left_open = false;
    for (p, para) in paragraphs.iter().enumerate() {
        let (lo, hi) = (para.start(), para.end());
        let first_char = text[lo..hi]
            .find(|c: char| !c.is_whitespace())
            .map(|k| lo + k);
        let mut double: Option<Open> = None;
        let mut single: Option<Open> = None;
        let mut reopened = false;
        let push = |out: &mut Vec<RawQuote>,
                    open: Open,
                    end: usize,
                    close_end: usize,
                    closed: bool,
                    single_marks: bool,
                    reopened: bool| {
            if let Some(inner) = trimmed(text, open.after, end) {
                out.push(RawQuote {
                    open: to_u32(open.at),
                    inner,
                    close_end: to_u32(close_end),
                    closed,
                    paragraph: to_u32(p),
                    continues_previous: reopened,
                    single: single_marks,
                });
            }
        };
        let mut i = lo;
        while i < hi {
            // Skip to the next byte that can start a quote mark.
            match next_candidate(&bytes[i..hi]) {
                Some(k) => i += k,
                None => break,
            }
            let Some((mark, len)) = mark_at(bytes, i) else {
                // A dash, an ellipsis, a no-break space: on past its bytes.
                i += utf8_len(bytes[i]);
                continue;
            };
            let prev = before(text, lo, i);
            let next = after(text, i + len, hi);
            let here = Open {
                at: i,
                after: i + len,
                mark,
            };
            let at_start = Some(i) == first_char;
            match mark {
                Mark::DoubleLeft | Mark::DoubleLow | Mark::GuillemetLeft => {
                    match double {
                        Some(o) if o.mark == Mark::DoubleLow && mark == Mark::DoubleLeft => {
                            push(&mut out, o, i, i + len, true, false, reopened);
                            double = None;
                            // A single mark opened inside the quotation
                            // ends with it, as for every other closer.
                            single = None;
                            reopened = false;
                        }
                        _ => {
                            // A second opener means the first was stray.
                            double = Some(here);
                            single = None;
                            reopened = at_start && previous_left_open;
                        }
                    }
                }
                Mark::DoubleRight | Mark::GuillemetRight => match double {
                    Some(o) => {
                        push(&mut out, o, i, i + len, true, false, reopened);
                        double = None;
                        single = None;
                        reopened = false;
                    }
                    None => {
                        // ” typed for “ at the start of a quotation
                        // (`” Hamas can be dismantled later,”`).
                        if mark == Mark::DoubleRight
                            && matches!(prev, Side::Edge | Side::Space | Side::Opener)
                            && !matches!(next, Side::Edge)
                        {
                            double = Some(here);
                            single = None;
                            reopened = at_start && previous_left_open;
                        }
                    }
                },
                Mark::DoubleStraight => match double {
                    Some(o) => {
                        let looks_opening = matches!(prev, Side::Edge | Side::Space | Side::Opener)
                            && is_word(next);
                        if looks_opening {
                            double = Some(here);
                            single = None;
                            reopened = false;
                        } else {
                            push(&mut out, o, i, i + len, true, false, reopened);
                            double = None;
                            single = None;
                            reopened = false;
                        }
                    }
                    None => {
                        let looks_closing =
                            !matches!(prev, Side::Edge | Side::Space | Side::Opener)
                                && matches!(next, Side::Edge | Side::Space | Side::Other);
                        if !looks_closing && !is_word(prev) {
                            double = Some(here);
                            single = None;
                            reopened = at_start && previous_left_open;
                        }
                    }
                },
                Mark::SingleLeft | Mark::SingleStraight => {
                    let can_close = single.is_some()
                        && !matches!(prev, Side::Space | Side::Edge)
                        && !(is_word(prev) && is_word(next))
                        && mark == Mark::SingleStraight;
                    if can_close {
                        if let Some(o) = single.take() {
                            if double.is_none() {
                                push(&mut out, o, i, i + len, true, true, false);
                            }
                        }
                    } else if !is_word(prev)
                        && !matches!(next, Side::Space | Side::Edge)
                        && !is_decade(bytes, i + len, hi)
                    {
                        single = Some(here);
                    }
                }
                Mark::SingleRight => {
                    let can_close = single.is_some()
                        && !matches!(prev, Side::Space | Side::Edge)
                        && !(is_word(prev) && is_word(next));
                    if can_close {
                        if let Some(o) = single.take() {
                            if double.is_none() {
                                push(&mut out, o, i, i + len, true, true, false);
                            }
                        }
                    }
                    // Otherwise an apostrophe.
                }
            }
            i += len;
        }
        previous_left_open = false;
        if let Some(o) = double {
            push(&mut out, o, hi, hi, false, false, reopened);
            previous_left_open = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_scan_finds_what_a_byte_scan_finds_on_news_text() {
        let texts = [
            "",
            "no marks at all in this plain sentence",
            "Officials said \"no\" on Tuesday",
            "It’s 12 o'clock — “late”, «tard»",
            "abcdefg\"",
            "abcdefgh'",
            "ééééééé“",
            "fifteen letters“ and sixteen lettrs„",
            "#hashtags & ampersands only, no marks, no non-ASCII at all here",
        ];
        for text in texts {
            let b = text.as_bytes();
            for start in 0..b.len() {
                let slow = b[start..].iter().position(|&c| MAY_START_MARK[c as usize]);
                assert_eq!(next_candidate(&b[start..]), slow, "{text:?} from {start}");
            }
        }
    }

    /// Bytes the scan must tell apart: every byte of every quote mark, the
    /// bytes the block test lets through besides them (`#`, `&`, other
    /// non-ASCII bytes) and their neighbours in value.
    const TRICKY: &[u8] =
        b"\"'#&!$%()*+ aZ\x80\x98\x99\x9c\x9d\x9e\xab\xbb\xc2\xc3\xe2\xe3\xa2\xa7\xff\x00\x01";

    proptest::proptest! {
        #[test]
        fn the_block_scan_finds_what_a_byte_scan_finds(
            picks in proptest::collection::vec(0usize..TRICKY.len(), 0..80),
            start in 0usize..80,
        ) {
            let bytes: Vec<u8> = picks.iter().map(|&k| TRICKY[k]).collect();
            let start = start.min(bytes.len());
            let slow = bytes[start..].iter().position(|&c| MAY_START_MARK[c as usize]);
            proptest::prop_assert_eq!(next_candidate(&bytes[start..]), slow);
        }
    }

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let paragraphs = crate::spans::lines(text);
        find_quotes(text, &paragraphs)
            .into_iter()
            .map(|q| (q.inner.text(text), q.closed))
            .collect()
    }

    #[test]
    fn a_single_mark_opened_inside_a_low_high_quote_closes_with_it() {
        // Found by the property test: the ' inside „…“ later paired with
        // the ’ after it, giving a quote overlapping the first.
        let found = quotes("„Trump‘', “’");
        assert_eq!(found, vec![("Trump‘',", true)]);
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            quotes("“These negotiations represent our last, best hope,” said Blinken."),
            vec![("These negotiations represent our last, best hope,", true)]
        );
        assert_eq!(
            quotes("He said \"we are close\" and \"very close\"."),
            vec![("we are close", true), ("very close", true)]
        );
        assert_eq!(
            quotes("Il a dit « non merci » hier."),
            vec![("non merci", true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let text = "Hamas’s leaders don’t trust al-Shara’a, a veteran of the ’90s, or the Israelis’ plans.";
        assert!(quotes(text).is_empty());
        let text =
            "“We’re reaching what experts call a ‘mutually hurting stalemate’ now,” she said.";
        assert_eq!(
            quotes(text),
            vec![(
                "We’re reaching what experts call a ‘mutually hurting stalemate’ now,",
                true
            )]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_its_paragraph() {
        let text = "He said: “We will fight on\nThe next paragraph has “a quote” of its own.";
        assert_eq!(
            quotes(text),
            vec![("We will fight on", false), ("a quote", true)]
        );
    }

    #[test]
    fn right_mark_opening_a_line_opens_a_quote() {
        let text = "” Hamas can be dismantled later,” the US official reportedly said…";
        assert_eq!(quotes(text), vec![("Hamas can be dismantled later,", true)]);
    }

    #[test]
    fn multi_paragraph_quote_is_linked() {
        let text = "“We will fight on the beaches.\n“We shall never surrender,” he said.";
        let paragraphs = crate::spans::lines(text);
        let found = find_quotes(text, &paragraphs);
        assert_eq!(found.len(), 2);
        assert!(!found[0].closed);
        assert!(found[1].continues_previous);
    }
}
