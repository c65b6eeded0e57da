#!/usr/bin/env python3
"""The command line's failures: each gives its exit status and a message that names the
cause, even when the message or the output cannot be written.

    command_line_errors.py --stack BIN --case NAME

Run as root, the unreachable-path case drops to the user nobody (it needs a directory
that the user cannot enter), and is skipped (exit 77) where that is not possible.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def run(command, **options):
    options.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(command, stderr=subprocess.PIPE, timeout=60, **options)


def shell(stack, script):
    """Runs the script with sh, as the binary itself sees redirections; $0 is the binary."""
    return run(["/bin/sh", "-c", script, stack])


def expect(result, status, text="", stream="stderr"):
    shown = getattr(result, stream).decode(errors="replace")
    if result.returncode != status:
        sys.exit(f"FAIL: exit {result.returncode}, expected {status}:\n{shown}")
    if text not in shown:
        sys.exit(f"FAIL: expected {text!r} in:\n{shown}")
    print(f"exit {status} as expected" + (f", with {text!r}" if text else ""))


def case_unwritable_messages(stack, work):
    # Every error while standard error is full or closed: still the proper exit status.
    for redirect in ("2>/dev/full", "2>&-"):
        expect(shell(stack, f'"$0" --bogus {redirect}'), 2)
        expect(shell(stack, f'"$0" --cluster nope {redirect}'), 2)
        expect(shell(stack, f'"$0" --out {work}/missing {redirect}'), 1)
    directory = os.path.join(work, "out")
    os.mkdir(directory)
    expect(shell(stack, f'"$0" --out {directory} >&- 2>&-'), 0)
    # The closed standard descriptors were not reused by the files: all of them are right.
    expect(run([stack, "--check", directory]), 0)


def case_output_unwritable(stack, work):
    for option in (["--target"], ["--help"], []):
        with open("/dev/full", "wb") as full:
            expect(run([stack, *option], stdout=full), 1, "cannot write to standard output")
        expect(shell(stack, f'"$0" {" ".join(option)} >&-'), 1, "cannot write to standard output")


def case_empty_values(stack, work):
    expect(run([stack, "--cluster", ""]), 2, "unknown cluster '' (this stack is built for: prod, dev)")
    expect(run([stack, "--out", ""]), 2, "--out needs a directory")
    expect(run([stack, "--check", ""]), 2, "--check needs a directory")


def case_dash_directory(stack, work):
    os.mkdir(os.path.join(work, "-d"))
    expect(run([stack, "--out", "-d"], cwd=work), 2,
           "--out needs a directory, not the option-like '-d' (write ./-d for a directory of that name)")
    expect(run([stack, "--out", "./-d"], cwd=work), 0, "./-d: 20 file(s) written")


def case_escaped_arguments(stack, work):
    result = run([stack, "--cluster", "\x1b[31mRED"])
    expect(result, 2, "unknown cluster '\\e[31mRED'")
    if b"\x1b" in result.stderr:
        sys.exit("FAIL: the escape character reached the terminal")
    result = run([stack, "--out", os.path.join(work, "\x1b]0;title\x07\u009b")])
    expect(result, 1, "\\e]0;title\\x07\\u009b: No such file or directory")
    if b"\x1b" in result.stderr or b"\x07" in result.stderr or b"\xc2\x9b" in result.stderr:
        sys.exit("FAIL: a control character reached the terminal")


def case_path_causes(stack, work):
    long_name = os.path.join(work, "x" * 300)
    expect(run([stack, "--out", long_name]), 1, f"{long_name}: File name too long")
    expect(run([stack, "--check", long_name]), 1, f"{long_name}: File name too long")
    plain = os.path.join(work, "plain")
    open(plain, "w").close()
    expect(run([stack, "--out", plain]), 1, f"{plain}: Not a directory")
    locked = os.path.join(work, "locked")
    os.makedirs(os.path.join(locked, "out"))
    os.chmod(locked, 0o700)
    os.chmod(work, 0o755)
    as_user = {}
    if os.geteuid() == 0:
        as_user = {"user": 65534, "group": 65534, "extra_groups": []}
    else:
        os.chmod(locked, 0o000)
    inside = os.path.join(locked, "out")
    result = run([stack, "--out", inside], **as_user)
    os.chmod(locked, 0o700)
    expect(result, 1, f"{inside}: Permission denied")


def as_nobody():
    """subprocess options that run a command as the user nobody; None where that cannot be."""
    if os.geteuid() != 0:
        return None
    return {"user": 65534, "group": 65534, "extra_groups": []}


def case_manifest_in_the_way(stack, work):
    # --check and --diff name what stands where a manifest goes, as --out does, and a FIFO
    # there does not hang them (the timeout of run() would fail the test).
    directory = os.path.join(work, "out")
    os.mkdir(directory)
    expect(run([stack, "--out", directory]), 0)
    target = os.path.join(directory, "poll.service.yaml")
    kept = os.path.join(work, "kept.yaml")
    shutil.move(target, kept)
    for make, kind in ((os.mkfifo, "not a regular file"),
                       (lambda path: os.symlink(kept, path), "a symbolic link"),
                       (os.mkdir, "a directory")):
        make(target)
        message = f"{target}: {kind} where --out writes a file: remove it"
        expect(run([stack, "--check", directory]), 1, message)
        expect(run([stack, "--check", directory]), 1, "1 entry that --out does not remove")
        expect(run([stack, "--diff", directory]), 1, message)
        expect(run([stack, "--out", directory]), 1, message)
        if os.path.isdir(target) and not os.path.islink(target):
            os.rmdir(target)
        else:
            os.remove(target)


def case_stray_files(stack, work):
    directory = os.path.join(work, "out")
    os.mkdir(directory)
    expect(run([stack, "--out", directory]), 0)
    with open(os.path.join(directory, "old.configmap.yaml"), "w") as f:
        f.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n")
    said = "old.configmap.yaml is not written by this stack, and --out keeps it: remove it"
    result = run([stack, "--check", directory])
    expect(result, 1, "1 entry that --out does not remove: remove it as said above")
    if b"run the stack with --out" in result.stderr:
        sys.exit("FAIL: --check advises --out, which keeps the file")
    expect(run([stack, "--diff", directory]), 0, "note: " + os.path.join(directory, said))
    expect(run([stack, "--out", directory]), 0, "is not written by this stack")
    # kubectl apply -f DIR reads .yml and .json too; a subdirectory stops --out.
    for name in ("old.yml", "old.json"):
        open(os.path.join(directory, name), "w").close()
        expect(run([stack, "--check", directory]), 1, name + ": is not written by this stack")
    os.mkdir(os.path.join(directory, "sub.yaml"))
    expect(run([stack, "--check", directory]), 1,
           "sub.yaml: a subdirectory: --out carries over files only")


def case_secret_modes(stack, work):
    directory = os.path.join(work, "out")
    os.mkdir(directory)
    expect(run([stack, "--out", directory]), 0)
    secret = os.path.join(directory, "postgres.secret.yaml")
    os.chmod(secret, 0o640)
    expect(run([stack, "--out", directory]), 0, "holds Secret data that other local users can read")
    changed = dict(os.environ, BERNSTEIN_POSTGRES_PASSWORD="changed")
    expect(run([stack, "--out", directory], env=changed), 0, "holds new Secret data: written "
           "without the group's and others' access")
    mode = os.stat(secret).st_mode & 0o777
    if mode != 0o600:
        sys.exit(f"FAIL: new Secret data written with mode {mode:o}")
    print("new Secret data is written 0600 over a 0640 file")


def case_diff_causes(stack, work):
    missing = os.path.join(work, "missing")
    expect(run([stack, "--diff", missing]), 1, f"{missing}: No such file or directory")
    escaped = os.path.join(work, "e\x1b[31mx")
    os.mkdir(escaped)
    result = run([stack, "--diff", escaped])
    expect(result, 1, "e\\e[31mx/cadvisor.daemonset.yaml", stream="stdout")
    if b"\x1b" in result.stdout:
        sys.exit("FAIL: the escape character reached the diff's headers")
    expect(run([stack, "extra"]), 2, "unexpected argument 'extra'")


def case_execute_only_parent(stack, work):
    nobody = as_nobody()
    if nobody is None:
        print("SKIPPED: needs root, to run the stack as another user")
        return SKIP
    os.chmod(work, 0o755)
    parent = os.path.join(work, "home")
    directory = os.path.join(parent, "out")
    os.makedirs(directory)
    expect(run([stack, "--out", directory]), 0)
    for path in (directory, *(os.path.join(directory, n) for n in os.listdir(directory))):
        os.chown(path, 65534, 65534)
    # Root's, mode 0711: the user nobody may enter it, not read it.
    os.chmod(parent, 0o711)
    expect(run([stack, "--check", directory], **nobody), 0)
    # Enterable and writable, not readable: --out cannot sync it, and says so before changing.
    os.chown(parent, 65534, 65534)
    os.chmod(parent, 0o300)
    expect(run([stack, "--cluster", "dev", "--out", directory], **nobody), 1,
           f"{parent}: Permission denied (--out swaps DIR in it and syncs it")
    os.chmod(parent, 0o755)
    # A file the user cannot read is named with the cause, not as missing.
    os.chown(os.path.join(directory, "postgres.secret.yaml"), 0, 0)
    message = f"{directory}/postgres.secret.yaml: Permission denied"
    expect(run([stack, "--check", directory], **nobody), 1, message)
    expect(run([stack, "--diff", directory], **nobody), 1, message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stack", required=True)
    parser.add_argument("--case", required=True)
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="kubestack-cli-")
    try:
        status = globals()["case_" + options.case](os.path.abspath(options.stack), work) or 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
