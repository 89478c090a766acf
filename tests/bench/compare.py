#!/usr/bin/python3
# compare.py - the figures that changed between two `make bench` tables
# (markdown, as run.sh prints them or RESULTS.md keeps them), as the
# "before and after" table of RESULTS.md.
#
#   python3 tests/bench/compare.py BEFORE.md AFTER.md [--min-change PCT] [--all]
#
# A row is matched by its figure and N. Rows whose value moved by less than
# PCT per cent (default 5) and kept their verdict are left out; rows only in
# one table (a run at other sizes) too, unless --all lists them with "-".
import re
import sys


def rows(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 7 or cells[0] in ("figure", "---") or cells[1] == "N":
                continue
            if not re.fullmatch(r"\d+", cells[1]):
                continue
            # a timing is shown with its ratio to the floor of the same run
            value = cells[2] if cells[4] in ("-", "") else "%s (%s×)" % (cells[2], cells[4])
            out[(cells[0], int(cells[1]))] = (value, cells[6])
    return out


def number(v):
    m = re.match(r"-?\d+(\.\d+)?", v.replace(" ", ""))
    return float(m.group(0)) if m else None


def main(argv):
    if len(argv) < 3:
        print("usage: compare.py BEFORE.md AFTER.md [--min-change PCT] [--all]", file=sys.stderr)
        return 2
    pct = float(argv[argv.index("--min-change") + 1]) if "--min-change" in argv else 5.0
    before, after = rows(argv[1]), rows(argv[2])
    print("| figure | N | before | after | met before → after |")
    print("|---|---|---|---|---|")
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if not (b and a) and "--all" not in argv:
            continue
        if b and a:
            nb, na = number(b[0]), number(a[0])
            moved = nb is None or na is None or abs(na - nb) > abs(nb) * pct / 100
            if not moved and b[1] == a[1]:
                continue
        bv, bm = b if b else ("-", "-")
        av, am = a if a else ("-", "-")
        print("| %s | %d | %s | %s | %s → %s |" % (key[0], key[1], bv, av, bm, am))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
