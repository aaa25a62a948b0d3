//! `lede`: the command-line tool. It runs pipelines over text files,
//! directories and JSONL (files or stdin), checks pipeline files, lists the
//! built-in stages, scores a pipeline against gold annotations, measures
//! throughput, trains the NER model and renders HTML views.
//!
//! It does no language processing itself: the stages do, lede-runner
//! composes them, lede-eval scores and lede-render draws. Exit codes: 0 ok,
//! 1 some documents failed (each reported on stderr), 2 usage or pipeline
//! error. See docs/cli.md.

#![forbid(unsafe_code)]

mod bench;
mod eval_cases;
mod plugin_new;
mod pretty;
mod run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::run::{Format, OnError, RunOptions};
use clap::{Parser, Subcommand};
use lede_core::json::{KeepMetadata, OffsetUnit, WriteOptions, RESERVED_KEYS};
use lede_core::{Document, OptionValue};
use lede_runner::input::{expand, read_jsonl_file, DocumentReader, Source};
use lede_runner::{builtin_stages, run_ordered, Outcome, Pipeline};

pub const EXIT_OK: u8 = 0;
pub const EXIT_DOCS_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// An error that ends the command with exit code 2 (usage, pipeline or
/// output error); the message is printed on stderr.
#[derive(Debug)]
pub struct Fatal(pub String);

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "Reads news: sentences and tokens, entities, numbers and who said what.",
    after_help = "Exit codes: 0 ok, 1 some documents failed, 2 usage or pipeline error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Offsets {
    /// Unicode code points (Python's text[start:end]).
    Codepoints,
    /// UTF-8 bytes.
    Bytes,
}

