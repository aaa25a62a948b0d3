//! What is wrong with a pipeline file: every problem found in one reading,
//! each located at a line and column, with a stable code and a way to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// The kind of a problem, with a stable name (shown as `error[name]`) that
/// scripts and docs may rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// The file cannot be read.
    Unreadable,
    /// The file is not valid TOML.
    TomlSyntax,
    /// A key that means nothing at this place.
    UnknownKey,
    /// A value of the wrong TOML type (a string where a table belongs, ...).
    WrongType,
    /// `[stage]` (one table) where a list of `[[stage]]` tables belongs.
    WrongTableShape,
    /// A pipeline with no `[[stage]]`.
    EmptyPipeline,
    /// A `[[stage]]` with neither or both of `use` and `plugin`.
    StageKind,
    /// `use` names no built-in stage.
    UnknownStage,
    /// An option the stage does not declare.
    UnknownOption,
    /// An option value of the wrong type.
    OptionType,
    /// An option value of the right type that the stage refuses.
    BadOptionValue,
    /// A stage requires a layer no earlier stage produces.
    MissingLayer,
    /// Two stages produce the same layer.
    DuplicateLayer,
    /// A plugin cannot be found, loaded or started.
    Plugin,
}

impl Code {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable",
            Code::TomlSyntax => "toml-syntax",
            Code::UnknownKey => "unknown-key",
            Code::WrongType => "wrong-type",
            Code::WrongTableShape => "wrong-table-shape",
            Code::EmptyPipeline => "empty-pipeline",
            Code::StageKind => "stage-kind",
            Code::UnknownStage => "unknown-stage",
            Code::UnknownOption => "unknown-option",
            Code::OptionType => "option-type",
            Code::BadOptionValue => "bad-option-value",
            Code::MissingLayer => "missing-layer",
            Code::DuplicateLayer => "duplicate-layer",
            Code::Plugin => "plugin",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a pipeline file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no single place (an unreadable file).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub code: Code,
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: error[{}]: {}",
                self.file.display(),
                self.line,
                self.column,
                self.code,
                self.message
            )?;
        } else {
            write!(
                f,
                "{}: error[{}]: {}",
                self.file.display(),
                self.code,
                self.message
            )?;
        }
        write!(f, "\n  help: {}", self.help)
    }
}

/// Why a pipeline could not be built: every problem found, in file order.
/// Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError {
    pub diagnostics: Vec<Diagnostic>,
}

impl PipelineError {
    /// The first problem (the only one, often).
    pub fn first(&self) -> &Diagnostic {
        &self.diagnostics[0]
    }
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.diagnostics.len() > 1 {
            write!(
                f,
                "\n{}: {} errors",
                self.first().file.display(),
                self.diagnostics.len()
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for PipelineError {}

/// Collects the problems of one file as it is read.
pub(crate) struct Collector<'s> {
    file: PathBuf,
    source: &'s str,
    found: Vec<(usize, Diagnostic)>,
}

impl<'s> Collector<'s> {
    pub(crate) fn new(file: &Path, source: &'s str) -> Collector<'s> {
        Collector {
            file: file.to_path_buf(),
            source,
            found: Vec::new(),
        }
    }

    /// Records a problem at byte offset `byte` of the source.
    pub(crate) fn at(
        &mut self,
        byte: usize,
        code: Code,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let (line, column) = line_column(self.source, byte);
        self.found.push((
            byte,
            Diagnostic {
                file: self.file.clone(),
                line,
                column,
                code,
                message: message.into(),
                help: help.into(),
            },
        ));
    }

    /// The line and column of byte offset `byte`.
    pub(crate) fn line_column(&self, byte: usize) -> (usize, usize) {
        line_column(self.source, byte)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// How many problems so far.
    pub(crate) fn count(&self) -> usize {
        self.found.len()
    }

    /// The problems in file order, or `None` if there are none.
    pub(crate) fn finish(mut self) -> Option<PipelineError> {
        if self.found.is_empty() {
            return None;
        }
        self.found.sort_by_key(|(byte, _)| *byte);
        Some(PipelineError {
            diagnostics: self.found.into_iter().map(|(_, d)| d).collect(),
        })
    }
}

/// A problem with the whole file (it cannot be read).
pub(crate) fn whole_file(file: &Path, message: String, help: &str) -> PipelineError {
    PipelineError {
        diagnostics: vec![Diagnostic {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            code: Code::Unreadable,
            message,
            help: help.to_string(),
        }],
    }
}

/// 1-based line and column (in chars) of a byte offset.
pub(crate) fn line_column(source: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &source[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..byte].chars().count() + 1;
    (line, column)
}

/// The candidate nearest to `word` by edit distance, if it is near enough to
/// be a plausible typo. Case is ignored, so `person` finds `PERSON`.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    let word = word.to_lowercase();
    candidates
        .map(|c| (edit_distance(&word, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("segmnt", "segment"), 1);
        assert_eq!(edit_distance("", "ner"), 3);
        assert_eq!(
            closest("quotse", ["quotes", "ner"].into_iter()),
            Some("quotes")
        );
        assert_eq!(closest("xyzzy", ["quotes", "ner"].into_iter()), None);
        assert_eq!(
            closest("PERSN", ["PERSON", "ORG"].into_iter()),
            Some("PERSON")
        );
        assert_eq!(
            closest("person", ["PERSON", "ORG"].into_iter()),
            Some("PERSON")
        );
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("a\n„é“ x", 10), (2, 4));
        assert_eq!(line_column("abc", 99), (1, 4));
    }
}
