"""dsdata.py - the content of a fixture export: a PTCE procedure on
Démarches Simplifiées (personnes morales, routing on, groups = régions) and
its dossiers, generated deterministically from a seed, one dossier at a
time (dossier(i) depends only on the seed and i, so writers can stream).

Values are Python values typed the way the platform hands them to its
spreadsheet writers: str, int, float, bool, date, aware datetime
(Europe/Paris) or None. See README.md for where each rule comes from.
"""
import datetime as dt
import random
import zoneinfo

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

# Stable id of the repetition "Membres du PTCE": its sheet is named
# "(<stable_id>) <libelle>" (RepetitionTypeDeChamp#libelle_for_export).
MEMBERS_STABLE_ID = 4122178
MEMBERS_LABEL = "Membres du PTCE"
MEMBERS_SHEET = "(%d) %s" % (MEMBERS_STABLE_ID, MEMBERS_LABEL)

INSTRUCTEURS = [
    "camille.martin@dreets.gouv.fr",
    "julien.bernard@dreets.gouv.fr",
    "sophie.dubois@dreets.gouv.fr",
    "nicolas.petit@dreets.gouv.fr",
    "claire.moreau@dreets.gouv.fr",
    "thomas.laurent@dreets.gouv.fr",
    "anne.girard@laregion.fr",
]
EXPERTS = [
    "expert.ess@avise.org",
    "l.fontaine@france-active.org",
    "m.roux@cress-grandest.org",
    "julien.bernard@dreets.gouv.fr",   # an instructeur asked as expert
]

# région, code, [(dep code, dep name, EPCI, EPCI SIREN, commune, INSEE, CP,
# phone prefix)]
GEO = [
    ("Grand Est", "44", [
        ("88", "Vosges", "CA d'Épinal", "200068757", "Épinal", "88160", "88000", "03 29"),
        ("54", "Meurthe-et-Moselle", "Métropole du Grand Nancy", "245400676", "Nancy", "54395", "54000", "03 83"),
        ("67", "Bas-Rhin", "Eurométropole de Strasbourg", "246700488", "Strasbourg", "67482", "67000", "03 88")]),
    ("Bretagne", "53", [
        ("35", "Ille-et-Vilaine", "Rennes Métropole", "243500139", "Rennes", "35238", "35000", "02 99"),
        ("29", "Finistère", "Brest Métropole", "242900314", "Brest", "29019", "29200", "02 98"),
        ("22", "Côtes-d'Armor", "Lannion-Trégor Communauté", "200065928", "Lannion", "22113", "22300", "02 96")]),
    ("Occitanie", "76", [
        ("31", "Haute-Garonne", "Toulouse Métropole", "243100518", "Toulouse", "31555", "31000", "05 61"),
        ("12", "Aveyron", "Rodez Agglomération", "241200187", "Rodez", "12202", "12000", "05 65")]),
    ("Auvergne-Rhône-Alpes", "84", [
        ("63", "Puy-de-Dôme", "Clermont Auvergne Métropole", "246300701", "Clermont-Ferrand", "63113", "63000", "04 73"),
        ("07", "Ardèche", "CA Privas Centre Ardèche", "200071405", "Privas", "07186", "07000", "04 75")]),
    ("Hauts-de-France", "32", [
        ("59", "Nord", "Métropole Européenne de Lille", "200093201", "Roubaix", "59512", "59100", "03 20"),
        ("62", "Pas-de-Calais", "CA de Lens-Liévin", "246200729", "Loos-en-Gohelle", "62528", "62750", "03 21")]),
    ("Nouvelle-Aquitaine", "75", [
        ("87", "Haute-Vienne", "Limoges Métropole", "248719312", "Limoges", "87085", "87000", "05 55")]),
    ("Corse", "94", [
        ("2A", "Corse-du-Sud", "CA du Pays Ajaccien", "242010056", "Ajaccio", "2A004", "20000", "04 95")]),
    ("La Réunion", "04", [
        ("974", "La Réunion", "CINOR", "249740119", "Saint-Denis", "97411", "97400", "0262")]),
]
# Each région's instructeurs (the group's followers are drawn from these).
GROUP_INSTRUCTEURS = {
    "Grand Est": [0, 1, 6], "Bretagne": [2, 3], "Occitanie": [4, 5],
    "Auvergne-Rhône-Alpes": [0, 4], "Hauts-de-France": [1, 3],
    "Nouvelle-Aquitaine": [5, 2], "Corse": [3], "La Réunion": [2, 6],
}

