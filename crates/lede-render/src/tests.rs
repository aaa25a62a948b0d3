//! Tests of the whole page: escaping, nesting of overlapping layers, the
//! panels, on hand-made documents and on the gold seeds.

use std::collections::{BTreeMap, BTreeSet};

use lede_core::{
    AttrValue, Document, Entity, EntityLabel, GenericAnnotation, NumberAnnotation, NumberKind,
    NumberValue, Quote, QuoteKind, Span, Speaker, Token, TokenKind,
};
use proptest::prelude::*;
use serde_json::Value;

use crate::html_check::{parse, Element};
use crate::render_html;

/// Classes of the elements the page adds inside the text (label tags,
/// values, counts, sentence numbers); everything else is document text.
const DECORATION: [&str; 5] = ["tag", "nv", "qn", "sb", "gtag"];

use lede_core::testing::{find, gold_seeds as gold_docs};

fn render_and_parse(docs: &[Document]) -> Element {
    let html = render_html(docs);
    match parse(&html) {
        Ok(page) => page,
        Err(e) => panic!("page is not well formed: {e}\n{html}"),
    }
}

fn sections(page: &Element) -> Vec<&Element> {
    page.all()
        .into_iter()
        .filter(|e| e.name == "section" && e.has_class("doc"))
        .collect()
}

/// The document text as the page shows it: the paragraphs of the text
/// column without the added decorations, one per line.
fn shown_text(section: &Element) -> String {
    let text_div = section
        .all()
        .into_iter()
        .find(|e| e.has_class("text"))
        .expect("text column");
    text_div
        .all()
        .into_iter()
        .filter(|e| e.name == "p")
        .map(|p| p.text_without(&DECORATION))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The non-blank lines of a text, as the page shows them.
fn expected_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Distinct values of `attr` on elements with `class` inside `section`.
fn distinct(section: &Element, class: &str, attr: &str) -> BTreeSet<String> {
    section
        .with_class(class)
        .into_iter()
        .filter_map(|e| e.attr(attr).map(str::to_string))
        .collect()
}

fn assert_ids_unique(page: &Element) {
    let mut seen = BTreeSet::new();
    for e in page.all() {
        if let Some(id) = e.attr("id") {
            assert!(seen.insert(id.to_string()), "duplicate id {id}");
        }
    }
}

#[test]
fn script_in_a_document_is_shown_as_text() {
    let text = "Officials said <script>alert(\"x\")</script> & <b>bold</b> claims were false.";
    let mut doc = Document::new("<img src=x onerror=alert(1)>", text);
    doc.metadata.insert(
        "title".into(),
        Value::String("\"><script>alert(2)</script>".into()),
    );
    doc.layers.entities = Some(vec![Entity {
        span: find(text, "script"),
        label: EntityLabel::Org,
        canonical: Some("\" onmouseover=\"alert(3)".into()),
        title: None,
    }]);
    let mut attrs = BTreeMap::new();
    attrs.insert("why".into(), AttrValue::Str("<i>'x'</i>".into()));
    doc.layers.generic.insert(
        "<flags>".into(),
        vec![GenericAnnotation {
            span: find(text, "<b>bold</b>"),
            label: "</span><script>".into(),
            attrs,
        }],
    );
    let page = render_and_parse(std::slice::from_ref(&doc));

    // Only the page's own script element exists; nothing from the document
    // became an element.
    let names: Vec<&str> = page.all().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| **n == "script").count(), 1);
    assert!(!names.contains(&"img"));
    let section = sections(&page)[0];
    let text_div = section.with_class("text")[0];
    for e in text_div.all() {
        assert!(
            ["div", "p", "span", "a", "sup"].contains(&e.name.as_str()),
            "unexpected <{}> in the text",
            e.name
        );
    }
    assert_eq!(shown_text(section), text);
    assert_eq!(section.attr("data-doc-id"), Some(doc.id.as_str()));
    let h2 = section.all().into_iter().find(|e| e.name == "h2").unwrap();
    assert_eq!(h2.text(), "\"><script>alert(2)</script>");
    let ent = &section.with_class("ent")[0];
    assert_eq!(ent.attr("title"), Some("ORG · \" onmouseover=\"alert(3)"));
    assert!(ent.attr("onmouseover").is_none());
    let gtag = &section.with_class("gtag")[0];
    assert_eq!(gtag.text(), "</span><script>");
    // The plugin layer has a toggle labelled with its (escaped) name.
    let toggle_labels: Vec<String> = page
        .all()
        .into_iter()
        .filter(|e| e.name == "label")
        .map(|e| e.text())
        .collect();
    assert!(toggle_labels.contains(&"<flags>".to_string()));
}

