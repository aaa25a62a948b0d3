//! Reading documents from the command line's inputs, lazily: a directory is
//! listed up front (paths only), but a file's text or a JSONL line is read
//! only when the next document is asked for, so memory does not grow with
//! the input.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use lede_core::Document;
use serde_json::Value;

/// One input named on the command line, after directories are expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A plain text file: one document, id = file name without extension.
    Text(PathBuf),
    /// A JSONL file: one document per non-blank line.
    Jsonl(PathBuf),
    /// JSONL on standard input (`-`).
    Stdin,
}

impl Source {
    /// True for inputs whose number of documents is known before reading.
    pub fn is_text(&self) -> bool {
        matches!(self, Source::Text(_))
    }
}

/// A document that could not be read; it keeps its place in the input order.
pub use lede_runner::InputFailure as ReadFailure;

/// Turns command-line inputs into sources: `-` is stdin, a directory gives
/// all `.txt` files below it (recursive, sorted by path), a `.jsonl` file is
/// JSONL, any other file is plain text. A path that does not exist is an
/// error (a usage error: nothing has been read yet).
pub fn expand(inputs: &[String]) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        let meta = std::fs::metadata(&path).map_err(|e| format!("{input}: {e}"))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_txt(&path, &mut files).map_err(|e| format!("{input}: {e}"))?;
            files.sort();
            if files.is_empty() {
                return Err(format!("{input}: the directory holds no .txt files"));
            }
            sources.extend(files.into_iter().map(Source::Text));
        } else if has_extension(&path, "jsonl") || has_extension(&path, "ndjson") {
            sources.push(Source::Jsonl(path));
        } else {
            sources.push(Source::Text(path));
        }
    }
    Ok(sources)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if has_extension(&path, "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// A file name without its extension (the id of a `.txt` document).
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads one text file as one document. Invalid UTF-8 fails the document
/// with the byte offset of the first bad byte; an empty file is an empty
/// document.
pub fn read_text_file(path: &Path) -> Result<Document, ReadFailure> {
    let id = stem(path);
    let bytes = std::fs::read(path).map_err(|e| ReadFailure {
        id: id.clone(),
        message: format!("{}: {e}", path.display()),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document::new(id, text)),
        Err(e) => Err(ReadFailure {
            message: format!(
                "{}: invalid UTF-8 at byte offset {}",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
            id,
        }),
    }
}

/// Builds a document from one JSONL line: `text` is required, `id` may be a
/// string or a number (when absent the id is `<name>:<line>`), and every
/// other field goes to the document's metadata.
pub fn parse_jsonl_line(
    line: &[u8],
    name: &str,
    id_prefix: &str,
    line_no: usize,
) -> Result<Document, ReadFailure> {
    let fallback_id = format!("{id_prefix}:{line_no}");
    let fail = |id: &str, message: String| ReadFailure {
        id: id.to_string(),
        message: format!("{name}:{line_no}: {message}"),
    };
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return Err(fail(
                &fallback_id,
                format!(
                    "invalid UTF-8 at byte offset {} of the line",
                    e.valid_up_to()
                ),
            ))
        }
    };
    let value: Value = serde_json::from_str(line)
        .map_err(|e| fail(&fallback_id, format!("not valid JSON: {e}")))?;
    let Value::Object(mut fields) = value else {
        return Err(fail(&fallback_id, "expected a JSON object".to_string()));
    };
    let id = match fields.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => fallback_id.clone(),
        Some(_) => {
            return Err(fail(
                &fallback_id,
                "field \"id\" must be a string or a number".to_string(),
            ))
        }
    };
    let text = match fields.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(fail(&id, "field \"text\" must be a string".to_string())),
        None => return Err(fail(&id, "missing field \"text\"".to_string())),
    };
    let mut doc = Document::new(id, text);
    doc.metadata.extend(fields);
    Ok(doc)
}

struct LineSource {
    /// How error messages name the input (a path or "stdin").
    name: String,
    /// The prefix of generated ids.
    id_prefix: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
}

/// An iterator over the documents of a list of sources, reading lazily and
/// in order. Failures are yielded in place so the output keeps the input
/// order. Once `stop` is set it ends early.
pub struct DocumentReader {
    sources: std::vec::IntoIter<Source>,
    current: Option<LineSource>,
    buf: Vec<u8>,
    stop: Arc<AtomicBool>,
}

