//! `lede train ner`: train the entity tagger (lede_ner::train does the work).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::{Fatal, EXIT_DOCS_FAILED, EXIT_OK};

pub fn ner(
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
