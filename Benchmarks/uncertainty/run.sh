#!/usr/bin/env bash
# Times 1,000 uncertainty draws (2,000 warm solves, plus the tornado and a fresh pair of solvers every
# 100 draws) against one cold `corridor allocate` of the same network and scenario, in one run, as
# whole processes (reading the network and writing the JSON included). Target: the ratio ≤ 20. Both the
# wall-clock time and the CPU time (user + system, all threads) are reported: on a machine shared with
# other builds the wall-clock ratio swings with their load.
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
import resource, statistics, subprocess, sys, time

corridor, runs = sys.argv[1], int(sys.argv[2])
commands = {
    "allocate (cold, one solve)": [corridor, "allocate", "--scenario", "third-crossing", "--format", "json"],
    "uncertainty, 1,000 draws": [corridor, "uncertainty", "--baseline", "baseline", "--scenario", "third-crossing",
                                 "--draws", "1000", "--seed", "1", "--format", "json"],
}
def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

walls, cpus = {}, {}
for name, command in commands.items():
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # warm-up
    wall, used = [], []
    for _ in range(runs):
        started, cpu_before = time.perf_counter(), cpu()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        wall.append(time.perf_counter() - started)
        used.append(cpu() - cpu_before)
    walls[name], cpus[name] = statistics.median(wall), statistics.median(used)
    print(f"{name}: wall median {walls[name] * 1000:.1f} ms (range {min(wall) * 1000:.1f}–{max(wall) * 1000:.1f}), "
          f"CPU median {cpus[name] * 1000:.1f} ms, over {runs} runs")
    print("  $ corridor " + " ".join(command[1:]))
first, second = "uncertainty, 1,000 draws", "allocate (cold, one solve)"
print(f"ratio: wall {walls[first] / walls[second]:.1f} ×, CPU {cpus[first] / cpus[second]:.1f} × one cold allocate (target ≤ 20 ×)")
PYTHON
