#!/usr/bin/python3
"""cells.py BEFORE AFTER - the floor of a key's output: the UTF-8 bytes of
the screen cells that changed (character or attributes) between two
`tmux capture-pane -e -p` dumps. Each changed cell costs at least its
character; a run of changed cells on one line costs one cursor move more
(3 bytes, the shortest CSI sequence)."""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def grid(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f.read().split("\n"):
            cells, attr, i = [], "", 0
            while i < len(line):
                m = SGR.match(line, i)
                if m:
                    attr = "" if m.group(1) in ("", "0") else attr + ";" + m.group(1)
                    i = m.end()
                    continue
                cells.append((line[i], attr))
                i += 1
            rows.append(cells)
    return rows


def main(before, after):
    a, b = grid(before), grid(after)
    total = 0
    for y in range(max(len(a), len(b))):
        ra = a[y] if y < len(a) else []
        rb = b[y] if y < len(b) else []
        run = False
        for x in range(max(len(ra), len(rb))):
            ca = ra[x] if x < len(ra) else (" ", "")
            cb = rb[x] if x < len(rb) else (" ", "")
            if ca != cb:
                total += len(cb[0].encode("utf-8")) + (0 if run else 3)
                run = True
            else:
                run = False
    print(total)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
