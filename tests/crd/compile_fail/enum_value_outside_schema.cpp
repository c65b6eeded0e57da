// An enum of a CRD's schema takes only its listed values: ServiceMonitor's endpoint scheme
// is http or https (in either case), not ftp. The near miss is the case below.
// expect: ServiceMonitor .?.web.?.: spec.endpoints.0..scheme: .?.ftp.?. is not one of http
#include <kubestack.hpp>
#include <kubestack/crd/monitoring.coreos.com/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
using namespace kubestack::crd::monitoring_coreos_com::v1;

constexpr ServiceMonitor monitor() {
    ServiceMonitor web;
    web.metadata.emplace().name = "web";
    ServiceMonitorSpecEndpoints scrape;
    scrape.port = "http";
    scrape.scheme = "ftp";
    web.spec.endpoints.push_back(scrape);
    web.spec.selector.matchLabels.emplace().push_back({"app", "web"});
    return web;
}

constexpr Stack broken() {
    return stack().apply(object<monitor>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
