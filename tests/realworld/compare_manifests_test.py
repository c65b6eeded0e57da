#!/usr/bin/env python3
"""The comparator of the real-world stacks must be able to fail: one case per rule of
examples/realworld/README.md, on a small schema of its own (no ../shared needed)."""
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

import yaml

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compare_manifests  # noqa: E402

# The parts of the Kubernetes schema the rules read: list-map keys, Quantity, the defaults'
# definitions. Shapes and names as in kubernetes-1.36-openapi-v2.json.
REF = "#/definitions/"
SCHEMA = {"definitions": {
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {"type": "object", "properties": {
        "name": {"type": "string"}, "namespace": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}}}},
    "io.k8s.api.core.v1.ContainerPort": {"type": "object", "properties": {
        "containerPort": {"type": "integer"}, "name": {"type": "string"},
        "protocol": {"type": "string"}}},
    "io.k8s.api.core.v1.EnvVar": {"type": "object", "properties": {
        "name": {"type": "string"}, "value": {"type": "string"}}},
    "io.k8s.api.core.v1.ResourceRequirements": {"type": "object", "properties": {
        "limits": {"type": "object", "additionalProperties": {"$ref": REF + "io.k8s.apimachinery.pkg.api.resource.Quantity"}}}},
    "io.k8s.api.core.v1.Container": {"type": "object", "properties": {
        "name": {"type": "string"}, "image": {"type": "string"},
        "args": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "atomic"},
        "env": {"type": "array", "items": {"$ref": REF + "io.k8s.api.core.v1.EnvVar"},
                "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"]},
        "ports": {"type": "array", "items": {"$ref": REF + "io.k8s.api.core.v1.ContainerPort"},
                  "x-kubernetes-list-type": "map",
                  "x-kubernetes-list-map-keys": ["containerPort", "protocol"]},
        "resources": {"$ref": REF + "io.k8s.api.core.v1.ResourceRequirements"}}},
    "io.k8s.api.core.v1.PodSpec": {"type": "object", "properties": {
        "restartPolicy": {"type": "string"},
        "containers": {"type": "array", "items": {"$ref": REF + "io.k8s.api.core.v1.Container"},
                       "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"]}}},
    "io.k8s.api.core.v1.PodTemplateSpec": {"type": "object", "properties": {
        "metadata": {"$ref": REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {"$ref": REF + "io.k8s.api.core.v1.PodSpec"}}},
    "io.k8s.api.apps.v1.DeploymentSpec": {"type": "object", "properties": {
        "replicas": {"type": "integer"},
        "template": {"$ref": REF + "io.k8s.api.core.v1.PodTemplateSpec"}}},
    "io.k8s.api.apps.v1.Deployment": {
        "type": "object",
        "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                       "metadata": {"$ref": REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                       "spec": {"$ref": REF + "io.k8s.api.apps.v1.DeploymentSpec"}},
        # Served in two versions here, as Deployments were up to 1.15, for the apiVersion case.
        "x-kubernetes-group-version-kind": [{"group": "apps", "version": "v1", "kind": "Deployment"},
                                            {"group": "apps", "version": "v1beta2", "kind": "Deployment"}]},
    "io.k8s.api.core.v1.ServicePort": {"type": "object", "properties": {
        "port": {"type": "integer"}, "name": {"type": "string"}, "protocol": {"type": "string"},
        "targetPort": {"$ref": REF + "io.k8s.apimachinery.pkg.util.intstr.IntOrString"}}},
    "io.k8s.api.core.v1.ServiceSpec": {"type": "object", "properties": {
        "type": {"type": "string"},
        "ports": {"type": "array", "items": {"$ref": REF + "io.k8s.api.core.v1.ServicePort"},
                  "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["port", "protocol"]}}},
    "io.k8s.api.core.v1.Service": {
        "type": "object",
        "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                       "metadata": {"$ref": REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                       "spec": {"$ref": REF + "io.k8s.api.core.v1.ServiceSpec"}},
        "x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "Service"}]},
    "io.k8s.api.networking.v1.NetworkPolicyPort": {"type": "object", "properties": {
        "port": {"$ref": REF + "io.k8s.apimachinery.pkg.util.intstr.IntOrString"},
        "protocol": {"type": "string"}}},
    "io.k8s.api.networking.v1.NetworkPolicyEgressRule": {"type": "object", "properties": {
        "ports": {"type": "array",
                  "items": {"$ref": REF + "io.k8s.api.networking.v1.NetworkPolicyPort"}}}},
    "io.k8s.api.networking.v1.NetworkPolicySpec": {"type": "object", "properties": {
        "podSelector": {"type": "object"},
        "policyTypes": {"type": "array", "items": {"type": "string"}},
        "egress": {"type": "array",
                   "items": {"$ref": REF + "io.k8s.api.networking.v1.NetworkPolicyEgressRule"}}}},
    "io.k8s.api.networking.v1.NetworkPolicy": {
        "type": "object",
        "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                       "metadata": {"$ref": REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                       "spec": {"$ref": REF + "io.k8s.api.networking.v1.NetworkPolicySpec"}},
        "x-kubernetes-group-version-kind": [{"group": "networking.k8s.io", "version": "v1",
                                             "kind": "NetworkPolicy"}]},
    "io.k8s.api.core.v1.Secret": {
        "type": "object",
        "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                       "metadata": {"$ref": REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                       "type": {"type": "string"},
                       "data": {"type": "object", "additionalProperties": {"type": "string"}},
                       "stringData": {"type": "object", "additionalProperties": {"type": "string"}}},
        "x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "Secret"}]},
}}

ORIGINAL = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels: {app: frontend}
spec:
  template:
    spec:
      containers:
      - name: init
        image: busybox
      - name: server
        image: frontend:v1
        args: [--port, "8080"]
        ports:
        - containerPort: 8080
        - containerPort: 9090
          name: metrics
        env:
        - {name: A, value: "1"}
        - {name: B, value: $(A)}
        resources:
          limits: {cpu: 1, memory: 128Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Secret
metadata:
  name: password
type: Opaque
data:
  password: WU9VUl9QQVNTV09SRA==
"""


def documents(text):
    return compare_manifests.read_documents(text, "test")


class ComparatorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        path = pathlib.Path(cls.directory.name) / "schema.json"
        path.write_text(json.dumps(SCHEMA), encoding="utf-8")
        cls.schema_path = path
        cls.schema = compare_manifests.Schema(str(path))

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def differences(self, rewrite, intended=(), original=ORIGINAL):
        problems = []
        _, remaining = compare_manifests.run(self.schema, documents(original), documents(rewrite),
                                             list(intended), problems)
        return problems, [str(d) for d in remaining]

    def edited(self, edit):
        objects = documents(ORIGINAL)
        edit(objects)
        return yaml.safe_dump_all(objects, sort_keys=False)

    def assert_only(self, rewrite, *expected):
        problems, found = self.differences(rewrite)
        self.assertEqual(problems, [])
        self.assertEqual(found, list(expected))

    def test_the_original_equals_itself(self):
        self.assert_only(ORIGINAL)

    def test_key_order_comments_and_quoting_do_not_matter(self):
        rewrite = self.edited(lambda o: o.reverse()) + "\n# a comment\n"
        self.assert_only(rewrite)

    def test_a_changed_value_fails(self):
        def edit(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["image"] = "frontend:v2"
        self.assert_only(self.edited(edit),
                         'Deployment/frontend spec.template.spec.containers[name=server].image: '
                         'changed from "frontend:v1" to "frontend:v2"')

    def test_a_lost_field_fails(self):
        def edit(o):
            del o[0]["metadata"]["labels"]
        self.assert_only(self.edited(edit),
                         'Deployment/frontend metadata.labels: lost (original: {"app": "frontend"})')

    def test_an_added_field_fails(self):
        def edit(o):
            o[0]["spec"]["replicas"] = 1
        self.assert_only(self.edited(edit), "Deployment/frontend spec.replicas: added (rewrite: 1)")

    def test_an_added_empty_value_fails(self):
        def edit(o):
            o[1]["metadata"]["labels"] = {}
        self.assert_only(self.edited(edit), "Service/frontend metadata.labels: added (rewrite: {})")

    def test_a_renamed_object_fails(self):
        def edit(o):
            o[1]["metadata"]["name"] = "web"
        self.assert_only(self.edited(edit),
                         'Service/frontend: lost (original: "(the whole object)")',
                         'Service/web: added (rewrite: "(the whole object)")')

    def test_an_added_namespace_fails(self):
        def edit(o):
            o[1]["metadata"]["namespace"] = "default"
        self.assert_only(self.edited(edit),
                         'Service/frontend metadata.namespace: added (rewrite: "default")')

    def test_a_changed_api_version_fails(self):
        def edit(o):
            o[0]["apiVersion"] = "apps/v1beta2"
        self.assert_only(self.edited(edit),
                         'Deployment/frontend apiVersion: changed from "apps/v1" to "apps/v1beta2"')

    def test_an_added_object_fails(self):
        extra = "---\napiVersion: v1\nkind: Service\nmetadata: {name: extra}\n"
        self.assert_only(ORIGINAL + extra, 'Service/extra: added (rewrite: "(the whole object)")')

    def test_a_renamed_item_is_compared_as_one_item(self):
        def edit(o):
            container = o[0]["spec"]["template"]["spec"]["containers"][1]
            container["name"], container["image"] = "web", "frontend:v2"
        self.assert_only(self.edited(edit),
                         'Deployment/frontend spec.template.spec.containers[name=server].name: '
                         'changed from "server" to "web"',
                         'Deployment/frontend spec.template.spec.containers[name=server].image: '
                         'changed from "frontend:v1" to "frontend:v2"')

    def test_two_renamed_items_are_lost_and_added(self):
        def edit(o):
            for container in o[0]["spec"]["template"]["spec"]["containers"]:
                container["name"] += "-x"
        _, found = self.differences(self.edited(edit))
        self.assertEqual([f.split(": ")[1].split(" ")[0] for f in found],
                         ["lost", "lost", "added", "added"])

    def test_a_number_and_its_text_are_equal_only_in_a_quantity(self):
        def quantity(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["resources"]["limits"]["cpu"] = "1"
        self.assert_only(self.edited(quantity))

        def port(o):
            o[1]["spec"]["ports"][0]["targetPort"] = "8080"
        self.assert_only(self.edited(port),
                         'Service/frontend spec.ports[port=80,protocol=TCP].targetPort: '
                         'changed from 8080 to "8080"')

        def argument(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["args"][1] = 8080
        self.assert_only(self.edited(argument),
                         'Deployment/frontend spec.template.spec.containers[name=server].args[1]: '
                         'changed from "8080" to 8080')

    def test_keyed_lists_pair_by_key_and_ignore_order_where_it_means_nothing(self):
        def edit(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["ports"].reverse()
        self.assert_only(self.edited(edit))

    def test_the_order_of_containers_and_env_is_compared(self):
        def containers(o):
            o[0]["spec"]["template"]["spec"]["containers"].reverse()
        self.assert_only(self.edited(containers),
                         'Deployment/frontend spec.template.spec.containers (order): '
                         'changed from ["init", "server"] to ["server", "init"]')

        def env(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["env"].reverse()
        self.assert_only(self.edited(env),
                         'Deployment/frontend spec.template.spec.containers[name=server].env (order): '
                         'changed from ["A", "B"] to ["B", "A"]')

    def test_a_lost_list_item_is_named_by_its_key(self):
        def edit(o):
            del o[0]["spec"]["template"]["spec"]["containers"][1]["ports"][1]
        self.assert_only(self.edited(edit),
                         'Deployment/frontend spec.template.spec.containers[name=server]'
                         '.ports[containerPort=9090,protocol=TCP]: lost (original: '
                         '{"containerPort": 9090, "name": "metrics", "protocol": "TCP"})')

    def test_listed_defaults_are_filled_and_no_other(self):
        def listed(o):
            o[0]["spec"]["template"]["spec"]["restartPolicy"] = "Always"
            o[0]["spec"]["template"]["spec"]["containers"][1]["ports"][0]["protocol"] = "TCP"
            o[1]["spec"]["type"] = "ClusterIP"
        self.assert_only(self.edited(listed))

        def not_the_default(o):
            o[0]["spec"]["template"]["spec"]["restartPolicy"] = "Never"
        self.assert_only(self.edited(not_the_default),
                         'Deployment/frontend spec.template.spec.restartPolicy: '
                         'changed from "Always" to "Never"')

    def test_string_data_equals_its_base64_data(self):
        def same(o):
            del o[2]["data"]
            o[2]["stringData"] = {"password": "YOUR_PASSWORD"}
        self.assert_only(self.edited(same))

        def other(o):
            del o[2]["data"]
            o[2]["stringData"] = {"password": "secret"}
        self.assert_only(self.edited(other),
                         'Secret/password data.password: changed from "WU9VUl9QQVNTV09SRA==" '
                         'to "c2VjcmV0"')

    def test_claim_templates_are_typed_as_the_api_server_types_them(self):
        original = """
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: zk}
spec:
  volumeClaimTemplates:
  - metadata: {name: datadir}
    spec: {accessModes: [ReadWriteOnce]}
"""
        typed = original.replace("  - metadata:", "  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata:")
        self.assertIn("kind: PersistentVolumeClaim", typed)
        self.assertEqual(self.differences(typed, original=original), ([], []))
        self.assertEqual(self.differences(typed.replace("ReadWriteOnce", "ReadWriteMany"),
                                          original=original),
                         ([], ['StatefulSet/zk spec.volumeClaimTemplates[0].spec.accessModes[0]: '
                               'changed from "ReadWriteOnce" to "ReadWriteMany"']))
        # Only a StatefulSet's claim templates: a kind elsewhere is an added field.
        problems, found = self.differences(self.edited(lambda o: o[1]["spec"].update(kind="X")))
        self.assertEqual(found, ['Service/frontend spec.kind: added (rewrite: "X")'])

    def test_network_policy_types_and_ports_default_as_the_api_server_sets_them(self):
        original = """
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {}
  egress:
  - ports: [{port: 53}]
"""
        written = original.replace("  podSelector: {}", "  podSelector: {}\n"
                                   "  policyTypes: [Ingress, Egress]").replace(
                                       "{port: 53}", "{port: 53, protocol: TCP}")
        self.assertEqual(self.differences(written, original=original), ([], []))
        # Without egress rules, Ingress alone.
        self.assertEqual(self.differences(written, original=original.replace(
            "  egress:\n  - ports: [{port: 53}]\n", "  egress: []\n")),
            ([], ['NetworkPolicy/db spec.egress[0]: added (rewrite: {"ports": [{"port": 53, '
                  '"protocol": "TCP"}]})',
                  'NetworkPolicy/db spec.policyTypes[1]: added (rewrite: "Egress")']))

    def test_a_list_stands_for_its_items(self):
        items = documents(ORIGINAL)
        rewrite = yaml.safe_dump({"apiVersion": "v1", "kind": "List", "items": items})
        self.assert_only(rewrite)

    def test_an_intended_difference_is_accepted_only_as_written(self):
        def edit(o):
            o[0]["spec"]["template"]["spec"]["containers"][1]["image"] = "frontend:v2"
        rewrite = self.edited(edit)
        entry = {"object": "Deployment/frontend",
                 "path": "spec.template.spec.containers[name=server].image",
                 "original": "frontend:v1", "rewrite": "frontend:v2", "reason": "a fix"}
        self.assertEqual(self.differences(rewrite, [entry]), ([], []))

        stale = dict(entry, rewrite="frontend:v3")
        problems, found = self.differences(rewrite, [stale])
        self.assertEqual(len(problems), 1)
        self.assertIn("intended difference did not occur", problems[0])
        self.assertEqual(len(found), 1)

        problems, _ = self.differences(rewrite, [dict(entry, reason=" ")])
        self.assertIn("without a reason", problems[0])

    def test_an_object_twice_is_a_problem(self):
        problems, _ = self.differences(ORIGINAL + "---\n" + ORIGINAL.split("---")[1])
        self.assertEqual(problems, ["rewrite: Service/frontend (v1) appears twice"])

    def run_script(self, original, stream):
        with tempfile.TemporaryDirectory() as directory:
            stream_path = pathlib.Path(directory) / "stream.yaml"
            stream_path.write_text(stream, encoding="utf-8")
            if original is not None:
                (pathlib.Path(directory) / "original").mkdir()
                (pathlib.Path(directory) / "original" / "original.yaml").write_text(original)
            return subprocess.run(
                [sys.executable, str(HERE / "compare_manifests.py"), "--schema",
                 str(self.schema_path), "--original", str(pathlib.Path(directory) / "original"),
                 "--stream", str(stream_path)], capture_output=True, text=True)

    def test_the_script_exits_0_1_or_77(self):
        self.assertEqual(self.run_script(ORIGINAL, ORIGINAL).returncode, 0)
        changed = self.run_script(ORIGINAL, ORIGINAL.replace("frontend:v1", "frontend:v2"))
        self.assertEqual(changed.returncode, 1)
        self.assertIn("changed from \"frontend:v1\" to \"frontend:v2\"", changed.stdout)
        skipped = self.run_script(None, ORIGINAL)
        self.assertEqual(skipped.returncode, 77)
        self.assertIn("skipped:", skipped.stdout)


class ReadmeTest(unittest.TestCase):
    """The README's rules are the script's: its table of defaults and its ordered lists."""

    def test_the_readme_lists_the_same_defaults_and_ordered_lists(self):
        readme = (HERE.parent.parent / "examples" / "realworld" / "README.md").read_text()
        rows = {(cells[1].strip("` "), cells[2].strip("` "), cells[3].strip("` "))
                for cells in (line.split("|") for line in readme.splitlines())
                if len(cells) > 4 and cells[1].strip().startswith("`io.k8s.")}
        self.assertEqual(rows, {(d, f, v) for (d, f), v in compare_manifests.DEFAULTS.items()})
        words = " ".join(readme.split())
        rule = words[words.index("The order of such a list"):words.index(", where Kubernetes")]
        named = set(rule.split("`")[1::2])
        self.assertEqual(named, compare_manifests.ORDERED_KEYED_LISTS)

    def test_only_zookeeper_has_an_intended_difference(self):
        examples = HERE.parent.parent / "examples" / "realworld"
        files = sorted(p.name for p in examples.glob("*.differences.yaml"))
        self.assertEqual(files, ["zookeeper.differences.yaml"])
        entries = yaml.safe_load((examples / files[0]).read_text(encoding="utf-8"))
        self.assertEqual([(e["object"], e["original"], e["rewrite"]) for e in entries],
                         [("StatefulSet/zk", "app", "app.kubernetes.io/name")])


if __name__ == "__main__":
    unittest.main(verbosity=2)
