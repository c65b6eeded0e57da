#!/usr/bin/env python3
"""`stack --graph` for the Bernstein stack: the nodes, clusters and edges it must have,
and, where Graphviz is installed, that dot reads it and lays it out the same way twice.

Usage: check_graph.py --stack PATH [--dot PATH]
"""
import argparse
import re
import subprocess
import sys

EXPECTED_EDGES = [
    "poll-service -> poll",
    "result-service -> result",
    "postgres-service -> postgres",
    "redis-service -> redis",
    "traefik-service -> traefik",
    "poll-ingress -> poll-service:http",
    "result-ingress -> result-service:http",
    "traefik-clusterrolebinding -> traefik-clusterrole",
    "traefik-clusterrolebinding -> traefik-serviceaccount",
    "traefik -> traefik-serviceaccount",
    "postgres -> postgres-persistentvolumeclaim",
    "postgres-persistentvolumeclaim -> postgres-persistentvolume",
    "postgres -> postgres-configmap",
    "postgres -> postgres-init-configmap",
    "postgres -> postgres-secret",
    "poll -> redis-configmap",
    "worker -> redis-configmap",
    "worker -> postgres-configmap",
    "worker -> postgres-secret",
    "result -> postgres-configmap",
    "result -> postgres-secret",
]
# Node, and the namespace cluster it must be in (None: cluster-scoped, at the top).
EXPECTED_NODES = {
    "cadvisor": "kube-system",
    "poll": "default",
    "poll-service": "default",
    "poll-ingress": "default",
    "postgres-persistentvolumeclaim": "default",
    "traefik": "kube-public",
    "traefik-serviceaccount": "kube-public",
    "postgres-persistentvolume": None,
    "traefik-clusterrole": None,
    "traefik-clusterrolebinding": None,
}

failures = []
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stack", required=True)
    parser.add_argument("--dot")
    args = parser.parse_args()

    dot_text = subprocess.run([args.stack, "--graph"], capture_output=True, text=True,
                              check=True).stdout
    edges, nodes, cluster = [], {}, None
    for line in dot_text.splitlines():
        line = line.strip()
        opened = re.match(r'subgraph "?cluster_([^"\s]+)"? \{', line)
        if opened:
            cluster = opened.group(1)
        elif line == "}":
            cluster = None
        elif "->" in line:
            edges.append(line.split(" [")[0].replace('"', ""))
        else:
            node = re.match(r'("[^"]+"|\w+) \[shape=(\w+), label="([^"]*)"', line)
            if node:
                nodes[node.group(1).strip('"')] = (cluster, node.group(2), node.group(3))

    for edge in EXPECTED_EDGES:
        check(edge in edges, f"missing edge {edge}; edges: {edges}")
    check(len(edges) == len(EXPECTED_EDGES), f"{len(edges)} edges, expected {len(EXPECTED_EDGES)}")
    for node, namespace in EXPECTED_NODES.items():
        check(node in nodes and nodes[node][0] == namespace,
              f"node {node} should be in {namespace}: {nodes.get(node)}")
    check(len(nodes) == 23, f"{len(nodes)} nodes, expected one per object of the stack (23)")
    # The kind is in each label, and the Service's ports are its record fields.
    check(nodes["poll-service"][1] == "record" and "<http> http" in nodes["poll-service"][2],
          f"poll-service is a record with an http port: {nodes['poll-service']}")
    check(all(label.split("\\n")[0] in
              {"Deployment", "DaemonSet", "Service", "Ingress", "ConfigMap", "Secret",
               "PersistentVolume", "PersistentVolumeClaim", "ServiceAccount", "ClusterRole",
               "ClusterRoleBinding"} for _, _, label in nodes.values()),
          "every label starts with the object's kind")

    if args.dot:
        first = subprocess.run([args.dot, "-Tsvg"], input=dot_text, capture_output=True, text=True)
        check(first.returncode == 0 and first.stderr == "",
              f"dot rejects or warns about the graph: {first.stderr}")
        second = subprocess.run([args.dot, "-Tsvg"], input=dot_text, capture_output=True, text=True)
        check(first.stdout == second.stdout, "dot lays the graph out differently on a second run")
    else:
        print("dot not found: the graph's layout is not checked (install graphviz)")

    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
