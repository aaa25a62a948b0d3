/// Why one document could not be processed.
#[derive(Debug, thiserror::Error)]
#[error("stage `{stage}`: {source}")]
pub struct DocumentError {
    pub stage: String,
    #[source]
    pub source: lede_core::StageError,
}
