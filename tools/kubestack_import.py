#!/usr/bin/env python3
"""kubestack-import: existing Kubernetes manifests in, a kubestack stack source out.

    kubestack-import [--name NAME] [--target VERSION] [--crd FILE] [--out FILE] FILE...
                                                            (FILE "-" reads standard input)

Reads manifest streams (multi-document YAML, JSON, `kind: List`) and writes one stack
source that builds with kubestack_add_stack() as it is: #include <kubestack.hpp>, one
constexpr function per object, in a safe apply order (the binary's: namespaces, RBAC,
config, storage, workloads, Services, Ingresses), a stack function that applies them, and
main. Each object is written in the typed model (include/kubestack/api/, or the headers
that kubestack_import_crds() makes of a custom resource's CRD), so every field and value
of the input survives: the built binary writes the same objects back.

Nothing is written when the input is wrong: invalid YAML, a document without apiVersion
or kind, an apiVersion and kind that Kubernetes 1.36 (or the --target version) does not
serve, a custom resource whose CRD is not given (--crd, or among the input), a field that
the kind's schema does not have or a value of the wrong type, two objects of one kind,
namespace and name. The error names the file and line.
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml  # noqa: F401  (the modules below read YAML with it)
except ImportError:
    raise SystemExit("kubestack-import needs PyYAML (Debian: apt-get install python3-yaml)")

from import_builders import Statements, Vocabulary
from import_cpp import Marks, stack_name_problem, write_source
from import_custom import CRD_KIND, add_custom_resources, is_crd, plain_value
from import_model import (MODEL_VERSION, Model, check, check_duplicates, field_text,
                          objects_of, top_items)
from import_kind_info import KindTable
from import_kustomization import is_kustomization, resource_paths
from import_pods import selecting_pods_elsewhere
from import_limits import read_limits
from import_references import referring_elsewhere
from import_yaml import InputError, read_documents

TOOL = "kubestack-import"
# From this many objects, the importer says on standard error that it is formatting, which
# takes seconds (formatted()).
PROGRESS_FROM = 200


def find_model_index():
    """model.json, written by tools/generate_model.py beside the model's headers: where the
    installed package keeps them (kubestack_import_paths.py, installed beside this file,
    says where), or else in the source tree this file belongs to."""
    here = os.path.dirname(os.path.realpath(__file__))
    try:
        from kubestack_import_paths import MODEL_INDEX
    except ImportError:
        MODEL_INDEX = os.path.join("..", "include", "kubestack", "api", "model.json")
    path = os.path.normpath(os.path.join(here, MODEL_INDEX))
    if not os.path.exists(path):
        raise SystemExit(f"{TOOL}: the model's index {path} is missing: is the package "
                         "installed whole?")
    return path


def clang_format_style():
    """The project's .clang-format: beside this file once installed, or at the source
    tree's top."""
    here = os.path.dirname(os.path.realpath(__file__))
    for directory in (here, os.path.join(here, "..")):
        if os.path.exists(os.path.join(directory, ".clang-format")):
            return os.path.join(directory, ".clang-format")
    return None


def formatted(parts, workers=None):
    """The source of write_source()'s parts, through clang-format with the project's style
    when it is installed. A large source takes clang-format most of the import's time
    (0.1 s for a Deployment of the typed model), so runs of parts of about equal length
    are formatted at once, one process per core: each part ends with a blank line, after
    which clang-format's choices do not depend on what came before."""
    source = "\n".join(parts)
    tool, style = shutil.which("clang-format"), clang_format_style()
    if not tool or not style:
        return source
    workers = max(1, min(workers or os.cpu_count() or 1, len(parts)))
    runs, run, length = [], [], 0
    for part in parts:
        run.append(part)
        length += len(part) + 1
        if length * workers >= len(source) * (len(runs) + 1) and len(runs) < workers - 1:
            runs.append(run)
            run = []
    runs.append(run)

    def format_run(run):
        return subprocess.run([tool, f"--style=file:{style}", "--assume-filename=stack.cpp"],
                              input="\n".join(run), capture_output=True, text=True)
    with concurrent.futures.ThreadPoolExecutor(len(runs)) as pool:
        results = list(pool.map(format_run, runs))
    if any(result.returncode != 0 for result in results):
        return source
    return "\n".join(result.stdout for result in results if result.stdout)


