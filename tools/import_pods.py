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


def pods_and_ports(model, imported):
    """(labels, [container port]) of each pod that an object makes: the ports of its
    containers, as the rules read them (include/kubestack/model_rules.hpp)."""
    if imported.api_version == "v1" and imported.kind == "Pod":
        pods = [imported.fields]
    elif imported.api_version == "v1" and imported.kind == "PodTemplate":
        pods = []
    else:
        pods = [template for definition, template
                in model.structs_in(imported.definition, imported.fields)
                if definition == POD_TEMPLATE]
    return [(labels_of(pod.get("metadata")),
             [port for container in (pod.get("spec") or {}).get("containers") or []
              for port in container.get("ports") or []])
            for pod in pods]


def pods_of(model, objects):
    """(namespace, labels, [container port]) of every pod that the objects make."""
    return [(pods_namespace(o), labels, ports)
            for o in objects for labels, ports in pods_and_ports(model, o)]


def targets_exposed(pods, service):
    """Whether each port of a Service targets a container port of the pods it selects, as
    the rule target_port_not_exposed reads a builder's Service (stack_rules.hpp): a
    number, a port of that number; a name, a port of that name and protocol. Kubernetes
    sends a number that no container declares to the pod as it is, so the importer keeps
    such a Service in the typed model, which the rule does not read. pods: pods_of()."""
    spec = service.fields.get("spec") or {}
    selector = dict(spec.get("selector") or [])
    ns = pods_namespace(service)
    ports = [port for pod_ns, labels, pod_ports in pods if pod_ns == ns
             if all(labels.get(key) == value for key, value in selector.items())
             for port in pod_ports]
    for port in spec.get("ports") or []:
        target = port.get("targetPort") or port.get("port")
        protocol = port.get("protocol") or "TCP"
        if isinstance(target, str):
            exposed = any(p.get("name") == target and (p.get("protocol") or "TCP") == protocol
                          for p in ports)
        else:
            exposed = any(p.get("containerPort") == target for p in ports)
        if not exposed:
            return False
    return True


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
    pods = [(ns, labels) for ns, labels, _ in pods_of(model, objects)]
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
