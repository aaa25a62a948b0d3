//! Test fixture: a plugin that misbehaves on purpose, so the host's handling
//! of plugin failures can be tested with a real loaded library. It tags the
//! word "truce" in the layer `misbehaviour`, and:
//! - panics on a document containing "PANIC",
//! - returns an error on a document containing "FAIL",
//! - emits a span that splits a character on a document containing "BADSPAN",
//! - refuses to start when the option `refuse` is true.
//!
//! It requires `sentences`, to test the host's layer views.

use lede_plugin::{
    export_plugin, AttrValue, Document, OptionKind, OptionSpec, Options, Output, Plugin, PluginInfo,
};

pub struct Misbehaving;

impl Plugin for Misbehaving {
    const INFO: PluginInfo = PluginInfo {
        name: "misbehaving",
        version: "0.0.1",
        description: "fails on purpose (test fixture)",
        requires: &["sentences"],
        produces: &["misbehaviour"],
        options: &[OptionSpec {
            name: "refuse",
            kind: OptionKind::Bool,
            default: Some("false"),
            help: "refuse to start",
        }],
    };

    fn new(options: &Options) -> Result<Self, String> {
        if options.bool("refuse") == Some(true) {
            return Err("refusing to start, as asked".to_string());
        }
        Ok(Misbehaving)
    }

    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        let text = doc.text();
        if text.contains("PANIC") {
            panic!("the fixture panics on PANIC");
        }
        if text.contains("FAIL") {
            return Err("the fixture fails on FAIL".to_string());
        }
        if let Some(i) = text.find("BADSPAN") {
            // One byte into the next character when it is multi-byte.
            out.add(i, i + 8, "bad");
        }
        let sentences = doc.layer("sentences").map_or(0, |l| l.count());
        for (start, word) in text.match_indices("truce") {
            out.add_with(
                start,
                start + word.len(),
                "truce",
                &[
                    ("sentences", AttrValue::Int(sentences as i64)),
                    ("confirmed", AttrValue::Bool(false)),
                    ("weight", AttrValue::Float(0.5)),
                ],
            );
        }
        Ok(())
    }
}

export_plugin!(Misbehaving);