def write_atomically(path, text, private):
    """The whole text or nothing: a temporary file beside the target, renamed over it."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".kubestack-import-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o600 if private else 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def default_stack_name(files):
    """The first file's stem, as an identifier that nothing else in the source takes."""
    stem = os.path.splitext(os.path.basename(files[0]))[0] if files[0] != "-" else ""
    name = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in stem)
    if not name or name[0].isdigit():
        name = "imported" + (f"_{name}" if name else "")
    return name if stack_name_problem(name) is None else f"{name}_stack"


def parse_target(parser, text):
    """--target's (major, minor), or None when not given."""
    if text is None:
        return None
    newest = tuple(int(part) for part in MODEL_VERSION.split("."))
    match = re.fullmatch(r"(\d+)\.(\d+)", text)
    if not match or not (1, 0) <= (int(match[1]), int(match[2])) <= newest:
        parser.error(f"--target {text!r}: a Kubernetes version from 1.0 to {MODEL_VERSION}, "
                     "such as 1.30")
    return int(match[1]), int(match[2])


def check_served(imported, target, kinds):
    """Refuses an object whose apiVersion the target does not serve yet."""
    since = kinds.served_since(imported.api_version, imported.kind)
    if target < since:
        raise InputError(f"{imported.document.where()}: {imported.kind} of apiVersion "
                         f"{imported.api_version} is not served by Kubernetes "
                         f"{target[0]}.{target[1]} (served from {since[0]}.{since[1]})")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog=TOOL, description=__doc__.split("\n\n")[0].split(": ", 1)[1],
        epilog="Example: kubestack-import manifests.yaml > stack.cpp")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="a manifest stream: YAML documents, JSON, or a kind: List; - reads "
                             "standard input; a kustomization.yaml brings its resources, in "
                             "its order")
    parser.add_argument("--name", help="the stack function's name (a C++ identifier); by "
                                       "default the first file's")
    parser.add_argument("--target", metavar="VERSION",
                        help=f"the Kubernetes version the stack targets, 1.0 to {MODEL_VERSION} "
                             f"(default {MODEL_VERSION}): an apiVersion it does not serve is "
                             "refused, and the stack says targets(VERSION)")
    parser.add_argument("--crd", metavar="FILE", action="append", default=[],
                        help="a file of CustomResourceDefinitions, whose custom resources the "
                             "input may hold (CRDs among the input's objects serve too); the "
                             "stack then builds with kubestack_import_crds() of them")
    parser.add_argument("--out", metavar="FILE", help="write the source to FILE, whole or not at "
                                                      "all, instead of to standard output")
    args = parser.parse_args(argv)
    stack_name = args.name if args.name is not None else default_stack_name(args.files)
    if problem := stack_name_problem(stack_name):
        parser.error(f"--name {stack_name!r}: {problem}")
    target = parse_target(parser, args.target)
    model_index = find_model_index()
    model = Model(model_index)
    try:
        kinds = KindTable(model_index)
        limits = read_limits(model_index)
        words = Vocabulary(model_index)
    except (OSError, ValueError) as error:
        raise SystemExit(f"{TOOL}: {error}: is the package installed whole?")
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    try:
        documents, file_order = [], None
        pending = list(args.files)
        read = set()
        while pending:
            path = pending.pop(0)
            if path != "-":
                if os.path.normpath(os.path.abspath(path)) in read:
                    continue
                read.add(os.path.normpath(os.path.abspath(path)))
            for document in read_documents(path, stdin):
                if is_kustomization(document):
                    if file_order is not None:
                        raise InputError(f"{document.where()}: a second kustomization: give "
                                         "one, whose resources say the order")
                    # Its resources are read too: `kubestack-import generated/kustomization.yaml`.
                    file_order = resource_paths(document)
                    pending += file_order
                    continue
                documents += objects_of(document)
        # Custom resources are checked against the CRDs given, and those of the input.
        # A --crd file may hold other objects, as kubestack_import_crds() reads it: they
        # are not imported.
        crds = []
        for path in args.crd:
            given = [o for d in read_documents(path, stdin) for o in objects_of(d)]
            for o in given:  # what kubestack_import_crds() refuses in the file
                if not isinstance(o.node, yaml.MappingNode):
                    raise InputError(f"{o.where()}: an item of document {o.index} is not an "
                                     "object")
                if field_text(o, top_items(o), "kind") == CRD_KIND[1] and not is_crd(o):
                    raise InputError(f"{o.where()}: a CustomResourceDefinition of another "
                                     "apiVersion than apiextensions.k8s.io/v1, which "
                                     "kubestack_import_crds() does not read")
            if not any(is_crd(o) for o in given):
                raise InputError(f"{path}: --crd reads CustomResourceDefinitions "
                                 "(apiextensions.k8s.io/v1), and the file holds none")
            crds += [o for o in given if is_crd(o)]
        crds += [document for document in documents if is_crd(document)]
        if crds:
            add_custom_resources(model, [(d.where(), plain_value(model, d)) for d in crds])
        objects = [check(model, document) for document in documents]
        if not objects:
            raise InputError(f"{', '.join(args.files)}: no object to import")
        check_duplicates(objects)
        if target is not None:
            for imported in objects:
                check_served(imported, target, kinds)
        steps = kinds.apply_steps(objects, file_order)
        referred, undeclarable = referring_elsewhere(model, objects, kinds.factories,
                                                     limits["created_elsewhere_references"])
    except InputError as error:
        print(f"{TOOL}: {error}; nothing written", file=sys.stderr)
        return 1
    inputs = ["<stdin>" if f == "-" else os.path.basename(f) for f in args.files]
    selecting = selecting_pods_elsewhere(model, objects)
    statements = Statements(model, objects, limits, words, referred, selecting, target)
    marks = Marks(selecting,
                  {id(o): stem for o in objects if (stem := kinds.file_stem(o)) is not None},
                  referred, statements.setters, statements.factory_of)

    if len(objects) >= PROGRESS_FROM:
        print(f"{TOOL}: writing and formatting the source of {len(objects)} objects",
              file=sys.stderr, flush=True)
    source = formatted(write_source(model, steps, stack_name, inputs, marks,
                                    f"{target[0]}.{target[1]}" if target else None,
                                    kinds.factories))
    secrets = any(o.kind == "Secret" for o in objects)
    try:
        if args.out:
            write_atomically(args.out, source, secrets)
        else:
            sys.stdout.buffer.write(source.encode("utf-8"))
            sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error
        return 1
    except OSError as error:
        print(f"{TOOL}: {args.out}: cannot write it: {error.strerror}; nothing written",
              file=sys.stderr)
        return 1
    if secrets:
        print(f"{TOOL}: the source holds Secret data: "
              + ("written readable by its owner only" if args.out else
                 "keep it readable by its owner only (chmod 600), or use --out"),
              file=sys.stderr)
    if marks.selecting_elsewhere:
        print(f"{TOOL}: {len(marks.selecting_elsewhere)} object(s) select pods that the input "
              "does not make: marked as pods created elsewhere", file=sys.stderr)
    referred = {r for found in marks.referring_elsewhere.values() for r in found}
    if referred:
        print(f"{TOOL}: {len(referred)} object(s) are referred to but not in the input: "
              "declared createdElsewhere()", file=sys.stderr)
    for imported, kind, name in undeclarable:
        print(f"{TOOL}: {imported.kind} \"{imported.name}\" refers to {kind} \"{name}\", "
              "which the input does not define and no builder makes"
              f"{' of that name' if kind in kinds.factories else ''}: the first build "
              "reports it; add it to the input", file=sys.stderr)
    custom = sorted({o.kind for o in objects if o.definition.startswith("crd.")})
    if custom:
        crd_files = sorted({d.file for d in crds})
        print(f"{TOOL}: custom resources ({', '.join(custom)}): the stack's target needs the "
              f"headers of their CRDs: kubestack_import_crds(<target> {' '.join(crd_files)})",
              file=sys.stderr)
    print(f"{TOOL}: {len(objects)} object(s) imported; the first build checks the whole-stack "
          "rules", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RecursionError:  # the parsers and the model's walk recurse once per level
        print(f"{TOOL}: the input is nested too deeply to import; nothing written",
              file=sys.stderr)
        sys.exit(1)
