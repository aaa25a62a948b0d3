use std::panic::{catch_unwind, AssertUnwindSafe};

use lede_core::Document;
use rayon::prelude::*;

use crate::Pipeline;

/// A document that could not even be read (bad UTF-8, a bad JSONL line). It
/// keeps its place in the input order so outputs stay one-to-one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFailure {
    pub id: String,
    pub message: String,
}

/// One input: a document, or why it could not be read.
pub type Input = Result<Document, InputFailure>;

/// The result for one input, in input order.
#[derive(Debug)]
pub enum Outcome {
    Done(Document),
    Failed { id: String, message: String },
}

/// Documents are processed in chunks of at most this many per worker, so
/// memory stays bounded however long the input is.
const DOCS_PER_WORKER: usize = 16;
/// A chunk is also cut when its texts reach this many bytes.
const CHUNK_BYTES: usize = 64 << 20;

/// Runs `pipeline` over `inputs` on `jobs` threads and hands each outcome to
/// `sink` in input order. Inputs are pulled lazily, chunk by chunk, so an
/// endless stream runs in bounded memory. A stage that panics fails only that
/// document.
pub fn run_ordered<I, F>(pipeline: &Pipeline, inputs: I, jobs: usize, mut sink: F)
where
    I: IntoIterator<Item = Input>,
    F: FnMut(Outcome),
{
    let jobs = jobs.max(1);
    let mut inputs = inputs.into_iter();
    if jobs == 1 {
        for input in inputs {
            sink(process_one(pipeline, input));
        }
        return;
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(_) => {
            // No threads to be had: run on this one rather than fail.
            for input in inputs {
                sink(process_one(pipeline, input));
            }
            return;
        }
    };
    let max_docs = jobs * DOCS_PER_WORKER;
    loop {
        let mut chunk: Vec<Input> = Vec::with_capacity(max_docs);
        let mut bytes = 0usize;
        for input in inputs.by_ref() {
            if let Ok(doc) = &input {
                bytes += doc.text.len();
            }
            chunk.push(input);
            if chunk.len() >= max_docs || bytes >= CHUNK_BYTES {
                break;
            }
        }
        if chunk.is_empty() {
            return;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|input| process_one(pipeline, input))
                .collect()
        });
        for outcome in outcomes {
            sink(outcome);
        }
    }
}

fn process_one(pipeline: &Pipeline, input: Input) -> Outcome {
    let mut doc = match input {
        Ok(doc) => doc,
        Err(failure) => {
            return Outcome::Failed {
                id: failure.id,
                message: failure.message,
            }
        }
    };
    match catch_unwind(AssertUnwindSafe(|| pipeline.process(&mut doc))) {
        Ok(Ok(())) => Outcome::Done(doc),
        Ok(Err(e)) => Outcome::Failed {
            id: doc.id,
            message: e.to_string(),
        },
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Failed {
                id: doc.id,
                message: format!("internal error (a stage panicked): {what}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::{Stage, StageError};

    /// Fails documents whose text contains "fail", panics on "panic".
    struct Picky;
    impl Stage for Picky {
        fn name(&self) -> &str {
            "picky"
        }
        fn requires(&self) -> Vec<String> {
            Vec::new()
        }
        fn produces(&self) -> Vec<String> {
            Vec::new()
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            if doc.text.contains("panic") {
                panic!("asked to");
            }
            if doc.text.contains("fail") {
                return Err(StageError::BadInput("asked to fail".into()));
            }
            doc.metadata.insert("seen".into(), true.into());
            Ok(())
        }
    }

    fn outcome_ids(jobs: usize, n: usize) -> Vec<String> {
        let pipeline = Pipeline::from_stages("t", vec![Box::new(Picky)]).unwrap();
        let inputs = (0..n).map(|i| {
            let text = match i % 7 {
                3 => "please fail",
                5 => "please panic",
                _ => "fine",
            };
            if i % 11 == 4 {
                Err(InputFailure {
                    id: format!("d{i}"),
                    message: "unreadable".into(),
                })
            } else {
                Ok(Document::new(format!("d{i}"), text))
            }
        });
        let mut ids = Vec::new();
        run_ordered(&pipeline, inputs, jobs, |o| match o {
            Outcome::Done(d) => ids.push(d.id),
            Outcome::Failed { id, .. } => ids.push(format!("{id}!")),
        });
        ids
    }

    #[test]
    fn outcomes_keep_input_order_and_failures_keep_their_place() {
        let sequential = outcome_ids(1, 500);
        assert_eq!(sequential.len(), 500);
        assert_eq!(sequential[0], "d0");
        assert_eq!(sequential[3], "d3!");
        assert_eq!(sequential[4], "d4!");
        assert_eq!(sequential[5], "d5!");
        assert_eq!(outcome_ids(2, 500), sequential);
        assert_eq!(outcome_ids(3, 500), sequential);
    }
}
