// The near miss of an enum value: Traefik's route kind is "Rule", and the check is exact.
// expect: value_must_be_one_of_the_values_the_schema_enumerates
#include <kubestack/crd/traefik.io/v1alpha1.hpp>

using namespace kubestack::crd::traefik_io::v1alpha1;

constexpr IngressRouteSpecRoutesKind kind = "rule"; // <- error
