// Deployments and DaemonSets: a pod template with a selector.
//
// A workload runs one main container, configured through the workload's own setters
// (image, port, env, memory, probes...). It is named after the workload unless
// .containerName("server") names it. .container(c) adds another container to the pod and
// .initContainer(c) one that runs to completion first; every container of a pod has its own
// name (a second "server" breaks a whole-stack rule), and in a pod of several containers
// each needs an image (so .container(container("server")) is not mistaken for naming the
// main one). By default the workload and its pods carry the label app=<name>, which is also
// its selector; a stack may choose other labels and selectors (selector(), podLabel(),
// withoutLabels()). A Service built from the workload, and its default anti-affinity term,
// use its selector, so they select exactly its pods.
#pragma once

#include <initializer_list>
#include <kubestack/container.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/detail/unset.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/storage.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(replicas_must_be_between_0_and_10000)
KUBESTACK_BROKEN_RULE(deployments_and_daemon_sets_only_accept_restart_policy_always)
KUBESTACK_BROKEN_RULE(rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent)
KUBESTACK_BROKEN_RULE(rolling_update_needs_max_surge_or_max_unavailable_above_0)
} // namespace broken_rule

constexpr bool is_replica_count(int count) {
    return count >= 0 && count <= 10000;
}

enum class RestartPolicy { Always, OnFailure, Never };

constexpr std::string_view to_string(RestartPolicy policy) {
    switch (policy) {
    case RestartPolicy::OnFailure:
        return "OnFailure";
    case RestartPolicy::Never:
        return "Never";
    default:
        return "Always";
    }
}

inline constexpr std::string_view hostname_topology_key = "kubernetes.io/hostname";

struct PodTemplate {
    Labels labels;
    KeyValues<> annotations;
    // The main container first, then the others and the init containers (is_init()) in the
    // order they were added: the whole-stack rules check them all alike.
    detail::FixedList<Container, limits::containers> containers;
    std::string_view service_account;
    bool service_account_created_elsewhere = false;
    // Required anti-affinity on kubernetes.io/hostname against the workload's own pods:
    // by its selector, or by the terms given to antiAffinity(labelIn(...)).
    bool spread_over_nodes = false;
    detail::FixedList<LabelRequirement, limits::selector_requirements> anti_affinity_terms;
    bool tolerate_every_taint = false;
    int termination_grace_period_seconds = detail::unset; // -1: not written
    PodSecurity security;
    detail::FixedList<Volume, limits::volumes> declared_volumes;
    RestartPolicy restart_policy = RestartPolicy::Always; // a Job's pods: OnFailure or Never
    // Unset unless given: whether the pod gets its service account's API token.
    detail::Toggle automount_token = detail::Toggle::Unset;
    // The node's namespaces, shared with the pod: what node agents need, and policies flag.
    bool host_network = false, host_pid = false, host_ipc = false;
    // The hardened profile (security.hpp): applied where the pod is read, so that the
    // settings given before or after hardened() win over it.
    bool hardened = false;

    // What the pod and each container run with, the profile included.
    constexpr PodSecurity effective_security() const {
        return hardened ? kubestack::hardened(security) : security;
    }
    constexpr ContainerSecurity effective_security(const Container& c) const {
        return hardened ? kubestack::hardened(c.security()) : c.security();
    }
    // Whether the pod gets its service account's token: as given, or, when hardened, only
    // for a pod whose own account a RoleBinding or ClusterRoleBinding binds: a pod that
    // calls the API. Whether one does is the stack's to say (account_is_bound(), in
    // account_bindings.hpp).
    constexpr std::optional<bool> token_mounted(bool account_bound) const {
        if (const auto given = detail::given(automount_token)) return given;
        if (hardened && (service_account.empty() || !account_bound)) return false;
        return std::nullopt;
    }

    // The volumes declared on the pod, then each volume a container's mount brings, once.
    constexpr detail::FixedList<Volume, limits::volumes> volumes() const {
        detail::FixedList<Volume, limits::volumes> unique = declared_volumes;
        for (const Container& c : containers)
            for (const Volume& wanted : c.volumes()) {
                bool known = false;
                for (const Volume& v : unique)
                    known = known || v.name == wanted.name;
                if (!known) unique.push_back(wanted);
            }
        return unique;
    }
};

template <class Self>
class Workload : public Resource<Self> {
public:
    // --- labels and selector ---------------------------------------------------------

