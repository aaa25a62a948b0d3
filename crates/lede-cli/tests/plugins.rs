//! `lede run` with real plugin libraries: the example plugins and the test
//! fixtures in plugins/ are built with a nested `cargo build` (into a target
//! directory of their own, so it does not wait on the lock of the build
//! running this test) and loaded from pipeline files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Builds the plugins once per test run; returns the directory holding them.
fn plugin_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let target = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => workspace().join(dir),
            None => workspace().join("target"),
        }
        .join("plugin-tests");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(workspace())
            .args(["build", "--quiet"])
            .args([
                "-p",
                "lede-handles",
                "-p",
                "lede-lexicon",
                "-p",
                "lede-test-panic",
            ])
            .args(["-p", "lede-test-wrong-abi", "-p", "lede-test-not-a-plugin"])
            .arg("--target-dir")
            .arg(&target)
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the plugins failed");
        target.join("debug")
    })
}

fn library(crate_name: &str) -> String {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    plugin_dir()
        .join(format!("{DLL_PREFIX}{crate_name}{DLL_SUFFIX}"))
        .display()
        .to_string()
}

/// A fresh directory for this test's pipeline files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-cli-plugins-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .current_dir(workspace())
        .args(args)
        .output()
        .expect("lede runs")
}

fn layer(doc: &serde_json::Value, name: &str) -> Vec<(String, String)> {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    doc[name]
        .as_array()
        .unwrap_or_else(|| panic!("no layer {name} in {}", doc["id"]))
        .iter()
        .map(|a| {
            let (s, e) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            (
                text[s..e].iter().collect(),
                a["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn news_plugins_pipeline_adds_handles_and_lexicon_layers_to_the_seeds() {
    // The shipped pipeline, pointed at the libraries this test built.
    let shipped = std::fs::read_to_string(workspace().join("pipelines/news-plugins.toml")).unwrap();
    assert!(shipped.contains("\"../target/release/liblede_handles.so\""));
    let dir = scratch("news");
    let pipeline = dir.join("news-plugins.toml");
    let prefix = format!("{}/", plugin_dir().display());
    std::fs::write(&pipeline, shipped.replace("../target/release/", &prefix)).unwrap();

    let out = lede(&["run", pipeline.to_str().unwrap(), "corpus/seeds"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let docs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 5);

    let tweet = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with("003"))
        .unwrap();
    assert_eq!(
        layer(tweet, "handles"),
        vec![
            ("@realDonaldTrump".to_string(), "handle".to_string()),
            ("https://t.co/hfkct0Sqw7".to_string(), "url".to_string()),
            ("@netanyahu".to_string(), "handle".to_string()),
        ]
    );
    assert_eq!(tweet["handles"][1]["host"], "t.co");
    assert_eq!(tweet["handles"][2]["user"], "netanyahu");
    // The built-in layers are still there, before the plugin layers.
    for key in ["sentences", "entities", "numbers", "quotes"] {
        assert!(tweet.get(key).is_some(), "{key} missing");
    }

    // Seed 000 reports a "prisoner exchange" five times; 004 writes "cease-fire".
    let talks = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with("000"))
        .unwrap();
    let terms = layer(talks, "lexicon");
    assert_eq!(
        terms
            .iter()
            .filter(|(t, _)| t == "prisoner exchange")
            .count(),
        5
    );
    assert!(terms.iter().all(|(_, label)| label == "topic"));
    let other = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with("004"))
        .unwrap();
    assert!(layer(other, "lexicon").contains(&("cease-fire".to_string(), "topic".to_string())));
    // Every document got both layers, even when empty.
    for d in &docs {
        assert!(
            d["handles"].is_array() && d["lexicon"].is_array(),
            "{}",
            d["id"]
        );
    }
}

fn single_plugin_pipeline(name: &str, plugin: &str) -> PathBuf {
    let dir = scratch(name);
    let path = dir.join("pipeline.toml");
    std::fs::write(&path, format!("[[stage]]\nplugin = {plugin:?}\n")).unwrap();
    path
}

fn refused(pipeline: &Path) -> String {
    let out = lede(&["run", pipeline.to_str().unwrap(), "corpus/seeds"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_plugin_built_for_another_abi_version_is_refused() {
    let lib = library("lede_test_wrong_abi");
    let pipeline = single_plugin_pipeline("abi", &lib);
    let stderr = refused(&pipeline);
    assert!(stderr.contains(&format!("pipeline.toml:2:10: error[plugin]: plugin {lib}: built for lede plugin ABI version 3, but this lede expects version 2")), "{stderr}");
}

#[test]
fn a_library_that_is_not_a_plugin_is_refused() {
    let lib = library("lede_test_not_a_plugin");
    let stderr = refused(&single_plugin_pipeline("notaplugin", &lib));
    assert!(
        stderr.contains(&format!("plugin {lib}: not a lede plugin")),
        "{stderr}"
    );
}

#[test]
fn a_missing_plugin_file_says_so_and_where_it_looked() {
    let stderr = refused(&single_plugin_pipeline(
        "missing",
        "../target/release/liblede_nothing.so",
    ));
    assert!(
        stderr.contains("liblede_nothing.so: no such file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("relative to the pipeline file's directory"),
        "{stderr}"
    );
}

#[test]
fn a_panicking_plugin_fails_one_document_and_the_others_are_written() {
    let dir = scratch("panic");
    let pipeline = dir.join("pipeline.toml");
    std::fs::write(
        &pipeline,
        format!(
            "[[stage]]\nuse = \"segment\"\n[[stage]]\nplugin = {:?}\n",
            library("lede_test_panic")
        ),
    )
    .unwrap();
    let calm = dir.join("calm.txt");
    let alarm = dir.join("alarm.txt");
    std::fs::write(&calm, "The truce held overnight, officials said.\n").unwrap();
    std::fs::write(&alarm, "PANIC spread as the truce collapsed.\n").unwrap();
    let out = lede(&[
        "run",
        pipeline.to_str().unwrap(),
        calm.to_str().unwrap(),
        alarm.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("plugin `misbehaving` panicked: the fixture panics on PANIC"),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 2 documents failed"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let written: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let calm_doc = written
        .iter()
        .find(|d| d["id"] == "calm")
        .expect("the calm document is written");
    assert_eq!(
        layer(calm_doc, "misbehaviour"),
        vec![("truce".to_string(), "truce".to_string())]
    );
}

#[test]
fn bare_plugin_names_are_found_through_lede_plugin_path() {
    let dir = scratch("path");
    let pipeline = dir.join("pipeline.toml");
    std::fs::write(
        &pipeline,
        "[[stage]]\nplugin = \"handles\"\noptions = { kinds = [\"handle\"] }\n",
    )
    .unwrap();
    let seed = workspace().join("corpus/seeds/003_14d1caff0cac3eef.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .env("LEDE_PLUGIN_PATH", plugin_dir())
        .args(["run", pipeline.to_str().unwrap(), seed.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<String> = layer(&doc, "handles").into_iter().map(|(t, _)| t).collect();
    assert_eq!(names, vec!["@realDonaldTrump", "@netanyahu"]);
}

#[test]
fn bench_reports_a_plugin_stage_like_any_other() {
    let pipeline = single_plugin_pipeline("bench", &library("lede_handles"));
    let out = lede(&[
        "bench",
        pipeline.to_str().unwrap(),
        "corpus/seeds",
        "--rounds",
        "1",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("handles "))
        .unwrap_or_else(|| panic!("no handles line in:\n{text}"));
    let mb_per_s: f64 = line
        .split_whitespace()
        .last()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no MB/s in {line:?}"));
    assert!(mb_per_s > 0.0, "{line}");
}
