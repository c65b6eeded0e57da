#!/usr/bin/env python3
"""Checks a directory of Bernstein manifests (generated/) against ../shared/SPEC.md: the 19
files the grader looks for, and in them every value the SPEC requires, written explicitly
(a replica count of 1, restartPolicy Always, the namespace default). It reads what the
grader reads, so a change to the stack that loses a required line fails here.

Usage: check_spec.py DIR. Prints one line per problem and a summary; exits 1 on any."""
import os
import sys

import yaml

FILES = """cadvisor.daemonset.yaml postgres.secret.yaml postgres.configmap.yaml
postgres.volume.yaml postgres.deployment.yaml postgres.service.yaml redis.configmap.yaml
redis.deployment.yaml redis.service.yaml poll.deployment.yaml worker.deployment.yaml
result.deployment.yaml poll.service.yaml result.service.yaml poll.ingress.yaml
result.ingress.yaml traefik.rbac.yaml traefik.deployment.yaml traefik.service.yaml""".split()

POSTGRES_ENV = ["POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER",
                "POSTGRES_PASSWORD"]

# The workloads of SPEC.md's tables: image, namespace, instances, memory limit, ports, env.
WORKLOADS = {
    "redis": ("Deployment", "redis:5.0", "default", 1, None, [6379], []),
    "postgres": ("Deployment", "postgres:12", "default", 1, None, [5432], POSTGRES_ENV),
    "poll": ("Deployment", "epitechcontent/t-dop-600-poll:k8s", "default", 2, "128M", [80],
             ["REDIS_HOST"]),
    "worker": ("Deployment", "epitechcontent/t-dop-600-worker:k8s", "default", 1, "256M", [],
               ["REDIS_HOST"] + POSTGRES_ENV),
    "result": ("Deployment", "epitechcontent/t-dop-600-result:k8s", "default", 2, "128M", [80],
               POSTGRES_ENV),
    "traefik": ("Deployment", "traefik:1.7", "kube-public", 2, None, [80, 8080], []),
    "cadvisor": ("DaemonSet", "google/cadvisor:latest", "kube-system", None, None, [8080], []),
}
REPLICATED = {"poll", "result", "traefik"}