/// A sentence from seed 001 with every layer on it, crossing in all the
/// ways news annotations do: the speaker mention is also an entity, a
/// plugin span crosses the end of the quote, a number sits inside an entity,
/// and tokens run through everything.
fn crossing_doc() -> Document {
    let text = "“The streets outside are eerily quiet today,” notes Hassan al-Masri, \
                a local shopkeeper whose café sits 3 blocks away.";
    let mut doc = Document::new("crossing", text);
    let quote = find(text, "The streets outside are eerily quiet today,");
    let speaker = find(text, "Hassan al-Masri");
    doc.layers.sentences = Some(vec![Span::new(text, 0, text.len()).unwrap()]);
    doc.layers.tokens = Some(
        text.split(' ')
            .filter_map(|w| Span::of_subslice(text, w))
            .map(|span| Token {
                span,
                kind: TokenKind::Word,
            })
            .collect(),
    );
    doc.layers.entities = Some(vec![
        Entity {
            span: speaker,
            label: EntityLabel::Person,
            canonical: Some("Hassan al-Masri".into()),
            title: None,
        },
        Entity {
            span: find(text, "café sits 3 blocks"),
            label: EntityLabel::Fac,
            canonical: None,
            title: None,
        },
    ]);
    let mut n = NumberAnnotation::new(
        find(text, "3 blocks"),
        NumberKind::Quantity,
        NumberValue::Number(3.0),
    );
    n.unit = Some("block".into());
    doc.layers.numbers = Some(vec![n]);
    doc.layers.quotes = Some(vec![Quote {
        span: quote,
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Some(speaker),
            text: "Hassan al-Masri".into(),
            canonical: Some("Hassan al-Masri".into()),
            entity: None,
        }),
        cue: Some("notes".into()),
    }]);
    doc.layers.generic.insert(
        "tone".into(),
        vec![GenericAnnotation {
            span: find(text, "quiet today,” notes"),
            label: "calm".into(),
            attrs: BTreeMap::new(),
        }],
    );
    doc
}

#[test]
fn crossing_layers_nest_and_keep_the_text() {
    let doc = crossing_doc();
    let page = render_and_parse(std::slice::from_ref(&doc));
    assert_ids_unique(&page);
    let section = sections(&page)[0];
    assert_eq!(shown_text(section), doc.text);

    // The plugin span starts inside the quote and ends after it, so it is
    // the inner one and is cut at the quote's end. The quote itself may be
    // cut by tokens that cross its edges (the opening “ is in the first
    // token); its pieces still read as the quote, and only the first carries
    // the id.
    let quote_pieces = section.with_class("q");
    assert!(!quote_pieces.is_empty());
    let quote_text: String = quote_pieces
        .iter()
        .map(|e| e.text_without(&DECORATION))
        .collect();
    assert_eq!(quote_text, "The streets outside are eerily quiet today,");
    assert_eq!(
        quote_pieces
            .iter()
            .filter(|e| e.attr("id").is_some())
            .count(),
        1
    );
    let tone_pieces = section.with_class("gen");
    assert_eq!(tone_pieces.len(), 2, "cut once, at the end of the quote");
    let tone_text: String = tone_pieces
        .iter()
        .map(|e| e.text_without(&DECORATION))
        .collect();
    assert_eq!(tone_text, "quiet today,” notes");
    assert_eq!(section.with_class("gtag").len(), 1);

    // The speaker mention links to the quote and sits inside the entity.
    let link = section
        .all()
        .into_iter()
        .find(|e| e.name == "a" && e.has_class("spk"))
        .expect("speaker link");
    assert_eq!(link.attr("href"), Some("#d0-q0"));
    assert_eq!(link.text_without(&DECORATION), "Hassan al-Masri");
    let person = section
        .with_class("L-PERSON")
        .into_iter()
        .find(|e| e.has_class("ent"))
        .unwrap();
    assert!(person.all().iter().any(|e| e.has_class("spk")));
    assert_eq!(person.with_class("tag")[0].text(), "PERSON");
    // The quote and its speaker share a colour.
    assert_eq!(link.attr("data-spk"), quote_pieces[0].attr("data-spk"));

    // The number is inside the FAC entity and shows its value.
    let fac = section
        .with_class("L-FAC")
        .into_iter()
        .find(|e| e.has_class("ent"))
        .unwrap();
    let num = &fac.with_class("num")[0];
    assert_eq!(num.text_without(&DECORATION), "3 blocks");
    assert_eq!(num.with_class("nv")[0].text(), "3 block");
}

