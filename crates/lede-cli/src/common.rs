//! What several commands share: the `[PIPELINE.toml] INPUT...` arguments,
//! loading a pipeline and expanding inputs.

use std::path::{Path, PathBuf};

use lede_runner::input::{expand, Source};
use lede_runner::Pipeline;

use crate::Fatal;

/// Splits `[PIPELINE.toml] INPUT...`: the first argument is a pipeline when
/// it ends in `.toml`.
pub fn split_pipeline(args: &[String]) -> Result<(Option<PathBuf>, Vec<String>), Fatal> {
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
pub fn load_pipeline(path: Option<&Path>) -> Result<Pipeline, Fatal> {
    match path {
        Some(p) => Pipeline::from_file(p),
        None => Pipeline::default_news(),
    }
    .map_err(|e| Fatal(e.to_string()))
}

pub fn expand_inputs(inputs: &[String]) -> Result<Vec<Source>, Fatal> {
    let sources = expand(inputs).map_err(|e| Fatal(e.to_string()))?;
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(Fatal("- (stdin) can be given only once".into()));
    }
    Ok(sources)
}

pub fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}
