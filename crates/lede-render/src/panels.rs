//! The side panels of a document: "Who said what", "Numbers", "Entities"
//! and a summary of plugin layers; and the speaker table that also gives
//! quotes their colours in the text.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use lede_core::{Document, EntityLabel, Quote, QuoteKind, Span};

use crate::escape::{escape_attr_into, escape_text_into};
use crate::{number_value, truncate};

/// The speakers of a document's quotes, numbered in order of their first
/// quote; the number picks the colour (`sp0`, `sp1`, ...).
pub(crate) struct Speakers {
    /// Display name of each speaker: the canonical name, else the mention.
    pub names: Vec<String>,
    /// The speaker of each quote (same index as the quotes layer).
    of_quote: Vec<Option<usize>>,
    /// Speaker mentions in the text, one per distinct span, none overlapping.
    mentions: Vec<Mention>,
}

/// A span of text naming a speaker, and the quotes it introduces.
pub(crate) struct Mention {
    pub span: Span,
    pub speaker: usize,
    /// Quote indices, in text order.
    pub quotes: Vec<usize>,
}

/// Quote indices ordered by where the quote starts.
fn quotes_in_text_order(doc: &Document) -> Vec<usize> {
    let quotes = doc.layers.quotes.as_deref().unwrap_or(&[]);
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].span.start(), quotes[i].span.end()));
    order
}

fn valid_in(text: &str, span: Span) -> bool {
    span.start() < span.end()
        && text.is_char_boundary(span.start())
        && text.is_char_boundary(span.end())
}

impl Speakers {
    pub fn of(doc: &Document) -> Speakers {
        let quotes = doc.layers.quotes.as_deref().unwrap_or(&[]);
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut of_quote = vec![None; quotes.len()];
        let mut by_span: BTreeMap<Span, (usize, Vec<usize>)> = BTreeMap::new();
        for i in quotes_in_text_order(doc) {
            let Some(speaker) = &quotes[i].speaker else {
                continue;
            };
            let name = speaker
                .canonical
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| speaker.text.trim());
            if name.is_empty() {
                continue;
            }
            let next = names.len();
            let s = *index.entry(name.to_string()).or_insert(next);
            if s == next {
                names.push(name.to_string());
            }
            of_quote[i] = Some(s);
            if let Some(span) = speaker.span.filter(|sp| valid_in(&doc.text, *sp)) {
                by_span.entry(span).or_insert((s, Vec::new())).1.push(i);
            }
        }
        // Links must not nest, so a mention overlapping an earlier one is
        // left unlinked (its quotes are still listed in the panel).
        let mut mentions: Vec<Mention> = Vec::new();
        for (span, (speaker, quotes)) in by_span {
            if mentions.last().is_some_and(|m| m.span.overlaps(span)) {
                continue;
            }
            mentions.push(Mention {
                span,
                speaker,
                quotes,
            });
        }
        Speakers {
            names,
            of_quote,
            mentions,
        }
    }

    /// The colour class of quote `i`: `sp<n>`, or `spx` without a speaker.
    pub fn class_of_quote(&self, i: usize) -> String {
        match self.of_quote.get(i).copied().flatten() {
            Some(s) => format!("sp{s}"),
            None => "spx".to_string(),
        }
    }

    pub fn name_of_quote(&self, i: usize) -> Option<&str> {
        let s = self.of_quote.get(i).copied().flatten()?;
        self.names.get(s).map(String::as_str)
    }

    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }
}

pub(crate) fn write_panels(out: &mut String, d: usize, doc: &Document, speakers: &Speakers) {
    if doc.layers.quotes.is_some() {
        write_who_said_what(out, d, doc, speakers);
    }
    if doc.layers.numbers.is_some() {
        write_numbers(out, d, doc);
    }
    if doc.layers.entities.is_some() {
        write_entities(out, d, doc);
    }
    if !doc.layers.generic.is_empty() {
        write_generic(out, doc);
    }
}

/// The speaker mention of a quote as written ("he", "Ms. Adler") when it
/// differs from the name the speaker is listed under.
pub(crate) fn mention_if_other<'q>(q: &'q Quote, name: Option<&str>) -> Option<&'q str> {
    let mention = q.speaker.as_ref()?.text.trim();
    (!mention.is_empty() && name.is_some_and(|n| n != mention)).then_some(mention)
}

