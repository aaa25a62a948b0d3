//! Quoted stretches of a text as its quote marks draw them, read naively
//! and independently of the quotes stage: on each line, “ opens and ”
//! closes, « opens and » closes, and straight double quotes alternate. The
//! stretch is the text between the marks. `lede eval` counts the stretches
//! no predicted quote of any kind overlaps ("quoted stretches dropped"), so
//! quoted words the pipeline lets go never go unnoticed.

use lede_core::Span;

/// Every quoted stretch of `text`, in order. Marks left open at a line end
/// are ignored; empty stretches are skipped.
pub fn quoted_stretches(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut curly: Option<usize> = None;
        let mut guillemet: Option<usize> = None;
        let mut straight: Option<usize> = None;
        for (k, c) in line.char_indices() {
            let pos = line_start + k;
            let after = pos + c.len_utf8();
            let open = match c {
                '“' => {
                    curly = Some(after);
                    None
                }
                '”' => curly.take(),
                '«' => {
                    guillemet = Some(after);
                    None
                }
                '»' => guillemet.take(),
                '"' => match straight.take() {
                    Some(o) => Some(o),
                    None => {
                        straight = Some(after);
                        None
                    }
                },
                _ => None,
            };
            if let Some(o) = open {
                if o < pos {
                    if let Ok(span) = Span::new(text, o, pos) {
                        out.push(span);
                    }
                }
            }
        }
        line_start += line.len();
    }
    out.sort_by_key(|s| (s.start(), s.end()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        quoted_stretches(text)
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemet_stretches_are_found() {
        let text =
            "“We will rebuild,” the mayor said. Critics called it \"a fantasy\".\n« Non », dit-il.";
        assert_eq!(texts(text), vec!["We will rebuild,", "a fantasy", " Non "]);
    }

    #[test]
    fn a_mark_left_open_at_a_line_end_draws_nothing() {
        let text = "“We will rebuild the port\n“and the rail line,” she said.";
        assert_eq!(texts(text), vec!["and the rail line,"]);
    }
}
