//! The [`Stage`] trait and what a stage crate exports to the runner.

use crate::{Document, LayerId, OptionSpec, Options};

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
    /// The runner refused what the stage did to the document.
    #[error(transparent)]
    Access(#[from] AccessError),
}

/// What a stage did that its declaration does not allow; found by the
/// runner after the stage ran, so the document fails and the batch goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    /// It changed a layer it requires but does not produce (read-only).
    #[error("it changed layer `{layer}`, which it may only read (it requires the layer but does not produce it)")]
    ChangedRequired { layer: String },
    /// It wrote a layer missing from its `produces`.
    #[error("it wrote layer `{layer}`, which is not in its `produces`; declare the layer or leave it alone")]
    Undeclared { layer: String },
    /// It changed the document text, which every span points into.
    #[error("it changed the document text, which no stage may change")]
    ChangedText,
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
    /// Adds this stage's layers to `doc`. Must not panic on any input. The
    /// runner shows the stage only the layers it requires and produces,
    /// and fails the document ([`AccessError`]) if the stage changed the
    /// text or a required layer, or wrote a layer it does not produce.
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
    pub requires: &'static [LayerId],
    pub produces: &'static [LayerId],
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
