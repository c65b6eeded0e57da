// Open values of the model (api::Json: RawExtension, JSON, objects without properties) are
// kept as the JSON text the user wrote; this reads that text strictly (RFC 8259) and writes
// it through the YAML writer, so that objects become block maps, arrays block sequences,
// and every scalar keeps its JSON type.
#pragma once

#include <kubestack/emit/yaml_writer.hpp>
#include <string>
#include <string_view>

namespace kubestack::emitter {

// Writes `json` as one YAML value at the writer's current place (after a key, or as an
// item). Throws std::invalid_argument naming `path` (the field it came from) and the byte
// where the text stops being JSON; nothing is added to the writer then.
void write_json(YamlWriter& out, std::string_view json, std::string_view path);

// A JSON number's text as a YAML number that YAML 1.1 and 1.2 readers both resolve to the
// same number: `1e5` becomes `1.0e+5` (YAML 1.1 needs the dot and the sign).
std::string yaml_number_from_json(std::string_view number);

} // namespace kubestack::emitter
