#!/usr/bin/env bash
# Runs `corridor uncertainty` on a Slurm cluster: one job-array task per shard, then a merge job that
# starts when every task has succeeded (afterok) and joins the shards into exactly the document an
# unsharded run writes. Prints the two job ids (array, merge) on one line.
#
# Usage: scripts/batch/uncertainty-slurm.sh --shards N --out DIR [--corridor PATH] -- UNCERTAINTY-ARGS...
#   e.g. scripts/batch/uncertainty-slurm.sh --shards 8 --out /scratch/run1 -- \
#          networks/china-europe.json --baseline baseline --scenario third-crossing --draws 100000 --seed 7
#
# DIR (on storage every node sees) receives shard-1.json … shard-N.json, merged.json and the jobs' logs.
# N must not exceed the run's blocks of 100 draws (corridor refuses more, exit 2). Other sbatch settings
# (partition, account, time) come from the environment, e.g. SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT.
set -euo pipefail

shards=""
out=""
corridor="${CORRIDOR:-corridor}"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --shards) shards="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --corridor) corridor="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "uncertainty-slurm: unknown option $1 (see the usage at the top of this script)" >&2; exit 2 ;;
    esac
done
if [[ ! "$shards" =~ ^[1-9][0-9]*$ || -z "$out" || $# -eq 0 ]]; then
    echo "usage: uncertainty-slurm.sh --shards N --out DIR [--corridor PATH] -- UNCERTAINTY-ARGS..." >&2
    exit 2
fi
for argument in "$@"; do
    case "$argument" in
        --shard|--shard=*|--merge|--merge=*|--format|--format=*|-o|--output|--output=*)
            echo "uncertainty-slurm: $argument is set by this script; leave it out" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if [[ "$corridor" == */* ]]; then corridor="$(cd "$(dirname "$corridor")" && pwd)/$(basename "$corridor")"; fi

# The task's command, quoted for the shell sbatch --wrap runs; SLURM_ARRAY_TASK_ID is expanded there.
quoted="$(printf '%q ' "$corridor" uncertainty "$@")"
array_id="$(sbatch --parsable --job-name=corridor-uncertainty --array="1-$shards" \
    --output="$out/shard-%a.log" \
    --wrap="$quoted--shard \"\$SLURM_ARRAY_TASK_ID/$shards\" --format json -o \"$out/shard-\$SLURM_ARRAY_TASK_ID.json\"")"
array_id="${array_id%%;*}"

files=()
for ((i = 1; i <= shards; i++)); do files+=("$out/shard-$i.json"); done
merge_id="$(sbatch --parsable --job-name=corridor-uncertainty-merge --dependency="afterok:$array_id" \
    --output="$out/merge.log" \
    --wrap="$(printf '%q ' "$corridor" uncertainty --format json -o "$out/merged.json" --merge "${files[@]}")")"
merge_id="${merge_id%%;*}"
echo "$array_id $merge_id"
