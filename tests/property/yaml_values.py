#!/usr/bin/env python3
"""Property test of the YAML writer: every value a stack is given is read back exactly.

    yaml_values.py source OUT.cpp
        writes the stack that holds the corpus: as C++ literals in every free-text place
        (cluster "literals"), and read from environment variables (cluster "environment");
    yaml_values.py check --stack BIN --reader BIN --compiler CXX --include DIR
                         --workdir DIR [--kubectl KUBECTL]
        runs that stack's binary, reads its YAML back with PyYAML (pure and libyaml),
        yaml-cpp (the reader program BIN) and kubectl's decoder, and checks every value,
        key and list; then checks that invalid UTF-8 is refused: from the environment with
        exit 1, the variable named and nothing written; as a literal, with a compile error
        (one -fsyntax-only compile for all of them).

The corpus is the same in both modes: every YAML 1.1 and 1.2 special, every indicator,
C0 and C1 controls, DEL, NEL, LS, PS, the byte order mark, noncharacters, astral
characters, spaces and tabs at the edges, blank and indented first lines, long texts,
and random strings from a fixed seed. NUL is left out: a C++ literal ends at it and an
environment variable cannot hold it (the unit tests write it).
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import yaml

# --- The corpus ------------------------------------------------------------------------

YAML_SPECIALS = [
    # YAML 1.1 booleans (kubectl and PyYAML), 1.2 booleans, nulls, merge and value keys
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
    "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF",
    "", "~", "null", "Null", "NULL", "<<", "=",
    # integers: decimal, octal, hex, binary, sexagesimal, signs and underscores
    "0", "-0", "+0", "5432", "-1", "+12", "0123", "0o17", "0O17", "0x1F", "0X1f", "-0x1F",
    "0b101", "+0b1_0", "1_000", "0_", "190:20:30", "-1:30", "1:30:00",
    # floats
    "3.14", "-3.14", "1.", "-1.", ".5", "-.5", "+.5", "._5", "1e3", "1E3", "1e+3", "1.0e-3",
    "6.8523015e+5", "685.230_15e+03", "190:20:30.15", "1.2.3", "0.", "+1.5E+10",
    ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ".nan", ".NaN", ".NAN", "+.nan", "-.NaN",
    # timestamps
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "2001-12-15T02:59:43.1Z", "2002-1-1",
    # document markers and directives
    "---", "...", "--- a", "... a", "---a", "%YAML 1.1", "%TAG ! tag:x,2000:",
    # words that are not special, next to ones that are
    "yesterday", "online", "nullable", "0xyz", "1.2.3-rc", "Infinity", "NaN", "inf",
]

INDICATORS = "-?:,[]{}#&*!|>'\"%@`"

COMPOSITES = [
    "key: value", "a: b: c", "- item", "-- a", "? key", ": value", "!!str", "!!int 1",
    "!!binary aGVsbG8=", "&anchor a", "*alias", "!tag x", "<<: x", "{a: b}", "[a, b]",
    "a, b", "\"quoted\"", "'single'", "it's", "|", ">", "|-", ">+", "|2", "@at", "`tick",
    "http://x/y?a=1&b=2", "https://example.com:8080/p?q=1#frag", "x=1&y=2", "a:b", "a::b",
    "::", "a#b", "# comment", "C:\\path\\to", "\\", "\\n", "\\x41", "\\\"", "--api",
    "--logLevel=INFO", "-Xmx512m", "$(VAR)", "${VAR}", "a\"b'c", "{{ template }}",
    "[x]", "{y}", "a]b", "a}b", "a[b", "a{b", "?a", ":a", "a?", "a?b", "a ?b", "a,b",
]

CONTROL_SEEDS = (
    [chr(c) for c in range(1, 0x20)]
    + ["a" + chr(c) + "b" for c in range(1, 0x20)]
    + ["\x7f", "a\x7fb", "a\x7fb\n"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["a" + chr(c) + "b" for c in range(0x80, 0xA0)]
    + ["a\x80b\n", "a\x9fb\n", "a\x01b\n", "a\x1bb\n", "a\x0bb\n", "a\x0cb\n"]
)

UNICODE_SEEDS = [
    # NEL, LS and PS: line breaks to a YAML reader
    "\x85", "a\x85b", "a\x85b\n", "\x85\n", "password\x85",
    "\u2028", "a\u2028b", "a\u2028b\n", "\u2029", "a\u2029b", "a\u2029b\n",
    # byte order mark, noncharacters, the replacement character
    "\ufeff", "\ufeffa", "a\ufeff", "a\ufeffb\n", "\ufffe", "\uffff", "a\ufffeb\n",
    "a\uffffb\n", "\ufffd", "\ufdd0", "\U0001fffe", "\U0010ffff",
    # no-break space, edges of the printable ranges, astral characters
    "\u00a0", " \u00a0", "\u00a0a\n", "a\u00a0", "\ud7ff", "\ue000", "\u00a1",
    "\U00010000", "\U0001f600", "a\U0001f600b\n", "\U0001f600\n\U0001f600\n",
    "ünïcödé", "日本語", "é\n", "Ω: x", "ж #x",
]

WHITESPACE_SEEDS = [
    " ", "  ", " a", "a ", " a ", "\t", "a\t", "\ta", "a\tb", "\n", "\n\n", "\r\n", "\r",
    "a\n", "a\n\n", "a\n\n\n", "\na", "\na\n", "\n\na\n", "a\nb", "a\nb\n", "a\n\nb\n",
    "a\n \nb\n", "a \nb\n", " a\nb\n", "  a\n  b\n", "a\n b\n", "\n 8\n",
    "\n\n    SELECT 1;\n", " \n", "\n \n", "\n  \na\n", "#a\n#b\n", "- a\n- b\n",
    "a: b\nc: d\n", "---\n", "...\n", "a\n---\nb\n", "a\n...\nb\n", "key: |\n  x\n",
    "\"a\"\n", "'a'\n", "\\\n", " \ta\n", "a\n\tb\n", "\ta\n", "a\tb\n", "a\rb\n", "a\r\n",
    "a\r\nb\r\n", "   indented\nnot\n", "\n    SELECT 1;\n  FROM t;\n", "last line\n ",
    "CREATE TABLE IF NOT EXISTS votes (id text PRIMARY KEY, vote text NOT NULL);\n",
]

LONG_SEEDS = ["x" * 2000, "a b " * 300, "line\n" * 200, "é" * 500, " " + "word " * 100]

# Characters the random strings are drawn from, weighted toward the troublesome ones.
RANDOM_ALPHABET = (
    [chr(c) for c in range(0x20, 0x7F)] * 2
    + list(INDICATORS) * 2
    + [" ", " ", "\n", "\n", "\n", "\t", "\r", "\x01", "\x1b", "\x7f"]
    + ["\x80", "\x85", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"]
    + ["\u00a0", "é", "日", "\U0001f600", "\U0010ffff", "\ufffd"]
)
RANDOM_SEED = 20261125
RANDOM_COUNT = 240

INVALID_UTF8 = [
    b"\xff", b"a\xffb", b"\xfe", b"\x80", b"\xbf", b"a\x80", b"\xc0\x80", b"\xc1\xbf",
    b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf0\x80\x80\x80",
    b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xc3", b"\xe2\x82",
    b"\xf0\x9f\x98", b"\xc3(", b"caf\xe9", b"\xe2\x82\xac\xff", b"line\n\xff\n",
]


# The values of issue 11, each of which some reader misread before the writer was fixed.
ISSUE_SEEDS = [
    "\x85", "a\x85b\n", "a\u2028b\n", "a\u2029b\n", *[chr(c) for c in range(0x80, 0xA0)],
    "\ufffe", "\uffff", "a\x7fb\n", "+.inf", "+.Inf", "+.INF", "\n 8\n",
    "\n\n    SELECT 1;\n", "?a", ":a", "http://x/y?a=1&b=2",
]
INVALID_ISSUE_SEEDS = [b"\xff"]


def random_strings():
    rng = random.Random(RANDOM_SEED)
    strings = []
    for i in range(RANDOM_COUNT):
        if i % 3 == 2:
            # Multi-line, ending in one line feed: what a literal block may hold.
            lines = ["".join(rng.choice(RANDOM_ALPHABET) for _ in range(rng.randint(0, 12)))
                     for _ in range(rng.randint(1, 4))]
            strings.append("\n".join(lines).replace("\n\n\n", "\n") + "\n")
        else:
            strings.append("".join(rng.choice(RANDOM_ALPHABET)
                                   for _ in range(rng.randint(0, 24))))
    return strings


def random_invalid_utf8():
    rng = random.Random(RANDOM_SEED + 1)
    broken = []
    for text in random_strings()[:24]:
        data = bytearray(text.encode())
        data.insert(rng.randint(0, len(data)), rng.choice([0x80, 0xbf, 0xc0, 0xf5, 0xff]))
        broken.append(bytes(data))
    return broken


def unique(values):
    seen = set()
    return [v for v in values if not (v in seen or seen.add(v))]


def corpus():
    """The valid texts, in a fixed order."""
    indicator_forms = []
    for c in INDICATORS:
        indicator_forms += [c, c + "a", "a" + c, "a" + c + "b", c + " a", "a " + c,
                            "a" + c + " b", "a " + c + "b"]
    values = unique(YAML_SPECIALS + indicator_forms + COMPOSITES + CONTROL_SEEDS
                    + UNICODE_SEEDS + WHITESPACE_SEEDS + LONG_SEEDS + random_strings())
    assert not any("\0" in v for v in values)
    assert all(seed in values for seed in ISSUE_SEEDS)
    return values


def invalid_corpus():
    values = unique(INVALID_UTF8 + random_invalid_utf8())
    assert all(seed in values for seed in INVALID_ISSUE_SEEDS)
    for value in values:
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            continue
        raise AssertionError(f"{value!r} is valid UTF-8")
    return values


# The DSL's own rules for keys (config.hpp, labels.hpp), to pick the specials they allow.
CONFIG_KEY = re.compile(r"[-._a-zA-Z0-9]{1,253}")
NAME_PART = re.compile(r"[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")


def config_keys():
    return [v for v in unique(YAML_SPECIALS + [c + "a" for c in INDICATORS] + COMPOSITES)
            if CONFIG_KEY.fullmatch(v) and v != "." and not v.startswith("..")]


def label_words():
    return [v for v in unique(YAML_SPECIALS + COMPOSITES) if NAME_PART.fullmatch(v)]


# --- The stack that holds the corpus ---------------------------------------------------

def cpp_literal(value):
    data = value if isinstance(value, bytes) else value.encode()
    out = []
    for byte in data:
        char = chr(byte)
        if 0x20 <= byte < 0x7F and char not in '"\\?':
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def chunks(values, size):
    return [values[i:i + size] for i in range(0, len(values), size)]


CONFIG_ENTRIES = 64  # include/kubestack/limits.hpp
ANNOTATIONS = 16
ARGS = 32
ENV = 64
CONTAINERS = 4
ENVIRONMENT_SLOTS = 256  # per place, in the "environment" cluster


class Expected:
    """What each object of a stream must hold, by (kind, name): field path -> value."""

    def __init__(self):
        self.objects = {}

    def expect(self, kind, name, path, value):
        self.objects.setdefault((kind, name), []).append((path, value))


def container_path(index, field):
    return ("spec", "template", "spec", "containers", index, field)


def literal_stack(values):
    """The C++ statements of the "literals" cluster and what its stream must hold."""
    lines, expected = [], Expected()
    for place, kind, field in (("data", "ConfigMap", "data"),
                               ("secret", "Secret", "stringData")):
        for n, group in enumerate(chunks(values, CONFIG_ENTRIES)):
            name = f"literal-{place}-{n}"
            builder = "configMap" if kind == "ConfigMap" else "secret"
            calls = "".join(f"\n        .data(\"v{i}\", {cpp_literal(v)})"
                            for i, v in enumerate(group))
            lines.append(f"    s.apply({builder}(\"{name}\"){calls});")
            expected.expect(kind, name, (field,), {f"v{i}": v for i, v in enumerate(group)})
    for n, group in enumerate(chunks(values, ANNOTATIONS)):
        name = f"literal-annotations-{n}"
        calls = "".join(f"\n        .annotation(\"example.com/v{i}\", {cpp_literal(v)})"
                        for i, v in enumerate(group))
        lines.append(f"    s.apply(configMap(\"{name}\"){calls});")
        expected.expect("ConfigMap", name, ("metadata", "annotations"),
                        {f"example.com/v{i}": v for i, v in enumerate(group)})
    for place, size in (("args", ARGS), ("env", ENV)):
        for n, pod in enumerate(chunks(values, size * CONTAINERS)):
            name = f"literal-{place}-{n}"
            containers = []
            for c, group in enumerate(chunks(pod, size)):
                if place == "args":
                    items = ", ".join(cpp_literal(v) for v in group)
                    calls = f".args({{{items}}})"
                    expected.expect("Deployment", name, container_path(c, "args"), group)
                else:
                    calls = "".join(f"\n            .env(\"V{i}\", {cpp_literal(v)})"
                                    for i, v in enumerate(group))
                    expected.expect("Deployment", name, container_path(c, "env"),
                                    [{"name": f"V{i}", "value": v} for i, v in enumerate(group)])
                containers.append(calls)
            # The first container is the workload's own: its setters reach the container's.
            extra = "".join(f"\n        .container(container(\"c{c}\").image(\"busybox\"){calls})"
                            for c, calls in enumerate(containers[1:], start=1))
            lines.append(f"    s.apply(deployment(\"{name}\").image(\"busybox\"){containers[0]}{extra});")
    # Keys: config keys, label keys and annotation keys that YAML would read as non-strings,
    # and label values.
    for n, group in enumerate(chunks(config_keys(), CONFIG_ENTRIES)):
        name = f"literal-keys-{n}"
        calls = "".join(f"\n        .data({cpp_literal(k)}, \"k\")" for k in group)
        lines.append(f"    s.apply(configMap(\"{name}\"){calls});")
        expected.expect("ConfigMap", name, ("data",), {k: "k" for k in group})
    # Each object also holds the empty label value, which must be quoted.
    for n, group in enumerate(chunks(label_words(), ANNOTATIONS - 1)):
        name = f"literal-labels-{n}"
        calls = "".join(f"\n        .label({cpp_literal(w)}, {cpp_literal(w)})"
                        f"\n        .annotation(\"example.com/{w}\", {cpp_literal(w)})"
                        for w in group)
        lines.append(f"    s.apply(configMap(\"{name}\").label(\"empty\", \"\"){calls});")
        expected.expect("ConfigMap", name, ("metadata", "labels"),
                        {"empty": "", **{w: w for w in group}})
        expected.expect("ConfigMap", name, ("metadata", "annotations"),
                        {f"example.com/{w}": w for w in group})
    return lines, expected


def variable(place, slot):
    return f"KUBESTACK_PROPERTY_{place.upper()}_{slot}"


def read_variable(place, slot):
    return f'environment("{variable(place, slot)}").orDefault("")'


def environment_stack():
    """The C++ statements of the "environment" cluster: every slot reads a variable."""
    lines = []
    for place, builder in (("data", "configMap"), ("secret", "secret")):
        for n in range(ENVIRONMENT_SLOTS // CONFIG_ENTRIES):
            calls = "".join(
                f'\n        .data("v{i}", {read_variable(place, n * CONFIG_ENTRIES + i)})'
                for i in range(CONFIG_ENTRIES))
            lines.append(f'    s.apply({builder}("environment-{place}-{n}"){calls});')
    containers = []
    for c in range(ENVIRONMENT_SLOTS // ENV):
        containers.append("".join(
            f'\n            .env("V{i}", {read_variable("env", c * ENV + i)})'
            for i in range(ENV)))
    extra = "".join(f'\n        .container(container("c{c}").image("busybox"){calls})'
                    for c, calls in enumerate(containers[1:], start=1))
    lines.append(
        f'    s.apply(deployment("environment-env").image("busybox"){containers[0]}{extra});')
    return lines


def environment_expected(group):
    """What the "environment" cluster must write when its slots hold `group`."""
    expected = Expected()
    for place, kind, field in (("data", "ConfigMap", "data"),
                               ("secret", "Secret", "stringData")):
        for n in range(ENVIRONMENT_SLOTS // CONFIG_ENTRIES):
            slots = range(n * CONFIG_ENTRIES, (n + 1) * CONFIG_ENTRIES)
            expected.expect(kind, f"environment-{place}-{n}", (field,),
                            {f"v{i}": slot_value(group, slot)
                             for i, slot in enumerate(slots)})
    for c in range(ENVIRONMENT_SLOTS // ENV):
        expected.expect("Deployment", "environment-env", container_path(c, "env"),
                        [{"name": f"V{i}", "value": slot_value(group, c * ENV + i)}
                         for i in range(ENV)])
    return expected


def slot_value(group, slot):
    return group[slot] if slot < len(group) else ""


def environment_for(group):
    env = {k.encode(): v.encode() for k, v in os.environ.items()
           if not k.startswith("KUBESTACK_PROPERTY_")}
    for place in ("data", "secret", "env"):
        for slot in range(ENVIRONMENT_SLOTS):
            value = group[slot] if slot < len(group) else ""
            env[variable(place, slot).encode()] = value if isinstance(value, bytes) else value.encode()
    return env


def stack_source():
    literal_lines, _ = literal_stack(corpus())
    checks = [f"static_assert(is_valid_utf8({cpp_literal(v)}));" for v in corpus()]
    return "\n".join([
        "// Generated by tests/property/yaml_values.py: the corpus of the YAML property test",
        "// in every free-text place of a stack, as literals and read from the environment.",
        "#include <kubestack.hpp>",
        "",
        "using namespace kubestack;",
        "",
        "// The predicate accepts every text of the corpus (Python's decoder says it is UTF-8).",
        *checks,
        "",
        "constexpr Stack literal_values() {",
        "    Stack s = stack();",
        *literal_lines,
        "    return s;",
        "}",
        "",
        "constexpr Stack environment_values() {",
        "    Stack s = stack();",
        *environment_stack(),
        "    return s;",
        "}",
        "",
        "int main(int argc, char** argv) {",
        '    return run<cluster<"literals", literal_values>,',
        '               cluster<"environment", environment_values>>(argc, argv);',
        "}",
        "",
    ])


# --- Invalid UTF-8 as literals: one compile, every place --------------------------------

# Each place where text reaches a builder that takes any text: the builder notes the broken
# rule on its object, and the whole-stack rules report it with the object's name. Each is
# an object that a stack applies.
RECORDED_PLACES = [
    "configMap(\"c\").data(\"k\", TEXT)",
    "secret(\"s\").data(\"k\", TEXT)",
    "configMap(\"c\").annotation(\"example.com/note\", TEXT)",
    "deployment(\"d\").args({\"ok\", TEXT})",
    "deployment(\"d\").container(container(\"c\").args({TEXT}))",
    "deployment(\"d\").env(\"V\", TEXT)",
    "deployment(\"d\").container(container(\"c\").env(\"V\", TEXT))",
    "secret(\"s\").data(\"k\", environment(\"VAR\").orDefault(TEXT))",
    "clusterRole(\"r\").rule({.apiGroups = {TEXT}, .resources = {\"pods\"}, .verbs = {\"get\"}})",
    "clusterRole(\"r\").rule({.apiGroups = {\"\"}, .resources = {TEXT}, .verbs = {\"get\"}})",
]
# Checked values (detail/checked_text.hpp) that accept bytes above 0x7f: the literal is
# rejected where it is written, by its own rule first, then UTF-8. (An image does not
# accept them: its grammar is ASCII.)
CHECKED_PLACES = [
    "persistentVolume(\"v\").hostPath(\"/data/\" TEXT)",
]


def split_places(invalid):
    """Each invalid text goes to a checked place or a recorded one, in turn."""
    checked, recorded = [], []
    for n, text in enumerate(invalid):
        # A path with a space or a control breaks its own rule first.
        if n % 2 == 0 and not any(b <= 0x20 or b == 0x7F for b in text):
            checked.append((CHECKED_PLACES[n % len(CHECKED_PLACES)], text))
        else:
            recorded.append((RECORDED_PLACES[n % len(RECORDED_PLACES)], text))
    return checked, recorded


def invalid_literal_source(checked):
    """Each case on a line of its own."""
    lines = ["#include <kubestack.hpp>", "", "using namespace kubestack;", ""]
    cases = []
    for place, text in checked:
        lines.append(f"static_assert([] {{ {place.replace('TEXT', cpp_literal(text))}; return true; }}());")
        cases.append((len(lines), place, text))
    return "\n".join(lines) + "\n", cases


def recorded_text_source(invalid, recorded):
    """Every static_assert must hold: the corpus's predicate, and each stack's report."""
    lines = ["#include <kubestack.hpp>", "", "using namespace kubestack;", "",
             "constexpr bool reports_invalid_utf8(const Stack& stack) {",
             "    for (const Violation& v : check_stack(stack))",
             "        if (std::string_view(v.message).find(\"breaks rule text_must_be_valid_utf8\") !=",
             "            std::string_view::npos)",
             "            return true;",
             "    return false;",
             "}", ""]
    for text in invalid:
        lines.append(f"static_assert(!is_valid_utf8({cpp_literal(text)}));")
    for place, text in recorded:
        lines.append(f"static_assert(reports_invalid_utf8(stack().apply("
                     f"{place.replace('TEXT', cpp_literal(text))})));")
    return "\n".join(lines) + "\n"


def check_recorded_text(args, invalid, recorded, failures):
    path = os.path.join(args.workdir, "recorded_invalid_text.cpp")
    with open(path, "w") as out:
        out.write(recorded_text_source(invalid, recorded))
    result = subprocess.run(
        [args.compiler, "-std=c++20", "-fsyntax-only", "-fdiagnostics-color=never",
         "-I" + args.include, path], capture_output=True, env={**os.environ, "LC_ALL": "C"})
    if result.returncode != 0:
        errors = [l for l in result.stderr.decode(errors="replace").splitlines() if "error:" in l]
        failures.append(f"recorded invalid text: {len(errors)} case(s) not reported: "
                        + "; ".join(errors[:5]))


def check_invalid_literals(args, checked, failures):
    source, cases = invalid_literal_source(checked)
    path = os.path.join(args.workdir, "invalid_literals.cpp")
    with open(path, "w") as out:
        out.write(source)
    result = subprocess.run(
        [args.compiler, "-std=c++20", "-c", "-o", os.devnull, "-fdiagnostics-color=never",
         "-I" + args.include, path], capture_output=True, env={**os.environ, "LC_ALL": "C"})
    output = result.stderr.decode(errors="replace")
    if result.returncode == 0:
        failures.append("invalid_literals.cpp compiled, but every case in it must not")
        return
    # A broken rule reads the inactive member of a union named after it (broken_rule.hpp).
    rule = ("accessing 'kubestack::broken_rule::text_must_be_valid_utf8_verdict::"
            "text_must_be_valid_utf8' member")
    # GCC reports each case as a block: the case's line (in the error or in the "in
    # 'constexpr' expansion of" chain), then the rule. Each case must be one block.
    mention = re.compile(r"invalid_literals[.]cpp:(\d+):")
    allowed = re.compile(r"error: (non-constant condition for static assertion|" + re.escape(rule) + ")")
    reported, block = [], set()
    for line in output.splitlines():
        block.update(int(n) for n in mention.findall(line))
        if "error:" in line and not allowed.search(line):
            failures.append(f"invalid literals: unexpected error: {line}")
        if rule in line:
            reported.append(tuple(sorted(block)))
            block = set()
    for line_number, place, text in cases:
        blocks = [b for b in reported if line_number in b]
        if len(blocks) != 1:
            failures.append(f"invalid literal {text!r} in {place} (line {line_number}): "
                            f"{len(blocks)} errors naming text_must_be_valid_utf8")
    if len(reported) != len(cases):
        failures.append(f"invalid literals: {len(reported)} errors for {len(cases)} cases")


# --- Reading the YAML back -------------------------------------------------------------

def read_with_pyyaml(stream, loader):
    return list(yaml.load_all(stream, Loader=loader))


def read_with_yaml_cpp(args, path):
    result = subprocess.run([args.reader, path], capture_output=True)
    if result.returncode != 0:
        raise ValueError(result.stderr.decode(errors="replace").strip())
    return json.loads(result.stdout.decode("utf-8"))


def read_with_kubectl(args, path):
    result = subprocess.run([args.kubectl, "annotate", "--local", "-f", path, "-o", "json",
                             "kubestack-property=read"], capture_output=True)
    if result.returncode != 0:
        raise ValueError(result.stderr.decode(errors="replace").strip())
    text, decoder, documents, at = result.stdout.decode("utf-8"), json.JSONDecoder(), [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            break
        document, at = decoder.raw_decode(text, at)
        documents.append(document)
    # The annotation that made kubectl decode the objects is not theirs.
    for document in documents:
        annotations = document["metadata"]["annotations"]
        del annotations["kubestack-property"]
        if not annotations:
            del document["metadata"]["annotations"]
    return documents


def readers(args):
    found = [("PyYAML", lambda stream, path: read_with_pyyaml(stream, yaml.SafeLoader))]
    if getattr(yaml, "CSafeLoader", None):
        found.append(("libyaml", lambda stream, path: read_with_pyyaml(stream, yaml.CSafeLoader)))
    found.append(("yaml-cpp", lambda stream, path: read_with_yaml_cpp(args, path)))
    if args.kubectl:
        found.append(("kubectl", lambda stream, path: read_with_kubectl(args, path)))
    return found


MISSING = object()


def field(document, path):
    node = document
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return node


def differences(where, expected, actual):
    """Every way `actual` is not exactly `expected`, names and lengths first."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected a map, read {short(actual)}"]
        found = []
        if set(expected) != set(actual):
            missing = [k for k in expected if k not in actual]
            extra = [k for k in actual if k not in expected]
            found.append(f"{where}: keys changed: missing {short(missing)}, extra {short(extra)}")
        for key, value in expected.items():
            if key in actual:
                found += differences(f"{where}[{key!r}]", value, actual[key])
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list, read {short(actual)}"]
        if len(expected) != len(actual):
            return [f"{where}: expected {len(expected)} items, read {len(actual)}: {short(actual)}"]
        found = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            found += differences(f"{where}[{i}]", e, a)
        return found
    if actual is MISSING:
        return [f"{where}: missing"]
    if type(actual) is not str or actual != expected:
        return [f"{where}: expected {expected!r}, read {short(actual)} ({type(actual).__name__})"]
    return []


