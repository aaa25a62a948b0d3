//! Learns, from unlabelled news text, the two lists in the spirit of Punkt
//! (Kiss & Strunk 2006) that the sentence splitter adds to its hand-written
//! ones:
//!
//! - `data/learned_abbreviations.txt`: short words that nearly always carry
//!   a final period and are seen followed by a lowercase word or a number
//!   ("approx. five", "Gov. 12") — an abbreviation, not a sentence end;
//! - `data/learned_starters.txt`: capitalised words that, when capitalised,
//!   almost always open a sentence ("Meanwhile", "Instead"), so that after
//!   an ambiguous abbreviation they mark a new sentence, unlike names.
//!
//! Input: JSONL files with a "text" field (one document per line). Output is
//! sorted, so the same input gives the same files byte for byte:
//!
//! cargo run --release -p lede-segment --example learn_lexicon -- \
//!     ../shared/data/polnear/train.jsonl ../shared/data/polnear/dev.jsonl
//!
//! writes both files under crates/lede-segment/data/ (or the directory
//! given with `--out DIR`).

use std::collections::{BTreeMap, BTreeSet};

use lede_core::json::{from_json, OffsetUnit};

/// Per word form: how it was seen.
#[derive(Default)]
struct Counts {
    /// "Corp." — with a final period.
    with_period: u32,
    /// "Corp." followed by a lowercase word, a number or a comma.
    period_then_inside: u32,
    /// "Corp" without a final period (but a word of its own).
    without_period: u32,
    /// Capitalised right after a clear sentence end (a plain lowercase word
    /// of three or more letters and `.`, `?` or `!`).
    after_end: u32,
    /// Capitalised after a lowercase word inside a sentence.
    mid_sentence: u32,
}

const MIN_ABBREV: u32 = 3;
const MIN_STARTER: u32 = 4;

fn main() {
    let mut out_dir = "crates/lede-segment/data".to_string();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--out" {
            out_dir = args.next().unwrap_or(out_dir);
        } else {
            inputs.push(a);
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: learn_lexicon [--out DIR] FILE.jsonl...");
        std::process::exit(2);
    }
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut docs = 0usize;
    let mut bytes = 0usize;
    for path in &inputs {
        let Ok(src) = std::fs::read_to_string(path) else {
            eprintln!("cannot read {path}");
            std::process::exit(1);
        };
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            match from_json(line, OffsetUnit::CodePoints) {
                Ok(doc) => {
                    docs += 1;
                    bytes += doc.text.len();
                    for para in doc.text.lines() {
                        count_paragraph(para, &mut counts);
                    }
                }
                Err(e) => eprintln!("{path}: skipped a line: {e}"),
            }
        }
    }
    let abbreviations: BTreeSet<&str> = counts
        .iter()
        .filter(|(w, c)| is_abbreviation(w, c))
        .map(|(w, _)| w.as_str())
        .collect();
    let starters: BTreeSet<&str> = counts
        .iter()
        .filter(|(w, c)| is_starter(w, c, &counts))
        .map(|(w, _)| w.as_str())
        .collect();
    let header = format!(
        "# Learned by `cargo run --release -p lede-segment --example learn_lexicon` from\n# {docs} documents ({bytes} bytes) of unlabelled news text; do not edit by hand.\n"
    );
    write_list(
        &format!("{out_dir}/learned_abbreviations.txt"),
        &format!("{header}# Words nearly always written with a final period and seen before a\n# lowercase word or a number: abbreviations (without their period).\n"),
        &abbreviations,
    );
    write_list(
        &format!("{out_dir}/learned_starters.txt"),
        &format!("{header}# Capitalised words seen at least {MIN_STARTER} times after a clear sentence end and\n# rarely capitalised inside a sentence, and also seen in lowercase:
# sentence openers.\n"),
        &starters,
    );
    eprintln!(
        "{docs} documents, {bytes} bytes: {} abbreviations, {} starters",
        abbreviations.len(),
        starters.len()
    );
}

