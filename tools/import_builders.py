"""The imported objects that a builder states exactly, and the setters that state them:

    constexpr auto shop_settings_configmap =
        kubestack::configMap("shop-settings").inNamespace(shop_namespace).data("mode", "live");
    constexpr auto shop_readers_rolebinding =
        kubestack::roleBinding("readers").role(reader_role).subject(shop_serviceaccount);

A builder reads better than the typed model and compiles faster. It also names the objects
it refers to, by their constants, where the typed model spells out their names. It becomes
the same model object that the typed form states (dsl/emitter/to_model), so the output is
the same when each field of the input is one that the builder sets, and fits the builder's
capacities (include/kubestack/limits.hpp). Any other object stays in the typed model.
Workloads are stated by import_workloads.py, autoscalers and budgets by import_scaling.py,
network policies by import_network.py; the setter calls are import_calls.py's, which
import_cpp.py writes, with the typed model.
"""
import base64
import re

from import_calls import Call, Chain, Code, Designated, Member, OWN_NAMESPACE, Ref
from import_headers import enum_values, read_header
from import_model import ascii_lower, given, listed
from import_network import NetworkStatements
from import_pods import pods_of, targets_exposed
from import_scaling import ScalingStatements
from import_workloads import (DNS_SUBDOMAIN, LABEL_KEY, WORKLOAD_SPEC, WorkloadStatements,
                              absolute_path, annotation_keys_taken, builder_takes_name,
                              labels_taken, text)

RBAC = "rbac.authorization.k8s.io"

# The metadata that every builder sets: Resource<Self> in include/kubestack/metadata.hpp.
METADATA = {"name", "namespace", "labels", "annotations"}


class Builder:
    """What one kind's builder sets besides metadata, as its to_model() writes it:

    - entries: each data field, with the setter that its entries go through (only one of
      them may be given);
    - base64: those of the entries fields whose values are base64, stated decoded;
    - fixed: the fields it always writes, with their value;
    - always: the fields it writes even when it holds nothing, which the input must set;
    - rule_fields: for a role, the fields of a rule (always: those written even empty);
    - grants: for a binding, the kinds of role it may grant;
    - spec: the Statements method that states its spec, which it always writes;
    - stage: when it is stated, after the objects of the stages before, to which it may
      refer: a claim to its volume (stage 1), a binding to roles and accounts (2), a
      workload to its configuration, account and claims (2), a Service or a network
      policy to a workload (3), an Ingress to a Service and a StatefulSet to its
      governing Service (4), an autoscaler or a disruption budget to any workload (5);
    - labels_pods: whether its labels also label its pods, so that its spec states them;
    - top: for a kind without a spec, the fields that the spec method states instead."""

    def __init__(self, entries=None, base64=(), fixed=None, always=(), rule_fields=None,
                 rule_always=(), grants=(), spec=None, stage=0, labels_pods=False, top=()):
        self.entries, self.base64 = entries or {}, set(base64)
        self.fixed = fixed or {}
        self.always = set(always)
        self.rule_fields = rule_fields
        self.rule_always = set(rule_always)
        self.grants = set(grants)
        self.spec, self.stage, self.labels_pods = spec, stage, labels_pods
        self.top = set(top)
        if spec and not top:
            self.always.add("spec")

    def states(self):
        fields = set(self.entries) | set(self.fixed) | self.always | self.top
        if self.rule_fields is not None:
            fields.add("rules")
        if self.grants:
            fields |= {"roleRef", "subjects"}
        return fields


