#!/usr/bin/env python3
"""Writes a corridor-like network (corridor-network/1 JSON) for timing `corridor allocate`.

Shape: origins in the east (China), destinations in the west (Europe), a handful of capacitated
border crossings between them, and each side a k-nearest-neighbour rail graph of junctions.
Costs and hours grow with distance; about a third of the links and a tenth of the junctions have
capacities, every crossing does. Seeded: the same arguments give the same file.

usage: generate.py NODES LINKS DEMANDS [--seed S] [--crossings C] > network.json
"""
import argparse
import json
import math
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int)
    parser.add_argument("links", type=int)
    parser.add_argument("demands", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crossings", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    origin_count = max(2, min(30, args.nodes // 60))
    destination_count = max(2, min(40, args.nodes // 45))
    crossing_count = args.crossings
    junction_count = args.nodes - origin_count - destination_count - crossing_count
    if junction_count < 4:
        raise SystemExit("too few nodes for the requested shape")
    east_junctions = junction_count * 3 // 10

    nodes = []

    def add(prefix, index, kind, lon_range, lat_range, **extra):
        node = {"id": f"{prefix}{index}", "name": f"{prefix.upper()} {index}", "kind": kind,
                "lat": round(rng.uniform(*lat_range), 4), "lon": round(rng.uniform(*lon_range), 4)}
        node.update(extra)
        nodes.append(node)
        return node

    east = [add("o", i, "terminal", (100, 120), (25, 42)) for i in range(origin_count)]
    east += [add("e", i, "junction", (80, 120), (25, 48)) for i in range(east_junctions)]
    crossings = [add("x", i, "crossing", (79, 83), (42, 48), capacity=float(rng.randint(150, 600)),
                     handlingCost=float(rng.randint(30, 80)), dwellHours=float(rng.randint(8, 30)))
                 for i in range(crossing_count)]
    west = [add("d", i, "terminal", (-5, 30), (40, 58)) for i in range(destination_count)]
    west += [add("w", i, "junction", (-5, 78), (38, 58)) for i in range(junction_count - east_junctions)]
    for node in east + west:
        if node["kind"] == "junction" and rng.random() < 0.1:
            node["capacity"] = float(rng.randint(200, 1500))
            node["handlingCost"] = float(rng.randint(0, 20))

    def distance(a, b):
        # Equirectangular approximation in km: enough for costs.
        x = math.radians(b["lon"] - a["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
        y = math.radians(b["lat"] - a["lat"])
        return 6371 * math.hypot(x, y)

    links = []
    seen = set()

    def connect(a, b):
        key = (a["id"], b["id"])
        if a is b or key in seen or (key[1], key[0]) in seen:
            return False
        seen.add(key)
        km = max(1.0, distance(a, b))
        link = {"id": f"l{len(links)}", "from": a["id"], "to": b["id"], "mode": "rail",
                "lengthKm": round(km, 1), "hours": round(km / 45 + rng.uniform(0, 4), 2),
                "cost": round(km * rng.uniform(0.18, 0.3), 2)}
        if rng.random() < 0.33:
            link["capacity"] = float(rng.randint(100, 1200))
        if rng.random() < 0.5:
            link["bidirectional"] = True
        links.append(link)
        return True

    for crossing in crossings:
        for side in (east, west):
            for other in sorted(side, key=lambda n: distance(crossing, n))[:3]:
                if side is east:
                    connect(other, crossing)
                else:
                    connect(crossing, other)
    # Every side node joins its nearest neighbours until the link budget is spent, nearest first,
    # so the graph stays connected and local like a rail network.
    budget = args.links - len(links)
    for side in (east, west):
        share = budget * len(side) // (len(east) + len(west))
        neighbours = {n["id"]: sorted((m for m in side if m is not n), key=lambda m: distance(n, m))
                      for n in side}
        rank = 0
        added = 0
        while added < share and rank < len(side) - 1:
            for n in side:
                if added >= share:
                    break
                m = neighbours[n["id"]][rank]
                a, b = (n, m) if n["lon"] >= m["lon"] else (m, n)  # westbound by default
                if connect(a, b):
                    added += 1
            rank += 1

    origins = [n for n in nodes if n["id"].startswith("o")]
    destinations = [n for n in nodes if n["id"].startswith("d")]
    pairs = [(o, d) for o in origins for d in destinations]
    rng.shuffle(pairs)
    demands = [{"id": f"k{i}-{o['id']}-{d['id']}", "origin": o["id"], "destination": d["id"],
                "quantity": float(rng.randint(5, 60))}
               for i, (o, d) in enumerate(pairs[:args.demands])]

    json.dump({"format": "corridor-network/1",
               "name": f"generated corridor {args.nodes}/{args.links}/{args.demands} seed {args.seed}",
               "unit": "TEU", "period": "day", "currency": "USD", "valueOfTimePerHour": 0.5,
               "unservedPenalty": 20000, "nodes": nodes, "links": links, "demands": demands,
               "scenarios": []}, fp=__import__("sys").stdout, indent=1)


if __name__ == "__main__":
    main()
