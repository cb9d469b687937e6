#!/usr/bin/python3
"""ig_pipeline.py - the respgraph analysis pipeline written with python-igraph, timed per stage.

Usage: /usr/bin/python3 bench/peers/ig_pipeline.py PLAN.csv [--seed N]
       [--approx-above 5000] [--sources 256]

Same input, stages and output as nx_pipeline.py (see there), plus "cpu" (process CPU
seconds, user+sys) and "peak_kb" (peak RSS so far) in each stage line. The CSV is read
the idiomatic fast way, pandas.read_csv (C engine; pyarrow when installed), and the
unit and task ids are pd.factorize codes (order of first appearance). Where Debian's
python-igraph 0.10.2 has no call for a stage, the nearest fast equivalent is
used and said so in the "info" line:
  betweenness  above --approx-above units python-igraph 0.10.2 cannot restrict
               sources (Graph.betweenness has no sources=), so igraph's C
               igraph_betweenness_subset is called from the sampled sources
               through ctypes on Graph._raw_pointer() (c_betweenness_subset;
               equal to the older scipy sums, --scipy-betweenness, to 1.5e-11
               on the 10k plan with --approx-above 500).
  colouring    python-igraph 0.10.2 has no greedy colouring: largest-first
               greedy in Python over igraph's adjacency lists.
Use Debian's /usr/bin/python3 (python3-igraph 0.10.2, numpy, scipy, pandas)."""
import argparse
import ctypes
import ctypes.util
import json
import random
import resource
import sys
import time

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

class _Vec(ctypes.Structure):
    _fields_ = [("stor_begin", ctypes.c_void_p), ("stor_end", ctypes.c_void_p), ("end", ctypes.c_void_p)]


class _Vs(ctypes.Structure):  # igraph_vs_t: an enum, then a 16-byte union
    _fields_ = [("type", ctypes.c_int), ("data", ctypes.c_int64 * 2)]


def c_betweenness_subset(g, sources, lengths):
    """igraph's C igraph_betweenness_subset (python-igraph 0.10.2 has no binding) on the
    graph behind g._raw_pointer(), through ctypes. python-igraph bundles its own igraph
    C core and exports none of its symbols, so the call goes to Debian's libigraph.so.3;
    that is safe only when both are the same igraph version (same igraph_t layout),
    which is checked."""
    lib = ctypes.CDLL(ctypes.util.find_library("igraph") or "libigraph.so.3")
    ver = ctypes.c_char_p()
    lib.igraph_version(ctypes.byref(ver), None, None, None)
    if ver.value.decode() != ig._igraph.__igraph_version__:
        raise SystemExit("libigraph %s is not python-igraph's igraph C %s"
                         % (ver.value.decode(), ig._igraph.__igraph_version__))
    n = g.vcount()
    w = np.ascontiguousarray(lengths, dtype=np.float64)
    src = np.ascontiguousarray(sorted(sources), dtype=np.int64)
    wv, sv, res = _Vec(), _Vec(), _Vec()
    lib.igraph_vector_view(ctypes.byref(wv), w.ctypes.data_as(ctypes.c_void_p), ctypes.c_int64(len(w)))
    lib.igraph_vector_int_view(ctypes.byref(sv), src.ctypes.data_as(ctypes.c_void_p), ctypes.c_int64(len(src)))
    vids, srcs, tgts = _Vs(), _Vs(), _Vs()
    lib.igraph_vs_all(ctypes.byref(vids))
    lib.igraph_vs_all(ctypes.byref(tgts))
    lib.igraph_vs_vector(ctypes.byref(srcs), ctypes.byref(sv))
    lib.igraph_vector_init(ctypes.byref(res), ctypes.c_int64(0))
    rc = lib.igraph_betweenness_subset(ctypes.c_void_p(g._raw_pointer()), ctypes.byref(res), vids,
                                       ctypes.c_int(0), srcs, tgts, ctypes.byref(wv))
    if rc != 0:
        raise SystemExit("igraph_betweenness_subset failed: %d" % rc)
    out = np.ctypeslib.as_array(ctypes.cast(res.stor_begin, ctypes.POINTER(ctypes.c_double)), shape=(n,)).copy()
    lib.igraph_vector_destroy(ctypes.byref(res))
    return out


