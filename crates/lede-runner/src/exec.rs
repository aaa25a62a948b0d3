use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lede_core::{Document, Span};
use rayon::prelude::*;

use crate::input::InputError;
use crate::{DocumentError, Pipeline};

/// A document that could not even be read (bad UTF-8, a bad JSONL line). It
/// keeps its place in the input order so outputs stay one-to-one.
#[derive(Debug, thiserror::Error)]
#[error("{error}")]
pub struct InputFailure {
    /// The document's id, or the place it would have come from (`stdin:3`).
    pub id: String,
    pub error: InputError,
}

/// One input: a document, or why it could not be read.
pub type Input = Result<Document, InputFailure>;

/// Why one input gave no annotated document.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Stage(#[from] DocumentError),
    #[error("the text is {0} bytes, more than the {max} lede handles", max = Span::MAX_TEXT_BYTES)]
    TooLong(usize),
    #[error("internal error (a stage panicked): {0}")]
    Panic(String),
}

/// The result for one input, in input order.
#[derive(Debug)]
pub enum Outcome {
    Done(Document),
    Failed { id: String, error: Failure },
}

/// Documents are processed in chunks of at most this many per worker, so
/// memory stays bounded however long the input is.
const DOCS_PER_WORKER: usize = 16;
/// A chunk is also cut when its texts reach this many bytes.
const CHUNK_BYTES: usize = 64 << 20;
/// A worker takes a batch of at most this many documents through one stage
/// before the next starts. Run document by document, each stage finds its
/// tables and code evicted from the cache by the stages between (the entity
/// tagger's weights alone are larger than a core's L2), and the smaller
/// stages then run at about half the speed they reach on their own.
const BATCH_DOCS: usize = 16;
/// A batch is also cut when its texts reach this many bytes, so a batch of
/// long documents holds about as much memory as one long document.
const BATCH_BYTES: usize = 1 << 20;

/// Runs `pipeline` over `inputs` on `jobs` threads and hands each outcome to
/// `sink` in input order. A reader thread pulls inputs lazily into a bounded
/// queue; the workers take whatever is waiting (up to a chunk), so an endless
/// stream runs in bounded memory and a record sent alone is answered at once
/// rather than waiting for a chunk to fill. Each worker takes its part of a
/// chunk through the stages in small batches, stage by stage (see
/// [`BATCH_DOCS`]); every document still goes through the stages in pipeline
/// order. A stage that fails or panics fails only that document.
pub fn run_ordered<I, F>(pipeline: &Pipeline, inputs: I, jobs: usize, sink: F)
where
    I: IntoIterator<Item = Input>,
    I::IntoIter: Send,
    F: FnMut(Outcome),
{
    run_ordered_timed(pipeline, inputs, jobs, None, sink)
}

/// Time spent in each stage of a pipeline, summed over documents and worker
/// threads: the timing hook of [`run_ordered_timed`] (`lede bench`).
#[derive(Debug)]
pub struct StageTimes {
    nanos: Vec<AtomicU64>,
}

impl StageTimes {
    /// One zeroed slot per stage of `pipeline`.
    pub fn new(pipeline: &Pipeline) -> StageTimes {
        StageTimes {
            nanos: pipeline
                .stages()
                .iter()
                .map(|_| AtomicU64::new(0))
                .collect(),
        }
    }

    fn add(&self, per_stage: &[Duration]) {
        for (slot, d) in self.nanos.iter().zip(per_stage) {
            let nanos = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
            slot.fetch_add(nanos, Ordering::Relaxed);
        }
    }

    /// The time of each stage, in pipeline order.
    pub fn durations(&self) -> Vec<Duration> {
        self.nanos
            .iter()
            .map(|n| Duration::from_nanos(n.load(Ordering::Relaxed)))
            .collect()
    }
}