impl Offsets {
    fn unit(self) -> OffsetUnit {
        match self {
            Offsets::Codepoints => OffsetUnit::CodePoints,
            Offsets::Bytes => OffsetUnit::Bytes,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LabelMapArg {
    /// Compare OntoNotes labels as they are.
    Ontonotes,
    /// Map both sides to CoNLL PER/ORG/LOC/MISC.
    Conll,
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[derive(Subcommand)]
enum Command {
    /// Run a pipeline over inputs and write annotations (JSONL by default).
    Run(RunArgs),
    /// Validate a pipeline file and show its stages.
    Check {
        #[arg(value_name = "PIPELINE.toml")]
        pipeline: PathBuf,
    },
    /// List the built-in stages with their options and defaults.
    Stages,
    /// Score a pipeline against gold annotations (P/R/F1 per layer).
    Eval {
        /// Gold JSONL (code-point offsets; see docs/annotations.md).
        #[arg(long, value_name = "GOLD.jsonl", required_unless_present = "cases")]
        gold: Option<PathBuf>,
        /// Score number cases instead (JSONL of texts with the numbers one
        /// model kind expects; see docs/cli.md): right cases per model.
        #[arg(long, value_name = "CASES.jsonl", conflicts_with = "gold")]
        cases: Option<PathBuf>,
        /// Pipeline to score (default: the built-in news pipeline).
        #[arg(value_name = "PIPELINE.toml")]
        pipeline: Option<PathBuf>,
        /// Entity label set to compare.
        #[arg(long, value_enum, default_value_t = LabelMapArg::Ontonotes)]
        map: LabelMapArg,
        /// Print machine-readable JSON.
        #[arg(long)]
        json: bool,
        /// Worker threads (default: the number of cores).
        #[arg(short, long, default_value_t = default_jobs())]
        jobs: usize,
    },
    /// Measure per-stage and whole-pipeline throughput in memory.
    Bench(BenchArgs),
    /// Train a model.
    Train {
        #[command(subcommand)]
        model: TrainModel,
    },
    /// Work on plugins: `lede plugin new NAME` writes a plugin crate.
    Plugin {
        #[command(subcommand)]
        action: PluginAction,
    },
    /// Write an HTML view of annotated documents.
    Render {
        /// An optional pipeline file (ending in .toml), then inputs as for run.
        #[arg(value_name = "[PIPELINE.toml] INPUT")]
        args: Vec<String>,
        /// Render existing `lede run` output instead of running a pipeline.
        #[arg(long, value_name = "ANNOTATIONS.jsonl", conflicts_with = "args")]
        from: Option<PathBuf>,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Offset unit of the --from file.
        #[arg(long, value_enum, default_value_t = Offsets::Codepoints)]
        offsets: Offsets,
        /// Worker threads (default: the number of cores).
        #[arg(short, long, default_value_t = default_jobs())]
        jobs: usize,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// An optional pipeline file (first, ending in .toml), then inputs:
    /// .txt files, directories (all .txt inside, recursive, sorted),
    /// .jsonl files, or - for JSONL on stdin.
    #[arg(value_name = "[PIPELINE.toml] INPUT", required = true)]
    args: Vec<String>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Worker threads (default: the number of cores).
    #[arg(short, long, default_value_t = default_jobs())]
    jobs: usize,
    /// Unit of start/end offsets in the output.
    #[arg(long, value_enum, default_value_t = Offsets::Codepoints)]
    offsets: Offsets,
    /// Input fields to copy to the output (comma-separated; * for all).
    #[arg(long, value_name = "FIELDS", value_delimiter = ',')]
    keep: Vec<String>,
    /// Leave the document text out of the output.
    #[arg(long)]
    no_text: bool,
    /// What to do with a failing document [default: record when reading
    /// stdin (-), skip otherwise].
    #[arg(long, value_enum)]
    on_error: Option<OnError>,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// An optional pipeline file (ending in .toml), then inputs as for run.
    #[arg(value_name = "[PIPELINE.toml] INPUT", required = true)]
    args: Vec<String>,
    /// Hold the inputs this many times over.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Times the whole set is processed; figures are averaged.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Worker threads.
    #[arg(short, long, default_value_t = 1)]
    jobs: usize,
    /// Print machine-readable JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum PluginAction {
    /// Write a plugin crate that builds, tests and runs as generated.
    New {
        /// The plugin's name, also its layer name (`topics`).
        name: String,
        /// Where to write it [default: ./NAME].
        #[arg(long, value_name = "DIR")]
        path: Option<PathBuf>,
        /// The lede-plugin crate to depend on [default: the one this lede
        /// was built from].
        #[arg(long, value_name = "DIR")]
        lede_plugin: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TrainModel {
    /// Train the entity tagger from CoNLL-style JSONL.
    ///
    /// Both files are JSONL, one document a line, in the format `lede run`
    /// writes (offsets in code points): `text` plus the `sentences`, `tokens`
    /// and `entities` layers, e.g. {"id": "d1", "text": "Hamas said .",
    /// "sentences": [[0, 12]], "tokens": [[0, 5], [6, 10], [11, 12]],
    /// "entities": [{"start": 0, "end": 5, "label": "ORG"}]}. Labels are
    /// PER, ORG, LOC, MISC or the OntoNotes names (mapped to those four).
    /// Every entity must start and end on token boundaries inside one
    /// sentence. A file with no document, no token or no entity, a line
    /// without those layers or with an unknown label is refused (exit 1).
    /// The same files, epochs and seed give the same model bytes.
    Ner {
        /// Training documents (sentences, tokens, entities on every line).
        #[arg(long, value_name = "TRAIN.jsonl")]
        train: PathBuf,
        /// Held-out documents in the same format; the epoch that scores best
        /// on them is kept.
        #[arg(long, value_name = "DEV.jsonl")]
        dev: PathBuf,
        /// Where to write the model (load it with the stage's `model` option).
        #[arg(short, long, value_name = "MODEL")]
        output: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = lede_ner::train::DEFAULT_EPOCHS)]
        epochs: usize,
        /// Seed of the sentence shuffle.
        #[arg(long, default_value_t = lede_ner::train::DEFAULT_SEED)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run_command(args),
        Command::Check { pipeline } => check(&pipeline),
        Command::Stages => {
            stages();
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Eval {
            gold,
            cases,
            pipeline,
            map,
            json,
            jobs,
        } => match (gold, cases) {
            (_, Some(cases)) => eval_cases::eval_cases(&cases, pipeline.as_deref(), json, jobs),
            (Some(gold), None) => eval(&gold, pipeline.as_deref(), map, json, jobs),
            (None, None) => Err(Fatal("lede eval needs --gold or --cases".to_string())),
        },
        Command::Bench(args) => bench_command(args),
        Command::Train {
            model:
                TrainModel::Ner {
                    train,
                    dev,
                    output,
                    epochs,
                    seed,
                },
        } => train_ner(train, dev, output, epochs, seed),
        Command::Plugin {
            action:
                PluginAction::New {
                    name,
                    path,
                    lede_plugin,
                },
        } => plugin_new::run(&name, path.as_deref(), lede_plugin.as_deref()),
        Command::Render {
            args,
            from,
            output,
            offsets,
            jobs,
        } => render(&args, from.as_deref(), &output, offsets.unit(), jobs.max(1)),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("lede: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run_command(args: RunArgs) -> Result<ExitCode, Fatal> {
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
    run::run(&pipeline, sources, &options)
}

fn bench_command(args: BenchArgs) -> Result<ExitCode, Fatal> {
    let (pipeline, inputs) = split_pipeline(&args.args)?;
    let pipeline = load_pipeline(pipeline.as_deref())?;
    let sources = expand_inputs(&inputs)?;
    let options = bench::BenchOptions {
        repeat: args.repeat,
        rounds: args.rounds,
        jobs: args.jobs.max(1),
        json: args.json,
    };
    bench::bench(&pipeline, sources, &options)
}

/// Splits `[PIPELINE.toml] INPUT...`: the first argument is a pipeline when
/// it ends in `.toml`.
fn split_pipeline(args: &[String]) -> Result<(Option<PathBuf>, Vec<String>), Fatal> {
    let (pipeline, inputs) = match args.split_first() {
        Some((first, rest)) if first.ends_with(".toml") => {
            (Some(PathBuf::from(first)), rest.to_vec())
        }
        _ => (None, args.to_vec()),
    };
    if inputs.is_empty() {
        return Err(Fatal(
            "no INPUT given: name .txt files, directories, .jsonl files, or - for JSONL on stdin"
                .into(),
        ));
    }
    Ok((pipeline, inputs))
}

/// The pipeline in `path`, or the built-in news pipeline.
fn load_pipeline(path: Option<&Path>) -> Result<Pipeline, Fatal> {
    match path {
        Some(p) => Pipeline::from_file(p),
        None => Pipeline::default_news(),
    }
    .map_err(|e| Fatal(e.to_string()))
}

fn expand_inputs(inputs: &[String]) -> Result<Vec<Source>, Fatal> {
    let sources = expand(inputs).map_err(|e| Fatal(e.to_string()))?;
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(Fatal("- (stdin) can be given only once".into()));
    }
    Ok(sources)
}

fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

fn check(path: &Path) -> Result<ExitCode, Fatal> {
    let pipeline = load_pipeline(Some(path))?;
    let stages = pipeline.stages();
    println!(
        "{}: pipeline \"{}\" is valid, {} stage{}",
        path.display(),
        pipeline.name(),
        stages.len(),
        if stages.len() == 1 { "" } else { "s" }
    );
    if let Some(d) = pipeline.description() {
        println!("  {d}");
    }
    let width = stages
        .iter()
        .map(|s| s.id().len())
        .max()
        .unwrap_or(0)
        .max(5);
    let req_width = stages
        .iter()
        .map(|s| join_or_dash(s.requires()).len())
        .max()
        .unwrap_or(0);
    for (i, stage) in stages.iter().enumerate() {
        println!(
            "{:>3}. {:<width$}  requires: {:<req_width$}  produces: {}",
            i + 1,
            stage.id(),
            join_or_dash(stage.requires()),
            join_or_dash(stage.produces())
        );
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn format_option_value(value: &OptionValue) -> String {
    value.to_string()
}

fn stages() {
    for info in builtin_stages() {
        println!("{} — {}", info.id, info.description);
        let strs = |xs: &[lede_core::LayerId]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        println!("    requires: {}", join_or_dash(&strs(info.requires)));
        println!("    produces: {}", join_or_dash(&strs(info.produces)));
        if info.options.is_empty() {
            println!("    options:  none");
        } else {
            println!("    options:");
            for opt in &info.options {
                let default = match &opt.default {
                    Some(v) => format!("default {}", format_option_value(v)),
                    None => "no default".to_string(),
                };
                println!(
                    "      {} ({}, {}): {}",
                    opt.name, opt.kind, default, opt.help
                );
            }
        }
        println!();
    }
}

/// Reads a gold JSONL file (code-point offsets); a bad line is an error
/// naming the file and line.
fn read_gold(path: &Path) -> Result<Vec<Document>, Fatal> {
    let records =
        read_jsonl_file(path, OffsetUnit::CodePoints).map_err(|e| Fatal(e.to_string()))?;
    let docs = records
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Fatal(e.to_string()))?;
    if docs.is_empty() {
        return Err(Fatal(format!("{}: no gold documents", path.display())));
    }
    Ok(docs)
}

fn eval(
    gold_path: &Path,
    pipeline: Option<&Path>,
    map: LabelMapArg,
    json: bool,
    jobs: usize,
) -> Result<ExitCode, Fatal> {
    let pipeline = load_pipeline(pipeline)?;
    let gold = read_gold(gold_path)?;
    let inputs = gold.iter().map(|g| {
        let mut doc = Document::new(g.id.clone(), g.text.clone());
        doc.metadata = g.metadata.clone();
        Ok(doc)
    });
    let mut predicted: Vec<Document> = Vec::with_capacity(gold.len());
    let mut failed = 0usize;
    run_ordered(&pipeline, inputs, jobs.max(1), |outcome| match outcome {
        Outcome::Done(doc) => predicted.push(doc),
        Outcome::Failed { id, error } => {
            eprintln!("lede: {id}: {error} (scored as finding nothing)");
            failed += 1;
            let text = gold
                .get(predicted.len())
                .map(|g| g.text.clone())
                .unwrap_or_default();
            predicted.push(Document::new(id, text));
        }
    });
    let map = match map {
        LabelMapArg::Ontonotes => lede_eval::LabelMap::OntoNotes,
        LabelMapArg::Conll => lede_eval::LabelMap::Conll,
    };
    let report = lede_eval::evaluate(&gold, &predicted, map).map_err(|e| Fatal(e.to_string()))?;
    if json {
        let mut value = report.to_json();
        value["pipeline"] = pipeline.name().into();
        value["gold"] = gold_path.display().to_string().into();
        println!("{value}");
    } else {
        println!("pipeline {} on {}", pipeline.name(), gold_path.display());
        print!("{}", report.to_text());
    }
    Ok(ExitCode::from(if failed > 0 {
        EXIT_DOCS_FAILED
    } else {
        EXIT_OK
    }))
}

fn train_ner(
    train: PathBuf,
    dev: PathBuf,
    output: PathBuf,
    epochs: usize,
    seed: u64,
) -> Result<ExitCode, Fatal> {
    let config = lede_ner::train::TrainConfig {
        train,
        dev,
        output,
        epochs,
        seed,
    };
    let mut log = |line: &str| println!("{line}");
    match lede_ner::train::train(&config, &mut log) {
        Ok(()) => {
            eprintln!("lede: model written to {}", config.output.display());
            Ok(ExitCode::from(EXIT_OK))
        }
        Err(message) => {
            eprintln!("lede: training failed: {message}");
            Ok(ExitCode::from(EXIT_DOCS_FAILED))
        }
    }
}

fn render(
    args: &[String],
    from: Option<&Path>,
    output: &Path,
    unit: OffsetUnit,
    jobs: usize,
) -> Result<ExitCode, Fatal> {
    let mut docs = Vec::new();
    let mut failed = 0usize;
    if let Some(path) = from {
        for record in read_jsonl_file(path, unit).map_err(|e| Fatal(e.to_string()))? {
            match record {
                Ok(doc) => docs.push(doc),
                Err(e) => {
                    failed += 1;
                    eprintln!("lede: {e}");
                }
            }
        }
    } else {
        if args.is_empty() {
            return Err(Fatal(
                "give inputs to annotate, or --from ANNOTATIONS.jsonl".into(),
            ));
        }
        let (pipeline, inputs) = split_pipeline(args)?;
        let pipeline = load_pipeline(pipeline.as_deref())?;
        let sources = expand_inputs(&inputs)?;
        run_ordered(
            &pipeline,
            DocumentReader::new(sources),
            jobs,
            |outcome| match outcome {
                Outcome::Done(doc) => docs.push(doc),
                Outcome::Failed { id, error } => {
                    failed += 1;
                    eprintln!("lede: {id}: {error}");
                }
            },
        );
    }
    let html = lede_render::render_html(&docs);
    std::fs::write(output, html).map_err(|e| Fatal(format!("{}: {e}", output.display())))?;
    eprintln!(
        "lede: wrote {} documents to {}",
        docs.len(),
        output.display()
    );
    Ok(ExitCode::from(if failed > 0 {
        EXIT_DOCS_FAILED
    } else {
        EXIT_OK
    }))
}
