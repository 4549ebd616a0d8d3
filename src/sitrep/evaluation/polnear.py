"""The ``polnear`` suite: attributions in brat standoff (PolNeAR: Source, Cue, Content text-bound
annotations tied together by an ``Attribution`` event; spans may be discontinuous:
``T1<TAB>Content 10 20;25 30<TAB>...``).

A folder holds ``text/NAME.txt`` and ``attributions/NAME[_xxxx].ann`` (the first annotation file of an
article when it was annotated more than once), or the ``.txt`` and ``.ann`` side by side.

Content: an output quote is right when it overlaps a gold content; precision = right quotes /
quotes, recall = gold contents overlapped by some quote / contents (a discontinuous gold content that
sitrep reports as two quotes, "..." he said, "...", counts once for recall and both quotes are right).
Source: a quote's speaker is right when it is the source of a gold content the quote overlaps: one of
the speaker's mentions overlaps the gold source span, or the speaker's words and the source's words
contain one another; precision over quotes with a speaker, recall over gold attributions with a
source. "quoted" restricts the gold to contents holding a quotation mark and the output to direct and
partial quotes. Character-level overlap is reported too.

PolNeAR marks every attribution, stated positions ("called for a ceasefire", "accused X of lying"),
thoughts ("believes", "plans"), evidence ("a poll shows") and stances ("supported the bill") included,
so without a pipeline of one's own the suite runs the quotes stage in that reading
(:data:`ATTRIBUTION_CONFIG`: ``positions`` on, every cue sense read; the default pipeline reads speech
only, and the news guidelines code a stated position as an event). The default
pipeline's figures: ``evaluate_polnear(path, pipeline=Pipeline())``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.article import Article
from ..core.contract import Document, Quote
from ..core.errors import EvalDataError
from .matching import DocActors, OffsetMap, norm_name, run_pipeline, span_length, spans_overlap
from .results import Metric, SuiteResult, prf

Spans = list[tuple[int, int]]
_QUOTE_CHARS = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$")
#: the quotes stage as PolNeAR reads attribution: stated positions and thoughts too (see the module text)
ATTRIBUTION_CONFIG = {"quotes": {"positions": True, "senses": ("speech", "thought", "evidence", "stance")}}


@dataclass
class Attribution:
    id: str
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content_text: str = ""
    source_text: str = ""

    @property
    def quoted(self) -> bool:
        return bool(_QUOTE_CHARS.search(self.content_text))


@dataclass
class GoldArticle:
    id: str
    text: str            # as sitrep reads it; every span below refers to it
    attributions: list[Attribution]


def parse_ann(ann: str, raw_text: Optional[str] = None) -> list[Attribution]:
    """Attributions of one brat standoff file (offsets as in the file)."""
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                continue
            tid, label, offs, text = m.groups()
            frags = []
            for part in offs.split(";"):
                a, b = part.split()
                frags.append((int(a), int(b)))
            spans[tid] = (label, frags, text)
        elif line.startswith("E"):
            eid, _, args = line.partition("\t")
            roles = {}
            for arg in args.split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append((eid, roles))
    out = []
    for eid, roles in events:
        kind = next(iter(roles), "")
        if not kind.startswith("Attribution"):
            continue  # Discard, Discuss
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        src = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))

        def text_of(entry):
            if entry is None:
                return ""
            if raw_text is not None:
                return " ".join(raw_text[a:b] for a, b in entry[1])
            return entry[2]

        out.append(Attribution(id=eid, content=content[1], source=src[1] if src else [], cue=cue[1] if cue else [],
                               content_text=text_of(content), source_text=text_of(src)))
    return out


def load_gold(path: str | Path, *, limit: Optional[int] = None) -> list[GoldArticle]:
    path = Path(path)
    if not path.is_dir():
        raise EvalDataError("the polnear data is a folder with text/ and attributions/", path=str(path))
    text_dir = path / "text" if (path / "text").is_dir() else path
    ann_dir = path / "attributions" if (path / "attributions").is_dir() else path
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        raise EvalDataError(f"no .txt articles in {text_dir}", path=str(path))
    out = []
    for t in texts:
        anns = [ann_dir / f"{t.stem}.ann"] if (ann_dir / f"{t.stem}.ann").is_file() else \
            sorted(ann_dir.glob(f"{glob_escape(t.stem)}_*.ann"))
        if not anns:
            continue
        with open(t, encoding="utf-8", newline="") as fh:  # brat offsets count every character, CR included
            raw = fh.read()
        atts = parse_ann(anns[0].read_text(encoding="utf-8"), raw)
        omap = OffsetMap(raw)
        for a in atts:
            a.content = [omap.span(s, e) for s, e in a.content]
            a.source = [omap.span(s, e) for s, e in a.source]
            a.cue = [omap.span(s, e) for s, e in a.cue]
        out.append(GoldArticle(id=t.stem, text=omap.text, attributions=atts))
        if limit and len(out) >= limit:
            break
    if not out:
        raise EvalDataError(f"no article in {text_dir} has an annotation file in {ann_dir}", path=str(path))
    return out


def glob_escape(s: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", s)


# -- scoring -----------------------------------------------------------------------------------

def source_right(g: Attribution, q: Quote, actors: DocActors, text: str) -> bool:
    if not g.source or q.speaker is None:
        return False
    actor = actors.get(q.speaker)
    if actor is not None and any(spans_overlap(g.source, [(m.start, m.end)]) for m in actor.mentions):
        return True
    gold_words = norm_name(g.source_text or " ".join(text[a:b] for a, b in g.source))
    cands = [q.speaker.text] + ([actor.name, *actor.aliases] if actor else [])
    for c in cands:
        c = norm_name(c)
        if len(c) >= 2 and gold_words and (re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", gold_words)
                                           or re.search(r"(?<!\w)" + re.escape(gold_words) + r"(?!\w)", c)):
            return True
    return False


@dataclass
class _Tally:
    n_gold: int = 0
    n_pred: int = 0
    pred_ok: int = 0       # quotes overlapping a gold content
    gold_found: int = 0    # gold contents overlapped by a quote
    gold_src: int = 0
    pred_src: int = 0
    pred_src_ok: int = 0   # quotes whose speaker is the source of a gold content they overlap
    gold_src_found: int = 0
    gold_chars: int = 0
    pred_chars: int = 0
    common_chars: int = 0


def _score_one(tally: _Tally, gold: GoldArticle, doc: Optional[Document], *, quoted: bool) -> None:
    golds = [a for a in gold.attributions if a.quoted] if quoted else list(gold.attributions)
    quotes = [] if doc is None else [q for q in doc.quotes if (q.kind in ("direct", "partial") if quoted else True)]
    tally.n_gold += len(golds)
    tally.n_pred += len(quotes)
    tally.gold_src += sum(1 for g in golds if g.source)
    tally.pred_src += sum(1 for q in quotes if q.speaker is not None)
    gold_spans = [s for g in golds for s in g.content]
    pred_spans = [(q.start, q.end) for q in quotes]
    tally.gold_chars += span_length(_union(gold_spans))
    tally.pred_chars += span_length(_union(pred_spans))
    tally.common_chars += spans_overlap(_union(gold_spans), _union(pred_spans))
    if doc is None:
        return
    actors = DocActors(doc)
    found: set[int] = set()
    src_found: set[int] = set()
    for q in quotes:
        hits = [gi for gi, g in enumerate(golds) if spans_overlap(g.content, [(q.start, q.end)])]
        if not hits:
            continue
        tally.pred_ok += 1
        found.update(hits)
        right = [gi for gi in hits if source_right(golds[gi], q, actors, gold.text)]
        if right:
            tally.pred_src_ok += 1
            src_found.update(right)
    tally.gold_found += len(found)
    tally.gold_src_found += len(src_found)


def _union(spans: Spans) -> Spans:
    out: Spans = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def score_polnear(gold: list[GoldArticle], docs: list[Optional[Document]], *, data: str = "") -> SuiteResult:
    metrics: list[Metric] = []
    lines = []
    for quoted, label in ((False, "all"), (True, "quoted")):
        t = _Tally()
        for g, d in zip(gold, docs):
            _score_one(t, g, d, quoted=quoted)
        content = prf(f"content ({label})", t.pred_ok, t.n_pred, t.gold_found, t.n_gold, note="span overlap")
        source = prf(f"source ({label})", t.pred_src_ok, t.pred_src, t.gold_src_found, t.gold_src,
                     note="speaker is the source of an overlapped content")
        chars = prf(f"content chars ({label})", t.common_chars, t.pred_chars, t.common_chars, t.gold_chars,
                    note="character overlap")
        metrics += content + source + chars
        f1c, f1s = content[2].value, source[2].value
        lines.append(f"{label}: content P/R/F1 {_f(content[0].value)}/{_f(content[1].value)}/{_f(f1c)} "
                     f"({t.gold_found} of {t.n_gold} gold found, {t.pred_ok} of {t.n_pred} quotes right); "
                     f"source P/R/F1 {_f(source[0].value)}/{_f(source[1].value)}/{_f(f1s)}")
    r = SuiteResult(suite="polnear", data=data, items=len(gold), metrics=metrics)
    r.key_lines = lines
    return r


def _f(v: Optional[float]) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def evaluate_polnear(path: str | Path, *, pipeline=None, limit: Optional[int] = None) -> SuiteResult:
    gold = load_gold(path, limit=limit)
    t0 = time.perf_counter()
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(stage_config=ATTRIBUTION_CONFIG)
    docs, failures, _ = run_pipeline([Article(text=g.text, id=g.id) for g in gold], pipeline=pipeline, batch_size=8)
    r = score_polnear(gold, docs, data=str(path))
    r.failures = len(failures)
    r.details["pipeline failures"] = failures[:20]
    r.seconds = time.perf_counter() - t0
    return r
