#!/usr/bin/env bash
# Times `corridor allocate` (release, whole process) on generated two-commodity, two-direction corridors:
# column generation (--method paths) against the arc formulation (--method arcs) and against HiGHS's
# simplex on the full model's MPS file (--write-mps), all on the same input in one run; checks that the
# three objectives agree.
#
# usage: Benchmarks/allocation/run-commodities.sh          (from the repository root)
#        SIZES="20000 60000 3000" ARCS=0 HIGHS=0 Benchmarks/allocation/run-commodities.sh
# SIZES: "NODES LINKS DEMANDS" separated by ';' (default: 800 and 2,000 nodes); ARCS=0 / HIGHS=0 skip
# the arc formulation / HiGHS (both take minutes from 2,000 nodes up).
# Needs: a release build (swift build -c release --product corridor), python3 with highspy, GNU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corridor="$root/.build/release/corridor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$corridor" ] || { echo "build first: swift build -c release --product corridor" >&2; exit 2; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
sizes=${SIZES:-"800 2400 120;2000 6000 300"}
IFS=';' read -r -a size_list <<< "$sizes"
objective() { python3 -c "import json,sys; print(repr(json.load(open(sys.argv[1]))['objective']))" "$1"; }
for size in "${size_list[@]}"; do
  set -- $size
  file="$work/net-$1.json"
  python3 "$root/Benchmarks/allocation/generate.py" "$1" "$2" "$3" --seed 7 --commodities 2 > "$file"
  echo
  echo "== $1 nodes, $2 links, $3 demands, two commodities, both directions"
  /usr/bin/time -f "  paths: %e s wall, %M KB peak" "$corridor" allocate "$file" --method paths --format json \
    --timings > "$work/paths.json" 2> "$work/paths.err" || { cat "$work/paths.err"; exit 1; }
  sed 's/^corridor: /  /' "$work/paths.err"
  echo "  objective (paths): $(objective "$work/paths.json")"
  if [ "${ARCS:-1}" != 0 ]; then
    /usr/bin/time -f "  arcs: %e s wall, %M KB peak" "$corridor" allocate "$file" --method arcs --format json \
      --timings --write-mps "$work/net-$1.mps" > "$work/arcs.json" 2> "$work/arcs.err"
    sed 's/^corridor: /  /' "$work/arcs.err"
    echo "  objective (arcs):  $(objective "$work/arcs.json")"
  fi
  if [ "${HIGHS:-1}" != 0 ]; then
    [ -f "$work/net-$1.mps" ] || "$corridor" allocate "$file" --method paths --format json --write-mps "$work/net-$1.mps" > /dev/null
    python3 - "$work/net-$1.mps" <<'PY'
import sys, time, highspy
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.readModel(sys.argv[1])
started = time.perf_counter()
h.run()
print(f"  HiGHS (simplex, default options) on the MPS: {time.perf_counter() - started:.2f} s, "
      f"{h.modelStatusToString(h.getModelStatus())}, objective {h.getInfo().objective_function_value!r}")
PY
  fi
done
