#!/usr/bin/env python3
"""Writes a C++ source whose static_asserts hold kubestack-import's reading of a CronJob
schedule (tools/import_cron.py's cron_schedule) to the DSL's (is_cron_schedule in
include/kubestack/cron_schedule.hpp): it builds only when both give each schedule the same
verdict. The schedules are edge cases and random texts of the grammar's characters.

    cron_agreement.py TOOLS_DIR OUTPUT.cpp
"""
import random
import sys

EDGES = [
    "* * * * *", "*/5 * * * *", "0 3 * * mon-fri", "0 0 1 jan *", "59 23 31 12 6",
    "0-59/15 0,12 1-31/2 JAN-DEC SUN-SAT", "? ? ? ? ?", "\t0 \t3  * *\t*  ", "0005 * * * *",
    "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *", "* * * 0 *", "* * * 13 *",
    "* * * * 7", "5-1 * * * *", "*/0 * * * *", "*/00 * * * *", "*/10000 * * * *",
    "1/5 * * * *", "1-5/2 * * * *", "*/5/5 * * * *", "1-2-3 * * * *", "1, * * * *",
    ",1 * * * *", "1,,2 * * * *", "- * * * *", "1- * * * *", "-1 * * * *", "/5 * * * *",
    "* * * *", "* * * * * *", "", " ", "@daily", "@DAILY", "@every 5m", "@reboot",
    "@yearly", "@annually", "@monthly", "@weekly", "@midnight", "@hourly", " @daily",
    "* * * Jan *", "* * * jAn *", "* * * janu *", "* * * * mon", "* * * * MON-sun",
    "* * * * sat-mon", "* * * feb-jan *", "* * * * 1-mon", "* * * * thu/2", "* * * * */7",
    "0 3 * * mon\n", "0 3 * * mon\r", "0\n3 * * *", "0\v3 * * * *", "* * * * 1\u00a0",
    "* * * * sün", "* * * * ĸon", "\u0663 * * * *", "TZ=UTC 0 3 * * *", "CRON_TZ=UTC * * * * *",
    "L * * * *", "* * L * *", "* * * * 5#3", "* * 15W * *", "H * * * *",
]
ALPHABET = "0123456789*/-,? \tjanJANmonfriSUNdecDEC@yearlydaily\n"


def cpp_string(text):
    return '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\'
                         else "".join(f"\\{b:03o}" for b in c.encode("utf-8"))
                         for c in text) + '"'


def main():
    sys.path.insert(0, sys.argv[1])
    from import_cron import cron_schedule
    chosen = random.Random(20261127)
    schedules = list(EDGES)
    for _ in range(3000):
        fields = [chosen.choice(["*", "?", str(chosen.randrange(0, 70)), "mon", "Jan", "*/"
                                 + str(chosen.randrange(0, 12)), f"{chosen.randrange(0, 40)}-"
                                 f"{chosen.randrange(0, 40)}"])
                  for _ in range(chosen.choice([4, 5, 5, 5, 6]))]
        schedules.append(chosen.choice([" ", "\t", "  "]).join(fields))
        schedules.append("".join(chosen.choice(ALPHABET) for _ in range(chosen.randrange(1, 16))))
    lines = ["// Written by tests/import/cron_agreement.py: tools/import_cron.py's verdicts.",
             "#include <kubestack/cron_schedule.hpp>", ""]
    for schedule in dict.fromkeys(schedules):
        verdict = "true" if cron_schedule(schedule) else "false"
        lines.append(f"static_assert(kubestack::is_cron_schedule({cpp_string(schedule)}) == "
                     f"{verdict});")
    accepted = sum(cron_schedule(s) for s in dict.fromkeys(schedules))
    lines += ["", "#include <cstdio>", "int main() {",
              f'    std::puts("{len(dict.fromkeys(schedules))} schedules, {accepted} accepted:'
              ' the importer and the DSL agree on each");', "}", ""]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main()
