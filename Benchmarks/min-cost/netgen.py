#!/usr/bin/env python3
"""NETGEN-style min-cost flow instances (after Klingman, Napier & Stutz, "NETGEN: a program for
generating large scale capacitated assignment, transportation, and minimum cost flow network
problems", Management Science 20 (1974)), written for corridor's benchmark; DIMACS `p min` output.

Nodes 1..S are sources, the last T nodes are sinks, the rest transshipment nodes. The total supply
is split at random among the sources and the demand among the sinks. A skeleton guarantees
feasibility: the transshipment nodes are dealt to the sources, each source threads a chain through
its share and the chain's end feeds every sink; skeleton arcs are uncapacitated and a share of them
gets the maximum cost, so cheap routes must be found among the random arcs. The remaining arcs join
random distinct nodes with costs and capacities drawn uniformly from the given ranges.

Usage: netgen.py NODES ARCS --sources S --sinks T --supply TOTAL [--cost LO HI] [--capacity LO HI]
                 [--capacitated PERCENT] [--high-cost PERCENT] [--seed N] > FILE.min
"""
import argparse
import random
import sys


def split(total, parts, rng):
    """`total` split into `parts` positive integers at random."""
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    bounds = [0] + cuts + [total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nodes", type=int)
    parser.add_argument("arcs", type=int)
    parser.add_argument("--sources", type=int, required=True)
    parser.add_argument("--sinks", type=int, required=True)
    parser.add_argument("--supply", type=int, required=True)
    parser.add_argument("--cost", type=int, nargs=2, default=(1, 10000))
    parser.add_argument("--capacity", type=int, nargs=2, default=(1, 1000))
    parser.add_argument("--capacitated", type=float, default=100.0, help="percent of random arcs with a capacity")
    parser.add_argument("--high-cost", type=float, default=30.0, help="percent of skeleton arcs at the maximum cost")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    n, m, sources, sinks = args.nodes, args.arcs, args.sources, args.sinks
    if sources + sinks > n or sources < 1 or sinks < 1 or args.supply < max(sources, sinks):
        sys.exit("netgen.py: need 1 <= sources, sinks; sources + sinks <= nodes; supply >= sources, sinks")
    rng = random.Random(args.seed)
    low_cost, high_cost = args.cost
    low_cap, high_cap = args.capacity
    uncapacitated = args.supply

    transshipment = list(range(sources + 1, n - sinks + 1))
    rng.shuffle(transshipment)
    sink_ids = list(range(n - sinks + 1, n + 1))
    arcs = []
    for source in range(1, sources + 1):
        share = transshipment[source - 1::sources]
        chain = [source] + share
        for tail, head in zip(chain, chain[1:]):
            arcs.append((tail, head))
        for sink in sink_ids:
            arcs.append((chain[-1], sink))
    skeleton = len(arcs)
    if skeleton > m:
        sys.exit(f"netgen.py: the skeleton alone needs {skeleton} arcs; ask for more arcs or fewer sources/sinks")

    out = sys.stdout
    out.write(f"c NETGEN-style instance: netgen.py {' '.join(sys.argv[1:])}\n")
    out.write(f"p min {n} {m}\n")
    for node, amount in enumerate(split(args.supply, sources, rng), start=1):
        out.write(f"n {node} {amount}\n")
    for sink, amount in zip(sink_ids, split(args.supply, sinks, rng)):
        out.write(f"n {sink} {-amount}\n")
    lines = []
    high = args.high_cost / 100.0
    for tail, head in arcs:
        cost = high_cost if rng.random() < high else rng.randint(low_cost, high_cost)
        lines.append(f"a {tail} {head} 0 {uncapacitated} {cost}\n")
    capacitated = args.capacitated / 100.0
    randint = rng.randint
    for _ in range(m - skeleton):
        tail = randint(1, n)
        head = randint(1, n - 1)
        if head >= tail:
            head += 1
        capacity = randint(low_cap, high_cap) if rng.random() < capacitated else uncapacitated
        lines.append(f"a {tail} {head} 0 {capacity} {randint(low_cost, high_cost)}\n")
        if len(lines) >= 100000:
            out.writelines(lines)
            lines.clear()
    out.writelines(lines)


if __name__ == "__main__":
    main()
