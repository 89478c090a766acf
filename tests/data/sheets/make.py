#!/usr/bin/python3
"""make.py - write the spreadsheets and archives tests/unit/test_book.c and
test_zipread.c read, into the directory given (nothing here is committed).

Usage: /usr/bin/python3 tests/data/sheets/make.py DIR [--big]

The workbooks come from real writers (openpyxl, odfpy) as the platform's
exports look; the odd corners no writer produces on request (inline and
rich strings, _xHHHH_ escapes, the 1904 date system, a DOCTYPE entity bomb)
and the hostile zips are written part by part with zipfile."""
import datetime
import os
import struct
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, CoveredTableCell
from odf.text import P, S, Tab, LineBreak, Span
from odf.office import Annotation


def platform_xlsx(path):
    """Dossiers, Etablissements, Avis and a repeated block, as the platform."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dossiers"
    ws.append(["ID", "Email", "FranceConnect ?", "Entreprise raison sociale",
               "État du dossier", "Déposé le", "Date de création",
               "Montant demandé", "Nombre de salariés", "Adresse",
               "Département", "Case à cocher", "Note"])
    ws.append([101, "porteur@example.org", False, "Stras Eco Renov", "En instruction",
               datetime.datetime(2025, 3, 12, 10, 31, 0), datetime.date(2024, 1, 15),
               95000.0, 180000, "1 rue de la Paix\n67000 Strasbourg",
               "88 – Vosges", "on", None])
    # row 3 left empty: skipped, but row 4 keeps its number
    ws.cell(row=4, column=1, value=102)
    ws.cell(row=4, column=2, value="autre@example.org")
    ws.cell(row=4, column=3, value=True)
    ws.cell(row=4, column=6, value=datetime.datetime(2025, 1, 2, 0, 0, 0))
    ws.cell(row=4, column=8, value=95000.5)
    ws.cell(row=4, column=13, value="fusion")
    ws.cell(row=4, column=14, value=None)
    ws.merge_cells("M4:N5")
    ws.cell(row=5, column=1, value=103)
    ws["J2"].alignment = Alignment(wrap_text=True)
    et = wb.create_sheet("Etablissements")
    et.append(["Dossier ID", "Champ", "Établissement SIRET"])
    et.append([101, "SIRET du membre", "12345678900011"])
    av = wb.create_sheet("Avis")
    av.append(["Dossier ID", "Introduction", "Réponse", "Question", "Réponse oui/non",
               "Créé le", "Répondu le", "Instructeur", "Expert"])
    av.append([101, "Votre avis ?", "Favorable", None, True,
               datetime.datetime(2025, 3, 20, 9, 0, 0), None,
               "instructeur@example.org", "expert@example.org"])
    mb = wb.create_sheet("Membres du PTCE")
    mb.append(["Dossier ID", "Ligne", "Nom du membre", "Rôle"])
    for i in range(1, 4):
        mb.append([101, i, "Membre %d" % i, "ESS" if i % 2 else "Collectivité"])
    wb.save(path)


RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/></Types>"""


