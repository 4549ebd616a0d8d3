# ruff: noqa: E501 - the articles and gold readings are data, one per line
"""Write the French development set (eval/fr/texts/*.txt and eval/fr/gold/*.json) from the articles and
gold readings below. The articles are original short texts in the style of wire copy, written for sitrep;
they are not real articles. Each gold reading has the shape of ../shared/seed/gold.json (see
sitrep.evaluation.seed) and was written from the text, not from sitrep's output.

    python eval/fr/build.py        # rewrites texts/ and gold/
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: the actors the gold readings name (each gold file carries the ones it uses)
ACTORS = {
    "HTS": {"names": ["Hayat Tahrir al-Cham", "HTC", "Hayat Tahrir al-Sham", "HTS", "rebelles", "les rebelles", "insurgés", "jihadistes"], "sector": "REB"},
    "SYR_GOV": {"names": ["Syrie", "Syria", "gouvernement syrien", "régime syrien", "Damas", "armée syrienne", "Syrian Arab Army", "Bachar al-Assad", "Assad"], "country": "SYR", "sector": "GOV"},
    "SOHR": {"names": ["Observatoire syrien des droits de l'homme", "OSDH", "Syrian Observatory for Human Rights", "Observatoire syrien"]},
    "RAMI": {"names": ["Rami Abdel Rahman", "Rami Abdulrahman", "Abdel Rahman"], "affiliation": "SOHR"},
    "RUS": {"names": ["Russie", "Russia", "Moscou", "Kremlin", "armée russe", "aviation russe"], "country": "RUS"},
    "TUR": {"names": ["Turquie", "Turkey", "Ankara"], "country": "TUR"},
    "ERDOGAN": {"names": ["Recep Tayyip Erdogan", "Erdogan"], "country": "TUR", "affiliation": "TUR"},
    "IRN": {"names": ["Iran", "Téhéran"], "country": "IRN"},
    "ARAGHCHI": {"names": ["Abbas Araghchi", "Araghchi"], "country": "IRN", "affiliation": "IRN"},
    "ISR": {"names": ["Israël", "Israel", "armée israélienne", "Israel Defense Forces", "Tsahal"], "country": "ISR"},
    "HEZ": {"names": ["Hezbollah", "Hizbollah"]},
    "LBN": {"names": ["Liban", "Lebanon", "Beyrouth", "armée libanaise"], "country": "LBN"},
    "HAMAS": {"names": ["Hamas"]},
    "UKR": {"names": ["Ukraine", "Kiev", "armée ukrainienne", "forces ukrainiennes"], "country": "UKR"},
    "ZELENSKY": {"names": ["Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskyy"], "country": "UKR", "affiliation": "UKR"},
    "PUTIN": {"names": ["Vladimir Poutine", "Poutine", "Vladimir Putin", "Putin"], "country": "RUS", "affiliation": "RUS"},
    "UN": {"names": ["ONU", "Nations unies", "United Nations", "Conseil de sécurité", "United Nations Security Council"]},
    "GUTERRES": {"names": ["Antonio Guterres", "Guterres"], "affiliation": "UN"},
    "EU": {"names": ["Union européenne", "UE", "European Union", "Commission européenne", "European Commission"]},
    "USA": {"names": ["États-Unis", "United States", "Washington", "Maison Blanche", "White House", "département d'État", "United States Department of State"], "country": "USA"},
    "BLINKEN": {"names": ["Antony Blinken", "Blinken"], "country": "USA", "affiliation": "USA"},
    "FRA": {"names": ["France", "Paris", "Élysée", "Élysée Palace"], "country": "FRA"},
    "MACRON": {"names": ["Emmanuel Macron", "Macron"], "country": "FRA", "affiliation": "FRA"},
    "QAT": {"names": ["Qatar", "Doha"], "country": "QAT"},
    "EGY": {"names": ["Égypte", "Egypt", "Le Caire"], "country": "EGY"},
    "MLI": {"names": ["Mali", "Bamako", "armée malienne", "junte malienne"], "country": "MLI"},
    "JNIM": {"names": ["GSIM", "Groupe de soutien à l'islam et aux musulmans", "Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "jihadistes"]},
    "NER": {"names": ["Niger", "Niamey"], "country": "NER"},
    "SDN": {"names": ["Soudan", "Sudan", "armée soudanaise", "Khartoum"], "country": "SDN"},
    "RSF": {"names": ["Forces de soutien rapide", "FSR", "Rapid Support Forces", "RSF", "paramilitaires"]},
    "GEO": {"names": ["Géorgie", "Georgia", "Tbilissi", "police géorgienne", "gouvernement géorgien"], "country": "GEO"},
    "PROTESTERS": {"names": ["manifestants", "les manifestants", "opposants", "opposition"]},
    "POLICE": {"names": ["police", "la police", "policiers", "forces de l'ordre"]},
    "COD": {"names": ["RDC", "République démocratique du Congo", "Democratic Republic of the Congo", "Kinshasa", "armée congolaise"], "country": "COD"},
    "M23": {"names": ["M23", "rebelles du M23", "March 23 Movement", "rebelles"]},
    "RWA": {"names": ["Rwanda", "Kigali"], "country": "RWA"},
    "SDF": {"names": ["Forces démocratiques syriennes", "FDS", "Syrian Democratic Forces", "SDF"]},
    "IAEA": {"names": ["AIEA", "Agence internationale de l'énergie atomique", "International Atomic Energy Agency"]},
    "WFP": {"names": ["PAM", "Programme alimentaire mondial", "World Food Programme"]},
    "NATO": {"names": ["OTAN", "Otan", "North Atlantic Treaty Organization"]},
}

P = {  # gold places: name as written, coordinates, country, tolerance
    "Alep": {"name": "Alep", "lat": 36.20, "lon": 37.16, "country": "SY", "tolerance_km": 25},
    "Idleb": {"name": "Idleb", "lat": 35.93, "lon": 36.63, "country": "SY", "tolerance_km": 25},
    "Damas": {"name": "Damas", "lat": 33.51, "lon": 36.29, "country": "SY", "tolerance_km": 25},
    "Homs": {"name": "Homs", "lat": 34.73, "lon": 36.72, "country": "SY", "tolerance_km": 25},
    "Deir ez-Zor": {"name": "Deir ez-Zor", "lat": 35.34, "lon": 40.14, "country": "SY", "tolerance_km": 25},
    "Syrie": {"name": "Syrie", "country": "SY", "feature": "country"},
    "Beyrouth": {"name": "Beyrouth", "lat": 33.89, "lon": 35.50, "country": "LB", "tolerance_km": 25},
    "Liban": {"name": "Liban", "country": "LB", "feature": "country"},
    "Gaza": {"name": "Gaza", "lat": 31.50, "lon": 34.47, "country": "PS", "tolerance_km": 25},
    "Kiev": {"name": "Kiev", "lat": 50.45, "lon": 30.52, "country": "UA", "tolerance_km": 25},
    "Kharkiv": {"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "country": "UA", "tolerance_km": 25},
    "Odessa": {"name": "Odessa", "lat": 46.48, "lon": 30.73, "country": "UA", "tolerance_km": 25},
    "Ukraine": {"name": "Ukraine", "country": "UA", "feature": "country"},
    "Moscou": {"name": "Moscou", "lat": 55.75, "lon": 37.62, "country": "RU", "tolerance_km": 25},
    "Téhéran": {"name": "Téhéran", "lat": 35.69, "lon": 51.42, "country": "IR", "tolerance_km": 25},
    "Ankara": {"name": "Ankara", "lat": 39.93, "lon": 32.86, "country": "TR", "tolerance_km": 25},
    "Bamako": {"name": "Bamako", "lat": 12.65, "lon": -8.00, "country": "ML", "tolerance_km": 25},
    "Mali": {"name": "Mali", "country": "ML", "feature": "country"},
    "Niamey": {"name": "Niamey", "lat": 13.51, "lon": 2.11, "country": "NE", "tolerance_km": 25},
    "Paris": {"name": "Paris", "lat": 48.85, "lon": 2.35, "country": "FR", "tolerance_km": 25},
    "Doha": {"name": "Doha", "lat": 25.29, "lon": 51.53, "country": "QA", "tolerance_km": 25},
    "Le Caire": {"name": "Le Caire", "lat": 30.04, "lon": 31.24, "country": "EG", "tolerance_km": 25},
    "Tbilissi": {"name": "Tbilissi", "lat": 41.69, "lon": 44.83, "country": "GE", "tolerance_km": 25},
    "Khartoum": {"name": "Khartoum", "lat": 15.55, "lon": 32.53, "country": "SD", "tolerance_km": 25},
    "Genève": {"name": "Genève", "lat": 46.20, "lon": 6.14, "country": "CH", "tolerance_km": 25},
    "Bruxelles": {"name": "Bruxelles", "lat": 50.85, "lon": 4.35, "country": "BE", "tolerance_km": 25},
    "Goma": {"name": "Goma", "lat": -1.68, "lon": 29.22, "country": "CD", "tolerance_km": 25},
    "Vienne": {"name": "Vienne", "lat": 48.21, "lon": 16.37, "country": "AT", "tolerance_km": 25},
    "Soudan": {"name": "Soudan", "country": "SD", "feature": "country"},
    "Iran": {"name": "Iran", "country": "IR", "feature": "country"},
}

#: (id, published, source, text, gold: events required/optional/must_not, quotes, places, dates)
ARTICLES = [
    ("fr01", "2024-11-30", "Dépêche du Levant",
     "Les rebelles s'emparent de la majeure partie d'Alep\n"
     "BEYROUTH, 30 novembre (Dépêche du Levant) - Les rebelles de Hayat Tahrir al-Cham (HTC) se sont emparés samedi "
     "de la majeure partie d'Alep, la deuxième ville de Syrie, a indiqué l'Observatoire syrien des droits de l'homme (OSDH).\n"
     "« Les forces gouvernementales se sont effondrées dans l'ouest de la ville », a déclaré Rami Abdel Rahman, le directeur de l'OSDH.\n"
     "L'aviation russe a bombardé des positions rebelles près d'Idleb dans la nuit, selon l'OSDH.",
     {"required": [
         {"id": "E1", "types": ["COERCE", "ASSAULT"], "source": "HTS", "target": [None, "SYR_GOV", "ALEP"], "negated": False, "evidence": "se sont emparés samedi de la majeure partie d'Alep"},
         {"id": "E2", "types": ["ASSAULT"], "source": "RUS", "target": [None, "HTS"], "negated": False, "evidence": "L'aviation russe a bombardé des positions rebelles"}],
      "optional": [], "must_not": []},
     [{"speaker": "RAMI", "starts_with": "Les forces gouvernementales se sont effondrées"}],
     ["Alep", "Idleb", "Syrie", "Beyrouth"],
     [{"text": "samedi", "value": "2024-11-30"}]),

    ("fr02", "2024-12-02", "Dépêche du Levant",
     "Téhéran promet de soutenir Damas\n"
     "TÉHÉRAN, 2 décembre (Dépêche du Levant) - L'Iran continuera de soutenir le gouvernement syrien face à l'offensive rebelle, "
     "a assuré lundi le ministre iranien des Affaires étrangères, Abbas Araghchi.\n"
     "« Nous ne laisserons pas tomber nos alliés », a-t-il déclaré lors d'une conférence de presse à Téhéran.\n"
     "La Turquie a appelé à un cessez-le-feu immédiat dans le nord de la Syrie.",
     {"required": [
         {"id": "E1", "types": ["SUPPORT", "AID", "AGREE"], "source": "IRN", "target": ["SYR_GOV"], "negated": False, "evidence": "L'Iran continuera de soutenir le gouvernement syrien"},
         {"id": "E2", "types": ["REQUEST"], "source": "TUR", "target": [None, "SYR_GOV", "HTS"], "negated": False, "evidence": "La Turquie a appelé à un cessez-le-feu immédiat"}],
      "optional": [], "must_not": []},
     [{"speaker": "ARAGHCHI", "starts_with": "Nous ne laisserons pas tomber nos alliés"}],
     ["Téhéran", "Syrie"],
     [{"text": "lundi", "value": "2024-12-02"}]),

    ("fr03", "2024-11-27", "Agence du Proche-Orient",
     "Cessez-le-feu au Liban\n"
     "BEYROUTH, 27 novembre (Agence du Proche-Orient) - Israël et le Hezbollah ont accepté un cessez-le-feu qui est entré en vigueur mercredi "
     "à l'aube, après plus d'un an de combats.\n"
     "L'armée israélienne a frappé des positions du Hezbollah dans le sud du Liban quelques heures avant la trêve.\n"
     "« C'est un jour important pour le Liban », a déclaré le Premier ministre libanais, Najib Mikati.",
     {"required": [
         {"id": "E1", "types": ["AGREE", "RETREAT", "CONCEDE"], "source": "ISR", "target": [None, "HEZ"], "negated": False, "evidence": "Israël et le Hezbollah ont accepté un cessez-le-feu"},
         {"id": "E2", "types": ["AGREE", "RETREAT", "CONCEDE"], "source": "HEZ", "target": [None, "ISR"], "negated": False, "evidence": "Israël et le Hezbollah ont accepté un cessez-le-feu"},
         {"id": "E3", "types": ["ASSAULT"], "source": "ISR", "target": ["HEZ", None, "LBN"], "negated": False, "evidence": "L'armée israélienne a frappé des positions du Hezbollah"}],
      "optional": [], "must_not": []},
     [{"speaker": "MIKATI", "starts_with": "C'est un jour important pour le Liban"}],
     ["Beyrouth", "Liban"],
     [{"text": "mercredi", "value": "2024-11-27"}]),

    ("fr04", "2024-11-21", "Dépêche de l'Est",
     "Moscou frappe Dnipro avec un nouveau missile\n"
     "KIEV, 21 novembre (Dépêche de l'Est) - La Russie a attaqué jeudi la ville ukrainienne de Dnipro avec un missile balistique "
     "de portée intermédiaire, a affirmé l'armée de l'air ukrainienne.\n"
     "Le président Volodymyr Zelensky a accusé Moscou de chercher l'escalade.\n"
     "« Notre voisin fou utilise l'Ukraine comme terrain d'essai », a-t-il écrit sur les réseaux sociaux.",
     {"required": [
         {"id": "E1", "types": ["ASSAULT"], "source": "RUS", "target": [None, "UKR", "DNIPRO"], "negated": False, "evidence": "La Russie a attaqué jeudi la ville ukrainienne de Dnipro"},
         {"id": "E2", "types": ["ACCUSE"], "source": "UKR", "target": ["RUS"], "negated": False, "evidence": "Volodymyr Zelensky a accusé Moscou"}],
      "optional": [], "must_not": []},
     [{"speaker": "ZELENSKY", "starts_with": "Notre voisin fou utilise l'Ukraine"}],
     ["Kiev"],
     [{"text": "jeudi", "value": "2024-11-21"}]),

    ("fr05", "2024-12-03", "Dépêche du Levant",
     "Frappes russes sur Idleb\n"
     "DAMAS, 3 décembre (Dépêche du Levant) - Des avions russes et syriens ont bombardé mardi la ville d'Idleb, tuant au moins douze civils, "
     "selon les Casques blancs.\n"
     "Les rebelles ont poursuivi leur avancée vers Hama, a indiqué l'OSDH.\n"
     "« Les frappes ont visé un marché et un hôpital », a affirmé un secouriste sur place.",
     {"required": [
         {"id": "E1", "types": ["ASSAULT"], "source": "RUS", "target": [None, "IDLEB"], "negated": False, "evidence": "Des avions russes et syriens ont bombardé mardi la ville d'Idleb"},
         {"id": "E2", "types": ["ASSAULT"], "source": "SYR_GOV", "target": [None, "IDLEB"], "negated": False, "evidence": "Des avions russes et syriens ont bombardé mardi la ville d'Idleb"}],
      "optional": [{"id": "O1", "types": ["ASSAULT", "COERCE"], "source": "HTS", "target": [None], "evidence": "Les rebelles ont poursuivi leur avancée"}],
      "must_not": []},
     [],
     ["Idleb", "Damas"],
     [{"text": "mardi", "value": "2024-12-03"}]),

    ("fr06", "2024-12-07", "Agence du Golfe",
     "Réunion à Doha sur la Syrie\n"
     "DOHA, 7 décembre (Agence du Golfe) - Les ministres des Affaires étrangères de Turquie, d'Iran et de Russie se sont rencontrés samedi à Doha "
     "pour discuter de la situation en Syrie.\n"
     "Le ministre russe Sergueï Lavrov a rencontré son homologue turc Hakan Fidan en marge de la réunion.\n"
     "« Nous devons empêcher les terroristes de prendre le pouvoir », a affirmé Sergueï Lavrov à la presse.",
     {"required": [
         {"id": "E1", "types": ["CONSULT"], "source": "RUS", "target": ["TUR"], "negated": False, "evidence": "Sergueï Lavrov a rencontré son homologue turc Hakan Fidan"}],
      "optional": [{"id": "O1", "types": ["CONSULT"], "source": "TUR", "target": [None, "IRN", "RUS"], "evidence": "se sont rencontrés samedi à Doha"},
                   {"id": "O2", "types": ["CONSULT"], "source": "IRN", "target": [None, "TUR", "RUS"], "evidence": "se sont rencontrés samedi à Doha"},
                   {"id": "O3", "types": ["CONSULT"], "source": "RUS", "target": [None, "TUR", "IRN"], "evidence": "se sont rencontrés samedi à Doha"}],
      "must_not": []},
     [{"speaker": "LAVROV", "starts_with": "Nous devons empêcher les terroristes"}],
     ["Doha", "Syrie"],
     [{"text": "samedi", "value": "2024-12-07"}]),

    ("fr07", "2024-11-29", "Dépêche du Caucase",
     "Heurts à Tbilissi après la suspension des négociations avec l'UE\n"
     "TBILISSI, 29 novembre (Dépêche du Caucase) - Des milliers de manifestants ont manifesté vendredi soir devant le Parlement à Tbilissi, "
     "au lendemain de la décision du gouvernement géorgien de suspendre les négociations d'adhésion à l'Union européenne.\n"
     "La police a arrêté plus de quarante personnes, selon le ministère de l'Intérieur.\n"
     "« Nous ne céderons pas », a lancé une étudiante devant le Parlement.",
     {"required": [
         {"id": "E1", "types": ["PROTEST"], "source": "PROTESTERS", "target": [None, "GEO"], "negated": False, "evidence": "Des milliers de manifestants ont manifesté vendredi soir"},
         {"id": "E2", "types": ["COERCE"], "source": "POLICE", "target": [None, "PROTESTERS"], "negated": False, "evidence": "La police a arrêté plus de quarante personnes"}],
      "optional": [{"id": "O1", "types": ["SANCTION", "REJECT"], "source": "GEO", "target": ["EU", None], "evidence": "suspendre les négociations d'adhésion"}],
      "must_not": []},
     [],
     ["Tbilissi"],
     [{"text": "vendredi", "value": "2024-11-29"}]),

    ("fr08", "2024-12-16", "Dépêche européenne",
     "L'UE sanctionne des responsables russes\n"
     "BRUXELLES, 16 décembre (Dépêche européenne) - L'Union européenne a adopté lundi un quinzième paquet de sanctions contre la Russie, "
     "visant notamment des navires de la flotte fantôme.\n"
     "Moscou a dénoncé des mesures illégales et a menacé de riposter.\n"
     "« Ces sanctions ne changeront rien », a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
     {"required": [
         {"id": "E1", "types": ["SANCTION"], "source": "EU", "target": ["RUS"], "negated": False, "evidence": "un quinzième paquet de sanctions contre la Russie"},
         {"id": "E2", "types": ["ACCUSE", "REJECT"], "source": "RUS", "target": [None, "EU"], "negated": False, "evidence": "Moscou a dénoncé des mesures illégales"},
         {"id": "E3", "types": ["THREATEN"], "source": "RUS", "target": [None, "EU"], "negated": False, "evidence": "a menacé de riposter"}],
      "optional": [], "must_not": []},
     [{"speaker": "PESKOV", "starts_with": "Ces sanctions ne changeront rien"}],
     ["Bruxelles"],
     [{"text": "lundi", "value": "2024-12-16"}]),

    ("fr09", "2024-11-18", "Agence sahélienne",
     "Attaque jihadiste près de Bamako\n"
     "BAMAKO, 18 novembre (Agence sahélienne) - Des jihadistes du Groupe de soutien à l'islam et aux musulmans (GSIM) ont attaqué dimanche "
     "un poste de l'armée malienne au nord de Bamako, selon des sources sécuritaires.\n"
     "L'armée malienne a affirmé avoir repoussé l'assaut.\n"
     "« La situation est sous contrôle », a assuré un officier.",
     {"required": [
         {"id": "E1", "types": ["ASSAULT"], "source": "JNIM", "target": ["MLI", None], "negated": False, "evidence": "ont attaqué dimanche un poste de l'armée malienne"}],
      "optional": [{"id": "O1", "types": ["ASSAULT"], "source": "MLI", "target": [None, "JNIM"], "evidence": "avoir repoussé l'assaut"}],
      "must_not": []},
     [],
     ["Bamako"],
     [{"text": "dimanche", "value": "2024-11-17"}]),

    ("fr10", "2024-12-05", "Agence du Nil",
     "Khartoum : les paramilitaires accusés d'exactions\n"
     "LE CAIRE, 5 décembre (Agence du Nil) - L'armée soudanaise a accusé jeudi les Forces de soutien rapide (FSR) d'avoir tué des dizaines "
     "de civils dans un village de l'État d'Al-Djazira.\n"
     "Les FSR ont rejeté ces accusations.\n"
     "« Ce sont des mensonges », a déclaré un porte-parole des paramilitaires.",
     {"required": [
         {"id": "E1", "types": ["ACCUSE"], "source": "SDN", "target": ["RSF"], "negated": False, "evidence": "L'armée soudanaise a accusé jeudi les Forces de soutien rapide"},
         {"id": "E2", "types": ["REJECT", "ACCUSE"], "source": "RSF", "target": [None, "SDN"], "negated": False, "evidence": "Les FSR ont rejeté ces accusations"}],
      "optional": [{"id": "O1", "types": ["ASSAULT"], "source": "RSF", "target": [None, "CIVILIANS"], "evidence": "d'avoir tué des dizaines de civils"}],
      "must_not": []},
     [{"speaker": "RSF", "starts_with": "Ce sont des mensonges"}],
     ["Le Caire"],
     [{"text": "jeudi", "value": "2024-12-05"}]),

    ("fr11", "2024-12-10", "Dépêche de l'Est",
     "Kiev et Varsovie signent un accord de défense\n"
     "VARSOVIE, 10 décembre (Dépêche de l'Est) - L'Ukraine et la Pologne ont signé mardi un accord de coopération militaire, "
     "a annoncé la présidence ukrainienne.\n"
     "Volodymyr Zelensky a remercié la Pologne pour son aide depuis le début de l'invasion russe.\n"
     "« La Pologne restera aux côtés de l'Ukraine », a déclaré le Premier ministre polonais Donald Tusk.",
     {"required": [
         {"id": "E1", "types": ["AGREE", "COOPERATE"], "source": "UKR", "target": ["POL", None], "negated": False, "evidence": "L'Ukraine et la Pologne ont signé mardi un accord"},
         {"id": "E2", "types": ["AGREE", "COOPERATE"], "source": "POL", "target": ["UKR", None], "negated": False, "evidence": "L'Ukraine et la Pologne ont signé mardi un accord"}],
      "optional": [{"id": "O1", "types": ["SUPPORT"], "source": "UKR", "target": ["POL"], "evidence": "a remercié la Pologne"}],
      "must_not": []},
     [{"speaker": "TUSK", "starts_with": "La Pologne restera aux côtés de l'Ukraine"}],
     [],
     [{"text": "mardi", "value": "2024-12-10"}]),

    ("fr12", "2024-11-25", "Agence du Proche-Orient",
     "Gaza : l'ONU exige un accès humanitaire\n"
     "GENÈVE, 25 novembre (Agence du Proche-Orient) - Le secrétaire général de l'ONU, Antonio Guterres, a exigé lundi un accès humanitaire "
     "sans entrave à la bande de Gaza.\n"
     "Israël a rejeté les critiques de l'ONU.\n"
     "« La famine menace des centaines de milliers de personnes », a averti Antonio Guterres.",
     {"required": [
         {"id": "E1", "types": ["REQUEST"], "source": "UN", "target": [None, "ISR"], "negated": False, "evidence": "Antonio Guterres, a exigé lundi un accès humanitaire"},
         {"id": "E2", "types": ["REJECT", "ACCUSE"], "source": "ISR", "target": ["UN", None], "negated": False, "evidence": "Israël a rejeté les critiques de l'ONU"}],
      "optional": [], "must_not": []},
     [{"speaker": "GUTERRES", "starts_with": "La famine menace des centaines de milliers"}],
     ["Genève", "Gaza"],
     [{"text": "lundi", "value": "2024-11-25"}]),

    ("fr13", "2024-11-22", "Dépêche d'Afrique centrale",
     "Les rebelles du M23 s'emparent d'une nouvelle localité\n"
     "GOMA, 22 novembre (Dépêche d'Afrique centrale) - Les rebelles du M23 se sont emparés vendredi de la localité de Kanyabayonga, "
     "dans l'est de la République démocratique du Congo, selon des sources locales.\n"
     "Kinshasa accuse le Rwanda de soutenir le M23, ce que Kigali dément.\n"
     "« Nous exigeons le retrait immédiat des troupes rwandaises », a déclaré le porte-parole du gouvernement congolais, Patrick Muyaya.",
     {"required": [
         {"id": "E1", "types": ["COERCE", "ASSAULT"], "source": "M23", "target": [None, "COD", "KANYABAYONGA"], "negated": False, "evidence": "se sont emparés vendredi de la localité de Kanyabayonga"},
         {"id": "E2", "types": ["ACCUSE"], "source": "COD", "target": ["RWA"], "negated": False, "evidence": "Kinshasa accuse le Rwanda"}],
      "optional": [{"id": "O1", "types": ["SUPPORT", "AID"], "source": "RWA", "target": ["M23"], "evidence": "de soutenir le M23"},
                   {"id": "O2", "types": ["REJECT", "ACCUSE"], "source": "RWA", "target": [None, "COD"], "evidence": "ce que Kigali dément"}],
      "must_not": []},
     [{"speaker": "MUYAYA", "starts_with": "Nous exigeons le retrait immédiat"}],
     ["Goma"],
     [{"text": "vendredi", "value": "2024-11-22"}]),

    ("fr14", "2024-12-04", "Agence d'Europe centrale",
     "Nucléaire : l'AIEA critique l'Iran\n"
     "VIENNE, 4 décembre (Agence d'Europe centrale) - Le directeur de l'Agence internationale de l'énergie atomique (AIEA), Rafael Grossi, "
     "a critiqué mercredi l'Iran pour l'accélération de son programme d'enrichissement d'uranium.\n"
     "Téhéran a menacé de réduire sa coopération avec l'agence.\n"
     "« Nous ne céderons pas aux pressions », a affirmé un responsable iranien.",
     {"required": [
         {"id": "E1", "types": ["ACCUSE"], "source": "IAEA", "target": ["IRN"], "negated": False, "evidence": "a critiqué mercredi l'Iran"},
         {"id": "E2", "types": ["THREATEN"], "source": "IRN", "target": [None, "IAEA"], "negated": False, "evidence": "Téhéran a menacé de réduire sa coopération"}],
      "optional": [], "must_not": []},
     [],
     ["Vienne", "Iran"],
     [{"text": "mercredi", "value": "2024-12-04"}]),

    ("fr15", "2024-12-01", "Dépêche du Levant",
     "Les Kurdes évacuent des quartiers d'Alep\n"
     "ALEP, 1er décembre (Dépêche du Levant) - Les Forces démocratiques syriennes (FDS) ont retiré dimanche leurs combattants de plusieurs "
     "quartiers du nord d'Alep, selon un responsable kurde.\n"
     "La Turquie a bombardé des positions des FDS dans la région de Tall Rifaat.\n"
     "« Nous voulons protéger les civils », a expliqué Mazloum Abdi, le commandant des FDS.",
     {"required": [
         {"id": "E1", "types": ["RETREAT"], "source": "SDF", "target": [None], "negated": False, "evidence": "ont retiré dimanche leurs combattants"},
         {"id": "E2", "types": ["ASSAULT"], "source": "TUR", "target": ["SDF", None], "negated": False, "evidence": "La Turquie a bombardé des positions des FDS"}],
      "optional": [], "must_not": []},
     [{"speaker": "ABDI", "starts_with": "Nous voulons protéger les civils"}],
     ["Alep"],
     [{"text": "dimanche", "value": "2024-12-01"}]),

    ("fr16", "2024-11-26", "Dépêche européenne",
     "Macron reçoit le président égyptien\n"
     "PARIS, 26 novembre (Dépêche européenne) - Le président Emmanuel Macron a reçu mardi à l'Élysée son homologue égyptien Abdel Fattah al-Sissi "
     "pour évoquer la guerre à Gaza et la situation au Liban.\n"
     "Les deux dirigeants ont appelé à un cessez-le-feu à Gaza.\n"
     "« La France et l'Égypte partagent la même ambition de paix », a déclaré Emmanuel Macron.",
     {"required": [
         {"id": "E1", "types": ["CONSULT"], "source": ["FRA", "EGY"], "target": ["EGY", "FRA"], "negated": False, "evidence": "Emmanuel Macron a reçu mardi à l'Élysée son homologue égyptien"}],
      "optional": [{"id": "O1", "types": ["REQUEST"], "source": "FRA", "target": [None, "ISR", "HAMAS"], "evidence": "ont appelé à un cessez-le-feu"},
                   {"id": "O2", "types": ["REQUEST"], "source": "EGY", "target": [None, "ISR", "HAMAS"], "evidence": "ont appelé à un cessez-le-feu"}],
      "must_not": []},
     [{"speaker": "MACRON", "starts_with": "La France et l'Égypte partagent"}],
     ["Paris", "Gaza", "Liban"],
     [{"text": "mardi", "value": "2024-11-26"}]),

    ("fr17", "2024-11-19", "Agence sahélienne",
     "Niamey expulse des diplomates\n"
     "NIAMEY, 19 novembre (Agence sahélienne) - Le Niger a expulsé mardi deux diplomates européens accusés d'ingérence, "
     "a annoncé la télévision d'État.\n"
     "L'Union européenne a condamné une décision injustifiée.\n"
     "« Nous défendrons notre souveraineté », a déclaré le Premier ministre nigérien, Ali Lamine Zeine.",
     {"required": [
         {"id": "E1", "types": ["SANCTION", "COERCE"], "source": "NER", "target": ["EU", None], "negated": False, "evidence": "Le Niger a expulsé mardi deux diplomates européens"},
         {"id": "E2", "types": ["ACCUSE"], "source": "EU", "target": ["NER", None], "negated": False, "evidence": "L'Union européenne a condamné une décision injustifiée"}],
      "optional": [], "must_not": []},
     [{"speaker": "ZEINE", "starts_with": "Nous défendrons notre souveraineté"}],
     ["Niamey"],
     [{"text": "mardi", "value": "2024-11-19"}]),

    ("fr18", "2024-12-12", "Dépêche de l'Est",
     "Odessa visée par des drones\n"
     "KIEV, 12 décembre (Dépêche de l'Est) - La Russie a lancé jeudi une attaque massive de drones contre Odessa, endommageant des installations "
     "énergétiques, a indiqué le gouverneur régional.\n"
     "L'armée ukrainienne n'a pas riposté contre le territoire russe, selon l'état-major.\n"
     "« Chaque nuit, ils visent nos infrastructures », a dénoncé le maire de la ville.",
     {"required": [
         {"id": "E1", "types": ["ASSAULT"], "source": "RUS", "target": [None, "ODESSA", "UKR"], "negated": False, "evidence": "La Russie a lancé jeudi une attaque massive de drones contre Odessa"}],
      "optional": [{"id": "O1", "types": ["ASSAULT"], "source": "UKR", "target": [None, "RUS"], "negated": True, "evidence": "n'a pas riposté"}],
      "must_not": [{"why": "'n'a pas riposté' is no attack by Ukraine", "types": ["ASSAULT"], "source": "UKR", "negated": False}]},
     [],
     ["Kiev", "Odessa"],
     [{"text": "jeudi", "value": "2024-12-12"}]),

    ("fr19", "2024-11-28", "Agence du Golfe",
     "Le Qatar relance la médiation sur Gaza\n"
     "DOHA, 28 novembre (Agence du Golfe) - Le Qatar a repris jeudi sa médiation entre Israël et le Hamas, a indiqué le ministère qatari "
     "des Affaires étrangères.\n"
     "Des responsables du Hamas ont rencontré des médiateurs égyptiens au Caire.\n"
     "« Les discussions sont difficiles mais sérieuses », a déclaré le porte-parole de la diplomatie qatarie, Majed al-Ansari.",
     {"required": [
         {"id": "E1", "types": ["CONSULT"], "source": "HAMAS", "target": ["EGY"], "negated": False, "evidence": "Des responsables du Hamas ont rencontré des médiateurs égyptiens"}],
      "optional": [{"id": "O1", "types": ["CONSULT"], "source": "QAT", "target": [None, "ISR", "HAMAS"], "evidence": "a repris jeudi sa médiation"}],
      "must_not": []},
     [{"speaker": "ANSARI", "starts_with": "Les discussions sont difficiles mais sérieuses"}],
     ["Doha", "Le Caire"],
     [{"text": "jeudi", "value": "2024-11-28"}]),

    ("fr20", "2024-12-08", "Dépêche du Levant",
     "Chute de Damas\n"
     "DAMAS, 8 décembre (Dépêche du Levant) - Les rebelles menés par Hayat Tahrir al-Cham sont entrés dimanche dans Damas et ont pris "
     "le contrôle de la capitale, a annoncé la télévision d'État.\n"
     "La Russie a accordé l'asile à Bachar al-Assad, selon l'agence russe Tass.\n"
     "« Nous ne chercherons pas à nous venger », a déclaré le chef de HTC, Abou Mohammed al-Joulani.",
     {"required": [
         {"id": "E1", "types": ["COERCE", "ASSAULT"], "source": "HTS", "target": [None, "SYR_GOV", "DAMAS"], "negated": False, "evidence": "ont pris le contrôle de la capitale"}],
      "optional": [{"id": "O1", "types": ["AID", "SUPPORT"], "source": "RUS", "target": ["SYR_GOV"], "evidence": "La Russie a accordé l'asile à Bachar al-Assad"}],
      "must_not": []},
     [{"speaker": "JOLANI", "starts_with": "Nous ne chercherons pas à nous venger"}],
     ["Damas"],
     [{"text": "dimanche", "value": "2024-12-08"}]),
]

EXTRA_ACTORS = {
    "MIKATI": {"names": ["Najib Mikati", "Mikati"], "affiliation": "LBN"},
    "LAVROV": {"names": ["Sergueï Lavrov", "Lavrov", "Sergei Lavrov"], "affiliation": "RUS"},
    "PESKOV": {"names": ["Dmitri Peskov", "Peskov", "Dmitry Peskov"], "affiliation": "RUS"},
    "TUSK": {"names": ["Donald Tusk", "Tusk"], "affiliation": "POL"},
    "POL": {"names": ["Pologne", "Poland", "Varsovie"], "country": "POL"},
    "MUYAYA": {"names": ["Patrick Muyaya", "Muyaya"], "affiliation": "COD"},
    "ABDI": {"names": ["Mazloum Abdi", "Abdi"], "affiliation": "SDF"},
    "ZEINE": {"names": ["Ali Lamine Zeine", "Zeine"], "affiliation": "NER"},
    "ANSARI": {"names": ["Majed al-Ansari", "al-Ansari"], "affiliation": "QAT"},
    "JOLANI": {"names": ["Abou Mohammed al-Joulani", "al-Joulani", "Ahmed al-Sharaa", "Abu Mohammad al-Jolani"], "affiliation": "HTS"},
    "ALEP": {"names": ["Alep", "Aleppo"]},
    "IDLEB": {"names": ["Idleb", "Idlib"]},
    "DAMAS": {"names": ["Damas", "Damascus", "capitale"]},
    "DNIPRO": {"names": ["Dnipro"]},
    "ODESSA": {"names": ["Odessa", "Odesa"]},
    "KANYABAYONGA": {"names": ["Kanyabayonga"]},
    "CIVILIANS": {"names": ["civils", "des civils"], "sector": "CVL"},
}
ACTORS.update(EXTRA_ACTORS)

ABOUT = ("A gold reading of a short French wire-style article written for sitrep's French development set "
         "(eval/fr/build.py). Written from the text. The seed's rules: actors match by name or alias "
         "(case-insensitive), ISO3 for states, or Wikidata id; a person counts as the state or body of its "
         "'affiliation' for events; 'required' events must be found, 'optional' ones do not count against "
         "precision, 'must_not' ones are errors; PLOVER v2 types.")


def _used(obj) -> set:
    keys = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("source", "target", "speaker"):
                keys.update(x for x in (v if isinstance(v, list) else [v]) if x)
            else:
                keys |= _used(v)
    elif isinstance(obj, list):
        for x in obj:
            keys |= _used(x)
    return keys


def gold(aid, published, source, events, quotes, places, dates) -> dict:
    used = _used(events) | _used(quotes)
    for k in list(used):  # a person's affiliation is named too
        aff = ACTORS[k].get("affiliation")
        if aff:
            used.add(aff)
    return {"about": ABOUT,
            "article": {"file": f"../texts/{aid}.txt", "published": published, "language": "fr", "source": source},
            "actors": {k: ACTORS[k] for k in sorted(used)},
            "events": events, "quotes": quotes, "places": [P[p] for p in places], "dates": dates,
            "claims": [], "contradictions": [], "relations": []}


def main() -> None:
    (HERE / "texts").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    for aid, published, source, text, events, quotes, places, dates in ARTICLES:
        (HERE / "texts" / f"{aid}.txt").write_text(text + "\n", encoding="utf-8")
        g = gold(aid, published, source, events, quotes, places, dates)
        (HERE / "gold" / f"{aid}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(ARTICLES)} articles and gold readings under {HERE}")


if __name__ == "__main__":
    main()
