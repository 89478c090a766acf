#!/usr/bin/python3
"""make-export.py - write a Démarches Simplifiées export of a PTCE
procedure exactly as the platform writes it, for tests and benchmarks.

usage: make-export.py OUTDIR [--n N] [--seed S] [--long] [--old-archive-header]
                      [--broken KIND] [--template-tree] [--merged] [--ods-dates]
                      [--formats LIST]

Writes into OUTDIR: dossiers.xlsx, dossiers-sharedstrings.xlsx, dossiers.ods,
dossiers-resaved.ods, dossiers.csv, dossiers-excel-fr.csv, export.zip
(+ export-template.zip with --template-tree), export-manifest.tsv and
hostile/*.zip. Deterministic from the seed. See README.md for what each
file reproduces and the platform code it was read from.
"""
import argparse
import functools
import io
import os
import re
import sys
import warnings
import zipfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dsfiles  # noqa: E402
from dstables import Export, BROKEN_KINDS  # noqa: E402

FORMATS = ["xlsx", "ods", "csv", "zip", "hostile"]
TIME_FORMAT = "yyyy-mm-dd h:mm AM/PM"   # spreadsheet_architect's :time style
DATE_FORMAT = "yyyy-mm-dd"              # its :date style


# --- values as Ruby writes them ---------------------------------------------
def ruby_float(f):
    s = repr(float(f))
    if "e" in s:
        m, e = s.split("e")
        s = ("%s.0" % m if "." not in m else m) + "e" + ("%+03d" % int(e))
    return s


def ruby_s(v):
    """Kernel#String of a value, as Ruby's CSV and rodf print it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return ruby_float(v)
    if hasattr(v, "hour"):     # ActiveSupport::TimeWithZone#to_s
        return v.strftime("%Y-%m-%d %H:%M:%S %z")
    if hasattr(v, "year"):
        return v.strftime("%Y-%m-%d")
    return str(v)


# --- CSV --------------------------------------------------------------------
def ruby_csv_field(v):
    """Ruby CSV 3.3: nil unquoted empty, "" quoted, quotes only when the
    field holds \\r, \\n, the separator or a quote."""
    if v is None:
        return ""
    s = ruby_s(v)
    if s == "" or re.search(r'[\r\n,"]', s):
        return '"' + s.replace('"', '""') + '"'
    return s


def excel_fr_field(v):
    """What a French spreadsheet writes back: ';', line breaks inside a
    cell as LF, nothing for an empty cell."""
    s = ruby_s(v).replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r'[;"\n]', s):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_csvs(exp, out, report):
    headers = exp.dossier_headers(True)
    with open(os.path.join(out, "dossiers.csv"), "w", encoding="utf-8", newline="") as f, \
            open(os.path.join(out, "dossiers-excel-fr.csv"), "w", encoding="cp1252",
                 errors="replace", newline="") as g:
        f.write(",".join(ruby_csv_field(h) for h in headers) + "\n")
        g.write(";".join(excel_fr_field(h) for h in headers) + "\r\n")
        line_f = line_g = 2
        for (row, mark), d in exp.dossier_rows(True):
            a = ",".join(ruby_csv_field(v) for v in row) + "\n"
            b = ";".join(excel_fr_field(v) for v in row) + "\r\n"
            if mark is not None:
                report("dossiers.csv", "-", line_f, mark, headers[mark], d.id, row[mark])
                report("dossiers-excel-fr.csv", "-", line_g, mark, headers[mark], d.id, row[mark])
            f.write(a)
            g.write(b)
            line_f += a.count("\n")
            line_g += b.count("\n")


# --- xlsx (openpyxl, write-only: inline strings like caxlsx) ----------------
def write_xlsx(exp, path, report, merged=False):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    wb = Workbook(write_only=True)
    merge_ref = None
    for name, headers, rows in exp.sheets():
        ws = wb.create_sheet(name)
        hdr = WriteOnlyCell(ws)
        hdr.font = Font(b=True, color="FFFFFFFF", sz=12)
        hdr.fill = PatternFill("solid", fgColor="FF000000")
        plain = WriteOnlyCell(ws)
        plain.font = Font(color="000000", sz=12)
        ttime = WriteOnlyCell(ws)
        ttime.font, ttime.number_format = Font(color="000000", sz=12), TIME_FORMAT
        tdate = WriteOnlyCell(ws)
        tdate.font, tdate.number_format = Font(color="000000", sz=12), DATE_FORMAT

        def cell(v, tmpl=None):
            if isinstance(v, bool):
                v = "true" if v else "false"
            elif hasattr(v, "hour"):
                v, tmpl = v.replace(tzinfo=None), tmpl or ttime
            elif hasattr(v, "year"):
                tmpl = tmpl or tdate
            c = WriteOnlyCell(ws, v)
            if isinstance(v, str) and v.startswith("="):
                c.data_type = "s"      # escape_formulas: a string, not a formula
            c._style = (tmpl or plain)._style
            return c

        it = iter(rows())
        first = next(it, None)
        if first is None:      # no instance: spreadsheet_architect writes one empty row
            ws.append([])
            continue
        ws.append([cell(h, hdr) for h in headers])
        r = 1
        for row, mark in _chain(first, it):
            r += 1
            ws.append([cell(v) for v in row])
            if mark is not None:
                report(os.path.basename(path), name, r, mark, headers[mark], row[0], row[mark])
            if merged and merge_ref is None and name == "Dossiers" and row[10] is None \
                    and row[11] is None:
                merge_ref = "K%d:L%d" % (r, r)   # Traité le + Motivation, both empty
    wb.save(path)
    if merge_ref:
        _patch_zip(path, {"xl/worksheets/sheet1.xml": lambda x: x.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="%s"/></mergeCells>'
            % merge_ref.encode(), 1)})


def _chain(first, it):
    yield first
    yield from it


def _patch_zip(path, edits, extra=None):
    """Rewrite a zip with some members edited (bytes -> bytes) or added."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data)
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra.items() if extra is not None else []):
            zout.writestr(name, data)
    os.replace(tmp, path)


