"""The setter calls with which a builder states an imported object, and their C++ text:

    Call("port", "dns", 53, Code("kubestack::Protocol::UDP"))
        .port("dns", 53, kubestack::Protocol::UDP)
    Call("serviceAccount", Ref(account))
        .serviceAccount(shop_serviceaccount)
    Call("env", "DB", Member(config, "key", "DB"))
        .env("DB", settings_configmap.key("DB"))

import_builders.py makes them; import_cpp.py writes them, with a Context that knows the
constant of each object. An argument is one of:

- a str: a C++ string literal; an int or a bool: a literal;
- Code: C++ as it is, such as an enumerator;
- Ref: another object, by its constant: an imported one, or a (kind, name, namespace or
  None) that import_references.py declares created elsewhere;
- Member: a call on another object's constant, such as config.key("K");
- Chain: a builder function and its own calls, such as kubestack::container("log");
- Designated: an aggregate by its fields' names, {.apiGroups = {""}, .verbs = {"get"}};
- a list: a braced list;
- OWN_NAMESPACE: the namespace of the object that the call is on, whose inNamespace()
  call is left out when the object names none.
"""


class Code(str):
    """C++ source text, written as it is."""


class Ref:
    def __init__(self, target):
        self.target = target


class Member:
    def __init__(self, target, method, *arguments):
        self.target, self.method, self.arguments = target, method, arguments


class Chain:
    def __init__(self, function, arguments, calls=()):
        self.function, self.arguments, self.calls = function, tuple(arguments), list(calls)


class Designated:
    def __init__(self, fields):
        self.fields = list(fields)  # [(name, value)]


OWN_NAMESPACE = object()


class Call:
    def __init__(self, method, *arguments):
        self.method, self.arguments = method, arguments

    def __repr__(self):
        return f"Call({self.method!r}, {', '.join(map(repr, self.arguments))})"


def referred_objects(calls):
    """The imported objects that calls name by their constants (not the declared ones)."""
    found = []

    def visit(argument):
        if isinstance(argument, (Ref, Member)) and not isinstance(argument.target, tuple):
            found.append(argument.target)
        if isinstance(argument, Member):
            for inner in argument.arguments:
                visit(inner)
        elif isinstance(argument, Chain):
            for inner in argument.arguments:
                visit(inner)
            for call in argument.calls:
                for inner in call.arguments:
                    visit(inner)
        elif isinstance(argument, Designated):
            for _, value in argument.fields:
                visit(value)
        elif isinstance(argument, list):
            for inner in argument:
                visit(inner)

    for call in calls:
        for argument in call.arguments:
            visit(argument)
    return found


class Context:
    """What writing a call needs: string(text), a C++ string literal; constant(target), the
    constant of an object; namespace, the inNamespace() argument of the object that the
    calls are on, or None."""

    def __init__(self, string, constant, namespace):
        self.string, self.constant, self.namespace = string, constant, namespace


def argument_text(argument, context):
    if isinstance(argument, bool):
        return "true" if argument else "false"
    if isinstance(argument, int):
        return str(argument)
    if isinstance(argument, Code):
        return str(argument)
    if isinstance(argument, str):
        return context.string(argument)
    if isinstance(argument, Ref):
        return context.constant(argument.target)
    if isinstance(argument, Member):
        return (f"{context.constant(argument.target)}.{argument.method}"
                f"({arguments_text(argument.arguments, context)})")
    if isinstance(argument, Chain):
        return (f"{argument.function}({arguments_text(argument.arguments, context)})" +
                calls_text(argument.calls, context))
    if isinstance(argument, Designated):
        fields = ", ".join(f".{name} = {argument_text(value, context)}"
                           for name, value in argument.fields)
        return f"{{{fields}}}"
    if isinstance(argument, list):
        return f"{{{arguments_text(argument, context)}}}"
    if argument is OWN_NAMESPACE:
        return context.namespace
    raise TypeError(f"not a call's argument: {argument!r}")


def arguments_text(arguments, context):
    return ", ".join(argument_text(argument, context) for argument in arguments)


def calls_text(calls, context):
    """The calls, chained: .label("app", "web").port(80). A call on the object's own
    namespace is left out when the object names none."""
    return "".join(f".{call.method}({arguments_text(call.arguments, context)})"
                   for call in calls
                   if not (OWN_NAMESPACE in call.arguments and context.namespace is None))
