//! A tiny, strict HTML reader for tests: it parses the pages this crate
//! writes into a tree and rejects anything not well formed (unbalanced or
//! misnested tags, a raw `>` or unknown `&` reference in text, unquoted or
//! broken attributes). It is not a general HTML parser.

use std::collections::BTreeMap;

/// Elements that never have a closing tag.
const VOID: [&str; 5] = ["meta", "br", "input", "hr", "img"];
/// Elements whose content is raw text up to their closing tag.
const RAW: [&str; 2] = ["script", "style"];

#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }

    /// This element and all elements below it, in document order.
    pub fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in &self.children {
            if let Node::Element(e) = child {
                out.extend(e.all());
            }
        }
        out
    }

    /// Elements below (or equal to) this one that have `class`.
    pub fn with_class(&self, class: &str) -> Vec<&Element> {
        self.all()
            .into_iter()
            .filter(|e| e.has_class(class))
            .collect()
    }

    /// The text below this element, skipping elements that have any of the
    /// `skip` classes.
    pub fn text_without(&self, skip: &[&str]) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if skip.iter().any(|c| e.has_class(c)) => {}
                Node::Element(e) => out.push_str(&e.text_without(skip)),
            }
        }
        out
    }

    pub fn text(&self) -> String {
        self.text_without(&[])
    }
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let known = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ];
        match known.iter().find(|(k, _)| after.starts_with(k)) {
            Some((k, c)) => {
                out.push(*c);
                rest = &after[k.len()..];
            }
            None => {
                return Err(format!(
                    "unknown character reference at {:?}",
                    after.chars().take(12).collect::<String>()
                ))
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses a whole page; the root is a synthetic `#document` element.
pub(crate) fn parse(html: &str) -> Result<Element, String> {
    let mut stack: Vec<Element> = vec![Element {
        name: "#document".into(),
        ..Element::default()
    }];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut stack, rest)?;
            break;
        };
        push_text(&mut stack, &rest[..lt])?;
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").ok_or("unclosed comment")?;
            rest = &after[end + 3..];
        } else if rest.starts_with("<!") {
            let end = rest.find('>').ok_or("unclosed doctype")?;
            rest = &rest[end + 1..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unclosed end tag")?;
            let name = after[..end].trim();
            let open = stack.pop().ok_or("end tag with nothing open")?;
            if open.name != name || stack.is_empty() {
                return Err(format!("</{name}> closes <{}>", open.name));
            }
            if let Some(parent) = stack.last_mut() {
                parent.children.push(Node::Element(open));
            }
            rest = &after[end + 1..];
        } else {
            let (element, after) = parse_start_tag(rest)?;
            rest = after;
            if VOID.contains(&element.name.as_str()) {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
            } else if RAW.contains(&element.name.as_str()) {
                let close = format!("</{}>", element.name);
                let end = rest.find(&close).ok_or("unclosed raw text element")?;
                let mut element = element;
                element.children.push(Node::Text(rest[..end].to_string()));
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
                rest = &rest[end + close.len()..];
            } else {
                stack.push(element);
            }
        }
    }
    if stack.len() != 1 {
        let open: Vec<String> = stack.iter().skip(1).map(|e| e.name.clone()).collect();
        return Err(format!("unclosed elements: {open:?}"));
    }
    stack.pop().ok_or_else(|| "empty stack".to_string())
}

fn push_text(stack: &mut [Element], raw: &str) -> Result<(), String> {
    if raw.is_empty() {
        return Ok(());
    }
    if raw.contains('>') {
        return Err(format!("raw '>' in text {raw:?}"));
    }
    let text = unescape(raw)?;
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Node::Text(text));
    }
    Ok(())
}

/// Parses `<name attr="v" flag>` at the start of `src`.
fn parse_start_tag(src: &str) -> Result<(Element, &str), String> {
    let body = &src[1..];
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .ok_or("unclosed start tag")?;
    if name_len == 0 {
        return Err(format!(
            "'<' that does not start a tag: {:?}",
            src.chars().take(20).collect::<String>()
        ));
    }
    let mut element = Element {
        name: body[..name_len].to_ascii_lowercase(),
        ..Element::default()
    };
    let mut rest = &body[name_len..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return Ok((element, after));
        }
        let key_len = rest
            .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
            .ok_or("unclosed start tag")?;
        if key_len == 0 {
            return Err(format!("bad attribute in <{}>", element.name));
        }
        let key = rest[..key_len].to_string();
        if !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!("bad attribute name {key:?}"));
        }
        rest = &rest[key_len..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let quote = after.chars().next().ok_or("unclosed start tag")?;
            if quote != '"' && quote != '\'' {
                return Err(format!("unquoted value of {key}"));
            }
            let inner = &after[1..];
            let end = inner.find(quote).ok_or("unclosed attribute value")?;
            let raw = &inner[..end];
            if raw.contains('<') {
                return Err(format!("raw '<' in attribute {key}"));
            }
            rest = &inner[end + 1..];
            unescape(raw)?
        } else {
            String::new()
        };
        if element.attrs.insert(key.clone(), value).is_some() {
            return Err(format!("duplicate attribute {key}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_nested_markup_and_reads_text() {
        let page =
            parse("<!doctype html><p class=\"a b\">x &amp; <span title='y'>z</span><br></p>")
                .unwrap();
        let p = &page.with_class("b")[0];
        assert_eq!(p.text(), "x & z");
        assert_eq!(p.all()[1].attr("title"), Some("y"));
    }

    #[test]
    fn rejects_broken_markup() {
        for bad in [
            "<p><span></p></span>",
            "<p>",
            "</p>",
            "<p>a > b</p>",
            "<p>AT&T</p>",
            "<p title=\"x>y</p>",
            "<p a=1></p>",
            "<p>a < b</p>",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
    }
}
