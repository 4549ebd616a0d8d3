"""Cost of the KB ruler and the actors stage relative to the spaCy parse (seed article repeated)."""
import sys
import time

from sitrep.article import Article, ArticleState
from sitrep.kb import load_kb
from sitrep.kb.ruler import add_kb_ruler
from sitrep.nlp import _import_model
from sitrep.stages.actors import ActorsStage

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
text = open("/work/shared/seed/000_930e9a1d074fde8c.txt").read()
t0 = time.perf_counter()
kb = load_kb(())
t1 = time.perf_counter()
plain = _import_model(None).load()
plain.add_pipe("sitrep_newline_sentences", before="parser")
t2 = time.perf_counter()
ruled = _import_model(None).load()
ruled.add_pipe("sitrep_newline_sentences", before="parser")
t3 = time.perf_counter()
add_kb_ruler(ruled, kb.entity_patterns())
t4 = time.perf_counter()
print(f"load: KB {t1 - t0:.2f}s ({len(kb)} entries, {len(kb.entity_patterns())} patterns), "
      f"model {t2 - t1:.2f}s, ruler {t4 - t3:.2f}s")
stage = ActorsStage()
st = ArticleState(article=Article(text=text))  # warm up resources
st.doc = ruled(text)
stage(st)
ruler = ruled.get_pipe("sitrep_kb_ruler")
best = {}
for rnd in range(5):
    t = time.perf_counter()
    docs = list(plain.pipe([text] * N))
    a = time.perf_counter() - t
    raw = [plain.make_doc(text) for _ in range(N)]
    t = time.perf_counter()
    for d in raw:
        ruler(d)
    b = time.perf_counter() - t
    docs = list(ruled.pipe([text] * N))
    t = time.perf_counter()
    for d in docs:
        s = ArticleState(article=Article(text=text))
        s.doc = d
        stage(s)
    c = time.perf_counter() - t
    for k, v in (("parse", a), ("ruler", b), ("actors", c)):
        best[k] = min(best.get(k, 1e9), v)
p = best["parse"]
print(f"per article (best of 5): parse {1000 * p / N:.1f} ms; KB ruler {1000 * best['ruler'] / N:.1f} ms "
      f"= +{100 * best['ruler'] / p:.1f}%; actors stage {1000 * best['actors'] / N:.1f} ms = "
      f"+{100 * best['actors'] / p:.1f}%")
