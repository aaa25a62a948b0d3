use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::{
    AttrValue, Entity, EntityLabel, GenericAnnotation, NumberAnnotation, NumberKind, NumberValue,
    Quote, QuoteKind, Speaker, Token, TokenKind,
};

fn sample() -> Document {
    let text = "“The streets are quiet,” notes Hassan al-Masri. Over 35,000 died.";
    let mut doc = Document::new("001", text);
    let find = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(text, start, start + s.len()).unwrap()
    };
    doc.metadata
        .insert("date".into(), Value::String("2024-05-07".into()));
    doc.layers.sentences = Some(vec![
        find("“The streets are quiet,” notes Hassan al-Masri."),
        find("Over 35,000 died."),
    ]);
    doc.layers.tokens = Some(vec![Token {
        span: find("Hassan"),
        kind: TokenKind::Word,
    }]);
    doc.layers.entities = Some(vec![Entity {
        span: find("Hassan al-Masri"),
        label: EntityLabel::Person,
        canonical: Some("Hassan al-Masri".into()),
        title: None,
    }]);
    let mut n = NumberAnnotation::new(
        find("35,000"),
        NumberKind::Cardinal,
        NumberValue::Number(35000.0),
    );
    n.modifier = Some("over".into());
    doc.layers.numbers = Some(vec![n]);
    doc.layers.quotes = Some(vec![Quote {
        span: find("The streets are quiet,"),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Some(find("Hassan al-Masri")),
            text: "Hassan al-Masri".into(),
            canonical: Some("Hassan al-Masri".into()),
            entity: None,
        }),
        cue: Some("notes".into()),
    }]);
    let mut attrs = BTreeMap::new();
    attrs.insert("score".into(), AttrValue::Float(0.5));
    doc.layers.generic.insert(
        "lexicon".into(),
        vec![GenericAnnotation {
            span: find("died"),
            label: "topic".into(),
            attrs,
        }],
    );
    doc
}

#[test]
fn code_point_offsets_match_python_slicing() {
    let doc = sample();
    let json = to_json(&doc, &WriteOptions::default());
    let v: Value = serde_json::from_str(&json).unwrap();
    let quote = &v["quotes"][0];
    let chars: Vec<char> = doc.text.chars().collect();
    let s = quote["start"].as_u64().unwrap() as usize;
    let e = quote["end"].as_u64().unwrap() as usize;
    // The opening “ is one code point but three bytes.
    assert_eq!(s, 1);
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "The streets are quiet,"
    );
    assert_eq!(v["numbers"][0]["value"], 35000.0);
    assert_eq!(v["numbers"][0]["modifier"], "over");
    assert!(
        v.get("date").is_none(),
        "metadata is not written unless kept"
    );
}

