#!/usr/bin/env python3
"""`stack --diff DIR` and `stack --check DIR` on changed copies of generated/.

The stack's source is fixed, so each change is made on the old side: the copy of
generated/ is edited, which is the same diff as the opposite edit of the stack.
Usage: check_review.py --stack PATH --generated DIR
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

failures = []
checks = 0


def check(condition, what, output=""):
    global checks
    checks += 1
    if not condition:
        failures.append(f"{what}\n--- output ---\n{output}")


def run(stack, *args):
    result = subprocess.run([stack, *args], capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def edit(directory, name, old, new, count=1):
    path = directory / name
    text = path.read_text()
    assert text.count(old) >= count, f"{old!r} not in {name}"
    # Replace the count-th occurrence only.
    at = -1
    for _ in range(count):
        at = text.index(old, at + 1)
    path.write_text(text[:at] + new + text[at + len(old):])


def fresh_copy(generated, root, name):
    directory = Path(root) / name
    shutil.copytree(generated, directory)
    return directory


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stack", required=True)
    parser.add_argument("--generated", required=True, type=Path)
    args = parser.parse_args()
    stack = args.stack

    with tempfile.TemporaryDirectory() as root:
        # No change: exit 0, nothing printed.
        same = fresh_copy(args.generated, root, "same")
        code, out, err = run(stack, "--diff", str(same))
        check(code == 0 and out == "" and err == "", "no change: exit 0 and print nothing",
              f"exit {code}\n{out}{err}")

        # A new replica count: a plain diff, no error or warning.
        replicas = fresh_copy(args.generated, root, "replicas")
        edit(replicas, "poll.deployment.yaml", "replicas: 2", "replicas: 3")
        code, out, err = run(stack, "--diff", str(replicas))
        check(code == 1, "replicas: exit 1", f"exit {code}\n{out}{err}")
        check('Deployment "poll" in namespace "default"' in out and
              "\n-  replicas: 3\n+  replicas: 2\n" in out and "@@ -" in out,
              "replicas: a unified diff of Deployment poll", out)
        check("error:" not in err and "warning:" not in err,
              "replicas: no error or warning", err)

        # A new selector label: an error naming Deployment poll and spec.selector.
        selector = fresh_copy(args.generated, root, "selector")
        edit(selector, "poll.deployment.yaml", "    matchLabels:\n      app: poll\n",
             "    matchLabels:\n      app: poll\n      tier: web\n")
        code, out, err = run(stack, "--diff", str(selector))
        check(code == 1, "selector: exit 1", err)
        check("-      tier: web\n" in out, "selector: the diff shows the label", out)
        check('error: Deployment "poll" in namespace "default": spec.selector changes from '
              '{matchLabels: {app: poll, tier: web}} to {matchLabels: {app: poll}}: '
              'kubectl apply will be rejected' in err,
              "selector: an error naming Deployment poll and spec.selector", err)

        # --check names the same change, and still exits 1.
        code, out, err = run(stack, "--check", str(selector))
        check(code == 1, "check: exit 1", err)
        check("poll.deployment.yaml: differs" in err and
              'error: Deployment "poll" in namespace "default": spec.selector' in err,
              "check: names the file and the immutable-field change", err)

        # A changed roleRef.
        role = fresh_copy(args.generated, root, "role")
        edit(role, "traefik.rbac.yaml", "  kind: ClusterRole\n  name: traefik\n",
             "  kind: ClusterRole\n  name: view\n")
        code, out, err = run(stack, "--diff", str(role))
        check(code == 1 and 'error: ClusterRoleBinding "traefik": roleRef changes from '
              '{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}' in err,
              "roleRef: an error naming the binding and roleRef", err)

        # A changed storage class of the claim (the second storageClassName of the file;
        # the volume's own is a mutable field).
        claim = fresh_copy(args.generated, root, "claim")
        edit(claim, "postgres.volume.yaml", "storageClassName: manual", "storageClassName: fast", 2)
        code, out, err = run(stack, "--diff", str(claim))
        check(code == 1 and 'error: PersistentVolumeClaim "postgres" in namespace "default": '
              "spec.storageClassName changes from fast to manual" in err,
              "storage class: an error naming the claim and spec.storageClassName", err)
        check(err.count("error:") == 1, "storage class: only the claim is flagged", err)

        # Several files: objects in apply order (postgres before poll before traefik).
        order = fresh_copy(args.generated, root, "order")
        edit(order, "traefik.rbac.yaml", "  kind: ClusterRole\n  name: traefik\n",
             "  kind: ClusterRole\n  name: view\n")
        edit(order, "poll.deployment.yaml", "replicas: 2", "replicas: 3")
        edit(order, "postgres.configmap.yaml", "POSTGRES_DB: postgres", "POSTGRES_DB: other")
        code, out, err = run(stack, "--diff", str(order))
        positions = [out.find(f'{kind} "{name}"') for kind, name in
                     [("ConfigMap", "postgres"), ("Deployment", "poll"),
                      ("ClusterRoleBinding", "traefik")]]
        check(code == 1 and -1 not in positions and positions == sorted(positions),
              "several files: objects in apply order", out)

        # An old file the reader cannot read: a text diff and a warning.
        odd = fresh_copy(args.generated, root, "odd")
        edit(odd, "redis.configmap.yaml", "REDIS_HOST: redis", "REDIS_HOST: &host redis")
        code, out, err = run(stack, "--diff", str(odd))
        check(code == 1 and "warning: " in err and "cannot read it as YAML" in err and
              "-  REDIS_HOST: &host redis\n+  REDIS_HOST: redis\n" in out,
              "unreadable: a text diff with a warning", out + err)

        # --cluster picks the build that is diffed: dev has one replica of poll.
        code, out, err = run(stack, "--cluster", "dev", "--diff", str(same))
        check(code == 1 and "\n-  replicas: 2\n+  replicas: 1\n" in out and "error:" not in err,
              "--cluster dev: the dev build's diff", out + err)

        # A missing directory is an error, not a diff.
        code, out, err = run(stack, "--diff", str(Path(root) / "none"))
        check(code == 1 and "none: No such file or directory" in err, "missing directory: exit 1", err)

    for failure in failures:
        print(f"FAILED: {failure}\n", file=sys.stderr)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
