// Rules on one object alone: what the API server's validation rejects, or what it accepts
// and then runs wrongly, for each kind the DSL writes. The facts come from Kubernetes'
// pkg/apis/core/validation (pods, Services, claims) and pkg/apis/networking/validation
// (Ingresses); docs/rules.md lists each rule with its source.
//
// A rule here needs nothing but the object, unlike the whole-stack rules, which follow
// references between objects. Both report through RuleReport, so a broken one reads the
// same: the rule in words and the object's Kubernetes name, on line 3 of the build error.
#pragma once

#include <cstddef>
#include <kubestack/container.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/rule_report.hpp>
#include <kubestack/service.hpp>
#include <kubestack/stack_kinds.hpp>
#include <kubestack/stateful_set.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/workload.hpp>
#include <string_view>
#include <utility>

namespace kubestack::detail {

class ObjectRules {
public:
    constexpr explicit ObjectRules(RuleReport& report)
        : report_(report) {}

    // A rule that a builder found broken on the object, as it was given a value. The caller
    // builds the subject's words only then: text costs the checker more than the checks.
    constexpr void report_builder_rule(TextBuilder subject, const RuleRecord& broken) {
        TextBuilder text = std::move(subject);
        text << " breaks rule " << broken.first;
        report_.add(StackRule::value_rule_broken, text);
    }

    // ValidatePodSpec: containers, their ports, mounts and env; the pod's volumes.
    constexpr void check_pod(Kind kind, const ObjectMeta& meta, const PodTemplate& pod) {
        for (const LabelRequirement& term : pod.anti_affinity_terms)
            if (term.values.empty() &&
                (term.op == SelectorOperator::In || term.op == SelectorOperator::NotIn)) {
                RuleRecord broken;
                broken_rule::label_in_and_not_in_need_at_least_one_value(broken);
                TextBuilder subject = RuleReport::describe(kind, meta);
                subject << " anti-affinity term " << term.key;
                report_builder_rule(std::move(subject), broken);
            }
        for (std::size_t i = 0; i < pod.containers.size(); ++i) {
            const Container& c = pod.containers[i];
            if (!c.broken().empty()) report_builder_rule(container(kind, meta, c), c.broken());
            for (std::size_t j = 0; j < i; ++j)
                if (pod.containers[j].name() == c.name()) {
                    TextBuilder text = RuleReport::describe(kind, meta);
                    text << " has two containers named ";
                    text.quoted(c.name());
                    report_.add(StackRule::duplicate_container, text);
                }
            if (c.image().empty()) {
                TextBuilder text = container(kind, meta, c);
                text << " has no image: give it one with .image(...)";
                if (i == 0 && pod.containers.size() > 1)
                    text << ", or, to name the main container, use .containerName(...) rather "
                            "than adding a container";
                report_.add(StackRule::container_without_image, text);
            }
            check_container_ports(kind, meta, c);
            check_resources(kind, meta, c);
            check_privilege(kind, meta, pod.effective_security(c), c);
            check_mounts(kind, meta, c);
            check_env(kind, meta, c);
        }
        check_volumes(kind, meta, pod);
    }

