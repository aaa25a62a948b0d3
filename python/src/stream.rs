//! `lede._lede.DocStream`: many texts through a pipeline, in input order.
//!
//! The stream pulls up to `batch_size` items from the Python iterator (with
//! the GIL held: that only copies strings), then releases the GIL while the
//! batch runs on a thread pool, and hands the results out one by one. Worker
//! threads never touch a Python object. A batch is also cut at
//! [`BATCH_BYTES`] of text, so memory stays bounded on any input.

use std::collections::VecDeque;
use std::sync::Arc;

use lede_core::Document;
use lede_runner::{process_one, Outcome, Pipeline};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};
use rayon::prelude::*;

use crate::document::RawDoc;

const BATCH_BYTES: usize = 64 << 20;

/// Why a Python `str` cannot be a document's text.
pub const NOT_UNICODE: &str = "the text is not valid Unicode (it holds a lone surrogate)";

/// A document of the stream that failed, in its place.
#[pyclass(frozen, module = "lede._lede")]
pub struct Failure {
    #[pyo3(get)]
    index: usize,
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    message: String,
}

/// Iterator of `RawDoc` or `Failure`, one per input item, in input order.
#[pyclass(module = "lede._lede")]
pub struct DocStream {
    pipeline: Arc<Pipeline>,
    source: Py<PyIterator>,
    /// None for one job: the batch then runs on the calling thread.
    pool: Option<rayon::ThreadPool>,
    batch_size: usize,
    next_index: usize,
    ready: VecDeque<(usize, Done)>,
    /// An exception from the source iterator, raised once the documents
    /// read before it have been handed out.
    source_error: Option<PyErr>,
    source_done: bool,
}

impl DocStream {
    pub fn new(
        pipeline: Arc<Pipeline>,
        iterable: &Bound<'_, PyAny>,
        jobs: usize,
        batch_size: usize,
    ) -> PyResult<DocStream> {
        if jobs == 0 {
            return Err(PyValueError::new_err("jobs must be at least 1"));
        }
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        let pool = if jobs > 1 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .map_err(|e| PyValueError::new_err(format!("cannot start {jobs} threads: {e}")))?;
            Some(pool)
        } else {
            None
        };
        Ok(DocStream {
            pipeline,
            source: PyIterator::from_object(iterable)?.unbind(),
            pool,
            batch_size,
            next_index: 0,
            ready: VecDeque::new(),
            source_error: None,
            source_done: false,
        })
    }

    /// Reads the next batch from the source and processes it.
    fn fill(&mut self, py: Python<'_>) {
        let mut batch: Vec<(usize, Item)> = Vec::new();
        let mut bytes = 0;
        let mut source = self.source.bind(py).clone();
        while batch.len() < self.batch_size && bytes < BATCH_BYTES {
            match source.next() {
                None => {
                    self.source_done = true;
                    break;
                }
                Some(Err(e)) => {
                    self.source_error = Some(e);
                    self.source_done = true;
                    break;
                }
                Some(Ok(item)) => {
                    let item = to_item(&item);
                    if let Ok(doc) = &item {
                        bytes += doc.text.len();
                    }
                    batch.push((self.next_index, item));
                    self.next_index += 1;
                }
            }
        }
        if batch.is_empty() {
            return;
        }
        let pipeline = &self.pipeline;
        let pool = &self.pool;
        let outcomes: Vec<(usize, Done)> = py.allow_threads(|| match pool {
            Some(pool) => pool.install(|| {
                batch
                    .into_par_iter()
                    .with_max_len(1)
                    .map(|(i, item)| (i, process(pipeline, item)))
                    .collect()
            }),
            None => batch
                .into_iter()
                .map(|(i, item)| (i, process(pipeline, item)))
                .collect(),
        });
        self.ready.extend(outcomes);
    }
}

#[pymethods]
impl DocStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        if self.ready.is_empty() && !self.source_done {
            self.fill(py);
        }
        match self.ready.pop_front() {
            Some((_, Ok(doc))) => Ok(Some(Py::new(py, RawDoc { doc })?.into_any())),
            Some((index, Err(Failed { id, message }))) => Ok(Some(
                Py::new(py, Failure { index, id, message })?.into_any(),
            )),
            None => match self.source_error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            },
        }
    }
}

/// An item of the source: a document to process, or why it cannot be one.
type Item = Result<Document, String>;

/// What a stream hands out for one item: the processed document, or the
/// failure in its place.
type Done = Result<Document, Failed>;

struct Failed {
    id: String,
    message: String,
}

/// An item of the source as a document: a `str` (its id is empty), or why
/// it cannot be one.
fn to_item(item: &Bound<'_, PyAny>) -> Item {
    match item.downcast::<PyString>() {
        Ok(text) => match text.to_str() {
            Ok(text) => Ok(Document::new("", text)),
            Err(_) => Err(NOT_UNICODE.into()),
        },
        Err(_) => {
            let type_name = item
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".into());
            Err(format!("expected a str, got {type_name}"))
        }
    }
}

fn process(pipeline: &Pipeline, item: Item) -> Done {
    match item {
        Err(message) => Err(Failed {
            id: String::new(),
            message,
        }),
        Ok(doc) => match process_one(pipeline, Ok(doc)) {
            Outcome::Done(doc) => Ok(doc),
            Outcome::Failed { id, error } => Err(Failed {
                id,
                message: error.to_string(),
            }),
        },
    }
}
