//! Peak memory of the stage on 10 MB documents that are hard on it:
//! quoted one-letter words (`"a" "b" ...`, three tokens every four bytes),
//! capitalised words with no sentence end, and names followed by "said".
//! Segmentation runs first; the figure is how far the peak resident size
//! grows while the stage tags (Linux only: it reads /proc/self).
//! `memory [mb] [name]` (default 10 MB, every text; a name picks the
//! texts whose name contains it).

use lede_core::Document;
use lede_ner::pathological::{capitalised_words, names_said};

/// VmHWM or VmRSS of this process, in kB.
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn quoted_letters(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8);
    let mut c = b'a';
    while out.len() < bytes {
        out.push('"');
        out.push(c as char);
        out.push_str("\" ");
        c = if c == b'z' { b'a' } else { c + 1 };
    }
    out
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let tagger = match lede_ner::Tagger::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("embedded model: {e}");
            std::process::exit(1);
        }
    };
    type Make = fn(usize) -> String;
    let texts: [(&str, Make); 3] = [
        ("quoted letters", quoted_letters),
        ("capitalised words", capitalised_words),
        ("names + said", names_said),
    ];
    let only = std::env::args().nth(2).unwrap_or_default();
    for (name, make) in texts.into_iter().filter(|(n, _)| n.contains(only.as_str())) {
        let mut doc = Document::new("m", make(mb * 1_000_000));
        let seg = lede_segment::segment(&doc.text);
        let tokens = seg.tokens.len();
        doc.layers.sentences = Some(seg.sentences);
        doc.layers.tokens = Some(seg.tokens);
        // Resets the peak to the current size.
        if std::fs::write("/proc/self/clear_refs", "5").is_err() {
            eprintln!("cannot reset the peak resident size (not Linux?)");
        }
        let before = status_kb("VmRSS:").unwrap_or(0);
        let entities = tagger.entities(&doc);
        let peak = status_kb("VmHWM:").unwrap_or(0);
        let grown = peak.saturating_sub(before) as f64 / 1024.0;
        println!(
            "{name:18} {mb} MB, {tokens} tokens: peak +{grown:.0} MB in ner ({:.1} bytes/token), {} entities",
            grown * 1024.0 * 1024.0 / tokens.max(1) as f64,
            entities.len()
        );
        drop(entities);
    }
}
