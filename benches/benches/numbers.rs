//! Throughput of the numbers stage alone over the seed articles (sentences
//! precomputed, so only number finding is timed). MB/s = 10^6 input bytes/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede_core::{Document, Span, Stage};
use lede_numbers::NumbersStage;

/// Sentence spans cut at line breaks and ". " (the bench needs sentences,
/// not good ones: the stage's cost depends on the text, not on where the
/// cuts fall).
fn rough_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let cut = b == b'\n' || (b == b'.' && bytes.get(i + 1) == Some(&b' '));
        if cut {
            if i + 1 > start {
                spans.push(Span::from_boundaries(text, start, i + 1));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push(Span::from_boundaries(text, start, text.len()));
    }
    spans
}

fn numbers(c: &mut Criterion) {
    let stage = NumbersStage::new(false).expect("stage builds");
    let docs: Vec<Document> = lede_benches::SEEDS
        .iter()
        .map(|(id, text)| {
            let mut doc = Document::new(*id, *text);
            doc.layers.sentences = Some(rough_sentences(text));
            doc
        })
        .collect();
    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(lede_benches::seed_bytes()));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            let mut found = 0;
            for doc in &docs {
                let mut doc = doc.clone();
                if stage.process(&mut doc).is_ok() {
                    found += doc.layers.numbers.as_ref().map_or(0, Vec::len);
                }
            }
            found
        })
    });
    // The forms read by the period, temperature and unit rules.
    let forms = "Inflation last ran this hot in the 1990s and the mid-2000s. The 2025-26 \
                 budget follows the 2019–2021 drought; sales fell in spring 2023. Seville hit \
                 40C (104F) and the pass -5°C, or 104 degrees Fahrenheit. Output was 1.5 mb/d \
                 and 600,000 bpd. The fire burned 190 km2 and 16,000 metric tons of wheat. \
                 She finished eleventh; twelve (12) witnesses spoke on Tuesday. "
        .repeat(50);
    let forms_sentences = rough_sentences(&forms);
    group.throughput(Throughput::Bytes(forms.len() as u64));
    group.bench_function("periods_temperatures_units", |b| {
        b.iter(|| stage.find(&forms, &forms_sentences, None).len())
    });
    group.finish();
}

criterion_group!(benches, numbers);
criterion_main!(benches);
