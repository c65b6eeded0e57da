"""Manifests checked against the typed model, for kubestack-import: each object's kind
found in the model's index (include/kubestack/api/model.json, which
tools/generate_model.py writes with the headers), and its YAML walked along that kind's
fields into plain values that the C++ writer prints.

A decoded struct is {wire name: value}, a list [...], a map [(key, value)], an opaque
JSON value ("json", value), and a scalar its Python value. A field set to null is left
out: Kubernetes reads it as absent.
"""
import decimal
import json
import math
import re
import sys

import yaml

from import_yaml import InputError, Document, mapping_items, scalar

MODEL_VERSION = "1.36"

INT32_MAX = 2**31 - 1  # the most a count or a number of seconds holds in the API
# A number spelled as kubectl sends it: decimal, no leading zero, no underscore.
PLAIN_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)?(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$")
def sends_as_written(spelling, value):
    """Whether kubectl sends the number go-yaml reads as the value the spelling says: a
    plain decimal within int64, or within what a float64 holds exactly."""
    if not PLAIN_DECIMAL.match(spelling):
        return False
    if isinstance(value, int):
        return -2**63 <= value < 2**63
    return decimal.Decimal(repr(value)) == decimal.Decimal(spelling)


INT_RANGES = {"int32": (-2**31, INT32_MAX), "int64": (-2**63, 2**63 - 1),
              "IntOrString": (-2**31, INT32_MAX)}
ACCEPTED = {
    "String": (str,), "Bytes": (str,), "Time": (str,), "IntOrString": (int, str),
    "Quantity": (int, float, str), "int32": (int,), "int64": (int,), "double": (int, float),
    "bool": (bool,),
}
EXPECTED = {
    "String": "a string", "Bytes": "base64 text", "Time": "a timestamp",
    "IntOrString": "a number or a string", "Quantity": "a quantity", "int32": "an integer",
    "int64": "an integer", "double": "a number", "bool": "true or false",
}


class Model:
    def __init__(self, index_path):
        with open(index_path, encoding="utf-8") as f:
            index = json.load(f)
        self.structs = index["structs"]
        self.kinds = index["kinds"]
        self.scopes = {}
        # A kind's struct inside another object (a StatefulSet's claim templates): the
        # emitter writes its apiVersion and kind there too.
        self.identity = {entry["struct"]: dict(zip(("apiVersion", "kind"), key.split(" ")))
                         for key, entry in self.kinds.items()}

    def kind(self, api_version, kind):
        return self.kinds.get(f"{api_version} {kind}")

    def cluster_scoped(self, kind):
        """Whether the built-in kind that a reference names, by kind alone, has no namespace:
        so in each apiVersion that serves it. Any other kind is taken as namespaced: a
        custom resource's kind may share a built-in kind's name, and references name
        built-in kinds only. An object's own scope is namespaced(), by its apiVersion."""
        if kind not in self.scopes:
            entries = [entry for key, entry in self.kinds.items()
                       if key.split(" ")[1] == kind and not entry["struct"].startswith("crd.")]
            self.scopes[kind] = bool(entries) and not any(e["namespaced"] for e in entries)
        return self.scopes[kind]

    def namespaced(self, imported):
        """Whether the object's own kind is in a namespace, as its apiVersion serves it (a
        custom resource's CRD says so too)."""
        entry = self.kind(imported.api_version, imported.kind)
        return entry is None or entry["namespaced"]

    def api_versions_of(self, kind):
        return sorted(key.split(" ")[0] for key in self.kinds if key.split(" ")[1] == kind)

    def structs_in(self, definition, value):
        """(definition, value) of a decoded struct and of every struct inside it, outermost
        first: what the rules' walk meets (include/kubestack/model_rules.hpp)."""
        yield definition, value
        for wire, _, kind, _ in self.structs.get(definition, {}).get("fields", []):
            if value.get(wire) is not None:
                yield from self._structs_of_kind(kind, value[wire])

    def _structs_of_kind(self, kind, value):
        if not isinstance(kind, dict):
            return
        if "ref" in kind:
            yield from self.structs_in(kind["ref"], value)
        elif "list" in kind:
            for item in value:
                yield from self._structs_of_kind(kind["list"], item)
        elif "map" in kind:
            for _, item in value:
                yield from self._structs_of_kind(kind["map"], item)


def top_items(document):
    """The top-level (name, key node, value node) items of an object, read once."""
    if not isinstance(document.node, yaml.MappingNode):
        return []
    return list(mapping_items(document, document.node))


def field_text(document, items, key):
    """A top-level string field of an object (apiVersion, kind), or None."""
    for name, _, value in items:
        if name == key and isinstance(value, yaml.ScalarNode):
            found = scalar(value, document.where(value))
            return found if isinstance(found, str) else None
    return None


def objects_of(document):
    """The objects of a document: itself, or the items of a List (any kind named *List)."""
    node = document.node
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{document.where()}: document {document.index} is not an object")
    items = top_items(document)
    kind = field_text(document, items, "kind")
    if kind is not None and kind.endswith("List"):
        for name, _, value in items:
            if name == "items":
                if not isinstance(value, yaml.SequenceNode):
                    raise InputError(f"{document.where(value)}: the items of a {kind} must "
                                     "be a list")
                return [Document(item, document.file, document.index) for item in value.value]
    return [document]


class Decoder:
    """Walks an object's YAML along its kind's schema."""

    def __init__(self, model, document, description):
        self.model = model
        self.document = document
        self.description = description

    def fail(self, node, path, problem):
        raise InputError(f"{self.document.where(node)}: {self.description}: {path}: {problem}")

    def is_null(self, node):
        return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"

    def value(self, node, kind, path):
        if self.is_null(node):
            return None
        if isinstance(kind, dict) and "enum" in kind:
            kind = "String"  # a CRD's enum: the build checks the value against its list
        if isinstance(kind, dict) and "ref" in kind:
            return self.struct(node, kind["ref"], path)
        if isinstance(kind, dict) and "list" in kind:
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, path, "expected a list")
            return [self.item(item, kind["list"], f"{path}[{i}]")
                    for i, item in enumerate(node.value)]
        if isinstance(kind, dict) and "map" in kind:
            if not isinstance(node, yaml.MappingNode):
                self.fail(node, path, "expected a map")
            return [(key, self.item(value, kind["map"], f"{path}.{key}"))
                    for key, _, value in mapping_items(self.document, node)]
        if kind == "Json":
            return ("json", self.json(node, path))
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, path, f"expected {EXPECTED[kind]}")
        value = scalar(node, self.document.where(node))
        accepted = () if isinstance(value, bool) and kind != "bool" else ACCEPTED[kind]
        if not isinstance(value, accepted):
            self.fail(node, path, f"expected {EXPECTED[kind]}, not {node.value!r}")
        if isinstance(value, int) and kind in INT_RANGES:
            low, high = INT_RANGES[kind]
            if not low <= value <= high:
                self.fail(node, path, f"{value} is out of the range of {kind}")
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(node, path, f"{node.value} is no finite number")
        if kind == "double" and isinstance(value, int) and abs(value) > sys.float_info.max:
            self.fail(node, path, f"{node.value} is out of the range of a double")
        if kind == "Quantity" and not isinstance(value, str):
            # The number as written, which the API server parses: only where kubectl sends
            # that number (0755 is octal to kubectl, 1_000 is 1000, 1.0000000000000001 a
            # float64's 1.0).
            sent = str(value) if isinstance(value, int) else repr(value)
            if not sends_as_written(node.value, value):
                self.fail(node, path, f"{node.value} is read by kubectl as the number {sent}: "
                          f"write {sent}, or the quantity in quotes")
            value = node.value
        return value

    def item(self, node, kind, path):
        """A list item or a map value: null there has no meaning Kubernetes documents."""
        if self.is_null(node):
            self.fail(node, path, "null is no value here (write \"\" for an empty text)")
        return self.value(node, kind, path)

    def struct(self, node, definition, path, items=None):
        """items: the mapping's items, when the caller has read them already."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, path or "the object", "expected an object")
        fields = {field[0]: field for field in self.model.structs[definition]["fields"]}
        decoded = {}
        if items is None:
            items = mapping_items(self.document, node)
        for name, key, value in items:
            inner = f"{path}.{name}" if path else name
            if name in ("apiVersion", "kind") and (not path or definition in
                                                   self.model.identity):
                wanted = self.model.identity.get(definition, {}).get(name)
                if path and not self.is_null(value) and (
                        not isinstance(value, yaml.ScalarNode) or
                        scalar(value, self.document.where(value)) != wanted):
                    self.fail(value, inner, f"expected {wanted}, as a "
                                            f"{definition.rsplit('.', 1)[1]} says")
                continue
            if name not in fields:
                schema = ("its CRD's schema" if definition.startswith("crd.") else
                          f"Kubernetes {MODEL_VERSION}")
                self.fail(key, inner, f"{schema} has no such field "
                                      f"(in {definition.rsplit('.', 1)[1]})")
            decoded[name] = self.value(value, fields[name][2], inner)
        return decoded

    def json(self, node, path):
        if isinstance(node, yaml.ScalarNode):
            value = scalar(node, self.document.where(node))
            if isinstance(value, float) and not math.isfinite(value):
                self.fail(node, path, f"{node.value} is no JSON number")
            return value
        if isinstance(node, yaml.SequenceNode):
            return [self.json(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        return {key: self.json(value, f"{path}.{key}")
                for key, _, value in mapping_items(self.document, node)}


class ImportedObject:
    def __init__(self, document, api_version, kind, definition, fields):
        self.document = document
        self.api_version = api_version
        self.kind = kind
        self.definition = definition
        self.fields = fields
        metadata = fields.get("metadata") or {}
        self.name = metadata.get("name") or ""
        self.namespace = metadata.get("namespace") or ""


def given(fields):
    """The fields that the input sets: a null is as good as absent."""
    return {name: value for name, value in (fields or {}).items() if value is not None}


def ascii_lower(value):
    """The text with its ASCII capitals lowered, as the DSL lowers them (str.lower() would
    lower others too: "\u212a", the Kelvin sign, to "k")."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


