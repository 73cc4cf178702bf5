#!/usr/bin/env python3
"""Writes a corridor-like network (corridor-network/1 or /2 JSON) for timing `corridor allocate`.

Shape: origins in the east (China), destinations in the west (Europe), a handful of capacitated
border crossings between them, and each side a k-nearest-neighbour rail graph of junctions.
Costs and hours grow with distance; about a third of the links and a tenth of the junctions have
capacities, every crossing does. Seeded: the same arguments give the same file.

--commodities 2 writes a two-commodity, two-direction network in format corridor-network/2
instead (with 1, the default, the file is the /1 one above, byte for byte):

- commodities `containers` (TEU, 82 a train, 2 a truck, value of time 0.5, unserved 20,000) and
  `bulk` (t, 3,500 a train, 25 a truck, value of time 0.01, unserved 400);
- terminals on both sides (`o*` in the east, `d*` in the west); a few of each side accept
  containers only (`accepts`), and bulk demands never start or end there;
- capacities in trains a day: every rail crossing 10-40 trains, half of them also a TEU limit
  (50-90 % of what the trains could carry, so it binds containers); a tenth of the junctions and
  a third of the other links 6-40 trains (a quarter of those links also such a TEU limit);
- the links touching a crossing are bidirectional, with a different `reverseCapacity` in trains;
  so are those touching a terminal, and half of the others, as in /1; then one-way links are
  made two-way, a few, until every node of a side reaches and is reached from the crossings;
- bulk has its own terms (`perCommodity`): cost per tonne a twelfth of the cost per TEU and 20 %
  more hours on every link whose ends take bulk, its own handling cost and dwell at crossings
  (gauge-change transshipment) and handling cost at capacitated junctions;
- one road crossing `r0`, capacity {"vehicles": 650}, joined to the two nearest bulk-taking
  nodes of each side by bidirectional `road` links with vehicle limits both ways;
- demands in both directions: two thirds westbound (o* -> d*), one third eastbound (d* -> o*),
  about a third of them bulk (200-5,000 t, steps of 50) and the rest containers (5-60 TEU),
  each origin-destination-commodity at most once, so small sizes can give fewer than asked.
  There are as many terminals as in /1 up to about 1,850 demands; beyond, enough for them
  (20,000 nodes and 3,000 demands: 50 eastern and 66 western terminals).

Nearest neighbours come from a grid of cells (exactly the order a full sort by distance gives,
ties in the nodes' order), so 20,000 nodes take seconds, not the quadratic sort's minutes.

usage: generate.py NODES LINKS DEMANDS [--seed S] [--crossings C] [--commodities 1|2] > network.json
"""
import argparse
import json
import math
import random
import sys

COMMODITIES = [
    {"id": "containers", "name": "Containers", "unit": "TEU", "valueOfTimePerHour": 0.5,
     "unservedPenalty": 20000, "perTrain": 82, "perVehicle": 2},
    {"id": "bulk", "name": "Bulk", "unit": "t", "valueOfTimePerHour": 0.01,
     "unservedPenalty": 400, "perTrain": 3500, "perVehicle": 25},
]
BULK_COST_SHARE = 1 / 12   # cost per tonne against cost per TEU on the same link
BULK_HOURS_FACTOR = 1.2    # bulk trains are slower


