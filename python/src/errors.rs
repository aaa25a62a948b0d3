//! The Python exceptions: a pipeline that cannot be built, a document that
//! cannot be processed.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    lede,
    PipelineError,
    PyException,
    "A pipeline file or text that cannot be built. `str(e)` is what `lede check` \
     prints; `file`, `line`, `column` (1-based, 0 when the problem has no single \
     place), `message` and `help` (or None) are attributes."
);

create_exception!(
    lede,
    DocumentError,
    PyException,
    "A document that could not be read or processed. `id`, `index` (its position \
     in the stream, or None) and `message` are attributes."
);

/// A `PipelineError` carrying the runner's diagnostic.
pub fn pipeline_error(py: Python<'_>, e: &lede_runner::PipelineError) -> PyErr {
    let err = PipelineError::new_err(e.to_string());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("file", e.file.display().to_string())?;
        value.setattr("line", e.line)?;
        value.setattr("column", e.column)?;
        value.setattr("message", &e.message)?;
        value.setattr("help", e.help.as_deref())?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(setting_failed) => setting_failed,
    }
}

/// A `DocumentError` for the document `id` (at `index` in a stream).
pub fn document_error(py: Python<'_>, id: &str, index: Option<usize>, message: &str) -> PyErr {
    let err = DocumentError::new_err(message.to_string());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("id", id)?;
        value.setattr("index", index)?;
        value.setattr("message", message)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(setting_failed) => setting_failed,
    }
}
