"""How a workload's builder states an imported Deployment, DaemonSet, StatefulSet, Job or
CronJob:

    constexpr auto vote_deployment =
        kubestack::deployment("vote").inNamespace(vote_namespace).replicas(2)
            .image("dockersamples/examplevotingapp_vote").port("vote", 80)
            .env("DB", db_settings_configmap.key("DB")).serviceAccount(vote_serviceaccount)
            .mount(data_claim, "/data");

The workload's builder writes what dsl/emitter/to_model/workload.cpp and pod_template.cpp
say; this states an object only where that is the input, field for field, and where the
builder's checked texts take each value. It names the ConfigMaps, Secrets, claims and
service account that the pods use by their constants, so that the whole-stack rules check
them. Probes, security contexts, affinity and the other fields that it does not state
keep the object in the typed model.
"""
import re

from import_calls import Call, Chain, Code, Designated, Member, Ref
from import_cron import cron_settings
from import_model import INT32_MAX, ascii_lower, given, listed
from import_pods import term_matches

WORKLOAD_SPEC = {"Deployment": {"replicas", "selector", "template", "strategy"},
                 "DaemonSet": {"selector", "template"},
                 "StatefulSet": {"replicas", "selector", "template", "serviceName",
                                 "podManagementPolicy", "updateStrategy",
                                 "volumeClaimTemplates"},
                 "Job": {"template", *{"completions", "parallelism", "backoffLimit",
                                       "activeDeadlineSeconds", "ttlSecondsAfterFinished"}}}
# A Job's counts and times (job.hpp): each 0 or more, but activeDeadlineSeconds, above 0.
JOB_SETTINGS = {"completions": 0, "parallelism": 0, "backoffLimit": 0,
                "activeDeadlineSeconds": 1, "ttlSecondsAfterFinished": 0}
# The kinds whose pods run to completion, with a Job's spec (job.hpp): a CronJob's is its
# job template's.
JOB_KINDS = {"Job", "CronJob"}
# The restart policies of each kind's pods, with the one its builder starts from: a Job's
# Never (job.hpp), any other's Always, which Kubernetes defaults to.
RESTART_POLICIES = {kind: ({"OnFailure", "Never"}, "Never") for kind in JOB_KINDS}
ALWAYS_RESTARTED = ({"Always"}, "Always")
POD_MANAGEMENT_POLICIES = {"OrderedReady", "Parallel"}  # stateful_set.hpp
UPDATE_STRATEGIES = {"RollingUpdate", "OnDelete"}
POD_SPEC = {"containers", "initContainers", "volumes", "serviceAccountName", "restartPolicy",
            "terminationGracePeriodSeconds", "automountServiceAccountToken", "hostNetwork",
            "hostPID", "hostIPC", "securityContext", "affinity"}
CONTAINER = {"name", "image", "imagePullPolicy", "command", "args", "ports", "env", "envFrom",
             "resources", "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe",
             "lifecycle", "securityContext"}
PROBES = ("livenessProbe", "readinessProbe", "startupProbe")
HOOKS = ("postStart", "preStop")
INIT_REFUSES = {"ports", "lifecycle", *PROBES}
# A probe's timings, and the least value that each takes (probes.hpp).
PROBE_TIMINGS = {"initialDelaySeconds": 0, "periodSeconds": 1, "timeoutSeconds": 1,
                 "successThreshold": 1, "failureThreshold": 1}
# What RunAs (security.hpp) sets on a pod's or a container's context, and what each adds.
RUN_AS = ("runAsUser", "runAsGroup", "runAsNonRoot", "seccompProfile")
POD_SECURITY = RUN_AS + ("fsGroup",)
CONTAINER_SECURITY = RUN_AS + ("allowPrivilegeEscalation", "privileged",
                               "readOnlyRootFilesystem", "capabilities")
# The security context of a pod and of a container: what its builder sets, the function
# that makes one, and the workload's or container's setter that takes it.
SECURITY = {"pod": (POD_SECURITY, "kubestack::podSecurity", "podSecurityContext"),
            "container": (CONTAINER_SECURITY, "kubestack::containerSecurity",
                          "securityContext")}
SECCOMP_PROFILES = {"RuntimeDefault", "Unconfined"}
HOSTNAME_TOPOLOGY_KEY = "kubernetes.io/hostname"  # hostname_topology_key (workload.hpp)
# What each resource setter writes: (limits or requests, cpu or memory).
RESOURCE_SETTERS = {("limits", "cpu"): "cpu", ("limits", "memory"): "memory",
                    ("requests", "cpu"): "cpuRequest", ("requests", "memory"): "memoryRequest"}

