//! `lede render`: annotate inputs (or read `lede run` output) and write the
//! HTML view lede-render draws.

use std::path::Path;
use std::process::ExitCode;

use lede_core::json::OffsetUnit;
use lede_runner::input::{read_jsonl_file, DocumentReader};
use lede_runner::{run_ordered, Outcome};

use crate::common::{expand_inputs, load_pipeline, split_pipeline};
use crate::{Fatal, EXIT_DOCS_FAILED, EXIT_OK};

pub fn run(
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
