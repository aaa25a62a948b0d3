//! Gold documents as the scoring examples tag them.

use lede_core::Document;

/// A copy of `gold` with only the layers the tagger reads: the gold
/// tokens and sentences when the file carries them (CoNLL), else those
/// lede-segment finds.
pub fn to_tag(gold: &Document) -> Document {
    let mut doc = Document::new(gold.id.clone(), gold.text.clone());
    if gold.layers.tokens.is_some() && gold.layers.sentences.is_some() {
        doc.layers.sentences = gold.layers.sentences.clone();
        doc.layers.tokens = gold.layers.tokens.clone();
    } else {
        let seg = lede_segment::segment(&doc.text);
        doc.layers.sentences = Some(seg.sentences);
        doc.layers.tokens = Some(seg.tokens);
    }
    doc
}
