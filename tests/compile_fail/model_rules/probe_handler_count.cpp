// expect: Deployment .?.web.?.: .*readinessProbe: a probe has exactly one of .* not 2
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// validateHandler: "may not specify more than 1 handler type". The near miss probes over
// HTTP only.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    core::Probe& probe = c.readinessProbe.emplace();
    probe.httpGet.emplace().port = 80;
    probe.tcpSocket.emplace().port = 80;
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
