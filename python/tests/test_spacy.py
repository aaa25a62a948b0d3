"""The spaCy bridge, on a blank English vocabulary (no model download)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

TEXT = (
    "GAZA CITY —  Israeli strikes killed at least 20 people overnight, officials said.\n\n"
    "“We have nowhere left to go,” said Umm Mohammed, a mother of five. "
    "Secretary of State Antony Blinken is due in Cairo on Wednesday."
)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_the_spacy_doc_has_lede_text_tokens_and_sentences(nlp, vocab):
    doc = nlp(TEXT)
    sdoc = doc.to_spacy(vocab)
    assert sdoc.text == doc.text
    words = [(t.idx, t.text) for t in sdoc if not t.is_space]
    assert words == [(t.start, t.text) for t in doc.tokens]
    sentences = [s.text.strip() for s in sdoc.sents]
    assert sentences == [s.text for s in doc.sentences]


def test_entities_and_quotes_carry_their_attributes(nlp, vocab):
    doc = nlp(TEXT)
    sdoc = doc.to_spacy(vocab)
    assert [(e.start_char, e.end_char, e.label_) for e in sdoc.ents] == [
        (e.start, e.end, e.label) for e in doc.entities
    ]
    blinken = [e for e in sdoc.ents if e.text == "Antony Blinken"]
    assert blinken and blinken[0].label_ == "PERSON" and blinken[0]._.canonical == "Antony Blinken"
    [quote] = sdoc.spans["quotes"]
    assert quote.text == "We have nowhere left to go,"
    assert quote._.speaker == "Umm Mohammed"
    assert quote._.cue == "said"


def test_displacy_renders_the_entities(nlp, vocab):
    from spacy import displacy

    html = displacy.render(nlp(TEXT).to_spacy(vocab), style="ent")
    assert "Antony Blinken" in html and "PERSON" in html
