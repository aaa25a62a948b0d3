//! The seeds through the real upstream stages (lede-segment, lede-ner), as
//! `lede run` would process them, scored like `lede eval` scores quotes.

mod common;

use common::{score, Score};
use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Options, Stage, StageInfo};

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

fn build(info: StageInfo) -> Box<dyn Stage> {
    (info.build)(&Options::defaults(&info.options)).expect("stage builds")
}

#[test]
fn seeds_through_segment_and_ner() {
    let stages = [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
        build(lede_quotes::stage_info()),
    ];
    let mut s = Score::default();
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let gold = from_json(line, OffsetUnit::CodePoints).unwrap();
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        for stage in &stages {
            stage.process(&mut doc).unwrap();
        }
        score(&gold, doc.layers.quotes.as_deref().unwrap(), &mut s);
    }
    s.report("seeds (lede-segment + lede-ner)");
    // The targets, on predicted layers as `lede eval` measures them.
    assert!(s.f1() >= 95.0, "F1 {:.1}", s.f1());
    assert!(
        s.speaker_accuracy() >= 95.0,
        "speaker {:.1}%",
        s.speaker_accuracy()
    );
}