    // A label of the object and of its pods. When the selector has a term of the same
    // key, the term follows, so that the workload still selects its own pods.
    constexpr Self& label(LabelKey key, LabelValue value) {
        Resource<Self>::label(key, value);
        pod_.labels.set(key, value);
        if (selector_.contains(key)) selector_.set(key, value);
        return this->self();
    }
    // A label of the pods only.
    constexpr Self& podLabel(LabelKey key, LabelValue value) {
        pod_.labels.set(key, value);
        return this->self();
    }
    // A term of the selector, which the pods then carry. The first call replaces the
    // default selector app=<name> (and takes that label off the pods, unless label() set
    // it); further calls add terms: selector("app", "wordpress").selector("tier", "mysql").
    constexpr Self& selector(LabelKey key, LabelValue value) {
        if (default_selector_) {
            default_selector_ = false;
            selector_.clear();
            if (pod_.labels.value("app") == this->name()) pod_.labels.remove("app");
        }
        selector_.set(key, value);
        pod_.labels.set(key, value);
        return this->self();
    }
    // No labels on the object itself (its pods keep theirs): for stacks whose workloads
    // carry none.
    constexpr Self& withoutLabels() {
        this->meta_.labels.clear();
        return this->self();
    }

    // Annotations of the pods, not of the workload: podAnnotation("sidecar.istio.io/inject",
    // "false").
    constexpr Self& podAnnotation(AnnotationKey key, std::string_view value) {
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(this->meta_.broken);
        pod_.annotations.set(key, value);
        return this->self();
    }

    // The main container, named after the workload unless given another name.
    constexpr Self& containerName(DnsLabel name) {
        main_container().rename(name);
        return this->self();
    }
    constexpr Self& image(Image reference) { return main(main_container().image(reference)); }
    constexpr Self& imagePullPolicy(ImagePullPolicy policy) {
        return main(main_container().imagePullPolicy(policy));
    }
    constexpr Self& command(std::initializer_list<std::string_view> parts) {
        return main(main_container().command(parts));
    }
    constexpr Self& args(std::initializer_list<std::string_view> arguments) {
        return main(main_container().args(arguments));
    }
    constexpr Self& port(PortName name, Port number, Protocol protocol = Protocol::TCP) {
        return main(main_container().port(name, number, protocol));
    }
    constexpr Self& port(Port number, Protocol protocol = Protocol::TCP) {
        return main(main_container().port(number, protocol));
    }
    constexpr Self& env(EnvVarName name, std::string_view value) {
        return main(main_container().env(name, value));
    }
    constexpr Self& env(EnvVarName name, FromEnvironment value) {
        return main(main_container().env(name, value));
    }
    constexpr Self& env(EnvVarName name, KeyRef key) {
        return main(main_container().env(name, key));
    }
    constexpr Self& env(EnvVarName name, FieldRef field) {
        return main(main_container().env(name, field));
    }
    constexpr Self& env(KeyRef key) { return main(main_container().env(key)); }
    template <class Source>
    constexpr Self& envFrom(const Source& source) {
        return main(main_container().envFrom(source));
    }
    constexpr Self& memory(Bytes limit) { return main(main_container().memory(limit)); }
    constexpr Self& memoryRequest(Bytes request) {
        return main(main_container().memoryRequest(request));
    }
    constexpr Self& cpu(Cpu limit) { return main(main_container().cpu(limit)); }
    constexpr Self& cpuRequest(Cpu request) { return main(main_container().cpuRequest(request)); }
    constexpr Self& livenessProbe(const Probe& probe) {
        return main(main_container().livenessProbe(probe));
    }
    constexpr Self& readinessProbe(const Probe& probe) {
        return main(main_container().readinessProbe(probe));
    }
    constexpr Self& startupProbe(const Probe& probe) {
        return main(main_container().startupProbe(probe));
    }
    constexpr Self& postStart(const Action& hook) { return main(main_container().postStart(hook)); }
    constexpr Self& preStop(const Action& hook) { return main(main_container().preStop(hook)); }
    // The main container's securityContext; podSecurityContext() is the pod's.
    constexpr Self& securityContext(const ContainerSecurity& security) {
        return main(main_container().securityContext(security));
    }

    constexpr Self& mount(const Volume& volume, MountPath path, Access access = Access::ReadWrite) {
        return main(main_container().mount(volume, path, access));
    }
    constexpr Self& mount(const PersistentVolumeClaim& claim, MountPath path,
                          Access access = Access::ReadWrite) {
        return mount(object_volume(claim.metadata(), VolumeSource::PersistentVolumeClaim), path,
                     access);
    }
    constexpr Self& mount(const ConfigMap& config, MountPath path,
                          Access access = Access::ReadOnly) {
        return mount(object_volume(config.metadata(), VolumeSource::ConfigMap), path, access);
    }
    constexpr Self& mount(const Secret& secret, MountPath path, Access access = Access::ReadOnly) {
        return mount(object_volume(secret.metadata(), VolumeSource::Secret), path, access);
    }

