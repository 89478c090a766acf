/* texts_data.c - what the people of the demo write that is not particular to
 * one dossier (tables only). */
#include <stddef.h>

#include "demo/texts_data.h"

const char demo_reason_bouquet[] =
	"Retenu en phase 1 sur avis de la CRA : les conditions du décret 2015-431 sont réunies et aucun critère bloquant de la grille de phase 1 (R1 à R6, proposition de la région) n'est en défaut. Le bouquet de services est ouvert sur les thèmes demandés.";
const char demo_reason_phase2[] =
	"Orienté vers la phase 2 sur proposition de la CRA : le pôle a demandé un financement d'animation.";
const char demo_reason_funded[] =
	"Lauréat : financement validé au niveau national (référence de validation enregistrée) ; financement d'animation sur deux ans.";
const char demo_reason_override[] =
	"Décision de la cellule régionale d'animation réunie en séance plénière, au vu des pièces du dossier.";

const struct demo_criterion_comments demo_p2_comments[] = {
	{"A", {"Partenariat surtout déclaratif : les lettres d'engagement sont génériques et les entreprises hors ESS ne s'impliquent pas.",
	       "Partenariat réel mais encore centré sur les structures de l'ESS ; l'engagement des entreprises reste à concrétiser.",
	       "Partenariat large et réellement engagé : entreprises classiques, collectivité et acteurs de la formation signent la convention."}},
	{"B", {"Gouvernance floue : pas d'instance commune et rôle des membres non défini ; l'animation n'est pas financée.",
	       "Gouvernance en place, mais l'animation repose sur une seule personne.",
	       "Gouvernance claire, instances actives et animation dédiée ; les règles de décision sont écrites."}},
	{"C", {"Territoire mal délimité et diagnostic trop général.",
	       "Ancrage correct ; le diagnostic gagnerait à être chiffré.",
	       "Ancrage fort : soutien explicite de l'intercommunalité et diagnostic chiffré."}},
	{"D", {"Peu de projets économiques communs concrets.",
	       "Mutualisations engagées ; les projets communs sont encore au stade de l'étude.",
	       "Projets économiques communs déjà opérationnels, avec un chiffre d'affaires mutualisé."}},
	{"E", {"Modèle économique fragile, cofinancements non confirmés.",
	       "Cofinancements en partie acquis ; la dépendance aux subventions reste à réduire.",
	       "Modèle économique solide, cofinancements votés et autofinancement croissant."}},
	{"F", {"Impact peu documenté.",
	       "Impact plausible ; les indicateurs sont à préciser.",
	       "Impact social et environnemental mesuré ; démarche innovante reconnue."}},
	{"G", {"Peu d'évolution depuis la phase 1.",
	       "Progrès réels mais limités depuis le bouquet de services.",
	       "Nette progression depuis le bouquet de services."}},
	{NULL, {NULL, NULL, NULL}},
};

const char *const demo_generic_comments[3] = {
	"Point faible du dossier, à retravailler avec le porteur.",
	"Correct, sans plus ; des précisions sont attendues.",
	"Point fort du dossier, bien étayé par les pièces.",
};

const struct demo_gate_note demo_gate_notes[] = {
	{"R4", "no", "Aucune entreprise hors ESS parmi les membres : les partenaires sont tous des associations."},
	{"R5", "no", "Ni collectivité, ni organisme de recherche ou de formation parmi les membres."},
	{"R5", "check", "La lettre d'engagement de la collectivité n'est pas signée : à vérifier avec le porteur."},
	{"R6", "no", "Le territoire couvre quatre départements : ce n'est pas un territoire de coopération défini."},
	{"R7", "no", "La stratégie présentée est celle de l'entreprise porteuse, pas une stratégie partagée."},
	{"R10", "check", "Une lettre de partenaire annoncée manque au dossier."},
	{NULL, NULL, NULL},
};

const char demo_gate_met[] = "Vérifié sur les statuts, l'avis SIRENE et les lettres d'engagement.";
const char demo_gate_not_met[] = "Critère non rempli au vu des pièces du dossier.";
const char demo_gate_to_check[] = "À vérifier avec le porteur : pièce manquante ou peu lisible.";

const char *const demo_synthesis[3][2] = {
	{"Dossier solide et cohérent, porté par un partenariat réel et une animation reconnue sur le territoire. Avis favorable.",
	 "Coopération mature et modèle économique crédible ; les cofinancements sont votés. Je recommande de retenir le dossier."},
	{"Dossier intéressant mais inégal : des réserves sur le modèle économique et sur l'implication des entreprises, à lever lors de l'audition.",
	 "Projet pertinent pour le territoire, mais la gouvernance et le plan de financement doivent être précisés avant une décision de financement."},
	{"Dossier encore fragile : le partenariat et la gouvernance doivent être consolidés avant tout financement. Le bouquet de services reste pertinent.",
	 "La coopération reste à construire : peu d'engagements écrits des entreprises et une animation non financée. Avis défavorable en l'état."},
};

const char *const demo_observations_ok[3] = {
	"Coopération réelle entre les membres ; éligibilité vérifiée sur pièces.",
	"Dossier complet ; les lettres d'engagement confirment le partenariat annoncé.",
	"Éligibilité confirmée après un échange téléphonique avec la personne contact.",
};

const char demo_observations_not_eligible[] =
	"Éligibilité non établie : voir les critères bloquants. Un rendez-vous avec la CRESS est proposé au porteur pour reconstruire le partenariat.";

const char demo_choice_comment[] =
	"Le dossier ne répond pas aux attentes de la phase 2 à ce stade ; le porteur garde le bouquet de services.";

const struct demo_governance demo_governance[] = {
	{"SCIC",
	 "La SCIC réunit quatre catégories d'associés : salariés, usagers et habitants, entreprises partenaires, collectivités et établissements publics ; les collectivités détiennent moins de la moitié du capital. Le conseil coopératif se réunit chaque mois et un comité d'orientation, ouvert aux partenaires non associés, se tient deux fois par an. Les décisions d'assemblée suivent le principe « une personne, une voix » avec des collèges pondérés."},
	{"SCOP",
	 "La SCOP porteuse est détenue majoritairement par ses salariés ; les partenaires du pôle siègent dans un comité de coopération qui se réunit chaque trimestre et valide le programme d'actions commun. Une convention de coopération précise l'engagement de chacun, la répartition des charges communes et les règles d'entrée de nouveaux membres."},
	{"ESUS",
	 "La SAS agréée ESUS est dirigée par son président, assisté d'un comité stratégique où siègent les partenaires. Les statuts prévoient une lucrativité limitée et l'affectation de la majorité des bénéfices au développement de l'activité."},
	{NULL,
	 "L'association est administrée par un conseil d'administration de douze membres répartis en trois collèges : structures de l'ESS, entreprises et collectivités, habitants et usagers. Un comité de pilotage trimestriel associe les financeurs et les collectivités partenaires. Les orientations stratégiques sont votées en assemblée générale et une charte de coopération, signée par tous les membres, fixe les engagements réciproques."},
};