RULE = ("apiGroups", "resources", "verbs")
BUILDERS = {
    ("v1", "Namespace"): Builder(),
    ("v1", "ServiceAccount"): Builder(),
    ("v1", "ConfigMap"): Builder(entries={"data": "data"}),
    # Secret's builder writes its data as stringData, and says type: Opaque. Base64 data of
    # text is stated as that text: the API server stores stringData as data.
    ("v1", "Secret"): Builder(entries={"stringData": "data", "data": "data"}, base64=("data",),
                              fixed={"type": "Opaque"}),
    (f"{RBAC}/v1", "ClusterRole"): Builder(always=("rules",), rule_fields=RULE,
                                           rule_always=RULE),
    (f"{RBAC}/v1", "Role"): Builder(rule_fields=RULE, rule_always=("verbs",)),
    (f"{RBAC}/v1", "ClusterRoleBinding"): Builder(always=("subjects",),
                                                  grants=("ClusterRole",), stage=2),
    (f"{RBAC}/v1", "RoleBinding"): Builder(grants=("Role", "ClusterRole"), stage=2),
    ("apps/v1", "Deployment"): Builder(spec="workload_spec", stage=2, labels_pods=True),
    ("apps/v1", "DaemonSet"): Builder(spec="workload_spec", stage=2, labels_pods=True),
    ("batch/v1", "Job"): Builder(spec="workload_spec", stage=2, labels_pods=True),
    ("batch/v1", "CronJob"): Builder(spec="workload_spec", stage=2, labels_pods=True),
    # After the Services: its governing one must be a builder's.
    ("apps/v1", "StatefulSet"): Builder(spec="workload_spec", stage=4, labels_pods=True),
    ("v1", "Service"): Builder(spec="service_spec", stage=3),
    ("networking.k8s.io/v1", "NetworkPolicy"): Builder(spec="policy_spec", stage=3),
    ("networking.k8s.io/v1", "Ingress"): Builder(spec="ingress_spec", stage=4),
    # After every workload, which they name.
    ("autoscaling/v2", "HorizontalPodAutoscaler"): Builder(spec="autoscaler_spec", stage=5),
    ("policy/v1", "PodDisruptionBudget"): Builder(spec="budget_spec", stage=5),
    ("v1", "PersistentVolume"): Builder(spec="volume_spec"),
    # After the volumes, to which it may be bound.
    ("v1", "PersistentVolumeClaim"): Builder(spec="claim_spec", stage=1),
    ("storage.k8s.io/v1", "StorageClass"): Builder(
        spec="storage_class_fields", top=("provisioner", "parameters", "reclaimPolicy",
                                          "volumeBindingMode", "allowVolumeExpansion",
                                          "mountOptions")),
}

# What a PersistentVolume's builder always writes, besides its storageClassName.
VOLUME_SPEC = {"capacity", "accessModes", "persistentVolumeReclaimPolicy", "hostPath"}
# What a Service's builder writes of a port (dsl/emitter/to_model/service.cpp).
SERVICE_PORT = {"name", "port", "targetPort", "protocol", "nodePort"}
# What an Ingress's builder writes of a route: one rule per route, of one path
# (dsl/emitter/to_model/ingress.cpp).
INGRESS_PATH_TYPE = "Prefix"

VERBS = re.compile(r"known_verbs\[\] = \{(.*?)\};", re.S)
NODE_PORTS = re.compile(r"inline constexpr int (first|last)_node_port = (\d+);")
BYTE_SUFFIXES = re.compile(r"byte_suffixes\[\] = \{(.*?)\};", re.S)
SECCOMP_SINCE = re.compile(r"seccomp_profile_since\{(\d+), (\d+)\};")
TIME_ZONE_SINCE = re.compile(r"cron_job_time_zone_since\{(\d+), (\d+)\};")
CRON_JOB_NAME_LIMIT = re.compile(r"cron_job_name_limit = (\d+);")
FIELD_PATHS = re.compile(r"fields\[\] = \{(.*?)\};", re.S)


