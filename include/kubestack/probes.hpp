// What the kubelet runs to check a container (probes) or around its life (lifecycle hooks).
//
// An action is built by what it runs: exec({"sh", "-c", "ready"}), httpGet("/healthz", 8080),
// tcpSocket("redis"), grpc(9555). It is a hook as it is; giving it a timing makes it a probe:
//
//     .readinessProbe(httpGet("/_healthz", 8080).header("Cookie",
//     "id=probe").initialDelaySeconds(10)) .livenessProbe(grpc(9555).periodSeconds(15))
//     .preStop(exec({"/bin/sh", "-c", "nodetool drain"}))
//
// so that a hook cannot be given a probe's timings: it does not compile.
#pragma once

#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/checked_number.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/detail/unset.hpp>
#include <kubestack/http.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/text.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(seconds_must_not_be_negative)
KUBESTACK_BROKEN_RULE(probe_period_and_timeout_must_be_at_least_1_second)
KUBESTACK_BROKEN_RULE(probe_thresholds_must_be_at_least_1)
KUBESTACK_BROKEN_RULE(exec_needs_a_command)
KUBESTACK_BROKEN_RULE(header_and_scheme_only_apply_to_an_http_get_action)
KUBESTACK_BROKEN_RULE(liveness_and_startup_probes_need_a_success_threshold_of_1)
KUBESTACK_BROKEN_RULE(lifecycle_hooks_run_exec_or_http_get_not_tcp_socket_or_grpc)
} // namespace broken_rule

constexpr bool is_seconds(int seconds) {
    return seconds >= 0;
}
constexpr bool is_probe_interval(int seconds) {
    return seconds >= 1;
}
constexpr bool is_probe_threshold(int count) {
    return count >= 1;
}

namespace rules {
struct Seconds {
    static constexpr auto accepts = is_seconds;
    KUBESTACK_REJECTED_BY(seconds_must_not_be_negative)
};
struct ProbeInterval {
    static constexpr auto accepts = is_probe_interval;
    KUBESTACK_REJECTED_BY(probe_period_and_timeout_must_be_at_least_1_second)
};
struct ProbeThreshold {
    static constexpr auto accepts = is_probe_threshold;
    KUBESTACK_REJECTED_BY(probe_thresholds_must_be_at_least_1)
};
} // namespace rules

// A delay or grace period: 0 or more seconds.
using Seconds = detail::CheckedNumber<rules::Seconds>;
// A probe's period or timeout: 1 second or more.
using ProbeInterval = detail::CheckedNumber<rules::ProbeInterval>;
// How many results in a row make a probe pass or fail: 1 or more.
using ProbeThreshold = detail::CheckedNumber<rules::ProbeThreshold>;

enum class ActionKind : unsigned char { Exec, HttpGet, TcpSocket, Grpc };
enum class Scheme : unsigned char { HTTP, HTTPS };

struct HttpHeader {
    std::string_view name;
    std::string_view value;
};

class Probe;
struct ContainerCheck;

// One of exec, httpGet, tcpSocket or grpc, with what it needs; only the fields of its kind
// are set.
class Action {
public:
    // httpGet only.
    constexpr Action& header(HttpHeaderName name, std::string_view value) {
        if (kind_ != ActionKind::HttpGet)
            broken_rule::header_and_scheme_only_apply_to_an_http_get_action(broken_);
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(broken_);
        headers_.push_back({name, value});
        return *this;
    }
    constexpr Action& scheme(Scheme used) {
        if (kind_ != ActionKind::HttpGet)
            broken_rule::header_and_scheme_only_apply_to_an_http_get_action(broken_);
        scheme_ = detail::code_of(used);
        return *this;
    }

    // Any timing makes the action a probe.
    constexpr Probe initialDelaySeconds(Seconds seconds) const;
    constexpr Probe periodSeconds(ProbeInterval seconds) const;
    constexpr Probe timeoutSeconds(ProbeInterval seconds) const;
    constexpr Probe successThreshold(ProbeThreshold count) const;
    constexpr Probe failureThreshold(ProbeThreshold count) const;

    constexpr ActionKind kind() const { return kind_; }
    constexpr const auto& command() const { return command_; }
    constexpr std::string_view path() const { return path_; }
    constexpr const ContainerPortRef& port() const { return port_; }
    constexpr std::optional<Scheme> scheme() const { return detail::given<Scheme>(scheme_); }
    constexpr const auto& headers() const { return headers_; }
    constexpr std::string_view grpc_service() const { return grpc_service_; }
    constexpr const detail::RuleRecord& broken() const { return broken_; }

