// Nodes in the StackView's kind order, namespaces in the order they first appear, edges in
// the order references_of lists them: the same stack always gives the same text.
#include "graph.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kubestack/references.hpp>
#include <map>
#include <type_traits>
#include <utility>
#include <vector>

namespace kubestack::graph {
namespace {

struct Node {
    ObjectRef object;
    std::string id;
    std::vector<std::pair<std::string_view, int>> ports; // a Service's: name, number
    bool outside = false;                                // not applied by the stack
};

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::string base_id(const ObjectRef& object) {
    if (is_workload(object.kind)) return std::string(object.name);
    return fmt::format("{}-{}", object.name, lowercase(kind_name(object.kind)));
}

// A DOT ID: bare when it is a plain identifier, quoted otherwise.
std::string dot_id(std::string_view id) {
    const bool bare = !id.empty() && !(id[0] >= '0' && id[0] <= '9') &&
                      std::all_of(id.begin(), id.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                 (c >= '0' && c <= '9') || c == '_';
                      });
    if (bare) return std::string(id);
    std::string out = "\"";
    for (char c : id) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

// Text inside a record label, where braces, bars, angle brackets and quotes are fields'
// syntax.
std::string record_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("{}|<>\"\\ ").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// Workloads are boxes; other kinds by what they are, by kind name so that a kind the
// picture has no shape for is an ellipse.
std::string_view shape_of(ObjectKind kind) {
    if (is_workload(kind)) return "box3d";
    const std::string_view name = kind_name(kind);
    constexpr std::pair<std::string_view, std::string_view> shapes[] = {
        {"Service", "record"},
        {"Ingress", "invhouse"},
        {"ConfigMap", "note"},
        {"Secret", "note"},
        {"PersistentVolume", "cylinder"},
        {"PersistentVolumeClaim", "cylinder"},
        {"ClusterRole", "hexagon"},
        {"ClusterRoleBinding", "octagon"},
        {"Namespace", "tab"}};
    for (const auto& [kind_with_shape, shape] : shapes)
        if (kind_with_shape == name) return shape;
    return "ellipse";
}

// A quoted DOT label whose backslashes are DOT's own escapes (\n, a record's \|).
std::string label_text(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '\\';
        out += c;
    }
    return out + '"';
}

std::string node_line(const Node& node) {
    const std::string_view kind = kind_name(node.object.kind);
    std::string label;
    if (node.object.kind == kind_of<Service> && !node.ports.empty()) {
        label = fmt::format("{}\\n{}", kind, record_text(node.object.name));
        for (const auto& [name, number] : node.ports)
            label += fmt::format("|<{}> {}:\\ {}", name, record_text(name), number);
    } else {
        label = fmt::format("{}\\n{}{}", kind, node.object.name,
                            node.outside ? "\\n(created elsewhere)" : "");
    }
    label = label_text(label);
    const std::string_view shape = node.object.kind == kind_of<Service> && node.ports.empty()
                                       ? "ellipse"
                                       : shape_of(node.object.kind);
    return fmt::format("{} [shape={}, label={}{}];", dot_id(node.id), shape, label,
                       node.outside ? ", style=dashed" : "");
}

class GraphBuilder {
public:
    explicit GraphBuilder(const StackView& stack)
        : stack_(stack) {}

    std::string build(std::string_view title) {
        add_objects();
        const std::vector<Reference> references = references_of(stack_);
        for (const Reference& r : references)
            if (find(r.to) == nullptr) add({r.to, {}, {}, true});
        assign_ids();

        std::string out = "digraph stack {\n";
        out += fmt::format("  label={};\n  labelloc=t;\n", dot_id(title));
        out += "  rankdir=LR;\n  compound=true;\n";
        out += "  fontname=\"Helvetica\";\n  node [fontname=\"Helvetica\", fontsize=10];\n";
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
        // Cluster-scoped objects first, then one cluster per namespace.
        for (const Node& node : nodes_)
            if (node.object.ns.empty()) out += "  " + node_line(node) + "\n";
        std::vector<std::string_view> namespaces;
        for (const Node& node : nodes_)
            if (!node.object.ns.empty() &&
                std::find(namespaces.begin(), namespaces.end(), node.object.ns) == namespaces.end())
                namespaces.push_back(node.object.ns);
        for (std::string_view ns : namespaces) {
            out += fmt::format("  subgraph {} {{\n    label={};\n    style=rounded;\n",
                               dot_id(fmt::format("cluster_{}", ns)),
                               dot_id(fmt::format("namespace {}", ns)));
            for (const Node& node : nodes_)
                if (node.object.ns == ns) out += "    " + node_line(node) + "\n";
            out += "  }\n";
        }
        for (const Reference& r : references) {
            const Node& from = *find(r.from);
            const Node& to = *find(r.to);
            std::string target = dot_id(to.id);
            std::string label(to_string(r.relation));
            if (r.relation == Relation::RoutesTo) {
                if (!r.port_name.empty() && !to.ports.empty()) {
                    // Two appends, not ":" + dot_id(...): GCC 12 warns about that one at -O3
                    // (a false -Wrestrict in std::string's operator+).
                    target += ':';
                    target += dot_id(r.port_name);
                } else {
                    label += fmt::format(" port {}", r.port_number);
                }
            }
            out += fmt::format("  {} -> {} [label={}{}];\n", dot_id(from.id), target, dot_id(label),
                               r.created_elsewhere ? ", style=dashed" : "");
        }
        out += "}\n";
        return out;
    }

private:
    void add_objects() {
        for_each_object(stack_, [&](ObjectKind kind, const auto& object) {
            Node node{{kind, object.metadata().ns, object.metadata().name}, {}, {}, false};
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, Service>)
                for (const ServicePort& port : object.ports())
                    node.ports.emplace_back(port.name, port.port);
            add(std::move(node));
        });
    }

    void add(Node node) { nodes_.push_back(std::move(node)); }

    const Node* find(const ObjectRef& object) const {
        for (const Node& node : nodes_)
            if (node.object == object) return &node;
        return nullptr;
    }

    // Base IDs, qualified by kind and namespace where two objects would share one.
    void assign_ids() {
        std::map<std::string, int> uses;
        for (const Node& node : nodes_)
            ++uses[base_id(node.object)];
        for (Node& node : nodes_) {
            node.id = base_id(node.object);
            if (uses[node.id] > 1)
                node.id =
                    fmt::format("{}{}{}-{}", node.object.ns, node.object.ns.empty() ? "" : "/",
                                node.object.name, lowercase(kind_name(node.object.kind)));
        }
    }

    const StackView& stack_;
    std::vector<Node> nodes_;
};

} // namespace

std::string stack_graph(const StackView& stack, std::string_view title) {
    return GraphBuilder(stack).build(title);
}

} // namespace kubestack::graph
