// The voting app as its authors deploy it: dockersamples/example-voting-app's
// k8s-specifications/ (../shared/realworld/voting-app/original.yaml), rewritten as a stack.
// Not complete yet: see MISSING.md (namespace-less output, container names, emptyDir).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack voting_app() {
    // Postgres keeps its data in the pod (emptyDir upstream: not in the DSL yet).
    const auto db = deployment("db")
                        .image("postgres:15-alpine")
                        .replicas(1)
                        .env("POSTGRES_USER", "postgres")
                        .env("POSTGRES_PASSWORD", "postgres")
                        .port("postgres", 5432);
    const auto db_service =
        service("db").label("app", "db").selector("app", "db").port("db-service", 5432, 5432);

    const auto redis = deployment("redis").image("redis:alpine").replicas(1).port("redis", 6379);
    const auto redis_service = service("redis")
                                   .label("app", "redis")
                                   .selector("app", "redis")
                                   .port("redis-service", 6379, 6379);

    // The two web front ends, each on a fixed NodePort.
    const auto result = deployment("result")
                            .image("dockersamples/examplevotingapp_result")
                            .replicas(1)
                            .port("result", 80);
    const auto result_service = service("result")
                                    .label("app", "result")
                                    .selector("app", "result")
                                    .port("result-service", 8081, 80)
                                    .nodePort("result-service", 31001);
    const auto vote = deployment("vote")
                          .image("dockersamples/examplevotingapp_vote")
                          .replicas(1)
                          .port("vote", 80);
    const auto vote_service = service("vote")
                                  .label("app", "vote")
                                  .selector("app", "vote")
                                  .port("vote-service", 8080, 80)
                                  .nodePort("vote-service", 31000);

    const auto worker =
        deployment("worker").image("dockersamples/examplevotingapp_worker").replicas(1);

    return stack().apply(db, db_service, redis, redis_service, result, result_service, vote,
                         vote_service, worker);
}

int main(int argc, char** argv) {
    return run<voting_app>(argc, argv);
}
