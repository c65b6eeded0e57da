"""What the two model generators share: how a C++ struct of the typed model is written.

tools/generate_model.py (the built-in API, from the OpenAPI spec) and tools/import_crds.py
(custom resources, from CRDs) write the same shape of header: members named after the wire
names, Optional<T> for what is not required, and a visit_fields() that hands each field to
a visitor with its FieldInfo. The text is written as clang-format (the checked-in
.clang-format, 100 columns) would leave it, so that no formatter runs at build time.
"""
import os
import tempfile

COLUMN_LIMIT = 100

CPP_KEYWORDS = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
    "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
    "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
    "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
}
# Macros that GCC and clang predefine in their GNU modes (-std=gnu++20, CMake's default):
# a member named `linux` would not compile there.
PREDEFINED_MACROS = {"linux", "unix", "i386"}


class NamingError(ValueError):
    """A wire name that no C++ identifier can stand for."""


def member_name(wire_name):
    """A C++ member for a wire name: namespace -> namespace_, linux -> linux_, $ref -> ref_,
    x-kubernetes-list-type -> x_kubernetes_list_type."""
    name = wire_name.lstrip("$").replace("-", "_")
    if wire_name.startswith("$") or name in CPP_KEYWORDS or name in PREDEFINED_MACROS:
        name += "_"
    if not name.isidentifier() or not name.isascii():
        raise NamingError(f"cannot name a member for '{wire_name}'")
    return name


def member_declaration(cpp_type, member):
    """One member with its default initialiser, broken after the type as clang-format does."""
    declaration = f"    {cpp_type} {member}{{}};"
    if len(declaration) > COLUMN_LIMIT:
        declaration = f"    {cpp_type}\n        {member}{{}};"
    return declaration + "\n"


def visit_fields(fields):
    """The visit_fields() of a struct, visiting in the order given; fields: (wire name,
    member, required, list-map keys) and optionally a fifth item, true for a list written
    in flow style (FieldInfo::in_flow_style())."""
    out = ["\n    template <class Self, class Visitor>\n",
           "    static constexpr void visit_fields(Self& self, Visitor&& visit) {\n"]
    if not fields:
        out.append("        (void)self;\n        (void)visit;\n")
    for wire_name, member, is_required, keys, *style in fields:
        info = f'"{wire_name}"'
        if is_required or keys:
            info += f", {str(is_required).lower()}"
        if keys:
            info += f', "{keys}"'
        flow = ".in_flow_style()" if style and style[0] else ""
        call = f"        visit(FieldInfo{{{info}}}{flow}, self.{member});"
        if len(call) > COLUMN_LIMIT:
            call = f"        visit(FieldInfo{{{info}}}{flow},\n              self.{member});"
        out.append(call + "\n")
    out.append("    }\n")
    return out


def write_all_or_nothing(files):
    """Writes {path: text}: each file through a temporary file renamed into place, and only
    after every text exists, so that a failure leaves no half-written header. A file that
    already holds its text is left alone, so that what includes it is not rebuilt (a CRD's
    file may be a stack's manifests, edited for other reasons)."""
    for path, text in sorted(files.items()):
        try:
            with open(path, encoding="utf-8", newline="") as current:
                if current.read() == text:
                    continue
        except (OSError, UnicodeDecodeError):
            pass
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path) or ".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
