// expect: StatefulSet .?.zk.?.: spec.template.spec.affinity.podAntiAffinity.*labelSelector selects
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// ZooKeeper's tutorial spreads its servers with a term of app In [zk], but its pods carry
// app.kubernetes.io/name=zk: the term selects no pod, so it keeps nothing apart.
constexpr api::apps::v1::StatefulSet zk() {
    api::apps::v1::StatefulSet set;
    set.metadata.emplace().name = "zk";
    auto& spec = set.spec.emplace();
    spec.selector.matchLabels.emplace().push_back({"app.kubernetes.io/name", "zk"});
    spec.template_.metadata.emplace().labels.emplace().push_back({"app.kubernetes.io/name", "zk"});
    api::core::v1::Container server;
    server.name = "zk";
    server.image = "registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10";
    auto& pod = spec.template_.spec.emplace();
    pod.containers.push_back(server);
    api::core::v1::PodAffinityTerm term;
    api::meta::v1::LabelSelectorRequirement zk_app{"app", "In", {}};
    zk_app.values.emplace().push_back("zk");
    term.labelSelector.emplace().matchExpressions.emplace().push_back(zk_app);
    term.topologyKey = "kubernetes.io/hostname";
    pod.affinity.emplace()
        .podAntiAffinity.emplace()
        .requiredDuringSchedulingIgnoredDuringExecution.emplace()
        .push_back(term);
    return set;
}

constexpr Stack broken() {
    return stack().apply(object<zk>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