def sampled_betweenness(g, sources, lengths):
    """Sum over the given sources of Brandes dependencies (undirected: halved).

    The two sparse matrices over all directed edges are built once; per source
    only their values change (1 on shortest-path DAG edges, 0 elsewhere)."""
    n = g.vcount()
    el = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(lengths, dtype=float)
    a = np.concatenate([el[:, 0], el[:, 1]])  # directed edge a -> b, both ways
    b = np.concatenate([el[:, 1], el[:, 0]])
    ww = np.concatenate([w, w])
    ids = np.arange(1, len(a) + 1, dtype=float)
    # A[v, u] for u -> v (path counts flow forward), D[u, v] (dependencies flow back)
    A = sp.csr_matrix((ids, (b, a)), shape=(n, n))
    D = sp.csr_matrix((ids, (a, b)), shape=(n, n))
    pa, pd = A.data.astype(np.int64) - 1, D.data.astype(np.int64) - 1
    bc = np.zeros(n)
    e = np.zeros(n)
    for s in sources:
        d = np.asarray(g.distances(source=s, weights=lengths)[0], dtype=float)
        with np.errstate(invalid="ignore"):
            tight = np.isfinite(d[a]) & (np.abs(d[a] + ww - d[b]) <= 1e-10 * np.maximum(1.0, d[b]))
        A.data = tight[pa].astype(float)
        e[:] = 0.0
        e[s] = 1.0
        sigma = e.copy()
        while True:  # sigma = e_s + A sigma, exact after (DAG depth) steps
            nxt = e + A @ sigma
            if np.array_equal(nxt, sigma):
                break
            sigma = nxt
        with np.errstate(invalid="ignore", divide="ignore"):
            coef = np.where(tight, sigma[a] / sigma[b], 0.0)
        D.data = coef[pd]
        delta = np.zeros(n)
        while True:  # delta[u] = sum over DAG u -> v of sigma[u]/sigma[v] (1 + delta[v])
            nxt = D @ (1.0 + delta)
            if np.array_equal(nxt, delta):
                break
            delta = nxt
        delta[s] = 0.0
        bc += delta
    return bc / 2.0


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def read_plan(path):
    """The long CSV task,role,unit,kind as a DataFrame of its unit rows, read by pandas'
    read_csv: the pyarrow engine when pyarrow is installed, else the C engine. role, unit
    and kind are read as categoricals (one Python string per distinct value), task with
    the inferred dtype (integers here)."""
    cat = {"role": "category", "unit": "category", "kind": "category"}
    engine = "c"
    try:
        import pyarrow  # noqa: F401  (not in Debian 12)
        engine = "pyarrow"
    except ImportError:
        pass
    try:
        df = pd.read_csv(path, engine=engine, dtype=cat, na_filter=False)
    except ValueError:  # an option this pandas' pyarrow engine does not take
        engine = "c"
        df = pd.read_csv(path, engine=engine, dtype=cat, na_filter=False)
    keep = (df["kind"] == "unit").to_numpy()
    if not keep.all():
        df = df[keep]
    return df, "pandas %s read_csv (%s engine)" % (pd.__version__, engine)


def greedy_colouring(g):
    adj = g.get_adjlist()
    order = sorted(range(g.vcount()), key=lambda v: -len(adj[v]))
    colour = [-1] * g.vcount()
    for v in order:
        used = {colour[u] for u in adj[v]}
        c = 0
        while c in used:
            c += 1
        colour[v] = c
    return colour


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--seed", type=int, default=20260125)
    ap.add_argument("--approx-above", type=int, default=5000)
    ap.add_argument("--sources", type=int, default=256)
    ap.add_argument("--scipy-betweenness", action="store_true",
                    help="the older per-source Python/scipy sums instead of igraph's C call")
    ap.add_argument("--dump-betweenness", help="write the betweenness vector (numpy .npy) here")
    a = ap.parse_args()
    random.seed(a.seed)
    ig.set_random_number_generator(random)

    t_all, c_all = time.perf_counter(), time.process_time()
    t = [t_all, c_all]
    info = {}

    def stage(name):
        now, cpu = time.perf_counter(), time.process_time()
        print(json.dumps({"stage": name, "seconds": round(now - t[0], 6), "cpu": round(cpu - t[1], 6),
                          "peak_kb": peak_kb()}), flush=True)
        t[0], t[1] = now, cpu

    plan, info["reader"] = read_plan(a.plan)
    unit_of, unit_names = pd.factorize(plan["unit"], sort=False)  # ids in order of first appearance
    task_of, task_names = pd.factorize(plan["task"], sort=False)
    lead = (plan["role"] == "lead").to_numpy()
    del plan
    stage("read")

    nu, nt = len(unit_names), len(task_names)
    B = ig.Graph(n=nu + nt, edges=np.column_stack((unit_of, task_of + nu)).tolist())
    B.vs["type"] = [False] * nu + [True] * nt
    B.es["w"] = np.where(lead, 1.0, 0.5).tolist()
    del unit_of, task_of, lead
    stage("bigraph")

    load = B.strength(range(nu), weights="w")
    stage("load")

    P = B.bipartite_projection(multiplicity=True, which=0)
    P.es["length"] = [1.0 / w for w in P.es["weight"]]
    stage("projection")
    info["units"] = P.vcount()
    info["ties"] = P.ecount()

    strength = P.strength(weights="weight")
    stage("strength")

    pr = P.pagerank(damping=0.85, weights="weight")
    stage("pagerank")

    ev = P.eigenvector_centrality(scale=True, weights="weight")
    stage("eigenvector")

    if P.vcount() > a.approx_above:
        sources = random.Random(a.seed).sample(range(P.vcount()), min(a.sources, P.vcount()))
        if a.scipy_betweenness:
            bc = sampled_betweenness(P, sources, P.es["length"])
            info["betweenness"] = "sampled %d sources (igraph Dijkstra + scipy DAG sums)" % len(sources)
        else:
            bc = c_betweenness_subset(P, sources, P.es["length"])
            info["betweenness"] = "sampled %d sources (igraph C igraph_betweenness_subset via ctypes)" % len(sources)
    else:
        bc = P.betweenness(directed=False, weights="length")
        info["betweenness"] = "exact"
    stage("betweenness")
    if a.dump_betweenness:
        np.save(a.dump_betweenness, np.asarray(bc, dtype=float))

    cl = P.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    q = P.modularity(cl.membership, weights="weight")
    stage("communities")
    info["clusters"] = len(cl)
    info["modularity"] = round(q, 6)

    colours = greedy_colouring(P)
    stage("colouring")
    info["colours"] = max(colours) + 1 if colours else 0
    info["colouring"] = "python largest-first over igraph adjacency (no igraph call in 0.10.2)"

    print(json.dumps({"stage": "total", "seconds": round(time.perf_counter() - t_all, 6),
                      "cpu": round(time.process_time() - c_all, 6), "peak_kb": peak_kb()}))
    print(json.dumps({"info": info}, ensure_ascii=False))
    del load, strength, pr, ev, bc
    print(json.dumps({"peak_rss_kb": peak_kb()}))


if __name__ == "__main__":
    sys.exit(main())
