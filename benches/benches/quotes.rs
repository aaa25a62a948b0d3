//! lede-quotes throughput over the seed articles, given the earlier layers:
//! once with the gold sentences and entities (paragraphs from lines), once
//! with the layers lede-segment and lede-ner produce; and on 1 MB of text
//! full of unbalanced quote marks. Throughput is bytes of input text; the
//! time of the earlier stages is not counted.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lede_benches::{seed_bytes, SEEDS};
use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Entity, EntityLabel, Options, Span, Stage, StageInfo};

const GOLD: &str = include_str!("../../corpus/seeds/gold.jsonl");

fn build(info: StageInfo) -> Box<dyn Stage> {
    (info.build)(&Options::defaults(&info.options)).expect("stage builds")
}

/// The seeds with gold sentences and entities, gold quotes removed.
fn gold_inputs() -> Vec<Document> {
    GOLD.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut doc = from_json(line, OffsetUnit::CodePoints).expect("gold parses");
            doc.layers.quotes = None;
            doc.layers.numbers = None;
            doc.layers.paragraphs = Some(lede_quotes::lines(&doc.text));
            doc
        })
        .collect()
}

/// The seeds through lede-segment and lede-ner.
fn predicted_inputs() -> Vec<Document> {
    let stages = [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
    ];
    SEEDS
        .iter()
        .map(|(id, text)| {
            let mut doc = Document::new(*id, *text);
            for stage in &stages {
                stage.process(&mut doc).expect("upstream stage runs");
            }
            doc
        })
        .collect()
}

/// About `n` bytes of one paragraph full of unbalanced quote marks.
fn unbalanced(n: usize) -> Document {
    let unit =
        "Trump said “we will “win ’ don’t ‘ and \" Netanyahu told ” she said « x » ’90s “ he, ";
    let text = unit.repeat(n / unit.len() + 1);
    let mut entities = Vec::new();
    for (s, _) in text.match_indices("Trump") {
        entities.push(Entity {
            span: Span::new(&text, s, s + 5).expect("name span"),
            label: EntityLabel::Person,
            canonical: None,
            title: None,
        });
    }
    let whole = Span::new(&text, 0, text.len()).expect("whole text");
    let mut doc = Document::new("unbalanced", text);
    doc.layers.paragraphs = Some(vec![whole]);
    doc.layers.sentences = Some(vec![whole]);
    doc.layers.entities = Some(entities);
    doc
}

/// Runs the stage over copies of `inputs` (copying is outside the timing).
fn bench(b: &mut criterion::Bencher, stage: &dyn Stage, inputs: &[Document]) {
    b.iter_batched(
        || inputs.to_vec(),
        |mut docs| {
            let mut n = 0;
            for doc in &mut docs {
                stage.process(black_box(doc)).expect("quotes runs");
                n += doc.layers.quotes.as_ref().map_or(0, |q| q.len());
            }
            (n, docs)
        },
        BatchSize::SmallInput,
    )
}

fn quotes(c: &mut Criterion) {
    let stage = build(lede_quotes::stage_info());
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(seed_bytes()));

    let gold = gold_inputs();
    group.bench_function("seeds_gold_layers", |b| bench(b, stage.as_ref(), &gold));

    let predicted = predicted_inputs();
    group.bench_function("seeds_segment_ner_layers", |b| {
        bench(b, stage.as_ref(), &predicted)
    });

    let big = [unbalanced(1_000_000)];
    group.throughput(Throughput::Bytes(big[0].text.len() as u64));
    group.sample_size(10);
    group.bench_function("unbalanced_1mb", |b| bench(b, stage.as_ref(), &big));
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