class Vocabulary:
    """The words that builders take, as the DSL's headers list them: a role's verbs
    (rbac.hpp), the protocols of a port and the node port range (ports.hpp), the types of
    a Service (service.hpp), the access modes of a claim and the reclaim policies
    (storage.hpp), the binding modes of a StorageClass (storage_class.hpp), the suffixes of
    a size (quantity.hpp), the pull policies of an image (container.hpp), the pod
    fields of an env value (env.hpp), and the first versions that serve a seccompProfile
    (security.hpp) and honour a CronJob's timeZone, with the longest name of a CronJob
    (cron_job.hpp). OSError or ValueError when a header lacks one."""

    def __init__(self, model_index):
        path, text = read_header(model_index, "rbac.hpp")
        found = VERBS.search(text)
        if found is None:
            raise ValueError(f"{path}: known_verbs was not found")
        self.verbs = set(re.findall(r'"([^"]*)"', found[1]))
        path, text = read_header(model_index, "ports.hpp")
        ends = dict(NODE_PORTS.findall(text))
        if set(ends) != {"first", "last"}:
            raise ValueError(f"{path}: first_node_port and last_node_port were not found")
        self.node_ports = range(int(ends["first"]), int(ends["last"]) + 1)
        self.protocols = set(enum_values(model_index, "ports.hpp", "Protocol"))
        self.service_types = set(enum_values(model_index, "service.hpp", "ServiceType"))
        self.access_modes = set(enum_values(model_index, "storage.hpp", "AccessMode"))
        self.reclaim_policies = set(enum_values(model_index, "storage.hpp", "ReclaimPolicy"))
        self.binding_modes = set(enum_values(model_index, "storage_class.hpp",
                                             "VolumeBindingMode"))
        self.pull_policies = set(enum_values(model_index, "container.hpp", "ImagePullPolicy"))
        path, text = read_header(model_index, "security.hpp")
        found = SECCOMP_SINCE.search(text)
        if found is None:
            raise ValueError(f"{path}: seccomp_profile_since was not found")
        self.seccomp_since = (int(found[1]), int(found[2]))
        path, text = read_header(model_index, "cron_job.hpp")
        found = TIME_ZONE_SINCE.search(text)
        if found is None:
            raise ValueError(f"{path}: cron_job_time_zone_since was not found")
        self.time_zone_since = (int(found[1]), int(found[2]))
        found = CRON_JOB_NAME_LIMIT.search(text)
        if found is None:
            raise ValueError(f"{path}: cron_job_name_limit was not found")
        self.cron_job_name_limit = int(found[1])
        path, text = read_header(model_index, "env.hpp")
        found = FIELD_PATHS.search(text)
        self.field_paths = set(re.findall(r'"([^"]*)"', found[1])) if found else set()
        if "metadata.name" not in self.field_paths:
            raise ValueError(f"{path}: the pod fields of is_pod_field_path were not found")
        path, text = read_header(model_index, "quantity.hpp")
        found = BYTE_SUFFIXES.search(text)
        if found is None:
            raise ValueError(f"{path}: byte_suffixes was not found")
        listed = re.findall(r'\{\s*"(\w*)",', found[1])
        if "" not in listed or "Gi" not in listed:
            raise ValueError(f"{path}: byte_suffixes was not read whole")
        suffixes = "|".join(re.escape(suffix) for suffix in listed)
        # Digits and a suffix of the builder's: a size that both Bytes and Kubernetes take
        # (a fraction or an exponent stays in the typed model).
        self.size = re.compile(f"[1-9][0-9]*(?:{suffixes})")


def decoded_text(value):
    """The UTF-8 text, without NUL, that a base64 value encodes, or None: None too when the
    text would not encode back to the same value, as the API server would store it."""
    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (ValueError, TypeError):
        return None
    if "\0" in text or base64.b64encode(text.encode("utf-8")).decode("ascii") != value:
        return None
    return text


def builder_host(host):
    """Whether an Ingress host that Kubernetes accepted is one that the builder's Host
    takes too (ingress.hpp's is_ingress_host): not empty, which a rule may be, and not
    all digits and dots after a leading "*.", which Kubernetes allows when it does not
    parse as an IP."""
    name = host.removeprefix("*.")
    return bool(name) and not set(name) <= set("0123456789.")


def service_ports(ports):
    """A Service's ports as service(workload) would make them: (name, port, targetPort,
    protocol), each None where absent; node ports aside."""
    return [(p.get("name"), p.get("port"), p.get("targetPort"), p.get("protocol", "TCP"))
            for p in map(given, ports)]


