"""The order in which kubestack-import writes objects: kubectl's apply order, the one the
built binary writes manifests in. Namespaces come first, then RBAC, config, storage and
network policies, workloads, then Services, autoscalers and budgets, then Ingresses, and
other kinds last.

The ranks are read from include/kubestack/kind_info.hpp, which the emitter sorts by, so
that the order is stated once.
"""
import os
import re

SPECIALIZATION = "template <> inline constexpr KindInfo kind_info<"
RANK = re.compile(r'kind_info<(\w+)>\s*=\s*\{"[^"]*",\s*"(\w+)",\s*"[^"]*",\s*(\d+)')


def apply_ranks(model_index):
    """{kind: rank} from kind_info.hpp (beside the model's headers), and the rank of every
    other kind (ModelObject's, which the emitter gives a kind it does not list)."""
    path = os.path.join(os.path.dirname(model_index), "..", "kind_info.hpp")
    with open(path, encoding="utf-8") as header:
        text = header.read()
    ranks, other = {}, None
    for cpp_class, kind, rank in RANK.findall(text):
        if cpp_class == "ModelObject":
            other = int(rank)
        else:
            ranks[kind] = int(rank)
    if other is None or len(ranks) + 1 != text.count(SPECIALIZATION):
        raise ValueError(f"{path}: its kind_info table was not read whole")
    return ranks, other


def in_apply_order(objects, model_index):
    """The objects sorted by their kind's apply rank; the input's order within a rank."""
    ranks, other = apply_ranks(model_index)
    return sorted(objects, key=lambda imported: ranks.get(imported.kind, other))
