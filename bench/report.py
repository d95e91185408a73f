"""Turn one bench/run.sh result folder into the Markdown table for docs/performance.md."""

import json
import re
import sys
from pathlib import Path

LINE = re.compile(
    r"^(\S+) (\S+) (\S+) BENCH requests=(\d+) rps=([\d.]+) p50=([\d.]+) "
    r"p95=([\d.]+) p99=([\d.]+) errors=(\d+)(?: load=([\d.]+))?"
)


def main(folder):
    rows, static = [], {}
    for line in (Path(folder) / "summary.txt").read_text().splitlines():
        m = LINE.match(line)
        if not m:
            continue
        phase, name, path, _n, rps, p50, p95, p99, errors, load = m.groups()
        rps = float(rps)
        if name == "static":
            static[phase] = rps
        rows.append((phase, name, path, rps, p50, p95, p99, errors, load or "?"))
    print("| phase | page | path | req/s | vs static | p50 ms | p95 ms | p99 ms | errors | load |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for phase, name, path, rps, p50, p95, p99, errors, load in rows:
        ratio = rps / static[phase] if static.get(phase) else 0
        print(
            f"| {phase} | {name} | `{path[:40]}` | {rps:.0f} | {ratio:.2f} | {p50} | {p95} "
            f"| {p99} | {errors} | {load} |"
        )
    submissions = Path(folder) / "submissions.txt"
    if submissions.exists():
        print()
        print("| form | journeys | completed | journeys/s | journey p50 ms | p95 ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        lines = [json.loads(line) for line in submissions.read_text().splitlines()]
        for s in lines:
            print(
                f"| {s['form']} | {s['sent']} | {s['accepted']} | {s['journeys_per_s']} "
                f"| {s['journey_ms_p50']} | {s['journey_ms_p95']} |"
            )
        print()
        print("| form | step | p50 ms | p95 ms |")
        print("| --- | --- | ---: | ---: |")
        for s in lines:
            for step, ms in s["steps_ms"].items():
                print(f"| {s['form']} | {step} | {ms['p50']} | {ms['p95']} |")


if __name__ == "__main__":
    main(sys.argv[1])
