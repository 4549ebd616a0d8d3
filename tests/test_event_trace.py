"""scripts/event_trace.py (``event_errors.py --trace``): the events stage's candidates traced sentence by
sentence, and the cause a missing event was lost by. Sentences written for this test in wire style."""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.core.article import Article

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "scripts"))
import event_trace  # noqa: E402  (scripts/event_trace.py)

TEXT = ("Gunmen attacked a village in northern Mali on Monday, officials said. "
        "The weather was mild in the capital. "
        "The attack was the deadliest this year, a monitor said.")


def _span(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


def test_trace_gives_each_missing_event_its_cause(pipeline):
    tr = event_trace.install()
    try:
        outcome = next(pipeline.pipe([Article(id="trace-1", text=TEXT)], article_timeout=0))
    finally:
        event_trace.uninstall(tr)
    assert outcome.document is not None
    first = tr.records("trace-1", _span("Gunmen attacked a village"))
    assert any(r["trigger"] == "attacked" and r["events"] for r in first)
    assert event_trace.cause(tr, "trace-1", _span("The weather was mild in the capital."), "ASSAULT")[0] == "no candidate"
    assert event_trace.cause(tr, "trace-1", _span("Gunmen attacked a village"), "PROTEST")[0] == "other types only"
    why, recs = event_trace.cause(tr, "trace-1", _span("The attack was the deadliest"), "ASSAULT")
    assert why.startswith("suppressed: "), (why, recs)


def test_uninstall_puts_the_stage_back():
    from sitrep.stages.events import build, merge

    before = (build.sentence_events, merge.keep)
    event_trace.uninstall(event_trace.install())
    assert (build.sentence_events, merge.keep) == before
