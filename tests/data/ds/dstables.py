"""dstables.py - the sheets of a Démarches Simplifiées export as rows of
typed values, column for column as the platform builds them
(DossierExportConcern, Etablissement#spreadsheet_columns,
Avis#spreadsheet_columns, Champs::RepetitionChamp::Row), and the --broken
variants. Rows are generated lazily, one dossier at a time.

A row is yielded as (values, mark): mark is None, or the 0-based column of
a cell made broken on purpose (the writer reports where it landed).
"""
from dsdata import dossier, luhn_ok, MEMBERS_SHEET

ETAB_CSV = [  # DossierExportConcern, with_etablissement: (header, attribute)
    ("Établissement SIRET", "siret"), ("Établissement siège social", "siege_social"),
    ("Établissement NAF", "naf"), ("Établissement libellé NAF", "libelle_naf"),
    ("Établissement Adresse", "adresse"), ("Établissement numero voie", "numero_voie"),
    ("Établissement type voie", "type_voie"), ("Établissement nom voie", "nom_voie"),
    ("Établissement complément adresse", "complement_adresse"),
    ("Établissement code postal", "code_postal"), ("Établissement localité", "localite"),
    ("Établissement code INSEE localité", "code_insee_localite"),
    ("Entreprise SIREN", "entreprise_siren"),
    ("Entreprise capital social", "entreprise_capital_social"),
    ("Entreprise numero TVA intracommunautaire", "entreprise_numero_tva_intracommunautaire"),
    ("Entreprise forme juridique", "entreprise_forme_juridique"),
    ("Entreprise forme juridique code", "entreprise_forme_juridique_code"),
    ("Entreprise nom commercial", "entreprise_nom_commercial"),
    ("Entreprise raison sociale", "entreprise_raison_sociale"),
    ("Entreprise SIRET siège social", "entreprise_siret_siege_social"),
    ("Entreprise code effectif entreprise", "entreprise_code_effectif_entreprise"),
    ("Entreprise date de création", "entreprise_date_creation"),
    ("Entreprise état administratif", "entreprise_etat_administratif"),
    ("Entreprise nom", "entreprise_nom"), ("Entreprise prénom", "entreprise_prenom"),
    ("Association RNA", "association_rna"), ("Association titre", "association_titre"),
    ("Association objet", "association_objet"),
    ("Association date de création", "association_date_creation"),
    ("Association date de déclaration", "association_date_declaration"),
    ("Association date de publication", "association_date_publication"),
]
# Etablissement#spreadsheet_columns: Dossier ID, Champ, then these
# (the CSV's set plus "Etablissement enseigne", spelt without accent).
ETAB_SHEET = ETAB_CSV[:1] + [("Etablissement enseigne", "enseigne")] + ETAB_CSV[1:]

AVIS_HEADERS = ["Dossier ID", "Introduction", "Réponse", "Question",
                "Réponse oui/non", "Créé le", "Répondu le", "Instructeur", "Expert"]
MEMBER_FIELDS = [("Nom du membre", "nom"), ("SIRET du membre", "siret"),
                 ("Catégorie", "categorie"), ("Rôle dans le PTCE", "role"),
                 ("Forme de l'engagement", "forme")]
MEMBER_HEADERS = ["Dossier ID", "Ligne"] + [h for h, _ in MEMBER_FIELDS]

BROKEN_KINDS = {
    "bad-siret": "the applicant's SIRET fails the Luhn check (CSV Établissement SIRET, Etablissements sheet)",
    "bad-member-siret": "a member's SIRET fails the Luhn check (members sheet, Etablissements sheet)",
    "bad-region": "a région name and code that do not exist (Dossiers)",
    "member-orphan": "a member row naming a dossier absent from Dossiers",
    "bad-date": "an impossible Déposé le (31 February), as text",
    "bad-state": "an État du dossier the platform never writes",
    "bad-number": "Montant sollicité written as French text (95 000,00 €)",
}
ORPHAN_ID = "99999999"
CACHE_MAX = 5000


def break_siret(s):
    """The same SIRET with its last digit changed so that Luhn fails."""
    for d in "1234567890":
        t = s[:-1] + str((int(s[-1]) + int(d)) % 10)
        if not luhn_ok(t):
            return t
    raise AssertionError(s)


