#!/usr/bin/python3
"""nx_pipeline.py - the respgraph analysis pipeline written with NetworkX, timed per stage.

Usage: /usr/bin/python3 bench/peers/nx_pipeline.py PLAN.csv [--seed N]
       [--approx-above 5000] [--sources 256]

PLAN.csv is the long form `task,role,unit,kind` (as `respgraph edges --format
csv` and bench/gen write it). Prints one JSON line {"stage", "seconds", "cpu",
"peak_kb"} per stage (wall and process CPU seconds, peak RSS so far), then
{"stage": "total", ...} and {"peak_rss_kb": ...} (ru_maxrss).
Stages, the same in ig_pipeline.py and bench/stages.c:
  read         parse the CSV
  bigraph      units x tasks bipartite graph
  load         per-unit led/supported/load (W_lead 1, W_support 0.5)
  projection   weighted unit projection (weight = shared tasks)
  strength     weighted degree
  pagerank     PageRank 0.85, weighted
  eigenvector  eigenvector centrality, weighted
  betweenness  edge length 1/w; exact up to --approx-above units, else
               --sources sampled sources with a fixed seed (Brandes from
               those sources, nx's k= sampling)
  communities  Louvain (modularity) + modularity value
  colouring    greedy colouring, largest first
Use Debian's /usr/bin/python3 (python3-networkx 2.8, with scipy)."""
import argparse
import csv
import json
import resource
import sys
import time

import networkx as nx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--seed", type=int, default=20260125)
    ap.add_argument("--approx-above", type=int, default=5000)
    ap.add_argument("--sources", type=int, default=256)
    a = ap.parse_args()

    t_all, c_all = time.perf_counter(), time.process_time()
    t = [t_all, c_all]
    info = {}

    def stage(name):
        now, cpu = time.perf_counter(), time.process_time()
        print(json.dumps({"stage": name, "seconds": round(now - t[0], 6), "cpu": round(cpu - t[1], 6),
                          "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
        t[0], t[1] = now, cpu

    rows = []
    with open(a.plan, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for task, role, unit, kind in r:
            if kind == "unit":
                rows.append((task, role == "lead", unit))
    stage("read")

    B = nx.Graph()
    units = {}
    for task, lead, unit in rows:
        units.setdefault(unit, None)
        B.add_edge(("u", unit), ("t", task), lead=lead)
    stage("bigraph")

    led = dict.fromkeys(units, 0)
    sup = dict.fromkeys(units, 0)
    for task, lead, unit in rows:
        if lead:
            led[unit] += 1
        else:
            sup[unit] += 1
    load = {u: led[u] + 0.5 * sup[u] for u in units}
    stage("load")

    P = nx.bipartite.weighted_projected_graph(B, [("u", u) for u in units])
    for _, _, d in P.edges(data=True):
        d["length"] = 1.0 / d["weight"]
    stage("projection")
    info["units"] = P.number_of_nodes()
    info["ties"] = P.number_of_edges()

    strength = dict(P.degree(weight="weight"))
    stage("strength")

    pr = nx.pagerank(P, alpha=0.85, weight="weight")
    stage("pagerank")

    ev = nx.eigenvector_centrality_numpy(P, weight="weight")
    stage("eigenvector")

    if P.number_of_nodes() > a.approx_above:
        bc = nx.betweenness_centrality(P, k=min(a.sources, P.number_of_nodes()), normalized=False,
                                       weight="length", seed=a.seed)
        info["betweenness"] = "sampled %d sources" % a.sources
    else:
        bc = nx.betweenness_centrality(P, normalized=False, weight="length")
        info["betweenness"] = "exact"
    stage("betweenness")

    comms = nx.community.louvain_communities(P, weight="weight", seed=a.seed)
    q = nx.community.modularity(P, comms, weight="weight")
    stage("communities")
    info["clusters"] = len(comms)
    info["modularity"] = round(q, 6)

    colours = nx.greedy_color(P, strategy="largest_first")
    stage("colouring")
    info["colours"] = max(colours.values()) + 1 if colours else 0

    print(json.dumps({"stage": "total", "seconds": round(time.perf_counter() - t_all, 6),
                      "cpu": round(time.process_time() - c_all, 6)}))
    print(json.dumps({"info": info}, ensure_ascii=False))
    del load, strength, pr, ev, bc
    print(json.dumps({"peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    sys.exit(main())
