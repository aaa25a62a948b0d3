//! Making the upstream span layers safe to walk: sorted, inside the text, on
//! char boundaries and non-overlapping, whatever a stage before us produced.

use std::borrow::Cow;

use lede_core::Span;

/// `spans` sorted by start, with spans that do not fit `text`, empty spans
/// and spans overlapping an earlier one dropped; borrowed as they are when
/// they need none of that (the usual case: the layers of lede-segment).
pub(crate) fn clean<'s>(text: &str, spans: &'s [Span]) -> Cow<'s, [Span]> {
    let mut last_end = 0;
    let tidy = spans.iter().all(|s| {
        let ok =
            !s.is_empty() && s.start() >= last_end && Span::new(text, s.start(), s.end()).is_ok();
        last_end = s.end();
        ok
    });
    if tidy {
        return Cow::Borrowed(spans);
    }
    let mut out: Vec<Span> = spans
        .iter()
        .filter(|s| !s.is_empty() && Span::new(text, s.start(), s.end()).is_ok())
        .copied()
        .collect();
    out.sort_by_key(|s| (s.start(), s.end()));
    let mut last_end = 0;
    out.retain(|s| {
        if s.start() < last_end {
            return false;
        }
        last_end = s.end();
        true
    });
    Cow::Owned(out)
}

/// The non-blank lines of `text`, white space trimmed, in order: the
/// paragraphs the stage reads when no paragraph layer is given, and the
/// paragraphs tools and tests give it when they have only sentences and
/// entities (one paragraph per line, as in the seed articles).
///
/// ```
/// let text = "First line.\n\n  Second line. \n";
/// let spans = lede_quotes::lines(text);
/// let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
/// assert_eq!(words, ["First line.", "Second line."]);
/// ```
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Span::from_boundaries(text, s, s + trimmed.len()));
        }
        start = end + 1;
    }
    out
}

/// Index of the span in sorted `spans` that contains `pos`, or else the
/// first one starting after it (`None` past the last).
pub(crate) fn at_or_after(spans: &[Span], pos: usize) -> Option<usize> {
    let k = spans.partition_point(|s| s.end() <= pos);
    (k < spans.len()).then_some(k)
}

/// Index of the span in sorted `spans` that contains `pos`, or else the
/// last one ending before it.
pub(crate) fn at_or_before(spans: &[Span], pos: usize) -> Option<usize> {
    let k = spans.partition_point(|s| s.start() <= pos);
    k.checked_sub(1)
}
