// The model emitter's scalars that need no template: text checks, doubles, file names.
#include <array>
#include <charconv>
#include <cmath>
#include <kubestack/detail/utf8.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <stdexcept>

namespace kubestack::emitter::model_detail {

void check_text(std::string_view text, const std::string& path) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = detail::decode_utf8(text, at).length;
        if (length == 0)
            throw std::invalid_argument(path + ": not valid UTF-8 at byte " + std::to_string(at) +
                                        ", which YAML cannot hold");
        at += length;
    }
}

std::string yaml_number(double value, const std::string& path) {
    if (!std::isfinite(value))
        throw std::invalid_argument(path + ": " + (std::isnan(value) ? "NaN" : "an infinity") +
                                    " is not a number JSON or Kubernetes can carry");
    std::array<char, 64> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    (void)error; // 64 characters hold the shortest form of any double
    // to_chars writes "1e+100"; YAML 1.1 reads a number with an exponent only with a dot.
    return yaml_number_from_json(std::string_view(buffer.data(), end - buffer.data()));
}

std::string lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace kubestack::emitter::model_detail
