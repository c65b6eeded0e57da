#!/usr/bin/env python3
"""Feeds tools/import_crds.py a small synthetic CRD with one unsupported construct and
checks that it fails as documented: exit status 1, one message naming the CRD, the version
and the schema path, and no file written, changed or removed in the output directory
(which already holds the headers of an earlier, valid import).

    check_rejections.py --importer tools/import_crds.py --case CASE --workdir DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

import yaml


def crd(spec_properties, name="widgets", kind="Widget"):
    """A CustomResourceDefinition of example.com/v1 whose spec has the given properties."""
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{name}.example.com"},
        "spec": {
            "group": "example.com",
            "names": {"kind": kind, "plural": name},
            "scope": "Namespaced",
            "versions": [{
                "name": "v1", "served": True, "storage": True,
                "schema": {"openAPIV3Schema": {
                    "type": "object",
                    "properties": {
                        "apiVersion": {"type": "string"},
                        "kind": {"type": "string"},
                        "metadata": {"type": "object"},
                        "spec": {"type": "object", "properties": spec_properties},
                    },
                }},
            }],
        },
    }


def endpoints(item_properties):
    return {"endpoints": {"type": "array", "items": {"type": "object",
                                                     "properties": item_properties}}}


VALID = crd({"replicas": {"type": "integer", "format": "int32"},
             "mode": {"type": "string", "enum": ["fast", "safe"]}}, "gadgets", "Gadget")
OBJECT = {"type": "object", "properties": {"x": {"type": "string"}}}

# case: (documents, what the one line on stderr must match)
CASES = {
    "ref": ([crd({"foo": {"$ref": "#/definitions/Foo"}})],
            r"widgets\.example\.com v1: spec\.foo: '\$ref' is not supported"),
    "any_of_changes_type": (
        [crd(endpoints({"port": {"x-kubernetes-int-or-string": True,
                                 "anyOf": [{"type": "integer"}, {"type": "object"}]}}))],
        r"widgets\.example\.com v1: spec\.endpoints\[\]\.port\.anyOf\[1\]: anyOf that changes "
        r"the type is not supported"),
    "no_type": ([crd(endpoints({"settings": {"description": "free-form"}}))],
                r"widgets\.example\.com v1: spec\.endpoints\[\]\.settings: no type, and no "
                r"x-kubernetes-preserve-unknown-fields"),
    "not": ([crd({"mode": {"type": "string", "not": {"enum": ["off"]}}})],
            r"widgets\.example\.com v1: spec\.mode: 'not' is not supported"),
    "enum_of_integers": ([crd({"level": {"type": "integer", "enum": [1, 2]}})],
                         r"widgets\.example\.com v1: spec\.level: an enum of integer values is "
                         r"not supported"),
    "not_a_crd": ([{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}}],
                  r"case\.yaml: holds no apiextensions\.k8s\.io/v1 CustomResourceDefinition "
                  r"\(document 1: apiVersion 'v1', kind 'ConfigMap'\)"),
    "crd_of_v1beta1": ([dict(VALID, apiVersion="apiextensions.k8s.io/v1beta1")],
                       r"case\.yaml: document 1 is a CustomResourceDefinition of apiVersion "
                       r"'apiextensions\.k8s\.io/v1beta1'"),
    # The first CRD is valid and comes first: still nothing may be written.
    "all_or_nothing": ([VALID, crd({"bad": {"type": "tuple"}})],
                       r"widgets\.example\.com v1: spec\.bad: unknown type 'tuple'"),
    # fooBar, FooBar and foo-bar all read WidgetSpecFooBar; the second falls back to
    # Widget_Spec_FooBar, the third has no name left.
    "name_collision": ([crd({"fooBar": OBJECT, "FooBar": OBJECT, "foo-bar": OBJECT})],
                       r"widgets\.example\.com v1: spec\.fooBar: its type name WidgetSpecFooBar "
                       r"is taken by widgets\.example\.com v1: spec\.FooBar"),
}


def snapshot(directory):
    found = {}
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, directory)] = (f.read(), os.stat(path).st_mtime_ns)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--importer", required=True)
    parser.add_argument("--case", required=True, choices=sorted(CASES))
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()

    workdir = os.path.join(args.workdir, args.case)
    shutil.rmtree(workdir, ignore_errors=True)
    out = os.path.join(workdir, "out")
    os.makedirs(out)
    documents, expected = CASES[args.case]

    # An earlier, valid import: its header must survive the failed one untouched.
    valid = os.path.join(workdir, "valid.yaml")
    with open(valid, "w") as f:
        yaml.safe_dump(VALID, f)
    subprocess.run([sys.executable, args.importer, out, valid], check=True,
                   stderr=subprocess.DEVNULL)
    before = snapshot(out)
    if list(before) != [os.path.join("example.com", "v1.hpp")]:
        print(f"the valid import wrote {sorted(before)}, expected example.com/v1.hpp")
        return 1
    # Imported again, unchanged: the header keeps its time, so nothing that includes it
    # is rebuilt.
    subprocess.run([sys.executable, args.importer, out, valid], check=True,
                   stderr=subprocess.DEVNULL)
    if snapshot(out) != before:
        print("importing the same CRD again rewrote its header")
        return 1

    case_file = os.path.join(workdir, "case.yaml")
    with open(case_file, "w") as f:
        yaml.safe_dump_all(documents, f)
    run = subprocess.run([sys.executable, args.importer, out, case_file],
                         capture_output=True, text=True)
    problems = []
    if run.returncode != 1:
        problems.append(f"exit status {run.returncode}, expected 1")
    lines = run.stderr.splitlines()
    if len(lines) != 1 or not re.match(r"import_crds\.py: (\S*/)?" + expected, lines[0]):
        problems.append(f"stderr {run.stderr!r} does not match {expected!r}")
    if snapshot(out) != before:
        problems.append("the output directory changed")
    for problem in problems:
        print(f"{args.case}: {problem}")
    if not problems:
        print(f"{args.case}: rejected as expected: {lines[0]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
