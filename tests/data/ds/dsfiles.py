"""dsfiles.py - the "dossiers et pièces jointes" zip export and hostile
archives.

The tree follows ActiveStorage::DownloadableFile.timestamped_filename and
PiecesJustificativesService (default tree) or ExportTemplate#attachment_path
(export template tree); the zip itself is what DownloadableFileService runs:
`zip -0 -r <file> export` (every entry stored, under export/, with
directory entries). The files are real: PDFs typeset by groff, one page per
document, split with pdfseparate; small text files; a tiny PNG.
"""
import datetime as dt
import os
import random
import shutil
import struct
import subprocess
import tempfile
import unicodedata
import zipfile
import zlib

EXPORT_TIME = (2025, 10, 1, 8, 30, 0)   # when the platform zipped the files
POOL_DOSSIERS = 10   # distinct PDFs for that many dossiers, copies beyond
FOLDER_ORDER = {"": 0, "dossier": 1, "pieces_justificatives": 2, "messagerie": 3, "avis": 4}


def sanitized(name):
    """ActiveStorage::Filename#sanitized."""
    return "".join("-" if ch in "\u202e%$|:;/<>?*\"\t\r\n\\" else ch for ch in name).strip()


def split_ext(name):
    """File.extname / File.basename(name, ext) of Ruby."""
    base, dot, ext = name.rpartition(".")
    if not dot or not base or "/" in ext:
        return name, ""
    return base, "." + ext


def libelle_as_filename(libelle):
    """TypeDeChamp#libelle_as_filename: squeeze spaces, truncate to 30 at a
    space, parameterize."""
    s = " ".join(libelle.split())
    if len(s) > 30:
        cut = s.rfind(" ", 0, 31)
        s = s[:cut if cut >= 0 else 30]
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in s:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def timestamped(doc):
    """<basename>-<dd-mm-YYYY-HH-MM>-<id % 10000><ext> in its folder."""
    base, ext = split_ext(doc["filename"])
    name = "%s-%s-%d%s" % (base, doc["created_at"].strftime("%d-%m-%Y-%H-%M"), doc["id"] % 10000, ext)
    return (doc["folder"] + "/" if doc["folder"] else "") + sanitized(name)


def documents(d):
    """The dossier's files in archive order: its PDF summary first, then
    each folder's files by name."""
    pdf = {"folder": "", "filename": "export-%d.pdf" % d.id, "kind": "pdf",
           "created_at": d.updated_at, "id": d.id, "champ": None, "index": None,
           "export": True}
    docs = [pdf] + d.files
    for doc in docs:
        doc["sentence"] = sentence(d, doc)
    return sorted(docs, key=lambda x: (FOLDER_ORDER[x["folder"]], timestamped(x)))


def sentence(d, doc):
    marker = "PTCE-FIXTURE-%d-%s" % (d.id, "export" if doc.get("export") else doc["id"])
    if doc.get("export"):
        text = "Dossier n° %d – %s – état : %s, déposé le %s." % (
            d.id, d.ptce_name, d.state_label, d.depose_at.strftime("%d/%m/%Y"))
    elif doc["champ"]:
        text = "Pièce « %s » du dossier n° %d : %s." % (doc["champ"], d.id, doc["filename"])
    elif doc["folder"] == "avis":
        text = "Avis d'expert joint au dossier n° %d (%s)." % (d.id, doc["filename"])
    elif doc["folder"] == "messagerie":
        text = "Message du porteur sur le dossier n° %d (%s)." % (d.id, doc["filename"])
    else:
        text = "Justificatif de la décision sur le dossier n° %d." % d.id
    return text + " " + marker


def default_path(d, doc):
    return "export/dossier-%d/%s" % (d.id, timestamped(doc))


def template_path(d, doc):
    """ExportTemplate#attachment_path with the default items, every pièce
    justificative enabled."""
    folder = "export/dossier-%d/" % d.id
    base, ext = split_ext(doc["filename"])
    if doc.get("export"):
        return folder + "export-%d%s" % (d.id, ext)
    if doc["champ"]:
        return folder + "%s-%d-%02d%s" % (libelle_as_filename(doc["champ"]), d.id, doc["index"] + 1, ext)
    return folder + timestamped(doc)


