"""``sitrep ingest`` into a DuckDB store that ``sitrep serve`` holds: the articles go to the server.

DuckDB lets one process write a file, so while a server holds the store an ingest cannot open it. When
the server says where it listens (:mod:`sitrep.situation.handoff`), the articles read are sent to its
``POST /articles`` one by one with the bearer token from ``SITREP_TOKEN``; each comes back stored, already
stored, a duplicate, or a failure, and the ingest accounts for every id as it does when it writes itself.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import Any, Iterable, Optional

from ..core.article import Article, Duplicate, Failure
from ..core.errors import StoreError, StoreLockedError
from ..situation.store import IngestResult

#: the seconds one article may take on the server (it extracts it)
TIMEOUT_S = 300


def _body(a: Article) -> dict[str, Any]:
    return {k: v for k, v in {"id": a.id, "text": a.text, "title": a.title, "url": a.url, "published": a.published,
                              "source": a.source, "language": a.language}.items() if v is not None}


def _post(url: str, token: str, body: dict, query: str) -> tuple[int, dict]:
    if not url.startswith(("http://", "https://")):
        raise StoreError(f"the server's address {url!r} is not an http(s) URL")
    req = urllib.request.Request(  # noqa: S310 - an http(s) URL, checked above
        url + "/articles" + query,
                                 data=json.dumps(body).encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:  # noqa: S310 - checked above
            return resp.status, json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as err:
        try:
            return err.code, json.loads(err.read() or b"{}")
        except ValueError:
            return err.code, {}
    except (urllib.error.URLError, OSError) as err:
        raise StoreError(f"cannot reach the server at {url}: {err}") from None


def send_articles(server: str, items: Iterable[Any], *, replace: bool = False, update_meta: bool = False,
                  token: Optional[str] = None, on_progress=None) -> IngestResult:
    """Send what was read (articles, and the duplicates and failures of reading) to the server at
    ``server``; every id is accounted for in the result."""
    token = token if token is not None else os.environ.get("SITREP_TOKEN")
    if not token:
        raise StoreLockedError(f"the store is held by `sitrep serve` at {server}: set SITREP_TOKEN to the server's "
                               f"token to send the articles to it (POST /articles)", server=server)
    result = IngestResult()
    flags = [k for k, on in (("replace=true", replace), ("update_meta=true", update_meta)) if on]
    query = "?" + "&".join(flags) if flags else ""
    for item in items:
        result.read += 1
        if isinstance(item, Failure):
            result.failed += 1
            result.failures.append(item)
        elif isinstance(item, Duplicate):
            result.duplicates += 1
            result.duplicate_items.append(item)
        else:
            _send_one(server, token, item, query, result)
        if on_progress:
            on_progress(1)
    return result


def _send_one(server: str, token: str, a: Article, query: str, result: IngestResult) -> None:
    status, body = _post(server, token, _body(a), query)
    if status in (401, 403):
        raise StoreLockedError(f"the server at {server} refused the token in SITREP_TOKEN "
                               f"({body.get('error', {}).get('message', status)})", server=server)
    if status in (200, 201) and body.get("duplicate_of"):
        result.duplicates += 1
        result.duplicate_items.append(Duplicate(a.id, body["duplicate_of"], a.origin, first_origin="the store"))
    elif status == 201:
        result.stored += 1
        result.replaced += bool(body.get("replaced")) and not body.get("meta_updated")
        result.updated += bool(body.get("meta_updated"))
    elif status == 200:
        result.skipped += 1
    else:
        message = (body.get("error") or {}).get("message") or f"HTTP {status}"
        err = StoreError(f"the server at {server} did not store it: {message}", article_id=a.id, path=a.origin,
                         stage="store")
        result.failed += 1
        result.failures.append(Failure.from_error(err))
