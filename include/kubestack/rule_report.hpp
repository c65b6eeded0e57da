// What a broken rule reports: which rule, and a message that names the objects in plain
// words ("Service \"web\" selects app=wbe, ..."). The whole-stack rules (stack_rules.hpp) and
// the rules on single objects (object_rules.hpp) report through RuleReport, and run<> turns
// the first messages into the build error.
#pragma once

#include <kubestack/detail/text_builder.hpp>
#include <kubestack/kind_info.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/message_text.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/stack_kinds.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace kubestack {

enum class StackRule {
    empty_stack,
    service_selects_no_pod,
    target_port_not_exposed,
    ingress_backend_missing,
    ingress_port_missing,
    ingress_tls_secret_missing,
    config_missing,
    config_in_other_namespace,
    config_key_missing,
    volume_not_defined,
    claim_missing,
    bound_volume_missing,
    claim_disagrees_with_volume,
    selector_misses_own_pods,
    anti_affinity_misses_own_pods,
    anti_affinity_selects_no_pod,
    service_account_missing,
    role_missing,
    subject_missing,
    duplicate_object,
    duplicate_container,
    duplicate_container_port,
    duplicate_service_port,
    unnamed_port_among_several,
    duplicate_node_port,
    created_elsewhere_but_applied,
    pods_created_elsewhere_but_made,
    created_elsewhere_not_referred,
    api_version_not_served,
    container_without_image,
    autoscaler_target_missing,
    autoscaler_max_replicas_missing,
    autoscaled_replicas_written,
    disruption_budget_selects_no_pod,
    network_policy_selects_no_pod,
    stateful_set_service_missing,
    stateful_set_service_not_headless,
    stateful_set_service_misses_pods,
    claim_template_not_mounted,
    cron_job_schedule_missing,
    cron_job_time_zone_not_served,
    seccomp_profile_not_served,
    // The parts of a split stack (stack_part.hpp).
    part_sets_whole_stack_option,
    parts_share_a_name,
    // Kubernetes' validation of one object (object_rules.hpp).
    value_rule_broken, // a rule that a builder found broken, kept on the object
    duplicate_port_name,
    duplicate_mount_path,
    duplicate_env_var,
    duplicate_volume_name,
    volume_name_not_a_label,
    service_without_port,
    service_name_not_a_dns_1035_label,
    node_port_on_cluster_ip_service,
    headless_service_with_node_ports,
    ingress_without_rules,
    claim_without_size,
    claim_without_access_mode,
    request_exceeds_limit,
    privileged_container_forbids_escalation,
    // Kubernetes' validation of objects of the typed model (model_rules.hpp) adds these.
    object_name_invalid,
    value_not_in_enum,
    quantity_malformed,
    port_out_of_range,
    port_name_invalid,
    pod_without_container,
    container_name_not_a_label,
    env_var_name_invalid,
    mount_path_invalid,
    volume_source_count,
    probe_handler_count,
    probe_value_out_of_range,
    image_reference_invalid,
    autoscaler_bounds_invalid,
    disruption_budget_both_bounds,
    replicas_negative,
    restart_policy_invalid,
    label_invalid,
    selector_term_invalid,
    config_key_invalid,
    persistent_volume_incomplete,
    ingress_path_invalid,
    cidr_invalid,
    policy_rule_incomplete,
    // Policies (policy_rules.hpp).
    policy_broken,
    waiver_waives_nothing,
    // Cross-object.
    namespace_missing,
    target_port_protocol_mismatch,
};

struct Violation {
    StackRule rule;
    MessageText message; // converts to std::string_view
    SourcePlace where;   // where the first object the message names was written
};

namespace detail {

class RuleReport {
public:
    static constexpr void describe_into(TextBuilder& text, Kind kind, const ObjectMeta& meta) {
        text << kind_name(kind) << ' ';
        text.quoted(meta.name);
        text.names(meta.written_at);
    }
    // An object of the model says its own kind.
    template <class Object>
    static constexpr TextBuilder describe(const Object& object) {
        TextBuilder text;
        if constexpr (requires { object.kind(); })
            text << object.kind() << ' ';
        else
            text << kind_name(kind_of<Object>) << ' ';
        text.quoted(object.metadata().name);
        text.names(object.metadata().written_at);
        return text;
    }
    static constexpr TextBuilder describe(Kind kind, const ObjectMeta& meta) {
        TextBuilder text;
        describe_into(text, kind, meta);
        return text;
    }
    static constexpr void in_namespace(TextBuilder& text, std::string_view ns) {
        text << " in namespace ";
        text.quoted(ns);
    }
    static constexpr void write_labels(TextBuilder& text, const Labels& labels) {
        bool first = true;
        for (const Label& label : labels) {
            if (!first) text << ',';
            text << label.key << '=' << label.value;
            first = false;
        }
    }

    constexpr void add(StackRule rule, TextBuilder& text) {
        const SourcePlace where = text.subject();
        violations_.push_back({rule, text.take(), where});
    }
    constexpr void add(StackRule rule, TextBuilder&& text) { add(rule, text); }

    constexpr std::vector<Violation> take() { return std::move(violations_); }

protected:
    std::vector<Violation> violations_;
};

} // namespace detail
} // namespace kubestack
