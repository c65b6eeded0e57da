#!/usr/bin/env python3
"""Follows a section of the README as a new user would: by default "Use it for your own
cluster"; --section "Bring your YAML: kubestack-import" for the importer's.

In an empty directory it writes each file the section shows (a code block right after a
line naming the file, such as `CMakeLists.txt`:), then runs the section's shell blocks
that build and generate, with the installed package's prefix in place of /usr/local and
its programs first on PATH. Passes when the manifests directory holds a
kustomization.yaml that kubectl accepts.
"""
import os
import argparse
import pathlib
import re
import shutil
import subprocess
import sys

def section(readme, title):
    text = readme.read_text()
    heading = f"## {title}\n"
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:end if end != -1 else len(text)]


def blocks(text):
    """Yields (the line before the block, language, content) for each fenced block."""
    pattern = re.compile(r"([^\n]*)\n+```(\w*)\n(.*?)```", re.S)
    for match in pattern.finditer(text):
        yield match.group(1).strip(), match.group(2), match.group(3)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readme", required=True, type=pathlib.Path)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--workdir", required=True, type=pathlib.Path)
    parser.add_argument("--section", default="Use it for your own cluster")
    parser.add_argument("--files", type=int, default=2, help="how many files the section shows")
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    files, commands = 0, []
    for before, language, content in blocks(section(args.readme, args.section)):
        named = re.fullmatch(r"`([\w./-]+)`:", before)
        if named:
            (args.workdir / named.group(1)).write_text(content)
            files += 1
        elif language == "sh" and "# in your project" in content:
            commands.append(content.replace("/usr/local", args.prefix))
    if files < args.files or not commands:
        print(f"the section shows {files} file(s) and {len(commands)} project command block(s)")
        return 1
    for script in commands:
        print(f"$ {script.strip()}", flush=True)
        environment = dict(os.environ, PATH=f"{args.prefix}/bin:{os.environ['PATH']}")
        if subprocess.run(["sh", "-ec", script], cwd=args.workdir, env=environment).returncode != 0:
            return 1
    manifests = args.workdir / "manifests"
    if not (manifests / "kustomization.yaml").exists():
        print("no manifests/kustomization.yaml was written")
        return 1
    kubectl = shutil.which("kubectl")
    if kubectl and subprocess.run([kubectl, "kustomize", str(manifests)], stdout=subprocess.DEVNULL).returncode != 0:
        return 1
    print(f"walkthrough passed: {files} files, {len(commands)} command block(s), manifests in {manifests}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
