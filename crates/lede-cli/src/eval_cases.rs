//! `lede eval --cases`: runs a pipeline over the texts of a number case
//! suite and reports, per model, how many cases are right (see
//! `lede_eval::cases` for what counts as right).

use std::path::Path;
use std::process::ExitCode;

use lede_core::Document;
use lede_eval::cases::{parse_cases, score_case, CasesReport};
use lede_runner::{run_ordered, Outcome};

use crate::{load_pipeline, Fatal, EXIT_DOCS_FAILED, EXIT_OK};

pub fn eval_cases(
    path: &Path,
    pipeline: Option<&Path>,
    json: bool,
    jobs: usize,
) -> Result<ExitCode, Fatal> {
    let pipeline = load_pipeline(pipeline)?;
    let source =
        std::fs::read_to_string(path).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    let cases = parse_cases(&source).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    if cases.is_empty() {
        return Err(Fatal(format!("{}: no cases", path.display())));
    }
    let inputs = cases
        .iter()
        .map(|c| Ok(Document::new(c.id.clone(), c.text.clone())));
    let mut report = CasesReport::default();
    let mut failed = 0usize;
    let mut next = 0usize;
    run_ordered(&pipeline, inputs, jobs.max(1), |outcome| {
        let Some(case) = cases.get(next) else { return };
        next += 1;
        let found = match outcome {
            Outcome::Done(doc) => doc.layers.numbers.unwrap_or_default(),
            Outcome::Failed { id, error } => {
                eprintln!("lede: {id}: {error} (scored as finding nothing)");
                failed += 1;
                Vec::new()
            }
        };
        report.add(score_case(case, &found));
    });
    if json {
        let mut value = report.to_json();
        value["pipeline"] = pipeline.name().into();
        value["cases"] = path.display().to_string().into();
        println!("{value}");
    } else {
        println!("pipeline {} on {}", pipeline.name(), path.display());
        print!("{}", report.to_text(true));
    }
    Ok(ExitCode::from(if failed > 0 {
        EXIT_DOCS_FAILED
    } else {
        EXIT_OK
    }))
}
