#!/usr/bin/env python3
"""Make the seeded variants of the bundled plan used by tests/checks/plans.sh.

    python3 scripts/make_variants.py SEED_PLAN OUT_DIR [--seed N]

Writes into OUT_DIR:
  shenyang-2026-v2.txt  the bundled plan with one unit renamed everywhere
                        (市营商局 -> 市营商环境建设局, also where a list drops the
                        市 prefix) and 12 tasks given another lead: each chosen
                        task has exactly one lead, named on its own, and gets a
                        concrete unit the task names nowhere;
  minsheng-2026.txt     a second plan (a 民生实事 list) holding 5 tasks copied
                        from the bundled plan (texts of 40 characters or more),
                        each with " (民生实事)" added to its text (so their
                        similarity is below 1 but above the 0.8 threshold), and
                        3 tasks of its own;
  renames.csv           old,new for the rename;
  manifest.json         what was injected: the rename, the moved tasks (task,
                        old lead, new lead) and the copied tasks.

The variants are committed (tests/data/variants/); rerunning this script with
the same seed writes the same bytes."""
import argparse
import json
import os
import random
import re

RENAME_OLD, RENAME_NEW = "市营商局", "市营商环境建设局"
# Concrete units a moved task may get as its new lead.
# Concrete units a moved task may get as its new lead: all lead tasks in the
# bundled plan already, so no unit is added.
NEW_LEADS = ["市财政局", "市民政局", "市应急局", "市国资委", "市医保局", "市数据局",
             "市市场监管局", "市自然资源局", "市生态环境局"]
# A moved task's old lead leads at least this many tasks, so none is removed.
MIN_OLD_LEADS = 4
OWN_TASKS = [
    ("新建改造城市社区嵌入式养老服务设施20处,为困难老年人家庭适老化改造1000户。",
     "市民政局", "市财政局、住房保障局"),
    ("推进城镇老旧小区改造,完成加装电梯200部,改造背街小巷50条。",
     "市房产局", "市城乡建设局、城市管理行政执法局"),
    ("开展职业技能培训5万人次,新增城镇就业10万人。",
     "市人力资源社会保障局", "市教育局、财政局"),
]

TASK = re.compile(r"^\s*(\d+)\.(.*)$")


def tasks_of(lines):
    """(number, text line index, [unit line indices]) of every numbered task."""
    out, cur = [], None
    for i, line in enumerate(lines):
        m = TASK.match(line)
        if m:
            cur = (m.group(1), i, [])
            out.append(cur)
        elif cur and re.match(r"^\s*(牵头单位|责任单位)[::]", line):
            cur[2].append(i)
        elif line.strip() and not line.startswith("  ") and cur:
            cur = None
    return out


def short(name):
    return name[1:] if name.startswith("市") else name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed_plan")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=20260125)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(a.seed_plan, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tasks = tasks_of(lines)

    # 12 moves: a task with one lead line naming one concrete 市 unit.
    movable = []
    for num, ti, units in tasks:
        leads = [i for i in units if "牵头单位" in lines[i]]
        if len(leads) != 1:
            continue
        lead = lines[leads[0]].split(":", 1)[1].strip()
        if not re.fullmatch(r"市[^、,,等]+(局|委|办)", lead) or lead == RENAME_OLD:
            continue
        movable.append((num, leads[0], lead, units))
    n_led = {}
    for m in movable:
        n_led[m[2]] = n_led.get(m[2], 0) + 1
    movable = [m for m in movable if n_led[m[2]] >= MIN_OLD_LEADS]
    picked = sorted(rng.sample(movable, 12), key=lambda m: int(m[0]))
    moves = []
    v2 = list(lines)
    for num, li, lead, units in picked:
        named = "\n".join(lines[i] for i in units)
        choices = [u for u in NEW_LEADS if short(u) not in named]
        new = rng.choice(choices)
        v2[li] = lines[li].replace(lead, new)
        moves.append({"task": num, "old_lead": lead, "new_lead": new})
    # the rename, everywhere (full name and the short form in a list)
    v2 = [l.replace(RENAME_OLD, RENAME_NEW).replace("、" + short(RENAME_OLD),
                                                    "、" + short(RENAME_NEW)) for l in v2]

    # 5 copies into the second plan
    long_enough = [t for t in tasks if len(t[2]) == 2 and len(TASK.match(lines[t[1]]).group(2)) >= 40]
    copies = sorted(rng.sample(long_enough, 5), key=lambda t: int(t[0]))
    ms = ["2026年民生实事项目分工方案", "", "  一、民生实事项目", ""]
    k = 0
    for num, ti, units in copies:
        k += 1
        text = TASK.match(lines[ti]).group(2)
        ms += ["  %d.%s (民生实事)" % (k, text.rstrip("。")) + "。", ""]
        for i in units:
            ms += [lines[i], ""]
    for text, lead, sup in OWN_TASKS:
        k += 1
        ms += ["  %d.%s" % (k, text), "", "  牵头单位:" + lead, "", "  责任单位:" + sup, ""]

    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, "shenyang-2026-v2.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(v2))
    with open(os.path.join(a.out_dir, "minsheng-2026.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(ms))
    with open(os.path.join(a.out_dir, "renames.csv"), "w", encoding="utf-8") as f:
        f.write("old,new\n%s,%s\n" % (RENAME_OLD, RENAME_NEW))
    with open(os.path.join(a.out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": a.seed, "renamed": [[RENAME_OLD, RENAME_NEW]], "moved": moves,
                   "copied": [t[0] for t in copies]}, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
