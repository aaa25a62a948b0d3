//! The five seed articles with their gold sentences and entities as input
//! (gold quotes removed, paragraphs from lines): direct-quote span F1 and
//! speaker accuracy, scored as `lede eval` scores them.

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Quote, QuoteKind, Span, Stage};
use lede_quotes::QuotesStage;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

/// Gold documents, and the same documents prepared as pipeline input.
fn seeds() -> Vec<(Document, Document)> {
    GOLD.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let gold = from_json(line, OffsetUnit::CodePoints).expect("gold line parses");
            let mut input = gold.clone();
            input.layers.quotes = None;
            input.layers.numbers = None;
            input.layers.paragraphs = Some(lines(&input.text));
            (gold, input)
        })
        .collect()
}

fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Span::new(text, s, s + t.len()).unwrap());
        }
        start += line.len() + 1;
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

fn suffix_of(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long[long.len() - short.len()..] == *short
}

/// The eval rule: both null, or spans overlap, or text/canonical equal to the
/// gold name (case-insensitive), or one a whole-word suffix of the other.
fn speaker_ok(gold: &Quote, pred: &Quote) -> bool {
    match (&gold.speaker, &pred.speaker) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            if let (Some(gs), Some(ps)) = (g.span, p.span) {
                if gs.overlaps(ps) {
                    return true;
                }
            }
            let gw = words(&g.text);
            [Some(p.text.as_str()), p.canonical.as_deref()]
                .into_iter()
                .flatten()
                .any(|name| {
                    let pw = words(name);
                    pw == gw || suffix_of(&pw, &gw) || suffix_of(&gw, &pw)
                })
        }
        _ => false,
    }
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    speaker_ok: usize,
    predicted_null_speaker: usize,
    failures: Vec<String>,
}

fn score(gold_doc: &Document, pred: &[Quote], s: &mut Score) {
    let text = &gold_doc.text;
    let gold_all = gold_doc.layers.quotes.as_deref().unwrap_or(&[]);
    let gold: Vec<&Quote> = gold_all.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
    let scare: Vec<&Quote> = gold_all.iter().filter(|q| q.kind == QuoteKind::Scare).collect();
    let pred: Vec<&Quote> = pred.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
    let mut used = vec![false; pred.len()];
    s.gold += gold.len();
    for g in &gold {
        let hit = pred
            .iter()
            .enumerate()
            .filter(|(k, p)| !used[*k] && p.span.overlaps(g.span))
            .max_by_key(|(_, p)| p.span.end().min(g.span.end()) - p.span.start().max(g.span.start()))
            .map(|(k, _)| k);
        match hit {
            Some(k) => {
                used[k] = true;
                s.matched += 1;
                if speaker_ok(g, pred[k]) {
                    s.speaker_ok += 1;
                } else {
                    s.failures.push(format!(
                        "{}: wrong speaker for {:?}: gold {:?}, got {:?}",
                        gold_doc.id,
                        g.span.text(text),
                        g.speaker.as_ref().map(|x| &x.text),
                        pred[k].speaker
                    ));
                }
            }
            None => s.failures.push(format!("{}: missed {:?}", gold_doc.id, g.span.text(text))),
        }
    }
    for (k, p) in pred.iter().enumerate() {
        if used[k] {
            continue;
        }
        // Predictions over a gold scare quote are neither right nor wrong.
        if scare.iter().any(|g| g.span.overlaps(p.span)) {
            continue;
        }
        s.predicted += 1;
        s.failures.push(format!("{}: false {:?} ({:?})", gold_doc.id, p.span.text(text), p.kind));
    }
    s.predicted += used.iter().filter(|u| **u).count();
    s.predicted_null_speaker += pred.iter().filter(|p| p.speaker.is_none()).count();
}

#[test]
fn seeds_meet_the_direct_quote_targets() {
    let stage = QuotesStage::new();
    let mut s = Score::default();
    let mut emitted = 0;
    for (gold, mut input) in seeds() {
        stage.process(&mut input).unwrap();
        let pred = input.layers.quotes.clone().unwrap();
        emitted += pred.len();
        score(&gold, &pred, &mut s);
    }
    let p = s.matched as f64 / s.predicted.max(1) as f64;
    let r = s.matched as f64 / s.gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 200.0 * p * r / (p + r) } else { 0.0 };
    let speaker = 100.0 * s.speaker_ok as f64 / s.matched.max(1) as f64;
    let null_rate = 100.0 * s.predicted_null_speaker as f64 / emitted.max(1) as f64;
    eprintln!(
        "seeds: gold {} predicted {} matched {}  F1 {f1:.1}  speaker {speaker:.1}% ({}/{})  speaker-null {null_rate:.1}% of {emitted} emitted",
        s.gold, s.predicted, s.matched, s.speaker_ok, s.matched
    );
    for f in &s.failures {
        eprintln!("  {f}");
    }
    assert!(f1 >= 95.0, "direct-quote span F1 {f1:.1} < 95");
    assert!(speaker >= 95.0, "speaker accuracy {speaker:.1}% < 95%");
}

#[test]
fn seed_quotes_keep_their_exact_gold_spans() {
    // Span F1 uses overlap; the spans should nonetheless be the gold ones.
    let stage = QuotesStage::new();
    let mut exact = 0;
    let mut total = 0;
    for (gold, mut input) in seeds() {
        stage.process(&mut input).unwrap();
        let pred = input.layers.quotes.unwrap();
        for g in gold.layers.quotes.as_deref().unwrap_or(&[]) {
            if g.kind == QuoteKind::Scare {
                continue;
            }
            total += 1;
            if pred.iter().any(|p| p.span == g.span) {
                exact += 1;
            }
        }
    }
    assert_eq!(exact, total, "{exact} of {total} direct gold spans reproduced exactly");
}

/// `cargo test -p lede-quotes --test seeds -- --ignored --nocapture` lists
/// every quote found in the seeds, scare quotes included.
#[test]
#[ignore]
fn print_seed_quotes() {
    let mut options = lede_core::Options::new();
    options.insert(
        "kinds",
        lede_core::OptionValue::StringList(vec!["direct".into(), "partial".into(), "scare".into()]),
    );
    let stage = QuotesStage::from_options(&options).unwrap();
    for (_, mut input) in seeds() {
        stage.process(&mut input).unwrap();
        for q in input.layers.quotes.as_deref().unwrap_or(&[]) {
            let who = q.speaker.as_ref().map(|s| format!("{} [{}]", s.text, s.canonical.as_deref().unwrap_or("-")));
            eprintln!("{} {:8} {:?} <- {:?} cue={:?}", input.id, q.kind.as_str(), q.span.text(&input.text), who, q.cue);
        }
    }
}
