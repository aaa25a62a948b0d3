//! lede-segment: paragraphs, sentences and tokens. (Placeholder: produces empty layers until the
//! stage is implemented.)

use lede_core::{Document, Options, Stage, StageError, StageInfo};

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "segment",
        description: "paragraphs, sentences and tokens",
        requires: &[],
        produces: &["paragraphs", "sentences", "tokens"],
        options: Vec::new(),
        build: |_options: &Options| Ok(Box::new(Placeholder)),
    }
}

struct Placeholder;

impl Stage for Placeholder {
    fn name(&self) -> &str {
        "segment"
    }
    fn requires(&self) -> Vec<String> {
        vec![]
    }
    fn produces(&self) -> Vec<String> {
        vec!["paragraphs".to_string(), "sentences".to_string(), "tokens".to_string()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.paragraphs = Some(Vec::new());
        doc.layers.sentences = Some(Vec::new());
        doc.layers.tokens = Some(Vec::new());
        Ok(())
    }
}
