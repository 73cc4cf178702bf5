#!/usr/bin/env python3
"""OR-Tools SimpleMaxFlow on a DIMACS max-flow file: prints the value and the read and solve times."""
import sys
import time

import numpy as np
from ortools.graph.python import max_flow

from dimacs_max import read_dimacs_max

start = time.perf_counter()
n, source, sink, arcs = read_dimacs_max(sys.argv[1])
read = time.perf_counter()
solver = max_flow.SimpleMaxFlow()
solver.add_arcs_with_capacity(arcs[:, 0], arcs[:, 1], arcs[:, 2])
status = solver.solve(source, sink)
if status != solver.OPTIMAL:
    sys.exit(f"OR-Tools status {status}")
flows = solver.flows(np.arange(len(arcs)))
solved = time.perf_counter()
print(f"value {solver.optimal_flow()} read {read - start:.3f} solve {solved - read:.3f}")
