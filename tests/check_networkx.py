#!/usr/bin/python3
"""check_networkx.py - recompute every `respgraph units` metric with NetworkX and compare.

usage: tests/check_networkx.py EDGES.csv UNITS.csv [--lead-weight 1] [--support-weight 0.5]
           [--weighting count|newman] [--min-shared 1] [--resolution 1] [--tol 1e-6]

EDGES.csv is `respgraph edges PLAN --format csv` (task,role,unit,kind,chapter,line),
UNITS.csv is `respgraph units PLAN --format csv` run with the same options.
Independently of respgraph's C code it rebuilds the concrete-unit projection
from the links, then checks load, fractional load, share, chapters, burden,
partners, strength, betweenness (length 1/w, normalised), harmonic (length
1/w, / (n-1)), eigenvector (weights w, scaled to max 1), PageRank (0.85),
Burt's constraint, coreness, the Tukey fence / z-score / rank / overloaded
flags, the participation coefficient of the reported clusters, and that the
reported partition's modularity is >= the best of 10 Louvain runs (seeds 0..9)
minus 1e-9. Exit 0 when everything agrees within --tol, 1 otherwise.

Uses Debian's python3-networkx and python3-numpy (run with /usr/bin/python3).
"""
import argparse
import bisect
import csv
import math
import sys
from collections import defaultdict
from fractions import Fraction