def workload_ports(workload):
    """The ports that service(workload) gives a Service (service.hpp): one per port of
    each container, in order, targeting the container port by its name, if it has one.
    (A builder's init containers have none.)"""
    pod = given(given(given(workload.fields)["spec"])["template"])["spec"]
    return [(p.get("name"), p["containerPort"], p.get("name"), p.get("protocol", "TCP"))
            for c in pod.get("containers") or [] for p in map(given, given(c).get("ports") or [])]


def builder_of(imported):
    return BUILDERS.get((imported.api_version, imported.kind))


class Statements(WorkloadStatements, ScalingStatements, NetworkStatements):
    """Which objects builders state, and the setter calls of each (import_calls.py):
    {id(): [Call]}. An object whose factory takes other arguments than its name, as
    service(workload) or storageClass(name, provisioner), has them in factory_of:
    {id(): [argument]}."""

    def __init__(self, model, objects, limits, words, declared, selecting_elsewhere=frozenset(),
                 target=None):
        """words: a Vocabulary; declared: {id(): [(kind, name, namespace or None)]}, the
        declarations of each object (import_references.py); selecting_elsewhere: the ids of
        the objects that select pods the input does not make (import_pods.py); target: the
        stack's (major, minor), or None for the model's version."""
        self.model, self.limits, self.words = model, limits, words
        self.seccomp_served = target is None or target >= words.seccomp_since
        self.time_zone_served = target is None or target >= words.time_zone_since
        self.objects, self.declared = objects, declared
        self.pods = pods_of(model, objects)
        self.named = {}  # (kind, name): the objects, for stated()'s lookups
        for o in objects:
            self.named.setdefault((o.kind, o.name), []).append(o)
        self.selecting_elsewhere = selecting_elsewhere
        self.setters, self.factory_of = {}, {}
        # A builder places an object that names no namespace in "default": one that names
        # it would then be the same object.
        placed = [self.placed(o) for o in objects]
        self.alike = {key for key in placed if placed.count(key) > 1}
        for stage in range(1 + max(builder.stage for builder in BUILDERS.values())):
            for imported in objects:
                builder = builder_of(imported)
                if not builder or builder.stage != stage:
                    continue
                if builder.grants:
                    setters = self.binding(imported, declared.get(id(imported), []))
                else:
                    setters = self.plain(imported)
                if setters is not None:
                    self.setters[id(imported)] = setters

    def placed(self, imported):
        """Where a builder places the object: (kind, namespace, name)."""
        scoped = not self.model.namespaced(imported)
        return imported.kind, "" if scoped else imported.namespace or "default", imported.name

    def metadata(self, imported, builder):
        """The setters of the object's metadata, or None when a builder cannot state it."""
        fields = given(imported.fields)
        metadata = given(fields.get("metadata"))
        if not metadata.get("name") or not set(metadata) <= METADATA:
            return None
        if self.placed(imported) in self.alike or metadata.get("namespace") == "":
            return None
        # The checked texts of builders (names, keys, label values) take no NUL, which no
        # valid object has, and a Name no subdomain part longer than 63 characters, which
        # Kubernetes allows.
        if not builder_takes_name(imported.kind, metadata["name"]):
            return None
        if not labels_taken(metadata.get("labels") or []) or not annotation_keys_taken(
                key for key, _ in metadata.get("annotations") or []):
            return None
        texts = [metadata.get("namespace", "")]
        texts += [key for field in builder.entries for key, _ in fields.get(field) or []]
        if any("\0" in text for text in texts):
            return None
        if "namespace" in metadata and not self.model.namespaced(imported):
            return None  # Kubernetes ignores it, but the output would lose it
        if not set(fields) - {"metadata"} <= builder.states():
            return None
        for field, value in builder.fixed.items():
            if fields.get(field) != value:
                return None
        if any(not fields.get(field) for field in builder.always):
            return None
        labels, annotations = metadata.get("labels"), metadata.get("annotations")
        # An empty map or list is written by the typed model, and left out by a builder.
        if any(value is not None and not isinstance(value, (bool, int)) and not value
               for value in [labels, annotations] + list(fields.values())):
            return None
        # Annotations are KeyValues<>, of the labels' capacity.
        if max(len(labels or []), len(annotations or [])) > self.limits["labels"]:
            return None
        return ([Call("label", key, value) for key, value in labels or []] +
                [Call("annotation", key, value) for key, value in annotations or []])

    def plain(self, imported):
        builder = builder_of(imported)
        setters = self.metadata(imported, builder)
        if setters is None:
            return None
        if builder.labels_pods:  # its spec states them, with its pods' labels
            setters = [call for call in setters if call.method != "label"]
        fields = given(imported.fields)
        if len(set(builder.entries) & set(fields)) > 1:
            return None
        for field, setter in builder.entries.items():
            entries = fields.get(field) or []
            if len(entries) > self.limits["config_entries"]:
                return None
            if field in builder.base64:
                entries = [(key, decoded_text(value)) for key, value in entries]
                if any(value is None for _, value in entries):
                    return None
            setters += [Call(setter, key, value) for key, value in entries]
        if builder.rule_fields is not None:
            rules = self.rules(fields.get("rules") or [], builder)
            if rules is None:
                return None
            setters += rules
        if builder.spec:
            spec = getattr(self, builder.spec)(imported,
                                               fields if builder.top else given(fields["spec"]))
            if spec is None:
                return None
            setters += spec
        return setters

    def service_spec(self, imported, spec):
        """The setters of a Service's type, selector and ports, or None. The builder writes
        `type` and each port's `protocol` even where the input leaves them to their
        default."""
        if not set(spec) <= {"type", "clusterIP", "selector", "ports"}:
            return None
        kind = spec.get("type", "ClusterIP")
        selector, ports = spec.get("selector"), spec.get("ports")
        if kind not in self.words.service_types or spec.get("clusterIP", "None") != "None":
            return None
        if not selector or len(selector) > self.limits["labels"]:
            return None
        if not ports or len(ports) > self.limits["ports"]:
            return None
        if not labels_taken(selector):
            return None
        setters, node_ports = [], []
        if kind != "ClusterIP":
            setters.append(Call("type", Code(f"kubestack::ServiceType::{kind}")))
        if "clusterIP" in spec:
            setters.append(Call("headless"))
        elsewhere = id(imported) in self.selecting_elsewhere
        if not elsewhere and not targets_exposed(self.pods, imported):
            return None
        workload = None if elsewhere else self.selected_workload(imported, selector)
        ported = []
        for port in ports:
            port = given(port)
            if not set(port) <= SERVICE_PORT or type(port.get("port")) is not int:
                return None
            name, target = port.get("name"), port.get("targetPort")
            if name is not None and (type(name) is not str or not name or "\0" in name):
                return None
            # 0 and "" stand for the port's own number (SetDefaults_Service), which a
            # builder's target cannot say: it would leave them out.
            if target is not None and (type(target) not in (int, str) or not target):
                return None
            if port.get("protocol", "TCP") not in self.words.protocols:
                return None
            arguments = [name] if name is not None else []
            arguments.append(port["port"])
            if target is not None:
                arguments.append(target)
            if port.get("protocol", "TCP") != "TCP":
                arguments.append(Code(f"kubestack::Protocol::{port['protocol']}"))
            ported.append(Call("port", *arguments))
            if "nodePort" in port:
                # nodePort(name, n) finds the port by its name, and takes the default range.
                if name is None or type(port["nodePort"]) is not int:
                    return None
                if port["nodePort"] not in self.words.node_ports or kind == "ClusterIP":
                    return None
                node_ports.append(Call("nodePort", name, port["nodePort"]))
        if workload is not None and imported.name == workload.name and (
                service_ports(ports) == workload_ports(workload)):
            self.factory_of[id(imported)] = [Ref(workload)]  # service(workload) makes it
            return setters + node_ports
        return setters + self.pods_selected(imported, selector) + ported + node_ports

    def pods_selected(self, imported, selector):
        """The calls that give a Service or a budget its selector [(key, value)]: the pods
        of a workload that a builder states, by its constant, those created elsewhere, or
        the selector's terms."""
        if id(imported) in self.selecting_elsewhere:
            (key, value), *more = selector
            return [Call("selects", Chain("kubestack::podsCreatedElsewhere", [key, value],
                                          [Call("label", k, v) for k, v in more] +
                                          [Call("inNamespace", OWN_NAMESPACE)]))]
        workload = self.selected_workload(imported, selector)
        if workload is not None:
            return [Call("selects", Ref(workload))]
        return [Call("selector", key, value) for key, value in selector]

    def selected_workload(self, selecting, selector):
        """The workload that a builder states whose selector is the selecting object's, or
        None. It names that object's namespace, or names none as the object does:
        selects() places the object beside it, and would drop a "default" that only the
        object names. A Job is none: the API server makes its selector."""
        for o in self.objects:
            if o.kind not in WORKLOAD_SPEC or o.kind == "Job" or id(o) not in self.setters:
                continue
            if o.namespace == selecting.namespace:
                spec = given(given(o.fields)["spec"])
                terms = given(spec["selector"])["matchLabels"]
                if dict(terms) == dict(selector) and len(terms) == len(selector):
                    return o
        return None

    def storage_class_fields(self, imported, fields):
        """The calls of a StorageClass's parameters and settings, or None; its provisioner
        is its factory's argument: storageClass("fast", "example.com/ssd")."""
        provisioner, parameters = fields.get("provisioner"), fields.get("parameters")
        options = fields.get("mountOptions")
        # is_provisioner (storage_class.hpp): a label key's form, in any letter case.
        if type(provisioner) is not str or not text(ascii_lower(provisioner), LABEL_KEY):
            return None
        if not listed(parameters, self.limits["class_parameters"]):
            return None
        if not listed(options, self.limits["mount_options"]):
            return None
        if any(not key or "\0" in key + value for key, value in parameters or []):
            return None
        calls = [Call("parameter", key, value) for key, value in parameters or []]
        for field, words in (("reclaimPolicy", self.words.reclaim_policies),
                             ("volumeBindingMode", self.words.binding_modes)):
            if field in fields:
                if fields[field] not in words:
                    return None
                enum = "ReclaimPolicy" if field == "reclaimPolicy" else "VolumeBindingMode"
                calls.append(Call(field, Code(f"kubestack::{enum}::{fields[field]}")))
        if "allowVolumeExpansion" in fields:
            calls.append(Call("allowVolumeExpansion", fields["allowVolumeExpansion"]))
        if not all(type(option) is str and "\0" not in option for option in options or []):
            return None
        calls += [Call("mountOption", option) for option in options or []]
        self.factory_of[id(imported)] = [imported.name, provisioner]
        return calls

    def volume_spec(self, imported, spec):
        """The setters of a PersistentVolume's capacity, access modes, class, reclaim policy
        and host path, or None. Its builder always writes the reclaim policy, and the host
        path's type DirectoryOrCreate (dsl/emitter/to_model/storage.cpp)."""
        if not VOLUME_SPEC <= set(spec) <= VOLUME_SPEC | {"storageClassName"}:
            return None
        terms = self.storage_terms(spec.get("accessModes"), spec.get("storageClassName"),
                                   spec.get("capacity"))
        host_path = given(spec["hostPath"])
        if terms is None or set(host_path) != {"path", "type"}:
            return None
        if host_path["type"] != "DirectoryOrCreate" or not absolute_path(host_path["path"]):
            return None
        if spec["persistentVolumeReclaimPolicy"] not in self.words.reclaim_policies:
            return None
        modes, storage_class, size = terms
        if not modes or size is None:
            return None  # the rules that ask for them report the typed object
        return ([Call("capacity", size)] + modes +
                ([Call("storageClass", storage_class)] if storage_class else []) +
                [Call("reclaimPolicy", Code("kubestack::ReclaimPolicy::"
                                            + spec["persistentVolumeReclaimPolicy"])),
                 Call("hostPath", host_path["path"])])

    def storage_terms(self, modes, storage_class, sizes):
        """(access mode calls, class or None, size or None) of what a volume offers or a
        claim asks for, or None where the builder would not take them. sizes: the capacity
        or requests, [("storage", size)]."""
        if not listed(modes, self.limits["access_modes"]):
            return None
        if any(mode not in self.words.access_modes for mode in modes or []):
            return None
        if sizes is not None and [key for key, _ in sizes] != ["storage"]:
            return None
        size = dict(sizes or []).get("storage")
        if size is not None and not self.words.size.fullmatch(str(size)):
            return None
        # "": no class, which the builder cannot say. Otherwise a Name (names.hpp), which a
        # claim template's need not have been before 1.34.
        if storage_class is not None and not text(storage_class, DNS_SUBDOMAIN):
            return None
        return ([Call("accessMode", Code(f"kubestack::AccessMode::{mode}"))
                 for mode in modes or []], storage_class,
                None if size is None else str(size))

    def claim_spec(self, imported, spec):
        """The setters of a claim's access modes, storage class and size, or None. A claim
        bound to a volume that a builder states with the same terms is boundTo() it; one
        bound to a volume created elsewhere is boundTo() it, then given its terms
        (imported: None for a StatefulSet's claim template)."""
        if not set(spec) <= {"accessModes", "storageClassName", "resources", "volumeName"}:
            return None
        resources = given(spec.get("resources"))
        if "resources" in spec and set(resources) != {"requests"}:
            return None
        requests = resources.get("requests")
        if "resources" in spec and not requests:
            return None
        terms = self.storage_terms(spec.get("accessModes"), spec.get("storageClassName"),
                                   requests)
        if terms is None:
            return None
        modes, storage_class, size = terms
        setters = []
        if "volumeName" in spec:
            if imported is None:
                return None
            volume = self.stated(self.declared.get(id(imported), []), "PersistentVolume",
                                 spec["volumeName"], "")
            if volume is None:
                return None
            setters.append(Call("boundTo", Ref(volume)))
            if not isinstance(volume, tuple):  # a builder's, not a declaration: its terms
                offered = given(volume.fields["spec"])
                if ([str(m) for m in offered["accessModes"]] != spec.get("accessModes") or
                        offered.get("storageClassName") != storage_class or
                        str(dict(offered["capacity"])["storage"]) != size):
                    return None
                return setters
        setters += modes
        if storage_class is not None:
            setters.append(Call("storageClass", storage_class))
        if size is not None:
            setters.append(Call("request", size))
        return setters

    def ingress_spec(self, imported, spec):
        """The setters of an Ingress's class, TLS and routes, or None. Each route is a
        rule of one host and one Prefix path to a port, by number, of a Service that a
        builder states in the Ingress's namespace; each TLS Secret is one that a builder
        states or one declared created elsewhere."""
        if not set(spec) <= {"ingressClassName", "tls", "rules"}:
            return None
        rules, tls = spec.get("rules"), spec.get("tls")
        if not rules or len(rules) > self.limits["routes"]:
            return None
        if not listed(tls, self.limits["tls_entries"]):
            return None
        setters = []
        if "ingressClassName" in spec:
            setters.append(Call("className", spec["ingressClassName"]))
        declared = self.declared.get(id(imported), [])
        for entry in tls or []:
            entry = given(entry)
            hosts = entry.get("hosts")
            if not set(entry) <= {"secretName", "hosts"} or not entry.get("secretName"):
                return None
            if not listed(hosts, self.limits["tls_hosts"]):
                return None
            if not all(builder_host(host) for host in hosts or []):
                return None
            # The Secret of a TLS entry is in the Ingress's namespace, as a declaration that
            # names no namespace is.
            secret = self.stated([], "Secret", entry["secretName"],
                                 imported.namespace or "default")
            secret = secret or next((d for d in declared
                                     if d[:2] == ("Secret", entry["secretName"])), None)
            if secret is None:
                return None
            setters.append(Call("tls", Ref(secret), list(hosts or [])))
        for rule in rules:
            route = self.route(imported, given(rule))
            if route is None:
                return None
            setters.append(route)
        return setters

    def route(self, imported, rule):
        """The route() call of an Ingress rule, or None."""
        if set(rule) != {"host", "http"} or set(given(rule["http"])) != {"paths"}:
            return None
        paths = given(rule["http"])["paths"] or []
        if len(paths) != 1:
            return None
        path = given(paths[0])
        if set(path) != {"path", "pathType", "backend"} or path["pathType"] != INGRESS_PATH_TYPE:
            return None
        # An HttpPath: from "/", without a space or a control character (http.hpp).
        text = path["path"]
        if not text.startswith("/") or any(c == " " or ord(c) < 0x20 or c == "\x7f"
                                           for c in text):
            return None
        if not builder_host(rule["host"]):
            return None
        backend = given(path["backend"])
        target = given(backend.get("service"))
        if set(backend) != {"service"} or set(target) != {"name", "port"}:
            return None
        port = given(target["port"])
        if set(port) != {"number"}:
            return None
        service = self.stated([], "Service", target["name"],
                              imported.namespace or "default")
        if service is None:
            return None
        # route(host, path, service) takes the Service's first port, and a name the others.
        ports = [given(p) for p in given(service.fields["spec"])["ports"]]
        numbers = [p.get("port") for p in ports]
        if port["number"] not in numbers:
            return None
        first = numbers.index(port["number"])
        name = None if first == 0 else ports[first].get("name")
        if first != 0 and name is None:
            return None
        return Call("route", rule["host"], path["path"], Ref(service),
                    *([name] if name is not None else []))

    def rules(self, rules, builder):
        """The rule() call of each rule, or None."""
        items = self.limits["policy_items"]
        if len(rules) > self.limits["policy_rules"]:
            return None
        stated = []
        for rule in rules:
            rule = given(rule)
            if not set(rule) <= set(builder.rule_fields):
                return None
            if any(not rule.get(field) for field in builder.rule_always):
                return None
            lists = [rule.get(field) or [] for field in builder.rule_fields]
            if any(field in rule and not rule[field] for field in builder.rule_fields):
                return None
            if any(len(texts) > items for texts in lists):
                return None
            if not set(rule["verbs"]) <= self.words.verbs:
                return None
            stated.append(Call("rule", Designated([(field, texts) for field, texts
                                                   in zip(builder.rule_fields, lists)
                                                   if texts])))
        return stated

    def binding(self, imported, declared):
        builder = builder_of(imported)
        setters = self.metadata(imported, builder)
        if setters is None:
            return None
        fields = given(imported.fields)
        role_ref, subjects = given(fields.get("roleRef")), fields.get("subjects") or []
        if set(role_ref) != {"apiGroup", "kind", "name"} or role_ref["apiGroup"] != RBAC:
            return None
        if role_ref["kind"] not in builder.grants or len(subjects) > self.limits["subjects"]:
            return None
        # A Role is in the binding's namespace, as it is placed there.
        ns = imported.namespace if role_ref["kind"] == "Role" else ""
        role = self.stated(declared, role_ref["kind"], role_ref["name"], ns)
        if role is None:
            return None
        setters.append(Call("role", Ref(role)))
        for subject in subjects:
            subject = given(subject)
            if set(subject) != {"kind", "name", "namespace"} or subject["kind"] != "ServiceAccount":
                return None
            if not subject["namespace"] or "\0" in subject["name"]:
                return None
            account = self.stated(declared, "ServiceAccount", subject["name"],
                                  subject["namespace"])
            if account is None:
                return None
            setters.append(Call("subject", Ref(account)))
        return setters

    def stated(self, declared, kind, name, ns):
        """The object that a builder states, or that is declared created elsewhere, of the
        kind and name, or None. A Role must be placed as the binding is, ns; an object of
        another namespaced kind (a ServiceAccount, a Secret, a Service), in namespace ns
        (a builder's object that names none is in "default")."""
        for o in self.named.get((kind, name), []):
            if id(o) in self.setters:
                if self.model.cluster_scoped(kind) or (kind == "Role" and o.namespace == ns) or (
                        kind != "Role" and (o.namespace or "default") == ns):
                    return o
        for declaration in declared:
            if declaration[:2] == (kind, name):
                if self.model.cluster_scoped(kind) or (kind != "Role" and
                                             (declaration[2] or "default") == ns):
                    return declaration
        return None
