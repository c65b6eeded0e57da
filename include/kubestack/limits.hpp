// How many items each part of an object holds.
//
// The DSL stores an object's lists inline, in fixed-capacity arrays: GCC evaluates a
// copy of such an object in one step, while each std::vector allocation costs about
// 1,600 steps of its constexpr budget. That is what lets a stack of 1000 services build
// and check inside GCC's default constexpr limits. Going past a limit is a compile error
// at the call that overflows it (broken_rule::list_is_full_see_kubestack_limits_hpp).
#pragma once

#include <cstddef>

namespace kubestack::limits {

inline constexpr std::size_t labels = 16; // labels, annotations or selector terms of an object
inline constexpr std::size_t config_entries = 64; // keys of a ConfigMap or Secret
inline constexpr std::size_t containers = 4;      // containers of a pod, init containers included
inline constexpr std::size_t volumes = 16;        // volumes of a pod, mounts of a container
inline constexpr std::size_t args = 32;           // arguments of a container
inline constexpr std::size_t command = 16;        // command of a container
inline constexpr std::size_t exec_command = 8;    // command of an exec probe or hook
inline constexpr std::size_t http_headers = 4;    // headers of an httpGet probe or hook
inline constexpr std::size_t capabilities = 8;    // capabilities added, or dropped, by a container
inline constexpr std::size_t ports = 16;          // ports of a container or a Service
inline constexpr std::size_t env = 64;            // env values of a container
inline constexpr std::size_t env_from = 8;        // envFrom sources of a container
inline constexpr std::size_t access_modes = 4;    // access modes of a volume or claim
inline constexpr std::size_t policy_rules = 16;   // rules of a ClusterRole
inline constexpr std::size_t policy_items = 16;   // apiGroups, resources or verbs of a rule
inline constexpr std::size_t subjects = 16;       // subjects of a ClusterRoleBinding
inline constexpr std::size_t routes = 16;         // routes of an Ingress
inline constexpr std::size_t tls_entries = 4;     // tls entries of an Ingress
inline constexpr std::size_t tls_hosts = 8;       // hosts of one tls entry
inline constexpr std::size_t patches = 4;         // with<...>() edits of one object's model
inline constexpr std::size_t waivers = 4;         // reasons for waived policy checks, per object
inline constexpr std::size_t stack_waivers = 8;   // reasons for checks the whole stack waives
inline constexpr std::size_t claim_templates = 4; // volumeClaimTemplates of a StatefulSet
inline constexpr std::size_t selector_requirements = 4; // matchExpressions of a selector
inline constexpr std::size_t requirement_values = 8;    // values of one matchExpression

// The autoscaler, network policy and storage class builders.
inline constexpr std::size_t metrics = 4;           // metrics of a HorizontalPodAutoscaler
inline constexpr std::size_t network_rules = 4;     // ingress or egress rules of a NetworkPolicy
inline constexpr std::size_t network_peers = 4;     // peers (from, to) of a NetworkPolicy rule
inline constexpr std::size_t network_ports = 8;     // ports of a NetworkPolicy rule
inline constexpr std::size_t peer_labels = 4;       // terms of a NetworkPolicy peer's selector
inline constexpr std::size_t cidr_exceptions = 4;   // `except` ranges of an ipBlock
inline constexpr std::size_t class_parameters = 16; // parameters of a StorageClass
inline constexpr std::size_t mount_options = 8;     // mount options of a StorageClass

// Objects of the typed model (object<f>()).
inline constexpr std::size_t created_elsewhere_references = 32; // refersTo(...) of one object

} // namespace kubestack::limits
