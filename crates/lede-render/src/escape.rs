//! HTML escaping. Every piece of document text, id, label, attribute and
//! metadata value goes through one of these two functions before it reaches
//! the page.

/// Appends `s` escaped for HTML text content (`&`, `<`, `>`). NUL, which
/// HTML parsers replace anyway, becomes U+FFFD here so the output is stable.
pub fn escape_text_into(out: &mut String, s: &str) {
    escape_into(out, s, false);
}

/// Appends `s` escaped for a double- or single-quoted attribute value.
pub fn escape_attr_into(out: &mut String, s: &str) {
    escape_into(out, s, true);
}

/// `s` escaped for HTML text content.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_text_into(&mut out, s);
    out
}

/// `s` escaped for an attribute value.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_attr_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str, attr: bool) {
    // Copy unescaped runs in one go; all special characters are ASCII, so
    // byte positions of them are always char boundaries.
    let bytes = s.as_bytes();
    let mut run_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attr => "&quot;",
            b'\'' if attr => "&#39;",
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        out.push_str(replacement);
        run_start = i + 1;
    }
    out.push_str(&s[run_start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escaping_neutralises_markup() {
        assert_eq!(
            escape_text("<script>alert('x')</script> & “quotes”"),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; “quotes”"
        );
        assert_eq!(escape_text("AT&T’s 5% rise"), "AT&amp;T’s 5% rise");
        assert_eq!(escape_text("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn attribute_escaping_also_covers_both_quote_marks() {
        assert_eq!(
            escape_attr(r#"x" onmouseover='alert(1)'"#),
            "x&quot; onmouseover=&#39;alert(1)&#39;"
        );
        assert_eq!(escape_attr("Egypt’s"), "Egypt’s");
    }
}
