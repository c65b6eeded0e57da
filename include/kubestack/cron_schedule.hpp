// A CronJob's schedule, checked where it is written: five fields (minute, hour, day of
// month, month, day of week) or one of the descriptors @yearly, @annually, @monthly,
// @weekly, @daily, @midnight and @hourly, as the CronJob controller's parser
// (robfig/cron, standard mode) accepts them.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    schedule_must_be_five_cron_fields_minute_hour_day_month_weekday_or_a_descriptor_like_at_daily)
} // namespace broken_rule

namespace detail {

struct CronField {
    int min, max;
    std::string_view names; // three letters per value from min on (months, weekdays)
};

inline constexpr CronField cron_fields[] = {
    {0, 59, {}},
    {0, 23, {}},
    {1, 31, {}},
    {1, 12, "janfebmaraprmayjunjulaugsepoctnovdec"},
    {0, 6, "sunmontuewedthufrisat"},
};

constexpr char to_lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// A number (at most 4 digits) or, where the field has them, a name: -1 if neither.
constexpr int cron_value(std::string_view text, const CronField& field) {
    if (!text.empty() && text.size() <= 4 && all_of(text, is_digit)) {
        int number = 0;
        for (char c : text)
            number = number * 10 + (c - '0');
        return number;
    }
    if (text.size() != 3) return -1;
    for (std::size_t at = 0; at + 3 <= field.names.size(); at += 3)
        if (to_lower(text[0]) == field.names[at] && to_lower(text[1]) == field.names[at + 1] &&
            to_lower(text[2]) == field.names[at + 2])
            return field.min + static_cast<int>(at / 3);
    return -1;
}

constexpr bool in_field(int value, const CronField& field) {
    return value >= field.min && value <= field.max;
}

// "*", "?", "5", "1-5", "mon-fri", each optionally followed by "/step".
constexpr bool is_cron_range(std::string_view range, const CronField& field) {
    const std::size_t slash = range.find('/');
    if (slash != std::string_view::npos) {
        const std::string_view step = range.substr(slash + 1);
        if (step.empty() || step.size() > 4 || !all_of(step, is_digit) ||
            cron_value(step, cron_fields[0]) == 0)
            return false;
        range = range.substr(0, slash);
    }
    if (range == "*" || range == "?") return true;
    const std::size_t dash = range.find('-');
    const int low = cron_value(range.substr(0, dash), field);
    if (!in_field(low, field)) return false;
    if (dash == std::string_view::npos) return true;
    const int high = cron_value(range.substr(dash + 1), field);
    return in_field(high, field) && low <= high;
}

constexpr bool is_cron_field(std::string_view text, const CronField& field) {
    for (std::size_t start = 0;;) {
        const std::size_t comma = text.find(',', start);
        if (!is_cron_range(text.substr(start, comma - start), field)) return false;
        if (comma == std::string_view::npos) return true;
        start = comma + 1;
    }
}

} // namespace detail

constexpr bool is_cron_schedule(std::string_view text) {
    for (std::string_view descriptor :
         {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
        if (text == descriptor) return true;
    std::size_t fields = 0;
    for (std::size_t start = 0; start < text.size();) {
        if (text[start] == ' ' || text[start] == '\t') {
            ++start;
            continue;
        }
        std::size_t end = start;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t')
            ++end;
        if (fields == 5 ||
            !detail::is_cron_field(text.substr(start, end - start), detail::cron_fields[fields]))
            return false;
        ++fields;
        start = end;
    }
    return fields == 5;
}

namespace rules {
struct CronSchedule {
    static constexpr auto accepts = is_cron_schedule;
    KUBESTACK_REJECTED_BY(
        schedule_must_be_five_cron_fields_minute_hour_day_month_weekday_or_a_descriptor_like_at_daily)
};
} // namespace rules

// "*/5 * * * *", "0 3 * * mon-fri", "@daily".
using CronSchedule = detail::CheckedText<rules::CronSchedule>;

} // namespace kubestack
