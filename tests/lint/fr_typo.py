#!/usr/bin/env python3
"""fr_typo.py - French typography of a .po catalogue's msgstr.

Usage: fr_typo.py [--fix] FILE.po...

The catalogue's convention: a no-break space U+00A0 before ":", a narrow
no-break space U+202F before ";" "?" "!", U+00A0 inside « guillemets », the
typographic apostrophe ’ in words. Each msgstr that breaks it is reported as
file:line: message (the line where the fault sits); --fix rewrites the file
in place. Exit status 1 when something was reported (or fixed), 0 otherwise.

Left alone: the header entry, obsolete entries (#~), printf directives, times
and file:line:column positions (no space after the colon), URLs, text between
backquotes and option or command words (--grid, :view), keys named in key
lists ("o/n/?", "?" alone), escape sequences, and strings made of directives
and punctuation only (layout).
"""
import re
import sys

NBSP, NNBSP = "\u00a0", "\u202f"
WANT = {":": NBSP, ";": NNBSP, "?": NNBSP, "!": NNBSP}
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                       r"(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm%]")
ESCAPE = re.compile(r'\\(?:[ntrabfv\\"\'?]|[0-7]{1,3}|x[0-9a-fA-F]+)')
WORDCHAR = re.compile(r"\w", re.UNICODE)


def protected_spans(s):
    """Offsets of s where nothing may change: directives, escapes, URLs,
    backquoted text, option and command words."""
    spans = []
    for rx in (DIRECTIVE, ESCAPE, re.compile(r"[a-z]+://\S+"),
               re.compile(r"`[^`]*`"),
               re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=\S*)?"),
               re.compile(r"(?<![\w\u00a0 ]):[a-z][\w-]*")):
        spans += [m.span() for m in rx.finditer(s)]
    return spans


def inside(pos, spans):
    return any(a <= pos < b for a, b in spans)


def is_letter(c):
    return bool(c) and c.isalpha()


def ends_text(s, i):
    """True when position i of the raw string is the end of a phrase:
    end of string, a space, an escape (\\n...), or closing punctuation."""
    if i >= len(s):
        return True
    c = s[i]
    return c in " \u00a0\u202f)]»,.\\\"" or c in WANT


def punct_faults(s, spans, msgid):
    """(pos, old_len, new, message) for the space before : ; ? !"""
    out = []
    keys = detached(msgid)
    spans = spans + quoted_spans(s)
    for i, c in enumerate(s):
        if c not in WANT or inside(i, spans) or (i > 0 and s[i - 1] in WANT):
            continue                             # "?!": the first one only
        if not ends_text(s, i + 1):              # 14:05, a:b, ;x, :view
            continue
        prev = s[i - 1] if i > 0 else ""
        if prev in ("", "/", "(", "[") or s[:i].endswith("\\n"):
            continue                             # a key name: "o/n/?"
        if prev == " " and (c in keys or s[i - 2] in " ,;/([\u00a0"):
            continue                             # "press ? for", columns
        if prev == WANT[c]:
            continue
        if prev in (" ", NBSP, NNBSP):
            out.append((i - 1, 1, WANT[c], "%s before « %s » (want %s)"
                        % (_name(prev), c, _name(WANT[c]))))
        elif not machine_key(s, i, msgid):
            out.append((i, 0, WANT[c], "no space before « %s » (want %s)"
                        % (c, _name(WANT[c]))))
    return out


def detached(msgid):
    """Punctuation the English text uses alone, as a key: "press ? for"."""
    return {m.group(1) for m in re.finditer(r"(?:^| )([:;?!])(?=[ ):\]]|$)", msgid)}


def machine_key(s, i, msgid):
    """"ID: value": a key (lower case or capitals) glued to its colon as in
    the English text, where the translator kept it glued (a line a program
    reads); "Total:" is a word, not a key."""
    m = re.search(r"(?<![\w-])([a-z_][a-z0-9_]*|[A-Z][A-Z0-9_]*)$", s[:i])
    return bool(m) and re.search(r"(?<![\w-])" + re.escape(m.group(1)) + ":",
                                 msgid) is not None


def _name(ch):
    return {" ": "space", NBSP: "U+00A0", NNBSP: "U+202F"}.get(ch, repr(ch))


def apostrophe_faults(s, spans):
    out = []
    for m in re.finditer(r"'", s):
        i = m.start()
        if inside(i, spans) or i == 0 or i + 1 >= len(s):
            continue
        if is_letter(s[i - 1]) and (is_letter(s[i + 1]) or s[i + 1] == "%"):
            out.append((i, 1, "\u2019", "straight apostrophe (want ’)"))
    return out


