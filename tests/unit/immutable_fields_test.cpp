// The immutable-field check over synthetic old and new manifests: every entry of the table
// is named offline, and the fields Kubernetes lets change are not.
#include "review/immutable_fields.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace kubestack::review;

namespace {

YamlNode manifest(std::string_view yaml) {
    const std::vector<YamlDocument> documents = read_yaml_stream(yaml);
    REQUIRE(documents.size() == 1);
    return documents.front().root;
}

std::string object(std::string_view kind, std::string_view body) {
    return "apiVersion: v1\nkind: " + std::string(kind) + "\nmetadata:\n  name: x\n" +
           std::string(body);
}

struct Case {
    std::string_view kind;
    std::string_view entry; // the table entry's field
    std::string before;     // body after metadata
    std::string after;
    std::string_view field; // the path the finding names
    Severity severity = Severity::Error;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"Deployment", "spec.selector",
         "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: x\n",
         "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: x\n      tier: web\n",
         "spec.selector"},
        {"ReplicaSet", "spec.selector", "spec:\n  selector:\n    matchLabels:\n      app: x\n",
         "spec:\n  selector:\n    matchLabels:\n      app: y\n", "spec.selector"},
        {"DaemonSet", "spec.selector", "spec:\n  selector:\n    matchLabels:\n      app: x\n",
         "spec:\n  selector:\n    matchExpressions:\n      - key: app\n        operator: Exists\n",
         "spec.selector"},
        {"StatefulSet", "spec.selector", "spec:\n  selector:\n    matchLabels:\n      app: x\n",
         "spec:\n  selector:\n    matchLabels:\n      app: y\n", "spec.selector"},
        {"StatefulSet", "spec.serviceName", "spec:\n  serviceName: db\n",
         "spec:\n  serviceName: db-headless\n", "spec.serviceName"},
        {"StatefulSet", "spec.volumeClaimTemplates",
         "spec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n       "
         " resources:\n          requests:\n            storage: 1Gi\n",
         "spec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n       "
         " resources:\n          requests:\n            storage: 2Gi\n",
         "spec.volumeClaimTemplates"},
        {"StatefulSet", "spec.podManagementPolicy", "spec:\n  podManagementPolicy: OrderedReady\n",
         "spec:\n  podManagementPolicy: Parallel\n", "spec.podManagementPolicy"},
        {"StatefulSet", "spec.*", "spec:\n  replicas: 1\n",
         "spec:\n  replicas: 1\n  someNewField: on\n", "spec.someNewField"},
        {"Job", "spec.selector", "spec:\n  selector:\n    matchLabels:\n      job: x\n",
         "spec:\n  selector:\n    matchLabels:\n      job: y\n", "spec.selector"},
        {"Job", "spec.template",
         "spec:\n  template:\n    spec:\n      containers:\n        - name: x\n          image: "
         "x:1\n",
         "spec:\n  template:\n    spec:\n      containers:\n        - name: x\n          image: "
         "x:2\n",
         "spec.template"},
        {"Job", "spec.completions", "spec:\n  completions: 1\n", "spec:\n  completions: 3\n",
         "spec.completions"},
        {"Job", "spec.completionMode", "spec:\n  completionMode: NonIndexed\n",
         "spec:\n  completionMode: Indexed\n", "spec.completionMode"},
        {"Job", "spec.podFailurePolicy", "spec:\n  parallelism: 1\n",
         "spec:\n  parallelism: 1\n  podFailurePolicy:\n    rules:\n      - action: Ignore\n",
         "spec.podFailurePolicy"},
        {"Job", "spec.backoffLimitPerIndex", "spec:\n  backoffLimitPerIndex: 1\n",
         "spec:\n  backoffLimitPerIndex: 2\n", "spec.backoffLimitPerIndex"},
        {"Service", "spec.clusterIP", "spec:\n  clusterIP: 10.0.0.10\n",
         "spec:\n  clusterIP: 10.0.0.11\n", "spec.clusterIP"},
        {"Service", "spec.clusterIPs", "spec:\n  clusterIPs: [10.0.0.10]\n",
         "spec:\n  clusterIPs: [10.0.0.11]\n", "spec.clusterIPs"},
        {"Service", "spec.type", "spec:\n  type: ClusterIP\n", "spec:\n  type: NodePort\n",
         "spec.type", Severity::Warning},
        {"PersistentVolumeClaim", "spec.storageClassName", "spec:\n  storageClassName: manual\n",
         "spec:\n  storageClassName: fast\n", "spec.storageClassName"},
        {"PersistentVolumeClaim", "spec.volumeName", "spec:\n  volumeName: a\n",
         "spec:\n  volumeName: b\n", "spec.volumeName"},
        {"PersistentVolumeClaim", "spec.resources.limits",
         "spec:\n  resources:\n    limits:\n      storage: 1Gi\n",
         "spec:\n  resources:\n    limits:\n      storage: 2Gi\n", "spec.resources.limits"},
        {"PersistentVolumeClaim", "spec.*", "spec:\n  accessModes:\n    - ReadWriteOnce\n",
         "spec:\n  accessModes:\n    - ReadWriteMany\n", "spec.accessModes"},
        {"PersistentVolume", "spec.*", "spec:\n  hostPath:\n    path: /a\n",
         "spec:\n  hostPath:\n    path: /b\n", "spec.hostPath"},
        {"PersistentVolume", "spec.volumeMode", "spec:\n  volumeMode: Filesystem\n",
         "spec:\n  volumeMode: Block\n", "spec.volumeMode"},
        {"ConfigMap", "data", "immutable: true\ndata:\n  K: a\n",
         "immutable: true\ndata:\n  K: b\n", "data"},
        {"ConfigMap", "binaryData", "immutable: true\nbinaryData:\n  K: YQ==\n",
         "immutable: true\nbinaryData:\n  K: Yg==\n", "binaryData"},
        {"ConfigMap", "immutable", "immutable: true\ndata:\n  K: a\n", "data:\n  K: a\n",
         "immutable"},
        {"Secret", "data", "immutable: true\ndata:\n  K: YQ==\n",
         "immutable: true\ndata:\n  K: Yg==\n", "data"},
        {"Secret", "stringData", "immutable: true\nstringData:\n  K: a\n",
         "immutable: true\nstringData:\n  K: b\n", "stringData"},
        {"Secret", "immutable", "immutable: true\n", "immutable: false\n", "immutable"},
        {"Secret", "type", "type: Opaque\n", "type: kubernetes.io/tls\n", "type"},
        {"RoleBinding", "roleRef", "roleRef:\n  kind: Role\n  name: a\n",
         "roleRef:\n  kind: Role\n  name: b\n", "roleRef"},
        {"ClusterRoleBinding", "roleRef", "roleRef:\n  kind: ClusterRole\n  name: a\n",
         "roleRef:\n  kind: ClusterRole\n  name: view\n", "roleRef"},
        {"StorageClass", "provisioner", "provisioner: a.csi.io\n", "provisioner: b.csi.io\n",
         "provisioner"},
        {"StorageClass", "parameters", "parameters:\n  type: gp2\n", "parameters:\n  type: gp3\n",
         "parameters"},
        {"StorageClass", "reclaimPolicy", "reclaimPolicy: Delete\n", "reclaimPolicy: Retain\n",
         "reclaimPolicy"},
        {"StorageClass", "volumeBindingMode", "volumeBindingMode: Immediate\n",
         "volumeBindingMode: WaitForFirstConsumer\n", "volumeBindingMode"},
    };
    return all;
}

