#!/usr/bin/env python3
"""kubestack's speed, side by side with cdk8s. One command:

    python3 bench/run.py            # the figures in bench/README.md
    python3 bench/run.py --quick    # small sizes, one run: proves the harness works (CI)

It measures, on this machine, with medians over --runs runs:
  1. the edit loop: touch stack/bernstein.cpp, rebuild the stack, write its manifests into
     a temporary directory; against cdk8s: touch main.ts, tsc, synth. The two loops run
     alternately in the same session, and the ratio is reported;
  2. generation time of the built binary (Bernstein), against cdk8s synth of the same stack;
  3. generation time of generated stacks of N poll-like apps, against cdk8s synth of the
     same sizes;
  4. compile time and peak compiler memory of those generated stacks;
  5. the edit loop of those stacks, one app edited: in one file, and split over parts of
     10 apps (kubestack/stack_part.hpp); against cdk8s with the same apps written out one
     call block per app, and in a loop over a helper.
Then it checks the targets of bench/README.md and prints which were met.
Setup (not timed): a Release build (cmake --preset release) and `npm ci` in bench/cdk8s.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CDK8S = ROOT / "bench" / "cdk8s"
BUILD = ROOT / "build" / "release"


def run(command, cwd=ROOT, env=None, output=None):
    """Runs a command, its standard output into the file `output` if given; returns
    (seconds, peak KiB of its process tree). Fails loudly."""
    sink = open(output, "wb") if output else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if output:
        sink.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{stderr.decode(errors='replace')}")
    return seconds, usage.ru_maxrss


def shown(command):
    return " ".join(str(c).replace(str(ROOT) + "/", "") for c in command)


def median(values):
    return statistics.median(values)


def setup():
    print("# setup (not timed): Release build and cdk8s dependencies", flush=True)
    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "generate"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if not (CDK8S / "node_modules").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CDK8S, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(CDK8S / "node_modules/.bin/tsc")], cwd=CDK8S, check=True)


def edit_loops(runs, work):
    stack_source = ROOT / "stack" / "bernstein.cpp"
    cdk8s_source = CDK8S / "main.ts"
    build = ["cmake", "--build", str(BUILD), "--target", "stack"]
    write = [str(BUILD / "stack" / "stack"), "--out"]
    tsc = [str(CDK8S / "node_modules/.bin/tsc")]
    synth = ["node", "main.js"]
    ours, theirs, peaks, tsc_peaks = [], [], [], []
    for i in range(runs):
        out = pathlib.Path(work) / f"loop-{i}"
        out.mkdir()
        stack_source.touch()
        seconds, peak = run(build)
        seconds += run(write + [str(out)])[0]
        ours.append(seconds)
        peaks.append(peak)
        cdk8s_source.touch()
        seconds, peak = run(tsc, cwd=CDK8S)
        seconds += run(synth, cwd=CDK8S, env={**os.environ, "OUTDIR": str(out / "cdk8s")})[0]
        theirs.append(seconds)
        tsc_peaks.append(peak)
    print("\n## 1. Edit loop (alternating, same session)\n")
    print("| loop | median | peak memory | commands |\n|---|---:|---:|---|")
    print(f"| kubestack | {median(ours):.3f} s | {median(peaks) / 1024:.0f} MiB (build) | "
          f"`touch stack/bernstein.cpp && {shown(build)} && {shown(write)} DIR` |")
    print(f"| cdk8s | {median(theirs):.3f} s | {median(tsc_peaks) / 1024:.0f} MiB (tsc) | "
          f"`touch main.ts && tsc && node main.js` (in bench/cdk8s) |")
    ratio = median(ours) / median(theirs)
    print(f"\nratio kubestack / cdk8s: {ratio:.2f} ({runs} runs each)")
    return ratio


def fresh(work, name):
    directory = pathlib.Path(work) / name
    directory.mkdir()
    return str(directory)


def generation(runs, work):
    binary = str(BUILD / "stack" / "stack")
    # The whole stack into one YAML file, as cdk8s synth writes one file per chart.
    ours = [run([binary], output=pathlib.Path(work) / f"gen-{i}.yaml")[0] for i in range(runs)]
    files = [run([binary, "--out", fresh(work, f"gen-{i}")])[0] for i in range(runs)]
    theirs = [run(["node", "main.js"], cwd=CDK8S, env={**os.environ, "OUTDIR": str(pathlib.Path(work) / f"cdk-{i}")})[0]
              for i in range(runs)]
    print("\n## 2. Generating the Bernstein stack\n")
    print("| tool | median | command |\n|---|---:|---|")
    print(f"| kubestack | {median(ours) * 1000:.1f} ms | `build/release/stack/stack > FILE` |")
    print(f"| kubestack, 20 files | {median(files) * 1000:.1f} ms | `build/release/stack/stack --out DIR` |")
    print(f"| cdk8s | {median(theirs) * 1000:.1f} ms | `node main.js` |")
    return median(ours)


# The flags kubestack_add_stack() gives a Release stack (dsl/cmake/KubestackStack.cmake).
STACK_FLAGS = ["-std=c++20", "-O1", "-DNDEBUG", "-fno-inline", "--param=ggc-min-heapsize=524288",
               "-fconstexpr-cache-depth=16", "-Iinclude"]


def precompiled_header(work):
    """Builds the DSL's precompiled header as kubestack_add_stack() does, once per build
    directory (not timed); returns the -include that uses it."""
    header = pathlib.Path(work) / "pch" / "precompiled.hpp"
    header.parent.mkdir()
    shutil.copy(ROOT / "include" / "kubestack" / "precompiled.hpp", header)
    subprocess.run(["g++", *STACK_FLAGS, "-x", "c++-header", str(header), "-o", f"{header}.gch"],
                   cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    return ["-include", str(header)]


def generated_stacks(sizes, runs, work):
    driver = BUILD / "dsl" / "libkubestack_driver.a"
    results = {}
    include_pch = precompiled_header(work)
    for size in sizes:
        source = pathlib.Path(work) / f"stack_{size}.cpp"
        with open(source, "w") as out:
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate_stack.py"), str(size)], stdout=out, check=True)
        binary = pathlib.Path(work) / f"stack_{size}"
        linker = "-fuse-ld=lld" if shutil.which("ld.lld") else "-fuse-ld=gold"
        compile_command = ["g++", *STACK_FLAGS, str(source), str(driver), "-static-libstdc++", "-static-libgcc",
                           "-no-pie", linker, "-o", str(binary)]
        compile_seconds, compile_peak = run(compile_command)
        # What a rebuild compiles: the stack alone, with the precompiled header.
        rebuild_command = ["g++", *STACK_FLAGS, *include_pch, "-c", str(source), "-o", f"{binary}.o"]
        rebuild_seconds, rebuild_peak = run(rebuild_command)
        ours = [run([str(binary)], output=pathlib.Path(work) / f"out-{size}-{i}.yaml")[0] for i in range(runs)]
        theirs = [run(["node", "main.js"], cwd=CDK8S,
                      env={**os.environ, "APPS": str(size), "OUTDIR": str(pathlib.Path(work) / f"cdk-{size}-{i}")})[0]
                  for i in range(runs)]
        results[size] = (median(ours), median(theirs), compile_seconds, compile_peak, rebuild_seconds, rebuild_peak)
    print("\n## 3. Generating N poll-like apps (Deployment, Service, Ingress each) into one file\n")
    print("| apps | kubestack | cdk8s synth | cdk8s / kubestack |\n|---:|---:|---:|---:|")
    for size, (ours, theirs, *_) in results.items():
        print(f"| {size} | {ours * 1000:.1f} ms | {theirs * 1000:.1f} ms | {theirs / ours:.1f}x |")
    print("\n## 4. Compiling those stacks (one run each)\n")
    print("From scratch (compile and link, no precompiled header), and as a rebuild compiles the "
          "stack (`kubestack_add_stack()`'s precompiled header built beforehand, once per build "
          "directory).\n")
    print("| apps | from scratch | peak memory | rebuild's compile | peak memory |\n|---:|---:|---:|---:|---:|")
    for size, (_, _, seconds, peak, rebuild, rebuild_peak) in results.items():
        print(f"| {size} | {seconds:.1f} s | {peak / 1024:.0f} MiB | {rebuild:.1f} s | {rebuild_peak / 1024:.0f} MiB |")
    # The commands of the largest stack; the others differ only by the size in the file names.
    print(f"\nfrom scratch: `{shown(compile_command).replace(str(work) + '/', '')}`\n\n"
          f"rebuild's compile: `{shown(rebuild_command).replace(str(work) + '/', '')}`")
    return results


# --- 5. The edit loop of large stacks -------------------------------------------------

LOOPS_CMAKE = """cmake_minimum_required(VERSION 3.25)
project(large_stack_loops LANGUAGES CXX)
set(KUBESTACK_BUILD_TESTS OFF CACHE BOOL "")
set(KUBESTACK_BUILD_STACK OFF CACHE BOOL "")
add_subdirectory({root} kubestack)
"""

WRITTEN_OUT_TS = """// Generated by bench/run.py: {count} poll-like apps, written out one call block per app,
// with main.ts's helpers (as bench/generate_stack.py writes the C++).
import {{ ApiObject, App, Chart }} from 'cdk8s';
import {{ Construct }} from 'constructs';
import {{ configKey, deployment, ingress, service, Workload }} from './main';

