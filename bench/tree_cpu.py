#!/usr/bin/env python3
"""The CPU seconds a command and every process it starts take, by kind of process.

    python3 bench/tree_cpu.py [--out FILE] COMMAND [ARG ...]

`/usr/bin/time` and `getrusage` count a child only when its parent waits for it. Chromium
lets its renderer and GPU processes be reaped without that wait, so a test run's Chromium
time is mostly missing from them (about 150 CPU-seconds of `make test` on 7 December 2026,
against ~100 that `/usr/bin/time` saw). Here every process descended from COMMAND is read
from /proc four times a second; each one's last reading is its CPU time (less the quarter
second before it ends). Processes are grouped by name, Chromium's by its ``--type``
(renderer, gpu-process, the browser itself). Linux only. The command's exit status is
kept; the table goes to standard error (and to FILE with --out).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
CHROMIUM_TYPE = re.compile(rb"--type=([a-z-]+)")


def processes() -> dict[int, tuple[int, str, float, str]]:
    """Every process now: pid -> (parent pid, name, CPU seconds, start time)."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue  # ended meanwhile
            name_end = stat.rfind(")")
            fields = stat[name_end + 2:].split()
            cpu = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
            found[int(entry)] = (int(fields[1]), stat[stat.find("(") + 1:name_end], cpu, fields[19])
    return found


def kind(pid: int, name: str) -> str:
    """The process's name, with Chromium's process type (the browser itself has none)."""
    if name != "chromium":
        return name
    try:
        found = CHROMIUM_TYPE.search(Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return name
    return f"chromium {found.group(1).decode()}" if found else "chromium browser"


def main(argv: list[str]) -> int:
    out = None
    if argv[:1] == ["--out"]:
        out, argv = Path(argv[1]), argv[2:]
    started = time.monotonic()
    command = subprocess.Popen(argv)
    last: dict[tuple[int, str], list] = {}  # (pid, start) -> [kind, CPU seconds]
    while command.poll() is None:
        now = processes()
        for pid, (_, name, cpu, start) in now.items():
            ancestor = pid
            while ancestor in now and ancestor not in (command.pid, 0, 1):
                ancestor = now[ancestor][0]
            if ancestor == command.pid:
                seen = last.get((pid, start))
                if seen is None or seen[0] in ("chromium", "chromium zygote"):  # not typed yet
                    last[(pid, start)] = [kind(pid, name), max(cpu, seen[1] if seen else 0.0)]
                else:
                    seen[1] = max(seen[1], cpu)
        time.sleep(0.25)
    by_kind: Counter[str] = Counter()
    for name, cpu in last.values():
        by_kind[name] += cpu
    lines = [f"wall {time.monotonic() - started:.1f} s, CPU {sum(by_kind.values()):.1f} s "
             f"in {len(last)} processes"]
    lines += [f"{cpu:8.1f}  {name}" for name, cpu in by_kind.most_common() if cpu >= 0.05]
    report = "\n".join(lines) + "\n"
    sys.stderr.write(report)
    if out:
        out.write_text(report, encoding="utf-8")
    return command.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
