/* demo.c - the demo data of 'ptce init --demo': 27 dossiers (21 public PTCE
 * names, 6 invented; people, SIRETs and figures invented), reviewers of every
 * role, reviews, opinions and a backdated history through the real guards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "demo/demo.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review.h"
#include "store/store.h"
#include "workflow/move.h"

/* How far a dossier went through the procedure. */
enum story {
	ST_SUBMITTED,		/* deposited, nobody took it yet */
	ST_PHASE1,		/* instruction opened */
	ST_BOUQUET,		/* retained in phase 1 */
	ST_PHASE2,		/* oriented to phase 2 */
	ST_FUNDED,		/* laureate */
	ST_BACK_TO_BOUQUET,	/* phase 2 not retained: keeps the bouquet */
	ST_REJECTED,		/* not retained in phase 1 */
	ST_WITHDRAWN_EARLY,	/* withdrawn before instruction */
	ST_WITHDRAWN_LATE,	/* withdrawn during phase 2 */
};

/* Member lines are "C|name|role|commitment": C is the category of decree
 * 2015-431 (E ESS, P entreprise, L collectivité-EPCI, R recherche-enseignement,
 * F formation, H citoyens, A autre). */
#define MAX_MEMBERS 8

struct demo_dossier {
	const char *ptce, *lead, *form;
	int esus;
	const char *address, *dept;
	const char *rep, *contact, *slug;
	const char *stage;		/* emergent / existant */
	const char *territory, *ttype;	/* rural / urbain / qpv / outre-mer */
	const char *sectors, *themes;
	const char *phase;		/* P1 / P2 / P1+P2 */
	unsigned needs;			/* bits over bouquet_themes[] */
	const char *description, *diagnosis;
	double fte;
	long long budget, amount;
	enum story story;
	int deposited;			/* days ago */
	const char *members[MAX_MEMBERS];
};

