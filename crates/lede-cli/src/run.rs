//! `lede run`: stream documents through a pipeline and write one output
//! record per input, in input order, flushing each as it is done.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lede_core::json::{DocumentJson, WriteError, WriteOptions};
use lede_core::Document;
use lede_runner::input::{DocumentReader, Source};
use lede_runner::{run_ordered, Outcome, Pipeline};

use lede_core::json::{KeepMetadata, RESERVED_KEYS};

use crate::common::{expand_inputs, load_pipeline, split_pipeline};
use crate::{pretty, Fatal, RunArgs, EXIT_DOCS_FAILED, EXIT_OK};

/// Output format of `lede run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// A readable view for a terminal.
    Pretty,
}

/// What to do with a document that fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnError {
    /// Write `{"id": ..., "error": ...}` in its place and exit 0: the output
    /// has exactly one line per input (the default when reading stdin).
    Record,
    /// Leave it out of the output and exit 1 at the end (the default for
    /// files and directories).
    Skip,
    /// Stop at the first failure and exit 1.
    Stop,
}

pub struct RunOptions {
    pub output: Option<PathBuf>,
    pub format: Format,
    pub jobs: usize,
    pub write: WriteOptions,
    pub on_error: OnError,
}

/// Shows a progress bar on stderr, but only once the work has taken more
/// than a moment, so quick runs and pipes print nothing extra.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    visible: bool,
}

const PROGRESS_DELAY: Duration = Duration::from_millis(800);

impl Progress {
    fn new(enabled: bool, total: Option<u64>) -> Progress {
        let bar = enabled.then(|| {
            let bar = match total {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            };
            let template = if total.is_some() {
                "{elapsed_precise} [{bar:40}] {pos}/{len} documents, eta {eta}"
            } else {
                "{elapsed_precise} {spinner} {pos} documents"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            visible: false,
        }
    }

    fn inc(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if !self.visible && self.started.elapsed() > PROGRESS_DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                self.visible = true;
            }
        }
    }

