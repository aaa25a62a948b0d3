//! Runs the quotes stage alone over the `.txt` files of a directory, a
//! given number of times, and prints its throughput; run it under an
//! instruction-count profiler to see where the stage's time goes:
//!
//! ```sh
//! cargo build --release -p lede-quotes --example profile_quotes
//! target/release/examples/profile_quotes corpus/seeds 200
//! ```
//!
//! Paragraphs, sentences and entities come from lede-segment and lede-ner
//! once, before the timed loop; the count of quotes found is printed so the
//! work cannot be optimised away.

use lede_core::{Document, Options, Stage, StageInfo};
use lede_quotes::QuotesStage;

fn build(info: StageInfo) -> Result<Box<dyn Stage>, Box<dyn std::error::Error>> {
    Ok((info.build)(&Options::defaults(&info.options))?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus/seeds".to_string());
    let repeat: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let upstream = [
        build(lede_segment::stage_info())?,
        build(lede_ner::stage_info())?,
    ];
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let mut doc = Document::new(path.display().to_string(), text);
        for stage in &upstream {
            stage.process(&mut doc)?;
        }
        docs.push(doc);
    }
    let stage = QuotesStage::new();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..repeat {
        for doc in &mut docs {
            stage.process(doc)?;
            found += doc.layers.quotes.as_ref().map_or(0, Vec::len);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{found} quotes, {} bytes x {repeat}, {:.1} MB/s",
        bytes,
        (bytes * repeat) as f64 / secs / 1e6
    );
    Ok(())
}
