//! lede-render: one self-contained HTML page showing what lede found in a
//! batch of annotated documents.
//!
//! The page has one section per document: the text with entities highlighted
//! by label, numbers underlined with their normalised value, quotes shaded in
//! the colour of their speaker (the speaker mention links to the quotes),
//! sentences, tokens and plugin layers on request; beside it the panels "Who
//! said what", "Numbers" and "Entities". Checkboxes at the top show or hide
//! each layer. CSS and the few lines of JavaScript for the toggles are inline:
//! the page loads nothing from the network.
//!
//! All text from the documents (text, ids, metadata, labels, attributes) is
//! HTML-escaped, and overlapping spans are split so the markup always nests.
//!
//! It does not run any stage and does not read or write files: the caller
//! (the `lede render` command) supplies annotated [`Document`]s.

#![forbid(unsafe_code)]

mod escape;
mod marks;
mod panels;
mod value_text;

#[cfg(test)]
mod html_check;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use lede_core::{AttrValue, Document, EntityLabel, NumberAnnotation, NumberKind, NumberValue};

pub use escape::{escape_attr, escape_text};
pub use value_text::{readable_number, readable_text, readable_value};

use escape::{escape_attr_into, escape_text_into};
use marks::{write_marked_text, Mark};

const PAGE_CSS: &str = include_str!("../assets/page.css");
const PAGE_JS: &str = include_str!("../assets/page.js");

/// Nesting ranks: among marks with the same span, lower ranks go outside.
mod rank {
    pub const SENTENCE: u8 = 0;
    pub const QUOTE: u8 = 1;
    pub const GENERIC: u8 = 2;
    pub const ENTITY: u8 = 3;
    pub const SPEAKER: u8 = 4;
    pub const NUMBER: u8 = 5;
    pub const TOKEN: u8 = 6;
}

/// Renders `docs` as one HTML page.
pub fn render_html(docs: &[Document]) -> String {
    let generic_names: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.layers.generic.keys().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let speakers: Vec<panels::Speakers> = docs.iter().map(panels::Speakers::of).collect();
    let max_speakers = speakers.iter().map(|s| s.names.len()).max().unwrap_or(0);

    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut out = String::with_capacity(16_384 + text_bytes * 8);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>lede · {} document{}</title>",
        docs.len(),
        plural(docs.len())
    );
    out.push_str("<style>\n");
    out.push_str(PAGE_CSS);
    write_colour_classes(&mut out, max_speakers, generic_names.len());
    out.push_str("</style>\n</head>\n");

    // Sentences and tokens are off until asked for.
    out.push_str("<body class=\"hide-sent hide-tok\">\n");
    write_header(&mut out, docs, &generic_names);
    if docs.len() > 1 {
        out.push_str("<nav class=\"toc\" aria-label=\"Documents\">");
        for (d, doc) in docs.iter().enumerate() {
            let _ = write!(out, "<a href=\"#d{d}\">");
            escape_text_into(&mut out, doc_title(doc, d).as_ref());
            out.push_str("</a> ");
        }
        out.push_str("</nav>\n");
    }
    out.push_str("<main>\n");
    if docs.is_empty() {
        out.push_str("<section class=\"doc\"><p>No documents.</p></section>\n");
    }
    for (d, doc) in docs.iter().enumerate() {
        write_document(&mut out, d, doc, &speakers[d], &generic_names);
    }
    out.push_str("</main>\n<script>\n");
    out.push_str(PAGE_JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// One colour per speaker index and per plugin layer, spread around the hue
/// circle by the golden angle so neighbours differ. Backgrounds are light
/// (dark text stays above 10:1 contrast), accents dark (above 5:1 on white);
/// `colours_keep_text_readable` checks both.
fn write_colour_classes(out: &mut String, speakers: usize, generic_layers: usize) {
    for i in 0..speakers {
        let hue = (40.0 + i as f64 * 137.508) % 360.0;
        let _ = writeln!(
            out,
            ".sp{i} {{ --qbg: hsl({hue:.0} 85% 87%); --acc: hsl({hue:.0} 70% 25%); }}"
        );
    }
    for k in 0..generic_layers {
        let hue = (200.0 + k as f64 * 137.508) % 360.0;
        let _ = writeln!(
            out,
            ".g{k} {{ --gc: hsl({hue:.0} 65% 27%); }}\n.gt{k} {{ --gc: hsl({hue:.0} 65% 27%); }}\n\
             .hide-g{k} .g{k} {{ outline: none; }}\n.hide-g{k} .gt{k} {{ display: none; }}"
        );
    }
}

fn write_header(out: &mut String, docs: &[Document], generic_names: &[&str]) {
    let any = |f: &dyn Fn(&Document) -> bool| docs.iter().any(f);
    out.push_str("<header class=\"top\">\n<h1>lede</h1>");
    let _ = writeln!(
        out,
        "<span class=\"count\">{} document{}</span>",
        docs.len(),
        plural(docs.len())
    );
    out.push_str("<div class=\"toggles\" role=\"group\" aria-label=\"Layers to show\">");
    let mut toggle = |key: &str, name: &str, on: bool| {
        let _ = write!(out, "<label><input type=\"checkbox\" data-layer=\"{key}\"");
        if on {
            out.push_str(" checked");
        }
        out.push('>');
        escape_text_into(out, name);
        out.push_str("</label>");
    };
    if any(&|d| d.layers.entities.is_some()) {
        toggle("ent", "Entities", true);
    }
    if any(&|d| d.layers.numbers.is_some()) {
        toggle("num", "Numbers", true);
    }
    if any(&|d| d.layers.quotes.is_some()) {
        toggle("q", "Quotes", true);
    }
    if any(&|d| d.layers.sentences.is_some()) {
        toggle("sent", "Sentences", false);
    }
    if any(&|d| d.layers.tokens.is_some()) {
        toggle("tok", "Tokens", false);
    }
    for (k, name) in generic_names.iter().enumerate() {
        toggle(&format!("g{k}"), name, true);
    }
    out.push_str("</div>\n");

    // A legend of the entity labels that occur, then the other conventions.
    let labels: BTreeSet<EntityLabel> = docs
        .iter()
        .flat_map(|d| d.layers.entities.iter().flatten().map(|e| e.label))
        .collect();
    out.push_str("<div class=\"legend\">");
    for label in &labels {
        let _ = write!(
            out,
            "<span class=\"L-{0}\"><span class=\"tag\">{0}</span></span> ",
            label.as_str()
        );
    }
    if any(&|d| d.layers.numbers.is_some()) {
        out.push_str(
            " · <span class=\"num\">underlined</span> = number, value above (hover for details)",
        );
    }
    if any(&|d| d.layers.quotes.is_some()) {
        out.push_str(
            " · shaded = quote, one colour per speaker; dotted = scare quote; \
             <a class=\"spk spx\" href=\"#\" data-spk=\"none\">speaker</a> links to the quotes",
        );
    }
    out.push_str("</div>\n</header>\n");
}

/// The heading of a document: its `title` metadata when there is one, else
/// its id, else its position.
fn doc_title(doc: &Document, d: usize) -> std::borrow::Cow<'_, str> {
    match doc.meta_str("title") {
        Some(t) if !t.trim().is_empty() => t.into(),
        _ if !doc.id.is_empty() => doc.id.as_str().into(),
        _ => format!("Document {}", d + 1).into(),
    }
}

