//! `lede plugin new NAME` as a plugin author uses it: the generated crate
//! (outside the workspace) passes its own tests, builds, and runs in its
//! pipeline with `lede run`. The nested cargo runs share one target
//! directory under the workspace's, so lede-plugin is compiled once.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const LEDE: &str = env!("CARGO_BIN_EXE_lede");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-plugin-new-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn shared_target() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
    .join("plugin-new")
}

fn cargo(dir: &Path, args: &[&str]) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(dir)
        .args(args)
        .arg("--quiet")
        .env("CARGO_TARGET_DIR", shared_target())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo {args:?} failed in the generated crate:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_generated_plugin_builds_passes_its_tests_and_runs_in_its_pipeline() {
    let root = scratch("walk");
    let out = Command::new(LEDE)
        .current_dir(&root)
        .args(["plugin", "new", "topics"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.starts_with("wrote the plugin crate topics"), "{said}");
    let dir = root.join("topics");
    for file in [
        "Cargo.toml",
        "src/lib.rs",
        "pipeline.toml",
        "article.txt",
        "README.md",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }

    cargo(&dir, &["test"]);
    cargo(&dir, &["build"]);

    let out = Command::new(LEDE)
        .current_dir(&dir)
        .args(["run", "pipeline.toml", "article.txt", "--no-text"])
        .env("LEDE_PLUGIN_PATH", shared_target().join("debug"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let words: Vec<&str> = doc["topics"]
        .as_array()
        .expect("the plugin's layer")
        .iter()
        .map(|a| a["word"].as_str().unwrap())
        .collect();
    assert_eq!(words, ["ceasefire", "truce", "hostages"]);
    assert_eq!(doc["sentences"].as_array().map(Vec::len), Some(2));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn bad_names_and_existing_directories_are_refused() {
    let root = scratch("refuse");
    for name in ["Topics", "1st", "tokens", "my-plugin", ""] {
        let out = Command::new(LEDE)
            .current_dir(&root)
            .args(["plugin", "new", name])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("cannot name a plugin"), "{name}: {err}");
    }
    std::fs::create_dir_all(root.join("taken")).unwrap();
    let out = Command::new(LEDE)
        .current_dir(&root)
        .args(["plugin", "new", "taken"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("already exists"));
    std::fs::remove_dir_all(&root).unwrap();
}