def png_bytes(text):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x2a\x7f\xd4" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\0" + text.encode("latin-1", "replace"))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def groff_pdfs(sentences):
    """One PDF per sentence: one groff run, one pdfseparate run."""
    if not sentences:
        return []
    tmp = tempfile.mkdtemp(prefix="ds-pdf-")
    try:
        src = [".nh", ".na"]
        for k, s in enumerate(sentences):
            if k:
                src.append(".bp")
            text, marker = s.rsplit(" ", 1)
            src += ["\\&" + text.replace("\\", "\\e"), ".br", "\\&" + marker]
        with open(os.path.join(tmp, "all.pdf"), "wb") as out:
            subprocess.run(["groff", "-k", "-Tpdf"], input="\n".join(src).encode(),
                           stdout=out, check=True)
        subprocess.run(["pdfseparate", os.path.join(tmp, "all.pdf"),
                        os.path.join(tmp, "p-%d.pdf")], check=True)
        out = []
        for k in range(len(sentences)):
            with open(os.path.join(tmp, "p-%d.pdf" % (k + 1)), "rb") as f:
                out.append(f.read())
        return out
    finally:
        shutil.rmtree(tmp)


def content(doc, pdf):
    if doc["kind"] == "pdf":
        return pdf
    if doc["kind"] == "png":
        return png_bytes(doc["sentence"])
    return (doc["sentence"] + "\nMerci de votre attention.\n").encode("utf-8")


def write_zips(exp, out, template_tree):
    pool_docs = []
    for d in exp.dossiers():
        if d.index >= POOL_DOSSIERS:
            break
        pool_docs += [doc["sentence"] for doc in documents(d) if doc["kind"] == "pdf"]
    pool = groff_pdfs(pool_docs)
    trees = [("export.zip", default_path)]
    if template_tree:
        trees.append(("export-template.zip", template_path))
    zips = [(_StoredZip(os.path.join(out, name)), fn) for name, fn in trees]
    manifest = open(os.path.join(out, "export-manifest.tsv"), "w", encoding="utf-8")
    manifest.write("path\tdossier\tfolder\tfile_name\tchamp\tsentence\n")
    k = 0
    for d in exp.dossiers():
        for doc in documents(d):
            pdf = None
            if doc["kind"] == "pdf":
                pdf = pool[k % len(pool)]
                if k >= len(pool):   # reused: its sentence is the pool's
                    doc["sentence"] = pool_docs[k % len(pool)]
                k += 1
            data = content(doc, pdf)
            for z, fn in zips:
                z.add(fn(d, doc), data)
            manifest.write("\t".join([default_path(d, doc), str(d.id), doc["folder"],
                                      doc["filename"], doc["champ"] or "", doc["sentence"]]) + "\n")
    manifest.close()
    for z, _ in zips:
        z.close()


class _StoredZip:
    """zip -0 -r: stored entries, a directory entry before its contents."""

    def __init__(self, path):
        self.z = zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True)
        self.dirs = set()

    def _dir(self, name):
        if name in self.dirs:
            return
        parent = name.rstrip("/").rpartition("/")[0]
        if parent:
            self._dir(parent + "/")
        zi = zipfile.ZipInfo(name, EXPORT_TIME)
        zi.external_attr = (0o40755 << 16) | 0x10
        self.z.writestr(zi, b"")
        self.dirs.add(name)

    def add(self, path, data):
        self._dir(path.rpartition("/")[0] + "/")
        zi = zipfile.ZipInfo(path, EXPORT_TIME)
        zi.external_attr = 0o100644 << 16
        self.z.writestr(zi, data)

    def close(self):
        self.z.close()


# --- hostile archives --------------------------------------------------------
OK_NAME = "export/dossier-1/pieces_justificatives/ok-01-02-2025-10-00-1.txt"


