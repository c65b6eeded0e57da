#!/usr/bin/env python3
"""Self-test of validate_custom_resources.py: it accepts the upstream example resources of
the real CRDs and rejects each broken copy of them, with the message that names the fault.

    check_validator.py --validator validate_custom_resources.py --examples DIR --crd CRD.yaml...

Each case changes one thing in a valid document (an example of DIR, or one of a small
synthetic CRD for the keywords the real CRDs do not use) and must be rejected with a
message matching its pattern, or, for the cases that must pass, accepted. Finally the
command line must exit 1 on a broken file and 0 on a valid one.
"""
import argparse
import copy
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

import yaml

GADGETS = {
    "apiVersion": "apiextensions.k8s.io/v1",
    "kind": "CustomResourceDefinition",
    "metadata": {"name": "gadgets.example.com"},
    "spec": {
        "group": "example.com",
        "names": {"kind": "Gadget", "plural": "gadgets"},
        "scope": "Cluster",
        "versions": [
            {"name": "v1", "served": True, "storage": True, "schema": {"openAPIV3Schema": {
                "type": "object",
                "properties": {
                    "apiVersion": {"type": "string"},
                    "kind": {"type": "string"},
                    "metadata": {"type": "object"},
                    "spec": {"type": "object", "required": ["tags"], "properties": {
                        "tags": {"type": "array", "minItems": 1, "maxItems": 2,
                                 "x-kubernetes-list-type": "set",
                                 "items": {"type": "string", "maxLength": 5}},
                        "note": {"type": "string", "nullable": True},
                        "limits": {"type": "object", "additionalProperties":
                                   {"type": "integer", "format": "int32"}},
                        "ratio": {"type": "number", "minimum": 0, "maximum": 1,
                                  "exclusiveMaximum": True},
                    }},
                },
            }}},
            {"name": "v0", "served": False, "storage": False, "schema": {"openAPIV3Schema": {
                "type": "object"}}},
        ],
    },
}
GADGET = {"apiVersion": "example.com/v1", "kind": "Gadget", "metadata": {"name": "g"},
          "spec": {"tags": ["a", "b"], "note": None, "limits": {"cpu": 2}, "ratio": 0.5}}


def at(document, path):
    """The parent of the node at a path of keys and indexes, and the path's last step."""
    *parents, last = path
    node = document
    for step in parents:
        node = node[step]
    return node, last


def set_to(path, value):
    def change(document):
        node, last = at(document, path)
        node[last] = value
    return change


def delete(path):
    def change(document):
        node, last = at(document, path)
        del node[last]
    return change


ENDPOINT = ["spec", "endpoints", 0]
ROUTE = ["spec", "routes", 0]
RATE_LIMIT = ["spec", "rateLimit"]

# name: (kind, metadata.name of the base document, change, pattern of the problem or None
# when the changed document must be accepted)
CASES = {
    "unknown_field": ("ServiceMonitor", "prometheus-self", set_to(ENDPOINT + ["intervall"], "30s"),
                      r"ServiceMonitor prometheus-self\.spec\.endpoints\[0\]: unknown field 'intervall'"),
    "unknown_top_level_field": ("IngressRoute", "test.route", set_to(["specs"], {}),
                                r"IngressRoute test\.route: unknown field 'specs'"),
    "wrong_type": ("IngressRoute", "test.route", set_to(ROUTE + ["priority"], "12"),
                   r"\.spec\.routes\[0\]\.priority: expected an integer, found string '12'"),
    "wrong_type_array": ("Certificate", "test1", set_to(["spec", "dnsNames"], "example.com"),
                         r"\.spec\.dnsNames: expected an array, found string"),
    "missing_required": ("Certificate", "test1", delete(["spec", "secretName"]),
                         r"Certificate test1\.spec: missing required field 'secretName'"),
    "missing_required_top": ("IngressRoute", "test.route", delete(["spec"]),
                             r"IngressRoute test\.route: missing required field 'spec'"),
    "enum_miss": ("IngressRoute", "test.route", set_to(ROUTE + ["kind"], "rule"),
                  r"\.spec\.routes\[0\]\.kind: 'rule' is not one of \['Rule'\]"),
    "int_or_string": ("Middleware", "ratelimit", set_to(RATE_LIMIT + ["period"], True),
                      r"\.period: expected an integer or a string, found boolean True"),
    "not_nullable": ("ServiceMonitor", "prometheus-self", set_to(ENDPOINT + ["interval"], None),
                     r"\.interval: null, and the schema does not make it nullable"),
    "pattern": ("ServiceMonitor", "prometheus-self", set_to(ENDPOINT + ["interval"], "30 seconds"),
                r"\.interval: '30 seconds' does not match the pattern"),
    "minimum": ("Middleware", "ratelimit", set_to(RATE_LIMIT + ["burst"], -1),
                r"\.burst: -1 is less than the minimum 0"),
    "int32": ("Certificate", "test1", set_to(["spec", "renewBeforePercentage"], 2**31),
              r"\.renewBeforePercentage: 2147483648 is out of the range of int32"),
    "unserved_version": ("IngressRoute", "test.route", set_to(["apiVersion"], "traefik.io/v1"),
                         r"'traefik\.io/v1' does not serve kind 'IngressRoute'"),
    "unknown_kind": ("Issuer", "selfsigned-issuer", None,
                     r"no CRD of the given files defines kind 'Issuer' in group 'cert-manager\.io'"),
    "missing_name": ("Certificate", "test1", delete(["metadata", "name"]),
                     r"\.metadata: missing required field 'name'"),
    # x-kubernetes-preserve-unknown-fields keeps anything under a plugin's name.
    "preserve_unknown_fields": ("Middleware", "ratelimit",
                                set_to(["spec", "plugin"], {"geoblock": {"allowed": ["DE"], "deep": {"x": 1}}}),
                                None),
    # ... and only there: the plugin map's siblings are pruned as usual.
    "preserve_only_where_declared": ("Middleware", "ratelimit", set_to(RATE_LIMIT + ["geoblock"], {}),
                                     r"\.rateLimit: unknown field 'geoblock'"),
    # The synthetic Gadget: item counts, lengths, nullable, typed maps, exclusive bounds, sets.
    "gadget_valid": ("Gadget", "g", None, None),
    "max_items": ("Gadget", "g", set_to(["spec", "tags"], ["a", "b", "c"]), r"\.tags: 3 items, more than 2"),
    "min_items": ("Gadget", "g", set_to(["spec", "tags"], []), r"\.tags: 0 items, fewer than 1"),
    "max_length": ("Gadget", "g", set_to(["spec", "tags", 0], "abcdef"),
                   r"\.tags\[0\]: 'abcdef' is longer than 5 characters"),
    "set_duplicate": ("Gadget", "g", set_to(["spec", "tags"], ["a", "a"]), r"\.tags\[1\]: duplicate item 'a'"),
    "map_value_type": ("Gadget", "g", set_to(["spec", "limits", "cpu"], "2"),
                       r"\.limits\.cpu: expected an integer, found string '2'"),
    "exclusive_maximum": ("Gadget", "g", set_to(["spec", "ratio"], 1),
                          r"\.ratio: 1 is greater than the maximum 1 \(exclusive\)"),
    "not_served": ("Gadget", "g", set_to(["apiVersion"], "example.com/v0"),
                   r"'example\.com/v0' does not serve kind 'Gadget' \(served: \['v1'\]\)"),
    "cluster_scoped_namespace": ("Gadget", "g", set_to(["metadata", "namespace"], "default"),
                                 r"\.metadata: a cluster-scoped kind has no namespace"),
}


