//! Reading documents from inputs, lazily: a directory is listed up front
//! (paths only), but a file's text or a JSONL line is read only when the
//! next document is asked for, so memory does not grow with the input.
//! JSONL records go through the one reader of lede-core
//! ([`lede_core::json::RawDocument`]); a UTF-8 byte-order mark at the start
//! of a file or stream is skipped.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use lede_core::json::{OffsetUnit, RawDocument, ReadError};
use lede_core::{Document, Span};

/// The UTF-8 encoding of U+FEFF, which some editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a document could not be read. Each variant names its place: the
/// file, or the file (or `stdin`) and line of a JSONL record.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: invalid UTF-8 at byte offset {offset}", path.display())]
    TextUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{name}: the text is {len} bytes, more than the {} lede handles",
        Span::MAX_TEXT_BYTES
    )]
    TooLong { name: String, len: usize },
    #[error("{name}:{line}: invalid UTF-8 at byte offset {offset} of the line")]
    LineUtf8 {
        name: String,
        line: usize,
        offset: usize,
    },
    #[error("{name}:{line}: {source}")]
    Record {
        name: String,
        line: usize,
        #[source]
        source: ReadError,
    },
    #[error("{name}: read error after line {line}: {source}")]
    Stream {
        name: String,
        line: usize,
        source: io::Error,
    },
}

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
pub use crate::InputFailure as ReadFailure;

/// Why the inputs named on a command line cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{input}: {source}")]
    Io { input: String, source: io::Error },
    #[error("{0}: the directory holds no .txt files")]
    EmptyDirectory(String),
}

/// Turns command-line inputs into sources: `-` is stdin, a directory gives
/// all `.txt` files below it (recursive, sorted by path), a `.jsonl` file is
/// JSONL, any other file is plain text. A path that does not exist is an
/// error (a usage error: nothing has been read yet).
pub fn expand(inputs: &[String]) -> Result<Vec<Source>, SourceError> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        let io_err = |source| SourceError::Io {
            input: input.clone(),
            source,
        };
        let meta = std::fs::metadata(&path).map_err(io_err)?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_txt(&path, &mut files).map_err(io_err)?;
            files.sort();
            if files.is_empty() {
                return Err(SourceError::EmptyDirectory(input.clone()));
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

/// Reads one text file as one document. A leading byte-order mark is
/// skipped; invalid UTF-8 fails the document with the byte offset of the
/// first bad byte (counted in the file); an empty file is an empty document.
pub fn read_text_file(path: &Path) -> Result<Document, ReadFailure> {
    let id = stem(path);
    let fail = |id: String, error| ReadFailure { id, error };
    let mut bytes = std::fs::read(path).map_err(|source| {
        fail(
            id.clone(),
            InputError::Io {
                path: path.to_path_buf(),
                source,
            },
        )
    })?;
    let skipped = if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        BOM.len()
    } else {
        0
    };
    if bytes.len() > Span::MAX_TEXT_BYTES {
        let error = InputError::TooLong {
            name: path.display().to_string(),
            len: bytes.len(),
        };
        return Err(fail(id, error));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document::new(id, text)),
        Err(e) => {
            let error = InputError::TextUtf8 {
                path: path.to_path_buf(),
                offset: skipped + e.utf8_error().valid_up_to(),
            };
            Err(fail(id, error))
        }
    }
}

