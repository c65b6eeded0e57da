#!/usr/bin/env python3
"""Writes OUT: the CustomResourceDefinitions of CRD_FILE in a kind: List, then the
documents of each RESOURCE_FILE, in one stream. import.crd_in_input imports it and builds
it with kubestack_import_crds() of that same file, which skips the objects that are not
CRDs, and reads a List's.

    crds_among_objects.py OUT CRD_FILE RESOURCE_FILE...
"""
import sys

import yaml


def main():
    out, crd_file, resource_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(crd_file, encoding="utf-8") as f:
        crds = [d for d in yaml.safe_load_all(f) if d is not None]
    documents = [{"apiVersion": "v1", "kind": "List", "items": crds}]
    for path in resource_files:
        with open(path, encoding="utf-8") as f:
            documents += [d for d in yaml.safe_load_all(f) if d is not None]
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump_all(documents, f, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()
