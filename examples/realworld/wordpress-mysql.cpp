// WordPress on MySQL, each keeping its files on a claim: kubernetes/examples'
// mysql-wordpress-pd/ and the tutorial's Secret
// (../shared/realworld/wordpress-mysql/original.yaml), rewritten as a stack.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack wordpress_mysql() {
    // The tutorial's kustomization generates it from a literal; replace the password.
    const auto password = secret("mysql-pass").data("password", "YOUR_PASSWORD");

    // Both tiers carry app=wordpress; the tier label tells their pods apart.
    // MySQL, reached by WordPress through the headless Service of the same name.
    const auto mysql_claim = persistentVolumeClaim("mysql-pv-claim")
                                 .label("app", "wordpress")
                                 .accessMode(AccessMode::ReadWriteOnce)
                                 .request("20Gi");
    const auto mysql =
        deployment("wordpress-mysql")
            .selector("app", "wordpress")
            .selector("tier", "mysql")
            .label("app", "wordpress")
            .strategy(DeploymentStrategy::Recreate) // one pod at a time on the claim
            .containerName("mysql")
            .image("mysql:8.0")
            .env("MYSQL_ROOT_PASSWORD", password.key("password"))
            .env("MYSQL_DATABASE", "wordpress")
            .env("MYSQL_USER", "wordpress")
            .env("MYSQL_PASSWORD", password.key("password"))
            .port("mysql", 3306)
            .mount(claimVolume("mysql-persistent-storage", mysql_claim), "/var/lib/mysql");
    const auto mysql_service =
        service("wordpress-mysql").selects(mysql).label("app", "wordpress").headless().port(3306);

    // WordPress itself, exposed by the cloud's load balancer.
    const auto wordpress_claim = persistentVolumeClaim("wp-pv-claim")
                                     .label("app", "wordpress")
                                     .accessMode(AccessMode::ReadWriteOnce)
                                     .request("20Gi");
    const auto wordpress =
        deployment("wordpress")
            .selector("app", "wordpress")
            .selector("tier", "frontend")
            .label("app", "wordpress")
            .strategy(DeploymentStrategy::Recreate)
            .image("wordpress:6.2.1-apache")
            .env("WORDPRESS_DB_HOST", mysql_service.name())
            .env("WORDPRESS_DB_PASSWORD", password.key("password"))
            .env("WORDPRESS_DB_USER", "wordpress")
            .port("wordpress", 80)
            .mount(claimVolume("wordpress-persistent-storage", wordpress_claim), "/var/www/html");
    const auto wordpress_service =
        service("wordpress").selects(wordpress).label("app", "wordpress").loadBalancer().port(80);

    // Applied with `kubectl -n <namespace>` (or kustomize), as upstream.
    return stack()
        .withoutNamespaces()
        .apply(password, mysql_claim, wordpress_claim)
        .apply(mysql_service, mysql, wordpress_service, wordpress);
}

int main(int argc, char** argv) {
    return run<wordpress_mysql>(argc, argv);
}
