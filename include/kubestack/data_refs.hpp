// References to the data of a ConfigMap or Secret: one key of it, or all of it. They
// are made from the objects themselves (config.hpp), and read by pods (env.hpp).
#pragma once

#include <string_view>

namespace kubestack {

enum class DataSource { ConfigMap, Secret };

// One key of a ConfigMap or Secret, as an env value or a volume item refers to it.
struct KeyRef {
    DataSource source = DataSource::ConfigMap;
    std::string_view object;
    std::string_view ns;
    std::string_view key;
    bool created_elsewhere = false;
};

// A whole ConfigMap or Secret, as envFrom or a volume refers to it.
struct DataRef {
    DataSource source = DataSource::ConfigMap;
    std::string_view object;
    std::string_view ns;
    bool created_elsewhere = false;
};

} // namespace kubestack
