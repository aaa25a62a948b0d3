//! `lede._lede.Pipeline`: building a pipeline and processing one text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lede_core::{Document, OptionValue};
use lede_runner::{builtin_stages, process_one, Outcome, Pipeline};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::document::RawDoc;
use crate::errors::{document_error, pipeline_error};
use crate::stream::{DocStream, NOT_UNICODE};

/// A built pipeline, shared by every stream made from it.
#[pyclass(frozen, name = "Pipeline", module = "lede._lede")]
pub struct PyPipeline {
    pub inner: Arc<Pipeline>,
}

fn built(
    py: Python<'_>,
    result: Result<Pipeline, lede_runner::PipelineError>,
) -> PyResult<PyPipeline> {
    match result {
        Ok(pipeline) => Ok(PyPipeline {
            inner: Arc::new(pipeline),
        }),
        Err(e) => Err(pipeline_error(py, &e)),
    }
}

#[pymethods]
impl PyPipeline {
    /// The embedded default news pipeline (pipelines/news.toml).
    #[staticmethod]
    fn default_news(py: Python<'_>) -> PyResult<PyPipeline> {
        built(py, Pipeline::default_news())
    }

    /// The pipeline in the TOML file at `path`.
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<PyPipeline> {
        built(py, Pipeline::from_file(&path))
    }

    /// A pipeline from TOML text; `origin` names it in diagnostics and is
    /// where relative plugin paths start.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str, origin: &str) -> PyResult<PyPipeline> {
        built(py, Pipeline::from_toml(text, Path::new(origin)))
    }

    #[getter]
    fn name(&self) -> &str {
        self.inner.name()
    }

    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description()
    }

    /// `(id, requires, produces)` for each stage, in order.
    fn stages(&self) -> Vec<(String, Vec<String>, Vec<String>)> {
        self.inner
            .stages()
            .iter()
            .map(|s| {
                (
                    s.id().to_string(),
                    s.requires().to_vec(),
                    s.produces().to_vec(),
                )
            })
            .collect()
    }

    /// Processes one text (the GIL is released meanwhile). `metadata_json`
    /// is a JSON object of input fields. A failing stage raises
    /// `DocumentError`.
    #[pyo3(signature = (text, id, metadata_json=None))]
    fn process(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        id: String,
        metadata_json: Option<&str>,
    ) -> PyResult<RawDoc> {
        let Ok(text) = text.to_str() else {
            return Err(document_error(py, &id, None, NOT_UNICODE));
        };
        let mut doc = Document::new(id, text);
        if let Some(json) = metadata_json {
            doc.metadata = serde_json::from_str(json)
                .map_err(|e| PyValueError::new_err(format!("metadata: {e}")))?;
        }
        let pipeline = Arc::clone(&self.inner);
        match py.allow_threads(move || process_one(&pipeline, Ok(doc))) {
            Outcome::Done(doc) => Ok(RawDoc { doc }),
            Outcome::Failed { id, error } => Err(document_error(py, &id, None, &error.to_string())),
        }
    }

    /// Streams the texts of `iterable` through the pipeline on `jobs`
    /// threads, `batch_size` documents at a time.
    fn stream(
        &self,
        iterable: &Bound<'_, PyAny>,
        jobs: usize,
        batch_size: usize,
    ) -> PyResult<DocStream> {
        DocStream::new(Arc::clone(&self.inner), iterable, jobs, batch_size)
    }
}

fn option_value(py: Python<'_>, value: &OptionValue) -> PyResult<PyObject> {
    Ok(match value {
        OptionValue::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        OptionValue::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        OptionValue::Float(x) => x.into_pyobject(py)?.into_any().unbind(),
        OptionValue::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        OptionValue::StringList(items) => PyList::new(py, items)?.into_any().unbind(),
    })
}

/// The built-in stages with their options, as `lede stages` lists them: a
/// list of dicts with `id`, `description`, `requires`, `produces` and
/// `options` (each `name`, `kind`, `default` or None, `help`).
#[pyfunction]
pub fn stages(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    let mut out = Vec::new();
    for info in builtin_stages() {
        let stage = PyDict::new(py);
        stage.set_item("id", info.id)?;
        stage.set_item("description", info.description)?;
        let names = |ids: &[lede_core::LayerId]| ids.iter().map(|l| l.as_str()).collect::<Vec<_>>();
        stage.set_item("requires", names(info.requires))?;
        stage.set_item("produces", names(info.produces))?;
        let mut options = Vec::new();
        for spec in &info.options {
            let option = PyDict::new(py);
            option.set_item("name", spec.name)?;
            option.set_item("kind", spec.kind.as_str())?;
            match &spec.default {
                Some(v) => option.set_item("default", option_value(py, v)?)?,
                None => option.set_item("default", py.None())?,
            }
            option.set_item("help", spec.help)?;
            options.push(option);
        }
        stage.set_item("options", options)?;
        out.push(stage);
    }
    Ok(out)
}
