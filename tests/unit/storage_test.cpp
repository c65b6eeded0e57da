#include <catch2/catch.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/storage.hpp>

using namespace kubestack;

TEST_CASE("a claim bound to a volume asks for exactly what the volume offers", "[storage]") {
    STATIC_REQUIRE([] {
        const auto volume = persistentVolume("postgres")
                                .capacity("512Mi")
                                .accessMode(AccessMode::ReadWriteOnce)
                                .storageClass("manual")
                                .hostPath("/var/lib/postgres");
        const auto claim = persistentVolumeClaim("postgres").boundTo(volume);
        return claim.volume_name() == "postgres" && claim.terms().size == "512Mi" &&
               claim.terms().storage_class == "manual" && claim.terms().access_modes.size() == 1 &&
               volume.ns().empty() && claim.ns() == "default";
    }());
}

TEST_CASE("a claim mounted as a pod volume of another name", "[storage]") {
    STATIC_REQUIRE([] {
        const auto claim = persistentVolumeClaim("mysql-pv-claim").request("20Gi");
        const Volume volume = claimVolume("mysql-persistent-storage", claim);
        const Volume elsewhere =
            claimVolume("data", persistentVolumeClaim("shared").createdElsewhere());
        return volume.name == "mysql-persistent-storage" &&
               volume.source == VolumeSource::PersistentVolumeClaim &&
               volume.reference == "mysql-pv-claim" && !volume.created_elsewhere &&
               elsewhere.reference == "shared" && elsewhere.created_elsewhere;
    }());
}

TEST_CASE("verbs of RBAC rules", "[rbac]") {
    STATIC_REQUIRE(is_verb("get"));
    STATIC_REQUIRE(is_verb("*"));
    STATIC_REQUIRE_FALSE(is_verb("read"));
    STATIC_REQUIRE_FALSE(is_verb("GET"));
}

TEST_CASE("a cluster role binding grants a role to service accounts", "[rbac]") {
    STATIC_REQUIRE([] {
        const auto account = serviceAccount("traefik").inNamespace("kube-public");
        const auto role = clusterRole("traefik").rule(
            {.apiGroups = {""}, .resources = {"services"}, .verbs = {"get", "list", "watch"}});
        const auto binding = clusterRoleBinding("traefik").role(role).subject(account);
        return binding.role_name() == "traefik" && binding.subjects().size() == 1 &&
               binding.subjects()[0].ns == "kube-public" && role.rules()[0].verbs.size() == 3;
    }());
}
