"""The DSL's own headers, from which the importer reads the facts that the builders hold
(their capacities, the verbs and enumerations they take, each kind's factory), rather than
repeating them. The package keeps them in include/kubestack/, beside the model's headers.
"""
import os
import re


def read_header(model_index, name):
    """(path, text) of include/kubestack/<name>; OSError when it is missing."""
    path = os.path.normpath(os.path.join(os.path.dirname(model_index), "..", name))
    with open(path, encoding="utf-8") as header:
        return path, header.read()


def enum_values(model_index, name, enum):
    """The enumerators of `enum class <enum> [: type] { ... };` in include/kubestack/<name>, in
    order; ValueError when the header does not declare it."""
    path, text = read_header(model_index, name)
    found = re.search(r"enum class " + re.escape(enum) + r"(?:\s*:\s*[\w ]+)?\s*\{([^}]*)\};", text)
    if found is None:
        raise ValueError(f"{path}: enum class {enum} was not found")
    return [value.strip() for value in found[1].split(",") if value.strip()]