PHASES = ["Phase 1", "Phase 2", "Phase 1 et phase 2"]
STAGES = ["Émergent", "Existant"]
TERRITORY = ["Rural", "Urbain", "Quartier prioritaire de la ville (QPV)", "Outre-mer"]
THEMES = ["Économie circulaire", "Alimentation", "Mobilité", "Énergie",
          "Habitat", "Culture", "Services à la personne", "Numérique"]
NEEDS = ["Mobilisation et animation du territoire", "Ingénierie de projet",
         "Recherche et développement territorial",
         "Modèles économiques et financement",
         "Coopération avec les collectivités territoriales et EPCI"]
CATEGORIES = ["Entreprise de l'ESS", "Entreprise (TPE, PME)",
              "Collectivité territoriale ou EPCI",
              "Recherche ou enseignement supérieur",
              "Organisme de formation", "Citoyens", "Autre"]
ENGAGEMENTS = ["Lettre d'engagement", "Convention de partenariat",
               "Membre de l'instance de gouvernance"]
# (form label, INSEE label, INSEE code, NAF, libellé NAF, has capital)
LEGAL = [
    ("Association loi 1901", "Association déclarée", "9220", "88.99B",
     "Action sociale sans hébergement n.c.a.", False),
    ("SCIC SA", "Société coopérative d'intérêt collectif anonyme", "5560",
     "70.22Z", "Conseil pour les affaires et autres conseils de gestion", True),
    ("SCIC SAS", "SAS, société par actions simplifiée", "5710", "38.32Z",
     "Récupération de déchets triés", True),
    ("SCOP SARL", "Société coopérative ouvrière de production à responsabilité limitée",
     "5458", "43.39Z", "Autres travaux de finition", True),
]
STATES = [("en_construction", "En construction"), ("en_instruction", "En instruction"),
          ("accepte", "Accepté"), ("refuse", "Refusé"), ("sans_suite", "Classé sans suite")]
STATE_WEIGHTS = [8, 8, 6, 5, 3]

FIRST = ["Marie", "Julie", "Pierre", "Karim", "Léa", "Hélène", "François",
         "Nadia", "Yann", "Émilie", "Bruno", "Chloé", "Mathieu", "Inès", "Gaëlle"]
LAST = ["Lefèvre", "Masson", "Garnier", "Haddad", "Le Goff", "Rousseau",
        "Fabre", "Benoît", "Kerjean", "Mercier", "Chevalier", "Noël", "Perrin"]
NAME_A = ["Vosges", "Trégor", "Garonne", "Volcans", "Bassin minier", "Limousin",
          "Rance", "Causses", "Flandre", "Plaine", "Vallée", "Pays"]
NAME_B = ["Circulaire", "Solidaire", "en transition", "Coopératif", "Alimentaire",
          "Réemploi", "Mobilités douces", "Énergies citoyennes", "Numérique inclusif"]
MEMBER_NAMES = ["Ressourcerie {p}", "Mairie de {c}", "Régie de quartier {c}",
                "Université de {c}", "Lycée agricole de {p}", "SCOP Bâti {p}",
                "Épicerie solidaire « Le Panier »", "Maison de l'emploi de {c}",
                "Boulangerie Martin & fils", "CRESS", "Collectif citoyen {p}",
                "Jardin de Cocagne {p}", "AFPA {c}", "Garage solidaire {p}"]