def short(value):
    text = repr(value)
    return text if len(text) < 160 else text[:160] + "..."


def check_stream(args, label, stream, expected, failures):
    """Reads one stream with every reader; returns how many values were checked."""
    path = os.path.join(args.workdir, f"{label}.yaml")
    with open(path, "wb") as out:
        out.write(stream)
    parsed = {}
    for reader, read in readers(args):
        try:
            documents = read(stream, path)
        except Exception as error:  # a reader that refuses the stream is a failure
            failures.append(f"{label}: {reader} cannot read the stream: {short(str(error))}")
            continue
        parsed[reader] = documents
        by_name = {}
        for document in documents:
            key = (document.get("kind"), document.get("metadata", {}).get("name"))
            if key in by_name:
                failures.append(f"{label}: {reader}: {key} appears twice")
            by_name[key] = document
        if set(by_name) != set(expected.objects) or len(documents) != len(expected.objects):
            failures.append(f"{label}: {reader}: read objects {sorted(map(str, by_name))}, "
                            f"expected {sorted(map(str, expected.objects))}")
        for key, fields in expected.objects.items():
            for path_, value in fields:
                failures.extend(f"{label}: {reader}: {key[0]}/{key[1]} " + d for d in
                                differences("/".join(map(str, path_)), value,
                                            field(by_name.get(key, {}), path_)))
    # The whole of each document, not only the fields above, reads the same with every
    # YAML reader (kubectl adds defaults, so it is left out). yaml-cpp gives the text of
    # each scalar: PyYAML's integers and booleans are compared as the text they were.
    if "PyYAML" in parsed:
        for reader, same in (("libyaml", parsed["PyYAML"]), ("yaml-cpp", to_text(parsed["PyYAML"]))):
            if reader in parsed and parsed[reader] != same:
                failures.append(f"{label}: {reader} and PyYAML read different documents")
    return sum(len(v) if isinstance(v, (dict, list)) else 1
               for fields in expected.objects.values() for _, v in fields)


