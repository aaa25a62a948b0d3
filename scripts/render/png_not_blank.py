#!/usr/bin/env python3
"""Fails if a PNG screenshot is missing, tiny or a single flat colour
(e.g. the page did not render). usage: png_not_blank.py FILE.png..."""

import struct
import sys
import zlib


def distinct_bytes(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"FAIL: {path} is not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


for path in sys.argv[1:]:
    w, h, n = distinct_bytes(path)
    if n < 64:
        raise SystemExit(f"FAIL: {path} ({w}x{h}) looks blank ({n} distinct byte values)")
    print(f"ok {path}: {w}x{h}, not blank")
