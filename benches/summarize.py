"""Turn benches/run's raw results into the Markdown summary (stdout).

Usage: python3 benches/summarize.py RESULTS_DIR

RESULTS_DIR holds what benches/run wrote: machine.tsv, plan.tsv (every row to
show, by group, in order), status.tsv (why a row has no numbers), rss.tsv
(peak RSS in kB per run) and hyperfine's --export-json files (*.json).
The verdicts are the targets of DESIGN.md §6.
"""

import glob
import json
import os
import statistics
import sys

GROUP_TITLES = {
    "prompt": "Start-up: `couple prompt` (empty data dir; `1M`: a 1M-row log and settings.csv with a time zone) vs a clap hello-world vs fortune",
    "log": "`couple log talk --minutes 15 bench`: 1M-row log vs empty data dir",
    "review-100k": "`couple review … --format json` over 100k rows vs the bare csv pass",
    "review-1M": "`couple review … --format json` over 1M rows vs the bare csv pass",
    "export-100k": "`couple export log` (to /dev/null) over 100k rows vs the bare csv pass",
    "export-1M": "`couple export log` (to /dev/null) over 1M rows vs the bare csv pass",
    "history-100k": "`couple history` (to /dev/null) over 100k rows vs the bare csv pass",
    "history-1M": "`couple history` (to /dev/null) over 1M rows vs the bare csv pass",
    "crypt-log": "`couple log talk --minutes 15 bench` on a 10k-row log, encrypted (age, one native key) vs plain (the file restored before each run)",
    "crypt-review": "`couple review` (this week) over a 10k-row log, encrypted vs plain",
}


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def load(results):
    timings = {}
    for path in sorted(glob.glob(os.path.join(results, "*.json"))):
        try:
            with open(path, encoding="utf-8") as f:
                found = json.load(f)["results"]
        except (OSError, ValueError, KeyError) as err:
            print(f"summarize: skipping {path}: {err}", file=sys.stderr)
            continue
        for r in found:
            times = r.get("times") or [r["mean"]]
            timings[r["command"]] = {
                "median": statistics.median(times),
                "min": min(times),
                "max": max(times),
                "runs": len(times),
            }
    rss = {}
    for row in read_tsv(os.path.join(results, "rss.tsv")):
        kbs = [int(x) for x in row[1].split()] if len(row) > 1 else []
        if kbs:
            rss[row[0]] = {
                "median": statistics.median(kbs),
                "min": min(kbs),
                "max": max(kbs),
                "runs": len(kbs),
            }
    status = {}
    for row in read_tsv(os.path.join(results, "status.tsv")):
        status.setdefault(row[0], row[1])  # the first reason is the cause
    plan = read_tsv(os.path.join(results, "plan.tsv"))
    machine = read_tsv(os.path.join(results, "machine.tsv"))
    return timings, rss, status, plan, machine


def fmt_time(seconds, unit=None):
    unit = unit or time_unit(seconds)
    if unit == "s":
        return f"{seconds:.3f} s"
    ms = seconds * 1000
    return f"{ms:.2f} ms" if ms < 100 else f"{ms:.1f} ms"


def time_unit(seconds):
    return "s" if seconds >= 1 else "ms"


def fmt_range(m, fmt):
    return f"{fmt(m['min'])} – {fmt(m['max'])}"


def fmt_mib(kb):
    return f"{kb / 1024:.1f} MiB"


def row_cells(name, m, status, fmt):
    if m is None:
        return f"| {name} | {status.get(name, 'n/a (not measured)')} | | |"
    return f"| {name} | {fmt(m['median'])} | {fmt_range(m, fmt)} | {m['runs']} |"


def ratio_check(label, a_name, b_name, table, status, limit, strict=False, fmt=fmt_time):
    """One target: median(a) / median(b) within limit (or below it, strict)."""
    a, b = table.get(a_name), table.get(b_name)
    rule = f"< {limit:g}×" if strict else f"≤ {limit:g}×"
    if a is None or b is None:
        missing = a_name if a is None else b_name
        why = status.get(missing, "n/a (not measured)")
        return f"| {label} | {missing}: {why} | | {rule} | n/a |"
    ratio = a["median"] / b["median"]
    ok = ratio < limit if strict else ratio <= limit
    measured = f"{fmt(a['median'])} / {fmt(b['median'])}"
    return f"| {label} | {measured} | {ratio:.2f}× | {rule} | {'PASS' if ok else 'FAIL'} |"


