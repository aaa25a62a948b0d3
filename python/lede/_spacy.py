"""lede's output as a spaCy ``Doc`` (the optional ``spacy`` extra).

The spaCy document has exactly lede's text: each lede token is a spaCy
token, one space after a token is its trailing whitespace, and any other
text between tokens (newlines, runs of spaces) is a whitespace token, as
spaCy's own tokenizer makes them. So character offsets agree everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lede._doc import Doc

# Span attributes (``span._.NAME``) set on entities and quotes.
_SPAN_EXTENSIONS = ("canonical", "title", "speaker", "speaker_canonical", "cue")


def _register_extensions(span_class: Any) -> None:
    for name in _SPAN_EXTENSIONS:
        if not span_class.has_extension(name):
            span_class.set_extension(name, default=None)


def to_spacy(doc: "Doc", vocab: Any) -> Any:
    """See :meth:`lede.Doc.to_spacy`."""
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans

    _register_extensions(SpacySpan)
    text = doc.text
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []  # character offset of each spaCy token

    def add_gap(gap: str, at: int) -> None:
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap, at = gap[1:], at + 1
        if gap:
            words.append(gap)
            spaces.append(False)
            starts.append(at)

    position = 0
    for token in doc.tokens:
        add_gap(text[position : token.start], position)
        words.append(token.text)
        spaces.append(False)
        starts.append(token.start)
        position = token.end
    add_gap(text[position:], position)

    sentence_starts = {s.start for s in doc.sentences}
    sent_starts = [i == 0 or start in sentence_starts for i, start in enumerate(starts)]
    spacy_doc = SpacyDoc(vocab, words=words, spaces=spaces, sent_starts=sent_starts if words else None)

    ents = []
    for entity in doc.entities:
        span = spacy_doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
        if span is None:
            continue
        span._.canonical = entity.canonical
        span._.title = entity.title
        ents.append(span)
    spacy_doc.set_ents(filter_spans(ents))

    quotes = []
    for quote in doc.quotes:
        span = spacy_doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
        if span is None:
            continue
        if quote.speaker is not None:
            span._.speaker = quote.speaker.text
            span._.speaker_canonical = quote.speaker.canonical
        span._.cue = quote.cue
        quotes.append(span)
    spacy_doc.spans["quotes"] = quotes
    return spacy_doc
