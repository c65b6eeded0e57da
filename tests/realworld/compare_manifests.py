#!/usr/bin/env python3
"""Compares a stack's output with the original manifests it rewrites, after parsing.

    compare_manifests.py --schema kubernetes-openapi-v2.json --original DIR
                         [--differences FILE] (--stream FILE | --stack BINARY)

Exits 0 when every object of the original is reproduced with no value, name, label or
field lost, changed or added; 1 with one line per difference otherwise; 77 (ctest's skip)
when DIR does not exist. What counts as equal is written in examples/realworld/README.md,
section "What the comparison treats as equal"; the rules here and there are the same:

  1. Documents: every *.yaml, *.yml and *.json file of DIR, every document of each (read as
     kubectl reads them: YAML 1.1, PyYAML); empty documents are skipped; a `kind: List`
     (or any `<Kind>List` with `items`) stands for its items.
  2. Objects are paired by (apiVersion, kind, metadata.namespace or none, metadata.name).
     An object on one side only is lost or added. One that differs only in namespace or
     apiVersion is reported as that change, and then compared field by field.
  3. Scalars are equal when they have the same YAML type and value. One exception: where
     the schema types a field as a Quantity (resources, storage, capacity), an integer
     equals the string of its decimal digits (`cpu: 1` and `cpu: "1"`), because the API
     server parses both into the same Quantity. Nowhere else: 8080 and "8080" differ in an
     int-or-string field (a port number and a port name), `"true"` and true differ.
  4. Maps: every key of either side is compared; a key on one side only is a lost or an
     added field, even when its value is empty ({}, [], "") or null.
  5. Lists that the schema declares as maps (x-kubernetes-list-type: map) are paired by
     their x-kubernetes-list-map-keys (containers and env by name, container ports by
     containerPort and protocol, Service ports by port and protocol, volumeMounts by
     mountPath); when exactly one item on each side has no partner, the two are compared
     as one item whose key changed. Their order is compared too for containers, initContainers,
     ephemeralContainers and env, where Kubernetes gives it meaning (init containers run
     in order, the first container is kubectl's default, an env value sees only the
     variables before it); for the other keyed lists, order is ignored. Every other list
     is compared item by item, in order.
  6. Normalisations, applied to both sides before comparing, each what the API server
     does on create: a Secret's stringData is merged into its data, base64-encoded
     (stringData wins); every claim template of an apps/v1 StatefulSet is given
     `apiVersion: v1` and `kind: PersistentVolumeClaim`; and the fields of DEFAULTS below
     are set to their default where they are absent. No other default is filled.
  7. Intended differences: FILE (YAML) lists differences the rewrite makes on purpose, each
     with `object`, `path`, `original` and/or `rewrite` (a side without the key means the
     field is absent there) and a non-empty `reason`. Each must occur exactly as written;
     one that does not is itself a failure, so the list cannot go stale.
"""
import argparse
import base64
import json
import pathlib
import subprocess
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "schema"))
from validate_manifests import Schema  # noqa: E402  (the schema reader of the schema tests)

SKIP = 77
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"

# The only defaults filled where a side leaves the field out: (definition, field) -> value,
# each as the API server's defaulting sets it (kubernetes/kubernetes
# pkg/apis/core/v1/defaults.go). The DSL writes these fields on every object, and
# generated/ must keep them byte for byte.
DEFAULTS = {
    ("io.k8s.api.core.v1.ContainerPort", "protocol"): "TCP",  # SetDefaults_ContainerPort
    ("io.k8s.api.core.v1.ServicePort", "protocol"): "TCP",  # SetDefaults_Service
    ("io.k8s.api.core.v1.ServiceSpec", "type"): "ClusterIP",  # SetDefaults_Service
    ("io.k8s.api.core.v1.PodSpec", "restartPolicy"): "Always",  # SetDefaults_PodSpec
    ("io.k8s.api.core.v1.Secret", "type"): "Opaque",  # SetDefaults_Secret
    # SetDefaults_NetworkPolicyPort (pkg/apis/networking/v1/defaults.go)
    ("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol"): "TCP",
}

# Keyed lists whose order Kubernetes gives a meaning to (rule 5).
ORDERED_KEYED_LISTS = {"containers", "initContainers", "ephemeralContainers", "env"}

ABSENT = object()


def show(value):
    """A value as one line: scalars as YAML would read them back, trees as flow JSON."""
    if value is ABSENT:
        return "(absent)"
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


