#!/usr/bin/env python3
"""Independent expectations for several plans (tests/checks/plans.sh).

    plans.py compare OLD_EDGES NEW_EDGES COMPARE_JSON MANIFEST [suggested]
    plans.py merged  A_EDGES B_EDGES UNITS_JSON DUPS_JSON LOADS_CSV MANIFEST A_LABEL B_LABEL

compare: per unit load (lead 1 + support 0.5 over concrete units), competition
rank, partners (units sharing a task), all from the `respgraph edges` CSVs of
both plans with the manifest's rename applied, must equal the compare JSON
exactly; and the JSON must list exactly the injected changes: the one rename
(given, or suggested), no unit added or removed, every task carried, none new
or dropped, and a nonzero delta only for the leads of the moved tasks, each
equal to (moves in) - (moves out) from the manifest.

merged: the consolidated run of plan A and plan B, where B repeats the
manifest's copied tasks of A: the duplicates JSON lists exactly those, and the
loads equal those of A's and B's links with each copy's links moved onto A's
task (a unit both name keeps A's role); load-by-plan rows sum to them."""
import csv
import json
import sys
from collections import defaultdict


def edges(path):
    with open(path, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["kind"] == "unit"]


def loads(rows):
    led, sup = defaultdict(int), defaultdict(int)
    for r in rows:
        (led if r["role"] == "lead" else sup)[r["unit"]] += 1
    units = set(led) | set(sup)
    return {u: led[u] + 0.5 * sup[u] for u in units}


def ranks(load):
    return {u: 1 + sum(1 for v in load.values() if v > l) for u, l in load.items()}


def partners(rows):
    by_task = defaultdict(set)
    for r in rows:
        by_task[r["task"]].add(r["unit"])
    p = defaultdict(set)
    for us in by_task.values():
        for a in us:
            p[a] |= us - {a}
    return p


def fail(msg):
    print("plans.py: " + msg)
    sys.exit(1)


def check_compare(old_csv, new_csv, cmp_json, manifest, kind):
    m = json.load(open(manifest, encoding="utf-8"))
    rename = dict(m["renamed"])
    old = edges(old_csv)
    for r in old:
        r["unit"] = rename.get(r["unit"], r["unit"])
    new = edges(new_csv)
    lo, ln = loads(old), loads(new)
    ro, rn = ranks(lo), ranks(ln)
    po, pn = partners(old), partners(new)
    got = json.load(open(cmp_json, encoding="utf-8"))
    want_renamed = [{"old": o, "new": n, "kind": kind} for o, n in m["renamed"]]
    renamed = [{k: r[k] for k in ("old", "new", "kind")} for r in got["renamed"]]
    if renamed != want_renamed:
        fail("renamed %s, expected %s" % (renamed, want_renamed))
    if kind == "suggested" and not got["renamed"][0]["score"] >= 0.5:
        fail("suggested rename score below 0.5")
    for key in ("added", "removed", "new_tasks", "dropped_tasks"):
        if got[key]:
            fail("%s should be empty: %s" % (key, got[key]))
    n_tasks = len({r["task"] for r in edges(old_csv)} | set())
    if len(got["carried"]) < n_tasks or any(c["old_task"] != c["new_task"] for c in got["carried"]):
        fail("not every task carried onto itself")
    units = {u["unit"]: u for u in got["units"]}
    if set(units) != set(lo) | set(ln):
        fail("units %s, expected %s" % (sorted(units), sorted(set(lo) | set(ln))))
    delta = defaultdict(float)
    for mv in m["moved"]:
        delta[mv["old_lead"]] -= 1
        delta[mv["new_lead"]] += 1
    for name, u in units.items():
        want = {"old_load": lo.get(name, 0), "new_load": ln.get(name, 0),
                "delta_load": ln.get(name, 0) - lo.get(name, 0),
                "old_rank": ro.get(name), "new_rank": rn.get(name),
                "ties_gained": sorted(pn[name] - po[name]), "ties_lost": sorted(po[name] - pn[name])}
        have = {k: u[k] for k in want}
        if have != want:
            fail("unit %s: %s, expected %s" % (name, have, want))
        if u["delta_load"] != delta.get(name, 0):
            fail("unit %s: delta %s, the manifest's moves give %s" % (name, u["delta_load"],
                                                                     delta.get(name, 0)))
    print("plans.py: compare (%s): %d units, %d with a delta, as expected" %
          (kind, len(units), sum(1 for u in units.values() if u["delta_load"])))


def check_merged(a_csv, b_csv, units_json, dups_json, loads_csv, manifest, la, lb):
    m = json.load(open(manifest, encoding="utf-8"))
    copied = m["copied"]
    # B's task k (1-based) is the copy of A's task copied[k-1]
    onto = {str(k + 1): t for k, t in enumerate(copied)}
    links = {}
    for r in edges(a_csv):
        links.setdefault((r["task"], r["unit"]), r["role"])
    for r in edges(b_csv):
        t = onto.get(r["task"])
        key = (t, r["unit"]) if t else ("B" + r["task"], r["unit"])
        links.setdefault(key, r["role"])
    rows = [{"task": t, "unit": u, "role": role} for (t, u), role in links.items()]
    want = loads(rows)
    got = json.load(open(units_json, encoding="utf-8"))["units"]
    have = {u["unit"]: u["load"] for u in got}
    if have != want:
        fail("merged loads differ: %s" % sorted(set(have.items()) ^ set(want.items())))
    dups = json.load(open(dups_json, encoding="utf-8"))
    got_d = [(d["task"], d["copy"]) for d in dups]
    want_d = [("%s:%s" % (la, t), "%s:%d" % (lb, k + 1)) for k, t in enumerate(copied)]
    if got_d != want_d:
        fail("duplicates %s, expected %s" % (got_d, want_d))
    if any(not 0.8 <= d["score"] <= 1 for d in dups):
        fail("a duplicate score is outside [0.8, 1]")
    by_plan = defaultdict(float)
    with open(loads_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_plan[r["unit"]] += float(r["load"])
    if dict(by_plan) != want:
        fail("load-by-plan rows do not sum to the loads")
    print("plans.py: merged: %d units, %d duplicates counted once, as expected" %
          (len(want), len(dups)))


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        check_compare(*sys.argv[2:6], sys.argv[6] if len(sys.argv) > 6 else "given")
    else:
        check_merged(*sys.argv[2:10])
