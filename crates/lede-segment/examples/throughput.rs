//! Throughput of sentences alone, tokens alone, and both, over the seed
//! articles repeated `--repeat N` times (default 118, about 5 MB), in MB/s
//! (10^6 bytes of input per second) of wall time and of this thread's CPU
//! time (from /proc/thread-self/schedstat where available), one core.
//!
//! cargo run --release -p lede-segment --example throughput -- [corpus/seeds] [--repeat 118] [--only NAME]
//!
//! With `--linear` it instead times 10 MB and 20 MB of text without
//! sentence punctuation, and a single 10 MB and 20 MB word, and prints the
//! time ratios (about 2 for linear time).

use std::time::Instant;

use lede_segment::Segmenter;

fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut dir = "corpus/seeds".to_string();
    let mut repeat = 118usize;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--repeat" {
            repeat = args.next().and_then(|r| r.parse().ok()).unwrap_or(repeat);
        } else if a == "--only" {
            only = args.next();
        } else if a == "--linear" {
            linear();
            return;
        } else {
            dir = a;
        }
    }
    let mut texts = Vec::new();
    let mut entries: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("cannot read {dir}: {e}");
            std::process::exit(1);
        }
    };
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        if let Ok(t) = std::fs::read_to_string(path) {
            texts.push(t);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * repeat;
    println!(
        "{} texts x {repeat} = {:.2} MB",
        texts.len(),
        bytes as f64 / 1e6
    );
    let segmenter = Segmenter::new();
    let run = |name: &str, f: &dyn Fn(&str) -> usize| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        // One warm-up pass, then three timed ones; the best is reported.
        let mut best = (f64::MAX, f64::MAX);
        for round in 0..4 {
            let (t0, c0) = (Instant::now(), cpu_ns());
            let mut n = 0;
            for _ in 0..repeat {
                for t in &texts {
                    n += f(t);
                }
            }
            let wall = t0.elapsed().as_secs_f64();
            let cpu = match (c0, cpu_ns()) {
                (Some(a), Some(b)) => (b - a) as f64 / 1e9,
                _ => wall,
            };
            std::hint::black_box(n);
            if round > 0 {
                best = (best.0.min(wall), best.1.min(cpu));
            }
        }
        println!(
            "{name:22} {:8.1} MB/s wall  {:8.1} MB/s cpu",
            bytes as f64 / 1e6 / best.0,
            bytes as f64 / 1e6 / best.1
        );
    };
    run("paragraphs", &|t| lede_segment::paragraphs(t).len());
    run("sentences", &|t| segmenter.sentences(t).len());
    run("tokens", &|t| segmenter.tokens(t).len());
    run("sentences+tokens", &|t| {
        segmenter.sentences(t).len() + segmenter.tokens(t).len()
    });
}

/// Times sentences+tokens on 10 MB and 20 MB of two pathological inputs.
fn linear() {
    let segmenter = Segmenter::new();
    let time = |text: &str| {
        let t = Instant::now();
        std::hint::black_box(segmenter.sentences(text));
        std::hint::black_box(segmenter.tokens(text));
        t.elapsed().as_secs_f64()
    };
    let cases: [(&str, &str); 2] = [
        (
            "no sentence punctuation",
            "hamas and israel agreed on a framework ",
        ),
        ("one word", "a"),
    ];
    for (name, unit) in cases {
        let small = unit.repeat(10_000_000 / unit.len());
        let large = unit.repeat(20_000_000 / unit.len());
        let (ts, tl) = (
            (0..3).map(|_| time(&small)).fold(f64::MAX, f64::min),
            (0..3).map(|_| time(&large)).fold(f64::MAX, f64::min),
        );
        println!(
            "{name:24} 10 MB {ts:.3}s  20 MB {tl:.3}s  ratio {:.2}",
            tl / ts
        );
    }
}