    // Declares a pod volume that containers mount by name: mount("logs", "/var/log").
    constexpr Self& volume(const Volume& declared) {
        pod_.declared_volumes.push_back(declared);
        return this->self();
    }
    constexpr Self& volume(const PersistentVolumeClaim& claim) {
        return volume(object_volume(claim.metadata(), VolumeSource::PersistentVolumeClaim));
    }
    constexpr Self& volume(const ConfigMap& config) {
        return volume(object_volume(config.metadata(), VolumeSource::ConfigMap));
    }
    constexpr Self& volume(const Secret& secret) {
        return volume(object_volume(secret.metadata(), VolumeSource::Secret));
    }
    constexpr Self& mount(DnsLabel volume_name, MountPath path, Access access = Access::ReadWrite) {
        return main(main_container().mount(volume_name, path, access));
    }

    // Another container in the same pod, next to the main one (which .containerName() names).
    constexpr Self& container(const Container& extra) {
        pod_.containers.push_back(extra);
        return this->self();
    }
    // A container that runs to completion before the others start, in the order added.
    constexpr Self& initContainer(const Container& init) {
        Container marked = init;
        marked.mark_init();
        pod_.containers.push_back(marked);
        return this->self();
    }
    // The pod's securityContext: user, group and fsGroup of every container's processes.
    constexpr Self& podSecurityContext(const PodSecurity& security) {
        pod_.security = security;
        return this->self();
    }
    // How long the pod's containers get between SIGTERM and SIGKILL.
    constexpr Self& terminationGracePeriodSeconds(Seconds seconds) {
        pod_.termination_grace_period_seconds = seconds;
        return this->self();
    }
    constexpr Self& serviceAccount(const ServiceAccount& account) {
        pod_.service_account = account.name();
        pod_.service_account_created_elsewhere = account.metadata().created_elsewhere;
        return this->self();
    }
    // The hardened profile for the pod and every container (security.hpp): non-root, a
    // read-only root filesystem, no privilege escalation, ALL capabilities dropped,
    // seccompProfile RuntimeDefault, and no service-account token unless the pod runs as
    // an account of its own that a binding grants a role. Settings given explicitly win;
    // writablePath() gives the directories a read-only image still writes to.
    constexpr Self& hardened() {
        pod_.hardened = true;
        return this->self();
    }
    // A writable directory for a read-only root filesystem: an emptyDir mounted at path.
    constexpr Self& writablePath(DnsLabel volume, MountPath path) {
        return mount(emptyDir(volume), path);
    }
    // Whether the pod gets an API token for its service account. A pod that does not call
    // the API needs none: automountServiceAccountToken(false).
    constexpr Self& automountServiceAccountToken(bool mounted) {
        pod_.automount_token = detail::toggle(mounted);
        return this->self();
    }
    // The node's network, process and IPC namespaces, for agents that watch the node.
    constexpr Self& hostNetwork() {
        pod_.host_network = true;
        return this->self();
    }
    constexpr Self& hostPID() {
        pod_.host_pid = true;
        return this->self();
    }
    constexpr Self& hostIPC() {
        pod_.host_ipc = true;
        return this->self();
    }
    // Which policies are accepted is the kind's: Self::check_restart_policy, which the
    // kinds of jobs define to reject Always.
    constexpr Self& restartPolicy(RestartPolicy policy) {
        Self::check_restart_policy(policy, this->meta_.broken);
        pod_.restart_policy = policy;
        return this->self();
    }
    // No two pods of this workload on the same node, told apart by its selector.
    constexpr Self& antiAffinity(bool enabled = true) {
        pod_.spread_over_nodes = enabled;
        pod_.anti_affinity_terms = {};
        return this->self();
    }
    // The same, with the label terms written out (matchExpressions), as in
    // antiAffinity(labelIn("app", {"zk"})). The rules check that they select its own pods.
    constexpr Self& antiAffinity(std::initializer_list<LabelRequirement> terms) {
        pod_.spread_over_nodes = true;
        pod_.anti_affinity_terms = {};
        for (const LabelRequirement& term : terms)
            pod_.anti_affinity_terms.push_back(term);
        return this->self();
    }
    constexpr Self& antiAffinity(const LabelRequirement& term) { return antiAffinity({term}); }
    // Runs on tainted nodes too, such as control-plane nodes (for node agents).
    constexpr Self& tolerateEveryTaint() {
        pod_.tolerate_every_taint = true;
        return this->self();
    }

    constexpr const Labels& selector() const { return selector_; }
    constexpr const PodTemplate& pod() const { return pod_; }
    // Where the stack is read: whether a binding grants the pod's account a role.

protected:
    // Deployments and DaemonSets keep their pods running.
    static constexpr void check_restart_policy(RestartPolicy policy, detail::RuleRecord& broken) {
        if (policy != RestartPolicy::Always)
            broken_rule::deployments_and_daemon_sets_only_accept_restart_policy_always(broken);
    }
    // The name is a DNS label, not a subdomain: it also names the main container and
    // is the value of the app label.
    constexpr explicit Workload(DnsLabel name)
        : Resource<Self>(name) {
        this->meta_.labels.set("app", name);
        selector_.set("app", name);
        pod_.labels.set("app", name);
        pod_.containers.push_back(Container(detail::unchecked, name));
    }

private:
    constexpr Container& main_container() { return pod_.containers.front(); }
    constexpr Self& main(Container&) { return this->self(); }

