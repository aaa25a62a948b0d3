//! The stage's options as the runner passes them: kinds to emit and extra
//! reporting verbs.

use lede_core::{Document, OptionValue, Options, QuoteKind, Span, Stage, StageError};

fn stage(options: &[(&str, Vec<&str>)]) -> Result<Box<dyn Stage>, StageError> {
    let info = lede_quotes::stage_info();
    let mut opts = Options::defaults(&info.options);
    for (name, values) in options {
        opts.insert(
            *name,
            OptionValue::StringList(values.iter().map(|v| v.to_string()).collect()),
        );
    }
    (info.build)(&opts)
}

fn doc(text: &str) -> Document {
    let mut doc = Document::new("o", text);
    let whole = Span::new(text, 0, text.len()).unwrap();
    doc.layers.paragraphs = Some(vec![whole]);
    doc.layers.sentences = Some(vec![whole]);
    doc.layers.entities = Some(Vec::new());
    doc
}

const TEXT: &str =
    "The plan envisions the “day after” in Gaza. A senior official said: “We are close.”";

#[test]
fn default_kinds_are_direct_and_partial() {
    let info = lede_quotes::stage_info();
    assert_eq!(info.id, "quotes");
    assert_eq!(info.requires, &["paragraphs", "sentences", "entities"]);
    let s = stage(&[]).unwrap();
    let mut d = doc(TEXT);
    s.process(&mut d).unwrap();
    let quotes = d.layers.quotes.unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].span.text(&d.text), "We are close.");
    assert_eq!(quotes[0].kind, QuoteKind::Direct);
    assert_eq!(
        quotes[0].speaker.as_ref().unwrap().text,
        "A senior official"
    );
}

#[test]
fn scare_quotes_are_emitted_on_request() {
    let s = stage(&[("kinds", vec!["scare"])]).unwrap();
    let mut d = doc(TEXT);
    s.process(&mut d).unwrap();
    let texts: Vec<&str> = d
        .layers
        .quotes
        .as_deref()
        .unwrap()
        .iter()
        .map(|q| q.span.text(&d.text))
        .collect();
    assert_eq!(texts, vec!["day after"]);
}

#[test]
fn an_unknown_kind_is_refused() {
    match stage(&[("kinds", vec!["direct", "indirect"])]) {
        Err(StageError::BadOption { option, message }) => {
            assert_eq!(option, "kinds");
            assert!(message.contains("indirect"), "{message}");
        }
        Err(e) => panic!("wrong error {e}"),
        Ok(_) => panic!("accepted an unknown kind"),
    }
}

#[test]
fn extra_speech_verbs_attribute_quotes() {
    let text = "“We will not be moved,” intoned one protester.";
    let plain = stage(&[]).unwrap();
    let mut d = doc(text);
    plain.process(&mut d).unwrap();
    assert!(d.layers.quotes.as_deref().unwrap()[0].speaker.is_none());

    let extra = stage(&[("speech_verbs", vec!["intone"])]).unwrap();
    let mut d = doc(text);
    extra.process(&mut d).unwrap();
    let q = &d.layers.quotes.as_deref().unwrap()[0];
    assert_eq!(q.speaker.as_ref().unwrap().text, "one protester");
    assert_eq!(q.cue.as_deref(), Some("intoned"));
}