/// Builds a document from one JSONL line: `text` is required, `id` may be a
/// string or a number (when absent the id is `<id_prefix>:<line>`), layers
/// in lede's JSON form are read as layers, and every other field goes to
/// the document's metadata. Offsets are code points.
pub fn parse_jsonl_line(
    line: &[u8],
    name: &str,
    id_prefix: &str,
    line_no: usize,
) -> Result<Document, ReadFailure> {
    let fallback_id = || format!("{id_prefix}:{line_no}");
    let record_err = |id: String, source| ReadFailure {
        id,
        error: InputError::Record {
            name: name.to_string(),
            line: line_no,
            source,
        },
    };
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return Err(ReadFailure {
                id: fallback_id(),
                error: InputError::LineUtf8 {
                    name: name.to_string(),
                    line: line_no,
                    offset: e.valid_up_to(),
                },
            })
        }
    };
    let mut raw = RawDocument::parse(line).map_err(|e| record_err(fallback_id(), e))?;
    let id = raw.id.get_or_insert_with(fallback_id).clone();
    if raw
        .text
        .as_ref()
        .is_some_and(|t| t.len() > Span::MAX_TEXT_BYTES)
    {
        let error = InputError::TooLong {
            name: format!("{name}:{line_no}"),
            len: raw.text.as_ref().map_or(0, String::len),
        };
        return Err(ReadFailure { id, error });
    }
    raw.into_document(OffsetUnit::CodePoints)
        .map_err(|e| record_err(id, e))
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
                    if src.line_no == 1 && self.buf.starts_with(BOM) {
                        self.buf.drain(..BOM.len());
                    }
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
                        error: InputError::Stream {
                            name: src.name.clone(),
                            line: src.line_no,
                            source: e,
                        },
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
                    Err(source) => {
                        return Some(Err(ReadFailure {
                            id: stem(&path),
                            error: InputError::Io { path, source },
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

/// Reads every record of a JSONL file of annotated documents (gold files,
/// `lede run` output) with offsets in `unit`, skipping blank lines and a
/// leading byte-order mark. Each bad record is an error naming its line;
/// only a file that cannot be opened or read fails as a whole.
pub fn read_jsonl_file(
    path: &Path,
    unit: OffsetUnit,
) -> Result<Vec<Result<Document, InputError>>, InputError> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = BufReader::new(file);
    let mut docs = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        let read = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| InputError::Stream {
                name: name.clone(),
                line,
                source,
            })?;
        if read == 0 {
            return Ok(docs);
        }
        line += 1;
        if line == 1 && buf.starts_with(BOM) {
            buf.drain(..BOM.len());
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let doc = match std::str::from_utf8(&buf) {
            Err(e) => Err(InputError::LineUtf8 {
                name: name.clone(),
                line,
                offset: e.valid_up_to(),
            }),
            Ok(text) => RawDocument::parse(text)
                .and_then(|raw| raw.into_document(unit))
                .map_err(|source| InputError::Record {
                    name: name.clone(),
                    line,
                    source,
                }),
        };
        docs.push(doc);
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
        assert_eq!(err.to_string(), "in.jsonl:12: missing field \"text\"");
        let err = parse_jsonl_line(b"{\"id\": \"a\", \"text\": ", "in.jsonl", "in", 4).unwrap_err();
        assert_eq!(err.id, "in:4");
        assert!(
            err.to_string().starts_with("in.jsonl:4: not valid JSON"),
            "{err}"
        );
        let err = parse_jsonl_line(b"[1, 2]", "stdin", "stdin", 1).unwrap_err();
        assert_eq!(err.to_string(), "stdin:1: expected a JSON object");
        let err = parse_jsonl_line(b"{\"text\": \"caf\xe9\"}", "stdin", "stdin", 2).unwrap_err();
        assert!(
            err.to_string().contains("invalid UTF-8 at byte offset 13"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_text_nor_a_lost_record() {
        let dir = std::env::temp_dir().join(format!("lede-bom-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let txt = dir.join("bom.txt");
        std::fs::write(&txt, b"\xEF\xBB\xBFCairo, Monday.").unwrap();
        assert_eq!(read_text_file(&txt).unwrap().text, "Cairo, Monday.");
        let jsonl = dir.join("bom.jsonl");
        std::fs::write(
            &jsonl,
            b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n",
        )
        .unwrap();
        let ids: Vec<String> = DocumentReader::new(vec![Source::Jsonl(jsonl.clone())])
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        let read = read_jsonl_file(&jsonl, OffsetUnit::CodePoints).unwrap();
        assert_eq!(read.len(), 2);
        assert!(read.iter().all(Result::is_ok));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn layers_in_a_record_are_layers_not_metadata() {
        let line = br#"{"id":"g","text":"Talks resumed.","sentences":[[0,14]],"desk":"world"}"#;
        let doc = parse_jsonl_line(line, "in.jsonl", "in", 1).unwrap();
        assert_eq!(doc.layers.sentences.as_ref().map(Vec::len), Some(1));
        assert!(!doc.metadata.contains_key("sentences"));
        assert_eq!(doc.meta_str("desk"), Some("world"));
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
                    prop_assert!(f.to_string().starts_with("in.jsonl:9: "), "{}", f);
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