fn write_list(path: &str, header: &str, words: &BTreeSet<&str>) {
    let mut s = header.to_string();
    for w in words {
        s.push_str(w);
        s.push('\n');
    }
    if let Err(e) = std::fs::write(path, s) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}

/// A word of the text with what surrounds it.
struct Chunk<'a> {
    /// Letters (and inner periods), without opening or closing marks.
    word: &'a str,
    /// The final punctuation: '.', '?', '!', ',' or ' ' for none.
    end: char,
    /// Whether anything but letters and inner periods was stripped.
    clean: bool,
}

fn chunk(raw: &str) -> Chunk<'_> {
    let opener = |c: char| matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[');
    let closer = |c: char| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']');
    let s = raw.trim_start_matches(opener);
    let s = s.trim_end_matches(closer);
    let (word, end) = match s.chars().last() {
        Some(c @ ('.' | '?' | '!' | ',' | ';' | ':')) => (&s[..s.len() - 1], c),
        _ => (s, ' '),
    };
    let clean = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        && !word.starts_with('.')
        && !word.ends_with('.');
    Chunk { word, end, clean }
}

fn count_paragraph(para: &str, counts: &mut BTreeMap<String, Counts>) {
    let raw: Vec<&str> = para.split_whitespace().collect();
    let chunks: Vec<Chunk> = raw.iter().map(|r| chunk(r)).collect();
    for (k, c) in chunks.iter().enumerate() {
        if !c.clean {
            continue;
        }
        let next = raw
            .get(k + 1)
            .map(|r| r.trim_start_matches(['"', '“', '(', '\'', '‘']));
        if c.end == '.' {
            let e = counts.entry(c.word.to_string()).or_default();
            e.with_period += 1;
            if let Some(n) = next {
                let first = n.chars().next();
                if first.is_some_and(|f| f.is_lowercase() || f.is_ascii_digit()) {
                    e.period_then_inside += 1;
                }
            }
        } else {
            counts.entry(c.word.to_string()).or_default().without_period += 1;
        }
        let Some(prev) = k.checked_sub(1).map(|p| &chunks[p]) else {
            continue;
        };
        if !is_capitalised(c.word) || raw[k].starts_with(['"', '“', '(', '\'', '‘', '[']) {
            continue;
        }
        let prev_plain = prev.clean
            && prev.word.len() >= 3
            && prev.word.chars().all(|ch| ch.is_ascii_lowercase());
        if prev_plain && matches!(prev.end, '.' | '?' | '!') {
            counts.entry(c.word.to_string()).or_default().after_end += 1;
        } else if prev.clean
            && prev.end == ' '
            && prev
                .word
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_lowercase())
        {
            counts.entry(c.word.to_string()).or_default().mid_sentence += 1;
        }
    }
}

/// "Meanwhile", "Instead": a capital then lowercase letters.
fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.len() >= 2
        && cs.all(|c| c.is_ascii_lowercase())
}

fn is_abbreviation(w: &str, c: &Counts) -> bool {
    let letters = w.chars().filter(|ch| ch.is_ascii_alphabetic()).count();
    letters <= 5
        && c.with_period >= MIN_ABBREV
        && c.period_then_inside >= 1
        // Nearly always with the period...
        && c.without_period * 10 <= c.with_period
        // ...and often not at a sentence end.
        && c.period_then_inside * 4 >= c.with_period
}

/// Seen at least `MIN_STARTER` times after a clear sentence end, at most a
/// tenth as often capitalised inside a sentence, and also seen in lowercase
/// (Punkt's orthographic evidence: a common word, not a name).
fn is_starter(w: &str, c: &Counts, counts: &BTreeMap<String, Counts>) -> bool {
    let lowercase_seen = counts
        .get(&w.to_ascii_lowercase())
        .is_some_and(|l| l.with_period + l.without_period >= 2);
    is_capitalised(w)
        && c.after_end >= MIN_STARTER
        && c.mid_sentence * 10 <= c.after_end
        && lowercase_seen
}
