//! lede-python: the native half of the `lede` Python package (`lede._lede`).
//!
//! It wraps lede-runner's [`Pipeline`](lede_runner::Pipeline) for Python:
//! building a pipeline (the embedded default, a file, TOML text) with its
//! file:line:column diagnostics, processing one text, and streaming many
//! texts through it in input order on a pool of threads with the GIL
//! released. A processed document stays a Rust [`lede_core::Document`];
//! Python reads it through its JSON form (the same writer as `lede run`).
//!
//! It does not define the typed Python objects (`Doc`, `Entity`, ...), the
//! spaCy bridge or anything else in pure Python: python/lede/ does.

mod document;
mod errors;
mod pipeline;
mod stream;

use pyo3::prelude::*;

#[pymodule]
fn _lede(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_class::<document::RawDoc>()?;
    m.add_class::<stream::DocStream>()?;
    m.add_class::<stream::Failure>()?;
    m.add("PipelineError", m.py().get_type::<errors::PipelineError>())?;
    m.add("DocumentError", m.py().get_type::<errors::DocumentError>())?;
    m.add_function(wrap_pyfunction!(pipeline::stages, m)?)?;
    Ok(())
}