static const struct demo_dossier demo[] = {
	{"Stras Eco Renov", "Association Stras Eco Renov", "association loi 1901", 1,
	 "12 rue du Jeu-des-Enfants, 67000 Strasbourg", "67",
	 "Odile Schaeffer", "Mathieu Keller", "stras-eco-renov",
	 "existant", "Eurométropole de Strasbourg (33 communes), quartiers du Neuhof et de Hautepierre", "qpv",
	 "bâtiment, rénovation énergétique, insertion", "transition énergétique, emploi local, précarité énergétique",
	 "P1+P2", 0x1F,
	 "Stras Eco Renov fédère un consortium d'artisans du bâtiment, de structures d'insertion et de bailleurs sociaux pour massifier la rénovation énergétique des copropriétés fragiles. Le pôle mutualise un bureau d'études, une plateforme d'achats groupés de matériaux biosourcés et une équipe d'accompagnement des ménages. Il vise la rénovation de 400 logements par an d'ici trois ans, en priorité dans les quartiers prioritaires de la politique de la ville.",
	 "Près d'un logement sur cinq de l'Eurométropole est une passoire thermique, et les petites entreprises du bâtiment peinent à répondre seules aux marchés de rénovation globale. Les chantiers d'insertion manquent de débouchés qualifiants alors que la filière recrute.",
	 2.5, 420000, 100000, ST_FUNDED, 196,
	 {"E|Association Stras Eco Renov|structure porteuse|c",
	  "E|Régie des écrivains (chantier d'insertion)|insertion par l'activité économique|c",
	  "P|Keller Isolation SARL|entreprise artisanale du bâtiment|l",
	  "P|Batiplus Alsace SAS|entreprise du bâtiment|l",
	  "L|Eurométropole de Strasbourg|collectivité, financeur de l'animation|g",
	  "R|Institut national des sciences appliquées de Strasbourg|recherche sur les matériaux biosourcés|l",
	  "F|Campus des métiers du BTP Alsace|formation des compagnons|l"}},

	{"Filière vélo du Grand Paris", "Association Filière vélo du Grand Paris", "association loi 1901", 0,
	 "45 avenue du Président-Wilson, 93200 Saint-Denis", "93",
	 "Karim Haddad", "Léa Fournier", "filiere-velo",
	 "existant", "Établissement public territorial Plaine Commune et Métropole du Grand Paris", "urbain",
	 "mobilité, réemploi, logistique urbaine", "cyclologistique, réparation, formation aux métiers du cycle",
	 "P1+P2", 0x0B,
	 "La Filière vélo du Grand Paris structure une chaîne locale de valeur autour du cycle : ateliers de réparation solidaires, fabricants de vélos cargos, coopératives de livraison et centres de formation. Le pôle organise des achats mutualisés de pièces, un atelier partagé de remise en état et une bourse d'emplois commune. Il accompagne les communes dans la mise en place de services de location longue durée.",
	 "La demande de vélos et de cyclologistique a triplé depuis 2020 mais les ateliers manquent de mécaniciens formés. Les acteurs sont nombreux, petits et dispersés, et se font concurrence sur les mêmes marchés publics.",
	 2.0, 310000, 100000, ST_PHASE2, 150,
	 {"E|Association Filière vélo du Grand Paris|structure porteuse|c",
	  "E|La Cyclofficine de Saint-Denis|atelier participatif|c",
	  "P|Cargonautes SAS|fabricant de vélos cargos|l",
	  "P|Olvo Livraisons|coopérative de cyclologistique|l",
	  "L|Plaine Commune|établissement public territorial|g",
	  "F|Lycée professionnel Bartholdi|formation aux métiers du cycle|l"}},

	{"La Place des Possibles", "Association Les Tracols", "association loi 1901", 1,
	 "La Place, 26190 Saint-Laurent-en-Royans", "26",
	 "Bernadette Chabert", "Julien Arnaud", "place-des-possibles",
	 "existant", "Communauté de communes Royans-Vercors (18 communes)", "rural",
	 "tiers-lieu, alimentation, artisanat, culture", "revitalisation rurale, coopération, emploi local",
	 "P1+P2", 0x17,
	 "La Place des Possibles, portée par l'association Les Tracols, est un tiers-lieu rural installé dans une ancienne usine textile du Royans. Il héberge une cuisine partagée, des ateliers d'artisans, un espace de travail partagé et une épicerie coopérative. Le pôle veut consolider les activités économiques nées sur le site et essaimer le modèle vers les villages voisins.",
	 "Le Royans-Vercors perd des commerces et des emplois depuis la fermeture des usines textiles ; les porteurs de projets trouvent difficilement des locaux et de l'accompagnement. Les habitants sont très mobilisés mais les initiatives restent fragiles faute de mutualisation.",
	 1.8, 260000, 100000, ST_FUNDED, 188,
	 {"E|Association Les Tracols|structure porteuse|c",
	  "E|Épicerie coopérative du Royans|commerce coopératif|c",
	  "P|Menuiserie Faure et fils|artisan hébergé|l",
	  "P|Brasserie du Vercors SARL|entreprise agroalimentaire|l",
	  "L|Communauté de communes Royans-Vercors|EPCI, mise à disposition du bâtiment|g",
	  "F|Maison familiale rurale de Saint-Jean|formation|l",
	  "H|Collectif des habitants du Royans|citoyens bénévoles|g"}},

	{"Cluster économie textile circulaire", "SCIC Textiles d'Oc", "SCIC SAS", 1,
	 "8 rue de l'Industrie, 81100 Castres", "81",
	 "Hélène Cabrol", "Nicolas Bousquet", "textile-circulaire",
	 "existant", "Communauté d'agglomération Castres-Mazamet", "urbain",
	 "textile, réemploi, industrie", "économie circulaire, relocalisation, insertion",
	 "P1+P2", 0x0D,
	 "Le cluster rassemble des entreprises textiles historiques du bassin Castres-Mazamet, des structures de collecte et de tri et des ateliers d'insertion pour reconstituer une filière de recyclage des fibres. Il mutualise une unité d'effilochage et un laboratoire d'essais. Les premiers produits, des isolants et des feutres techniques, sont déjà commercialisés auprès d'industriels régionaux.",
	 "Le bassin a perdu l'essentiel de son industrie lainière mais conserve des savoir-faire et des machines. Les textiles collectés en Occitanie partent aujourd'hui à l'export faute de capacité de recyclage locale.",
	 2.2, 380000, 100000, ST_PHASE2, 142,
	 {"E|SCIC Textiles d'Oc|structure porteuse|c",
	  "E|Relais Tarn (collecte et tri)|entreprise d'insertion|c",
	  "P|Filatures du Thoré SAS|industriel textile|c",
	  "P|Feutres Mazamétains SARL|industriel textile|l",
	  "L|Communauté d'agglomération Castres-Mazamet|EPCI|g",
	  "R|IMT Mines Albi|recherche sur les matériaux|l"}},

	{"EDENN", "Association EDENN", "association loi 1901", 0,
	 "3 place Marius-Pinel, 31200 Toulouse", "31",
	 "Samira Ouali", "Thomas Rouquette", "edenn",
	 "existant", "Toulouse nord : quartiers des Izards, de la Vache et de Borderouge", "qpv",
	 "services aux entreprises, numérique, restauration", "emploi des jeunes, création d'activités, numérique",
	 "P1", 0x13,
	 "EDENN réunit des entreprises de l'ESS, des PME et des bailleurs autour de la création d'activités dans les quartiers nord de Toulouse. Le pôle anime une pépinière d'activités, un service mutualisé de comptabilité et un restaurant d'insertion qui sert de lieu de rencontre. Il cherche à transformer des commandes publiques et privées en emplois pour les habitants.",
	 "Le taux de chômage des jeunes dépasse 30 % dans les quartiers concernés. Les entreprises voisines de la zone d'activités recrutent peu localement, faute de liens avec les structures d'accompagnement.",
	 1.5, 190000, 0, ST_BOUQUET, 150,
	 {"E|Association EDENN|structure porteuse|c",
	  "E|Régie de quartier Toulouse nord|insertion|c",
	  "P|Occitanie Services Numériques SAS|PME du numérique|l",
	  "L|Toulouse Métropole|collectivité|l",
	  "F|École de la deuxième chance de Toulouse|formation|l"}},

	{"Remendaires", "SCOP Remendaires", "SCOP SARL", 1,
	 "21 chemin du Mas-de-Cheylon, 30900 Nîmes", "30",
	 "Pierre Vidal", "Aurélie Fabre", "remendaires",
	 "emergent", "Nîmes Métropole et Pays des Cévennes", "urbain",
	 "réparation, réemploi, électroménager", "économie circulaire, réparation, emplois non délocalisables",
	 "P1", 0x07,
	 "Remendaires, « ceux qui réparent » en occitan, met en réseau des réparateurs indépendants, des ressourceries et des distributeurs d'électroménager du Gard. Le pôle crée un atelier commun de réparation et une marque partagée qui garantit les pièces et le service après-vente. Il veut doubler en deux ans le nombre d'appareils réparés plutôt que jetés.",
	 "Les réparateurs du département sont âgés et isolés, et plusieurs cessent leur activité sans repreneur. Le bonus réparation reste peu utilisé faute d'offre visible.",
	 1.0, 140000, 0, ST_PHASE1, 64,
	 {"E|SCOP Remendaires|structure porteuse|c",
	  "E|Ressourcerie du Gard rhodanien|réemploi|l",
	  "P|Électro Service Cévennes EURL|réparateur indépendant|l",
	  "L|Nîmes Métropole|collectivité|l",
	  "F|Chambre de métiers du Gard|formation des réparateurs|l"}},

	{"Micro-filière Meunerie Margeride", "SCIC Moulins de Margeride", "SCIC SAS", 1,
	 "Le Bourg, 48200 Saint-Chély-d'Apcher", "48",
	 "Jean-Louis Boissonnade", "Claire Pagès", "meunerie-margeride",
	 "emergent", "Communauté de communes des Terres d'Apcher-Margeride-Aubrac", "rural",
	 "agriculture, meunerie, boulangerie", "alimentation locale, installation agricole, circuits courts",
	 "P1+P2", 0x19,
	 "La micro-filière relie des céréaliers de Margeride, un moulin remis en service et des boulangers du plateau pour produire une farine locale de seigle et de blé ancien. Le pôle mutualise le stockage, le séchage et la logistique des livraisons. Il fournit aussi les cantines scolaires du territoire et organise des formations à la panification au levain.",
	 "Les agriculteurs de Margeride vendent leurs céréales hors du département à bas prix tandis que les boulangers achètent des farines industrielles. La restauration collective cherche des produits locaux mais ne trouve pas de fournisseur régulier.",
	 1.2, 230000, 100000, ST_PHASE2, 134,
	 {"E|SCIC Moulins de Margeride|structure porteuse|c",
	  "P|GAEC du Mont Mouchet|céréalier|c",
	  "P|Boulangerie Astruc|boulanger|l",
	  "L|Communauté de communes Terres d'Apcher-Margeride-Aubrac|EPCI|g",
	  "F|Lycée agricole de Saint-Chély-d'Apcher|formation agricole|l",
	  "H|Association des consommateurs du plateau|citoyens|l"}},

	{"Pôle Cartoucherie", "Association Pôle Cartoucherie", "association loi 1901", 0,
	 "Halles de la Cartoucherie, 31300 Toulouse", "31",
	 "Marion Lacaze", "Olivier Sarda", "pole-cartoucherie",
	 "existant", "Écoquartier de la Cartoucherie et quartiers ouest de Toulouse", "urbain",
	 "culture, alimentation, économie sociale", "tiers-lieu, alimentation durable, culture",
	 "P1", 0x06,
	 "Le Pôle Cartoucherie fédère les occupants des anciennes halles de la Cartoucherie : restaurants, associations culturelles, ateliers et une ferme urbaine. Il mutualise l'accueil, la programmation et un service de traiteur qui s'approvisionne auprès des producteurs de la ceinture toulousaine. Le pôle souhaite structurer sa gouvernance avant de rechercher un financement d'animation.",
	 "L'écoquartier accueille plus de 3 000 nouveaux logements et les commerces de proximité y sont encore rares. Les structures installées dans les halles coopèrent de manière informelle, sans outil commun.",
	 1.0, 160000, 0, ST_BOUQUET, 112,
	 {"E|Association Pôle Cartoucherie|structure porteuse|c",
	  "E|Ferme urbaine de la Cartoucherie|agriculture urbaine|c",
	  "P|Les Halles Gourmandes SAS|restauration|l",
	  "L|Ville de Toulouse|collectivité|l"}},

	{"Tiers-lieu Station A", "SCIC Station A", "SCIC SAS", 1,
	 "Ancienne gare, 12200 Villefranche-de-Rouergue", "12",
	 "Émilie Couderc", "Bastien Delmas", "station-a",
	 "emergent", "Communauté de communes Ouest Aveyron Communauté", "rural",
	 "tiers-lieu, numérique, mobilité", "travail partagé, services numériques, mobilité rurale",
	 "P1", 0x0B,
	 "Station A transforme l'ancienne gare de Villefranche-de-Rouergue en tiers-lieu coopératif : espace de travail partagé, fabrique numérique, point d'accueil pour les services publics et base d'un service d'autopartage. La SCIC associe les usagers, les salariés, des entreprises locales et la communauté de communes. Elle veut devenir le point d'appui des télétravailleurs et des créateurs d'activité de l'Ouest Aveyron.",
	 "Le territoire attire de nouveaux habitants qui travaillent à distance mais manque de lieux équipés et de services de mobilité. Les jeunes partent faute de formations et d'emplois qualifiés à proximité.",
	 1.0, 150000, 0, ST_PHASE1, 38,
	 {"E|SCIC Station A|structure porteuse|c",
	  "P|Rouergue Informatique SARL|entreprise numérique|l",
	  "P|Taxis Delmas|transport|l",
	  "L|Ouest Aveyron Communauté|EPCI, propriétaire du bâtiment|g",
	  "H|Collectif des usagers de la gare|citoyens associés|g"}},

	{"PTCE Gâtinais Montargois", "Association Gâtinais Coopération", "association loi 1901", 0,
	 "5 rue Jean-Jaurès, 45200 Montargis", "45",
	 "François Girard", "Sandrine Lemoine", "gatinais",
	 "emergent", "Agglomération Montargoise et rives du Loing", "urbain",
	 "services à la personne, logistique, insertion", "emploi, mobilité, services aux entreprises",
	 "P1+P2", 0x1D,
	 "Le PTCE Gâtinais Montargois associe des structures d'insertion, des entreprises de logistique et l'agglomération pour créer un groupement d'employeurs et une plateforme de mobilité vers l'emploi. Le projet prévoit un garage solidaire et une conciergerie d'entreprises. La coopération est récente et les rôles de chacun restent à préciser.",
	 "Les entreprises de la zone logistique peinent à recruter tandis que de nombreux demandeurs d'emploi n'ont pas de moyen de transport. L'offre d'insertion est dispersée entre plusieurs petites structures.",
	 0.8, 200000, 100000, ST_BACK_TO_BOUQUET, 170,
	 {"E|Association Gâtinais Coopération|structure porteuse|c",
	  "E|Garage solidaire du Loing|insertion|l",
	  "P|Transports Montargois SAS|logistique|l",
	  "L|Agglomération Montargoise et rives du Loing|EPCI|l"}},

	{"Réuniverre", "SCIC Réuniverre", "SCIC SA", 1,
	 "ZAE du Port, 97420 Le Port", "974",
	 "Jean-Marc Payet", "Nathalie Hoarau", "reuniverre",
	 "existant", "Territoire de la Côte Ouest (TCO) et île de La Réunion", "outre-mer",
	 "verre, réemploi, déchets", "économie circulaire insulaire, consigne, emploi local",
	 "P1+P2", 0x19,
	 "Réuniverre organise le réemploi des bouteilles en verre sur l'île : collecte auprès des cafés, hôtels et restaurants, lavage industriel et remise en circulation auprès des brasseurs et producteurs de rhum et de jus locaux. Le pôle réunit des embouteilleurs, des structures d'insertion et les intercommunalités chargées des déchets. Il évite l'export par bateau de milliers de tonnes de verre chaque année.",
	 "Le verre collecté à La Réunion est aujourd'hui expédié vers l'Europe ou l'Asie pour être recyclé, à un coût élevé. Les producteurs locaux importent leurs bouteilles neuves.",
	 3.0, 520000, 100000, ST_FUNDED, 200,
	 {"E|SCIC Réuniverre|structure porteuse|c",
	  "E|Atelier chantier d'insertion Ti Boutey|insertion|c",
	  "P|Brasserie de Bourbon Équatoriale SAS|brasseur|c",
	  "P|Rhumerie du Sud Sauvage|producteur|l",
	  "L|Territoire de la Côte Ouest|EPCI, compétence déchets|g",
	  "R|Université de La Réunion|recherche sur les procédés|l",
	  "F|Centre de formation Plateforme Réemploi|formation|l",
	  "L|Région Réunion|collectivité, cofinanceur|l"}},

	{"ECHOBAT", "Association ECHOBAT Réunion", "association loi 1901", 1,
	 "14 rue Sainte-Anne, 97400 Saint-Denis", "974",
	 "Valérie Grondin", "Patrice Técher", "echobat",
	 "existant", "Communauté intercommunale du Nord de La Réunion (CINOR)", "outre-mer",
	 "bâtiment, écoconstruction, matériaux locaux", "construction bioclimatique, insertion, matériaux biosourcés",
	 "P1+P2", 0x0F,
	 "ECHOBAT Réunion développe une filière d'écoconstruction adaptée au climat tropical : bois local, terre, fibres de vacoa et de canne. Le pôle rassemble des artisans, des architectes, un chantier d'insertion et des organismes de formation. Il porte des chantiers-écoles de rénovation de cases créoles et un centre de ressources sur les matériaux.",
	 "Le bâtiment réunionnais dépend des matériaux importés, dont les prix ont fortement augmenté. Les savoir-faire traditionnels disparaissent alors que les besoins de logements sont importants.",
	 1.6, 290000, 100000, ST_PHASE2, 126,
	 {"E|Association ECHOBAT Réunion|structure porteuse|c",
	  "E|Chantier-école Case Lontan|insertion|c",
	  "P|Charpentes du Nord SARL|artisan|l",
	  "L|CINOR|EPCI|l",
	  "F|Lycée professionnel de Saint-André|formation|l"}},

	{"Les Amis du Bien-vieillir", "Association Les Amis du Bien-vieillir", "association loi 1901", 0,
	 "Rue Schoelcher, 97110 Pointe-à-Pitre", "971",
	 "Gisèle Bellance", "Rodrigue Nelson", "bien-vieillir",
	 "emergent", "Communauté d'agglomération Cap Excellence", "outre-mer",
	 "services à la personne, santé, habitat", "silver économie, aide à domicile, habitat adapté",
	 "P1", 0x07,
	 "Les Amis du Bien-vieillir coordonnent des services d'aide à domicile, des artisans de l'adaptation des logements et des associations de loisirs pour les personnes âgées de l'agglomération pointoise. Le pôle propose un guichet unique et une plateforme de remplacement des aides à domicile. Il veut former des jeunes aux métiers du grand âge.",
	 "La Guadeloupe vieillit plus vite que l'Hexagone et l'offre de services est morcelée. Les familles ne savent pas à qui s'adresser et les structures peinent à recruter.",
	 1.0, 120000, 0, ST_SUBMITTED, 12,
	 {"E|Association Les Amis du Bien-vieillir|structure porteuse|c",
	  "E|Aide à domicile Karukera|service à la personne|l",
	  "P|Habitat Adapté Caraïbes SARL|artisan|l",
	  "L|Cap Excellence|EPCI|l"}},

	{"La Mut'", "Association La Mut'", "association loi 1901", 0,
	 "Avenue des Arcades, 04100 Manosque", "04",
	 "Agnès Roux", "Denis Bernard", "la-mut",
	 "existant", "Durance Luberon Verdon Agglomération", "rural",
	 "alimentation, logistique, agriculture", "circuits courts, mutualisation logistique",
	 "P1", 0x0C,
	 "La Mut' mutualise la logistique des producteurs et transformateurs alimentaires des Alpes-de-Haute-Provence : plateforme de stockage réfrigéré, tournées de livraison partagées et outil de commande commun pour la restauration collective. Le pôle associe des coopératives agricoles, des transporteurs et l'agglomération.",
	 "Les petits producteurs consacrent jusqu'à un tiers de leur temps aux livraisons. Les cantines du territoire veulent atteindre les objectifs de la loi Égalim mais manquent d'interlocuteur unique.",
	 1.2, 170000, 0, ST_BOUQUET, 104,
	 {"E|Association La Mut'|structure porteuse|c",
	  "E|Coopérative agricole Haute-Provence Bio|coopérative|c",
	  "P|Transports Durance Frais SAS|transporteur|l",
	  "L|Durance Luberon Verdon Agglomération|EPCI|g",
	  "F|Lycée agricole de Carmejane|formation|l"}},

	{"Brie'Nov", "SCIC Brie'Nov", "SCIC SAS", 1,
	 "2 rue de la Ferme, 77160 Provins", "77",
	 "Christophe Lambert", "Élodie Mercier", "brienov",
	 "emergent", "Communauté de communes du Provinois", "rural",
	 "agriculture, énergie, construction", "méthanisation, chanvre, matériaux biosourcés",
	 "P1", 0x13,
	 "Brie'Nov fédère des agriculteurs, des artisans et la communauté de communes du Provinois pour développer une filière de chanvre et de matériaux biosourcés. Le pôle prévoit une unité de défibrage partagée et un réseau d'artisans formés à l'isolation en béton de chanvre.",
	 "Les exploitations céréalières cherchent des cultures de diversification et le bâtiment local importe ses isolants. Aucune structure ne coordonne ces acteurs.",
	 0.8, 130000, 0, ST_PHASE1, 52,
	 {"E|SCIC Brie'Nov|structure porteuse|c",
	  "P|EARL des Trois Clochers|agriculteur|l",
	  "P|Maçonnerie Provinoise SARL|artisan|l",
	  "L|Communauté de communes du Provinois|EPCI|l"}},

	{"Pôle Sud", "Association Pôle Sud Archer", "association loi 1901", 1,
	 "11 rue Archer, 26000 Valence", "26",
	 "Yves Chapuis", "Sophie Marchand", "pole-sud",
	 "existant", "Valence Romans Agglo, quartiers Fontbarlettes et Le Plan", "qpv",
	 "insertion, restauration, services aux entreprises", "insertion, achats responsables, emploi",
	 "P1+P2", 0x1B,
	 "Pôle Sud regroupe une dizaine d'entreprises d'insertion et de l'ESS drômoises qui répondent ensemble aux marchés des grandes entreprises et des collectivités : propreté, restauration, espaces verts, logistique. Le pôle a créé un guichet commercial commun et un parcours d'insertion inter-structures. Il souhaite étendre la démarche aux entreprises classiques de la zone de Valence sud.",
	 "Les structures d'insertion drômoises sont trop petites pour répondre seules aux gros marchés avec clauses sociales. Les entreprises locales cherchent des partenaires fiables pour leurs achats responsables.",
	 2.0, 340000, 100000, ST_PHASE2, 138,
	 {"E|Association Pôle Sud Archer|structure porteuse|c",
	  "E|Archer Propreté (entreprise d'insertion)|insertion|c",
	  "E|Restaurant d'insertion Le Quai|insertion|c",
	  "P|Valence Logistique SAS|entreprise|l",
	  "L|Valence Romans Agglo|EPCI|g",
	  "R|Université Grenoble Alpes, campus de Valence|recherche|l",
	  "F|GRETA Viva 5|formation|l"}},

	{"TETRIS", "SCIC TETRIS", "SCIC SA", 1,
	 "3 chemin de la Blanchisserie, 06130 Grasse", "06",
	 "Laurence Castel", "Mehdi Belkacem", "tetris",
	 "existant", "Communauté d'agglomération du Pays de Grasse", "urbain",
	 "recherche, économie sociale, transition", "transition écologique, recherche-action, coopération",
	 "P1", 0x14,
	 "La SCIC TETRIS (Transition écologique territoriale par la recherche et l'innovation sociale) fédère à Grasse des entreprises, des associations, des chercheurs et la collectivité. Elle porte un incubateur d'activités de l'ESS, un programme de recherche-action avec l'université et un lieu de coopération. Le pôle accompagne une vingtaine de projets par an.",
	 "Le Pays de Grasse connaît un chômage élevé dans ses quartiers et une forte dépendance à l'industrie de la parfumerie. Les initiatives de transition y sont nombreuses mais peu reliées.",
	 2.0, 280000, 0, ST_BOUQUET, 98,
	 {"E|SCIC TETRIS|structure porteuse|c",
	  "E|Association Evaleco|éducation à l'environnement|c",
	  "P|Parfums et Arômes de Grasse SAS|entreprise|l",
	  "L|Communauté d'agglomération du Pays de Grasse|EPCI, associée|g",
	  "R|Université Côte d'Azur|recherche-action|c",
	  "H|Habitants associés de la SCIC|citoyens|g"}},

	{"ECLIS", "SCIC ECLIS", "SCIC SAS", 1,
	 "Zone de Kerjégu, 22110 Rostrenen", "22",
	 "Yann Le Goff", "Maëlle Guillou", "eclis",
	 "existant", "Communauté de communes du Kreiz-Breizh", "rural",
	 "énergie, bois, agriculture", "énergies renouvelables citoyennes, bois-énergie",
	 "P1+P2", 0x19,
	 "ECLIS, coopérative du Centre-Bretagne, développe des projets d'énergie renouvelable à gouvernance citoyenne : chaufferies bois alimentées par le bocage local, toitures photovoltaïques et conseil aux communes. Le pôle associe des agriculteurs fournisseurs de plaquettes, des entreprises de travaux et des collectivités.",
	 "Le Kreiz-Breizh est un territoire rural à faible densité où les communes manquent d'ingénierie pour leurs projets énergétiques. Le bocage est peu entretenu faute de débouchés pour le bois.",
	 1.5, 210000, 100000, ST_PHASE1, 45,
	 {"E|SCIC ECLIS|structure porteuse|c",
	  "P|Entreprise de travaux agricoles Le Bihan|entreprise|l",
	  "P|Solaire Argoat SARL|installateur|l",
	  "L|Communauté de communes du Kreiz-Breizh|EPCI|g",
	  "H|Club des cigales du Centre-Bretagne|citoyens investisseurs|c"}},

	{"Pôle de coopération Sud Aquitain", "Association Sud Aquitaine Coopération", "association loi 1901", 0,
	 "6 rue des Arènes, 40100 Dax", "40",
	 "Marie-Pierre Darrigade", "Guillaume Lafitte", "sud-aquitain",
	 "existant", "Communauté d'agglomération du Grand Dax et Pays d'Orthe et Arrigans", "rural",
	 "bois, économie circulaire, tourisme", "filière bois, réemploi, tourisme durable",
	 "P1+P2", 0x1E,
	 "Le Pôle de coopération Sud Aquitain relie des entreprises de la filière bois, des structures de réemploi et des acteurs du tourisme du sud des Landes. Il anime une recyclerie de matériaux de construction et un réseau d'hébergements touristiques engagés.",
	 "La filière bois landaise reste tournée vers l'export de matière brute, et les déchets du bâtiment sont peu valorisés localement.",
	 1.4, 250000, 100000, ST_WITHDRAWN_LATE, 160,
	 {"E|Association Sud Aquitaine Coopération|structure porteuse|c",
	  "E|Recyclerie des Barthes|réemploi|l",
	  "P|Scierie Lafitte et Cie|entreprise|l",
	  "L|Grand Dax Agglomération|EPCI|l"}},

	{"Pôle régional des musiques actuelles", "Association Pôle régional des musiques actuelles", "association loi 1901", 0,
	 "20 rue Carnot, 86000 Poitiers", "86",
	 "Arnaud Brissaud", "Camille Texier", "pram",
	 "existant", "Ex-région Poitou-Charentes (4 départements)", "urbain",
	 "culture, musique, spectacle vivant", "structuration de filière, emploi culturel",
	 "P1", 0x05,
	 "Le Pôle régional des musiques actuelles fédère des salles de concert, des studios, des labels et des festivals de l'ex-Poitou-Charentes. Il propose de l'observation, de la formation et de l'accompagnement des artistes. Le dossier présente surtout le réseau régional et ses adhérents.",
	 "Les structures de musiques actuelles sont fragiles et leurs emplois précaires. Le réseau couvre un territoire très large.",
	 1.0, 150000, 0, ST_REJECTED, 130,
	 {"E|Association Pôle régional des musiques actuelles|structure porteuse|c",
	  "E|Le Confort Moderne|salle de concert|l",
	  "E|Festival Au fil du son|festival associatif|l"}},

	{"SCIC Kèpos", "SCIC Kèpos", "SCIC SAS", 1,
	 "7 rue du Grand-Verger, 54000 Nancy", "54",
	 "Damien Thiébaut", "Pauline Colin", "kepos",
	 "existant", "Métropole du Grand Nancy et Pays du Lunévillois", "urbain",
	 "espaces verts, agriculture urbaine, insertion", "nature en ville, alimentation, insertion",
	 "P1+P2", 0x1B,
	 "La SCIC Kèpos, « jardin » en grec, réunit des paysagistes d'insertion, des maraîchers urbains, des entreprises du paysage et la métropole. Elle conçoit et entretient des espaces verts nourriciers, gère deux fermes urbaines et une légumerie qui approvisionne la restauration collective. Le pôle veut consolider un modèle économique fondé sur les marchés publics et les contrats d'entreprises.",
	 "Le Grand Nancy compte plusieurs quartiers prioritaires sans accès à une alimentation de qualité, et les friches urbaines se multiplient. Les structures d'insertion dans les espaces verts se concurrencent sur les mêmes chantiers.",
	 2.0, 330000, 100000, ST_PHASE1, 75,
	 {"E|SCIC Kèpos|structure porteuse|c",
	  "E|Jardins de Cocagne de Laxou|chantier d'insertion|c",
	  "P|Paysages de Lorraine SARL|entreprise du paysage|l",
	  "P|Légumerie Nancéienne SAS|transformation|l",
	  "L|Métropole du Grand Nancy|collectivité|g",
	  "R|Université de Lorraine, ENSAIA|recherche agronomique|l",
	  "F|Lycée horticole de Laxou|formation|l"}},

	{"Coopérative des Hautes Vallées", "Association Hautes Vallées Coopération", "association loi 1901", 0,
	 "Place de la Mairie, 05100 Briançon", "05",
	 "Sylvie Blanc", "Lucas Faure", "hautes-vallees",
	 "emergent", "Communauté de communes du Briançonnais", "rural",
	 "tourisme, bois, services", "emploi à l'année, logement des saisonniers, filière bois",
	 "P1", 0x03,
	 "La Coopérative des Hautes Vallées veut créer des emplois à l'année dans le Briançonnais en combinant les saisons : entretien forestier l'été, remontées mécaniques et hébergement l'hiver. Elle réunit des employeurs saisonniers, une scierie et la communauté de communes autour d'un groupement d'employeurs.",
	 "Les emplois du territoire sont très saisonniers et le logement des travailleurs est rare et cher. Les entreprises peinent à fidéliser leurs salariés d'une saison à l'autre.",
	 0.5, 90000, 0, ST_SUBMITTED, 28,
	 {"E|Association Hautes Vallées Coopération|structure porteuse|c",
	  "P|Scierie du Guil SARL|entreprise|l",
	  "L|Communauté de communes du Briançonnais|EPCI|l"}},

	{"PTCE Bocage Mayennais", "Association Bocage Mayennais en transition", "association loi 1901", 0,
	 "9 rue de la Poste, 53100 Mayenne", "53",
	 "Jacques Bruneau", "Anne Chauvin", "bocage-mayennais",
	 "emergent", "Mayenne Communauté", "rural",
	 "agriculture, bois, alimentation", "bocage, circuits courts, transmission des fermes",
	 "P1", 0x13,
	 "Le PTCE Bocage Mayennais associe éleveurs, entreprises agroalimentaires, une coopérative d'activités et d'emploi et la communauté de communes pour valoriser le bois de haies et les produits fermiers. Le projet prévoit un atelier de découpe partagé et une plateforme bois-énergie.",
	 "De nombreuses fermes vont être transmises dans les dix prochaines années, et le bocage recule faute de valorisation économique des haies.",
	 0.6, 110000, 0, ST_SUBMITTED, 5,
	 {"E|Association Bocage Mayennais en transition|structure porteuse|c",
	  "E|Coopérative d'activités et d'emploi Mayenne|accompagnement|l",
	  "P|Laiterie du Bocage SAS|entreprise agroalimentaire|l",
	  "L|Mayenne Communauté|EPCI|l"}},

	{"Opale Réemploi", "SCIC Opale Réemploi", "SCIC SAS", 1,
	 "Quai Gambetta, 62200 Boulogne-sur-Mer", "62",
	 "Bruno Delattre", "Fatima Benkirane", "opale-reemploi",
	 "emergent", "Communauté d'agglomération du Boulonnais, quartier du Chemin Vert", "qpv",
	 "réemploi, pêche, textile", "réemploi des filets de pêche, insertion",
	 "P1+P2", 0x0F,
	 "Opale Réemploi collecte les filets de pêche usagés et les textiles professionnels du port de Boulogne pour les transformer en nouveaux produits dans un atelier d'insertion du quartier du Chemin Vert. La SCIC associe des armateurs, des entreprises du mareyage, des structures d'insertion et l'agglomération.",
	 "Les filets usagés sont enfouis ou incinérés, et le quartier du Chemin Vert connaît un chômage deux fois supérieur à la moyenne.",
	 1.0, 180000, 100000, ST_SUBMITTED, 47,
	 {"E|SCIC Opale Réemploi|structure porteuse|c",
	  "E|Atelier d'insertion du Chemin Vert|insertion|c",
	  "P|Armement Boulonnais SAS|armateur|l",
	  "L|Communauté d'agglomération du Boulonnais|EPCI|l",
	  "R|Université du Littoral Côte d'Opale|recherche sur les matériaux|l"}},

	{"Morvan Transitions", "Association Morvan Transitions", "association loi 1901", 0,
	 "Grande Rue, 58120 Château-Chinon", "58",
	 "Henri Moreau", "Julie Perrin", "morvan-transitions",
	 "emergent", "Communauté de communes Morvan Sommets et Grands Lacs", "rural",
	 "bois, tourisme, services", "filière bois, services de proximité",
	 "P1", 0x03,
	 "Morvan Transitions veut fédérer les acteurs de la forêt, du tourisme et des services de proximité du Haut-Morvan autour d'une maison des services coopérative. Elle accueillerait une épicerie, un point d'accueil touristique et un bureau partagé pour les entreprises forestières.",
	 "Le Haut-Morvan perd des habitants et des services, et la forêt est exploitée sans retombées locales. Les derniers commerces des bourgs ferment.",
	 0.5, 80000, 0, ST_WITHDRAWN_EARLY, 90,
	 {"E|Association Morvan Transitions|structure porteuse|c",
	  "P|Bois du Haut-Morvan SARL|entreprise|l",
	  "L|Communauté de communes Morvan Sommets et Grands Lacs|EPCI|l"}},

	{"Vosges Bois Solidaire", "Vosges Bois Solidaire SAS", "SAS agréée ESUS", 1,
	 "4 rue de la Scierie, 88100 Saint-Dié-des-Vosges", "88",
	 "Régis Vautrin", "Céline Petitjean", "vosges-bois",
	 "emergent", "Communauté d'agglomération de Saint-Dié-des-Vosges", "rural",
	 "bois, ameublement", "seconde transformation du bois, insertion",
	 "P1", 0x01,
	 "Vosges Bois Solidaire souhaite créer un atelier de fabrication de mobilier en bois local employant des personnes en insertion. Le dossier décrit principalement le projet de l'entreprise porteuse et ses futurs clients.",
	 "La filière bois vosgienne exporte ses grumes et l'ameublement local a beaucoup reculé. Les structures d'insertion du secteur manquent de supports d'activité.",
	 0.5, 120000, 0, ST_REJECTED, 100,
	 {"E|Vosges Bois Solidaire SAS|structure porteuse|c",
	  "P|Meubles Vautrin SARL|client et fournisseur|l",
	  "H|Amis de la forêt déodatienne|citoyens|l"}},

	{"Kaz'Coop Martinique", "SCIC Kaz'Coop", "SCIC SAS", 1,
	 "Rue Victor-Hugo, 97200 Fort-de-France", "972",
	 "Josette Sainte-Rose", "Fabrice Lordinot", "kazcoop",
	 "emergent", "Communauté d'agglomération du Centre de la Martinique (CACEM)", "outre-mer",
	 "habitat, bâtiment, insertion", "réhabilitation de l'habitat, risque sismique, insertion",
	 "P1", 0x07,
	 "Kaz'Coop rassemble des artisans, une structure d'insertion, un bailleur social et la CACEM pour réhabiliter l'habitat ancien du centre de Fort-de-France et le mettre aux normes parasismiques. La SCIC mutualise un pôle de maîtrise d'œuvre et un magasin de matériaux de réemploi.",
	 "Une grande partie du bâti ancien de Fort-de-France est vacante ou dégradée, et exposée au risque sismique. Les artisans manquent de chantiers réguliers.",
	 1.0, 160000, 0, ST_PHASE1, 58,
	 {"E|SCIC Kaz'Coop|structure porteuse|c",
	  "E|Régie de quartier Terres Sainville|insertion|c",
	  "P|Bâti Caraïbe SARL|artisan|l",
	  "L|CACEM|EPCI|l",
	  "F|AFPA Martinique|formation|l"}},
};
#define N_DEMO (sizeof demo / sizeof demo[0])

