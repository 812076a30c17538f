#!/usr/bin/python3
"""Fails when the page would draw a character its fonts do not have (ImGui draws it as «?»).

Every character of the strings the page can show is gathered: the string literals of the app's
texts and the screens (src/app, src/ui: Spanish and English alike), the texts' tables
(src/app/**/*.json), the manuals (assets/manuals/**/*.md) and the fixtures' strings
(server-stub/fixtures/*.json). Each one must be
in the font files the page loads — a text face, or a face merged into it (symbols, icons) —
which are the subset files themselves, so the ranges baked into the atlas are checked too.

usage: check_glyphs.py REPO_DIR STAMP_OUT TEXT_FONT.ttf... -- MERGED_FONT.ttf...
"""
import json
import pathlib
import re
import sys

from fontTools.ttLib import TTFont

# A C/C++ string literal (no raw strings in our sources), with its escapes.
LITERAL = re.compile(r'(?<![\w\'])"((?:[^"\\\n]|\\.)*)"')


def unescape_literal(body):
    out = bytearray()
    i = 0
    simple = {"n": 10, "t": 9, "r": 13, "0": 0, "\\": 92, '"': 34, "'": 39, "?": 63}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "x":
            digits = re.match(r"[0-9A-Fa-f]+", body[i + 2:]).group(0)
            out.append(int(digits, 16) & 0xFF)
            i += 2 + len(digits)
        elif nxt in simple:
            out.append(simple[nxt])
            i += 2
        else:
            out += body[i:i + 2].encode("utf-8")
            i += 2
    return out.decode("utf-8", errors="replace")


def source_strings(repo):
    for folder in ("src/app", "src/ui"):
        for path in sorted((repo / folder).rglob("*")):
            if path.suffix not in (".cpp", ".h"):
                continue
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"//[^\n]*", "", text)  # comments are not drawn
            for match in LITERAL.finditer(text):
                yield path, unescape_literal(match.group(1))


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def drawn_texts(repo):
    yield from source_strings(repo)
    for path in sorted((repo / "src/app").rglob("*.json")):  # the texts' tables
        for text in json_strings(json.loads(path.read_text(encoding="utf-8"))):
            yield path, text
    for path in sorted((repo / "assets/manuals").rglob("*.md")):
        if path.name != "README.md":  # notes for authors, not a page
            yield path, path.read_text(encoding="utf-8")
    for path in sorted((repo / "server-stub/fixtures").glob("*.json")):
        for text in json_strings(json.loads(path.read_text(encoding="utf-8"))):
            yield path, text


def code_points(font_path):
    return set(TTFont(font_path)["cmap"].getBestCmap().keys())


def main():
    args = sys.argv[1:]
    if "--" not in args or len(args) < 4:
        sys.exit(__doc__)
    split = args.index("--")
    repo, stamp = pathlib.Path(args[0]), pathlib.Path(args[1])
    text_faces, merged = args[2:split], args[split + 1:]
    merged_points = set().union(*(code_points(path) for path in merged))
    faces = {path: code_points(path) | merged_points for path in text_faces}

    missing = {}  # character -> where it was seen first
    for where, text in drawn_texts(repo):
        for char in text:
            if ord(char) < 0x20 or char in missing:
                continue
            for face, points in faces.items():
                if ord(char) not in points:
                    missing[char] = (where.relative_to(repo), pathlib.Path(face).name)
                    break
    if missing:
        print("check_glyphs: the page would draw these characters as «?»:", file=sys.stderr)
        for char, (where, face) in sorted(missing.items()):
            print(f"  U+{ord(char):04X} {char!r} (in {where}; not in {face})", file=sys.stderr)
        print("Add them to the ranges in src/ui/fonts.cpp (kTextRanges for letters Roboto has, "
              "kSymbolRanges for symbols taken from DejaVu Sans) or write them otherwise.",
              file=sys.stderr)
        sys.exit(1)
    stamp.write_text("every drawn character is in the page's fonts\n", encoding="utf-8")


if __name__ == "__main__":
    main()
