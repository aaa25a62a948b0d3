//! Tunes [`lede_ner::refine::DEFER_MARGIN`], the tagger margin above which
//! the rule layer keeps the tagger's spans: scores the whole stage (exact
//! span, CoNLL labels) on each gold file for each margin.
//! `defer <model> <margins,comma,separated> <gold.jsonl>...`; the model is
//! one trained on the rest of the data (see README.md, "Rule layer").
//! Gold documents with tokens and sentences (CoNLL) are tagged on those,
//! others are segmented with lede-segment first.

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, EntityLabel};
use lede_ner::gazetteer::Gazetteer;
use lede_ner::model::Model;
use lede_ner::{tagger, Tagger};

mod gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: defer <model> <margins> <gold.jsonl>...");
        std::process::exit(2);
    }
    let bytes = std::fs::read(&args[0]).expect("model file");
    let margins: Vec<f32> = args[1]
        .split(',')
        .map(|m| m.parse().expect("margin"))
        .collect();
    let mut tagger = Tagger {
        model: Model::read(&bytes).expect("model"),
        gazetteer: Gazetteer::embedded(),
        additions: Vec::new(),
        words: tagger::WordCache::default(),
        defer_margin: 0.0,
    };
    for path in &args[2..] {
        let src = std::fs::read_to_string(path).expect("gold file");
        let mut gold_fine = std::collections::HashMap::new();
        let docs: Vec<(Document, Spans)> = src
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let gold = from_json(line, OffsetUnit::CodePoints).expect("gold document");
                let doc = gold::to_tag(&gold);
                let g = spans(gold.layers.entities.as_deref().unwrap_or(&[]));
                gold_fine.insert(
                    gold.id.clone(),
                    fine_spans(gold.layers.entities.as_deref().unwrap_or(&[])),
                );
                (doc, g)
            })
            .collect();
        if std::env::var("DEFER_MARGINS").is_ok() {
            margin_bands(&tagger, &docs);
        }
        // `DEFER_SHOW=<margin>`: the entities that margin changes, against
        // no deferring (`+` in gold, `-` not).
        if let Some(m) = std::env::var("DEFER_SHOW")
            .ok()
            .and_then(|m| m.parse().ok())
        {
            for (doc, g) in &docs {
                tagger.defer_margin = f32::INFINITY;
                let base = spans(&tagger.entities(doc));
                tagger.defer_margin = m;
                let with = spans(&tagger.entities(doc));
                let show = |sign: &str, x: &(usize, usize, &str)| {
                    let mark = if g.contains(x) { "+" } else { "-" };
                    let gold: Vec<String> = g
                        .iter()
                        .filter(|y| y.0 < x.1 && x.0 < y.1)
                        .map(|y| format!("{:?} {}", &doc.text[y.0..y.1], y.2))
                        .collect();
                    let a = doc.text.floor_char_boundary(x.0.saturating_sub(30));
                    let b = doc.text.ceil_char_boundary((x.1 + 30).min(doc.text.len()));
                    println!(
                        "{sign}{mark} {:?} {}   gold: {}   …{}…",
                        &doc.text[x.0..x.1],
                        x.2,
                        gold.join(", "),
                        doc.text[a..b].replace('\n', " ")
                    );
                };
                for x in with.iter().filter(|x| !base.contains(x)) {
                    show("new", x);
                }
                for x in base.iter().filter(|x| !with.contains(x)) {
                    show("old", x);
                }
            }
        }
        for &m in &margins {
            tagger.defer_margin = m;
            let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
            let mut fine_tp = 0usize;
            for (doc, g) in &docs {
                let entities = tagger.entities(doc);
                let p = spans(&entities);
                tp += p.iter().filter(|x| g.contains(x)).count();
                np += p.len();
                ng += g.len();
                let fine = fine_spans(&entities);
                let gold_fine = &gold_fine[&doc.id];
                fine_tp += fine.iter().filter(|x| gold_fine.contains(x)).count();
            }
            let fine_f = 2.0 * fine_tp as f64 / (np + ng).max(1) as f64;
            let pr = tp as f64 / np.max(1) as f64;
            let rc = tp as f64 / ng.max(1) as f64;
            let f = if tp == 0 {
                0.0
            } else {
                2.0 * pr * rc / (pr + rc)
            };
            println!(
                "{path}\tmargin {m}\tP {:.2} R {:.2} F1 {:.2}\tfine labels F1 {:.2}",
                100.0 * pr,
                100.0 * rc,
                100.0 * f,
                100.0 * fine_f
            );
        }
    }
}

/// Byte spans with CoNLL labels.
type Spans = Vec<(usize, usize, &'static str)>;

/// Byte spans with CoNLL labels; LANGUAGE left out, as `examples/seeds` does.
fn spans(entities: &[lede_core::Entity]) -> Spans {
    entities
        .iter()
        .filter(|e| e.label != EntityLabel::Language)
        .map(|e| (e.span.start(), e.span.end(), e.label.conll()))
        .collect()
}

/// `DEFER_MARGINS=1`: the share of the raw tagger's spans that are right,
/// by margin band, to see the scale.
fn margin_bands(tagger: &Tagger, docs: &[(Document, Spans)]) {
    let bands = [
        0.0f32,
        2.0,
        4.0,
        8.0,
        16.0,
        32.0,
        64.0,
        128.0,
        256.0,
        f32::INFINITY,
    ];
    let mut right = vec![0usize; bands.len()];
    let mut all = vec![0usize; bands.len()];
    for (doc, g) in docs {
        let layout = tagger::Layout::new(
            &doc.text,
            doc.layers.sentences.as_deref().unwrap_or(&[]),
            doc.layers.tokens.as_deref().unwrap_or(&[]),
        );
        let mut analysis = tagger::Analysis::new(&tagger.gazetteer, &doc.text, &layout);
        analysis.sentence_case(&tagger.gazetteer, &layout.sentences);
        for ce in tagger::tag_analysis(&tagger.model, &doc.text, &layout, &analysis) {
            let b = bands
                .iter()
                .position(|&b| ce.margin < b)
                .unwrap_or(bands.len() - 1);
            all[b] += 1;
            if g.contains(&(ce.span.start(), ce.span.end(), ce.kind.as_str())) {
                right[b] += 1;
            }
        }
    }
    for (k, &b) in bands.iter().enumerate() {
        println!("margin < {b}: {} of {} right", right[k], all[k]);
    }
}

/// Byte spans with their labels; LANGUAGE left out.
fn fine_spans(entities: &[lede_core::Entity]) -> Vec<(usize, usize, EntityLabel)> {
    entities
        .iter()
        .filter(|e| e.label != EntityLabel::Language)
        .map(|e| (e.span.start(), e.span.end(), e.label))
        .collect()
}
