#!/usr/bin/env python3
"""Make shenyang-2026-dated.txt: the bundled plan with a 完成时限 line after
each task's unit lines, the phrases taken in turn from a list of the forms
real plans print (tests/input/test_deadline.c names their sources). Run by
hand from the repository root; the output is committed:
    python3 tests/data/deadlines/make-dated.py > tests/data/deadlines/shenyang-2026-dated.txt
"""
import re
import sys

PHRASES = ["2026年6月底前", "持续推进", "年底前", "12月底前", "2026年9月", "上半年",
           "三季度末", "2026—2027年", "每季度", "第二季度", "2026年6月底前完成，年底前全面完成",
           "下半年", "10月底", "长期坚持", "2026年3月31日前", "一季度"]

lines = open("examples/shenyang-2026.txt", encoding="utf-8").read().split("\n")
out, k, in_task = [], 0, False
for i, line in enumerate(lines):
    s = line.strip()
    # a unit line ends a task block when the next non-blank line is not one
    out.append(line)
    if re.match(r"^(牵头单位|责任单位)[:：]", s):
        rest = [l.strip() for l in lines[i + 1:] if l.strip()]
        if not rest or not re.match(r"^(牵头单位|责任单位)[:：]", rest[0]):
            out.append("")
            out.append("  完成时限:" + PHRASES[k % len(PHRASES)])
            k += 1
sys.stdout.write("\n".join(out))
