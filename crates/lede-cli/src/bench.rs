//! `lede bench`: throughput of a pipeline and of each of its stages over
//! documents held in memory (reading and writing are not measured), on the
//! same execution path as `lede run` (`lede_runner::run_ordered_timed`).
//!
//! Stage seconds are the time spent in that stage summed over all worker
//! threads (so with `--jobs 1` they add up to the wall time); the total is
//! wall-clock time. Both are averaged over the rounds. MB/s uses 10^6 bytes
//! of input text.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use lede_core::Document;
use lede_runner::{run_ordered_timed, Outcome, Pipeline, StageTimes};
use serde_json::json;

use crate::common::{expand_inputs, load_pipeline, split_pipeline};
use crate::{BenchArgs, Fatal, EXIT_DOCS_FAILED, EXIT_OK};
use lede_runner::input::{DocumentReader, Source};

pub struct BenchOptions {
    pub repeat: usize,
    pub rounds: usize,
    pub jobs: usize,
    pub json: bool,
}

/// Runs `pipeline` over `docs` on `jobs` threads through the same path as
/// `lede run` (lede-runner's ordered rayon execution), adding each stage's
/// time into `times`. Returns how many documents failed.
fn process_all(pipeline: &Pipeline, docs: Vec<Document>, jobs: usize, times: &StageTimes) -> usize {
    let mut failed = 0;
    run_ordered_timed(
        pipeline,
        docs.into_iter().map(Ok),
        jobs,
        Some(times),
        |outcome| {
            failed += usize::from(matches!(outcome, Outcome::Failed { .. }));
        },
    );
    failed
}

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        bytes as f64 / 1e6 / seconds
    } else {
        0.0
    }
}

pub fn bench(
    pipeline: &Pipeline,
    sources: Vec<Source>,
    opts: &BenchOptions,
) -> Result<ExitCode, Fatal> {
    let mut loaded = Vec::new();
    let mut unreadable = 0usize;
    for input in DocumentReader::new(sources) {
        match input {
            Ok(doc) => loaded.push(doc),
            Err(f) => {
                unreadable += 1;
                eprintln!("lede: {}: {} (left out of the measurement)", f.id, f);
            }
        }
    }
    if loaded.is_empty() {
        return Err(Fatal("no documents to measure".to_string()));
    }
    let repeat = opts.repeat.max(1);
    let rounds = opts.rounds.max(1);
    let mut docs = Vec::with_capacity(loaded.len() * repeat);
    for _ in 0..repeat {
        docs.extend(loaded.iter().cloned());
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let stages = pipeline.stages();
    let times = StageTimes::new(pipeline);
    let mut wall = Duration::ZERO;
    let mut failed = 0usize;
    for _ in 0..rounds {
        // Copies are made before the clock starts; each is dropped as its
        // outcome is counted, as `lede run` drops it once written.
        let work = docs.clone();
        let started = Instant::now();
        failed += process_all(pipeline, work, opts.jobs, &times);
        wall += started.elapsed();
    }
    let per_stage = times.durations();
    let total_seconds = wall.as_secs_f64() / rounds as f64;
    let stage_seconds: Vec<f64> = per_stage
        .iter()
        .map(|d| d.as_secs_f64() / rounds as f64)
        .collect();
    let stage_sum: f64 = stage_seconds.iter().sum();

    if opts.json {
        let stage_json: Vec<_> = stages
            .iter()
            .zip(&stage_seconds)
            .map(|(s, secs)| {
                json!({
                    "name": s.id(),
                    "seconds": secs,
                    "share": if stage_sum > 0.0 { secs / stage_sum } else { 0.0 },
                    "mb_per_s": mb_per_s(bytes, *secs),
                })
            })
            .collect();
        let report = json!({
            "pipeline": pipeline.name(),
            "docs": docs.len(),
            "bytes": bytes,
            "repeat": repeat,
            "rounds": rounds,
            "jobs": opts.jobs,
            "stages": stage_json,
            "total": {"seconds": total_seconds, "mb_per_s": mb_per_s(bytes, total_seconds)},
        });
        println!("{report}");
    } else {
        println!(
            "pipeline {}: {} documents ({} read × {repeat}), {:.2} MB, {rounds} rounds, {} job{}",
            pipeline.name(),
            docs.len(),
            loaded.len(),
            bytes as f64 / 1e6,
            opts.jobs,
            if opts.jobs == 1 { "" } else { "s" }
        );
        println!(
            "{:<20} {:>10} {:>8} {:>10}",
            "stage", "seconds", "share", "MB/s"
        );
        for (stage, secs) in stages.iter().zip(&stage_seconds) {
            let share = if stage_sum > 0.0 {
                100.0 * secs / stage_sum
            } else {
                0.0
            };
            println!(
                "{:<20} {:>10.4} {:>7.1}% {:>10.2}",
                stage.id(),
                secs,
                share,
                mb_per_s(bytes, *secs)
            );
        }
        println!(
            "{:<20} {:>10.4} {:>8} {:>10.2}",
            "total (wall clock)",
            total_seconds,
            "",
            mb_per_s(bytes, total_seconds)
        );
        if opts.jobs > 1 {
            println!(
                "(stage seconds are summed over the {} worker threads)",
                opts.jobs
            );
        }
    }
    if failed > 0 {
        eprintln!("lede: {failed} document runs failed during the measurement");
    }
    if failed > 0 || unreadable > 0 {
        return Ok(ExitCode::from(EXIT_DOCS_FAILED));
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// `lede bench` from its arguments.
pub fn command(args: BenchArgs) -> Result<ExitCode, Fatal> {
    let (pipeline, inputs) = split_pipeline(&args.args)?;
    let pipeline = load_pipeline(pipeline.as_deref())?;
    let sources = expand_inputs(&inputs)?;
    let options = BenchOptions {
        repeat: args.repeat,
        rounds: args.rounds,
        jobs: args.jobs.max(1),
        json: args.json,
    };
    bench(&pipeline, sources, &options)
}
