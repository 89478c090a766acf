#!/usr/bin/env python3
"""layers.py - check the shape of the source tree against src/README.md.

Reads the layer table of src/README.md (| `folder/` | holds | may include |),
then every #include of src/ and ui/, and prints one line per problem:
  - a file of a layer including a header of a layer it may not include;
  - an include cycle between modules (a module is x.c with its x.h);
  - src/ including curses, ui/ running SQL;
  - a .c file of src/ or ui/ without a header of its own (main.c aside);
  - a file over MAX_FILE lines, a function over MAX_FUNC lines.
Exit status 0 when there is none, 1 otherwise.
Usage: layers.py [TOP]   (TOP defaults to the current folder)
"""
import os
import re
import sys

MAX_FILE = 900
MAX_FUNC = 80
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]')
CURSES = re.compile(r'^(n?curses|ncursesw/.*|panel|form|menu)(\.h)?$')
SQL_CALL = re.compile(r'\bsqlite3_(prepare\w*|exec|step)\s*\(')


def read_rules(top):
    """{layer: set of layers it may include} from src/README.md's table."""
    rules = {}
    path = os.path.join(top, 'src', 'README.md')
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if len(cells) < 3:
                continue
            m = re.fullmatch(r'`([a-z_]+)/`', cells[0])
            if not m:
                continue
            allowed = set(re.findall(r'`([a-z_]+)/?`', cells[-1]))
            rules[m.group(1)] = allowed
    return rules


def sources(top):
    out = []
    for root in ('src', 'ui'):
        for dp, _dn, fn in os.walk(os.path.join(top, root)):
            for f in fn:
                if f.endswith(('.c', '.h')):
                    out.append(os.path.relpath(os.path.join(dp, f), top))
    return sorted(out)


def layer_of(path):
    """'src/review/x.c' -> 'review'; 'src/main.c' -> 'main'; 'ui/..' -> 'ui'."""
    parts = path.split(os.sep)
    if parts[0] == 'ui':
        return 'ui'
    return parts[1] if len(parts) > 2 else 'main'


def resolve(top, path, name):
    """The tree path a quoted include names, or None (a system header)."""
    here = os.path.join(os.path.dirname(path), name)
    if os.path.exists(os.path.join(top, here)):
        return os.path.normpath(here)
    there = os.path.join('src', name)
    if os.path.exists(os.path.join(top, there)):
        return os.path.normpath(there)
    return None


def functions(lines):
    """(name, first line, length) of each function body: '{' in column 0."""
    start = None
    for i, line in enumerate(lines):
        if line.startswith('{') and start is None:
            j = i - 1
            while j >= 0 and lines[j].strip() and not lines[j].startswith(('}', '#', '/*', ' *')):
                j -= 1
            sig = ' '.join(lines[j + 1:i])
            m = re.search(r'(\w+)\s*\(', sig)
            start = (m.group(1) if m else '?', j + 2)
        elif line.startswith('}') and start is not None:
            yield start[0], start[1], i + 2 - start[1]
            start = None


def check(top):
    problems = []
    rules = read_rules(top)
    if not rules:
        return ['src/README.md: no layer table found (| `folder/` | holds | may include |)']
    files = sources(top)
    graph = {}
    for path in files:
        lay = layer_of(path)
        if lay not in ('main', 'ui') and lay not in rules:
            problems.append('%s: folder src/%s/ is not in the layer table of src/README.md' % (path, lay))
            continue
        with open(os.path.join(top, path), encoding='utf-8', errors='replace') as f:
            lines = f.read().split('\n')
        mod = os.path.splitext(path)[0]
        for n, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, name = m.groups()
            if path.startswith('src') and CURSES.match(name):
                problems.append('%s:%d: the core includes curses (<%s>)' % (path, n, name))
            if kind != '"':
                continue
            target = resolve(top, path, name)
            if not target:
                continue
            tlay = layer_of(target)
            tmod = os.path.splitext(target)[0]
            if tmod != mod:
                graph.setdefault(mod, {}).setdefault(tmod, (path, n))
            if tlay == lay or lay == 'main' and tlay != 'ui':
                continue
            if lay == 'ui':
                if tlay in ('main', 'demo'):
                    problems.append('%s:%d: ui/ includes %s' % (path, n, target))
                continue
            if tlay == 'ui' or tlay == 'main' or tlay not in rules.get(lay, set()):
                problems.append('%s:%d: layer %s includes %s, which is not below it (src/README.md)'
                                % (path, n, lay, target))
        if path.startswith('ui') and path.endswith('.c'):
            for n, line in enumerate(lines, 1):
                if SQL_CALL.search(line):
                    problems.append('%s:%d: ui/ runs SQL (%s)' % (path, n, SQL_CALL.search(line).group(0)))
        if path.endswith('.c') and lay != 'main' and not os.path.exists(os.path.join(top, mod + '.h')):
            problems.append('%s: no header of its own (%s.h)' % (path, os.path.basename(mod)))
        if path.endswith('.c'):
            if len(lines) - 1 > MAX_FILE:
                problems.append('%s: %d lines, over %d: split it by subject' % (path, len(lines) - 1, MAX_FILE))
            for name, first, length in functions(lines):
                if length > MAX_FUNC:
                    problems.append('%s:%d: function %s is %d lines, over %d' % (path, first, name, length, MAX_FUNC))
    problems += cycles(graph)
    return problems


def cycles(graph):
    """One line per include cycle found between modules."""
    out, state, stack = [], {}, []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                loop = stack[stack.index(nxt):] + [nxt]
                where = graph[node][nxt]
                out.append('%s:%d: include cycle: %s' % (where[0], where[1], ' -> '.join(loop)))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return out


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    problems = check(top)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