    /// Prints a line on stderr without tearing the bar.
    fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) if self.visible => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The stderr line for a failed document (read failures already name
/// their place, e.g. `stdin:2: not valid JSON`, which is also their id).
pub fn failure_line(id: &str, message: &str) -> String {
    if message.starts_with(id) && !id.is_empty() {
        format!("lede: {message}")
    } else {
        format!("lede: {id}: {message}")
    }
}

/// `{"id": ..., "error": ...}` and a newline, id first.
fn error_record(id: &str, message: &str, out: &mut String) {
    let quote = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    out.push_str(&format!(
        "{{\"id\":{},\"error\":{}}}\n",
        quote(id),
        quote(message)
    ));
}

/// Writes one annotated document as a JSONL line straight to `out` (no
/// string of the whole record is built). A document whose kept metadata
/// would repeat a key is refused before anything is written.
fn write_jsonl(out: &mut dyn Write, doc: &Document, opts: &WriteOptions) -> Result<(), WriteError> {
    let json = DocumentJson::new(doc, opts)?;
    // serde_json writes many small pieces; a buffer of a known type in
    // front of the `dyn Write` keeps each one an inlined copy rather than a
    // dynamic call (it holds 64 KB, never the whole record).
    let mut buffered = BufWriter::with_capacity(1 << 16, &mut *out);
    json.write_to(&mut buffered)?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}

fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>, Fatal> {
    Ok(match path {
        Some(p) => {
            let file = File::create(p).map_err(|e| Fatal(format!("{}: {e}", p.display())))?;
            Box::new(BufWriter::with_capacity(1 << 16, file))
        }
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
    })
}

pub fn run(
    pipeline: &Pipeline,
    sources: Vec<Source>,
    opts: &RunOptions,
) -> Result<ExitCode, Fatal> {
    let mut out = open_output(opts.output.as_ref())?;
    let show_progress =
        io::stderr().is_terminal() && (opts.output.is_some() || !io::stdout().is_terminal());
    let total = sources
        .iter()
        .all(Source::is_text)
        .then_some(sources.len() as u64);
    let mut progress = Progress::new(show_progress, total);

    let reader = DocumentReader::new(sources);
    let stop = reader.stop_flag();
    let mut line = String::new();
    let mut done = 0usize;
    let mut failed = 0usize;
    let mut write_error: Option<io::Error> = None;

    run_ordered(pipeline, reader, opts.jobs, |outcome| {
        if write_error.is_some() || stop.load(Ordering::Relaxed) {
            return; // documents already in flight after a stop
        }
        line.clear();
        let failure = match outcome {
            Outcome::Done(doc) => match opts.format {
                Format::Jsonl => match write_jsonl(&mut out, &doc, &opts.write) {
                    Ok(()) => None,
                    Err(WriteError::Io(e)) => {
                        write_error = Some(e);
                        stop.store(true, Ordering::Relaxed);
                        return;
                    }
                    Err(refused) => Some((doc.id, refused.to_string())),
                },
                Format::Pretty => {
                    line.push_str(&pretty::render(&doc));
                    None
                }
            },
            Outcome::Failed { id, error } => Some((id, error.to_string())),
        };
        match failure {
            None => done += 1,
            Some((id, message)) => {
                failed += 1;
                progress.message(&failure_line(&id, &message));
                match opts.on_error {
                    OnError::Record => match opts.format {
                        Format::Jsonl => {
                            error_record(&id, &message, &mut line);
                        }
                        Format::Pretty => {
                            line.push_str(&format!("━━ {id} ━━ FAILED: {message}\n\n"))
                        }
                    },
                    OnError::Skip => {}
                    OnError::Stop => stop.store(true, Ordering::Relaxed),
                }
            }
        }
        progress.inc();
        if let Err(e) = out.write_all(line.as_bytes()).and_then(|()| out.flush()) {
            write_error = Some(e);
            stop.store(true, Ordering::Relaxed);
        }
    });
    progress.finish();
    if let Err(e) = out.flush() {
        write_error.get_or_insert(e);
    }
    if let Some(e) = write_error {
        // A reader that went away (`lede run ... | head`) is not an error.
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::from(EXIT_OK));
        }
        return Err(Fatal(format!("cannot write output: {e}")));
    }
    if failed > 0 {
        let mut summary = format!("lede: {failed} of {} documents failed", done + failed);
        if opts.on_error == OnError::Stop {
            summary.push_str("; stopped at the first failure (--on-error stop)");
        }
        eprintln!("{summary}");
        if opts.on_error != OnError::Record {
            return Ok(ExitCode::from(EXIT_DOCS_FAILED));
        }
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// `lede run` from its arguments: checks `--keep` against the keys the
/// pipeline writes, then streams.
pub fn command(args: RunArgs) -> Result<ExitCode, Fatal> {
    let (pipeline, inputs) = split_pipeline(&args.args)?;
    let pipeline = load_pipeline(pipeline.as_deref())?;
    let sources = expand_inputs(&inputs)?;
    // In a pipe the output stays one-to-one with the input (see docs/cli.md).
    let default_on_error = if sources.contains(&Source::Stdin) {
        OnError::Record
    } else {
        OnError::Skip
    };
    // A kept field may not take a key the record writes itself; `--keep *`
    // is checked per document when it is written.
    for field in &args.keep {
        let produced = pipeline
            .stages()
            .iter()
            .any(|s| s.produces().contains(field));
        if RESERVED_KEYS.contains(&field.as_str()) || produced {
            return Err(Fatal(format!(
                "--keep {field}: \"{field}\" is a key lede writes itself (id, text, error or a layer of this pipeline)"
            )));
        }
    }
    let keep = if args.keep.iter().any(|k| k == "*") {
        KeepMetadata::All
    } else if args.keep.is_empty() {
        KeepMetadata::None
    } else {
        KeepMetadata::Fields(args.keep)
    };
    let options = RunOptions {
        output: args.output,
        format: args.format,
        jobs: args.jobs.max(1),
        write: WriteOptions {
            offsets: args.offsets.unit(),
            include_text: !args.no_text,
            keep,
        },
        on_error: args.on_error.unwrap_or(default_on_error),
    };
    run(&pipeline, sources, &options)
}