impl DocumentReader {
    pub fn new(sources: Vec<Source>) -> DocumentReader {
        DocumentReader {
            sources: sources.into_iter(),
            current: None,
            buf: Vec::new(),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A flag that ends the iteration when set (used by `--on-error stop`
    /// and when the output is closed).
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// The next line of the current JSONL source, or `None` at its end.
    fn next_line(&mut self) -> Option<Result<Document, ReadFailure>> {
        let src = self.current.as_mut()?;
        loop {
            self.buf.clear();
            match src.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {
                    src.line_no += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue; // blank lines are not records
                    }
                    return Some(parse_jsonl_line(
                        &self.buf,
                        &src.name,
                        &src.id_prefix,
                        src.line_no,
                    ));
                }
                Err(e) => {
                    let failure = ReadFailure {
                        id: format!("{}:{}", src.id_prefix, src.line_no + 1),
                        message: format!(
                            "{}: read error after line {}: {e}",
                            src.name, src.line_no
                        ),
                    };
                    // A stream that failed cannot be resumed reliably.
                    self.current = None;
                    return Some(Err(failure));
                }
            }
        }
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, ReadFailure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            if self.current.is_some() {
                match self.next_line() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.sources.next()? {
                Source::Text(path) => return Some(read_text_file(&path)),
                Source::Jsonl(path) => match File::open(&path) {
                    Ok(file) => {
                        self.current = Some(LineSource {
                            name: path.display().to_string(),
                            id_prefix: stem(&path),
                            reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                            line_no: 0,
                        })
                    }
                    Err(e) => {
                        return Some(Err(ReadFailure {
                            id: stem(&path),
                            message: format!("{}: {e}", path.display()),
                        }))
                    }
                },
                Source::Stdin => {
                    self.current = Some(LineSource {
                        name: "stdin".to_string(),
                        id_prefix: "stdin".to_string(),
                        reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                        line_no: 0,
                    })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_fields_become_metadata_and_ids_are_kept() {
        let line = br#"{"id": 7, "text": "Hamas accepted the proposal.", "date": "2025-07-04", "url": "https://example.org/a"}"#;
        let doc = parse_jsonl_line(line, "in.jsonl", "in", 3).unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.text, "Hamas accepted the proposal.");
        assert_eq!(doc.meta_str("date"), Some("2025-07-04"));
        assert_eq!(doc.meta_str("url"), Some("https://example.org/a"));
        assert!(doc.layers.sentences.is_none());
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        let err = parse_jsonl_line(b"{\"id\": \"a\", \"txt\": \"typo\"}", "in.jsonl", "in", 12)
            .unwrap_err();
        assert_eq!(err.id, "a");
        assert_eq!(err.message, "in.jsonl:12: missing field \"text\"");
        let err = parse_jsonl_line(b"{\"id\": \"a\", \"text\": ", "in.jsonl", "in", 4).unwrap_err();
        assert_eq!(err.id, "in:4");
        assert!(
            err.message.starts_with("in.jsonl:4: not valid JSON"),
            "{}",
            err.message
        );
        let err = parse_jsonl_line(b"[1, 2]", "stdin", "stdin", 1).unwrap_err();
        assert_eq!(err.message, "stdin:1: expected a JSON object");
        let err = parse_jsonl_line(b"{\"text\": \"caf\xe9\"}", "stdin", "stdin", 2).unwrap_err();
        assert!(
            err.message.contains("invalid UTF-8 at byte offset 13"),
            "{}",
            err.message
        );
    }

    #[test]
    fn missing_ids_are_made_from_name_and_line() {
        let doc = parse_jsonl_line(
            br#"{"text": "Talks resume in Cairo."}"#,
            "stdin",
            "stdin",
            5,
        )
        .unwrap();
        assert_eq!(doc.id, "stdin:5");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any bytes on a line give a document or a located failure, never
        /// a panic; a document keeps the text it was given.
        #[test]
        fn any_line_is_a_document_or_a_located_failure(line in prop::collection::vec(any::<u8>(), 0..200)) {
            match parse_jsonl_line(&line, "in.jsonl", "in", 9) {
                Ok(doc) => prop_assert!(!doc.id.is_empty()),
                Err(f) => {
                    prop_assert!(f.message.starts_with("in.jsonl:9: "), "{}", f.message);
                    prop_assert!(!f.id.is_empty());
                }
            }
        }

        #[test]
        fn any_text_round_trips_through_a_jsonl_line(text in "\\PC{0,100}", id in "[a-z0-9]{1,8}") {
            let line = serde_json::json!({"id": id, "text": text}).to_string();
            let doc = parse_jsonl_line(line.as_bytes(), "stdin", "stdin", 1).unwrap();
            prop_assert_eq!(doc.id, id);
            prop_assert_eq!(doc.text, text);
        }
    }
}
