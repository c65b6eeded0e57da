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