/// [`run_ordered`], adding each stage's time to `times` when given. This is
/// the one execution path: `lede run`, `eval`, `render` and `bench` all go
/// through it, so `bench` times what users run.
pub fn run_ordered_timed<I, F>(
    pipeline: &Pipeline,
    inputs: I,
    jobs: usize,
    times: Option<&StageTimes>,
    mut sink: F,
) where
    I: IntoIterator<Item = Input>,
    I::IntoIter: Send,
    F: FnMut(Outcome),
{
    let jobs = jobs.max(1);
    let inputs = inputs.into_iter();
    // One job, or no threads to be had: batches run on this thread.
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) if jobs > 1 => Some(pool),
        _ => None,
    };
    let max_docs = jobs * DOCS_PER_WORKER;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Input>(max_docs);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for input in inputs {
                if sender.send(input).is_err() {
                    return; // the consumer is gone
                }
            }
        });
        // Block for the first input of a chunk, then take only what is
        // already waiting.
        while let Ok(first) = receiver.recv() {
            let mut bytes = input_bytes(&first);
            let mut chunk = vec![first];
            while chunk.len() < max_docs && bytes < CHUNK_BYTES {
                match receiver.try_recv() {
                    Ok(input) => {
                        bytes += input_bytes(&input);
                        chunk.push(input);
                    }
                    Err(_) => break,
                }
            }
            let batches = into_batches(chunk, jobs);
            let outcomes: Vec<Vec<Outcome>> = match &pool {
                None => batches
                    .into_iter()
                    .map(|batch| process_batch(pipeline, batch, times))
                    .collect(),
                Some(pool) => pool.install(|| {
                    batches
                        .into_par_iter()
                        .map(|batch| process_batch(pipeline, batch, times))
                        .collect()
                }),
            };
            for outcome in outcomes.into_iter().flatten() {
                sink(outcome);
            }
        }
    });
}

fn input_bytes(input: &Input) -> usize {
    input.as_ref().map_or(0, |doc| doc.text.len())
}

/// Cuts a chunk into consecutive batches of at most [`BATCH_DOCS`] documents
/// and [`BATCH_BYTES`] of text; with several jobs, into at least two batches
/// per job when there are documents enough, so the workers stay busy.
fn into_batches(chunk: Vec<Input>, jobs: usize) -> Vec<Vec<Input>> {
    let per_batch = if jobs > 1 {
        chunk.len().div_ceil(2 * jobs).clamp(1, BATCH_DOCS)
    } else {
        BATCH_DOCS
    };
    let mut batches = Vec::new();
    let mut batch = Vec::new();
    let mut bytes = 0;
    for input in chunk {
        if !batch.is_empty() && (batch.len() >= per_batch || bytes >= BATCH_BYTES) {
            batches.push(std::mem::take(&mut batch));
            bytes = 0;
        }
        bytes += input_bytes(&input);
        batch.push(input);
    }
    if !batch.is_empty() {
        batches.push(batch);
    }
    batches
}

/// Where one document of a batch stands.
enum Progress {
    Running(Document),
    Finished(Outcome),
}

/// Takes a batch through the pipeline stage by stage. A document that fails
/// or panics in a stage leaves the batch there; the others go on.
fn process_batch(
    pipeline: &Pipeline,
    batch: Vec<Input>,
    times: Option<&StageTimes>,
) -> Vec<Outcome> {
    let mut progress: Vec<Progress> = batch.into_iter().map(admit).collect();
    let stages = pipeline.stages().len();
    let mut per_stage = vec![Duration::ZERO; stages];
    for (index, elapsed) in per_stage.iter_mut().enumerate() {
        let started = times.map(|_| Instant::now());
        for entry in progress.iter_mut() {
            let Progress::Running(doc) = entry else {
                continue;
            };
            if let Err(error) = guarded(|| pipeline.process_stage(index, doc)) {
                let id = std::mem::take(&mut doc.id);
                *entry = Progress::Finished(Outcome::Failed { id, error });
            }
        }
        if let Some(started) = started {
            *elapsed += started.elapsed();
        }
    }
    if let Some(times) = times {
        times.add(&per_stage);
    }
    progress
        .into_iter()
        .map(|entry| match entry {
            Progress::Running(doc) => Outcome::Done(doc),
            Progress::Finished(outcome) => outcome,
        })
        .collect()
}

/// A document ready for the first stage, or why it cannot be.
fn admit(input: Input) -> Progress {
    let doc = match input {
        Ok(doc) => doc,
        Err(failure) => {
            return Progress::Finished(Outcome::Failed {
                id: failure.id,
                error: Failure::Input(failure.error),
            })
        }
    };
    // Spans hold 32-bit offsets; documents built in code are checked here.
    if doc.text.len() > Span::MAX_TEXT_BYTES {
        return Progress::Finished(Outcome::Failed {
            error: Failure::TooLong(doc.text.len()),
            id: doc.id,
        });
    }
    Progress::Running(doc)
}

/// Runs one stage step, turning a panic into this document's failure.
fn guarded(step: impl FnOnce() -> Result<(), DocumentError>) -> Result<(), Failure> {
    match catch_unwind(AssertUnwindSafe(step)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(Failure::Stage(e)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Failure::Panic(what))
        }
    }
}

