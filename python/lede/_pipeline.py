"""The Python face of a lede pipeline: building it, one text, a stream."""

from __future__ import annotations

import collections
import json
import os
from typing import Any, Iterable, Iterator, Mapping

from lede import _lede
from lede._doc import Doc, DocError

# Documents per worker thread in one batch of `Pipeline.pipe`.
_DOCS_PER_JOB = 16


class Pipeline:
    """A checked, built pipeline of stages.

    ``Pipeline()`` is the embedded default news pipeline (segment, ner,
    numbers, quotes); ``Pipeline.from_file`` and ``Pipeline.from_toml`` build
    others. A pipeline that cannot be built raises :class:`lede.PipelineError`
    with the same file:line:column diagnostic as ``lede check``.
    """

    __slots__ = ("_native",)

    def __init__(self) -> None:
        self._native = _lede.Pipeline.default_news()

    @classmethod
    def _wrap(cls, native: _lede.Pipeline) -> "Pipeline":
        pipeline = cls.__new__(cls)
        pipeline._native = native
        return pipeline

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "Pipeline":
        """The pipeline in a TOML file (plugin paths are relative to it)."""
        return cls._wrap(_lede.Pipeline.from_file(os.fspath(path)))

    @classmethod
    def from_toml(cls, text: str, origin: str = "<string>") -> "Pipeline":
        """A pipeline from TOML text; ``origin`` names it in diagnostics."""
        return cls._wrap(_lede.Pipeline.from_toml(text, origin))

    @property
    def name(self) -> str:
        return self._native.name

    @property
    def description(self) -> str | None:
        return self._native.description

    @property
    def stages(self) -> list[dict[str, Any]]:
        """Each stage's ``id``, ``requires`` and ``produces``, in order."""
        return [
            {"id": id_, "requires": requires, "produces": produces}
            for id_, requires, produces in self._native.stages()
        ]

    def __repr__(self) -> str:
        ids = ", ".join(stage["id"] for stage in self.stages)
        return f"<lede.Pipeline {self.name!r}: {ids}>"

    def __call__(
        self,
        text: str,
        id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Doc:
        """Processes one text. A document the pipeline fails on raises
        :class:`lede.DocumentError`."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        metadata_json = None if metadata is None else json.dumps(dict(metadata))
        raw = self._native.process(text, "" if id is None else str(id), metadata_json)
        return Doc(raw)

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        jobs: int = 1,
        batch_size: int | None = None,
        as_tuples: bool = False,
        raise_errors: bool = False,
    ) -> "DocStream":
        """Streams ``texts`` through the pipeline on ``jobs`` threads and
        yields one :class:`Doc` per text, in input order.

        With ``as_tuples=True`` the items are ``(text, context)`` pairs and
        the stream yields ``(doc, context)`` pairs, as in spaCy. A text that
        cannot be processed (not a ``str``, not valid Unicode, a stage that
        fails) yields a :class:`DocError` in its place, or raises
        :class:`lede.DocumentError` with ``raise_errors=True``; either way the
        stream goes on with the next text. The GIL is released while the
        pipeline runs.
        """
        if batch_size is None:
            batch_size = _DOCS_PER_JOB * max(1, jobs)
        return DocStream(self, texts, jobs, batch_size, as_tuples, raise_errors)


class DocStream:
    """The iterator :meth:`Pipeline.pipe` returns.

    After an exception (``raise_errors=True``) it can be advanced again: the
    documents after the failed one are not lost.
    """

    __slots__ = ("_native", "_contexts", "_raise_errors")

    def __init__(
        self,
        pipeline: Pipeline,
        texts: Iterable[Any],
        jobs: int,
        batch_size: int,
        as_tuples: bool,
        raise_errors: bool,
    ) -> None:
        self._raise_errors = raise_errors
        if as_tuples:
            self._contexts: collections.deque[Any] | None = collections.deque()
            texts = _texts_keeping_contexts(texts, self._contexts)
        else:
            self._contexts = None
        self._native = pipeline._native.stream(texts, jobs, batch_size)

    def __iter__(self) -> "DocStream":
        return self

    def __next__(self) -> Any:
        item = next(self._native)
        context = None if self._contexts is None else self._contexts.popleft()
        if isinstance(item, _lede.Failure):
            if self._raise_errors:
                error = _lede.DocumentError(item.message)
                error.id = item.id
                error.index = item.index
                error.message = item.message
                raise error
            result: Doc | DocError = DocError(item.index, item.id, item.message)
        else:
            result = Doc(item)
        return result if self._contexts is None else (result, context)


def _texts_keeping_contexts(pairs: Iterable[Any], contexts: collections.deque[Any]) -> Iterator[Any]:
    """The texts of ``(text, context)`` pairs, putting each context on
    ``contexts`` as its text is taken. An item that is not a pair is passed
    on as it is (so the stream reports it in its place) with context None."""
    for pair in pairs:
        if isinstance(pair, tuple) and len(pair) == 2:
            contexts.append(pair[1])
            yield pair[0]
        else:
            contexts.append(None)
            yield pair


def stages() -> list[dict[str, Any]]:
    """The built-in stages with their options, as ``lede stages`` lists them.

    Each is a dict with ``id``, ``description``, ``requires``, ``produces``
    and ``options`` (each with ``name``, ``kind``, ``default`` or None and
    ``help``).
    """
    return _lede.stages()
