"""A processed document and its layers as typed, read-only Python objects.

Every ``start``/``end`` is a Python string offset (Unicode code points), so
``doc.text[x.start:x.end] == x.text`` for every object of every layer. The
objects are built from the document's JSON form, the same one ``lede run``
writes, the first time a layer is read.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass
from typing import Any, Mapping



@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text: a paragraph or a sentence."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: str
    """``word``, ``number``, ``punct``, ``symbol`` ..."""


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    """``PERSON``, ``ORG``, ``GPE``, ``NORP``, ``EVENT``, ``LAW`` ..."""
    canonical: str | None = None
    """The document-level name ("Mr. Witkoff" → "Steve Witkoff")."""
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    text: str
    kind: str
    """``cardinal``, ``money``, ``percent``, ``date``, ``time``, ``duration`` ..."""
    value: float | str | None
    """A float, or for dates and times their ISO-like text."""
    unit: str | None = None
    modifier: str | None = None
    approx: bool = False
    low: float | None = None
    high: float | None = None
    per: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quotation. ``start``/``end`` are None when the speaker is
    not a stretch of this text (e.g. resolved from an earlier sentence)."""

    text: str
    canonical: str | None
    start: int | None = None
    end: int | None = None
    entity: Span | None = None
    """The name mention the speaker resolves to, when there is one."""


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker | None
    cue: str | None
    """The speech verb ("said", "told")."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """An item of a plugin layer: a label and any attributes."""

    start: int
    end: int
    text: str
    label: str
    attrs: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class DocError:
    """A document of :meth:`Pipeline.pipe` that failed, in its place."""

    index: int
    """Its position in the input (0-based)."""
    id: str
    message: str

    def __bool__(self) -> bool:
        return False


class Doc:
    """A processed document: its text, id, metadata and layers."""

    __slots__ = ("_raw", "_text", "_json", "_layers")

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self._text: str | None = None
        self._json: dict[str, Any] | None = None
        self._layers: dict[str, tuple[Any, ...]] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._raw.text
        return self._text

    @property
    def id(self) -> str:
        return self._raw.id

    @property
    def metadata(self) -> dict[str, Any]:
        """The input fields given with the text (a fresh dict)."""
        return json.loads(self._raw.metadata_json())

    @property
    def layers(self) -> tuple[str, ...]:
        """Names of the layers the pipeline produced, built-in ones first."""
        return tuple(self._raw.layer_names())

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self.layer("paragraphs")

    @property
    def sentences(self) -> tuple[Span, ...]:
        return self.layer("sentences")

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.layer("tokens")

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.layer("entities")

    @property
    def numbers(self) -> tuple[Number, ...]:
        return self.layer("numbers")

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.layer("quotes")

    def layer(self, name: str) -> tuple[Any, ...]:
        """The items of a layer (built-in or plugin), in text order; empty
        when the pipeline did not produce it (see :attr:`layers`)."""
        cached = self._layers.get(name)
        if cached is None:
            items = self._parsed().get(name)
            if not isinstance(items, list):
                items = []
            cached = tuple(_item(name, item, self.text) for item in items)
            self._layers[name] = cached
        return cached

    def to_dict(self) -> dict[str, Any]:
        """The document exactly as ``lede run`` writes it for the same input
        (code-point offsets, no metadata): a fresh dict each call."""
        return json.loads(self._raw.to_json())

    def to_json(self) -> str:
        """The JSON line ``lede run`` writes for this document."""
        return self._raw.to_json()

    def rows(self, layer: str) -> list[dict[str, Any]]:
        """One plain dict per item of ``layer``, flat, for
        ``pandas.DataFrame(doc.rows("entities"))``: ``doc_id``, ``start``,
        ``end``, ``text``, then the item's attributes. A nested object is
        spread into ``<key>_<field>`` columns (a quote's speaker gives
        ``speaker``, ``speaker_canonical``, ``speaker_start`` ...)."""
        items = self._parsed().get(layer)
        if not isinstance(items, list):
            return []
        text = self.text
        rows = []
        for item in items:
            start, end = item["start"], item["end"]
            row: dict[str, Any] = {"doc_id": self.id, "start": start, "end": end, "text": text[start:end]}
            for key, value in item.items():
                if key in ("start", "end"):
                    continue
                if isinstance(value, dict):
                    _spread(row, key, value)
                else:
                    row[key] = value
            rows.append(row)
        return rows

    def to_spacy(self, vocab: Any) -> Any:
        """A ``spacy.tokens.Doc`` with lede's tokens, sentence starts, entities
        and ``spans["quotes"]`` (needs the ``spacy`` extra)."""
        from lede._spacy import to_spacy

        return to_spacy(self, vocab)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        head = self.text[:40].replace("\n", " ")
        more = "…" if len(self.text) > 40 else ""
        return f"<lede.Doc id={self.id!r} {head!r}{more}>"

    def _parsed(self) -> dict[str, Any]:
        if self._json is None:
            self._json = json.loads(self._raw.to_json())
        return self._json


def _spread(row: dict[str, Any], key: str, value: dict[str, Any]) -> None:
    # The text first, so `speaker` comes before `speaker_start`.
    fields = sorted(value.items(), key=lambda kv: kv[0] != "text")
    for field, inner in fields:
        column = key if field == "text" else f"{key}_{field}"
        if isinstance(inner, dict):
            _spread(row, column, inner)
        else:
            row[column] = inner


def _span(item: Mapping[str, Any] | None, text: str) -> Span | None:
    if not item:
        return None
    return Span(item["start"], item["end"], text[item["start"] : item["end"]])


def _speaker(item: Mapping[str, Any] | None, text: str) -> Speaker | None:
    if item is None:
        return None
    return Speaker(
        text=item["text"],
        canonical=item.get("canonical"),
        start=item.get("start"),
        end=item.get("end"),
        entity=_span(item.get("entity"), text),
    )


def _item(layer: str, item: dict[str, Any], text: str) -> Any:
    start, end = item["start"], item["end"]
    covered = text[start:end]
    if layer in ("paragraphs", "sentences"):
        return Span(start, end, covered)
    if layer == "tokens":
        return Token(start, end, covered, item["kind"])
    if layer == "entities":
        return Entity(start, end, covered, item["label"], item.get("canonical"), item.get("title"))
    if layer == "numbers":
        return Number(
            start,
            end,
            covered,
            item["kind"],
            item.get("value"),
            item.get("unit"),
            item.get("modifier"),
            item.get("approx", False),
            item.get("low"),
            item.get("high"),
            item.get("per"),
        )
    if layer == "quotes":
        return Quote(start, end, covered, item["kind"], _speaker(item.get("speaker"), text), item.get("cue"))
    attrs = {k: v for k, v in item.items() if k not in ("start", "end", "label")}
    return Annotation(start, end, covered, item.get("label", ""), types.MappingProxyType(attrs))