fn write_document(
    out: &mut String,
    d: usize,
    doc: &Document,
    speakers: &panels::Speakers,
    generic_names: &[&str],
) {
    let _ = write!(out, "<section class=\"doc\" id=\"d{d}\" data-doc-id=\"");
    escape_attr_into(out, &doc.id);
    out.push_str("\">\n<div class=\"doc-head\"><h2>");
    escape_text_into(out, doc_title(doc, d).as_ref());
    out.push_str("</h2>");
    write_meta_line(out, doc);
    write_layer_summary(out, doc);
    out.push_str("</div>\n<div class=\"cols\">\n<div class=\"text\">\n");
    let marks = document_marks(d, doc, speakers, generic_names);
    if doc.text.trim().is_empty() {
        out.push_str("<p class=\"none\">(empty text)</p>\n");
    } else {
        write_marked_text(out, &doc.text, marks);
    }
    out.push_str("</div>\n<aside>\n");
    panels::write_panels(out, d, doc, speakers);
    out.push_str("</aside>\n</div>\n</section>\n");
}

fn write_meta_line(out: &mut String, doc: &Document) {
    let mut first = true;
    let mut item = |out: &mut String, key: &str, value: &str| {
        out.push_str(if first { "<p class=\"meta\">" } else { " · " });
        first = false;
        escape_text_into(out, key);
        out.push_str(": ");
        escape_text_into(out, &truncate(value, 200));
    };
    if doc.meta_str("title").is_some_and(|t| !t.trim().is_empty()) && !doc.id.is_empty() {
        item(out, "id", &doc.id);
    }
    for (key, value) in &doc.metadata {
        if key == "title" {
            continue;
        }
        match value.as_str() {
            Some(s) => item(out, key, s),
            None => item(out, key, &value.to_string()),
        }
    }
    if !first {
        out.push_str("</p>");
    }
}

