//! Writing document text with overlapping highlights as well-formed HTML.
//!
//! Every highlighted span (an entity, a number, a quote, a plugin
//! annotation, ...) is a [`Mark`]. Marks from different layers may overlap in
//! any way, and HTML elements must nest, so the writer orders marks
//! outer-to-inner (earlier start first, then longer first, then by layer
//! rank) and, where a mark ends while a mark it contains is still running,
//! closes the inner element and reopens it after the boundary. A mark cut this
//! way shows as several adjacent elements; only the first carries the `id`
//! and the prefix, only the last the suffix (e.g. an entity's label tag).
//!
//! Lines of the text become `<p>` elements; marks that cross a line break
//! are cut there the same way.

use std::borrow::Cow;

use crate::escape::escape_text_into;

/// One highlighted span and the markup that wraps it.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    /// Among marks with the same span, lower ranks go outside.
    pub rank: u8,
    /// The opening tag without its closing `>`, e.g. `<span class="ent"`.
    /// Borrowed for the common heads so that a token costs no allocation.
    pub head: Cow<'static, str>,
    /// Written as `id="..."` on the first piece only (ids are unique).
    pub id: Option<String>,
    /// The closing tag, matching `head`.
    pub close: &'static str,
    /// Markup written once, right after the first opening tag.
    pub prefix: String,
    /// Markup written once, right before the last closing tag.
    pub suffix: String,
}

impl Mark {
    pub fn span(start: usize, end: usize, rank: u8, head: impl Into<Cow<'static, str>>) -> Mark {
        Mark {
            start,
            end,
            rank,
            head: head.into(),
            id: None,
            close: "</span>",
            prefix: String::new(),
            suffix: String::new(),
        }
    }
}

/// The non-blank lines of `text` as byte ranges (without the line break and
/// without a trailing `\r`).
pub(crate) fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let trimmed_end = if line.ends_with('\r') { end - 1 } else { end };
        if !line.trim().is_empty() {
            out.push((start, trimmed_end));
        }
        start = end + 1;
    }
    out
}

/// Writes `text` as a sequence of `<p>` elements with `marks` nested inside.
/// Marks that are empty or do not fit the text (bad offsets) are dropped.
pub(crate) fn write_marked_text(out: &mut String, text: &str, mut marks: Vec<Mark>) {
    marks.retain(|m| {
        m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
    });
    // The nesting order: outer marks first. A stable sort keeps the caller's
    // order for marks that tie completely (e.g. two plugin annotations on the
    // same span).
    marks.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.rank.cmp(&b.rank))
    });
    let blocks = blocks(text);
    let mut opened = vec![false; marks.len()];
    // Marks that started before the current block and may still be running.
    let mut carry: Vec<usize> = Vec::new();
    let mut next = 0;
    for (k, &(bs, be)) in blocks.iter().enumerate() {
        let next_start = blocks.get(k + 1).map_or(usize::MAX, |b| b.0);
        while next < marks.len() && marks[next].start < be {
            carry.push(next);
            next += 1;
        }
        carry.retain(|&i| marks[i].end > bs);
        write_block(out, text, &marks, &carry, (bs, be), next_start, &mut opened);
    }
}

/// Writes one line `[bs, be)`. `candidates` are the indices (in nesting
/// order) of the marks that intersect it.
fn write_block(
    out: &mut String,
    text: &str,
    marks: &[Mark],
    candidates: &[usize],
    (bs, be): (usize, usize),
    next_start: usize,
    opened: &mut [bool],
) {
    // Where marks start and end inside the line, in text order.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    // Indices of the marks covering the current position, kept sorted (the
    // nesting order); it holds only the nesting depth, so a Vec is enough.
    let mut active: Vec<usize> = Vec::new();
    for &i in candidates {
        let m = &marks[i];
        if m.start <= bs {
            active.push(i);
        } else {
            starts.push((m.start, i));
        }
        if m.end < be {
            ends.push((m.end, i));
        }
    }
    starts.sort_unstable();
    ends.sort_unstable();
    let mut points: Vec<usize> = starts.iter().chain(&ends).map(|&(p, _)| p).collect();
    points.push(be);
    points.sort_unstable();
    points.dedup();

    out.push_str("<p>");
    let mut stack: Vec<usize> = Vec::new();
    let (mut si, mut ei) = (0, 0);
    let mut pos = bs;
    for &point in &points {
        // Segment [pos, point): `active` holds exactly the marks covering it.
        if point > pos {
            let keep = stack
                .iter()
                .zip(&active)
                .take_while(|(a, b)| a == b)
                .count();
            while stack.len() > keep {
                if let Some(i) = stack.pop() {
                    close(out, &marks[i], marks[i].end <= pos);
                }
            }
            for &i in active.iter().skip(keep) {
                open(out, &marks[i], &mut opened[i]);
                stack.push(i);
            }
            escape_text_into(out, &text[pos..point]);
            pos = point;
        }
        while ei < ends.len() && ends[ei].0 == point {
            if let Ok(k) = active.binary_search(&ends[ei].1) {
                active.remove(k);
            }
            ei += 1;
        }
        while si < starts.len() && starts[si].0 == point {
            if let Err(k) = active.binary_search(&starts[si].1) {
                active.insert(k, starts[si].1);
            }
            si += 1;
        }
    }
    while let Some(i) = stack.pop() {
        close(out, &marks[i], marks[i].end <= next_start);
    }
    out.push_str("</p>\n");
}