#[test]
fn seed_001_reads_as_a_reader_expects() {
    let docs = gold_docs();
    let page = render_and_parse(&docs);
    let section = sections(&page)[1];
    assert_eq!(section.attr("data-doc-id"), Some("001_a253fbec9e659c08"));

    // "over 35,000 Palestinian lives": the number is underlined, shows
    // "35,000 lives" and says "over" on hover.
    let n = section
        .with_class("num")
        .into_iter()
        .find(|e| e.text_without(&DECORATION) == "35,000")
        .expect("35,000 is marked");
    assert_eq!(n.with_class("nv")[0].text(), "35,000 lives");
    let hover = n.attr("title").unwrap();
    assert!(
        hover.contains("cardinal") && hover.contains("modifier “over”"),
        "{hover}"
    );
    let millions = section
        .with_class("num")
        .into_iter()
        .find(|e| e.text_without(&DECORATION) == "millions")
        .unwrap();
    assert_eq!(millions.with_class("nv")[0].text(), "≈2 million");

    // Hassan al-Masri's two quotes share one colour, Blinken's another; the
    // mention "Hassan al-Masri" links to his first quote.
    let quotes = section.with_class("q");
    let colour_of = |words: &str| -> String {
        quotes
            .iter()
            .find(|q| q.text_without(&DECORATION).starts_with(words))
            .and_then(|q| q.attr("data-spk"))
            .unwrap_or_else(|| panic!("no quote starting {words:?}"))
            .to_string()
    };
    let hassan = colour_of("The streets outside");
    assert_eq!(hassan, colour_of("But inside those walls"));
    let blinken = colour_of("These negotiations represent");
    assert_ne!(hassan, blinken);
    assert_eq!(blinken, colour_of("The parties have the framework"));
    let link = section
        .with_class("spk")
        .into_iter()
        .find(|a| a.text_without(&DECORATION) == "Hassan al-Masri")
        .unwrap();
    assert_eq!(link.attr("href"), Some("#d1-q0"));
    assert_eq!(link.with_class("qn")[0].text(), "2 quotes");

    // The nested scare quote "mutually hurting stalemate" sits inside
    // El-Ghobashy's quote.
    let outer = quotes
        .iter()
        .find(|q| q.text_without(&DECORATION).starts_with("We’re witnessing"))
        .unwrap();
    assert!(outer
        .with_class("q")
        .iter()
        .any(|q| q.has_class("scare") && q.text() == "mutually hurting stalemate"));

    // "Who said what": speakers in order of their first quote.
    let panel = &section.with_class("who-panel")[0];
    let speakers: Vec<String> = panel
        .all()
        .into_iter()
        .filter(|e| e.name == "b")
        .map(|e| e.text())
        .collect();
    assert_eq!(
        &speakers[..5],
        [
            "Hassan al-Masri",
            "Antony Blinken",
            "diplomacy experts",
            "Mona El-Ghobashy",
            "negotiation experts"
        ]
    );
    assert_eq!(
        speakers.last().map(String::as_str),
        Some("Abdel Fattah el-Sisi")
    );

    // "Entities": Hamas (nine mentions) heads the list, then Gaza (seven).
    let ents = &section.with_class("ent-panel")[0];
    let items: Vec<String> = ents
        .all()
        .into_iter()
        .filter(|e| e.name == "li")
        .map(|e| e.text())
        .collect();
    assert_eq!(items[0], "ORGHamas ×9");
    assert_eq!(items[1], "GPEGaza ×7");
}

#[test]
fn every_gold_annotation_is_on_the_page() {
    let docs = gold_docs();
    assert_eq!(docs.len(), 5);
    let page = render_and_parse(&docs);
    assert_ids_unique(&page);
    let secs = sections(&page);
    assert_eq!(secs.len(), docs.len());
    for (doc, section) in docs.iter().zip(secs) {
        assert_eq!(shown_text(section), expected_lines(&doc.text), "{}", doc.id);
        let count = |n: Option<usize>| n.unwrap_or(0);
        assert_eq!(
            distinct(section, "ent", "data-e").len(),
            count(doc.layers.entities.as_ref().map(Vec::len))
        );
        assert_eq!(
            distinct(section, "num", "data-n").len(),
            count(doc.layers.numbers.as_ref().map(Vec::len))
        );
        assert_eq!(
            distinct(section, "q", "data-q").len(),
            count(doc.layers.quotes.as_ref().map(Vec::len))
        );
        // Each entity shows its label once (the rest are in the panel).
        assert_eq!(
            section.with_class("tag").len()
                - section
                    .with_class("ent-panel")
                    .first()
                    .map_or(0, |p| p.with_class("tag").len()),
            count(doc.layers.entities.as_ref().map(Vec::len))
        );
    }
}

