//! Renders a JSONL file of annotated documents (e.g. corpus/seeds/gold.jsonl,
//! code-point offsets) as one HTML page:
//!
//! cargo run -p lede-render --example render_gold -- corpus/seeds/gold.jsonl out.html

use std::process::ExitCode;

use lede_core::json::{from_json, OffsetUnit};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: render_gold INPUT.jsonl OUTPUT.html");
        return ExitCode::from(2);
    };
    let src = match std::fs::read_to_string(input) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match from_json(line, OffsetUnit::CodePoints) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                eprintln!("{input}:{}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        }
    }
    let started = std::time::Instant::now();
    let html = lede_render::render_html(&docs);
    let took = started.elapsed();
    if let Err(e) = std::fs::write(output, html) {
        eprintln!("{output}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {output} ({} documents, rendered in {:.3} s)",
        docs.len(),
        took.as_secs_f64()
    );
    ExitCode::SUCCESS
}