ROLES = ["Porteur du volet réemploi", "Financeur, mise à disposition de locaux",
         "Recherche-action et évaluation", "Formation des salariés en insertion",
         "Animation du collectif", "Logistique et transport",
         "Accompagnement à la création d'activité"]
SECTORS = ["Réemploi, réparation, insertion par l'activité économique",
           "Alimentation durable, circuits courts",
           "Mobilité solidaire; garage associatif",
           "Énergie renouvelable citoyenne",
           "=Insertion par l'activité économique (IAE)"]

SENTENCES = [
    "Le pôle réunit {n} structures de l'économie sociale et solidaire, des entreprises locales et la collectivité autour d'une stratégie commune.",
    "Sur le territoire de {c}, le taux de chômage de longue durée reste supérieur à la moyenne régionale, en particulier chez les moins de 26 ans.",
    "Le projet s'appuie sur une ressourcerie existante, un atelier de réparation et une plateforme logistique partagée.",
    "La coopération vise à créer une trentaine d'emplois durables en trois ans, dont la moitié en insertion.",
    "Les partenaires se réunissent chaque mois en comité de pilotage ; un comité technique prépare les décisions.",
    "Un diagnostic partagé a été mené en 2024 avec l'EPCI, la CRESS et les habitants (questionnaire, ateliers, entretiens).",
    "Les besoins identifiés portent sur la mutualisation de locaux, la formation des bénévoles et l'accès aux marchés publics.",
    "La gouvernance est collégiale : chaque collège (entreprises, collectivités, recherche, citoyens) dispose d'une voix.",
    "Le financement repose sur les cotisations des membres, des prestations de services et des subventions publiques.",
    "Une attention particulière est portée à l'égalité entre les femmes et les hommes dans les instances.",
    "Des « cafés de la coopération » sont organisés chaque trimestre pour associer de nouveaux acteurs.",
    "L'animateur du pôle, recruté à temps plein, coordonne les groupes de travail et suit les indicateurs.",
]


def luhn_ok(digits):
    total = 0
    for k, ch in enumerate(reversed(digits)):
        n = int(ch)
        if k % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_complete(prefix):
    """prefix + the one digit that makes it pass the Luhn check."""
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError(prefix)


def make_siren(rng):
    first = str(rng.randint(1, 9))   # never 356000000 (La Poste's rule)
    if first == "3":
        first = "4"
    return luhn_complete(first + "".join(str(rng.randint(0, 9)) for _ in range(7)))


def make_siret(rng, siren=None):
    siren = siren or make_siren(rng)
    nic = "%04d" % rng.randint(1, 99)
    return luhn_complete(siren + nic)


def tva_number(siren):
    return "FR%02d%s" % ((12 + 3 * (int(siren) % 97)) % 97, siren)


def paris(y, mo, d, h=0, mi=0, s=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=PARIS)


def add_minutes(t, minutes):
    """Wall-clock safe addition: through UTC, back to Paris."""
    return (t.astimezone(dt.timezone.utc) + dt.timedelta(minutes=minutes)).astimezone(PARIS)


def office_hours(rng, t):
    """t moved to a plausible working time the same day (Paris)."""
    return t.replace(hour=rng.randint(8, 18), minute=rng.randint(0, 59),
                     second=rng.randint(0, 59)).astimezone(PARIS)


OPENING = paris(2025, 2, 3, 9, 0)      # call opens
CLOSING = paris(2025, 4, 30, 23, 59)   # deposit deadline (DST on 30 March)