#[test]
fn empty_inputs_still_make_a_page() {
    let page = render_and_parse(&[]);
    assert!(page.all().iter().any(|e| e.name == "main"));
    let docs = vec![Document::new("", ""), Document::new("blank", "\n \n")];
    let page = render_and_parse(&docs);
    assert_eq!(sections(&page).len(), 2);
}

#[test]
fn layers_not_computed_get_no_toggle_and_no_panel() {
    let text = "Hamas accepted. Israel did not.";
    let mut doc = Document::new("x", text);
    doc.layers.entities = Some(vec![]);
    let page = render_and_parse(&[doc]);
    let toggles: Vec<&str> = page
        .all()
        .into_iter()
        .filter_map(|e| e.attr("data-layer"))
        .collect();
    assert_eq!(toggles, ["ent"]);
    let section = sections(&page)[0];
    assert!(section.with_class("who-panel").is_empty());
    assert_eq!(
        section.with_class("ent-panel")[0].with_class("none")[0].text(),
        "No entities found."
    );
}

/// Random texts with HTML-special and multi-byte characters, and random
/// spans in every layer, overlapping in any way.
fn arb_doc() -> impl Strategy<Value = Document> {
    let text = proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just(" "),
            Just("<"),
            Just(">"),
            Just("&"),
            Just("\""),
            Just("'"),
            Just("“"),
            Just("’"),
            Just("é"),
            Just("\n"),
            Just("\r\n"),
            Just("<script>"),
            Just("&amp;"),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat());
    let spans = proptest::collection::vec((0usize..400, 0usize..400, 0u8..7), 0..25);
    (text, spans).prop_map(|(text, spans)| {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut doc = Document::new("p", text.clone());
        let l = &mut doc.layers;
        for (a, b, layer) in spans {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let span = Span::new(&text, a.min(b), a.max(b)).expect("char boundaries");
            match layer {
                0 => l.sentences.get_or_insert_with(Vec::new).push(span),
                1 => l.entities.get_or_insert_with(Vec::new).push(Entity {
                    span,
                    label: EntityLabel::Gpe,
                    canonical: Some("<x>".into()),
                    title: None,
                }),
                2 => l
                    .numbers
                    .get_or_insert_with(Vec::new)
                    .push(NumberAnnotation::new(
                        span,
                        NumberKind::Cardinal,
                        NumberValue::Number(1.5),
                    )),
                3 | 4 => l.quotes.get_or_insert_with(Vec::new).push(Quote {
                    span,
                    kind: QuoteKind::Direct,
                    speaker: Some(Speaker {
                        span: Some(Span::new(&text, a.min(b), a.max(b)).expect("valid")),
                        text: "s&".into(),
                        canonical: if layer == 3 { None } else { Some("\"".into()) },
                        entity: None,
                    }),
                    cue: None,
                }),
                5 => l.tokens.get_or_insert_with(Vec::new).push(Token {
                    span,
                    kind: TokenKind::Word,
                }),
                _ => l
                    .generic
                    .entry("g<".into())
                    .or_default()
                    .push(GenericAnnotation {
                        span,
                        label: "'".into(),
                        attrs: BTreeMap::new(),
                    }),
            }
        }
        doc
    })
}

proptest! {
    #[test]
    fn any_overlap_gives_well_formed_html_with_the_text_intact(doc in arb_doc()) {
        let html = render_html(std::slice::from_ref(&doc));
        let page = parse(&html).map_err(|e| TestCaseError::fail(format!("{e}\n{html}")))?;
        assert_ids_unique(&page);
        let section = sections(&page)[0];
        if !doc.text.trim().is_empty() {
            prop_assert_eq!(shown_text(section), expected_lines(&doc.text));
        }
        // No link inside a link.
        for a in page.all().into_iter().filter(|e| e.name == "a") {
            prop_assert_eq!(a.all().iter().filter(|e| e.name == "a").count(), 1);
        }
        prop_assert_eq!(&html, &render_html(std::slice::from_ref(&doc)));
    }
}

#[test]
fn numbers_panel_shows_the_sentence_cut_at_words() {
    let docs = gold_docs();
    let page = render_and_parse(&docs);
    let section = sections(&page)[1];
    let rows: Vec<String> = section.with_class("num-panel")[0]
        .with_class("ctx")
        .iter()
        .map(|td| td.text())
        .collect();
    // The header cell, then one sentence per number, in text order.
    assert_eq!(rows[0], "Sentence");
    assert_eq!(
        rows[1],
        "After more than seven months of devastating conflict that has claimed over 35,000 \
         Palestinian…"
    );
    assert_eq!(
        rows[2],
        "…more than seven months of devastating conflict that has claimed over 35,000 \
         Palestinian lives and seen 130 Israeli hostages remain in captivity,…"
    );
}