class Difference:
    def __init__(self, obj, path, original, rewrite):
        self.obj, self.path, self.original, self.rewrite = obj, path, original, rewrite

    def __str__(self):
        where = f"{self.obj} {self.path}" if self.path else self.obj
        if self.rewrite is ABSENT:
            return f"{where}: lost (original: {show(self.original)})"
        if self.original is ABSENT:
            return f"{where}: added (rewrite: {show(self.rewrite)})"
        return f"{where}: changed from {show(self.original)} to {show(self.rewrite)}"

    def matches(self, entry):
        return (entry.get("object") == self.obj and entry.get("path") == self.path
                and entry.get("original", ABSENT) == self.original
                and entry.get("rewrite", ABSENT) == self.rewrite)


# Reading --------------------------------------------------------------------------------

def expand(document):
    kind = document.get("kind") if isinstance(document, dict) else None
    if isinstance(kind, str) and kind.endswith("List") and isinstance(document.get("items"), list):
        for item in document["items"]:
            yield from expand(item)
    else:
        yield document


def read_documents(text, where):
    documents = []
    for document in yaml.safe_load_all(text):
        if document is None:
            continue
        for item in expand(document):
            if not isinstance(item, dict):
                raise ValueError(f"{where}: a manifest must be a mapping, found {show(item)}")
            documents.append(item)
    return documents


def original_files(directory):
    return sorted(p for p in directory.iterdir()
                  if p.is_file() and p.suffix in (".yaml", ".yml", ".json"))


def identity(document):
    metadata = document.get("metadata") or {}
    return (document.get("apiVersion"), document.get("kind"), metadata.get("namespace"),
            metadata.get("name"))


def label(key):
    api_version, kind, namespace, name = key
    return f"{kind}/{namespace}/{name}" if namespace is not None else f"{kind}/{name}"


# Normalising (rule 6) -------------------------------------------------------------------

