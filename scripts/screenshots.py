"""Screenshots of every dashboard page into docs/screenshots/*.png (linked from the README): NAME.png at
1366x850 (a laptop) and NAME-390.png at 390x844 (a phone).

    PYTHONPATH=src python scripts/screenshots.py [--db demo.duckdb] [--out docs/screenshots]

Without --db it ingests the bundled example articles into a temporary database first. It needs
Playwright for Python and Debian's chromium (/usr/bin/chromium); `playwright install` is not used.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "screenshot-token"

PAGES = [  # (file name, hash route, what to wait for, an action before the shot)
    ("situation", "#/situation", "#by-type", None),
    ("search", "#/search?q=hama", "#search-results", None),
    ("graph", "#/graph", "#cy canvas", "graph"),
    ("timeline", "#/timeline", "#timeline", None),
    ("timeline-lanes", "#/timeline?lanes=actor", "#lanes", None),
    ("map", "#/map", "svg.map circle.place", "map"),
    ("evidence", None, "mark.main", "evidence"),
    ("contradictions", "#/contradictions?n=0", "#compare mark.main", None),
    ("add", "#/add", "#extract", "add"),
]
SIZES = [("", 1366, 850), ("-390", 390, 844)]

SAMPLE = ("BAGHDAD, Dec 17 (Test Wire) - Turkish and Iraqi foreign ministers met in Baghdad on Tuesday to discuss border security, "
          "officials said.\n\nTurkey's foreign minister Hakan Fidan said Ankara would support "
          "\"every step that brings stability to Syria\".")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a sitrep database (default: the demo, built in a temporary dir)")
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = ap.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: pip install playwright", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium", file=sys.stderr)
        return 1
    from sitrep.api import BackgroundServer, create_app

    tmp = None
    db = args.db
    if db is None:
        from sitrep.examples import example_articles
        from sitrep.store import Store

        tmp = tempfile.TemporaryDirectory(prefix="sitrep-shots-")
        db = Path(tmp.name) / "demo.duckdb"
        with Store(db) as store:
            store.ingest(example_articles())
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with BackgroundServer(create_app(db, token=TOKEN)) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            errors: list[str] = []
            for suffix, width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                shoot(page, url, args.out, suffix)
                page.close()
            browser.close()
            if errors:
                print("console errors:\n  " + "\n  ".join(errors), file=sys.stderr)
                return 1
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


def shoot(page, url: str, out_dir: Path, suffix: str) -> None:
    for name, route, ready, action in PAGES:
        if action == "evidence":
            page.goto(url + "/#/timeline")
            page.wait_for_selector("#timeline")
            page.locator("#timeline .entry.event .entry-what").nth(3).click()
        else:
            page.goto(url + "/" + route)
        page.wait_for_selector(ready, timeout=20000)
        if action == "graph":
            page.wait_for_timeout(500)
            page.evaluate("""() => { const cy = window.sitrepGraph; const n = cy.nodes().sort(
                (a, b) => b.degree() - a.degree())[0]; n.select(); n.emit('tap'); }""")
            page.wait_for_selector("#profile .profile")
        elif action == "map":
            page.locator("svg.map circle.place.has-events").last.click()
            page.wait_for_selector("#place-events li")
        elif action == "add":
            page.fill("textarea[name=text]", SAMPLE)
            page.fill("input[name=title]", "Turkish and Iraqi ministers meet in Baghdad")
            page.fill("input[name=token]", TOKEN)
            page.click("#extract")
            page.wait_for_selector("#result .doc", timeout=60000)
        page.wait_for_timeout(300)
        out = out_dir / f"{name}{suffix}.png"
        page.screenshot(path=str(out), full_page=name in ("situation", "add"))
        print(out)


if __name__ == "__main__":
    sys.exit(main())