INLINE = re.compile(rb'<c ([^>]*?) ?t="inlineStr"(?:/>|>(?:<is><t(?: xml:space="preserve")?>(.*?)</t></is>)?</c>)', re.S)


def write_shared_strings(src, dst):
    """The same workbook with its strings in xl/sharedStrings.xml, the way
    Excel or LibreOffice write it back after a save."""
    table, order = {}, []

    def sub(m):
        text = m.group(2)
        if not text:
            return b"<c " + m.group(1) + b"/>"
        if text not in table:
            table[text] = len(order)
            order.append(text)
        return b"<c %s t=\"s\"><v>%d</v></c>" % (m.group(1), table[text])

    import shutil
    shutil.copyfile(src, dst)
    with zipfile.ZipFile(src) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    edits = {n: (lambda x: INLINE.sub(sub, x)) for n in sheets}
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    edits["[Content_Types].xml"] = lambda x: x.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % ct.encode())
    edits["xl/_rels/workbook.xml.rels"] = lambda x: x.replace(
        b"</Relationships>", b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')

    class Lazy(dict):   # the table is known once the sheets are rewritten
        def items(self):
            body = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % t for t in order)
            return [("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                     b'count="%d" uniqueCount="%d">%s</sst>' % (len(order), len(order), body))]
    _patch_zip(dst, edits, Lazy())


# --- ods (odfpy elements, rodf's container and cell forms) ------------------
ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:oooc="http://openoffice.org/2004/calc" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink"')
RUBY_WS = " \t\n\v\f\r\0"


def ruby_lines(s):
    """String#split("\\n"): trailing empty fields dropped."""
    parts = s.split("\n")
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def rodf_cell(v, style):
    """A table:table-cell as spreadsheet_architect + rodf write it: numbers
    float, everything else (times, dates, booleans) a string; strings
    stripped, one text:p per line."""
    from odf.table import TableCell
    from odf.text import P
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        s = ruby_float(v) if isinstance(v, float) else str(v)
        c = TableCell(valuetype="float", value=s, stylename=style)
        c.addElement(P(text=s))
        return c
    c = TableCell(valuetype="string", stylename=style)
    s = "" if v is None else (v.strip(RUBY_WS) if isinstance(v, str) else ruby_s(v))
    for line in ruby_lines(s):
        c.addElement(P(text=line) if line else P())
    return c


def write_ods(exp, path, report):
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles '
              'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
              'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">'
              '<office:styles><style:style style:name="Default" style:family="table-cell"/>')
    for _ in exp.sheets():   # rodf adds both styles once per table
        styles += ('<style:style style:name="header_style" style:family="table-cell">'
                   '<style:text-properties fo:font-weight="bold" fo:font-size="12" fo:color="#FFFFFF"/>'
                   '<style:table-cell-properties fo:background-color="#000000"/></style:style>'
                   '<style:style style:name="row_style" style:family="table-cell">'
                   '<style:text-properties fo:font-size="12" fo:color="#000000"/></style:style>')
    styles += "</office:styles> </office:document-styles>"
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\n'
                ' <manifest:file-entry manifest:media-type="application/vnd.oasis.opendocument.spreadsheet" manifest:full-path="/"/>\n'
                ' <manifest:file-entry manifest:media-type="text/xml" manifest:full-path="content.xml"/>\n'
                ' <manifest:file-entry manifest:media-type="text/xml" manifest:full-path="styles.xml"/>\n'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:   # no mimetype: rodf writes none
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("styles.xml", styles)
        zi = zipfile.ZipInfo("content.xml", dsfiles.EXPORT_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, "w", force_zip64=True) as raw:
            f = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            f.write('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s>'
                    '<office:body><office:spreadsheet>' % ODS_NS)
            for name, headers, rows in exp.sheets():
                f.write('<table:table table:name="%s">' % _xml_attr(name))
                it = iter(rows())
                first = next(it, None)
                if first is None:
                    f.write("<table:table-row/></table:table>")
                    continue
                f.write(_ods_row(headers, "header_style"))
                r = 1
                for row, mark in _chain(first, it):
                    r += 1
                    f.write(_ods_row(row, "row_style"))
                    if mark is not None:
                        report(os.path.basename(path), name, r, mark, headers[mark], row[0], row[mark])
                f.write("</table:table>")
            f.write("</office:spreadsheet></office:body></office:document-content>")
            f.flush()
            f.detach()


@functools.lru_cache(maxsize=200000)
def _ods_cell_xml(kind, v, style):
    """One cell serialized by odfpy (cached: most cells repeat)."""
    out = io.StringIO()
    rodf_cell(v, style).toXml(1, out)
    return out.getvalue()


def _ods_row(values, style):
    cells = []
    for v in values:
        kind = type(v).__name__    # 1 and 1.0 and True are equal keys otherwise
        cells.append(_ods_cell_xml(kind, v, style))
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def _xml_attr(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def write_ods_resaved(exp, path, dates=False):
    """The same sheets saved again by a spreadsheet program through odfpy's
    own document writer: a mimetype entry, empty cells without a type and
    runs of them as table:number-columns-repeated; --ods-dates also turns
    the timestamps into office:date-value cells."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    for name, headers, rows in exp.sheets():
        t = Table(name=name)
        for row in [headers] + [r for r, _ in rows()]:
            tr, empty = TableRow(), 0
            for v in list(row) + [None]:
                if v is None or v == "":
                    empty += 1
                    continue
                if empty:
                    tr.addElement(TableCell(numbercolumnsrepeated=empty) if empty > 1 else TableCell())
                    empty = 0
                if dates and hasattr(v, "hour"):
                    c = TableCell(valuetype="date", datevalue=v.strftime("%Y-%m-%dT%H:%M:%S"))
                    c.addElement(P(text=v.strftime("%d/%m/%Y %H:%M:%S")))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    s = ("%d" % v) if float(v).is_integer() else repr(v)
                    c = TableCell(valuetype="float", value=s)
                    c.addElement(P(text=s))
                else:
                    c = TableCell(valuetype="string")
                    for line in ruby_s(v).replace("\r\n", "\n").split("\n"):
                        c.addElement(P(text=line))
                tr.addElement(c)
            empty -= 1   # the sentinel
            if empty > 0:
                tr.addElement(TableCell(numbercolumnsrepeated=empty) if empty > 1 else TableCell())
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(path)


# --- main -------------------------------------------------------------------
def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--n", type=int, default=30, help="dossiers (1..100000, default 30)")
    p.add_argument("--seed", default="1", help="random seed (default 1)")
    p.add_argument("--long", action="store_true", help="2-4 KB texts in the long fields")
    p.add_argument("--old-archive-header", action="store_true",
                   help="'Archivé' instead of 'À archiver' (exports before November 2024)")
    p.add_argument("--broken", choices=sorted(BROKEN_KINDS),
                   help="break one cell on purpose; its places are printed on stdout")
    p.add_argument("--template-tree", action="store_true",
                   help="also write export-template.zip, the tree of an export template")
    p.add_argument("--merged", action="store_true",
                   help="merge two empty cells of Dossiers in dossiers.xlsx (the platform never does)")
    p.add_argument("--ods-dates", action="store_true",
                   help="timestamps as date cells in dossiers-resaved.ods")
    p.add_argument("--formats", default=",".join(FORMATS),
                   help="what to write, among %s (default: all)" % ",".join(FORMATS))
    a = p.parse_args(argv)
    if not 1 <= a.n <= 100000:
        p.error("--n must be between 1 and 100000")
    a.formats = a.formats.split(",")
    for f in a.formats:
        if f not in FORMATS:
            p.error("unknown format %r" % f)
    return a


def main(argv):
    a = parse_args(argv)
    os.makedirs(a.outdir, exist_ok=True)
    exp = Export(a.n, a.seed, long=a.long, old_archive=a.old_archive_header, broken=a.broken)
    seen = set()

    def report(fname, sheet, row, col, header, dossier_id, value):
        key = (fname, sheet, row, col)
        if key in seen:
            return
        seen.add(key)
        print("\t".join([a.broken, fname, sheet, str(row), _col_letter(col), str(col + 1),
                         header, str(dossier_id), repr(value)]))

    out = a.outdir
    if "xlsx" in a.formats:
        write_xlsx(exp, os.path.join(out, "dossiers.xlsx"), report, merged=a.merged)
        write_shared_strings(os.path.join(out, "dossiers.xlsx"),
                             os.path.join(out, "dossiers-sharedstrings.xlsx"))
    if "ods" in a.formats:
        write_ods(exp, os.path.join(out, "dossiers.ods"), report)
        if a.n <= 5000:
            write_ods_resaved(exp, os.path.join(out, "dossiers-resaved.ods"), a.ods_dates)
    if "csv" in a.formats:
        write_csvs(exp, out, report)
    if "zip" in a.formats:
        dsfiles.write_zips(exp, out, a.template_tree)
    if "hostile" in a.formats:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dsfiles.write_hostile(os.path.join(out, "hostile"))
    return 0


def _col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
