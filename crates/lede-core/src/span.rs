use std::fmt;

/// A half-open byte range `[start, end)` into a document's text.
///
/// A `Span` made through [`Span::new`] is guaranteed to lie on char
/// boundaries of the text it was checked against, so slicing with it never
/// panics. Spans are plain values: they do not borrow the text.
///
/// Offsets are stored as `u32` (a token is 12 bytes, not 24, which is most
/// of the memory of a large document), so a text may hold at most
/// [`Span::MAX_TEXT_BYTES`]; readers refuse longer documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

/// Why a byte range is not a valid span of a text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span start {start} is after its end {end}")]
    Reversed { start: usize, end: usize },
    #[error("span end {end} is past the end of the text ({len} bytes)")]
    OutOfBounds { end: usize, len: usize },
    #[error("span offset {offset} is not on a char boundary")]
    NotCharBoundary { offset: usize },
    #[error(
        "span end {end} is past the largest text lede handles ({} bytes)",
        Span::MAX_TEXT_BYTES
    )]
    TooLarge { end: usize },
}

impl Span {
    /// The longest text spans can point into (4 GiB - 1).
    pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

    /// Checks that `[start, end)` is ordered, inside `text` and on char
    /// boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, SpanError> {
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds {
                end,
                len: text.len(),
            });
        }
        if end > Span::MAX_TEXT_BYTES {
            return Err(SpanError::TooLarge { end });
        }
        for offset in [start, end] {
            if !text.is_char_boundary(offset) {
                return Err(SpanError::NotCharBoundary { offset });
            }
        }
        Ok(Span {
            start: start as u32,
            end: end as u32,
        })
    }

    /// The span of a whole `&str` that is a sub-slice of `text`
    /// (for example one yielded by `text.split(..)`). Returns `None` when
    /// `part` does not point into `text`.
    pub fn of_subslice(text: &str, part: &str) -> Option<Span> {
        let base = text.as_ptr() as usize;
        let ptr = part.as_ptr() as usize;
        if ptr < base || ptr + part.len() > base + text.len() {
            return None;
        }
        let start = ptr - base;
        let end = start + part.len();
        if end > Span::MAX_TEXT_BYTES {
            return None;
        }
        Some(Span {
            start: start as u32,
            end: end as u32,
        })
    }

    /// A span whose offsets the caller has derived from char-boundary
    /// positions of the same text (e.g. `char_indices`, `find` results,
    /// or another valid span). Checked in debug builds only; use
    /// [`Span::new`] for offsets that come from outside the program.
    /// The text must be at most [`Span::MAX_TEXT_BYTES`] long (readers and
    /// the runner refuse longer documents).
    #[inline]
    pub fn from_boundaries(text: &str, start: usize, end: usize) -> Span {
        debug_assert!(
            Span::new(text, start, end).is_ok(),
            "bad span {start}..{end}"
        );
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Returns "" if the span does not fit `text`
    /// (it was made for another document), rather than panicking.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_offsets_inside_a_character() {
        let text = "Egypt’s"; // ’ is three bytes
        assert!(Span::new(text, 0, 5).is_ok());
        assert_eq!(
            Span::new(text, 0, 6),
            Err(SpanError::NotCharBoundary { offset: 6 })
        );
        assert_eq!(
            Span::new(text, 3, 2),
            Err(SpanError::Reversed { start: 3, end: 2 })
        );
        assert!(matches!(
            Span::new(text, 0, 100),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert_eq!(Span::new(text, 0, 9).unwrap().text(text), "Egypt’s");
    }

    #[test]
    fn a_token_takes_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Span>(), 8);
        assert_eq!(std::mem::size_of::<crate::Token>(), 12);
    }

    #[test]
    fn subslice_spans_point_back_into_the_text() {
        let text = "Hamas accepted. Israel did not.";
        let second = text.split(". ").nth(1).unwrap();
        let span = Span::of_subslice(text, second).unwrap();
        assert_eq!(span.text(text), "Israel did not.");
        assert_eq!(Span::of_subslice(text, "elsewhere"), None);
    }
}
