#!/usr/bin/env python3
"""python-igraph maxflow (flow and cut) on a DIMACS max-flow file: prints the value and the times."""
import sys
import time

import igraph

from dimacs_max import read_dimacs_max

start = time.perf_counter()
n, source, sink, arcs = read_dimacs_max(sys.argv[1])
read = time.perf_counter()
graph = igraph.Graph(n=n, edges=arcs[:, :2], directed=True)
flow = graph.maxflow(source, sink, capacity=arcs[:, 2].tolist())
solved = time.perf_counter()
print(f"value {int(flow.value)} read {read - start:.3f} solve {solved - read:.3f}")
