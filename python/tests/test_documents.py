"""One text through the pipeline: the JSON round trip against the CLI, the
typed layers and their offsets."""

from __future__ import annotations

import json

import pytest

import lede
from conftest import SEEDS, run_cli

# Non-ASCII everywhere: curly quotes, accented names, an em dash, the euro
# sign and emoji outside the Basic Multilingual Plane (one code point each in
# Python, four bytes in UTF-8), placed before the annotations so any byte or
# UTF-16 offset would be off.
NON_ASCII = (
    "🇺🇦🔥 Kyiv — “We will not give up a single village,” said President "
    "Volodymyr Zelenskyy on Tuesday. Café owners in Montréal raised €2.5 million "
    "for the aid group, up from €900,000 last year. François Legault told reporters "
    "the province would match it."
)


def test_every_seed_matches_the_cli_json(nlp, seeds, cli):
    result = run_cli(cli, "run", str(SEEDS))
    assert result.returncode == 0, result.stderr
    expected = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        expected[record["id"]] = record
    assert sorted(expected) == sorted(seeds)
    for doc_id, text in seeds.items():
        doc = nlp(text, id=doc_id)
        assert doc.to_dict() == expected[doc_id], doc_id
        assert json.loads(doc.to_json()) == expected[doc_id]


def test_non_ascii_offsets_are_python_string_offsets(nlp):
    doc = nlp(NON_ASCII, id="kyiv")
    assert doc.text == NON_ASCII
    assert doc.id == "kyiv"
    for name in doc.layers:
        for item in doc.layer(name):
            assert doc.text[item.start : item.end] == item.text, (name, item)
    people = {e.text: e.label for e in doc.entities}
    assert people.get("Volodymyr Zelenskyy") == "PERSON"
    assert people.get("François Legault") == "PERSON"
    assert people.get("Montréal") == "GPE"
    money = [n for n in doc.numbers if n.kind == "money"]
    assert [(n.text, n.value) for n in money][:2] == [("€2.5 million", 2500000.0), ("€900,000", 900000.0)]
    [quote] = doc.quotes
    # A quotation's span is its inside, without the marks.
    assert quote.text == "We will not give up a single village,"
    assert NON_ASCII[quote.start - 1] == "“"
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.canonical) == ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy")
    assert doc.text[quote.speaker.start : quote.speaker.end] == "Volodymyr Zelenskyy"
    assert quote.cue == "said"
    assert [e.title for e in doc.entities if e.text == "Volodymyr Zelenskyy"] == ["President"]
    assert len(doc.sentences) == 3
    assert doc.sentences[0].text.startswith("🇺🇦🔥 Kyiv")


def test_typed_layers_are_read_only(nlp):
    doc = nlp(NON_ASCII)
    entity = doc.entities[0]
    with pytest.raises(AttributeError):
        entity.label = "ORG"  # type: ignore[misc]
    assert isinstance(doc.entities, tuple)


def test_a_seed_has_the_readme_annotations(nlp, seeds):
    doc = nlp(seeds["001_a253fbec9e659c08"], id="001")
    blinken = [e for e in doc.entities if e.canonical == "Antony Blinken"]
    assert blinken and all(e.label == "PERSON" for e in blinken)
    lives = [n for n in doc.numbers if n.unit == "lives"]
    assert [(n.kind, n.value, n.modifier) for n in lives] == [("cardinal", 35000.0, "over")]
    said = [q for q in doc.quotes if q.speaker and q.speaker.canonical == "Antony Blinken"]
    assert said and said[0].text.startswith("These negotiations represent our last, best hope")


def test_rows_are_flat_plain_dicts(nlp):
    doc = nlp(NON_ASCII, id="kyiv")
    rows = doc.rows("quotes")
    assert len(rows) == 1
    row = rows[0]
    assert row["doc_id"] == "kyiv"
    assert row["text"] == NON_ASCII[row["start"] : row["end"]]
    assert row["cue"] == "said"
    assert "speaker" in row and "speaker_canonical" in row
    for layer in doc.layers:
        for r in doc.rows(layer):
            assert all(not isinstance(v, (dict, list)) for v in r.values()), r
    assert doc.rows("no-such-layer") == []


def test_rows_make_a_dataframe(nlp, seeds):
    pandas = pytest.importorskip("pandas")
    doc = nlp(seeds["001_a253fbec9e659c08"])
    frame = pandas.DataFrame(doc.rows("numbers"))
    assert list(frame.columns[:4]) == ["doc_id", "start", "end", "text"]
    assert len(frame) == len(doc.numbers)


def test_metadata_is_kept_on_the_document(nlp):
    doc = nlp("Police in Lagos said on Monday that 12 people were hurt.", id="a1", metadata={"url": "https://example.com/a1", "year": 2024})
    assert doc.metadata == {"url": "https://example.com/a1", "year": 2024}
    assert "url" not in doc.to_dict()  # as `lede run` without --keep


def test_a_text_that_is_not_a_string_is_a_type_error(nlp):
    with pytest.raises(TypeError):
        nlp(b"bytes are not text")  # type: ignore[arg-type]


def test_stages_lists_the_built_in_stages():
    by_id = {s["id"]: s for s in lede.stages()}
    assert list(by_id)[:4] == ["segment", "ner", "numbers", "quotes"]
    assert by_id["ner"]["requires"] == ["sentences", "tokens"] or "tokens" in by_id["ner"]["requires"]
    assert "entities" in by_id["ner"]["produces"]
    for stage in by_id.values():
        for option in stage["options"]:
            assert set(option) == {"name", "kind", "default", "help"}


def test_a_lone_surrogate_is_a_document_error(nlp):
    with pytest.raises(lede.DocumentError) as caught:
        nlp("Paris \ud800 said no.", id="bad")
    assert caught.value.id == "bad"
    assert "surrogate" in caught.value.message
