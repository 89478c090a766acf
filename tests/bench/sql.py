#!/usr/bin/python3
# sql.py - run the SQL on stdin against a ptce database, as the sqlite3
# shell would, with ptce's ptce_sha256() defined (src/store/audit.c): the
# audit triggers call it on every write to an audited table.
import hashlib
import sqlite3
import struct
import sys


def ptce_sha256(*args):
    h = hashlib.sha256()
    for v in args:
        if v is None:
            h.update(b"N;")
        elif isinstance(v, int):
            h.update(b"I%d;" % v)
        elif isinstance(v, float):
            h.update(b"R%016x;" % struct.unpack("<Q", struct.pack("<d", v))[0])
        else:
            b = v if isinstance(v, bytes) else v.encode("utf-8")
            h.update(b"%c%d:" % (b"B" if isinstance(v, bytes) else b"T", len(b)))
            h.update(b)
            h.update(b";")
    return h.hexdigest()


def main():
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.create_function("ptce_sha256", -1, ptce_sha256, deterministic=True)
    try:
        db.executescript(sys.stdin.read())
    except sqlite3.Error as e:
        print("sql.py: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
