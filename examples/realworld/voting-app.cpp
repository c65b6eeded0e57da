// The voting app as its authors deploy it: dockersamples/example-voting-app's
// k8s-specifications/ (../shared/realworld/voting-app/original.yaml), rewritten as a stack.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack voting_app() {
    // Postgres and Redis keep their data in the pod: it goes with it.
    const auto db = deployment("db")
                        .containerName("postgres")
                        .image("postgres:15-alpine")
                        .replicas(1)
                        .env("POSTGRES_USER", "postgres")
                        .env("POSTGRES_PASSWORD", "postgres")
                        .port("postgres", 5432)
                        .mount(emptyDir("db-data"), "/var/lib/postgresql/data");
    const auto db_service =
        service("db").selects(db).label("app", "db").port("db-service", 5432, 5432);

    const auto redis = deployment("redis")
                           .image("redis:alpine")
                           .replicas(1)
                           .port("redis", 6379)
                           .mount(emptyDir("redis-data"), "/data");
    const auto redis_service =
        service("redis").selects(redis).label("app", "redis").port("redis-service", 6379, 6379);

    // The two web front ends, each on a fixed NodePort.
    const auto result = deployment("result")
                            .image("dockersamples/examplevotingapp_result")
                            .replicas(1)
                            .port("result", 80);
    const auto result_service = service("result")
                                    .selects(result)
                                    .label("app", "result")
                                    .port("result-service", 8081, 80)
                                    .nodePort("result-service", 31001);
    const auto vote = deployment("vote")
                          .image("dockersamples/examplevotingapp_vote")
                          .replicas(1)
                          .port("vote", 80);
    const auto vote_service = service("vote")
                                  .selects(vote)
                                  .label("app", "vote")
                                  .port("vote-service", 8080, 80)
                                  .nodePort("vote-service", 31000);

    const auto worker =
        deployment("worker").image("dockersamples/examplevotingapp_worker").replicas(1);

    // Applied with `kubectl -n <namespace>`, as upstream: no object names its namespace.
    return stack().withoutNamespaces().apply(db, db_service, redis, redis_service, result,
                                             result_service, vote, vote_service, worker);
}

int main(int argc, char** argv) {
    return run<voting_app>(argc, argv);
}
