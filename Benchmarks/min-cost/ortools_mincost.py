#!/usr/bin/env python3
"""Peer for the min-cost flow benchmark: OR-Tools SimpleMinCostFlow (cost scaling push-relabel in
C++) on a DIMACS `p min` file. Lower bounds are shifted into the supplies as usual. Reading is done
with NumPy, so most of the whole-process time beyond the solve is Python parsing.

Usage: ortools_mincost.py FILE.min — prints the status and minimum total cost.
"""
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ortools_mincost.py FILE.min")
    start = time.perf_counter()
    nodes = 0
    supply_lines = []
    arc_lines = []
    with open(sys.argv[1], "rb") as handle:
        for line in handle:
            kind = line[:1]
            if kind == b"a":
                arc_lines.append(line[1:])
            elif kind == b"n":
                supply_lines.append(line[1:])
            elif kind == b"p":
                nodes = int(line.split()[2])
    arcs = np.array(b" ".join(arc_lines).split(), dtype=np.int64).reshape(-1, 5)
    supplies = np.zeros(nodes, dtype=np.int64)
    for line in supply_lines:
        node, amount = line.split()
        supplies[int(node) - 1] += int(amount)
    tails, heads, low, cap, cost = (arcs[:, i] for i in range(5))
    tails = tails - 1
    heads = heads - 1
    np.subtract.at(supplies, tails, low)
    np.add.at(supplies, heads, low)
    read = time.perf_counter()

    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, cap - low, cost)
    solver.set_nodes_supplies(np.arange(nodes), supplies)
    status = solver.solve()
    solved = time.perf_counter()
    if status != solver.OPTIMAL:
        print(f"not-optimal status {status}")
        sys.exit(1)
    total = solver.optimal_cost() + int((low * cost).sum())
    print(f"optimal cost {total} read {read - start:.3f} s solve {solved - read:.3f} s")


if __name__ == "__main__":
    main()
