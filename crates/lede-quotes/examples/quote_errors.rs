//! Lists, for a gold file of attributed quotations, every matched quote
//! whose speaker is wrong (named sources first, then pronoun sources) and
//! every gold quotation no emitted quote overlaps, and every emitted quote
//! no gold one overlaps, each with its context:
//! the material for working down the stage's remaining errors.
//!
//! The texts run through lede-segment, lede-ner and this stage, as in
//! `lede eval`; speakers are judged with `lede_eval::same_speaker`.
//!
//! ```text
//! cargo run --release -p lede-quotes --example quote_errors -- GOLD.jsonl [named|pronoun|missed|extra]
//! ```

use lede_core::{Document, Quote, QuoteKind, Span, Stage};
use lede_quotes::QuotesStage;

mod gold;

/// Bytes of context shown on each side of a quote.
const CONTEXT: usize = 160;

fn overlap(a: Span, b: Span) -> usize {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text around `span`, the span itself in ⟦ ⟧, on one line.
fn context(text: &str, span: Span) -> String {
    let lo = floor(text, span.start().saturating_sub(CONTEXT));
    let hi = floor(text, span.end() + CONTEXT);
    let s = format!(
        "{}⟦{}⟧{}",
        &text[lo..span.start()],
        &text[span.start()..span.end()],
        &text[span.end()..hi]
    );
    s.replace('\n', " ¶ ")
}

fn who(doc: &Document, q: &Quote) -> String {
    match &q.speaker {
        None => "-".to_string(),
        Some(sp) => {
            format!(
                "{:?}@{} [{}]",
                sp.text,
                sp.span.map_or(0, |s| s.start()),
                sp.canonical.as_deref().unwrap_or("-")
            ) + &sp
                .entity
                .map(|e| format!(" ent={:?}", doc.slice(e)))
                .unwrap_or_default()
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: quote_errors GOLD.jsonl [named|pronoun|missed|extra]");
        std::process::exit(2);
    };
    let only = args.get(1).map(String::as_str);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let quotes = QuotesStage::new();
    let (mut named, mut pronoun, mut missed) = (0, 0, 0);
    let (mut proposed, mut unproposed, mut extra) = (0, 0, 0);
    let mut places: std::collections::BTreeMap<&str, usize> = Default::default();
    for (gold, mut doc) in gold::analysed(path, &data) {
        let choices = quotes.speaker_choices(&doc);
        if let Err(e) = quotes.process(&mut doc) {
            panic!("{path}: {}: {e}", gold.id);
        }
        let text = doc.text.as_str();
        let all = doc.layers.quotes.as_deref().unwrap_or(&[]);
        let pred: Vec<&Quote> = all.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
        let mut used = vec![false; pred.len()];
        let gold_all = gold.layers.quotes.as_deref().unwrap_or(&[]);
        if only.is_none_or(|o| o == "extra") {
            for p in &pred {
                if !gold_all.iter().any(|g| overlap(g.span, p.span) > 0) {
                    extra += 1;
                    println!(
                        "EXTRA {} | ours {} cue={:?} kind={}",
                        gold.id,
                        who(&doc, p),
                        p.cue,
                        p.kind.as_str()
                    );
                    println!("    {}\n", context(text, p.span));
                }
            }
        }
        for g in gold_all {
            if g.kind == QuoteKind::Scare {
                continue;
            }
            let mut best: Option<(usize, usize)> = None;
            for (i, p) in pred.iter().enumerate() {
                let shared = overlap(g.span, p.span);
                if !used[i] && shared > 0 && best.is_none_or(|(_, b)| shared > b) {
                    best = Some((i, shared));
                }
            }
            let Some((i, _)) = best else {
                if !all.iter().any(|p| overlap(g.span, p.span) > 0)
                    && only.is_none_or(|o| o == "missed")
                {
                    missed += 1;
                    println!("MISSED {} | gold {}", gold.id, who(&gold, g));
                    println!("    {}\n", context(text, g.span));
                }
                continue;
            };
            used[i] = true;
            let p = pred[i];
            if lede_eval::same_speaker(&gold, g.speaker.as_ref(), &doc, p.speaker.as_ref()) {
                continue;
            }
            let by_pronoun = g
                .speaker
                .as_ref()
                .is_some_and(|s| lede_eval::is_pronoun(&s.text));
            let label = if by_pronoun { "pronoun" } else { "named" };
            if only.is_some_and(|o| o != label) {
                continue;
            }
            if by_pronoun {
                pronoun += 1;
            } else {
                named += 1;
            }
            // Whether a candidate the ranker saw was right, and which
            // sources proposed it.
            let right = choices.iter().find(|c| c.quote == p.span).and_then(|c| {
                let gs = g.speaker.as_ref()?.span?;
                c.options.iter().find(|o| {
                    [o.mention, o.entity]
                        .into_iter()
                        .flatten()
                        .any(|s| overlap(s, gs) > 0)
                })
            });
            let note = match right {
                Some(o) => {
                    proposed += 1;
                    let srcs: Vec<&str> = o
                        .features
                        .iter()
                        .filter_map(|f| f.strip_prefix("src="))
                        .filter(|f| !f.contains('|'))
                        .collect();
                    format!("proposed by {}", srcs.join(","))
                }
                None => {
                    unproposed += 1;
                    let at = g
                        .speaker
                        .as_ref()
                        .and_then(|sp| sp.span)
                        .map_or("nobody", |gs| where_is(&doc, p.span, gs));
                    *places.entry(at).or_insert(0) += 1;
                    format!("not proposed, gold {at}")
                }
            };
            println!(
                "{} [{note}] {} | gold {} | ours {} cue={:?} kind={}",
                label.to_uppercase(),
                gold.id,
                who(&gold, g),
                who(&doc, p),
                p.cue,
                p.kind.as_str()
            );
            println!("    {}\n", context(text, p.span));
        }
    }
    for (at, n) in &places {
        eprintln!("not proposed, gold {at}: {n}");
    }
    eprintln!(
        "wrong named {named}, wrong pronoun {pronoun}, missed {missed}, extra {extra}; \
         the right speaker among the candidates {proposed}, not {unproposed}"
    );
}

/// Where the gold source stands from the quote: in the quote's own
/// sentence (left or right of it), in the sentence before or after, or
/// further.
fn where_is(doc: &Document, quote: Span, gold: Span) -> &'static str {
    let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
    let of = |pos: usize| {
        sentences
            .iter()
            .position(|s| s.start() <= pos && pos < s.end())
    };
    let (Some(q), Some(g)) = (of(quote.start()), of(gold.start())) else {
        return "unplaced";
    };
    let q_end = of(quote.end().saturating_sub(1)).unwrap_or(q);
    if gold.overlaps(quote) {
        "inside the quote"
    } else if g >= q && g <= q_end {
        if gold.start() < quote.start() {
            "left, same sentence"
        } else {
            "right, same sentence"
        }
    } else if g + 1 == q {
        "sentence before"
    } else if g == q_end + 1 {
        "sentence after"
    } else if g < q {
        "earlier"
    } else {
        "later"
    }
}
