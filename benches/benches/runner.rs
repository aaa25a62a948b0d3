//! Runner overhead: an empty pipeline over the seed corpus, so the cost of
//! scheduling, ordering and document handling is visible on its own.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede_benches::{seed_bytes, SEEDS};
use lede_core::Document;
use lede_runner::{run_ordered, Outcome, Pipeline};

fn runner_overhead(c: &mut Criterion) {
    let pipeline = Pipeline::from_stages("empty", Vec::new()).expect("an empty pipeline is valid");
    let mut group = c.benchmark_group("runner");
    group.throughput(Throughput::Bytes(seed_bytes() * 20));
    for jobs in [1, 2] {
        group.bench_function(format!("empty_pipeline_jobs{jobs}"), |b| {
            b.iter(|| {
                let inputs = (0..20)
                    .flat_map(|_| SEEDS.iter().map(|(id, text)| Ok(Document::new(*id, *text))));
                let mut done = 0usize;
                run_ordered(&pipeline, inputs, jobs, |o| {
                    if let Outcome::Done(_) = o {
                        done += 1;
                    }
                });
                assert_eq!(done, 100);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, runner_overhead);
criterion_main!(benches);
