#!/usr/bin/env python3
"""Dense transportation instances for corridor's min-cost flow benchmark (DIMACS `p min`).

S sources and T sinks, an uncapacitated arc from every source to every sink (S·T arcs). Sources
and sinks get random points in a 1000×1000 square; an arc's cost is the rounded Euclidean distance
plus a random surcharge, so costs are correlated as in real shipping rather than uniform noise.
Supplies and demands are random positive integers with equal totals.

Usage: transport.py SOURCES SINKS [--supply TOTAL] [--seed N] > FILE.min
"""
import argparse
import math
import random
import sys

from netgen import split


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=int)
    parser.add_argument("sinks", type=int)
    parser.add_argument("--supply", type=int, default=0, help="total supply (default 100 per node)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    s, t = args.sources, args.sinks
    total = args.supply or 100 * max(s, t)
    rng = random.Random(args.seed)
    out = sys.stdout
    out.write(f"c dense transportation instance: transport.py {' '.join(sys.argv[1:])}\n")
    out.write(f"p min {s + t} {s * t}\n")
    for node, amount in enumerate(split(total, s, rng), start=1):
        out.write(f"n {node} {amount}\n")
    for node, amount in enumerate(split(total, t, rng), start=s + 1):
        out.write(f"n {node} {-amount}\n")
    source_points = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(s)]
    sink_points = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(t)]
    randint = rng.randint
    for i, (x, y) in enumerate(source_points, start=1):
        lines = [
            f"a {i} {j} 0 {total} {round(math.hypot(x - u, y - v)) + randint(0, 100)}\n"
            for j, (u, v) in enumerate(sink_points, start=s + 1)
        ]
        out.writelines(lines)


if __name__ == "__main__":
    main()
