//! lede-ner throughput over the seed articles, with sentences and tokens
//! computed beforehand (tagging only: features, decoding, refinement), and
//! the time to load the embedded model. Throughput is bytes of input text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lede_benches::{seed_bytes, SEEDS};
use lede_core::{Document, Options};

fn ner(c: &mut Criterion) {
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|(id, text)| {
            let mut doc = Document::new(*id, *text);
            let seg = lede_segment::segment(text);
            doc.layers.paragraphs = Some(seg.paragraphs);
            doc.layers.sentences = Some(seg.sentences);
            doc.layers.tokens = Some(seg.tokens);
            doc
        })
        .collect();
    let info = lede_ner::stage_info();
    let stage = (info.build)(&Options::defaults(&info.options)).expect("default options build");
    let tagger = lede_ner::Tagger::embedded().expect("embedded model");

    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Bytes(seed_bytes()));
    group.bench_function("entities", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &docs {
                n += tagger.entities(black_box(doc)).len();
            }
            n
        })
    });
    let layouts: Vec<lede_ner::tagger::Layout> = docs
        .iter()
        .map(|d| {
            lede_ner::tagger::Layout::new(
                &d.text,
                d.layers.sentences.as_deref().unwrap_or(&[]),
                d.layers.tokens.as_deref().unwrap_or(&[]),
            )
        })
        .collect();
    group.bench_function("tagger_only", |b| {
        b.iter(|| {
            let mut n = 0;
            for (doc, layout) in docs.iter().zip(&layouts) {
                n += lede_ner::tagger::tag_layout(
                    &tagger.model,
                    &tagger.gazetteer,
                    &doc.text,
                    black_box(layout),
                )
                .len();
            }
            n
        })
    });
    group.bench_function("stage", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for doc in &mut docs {
                    stage.process(doc).expect("ner has its layers");
                }
                docs
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();

    let mut load = c.benchmark_group("ner_load");
    load.bench_function("embedded_model", |b| {
        b.iter(|| lede_ner::Tagger::embedded().expect("embedded model"))
    });
    load.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
