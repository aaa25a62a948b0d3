#!/usr/bin/env python3
"""Checks a page written by `lede render`, as Chromium built it (the output of
`chromium --headless --dump-dom`), against the JSONL annotations it shows.

For every document it asserts that the text column holds the document text
(line by line, without the added label tags and values), and that the number
of distinct highlighted entities, numbers and quotes equals the number of
non-empty spans in the JSONL. It also asserts that the page's own script ran
(body[data-js=ready]), that the page has exactly one <script> element and no
<img>, and that there is a layer toggle for every layer present.

usage: check_dom.py DOM.html ANNOTATIONS.jsonl [--title TITLE]
Prints one line per document and exits non-zero on the first failed check.
"""

import json
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "input", "hr", "img", "link", "area", "base", "col", "embed", "source", "wbr"}
# Elements the page adds inside the text: label tags, values, quote counts,
# sentence numbers, plugin labels.
DECORATION = {"tag", "nv", "qn", "sb", "gtag"}


class Node:
    def __init__(self, name, attrs, parent):
        self.name = name
        self.attrs = dict(attrs)
        self.children = []
        self.parent = parent

    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def text(self, skip=frozenset()):
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not (c.classes() & skip):
                out.append(c.text(skip))
        return "".join(out)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not None and node.name != tag:
            node = node.parent
        if node is None:
            raise SystemExit(f"FAIL: stray </{tag}> in the DOM")
        self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def expected_lines(text):
    lines = [l[:-1] if l.endswith("\r") else l for l in text.split("\n")]
    return "\n".join(l for l in lines if l.strip())


def count_spans(doc, key):
    return sum(1 for a in doc.get(key) or [] if isinstance(a, dict) and a.get("end", 0) > a.get("start", 0))


def main():
    args = sys.argv[1:]
    title = None
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    dom_path, jsonl_path = args
    docs = [json.loads(l) for l in open(jsonl_path, encoding="utf-8") if l.strip()]
    builder = TreeBuilder()
    builder.feed(open(dom_path, encoding="utf-8").read())
    root = builder.root
    nodes = list(root.walk())

    body = next((n for n in nodes if n.name == "body"), None)
    if body is None or body.attrs.get("data-js") != "ready":
        fail("the page script did not run (no body[data-js=ready])")
    scripts = [n for n in nodes if n.name == "script"]
    if len(scripts) != 1:
        fail(f"expected exactly the page's own <script>, found {len(scripts)}")
    if any(n.name == "img" for n in nodes):
        fail("an <img> element exists: document text was not escaped")
    if title is not None:
        got = next((n.text() for n in nodes if n.name == "title"), None)
        if got != title:
            fail(f"page title is {got!r}, expected {title!r}")

    toggles = {n.attrs.get("data-layer") for n in nodes if n.name == "input"}
    wanted = set()
    for doc in docs:
        for key, toggle in [("entities", "ent"), ("numbers", "num"), ("quotes", "q"), ("sentences", "sent"), ("tokens", "tok")]:
            if key in doc:
                wanted.add(toggle)
    if not wanted <= toggles:
        fail(f"missing layer toggles: {sorted(wanted - toggles)}")

    sections = [n for n in nodes if n.name == "section" and "doc" in n.classes() and "data-doc-id" in n.attrs]
    if len(sections) != len(docs):
        fail(f"{len(sections)} document sections for {len(docs)} documents")
    totals = {"entities": 0, "numbers": 0, "quotes": 0}
    for doc, sec in zip(docs, sections):
        doc_id = str(doc.get("id", ""))
        if sec.attrs["data-doc-id"] != doc_id:
            fail(f"section for {sec.attrs['data-doc-id']!r} where {doc_id!r} was expected")
        text_div = next(n for n in sec.walk() if "text" in n.classes())
        shown = "\n".join(p.text(DECORATION) for p in text_div.walk() if p.name == "p")
        if doc["text"].strip() and shown != expected_lines(doc["text"]):
            fail(f"{doc_id}: the text column does not show the document text")
        found = {}
        for key, cls, attr in [("entities", "ent", "data-e"), ("numbers", "num", "data-n"), ("quotes", "q", "data-q")]:
            marked = {n.attrs[attr] for n in text_div.walk() if cls in n.classes() and attr in n.attrs}
            want = count_spans(doc, key)
            if len(marked) != want:
                fail(f"{doc_id}: {len(marked)} highlighted {key}, the JSONL has {want}")
            found[key] = len(marked)
            totals[key] += len(marked)
        links = sum(1 for n in text_div.walk() if n.name == "a" and "spk" in n.classes())
        print(f"ok {doc_id}: {found['entities']} entities, {found['numbers']} numbers, "
              f"{found['quotes']} quotes, {links} speaker links, text intact")
    print(f"ok {dom_path}: {len(docs)} documents, {totals['entities']} entities, "
          f"{totals['numbers']} numbers, {totals['quotes']} quotes highlighted as in {jsonl_path}")


if __name__ == "__main__":
    main()
