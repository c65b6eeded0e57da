// WordPress on MySQL, each keeping its files on a claim: kubernetes/examples'
// mysql-wordpress-pd/ and the tutorial's Secret
// (../shared/realworld/wordpress-mysql/original.yaml), rewritten as a stack.
// Not complete yet: see MISSING.md (namespace-less output, a tier term in the selector,
// headless and LoadBalancer Services, Recreate, container and volume names).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack wordpress_mysql() {
    // The tutorial's kustomization generates it from a literal; replace the password.
    const auto password = secret("mysql-pass").data("password", "YOUR_PASSWORD");

    // MySQL, reached by WordPress through the Service of the same name.
    const auto mysql_claim = persistentVolumeClaim("mysql-pv-claim")
                                 .label("app", "wordpress")
                                 .accessMode(AccessMode::ReadWriteOnce)
                                 .request("20Gi");
    const auto mysql = deployment("wordpress-mysql")
                           .label("tier", "mysql")
                           .image("mysql:8.0")
                           .env("MYSQL_ROOT_PASSWORD", password.key("password"))
                           .env("MYSQL_DATABASE", "wordpress")
                           .env("MYSQL_USER", "wordpress")
                           .env("MYSQL_PASSWORD", password.key("password"))
                           .port("mysql", 3306)
                           .mount(mysql_claim, "/var/lib/mysql");
    const auto mysql_service = service("wordpress-mysql")
                                   .label("app", "wordpress")
                                   .selector("app", "wordpress-mysql")
                                   .selector("tier", "mysql")
                                   .port("mysql", 3306, 3306);

    // WordPress itself, exposed by the cloud's load balancer.
    const auto wordpress_claim = persistentVolumeClaim("wp-pv-claim")
                                     .label("app", "wordpress")
                                     .accessMode(AccessMode::ReadWriteOnce)
                                     .request("20Gi");
    const auto wordpress = deployment("wordpress")
                               .label("tier", "frontend")
                               .image("wordpress:6.2.1-apache")
                               .env("WORDPRESS_DB_HOST", "wordpress-mysql")
                               .env("WORDPRESS_DB_PASSWORD", password.key("password"))
                               .env("WORDPRESS_DB_USER", "wordpress")
                               .port("wordpress", 80)
                               .mount(wordpress_claim, "/var/www/html");
    const auto wordpress_service = service("wordpress")
                                       .label("app", "wordpress")
                                       .selector("app", "wordpress")
                                       .selector("tier", "frontend")
                                       .port("http", 80, 80);

    return stack()
        .apply(password, mysql_claim, wordpress_claim)
        .apply(mysql_service, mysql, wordpress_service, wordpress);
}

int main(int argc, char** argv) {
    return run<wordpress_mysql>(argc, argv);
}
