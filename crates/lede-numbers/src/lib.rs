//! lede-numbers: numeric expressions with values, units and modifiers. (Placeholder: produces empty layers until the
//! stage is implemented.)

use lede_core::{Document, Options, Stage, StageError, StageInfo};

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "numbers",
        description: "numeric expressions with values, units and modifiers",
        requires: &["sentences", "tokens"],
        produces: &["numbers"],
        options: Vec::new(),
        build: |_options: &Options| Ok(Box::new(Placeholder)),
    }
}

struct Placeholder;

impl Stage for Placeholder {
    fn name(&self) -> &str {
        "numbers"
    }
    fn requires(&self) -> Vec<String> {
        vec!["sentences".to_string(), "tokens".to_string()]
    }
    fn produces(&self) -> Vec<String> {
        vec!["numbers".to_string()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.numbers = Some(Vec::new());
        Ok(())
    }
}
