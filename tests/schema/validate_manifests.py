#!/usr/bin/env python3
"""Validates Kubernetes manifests against the API's official OpenAPI v2 description.

    validate_manifests.py --schema kubernetes-openapi-v2.json FILE_OR_DIR...

Each YAML document is read as kubectl reads it (YAML 1.1, through PyYAML), and checked
against the definition that serves its apiVersion and kind:
  - the apiVersion/kind pair must be served by that API version;
  - no field the definition does not declare;
  - every required field present;
  - each value of the declared type (string, integer, number, boolean, array, object);
  - list items unique on their x-kubernetes-list-map-keys.
A kustomization.yaml must list exactly the other manifests of its directory.
Exits 1 and prints every problem when any document is invalid.
"""
import argparse
import json
import pathlib
import sys

import yaml


class Schema:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.definitions = json.load(f)["definitions"]
        self.served = {}
        for name, definition in self.definitions.items():
            for gvk in definition.get("x-kubernetes-group-version-kind", []):
                group, version, kind = gvk.get("group", ""), gvk["version"], gvk["kind"]
                api_version = f"{group}/{version}" if group else version
                # Only kinds with a spec/data body of their own, not shared ones such as DeleteOptions.
                if name.rsplit(".", 1)[-1] == kind:
                    self.served[(api_version, kind)] = name

    def resolve(self, node):
        while "$ref" in node:
            node = self.definitions[node["$ref"].rsplit("/", 1)[-1]]
        return node


def type_name(value):
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def check(schema, node, value, path, problems):
    node = schema.resolve(node)
    declared = node.get("type")
    fmt = node.get("format")
    if fmt == "int-or-string":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            problems.append(f"{path}: expected an integer or a string, found {type_name(value)} {value!r}")
        return
    if declared == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, found {type_name(value)} {value!r}")
        elif "enum" in node and value not in node["enum"]:
            problems.append(f"{path}: {value!r} is not one of {node['enum']}")
        return
    if declared == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{path}: expected an integer, found {type_name(value)} {value!r}")
        return
    if declared == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{path}: expected a number, found {type_name(value)} {value!r}")
        return
    if declared == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean, found {type_name(value)} {value!r}")
        return
    if declared == "array":
        if not isinstance(value, list):
            problems.append(f"{path}: expected an array, found {type_name(value)}")
            return
        for i, item in enumerate(value):
            check(schema, node["items"], item, f"{path}[{i}]", problems)
        keys = node.get("x-kubernetes-list-map-keys")
        if keys and node.get("x-kubernetes-list-type") == "map":
            seen = set()
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    identity = tuple(item.get(k) for k in keys)
                    if identity in seen:
                        problems.append(f"{path}[{i}]: duplicate item for keys {keys}: {identity}")
                    seen.add(identity)
        return
    if declared == "object" or "properties" in node or "additionalProperties" in node:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object, found {type_name(value)} {value!r}")
            return
        properties = node.get("properties")
        additional = node.get("additionalProperties")
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append(f"{path}: key {key!r} is a {type_name(key)}, not a string")
            elif properties is not None and key in properties:
                check(schema, properties[key], item, f"{path}.{key}", problems)
            elif additional is not None:
                if isinstance(additional, dict):
                    check(schema, additional, item, f"{path}.{key}", problems)
            elif properties is not None:
                problems.append(f"{path}: unknown field {key!r}")
        for key in node.get("required", []):
            if key not in value:
                problems.append(f"{path}: missing required field {key!r}")
        return
    # A definition without a type (such as RawExtension or JSON) accepts anything.


def check_document(schema, document, where, problems):
    if not isinstance(document, dict):
        problems.append(f"{where}: a manifest must be a mapping, found {type_name(document)}")
        return
    api_version, kind = document.get("apiVersion"), document.get("kind")
    definition = schema.served.get((api_version, kind))
    if definition is None:
        problems.append(f"{where}: apiVersion {api_version!r} does not serve kind {kind!r}")
        return
    before = len(problems)
    check(schema, {"$ref": f"#/definitions/{definition}"}, document, f"{where} {kind}", problems)
    if "name" not in document.get("metadata", {}):
        problems.append(f"{where} {kind}: metadata.name is missing")
    return len(problems) == before


def check_kustomization(path, problems):
    with open(path, encoding="utf-8") as f:
        kustomization = yaml.safe_load(f)
    listed = kustomization.get("resources", []) if isinstance(kustomization, dict) else []
    present = sorted(p.name for p in path.parent.glob("*.yaml") if p.name != path.name)
    if sorted(listed) != present:
        problems.append(f"{path}: resources {sorted(listed)} do not match the directory's manifests {present}")
    if len(set(listed)) != len(listed):
        problems.append(f"{path}: a resource is listed twice")


def manifest_files(arguments):
    for argument in arguments:
        path = pathlib.Path(argument)
        if path.is_dir():
            yield from sorted(path.glob("*.yaml"))
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schema", required=True, help="the Kubernetes OpenAPI v2 JSON file")
    parser.add_argument("paths", nargs="+", help="manifest files or directories of them")
    args = parser.parse_args()

    schema = Schema(args.schema)
    problems, documents = [], 0
    for path in manifest_files(args.paths):
        if path.name == "kustomization.yaml":
            check_kustomization(path, problems)
            continue
        try:
            with open(path, encoding="utf-8") as f:
                loaded = list(yaml.safe_load_all(f))
        except (OSError, yaml.YAMLError) as error:
            problems.append(f"{path}: cannot read: {error}")
            continue
        for index, document in enumerate(loaded):
            if document is None:
                continue
            documents += 1
            check_document(schema, document, f"{path}#{index + 1}", problems)

    for problem in problems:
        print(problem)
    if documents == 0 and not problems:
        print("no manifest found")
        return 1
    print(f"{documents} document(s) checked against {pathlib.Path(args.schema).name}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
