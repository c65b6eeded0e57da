// What the policy cases start from: a Deployment that passes every check of
// policies::recommended, and the stack that serves it. Each case breaks one check on top.
#pragma once

#include <kubestack.hpp>

constexpr kubestack::Deployment compliant_web() {
    using namespace kubestack;
    return deployment("web")
        .image("nginx:1.27")
        .imagePullPolicy(ImagePullPolicy::Always)
        .port("http", 80)
        .cpu("1")
        .cpuRequest("500m")
        .memory("1Gi")
        .memoryRequest("512Mi")
        .readinessProbe(httpGet("/", 80))
        .hardened();
}

// The Deployment behind a Service, its pods selected by a NetworkPolicy, under the
// recommended set.
constexpr kubestack::Stack recommended_stack_of(const kubestack::Deployment& web) {
    using namespace kubestack;
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}
