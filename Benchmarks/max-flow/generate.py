#!/usr/bin/env python3
"""Writes DIMACS max-flow instances (p max) of two classic hard families.

genrmf A B C1 C2 SEED: Goldfarb and Grigoriadis' RMF networks ("A computational comparison of the Dinic and
  network simplex methods for maximum flow", Annals of OR 13, 1988), as in the DIMACS generator genrmf:
  B frames, each an A x A grid whose neighbours are joined both ways with capacity C2*A*A; each node of
  a frame joined to a node of the next frame given by a random permutation, capacity uniform in [C1, C2].
  Source: the first node of the first frame; sink: the last node of the last frame.
  n = A*A*B, m = 4*A*(A-1)*B + A*A*(B-1).

rlg ROWS LEVELS SEED: the Washington generator's random level graph (R. Anderson's "washington.c",
  DIMACS challenge 1990), as used by Cherkassky and Goldberg (1997): LEVELS columns of ROWS nodes; each
  node joined to 3 random nodes of the next column, capacity uniform in [1, 10000]; the source feeds every
  node of the first column and the last column drains into the sink, capacity 10000 * ROWS.
  n = ROWS*LEVELS + 2, m = 3*ROWS*(LEVELS-1) + 2*ROWS.
"""
import random
import sys


def genrmf(a, b, c1, c2, seed):
    rng = random.Random(seed)
    frame = a * a
    n = frame * b
    lines = []
    inner = c2 * a * a

    def node(k, row, col):
        return k * frame + row * a + col + 1

    for k in range(b):
        for row in range(a):
            for col in range(a):
                v = node(k, row, col)
                if col + 1 < a:
                    w = node(k, row, col + 1)
                    lines.append(f"a {v} {w} {inner}\na {w} {v} {inner}")
                if row + 1 < a:
                    w = node(k, row + 1, col)
                    lines.append(f"a {v} {w} {inner}\na {w} {v} {inner}")
        if k + 1 < b:
            permutation = list(range(frame))
            rng.shuffle(permutation)
            for i in range(frame):
                lines.append(f"a {k * frame + i + 1} {(k + 1) * frame + permutation[i] + 1} {rng.randint(c1, c2)}")
    m = 4 * a * (a - 1) * b + frame * (b - 1)
    header = [f"c GENRMF a={a} b={b} c1={c1} c2={c2} seed={seed}", f"p max {n} {m}", "n 1 s", f"n {n} t"]
    return header + lines


def rlg(rows, levels, seed):
    rng = random.Random(seed)
    n = rows * levels + 2
    source, sink = n - 1, n
    big = 10000 * rows
    lines = [f"a {source} {r + 1} {big}" for r in range(rows)]
    for level in range(levels - 1):
        base = level * rows
        for r in range(rows):
            for _ in range(3):
                lines.append(f"a {base + r + 1} {base + rows + rng.randrange(rows) + 1} {rng.randint(1, 10000)}")
    last = (levels - 1) * rows
    lines += [f"a {last + r + 1} {sink} {big}" for r in range(rows)]
    m = 3 * rows * (levels - 1) + 2 * rows
    header = [f"c RLG rows={rows} levels={levels} seed={seed}", f"p max {n} {m}", f"n {source} s", f"n {sink} t"]
    return header + lines


def main():
    kind, *numbers = sys.argv[1:]
    values = [int(x) for x in numbers]
    lines = genrmf(*values) if kind == "genrmf" else rlg(*values)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
