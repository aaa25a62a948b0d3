//! The Python exceptions: a pipeline that cannot be built, a document that
//! cannot be processed.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyDict;

create_exception!(
    lede,
    PipelineError,
    PyException,
    "A pipeline file or text that cannot be built. `str(e)` is what `lede check` \
     prints; `diagnostics` lists every problem (dicts with `file`, `line`, `column`, \
     `code`, `message`, `help`) and the first one's fields are attributes too."
);

create_exception!(
    lede,
    DocumentError,
    PyException,
    "A document that could not be read or processed. `id`, `index` (its position \
     in the stream, or None) and `message` are attributes."
);

/// A `PipelineError` carrying the runner's diagnostics: every problem as a
/// dict in `diagnostics`, and the first one's fields as attributes.
pub fn pipeline_error(py: Python<'_>, e: &lede_runner::PipelineError) -> PyErr {
    let err = PipelineError::new_err(e.to_string());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        let mut all = Vec::new();
        for d in &e.diagnostics {
            let item = PyDict::new(py);
            item.set_item("file", d.file.display().to_string())?;
            item.set_item("line", d.line)?;
            item.set_item("column", d.column)?;
            item.set_item("code", d.code.as_str())?;
            item.set_item("message", &d.message)?;
            item.set_item("help", &d.help)?;
            all.push(item);
        }
        let first = e.first();
        value.setattr("file", first.file.display().to_string())?;
        value.setattr("line", first.line)?;
        value.setattr("column", first.column)?;
        value.setattr("code", first.code.as_str())?;
        value.setattr("message", &first.message)?;
        value.setattr("help", &first.help)?;
        value.setattr("diagnostics", all)?;
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
