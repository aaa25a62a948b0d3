//! A processed document as Python holds it: the Rust document itself, read
//! through its JSON form.

use lede_core::json::{write_json, WriteOptions};
use lede_core::Document;
use pyo3::prelude::*;

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
    /// metadata), as JSON text.
    fn to_json(&self, py: Python<'_>) -> String {
        py.allow_threads(|| {
            let mut out = String::with_capacity(self.doc.text.len() * 3 + 256);
            write_json(&self.doc, &WriteOptions::default(), &mut out);
            out
        })
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
