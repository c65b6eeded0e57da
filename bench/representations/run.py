#!/usr/bin/env python3
"""What a typed model of the whole API would cost the compiler, before building it.

    python3 bench/representations/run.py [--sizes 100,1000]

Builds N poll-like apps (a Deployment with one container, a port, an env value and a
memory limit; the Service that selects it; an Ingress routing a host to it) in a constant
expression, in three representations, and measures g++'s front end (-fsyntax-only):

  heap-model      plain structs per definition, heap lists, presence flags (heap_model.hpp);
  heap-model-std  the same with std::optional for absent fields;
  node-arena      each object one flat array of nodes (node_arena.hpp);
  dsl-today       the DSL as it is (inline fixed-capacity lists), the same apps written
                  by bench/generate_stack.py with the whole-stack rules off.

Each is compiled with GCC's default constexpr operation limit and, where that is not
enough, with a raised one (-fconstexpr-ops-limit=2147483647).
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

HEAP_APP = """
constexpr Deployment app(String name, String image) {
    Deployment d;
    d.metadata = ObjectMeta{};
    d.metadata->name = name;
    d.metadata->labels = Map{{"app", name}};
    DeploymentSpec spec{};
    spec.replicas = 2;
    spec.selector.matchLabels = Map{{"app", name}};
    spec.tmpl.metadata = ObjectMeta{};
    spec.tmpl.metadata->labels = Map{{"app", name}};
    PodSpec pod{};
    Container c{};
    c.name = name;
    c.image = image;
    c.ports = List<ContainerPort>{ContainerPort{80, String("http"), String("TCP"), {}, {}}};
    c.env = List<EnvVar>{EnvVar{"REDIS_HOST", String("redis"), {}}};
    c.resources = ResourceRequirements{Map{{"memory", "128M"}}, {}};
    pod.containers.push_back(c);
    pod.restartPolicy = String("Always");
    spec.tmpl.spec = pod;
    d.spec = spec;
    return d;
}
constexpr Service service(const Deployment& d) {
    Service s;
    s.metadata = ObjectMeta{};
    s.metadata->name = *d.metadata->name;
    s.spec = ServiceSpec{};
    s.spec->selector = *d.spec->selector.matchLabels;
    s.spec->ports = List<ServicePort>{
        ServicePort{80, String("http"), String("TCP"), {}, IntOrString{0, "http", true}, {}}};
    return s;
}
constexpr Ingress ingress(const Service& s, String host) {
    Ingress i;
    i.metadata = ObjectMeta{};
    i.metadata->name = *s.metadata->name;
    i.spec = IngressSpec{};
    i.spec->rules = List<IngressRule>{IngressRule{
        String(host), List<IngressPath>{IngressPath{String("/"), "Prefix", IngressBackend{*s.metadata->name, 80}}}}};
    return i;
}
struct Stack {
    List<Deployment> deployments;
    List<Service> services;
    List<Ingress> ingresses;
};
constexpr std::size_t count(const Stack& stack) {
    return stack.deployments.size() + stack.services.size() + stack.ingresses.size();
}
"""

HEAP_ADD = """    {{ const auto d = app("app-{i}", "repo/app-{i}:v1"); const auto s = service(d);
       stack.deployments.push_back(d); stack.services.push_back(s);
       stack.ingresses.push_back(ingress(s, "app-{i}.example.com")); }}
