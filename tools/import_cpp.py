"""The C++ that kubestack-import writes: a stack source with one constant per object that
a builder states (import_builders.py), one constexpr function per other object, returning
it in the typed model with designated initializers, and a stack function that applies them,
the latter with kubestack::object<f>().
"""
import json
import os
import re

from cpp_model import CPP_KEYWORDS
from import_calls import Call, Context, argument_text, arguments_text, calls_text, referred_objects

# Names the source uses itself, which a stack function must not take.
TAKEN_NAMES = {"api", "crd", "kubestack", "std", "main"}


def cpp_string(text):
    """A C++ literal of the text: UTF-8 as it is, escapes for the rest."""
    # Raw when it spans lines, unless it holds what a raw literal cannot: its delimiter, a
    # control character other than tab, or "??", which GCC's -Wtrigraphs warns about.
    raw_safe = not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
    if "\n" in text and raw_safe and ')kubestack"' not in text and "??" not in text:
        return f'R"kubestack({text})kubestack"'
    out = []
    for i, c in enumerate(text):
        if c == "?" and i > 0 and text[i - 1] == "?":
            out.append("\\?")  # no trigraph: "??=" is written "?\?="
        elif c in '\\"':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append(f"\\{ord(c):03o}")  # three digits: the escape ends there
        else:
            out.append(c)
    literal = '"' + "".join(out) + '"'
    if "\0" in text:  # a view of a literal would stop at the first NUL
        return f"std::string_view({literal}, {len(text.encode())})"
    return literal


def comment_text(text):
    """Text from the input, safe in a // comment: on one line, and not ending the line with
    a backslash, which would continue the comment onto the next."""
    return json.dumps(text, ensure_ascii=False)[1:-1].replace("\\", "/")


def cpp_type(model, kind):
    if isinstance(kind, dict) and "ref" in kind:
        return model.structs[kind["ref"]]["cpp"].removeprefix("kubestack::")
    if isinstance(kind, dict) and "list" in kind:
        return f"api::List<{cpp_type(model, kind['list'])}>"
    if isinstance(kind, dict) and "map" in kind:
        return f"api::Map<{cpp_type(model, kind['map'])}>"
    if isinstance(kind, dict) and "enum" in kind:
        return kind["enum"]
    return {"String": "api::String", "Bytes": "api::Bytes", "Time": "api::Time",
            "IntOrString": "api::IntOrString", "Quantity": "api::Quantity", "Json": "api::Json",
            "int32": "std::int32_t", "int64": "std::int64_t", "double": "double",
            "bool": "bool"}[kind]


class Printer:
    def __init__(self, model):
        self.model = model

    def value(self, value, kind, spelled):
        """The C++ expression of a value. spelled: whether the type must be named, as it
        must where the value initializes an Optional (its constructor is a template)."""
        if isinstance(kind, dict) and "ref" in kind:
            body = self.struct(value, kind["ref"])
            return (cpp_type(self.model, kind) + body) if spelled else body
        if isinstance(kind, dict) and ("list" in kind or "map" in kind):
            if "list" in kind:
                items = [self.value(item, kind["list"], False) for item in value]
            else:
                items = ["{" + cpp_string(key) + ", " + self.value(item, kind["map"], True) + "}"
                         for key, item in value]
            body = "{" + ", ".join(items) + "}"
            return (cpp_type(self.model, kind) + body) if spelled else body
        if kind == "Json":
            text = json.dumps(value[1], ensure_ascii=False, separators=(",", ":"))
            return f"api::Json({cpp_string(text)})"
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int64" and value == -2**63:
            return "std::int64_t{-9223372036854775807 - 1}"  # no literal has this value
        if kind in ("int32", "int64"):
            return str(value)
        if kind == "double":
            return repr(float(value))
        if kind == "IntOrString" and isinstance(value, int):
            return str(value)
        return cpp_string(str(value))

    def struct(self, fields, definition):
        parts = []
        for wire_name, member, kind, _ in self.model.structs[definition]["fields"]:
            if fields.get(wire_name) is not None:
                parts.append(f".{member} = {self.value(fields[wire_name], kind, True)}")
        return "{" + ", ".join(parts) + "}"


def identifier(text):
    name = re.sub(r"[^0-9A-Za-z_]", "_", text).lower()
    return name if name and not name[0].isdigit() else "object_" + name