def to_text(node):
    """PyYAML's documents with scalars as yaml-cpp gives them: the text as written."""
    if isinstance(node, dict):
        return {to_text(k): to_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_text(v) for v in node]
    if isinstance(node, bool):
        return "true" if node else "false"
    if isinstance(node, int):
        return str(node)
    return node


# --- The checks ------------------------------------------------------------------------

def run_stack(args, cluster, env, extra=()):
    return subprocess.run([args.stack, "--cluster", cluster, *extra], capture_output=True, env=env)


def check(args):
    started = time.monotonic()
    os.makedirs(args.workdir, exist_ok=True)
    failures = []
    values, invalid = corpus(), invalid_corpus()
    checked = 0

    # Literals in every free-text place.
    result = run_stack(args, "literals", None)
    if result.returncode != 0:
        failures.append(f"literals: exit {result.returncode}: {result.stderr.decode(errors='replace')}")
    else:
        _, expected = literal_stack(values)
        checked += check_stream(args, "literals", result.stdout, expected, failures)

    # The same texts from the environment, ENVIRONMENT_SLOTS at a time in each place.
    for n, group in enumerate(chunks(values, ENVIRONMENT_SLOTS)):
        result = run_stack(args, "environment", environment_for(group))
        if result.returncode != 0:
            failures.append(f"environment-{n}: exit {result.returncode}: "
                            f"{result.stderr.decode(errors='replace')}")
            continue
        checked += check_stream(args, f"environment-{n}", result.stdout,
                                environment_expected(group), failures)

    # Invalid UTF-8 from the environment: exit 1, the variable named, nothing written.
    places = ("data", "secret", "env")
    for n, text in enumerate(invalid):
        place, slot = places[n % 3], n % ENVIRONMENT_SLOTS
        group = [""] * ENVIRONMENT_SLOTS
        env = environment_for(group)
        env[variable(place, slot).encode()] = text
        name = variable(place, slot)
        with tempfile.TemporaryDirectory(dir=args.workdir) as directory:
            for extra in ((), ("--out", directory)):
                result = run_stack(args, "environment", env, extra)
                stderr = result.stderr.decode(errors="replace")
                what = f"{name}={text!r} {' '.join(extra) or '(stream)'}"
                if result.returncode != 1:
                    failures.append(f"{what}: exit {result.returncode}, expected 1")
                if result.stdout:
                    failures.append(f"{what}: wrote {short(result.stdout)} to stdout")
                if not re.search(re.escape(name) + r"\b.*not valid UTF-8", stderr):
                    failures.append(f"{what}: the error does not name the variable: {short(stderr)}")
                if os.listdir(directory):
                    failures.append(f"{what}: wrote {os.listdir(directory)}")

    # Invalid UTF-8 as literals: a compile error at a checked literal, a report that names
    # the object everywhere else.
    checked, recorded = split_places(invalid)
    check_invalid_literals(args, checked, failures)
    check_recorded_text(args, invalid, recorded, failures)

    elapsed = time.monotonic() - started
    names = ", ".join(name for name, _ in readers(args))
    print(f"corpus: {len(values)} texts ({RANDOM_COUNT} random, seed {RANDOM_SEED}), "
          f"{len(invalid)} invalid UTF-8; {checked} values checked with each of {names}; "
          f"{elapsed:.1f} s")
    if not args.kubectl:
        print("kubectl not found: kubectl's decoder was not checked")
    for failure in failures[:60]:
        print("FAIL", failure)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    source = commands.add_parser("source")
    source.add_argument("output")
    run = commands.add_parser("check")
    run.add_argument("--stack", required=True)
    run.add_argument("--reader", required=True)
    run.add_argument("--compiler", required=True)
    run.add_argument("--include", required=True)
    run.add_argument("--workdir", required=True)
    run.add_argument("--kubectl")
    args = parser.parse_args()
    if args.command == "source":
        text = stack_source()
        # Rewritten only when it changes, so that the stack is not rebuilt for nothing.
        if not os.path.exists(args.output) or open(args.output).read() != text:
            with open(args.output, "w") as out:
                out.write(text)
        return 0
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
