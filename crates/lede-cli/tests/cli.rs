//! End-to-end tests of the `lede` binary: run/check/stages/eval/bench/render,
//! bad inputs, error messages, exit codes and the streaming contract
//! (one output line per input line, in order, with ids and error records,
//! in bounded memory).
//!
//! Most tests use a paragraphs-only or segment-only pipeline written to a temporary
//! directory: the full pipeline is slow in a debug build.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const LEDE: &str = env!("CARGO_BIN_EXE_lede");

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("lede-cli-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

/// The cheapest pipeline there is: paragraphs only (a pipeline without
/// stages is an error).
fn minimal_pipeline(dir: &Path) -> PathBuf {
    write(
        dir,
        "minimal.toml",
        "name = \"minimal\"\n\n[[stage]]\nuse = \"segment\"\noptions = { layers = [\"paragraphs\"] }\n",
    )
}

fn segment_pipeline(dir: &Path) -> PathBuf {
    write(
        dir,
        "segment.toml",
        "name = \"seg\"\n\n[[stage]]\nuse = \"segment\"\n",
    )
}

fn lede(args: &[&str]) -> Output {
    Command::new(LEDE).args(args).output().expect("lede runs")
}

fn lede_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(LEDE)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(data.as_bytes());
    });
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    output
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad output line {l:?}: {e}")))
        .collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The directory holding the workspace's corpus.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seeds")
}

#[test]
fn directories_give_sorted_txt_documents_with_stem_ids() {
    let dir = temp_dir("dir");
    let pipeline = segment_pipeline(&dir);
    let input = dir.join("in");
    write(
        &input,
        "b.txt",
        "Israel rejected the plan. Hamas accepted it.",
    );
    write(&input, "a.txt", "Talks resumed in Cairo.");
    write(
        &input,
        "sub/c.txt",
        "Qatar and Egypt mediated.\nThe U.S. backed them.",
    );
    write(&input, "notes.md", "not an input");
    let out = lede(&["run", p(&pipeline), p(&input)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        docs[1]["text"],
        "Israel rejected the plan. Hamas accepted it."
    );
    // Two sentences: "Israel rejected the plan." is code points 0..25.
    assert_eq!(
        docs[1]["sentences"][0],
        serde_json::json!({"start": 0, "end": 25})
    );
    assert_eq!(docs[1]["sentences"].as_array().unwrap().len(), 2);
    // "U.S." does not end a sentence; the line break does.
    assert_eq!(docs[2]["sentences"].as_array().unwrap().len(), 2);
    assert!(
        docs[0].get("entities").is_none(),
        "layers not produced are absent"
    );
}

#[test]
fn offsets_are_code_points_by_default_and_bytes_on_request() {
    let dir = temp_dir("offsets");
    let pipeline = segment_pipeline(&dir);
    // “ is one code point and three bytes.
    let text = "“We are close,” he said. Talks go on.";
    let file = write(&dir, "q.txt", text);
    let chars = lede(&["run", p(&pipeline), p(&file)]);
    let bytes = lede(&["run", p(&pipeline), p(&file), "--offsets", "bytes"]);
    let second_chars = &json_lines(&chars)[0]["sentences"][1];
    let second_bytes = &json_lines(&bytes)[0]["sentences"][1];
    let start_char = "“We are close,” he said. ".chars().count() as u64;
    let start_byte = "“We are close,” he said. ".len() as u64;
    assert_eq!(second_chars["start"], start_char);
    assert_eq!(second_bytes["start"], start_byte);
    assert_eq!(
        start_byte - start_char,
        4,
        "two curly quotes, two extra bytes each"
    );
}

#[test]
fn invalid_utf8_fails_one_document_and_the_batch_goes_on() {
    let dir = temp_dir("utf8");
    let pipeline = segment_pipeline(&dir);
    let input = dir.join("in");
    write(&input, "1-good.txt", "Hamas accepted.");
    write(&input, "2-bad.txt", b"Caf\xe9 talks.".as_slice());
    write(&input, "3-empty.txt", "");
    let out = lede(&["run", p(&pipeline), p(&input)]);
    assert_eq!(code(&out), 1, "a failed document gives exit code 1");
    let err = stderr(&out);
    assert!(
        err.contains("2-bad.txt: invalid UTF-8 at byte offset 3"),
        "{err}"
    );
    assert!(err.contains("1 of 3 documents failed"), "{err}");
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["1-good", "3-empty"]);
    assert_eq!(docs[1]["text"], "");
    assert_eq!(docs[1]["sentences"], serde_json::json!([]));
}

