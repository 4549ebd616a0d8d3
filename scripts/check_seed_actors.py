"""Check the actors stage against the seed article's gold actors (dev aid; reads /work/shared)."""
import json
import sys
import time

from sitrep.article import Article, ArticleState
from sitrep.kb import norm
from sitrep.nlp import load_pipeline
from sitrep.stages.actors import ActorsStage
from sitrep.stages.nlp import NlpStage

SEED = "/work/shared/seed/000_930e9a1d074fde8c.txt"
GOLD = "/work/shared/seed/gold.json"
kb_paths = tuple(sys.argv[1:])

gold = json.load(open(GOLD))
text = open(SEED).read()
nlp_stage = NlpStage(kb_paths=kb_paths)
actors = ActorsStage(kb_paths=kb_paths)
state = ArticleState(article=Article(text=text, published="2024-12-02"))
nlp_stage(state)
actors(state)

found = 0
for gid, g in gold["actors"].items():
    names = {norm(n) for n in g["names"]}
    match = None
    for a in state.actors:
        keys = {norm(a.name)} | {norm(x) for x in a.aliases}
        if (a.id == gid or keys & names
                or (a.kind == "state" and a.country and a.country == g.get("country") and g.get("country") == gid)
                or (a.wikidata and a.wikidata in g.get("wikidata", []))):
            match = a
            break
    ok = match is not None
    problems = []
    if match:
        for f in ("country", "sector"):
            if g.get(f) and getattr(match, f) != g[f]:
                problems.append(f"{f}={getattr(match, f)} want {g[f]}")
        if g.get("role") and (match.role or "").lower() != g["role"].lower():
            problems.append(f"role={match.role!r} want {g['role']!r}")
        if g.get("affiliation") and match.affiliation != g["affiliation"]:
            problems.append(f"aff={match.affiliation} want {g['affiliation']}")
    found += ok and not problems
    print(f"{'OK ' if ok and not problems else 'BAD'} {gid:10} -> "
          f"{match.id if match else None} {match.kind if match else ''} {problems}")
print(f"gold actors found correct: {found}/{len(gold['actors'])}")
print("actors:", [(a.id, a.kind, a.country, a.sector, a.role, a.affiliation, len(a.mentions)) for a in state.actors])
ms = [(m.text, m.actor_id, m.how) for m in state.mentions]
print("mentions:", ms)
assert all(text[m.start:m.end] == m.text for m in state.mentions)
moscow = [m for m in state.mentions if m.text == "Moscow"]
print("Moscow mentions:", [(m.actor_id, m.how) for m in moscow])

# speed
docs_n = 20
nlp = load_pipeline(None, kb_paths)
t = time.perf_counter()
docs = list(nlp.pipe([text] * docs_n))
t_parse = time.perf_counter() - t
t = time.perf_counter()
for d in docs:
    st = ArticleState(article=Article(text=text, published="2024-12-02"))
    st.doc = d
    st.sentences = [(s.start_char, s.end_char) for s in d.sents]
    actors(st)
t_act = time.perf_counter() - t
print(f"parse {t_parse/docs_n*1000:.1f} ms/article, actors {t_act/docs_n*1000:.1f} ms/article "
      f"= {100*t_act/t_parse:.1f}%")
