//! `lede train ner` refuses files it cannot learn from, with the reason.

use std::path::PathBuf;

use lede_ner::train::{train, TrainConfig, TrainError};

const GOOD: &str = r#"{"id": "d1", "text": "Hamas said Israel agreed .", "sentences": [[0, 26]], "tokens": [[0, 5], [6, 10], [11, 17], [18, 24], [25, 26]], "entities": [{"start": 0, "end": 5, "label": "ORG"}, {"start": 11, "end": 17, "label": "LOC"}]}"#;

fn file(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-ner-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, body).expect("temp file");
    path
}

fn run(train_body: &str, name: &str) -> Result<(), TrainError> {
    let path = file(name, train_body);
    let dev = file(&format!("dev-{name}"), GOOD);
    let config = TrainConfig {
        train: path.clone(),
        dev,
        output: path.with_extension("model"),
        epochs: 1,
        seed: 1,
    };
    train(&config, &mut |_| {})
}

#[test]
fn a_file_without_tokens_is_refused() {
    let err = run(
        r#"{"id": "a", "text": "Hamas said .", "sentences": [[0, 12]]}"#,
        "notok.jsonl",
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            TrainError::MissingLayer {
                line: 1,
                layer: "tokens",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_file_without_entities_is_refused() {
    let body = r#"{"id": "a", "text": "Hamas said .", "sentences": [[0, 12]], "tokens": [[0, 5], [6, 10], [11, 12]], "entities": []}"#;
    let err = run(body, "noent.jsonl").unwrap_err();
    assert!(
        matches!(
            err,
            TrainError::Empty {
                what: "no entity",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn an_empty_file_is_refused() {
    let err = run("\n\n", "empty.jsonl").unwrap_err();
    assert!(
        matches!(
            err,
            TrainError::Empty {
                what: "no document",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn an_unknown_label_is_refused_with_its_line() {
    let body = format!(
        "{GOOD}\n{}",
        GOOD.replace(r#""label": "ORG""#, r#""label": "TEAM""#)
    );
    let err = run(&body, "label.jsonl").unwrap_err();
    assert!(matches!(err, TrainError::Line { line: 2, .. }), "{err}");
    assert!(err.to_string().contains("TEAM"), "{err}");
}

#[test]
fn an_entity_off_the_tokens_is_refused() {
    let body = GOOD.replace(r#""start": 0, "end": 5"#, r#""start": 0, "end": 3"#);
    let err = run(&body, "misaligned.jsonl").unwrap_err();
    assert!(
        matches!(
            err,
            TrainError::Misaligned {
                start: 0,
                end: 3,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_good_file_trains_the_same_model_twice() {
    run(GOOD, "good.jsonl").expect("trains");
    let path = file("good.jsonl", GOOD).with_extension("model");
    let first = std::fs::read(&path).expect("model written");
    run(GOOD, "good.jsonl").expect("trains");
    assert_eq!(first, std::fs::read(&path).expect("model written"));
}
