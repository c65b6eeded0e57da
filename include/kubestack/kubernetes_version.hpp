// The Kubernetes version a stack targets, and which apiVersions that version serves.
//
// A stack says `stack().targets("1.21")`; the whole-stack rules then reject any object
// written in an apiVersion the target does not serve, such as an Ingress as
// extensions/v1beta1 on 1.22 or later, or as networking.k8s.io/v1 before 1.19.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(kubernetes_version_must_be_written_like_1_21)
} // namespace broken_rule

struct KubernetesVersion {
    int major = 1;
    int minor = 0;

    // "1.21" or "v1.21".
    consteval KubernetesVersion(const char* text) {
        std::string_view version(text);
        if (version.starts_with("v")) version.remove_prefix(1);
        const std::size_t dot = version.find('.');
        if (dot == std::string_view::npos || !parse(version.substr(0, dot), major) ||
            !parse(version.substr(dot + 1), minor)) {
            constexpr broken_rule::kubernetes_version_must_be_written_like_1_21_verdict verdict{};
            if (verdict.kubernetes_version_must_be_written_like_1_21) return;
        }
    }
    constexpr KubernetesVersion(int major_version, int minor_version)
        : major(major_version)
        , minor(minor_version) {}

    friend constexpr auto operator<=>(const KubernetesVersion&, const KubernetesVersion&) = default;

private:
    static constexpr bool parse(std::string_view digits, int& number) {
        if (digits.empty() || digits.size() > 3) return false;
        number = 0;
        for (char c : digits) {
            if (!detail::is_digit(c)) return false;
            number = number * 10 + (c - '0');
        }
        return true;
    }
};

// The newest version whose API description the project validates against (../shared/k8s).
inline constexpr KubernetesVersion newest_known_kubernetes{1, 36};

// The versions of Kubernetes that serve an apiVersion of a kind: from `since` up to and
// including `until`; `until` of {0, 0} means it is still served.
struct ServedVersions {
    std::string_view api_version;
    KubernetesVersion since;
    KubernetesVersion until{0, 0};

    constexpr bool serves(KubernetesVersion target) const {
        return target >= since && (until == KubernetesVersion{0, 0} || target <= until);
    }
};

// The apiVersions an Ingress can be written in.
enum class IngressApi { networking_v1, networking_v1beta1, extensions_v1beta1 };

constexpr ServedVersions served_versions(IngressApi api) {
    switch (api) {
    case IngressApi::networking_v1beta1:
        return {"networking.k8s.io/v1beta1", {1, 14}, {1, 21}};
    case IngressApi::extensions_v1beta1:
        return {"extensions/v1beta1", {1, 1}, {1, 21}};
    default:
        return {"networking.k8s.io/v1", {1, 19}};
    }
}

} // namespace kubestack