def stack_name_problem(name):
    """Why a name cannot be the stack function's, or None."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return "the stack's name must be a C++ identifier"
    if name in CPP_KEYWORDS or name in TAKEN_NAMES:
        return f"{name} is a name that C++ or the stack source takes"
    return None


def unique(base, taken):
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    taken.add(name)
    return name


def function_names(objects, taken):
    """One per object, after its name and kind: frontend_deployment, frontend_service."""
    return [unique(identifier(f"{imported.name or 'unnamed'}_{imported.kind}"), taken)
            for imported in objects]


# Every cluster has these; the namespace rule accepts them (stack_rules.hpp,
# is_built_in_namespace).
BUILT_IN_NAMESPACES = {"default", "kube-system", "kube-public", "kube-node-lease"}


def namespaces_created_elsewhere(model, objects):
    """The namespaces that objects are placed in and that neither the input nor every
    cluster defines. A cluster-scoped object is in none, whatever its metadata says."""
    defined = {o.name for o in objects if o.kind == "Namespace" and o.api_version == "v1"}
    defined |= BUILT_IN_NAMESPACES
    return sorted({o.namespace for o in objects if o.namespace and o.namespace not in defined
                   and model.namespaced(o)})


def header_of(struct):
    """The model header that declares a struct: kubestack::api::apps::v1::X ->
    kubestack/api/apps/v1.hpp; a custom resource's says its own (import_custom.py)."""
    return struct.get("header") or f"kubestack/{'/'.join(struct['cpp'].split('::')[1:-1])}.hpp"


class Marks:
    """What the importer found out of each object, keyed by its id(): whether it selects
    pods that the input does not make (import_pods.py), the file stem it goes back to when
    its name does not say it (import_kind_info.py), and the objects it refers to that the
    input does not define, as (kind, name, namespace or None) (import_references.py); and
    the setter calls of the builder that states it, if one does, with its factory's
    arguments where they are not its name (import_builders.py)."""

    def __init__(self, selecting_elsewhere=frozenset(), file_stems=None,
                 referring_elsewhere=None, stated=None, factory_of=None):
        self.selecting_elsewhere = selecting_elsewhere
        self.file_stems = file_stems or {}
        self.referring_elsewhere = referring_elsewhere or {}
        self.stated = stated or {}
        self.factory_of = factory_of or {}


def stated_namespaces(objects, stated):
    """{name: object} of the Namespaces that builders state, in which builders place
    objects by reference."""
    return {o.name: o for o in objects if o.kind == "Namespace" and id(o) in stated}


def definition_order(objects, stated, factory_of=None):
    """The objects in apply order, but each that a builder states after the objects whose
    constants it names: its namespace, and the objects it refers to."""
    order, done, waiting = [], set(), []
    namespaces = stated_namespaces(objects, stated)

    def ready(o):
        if id(o) not in stated:
            return True
        factory = Call("", *(factory_of or {}).get(id(o), []))
        needed = [id(target) for target in referred_objects(stated[id(o)] + [factory])]
        if o.namespace in namespaces:
            needed.append(id(namespaces[o.namespace]))
        return all(n in done for n in needed)

    for imported in objects:
        waiting.append(imported)
        while any(ready(o) for o in waiting):
            first = next(o for o in waiting if ready(o))
            waiting.remove(first)
            order.append(first)
            done.add(id(first))
    return order + waiting


