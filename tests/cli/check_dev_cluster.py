#!/usr/bin/env python3
"""Checks the Bernstein stack's dev build, read from standard input: every Deployment
runs one replica and no pod asks for anti-affinity. Exits 1 naming what is wrong."""
import sys

import yaml

documents = [d for d in yaml.safe_load_all(sys.stdin) if d]
problems = []
deployments = [d for d in documents if d["kind"] == "Deployment"]
for d in deployments:
    name = d["metadata"]["name"]
    if d["spec"]["replicas"] != 1:
        problems.append(f"Deployment {name} runs {d['spec']['replicas']} replicas")
    if "affinity" in d["spec"]["template"]["spec"]:
        problems.append(f"Deployment {name} asks for anti-affinity")
for p in problems:
    print(p)
if not deployments:
    problems.append("no Deployment in the stream")
print(f"dev build: {len(deployments)} Deployments checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
