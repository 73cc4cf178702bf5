#!/usr/bin/env bash
# Times 1,000 uncertainty draws (2,000 warm solves, plus the tornado and a fresh pair of solvers every
# 100 draws) against one cold `corridor allocate` of the same network and scenario, in one run, as
# whole processes (reading the network and writing the JSON included). Target: the ratio ≤ 20.
#
# usage: Benchmarks/uncertainty/run.sh [RUNS]     (from anywhere; RUNS default 10, medians reported)
# Needs: a release build (swift build -c release --product corridor) and python3.
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
corridor="$root/.build/release/corridor"
[ -x "$corridor" ] || { echo "build first: swift build -c release --product corridor" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$corridor" "$runs" <<'PYTHON'
import statistics, subprocess, sys, time

corridor, runs = sys.argv[1], int(sys.argv[2])
commands = {
    "allocate (cold, one solve)": [corridor, "allocate", "--scenario", "third-crossing", "--format", "json"],
    "uncertainty, 1,000 draws": [corridor, "uncertainty", "--baseline", "baseline", "--scenario", "third-crossing",
                                 "--draws", "1000", "--seed", "1", "--format", "json"],
}
medians = {}
for name, command in commands.items():
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    medians[name] = statistics.median(times)
    print(f"{name}: median {medians[name] * 1000:.1f} ms, range {min(times) * 1000:.1f}–{max(times) * 1000:.1f} ms over {runs} runs")
    print("  $ corridor " + " ".join(command[1:]))
ratio = medians["uncertainty, 1,000 draws"] / medians["allocate (cold, one solve)"]
print(f"ratio: {ratio:.1f} × one cold allocate (target ≤ 20 ×)")
PYTHON
