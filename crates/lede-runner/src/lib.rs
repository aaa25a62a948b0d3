//! lede-runner: turns a pipeline TOML file into a checked sequence of stages
//! and runs documents through it, in parallel, in input order.
//!
//! It owns the registry of built-in stages, the pipeline file format (see
//! docs/pipelines.md), build-time checks (unknown keys and stage ids, option
//! types, layer order) with file:line:column errors, and batch execution with
//! bounded memory, and the readers of its inputs ([`input`]: .txt files,
//! directories, JSONL files and streams). It does not write output: the CLI
//! does, through lede-core's streaming JSON writer.

mod diagnostics;
mod error;
mod exec;
pub mod input;
mod pipeline;
mod pipeline_file;
pub mod plugin_host;
mod registry;

pub use diagnostics::{Code, Diagnostic, PipelineError};
pub use error::DocumentError;
pub use exec::{
    process_one, run_ordered, run_ordered_timed, Failure, Input, InputFailure, Outcome, StageTimes,
};
pub use pipeline::{BuildError, Pipeline, PipelineStage, DEFAULT_PIPELINE_TOML};
pub use registry::builtin_stages;
