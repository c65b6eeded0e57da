#!/usr/bin/env python3
"""Measures what the whole-stack rules cost the compiler.

    bench/compile_cost.py [--sizes 10,100,1000] [--runs 3] [--cxx g++]

For each size, generates a stack of that many poll-like apps (Deployment, Service and
Ingress each; bench/generate_stack.py), compiles it with the rules on and with the
rules off, and reports the median wall time and the peak memory of the compiler. Two
compile modes are measured:
  front end  -fsyntax-only: parsing plus the constexpr evaluation where the rules run;
  object     -O2 -c, as a Release build compiles the stack.
The difference between "rules on" and "rules off" is what the rules cost. A run whose
compile fails (for example on GCC's constexpr operation limit) is reported as FAILED.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def measure(command):
    """Runs command; returns (seconds, peak KiB of the process tree, exit status, stderr)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode, stderr.decode(errors="replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cxx", default=os.environ.get("CXX", "g++"))
    parser.add_argument("--modes", default="front-end,object")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    modes = {"front-end": ["-fsyntax-only"], "object": ["-O2", "-c", "-o", os.devnull]}
    chosen = [m for m in args.modes.split(",")]
    base = [args.cxx, "-std=c++20", "-Iinclude"]
    print(f"# {' '.join(sys.argv)}")
    print(f"# compiler: {subprocess.run([args.cxx, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
    print(f"# each figure: the median of {args.runs} run(s); peak = max resident memory of the compiler")
    print()
    print("| apps | objects | mode | rules | median time | peak memory | command |")
    print("|---:|---:|---|---|---:|---:|---|")
    failed = False
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            for rules in ("off", "on"):
                source = pathlib.Path(work) / f"stack_{size}_{rules}.cpp"
                with open(source, "w") as out:
                    subprocess.run([sys.executable, str(ROOT / "bench" / "generate_stack.py"), str(size),
                                    "--rules", rules], stdout=out, check=True)
                for mode in chosen:
                    command = base + modes[mode] + [str(source)]
                    times, peaks, error = [], [], ""
                    for _ in range(args.runs):
                        seconds, peak, status, stderr = measure(command)
                        if status != 0:
                            error = next((l for l in stderr.splitlines() if "error" in l), stderr[-200:])
                            break
                        times.append(seconds)
                        peaks.append(peak)
                    shown = " ".join(c if c != str(source) else f"stack_{size}_{rules}.cpp" for c in command)
                    if error:
                        failed = True
                        print(f"| {size} | {3 * size + 1} | {mode} | {rules} | FAILED | | `{shown}`: {error.strip()} |")
                    else:
                        print(f"| {size} | {3 * size + 1} | {mode} | {rules} | {statistics.median(times):.2f} s "
                              f"| {statistics.median(peaks) / 1024:.0f} MiB | `{shown}` |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
