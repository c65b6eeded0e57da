#!/usr/bin/env python3
"""`stack --out DIR` is all or nothing: after a kill, a failed write or concurrent runs,
DIR holds exactly the previous set of files or exactly the new one.

    out_atomicity.py --stack BIN --case kill|concurrent|unreplaceable|immutable|full|read_only

The prod and dev builds of the Bernstein stack differ in a few files; each case starts
from one and writes the other. Cases that need root (mount, chattr) print SKIPPED and
exit 77 where they cannot run.
"""
import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77


def snapshot(directory):
    """Every entry: name -> (kind, content or None, mode)."""
    entries = {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        info = os.lstat(path)
        if os.path.isdir(path):
            entries[name] = ("dir", None, info.st_mode & 0o7777)
        else:
            with open(path, "rb") as f:
                entries[name] = ("file", f.read(), info.st_mode & 0o7777)
    return entries


def contents(directory):
    return {name: entry[1] for name, entry in snapshot(directory).items()}


def leftovers(directory):
    parent, name = os.path.split(os.path.abspath(directory))
    return sorted(n for n in os.listdir(parent) if n.startswith("." + name + ".kubestack-"))


class Stack:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.builds = {}
        for cluster in ("prod", "dev"):
            reference = os.path.join(work, "reference-" + cluster)
            os.mkdir(reference)
            self.run("--cluster", cluster, "--out", reference, expect=0)
            self.builds[cluster] = contents(reference)
        differing = [n for n in self.builds["prod"] if self.builds["prod"][n] != self.builds["dev"].get(n)]
        assert differing, "prod and dev write the same files: the test could not tell them apart"

    def run(self, *args, expect=None):
        result = subprocess.run([self.binary, *args], capture_output=True, text=True, timeout=60)
        if expect is not None and result.returncode != expect:
            sys.exit(f"FAIL: {' '.join(args)} exited {result.returncode}, expected {expect}:\n{result.stderr}")
        return result

    def fresh(self, name, cluster):
        directory = os.path.join(self.work, name)
        os.mkdir(directory)
        self.run("--cluster", cluster, "--out", directory, expect=0)
        return directory

    def which_build(self, directory, extra=None):
        """'prod' or 'dev' when the directory holds exactly that set (plus `extra`), else None."""
        found = contents(directory)
        for cluster, files in self.builds.items():
            if found == {**files, **(extra or {})}:
                return cluster
        return None


def require(condition, message):
    if not condition:
        sys.exit("FAIL: " + message)


def case_kill(stack, rng):
    directory = stack.fresh("killed", "prod")
    extra = {"notes.txt": b"kept across every run\n"}
    with open(os.path.join(directory, "notes.txt"), "wb") as f:
        f.write(extra["notes.txt"])
    # How long one run takes (the median of three), so that the kills land all over it.
    durations = []
    for cluster in ("dev", "prod", "dev"):
        started = time.monotonic()
        stack.run("--cluster", cluster, "--out", directory, expect=0)
        durations.append(time.monotonic() - started)
    duration = sorted(durations)[1]
    outcomes = {"prod": 0, "dev": 0}
    changed = left = mid_run = 0
    kills = 40
    for i in range(kills):
        cluster = "prod" if i % 2 == 0 else "dev"
        before = stack.which_build(directory, extra)
        process = subprocess.Popen([stack.binary, "--cluster", cluster, "--out", directory],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        mid_run += process.wait() == -signal.SIGKILL
        after = stack.which_build(directory, extra)
        require(after is not None, f"kill {i}: {directory} holds neither the prod nor the dev set: "
                f"{sorted(contents(directory))}")
        outcomes[after] += 1
        changed += after != before
        left += bool(leftovers(directory))
        if leftovers(directory):
            check = stack.run("--cluster", after, "--check", directory, expect=1)
            require("left over from an interrupted --out" in check.stderr,
                    f"--check does not name the leftovers {leftovers(directory)}:\n{check.stderr}")
    stack.run("--out", directory, expect=0)
    require(not leftovers(directory), f"--out did not remove the leftovers {leftovers(directory)}")
    stack.run("--check", directory, expect=0)
    print(f"{kills} SIGKILLs after 0..{duration * 1.2 * 1e6:.0f} us ({mid_run} mid-run): "
          f"every one left exactly one set "
          f"(prod {outcomes['prod']}, dev {outcomes['dev']}; the new one after {changed}); "
          f"{left} left a leftover, reported by --check and removed by the next --out")


def case_concurrent(stack, rng):
    directory = stack.fresh("concurrent", "prod")
    winners = {"prod": 0, "dev": 0}
    pairs = 30
    for i in range(pairs):
        first, second = ("prod", "dev") if rng.random() < 0.5 else ("dev", "prod")
        processes = [subprocess.Popen([stack.binary, "--cluster", c, "--out", directory],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                     for c in (first, second)]
        for p in processes:
            _, error = p.communicate(timeout=60)
            require(p.returncode == 0, f"pair {i}: a run failed: {error}")
        found = stack.which_build(directory)
        require(found is not None, f"pair {i}: a mix of prod and dev: {sorted(contents(directory))}")
        require(not leftovers(directory), f"pair {i}: leftovers {leftovers(directory)}")
        winners[found] += 1
    print(f"{pairs} concurrent pairs: each left exactly one set (prod {winners['prod']}, "
          f"dev {winners['dev']}), no leftovers")


def expect_refused(stack, directory, cluster, message):
    before = snapshot(directory)
    inode = os.stat(directory).st_ino
    result = stack.run("--cluster", cluster, "--out", directory, expect=1)
    require(message in result.stderr, f"expected '{message}' in:\n{result.stderr}")
    require(snapshot(directory) == before, "the directory changed although the write failed")
    require(os.stat(directory).st_ino == inode, "the directory was replaced although the write failed")
    require(not leftovers(directory), f"leftovers {leftovers(directory)}")
    print(f"refused as expected, nothing changed: {result.stderr.strip()}")


def case_unreplaceable(stack, rng):
    directory = stack.fresh("unreplaceable", "prod")
    target = os.path.join(directory, "traefik.service.yaml")
    os.remove(target)
    os.mkdir(target)
    expect_refused(stack, directory, "dev", "traefik.service.yaml: a directory where --out writes a file")


def is_root():
    return os.geteuid() == 0


def case_immutable(stack, rng):
    if not is_root() or not shutil.which("chattr"):
        print("SKIPPED: chattr +i needs root and chattr")
        return SKIP
    directory = stack.fresh("immutable", "dev")
    target = os.path.join(directory, "redis.service.yaml")
    if subprocess.run(["chattr", "+i", target], capture_output=True).returncode != 0:
        print("SKIPPED: this file system does not support chattr +i")
        return SKIP
    try:
        expect_refused(stack, directory, "prod", "redis.service.yaml: immutable or append-only")
    finally:
        subprocess.run(["chattr", "-i", target], check=True)
    return 0


@contextlib.contextmanager
def tmpfs(path, options):
    if not is_root():
        yield False
        return
    os.mkdir(path)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", path],
                             capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", path], check=True)


def case_full(stack, rng):
    with tmpfs(os.path.join(stack.work, "small"), "size=192k") as mounted:
        if not mounted:
            print("SKIPPED: mounting a small tmpfs needs root")
            return SKIP
        directory = os.path.join(stack.work, "small", "out")
        os.mkdir(directory)
        stack.run("--cluster", "dev", "--out", directory, expect=0)
        filler = os.open(os.path.join(stack.work, "small", "filler"), os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:
                os.write(filler, b"x" * 4096)
        os.close(filler)
        expect_refused(stack, directory, "prod", "No space left on device")
        require(stack.which_build(directory) == "dev", "the dev set is not intact")
    return 0


def case_read_only(stack, rng):
    if is_root():
        with tmpfs(os.path.join(stack.work, "ro"), "size=1m") as mounted:
            if not mounted:
                print("SKIPPED: mounting a tmpfs failed")
                return SKIP
            directory = os.path.join(stack.work, "ro", "out")
            os.mkdir(directory)
            stack.run("--cluster", "dev", "--out", directory, expect=0)
            subprocess.run(["mount", "-o", "remount,ro", os.path.join(stack.work, "ro")], check=True)
            expect_refused(stack, directory, "prod", "Read-only file system")
            read_only_checks(stack, directory)
        return 0
    directory = stack.fresh("read-only", "dev")
    os.chmod(directory, 0o555)
    try:
        expect_refused(stack, directory, "prod", "Permission denied")
        read_only_checks(stack, directory)
    finally:
        os.chmod(directory, 0o755)
    return 0


def read_only_checks(stack, directory):
    stack.run("--cluster", "dev", "--check", directory, expect=0)
    result = stack.run("--cluster", "prod", "--check", directory, expect=1)
    require("differs from what the stack writes" in result.stderr, result.stderr)
    print("--check works on the read-only directory")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stack", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()
    case = globals()["case_" + options.case]
    work = tempfile.mkdtemp(prefix="kubestack-out-")
    try:
        status = case(Stack(os.path.abspath(options.stack), work), random.Random(options.seed)) or 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
