#include <catch2/catch.hpp>
#include <kubestack/config.hpp>
#include <kubestack/env.hpp>

using namespace kubestack;

TEST_CASE("config keys and env var names", "[config]") {
    STATIC_REQUIRE(is_config_key("POSTGRES_DB"));
    STATIC_REQUIRE(is_config_key("create-votes.sql"));
    STATIC_REQUIRE_FALSE(is_config_key("a/b"));
    STATIC_REQUIRE_FALSE(is_config_key(".."));
    STATIC_REQUIRE(is_env_var_name("REDIS_HOST"));
    STATIC_REQUIRE(is_env_var_name("_private.value-1"));
    STATIC_REQUIRE_FALSE(is_env_var_name("1PORT"));
    STATIC_REQUIRE_FALSE(is_env_var_name("REDIS HOST"));
    STATIC_REQUIRE_FALSE(is_env_var_name(""));
}

TEST_CASE("a key reference is taken from the ConfigMap or Secret that defines the key",
          "[config]") {
    STATIC_REQUIRE([] {
        const auto config = configMap("postgres").inNamespace("data").data("POSTGRES_DB", "votes");
        const KeyRef ref = config.key("POSTGRES_DB");
        return ref.source == DataSource::ConfigMap && ref.object == "postgres" &&
               ref.ns == "data" && ref.key == "POSTGRES_DB";
    }());
    STATIC_REQUIRE([] {
        const auto credentials = secret("postgres").data("POSTGRES_USER", "postgres");
        return credentials.key("POSTGRES_USER").source == DataSource::Secret &&
               credentials.all().object == "postgres";
    }());
}

TEST_CASE("setting a key twice keeps one entry with the last value", "[config]") {
    STATIC_REQUIRE([] {
        const auto config =
            configMap("redis").data("REDIS_HOST", "old").data("REDIS_HOST", "redis");
        return config.entries().size() == 1 && config.entries().value("REDIS_HOST") == "redis";
    }());
}
