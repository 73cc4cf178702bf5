#!/usr/bin/env python3
"""The large-instance table: every routing family at millions of arcs, every solver once, in one run.

Builds corridor (release) and the C++ peers, generates the large instances into Benchmarks/instances/
(git-ignored) unless present, runs each solver once per instance as a whole process (reading
included) under /usr/bin/time, checks that all solvers give the same answer, and prints a Markdown
table: wall seconds, user (CPU) seconds, peak resident MB, and corridor's wall and CPU ratios to the
fastest peer. The load average is printed before and after.

Peers left out at this size, being far behind at the medium size already: NetworkX (shortest paths,
20× LEMON), LEMON Preflow (max-flow, 10–200× corridor) and igraph on GENRMF (30× OR-Tools at 1M
arcs; over six minutes at 2.6M).

usage: Benchmarks/large.py [--only NAME ...]
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INSTANCES = os.path.join(HERE, "instances")
CORRIDOR = os.path.join(ROOT, ".build", "release", "corridor")
SPGRID = os.path.join(INSTANCES, "gen-spgrid")
LEMON_DIJKSTRA = os.path.join(INSTANCES, "lemon-dijkstra")
LEMON_MINCOST = os.path.join(INSTANCES, "lemon_mincost")
PYTHON = sys.executable

# name → (family, generator command writing the file to standard output)
LARGE = {
    "spgrid-2000x1000.gr": ("shortest paths", [SPGRID, "2000", "1000", "1"]),
    "genrmf-64x128.max": ("max-flow", [PYTHON, os.path.join(HERE, "max-flow", "generate.py"), "genrmf", "64", "128", "1", "10000", "1"]),
    "rlg-wide-2048x510.max": ("max-flow", [PYTHON, os.path.join(HERE, "max-flow", "generate.py"), "rlg", "2048", "510", "1"]),
    "rlg-wide-6144x170.max": ("max-flow", [PYTHON, os.path.join(HERE, "max-flow", "generate.py"), "rlg", "6144", "170", "1"]),
    "netgen-8-18.min": ("min-cost flow", [PYTHON, os.path.join(HERE, "min-cost", "netgen.py"), "262144", "2097152", "--sources", "512", "--sinks", "512", "--supply", "512000", "--seed", "1"]),
    "transport-2000x1000.min": ("min-cost flow", [PYTHON, os.path.join(HERE, "min-cost", "transport.py"), "2000", "1000", "--seed", "1"]),
}


def solvers(family, path):
    """(name, command, answer parser) for each solver of a family."""
    if family == "shortest paths":
        def sp(text):
            reached = re.search(r"reached\s+(\d+)", text)
            total = re.search(r"(?:distanceSum|distance sum)\s+(\d+)", text)
            return (int(reached.group(1)), int(total.group(1)))
        return [("corridor", [CORRIDOR, "route", path, "--from", "1"], sp),
                ("LEMON Dijkstra", [LEMON_DIJKSTRA, path, "1"], sp)]
    if family == "max-flow":
        peer = lambda text: int(text.split()[1])
        script = lambda name: os.path.join(HERE, "max-flow", f"{name}_maxflow.py")
        chosen = [("corridor", [CORRIDOR, "maxflow", path, "--format", "json"], lambda text: int(json.loads(text)["value"])),
                  ("OR-Tools", [PYTHON, script("ortools"), path], peer)]
        if "genrmf" not in os.path.basename(path):
            chosen.append(("igraph", [PYTHON, script("igraph"), path], peer))
        return chosen
    cost = lambda text: int(re.search(r"(?:optimal cost|\"cost\":)\s*(-?\d+)", text).group(1))
    return [("corridor", [CORRIDOR, "mincost", path, "--format", "json"], cost),
            ("LEMON NetworkSimplex", [LEMON_MINCOST, "ns", path], cost),
            ("LEMON CostScaling", [LEMON_MINCOST, "cs", path], cost),
            ("OR-Tools", [PYTHON, os.path.join(HERE, "min-cost", "ortools_mincost.py"), path], cost)]


def build():
    os.makedirs(INSTANCES, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "corridor"], cwd=ROOT, check=True)
    subprocess.run(["gcc", "-O2", "-o", SPGRID, os.path.join(HERE, "shortest-path", "gen-spgrid.c")], check=True)
    subprocess.run(["g++", "-O2", "-o", LEMON_DIJKSTRA, os.path.join(HERE, "shortest-path", "lemon-dijkstra.cc")], check=True)
    subprocess.run(["g++", "-O2", "-o", LEMON_MINCOST, os.path.join(HERE, "min-cost", "lemon_mincost.cc")], check=True)


def instance(name):
    path = os.path.join(INSTANCES, name)
    if not os.path.exists(path):
        print(f"generating {name} …", file=sys.stderr)
        with open(path + ".tmp", "w") as out:
            subprocess.run(LARGE[name][1], stdout=out, check=True)
        os.replace(path + ".tmp", path)
    return path


def arcs_of(path):
    with open(path) as lines:
        for line in lines:
            if line.startswith("p "):
                return int(line.split()[3])
    return 0


def measure(command, parse):
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %M", *command], capture_output=True, text=True)
    timing = re.search(r"TIME ([\d.]+) ([\d.]+) (\d+)", result.stderr)
    if result.returncode != 0 or not timing:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
    return float(timing.group(1)), float(timing.group(2)), int(timing.group(3)) / 1024, parse(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="instance name (repeatable)")
    args = parser.parse_args()
    build()
    names = args.only or list(LARGE)
    paths = {name: instance(name) for name in names}
    print(f"load average before: {os.getloadavg()}")
    print("| family | instance | arcs | solver | wall s | user s | peak MB | answer |")
    print("|---|---|---:|---|---:|---:|---:|---|")
    summary = []
    for name in names:
        family = LARGE[name][0]
        path = paths[name]
        rows = [(solver, *measure(command, parse)) for solver, command, parse in solvers(family, path)]
        if len({row[4] for row in rows}) != 1:
            sys.exit(f"{name}: solvers disagree: {[(row[0], row[4]) for row in rows]}")
        for solver, wall, user, peak, answer in rows:
            shown = solver if solver != "corridor" else "**corridor**"
            print(f"| {family} | {name} | {arcs_of(path):,} | {shown} | {wall:.2f} | {user:.2f} | {peak:.0f} | {answer} |", flush=True)
        ours = rows[0]
        best = min(rows[1:], key=lambda row: row[1])
        summary.append((family, name, ours, best))
    print(f"\nload average after: {os.getloadavg()}\n")
    print("| family | instance | corridor wall / user s | best peer (wall) | its wall / user s | ratio wall | ratio user | peak MB corridor / peer |")
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for family, name, ours, best in summary:
        print(f"| {family} | {name} | {ours[1]:.2f} / {ours[2]:.2f} | {best[0]} | {best[1]:.2f} / {best[2]:.2f} | "
              f"{ours[1] / best[1]:.2f}× | {ours[2] / best[2]:.2f}× | {ours[3]:.0f} / {best[3]:.0f} |")


if __name__ == "__main__":
    main()