class WrittenOutApps extends Chart {{
  constructor(scope: Construct, id: string) {{
    super(scope, id);
    new ApiObject(this, 'shared', {{
      apiVersion: 'v1', kind: 'ConfigMap', metadata: {{ name: 'shared', namespace: 'default' }}, data: {{ REDIS_HOST: 'redis' }},
    }});
{apps}  }}
}}

const app = new App({{ outdir: process.env.OUTDIR ?? 'dist' }});
new WrittenOutApps(app, 'generated');
app.synth();
"""

WRITTEN_OUT_APP = """    {{
      const app: Workload = {{ name: 'app-{i:04d}', image: 'epitechcontent/t-dop-600-poll:k8s', replicas: 2, memory: '128M',
        ports: [{{ name: 'http', containerPort: 80 }}], env: [configKey('shared', 'REDIS_HOST')], antiAffinity: true }};
      deployment(this, app);
      service(this, app);
      ingress(this, 'app-{i:04d}', 'app-{i:04d}.dop.io');
    }}
"""


def edit_first_app(path, anchor, number, replicas):
    """A real edit of one app: app 1's replica count, the first match of the regex `number`
    after `anchor`, set to `replicas`; the loops alternate 3 and 2, so every run compiles
    changed source."""
    text = pathlib.Path(path).read_text()
    start = text.index(anchor)
    match = re.compile(number).search(text, start)
    text = text[:match.start(1)] + str(replicas) + text[match.end(1):]
    pathlib.Path(path).write_text(text)


def large_stack_setup(sizes, work):
    loops = pathlib.Path(work) / "loops"
    loops.mkdir()
    cmake = LOOPS_CMAKE.format(root=ROOT)
    generate = [sys.executable, str(ROOT / "bench" / "generate_stack.py")]
    for size in sizes:
        one_file = loops / f"one_file_{size}.cpp"
        with open(one_file, "w") as out:
            subprocess.run(generate + [str(size)], stdout=out, check=True)
        subprocess.run(generate + [str(size), "--split", str(loops / f"split_{size}")], check=True)
        cmake += f"kubestack_add_stack(one_file_{size} one_file_{size}.cpp)\nadd_subdirectory(split_{size})\n"
    (loops / "CMakeLists.txt").write_text(cmake)
    print(f"# setup (not timed): the stacks of {', '.join(map(str, sizes))} apps, one file and split "
          "(10 apps per part), built in Release", flush=True)
    subprocess.run(["cmake", "-S", str(loops), "-B", str(loops / "build"), "-G", "Ninja",
                    "-DCMAKE_BUILD_TYPE=Release"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(loops / "build")], check=True, stdout=subprocess.DEVNULL)
    # TypeScript: main.ts's helpers, and the apps written out, beside cdk8s's node_modules.
    ts = pathlib.Path(work) / "ts"
    ts.mkdir()
    (ts / "node_modules").symlink_to(CDK8S / "node_modules")
    shutil.copy(CDK8S / "main.ts", ts / "main.ts")
    options = (CDK8S / "tsconfig.json").read_text()
    (ts / "tsconfig.json").write_text(options)
    for size in sizes:
        apps = "".join(WRITTEN_OUT_APP.format(i=i) for i in range(1, size + 1))
        (ts / f"written_{size}.ts").write_text(WRITTEN_OUT_TS.format(count=size, apps=apps))
        (ts / f"tsconfig_{size}.json").write_text(
            options.replace('"files": ["main.ts"]', f'"files": ["main.ts", "written_{size}.ts"]'))
    return loops, ts


def large_stack_loops(sizes, runs, work):
    loops, ts = large_stack_setup(sizes, work)
    print("# the loops: one app edited, each form in turn", flush=True)
    tsc = str(CDK8S / "node_modules/.bin/tsc")
    rows = {}
    for size in sizes:
        times = {"one file": [], "split": [], "written-out": [], "loop": []}
        peaks = []
        # Each form writes into the same directory every time, as a user's loop does: an
        # edit rewrites the one file it changed (kubestack --out fsyncs each file it writes).
        out = pathlib.Path(work) / f"large-{size}"
        for form in ("one", "split"):
            (out / form).mkdir(parents=True)
        for i in range(runs):
            replicas = 3 if i % 2 == 0 else 2
            edit_first_app(loops / f"one_file_{size}.cpp", '"app-0001"', r"\.replicas\((\d+)\)", replicas)
            seconds, peak = run(["cmake", "--build", str(loops / "build"), "--target", f"one_file_{size}"])
            seconds += run([str(loops / "build" / f"one_file_{size}"), "--out", str(out / "one")])[0]
            times["one file"].append(seconds)
            peaks.append(peak)
            edit_first_app(loops / f"split_{size}" / "part_0001.cpp", '"app-0001"', r"\.replicas\((\d+)\)",
                           replicas)
            seconds = run(["cmake", "--build", str(loops / "build"), "--target", f"split_{size}"])[0]
            seconds += run([str(loops / "build" / f"split_{size}" / f"split_{size}"), "--out",
                            str(out / "split")])[0]
            times["split"].append(seconds)
            edit_first_app(ts / f"written_{size}.ts", "'app-0001'", r"replicas: (\d+)", replicas)
            seconds = run([tsc, "-p", f"tsconfig_{size}.json"], cwd=ts)[0]
            seconds += run(["node", f"written_{size}.js"], cwd=ts,
                           env={**os.environ, "OUTDIR": str(out / "written")})[0]
            times["written-out"].append(seconds)
            edit_first_app(ts / "main.ts", "class GeneratedApps", r"replicas: (\d+)", replicas)
            seconds = run([tsc, "-p", "tsconfig.json"], cwd=ts)[0]
            seconds += run(["node", "main.js"], cwd=ts,
                           env={**os.environ, "APPS": str(size), "OUTDIR": str(out / "loop")})[0]
            times["loop"].append(seconds)
        rows[size] = ({form: median(values) for form, values in times.items()}, median(peaks))
    print("\n## 5. The edit loop of large stacks (one app edited, alternating, same session)\n")
    print("Each loop writes into the directory of the run before (the first run writes every "
          "file), as a user's loop rewrites its manifests; cdk8s synthesizes one file.\n")
    print("kubestack: edit app 1's replicas, `cmake --build` the stack (Release, precompiled "
          "header), write the manifests with `--out`; one file (`bench/generate_stack.py N`), or "
          "split into parts of 10 apps (`--split`), editing one part. cdk8s: edit, `tsc`, "
          "`node`; the apps written out one call block per app, or `main.ts`'s loop "
          "(`APPS=N`), editing the helper.\n")
    print("| apps | kubestack one file | kubestack split | cdk8s written out | cdk8s loop | "
          "split / written out | split / loop | one file / loop | one-file build peak |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, (t, peak) in rows.items():
        print(f"| {size} | {t['one file']:.2f} s | {t['split']:.2f} s | {t['written-out']:.2f} s | "
              f"{t['loop']:.2f} s | {t['split'] / t['written-out']:.2f} | {t['split'] / t['loop']:.2f} | "
              f"{t['one file'] / t['loop']:.2f} | {peak / 1024:.0f} MiB |")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="size 10 only, one run: for CI")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="10,100,1000")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = [10] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(f"# {shown([sys.executable] + sys.argv).replace(sys.executable, 'python3')}")
    print(f"# {os.cpu_count()} cores; {subprocess.run(['g++', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}; "
          f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    setup()
    with tempfile.TemporaryDirectory() as work:
        ratio = edit_loops(runs, work)
        bernstein = generation(max(runs, 5), work)
        results = generated_stacks(sizes, runs, work)
        large = large_stack_loops(sizes, runs, work)
    print("\n## Targets\n")
    checks = [("Bernstein edit loop at most 0.35x cdk8s's", ratio <= 0.35, f"{ratio:.2f}x"),
              ("Bernstein generation under 5 ms", bernstein < 0.005, f"{bernstein * 1000:.1f} ms")]
    if 1000 in results:
        ours, theirs, seconds, peak, _, _ = results[1000]
        checks += [("1000 apps generated in under a tenth of cdk8s's synth", ours < theirs / 10,
                    f"{ours * 1000:.0f} ms vs {theirs * 1000:.0f} ms"),
                   ("1000 apps compiled in under 60 s and 2 GiB", seconds < 60 and peak < 2 * 1024 * 1024,
                    f"{seconds:.1f} s, {peak / 1024:.0f} MiB")]
    if 1000 in large:
        t, _ = large[1000]
        _, _, scratch_seconds, scratch_peak, seconds, peak = results[1000]
        worst = max(t["split"] / t["written-out"], t["split"] / t["loop"])
        checks += [("1000 apps, one app edited in a split stack: at most 0.5x both cdk8s forms",
                    worst <= 0.5, f"{t['split'] / t['written-out']:.2f}x written out, "
                                  f"{t['split'] / t['loop']:.2f}x loop"),
                   ("1000 apps in one file compiled in under 5 s and 1 GiB, as a rebuild compiles it",
                    seconds < 5 and peak < 1024 * 1024, f"{seconds:.1f} s, {peak / 1024:.0f} MiB"),
                   ("the same from scratch: no precompiled header, and the link",
                    scratch_seconds < 5 and scratch_peak < 1024 * 1024,
                    f"{scratch_seconds:.1f} s, {scratch_peak / 1024:.0f} MiB"),
                   ("1000 apps in one file: edit loop at most 1.3x cdk8s's loop form",
                    t["one file"] / t["loop"] <= 1.3, f"{t['one file'] / t['loop']:.2f}x")]
    for name, met, figure in checks:
        print(f"- {'met' if met else 'MISSED'}: {name} ({figure})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