def write_source(model, steps, stack_name, inputs, marks=Marks(), target=None, factories=None):
    """The stack's source as parts, which "\n".join() makes whole: each ends with a blank
    line, so that each formats alone as in the whole (kubestack_import.formatted). It
    applies the objects in steps (lists of objects, one apply() each:
    import_kind_info.py), with what marks say of each object. target is the
    Kubernetes version the stack targets ("1.25"), if one was chosen; factories, the
    builder function of each kind (import_kind_info.py), with which the objects referred
    to but not defined are declared."""
    objects = [imported for step in steps for imported in step]
    printer = Printer(model)
    taken = {stack_name}
    names = function_names(objects, taken)
    elsewhere = {ns: unique(identifier(f"{ns}_namespace"), taken)
                 for ns in namespaces_created_elsewhere(model, objects)}
    referred = {}
    for o in objects:
        for reference in marks.referring_elsewhere.get(id(o), []):
            if reference not in referred:
                kind, name, ns = reference
                suffix = f"_{ns}" if ns else ""
                referred[reference] = unique(identifier(f"{name}{suffix}_{kind}"), taken)
    stated_objects = [o for o in objects if id(o) in marks.stated]
    typed = [o for o in objects if id(o) not in marks.stated]
    headers = sorted({header_of(model.structs[o.definition]) for o in typed})
    lines = [f"// Imported by kubestack-import from {comment_text(', '.join(inputs))}: "
             f"{len(objects)} object(s), {len(stated_objects)} stated by builders and "
             f"{len(typed)} in the typed model of their kind.",
             "#include <cstdint>",
             "#include <kubestack.hpp>"]
    lines += [f"#include <{header}>" for header in headers]
    if typed:
        lines.append("#include <kubestack/object.hpp>")
    lines += ["#include <string_view>", ""]
    if typed:
        lines.append("namespace api = kubestack::api;")
    if any(h.startswith("kubestack/crd/") for h in headers):
        lines.append("namespace crd = kubestack::crd;")
    lines.append("")
    for ns, constant in elsewhere.items():
        lines += [f"// Namespace \"{comment_text(ns)}\" is not in the input: created elsewhere.",
                  f"constexpr auto {constant} = kubestack::{factories['Namespace']}"
                  f"({cpp_string(ns)}).createdElsewhere();", ""]
    for (kind, name, ns), constant in referred.items():
        placed = f".inNamespace({elsewhere.get(ns) or cpp_string(ns)})" if ns else ""
        lines += [f"// {kind} \"{comment_text(name)}\" is referred to but not in the input: "
                  "created elsewhere.",
                  f"constexpr auto {constant} = kubestack::{factories[kind]}({cpp_string(name)})"
                  f"{placed}.createdElsewhere();", ""]
    name_of = {id(o): name for o, name in zip(objects, names)}
    namespace_constants = {ns: name_of[id(o)]
                           for ns, o in stated_namespaces(objects, marks.stated).items()}

    def constant_of(target):
        """The constant of an imported object, or of one declared created elsewhere."""
        return referred[target] if isinstance(target, tuple) else name_of[id(target)]

    def stated(o, name):
        """The constant that a builder makes of the object."""
        placed, namespace = "", None
        if o.namespace:
            namespace = (elsewhere.get(o.namespace) or namespace_constants.get(o.namespace) or
                         cpp_string(o.namespace))
            placed = f".inNamespace({namespace})"
        stem = marks.file_stems.get(id(o))
        filed = f".file({cpp_string(stem)})" if stem is not None else ""
        context = Context(cpp_string, constant_of, namespace)
        setters = calls_text(marks.stated[id(o)], context)
        made_from = marks.factory_of.get(id(o))
        source = (arguments_text(made_from, context) if made_from else
                  argument_text(o.name, context))
        return (f"constexpr auto {name} = kubestack::{factories[o.kind]}({source})"
                f"{placed}{filed}{setters};")

    starts = []  # where each definition begins, after a blank line: a part of its own
    for imported in definition_order(objects, marks.stated, marks.factory_of):
        starts.append(len(lines))
        name = name_of[id(imported)]
        where = comment_text(f"{os.path.basename(imported.document.file)}:"
                             f"{imported.document.node.start_mark.line + 1}")
        lines.append(f"// {imported.kind} \"{comment_text(imported.name)}\", from {where}")
        if id(imported) in marks.selecting_elsewhere:
            lines.append("// It selects pods that the input does not make: they are created "
                         "elsewhere.")
        if id(imported) in marks.stated:
            lines += [stated(imported, name), ""]
            continue
        cpp_name = model.structs[imported.definition]["cpp"].removeprefix("kubestack::")
        body = printer.struct(imported.fields, imported.definition)
        lines += [f"constexpr {cpp_name} {name}() {{", f"    return {body};", "}", ""]
    options = f'.targets("{target}")' if target else ""
    # A builder's object without a namespace is placed in "default"; the input leaves it
    # to kubectl, as withoutNamespaces() does.
    if any(not o.namespace and model.namespaced(o) for o in stated_objects):
        options += ".withoutNamespaces()"

    def applied(o):
        if id(o) in marks.stated:
            return name_of[id(o)]
        return (f"kubestack::object<{name_of[id(o)]}>()" +
                (f".inNamespace({elsewhere[o.namespace]})"
                 if o.namespace in elsewhere and model.namespaced(o) else "") +
                (f".file({cpp_string(marks.file_stems[id(o)])})"
                 if id(o) in marks.file_stems else "") +
                (".selectsPodsCreatedElsewhere()"
                 if id(o) in marks.selecting_elsewhere else "") +
                "".join(f".refersTo({referred[reference]})"
                        for reference in marks.referring_elsewhere.get(id(o), [])))
    applies = "".join(f".apply({', '.join(applied(o) for o in step)})" for step in steps)
    starts.append(len(lines))
    lines += [f"constexpr kubestack::Stack {stack_name}() {{",
              f"    return kubestack::stack(){options}{applies};", "}", "",
              "int main(int argc, char** argv) {",
              f"    return kubestack::run<{stack_name}>(argc, argv);", "}", ""]
    return ["\n".join(lines[begin:end])
            for begin, end in zip([0] + starts, starts + [len(lines)])]
