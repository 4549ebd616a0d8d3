"""What several export formats share: the export codes, the situation's events read once, cell values."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ..core.contract import PLOVER_TYPES
from ..core.datafiles import load_data
from ..core.errors import ConfigError, ExportError
from ..ontology import load_ontology


@lru_cache(maxsize=1)
def codes() -> dict:
    """``data/export_codes.yaml``, loaded and checked once per process (a data file of the package: it
    cannot change while the process runs)."""
    data = load_data("export_codes.yaml")
    for key in ("scale", "quad", "actor_code", "identity_class"):
        if not isinstance(data.get(key), dict):
            raise ConfigError(f"export_codes.yaml: missing mapping '{key}'")
    missing = [t for t in PLOVER_TYPES if t not in data["scale"]]
    if missing:
        raise ConfigError(f"export_codes.yaml: no scale for {missing}")
    return data


def rows(store, sql: str, params=()) -> list[dict]:
    return store.query(sql, params)


def situation(store, min_confidence: Optional[float] = None) -> dict[str, Any]:
    """Events with their reports and actors, read once for the event-record formats (with
    ``min_confidence``: only events at least that confident, ``--min-confidence``)."""
    store.refresh_situation(only_if_stale=True)
    if min_confidence is None:
        events = rows(store, "SELECT * FROM s_events ORDER BY date NULLS LAST, event_id")
    else:
        check_confidence(min_confidence)
        events = rows(store, "SELECT * FROM s_events WHERE coalesce(confidence, 0) >= ? "
                             "ORDER BY date NULLS LAST, event_id", (float(min_confidence),))
    actors = {a["entity_id"]: a for a in rows(store, "SELECT * FROM s_actors")}
    reports: dict[str, list[dict]] = {}
    for r in rows(store, """SELECT r.*, strpos(substr(a.text, strpos(a.text, chr(10)) + 1), chr(10))
                                    + strpos(a.text, chr(10)) AS lede_end
                             FROM s_event_reports r JOIN articles a ON a.id = r.article_id
                             ORDER BY r.published NULLS LAST, r.article_id, r.sentence_start"""):
        reports.setdefault(r["event_id"], []).append(r)
    features = dict(store.con.execute(
        "SELECT geonameid, any_value(feature) FROM places WHERE geonameid IS NOT NULL GROUP BY 1").fetchall())
    return {"events": events, "actors": actors, "reports": reports, "features": features}


def check_confidence(value: float) -> None:
    """A minimum confidence is a number between 0 and 1 (an :class:`ExportError` otherwise)."""
    if not 0 <= float(value) <= 1:
        raise ExportError(f"--min-confidence must be between 0 and 1, not {value}")


def quad(etype: str) -> int:
    """The PLOVER quad class (1-4) of an event type."""
    return int(codes()["quad"][load_ontology().quad(etype)])


def cameo(ev: dict) -> str:
    """The event's CAMEO code: its own, else the ontology's for its type and mode."""
    return ev["cameo"] or load_ontology().cameo(ev["type"], ev["mode"]) or ""


def actor_code(a: Optional[dict]) -> Optional[str]:
    """An actor's code: its country, else IGO / NGO / IMG by kind."""
    if not a:
        return None
    return a["country"] or codes()["actor_code"].get(a["kind"])


def clean(value: Any) -> str:
    """A TSV cell: no tabs or line breaks, floats without trailing noise."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".10g")
    return " ".join(str(value).split())
