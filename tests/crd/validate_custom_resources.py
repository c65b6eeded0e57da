#!/usr/bin/env python3
"""Validates the custom resources of manifests against the CRDs that define them.

    validate_custom_resources.py --crd CRD.yaml [--crd ...] [--kubernetes-schema SPEC.json] MANIFEST...

A document whose apiVersion names the group of a given CRD is a custom resource. It is
checked against the openAPIV3Schema of the served version it names, as the API server of
apiextensions.k8s.io/v1 reads a structural schema:
  - type (string, integer, number, boolean, array, object), x-kubernetes-int-or-string;
  - properties, required, additionalProperties, items;
  - pruning: a field the schema does not declare is an error (the API server would drop
    it without a word), unless x-kubernetes-preserve-unknown-fields keeps it;
  - null only where the schema says nullable (the API server drops it elsewhere);
  - enum, pattern, format int32/int64/date-time, minimum/maximum (and exclusive),
    multipleOf, minLength/maxLength, minItems/maxItems, minProperties/maxProperties,
    x-kubernetes-list-type set/map uniqueness, and the value checks of anyOf/oneOf/allOf/not;
  - apiVersion, kind and metadata at the top are always allowed; metadata.name is required,
    and a cluster-scoped kind has no namespace.
Not checked: x-kubernetes-validations (CEL rules) and other formats. A schema keyword this
script does not know is reported, so that a new one cannot pass unchecked.

Documents of built-in kinds are checked against the Kubernetes schema with
tests/schema/validate_manifests.py when --kubernetes-schema is given (which also checks the
custom resources' metadata as an ObjectMeta); otherwise they are counted as skipped.
Exits 1 and prints every problem when a document is invalid.
"""
import argparse
import importlib.util
import pathlib
import re
import sys

import yaml

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

# Keywords checked below, and those that do not constrain a value this script can check.
CHECKED = {
    "type", "properties", "required", "additionalProperties", "items", "nullable", "enum",
    "format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
    "maxProperties", "anyOf", "oneOf", "allOf", "not", "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys",
}
NOT_CHECKED = {
    "description", "title", "default", "example", "externalDocs", "x-kubernetes-map-type",
    "x-kubernetes-validations",
}


class KubectlLoader(yaml.SafeLoader):
    """YAML 1.1 as kubectl reads it, except that timestamps stay strings (as in JSON)."""


KubectlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def type_name(value):
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def has_type(declared, value):
    if declared == "string":
        return isinstance(value, str)
    if declared == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if declared == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if declared == "boolean":
        return isinstance(value, bool)
    if declared == "array":
        return isinstance(value, list)
    if declared == "object":
        return isinstance(value, dict)
    return False