DNS_LABEL = re.compile(r"[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?")
# names.hpp's and labels.hpp's, for the texts of a claim template, which the API server
# did not validate before 1.34 (kubernetes/kubernetes#132211).
DNS_SUBDOMAIN = re.compile(rf"(?=.{{1,253}}$){DNS_LABEL.pattern}(?:\.{DNS_LABEL.pattern})*")
_NAME_PART = r"[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?"
LABEL_KEY = re.compile(rf"(?:{DNS_SUBDOMAIN.pattern}/)?{_NAME_PART}")
LABEL_VALUE = re.compile(rf"(?:{_NAME_PART})?")
# is_port_name (ports.hpp), as Kubernetes checks a container port's name.
PORT_NAME = re.compile(r"(?=.*[a-z])(?!.*--)[a-z0-9](?:[-a-z0-9]{0,13}[a-z0-9])?")
ENV_VAR_NAME = re.compile(r"[A-Za-z_.-][A-Za-z0-9_.-]*")  # is_env_var_name (env.hpp)
CONFIG_KEY = re.compile(r"[-._a-zA-Z0-9]{1,253}")  # is_config_key (config.hpp)
CPU = re.compile(r"(?:[0-9]*\.[0-9]+|[0-9]+\.?)|[0-9]+m")  # is_cpu_quantity (quantity.hpp)
PERCENTAGE = re.compile(r"[0-9]+%")  # is_percentage (workload.hpp)
CAPABILITY = re.compile(r"(?!CAP_)[A-Z][A-Z0-9_]*")  # is_capability (security.hpp)
HEADER_NAME = re.compile(r"[A-Za-z0-9-]+")  # is_http_header_name (http.hpp)
# A subset of is_image_reference (image_reference.hpp), which the API server does not
# check: an optional registry of lowercase names, lowercase path components, an optional
# tag and an optional digest. A reference outside it keeps the object typed.
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_REGISTRY = r"[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?"
IMAGE = re.compile(rf"(?:{_REGISTRY}/)?{_COMPONENT}(?:/{_COMPONENT})*"
                   r"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*"
                   r":[0-9a-fA-F]{32,})?")
REGISTRY = re.compile(_REGISTRY)


def text(value, pattern=None):
    """Whether a value is a text that the builder takes: no NUL, and the pattern's."""
    return (type(value) is str and "\0" not in value and
            (pattern is None or pattern.fullmatch(value) is not None))


# is_dns_1035_label (names.hpp): a DNS label that starts with a letter.
DNS_1035_LABEL = re.compile(r"[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?")
# The kinds whose builder takes a DnsLabel for a name, where Kubernetes takes a subdomain
# for some: a workload's name also names its main container (workload.hpp). A role's or a
# binding's takes a RoleName, a path segment; a Service's a ServiceName; any other's a
# Name, a subdomain of DNS labels.
NAMED_BY_A_LABEL = {"Namespace", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}
NAMED_BY_A_PATH_SEGMENT = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"}


def builder_takes_name(kind, name):
    """Whether the factory of the kind's builder takes the name (names.hpp). Kubernetes
    takes a subdomain whose parts are longer than a DNS label's 63 characters; a Name
    does not."""
    if kind in NAMED_BY_A_PATH_SEGMENT:
        return text(name) and name not in ("", ".", "..") and not set("/%") & set(name)
    if kind in NAMED_BY_A_LABEL:
        return text(name, DNS_LABEL)
    return text(name, DNS_1035_LABEL if kind == "Service" else DNS_SUBDOMAIN)


def labels_taken(pairs):
    """Whether LabelKey and LabelValue take each (key, value): a key's prefix is a Name."""
    return all(text(key, LABEL_KEY) and text(value, LABEL_VALUE) for key, value in pairs)


def annotation_keys_taken(keys):
    """Whether AnnotationKey takes each key: a label key whose prefix may have capitals."""
    return all(text(key) and text(ascii_lower(key), LABEL_KEY) for key in keys)


def image_reference(value):
    """Whether is_image_reference takes the image: IMAGE's, and a first component that
    the runtimes read as a registry, as one with a "." or a ":" is, one that
    REGISTRY takes (a path component may hold a "_", a registry may not)."""
    if not text(value, IMAGE):
        return False
    name = value.split("@")[0]
    if "/" not in name:
        return True
    first = name.split("/")[0]
    return not ("." in first or ":" in first) or REGISTRY.fullmatch(first) is not None


def absolute_path(value):
    """is_absolute_path (volumes.hpp), as is_http_path (http.hpp): from "/", without a
    space or a control character."""
    return text(value) and value.startswith("/") and not any(
        c.isspace() or ord(c) < 0x20 or c == "\x7f" for c in value)


def mount_path(value):
    """is_mount_path (volumes.hpp): absolute, without a colon."""
    return absolute_path(value) and ":" not in value


def port_reference(port):
    """A probe's port as ContainerPortRef takes it, a number or a port name, or None."""
    if type(port) is int and 1 <= port <= 65535:
        return port
    return port if text(port, PORT_NAME) else None