def nearest_first(side, distance, k):
    """For each node of `side` (by id), the `k` other nodes of `side` nearest to it, nearest first.

    The same lists as `sorted((m for m in side if m is not n), key=lambda m: distance(n, m))[:k]`
    — distances compared exactly as computed, ties in `side`'s order — but found in a grid of cells
    instead of sorting the whole side for every node. A cell's side is in kilometres of a metric
    that never exceeds `distance` (longitude shrunk by the cosine of the largest latitude), so a
    node c rings of cells away is at least (c - 1) cells' width away, and the search stops once the
    k-th nearest found is nearer than that.
    """
    k = min(k, len(side) - 1)
    if k <= 0:
        return {n["id"]: [] for n in side}
    shrink = math.cos(math.radians(max(abs(n["lat"]) for n in side)))
    xs = [6371 * math.radians(n["lon"]) * shrink for n in side]
    ys = [6371 * math.radians(n["lat"]) for n in side]
    area = max(max(xs) - min(xs), 1.0) * max(max(ys) - min(ys), 1.0)
    size = math.sqrt(area * 2 / len(side))  # about two nodes a cell
    cell_of = [(math.floor(x / size), math.floor(y / size)) for x, y in zip(xs, ys)]
    cells = {}
    for position, cell in enumerate(cell_of):
        cells.setdefault(cell, []).append(position)
    low_i = min(i for i, _ in cells)
    high_i = max(i for i, _ in cells)
    low_j = min(j for _, j in cells)
    high_j = max(j for _, j in cells)

    result = {}
    for position, n in enumerate(side):
        ci, cj = cell_of[position]
        last_ring = max(ci - low_i, high_i - ci, cj - low_j, high_j - cj)
        found = []
        ring = 0
        while True:
            if ring == 0:
                ring_cells = [(ci, cj)]
            else:
                ring_cells = [(i, j) for i in range(ci - ring, ci + ring + 1)
                              for j in (cj - ring, cj + ring)]
                ring_cells += [(i, j) for i in (ci - ring, ci + ring)
                               for j in range(cj - ring + 1, cj + ring)]
            for cell in ring_cells:
                for other in cells.get(cell, ()):
                    if other != position:
                        found.append((distance(n, side[other]), other))
            if ring >= last_ring:
                break
            # Every node not yet seen is more than `ring` cells away in either coordinate.
            if len(found) >= k:
                found.sort()
                if found[k - 1][0] < ring * size * (1 - 1e-9):
                    break
            ring += 1
        found.sort()
        result[n["id"]] = [side[other] for _, other in found[:k]]
    return result


