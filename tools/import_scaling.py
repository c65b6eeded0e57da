"""How builders state an imported HorizontalPodAutoscaler or PodDisruptionBudget, which act
on a workload's pods and name the workload by its constant:

    constexpr auto web_horizontalpodautoscaler =
        kubestack::horizontalPodAutoscaler(web_deployment).minReplicas(1).maxReplicas(10)
            .cpuUtilization(50);
    constexpr auto web_poddisruptionbudget =
        kubestack::podDisruptionBudget("web").selects(web_deployment).maxUnavailable(1);

Their builders write what dsl/emitter/to_model/autoscaler.cpp and disruption_budget.cpp
say; this states an object only where that is the input, and where the rules that the
builders' objects meet hold (include/kubestack/autoscaling.hpp, disruption_budget.hpp and
stack_rules.hpp's check_autoscaler).
"""
import re

from import_calls import Call, Code, Ref
from import_model import INT32_MAX, given, listed
from import_workloads import CPU, labels_taken, text

# The kinds that an autoscaler's builder scales: those with a scale subresource.
SCALABLE = {("apps/v1", "Deployment"), ("apps/v1", "StatefulSet")}
# The setter of each Resource metric's target: (resource, target type).
METRIC_SETTERS = {("cpu", "Utilization"): "cpuUtilization",
                  ("memory", "Utilization"): "memoryUtilization",
                  ("cpu", "AverageValue"): "cpuAverageValue",
                  ("memory", "AverageValue"): "memoryAverageValue"}
# The setter of each direction's stabilization window, of 0 to 3600 seconds
# (is_stabilization_window).
WINDOW_SETTERS = {"scaleDown": "scaleDownStabilization", "scaleUp": "scaleUpStabilization"}
MAX_WINDOW = 3600
EVICTION_POLICIES = {"IfHealthyBudget", "AlwaysAllow"}  # disruption_budget.hpp
PERCENTAGE_UP_TO_100 = re.compile(r"(?:100|[0-9]{1,2})%")  # is_percentage_up_to_100


class ScalingStatements:
    """The part of import_builders.Statements that states autoscalers and budgets."""

    def autoscaler_spec(self, imported, spec):
        """The calls of an autoscaler's target, bounds, metrics and windows, or None. A
        target named as the autoscaler is its factory's argument:
        horizontalPodAutoscaler(web_deployment)."""
        if not set(spec) <= {"scaleTargetRef", "minReplicas", "maxReplicas", "metrics",
                             "behavior"}:
            return None
        target = given(spec.get("scaleTargetRef"))
        if set(target) != {"apiVersion", "kind", "name"}:
            return None
        if (target["apiVersion"], target["kind"]) not in SCALABLE:
            return None
        workload = self.scaled_workload(imported, target["kind"], target["name"])
        if workload is None:
            return None
        calls = []
        least = spec.get("minReplicas", 1)
        most = spec.get("maxReplicas")
        if type(least) is not int or type(most) is not int or not 1 <= least <= most:
            return None
        if "minReplicas" in spec:
            calls.append(Call("minReplicas", least))
        if most > INT32_MAX:
            return None
        calls.append(Call("maxReplicas", most))
        metrics = spec.get("metrics")
        if not listed(metrics, self.limits["metrics"]):
            return None
        resources = []
        for metric in map(given, metrics or []):
            stated = self.resource_metric(metric)
            if stated is None or metric["resource"]["name"] in resources:
                return None  # a second target of one resource replaces the first
            resources.append(metric["resource"]["name"])
            calls.append(stated)
        behavior = given(spec.get("behavior"))
        if "behavior" in spec and (not behavior or not set(behavior) <= set(WINDOW_SETTERS)):
            return None
        for direction, setter in WINDOW_SETTERS.items():
            if direction in behavior:
                rules = given(behavior[direction])
                window = rules.get("stabilizationWindowSeconds")
                if set(rules) != {"stabilizationWindowSeconds"} or type(window) is not int:
                    return None
                if not 0 <= window <= MAX_WINDOW:
                    return None
                calls.append(Call(setter, window))
        if imported.name == target["name"]:
            self.factory_of[id(imported)] = [Ref(workload)]
        else:
            calls.insert(0, Call("scales", Ref(workload)))
        return calls

    def scaled_workload(self, imported, kind, name):
        """The workload that an autoscaler scales, when a builder states it or it is
        declared created elsewhere, and when scales() keeps the autoscaler where the
        input places it (it moves the autoscaler beside the workload); or None. A
        builder's workload that sets its replicas is none: the autoscaler owns them
        (the rule autoscaled_replicas_written)."""
        declared = self.declared.get(id(imported), [])
        workload = self.stated(declared, kind, name, imported.namespace or "default")
        if isinstance(workload, tuple):
            return workload if (workload[2] or "") == imported.namespace else None
        if workload is None or workload.namespace != imported.namespace:
            return None
        if "replicas" in given(given(workload.fields)["spec"]):
            return None
        return workload

    def resource_metric(self, metric):
        """The call of a Resource metric's target, or None."""
        if set(metric) != {"type", "resource"} or metric["type"] != "Resource":
            return None
        resource = given(metric["resource"])
        target = given(resource.get("target"))
        if set(resource) != {"name", "target"}:
            return None
        setter = METRIC_SETTERS.get((resource["name"], target.get("type")))
        if setter is None:
            return None
        if target["type"] == "Utilization":
            value = target.get("averageUtilization")
            if set(target) != {"type", "averageUtilization"} or type(value) is not int:
                return None
            return Call(setter, value) if 1 <= value <= INT32_MAX else None
        value = target.get("averageValue")
        if set(target) != {"type", "averageValue"} or type(value) not in (str, int):
            return None
        value = str(value)
        pattern = CPU if resource["name"] == "cpu" else self.words.size
        return Call(setter, value) if pattern.fullmatch(value) else None

    def budget_spec(self, imported, spec):
        """The calls of a budget's pods, its count and its eviction policy, or None."""
        if not set(spec) <= {"selector", "minAvailable", "maxUnavailable",
                             "unhealthyPodEvictionPolicy"}:
            return None
        selector = given(spec.get("selector"))
        terms = [tuple(pair) for pair in selector.get("matchLabels") or []]
        if set(selector) != {"matchLabels"} or not terms or len(terms) > self.limits["labels"]:
            return None
        if not labels_taken(terms):
            return None
        calls = self.pods_selected(imported, terms)
        counts = [field for field in ("minAvailable", "maxUnavailable") if field in spec]
        if len(counts) > 1:  # the rule of disruption_budget.hpp's budget(), and Kubernetes'
            return None
        for field in counts:
            value = spec[field]
            if type(value) is int and 0 <= value <= INT32_MAX:
                calls.append(Call(field, value))
            elif text(value, PERCENTAGE_UP_TO_100):
                calls.append(Call(field, value))
            else:
                return None
        if "unhealthyPodEvictionPolicy" in spec:
            policy = spec["unhealthyPodEvictionPolicy"]
            if policy not in EVICTION_POLICIES:
                return None
            calls.append(Call("unhealthyPodEvictionPolicy",
                              Code(f"kubestack::UnhealthyPodEvictionPolicy::{policy}")))
        return calls