def _zip(path, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data, mode in entries:
            zi = zipfile.ZipInfo(name, EXPORT_TIME)
            zi.compress_type = method
            zi.external_attr = mode << 16
            z.writestr(zi, data)


def _patch_usize(path, usize):
    """Declare another uncompressed size for the only entry of a zip, in its
    local header and in the central directory (the data stays as it is)."""
    with open(path, "r+b") as f:
        f.seek(22)
        f.write(struct.pack("<I", usize))
        f.seek(-22, os.SEEK_END)
        eocd = f.read(22)
        cd_offset = struct.unpack("<I", eocd[16:20])[0]
        f.seek(cd_offset + 24)
        f.write(struct.pack("<I", usize))


def _zero_bomb(path, name, mib):
    """A zip whose one deflated entry inflates to mib MiB of zeros. The
    deflate stream is one compressed MiB repeated (a full flush resets the
    compressor, so every MiB compresses to the same bytes): cheap to make,
    and checked by inflating it back here. Deflating 200 MB with zipfile
    takes seconds; this takes a CRC pass. The zip around the stream is one
    local header, one central directory entry, one end record."""
    block = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    stream = unit * mib + tail
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(block, crc)
    d = zlib.decompressobj(-15)
    assert len(d.decompress(stream[:len(unit) * 2])) == 2 << 20
    name_b = name.encode()
    dostime = (EXPORT_TIME[3] << 11) | (EXPORT_TIME[4] << 5) | (EXPORT_TIME[5] // 2)
    dosdate = ((EXPORT_TIME[0] - 1980) << 9) | (EXPORT_TIME[1] << 5) | EXPORT_TIME[2]
    usize = mib << 20
    local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, dostime, dosdate,
                        crc, len(stream), usize, len(name_b), 0) + name_b
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 0x0314, 20, 0, 8, dostime,
                          dosdate, crc, len(stream), usize, len(name_b), 0, 0, 0, 0,
                          0o100644 << 16, 0) + name_b
    eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, len(central),
                       len(local) + len(stream), 0)
    with open(path, "wb") as f:
        f.write(local + stream + central + eocd)


def write_hostile(dirname):
    os.makedirs(dirname, exist_ok=True)
    ok = (OK_NAME, b"fichier sain\n", 0o100644)
    p = lambda n: os.path.join(dirname, n)   # noqa: E731
    _zip(p("dotdot.zip"), [ok, ("dossier-1/../../evil.txt", b"evil\n", 0o100644)])
    _zip(p("absolute.zip"), [ok, ("/tmp/evil.txt", b"evil\n", 0o100644)])
    _zip(p("backslash.zip"), [ok, ("dossier-1\\..\\evil", b"evil\n", 0o100644)])
    _zip(p("dupes.zip"), [("export/dossier-1/pieces_justificatives/statuts-01-02-2025-10-00-1.pdf", b"first\n", 0o100644),
                          ("export/dossier-1/pieces_justificatives/statuts-01-02-2025-10-00-1.pdf", b"second\n", 0o100644)])
    _zip(p("symlink.zip"), [ok, ("export/dossier-1/pieces_justificatives/lien-01-02-2025-10-00-2.txt",
                                 b"/etc/passwd", 0o120777)])
    _zip(p("control.zip"), [("export/dossier-1/pieces_justificatives/\x1b[31mrouge\x1b[0m-01-02-2025-10-00-3.txt",
                             b"nom avec une sequence d'echappement\n", 0o100644)])
    # ~200 MB of zeros, sizes declared honestly; then the same with a lie.
    _zero_bomb(p("bomb.zip"), "export/dossier-1/pieces_justificatives/zeros-01-02-2025-10-00-4.txt", 200)
    shutil.copyfile(p("bomb.zip"), p("bomb-lying.zip"))
    _patch_usize(p("bomb-lying.zip"), 1024)
    # An entry declaring 3 000 000 000 bytes, holding 64 KiB.
    _zip(p("big.zip"), [("export/dossier-1/pieces_justificatives/gros-01-02-2025-10-00-5.pdf",
                         b"A" * 65536, 0o100644)])
    _patch_usize(p("big.zip"), 3000000000)
    rng = random.Random("notzip")
    with open(p("notzip.zip"), "wb") as f:
        f.write(b"Ceci n'est pas une archive.\n" + bytes(rng.randrange(256) for _ in range(4096)))