def listed(items, capacity):
    """Whether a list that the input may give is absent or holds 1 to capacity items: a
    builder leaves an empty list out, and holds no more than its capacity."""
    return items is None or 0 < len(items) <= capacity


def check(model, document):
    """The object of a document, checked against its kind's schema."""
    node = document.node
    items = top_items(document)
    api_version = field_text(document, items, "apiVersion")
    kind = field_text(document, items, "kind")
    if not api_version or not kind:
        missing = "apiVersion" if not api_version else "kind"
        of_kind = f" ({kind})" if kind else ""
        raise InputError(f"{document.where()}: document {document.index}{of_kind} has no "
                         f"{missing}")
    entry = model.kind(api_version, kind)
    if entry is None:
        served = model.api_versions_of(kind)
        if served:
            raise InputError(f"{document.where()}: {kind} of apiVersion {api_version} is not "
                             f"served by Kubernetes {MODEL_VERSION}: it serves "
                             f"{' or '.join(served)}")
        raise InputError(f"{document.where()}: document {document.index} is a {kind} of "
                         f"{api_version}, which is no kind of Kubernetes {MODEL_VERSION}: "
                         "give its CustomResourceDefinition with --crd FILE, or among the "
                         "input's objects")
    name = None
    for key, _, value in items:
        if key == "metadata" and isinstance(value, yaml.MappingNode):
            for inner, _, item in mapping_items(document, value):
                if inner == "name" and isinstance(item, yaml.ScalarNode):
                    name = item.value
    description = f"{kind} {json.dumps(name, ensure_ascii=False)}" if name else kind
    try:
        fields = Decoder(model, document, description).struct(node, entry["struct"], "", items)
    except RecursionError:
        raise InputError(f"{document.where()}: {description} is nested too deeply")
    return ImportedObject(document, api_version, kind, entry["struct"], fields)


def check_duplicates(objects):
    """Two objects of one kind, namespace and name: kubectl would apply the second over the
    first. Objects named by the server (generateName) have no name yet."""
    seen = {}
    for imported in objects:
        if not imported.name:
            continue
        key = (imported.kind, imported.namespace, imported.name)
        if key in seen:
            where = f" in namespace {imported.namespace}" if imported.namespace else ""
            raise InputError(f"{imported.document.where()}: {imported.kind} "
                             f"{json.dumps(imported.name, ensure_ascii=False)}{where} is also "
                             f"at {seen[key].document.where()}: each object is declared once")
        seen[key] = imported