    // ValidateService: ports, and the fields each type allows.
    constexpr void check(const Service& service) {
        const ObjectMeta& meta = service.metadata();
        if (!is_dns_1035_label(meta.name)) {
            TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
            text << " needs a name that starts with a letter (a DNS-1035 label), as Services "
                    "are DNS names: service(workload) takes the workload's name, so name it "
                    "with service(\"...\").selects(workload) instead";
            report_.add(StackRule::service_name_not_a_dns_1035_label, text);
        }
        const auto& ports = service.ports();
        if (ports.empty() && !service.headless_service()) {
            TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
            text << " has no port: Kubernetes requires spec.ports on a Service that is not "
                    "headless";
            if (!service.selector().empty())
                text << " (service(workload) copies its workload's ports, and it has none)";
            report_.add(StackRule::service_without_port, text);
        }
        if (ports.size() > 1)
            for (const ServicePort& port : ports)
                if (port.name.empty()) {
                    TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
                    text << " has " << static_cast<int>(ports.size()) << " ports, and port "
                         << port.port << " has no name: Kubernetes requires a name on each port "
                         << "of a Service with several";
                    report_.add(StackRule::unnamed_port_among_several, text);
                    break;
                }
        for (std::size_t i = 0; i < ports.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (!ports[i].name.empty() && ports[i].name == ports[j].name) {
                    TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
                    text << " has two ports named ";
                    text.quoted(ports[i].name);
                    report_.add(StackRule::duplicate_service_port, text);
                }
                if (ports[i].port == ports[j].port && ports[i].protocol == ports[j].protocol) {
                    TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
                    text << " has two ports numbered " << ports[i].port << '/'
                         << to_string(ports[i].protocol);
                    report_.add(StackRule::duplicate_service_port, text);
                }
            }
            if (ports[i].node_port != 0 && service.service_type() == ServiceType::ClusterIP) {
                TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
                text << " gives port " << ports[i].port << " nodePort " << ports[i].node_port
                     << ", which a Service of type ClusterIP may not have: use type NodePort "
                        "or LoadBalancer";
                report_.add(StackRule::node_port_on_cluster_ip_service, text);
            }
        }
        if (service.headless_service() && service.service_type() != ServiceType::ClusterIP) {
            TextBuilder text = RuleReport::describe(kind_of<Service>, meta);
            text << " is headless (clusterIP: None), which a Service of type "
                 << to_string(service.service_type()) << " may not be";
            report_.add(StackRule::headless_service_with_node_ports, text);
        }
    }

    // ValidateIngressSpec: either rules or a default backend. The DSL writes rules only.
    constexpr void check(const Ingress& ingress) {
        if (!ingress.routes().empty()) return;
        TextBuilder text = RuleReport::describe(kind_of<Ingress>, ingress.metadata());
        text << " has no rule and no default backend: give it a route(...)";
        report_.add(StackRule::ingress_without_rules, text);
    }

    // ValidatePersistentVolumeClaimSpec: a storage request and an access mode.
    constexpr void check(const PersistentVolumeClaim& claim) {
        check_claim_terms(RuleReport::describe(kind_of<PersistentVolumeClaim>, claim.metadata()),
                          claim.terms());
    }
    constexpr void check(const StatefulSet& set) {
        for (const ClaimTemplate& claim : set.claim_templates()) {
            TextBuilder subject = RuleReport::describe(kind_of<StatefulSet>, set.metadata());
            subject << " claim template ";
            subject.quoted(claim.name);
            check_claim_terms(std::move(subject), claim.terms);
        }
    }

private:
    static constexpr TextBuilder container(Kind kind, const ObjectMeta& meta, const Container& c) {
        TextBuilder text = RuleReport::describe(kind, meta);
        text << " container ";
        text.quoted(c.name());
        return text;
    }

    // validateContainerPorts: names and number/protocol pairs unique in a container.
    constexpr void check_container_ports(Kind kind, const ObjectMeta& meta, const Container& c) {
        const auto& ports = c.ports();
        for (std::size_t i = 0; i < ports.size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                if (ports[i].number == ports[j].number && ports[i].protocol == ports[j].protocol) {
                    TextBuilder text = container(kind, meta, c);
                    text << " exposes port " << ports[i].number << '/'
                         << to_string(ports[i].protocol) << " twice";
                    report_.add(StackRule::duplicate_container_port, text);
                }
                if (!ports[i].name.empty() && ports[i].name == ports[j].name) {
                    TextBuilder text = container(kind, meta, c);
                    text << " has two ports named ";
                    text.quoted(ports[i].name);
                    report_.add(StackRule::duplicate_port_name, text);
                }
            }
    }

    // ValidateSecurityContext: a privileged container may escalate its privileges.
    constexpr void check_privilege(Kind kind, const ObjectMeta& meta,
                                   const ContainerSecurity& security, const Container& c) {
        if (security.is_privileged() != true || security.allow_privilege_escalation() != false)
            return;
        TextBuilder text = container(kind, meta, c);
        text << " is privileged, and sets allowPrivilegeEscalation: false, which the API "
                "server refuses: drop one of the two";
        report_.add(StackRule::privileged_container_forbids_escalation, text);
    }

