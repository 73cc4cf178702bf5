"""NetworkX peer for `corridor route FILE.gr --from S`: reads a DIMACS `p sp` file into a DiGraph
(keeping the shortest of parallel arcs, which does not change any distance), runs
single_source_dijkstra_path_length from S and prints reached nodes and the distance sum.

usage: python3 networkx-dijkstra.py FILE.gr SOURCE
"""
import sys
import time

import networkx as nx


def read_gr(path):
    graph = nx.DiGraph()
    with open(path) as lines:
        for line in lines:
            if line.startswith("a "):
                _, tail, head, length = line.split()
                tail, head, length = int(tail), int(head), int(length)
                known = graph.get_edge_data(tail, head)
                if known is None or length < known["weight"]:
                    graph.add_edge(tail, head, weight=length)
            elif line.startswith("p "):
                graph.add_nodes_from(range(1, int(line.split()[2]) + 1))
    return graph


def main():
    path, source = sys.argv[1], int(sys.argv[2])
    start = time.perf_counter()
    graph = read_gr(path)
    read_seconds = time.perf_counter() - start
    start = time.perf_counter()
    distances = nx.single_source_dijkstra_path_length(graph, source)
    solve_seconds = time.perf_counter() - start
    print(f"reached {len(distances)}\ndistanceSum {sum(distances.values())}")
    print(f"read {read_seconds:.3f} s\nsolve {solve_seconds:.3f} s")


main()
