#!/usr/bin/python3
"""Recompute the SDSM p-value of every tie from `respgraph edges -f csv`,
independently of respgraph's code, and compare with `respgraph ties -f csv`.

respgraph solves the bipartite configuration model (BiCM) by fixed-point
iteration over degree classes and sums a truncated convolution of binomials.
Here: scipy.optimize.least_squares on one variable per unit and per task (no
classes), then the full Poisson-binomial distribution of each pair by
numpy.convolve over every task, and P(X >= s) summed from the top.

usage: backbone.py EDGES.csv TIES.csv [alpha]   (exit 1 on a mismatch)
"""
import csv
import itertools
import sys

import numpy as np
from scipy.optimize import least_squares


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main():
    edges, ties = read(sys.argv[1]), read(sys.argv[2])
    alpha = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    links = {(r["task"], r["unit"]) for r in edges if r["kind"] == "unit"}
    units = sorted({u for _, u in links})
    tasks = sorted({t for t, _ in links})
    ui = {u: i for i, u in enumerate(units)}
    ti = {t: j for j, t in enumerate(tasks)}
    B = np.zeros((len(units), len(tasks)))
    for t, u in links:
        B[ui[u], ti[t]] = 1
    du, dt = B.sum(1), B.sum(0)

    # BiCM: p_ij = x_i y_j / (1 + x_i y_j), log-variables, expected degrees = observed
    def resid(z):
        x, y = np.exp(z[: len(units)]), np.exp(z[len(units):])
        P = np.outer(x, y)
        P = P / (1 + P)
        return np.concatenate([P.sum(1) - du, P.sum(0) - dt])

    z0 = np.concatenate([np.log(du / np.sqrt(B.sum())), np.log(dt / np.sqrt(B.sum()))])
    sol = least_squares(resid, z0, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=20000)
    worst = np.abs(resid(sol.x)).max()
    x, y = np.exp(sol.x[: len(units)]), np.exp(sol.x[len(units):])
    P = np.outer(x, y)
    P = P / (1 + P)

    bad = 0
    for r in ties:
        a, b = ui[r["unit_a"]], ui[r["unit_b"]]
        s = len(r["tasks"].split(";"))
        q = P[a] * P[b]
        dist = np.array([1.0])
        for qt in q:
            dist = np.convolve(dist, [1 - qt, qt])
        p = dist[s:].sum()
        got = float(r["p"])
        if abs(got - p) > 1e-9 * max(1.0, p) and abs(got - p) > 1e-12:
            print("%s - %s: respgraph p %.12g, independent %.12g" % (r["unit_a"], r["unit_b"], got, p))
            bad += 1
        sig = "significant" in r["backbone"]
        if sig != (p < alpha) and abs(p - alpha) > 1e-9:
            print("%s - %s: backbone %r but p %.6g" % (r["unit_a"], r["unit_b"], r["backbone"], p))
            bad += 1
    # every unit with a partner has a backbone tie
    partners = {u: 0 for u in units}
    for r in ties:
        if r["backbone"]:
            partners[r["unit_a"]] += 1
            partners[r["unit_b"]] += 1
    with_tie = {r["unit_a"] for r in ties} | {r["unit_b"] for r in ties}
    alone = [u for u in with_tie if partners[u] == 0]
    if alone:
        print("units with a partner but no backbone tie: %s" % ", ".join(alone))
        bad += 1
    n_sig = sum("significant" in r["backbone"] for r in ties)
    n_bb = sum(bool(r["backbone"]) for r in ties)
    print("backbone: %d ties, %d significant (alpha %g), %d in the backbone; BiCM residual %.1e; "
          "%d mismatches" % (len(ties), n_sig, alpha, n_bb, worst, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
