// The near miss of every value rule of the autoscaler, disruption budget, network policy,
// storage class and role builders: the closest values that must still compile, each one
// step from a case in values/.
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto web = deployment("web").port("http", 80);

// autoscaler_*: the smallest counts, utilization and windows, max equal to min; a
// utilization over 100% (it is relative to the requests); a Deployment is scalable.
constexpr auto smallest = horizontalPodAutoscaler(web)
                              .minReplicas(1)
                              .maxReplicas(1)
                              .cpuUtilization(1)
                              .memoryUtilization(150)
                              .scaleDownStabilization(3600)
                              .scaleUpStabilization(0);
constexpr auto same_bounds =
    horizontalPodAutoscaler("web.v2").scales(web).minReplicas(3).maxReplicas(3).cpuAverageValue(
        "500m");

// disruption_budget_*: a count of 0, the bounds of a percentage, one field each.
constexpr auto none_down = podDisruptionBudget("none").selects(web).maxUnavailable(0);
constexpr auto all_up = podDisruptionBudget("all").selects(web).minAvailable("100%");
constexpr auto any_down = podDisruptionBudget("any").selects(web).maxUnavailable("0%");

// cidr_*, ip_block_except_*, network_port_range_*: the longest prefixes, an exception at
// the block's very end, a range of one port.
constexpr auto edges = networkPolicy("web").selects(web).allowFrom(
    {ipBlock("10.0.0.0/16").except("10.0.255.255/32"), ipBlock("0.0.0.0/0"),
     ipBlock("2001:db8::1/128"), ipBlock("::/0").except("fd00::/8")},
    {networkPortRange(3000, 3000), networkPort(65535, Protocol::SCTP)});

// provisioner_*, storage_class_parameter_key_*: upper case (Kubernetes lowercases it), a
// provisioner without a prefix, a one-character key with an empty value.
constexpr auto upper = storageClass("upper", "Kubernetes.IO/AWS-EBS").parameter("x", "");
constexpr auto bare = storageClass("bare", "hostpath");

static_assert(smallest.max_replicas() == 1 && same_bounds.min_replicas() == 3);
static_assert(none_down.max_unavailable().set && all_up.min_available().set &&
              any_down.max_unavailable().set);
static_assert(edges.ingress_rules().size() == 1 && upper.parameters().size() == 1 &&
              !bare.provisioner().empty());

int main() {}
