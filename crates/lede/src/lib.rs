//! lede as a library: one dependency that re-exports the document model
//! ([`core`]), pipelines, readers and execution ([`runner`]) and the
//! built-in stages ([`segment`], [`ner`], [`numbers`], [`quotes`]).
//!
//! It adds no code of its own; the `lede` binary (lede-cli) is built on the
//! same crates.
//!
//! Build a pipeline from TOML and run it on a string:
//!
//! ```
//! use lede::json::{to_json, WriteOptions};
//! use lede::{Document, Pipeline};
//!
//! let toml = r#"
//!     name = "numbers-only"
//!     [[stage]]
//!     use = "segment"
//!     [[stage]]
//!     use = "numbers"
//! "#;
//! let pipeline = Pipeline::from_toml(toml, "numbers-only.toml".as_ref())?;
//! let mut doc = Document::new("a1", "Over 35,000 people have died, officials said.");
//! pipeline.process(&mut doc)?;
//!
//! let numbers = doc.layers.numbers.as_ref().expect("the numbers stage ran");
//! assert_eq!(doc.slice(numbers[0].span), "35,000");
//! assert_eq!(numbers[0].modifier.as_deref(), Some("over"));
//! let json = to_json(&doc, &WriteOptions::default());
//! assert!(json.starts_with(r#"{"id":"a1","text":"Over 35,000 people"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`Pipeline::default_news`] gives the default news pipeline (all four
//! stages); [`runner::run_ordered`] runs many documents in parallel in input
//! order, and [`runner::input`] reads .txt files, directories and JSONL.

#![forbid(unsafe_code)]

pub use lede_core as core;
pub use lede_ner as ner;
pub use lede_numbers as numbers;
pub use lede_quotes as quotes;
pub use lede_runner as runner;
pub use lede_segment as segment;

pub use lede_core::{
    json, layer, Document, LayerItem, LayerKind, Overlap, Span, Stage, StageError,
};
pub use lede_runner::{Pipeline, PipelineError};
