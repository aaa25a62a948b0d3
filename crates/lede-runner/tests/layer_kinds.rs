//! A layer kind defined outside lede-core, produced by a stage, run through
//! the runner and written as JSON; and the runner refusing stages that
//! touch layers they do not declare.

use lede_core::json::{to_json, WriteOptions};
use lede_core::{
    layer, AccessError, Document, LayerItem, LayerKind, Options, Overlap, Span, Stage, StageError,
};
use lede_runner::{run_ordered, Failure, Outcome, Pipeline};
use serde::ser::SerializeMap;
use serde_json::Value;

/// A headline: a paragraph that does not end like a sentence, with how many
/// words it has. Everything lede needs to know about the kind is here.
#[derive(Clone, Debug, PartialEq, Hash)]
struct Headline {
    span: Span,
    words: u32,
}

impl LayerItem for Headline {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        "headline"
    }
    fn write_fields<M: SerializeMap>(
        &self,
        map: &mut M,
        _: &lede_core::json::Offsets,
    ) -> Result<(), M::Error> {
        map.serialize_entry("words", &self.words)
    }
    fn read(
        value: &Value,
        off: &lede_core::json::Offsets,
        layer: &str,
    ) -> Result<Self, lede_core::json::ReadError> {
        Ok(Headline {
            span: lede_core::json::read_span(off, layer, value)?,
            words: value.get("words").and_then(Value::as_u64).unwrap_or(0) as u32,
        })
    }
}

const HEADLINES: LayerKind<Headline> = LayerKind::new("headlines", Overlap::Never);

/// The stage that produces the toy kind from the paragraphs.
struct FindHeadlines;

impl Stage for FindHeadlines {
    fn name(&self) -> &str {
        "headlines"
    }
    fn requires(&self) -> Vec<String> {
        vec![layer::PARAGRAPHS.into()]
    }
    fn produces(&self) -> Vec<String> {
        vec![HEADLINES.id().into()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let paragraphs = doc.layers.paragraphs.as_deref().unwrap_or(&[]);
        let headlines = paragraphs
            .iter()
            .filter(|p| {
                let text = p.text(&doc.text).trim_end();
                !text.is_empty() && !text.ends_with(['.', '?', '!', '"', '”'])
            })
            .map(|p| Headline {
                span: *p,
                words: p.text(&doc.text).split_whitespace().count() as u32,
            })
            .collect();
        HEADLINES.set(&mut doc.layers, headlines);
        Ok(())
    }
}

fn segment() -> Box<dyn Stage> {
    let info = lede_segment::stage_info();
    (info.build)(&Options::defaults(&info.options)).expect("segment builds")
}

const ARTICLE: &str = "Ceasefire talks resume in Cairo\n\
    Negotiators returned to Cairo on Monday for a third round of talks.\n\
    Officials said a deal was close.";

#[test]
fn a_layer_kind_defined_in_a_test_runs_through_the_runner_into_json() {
    let pipeline = Pipeline::from_stages("toy", vec![segment(), Box::new(FindHeadlines)])
        .expect("the toy stage's required layer is produced first");
    let mut outputs = Vec::new();
    run_ordered(
        &pipeline,
        vec![Ok(Document::new("a1", ARTICLE))],
        1,
        |outcome| match outcome {
            Outcome::Done(doc) => outputs.push(doc),
            Outcome::Failed { id, error } => panic!("{id}: {error}"),
        },
    );
    let doc = &outputs[0];
    let headlines = HEADLINES.get(&doc.layers).expect("the layer is produced");
    assert_eq!(headlines.len(), 1);
    assert_eq!(
        doc.slice(headlines[0].span),
        "Ceasefire talks resume in Cairo"
    );
    assert_eq!(headlines[0].words, 5);
    assert!(doc.layers.has("headlines"));
    assert!(doc.layers.names().contains(&"headlines"));

    // The JSON form comes from the kind: start, end, then its own keys,
    // after the built-in layers.
    let written = to_json(doc, &WriteOptions::default());
    assert!(written.find("\"tokens\":") < written.find("\"headlines\":"));
    let json: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(
        json["headlines"],
        serde_json::json!([{"start": 0, "end": 31, "words": 5}])
    );
    // The headline is a paragraph and a sentence of its own.
    assert!(json["sentences"].as_array().is_some_and(|s| s.len() == 3));

    // A plugin that requires the layer sees span and label.
    let view = doc.layers.stored("headlines").unwrap().plugin_items();
    assert_eq!(view, vec![(headlines[0].span, "headline")]);
}

#[test]
fn a_plugin_layer_of_the_same_name_as_a_defined_kind_is_refused_when_written() {
    let mut doc = Document::new("a2", ARTICLE);
    HEADLINES.set(&mut doc.layers, Vec::new());
    doc.layers.generic.insert("headlines".into(), Vec::new());
    let err = lede_core::json::DocumentJson::new(&doc, &WriteOptions::default())
        .err()
        .expect("two layers called headlines");
    assert!(err.to_string().contains("\"headlines\""), "{err}");
}

/// Misbehaves on documents whose text asks it to; does its declared job
/// (an empty `flags` layer) otherwise.
struct Meddler;

impl Stage for Meddler {
    fn name(&self) -> &str {
        "meddler"
    }
    fn requires(&self) -> Vec<String> {
        vec![layer::TOKENS.into()]
    }
    fn produces(&self) -> Vec<String> {
        vec!["flags".into()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.text.contains("entities") {
            // Not in `produces`.
            doc.layers.entities = Some(Vec::new());
        }
        if doc.text.contains("tokens") {
            // Required, so read-only.
            if let Some(tokens) = doc.layers.tokens.as_mut() {
                tokens.pop();
            }
        }
        if doc.text.contains("sentences") {
            // Neither required nor produced: the stage does not even see
            // the layer, and writing it is refused.
            doc.layers.sentences = Some(Vec::new());
        }
        if doc.text.contains("text") {
            doc.text.push_str(" (updated)");
        }
        doc.layers.generic.insert("flags".into(), Vec::new());
        Ok(())
    }
}

#[test]
fn a_stage_that_writes_what_it_does_not_declare_fails_its_document_and_the_batch_goes_on() {
    let pipeline = Pipeline::from_stages("meddling", vec![segment(), Box::new(Meddler)]).unwrap();
    let texts = [
        "The minister resigned on Friday.",
        "The minister resigned on Friday, the stage adds entities.",
        "The minister resigned on Friday, the stage edits tokens.",
        "Shares fell 3% in early trading.",
        "The minister resigned on Friday, the stage replaces sentences.",
        "The minister resigned on Friday, the stage edits the text.",
        "Rain is expected across the north on Sunday.",
    ];
    let inputs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Ok(Document::new(format!("d{i}"), *t)));
    let mut results = Vec::new();
    run_ordered(&pipeline, inputs, 2, |outcome| results.push(outcome));
    assert_eq!(results.len(), texts.len());

