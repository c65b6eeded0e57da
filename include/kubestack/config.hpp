// ConfigMaps and Secrets, and references to one of their keys.
//
// A reference is taken from the object itself, `postgres_config.key("POSTGRES_DB")`, and
// the key is checked against the object's data where the reference is written.
#pragma once

#include <kubestack/data_refs.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/environment.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(config_key_must_be_alphanumerics_dashes_underscores_or_dots)
} // namespace broken_rule

constexpr bool is_config_key(std::string_view text) {
    return !text.empty() && text.size() <= 253 && text != "." && !text.starts_with("..") &&
           detail::all_of(text, [](char c) {
               return detail::is_alnum(c) || c == '-' || c == '_' || c == '.';
           });
}

namespace rules {
struct ConfigKey {
    static constexpr auto accepts = is_config_key;
    KUBESTACK_REJECTED_BY(config_key_must_be_alphanumerics_dashes_underscores_or_dots)
};
} // namespace rules

using ConfigKey = detail::CheckedText<rules::ConfigKey>;

// ConfigMap and Secret share everything but their kind and the field their data goes to.
template <class Self, DataSource kind>
class DataObject : public Resource<Self> {
public:
    constexpr Self& data(ConfigKey key, std::string_view value) {
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(this->meta_.broken);
        entries_.set(key, value);
        return this->self();
    }
    // A value the binary reads from its environment (environment.hpp).
    constexpr Self& data(ConfigKey key, FromEnvironment value) {
        this->meta_.broken.note(value.broken);
        entries_.set(Label{key, value.fallback, value.variable, value.required});
        return this->self();
    }
    constexpr const KeyValues<limits::config_entries>& entries() const { return entries_; }

    constexpr KeyRef key(ConfigKey key) const {
        // Whether the object defines the key is a whole-stack rule (config_key_missing), which
        // names the workload that reads it.
        const bool elsewhere = this->metadata().created_elsewhere;
        return {kind, this->name(), this->ns(), key, elsewhere};
    }
    constexpr DataRef all() const {
        return {kind, this->name(), this->ns(), this->metadata().created_elsewhere};
    }

protected:
    using Resource<Self>::Resource;

private:
    KeyValues<limits::config_entries> entries_;
};

class ConfigMap : public DataObject<ConfigMap, DataSource::ConfigMap> {
public:
    constexpr explicit ConfigMap(Name name)
        : DataObject(name) {}
};

// Written as stringData: readable in review, and the API server encodes it.
class Secret : public DataObject<Secret, DataSource::Secret> {
public:
    constexpr explicit Secret(Name name)
        : DataObject(name) {}
};

constexpr ConfigMap configMap(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(ConfigMap(name), where);
}
constexpr Secret secret(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Secret(name), where);
}

} // namespace kubestack
