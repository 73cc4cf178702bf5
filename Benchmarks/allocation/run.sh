#!/usr/bin/env bash
# Times `corridor allocate --format json` (release) against `glpsol --lp` on the LP file corridor
# writes for the same model, on generated corridor networks; then warm vs cold re-solve.
#
# usage: Benchmarks/allocation/run.sh [RUNS]      (from the repository root; RUNS default 5)
# Needs: a release build (swift build -c release --product corridor), glpsol, hyperfine, python3.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
corridor="$root/.build/release/corridor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$corridor" ] || { echo "build first: swift build -c release --product corridor" >&2; exit 2; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "glpsol: $(glpsol --version | head -1)"
# The issue's largest size, 2000 nodes / 6000 links / 300 demands (≈270,000 columns, 63,000 rows), is
# left out of the default run because glpsol needs about 20 minutes on it (corridor about one):
# SIZES="2000 6000 300" Benchmarks/allocation/run.sh 1
sizes=${SIZES:-"200 600 40;400 1200 60;800 2400 120"}
IFS=';' read -r -a size_list <<< "$sizes"
for size in "${size_list[@]}"; do
  set -- $size
  file="$work/net-$1.json"
  python3 "$root/Benchmarks/allocation/generate.py" "$1" "$2" "$3" --seed 7 > "$file"
  "$corridor" allocate "$file" --format json --write-lp "$work/net-$1.lp" > "$work/out-$1.json"
  echo
  echo "== $1 nodes, $2 links, $3 demands: $(grep -c '' "$work/net-$1.lp") LP lines"
  for i in $(seq "$runs"); do
    "$corridor" allocate "$file" --format json --timings 2>&1 >/dev/null | sed 's/^corridor: //'
  done | sort | sed -n "1p;$(( (runs + 1) / 2 ))p" | sed '1s/^/  fastest: /;2s/^/  median:  /'
  ours=$(python3 -c "import json;print(json.load(open('$work/out-$1.json'))['objective'])")
  theirs=$(glpsol --lp "$work/net-$1.lp" -o "$work/glpsol-$1.txt" >/dev/null; grep '^Objective' "$work/glpsol-$1.txt")
  echo "  objective: corridor $ours; glpsol $theirs"
  # glpsol twice: with its defaults (presolver, scaling, glp_adv_basis), and with corridor's GLPK settings
  # (scaling, no presolver, primal simplex) — it cannot take corridor's shortest-path-tree start, so it
  # starts from its own crash basis (--adv) and from the all-slack one (--std, corridor's old start).
  hyperfine --runs "$runs" --style basic --export-markdown "$work/h-$1.md" \
    -n "corridor allocate --format json" "$corridor allocate $file --format json" \
    -n "glpsol --lp (defaults)" "glpsol --lp $work/net-$1.lp" \
    -n "glpsol --lp --nopresol" "glpsol --lp $work/net-$1.lp --nopresol" \
    -n "glpsol --lp --nopresol --std" "glpsol --lp $work/net-$1.lp --nopresol --std" > /dev/null
  sed 's/^/  /' "$work/h-$1.md"
done

cd "$root"
for size in "${size_list[@]}"; do
  set -- $size
  echo
  echo "== warm re-solve after one capacity change vs cold solve, $1 nodes"
  CORRIDOR_BENCH_NETWORK="$work/net-$1.json" swift test --filter warmResolveBenchmark 2>&1 \
    | grep -E "warm re-solve|×" | sed 's/^/  /'
done