fn write_layer_summary(out: &mut String, doc: &Document) {
    let l = &doc.layers;
    let mut parts: Vec<String> = Vec::new();
    let mut count = |n: Option<usize>, one: &str, many: &str| {
        if let Some(n) = n {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    };
    count(l.entities.as_ref().map(Vec::len), "entity", "entities");
    count(l.numbers.as_ref().map(Vec::len), "number", "numbers");
    count(l.quotes.as_ref().map(Vec::len), "quote", "quotes");
    count(l.sentences.as_ref().map(Vec::len), "sentence", "sentences");
    count(l.tokens.as_ref().map(Vec::len), "token", "tokens");
    for (name, items) in &l.generic {
        parts.push(format!("{name}: {}", items.len()));
    }
    out.push_str("<p class=\"layers\">");
    if parts.is_empty() {
        out.push_str("No layers.");
    }
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        escape_text_into(out, part);
    }
    out.push_str("</p>");
}

/// `s` cut to at most `max` chars, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// All marks of a document, from every layer that is present.
fn document_marks(
    d: usize,
    doc: &Document,
    speakers: &panels::Speakers,
    generic_names: &[&str],
) -> Vec<Mark> {
    let l = &doc.layers;
    let mut marks = Vec::new();

    for (i, span) in l.sentences.iter().flatten().enumerate() {
        let mut m = Mark::span(
            span.start(),
            span.end(),
            rank::SENTENCE,
            format!("<span class=\"sent\" data-s=\"{i}\""),
        );
        m.id = Some(format!("d{d}-s{i}"));
        m.prefix = format!("<span class=\"sb\">{}</span>", i + 1);
        marks.push(m);
    }

    for (i, q) in l.quotes.iter().flatten().enumerate() {
        let spk = speakers.class_of_quote(i);
        let kind = q.kind.as_str();
        let mut head =
            format!("<span class=\"q {spk} {kind}\" data-q=\"{i}\" data-spk=\"{spk}\" title=\"");
        let mut title = match speakers.name_of_quote(i) {
            Some(name) => name.to_string(),
            None => "no speaker given".to_string(),
        };
        // The words at the cue ("he", "the union") next to the name they
        // resolve to, so a reader can check the resolution.
        if let Some(mention) = panels::mention_if_other(q, speakers.name_of_quote(i)) {
            title.push_str(" (“");
            title.push_str(mention);
            title.push_str("”)");
        }
        if let Some(cue) = &q.cue {
            title.push_str(" · ");
            title.push_str(cue);
        }
        title.push_str(" · ");
        title.push_str(kind);
        title.push_str(" quote");
        escape_attr_into(&mut head, &title);
        head.push('"');
        let mut m = Mark::span(q.span.start(), q.span.end(), rank::QUOTE, head);
        m.id = Some(format!("d{d}-q{i}"));
        marks.push(m);
    }

    for mention in speakers.mentions() {
        let spk = format!("sp{}", mention.speaker);
        let n = mention.quotes.len();
        let first = mention.quotes.first().copied().unwrap_or(0);
        let mut head =
            format!("<a class=\"spk {spk}\" href=\"#d{d}-q{first}\" data-spk=\"{spk}\" title=\"");
        let name = speakers
            .names
            .get(mention.speaker)
            .map_or("", String::as_str);
        escape_attr_into(
            &mut head,
            &format!("{name}: {n} quote{} (click to outline)", plural(n)),
        );
        head.push('"');
        let mut m = Mark::span(
            mention.span.start(),
            mention.span.end(),
            rank::SPEAKER,
            head,
        );
        m.close = "</a>";
        m.suffix = format!("<sup class=\"qn\">{n} quote{}</sup>", plural(n));
        marks.push(m);
    }

    for (k, name) in generic_names.iter().enumerate() {
        let Some(items) = l.generic.get(*name) else {
            continue;
        };
        for (j, g) in items.iter().enumerate() {
            let mut head = format!("<span class=\"gen g{k}\" data-g=\"{j}\" title=\"");
            let mut title = format!("{name}: {}", g.label);
            for (key, value) in &g.attrs {
                let _ = write!(title, " · {key}={}", attr_text(value));
            }
            escape_attr_into(&mut head, &title);
            head.push('"');
            let mut m = Mark::span(g.span.start(), g.span.end(), rank::GENERIC, head);
            m.suffix = format!(
                "<span class=\"gtag gt{k}\">{}</span>",
                escape_text(&g.label)
            );
            marks.push(m);
        }
    }

    for (i, e) in l.entities.iter().flatten().enumerate() {
        let label = e.label.as_str();
        // Short names do not wrap, so the label tag stays beside the name.
        let short = if doc.slice(e.span).chars().count() <= 28 {
            " nw"
        } else {
            ""
        };
        let mut head = format!("<span class=\"ent{short} L-{label}\" data-e=\"{i}\" title=\"");
        let mut title = label.to_string();
        if let Some(c) = &e.canonical {
            title.push_str(" · ");
            title.push_str(c);
        }
        if let Some(t) = &e.title {
            title.push_str(" · title: ");
            title.push_str(t);
        }
        escape_attr_into(&mut head, &title);
        head.push('"');
        let mut m = Mark::span(e.span.start(), e.span.end(), rank::ENTITY, head);
        m.id = Some(format!("d{d}-e{i}"));
        m.suffix = format!("<span class=\"tag\">{label}</span>");
        marks.push(m);
    }

    for (i, n) in l.numbers.iter().flatten().enumerate() {
        let short = if doc.slice(n.span).chars().count() <= 28 {
            " nw"
        } else {
            ""
        };
        let mut head = format!(
            "<span class=\"num{short}\" data-n=\"{i}\" data-kind=\"{}\" title=\"",
            n.kind.as_str()
        );
        escape_attr_into(&mut head, &number_details(n));
        head.push('"');
        let mut m = Mark::span(n.span.start(), n.span.end(), rank::NUMBER, head);
        m.id = Some(format!("d{d}-n{i}"));
        m.suffix = format!(
            "<sup class=\"nv\">{}</sup>",
            escape_text(&number_compact(n))
        );
        marks.push(m);
    }

    for t in l.tokens.iter().flatten() {
        marks.push(Mark::span(
            t.span.start(),
            t.span.end(),
            rank::TOKEN,
            "<span class=\"tok\"",
        ));
    }
    marks
}

