//! What the examples that read a gold file share: each gold document with
//! the document lede-segment and lede-ner make of its text, the input the
//! quotes stage sees in the default pipeline.

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Options, Stage, StageInfo};

fn build(info: StageInfo) -> Box<dyn Stage> {
    match (info.build)(&Options::defaults(&info.options)) {
        Ok(stage) => stage,
        Err(e) => panic!("stage {} does not build: {e}", info.id),
    }
}

/// The documents of the gold JSONL `data` (read from `path`, named in
/// errors), each as (gold, the text through lede-segment and lede-ner).
pub fn analysed<'a>(
    path: &'a str,
    data: &'a str,
) -> impl Iterator<Item = (Document, Document)> + 'a {
    let upstream = [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
    ];
    data.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(move |(n, line)| {
            let gold = from_json(line, OffsetUnit::CodePoints)
                .unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
            let mut doc = Document::new(gold.id.clone(), gold.text.clone());
            for stage in &upstream {
                if let Err(e) = stage.process(&mut doc) {
                    panic!("{path}:{}: {e}", n + 1);
                }
            }
            (gold, doc)
        })
}