/// WCAG relative luminance of an sRGB colour.
fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let c = |v: f64| {
        let v = v / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn hex(s: &str) -> [f64; 3] {
    let v = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).unwrap() as f64;
    [v(1), v(3), v(5)]
}

/// `hsl(H S% L%)` as written in the page's style.
fn hsl(s: &str) -> [f64; 3] {
    let inner = s.trim_start_matches("hsl(").trim_end_matches(')');
    let parts: Vec<f64> = inner
        .split_whitespace()
        .map(|p| p.trim_end_matches('%').parse().unwrap())
        .collect();
    let (h, s, l) = (parts[0], parts[1] / 100.0, parts[2] / 100.0);
    let a = s * l.min(1.0 - l);
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        255.0 * (l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0))
    };
    [f(0.0), f(8.0), f(4.0)]
}

/// The values of CSS custom property `name` in `css`, in order.
fn css_values<'a>(css: &'a str, name: &str) -> Vec<&'a str> {
    css.match_indices(name)
        .filter_map(|(i, _)| {
            let rest = css[i + name.len()..].strip_prefix(": ")?;
            rest.split(';').next()
        })
        .collect()
}

#[test]
fn colours_keep_text_readable() {
    const TEXT: [f64; 3] = [27.0, 27.0, 27.0];
    const WHITE: [f64; 3] = [255.0, 255.0, 255.0];
    // Entity chips: dark text on the tint, white label on the tag colour.
    let css = crate::PAGE_CSS;
    let tints = css_values(css, "--ebg");
    let tags = css_values(css, "--etag");
    assert_eq!(tints.len(), EntityLabel::ALL.len());
    assert_eq!(tags.len(), EntityLabel::ALL.len());
    for (tint, tag) in tints.iter().zip(&tags) {
        assert!(contrast(TEXT, hex(tint)) >= 7.0, "{tint}");
        assert!(contrast(WHITE, hex(tag)) >= 4.5, "{tag}");
    }
    // Speaker and plugin colours, generated for 40 speakers and 12 layers.
    let mut doc = Document::new("many", "x".repeat(100));
    let quotes: Vec<Quote> = (0..40)
        .map(|i| Quote {
            span: Span::new(&doc.text, i, i + 1).unwrap(),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: None,
                text: format!("speaker {i}"),
                canonical: None,
                entity: None,
            }),
            cue: None,
        })
        .collect();
    doc.layers.quotes = Some(quotes);
    for k in 0..12 {
        doc.layers.generic.insert(format!("layer{k}"), vec![]);
    }
    let html = render_html(&[doc]);
    let style = &html[..html.find("</style>").unwrap()];
    let backgrounds = css_values(style, "--qbg");
    assert!(backgrounds.len() > 40);
    for bg in backgrounds.iter().filter(|v| v.starts_with("hsl")) {
        assert!(contrast(TEXT, hsl(bg)) >= 7.0, "{bg}");
    }
    let accents: Vec<&str> = css_values(style, "--acc")
        .into_iter()
        .chain(css_values(style, "--gc"))
        .filter(|v| v.starts_with("hsl"))
        .collect();
    assert!(accents.len() >= 40 + 24);
    for accent in accents {
        assert!(contrast(WHITE, hsl(accent)) >= 4.5, "{accent}");
    }
}

/// A quote credited to "she" that resolves to a named person shows both: the
/// name it is listed under and the words at the cue.
#[test]
fn a_pronoun_speaker_shows_the_mention_next_to_the_resolved_name() {
    let text = "Ruth Adler runs the port. “We are ready for the storm,” she said.";
    let mut doc = Document::new("adler", text);
    doc.layers.quotes = Some(vec![Quote {
        span: find(text, "We are ready for the storm,"),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Some(find(text, "she")),
            text: "she".into(),
            canonical: Some("Ruth Adler".into()),
            entity: Some(find(text, "Ruth Adler")),
        }),
        cue: Some("said".into()),
    }]);
    let html = render_html(std::slice::from_ref(&doc));
    assert!(
        html.contains("title=\"Ruth Adler (“she”) · said · direct quote\""),
        "{html}"
    );
    assert!(html.contains("<b>Ruth Adler</b>"), "{html}");
    assert!(
        html.contains("<span class=\"as\">as “she”</span>"),
        "{html}"
    );
}
