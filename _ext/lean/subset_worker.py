"""Subsets fonts for the build, in a process of its own.

fontTools takes about half a second to import and to read the fonts; started when
the build starts, this process does that on another core while Sphinx reads and
writes the pages, and only the subsetting itself is left for the end of the build.

Protocol (one JSON document per line on stdin): first the fonts to read ahead,
``{"preload": [path, ...]}``; then the work, ``{"jobs": [{"source": path,
"target": path, "codepoints": [int, ...]}]}``. It answers one JSON line on
stdout: ``{"sizes": {target: bytes}}`` or ``{"error": message}``.
"""

import json
import sys


def main() -> int:
    from fontTools import subset  # the slow import this process exists for

    def options() -> subset.Options:
        opts = subset.Options()
        opts.flavor = "woff2"
        opts.layout_features = []  # icons are drawn by code point, not by ligature
        opts.name_IDs = ["*"]  # keep the names, and with them the license notice
        return opts

    request = sys.stdin.readline()
    if not request:
        return 0
    fonts = {}
    for path in json.loads(request)["preload"]:
        font = subset.load_font(path, options(), lazy=False)
        font.ensureDecompiled()
        fonts[path] = font
    request = sys.stdin.readline()
    if not request:  # the build failed: nothing to do
        return 0
    try:
        sizes = {}
        for job in json.loads(request)["jobs"]:
            font = fonts.pop(job["source"], None) or subset.load_font(job["source"], options())
            subsetter = subset.Subsetter(options())
            subsetter.populate(unicodes=job["codepoints"])
            subsetter.subset(font)
            # Keep the font's own date: the output must not depend on when it is built.
            font.recalcTimestamp = False
            subset.save_font(font, job["target"], options())
            with open(job["target"], "rb") as written:
                sizes[job["target"]] = len(written.read())
        print(json.dumps({"sizes": sizes}), flush=True)
    except Exception as error:  # reported to the build, which fails with it
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
