"""A kustomization.yaml among kubestack-import's inputs: the order of its resources, which
the import keeps.

A stack's binary writes, beside its manifests, a kustomization.yaml that lists their files
in the order it applies them (--out). Given with the manifests, it makes the import write
the same files back in the same order: the objects are applied file by file in its
order, in apply() steps that the binary keeps. Only a plain list of resources is read: a
kustomization that transforms its resources (patches, name prefixes, generators) would
make other objects than the files hold, so it is refused; `kubectl kustomize DIR` writes
what it makes, which imports as it is.
"""
import os

import yaml

from import_model import field_text, top_items
from import_yaml import InputError, scalar

API_GROUP = "kustomize.config.k8s.io/"


FILE_NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def is_kustomization(document):
    """Kustomize's apiVersion and kind, or, since kustomize makes both optional, a file
    named as kustomize names it."""
    items = top_items(document)
    api_version = field_text(document, items, "apiVersion")
    kind = field_text(document, items, "kind")
    if api_version is None and kind is None:
        return os.path.basename(document.file) in FILE_NAMES
    return (api_version or "").startswith(API_GROUP) and kind == "Kustomization"


def resource_paths(document):
    """The resources' paths, absolute, in the kustomization's order."""
    directory = os.path.dirname(os.path.abspath(document.file))
    paths = []
    for name, key, value in top_items(document):
        if name in ("apiVersion", "kind"):
            continue
        if name != "resources":
            raise InputError(f"{document.where(key)}: the kustomization's {name} would change "
                             "its resources, which kubestack-import does not do: import the "
                             "output of `kubectl kustomize` instead")
        if not isinstance(value, yaml.SequenceNode):
            raise InputError(f"{document.where(value)}: a kustomization's resources are a list")
        for item in value.value:
            path = scalar(item, document.where(item)) if isinstance(item, yaml.ScalarNode) \
                else None
            if not isinstance(path, str):
                raise InputError(f"{document.where(item)}: a resource is the path of a file")
            if "://" in path or path.startswith(("github.com/", "gitlab.com/")):
                raise InputError(f"{document.where(item)}: {path} is remote: import the "
                                 "output of `kubectl kustomize` instead")
            absolute = os.path.normpath(os.path.join(directory, path))
            if absolute in paths:
                raise InputError(f"{document.where(item)}: {path} is listed twice")
            paths.append(absolute)
    return paths