def paragraph(rng, words, c, n, long):
    count = rng.randint(8, 14) if long else rng.randint(2, 4)
    out = [rng.choice(SENTENCES).format(c=c, n=n) for _ in range(count)]
    text = " ".join(out)
    if long:   # 2-4 KB: add sentences until the size is reached
        target = rng.randint(2048, 4096)
        while len(text.encode()) < target:
            text += " " + rng.choice(SENTENCES).format(c=c, n=n)
        text = text.encode()[:target].decode("utf-8", "ignore").rsplit(" ", 1)[0] + "."
    return text


def textarea(rng, c, n, long, nl):
    """Two paragraphs (the first 2-4 KB with --long); browser-typed
    textareas come as CRLF (nl)."""
    return nl.join([paragraph(rng, None, c, n, long), paragraph(rng, None, c, n, False)])


class Dossier:
    """One dossier with everything every sheet needs."""


def dossier(seed, i, n_total, long=False):
    rng = random.Random("ds-%s-%d" % (seed, i))
    d = Dossier()
    d.index = i
    block = i
    pair = random.Random("pair-%s-%d" % (seed, i // 2)).random() < 0.3
    if pair and (i ^ 1) < n_total:
        block = i ^ 1          # ids do not follow the deposit order exactly
    d.id = 21345000 + 10 * block + rng.randint(0, 9)
    d.attachment_seq = d.id * 7 % 100000

    # Deposit dates spread over the call, monotonic with i (export order).
    span = (CLOSING - OPENING).total_seconds() / 60
    step = span / max(n_total, 1)
    d.depose_at = add_minutes(OPENING, step * i + rng.random() * step * 0.9)
    d.depose_at = d.depose_at.replace(microsecond=0)
    state_key, state_label = rng.choices(STATES, STATE_WEIGHTS)[0]
    if i < 5 and n_total >= 5:   # every state present whatever the seed
        state_key, state_label = STATES[i]
    d.state, d.state_label = state_key, state_label
    d.en_instruction_at = d.processed_at = None
    if state_key != "en_construction":
        days = rng.randint(3, 40)
        d.en_instruction_at = office_hours(rng, add_minutes(d.depose_at, days * 1440))
    if state_key in ("accepte", "refuse", "sans_suite"):
        days = rng.randint(5, 60)
        d.processed_at = office_hours(rng, add_minutes(d.en_instruction_at, days * 1440))
    d.last_champ_updated_at = add_minutes(d.depose_at, -rng.randint(5, 4000)).replace(microsecond=0)
    last = d.processed_at or d.en_instruction_at or d.depose_at
    d.updated_at = add_minutes(last, rng.randint(1, 2000)).replace(microsecond=0)
    d.archived = state_key in ("accepte", "refuse", "sans_suite") and rng.random() < 0.3
    d.france_connect = rng.random() < 0.1
    d.motivation = None
    if state_key == "refuse":
        d.motivation = rng.choice([
            "Le projet ne répond pas au critère de coopération territoriale : un seul acteur porte l'ensemble des actions.",
            "Dossier incomplet malgré nos relances :\nles comptes approuvés et la charte de coopération n'ont pas été fournis.",
            "Le territoire est déjà couvert par un PTCE soutenu ; nous vous invitons à vous rapprocher de celui-ci."])
    elif state_key == "sans_suite":
        d.motivation = "Classé sans suite à la demande du porteur (courriel du %s)." % d.processed_at.strftime("%d/%m/%Y")
    elif state_key == "accepte" and rng.random() < 0.6:
        d.motivation = "Avis favorable du comité de sélection du %s." % d.processed_at.strftime("%d/%m/%Y")

    region, rcode, deps = GEO[rng.randrange(len(GEO))]
    dep = deps[rng.randrange(len(deps))]
    d.region, d.region_code = region, rcode
    d.dep = dep
    group = GROUP_INSTRUCTEURS[region]
    d.groupe = region
    if state_key == "en_construction" and rng.random() < 0.5:
        d.instructeurs = []
    else:
        k = rng.randint(1, len(group))
        d.instructeurs = [INSTRUCTEURS[j] for j in rng.sample(group, k)]

    make_applicant(d, rng)
    make_members(d, rng, long)
    d.files = []
    d.champs = make_champs(d, rng, long)
    d.private = make_private(d, rng, long)
    d.avis = make_avis(d, rng)
    make_other_files(d, rng)
    return d


def make_applicant(d, rng):
    dep_code, dep_name, epci, epci_code, commune, insee, cp, tel = d.dep
    form, insee_label, insee_code, naf, naf_label, capital = LEGAL[rng.randrange(len(LEGAL))]
    d.legal_form = form
    a, b = rng.choice(NAME_A), rng.choice(NAME_B)
    d.ptce_name = rng.choice(["PTCE %s %s", "Pôle %s %s", "Coopérative territoriale %s %s"]) % (a, b)
    raison = ("ASSOCIATION " if not capital else "") + ("%s %s" % (a, b)).upper()
    siren = make_siren(rng)
    num = str(rng.randint(1, 120))
    voie = rng.choice([("RUE", "DE LA GARE"), ("AVENUE", "JEAN JAURES"),
                       ("PLACE", "DU MARCHE"), ("CHEMIN", "DES VIGNES")])
    compl = rng.choice([None, None, "BATIMENT B", "ZA DES JONCHERES"])
    lines = [raison, compl, "%s %s %s" % (num, voie[0], voie[1]),
             "%s %s" % (cp, commune.upper()), "FRANCE" if rng.random() < 0.3 else None]
    created = dt.date(rng.randint(1985, 2023), rng.randint(1, 12), rng.randint(1, 28))
    d.etab = {
        "siret": make_siret(rng, siren), "enseigne": None if rng.random() < 0.7 else d.ptce_name,
        "siege_social": True, "naf": naf, "libelle_naf": naf_label,
        # API Entreprise's acheminement_postal lines joined with CRLF
        "adresse": "\r\n".join(x for x in lines if x is not None),
        "numero_voie": num, "type_voie": voie[0], "nom_voie": voie[1],
        "complement_adresse": compl, "code_postal": cp, "localite": commune.upper(),
        "code_insee_localite": insee, "entreprise_siren": siren,
        "entreprise_capital_social": rng.choice([15000, 37000, 120400]) if capital else None,
        "entreprise_numero_tva_intracommunautaire": tva_number(siren),
        "entreprise_forme_juridique": insee_label,
        "entreprise_forme_juridique_code": insee_code,
        "entreprise_nom_commercial": "" if rng.random() < 0.5 else None,
        "entreprise_raison_sociale": raison,
        "entreprise_siret_siege_social": None,
        "entreprise_code_effectif_entreprise": rng.choice(["03", "11", "12", "21", None]),
        "entreprise_date_creation": created,
        "entreprise_etat_administratif": "actif",
        "entreprise_nom": None, "entreprise_prenom": None,
        "association_rna": None, "association_titre": None, "association_objet": None,
        "association_date_creation": None, "association_date_declaration": None,
        "association_date_publication": None,
    }
    e = d.etab
    e["entreprise_siret_siege_social"] = e["siret"]
    if not capital:
        e["association_rna"] = "W%s%06d" % (dep_code.replace("A", "0").replace("B", "0")[:3].rjust(3, "0"), rng.randint(0, 999999))
        e["association_titre"] = raison
        e["association_objet"] = "Favoriser la coopération économique et l'emploi sur le territoire de %s ; animer un pôle territorial de coopération économique." % commune
        e["association_date_creation"] = created
        e["association_date_declaration"] = created + dt.timedelta(days=rng.randint(10, 400))
        e["association_date_publication"] = e["association_date_declaration"] + dt.timedelta(days=rng.randint(7, 30))
    d.email = rng.choice(["contact@{s}.fr", "{f}.{l}@{s}.org", "direction@{s}.coop"]).format(
        s=(a + "-" + b.split()[0]).lower().replace(" ", "-").translate(str.maketrans("éèêàôç", "eeeaoc")),
        f=rng.choice(FIRST).lower().translate(str.maketrans("éèëç", "eeec")),
        l=rng.choice(LAST).lower().replace(" ", "").translate(str.maketrans("éèëç", "eeec")))


def make_members(d, rng, long):
    commune = d.dep[4]
    d.members = []
    for k in range(rng.randint(3, 8)):
        cat = CATEGORIES[rng.randrange(len(CATEGORIES))]
        name = rng.choice(MEMBER_NAMES).format(c=commune, p=rng.choice(NAME_A))
        siret = None if cat == "Citoyens" else make_siret(rng)
        m = {"nom": name, "siret": siret, "categorie": cat,
             "role": rng.choice(ROLES), "forme": rng.choice(ENGAGEMENTS)}
        if siret:
            m["etab"] = member_etab(rng, siret, name, d.dep)
        d.members.append(m)


def member_etab(rng, siret, name, dep):
    form, insee_label, insee_code, naf, naf_label, capital = LEGAL[rng.randrange(len(LEGAL))]
    cp, commune = dep[6], dep[4].upper()
    num = str(rng.randint(1, 60))
    return {
        "siret": siret, "enseigne": None, "siege_social": rng.random() < 0.8,
        "naf": naf, "libelle_naf": naf_label,
        "adresse": "\r\n".join([name.upper(), "%s RUE DU PORT" % num, "%s %s" % (cp, commune)]),
        "numero_voie": num, "type_voie": "RUE", "nom_voie": "DU PORT",
        "complement_adresse": None, "code_postal": cp, "localite": commune,
        "code_insee_localite": dep[5], "entreprise_siren": siret[:9],
        "entreprise_capital_social": 10000 if capital else None,
        "entreprise_numero_tva_intracommunautaire": tva_number(siret[:9]),
        "entreprise_forme_juridique": insee_label,
        "entreprise_forme_juridique_code": insee_code,
        "entreprise_nom_commercial": None, "entreprise_raison_sociale": name.upper(),
        "entreprise_siret_siege_social": siret,
        "entreprise_code_effectif_entreprise": "02",
        "entreprise_date_creation": dt.date(2001, 5, 14),
        "entreprise_etat_administratif": "actif",
        "entreprise_nom": None, "entreprise_prenom": None,
        "association_rna": None, "association_titre": None, "association_objet": None,
        "association_date_creation": None, "association_date_declaration": None,
        "association_date_publication": None,
    }


def attach(d, rng, folder, filename, kind, created_at, champ=None, index=0):
    d.attachment_seq = (d.attachment_seq + rng.randint(1, 40)) % 10000
    d.files.append({"folder": folder, "filename": filename, "kind": kind,
                    "created_at": created_at, "id": d.attachment_seq,
                    "champ": champ, "index": index})
    return filename


PJ_CHAMPS = [
    ("Statuts", ["Statuts_signes_2023.pdf", "Statuts (version signée) – 2024.pdf", "statuts.pdf"], True),
    ("Avis de situation SIRENE", ["avis-situation-sirene.pdf", "Avis_Situation_Sirene.pdf"], True),
    ("Derniers comptes approuvés", ["comptes 2024 approuvés.pdf", "Bilan_CR_2024.pdf", "document.pdf"], False),
    ("Charte de coopération", ["charte-cooperation.pdf", "document.pdf", "Charte PTCE v3.txt"], False),
    ("Lettres d'engagement des partenaires", None, False),
]


def pj_values(d, rng, first_revision):
    out = []
    t = d.last_champ_updated_at
    for label, names, mandatory in PJ_CHAMPS:
        if names is None:        # often several files
            files = []
            for k in range(rng.randint(0, 4)):
                m = d.members[k % len(d.members)]["nom"]
                slug = "".join(ch for ch in m.lower().replace(" ", "-") if ch.isalnum() or ch == "-")[:24]
                ext = ".png" if k == 2 else ".pdf"
                files.append("lettre-engagement-%s%s" % (slug, ext))
        elif not mandatory and rng.random() < 0.3:
            files = []
        else:
            files = [rng.choice(names)]
        if first_revision and label == "Charte de coopération":
            files = []
        for k, f in enumerate(files):
            kind = f.rsplit(".", 1)[1]
            attach(d, rng, "pieces_justificatives", f, kind, add_minutes(t, -rng.randint(1, 900)), label, k)
        out.append((label, ", ".join(files) if files else None))
    return out


def make_champs(d, rng, long):
    """[(header, value)] for the public champs, in the form's order."""
    dep_code, dep_name, epci, epci_code, commune, insee, cp, tel = d.dep
    first_revision = d.index == 0   # deposited before two champs existed
    nl = "\n" if rng.random() < 0.2 else "\r\n"
    n = len(d.members)
    esus = rng.choice(["Oui", "Non", "Oui", ""])
    contact = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    if d.index == 1:
        contact = "  " + contact + " "          # as typed: spaces kept
    street = "%d %s" % (rng.randint(1, 120), rng.choice(["Rue de la Gare", "Avenue Jean Jaurès", "Place du Marché", "Chemin des Vignes"]))
    themes = rng.sample(THEMES, rng.randint(1, 3))
    needs = rng.sample(NEEDS, rng.randint(1, 4))
    etp = rng.choice([1.5, 2.0, 0.8, 3.0, None])
    budget = rng.choice([180000, 95000, 240000, 320500, 60000])
    amount = rng.choice([95000.0, 47500.5, 120000.0, 30000.0])
    phone = "%s %02d %02d %02d" % (tel, rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99))
    if tel == "0262":
        phone = "0262 %02d %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99))
    ttype = "Outre-mer" if dep_code == "974" else rng.choice(TERRITORY[:3])
    c = [
        ("Nom du PTCE", d.ptce_name),
        ("Phase sollicitée", rng.choice(PHASES)),
        ("Stade de développement du PTCE", rng.choice(STAGES)),
        ("Forme juridique de la structure porteuse", d.legal_form),
        ("Agrément ESUS", esus),
        ("Adresse du siège", "%s %s %s" % (street, cp, commune)),
        ("Région", d.region), ("Région (Code)", d.region_code),
        ("Département", dep_name), ("Département (Code)", dep_code),
        ("Territoire du PTCE (EPCI)", epci), ("Territoire du PTCE (EPCI) (Code)", epci_code),
        ("Territoire du PTCE (EPCI) (Département)", "%s – %s" % (dep_code, dep_name)),
        ("Commune du siège", "%s (%s)" % (commune, cp)), ("Commune du siège (Code INSEE)", insee),
        ("Commune du siège (Département)", "%s – %s" % (dep_code, dep_name)),
        ("Type de territoire", None if first_revision else ttype),
        ("Représentant légal", "%s %s, %s" % (rng.choice(FIRST), rng.choice(LAST), rng.choice(["président", "présidente", "gérant", "directrice générale"]))),
        ("Personne à contacter", contact),
        ("Téléphone", phone),
        ("Secteurs d'activité", None if rng.random() < 0.15 else rng.choice(SECTORS)),
        ("Thématiques", ", ".join(themes)),
        ("Besoins d'accompagnement (bouquet de services)", ", ".join(needs)),
        ("Présentation du projet de coopération", textarea(rng, commune, n, long, nl)),
        ("Diagnostic territorial", textarea(rng, commune, n, long, nl)),
        ("Gouvernance", paragraph(rng, None, commune, n, long)),
        ("Moyens d'animation (ETP)", 0 if etp is None else etp),
        ("Indicateurs de suivi", nl.join(["- Emplois créés : %d" % rng.randint(3, 40),
                                          "- Structures membres : %d" % n,
                                          "- Tonnes réemployées : %d" % rng.randint(10, 900)])),
        ("Budget prévisionnel (EUR)", budget),
        ("Montant sollicité (EUR)", amount),
        ("Cofinancements", nl.join(["Région %s : %d €" % (d.region, rng.randint(10, 90) * 1000),
                                    "Fonds européens (FSE+) : en cours d'instruction",
                                    "Fondation : 15 000 €"])),
        ("Engagement sur l'honneur", "off" if first_revision else "on"),
    ]
    c += pj_values(d, rng, first_revision)
    return c


def make_private(d, rng, long):
    if d.state == "en_construction" or rng.random() < 0.35:
        return [("Avis de l'instructeur", None), ("Points de vigilance", None),
                ("Visite sur place effectuée", "")]
    return [
        ("Avis de l'instructeur", rng.choice([
            "Projet solide, partenariat réel avec l'EPCI.\nBudget cohérent.",
            "Avis réservé : gouvernance encore floue, à revoir en comité.",
            "Très bon dossier ; la charte de coopération est signée par tous les membres."])),
        ("Points de vigilance", None if rng.random() < 0.4 else
         "Dépendance forte aux subventions (%d %%)." % rng.randint(40, 85)),
        ("Visite sur place effectuée", rng.choice(["Oui", "Non"])),
    ]


def make_avis(d, rng):
    if d.en_instruction_at is None:
        return []
    out = []
    for k in range(rng.randint(0, 3)):
        created = office_hours(rng, add_minutes(d.en_instruction_at, rng.randint(60, 20000)))
        expert = EXPERTS[rng.randrange(len(EXPERTS))]
        claimant = d.instructeurs[0] if d.instructeurs else INSTRUCTEURS[0]
        question = None
        if rng.random() < 0.5:
            question = rng.choice(["Recommandez-vous le financement du projet ?",
                                   "Le modèle économique est-il viable ?"])
        answered = rng.random() < 0.7
        a = {"introduction": rng.choice([
                 "Bonjour,\nMerci de nous donner votre avis sur ce projet de PTCE avant le comité.",
                 "Pourriez-vous examiner le modèle économique et la gouvernance ?"]),
             "answer": None, "question": question, "yes_no": None,
             "created_at": created, "updated_at": created,
             "claimant": claimant, "expert": expert}
        if answered:
            a["updated_at"] = office_hours(rng, add_minutes(created, rng.randint(1440, 20000)))
            a["answer"] = rng.choice([
                "Avis favorable : le partenariat est effectif et les indicateurs sont pertinents.",
                "Avis défavorable en l'état ; le plan de financement repose sur des subventions non confirmées.",
                "Favorable sous réserve de la signature de la charte par l'EPCI.\nVoir pièce jointe."])
            if question:
                a["yes_no"] = "défavorable" not in a["answer"]
            if rng.random() < 0.3:
                attach(d, rng, "avis", "avis-%s.pdf" % expert.split("@")[1].split(".")[0],
                       "pdf", a["updated_at"])
        elif rng.random() < 0.3:
            a["updated_at"] = add_minutes(created, rng.randint(1440, 9000))   # reminded
        out.append(a)
    return out


def make_other_files(d, rng):
    if d.en_instruction_at and rng.random() < 0.3:
        attach(d, rng, "messagerie", rng.choice(["complement-budget.pdf", "reponse_questions.txt"]),
               "pdf" if rng.random() < 0.5 else "txt",
               add_minutes(d.en_instruction_at, rng.randint(100, 5000)))
        d.files[-1]["kind"] = d.files[-1]["filename"].rsplit(".", 1)[1]
    if d.processed_at and d.state == "refuse" and rng.random() < 0.5:
        attach(d, rng, "dossier", "motivation-refus.pdf", "pdf", d.processed_at)