/* ---- reviewers --------------------------------------------------------- */

struct demo_person {
	const char *login, *name, *org, *email;
	unsigned roles;
};

/* The invented people of the regional cell (CRA) and of the national cell. */
static const struct demo_person people[] = {
	{"cmartin", "Claire Martin", "DREETS Grand Est", "claire.martin@example.org", ROLE_INSTRUCTEUR},
	{"adupont", "Antoine Dupont", "SGARE Grand Est", "antoine.dupont@example.org", ROLE_INSTRUCTEUR},
	{"nbenali", "Nadia Benali", "DREETS Occitanie", "nadia.benali@example.org", ROLE_INSTRUCTEUR},
	{"jlefebvre", "Jeanne Lefebvre", "SGARE Grand Est, mission ESS", "jeanne.lefebvre@example.org", ROLE_COORDINATEUR},
	{"pmoreau", "Paul Moreau", "PTCE compagnon, pôle coopératif du Val de Drôme", "paul.moreau@example.org", ROLE_EXPERT},
	{"sgarcia", "Sophie Garcia", "CRESS Grand Est", "sophie.garcia@example.org", ROLE_EXPERT},
	{"lroux", "Luc Roux", "Banque des Territoires (Caisse des dépôts)", "luc.roux@example.org", ROLE_EXPERT},
	{"mpetit", "Marie Petit", "DG Trésor, cellule nationale", "marie.petit@example.org", ROLE_LECTEUR},
};
#define N_PEOPLE (sizeof people / sizeof people[0])
#define COORD_LOGIN "jlefebvre"

