//! Reading the unlabelled news the data-building examples learn from: JSONL
//! files with a `text` field per line (the format `lede` reads and writes).

use lede_core::json::{from_json, OffsetUnit};

/// Calls `f` with the text of every document of the files, in order; exits
/// with a message naming the file (and line) it cannot read.
pub fn for_each_text(paths: impl Iterator<Item = String>, mut f: impl FnMut(&str)) {
    for path in paths {
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        for (n, line) in src.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match from_json(line, OffsetUnit::CodePoints) {
                Ok(doc) => f(&doc.text),
                Err(e) => {
                    eprintln!("{path}:{}: {e}", n + 1);
                    std::process::exit(1);
                }
            }
        }
    }
}
