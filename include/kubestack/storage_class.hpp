// StorageClasses (storage.k8s.io/v1): how a cluster provisions volumes for the claims that
// name the class.
//
//   storageClass("fast", "k8s.io/minikube-hostpath").parameter("type", "pd-ssd")
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/names.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    provisioner_must_be_a_qualified_name_like_example_com_slash_driver_in_any_letter_case)
KUBESTACK_BROKEN_RULE(storage_class_parameter_key_must_not_be_empty)
} // namespace broken_rule

// A qualified name (a label key's form) in any letter case: Kubernetes lowercases the
// provisioner before it checks it (pkg/apis/storage/validation, validateProvisioner).
constexpr bool is_provisioner(std::string_view text) {
    constexpr std::size_t longest = 253 + 1 + 63; // a DNS prefix, a slash, a name
    if (text.empty() || text.size() > longest) return false;
    char lowered[longest] = {};
    for (std::size_t i = 0; i < text.size(); ++i)
        lowered[i] = detail::is_upper(text[i]) ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    return is_label_key(std::string_view(lowered, text.size()));
}

constexpr bool is_storage_class_parameter_key(std::string_view text) {
    return !text.empty();
}

namespace rules {
struct Provisioner {
    static constexpr auto accepts = is_provisioner;
    KUBESTACK_REJECTED_BY(
        provisioner_must_be_a_qualified_name_like_example_com_slash_driver_in_any_letter_case)
};
struct StorageClassParameterKey {
    static constexpr auto accepts = is_storage_class_parameter_key;
    KUBESTACK_REJECTED_BY(storage_class_parameter_key_must_not_be_empty)
};
} // namespace rules

using Provisioner = detail::CheckedText<rules::Provisioner>;
using StorageClassParameterKey = detail::CheckedText<rules::StorageClassParameterKey>;

// When a claim's volume is provisioned and bound: at once, or once a pod uses the claim
// (so that the volume is made where the pod is scheduled).
enum class VolumeBindingMode { Immediate, WaitForFirstConsumer };

constexpr std::string_view to_string(VolumeBindingMode mode) {
    return mode == VolumeBindingMode::WaitForFirstConsumer ? "WaitForFirstConsumer" : "Immediate";
}

inline constexpr std::string_view default_class_annotation =
    "storageclass.kubernetes.io/is-default-class";

class StorageClass : public Resource<StorageClass, Scope::Cluster> {
public:
    constexpr StorageClass(Name name, Provisioner provisioner)
        : Resource(name)
        , provisioner_(provisioner) {}

    // Passed to the provisioner as given; a key set again replaces its value.
    constexpr StorageClass& parameter(StorageClassParameterKey key, std::string_view value) {
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(this->meta_.broken);
        parameters_.set(key, value);
        return *this;
    }
    // What happens to a provisioned volume when its claim is deleted (Kubernetes: Delete).
    constexpr StorageClass& reclaimPolicy(ReclaimPolicy policy) {
        reclaim_policy_ = policy;
        reclaim_policy_set_ = true;
        return *this;
    }
    constexpr StorageClass& volumeBindingMode(VolumeBindingMode mode) {
        binding_mode_ = mode;
        binding_mode_set_ = true;
        return *this;
    }
    // Claims of this class may grow by editing their request.
    constexpr StorageClass& allowVolumeExpansion(bool allowed = true) {
        allow_expansion_ = allowed;
        allow_expansion_set_ = true;
        return *this;
    }
    constexpr StorageClass& mountOption(std::string_view option) {
        if (!is_valid_utf8(option)) broken_rule::text_must_be_valid_utf8(this->meta_.broken);
        mount_options_.push_back(option);
        return *this;
    }
    // The class of claims that name none.
    constexpr StorageClass& isDefaultClass() {
        meta_.annotations.set(default_class_annotation, "true");
        return *this;
    }

    constexpr std::string_view provisioner() const { return provisioner_; }
    constexpr const KeyValues<limits::class_parameters>& parameters() const { return parameters_; }
    constexpr bool has_reclaim_policy() const { return reclaim_policy_set_; }
    constexpr ReclaimPolicy reclaim_policy() const { return reclaim_policy_; }
    constexpr bool has_volume_binding_mode() const { return binding_mode_set_; }
    constexpr VolumeBindingMode volume_binding_mode() const { return binding_mode_; }
    constexpr bool has_allow_volume_expansion() const { return allow_expansion_set_; }
    constexpr bool allows_volume_expansion() const { return allow_expansion_; }
    constexpr const auto& mount_options() const { return mount_options_; }

private:
    std::string_view provisioner_;
    KeyValues<limits::class_parameters> parameters_;
    ReclaimPolicy reclaim_policy_ = ReclaimPolicy::Delete;
    bool reclaim_policy_set_ = false;
    VolumeBindingMode binding_mode_ = VolumeBindingMode::Immediate;
    bool binding_mode_set_ = false;
    bool allow_expansion_ = false;
    bool allow_expansion_set_ = false;
    detail::FixedList<std::string_view, limits::mount_options> mount_options_;
};

constexpr StorageClass storageClass(Name name, Provisioner provisioner,
                                    SourcePlace where = SourcePlace::here()) {
    return detail::written_at(StorageClass(name, provisioner), where);
}

} // namespace kubestack