def quote_faults(s, spans):
    """Straight quotes around words: \\"word\\" or 'word' -> « word ».
    Two edits, the opening and the closing quote (they may sit on two
    lines); a quote given to an option of a command line (ptce --db '%s')
    is shell syntax."""
    out = []
    spans = [(a, b) for a, b in spans if s[a:b] != '\\"']
    for rx in (re.compile(r'\\"([^"\\]*(?:\\[^"][^"\\]*)*)\\"'),
               re.compile(r"(?<![\w])'([^'\n]+?)'(?![\w])")):
        for m in rx.finditer(s):
            body = m.group(1)
            q = 2 if s[m.start()] == "\\" else 1
            if inside(m.start(), spans) or (q == 2 and not re.search(r"\w|%", body)):
                continue                   # \"...\": a placeholder to type
            if body.strip() != body or "\\n" in body or \
                    re.search(r"\bptce(?: \S+)* --?[A-Za-z][\w-]*[ =]$", s[:m.start()]):
                continue
            out.append((m.start(), q, "\u00ab" + NBSP,
                        "straight quotes around « %s » (want « … »)" % body))
            out.append((m.end() - q, q, NBSP + "\u00bb", None))
    return out


def quoted_spans(s):
    """Text between quotes or guillemets: literal, no punctuation rule."""
    rx = re.compile(r'\\"[^"\\]*\\"|(?<![\w])\'[^\'\n]+?\'(?![\w])|\u00ab[^\u00bb]*\u00bb')
    return [m.span() for m in rx.finditer(s)]


def guillemet_faults(s, spans):
    out = []
    for m in re.finditer("\u00ab( ?)", s):
        if m.group(1) != NBSP and s[m.end():m.end() + 1] != NBSP:
            out.append((m.start() + 1, len(m.group(1)), NBSP,
                        "%s after « (want U+00A0)" % (_name(" ") if m.group(1) else "no space")))
    for m in re.finditer("( ?)\u00bb", s):
        if m.start() > 0 and s[m.start() - 1] == NBSP and not m.group(1):
            continue
        out.append((m.start(), len(m.group(1)), NBSP,
                    "%s before » (want U+00A0)" % (_name(" ") if m.group(1) else "no space")))
    return out


def layout_only(s):
    """Directives, escapes, spaces and punctuation only: a format string."""
    rest = ESCAPE.sub("", DIRECTIVE.sub("", s))
    return not WORDCHAR.search(rest)


def faults(s, msgid=""):
    if layout_only(s):
        return []
    spans = protected_spans(s)
    found = quote_faults(s, spans)
    taken = [(p, p + n) for p, n, _, _ in found]
    for f in apostrophe_faults(s, spans) + punct_faults(s, spans, msgid) + \
            guillemet_faults(s, spans):
        if not any(a <= f[0] < b for a, b in taken):
            found.append(f)
    found.sort(key=lambda f: f[0])
    return found


class Msgstr:
    """One msgstr: its quoted segments as (line index, text between quotes)."""

    def __init__(self, msgid=""):
        self.segs = []
        self.msgid = msgid

    def text(self):
        return "".join(t for _, t in self.segs)

    def locate(self, pos):
        """(segment index, offset) of pos in the joined text."""
        for k, (_, t) in enumerate(self.segs):
            if pos < len(t) or (pos == len(t) and k == len(self.segs) - 1):
                return k, pos
            pos -= len(t)
        return len(self.segs) - 1, len(self.segs[-1][1])


QUOTED = re.compile(r'^(\s*(?:(?:msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?)"(.*)"\s*$')


def parse(lines):
    """The msgstrs of the non-header, non-obsolete entries."""
    out, cur, msgid, state = [], None, None, None
    for n, line in enumerate(lines):
        if line.startswith("msgid "):
            msgid, state, cur = [], "id", None
        elif line.startswith("msgid_plural"):
            state = "plural"
        elif line.startswith("msgstr"):
            state = "str"
            cur = Msgstr("".join(msgid or []))
            if msgid and "".join(msgid) != "":
                out.append(cur)
        elif not line.startswith('"'):
            state, cur = None, None
            continue
        m = QUOTED.match(line) if state else None
        if not m:
            continue
        if state == "id":
            msgid.append(m.group(2))
        elif state == "str" and cur is not None:
            cur.segs.append((n, m.group(2)))
    return out


def check(path, fix):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    reported = 0
    for ms in parse(lines):
        fl = faults(ms.text(), ms.msgid)
        if not fl:
            continue
        for pos, _, _, msg in fl:
            if msg is None:
                continue
            k, _ = ms.locate(pos)
            print("%s:%d: %s" % (path, ms.segs[k][0] + 1, msg))
            reported += 1
        if fix:
            apply(lines, ms, fl)
    if fix and reported:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    return reported


def apply(lines, ms, fl):
    """Edit each segment in place, from the last fault to the first."""
    segs = [list(x) for x in ms.segs]
    for pos, n, new, _ in sorted(fl, key=lambda f: -f[0]):
        k, off = ms.locate(pos)
        t = segs[k][1]
        segs[k][1] = t[:off] + new + t[off + n:]
    for (ln, old), (_, new) in zip(ms.segs, segs):
        if old != new:
            lines[ln] = lines[ln].replace('"' + old + '"', '"' + new + '"', 1)


def main(argv):
    fix = "--fix" in argv
    files = [a for a in argv if a != "--fix"]
    if not files:
        print("usage: fr_typo.py [--fix] FILE.po...", file=sys.stderr)
        return 2
    total = sum(check(p, fix) for p in files)
    if total:
        print("%d typography fault(s)%s" % (total, ", fixed" if fix else ""),
              file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
