//! Lists, for a gold file of attributed quotations, every matched quote
//! whose speaker is wrong (named sources first, then pronoun sources) and
//! every gold quotation no emitted quote overlaps, each with its context:
//! the material for working down the stage's remaining errors.
//!
//! The texts run through lede-segment, lede-ner and this stage, as in
//! `lede eval`; speakers are judged with `lede_eval::same_speaker`.
//!
//! ```text
//! cargo run --release -p lede-quotes --example quote_errors -- GOLD.jsonl [named|pronoun|missed]
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
        eprintln!("usage: quote_errors GOLD.jsonl [named|pronoun|missed]");
        std::process::exit(2);
    };
    let only = args.get(1).map(String::as_str);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let quotes = QuotesStage::new();
    let (mut named, mut pronoun, mut missed) = (0, 0, 0);
    for (gold, mut doc) in gold::analysed(path, &data) {
        if let Err(e) = quotes.process(&mut doc) {
            panic!("{path}: {}: {e}", gold.id);
        }
        let text = doc.text.as_str();
        let all = doc.layers.quotes.as_deref().unwrap_or(&[]);
        let pred: Vec<&Quote> = all.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
        let mut used = vec![false; pred.len()];
        for g in gold.layers.quotes.as_deref().unwrap_or(&[]) {
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
            println!(
                "{} {} | gold {} | ours {} cue={:?} kind={}",
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
    eprintln!("wrong named {named}, wrong pronoun {pronoun}, missed {missed}");
}