    let refused = |i: usize| match &results[i] {
        Outcome::Failed {
            id,
            error: Failure::Stage(e),
        } => {
            assert_eq!(id, &format!("d{i}"));
            assert_eq!(e.stage, "meddler");
            match &e.source {
                StageError::Access(access) => (access.clone(), e.to_string()),
                other => panic!("d{i}: not an access error: {other}"),
            }
        }
        other => panic!("d{i} was not refused: {other:?}"),
    };
    let (entities, message) = refused(1);
    assert_eq!(
        entities,
        AccessError::Undeclared {
            layer: "entities".into()
        }
    );
    assert!(
        message.starts_with(
            "stage `meddler`: it wrote layer `entities`, which is not in its `produces`"
        ),
        "{message}"
    );
    assert_eq!(
        refused(2).0,
        AccessError::ChangedRequired {
            layer: "tokens".into()
        }
    );
    assert_eq!(
        refused(4).0,
        AccessError::Undeclared {
            layer: "sentences".into()
        }
    );
    assert_eq!(refused(5).0, AccessError::ChangedText);

    for i in [0, 3, 6] {
        let Outcome::Done(doc) = &results[i] else {
            panic!("d{i} should pass: {:?}", results[i]);
        };
        // The layers the stage could not see are back, unchanged.
        assert_eq!(doc.layers.sentences.as_ref().map(Vec::len), Some(1));
        assert!(doc.layers.paragraphs.is_some());
        assert_eq!(
            doc.layers.names(),
            ["paragraphs", "sentences", "tokens", "flags"]
        );
    }
}

#[test]
fn the_default_pipeline_keeps_each_built_in_kind_in_order_without_overlaps_on_the_seeds() {
    let pipeline = Pipeline::default_news().unwrap();
    for gold in lede_core::testing::gold_seeds() {
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        pipeline.process(&mut doc).expect("the seeds run");
        for kind in lede_core::BUILT_IN_KINDS {
            let layer = doc
                .layers
                .stored(kind.id().as_str())
                .expect("every layer is made");
            assert_eq!(
                layer.order_violation(kind.overlap()),
                None,
                "{}: {}",
                doc.id,
                kind.id()
            );
        }
    }
}