import networkx as nx
import numpy as np
from networkx.algorithms.community import louvain_communities, modularity


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def num(s):
    if s in ("", "nan", "null", None):
        return math.nan
    return float(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("edges")
    ap.add_argument("units")
    ap.add_argument("--lead-weight", type=float, default=1.0)
    ap.add_argument("--support-weight", type=float, default=0.5)
    ap.add_argument("--weighting", choices=["count", "newman"], default="count")
    ap.add_argument("--min-shared", type=int, default=1)
    ap.add_argument("--resolution", type=float, default=1.0)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--approximate", action="store_true",
                    help="betweenness/harmonic were sampled: skip them")
    a = ap.parse_args()

    # tasks in order of appearance: a new task starts when the number changes
    tasks = []  # list of (number, chapter, {unit: role})
    prev = None
    for r in read_csv(a.edges):
        if r["kind"] != "unit":
            continue
        if prev is None or r["task"] != prev:
            tasks.append((r["task"], r.get("chapter", ""), {}))
            prev = r["task"]
        tasks[-1][2][r["unit"]] = r["role"]
    rows = read_csv(a.units)
    got = {r["unit"]: r for r in rows}
    units = sorted({u for _, _, m in tasks for u in m} | set(got))
    fails = []

    def check(unit, what, want, have):
        if isinstance(want, float) and math.isnan(want):
            ok = math.isnan(have)
        else:
            ok = abs(want - have) <= a.tol * max(1.0, abs(want))
        if not ok:
            fails.append(f"{unit}: {what}: networkx {want!r}, respgraph {have!r}")

    # loads
    rw = {"lead": a.lead_weight, "support": a.support_weight}
    led = defaultdict(int); sup = defaultdict(int); frac = defaultdict(float)
    burden = defaultdict(int); chapters = defaultdict(set)
    for number, chapter, m in tasks:
        k = len(m)
        for u, role in m.items():
            if role == "lead":
                led[u] += 1
            else:
                sup[u] += 1
            frac[u] += rw[role] / k
            burden[u] += k - 1
            if chapter not in ("", "-"):
                chapters[u].add(chapter)
    load = {u: a.lead_weight * led[u] + a.support_weight * sup[u] for u in units}
    total = sum(load.values())
    x = np.array([load[u] for u in units])
    q1, q3 = np.percentile(x, [25, 75])  # numpy default: linear
    fence = q3 + 1.5 * (q3 - q1)
    mean, sd = x.mean(), x.std()  # population sd
    xs = sorted(x)
    for u in units:
        if u not in got:
            fails.append(f"{u}: missing from the units output")
            continue
        r = got[u]
        check(u, "led", led[u], int(r["led"]))
        check(u, "supported", sup[u], int(r["supported"]))
        check(u, "load", load[u], num(r["load"]))
        check(u, "fractional", frac[u], num(r["fractional"]))
        check(u, "share", load[u] / total if total else 0.0, num(r["share"]))
        check(u, "chapters", len(chapters[u]), int(r["chapters"]))
        check(u, "burden", burden[u], int(r["burden"]))
        check(u, "zscore", (load[u] - mean) / sd if sd > 0 else 0.0, num(r["zscore"]))
        check(u, "rank", 1 + len(x) - bisect.bisect_right(xs, load[u]), int(r["rank"]))
        check(u, "overloaded", int(load[u] > fence), int(r["overloaded"] == "true"))

    # the projection
    # exact rational weights and lengths: equal shortest paths stay equal
    # (floats would split ties that igraph's epsilon comparison keeps)
    shared = defaultdict(int); newman = defaultdict(Fraction)
    for _, _, m in tasks:
        us = sorted(m)
        for i in range(len(us)):
            for j in range(i + 1, len(us)):
                shared[us[i], us[j]] += 1
                newman[us[i], us[j]] += Fraction(1, len(us) - 1)
    G = nx.Graph()
    G.add_nodes_from(units)
    for (p, q), s in shared.items():
        if s >= a.min_shared:
            w = Fraction(s) if a.weighting == "count" else newman[p, q]
            G.add_edge(p, q, weight=float(w), length=1 / w)
    n = G.number_of_nodes()
    wmax = max((d["weight"] for _, _, d in G.edges(data=True)), default=1.0)
    for _, _, d in G.edges(data=True):
        d["ws"] = d["weight"] / wmax
    if not a.approximate:
        bc = nx.betweenness_centrality(G, weight="length", normalized=True)
        hc = nx.harmonic_centrality(G, distance="length")
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    cons = nx.constraint(G, weight="weight")
    core = nx.core_number(G)
    ev = None
    if G.number_of_edges():
        A = nx.to_numpy_array(G, nodelist=units, weight="ws")
        vals, vecs = np.linalg.eigh(A)
        if len(vals) > 1 and abs(vals[-1] - vals[-2]) < 1e-9:
            print("check_networkx: leading eigenvalue is degenerate; eigenvector not compared",
                  file=sys.stderr)
        else:
            v = np.abs(vecs[:, -1])
            ev = dict(zip(units, v / v.max()))
    for u in units:
        if u not in got:
            continue
        r = got[u]
        check(u, "partners", G.degree(u), int(r["partners"]))
        check(u, "strength", G.degree(u, weight="weight"), num(r["strength"]))
        if not a.approximate:
            check(u, "betweenness", float(bc[u]), num(r["betweenness"]))
            check(u, "harmonic", float(hc[u]) / (n - 1) if n > 1 else 0.0, num(r["harmonic"]))
        if ev is not None:
            check(u, "eigenvector", ev[u] if G.degree(u) else 0.0, num(r["eigenvector"]))
        check(u, "pagerank", pr[u], num(r["pagerank"]))
        check(u, "constraint", cons[u] if G.degree(u) else math.nan, num(r["constraint"]))
        check(u, "coreness", core[u], int(r["coreness"]))

    # clusters: participation and modularity against Louvain
    cl = {u: int(got[u]["cluster"]) for u in units if u in got}
    for u in units:
        if u not in got:
            continue
        k = G.degree(u, weight="weight")
        if k == 0:
            check(u, "participation", 0.0, num(got[u]["participation"]))
            continue
        kc = defaultdict(float)
        for v, d in G[u].items():
            kc[cl[v]] += d["weight"]
        check(u, "participation", 1 - sum((c / k) ** 2 for c in kc.values()),
              num(got[u]["participation"]))
    if G.number_of_edges():
        groups = defaultdict(set)
        for u, c in cl.items():
            groups[c if c >= 0 else f"isolated {u}"].add(u)
        q = modularity(G, list(groups.values()), weight="weight", resolution=a.resolution)
        best = max(modularity(G, louvain_communities(G, weight="weight", resolution=a.resolution,
                                                     seed=s), weight="weight",
                              resolution=a.resolution) for s in range(10))
        print(f"check_networkx: modularity {q:.6f}, best Louvain of 10 {best:.6f}")
        if q < best - 1e-9:
            fails.append(f"modularity {q} is below the best Louvain run {best}")

    for f in fails:
        print("check_networkx: " + f, file=sys.stderr)
    print(f"check_networkx: {len(units)} units, {G.number_of_edges()} ties, "
          f"{len(fails)} disagreements")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
