"""The capacities of include/kubestack/limits.hpp, which the package keeps beside the
model's headers: how many labels, data entries or refersTo() declarations one object holds.
The importer reads them, rather than repeating them, to choose what a builder can hold and
to refuse what no object can.
"""
import re

from import_headers import read_header

ENTRY = re.compile(r"inline constexpr std::size_t (\w+) = (\d+);")


def read_limits(model_index):
    """{name: capacity}, or ValueError when the header lacks one the importer needs."""
    path, text = read_header(model_index, "limits.hpp")
    limits = {name: int(value) for name, value in ENTRY.findall(text)}
    for needed in ("labels", "config_entries", "policy_rules", "policy_items", "subjects",
                   "ports", "routes", "tls_entries", "tls_hosts", "access_modes",
                   "created_elsewhere_references", "containers", "volumes", "args", "command",
                   "exec_command", "http_headers", "capabilities", "env", "env_from",
                   "claim_templates", "metrics", "class_parameters", "mount_options",
                   "network_rules", "network_peers", "network_ports", "peer_labels",
                   "cidr_exceptions", "selector_requirements", "requirement_values"):
        if needed not in limits:
            raise ValueError(f"{path}: {needed} was not found")
    return limits