std::vector<Finding> check(std::string_view kind, const std::string& before,
                           const std::string& after) {
    return immutable_changes(manifest(object(kind, before)), manifest(object(kind, after)));
}

} // namespace

TEST_CASE("every immutable-field entry has a case, and each case is flagged",
          "[review][immutable]") {
    for (const ImmutableField& entry : immutable_fields()) {
        INFO(entry.kind << " " << entry.field);
        CHECK(std::any_of(cases().begin(), cases().end(), [&](const Case& c) {
            return c.kind == entry.kind && c.entry == entry.field;
        }));
        CHECK(!entry.source.empty());
        CHECK(!entry.consequence.empty());
    }
    for (const Case& c : cases()) {
        INFO(c.kind << " " << c.field);
        const std::vector<Finding> findings = check(c.kind, c.before, c.after);
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].field == c.field);
        CHECK(findings[0].severity == c.severity);
        CHECK(findings[0].object == std::string(c.kind) + " \"x\"");
        // Unchanged, the same manifest is not flagged.
        CHECK(check(c.kind, c.after, c.after).empty());
    }
}

TEST_CASE("an immutable-field change reads as error or warning with both values",
          "[review][immutable]") {
    const YamlNode before =
        manifest("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: poll\n"
                 "  namespace: default\nspec:\n  selector:\n    matchLabels:\n"
                 "      app: poll\n");
    const YamlNode changed =
        manifest("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: poll\n"
                 "  namespace: default\nspec:\n  selector:\n    matchLabels:\n"
                 "      app: poll\n      tier: web\n");
    const std::vector<Finding> findings = immutable_changes(before, changed);
    REQUIRE(findings.size() == 1);
    CHECK(to_line(findings[0]) ==
          "error: Deployment \"poll\" in namespace \"default\": spec.selector changes from "
          "{matchLabels: {app: poll}} to {matchLabels: {app: poll, tier: web}}: " +
              std::string(findings[0].consequence));
    const std::vector<Finding> type =
        check("Service", "spec:\n  type: NodePort\n", "spec:\n  type: ClusterIP\n");
    REQUIRE(type.size() == 1);
    CHECK(to_line(type[0]).starts_with(
        "warning: Service \"x\": spec.type changes from NodePort to ClusterIP: "));
}

