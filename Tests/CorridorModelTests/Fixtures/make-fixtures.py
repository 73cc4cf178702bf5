# Generates the one-fault fixtures from a small base network (kept in the repository as the record
# of how they were made: scripts are not needed to run the tests).
import copy, json, os, sys
out = sys.argv[1]
base = {
  "format": "corridor-network/1", "name": "Fixture corridor", "unit": "TEU", "period": "day", "currency": "USD",
  "nodes": [
    {"id": "xian", "kind": "terminal", "country": "CN", "lat": 34.41, "lon": 109.06},
    {"id": "urumqi", "kind": "junction", "country": "CN"},
    {"id": "dostyk", "name": "Dostyk–Alashankou", "kind": "crossing", "country": "KZ", "capacity": 100, "handlingCost": 60, "dwellHours": 20},
    {"id": "khorgos", "kind": "crossing", "country": "KZ", "capacity": 60},
    {"id": "duisburg", "kind": "terminal", "country": "DE"}
  ],
  "links": [
    {"id": "xian-urumqi", "from": "xian", "to": "urumqi", "mode": "rail", "lengthKm": 2565, "hours": 50, "cost": 300},
    {"id": "urumqi-dostyk", "from": "urumqi", "to": "dostyk", "mode": "rail", "cost": 100},
    {"id": "urumqi-khorgos", "from": "urumqi", "to": "khorgos", "mode": "rail", "cost": 80, "bidirectional": True},
    {"id": "dostyk-duisburg", "from": "dostyk", "to": "duisburg", "mode": "rail", "cost": 1500},
    {"id": "khorgos-duisburg", "from": "khorgos", "to": "duisburg", "mode": "rail", "cost": 1600}
  ],
  "demands": [
    {"id": "xian-duisburg", "origin": "xian", "destination": "duisburg", "quantity": 120}
  ],
  "scenarios": [
    {"id": "dostyk-outage", "disable": ["dostyk"]},
    {"id": "khorgos-bigger", "capacity": {"khorgos": 120}, "cost": {"khorgos-duisburg": 1400}, "demand": {"xian-duisburg": 150}}
  ]
}

