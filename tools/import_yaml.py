"""Manifests read as kubectl reads them, for kubestack-import: documents of YAML or JSON,
each a node tree that keeps its lines.

kubectl converts YAML to JSON with go-yaml v2 (sigs.k8s.io/yaml), whose plain scalars
differ from PyYAML's YAML 1.1: no sexagesimal numbers (12:30 is text), exponents without
a dot are numbers (1e3), y/n are booleans, a lone = is text, and a key given twice is an
error. ManifestLoader resolves plain scalars as go-yaml does.
"""
import copy
import json
import math
import re

import yaml


class InputError(Exception):
    """Bad input: the message names the file and line."""


class ManifestLoader(yaml.SafeLoader):
    """PyYAML's safe loader with go-yaml v2's resolution of plain scalars."""


ManifestLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool",
     r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
     "yYnNtTfFoO"),
    ("tag:yaml.org,2002:int",
     r"^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^<<$", "<"),
]:
    ManifestLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))

_BOOLEANS = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}


def text(value, where):
    """A string as Unicode: JSON's \\ud83d\\ude80 escapes joined, a lone surrogate refused."""
    try:
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        raise InputError(f"{where}: the text holds a lone UTF-16 surrogate, which is no "
                         "character")


def scalar(node, where):
    """A scalar node's value: str, int, float, bool or None, as go-yaml reads it."""
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value in _BOOLEANS
    if tag == "tag:yaml.org,2002:int":
        digits = value.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        digits = digits.lstrip("+-")
        try:
            if digits.startswith(("0b", "0x", "0o")):
                return sign * int(digits[2:], {"b": 2, "x": 16, "o": 8}[digits[1]])
            return sign * int(digits, 8 if len(digits) > 1 and digits.startswith("0") else 10)
        except ValueError:
            pass
        try:  # 08: no octal number, so a float, as Go's parsers decide
            return float(value.replace("_", ""))
        except ValueError:  # 0x_: neither, so text
            return text(value, where)
    if tag == "tag:yaml.org,2002:float":
        lowered = value.lower().replace("_", "")
        if lowered.endswith(".nan"):
            return math.nan
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        return float(lowered)
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge"):
        return text(value, where)
    raise InputError(f"{where}: the tag {tag} is not one that Kubernetes manifests use")


class Document:
    """One object of the input: its YAML node, its file, and its position there."""

    def __init__(self, node, file, index):
        self.node = node
        self.file = file
        self.index = index  # the document's position in its file, from 1

    def where(self, node=None):
        return f"{self.file}:{(node or self.node).start_mark.line + 1}"


def read_documents(path, stdin):
    """The documents of a file ("-": standard input), without the empty ones."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            if stdin is None:
                raise InputError("<stdin>: there is no standard input to read")
            raw = stdin.read()
        else:
            with open(path, "rb") as f:
                raw = f.read()
    except OSError as error:
        raise InputError(f"{name}: cannot read it: {error.strerror}")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text")
    if content.lstrip().startswith(("{", "[")):
        # JSON: a tab is white space there, but YAML refuses it as indentation. Only in one
        # whole JSON text, whose strings cannot hold a raw tab, is every tab white space.
        try:
            json.loads(content)
            content = content.replace("\t", " ")
        except ValueError:
            pass
    documents = []
    try:
        for index, node in enumerate(yaml.compose_all(content, Loader=ManifestLoader), start=1):
            if node is None:
                continue
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
                continue
            documents.append(Document(node, name, index))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{name}{line}: invalid YAML: {error.problem or error.context}")
    except yaml.YAMLError as error:
        raise InputError(f"{name}: invalid YAML: {error}")
    return documents


def refuse_typed_key(document, key, resolved):
    """kubectl turns a key that YAML reads as a number, a boolean or null into text (on is
    "true", 0755 is "493") or refuses it. A key that would not keep its spelling is refused."""
    if isinstance(resolved, bool):
        meaning = "as " + repr("true" if resolved else "false")
    elif isinstance(resolved, int) and -2**63 <= resolved < 2**63:
        meaning = "as " + repr(str(resolved))
    elif isinstance(resolved, int):  # go-yaml: a uint64, which kubectl refuses, or a float
        meaning = "as a number beyond 64-bit integers, which it does not keep"
    elif resolved is None:
        meaning = "as null, which it refuses as a key"
    else:
        meaning = "as a floating-point number, spelled by Go's rules"
    if meaning == "as " + repr(key.value):
        return
    raise InputError(f"{document.where(key)}: the key {key.value!r} is read by kubectl {meaning}; "
                     f"quote it to keep it as written")


def mapping_items(document, node):
    """A mapping's (key, key node, value node), merge keys (<<) resolved as go-yaml does:
    a key written in the mapping wins over a merged one. A key written twice is an error,
    as it is for kubectl."""
    written = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in written:
            raise InputError(f"{document.where(key)}: the key {key.value!r} is given twice "
                             f"in this mapping (first at line {written[key.value] + 1})")
        written[key.value] = key.start_mark.line
    if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
        # Flattening rewrites the node and the mappings it merges, which later readings of
        # the same nodes must not take for keys given twice: flatten a copy.
        node = copy.deepcopy(node)
    try:
        yaml.constructor.SafeConstructor().flatten_mapping(node)
    except yaml.YAMLError as error:
        raise InputError(f"{document.where(node)}: {getattr(error, 'problem', error)}")
    items = {}
    for key, value in node.value:  # the merged keys too
        if not isinstance(key, yaml.ScalarNode):
            raise InputError(f"{document.where(key)}: a key must be a plain text, not a "
                             f"{'list' if isinstance(key, yaml.SequenceNode) else 'mapping'}")
        resolved = scalar(key, document.where(key))
        if not isinstance(resolved, str):
            refuse_typed_key(document, key, resolved)
        name = text(key.value, document.where(key))
        items[name] = (name, key, value)  # merged keys come first: the last one wins
    return list(items.values())
