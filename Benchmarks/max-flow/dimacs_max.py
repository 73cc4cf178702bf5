"""A fast reader of DIMACS max-flow files for the Python peers (numpy parses the arc lines in one call)."""
import numpy as np


def read_dimacs_max(path):
    """Returns (node count, source, sink, arcs) with 0-based nodes; arcs is an (m, 3) int64 array."""
    n = source = sink = None
    arc_text = []
    with open(path, "rb") as handle:
        for line in handle:
            tag = line[:1]
            if tag == b"a":
                arc_text.append(line[1:])
            elif tag == b"p":
                n = int(line.split()[2])
            elif tag == b"n":
                _, node, role = line.split()
                if role == b"s":
                    source = int(node) - 1
                else:
                    sink = int(node) - 1
    arcs = np.fromstring(b"".join(arc_text).decode(), dtype=np.int64, sep=" ").reshape(-1, 3)
    arcs[:, :2] -= 1
    return n, source, sink, arcs