def action(fields, limits, hook=False):
    """kubestack::exec(), httpGet(), tcpSocket() or grpc() of a probe's or a hook's action
    (probes.hpp), as a Chain, or None. A hook runs exec or httpGet only."""
    kinds = [kind for kind in ("exec", "httpGet", "tcpSocket", "grpc") if kind in fields]
    if len(kinds) != 1 or (hook and kinds[0] not in ("exec", "httpGet")):
        return None
    kind, fields = kinds[0], given(fields[kinds[0]])
    if kind == "exec":
        command = fields.get("command")
        if set(fields) != {"command"} or not command or len(command) > limits["exec_command"]:
            return None
        return Chain("kubestack::exec", [list(command)]) if all(map(text, command)) else None
    port = port_reference(fields.get("port"))
    if port is None:
        return None
    if kind == "tcpSocket":
        return Chain("kubestack::tcpSocket", [port]) if set(fields) == {"port"} else None
    if kind == "grpc":
        service = fields.get("service")
        if not set(fields) <= {"port", "service"} or type(port) is not int:
            return None
        if service is not None and (not text(service) or not service):
            return None
        return Chain("kubestack::grpc", [port] + ([service] if service else []))
    if not set(fields) <= {"path", "port", "scheme", "httpHeaders"}:
        return None
    if not absolute_path(fields.get("path")):
        return None
    calls = []
    if "scheme" in fields:
        if fields["scheme"] not in ("HTTP", "HTTPS"):
            return None
        calls.append(Call("scheme", Code(f"kubestack::Scheme::{fields['scheme']}")))
    headers = fields.get("httpHeaders")
    if not listed(headers, limits["http_headers"]):
        return None
    for header in map(given, headers or []):
        if set(header) != {"name", "value"} or not text(header["name"], HEADER_NAME):
            return None
        if not text(header["value"]):
            return None
        calls.append(Call("header", header["name"], header["value"]))
    return Chain("kubestack::httpGet", [fields["path"], port], calls)


def probe(fields, limits, success_once):
    """A probe's action and timings, as a Chain, or None. success_once: a liveness or
    startup probe, whose successThreshold must be 1."""
    stated = action(fields, limits)
    if stated is None or not set(fields) <= {"exec", "httpGet", "tcpSocket", "grpc"} | set(
            PROBE_TIMINGS):
        return None
    for timing, least in PROBE_TIMINGS.items():
        if timing in fields:
            value = fields[timing]
            if type(value) is not int or not least <= value <= INT32_MAX:
                return None
            if timing == "successThreshold" and success_once and value != 1:
                return None
            stated.calls.append(Call(timing, value))
    return stated


def security_context(fields, whose, limits, seccomp_served):
    """The call that sets the security context of a pod or a container (whose: "pod" or
    "container"), or None. seccomp_served: whether the stack's target serves a
    seccompProfile, which the rule seccomp_profile_not_served checks of a builder's."""
    allowed, factory, setter = SECURITY[whose]
    fields = given(fields)
    if not fields or not set(fields) <= set(allowed):
        return None
    if "seccompProfile" in fields and not seccomp_served:
        return None
    calls = []
    for field in allowed:
        if field not in fields:
            continue
        value = fields[field]
        if field in ("runAsUser", "runAsGroup", "fsGroup"):
            if type(value) is not int or not 0 <= value <= INT32_MAX:
                return None
            calls.append(Call(field, value))
        elif field == "seccompProfile":
            profile = given(value)
            if set(profile) != {"type"} or profile["type"] not in SECCOMP_PROFILES:
                return None
            calls.append(Call(field, Code(f"kubestack::Seccomp::{profile['type']}")))
        elif field == "capabilities":
            capabilities = given(value)
            if not capabilities or not set(capabilities) <= {"add", "drop"}:
                return None
            for part, method in (("add", "addCapabilities"), ("drop", "dropCapabilities")):
                if part not in capabilities:
                    continue
                names = capabilities[part]
                if not names or len(names) > limits["capabilities"]:
                    return None
                if not all(text(name, CAPABILITY) for name in names):
                    return None
                calls.append(Call(method, list(names)))
        else:
            if type(value) is not bool:
                return None
            calls.append(Call(field, value))
    if fields.get("privileged") is True and fields.get("allowPrivilegeEscalation") is False:
        return None  # the rule privileged_container_forbids_escalation
    return Call(setter, Chain(factory, [], calls))


def unhardened(pod):
    """The pod as it would be given to hardened() (security.hpp) to make the input, or None
    when the profile would make something else: the security contexts without what the
    profile adds where a setting is left out. The pod must say whether it mounts its
    account's token, which the profile otherwise leaves to the stack's bindings."""
    security = given(pod.get("securityContext"))
    if "automountServiceAccountToken" not in pod or "seccompProfile" not in security:
        return None
    if not {"runAsNonRoot", "runAsUser"} & set(security):
        return None
    if security.get("runAsNonRoot") is True and "runAsUser" not in security:
        del security["runAsNonRoot"]
    if given(security["seccompProfile"]) == {"type": "RuntimeDefault"}:
        del security["seccompProfile"]
    stripped = emptied_out({**pod, "securityContext": security}, "securityContext")
    for field in ("containers", "initContainers"):
        if field in pod:
            stripped[field] = [unhardened_container(given(c)) for c in pod[field] or []]
            if None in stripped[field]:
                return None
    return stripped


def unhardened_container(container):
    """The container as hardened() would be given it, or None: its context must say
    whether the root filesystem is read-only and which capabilities it drops, and forbid
    escalation unless it is privileged."""
    security = given(container.get("securityContext"))
    capabilities = given(security.get("capabilities"))
    privileged = security.get("privileged") is True
    if "readOnlyRootFilesystem" not in security or not capabilities.get("drop"):
        return None
    if "allowPrivilegeEscalation" not in security and not privileged:
        return None
    if security.get("allowPrivilegeEscalation") is False and not privileged:
        del security["allowPrivilegeEscalation"]
    if security["readOnlyRootFilesystem"] is True:
        del security["readOnlyRootFilesystem"]
    if capabilities["drop"] == ["ALL"]:
        del capabilities["drop"]
    security = emptied_out({**security, "capabilities": capabilities}, "capabilities")
    return emptied_out({**container, "securityContext": security}, "securityContext")


