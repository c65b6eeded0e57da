#!/usr/bin/env python3
"""Checks that every pod of a stream carries the hardened profile (Stack::hardened()):
runAsNonRoot or a user above 0, a seccomp profile other than Unconfined, and in each
container no privilege escalation (unless privileged), a read-only root filesystem and
ALL capabilities dropped; no API token for a pod without an account of its own; unless the
stack's source set another value on purpose, which --allow names. It never checks for a UID the profile would have set: it sets none.
Exits 1, naming each pod and field that lacks the profile."""
import argparse
import sys

import yaml


def pod_specs(document):
    """The pod specs of a document: a workload's template, a CronJob's job template."""
    spec = document.get("spec") or {}
    if document["kind"] == "CronJob":
        spec = spec.get("jobTemplate", {}).get("spec", {})
    template = spec.get("template")
    if template and "spec" in template:
        yield template["spec"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stream")
    parser.add_argument("--allow", action="append", default=[],
                        help="KIND/NAME:FIELD=VALUE that the source sets on purpose")
    args = parser.parse_args()
    allowed = set(args.allow)
    problems, pods = [], 0
    with open(args.stream, encoding="utf-8") as stream:
        documents = [d for d in yaml.safe_load_all(stream) if d]
    for document in documents:
        name = f"{document['kind']}/{document['metadata']['name']}"
        for spec in pod_specs(document):
            pods += 1
            pod_security = spec.get("securityContext", {})
            def fail(field, value):
                if f"{name}:{field}={value}" not in allowed:
                    problems.append(f"{name}: {field} is {value!r}")
            if not (pod_security.get("runAsNonRoot") or pod_security.get("runAsUser", 0) > 0):
                fail("runAsNonRoot", pod_security.get("runAsNonRoot"))
            if "runAsUser" in pod_security and pod_security["runAsUser"] == 0:
                fail("runAsUser", 0)
            if spec.get("automountServiceAccountToken") is not False and not spec.get(
                    "serviceAccountName"):
                fail("automountServiceAccountToken", spec.get("automountServiceAccountToken"))
            for container in spec.get("containers", []) + spec.get("initContainers", []):
                security = container.get("securityContext", {})
                where = f"containers[{container['name']}].securityContext"
                if security.get("runAsNonRoot") is False or security.get("runAsUser") == 0:
                    fail(f"{where}.runAsNonRoot", security.get("runAsNonRoot"))
                seccomp = (security.get("seccompProfile") or pod_security.get("seccompProfile")
                           or {}).get("type")
                if seccomp not in ("RuntimeDefault", "Localhost"):
                    fail(f"{where}.seccompProfile", seccomp)
                if not security.get("privileged") and security.get("allowPrivilegeEscalation") is not False:
                    fail(f"{where}.allowPrivilegeEscalation", security.get("allowPrivilegeEscalation"))
                if security.get("readOnlyRootFilesystem") is not True:
                    fail(f"{where}.readOnlyRootFilesystem", security.get("readOnlyRootFilesystem"))
                if "ALL" not in security.get("capabilities", {}).get("drop", []):
                    fail(f"{where}.capabilities.drop", security.get("capabilities", {}).get("drop"))
    for problem in problems:
        print(problem)
    if pods == 0:
        problems.append("no pod in the stream")
        print("no pod in the stream")
    print(f"hardened profile: {pods} pod(s) checked, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