    friend constexpr Action exec(std::initializer_list<std::string_view> command);
    friend constexpr Action httpGet(HttpPath path, ContainerPortRef port);
    friend constexpr Action tcpSocket(ContainerPortRef port);
    friend constexpr Action grpc(Port port, std::string_view service);

private:
    // Empty, for the unused slots of a container's list of checks only.
    friend class Probe;
    constexpr Action() = default;
    constexpr explicit Action(ActionKind kind)
        : kind_(kind) {}

    ActionKind kind_ = ActionKind::Exec;
    unsigned char scheme_ = 0; // unset, or a Scheme (detail/unset.hpp)
    detail::FixedList<std::string_view, limits::exec_command> command_;
    std::string_view path_;
    ContainerPortRef port_;
    detail::FixedList<HttpHeader, limits::http_headers> headers_;
    std::string_view grpc_service_;
    detail::RuleRecord broken_; // the container it goes to takes it over
};

// Runs a command in the container: exec({"sh", "-c", "zookeeper-ready 2181"}).
constexpr Action exec(std::initializer_list<std::string_view> command) {
    Action action(ActionKind::Exec);
    if (command.size() == 0) broken_rule::exec_needs_a_command(action.broken_);
    for (std::string_view part : command) {
        if (!is_valid_utf8(part)) broken_rule::text_must_be_valid_utf8(action.broken_);
        action.command_.push_back(part);
    }
    return action;
}
// GET on the pod's IP: httpGet("/healthz", 8080), httpGet("/healthz", "http").
constexpr Action httpGet(HttpPath path, ContainerPortRef port) {
    Action action(ActionKind::HttpGet);
    action.path_ = path;
    action.port_ = port;
    return action;
}
// Opens a TCP connection to the port.
constexpr Action tcpSocket(ContainerPortRef port) {
    Action action(ActionKind::TcpSocket);
    action.port_ = port;
    return action;
}
// The gRPC health checking protocol on the port (by number only, as Kubernetes wants), for
// the service named, or the server as a whole.
constexpr Action grpc(Port port, std::string_view service = {}) {
    Action action(ActionKind::Grpc);
    if (!is_valid_utf8(service)) broken_rule::text_must_be_valid_utf8(action.broken_);
    action.port_.number = port;
    action.grpc_service_ = service;
    return action;
}

// An action with its timings; a timing not given is left to Kubernetes' default.
class Probe {
public:
    constexpr Probe(const Action& action) // NOLINT: every action is a probe with default timings
        : action_(action) {}

    constexpr Probe& initialDelaySeconds(Seconds seconds) {
        initial_delay_ = seconds;
        return *this;
    }
    constexpr Probe& periodSeconds(ProbeInterval seconds) {
        period_ = seconds;
        return *this;
    }
    constexpr Probe& timeoutSeconds(ProbeInterval seconds) {
        timeout_ = seconds;
        return *this;
    }
    constexpr Probe& successThreshold(ProbeThreshold count) {
        success_threshold_ = count;
        return *this;
    }
    constexpr Probe& failureThreshold(ProbeThreshold count) {
        failure_threshold_ = count;
        return *this;
    }

    constexpr const Action& action() const { return action_; }
    constexpr std::optional<int> initial_delay() const { return detail::given(initial_delay_); }
    constexpr std::optional<int> period() const { return detail::given(period_); }
    constexpr std::optional<int> timeout() const { return detail::given(timeout_); }
    constexpr std::optional<int> success_threshold() const {
        return detail::given(success_threshold_);
    }
    constexpr std::optional<int> failure_threshold() const {
        return detail::given(failure_threshold_);
    }

private:
    friend struct ContainerCheck;
    constexpr Probe() = default;

    Action action_;
    int initial_delay_ = detail::unset, period_ = detail::unset, timeout_ = detail::unset,
        success_threshold_ = detail::unset, failure_threshold_ = detail::unset;
};

constexpr Probe Action::initialDelaySeconds(Seconds seconds) const {
    return Probe(*this).initialDelaySeconds(seconds);
}
constexpr Probe Action::periodSeconds(ProbeInterval seconds) const {
    return Probe(*this).periodSeconds(seconds);
}
constexpr Probe Action::timeoutSeconds(ProbeInterval seconds) const {
    return Probe(*this).timeoutSeconds(seconds);
}
constexpr Probe Action::successThreshold(ProbeThreshold count) const {
    return Probe(*this).successThreshold(count);
}
constexpr Probe Action::failureThreshold(ProbeThreshold count) const {
    return Probe(*this).failureThreshold(count);
}

// What a container's probe or hook is for. A hook is kept as a probe without timings.
enum class CheckKind : unsigned char { Liveness, Readiness, Startup, PostStart, PreStop };

struct ContainerCheck {
    CheckKind kind = CheckKind::Liveness;
    Probe probe;

    constexpr ContainerCheck() = default; // an unused slot
    constexpr ContainerCheck(CheckKind checked, const Probe& given)
        : kind(checked)
        , probe(given) {}
};

} // namespace kubestack
