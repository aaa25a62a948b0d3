//! Plugin overhead: the same logic run as a native stage and as a loaded
//! plugin library, over the seed articles. Throughput is bytes of input.
//!
//! The native stages compile the plugins' own logic files (the scanner of
//! plugins/handles, the matcher of plugins/lexicon) into this benchmark and
//! write the same generic layers the host writes, so the difference is what
//! the plugin boundary costs: building the document view, one C call per
//! document, one sink callback per annotation with span and UTF-8 checks.
//!
//! The plugins are built in release mode by a nested `cargo build` into a
//! target directory of their own. After the criterion groups, a short
//! interleaved run prints the overhead in percent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{black_box, Criterion, Throughput};
use lede_benches::{seed_bytes, SEEDS};
use lede_core::{AttrValue, Document, GenericAnnotation, Span, Stage, StageError};
use lede_runner::plugin_host;

#[allow(dead_code)]
#[path = "../../plugins/handles/src/scan.rs"]
mod handles_scan;

#[allow(dead_code)]
#[path = "../../plugins/lexicon/src/matcher.rs"]
mod lexicon_matcher;

const TERMS: &[&str] = &[
    "ceasefire",
    "cease-fire",
    "truce",
    "hostage",
    "hostages",
    "prisoner exchange",
    "prisoners",
    "humanitarian aid",
    "peace talks",
    "negotiations",
];

/// The handles logic as a native stage.
struct NativeHandles {
    config: handles_scan::Config,
}

impl Stage for NativeHandles {
    fn name(&self) -> &str {
        "handles"
    }
    fn requires(&self) -> Vec<String> {
        Vec::new()
    }
    fn produces(&self) -> Vec<String> {
        vec!["handles".into()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut items = Vec::new();
        handles_scan::scan(&doc.text, &self.config, |f| {
            let mut attrs = BTreeMap::new();
            attrs.insert(
                f.kind.value_name().to_string(),
                AttrValue::Str(f.value.to_string()),
            );
            items.push(GenericAnnotation {
                span: Span::from_boundaries(&doc.text, f.start, f.end),
                label: f.kind.as_str().to_string(),
                attrs,
            });
        });
        doc.layers.generic.insert("handles".into(), items);
        Ok(())
    }
}

/// The lexicon logic as a native stage.
struct NativeLexicon {
    lexicon: lexicon_matcher::Lexicon,
}

impl Stage for NativeLexicon {
    fn name(&self) -> &str {
        "lexicon"
    }
    fn requires(&self) -> Vec<String> {
        Vec::new()
    }
    fn produces(&self) -> Vec<String> {
        vec!["lexicon".into()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut items = Vec::new();
        self.lexicon.find(&doc.text, |m| {
            let mut attrs = BTreeMap::new();
            attrs.insert("term".to_string(), AttrValue::Str(m.entry.term.clone()));
            items.push(GenericAnnotation {
                span: Span::from_boundaries(&doc.text, m.start, m.end),
                label: m.entry.label.clone(),
                attrs,
            });
        });
        doc.layers.generic.insert("lexicon".into(), items);
        Ok(())
    }
}

/// Builds the plugins in release mode; returns their directory.
fn build_plugins() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
    .join("plugin-tests");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(&workspace)
        .args(["build", "--release", "--quiet"])
        .args(["-p", "lede-handles", "-p", "lede-lexicon"])
        .arg("--target-dir")
        .arg(&target)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building the plugins failed");
    target.join("release")
}

fn library(dir: &Path, crate_name: &str) -> PathBuf {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    dir.join(format!("{DLL_PREFIX}{crate_name}{DLL_SUFFIX}"))
}

/// Native and plugin stages, checked to give identical documents.
/// A name, the native stage and the loaded plugin stage.
type Pair = (&'static str, Box<dyn Stage>, Box<dyn Stage>);

fn pairs() -> Vec<Pair> {
    let dir = build_plugins();
    let native_handles: Box<dyn Stage> = Box::new(NativeHandles {
        config: handles_scan::Config::default(),
    });
    let plugin_handles = plugin_host::load(&library(&dir, "lede_handles"), "{}").unwrap();
    let mut lexicon = lexicon_matcher::Lexicon::new();
    for term in TERMS {
        lexicon.add(term, "topic").unwrap();
    }
    let native_lexicon: Box<dyn Stage> = Box::new(NativeLexicon { lexicon });
    let terms: Vec<String> = TERMS.iter().map(|t| format!("{t:?}")).collect();
    let options = format!(r#"{{"label": "topic", "terms": [{}]}}"#, terms.join(", "));
    let plugin_lexicon = plugin_host::load(&library(&dir, "lede_lexicon"), &options).unwrap();
    let pairs = vec![
        ("handles", native_handles, plugin_handles),
        ("lexicon", native_lexicon, plugin_lexicon),
    ];
    for (name, native, plugin) in &pairs {
        for (id, text) in SEEDS {
            let mut a = Document::new(id, text);
            let mut b = Document::new(id, text);
            native.process(&mut a).unwrap();
            plugin.process(&mut b).unwrap();
            assert_eq!(a, b, "{name}: native and plugin differ on seed {id}");
        }
    }
    pairs
}

fn run_all(stage: &dyn Stage, docs: &mut [Document]) -> usize {
    let mut n = 0;
    for doc in docs.iter_mut() {
        stage.process(black_box(doc)).unwrap();
        n += doc.layers.generic.len();
    }
    n
}

fn main() {
    let pairs = pairs();
    let mut docs: Vec<Document> = SEEDS
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect();

    let mut c = Criterion::default().configure_from_args();
    for (name, native, plugin) in &pairs {
        let mut group = c.benchmark_group(format!("plugin/{name}"));
        group.throughput(Throughput::Bytes(seed_bytes()));
        group.bench_function("native", |b| b.iter(|| run_all(native.as_ref(), &mut docs)));
        group.bench_function("plugin", |b| b.iter(|| run_all(plugin.as_ref(), &mut docs)));
        group.finish();
    }
    c.final_summary();

    // The overhead figure: many short runs, native and plugin alternating
    // (each side first in half of the pairs), compared by their medians, so
    // that preemption on a busy machine hits few runs and both sides alike.
    if std::env::args().any(|a| a == "--bench") {
        const PAIRS: usize = 1001;
        for (name, native, plugin) in &pairs {
            let mut native_times = Vec::with_capacity(PAIRS);
            let mut plugin_times = Vec::with_capacity(PAIRS);
            for i in 0..PAIRS {
                let order: [(&dyn Stage, &mut Vec<Duration>); 2] = if i % 2 == 0 {
                    [
                        (native.as_ref(), &mut native_times),
                        (plugin.as_ref(), &mut plugin_times),
                    ]
                } else {
                    [
                        (plugin.as_ref(), &mut plugin_times),
                        (native.as_ref(), &mut native_times),
                    ]
                };
                for (stage, times) in order {
                    let t = Instant::now();
                    run_all(stage, &mut docs);
                    times.push(t.elapsed());
                }
            }
            native_times.sort();
            plugin_times.sort();
            let (n, p) = (native_times[PAIRS / 2], plugin_times[PAIRS / 2]);
            let mb_s = |d: Duration| seed_bytes() as f64 / d.as_secs_f64() / 1e6;
            println!(
                "{name}: plugin overhead {:+.1}% (medians of {PAIRS} alternating runs: native {:?} = {:.0} MB/s, plugin {:?} = {:.0} MB/s)",
                (p.as_secs_f64() / n.as_secs_f64() - 1.0) * 100.0,
                n,
                mb_s(n),
                p,
                mb_s(p),
            );
        }
    }
}
