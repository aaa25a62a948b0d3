"""Streaming many texts: order, threads, bad documents, the GIL."""

from __future__ import annotations

import threading
import time

import pytest

import lede

TEXTS = [
    "Hamas said on Sunday it had accepted the proposal.",
    "",
    "The Federal Reserve held rates at 5.25% for a sixth meeting, officials said.",
    "“It is over,” said Mr. Netanyahu. " * 40,
    "Ukraine’s army said it shot down 27 of 30 drones overnight.",
]


def test_documents_come_in_input_order(nlp, seeds):
    texts = list(seeds.values()) * 3 + TEXTS * 4
    for jobs, batch_size in [(1, None), (2, None), (2, 3), (3, 1)]:
        docs = list(nlp.pipe(iter(texts), jobs=jobs, batch_size=batch_size))
        assert [d.text for d in docs] == texts, (jobs, batch_size)


def test_more_jobs_give_identical_documents(nlp, seeds):
    texts = list(seeds.values()) * 2 + TEXTS
    one = [d.to_dict() for d in nlp.pipe(texts, jobs=1)]
    two = [d.to_dict() for d in nlp.pipe(texts, jobs=2, batch_size=4)]
    assert one == two
    assert one == [nlp(t).to_dict() for t in texts]


def test_tuples_carry_their_context(nlp):
    pairs = [(text, {"n": i}) for i, text in enumerate(TEXTS)]
    out = list(nlp.pipe(pairs, as_tuples=True, jobs=2, batch_size=2))
    assert [(d.text, c["n"]) for d, c in out] == [(t, i) for i, t in enumerate(TEXTS)]


def test_a_bad_document_is_reported_in_its_place(nlp):
    items = [TEXTS[0], 42, "Paris \ud800 said no.", TEXTS[2]]
    out = list(nlp.pipe(items, jobs=2))
    assert isinstance(out[0], lede.Doc) and isinstance(out[3], lede.Doc)
    assert out[3].text == TEXTS[2]
    assert isinstance(out[1], lede.DocError) and out[1].index == 1
    assert "expected a str, got int" in out[1].message
    assert isinstance(out[2], lede.DocError) and out[2].index == 2
    assert "surrogate" in out[2].message
    assert not out[1]  # an error is falsy, a document is not
    assert out[0]


def test_raising_does_not_lose_the_rest(nlp):
    stream = nlp.pipe([TEXTS[0], None, TEXTS[2]], raise_errors=True)
    assert next(stream).text == TEXTS[0]
    with pytest.raises(lede.DocumentError) as caught:
        next(stream)
    assert caught.value.index == 1
    assert next(stream).text == TEXTS[2]
    with pytest.raises(StopIteration):
        next(stream)


def test_a_failing_source_raises_after_the_documents_before_it(nlp):
    def source():
        yield TEXTS[0]
        yield TEXTS[2]
        raise RuntimeError("feed went away")

    stream = nlp.pipe(source(), jobs=2)
    assert [next(stream).text, next(stream).text] == [TEXTS[0], TEXTS[2]]
    with pytest.raises(RuntimeError, match="feed went away"):
        next(stream)


def test_the_stream_is_lazy(nlp):
    taken = []

    def source():
        for i in range(10_000_000):
            taken.append(i)
            yield TEXTS[0]

    stream = nlp.pipe(source(), jobs=2, batch_size=4)
    first = next(stream)
    assert first.text == TEXTS[0]
    assert len(taken) <= 5


def test_the_gil_is_released_while_rust_works(nlp, seeds):
    long_text = "\n\n".join(seeds.values()) * 20  # about 3 MB: a long call
    window = []

    def work():
        started = time.perf_counter()
        doc = nlp(long_text)
        window.extend([started, time.perf_counter(), doc])

    worker = threading.Thread(target=work)
    stamps = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    started, ended, doc = window
    assert doc.text == long_text
    # With the GIL held through the call, this thread could run only at its
    # edges (within one switch interval, 5 ms); released, it runs throughout.
    assert ended - started > 0.02
    middle = [t for t in stamps if started + (ended - started) / 4 < t < ended - (ended - started) / 4]
    assert middle, (started, ended, len(stamps))


def test_jobs_must_be_positive(nlp):
    with pytest.raises(ValueError):
        nlp.pipe(TEXTS, jobs=0)
