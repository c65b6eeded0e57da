#!/usr/bin/env python3
"""Checks imported CRD headers against the CRDs they were imported from.

    check_fields.py --headers <dir>/kubestack/crd CRD.yaml...

For every served version of every CRD, walks the openAPIV3Schema and, for each object
with properties, reads the struct the importer named after its path back from the
headers: every property (but apiVersion and kind of the kind itself) must be visited by
visit_fields() under its wire name, with the schema's required flag and list-map keys,
and nothing else may be visited.
"""
import argparse
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import import_crds  # noqa: E402  (the names the importer gives each path)

STRUCT = re.compile(r"^struct (\w+) \{$")
VISIT = re.compile(r'visit\(FieldInfo\{"([^"]+)"(?:, (true|false))?(?:, "([^"]*)")?\}')


def read_structs(path):
    """{struct: [(wire name, required, keys)]} of one header."""
    with open(path) as header:
        text = re.sub(r",\n\s+self\.", ", self.", header.read())
    structs, current = {}, None
    for line in text.splitlines():
        line = line.strip()
        if m := STRUCT.match(line):
            current = structs.setdefault(m[1], [])
        elif (m := VISIT.match(line)) and current is not None:
            current.append((m[1], m[2] == "true", m[3] or ""))
    return structs


def objects(schema, path):
    """(path, schema) of every object with properties, as the importer spells paths."""
    if not isinstance(schema, dict):
        return
    if schema.get("properties"):
        yield path, schema
        for name, prop in schema["properties"].items():
            yield from objects(prop, f"{path}.{name}" if path else name)
    if isinstance(schema.get("items"), dict):
        yield from objects(schema["items"], path + "[]")
    if isinstance(schema.get("additionalProperties"), dict):
        yield from objects(schema["additionalProperties"], path + "{}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--headers", required=True)
    parser.add_argument("crds", nargs="+")
    args = parser.parse_args()

    names = {}  # (CRD, version, path) -> struct name, as the importer chose them
    for (_, version), header in import_crds.plan(args.crds).items():
        for struct in header.structs:
            names[(struct.crd, version, struct.path)] = struct.name

    problems, fields, structs_checked = [], 0, 0
    for path in args.crds:
        with open(path) as f:
            crds = [d for d in yaml.safe_load_all(f) if d]
        for crd in crds:
            group = crd["spec"]["group"]
            for version in crd["spec"]["versions"]:
                if not version.get("served"):
                    continue
                header = os.path.join(args.headers, group, version["name"] + ".hpp")
                if not os.path.exists(header):
                    problems.append(f"{crd['metadata']['name']}: no header {header}")
                    continue
                structs = read_structs(header)
                schema = version["schema"]["openAPIV3Schema"]
                for object_path, body in objects(schema, ""):
                    where = f"{crd['metadata']['name']} {version['name']}: {object_path or '(root)'}"
                    if object_path == "metadata":
                        continue  # the built-in ObjectMeta, checked by model.matches_spec
                    name = names.get((crd["metadata"]["name"], version["name"], object_path))
                    if name is None or name not in structs:
                        problems.append(f"{where}: no struct")
                        continue
                    structs_checked += 1
                    visited = {wire: (req, keys) for wire, req, keys in structs[name]}
                    required = set(body.get("required", []))
                    expected = {w: p for w, p in body["properties"].items()
                                if object_path or w not in ("apiVersion", "kind")}
                    for wire in visited.keys() - expected.keys():
                        problems.append(f"{where}.{wire}: visited, but not in the schema")
                    for wire, prop in expected.items():
                        if wire not in visited:
                            problems.append(f"{where}.{wire}: not visited by {name}")
                            continue
                        want = (wire in required, ",".join(prop.get("x-kubernetes-list-map-keys", [])))
                        if visited[wire] != want:
                            problems.append(f"{where}.{wire}: visited as {visited[wire]}, "
                                            f"the schema says {want}")
                        fields += 1
    for problem in problems:
        print(problem)
    print(f"{fields} fields of {structs_checked} structs checked: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
