//! `--format pretty`: a view of one annotated document for a person at a
//! terminal. Sentences are numbered; entities, numbers and quotes are listed
//! with the text they cover.

use std::fmt::Write as _;

use lede_core::Document;

/// One line of text: newlines and runs of white space become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pretty view of `doc`, ending with a blank line.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let title = if doc.id.is_empty() {
        "(no id)"
    } else {
        &doc.id
    };
    let _ = writeln!(out, "━━ {title} ━━ {} bytes", doc.text.len());
    let layers = &doc.layers;
    if let Some(sentences) = &layers.sentences {
        let _ = writeln!(out, "Sentences ({})", sentences.len());
        let width = sentences.len().to_string().len();
        for (i, s) in sentences.iter().enumerate() {
            let _ = writeln!(out, "  {:>width$}. {}", i + 1, one_line(doc.slice(*s)));
        }
    }
    if let Some(entities) = &layers.entities {
        let _ = writeln!(out, "Entities ({})", entities.len());
        for e in entities {
            let text = one_line(doc.slice(e.span));
            let _ = write!(out, "  {:<11} {text}", e.label.as_str());
            if let Some(c) = e.canonical.as_deref().filter(|c| *c != text) {
                let _ = write!(out, " → {c}");
            }
            if let Some(t) = &e.title {
                let _ = write!(out, " (title: {t})");
            }
            out.push('\n');
        }
    }
    if let Some(numbers) = &layers.numbers {
        let _ = writeln!(out, "Numbers ({})", numbers.len());
        for n in numbers {
            // The unit goes between the amount and its rate: "1.5 million
            // barrels per day".
            let value = lede_render::readable_value(n);
            let per = n.per.as_ref().map(|p| format!(" per {p}"));
            let amount = per
                .as_deref()
                .and_then(|p| value.strip_suffix(p))
                .unwrap_or(&value);
            let _ = write!(
                out,
                "  {:<9} {} = {amount}",
                n.kind.as_str(),
                one_line(doc.slice(n.span)),
            );
            if let Some(unit) = &n.unit {
                let _ = write!(out, " {unit}");
            }
            if let (Some(p), true) = (&per, amount.len() < value.len()) {
                out.push_str(p);
            }
            let mut notes = Vec::new();
            if let Some(m) = &n.modifier {
                notes.push(format!("modifier: {m}"));
            }
            if n.approx {
                notes.push("approximate".to_string());
            }
            if let (Some(lo), Some(hi)) = (n.low, n.high) {
                // Years stay bare ("1990–1999"); amounts read as written.
                let bound = |x: f64| match n.kind {
                    lede_core::NumberKind::Year => format!("{x}"),
                    _ => lede_render::readable_number(x),
                };
                notes.push(format!("range {}–{}", bound(lo), bound(hi)));
            }
            if !notes.is_empty() {
                let _ = write!(out, " ({})", notes.join(", "));
            }
            out.push('\n');
        }
    }
    if let Some(quotes) = &layers.quotes {
        let _ = writeln!(out, "Quotes ({})", quotes.len());
        for q in quotes {
            // The resolved name, and the words at the cue when they differ
            // from it: `Ruth Adler [she]`.
            let speaker = match &q.speaker {
                Some(sp) => match &sp.canonical {
                    Some(name) if !name.ends_with(sp.text.trim()) => {
                        format!("{name} [{}]", sp.text)
                    }
                    Some(name) => name.clone(),
                    None => sp.text.clone(),
                },
                None => "(unknown)".to_string(),
            };
            let _ = write!(out, "  {speaker}: “{}”", one_line(doc.slice(q.span)));
            let mut notes = vec![q.kind.as_str().to_string()];
            if let Some(cue) = &q.cue {
                notes.push(format!("cue: {cue}"));
            }
            let _ = writeln!(out, " ({})", notes.join(", "));
        }
    }
    // Every other layer (plugin layers, kinds defined outside lede-core) is
    // shown through the view its kind gives plugins: span and label.
    let others = layers
        .iter_stored()
        .into_iter()
        .filter(|(name, _)| !lede_core::layer::BUILT_IN.contains(name));
    for (name, layer) in others {
        let _ = writeln!(out, "{name} ({})", layer.len());
        for (span, label) in layer.plugin_items() {
            let _ = writeln!(out, "  {label:<11} {}", one_line(doc.slice(span)));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::{
        Entity, EntityLabel, NumberAnnotation, NumberKind, NumberValue, Quote, QuoteKind, Span,
        Speaker,
    };

    #[test]
    fn lists_layers_with_their_text() {
        let text = "“We are close,” said Mr. Witkoff.\nOver 35,000 died.";
        let find = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(text, i, i + s.len()).unwrap()
        };
        let mut doc = Document::new("001", text);
        doc.layers.sentences = Some(vec![
            find("“We are close,” said Mr. Witkoff."),
            find("Over 35,000 died."),
        ]);
        doc.layers.entities = Some(vec![Entity {
            span: find("Witkoff"),
            label: EntityLabel::Person,
            canonical: Some("Steve Witkoff".into()),
            title: Some("Mr.".into()),
        }]);
        let mut n = NumberAnnotation::new(
            find("35,000"),
            NumberKind::Cardinal,
            NumberValue::Number(35000.0),
        );
        n.modifier = Some("over".into());
        doc.layers.numbers = Some(vec![n]);
        doc.layers.quotes = Some(vec![Quote {
            span: find("We are close,"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: Some(find("Witkoff")),
                text: "Witkoff".into(),
                canonical: Some("Steve Witkoff".into()),
                entity: None,
            }),
            cue: Some("said".into()),
        }]);
        let view = render(&doc);
        assert!(
            view.contains("  1. “We are close,” said Mr. Witkoff.\n"),
            "{view}"
        );
        assert!(view.contains("  2. Over 35,000 died.\n"), "{view}");
        assert!(
            view.contains("PERSON      Witkoff → Steve Witkoff (title: Mr.)"),
            "{view}"
        );
        assert!(
            view.contains("cardinal  35,000 = 35,000 (modifier: over)"),
            "{view}"
        );
        assert!(
            view.contains("Steve Witkoff: “We are close,” (direct, cue: said)"),
            "{view}"
        );
    }
}
