#!/usr/bin/env python3
"""Imports real CRDs and checks each header the importer writes: it compiles on its own
with warnings as errors, and it is as clang-format (the checked-in .clang-format) leaves it.

    check_headers.py --importer tools/import_crds.py --compiler g++ --include include
                     --workdir DIR [--clang-format clang-format --style .clang-format] CRD...
"""
import argparse
import os
import shutil
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for option in ("--importer", "--compiler", "--include", "--workdir"):
        parser.add_argument(option, required=True)
    parser.add_argument("--clang-format")
    parser.add_argument("--style")
    parser.add_argument("crds", nargs="+")
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    out = os.path.join(args.workdir, "kubestack", "crd")
    subprocess.run([sys.executable, args.importer, out, *args.crds], check=True)
    headers = sorted(os.path.relpath(os.path.join(root, name), args.workdir)
                     for root, _, names in os.walk(out) for name in names)
    problems = []
    for header in headers:
        compiled = subprocess.run(
            [args.compiler, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic",
             "-Werror", f"-I{args.include}", f"-I{args.workdir}", "-x", "c++", "-"],
            input=f"#include <{header}>\n", capture_output=True, text=True)
        if compiled.returncode != 0:
            problems.append(f"{header}: does not compile on its own:\n{compiled.stderr[:2000]}")
        if args.clang_format:
            formatted = subprocess.run(
                [args.clang_format, f"--style=file:{args.style}",
                 os.path.join(args.workdir, header)], capture_output=True, text=True, check=True)
            with open(os.path.join(args.workdir, header)) as f:
                if formatted.stdout != f.read():
                    problems.append(f"{header}: clang-format would change it")
    for problem in problems:
        print(problem)
    checked = "compiled and clang-format checked" if args.clang_format else \
        "compiled (clang-format not found: formatting not checked)"
    print(f"{len(headers)} headers {checked}: {len(problems)} problem(s)")
    return 1 if problems or not headers else 0


if __name__ == "__main__":
    sys.exit(main())
