"""Building pipelines and their diagnostics."""

from __future__ import annotations

import pytest

import lede
from conftest import REPO, run_cli

UNKNOWN_STAGE = '[[stage]]\nuse = "segment"\n\n[[stage]]\nuse = "nerr"\n'
MISSING_LAYER = '[[stage]]\nuse = "quotes"\n'
TWO_PROBLEMS = '[[stage]]\nuse = "segment"\noptions = { layerz = ["tokens"] }\n\n[[stage]]\nuse = "numbrs"\n'


def test_the_default_pipeline_is_the_news_pipeline():
    nlp = lede.Pipeline()
    assert nlp.name == "news"
    assert [s["id"] for s in nlp.stages] == ["segment", "ner", "numbers", "quotes"]
    assert lede.Pipeline.from_file(REPO / "pipelines" / "news.toml").stages == nlp.stages


def test_a_pipeline_from_toml_text_runs_only_its_stages():
    nlp = lede.Pipeline.from_toml('name = "split"\n[[stage]]\nuse = "segment"\n')
    doc = nlp("The U.S. envoy arrived at 10 p.m. He met officials.")
    assert nlp.name == "split"
    assert [s.text for s in doc.sentences] == ["The U.S. envoy arrived at 10 p.m.", "He met officials."]
    assert doc.entities == ()
    assert "entities" not in doc.layers


@pytest.mark.parametrize("toml", [UNKNOWN_STAGE, MISSING_LAYER, TWO_PROBLEMS], ids=["unknown-stage", "missing-layer", "two-problems"])
def test_errors_carry_the_same_diagnostic_as_lede_check(tmp_path, cli, toml):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(lede.PipelineError) as caught:
        lede.Pipeline.from_file(path)
    checked = run_cli(cli, "check", str(path))
    assert checked.returncode != 0
    assert checked.stderr.strip() == f"lede: {caught.value}"
    assert str(caught.value).startswith(f"{path}:{caught.value.line}:{caught.value.column}: error[")


def test_an_unknown_stage_is_located_and_explained():
    with pytest.raises(lede.PipelineError) as caught:
        lede.Pipeline.from_toml(UNKNOWN_STAGE, origin="mine.toml")
    error = caught.value
    assert (error.file, error.line, error.column, error.code) == ("mine.toml", 5, 7, "unknown-stage")
    assert "nerr" in error.message
    assert "did you mean `ner`?" in error.help
    assert str(error).startswith("mine.toml:5:7: error[unknown-stage]: ")
    assert len(error.diagnostics) == 1


def test_every_problem_is_reported_at_once():
    with pytest.raises(lede.PipelineError) as caught:
        lede.Pipeline.from_toml(TWO_PROBLEMS, origin="two.toml")
    places = [(d["line"], d["column"], d["code"]) for d in caught.value.diagnostics]
    assert places == [(3, 13, "unknown-option"), (6, 7, "unknown-stage")]
    assert (caught.value.line, caught.value.code) == (3, "unknown-option")


def test_a_missing_file_is_a_pipeline_error(tmp_path):
    with pytest.raises(lede.PipelineError) as caught:
        lede.Pipeline.from_file(tmp_path / "absent.toml")
    assert (caught.value.line, caught.value.code) == (0, "unreadable")
    assert "cannot read pipeline" in caught.value.message
