//! Runs the numbers stage alone over the `.txt` files of a directory, a
//! given number of times, and prints its throughput; run it under an
//! instruction-count profiler to see where the stage's time goes:
//!
//! ```sh
//! cargo build --release -p lede-numbers --example profile_numbers
//! target/release/examples/profile_numbers corpus/seeds 200
//! ```
//!
//! Sentences come from lede-segment once, before the timed loop; the count
//! of numbers found is printed so the work cannot be optimised away.

use lede_numbers::NumbersStage;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus/seeds".to_string());
    let repeat: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let segmenter = lede_segment::Segmenter::new();
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let sentences = segmenter.sentences(&text);
        docs.push((text, sentences));
    }
    let stage = NumbersStage::new(false)?;
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let started = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..repeat {
        for (text, sentences) in &docs {
            found += stage.find(text, sentences, None).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{found} numbers, {} bytes x {repeat}, {:.1} MB/s",
        bytes,
        (bytes * repeat) as f64 / secs / 1e6
    );
    Ok(())
}
