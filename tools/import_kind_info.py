"""What kubestack-import reads of include/kubestack/kind_info.hpp, the tables that the built
binary writes by, so that each fact is stated once:

- the apply order (kind_info's apply_rank, and model_kind_ranks for kinds no builder
  has): CRDs, priority classes and namespaces first, then quotas, RBAC, config, storage
  and network policies, workloads, then Services, autoscalers and budgets, then
  Ingresses, other kinds last. The binary writes manifests in that order; the importer
  writes objects in it too, the input's order within a rank;
- the file suffix of each kind (a PersistentVolumeClaim's is "volume"), with which the
  importer keeps objects in the files they came from;
- the first Kubernetes version serving each kind's apiVersion, which --target checks
  (policy/v1 PodDisruptionBudget from 1.21). A kind the table does not list is taken as
  served, as the build's target rule takes it (stack_kinds.hpp, model_served_versions);
- the builder function of each kind that objects refer to by name (builder_factories),
  with which the importer declares what the input refers to but does not define.
"""
import os
import re

from import_headers import read_header

STEM = re.compile(r"[a-z0-9_-][a-z0-9._-]*")  # names.hpp's is_file_stem

SPECIALIZATION = "template <> inline constexpr KindInfo kind_info<"
MODEL_RANKS = re.compile(r"model_kind_ranks\[\] = \{(.*?)\};", re.S)
MODEL_RANK = re.compile(r'\{"(\w+)",\s*(\d+)\}')
FACTORIES = re.compile(r"builder_factories\[\] = \{(.*?)\};", re.S)
FACTORY = re.compile(r'\{"(\w+)",\s*"(\w+)"\}')
ENTRY = re.compile(r'kind_info<(\w+)>\s*=\s*\{"([^"]*)",\s*"(\w+)",\s*"([^"]*)",\s*(\d+)'
                   r'(?:,\s*\{(\d+),\s*(\d+)\})?\s*\}')


class KindTable:
    def __init__(self, model_index):
        """Reads kind_info.hpp, which the package keeps beside the model's headers."""
        path, text = read_header(model_index, "kind_info.hpp")
        self.ranks, self.since, self.suffixes, self.other_rank = {}, {}, {}, None
        for cpp_class, api_version, kind, suffix, rank, major, minor in ENTRY.findall(text):
            if cpp_class == "ModelObject":
                self.other_rank = int(rank)
                continue
            self.ranks[kind] = int(rank)
            self.suffixes[kind] = suffix
            self.since[(api_version, kind)] = (int(major or 1), int(minor or 0))
        model_ranks = MODEL_RANKS.search(text)
        if (self.other_rank is None or len(self.ranks) + 1 != text.count(SPECIALIZATION) or
                model_ranks is None):
            raise ValueError(f"{path}: its kind_info table was not read whole")
        entries = MODEL_RANK.findall(model_ranks[1])
        if len(entries) != model_ranks[1].count("{"):
            raise ValueError(f"{path}: its model_kind_ranks table was not read whole")
        self.ranks.update((kind, int(rank)) for kind, rank in entries)
        factories = FACTORIES.search(text)
        if factories is None or len(FACTORY.findall(factories[1])) != factories[1].count("{"):
            raise ValueError(f"{path}: its builder_factories table was not read whole")
        self.factories = dict(FACTORY.findall(factories[1]))

    def rank(self, kind):
        return self.ranks.get(kind, self.other_rank)

    def apply_steps(self, objects, file_order=None):
        """The objects in apply() steps. Without a file order, one step sorted by rank (the
        input's order within a rank). With one (a kustomization's resources), the objects
        of each file in that order, files it does not list last (sorted by rank), and a
        new step wherever
        the rank falls, so that the binary, which sorts by step and then by rank, keeps
        that order."""
        if file_order is None:
            return [sorted(objects, key=lambda o: self.rank(o.kind))]
        position = {path: i for i, path in enumerate(file_order)}
        unlisted = len(file_order)

        def place(imported):
            listed = position.get(os.path.normpath(os.path.abspath(imported.document.file)),
                                  unlisted)
            return listed, self.rank(imported.kind) if listed == unlisted else 0
        ordered = sorted(objects, key=place)
        steps = [[]]
        for imported in ordered:
            if steps[-1] and self.rank(imported.kind) < self.rank(steps[-1][-1].kind):
                steps.append([])
            steps[-1].append(imported)
        return steps

    def file_suffix(self, kind):
        """The binary writes an object to <file>.<suffix>.yaml (dsl/emitter/render.cpp)."""
        return self.suffixes.get(kind, kind.lower())

    def served_since(self, api_version, kind):
        """(major, minor) of the first version serving the apiVersion and kind."""
        return self.since.get((api_version, kind), (1, 0))

    def file_stem(self, imported):
        """The stem that writes an object back to the file it came from, when that file is
        named as the binary names its files (postgres.volume.yaml holds the claim
        "postgres" and the volume "postgres-data") and the object's name alone would not
        say it; else None."""
        ending = f".{self.file_suffix(imported.kind)}.yaml"
        base = os.path.basename(imported.document.file)
        stem = base[:-len(ending)] if base.endswith(ending) else ""
        return stem if STEM.fullmatch(stem) and stem != imported.name else None