TEST_CASE("near misses: fields Kubernetes lets change are not flagged", "[review][immutable]") {
    struct Miss {
        std::string_view kind, before, after;
    };
    const Miss misses[] = {
        {"Deployment", "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: x\n",
         "spec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: x\n"},
        {"Deployment", "spec:\n  template:\n    spec:\n      containers:\n        - image: a:1\n",
         "spec:\n  template:\n    spec:\n      containers:\n        - image: a:2\n"},
        // The selector's entries in another order are the same selector.
        {"Deployment", "spec:\n  selector:\n    matchLabels:\n      a: x\n      b: y\n",
         "spec:\n  selector:\n    matchLabels:\n      b: y\n      a: x\n"},
        {"StatefulSet",
         "spec:\n  replicas: 1\n  minReadySeconds: 0\n  updateStrategy:\n    type: OnDelete\n",
         "spec:\n  replicas: 3\n  minReadySeconds: 5\n  updateStrategy:\n    type: "
         "RollingUpdate\n"},
        {"StatefulSet", "spec:\n  template:\n    spec:\n      containers: []\n",
         "spec:\n  template:\n    spec:\n      containers: [a]\n"},
        {"Job", "spec:\n  parallelism: 1\n  activeDeadlineSeconds: 10\n",
         "spec:\n  parallelism: 4\n  activeDeadlineSeconds: 20\n"},
        {"Service", "spec:\n  ports:\n    - port: 80\n", "spec:\n  ports:\n    - port: 8080\n"},
        // The cluster allocates the address when the manifest leaves it out.
        {"Service", "spec:\n  type: ClusterIP\n",
         "spec:\n  type: ClusterIP\n  clusterIP: 10.0.0.12\n"},
        {"Service", "spec:\n  clusterIP: 10.0.0.12\n", "spec:\n  type: ClusterIP\n"},
        {"PersistentVolumeClaim", "spec:\n  resources:\n    requests:\n      storage: 1Gi\n",
         "spec:\n  resources:\n    requests:\n      storage: 2Gi\n"},
        {"PersistentVolumeClaim", "spec:\n  storageClassName: manual\n",
         "spec:\n  storageClassName: manual\n  volumeName: pv\n"},
        {"PersistentVolume",
         "spec:\n  capacity:\n    storage: 1Gi\n  persistentVolumeReclaimPolicy: Retain\n",
         "spec:\n  capacity:\n    storage: 2Gi\n  persistentVolumeReclaimPolicy: Delete\n"},
        {"ConfigMap", "data:\n  K: a\n", "data:\n  K: b\n"},
        {"ConfigMap", "data:\n  K: a\n", "immutable: true\ndata:\n  K: b\n"},
        {"Secret", "stringData:\n  K: a\n", "stringData:\n  K: b\n"},
        {"ClusterRoleBinding", "subjects:\n  - name: a\n", "subjects:\n  - name: b\n"},
        {"StorageClass", "allowVolumeExpansion: false\n", "allowVolumeExpansion: true\n"},
        {"Ingress", "spec:\n  rules: []\n", "spec:\n  rules:\n    - host: a.io\n"},
        // A field written out with the value the API server gives it when left out.
        {"Secret", "stringData:\n  K: a\n", "type: Opaque\nstringData:\n  K: a\n"},
        {"StatefulSet", "spec:\n  replicas: 1\n",
         "spec:\n  replicas: 1\n  podManagementPolicy: OrderedReady\n"},
        {"StorageClass", "reclaimPolicy: Delete\n", "volumeBindingMode: Immediate\n"},
    };
    for (const Miss& miss : misses) {
        INFO(miss.kind << ":\n" << miss.before << "->\n" << miss.after);
        CHECK(check(miss.kind, std::string(miss.before), std::string(miss.after)).empty());
    }
}

TEST_CASE("a field left out has the value the API server gives it", "[review][immutable]") {
    const std::vector<Finding> type =
        check("Service", "spec:\n  ports: []\n", "spec:\n  type: NodePort\n");
    REQUIRE(type.size() == 1);
    CHECK(type[0].before == "ClusterIP");
    CHECK(check("PersistentVolume", "spec:\n  volumeMode: Block\n", "spec: {}\n").size() == 1);
}

TEST_CASE("a clusterIP may change with a switch to or from ExternalName", "[review][immutable]") {
    CHECK(check("Service", "spec:\n  type: ClusterIP\n  clusterIP: 10.0.0.1\n",
                "spec:\n  type: ExternalName\n  clusterIP: 10.0.0.2\n")
              .size() == 1); // only the type warning
    CHECK(check("Service", "spec:\n  type: ClusterIP\n  clusterIP: 10.0.0.1\n",
                "spec:\n  type: ExternalName\n  clusterIP: 10.0.0.2\n")
              .front()
              .field == "spec.type");
}

TEST_CASE("objects of different kinds are not compared", "[review][immutable]") {
    CHECK(immutable_changes(manifest(object("RoleBinding", "roleRef:\n  name: a\n")),
                            manifest(object("ClusterRoleBinding", "roleRef:\n  name: b\n")))
              .empty());
}