    // ValidateResourceRequirements: a request at most its limit.
    constexpr void check_resources(Kind kind, const ObjectMeta& meta, const Container& c) {
        const Resources& r = c.resources();
        const auto check = [&](std::string_view resource, std::string_view request,
                               std::string_view limit) {
            if (request.empty() || limit.empty() || !exceeds(request, limit)) return;
            TextBuilder text = container(kind, meta, c);
            text << " requests " << request << ' ' << resource << ", more than its limit " << limit;
            report_.add(StackRule::request_exceeds_limit, text);
        };
        check("memory", r.memory_request, r.memory_limit);
        check("cpu", r.cpu_request, r.cpu_limit);
    }

    // ValidateVolumeMounts: one mount per path.
    constexpr void check_mounts(Kind kind, const ObjectMeta& meta, const Container& c) {
        const auto& mounts = c.mounts();
        for (std::size_t i = 0; i < mounts.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (mounts[i].path == mounts[j].path) {
                    TextBuilder text = container(kind, meta, c);
                    text << " mounts volumes ";
                    text.quoted(mounts[j].volume) << " and ";
                    text.quoted(mounts[i].volume) << " at the same path " << mounts[i].path;
                    report_.add(StackRule::duplicate_mount_path, text);
                }
    }

    // The API server keeps the last of two variables of one name and warns; kubectl apply
    // then patches the list by name, and the pod gets one value or the other.
    constexpr void check_env(Kind kind, const ObjectMeta& meta, const Container& c) {
        const auto& env = c.env();
        for (std::size_t i = 0; i < env.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (env[i].name == env[j].name) {
                    TextBuilder text = container(kind, meta, c);
                    text << " sets env var ";
                    text.quoted(env[i].name) << " twice";
                    report_.add(StackRule::duplicate_env_var, text);
                }
    }

    // ValidateVolumes: unique names, each a DNS label. A pod volume is named after the
    // ConfigMap, Secret or claim it mounts, so two objects of one name would share it. A pod
    // has a few volumes: each is compared with those before it, with no list to allocate.
    constexpr void check_volumes(Kind kind, const ObjectMeta& meta, const PodTemplate& pod) {
        const auto each_volume = [&pod](auto&& visit) {
            for (const Volume& v : pod.declared_volumes)
                if (!visit(v)) return;
            for (const Container& c : pod.containers)
                for (const Volume& v : c.volumes())
                    if (!visit(v)) return;
        };
        std::size_t position = 0;
        each_volume([&](const Volume& v) {
            if (!is_dns_label(v.name)) {
                TextBuilder text = RuleReport::describe(kind, meta);
                text << " mounts ";
                text.quoted(v.reference.empty() ? v.name : v.reference)
                    << " as a volume, but a volume name must be a DNS label (at most 63 "
                       "lowercase alphanumerics or '-'): name the volume, as with "
                       "claimVolume(\"data\", claim)";
                report_.add(StackRule::volume_name_not_a_label, text);
            }
            // The first volume of this name decides; a later one must be the same. Positions,
            // not addresses, tell them apart: under -fsanitize GCC cannot compare the
            // address of an object of the frozen stack (a static variable) in a constant.
            const std::size_t here = position++;
            std::size_t first_position = 0;
            Volume first;
            each_volume([&](const Volume& other) {
                if (other.name == v.name) {
                    first = other;
                    return false;
                }
                ++first_position;
                return true;
            });
            if (first_position != here &&
                (first.source != v.source || first.reference != v.reference)) {
                TextBuilder text = RuleReport::describe(kind, meta);
                text << " has two volumes named ";
                text.quoted(v.name) << " (" << to_string(first.source) << ' ';
                text.quoted(first.reference) << " and " << to_string(v.source) << ' ';
                text.quoted(v.reference) << "): the pod would get one of them only";
                report_.add(StackRule::duplicate_volume_name, text);
            }
            return true;
        });
    }

    constexpr void check_claim_terms(TextBuilder subject, const StorageTerms& terms) {
        if (terms.size.empty()) {
            TextBuilder text = subject;
            text << " asks for no storage size: give it .request(\"1Gi\") or .boundTo(volume)";
            report_.add(StackRule::claim_without_size, text);
        }
        if (terms.access_modes.empty()) {
            TextBuilder text = std::move(subject);
            text << " asks for no access mode: give it .accessMode(AccessMode::ReadWriteOnce)";
            report_.add(StackRule::claim_without_access_mode, text);
        }
    }

    RuleReport& report_;
};

} // namespace kubestack::detail
