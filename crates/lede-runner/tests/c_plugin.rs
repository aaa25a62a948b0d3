//! A plugin written in C (plugins/acronyms-c), built here with the `cc`
//! crate against crates/lede-plugin/include/lede_plugin.h, loaded by the
//! host and run through a pipeline like any other stage.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lede_core::{AttrValue, Document};
use lede_runner::{Code, Pipeline};

fn host_triple() -> String {
    let arch = std::env::consts::ARCH;
    match std::env::consts::OS {
        "macos" => format!("{arch}-apple-darwin"),
        _ => format!("{arch}-unknown-linux-gnu"),
    }
}

/// Builds the C plugin once per test run; returns the library's path.
fn c_plugin() -> &'static Path {
    static LIBRARY: OnceLock<PathBuf> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-plugin");
        std::fs::create_dir_all(&dir).unwrap();
        let library = dir.join(format!(
            "{}lede_acronyms{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        ));
        let triple = host_triple();
        let compiler = cc::Build::new()
            .target(&triple)
            .host(&triple)
            .opt_level(2)
            .cargo_metadata(false)
            .cargo_warnings(false)
            .get_compiler();
        let out = compiler
            .to_command()
            .args([
                "-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC",
            ])
            .arg("-I")
            .arg(workspace.join("crates/lede-plugin/include"))
            .arg(workspace.join("plugins/acronyms-c/acronyms.c"))
            .arg("-o")
            .arg(&library)
            .output()
            .expect("the C compiler runs");
        assert!(
            out.status.success(),
            "building the C plugin failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        library
    })
}

fn pipeline(options: &str) -> Result<Pipeline, lede_runner::PipelineError> {
    let toml = format!(
        "name = \"c\"\n\n[[stage]]\nuse = \"segment\"\n\n[[stage]]\nplugin = {:?}\n{options}",
        c_plugin().display().to_string()
    );
    Pipeline::from_toml(&toml, &std::env::temp_dir().join("c-plugin.toml"))
}

fn acronyms(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let mut doc = Document::new("d", text);
    pipeline.process(&mut doc).unwrap();
    doc.layers.generic["acronyms"]
        .iter()
        .map(|a| doc.slice(a.span).to_string())
        .collect()
}

const SENTENCE: &str = "The CIA director met UNRWA officials in Gaza, and NATO’s envoy told \
                        the UN that the IDF would pull back.";

#[test]
fn the_c_plugin_runs_in_a_pipeline() {
    let pipeline = pipeline("").unwrap();
    let ids: Vec<&str> = pipeline.stages().iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["segment", "acronyms"]);
    assert_eq!(
        acronyms(&pipeline, SENTENCE),
        ["CIA", "UNRWA", "NATO", "UN", "IDF"]
    );
    let mut doc = Document::new("d", SENTENCE);
    pipeline.process(&mut doc).unwrap();
    assert_eq!(
        doc.layers.generic["acronyms"][1].attrs["letters"],
        AttrValue::Int(5)
    );
    assert_eq!(doc.layers.generic["acronyms"][1].label, "acronym");
    // Seed 001 names the CIA twice; "U.S." is not an acronym of capitals.
    let seed = include_str!("../../../corpus/seeds/001_a253fbec9e659c08.txt");
    let found = acronyms(&pipeline, seed);
    assert_eq!(found.iter().filter(|a| *a == "CIA").count(), 2, "{found:?}");
    assert!(!found.iter().any(|a| a.contains('.')), "{found:?}");
}

#[test]
fn the_c_plugin_takes_its_options_and_the_host_checks_them() {
    let longer = pipeline("options = { min_length = 4 }\n").unwrap();
    assert_eq!(acronyms(&longer, SENTENCE), ["UNRWA", "NATO"]);

    let err = pipeline("options = { min_lenght = 4 }\n").expect_err("a typo");
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    assert_eq!(err.first().code, Code::UnknownOption);
    assert!(
        err.first().help.starts_with("did you mean `min_length`?"),
        "{err}"
    );

    let err = pipeline("options = { min_length = 0 }\n").expect_err("refused by the plugin");
    assert_eq!(err.first().code, Code::Plugin);
    assert!(
        err.first()
            .message
            .contains("could not start: option `min_length` must be at least 1"),
        "{err}"
    );
}

#[test]
fn the_c_plugin_never_emits_a_span_off_a_char_boundary() {
    let pipeline = pipeline("").unwrap();
    for text in [
        "",
        "É",
        "ÉTATS-UNIS and the EU",
        "UN’s",
        "’UN’",
        "ABC\u{301}",
        "NATO😀NATO",
        "\u{2019}",
        "AB\nCD",
    ] {
        let mut doc = Document::new("d", text);
        pipeline
            .process(&mut doc)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    assert_eq!(acronyms(&pipeline, "UN’s and EU’s"), ["UN", "EU"]);
}
