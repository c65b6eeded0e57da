#include <catch2/catch.hpp>
#include <kubestack/workload.hpp>

using namespace kubestack;

TEST_CASE("images are lowercase repositories with an optional tag or digest", "[container]") {
    STATIC_REQUIRE(is_image_reference("redis:5.0"));
    STATIC_REQUIRE(is_image_reference("epitechcontent/t-dop-600-poll:k8s"));
    STATIC_REQUIRE(is_image_reference("registry:5000/team/app"));
    STATIC_REQUIRE(is_image_reference(
        "app@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    STATIC_REQUIRE(is_image_reference("ghcr.io/team/app:V1"));
    STATIC_REQUIRE_FALSE(is_image_reference(""));
    STATIC_REQUIRE_FALSE(is_image_reference("redis :5.0"));
    STATIC_REQUIRE_FALSE(is_image_reference("team/Redis"));
    STATIC_REQUIRE_FALSE(is_image_reference("redis:"));
    STATIC_REQUIRE_FALSE(is_image_reference("team/"));
    STATIC_REQUIRE_FALSE(is_image_reference("app@sha256:0123abcd")); // a digest has 32+ hex digits
}

TEST_CASE("a deployment runs a main container named after it, with app=<name> pods", "[workload]") {
    STATIC_REQUIRE([] {
        const auto poll = deployment("poll")
                              .image("epitechcontent/t-dop-600-poll:k8s")
                              .replicas(2)
                              .memory("128M");
        const Container& main = poll.pod().containers.front();
        return poll.replica_count() == 2 && poll.pod().containers.size() == 1 &&
               main.name() == "poll" && main.image() == "epitechcontent/t-dop-600-poll:k8s" &&
               main.resources().memory_limit == "128M" && poll.selector().value("app") == "poll" &&
               poll.pod().labels.includes(poll.selector());
    }());
}

TEST_CASE("labels go on the object and its pods; the selector stays app=<name>", "[workload]") {
    STATIC_REQUIRE([] {
        const auto poll = deployment("poll").label("tier", "front");
        return poll.pod().labels.contains("tier") && poll.metadata().labels.contains("tier") &&
               poll.selector().size() == 1;
    }());
}

TEST_CASE("anti-affinity, service account and tolerations are set on the pod", "[workload]") {
    STATIC_REQUIRE([] {
        const auto account = serviceAccount("traefik").inNamespace("kube-public");
        const auto traefik = deployment("traefik")
                                 .inNamespace("kube-public")
                                 .serviceAccount(account)
                                 .antiAffinity()
                                 .tolerateEveryTaint();
        return traefik.pod().spread_over_nodes && traefik.pod().tolerate_every_taint &&
               traefik.pod().service_account == "traefik" && traefik.ns() == "kube-public";
    }());
}

TEST_CASE("env values: literal, from a ConfigMap key, from a Secret key, and envFrom",
          "[container]") {
    STATIC_REQUIRE([] {
        const auto config = configMap("redis").data("REDIS_HOST", "redis");
        const auto credentials = secret("db").data("PASSWORD", "x");
        const auto worker = deployment("worker")
                                .env("MODE", "batch")
                                .env(config.key("REDIS_HOST"))
                                .env("DB_PASSWORD", credentials.key("PASSWORD"))
                                .envFrom(config)
                                .envFrom(credentials);
        const Container& c = worker.pod().containers.front();
        return c.env().size() == 3 && !c.env()[0].from_key && c.env()[0].value == "batch" &&
               c.env()[1].name == "REDIS_HOST" && c.env()[1].key.object == "redis" &&
               c.env()[2].key.source == DataSource::Secret && c.env_from().size() == 2 &&
               c.env_from()[1].source == DataSource::Secret;
    }());
}

TEST_CASE("mounting declares each pod volume once", "[workload]") {
    STATIC_REQUIRE([] {
        const auto claim =
            persistentVolumeClaim("data").request("1Gi").accessMode(AccessMode::ReadWriteOnce);
        const auto scripts = configMap("scripts").data("init.sql", "SELECT 1;");
        const auto db = deployment("db")
                            .mount(claim, "/var/lib/data")
                            .mount(scripts, "/init")
                            .mount(hostPath("logs", "/var/log"), "/logs", Access::ReadOnly)
                            .mount(hostPath("logs", "/var/log"), "/more-logs", Access::ReadOnly);
        const auto volumes = db.pod().volumes();
        const auto& mounts = db.pod().containers.front().mounts();
        return volumes.size() == 3 && volumes[0].source == VolumeSource::PersistentVolumeClaim &&
               volumes[1].source == VolumeSource::ConfigMap && volumes[2].reference == "/var/log" &&
               mounts.size() == 4 && mounts[1].read_only && !mounts[0].read_only;
    }());
}

TEST_CASE("extra containers join the pod", "[workload]") {
    STATIC_REQUIRE([] {
        const auto app = deployment("app").image("app:1").container(
            container("proxy").image("envoy:1").port("admin", 9901));
        return app.pod().containers.size() == 2 &&
               app.pod().containers[1].ports()[0].number == 9901;
    }());
}

TEST_CASE("daemon sets have pods but no replica count", "[workload]") {
    STATIC_REQUIRE([] {
        const auto agent =
            daemonSet("cadvisor").inNamespace("kube-system").image("google/cadvisor:latest");
        return agent.ns() == "kube-system" && agent.pod().containers.front().name() == "cadvisor";
    }());
}

TEST_CASE("relabelling app moves the selector with it, so the workload still selects its pods",
          "[workload]") {
    STATIC_REQUIRE([] {
        const auto poll = deployment("poll").label("app", "vote");
        return poll.selector().value("app") == "vote" && poll.pod().labels.value("app") == "vote" &&
               poll.metadata().labels.value("app") == "vote";
    }());
}

TEST_CASE("a chosen selector replaces app=<name> on the selector and the pods", "[workload]") {
    STATIC_REQUIRE([] {
        const auto mysql =
            deployment("wordpress-mysql").selector("app", "wordpress").selector("tier", "mysql");
        return mysql.selector().size() == 2 && mysql.selector().value("app") == "wordpress" &&
               mysql.selector().value("tier") == "mysql" &&
               mysql.pod().labels.includes(mysql.selector()) && mysql.pod().labels.size() == 2 &&
               mysql.metadata().labels.value("app") == "wordpress-mysql";
    }());
    STATIC_REQUIRE([] {
        const auto zk = deployment("zk").selector("app.kubernetes.io/name", "zk").withoutLabels();
        return zk.metadata().labels.empty() && !zk.pod().labels.contains("app") &&
               zk.pod().labels.value("app.kubernetes.io/name") == "zk";
    }());
    STATIC_REQUIRE([] {
        const auto web = deployment("web").podLabel("tier", "front");
        return web.pod().labels.value("tier") == "front" && !web.metadata().labels.contains("tier");
    }());
}

TEST_CASE("anti-affinity terms match labels as Kubernetes' set-based selectors do", "[workload]") {
    STATIC_REQUIRE([] {
        Labels pods;
        pods.set("app", "zk");
        return labelIn("app", {"zk", "zoo"}).matches(pods) &&
               !labelIn("app", {"x"}).matches(pods) && labelNotIn("app", {"x"}).matches(pods) &&
               labelExists("app").matches(pods) && !labelExists("tier").matches(pods) &&
               labelDoesNotExist("tier").matches(pods);
    }());
}

TEST_CASE("replicas are written only when given", "[workload]") {
    STATIC_REQUIRE(!deployment("web").replicas_given());
    STATIC_REQUIRE(deployment("web").replicas(1).replicas_given());
}
