// A container: image, command and arguments, ports, environment, resources, volume mounts,
// probes and lifecycle hooks (probes.hpp), and its securityContext (security.hpp).
#pragma once

#include <initializer_list>
#include <kubestack/config.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/detail/unset.hpp>
#include <kubestack/env.hpp>
#include <kubestack/environment.hpp>
#include <kubestack/image_reference.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/probes.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/security.hpp>
#include <kubestack/text.hpp>
#include <kubestack/volumes.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

template <class Self>
class Workload;

namespace broken_rule {
KUBESTACK_BROKEN_RULE(image_must_be_a_lowercase_repository_with_an_optional_tag_and_no_spaces)
KUBESTACK_BROKEN_RULE(env_var_taken_from_a_key_needs_a_key_that_is_a_valid_env_var_name)
KUBESTACK_BROKEN_RULE(init_containers_take_no_ports_probes_or_lifecycle_hooks)
} // namespace broken_rule

namespace rules {
struct Image {
    static constexpr auto accepts = is_image_reference;
    KUBESTACK_REJECTED_BY(image_must_be_a_lowercase_repository_with_an_optional_tag_and_no_spaces)
};
} // namespace rules

using Image = detail::CheckedText<rules::Image>;

enum class ImagePullPolicy : unsigned char { Always, IfNotPresent, Never };

constexpr std::string_view to_string(ImagePullPolicy policy) {
    switch (policy) {
    case ImagePullPolicy::Always:
        return "Always";
    case ImagePullPolicy::Never:
        return "Never";
    default:
        return "IfNotPresent";
    }
}

// Requests and limits of cpu and memory; empty when not set.
struct Resources {
    std::string_view memory_limit, memory_request, cpu_limit, cpu_request;
    constexpr bool empty() const {
        return memory_limit.empty() && memory_request.empty() && cpu_limit.empty() &&
               cpu_request.empty();
    }
};

class Container {
public:
    constexpr Container() = default;
    constexpr explicit Container(DnsLabel name)
        : name_(name) {}
    // For names that the caller has already checked.
    constexpr Container(detail::Unchecked, std::string_view name)
        : name_(name) {}

    constexpr Container& image(Image reference) {
        image_ = reference;
        return *this;
    }
    constexpr Container& imagePullPolicy(ImagePullPolicy policy) {
        pull_policy_ = detail::code_of(policy);
        return *this;
    }
    // The entrypoint, in place of the image's: command({"sh", "-c", "start-zookeeper"}).
    constexpr Container& command(std::initializer_list<std::string_view> parts) {
        for (std::string_view part : parts) {
            if (!is_valid_utf8(part)) broken_rule::text_must_be_valid_utf8(broken_);
            command_.push_back(part);
        }
        return *this;
    }
    constexpr Container& args(std::initializer_list<std::string_view> arguments) {
        for (std::string_view argument : arguments) {
            if (!is_valid_utf8(argument)) broken_rule::text_must_be_valid_utf8(broken_);
            args_.push_back(argument);
        }
        return *this;
    }
    constexpr Container& port(PortName name, Port number, Protocol protocol = Protocol::TCP) {
        ports_.push_back({name, number, protocol});
        return *this;
    }
    // An unnamed port: a Service built from the workload, and a probe, target it by number.
    constexpr Container& port(Port number, Protocol protocol = Protocol::TCP) {
        ports_.push_back({{}, number, protocol});
        return *this;
    }
    constexpr Container& env(EnvVarName name, std::string_view value) {
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(broken_);
        env_.push_back({name, false, false, value, {}, {}, false});
        return *this;
    }
    constexpr Container& env(EnvVarName name, FromEnvironment value) {
        broken_.note(value.broken);
        env_.push_back({name, false, false, value.fallback, {}, value.variable, value.required});
        return *this;
    }
    constexpr Container& env(EnvVarName name, KeyRef key) {
        env_.push_back({name, true, false, {}, key, {}, false});
        return *this;
    }
    constexpr Container& env(EnvVarName name, FieldRef field) {
        env_.push_back({name, false, true, field.path, {}, {}, false});
        return *this;
    }
    // The variable takes the key's name: env(postgres_config.key("POSTGRES_DB")).
    constexpr Container& env(KeyRef key) {
        if (!is_env_var_name(key.key))
            broken_rule::env_var_taken_from_a_key_needs_a_key_that_is_a_valid_env_var_name(broken_);
        env_.push_back({key.key, true, false, {}, key, {}, false});
        return *this;
    }
    constexpr Container& envFrom(DataRef source) {
        env_from_.push_back(source);
        return *this;
    }
    template <class Source, DataSource kind>
    constexpr Container& envFrom(const DataObject<Source, kind>& source) {
        return envFrom(source.all());
    }
    constexpr Container& memory(Bytes limit) {
        resources_.memory_limit = limit;
        return *this;
    }
    constexpr Container& memoryRequest(Bytes request) {
        resources_.memory_request = request;
        return *this;
    }
    constexpr Container& cpu(Cpu limit) {
        resources_.cpu_limit = limit;
        return *this;
    }
    constexpr Container& cpuRequest(Cpu request) {
        resources_.cpu_request = request;
        return *this;
    }
    constexpr Container& mount(const Volume& volume, MountPath path,
                               Access access = Access::ReadWrite) {
        mounts_.push_back({volume.name, path, access == Access::ReadOnly});
        volumes_.push_back(volume);
        return *this;
    }
    // Mounts a volume that the pod declares by name, with Workload::volume(): how
    // several containers share one volume.
    constexpr Container& mount(DnsLabel volume, MountPath path, Access access = Access::ReadWrite) {
        mounts_.push_back({volume, path, access == Access::ReadOnly});
        return *this;
    }

