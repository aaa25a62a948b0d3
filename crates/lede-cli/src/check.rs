//! `lede check`: validate a pipeline file and show each stage's layers.

use std::path::Path;
use std::process::ExitCode;

use crate::common::{join_or_dash, load_pipeline};
use crate::{Fatal, EXIT_OK};

pub fn run(path: &Path) -> Result<ExitCode, Fatal> {
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
