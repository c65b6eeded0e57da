// The immutable fields of the kinds a stack writes or may write, as Kubernetes' update
// validation enforces them (paths in the kubernetes/kubernetes repository). Facts only:
// each entry names the field, when a change is refused, and what to do about it.
#include "immutable_fields.hpp"

#include <array>

namespace kubestack::review {
namespace {

constexpr std::string_view recreate_workload =
    "kubectl apply will be rejected (field is immutable): delete the object and apply it "
    "again, which replaces its pods";
constexpr std::string_view recreate_stateful_set =
    "kubectl apply will be rejected (updates to statefulset spec for fields other than "
    "replicas, ordinals, template, updateStrategy, revisionHistoryLimit, "
    "persistentVolumeClaimRetentionPolicy and minReadySeconds are forbidden): delete it with "
    "--cascade=orphan and apply it again";
constexpr std::string_view recreate_job =
    "kubectl apply will be rejected (field is immutable): delete the Job and apply it again, "
    "which runs it again";
constexpr std::string_view recreate_service =
    "kubectl apply will be rejected (field is immutable): delete the Service and apply it "
    "again, which gives it the new address";
constexpr std::string_view service_reallocates =
    "kubectl apply changes the type in place, and the cluster allocates or releases the "
    "Service's cluster IP and node ports: clients of the old ones lose the Service";
constexpr std::string_view recreate_claim =
    "kubectl apply will be rejected (spec is immutable after creation except "
    "resources.requests and volumeAttributesClassName): a new claim is new storage, so copy "
    "the data over";
constexpr std::string_view recreate_volume =
    "kubectl apply will be rejected (the volume's source is immutable after creation): create "
    "a new PersistentVolume and bind the claim to it";
constexpr std::string_view immutable_data =
    "kubectl apply will be rejected (field is immutable when `immutable` is set): delete the "
    "object and apply it again, or apply the new data under a new name";
constexpr std::string_view recreate_secret =
    "kubectl apply will be rejected (field is immutable): delete the Secret and apply it again";
constexpr std::string_view recreate_binding =
    "kubectl apply will be rejected (cannot change roleRef): delete the binding and apply it "
    "again";
constexpr std::string_view recreate_storage_class =
    "kubectl apply will be rejected (updates to this field are forbidden): delete the "
    "StorageClass and apply it again; volumes it made keep their settings";

constexpr std::string_view stateful_set_mutable =
    "replicas ordinals template updateStrategy revisionHistoryLimit "
    "persistentVolumeClaimRetentionPolicy minReadySeconds selector serviceName "
    "volumeClaimTemplates podManagementPolicy";
constexpr std::string_view claim_mutable =
    "resources volumeAttributesClassName storageClassName volumeName";
constexpr std::string_view volume_sources =
    "awsElasticBlockStore azureDisk azureFile cephfs cinder csi fc flexVolume flocker "
    "gcePersistentDisk glusterfs hostPath iscsi local nfs photonPersistentDisk portworxVolume "
    "quobyte rbd scaleIO storageos vsphereVolume";

using enum ChangeRule;
constexpr Severity error = Severity::Error;
constexpr Severity warning = Severity::Warning;

// clang-format off
const std::array table = {
    // Workloads (apps/v1: a selector cannot change once the object exists).
    ImmutableField{"Deployment",  "spec.selector", Changed, error, recreate_workload, "pkg/apis/apps/validation/validation.go ValidateDeploymentUpdate"},
    ImmutableField{"ReplicaSet",  "spec.selector", Changed, error, recreate_workload, "pkg/apis/apps/validation/validation.go ValidateReplicaSetUpdate"},
    ImmutableField{"DaemonSet",   "spec.selector", Changed, error, recreate_workload, "pkg/apis/apps/validation/validation.go ValidateDaemonSetUpdate"},
    ImmutableField{"StatefulSet", "spec.selector", Changed, error, recreate_stateful_set, "pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate"},
    ImmutableField{"StatefulSet", "spec.serviceName", Changed, error, recreate_stateful_set, "pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate"},
    ImmutableField{"StatefulSet", "spec.volumeClaimTemplates", Changed, error, recreate_stateful_set, "pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate"},
    ImmutableField{"StatefulSet", "spec.podManagementPolicy", Changed, error, recreate_stateful_set, "pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate", {}, {}, "OrderedReady"},
    // Any other field of the spec that is not on the list of updatable ones.
    ImmutableField{"StatefulSet", "spec.*", Changed, error, recreate_stateful_set, "pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate", {}, stateful_set_mutable},
    // Jobs.
    ImmutableField{"Job", "spec.selector", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate"},
    ImmutableField{"Job", "spec.template", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate (validatePodTemplateUpdate)"},
    ImmutableField{"Job", "spec.completions", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate (validateCompletions; an Indexed Job may scale it with parallelism)"},
    ImmutableField{"Job", "spec.completionMode", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate", {}, {}, "NonIndexed"},
    ImmutableField{"Job", "spec.podFailurePolicy", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate"},
    ImmutableField{"Job", "spec.backoffLimitPerIndex", Changed, error, recreate_job, "pkg/apis/batch/validation/validation.go ValidateJobSpecUpdate"},
    // Services: an allocated address stays; a type change re-allocates.
    ImmutableField{"Service", "spec.clusterIP", ChangedWhileSet, error, recreate_service, "pkg/apis/core/validation/validation.go ValidateServiceUpdate (except to or from type ExternalName)"},
    ImmutableField{"Service", "spec.clusterIPs", ChangedWhileSet, error, recreate_service, "pkg/apis/core/validation/validation.go ValidateServiceUpdate (validateServiceClusterIPsRelatedFields)"},
    ImmutableField{"Service", "spec.type", Changed, warning, service_reallocates, "pkg/apis/core/validation/validation.go ValidateServiceUpdate; pkg/registry/core/service/storage (allocation on update)", {}, {}, "ClusterIP"},
    // Claims: the whole spec but the storage request, once created.
    ImmutableField{"PersistentVolumeClaim", "spec.storageClassName", Changed, error, recreate_claim, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate"},
    ImmutableField{"PersistentVolumeClaim", "spec.volumeName", ChangedOnceSet, error, recreate_claim, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate (it may be set once, to bind)"},
    ImmutableField{"PersistentVolumeClaim", "spec.resources.limits", Changed, error, recreate_claim, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate"},
    ImmutableField{"PersistentVolumeClaim", "spec.*", Changed, error, recreate_claim, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate (accessModes, selector, volumeMode, dataSource, dataSourceRef, ...)", {}, claim_mutable},
    // Volumes: where the data lives.
    ImmutableField{"PersistentVolume", "spec.*", Changed, error, recreate_volume, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate (PersistentVolumeSource)", volume_sources},
    ImmutableField{"PersistentVolume", "spec.volumeMode", Changed, error, recreate_volume, "pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate", {}, {}, "Filesystem"},
    // Immutable ConfigMaps and Secrets.
    ImmutableField{"ConfigMap", "data", ChangedIfImmutable, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateConfigMapUpdate"},
    ImmutableField{"ConfigMap", "binaryData", ChangedIfImmutable, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateConfigMapUpdate"},
    ImmutableField{"ConfigMap", "immutable", ImmutableFlagUnset, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateConfigMapUpdate"},
    ImmutableField{"Secret", "data", ChangedIfImmutable, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateSecretUpdate"},
    ImmutableField{"Secret", "stringData", ChangedIfImmutable, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateSecretUpdate (stringData is merged into data)"},
    ImmutableField{"Secret", "immutable", ImmutableFlagUnset, error, immutable_data, "pkg/apis/core/validation/validation.go ValidateSecretUpdate"},
    ImmutableField{"Secret", "type", Changed, error, recreate_secret, "pkg/apis/core/validation/validation.go ValidateSecretUpdate", {}, {}, "Opaque"},
    // RBAC.
    ImmutableField{"RoleBinding", "roleRef", Changed, error, recreate_binding, "pkg/apis/rbac/validation/validation.go ValidateRoleBindingUpdate"},
    ImmutableField{"ClusterRoleBinding", "roleRef", Changed, error, recreate_binding, "pkg/apis/rbac/validation/validation.go ValidateClusterRoleBindingUpdate"},
    // Storage classes.
    ImmutableField{"StorageClass", "provisioner", Changed, error, recreate_storage_class, "pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate"},
    ImmutableField{"StorageClass", "parameters", Changed, error, recreate_storage_class, "pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate"},
    ImmutableField{"StorageClass", "reclaimPolicy", Changed, error, recreate_storage_class, "pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate", {}, {}, "Delete"},
    ImmutableField{"StorageClass", "volumeBindingMode", Changed, error, recreate_storage_class, "pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate", {}, {}, "Immediate"},
};
// clang-format on

} // namespace

std::span<const ImmutableField> immutable_fields() {
    return table;
}

} // namespace kubestack::review
