//! Lists every quote the stage finds in the seed articles, scare quotes
//! included, with its speaker and cue; the input is the gold sentences and
//! entities with paragraphs from lines, as in `tests/seeds.rs`.
//!
//! `cargo run -p lede-quotes --example seed_quotes`

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{OptionValue, Options, Stage};
use lede_quotes::QuotesStage;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = Options::new();
    let kinds = ["direct", "partial", "scare"].map(String::from).to_vec();
    options.insert("kinds", OptionValue::StringList(kinds));
    let stage = QuotesStage::from_options(&options)?;
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let mut doc = from_json(line, OffsetUnit::CodePoints)?;
        doc.layers.quotes = None;
        doc.layers.paragraphs = Some(lede_quotes::lines(&doc.text));
        stage.process(&mut doc)?;
        for q in doc.layers.quotes.as_deref().unwrap_or(&[]) {
            let who = q
                .speaker
                .as_ref()
                .map(|s| format!("{} [{}]", s.text, s.canonical.as_deref().unwrap_or("-")));
            println!(
                "{} {:8} {:?} <- {:?} cue={:?}",
                doc.id,
                q.kind.as_str(),
                q.span.text(&doc.text),
                who,
                q.cue
            );
        }
    }
    Ok(())
}