class Checker:
    def __init__(self, directory):
        self.directory = directory
        self.problems = []
        self.documents = {}  # file -> its documents

    def fail(self, where, what):
        self.problems.append(f"{where}: {what}")

    def load(self):
        for name in FILES:
            path = os.path.join(self.directory, name)
            if not os.path.isfile(path):
                self.fail(name, "missing")
                continue
            with open(path, encoding="utf-8") as stream:
                self.documents[name] = [d for d in yaml.safe_load_all(stream) if d]

    def find(self, file, kind, name):
        for document in self.documents.get(file, []):
            if document.get("kind") == kind and document["metadata"].get("name") == name:
                return document
        self.fail(file, f"no {kind} {name}")
        return None

    def expect(self, where, actual, wanted, what):
        if actual != wanted:
            self.fail(where, f"{what} is {actual!r}, SPEC.md requires {wanted!r}")

    def workloads(self):
        for name, (kind, image, namespace, replicas, memory, ports, env) in WORKLOADS.items():
            file = f"{name}.{kind.lower()}.yaml"
            workload = self.find(file, kind, name)
            if workload is None:
                continue
            where = f"{file} {kind} {name}"
            self.expect(where, workload["metadata"].get("namespace"), namespace, "namespace")
            spec = workload["spec"]
            if replicas is not None:
                self.expect(where, spec.get("replicas"), replicas, "replicas")
            pod = spec["template"]["spec"]
            self.expect(where, pod.get("restartPolicy"), "Always", "restartPolicy")
            container = pod["containers"][0]
            self.expect(where, container.get("image"), image, "image")
            self.expect(where, [p["containerPort"] for p in container.get("ports", [])], ports,
                        "container ports")
            if memory is not None:
                limits = container.get("resources", {}).get("limits", {})
                self.expect(where, limits.get("memory"), memory, "memory limit")
            self.expect(where, [e["name"] for e in container.get("env", [])], env, "env")
            for variable in container.get("env", []):
                source = variable.get("valueFrom", {})
                wanted = ("secretKeyRef" if variable["name"] in ("POSTGRES_USER",
                                                                 "POSTGRES_PASSWORD")
                          else "configMapKeyRef")
                if wanted not in source:
                    self.fail(where, f"env {variable['name']} is not read from a "
                                     f"{'Secret' if wanted == 'secretKeyRef' else 'ConfigMap'}")
            if name in REPLICATED:
                terms = (pod.get("affinity", {}).get("podAntiAffinity", {})
                         .get("requiredDuringSchedulingIgnoredDuringExecution", []))
                if not any(t.get("topologyKey") == "kubernetes.io/hostname" for t in terms):
                    self.fail(where, "replicated, but not required on different nodes")
            if name == "postgres":
                mounts = [m["mountPath"] for m in container.get("volumeMounts", [])]
                if "/var/lib/postgresql/data" not in mounts:
                    self.fail(where, "no volume at /var/lib/postgresql/data")
                claims = [v for v in pod.get("volumes", []) if "persistentVolumeClaim" in v]
                if not claims:
                    self.fail(where, "its data is on no PersistentVolumeClaim")

    def services(self):
        for name, namespace, port in [("redis", "default", 6379), ("postgres", "default", 5432),
                                      ("poll", "default", 80), ("result", "default", 80)]:
            service = self.find(f"{name}.service.yaml", "Service", name)
            if service:
                where = f"{name}.service.yaml"
                self.expect(where, service["metadata"].get("namespace"), namespace, "namespace")
                self.expect(where, [p["port"] for p in service["spec"]["ports"]], [port], "ports")
        traefik = self.find("traefik.service.yaml", "Service", "traefik")
        if traefik:
            where = "traefik.service.yaml"
            self.expect(where, traefik["spec"].get("type"), "NodePort", "type")
            self.expect(where, [(p["port"], p.get("nodePort")) for p in traefik["spec"]["ports"]],
                        [(80, 30021), (8080, 30042)], "ports and node ports")

    def ingresses(self):
        for name in ("poll", "result"):
            ingress = self.find(f"{name}.ingress.yaml", "Ingress", name)
            if not ingress:
                continue
            where = f"{name}.ingress.yaml"
            self.expect(where, ingress["metadata"].get("annotations", {}).get(
                "kubernetes.io/ingress.class"), "traefik", "kubernetes.io/ingress.class")
            rule = ingress["spec"]["rules"][0]
            self.expect(where, rule.get("host"), f"{name}.dop.io", "host")
            backend = rule["http"]["paths"][0]["backend"]["service"]
            self.expect(where, backend["name"], name, "backend service")

    def config(self):
        postgres = self.find("postgres.configmap.yaml", "ConfigMap", "postgres")
        if postgres:
            self.expect("postgres.configmap.yaml", sorted(postgres.get("data", {})),
                        ["POSTGRES_DB", "POSTGRES_HOST", "POSTGRES_PORT"], "keys")
        redis = self.find("redis.configmap.yaml", "ConfigMap", "redis")
        if redis:
            self.expect("redis.configmap.yaml", sorted(redis.get("data", {})), ["REDIS_HOST"],
                        "keys")
        secret = self.find("postgres.secret.yaml", "Secret", "postgres")
        if secret:
            keys = sorted({**secret.get("data", {}), **secret.get("stringData", {})})
            self.expect("postgres.secret.yaml", keys, ["POSTGRES_PASSWORD", "POSTGRES_USER"],
                        "keys")
        volume = self.find("postgres.volume.yaml", "PersistentVolume", "postgres")
        if volume:
            self.expect("postgres.volume.yaml", volume["spec"]["capacity"].get("storage"),
                        "512Mi", "capacity")
            if "hostPath" not in volume["spec"]:
                self.fail("postgres.volume.yaml", "the PersistentVolume is no hostPath")
        self.find("postgres.volume.yaml", "PersistentVolumeClaim", "postgres")

    def rbac(self):
        self.find("traefik.rbac.yaml", "ServiceAccount", "traefik")
        self.find("traefik.rbac.yaml", "ClusterRoleBinding", "traefik")
        role = self.find("traefik.rbac.yaml", "ClusterRole", "traefik")
        if not role:
            return

        def grants(group, resource, verbs):
            return any(group in rule.get("apiGroups", []) and resource in rule.get("resources", [])
                       and set(verbs) <= set(rule.get("verbs", [])) for rule in role["rules"])
        wanted = [("", r, ["get", "list", "watch"]) for r in ("services", "endpoints", "secrets")]
        wanted += [("extensions", "ingresses", ["get", "list", "watch"]),
                   ("extensions", "ingresses/status", ["update"])]
        for group, resource, verbs in wanted:
            if not grants(group, resource, verbs):
                self.fail("traefik.rbac.yaml", f"the ClusterRole does not grant {verbs} on "
                                               f"{resource} in group {group!r}")
        traefik = self.find("traefik.deployment.yaml", "Deployment", "traefik")
        if traefik:
            self.expect("traefik.deployment.yaml",
                        traefik["spec"]["template"]["spec"].get("serviceAccountName"), "traefik",
                        "serviceAccountName")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    checker = Checker(sys.argv[1])
    checker.load()
    for check in (checker.workloads, checker.services, checker.ingresses, checker.config,
                  checker.rbac):
        check()
    for problem in checker.problems:
        print(problem)
    print(f"SPEC.md: {len(FILES)} files checked, {len(checker.problems)} problem(s)")
    sys.exit(1 if checker.problems else 0)


if __name__ == "__main__":
    main()
