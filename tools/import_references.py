"""The objects that imported objects refer to by name, and those the input does not define.

The whole-stack rules check that each ConfigMap, Secret, claim, ServiceAccount, Service,
role or autoscaler target an object of the model names is in the stack
(include/kubestack/model_references.hpp). Real repositories refer to Secrets that a
generator or another team makes, and to built-in ClusterRoles: the importer declares each
reference that the input does not define with the kind's builder, marked
createdElsewhere(), and passes it to the object's refersTo(), with a comment.

This reads the references as the C++ walk does: the same fields, "default" ServiceAccounts
and optional ConfigMaps or Secrets left out, none in a PodTemplate object, and an object
without a namespace in "default".
"""

from import_pods import DEFAULT_NAMESPACE, pods_namespace
from import_workloads import builder_takes_name
from import_yaml import InputError

CORE = "io.k8s.api.core.v1."


def name_field(kind, field="name"):
    """A reference by one field that names an object of `kind`, unless marked optional."""
    def read(value):
        if value.get(field) and not value.get("optional"):
            yield kind, value[field], None
    return read


def service_account(value):
    if value.get("serviceAccountName") not in (None, "", "default"):
        yield "ServiceAccount", value["serviceAccountName"], None


def stateful_set_service(value):
    if value.get("serviceName"):
        yield "Service", value["serviceName"], None


def autoscaler_target(value):
    target = value.get("scaleTargetRef") or {}
    if target.get("kind") and target.get("name"):
        yield target["kind"], target["name"], None


def role(value):
    yield value["kind"], value["name"], None


def subject(value):
    if value.get("kind") == "ServiceAccount" and value.get("name") != "default":
        yield "ServiceAccount", value["name"], value.get("namespace")


def bound_volume(value):
    if value.get("volumeName"):
        yield "PersistentVolume", value["volumeName"], None


# What each type of the model names; the third item of a reference is its own namespace
# (a subject's), if it says one.
READERS = {
    CORE + "PodSpec": service_account,
    CORE + "ConfigMapVolumeSource": name_field("ConfigMap"),
    CORE + "ConfigMapProjection": name_field("ConfigMap"),
    CORE + "ConfigMapEnvSource": name_field("ConfigMap"),
    CORE + "ConfigMapKeySelector": name_field("ConfigMap"),
    CORE + "SecretProjection": name_field("Secret"),
    CORE + "SecretEnvSource": name_field("Secret"),
    CORE + "SecretKeySelector": name_field("Secret"),
    CORE + "SecretVolumeSource": name_field("Secret", "secretName"),
    CORE + "PersistentVolumeClaimVolumeSource": name_field("PersistentVolumeClaim", "claimName"),
    CORE + "PersistentVolumeClaimSpec": bound_volume,
    "io.k8s.api.networking.v1.IngressServiceBackend": name_field("Service"),
    "io.k8s.api.networking.v1.IngressTLS": name_field("Secret", "secretName"),
    "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec": autoscaler_target,
    "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec": autoscaler_target,
    "io.k8s.api.apps.v1.StatefulSetSpec": stateful_set_service,
    "io.k8s.api.rbac.v1.RoleRef": role,
    "io.k8s.api.rbac.v1.Subject": subject,
}


def own_namespace(model, imported):
    """The namespace the rules see an object in: its own, "default" when it names none, and
    "default" for a cluster-scoped object whatever its metadata says (object.hpp,
    stack_rules.hpp's pods_namespace)."""
    return pods_namespace(imported) if model.namespaced(imported) else "default"


def references_of(model, imported):
    """(kind, name, namespace) of each object that an object names; the namespace is empty
    for a cluster-scoped kind."""
    if imported.api_version == "v1" and imported.kind == "PodTemplate":
        return
    for definition, value in model.structs_in(imported.definition, imported.fields):
        for kind, name, ns in READERS.get(definition, lambda _: ())(value):
            if name:  # an empty name names nothing ("" ServiceAccount: the default one)
                placed = "" if model.cluster_scoped(kind) else ns or own_namespace(model, imported)
                yield kind, name, placed


def referring_elsewhere(model, objects, factories, limit):
    """({id(): [(kind, name, namespace or None)]}, [(object, kind, name)]): for each object
    that names objects the input does not define, those objects, with the namespace they
    must be declared in unless it is "default", where a builder places them (most often
    the object's own, so that a builder that states the object names them); and the
    references that cannot be declared because no builder makes their kind (an
    autoscaler's ReplicaSet) or takes their name (a Deployment "web.v2"), which the first
    build reports. More declarations than one object may hold are refused."""
    # A cluster-scoped object has no namespace, whatever its metadata says.
    defined = {(o.kind, pods_namespace(o) if model.namespaced(o) else "", o.name)
               for o in objects}
    elsewhere, undeclarable = {}, []
    for imported in objects:
        missing = []
        own = own_namespace(model, imported)
        for kind, name, ns in references_of(model, imported):
            declared = (kind, name, None if ns in ("", DEFAULT_NAMESPACE) else ns)
            if (kind, ns, name) in defined or declared in missing:
                continue
            if kind not in factories or not builder_takes_name(kind, name):
                undeclarable.append((imported, kind, name))
                continue
            missing.append(declared)
        if len(missing) > limit:
            raise InputError(f"{imported.document.where()}: {imported.kind} "
                             f"\"{imported.name}\" refers to {len(missing)} objects that the "
                             f"input does not define, more than the {limit} that one object "
                             "may declare (include/kubestack/limits.hpp): add some of them "
                             "to the input")
        if missing:
            elsewhere[id(imported)] = missing
    return elsewhere, undeclarable
