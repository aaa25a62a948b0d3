//! lede-ner: named entities. (Placeholder: produces empty layers until the
//! stage is implemented.)

use lede_core::{Document, Options, Stage, StageError, StageInfo};

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "ner",
        description: "named entities",
        requires: &["sentences", "tokens"],
        produces: &["entities"],
        options: Vec::new(),
        build: |_options: &Options| Ok(Box::new(Placeholder)),
    }
}

struct Placeholder;

impl Stage for Placeholder {
    fn name(&self) -> &str {
        "ner"
    }
    fn requires(&self) -> Vec<String> {
        vec!["sentences".to_string(), "tokens".to_string()]
    }
    fn produces(&self) -> Vec<String> {
        vec!["entities".to_string()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.entities = Some(Vec::new());
        Ok(())
    }
}

/// Training from CoNLL-style JSONL (called by `lede train ner`).
pub mod train {
    use std::path::PathBuf;

    /// What `lede train ner` passes in.
    #[derive(Clone, Debug)]
    pub struct TrainConfig {
        pub train: PathBuf,
        pub dev: PathBuf,
        pub output: PathBuf,
        pub epochs: usize,
        pub seed: u64,
    }

    /// Trains a model, writing progress lines (per epoch: loss/accuracy, dev
    /// F1) through `log`, and saves the best epoch's model to `config.output`.
    pub fn train(config: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), String> {
        let _ = log;
        Err(format!(
            "training is not implemented yet (asked to write {})",
            config.output.display()
        ))
    }
}
