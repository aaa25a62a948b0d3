//! Learns the cue lexicon and the heads of unnamed sources from a gold file
//! of attributed quotations (PolNeAR's train.jsonl: every direct quotation
//! with its cue and its source span), and writes them as the word lists the
//! stage embeds:
//!
//! - `data/learned_cue_verbs.txt`: reporting verbs as written at the cue
//!   ("likened", "quipped", "chanted"), each seen at least
//!   [`MIN_CUE_COUNT`] times;
//! - `data/learned_source_nouns.txt`: heads of sources written as common
//!   noun phrases ("the union", "the letter", "a campaign ad"), each seen at
//!   least [`MIN_SOURCE_COUNT`] times.
//!
//! Deterministic: the same input gives the same files (sorted by count,
//! then alphabetically).
//!
//! ```text
//! cargo run --release -p lede-quotes --example train_speakers -- /work/shared/data/polnear/train.jsonl
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use lede_core::json::{from_json, OffsetUnit};

/// A cue word must be seen this often to be learned.
const MIN_CUE_COUNT: usize = 3;
/// A source head must be seen this often to be learned.
const MIN_SOURCE_COUNT: usize = 2;

/// Words at a cue that are not the reporting verb itself.
const NOT_A_CUE: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "did",
    "does",
    "then",
    "later",
    "once",
    "again",
    "in",
    "a",
    "an",
    "the",
    "to",
    "of",
    "on",
    "at",
    "for",
    "with",
    "by",
    "that",
    "as",
    "it",
    "its",
    "his",
    "her",
    "their",
    "from",
    "and",
    "but",
    "this",
    "these",
    "those",
    "news",
    "expected",
    "based",
    "used",
    "supposed",
    "seemed",
    "seems",
    "needed",
    "went",
    "goes",
    "go",
    "follows",
    "following",
    "according",
    "sources",
    "things",
    "words",
    "remarks",
    "comments",
    "statements",
    "reports",
    "interviews",
    "times",
    "days",
    "years",
    "was",
    "us",
    "has",
    "tweets",
    "lines",
    "ads",
    "questions",
    "claims",
    "lyrics",
    "always",
    "includes",
    "included",
    "makes",
    "plans",
    "sees",
    "shows",
    "slogans",
    "ranged",
    "wanted",
    "voted",
    "signed",
    "fired",
    "launched",
    "focuses",
    "thinks",
    "thought",
    "shot",
    "released",
    "issued",
    "published",
    "delivered",
    "offered",
    "named",
    "titled",
    "talked",
    "planning",
    "updates",
    "spoke",
    "agreed",
    "continues",
];

/// Title nouns ("the president") are resolved to a name by their own rule,
/// and stay out of the learned source heads.
const TITLE_NOUNS: &str = include_str!("../data/title_nouns.txt");

/// Last words of a source phrase that are not the head of a source.
const NOT_A_HEAD: &[&str] = &[
    "over",
    "two",
    "advise",
    "anonymously",
    "planning",
    "dilemma",
    "issue",
    "investigations",
    "-year-old",
    "updates",
    "state",
    "playbook",
    "passage",
    "assessment",
];

/// Reporting verbs whose written forms carry no regular suffix.
const IRREGULAR_CUES: &[&str] = &[
    "said", "told", "wrote", "read", "put", "spoke", "sang", "thought", "swore", "shot", "sang",
    "taught", "forecast", "bid",
];

/// Determiners that open a source written as a common noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "this", "that", "some",
];

fn looks_like_verb_form(w: &str) -> bool {
    IRREGULAR_CUES.contains(&w)
        || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
}

fn sorted(counts: BTreeMap<String, usize>, min: usize) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= min).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn write_list(path: &PathBuf, header: &str, items: &[(String, usize)]) -> std::io::Result<()> {
    let mut out = String::from(header);
    for (w, n) in items {
        out.push_str(&format!("{w} # {n}\n"));
    }
    std::fs::write(path, out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .ok_or("usage: train_speakers TRAIN.jsonl [OUT_DIR]")?;
    let out_dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")));
    let src = std::fs::read_to_string(&input)?;
    let mut cues: BTreeMap<String, usize> = BTreeMap::new();
    let mut heads: BTreeMap<String, usize> = BTreeMap::new();
    let mut quotes = 0;
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let doc = from_json(line, OffsetUnit::CodePoints)?;
        for q in doc.layers.quotes.iter().flatten() {
            quotes += 1;
            if let Some(cue) = &q.cue {
                let verb = words(cue)
                    .filter(|w| w.chars().all(|c| c.is_lowercase()))
                    .find(|w| !NOT_A_CUE.contains(&w.as_str()) && looks_like_verb_form(w));
                if let Some(v) = verb {
                    *cues.entry(v).or_default() += 1;
                }
            }
            if let Some(sp) = &q.speaker {
                let ws: Vec<String> = words(&sp.text).collect();
                let opens = ws
                    .first()
                    .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
                let head = ws
                    .last()
                    .map(|w| w.trim_end_matches("'s").to_string())
                    .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_lowercase() || c == '-'));
                if let (true, Some(h)) = (opens && ws.len() >= 2, head) {
                    let title = TITLE_NOUNS
                        .lines()
                        .filter(|l| !l.starts_with('#'))
                        .flat_map(str::split_whitespace)
                        .any(|t| t == h);
                    if !DETERMINERS.contains(&h.as_str())
                        && !NOT_A_HEAD.contains(&h.as_str())
                        && !title
                    {
                        *heads.entry(h).or_default() += 1;
                    }
                }
            }
        }
    }
    let cues = sorted(cues, MIN_CUE_COUNT);
    let heads = sorted(heads, MIN_SOURCE_COUNT);
    write_list(
        &out_dir.join("learned_cue_verbs.txt"),
        "# Reporting verbs learned from the cues of attributed quotations\n\
         # (examples/train_speakers.rs; the number is how often each was seen).\n",
        &cues,
    )?;
    write_list(
        &out_dir.join("learned_source_nouns.txt"),
        "# Heads of sources written as common noun phrases (\"the union\"), learned\n\
         # from attributed quotations (examples/train_speakers.rs; with counts).\n",
        &heads,
    )?;
    eprintln!(
        "{quotes} quotes: {} cue verbs, {} source heads written to {}",
        cues.len(),
        heads.len(),
        out_dir.display()
    );
    Ok(())
}