class Validator:
    def __init__(self):
        self.problems = []

    def report(self, path, text):
        self.problems.append(f"{path}: {text}")

    def check(self, node, value, path, branch=False):
        """Checks value against a schema node. A branch of anyOf/oneOf/allOf/not only
        validates values: it declares no fields and may leave out the type."""
        for keyword in node:
            if keyword not in CHECKED and keyword not in NOT_CHECKED:
                self.report(path, f"schema keyword {keyword!r} is not understood by this validator")
        if value is None:
            if not node.get("nullable"):
                self.report(path, "null, and the schema does not make it nullable")
            return
        preserve = node.get("x-kubernetes-preserve-unknown-fields") is True
        if node.get("x-kubernetes-int-or-string"):
            if not (has_type("integer", value) or isinstance(value, str)):
                self.report(path, f"expected an integer or a string, found {type_name(value)} {value!r}")
                return
        elif "type" in node:
            if not has_type(node["type"], value):
                shown = "" if isinstance(value, (dict, list)) else f" {value!r}"
                self.report(path, f"expected {'an' if node['type'][0] in 'aeiou' else 'a'} "
                                  f"{node['type']}, found {type_name(value)}{shown}")
                return
        elif not branch and not preserve:
            self.report(path, "the schema gives this field no type")
            return
        self.check_value(node, value, path)
        if isinstance(value, dict):
            self.check_object(node, value, path, branch or preserve)
        elif isinstance(value, list):
            self.check_array(node, value, path, branch)

    def check_value(self, node, value, path):
        if "enum" in node and value not in node["enum"]:
            self.report(path, f"{value!r} is not one of {node['enum']}")
        if isinstance(value, str):
            if "pattern" in node:
                try:
                    if not re.search(node["pattern"], value):
                        self.report(path, f"{value!r} does not match the pattern {node['pattern']!r}")
                except re.error as error:
                    self.report(path, f"pattern {node['pattern']!r} not understood: {error}")
            if "maxLength" in node and len(value) > node["maxLength"]:
                self.report(path, f"{value!r} is longer than {node['maxLength']} characters")
            if "minLength" in node and len(value) < node["minLength"]:
                self.report(path, f"{value!r} is shorter than {node['minLength']} characters")
            if node.get("format") == "date-time" and not DATE_TIME.match(value):
                self.report(path, f"{value!r} is not an RFC 3339 date-time")
        if has_type("number", value):
            self.check_number(node, value, path)
        if isinstance(value, list):
            if "maxItems" in node and len(value) > node["maxItems"]:
                self.report(path, f"{len(value)} items, more than {node['maxItems']}")
            if "minItems" in node and len(value) < node["minItems"]:
                self.report(path, f"{len(value)} items, fewer than {node['minItems']}")
        if isinstance(value, dict):
            if "maxProperties" in node and len(value) > node["maxProperties"]:
                self.report(path, f"{len(value)} fields, more than {node['maxProperties']}")
            if "minProperties" in node and len(value) < node["minProperties"]:
                self.report(path, f"{len(value)} fields, fewer than {node['minProperties']}")
        self.check_branches(node, value, path)

    def check_number(self, node, value, path):
        bounds = {"int32": INT32, "int64": INT64}.get(node.get("format"))
        if bounds and isinstance(value, int) and not bounds[0] <= value <= bounds[1]:
            self.report(path, f"{value} is out of the range of {node['format']}")
        if "minimum" in node:
            low = node["minimum"]
            if value < low or (node.get("exclusiveMinimum") and value == low):
                self.report(path, f"{value} is less than the minimum {low}"
                                  + (" (exclusive)" if node.get("exclusiveMinimum") else ""))
        if "maximum" in node:
            high = node["maximum"]
            if value > high or (node.get("exclusiveMaximum") and value == high):
                self.report(path, f"{value} is greater than the maximum {high}"
                                  + (" (exclusive)" if node.get("exclusiveMaximum") else ""))
        if "multipleOf" in node and value % node["multipleOf"] != 0:
            self.report(path, f"{value} is not a multiple of {node['multipleOf']}")

    def passes(self, branch, value, path):
        inner = Validator()
        inner.check(branch, value, path, branch=True)
        return not inner.problems, inner.problems

    def check_branches(self, node, value, path):
        for branch in node.get("allOf", []):
            self.check(branch, value, path, branch=True)
        if "anyOf" in node:
            results = [self.passes(b, value, path) for b in node["anyOf"]]
            if not any(ok for ok, _ in results):
                self.report(path, "matches no branch of anyOf: "
                                  + "; ".join(p for _, problems in results for p in problems))
        if "oneOf" in node:
            matched = sum(self.passes(b, value, path)[0] for b in node["oneOf"])
            if matched != 1:
                self.report(path, f"matches {matched} branches of oneOf, not exactly one")
        if "not" in node and self.passes(node["not"], value, path)[0]:
            self.report(path, "matches the schema under 'not'")

    def check_object(self, node, value, path, keep_unknown):
        properties = node.get("properties", {})
        additional = node.get("additionalProperties")
        for key, item in value.items():
            if not isinstance(key, str):
                self.report(path, f"key {key!r} is a {type_name(key)}, not a string")
            elif key in properties:
                self.check(properties[key], item, f"{path}.{key}")
            elif isinstance(additional, dict):
                self.check(additional, item, f"{path}.{key}")
            elif additional is True or keep_unknown:
                pass
            else:
                self.report(path, f"unknown field {key!r}")
        for key in node.get("required", []):
            if key not in value:
                self.report(path, f"missing required field {key!r}")

    def check_array(self, node, value, path, branch):
        items = node.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                self.check(items, item, f"{path}[{i}]", branch)
        elif not branch:
            self.report(path, "the schema gives this array no items")
        list_type = node.get("x-kubernetes-list-type")
        if list_type == "set":
            seen = []
            for i, item in enumerate(value):
                if item in seen:
                    self.report(f"{path}[{i}]", f"duplicate item {item!r} of a set")
                seen.append(item)
        elif list_type == "map":
            keys = node.get("x-kubernetes-list-map-keys", [])
            seen = set()
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    identity = tuple(repr(item.get(k)) for k in keys)
                    if identity in seen:
                        self.report(f"{path}[{i}]", f"duplicate item for keys {keys}")
                    seen.add(identity)


class Crds:
    """The versions of the kinds that the given CRD files define."""

    def __init__(self, paths):
        self.versions = {}  # (group, kind) -> {version: (served, schema, scope)}
        for path in paths:
            with open(path, encoding="utf-8") as f:
                for crd in yaml.load_all(f, Loader=KubectlLoader):
                    if crd is None:
                        continue
                    if crd.get("apiVersion") != "apiextensions.k8s.io/v1" or \
                            crd.get("kind") != "CustomResourceDefinition":
                        sys.exit(f"{path}: not an apiextensions.k8s.io/v1 CustomResourceDefinition")
                    spec = crd["spec"]
                    versions = self.versions.setdefault((spec["group"], spec["names"]["kind"]), {})
                    for version in spec["versions"]:
                        versions[version["name"]] = (version.get("served", False),
                                                     version["schema"]["openAPIV3Schema"],
                                                     spec["scope"])
        self.groups = {group for group, _ in self.versions}


