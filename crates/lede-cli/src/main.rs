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
mod check;
mod common;
mod eval;
mod eval_cases;
mod plugin_new;
mod pretty;
mod render;
mod run;
mod stages;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::run::{Format, OnError};
use clap::{Parser, Subcommand};
use lede_core::json::OffsetUnit;

pub(crate) use common::load_pipeline;

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
pub enum LabelMapArg {
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
pub struct RunArgs {
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
pub struct BenchArgs {
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
        Command::Run(args) => run::command(args),
        Command::Check { pipeline } => check::run(&pipeline),
        Command::Stages => {
            stages::run();
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
            (Some(gold), None) => eval::run(&gold, pipeline.as_deref(), map, json, jobs),
            (None, None) => Err(Fatal("lede eval needs --gold or --cases".to_string())),
        },
        Command::Bench(args) => bench::command(args),
        Command::Train {
            model:
                TrainModel::Ner {
                    train,
                    dev,
                    output,
                    epochs,
                    seed,
                },
        } => train::ner(train, dev, output, epochs, seed),
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
        } => render::run(&args, from.as_deref(), &output, offsets.unit(), jobs.max(1)),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("lede: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
