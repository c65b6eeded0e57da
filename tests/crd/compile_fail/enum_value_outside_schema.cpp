// An enum of a CRD's schema takes only its listed values: ServiceMonitor's endpoint scheme
// is http or https (in either case), not ftp.
// expect: value_must_be_one_of_the_values_the_schema_enumerates
#include <kubestack/crd/monitoring.coreos.com/v1.hpp>

using namespace kubestack::crd::monitoring_coreos_com::v1;

constexpr ServiceMonitorSpecEndpoints endpoint() {
    ServiceMonitorSpecEndpoints scrape;
    scrape.scheme = "ftp"; // <- error
    return scrape;
}
constexpr bool built = (endpoint(), true);
