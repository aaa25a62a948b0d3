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

    // Linear time on the worst inputs known: 1, 2, 4 and 8 MB of person
    // names followed by "said", and of capitalised words (segmentation
    // included); time per byte should stay flat.
    let mut linear = c.benchmark_group("ner_linear");
    linear.sample_size(10);
    type Make = fn(usize) -> String;
    let makers: [(&str, Make); 2] = [
        ("names_said", lede_ner::pathological::names_said),
        (
            "capitalised_words",
            lede_ner::pathological::capitalised_words,
        ),
    ];
    for (name, make) in makers {
        for mb in [1usize, 2, 4, 8] {
            let text = make(mb * 1_000_000);
            linear.throughput(Throughput::Bytes(text.len() as u64));
            linear.bench_function(format!("{name}/{mb}MB"), |b| {
                b.iter(|| {
                    let mut doc = Document::new("p", text.as_str());
                    let seg = lede_segment::segment(&doc.text);
                    doc.layers.sentences = Some(seg.sentences);
                    doc.layers.tokens = Some(seg.tokens);
                    tagger.entities(black_box(&doc)).len()
                })
            });
        }
    }
    linear.finish();

    let mut load = c.benchmark_group("ner_load");
    load.bench_function("embedded_model", |b| {
        b.iter(|| lede_ner::Tagger::embedded().expect("embedded model"))
    });
    load.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