def raw_xlsx(path, sheets, shared=None, styles=None, date1904=False, extra=None):
    """A workbook written part by part: sheets is [(name, sheet XML body)]."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        pr = '<workbookPr date1904="1"/>' if date1904 else ""
        sh = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                     for i, (n, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s">%s<sheets>%s'
                   '</sheets></workbook>' % (MAIN_NS, RELS_NS, pr, sh))
        rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" '
                       'Target="worksheets/../worksheets/sheet%d.xml"/>' % (i + 1, RELS_NS, i + 1)
                       for i in range(len(sheets)))
        rels += '<Relationship Id="rS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % RELS_NS
        rels += '<Relationship Id="rT" Type="%s/styles" Target="styles.xml"/>' % RELS_NS
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org'
                   '/package/2006/relationships">%s</Relationships>' % rels)
        for i, (_, body) in enumerate(sheets):
            if body.startswith("<?xml") or body.startswith("<!"):
                z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), body)
            else:
                z.writestr("xl/worksheets/sheet%d.xml" % (i + 1),
                           '<?xml version="1.0"?><worksheet xmlns="%s">%s</worksheet>'
                           % (MAIN_NS, body))
        if shared is not None:
            z.writestr("xl/sharedStrings.xml",
                       '<?xml version="1.0"?><sst xmlns="%s">%s</sst>' % (MAIN_NS, shared))
        if styles is not None:
            z.writestr("xl/styles.xml",
                       '<?xml version="1.0"?><styleSheet xmlns="%s">%s</styleSheet>'
                       % (MAIN_NS, styles))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def corners_xlsx(path):
    """What no writer does on request: every cell type, rich and inline
    strings, escapes, cells without references, the 1904 date system."""
    shared = ('<si><t>Nom</t></si>'
              '<si><r><rPr><b/></rPr><t>Ri</t></r><r><t xml:space="preserve">che </t></r>'
              '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>'
              '<si><t>a_x000D_b_x005F_x0041_</t></si>'
              '<si><t xml:space="preserve">  </t></si>')
    styles = ('<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/>'
              '<numFmt numFmtId="165" formatCode="&quot;day&quot;\\ 0.00"/>'
              '<numFmt numFmtId="166" formatCode="[Red]#,##0.00"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
              '<xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="166"/></cellXfs>')
    rows = ('<sheetData>'
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Inline</t>'
            '</is></c><c t="s"><v>1</v></c><c r="E2" t="str"><v>Formule</v></c></row>'
            '<row r="3"/>'
            '<row r="4"><c r="A4" t="inlineStr"><is><r><t>en </t></r><r><t>deux</t></r></is></c>'
            '<c r="B4" t="b"><v>1</v></c><c r="C4" t="s"><v>2</v></c><c r="D4" t="e"><v>#N/A</v></c>'
            '<c r="E4"><f>1+1</f><v>2</v></c><c r="F4" s="1"><v>0</v></c>'
            '<c r="G4" s="2"><v>1.5</v></c><c r="H4" s="3"><v>42</v></c>'
            '<c r="I4" s="4"><v>0.4375</v></c><c r="J4" s="5"><v>95000.0</v></c>'
            '<c r="K4" t="d"><v>2025-03-12T10:31:00Z</v></c></row>'
            '<row><c t="b"><v>0</v></c><c t="s"><v>3</v></c><c r="Z5"/></row>'
            '</sheetData>'
            '<mergeCells count="1"><mergeCell ref="A6:A6"/></mergeCells>')
    raw_xlsx(path, [("Coins", rows)], shared=shared, styles=styles, date1904=True)


def hostile_xlsx(d):
    nul = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>' \
          '<row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData>'
    raw_xlsx(os.path.join(d, "nul.xlsx"), [("S", nul)],
             shared='<si><t>H</t></si><si><t>a_x0000_b</t></si>')
    lol = "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10))
    bomb = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">%s]>'
            '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;'
            '</t></is></c></row></sheetData></worksheet>' % (lol, MAIN_NS))
    raw_xlsx(os.path.join(d, "bomb.xlsx"), [("S", bomb)])
    # A worksheet that inflates 1000 times (blanks between two rows, 8 MiB of
    # XML in a few KB): no cap on a sheet's size (sheets are streamed), the
    # ratio cap refuses it.
    blanks = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>H</t></is></c></row>' \
             + " " * (8 << 20) + '</sheetData>'
    raw_xlsx(os.path.join(d, "ratio.xlsx"), [("S", blanks)])
    broken = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>H</t></is></c></row>' \
             '<row r="2"><c r="A2" t="inlineStr"><is><t>x</is></c></row></sheetData>'
    raw_xlsx(os.path.join(d, "broken.xlsx"), [("Cassée", broken)])
    badsst = '<sheetData><row r="7"><c r="C7" t="s"><v>9</v></c></row></sheetData>'
    raw_xlsx(os.path.join(d, "badsst.xlsx"), [("S", badsst)], shared='<si><t>x</t></si>')
    # A workbook naming a sheet part it does not have.
    with zipfile.ZipFile(os.path.join(d, "nopart.xlsx"), "w") as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>' % (MAIN_NS, RELS_NS))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="x"><Relationship Id="rId1" Type="%s/worksheet" '
                   'Target="/xl/worksheets/missing.xml"/></Relationships>' % RELS_NS)


def para(*parts):
    p = P()
    for x in parts:
        if isinstance(x, str):
            p.addText(x)
        else:
            p.addElement(x)
    return p


def platform_ods(path):
    doc = OpenDocumentSpreadsheet()
    t = Table(name="Dossiers")
    header = ["ID", "Montant", "Déposé le", "Date", "Heure", "Booléen", "Adresse",
              "Espaces", "Fusion", "Vide", "Répété"]
    row = TableRow()
    for h in header:
        c = TableCell(valuetype="string")
        c.addElement(P(text=h))
        row.addElement(c)
    t.addElement(row)
    row = TableRow()
    c = TableCell(valuetype="float", value="101")
    c.addElement(P(text="101"))
    row.addElement(c)
    c = TableCell(valuetype="float", value="95000")
    c.addElement(P(text="95 000,00 €"))
    row.addElement(c)
    c = TableCell(valuetype="date", datevalue="2025-03-12T10:31:00")
    c.addElement(P(text="12/03/2025 10:31"))
    row.addElement(c)
    c = TableCell(valuetype="date", datevalue="2024-01-15")
    c.addElement(P(text="15/01/2024"))
    row.addElement(c)
    c = TableCell(valuetype="time", timevalue="PT10H31M05S")
    c.addElement(P(text="10:31:05"))
    row.addElement(c)
    c = TableCell(valuetype="boolean", booleanvalue="true")
    c.addElement(P(text="VRAI"))
    row.addElement(c)
    c = TableCell(valuetype="string")
    c.addElement(para("1 rue de la Paix", LineBreak(), "67000 ", Span(text="Strasbourg")))
    c.addElement(P(text="France"))
    ann = Annotation()
    ann.addElement(P(text="a note, not the value"))
    c.addElement(ann)
    row.addElement(c)
    c = TableCell(valuetype="string")
    c.addElement(para("a", S(c=3), "b", Tab(), "c"))
    row.addElement(c)
    c = TableCell(valuetype="string", numbercolumnsspanned=2)
    c.addElement(P(text="fusion"))
    row.addElement(c)
    row.addElement(CoveredTableCell())
    c = TableCell(valuetype="string", numbercolumnsrepeated=1)
    row.addElement(c)
    t.addElement(row)
    # Two equal rows written once, repeated; then blank rows and a last one.
    row = TableRow(numberrowsrepeated=2)
    c = TableCell(valuetype="string", numbercolumnsrepeated=2)
    c.addElement(P(text="x"))
    row.addElement(c)
    t.addElement(row)
    row = TableRow(numberrowsrepeated=3)
    row.addElement(TableCell(numbercolumnsrepeated=1024))
    t.addElement(row)
    row = TableRow()
    row.addElement(TableCell(numbercolumnsrepeated=3))
    c = TableCell(valuetype="percentage", value="0.25")
    c.addElement(P(text="25 %"))
    row.addElement(c)
    t.addElement(row)
    # The padding LibreOffice writes to the end of the sheet.
    row = TableRow(numberrowsrepeated=1048569)
    row.addElement(TableCell(numbercolumnsrepeated=1024))
    t.addElement(row)
    doc.spreadsheet.addElement(t)
    t = Table(name="Avis")
    row = TableRow()
    for h in ("Dossier ID", "Réponse"):
        c = TableCell(valuetype="string")
        c.addElement(P(text=h))
        row.addElement(c)
    t.addElement(row)
    doc.spreadsheet.addElement(t)
    doc.save(path)


def other_zips(d):
    with zipfile.ZipFile(os.path.join(d, "text.odt"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<x/>")
    with zipfile.ZipFile(os.path.join(d, "other.zip"), "w") as z:
        z.writestr("readme.txt", "hello")
    with zipfile.ZipFile(os.path.join(d, "pieces.zip"), "w", zipfile.ZIP_STORED) as z:
        z.writestr("export/dossier-101/export-101.pdf", "%PDF-1.4 fake")
        z.writestr("export/dossier-101/pieces_justificatives/statuts-12-03-2025-10-31-1.pdf",
                   "%PDF-1.4 statuts")
        z.writestr("export/dossier-101/budget.xlsx", "not read as the sheet")
    with zipfile.ZipFile(os.path.join(d, "pieces-flat.zip"), "w") as z:
        z.writestr("dossier-7/export-7.pdf", "%PDF")
    with open(os.path.join(d, "old.xls"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    with open(os.path.join(d, "garbage.zip"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(range(256)) * 4)


def csvs(d):
    with open(os.path.join(d, "cp1252.csv"), "wb") as f:
        f.write("ID;Nom;Ville\n1;Élodie;Sète\n".encode("cp1252"))
    with open(os.path.join(d, "bad1252.csv"), "wb") as f:
        f.write(b"ID;Nom\n1;ok\n2;a\x81b\n")
    with open(os.path.join(d, "latin1.csv"), "wb") as f:
        f.write(b"ID,Nom\n1,\xe9t\xe9\n")
    with open(os.path.join(d, "nul.csv"), "wb") as f:
        f.write(b"ID,Nom\n1,ok\n2,a\x00b\n")


def patch_size(path, entry, size):
    """Declare entry's uncompressed size as size, in the local header and the
    central directory alike (so the archive stays consistent)."""
    data = bytearray(open(path, "rb").read())
    name = entry.encode()
    i = data.find(b"PK\x03\x04")
    while i >= 0:
        n, m = struct.unpack_from("<HH", data, i + 26)
        if bytes(data[i + 30:i + 30 + n]) == name:
            struct.pack_into("<I", data, i + 22, size)
        i = data.find(b"PK\x03\x04", i + 4)
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46:i + 46 + n]) == name:
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(b"PK\x01\x02", i + 4)
    open(path, "wb").write(bytes(data))


def hostile_zips(d):
    for fname, entry in (("dotdot.zip", "dossier-1/../../evil.txt"),
                         ("absolute.zip", "/etc/evil"),
                         ("backslash.zip", "dossier-1\\..\\evil"),
                         ("drive.zip", "C:/evil")):
        with zipfile.ZipFile(os.path.join(d, fname), "w") as z:
            z.writestr(zipfile.ZipInfo(entry), "x")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(os.path.join(d, "dup.zip"), "w") as z:
            z.writestr("dossier-1/a.pdf", "one")
            z.writestr("dossier-1/a.pdf", "two")
    with zipfile.ZipFile(os.path.join(d, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dossier-1/zeros.txt", b"\0" * (64 * 1024 * 1024))
        z.writestr("dossier-1/small.txt", "small")
    p = os.path.join(d, "huge.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dossier-1/huge.bin", b"x" * 1000)
    patch_size(p, "dossier-1/huge.bin", 3 * 1024 * 1024 * 1024)
    p = os.path.join(d, "liar.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dossier-1/liar.txt", b"y" * 200000)
    patch_size(p, "dossier-1/liar.txt", 100)
    names = ["dossier-%d/f.pdf" % i for i in range(3)]
    with zipfile.ZipFile(os.path.join(d, "ok.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            z.writestr(n, "content of " + n)
        z.writestr("dossier-2/", "")


def big_xlsx(path, rows=1000, cols=80):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Dossiers")
    ws.append(["Colonne %d" % c for c in range(cols)])
    day = datetime.datetime(2025, 3, 12, 10, 31)
    for r in range(rows):
        ws.append([r if c == 0 else day if c == 1 else r * 1.5 if c == 2 else
                   "valeur %d-%d" % (r, c) for c in range(cols)])
    wb.save(path)


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    if "--big" in sys.argv:
        big_xlsx(os.path.join(d, "big.xlsx"))
        return
    platform_xlsx(os.path.join(d, "platform.xlsx"))
    corners_xlsx(os.path.join(d, "corners.xlsx"))
    hostile_xlsx(d)
    platform_ods(os.path.join(d, "platform.ods"))
    other_zips(d)
    csvs(d)
    hostile_zips(d)


if __name__ == "__main__":
    main()