def load_validate_manifests():
    path = pathlib.Path(__file__).resolve().parent.parent / "schema" / "validate_manifests.py"
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location("validate_manifests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Checker:
    def __init__(self, crds, kubernetes_schema=None):
        self.crds = crds
        self.kubernetes = None
        if kubernetes_schema:
            self.manifests = load_validate_manifests()
            self.kubernetes = self.manifests.Schema(kubernetes_schema)
        self.custom, self.built_in, self.skipped = 0, 0, 0
        self.problems = []

    def check_document(self, document, where):
        if not isinstance(document, dict):
            self.problems.append(f"{where}: a manifest must be a mapping, found {type_name(document)}")
            return
        api_version, kind = document.get("apiVersion"), document.get("kind")
        group, _, version = str(api_version).rpartition("/")
        if group not in self.crds.groups:
            if self.kubernetes is None:
                if "." in group and not group.endswith(".k8s.io"):
                    self.problems.append(f"{where}: no CRD of the given files defines group {group!r}")
                self.skipped += 1
            else:
                self.built_in += 1
                self.manifests.check_document(self.kubernetes, document, where, self.problems)
            return
        self.custom += 1
        versions = self.crds.versions.get((group, kind))
        if versions is None:
            self.problems.append(f"{where}: no CRD of the given files defines kind {kind!r} in group {group!r}")
            return
        if version not in versions or not versions[version][0]:
            served = sorted(v for v, (is_served, _, _) in versions.items() if is_served)
            self.problems.append(f"{where}: {api_version!r} does not serve kind {kind!r} (served: {served})")
            return
        _, schema, scope = versions[version]
        metadata = document.get("metadata")
        name = metadata.get("name") if isinstance(metadata, dict) else None
        path = f"{where} {kind} {name or ''}".rstrip()
        self.check_custom_resource(schema, scope, document, path)

    def check_custom_resource(self, schema, scope, document, path):
        validator = Validator()
        # The top level always allows apiVersion, kind and metadata; metadata is an
        # ObjectMeta, which the CRD's schema may only narrow, so it is not pruned here.
        top = dict(schema)
        top["properties"] = {key: node for key, node in schema.get("properties", {}).items()
                             if key not in ("apiVersion", "kind", "metadata")}
        top["required"] = [key for key in schema.get("required", []) if key != "metadata"]
        body = {key: value for key, value in document.items() if key not in ("apiVersion", "kind", "metadata")}
        validator.check(top, body, path)
        metadata = document.get("metadata")
        if not isinstance(metadata, dict):
            validator.report(path, f"metadata must be an object, found {type_name(metadata)}")
        else:
            narrowed = schema.get("properties", {}).get("metadata", {})
            validator.check({k: v for k, v in narrowed.items() if k != "type"}, metadata,
                            f"{path}.metadata", branch=True)
            if not isinstance(metadata.get("name"), str) or not metadata["name"]:
                validator.report(f"{path}.metadata", "missing required field 'name'")
            if scope == "Cluster" and "namespace" in metadata:
                validator.report(f"{path}.metadata", "a cluster-scoped kind has no namespace")
            if self.kubernetes is not None:
                self.manifests.check(self.kubernetes,
                                     {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                                     metadata, f"{path}.metadata", validator.problems)
        self.problems.extend(validator.problems)

    def check_file(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                documents = list(yaml.load_all(f, Loader=KubectlLoader))
        except (OSError, yaml.YAMLError) as error:
            self.problems.append(f"{path}: cannot read: {error}")
            return
        for index, document in enumerate(documents):
            if document is not None:
                self.check_document(document, f"{path}#{index + 1}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crd", action="append", required=True, help="a file of CRDs (repeatable)")
    parser.add_argument("--kubernetes-schema", help="the Kubernetes OpenAPI v2 JSON file, for built-in kinds")
    parser.add_argument("manifests", nargs="+", help="YAML files of manifests")
    args = parser.parse_args()

    checker = Checker(Crds(args.crd), args.kubernetes_schema)
    for path in args.manifests:
        checker.check_file(path)
    for problem in checker.problems:
        print(problem)
    built_in = (f"{checker.built_in} built-in document(s) checked against "
                f"{pathlib.Path(args.kubernetes_schema).name}" if args.kubernetes_schema
                else f"{checker.skipped} built-in document(s) skipped")
    print(f"{checker.custom} custom resource(s) checked against their CRDs, {built_in}: "
          f"{len(checker.problems)} problem(s)")
    if checker.custom == 0 and not checker.problems:
        print("no custom resource found")
        return 1
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
