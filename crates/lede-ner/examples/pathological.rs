//! Times the stage (segmentation included) on the two texts that used to
//! make it slow, at 1, 2, 4 and 8 MB: person names followed by "said", and
//! capitalised words with no sentence end. Prints seconds per size and the
//! 8 MB / 1 MB ratio (linear time gives about 8).
//! `pathological [max_mb]` (default 8).

use std::time::Instant;

use lede_core::Document;
use lede_ner::pathological::{capitalised_words, names_said};

fn main() {
    let max_mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let tagger = match lede_ner::Tagger::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("embedded model: {e}");
            std::process::exit(1);
        }
    };
    type Make = fn(usize) -> String;
    let texts: [(&str, Make); 2] = [
        ("names + said", names_said),
        ("capitalised words", capitalised_words),
    ];
    for (name, make) in texts {
        let mut first = None;
        let mut mb = 1;
        while mb <= max_mb {
            let text = make(mb * 1_000_000);
            let start = Instant::now();
            let mut doc = Document::new("p", text);
            let seg = lede_segment::segment(&doc.text);
            doc.layers.sentences = Some(seg.sentences);
            doc.layers.tokens = Some(seg.tokens);
            let entities = tagger.entities(&doc);
            let secs = start.elapsed().as_secs_f64();
            let longest = entities.iter().map(|e| e.span.len()).max().unwrap_or(0);
            let base = *first.get_or_insert(secs);
            println!(
                "{name:18} {mb} MB: {secs:7.3} s  ({:5.2}x 1 MB)  {} entities, longest {longest} bytes",
                secs / base,
                entities.len()
            );
            mb *= 2;
        }
    }
}