#[test]
fn bad_jsonl_lines_are_named_by_file_and_line() {
    let dir = temp_dir("jsonl");
    let pipeline = minimal_pipeline(&dir);
    let file = write(
        &dir,
        "batch.jsonl",
        "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n{\"id\": \"broken\", \"text\": \n{\"id\": \"notext\", \"body\": \"x\"}\n\n{\"id\": 5, \"text\": \"Also fine.\"}\n",
    );
    let out = lede(&["run", p(&pipeline), p(&file)]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("batch.jsonl:2: not valid JSON"), "{err}");
    assert!(
        err.contains("batch.jsonl:3: missing field \"text\""),
        "{err}"
    );
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        ["ok1", "5"],
        "blank lines are skipped; numeric ids become strings"
    );
}

#[test]
fn stdin_stream_is_one_to_one_in_order_with_error_records() {
    let dir = temp_dir("stream");
    let pipeline = segment_pipeline(&dir);
    let mut input = String::new();
    let mut expected = Vec::new();
    for i in 0..300 {
        match i % 50 {
            7 => {
                input.push_str("{\"id\": \"bad\", \"text\": \n");
                expected.push(format!("stdin:{}", i + 1));
            }
            19 => {
                input.push_str(&format!("{{\"id\": \"r{i}\", \"txt\": \"typo\"}}\n"));
                expected.push(format!("r{i}"));
            }
            _ => {
                input.push_str(&format!(
                    "{{\"id\": \"r{i}\", \"text\": \"Record {i} says talks resumed. Aid waits.\", \"url\": \"https://example.org/{i}\", \"date\": \"2025-07-0{}\"}}\n",
                    1 + i % 9
                ));
                expected.push(format!("r{i}"));
            }
        }
    }
    for jobs in ["1", "2"] {
        let out = lede_stdin(
            &["run", p(&pipeline), "-", "--jobs", jobs, "--keep", "url"],
            &input,
        );
        // Record mode is the default for stdin: failures are data, exit 0.
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 300, "one output line per input line");
        let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
        assert_eq!(ids, expected, "input order and ids are kept");
        assert!(lines[7]["error"]
            .as_str()
            .unwrap()
            .starts_with("stdin:8: not valid JSON"));
        assert_eq!(lines[19]["error"], "stdin:20: missing field \"text\"");
        assert_eq!(lines[0]["url"], "https://example.org/0");
        assert!(
            lines[0].get("date").is_none(),
            "only kept fields are copied"
        );
        assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
        assert!(
            stderr(&out).contains("12 of 300 documents failed"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn on_error_skip_and_stop() {
    let dir = temp_dir("onerror");
    let pipeline = minimal_pipeline(&dir);
    let input = "{\"id\":\"a\",\"text\":\"A.\"}\nnope\n{\"id\":\"c\",\"text\":\"C.\"}\n";
    let skip = lede_stdin(&["run", p(&pipeline), "-", "--on-error", "skip"], input);
    assert_eq!(code(&skip), 1);
    let ids: Vec<Value> = json_lines(&skip).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a", "c"]);
    let stop = lede_stdin(
        &[
            "run",
            p(&pipeline),
            "-",
            "--on-error",
            "stop",
            "--jobs",
            "1",
        ],
        input,
    );
    assert_eq!(code(&stop), 1);
    let ids: Vec<Value> = json_lines(&stop).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a"]);
    assert!(
        stderr(&stop).contains("stopped at the first failure"),
        "{}",
        stderr(&stop)
    );
}

#[test]
fn metadata_reaches_the_stages() {
    let dir = temp_dir("meta");
    let pipeline = write(
        &dir,
        "dates.toml",
        "[[stage]]\nuse = \"segment\"\n\n[[stage]]\nuse = \"numbers\"\noptions = { relative_dates = true }\n",
    );
    // 2025-07-10 is a Thursday: "on Monday" is 2025-07-07.
    let input =
        "{\"id\":\"d\",\"text\":\"On Monday, talks resumed in Cairo.\",\"date\":\"2025-07-10\"}\n";
    let out = lede_stdin(
        &["run", p(&pipeline), "-", "--keep", "*", "--no-text"],
        input,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert!(doc.get("text").is_none());
    assert_eq!(doc["date"], "2025-07-10");
    let dates: Vec<&Value> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "date")
        .collect();
    assert_eq!(dates.len(), 1, "{doc}");
    assert_eq!(dates[0]["value"], "2025-07-07");
}

#[test]
fn output_file_and_pretty_format() {
    let dir = temp_dir("pretty");
    let pipeline = segment_pipeline(&dir);
    let file = write(
        &dir,
        "a.txt",
        "Israel rejected the plan.\nHamas accepted it.",
    );
    let target = dir.join("out.jsonl");
    let out = lede(&["run", p(&pipeline), p(&file), "-o", p(&target)]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 1);
    let pretty = lede(&["run", p(&pipeline), p(&file), "--format", "pretty"]);
    assert_eq!(code(&pretty), 0);
    let view = stdout(&pretty);
    assert!(view.contains("  1. Israel rejected the plan.\n"), "{view}");
    assert!(view.contains("  2. Hamas accepted it.\n"), "{view}");
}

#[test]
fn default_pipeline_finds_entities_numbers_and_quotes() {
    let dir = temp_dir("default");
    let file = write(
        &dir,
        "news.txt",
        "“We are close to a deal,” said U.S. envoy Steve Witkoff in Doha on Tuesday. Over 35,000 people have died.",
    );
    let out = lede(&["run", p(&file), "--jobs", "1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    for layer in ["sentences", "tokens", "entities", "numbers", "quotes"] {
        assert!(doc[layer].is_array(), "layer {layer} missing: {doc}");
    }
    let pretty = lede(&["run", p(&file), "--format", "pretty", "--jobs", "1"]);
    let view = stdout(&pretty);
    assert!(view.contains("Entities ("), "{view}");
    assert!(view.contains("Numbers ("), "{view}");
    assert!(view.contains("Quotes ("), "{view}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_dir("usage");
    let pipeline = minimal_pipeline(&dir);
    let none = lede(&["run", p(&pipeline)]);
    assert_eq!(code(&none), 2);
    assert!(
        stderr(&none).contains("no INPUT given"),
        "{}",
        stderr(&none)
    );
    let missing = lede(&["run", p(&pipeline), p(&dir.join("nowhere.txt"))]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("nowhere.txt"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(code(&lede(&["run", "--frobnicate", "x.txt"])), 2);
    assert_eq!(code(&lede(&["frobnicate"])), 2);
    let no_pipeline = lede(&["run", p(&dir.join("absent.toml")), "-"]);
    assert_eq!(code(&no_pipeline), 2);
    assert!(
        stderr(&no_pipeline).contains("absent.toml"),
        "{}",
        stderr(&no_pipeline)
    );
}

#[test]
fn check_prints_stages_or_located_errors() {
    let dir = temp_dir("check");
    let good = write(
        &dir,
        "good.toml",
        "name = \"mini\"\n\n[[stage]]\nuse = \"segment\"\n\n[[stage]]\nuse = \"numbers\"\n",
    );
    let out = lede(&["check", p(&good)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("pipeline \"mini\" is valid, 2 stages"),
        "{text}"
    );
    assert!(text.contains("1. segment"), "{text}");
    assert!(
        text.contains("produces: paragraphs, sentences, tokens"),
        "{text}"
    );
    assert!(text.contains("2. numbers"), "{text}");
    assert!(text.contains("requires: sentences"), "{text}");

    let typo = write(&dir, "typo.toml", "[[stage]]\nuse = \"segmnt\"\n");
    let out = lede(&["check", p(&typo)]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("typo.toml:2:7"), "{err}");
    assert!(err.contains("did you mean `segment`"), "{err}");

    let order = write(
        &dir,
        "order.toml",
        "[[stage]]\nuse = \"numbers\"\n\n[[stage]]\nuse = \"segment\"\n",
    );
    let out = lede(&["check", p(&order)]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("order.toml:2:"), "{err}");
    assert!(err.contains("requires layer `sentences`"), "{err}");

    // Every mistake of a file is reported in one run.
    let two = write(
        &dir,
        "two.toml",
        "[[stage]]\nuse = \"segmnt\"\n\n[[stage]]\nuse = \"numbers\"\noptions = { relative_date = true }\n",
    );
    let out = lede(&["check", p(&two)]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("two.toml:2:7: error[unknown-stage]"), "{err}");
    assert!(
        err.contains("two.toml:6:13: error[unknown-option]"),
        "{err}"
    );
    assert!(err.contains("did you mean `relative_dates`?"), "{err}");
    assert!(err.contains("two.toml: 2 errors"), "{err}");
}

#[test]
fn stages_lists_builtins_with_options() {
    let out = lede(&["stages"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for id in ["segment —", "ner —", "numbers —", "quotes —"] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
    assert!(text.contains("produces: entities"), "{text}");
    // Every declared option is listed with its type, default and help.
    for info in lede_runner::builtin_stages() {
        for opt in &info.options {
            let default = match &opt.default {
                Some(v) => format!("default {v}"),
                None => "no default".to_string(),
            };
            let expected = format!("{} ({}, {default}): {}", opt.name, opt.kind, opt.help);
            assert!(text.contains(&expected), "{expected} missing from:\n{text}");
        }
    }
}

#[test]
fn eval_scores_a_hand_made_gold_file() {
    let dir = temp_dir("eval");
    let pipeline = segment_pipeline(&dir);
    // Doc 1: two clear sentences. Doc 2: the gold wrongly joins two
    // sentences, so the segmenter's two are both false positives and the
    // gold sentence a miss. Entities are annotated but not produced.
    let gold = write(
        &dir,
        "gold.jsonl",
        concat!(
            "{\"id\":\"g1\",\"text\":\"Hamas accepted the proposal. Israel rejected it.\",",
            "\"sentences\":[[0,28],[29,48]],\"entities\":[{\"start\":0,\"end\":5,\"label\":\"ORG\"},{\"start\":29,\"end\":35,\"label\":\"GPE\"}]}\n",
            "{\"id\":\"g2\",\"text\":\"Talks resumed. Aid waits.\",\"sentences\":[[0,25]]}\n",
        ),
    );
    let out = lede(&["eval", "--gold", p(&gold), p(&pipeline), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["documents"], 2);
    // Sentences: tp 2 (doc 1), fp 2 and fn 1 (doc 2): P = 0.5, R = 2/3.
    let s = &report["layers"]["sentences"];
    assert_eq!(
        (s["tp"].as_u64(), s["fp"].as_u64(), s["fn"].as_u64()),
        (Some(2), Some(2), Some(1))
    );
    assert!((s["precision"].as_f64().unwrap() - 0.5).abs() < 1e-9);
    assert!((s["recall"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    // Ends: gold {28, 48, 25}; predicted {28, 48, 14, 25}: tp 3, fp 1.
    let e = &report["layers"]["sentence_ends"];
    assert_eq!(
        (e["tp"].as_u64(), e["fp"].as_u64(), e["fn"].as_u64()),
        (Some(3), Some(1), Some(0))
    );
    assert_eq!(report["layers"]["entities"]["fn"], 2);
    assert_eq!(report["not_predicted"], serde_json::json!(["entities"]));

    let text = lede(&["eval", "--gold", p(&gold), p(&pipeline)]);
    assert_eq!(code(&text), 0);
    let table = stdout(&text);
    assert!(table.contains("sentences (exact)"), "{table}");
    assert!(
        table.contains("not produced by the pipeline: entities"),
        "{table}"
    );

    let bad = write(
        &dir,
        "bad.jsonl",
        "{\"id\":\"x\",\"text\":\"abc\"}\n{\"id\":\"y\",\"text\":\"abc\",\"sentences\":[[0,9]]}\n",
    );
    let out = lede(&["eval", "--gold", p(&bad), p(&pipeline)]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("bad.jsonl:2:"), "{}", stderr(&out));
}

#[test]
fn eval_runs_end_to_end_on_the_seed_gold() {
    let gold = corpus().join("gold.jsonl");
    let out = lede(&["eval", "--gold", p(&gold), "--json", "--map", "conll"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["documents"], 5);
    assert_eq!(report["label_map"], "conll");
    for layer in ["sentences", "entities", "numbers", "quotes"] {
        let f1 = report["layers"][layer]["f1"].as_f64();
        assert!(
            f1.is_some_and(|f| (0.0..=1.0).contains(&f)),
            "{layer}: {report}"
        );
    }
    let labels = report["layers"]["entities"]["per_label"]
        .as_object()
        .unwrap();
    assert!(
        labels
            .keys()
            .all(|l| ["PER", "ORG", "LOC", "MISC"].contains(&l.as_str())),
        "{labels:?}"
    );
}

#[test]
fn bench_reports_per_stage_throughput() {
    let dir = temp_dir("bench");
    let pipeline = segment_pipeline(&dir);
    let out = lede(&[
        "bench",
        p(&pipeline),
        p(&corpus()),
        "--repeat",
        "3",
        "--rounds",
        "1",
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["docs"], 15);
    let seed_bytes: u64 = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    assert_eq!(report["bytes"].as_u64(), Some(3 * seed_bytes));
    let stages = report["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 1);
    assert_eq!(stages[0]["name"], "segment");
    assert!(stages[0]["seconds"].as_f64().unwrap() > 0.0);
    assert!(stages[0]["mb_per_s"].as_f64().unwrap() > 0.0);
    assert!(report["total"]["mb_per_s"].as_f64().unwrap() > 0.0);

    let text = lede(&[
        "bench",
        p(&pipeline),
        p(&corpus()),
        "--rounds",
        "1",
        "--jobs",
        "2",
    ]);
    assert_eq!(code(&text), 0);
    let table = stdout(&text);
    assert!(table.contains("segment"), "{table}");
    assert!(table.contains("total (wall clock)"), "{table}");
}

#[test]
fn render_from_existing_output() {
    let dir = temp_dir("render");
    let pipeline = segment_pipeline(&dir);
    let file = write(
        &dir,
        "a.txt",
        "Talks resumed <script>alert(1)</script> in Cairo.",
    );
    let jsonl = dir.join("a.jsonl");
    assert_eq!(
        code(&lede(&["run", p(&pipeline), p(&file), "-o", p(&jsonl)])),
        0
    );
    let html = dir.join("a.html");
    let out = lede(&["render", "--from", p(&jsonl), "-o", p(&html)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.to_lowercase().starts_with("<!doctype html"), "{page}");
    let direct = dir.join("b.html");
    let out = lede(&["render", p(&pipeline), p(&file), "-o", p(&direct)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(direct.exists());
    assert_eq!(
        code(&lede(&["render", "-o", p(&direct)])),
        2,
        "nothing to render"
    );
}

/// Peak resident memory (VmHWM, kB) of `lede run <minimal pipeline> -` fed
/// `records` short JSONL records through a pipe; also checks that every
/// record comes back, in order.
fn peak_rss_kb(pipeline: &Path, records: usize) -> u64 {
    let mut child = Command::new(LEDE)
        .args(["run", p(pipeline), "-", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let mut batch = String::new();
        for i in 0..records {
            batch.push_str(&format!(
                "{{\"id\":\"r{i}\",\"text\":\"Talks resumed in Cairo on Monday, officials said; aid trucks wait at Rafah.\"}}\n"
            ));
            if batch.len() > 1 << 16 {
                stdin.write_all(batch.as_bytes()).unwrap();
                batch.clear();
            }
        }
        stdin.write_all(batch.as_bytes()).unwrap();
    });
    let out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut count = 0usize;
        for line in BufReader::new(out).lines() {
            let line = line.unwrap();
            let expected = format!("{{\"id\":\"r{count}\",");
            assert!(line.starts_with(&expected), "line {count}: {line}");
            count += 1;
        }
        count
    });
    let mut peak = 0u64;
    while child.try_wait().unwrap().is_none() {
        let mut status = String::new();
        if let Ok(mut f) = std::fs::File::open(format!("/proc/{pid}/status")) {
            let _ = f.read_to_string(&mut status);
        }
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    feeder.join().unwrap();
    assert_eq!(
        reader.join().unwrap(),
        records,
        "one output line per record"
    );
    assert!(child.wait().unwrap().success());
    peak
}

#[test]
fn memory_stays_flat_on_a_long_stream() {
    if !Path::new("/proc/self/status").exists() {
        return; // VmHWM is Linux-only
    }
    let dir = temp_dir("memory");
    let pipeline = minimal_pipeline(&dir);
    let small = peak_rss_kb(&pipeline, 20_000);
    let large = peak_rss_kb(&pipeline, 200_000);
    // 200,000 records are about 20 MB of input and 26 MB of output; holding
    // either would show here. Allow a little allocator noise.
    eprintln!("peak RSS: {small} kB for 20,000 records, {large} kB for 200,000");
    assert!(small > 0 && large > 0, "no VmHWM read");
    assert!(
        large < small + 6 * 1024,
        "peak RSS grew from {small} kB (20,000 records) to {large} kB (200,000 records)"
    );
}

#[test]
fn train_ner_writes_a_model_or_fails_with_exit_1() {
    let dir = temp_dir("train");
    // CoNLL-style documents: sentences on lines, tokens separated by spaces.
    let docs = [
        (
            "t1",
            "Steve Witkoff met Hamas officials in Doha .\nIsrael rejected the plan .",
            vec![
                (0, 13, "PER"),
                (18, 23, "ORG"),
                (37, 41, "LOC"),
                (44, 50, "LOC"),
            ],
        ),
        (
            "t2",
            "Antony Blinken flew to Cairo .\nHamas said it would reply .",
            vec![(0, 14, "PER"), (23, 28, "LOC"), (31, 36, "ORG")],
        ),
        (
            "t3",
            "Egypt and Qatar hosted Steve Witkoff .",
            vec![(0, 5, "LOC"), (10, 15, "LOC"), (23, 36, "PER")],
        ),
    ];
    let mut jsonl = String::new();
    for (id, text, entities) in &docs {
        let ents: Vec<Value> = entities
            .iter()
            .map(|(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l}))
            .collect();
        // Sentences are the lines, tokens the words (ASCII: bytes are code
        // points).
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            sentences.push(serde_json::json!([at, at + line.len()]));
            let mut w = at;
            for word in line.split(' ') {
                tokens.push(serde_json::json!([w, w + word.len()]));
                w += word.len() + 1;
            }
            at += line.len() + 1;
        }
        jsonl.push_str(
            &serde_json::json!({"id": id, "text": text, "sentences": sentences,
                "tokens": tokens, "entities": ents})
            .to_string(),
        );
        jsonl.push('\n');
    }
    let train = write(&dir, "train.jsonl", &jsonl);
    let dev = write(&dir, "dev.jsonl", &jsonl);
    let model = dir.join("ner.model");
    let out = lede(&[
        "train",
        "ner",
        "--train",
        p(&train),
        "--dev",
        p(&dev),
        "-o",
        p(&model),
        "--epochs",
        "2",
        "--seed",
        "7",
    ]);
    assert_eq!(code(&out), 0, "{}\n{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("epoch 2"), "{}", stdout(&out));
    assert!(std::fs::metadata(&model).unwrap().len() > 0);

    let missing = lede(&[
        "train",
        "ner",
        "--train",
        p(&dir.join("absent.jsonl")),
        "--dev",
        p(&dev),
        "-o",
        p(&model),
    ]);
    assert_eq!(code(&missing), 1);
    assert!(
        stderr(&missing).contains("training failed"),
        "{}",
        stderr(&missing)
    );

    // A file without tokens is refused, not learnt from as nothing.
    let bare = write(
        &dir,
        "bare.jsonl",
        "{\"id\": \"b\", \"text\": \"Hamas said .\", \"entities\": []}\n",
    );
    let refused = lede(&[
        "train",
        "ner",
        "--train",
        p(&bare),
        "--dev",
        p(&dev),
        "-o",
        p(&dir.join("bare.model")),
    ]);
    assert_eq!(code(&refused), 1);
    assert!(
        stderr(&refused).contains("bare.jsonl:1") && stderr(&refused).contains("layer"),
        "{}",
        stderr(&refused)
    );
    assert!(!dir.join("bare.model").exists());
}

#[test]
fn kept_metadata_never_repeats_a_key_lede_writes() {
    let dir = temp_dir("reserved");
    let pipeline = segment_pipeline(&dir);
    // Named on the command line: refused before anything is read.
    for field in ["sentences", "error", "id"] {
        let out = lede(&["run", p(&pipeline), "-", "--keep", field]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("--keep {field}")),
            "{}",
            stderr(&out)
        );
    }
    // Kept with `*`: the clashing record is refused with a clear error, in
    // its place, and the others are written.
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"Talks resumed.\",\"desk\":\"world\"}\n",
        "{\"id\":\"b\",\"text\":\"Talks stalled.\",\"error\":\"none\"}\n",
    );
    let out = lede_stdin(&["run", p(&pipeline), "-", "--keep", "*"], input);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["desk"], "world");
    assert_eq!(lines[1]["id"], "b");
    let error = lines[1]["error"].as_str().unwrap();
    assert!(error.contains("metadata field \"error\""), "{error}");
    assert!(lines[1].get("sentences").is_none());
}

#[test]
fn a_byte_order_mark_starts_no_token_and_loses_no_record() {
    let dir = temp_dir("bom");
    let pipeline = segment_pipeline(&dir);
    let txt = write(&dir, "in/bom.txt", b"\xEF\xBB\xBFHamas accepted.");
    let out = lede(&["run", p(&pipeline), p(&txt)]);
    let docs = json_lines(&out);
    assert_eq!(docs[0]["text"], "Hamas accepted.");
    assert_eq!(
        docs[0]["tokens"][0],
        serde_json::json!({"start": 0, "end": 5, "kind": "word"})
    );
    let jsonl = write(
        &dir,
        "in.jsonl",
        b"\xEF\xBB\xBF{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\"Two.\"}\n",
    );
    let out = lede(&["run", p(&pipeline), p(&jsonl)]);
    let ids: Vec<Value> = json_lines(&out).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, [Value::from("1"), Value::from("2")]);
}
