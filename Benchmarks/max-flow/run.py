#!/usr/bin/env python3
"""Times whole processes (reading the file included) of corridor and its peers on DIMACS max-flow files.

usage: run.py [--runs N] [--solvers corridor,ortools,igraph,lemon] [--slow-runs K] [INSTANCE.max ...]

Generates the default instances into Benchmarks/instances/ when missing (never committed), builds the
LEMON program with g++ -O2, runs each solver N times per instance (K times for a solver whose first run
took over 60 s) under /usr/bin/time, checks that every solver reports the same value, and prints the
minimum and median wall time and the peak resident memory (maxrss).
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INSTANCES = os.path.join(ROOT, "Benchmarks", "instances")
DEFAULTS = {
    "genrmf-40x130.max": ["genrmf", "40", "130", "1", "10000", "1"],
    "rlg-wide-2048x170.max": ["rlg", "2048", "170", "1"],
    "rlg-long-64x5400.max": ["rlg", "64", "5400", "1"],
}
LEMON = os.path.join(INSTANCES, "lemon_preflow")


def command(solver, path):
    if solver == "corridor":
        return [os.path.join(ROOT, ".build", "release", "corridor"), "maxflow", path, "--format", "json"]
    if solver == "lemon":
        return [LEMON, path]
    return [sys.executable, os.path.join(HERE, f"{solver}_maxflow.py"), path]


def value_of(solver, output):
    if solver == "corridor":
        import json
        return int(json.loads(output)["value"])
    return int(output.split()[1])


def timed(solver, path):
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M"] + command(solver, path), capture_output=True, text=True, check=True)
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes), value_of(solver, result.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=1)
    parser.add_argument("--solvers", default="corridor,ortools,igraph,lemon")
    parser.add_argument("instances", nargs="*")
    arguments = parser.parse_args()
    os.makedirs(INSTANCES, exist_ok=True)
    paths = arguments.instances
    if not paths:
        for name, generator in DEFAULTS.items():
            path = os.path.join(INSTANCES, name)
            if not os.path.exists(path):
                with open(path, "w") as output:
                    subprocess.run([sys.executable, os.path.join(HERE, "generate.py")] + generator, stdout=output, check=True)
            paths.append(path)
    solvers = arguments.solvers.split(",")
    if "lemon" in solvers and not os.path.exists(LEMON):
        subprocess.run(["g++", "-O2", "-o", LEMON, os.path.join(HERE, "lemon_preflow.cpp")], check=True)
    print(f"{'instance':24} {'solver':9} {'runs':>4} {'min s':>8} {'median s':>9} {'maxrss MB':>9}  value")
    for path in paths:
        values = set()
        for solver in solvers:
            seconds, memory = [], []
            runs = arguments.runs
            while len(seconds) < runs:
                wall, kilobytes, value = timed(solver, path)
                seconds.append(wall)
                memory.append(kilobytes)
                values.add(value)
                if len(seconds) == 1 and wall > 60:
                    runs = arguments.slow_runs
            print(f"{os.path.basename(path):24} {solver:9} {len(seconds):4} {min(seconds):8.2f} "
                  f"{statistics.median(seconds):9.2f} {max(memory) / 1024:9.1f}  {value}", flush=True)
        if len(values) != 1:
            sys.exit(f"{path}: the solvers disagree: {sorted(values)}")


if __name__ == "__main__":
    main()