fn attr_text(value: &AttrValue) -> String {
    match value {
        AttrValue::Bool(b) => b.to_string(),
        AttrValue::Int(i) => i.to_string(),
        AttrValue::Float(x) => format_number(*x),
        AttrValue::Str(s) => s.clone(),
    }
}

/// A number without a useless ".0" ("35000", "2.3", "0.5").
pub(crate) fn format_number(x: f64) -> String {
    if !x.is_finite() {
        "?".to_string()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The value alone as a reader writes it: "35,000", "20–30" for a range,
/// "7 October" (see `value_text`).
pub(crate) fn number_value(n: &NumberAnnotation) -> String {
    readable_value(n)
}

/// The short form written above a number: "35,000 lives", "85%", "7 month",
/// "≈2 million".
pub(crate) fn number_compact(n: &NumberAnnotation) -> String {
    let mut s = String::new();
    if n.value.is_unstated() {
        // "a small percentage": "small share", "share".
        if let Some(m) = &n.modifier {
            s.push_str(m);
            s.push(' ');
        }
        s.push_str(if n.kind == NumberKind::Percent {
            "share"
        } else {
            "amount"
        });
        s.push_str(", not stated");
        return truncate(&s, 40);
    }
    if n.approx {
        s.push('≈');
    }
    // The unit goes between the amount and its rate: "120 km per hour".
    let value = number_value(n);
    let per = n.per.as_ref().map(|p| format!(" per {p}"));
    let amount = per
        .as_deref()
        .and_then(|p| value.strip_suffix(p))
        .unwrap_or(&value);
    s.push_str(amount);
    if n.kind == NumberKind::Ordinal {
        s.push_str(ordinal_suffix(&n.value));
    }
    if n.kind == NumberKind::Percent {
        s.push('%');
    }
    if let Some(unit) = &n.unit {
        s.push(' ');
        s.push_str(unit);
    }
    if let (Some(p), true) = (&per, amount.len() < value.len()) {
        s.push_str(p);
    }
    truncate(&s, 40)
}

/// "st" for 1 and 21, "nd" for 2, "th" for 11 and 12, ...; "" for values
/// that are not whole numbers.
fn ordinal_suffix(value: &NumberValue) -> &'static str {
    let NumberValue::Number(x) = value else {
        return "";
    };
    if !x.is_finite() || x.fract() != 0.0 || *x < 0.0 {
        return "";
    }
    let n = *x as u64;
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The hover text of a number: every field.
fn number_details(n: &NumberAnnotation) -> String {
    let mut s = format!("{} · value {}", n.kind.as_str(), number_value(n));
    if let Some(unit) = &n.unit {
        s.push_str(" · unit ");
        s.push_str(unit);
    }
    if let Some(m) = &n.modifier {
        s.push_str(" · modifier “");
        s.push_str(m);
        s.push('”');
    }
    if n.approx {
        s.push_str(" · approximate");
    }
    s
}
