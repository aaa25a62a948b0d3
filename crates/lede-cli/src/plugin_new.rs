//! `lede plugin new NAME`: writes a plugin crate that builds, passes its own
//! tests and runs in a pipeline as generated. It lives outside the lede
//! workspace and depends on lede-plugin by path (the lede-plugin this `lede`
//! was built from, or `--lede-plugin DIR`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{Fatal, EXIT_OK};

/// Where the lede-plugin sources of this build are.
const LEDE_PLUGIN_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../lede-plugin");

const CARGO_TOML: &str = r#"[package]
name = "lede-{{name}}"
version = "0.1.0"
edition = "2021"
description = "A lede plugin: tags the words of its `words` option"

[lib]
# cdylib: the library lede loads; rlib: for this crate's own tests.
crate-type = ["cdylib", "rlib"]

[dependencies]
lede-plugin = { path = "{{lede_plugin}}" }

[dev-dependencies]
# The same lede-plugin, with property tests of the invariants of every stage.
lede-plugin = { path = "{{lede_plugin}}", features = ["testing"] }

# A workspace of its own, so it builds wherever it is put.
[workspace]
"#;

const LIB_RS: &str = r##"//! lede-{{name}}: a lede plugin. It tags the words listed in its `words`
//! option (ASCII case ignored) in the layer `{{name}}`, label `word`, with
//! the attribute `word` (the word as listed). It requires no other layer.

use lede_plugin::{
    export_plugin, AttrValue, Document, OptionKind, OptionSpec, Options, Output, Plugin, PluginInfo,
};

/// The plugin: the words to tag, as listed.
pub struct Words {
    words: Vec<String>,
}

impl Plugin for Words {
    const INFO: PluginInfo = PluginInfo {
        name: "{{name}}",
        version: env!("CARGO_PKG_VERSION"),
        description: "tags the words of its `words` option",
        requires: &[],
        produces: &["{{name}}"],
        options: &[OptionSpec {
            name: "words",
            kind: OptionKind::StringList,
            default: Some(r#"["ceasefire", "truce"]"#),
            help: "the words to tag (ASCII case ignored)",
        }],
    };

    fn new(options: &Options) -> Result<Self, String> {
        let words: Vec<String> = options
            .string_list("words")
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect();
        if words.iter().any(|w| w.trim().is_empty()) {
            return Err("option `words`: a word is empty".to_string());
        }
        Ok(Words { words })
    }

    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        let text = doc.text();
        for (start, end) in word_spans(text) {
            let found = &text[start..end];
            if let Some(word) = self.words.iter().find(|w| w.eq_ignore_ascii_case(found)) {
                out.add_with(start, end, "word", &[("word", AttrValue::Str(word))]);
            }
        }
        Ok(())
    }
}

/// Byte spans of the words of `text`: runs of alphanumeric characters, so
/// every span starts and ends on a char boundary.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

export_plugin!(Words);

#[cfg(test)]
mod tests {
    use super::*;
    use lede_plugin::Collected;

    fn tag(words: &[&str], text: &str) -> Vec<String> {
        let json = format!("{{\"words\": {words:?}}}");
        let options = Options::parse(&json, Words::INFO.options).unwrap();
        let plugin = Words::new(&options).unwrap();
        let mut out = Output::in_memory();
        plugin
            .process(&Document::from_text("t", text), &mut out)
            .unwrap();
        out.into_collected()
            .iter()
            .map(|Collected { start, end, .. }| text[*start..*end].to_string())
            .collect()
    }

    #[test]
    fn tags_the_listed_words_whatever_their_case() {
        let text = "Ceasefire talks resumed on Sunday; both sides said the truce held.";
        assert_eq!(tag(&["ceasefire", "truce"], text), ["Ceasefire", "truce"]);
        assert_eq!(tag(&["talks"], text), ["talks"]);
    }

    #[test]
    fn a_word_inside_a_longer_word_is_not_tagged() {
        assert!(tag(&["truce"], "The truces held.").is_empty());
        assert_eq!(tag(&["truce"], "«truce»—truce’s end"), ["truce", "truce"]);
    }

