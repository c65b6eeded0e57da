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
import_cpp.py writes both.
"""
import os
import re

RBAC = "rbac.authorization.k8s.io"

# The metadata that every builder sets: Resource<Self> in include/kubestack/metadata.hpp.
METADATA = {"name", "namespace", "labels", "annotations"}


class Builder:
    """What one kind's builder sets besides metadata, as its to_model() writes it:

    - entries: each data field, with the setter that its entries go through;
    - fixed: the fields it always writes, with their value;
    - always: the fields it writes even when it holds nothing, which the input must set;
    - rule_fields: for a role, the fields of a rule (always: those written even empty);
    - grants: for a binding, the kinds of role it may grant."""

    def __init__(self, entries=None, fixed=None, always=(), rule_fields=None, rule_always=(),
                 grants=()):
        self.entries = entries or {}
        self.fixed = fixed or {}
        self.always = set(always)
        self.rule_fields = rule_fields
        self.rule_always = set(rule_always)
        self.grants = set(grants)

    def states(self):
        fields = set(self.entries) | set(self.fixed) | self.always
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
    # Secret's builder writes its data as stringData, and says type: Opaque.
    ("v1", "Secret"): Builder(entries={"stringData": "data"}, fixed={"type": "Opaque"}),
    (f"{RBAC}/v1", "ClusterRole"): Builder(always=("rules",), rule_fields=RULE,
                                           rule_always=RULE),
    (f"{RBAC}/v1", "Role"): Builder(rule_fields=RULE, rule_always=("verbs",)),
    (f"{RBAC}/v1", "ClusterRoleBinding"): Builder(always=("subjects",),
                                                  grants=("ClusterRole",)),
    (f"{RBAC}/v1", "RoleBinding"): Builder(grants=("Role", "ClusterRole")),
}

VERBS = re.compile(r"known_verbs\[\] = \{(.*?)\};", re.S)


def known_verbs(model_index):
    """The verbs a role's builder takes (include/kubestack/rbac.hpp, beside the model's
    headers); ValueError when the list is not found."""
    path = os.path.join(os.path.dirname(model_index), "..", "rbac.hpp")
    with open(path, encoding="utf-8") as header:
        found = VERBS.search(header.read())
    if found is None:
        raise ValueError(f"{path}: known_verbs was not found")
    return set(re.findall(r'"([^"]*)"', found[1]))


def given(fields):
    """The fields that the input sets: a null is as good as absent."""
    return {name: value for name, value in (fields or {}).items() if value is not None}


def builder_of(imported):
    return BUILDERS.get((imported.api_version, imported.kind))


class Statements:
    """Which objects builders state, and the setters of each: {id(): [setter]}, where a
    setter is (name, key, value) for texts, ("rule", apiGroups, resources, verbs), or
    (name, target) for an object given by reference: another imported object, or a
    (kind, name, namespace or None) that import_references.py declares created
    elsewhere."""

    def __init__(self, model, objects, limits, verbs, declared):
        """declared: {id(): [(kind, name, namespace or None)]}, the declarations of each
        object (import_references.py)."""
        self.model, self.limits, self.verbs = model, limits, verbs
        self.setters = {}
        # A builder places an object that names no namespace in "default": one that names
        # it would then be the same object.
        placed = [self.placed(o) for o in objects]
        self.alike = {key for key in placed if placed.count(key) > 1}
        for imported in objects:  # those that refer to no other object first
            if builder_of(imported) and not builder_of(imported).grants:
                setters = self.plain(imported)
                if setters is not None:
                    self.setters[id(imported)] = setters
        for imported in objects:
            if builder_of(imported) and builder_of(imported).grants:
                setters = self.binding(imported, objects, declared.get(id(imported), []))
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
        # valid object has.
        texts = [metadata["name"], metadata.get("namespace", "")]
        texts += [text for pair in metadata.get("labels") or [] for text in pair]
        texts += [key for key, _ in metadata.get("annotations") or []]
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
        if any(value is not None and not value
               for value in [labels, annotations] + list(fields.values())):
            return None
        # Annotations are KeyValues<>, of the labels' capacity.
        if max(len(labels or []), len(annotations or [])) > self.limits["labels"]:
            return None
        return ([("label", key, value) for key, value in labels or []] +
                [("annotation", key, value) for key, value in annotations or []])

    def plain(self, imported):
        builder = builder_of(imported)
        setters = self.metadata(imported, builder)
        if setters is None:
            return None
        fields = given(imported.fields)
        for field, setter in builder.entries.items():
            entries = fields.get(field) or []
            if len(entries) > self.limits["config_entries"]:
                return None
            setters += [(setter, key, value) for key, value in entries]
        if builder.rule_fields is not None:
            rules = self.rules(fields.get("rules") or [], builder)
            if rules is None:
                return None
            setters += rules
        return setters

    def rules(self, rules, builder):
        """("rule", apiGroups, resources, verbs) of each rule, or None."""
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
            if not set(rule["verbs"]) <= self.verbs:
                return None
            stated.append(("rule", *lists))
        return stated

    def binding(self, imported, objects, declared):
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
        role = self.stated(objects, declared, role_ref["kind"], role_ref["name"], ns)
        if role is None:
            return None
        setters.append(("role", role))
        for subject in subjects:
            subject = given(subject)
            if set(subject) != {"kind", "name", "namespace"} or subject["kind"] != "ServiceAccount":
                return None
            if not subject["namespace"] or "\0" in subject["name"]:
                return None
            account = self.stated(objects, declared, "ServiceAccount", subject["name"],
                                  subject["namespace"])
            if account is None:
                return None
            setters.append(("subject", account))
        return setters

    def stated(self, objects, declared, kind, name, ns):
        """The object that a builder states, or that is declared created elsewhere, of the
        kind and name, or None. A Role must be placed as the binding is, ns; a
        ServiceAccount, in the subject's namespace ns (a builder's object that names none
        is in "default")."""
        for o in objects:
            if (o.kind, o.name) == (kind, name) and id(o) in self.setters:
                if kind == "ClusterRole" or (kind == "Role" and o.namespace == ns) or (
                        kind == "ServiceAccount" and (o.namespace or "default") == ns):
                    return o
        for declaration in declared:
            if declaration[:2] == (kind, name):
                if kind == "ClusterRole" or (kind == "ServiceAccount" and
                                             (declaration[2] or "default") == ns):
                    return declaration
        return None