/* Instructeurs who review, in turn (the coordinateur reviews too). */
static const char *const reviewers_pool[] = {"cmartin", "adupont", "nbenali", "jlefebvre"};
#define N_POOL (sizeof reviewers_pool / sizeof reviewers_pool[0])

/* ---- the run's context --------------------------------------------------- */

struct demo_ctx {
	FILE *warn;			/* where what was left out is said */
	struct store *s;
	time_t day0;			/* today 00:00 UTC: dates are relative to it */
	struct actor me;		/* the account running ptce init --demo */
	struct actor cast[N_PEOPLE];
	int have_cast[N_PEOPLE];
	struct checklist *grid[3];	/* [1] phase 1, [2] phase 2; NULL: no reviews */
	int reviews_ok;			/* review.h works: reviews are written */
	int n_reviews, n_overrides;
};

/* An actor by login: one of the cast, else the running account. */
static const struct actor *who(struct demo_ctx *c, const char *login)
{
	for (size_t i = 0; i < N_PEOPLE; i++)
		if (c->have_cast[i] && strcmp(people[i].login, login) == 0)
			return &c->cast[i];
	return &c->me;
}

/* A moment days_ago days before today at hour:minute UTC, as stored. */
static void when(const struct demo_ctx *c, int days_ago, int hour, int minute, char out[21])
{
	time_t t = c->day0 - (time_t)days_ago * 86400 + hour * 3600 + minute * 60;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- building one dossier ------------------------------------------------ */

/* Luhn check digit for the 13 first digits of a SIRET (even positions from
 * the left are doubled in a 14-digit number). */
static void siret_make(char out[15], int dossier, int member)
{
	snprintf(out, 15, "99900%02d%02d0001", dossier % 100, member % 100);
	int sum = 0;
	for (int i = 0; i < 13; i++) {
		int d = out[i] - '0';
		if (i % 2 == 0) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	out[13] = (char)('0' + (10 - sum % 10) % 10);
	out[14] = '\0';
}

/* ASCII lower-case of a French name for an e-mail address. */
static void ascii_fold(const char *in, char *out, size_t len)
{
	static const struct { const char *utf8, *ascii; } map[] = {
		{"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "e"}, {"È", "e"},
		{"à", "a"}, {"â", "a"}, {"ä", "a"}, {"î", "i"}, {"ï", "i"}, {"ô", "o"},
		{"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ç", "c"},
	};
	size_t n = 0;
	while (*in && n + 1 < len) {
		size_t k, m = sizeof map / sizeof map[0];
		for (k = 0; k < m; k++)
			if (strncmp(in, map[k].utf8, strlen(map[k].utf8)) == 0)
				break;
		if (k < m) {
			out[n++] = map[k].ascii[0];
			in += strlen(map[k].utf8);
			continue;
		}
		unsigned char ch = (unsigned char)*in++;
		if (ch == ' ')
			out[n++] = '.';
		else if (ch >= 'A' && ch <= 'Z')
			out[n++] = (char)(ch - 'A' + 'a');
		else if ((ch >= 'a' && ch <= 'z') || ch == '-')
			out[n++] = (char)ch;
	}
	out[n] = '\0';
}

/* Invented phone numbers with the right prefix for the place. */
static void phone_make(const char *dept, int i, char *out, size_t len)
{
	const char *region = geo_dept_region(dept);
	const char *p = "01";
	if (strcmp(dept, "974") == 0)
		p = "02 62";
	else if (strcmp(dept, "971") == 0)
		p = "05 90";
	else if (strcmp(dept, "972") == 0)
		p = "05 96";
	else if (!region || strcmp(region, "11") == 0)
		p = "01";
	else if (strstr("28 52 53 24", region))
		p = "02";
	else if (strstr("44 32 27", region))
		p = "03";
	else if (strstr("84 93 94", region) || strstr("30 34 48 11 66", dept))
		p = "04";
	else
		p = "05";
	/* overseas prefixes take two of the ten digits */
	snprintf(out, len, strlen(p) > 2 ? "%s 45 67 %02d" : "%s 23 45 67 %02d", p, 10 + i);
}

static const char *governance_text(const char *form)
{
	if (strncmp(form, "SCIC", 4) == 0)
		return "La SCIC réunit quatre catégories d'associés : salariés, usagers et habitants, entreprises partenaires, collectivités et établissements publics ; les collectivités détiennent moins de la moitié du capital. Le conseil coopératif se réunit chaque mois et un comité d'orientation, ouvert aux partenaires non associés, se tient deux fois par an. Les décisions d'assemblée suivent le principe « une personne, une voix » avec des collèges pondérés.";
	if (strncmp(form, "SCOP", 4) == 0)
		return "La SCOP porteuse est détenue majoritairement par ses salariés ; les partenaires du pôle siègent dans un comité de coopération qui se réunit chaque trimestre et valide le programme d'actions commun. Une convention de coopération précise l'engagement de chacun, la répartition des charges communes et les règles d'entrée de nouveaux membres.";
	if (strstr(form, "ESUS"))
		return "La SAS agréée ESUS est dirigée par son président, assisté d'un comité stratégique où siègent les partenaires. Les statuts prévoient une lucrativité limitée et l'affectation de la majorité des bénéfices au développement de l'activité.";
	return "L'association est administrée par un conseil d'administration de douze membres répartis en trois collèges : structures de l'ESS, entreprises et collectivités, habitants et usagers. Un comité de pilotage trimestriel associe les financeurs et les collectivités partenaires. Les orientations stratégiques sont votées en assemblée générale et une charte de coopération, signée par tous les membres, fixe les engagements réciproques.";
}

static const char *category_code(char c)
{
	switch (c) {
	case 'E': return "ess";
	case 'P': return "entreprise";
	case 'L': return "collectivite-epci";
	case 'R': return "recherche-enseignement";
	case 'F': return "formation";
	case 'H': return "citoyens";
	default: return "autre";
	}
}

static const char *commitment_code(char c)
{
	switch (c) {
	case 'c': return "convention";
	case 'g': return "instance";
	default: return "lettre";
	}
}

/* Check every value against the field table: demo data that import would
 * refuse is a bug here, said plainly. */
static int validate(const struct demo_dossier *dd, const struct dossier *d, struct perr *e)
{
	char why[512];
	for (int i = 0; i < DF_COUNT; i++)
		if (field_validate(&dossier_fields[i], d->f[i], why, sizeof why) < 0)
			return perr_set(e, P_INTERNAL, "demo dossier %s: %s", dd->ptce, why);
	for (size_t m = 0; m < d->n_members; m++)
		for (int i = 0; i < MF_COUNT; i++)
			if (field_validate(&member_fields[i], d->members[m].f[i], why, sizeof why) < 0)
				return perr_set(e, P_INTERNAL, "demo dossier %s, member %zu: %s",
						dd->ptce, m + 1, why);
	return 0;
}

/* "72 000 €" as French applicants write it, with no-break spaces so that
 * wrapping never splits an amount. */
static char *euros(long long v, char out[32])
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? 0 : v);
	size_t o = 0;
	for (int j = 0; j < n; j++) {
		if (j && (n - j) % 3 == 0) {
			out[o++] = '\xc2';
			out[o++] = '\xa0';
		}
		out[o++] = digits[j];
	}
	snprintf(out + o, 32 - o, "\xc2\xa0€");
	return out;
}

/* French typography: a no-break space before ':', ';', '?' and '!', so
 * that wrapped prose never starts a line with them. Frees s. */
static char *french_spaces(char *s)
{
	char *out = xmalloc(strlen(s) * 2 + 1), *o = out;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' && p[1] && strchr(":;?!", p[1]) && (p[2] == ' ' || p[2] == '\0')) {
			*o++ = '\xc2';
			*o++ = '\xa0';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	free(s);
	return out;
}

/* Fill d (fields and members) from the table entry i. */
static void build(const struct demo_ctx *c, size_t i, struct dossier *d)
{
	const struct demo_dossier *dd = &demo[i];
	char buf[2048], at[21], siret[15];
	memset(d, 0, sizeof *d);

	snprintf(buf, sizeof buf, "%d", 18204107 + (int)i * 131);
	d->f[DF_DS_NUMBER] = xstrdup(buf);
	static const char *const ds_status[] = {
		[ST_SUBMITTED] = "en_construction", [ST_PHASE1] = "en_instruction",
		[ST_BOUQUET] = "en_instruction", [ST_PHASE2] = "en_instruction",
		[ST_FUNDED] = "accepte", [ST_BACK_TO_BOUQUET] = "en_instruction",
		[ST_REJECTED] = "refuse", [ST_WITHDRAWN_EARLY] = "sans_suite",
		[ST_WITHDRAWN_LATE] = "sans_suite",
	};
	d->f[DF_DS_STATUS] = xstrdup(ds_status[dd->story]);
	when(c, dd->deposited, 9, 0, at);
	d->f[DF_DEPOSITED_AT] = xstrndup(at, 10);
	d->f[DF_LEAD_NAME] = xstrdup(dd->lead);
	siret_make(siret, (int)i + 1, 0);
	d->f[DF_LEAD_SIRET] = xstrdup(siret);
	d->f[DF_LEAD_LEGAL_FORM] = xstrdup(dd->form);
	d->f[DF_LEAD_ESUS] = xstrdup(dd->esus ? "1" : "0");
	d->f[DF_LEAD_ADDRESS] = xstrdup(dd->address);
	const char *region = geo_dept_region(dd->dept);
	d->f[DF_REGION] = xstrdup(region ? region : "");
	d->f[DF_DEPARTEMENT] = xstrdup(dd->dept);
	d->f[DF_LEGAL_REP] = xstrdup(dd->rep);
	d->f[DF_CONTACT_NAME] = xstrdup(dd->contact);
	char local[128];
	ascii_fold(dd->contact, local, sizeof local);
	snprintf(buf, sizeof buf, "%s@%s.example.org", local, dd->slug);
	d->f[DF_CONTACT_EMAIL] = xstrdup(buf);
	phone_make(dd->dept, (int)i, buf, sizeof buf);
	d->f[DF_CONTACT_PHONE] = xstrdup(buf);
	d->f[DF_PTCE_NAME] = xstrdup(dd->ptce);
	d->f[DF_STAGE] = xstrdup(dd->stage);
	d->f[DF_TERRITORY] = xstrdup(dd->territory);
	d->f[DF_TERRITORY_TYPE] = xstrdup(dd->ttype);
	d->f[DF_SECTORS] = xstrdup(dd->sectors);
	d->f[DF_THEMES] = xstrdup(dd->themes);
	d->f[DF_PHASE_APPLIED] = xstrdup(dd->phase);
	buf[0] = '\0';
	for (int k = 0; bouquet_themes[k]; k++) {
		if (!(dd->needs & (1u << k)))
			continue;
		if (buf[0])
			strcat(buf, ", ");
		strcat(buf, bouquet_themes[k]);
	}
	d->f[DF_BOUQUET_NEEDS] = xstrdup(buf);
	d->f[DF_DESCRIPTION] = xstrdup(dd->description);
	d->f[DF_DIAGNOSIS] = xstrdup(dd->diagnosis);
	char fte[16];
	snprintf(fte, sizeof fte, "%g", dd->fte);
	for (char *p = strchr(fte, '.'); p; p = NULL)
		*p = ',';	/* prose written by French applicants: "1,5 ETP" */
	snprintf(buf, sizeof buf, "%s L'animation du pôle est assurée par %s ETP, dont une personne chargée de la coordination et du lien avec les collectivités.",
		 governance_text(dd->form), fte);
	d->f[DF_GOVERNANCE] = xstrdup(buf);
	snprintf(buf, sizeof buf, "%.1f", dd->fte);
	d->f[DF_STAFF_FTE] = xstrdup(buf);
	snprintf(buf, sizeof buf,
		 "Emplois créés ou consolidés sur le territoire (objectif : %d ETP à trois ans) ; nombre de structures engagées dans des projets communs (objectif : %d) ; chiffre d'affaires des activités mutualisées ; part des achats réalisés localement ; nombre d'habitants touchés par les actions du pôle. Un bilan est présenté chaque année en comité de pilotage.",
		 (int)(dd->fte * 4 + 3), 6 + (int)(i % 5) * 2);
	d->f[DF_INDICATORS] = xstrdup(buf);
	snprintf(buf, sizeof buf, "%lld", dd->budget);
	d->f[DF_BUDGET] = xstrdup(buf);
	snprintf(buf, sizeof buf, "%lld", dd->amount);
	d->f[DF_AMOUNT_REQUESTED] = xstrdup(buf);
	long long rest = dd->budget - dd->amount;
	long long reg = rest / 10 * 3, epci = rest / 10 * 2, bdt = rest / 10, own = rest - reg - epci - bdt;
	char m1[32], m2[32], m3[32], m4[32];
	snprintf(buf, sizeof buf,
		 "Région (programme ESS et innovation sociale) : %s ; intercommunalité : %s ; Banque des Territoires (ingénierie) : %s ; fonds propres et contributions des membres : %s. Les cofinancements de la Région et de l'intercommunalité sont votés ; celui de la Banque des Territoires est en cours d'instruction.",
		 euros(reg, m1), euros(epci, m2), euros(bdt, m3), euros(own, m4));
	d->f[DF_COFUNDING] = xstrdup(buf);

	for (int f = 0; f < DF_COUNT; f++)
		if (dossier_fields[f].type == FT_LONGTEXT && d->f[f])
			d->f[f] = french_spaces(d->f[f]);

	for (size_t m = 0; m < MAX_MEMBERS && dd->members[m]; m++) {
		d->members = xrealloc(d->members, (d->n_members + 1) * sizeof *d->members);
		struct member *mb = &d->members[d->n_members++];
		memset(mb, 0, sizeof *mb);
		const char *line = dd->members[m];
		const char *p1 = strchr(line, '|'), *p2 = p1 ? strchr(p1 + 1, '|') : NULL,
			   *p3 = p2 ? strchr(p2 + 1, '|') : NULL;
		if (!p1 || !p2 || !p3)
			die("demo member line without its four parts: %s", line);
		mb->f[MF_NAME] = xstrndup(p1 + 1, (size_t)(p2 - p1 - 1));
		if (line[0] != 'H') {
			siret_make(siret, (int)i + 1, (int)m);
			mb->f[MF_SIRET] = xstrdup(siret);
		}
		mb->f[MF_CATEGORY] = xstrdup(category_code(line[0]));
		mb->f[MF_ROLE] = xstrndup(p2 + 1, (size_t)(p3 - p2 - 1));
		mb->f[MF_COMMITMENT] = xstrdup(commitment_code(p3[1]));
	}
}

/* ---- what happens to a dossier ------------------------------------------- */

/* The clock of one dossier's story: each event comes later than the one
 * before, at a fraction of the time since deposit. */
struct clock {
	struct demo_ctx *c;
	size_t i;		/* dossier index */
	long long id;
	int step;
};

static void tick(struct clock *k, double frac, char at[21])
{
	int days = (int)(demo[k->i].deposited * frac);
	if (days < 1)
		days = 1;
	k->step++;
	when(k->c, days, 7 + (k->step < 13 ? k->step : 13), (int)((k->i * 7 + (size_t)k->step * 13) % 60), at);
}

static int sql_assign(struct demo_ctx *c, long long id, const char *login, const char *by,
		      const char *at, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(c->s, "INSERT OR IGNORE INTO assignments(dossier_id, login,"
					 " assigned_by, assigned_at) VALUES (?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(c->s, e, "demo: assignments");
	if (sqlite3_changes(c->s->db) == 0)
		return 0;
	return history_add(c->s, id, at, by, by, "assign", NULL, login, e);
}

/* Assign reviewers, backdated (assignment_set records the present time). */
static int assign(struct clock *k, double frac, const char *const *logins, size_t n,
		  struct perr *e)
{
	char at[21];
	tick(k, frac, at);
	if (store_begin(k->c->s, e) < 0)
		return -1;
	for (size_t j = 0; j < n; j++)
		if (sql_assign(k->c, k->id, logins[j], COORD_LOGIN, at, e) < 0) {
			store_rollback(k->c->s);
			return -1;
		}
	return store_commit(k->c->s, e);
}

/* Move through the procedure as person login, backdated. A guard that says
 * no (a build without reviews, or a grid stricter than this demo expects)
 * is overridden with a motivation, as a coordinateur would: the demo must
 * always be created. */
static int move(struct clock *k, double frac, const char *to, const char *login,
		const char *reason, const struct move_request *extra, struct perr *e)
{
	struct move_request req = {0};
	char at[21];
	if (extra)
		req = *extra;
	tick(k, frac, at);
	req.at = at;
	req.reason = reason;
	struct perr first = {0};
	if (move_apply(k->c->s, who(k->c, login), k->id, to, &req, &first) == 0)
		return 0;
	if (first.status == P_REFUSED) {
		struct perr again = {0};
		req.override = 1;
		if (!req.reason)
			req.reason = "Décision de la cellule régionale d'animation réunie en séance plénière, au vu des pièces du dossier.";
		if (move_apply(k->c->s, who(k->c, COORD_LOGIN), k->id, to, &req, &again) == 0) {
			k->c->n_overrides++;
			return 0;
		}
	}
	return perr_set(e, first.status, "demo dossier %s -> %s: %s", demo[k->i].ptce, to, first.msg);
}

static int add_document(struct store *s, long long id, const char *kind, const char *title,
			const char *on, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO documents(dossier_id, kind, title, received_on)"
					 " VALUES (?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, on, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, e, "demo: documents");
}

/* The pieces an applicant attaches; accounts are missing when compléments
 * will be asked for. */
static int documents(struct demo_ctx *c, long long id, const struct dossier *d,
		     int with_accounts, struct perr *e)
{
	char t[512];
	const char *on = d->f[DF_DEPOSITED_AT];
	int year = atoi(on) - 1;
	snprintf(t, sizeof t, "Statuts : %s (version en vigueur, certifiée conforme)", d->f[DF_LEAD_NAME]);
	if (add_document(c->s, id, "statuts", t, on, e) < 0)
		return -1;
	snprintf(t, sizeof t, "Avis de situation au répertoire SIRENE (SIRET %s)", d->f[DF_LEAD_SIRET]);
	if (add_document(c->s, id, "sirene", t, on, e) < 0)
		return -1;
	if (with_accounts) {
		snprintf(t, sizeof t, "Comptes annuels %d approuvés et rapport d'activité", year);
		if (add_document(c->s, id, "comptes", t, on, e) < 0)
			return -1;
	}
	snprintf(t, sizeof t, "Charte de coopération du PTCE %s signée par les membres", d->f[DF_PTCE_NAME]);
	if (add_document(c->s, id, "charte", t, on, e) < 0)
		return -1;
	for (size_t m = 1; m < d->n_members; m++) {
		if (strcmp(d->members[m].f[MF_COMMITMENT], "lettre") != 0)
			continue;
		snprintf(t, sizeof t, "Lettre d'engagement de %s", d->members[m].f[MF_NAME]);
		if (add_document(c->s, id, "lettre", t, on, e) < 0)
			return -1;
	}
	snprintf(t, sizeof t, "Budget prévisionnel sur trois ans et plan de financement");
	return add_document(c->s, id, "autre", t, on, e);
}

/* Compléments demandés, backdated; due_days from today (negative: overdue). */
static int complements(struct clock *k, double frac, int due_days, const char *note,
		       struct perr *e)
{
	char at[21], due[21];
	tick(k, frac, at);
	when(k->c, -due_days, 0, 0, due);
	due[10] = '\0';
	const struct actor *a = who(k->c, "cmartin");
	if (store_begin(k->c->s, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(k->c->s, "UPDATE dossiers SET complements_due = ?,"
					 " complements_note = ?, revision = revision + 1, updated_at = ?"
					 " WHERE id = ?", e);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, due, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, k->id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(k->c->s, e, "demo: complements");
		goto fail;
	}
	char detail[64];
	snprintf(detail, sizeof detail, "due %s", due);
	if (history_add(k->c->s, k->id, at, a->login, a->real_login, "complements", note, detail, e) < 0)
		goto fail;
	return store_commit(k->c->s, e);
fail:
	store_rollback(k->c->s);
	return -1;
}

/* ---- reviews ------------------------------------------------------------- */

/* What reviewers write on the phase 2 criteria, by level (weak, fair,
 * strong). Criteria the demo does not know get the generic lines. */
static const struct { const char *id, *text[3]; } p2_comments[] = {
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
};

static const char *const generic_comments[3] = {
	"Point faible du dossier, à retravailler avec le porteur.",
	"Correct, sans plus ; des précisions sont attendues.",
	"Point fort du dossier, bien étayé par les pièces.",
};

/* Why a phase 1 gate is not met, or still to check. */
static const struct { const char *id, *value, *text; } gate_notes[] = {
	{"R4", "no", "Aucune entreprise hors ESS parmi les membres : les partenaires sont tous des associations."},
	{"R5", "no", "Ni collectivité, ni organisme de recherche ou de formation parmi les membres."},
	{"R5", "check", "La lettre d'engagement de la collectivité n'est pas signée : à vérifier avec le porteur."},
	{"R6", "no", "Le territoire couvre quatre départements : ce n'est pas un territoire de coopération défini."},
	{"R7", "no", "La stratégie présentée est celle de l'entreprise porteuse, pas une stratégie partagée."},
	{"R10", "check", "Une lettre de partenaire annoncée manque au dossier."},
};

/* value of id in a spec "A=3 B=4 R4=no", or NULL */
static const char *spec_get(const char *spec, const char *id, char *buf, size_t len)
{
	size_t n = strlen(id);
	for (const char *p = spec; p && *p;) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, ' ');
		size_t tl = end ? (size_t)(end - p) : strlen(p);
		if (tl > n + 1 && strncasecmp(p, id, n) == 0 && p[n] == '=') {
			snprintf(buf, len, "%.*s", (int)(tl - n - 1), p + n + 1);
			return buf;
		}
		p = end;
	}
	return NULL;
}

/* What reviewers conclude, by band (favourable, réservé, défavorable), two
 * ways of saying it so that two reviews of a dossier differ. */
static const char *const synthesis[3][2] = {
	{"Dossier solide et cohérent, porté par un partenariat réel et une animation reconnue sur le territoire. Avis favorable.",
	 "Coopération mature et modèle économique crédible ; les cofinancements sont votés. Je recommande de retenir le dossier."},
	{"Dossier intéressant mais inégal : des réserves sur le modèle économique et sur l'implication des entreprises, à lever lors de l'audition.",
	 "Projet pertinent pour le territoire, mais la gouvernance et le plan de financement doivent être précisés avant une décision de financement."},
	{"Dossier encore fragile : le partenariat et la gouvernance doivent être consolidés avant tout financement. Le bouquet de services reste pertinent.",
	 "La coopération reste à construire : peu d'engagements écrits des entreprises et une animation non financée. Avis défavorable en l'état."},
};

static const char *const observations_ok[3] = {
	"Coopération réelle entre les membres ; éligibilité vérifiée sur pièces.",
	"Dossier complet ; les lettres d'engagement confirment le partenariat annoncé.",
	"Éligibilité confirmée après un échange téléphonique avec la personne contact.",
};

/* Write one review of dossier k on grid phase (1 or 2) as login. spec gives
 * answers by criterion; the rest is answered plausibly. A draft answers only
 * the first half of the grid. */
static int write_review(struct clock *k, int phase, const char *login, const char *spec,
			int submit, double frac, struct perr *e)
{
	(void)e;	/* a review that fails leaves reviews out, it does not stop the demo */
	struct demo_ctx *c = k->c;
	const struct checklist *g = c->grid[phase];
	if (!c->reviews_ok || !g || g->n_crit == 0)
		return 0;
	const struct demo_dossier *dd = &demo[k->i];
	size_t n = submit ? g->n_crit : (g->n_crit + 1) / 2;
	struct review_input *in = xcalloc(g->n_crit, sizeof *in);
	char (*vals)[16] = xcalloc(g->n_crit, sizeof *vals);
	double total = 0;
	int gate_no = 0;
	size_t variant = (k->i + (size_t)k->step) % 2;

	/* First the gates and scales, which decide the rest. */
	for (size_t j = 0; j < g->n_crit; j++) {
		const struct criterion *cr = &g->crit[j];
		const char *v = spec_get(spec, cr->id, vals[j], sizeof vals[j]);
		in[j].criterion = cr->id;
		if (cr->type == CRIT_GATE) {
			if (!v) {
				v = "yes";
				/* R12 records the rural / QPV priority, for information. */
				if (strcmp(cr->id, "R12") == 0 && strcmp(dd->ttype, "rural") &&
				    strcmp(dd->ttype, "qpv"))
					v = "no";
			}
			in[j].value = v;
			if (strcmp(v, "no") == 0 && cr->blocking)
				gate_no = 1;
			if (strcmp(v, "yes") != 0 || cr->comment_required ||
			    criterion_needs_comment(cr, v)) {
				in[j].comment = strcmp(v, "yes") == 0
					? "Vérifié sur les statuts, l'avis SIRENE et les lettres d'engagement."
					: strcmp(v, "no") == 0 ? "Critère non rempli au vu des pièces du dossier."
					: "À vérifier avec le porteur : pièce manquante ou peu lisible.";
				for (size_t t = 0; t < sizeof gate_notes / sizeof gate_notes[0]; t++)
					if (strcmp(gate_notes[t].id, cr->id) == 0 &&
					    strcmp(gate_notes[t].value, v) == 0)
						in[j].comment = gate_notes[t].text;
			}
		} else if (cr->type == CRIT_SCALE) {
			/* specs are on the 0..4 scale of domain.md; other scales
			 * are mapped onto it */
			int four = v ? atoi(v) : 2 + (int)((k->i + j) % 2);
			four = four < 0 ? 0 : four > 4 ? 4 : four;
			int val = cr->min + (four * (cr->max - cr->min) + 2) / 4;
			snprintf(vals[j], sizeof vals[j], "%d", val);
			in[j].value = vals[j];
			total += criterion_points(cr, vals[j]);
			int lvl = four <= 1 ? 0 : four == 2 ? 1 : 2;
			in[j].comment = generic_comments[lvl];
			for (size_t t = 0; t < sizeof p2_comments / sizeof p2_comments[0]; t++)
				if (strcmp(p2_comments[t].id, cr->id) == 0)
					in[j].comment = p2_comments[t].text[lvl];
		}
	}
	/* Then the recommendation and the summary follow the band of the total
	 * (phase 2) or the gates (phase 1). */
	size_t band = 0;
	if (phase == 2 && g->n_bands) {
		const struct band *b = checklist_band(g, total);
		band = b ? (size_t)(b - g->bands) : 0;
	} else if (gate_no) {
		band = 2;
	}
	if (band > 2)
		band = 2;
	for (size_t j = 0; j < g->n_crit; j++) {
		const struct criterion *cr = &g->crit[j];
		const char *v = spec_get(spec, cr->id, vals[j], sizeof vals[j]);
		if (cr->type == CRIT_CHOICE) {
			size_t o = band < cr->n_options ? band : cr->n_options - 1;
			in[j].value = v ? v : cr->n_options ? cr->options[o].id : NULL;
			if (in[j].value && (cr->comment_required || criterion_needs_comment(cr, in[j].value)))
				in[j].comment = "Le dossier ne répond pas aux attentes de la phase 2 à ce stade ; le porteur garde le bouquet de services.";
		} else if (cr->type == CRIT_TEXT) {
			in[j].value = phase == 2 ? synthesis[band][variant]
				: gate_no ? "Éligibilité non établie : voir les critères bloquants. Un rendez-vous avec la CRESS est proposé au porteur pour reconstruire le partenariat."
				: observations_ok[(k->i + (size_t)k->step) % 3];
		}
	}

	char at[21];
	tick(k, frac, at);
	struct perr re = {0};
	int rc = review_write(c->s, who(c, login), k->id, g, in, n, submit, at, NULL, NULL, &re);
	free(in);
	free(vals);
	if (rc < 0) {
		/* The demo still works without reviews: guards are overridden
		 * with a motivation. Say so once. */
		fprintf(c->warn, _("ptce: demo: reviews left out (%s)\n"), re.msg);
		c->reviews_ok = 0;
		return 0;
	}
	c->n_reviews++;
	return 0;
}

/* ---- the stories ----------------------------------------------------------- */

/* Phase 2 reviews: scores on the 0..4 scale of criteria A-G (weights 20 20
 * 15 15 15 10 5), spread over the favourable / réservé / défavorable bands;
 * Pôle Sud is divergent on B. A spec starting with '~' stays a draft. */
static const struct { const char *ptce; const char *spec[3]; } p2_plans[] = {
	{"Stras Eco Renov", {"A=4 B=4 C=4 D=3 E=3 F=4 G=3", "A=4 B=3 C=4 D=3 E=3 F=3 G=3", NULL}},
	{"La Place des Possibles", {"A=3 B=3 C=4 D=3 E=2 F=3 G=3", "A=3 B=4 C=4 D=2 E=3 F=3 G=3", "A=3 B=3 C=3 D=3 E=3 F=3 G=3"}},
	{"Réuniverre", {"A=3 B=3 C=3 D=3 E=3 F=4 G=2", "A=3 B=2 C=3 D=3 E=3 F=3 G=2", NULL}},
	{"Filière vélo du Grand Paris", {"A=3 B=3 C=3 D=3 E=2 F=3 G=3", "A=3 B=3 C=2 D=3 E=3 F=2 G=2", NULL}},
	{"Cluster économie textile circulaire", {"A=2 B=3 C=2 D=3 E=2 F=2 G=2", "A=2 B=2 C=3 D=2 E=2 F=3 G=2", "A=3 B=2 C=2 D=2 E=2 F=2 G=2"}},
	{"Micro-filière Meunerie Margeride", {"A=3 B=4 C=4 D=3 E=3 F=3 G=3", "A=3 B=3 C=4 D=3 E=2 F=3 G=3", "~A=3 B=3 C=3"}},
	{"ECHOBAT", {"A=2 B=2 C=2 D=1 E=1 F=2 G=2", "A=2 B=2 C=3 D=2 E=1 F=2 G=1", NULL}},
	{"Pôle Sud", {"A=4 B=4 C=3 D=3 E=3 F=3 G=3", "A=3 B=1 C=3 D=2 E=2 F=2 G=2", NULL}},
	{"PTCE Gâtinais Montargois", {"A=2 B=1 C=2 D=2 E=1 F=2 G=1", "A=2 B=1 C=2 D=1 E=2 F=1 G=2", NULL}},
};

/* Phase 1 gates that are not met, for the dossiers not retained. */
static const char *p1_spec(const char *ptce)
{
	if (strcmp(ptce, "Pôle régional des musiques actuelles") == 0)
		return "R4=no R5=no R6=no";
	if (strcmp(ptce, "Vosges Bois Solidaire") == 0)
		return "R5=no R7=no";
	return "";
}

static int is(const struct demo_dossier *dd, const char *name)
{
	return strcmp(dd->ptce, name) == 0;
}

/* Phase 1: open instruction, assign two instructeurs, and the reviews given
 * by plan: 'S' submitted, 'D' draft, '-' none, one letter per reviewer. */
static int phase1(struct clock *k, const char *const rev[2], const char *plan,
		  double f_open, double f_rev, struct perr *e)
{
	const struct demo_dossier *dd = &demo[k->i];
	if (move(k, f_open, "phase1", rev[0], NULL, NULL, e) < 0 ||
	    assign(k, f_open, rev, 2, e) < 0)
		return -1;
	for (int j = 0; j < 2 && plan[j]; j++) {
		if (plan[j] == '-')
			continue;
		if (write_review(k, 1, rev[j], p1_spec(dd->ptce), plan[j] == 'S',
				 f_rev - 0.04 * j, e) < 0)
			return -1;
	}
	return 0;
}

/* Phase 2: reviews given by p2_plans, by the two instructeurs of phase 1
 * (the funding guard waits for every assigned reviewer) and a third. */
static int phase2_reviews(struct clock *k, const char *const rev[2], double f, struct perr *e)
{
	const struct demo_dossier *dd = &demo[k->i];
	for (size_t p = 0; p < sizeof p2_plans / sizeof p2_plans[0]; p++) {
		if (!is(dd, p2_plans[p].ptce))
			continue;
		const char *revs[3];
		size_t n = 0;
		revs[0] = rev[0];
		revs[1] = rev[1];
		revs[2] = COORD_LOGIN;
		for (size_t j = 0; j < N_POOL; j++)
			if (strcmp(reviewers_pool[j], rev[0]) && strcmp(reviewers_pool[j], rev[1])) {
				revs[2] = reviewers_pool[j];
				break;
			}
		while (n < 3 && p2_plans[p].spec[n])
			n++;
		if (n > 2 && assign(k, f + 0.05, revs + 2, 1, e) < 0)
			return -1;
		for (int j = 0; j < 3 && p2_plans[p].spec[j]; j++) {
			const char *spec = p2_plans[p].spec[j];
			int draft = spec[0] == '~';
			if (write_review(k, 2, revs[j], spec + draft, !draft, f - 0.03 * j, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int ask_opinion(struct clock *k, const char *expert, const char *question,
		       double f_ask, int answer, int favourable, const char *text,
		       double f_answer, struct perr *e)
{
	struct demo_ctx *c = k->c;
	if (!c->reviews_ok)
		return 0;
	char at[21];
	long long oid = 0;
	struct perr oe = {0};
	tick(k, f_ask, at);
	if (opinion_ask(c->s, who(c, COORD_LOGIN), k->id, expert, question, at, &oid, &oe) < 0) {
		fprintf(c->warn, _("ptce: demo: expert opinions left out (%s)\n"), oe.msg);
		return 0;
	}
	if (!answer)
		return 0;
	tick(k, f_answer, at);
	if (opinion_answer(c->s, who(c, expert), oid, favourable, text, at, &oe) < 0)
		fprintf(c->warn, _("ptce: demo: expert opinions left out (%s)\n"), oe.msg);
	(void)e;
	return 0;
}

static const char *const reason_bouquet =
	"Éligibilité confirmée en CRA : les critères R1 à R6 sont remplis. Le bouquet de services est ouvert sur les thèmes demandés.";
static const char *const reason_phase2 =
	"Orienté vers la phase 2 sur proposition de la CRA : le pôle a demandé un financement d'animation.";

/* Retained in phase 1 and, for the stories that go on, oriented to phase 2. */
static int to_bouquet(struct clock *k, const char *const rev[2], double f_open, double f_rev,
		      double f_bouquet, struct perr *e)
{
	if (phase1(k, rev, "SS", f_open, f_rev, e) < 0)
		return -1;
	return move(k, f_bouquet, "bouquet", COORD_LOGIN, reason_bouquet, NULL, e);
}

static int run_story(struct demo_ctx *c, size_t i, struct perr *e)
{
	const struct demo_dossier *dd = &demo[i];
	struct dossier d;
	struct clock k = {c, i, 0, 0};
	char at[21];
	int rc = -1;

	build(c, i, &d);
	if (validate(dd, &d, e) < 0)
		goto out;
	when(c, dd->deposited, 8, (int)(i * 7 % 60), at);
	int late_accounts = is(dd, "Opale Réemploi") || is(dd, "Kaz'Coop Martinique");
	if (store_begin(c->s, e) < 0)
		goto out;
	if (dossier_save(c->s, c->me.login, c->me.real_login, &d, 1, at, NULL, &k.id, e) < 0 ||
	    documents(c, k.id, &d, !late_accounts, e) < 0) {
		store_rollback(c->s);
		goto out;
	}
	if (store_commit(c->s, e) < 0)
		goto out;

	/* Two instructeurs per dossier, in turn; adupont declared a conflict
	 * on Kèpos, so he never reviews it. */
	const char *rev[2] = {reviewers_pool[i % 3], reviewers_pool[(i + 1) % 3]};
	if (is(dd, "SCIC Kèpos"))
		rev[0] = "cmartin", rev[1] = "nbenali";
	const char *mine[2] = {c->me.login, rev[0]};

	switch (dd->story) {
	case ST_SUBMITTED:
		if (is(dd, "Opale Réemploi")) {
			if (assign(&k, 0.7, rev, 1, e) < 0 ||
			    complements(&k, 0.6, 10, "Comptes annuels du dernier exercice et lettre d'engagement signée de l'agglomération.", e) < 0)
				goto out;
		}
		break;
	case ST_PHASE1: {
		const char *plan = "--";
		if (is(dd, "Remendaires"))
			plan = "S-";
		else if (is(dd, "SCIC Kèpos"))
			plan = "D-";
		else if (is(dd, "ECLIS"))
			plan = "SD";
		else if (is(dd, "Brie'Nov"))
			plan = "SS";
		if (is(dd, "SCIC Kèpos") && c->reviews_ok) {
			char when_at[21];
			struct perr ce = {0};
			tick(&k, 0.95, when_at);
			if (conflict_declare(c->s, who(c, "adupont"), k.id, NULL,
					     "J'ai présidé l'association Jardins de Cocagne de Laxou, membre du pôle, jusqu'en 2023.",
					     when_at, &ce) < 0)
				fprintf(c->warn, _("ptce: demo: conflict of interest left out (%s)\n"), ce.msg);
		}
		if (phase1(&k, rev, plan, 0.9, 0.5, e) < 0)
			goto out;
		if (is(dd, "Remendaires") || is(dd, "Tiers-lieu Station A") || is(dd, "Kaz'Coop Martinique"))
			if (assign(&k, 0.4, mine, 1, e) < 0)
				goto out;
		if (is(dd, "Kaz'Coop Martinique") &&
		    complements(&k, 0.3, -5, "Comptes annuels manquants ; attestation de la CACEM sur la mise à disposition du local.", e) < 0)
			goto out;
		break;
	}
	case ST_BOUQUET:
		if (to_bouquet(&k, rev, 0.95, 0.8, 0.65, e) < 0)
			goto out;
		break;
	case ST_PHASE2:
	case ST_FUNDED:
	case ST_BACK_TO_BOUQUET: {
		int funded = dd->story == ST_FUNDED;
		if (to_bouquet(&k, rev, 0.95, funded ? 0.85 : 0.8, funded ? 0.75 : 0.7, e) < 0 ||
		    move(&k, funded ? 0.6 : 0.45, "phase2", COORD_LOGIN, reason_phase2, NULL, e) < 0 ||
		    phase2_reviews(&k, rev, funded ? 0.4 : 0.3, e) < 0)
			goto out;
		if (is(dd, "Filière vélo du Grand Paris") && assign(&k, 0.2, mine, 1, e) < 0)
			goto out;
		if (is(dd, "Stras Eco Renov") &&
		    ask_opinion(&k, "sgarcia", "La plateforme d'achats groupés de matériaux est-elle soutenable après la fin de l'aide à l'animation ?",
				0.3, 1, 1, "Avis favorable : la plateforme dégage déjà une marge qui couvre la moitié d'un poste ; les artisans adhérents se sont engagés sur trois ans.",
				0.25, e) < 0)
			goto out;
		if (is(dd, "Pôle Sud") &&
		    ask_opinion(&k, "lroux", "Le plan de financement du guichet commercial commun vous paraît-il réaliste ?",
				0.2, 1, 0, "Avis défavorable en l'état : le plan repose à 70 % sur des subventions non encore votées et le chiffre d'affaires attendu du guichet n'est pas étayé.",
				0.12, e) < 0)
			goto out;
		if (is(dd, "Micro-filière Meunerie Margeride") &&
		    ask_opinion(&k, "pmoreau", "Votre regard de PTCE compagnon sur la gouvernance de la SCIC et la place des agriculteurs ?",
				0.15, 0, 0, NULL, 0, e) < 0)
			goto out;
		if (is(dd, "ECHOBAT") &&
		    ask_opinion(&k, "sgarcia", "Les chantiers-écoles peuvent-ils être financés par la formation professionnelle plutôt que par le pôle ?",
				0.08, 0, 0, NULL, 0, e) < 0)
			goto out;
		if (funded) {
			char vdate[21], ref[32];
			tick(&k, 0.15, vdate);
			vdate[10] = '\0';
			snprintf(ref, sizeof ref, "CNA-%.4s-%03d", vdate, 11 + (int)i);
			struct move_request req = {.validation_ref = ref, .validation_date = vdate};
			/* The envelope is configuration: a round too small for
			 * three laureates leaves the others in phase 2. */
			if (move(&k, 0.12, "funded", COORD_LOGIN,
				 "Lauréat validé par la cellule nationale d'appui ; financement d'animation sur deux ans.",
				 &req, e) < 0) {
				if (e->status != P_INVALID)
					goto out;
				fprintf(c->warn, _("ptce: demo: %s stays in phase 2 (%s)\n"), dd->ptce, e->msg);
				perr_clear(e);
			}
		} else if (dd->story == ST_BACK_TO_BOUQUET) {
			if (move(&k, 0.2, "bouquet", COORD_LOGIN,
				 "Non retenu en phase 2 : la gouvernance est encore trop fragile (critère B éliminatoire) et les cofinancements ne sont pas confirmés. Le pôle conserve le bouquet de services et pourra se représenter.",
				 NULL, e) < 0)
				goto out;
		}
		break;
	}
	case ST_REJECTED:
		if (phase1(&k, rev, "SS", 0.9, 0.6, e) < 0 ||
		    move(&k, 0.4, "rejected", COORD_LOGIN, is(dd, "Vosges Bois Solidaire")
			 ? "Non retenu : le projet est celui d'une entreprise et de ses clients ; aucune collectivité, aucun organisme de recherche ou de formation n'est associé (R5) et la stratégie de coopération n'est pas partagée (R7). Le porteur est invité à redéposer avec ses partenaires territoriaux."
			 : "Non retenu : le dossier décrit un réseau régional de structures culturelles et non une coopération sur un territoire défini ; aucune entreprise hors ESS ni collectivité n'est membre (R4, R5 et R6 du décret 2015-431).",
			 NULL, e) < 0)
			goto out;
		break;
	case ST_WITHDRAWN_EARLY:
		if (move(&k, 0.8, "phase1", rev[0], NULL, NULL, e) < 0 ||
		    assign(&k, 0.8, rev, 1, e) < 0 ||
		    move(&k, 0.5, "withdrawn", COORD_LOGIN,
			 "Retrait demandé par le président de l'association par courriel : le projet sera redéposé l'an prochain, une fois le collectif constitué.",
			 NULL, e) < 0)
			goto out;
		break;
	case ST_WITHDRAWN_LATE:
		if (to_bouquet(&k, rev, 0.95, 0.85, 0.7, e) < 0 ||
		    move(&k, 0.5, "phase2", COORD_LOGIN, reason_phase2, NULL, e) < 0 ||
		    move(&k, 0.3, "withdrawn", COORD_LOGIN,
			 "Le porteur retire sa candidature en phase 2 : une fusion avec une association voisine est en cours et le budget doit être revu.",
			 NULL, e) < 0)
			goto out;
		break;
	}
	rc = 0;
out:
	dossier_clear(&d);
	return rc;
}

/* ---- entry point ------------------------------------------------------------ */

/* Laureates are funded from a round's envelope: ptce init records the rounds
 * of the configuration; one without any still gets a demo round. */
static int ensure_campaign(struct demo_ctx *c, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(c->s, "SELECT count(*) FROM campaigns WHERE is_current = 1", e);
	if (!st)
		return -1;
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (n > 0)
		return 0;
	char at[21];
	when(c, 210, 9, 0, at);
	if (store_begin(c->s, e) < 0)
		return -1;
	st = store_prepare(c->s, "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years,"
			   " is_current, created_at) VALUES ('AMI PTCE (démonstration)', 500000, 50000, 2, 1, ?)", e);
	if (!st) {
		store_rollback(c->s);
		return -1;
	}
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(c->s, e, "demo: campaigns");
		store_rollback(c->s);
		return -1;
	}
	return store_commit(c->s, e);
}

int demo_fill(struct store *s, const struct actor *me, const char *checklists_dir,
	      FILE *warn, struct perr *e)
{
	struct demo_ctx c = {.warn = warn, .s = s};
	time_t now = time(NULL);
	c.day0 = now - now % 86400;
	c.me = *me;
	int rc = -1;

	for (size_t p = 0; p < N_PEOPLE; p++) {
		if (strcmp(people[p].login, c.me.login) == 0)
			continue;	/* the account running this keeps its roles */
		if (reviewer_add(c.s, me, people[p].login, people[p].name, people[p].org,
				 people[p].email, people[p].roles, e) < 0 ||
		    actor_load(c.s, people[p].login, &c.cast[p], e) < 0)
			return -1;
		c.have_cast[p] = 1;
	}

	/* Reviews need the grids; without them the demo is still made, its
	 * guarded moves recorded as motivated overrides. */
	c.reviews_ok = 1;
	for (int ph = 1; ph <= 2; ph++) {
		struct perr ge = {0};
		char name[16];
		snprintf(name, sizeof name, "phase%d", ph);
		if (!checklists_dir ||
		    checklist_load_named(checklists_dir, name, &c.grid[ph], &ge) < 0) {
			fprintf(warn, _("ptce: demo: reviews left out (%s)\n"),
				ge.msg[0] ? ge.msg : _("no checklists directory in the configuration"));
			c.reviews_ok = 0;
			break;
		}
	}

	if (ensure_campaign(&c, e) < 0)
		goto out;
	for (size_t i = 0; i < N_DEMO; i++)
		if (run_story(&c, i, e) < 0)
			goto out;
	rc = 0;
out:
	checklist_free(&c.grid[1]);
	checklist_free(&c.grid[2]);
	return rc;
}
