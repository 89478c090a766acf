#!/usr/bin/python3
"""gen.py - the bench's export: N dossiers of a PTCE procedure as the
platform writes them (dossiers.csv and dossiers.xlsx with its four sheets),
made by the generator of tests/data/ds in ONE pass: each dossier is made
once and its rows streamed to every file, so that 100 000 dossiers take
about a minute and a few MB of memory.

usage: gen.py OUTDIR [--n N] [--seed S] [--formats csv,xlsx,members-csv]

members-csv writes members.csv (not a platform file: the floor of the
bench imports it with the sqlite3 shell).

The csv is written by make-export.py's own field writer. The xlsx keeps the
skeleton (styles, workbook, content types) openpyxl writes for a small
export and streams the sheets with the same cells: inline strings, times and
dates as numbers with the same styles, nil as a styled empty cell. One
dossier in ten has make-export.py's --long fields (2-4 KB each); on
average a dossier is about 4 KB of CSV, as the platform's real exports.
"""
import argparse
import importlib.util
import os
import re
import shutil
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
DS = os.path.join(HERE, "..", "data", "ds")
sys.path.insert(0, DS)
spec = importlib.util.spec_from_file_location("make_export", os.path.join(DS, "make-export.py"))
mx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mx)
from dstables import Export, ETAB_SHEET, AVIS_HEADERS, MEMBER_HEADERS, MEMBER_FIELDS  # noqa: E402

from openpyxl.utils.datetime import to_excel  # noqa: E402

XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    """One worksheet's XML streamed to a file, cells as openpyxl writes them."""

    def __init__(self, path, head, tail, styles):
        self.f = open(path, "w", encoding="utf-8")
        self.f.write(head + ("\n" if path.endswith("applicants.xml") else ""))
        self.tail = tail
        self.r = 0
        self.plain, self.time, self.date = styles
        self.cols = []
        self.lines = False

    def row(self, values, style=None):
        self.r += 1
        r = str(self.r)
        while len(self.cols) < len(values):
            self.cols.append(col_letter(len(self.cols)))
        out = ['<row r="', r, '">']
        for k, v in enumerate(values):
            ref = self.cols[k] + r
            s = style or self.plain
            if v is None:
                out.append('<c r="%s" s="%s" t="n"></c>' % (ref, s))
                continue
            if isinstance(v, bool):
                v = "true" if v else "false"
            if isinstance(v, (int, float)):
                out.append('<c r="%s" s="%s" t="n"><v>%s</v></c>' % (ref, s, repr(v)))
            elif hasattr(v, "hour"):
                out.append('<c r="%s" s="%s" t="n"><v>%r</v></c>'
                           % (ref, style or self.time, to_excel(v.replace(tzinfo=None))))
            elif hasattr(v, "year"):
                out.append('<c r="%s" s="%s" t="n"><v>%r</v></c>' % (ref, style or self.date, to_excel(v)))
            else:
                t = XML_BAD.sub("", v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                t = t.replace("\r", "&#13;")
                if self.lines:
                    t = t.replace("\n", "&#10;")
                sp = ' xml:space="preserve"' if t != t.strip() else ""
                out.append('<c r="%s" s="%s" t="inlineStr"><is><t%s>%s</t></is></c>' % (ref, s, sp, t))
        out.append("</row>\n" if self.lines else "</row>")
        self.f.write("".join(out))

    def close(self):
        if self.r == 0:
            self.f.write('<row r="1"/>')
        self.f.write(self.tail)
        self.f.close()


def template(tmp, seed):
    """openpyxl's skeleton for a small export, and each sheet's head/tail
    and the style ids of header, plain, time and date cells."""
    path = os.path.join(tmp, "template.xlsx")
    mx.write_xlsx(Export(3, seed, long=True), path, lambda *a: None)
    z = zipfile.ZipFile(path)
    x = z.read("xl/worksheets/sheet1.xml").decode()
    head = x[:x.index("<sheetData>") + len("<sheetData>")]
    tail = x[x.index("</sheetData>"):]
    hdr = re.search(r'<c r="A1" s="(\d+)"', x).group(1)
    plain = re.search(r'<c r="A2" s="(\d+)"', x).group(1)
    time = re.search(r'<c r="G2" s="(\d+)" t="n"><v>', x).group(1)
    y = z.read("xl/worksheets/sheet2.xml").decode()
    date = re.search(r'<c r="Y2" s="(\d+)" t="n"><v>', y).group(1)
    return path, z, head, tail, hdr, (plain, time, date)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--seed", default="1")
    p.add_argument("--formats", default="csv,xlsx")
    p.add_argument("--long-every", type=int, default=10,
                   help="2-4 KB long fields in one dossier of K (0: none; default 10),"
                        " the others as a short application")
    a = p.parse_args(argv)
    fmts = a.formats.split(",")
    os.makedirs(a.outdir, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=a.outdir)
    try:
        run(a, fmts, tmp)
    finally:
        shutil.rmtree(tmp)
    return 0


def run(a, fmts, tmp):
    exp = Export(a.n, a.seed, long=True)
    one = []
    exp.dossiers = lambda: iter(one)        # the rows of the current dossier only
    csv = None
    if "csv" in fmts:
        csv = open(os.path.join(a.outdir, "dossiers.csv"), "w", encoding="utf-8", newline="")
        csv.write(",".join(mx.ruby_csv_field(h) for h in exp.dossier_headers(True)) + "\n")
    mcsv = None
    if "members-csv" in fmts:   # for the floor: the members as sqlite3 .import reads them
        mcsv = open(os.path.join(a.outdir, "members.csv"), "w", encoding="utf-8", newline="")
        mcsv.write(",".join(mx.ruby_csv_field(h) for h in MEMBER_HEADERS) + "\n")
    sheets = None
    if "xlsx" in fmts:
        tpath, tz, head, tail, hdr, styles = template(tmp, a.seed)
        names = ["Dossiers", "Etablissements", "Avis", "members", "applicants"]
        sheets = {k: Sheet(os.path.join(tmp, k + ".xml"), head, tail, styles) for k in names}
        sheets["Dossiers"].row(exp.dossier_headers(False), hdr)
        sheets["Etablissements"].row(exp.etab_headers(), hdr)
        sheets["members"].row(MEMBER_HEADERS, hdr)
        sheets["applicants"].lines = True
    n_avis = 0
    for i in range(a.n):
        exp.long = a.long_every > 0 and i % a.long_every == 0
        d = exp.dossier(i)
        one[:] = [d]
        if csv:
            for (row, _), _d in exp.dossier_rows(True):
                csv.write(",".join(mx.ruby_csv_field(v) for v in row) + "\n")
        if mcsv:
            for k, m in enumerate(d.members, 1):
                mcsv.write(",".join(mx.ruby_csv_field(v) for v in
                                    [str(d.id), k] + [m[x] for _, x in MEMBER_FIELDS]) + "\n")
        if sheets:
            for (row, _), _d in exp.dossier_rows(False):
                sheets["Dossiers"].row(row)
            for m in d.members:
                if m.get("etab"):
                    sheets["Etablissements"].row(
                        [str(d.id), "SIRET du membre"] + [m["etab"][x] for _, x in ETAB_SHEET])
            sheets["applicants"].row([str(d.id), "Dossier"] + [d.etab[x] for _, x in ETAB_SHEET])
            for row, _ in exp.avis_rows():
                if n_avis == 0:
                    sheets["Avis"].row(AVIS_HEADERS, hdr)
                n_avis += 1
                sheets["Avis"].row(row)
            for k, m in enumerate(d.members, 1):
                sheets["members"].row([str(d.id), k] + [m[x] for _, x in MEMBER_FIELDS])
    if csv:
        csv.close()
    if mcsv:
        mcsv.close()
    if sheets:
        write_book(a, tmp, tz, sheets)


def write_book(a, tmp, tz, sheets):
    """The sheets into the skeleton: Etablissements is the members' rows,
    then the applicants' (renumbered)."""
    app = sheets.pop("applicants")
    app.f.write("\n")
    app.f.close()
    etab = sheets["Etablissements"]
    off = etab.r
    renum = re.compile(r'(<row r="|<c r="[A-Z]+)(\d+)"')
    with open(app.f.name, encoding="utf-8") as f:
        f.readline()                        # the sheet's head
        for line in f:
            if line.startswith("<row"):
                etab.f.write(renum.sub(lambda m: '%s%d"' % (m.group(1), int(m.group(2)) + off),
                                       line.rstrip("\n")))
    etab.r += app.r
    for s in sheets.values():
        s.close()
    files = {"xl/worksheets/sheet1.xml": "Dossiers", "xl/worksheets/sheet2.xml": "Etablissements",
             "xl/worksheets/sheet3.xml": "Avis", "xl/worksheets/sheet4.xml": "members"}
    out = os.path.join(a.outdir, "dossiers.xlsx")
    with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in tz.infolist():
            if info.filename in files:
                z.write(os.path.join(tmp, files[info.filename] + ".xml"), info.filename)
            else:
                z.writestr(info, tz.read(info.filename))
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
