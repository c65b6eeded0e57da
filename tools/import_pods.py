"""The pods that imported objects make, and the objects that select pods the input does not
make.

The whole-stack rules check every selector of the model against the pods of the stack
(include/kubestack/model_pods.hpp). A repository that keeps one object per file gives a
Service, a PodDisruptionBudget or a NetworkPolicy whose pods are in another file: the
importer marks those selectsPodsCreatedElsewhere(), so that the stack builds, and says so in
a comment. A workload's required pod anti-affinity term is never marked: one that selects
no pod of its own input, as ZooKeeper's tutorial's does, is most often a bug of the
input, which the first build reports. A term meant to keep off pods made elsewhere is
said so by hand, with selectsPodsCreatedElsewhere() on the workload.

This reads the objects as the C++ rules do: pods are made by every pod template (but a
PodTemplate object's) and by a Pod; an object without a namespace is in "default".
"""

POD_TEMPLATE = "io.k8s.api.core.v1.PodTemplateSpec"
DEFAULT_NAMESPACE = "default"


def pods_namespace(imported):
    return imported.namespace or DEFAULT_NAMESPACE


def labels_of(metadata):
    return dict((metadata or {}).get("labels") or [])


def pods_made(model, imported):
    """The label sets of the pods that an object makes."""
    if imported.api_version == "v1" and imported.kind == "Pod":
        return [labels_of(imported.fields.get("metadata"))]
    if imported.api_version == "v1" and imported.kind == "PodTemplate":
        return []
    return [labels_of(template.get("metadata"))
            for definition, template in model.structs_in(imported.definition, imported.fields)
            if definition == POD_TEMPLATE]


def selector_terms(selector):
    """A LabelSelector as (key, operator, values) terms; None for an empty one, which
    selects every pod of the namespace."""
    terms = [(key, "In", [value]) for key, value in selector.get("matchLabels") or []]
    terms += [(term["key"], term["operator"], term.get("values") or [])
              for term in selector.get("matchExpressions") or []]
    return terms or None


def selection_of(imported):
    """The terms with which a Service, budget or policy selects pods, or None."""
    spec = imported.fields.get("spec") or {}
    if imported.api_version == "v1" and imported.kind == "Service":
        if spec.get("type") == "ExternalName" or not spec.get("selector"):
            return None
        return [(key, "In", [value]) for key, value in spec["selector"]]
    if imported.api_version == "policy/v1" and imported.kind == "PodDisruptionBudget":
        return selector_terms(spec.get("selector") or {})
    if imported.api_version == "networking.k8s.io/v1" and imported.kind == "NetworkPolicy":
        return selector_terms(spec.get("podSelector") or {})
    return None


def term_matches(term, labels):
    key, operator, values = term
    present = key in labels
    listed = present and labels[key] in values
    return {"In": listed, "NotIn": not listed, "Exists": present,
            "DoesNotExist": not present}.get(operator, False)


def selecting_pods_elsewhere(model, objects):
    """The objects whose selector matches no pod that the input makes in their namespace."""
    pods = [(pods_namespace(o), labels) for o in objects for labels in pods_made(model, o)]
    elsewhere = set()
    for imported in objects:
        terms = selection_of(imported)
        if terms is None:
            continue
        ns = pods_namespace(imported)
        if not any(pod_ns == ns and all(term_matches(t, labels) for t in terms)
                   for pod_ns, labels in pods):
            elsewhere.add(id(imported))
    return elsewhere
