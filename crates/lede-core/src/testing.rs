//! Fixtures for tests of lede crates (feature `testing`, for
//! dev-dependencies only): spans found by their words, documents with the
//! layers a stage needs, and the gold seed documents.
//!
//! They panic on misuse (a part that is not in the text), which is what a
//! test wants.

use crate::json::{from_json, OffsetUnit};
use crate::{Document, Entity, EntityLabel, Span};

/// The gold annotations of the seed articles (`corpus/seeds/gold.jsonl`).
pub const GOLD_SEEDS_JSONL: &str = include_str!("../../../corpus/seeds/gold.jsonl");

/// The span of the first occurrence of `part` in `text`.
pub fn find(text: &str, part: &str) -> Span {
    nth(text, part, 0)
}

/// The span of occurrence `n` (from 0) of `part` in `text`.
pub fn nth(text: &str, part: &str, n: usize) -> Span {
    let start = text
        .match_indices(part)
        .nth(n)
        .unwrap_or_else(|| panic!("{part:?} occurs fewer than {} times", n + 1))
        .0;
    Span::new(text, start, start + part.len()).expect("a found part is a valid span")
}

/// An entity over the first occurrence of `part`, without canonical name
/// or title.
pub fn entity(text: &str, part: &str, label: EntityLabel) -> Entity {
    Entity {
        span: find(text, part),
        label,
        canonical: None,
        title: None,
    }
}

/// A document whose whole text is one sentence (for stages that require
/// sentences but not the segmenter).
pub fn one_sentence(id: &str, text: &str) -> Document {
    let mut doc = Document::new(id, text);
    doc.layers.sentences = Some(vec![Span::from_boundaries(text, 0, text.len())]);
    doc
}

/// The gold seed documents, read as `lede eval --gold` reads them.
pub fn gold_seeds() -> Vec<Document> {
    GOLD_SEEDS_JSONL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| from_json(l, OffsetUnit::CodePoints).expect("the gold seeds read"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_find_what_they_name() {
        let text = "Israel said on Monday that Israel would attend.";
        assert_eq!(nth(text, "Israel", 1).text(text), "Israel");
        assert_eq!(nth(text, "Israel", 1).start(), 27);
        assert_eq!(
            entity(text, "Monday", EntityLabel::Misc).span,
            find(text, "Monday")
        );
        let doc = one_sentence("d", text);
        assert_eq!(doc.layers.sentences.as_ref().map(Vec::len), Some(1));
        let seeds = gold_seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds.iter().all(|d| d.layers.entities.is_some()));
    }
}