    #[test]
    fn holds_the_invariants_of_every_stage() {
        // Never panics, valid spans, deterministic, linear time, on
        // generated news-like text.
        lede_plugin::testing::check_invariants::<Words>("");
        lede_plugin::testing::check_invariants::<Words>(r#"{"words": ["é", "a b", "NATO"]}"#);
    }

    #[test]
    fn the_defaults_apply_and_an_empty_word_is_refused() {
        let options = Options::parse("", Words::INFO.options).unwrap();
        assert_eq!(Words::new(&options).unwrap().words, ["ceasefire", "truce"]);
        let options = Options::parse(r#"{"words": [" "]}"#, Words::INFO.options).unwrap();
        assert!(Words::new(&options).is_err());
    }
}
"##;

const PIPELINE_TOML: &str = r#"# Runs the plugin after the built-in segmenter. `plugin = "{{name}}"` is
# found in this directory or in the directories of LEDE_PLUGIN_PATH.
name = "{{name}}"

[[stage]]
use = "segment"

[[stage]]
plugin = "{{name}}"
options = { words = ["ceasefire", "truce", "hostages"] }
"#;

const ARTICLE_TXT: &str = "Mediators said on Sunday that the ceasefire held overnight.\n\
The truce allows the release of hostages in three stages.\n";

const README_MD: &str = r#"# lede-{{name}}

A lede plugin: it tags the words listed in its `words` option in the layer
`{{name}}`. Made by `lede plugin new {{name}}`; change `src/lib.rs` to do what
you need (docs/plugins.md in lede says how).

```sh
cargo test                      # the plugin's own tests
cargo build --release           # target/release/liblede_{{name}}.so
LEDE_PLUGIN_PATH=target/release lede run pipeline.toml article.txt
```
"#;

const GITIGNORE: &str = "/target\nCargo.lock\n";

/// Writes the plugin crate `name` into `dir` (default `./name`).
pub fn run(name: &str, dir: Option<&Path>, lede_plugin: Option<&Path>) -> Result<ExitCode, Fatal> {
    check_name(name)?;
    let dir = dir.map_or_else(|| PathBuf::from(name), Path::to_path_buf);
    if dir.exists() {
        return Err(Fatal(format!(
            "{} already exists; give another NAME or --path",
            dir.display()
        )));
    }
    let lede_plugin = match lede_plugin {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(LEDE_PLUGIN_DIR),
    };
    let lede_plugin = lede_plugin.canonicalize().map_err(|e| {
        Fatal(format!(
            "lede-plugin sources not found at {} ({e}); give their directory with \
             --lede-plugin DIR (crates/lede-plugin of a lede checkout)",
            lede_plugin.display()
        ))
    })?;
    if !lede_plugin.join("Cargo.toml").is_file() {
        return Err(Fatal(format!(
            "{} is not the lede-plugin crate (no Cargo.toml); give --lede-plugin DIR",
            lede_plugin.display()
        )));
    }
    let fill = |template: &str| {
        template
            .replace("{{name}}", name)
            .replace("{{lede_plugin}}", &toml_path(&lede_plugin))
    };
    let files = [
        ("Cargo.toml", fill(CARGO_TOML)),
        ("src/lib.rs", fill(LIB_RS)),
        ("pipeline.toml", fill(PIPELINE_TOML)),
        ("article.txt", ARTICLE_TXT.to_string()),
        ("README.md", fill(README_MD)),
        (".gitignore", GITIGNORE.to_string()),
    ];
    for (file, contents) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Fatal(format!("{}: {e}", parent.display())))?;
        }
        std::fs::write(&path, contents).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    }
    println!("wrote the plugin crate {}", dir.display());
    println!("next:");
    println!("  cd {}", dir.display());
    println!("  cargo test");
    println!("  cargo build --release");
    println!("  LEDE_PLUGIN_PATH=target/release lede run pipeline.toml article.txt");
    Ok(ExitCode::from(EXIT_OK))
}

/// A plugin name is a layer name and part of a crate name: lower-case
/// ASCII letters, digits and `_`, starting with a letter.
fn check_name(name: &str) -> Result<(), Fatal> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let reserved = lede_core::layer::BUILT_IN.contains(&name) || name == "id" || name == "text";
    if !first_ok || !rest_ok || reserved {
        return Err(Fatal(format!(
            "`{name}` cannot name a plugin: use lower-case letters, digits and `_`, starting \
             with a letter, and not a built-in layer name (e.g. `topics`)"
        )));
    }
    Ok(())
}

/// A path as a TOML basic string's contents.
fn toml_path(path: &Path) -> String {
    path.display()
        .to_string()
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}