def emptied_out(fields, field):
    """The fields without `field` where stripping the profile's settings emptied it; any
    other empty field stays, for the builder's checks to refuse."""
    return {name: value for name, value in fields.items() if name != field or value != {}}


def anti_affinity(affinity, selector, pod_labels, limits):
    """The antiAffinity() call that writes the affinity, or None: one required term against
    the workload's own pods on the node's host name, by its selector (matchLabels), or by
    terms of labelIn(), labelNotIn(), labelExists() or labelDoesNotExist() that its own
    pods match, as the rule anti_affinity_misses_own_pods wants of a builder's. A term
    that misses them stays in the typed model, whose rule reports it (ZooKeeper's)."""
    affinity = given(affinity)
    if set(affinity) != {"podAntiAffinity"}:
        return None
    anti = given(affinity["podAntiAffinity"])
    terms = anti.get("requiredDuringSchedulingIgnoredDuringExecution")
    if set(anti) != {"requiredDuringSchedulingIgnoredDuringExecution"} or len(terms or []) != 1:
        return None
    term = given(terms[0])
    if set(term) != {"labelSelector", "topologyKey"}:
        return None
    if term["topologyKey"] != HOSTNAME_TOPOLOGY_KEY:
        return None
    pods = given(term["labelSelector"])
    if set(pods) == {"matchLabels"}:
        return Call("antiAffinity") if [tuple(p) for p in pods["matchLabels"]] == selector else None
    requirements = pods.get("matchExpressions")
    if set(pods) != {"matchExpressions"} or not listed(requirements,
                                                       limits["selector_requirements"]):
        return None
    stated = []
    for requirement in map(given, requirements):
        key, operator, values = (requirement.get("key"), requirement.get("operator"),
                                 requirement.get("values"))
        if not set(requirement) <= {"key", "operator", "values"} or not text(key, LABEL_KEY):
            return None
        if operator in ("In", "NotIn"):
            if not listed(values, limits["requirement_values"]) or not values:
                return None
            if not all(text(value, LABEL_VALUE) for value in values):
                return None
            arguments = [key, list(values)]
        elif operator in ("Exists", "DoesNotExist") and values is None:
            arguments = [key]
        else:
            return None
        if not term_matches((key, operator, values or []), dict(pod_labels)):
            return None
        stated.append(Chain(f"kubestack::label{operator}", arguments))
    return Call("antiAffinity", stated[0] if len(stated) == 1 else stated)


def labelled_pods(name, labels, selector, pod_labels):
    """The calls that give a workload named name these object labels, selector terms and
    pod labels (each [(key, value)]), or None. The builder starts from app=<name> on all
    three; selector() replaces the default selector, withoutLabels() clears the object's
    labels, label() labels the object and its pods, and podLabel() the pods
    (workload.hpp). The calls are replayed here as the builder runs them, and kept only
    when they give the input."""
    made = {"object": {"app": name}, "selector": {"app": name}, "pods": {"app": name}}
    default_selector = [True]
    calls = []

    def call(method, *arguments):
        calls.append(Call(method, *arguments))
        if method == "withoutLabels":
            made["object"] = {}
            return
        key, value = arguments
        if method == "selector":
            if default_selector[0]:
                default_selector[0] = False
                made["selector"] = {}
                if made["pods"].get("app") == name:
                    del made["pods"]["app"]
            made["selector"][key] = value
        elif method == "label":
            made["object"][key] = value
            if key in made["selector"]:
                made["selector"][key] = value
        made["pods"][key] = value

    if selector != [("app", name)]:
        for key, value in selector:
            call("selector", key, value)
    if ("app", name) not in labels:
        call("withoutLabels")
    for key, value in labels:
        if made["object"].get(key) != value or made["pods"].get(key) != value:
            call("label", key, value)
    for key, value in pod_labels:
        if made["pods"].get(key) != value:
            call("podLabel", key, value)
    wanted = {"object": labels, "selector": selector, "pods": pod_labels}
    if any(made[part] != dict(wanted[part]) or len(wanted[part]) != len(made[part])
           for part in made):
        return None
    return calls


