"""What kubestack-import reads of include/kubestack/kind_info.hpp, the tables that the built
binary writes by, so that each fact is stated once:

- the apply order (kind_info's apply_rank, and model_kind_ranks for kinds no builder
  has): CRDs, priority classes and namespaces first, then quotas, RBAC, config, storage
  and network policies, workloads, then Services, autoscalers and budgets, then
  Ingresses, other kinds last. The binary writes manifests in that order; the importer
  writes objects in it too, the input's order within a rank;
- the first Kubernetes version serving each kind's apiVersion, which --target checks
  (policy/v1 PodDisruptionBudget from 1.21). A kind the table does not list is taken as
  served, as the build's target rule takes it (stack_kinds.hpp, model_served_versions).
"""
import os
import re

SPECIALIZATION = "template <> inline constexpr KindInfo kind_info<"
MODEL_RANKS = re.compile(r"model_kind_ranks\[\] = \{(.*?)\};", re.S)
MODEL_RANK = re.compile(r'\{"(\w+)",\s*(\d+)\}')
ENTRY = re.compile(r'kind_info<(\w+)>\s*=\s*\{"([^"]*)",\s*"(\w+)",\s*"[^"]*",\s*(\d+)'
                   r'(?:,\s*\{(\d+),\s*(\d+)\})?\s*\}')


class KindTable:
    def __init__(self, model_index):
        """Reads kind_info.hpp, which the package keeps beside the model's headers."""
        path = os.path.join(os.path.dirname(model_index), "..", "kind_info.hpp")
        with open(path, encoding="utf-8") as header:
            text = header.read()
        self.ranks, self.since, self.other_rank = {}, {}, None
        for cpp_class, api_version, kind, rank, major, minor in ENTRY.findall(text):
            if cpp_class == "ModelObject":
                self.other_rank = int(rank)
                continue
            self.ranks[kind] = int(rank)
            self.since[(api_version, kind)] = (int(major or 1), int(minor or 0))
        model_ranks = MODEL_RANKS.search(text)
        if (self.other_rank is None or len(self.ranks) + 1 != text.count(SPECIALIZATION) or
                model_ranks is None):
            raise ValueError(f"{path}: its kind_info table was not read whole")
        entries = MODEL_RANK.findall(model_ranks[1])
        if len(entries) != model_ranks[1].count("{"):
            raise ValueError(f"{path}: its model_kind_ranks table was not read whole")
        self.ranks.update((kind, int(rank)) for kind, rank in entries)

    def in_apply_order(self, objects):
        """The objects sorted by their kind's apply rank; the input's order within one."""
        return sorted(objects, key=lambda o: self.ranks.get(o.kind, self.other_rank))

    def served_since(self, api_version, kind):
        """(major, minor) of the first version serving the apiVersion and kind."""
        return self.since.get((api_version, kind), (1, 0))
