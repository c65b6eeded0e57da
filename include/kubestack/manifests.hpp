// Rendering a stack to YAML, as the kubestack::driver library implements it.
//
// Exposed for tests and for programs that embed a stack; a stack binary only needs run().
#pragma once

#include <kubestack/document.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_view.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack {

// Every object in a safe apply order: namespaces, RBAC, config and secrets, storage,
// network policies, workloads, services, autoscalers and disruption budgets, ingresses;
// within a kind, in the order the stack applies them.
std::vector<Document> render_documents(const StackView& stack);
inline std::vector<Document> render_documents(const Stack& stack) {
    return render_documents(view_of(stack));
}

// All documents as one multi-document stream, for `stack | kubectl apply -f -`.
std::string render_stream(const StackView& stack);
inline std::string render_stream(const Stack& stack) {
    return render_stream(view_of(stack));
}

// One file per manifest group, in the stack's apply order, then kustomization.yaml
// listing them in that order.
std::vector<ManifestFile> render_files(const StackView& stack);
inline std::vector<ManifestFile> render_files(const Stack& stack) {
    return render_files(view_of(stack));
}

inline constexpr std::string_view kustomization_file_name = "kustomization.yaml";

// A value the stack reads from the environment when it is written (environment.hpp).
struct EnvironmentVariable {
    std::string name;
    std::string fallback; // the default, when not required
    bool required = true;
    std::string used_by; // such as: Secret "postgres" key POSTGRES_PASSWORD
};

// Every environment variable the stack reads, in source order, once each.
std::vector<EnvironmentVariable> environment_variables(const StackView& stack);
inline std::vector<EnvironmentVariable> environment_variables(const Stack& stack) {
    return environment_variables(view_of(stack));
}

} // namespace kubestack