def dump(doc):
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(f'  {json.dumps(k)}: [')
            for j, e in enumerate(v):
                lines.append("    " + json.dumps(e, ensure_ascii=False) + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"

def fixture(name, change):
    doc = copy.deepcopy(base)
    change(doc)
    open(os.path.join(out, "invalid", name + ".json"), "w").write(dump(doc))

def setter(path, value):
    def change(doc):
        target = doc
        for p in path[:-1]: target = target[p]
        target[path[-1]] = value
    return change

def deleter(path):
    def change(doc):
        target = doc
        for p in path[:-1]: target = target[p]
        del target[path[-1]]
    return change

open(os.path.join(out, "valid", "fixture-base.json"), "w").write(dump(base))
fixture("wrong-type-capacity", setter(["nodes", 3, "capacity"], "60"))
fixture("wrong-type-bidirectional", setter(["links", 2, "bidirectional"], "yes"))
fixture("null-capacity", setter(["nodes", 3, "capacity"], None))
fixture("nodes-not-array", setter(["nodes"], {"xian": {}}))
fixture("node-not-object", setter(["nodes", 1], "urumqi"))
fixture("missing-kind", deleter(["nodes", 1, "kind"]))
fixture("missing-name", deleter(["name"]))
fixture("missing-quantity", deleter(["demands", 0, "quantity"]))
fixture("unknown-key-suggested", setter(["nodes", 2, "capacty"], 100))
fixture("unknown-key-listed", setter(["links", 0, "colour"], "red"))
fixture("unknown-top-level-key", lambda d: d.update({"demand": d.pop("demands")}))
fixture("meta-not-object", setter(["nodes", 0, "meta"], "source: invented"))
fixture("unknown-kind-suggested", setter(["nodes", 2, "kind"], "crosing"))
fixture("unknown-kind-listed", setter(["nodes", 2, "kind"], "border"))
fixture("unknown-mode", setter(["links", 1, "mode"], "ral"))
fixture("unknown-status", setter(["links", 1, "status"], "planned"))
fixture("duplicate-node-id", setter(["nodes", 3, "id"], "dostyk"))
fixture("duplicate-id-across-kinds", setter(["scenarios", 0, "id"], "xian-urumqi"))
fixture("unknown-link-end", setter(["links", 3, "from"], "dostik"))
fixture("link-end-is-a-link", setter(["links", 3, "to"], "xian-urumqi"))
fixture("link-self-loop", setter(["links", 1, "to"], "urumqi"))
fixture("unknown-demand-origin", setter(["demands", 0, "origin"], "xain"))
fixture("demand-same-ends", setter(["demands", 0, "destination"], "xian"))
fixture("scenario-enable-unknown", setter(["scenarios", 0, "enable"], ["khorgoss"]))
fixture("scenario-disable-demand", setter(["scenarios", 0, "disable"], ["xian-duisburg"]))
fixture("scenario-capacity-unknown", setter(["scenarios", 1, "capacity"], {"khorgas": 120}))
fixture("scenario-capacity-not-number", setter(["scenarios", 1, "capacity"], {"khorgos": "120"}))
fixture("scenario-cost-on-node", setter(["scenarios", 1, "cost"], {"khorgos": 1400}))
fixture("scenario-demand-unknown", setter(["scenarios", 1, "demand"], {"xian-duisberg": 150}))
fixture("scenario-demand-null", setter(["scenarios", 1, "demand"], {"xian-duisburg": None}))
fixture("scenario-baseline-reserved", setter(["scenarios", 0, "id"], "baseline"))
fixture("scenario-negative-scale", setter(["scenarios", 1, "demandScale"], -1.5))
fixture("negative-cost", setter(["links", 1, "cost"], -100))
fixture("huge-capacity", setter(["nodes", 2, "capacity"], 1e16))
fixture("latitude-out-of-range", setter(["nodes", 0, "lat"], 134.41))
fixture("longitude-out-of-range", setter(["nodes", 0, "lon"], -190))
fixture("latitude-without-longitude", deleter(["nodes", 0, "lon"]))
fixture("country-lowercase", setter(["nodes", 4, "country"], "de"))
fixture("country-name", setter(["nodes", 4, "country"], "Germany"))
fixture("format-wrong-version", setter(["format"], "corridor-network/3"))
fixture("format-missing", deleter(["format"]))
fixture("empty-name", setter(["name"], "  "))
fixture("empty-id", setter(["nodes", 1, "id"], ""))
fixture("id-too-long", setter(["demands", 0, "id"], "x" * 201))
fixture("id-control-character", setter(["links", 0, "id"], "xian\u0007urumqi"))


def many(d):
    d["format"] = "corridor-network/0"
    d["nodes"][1]["kind"] = "junktion"
    d["nodes"][2]["capacity"] = -100
    d["nodes"][3]["id"] = "dostyk"
    d["links"][1]["to"] = "dostik"
    d["links"][2]["lenghtKm"] = 744
    d["demands"][0]["destination"] = "xian"
    d["scenarios"][0]["disable"] = ["dostyk", "khorgos-duisberg"]
    d["scenarios"][1]["demandScale"] = "2"
fixture("many-faults", many)

# Limits of networks/FORMAT.md ("Limits") and text a terminal would act on.
fixture("quantity-over-limit", setter(["demands", 0, "quantity"], 2e9))
fixture("cost-over-limit", setter(["links", 3, "cost"], 1e10))
fixture("hours-over-limit", setter(["links", 0, "hours"], 1e6))
fixture("scaled-quantity-over-limit", setter(["scenarios", 1, "demandScale"], 1e7))
fixture("scenario-demand-over-limit", setter(["scenarios", 1, "demand", "xian-duisburg"], 5e9))
fixture("name-escape-sequence", setter(["nodes", 2, "name"], "Dostyk\u001b[31m"))

# Format /2 keys: refused in a /1 file, and a reverse direction only on a two-way link.
fixture("reverse-capacity-in-format-1", setter(["links", 2, "reverseCapacity"], 30))
fixture("scenario-dwell-in-format-1", setter(["scenarios", 0, "dwellHours"], {"khorgos": 30}))


def one_way_reverse(d):
    d["format"] = "corridor-network/2"
    d["links"][1]["reverseCapacity"] = 10
    d["scenarios"][1]["reverseCapacity"] = {"dostyk-duisburg": 5}
fixture("reverse-capacity-one-way", one_way_reverse)


def scenario_one_way_reverse(d):
    d["format"] = "corridor-network/2"
    d["scenarios"][1]["reverseCapacity"] = {"dostyk-duisburg": 5}
fixture("scenario-reverse-capacity-one-way", scenario_one_way_reverse)
