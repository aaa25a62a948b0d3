//! A processed document as Python holds it: the Rust document itself, read
//! through its JSON form.

use lede_core::json::{write_document, WriteOptions};
use lede_core::Document;
use pyo3::prelude::*;

use crate::errors::document_error;

/// One processed document (`lede.Doc` wraps it).
#[pyclass(frozen, module = "lede._lede")]
pub struct RawDoc {
    pub doc: Document,
}

#[pymethods]
impl RawDoc {
    #[getter]
    fn id(&self) -> &str {
        &self.doc.id
    }

    #[getter]
    fn text(&self) -> &str {
        &self.doc.text
    }

    /// The document as `lede run` writes it (code-point offsets, no
    /// metadata), as JSON text. A document `lede run` would refuse to write
    /// raises `DocumentError` with the same message.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let written = py.allow_threads(|| {
            let mut out = Vec::with_capacity(self.doc.text.len() * 3 + 256);
            write_document(&mut out, &self.doc, &WriteOptions::default()).map(|()| out)
        });
        match written {
            // serde_json writes only valid UTF-8.
            Ok(out) => Ok(String::from_utf8_lossy(&out).into_owned()),
            Err(e) => Err(document_error(py, &self.doc.id, None, &e.to_string())),
        }
    }

    /// The input metadata as a JSON object.
    fn metadata_json(&self) -> String {
        serde_json::to_string(&self.doc.metadata).unwrap_or_else(|_| "{}".to_string())
    }

    /// Names of the layers the pipeline produced, built-in ones first.
    fn layer_names(&self) -> Vec<String> {
        self.doc
            .layers
            .names()
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}
