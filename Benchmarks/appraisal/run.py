#!/usr/bin/env python3
"""The appraisal's speed targets on the bundled network, whole process, release build, in one run:
an exact sweep of one capacity over its whole range against one cold allocation, and `invest` with the
bundled candidates. Prints the median of --runs runs of each and the ratios.

Usage: python3 Benchmarks/appraisal/run.py [--runs N] [--corridor .build/release/corridor]
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parents[2]
parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--corridor", default=str(root / ".build/release/corridor"))
args = parser.parse_args()

def timed(arguments):
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = subprocess.run([args.corridor, *arguments], cwd=root, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"corridor {' '.join(arguments)} failed: {result.stderr}")
    return statistics.median(times), result.stdout

cases = [
    ("one cold allocate (baseline)", ["allocate", "--format", "json"]),
    ("one cold allocate (growth-2030)", ["allocate", "--scenario", "growth-2030", "--format", "json"]),
    ("exact sweep: alashankou TEU 0..3000", ["sweep", "--capacity", "alashankou", "--measure", "TEU", "--min", "0", "--max", "3000", "--steps", "1", "--format", "json"]),
    ("exact sweep: dostyk t 0..200000 (growth-2030)", ["sweep", "--scenario", "growth-2030", "--capacity", "dostyk", "--measure", "t", "--min", "0", "--max", "200000", "--steps", "1", "--format", "json"]),
    ("invest: 8 candidates, 3 years", ["invest", "--format", "json"]),
]
results = {}
for name, arguments in cases:
    seconds, output = timed(arguments)
    results[name] = seconds
    extra = ""
    if arguments[0] == "sweep":
        import json
        extra = f"  ({len(json.loads(output)['breakpoints'])} breakpoints)"
    print(f"{name:48s} {seconds:8.3f} s{extra}")
cold = results["one cold allocate (baseline)"]
print(f"exact sweep / cold allocate: {results['exact sweep: alashankou TEU 0..3000'] / cold:.2f}× (target ≤ 5×)")
print(f"exact sweep (2030) / cold allocate (2030): "
      f"{results['exact sweep: dostyk t 0..200000 (growth-2030)'] / results['one cold allocate (growth-2030)']:.2f}× (target ≤ 5×)")
print(f"invest: {results['invest: 8 candidates, 3 years']:.2f} s (target ≤ 30 s)")
