//! lede-quotes: direct quotations and their speakers. (Placeholder: produces empty layers until the
//! stage is implemented.)

use lede_core::{Document, Options, Stage, StageError, StageInfo};

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "quotes",
        description: "direct quotations and their speakers",
        requires: &["paragraphs", "sentences", "entities"],
        produces: &["quotes"],
        options: Vec::new(),
        build: |_options: &Options| Ok(Box::new(Placeholder)),
    }
}

struct Placeholder;

impl Stage for Placeholder {
    fn name(&self) -> &str {
        "quotes"
    }
    fn requires(&self) -> Vec<String> {
        vec!["paragraphs".to_string(), "sentences".to_string(), "entities".to_string()]
    }
    fn produces(&self) -> Vec<String> {
        vec!["quotes".to_string()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.quotes = Some(Vec::new());
        Ok(())
    }
}
