//! Where the whole stage loses to the raw tagger: for each document of a
//! gold file with tokens (CoNLL), prints tab-separated spans (byte offsets)
//! of the gold entities (`G`), the raw tagger on the plain analysis (`T0`),
//! the tagger as the stage runs it, after sentence-casing headings (`T1`),
//! the whole stage on the gold tokens (`F`) and the whole stage on
//! lede-segment's tokens (`S`); labels mapped to CoNLL.
//! `diagnose <gold.jsonl> > spans.tsv`; a script then compares the sets.

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Stage};
use lede_ner::model::Coarse;
use lede_ner::tagger::{tag_analysis, Analysis, Layout};

fn coarse(k: Coarse) -> &'static str {
    match k {
        Coarse::Per => "PER",
        Coarse::Org => "ORG",
        Coarse::Loc => "LOC",
        Coarse::Misc => "MISC",
    }
}

/// One line per entity the whole stage found, tagged `F` or `S`.
fn print_stage_entities(tag: &str, id: &str, doc: &Document) {
    for e in doc.layers.entities.as_deref().unwrap_or(&[]) {
        println!(
            "{tag}\t{id}\t{}\t{}\t{}\t{}",
            e.span.start(),
            e.span.end(),
            e.label.conll(),
            e.label
        );
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("gold file");
    let src = std::fs::read_to_string(&path).expect("gold file");
    let ner = lede_ner::Ner::new().expect("model");
    let tagger = ner.tagger();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let gold = from_json(line, OffsetUnit::CodePoints).expect("gold document");
        let text = &gold.text;
        let id = &gold.id;
        let sentences = gold.layers.sentences.as_deref().unwrap_or(&[]);
        let tokens = gold.layers.tokens.as_deref().unwrap_or(&[]);
        for e in gold.layers.entities.as_deref().unwrap_or(&[]) {
            println!(
                "G\t{id}\t{}\t{}\t{}",
                e.span.start(),
                e.span.end(),
                e.label.conll()
            );
        }
        let layout = Layout::new(text, sentences, tokens);
        let mut analysis = Analysis::new(&tagger.gazetteer, text, &layout);
        for e in tag_analysis(&tagger.model, text, &layout, &analysis) {
            println!(
                "T0\t{id}\t{}\t{}\t{}",
                e.span.start(),
                e.span.end(),
                coarse(e.kind)
            );
        }
        analysis.sentence_case(&tagger.gazetteer, &layout.sentences);
        for e in tag_analysis(&tagger.model, text, &layout, &analysis) {
            println!(
                "T1\t{id}\t{}\t{}\t{}",
                e.span.start(),
                e.span.end(),
                coarse(e.kind)
            );
        }
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        doc.layers.sentences = gold.layers.sentences.clone();
        doc.layers.tokens = gold.layers.tokens.clone();
        ner.process(&mut doc).expect("ner");
        print_stage_entities("F", id, &doc);
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        let seg = lede_segment::segment(&doc.text);
        doc.layers.sentences = Some(seg.sentences);
        doc.layers.tokens = Some(seg.tokens);
        ner.process(&mut doc).expect("ner");
        print_stage_entities("S", id, &doc);
    }
}
