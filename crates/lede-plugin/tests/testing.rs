//! `lede_plugin::testing` finds what it promises to find (built with the
//! `testing` feature, which the workspace's plugins enable in their tests).
#![cfg(feature = "testing")]

use lede_plugin::testing::{check_invariants_with, news_text};
use lede_plugin::{Document, Options, Output, Plugin, PluginInfo};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Tags the first character of the text, correctly or with a byte offset
/// that may split it, or panics on a quotation mark.
struct First {
    mode: &'static str,
}

impl Plugin for First {
    const INFO: PluginInfo = PluginInfo {
        name: "first",
        version: "0",
        description: "test",
        requires: &[],
        produces: &["first"],
        options: &[],
    };
    fn new(_: &Options) -> Result<Self, String> {
        Ok(First { mode: "good" })
    }
    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        let text = doc.text();
        match self.mode {
            "bytes" if !text.is_empty() => out.add(0, 1, "first"),
            "panic" if text.contains('“') => panic!("a quotation mark"),
            _ => {
                if let Some(c) = text.chars().next() {
                    out.add(0, c.len_utf8(), "first");
                }
            }
        }
        Ok(())
    }
}

macro_rules! variant {
    ($name:ident, $mode:literal) => {
        struct $name(First);
        impl Plugin for $name {
            const INFO: PluginInfo = First::INFO;
            fn new(_: &Options) -> Result<Self, String> {
                Ok($name(First { mode: $mode }))
            }
            fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
                self.0.process(doc, out)
            }
        }
    };
}

variant!(SplitsChars, "bytes");
variant!(Panics, "panic");

#[test]
fn a_correct_plugin_passes() {
    check_invariants_with::<First>("", 128);
}

#[test]
#[should_panic(expected = "is not on char boundaries")]
fn a_span_inside_a_character_is_found() {
    check_invariants_with::<SplitsChars>("", 256);
}

#[test]
#[should_panic(expected = "panicked on")]
fn a_panic_is_found() {
    check_invariants_with::<Panics>("", 256);
}

#[test]
fn news_text_mixes_scripts_quotes_and_numbers() {
    let mut runner = TestRunner::deterministic();
    let texts: Vec<String> = (0..200)
        .map(|_| news_text().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(texts.iter().any(|t| t.contains('“')));
    assert!(texts.iter().any(|t| t.contains("1,200")));
    assert!(texts.iter().any(|t| !t.is_ascii()));
}