fn open(out: &mut String, mark: &Mark, opened: &mut bool) {
    out.push_str(&mark.head);
    if !*opened {
        if let Some(id) = &mark.id {
            out.push_str(" id=\"");
            crate::escape::escape_attr_into(out, id);
            out.push('"');
        }
    }
    out.push('>');
    if !*opened {
        out.push_str(&mark.prefix);
        *opened = true;
    }
}

fn close(out: &mut String, mark: &Mark, finished: bool) {
    if finished {
        out.push_str(&mark.suffix);
    }
    out.push_str(mark.close);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str, part: &str, rank: u8, class: &str) -> Mark {
        let start = text.find(part).expect("part is in the text");
        let mut m = Mark::span(
            start,
            start + part.len(),
            rank,
            format!("<span class=\"{class}\""),
        );
        m.suffix = format!("<i>{class}</i>");
        m.id = Some(format!("{class}1"));
        m
    }

    fn render(text: &str, marks: Vec<Mark>) -> String {
        let mut out = String::new();
        write_marked_text(&mut out, text, marks);
        out
    }

    #[test]
    fn crossing_spans_are_split_not_broken() {
        // A quote that starts inside an entity and ends after it: the entity
        // (earlier start) goes outside, the quote is cut at the entity's end
        // and reopened; the id stays on the first piece, the suffix on the last.
        let text = "talks in Cairo resumed";
        let html = render(
            text,
            vec![
                mark(text, "in Cairo", 3, "ent"),
                mark(text, "Cairo resumed", 1, "q"),
            ],
        );
        assert_eq!(
            html,
            "<p>talks <span class=\"ent\" id=\"ent1\">in \
             <span class=\"q\" id=\"q1\">Cairo</span><i>ent</i></span>\
             <span class=\"q\"> resumed<i>q</i></span></p>\n"
        );
    }

    #[test]
    fn same_span_marks_nest_by_rank() {
        let text = "Blinken said";
        let html = render(
            text,
            vec![
                mark(text, "Blinken", 5, "num"),
                mark(text, "Blinken", 3, "ent"),
            ],
        );
        assert_eq!(
            html,
            "<p><span class=\"ent\" id=\"ent1\"><span class=\"num\" id=\"num1\">Blinken\
             <i>num</i></span><i>ent</i></span> said</p>\n"
        );
    }

    #[test]
    fn lines_become_paragraphs_and_cut_marks() {
        let text = "First line ends\n\nSecond starts here\r\n";
        let start = text.find("ends").unwrap();
        let end = text.find("Second").unwrap() + "Second".len();
        let mut m = Mark::span(start, end, 0, "<span class=\"g\"");
        m.suffix = "|".into();
        let html = render(text, vec![m]);
        assert_eq!(
            html,
            "<p>First line <span class=\"g\">ends</span></p>\n\
             <p><span class=\"g\">Second|</span> starts here</p>\n"
        );
    }

    #[test]
    fn bad_and_empty_marks_are_dropped() {
        let text = "Egypt’s talks";
        let inside_apostrophe = text.find('’').unwrap() + 1;
        let html = render(
            text,
            vec![
                Mark::span(0, inside_apostrophe, 0, "<b"),
                Mark::span(3, 3, 0, "<b"),
                Mark::span(5, 999, 0, "<b"),
            ],
        );
        assert_eq!(html, "<p>Egypt’s talks</p>\n");
    }
}
