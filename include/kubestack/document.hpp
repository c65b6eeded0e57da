// A rendered object and a manifest file: what the emitter makes of a stack.
#pragma once

#include <string>
#include <string_view>

namespace kubestack {

// One Kubernetes object, rendered.
struct Document {
    std::string api_version;
    std::string kind;
    std::string name;
    std::string ns;
    std::string file; // the manifest file it belongs in, such as "poll.deployment.yaml"
    std::string yaml; // one YAML document, without a "---" separator
};

struct ManifestFile {
    std::string name;
    std::string content;
    bool holds_secret = false; // a Secret's data is in it: written readable by its owner only
    std::string named_after;   // the object its name comes from, such as: Deployment "poll"
};

// True when a plain scalar with this text would be read by a YAML 1.1 reader (such as
// kubectl's) as something else than a string: a number, a boolean, null, a timestamp.
bool needs_quotes_in_yaml_1_1(std::string_view text);

} // namespace kubestack