/// Runs `pipeline` over one input as [`run_ordered`] does for each: a stage
/// that fails or panics, or a text too long for lede's spans, fails only this
/// document. For callers that batch documents themselves (the Python stream).
pub fn process_one(pipeline: &Pipeline, input: Input) -> Outcome {
    let mut doc = match admit(input) {
        Progress::Running(doc) => doc,
        Progress::Finished(outcome) => return outcome,
    };
    match guarded(|| pipeline.process(&mut doc)) {
        Ok(()) => Outcome::Done(doc),
        Err(error) => Outcome::Failed { id: doc.id, error },
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
                    error: InputError::TooLong {
                        name: format!("d{i}"),
                        len: 0,
                    },
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

    /// Fails a document the first stage has not marked, and marks it again.
    struct AfterPicky;
    impl Stage for AfterPicky {
        fn name(&self) -> &str {
            "after-picky"
        }
        fn requires(&self) -> Vec<String> {
            Vec::new()
        }
        fn produces(&self) -> Vec<String> {
            Vec::new()
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            if !doc.metadata.contains_key("seen") {
                return Err(StageError::BadInput("the first stage did not run".into()));
            }
            doc.metadata.insert("after".into(), true.into());
            Ok(())
        }
    }

    #[test]
    fn batched_documents_go_through_the_stages_in_order_and_failures_stop_at_their_stage() {
        let pipeline =
            Pipeline::from_stages("t", vec![Box::new(Picky), Box::new(AfterPicky)]).unwrap();
        for jobs in [1, 2, 3] {
            // Long enough for several batches, with failures inside them.
            let inputs = (0..100).map(|i| {
                let text = if i % 9 == 2 { "please fail" } else { "fine" };
                Ok(Document::new(format!("d{i}"), text))
            });
            let mut outcomes = Vec::new();
            run_ordered(&pipeline, inputs, jobs, |o| outcomes.push(o));
            assert_eq!(outcomes.len(), 100);
            for (i, outcome) in outcomes.iter().enumerate() {
                match outcome {
                    Outcome::Done(doc) => {
                        assert_ne!(i % 9, 2, "d{i} should have failed");
                        assert_eq!(doc.id, format!("d{i}"));
                        assert!(doc.metadata.contains_key("after"), "d{i}");
                    }
                    Outcome::Failed { id, error } => {
                        assert_eq!(i % 9, 2, "d{i} failed: {error}");
                        assert_eq!(id, &format!("d{i}"));
                        assert!(
                            matches!(error, Failure::Stage(e) if e.stage == "picky"),
                            "{error}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_chunk_is_cut_into_batches_that_keep_the_input_order() {
        let chunk: Vec<Input> = (0..40)
            .map(|i| Ok(Document::new(format!("d{i}"), "x")))
            .collect();
        let batches = into_batches(chunk, 1);
        assert_eq!(
            batches.iter().map(Vec::len).collect::<Vec<_>>(),
            [16, 16, 8]
        );
        let chunk: Vec<Input> = (0..40)
            .map(|i| Ok(Document::new(format!("d{i}"), "x")))
            .collect();
        let batches = into_batches(chunk, 2);
        assert_eq!(
            batches.iter().map(Vec::len).collect::<Vec<_>>(),
            [10, 10, 10, 10]
        );
        let ids: Vec<String> = batches
            .into_iter()
            .flatten()
            .map(|d| d.map(|d| d.id).unwrap_or_default())
            .collect();
        assert_eq!(ids[0], "d0");
        assert_eq!(ids[39], "d39");
        assert!(ids.windows(2).all(|w| w[0] != w[1]));
        // Long texts close a batch on their size alone.
        let long = "y".repeat(BATCH_BYTES);
        let chunk: Vec<Input> = (0..3)
            .map(|i| Ok(Document::new(format!("d{i}"), long.clone())))
            .collect();
        assert_eq!(into_batches(chunk, 1).len(), 3);
    }

    #[test]
    fn a_record_sent_alone_is_answered_before_the_next_arrives() {
        use std::sync::mpsc;
        use std::time::Duration;
        let pipeline = Pipeline::from_stages("t", vec![Box::new(Picky)]).unwrap();
        let (to_runner, inputs) = mpsc::channel::<Input>();
        let (to_feeder, answers) = mpsc::channel::<String>();
        let feeder = std::thread::spawn(move || {
            for i in 0..3 {
                to_runner
                    .send(Ok(Document::new(format!("d{i}"), "fine")))
                    .unwrap();
                // A runner that waited for a full chunk would never answer.
                let answer = answers.recv_timeout(Duration::from_secs(20));
                assert_eq!(answer.as_deref(), Ok(format!("d{i}").as_str()));
            }
        });
        run_ordered(&pipeline, inputs, 2, |o| {
            if let Outcome::Done(d) = o {
                let _ = to_feeder.send(d.id);
            }
        });
        feeder.join().unwrap();
    }
}
