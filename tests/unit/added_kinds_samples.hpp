// One or two objects of each added kind (autoscaler, budget, network policy, storage class,
// Role, RoleBinding), for the unit tests and the schema test: the real stacks' objects
// (../shared/realworld: the HPA walkthrough's autoscaler, ZooKeeper's budget, Cassandra's
// storage class) and one that sets every field.
#pragma once

#include <kubestack.hpp>

namespace kubestack::samples {

inline constexpr auto php_apache =
    deployment("php-apache").image("registry.k8s.io/hpa-example").port("http", 80);
inline constexpr auto php_apache_autoscaler =
    horizontalPodAutoscaler(php_apache).minReplicas(1).maxReplicas(10).cpuUtilization(50);

inline constexpr auto web = deployment("web").inNamespace("shop").port("http", 8080);
inline constexpr auto db = deployment("db").inNamespace("shop").port("postgres", 5432);
inline constexpr auto monitor =
    daemonSet("monitor").inNamespace("monitoring").port("metrics", 9100);
inline constexpr auto web_autoscaler = horizontalPodAutoscaler("web-scaler")
                                           .scales(web)
                                           .label("team", "shop")
                                           .minReplicas(2)
                                           .maxReplicas(20)
                                           .cpuUtilization(60)
                                           .memoryAverageValue("512Mi")
                                           .scaleDownStabilization(300)
                                           .scaleUpStabilization(0);

inline constexpr auto zk_budget =
    podDisruptionBudget("zk-pdb").selector("app.kubernetes.io/name", "zk").maxUnavailable(1);
inline constexpr auto web_budget =
    podDisruptionBudget("web").selects(web).minAvailable("50%").unhealthyPodEvictionPolicy(
        UnhealthyPodEvictionPolicy::AlwaysAllow);

inline constexpr auto fast =
    storageClass("fast", "k8s.io/minikube-hostpath").parameter("type", "pd-ssd");
inline constexpr auto retained = storageClass("retained", "ebs.csi.aws.com")
                                     .reclaimPolicy(ReclaimPolicy::Retain)
                                     .volumeBindingMode(VolumeBindingMode::WaitForFirstConsumer)
                                     .allowVolumeExpansion()
                                     .mountOption("debug")
                                     .isDefaultClass();

inline constexpr auto db_policy =
    networkPolicy("db")
        .selects(db)
        .allowFrom({podsOf(web), podsOf(monitor),
                    namespacesLabeled("team", "ops").labeled("role", "admin")},
                   {networkPort(5432), networkPort("metrics")})
        .allowTo({ipBlock("10.0.0.0/8").except("10.1.0.0/16")},
                 {networkPortRange(32000, 32768, Protocol::UDP)});
inline constexpr auto deny_all = networkPolicy("deny-all").inNamespace("shop");
inline constexpr auto no_egress = networkPolicy("no-egress").inNamespace("shop").denyEgress();

inline constexpr auto shop_account = serviceAccount("shop").inNamespace("shop");
inline constexpr auto ci_account = serviceAccount("deployer").inNamespace("ci");
inline constexpr auto pod_reader = role("pod-reader")
                                       .inNamespace("shop")
                                       .rule({.apiGroups = {""},
                                              .resources = {"pods", "pods/log"},
                                              .verbs = {"get", "list", "watch"}});
inline constexpr auto read_pods =
    roleBinding("read-pods").role(pod_reader).subject(shop_account).subject(ci_account);
inline constexpr auto view = clusterRole("view").createdElsewhere();
inline constexpr auto shop_viewers =
    roleBinding("shop-viewers").inNamespace("shop").role(view).subject(ci_account);

} // namespace kubestack::samples
