"""The house style of the manifests kubestack writes, as tools/generate_model.py applies it.

The generic emitter (include/kubestack/emit/model_yaml.hpp) writes a struct's fields in the order of its
generated visit_fields(). The spec lists properties alphabetically, which puts a Container's
`args` before its `name` and a Service port's `targetPort` last. The manifests people already
have (generated/, and those written before the generic emitter) follow the order of the
Kubernetes documentation instead, and read naturally: a thing's name first, what it is next,
its details after. So for the definitions below, the listed fields come first, in this order,
and every other field follows in the spec's order. The members of the structs keep the spec's
order: only the visiting order changes, so designated initialisers are not affected.

FLOW_LISTS names the lists of short strings that are written on one line,
`args: [--api, --kubernetes]`, as a reader of kubectl's examples expects them; every other
list is a block sequence. The generator marks those fields in visit_fields() with
FieldInfo::in_flow_style().

Each entry must name a definition of the spec and its properties: the generator fails on a
name it does not find, so that a renamed field cannot silently fall back to the spec's order.
"""

CORE = "io.k8s.api.core.v1."
META = "io.k8s.apimachinery.pkg.apis.meta.v1."

FIELD_ORDER = {
    # Who it is before what is said about it.
    META + "ObjectMeta": ["name", "namespace", "labels", "annotations"],
    # The containers first; scheduling (affinity, tolerations) last.
    CORE + "PodSpec": ["containers", "volumes", "restartPolicy", "serviceAccountName",
                       "affinity", "tolerations"],
    # Name and image, then what it runs, then what it offers and needs.
    CORE + "Container": ["name", "image", "command", "args", "ports", "env", "envFrom",
                         "resources", "volumeMounts"],
    CORE + "ContainerPort": ["name", "containerPort", "protocol"],
    # Which object, then which key of it.
    CORE + "ConfigMapKeySelector": ["name", "key"],
    CORE + "SecretKeySelector": ["name", "key"],
    CORE + "Volume": ["name"],
    CORE + "VolumeMount": ["name", "mountPath", "readOnly"],
    # What kind of Secret, then its values.
    CORE + "Secret": ["type", "stringData"],
    CORE + "ServiceSpec": ["type", "clusterIP", "selector", "ports"],
    # A port as it is forwarded: name, port, where it goes, then how.
    CORE + "ServicePort": ["name", "port", "targetPort", "nodePort", "protocol"],
    # What is offered or asked for before where it comes from.
    CORE + "PersistentVolumeSpec": ["capacity", "accessModes", "storageClassName",
                                    "persistentVolumeReclaimPolicy"],
    CORE + "PersistentVolumeClaimSpec": ["accessModes", "storageClassName", "volumeName",
                                         "resources"],
    # The path matched, then where it leads.
    "io.k8s.api.networking.v1.HTTPIngressPath": ["path", "pathType", "backend"],
}

FLOW_LISTS = {
    CORE + "Container": ["command", "args"],
    "io.k8s.api.rbac.v1.PolicyRule": ["apiGroups", "resources", "verbs", "resourceNames",
                                      "nonResourceURLs"],
}


class StyleError(ValueError):
    """A house-style entry that names no definition or property of the spec."""


def check(definitions):
    """Fails on an entry that the spec does not have, or a flow list that is not of strings."""
    for table_name, table in (("FIELD_ORDER", FIELD_ORDER), ("FLOW_LISTS", FLOW_LISTS)):
        for definition, fields in table.items():
            properties = definitions.get(definition, {}).get("properties")
            if properties is None:
                raise StyleError(f"house_style.{table_name}: no definition {definition}")
            for field in fields:
                if field not in properties:
                    raise StyleError(f"house_style.{table_name}: {definition} has no {field}")
                if table_name == "FLOW_LISTS" and properties[field].get("items", {}).get(
                        "type") != "string":
                    raise StyleError(f"house_style.FLOW_LISTS: {definition}.{field} is not a "
                                     "list of strings")
            if len(set(fields)) != len(fields):
                raise StyleError(f"house_style.{table_name}: {definition} lists a field twice")


def ordered(definition, wire_names):
    """The wire names of a definition in visiting order: the house order, then the rest."""
    first = FIELD_ORDER.get(definition, [])
    return first + [name for name in sorted(wire_names) if name not in first]


def is_flow(definition, wire_name):
    return wire_name in FLOW_LISTS.get(definition, [])
