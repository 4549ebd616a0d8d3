# ruff: noqa: E501 - the articles and gold readings are data, one per line
"""Write sitrep's French development set (eval/fr) in the format of the real-news set (eval/news/FORMAT.md):
``texts/<id>.json``, ``gold/<id>.json`` and ``splits.json`` (two thirds dev, one third held back).

The 24 articles are AUTHORED, NOT REAL: short texts in the style of French wire copy, written for sitrep
(the agencies in their datelines are invented; the events echo the news of November-December 2024 but
the wording, figures and quotes are made up). No real French news excerpt was available offline when the
set was made. Each gold reading follows eval/news/GUIDELINES.md (§1-§9) and was written from the text, by
one annotator (no second reading, so no ADJUDICATION.md), not from sitrep's output.

    python eval/fr/build.py        # rewrites texts/, gold/ and splits.json (and checks every span)
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: id -> (published, source, title, text); paragraphs separated by a blank line
TEXTS = {
    'fr01': ('2024-11-30', 'Dépêche du Levant', "Les rebelles s'emparent de la majeure partie d'Alep",
           "BEYROUTH, 30 novembre (Dépêche du Levant) - Les rebelles de Hayat Tahrir al-Cham (HTC) se sont emparés samedi de la majeure partie d'Alep, la deuxième ville de Syrie, a indiqué l'Observatoire syrien des droits de l'homme (OSDH).\n\n« Les forces gouvernementales se sont effondrées dans l'ouest de la ville », a déclaré Rami Abdel Rahman, le directeur de l'OSDH.\n\nL'aviation russe a bombardé des positions rebelles près d'Idleb dans la nuit, selon l'OSDH."),
    'fr02': ('2024-12-02', 'Dépêche du Levant', 'Téhéran promet de soutenir Damas',
           "TÉHÉRAN, 2 décembre (Dépêche du Levant) - L'Iran continuera de soutenir le gouvernement syrien face à l'offensive rebelle, a assuré lundi le ministre iranien des Affaires étrangères, Abbas Araghchi.\n\n« Nous ne laisserons pas tomber nos alliés », a-t-il déclaré lors d'une conférence de presse à Téhéran.\n\nLa Turquie a appelé à un cessez-le-feu immédiat dans le nord de la Syrie."),
    'fr03': ('2024-11-27', 'Agence du Proche-Orient', 'Cessez-le-feu au Liban',
           "BEYROUTH, 27 novembre (Agence du Proche-Orient) - Israël et le Hezbollah ont accepté un cessez-le-feu qui est entré en vigueur mercredi à l'aube, après plus d'un an de combats.\n\nL'armée israélienne a frappé des positions du Hezbollah dans le sud du Liban quelques heures avant la trêve.\n\n« C'est un jour important pour le Liban », a déclaré le Premier ministre libanais, Najib Mikati."),
    'fr04': ('2024-11-21', "Dépêche de l'Est", 'Moscou frappe Dnipro avec un nouveau missile',
           "KIEV, 21 novembre (Dépêche de l'Est) - La Russie a attaqué jeudi la ville ukrainienne de Dnipro avec un missile balistique de portée intermédiaire, a affirmé l'armée de l'air ukrainienne.\n\nLe président Volodymyr Zelensky a accusé Moscou de chercher l'escalade.\n\n« Notre voisin fou utilise l'Ukraine comme terrain d'essai », a-t-il écrit sur les réseaux sociaux."),
    'fr05': ('2024-12-03', 'Dépêche du Levant', 'Frappes russes sur Idleb',
           "DAMAS, 3 décembre (Dépêche du Levant) - Des avions russes et syriens ont bombardé mardi la ville d'Idleb, tuant au moins douze civils, selon les Casques blancs.\n\nLes rebelles ont poursuivi leur avancée vers Hama, a indiqué l'OSDH.\n\n« Les frappes ont visé un marché et un hôpital », a affirmé un secouriste sur place."),
    'fr06': ('2024-12-07', 'Agence du Golfe', 'Réunion à Doha sur la Syrie',
           "DOHA, 7 décembre (Agence du Golfe) - Les ministres des Affaires étrangères de Turquie, d'Iran et de Russie se sont rencontrés samedi à Doha pour discuter de la situation en Syrie.\n\nLe ministre russe Sergueï Lavrov a rencontré son homologue turc Hakan Fidan en marge de la réunion.\n\n« Nous devons empêcher les terroristes de prendre le pouvoir », a affirmé Sergueï Lavrov à la presse."),
    'fr07': ('2024-11-29', 'Dépêche du Caucase', "Heurts à Tbilissi après la suspension des négociations avec l'UE",
           "TBILISSI, 29 novembre (Dépêche du Caucase) - Des milliers de manifestants ont manifesté vendredi soir devant le Parlement à Tbilissi, au lendemain de la décision du gouvernement géorgien de suspendre les négociations d'adhésion à l'Union européenne.\n\nLa police a arrêté plus de quarante personnes, selon le ministère de l'Intérieur.\n\n« Nous ne céderons pas », a lancé une étudiante devant le Parlement."),
    'fr08': ('2024-12-16', 'Dépêche européenne', "L'UE sanctionne des responsables russes",
           "BRUXELLES, 16 décembre (Dépêche européenne) - L'Union européenne a adopté lundi un quinzième paquet de sanctions contre la Russie, visant notamment des navires de la flotte fantôme.\n\nMoscou a dénoncé des mesures illégales et a menacé de riposter.\n\n« Ces sanctions ne changeront rien », a déclaré le porte-parole du Kremlin, Dmitri Peskov."),
    'fr09': ('2024-11-18', 'Agence sahélienne', 'Attaque jihadiste près de Bamako',
           "BAMAKO, 18 novembre (Agence sahélienne) - Des jihadistes du Groupe de soutien à l'islam et aux musulmans (GSIM) ont attaqué dimanche un poste de l'armée malienne au nord de Bamako, selon des sources sécuritaires.\n\nL'armée malienne a affirmé avoir repoussé l'assaut.\n\n« La situation est sous contrôle », a assuré un officier."),
    'fr10': ('2024-12-05', 'Agence du Nil', "Khartoum : les paramilitaires accusés d'exactions",
           "LE CAIRE, 5 décembre (Agence du Nil) - L'armée soudanaise a accusé jeudi les Forces de soutien rapide (FSR) d'avoir tué des dizaines de civils dans un village de l'État d'Al-Djazira.\n\nLes FSR ont rejeté ces accusations.\n\n« Ce sont des mensonges », a déclaré un porte-parole des paramilitaires."),
    'fr11': ('2024-12-10', "Dépêche de l'Est", 'Kiev et Varsovie signent un accord de défense',
           "VARSOVIE, 10 décembre (Dépêche de l'Est) - L'Ukraine et la Pologne ont signé mardi un accord de coopération militaire, a annoncé la présidence ukrainienne.\n\nVolodymyr Zelensky a remercié la Pologne pour son aide depuis le début de l'invasion russe.\n\n« La Pologne restera aux côtés de l'Ukraine », a déclaré le Premier ministre polonais Donald Tusk."),
    'fr12': ('2024-11-25', 'Agence du Proche-Orient', "Gaza : l'ONU exige un accès humanitaire",
           "GENÈVE, 25 novembre (Agence du Proche-Orient) - Le secrétaire général de l'ONU, Antonio Guterres, a exigé lundi un accès humanitaire sans entrave à la bande de Gaza.\n\nIsraël a rejeté les critiques de l'ONU.\n\n« La famine menace des centaines de milliers de personnes », a averti Antonio Guterres."),
    'fr13': ('2024-11-22', "Dépêche d'Afrique centrale", "Les rebelles du M23 s'emparent d'une nouvelle localité",
           "GOMA, 22 novembre (Dépêche d'Afrique centrale) - Les rebelles du M23 se sont emparés vendredi de la localité de Kanyabayonga, dans l'est de la République démocratique du Congo, selon des sources locales.\n\nKinshasa accuse le Rwanda de soutenir le M23, ce que Kigali dément.\n\n« Nous exigeons le retrait immédiat des troupes rwandaises », a déclaré le porte-parole du gouvernement congolais, Patrick Muyaya."),
    'fr14': ('2024-12-04', "Agence d'Europe centrale", "Nucléaire : l'AIEA critique l'Iran",
           "VIENNE, 4 décembre (Agence d'Europe centrale) - Le directeur de l'Agence internationale de l'énergie atomique (AIEA), Rafael Grossi, a critiqué mercredi l'Iran pour l'accélération de son programme d'enrichissement d'uranium.\n\nTéhéran a menacé de réduire sa coopération avec l'agence.\n\n« Nous ne céderons pas aux pressions », a affirmé un responsable iranien."),
    'fr15': ('2024-12-01', 'Dépêche du Levant', "Les Kurdes évacuent des quartiers d'Alep",
           "ALEP, 1er décembre (Dépêche du Levant) - Les Forces démocratiques syriennes (FDS) ont retiré dimanche leurs combattants de plusieurs quartiers du nord d'Alep, selon un responsable kurde.\n\nLa Turquie a bombardé des positions des FDS dans la région de Tall Rifaat.\n\n« Nous voulons protéger les civils », a expliqué Mazloum Abdi, le commandant des FDS."),
    'fr16': ('2024-11-26', 'Dépêche européenne', 'Macron reçoit le président égyptien',
           "PARIS, 26 novembre (Dépêche européenne) - Le président Emmanuel Macron a reçu mardi à l'Élysée son homologue égyptien Abdel Fattah al-Sissi pour évoquer la guerre à Gaza et la situation au Liban.\n\nLes deux dirigeants ont appelé à un cessez-le-feu à Gaza.\n\n« La France et l'Égypte partagent la même ambition de paix », a déclaré Emmanuel Macron."),
    'fr17': ('2024-11-19', 'Agence sahélienne', 'Niamey expulse des diplomates',
           "NIAMEY, 19 novembre (Agence sahélienne) - Le Niger a expulsé mardi deux diplomates européens accusés d'ingérence, a annoncé la télévision d'État.\n\nL'Union européenne a condamné une décision injustifiée.\n\n« Nous défendrons notre souveraineté », a déclaré le Premier ministre nigérien, Ali Lamine Zeine."),
    'fr18': ('2024-12-12', "Dépêche de l'Est", 'Odessa visée par des drones',
           "KIEV, 12 décembre (Dépêche de l'Est) - La Russie a lancé jeudi une attaque massive de drones contre Odessa, endommageant des installations énergétiques, a indiqué le gouverneur régional.\n\nL'armée ukrainienne n'a pas riposté contre le territoire russe, selon l'état-major.\n\n« Chaque nuit, ils visent nos infrastructures », a dénoncé le maire de la ville."),
    'fr19': ('2024-11-28', 'Agence du Golfe', 'Le Qatar relance la médiation sur Gaza',
           'DOHA, 28 novembre (Agence du Golfe) - Le Qatar a repris jeudi sa médiation entre Israël et le Hamas, a indiqué le ministère qatari des Affaires étrangères.\n\nDes responsables du Hamas ont rencontré des médiateurs égyptiens au Caire.\n\n« Les discussions sont difficiles mais sérieuses », a déclaré le porte-parole de la diplomatie qatarie, Majed al-Ansari.'),
    'fr20': ('2024-12-08', 'Dépêche du Levant', 'Chute de Damas',
           "DAMAS, 8 décembre (Dépêche du Levant) - Les rebelles menés par Hayat Tahrir al-Cham sont entrés dimanche dans Damas et ont pris le contrôle de la capitale, a annoncé la télévision d'État.\n\nLa Russie a accordé l'asile à Bachar al-Assad, selon l'agence russe Tass.\n\n« Nous ne chercherons pas à nous venger », a déclaré le chef de HTC, Abou Mohammed al-Joulani."),
    'fr21': ('2024-12-11', "Dépêche de l'Est", 'Échange de prisonniers entre Moscou et Kiev',
           "KIEV, 11 décembre (Dépêche de l'Est) - La Russie et l'Ukraine ont échangé mercredi 150 prisonniers de guerre chacune, grâce à une médiation des Émirats arabes unis, a annoncé le ministère russe de la Défense.\n\n« Nos soldats rentrent enfin chez eux », a écrit Volodymyr Zelensky sur les réseaux sociaux.\n\nLes forces russes ont pilonné dans la nuit la région de Kharkiv, faisant trois blessés, selon le gouverneur Oleh Synegoubov."),
    'fr22': ('2024-12-09', 'Agence sahélienne', 'Le Burkina Faso envoie des renforts dans l\'Est',
           "OUAGADOUGOU, 9 décembre (Agence sahélienne) - L'armée burkinabè a déployé lundi des renforts dans l'est du pays après une attaque contre un convoi de ravitaillement, a annoncé le gouvernement.\n\nDes hommes armés ont tué au moins vingt soldats près de Fada N'Gourma samedi, selon des sources sécuritaires.\n\nLe gouvernement a appelé la population à collaborer avec les forces de défense."),
    'fr23': ('2024-11-23', 'Dépêche européenne', 'Des milliers de manifestantes à Paris',
           "PARIS, 23 novembre (Dépêche européenne) - Plusieurs milliers de personnes ont manifesté samedi à Paris contre les violences faites aux femmes, à l'appel d'une centaine d'organisations.\n\nÀ Marseille, les organisateurs ont revendiqué 5 000 participants.\n\n« Nous exigeons une loi-cadre et des moyens », a déclaré Sophie Binet, secrétaire générale de la CGT."),
    'fr24': ('2024-12-05', 'Agence du Nil', 'Le PAM livre des vivres au Darfour',
           "PORT-SOUDAN, 5 décembre (Agence du Nil) - Le Programme alimentaire mondial (PAM) a livré jeudi 2 000 tonnes de vivres dans le Darfour-Nord, a annoncé l'agence onusienne, qui a exhorté les belligérants à laisser passer les convois.\n\nLes Forces de soutien rapide ont assuré qu'elles faciliteraient l'acheminement de l'aide.\n\n« Des millions de personnes sont au bord de la famine », a averti la directrice du PAM, Cindy McCain."),
}

#: the actors of the gold readings (eval/news/FORMAT.md); each gold file carries the ones it uses
ACTORS = {
    "HTS": {"names": ["Hayat Tahrir al-Cham", "HTC", "Hayat Tahrir al-Sham", "HTS", "rebelles", "les rebelles", "positions rebelles"], "kind": "armed_group", "country": "SYR"},
    "SYR_GOV": {"names": ["gouvernement syrien", "Syrie", "Syria", "Damas", "régime syrien", "forces gouvernementales"], "kind": "state", "country": "SYR"},
    "SOHR": {"names": ["Observatoire syrien des droits de l'homme", "OSDH", "Syrian Observatory for Human Rights"], "kind": "organization", "country": None},
    "RAMI": {"names": ["Rami Abdel Rahman", "Rami Abdulrahman"], "kind": "person", "country": "SYR", "affiliation": "SOHR"},
    "RUS": {"names": ["Russie", "Russia", "Moscou", "Kremlin", "russes", "russe"], "kind": "state", "country": "RUS"},
    "RUS_AIR": {"names": ["aviation russe", "L'aviation russe"], "kind": "organization", "country": "RUS"},
    "RUS_FORCES": {"names": ["forces russes", "Les forces russes"], "kind": "organization", "country": "RUS"},
    "RUS_MOD": {"names": ["ministère russe de la Défense", "Russian Defence Ministry"], "kind": "organization", "country": "RUS"},
    "LAVROV": {"names": ["Sergueï Lavrov", "Lavrov", "Sergei Lavrov"], "kind": "person", "country": "RUS", "affiliation": "RUS"},
    "PESKOV": {"names": ["Dmitri Peskov", "Peskov", "Dmitry Peskov", "porte-parole du Kremlin"], "kind": "person", "country": "RUS", "affiliation": "RUS"},
    "TASS": {"names": ["Tass", "agence russe Tass", "TASS"], "kind": "media", "country": "RUS"},
    "TUR": {"names": ["Turquie", "Turkey", "Ankara"], "kind": "state", "country": "TUR"},
    "FIDAN": {"names": ["Hakan Fidan", "Fidan", "homologue turc Hakan Fidan"], "kind": "person", "country": "TUR", "affiliation": "TUR"},
    "IRN": {"names": ["Iran", "Téhéran", "Tehran"], "kind": "state", "country": "IRN"},
    "IRN_OFFICIAL": {"names": ["un responsable iranien", "responsable iranien"], "kind": "person", "country": "IRN"},
    "ARAGHCHI": {"names": ["Abbas Araghchi", "Araghchi", "ministre iranien des Affaires étrangères"], "kind": "person", "country": "IRN", "affiliation": "IRN"},
    "ISR": {"names": ["Israël", "Israel"], "kind": "state", "country": "ISR"},
    "ISR_ARMY": {"names": ["armée israélienne", "L'armée israélienne", "Israel Defense Forces"], "kind": "organization", "country": "ISR"},
    "HEZ": {"names": ["Hezbollah", "Hizbollah"], "kind": "armed_group", "country": "LBN"},
    "MIKATI": {"names": ["Najib Mikati", "Mikati", "Premier ministre libanais"], "kind": "person", "country": "LBN", "affiliation": "LBN"},
    "LBN": {"names": ["Liban", "Lebanon"], "kind": "state", "country": "LBN"},
    "HAMAS": {"names": ["Hamas", "responsables du Hamas", "Des responsables du Hamas"], "kind": "armed_group", "country": "PSE"},
    "UKR": {"names": ["Ukraine", "Kiev", "Kyiv"], "kind": "state", "country": "UKR"},
    "UKR_AIR": {"names": ["armée de l'air ukrainienne", "Ukrainian Air Force"], "kind": "organization", "country": "UKR"},
    "UKR_ARMY": {"names": ["armée ukrainienne", "L'armée ukrainienne"], "kind": "organization", "country": "UKR"},
    "UKR_STAFF": {"names": ["état-major", "l'état-major"], "kind": "organization", "country": "UKR"},
    "UKR_PRES": {"names": ["présidence ukrainienne", "la présidence ukrainienne"], "kind": "organization", "country": "UKR"},
    "ZELENSKY": {"names": ["Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskyy"], "kind": "person", "country": "UKR", "affiliation": "UKR"},
    "GOVERNOR": {"names": ["gouverneur régional", "le gouverneur régional"], "kind": "person", "country": "UKR"},
    "MAYOR": {"names": ["maire de la ville", "le maire de la ville"], "kind": "person", "country": "UKR"},
    "SYNEHUBOV": {"names": ["Oleh Synegoubov", "Synegoubov", "Oleh Syniehubov", "gouverneur Oleh Synegoubov"], "kind": "person", "country": "UKR"},
    "POL": {"names": ["Pologne", "Poland", "Varsovie"], "kind": "state", "country": "POL"},
    "TUSK": {"names": ["Donald Tusk", "Tusk", "Premier ministre polonais Donald Tusk"], "kind": "person", "country": "POL", "affiliation": "POL"},
    "UN": {"names": ["ONU", "Nations unies", "United Nations"], "kind": "igo", "country": None},
    "GUTERRES": {"names": ["Antonio Guterres", "Guterres", "secrétaire général de l'ONU"], "kind": "person", "country": None, "affiliation": "UN"},
    "EU": {"names": ["Union européenne", "UE", "European Union"], "kind": "igo", "country": None},
    "EU_DIPLOMATS": {"names": ["diplomates européens", "deux diplomates européens"], "kind": "group", "country": None},
    "MACRON": {"names": ["Emmanuel Macron", "Macron", "président Emmanuel Macron"], "kind": "person", "country": "FRA", "affiliation": "FRA"},
    "SISI": {"names": ["Abdel Fattah al-Sissi", "Sissi", "Abdel Fattah al-Sisi", "homologue égyptien Abdel Fattah al-Sissi"], "kind": "person", "country": "EGY", "affiliation": "EGY"},
    "QAT": {"names": ["Qatar", "Le Qatar", "Doha"], "kind": "state", "country": "QAT"},
    "QAT_MFA": {"names": ["ministère qatari des Affaires étrangères", "le ministère qatari des Affaires étrangères"], "kind": "organization", "country": "QAT"},
    "ANSARI": {"names": ["Majed al-Ansari", "Ansari", "porte-parole de la diplomatie qatarie"], "kind": "person", "country": "QAT", "affiliation": "QAT"},
    "EGY": {"names": ["Égypte", "Egypt", "Le Caire", "médiateurs égyptiens"], "kind": "state", "country": "EGY"},
    "JNIM": {"names": ["Groupe de soutien à l'islam et aux musulmans", "GSIM", "JNIM", "jihadistes", "Des jihadistes"], "kind": "armed_group", "country": "MLI"},
    "MLI_ARMY": {"names": ["armée malienne", "l'armée malienne", "poste de l'armée malienne"], "kind": "organization", "country": "MLI"},
    "OFFICER": {"names": ["un officier", "officier"], "kind": "person", "country": "MLI"},
    "SEC_SOURCES": {"names": ["sources sécuritaires", "des sources sécuritaires"], "kind": "group", "country": None},
    "SDN_ARMY": {"names": ["armée soudanaise", "L'armée soudanaise"], "kind": "organization", "country": "SDN"},
    "RSF": {"names": ["Forces de soutien rapide", "FSR", "Rapid Support Forces", "RSF", "paramilitaires"], "kind": "armed_group", "country": "SDN"},
    "RSF_SPOKESMAN": {"names": ["porte-parole des paramilitaires", "un porte-parole des paramilitaires"], "kind": "person", "country": "SDN", "affiliation": "RSF"},
    "CIVILIANS": {"names": ["civils", "des dizaines de civils"], "kind": "group", "country": "SDN"},
    "GEO_GOV": {"names": ["gouvernement géorgien", "Géorgie", "Georgia"], "kind": "state", "country": "GEO"},
    "GEO_POLICE": {"names": ["police", "La police"], "kind": "organization", "country": "GEO"},
    "GEO_MOI": {"names": ["ministère de l'Intérieur", "le ministère de l'Intérieur"], "kind": "organization", "country": "GEO"},
    "PROTESTERS_GE": {"names": ["manifestants", "Des milliers de manifestants"], "kind": "group", "country": "GEO"},
    "STUDENT": {"names": ["une étudiante", "étudiante"], "kind": "person", "country": "GEO"},
    "COD": {"names": ["République démocratique du Congo", "RDC", "Kinshasa", "gouvernement congolais"], "kind": "state", "country": "COD"},
    "MUYAYA": {"names": ["Patrick Muyaya", "Muyaya", "porte-parole du gouvernement congolais"], "kind": "person", "country": "COD", "affiliation": "COD"},
    "M23": {"names": ["M23", "rebelles du M23", "Les rebelles du M23"], "kind": "armed_group", "country": "COD"},
    "RWA": {"names": ["Rwanda", "Kigali", "troupes rwandaises"], "kind": "state", "country": "RWA"},
    "LOCAL_SOURCES": {"names": ["sources locales", "des sources locales"], "kind": "group", "country": "COD"},
    "SDF": {"names": ["Forces démocratiques syriennes", "FDS", "Syrian Democratic Forces", "SDF"], "kind": "armed_group", "country": "SYR"},
    "ABDI": {"names": ["Mazloum Abdi", "Abdi", "commandant des FDS"], "kind": "person", "country": "SYR", "affiliation": "SDF"},
    "KURD_OFFICIAL": {"names": ["un responsable kurde", "responsable kurde"], "kind": "person", "country": "SYR"},
    "IAEA": {"names": ["Agence internationale de l'énergie atomique", "AIEA", "International Atomic Energy Agency", "l'agence"], "kind": "igo", "country": None},
    "GROSSI": {"names": ["Rafael Grossi", "Grossi", "directeur de l'Agence internationale de l'énergie atomique"], "kind": "person", "country": None, "affiliation": "IAEA"},
    "NER": {"names": ["Niger", "Le Niger", "Niamey"], "kind": "state", "country": "NER"},
    "NER_TV": {"names": ["télévision d'État", "la télévision d'État"], "kind": "media", "country": "NER"},
    "ZEINE": {"names": ["Ali Lamine Zeine", "Zeine", "Premier ministre nigérien"], "kind": "person", "country": "NER", "affiliation": "NER"},
    "SYR_TV": {"names": ["télévision d'État", "la télévision d'État"], "kind": "media", "country": "SYR"},
    "ASSAD": {"names": ["Bachar al-Assad", "Assad", "Bashar al-Assad"], "kind": "person", "country": "SYR"},
    "JOLANI": {"names": ["Abou Mohammed al-Joulani", "Joulani", "Abu Mohammed al-Jolani", "chef de HTC"], "kind": "person", "country": "SYR", "affiliation": "HTS"},
    "RESCUER": {"names": ["un secouriste", "secouriste"], "kind": "person", "country": "SYR"},
    "WHITE_HELMETS": {"names": ["Casques blancs", "les Casques blancs", "White Helmets"], "kind": "organization", "country": "SYR"},
    "BFA_ARMY": {"names": ["armée burkinabè", "L'armée burkinabè", "soldats", "vingt soldats", "forces de défense"], "kind": "organization", "country": "BFA"},
    "BFA_GOV": {"names": ["gouvernement", "le gouvernement", "Le gouvernement", "Burkina Faso"], "kind": "state", "country": "BFA"},
    "GUNMEN_BF": {"names": ["hommes armés", "Des hommes armés"], "kind": "group", "country": None},
    "POPULATION_BF": {"names": ["population", "la population"], "kind": "group", "country": "BFA"},
    "PROTESTERS_FR": {"names": ["Plusieurs milliers de personnes", "milliers de personnes", "personnes"], "kind": "group", "country": "FRA"},
    "ORGANISERS_FR": {"names": ["organisateurs", "les organisateurs"], "kind": "group", "country": "FRA"},
    "BINET": {"names": ["Sophie Binet", "Binet", "secrétaire générale de la CGT"], "kind": "person", "country": "FRA", "affiliation": "CGT"},
    "CGT": {"names": ["CGT"], "kind": "organization", "country": "FRA"},
    "WFP": {"names": ["Programme alimentaire mondial", "PAM", "World Food Programme", "l'agence onusienne", "agence onusienne"], "kind": "igo", "country": None},
    "MCCAIN": {"names": ["Cindy McCain", "McCain", "directrice du PAM"], "kind": "person", "country": None, "affiliation": "WFP"},
    "BELLIGERENTS_SD": {"names": ["belligérants", "les belligérants"], "kind": "group", "country": "SDN"},
}


def ev(type_, source, target, trigger, sentence, *, mode=None, modality="asserted", date=None, place=None, negated=False):
    """One gold event (eval/news/FORMAT.md)."""
    return {"type": type_, "mode": mode, "source": source, "target": target, "modality": modality,
            "negated": negated, "date": date, "place": place, "trigger": trigger, "sentence": sentence}


def q(speaker, starts_with, kind="direct"):
    return {"speaker": speaker, "kind": kind, "starts_with": starts_with}


def cl(owner, prop, value, evidence, *, approx=False, place=None, by=None):
    return {"owner": owner, "property": prop, "value": value, "approx": approx, "place": place,
            "attributed_to": by, "evidence": evidence}


def pl(name, country, feature, lat=None, lon=None, geonameid=None):
    return {"name": name, "country": country, "feature": feature, "lat": lat, "lon": lon, "geonameid": geonameid}


ALEP = pl("Alep", "SY", "city", 36.20, 37.16, 170063)
IDLEB = pl("Idleb", "SY", "city", 35.93, 36.63, 169389)
DAMAS = pl("Damas", "SY", "city", 33.51, 36.29, 170654)
SYRIE = pl("Syrie", "SY", "country")
BEYROUTH = pl("Beyrouth", "LB", "city", 33.89, 35.50, 276781)
LIBAN = pl("Liban", "LB", "country")
GAZA = pl("Gaza", "PS", "region", 31.42, 34.36)
KIEV = pl("Kiev", "UA", "city", 50.45, 30.52, 703448)
DOHA = pl("Doha", "QA", "city", 25.29, 51.53, 290030)
PARIS = pl("Paris", "FR", "city", 48.85, 2.35, 2988507)
LE_CAIRE = pl("Le Caire", "EG", "city", 30.06, 31.25, 360630)

#: id -> gold reading: events, quotes, claims, places, notes
GOLD = {
    "fr01": dict(
        events=[ev("COERCE", "HTS", "Alep", "se sont emparés", "Les rebelles de Hayat Tahrir al-Cham (HTC) se sont emparés samedi de la majeure partie d'Alep", mode="seize", modality="reported", date="2024-11-30", place="Alep"),
                ev("ASSAULT", "RUS_AIR", "HTS", "a bombardé", "L'aviation russe a bombardé des positions rebelles près d'Idleb dans la nuit, selon l'OSDH.", mode="aerial", modality="reported", date="2024-11-29", place="Idleb")],
        quotes=[q("SOHR", "Les rebelles de Hayat Tahrir al-Cham (HTC) se sont emparés", "indirect"),
                q("RAMI", "Les forces gouvernementales se sont effondrées dans l'ouest"),
                q("SOHR", "L'aviation russe a bombardé des positions rebelles", "indirect")],
        places=[BEYROUTH, ALEP, SYRIE, IDLEB],
        notes="Taking most of Aleppo: the text names no fighting (the government forces 'collapsed'), so COERCE seize (§9). 'Dans la nuit' of a 30 November report: the night before."),
    "fr02": dict(
        events=[ev("SUPPORT", "IRN", "SYR_GOV", "continuera de soutenir", "L'Iran continuera de soutenir le gouvernement syrien face à l'offensive rebelle", modality="reported"),
                ev("REQUEST", "TUR", None, "a appelé à un cessez-le-feu", "La Turquie a appelé à un cessez-le-feu immédiat dans le nord de la Syrie.", place="Syrie")],
        quotes=[q("ARAGHCHI", "L'Iran continuera de soutenir le gouvernement syrien", "indirect"),
                q("ARAGHCHI", "Nous ne laisserons pas tomber nos alliés")],
        places=[pl("Téhéran", "IR", "city", 35.69, 51.42, 112931), SYRIE],
        notes="'a assuré lundi' dates the statement, not the support (§9: dates)."),
    "fr03": dict(
        events=[ev("CONCEDE", "ISR", "HEZ", "ont accepté un cessez-le-feu", "Israël et le Hezbollah ont accepté un cessez-le-feu qui est entré en vigueur mercredi à l'aube", date="2024-11-27"),
                ev("CONCEDE", "HEZ", "ISR", "ont accepté un cessez-le-feu", "Israël et le Hezbollah ont accepté un cessez-le-feu qui est entré en vigueur mercredi à l'aube", date="2024-11-27"),
                ev("ASSAULT", "ISR_ARMY", "HEZ", "a frappé", "L'armée israélienne a frappé des positions du Hezbollah dans le sud du Liban quelques heures avant la trêve.", place="Liban")],
        quotes=[q("MIKATI", "C'est un jour important pour le Liban")],
        places=[BEYROUTH, LIBAN],
        notes="A declared ceasefire is CONCEDE, one event per side (§9)."),
    "fr04": dict(
        events=[ev("ASSAULT", "RUS", "Dnipro", "a attaqué", "La Russie a attaqué jeudi la ville ukrainienne de Dnipro avec un missile balistique de portée intermédiaire", modality="reported", date="2024-11-21", place="Dnipro"),
                ev("ACCUSE", "ZELENSKY", "RUS", "a accusé", "Le président Volodymyr Zelensky a accusé Moscou de chercher l'escalade.")],
        quotes=[q("UKR_AIR", "La Russie a attaqué jeudi la ville ukrainienne de Dnipro", "indirect"),
                q("ZELENSKY", "Notre voisin fou utilise l'Ukraine comme terrain d'essai")],
        places=[KIEV, pl("Dnipro", "UA", "city", 48.47, 35.04, 709930)],
        notes="Moscou stands for the government (not a place); the missile is an instrument, not a party."),
    "fr05": dict(
        events=[ev("ASSAULT", "RUS", "Idleb", "ont bombardé", "Des avions russes et syriens ont bombardé mardi la ville d'Idleb, tuant au moins douze civils", mode="aerial", modality="reported", date="2024-12-03", place="Idleb"),
                ev("ASSAULT", "SYR_GOV", "Idleb", "ont bombardé", "Des avions russes et syriens ont bombardé mardi la ville d'Idleb, tuant au moins douze civils", mode="aerial", modality="reported", date="2024-12-03", place="Idleb"),
                ev("ASSAULT", "HTS", None, "ont poursuivi leur avancée", "Les rebelles ont poursuivi leur avancée vers Hama, a indiqué l'OSDH.", modality="reported", place="Hama")],
        quotes=[q("WHITE_HELMETS", "Des avions russes et syriens ont bombardé mardi", "indirect"),
                q("SOHR", "Les rebelles ont poursuivi leur avancée vers Hama", "indirect"),
                q("RESCUER", "Les frappes ont visé un marché et un hôpital")],
        claims=[cl("Idleb", "killed", 12, "tuant au moins douze civils", approx=True, place="Idleb", by="WHITE_HELMETS")],
        places=[DAMAS, IDLEB, pl("Hama", "SY", "city", 35.13, 36.76, 170017)],
        notes="One event per actor for the joint Russian and Syrian strike (§9); the planes are instruments, their operators the sources."),
    "fr06": dict(
        events=[ev("CONSULT", "TUR", "IRN", "se sont rencontrés", "Les ministres des Affaires étrangères de Turquie, d'Iran et de Russie se sont rencontrés samedi à Doha", mode="multilateral", date="2024-12-07", place="Doha"),
                ev("CONSULT", "TUR", "RUS", "se sont rencontrés", "Les ministres des Affaires étrangères de Turquie, d'Iran et de Russie se sont rencontrés samedi à Doha", mode="multilateral", date="2024-12-07", place="Doha"),
                ev("CONSULT", "IRN", "RUS", "se sont rencontrés", "Les ministres des Affaires étrangères de Turquie, d'Iran et de Russie se sont rencontrés samedi à Doha", mode="multilateral", date="2024-12-07", place="Doha"),
                ev("CONSULT", "LAVROV", "FIDAN", "a rencontré", "Le ministre russe Sergueï Lavrov a rencontré son homologue turc Hakan Fidan en marge de la réunion.")],
        quotes=[q("LAVROV", "Nous devons empêcher les terroristes de prendre le pouvoir")],
        places=[DOHA, SYRIE],
        notes="A three-way meeting: one event per pair, in the order of the text (§3). Turquie, Iran and Russie own the ministers: no places."),
    "fr07": dict(
        events=[ev("PROTEST", "PROTESTERS_GE", None, "ont manifesté", "Des milliers de manifestants ont manifesté vendredi soir devant le Parlement à Tbilissi", mode="demo", date="2024-11-29", place="Tbilissi"),
                ev("SANCTION", "GEO_GOV", "EU", "suspendre les négociations", "au lendemain de la décision du gouvernement géorgien de suspendre les négociations d'adhésion à l'Union européenne", date="2024-11-28"),
                ev("COERCE", "GEO_POLICE", None, "a arrêté", "La police a arrêté plus de quarante personnes, selon le ministère de l'Intérieur.", mode="arrest", modality="reported")],
        quotes=[q("GEO_MOI", "La police a arrêté plus de quarante personnes", "indirect"),
                q("STUDENT", "Nous ne céderons pas")],
        claims=[cl("Tbilissi", "arrested", 40, "plus de quarante personnes", approx=True, place="Tbilissi", by="GEO_MOI")],
        places=[pl("Tbilissi", "GE", "city", 41.69, 44.83, 611717)],
        notes="Halting accession talks reduces relations: SANCTION. The protest's target is not named in its sentence."),
    "fr08": dict(
        events=[ev("SANCTION", "EU", "RUS", "paquet de sanctions", "L'Union européenne a adopté lundi un quinzième paquet de sanctions contre la Russie", date="2024-12-16"),
                ev("ACCUSE", "RUS", "EU", "a dénoncé", "Moscou a dénoncé des mesures illégales et a menacé de riposter."),
                ev("THREATEN", "RUS", "EU", "a menacé de riposter", "Moscou a dénoncé des mesures illégales et a menacé de riposter.")],
        quotes=[q("PESKOV", "Ces sanctions ne changeront rien")],
        places=[pl("Bruxelles", "BE", "city", 50.85, 4.35, 2800866)],
        notes="La Russie is the sanctions' target, Moscou the government: neither is a place."),
    "fr09": dict(
        events=[ev("ASSAULT", "JNIM", "MLI_ARMY", "ont attaqué", "Des jihadistes du Groupe de soutien à l'islam et aux musulmans (GSIM) ont attaqué dimanche un poste de l'armée malienne au nord de Bamako", modality="reported", date="2024-11-17", place="Bamako"),
                ev("ASSAULT", "MLI_ARMY", "JNIM", "avoir repoussé l'assaut", "L'armée malienne a affirmé avoir repoussé l'assaut.", modality="reported")],
        quotes=[q("SEC_SOURCES", "Des jihadistes du Groupe de soutien à l'islam", "indirect"),
                q("MLI_ARMY", "avoir repoussé l'assaut", "indirect"),
                q("OFFICER", "La situation est sous contrôle")],
        places=[pl("Bamako", "ML", "city", 12.61, -7.98, 2460596)],
        notes="'dimanche' in a Monday 18 November report is 17 November."),
    "fr10": dict(
        events=[ev("ACCUSE", "SDN_ARMY", "RSF", "a accusé", "L'armée soudanaise a accusé jeudi les Forces de soutien rapide (FSR) d'avoir tué des dizaines de civils", date="2024-12-05"),
                ev("ASSAULT", "RSF", "CIVILIANS", "d'avoir tué", "L'armée soudanaise a accusé jeudi les Forces de soutien rapide (FSR) d'avoir tué des dizaines de civils", modality="reported", place="Al-Djazira")],
        quotes=[q("RSF_SPOKESMAN", "Ce sont des mensonges")],
        claims=[cl("CIVILIANS", "killed", 24, "des dizaines de civils", approx=True, place="Al-Djazira", by="SDN_ARMY")],
        places=[LE_CAIRE, pl("Al-Djazira", "SD", "region", 14.40, 33.52)],
        notes="The RSF's rejection is a denial: not coded (§9). The killing is only attributed: reported."),
    "fr11": dict(
        events=[ev("SUPPORT", "UKR", "POL", "ont signé", "L'Ukraine et la Pologne ont signé mardi un accord de coopération militaire", modality="reported", date="2024-12-10"),
                ev("SUPPORT", "POL", "UKR", "ont signé", "L'Ukraine et la Pologne ont signé mardi un accord de coopération militaire", modality="reported", date="2024-12-10"),
                ev("SUPPORT", "ZELENSKY", "POL", "a remercié", "Volodymyr Zelensky a remercié la Pologne pour son aide depuis le début de l'invasion russe."),
                ev("AID", "POL", "UKR", "son aide", "Volodymyr Zelensky a remercié la Pologne pour son aide depuis le début de l'invasion russe."),
                ev("ASSAULT", "RUS", "UKR", "l'invasion russe", "Volodymyr Zelensky a remercié la Pologne pour son aide depuis le début de l'invasion russe.", modality="historical")],
        quotes=[q("UKR_PRES", "L'Ukraine et la Pologne ont signé mardi un accord", "indirect"),
                q("TUSK", "La Pologne restera aux côtés de l'Ukraine")],
        places=[pl("Varsovie", "PL", "city", 52.23, 21.01, 756135)],
        notes="Signing an agreement is SUPPORT, one event per side (§9)."),
    "fr12": dict(
        events=[ev("REQUEST", "GUTERRES", None, "a exigé", "Le secrétaire général de l'ONU, Antonio Guterres, a exigé lundi un accès humanitaire sans entrave à la bande de Gaza.", date="2024-11-25", place="Gaza"),
                ev("REJECT", "ISR", "UN", "a rejeté", "Israël a rejeté les critiques de l'ONU.")],
        quotes=[q("GUTERRES", "La famine menace des centaines de milliers de personnes")],
        places=[pl("Genève", "CH", "city", 46.20, 6.15, 2660646), GAZA],
        notes="Israel rejects the demand just made (REJECT of a demand, §2); 'la bande de Gaza' is the Strip."),
    "fr13": dict(
        events=[ev("COERCE", "M23", "Kanyabayonga", "se sont emparés", "Les rebelles du M23 se sont emparés vendredi de la localité de Kanyabayonga", mode="seize", modality="reported", date="2024-11-22", place="Kanyabayonga"),
                ev("ACCUSE", "COD", "RWA", "accuse", "Kinshasa accuse le Rwanda de soutenir le M23, ce que Kigali dément."),
                ev("SUPPORT", "RWA", "M23", "de soutenir", "Kinshasa accuse le Rwanda de soutenir le M23, ce que Kigali dément.", modality="reported"),
                ev("REQUEST", "MUYAYA", "RWA", "Nous exigeons le retrait", "« Nous exigeons le retrait immédiat des troupes rwandaises », a déclaré le porte-parole du gouvernement congolais, Patrick Muyaya.")],
        quotes=[q("LOCAL_SOURCES", "Les rebelles du M23 se sont emparés vendredi", "indirect"),
                q("MUYAYA", "Nous exigeons le retrait immédiat des troupes rwandaises")],
        places=[pl("Goma", "CD", "city", -1.67, 29.23, 216281), pl("Kanyabayonga", "CD", "city", -0.70, 29.17, 214297),
                pl("République démocratique du Congo", "CD", "country")],
        notes="Kigali's denial is not coded. The support Kinshasa alleges is coded as reported, as the killing alleged in fr10."),
    "fr14": dict(
        events=[ev("ACCUSE", "GROSSI", "IRN", "a critiqué", "Rafael Grossi, a critiqué mercredi l'Iran pour l'accélération de son programme d'enrichissement d'uranium.", date="2024-12-04"),
                ev("THREATEN", "IRN", "IAEA", "a menacé de réduire", "Téhéran a menacé de réduire sa coopération avec l'agence.")],
        quotes=[q("IRN_OFFICIAL", "Nous ne céderons pas aux pressions")],
        places=[pl("Vienne", "AT", "city", 48.21, 16.37, 2761369)],
        notes="Iran is criticised (an actor) and Téhéran stands for the government: no places."),
    "fr15": dict(
        events=[ev("RETREAT", "SDF", None, "ont retiré", "Les Forces démocratiques syriennes (FDS) ont retiré dimanche leurs combattants de plusieurs quartiers du nord d'Alep", modality="reported", date="2024-12-01", place="Alep"),
                ev("ASSAULT", "TUR", "SDF", "a bombardé", "La Turquie a bombardé des positions des FDS dans la région de Tall Rifaat.", place="Tall Rifaat")],
        quotes=[q("KURD_OFFICIAL", "Les Forces démocratiques syriennes (FDS) ont retiré", "indirect"),
                q("ABDI", "Nous voulons protéger les civils")],
        places=[ALEP, pl("Tall Rifaat", "SY", "city", 36.47, 37.09, 163476)],
        notes="ALEP is the dateline and the place of the withdrawal."),
    "fr16": dict(
        events=[ev("CONSULT", "MACRON", "SISI", "a reçu", "Le président Emmanuel Macron a reçu mardi à l'Élysée son homologue égyptien Abdel Fattah al-Sissi", mode="visit", date="2024-11-26"),
                ev("REQUEST", "MACRON", None, "ont appelé à un cessez-le-feu", "Les deux dirigeants ont appelé à un cessez-le-feu à Gaza.", place="Gaza"),
                ev("REQUEST", "SISI", None, "ont appelé à un cessez-le-feu", "Les deux dirigeants ont appelé à un cessez-le-feu à Gaza.", place="Gaza")],
        quotes=[q("MACRON", "La France et l'Égypte partagent la même ambition de paix")],
        places=[PARIS, GAZA, LIBAN],
        notes="'la guerre à Gaza' is background, not coded; the Élysée is a building, not a place (§9)."),
    "fr17": dict(
        events=[ev("SANCTION", "NER", "EU_DIPLOMATS", "a expulsé", "Le Niger a expulsé mardi deux diplomates européens accusés d'ingérence", modality="reported", date="2024-11-19"),
                ev("ACCUSE", "NER", "EU_DIPLOMATS", "accusés d'ingérence", "Le Niger a expulsé mardi deux diplomates européens accusés d'ingérence", modality="reported"),
                ev("ACCUSE", "EU", "NER", "a condamné", "L'Union européenne a condamné une décision injustifiée.")],
        quotes=[q("NER_TV", "Le Niger a expulsé mardi deux diplomates européens", "indirect"),
                q("ZEINE", "Nous défendrons notre souveraineté")],
        places=[pl("Niamey", "NE", "city", 13.51, 2.11, 2440485)],
        notes="An expulsion is SANCTION (the table of §1)."),
    "fr18": dict(
        events=[ev("ASSAULT", "RUS", "Odessa", "attaque massive de drones", "La Russie a lancé jeudi une attaque massive de drones contre Odessa, endommageant des installations énergétiques", mode="drone", modality="reported", date="2024-12-12", place="Odessa"),
                ev("ASSAULT", "UKR_ARMY", "RUS", "n'a pas riposté", "L'armée ukrainienne n'a pas riposté contre le territoire russe, selon l'état-major.", modality="reported", negated=True)],
        quotes=[q("GOVERNOR", "La Russie a lancé jeudi une attaque massive de drones", "indirect"),
                q("UKR_STAFF", "L'armée ukrainienne n'a pas riposté", "indirect"),
                q("MAYOR", "Chaque nuit, ils visent nos infrastructures")],
        places=[KIEV, pl("Odessa", "UA", "city", 46.49, 30.74, 698740)],
        notes="The Ukrainian army not striking back is stated as news: negated ASSAULT (§2)."),
    "fr19": dict(
        events=[ev("CONSULT", "QAT", "ISR", "sa médiation", "Le Qatar a repris jeudi sa médiation entre Israël et le Hamas", mode="mediate", modality="reported", date="2024-11-28"),
                ev("CONSULT", "QAT", "HAMAS", "sa médiation", "Le Qatar a repris jeudi sa médiation entre Israël et le Hamas", mode="mediate", modality="reported", date="2024-11-28"),
                ev("CONSULT", "HAMAS", "EGY", "ont rencontré", "Des responsables du Hamas ont rencontré des médiateurs égyptiens au Caire.", place="Le Caire")],
        quotes=[q("QAT_MFA", "Le Qatar a repris jeudi sa médiation", "indirect"),
                q("ANSARI", "Les discussions sont difficiles mais sérieuses")],
        places=[DOHA, pl("Caire", "EG", "city", 30.06, 31.25, 360630)],
        notes="Mediation between two parties: one CONSULT with each. 'au Caire' writes the name without its article: the place is given as written."),
    "fr20": dict(
        events=[ev("COERCE", "HTS", "Damas", "ont pris le contrôle", "Les rebelles menés par Hayat Tahrir al-Cham sont entrés dimanche dans Damas et ont pris le contrôle de la capitale", mode="seize", modality="reported", date="2024-12-08", place="Damas"),
                ev("AID", "RUS", "ASSAD", "a accordé l'asile", "La Russie a accordé l'asile à Bachar al-Assad, selon l'agence russe Tass.", modality="reported")],
        quotes=[q("SYR_TV", "Les rebelles menés par Hayat Tahrir al-Cham sont entrés", "indirect"),
                q("TASS", "La Russie a accordé l'asile à Bachar al-Assad", "indirect"),
                q("JOLANI", "Nous ne chercherons pas à nous venger")],
        places=[DAMAS],
        notes="Entering and taking the capital is one act, taken without a fight named: COERCE seize (§9). Granting asylum is AID (the table of §1)."),
    "fr21": dict(
        events=[ev("RETREAT", "RUS", "UKR", "ont échangé", "La Russie et l'Ukraine ont échangé mercredi 150 prisonniers de guerre chacune", modality="reported", date="2024-12-11"),
                ev("RETREAT", "UKR", "RUS", "ont échangé", "La Russie et l'Ukraine ont échangé mercredi 150 prisonniers de guerre chacune", modality="reported", date="2024-12-11"),
                ev("ASSAULT", "RUS_FORCES", "Kharkiv", "ont pilonné", "Les forces russes ont pilonné dans la nuit la région de Kharkiv, faisant trois blessés, selon le gouverneur Oleh Synegoubov.", mode="heavy-weapons", modality="reported", date="2024-12-10", place="Kharkiv")],
        quotes=[q("RUS_MOD", "La Russie et l'Ukraine ont échangé mercredi 150 prisonniers", "indirect"),
                q("ZELENSKY", "Nos soldats rentrent enfin chez eux"),
                q("SYNEHUBOV", "Les forces russes ont pilonné dans la nuit", "indirect")],
        claims=[cl("RUS", "released", 150, "150 prisonniers de guerre chacune", by="RUS_MOD"),
                cl("UKR", "released", 150, "150 prisonniers de guerre chacune", by="RUS_MOD"),
                cl("Kharkiv", "wounded", 3, "faisant trois blessés", place="Kharkiv", by="SYNEHUBOV")],
        places=[KIEV, pl("Kharkiv", "UA", "region", 49.99, 36.23, 706483)],
        notes="A prisoner exchange is RETREAT (released prisoners), one event per side; the UAE mediation is nominal and names no act of its own."),
    "fr22": dict(
        events=[ev("MOBILIZE", "BFA_ARMY", None, "a déployé", "L'armée burkinabè a déployé lundi des renforts dans l'est du pays", modality="reported", date="2024-12-09"),
                ev("ASSAULT", None, None, "une attaque contre un convoi", "après une attaque contre un convoi de ravitaillement, a annoncé le gouvernement."),
                ev("ASSAULT", "GUNMEN_BF", "BFA_ARMY", "ont tué", "Des hommes armés ont tué au moins vingt soldats près de Fada N'Gourma samedi, selon des sources sécuritaires.", mode="firearms", modality="reported", date="2024-12-07", place="Fada N'Gourma"),
                ev("REQUEST", "BFA_GOV", "POPULATION_BF", "a appelé", "Le gouvernement a appelé la population à collaborer avec les forces de défense.")],
        quotes=[q("BFA_GOV", "L'armée burkinabè a déployé lundi des renforts", "indirect"),
                q("SEC_SOURCES", "Des hommes armés ont tué au moins vingt soldats", "indirect")],
        claims=[cl("BFA_ARMY", "killed", 20, "au moins vingt soldats", approx=True, place="Fada N'Gourma", by="SEC_SOURCES")],
        places=[pl("Ouagadougou", "BF", "city", 12.37, -1.53, 2357048), pl("Fada N'Gourma", "BF", "city", 12.06, 0.36)],
        notes="The convoy attack is coded where first named (no parties) and again with its toll and place (§9: restated acts)."),
    "fr23": dict(
        events=[ev("PROTEST", "PROTESTERS_FR", None, "ont manifesté", "Plusieurs milliers de personnes ont manifesté samedi à Paris contre les violences faites aux femmes", mode="demo", date="2024-11-23", place="Paris"),
                ev("REQUEST", "BINET", None, "Nous exigeons", "« Nous exigeons une loi-cadre et des moyens », a déclaré Sophie Binet, secrétaire générale de la CGT.")],
        quotes=[q("ORGANISERS_FR", "les organisateurs ont revendiqué 5 000 participants", "indirect"),
                q("BINET", "Nous exigeons une loi-cadre et des moyens")],
        places=[PARIS, pl("Marseille", "FR", "city", 43.30, 5.38, 2995469)],
        notes="Protest turnouts are not claims (§9); the demand of the protest is part of it, Binet's own demand is coded."),
    "fr24": dict(
        events=[ev("AID", "WFP", None, "a livré", "Le Programme alimentaire mondial (PAM) a livré jeudi 2 000 tonnes de vivres dans le Darfour-Nord", modality="reported", date="2024-12-05", place="Darfour-Nord"),
                ev("REQUEST", "WFP", "BELLIGERENTS_SD", "a exhorté", "qui a exhorté les belligérants à laisser passer les convois."),
                ev("AGREE", "RSF", None, "faciliteraient", "Les Forces de soutien rapide ont assuré qu'elles faciliteraient l'acheminement de l'aide.")],
        quotes=[q("WFP", "Le Programme alimentaire mondial (PAM) a livré jeudi", "indirect"),
                q("RSF", "qu'elles faciliteraient l'acheminement de l'aide", "indirect"),
                q("MCCAIN", "Des millions de personnes sont au bord de la famine")],
        places=[pl("Port-Soudan", "SD", "city", 19.62, 37.22, 377039), pl("Darfour-Nord", "SD", "region", 15.0, 25.0)],
        notes="A promise to let aid through is AGREE (§1); tonnes of food are no claim category."),
}

#: the third held back (scored with --split held once per change)
HELD = ["fr03", "fr06", "fr09", "fr12", "fr15", "fr18", "fr21", "fr24"]

TOPIC = {"fr07": "protest", "fr23": "protest", "fr08": "sanctions", "fr17": "diplomacy", "fr02": "diplomacy",
         "fr06": "diplomacy", "fr11": "diplomacy", "fr14": "diplomacy", "fr16": "diplomacy", "fr19": "diplomacy",
         "fr12": "humanitarian", "fr24": "humanitarian"}
REGION = {"fr01": "Syria", "fr02": "Syria", "fr03": "Lebanon", "fr04": "Ukraine", "fr05": "Syria", "fr06": "Syria",
          "fr07": "Georgia", "fr08": "Russia", "fr09": "Mali", "fr10": "Sudan", "fr11": "Ukraine", "fr12": "Gaza",
          "fr13": "DR Congo", "fr14": "Iran", "fr15": "Syria", "fr16": "Gaza", "fr17": "Niger", "fr18": "Ukraine",
          "fr19": "Gaza", "fr20": "Syria", "fr21": "Ukraine", "fr22": "Burkina Faso", "fr23": "France", "fr24": "Sudan"}


def _used(g: dict) -> list[str]:
    """The actor keys a gold reading uses, with their affiliations."""
    keys = {e[k] for e in g["events"] for k in ("source", "target")} | {x["speaker"] for x in g["quotes"]}
    keys |= {c[k] for c in g.get("claims", []) for k in ("owner", "attributed_to")}
    keys = {k for k in keys if k in ACTORS}
    keys |= {ACTORS[k]["affiliation"] for k in keys if ACTORS[k].get("affiliation") in ACTORS}
    return sorted(keys)


def check(aid: str, text: str, g: dict) -> None:
    """Every span of the reading is in the text (so the scorer finds it)."""
    low = text.lower()
    for e in g["events"]:
        assert e["sentence"] in text, (aid, e["sentence"])
        assert e["trigger"] in e["sentence"], (aid, e["trigger"])
        for k in ("source", "target"):
            assert e[k] is None or e[k] in ACTORS or e[k].lower() in low, (aid, k, e[k])
    for x in g["quotes"]:
        assert x["starts_with"] in text and (x["speaker"] is None or x["speaker"] in ACTORS), (aid, x)
    for c in g.get("claims", []):
        assert c["evidence"] in text, (aid, c)
    for p in g["places"]:
        assert p["name"].lower() in low, (aid, p["name"])


def main() -> None:
    for sub in ("texts", "gold"):
        (HERE / sub).mkdir(exist_ok=True)
    for aid, (published, source, title, text) in TEXTS.items():
        g = GOLD[aid]
        check(aid, text, g)
        meta = {"id": aid, "url": None, "source": source, "published": published, "region": REGION[aid],
                "topic": TOPIC.get(aid, "conflict"), "title": title, "text": text, "language": "fr",
                "authored": True, "note": "written for sitrep in the style of French wire copy; not a real article"}
        gold = {"id": aid, "annotator": "gold", "actors": {k: ACTORS[k] for k in _used(g)}, "events": g["events"],
                "quotes": g["quotes"], "claims": g.get("claims", []), "places": g["places"], "notes": g.get("notes", "")}
        for sub, obj in (("texts", meta), ("gold", gold)):
            (HERE / sub / f"{aid}.json").write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    dev = [a for a in TEXTS if a not in HELD]
    (HERE / "splits.json").write_text(json.dumps({"dev": dev, "held": HELD}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(TEXTS)} articles ({len(dev)} dev, {len(HELD)} held)")


if __name__ == "__main__":
    main()
