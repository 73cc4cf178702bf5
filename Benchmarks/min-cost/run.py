#!/usr/bin/env python3
"""Min-cost flow benchmark: corridor against LEMON (NetworkSimplex, CostScaling) and OR-Tools.

Generates the instances into Benchmarks/instances/ (git-ignored) unless present, builds the LEMON
peer with g++ -O2 and corridor in release mode, then runs every solver on every instance RUNS times
as a whole process (reading included) under /usr/bin/time, checks that all report the same cost and
prints min/median wall seconds, median user seconds and peak memory.

Usage: Benchmarks/min-cost/run.py [--runs N] [--only NAME] [--skip-ortools]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INSTANCES = os.path.join(ROOT, "Benchmarks", "instances")
LEMON = os.path.join(INSTANCES, "lemon_mincost")
CORRIDOR = os.path.join(ROOT, ".build", "release", "corridor")

# name → generator arguments. NETGEN-8 after Kovács (2015): m = 8n, √n sources and sinks,
# total supply 1000·√n, capacities 1..1000, costs 1..10000.
INSTANCES_SPEC = {
    "netgen-8-14": ["netgen.py", "16384", "131072", "--sources", "128", "--sinks", "128", "--supply", "128000"],
    "netgen-8-17": ["netgen.py", "131072", "1048576", "--sources", "362", "--sinks", "362", "--supply", "362000"],
    "transport-1000": ["transport.py", "1000", "1000"],
    "transport-2000x1000": ["transport.py", "2000", "1000"],
}


def ensure_instance(name):
    path = os.path.join(INSTANCES, name + ".min")
    if not os.path.exists(path):
        script, *arguments = INSTANCES_SPEC[name]
        print(f"generating {name} …", file=sys.stderr)
        with open(path + ".tmp", "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, script), *arguments, "--seed", "1"], stdout=out, check=True)
        os.replace(path + ".tmp", path)
    return path


def build():
    os.makedirs(INSTANCES, exist_ok=True)
    subprocess.run(["g++", "-O2", "-o", LEMON, os.path.join(HERE, "lemon_mincost.cc")], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "corridor"], cwd=ROOT, check=True)


def measure(command):
    """One whole-process run: (wall seconds, user seconds, peak KB, cost)."""
    result = subprocess.run(
        ["/usr/bin/time", "-f", "TIME %e %U %M", *command], capture_output=True, text=True)
    timing = re.search(r"TIME ([\d.]+) ([\d.]+) (\d+)", result.stderr)
    cost = re.search(r"(?:optimal cost|\"cost\":)\s*(-?\d+)", result.stdout)
    if result.returncode != 0 or not timing or not cost:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
    return float(timing.group(1)), float(timing.group(2)), int(timing.group(3)), int(cost.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", action="append", help="instance name (repeatable)")
    parser.add_argument("--skip-ortools", action="store_true")
    args = parser.parse_args()
    build()
    solvers = {
        "corridor": lambda path: [CORRIDOR, "mincost", path, "--format", "json"],
        "LEMON NetworkSimplex": lambda path: [LEMON, "ns", path],
        "LEMON CostScaling": lambda path: [LEMON, "cs", path],
    }
    if not args.skip_ortools:
        solvers["OR-Tools SimpleMinCostFlow"] = lambda path: [sys.executable, os.path.join(HERE, "ortools_mincost.py"), path]
    print(f"{'instance':<20} {'solver':<27} {'min s':>7} {'median s':>8} {'user s':>7} {'peak MB':>8}  cost")
    for name in args.only or INSTANCES_SPEC:
        path = ensure_instance(name)
        costs = set()
        for solver, command in solvers.items():
            runs = [measure(command(path)) for _ in range(args.runs)]
            walls = [run[0] for run in runs]
            users = [run[1] for run in runs]
            peak = max(run[2] for run in runs) / 1024
            costs.update(run[3] for run in runs)
            print(f"{name:<20} {solver:<27} {min(walls):7.2f} {statistics.median(walls):8.2f} "
                  f"{statistics.median(users):7.2f} {peak:8.1f}  {runs[0][3]}", flush=True)
        if len(costs) != 1:
            sys.exit(f"{name}: solvers disagree on the cost: {sorted(costs)}")


if __name__ == "__main__":
    main()