"""

ARENA_APP = """
constexpr Document labels(std::string_view name) {
    Document d; const auto m = d.open(NodeKind::Map, {}); d.text("app", name); d.close(m); return d;
}
constexpr Document app(std::string_view name, std::string_view image) {
    Document d; const auto root = d.open(NodeKind::Map, {});
    d.text("apiVersion", "apps/v1"); d.text("kind", "Deployment");
    const auto meta = d.open(NodeKind::Map, "metadata"); d.text("name", name); d.text("namespace", "default");
    d.splice("labels", labels(name)); d.close(meta);
    const auto spec = d.open(NodeKind::Map, "spec"); d.number("replicas", 2);
    const auto selector = d.open(NodeKind::Map, "selector"); d.splice("matchLabels", labels(name)); d.close(selector);
    const auto tmpl = d.open(NodeKind::Map, "template");
    const auto tmeta = d.open(NodeKind::Map, "metadata"); d.splice("labels", labels(name)); d.close(tmeta);
    const auto pod = d.open(NodeKind::Map, "spec");
    const auto containers = d.open(NodeKind::Sequence, "containers"); const auto c = d.open(NodeKind::Map, {});
    d.text("name", name); d.text("image", image);
    const auto ports = d.open(NodeKind::Sequence, "ports"); const auto p = d.open(NodeKind::Map, {});
    d.text("name", "http"); d.number("containerPort", 80); d.text("protocol", "TCP"); d.close(p); d.close(ports);
    const auto env = d.open(NodeKind::Sequence, "env"); const auto e = d.open(NodeKind::Map, {});
    d.text("name", "REDIS_HOST"); d.text("value", "redis"); d.close(e); d.close(env);
    const auto resources = d.open(NodeKind::Map, "resources"); const auto limits = d.open(NodeKind::Map, "limits");
    d.text("memory", "128M"); d.close(limits); d.close(resources);
    d.close(c); d.close(containers); d.text("restartPolicy", "Always");
    d.close(pod); d.close(tmpl); d.close(spec); d.close(root);
    return d;
}
constexpr Document service(const Document& workload) {
    const std::size_t meta = workload.child(0, "metadata");
    const std::string_view name = workload.nodes()[workload.child(meta, "name")].text;
    Document d; const auto root = d.open(NodeKind::Map, {});
    d.text("apiVersion", "v1"); d.text("kind", "Service");
    const auto m = d.open(NodeKind::Map, "metadata"); d.text("name", name); d.text("namespace", "default"); d.close(m);
    const auto spec = d.open(NodeKind::Map, "spec"); d.text("type", "ClusterIP"); d.splice("selector", labels(name));
    const auto ports = d.open(NodeKind::Sequence, "ports"); const auto p = d.open(NodeKind::Map, {});
    d.text("name", "http"); d.number("port", 80); d.text("targetPort", "http"); d.text("protocol", "TCP");
    d.close(p); d.close(ports); d.close(spec); d.close(root);
    return d;
}
constexpr Document ingress(std::string_view name, std::string_view host) {
    Document d; const auto root = d.open(NodeKind::Map, {});
    d.text("apiVersion", "networking.k8s.io/v1"); d.text("kind", "Ingress");
    const auto m = d.open(NodeKind::Map, "metadata"); d.text("name", name); d.text("namespace", "default"); d.close(m);
    const auto spec = d.open(NodeKind::Map, "spec"); const auto rules = d.open(NodeKind::Sequence, "rules");
    const auto r = d.open(NodeKind::Map, {}); d.text("host", host);
    const auto http = d.open(NodeKind::Map, "http"); const auto paths = d.open(NodeKind::Sequence, "paths");
    const auto p = d.open(NodeKind::Map, {}); d.text("path", "/"); d.text("pathType", "Prefix");
    const auto backend = d.open(NodeKind::Map, "backend"); const auto s = d.open(NodeKind::Map, "service");
    d.text("name", name); const auto port = d.open(NodeKind::Map, "port"); d.number("number", 80);
    d.close(port); d.close(s); d.close(backend); d.close(p); d.close(paths); d.close(http); d.close(r);
    d.close(rules); d.close(spec); d.close(root);
    return d;
}
struct Stack {
    List<Node> nodes;
    std::size_t objects = 0;
    constexpr void add(const Document& d) { for (const Node& n : d.nodes()) nodes.push_back(n); ++objects; }
};
constexpr std::size_t count(const Stack& stack) { return stack.objects; }
"""

ARENA_ADD = """    {{ const auto d = app("app-{i}", "repo/app-{i}:v1"); const auto s = service(d);
       stack.add(d); stack.add(s); stack.add(ingress("app-{i}", "app-{i}.example.com")); }}
"""

VARIANTS = {
    "heap-model": ("heap_model.hpp", "heap_model", HEAP_APP, HEAP_ADD, []),
    "heap-model-std": ("heap_model.hpp", "heap_model", HEAP_APP, HEAP_ADD, ["-DUSE_STD_OPTIONAL"]),
    "node-arena": ("node_arena.hpp", "node_arena", ARENA_APP, ARENA_ADD, []),
    "dsl-today": (None, None, None, None, []),
}

RAISED_LIMIT = "-fconstexpr-ops-limit=2147483647"


def write_source(path, header, namespace, functions, add, apps):
    with open(path, "w") as out:
        out.write(f'#include "{os.path.join(HERE, header)}"\nusing namespace {namespace};\n')
        out.write(functions)
        out.write("constexpr Stack make() {\n    Stack stack;\n")
        for i in range(apps):
            out.write(add.format(i=i))
        out.write("    return stack;\n}\n")
        out.write(f"static_assert(count(make()) == {3 * apps});\nint main() {{}}\n")


def measure(command):
    timed = ["/usr/bin/time", "-f", "%U %S %M"] + command
    result = subprocess.run(timed, capture_output=True, text=True)
    user, system, kib = result.stderr.strip().splitlines()[-1].split()
    return result.returncode == 0, float(user) + float(system), int(kib) // 1024, result.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000")
    args = parser.parse_args()
    compiler = os.environ.get("CXX", "g++")
    version = subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"# python3 bench/representations/run.py --sizes {args.sizes}")
    print(f"# {os.cpu_count()} cores; {version}; one run each, front end only (-fsyntax-only);\n# time = the compiler's CPU time (user + system), which other work on the machine disturbs less than wall time\n")
    print("| representation | apps | constexpr limit | result | CPU time | peak memory |")
    print("|---|---:|---|---|---:|---:|")
    root = os.path.join(HERE, "..", "..")
    with tempfile.TemporaryDirectory() as work:
        for name, (header, namespace, functions, add, flags) in VARIANTS.items():
            for apps in [int(s) for s in args.sizes.split(",")]:
                source = os.path.join(work, f"{name}_{apps}.cpp")
                if name == "dsl-today":
                    with open(source, "w") as out:
                        subprocess.run([sys.executable, os.path.join(root, "bench", "generate_stack.py"),
                                        str(apps), "--rules", "off"], stdout=out, check=True)
                    flags = ["-I" + os.path.join(root, "include")]
                else:
                    write_source(source, header, namespace, functions, add, apps)
                for limit, limit_flags in (("default", []), ("raised", [RAISED_LIMIT])):
                    command = [compiler, "-std=c++20", "-fsyntax-only", *flags, *limit_flags, source]
                    ok, seconds, mib, log = measure(command)
                    verdict = "builds" if ok else (
                        "exceeds the limit" if "operation count exceeds" in log else "fails")
                    print(f"| {name} | {apps} | {limit} | {verdict} | {seconds:.2f} s | {mib} MiB |")
                    sys.stdout.flush()
                    if ok and limit == "default":
                        break  # the raised limit changes nothing for a stack that builds


if __name__ == "__main__":
    main()