def load_module(path):
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location("validate_custom_resources", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--validator", required=True)
    parser.add_argument("--examples", required=True, help="the directory of *.example.yaml")
    parser.add_argument("--crd", action="append", required=True)
    args = parser.parse_args()

    validator = load_module(args.validator)
    with tempfile.TemporaryDirectory() as work:
        gadgets = os.path.join(work, "gadgets.crd.yaml")
        with open(gadgets, "w", encoding="utf-8") as f:
            yaml.safe_dump(GADGETS, f)
        crds = validator.Crds(args.crd + [gadgets])

        examples = [GADGET]
        for name in sorted(os.listdir(args.examples)):
            if name.endswith(".example.yaml"):
                with open(os.path.join(args.examples, name), encoding="utf-8") as f:
                    examples += [d for d in yaml.load_all(f, Loader=validator.KubectlLoader) if d]
        failures = []

        # The near misses: every example of a kind the CRDs define is valid as it stands.
        valid = [d for d in examples if d["kind"] != "Issuer"]
        for document in valid:
            checker = validator.Checker(crds)
            checker.check_document(copy.deepcopy(document), "example")
            if checker.problems:
                failures.append(f"{document['kind']} {document['metadata']['name']} is valid, "
                                f"but the validator reports: {checker.problems}")

        for case, (kind, name, change, expected) in CASES.items():
            base = [d for d in examples if d["kind"] == kind and d["metadata"]["name"] == name]
            document = copy.deepcopy(base[0])
            if change:
                change(document)
            checker = validator.Checker(crds)
            checker.check_document(document, "case")
            if expected is None and checker.problems:
                failures.append(f"{case}: must be accepted, but: {checker.problems}")
            elif expected is not None and not any(re.search(expected, p) for p in checker.problems):
                failures.append(f"{case}: must be rejected with /{expected}/, but: {checker.problems or 'accepted'}")
            else:
                print(f"ok {case}: {checker.problems[0] if checker.problems else 'accepted'}")

        # The command line: exit status 1 and the problem on a broken file, 0 on a valid one.
        for document, status in ((GADGET, 0), ({**GADGET, "spec": {"tags": "a"}}, 1)):
            manifest = os.path.join(work, "gadget.yaml")
            with open(manifest, "w", encoding="utf-8") as f:
                yaml.safe_dump(document, f)
            run = subprocess.run([sys.executable, args.validator, "--crd", gadgets, manifest],
                                 capture_output=True, text=True)
            if run.returncode != status:
                failures.append(f"command line: exit status {run.returncode}, not {status}: {run.stdout}{run.stderr}")

    for failure in failures:
        print(f"FAILED {failure}")
    print(f"{len(CASES)} cases, {len(valid)} valid documents and the command line: "
          f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