def make_two_way_reachable(members, root, links):
    """Makes one-way links among `members` (node ids) bidirectional, the first in `links`' order
    each time, until every member can be reached from `root` and can reach it along links among
    members. Returns how many links it changed."""
    inside = set(members)
    among = [link for link in links if link["from"] in inside and link["to"] in inside]
    changed = 0
    for backward in (False, True):
        while True:
            arcs = {}
            for link in among:
                tail, head = (link["to"], link["from"]) if backward else (link["from"], link["to"])
                arcs.setdefault(tail, []).append(head)
                if link.get("bidirectional"):
                    arcs.setdefault(head, []).append(tail)
            reached = {root}
            stack = [root]
            while stack:
                for other in arcs.get(stack.pop(), ()):
                    if other not in reached:
                        reached.add(other)
                        stack.append(other)
            if len(reached) == len(inside):
                break
            # A one-way line from outside into the reached part, turned two-way, reaches one more.
            # (Backward, arcs are reversed: a line from the reached part out lets one more reach it.)
            opened = next((link for link in among if not link.get("bidirectional")
                           and (link["from"] in reached) == backward and (link["to"] in reached) != backward),
                          None)
            if opened is None:
                break  # not connected at all, even as an undirected graph
            opened["bidirectional"] = True
            changed += 1
    return changed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int)
    parser.add_argument("links", type=int)
    parser.add_argument("demands", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crossings", type=int, default=6)
    parser.add_argument("--commodities", type=int, choices=(1, 2), default=1,
                        help="2: containers and bulk, both directions, format /2 (see above)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    two = args.commodities == 2

    if two:
        # As many terminals as /1 up to about 1,850 demands; beyond, enough pairs for them.
        origin_count = max(2, min(args.nodes // 60, max(30, args.demands // 60)))
        destination_count = max(2, min(args.nodes // 45, max(40, args.demands // 45)))
    else:
        origin_count = max(2, min(30, args.nodes // 60))
        destination_count = max(2, min(40, args.nodes // 45))
    crossing_count = args.crossings
    road_count = 1 if two else 0
    junction_count = args.nodes - origin_count - destination_count - crossing_count - road_count
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

    def container_limit(trains):
        # A TEU limit below what the trains could carry (50-90 %, in tens), so that it binds.
        return int(round(trains * 82 * rng.uniform(0.5, 0.9), -1))

    def crossing_terms():
        # Rail crossing, format /2: trains a day, some also TEU; bulk transshipment of its own.
        capacity = {"trains": rng.randint(10, 40)}
        if rng.random() < 0.5:
            capacity["TEU"] = container_limit(capacity["trains"])
        return {"capacity": capacity, "handlingCost": float(rng.randint(30, 80)),
                "dwellHours": float(rng.randint(8, 30)),
                "perCommodity": {"bulk": {"handlingCost": float(rng.randint(3, 9)),
                                          "dwellHours": float(rng.randint(16, 48))}}}

    east = [add("o", i, "terminal", (100, 120), (25, 42)) for i in range(origin_count)]
    east += [add("e", i, "junction", (80, 120), (25, 48)) for i in range(east_junctions)]
    if two:
        crossings = [add("x", i, "crossing", (79, 83), (42, 48), **crossing_terms())
                     for i in range(crossing_count)]
        road = add("r", 0, "crossing", (79, 83), (42, 48), name="Road crossing",
                   capacity={"vehicles": 650}, handlingCost=40.0, dwellHours=6.0,
                   perCommodity={"bulk": {"handlingCost": 4.0, "dwellHours": 10.0}})
    else:
        crossings = [add("x", i, "crossing", (79, 83), (42, 48), capacity=float(rng.randint(150, 600)),
                         handlingCost=float(rng.randint(30, 80)), dwellHours=float(rng.randint(8, 30)))
                     for i in range(crossing_count)]
    west = [add("d", i, "terminal", (-5, 30), (40, 58)) for i in range(destination_count)]
    west += [add("w", i, "junction", (-5, 78), (38, 58)) for i in range(junction_count - east_junctions)]
    for node in east + west:
        if node["kind"] == "junction" and rng.random() < 0.1:
            if two:
                node["capacity"] = {"trains": rng.randint(6, 40)}
                node["handlingCost"] = float(rng.randint(0, 20))
                if node["handlingCost"] > 0:
                    bulk_handling = round(node["handlingCost"] * BULK_COST_SHARE, 2)
                    node["perCommodity"] = {"bulk": {"handlingCost": bulk_handling}}
            else:
                node["capacity"] = float(rng.randint(200, 1500))
                node["handlingCost"] = float(rng.randint(0, 20))
    if two:
        # A few container-only terminals on each side; each side keeps terminals that take bulk.
        for side in (east, west):
            terminals = [n for n in side if n["kind"] == "terminal"]
            for node in rng.sample(terminals, max(1, len(terminals) // 8)):
                node["accepts"] = ["containers"]

    nodes_by_id = {n["id"]: n for n in nodes}

    def takes_bulk(node):
        return "accepts" not in node

    def distance(a, b):
        # Equirectangular approximation in km: enough for costs.
        x = math.radians(b["lon"] - a["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
        y = math.radians(b["lat"] - a["lat"])
        return 6371 * math.hypot(x, y)

    links = []
    seen = set()

    def connect(a, b, touches_crossing=False, mode="rail"):
        key = (a["id"], b["id"])
        if a is b or key in seen or (key[1], key[0]) in seen:
            return False
        seen.add(key)
        km = max(1.0, distance(a, b))
        if mode == "road":
            link = {"id": f"l{len(links)}", "from": a["id"], "to": b["id"], "mode": "road",
                    "lengthKm": round(km, 1), "hours": round(km / 50 + rng.uniform(2, 8), 2),
                    "cost": round(km * rng.uniform(0.8, 1.2) + 60, 2)}
        else:
            link = {"id": f"l{len(links)}", "from": a["id"], "to": b["id"], "mode": "rail",
                    "lengthKm": round(km, 1), "hours": round(km / 45 + rng.uniform(0, 4), 2),
                    "cost": round(km * rng.uniform(0.18, 0.3), 2)}
        if not two:
            if rng.random() < 0.33:
                link["capacity"] = float(rng.randint(100, 1200))
            if rng.random() < 0.5:
                link["bidirectional"] = True
        elif touches_crossing:
            # Both directions, each its own limit: trains on rail, trucks on road.
            measure, low, high = ("vehicles", 300, 650) if mode == "road" else ("trains", 8, 40)
            forward = rng.randint(low, high)
            backward = rng.randint(low, high - 1)
            backward += backward >= forward  # never the forward figure
            link["capacity"] = {measure: forward}
            link["bidirectional"] = True
            link["reverseCapacity"] = {measure: backward}
        else:
            if rng.random() < 0.33:
                link["capacity"] = {"trains": rng.randint(6, 40)}
                if rng.random() < 0.25:
                    link["capacity"]["TEU"] = container_limit(link["capacity"]["trains"])
            # Half the lines both ways, as in /1, and every line at a terminal: both directions
            # start and end at terminals.
            if rng.random() < 0.5 or a["kind"] == "terminal" or b["kind"] == "terminal":
                link["bidirectional"] = True
        if two and takes_bulk(a) and takes_bulk(b):
            link["perCommodity"] = {"bulk": {"cost": round(link["cost"] * BULK_COST_SHARE, 2),
                                             "hours": round(link["hours"] * BULK_HOURS_FACTOR, 2)}}
        links.append(link)
        return True

    for crossing in crossings:
        for side in (east, west):
            for other in sorted(side, key=lambda n: distance(crossing, n))[:3]:
                if side is east:
                    connect(other, crossing, touches_crossing=True)
                else:
                    connect(crossing, other, touches_crossing=True)
    if two:
        for side in (east, west):
            ends = sorted((n for n in side if takes_bulk(n)), key=lambda n: distance(road, n))[:2]
            for other in ends:
                if side is east:
                    connect(other, road, touches_crossing=True, mode="road")
                else:
                    connect(road, other, touches_crossing=True, mode="road")
    # Every side node joins its nearest neighbours until the link budget is spent, nearest first,
    # so the graph stays connected and local like a rail network.
    budget = args.links - len(links)
    for side in (east, west):
        share = budget * len(side) // (len(east) + len(west))
        neighbours = {}
        known = 0  # how many nearest neighbours `neighbours` holds for every node
        rank = 0
        added = 0
        while added < share and rank < len(side) - 1:
            if rank >= known:
                known = min(len(side) - 1, max(8, 2 * known))
                neighbours = nearest_first(side, distance, known)
            for n in side:
                if added >= share:
                    break
                m = neighbours[n["id"]][rank]
                a, b = (n, m) if n["lon"] >= m["lon"] else (m, n)  # westbound by default
                if connect(a, b):
                    added += 1
            rank += 1

    if two:
        # Eastbound freight needs lines both ways: within each side, open one-way lines in both
        # directions until every node reaches, and is reached from, a node next to a crossing —
        # first among the nodes that take bulk, then all.
        for side in (east, west):
            ids = {n["id"] for n in side}
            # The first links join the crossings: the first end on this side that takes bulk.
            gateway = next(end for link in links for end in (link["from"], link["to"])
                           if end in ids and takes_bulk(nodes_by_id[end]))
            make_two_way_reachable([n["id"] for n in side if takes_bulk(n)], gateway, links)
            make_two_way_reachable([n["id"] for n in side], gateway, links)

        east_terminals = [n for n in east if n["kind"] == "terminal"]
        west_terminals = [n for n in west if n["kind"] == "terminal"]
        westbound = round(args.demands * 2 / 3)
        chosen = []
        for count, origins, destinations in ((westbound, east_terminals, west_terminals),
                                             (args.demands - westbound, west_terminals, east_terminals)):
            containers = [(o, d, "containers") for o in origins for d in destinations]
            bulk = [(o, d, "bulk") for o in origins for d in destinations if takes_bulk(o) and takes_bulk(d)]
            rng.shuffle(containers)
            rng.shuffle(bulk)
            bulk_count = min(len(bulk), round(count / 3))
            container_count = min(len(containers), count - bulk_count)
            bulk_count = min(len(bulk), count - container_count)
            chosen += containers[:container_count] + bulk[:bulk_count]
        rng.shuffle(chosen)
        demands = [{"id": f"k{i}-{o['id']}-{d['id']}-{c}", "origin": o["id"], "destination": d["id"],
                    "commodity": c,
                    "quantity": float(rng.randint(5, 60) if c == "containers" else rng.randint(4, 100) * 50)}
                   for i, (o, d, c) in enumerate(chosen)]
        json.dump({"format": "corridor-network/2",
                   "name": f"generated two-commodity corridor {args.nodes}/{args.links}/{args.demands}"
                           f" seed {args.seed}",
                   "unit": "TEU", "period": "day", "currency": "USD", "valueOfTimePerHour": 0.5,
                   "unservedPenalty": 20000, "commodities": COMMODITIES, "nodes": nodes, "links": links,
                   "demands": demands, "scenarios": []}, fp=sys.stdout, indent=1)
        return

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
               "scenarios": []}, fp=sys.stdout, indent=1)


if __name__ == "__main__":
    main()
