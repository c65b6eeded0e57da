"""What a CronJob's builder says besides its job template (include/kubestack/cron_job.hpp):

    constexpr auto backup_cronjob =
        kubestack::cronJob("backup").schedule("0 3 * * mon-fri").concurrencyPolicy(
            kubestack::ConcurrencyPolicy::Forbid).image("registry.example.com/backup:1.4");

Its schedule is a CronSchedule, checked where it is written: cron_schedule() reads it as
is_cron_schedule (cron_schedule.hpp) does, and tests/import/cron_agreement.py holds the two
to the same verdicts. The job template is a Job's spec, which import_workloads.py states.
"""
from import_calls import Call, Code
from import_model import INT32_MAX, ascii_lower

# Each field of a schedule: its least and greatest value, and the three-letter names of
# its values from the least on (cron_fields).
CRON_FIELDS = ((0, 59, ""), (0, 23, ""), (1, 31, ""),
               (1, 12, "janfebmaraprmayjunjulaugsepoctnovdec"), (0, 6, "sunmontuewedthufrisat"))
DESCRIPTORS = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
DIGITS = set("0123456789")
CONCURRENCY_POLICIES = {"Allow", "Forbid", "Replace"}
# A CronJob's own settings that take a count or seconds, each 0 or more (cron_job.hpp).
CRON_COUNTS = ("successfulJobsHistoryLimit", "failedJobsHistoryLimit",
               "startingDeadlineSeconds")
CRON_SPEC = {"schedule", "timeZone", "concurrencyPolicy", "suspend", "jobTemplate",
             *CRON_COUNTS}


def cron_value(text, field):
    """A number (at most 4 digits) or, where the field has them, a name; -1 if neither."""
    if text and len(text) <= 4 and set(text) <= DIGITS:
        return int(text)
    if len(text) != 3:
        return -1
    names = field[2]
    for at in range(0, len(names), 3):
        if names[at:at + 3] == ascii_lower(text):
            return field[0] + at // 3
    return -1


def in_field(value, field):
    return field[0] <= value <= field[1]


def cron_range(text, field):
    """"*", "?", "5", "1-5", "mon-fri", each optionally followed by "/step"."""
    text, slash, step = text.partition("/")
    if slash and (not step or len(step) > 4 or not set(step) <= DIGITS or int(step) == 0):
        return False
    if text in ("*", "?"):
        return True
    low, dash, high = text.partition("-")
    low = cron_value(low, field)
    if not in_field(low, field):
        return False
    return not dash or (in_field(cron_value(high, field), field) and
                        low <= cron_value(high, field))


def cron_schedule(text):
    """Whether is_cron_schedule takes the schedule: a descriptor, or five fields apart by
    spaces or tabs. Only ASCII text is read: C++ counts a name's letters in bytes."""
    if type(text) is not str or not text.isascii():
        return False
    if text in DESCRIPTORS:
        return True
    fields = text.replace("\t", " ").split()
    if len(fields) != 5 or any(c.isspace() and c not in " \t" for c in text):
        return False
    return all(all(cron_range(part, field) for part in value.split(","))
               for value, field in zip(fields, CRON_FIELDS))


def cron_settings(name, spec, words, time_zone_served):
    """The calls of a CronJob's schedule and settings, or None. words: the Vocabulary,
    with the longest name of a CronJob (its Jobs add 11 characters to it); time_zone_served:
    whether the target honours timeZone (cron_job_time_zone_since)."""
    if not set(spec) <= CRON_SPEC or len(name) > words.cron_job_name_limit:
        return None
    if not cron_schedule(spec.get("schedule")):
        return None
    calls = [Call("schedule", spec["schedule"])]
    if "timeZone" in spec:
        zone = spec["timeZone"]
        if not time_zone_served or not time_zone(zone):
            return None
        calls.append(Call("timeZone", zone))
    if "concurrencyPolicy" in spec:
        if spec["concurrencyPolicy"] not in CONCURRENCY_POLICIES:
            return None
        calls.append(Call("concurrencyPolicy", Code("kubestack::ConcurrencyPolicy::"
                                                    + spec["concurrencyPolicy"])))
    if "suspend" in spec:
        if type(spec["suspend"]) is not bool:
            return None
        calls.append(Call("suspend", spec["suspend"]))
    for setting in CRON_COUNTS:
        if setting in spec:
            if type(spec[setting]) is not int or not 0 <= spec[setting] <= INT32_MAX:
                return None
            calls.append(Call(setting, spec[setting]))
    return calls


def time_zone(text):
    """is_time_zone_name (cron_job.hpp): "Europe/Paris", "Etc/GMT+3"."""
    return (type(text) is str and text.isascii() and 0 < len(text) <= 64 and
            text[0].isalpha() and not text.endswith("/") and "//" not in text and
            all(c.isalnum() or c in "/_-+" for c in text))
