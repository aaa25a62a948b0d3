//! lede-segment throughput over the seed articles: sentences alone (with
//! their paragraph pass), tokens alone, both, and the whole stage on a
//! Document. Throughput is bytes of input text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lede_benches::{seed_bytes, SEEDS};
use lede_core::{Document, Options};
use lede_segment::Segmenter;

fn segment(c: &mut Criterion) {
    let segmenter = Segmenter::new();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(seed_bytes()));

    group.bench_function("sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, text) in SEEDS {
                n += segmenter.sentences(black_box(text)).len();
            }
            n
        })
    });

    group.bench_function("tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, text) in SEEDS {
                n += segmenter.tokens(black_box(text)).len();
            }
            n
        })
    });

    group.bench_function("sentences_and_tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, text) in SEEDS {
                let text = black_box(text);
                n += segmenter.sentences(text).len();
                n += segmenter.tokens(text).len();
            }
            n
        })
    });

    let info = lede_segment::stage_info();
    let stage = (info.build)(&Options::defaults(&info.options)).expect("default options build");
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect();
    group.bench_function("stage_all_layers", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for doc in &mut docs {
                    stage.process(doc).expect("segment never fails");
                }
                docs
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