class WorkloadStatements:
    """The part of import_builders.Statements that states workloads."""

    def workload_spec(self, imported, spec):
        """The calls of a Deployment's, a DaemonSet's, a StatefulSet's, a Job's or a
        CronJob's labels, pods and containers, or None. The object's labels are stated
        here, with its pods' (labelled_pods); its annotations by Statements.metadata(). A
        Job's builder writes no selector (the API server makes one), but starts from its
        default, app=<name>, on the pods, as the other workloads' builders do; a CronJob's
        job template is a Job's spec, after its schedule and settings (import_cron.py)."""
        cron_calls = []
        if imported.kind == "CronJob":
            cron_calls = cron_settings(imported.name, spec, self.words, self.time_zone_served)
            job_template = given(spec.get("jobTemplate"))
            if cron_calls is None or set(job_template) != {"spec"}:
                return None
            spec = given(job_template["spec"])
        shape = "Job" if imported.kind in JOB_KINDS else imported.kind
        if not set(spec) <= WORKLOAD_SPEC[shape] or not text(imported.name, DNS_LABEL):
            return None
        if shape == "Job":
            selector = {"matchLabels": [("app", imported.name)]}
            # Its builder keeps that selector, which the rule selector_misses_own_pods
            # checks against the pods.
            labels_of_pods = given(given(spec.get("template")).get("metadata")).get("labels")
            if ("app", imported.name) not in [tuple(p) for p in labels_of_pods or []]:
                return None
        else:
            selector = given(spec.get("selector"))
        template = given(spec.get("template"))
        if set(selector) != {"matchLabels"} or not set(template) <= {"metadata", "spec"}:
            return None
        pod_metadata, pod = given(template.get("metadata")), given(template.get("spec"))
        if not set(pod_metadata) <= {"labels", "annotations"}:
            return None
        metadata = given(given(imported.fields).get("metadata"))
        labels = [tuple(p) for p in metadata.get("labels") or []]
        terms = [tuple(p) for p in selector["matchLabels"] or []]
        pod_labels = [tuple(p) for p in pod_metadata.get("labels") or []]
        annotations = pod_metadata.get("annotations")
        if annotations is not None and not annotations:
            return None
        if any(len(pairs) > self.limits["labels"]
               for pairs in (terms, pod_labels, annotations or [])):
            return None
        if not labels_taken(terms + pod_labels) or not annotation_keys_taken(
                key for key, _ in annotations or []):
            return None
        calls = labelled_pods(imported.name, labels, terms, pod_labels)
        if calls is None:
            return None
        calls += [Call("podAnnotation", key, value) for key, value in annotations or []]
        replicas_and_strategy = self.replicas_and_strategy(spec)
        job = self.job_settings(spec)
        stateful = self.stateful_set(imported, spec, pod_labels)
        if replicas_and_strategy is None or job is None or stateful is None:
            return None
        stateful_calls, claim_templates = stateful
        pod_calls = self.pod_spec(imported, pod, terms, pod_labels, claim_templates)
        if pod_calls is None:
            return None
        return cron_calls + calls + replicas_and_strategy + job + stateful_calls + pod_calls

    @staticmethod
    def job_settings(spec):
        """The calls of a Job's counts and times, or None."""
        calls = []
        for setting, least in JOB_SETTINGS.items():
            if setting in spec:
                value = spec[setting]
                if type(value) is not int or not least <= value <= INT32_MAX:
                    return None
                calls.append(Call(setting, value))
        return calls

    def stateful_set(self, imported, spec, pod_labels):
        """(calls, [claim template name]) of what only a StatefulSet has, or None: its
        governing Service, pod management, update strategy and claim templates. The
        Service must be one that a builder states, headless, and selecting the pods, as
        the rule stateful_set_service_missing and the two after it check a builder's."""
        calls = []
        if "serviceName" in spec:
            ns = imported.namespace or "default"
            service = self.stated([], "Service", spec["serviceName"], ns)
            if service is None:
                return None
            service_spec = given(given(service.fields)["spec"])
            selector = service_spec.get("selector") or []
            if service_spec.get("clusterIP") != "None" or not selector:
                return None
            if not all((key, value) in pod_labels for key, value in selector):
                return None
            calls.append(Call("serviceName", spec["serviceName"]))
        if "podManagementPolicy" in spec:
            if spec["podManagementPolicy"] not in POD_MANAGEMENT_POLICIES:
                return None
            calls.append(Call("podManagementPolicy", Code(
                f"kubestack::PodManagementPolicy::{spec['podManagementPolicy']}")))
        if "updateStrategy" in spec:
            strategy = given(spec["updateStrategy"])
            rolling = given(strategy.get("rollingUpdate"))
            if strategy.get("type") not in UPDATE_STRATEGIES:
                return None
            if set(strategy) == {"type"}:
                calls.append(Call("updateStrategy", Code(
                    f"kubestack::UpdateStrategy::{strategy['type']}")))
            elif (set(strategy) == {"type", "rollingUpdate"} and set(rolling) == {"partition"}
                  and strategy["type"] == "RollingUpdate"):
                partition = rolling["partition"]
                if type(partition) is not int or not 0 <= partition <= INT32_MAX:
                    return None
                calls.append(Call("rollingUpdate", partition))
            else:
                return None
        templates = spec.get("volumeClaimTemplates")
        if not listed(templates, self.limits["claim_templates"]):
            return None
        names = []
        for template in map(given, templates or []):
            claim = self.claim_template(template)
            if claim is None or template["metadata"]["name"] in names:
                return None
            names.append(template["metadata"]["name"])
            calls.append(claim)
        return calls, names

    def claim_template(self, template):
        """The claimTemplate() call of a claim template, or None: a claim's builder of a
        size and an access mode (the rules of check_claim_terms), with its labels and
        annotations."""
        if not set(template) <= {"apiVersion", "kind", "metadata", "spec"}:
            return None
        if template.get("apiVersion", "v1") != "v1":
            return None
        if template.get("kind", "PersistentVolumeClaim") != "PersistentVolumeClaim":
            return None
        metadata, spec = given(template.get("metadata")), given(template.get("spec"))
        if not set(metadata) <= {"name", "labels", "annotations"}:
            return None
        if not text(metadata.get("name"), DNS_LABEL):
            return None
        labels, annotations = metadata.get("labels"), metadata.get("annotations")
        for pairs in (labels, annotations):
            if not listed(pairs, self.limits["labels"]):
                return None
        if not labels_taken(labels or []) or not annotation_keys_taken(
                key for key, _ in annotations or []):
            return None
        if not all(text(value) for _, value in annotations or []):
            return None
        claim = self.claim_spec(None, spec)
        if claim is None or not spec.get("accessModes") or "resources" not in spec:
            return None

        calls = ([Call("label", key, value) for key, value in labels or []] +
                 [Call("annotation", key, value) for key, value in annotations or []])
        return Call("claimTemplate", Chain("kubestack::persistentVolumeClaim",
                                           [metadata["name"]], calls + claim))

    @staticmethod
    def replicas_and_strategy(spec):
        calls = []
        if "replicas" in spec:
            if type(spec["replicas"]) is not int or not 0 <= spec["replicas"] <= 10000:
                return None
            calls.append(Call("replicas", spec["replicas"]))
        if "strategy" in spec:
            strategy = given(spec["strategy"])
            kind, rolling = strategy.get("type"), given(strategy.get("rollingUpdate"))
            if not set(strategy) <= {"type", "rollingUpdate"}:
                return None
            if kind == "Recreate" and set(strategy) == {"type"}:
                calls.append(Call("strategy", Code("kubestack::DeploymentStrategy::Recreate")))
            elif kind == "RollingUpdate" and set(strategy) == {"type"}:
                calls.append(Call("strategy",
                                  Code("kubestack::DeploymentStrategy::RollingUpdate")))
            elif kind == "RollingUpdate" and rolling:
                values = [(field, rolling[field]) for field in ("maxSurge", "maxUnavailable")
                          if field in rolling]
                if not set(rolling) <= {"maxSurge", "maxUnavailable"}:
                    return None
                if not all((type(value) is int and value >= 0) or text(value, PERCENTAGE)
                           for _, value in values):
                    return None
                if len(values) == 2 and all(str(value).rstrip("%").strip("0") == ""
                                            for _, value in values):
                    return None
                calls.append(Call("rollingUpdate", Designated(values)))
            else:
                return None
        return calls

    def pod_spec(self, imported, pod, selector, pod_labels, claim_templates=()):
        """The calls of the pod's own fields, its volumes and its containers, or None.
        selector: the workload's, [(key, value)]; pod_labels: its pods', which an
        anti-affinity term must match; claim_templates: the names of a
        StatefulSet's, which containers mount by name, each at least once (the rule
        claim_template_not_mounted)."""
        # The hardened profile writes a seccompProfile, which a target must serve.
        hardened = unhardened(pod) if self.seccomp_served else None
        pod = pod if hardened is None else hardened
        policies, default = RESTART_POLICIES.get(imported.kind, ALWAYS_RESTARTED)
        policy = pod.get("restartPolicy", "Always")
        if not set(pod) <= POD_SPEC or policy not in policies:
            return None
        containers, inits = pod.get("containers") or [], pod.get("initContainers")
        if not containers or (inits is not None and not inits):
            return None
        if len(containers) + len(inits or []) > self.limits["containers"]:
            return None
        calls = [Call("hardened")] if hardened is not None else []
        if policy != default:
            calls.append(Call("restartPolicy", Code(f"kubestack::RestartPolicy::{policy}")))
        ns = imported.namespace or "default"
        declared = self.declared.get(id(imported), [])
        if "serviceAccountName" in pod:
            account = self.stated(declared, "ServiceAccount", pod["serviceAccountName"], ns)
            if account is None:
                return None
            calls.append(Call("serviceAccount", Ref(account)))
        grace = pod.get("terminationGracePeriodSeconds")
        if grace is not None:
            if type(grace) is not int or not 0 <= grace <= INT32_MAX:
                return None
            calls.append(Call("terminationGracePeriodSeconds", grace))
        if "automountServiceAccountToken" in pod:
            if type(pod["automountServiceAccountToken"]) is not bool:
                return None
            calls.append(Call("automountServiceAccountToken",
                              pod["automountServiceAccountToken"]))
        if "securityContext" in pod:
            security = security_context(pod["securityContext"], "pod", self.limits,
                                        self.seccomp_served)
            if security is None:
                return None
            calls.append(security)
        if "affinity" in pod:
            spread = anti_affinity(pod["affinity"], selector, pod_labels, self.limits)
            if spread is None:
                return None
            calls.append(spread)
        for shared in ("hostNetwork", "hostPID", "hostIPC"):
            if shared in pod:
                if pod[shared] is not True:  # false is written by the typed model only
                    return None
                calls.append(Call(shared))
        volumes = self.pod_volumes(pod.get("volumes"), declared, ns)
        if volumes is None:
            return None
        main, *others = [given(c) for c in containers]
        mounts = [given(m) for m in main.get("volumeMounts") or []]
        brought = self.brought_by_mounts(volumes, mounts)
        calls += [Call("volume", source) for name, (source, _) in volumes.items()
                  if name not in brought]
        if set(claim_templates) & set(volumes):
            return None
        mounted = {given(m).get("name") for c in containers + (inits or [])
                   for m in given(c).get("volumeMounts") or []}
        if not set(claim_templates) <= mounted:
            return None
        # A claim template is mounted by its name, as a volume of the pod.
        volumes = volumes | {name: (None, "ReadWrite") for name in claim_templates}
        main_calls = self.container(main, imported.name, volumes, brought, declared, ns)
        if main_calls is None:
            return None
        calls += main_calls
        for method, listed in (("container", others),
                               ("initContainer", [given(c) for c in inits or []])):
            for container in listed:
                # An init container that the builder takes has no ports, probes or hooks:
                # mark_init() (container.hpp).
                if method == "initContainer" and set(container) & INIT_REFUSES:
                    return None
                own = self.container(container, None, volumes, (), declared, ns)
                if own is None:
                    return None
                calls.append(Call(method, Chain("kubestack::container", [container["name"]],
                                                own)))
        return calls

    def pod_volumes(self, volumes, declared, ns):
        """{name: (the argument that states the volume, the default access of a mount of
        it)} in the input's order, or None."""
        if volumes is not None and not volumes:
            return None
        if len(volumes or []) > self.limits["volumes"]:
            return None
        stated = {}
        for volume in volumes or []:
            volume = given(volume)
            name = volume.get("name")
            if not text(name, DNS_LABEL) or name in stated or len(volume) != 2:
                return None
            (source, fields), = [(k, given(v)) for k, v in volume.items() if k != "name"]
            if source == "emptyDir":
                if not set(fields) <= {"medium", "sizeLimit"}:
                    return None
                arguments = [name]
                if "medium" in fields:
                    if fields["medium"] != "Memory":
                        return None
                    arguments.append(Code("kubestack::StorageMedium::Memory"))
                if "sizeLimit" in fields:
                    if not self.words.size.fullmatch(str(fields["sizeLimit"])):
                        return None
                    arguments.append(str(fields["sizeLimit"]))
                stated[name] = (Chain("kubestack::emptyDir", arguments), "ReadWrite")
            elif source == "hostPath":
                if set(fields) != {"path"} or not mount_path(fields["path"]):
                    return None
                stated[name] = (Chain("kubestack::hostPath", [name, fields["path"]]),
                                "ReadWrite")
            elif source in ("persistentVolumeClaim", "configMap", "secret"):
                kind, field = {"persistentVolumeClaim": ("PersistentVolumeClaim", "claimName"),
                               "configMap": ("ConfigMap", "name"),
                               "secret": ("Secret", "secretName")}[source]
                if set(fields) != {field}:
                    return None
                target = self.stated(declared, kind, fields[field], ns)
                if target is None:
                    return None
                if name == fields[field]:
                    access = "ReadWrite" if kind == "PersistentVolumeClaim" else "ReadOnly"
                    stated[name] = (Ref(target), access)
                elif kind == "PersistentVolumeClaim":
                    stated[name] = (Chain("kubestack::claimVolume", [name, Ref(target)]),
                                    "ReadWrite")
                else:
                    return None  # a ConfigMap or Secret volume is named after its object
            else:
                return None
        return stated

    @staticmethod
    def brought_by_mounts(volumes, mounts):
        """The volumes that the main container's first mount of each brings, where the
        pod's volumes then come in the input's order: those it declares, then those its
        mounts bring (PodTemplate::volumes()). Otherwise none: each is declared."""
        first_mounted = []
        for mount in mounts:
            if mount.get("name") in volumes and mount["name"] not in first_mounted:
                first_mounted.append(mount["name"])
        declared = [name for name in volumes if name not in first_mounted]
        return set(first_mounted) if declared + first_mounted == list(volumes) else set()

    def container(self, container, workload, volumes, brought, declared, ns):
        """The calls of a container: on the workload, for its main container (workload: its
        name), or on kubestack::container(); or None."""
        if not set(container) <= CONTAINER or not text(container.get("name"), DNS_LABEL):
            return None
        calls = []
        if workload is not None and container["name"] != workload:
            calls.append(Call("containerName", container["name"]))
        if not image_reference(container.get("image")):
            return None
        calls.append(Call("image", container["image"]))
        if "imagePullPolicy" in container:
            if container["imagePullPolicy"] not in self.words.pull_policies:
                return None
            calls.append(Call("imagePullPolicy",
                              Code(f"kubestack::ImagePullPolicy::{container['imagePullPolicy']}")))
        for field in ("command", "args"):
            if field in container:
                parts = container[field]
                if not parts or len(parts) > self.limits[field] or not all(map(text, parts)):
                    return None
                calls.append(Call(field, list(parts)))
        for state in (self.container_ports, self.container_env, self.container_resources):
            stated = state(container, declared, ns)
            if stated is None:
                return None
            calls += stated
        for field in PROBES:
            if field in container:
                stated = probe(given(container[field]), self.limits, field != "readinessProbe")
                if stated is None:
                    return None
                calls.append(Call(field, stated))
        if "lifecycle" in container:
            hooks = given(container["lifecycle"])
            if not hooks or not set(hooks) <= set(HOOKS):
                return None
            for hook in HOOKS:
                if hook in hooks:
                    stated = action(given(hooks[hook]), self.limits, hook=True)
                    if stated is None or set(given(hooks[hook])) - {"exec", "httpGet"}:
                        return None
                    calls.append(Call(hook, stated))
        if "securityContext" in container:
            security = security_context(container["securityContext"], "container",
                                        self.limits, self.seccomp_served)
            if security is None:
                return None
            calls.append(security)
        mounts = [given(m) for m in container.get("volumeMounts") or []]
        if "volumeMounts" in container and not mounts or len(mounts) > self.limits["volumes"]:
            return None
        mounted = set()
        for mount in mounts:
            if not set(mount) <= {"name", "mountPath", "readOnly"}:
                return None
            if "readOnly" in mount and mount["readOnly"] is not True:
                return None  # readOnly: false is written by the typed model only
            if mount.get("name") not in volumes or not mount_path(mount.get("mountPath")):
                return None
            source, default_access = volumes[mount["name"]]
            by_source = mount["name"] in brought and mount["name"] not in mounted
            mounted.add(mount["name"])
            access = "ReadOnly" if mount.get("readOnly") else "ReadWrite"
            if not by_source:
                default_access = "ReadWrite"
            arguments = [source if by_source else mount["name"], mount["mountPath"]]
            if access != default_access:
                arguments.append(Code(f"kubestack::Access::{access}"))
            calls.append(Call("mount", *arguments))
        return calls

    def container_ports(self, container, declared, ns):
        ports = container.get("ports")
        if not listed(ports, self.limits["ports"]):
            return None
        calls = []
        for port in ports or []:
            port = given(port)
            if not set(port) <= {"name", "containerPort", "protocol"}:
                return None
            if type(port.get("containerPort")) is not int:
                return None
            if "name" in port and not text(port["name"], PORT_NAME):
                return None
            if port.get("protocol", "TCP") not in self.words.protocols:
                return None
            arguments = [port["name"]] if "name" in port else []
            arguments.append(port["containerPort"])
            if port.get("protocol", "TCP") != "TCP":
                arguments.append(Code(f"kubestack::Protocol::{port['protocol']}"))
            calls.append(Call("port", *arguments))
        return calls

    def container_env(self, container, declared, ns):
        env, env_from = container.get("env"), container.get("envFrom")
        if not listed(env, self.limits["env"]):
            return None
        if not listed(env_from, self.limits["env_from"]):
            return None
        names = [given(var).get("name") for var in env or []]
        if len(set(names)) != len(names):  # the rule duplicate_env_var
            return None
        calls = []
        for var in env or []:
            var = given(var)
            name = var.get("name")
            if not text(name, ENV_VAR_NAME) or not set(var) <= {"name", "value", "valueFrom"}:
                return None
            if "value" in var:
                if "valueFrom" in var or not text(var["value"]):
                    return None
                calls.append(Call("env", name, var["value"]))
                continue
            source = given(var.get("valueFrom"))
            if len(source) != 1:
                return None
            (field, selector), = [(k, given(v)) for k, v in source.items()]
            if field == "fieldRef":
                if set(selector) != {"fieldPath"}:
                    return None
                if selector["fieldPath"] not in self.words.field_paths:
                    return None
                calls.append(Call("env", name, Chain("kubestack::fieldRef",
                                                     [selector["fieldPath"]])))
                continue
            kind = {"configMapKeyRef": "ConfigMap", "secretKeyRef": "Secret"}.get(field)
            if kind is None or set(selector) != {"name", "key"}:
                return None
            if not text(selector["key"], CONFIG_KEY):
                return None
            target = self.stated(declared, kind, selector["name"], ns)
            if target is None:
                return None
            key = Member(target, "key", selector["key"])
            # env(config.key("K")) names the variable after the key.
            calls.append(Call("env", key) if name == selector["key"] else Call("env", name, key))
        for source in env_from or []:
            source = given(source)
            if len(source) != 1:
                return None
            (field, selector), = [(k, given(v)) for k, v in source.items()]
            kind = {"configMapRef": "ConfigMap", "secretRef": "Secret"}.get(field)
            if kind is None or set(selector) != {"name"}:
                return None
            target = self.stated(declared, kind, selector["name"], ns)
            if target is None:
                return None
            calls.append(Call("envFrom", Ref(target)))
        return calls

    def container_resources(self, container, declared, ns):
        if "resources" not in container:
            return []
        resources = given(container["resources"])
        if not resources or not set(resources) <= {"limits", "requests"}:
            return None
        calls = []
        for part in ("limits", "requests"):
            if part not in resources:
                continue
            pairs = resources[part] or []
            if not pairs:
                return None
            for resource, value in pairs:
                setter = RESOURCE_SETTERS.get((part, resource))
                if setter is None or type(value) not in (str, int) or type(value) is bool:
                    return None
                value = str(value)
                if not (CPU if resource == "cpu" else self.words.size).fullmatch(value):
                    return None
                calls.append(Call(setter, value))
        return calls

