"""lede: news NLP in-process.

Sentences and tokens, named entities with canonical names, numbers with their
meaning, and quotations with their speakers, from lede's Rust pipeline::

    import lede
    nlp = lede.Pipeline()
    doc = nlp("“We will rebuild,” said Mayor Anna Kowalska on Tuesday.")
    for quote in doc.quotes:
        print(quote.text, "—", quote.speaker.canonical)

See docs/python.md in the lede repository.
"""

from lede._doc import (
    Annotation,
    Doc,
    DocError,
    Entity,
    Number,
    Quote,
    Span,
    Speaker,
    Token,
)
from lede._lede import DocumentError, PipelineError
from lede._pipeline import Pipeline, stages

__all__ = [
    "Annotation",
    "Doc",
    "DocError",
    "DocumentError",
    "Entity",
    "Number",
    "Pipeline",
    "PipelineError",
    "Quote",
    "Span",
    "Speaker",
    "Token",
    "stages",
]
