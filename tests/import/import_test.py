#!/usr/bin/env python3
"""kubestack-import on bad input and on each form of good input, without a compiler: the
error names the file and line, the exit code is 1, and nothing is written. The round trips
through a build are the import.<stack> tests (tests/import/CMakeLists.txt).

    import_test.py [--importer tools/kubestack_import.py]
"""
import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
IMPORTER = os.path.join(HERE, "..", "..", "tools", "kubestack_import.py")

# minReadySeconds, which no builder states, keeps it in the typed model that most tests
# read; test_workloads_are_stated_by_builders_where_they_can_be drops it.
DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  minReadySeconds: 5
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
"""


class Importer(unittest.TestCase):
    def imported_compact(self, documents, *options):
        """The source imported from the documents, in one file, without its white space:
        clang-format breaks the chains where it likes."""
        result = self.run_importer({"all.yaml": "---\n".join(documents)}, "--name", "shop",
                                   *options)
        self.assertEqual(result.returncode, 0, result.stderr)
        return re.sub(r"\s+", "", result.stdout)

    def run_importer(self, inputs, *options, stdin=None):
        """Runs the importer on {file name: text} in a fresh directory."""
        self.directory = tempfile.mkdtemp()
        paths = []
        for name, text in inputs.items():
            path = os.path.join(self.directory, name)
            with open(path, "w") as out:
                out.write(text)
            paths.append(path)
        return subprocess.run([sys.executable, IMPORTER, *options, *paths], input=stdin,
                              capture_output=True, text=True, cwd=self.directory)

    @staticmethod
    def write_file(name, text):
        """A file beside the inputs, for an option to name: its path."""
        path = os.path.join(tempfile.mkdtemp(), name)
        with open(path, "w") as out:
            out.write(text)
        return path

    def assert_refused(self, inputs, message, *options):
        result = self.run_importer(inputs, *options)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn(message, result.stderr)
        self.assertIn("nothing written", result.stderr)
        return result

    # --- bad input: one case per kind of error, each naming file and line ---

    def test_invalid_yaml(self):
        self.assert_refused({"bad.yaml": DEPLOYMENT + "---\nkind: [Service\n"},
                            "bad.yaml:17: invalid YAML")

    def test_no_api_version(self):
        self.assert_refused({"a.yaml": "kind: ConfigMap\nmetadata: {name: a}\n"},
                            "a.yaml:1: document 1 (ConfigMap) has no apiVersion")

    def test_no_kind(self):
        self.assert_refused({"a.yaml": DEPLOYMENT + "---\napiVersion: v1\nmetadata: {name: a}\n"},
                            "a.yaml:16: document 2 has no kind")

    def test_api_version_not_served(self):
        old = DEPLOYMENT.replace("apps/v1", "extensions/v1beta1")
        self.assert_refused({"old.yaml": old}, "old.yaml:1: Deployment of apiVersion "
                            "extensions/v1beta1 is not served by Kubernetes 1.36: it serves apps/v1")

    def test_field_the_schema_does_not_have(self):
        typo = DEPLOYMENT.replace("  minReadySeconds: 5", "  replica: 2")
        self.assert_refused({"typo.yaml": typo}, 'typo.yaml:6: Deployment "web": spec.replica: '
                            "Kubernetes 1.36 has no such field (in DeploymentSpec)")

    def test_value_of_the_wrong_type(self):
        typed = DEPLOYMENT.replace("  minReadySeconds: 5", "  replicas: two")
        self.assert_refused({"typed.yaml": typed}, 'typed.yaml:6: Deployment "web": '
                            "spec.replicas: expected an integer, not 'two'")
        # kubectl reads `value: 1` as a number, which an env var's string refuses.
        number = DEPLOYMENT + "        env:\n        - {name: DEBUG, value: 1}\n"
        self.assert_refused({"env.yaml": number}, "env.yaml:16: Deployment \"web\": "
                            "spec.template.spec.containers[0].env[0].value: expected a string")

    def test_two_objects_of_one_kind_namespace_and_name(self):
        config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\n"
        self.assert_refused({"a.yaml": config, "b.yaml": config},
                            'b.yaml:1: ConfigMap "a" in namespace shop is also at ')

    def test_custom_resource_without_its_crd(self):
        monitor = ("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n"
                   "metadata: {name: web}\nspec: {}\n")
        self.assert_refused({"m.yaml": monitor}, "m.yaml:1: document 1 is a ServiceMonitor of "
                            "monitoring.coreos.com/v1, which is no kind of Kubernetes 1.36")

    def test_unreadable_file(self):
        result = subprocess.run([sys.executable, IMPORTER, "/nonexistent/x.yaml"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("/nonexistent/x.yaml: cannot read it", result.stderr)

    def test_bad_input_leaves_the_out_file_as_it_was(self):
        result = self.run_importer({"a.yaml": "kind: ConfigMap\n"})
        out = os.path.join(self.directory, "stack.cpp")
        with open(out, "w") as f:
            f.write("// kept\n")
        refused = subprocess.run([sys.executable, IMPORTER, "--out", out,
                                  os.path.join(self.directory, "a.yaml")],
                                 capture_output=True, text=True)
        self.assertEqual(refused.returncode, 1)
        with open(out) as f:
            self.assertEqual(f.read(), "// kept\n")
        self.assertEqual(sorted(os.listdir(self.directory)), ["a.yaml", "stack.cpp"])
        self.assertEqual(result.returncode, 1)

    def test_name_must_be_an_identifier(self):
        result = self.run_importer({"a.yaml": DEPLOYMENT}, "--name", "my-stack")
        self.assertEqual(result.returncode, 2)
        self.assertIn("must be a C++ identifier", result.stderr)

    def test_null_in_a_list_or_map(self):
        nulls = DEPLOYMENT + "        args: [run, null]\n"
        self.assert_refused({"n.yaml": nulls}, 'n.yaml:15: Deployment "web": '
                            "spec.template.spec.containers[0].args[1]: null is no value here")

    def test_key_given_twice(self):
        twice = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: '1', x: '2'}\n"
        self.assert_refused({"k.yaml": twice}, "k.yaml:4: the key 'x' is given twice")

    def test_numbers_out_of_range_or_not_finite(self):
        big = DEPLOYMENT.replace("  selector:", "  replicas: 99999999999\n  selector:")
        self.assert_refused({"big.yaml": big}, "spec.replicas: 99999999999 is out of the range "
                            "of int32")
        nan = ("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\n"
               "spec:\n  maxReplicas: 2\n  scaleTargetRef: {kind: Deployment, name: a}\n"
               "  minReplicas: .nan\n")
        self.assert_refused({"nan.yaml": nan}, "spec.minReplicas: expected an integer")

    def test_malformed_documents_get_messages_not_tracebacks(self):
        for text, message in [
                ("- a\n- b\n", "document 1 is not an object"),
                ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {[x]: y}\n",
                 "a key must be a plain text"),
                ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: !foo y}\n",
                 "the tag !foo is not one that Kubernetes manifests use"),
                ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, <<: 3}\n",
                 "k.yaml:3: expected a mapping or list of mappings for merging"),
                ('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "\\ud83d"}}',
                 "lone UTF-16 surrogate")]:
            with self.subTest(text=text):
                result = self.assert_refused({"k.yaml": text}, message)
                self.assertNotIn("Traceback", result.stderr)

    def test_out_into_a_missing_directory(self):
        result = self.run_importer({"a.yaml": DEPLOYMENT}, "--out", "missing/stack.cpp")
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing/stack.cpp: cannot write it", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    # --- read as kubectl reads it (go-yaml v2), not as YAML 1.1 ---

    def test_plain_scalars_as_kubectl_reads_them(self):
        config = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n"
                  "    time: 12:30\n    equals: =\n"
                  "data: {}\n---\napiVersion: apiextensions.k8s.io/v1\n"
                  "kind: CustomResourceDefinition\nmetadata: {name: a.example.com}\n"
                  "spec:\n  group: example.com\n  names: {kind: A, plural: as}\n"
                  "  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n"
                  "    storage: true\n    schema:\n      openAPIV3Schema: {type: object, "
                  "properties: {size: {type: number, multipleOf: 1e3}}}\n")
        result = self.run_importer({"c.yaml": config})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('{"time", "12:30"}', result.stdout)
        self.assertIn('{"equals", "="}', result.stdout)
        self.assertIn(".multipleOf = 1000.0", result.stdout)

    def test_merge_keys_and_json_with_tabs_and_surrogate_pairs(self):
        merged = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
                  "  labels:\n    <<: {app: x, tier: web}\n    app: z\n")
        result = self.run_importer({"m.yaml": merged})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.label("app", "z").label("tier", "web")', result.stdout)
        json_text = ('{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": '
                     '{"name": "rocket"},\n\t"data": {"x": "\\ud83d\\ude80"}\n}\n')
        result = self.run_importer({"j.json": json_text})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.data("x", "\U0001F680")', result.stdout)

    def test_values_kubectl_would_read_otherwise_are_refused_or_kept(self):
        # A key YAML reads as a boolean or a number keeps its spelling only where kubectl's
        # text of it is the same (80 stays "80"; on becomes "true", 0x10 "16").
        config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n"
        for key in ("on", "0x10", "0755", "1.10", "~", "True"):
            self.assert_refused({"k.yaml": config + f"  {key}: x\n"},
                                f"k.yaml:5: the key {key!r} is read by kubectl as")
        self.assert_refused({"k.yaml": config + "  <<: {0755: x}\n"},
                            "k.yaml:5: the key '0755' is read by kubectl as '493'")
        self.assert_refused({"k.yaml": config + "  99999999999999999999: x\n"},
                            "is read by kubectl as a number beyond 64-bit integers")
        result = self.run_importer({"k.yaml": config + "  80: x\n  true: w\n  'on': z\n"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.data("80", "x").data("true", "w").data("on", "z")', result.stdout)
        # A quantity written as a number that kubectl reads as another number.
        deployment = DEPLOYMENT.replace("image: nginx:1.27", "image: nginx:1.27\n"
                                        "        resources: {requests: {cpu: CPU}}")
        for number, read in (("0755", "493"), ("0x1F", "31"), ("1_000", "1000"),
                             ("0123.5", "123.5"), ("1.0000000000000001", "1.0")):
            self.assert_refused({"d.yaml": deployment.replace("CPU", number)},
                                f"{number} is read by kubectl as the number {read}")
        result = self.run_importer({"d.yaml": deployment.replace("CPU", "0.5")})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('"0.5"', result.stdout)
        # 0x_ is text to go-yaml, not a number.
        result = self.run_importer({"x.yaml": config + "  v: 0x_\n"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.data("v", "0x_")', result.stdout)

    def test_input_nested_too_deeply_is_refused_without_a_traceback(self):
        for text in ("[" * 100000, '{"a":' * 3000 + "1" + "}" * 3000):
            self.assert_refused({"deep.json": text}, "nested too deeply to import")

    def test_tabs_in_strings_and_merges_at_the_top_are_kept(self):
        # A file that opens with JSON but holds more: its tabs are the YAML's to read.
        mixed = ('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n---\n'
                 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n'
                 '  k: "tab\there"\n')
        result = self.run_importer({"t.yaml": mixed})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.data("k", "tab\\there")', result.stdout)
        merged = "<<: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\nmetadata: {name: m}\n"
        result = self.run_importer({"m.yaml": merged})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('configMap("m")', result.stdout)
        # A mapping that merges and is merged, read twice through its anchor.
        anchored = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &a\n"
                    "    <<: {app: base}\n    app: web\n  annotations:\n    <<: *a\ndata: *a\n")
        result = self.run_importer({"a.yaml": anchored})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('.label("app", "web").annotation("app", "web").data("app", "web")',
                      result.stdout)

    # --- what the source names ---

    def test_names_that_cpp_or_the_source_takes(self):
        for name in ("int", "api", "kubestack", "std", "main", ""):
            with self.subTest(name=name):
                result = self.run_importer({"a.yaml": DEPLOYMENT}, "--name", name)
                self.assertEqual(result.returncode, 2)
        # A default name from the file takes a suffix rather than a taken name, and an object
        # function never takes the stack's name.
        result = self.run_importer({"api.yaml": DEPLOYMENT})
        self.assertIn("kubestack::Stack api_stack()", result.stdout)
        result = self.run_importer({"a.yaml": DEPLOYMENT}, "--name", "web_deployment")
        self.assertIn("web_deployment_2()", result.stdout)

    def test_input_text_cannot_leave_its_comment(self):
        hostile = ('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "x\\nint y = ;\\\\"}\n')
        result = self.run_importer({"h.yaml": hostile})
        self.assertEqual(result.returncode, 0, result.stderr)
        comment = next(line for line in result.stdout.splitlines() if line.startswith("// ConfigMap"))
        self.assertIn("int y", comment)
        self.assertFalse(comment.endswith("\\"))

    def test_objects_without_a_name_are_no_duplicates(self):
        job = ("apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: run-}\n"
               "spec:\n  template:\n    spec:\n      restartPolicy: Never\n"
               "      containers: [{name: run, image: busybox}]\n")
        result = self.run_importer({"j.yaml": job + "---\n" + job})
        self.assertEqual(result.returncode, 0, result.stderr)

    # --- good input in each form ---

    def test_lists_json_and_standard_input(self):
        as_list = ("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
                   "  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n"
                   "  metadata: {name: b}\n")
        as_json = '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}'
        result = self.run_importer({"list.yaml": as_list, "ns.json": as_json}, "--name", "shop",
                                   "-", stdin=DEPLOYMENT)
        self.assertEqual(result.returncode, 0, result.stderr)
        for function in ("a_configmap =", "b_configmap =", "shop_namespace =",
                         "web_deployment()", "kubestack::Stack shop()"):
            self.assertIn(function, result.stdout)
        self.assertIn("4 object(s) imported", result.stderr)

    def test_selectors_of_pods_in_another_file_are_marked(self):
        service = ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                   "spec:\n  selector: {app: web}\n  ports: [{port: 80}]\n")
        # A selector of expressions keeps the budget in the typed model.
        budget = ("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\n"
                  "spec:\n  maxUnavailable: 1\n  selector: {matchExpressions: [{key: app, "
                  "operator: In, values: [web]}]}\n")
        alone = self.run_importer({"service.yaml": service, "budget.yaml": budget})
        self.assertEqual(alone.returncode, 0, alone.stderr)
        # The Service's builder selects the pods as created elsewhere; the budget, of the
        # typed model, is marked.
        self.assertIn('.selects(kubestack::podsCreatedElsewhere("app", "web"))', alone.stdout)
        self.assertIn("kubestack::object<web_poddisruptionbudget>()"
                      ".selectsPodsCreatedElsewhere()", alone.stdout)
        self.assertEqual(alone.stdout.count("// It selects pods that the input does not make"), 2)
        self.assertIn("2 object(s) select pods that the input does not make", alone.stderr)
        # With the Deployment whose pods they select, nothing is marked.
        serving = DEPLOYMENT.replace("image: nginx:1.27\n",
                                     "image: nginx:1.27\n        ports: [{containerPort: 80}]\n")
        together = self.run_importer({"service.yaml": service, "budget.yaml": budget,
                                      "web.yaml": serving})
        self.assertEqual(together.returncode, 0, together.stderr)
        self.assertNotIn("CreatedElsewhere", together.stdout)
        self.assertIn('.selector("app", "web")', together.stdout)
        self.assertNotIn("select pods that the input does not make", together.stderr)

    def test_objects_referred_to_but_not_defined_are_declared(self):
        autoscaler = ("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                      "metadata: {name: web, namespace: shop}\nspec:\n  maxReplicas: 3\n"
                      "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n")
        binding = ("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
                   "metadata: {name: viewers}\nroleRef: {apiGroup: rbac.authorization.k8s.io,"
                   " kind: ClusterRole, name: view}\nsubjects:\n"
                   "- {kind: ServiceAccount, name: web, namespace: shop}\n")
        alone = self.run_importer({"hpa.yaml": autoscaler, "binding.yaml": binding})
        self.assertEqual(alone.returncode, 0, alone.stderr)
        # Each in the namespace of the objects that refer to it.
        for declaration in (
                'web_shop_deployment=kubestack::deployment("web").inNamespace(shop_namespace)'
                '.createdElsewhere();',
                'kubestack::clusterRole("view").createdElsewhere();',
                'kubestack::serviceAccount("web").inNamespace(shop_namespace).createdElsewhere();',
                '//Deployment"web"isreferredtobutnotintheinput:createdelsewhere.'):
            self.assertIn(declaration, re.sub(r"\s+", "", alone.stdout))
        # A builder names them, as it would the input's objects.
        self.assertIn("horizontalPodAutoscaler(web_shop_deployment)", alone.stdout)
        self.assertIn(".subject(web_shop_serviceaccount)", alone.stdout)
        self.assertIn("3 object(s) are referred to but not in the input", alone.stderr)
        # With the Deployment it scales, the autoscaler declares nothing.
        together = self.run_importer({"hpa.yaml": autoscaler.replace(
            "namespace: shop", "namespace: default"), "web.yaml": DEPLOYMENT})
        self.assertEqual(together.returncode, 0, together.stderr)
        self.assertNotIn("createdElsewhere", together.stdout)
        self.assertNotIn("referred to but not in the input", together.stderr)

    def test_references_that_cannot_be_declared(self):
        # An autoscaler of a ReplicaSet: no builder makes one, so the build reports it.
        autoscaler = ("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                      "metadata: {name: web}\nspec:\n  maxReplicas: 3\n"
                      "  scaleTargetRef: {apiVersion: apps/v1, kind: ReplicaSet, name: web}\n")
        result = self.run_importer({"hpa.yaml": autoscaler})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('HorizontalPodAutoscaler "web" refers to ReplicaSet "web", which the input '
                      "does not define and no builder makes", result.stderr)
        # More declarations than one object may hold: refused, nothing written.
        env = "".join(f"        - name: S{i}\n          valueFrom:\n            secretKeyRef: "
                      f"{{name: s{i}, key: k}}\n" for i in range(33))
        self.assert_refused({"web.yaml": DEPLOYMENT + "        env:\n" + env},
                            'web.yaml:1: Deployment "web" refers to 33 objects that the input '
                            "does not define, more than the 32")

    def test_names_that_kubernetes_takes_but_no_builder_does(self):
        # A subdomain part of 64 characters: Kubernetes limits the whole name to 253, the
        # DSL's Name each part to 63, as a DNS label.
        long = "a" * 64 + ".example"
        inputs = [
            f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {long}}}\ndata: {{a: b}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: labelled, labels: "
            f"{{{long}/tier: web}}}}\ndata: {{a: b}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: annotated, annotations: "
            f"{{{long.upper()}/note: x}}}}\ndata: {{a: b}}\n",
            # Its near misses: 63 characters, and capitals in an annotation key's prefix.
            f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {long[1:]}}}\ndata: {{a: b}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: noted, annotations: "
            "{Example.COM/note: x}}\ndata: {a: b}\n",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bound}\nspec:\n"
            f"  accessModes: [ReadWriteOnce]\n  volumeName: {long}\n"
            "  resources: {requests: {storage: 1Gi}}\n",
        ]
        result = self.run_importer({"all.yaml": "---\n".join(inputs)})
        self.assertEqual(result.returncode, 0, result.stderr)
        out = re.sub(r"\s+", "", result.stdout)
        for typed in ("labelled_configmap", "annotated_configmap", "bound_persistentvolumeclaim"):
            self.assertIn(f"{typed}(){{", out)
        self.assertNotIn(f'configMap("{long}")', out)
        self.assertIn(f'configMap("{long[1:]}")', out)
        self.assertIn('configMap("noted").annotation("Example.COM/note","x")', out)
        # The claim's volume cannot be declared: the build reports it.
        self.assertIn(f'PersistentVolumeClaim "bound" refers to PersistentVolume "{long}", '
                      "which the input does not define", result.stderr)

    def test_custom_resources_with_their_crd(self):
        crd = ("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
               "metadata: {name: gadgets.example.com}\nspec:\n  group: example.com\n"
               "  names: {kind: Gadget, plural: gadgets}\n  scope: Namespaced\n"
               "  versions:\n  - name: v1\n    served: true\n    storage: true\n"
               "    schema:\n      openAPIV3Schema:\n        type: object\n"
               "        properties:\n          spec:\n            type: object\n"
               "            properties:\n              size: {type: string, enum: [S, M]}\n")
        gadget = ("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n"
                  "spec: {size: M}\n")
        given = self.run_importer({"gadget.yaml": gadget}, "--crd",
                                  self.write_file("gadget.crd.yaml", crd))
        self.assertEqual(given.returncode, 0, given.stderr)
        self.assertIn("#include <kubestack/crd/example.com/v1.hpp>", given.stdout)
        self.assertIn("constexpr crd::example_com::v1::Gadget g_gadget()", given.stdout)
        self.assertIn('.size = "M"', given.stdout)
        self.assertIn("kubestack_import_crds(<target> ", given.stderr)
        # The CRD among the input's objects serves as well, and is imported too.
        within = self.run_importer({"gadget.yaml": crd + "---\n" + gadget})
        self.assertEqual(within.returncode, 0, within.stderr)
        self.assertIn("g_gadget()", within.stdout)
        self.assertIn("gadgets_example_com_customresourcedefinition()", within.stdout)
        # kubestack_import_crds() reads the file as it is.
        self.assertRegex(within.stderr, r"kubestack_import_crds\(<target> \S*gadget\.yaml\)")
        # A field that the CRD's schema does not have is refused as a built-in kind's is.
        self.assert_refused({"gadget.yaml": crd + "---\n" + gadget.replace("size", "colour")},
                            "gadget.yaml:24: Gadget \"g\": spec.colour: its CRD's schema has "
                            "no such field (in GadgetSpec)")
        # A CRD given twice, with --crd and in the input, counts once.
        both = self.run_importer({"gadget.yaml": crd + "---\n" + gadget}, "--crd",
                                 self.write_file("gadget.crd.yaml", crd))
        self.assertEqual(both.returncode, 0, both.stderr)
        # A CRD that Kubernetes would refuse gets a message, not a traceback.
        self.assert_refused({"bad.yaml": crd.replace("  versions:\n  - name: v1\n",
                                                     "  versions:\n    name: v1\n")},
                            "bad.yaml:1: the CRD's spec is malformed")
        # --crd reads a file that holds CRDs.
        self.assert_refused({"gadget.yaml": gadget}, "not_a_crd.yaml: --crd reads "
                            "CustomResourceDefinitions (apiextensions.k8s.io/v1), and the file "
                            "holds none", "--crd", self.write_file("not_a_crd.yaml", gadget))
        # What kubestack_import_crds() would refuse in the file, --crd refuses too.
        beta = crd.replace("apiextensions.k8s.io/v1\n", "apiextensions.k8s.io/v1beta1\n")
        self.assert_refused({"gadget.yaml": gadget}, "mixed_beta.yaml:21: a "
                            "CustomResourceDefinition of another apiVersion", "--crd",
                            self.write_file("mixed_beta.yaml", crd + "---\n" + beta))
        self.assert_refused({"gadget.yaml": gadget}, "an item of document 2 is not an object",
                            "--crd", self.write_file("mixed_item.yaml", crd + "---\n"
                                                     "apiVersion: v1\nkind: List\nitems: [3]\n"))
        # Beside other objects, and in a List, as kubestack_import_crds() reads them.
        listed = ("apiVersion: v1\nkind: List\nitems:\n" +
                  "".join(f"- {line}\n" if i == 0 else f"  {line}\n"
                          for i, line in enumerate(crd.splitlines())))
        mixed = self.write_file("mixed.yaml", listed + "---\n" + gadget)
        result = self.run_importer({"gadget.yaml": gadget}, "--crd", mixed)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1 object(s) imported", result.stderr)

    def test_objects_are_written_in_apply_order(self):
        service = ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                   "spec:\n  selector: {app: web}\n  ports: [{port: 80}]\n")
        config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n"
        namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"
        pod = ("apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\n"
               "spec:\n  containers: [{name: debug, image: busybox}]\n")
        limits = ("apiVersion: v1\nkind: LimitRange\nmetadata: {name: limits}\n"
                  "spec:\n  limits: [{type: Container, default: {memory: 256Mi}}]\n")
        lease = "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: leader}\n"
        result = self.run_importer({"all.yaml": "---\n".join(
            [lease, pod, service, DEPLOYMENT, config, limits, namespace])})
        self.assertEqual(result.returncode, 0, result.stderr)
        # A kind no builder has: at its rank in model_kind_ranks (LimitRange, Pod), or last.
        written = [re.search(rf"{name}(\(\) {{| =)", result.stdout).start() for name in (
            "shop_namespace", "limits_limitrange", "web_configmap", "debug_pod", "web_deployment",
            "web_service", "leader_lease")]
        self.assertEqual(written, sorted(written))
        applied = result.stdout[result.stdout.index("stack()"):]
        self.assertLess(applied.index("shop_namespace"), applied.index("web_service"))

    def test_every_kind_of_kind_info_has_an_apply_rank(self):
        sys.path.insert(0, os.path.dirname(IMPORTER))
        from import_kind_info import KindTable  # raises unless it reads every kind_info line
        table = KindTable(os.path.join(os.path.dirname(IMPORTER), "..", "include",
                                       "kubestack", "api", "model.json"))
        self.assertLess(table.ranks["Namespace"], table.ranks["ConfigMap"])
        self.assertLess(table.ranks["Deployment"], table.ranks["Service"])
        self.assertLess(table.ranks["Ingress"], table.other_rank)
        self.assertEqual(table.served_since("policy/v1", "PodDisruptionBudget"), (1, 21))
        self.assertEqual(table.served_since("v1", "Pod"), (1, 0))

    def test_an_embedded_object_may_say_its_apiversion_and_kind(self):
        template = ("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n"
                    "  selector: {matchLabels: {app: db}}\n"
                    "  template:\n    metadata: {labels: {app: db}}\n"
                    "    spec: {containers: [{name: db, image: postgres:16}]}\n"
                    "  volumeClaimTemplates:\n  - apiVersion: v1\n    kind: KIND\n"
                    "    metadata: {name: data}\n")
        result = self.run_importer({"db.yaml": template.replace("KIND", "PersistentVolumeClaim")})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assert_refused({"db.yaml": template.replace("KIND", "Pod")},
                            "db.yaml:11: StatefulSet \"db\": spec.volumeClaimTemplates[0].kind: "
                            "expected PersistentVolumeClaim")

    # --- builders where a builder states the object, the typed model elsewhere ---

    def test_a_custom_resource_is_placed_as_its_crd_scopes_it(self):
        def crd(kind, scope):
            return ("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                    f"metadata: {{name: {kind.lower()}s.example.com}}\nspec:\n"
                    f"  group: example.com\n  names: {{kind: {kind}, plural: {kind.lower()}s}}\n"
                    f"  scope: {scope}\n  versions:\n  - name: v1\n    served: true\n"
                    "    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n"
                    "        properties: {spec: {type: object}}\n")

        def resource(kind, ns):
            return (f"apiVersion: example.com/v1\nkind: {kind}\n"
                    f"metadata: {{name: x, namespace: {ns}}}\n")

        # A cluster-scoped kind is in no namespace, whatever its metadata says.
        issuer = self.run_importer({"i.yaml": crd("Issuer", "Cluster") + "---\n" +
                                    resource("Issuer", "shop")})
        self.assertEqual(issuer.returncode, 0, issuer.stderr)
        self.assertNotIn("inNamespace", issuer.stdout)
        self.assertNotIn("shop_namespace", issuer.stdout)
        # A namespaced custom kind named like a built-in cluster-scoped one is placed.
        role = self.run_importer({"r.yaml": crd("ClusterRole", "Namespaced") + "---\n" +
                                  resource("ClusterRole", "other")})
        self.assertEqual(role.returncode, 0, role.stderr)
        self.assertIn(".inNamespace(other_namespace)", role.stdout)

    def test_builders_state_the_objects_they_can(self):
        def config(name, extra=""):
            return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n{extra}"
        many = "data:\n" + "".join(f"  k{i}: v\n" for i in range(65))
        inputs = [
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
            "  labels: {team: web}\n",
            config("placed", "  namespace: shop\ndata: {a: b}\n"),
            config("binary", "binaryData: {a: YQ==}\n"),
            config("empty", "data: {}\n"),
            config("many", many),
            config("immutable", "immutable: true\n"),
            config("owned", "  finalizers: [example.com/keep]\n"),
            "apiVersion: v1\nkind: Secret\nmetadata: {name: stated}\ntype: Opaque\n"
            "stringData: {a: b}\n",
            # Base64 of text: that text, which the builder writes as stringData.
            "apiVersion: v1\nkind: Secret\nmetadata: {name: encoded}\ntype: Opaque\n"
            "data: {a: Yg==, b: w6k=}\n",
            # Bytes that are no UTF-8 text, base64 that would not encode back alike, both
            # fields: the typed model.
            "apiVersion: v1\nkind: Secret\nmetadata: {name: binary}\ntype: Opaque\n"
            "data: {a: /w==}\n",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: unpadded}\ntype: Opaque\n"
            "data: {a: Yh==}\n",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: both}\ntype: Opaque\n"
            "data: {a: Yg==}\nstringData: {b: c}\n",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: untyped}\nstringData: {a: b}\n",
            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: quiet}\n"
            "automountServiceAccountToken: false\n",
            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: plain, namespace: shop}\n",
        ]
        result = self.run_importer({"all.yaml": "---\n".join(inputs)}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        self.assertIn('shop_namespace = kubestack::namespace_("shop").label("team", "web");', out)
        # Placed in the input's Namespace by reference.
        self.assertIn('configMap("placed").inNamespace(shop_namespace).data("a", "b");', out)
        self.assertIn('serviceAccount("plain").inNamespace(shop_namespace);', out)
        self.assertIn('secret("stated").data("a", "b");', out)
        self.assertIn('secret("encoded").data("a", "b").data("b", "\u00e9");', out)
        # What no builder states, or more than its capacity: the typed model.
        for typed in ("binary_configmap", "empty_configmap", "many_configmap",
                      "immutable_configmap", "owned_configmap", "binary_secret",
                      "unpadded_secret", "both_secret", "untyped_secret",
                      "quiet_serviceaccount"):
            self.assertIn(f"{typed}() {{", out)
        self.assertRegex(out, r"15 object\(s\), 5 stated by builders and 10 in\s+(// )?the\s+"
                              r"(// )?typed\s+(// )?model")
        # Objects placed in no namespace leave it to kubectl, as the input does.
        self.assertIn("stack().withoutNamespaces()", out)
        placed = self.run_importer({"placed.yaml": inputs[0] + "---\n" + inputs[1]})
        self.assertEqual(placed.returncode, 0, placed.stderr)
        self.assertNotIn("withoutNamespaces", placed.stdout)

    def test_builders_leave_what_would_change_to_the_typed_model(self):
        def config(name, metadata=""):
            return (f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n{metadata}"
                    "data: {a: b}\n")
        binding = ("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                   "metadata: {name: unbound}\n"
                   "subjects: [{kind: ServiceAccount, name: x, namespace: default}]\n")
        role = ("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                "metadata: {name: \"sys\\0tem\"}\n"
                "rules: [{apiGroups: [\"\"], resources: [pods], verbs: [get]}]\n")
        inputs = [
            config("unplaced", '  namespace: ""\n'),
            # The same object once a builder places the first in "default".
            config("twice"), config("twice", "  namespace: default\n"),
            binding, role]
        result = self.run_importer({"all.yaml": "---\n".join(inputs)}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        for typed in ("unplaced_configmap", "twice_configmap", "twice_configmap_2",
                      "unbound_rolebinding", "sys_tem_clusterrole"):
            self.assertIn(f"{typed}() {{", result.stdout)

    def test_services_are_stated_by_builders_where_they_can_be(self):
        def service(name, spec):
            return f"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec:\n{spec}"
        selector = "  selector: {app: web}\n"
        serving = DEPLOYMENT.replace("image: nginx:1.27\n", "image: nginx:1.27\n        ports: "
                                     "[{containerPort: 8080}, {name: http, containerPort: 80}]\n")
        inputs = [
            serving,
            service("balanced", "  type: LoadBalancer\n" + selector +
                    "  ports: [{name: http, port: 80, targetPort: 8080},"
                    " {name: dns, port: 53, targetPort: 8080, protocol: UDP}]\n"),
            service("headless", "  clusterIP: None\n" + selector + "  ports: [{port: 8080}]\n"),
            service("long-port-name", selector +
                    "  ports: [{name: metrics-endpoint-v2, port: 9090, targetPort: 8080}]\n"),
            service("node-port", "  type: NodePort\n" + selector +
                    "  ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]\n"),
            # What the builder does not set: the typed model. A node port outside the
            # default range (the API server's may be wider), or of an unnamed port.
            service("low-node-port", "  type: NodePort\n" + selector +
                    "  ports: [{name: http, port: 80, targetPort: 8080, nodePort: 8080}]\n"),
            service("unnamed-node-port", "  type: NodePort\n" + selector +
                    "  ports: [{port: 80, targetPort: 8080, nodePort: 30081}]\n"),
            # A target that the pods do not declare, which Kubernetes sends on all the same
            # but a builder's rule refuses; a name of another protocol.
            service("undeclared", selector + "  ports: [{port: 80, targetPort: 9999}]\n"),
            service("named-udp", selector +
                    "  ports: [{port: 80, targetPort: http, protocol: UDP}]\n"),
            # An empty target, which stands for the port's number.
            service("empty-target", selector + '  ports: [{port: 8080, targetPort: ""}]\n'),
            service("sticky", "  sessionAffinity: ClientIP\n" + selector +
                    "  ports: [{port: 80, targetPort: 8080}]\n"),
            service("fixed-ip", "  clusterIP: 10.0.0.10\n" + selector +
                    "  ports: [{port: 80, targetPort: 8080}]\n"),
            service("external", "  type: ExternalName\n  externalName: example.com\n"),
            service("by-hand", "  ports: [{port: 80}]\n"),
            service("no-ports", selector),
        ]
        result = self.run_importer({"all.yaml": "---\n".join(inputs)}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        def compact(text):  # clang-format breaks the chains where it likes
            return re.sub(r"\s+", "", text)
        out = compact(result.stdout)
        self.assertIn(compact('service("balanced").type(kubestack::ServiceType::LoadBalancer)'
                              '.selector("app", "web").port("http", 80, 8080)'
                              '.port("dns", 53, 8080, kubestack::Protocol::UDP);'), out)
        self.assertIn(compact('service("headless").headless().selector("app", "web")'
                              '.port(8080);'), out)
        # A Service's port name is a DNS label, longer than a container port's.
        self.assertIn(compact('.port("metrics-endpoint-v2", 9090, 8080)'), out)
        self.assertIn(compact('service("node-port").type(kubestack::ServiceType::NodePort)'
                              '.selector("app", "web").port("http", 80, 8080)'
                              '.nodePort("http", 30080);'), out)
        for typed in ("low_node_port_service", "unnamed_node_port_service",
                      "undeclared_service", "named_udp_service", "empty_target_service",
                      "sticky_service",
                      "fixed_ip_service",
                      "external_service", "by_hand_service", "no_ports_service"):
            self.assertIn(f"{typed}(){{", out)

    def test_workloads_are_stated_by_builders_where_they_can_be(self):
        def deployment(name, pod="", container="", labels="{app: NAME}", spec=""):
            text = (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: NAME\n"
                    f"  labels: {labels}\nspec:\n{spec}"
                    "  selector:\n    matchLabels: {app: NAME}\n"
                    "  template:\n    metadata:\n      labels: {app: NAME}\n    spec:\n"
                    f"{pod}      containers:\n      - name: NAME\n        image: nginx:1.27\n"
                    f"{container}")
            return text.replace("NAME", name)
        settings = ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
                    "data: {MODE: live}\n")
        inputs = [
            settings,
            deployment("plain"),
            # The objects that the pods use, by their constants: one in the input, the
            # others declared created elsewhere.
            deployment("configured", pod="      serviceAccountName: robot\n",
                       container="        env:\n"
                       "        - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, "
                       "key: MODE}}}\n"
                       "        - {name: TOKEN, valueFrom: {secretKeyRef: {name: vault, "
                       "key: token}}}\n"),
            deployment("unlabelled", labels="{}").replace("  labels: {}\n", ""),
            # What the builder does not write, or a value that its checked texts refuse,
            # though Kubernetes takes it: the typed model.
            deployment("dotted-image", container="        imagePullPolicy: Always\n").replace(
                "nginx:1.27", "Registry.Example.com/Team/App:1"),
            deployment("digit-env", container="        env: [{name: 1ST, value: one}]\n"),
            deployment("twice-env", container="        env: [{name: A, value: one}, "
                       "{name: A, value: two}]\n"),
            deployment("writable-false", pod="      volumes: [{name: tmp, emptyDir: {}}]\n",
                       container="        volumeMounts: [{name: tmp, mountPath: /tmp, "
                       "readOnly: false}]\n"),
            deployment("renamed-config",
                       pod="      volumes: [{name: conf, configMap: {name: settings}}]\n"),
            deployment("probe-host", container="        livenessProbe: {httpGet: {host: "
                       "example.com, path: /, port: 80}}\n"),
            deployment("relative-probe", container="        livenessProbe: {httpGet: {path: "
                       "healthz, port: 80}}\n"),
            deployment("empty-security", container="        securityContext: {}\n"),
            deployment("zone-spread", pod="      affinity: {podAntiAffinity: "
                       "{requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: "
                       "{matchLabels: {app: zone-spread}}, topologyKey: "
                       "topology.kubernetes.io/zone}]}}\n"),
            deployment("fraction-memory", container="        resources: {limits: {memory: "
                       "1.5Gi}}\n"),
            deployment("exponent-cpu", container="        resources: {limits: {cpu: 1e3}}\n"),
            deployment("object-only-label", labels="{app: object-only-label, tier: web}"),
            deployment("host-network-false", pod="      hostNetwork: false\n"),
            deployment("tolerant", pod="      tolerations: [{operator: Exists}]\n"),
            deployment("many-containers", container="".join(
                f"      - {{name: c{i}, image: nginx}}\n" for i in range(4))),
            deployment("v1.2").replace("app: v1.2", "app: v1-2"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn('plain_deployment=kubestack::deployment("plain").image("nginx:1.27");', out)
        self.assertIn('.serviceAccount(robot_serviceaccount).image("nginx:1.27")'
                      '.env(settings_configmap.key("MODE"))'
                      '.env("TOKEN",vault_secret.key("token"));', out)
        self.assertIn('kubestack::deployment("unlabelled").withoutLabels()', out)
        for typed in ("dotted_image", "digit_env", "twice_env", "writable_false",
                      "renamed_config", "probe_host", "relative_probe", "empty_security",
                      "zone_spread", "fraction_memory", "exponent_cpu", "object_only_label",
                      "host_network_false", "tolerant", "many_containers", "v1_2"):
            self.assertIn(f"{typed}_deployment(){{", out)

    def test_workloads_that_builders_would_refuse_stay_typed(self):
        def deployment(name, pod):
            return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, "
                    f"labels: {{app: {name}}}}}\nspec:\n  selector: {{matchLabels: "
                    f"{{app: {name}}}}}\n  template:\n    metadata: {{labels: {{app: {name}}}}}\n"
                    f"    spec:\n{pod}")
        containers = "      containers: [{name: web, image: nginx}]\n"
        inputs = [
            # Kubernetes lets an init container declare ports; the builder's does not.
            deployment("init-port", containers + "      initContainers: [{name: init, "
                       "image: busybox, ports: [{containerPort: 9000}]}]\n"),
            deployment("init-plain", containers +
                       "      initContainers: [{name: init, image: busybox}]\n"),
            # A first component with a "." is a registry, which takes no "_".
            deployment("underscore-registry", "      containers: [{name: web, "
                       "image: my_team.example/app:1}]\n"),
            deployment("underscore-path", "      containers: [{name: web, "
                       "image: my_team/app:1}]\n"),
            # seccompProfile, which the rule seccomp_profile_not_served refuses before 1.19.
            deployment("seccomp", containers +
                       "      securityContext: {seccompProfile: {type: RuntimeDefault}}\n"),
        ]
        for target, seccomp_stated in ((None, True), ("1.18", False)):
            out = self.imported_compact(inputs, *(("--target", target) if target else ()))
            for typed in ("init_port", "underscore_registry") + (
                    () if seccomp_stated else ("seccomp",)):
                self.assertIn(f"{typed}_deployment(){{", out)
            for stated in ("init_plain", "underscore_path") + (
                    ("seccomp",) if seccomp_stated else ()):
                self.assertIn(f"{stated}_deployment=kubestack::deployment(", out)

    def test_anti_affinity_of_terms_that_match_the_own_pods(self):
        def deployment(name, expressions):
            return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, "
                    f"labels: {{app: {name}}}}}\nspec:\n  selector: {{matchLabels: "
                    f"{{app: {name}}}}}\n  template:\n    metadata: {{labels: {{app: {name}, "
                    "tier: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n"
                    "      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuring"
                    f"Execution: [{{labelSelector: {{matchExpressions: [{expressions}]}}, "
                    "topologyKey: kubernetes.io/hostname}]}}\n")
        inputs = [
            deployment("one", "{key: tier, operator: In, values: [web, api]}"),
            deployment("many", "{key: tier, operator: Exists}, {key: canary, operator: "
                       "DoesNotExist}, {key: app, operator: NotIn, values: [db]}"),
            # A term that misses the own pods, which the typed model's rule reports; what
            # labelIn() and labelExists() would not write: the typed model.
            deployment("other-pods", "{key: app, operator: In, values: [db]}"),
            deployment("no-values", "{key: tier, operator: In, values: []}"),
            deployment("exists-values", "{key: tier, operator: Exists, values: [web]}"),
            deployment("bad-key", "{key: -tier, operator: Exists}"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn('.antiAffinity(kubestack::labelIn("tier",{"web","api"}))', out)
        self.assertIn(re.sub(r"\s+", "", """
            .antiAffinity({kubestack::labelExists("tier"),kubestack::labelDoesNotExist("canary"),
            kubestack::labelNotIn("app",{"db"})})"""), out)
        for typed in ("other_pods", "no_values", "exists_values", "bad_key"):
            self.assertIn(f"{typed}_deployment(){{", out)

    def test_pods_of_the_hardened_profile_are_hardened(self):
        def deployment(name, pod="      automountServiceAccountToken: false\n",
                       pod_security="{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}",
                       security="{allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, "
                       "capabilities: {drop: [ALL]}}"):
            return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, "
                    f"labels: {{app: {name}}}}}\nspec:\n  selector: {{matchLabels: "
                    f"{{app: {name}}}}}\n  template:\n    metadata: {{labels: {{app: {name}}}}}\n"
                    f"    spec:\n{pod}      securityContext: {pod_security}\n"
                    f"      containers: [{{name: {name}, image: nginx, securityContext: "
                    f"{security}}}]\n")
        inputs = [
            deployment("profile"),
            # Settings that differ from the profile's, given with it.
            deployment("adjusted", pod_security="{runAsUser: 1000, runAsNonRoot: true, "
                       "seccompProfile: {type: Unconfined}}",
                       security="{allowPrivilegeEscalation: false, readOnlyRootFilesystem: "
                       "false, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}"),
            # What the profile would not make: the contexts spelled out.
            deployment("token-left", pod=""),
            deployment("writable-left", security="{allowPrivilegeEscalation: false, "
                       "capabilities: {drop: [ALL]}}"),
            deployment("escalation-left", security="{readOnlyRootFilesystem: true, "
                       "capabilities: {drop: [ALL]}}"),
            deployment("root-left", pod_security="{seccompProfile: {type: RuntimeDefault}}"),
            # An empty field that the builder does not write keeps the pod typed, hardened or
            # not: only the contexts that the profile's settings filled are left out.
            deployment("empty-resources").replace("image: nginx,", "image: nginx, resources: {},"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn(re.sub(r"\s+", "", """
            deployment("profile").hardened().automountServiceAccountToken(false)
            .image("nginx");"""), out)
        self.assertIn(re.sub(r"\s+", "", """
            deployment("adjusted").hardened().automountServiceAccountToken(false)
            .podSecurityContext(kubestack::podSecurity().runAsUser(1000).runAsNonRoot(true)
            .seccompProfile(kubestack::Seccomp::Unconfined)).image("nginx")
            .securityContext(kubestack::containerSecurity().readOnlyRootFilesystem(false)
            .addCapabilities({"NET_BIND_SERVICE"}));"""), out)
        self.assertIn("empty_resources_deployment(){", out)
        for spelled in ("token_left", "writable_left", "escalation_left", "root_left"):
            self.assertRegex(out, f'deployment\\("{spelled.replace("_", "-")}"\\)'
                             r"(?:(?!hardened).)*?;")
        # Before 1.19, which serves no seccompProfile, no profile either.
        self.assertNotIn(".hardened()", self.imported_compact(inputs[:1], "--target", "1.18"))

    def test_stateful_sets_are_stated_where_their_rules_hold(self):
        def stateful_set(name, service="db", templates="[{metadata: {name: data}, spec: "
                         "{accessModes: [ReadWriteOnce], resources: {requests: "
                         "{storage: 1Gi}}}}]", mounts="[{name: data, mountPath: /data}]",
                         extra=""):
            return (f"apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: {name}}}\n"
                    f"spec:\n  serviceName: {service}\n  selector: {{matchLabels: {{app: db}}}}\n"
                    f"{extra}  volumeClaimTemplates: {templates}\n"
                    "  template:\n    metadata: {labels: {app: db}}\n    spec:\n"
                    "      containers: [{name: db, image: postgres, ports: [{containerPort: "
                    f"5432}}], volumeMounts: {mounts}}}]\n")
        def service(name, spec):
            return (f"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\n"
                    f"spec:\n{spec}  ports: [{{port: 5432}}]\n")
        headless = "  clusterIP: None\n  selector: {app: db}\n"
        inputs = [
            service("db", headless),
            service("db-ip", "  selector: {app: db}\n"),
            service("db-other", "  clusterIP: None\n  selector: {app: other}\n"),
            stateful_set("governed"),
            # What the StatefulSet rules refuse of a builder's, though Kubernetes takes it:
            # a Service that is not headless, selects other pods or is not in the input,
            # and a claim template that no container mounts.
            stateful_set("not-headless", service="db-ip"),
            stateful_set("other-pods", service="db-other"),
            stateful_set("elsewhere", service="db-elsewhere"),
            stateful_set("unmounted", mounts="[{name: data, mountPath: /data}]").replace(
                "volumeClaimTemplates: [", "volumeClaimTemplates: [{metadata: {name: spare}, "
                "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}, "),
            # What its builder does not write.
            stateful_set("max-unavailable", extra="  updateStrategy: {type: RollingUpdate, "
                         "rollingUpdate: {maxUnavailable: 2}}\n"),
            stateful_set("no-size", templates="[{metadata: {name: data}, spec: "
                         "{accessModes: [ReadWriteOnce]}}]"),
            # Texts that the claim's builder refuses, which the API server did not check
            # in a claim template before 1.34.
            stateful_set("odd-label", templates="[{metadata: {name: data, labels: {tier: "
                         "hot cold}}, spec: {accessModes: [ReadWriteOnce], resources: "
                         "{requests: {storage: 1Gi}}}}]"),
            stateful_set("odd-class", templates="[{metadata: {name: data}, spec: "
                         "{accessModes: [ReadWriteOnce], storageClassName: Fast_SSD, "
                         "resources: {requests: {storage: 1Gi}}}}]"),
            stateful_set("long-class", templates="[{metadata: {name: data}, spec: "
                         f"{{accessModes: [ReadWriteOnce], storageClassName: {'a' * 64}.fast, "
                         "resources: {requests: {storage: 1Gi}}}}]"),
            # An annotation key with the Kelvin sign, which str.lower() makes a "k" and
            # AnnotationKey refuses; the near miss has ASCII capitals, which it takes.
            stateful_set("kelvin-annotation", templates="[{metadata: {name: data, "
                         "annotations: {\u212a8s.io/zone: a}}, spec: {accessModes: "
                         "[ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]"),
            stateful_set("capital-annotation", templates="[{metadata: {name: data, "
                         "annotations: {Example.com/zone: a}}, spec: {accessModes: "
                         "[ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn('governed_statefulset=kubestack::statefulSet("governed").selector("app",'
                      '"db").withoutLabels().serviceName("db").claimTemplate(kubestack::'
                      'persistentVolumeClaim("data").accessMode(kubestack::AccessMode::'
                      'ReadWriteOnce).request("1Gi")).containerName("db").image("postgres")'
                      '.port(5432).mount("data","/data");', out)
        for typed in ("not_headless", "other_pods", "elsewhere", "unmounted",
                      "max_unavailable", "no_size", "odd_label", "odd_class", "long_class",
                      "kelvin_annotation"):
            self.assertIn(f"{typed}_statefulset(){{", out)
        self.assertIn('capital_annotation_statefulset=kubestack::statefulSet(', out)

    def test_autoscalers_and_budgets_name_their_workloads(self):
        def deployment(name, spec=""):
            return (f"apiVersion: apps/v1\nkind: {'DaemonSet' if name == 'agent' else 'Deployment'}"
                    f"\nmetadata: {{name: {name}, labels: {{app: {name}}}}}\nspec:\n{spec}"
                    f"  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n"
                    f"    metadata: {{labels: {{app: {name}}}}}\n"
                    "    spec: {containers: [{name: main, image: nginx}]}\n")
        def autoscaler(name, target, spec="  maxReplicas: 5\n", kind="Deployment"):
            return ("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                    f"metadata: {{name: {name}}}\nspec:\n  scaleTargetRef: {{apiVersion: "
                    f"apps/v1, kind: {kind}, name: {target}}}\n{spec}")
        def budget(name, spec):
            return (f"apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: "
                    f"{name}}}\nspec:\n{spec}")
        cpu = ("{type: Resource, resource: {name: cpu, target: {type: Utilization, "
               "averageUtilization: 50}}}")
        inputs = [
            deployment("web"),
            deployment("pinned", "  replicas: 2\n"),
            deployment("agent"),
            autoscaler("web", "web", "  minReplicas: 2\n  maxReplicas: 10\n"
                       f"  metrics: [{cpu}, {{type: Resource, resource: {{name: memory, "
                       "target: {type: AverageValue, averageValue: 512Mi}}}]\n"
                       "  behavior: {scaleDown: {stabilizationWindowSeconds: 300}}\n"),
            autoscaler("web-burst", "web"),
            autoscaler("other", "other"),
            # What the rules or the builder refuse: a workload that sets its replicas,
            # which the autoscaler owns; a DaemonSet; two targets of one resource; a
            # metric of another type; a window's policies.
            autoscaler("pinned", "pinned"),
            autoscaler("agent", "agent", kind="DaemonSet"),
            autoscaler("twice", "web", f"  maxReplicas: 5\n  metrics: [{cpu}, {cpu}]\n"),
            autoscaler("pods-metric", "web", "  maxReplicas: 5\n  metrics: [{type: Pods, "
                       "pods: {metric: {name: rps}, target: {type: AverageValue, "
                       "averageValue: 10}}}]\n"),
            autoscaler("policies", "web", "  maxReplicas: 5\n  behavior: {scaleUp: "
                       "{policies: [{type: Pods, value: 4, periodSeconds: 60}]}}\n"),
            # A Deployment's name that its builder does not take, which is not declared:
            # the first build reports it.
            autoscaler("dotted", "web.v2"),
            budget("web", "  selector: {matchLabels: {app: web}}\n  maxUnavailable: 1\n"),
            budget("web-share", "  selector: {matchLabels: {app: web}}\n"
                   "  minAvailable: 50%\n  unhealthyPodEvictionPolicy: AlwaysAllow\n"),
            budget("gone", "  selector: {matchLabels: {app: gone}}\n  maxUnavailable: 1\n"),
            budget("expressions", "  selector: {matchExpressions: [{key: app, operator: "
                   "In, values: [web]}]}\n  maxUnavailable: 1\n"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn("web_horizontalpodautoscaler=kubestack::horizontalPodAutoscaler("
                      "web_deployment).minReplicas(2).maxReplicas(10).cpuUtilization(50)"
                      '.memoryAverageValue("512Mi").scaleDownStabilization(300);', out)
        self.assertIn('horizontalPodAutoscaler("web-burst").scales(web_deployment)'
                      ".maxReplicas(5);", out)
        # A workload that the input does not define, declared created elsewhere.
        self.assertIn("other_horizontalpodautoscaler=kubestack::horizontalPodAutoscaler("
                      "other_deployment).maxReplicas(5);", out)
        self.assertIn('podDisruptionBudget("web").selects(web_deployment).maxUnavailable(1);',
                      out)
        self.assertIn('podDisruptionBudget("web-share").selects(web_deployment)'
                      '.minAvailable("50%").unhealthyPodEvictionPolicy(kubestack::'
                      "UnhealthyPodEvictionPolicy::AlwaysAllow);", out)
        self.assertIn('podDisruptionBudget("gone").selects(kubestack::podsCreatedElsewhere('
                      '"app","gone")).maxUnavailable(1);', out)
        for typed in ("pinned_horizontalpodautoscaler", "agent_horizontalpodautoscaler",
                      "twice_horizontalpodautoscaler", "pods_metric_horizontalpodautoscaler",
                      "policies_horizontalpodautoscaler", "expressions_poddisruptionbudget",
                      "dotted_horizontalpodautoscaler"):
            self.assertIn(f"{typed}(){{", out)
        self.assertNotIn('deployment("web.v2")', out)

    def test_storage_classes_are_stated_by_their_builder(self):
        def storage_class(name, fields):
            return ("apiVersion: storage.k8s.io/v1\nkind: StorageClass\n"
                    f"metadata: {{name: {name}}}\nprovisioner: example.com/SSD\n{fields}")
        out = self.imported_compact([
            storage_class("fast", "parameters: {type: pd-ssd}\nreclaimPolicy: Retain\n"
                          "volumeBindingMode: WaitForFirstConsumer\n"
                          "allowVolumeExpansion: false\nmountOptions: [debug]\n"),
            storage_class("plain", ""),
            # What the builder does not write: the typed model.
            storage_class("zoned", "allowedTopologies: [{matchLabelExpressions: [{key: "
                          "topology.kubernetes.io/zone, values: [a]}]}]\n"),
            storage_class("no-parameters", "parameters: {}\n"),
            # A provisioner that is_provisioner refuses, as Kubernetes does.
            storage_class("spaced", "").replace("example.com/SSD", "example.com/SSD driver"),
        ])
        self.assertIn('fast_storageclass=kubestack::storageClass("fast","example.com/SSD")'
                      '.parameter("type","pd-ssd").reclaimPolicy(kubestack::ReclaimPolicy::'
                      'Retain).volumeBindingMode(kubestack::VolumeBindingMode::'
                      'WaitForFirstConsumer).allowVolumeExpansion(false).mountOption("debug");',
                      out)
        self.assertIn('plain_storageclass=kubestack::storageClass("plain","example.com/SSD");',
                      out)
        for typed in ("zoned", "no_parameters", "spaced"):
            self.assertIn(f"{typed}_storageclass(){{", out)

    def test_jobs_are_stated_where_their_pods_carry_the_app_label(self):
        def job(name, spec, pod_labels="{app: NAME}", policy="OnFailure"):
            return (f"apiVersion: batch/v1\nkind: Job\nmetadata: {{name: NAME, labels: "
                    f"{{app: NAME}}}}\nspec:\n{spec}  template:\n    metadata: {{labels: "
                    f"{pod_labels}}}\n    spec:\n      restartPolicy: {policy}\n"
                    "      containers: [{name: main, image: busybox, command: [date]}]\n"
                    ).replace("NAME", name)
        out = self.imported_compact([
            job("migrate", "  backoffLimit: 3\n  ttlSecondsAfterFinished: 600\n"),
            job("batch", "  completions: 3\n  parallelism: 2\n  activeDeadlineSeconds: 60\n",
                policy="Never"),
            # The builder labels the pods app=<name>: pods without that label, and a
            # selector given by hand, stay in the typed model.
            job("unlabelled", "", pod_labels="{}"),
            job("relabelled", "", pod_labels="{app: worker}"),
            job("manual", "  manualSelector: true\n  selector: {matchLabels: {app: manual}}\n"),
            # A budget of its pods selects them by label: a Job has no selector of its own.
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: migrate}\n"
            "spec: {maxUnavailable: 0, selector: {matchLabels: {app: migrate}}}\n",
        ])
        self.assertIn('migrate_job=kubestack::job("migrate").backoffLimit(3)'
                      ".ttlSecondsAfterFinished(600).restartPolicy(kubestack::RestartPolicy::"
                      'OnFailure).containerName("main").image("busybox").command({"date"});', out)
        self.assertIn('batch_job=kubestack::job("batch").completions(3).parallelism(2)'
                      '.activeDeadlineSeconds(60).containerName("main")', out)
        for typed in ("unlabelled", "relabelled", "manual"):
            self.assertIn(f"{typed}_job(){{", out)
        self.assertIn('podDisruptionBudget("migrate").selector("app","migrate")', out)

    def test_services_of_stated_workloads_name_them(self):
        def service(name, ports, ns=""):
            return (f"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}{ns}}}\n"
                    f"spec:\n  selector: {{app: web}}\n  ports: {ports}\n")
        web = DEPLOYMENT.replace("  minReadySeconds: 5\n", "").replace(
            "image: nginx:1.27\n", "image: nginx:1.27\n        ports: "
            "[{name: http, containerPort: 80}, {containerPort: 9090, protocol: UDP}]\n")
        inputs = [
            web,
            # The ports that service(workload) makes: the workload makes the Service.
            service("web", "[{name: http, port: 80, targetPort: http}, "
                    "{port: 9090, protocol: UDP}]"),
            # Other ports, or another name: it selects the workload by its constant.
            service("web-admin", "[{port: 8080, targetPort: http}]"),
            service("web-copy", "[{name: http, port: 80, targetPort: http}, "
                    "{port: 9090, protocol: UDP}]"),
            # A namespace that only the Service names: selects() would move it beside the
            # workload, which names none, so its selector is written out.
            service("web-default", "[{port: 8080, targetPort: http}]", ", namespace: default"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn("web_service=kubestack::service(web_deployment);", out)
        self.assertIn('service("web-admin").selects(web_deployment).port(8080,"http");', out)
        self.assertIn('service("web-copy").selects(web_deployment).port("http",80,"http")'
                      '.port(9090,kubestack::Protocol::UDP);', out)
        self.assertIn('service("web-default").inNamespace("default").selector("app","web")'
                      '.port(8080,"http");', out)

    def test_claims_are_stated_by_builders_where_they_can_be(self):
        def claim(name, spec):
            return ("apiVersion: v1\nkind: PersistentVolumeClaim\n"
                    f"metadata: {{name: {name}}}\nspec:\n{spec}")
        modes = "  accessModes: [ReadWriteOnce, ReadOnlyMany]\n"
        inputs = [
            claim("data", modes + "  storageClassName: fast\n"
                  "  resources: {requests: {storage: 20Gi}}\n"),
            claim("bytes", "  resources: {requests: {storage: 1073741824}}\n"),
            # What the builder does not write, or a size it does not take: the typed model.
            claim("no-class", modes + '  storageClassName: ""\n'
                  "  resources: {requests: {storage: 1Gi}}\n"),
            claim("block", modes + "  volumeMode: Block\n"
                  "  resources: {requests: {storage: 1Gi}}\n"),
            claim("fraction", modes + "  resources: {requests: {storage: 1.5Gi}}\n"),
            claim("exponent", modes + "  resources: {requests: {storage: 1e9}}\n"),
            claim("limited", modes + "  resources: {requests: {storage: 1Gi}, "
                  "limits: {storage: 2Gi}}\n"),
            claim("no-modes", "  accessModes: []\n  resources: {requests: {storage: 1Gi}}\n"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn(re.sub(r"\s+", "", """
            persistentVolumeClaim("data").accessMode(kubestack::AccessMode::ReadWriteOnce)
            .accessMode(kubestack::AccessMode::ReadOnlyMany).storageClass("fast")
            .request("20Gi");"""), out)
        self.assertIn('persistentVolumeClaim("bytes").request("1073741824");', out)
        for typed in ("no_class", "block", "fraction", "exponent", "limited", "no_modes"):
            self.assertIn(f"{typed}_persistentvolumeclaim(){{", out)

    def test_volumes_and_the_claims_bound_to_them(self):
        def volume(name, spec):
            return ("apiVersion: v1\nkind: PersistentVolume\n"
                    f"metadata: {{name: {name}}}\nspec:\n"
                    "  capacity: {storage: 10Gi}\n  accessModes: [ReadWriteOnce]\n" + spec)

        def claim(name, spec):
            return ("apiVersion: v1\nkind: PersistentVolumeClaim\n"
                    f"metadata: {{name: {name}}}\nspec:\n  accessModes: [ReadWriteOnce]\n"
                    + spec)
        host = "  hostPath: {path: /data, type: DirectoryOrCreate}\n"
        inputs = [
            volume("local", "  storageClassName: manual\n"
                   "  persistentVolumeReclaimPolicy: Delete\n" + host),
            claim("same", "  storageClassName: manual\n  volumeName: local\n"
                  "  resources: {requests: {storage: 10Gi}}\n"),
            claim("remote", "  volumeName: nfs-1\n  resources: {requests: {storage: 1Gi}}\n"),
            # What the builder would write otherwise: the typed model.
            claim("smaller", "  storageClassName: manual\n  volumeName: local\n"
                  "  resources: {requests: {storage: 5Gi}}\n"),
            volume("no-policy", host),
            volume("untyped-path", "  persistentVolumeReclaimPolicy: Retain\n"
                   "  hostPath: {path: /data}\n"),
            volume("relative", "  persistentVolumeReclaimPolicy: Retain\n"
                   "  hostPath: {path: data, type: DirectoryOrCreate}\n"),
            volume("nfs", "  persistentVolumeReclaimPolicy: Retain\n"
                   "  nfs: {server: nfs.example.com, path: /data}\n"),
            volume("recycled", "  persistentVolumeReclaimPolicy: Recycle\n" + host),
        ]
        out = self.imported_compact(inputs)
        self.assertIn(re.sub(r"\s+", "", """
            local_persistentvolume=kubestack::persistentVolume("local").capacity("10Gi")
            .accessMode(kubestack::AccessMode::ReadWriteOnce).storageClass("manual")
            .reclaimPolicy(kubestack::ReclaimPolicy::Delete).hostPath("/data");"""), out)
        self.assertIn('persistentVolumeClaim("same").boundTo(local_persistentvolume);', out)
        self.assertIn(re.sub(r"\s+", "", """
            persistentVolumeClaim("remote").boundTo(nfs_1_persistentvolume)
            .accessMode(kubestack::AccessMode::ReadWriteOnce).request("1Gi");"""), out)
        self.assertIn("smaller_persistentvolumeclaim(){", out)
        for typed in ("no_policy", "untyped_path", "relative", "nfs", "recycled"):
            self.assertIn(f"{typed}_persistentvolume(){{", out)

    def test_cron_jobs_are_stated_where_their_schedule_and_pods_are_the_builders(self):
        def cron_job(name, schedule, spec="", template=""):
            return ("apiVersion: batch/v1\nkind: CronJob\n"
                    f"metadata: {{name: {name}}}\nspec:\n  schedule: '{schedule}'\n{spec}"
                    f"  jobTemplate:\n{template}    spec:\n      template:\n"
                    f"        metadata: {{labels: {{app: {name}}}}}\n"
                    "        spec:\n          restartPolicy: OnFailure\n"
                    "          containers: [{name: main, image: 'busybox:1.36'}]\n")
        long_name = "n" * 53
        inputs = [
            cron_job("nightly", "0 3 * * mon-fri", "  timeZone: Etc/GMT+3\n  suspend: true\n"),
            cron_job("daily", "@daily", "  concurrencyPolicy: Replace\n"),
            # What the builder would refuse or write otherwise: the typed model.
            cron_job("every", "@every 5m"),
            cron_job("sixty", "60 * * * *"),
            cron_job("zoned", "0 3 * * *", "  timeZone: Europe/Paris\n"),
            cron_job("labelled", "0 3 * * *", "", "    metadata: {labels: {team: ops}}\n"),
            cron_job(long_name, "0 3 * * *"),
            cron_job("negative", "0 3 * * *", "  failedJobsHistoryLimit: -1\n"),
        ]
        # zoned: a time zone is honoured from 1.25 (cron_job_time_zone_since) only.
        out = self.imported_compact(inputs[:2] + inputs[2:4] + inputs[5:])
        self.assertIn(re.sub(r"\s+", "", """
            cronJob("nightly").schedule("03**mon-fri").timeZone("Etc/GMT+3").suspend(true)
            .withoutLabels().restartPolicy(kubestack::RestartPolicy::OnFailure)
            .containerName("main").image("busybox:1.36")"""), out)
        self.assertIn(re.sub(r"\s+", "", """
            cronJob("daily").schedule("@daily")
            .concurrencyPolicy(kubestack::ConcurrencyPolicy::Replace)"""), out)
        for typed in ("every", "sixty", "labelled", long_name, "negative"):
            self.assertIn(f"{typed}_cronjob(){{", out)
        self.assertIn('cronJob("zoned").schedule("03***").timeZone("Europe/Paris")',
                      self.imported_compact([inputs[4]], "--target", "1.25"))
        self.assertIn("zoned_cronjob(){", self.imported_compact([inputs[4]], "--target", "1.24"))

    def test_network_policies_are_stated_where_their_builder_says_the_same(self):
        def policy(name, spec):
            return ("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                    f"metadata: {{name: {name}}}\nspec:\n  podSelector: {{}}\n{spec}")

        def peer(text):
            return f"  ingress: [{{from: [{text}]}}]\n"
        inputs = [
            policy("deny", ""),
            policy("egress", "  policyTypes: [Egress]\n"),
            policy("blocks", peer("{ipBlock: {cidr: 10.0.0.0/8, except: [10.2.0.0/16]}}")),
            policy("ports", "  ingress: [{ports: [{port: 80}, {port: web, protocol: SCTP}]}]\n"),
            # What the builder would write otherwise, or refuse: the typed model.
            policy("swapped", "  policyTypes: [Egress, Ingress]\n"),
            policy("unfiltered", "  policyTypes: [Egress]\n  ingress: [{}]\n"),
            policy("no-rules", "  ingress: []\n"),
            policy("all-pods", peer("{podSelector: {}}")),
            policy("empty-labels", peer("{podSelector: {matchLabels: {}}}")),
            policy("expressions", peer("{podSelector: {matchExpressions: "
                                       "[{key: a, operator: Exists}]}}")),
            policy("leading-zero", peer("{ipBlock: {cidr: 10.0.0.0/08}}")),
            policy("octal", peer("{ipBlock: {cidr: 010.0.0.0/8}}")),
            policy("outside", peer("{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}")),
            policy("same-range", peer("{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}")),
            policy("mixed", peer("{ipBlock: {cidr: 10.0.0.0/8, except: ['fd00::/16']}}")),
            policy("dotted-v6", peer("{ipBlock: {cidr: '::ffff:1.2.3.4/128'}}")),
            policy("any-port", "  ingress: [{ports: [{protocol: UDP}]}]\n"),
            policy("named-range", "  ingress: [{ports: [{port: web, endPort: 90}]}]\n"),
        ]
        out = self.imported_compact(inputs)
        self.assertIn('deny_networkpolicy=kubestack::networkPolicy("deny").denyIngress();', out)
        self.assertIn('networkPolicy("egress").denyEgress();', out)
        self.assertIn(re.sub(r"\s+", "", """
            networkPolicy("blocks").allowFrom({kubestack::ipBlock("10.0.0.0/8")
            .except("10.2.0.0/16")});"""), out)
        self.assertIn(re.sub(r"\s+", "", """
            networkPolicy("ports").allowFrom({},{kubestack::networkPort(80),
            kubestack::networkPort("web",kubestack::Protocol::SCTP)});"""), out)
        for typed in ("swapped", "unfiltered", "no_rules", "all_pods", "empty_labels",
                      "expressions", "leading_zero", "octal", "outside", "same_range", "mixed",
                      "dotted_v6", "any_port", "named_range"):
            self.assertIn(f"{typed}_networkpolicy(){{", out)

    def test_ingresses_route_to_the_services_that_builders_state(self):
        service = ("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                   "spec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}, "
                   "{name: admin-interface, port: 9000}]\n")

        def ingress(name, spec, namespace="shop"):
            return ("apiVersion: networking.k8s.io/v1\nkind: Ingress\n"
                    f"metadata: {{name: {name}, namespace: {namespace}}}\nspec:\n{spec}")

        def rule(host, port, path="/", service_name="web", path_type="Prefix"):
            return (f"  - host: {host}\n    http:\n      paths:\n      - path: {path}\n"
                    f"        pathType: {path_type}\n"
                    f"        backend: {{service: {{name: {service_name}, port: {port}}}}}\n")
        inputs = [
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n", service,
            ingress("routed", "  ingressClassName: traefik\n"
                    "  tls: [{secretName: web-tls, hosts: [shop.example.com]}]\n  rules:\n" +
                    rule("shop.example.com", "{number: 80}") +
                    rule("admin.example.com", "{number: 9000}", "/admin")),
            # What the builder does not write: the typed model.
            ingress("by-port-name", "  rules:\n" + rule("a.example.com", "{name: http}")),
            ingress("exact", "  rules:\n" + rule("a.example.com", "{number: 80}",
                                                  path_type="Exact")),
            ingress("no-such-port", "  rules:\n" + rule("a.example.com", "{number: 81}")),
            ingress("spaced-path", "  rules:\n" + rule("a.example.com", "{number: 80}",
                                                        path='"/a b"')),
            ingress("elsewhere", "  rules:\n" + rule("a.example.com", "{number: 80}",
                                                      service_name="other")),
            ingress("other-namespace", "  rules:\n" + rule("a.example.com", "{number: 80}"),
                    namespace="default"),
            ingress("default-backend", "  defaultBackend: {service: {name: web, port: "
                    "{number: 80}}}\n  rules:\n" + rule("a.example.com", "{number: 80}")),
            # Hosts that Kubernetes takes and the builder's Host does not.
            ingress("no-host", "  rules:\n" + rule('""', "{number: 80}")),
            ingress("numeric-host", "  rules:\n" + rule('"123"', "{number: 80}")),
            ingress("numeric-wildcard", "  rules:\n" + rule('"*.123"', "{number: 80}")),
            ingress("ip-tls-host", "  tls: [{secretName: web-tls, hosts: [10.0.0.1]}]\n"
                    "  rules:\n" + rule("a.example.com", "{number: 80}")),
        ]
        out = self.imported_compact(inputs)
        # The Service by its constant; the Secret, which the input lacks, declared.
        self.assertIn('web_tls_shop_secret=kubestack::secret("web-tls").inNamespace("shop")'
                      '.createdElsewhere();', out)
        self.assertIn(re.sub(r"\s+", "", """
            ingress("routed").inNamespace(shop_namespace).className("traefik")
            .tls(web_tls_shop_secret, {"shop.example.com"})
            .route("shop.example.com", "/", web_service)
            .route("admin.example.com", "/admin", web_service, "admin-interface");"""), out)
        for typed in ("by_port_name", "exact", "no_such_port", "spaced_path", "elsewhere",
                      "other_namespace", "default_backend", "no_host", "numeric_host",
                      "numeric_wildcard", "ip_tls_host"):
            self.assertIn(f"{typed}_ingress(){{", out)
        # The Ingress is defined after the Service it names.
        self.assertLess(out.index("web_service="), out.index("routed_ingress="))

    def test_a_namespace_is_defined_before_the_objects_placed_in_it(self):
        kustomization = ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                         "resources:\n  - settings.yaml\n  - shop.yaml\n")
        result = self.run_importer({
            "settings.yaml": "apiVersion: v1\nkind: ConfigMap\n"
                             "metadata: {name: settings, namespace: shop}\ndata: {a: b}\n",
            "shop.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n",
            "kustomization.yaml": kustomization}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(".inNamespace(shop_namespace)", result.stdout)
        self.assertLess(result.stdout.index("shop_namespace ="),
                        result.stdout.index("settings_configmap ="))
        # Applied in the kustomization's order all the same.
        applied = result.stdout[result.stdout.index("stack()"):]
        self.assertLess(applied.index("settings_configmap"), applied.index("shop_namespace"))

    # --- a kustomization.yaml: its resources, in its order ---

    def test_a_kustomization_gives_the_files_and_their_order(self):
        config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n"
        kustomization = ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                         "resources:\n  - web.deployment.yaml\n  - web.configmap.yaml\n")
        result = self.run_importer({"web.deployment.yaml": DEPLOYMENT,
                                    "web.configmap.yaml": config,
                                    "kustomization.yaml": kustomization}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        # The Deployment first, as listed: the ConfigMap's lower rank starts a second step.
        self.assertRegex(result.stdout, r"stack\(\)\s*\.withoutNamespaces\(\)\s*"
                                        r"\.apply\(kubestack::object<web_deployment>\(\)\)\s*"
                                        r"\.apply\(web_configmap\)")
        alone = subprocess.run([sys.executable, IMPORTER, "kustomization.yaml"], text=True,
                               capture_output=True, cwd=self.directory)
        self.assertEqual(alone.returncode, 0, alone.stderr)
        self.assertIn("2 object(s) imported", alone.stderr)

    def test_a_kustomization_may_leave_out_its_apiversion_and_kind(self):
        config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n"
        namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"
        result = self.run_importer({"kustomization.yaml": "resources: [web.yaml]\n",
                                    "web.yaml": DEPLOYMENT, "config.yaml": config,
                                    "ns.yaml": namespace}, "--name", "shop")
        self.assertEqual(result.returncode, 0, result.stderr)
        # Files the kustomization does not list come after its own, sorted by rank.
        applied = result.stdout[result.stdout.index("kubestack::stack()"):]
        self.assertLess(applied.index("web_deployment"), applied.index("shop_namespace"))
        self.assertLess(applied.index("shop_namespace"), applied.index("web_configmap"))

    def test_a_kustomization_listing_a_file_twice_or_a_remote_one(self):
        self.assert_refused({"web.yaml": DEPLOYMENT,
                             "kustomization.yaml": "resources: [web.yaml, ./web.yaml]\n"},
                            "kustomization.yaml:1: ./web.yaml is listed twice")
        self.assert_refused({"kustomization.yaml":
                             "resources: [https://github.com/example/app//deploy]\n"},
                            "https://github.com/example/app//deploy is remote")

    def test_a_kustomization_that_transforms_is_refused(self):
        kustomization = ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                         "namePrefix: prod-\nresources:\n  - web.yaml\n")
        self.assert_refused({"web.yaml": DEPLOYMENT, "kustomization.yaml": kustomization},
                            "kustomization.yaml:3: the kustomization's namePrefix would change "
                            "its resources")

    def test_objects_keep_the_files_they_came_from(self):
        claim = ("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n"
                 "spec:\n  accessModes: [ReadWriteOnce]\n"
                 "  resources: {requests: {storage: 1Gi}}\n")
        # A claim that the builder does not state (volumeMode) is in the typed model.
        typed = claim.replace("{name: data}", "{name: scratch}").replace(
            "spec:\n", "spec:\n  volumeMode: Filesystem\n")
        result = self.run_importer({"postgres.volume.yaml": claim, "cache.volume.yaml": typed,
                                    "other.yaml": DEPLOYMENT})
        self.assertEqual(result.returncode, 0, result.stderr)
        out = re.sub(r"\s+", "", result.stdout)
        self.assertIn('kubestack::persistentVolumeClaim("data").file("postgres")', out)
        self.assertIn('kubestack::object<scratch_persistentvolumeclaim>().file("cache")', out)
        self.assertEqual(out.count(".file("), 2)

    # --- --target ---

    BUDGET = ("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\n"
              "spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n")

    def test_an_api_version_the_target_does_not_serve_yet(self):
        result = self.assert_refused(
            {"budget.yaml": DEPLOYMENT + "---\n" + self.BUDGET},
            "budget.yaml:16: PodDisruptionBudget of apiVersion policy/v1 is not served by "
            "Kubernetes 1.20 (served from 1.21)", "--target", "1.20")
        self.assertNotIn("Traceback", result.stderr)

    def test_the_stack_targets_the_version_given(self):
        result = self.run_importer({"budget.yaml": DEPLOYMENT + "---\n" + self.BUDGET},
                                   "--target", "1.021")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('kubestack::stack().targets("1.21").withoutNamespaces().apply(',
                      result.stdout)
        default = self.run_importer({"budget.yaml": DEPLOYMENT + "---\n" + self.BUDGET})
        self.assertIn("kubestack::stack().withoutNamespaces().apply(", default.stdout)

    def test_a_target_kubestack_does_not_know(self):
        for target in ("1.37", "2.0", "0.9", "latest", "1"):
            result = self.run_importer({"budget.yaml": self.BUDGET}, "--target", target)
            self.assertEqual(result.returncode, 2, target)
            self.assertIn("a Kubernetes version from 1.0 to 1.36", result.stderr)
            self.assertEqual(result.stdout, "")

    def test_out_is_written_whole_and_private_when_it_holds_secrets(self):
        secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {PASSWORD: x}\n"
        result = self.run_importer({"s.yaml": secret}, "--out", "stack.cpp")
        self.assertEqual(result.returncode, 0, result.stderr)
        path = os.path.join(self.directory, "stack.cpp")
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertIn("holds Secret data", result.stderr)
        with open(path) as f:
            self.assertIn('.stringData = api::Map<api::String>{{"PASSWORD", "x"}}', f.read())
        self.assertEqual(result.stdout, "")

    # --- formatting ---

    def test_a_large_source_formats_in_parts_as_it_does_whole(self):
        """formatted() hands runs of parts to clang-format processes side by side: the
        source must be the one that formatting it whole gives."""
        if shutil.which("clang-format") is None:
            self.skipTest("clang-format is not installed")
        sys.path.insert(0, os.path.dirname(os.path.abspath(IMPORTER)))
        import kubestack_import
        apps = [DEPLOYMENT.replace("web", f"web-{i}") + "---\n" +
                f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: web-{i}}}\n"
                f"data: {{MODE: live, SCRIPT: \"a\\n\\nb\\n\"}}\n" for i in range(20)]
        directory = tempfile.mkdtemp()
        with open(os.path.join(directory, "apps.yaml"), "w") as out:
            out.write("---\n".join(apps))
        parts = []
        original = kubestack_import.formatted
        kubestack_import.formatted = lambda found, workers=None: parts.extend(found) or ""
        try:
            argv = sys.argv
            sys.argv = ["kubestack-import", "--out", os.path.join(directory, "x.cpp"),
                        os.path.join(directory, "apps.yaml")]
            try:
                kubestack_import.main()
            finally:
                sys.argv = argv
        finally:
            kubestack_import.formatted = original
        whole = original(["\n".join(parts)], workers=1)
        self.assertIn("constexpr api::apps::v1::Deployment web_19_deployment()", whole)
        for workers in (2, 3, 7):
            self.assertEqual(original(parts, workers), whole, f"in {workers} processes")
        # A source of hundreds of objects says that it is being formatted; one of fewer
        # does not.
        configs = [f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c-{i}}}\n"
                   for i in range(kubestack_import.PROGRESS_FROM)]
        result = self.run_importer({"configs.yaml": "---\n".join(configs)})
        self.assertIn(f"formatting the source of {len(configs)} objects", result.stderr)
        result = self.run_importer({"configs.yaml": "---\n".join(configs[1:])})
        self.assertNotIn("formatting the source", result.stderr)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--importer", default=IMPORTER)
    args, rest = parser.parse_known_args()
    IMPORTER = args.importer
    unittest.main(argv=[sys.argv[0], *rest])
