#!/usr/bin/python3
"""Cuts a font down to the code points the page draws, so the page downloads kilobytes, not the
whole font. The code points come from an ImWchar range array in our C++ sources (the same array
Dear ImGui bakes into its atlas), so the two can never disagree.

usage: subset_font.py SOURCE.cpp|.h ARRAY_NAME IN.ttf OUT.ttf
"""
import re
import sys

from fontTools import subset


def ranges_from_source(path, name):
    text = open(path, encoding="utf-8").read()
    match = re.search(re.escape(name) + r"\[\]\s*=\s*\{(.*?)\};", text, re.S)
    if not match:
        sys.exit(f"subset_font: no array {name} in {path}")
    body = re.sub(r"//[^\n]*", "", match.group(1))
    numbers = [int(n, 16) for n in re.findall(r"0x([0-9A-Fa-f]+)", body)]
    if len(numbers) % 2:
        sys.exit(f"subset_font: {name} in {path} is not a list of [first, last] pairs")
    unicodes = set()
    for first, last in zip(numbers[0::2], numbers[1::2]):
        unicodes.update(range(first, last + 1))
    return sorted(unicodes)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    source, name, font_in, font_out = sys.argv[1:]
    unicodes = ranges_from_source(source, name)
    options = subset.Options()
    # Dear ImGui 1.90 reads outlines and advances only (cmap, glyf, loca, hmtx and their
    # headers): it applies no kerning and no OpenType layout, and shows no font names. Every
    # other table is bytes each visitor downloads for nothing.
    options.layout_features = []
    options.drop_tables += ["GPOS", "GSUB", "GDEF", "kern", "DSIG"]
    options.name_IDs = []
    options.glyph_names = False
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(font_in, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    subset.save_font(font, font_out, options)


if __name__ == "__main__":
    main()
