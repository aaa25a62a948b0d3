//! The [`Stage`] trait and what a stage crate exports to the runner.

use crate::{Document, OptionSpec, Options};

/// Names of the built-in layers, as used in `requires`/`produces`, pipeline
/// files and the JSON output.
pub mod layer {
    pub const PARAGRAPHS: &str = "paragraphs";
    pub const SENTENCES: &str = "sentences";
    pub const TOKENS: &str = "tokens";
    pub const ENTITIES: &str = "entities";
    pub const NUMBERS: &str = "numbers";
    pub const QUOTES: &str = "quotes";
    /// In the order the default pipeline produces them.
    pub const BUILT_IN: [&str; 6] = [PARAGRAPHS, SENTENCES, TOKENS, ENTITIES, NUMBERS, QUOTES];
}

/// Why a stage could not be built or could not process a document.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// An option value has the right type but is not acceptable.
    #[error("option `{option}`: {message}")]
    BadOption { option: String, message: String },
    /// A layer the stage requires is absent from the document.
    #[error("layer `{0}` is missing; put a stage that produces it earlier in the pipeline")]
    MissingLayer(String),
    /// The document cannot be processed (too large, malformed layers, ...).
    #[error("{0}")]
    BadInput(String),
    /// Loading data (a model, a word list) failed.
    #[error("could not load {what}: {message}")]
    Data { what: String, message: String },
    /// Anything else, e.g. an error reported by a plugin.
    #[error("{0}")]
    Other(String),
}

/// One step of a pipeline. Stages hold no per-document state and are shared
/// across worker threads, so documents run in parallel.
pub trait Stage: Send + Sync {
    /// The stage id as written in pipelines (`segment`, `ner`, ...).
    fn name(&self) -> &str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> Vec<String>;
    /// Layers this stage adds.
    fn produces(&self) -> Vec<String>;
    /// Adds this stage's layers to `doc`. Must not panic on any input and must
    /// not change layers produced by other stages.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// What a stage crate exports so the runner can list and build it.
pub struct StageInfo {
    /// The stage id (`segment`).
    pub id: &'static str,
    /// One line saying what the stage does.
    pub description: &'static str,
    /// Layers the stage requires and produces with default options (shown by
    /// `lede stages`; the built stage's own `requires`/`produces` are what the
    /// runner checks).
    pub requires: &'static [&'static str],
    pub produces: &'static [&'static str],
    pub options: Vec<OptionSpec>,
    /// Builds the stage from options already checked against `options`.
    pub build: fn(&Options) -> Result<Box<dyn Stage>, StageError>,
}

impl std::fmt::Debug for StageInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StageInfo")
            .field("id", &self.id)
            .field("requires", &self.requires)
            .field("produces", &self.produces)
            .finish()
    }
}
