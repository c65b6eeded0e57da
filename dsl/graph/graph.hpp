// The stack as a Graphviz DOT graph (`stack --graph | dot -Tsvg > stack.svg`): one node per
// object, grouped by namespace, and one edge per reference (kubestack/references.hpp).
//
// Node IDs read as the objects do: a workload by its name ("poll"), any other object as
// "<name>-<kind in lowercase>" ("poll-service", "poll-ingress"), qualified by its namespace
// ("kube-public/traefik-serviceaccount") only where two would share an ID. A Service is a
// record whose fields are its ports, so an Ingress's edge ends at the port it routes to:
// "poll-ingress" -> "poll-service":http.
#pragma once

#include <kubestack/stack_view.hpp>
#include <string>
#include <string_view>

namespace kubestack::graph {

// The DOT text; `title` labels the graph (the cluster's name, say).
std::string stack_graph(const StackView& stack, std::string_view title);

} // namespace kubestack::graph
