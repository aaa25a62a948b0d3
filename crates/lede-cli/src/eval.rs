//! `lede eval --gold`: run a pipeline over gold texts and score what it
//! finds (precision, recall and F1 per layer, through lede-eval).

use std::path::Path;
use std::process::ExitCode;

use lede_core::json::OffsetUnit;
use lede_core::Document;
use lede_runner::input::read_jsonl_file;
use lede_runner::{run_ordered, Outcome};

use crate::common::load_pipeline;
use crate::{Fatal, LabelMapArg, EXIT_DOCS_FAILED, EXIT_OK};

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

pub fn run(
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
