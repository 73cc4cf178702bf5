#!/usr/bin/env python3
"""Whole-process timing of `corridor route FILE.gr --from 1` against LEMON's and NetworkX's Dijkstra.

Builds the release CLI, the generator and the LEMON peer, generates the SPGRID-like instance into
Benchmarks/instances/ (git-ignored) unless it is there, runs each program RUNS times (NetworkX
fewer: it is slow), checks that all agree on the number of reached nodes and the distance sum, and
prints min and median wall-clock seconds.

usage: Benchmarks/shortest-path/run.py [--runs 5] [--networkx-runs 3] [--layers 350] [--width 1000]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "Benchmarks", ".build")
INSTANCES = os.path.join(ROOT, "Benchmarks", "instances")


def build(layers, width):
    os.makedirs(BUILD, exist_ok=True)
    os.makedirs(INSTANCES, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "corridor"], cwd=ROOT, check=True)
    generator = os.path.join(BUILD, "gen-spgrid")
    subprocess.run(["gcc", "-O2", "-o", generator, os.path.join(HERE, "gen-spgrid.c")], check=True)
    peer = os.path.join(BUILD, "lemon-dijkstra")
    subprocess.run(["g++", "-O2", "-o", peer, os.path.join(HERE, "lemon-dijkstra.cc")], check=True)
    instance = os.path.join(INSTANCES, f"spgrid-{layers}x{width}.gr")
    if not os.path.exists(instance):
        with open(instance, "w") as output:
            subprocess.run([generator, str(layers), str(width), "1"], stdout=output, check=True)
    return instance, peer


def answer(text):
    """(reached, distance sum) from any of the three programs' outputs."""
    reached = re.search(r"reached\s+(\d+)", text)
    total = re.search(r"(?:distanceSum|distance sum)\s+(\d+)", text)
    if not reached or not total:
        sys.exit(f"cannot find the answer in:\n{text}")
    return int(reached.group(1)), int(total.group(1))


def timed(command, runs):
    seconds, answers = [], set()
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds.append(time.perf_counter() - start)
        answers.add(answer(result.stdout))
    return seconds, answers


def main():
    options = argparse.ArgumentParser()
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--networkx-runs", type=int, default=3)
    options.add_argument("--layers", type=int, default=350)
    options.add_argument("--width", type=int, default=1000)
    arguments = options.parse_args()
    instance, peer = build(arguments.layers, arguments.width)
    corridor = os.path.join(ROOT, ".build", "release", "corridor")
    programs = [
        ("corridor route", [corridor, "route", instance, "--from", "1"], arguments.runs),
        ("LEMON Dijkstra (SmartDigraph)", [peer, instance, "1"], arguments.runs),
        ("NetworkX single_source_dijkstra_path_length",
         [sys.executable, os.path.join(HERE, "networkx-dijkstra.py"), instance, "1"], arguments.networkx_runs),
    ]
    with open(instance) as lines:
        for line in lines:
            if line.startswith("p "):
                print(f"instance {os.path.relpath(instance, ROOT)}: {line.split()[2]} nodes, {line.split()[3]} arcs")
                break
    rows, answers, ours = [], set(), None
    for name, command, runs in programs:
        seconds, found = timed(command, runs)
        answers |= found
        best, median = min(seconds), statistics.median(seconds)
        ours = ours or median
        rows.append((name, runs, best, median, median / ours))
    if len(answers) != 1:
        sys.exit(f"the programs disagree: {sorted(answers)}")
    reached, total = answers.pop()
    print(f"answer (all agree): reached {reached}, distance sum {total}\n")
    print(f"{'program':46} {'runs':>4} {'min s':>8} {'median s':>9} {'× corridor':>11}")
    for name, runs, best, median, ratio in rows:
        print(f"{name:46} {runs:>4} {best:>8.3f} {median:>9.3f} {ratio:>11.1f}")


main()