    // Probes: whether the container is alive (else it is restarted), ready for traffic,
    // and done starting (the other two wait for it).
    constexpr Container& livenessProbe(const Probe& probe) {
        check_probe_threshold(probe);
        return set_check(CheckKind::Liveness, probe);
    }
    constexpr Container& readinessProbe(const Probe& probe) {
        return set_check(CheckKind::Readiness, probe);
    }
    constexpr Container& startupProbe(const Probe& probe) {
        check_probe_threshold(probe);
        return set_check(CheckKind::Startup, probe);
    }
    // Lifecycle hooks: right after the container starts, and before it is stopped.
    constexpr Container& postStart(const Action& hook) {
        check_hook(hook);
        return set_check(CheckKind::PostStart, hook);
    }
    constexpr Container& preStop(const Action& hook) {
        check_hook(hook);
        return set_check(CheckKind::PreStop, hook);
    }
    constexpr Container& securityContext(const ContainerSecurity& security) {
        security_ = security;
        return *this;
    }

    constexpr std::string_view name() const { return name_; }
    constexpr const detail::RuleRecord& broken() const { return broken_; }
    constexpr std::string_view image() const { return image_; }
    constexpr std::optional<ImagePullPolicy> image_pull_policy() const {
        return detail::given<ImagePullPolicy>(pull_policy_);
    }
    constexpr bool is_init() const { return init_; }
    constexpr const auto& command() const { return command_; }
    constexpr const auto& args() const { return args_; }
    constexpr const auto& ports() const { return ports_; }
    constexpr const auto& env() const { return env_; }
    constexpr const auto& env_from() const { return env_from_; }
    constexpr const Resources& resources() const { return resources_; }
    constexpr const auto& mounts() const { return mounts_; }
    // The pod volumes this container's mounts bring with them, in mount order; a mount
    // by name brings none.
    constexpr const auto& volumes() const { return volumes_; }
    // The probe of that kind (a hook: its action, without timings), or null.
    constexpr const Probe* check(CheckKind kind) const {
        for (const ContainerCheck& c : checks_)
            if (c.kind == kind) return &c.probe;
        return nullptr;
    }
    constexpr bool has_checks() const { return !checks_.empty(); }
    // Whether it has a probe of that kind: what the rules ask, without comparing an
    // address, which GCC cannot do in a constant under -fsanitize.
    constexpr bool has_check(CheckKind kind) const {
        for (const ContainerCheck& c : checks_)
            if (c.kind == kind) return true;
        return false;
    }
    constexpr const ContainerSecurity& security() const { return security_; }

private:
    // A workload's main container takes the name it is given; an init container is marked
    // as such: it runs to completion before the others start, so it serves no port and has
    // no probe or hook.
    template <class Self>
    friend class Workload;
    constexpr void rename(std::string_view name) { name_ = name; }
    constexpr void mark_init() {
        if (!ports_.empty() || has_checks())
            broken_rule::init_containers_take_no_ports_probes_or_lifecycle_hooks(broken_);
        init_ = true;
    }

    // The last one given of each kind counts.
    constexpr Container& set_check(CheckKind kind, const Probe& probe) {
        broken_.note(probe.action().broken());
        for (ContainerCheck& c : checks_)
            if (c.kind == kind) {
                c.probe = probe;
                return *this;
            }
        checks_.push_back({kind, probe});
        return *this;
    }
    // Kubernetes: "must be 1" for liveness and startup probes.
    constexpr void check_probe_threshold(const Probe& probe) {
        if (probe.success_threshold() && *probe.success_threshold() != 1)
            broken_rule::liveness_and_startup_probes_need_a_success_threshold_of_1(broken_);
    }
    constexpr void check_hook(const Action& hook) {
        if (hook.kind() != ActionKind::Exec && hook.kind() != ActionKind::HttpGet)
            broken_rule::lifecycle_hooks_run_exec_or_http_get_not_tcp_socket_or_grpc(broken_);
    }

    std::string_view name_;
    std::string_view image_;
    unsigned char pull_policy_ = 0; // unset, or an ImagePullPolicy (detail/unset.hpp)
    bool init_ = false;
    detail::FixedList<std::string_view, limits::command> command_;
    detail::FixedList<std::string_view, limits::args> args_;
    detail::FixedList<ContainerPort, limits::ports> ports_;
    detail::FixedList<EnvVar, limits::env> env_;
    detail::FixedList<DataRef, limits::env_from> env_from_;
    Resources resources_;
    detail::FixedList<VolumeMount, limits::volumes> mounts_;
    detail::FixedList<Volume, limits::volumes> volumes_;
    // Probes and hooks in a list, which costs nothing to copy while empty (limits.hpp).
    detail::FixedList<ContainerCheck, 5> checks_;
    ContainerSecurity security_;
    // The first rule a setter found broken, which the whole-stack checker reports with the
    // workload's and the container's names.
    detail::RuleRecord broken_;
};

constexpr Container container(DnsLabel name) {
    return Container(name);
}

} // namespace kubestack
