// What the whole-stack rules read of one object of the model: the pods it makes and the
// selectors it picks pods with (model_pods.hpp), the objects it names (model_references.hpp),
// and, for a ConfigMap or Secret, the keys it defines.
#pragma once

#include <kubestack/detail/list.hpp>
#include <kubestack/model_pods.hpp>
#include <kubestack/model_references.hpp>
#include <string_view>

namespace kubestack::detail {

struct ModelFacts {
    List<ModelPods> pods;
    List<ModelSelection> selections;
    List<ModelReference> references;
    List<std::string_view> keys;
};

} // namespace kubestack::detail