    static constexpr Volume object_volume(const ObjectMeta& object, VolumeSource source) {
        // Named after the object; object_rules.hpp checks the name is a DNS label.
        return {object.name, source, object.name, object.created_elsewhere};
    }

    Labels selector_;
    bool default_selector_ = true;
    PodTemplate pod_;
};

// A rolling update's maxSurge or maxUnavailable: a count of pods (1) or a percentage of the
// replicas ("25%"); unset when default-constructed.
constexpr bool is_percentage(std::string_view text) {
    return text.size() >= 2 && text.back() == '%' &&
           detail::all_of(text.substr(0, text.size() - 1), detail::is_digit);
}

struct RollingUpdateValue {
    std::string_view percentage;
    int count = -1; // -1: unset, or a percentage

    constexpr RollingUpdateValue() = default;
    consteval RollingUpdateValue(int pods)
        : count(pods) {
        if (pods < 0) {
            constexpr broken_rule::
                rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent_verdict
                    verdict{};
            if (verdict.rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent)
                return;
        }
    }
    consteval RollingUpdateValue(const char* share)
        : percentage(share) {
        if (!is_percentage(percentage)) {
            constexpr broken_rule::
                rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent_verdict
                    verdict{};
            if (verdict.rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent)
                return;
        }
    }
    constexpr bool is_set() const { return count >= 0 || !percentage.empty(); }
    constexpr bool is_zero() const {
        return count == 0 ||
               (!percentage.empty() && percentage.find_first_not_of('0') == percentage.size() - 1);
    }
};

// .rollingUpdate({.maxSurge = 1, .maxUnavailable = "25%"}); a value left out is Kubernetes'
// default (25%).
struct RollingUpdate {
    RollingUpdateValue maxSurge{};
    RollingUpdateValue maxUnavailable{};
};

enum class DeploymentStrategy : unsigned char { RollingUpdate, Recreate };

class Deployment : public Workload<Deployment> {
public:
    constexpr explicit Deployment(DnsLabel name)
        : Workload(name) {}

    // Recreate: stop every old pod before starting new ones (for a volume only one pod
    // may mount). RollingUpdate is Kubernetes' default.
    constexpr Deployment& strategy(DeploymentStrategy type) {
        strategy_ = detail::code_of(type);
        rolling_update_ = {};
        return *this;
    }
    constexpr Deployment& rollingUpdate(RollingUpdate parameters) {
        // Kubernetes refuses 0 for both: no pod could ever be replaced. (Unset is 25%.)
        if (parameters.maxSurge.is_zero() && parameters.maxUnavailable.is_zero())
            broken_rule::rolling_update_needs_max_surge_or_max_unavailable_above_0(meta_.broken);
        strategy_ = detail::code_of(DeploymentStrategy::RollingUpdate);
        rolling_update_ = parameters;
        return *this;
    }

    // Checked when the stack is evaluated rather than at the literal, so that a count can
    // come from per-cluster values passed to the stack as an argument.
    constexpr Deployment& replicas(int count) {
        if (!is_replica_count(count))
            broken_rule::replicas_must_be_between_0_and_10000(meta_.broken);
        replicas_ = count;
        replicas_given_ = true;
        return *this;
    }
    constexpr int replica_count() const { return replicas_; }
    // Without replicas(), the field is not written: Kubernetes starts one pod, and an
    // autoscaler that owns the count is not undone by every apply.
    constexpr bool replicas_given() const { return replicas_given_; }
    // Unset: not written, Kubernetes' default (RollingUpdate at 25%) applies.
    constexpr std::optional<DeploymentStrategy> strategy() const {
        return detail::given<DeploymentStrategy>(strategy_);
    }
    constexpr const RollingUpdate& rolling_update() const { return rolling_update_; }

private:
    int replicas_ = 1;
    bool replicas_given_ = false;
    unsigned char strategy_ = 0; // unset, or a DeploymentStrategy (detail/unset.hpp)
    RollingUpdate rolling_update_;
};

class DaemonSet : public Workload<DaemonSet> {
public:
    constexpr explicit DaemonSet(DnsLabel name)
        : Workload(name) {}
};

constexpr Deployment deployment(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Deployment(name), where);
}
constexpr DaemonSet daemonSet(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(DaemonSet(name), where);
}

} // namespace kubestack