fn write_who_said_what(out: &mut String, d: usize, doc: &Document, speakers: &Speakers) {
    let quotes = doc.layers.quotes.as_deref().unwrap_or(&[]);
    out.push_str("<section class=\"panel who-panel\"><h3>Who said what</h3>");
    if quotes.is_empty() {
        out.push_str("<p class=\"none\">No quotes found.</p></section>\n");
        return;
    }
    let order = quotes_in_text_order(doc);
    // Speakers in order of their first quote, then the unattributed quotes.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = (0..speakers.names.len())
        .map(|s| (Some(s), Vec::new()))
        .collect();
    let mut unattributed = Vec::new();
    for &i in &order {
        match speakers.of_quote.get(i).copied().flatten() {
            Some(s) => groups[s].1.push(i),
            None => unattributed.push(i),
        }
    }
    if !unattributed.is_empty() {
        groups.push((None, unattributed));
    }
    out.push_str("<ol class=\"who\">");
    for (speaker, list) in &groups {
        let class = match speaker {
            Some(s) => format!("sp{s}"),
            None => "spx".to_string(),
        };
        let _ = write!(out, "<li class=\"{class}\"><span class=\"sw\"></span><b>");
        match speaker.and_then(|s| speakers.names.get(s)) {
            Some(name) => escape_text_into(out, name),
            None => out.push_str("No speaker given"),
        }
        let _ = write!(out, "</b> <span class=\"cnt\">({})</span><ol>", list.len());
        for &i in list {
            let q = &quotes[i];
            let _ = write!(out, "<li>");
            if let Some(mention) = mention_if_other(
                q,
                speaker
                    .and_then(|s| speakers.names.get(s))
                    .map(String::as_str),
            ) {
                out.push_str("<span class=\"as\">as “");
                escape_text_into(out, mention);
                out.push_str("”</span> ");
            }
            let _ = write!(out, "<a href=\"#d{d}-q{i}\">“");
            escape_text_into(out, &truncate(doc.slice(q.span), 240));
            out.push_str("”</a>");
            if q.kind != QuoteKind::Direct {
                let _ = write!(out, " <span class=\"kind\">{}</span>", q.kind.as_str());
            }
            if let Some(cue) = &q.cue {
                out.push_str(" <span class=\"cue\">— ");
                escape_text_into(out, cue);
                out.push_str("</span>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ol></li>");
    }
    out.push_str("</ol></section>\n");
}

/// The sentence holding `span` (or, without sentences, its line), cut to a
/// readable window around it.
fn write_context(out: &mut String, doc: &Document, sentences: &[Span], span: Span) {
    let text = &doc.text;
    let i = sentences.partition_point(|s| s.start() <= span.start());
    let around = i
        .checked_sub(1)
        .map(|k| sentences[k])
        .filter(|s| s.contains(span) && valid_in(text, *s))
        .map(|s| (s.start(), s.end()))
        .unwrap_or_else(|| {
            let start = text[..span.start()].rfind('\n').map_or(0, |p| p + 1);
            let end = text[span.end()..]
                .find('\n')
                .map_or(text.len(), |p| span.end() + p);
            (start, end)
        });
    const SIDE: usize = 70;
    let (cut_before, before) = tail_words(&text[around.0..span.start()], SIDE);
    let (cut_after, after) = head_words(&text[span.end()..around.1], SIDE);
    if cut_before {
        out.push('…');
    }
    escape_text_into(out, before);
    out.push_str("<b>");
    escape_text_into(out, doc.slice(span));
    out.push_str("</b>");
    escape_text_into(out, after);
    if cut_after {
        out.push('…');
    }
}

/// The last `max` chars of `s` or fewer, starting at a word when cut; and
/// whether it was cut.
fn tail_words(s: &str, max: usize) -> (bool, &str) {
    let chars = s.chars().count();
    if chars <= max {
        return (false, s);
    }
    let cut = s.char_indices().nth(chars - max).map_or(0, |(p, _)| p);
    let tail = &s[cut..];
    match tail.find(char::is_whitespace) {
        Some(p) => (true, tail[p..].trim_start()),
        None => (true, tail),
    }
}

/// The first `max` chars of `s` or fewer, ending at a word when cut; and
/// whether it was cut.
fn head_words(s: &str, max: usize) -> (bool, &str) {
    let Some((cut, _)) = s.char_indices().nth(max) else {
        return (false, s);
    };
    let head = &s[..cut];
    match head.rfind(char::is_whitespace) {
        Some(p) if p > 0 => (true, head[..p].trim_end()),
        _ => (true, head),
    }
}

fn write_numbers(out: &mut String, d: usize, doc: &Document) {
    let numbers = doc.layers.numbers.as_deref().unwrap_or(&[]);
    out.push_str("<section class=\"panel num-panel\"><h3>Numbers</h3>");
    if numbers.is_empty() {
        out.push_str("<p class=\"none\">No numbers found.</p></section>\n");
        return;
    }
    let mut sentences: Vec<Span> = doc.layers.sentences.clone().unwrap_or_default();
    sentences.sort();
    let mut order: Vec<usize> = (0..numbers.len()).collect();
    order.sort_by_key(|&i| numbers[i].span.start());
    out.push_str(
        "<div class=\"tablewrap\"><table class=\"nums\"><thead><tr><th>Value</th><th>Kind</th>\
         <th>Unit</th><th>Modifier</th></tr><tr><th colspan=\"4\" class=\"ctx\">Sentence</th></tr>\
         </thead>",
    );
    // Two rows per number so the table fits a narrow panel: the fields, then
    // the sentence it was found in.
    for i in order {
        let n = &numbers[i];
        let _ = write!(out, "<tbody><tr><td class=\"v\"><a href=\"#d{d}-n{i}\">");
        if n.approx {
            out.push('≈');
        }
        escape_text_into(out, &number_value(n));
        let _ = write!(out, "</a></td><td>{}</td><td>", n.kind.as_str());
        escape_text_into(out, n.unit.as_deref().unwrap_or(""));
        out.push_str("</td><td>");
        escape_text_into(out, n.modifier.as_deref().unwrap_or(""));
        out.push_str("</td></tr><tr><td colspan=\"4\" class=\"ctx\">");
        if valid_in(&doc.text, n.span) {
            write_context(out, doc, &sentences, n.span);
        }
        out.push_str("</td></tr></tbody>");
    }
    out.push_str("</table></div></section>\n");
}

/// Mentions of one entity, grouped by canonical name.
struct EntityGroup {
    name: String,
    first: usize,
    count: usize,
    labels: BTreeMap<EntityLabel, usize>,
    /// Mention texts other than the name, with counts.
    variants: BTreeMap<String, usize>,
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_entities(out: &mut String, d: usize, doc: &Document) {
    let entities = doc.layers.entities.as_deref().unwrap_or(&[]);
    out.push_str("<section class=\"panel ent-panel\"><h3>Entities</h3>");
    if entities.is_empty() {
        out.push_str("<p class=\"none\">No entities found.</p></section>\n");
        return;
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&i| entities[i].span.start());
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in order {
        let e = &entities[i];
        let mention = collapse_spaces(doc.slice(e.span));
        let name = e
            .canonical
            .as_deref()
            .map(collapse_spaces)
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| mention.clone());
        let next = groups.len();
        let g = *index.entry(name.clone()).or_insert(next);
        if g == next {
            groups.push(EntityGroup {
                name: name.clone(),
                first: i,
                count: 0,
                labels: BTreeMap::new(),
                variants: BTreeMap::new(),
            });
        }
        let group = &mut groups[g];
        group.count += 1;
        *group.labels.entry(e.label).or_insert(0) += 1;
        if mention != name && !mention.is_empty() {
            *group.variants.entry(mention).or_insert(0) += 1;
        }
    }
    // Most mentioned first; ties keep the order of first mention.
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    let _ = write!(
        out,
        "<p class=\"cnt\">{} mentions of {} names</p><ul class=\"ents\">",
        entities.len(),
        groups.len()
    );
    for g in &groups {
        out.push_str("<li>");
        let mut labels: Vec<(&EntityLabel, &usize)> = g.labels.iter().collect();
        labels.sort_by(|a, b| b.1.cmp(a.1));
        for (label, _) in labels {
            let _ = write!(
                out,
                "<span class=\"L-{0}\"><span class=\"tag\">{0}</span></span>",
                label.as_str()
            );
        }
        let _ = write!(out, "<a href=\"#d{d}-e{}\" title=\"", g.first);
        escape_attr_into(out, "first mention");
        out.push_str("\">");
        escape_text_into(out, &g.name);
        let _ = write!(out, "</a> <span class=\"cnt\">×{}</span>", g.count);
        if !g.variants.is_empty() {
            out.push_str(" <span class=\"also\">(");
            for (k, (text, n)) in g.variants.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                escape_text_into(out, text);
                let _ = write!(out, " ×{n}");
            }
            out.push_str(")</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></section>\n");
}

fn write_generic(out: &mut String, doc: &Document) {
    out.push_str("<section class=\"panel gen-panel\"><h3>Other layers</h3><ul class=\"ents\">");
    for (name, items) in &doc.layers.generic {
        let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
        for g in items {
            *labels.entry(g.label.as_str()).or_insert(0) += 1;
        }
        out.push_str("<li><b>");
        escape_text_into(out, name);
        let _ = write!(out, "</b> <span class=\"cnt\">({})</span>", items.len());
        for (k, (label, n)) in labels.iter().enumerate() {
            out.push_str(if k == 0 { ": " } else { ", " });
            escape_text_into(out, label);
            let _ = write!(out, " ×{n}");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></section>\n");
}
