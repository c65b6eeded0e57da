#!/usr/bin/env python3
"""Writes OUT_DIR/strings.yaml: a ConfigMap whose data values and annotation values are
texts that C++ literals must escape, or keep raw: quotes, backslashes, trigraph look-alikes,
the raw-string delimiter, control characters, NUL, line breaks, tabs, and characters outside
ASCII; then 200 random texts from a fixed seed. A second ConfigMap holds the first of them,
few enough for a builder, so that both forms of the import write them. import.strings
imports it, builds it and compares the stack's output with it, value by value.

    strings_manifest.py OUT_DIR
"""
import os
import random
import sys

import yaml

SPECIAL = [
    "", " ", "plain", 'say "hi"', "back\\slash", "\\", "\\n is not a line feed", "??=", "a??/b",
    ')kubestack"', 'R"x(raw)x"', "line\nbreak", "two\nlines\n", "\nleading", "tab\there",
    "cr\r\nlf", "nul\0inside", "\0", "bell\a", "esc\x1b[0m", "del\x7f", "é", "日本語", "🚀",
    "\u2028", "\u0085", "\ufeffbom", "\t", "# not a comment", "{{ template }}", "%d %s",
    "/* comment */", "// comment", "trailing space ", "a" * 300,
]
POOL = "ab Z09\"'\\?()/*#{}\n\t\r\0\x01\x1f\x7f\x85é€🚀\u2028"


def texts():
    rng = random.Random(20261126)
    return SPECIAL + ["".join(rng.choice(POOL) for _ in range(rng.randint(1, 24)))
                      for _ in range(200)]


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    values = {f"k{i:03d}": text for i, text in enumerate(texts())}
    config = {"apiVersion": "v1", "kind": "ConfigMap",
              "metadata": {"name": "strings", "annotations": {f"example.com/{key}": text
                                                              for key, text in values.items()}},
              "data": values}
    # Within a builder's capacities (limits.hpp), so that the import states it with one.
    stated = {"apiVersion": "v1", "kind": "ConfigMap",
              "metadata": {"name": "strings-stated",
                           # A prefix of any case, as Kubernetes takes it.
                           "annotations": {f"Example.com/{key}": text
                                           for key, text in list(values.items())[:16]}},
              "data": dict(list(values.items())[:64])}
    with open(os.path.join(out_dir, "strings.yaml"), "w", encoding="utf-8") as out:
        yaml.safe_dump_all([config, stated], out, allow_unicode=True, width=1000)


if __name__ == "__main__":
    main()
