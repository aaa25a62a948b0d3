use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with a pipeline file, located at a line and column of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no single place (e.g. unreadable file).
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// How to fix it, when we can tell.
    pub help: Option<String>,
}

impl PipelineError {
    pub(crate) fn at(
        file: &Path,
        source: &str,
        byte: usize,
        message: impl Into<String>,
        help: Option<String>,
    ) -> PipelineError {
        let (line, column) = line_column(source, byte);
        PipelineError {
            file: file.to_path_buf(),
            line,
            column,
            message: message.into(),
            help,
        }
    }

    pub(crate) fn whole_file(file: &Path, message: impl Into<String>) -> PipelineError {
        PipelineError {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
        }
    }
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                self.line,
                self.column,
                self.message
            )?;
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PipelineError {}

/// 1-based line and column (in chars) of a byte offset.
pub(crate) fn line_column(source: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &source[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..byte].chars().count() + 1;
    (line, column)
}

/// Why one document could not be processed.
#[derive(Debug, thiserror::Error)]
#[error("stage `{stage}`: {source}")]
pub struct DocumentError {
    pub stage: String,
    #[source]
    pub source: lede_core::StageError,
}