def limit_check(label, name, table, status, limit_seconds):
    """One target: median(name) at most limit_seconds."""
    m = table.get(name)
    rule = f"≤ {fmt_time(limit_seconds)}"
    if m is None:
        return f"| {label} | {name}: {status.get(name, 'n/a (not measured)')} | | {rule} | n/a |"
    ok = m["median"] <= limit_seconds
    return f"| {label} | {fmt_time(m['median'])} | | {rule} | {'PASS' if ok else 'FAIL'} |"


def main():
    results = sys.argv[1]
    timings, rss, status, plan, machine = load(results)
    out = ["# couple benchmark", ""]
    out += ["| machine | |", "| --- | --- |"]
    out += [f"| {k} | {v} |" for k, v in machine]
    out.append("")

    out += [
        "## Targets (DESIGN.md §6)",
        "",
        "Ratios of medians (peak RSS: of median peaks).",
        "",
        "| target | measured | ratio | limit | verdict |",
        "| --- | --- | --- | --- | --- |",
        ratio_check("`couple prompt` ≤ 1.5× clap hello-world",
                    "couple prompt", "hello", timings, status, 1.5),
        ratio_check("`couple prompt` (1M-row log, settings.csv) ≤ 1.5× clap hello-world",
                    "couple prompt 1M", "hello", timings, status, 1.5),
        ratio_check("`couple prompt` faster than fortune",
                    "couple prompt", "fortune", timings, status, 1.0, strict=True),
        ratio_check("`couple log` on 1M rows ≤ 1.5× on an empty dir",
                    "log 1M", "log empty", timings, status, 1.5),
        ratio_check("`review --year` 1M ≤ 1.5× bare csv pass",
                    "review --year 1M", "floor 1M", timings, status, 1.5),
        ratio_check("`review --year` 1M faster than `xsv frequency`",
                    "review --year 1M", "xsv frequency 1M", timings, status, 1.0, strict=True),
        ratio_check("`export log` 1M ≤ 2.5× bare csv pass",
                    "export 1M", "floor 1M (export)", timings, status, 2.5),
        ratio_check("`history` 1M ≤ 2.5× bare csv pass",
                    "history 1M", "floor 1M (history)", timings, status, 2.5),
        ratio_check("`history` peak RSS 1M ≤ 1.5× 100k",
                    "peak history 1M", "peak history 100k", rss, status, 1.5,
                    fmt=fmt_mib),
        ratio_check("`review --year` peak RSS 1M ≤ 1.5× 100k",
                    "peak review --year 1M", "peak review --year 100k", rss, status, 1.5,
                    fmt=fmt_mib),
        limit_check("`couple log` on a 10k-row encrypted log ≤ 25 ms",
                    "log encrypted 10k", timings, status, 0.025),
        ratio_check("`couple review` 10k encrypted ≤ 2× unencrypted",
                    "review encrypted 10k", "review 10k", timings, status, 2.0),
        "",
    ]

    groups = []
    for group, _ in plan:
        if group not in groups:
            groups.append(group)
    for group in groups:
        names = [n for g, n in plan if g == group]
        if group == "rss":
            out += ["## Peak memory (GNU time, maximum resident set size)", ""]
            out += ["| command | median | min – max | runs |", "| --- | --- | --- | --- |"]
            out += [row_cells(n, rss.get(n), status, fmt_mib) for n in names]
        else:
            out += [f"## {GROUP_TITLES.get(group, group)}", ""]
            out += ["| command | median | min – max | runs |", "| --- | --- | --- | --- |"]
            measured = [timings[n]["median"] for n in names if n in timings]
            unit = time_unit(max(measured)) if measured else "ms"
            fmt = lambda s, unit=unit: fmt_time(s, unit)  # one unit per table
            out += [row_cells(n, timings.get(n), status, fmt) for n in names]
        out.append("")

    out.append("Raw numbers: hyperfine's JSON files beside this summary.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
