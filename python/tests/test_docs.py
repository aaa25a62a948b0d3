"""The examples of docs/python.md and README.md run and print what they show."""

from __future__ import annotations

import contextlib
import doctest
import io
import re

import pytest

from conftest import REPO


def test_the_python_guide_examples(monkeypatch):
    monkeypatch.chdir(REPO)
    result = doctest.testfile(
        str(REPO / "docs" / "python.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        report=True,
    )
    assert result.attempted > 20
    assert result.failed == 0


def test_the_python_guide_spacy_example():
    pytest.importorskip("spacy")
    import lede

    guide = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    block = re.search(r"## spaCy.*?```python\n(.*?)```", guide, re.S)
    assert block is not None
    doc = lede.Pipeline()("“We will rebuild every school,” said Mayor Anna Kowalska on Tuesday.")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(block.group(1), {"doc": doc})
    assert out.getvalue().splitlines() == [
        "[('Anna Kowalska', 'PERSON', 'Anna Kowalska')]",
        "[('We will rebuild every school,', 'Anna Kowalska', 'said')]",
    ]


def test_the_readme_example():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Python.*?```python\n(.*?)```.*?```text\n(.*?)```", readme, re.S)
    assert found is not None, "README.md has a Python example and its output"
    code, expected = found.groups()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    assert out.getvalue() == expected