#[test]
fn round_trips_in_both_offset_units() {
    let doc = sample();
    for unit in [OffsetUnit::CodePoints, OffsetUnit::Bytes] {
        let options = WriteOptions {
            offsets: unit,
            include_text: true,
            keep: KeepMetadata::All,
        };
        let json = to_json(&doc, &options);
        let back = from_json(&json, unit).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn an_unstated_amount_is_null_and_reads_back() {
    let json = r#"{"id":"p","text":"A small percentage left.","numbers":[{"start":8,"end":18,"kind":"percent","value":null,"modifier":"small"}]}"#;
    let doc = from_json(json, OffsetUnit::CodePoints).unwrap();
    let n = &doc.layers.numbers.as_ref().unwrap()[0];
    assert!(n.value.is_unstated());
    assert_eq!(n.value, NumberValue::UNSTATED);
    let options = WriteOptions {
        offsets: OffsetUnit::CodePoints,
        include_text: true,
        keep: KeepMetadata::All,
    };
    let written = to_json(&doc, &options);
    assert!(written.contains(r#""value":null"#), "{written}");
    assert_eq!(from_json(&written, OffsetUnit::CodePoints).unwrap(), doc);
}

#[test]
fn reads_the_gold_quote_form() {
    let text = "“Go,” said Blinken.";
    let json = r#"{"id":"g","text":"“Go,” said Blinken.","sentences":[[0,19]],
        "quotes":[{"start":1,"end":4,"kind":"direct","speaker":"Antony Blinken","speaker_start":11,"speaker_end":18,"cue":"said"}]}"#;
    let doc = from_json(json, OffsetUnit::CodePoints).unwrap();
    let q = &doc.layers.quotes.as_ref().unwrap()[0];
    assert_eq!(doc.slice(q.span), "Go,");
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(sp.span.unwrap().text(text), "Blinken");
    assert_eq!(sp.canonical.as_deref(), Some("Antony Blinken"));
}

#[test]
fn rejects_spans_past_the_text() {
    let json = r#"{"id":"x","text":"abc","sentences":[[0,9]]}"#;
    let err = from_json(json, OffsetUnit::CodePoints).unwrap_err();
    assert!(err.to_string().contains("sentences"), "{err}");
    assert!(matches!(
        from_json(r#"{"id":"x"}"#, OffsetUnit::CodePoints),
        Err(ReadError::Missing("text"))
    ));
}

#[test]
fn strings_are_escaped_as_json() {
    for (s, expected) in [
        ("plain", r#""plain""#),
        ("quote \" and \\ slash", r#""quote \" and \\ slash""#),
        ("line\nbreak\ttab\r", r#""line\nbreak\ttab\r""#),
        (
            "ctl \u{1}\u{8}\u{c}\u{1f}",
            r#""ctl \u0001\u0008\u000c\u001f""#,
        ),
        ("“curly” בנימין 😀", "\"“curly” בנימין 😀\""),
    ] {
        let json = to_json(&Document::new(s, ""), &WriteOptions::default());
        let id = json
            .strip_prefix("{\"id\":")
            .and_then(|rest| rest.strip_suffix(",\"text\":\"\"}"))
            .unwrap();
        assert_eq!(id, expected);
        let back: String = serde_json::from_str(id).unwrap();
        assert_eq!(back, s);
    }
}

#[test]
fn writes_the_documented_form_byte_for_byte() {
    let doc = sample();
    let json = to_json(&doc, &WriteOptions::default());
    assert_eq!(
        json,
        concat!(
            r#"{"id":"001","text":"“The streets are quiet,” notes Hassan al-Masri. Over 35,000 died.","#,
            r#""sentences":[{"start":0,"end":47},{"start":48,"end":65}],"#,
            r#""tokens":[{"start":31,"end":37,"kind":"word"}],"#,
            r#""entities":[{"start":31,"end":46,"label":"PERSON","canonical":"Hassan al-Masri"}],"#,
            r#""numbers":[{"start":53,"end":59,"kind":"cardinal","value":35000.0,"modifier":"over"}],"#,
            r#""quotes":[{"start":1,"end":23,"kind":"direct","speaker":{"start":31,"end":46,"text":"Hassan al-Masri","canonical":"Hassan al-Masri"},"cue":"notes"}],"#,
            r#""lexicon":[{"start":60,"end":64,"label":"topic","score":0.5}]}"#
        )
    );
}

#[test]
fn kept_metadata_may_not_take_a_reserved_key() {
    let mut doc = sample();
    let all = WriteOptions {
        keep: KeepMetadata::All,
        ..WriteOptions::default()
    };
    assert!(DocumentJson::new(&doc, &all).is_ok());
    for key in ["sentences", "lexicon", "error", "id"] {
        doc.metadata.insert(key.into(), Value::Bool(true));
        let err = DocumentJson::new(&doc, &all).err().unwrap();
        assert!(
            matches!(&err, WriteError::ReservedKey { key: k, .. } if k == key),
            "{err}"
        );
        doc.metadata.remove(key);
    }
    // A field that names a layer this document does not have is fine.
    doc.metadata.insert("paragraphs".into(), Value::Bool(true));
    assert!(DocumentJson::new(&doc, &all).is_ok());
}

#[test]
fn a_plugin_layer_may_not_take_a_reserved_name() {
    let mut doc = Document::new("d", "text");
    doc.layers.generic.insert("error".into(), Vec::new());
    assert!(matches!(
        DocumentJson::new(&doc, &WriteOptions::default()),
        Err(WriteError::ReservedLayer { .. })
    ));
    assert!(is_reserved_layer_name("tokens") && is_reserved_layer_name("id"));
    assert!(!is_reserved_layer_name("handles"));
}

#[test]
fn duplicate_keys_and_wrong_types_are_refused() {
    let err = from_json(r#"{"text":"a","text":"b"}"#, OffsetUnit::Bytes).unwrap_err();
    assert_eq!(err.to_string(), "field \"text\" is given twice");
    let err = from_json(r#"{"id":"a","text":7}"#, OffsetUnit::Bytes).unwrap_err();
    assert_eq!(err.to_string(), "field \"text\" must be a string");
    let err = from_json(r#"[1]"#, OffsetUnit::Bytes).unwrap_err();
    assert_eq!(err.to_string(), "expected a JSON object");
    let err = from_json("{\"text\":\n  tru}", OffsetUnit::Bytes).unwrap_err();
    assert!(matches!(err, ReadError::Syntax { line: 2, .. }), "{err:?}");
}

proptest! {
    #[test]
    fn any_text_round_trips(text in "\\PC{0,200}", cut in 0usize..200) {
        let mut doc = Document::new("p", text.clone());
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let a = boundaries[cut % boundaries.len()];
        doc.layers.sentences = Some(vec![Span::new(&text, 0, a).unwrap(), Span::new(&text, a, text.len()).unwrap()]);
        for unit in [OffsetUnit::CodePoints, OffsetUnit::Bytes] {
            let opts = WriteOptions { offsets: unit, ..WriteOptions::default() };
            let back = from_json(&to_json(&doc, &opts), unit).unwrap();
            prop_assert_eq!(&back, &doc);
        }
    }
}