def definition_name(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema.definitions[name]
        if "$ref" not in node:
            return name, node
    return None, node


def fill_defaults(schema, node, value):
    name, node = definition_name(schema, node)
    if isinstance(value, dict):
        for (definition, field), default in DEFAULTS.items():
            if definition == name and field not in value:
                value[field] = default
        properties = node.get("properties") or {}
        additional = node.get("additionalProperties")
        for key, item in value.items():
            child = properties.get(key, additional if isinstance(additional, dict) else None)
            if child is not None:
                fill_defaults(schema, child, item)
    elif isinstance(value, list) and "items" in node:
        for item in value:
            fill_defaults(schema, node["items"], item)


def merge_string_data(document):
    if document.get("kind") != "Secret" or document.get("apiVersion") != "v1":
        return
    string_data = document.pop("stringData", None)
    if isinstance(string_data, dict):
        data = document.setdefault("data", {})
        for key, text in string_data.items():
            data[key] = base64.b64encode(str(text).encode("utf-8")).decode("ascii")


# The API server converts every StatefulSet it stores or serves through its internal type,
# and the conversion to apps/v1 sets each claim template's apiVersion and kind
# (kubernetes/kubernetes pkg/apis/apps/v1/conversion.go,
# Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec; issue 87583). The DSL writes them, as
# server-side apply wants them; most published manifests leave them out.
def type_claim_templates(document):
    if document.get("kind") != "StatefulSet" or document.get("apiVersion") != "apps/v1":
        return
    spec = document.get("spec")
    templates = spec.get("volumeClaimTemplates") if isinstance(spec, dict) else None
    for template in templates if isinstance(templates, list) else []:
        if isinstance(template, dict):
            template["apiVersion"] = "v1"
            template["kind"] = "PersistentVolumeClaim"


# A NetworkPolicy without policyTypes filters ingress, and egress too when it has egress
# rules (pkg/apis/networking/v1/defaults.go, SetDefaults_NetworkPolicy). The DSL writes them.
def default_policy_types(document):
    if (document.get("kind"), document.get("apiVersion")) != ("NetworkPolicy",
                                                               "networking.k8s.io/v1"):
        return
    spec = document.get("spec")
    if isinstance(spec, dict) and not spec.get("policyTypes"):
        spec["policyTypes"] = ["Ingress"] + (["Egress"] if spec.get("egress") else [])


def normalise(schema, document):
    merge_string_data(document)
    type_claim_templates(document)
    default_policy_types(document)
    definition = schema.served.get((document.get("apiVersion"), document.get("kind")))
    if definition is not None:
        fill_defaults(schema, {"$ref": f"#/definitions/{definition}"}, document)


# Comparing ------------------------------------------------------------------------------

def join(path, key):
    text = str(key)
    plain = text and all(c.isalnum() or c in "_-" for c in text)
    segment = text if plain else json.dumps(text)
    return f"{path}.{segment}" if path else segment


def key_names(keys):
    return [",".join(str(v) for v in key if v is not ABSENT) for key in keys]


def without_identity(document, namespaced):
    """The fields left to compare once objects are paired: all but apiVersion and namespace."""
    rest = {k: v for k, v in document.items() if k != "apiVersion"}
    if namespaced:
        rest["metadata"] = {k: v for k, v in rest["metadata"].items() if k != "namespace"}
    return rest


def leaf_count(value):
    if isinstance(value, dict):
        return sum(leaf_count(v) for v in value.values()) or 1
    if isinstance(value, list):
        return sum(leaf_count(v) for v in value) or 1
    return 1


class Comparison:
    def __init__(self, schema):
        self.schema = schema
        self.differences = []
        self.original_leaves = 0
        self.lost_leaves = 0

    def report(self, obj, path, original, rewrite):
        self.differences.append(Difference(obj, path, original, rewrite))
        if original is not ABSENT:
            self.lost_leaves += leaf_count(original)

    def compare(self, obj, node, original, rewrite, path):
        name, node = definition_name(self.schema, node) if node is not None else (None, None)
        node = node or {}
        if isinstance(original, dict) and isinstance(rewrite, dict):
            properties = node.get("properties") or {}
            additional = node.get("additionalProperties")
            for key in list(original) + [k for k in rewrite if k not in original]:
                child = properties.get(key, additional if isinstance(additional, dict) else None)
                self.compare(obj, child, original.get(key, ABSENT), rewrite.get(key, ABSENT),
                             join(path, key))
        elif isinstance(original, list) and isinstance(rewrite, list):
            keys = node.get("x-kubernetes-list-map-keys")
            if keys and node.get("x-kubernetes-list-type") == "map":
                self.compare_keyed(obj, node["items"], keys, original, rewrite, path)
            else:
                items = node.get("items")
                for i in range(max(len(original), len(rewrite))):
                    self.compare(obj, items, original[i] if i < len(original) else ABSENT,
                                 rewrite[i] if i < len(rewrite) else ABSENT, f"{path}[{i}]")
        elif original is ABSENT or rewrite is ABSENT:
            self.report(obj, path, original, rewrite)
        elif not self.equal_scalars(name, original, rewrite):
            self.report(obj, path, original, rewrite)

    @staticmethod
    def equal_scalars(definition, original, rewrite):
        if type(original) is type(rewrite) and original == rewrite:
            return True
        if definition == QUANTITY:
            def text(v):
                return str(v) if isinstance(v, int) and not isinstance(v, bool) else v
            return text(original) == text(rewrite)
        return False

    def compare_keyed(self, obj, item_node, keys, original, rewrite, path):
        def key_of(item):
            if not isinstance(item, dict):
                return (show(item),)
            return tuple(item.get(k, ABSENT) for k in keys)

        def selector(key):
            parts = [f"{k}={v}" for k, v in zip(keys, key) if v is not ABSENT]
            return f"{path}[{','.join(parts)}]"

        rewrite_by_key = {}
        for item in rewrite:
            rewrite_by_key.setdefault(key_of(item), item)
        original_keys = [key_of(item) for item in original]
        lost = [item for item in original if key_of(item) not in rewrite_by_key]
        added = [item for item in rewrite if key_of(item) not in original_keys]
        for item in original:
            key = key_of(item)
            if key in rewrite_by_key:
                self.compare(obj, item_node, item, rewrite_by_key[key], selector(key))
        if len(lost) == 1 and len(added) == 1 and all(isinstance(i, dict) for i in lost + added):
            # One item on each side without a partner: the same item, its key changed.
            # The key fields are reported as changed, then the rest field by field.
            self.compare(obj, item_node, lost[0], added[0], selector(key_of(lost[0])))
        else:
            for item in lost:
                self.compare(obj, item_node, item, ABSENT, selector(key_of(item)))
            for item in added:
                self.compare(obj, item_node, ABSENT, item, selector(key_of(item)))
        if path.rsplit(".", 1)[-1] in ORDERED_KEYED_LISTS:
            common = set(original_keys) & {key_of(item) for item in rewrite}
            before = [k for k in original_keys if k in common]
            after = [key_of(item) for item in rewrite if key_of(item) in common]
            if before != after:
                self.differences.append(
                    Difference(obj, f"{path} (order)", key_names(before), key_names(after)))

    def compare_objects(self, originals, rewrites):
        unmatched = [key for key in rewrites if key not in originals]
        for key, original in originals.items():
            rewrite_key = key if key in rewrites else None
            if rewrite_key is None:
                # The same kind and name elsewhere: a changed namespace or apiVersion.
                near = [k for k in unmatched if k[1] == key[1] and k[3] == key[3]]
                if len(near) == 1:
                    rewrite_key = near[0]
                    unmatched.remove(rewrite_key)
                    if rewrite_key[0] != key[0]:
                        self.report(label(key), "apiVersion", key[0], rewrite_key[0])
                    if rewrite_key[2] != key[2]:
                        self.report(label(key), "metadata.namespace",
                                    ABSENT if key[2] is None else key[2],
                                    ABSENT if rewrite_key[2] is None else rewrite_key[2])
            if rewrite_key is None:
                self.report(label(key), "", "(the whole object)", ABSENT)
                self.lost_leaves += leaf_count(original) - 1
                continue
            rewrite = rewrites[rewrite_key]
            definition = self.schema.served.get((original.get("apiVersion"), original.get("kind")))
            node = {"$ref": f"#/definitions/{definition}"} if definition else None
            self.compare(label(key), node, without_identity(original, key[2] is not None),
                         without_identity(rewrite, rewrite_key[2] is not None), "")
        for key in unmatched:
            self.report(label(key), "", ABSENT, "(the whole object)")


def by_identity(documents, where, problems):
    objects = {}
    for document in documents:
        key = identity(document)
        if key in objects:
            problems.append(f"{where}: {label(key)} ({key[0]}) appears twice")
        objects[key] = document
    return objects


def apply_intended(differences, entries, problems):
    """Removes the intended differences (rule 7); an entry that matches nothing is a problem."""
    remaining = list(differences)
    for entry in entries:
        if not isinstance(entry, dict) or not str(entry.get("reason", "")).strip():
            problems.append(f"intended difference without a reason: {entry!r}")
            continue
        match = next((d for d in remaining if d.matches(entry)), None)
        if match is None:
            problems.append(f"intended difference did not occur: {entry.get('object')} "
                            f"{entry.get('path')}: {show(entry.get('original', ABSENT))} -> "
                            f"{show(entry.get('rewrite', ABSENT))}")
        else:
            remaining.remove(match)
    return remaining


def run(schema, original_documents, rewrite_documents, intended, problems):
    originals = by_identity(original_documents, "original", problems)
    rewrites = by_identity(rewrite_documents, "rewrite", problems)
    comparison = Comparison(schema)
    # The fields the original writes, counted before any default is filled in.
    comparison.original_leaves = sum(leaf_count(o) for o in originals.values())
    for document in list(originals.values()) + list(rewrites.values()):
        normalise(schema, document)
    comparison.compare_objects(originals, rewrites)
    remaining = apply_intended(comparison.differences, intended, problems)
    return comparison, remaining


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schema", required=True, help="the Kubernetes OpenAPI v2 JSON file")
    parser.add_argument("--original", required=True, type=pathlib.Path,
                        help="the directory of the original manifests")
    parser.add_argument("--differences", type=pathlib.Path,
                        help="YAML list of the rewrite's intended differences")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--stream", type=pathlib.Path, help="the rewrite's YAML stream")
    source.add_argument("--stack", help="a stack binary, run with no option")
    args = parser.parse_args()

    if not args.original.is_dir():
        print(f"skipped: {args.original} not found (the real-world corpus lives in ../shared)")
        return SKIP
    if not pathlib.Path(args.schema).is_file():
        print(f"skipped: {args.schema} not found (the comparison reads its list keys and types)")
        return SKIP
    if args.stack:
        run_stack = subprocess.run([args.stack], capture_output=True, text=True)
        if run_stack.returncode != 0:
            print(f"{args.stack} exited {run_stack.returncode}:\n{run_stack.stderr}")
            return 1
        stream, stream_name = run_stack.stdout, args.stack
    else:
        stream, stream_name = args.stream.read_text(encoding="utf-8"), str(args.stream)

    schema = Schema(args.schema)
    files = original_files(args.original)
    if not files:
        print(f"{args.original}: no *.yaml, *.yml or *.json file")
        return 1
    original_documents = []
    for path in files:
        original_documents += read_documents(path.read_text(encoding="utf-8"), str(path))
    rewrite_documents = read_documents(stream, stream_name)
    intended = []
    if args.differences:
        intended = yaml.safe_load(args.differences.read_text(encoding="utf-8")) or []

    problems = []
    comparison, remaining = run(schema, original_documents, rewrite_documents, intended, problems)
    for line in problems + [str(d) for d in remaining]:
        print(line)
    total = comparison.original_leaves
    kept = total - comparison.lost_leaves
    percent = 100.0 * kept / total if total else 100.0
    print(f"{len(original_documents)} original object(s), {len(rewrite_documents)} written: "
          f"{kept} of {total} original fields reproduced ({percent:.0f}%), "
          f"{len(remaining)} difference(s), {len(intended)} intended, {len(problems)} problem(s)")
    return 1 if remaining or problems else 0


if __name__ == "__main__":
    sys.exit(main())
