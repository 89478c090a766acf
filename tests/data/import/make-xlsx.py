#!/usr/bin/python3
"""make-xlsx.py - turn the platform-shaped CSV export of this folder into the
xlsx the platform writes for the same dossiers (sheets Dossiers,
Etablissements, Avis, "Membres du PTCE"; times as spreadsheet dates without
an offset), with openpyxl. Nothing written here is committed.

Usage: /usr/bin/python3 make-xlsx.py OUT.xlsx [--n N]
  --n N   N dossiers (copies of the five, numbered from 20001) with 8
          members each: the import's timing case."""
import csv
import datetime
import os
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
TIMES = ("Dernière mise à jour le", "Dernière mise à jour du dossier le", "Déposé le",
         "Passé en instruction le", "Traité le")


def local(s):
    """'2025-03-12 10:31:00 +0100' -> the local datetime a workbook holds."""
    return datetime.datetime.strptime(s[:19], "%Y-%m-%d %H:%M:%S") if s else None


def luhn(s13):
    for d in "0123456789":
        s = s13 + d
        t = sum((int(c) * 2 - 9 if int(c) * 2 > 9 else int(c) * 2) if i % 2 == 0 else int(c)
                for i, c in enumerate(s))
        if t % 10 == 0:
            return s


def main():
    out = sys.argv[1]
    n = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 0
    rows = list(csv.reader(open(os.path.join(HERE, "platform.csv"), encoding="utf-8", newline="")))
    head, data = rows[0], rows[1:]
    etab = [h for h in head if h.startswith(("Établissement ", "Entreprise ", "Association "))]
    keep = [h for h in head if h not in etab or h == "Entreprise raison sociale"]
    if n:
        base = data
        data = []
        for i in range(n):
            r = list(base[i % len(base)])
            r[0] = str(20001 + i)
            r[head.index("Établissement SIRET")] = luhn("9%012d" % (20001 + i))
            data.append(r)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dossiers"
    ws.append(keep)
    for r in data:
        v = dict(zip(head, r))
        ws.append([local(v[h]) if h in TIMES else
                   (int(v[h]) if h == "ID" else v[h] or None) for h in keep])
    es = wb.create_sheet("Etablissements")
    es.append(["Dossier ID", "Champ", "Établissement SIRET", "Etablissement enseigne"] +
              [h for h in etab if h != "Établissement SIRET"])
    for r in data:
        v = dict(zip(head, r))
        es.append([int(v["ID"]), "SIRET du membre", luhn("8%012d" % int(v["ID"])), None])
        es.append([int(v["ID"]), "Dossier", v["Établissement SIRET"], None] +
                  [v[h] or None for h in etab if h != "Établissement SIRET"])
    av = wb.create_sheet("Avis")
    av.append(["Dossier ID", "Introduction", "Réponse", "Question", "Réponse oui/non",
               "Créé le", "Répondu le", "Instructeur", "Expert"])
    first = int(data[0][0])
    av.append([first, "Votre avis sur la gouvernance ?", "Solide.", "Favorable ?", True,
               datetime.datetime(2025, 7, 1, 10, 0), datetime.datetime(2025, 7, 3, 18, 30),
               "instructrice@example.org", "Expert@Example.org"])
    av.append([first, "Avis du réseau régional ?", None, None, None,
               datetime.datetime(2025, 1, 15, 9, 0), datetime.datetime(2025, 1, 15, 9, 0),
               "instructrice@example.org", "reseau@example.net"])
    mb = wb.create_sheet("Membres du PTCE")
    mb.append(["Dossier ID", "Ligne", "Nom du membre", "SIRET du membre", "Catégorie",
               "Rôle dans le PTCE", "Forme de l'engagement"])
    cats = ["Entreprise de l'ESS", "Entreprise (TPE, PME)", "Collectivité territoriale ou EPCI",
            "Organisme de formation"]
    for r in data:
        for k in range(8 if n else 2):
            mb.append([int(r[0]), k + 1, "Membre %d du %s" % (k + 1, r[0]), None, cats[k % 4],
                       "Partenaire", "Lettre d'engagement"])
    wb.save(out)


main()
