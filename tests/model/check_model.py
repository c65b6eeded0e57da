#!/usr/bin/env python3
"""Checks the generated API model against the OpenAPI description it was generated from.

    check_model.py --schema SPEC.json --model include/kubestack/api

Regenerates the model into a temporary directory and fails on any difference from the
committed headers (so a hand edit, or a generator change without regeneration, fails).
Then reads the committed headers back and checks that every definition of the spec has a
struct (or a value type), and that every property of it is visited, under its wire name,
with the spec's required flag and list-map keys, in the house order of
tools/house_style.py and in flow style where it says; and that the generator's check of
that table refuses an entry the spec does not have.
"""
import argparse
import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, "..", "..", "tools")
GENERATOR = os.path.join(TOOLS, "generate_model.py")
sys.path.insert(0, TOOLS)
from generate_model import VALUE_TYPES, package_of  # noqa: E402  (where each definition goes)
import house_style  # noqa: E402  (the visiting order and flow lists)

STRUCT = re.compile(r"^struct (\w+) \{$")
ALIAS = re.compile(r"^using (\w+) = Json;$")
VISIT = re.compile(
    r'visit\(FieldInfo\{"([^"]+)"(?:, (true|false))?(?:, "([^"]*)")?\}(\.in_flow_style\(\))?')
NAMESPACE = re.compile(r"^namespace kubestack::api::([\w:]+) \{$")


def compare_trees(expected, actual):
    problems = []
    comparison = filecmp.dircmp(expected, actual)
    stack = [("", comparison)]
    while stack:
        prefix, node = stack.pop()
        for name in node.left_only:
            problems.append(f"{prefix}{name}: not committed (regenerate the model)")
        for name in node.right_only:
            problems.append(f"{prefix}{name}: committed, but the generator no longer writes it")
        for name in node.diff_files:
            problems.append(f"{prefix}{name}: differs from what the generator writes")
        for name, sub in node.subdirs.items():
            stack.append((f"{prefix}{name}/", sub))
    return problems


def read_model(model_dir):
    """{(namespace, struct): [(wire name, required, keys)]} and the set of aliases."""
    structs, aliases = {}, set()
    for root, _, files in os.walk(model_dir):
        for name in files:
            namespace, current = None, None
            with open(os.path.join(root, name)) as header:
                text = header.read()
            # A visit call may be broken over two lines.
            text = re.sub(r",\n\s+self\.", ", self.", text)
            for line in text.splitlines():
                line = line.strip()
                if m := NAMESPACE.match(line):
                    namespace = m[1]
                elif m := ALIAS.match(line):
                    aliases.add((namespace, m[1]))
                elif m := STRUCT.match(line):
                    current = structs.setdefault((namespace, m[1]), [])
                elif m := VISIT.match(line):
                    current.append((m[1], m[2] == "true", m[3] or "", bool(m[4])))
    return structs, aliases


def house_style_problems(definition, fields):
    """The house order first, then the spec's; flow style exactly where the table says."""
    problems = []
    order = [wire for wire, *_ in fields]
    expected = house_style.ordered(definition, [w for w in order])
    if order != expected:
        problems.append(f"{definition}: visited as {order}, house style says {expected}")
    for wire, _, _, flow in fields:
        if flow != house_style.is_flow(definition, wire):
            problems.append(f"{definition}.{wire}: flow style {flow}, house style says {not flow}")
    return problems


def style_guard_problems(definitions):
    """The generator must refuse a house-style entry the spec does not have."""
    definition, fields = next(iter(house_style.FIELD_ORDER.items()))
    renamed = json.loads(json.dumps(definitions[definition]))
    del renamed["properties"][fields[0]]
    try:
        house_style.check({**definitions, definition: renamed})
    except house_style.StyleError:
        return []
    return [f"house_style.check accepts {definition} without {fields[0]}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("--model", required=True)
    args = parser.parse_args()

    problems = []
    with tempfile.TemporaryDirectory() as fresh:
        subprocess.run([sys.executable, GENERATOR, args.schema, fresh], check=True,
                       stderr=subprocess.DEVNULL)
        problems += compare_trees(fresh, args.model)

    with open(args.schema) as f:
        definitions = json.load(f)["definitions"]
    structs, aliases = read_model(args.model)
    checked = 0
    for definition, body in sorted(definitions.items()):
        if definition in VALUE_TYPES:
            continue
        name = definition.rsplit(".", 1)[1]
        _, namespace = package_of(definition)
        if "properties" not in body:
            if (namespace, name) not in aliases:
                problems.append(f"{definition}: no alias for this open object")
            continue
        if (namespace, name) not in structs:
            problems.append(f"{definition}: no struct kubestack::api::{namespace}::{name}")
            continue
        fields = structs[(namespace, name)]
        visited = {wire: (required, keys) for wire, required, keys, _ in fields}
        problems += house_style_problems(definition, fields)
        is_kind = len(body.get("x-kubernetes-group-version-kind", [])) == 1
        required = set(body.get("required", []))
        for wire, prop in body["properties"].items():
            if is_kind and wire in ("apiVersion", "kind"):
                continue
            if wire not in visited:
                problems.append(f"{definition}.{wire}: not visited by visit_fields()")
                continue
            want = (wire in required, ",".join(prop.get("x-kubernetes-list-map-keys", [])))
            if visited[wire] != want:
                problems.append(f"{definition}.{wire}: visited as {visited[wire]}, spec says {want}")
            checked += 1
    problems += style_guard_problems(definitions)
    for problem in problems:
        print(problem)
    print(f"{checked} fields of {len(definitions)} definitions checked against "
          f"{os.path.basename(args.schema)}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