class Export:
    """The whole export: options plus lazy row generators per sheet."""

    def __init__(self, n, seed, long=False, old_archive=False, broken=None):
        self.n, self.seed, self.long = n, seed, long
        self.old_archive, self.broken = old_archive, broken
        self.target = min(2, n - 1)        # the dossier a --broken kind breaks
        self._first = None
        self._cache = None

    def dossier(self, i):
        d = dossier(self.seed, i, self.n, self.long)
        if self.broken and i == self.target:
            self._break(d)
        return d

    def dossiers(self):
        """Each dossier in export order (Dossier.ordered_for_export: by
        depose_at). Kept in memory up to CACHE_MAX dossiers (~20 KB each),
        generated again on every pass beyond that."""
        if self.n <= CACHE_MAX:
            if self._cache is None:
                self._cache = [self.dossier(i) for i in range(self.n)]
            yield from self._cache
            return
        for i in range(self.n):
            yield self.dossier(i)

    def _break(self, d):
        d.broken = self.broken
        if self.broken == "bad-siret":
            d.etab["siret"] = break_siret(d.etab["siret"])
        elif self.broken == "bad-member-siret":
            m = next(m for m in d.members if m["siret"])
            m["siret"] = m["etab"]["siret"] = break_siret(m["siret"])
            m["broken"] = True

    def first(self):
        if self._first is None:
            self._first = self.dossier(0)
        return self._first

    # --- Dossiers -----------------------------------------------------------
    def dossier_headers(self, csv):
        h = ["ID", "Email", "FranceConnect ?"]
        h += [x for x, _ in ETAB_CSV] if csv else ["Entreprise raison sociale"]
        h += ["Archivé" if self.old_archive else "À archiver", "État du dossier",
              "Dernière mise à jour le", "Dernière mise à jour du dossier le",
              "Déposé le", "Passé en instruction le", "Traité le",
              "Motivation de la décision", "Instructeurs", "Groupe instructeur"]
        d = self.first()
        return h + [x for x, _ in d.champs] + [x for x, _ in d.private]

    def dossier_rows(self, csv):
        headers = self.dossier_headers(csv)
        for d in self.dossiers():
            row = [str(d.id), d.email, d.france_connect]
            if csv:
                row += [d.etab[a] for _, a in ETAB_CSV]
            else:
                row.append(d.etab["entreprise_raison_sociale"])
            row += [d.archived, d.state_label, d.updated_at, d.last_champ_updated_at,
                    d.depose_at, d.en_instruction_at, d.processed_at, d.motivation,
                    " ".join(d.instructeurs), d.groupe]
            row += [v for _, v in d.champs] + [v for _, v in d.private]
            yield (row, self._dossier_mark(d, row, headers, csv)), d

    def _dossier_mark(self, d, row, headers, csv):
        kind = getattr(d, "broken", None)
        col = None
        if kind == "bad-siret" and csv:
            col = headers.index("Établissement SIRET")
        elif kind == "bad-region":
            col = headers.index("Région")
            row[col], row[col + 1] = "Atlantide", "99"
        elif kind == "bad-date":
            col = headers.index("Déposé le")
            row[col] = "2025-02-31 10:00:00 +0100"
        elif kind == "bad-state":
            col = headers.index("État du dossier")
            row[col] = "En attente"
        elif kind == "bad-number":
            col = headers.index("Montant sollicité (EUR)")
            row[col] = "95 000,00 €"
        return col

    # --- Etablissements: members' SIRET champs first, then the applicants --
    def etab_headers(self):
        return ["Dossier ID", "Champ"] + [h for h, _ in ETAB_SHEET]

    def etab_rows(self):
        for d in self.dossiers():
            for m in d.members:
                if m.get("etab"):
                    row = [str(d.id), "SIRET du membre"] + [m["etab"][a] for _, a in ETAB_SHEET]
                    yield row, (2 if m.get("broken") else None)
        for d in self.dossiers():
            row = [str(d.id), "Dossier"] + [d.etab[a] for _, a in ETAB_SHEET]
            yield row, (2 if getattr(d, "broken", None) == "bad-siret" else None)

    # --- Avis ---------------------------------------------------------------
    def avis_rows(self):
        for d in self.dossiers():
            for a in d.avis:
                yield [str(d.id), a["introduction"], a["answer"], a["question"],
                       a["yes_no"], a["created_at"], a["updated_at"],
                       a["claimant"], a["expert"]], None

    # --- the repeated block -------------------------------------------------
    def member_sheet(self):
        return MEMBERS_SHEET

    def member_rows(self):
        for d in self.dossiers():
            for k, m in enumerate(d.members, 1):
                row = [str(d.id), k] + [m[a] for _, a in MEMBER_FIELDS]
                yield row, (3 if m.get("broken") else None)
            if getattr(d, "broken", None) == "member-orphan":
                m = d.members[0]
                yield [ORPHAN_ID, 1] + [m[a] for _, a in MEMBER_FIELDS], 0

    def sheets(self):
        """[(sheet name, headers, row generator factory)] for xlsx/ods."""
        return [
            ("Dossiers", self.dossier_headers(False),
             lambda: (r for r, _ in self.dossier_rows(False))),
            ("Etablissements", self.etab_headers(), self.etab_rows),
            ("Avis", AVIS_HEADERS, self.avis_rows),
            (self.member_sheet(), MEMBER_HEADERS, self.member_rows),
        ]
