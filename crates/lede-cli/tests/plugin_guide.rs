//! docs/plugins.md is true: its section-1 files are written from the code
//! blocks whose info string names a file (```toml Cargo.toml,
//! ```rust src/lib.rs, ```toml my-news.toml), the ```rust test blocks become
//! the crate's tests and the ```rust trait/views blocks are compiled into
//! it; then the crate is tested and built, and `lede check` and `lede run`
//! run the guide's pipeline in the guide's layout (work/lede is this
//! checkout).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const LEDE: &str = env!("CARGO_BIN_EXE_lede");
const GUIDE: &str = include_str!("../../../docs/plugins.md");

/// (info string, body) of every fenced code block.
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), String::new())),
            (Some(_), Some(_)) => blocks.extend(open.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn block<'b>(blocks: &'b [(String, String)], info: &str) -> &'b str {
    let found: Vec<&str> = blocks
        .iter()
        .filter(|(i, _)| i == info)
        .map(|(_, b)| b.as_str())
        .collect();
    assert_eq!(found.len(), 1, "one ```{info} block expected in the guide");
    found[0]
}

fn run(dir: &Path, program: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(program)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[cfg(unix)]
#[test]
fn the_plugin_guide_builds_tests_and_runs_as_written() {
    let blocks = code_blocks(GUIDE);
    let work: PathBuf = std::env::temp_dir().join(format!("lede-guide-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let plugin = work.join("lede-shouting");
    std::fs::create_dir_all(plugin.join("src")).unwrap();
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::os::unix::fs::symlink(checkout.canonicalize().unwrap(), work.join("lede")).unwrap();

    std::fs::write(plugin.join("Cargo.toml"), block(&blocks, "toml Cargo.toml")).unwrap();
    let tests: String = blocks
        .iter()
        .filter(|(i, _)| i == "rust test")
        .map(|(_, b)| b.as_str())
        .collect();
    let lib = format!(
        "{}\n#[cfg(test)]\nmod tests {{\n    use super::*;\n{tests}}}\n\n\
         #[allow(dead_code)]\nmod guide_trait {{\n    use lede_plugin::{{Document, Options, Output, PluginInfo}};\n{}}}\n\n\
         #[allow(dead_code)]\nmod guide_views {{\n    use lede_plugin::Document;\n{}}}\n",
        block(&blocks, "rust src/lib.rs"),
        block(&blocks, "rust trait"),
        block(&blocks, "rust views"),
    );
    std::fs::write(plugin.join("src/lib.rs"), lib).unwrap();
    std::fs::write(
        work.join("my-news.toml"),
        block(&blocks, "toml my-news.toml"),
    )
    .unwrap();
    std::fs::write(
        work.join("article.txt"),
        "RELEASE THE HOSTAGES, protesters urged.\nTalks resumed in Doha on Sunday.\n",
    )
    .unwrap();

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // The tests share a target directory across runs (proptest compiles
    // once); the release library goes where the guide's pipeline looks.
    // (The same directory as tests/plugin_new.rs, so proptest is shared.)
    let shared = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => checkout.join(dir),
        None => checkout.join("target"),
    }
    .join("plugin-new");
    let out = Command::new(&cargo)
        .current_dir(&plugin)
        .args(["test", "--quiet"])
        .env("CARGO_TARGET_DIR", &shared)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "the guide's tests failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    run(&plugin, &cargo, &["build", "--release", "--quiet"]);

    let checked = run(&work, LEDE, &["check", "my-news.toml"]);
    let said = String::from_utf8(checked.stdout).unwrap();
    assert!(
        said.contains("pipeline \"my-news\" is valid, 2 stages"),
        "{said}"
    );
    let out = run(
        &work,
        LEDE,
        &["run", "my-news.toml", "article.txt", "--no-text"],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = "RELEASE THE HOSTAGES, protesters urged.\nTalks resumed in Doha on Sunday.\n";
    let words: Vec<String> = doc["shouting"]
        .as_array()
        .expect("the plugin's layer")
        .iter()
        .map(|a| {
            let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
            text.chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect()
        })
        .collect();
    assert_eq!(words, ["RELEASE", "HOSTAGES"]);
    std::fs::remove_dir_all(&work).unwrap();
}

#[test]
fn every_rust_block_of_the_guide_is_used_by_this_test() {
    let used = ["rust src/lib.rs", "rust test", "rust trait", "rust views"];
    for (info, _) in code_blocks(GUIDE) {
        if info.starts_with("rust") {
            assert!(used.contains(&info.as_str()), "```{info} is not tested");
        }
        assert!(!info.is_empty(), "a code block without a language");
    }
}
